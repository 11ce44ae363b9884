//! Scenarios in links: the query string that records the levers a reader moved, and the
//! fragment that carries a proposal file.

pub mod fragment;
pub mod query;

pub use query::{
    named_proposal, parse, percent_decode, percent_encode, write, write_with, Notice, NoticeKind,
    Parsed, LINK_VERSION,
};
