#![cfg(not(target_arch = "wasm32"))]
//! Switching values: how far each lever can move before the proposal stops paying back by its
//! target month, or before its net return is below zero, found by running the model itself.

mod common;

use invest_to_save::analysis::{switching_values, Answer, LeverSwitching, Question, Switch};
use invest_to_save::levers::LeverValue;
use invest_to_save::model::{self, Payback, Repaid, Scenario, YearMonth};
use invest_to_save::proposal::presets::presets;
use invest_to_save::proposal::{parse_proposal, Proposal};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn number(text: &str) -> LeverValue {
    LeverValue::Number(text.parse().unwrap())
}

fn month(text: &str) -> YearMonth {
    text.parse().unwrap()
}

/// The scenario, asked to have paid back by `month`.
fn paying_back_by(scenario: &Scenario, month: YearMonth) -> Scenario {
    Scenario {
        pay_back_by: month,
        ..scenario.clone()
    }
}

fn lever<'a>(values: &'a [LeverSwitching], key: &str) -> &'a LeverSwitching {
    values
        .iter()
        .find(|lever| lever.key == key)
        .unwrap_or_else(|| panic!("no switching values for {key}"))
}

/// A programme costing £56m a year against £61,000 a year saved for each child kept out of care,
/// over one financial year. Each month costs £56,000,000 / 12 and saves children x £61,000 / 12,
/// so it pays back (and nets zero) when children x 61,000 >= 56,000,000, at 918.0328 children:
/// 918.04 x 61,000 = 56,000,440 (£440 a year ahead), 918.03 x 61,000 = 55,999,830 (£170 short).
const PROGRAMME: &str = include_str!("fixtures/programme.toml");

#[test]
fn a_programme_breaks_even_at_918_point_0328_children_shown_as_918_point_04() {
    let proposal = parse_proposal(PROGRAMME).unwrap();
    let found = switching_values(
        proposal.levers(),
        &paying_back_by(&proposal.baseline, month("2026-03")),
    );
    let children = lever(&found.levers, "care.units");
    let expected = Some(Switch {
        passing: number("918.04"),
        failing: number("918.03"),
    });
    // At the file's 900 children it does not pay back; it would from 918.04 children up.
    assert!(!children.pays_back.passes_now);
    assert_eq!(children.pays_back.above, expected);
    assert_eq!(children.pays_back.below, None);
    assert_eq!(children.net_return.above, expected);
    // A count whose slider moves by 0.01 keeps its fractions, in a link or a box as here.
    let units = proposal.lever("care.units").unwrap();
    assert_eq!(units.clamp(number("918.04")), (number("918.04"), None));
    // The same edge from the cost side: £56m a year is covered by 900 children at £62,222.23
    // each (900 x 62,222.23 = 56,000,007), not at £62,222.22 (55,999,998).
    let cost = lever(&found.levers, "care.unit_cost");
    assert_eq!(
        cost.net_return.above,
        Some(Switch {
            passing: number("62222.23"),
            failing: number("62222.22")
        })
    );
}

/// A one-off £1,200 in the first month against £1,500 a year saved (£125 a month), over 24
/// months. A cumulative of exactly zero counts as paid back.
const EXACT: &str = include_str!("fixtures/exact.toml");

#[test]
fn a_switching_value_where_the_cumulative_is_exactly_zero_to_the_penny() {
    let proposal = parse_proposal(EXACT).unwrap();
    // Paid back by March 2026 (month 12) needs 12 x saving/12 >= 1,200: a saving of exactly
    // £1,200.00 a year leaves a cumulative of £0.00 in March 2026, and £1,199.99 leaves -£0.01.
    let found = switching_values(
        proposal.levers(),
        &paying_back_by(&proposal.baseline, month("2026-03")),
    );
    let saving = lever(&found.levers, "saving.per_year");
    assert!(saving.pays_back.passes_now);
    assert_eq!(
        saving.pays_back.below,
        Some(Switch {
            passing: number("1200"),
            failing: number("1199.99")
        })
    );
    assert_eq!(
        saving.pays_back.above, None,
        "more saving never stops it paying back"
    );
    // The one-off itself: up to £1,500.00 is paid back by March 2026 at £1,500 a year.
    let capital = lever(&found.levers, "capital.amount");
    assert_eq!(
        capital.pays_back.above,
        Some(Switch {
            passing: number("1500"),
            failing: number("1500.01")
        })
    );
    // Over the 24 months the net return is zero at a saving of £600 a year (24 x 50 = 1,200).
    assert_eq!(
        saving.net_return.below,
        Some(Switch {
            passing: number("600"),
            failing: number("599.99")
        })
    );
}

#[test]
fn sandwell_pays_back_by_march_2025_while_the_share_of_referrals_that_become_cases_stays_above_its_switching_value(
) {
    let sandwell = &presets()[0];
    let found = switching_values(
        sandwell.levers(),
        &paying_back_by(&sandwell.baseline, month("2025-03")),
    );
    let allocation = lever(&found.levers, "allocation");
    assert!(allocation.pays_back.passes_now);
    let Some(Switch {
        passing: LeverValue::Number(pays),
        failing: LeverValue::Number(fails),
    }) = allocation.pays_back.below
    else {
        panic!(
            "Sandwell's allocation has a switching value below 44%: {:?}",
            allocation.pays_back
        );
    };
    assert_eq!(
        fails,
        pays - Decimal::new(1, 2),
        "one displayed step, 0.01%, apart"
    );
    assert!(pays < Decimal::from(44));
    // Checked with the model directly: at the value it pays back by March 2025, a step below not.
    assert!(pays_back_by(
        sandwell,
        "allocation",
        LeverValue::Number(pays),
        month("2025-03")
    ));
    assert!(!pays_back_by(
        sandwell,
        "allocation",
        LeverValue::Number(fails),
        month("2025-03")
    ));
}

#[test]
fn a_lever_that_cannot_change_the_answer_has_no_switching_value() {
    let proposal = parse_proposal(EXACT).unwrap();
    let found = switching_values(
        proposal.levers(),
        &paying_back_by(&proposal.baseline, month("2026-03")),
    );
    // Whenever in the timeline the £1,200 is paid, £125 a month saved from April 2025 has
    // covered it by March 2026 and stays ahead: it pays back across the whole range.
    let paid_in = lever(&found.levers, "capital.month");
    for answer in [paid_in.pays_back, paid_in.net_return] {
        assert!(answer.passes_now);
        assert_eq!((answer.below, answer.above), (None, None));
    }
}

#[test]
fn the_horizon_has_no_switching_value_and_every_other_lever_of_every_proposal_has_one_line() {
    for proposal in presets() {
        let last = proposal
            .baseline
            .start
            .plus_months(proposal.baseline.horizon_months as i32 - 1);
        let found = switching_values(proposal.levers(), &paying_back_by(&proposal.baseline, last));
        assert!(found.levers.iter().all(|lever| lever.key != "horizon"));
        for lever_found in &found.levers {
            for answer in [lever_found.pays_back, lever_found.net_return]
                .into_iter()
                .chain(lever_found.repaid_by)
            {
                check_answer(proposal, &lever_found.key, answer, last);
            }
        }
    }
}

fn pays_back_by(proposal: &Proposal, key: &str, value: LeverValue, target: YearMonth) -> bool {
    let mut scenario = proposal.baseline.clone();
    proposal.lever(key).unwrap().set(&mut scenario, value);
    match model::run(&scenario).results.payback {
        Payback::PaidBackIn(paid) => paid <= target,
        Payback::NeverInDeficit => true,
        Payback::NotWithinHorizon => false,
    }
}

fn net_return_not_negative(proposal: &Proposal, key: &str, value: LeverValue) -> bool {
    let mut scenario = proposal.baseline.clone();
    proposal.lever(key).unwrap().set(&mut scenario, value);
    model::run(&scenario).results.net_return >= Decimal::new(-5, 3)
}

fn repaid_by(
    proposal: &Proposal,
    key: &str,
    value: LeverValue,
    repayment: usize,
    by: YearMonth,
) -> bool {
    let mut scenario = proposal.baseline.clone();
    proposal.lever(key).unwrap().set(&mut scenario, value);
    match model::run(&scenario).results.repayments[repayment].status {
        Repaid::InFull(month) => month <= by,
        Repaid::NothingOwed => true,
        Repaid::NotWithinHorizon => false,
    }
}

/// The model, asked directly, agrees with every switch: yes at the switching value, no one step
/// further; and the answer now is the model's.
fn check_answer(proposal: &Proposal, key: &str, answer: Answer, target: YearMonth) {
    let ask = |value| match answer.question {
        Question::PaysBackBy(_) => pays_back_by(proposal, key, value, target),
        Question::NetReturnNotNegative => net_return_not_negative(proposal, key, value),
        Question::RepaidBy { repayment, month } => {
            repaid_by(proposal, key, value, repayment, month)
        }
    };
    let lever = proposal.lever(key).unwrap();
    assert_eq!(
        ask(lever.get(&proposal.baseline)),
        answer.passes_now,
        "{key} now: {answer:?}"
    );
    for switch in [answer.below, answer.above].into_iter().flatten() {
        assert!(
            ask(switch.passing),
            "{} {key}: {switch:?} should pass",
            proposal.id
        );
        assert!(
            !ask(switch.failing),
            "{} {key}: {switch:?} should fail",
            proposal.id
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// For random scenarios (every lever of a shipped proposal moved to a random place in its
    /// range) and a random target month, at each reported switching value the model says yes
    /// and one displayed step beyond it says no.
    #[test]
    fn at_every_switching_value_the_model_says_yes_and_one_step_beyond_says_no(
        which in 0usize..3,
        shares in proptest::collection::vec(0u32..=100, 20),
        target_offset in 0i32..40,
    ) {
        let proposal = &presets()[which];
        let mut moved = proposal.clone();
        moved.baseline = common::moved_to_shares(proposal, &shares, true);
        let target = moved.baseline.start.plus_months(target_offset.min(moved.baseline.horizon_months as i32 - 1));
        let found = switching_values(moved.levers(), &paying_back_by(&moved.baseline, target));
        for lever_found in &found.levers {
            for answer in [lever_found.pays_back, lever_found.net_return]
                .into_iter()
                .chain(lever_found.repaid_by)
            {
                check_answer(&moved, &lever_found.key, answer, target);
            }
        }
    }
}

#[test]
fn a_proposal_file_and_a_link_set_the_month_to_pay_back_by() {
    // £1,200 paid in April 2025 against a saving of s a year, s/12 a month from April 2025.
    // Paid back by December 2025 (month 9) needs 9 x s/12 >= 1,200, so s >= £1,600.00: at
    // £1,600.00 the cumulative is -£0.00000...03 (1,600/12 is not a whole number of pence,
    // within the half penny Payback allows); at £1,599.99 it is 9 x 133.3325 - 1,200 = -£0.0075.
    let text = EXACT.replace("months = 24\n", "months = 24\npay_back_by = \"2025-12\"\n");
    let proposal = parse_proposal(&text).unwrap();
    assert_eq!(proposal.baseline.pay_back_by, month("2025-12"));
    let found = switching_values(proposal.levers(), &proposal.baseline);
    assert_eq!(found.target_month, month("2025-12"));
    assert!(
        found.levers.iter().all(|l| l.key != "pay_back_by"),
        "the month itself has no switching value"
    );
    let saving = lever(&found.levers, "saving.per_year");
    assert!(
        !saving.pays_back.passes_now,
        "£1,500 a year pays back in January 2026"
    );
    assert_eq!(
        saving.pays_back.above,
        Some(Switch {
            passing: number("1600"),
            failing: number("1599.99")
        })
    );

    // Left out, it is the timeline's last month (March 2027); a link moves it like any lever.
    let plain = parse_proposal(EXACT).unwrap();
    assert_eq!(plain.baseline.pay_back_by, month("2027-03"));
    let parsed = invest_to_save::codec::parse("v=1&p=exact&pay_back_by=2025-12", &[plain]);
    assert_eq!(parsed.notices, Vec::new());
    assert_eq!(parsed.scenario.pay_back_by, month("2025-12"));

    // A month after the horizon's end asks for payback by its end.
    let beyond = paying_back_by(&proposal.baseline, month("2030-01"));
    assert_eq!(beyond.target_month(), month("2027-03"));
}

#[test]
fn a_month_to_pay_back_by_off_the_timeline_is_refused_at_its_line_and_column() {
    let text = EXACT.replace("months = 24\n", "months = 24\npay_back_by = \"2030-01\"\n");
    let problems = invest_to_save::proposal::read_proposal(&text).unwrap_err();
    assert!(
        problems.iter().any(|p| p.line == 11
            && p.column == 15
            && p.message
                == "timeline.pay_back_by = \"2030-01\" is outside the timeline, which runs from April 2025 to March 2027"),
        "{problems:?}"
    );
}
