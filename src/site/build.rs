//! Builds the published site from its parts: checks every proposal file the site file names,
//! and writes the page data, the page built in advance and the council's stylesheet into the
//! `index.html` Trunk produced. Pure: the `site` command does the reading and writing.

use crate::analysis::uncertainty::DEFAULT_SEED;
use crate::analysis::{uncertain_levers, uncertainty};
use crate::model;
use crate::proposal::{read_file, Proposal, ReadFile};

use super::config::{site_stylesheet, SiteConfig};
use super::page_data::{
    distinct, PageData, ProposalText, PublishedFile, PAGE_DATA_ID, PAGE_DATA_TYPE,
};
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

/// Reads and checks every proposal file, keeping each as built for the page: all of them must be
/// usable, no two may share an id, and each must reach the page as the same proposal.
pub fn read_proposals(
    files: &[ProposalText],
) -> Result<Vec<(Proposal, PublishedFile)>, Vec<String>> {
    distinct(
        files
            .iter()
            .map(|file| (file.file.as_str(), read_for_page(file))),
        |(proposal, _)| proposal,
    )
    .map_err(|(_, problems)| problems)
}

fn read_for_page(file: &ProposalText) -> Result<(Proposal, PublishedFile), Vec<String>> {
    let (proposal, read) = read_file(&file.text)
        .map_err(|found| found.iter().map(ToString::to_string).collect::<Vec<_>>())?;
    // The page takes the proposal from the packed data: it must come out the same, figure for
    // figure and each with its places (as its debug form shows them), or the page would show
    // what the checker did not check.
    let on_the_page =
        ReadFile::unpacked(&read.packed()).map(|read| format!("{:?}", read.proposal()));
    if on_the_page.as_ref() != Ok(&format!("{proposal:?}")) {
        return Err(vec![format!(
            "the page would not read this file as the checker did ({}); please report it",
            on_the_page
                .err()
                .unwrap_or_else(|| "a value differs".into())
        )]);
    }
    Ok((
        proposal,
        PublishedFile {
            file: file.file.clone(),
            read,
        },
    ))
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
    let (proposals, published): (Vec<Proposal>, Vec<PublishedFile>) =
        read_proposals(&files)?.into_iter().unzip();
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
        proposals: published,
    };
    let data_script = format!(
        "<script type=\"{PAGE_DATA_TYPE}\" id=\"{PAGE_DATA_ID}\">{}</script>",
        data.to_script_text()
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
    use crate::site::config::read_site_config;

    const INDEX: &str =
        "<html><head><title>x</title></head><body><!-- site:page --><!-- /site:page -->\
                         <p id=\"loading\"></p><!-- site:data --><!-- /site:data --></body></html>";

    #[test]
    fn building_twice_gives_the_same_page() {
        let config = read_site_config("proposals = [\"a\"]").unwrap();
        let once = build_site(&config, ProposalText::shipped(), INDEX, 20).unwrap();
        let twice = build_site(&config, ProposalText::shipped(), &once.index_html, 20).unwrap();
        assert_eq!(once, twice);
        assert!(once
            .index_html
            .contains("<title>Sandwell: an early help lead"));
        assert_eq!(once.index_html.matches("id=\"site-data\"").count(), 1);
    }

    #[test]
    fn a_broken_or_clashing_file_stops_the_build_with_its_name() {
        let config = read_site_config("proposals = [\"a\"]").unwrap();
        let mut files = ProposalText::shipped();
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
        let problems =
            build_site(&config, ProposalText::shipped(), "<html></html>", 20).unwrap_err();
        assert!(problems[0].contains("<!-- site:page -->"));
    }
}
