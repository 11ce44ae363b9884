//! Each line's amount in a month: what an investment line costs and a saving line saves, with
//! contingency, realisation and optimism bias applied. Said once for the full run of the model
//! and for the lean run the uncertainty draws make, so the two cannot disagree.

use rust_decimal::Decimal;

use super::month::YearMonth;
use super::referrals::ReferralMonth;
use super::scenario::{
    InvestmentAmounts, InvestmentLine, MonthRef, SavingDriver, SavingLine, Scenario,
};

const TWELVE: Decimal = Decimal::from_parts(12, 0, 0, false, 0);
const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

/// What a run works out once, before its months: which funder pays each investment line, when
/// each monthly line runs, and the referral driver's months.
pub(super) struct LineAmounts<'a> {
    scenario: &'a Scenario,
    /// Each investment line's funder, by its place among the scenario's funders.
    funder_of_line: Vec<usize>,
    /// Each monthly investment line's first month and the month after its last.
    windows: Vec<Option<(YearMonth, Option<YearMonth>)>>,
    referral_rows: Option<Vec<ReferralMonth>>,
}

impl<'a> LineAmounts<'a> {
    pub(super) fn new(scenario: &'a Scenario, funders: &[String], months: &[YearMonth]) -> Self {
        LineAmounts {
            scenario,
            funder_of_line: scenario
                .investments
                .iter()
                .map(|line| {
                    funders
                        .iter()
                        .position(|name| *name == line.funder)
                        .unwrap_or_default()
                })
                .collect(),
            windows: scenario
                .investments
                .iter()
                .map(|line| monthly_window(scenario, line, 0))
                .collect(),
            referral_rows: scenario
                .referral_driver()
                .map(|driver| driver.run(months.iter().copied())),
        }
    }

    /// The investment line at `line`'s funder (by place) and its amount in `month`.
    pub(super) fn investment(&self, line: usize, month: YearMonth) -> (usize, Decimal) {
        let Some(found) = self.scenario.investments.get(line) else {
            return (0, Decimal::ZERO);
        };
        let before_adjustments = match &found.amounts {
            InvestmentAmounts::Monthly { per_month, .. } => match self.windows[line] {
                Some((first, end)) if first <= month && end.is_none_or(|end| month < end) => {
                    *per_month
                }
                Some(_) | None => Decimal::ZERO,
            },
            InvestmentAmounts::OneOff {
                amount,
                month: paid,
            } => {
                if *paid == month {
                    *amount
                } else {
                    Decimal::ZERO
                }
            }
            InvestmentAmounts::PerYear(schedule) => schedule.amount_for_month(month, Decimal::ZERO),
            InvestmentAmounts::Spread { total, months, .. } => match self.windows[line] {
                Some((first, _)) => spread_month(*total, *months, first.months_until(month)),
                None => Decimal::ZERO,
            },
        };
        let amount = uplifted(
            uplifted(before_adjustments, found.contingency_percent),
            self.scenario.cost_uplift_percent(found),
        );
        (self.funder_of_line[line], amount)
    }

    /// The saving line at `line` in `month`, the `index`th of the run.
    pub(super) fn saving(&self, line: usize, index: usize, month: YearMonth) -> Decimal {
        let Some(found) = self.scenario.savings.get(line) else {
            return Decimal::ZERO;
        };
        let forecast = match &found.driver {
            SavingDriver::Referrals(_) => self
                .referrals(index)
                .map(|row| row.saving)
                .unwrap_or_default(),
            SavingDriver::Scheduled(schedule) => {
                schedule.amount_for_month(month, self.scenario.after_plan_trend_percent)
            }
            SavingDriver::Recurring {
                per_year,
                from,
                ramp_months,
            } => recurring_in_month(*per_year, *from, *ramp_months, month),
            SavingDriver::UnitCost(unit_cost) => recurring_in_month(
                unit_cost.per_year(),
                unit_cost.from,
                unit_cost.ramp_months,
                month,
            ),
        };
        saving_in_month(self.scenario, found, forecast)
    }

    /// The referral driver's working for the `index`th month, where the scenario has one.
    pub(super) fn referrals(&self, index: usize) -> Option<&ReferralMonth> {
        self.referral_rows.as_ref()?.get(index)
    }
}

/// The cumulative position at the end of each month and nothing else: what one draw of the
/// uncertainty run needs, without the rows, years, organisations and budget of `run`. Equal to
/// `run`'s cumulative digit for digit: the same amounts, added in the same order.
pub fn cumulative_by_month(scenario: &Scenario) -> Vec<Decimal> {
    let funders = scenario.funders();
    let months: Vec<YearMonth> = scenario.months().collect();
    let lines = LineAmounts::new(scenario, &funders, &months);
    let mut investment_by_funder = vec![Decimal::ZERO; funders.len()];
    let mut cumulative = Decimal::ZERO;
    months
        .iter()
        .enumerate()
        .map(|(index, &month)| {
            investment_by_funder.fill(Decimal::ZERO);
            for line in 0..scenario.investments.len() {
                let (funder, amount) = lines.investment(line, month);
                investment_by_funder[funder] += amount;
            }
            let investment: Decimal = investment_by_funder.iter().sum();
            let saving: Decimal = (0..scenario.savings.len())
                .map(|line| lines.saving(line, index, month))
                .sum();
            cumulative += saving - investment;
            cumulative
        })
        .collect()
}

/// A saving line's month, from its forecast. A saving is scaled by the share realised (the
/// line's and the proposal's) and lowered by the haircut for optimism bias. A negative month is
/// a cost written as a negative saving (a home's running costs beside the placements it
/// saves): it is incurred whether or not the savings are realised, so neither realisation nor
/// the haircut scales it (either would make the case look better the less it delivers), and,
/// like every cost, it is raised by the proposal's uplift for optimism bias.
fn saving_in_month(scenario: &Scenario, line: &SavingLine, forecast: Decimal) -> Decimal {
    if forecast.is_sign_negative() && !forecast.is_zero() {
        return uplifted(forecast, scenario.optimism_bias.costs_uplift_percent);
    }
    let realised =
        forecast * line.realisation_percent / HUNDRED * line.proposal_realisation_percent / HUNDRED;
    uplifted(realised, -scenario.saving_haircut_percent(line))
}

/// Month `index` (from 0) of `total` spread over `months` months: the total in pennies (or in
/// the smallest unit it is written in, if finer) divided by the months, rounded towards nought,
/// with one unit more in each of the first months, as many as the division leaves over. So the
/// months add up to the total exactly, and the larger months come first: £2,379,000 over 18
/// months is £132,166.67 in each of the first 12 months and £132,166.66 in the last 6.
pub fn spread_month(total: Decimal, months: u32, index: i32) -> Decimal {
    let Ok(index) = u32::try_from(index) else {
        return Decimal::ZERO;
    };
    if index >= months {
        return Decimal::ZERO;
    }
    let places = total.scale().max(2);
    let mut units = total;
    units.rescale(places);
    let units = units.mantissa();
    let (each, left_over) = (units / i128::from(months), units % i128::from(months));
    // The remainder has the total's sign, so a negative total's extra units are negative too.
    let extra = match i128::from(index) < left_over.abs() {
        true => left_over.signum(),
        false => 0,
    };
    Decimal::try_from_i128_with_scale(each + extra, places).unwrap_or_default()
}

/// `amount` raised by `percent` of itself (lowered, when negative); exactly `amount` at 0, so a
/// proposal without contingency or optimism bias keeps its printed figures digit for digit.
fn uplifted(amount: Decimal, percent: Decimal) -> Decimal {
    if percent.is_zero() {
        amount
    } else {
        amount * (HUNDRED + percent) / HUNDRED
    }
}

/// First month and the month after the last (`None` = open-ended) of a monthly line. `depth`
/// stops a chain of "after" references that loops back on itself.
fn monthly_window(
    scenario: &Scenario,
    line: &InvestmentLine,
    depth: usize,
) -> Option<(YearMonth, Option<YearMonth>)> {
    let (from, months) = match &line.amounts {
        InvestmentAmounts::Monthly { from, months, .. } => (from, *months),
        InvestmentAmounts::Spread { from, months, .. } => (from, Some(*months)),
        InvestmentAmounts::OneOff { .. } | InvestmentAmounts::PerYear(_) => return None,
    };
    let first = match from {
        MonthRef::Month(month) => *month,
        MonthRef::After(other_id) => {
            if depth > scenario.investments.len() {
                return None;
            }
            let other = scenario.investments.iter().find(|l| l.id == *other_id)?;
            monthly_window(scenario, other, depth + 1)?.1?
        }
    };
    Some((first, months.map(|count| first.plus_months(count as i32))))
}

fn recurring_in_month(
    per_year: Decimal,
    from: YearMonth,
    ramp_months: u32,
    month: YearMonth,
) -> Decimal {
    let offset = from.months_until(month);
    if offset < 0 {
        return Decimal::ZERO;
    }
    let full_rate = per_year / TWELVE;
    if ramp_months == 0 || offset as u32 >= ramp_months {
        full_rate
    } else {
        // A straight-line ramp: month 1 of a 4-month ramp saves a quarter.
        full_rate * Decimal::from(offset + 1) / Decimal::from(ramp_months)
    }
}
