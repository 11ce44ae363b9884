//! The proposals that ship with the calculator. They are ordinary proposal files, read through
//! the same path as a council's own.

use std::sync::OnceLock;

use super::{parse_proposal, Proposal};

/// (file name, text) of each shipped proposal, in the order the page offers them.
pub const PRESET_FILES: [(&str, &str); 3] = [
    (
        "sandwell.toml",
        include_str!("../../proposals/sandwell.toml"),
    ),
    (
        "trafford.toml",
        include_str!("../../proposals/trafford.toml"),
    ),
    ("own.toml", include_str!("../../proposals/own.toml")),
];

/// The shipped proposals. A file that fails to read is left out (the test suite makes sure none
/// does), so the page never dies over one.
pub fn presets() -> &'static [Proposal] {
    static PRESETS: OnceLock<Vec<Proposal>> = OnceLock::new();
    PRESETS.get_or_init(|| {
        PRESET_FILES
            .iter()
            .filter_map(|(_, text)| parse_proposal(text).ok())
            .collect()
    })
}

pub fn preset(id: &str) -> Option<&'static Proposal> {
    presets().iter().find(|proposal| proposal.id == id)
}
