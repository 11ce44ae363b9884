//! A scenario as a URL query string: `v=1&p=sandwell&allocation=50`.
//!
//! A link may also carry the uncertainty run's draws and seed (`draws=20000&seed=7`) and up to
//! three pinned scenarios to compare, each a name and its own differences from where the
//! proposal opens: `a~name=Cautious&a~allocation=30`; and the plausible ranges a reader set for
//! the uncertainty run: `allocation~low=30&allocation~high=60`. Lever keys never hold `~`, and
//! none is `a`, `b` or `c`, so none of these can clash, and a link written before any existed
//! reads as it always did.
//!
//! Only values that differ from the proposal's published ones are written. Reading never fails:
//! whatever a link holds, the result is a usable scenario plus notices that say, in words, what
//! was corrected or ignored and why.

use rust_decimal::Decimal;

use crate::analysis::comparison::{pin_name, Pin, Pinned};
use crate::analysis::uncertainty::ReaderRange;
use crate::analysis::Draws;
use crate::levers::{Lever, LeverValue};
use crate::model::Scenario;
use crate::proposal::Proposal;
use crate::wording::shorten;

/// The link format's version. Bump it only with a reader for the old one: shared links are a
/// promise.
pub const LINK_VERSION: &str = "1";

/// The key that names the proposal: `p=sandwell`.
pub const PROPOSAL_KEY: &str = "p";

/// The keys of the uncertainty run's settings.
pub const DRAWS_KEY: &str = "draws";
pub const SEED_KEY: &str = "seed";

/// Between a pin's letter and its setting: `a~allocation`.
pub const PIN_SEPARATOR: char = '~';

/// A pinned scenario's name: `a~name=Cautious`.
pub const PIN_NAME_KEY: &str = "name";

/// The ends of a lever's plausible range a reader set: `allocation~low=30`.
pub const RANGE_LOW_KEY: &str = "low";
pub const RANGE_HIGH_KEY: &str = "high";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    /// A value outside its range, or too precise, was brought into range.
    Corrected,
    /// A value that could not be read; the published value was kept.
    Unreadable,
    /// A key this calculator does not use.
    UnknownKey,
    /// The same key twice; the last one counts.
    Repeated,
    /// A proposal this calculator does not have.
    UnknownProposal,
    /// A link version this calculator does not know.
    UnknownVersion,
    /// More settings than any scenario has; the rest were not read.
    TooLong,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub kind: NoticeKind,
    /// The key as written in the link (shortened if long).
    pub key: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// Index into the proposals given to `parse`.
    pub proposal: usize,
    pub scenario: Scenario,
    pub notices: Vec<Notice>,
    /// The scenarios pinned to compare, in the order of their pins.
    pub pinned: Vec<Pinned>,
    pub draws: Draws,
    /// The plausible ranges the reader set, in the order of the levers.
    pub ranges: Vec<ReaderRange>,
}

/// Most notices kept for one link: a hostile link may hold thousands of keys.
const MAX_NOTICES: usize = 50;

/// The most `key=value` settings a link is read for. A scenario link holds one for each lever
/// that moved (a few dozen at most), and as many again for each pinned scenario; the rest of a
/// longer one is ignored, with a notice, so that no link costs more to read than a real one.
pub const MAX_LINK_SETTINGS: usize = 420;
// A link with every slider moved in the scenario and in each of three pinned ones, their names,
// its version, proposal, draws and seed is read to its end.
const _: () =
    assert!((Pin::ALL.len() + 1) * (crate::proposal::MAX_SLIDERS + 1) + 4 <= MAX_LINK_SETTINGS);

/// Decodes `%XX` and `+` as a browser encodes a query; bad escapes are kept as written.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            b'+' => decoded.push(b' '),
            b'%' if index + 2 < bytes.len() => {
                let pair = &bytes[index + 1..index + 3];
                let hex = pair
                    .iter()
                    .all(u8::is_ascii_hexdigit)
                    .then(|| std::str::from_utf8(pair).ok())
                    .flatten();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(byte) => {
                        decoded.push(byte);
                        index += 2;
                    }
                    None => decoded.push(b'%'),
                }
            }
            byte => decoded.push(byte),
        }
        index += 1;
    }
    String::from_utf8_lossy(&decoded).into_owned()
}

/// Encodes a key or value for a link: letters, digits and `-._~` stay as they are.
pub fn percent_encode(text: &str) -> String {
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            encoded.push(byte as char);
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

/// Splits a query (with or without a leading `?`, or a whole URL) into decoded key-value pairs,
/// and says how many there were: only the first `MAX_LINK_SETTINGS` are decoded, so a huge link
/// costs no more to read than a real one.
fn pairs(query: &str) -> (Vec<(String, String)>, usize) {
    let query = query.trim();
    // A whole address or a path: the query is what follows its first `?`. Otherwise the text is
    // the query, and a `?` inside it is part of a value.
    let query = if let Some(stripped) = query.strip_prefix('?') {
        stripped
    } else if query.contains("://") || query.starts_with('/') {
        query
            .split_once('?')
            .map(|(_, after)| after)
            .unwrap_or_default()
    } else {
        query
    };
    let query = query.split('#').next().unwrap_or_default();
    let parts = || query.split('&').filter(|part| !part.is_empty());
    let read = parts()
        .take(MAX_LINK_SETTINGS)
        .map(|part| {
            let (key, value) = part.split_once('=').unwrap_or((part, ""));
            (
                percent_decode(key).trim().to_ascii_lowercase(),
                percent_decode(value),
            )
        })
        .collect();
    (read, parts().count())
}

/// `p=` names the proposal; links written before it was shortened say `proposal=`.
fn names_proposal(key: &str) -> bool {
    key == PROPOSAL_KEY || key == "proposal"
}

/// The proposal id a link names (the last `p=` or `proposal=`, in lower case), if it names one.
pub fn named_proposal(query: &str) -> Option<String> {
    pairs(query)
        .0
        .into_iter()
        .rev()
        .find(|(key, _)| names_proposal(key))
        .map(|(_, wanted)| wanted.trim().to_ascii_lowercase())
}

/// Reads a link. The proposal is named by `p=` (or `proposal=`); without it, the first proposal
/// given.
pub fn parse(query: &str, proposals: &[Proposal]) -> Parsed {
    let mut notices = Vec::new();
    let push = |notices: &mut Vec<Notice>, kind, key: &str, message: String| {
        if notices.len() < MAX_NOTICES {
            notices.push(Notice {
                kind,
                key: shorten(key),
                message,
            });
        }
    };
    let (pairs, given) = pairs(query);
    if given > MAX_LINK_SETTINGS {
        push(
            &mut notices,
            NoticeKind::TooLong,
            "",
            format!(
                "This link holds {} settings, more than any scenario has; only the first {MAX_LINK_SETTINGS} were read.",
                crate::model::money::group_thousands(&given.to_string())
            ),
        );
    }

    let mut proposal = 0;
    if let Some(wanted) = named_proposal(query) {
        match proposals.iter().position(|p| p.id == wanted) {
            Some(index) => proposal = index,
            None => push(
                &mut notices,
                NoticeKind::UnknownProposal,
                PROPOSAL_KEY,
                format!(
                    "This calculator has no proposal called \"{}\", so it opened {} instead.",
                    shorten(&wanted),
                    proposals
                        .first()
                        .map(|p| p.name.as_str())
                        .unwrap_or("the first proposal")
                ),
            ),
        }
    }
    if let Some((_, version)) = pairs.iter().rev().find(|(key, _)| key == "v") {
        if version.trim() != LINK_VERSION {
            push(
                &mut notices,
                NoticeKind::UnknownVersion,
                "v",
                format!(
                    "This link says it is of version \"{}\"; this calculator reads version {LINK_VERSION} links, so some values may not be as the sender saw them.",
                    shorten(version)
                ),
            );
        }
    }

    let Some(chosen) = proposals.get(proposal) else {
        // No proposals at all: nothing can be shown, but reading must still not fail.
        return Parsed {
            proposal: 0,
            scenario: empty_scenario(),
            notices,
            pinned: Vec::new(),
            draws: Draws::default(),
            ranges: Vec::new(),
        };
    };
    let levers = chosen.levers();
    let mut scenario = chosen.starting.clone();
    let mut pinned: Vec<Pinned> = Vec::new();
    let mut draws = Draws::default();
    let mut ranges: Vec<ReaderRange> = Vec::new();
    let mut seen: std::collections::BTreeSet<&str> = std::collections::BTreeSet::new();
    for (key, text) in &pairs {
        if names_proposal(key) || key == "v" {
            continue;
        }
        if !seen.insert(key.as_str()) {
            push(
                &mut notices,
                NoticeKind::Repeated,
                key,
                format!(
                    "The link gives {} more than once; the last one was used.",
                    shorten(key)
                ),
            );
        }
        let unknown = |notices: &mut Vec<Notice>| {
            push(
                notices,
                NoticeKind::UnknownKey,
                key,
                format!("The link contains \"{}\", which this calculator does not use for {}; it was ignored.", shorten(key), chosen.name),
            )
        };
        if key == DRAWS_KEY || key == SEED_KEY {
            let read = if key == DRAWS_KEY {
                Draws::draws_from_text(text).map(|n| draws.draws = n)
            } else {
                Draws::seed_from_text(text).map(|n| draws.seed = n)
            };
            if let Err(message) = read {
                let message = format!("{message}; the default was kept.");
                push(&mut notices, NoticeKind::Unreadable, key, message);
            }
            continue;
        }
        // A pinned scenario's setting: `a~name` or `a~<lever>`.
        let (target, setting) = match key.split_once(PIN_SEPARATOR) {
            None => (&mut scenario, key.as_str()),
            Some((letter, setting)) => {
                let Some(pin) = Pin::from_link_key(letter) else {
                    // A lever's plausible range: `allocation~low`.
                    let lever = levers.iter().find(|lever| lever.key == letter);
                    let end = [RANGE_LOW_KEY, RANGE_HIGH_KEY].contains(&setting);
                    match lever.filter(|_| end) {
                        Some(lever) => match read_range_end(lever, text) {
                            Ok((value, correction)) => {
                                if let Some(message) = correction {
                                    push(&mut notices, NoticeKind::Corrected, key, message);
                                }
                                let key = &lever.key;
                                set_range_end(&mut ranges, levers, key, setting, Some(value));
                            }
                            Err(message) => {
                                push(&mut notices, NoticeKind::Unreadable, key, message)
                            }
                        },
                        None => unknown(&mut notices),
                    }
                    continue;
                };
                let place = match pinned.iter().position(|p| p.pin == pin) {
                    Some(place) => place,
                    None => {
                        pinned.push(Pinned {
                            pin,
                            name: String::new(),
                            scenario: chosen.starting.clone(),
                        });
                        pinned.len() - 1
                    }
                };
                if setting == PIN_NAME_KEY {
                    pinned[place].name = pin_name(text);
                    continue;
                }
                (&mut pinned[place].scenario, setting)
            }
        };
        let Some((lever, text)) = find_lever(levers, setting, text) else {
            unknown(&mut notices);
            continue;
        };
        match lever.read(&text) {
            Ok(value) => {
                let (kept, correction) = lever.clamp(value);
                if let Some(message) = correction {
                    push(
                        &mut notices,
                        NoticeKind::Corrected,
                        key,
                        format!("{message}."),
                    );
                }
                lever.set(target, kept);
            }
            Err(message) => push(
                &mut notices,
                NoticeKind::Unreadable,
                key,
                format!("{message}."),
            ),
        }
    }
    pinned.sort_by_key(|p| p.pin);
    // A range whose low is above its high is no range: both ends are dropped, with a notice.
    ranges.retain(|range| match (range.low, range.high) {
        (Some(low), Some(high)) if low > high => {
            push(
                &mut notices,
                NoticeKind::Unreadable,
                &range.key,
                format!(
                    "The link gives {} a plausible range from {} down to {}; a low cannot be above a high, so the usual range was kept.",
                    shorten(&range.key),
                    low.normalize(),
                    high.normalize()
                ),
            );
            false
        }
        _ => true,
    });
    Parsed {
        proposal,
        scenario,
        notices,
        pinned,
        draws,
        ranges,
    }
}

/// One end of a lever's plausible range as a link gives it: a number within the lever's range
/// (brought into it, with the correction said), or why it cannot be read.
pub fn read_range_end(lever: &Lever, text: &str) -> Result<(Decimal, Option<String>), String> {
    match lever.read(text) {
        Ok(value @ LeverValue::Number(_)) => match lever.clamp(value) {
            (LeverValue::Number(kept), correction) => {
                Ok((kept, correction.map(|message| format!("{message}."))))
            }
            (LeverValue::Off | LeverValue::Month(_), _) => Err(unreadable_end(lever)),
        },
        Ok(LeverValue::Off | LeverValue::Month(_)) => Err(unreadable_end(lever)),
        Err(message) => Err(format!("{message}.")),
    }
}

fn unreadable_end(lever: &Lever) -> String {
    format!(
        "An end of {}'s plausible range must be a number; the usual range was kept.",
        lever.label
    )
}

/// Sets one end (`low` or `high`) of the range the reader gave a lever, or clears it (`None`),
/// keeping the ranges in the order of the levers and none without an end: the one place the
/// link and the page change a reader's ranges.
pub fn set_range_end(
    ranges: &mut Vec<ReaderRange>,
    levers: &[Lever],
    key: &str,
    end: &str,
    value: Option<Decimal>,
) {
    let place = match ranges.iter().position(|range| range.key == key) {
        Some(place) => place,
        None => {
            ranges.push(ReaderRange {
                key: key.to_string(),
                low: None,
                high: None,
            });
            ranges.len() - 1
        }
    };
    if end == RANGE_LOW_KEY {
        ranges[place].low = value;
    } else {
        ranges[place].high = value;
    }
    ranges.retain(|range| range.low.is_some() || range.high.is_some());
    ranges.sort_by_key(|range| levers.iter().position(|lever| lever.key == range.key));
}

/// The lever a key names, and the value text to give it. `<line>.per_month` is also read for a
/// line whose lever is `<line>.per_year`, as twelve times the amount.
fn find_lever<'a>(levers: &'a [Lever], key: &str, text: &str) -> Option<(&'a Lever, String)> {
    if let Some(lever) = levers.iter().find(|l| l.key == key) {
        return Some((lever, text.to_string()));
    }
    let line = key.strip_suffix(".per_month")?;
    let lever = levers
        .iter()
        .find(|l| l.key == format!("{line}.per_year"))?;
    match lever.read(text) {
        Ok(LeverValue::Number(n)) => Some((
            lever,
            n.checked_mul(12.into())
                .map(|y| y.to_string())
                .unwrap_or_else(|| text.to_string()),
        )),
        _ => Some((lever, text.to_string())),
    }
}

fn empty_scenario() -> Scenario {
    Scenario {
        start: crate::model::YearMonth::new(2020, 4).expect("a fixed, valid month"),
        horizon_months: 12,
        pay_back_by: crate::model::YearMonth::new(2021, 3).expect("a fixed, valid month"),
        discount_rate_percent: crate::model::scenario::GREEN_BOOK_RATE_PERCENT,
        investments: Vec::new(),
        savings: Vec::new(),
        after_plan_trend_percent: rust_decimal::Decimal::ZERO,
        budget: None,
        optimism_bias: crate::model::scenario::OptimismBias::NONE,
        repayments: Vec::new(),
    }
}

/// Writes a link for a scenario of a proposal: its version, the proposal, and every value that
/// differs from where the proposal opens.
pub fn write(proposal: &Proposal, scenario: &Scenario) -> String {
    let mut query = format!(
        "v={LINK_VERSION}&{PROPOSAL_KEY}={}",
        percent_encode(&proposal.id)
    );
    differences(&mut query, proposal, scenario, "");
    query
}

/// Writes a link for a scenario with the uncertainty run's settings (where they are not the
/// defaults) and the scenarios pinned beside it, each its name and its own differences.
pub fn write_with(
    proposal: &Proposal,
    scenario: &Scenario,
    pinned: &[Pinned],
    draws: Draws,
    ranges: &[ReaderRange],
) -> String {
    let mut query = write(proposal, scenario);
    let defaults = Draws::default();
    if draws.draws != defaults.draws {
        query.push_str(&format!("&{DRAWS_KEY}={}", draws.draws));
    }
    if draws.seed != defaults.seed {
        query.push_str(&format!("&{SEED_KEY}={}", draws.seed));
    }
    for range in ranges {
        let Some(lever) = proposal.lever(&range.key) else {
            continue;
        };
        for (end, value) in [(RANGE_LOW_KEY, range.low), (RANGE_HIGH_KEY, range.high)] {
            if let Some(value) = value {
                query.push_str(&format!(
                    "&{}{PIN_SEPARATOR}{end}={}",
                    percent_encode(&range.key),
                    percent_encode(&lever.link_text(LeverValue::Number(value)))
                ));
            }
        }
    }
    for pin in pinned {
        let prefix = format!("{}{PIN_SEPARATOR}", pin.pin.link_key());
        query.push_str(&format!(
            "&{prefix}{PIN_NAME_KEY}={}",
            percent_encode(&pin.name)
        ));
        differences(&mut query, proposal, &pin.scenario, &prefix);
    }
    query
}

/// `&key=value` for every lever whose value differs from where the proposal opens (links start
/// from its file's own figures, or its `[assumptions]`), each key after `prefix`.
fn differences(query: &mut String, proposal: &Proposal, scenario: &Scenario, prefix: &str) {
    for lever in proposal.levers() {
        let value = lever.get(scenario);
        if value != lever.get(&proposal.starting) {
            query.push('&');
            query.push_str(prefix);
            query.push_str(&percent_encode(&lever.key));
            query.push('=');
            query.push_str(&percent_encode(&lever.link_text(value)));
        }
    }
}
