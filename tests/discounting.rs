#![cfg(not(target_arch = "wasm32"))]
//! Discounting: the net present value, benefit-cost ratio and discounted payback, by hand and
//! as properties of every shipped proposal.

use invest_to_save::analysis::discounting::{
    discount_factors, discounted, GREEN_BOOK_RATE_PERCENT,
};
mod common;

use invest_to_save::model::{self, Payback};
use invest_to_save::proposal::parse_proposal;
use invest_to_save::proposal::presets::presets;
use proptest::prelude::*;
use rust_decimal::Decimal;

/// £1m paid in the first month against £200,000 a year saved, £16,666.67 a month (200,000 / 12
/// in exact decimals), for ten years from the first month.
const TEN_YEARS: &str = include_str!("fixtures/ten_years.toml");

fn pounds(text: &str) -> Decimal {
    text.parse().unwrap()
}

#[test]
fn a_one_off_million_against_200000_a_year_for_ten_years_at_3_5_percent() {
    let proposal = parse_proposal(TEN_YEARS).unwrap();
    let cashflow = model::run(&proposal.baseline);
    let found = discounted(&cashflow, GREEN_BOOK_RATE_PERCENT);
    // Month k is worth v^k, v = 1.035^(-1/12) = 0.99713732...; the savings are an annuity:
    // 16,666.67 x (1 - v^120) / (1 - v) = 16,666.67 x (1 - 1.035^-10) / (1 - v)
    //   = 16,666.67 x 0.29108119 / 0.00286268 = £1,694,689.13 (to the penny, worked to 60
    // digits). The £1m in the first month is not discounted: NPV £694,689.13 (cash: £1,000,000).
    assert_eq!(
        found.present_value_of_investment.round_dp(2),
        pounds("1000000.00")
    );
    assert_eq!(
        found.present_value_of_savings.round_dp(2),
        pounds("1694689.13")
    );
    assert_eq!(found.net_present_value.round_dp(2), pounds("694689.13"));
    assert_eq!(
        cashflow.results.net_return.round_dp(2),
        pounds("1000000.00")
    );
    // Benefit-cost ratio: 1,694,689.13 / 1,000,000.
    assert_eq!(
        found.benefit_cost_ratio.map(|r| r.round_dp(4)),
        Some(pounds("1.6947"))
    );
    // Cash pays back when 60 months of £16,666.67 cover the £1m: March 2030 (month 60).
    // Discounted, the cumulative first stays above zero in month 66, September 2030:
    // 16,666.67 x (1 - v^66) / (1 - v) = £1,003,637 > £1m, and with 65 months £989,804.
    assert_eq!(
        cashflow.results.payback,
        Payback::PaidBackIn("2030-03".parse().unwrap())
    );
    assert_eq!(
        found.payback,
        Payback::PaidBackIn("2030-09".parse().unwrap())
    );
}

#[test]
fn after_year_30_the_green_book_rate_falls_to_3_percent() {
    let factors = discount_factors(400, GREEN_BOOK_RATE_PERCENT);
    let tolerance = Decimal::new(1, 20);
    // Year 30 (months 349 to 360) at 3.5%, year 31 (months 361 to 372) at 3.0%.
    assert!((factors[348] / factors[360] - pounds("1.035")).abs() < tolerance);
    assert!((factors[360] / factors[372] - pounds("1.03")).abs() < tolerance);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// For random scenarios (every lever of a shipped proposal moved to a random place), at 0%
    /// the net present value is the cash net return and the discounted payback the cash one;
    /// at a positive rate money later is worth less, so each present value of money that is
    /// never negative is at most its cash total.
    #[test]
    fn at_0_percent_discounting_changes_nothing(
        which in 0usize..3,
        shares in proptest::collection::vec(0u32..=100, 30),
        rate_tenths in 1u32..=100,
    ) {
        let scenario = common::moved_to_shares(&presets()[which], &shares, false);
        let cashflow = model::run(&scenario);
        let undiscounted = discounted(&cashflow, Decimal::ZERO);
        prop_assert_eq!(undiscounted.net_present_value, cashflow.results.net_return);
        prop_assert_eq!(undiscounted.payback, cashflow.results.payback);
        let found = discounted(&cashflow, Decimal::new(rate_tenths.into(), 1));
        // Only for money that never runs the other way: a month below nought (Trafford's
        // first-year benefits, a cost that realisation leaves whole) is worth less later too,
        // which raises the present value of the whole.
        if cashflow.months.iter().all(|m| !m.saving.is_sign_negative()) {
            prop_assert!(found.present_value_of_savings <= cashflow.results.total_saving);
        }
        if cashflow.months.iter().all(|m| !m.investment.is_sign_negative()) {
            prop_assert!(found.present_value_of_investment <= cashflow.results.total_investment);
        }
    }
}
