#![cfg(not(target_arch = "wasm32"))]
//! The blank "own" proposal, worked by hand. Its timeline starts in April 2026 and runs 60 months
//! (April 2026 to March 2031, five whole financial years). It has a one-off investment
//! ("capital", £7.5m in April 2026), a running cost ("running", £0 a month from April 2026) and
//! one recurring saving ("saving", £2,580,000 a year from April 2026, no ramp). Every case below
//! is set through a link, as a reader would set it.

use invest_to_save::codec::{self, NoticeKind};
use invest_to_save::model::{self, Cashflow, Payback, YearMonth};
use invest_to_save::proposal::presets::{preset, presets};
use rust_decimal::Decimal;

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn month(text: &str) -> YearMonth {
    text.parse().unwrap()
}

/// Runs the own proposal with the given lever settings ("saving.per_year=2580864&...").
fn run(levers: &str) -> Cashflow {
    let parsed = codec::parse(&format!("v=1&p=own&{levers}"), presets());
    assert_eq!(parsed.notices, [], "{levers}");
    assert_eq!(presets()[parsed.proposal].id, "own");
    model::run(&parsed.scenario)
}

/// £2,580,864 a year is £215,072 a month exactly.
const SAVING: &str = "saving.per_year=2580864";

#[test]
fn the_own_proposal_opens_with_the_example_in_its_summary() {
    let own = preset("own").unwrap();
    let cashflow = model::run(&own.baseline);
    assert_eq!(cashflow.months.len(), 60);
    assert_eq!(cashflow.months[0].month, month("2026-04"));
    assert_eq!(cashflow.final_month(), Some(month("2031-03")));
    // £2,580,000 a year = £215,000 a month; 60 months = £12,900,000.
    assert_eq!(cashflow.months[0].saving, d("215000"));
    assert_eq!(cashflow.results.total_saving, d("12900000"));
    assert_eq!(cashflow.results.total_investment, d("7500000"));
    // 7,500,000 / 215,000 = 34.88: month 34 is at -190,000, month 35 at +25,000.
    assert_eq!(cashflow.months[33].cumulative, d("-190000"));
    assert_eq!(cashflow.months[34].cumulative, d("25000"));
    assert_eq!(
        cashflow.results.payback,
        Payback::PaidBackIn(month("2029-02"))
    );
}

#[test]
fn seven_and_a_half_million_once_and_215072_a_month_pays_back_in_the_35th_month() {
    let cashflow = run(SAVING);
    let rows = &cashflow.months;
    // Month 1 (April 2026): saving 215,072, investment 7,500,000, net -7,284,928.
    assert_eq!(rows[0].investment, d("7500000"));
    assert_eq!(rows[0].saving, d("215072"));
    assert_eq!(rows[0].net, d("-7284928"));
    assert_eq!(rows[0].cumulative, d("-7284928"));
    // Every later month: no investment, net 215,072.
    for row in &rows[1..] {
        assert_eq!(row.investment, Decimal::ZERO, "{}", row.month);
        assert_eq!(row.saving, d("215072"), "{}", row.month);
        assert_eq!(row.net, d("215072"), "{}", row.month);
    }
    // Cumulative after n months = 215,072 n - 7,500,000.
    // n = 34: 7,312,448 - 7,500,000 = -187,552 (still out of pocket)
    // n = 35: 7,527,520 - 7,500,000 = 27,520 (paid back)
    assert_eq!(rows[33].cumulative, d("-187552"));
    assert_eq!(rows[34].cumulative, d("27520"));
    // The 35th month is April 2026 + 34 months = February 2029.
    assert_eq!(rows[34].month, month("2029-02"));
    assert_eq!(
        cashflow.results.payback,
        Payback::PaidBackIn(month("2029-02"))
    );
    // In-month breakeven: month 1's net is negative, month 2's (May 2026) is +215,072.
    assert_eq!(cashflow.results.breakeven_month, Some(month("2026-05")));
    // Deepest: month 1, -7,284,928.
    assert_eq!(cashflow.results.deepest_cumulative, d("-7284928"));
    assert_eq!(cashflow.results.deepest_month, Some(month("2026-04")));
    // 60 months: saving 60 x 215,072 = 12,904,320; net 12,904,320 - 7,500,000 = 5,404,320;
    // return 5,404,320 / 7,500,000 = 0.720576.
    assert_eq!(cashflow.results.total_saving, d("12904320"));
    assert_eq!(cashflow.results.total_investment, d("7500000"));
    assert_eq!(cashflow.results.net_return, d("5404320"));
    assert_eq!(cashflow.results.return_on_investment, Some(d("0.720576")));
    assert_eq!(cashflow.funders, ["Council"]);
    assert_eq!(cashflow.results.investment_by_funder, [d("7500000")]);
}

#[test]
fn the_same_saving_given_a_month_at_a_time_gives_the_same_cashflow() {
    assert_eq!(run("saving.per_month=215072"), run(SAVING));
}

#[test]
fn financial_years_of_the_own_proposal_are_sums_of_twelve_months() {
    let cashflow = run(SAVING);
    let years: Vec<String> = cashflow.years.iter().map(|y| y.year.to_string()).collect();
    assert_eq!(
        years,
        ["2026/27", "2027/28", "2028/29", "2029/30", "2030/31"]
    );
    for year in &cashflow.years {
        assert_eq!(year.months_in_horizon, 12);
        // 12 x 215,072 = 2,580,864.
        assert_eq!(year.saving, d("2580864"));
    }
    // 2026/27: net 2,580,864 - 7,500,000 = -4,919,136.
    assert_eq!(cashflow.years[0].investment, d("7500000"));
    assert_eq!(cashflow.years[0].net, d("-4919136"));
    assert_eq!(cashflow.years[0].cumulative, d("-4919136"));
    // 2027/28: -4,919,136 + 2,580,864 = -2,338,272; 2028/29: +242,592.
    assert_eq!(cashflow.years[1].cumulative, d("-2338272"));
    assert_eq!(cashflow.years[2].cumulative, d("242592"));
    assert_eq!(cashflow.years[4].cumulative, d("5404320"));
}

#[test]
fn a_ramp_of_four_months_saves_a_quarter_then_half_then_three_quarters_then_the_full_rate() {
    let cashflow = run(&format!("{SAVING}&saving.ramp=4"));
    let savings: Vec<Decimal> = cashflow.months.iter().map(|r| r.saving).collect();
    // 215,072 / 4 = 53,768.
    assert_eq!(savings[0], d("53768"));
    assert_eq!(savings[1], d("107536"));
    assert_eq!(savings[2], d("161304"));
    assert_eq!(savings[3], d("215072"));
    assert!(savings[4..].iter().all(|s| *s == d("215072")));
    // The ramp loses (3 + 2 + 1) / 4 = 1.5 months of saving: 322,608.
    // Cumulative after n >= 4 months = 215,072 n - 322,608 - 7,500,000:
    // n = 36: 7,742,592 - 7,822,608 = -80,016; n = 37: 7,957,664 - 7,822,608 = 135,056.
    assert_eq!(cashflow.months[35].cumulative, d("-80016"));
    assert_eq!(cashflow.months[36].cumulative, d("135056"));
    // The 37th month: April 2026 + 36 months = April 2029.
    assert_eq!(
        cashflow.results.payback,
        Payback::PaidBackIn(month("2029-04"))
    );
    // Month 2's net is 107,536 > 0.
    assert_eq!(cashflow.results.breakeven_month, Some(month("2026-05")));
    assert_eq!(cashflow.results.total_saving, d("12904320") - d("322608"));
}

#[test]
fn a_ramp_of_one_month_is_the_full_rate_at_once() {
    assert_eq!(
        run(&format!("{SAVING}&saving.ramp=1")).months,
        run(SAVING).months
    );
}

#[test]
fn a_ramp_of_three_months_saves_thirds_exactly_as_decimals_allow() {
    let cashflow = run(&format!("{SAVING}&saving.ramp=3"));
    // 215,072 / 3 = 71,690.666..., then 143,381.333..., then 215,072: exact to 20 places.
    let close = |actual: Decimal, expected: &str| {
        assert!(
            (actual - d(expected)).abs() < d("0.00000000000000000001"),
            "{actual} is not {expected}"
        )
    };
    close(cashflow.months[0].saving, "71690.666666666666666666667");
    close(cashflow.months[1].saving, "143381.33333333333333333333");
    assert_eq!(cashflow.months[2].saving, d("215072"));
}

#[test]
fn a_running_cost_is_paid_every_month_from_its_start() {
    // Running cost 15,072 a month: every month nets 215,072 - 15,072 = 200,000.
    let cashflow = run(&format!("{SAVING}&running.per_month=15072"));
    // Month 1: 215,072 - 7,500,000 - 15,072 = -7,300,000.
    assert_eq!(cashflow.months[0].investment, d("7515072"));
    assert_eq!(cashflow.months[0].net, d("-7300000"));
    for row in &cashflow.months[1..] {
        assert_eq!(row.investment, d("15072"), "{}", row.month);
        assert_eq!(row.net, d("200000"), "{}", row.month);
    }
    // Cumulative after n months = 200,000 n - 7,500,000: n = 37 gives -100,000, n = 38 +100,000.
    assert_eq!(cashflow.months[36].cumulative, d("-100000"));
    assert_eq!(cashflow.months[37].cumulative, d("100000"));
    // The 38th month: April 2026 + 37 months = May 2029.
    assert_eq!(
        cashflow.results.payback,
        Payback::PaidBackIn(month("2029-05"))
    );
    // Investment 7,500,000 + 60 x 15,072 = 8,404,320; net 60 x 200,000 - 7,500,000 = 4,500,000.
    assert_eq!(cashflow.results.total_investment, d("8404320"));
    assert_eq!(cashflow.results.net_return, d("4500000"));
    assert_eq!(cashflow.results.investment_by_funder, [d("8404320")]);
}

#[test]
fn a_running_cost_that_starts_later_is_not_paid_before_it_starts() {
    // Running cost 10,000 a month from April 2027: the first 12 months pay none.
    let cashflow = run(&format!(
        "{SAVING}&running.per_month=10000&running.from=2027-04"
    ));
    for row in &cashflow.months[1..12] {
        assert_eq!(row.investment, Decimal::ZERO, "{}", row.month);
    }
    for row in &cashflow.months[12..] {
        assert_eq!(row.investment, d("10000"), "{}", row.month);
    }
    // 7,500,000 + 48 x 10,000 = 7,980,000.
    assert_eq!(cashflow.results.total_investment, d("7980000"));
}

#[test]
fn a_realisation_of_50_percent_halves_every_saving() {
    let full = run(SAVING);
    let half = run(&format!("{SAVING}&saving.realisation=50"));
    for (full, half) in full.months.iter().zip(&half.months) {
        assert_eq!(half.saving * d("2"), full.saving, "{}", full.month);
    }
    // 107,536 a month: 60 months give 6,452,160 - 7,500,000 = -1,047,840: not paid back.
    assert_eq!(half.months[1].saving, d("107536"));
    assert_eq!(half.results.total_saving, d("6452160"));
    assert_eq!(half.results.net_return, d("-1047840"));
    assert_eq!(half.results.payback, Payback::NotWithinHorizon);
    assert_eq!(half.results.deepest_cumulative, d("107536") - d("7500000"));
}

#[test]
fn at_half_the_saving_a_ten_year_horizon_pays_back_in_the_70th_month() {
    let cashflow = run(&format!("{SAVING}&saving.realisation=50&horizon=120"));
    assert_eq!(cashflow.months.len(), 120);
    // 107,536 n - 7,500,000: n = 69 gives -80,016, n = 70 gives +27,520.
    assert_eq!(cashflow.months[68].cumulative, d("-80016"));
    assert_eq!(cashflow.months[69].cumulative, d("27520"));
    // April 2026 + 69 months = January 2032.
    assert_eq!(
        cashflow.results.payback,
        Payback::PaidBackIn(month("2032-01"))
    );
}

#[test]
fn savings_that_start_a_year_late_delay_payback_by_a_year() {
    let on_time = run(SAVING);
    let late = run(&format!("{SAVING}&saving.from=2027-04"));
    assert!(late.months[..12].iter().all(|r| r.saving.is_zero()));
    assert_eq!(late.months[12].saving, d("215072"));
    // 2029-02 + 12 months.
    assert_eq!(
        on_time.results.payback,
        Payback::PaidBackIn(month("2029-02"))
    );
    assert_eq!(late.results.payback, Payback::PaidBackIn(month("2030-02")));
    // The first month with a saving is April 2027.
    assert_eq!(late.results.breakeven_month, Some(month("2027-04")));
}

#[test]
fn an_investment_paid_later_moves_the_deepest_point() {
    // Paid in April 2027: twelve months of saving first (2,580,864), then -7,500,000.
    let cashflow = run(&format!("{SAVING}&capital.month=2027-04"));
    assert_eq!(cashflow.months[11].cumulative, d("2580864"));
    // 2,580,864 + 215,072 - 7,500,000 = -4,704,064.
    assert_eq!(cashflow.months[12].cumulative, d("-4704064"));
    assert_eq!(cashflow.results.deepest_cumulative, d("-4704064"));
    assert_eq!(cashflow.results.deepest_month, Some(month("2027-04")));
    // In-month breakeven is the first month, before the investment.
    assert_eq!(cashflow.results.breakeven_month, Some(month("2026-04")));
    // Still 7,500,000 to recover from April 2027: -4,704,064 + 215,072 k >= 0 first at k = 22
    // (21 x 215,072 = 4,516,512 short; 22 x 215,072 = 4,731,584 enough): February 2029.
    assert_eq!(
        cashflow.results.payback,
        Payback::PaidBackIn(month("2029-02"))
    );
}

#[test]
fn nothing_invested_and_nothing_saved_is_never_in_deficit_and_has_no_return_on_investment() {
    let cashflow = run("capital.amount=0&saving.per_year=0");
    assert!(cashflow
        .months
        .iter()
        .all(|r| r.investment.is_zero() && r.saving.is_zero() && r.cumulative.is_zero()));
    let results = &cashflow.results;
    assert_eq!(results.payback, Payback::NeverInDeficit);
    assert_eq!(results.return_on_investment, None);
    assert_eq!(results.total_investment, Decimal::ZERO);
    assert_eq!(results.net_return, Decimal::ZERO);
    assert_eq!(results.breakeven_month, None);
    assert_eq!(results.deepest_cumulative, Decimal::ZERO);
    assert_eq!(results.deepest_month, None);
}

#[test]
fn savings_with_nothing_invested_are_never_in_deficit() {
    let cashflow = run(&format!("{SAVING}&capital.amount=0"));
    assert_eq!(cashflow.results.payback, Payback::NeverInDeficit);
    assert_eq!(cashflow.results.return_on_investment, None);
    assert_eq!(cashflow.results.net_return, d("12904320"));
    assert_eq!(cashflow.results.breakeven_month, Some(month("2026-04")));
}

#[test]
fn an_investment_with_no_saving_never_pays_back() {
    let cashflow = run("saving.per_year=0");
    assert_eq!(cashflow.results.payback, Payback::NotWithinHorizon);
    assert_eq!(cashflow.results.return_on_investment, Some(d("-1")));
    assert_eq!(cashflow.results.breakeven_month, None);
    assert!(cashflow
        .months
        .iter()
        .all(|r| r.cumulative == d("-7500000")));
}

#[test]
fn a_one_month_horizon_is_a_single_row() {
    let cashflow = run(&format!("{SAVING}&horizon=1"));
    assert_eq!(cashflow.months.len(), 1);
    assert_eq!(cashflow.years.len(), 1);
    assert_eq!(cashflow.years[0].months_in_horizon, 1);
    assert_eq!(cashflow.results.payback, Payback::NotWithinHorizon);
}

#[test]
fn a_saving_above_the_levers_maximum_is_clamped_to_twenty_million_a_year() {
    let parsed = codec::parse("proposal=own&saving.per_year=25000000", presets());
    assert_eq!(parsed.notices.len(), 1);
    assert_eq!(parsed.notices[0].kind, NoticeKind::Corrected);
    let cashflow = model::run(&parsed.scenario);
    // 20,000,000 / 12 = 1,666,666.66...
    assert_eq!(cashflow.months[0].saving, d("20000000") / d("12"));
}

#[test]
fn a_saving_that_repays_the_investment_in_exactly_twelve_months_pays_back_in_the_twelfth() {
    // £X invested in April 2026 and £X a year saved from April 2026: after twelve months of
    // X/12 the cumulative is exactly zero, so payback (cumulative at or above zero from then on)
    // is March 2027, the twelfth month. The exports show that month's cumulative as 0.00.
    for amount in ["100", "1000000", "2500", "35"] {
        let cashflow = run(&format!("capital.amount={amount}&saving.per_year={amount}"));
        assert_eq!(
            invest_to_save::model::money::pence(cashflow.months[11].cumulative),
            d("0.00")
        );
        assert_eq!(
            cashflow.results.payback,
            Payback::PaidBackIn(month("2027-03")),
            "£{amount} invested and saved a year: cumulative in March 2027 is {}",
            cashflow.months[11].cumulative
        );
    }
}
