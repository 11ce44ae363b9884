//! The site file (`site.toml`): which proposals a council publishes, in what order, and the
//! council's name, colours and logo. Read when the site is built; nothing here is code.

use serde::Deserialize;

use super::colour::{Colour, MIN_TEXT_CONTRAST};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SiteFile {
    proposals: Vec<String>,
    #[serde(default)]
    council: CouncilFile,
    #[serde(default)]
    colours: ColoursFile,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CouncilFile {
    title: Option<String>,
    name: Option<String>,
    logo: Option<String>,
    logo_alt: Option<String>,
    home_url: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ColoursFile {
    brand: Option<String>,
    masthead: Option<String>,
    focus: Option<String>,
}

/// A site, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteConfig {
    /// Proposal files, relative to the site file; the first opens by default.
    pub proposal_files: Vec<String>,
    pub branding: Branding,
    /// Image file for the logo, relative to the site file.
    pub logo_file: Option<String>,
}

/// What the page shows of the council that publishes it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Branding {
    /// The page's title, in the masthead and the browser tab.
    pub title: String,
    /// The publishing council, above the title; empty for none.
    pub council_name: String,
    /// The logo's file name in the built site, its text alternative and where it links.
    pub logo: Option<Logo>,
    pub colours: Colours,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Logo {
    pub file: String,
    pub alt: String,
    pub home_url: Option<String>,
}

/// `#rrggbb` colours: links, buttons and the model's curve; the masthead behind white text; the
/// focus highlight.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Colours {
    pub brand: String,
    pub masthead: String,
    pub focus: String,
}

pub const DEFAULT_TITLE: &str = "Invest to save calculator";

impl Default for Branding {
    fn default() -> Self {
        Branding {
            title: DEFAULT_TITLE.into(),
            council_name: String::new(),
            logo: None,
            colours: Colours {
                brand: "#1d70b8".into(),
                masthead: "#003078".into(),
                focus: "#ffdd00".into(),
            },
        }
    }
}

/// The largest site file, in bytes.
pub const MAX_SITE_FILE_BYTES: usize = 16 * 1024;
/// The most proposals one site publishes (each is embedded in the page).
pub const MAX_SITE_PROPOSALS: usize = 20;

/// Reads a site file. Every problem is listed, each in words an officer can act on.
pub fn read_site_config(text: &str) -> Result<SiteConfig, Vec<String>> {
    // Bounded before it is read, like a proposal file: a real site file is a page of text.
    if text.len() > MAX_SITE_FILE_BYTES {
        return Err(vec![format!(
            "site file: it is {} KB; a site file may be at most {} KB",
            text.len().div_ceil(1024),
            MAX_SITE_FILE_BYTES / 1024
        )]);
    }
    let raw: SiteFile = toml::from_str(text)
        .map_err(|error| vec![format!("site file: {}", error.to_string().trim())])?;
    let mut problems = Vec::new();
    if raw.proposals.len() > MAX_SITE_PROPOSALS {
        problems.push(format!(
            "proposals lists {} files; a site may publish at most {MAX_SITE_PROPOSALS}",
            raw.proposals.len()
        ));
    }
    if raw.proposals.is_empty() {
        problems.push(
            "proposals lists no proposal files; name at least one, such as proposals = [\"proposals/my-council.toml\"]"
                .to_string(),
        );
    }
    let defaults = Branding::default();
    let mut colour = |key: &str, given: Option<String>, fallback: &str| -> Option<Colour> {
        match Colour::parse(given.as_deref().unwrap_or(fallback)) {
            Ok(colour) => Some(colour),
            Err(message) => {
                problems.push(format!("colours.{key}: {message}"));
                None
            }
        }
    };
    let brand = colour("brand", raw.colours.brand, &defaults.colours.brand);
    let masthead = colour("masthead", raw.colours.masthead, &defaults.colours.masthead);
    let focus = colour("focus", raw.colours.focus, &defaults.colours.focus);
    // The brand colour is link text on white and the background of white button text; the
    // masthead carries white text.
    for (key, found) in [("brand", brand), ("masthead", masthead)] {
        if let Some(found) = found {
            let ratio = found.contrast(Colour::WHITE);
            if ratio < MIN_TEXT_CONTRAST {
                problems.push(format!(
                    "colours.{key} = \"{}\" has a contrast of {ratio:.1}:1 with white; text needs at least {MIN_TEXT_CONTRAST}:1 (WCAG 2.2 AA), so choose a darker colour",
                    found.hex()
                ));
            }
        }
    }
    if let Some(found) = focus {
        let ratio = found.contrast(Colour::NEAR_BLACK);
        if ratio < MIN_TEXT_CONTRAST {
            problems.push(format!(
                "colours.focus = \"{}\" has a contrast of {ratio:.1}:1 with the black focus outline around it; choose a lighter colour",
                found.hex()
            ));
        }
    }
    let home_url = raw
        .council
        .home_url
        .map(|url| url.trim().to_string())
        .filter(|url| !url.is_empty());
    if let Some(problem) = home_url.as_deref().and_then(link_problem) {
        problems.push(format!("council.home_url: {problem}"));
    }
    let logo_file = raw.council.logo.filter(|file| !file.trim().is_empty());
    let logo = match &logo_file {
        Some(file) => {
            let alt = raw.council.logo_alt.unwrap_or_default();
            if alt.trim().is_empty() {
                problems.push(format!(
                    "council.logo_alt: the logo \"{file}\" needs a text alternative, such as the council's name"
                ));
            }
            let extension = logo_extension(file);
            if extension.is_none() {
                problems.push(format!(
                    "council.logo: \"{file}\" should be an .svg, .png, .jpg or .webp image"
                ));
            }
            Some(Logo {
                file: format!("logo.{}", extension.unwrap_or("svg")),
                alt,
                home_url,
            })
        }
        None => None,
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    let hex = |colour: Option<Colour>| colour.map(Colour::hex).unwrap_or_default();
    Ok(SiteConfig {
        proposal_files: raw.proposals,
        branding: Branding {
            title: raw
                .council
                .title
                .filter(|t| !t.trim().is_empty())
                .unwrap_or(defaults.title),
            council_name: raw.council.name.unwrap_or_default().trim().to_string(),
            logo,
            colours: Colours {
                brand: hex(brand),
                masthead: hex(masthead),
                focus: hex(focus),
            },
        },
        logo_file,
    })
}

/// Why a link in the site file may not be used, if it may not. A link stays on the council's
/// own ground: an `https://` address, or a path on the site the page is published on (`/`,
/// `/children/`, `../index.html`). Refused: a plain `http://` address (the page is served over
/// HTTPS, and every council site answers on it); `//host/`, which leaves the site on whatever
/// scheme the page has; any other scheme (`javascript:`, `data:`, `mailto:`); backslashes, which
/// browsers read as slashes (`/\host` is `//host`); and spaces and control characters, which
/// browsers drop from inside an address (`java\tscript:` is `javascript:`).
fn link_problem(url: &str) -> Option<String> {
    let shown = url.escape_debug();
    if url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '\\')
    {
        return Some(format!(
            "\"{shown}\" has a space, a control character or a backslash; write the address as a browser shows it"
        ));
    }
    let lower = url.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("https://") {
        return match rest.split(['/', '?', '#']).next() {
            Some(host) if !host.is_empty() => None,
            _ => Some(format!("\"{shown}\" names no site after https://")),
        };
    }
    if lower.starts_with("http://") {
        return Some(format!(
            "\"{shown}\" is not a secure address; write it with https://"
        ));
    }
    if url.starts_with("//") {
        return Some(format!(
            "\"{shown}\" leaves the site on whatever scheme the page was opened with; write https:{shown} or a path on your site, such as /children/"
        ));
    }
    // Before its first `/`, `?` or `#`, a colon makes the text a scheme, not a path.
    let first_segment = url.split(['/', '?', '#']).next().unwrap_or_default();
    if first_segment.contains(':') {
        return Some(format!(
            "\"{shown}\" is not a web address; write an address starting https:// or a path on your site, such as /children/"
        ));
    }
    None
}

const LOGO_EXTENSIONS: [&str; 5] = ["svg", "png", "jpg", "jpeg", "webp"];

fn logo_extension(file: &str) -> Option<&'static str> {
    let lower = file.to_ascii_lowercase();
    LOGO_EXTENSIONS
        .into_iter()
        .find(|extension| lower.ends_with(&format!(".{extension}")))
}

/// Whether `name` (without a content hash) is a name the build gives a logo, `logo.svg` and the
/// like: so the site command can remove the logo of an earlier build that the new one replaced.
pub fn is_logo_name(name: &str) -> bool {
    name.strip_prefix("logo.")
        .is_some_and(|extension| LOGO_EXTENSIONS.contains(&extension))
}

/// The stylesheet that gives the page the council's colours (`site.css`).
pub fn site_stylesheet(colours: &Colours) -> String {
    format!(
        "/* Written by the site build from site.toml: the council's colours. */\n:root {{\n  --brand: {};\n  --brand-dark: {};\n  --focus: {};\n}}\n",
        colours.brand, colours.masthead, colours.focus
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_minimal_site_gets_the_default_look() {
        let site = read_site_config("proposals = [\"proposals/own.toml\"]").unwrap();
        assert_eq!(site.proposal_files, ["proposals/own.toml"]);
        assert_eq!(site.branding, Branding::default());
    }

    #[test]
    fn every_problem_is_listed() {
        let problems = read_site_config(
            "proposals = []\n[council]\nlogo = \"crest.gif\"\n[colours]\nbrand = \"#ffdd00\"\nmasthead = \"red\"\n",
        )
        .unwrap_err();
        let all = problems.join("\n");
        assert!(all.contains("lists no proposal files"), "{all}");
        assert!(
            all.contains("colours.brand = \"#ffdd00\" has a contrast of 1.3:1"),
            "{all}"
        );
        assert!(
            all.contains("colours.masthead: \"red\" is not a colour"),
            "{all}"
        );
        assert!(all.contains("needs a text alternative"), "{all}");
        assert!(all.contains("should be an .svg"), "{all}");
    }

    #[test]
    fn unknown_keys_are_named() {
        let problems = read_site_config("proposals = [\"a.toml\"]\n[colours]\nbrnad = \"#000\"\n")
            .unwrap_err();
        assert!(problems[0].contains("brnad"), "{problems:?}");
    }

    fn home_url(url: &str) -> Result<SiteConfig, Vec<String>> {
        read_site_config(&format!(
            "proposals = [\"a.toml\"]\n[council]\nlogo = \"crest.svg\"\nlogo_alt = \"Crest\"\nhome_url = {}\n",
            serde_json::Value::String(url.into())
        ))
    }

    #[test]
    fn the_logo_links_to_the_councils_https_site_or_a_path_on_this_one() {
        for url in [
            "https://www.anytown.gov.uk/",
            "HTTPS://www.anytown.gov.uk/children?from=calculator#top",
            "/",
            "/children-and-families/",
            "../index.html",
            "index.html",
            "  https://www.anytown.gov.uk/  ",
        ] {
            let site = home_url(url).unwrap_or_else(|problems| panic!("{url}: {problems:?}"));
            let logo = site.branding.logo.unwrap();
            assert_eq!(logo.home_url.as_deref(), Some(url.trim()));
        }
    }

    #[test]
    fn a_link_off_the_site_or_to_a_script_is_refused_naming_the_key() {
        for (url, reason) in [
            ("//other.example/", "write https://other.example/ or a path"),
            ("http://www.anytown.gov.uk/", "is not a secure address"),
            ("javascript:alert(1)", "is not a web address"),
            ("JavaScript:alert(1)", "is not a web address"),
            (
                "data:text/html,<script>alert(1)</script>",
                "is not a web address",
            ),
            ("mailto:someone@anytown.gov.uk", "is not a web address"),
            ("https://", "names no site after https://"),
            ("https:///path", "names no site after https://"),
            ("/\\other.example/", "a backslash"),
            ("java\tscript:alert(1)", "a control character"),
            ("/a page", "a space"),
        ] {
            let problems = home_url(url).unwrap_err();
            assert_eq!(problems.len(), 1, "{url}: {problems:?}");
            assert!(
                problems[0].starts_with("council.home_url: "),
                "{url}: {problems:?}"
            );
            assert!(problems[0].contains(reason), "{url}: {problems:?}");
        }
    }

    #[test]
    fn a_home_url_is_checked_even_without_a_logo() {
        let problems = read_site_config(
            "proposals = [\"a.toml\"]\n[council]\nhome_url = \"//other.example/\"\n",
        )
        .unwrap_err();
        assert!(
            problems[0].starts_with("council.home_url: "),
            "{problems:?}"
        );
    }

    #[test]
    fn the_stylesheet_holds_only_checked_colours() {
        let site = read_site_config(
            "proposals = [\"a.toml\"]\n[colours]\nbrand = \"#00F\"\nmasthead = \"#222222\"\n",
        )
        .unwrap();
        let css = site_stylesheet(&site.branding.colours);
        assert!(css.contains("--brand: #0000ff;"));
        assert!(css.contains("--brand-dark: #222222;"));
    }
}
