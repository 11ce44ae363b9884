//! A proposal file as written and as read. The site build reads each file once, with the TOML
//! reader and its line-and-column checker, and hands the page this pair as JSON: the page builds
//! the proposal from the values already read, so it starts without a TOML reader (about a fifth
//! of its download). The checker, loaded only when a reader opens a file of their own, hands
//! back the same pair.

use serde::{Deserialize, Serialize};

use super::check::{check_keeping_read, Findings, Problem};
use super::file::ProposalFile;
use super::Proposal;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ReadFile {
    /// The file as written, comments and all (kept for "Download as a proposal file" and links).
    pub text: String,
    /// Its values as the checker read them.
    read: ProposalFile,
}

/// Reads and checks a proposal file, keeping what was read: the proposal and the pair that
/// rebuilds it, or every problem at its line and column.
pub fn read_file(text: &str) -> Result<(Proposal, ReadFile), Vec<Problem>> {
    check_keeping_read(text).map(|(proposal, read)| {
        (
            proposal,
            ReadFile {
                text: text.to_string(),
                read,
            },
        )
    })
}

impl ReadFile {
    /// The proposal, built from the values read (no TOML reading). A file that was checked
    /// builds without a problem; any other problem names its key, but not its line, since the
    /// text is not read again.
    pub fn proposal(self) -> Result<Proposal, Vec<String>> {
        let mut findings = Findings::default();
        let built = super::build(self.read, &mut findings);
        match built {
            Some(proposal) if findings.is_empty() => Ok(Proposal {
                file_text: self.text.into(),
                ..proposal
            }),
            _ if findings.is_empty() => Err(vec!["the file could not be read".to_string()]),
            _ => Err(findings.into_messages()),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| "null".into())
    }

    pub fn from_json(json: &str) -> Result<ReadFile, String> {
        serde_json::from_str(json)
            .map_err(|error| format!("the proposal could not be read ({error})"))
    }
}

/// What the checker module hands the page for a file: the file read, or every problem at its
/// line and column. Both sides read and write it here, so they cannot disagree.
#[derive(Debug, Serialize, Deserialize)]
enum Checked {
    Read(Box<ReadFile>),
    Problems(Vec<String>),
}

/// The checker module's answer for a file's text, as JSON.
pub fn checked_json(text: &str) -> String {
    let checked = match read_file(text) {
        Ok((_, read)) => Checked::Read(Box::new(read)),
        Err(problems) => Checked::Problems(problems.iter().map(ToString::to_string).collect()),
    };
    serde_json::to_string(&checked).unwrap_or_else(|_| "null".into())
}

/// The file the checker module read, or its problems (an answer that cannot be read is one).
pub fn from_checked_json(json: &str) -> Result<ReadFile, Vec<String>> {
    match serde_json::from_str(json) {
        Ok(Checked::Read(read)) => Ok(*read),
        Ok(Checked::Problems(problems)) => Err(problems),
        Err(error) => Err(vec![format!(
            "the checker's answer could not be read ({error})"
        )]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::proposal::presets::PRESET_FILES;

    fn files_in(folder: &str) -> Vec<String> {
        let mut texts = Vec::new();
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "toml") {
                texts.push(std::fs::read_to_string(path).unwrap());
            }
        }
        texts
    }

    /// Every shipped proposal and test file that reads, handed on as JSON and built again, is
    /// the proposal the TOML reader gives: every figure, lever and word.
    #[test]
    fn a_file_handed_on_as_json_builds_the_same_proposal() {
        let mut compared = 0;
        for text in files_in("proposals")
            .iter()
            .chain(&files_in("tests/fixtures"))
        {
            let Ok((proposal, read)) = read_file(text) else {
                continue;
            };
            let handed = ReadFile::from_json(&read.to_json()).unwrap();
            assert_eq!(handed.proposal().unwrap(), proposal);
            compared += 1;
        }
        assert!(compared >= 8, "only {compared} files compared");
    }

    /// The checker's answer reads back on the page: the proposal, or the problems at their
    /// lines and columns.
    #[test]
    fn the_checkers_answer_reads_back() {
        let (proposal, _) = read_file(PRESET_FILES[0].1).unwrap();
        let read = from_checked_json(&checked_json(PRESET_FILES[0].1)).unwrap();
        assert_eq!(read.proposal().unwrap(), proposal);
        assert_eq!(
            from_checked_json(&checked_json("format = 1\nid = ")).unwrap_err(),
            crate::proposal::read_proposal("format = 1\nid = ")
                .unwrap_err()
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
        );
        assert!(from_checked_json("{").unwrap_err()[0]
            .starts_with("the checker's answer could not be read"));
    }

    /// Numbers travel as their exact text: TOML's 0.1 arrives as 0.1, not as a float's digits,
    /// and a number written as text keeps its places.
    #[test]
    fn numbers_keep_their_exact_text() {
        use crate::proposal::file::Number;
        #[derive(Deserialize)]
        struct Written {
            x: Number,
            y: Number,
        }
        let written: Written = toml_edit::de::from_str("x = 0.1\ny = \"33333.30\"").unwrap();
        let json = serde_json::to_string(&[written.x, written.y]).unwrap();
        assert_eq!(json, r#"["0.1","33333.30"]"#);
        let back: Vec<Number> = serde_json::from_str(&json).unwrap();
        assert_eq!(back[0].0.to_string(), "0.1");
        assert_eq!(back[1].0.to_string(), "33333.30");
    }

    /// A value that does not build (a timeline of no months) is refused with its key named,
    /// never a panic.
    #[test]
    fn a_value_that_does_not_build_is_refused_with_its_key_named() {
        let (_, read) = read_file(PRESET_FILES[0].1).unwrap();
        let mut json: serde_json::Value = serde_json::from_str(&read.to_json()).unwrap();
        json["read"]["timeline"]["months"] = 0.into();
        let problems = ReadFile::from_json(&json.to_string())
            .unwrap()
            .proposal()
            .unwrap_err();
        assert!(
            problems
                .iter()
                .any(|p| p.starts_with("timeline.months must be between 1")),
            "{problems:?}"
        );
    }
}
