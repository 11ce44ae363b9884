//! Levers: the assumptions a reader can move, found from the shape of a proposal's scenario.
//! Each has a key (used in links), a unit, a range and a hint; the proposal file can override
//! the words and the range.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

use crate::model::money::{format_pounds, group_decimal};
use crate::model::month::{YearMonth, LATEST_YEAR};
use crate::model::scenario::{
    BudgetRowSource, CostPeriod, InvestmentAmounts, MonthRef, SavingDriver, Scenario,
    MAX_HORIZON_MONTHS,
};
use crate::proposal::{Proposal, MAX_AMOUNT};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Percent,
    Pounds,
    PoundsPerMonth,
    PoundsPerYear,
    PoundsPerWeek,
    Cases,
    /// A number of children, families or the like, named by the proposal.
    Count,
    Months,
    Month,
}

impl Unit {
    /// Counts of cases and months are whole numbers; money and percentages keep two decimals.
    pub fn decimal_places(self) -> u32 {
        match self {
            Unit::Cases | Unit::Count | Unit::Months | Unit::Month => 0,
            _ => 2,
        }
    }

    /// What a screen reader and the page say after the number.
    pub fn suffix(self) -> &'static str {
        match self {
            Unit::Percent => "%",
            Unit::Pounds => "",
            Unit::PoundsPerMonth => "a month",
            Unit::PoundsPerYear => "a year",
            Unit::PoundsPerWeek => "a week",
            Unit::Cases => "cases",
            Unit::Count => "",
            Unit::Months => "months",
            Unit::Month => "",
        }
    }

    pub fn is_money(self) -> bool {
        matches!(
            self,
            Unit::Pounds | Unit::PoundsPerMonth | Unit::PoundsPerYear | Unit::PoundsPerWeek
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeverValue {
    Number(Decimal),
    Month(YearMonth),
    /// "none": no cap, no case duration.
    Off,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Range {
    Number {
        min: Decimal,
        max: Decimal,
        step: Decimal,
    },
    Month {
        earliest: YearMonth,
        latest: YearMonth,
    },
}

/// Which value in the scenario a lever moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Horizon,
    AfterPlanTrend,
    Reduction,
    Allocation,
    CostPerCase,
    Step,
    Cap,
    Duration,
    DeliveryStart,
    InvestmentPerMonth(usize),
    InvestmentMonths(usize),
    InvestmentFrom(usize),
    OneOffAmount(usize),
    OneOffMonth(usize),
    InvestmentScale(usize),
    SavingRealisation(usize),
    SavingPerYear(usize),
    SavingFrom(usize),
    SavingRamp(usize),
    Units(usize),
    UnitCostAmount(usize),
    Occupancy(usize),
    AdjustmentScale(usize),
    Contingency,
    Realisation,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Lever {
    /// The link key, e.g. "allocation" or "council.months".
    pub key: String,
    pub label: String,
    pub hint: String,
    pub unit: Unit,
    pub range: Range,
    /// Whether "none" is a value (no cap, no duration).
    pub can_be_off: bool,
    /// Shown under "more assumptions" rather than at the top.
    pub more: bool,
    /// The value in the proposal as published.
    pub published: LeverValue,
    target: Target,
}

fn number(value: impl Into<Decimal>) -> Decimal {
    value.into()
}

/// The widest range any lever of a unit may have, whatever a proposal file says: money up to
/// ten billion pounds, percentages up to 1,000, counts up to the longest horizon.
fn hard_limits(unit: Unit) -> (Decimal, Decimal) {
    match unit {
        Unit::Pounds | Unit::PoundsPerMonth | Unit::PoundsPerYear | Unit::PoundsPerWeek => {
            (Decimal::ZERO, MAX_AMOUNT)
        }
        Unit::Percent => (Decimal::ZERO, Decimal::from(1000)),
        Unit::Count => (Decimal::ZERO, Decimal::from(1_000_000)),
        Unit::Cases | Unit::Months | Unit::Month => {
            (Decimal::ZERO, Decimal::from(MAX_HORIZON_MONTHS))
        }
    }
}

/// A generous upper bound: four times the published value, and never below `floor`.
fn upper(published: Decimal, floor: i64) -> Decimal {
    (published * Decimal::from(4))
        .max(Decimal::from(floor))
        .round_dp_with_strategy(0, RoundingStrategy::AwayFromZero)
}

struct Spec {
    key: String,
    label: String,
    hint: &'static str,
    unit: Unit,
    range: Range,
    can_be_off: bool,
    more: bool,
    target: Target,
}

fn spec(
    key: impl Into<String>,
    label: impl Into<String>,
    unit: Unit,
    range: Range,
    target: Target,
) -> Spec {
    Spec {
        key: key.into(),
        label: label.into(),
        hint: "",
        unit,
        range,
        can_be_off: false,
        more: false,
        target,
    }
}

fn numbers(min: impl Into<Decimal>, max: impl Into<Decimal>, step: impl Into<Decimal>) -> Range {
    Range::Number {
        min: min.into(),
        max: max.into(),
        step: step.into(),
    }
}

/// The levers of a proposal, in the order the page shows them.
pub fn levers(proposal: &Proposal) -> Vec<Lever> {
    let scenario = &proposal.baseline;
    let last_supported = YearMonth::new(LATEST_YEAR, 12).unwrap_or(scenario.start);
    let months_from_start = Range::Month {
        earliest: scenario.start,
        latest: scenario
            .start
            .plus_months(MAX_HORIZON_MONTHS as i32 / 5 - 1)
            .min(last_supported)
            .max(scenario.start),
    };
    let mut specs: Vec<Spec> = Vec::new();

    if let Some(driver) = scenario.referral_driver() {
        specs.push(Spec {
            hint: "How much of the planned fall in referrals happens; 100% is the plan.",
            ..spec(
                "reduction",
                "Referral reduction, share of plan",
                Unit::Percent,
                numbers(0, 300, 1),
                Target::Reduction,
            )
        });
        specs.push(Spec {
            hint: "Share of avoided referrals that would have become Child in Need or Child Protection cases.",
            ..spec("allocation", "Referrals that become cases", Unit::Percent, numbers(0, 100, 1), Target::Allocation)
        });
        specs.push(Spec {
            hint: "What an open case costs a year.",
            ..spec(
                "cost_per_case",
                "Cost per case",
                Unit::PoundsPerYear,
                numbers(0, upper(driver.cost_per_case_per_year, 50_000), 100),
                Target::CostPerCase,
            )
        });
        specs.push(Spec {
            hint: "Savings count only in whole steps of this many cases.",
            more: true,
            ..spec(
                "step",
                "Cases per cashable step",
                Unit::Cases,
                numbers(1, 50, 1),
                Target::Step,
            )
        });
        specs.push(Spec {
            hint: "The most that can be saved in a year; none for no cap.",
            more: true,
            can_be_off: true,
            ..spec(
                "cap",
                "Saving cap",
                Unit::PoundsPerYear,
                numbers(
                    0,
                    upper(driver.saving_cap_per_year.unwrap_or_default(), 1_000_000),
                    1000,
                ),
                Target::Cap,
            )
        });
        specs.push(Spec {
            hint: "Months an avoided case would have stayed open; none if cases keep saving.",
            more: true,
            can_be_off: true,
            ..spec(
                "duration",
                "Case duration",
                Unit::Months,
                numbers(1, 120, 1),
                Target::Duration,
            )
        });
        specs.push(Spec {
            hint: "First month in which referrals fall.",
            more: true,
            ..spec(
                "delivery_start",
                "Delivery starts",
                Unit::Month,
                months_from_start,
                Target::DeliveryStart,
            )
        });
    }

    for (index, line) in scenario.investments.iter().enumerate() {
        let id = &line.id;
        match &line.amounts {
            InvestmentAmounts::Monthly {
                per_month,
                from,
                months,
            } => {
                specs.push(Spec {
                    more: true,
                    ..spec(
                        format!("{id}.per_month"),
                        format!("{} per month", line.label),
                        Unit::PoundsPerMonth,
                        numbers(0, upper(*per_month, 10_000), 100),
                        Target::InvestmentPerMonth(index),
                    )
                });
                if months.is_some() {
                    specs.push(Spec {
                        more: true,
                        ..spec(
                            format!("{id}.months"),
                            format!("{}: months", line.label),
                            Unit::Months,
                            numbers(0, 120, 1),
                            Target::InvestmentMonths(index),
                        )
                    });
                }
                if matches!(from, MonthRef::Month(_)) {
                    specs.push(Spec {
                        more: true,
                        ..spec(
                            format!("{id}.from"),
                            format!("{}: first month", line.label),
                            Unit::Month,
                            months_from_start,
                            Target::InvestmentFrom(index),
                        )
                    });
                }
            }
            InvestmentAmounts::OneOff { amount, .. } => {
                specs.push(spec(
                    format!("{id}.amount"),
                    line.label.clone(),
                    Unit::Pounds,
                    numbers(0, upper(*amount, 1_000_000), 1000),
                    Target::OneOffAmount(index),
                ));
                specs.push(Spec {
                    more: true,
                    ..spec(
                        format!("{id}.month"),
                        format!("{}: month", line.label),
                        Unit::Month,
                        months_from_start,
                        Target::OneOffMonth(index),
                    )
                });
            }
            InvestmentAmounts::PerYear(schedule) => {
                if schedule.amounts_per_year.iter().any(|a| !a.is_zero()) {
                    specs.push(Spec {
                        hint: "Scales this line's spending in every year; 100% is the plan.",
                        more: true,
                        ..spec(
                            format!("{id}.scale"),
                            format!("{}: share of planned spend", line.label),
                            Unit::Percent,
                            numbers(0, 200, 5),
                            Target::InvestmentScale(index),
                        )
                    });
                }
            }
        }
    }

    for (index, line) in scenario.savings.iter().enumerate() {
        let id = &line.id;
        let realisation = |more: bool| Spec {
            hint: "How much of the forecast saving is realised; 100% is the forecast.",
            more,
            ..spec(
                format!("{id}.realisation"),
                format!("{}: realisation", line.label),
                Unit::Percent,
                numbers(0, 150, 5),
                Target::SavingRealisation(index),
            )
        };
        // When a saving starts and how long it takes to reach its full rate.
        let start_and_ramp = || {
            [
                Spec {
                    more: true,
                    ..spec(
                        format!("{id}.from"),
                        format!("{}: first month", line.label),
                        Unit::Month,
                        months_from_start,
                        Target::SavingFrom(index),
                    )
                },
                Spec {
                    more: true,
                    ..spec(
                        format!("{id}.ramp"),
                        format!("{}: months to full rate", line.label),
                        Unit::Months,
                        numbers(0, 60, 1),
                        Target::SavingRamp(index),
                    )
                },
            ]
        };
        match &line.driver {
            SavingDriver::Referrals(_) => {}
            SavingDriver::Scheduled(_) => specs.push(realisation(false)),
            SavingDriver::UnitCost(unit_cost) => {
                specs.push(Spec {
                    hint: "How many, at full effect.",
                    ..spec(
                        format!("{id}.units"),
                        format!("{}: {}", line.label, unit_cost.unit_name),
                        Unit::Count,
                        numbers(0, upper(unit_cost.units, 100), 1),
                        Target::Units(index),
                    )
                });
                let (unit, floor) = match unit_cost.cost_period {
                    CostPeriod::Week => (Unit::PoundsPerWeek, 10_000),
                    CostPeriod::Year => (Unit::PoundsPerYear, 100_000),
                };
                specs.push(Spec {
                    hint: "What each one saves.",
                    ..spec(
                        format!("{id}.unit_cost"),
                        format!("{}: saving for each", line.label),
                        unit,
                        numbers(0, upper(unit_cost.cost_per_unit, floor), 50),
                        Target::UnitCostAmount(index),
                    )
                });
                if unit_cost.occupancy_percent.is_some() {
                    specs.push(Spec {
                        hint: "Share of the time each one is in use (a bed occupied); the saving counts only then.",
                        more: true,
                        ..spec(
                            format!("{id}.occupancy"),
                            format!("{}: occupancy", line.label),
                            Unit::Percent,
                            numbers(0, 100, 1),
                            Target::Occupancy(index),
                        )
                    });
                }
                specs.extend(start_and_ramp());
            }
            SavingDriver::Recurring { per_year, .. } => {
                specs.push(spec(
                    format!("{id}.per_year"),
                    format!("{} per year", line.label),
                    Unit::PoundsPerYear,
                    numbers(0, upper(*per_year, 1_000_000), 1000),
                    Target::SavingPerYear(index),
                ));
                specs.extend(start_and_ramp());
                specs.push(realisation(true));
            }
        }
    }

    if let Some(budget) = &scenario.budget {
        for (index, row) in budget.rows.iter().enumerate() {
            if let BudgetRowSource::Adjustment { id, label, .. } = row {
                specs.push(Spec {
                    hint: "Scales this row of the funding table; 100% is the report's figure.",
                    more: true,
                    ..spec(
                        format!("{id}.scale"),
                        label.clone(),
                        Unit::Percent,
                        numbers(0, 200, 5),
                        Target::AdjustmentScale(index),
                    )
                });
            }
        }
    }

    if proposal.adjustments.is_some() {
        specs.push(Spec {
            hint: "An uplift on all investment, for costs that run over; 0% is none.",
            more: true,
            ..spec(
                "contingency",
                "Contingency on investment",
                Unit::Percent,
                numbers(0, 100, 1),
                Target::Contingency,
            )
        });
        specs.push(Spec {
            hint: "How much of all the forecast savings is realised, on top of each line's own realisation; 100% is the forecast.",
            more: true,
            ..spec(
                "realisation",
                "Realisation of all savings",
                Unit::Percent,
                numbers(0, 100, 1),
                Target::Realisation,
            )
        });
    }

    specs.push(Spec {
        hint: "How many months the cashflow runs for.",
        more: true,
        ..spec(
            "horizon",
            "Horizon",
            Unit::Months,
            numbers(
                1,
                number(MAX_HORIZON_MONTHS / 5).max(number(scenario.horizon_months)),
                1,
            ),
            Target::Horizon,
        )
    });

    if scenario
        .savings
        .iter()
        .any(|line| matches!(line.driver, SavingDriver::Scheduled(_)))
    {
        specs.push(Spec {
            hint: "After the plan's last year, savings hold (0%) or keep growing by this share of their last year's growth.",
            more: true,
            ..spec("after_plan_trend", "Savings trend after the plan", Unit::Percent, numbers(0, 200, 5), Target::AfterPlanTrend)
        });
    }
    specs
        .into_iter()
        .map(|spec| {
            let settings = proposal
                .lever_settings
                .get(&spec.key)
                .cloned()
                .unwrap_or_default();
            let range = match spec.range {
                Range::Number { min, max, step } => {
                    // A proposal file may move a range, but never past what the model can hold.
                    let (lowest, highest) = hard_limits(spec.unit);
                    let min = settings.min.unwrap_or(min).clamp(lowest, highest);
                    let max = settings.max.unwrap_or(max).clamp(min, highest);
                    let step = settings.step.unwrap_or(step);
                    let step = if step > Decimal::ZERO && step <= max - min {
                        step
                    } else {
                        Decimal::ONE
                    };
                    Range::Number { min, max, step }
                }
                month_range => month_range,
            };
            let mut lever = Lever {
                key: spec.key,
                label: settings.label.unwrap_or(spec.label),
                hint: settings.hint.unwrap_or_else(|| spec.hint.to_string()),
                unit: spec.unit,
                range,
                can_be_off: spec.can_be_off,
                more: settings.more.unwrap_or(spec.more),
                published: LeverValue::Off,
                target: spec.target,
            };
            lever.published = lever.get(scenario);
            lever
        })
        .collect()
}

impl Lever {
    /// The lever's value in a scenario of its proposal.
    pub fn get(&self, scenario: &Scenario) -> LeverValue {
        use LeverValue::{Month, Number, Off};
        let referral = scenario.referral_driver();
        let investment = |index: usize| scenario.investments.get(index).map(|l| &l.amounts);
        let saving = |index: usize| scenario.savings.get(index);
        let value = match self.target {
            Target::Horizon => Some(Number(number(scenario.horizon_months))),
            Target::AfterPlanTrend => Some(Number(scenario.after_plan_trend_percent)),
            Target::Reduction => referral.map(|d| Number(d.reduction_percent_of_plan)),
            Target::Allocation => referral.map(|d| Number(d.allocation_percent)),
            Target::CostPerCase => referral.map(|d| Number(d.cost_per_case_per_year)),
            Target::Step => referral.map(|d| Number(number(d.cases_per_cashable_step))),
            Target::Cap => referral.map(|d| d.saving_cap_per_year.map_or(Off, Number)),
            Target::Duration => {
                referral.map(|d| d.case_duration_months.map_or(Off, |m| Number(number(m))))
            }
            Target::DeliveryStart => referral.map(|d| Month(d.delivery_start)),
            Target::InvestmentPerMonth(i) => match investment(i) {
                Some(InvestmentAmounts::Monthly { per_month, .. }) => Some(Number(*per_month)),
                _ => None,
            },
            Target::InvestmentMonths(i) => match investment(i) {
                Some(InvestmentAmounts::Monthly {
                    months: Some(m), ..
                }) => Some(Number(number(*m))),
                _ => None,
            },
            Target::InvestmentFrom(i) => match investment(i) {
                Some(InvestmentAmounts::Monthly {
                    from: MonthRef::Month(m),
                    ..
                }) => Some(Month(*m)),
                _ => None,
            },
            Target::OneOffAmount(i) => match investment(i) {
                Some(InvestmentAmounts::OneOff { amount, .. }) => Some(Number(*amount)),
                _ => None,
            },
            Target::OneOffMonth(i) => match investment(i) {
                Some(InvestmentAmounts::OneOff { month, .. }) => Some(Month(*month)),
                _ => None,
            },
            Target::InvestmentScale(i) => match investment(i) {
                Some(InvestmentAmounts::PerYear(schedule)) => Some(Number(schedule.scale_percent)),
                _ => None,
            },
            Target::SavingRealisation(i) => saving(i).map(|l| Number(l.realisation_percent)),
            Target::SavingPerYear(i) => match saving(i).map(|l| &l.driver) {
                Some(SavingDriver::Recurring { per_year, .. }) => Some(Number(*per_year)),
                _ => None,
            },
            Target::SavingFrom(i) => match saving(i).map(|l| &l.driver) {
                Some(SavingDriver::Recurring { from, .. }) => Some(Month(*from)),
                Some(SavingDriver::UnitCost(u)) => Some(Month(u.from)),
                _ => None,
            },
            Target::SavingRamp(i) => match saving(i).map(|l| &l.driver) {
                Some(SavingDriver::Recurring { ramp_months, .. }) => {
                    Some(Number(number(*ramp_months)))
                }
                Some(SavingDriver::UnitCost(u)) => Some(Number(number(u.ramp_months))),
                _ => None,
            },
            Target::Units(i) => match saving(i).map(|l| &l.driver) {
                Some(SavingDriver::UnitCost(u)) => Some(Number(u.units)),
                _ => None,
            },
            Target::UnitCostAmount(i) => match saving(i).map(|l| &l.driver) {
                Some(SavingDriver::UnitCost(u)) => Some(Number(u.cost_per_unit)),
                _ => None,
            },
            Target::Occupancy(i) => match saving(i).map(|l| &l.driver) {
                Some(SavingDriver::UnitCost(u)) => u.occupancy_percent.map(Number),
                _ => None,
            },
            // The proposal's adjustments sit on every line alike: read them off the first.
            Target::Contingency => Some(Number(
                scenario
                    .investments
                    .first()
                    .map_or(Decimal::ZERO, |l| l.contingency_percent),
            )),
            Target::Realisation => Some(Number(
                scenario
                    .savings
                    .first()
                    .map_or(Decimal::ONE_HUNDRED, |l| l.proposal_realisation_percent),
            )),
            Target::AdjustmentScale(i) => {
                match scenario.budget.as_ref().and_then(|b| b.rows.get(i)) {
                    Some(BudgetRowSource::Adjustment { schedule, .. }) => {
                        Some(Number(schedule.scale_percent))
                    }
                    _ => None,
                }
            }
        };
        value.unwrap_or(Off)
    }

    /// Sets the lever's value. The value must already be in range (see `clamp`); values of the
    /// wrong kind are ignored.
    pub fn set(&self, scenario: &mut Scenario, value: LeverValue) {
        let count = |n: Decimal| n.trunc().to_u32().unwrap_or(0);
        match (self.target, value) {
            (Target::Horizon, LeverValue::Number(n)) => {
                scenario.horizon_months = count(n).clamp(1, MAX_HORIZON_MONTHS)
            }
            (Target::AfterPlanTrend, LeverValue::Number(n)) => {
                scenario.after_plan_trend_percent = n
            }
            (Target::Reduction, LeverValue::Number(n)) => {
                if let Some(d) = scenario.referral_driver_mut() {
                    d.reduction_percent_of_plan = n;
                }
            }
            (Target::Allocation, LeverValue::Number(n)) => {
                if let Some(d) = scenario.referral_driver_mut() {
                    d.allocation_percent = n;
                }
            }
            (Target::CostPerCase, LeverValue::Number(n)) => {
                if let Some(d) = scenario.referral_driver_mut() {
                    d.cost_per_case_per_year = n;
                }
            }
            (Target::Step, LeverValue::Number(n)) => {
                if let Some(d) = scenario.referral_driver_mut() {
                    d.cases_per_cashable_step = count(n).max(1);
                }
            }
            (Target::Cap, value) => {
                if let Some(d) = scenario.referral_driver_mut() {
                    d.saving_cap_per_year = match value {
                        LeverValue::Number(n) => Some(n),
                        _ => None,
                    };
                }
            }
            (Target::Duration, value) => {
                if let Some(d) = scenario.referral_driver_mut() {
                    d.case_duration_months = match value {
                        LeverValue::Number(n) => Some(count(n).max(1)),
                        _ => None,
                    };
                }
            }
            (Target::DeliveryStart, LeverValue::Month(m)) => {
                if let Some(d) = scenario.referral_driver_mut() {
                    d.delivery_start = m;
                }
            }
            (Target::InvestmentPerMonth(i), LeverValue::Number(n)) => {
                if let Some(InvestmentAmounts::Monthly { per_month, .. }) =
                    scenario.investments.get_mut(i).map(|l| &mut l.amounts)
                {
                    *per_month = n;
                }
            }
            (Target::InvestmentMonths(i), LeverValue::Number(n)) => {
                if let Some(InvestmentAmounts::Monthly { months, .. }) =
                    scenario.investments.get_mut(i).map(|l| &mut l.amounts)
                {
                    *months = Some(count(n));
                }
            }
            (Target::InvestmentFrom(i), LeverValue::Month(m)) => {
                if let Some(InvestmentAmounts::Monthly { from, .. }) =
                    scenario.investments.get_mut(i).map(|l| &mut l.amounts)
                {
                    *from = MonthRef::Month(m);
                }
            }
            (Target::OneOffAmount(i), LeverValue::Number(n)) => {
                if let Some(InvestmentAmounts::OneOff { amount, .. }) =
                    scenario.investments.get_mut(i).map(|l| &mut l.amounts)
                {
                    *amount = n;
                }
            }
            (Target::OneOffMonth(i), LeverValue::Month(m)) => {
                if let Some(InvestmentAmounts::OneOff { month, .. }) =
                    scenario.investments.get_mut(i).map(|l| &mut l.amounts)
                {
                    *month = m;
                }
            }
            (Target::InvestmentScale(i), LeverValue::Number(n)) => {
                if let Some(InvestmentAmounts::PerYear(schedule)) =
                    scenario.investments.get_mut(i).map(|l| &mut l.amounts)
                {
                    schedule.scale_percent = n;
                }
            }
            (Target::SavingRealisation(i), LeverValue::Number(n)) => {
                if let Some(line) = scenario.savings.get_mut(i) {
                    line.realisation_percent = n;
                }
            }
            (Target::SavingPerYear(i), LeverValue::Number(n)) => {
                if let Some(SavingDriver::Recurring { per_year, .. }) =
                    scenario.savings.get_mut(i).map(|l| &mut l.driver)
                {
                    *per_year = n;
                }
            }
            (Target::SavingFrom(i), LeverValue::Month(m)) => {
                match scenario.savings.get_mut(i).map(|l| &mut l.driver) {
                    Some(SavingDriver::Recurring { from, .. }) => *from = m,
                    Some(SavingDriver::UnitCost(u)) => u.from = m,
                    _ => {}
                }
            }
            (Target::SavingRamp(i), LeverValue::Number(n)) => {
                match scenario.savings.get_mut(i).map(|l| &mut l.driver) {
                    Some(SavingDriver::Recurring { ramp_months, .. }) => *ramp_months = count(n),
                    Some(SavingDriver::UnitCost(u)) => u.ramp_months = count(n),
                    _ => {}
                }
            }
            (Target::Units(i), LeverValue::Number(n)) => {
                if let Some(SavingDriver::UnitCost(u)) =
                    scenario.savings.get_mut(i).map(|l| &mut l.driver)
                {
                    u.units = n;
                }
            }
            (Target::UnitCostAmount(i), LeverValue::Number(n)) => {
                if let Some(SavingDriver::UnitCost(u)) =
                    scenario.savings.get_mut(i).map(|l| &mut l.driver)
                {
                    u.cost_per_unit = n;
                }
            }
            (Target::Occupancy(i), LeverValue::Number(n)) => {
                if let Some(SavingDriver::UnitCost(u)) =
                    scenario.savings.get_mut(i).map(|l| &mut l.driver)
                {
                    u.occupancy_percent = Some(n);
                }
            }
            (Target::Contingency, LeverValue::Number(n)) => {
                for line in &mut scenario.investments {
                    line.contingency_percent = n;
                }
            }
            (Target::Realisation, LeverValue::Number(n)) => {
                for line in &mut scenario.savings {
                    line.proposal_realisation_percent = n;
                }
            }
            (Target::AdjustmentScale(i), LeverValue::Number(n)) => {
                if let Some(BudgetRowSource::Adjustment { schedule, .. }) =
                    scenario.budget.as_mut().and_then(|b| b.rows.get_mut(i))
                {
                    schedule.scale_percent = n;
                }
            }
            _ => {}
        }
    }

    /// Brings a value into the lever's range and precision. Returns the value and, if it had to
    /// change, why, in words.
    pub fn clamp(&self, value: LeverValue) -> (LeverValue, Option<String>) {
        match (value, self.range) {
            (LeverValue::Off, _) if self.can_be_off => (LeverValue::Off, None),
            (LeverValue::Off, _) => (
                self.published,
                Some(format!(
                    "{} cannot be switched off, so it stays at {}",
                    self.label,
                    self.describe(self.published)
                )),
            ),
            (LeverValue::Number(n), Range::Number { min, max, .. }) => {
                let places = self.unit.decimal_places();
                let rounded =
                    n.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
                if rounded < min {
                    let kept = LeverValue::Number(min);
                    (
                        kept,
                        Some(format!(
                            "{} cannot be below {}, so it was set to {}",
                            self.label,
                            self.describe(kept),
                            self.describe(kept)
                        )),
                    )
                } else if rounded > max {
                    let kept = LeverValue::Number(max);
                    (
                        kept,
                        Some(format!(
                            "{} cannot be above {}, so it was set to {}",
                            self.label,
                            self.describe(kept),
                            self.describe(kept)
                        )),
                    )
                } else if rounded != n {
                    let kept = LeverValue::Number(rounded);
                    let precision = if places == 0 {
                        "a whole number".to_string()
                    } else {
                        format!("{places} decimal places")
                    };
                    (
                        kept,
                        Some(format!(
                            "{} is counted to {precision}, so it was set to {}",
                            self.label,
                            self.describe(kept)
                        )),
                    )
                } else {
                    (LeverValue::Number(n.normalize()), None)
                }
            }
            (LeverValue::Month(m), Range::Month { earliest, latest }) => {
                if m < earliest {
                    (
                        LeverValue::Month(earliest),
                        Some(format!(
                            "{} cannot be before {}, so it was set to {}",
                            self.label,
                            earliest.long_name(),
                            earliest.long_name()
                        )),
                    )
                } else if m > latest {
                    (
                        LeverValue::Month(latest),
                        Some(format!(
                            "{} cannot be after {}, so it was set to {}",
                            self.label,
                            latest.long_name(),
                            latest.long_name()
                        )),
                    )
                } else {
                    (value, None)
                }
            }
            _ => (
                self.published,
                Some(format!(
                    "{} needs a {}, so it stays at {}",
                    self.label,
                    if self.unit == Unit::Month {
                        "month"
                    } else {
                        "number"
                    },
                    self.describe(self.published)
                )),
            ),
        }
    }

    /// The value as written in a link: "44", "7500", "2022-07", "none".
    pub fn link_text(&self, value: LeverValue) -> String {
        match value {
            LeverValue::Number(n) => n.normalize().to_string(),
            LeverValue::Month(m) => m.to_string(),
            LeverValue::Off => "none".into(),
        }
    }

    /// The value as the page's number box shows it: money with thousands separated ("7,500"),
    /// anything else as in a link. `read` takes either form back.
    pub fn box_text(&self, value: LeverValue) -> String {
        match value {
            LeverValue::Number(n) if self.unit.is_money() => group_decimal(n.normalize()),
            LeverValue::Off => String::new(),
            other => self.link_text(other),
        }
    }

    /// The value in words: "44%", "£7,500 a month", "July 2022", "15 months", "none".
    pub fn describe(&self, value: LeverValue) -> String {
        match value {
            LeverValue::Off => "none".into(),
            LeverValue::Month(m) => m.long_name(),
            LeverValue::Number(n) => {
                if self.unit.is_money() {
                    let pounds = if n.fract().is_zero() {
                        format_pounds(n)
                    } else {
                        format!("£{}", pence_text(n))
                    };
                    match self.unit.suffix() {
                        "" => pounds,
                        suffix => format!("{pounds} {suffix}"),
                    }
                } else if self.unit == Unit::Percent {
                    format!("{}%", n.normalize())
                } else {
                    let whole = n.normalize();
                    let suffix = match (self.unit, whole == Decimal::ONE) {
                        (Unit::Months, true) => "month",
                        (Unit::Cases, true) => "case",
                        (unit, _) => unit.suffix(),
                    };
                    format!("{whole} {suffix}").trim_end().to_string()
                }
            }
        }
    }

    /// Reads a value strictly, as typed in a box or written in a proposal file's `[assumptions]`:
    /// one the lever cannot take is refused with a GOV.UK style message saying what to enter,
    /// rather than quietly changed as a link's would be.
    pub fn accept(&self, text: &str) -> Result<LeverValue, String> {
        let (what, example) = self.what_to_enter();
        if text.trim().is_empty() {
            return Err(format!(
                "Enter a {what} for {}, like {example}",
                lower_first(&self.label)
            ));
        }
        let value = self.read(text).map_err(|_| {
            let commas = misplaced_commas(text).filter(|_| self.unit != Unit::Month);
            format!(
                "{} must be a {what}, like {example}{}",
                self.label,
                commas.unwrap_or_default()
            )
        })?;
        self.admit(value)
    }

    /// "number" or "month", and a value to show as an example, for messages.
    fn what_to_enter(&self) -> (&'static str, String) {
        if self.unit == Unit::Month {
            ("month", "2023-02".to_string())
        } else {
            ("number", self.box_text(self.switched_on_value()))
        }
    }

    /// A value the lever can take as it is, or why not, in the words of a GOV.UK error message:
    /// outside its range, too precise, or "none" where it cannot be switched off.
    pub fn admit(&self, value: LeverValue) -> Result<LeverValue, String> {
        let (what, example) = self.what_to_enter();
        let between = || match self.range {
            Range::Number { min, max, .. } => format!(
                "{} must be between {} and {}",
                self.label,
                self.describe(LeverValue::Number(min)),
                self.describe(LeverValue::Number(max))
            ),
            Range::Month { earliest, latest } => format!(
                "{} must be between {} and {}",
                self.label,
                earliest.long_name(),
                latest.long_name()
            ),
        };
        match (value, self.range) {
            (LeverValue::Off, _) if !self.can_be_off => Err(format!(
                "{} cannot be none: enter a {what}, like {example}",
                self.label
            )),
            (LeverValue::Number(n), Range::Number { min, max, .. }) if n < min || n > max => {
                Err(between())
            }
            (LeverValue::Month(m), Range::Month { earliest, latest })
                if m < earliest || m > latest =>
            {
                Err(between())
            }
            _ => match self.clamp(value) {
                (kept, None) => Ok(kept),
                (_, Some(_)) => Err(match self.unit.decimal_places() {
                    0 => format!("{} must be a whole number", self.label),
                    places => format!(
                        "{} can have no more than {places} decimal places",
                        self.label
                    ),
                }),
            },
        }
    }

    /// A value to turn an optional lever back on with: its published value, or the middle of its range.
    pub fn switched_on_value(&self) -> LeverValue {
        match (self.published, self.range) {
            (LeverValue::Off, Range::Number { min, max, step }) => {
                let middle = (min + max) / Decimal::TWO;
                let steps = (middle / step).round();
                LeverValue::Number((steps * step).max(min).normalize())
            }
            (published, _) => published,
        }
    }

    /// Reads a value as a person would write it: "44", "44%", "£7,500", "1e6", "2022-07", "none".
    /// Numbers too long to hold are taken as the largest (or smallest) value allowed.
    pub fn read(&self, text: &str) -> Result<LeverValue, String> {
        let trimmed = text.trim();
        if trimmed.eq_ignore_ascii_case("none") || trimmed.eq_ignore_ascii_case("off") {
            return Ok(LeverValue::Off);
        }
        if self.unit == Unit::Month {
            return trimmed.parse().map(LeverValue::Month).map_err(|_: String| {
                format!(
                    "{}: \"{}\" is not a month this calculator can use: write it as year-month, between 1990-01 and 2100-12, such as 2023-02; it stays at {}",
                    self.label,
                    shorten(trimmed),
                    self.describe(self.published)
                )
            });
        }
        let misplaced = misplaced_commas(trimmed);
        let cleaned = bare_number(trimmed).replace(',', "");
        if misplaced.is_none() {
            if let Ok(n) = cleaned
                .parse::<Decimal>()
                .or_else(|_| Decimal::from_scientific(&cleaned))
            {
                return Ok(LeverValue::Number(n));
            }
            // A number too long or too large to hold: the largest value allowed (or the smallest
            // for a negative one), or zero for one too small, so clamping can say what happened.
            if let (Some(size), Range::Number { min, max, .. }) =
                (too_big_or_small(&cleaned), self.range)
            {
                let negative = cleaned.starts_with('-');
                return Ok(LeverValue::Number(match (size, negative) {
                    (Size::Huge, false) => max + Decimal::ONE,
                    (Size::Huge, true) => min - Decimal::ONE,
                    (Size::Tiny, _) => Decimal::ZERO,
                }));
            }
        }
        Err(format!(
            "{}: \"{}\" is not a number, so it stays at {}{}",
            self.label,
            shorten(trimmed),
            self.describe(self.published),
            misplaced.unwrap_or_default()
        ))
    }
}

/// A number as a person writes it, without the pound sign, percent sign, underscores and spaces
/// it may carry. Its commas are kept, to be checked.
fn bare_number(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '£' | '%' | '_' | ' '))
        .collect()
}

/// What to add to the message for a number whose commas do not group its whole part in
/// thousands ("1,5", "12,34", "1,,000", "1.5,0"); nothing when they do ("7,500",
/// "£1,234,567.5") or there are none. `1,5` could mean either, so it is read as neither.
fn misplaced_commas(text: &str) -> Option<&'static str> {
    let number = bare_number(text);
    if !number.contains(',') {
        return None;
    }
    let unsigned = number.strip_prefix(['-', '+']).unwrap_or(&number);
    let whole = unsigned.split(['.', 'e', 'E']).next().unwrap_or_default();
    let mut groups = whole.split(',');
    let first = groups.next().unwrap_or_default();
    let grouped = (1..=3).contains(&first.chars().count())
        && groups.all(|group| group.chars().count() == 3)
        && !unsigned
            .strip_prefix(whole)
            .unwrap_or_default()
            .contains(',');
    (!grouped).then_some(
        ": a comma only separates thousands (write 1.5 for one and a half, or 1,500 for fifteen hundred)",
    )
}

enum Size {
    Huge,
    Tiny,
}

/// Whether text is a well-formed number (digits, one point, an optional exponent) that a
/// decimal cannot hold, and which way it overflows.
fn too_big_or_small(text: &str) -> Option<Size> {
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => (mantissa, Some(exponent)),
        None => (unsigned, None),
    };
    let mantissa_ok = mantissa.chars().any(|c| c.is_ascii_digit())
        && mantissa.chars().all(|c| c.is_ascii_digit() || c == '.')
        && mantissa.matches('.').count() <= 1;
    if !mantissa_ok {
        return None;
    }
    let Some(exponent) = exponent else {
        return Some(Size::Huge);
    };
    let digits = exponent.strip_prefix(['-', '+']).unwrap_or(exponent);
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let mantissa_is_zero = mantissa.chars().all(|c| c == '0' || c == '.');
    if mantissa_is_zero || exponent.starts_with('-') {
        Some(Size::Tiny)
    } else {
        Some(Size::Huge)
    }
}

fn pence_text(amount: Decimal) -> String {
    let mut rounded = amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(2);
    group_decimal(rounded)
}

/// "Level 1 (universal)" stays as it is; "Net saving" becomes "net saving".
pub fn lower_first(label: &str) -> String {
    let mut characters = label.chars();
    match (characters.next(), characters.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && second.is_lowercase() => {
            let mut text: String = first.to_lowercase().collect();
            text.push(second);
            text.extend(characters);
            text
        }
        _ => label.to_string(),
    }
}

/// Long or odd text from a link, cut down to show safely in a message.
pub fn shorten(text: &str) -> String {
    let printable: String = text.chars().filter(|c| !c.is_control()).take(40).collect();
    if text.chars().count() > 40 {
        format!("{printable}…")
    } else {
        printable
    }
}
