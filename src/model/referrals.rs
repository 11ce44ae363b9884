//! The referral-reduction driver: fewer accepted referrals, fewer open cases, whole steps of
//! cashable saving (models.md section 2).

use rust_decimal::Decimal;

use super::month::YearMonth;
use super::scenario::ReferralDriver;

const TWELVE: Decimal = Decimal::from_parts(12, 0, 0, false, 0);
const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

/// One month of the driver, kept so the page and the reconciliation can show the working.
#[derive(Debug, Clone, PartialEq)]
pub struct ReferralMonth {
    pub referral_reduction: Decimal,
    pub cases_avoided: Decimal,
    /// Cases avoided that still count: all of them, or those within the case duration.
    pub open_cases_avoided: Decimal,
    pub cashable_steps: Decimal,
    /// Before any realisation percentage.
    pub saving: Decimal,
}

impl ReferralDriver {
    /// Planned referral reductions for each delivery month, scaled so each period adds up to its
    /// total; after the last period the reduction holds at that period's monthly average.
    fn planned_reduction(&self, delivery_month: usize) -> Decimal {
        let mut remaining = delivery_month;
        for period in &self.periods {
            if remaining < period.monthly_profile.len() {
                let profile_sum: Decimal = period.monthly_profile.iter().sum();
                if profile_sum.is_zero() {
                    return Decimal::ZERO;
                }
                return period.monthly_profile[remaining] * period.total_reduction / profile_sum;
            }
            remaining -= period.monthly_profile.len();
        }
        match self.periods.last() {
            Some(last) if !last.monthly_profile.is_empty() => {
                last.total_reduction / Decimal::from(last.monthly_profile.len())
            }
            _ => Decimal::ZERO,
        }
    }

    /// The driver month by month over the given months (consecutive, in order).
    pub fn run(&self, months: impl Iterator<Item = YearMonth>) -> Vec<ReferralMonth> {
        let allocation = self.allocation_percent / HUNDRED;
        let step_cases = Decimal::from(self.cases_per_cashable_step.max(1));
        let saving_per_step_per_month = step_cases * self.cost_per_case_per_year / TWELVE;
        let monthly_cap = self.saving_cap_per_year.map(|cap| cap / TWELVE);

        let mut cases_by_month: Vec<Decimal> = Vec::new();
        let mut open_cases = Decimal::ZERO;
        let mut rows = Vec::new();
        for month in months {
            let offset = self.delivery_start.months_until(month);
            let referral_reduction = if offset < 0 {
                Decimal::ZERO
            } else {
                self.planned_reduction(offset as usize) * self.reduction_percent_of_plan / HUNDRED
            };
            let cases_avoided = referral_reduction * allocation;
            open_cases += cases_avoided;
            cases_by_month.push(cases_avoided);
            if let Some(duration) = self.case_duration_months {
                // A case avoided `duration` months ago would have closed by now.
                let closing = cases_by_month.len().checked_sub(duration as usize + 1);
                if let Some(index) = closing {
                    open_cases -= cases_by_month[index];
                }
            }
            let cashable_steps = (open_cases / step_cases).floor().max(Decimal::ZERO);
            let mut saving = cashable_steps * saving_per_step_per_month;
            if let Some(cap) = monthly_cap {
                saving = saving.min(cap);
            }
            rows.push(ReferralMonth {
                referral_reduction,
                cases_avoided,
                open_cases_avoided: open_cases,
                cashable_steps,
                saving,
            });
        }
        rows
    }
}
