#![cfg(not(target_arch = "wasm32"))]
//! Sensitivity: each lever alone moved down and up by a share of its value, largest effect on
//! the net return first.

mod common;

use invest_to_save::analysis::sensitivity::{
    sensitivity, swing_percent_from_text, DEFAULT_SWING_PERCENT,
};
use invest_to_save::levers::LeverValue;
use invest_to_save::model::{self, Payback};
use invest_to_save::proposal::parse_proposal;
use invest_to_save::proposal::presets::presets;
use proptest::prelude::*;
use rust_decimal::Decimal;

const EXACT: &str = include_str!("fixtures/exact.toml");

fn number(text: &str) -> LeverValue {
    LeverValue::Number(text.parse().unwrap())
}

#[test]
fn each_lever_moved_20_percent_either_way_by_hand() {
    // £1,200 paid in April 2025; £1,500 a year (£125 a month) saved from April 2025, for 24
    // months: net return 24 x 125 - 1,200 = £1,800, paid back in January 2026 (month 10).
    let proposal = parse_proposal(EXACT).unwrap();
    let found = sensitivity(proposal.levers(), &proposal.baseline, DEFAULT_SWING_PERCENT);
    assert_eq!(found.net_return_now, Decimal::from(1800));
    let keys: Vec<&str> = found.rows.iter().map(|row| row.key.as_str()).collect();
    // The months and the ramp (at nought) have no share to move by.
    assert_eq!(
        keys,
        ["saving.per_year", "saving.realisation", "capital.amount"]
    );

    // The saving at £1,200 and £1,800 a year: 2 x 1,200 - 1,200 = £1,200 and
    // 2 x 1,800 - 1,200 = £2,400, a swing of £1,200; at £100 a month the £1,200 is covered in
    // month 12, March 2026.
    let saving = &found.rows[0];
    assert_eq!((saving.low, saving.high), (number("1200"), number("1800")));
    assert_eq!(saving.net_return_at_low, Decimal::from(1200));
    assert_eq!(saving.net_return_at_high, Decimal::from(2400));
    assert_eq!(
        saving.payback_at_low,
        Payback::PaidBackIn("2026-03".parse().unwrap())
    );
    // Realisation at 80% and 120% moves the saving the same way: the same swing, after it in
    // the proposal's order.
    assert_eq!(found.rows[1].swing(), Decimal::from(1200));
    // The one-off at £960 and £1,440: £2,040 and £1,560, a swing of £480.
    let capital = &found.rows[2];
    assert_eq!((capital.low, capital.high), (number("960"), number("1440")));
    assert_eq!(capital.net_return_at_low, Decimal::from(2040));
    assert_eq!(capital.net_return_at_high, Decimal::from(1560));
    assert_eq!(capital.swing(), Decimal::from(480));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// For random scenarios and swings, the rows are sorted by swing, each low and high lies in
    /// its lever's range, and each row's net returns are the model's at those values.
    #[test]
    fn rows_are_sorted_and_are_the_models_figures(
        which in 0usize..3,
        shares in proptest::collection::vec(0u32..=100, 30),
        swing in 1u32..=60,
    ) {
        let proposal = &presets()[which];
        let scenario = common::moved_to_shares(proposal, &shares, true);
        let found = sensitivity(proposal.levers(), &scenario, Decimal::from(swing));
        for pair in found.rows.windows(2) {
            prop_assert!(pair[0].swing() >= pair[1].swing());
        }
        for row in &found.rows {
            let lever = proposal.lever(&row.key).unwrap();
            for (value, net_return) in [(row.low, row.net_return_at_low), (row.high, row.net_return_at_high)] {
                prop_assert_eq!(lever.clamp(value).1, None, "{} at {:?} is in range", row.key, value);
                let mut moved = scenario.clone();
                lever.set(&mut moved, value);
                prop_assert_eq!(model::run(&moved).results.net_return, net_return);
            }
        }
    }
}

#[test]
fn a_typed_swing_is_a_percentage_from_1_to_100() {
    assert_eq!(swing_percent_from_text("20"), Ok(Decimal::from(20)));
    assert_eq!(
        swing_percent_from_text(" 12.5 % "),
        Ok(Decimal::new(125, 1))
    );
    assert_eq!(swing_percent_from_text("100"), Ok(Decimal::ONE_HUNDRED));
    assert_eq!(swing_percent_from_text("1.0"), Ok(Decimal::ONE));
    for refused in [
        "",
        "0",
        "0.5",
        "100.01",
        "-20",
        "twenty",
        "1e3",
        "20 percent",
    ] {
        assert_eq!(
            swing_percent_from_text(refused),
            Err("Enter how far to move each assumption as a percentage from 1 to 100, for example 20.".into()),
            "{refused:?}"
        );
    }
}
