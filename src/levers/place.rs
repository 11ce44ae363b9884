//! Where each lever's value lives in a scenario. One match over every target says it, and the
//! same text is expanded twice, once to read and once to write, so reading and writing a lever
//! can never disagree and a new target that is not placed does not compile.

use rust_decimal::Decimal;

use crate::model::month::YearMonth;
use crate::model::scenario::{
    BudgetRowSource, InvestmentAmounts, MonthRef, SavingDriver, Scenario, MAX_HORIZON_MONTHS,
};

use super::Target;

/// A value in a scenario, borrowed to read (`&`) or to write (`&mut`), with how it is kept.
pub(super) enum Slot<Number, Count, OptionalNumber, OptionalCount, Month> {
    /// A percentage or an amount of money.
    Number(Number),
    /// A whole number kept between `least` and `most` (a horizon of at least one month).
    Count {
        value: Count,
        least: u32,
        most: u32,
    },
    /// A number that may be absent: "none" is no cap, or a driver without occupancy.
    OptionalNumber(OptionalNumber),
    /// A whole number that may be absent (no case duration), at least `least` when present.
    OptionalCount {
        value: OptionalCount,
        least: u32,
    },
    Month(Month),
    /// The same percentage on every line (the proposal's adjustments): read off the first
    /// line, or `when_no_lines`, and written to all of them.
    EveryLine {
        values: Vec<Number>,
        when_no_lines: Decimal,
    },
}

pub(super) type Reading<'a> =
    Slot<&'a Decimal, &'a u32, &'a Option<Decimal>, &'a Option<u32>, &'a YearMonth>;
pub(super) type Writing<'a> = Slot<
    &'a mut Decimal,
    &'a mut u32,
    &'a mut Option<Decimal>,
    &'a mut Option<u32>,
    &'a mut YearMonth,
>;

/// The one declaration of every target's place. `$($mut)?` is empty to read and `mut` to
/// write, with the matching accessors (`get` or `get_mut`, and so on).
macro_rules! place {
    ($target:expr, $scenario:expr, [$($mut:tt)?], $referral:ident, $get:ident, $as:ident, $each:ident) => {{
        let scenario = $scenario;
        match $target {
            Target::Horizon => Some(Slot::Count {
                value: &$($mut)? scenario.horizon_months,
                least: 1,
                most: MAX_HORIZON_MONTHS,
            }),
            Target::PayBackBy => Some(Slot::Month(&$($mut)? scenario.pay_back_by)),
            Target::DiscountRate => Some(Slot::Number(&$($mut)? scenario.discount_rate_percent)),
            Target::AfterPlanTrend => Some(Slot::Number(&$($mut)? scenario.after_plan_trend_percent)),
            Target::Reduction => scenario
                .$referral()
                .map(|d| Slot::Number(&$($mut)? d.reduction_percent_of_plan)),
            Target::Allocation => scenario
                .$referral()
                .map(|d| Slot::Number(&$($mut)? d.allocation_percent)),
            Target::CostPerCase => scenario
                .$referral()
                .map(|d| Slot::Number(&$($mut)? d.cost_per_case_per_year)),
            Target::Step => scenario.$referral().map(|d| Slot::Count {
                value: &$($mut)? d.cases_per_cashable_step,
                least: 1,
                most: u32::MAX,
            }),
            Target::Cap => scenario
                .$referral()
                .map(|d| Slot::OptionalNumber(&$($mut)? d.saving_cap_per_year)),
            Target::Duration => scenario.$referral().map(|d| Slot::OptionalCount {
                value: &$($mut)? d.case_duration_months,
                least: 1,
            }),
            Target::DeliveryStart => scenario
                .$referral()
                .map(|d| Slot::Month(&$($mut)? d.delivery_start)),
            Target::InvestmentPerMonth(i) => {
                match scenario.investments.$get(i).map(|l| &$($mut)? l.amounts) {
                    Some(InvestmentAmounts::Monthly { per_month, .. }) => Some(Slot::Number(per_month)),
                    Some(InvestmentAmounts::OneOff { .. } | InvestmentAmounts::PerYear(_) | InvestmentAmounts::Spread { .. }) | None => None,
                }
            }
            Target::InvestmentMonths(i) => {
                match scenario.investments.$get(i).map(|l| &$($mut)? l.amounts) {
                    Some(InvestmentAmounts::Monthly { months, .. }) => {
                        Some(Slot::OptionalCount { value: months, least: 0 })
                    }
                    // A total is spread over at least one month.
                    Some(InvestmentAmounts::Spread { months, .. }) => Some(Slot::Count {
                        value: months,
                        least: 1,
                        most: MAX_HORIZON_MONTHS,
                    }),
                    Some(InvestmentAmounts::OneOff { .. } | InvestmentAmounts::PerYear(_)) | None => None,
                }
            }
            Target::InvestmentFrom(i) => {
                match scenario.investments.$get(i).map(|l| &$($mut)? l.amounts) {
                    Some(
                        InvestmentAmounts::Monthly { from: MonthRef::Month(month), .. }
                        | InvestmentAmounts::Spread { from: MonthRef::Month(month), .. },
                    ) => Some(Slot::Month(month)),
                    // A line that starts after another has no month of its own to move.
                    Some(
                        InvestmentAmounts::Monthly { from: MonthRef::After(_), .. }
                        | InvestmentAmounts::Spread { from: MonthRef::After(_), .. },
                    ) => None,
                    Some(InvestmentAmounts::OneOff { .. } | InvestmentAmounts::PerYear(_)) | None => None,
                }
            }
            Target::OneOffAmount(i) => {
                match scenario.investments.$get(i).map(|l| &$($mut)? l.amounts) {
                    Some(InvestmentAmounts::OneOff { amount, .. }) => Some(Slot::Number(amount)),
                    Some(InvestmentAmounts::Monthly { .. } | InvestmentAmounts::PerYear(_) | InvestmentAmounts::Spread { .. }) | None => None,
                }
            }
            Target::InvestmentTotal(i) => {
                match scenario.investments.$get(i).map(|l| &$($mut)? l.amounts) {
                    Some(InvestmentAmounts::Spread { total, .. }) => Some(Slot::Number(total)),
                    Some(InvestmentAmounts::Monthly { .. } | InvestmentAmounts::OneOff { .. } | InvestmentAmounts::PerYear(_)) | None => None,
                }
            }
            Target::OneOffMonth(i) => {
                match scenario.investments.$get(i).map(|l| &$($mut)? l.amounts) {
                    Some(InvestmentAmounts::OneOff { month, .. }) => Some(Slot::Month(month)),
                    Some(InvestmentAmounts::Monthly { .. } | InvestmentAmounts::PerYear(_) | InvestmentAmounts::Spread { .. }) | None => None,
                }
            }
            Target::InvestmentScale(i) => {
                match scenario.investments.$get(i).map(|l| &$($mut)? l.amounts) {
                    Some(InvestmentAmounts::PerYear(schedule)) => {
                        Some(Slot::Number(&$($mut)? schedule.scale_percent))
                    }
                    Some(InvestmentAmounts::Monthly { .. } | InvestmentAmounts::OneOff { .. } | InvestmentAmounts::Spread { .. }) | None => None,
                }
            }
            Target::SavingRealisation(i) => scenario
                .savings
                .$get(i)
                .map(|l| Slot::Number(&$($mut)? l.realisation_percent)),
            Target::SavingPerYear(i) => match scenario.savings.$get(i).map(|l| &$($mut)? l.driver) {
                Some(SavingDriver::Recurring { per_year, .. }) => Some(Slot::Number(per_year)),
                Some(SavingDriver::Referrals(_) | SavingDriver::Scheduled(_) | SavingDriver::UnitCost(_))
                | None => None,
            },
            Target::SavingFrom(i) => match scenario.savings.$get(i).map(|l| &$($mut)? l.driver) {
                Some(SavingDriver::Recurring { from, .. }) => Some(Slot::Month(from)),
                Some(SavingDriver::UnitCost(unit_cost)) => Some(Slot::Month(&$($mut)? unit_cost.from)),
                Some(SavingDriver::Referrals(_) | SavingDriver::Scheduled(_)) | None => None,
            },
            Target::SavingRamp(i) => match scenario.savings.$get(i).map(|l| &$($mut)? l.driver) {
                Some(SavingDriver::Recurring { ramp_months, .. }) => Some(Slot::Count {
                    value: ramp_months,
                    least: 0,
                    most: u32::MAX,
                }),
                Some(SavingDriver::UnitCost(unit_cost)) => Some(Slot::Count {
                    value: &$($mut)? unit_cost.ramp_months,
                    least: 0,
                    most: u32::MAX,
                }),
                Some(SavingDriver::Referrals(_) | SavingDriver::Scheduled(_)) | None => None,
            },
            Target::Units(i) => match scenario.savings.$get(i).map(|l| &$($mut)? l.driver) {
                Some(SavingDriver::UnitCost(unit_cost)) => Some(Slot::Number(&$($mut)? unit_cost.units)),
                Some(SavingDriver::Referrals(_) | SavingDriver::Scheduled(_) | SavingDriver::Recurring { .. })
                | None => None,
            },
            Target::UnitCostAmount(i) => match scenario.savings.$get(i).map(|l| &$($mut)? l.driver) {
                Some(SavingDriver::UnitCost(unit_cost)) => {
                    Some(Slot::Number(&$($mut)? unit_cost.cost_per_unit))
                }
                Some(SavingDriver::Referrals(_) | SavingDriver::Scheduled(_) | SavingDriver::Recurring { .. })
                | None => None,
            },
            Target::Occupancy(i) => match scenario.savings.$get(i).map(|l| &$($mut)? l.driver) {
                Some(SavingDriver::UnitCost(unit_cost)) => {
                    Some(Slot::OptionalNumber(&$($mut)? unit_cost.occupancy_percent))
                }
                Some(SavingDriver::Referrals(_) | SavingDriver::Scheduled(_) | SavingDriver::Recurring { .. })
                | None => None,
            },
            Target::AdjustmentScale(i) => {
                match scenario.budget.$as().and_then(|b| b.rows.$get(i)) {
                    Some(BudgetRowSource::Adjustment { schedule, .. }) => {
                        Some(Slot::Number(&$($mut)? schedule.scale_percent))
                    }
                    Some(BudgetRowSource::SavingChange { .. }) | None => None,
                }
            }
            Target::Contingency => Some(Slot::EveryLine {
                values: scenario
                    .investments
                    .$each()
                    .map(|l| &$($mut)? l.contingency_percent)
                    .collect(),
                when_no_lines: Decimal::ZERO,
            }),
            Target::OptimismCosts => {
                Some(Slot::Number(&$($mut)? scenario.optimism_bias.costs_uplift_percent))
            }
            Target::OptimismSavings => {
                Some(Slot::Number(&$($mut)? scenario.optimism_bias.savings_haircut_percent))
            }
            Target::InvestmentOptimism(i) => scenario
                .investments
                .$get(i)
                .map(|l| Slot::OptionalNumber(&$($mut)? l.optimism_bias_percent)),
            Target::SavingOptimism(i) => scenario
                .savings
                .$get(i)
                .map(|l| Slot::OptionalNumber(&$($mut)? l.optimism_bias_percent)),
            Target::RepaymentShare(i) => scenario
                .repayments
                .$get(i)
                .map(|r| Slot::Number(&$($mut)? r.share_percent)),
            Target::RepaymentPerMonth(i) => scenario
                .repayments
                .$get(i)
                .map(|r| Slot::OptionalNumber(&$($mut)? r.amount_per_month_at_most)),
            Target::RepaymentFrom(i) => scenario
                .repayments
                .$get(i)
                .map(|r| Slot::Month(&$($mut)? r.from)),
            Target::RepaymentOverMonths(i) => scenario.repayments.$get(i).map(|r| Slot::OptionalCount {
                value: &$($mut)? r.over_months,
                least: 1,
            }),
            Target::RepaymentCap(i) => scenario
                .repayments
                .$get(i)
                .map(|r| Slot::OptionalNumber(&$($mut)? r.cap)),
            Target::Realisation => Some(Slot::EveryLine {
                values: scenario
                    .savings
                    .$each()
                    .map(|l| &$($mut)? l.proposal_realisation_percent)
                    .collect(),
                when_no_lines: Decimal::ONE_HUNDRED,
            }),
        }
    }};
}

impl Target {
    /// Where the target's value is in `scenario`, to read; `None` when the scenario has no such
    /// line or driver.
    pub(super) fn read(self, scenario: &Scenario) -> Option<Reading<'_>> {
        place!(self, scenario, [], referral_driver, get, as_ref, iter)
    }

    /// The same place, to write.
    pub(super) fn write(self, scenario: &mut Scenario) -> Option<Writing<'_>> {
        place!(self, scenario, [mut], referral_driver_mut, get_mut, as_mut, iter_mut)
    }
}

#[cfg(test)]
mod tests {
    use crate::levers::{LeverValue, Range};
    use crate::proposal::presets::presets;

    /// Both ends of a lever's range, and "none" where it can be switched off.
    fn values(lever: &crate::levers::Lever) -> Vec<LeverValue> {
        let mut values = match lever.range {
            Range::Number { min, max, .. } => {
                vec![LeverValue::Number(min), LeverValue::Number(max)]
            }
            Range::Month { earliest, latest } => {
                vec![LeverValue::Month(earliest), LeverValue::Month(latest)]
            }
        };
        if lever.can_be_off {
            values.push(LeverValue::Off);
        }
        values
    }

    #[test]
    fn a_value_written_to_a_lever_reads_back_and_moves_no_other_lever() {
        for proposal in presets() {
            for lever in proposal.levers() {
                for value in values(lever) {
                    let mut scenario = proposal.baseline.clone();
                    lever.set(&mut scenario, value);
                    assert_eq!(lever.get(&scenario), value, "{} {}", proposal.id, lever.key);
                    for other in proposal.levers().iter().filter(|o| o.key != lever.key) {
                        assert_eq!(
                            other.get(&scenario),
                            other.get(&proposal.baseline),
                            "{} {} moved {}",
                            proposal.id,
                            lever.key,
                            other.key
                        );
                    }
                }
            }
        }
    }
}
