//! A lever is declared once, in `src/levers/catalogue.rs` (its words, unit and range) with its
//! place in the scenario in `src/levers/place.rs`, and every front finds it there with no code
//! of its own: the link, the proposal file's checker (`[assumptions]` and `[levers]`), `calc`
//! and the page built in advance. (That the running page gives every lever a control is checked
//! in `tests/web.rs`.)
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

use invest_to_save::codec;
use invest_to_save::levers::{Lever, LeverValue, Range};
use invest_to_save::model;
use invest_to_save::proposal::assumptions::with_assumptions;
use invest_to_save::proposal::presets::{presets, PRESET_FILES};
use invest_to_save::proposal::{read_proposal, Proposal};
use invest_to_save::report::svg::escape;
use invest_to_save::site::config::Branding;
use invest_to_save::site::prerender::static_page;

/// A value in the lever's range other than the one it starts at: an end of its range.
fn moved(lever: &Lever, starting: LeverValue) -> LeverValue {
    let (low, high) = match lever.range {
        Range::Number { min, max, .. } => (LeverValue::Number(min), LeverValue::Number(max)),
        Range::Month { earliest, latest } => {
            (LeverValue::Month(earliest), LeverValue::Month(latest))
        }
    };
    if starting == low {
        high
    } else {
        low
    }
}

/// Each shipped proposal with every one of its levers moved, and the file it came from.
fn every_lever_moved() -> Vec<(&'static Proposal, &'static str, model::Scenario)> {
    presets()
        .iter()
        .zip(PRESET_FILES)
        .map(|(proposal, (_, text))| {
            let mut scenario = proposal.starting.clone();
            for lever in proposal.levers() {
                lever.set(&mut scenario, moved(lever, lever.get(&proposal.starting)));
            }
            (proposal, text, scenario)
        })
        .collect()
}

#[test]
fn every_lever_travels_in_a_link_and_reads_back() {
    for (proposal, _, scenario) in every_lever_moved() {
        let link = codec::write(proposal, &scenario);
        let parsed = codec::parse(&link, presets());
        assert!(parsed.notices.is_empty(), "{link}: {:?}", parsed.notices);
        for lever in proposal.levers() {
            assert!(
                link.split('&')
                    .any(|pair| pair.split('=').next() == Some(lever.key.as_str())),
                "{link} has no {}",
                lever.key
            );
            assert_eq!(
                lever.get(&parsed.scenario),
                lever.get(&scenario),
                "{}",
                lever.key
            );
        }
    }
}

#[test]
fn every_lever_can_be_set_and_renamed_in_a_proposal_file() {
    for (proposal, text, scenario) in every_lever_moved() {
        // [assumptions]: the file opens with every lever where the reader moved it.
        let written = with_assumptions(text, proposal, &scenario);
        let read = read_proposal(&written).unwrap_or_else(|problems| {
            panic!("{}: {problems:?}", proposal.id);
        });
        for lever in proposal.levers() {
            assert_eq!(
                lever.get(&read.starting),
                lever.get(&scenario),
                "{}",
                lever.key
            );
        }
        // [levers."key"]: the file's own words for every lever.
        let mut document: toml_edit::DocumentMut = text.parse().unwrap();
        let mut levers = toml_edit::Table::new();
        levers.set_implicit(true);
        for lever in proposal.levers() {
            let mut settings = toml_edit::Table::new();
            settings.insert("label", toml_edit::value(format!("Renamed {}", lever.key)));
            levers.insert(&lever.key, toml_edit::Item::Table(settings));
        }
        document.insert("levers", toml_edit::Item::Table(levers));
        let renamed = read_proposal(&document.to_string()).unwrap_or_else(|problems| {
            panic!("{}: {problems:?}", proposal.id);
        });
        for lever in proposal.levers() {
            assert_eq!(
                renamed.lever(&lever.key).map(|l| l.label.clone()),
                Some(format!("Renamed {}", lever.key))
            );
        }
    }
}

#[test]
fn calc_reads_every_lever_from_a_link_and_writes_it_back() {
    for (proposal, _, scenario) in every_lever_moved() {
        let link = codec::write(proposal, &scenario);
        let output = Command::new(env!("CARGO_BIN_EXE_calc"))
            .arg(&link)
            .arg("--table")
            .arg("results")
            .output()
            .expect("calc runs");
        let printed = String::from_utf8_lossy(&output.stdout);
        assert!(output.status.success(), "{printed}");
        let first_line = printed.lines().next().unwrap_or_default();
        assert_eq!(first_line, format!("Scenario: ?{link}"));
    }
}

#[test]
fn the_page_built_in_advance_lists_every_lever_at_its_starting_value() {
    for (proposal, text, scenario) in every_lever_moved() {
        let opened = read_proposal(&with_assumptions(text, proposal, &scenario)).unwrap();
        let page = static_page(
            &Branding::default(),
            &opened,
            &model::run(&opened.starting),
            None,
        );
        for lever in opened.levers() {
            // The value, then its switching-value sentence where it has one.
            let listed = format!(
                "<dt>{}</dt><dd>{}",
                escape(&lever.label),
                escape(&lever.describe(lever.get(&scenario)))
            );
            let ends = [format!("{listed}</dd>"), format!("{listed}<span")];
            assert!(
                ends.iter().any(|end| page.contains(end)),
                "{}: {listed}",
                proposal.id
            );
        }
    }
}
