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

use super::{number, places_for, Lever, LeverSettings, LeverValue, Range, Target, Unit};

/// The widest range any lever of a unit may have, whatever a proposal file says: money up to
/// ten billion pounds, percentages up to 1,000, counts up to the longest horizon.
fn hard_limits(unit: Unit, below_nought: bool) -> (Decimal, Decimal) {
    match unit {
        // Money is at least nought, but for a lever whose own range starts below it (a cost
        // written as a negative saving).
        Unit::Pounds | Unit::PoundsPerMonth | Unit::PoundsPerYear | Unit::PoundsPerWeek => {
            match below_nought {
                true => (-MAX_AMOUNT, MAX_AMOUNT),
                false => (Decimal::ZERO, MAX_AMOUNT),
            }
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

impl Spec {
    fn new(
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

    fn hint(self, hint: &'static str) -> Spec {
        Spec { hint, ..self }
    }

    /// Shown under "more assumptions".
    fn more(self) -> Spec {
        Spec { more: true, ..self }
    }

    /// "none" is a value: no cap, no duration.
    fn can_be_off(self) -> Spec {
        Spec {
            can_be_off: true,
            ..self
        }
    }
}

/// The levers of one line of investment, saving or funding: each keyed by the line's id and
/// named by its label ("council.months", "Council funding: months").
struct Line<'a> {
    id: &'a str,
    label: &'a str,
}

impl<'a> Line<'a> {
    fn of(id: &'a str, label: &'a str) -> Line<'a> {
        Line { id, label }
    }

    /// `key` follows the line's id after a dot; `words` follow its label as written.
    fn lever(&self, key: &str, words: &str, unit: Unit, range: Range, target: Target) -> Spec {
        Spec::new(
            format!("{}.{key}", self.id),
            format!("{}{words}", self.label),
            unit,
            range,
            target,
        )
    }

    /// The month the line starts, on the timeline.
    fn first_month(&self, months: Range, target: Target) -> Spec {
        self.lever("from", ": first month", Unit::Month, months, target)
            .more()
    }

    /// A number of months, from `least` to ten years, under more assumptions.
    fn months(&self, key: &str, words: &str, least: i64, target: Target) -> Spec {
        self.lever(key, words, Unit::Months, numbers(least, 120, 1), target)
            .more()
    }

    /// A share of what the line plans or forecasts.
    fn share(&self, key: &str, words: &str, most: i64, step: i64, target: Target) -> Spec {
        self.lever(key, words, Unit::Percent, numbers(0, most, step), target)
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
        let cost_per_case = numbers(0, upper(driver.cost_per_case_per_year, 50_000), 100);
        let cap = upper(driver.saving_cap_per_year.unwrap_or_default(), 1_000_000);
        specs.extend([
            Spec::new("reduction", "Referral reduction, share of plan", Unit::Percent, numbers(0, 300, 1), Target::Reduction)
                .hint("How much of the planned fall in referrals happens; 100% is the plan."),
            Spec::new("allocation", "Referrals that become cases", Unit::Percent, numbers(0, 100, 1), Target::Allocation)
                .hint("Share of avoided referrals that would have become Child in Need or Child Protection cases."),
            Spec::new("cost_per_case", "Cost per case", Unit::PoundsPerYear, cost_per_case, Target::CostPerCase)
                .hint("What an open case costs a year."),
            Spec::new("step", "Cases per cashable step", Unit::Cases, numbers(1, 50, 1), Target::Step)
                .hint("Savings count only in whole steps of this many cases.")
                .more(),
            Spec::new("cap", "Saving cap", Unit::PoundsPerYear, numbers(0, cap, 1000), Target::Cap)
                .hint("The most that can be saved in a year; none for no cap.")
                .more()
                .can_be_off(),
            Spec::new("duration", "Case duration", Unit::Months, numbers(1, 120, 1), Target::Duration)
                .hint("Months an avoided case would have stayed open; none if cases keep saving.")
                .more()
                .can_be_off(),
            Spec::new("delivery_start", "Delivery starts", Unit::Month, months_from_start, Target::DeliveryStart)
                .hint("First month in which referrals fall.")
                .more(),
        ]);
    }

    for (index, investment) in scenario.investments.iter().enumerate() {
        let line = Line::of(&investment.id, &investment.label);
        match &investment.amounts {
            InvestmentAmounts::Monthly {
                per_month,
                from,
                months,
            } => {
                let pounds = numbers(0, upper(*per_month, 10_000), 100);
                specs.push(
                    line.lever(
                        "per_month",
                        " per month",
                        Unit::PoundsPerMonth,
                        pounds,
                        Target::InvestmentPerMonth(index),
                    )
                    .more(),
                );
                if months.is_some() {
                    specs.push(line.months(
                        "months",
                        ": months",
                        0,
                        Target::InvestmentMonths(index),
                    ));
                }
                if matches!(from, MonthRef::Month(_)) {
                    specs.push(line.first_month(months_from_start, Target::InvestmentFrom(index)));
                }
            }
            InvestmentAmounts::OneOff { amount, .. } => {
                let pounds = numbers(0, upper(*amount, 1_000_000), 1000);
                let amount = Target::OneOffAmount(index);
                specs.push(line.lever("amount", "", Unit::Pounds, pounds, amount));
                specs.push(
                    line.lever(
                        "month",
                        ": month",
                        Unit::Month,
                        months_from_start,
                        Target::OneOffMonth(index),
                    )
                    .more(),
                );
            }
            InvestmentAmounts::Spread { total, from, .. } => {
                let pounds = numbers(0, upper(*total, 1_000_000), 1000);
                specs.push(line.lever(
                    "total",
                    ": total",
                    Unit::Pounds,
                    pounds,
                    Target::InvestmentTotal(index),
                ));
                specs.push(
                    line.months("months", ": months", 1, Target::InvestmentMonths(index))
                        .hint("The months the total is spread over."),
                );
                if matches!(from, MonthRef::Month(_)) {
                    specs.push(line.first_month(months_from_start, Target::InvestmentFrom(index)));
                }
            }
            InvestmentAmounts::PerYear(schedule) => {
                if schedule.amounts_per_year.iter().any(|a| !a.is_zero()) {
                    specs.push(
                        line.share(
                            "scale",
                            ": share of planned spend",
                            200,
                            5,
                            Target::InvestmentScale(index),
                        )
                        .hint("Scales this line's spending in every year; 100% is the plan.")
                        .more(),
                    );
                }
            }
        }
        // A line's own optimism bias is a lever only where the file gives the line one.
        if investment.optimism_bias_percent.is_some() {
            specs.push(
                line.share(
                    "optimism_bias",
                    ": optimism bias uplift",
                    200,
                    1,
                    Target::InvestmentOptimism(index),
                )
                .hint("This line's costs are raised by this share for optimism bias, in place of the uplift on all costs; 0% is none.")
                .more(),
            );
        }
    }

    for (index, saving) in scenario.savings.iter().enumerate() {
        let line = Line::of(&saving.id, &saving.label);
        let realisation = || {
            line.share(
                "realisation",
                ": realisation",
                150,
                5,
                Target::SavingRealisation(index),
            )
            .hint("How much of the forecast saving is realised; 100% is the forecast.")
        };
        // When a saving starts and how long it takes to reach its full rate.
        let start_and_ramp = || {
            let ramp = numbers(0, 60, 1);
            [
                line.first_month(months_from_start, Target::SavingFrom(index)),
                line.lever(
                    "ramp",
                    ": months to full rate",
                    Unit::Months,
                    ramp,
                    Target::SavingRamp(index),
                )
                .more(),
            ]
        };
        match &saving.driver {
            SavingDriver::Referrals(_) => {}
            SavingDriver::Scheduled(_) => specs.push(realisation()),
            SavingDriver::UnitCost(unit_cost) => {
                let how_many = numbers(0, upper(unit_cost.units, 100), 1);
                let (unit, floor) = match unit_cost.cost_period {
                    CostPeriod::Week => (Unit::PoundsPerWeek, 10_000),
                    CostPeriod::Year => (Unit::PoundsPerYear, 100_000),
                };
                let each = numbers(0, upper(unit_cost.cost_per_unit, floor), 50);
                let unit_name = format!(": {}", unit_cost.unit_name);
                specs.push(
                    line.lever(
                        "units",
                        &unit_name,
                        Unit::Count,
                        how_many,
                        Target::Units(index),
                    )
                    .hint("How many, at full effect."),
                );
                specs.push(
                    line.lever(
                        "unit_cost",
                        ": saving for each",
                        unit,
                        each,
                        Target::UnitCostAmount(index),
                    )
                    .hint("What each one saves."),
                );
                if unit_cost.occupancy_percent.is_some() {
                    specs.push(
                        line.share("occupancy", ": occupancy", 100, 1, Target::Occupancy(index))
                            .hint("Share of the time each one is in use (a bed occupied); the saving counts only then.")
                            .more(),
                    );
                }
                specs.extend(start_and_ramp());
            }
            SavingDriver::Recurring { per_year, .. } => {
                // A cost written as a negative saving moves between nought and four times the
                // cost, never becoming a saving; realisation does not scale a cost, so it has
                // no realisation lever.
                let cost = per_year.is_sign_negative() && !per_year.is_zero();
                let pounds = match cost {
                    true => numbers(-upper(-*per_year, 1_000_000), 0, 1000),
                    false => numbers(0, upper(*per_year, 1_000_000), 1000),
                };
                let a_year = Target::SavingPerYear(index);
                specs.push(line.lever(
                    "per_year",
                    " per year",
                    Unit::PoundsPerYear,
                    pounds,
                    a_year,
                ));
                specs.extend(start_and_ramp());
                if !cost {
                    specs.push(realisation().more());
                }
            }
        }
        if saving.optimism_bias_percent.is_some() {
            specs.push(
                line.share(
                    "optimism_bias",
                    ": optimism bias haircut",
                    100,
                    1,
                    Target::SavingOptimism(index),
                )
                .hint("This saving is lowered by this share for optimism bias, in place of the haircut on all savings; 0% is none.")
                .more(),
            );
        }
    }

    // A repayment's terms move who has its money back when, never the proposal's totals.
    for (index, repayment) in scenario.repayments.iter().enumerate() {
        let line = Line::of(&repayment.id, &repayment.label);
        specs.push(
            line.share("share", ": share of savings", 100, 1, Target::RepaymentShare(index))
                .hint("The share of the payer's savings that goes to the repayment each month; 100% repays as fast as the savings allow.")
                .more(),
        );
        let per_month = upper(
            repayment.amount_per_month_at_most.unwrap_or_default(),
            50_000,
        );
        specs.push(
            line.lever(
                "per_month",
                ": monthly limit",
                Unit::PoundsPerMonth,
                numbers(0, per_month, 100),
                Target::RepaymentPerMonth(index),
            )
            .hint("The most repaid in any month, to spread the repayment over longer; none for no limit.")
            .more()
            .can_be_off(),
        );
        specs.push(
            line.first_month(months_from_start, Target::RepaymentFrom(index))
                .hint(
                    "The first month a repayment may be made; none is made before savings arrive.",
                ),
        );
        if repayment.over_months.is_some() {
            specs.push(
                line.months("over_months", ": instalments", 1, Target::RepaymentOverMonths(index))
                .hint("Repaid in this many equal monthly instalments, as far as the savings allow; none repays as fast as they allow.")
                .can_be_off(),
            );
        }
        if let Some(cap) = repayment.cap {
            specs.push(
                line.lever(
                    "cap",
                    ": most repaid in all",
                    Unit::Pounds,
                    numbers(0, upper(cap, 100_000), 1000),
                    Target::RepaymentCap(index),
                )
                .hint("The most repaid in all; none repays the whole investment.")
                .more()
                .can_be_off(),
            );
        }
    }

    if let Some(budget) = &scenario.budget {
        for (index, row) in budget.rows.iter().enumerate() {
            if let BudgetRowSource::Adjustment { id, label, .. } = row {
                let line = Line::of(id, label);
                specs.push(
                    line.share("scale", "", 200, 5, Target::AdjustmentScale(index))
                        .hint("Scales this row of the funding table; 100% is the report's figure.")
                        .more(),
                );
            }
        }
    }

    if offers_adjustments {
        specs.extend([
            Spec::new("contingency", "Contingency on investment", Unit::Percent, numbers(0, 100, 1), Target::Contingency)
                .hint("An uplift on all investment, for costs that run over; 0% is none.")
                .more(),
            Spec::new("realisation", "Realisation of all savings", Unit::Percent, numbers(0, 100, 1), Target::Realisation)
                .hint("How much of all the forecast savings is realised, on top of each line's own realisation; 100% is the forecast.")
                .more(),
        ]);
    }

    // Every proposal offers the Green Book's correction for optimism bias, at the file's
    // percentages (0 unless it gives them), so a reader can ask what a cautious appraisal says.
    specs.extend([
        Spec::new("optimism_bias_costs", "Optimism bias: uplift on costs", Unit::Percent, numbers(0, 200, 1), Target::OptimismCosts)
            .hint("Every investment raised by this share, as HM Treasury's Green Book asks of business cases that tend to understate costs; 0% is none.")
            .more(),
        Spec::new("optimism_bias_savings", "Optimism bias: haircut on savings", Unit::Percent, numbers(0, 100, 1), Target::OptimismSavings)
            .hint("Every saving lowered by this share, for business cases that tend to overstate benefits; 0% is none.")
            .more(),
    ]);

    let longest = number(MAX_HORIZON_MONTHS / 5).max(number(scenario.horizon_months));
    specs.push(
        Spec::new(
            "horizon",
            "Horizon",
            Unit::Months,
            numbers(1, longest, 1),
            Target::Horizon,
        )
        .hint("How many months the cashflow runs for.")
        .more(),
    );
    specs.push(
        Spec::new(
            "pay_back_by",
            "Pay back by",
            Unit::Month,
            months_from_start,
            Target::PayBackBy,
        )
        .hint("The month the sentences under the sliders ask the proposal to have paid back by; after the horizon's end, its end.")
        .more(),
    );
    specs.push(
        Spec::new(
            "discount_rate",
            "Discount rate",
            Unit::Percent,
            numbers(0, 10, Decimal::new(1, 1)),
            Target::DiscountRate,
        )
        .hint("The real rate a year at which later money counts for less, for the net present value: HM Treasury's Green Book uses 3.5% for years 1 to 30 (3.0% after, or this rate if lower).")
        .more(),
    );

    if scenario
        .savings
        .iter()
        .any(|line| matches!(line.driver, SavingDriver::Scheduled(_)))
    {
        let trend = numbers(0, 200, 5);
        specs.push(
            Spec::new("after_plan_trend", "Savings trend after the plan", Unit::Percent, trend, Target::AfterPlanTrend)
                .hint("After the plan's last year, savings hold (0%) or keep growing by this share of their last year's growth.")
                .more(),
        );
    }
    specs
        .into_iter()
        .map(|spec| {
            let settings = settings.get(&spec.key).cloned().unwrap_or_default();
            let range = match spec.range {
                Range::Number { min, max, step } => {
                    // A proposal file may move a range, but never past what the model can hold.
                    let (lowest, highest) = hard_limits(spec.unit, min < Decimal::ZERO);
                    // Its ends are values the lever can hold: a slider that counts whole
                    // children with `max = 0.5` ends at 0, not at half a child.
                    let places = places_for(spec.unit, settings.step.unwrap_or(step));
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
                sensitivity_low: settings.low,
                sensitivity_high: settings.high,
                distribution: settings.distribution.unwrap_or_default(),
                target: spec.target,
            };
            lever.published = lever.get(scenario);
            lever
        })
        .collect()
}
