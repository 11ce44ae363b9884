//! Builds the published site from its parts: checks every proposal file the site file names,
//! and writes the page data, the page built in advance and the council's stylesheet into the
//! `index.html` Trunk produced. Pure: the `site` command does the reading and writing.

use crate::analysis::uncertainty::DEFAULT_SEED;
use crate::analysis::{uncertain_levers, uncertainty};
use crate::model;
use crate::proposal::{read_proposal, Proposal};

use super::config::{site_stylesheet, SiteConfig};
use super::page_data::{PageData, ProposalText, PAGE_DATA_ID};
use super::prerender::static_page;
use super::provenance::{page_title, Provenance};

/// Where the build writes into `index.html`: everything between a pair of these comments is
/// replaced, so building twice gives the same page.
pub const PAGE_MARKERS: (&str, &str) = ("<!-- site:page -->", "<!-- /site:page -->");
pub const DATA_MARKERS: (&str, &str) = ("<!-- site:data -->", "<!-- /site:data -->");

/// The id of the element holding the page built in advance; the calculator removes it when it
/// starts.
pub const STATIC_PAGE_ID: &str = "static-page";

#[derive(Debug, Clone, PartialEq)]
pub struct BuiltSite {
    pub index_html: String,
    pub site_css: String,
}

/// Reads every proposal file: all of them must be usable, and no two may share an id.
pub fn read_proposals(files: &[ProposalText]) -> Result<Vec<Proposal>, Vec<String>> {
    let mut proposals: Vec<Proposal> = Vec::new();
    let mut problems = Vec::new();
    for file in files {
        match read_proposal(&file.text) {
            Ok(proposal) if proposals.iter().any(|p| p.id == proposal.id) => problems.push(format!(
                "{}: another proposal on this site already has the id \"{}\"; give this one its own id",
                file.file, proposal.id
            )),
            Ok(proposal) => proposals.push(proposal),
            Err(found) => problems.extend(found.iter().map(|p| format!("{}: {p}", file.file))),
        }
    }
    if problems.is_empty() {
        Ok(proposals)
    } else {
        Err(problems)
    }
}

/// The site, from its configuration, the text of its proposal files (in the configuration's
/// order) and the `index.html` Trunk built; the page built in advance says what an uncertainty
/// run of `draws` draws gives (the site command makes `DEFAULT_DRAWS`).
pub fn build_site(
    config: &SiteConfig,
    files: Vec<ProposalText>,
    index_html: &str,
    draws: usize,
) -> Result<BuiltSite, Vec<String>> {
    let proposals = read_proposals(&files)?;
    let Some(first) = proposals.first() else {
        return Err(vec!["the site publishes no proposals".into()]);
    };
    let cashflow = model::run(&first.starting);
    // The page opens on the first proposal, so its uncertainty sentence is there without script.
    let uncertainty = uncertainty(
        first.levers(),
        &first.starting,
        &uncertain_levers(first.levers(), &first.starting),
        draws,
        DEFAULT_SEED,
    );
    let page = format!(
        "<div id=\"{STATIC_PAGE_ID}\">{}</div>",
        static_page(&config.branding, first, &cashflow, Some(&uncertainty))
    );
    let data = PageData {
        branding: config.branding.clone(),
        proposals: files,
    };
    let data_script = format!(
        "<script type=\"application/json\" id=\"{PAGE_DATA_ID}\">{}</script>",
        data.to_script_json()
    );
    let html = replace_between(index_html, PAGE_MARKERS, &page)?;
    let html = replace_between(&html, DATA_MARKERS, &data_script)?;
    let title = page_title(
        &first.name,
        &config.branding.title,
        Provenance::Published,
        &config.branding.council_name,
    );
    let html = replace_title(&html, &title);
    Ok(BuiltSite {
        index_html: html,
        site_css: site_stylesheet(&config.branding.colours),
    })
}

fn replace_between(
    html: &str,
    (open, close): (&str, &str),
    content: &str,
) -> Result<String, Vec<String>> {
    let missing = || {
        vec![format!(
            "index.html has no {open} ... {close} pair, so the build cannot tell where the page goes"
        )]
    };
    let start = html.find(open).ok_or_else(missing)? + open.len();
    let end = start + html[start..].find(close).ok_or_else(missing)?;
    Ok(format!("{}{content}{}", &html[..start], &html[end..]))
}

fn replace_title(html: &str, title: &str) -> String {
    match (html.find("<title>"), html.find("</title>")) {
        (Some(start), Some(end)) if start < end => format!(
            "{}<title>{}{}",
            &html[..start],
            crate::report::svg::escape(title),
            &html[end..]
        ),
        _ => html.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::proposal::presets::PRESET_FILES;
    use crate::site::config::read_site_config;

    const INDEX: &str =
        "<html><head><title>x</title></head><body><!-- site:page --><!-- /site:page -->\
                         <p id=\"loading\"></p><!-- site:data --><!-- /site:data --></body></html>";

    fn shipped() -> Vec<ProposalText> {
        PRESET_FILES
            .iter()
            .map(|(file, text)| ProposalText {
                file: file.to_string(),
                text: text.to_string(),
            })
            .collect()
    }

    #[test]
    fn building_twice_gives_the_same_page() {
        let config = read_site_config("proposals = [\"a\"]").unwrap();
        let once = build_site(&config, shipped(), INDEX, 20).unwrap();
        let twice = build_site(&config, shipped(), &once.index_html, 20).unwrap();
        assert_eq!(once, twice);
        assert!(once
            .index_html
            .contains("<title>Sandwell: an early help lead"));
        assert_eq!(once.index_html.matches("id=\"site-data\"").count(), 1);
    }

    #[test]
    fn a_broken_or_clashing_file_stops_the_build_with_its_name() {
        let config = read_site_config("proposals = [\"a\"]").unwrap();
        let mut files = shipped();
        files.push(files[0].clone());
        files.push(ProposalText {
            file: "broken.toml".into(),
            text: "format = 1\nid = ".into(),
        });
        let problems = build_site(&config, files, INDEX, 20).unwrap_err();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].starts_with("sandwell.toml: another proposal"));
        assert!(problems[1].starts_with("broken.toml: "));
    }

    #[test]
    fn a_page_without_markers_is_refused() {
        let config = read_site_config("proposals = [\"a\"]").unwrap();
        let problems = build_site(&config, shipped(), "<html></html>", 20).unwrap_err();
        assert!(problems[0].contains("<!-- site:page -->"));
    }
}
