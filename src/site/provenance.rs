//! Whether the proposal on the page is one the site publishes, and the words that say so when it
//! is not. A link or a file can carry any proposal under any name, with the council's look
//! around it, so every place that names such a proposal (the warning above its figures, the
//! picker, the page's title and heading) takes its words from here.

/// Where the proposal on the page came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provenance {
    /// One of the proposals the site's publisher put on the site.
    Published,
    /// A proposal anyone could have written, carried in a link or opened from a file.
    Opened(Source),
}

/// How an unpublished proposal reached the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    Link,
    File,
}

impl Source {
    fn noun(self) -> &'static str {
        match self {
            Source::Link => "link",
            Source::File => "file",
        }
    }
}

/// "Not published by Sandwell Council", or, for a site that names no council, "on this site".
fn not_published(council_name: &str) -> String {
    match council_name.trim() {
        "" => "Not published on this site".to_string(),
        name => format!("Not published by {name}"),
    }
}

/// "Not published by Sandwell Council, opened from a link": the short form, for titles.
fn tag(source: Source, council_name: &str) -> String {
    format!(
        "{}, opened from a {}",
        not_published(council_name),
        source.noun()
    )
}

/// The warning shown above an unpublished proposal's figures.
pub fn warning(source: Source, council_name: &str) -> String {
    let noun = source.noun();
    format!(
        "{}: this proposal was opened from a {noun}. Its figures are whatever the {noun}'s author wrote; check them against the council's own papers.",
        not_published(council_name)
    )
}

/// The proposal's name in the picker: "Sandwell ... (from a link)" when it is not published.
pub fn picker_label(name: &str, provenance: Provenance) -> String {
    match provenance {
        Provenance::Published => name.to_string(),
        Provenance::Opened(source) => format!("{name} (from a {})", source.noun()),
    }
}

/// The browser tab's title: the proposal and the site's title, led by the warning when the
/// proposal is not published (a tab shows the start of its title).
pub fn page_title(
    name: &str,
    site_title: &str,
    provenance: Provenance,
    council_name: &str,
) -> String {
    match provenance {
        Provenance::Published => format!("{name}: {site_title}"),
        Provenance::Opened(source) => {
            format!("{}: {name}: {site_title}", tag(source, council_name))
        }
    }
}

/// The page's main heading (read by screen readers; the page shows the warning instead).
pub fn heading(name: &str, provenance: Provenance, council_name: &str) -> String {
    match provenance {
        Provenance::Published => format!("Invest to save calculator: {name}"),
        Provenance::Opened(source) => format!(
            "Invest to save calculator: {name} ({})",
            tag(source, council_name)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAME: &str = "Sandwell Children's Trust";

    #[test]
    fn a_published_proposal_is_named_plainly() {
        assert_eq!(
            page_title(
                NAME,
                "Calculator",
                Provenance::Published,
                "Sandwell Council"
            ),
            "Sandwell Children's Trust: Calculator"
        );
        assert_eq!(picker_label(NAME, Provenance::Published), NAME);
        assert_eq!(
            heading(NAME, Provenance::Published, ""),
            "Invest to save calculator: Sandwell Children's Trust"
        );
    }

    #[test]
    fn an_opened_proposal_says_where_it_came_from_and_who_did_not_publish_it() {
        let from_link = Provenance::Opened(Source::Link);
        assert_eq!(
            warning(Source::Link, "Sandwell Council"),
            "Not published by Sandwell Council: this proposal was opened from a link. Its figures are whatever the link's author wrote; check them against the council's own papers."
        );
        assert_eq!(
            page_title(NAME, "Calculator", from_link, "Sandwell Council"),
            "Not published by Sandwell Council, opened from a link: Sandwell Children's Trust: Calculator"
        );
        assert_eq!(
            heading(NAME, Provenance::Opened(Source::File), "Sandwell Council"),
            "Invest to save calculator: Sandwell Children's Trust (Not published by Sandwell Council, opened from a file)"
        );
        assert_eq!(
            picker_label(NAME, from_link),
            "Sandwell Children's Trust (from a link)"
        );
    }

    #[test]
    fn a_site_without_a_council_name_says_this_site() {
        assert!(warning(Source::File, " ").starts_with(
            "Not published on this site: this proposal was opened from a file. Its figures are whatever the file's author wrote"
        ));
    }
}
