//! The catalogue: which levers a proposal has, with their words, units and ranges, found from
//! its scenario's lines and drivers and the file's `[levers]` settings.

use std::collections::BTreeMap;

use rust_decimal::{Decimal, RoundingStrategy};

use crate::model::money::MAX_AMOUNT;
use crate::model::month::{YearMonth, LATEST_YEAR};
use crate::model::scenario::{
    BudgetRowSource, CostPeriod, InvestmentAmounts, MonthRef, SavingDriver, Scenario,
    MAX_HORIZON_MONTHS,
};

use super::{number, Lever, LeverSettings, LeverValue, Range, Target, Unit};

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

/// The levers of a proposal's baseline scenario, in the order the page shows them, with the
/// words and ranges its file sets in `settings`. The proposal-wide contingency and realisation
/// are offered only when the file has `[adjustments]`.
pub fn catalogue(
    scenario: &Scenario,
    settings: &BTreeMap<String, LeverSettings>,
    offers_adjustments: bool,
) -> Vec<Lever> {
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

    if offers_adjustments {
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
            let settings = settings.get(&spec.key).cloned().unwrap_or_default();
            let range = match spec.range {
                Range::Number { min, max, step } => {
                    // A proposal file may move a range, but never past what the model can hold.
                    let (lowest, highest) = hard_limits(spec.unit);
                    // Its ends are values the lever can hold: a slider that counts whole
                    // children with `max = 0.5` ends at 0, not at half a child.
                    let places = spec.unit.decimal_places();
                    let min = settings
                        .min
                        .unwrap_or(min)
                        .clamp(lowest, highest)
                        .round_dp_with_strategy(places, RoundingStrategy::ToPositiveInfinity);
                    let max = settings
                        .max
                        .unwrap_or(max)
                        .clamp(min, highest)
                        .round_dp_with_strategy(places, RoundingStrategy::ToNegativeInfinity)
                        .max(min);
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
