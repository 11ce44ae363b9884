//! Annual amounts turned into monthly ones.

use rust_decimal::Decimal;

use super::month::{FinancialYear, YearMonth};
use super::scenario::Schedule;

const TWELVE: Decimal = Decimal::from_parts(12, 0, 0, false, 0);
const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

impl Schedule {
    /// The scaled annual amount for a financial year: zero before the plan, the planned amount
    /// during it, and after it the last level moved on by `trend_percent` of the last year's
    /// change for every year past the plan.
    pub fn amount_for_year(&self, year: FinancialYear, trend_percent: Decimal) -> Decimal {
        let Some(last) = self.amounts_per_year.last().copied() else {
            return Decimal::ZERO;
        };
        let offset = year.start_year - self.first_year.start_year;
        if offset < 0 {
            return Decimal::ZERO;
        }
        let planned = match self.amounts_per_year.get(offset as usize) {
            Some(amount) => *amount,
            None => {
                let years_past_plan =
                    Decimal::from(offset - (self.amounts_per_year.len() as i32 - 1));
                let previous = self
                    .amounts_per_year
                    .len()
                    .checked_sub(2)
                    .map(|index| self.amounts_per_year[index])
                    .unwrap_or(Decimal::ZERO);
                last + (last - previous) * trend_percent / HUNDRED * years_past_plan
            }
        };
        planned * self.scale_percent / HUNDRED
    }

    /// The amount for one month: a twelfth of its financial year's amount, exactly.
    pub fn amount_for_month(&self, month: YearMonth, trend_percent: Decimal) -> Decimal {
        self.amount_for_year(month.financial_year(), trend_percent) / TWELVE
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schedule(amounts: &[i64]) -> Schedule {
        Schedule {
            first_year: "2020/21".parse().unwrap(),
            amounts_per_year: amounts.iter().map(|a| Decimal::from(*a)).collect(),
            scale_percent: HUNDRED,
        }
    }

    #[test]
    fn after_the_plan_the_level_holds_or_follows_the_trend() {
        let plan = schedule(&[1_200_000, 2_200_000, 3_200_000]);
        let year_five: FinancialYear = "2024/25".parse().unwrap();
        assert_eq!(
            plan.amount_for_year(year_five, Decimal::ZERO),
            Decimal::from(3_200_000)
        );
        assert_eq!(
            plan.amount_for_year(year_five, HUNDRED),
            Decimal::from(5_200_000)
        );
        assert_eq!(
            plan.amount_for_year("2019/20".parse().unwrap(), HUNDRED),
            Decimal::ZERO
        );
    }

    #[test]
    fn a_month_is_a_twelfth_of_its_year() {
        let plan = schedule(&[90_000]);
        let month: YearMonth = "2021-01".parse().unwrap();
        assert_eq!(
            plan.amount_for_month(month, Decimal::ZERO),
            Decimal::from(7_500)
        );
    }
}
