//! A proposal file as written and as built. The site build reads each file once, with the
//! TOML reader and its line-and-column checker, and hands the page this pair as JSON: the page
//! takes the proposal as built, so it starts without the TOML reader or the checks of meaning
//! (the last of them 30 KB of its WebAssembly, gzip: docs/size.md). The checker, loaded only
//! when a reader opens a file of their own, hands back the same pair. Whoever writes the JSON
//! has checked the file; the page trusts it as it trusts its own code.

use serde::{Deserialize, Serialize};

use super::check::{check_text, Problem};
use super::Proposal;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ReadFile {
    /// The file as written, comments and all (kept for "Download as a proposal file" and links).
    pub text: String,
    /// The proposal built from it, without the text and the levers (`proposal` finds them).
    built: Proposal,
}

/// Reads and checks a proposal file, keeping what was read: the proposal and the pair that
/// hands it on, or every problem at its line and column.
pub fn read_file(text: &str) -> Result<(Proposal, ReadFile), Vec<Problem>> {
    check_text(text).map(|proposal| {
        let read = ReadFile {
            text: text.to_string(),
            built: proposal.clone(),
        };
        (proposal, read)
    })
}

impl ReadFile {
    /// The proposal, with its text, and its levers found again from its scenario and settings
    /// (as reading the file finds them: a lever is code, not data, so it is not handed on).
    pub fn proposal(self) -> Proposal {
        let mut proposal = Proposal {
            file_text: self.text.into(),
            ..self.built
        };
        proposal.find_levers();
        proposal
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

    /// Every shipped proposal and test file that reads, handed on as JSON, is the proposal the
    /// TOML reader gives: every figure, lever and word, each number with its places ("33333.30"
    /// stays "33333.30", which equality alone would not see).
    #[test]
    fn a_file_handed_on_as_json_is_the_same_proposal() {
        let mut compared = 0;
        for text in files_in("proposals")
            .iter()
            .chain(&files_in("tests/fixtures"))
        {
            let Ok((proposal, read)) = read_file(text) else {
                continue;
            };
            let handed = ReadFile::from_json(&read.to_json()).unwrap().proposal();
            assert_eq!(handed, proposal);
            assert_eq!(format!("{handed:?}"), format!("{proposal:?}"));
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
        assert_eq!(read.proposal(), proposal);
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

    /// Numbers travel as their exact text, places and all, never as a float's digits (the
    /// discount rate, 3.5, written "3.5"), and months as they were.
    #[test]
    fn money_travels_as_exact_text() {
        let (proposal, read) = read_file(PRESET_FILES[0].1).unwrap();
        let json = read.to_json();
        let rate = proposal.baseline.discount_rate_percent;
        assert!(
            json.contains(&format!("\"discount_rate_percent\":\"{rate}\"")),
            "{json}"
        );
        let handed = ReadFile::from_json(&json).unwrap().proposal();
        assert_eq!(
            handed.baseline.discount_rate_percent.to_string(),
            rate.to_string()
        );
        assert_eq!(handed.baseline.pay_back_by, proposal.baseline.pay_back_by);
    }

    /// A page whose data was cut short or changed so it is not a proposal says so; it does not
    /// start on half a proposal.
    #[test]
    fn a_damaged_proposal_is_refused() {
        let (_, read) = read_file(PRESET_FILES[0].1).unwrap();
        let json = read.to_json();
        assert!(ReadFile::from_json(&json[..json.len() / 2])
            .unwrap_err()
            .starts_with("the proposal could not be read"));
        let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
        value["built"]["baseline"]["horizon_months"] = "many".into();
        assert!(ReadFile::from_json(&value.to_string()).is_err());
    }
}
