#![cfg(not(target_arch = "wasm32"))]
//! Repayments: one organisation paying back another's investment out of the savings it
//! receives. Worked by hand on a small loan: the council lends £12,000 in April 2025 and the
//! savings, £24,000 a year (£2,000 a month from April 2025), land with its partner; the horizon
//! is the 12 months to March 2026.

use invest_to_save::model::{self, Cashflow, Organisation, Repaid, Repayment, Scenario};
use invest_to_save::proposal::parse_proposal;
use invest_to_save::proposal::presets::presets;
use proptest::prelude::*;
use rust_decimal::Decimal;

const LOAN: &str = include_str!("fixtures/loan.toml");

fn pounds(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn month(text: &str) -> model::YearMonth {
    text.parse().unwrap()
}

/// The partner repaying all the council's investment from all its savings, from the start.
fn in_full() -> Repayment {
    Repayment {
        id: "repay".into(),
        label: "Partner repays the council".into(),
        payer: "Partner".into(),
        to: "Council".into(),
        investment_ids: Vec::new(),
        share_percent: Decimal::ONE_HUNDRED,
        after_own_investment: false,
        from: month("2025-04"),
        amount_per_month_at_most: None,
        over_months: None,
        cap: None,
    }
}

fn loan_with(repayment: Repayment) -> Cashflow {
    let mut scenario = parse_proposal(LOAN).unwrap().baseline;
    scenario.repayments.push(repayment);
    model::run(&scenario)
}

fn organisation<'a>(cashflow: &'a Cashflow, name: &str) -> &'a Organisation {
    cashflow
        .results
        .by_organisation
        .iter()
        .find(|o| o.name == name)
        .unwrap_or_else(|| panic!("no organisation {name}"))
}

/// Invested, gained, repaid, received and net, rounded to the penny.
fn position(cashflow: &Cashflow, name: &str) -> [Decimal; 5] {
    let o = organisation(cashflow, name);
    [o.invested, o.gained, o.repaid, o.received, o.net].map(|amount| amount.round_dp(2))
}

fn repaid_by_month(cashflow: &Cashflow) -> Vec<Decimal> {
    cashflow.results.repayments[0]
        .by_month
        .iter()
        .map(|amount| amount.round_dp(2))
        .collect()
}

/// Runs of the same amount: `[("1500", 8), ("0", 4)]` is 1,500 for 8 months, then 0 for 4.
fn runs(list: &[(&str, usize)]) -> Vec<Decimal> {
    list.iter()
        .flat_map(|(amount, count)| std::iter::repeat_n(pounds(amount), *count))
        .collect()
}

/// When the first repayment is repaid in full, if it is.
fn status(cashflow: &Cashflow) -> Repaid {
    cashflow.results.repayments[0].status
}

#[test]
fn without_a_repayment_the_council_pays_and_the_partner_gains() {
    let cashflow = model::run(&parse_proposal(LOAN).unwrap().baseline);
    let zero = Decimal::ZERO;
    // Council: -12,000. Partner: 12 x 2,000 = 24,000.
    assert_eq!(
        position(&cashflow, "Council"),
        [pounds("12000"), zero, zero, zero, pounds("-12000")]
    );
    assert_eq!(
        position(&cashflow, "Partner"),
        [zero, pounds("24000"), zero, zero, pounds("24000")]
    );
    assert_eq!(organisation(&cashflow, "Council").repaid_in_full, None);
}

#[test]
fn all_the_savings_repay_the_loan_in_six_months() {
    let cashflow = loan_with(in_full());
    // 2,000 a month: 2,000 x 6 = 12,000 by the end of September 2025, then nothing more.
    assert_eq!(repaid_by_month(&cashflow), runs(&[("2000", 6), ("0", 6)]));
    let zero = Decimal::ZERO;
    // Council: -12,000 + 12,000 = 0. Partner: 24,000 - 12,000 = 12,000.
    assert_eq!(
        position(&cashflow, "Council"),
        [pounds("12000"), zero, zero, pounds("12000"), zero]
    );
    assert_eq!(
        position(&cashflow, "Partner"),
        [
            zero,
            pounds("24000"),
            pounds("12000"),
            zero,
            pounds("12000")
        ]
    );
    let council = organisation(&cashflow, "Council");
    assert_eq!(
        council.repaid_in_full,
        Some(Repaid::InFull(month("2025-09")))
    );
    assert_eq!(council.to_be_repaid, pounds("12000"));
    // Month by month, the council is back to nought in September 2025.
    let cumulative: Vec<Decimal> = council
        .months
        .iter()
        .map(|m| m.cumulative.round_dp(2))
        .collect();
    assert_eq!(
        cumulative,
        runs(&[
            ("-10000", 1),
            ("-8000", 1),
            ("-6000", 1),
            ("-4000", 1),
            ("-2000", 1),
            ("0", 7)
        ])
    );
}

#[test]
fn a_cap_repays_only_so_much() {
    let cashflow = loan_with(Repayment {
        cap: Some(pounds("5000")),
        ..in_full()
    });
    // 2,000 + 2,000 + 1,000 = 5,000, the cap, by June 2025.
    assert_eq!(
        repaid_by_month(&cashflow),
        runs(&[("2000", 2), ("1000", 1), ("0", 9)])
    );
    let zero = Decimal::ZERO;
    // Council: -12,000 + 5,000 = -7,000. Partner: 24,000 - 5,000 = 19,000.
    assert_eq!(
        position(&cashflow, "Council"),
        [pounds("12000"), zero, zero, pounds("5000"), pounds("-7000")]
    );
    assert_eq!(position(&cashflow, "Partner")[4], pounds("19000"));
    let repayment = &cashflow.results.repayments[0];
    assert_eq!(repayment.owed, pounds("5000"));
    assert_eq!(repayment.status, Repaid::InFull(month("2025-06")));
}

#[test]
fn a_half_share_repays_by_the_last_month() {
    let cashflow = loan_with(Repayment {
        share_percent: pounds("50"),
        ..in_full()
    });
    // 50% of 2,000 = 1,000 a month: 12 x 1,000 = 12,000 by March 2026.
    assert_eq!(repaid_by_month(&cashflow), runs(&[("1000", 12)]));
    assert_eq!(status(&cashflow), Repaid::InFull(month("2026-03")));
    // Partner: 24,000 - 12,000 = 12,000.
    assert_eq!(position(&cashflow, "Partner")[4], pounds("12000"));
}

#[test]
fn a_quarter_share_never_repays_within_the_horizon() {
    let cashflow = loan_with(Repayment {
        share_percent: pounds("25"),
        ..in_full()
    });
    // 25% of 2,000 = 500 a month: 12 x 500 = 6,000 repaid, 12,000 - 6,000 = 6,000 still owed.
    assert_eq!(repaid_by_month(&cashflow), runs(&[("500", 12)]));
    let repayment = &cashflow.results.repayments[0];
    assert_eq!(repayment.status, Repaid::NotWithinHorizon);
    assert_eq!(repayment.outstanding().round_dp(2), pounds("6000"));
    assert_eq!(
        organisation(&cashflow, "Council").repaid_in_full,
        Some(Repaid::NotWithinHorizon)
    );
    // Council: -12,000 + 6,000 = -6,000. Partner: 24,000 - 6,000 = 18,000.
    assert_eq!(position(&cashflow, "Council")[4], pounds("-6000"));
    assert_eq!(position(&cashflow, "Partner")[4], pounds("18000"));
}

#[test]
fn at_most_so_much_a_month_stretches_the_repayment() {
    let cashflow = loan_with(Repayment {
        amount_per_month_at_most: Some(pounds("1500")),
        ..in_full()
    });
    // 1,500 a month of the 2,000 saved: 12,000 / 1,500 = 8 months, April to November 2025.
    assert_eq!(repaid_by_month(&cashflow), runs(&[("1500", 8), ("0", 4)]));
    assert_eq!(status(&cashflow), Repaid::InFull(month("2025-11")));
}

#[test]
fn over_seven_months_in_instalments_rounded_up_to_the_penny() {
    let cashflow = loan_with(Repayment {
        over_months: Some(7),
        ..in_full()
    });
    // 12,000 / 7 = 1,714.2857..., rounded up to 1,714.29; six of them are 10,285.74, so the
    // seventh, in October 2025, takes what is left: 12,000 - 10,285.74 = 1,714.26.
    assert_eq!(
        repaid_by_month(&cashflow),
        runs(&[("1714.29", 6), ("1714.26", 1), ("0", 5)])
    );
    assert_eq!(status(&cashflow), Repaid::InFull(month("2025-10")));
}

#[test]
fn over_fewer_months_than_the_savings_allow_is_held_to_the_savings() {
    let cashflow = loan_with(Repayment {
        over_months: Some(4),
        ..in_full()
    });
    // 12,000 / 4 = 3,000 a month asked, but only 2,000 is saved: six months, as in full.
    assert_eq!(status(&cashflow), Repaid::InFull(month("2025-09")));
}

#[test]
fn from_a_later_month() {
    let cashflow = loan_with(Repayment {
        from: month("2025-10"),
        ..in_full()
    });
    // Nothing until October 2025, then 2,000 a month: 6 x 2,000 = 12,000 by March 2026.
    assert_eq!(repaid_by_month(&cashflow), runs(&[("0", 6), ("2000", 6)]));
    assert_eq!(status(&cashflow), Repaid::InFull(month("2026-03")));
}

#[test]
fn after_its_own_investment_the_payer_repays_only_what_is_left() {
    // The partner also pays £500 a month of its own; it meets that first from its savings:
    // 2,000 - 500 = 1,500 a month, 12,000 / 1,500 = 8 months, to November 2025.
    let text = format!(
        "{LOAN}\n[[investment]]\nid = \"own\"\nlabel = \"Partner's own\"\nfunder = \"Partner\"\nper_month = 500\nfrom = \"2025-04\"\n"
    );
    let mut scenario = parse_proposal(&text).unwrap().baseline;
    scenario.repayments.push(Repayment {
        after_own_investment: true,
        ..in_full()
    });
    let cashflow = model::run(&scenario);
    assert_eq!(status(&cashflow), Repaid::InFull(month("2025-11")));
    // Partner: 24,000 saved - 6,000 of its own - 12,000 repaid = 6,000.
    assert_eq!(
        position(&cashflow, "Partner"),
        [
            pounds("6000"),
            pounds("24000"),
            pounds("12000"),
            Decimal::ZERO,
            pounds("6000")
        ]
    );
}

#[test]
fn nothing_is_repaid_before_it_is_lent() {
    // The council lends £1,000 a month instead of £12,000 at once: each month the partner can
    // repay only the 1,000 lent so far, so it repays 1,000 a month and is done in March 2026.
    let text = LOAN.replace(
        "one_off = 12000\nmonth = \"2025-04\"",
        "per_month = 1000\nfrom = \"2025-04\"",
    );
    let mut scenario = parse_proposal(&text).unwrap().baseline;
    scenario.repayments.push(in_full());
    let cashflow = model::run(&scenario);
    assert_eq!(repaid_by_month(&cashflow), runs(&[("1000", 12)]));
    assert_eq!(status(&cashflow), Repaid::InFull(month("2026-03")));
}

#[test]
fn two_repayments_from_one_payer_share_its_savings() {
    // Two halves of the loan, each asking for all the savings: the first takes 2,000 a month
    // for three months (6,000, its cap), the second gets what the first leaves: nothing until
    // July, then 2,000 a month, 6,000 by September 2025.
    let mut scenario = parse_proposal(LOAN).unwrap().baseline;
    let half = Repayment {
        cap: Some(pounds("6000")),
        ..in_full()
    };
    scenario.repayments.push(half.clone());
    scenario.repayments.push(Repayment {
        id: "second".into(),
        ..half
    });
    let cashflow = model::run(&scenario);
    let second: Vec<Decimal> = cashflow.results.repayments[1]
        .by_month
        .iter()
        .map(|a| a.round_dp(2))
        .collect();
    assert_eq!(second, runs(&[("0", 3), ("2000", 3), ("0", 6)]));
    assert_eq!(
        organisation(&cashflow, "Council").repaid_in_full,
        Some(Repaid::InFull(month("2025-09")))
    );
}

/// Any preset's scenario with a repayment between any two of its organisations (or one it does
/// not have), on any terms.
fn with_repayments() -> impl Strategy<Value = Scenario> {
    let terms = (
        0usize..8,
        0usize..8,
        0u32..=150,
        any::<bool>(),
        0i32..60,
        prop::option::of(0u32..100_000),
        prop::option::of(0u32..40),
        prop::option::of(0u32..2_000_000),
    );
    (0..presets().len(), prop::collection::vec(terms, 1..4)).prop_map(|(preset, terms)| {
        let mut scenario = presets()[preset].baseline.clone();
        let mut names = scenario.funders();
        names.extend(scenario.savings.iter().map(|l| l.beneficiary.clone()));
        names.push("Nobody".into());
        for (index, (payer, to, share, after, from, at_most, over, cap)) in
            terms.into_iter().enumerate()
        {
            scenario.repayments.push(Repayment {
                id: format!("r{index}"),
                label: String::new(),
                payer: names[payer % names.len()].clone(),
                to: names[to % names.len()].clone(),
                investment_ids: Vec::new(),
                share_percent: Decimal::from(share),
                after_own_investment: after,
                from: scenario.start.plus_months(from),
                amount_per_month_at_most: at_most.map(Decimal::from),
                over_months: over,
                cap: cap.map(Decimal::from),
            });
        }
        scenario
    })
}

/// A millionth of a penny: far below anything shown, far above the last digit of a decimal.
fn tiny() -> Decimal {
    Decimal::new(1, 8)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn repayments_move_money_between_organisations_and_never_change_the_total_net(
        scenario in with_repayments()
    ) {
        let cashflow = model::run(&scenario);
        let results = &cashflow.results;
        let organisations = &results.by_organisation;
        let total = |figure: fn(&Organisation) -> Decimal| -> Decimal {
            organisations.iter().map(figure).sum()
        };
        prop_assert!((total(|o| o.net) - results.net_return).abs() < tiny(),
            "organisations' net {} against the proposal's {}", total(|o| o.net), results.net_return);
        prop_assert!((total(|o| o.repaid) - total(|o| o.received)).abs() < tiny());
        prop_assert!((total(|o| o.invested) - results.total_investment).abs() < tiny());
        prop_assert!((total(|o| o.gained) - results.total_saving).abs() < tiny());
        for repayment in &results.repayments {
            // Never more than is owed, and never a negative payment.
            prop_assert!(repayment.repaid <= repayment.owed);
            prop_assert!(repayment.by_month.iter().all(|a| *a >= Decimal::ZERO));
        }
        for o in organisations {
            // No organisation repays more in a month than it saved that month.
            for m in &o.months {
                prop_assert!(m.repaid <= m.gained, "{} repays {} of {} in {}", o.name, m.repaid, m.gained, m.month);
            }
        }
    }
}
