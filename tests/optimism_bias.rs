#![cfg(not(target_arch = "wasm32"))]
//! Optimism bias: an uplift on costs and a haircut on savings, set for the proposal and per
//! line in its file, movable as levers, with the figures without it beside the adjusted ones.

use invest_to_save::analysis::sensitivity::DEFAULT_SWING_PERCENT;
use invest_to_save::analysis::{discounted, optimism_bias, sensitivity, switching_values};
use invest_to_save::codec;
use invest_to_save::levers::LeverValue;
use invest_to_save::model::{self, Payback, YearMonth};
use invest_to_save::proposal::presets::presets;
use invest_to_save::proposal::{parse_proposal, read_proposal};
use invest_to_save::report::{json, text};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// £1m paid in the first month against £200,000 a year saved from the first month, for ten
/// years (the fixture tests/discounting.rs discounts) ...
const TEN_YEARS: &str = include_str!("fixtures/ten_years.toml");

/// ... with the Green Book's standard-buildings uplift on costs (24%) and a 15% haircut on
/// savings.
const BIAS: &str = r#"
[optimism_bias]
costs_percent = 24
savings_percent = 15
source = "Green Book supplementary guidance, standard buildings (upper bound)"
"#;

fn biased() -> String {
    format!("{TEN_YEARS}{BIAS}")
}

/// The 1-based line of `text` that is `line`.
fn line_of(text: &str, line: &str) -> usize {
    text.lines()
        .position(|l| l == line)
        .expect("the line is in the file")
        + 1
}

fn pounds(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn month(text: &str) -> YearMonth {
    text.parse().unwrap()
}

#[test]
fn a_24_percent_uplift_and_a_15_percent_haircut_worked_by_hand() {
    let proposal = parse_proposal(&biased()).unwrap();
    let results = model::run(&proposal.baseline).results;
    // Costs: £1,000,000 x 1.24 = £1,240,000. Savings: £200,000 x 10 years x 0.85 = £1,700,000.
    // Net: £460,000.
    assert_eq!(results.total_investment.round_dp(2), pounds("1240000.00"));
    assert_eq!(results.total_saving.round_dp(2), pounds("1700000.00"));
    assert_eq!(results.net_return.round_dp(2), pounds("460000.00"));
    // A month saves 200,000 / 12 x 0.85 = £14,166.67: after n months the position is
    // 14,166.67n - 1,240,000, below zero until n = 1,240,000 / 14,166.67 = 87.5, so it is
    // back in month 88, July 2032 (April 2025 + 87 months).
    assert_eq!(results.payback, Payback::PaidBackIn(month("2032-07")));

    let effect = optimism_bias(&proposal.baseline).expect("a bias is applied");
    // Without it: £1,000,000 against £16,666.67 a month, exactly back after 60 months (the
    // 60th month, March 2030, ends at nought to the penny).
    assert_eq!(
        effect.without.total_investment.round_dp(2),
        pounds("1000000.00")
    );
    assert_eq!(
        effect.without.total_saving.round_dp(2),
        pounds("2000000.00")
    );
    assert_eq!(effect.without.net_return.round_dp(2), pounds("1000000.00"));
    assert_eq!(
        effect.without.payback,
        Payback::PaidBackIn(month("2030-03"))
    );
    assert_eq!(
        effect.words(),
        "costs raised by 24% and savings lowered by 15%"
    );
}

#[test]
fn a_line_of_its_own_takes_its_percentage_in_place_of_the_proposals() {
    let text = biased().replace(
        "from = \"2025-04\"\n",
        "from = \"2025-04\"\noptimism_bias_percent = 30\n",
    );
    let proposal = parse_proposal(&text).unwrap();
    let results = model::run(&proposal.baseline).results;
    // Savings: £2,000,000 x 0.70 = £1,400,000 (not x 0.85); costs still x 1.24.
    assert_eq!(results.total_saving.round_dp(2), pounds("1400000.00"));
    assert_eq!(results.total_investment.round_dp(2), pounds("1240000.00"));
    let effect = optimism_bias(&proposal.baseline).unwrap();
    assert_eq!(
        effect.words(),
        "costs raised by 24% and savings lowered by 15%; Saving lowered by 30%"
    );
    // The line's own percentage is a lever of its own.
    let lever = proposal
        .lever("saving.optimism_bias")
        .expect("a lever for the line");
    assert_eq!(lever.published, LeverValue::Number(Decimal::from(30)));
    let mut scenario = proposal.baseline.clone();
    lever.set(&mut scenario, LeverValue::Number(Decimal::ZERO));
    // At 0% the line saves all £2,000,000 whatever the proposal's haircut.
    assert_eq!(
        model::run(&scenario).results.total_saving.round_dp(2),
        pounds("2000000.00")
    );
}

#[test]
fn every_proposal_offers_both_levers_and_a_link_moves_them() {
    let all = presets();
    for proposal in all.iter() {
        for key in ["optimism_bias_costs", "optimism_bias_savings"] {
            let lever = proposal
                .lever(key)
                .unwrap_or_else(|| panic!("{} has no {key}", proposal.id));
            assert_eq!(lever.published, LeverValue::Number(Decimal::ZERO));
        }
    }
    // Sandwell with costs 24% higher: the £292,500 invested becomes £362,700 (x 1.24), the
    // £662,500 saved is unchanged, so the net return falls from £370,000 to £299,800.
    let parsed = codec::parse("v=1&p=sandwell&optimism_bias_costs=24", all);
    assert!(parsed.notices.is_empty(), "{:?}", parsed.notices);
    let results = model::run(&parsed.scenario).results;
    assert_eq!(results.total_investment.round_dp(2), pounds("362700.00"));
    assert_eq!(results.net_return.round_dp(2), pounds("299800.00"));
    let effect = optimism_bias(&parsed.scenario).unwrap();
    assert_eq!(effect.without.net_return.round_dp(2), pounds("370000.00"));
    // Only what is applied is said.
    assert_eq!(effect.words(), "costs raised by 24%");
}

#[test]
fn calc_and_the_json_carry_the_settings_and_the_figures_without() {
    let proposal = parse_proposal(&biased()).unwrap();
    let scenario = &proposal.baseline;
    let cashflow = model::run(scenario);
    let found = discounted(&cashflow, scenario.discount_rate_percent);
    let effect = optimism_bias(scenario);
    let report = text::results(&proposal, &cashflow, &found, effect.as_ref());
    assert!(
        report.contains("Net return without optimism bias"),
        "{report}"
    );
    assert!(report.contains("£1,000,000"), "{report}");
    assert!(report.contains("March 2030"), "{report}");
    let exported = json::export(&json::Export {
        proposal: &proposal,
        scenario,
        query: "v=1&p=ten_years",
        cashflow: &cashflow,
        notices: &[],
        switching: &switching_values(proposal.levers(), scenario),
        discounted: &found,
        sensitivity: &sensitivity(proposal.levers(), scenario, DEFAULT_SWING_PERCENT),
        optimism_bias: effect.as_ref(),
        uncertainty: None,
        comparison: None,
    });
    let bias = &exported["optimism_bias"];
    assert_eq!(bias["costs_uplift_percent"], "24");
    assert_eq!(bias["savings_haircut_percent"], "15");
    assert_eq!(
        bias["source"],
        "Green Book supplementary guidance, standard buildings (upper bound)"
    );
    assert_eq!(bias["without"]["net_return"], "1000000.00");
    assert_eq!(bias["without"]["payback_month"], "2030-03");
    assert_eq!(exported["results"]["net_return"], "460000.00");
}

#[test]
fn a_proposal_without_it_runs_once_and_says_nothing() {
    for proposal in presets().iter() {
        assert!(
            optimism_bias(&proposal.baseline).is_none(),
            "{}",
            proposal.id
        );
    }
}

/// (the line as the file has it, the line as broken, the column of the problem: the value's for
/// a value out of range, the key's for an unknown key, what the message must say).
const REFUSED: &[(&str, &str, usize, &str)] = &[
    (
        "costs_percent = 24",
        "costs_percent = 250",
        17,
        "optimism_bias.costs_percent must be between 0 and 200",
    ),
    (
        "savings_percent = 15",
        "savings_percent = 120",
        19,
        "`savings_percent` is a percentage, so it must be between 0 and 100",
    ),
    (
        "costs_percent = 24",
        "cost_percent = 24",
        1,
        "costs_percent",
    ),
];

#[test]
fn the_checker_places_each_bad_setting_at_its_line_and_column() {
    for (from, to, column, says) in REFUSED {
        let text = biased().replace(from, to);
        let problems = match read_proposal(&text) {
            Ok(_) => panic!("{to} was accepted"),
            Err(problems) => problems,
        };
        let problem = problems
            .iter()
            .find(|p| p.message.contains(says))
            .unwrap_or_else(|| panic!("{to}: no problem saying {says:?} in {problems:?}"));
        let line = line_of(&biased(), from);
        assert_eq!(
            (problem.line, problem.column),
            (line, *column),
            "{to}: {problem:?}"
        );
    }
    let text = biased().replace(
        "from = \"2025-04\"\n",
        "from = \"2025-04\"\noptimism_bias_percent = 101\n",
    );
    let problems = read_proposal(&text).expect_err("101% is refused");
    // Inserted on the line after the saving's `from`.
    let inserted = line_of(&biased(), "from = \"2025-04\"") + 1;
    assert!(
        problems
            .iter()
            .any(|p| p.line == inserted && p.message.contains("between 0 and 100")),
        "{problems:?}"
    );
}

/// The sensitivity table moves a lever to the low and high its file gives.
#[test]
fn a_files_own_low_and_high_replace_the_share() {
    let text = format!(
        "{}\n[levers.\"saving.per_year\"]\nlow = 150000\nhigh = 260000\n",
        biased()
    );
    let proposal = parse_proposal(&text).unwrap();
    let found = sensitivity(proposal.levers(), &proposal.baseline, DEFAULT_SWING_PERCENT);
    let row = found
        .rows
        .iter()
        .find(|row| row.key == "saving.per_year")
        .unwrap();
    assert_eq!(row.low, LeverValue::Number(Decimal::from(150_000)));
    assert_eq!(row.high, LeverValue::Number(Decimal::from(260_000)));
    // At £150,000 a year, 85% realised over ten years: £1,275,000 against £1,240,000, £35,000.
    assert_eq!(row.net_return_at_low.round_dp(2), pounds("35000.00"));
    // Low above high is a problem at `low`.
    let text = format!(
        "{}\n[levers.\"saving.per_year\"]\nlow = 300000\nhigh = 260000\n",
        biased()
    );
    let problems = read_proposal(&text).expect_err("low above high is refused");
    assert!(
        problems
            .iter()
            .any(|p| p.message.contains("low = 300000 is above high = 260000")),
        "{problems:?}"
    );
    // An end the slider cannot hold (it runs from £0 to £1,000,000) is placed at that end.
    let text = format!(
        "{}\n[levers.\"saving.per_year\"]\nhigh = 2000000\n",
        biased()
    );
    let problems = read_proposal(&text).expect_err("an end out of range is refused");
    let problem = problems
        .iter()
        .find(|p| p.message.contains("high = £2,000,000 a year"))
        .unwrap_or_else(|| panic!("{problems:?}"));
    assert_eq!(problem.line, biased().lines().count() + 3, "{problem:?}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// For every shipped proposal (whose amounts are all costs and savings, none negative), a
    /// bias never raises the net return, and at 0% it changes nothing at all.
    #[test]
    fn a_bias_never_improves_a_proposal(
        which in 0usize..4,
        costs in 0u32..=200,
        savings in 0u32..=100,
    ) {
        let all = presets();
        let proposal = &all[which % all.len()];
        let mut scenario = proposal.baseline.clone();
        scenario.optimism_bias.costs_uplift_percent = Decimal::from(costs);
        scenario.optimism_bias.savings_haircut_percent = Decimal::from(savings);
        let with = model::run(&scenario).results;
        let without = model::run(&proposal.baseline).results;
        prop_assert!(with.net_return <= without.net_return);
        prop_assert!(with.total_investment >= without.total_investment);
        prop_assert!(with.total_saving <= without.total_saving);
        if costs == 0 && savings == 0 {
            prop_assert_eq!(with, without);
        }
    }
}
