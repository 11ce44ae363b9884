//! A proposal file as written and as built. The site build reads each file once, with the
//! TOML reader and its line-and-column checker, and hands the page this pair packed
//! (`codec::packed`): the page takes the proposal as built, so it starts without the TOML
//! reader or the checks of meaning (the last of them 30 KB of its WebAssembly, gzip:
//! docs/size.md). The checker, loaded only when a reader opens a file of their own, hands back
//! the same pair. Whoever packs it has checked the file; the page trusts it as it trusts its
//! own code, and refuses it if its seal shows it was changed or cut short on the way.

use serde::{Deserialize, Serialize};

use super::check::{check_text, Problem};
use super::Proposal;
use crate::codec::packed::{pack, unpack, unpack_answer};

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

    /// The pair packed, as the page reads it.
    pub fn packed(&self) -> String {
        pack(self)
    }

    pub fn unpacked(text: &str) -> Result<ReadFile, String> {
        unpack(text).map_err(|why| format!("the proposal could not be read: {why}"))
    }
}

/// What the checker module hands the page for a file: the file read, or every problem at its
/// line and column. Both sides read and write it here, so they cannot disagree.
#[derive(Debug, Serialize, Deserialize)]
enum Checked {
    Read(Box<ReadFile>),
    Problems(Vec<String>),
}

/// The checker module's answer for a file's text, packed.
pub fn checked_answer(text: &str) -> String {
    let checked = match read_file(text) {
        Ok((_, read)) => Checked::Read(Box::new(read)),
        Err(problems) => Checked::Problems(problems.iter().map(ToString::to_string).collect()),
    };
    pack(&checked)
}

/// The file the checker module read, or its problems (an answer that cannot be read is one).
pub fn from_checked_answer(answer: &str) -> Result<ReadFile, Vec<String>> {
    match unpack_answer(answer) {
        Ok(Checked::Read(read)) => Ok(*read),
        Ok(Checked::Problems(problems)) => Err(problems),
        Err(why) => Err(vec![why]),
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

    /// Every shipped proposal and test file that reads, handed on packed, is the proposal the
    /// TOML reader gives: every figure, lever and word, each number with its places ("33333.30"
    /// stays "33333.30", which equality alone would not see).
    #[test]
    fn a_file_handed_on_packed_is_the_same_proposal() {
        let mut compared = 0;
        for text in files_in("proposals")
            .iter()
            .chain(&files_in("tests/fixtures"))
        {
            let Ok((proposal, read)) = read_file(text) else {
                continue;
            };
            let handed = ReadFile::unpacked(&read.packed()).unwrap().proposal();
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
        let read = from_checked_answer(&checked_answer(PRESET_FILES[0].1)).unwrap();
        assert_eq!(read.proposal(), proposal);
        assert_eq!(
            from_checked_answer(&checked_answer("format = 1\nid = ")).unwrap_err(),
            crate::proposal::read_proposal("format = 1\nid = ")
                .unwrap_err()
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
        );
        assert!(from_checked_answer("{").unwrap_err()[0]
            .starts_with("the checker's answer could not be read"));
    }

    /// Numbers travel as their exact text, places and all, never as a float's digits (the
    /// discount rate, 3.5, is written "3.5" after its length), and months as they were.
    #[test]
    fn money_travels_as_exact_text() {
        let (proposal, read) = read_file(PRESET_FILES[0].1).unwrap();
        let packed = read.packed();
        let rate = proposal.baseline.discount_rate_percent.to_string();
        assert!(
            packed.contains(&format!("~{:02x}{rate}", rate.len())),
            "{rate} is not written as its text"
        );
        let handed = ReadFile::unpacked(&packed).unwrap().proposal();
        assert_eq!(handed.baseline.discount_rate_percent.to_string(), rate);
        assert_eq!(handed.baseline.pay_back_by, proposal.baseline.pay_back_by);
    }

    /// A page whose data was cut short, or whose figure was changed by hand, says so: it does
    /// not start on half a proposal, or on one its site build did not check.
    #[test]
    fn a_damaged_proposal_is_refused() {
        let (proposal, read) = read_file(PRESET_FILES[0].1).unwrap();
        let packed = read.packed();
        let cut = packed.len() / 2 + packed[packed.len() / 2..].find('~').unwrap();
        let rate = proposal.baseline.discount_rate_percent.to_string();
        let written = format!("~{:02x}{rate}", rate.len());
        let changed = packed.replacen(&written, &written.replace('3', "9"), 1);
        assert_ne!(changed, packed);
        for damaged in [&packed[..cut], &changed] {
            assert!(ReadFile::unpacked(damaged)
                .unwrap_err()
                .starts_with("the proposal could not be read: it has been changed or cut short"));
        }
    }
}
