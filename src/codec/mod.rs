//! Scenarios in links: the query string that records the levers a reader moved, and the
//! fragment that carries a proposal file; and the packed form in which the site build and the
//! checker hand the page what they built.

pub mod base64url;
pub mod fragment;
pub mod hash;
pub mod packed;
pub mod printable;
pub mod query;

pub use query::{
    named_proposal, parse, percent_decode, percent_encode, write, write_with, Notice, NoticeKind,
    Parsed, LINK_VERSION,
};
