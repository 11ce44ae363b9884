//! Scenarios in links: the levers a reader can move, and the query string that records them.

pub mod fragment;
pub mod levers;
pub mod query;

pub use levers::{levers, Lever, LeverValue, Range, Unit};
pub use query::{
    named_proposal, parse, percent_decode, percent_encode, write, Notice, NoticeKind, Parsed,
    LINK_VERSION,
};
