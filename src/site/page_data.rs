//! What the site build hands the page: the council's look and each proposal file, as written
//! and as built, packed (`codec::packed`) inside the built `index.html`, so the page needs no
//! request (and no TOML reader, JSON reader or checks of meaning) to start.
//!
//! Packed data carries file names no later step can find, so the site command names the logo
//! after its content before the page data is written (`Logo::file` is its published name).

use serde::{Deserialize, Serialize};

use super::config::Branding;
use crate::codec::packed::{pack, unpack};
use crate::proposal::{named_problems, Proposal, ReadFile};

/// The id of the element that holds the page data: a `<script>` of type `PAGE_DATA_TYPE`, which
/// a browser keeps as text and never runs.
pub const PAGE_DATA_ID: &str = "site-data";
pub const PAGE_DATA_TYPE: &str = "application/octet-stream";

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PageData {
    pub branding: Branding,
    /// Proposal files in the order the page offers them; the first opens by default.
    pub proposals: Vec<PublishedFile>,
}

/// A proposal file as the site command was given it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProposalText {
    /// The file's name, for messages.
    pub file: String,
    pub text: String,
}

impl ProposalText {
    /// The proposal files shipped with the calculator (`proposals/`), as the site command reads
    /// them: for tests and the fuzz harness, which build sites from them.
    pub fn shipped() -> Vec<ProposalText> {
        crate::proposal::presets::PRESET_FILES
            .iter()
            .map(|(file, text)| ProposalText {
                file: file.to_string(),
                text: text.to_string(),
            })
            .collect()
    }
}

/// A proposal file the site build has read and checked.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PublishedFile {
    /// The file's name, for messages.
    pub file: String,
    pub read: ReadFile,
}

impl PageData {
    /// The packed text, safe inside a `<script>` element: `codec::printable` never writes `<`,
    /// so no file's text can close the element.
    pub fn to_script_text(&self) -> String {
        pack(self)
    }

    pub fn from_script_text(text: &str) -> Result<PageData, String> {
        unpack(text).map_err(|why| format!("the page's site data could not be read: {why}"))
    }

    /// The proposals as the site build built and checked them (taken, not copied), in order,
    /// and the look; a proposal whose id another already has is left out, with a problem that
    /// names its file.
    pub fn into_contents(self) -> (Vec<Proposal>, Branding, Vec<String>) {
        let built = distinct(
            self.proposals
                .into_iter()
                .map(|PublishedFile { file, read }| (file, Ok(read.proposal()))),
            |proposal| proposal,
        );
        match built {
            Ok(proposals) => (proposals, self.branding, Vec::new()),
            Err((proposals, problems)) => (proposals, self.branding, problems),
        }
    }
}

/// The proposals read, each with its file's name: all of them if every one was usable and no
/// two share an id; otherwise those that were, and every problem, each named with its file.
pub fn distinct<Name: AsRef<str>, T>(
    read: impl IntoIterator<Item = (Name, Result<T, Vec<String>>)>,
    proposal: impl Fn(&T) -> &Proposal,
) -> Result<Vec<T>, (Vec<T>, Vec<String>)> {
    let mut kept: Vec<T> = Vec::new();
    let mut problems = Vec::new();
    for (file, result) in read {
        let file = file.as_ref();
        match result {
            Ok(found) if kept.iter().any(|p| proposal(p).id == proposal(&found).id) => problems.push(format!(
                "{file}: another proposal on this site already has the id \"{}\"; give this one its own id",
                proposal(&found).id
            )),
            Ok(found) => kept.push(found),
            Err(found) => problems.extend(named_problems(file, found)),
        }
    }
    if problems.is_empty() {
        Ok(kept)
    } else {
        Err((kept, problems))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::proposal::presets::PRESET_FILES;
    use crate::proposal::read_file;

    fn published(file: &str, text: &str) -> PublishedFile {
        PublishedFile {
            file: file.into(),
            read: read_file(text).unwrap().1,
        }
    }

    #[test]
    fn a_file_cannot_close_the_script_element() {
        let text = PRESET_FILES[2].1.replacen(
            "summary = ",
            "# </script><script>alert(1)</script>\nsummary = ",
            1,
        );
        let data = PageData {
            branding: Branding::default(),
            proposals: vec![published("x.toml", &text)],
        };
        let packed = data.to_script_text();
        assert!(!packed.contains('<'));
        let back = PageData::from_script_text(&packed).unwrap();
        assert_eq!(back.proposals[0].read.text, text);
        assert_eq!(back.into_contents().0[0].file_text.as_ref(), text);
    }

    #[test]
    fn the_page_builds_each_proposal_and_names_a_clash_with_its_file() {
        let (_, sandwell) = PRESET_FILES[0];
        let data = PageData {
            branding: Branding::default(),
            proposals: vec![published("a.toml", sandwell), published("b.toml", sandwell)],
        };
        let (proposals, _, problems) = data.into_contents();
        assert_eq!(proposals.len(), 1);
        assert_eq!(
            problems,
            ["b.toml: another proposal on this site already has the id \"sandwell\"; give this one its own id"]
        );
    }
}
