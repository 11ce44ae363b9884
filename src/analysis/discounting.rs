//! Discounting, as HM Treasury's Green Book asks: the cashflow's net present value, its
//! benefit-cost ratio and the month it pays back once discounted, beside the cash figures.
//!
//! The convention, stated in the README: each month is discounted at the monthly equivalent of
//! the year's annual rate, from the first month, which is not discounted. Month m (counting the
//! first as 0) is worth 1 / (1 + i_1) x ... x 1 / (1 + i_m) of a pound today, where i_k is the
//! monthly rate of the year that month k falls in ((1 + i)^12 = 1 + r). The annual rate r is
//! the reader's for years 1 to 30 (the Green Book's 3.5% unless moved); from year 31 it is the
//! Green Book's own schedule (3.0% to year 75, then 2.5%, 2.0%, 1.5% and 1.0%), or the reader's
//! rate where that is lower, so that a rate of 0% discounts nothing at all.

use rust_decimal::Decimal;

use crate::model::month::YearMonth;
use crate::model::{payback_of, Cashflow, Payback};

pub use crate::model::scenario::GREEN_BOOK_RATE_PERCENT;

/// The Green Book's schedule after year 30: (last year of the period, annual rate in percent).
const LATER_YEARS: [(u32, Decimal); 5] = [
    (75, Decimal::from_parts(30, 0, 0, false, 1)),
    (125, Decimal::from_parts(25, 0, 0, false, 1)),
    (200, Decimal::from_parts(20, 0, 0, false, 1)),
    (300, Decimal::from_parts(15, 0, 0, false, 1)),
    (u32::MAX, Decimal::from_parts(10, 0, 0, false, 1)),
];

/// The cashflow discounted to the value of money in its first month.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Discounted {
    /// The annual rate for years 1 to 30, in percent.
    pub rate_percent: Decimal,
    pub present_value_of_investment: Decimal,
    pub present_value_of_savings: Decimal,
    /// Savings less investment, both discounted.
    pub net_present_value: Decimal,
    /// Discounted savings per discounted pound invested; `None` when nothing is invested.
    pub benefit_cost_ratio: Option<Decimal>,
    /// When the discounted cumulative position stays at or above zero, as `Payback` for cash.
    pub payback: Payback,
}

/// The annual rate, in percent, for year `year` of the cashflow (the first year is 1).
pub fn annual_rate_percent(year: u32, rate_percent: Decimal) -> Decimal {
    if year <= 30 {
        return rate_percent;
    }
    LATER_YEARS
        .iter()
        .find(|(last, _)| year <= *last)
        .map_or(rate_percent, |(_, scheduled)| {
            (*scheduled).min(rate_percent)
        })
}

/// The monthly rate whose twelfth power gives the annual one: (1 + i)^12 = 1 + r, found by
/// Newton's method in decimals (it converges in a handful of steps for any rate from 0 to 100%).
pub fn monthly_rate(annual_percent: Decimal) -> Decimal {
    let growth = Decimal::ONE + annual_percent / Decimal::ONE_HUNDRED;
    if growth <= Decimal::ONE {
        return Decimal::ZERO;
    }
    let twelve = Decimal::from(12);
    let mut root = Decimal::ONE + annual_percent / Decimal::ONE_HUNDRED / twelve;
    for _ in 0..60 {
        let power_11 = (0..10).fold(root, |power, _| power * root);
        let next = root - (power_11 * root - growth) / (twelve * power_11);
        if next == root {
            break;
        }
        root = next;
    }
    root - Decimal::ONE
}

/// What a pound in each of `months` months is worth in the first: 1 for the first month.
pub fn discount_factors(months: usize, rate_percent: Decimal) -> Vec<Decimal> {
    let mut factors = Vec::with_capacity(months);
    let mut factor = Decimal::ONE;
    // The monthly rate, worked out again only when the annual rate changes (after year 30).
    let mut known: Option<(Decimal, Decimal)> = None;
    for month in 0..months {
        if month > 0 {
            let year = (month as u32 - 1) / 12 + 1;
            let annual = annual_rate_percent(year, rate_percent);
            let rate = match known {
                Some((known_annual, rate)) if known_annual == annual => rate,
                _ => {
                    let rate = monthly_rate(annual);
                    known = Some((annual, rate));
                    rate
                }
            };
            factor /= Decimal::ONE + rate;
        }
        factors.push(factor);
    }
    factors
}

/// The cashflow discounted at `rate_percent` a year (years 1 to 30; the schedule after).
pub fn discounted(cashflow: &Cashflow, rate_percent: Decimal) -> Discounted {
    let factors = discount_factors(cashflow.months.len(), rate_percent);
    let mut present_value_of_investment = Decimal::ZERO;
    let mut present_value_of_savings = Decimal::ZERO;
    let mut positions: Vec<(YearMonth, Decimal)> = Vec::with_capacity(factors.len());
    for (row, factor) in cashflow.months.iter().zip(&factors) {
        present_value_of_investment += row.flows.investment * factor;
        present_value_of_savings += row.flows.saving * factor;
        positions.push((
            row.month,
            present_value_of_savings - present_value_of_investment,
        ));
    }
    Discounted {
        rate_percent,
        present_value_of_investment,
        present_value_of_savings,
        net_present_value: present_value_of_savings - present_value_of_investment,
        benefit_cost_ratio: present_value_of_savings.checked_div(present_value_of_investment),
        payback: payback_of(&positions),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_monthly_rate_compounds_to_the_annual_one() {
        let monthly = monthly_rate(GREEN_BOOK_RATE_PERCENT);
        let year = (0..12).fold(Decimal::ONE, |total, _| total * (Decimal::ONE + monthly));
        assert!(
            (year - Decimal::new(1035, 3)).abs() < Decimal::new(1, 24),
            "{year}"
        );
        assert_eq!(monthly_rate(Decimal::ZERO), Decimal::ZERO);
    }

    #[test]
    fn the_rate_follows_the_green_book_schedule_after_year_30() {
        let rate = GREEN_BOOK_RATE_PERCENT;
        assert_eq!(annual_rate_percent(30, rate), rate);
        assert_eq!(annual_rate_percent(31, rate), Decimal::new(30, 1));
        assert_eq!(annual_rate_percent(76, rate), Decimal::new(25, 1));
        // A lower rate of the reader's holds throughout.
        assert_eq!(annual_rate_percent(40, Decimal::ONE), Decimal::ONE);
        // A month is discounted a year after the first: factor 1 / 1.035 at month 12.
        let factors = discount_factors(13, rate);
        assert_eq!(factors[0], Decimal::ONE);
        assert!((factors[12] * Decimal::new(1035, 3) - Decimal::ONE).abs() < Decimal::new(1, 24));
    }
}
