//! Switching values: for each lever, the value at which the proposal stops paying back by a
//! target month, and the value at which its net return falls to zero.
//!
//! Found from the model, not from an approximation of it. The lever's values form a grid at the
//! precision it is shown with (a penny, a hundredth of a percent, a month, a whole case). From
//! the scenario's own value a coarse scan walks outwards to each end of the range and stops at
//! the first point whose answer differs; the pair of points is then narrowed to two neighbours
//! of the grid, by regula falsi on the cumulative position (exact in two runs when the cumulative
//! moves in proportion to the lever) with a halving step whenever that stalls (Sandwell counts
//! savings in steps of ten cases, so its cumulative moves in jumps). The reported value is the
//! side of the pair that pays back: at it the model pays back, one step further it does not.
//!
//! A repayment's terms never change whether the proposal pays back, so their levers are also
//! asked the funder's own question: is its money repaid by the month it expects?
//!
//! A change of answer between two points of the coarse scan that changes back before the next
//! one can be missed; the scan takes at most `COARSE_POINTS` points on each side.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::levers::{Lever, LeverValue, Range};
use crate::model::cashflow::OUT_OF_POCKET_BELOW;
use crate::model::month::YearMonth;
use crate::model::repayment::is_repaid;
use crate::model::{self, Scenario};

/// Points of the coarse scan on each side of the scenario's value.
const COARSE_POINTS: i64 = 8;

/// What a switching value is the edge of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    /// The cumulative position is at or above zero from the target month to the horizon's end,
    /// as the payback month says (paid back by then, or never out of pocket).
    PaysBackBy(YearMonth),
    /// The net return over the horizon is at or above zero.
    NetReturnNotNegative,
    /// The funder of the repayment (by its place in the scenario's repayments) has had all it
    /// is owed repaid by the end of the month.
    RepaidBy { repayment: usize, month: YearMonth },
}

/// Two neighbouring values of a lever on either side of a change of answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Switch {
    /// The switching value: the one at which the answer is yes.
    pub passing: LeverValue,
    /// One step of the lever's precision further, where the answer is no.
    pub failing: LeverValue,
}

/// One lever's switching values for one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Answer {
    pub question: Question,
    /// The answer at the scenario's own value.
    pub passes_now: bool,
    /// The nearest change of answer below the scenario's value (earlier, for a month), if any.
    pub below: Option<Switch>,
    /// The nearest change of answer above it, if any.
    pub above: Option<Switch>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeverSwitching {
    /// The lever's link key.
    pub key: String,
    pub pays_back: Answer,
    pub net_return: Answer,
    /// For a term of a repayment: whether its funder is repaid by the month it expects.
    pub repaid_by: Option<Answer>,
}

impl LeverSwitching {
    /// The answer stated under the lever's slider: for a repayment's term, whether its funder is
    /// repaid in time (whether the proposal pays back never changes with it); else whether the
    /// proposal pays back by the target month.
    pub fn main_answer(&self) -> &Answer {
        self.repaid_by.as_ref().unwrap_or(&self.pays_back)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SwitchingValues {
    /// The month the proposal should have paid back by.
    pub target_month: YearMonth,
    /// Every lever that has switching values, in the order of the levers. Not the horizon (its
    /// switching value is the payback month itself), and not a lever that is switched off.
    pub levers: Vec<LeverSwitching>,
}

/// The switching values of every lever for `scenario`, paying back by its target month (its
/// `pay_back_by`, taken as the horizon's first or last month when outside it).
pub fn switching_values(levers: &[Lever], scenario: &Scenario) -> SwitchingValues {
    SwitchingValues {
        target_month: scenario.target_month(),
        levers: levers
            .iter()
            .filter_map(|lever| lever_switching(lever, scenario))
            .collect(),
    }
}

/// One lever's switching values, or `None` for the horizon and the month to pay back by (their
/// answers are the payback month itself) and for a lever switched off.
pub fn lever_switching(lever: &Lever, scenario: &Scenario) -> Option<LeverSwitching> {
    let (grid, start) = grid_and_start(lever, scenario)?;
    let target_month = scenario.target_month();
    let month_index = |month: YearMonth| scenario.start.months_until(month).max(0) as usize;
    let repaid_by = lever.target().repayment().and_then(|repayment| {
        let month = scenario.repaid_by(repayment)?;
        Some(Question::RepaidBy { repayment, month })
    });
    let mut probe = Probe {
        lever,
        grid,
        scenario: scenario.clone(),
        target_index: month_index(target_month),
        repaid_by: repaid_by.and_then(|question| match question {
            Question::RepaidBy { repayment, month } => Some((repayment, month_index(month))),
            Question::PaysBackBy(_) | Question::NetReturnNotNegative => None,
        }),
        seen: Vec::new(),
    };
    let mut answer = |question| {
        let passes_now = probe.passes(question, start);
        Answer {
            question,
            passes_now,
            below: probe.nearest_switch(question, start, -1),
            above: probe.nearest_switch(question, start, 1),
        }
    };
    let pays_back = answer(Question::PaysBackBy(target_month));
    let net_return = answer(Question::NetReturnNotNegative);
    let repaid_by = repaid_by.map(answer);
    Some(LeverSwitching {
        key: lever.key.clone(),
        pays_back,
        net_return,
        repaid_by,
    })
}

/// The values a lever can be shown with, numbered from 0 (its lowest) to `last` (its highest).
#[derive(Debug, Clone, Copy)]
enum Grid {
    Number {
        min: Decimal,
        max: Decimal,
        resolution: Decimal,
        last: i64,
    },
    Month {
        earliest: YearMonth,
        last: i64,
    },
}

/// Whether `lever_switching` has an answer for the lever in `scenario`, told without running the
/// model: the page leaves a lever without one out at once instead of working it out.
pub fn has_switching_values(lever: &Lever, scenario: &Scenario) -> bool {
    grid_and_start(lever, scenario).is_some()
}

/// The lever's grid and the scenario's place on it; `None` for a lever that frames the question
/// and for one switched off.
fn grid_and_start(lever: &Lever, scenario: &Scenario) -> Option<(Grid, i64)> {
    // The discount rate moves neither the cash payback nor the cash net return.
    if lever.target().frames_the_question() {
        return None;
    }
    let grid = Grid::of(lever)?;
    let start = grid.position(lever.get(scenario))?;
    Some((grid, start))
}

impl Grid {
    fn of(lever: &Lever) -> Option<Grid> {
        match lever.range {
            Range::Number { min, max, .. } => {
                let resolution = Decimal::new(1, lever.decimal_places());
                let last = ((max - min) / resolution).ceil().to_i64()?;
                (max > min).then_some(Grid::Number {
                    min,
                    max,
                    resolution,
                    last,
                })
            }
            Range::Month { earliest, latest } => {
                let last = i64::from(earliest.months_until(latest));
                (last > 0).then_some(Grid::Month { earliest, last })
            }
        }
    }

    fn last(self) -> i64 {
        match self {
            Grid::Number { last, .. } | Grid::Month { last, .. } => last,
        }
    }

    fn value(self, position: i64) -> LeverValue {
        match self {
            Grid::Number {
                min,
                max,
                resolution,
                last,
            } => LeverValue::Number(if position >= last {
                max
            } else {
                (min + resolution * Decimal::from(position)).normalize()
            }),
            Grid::Month { earliest, .. } => {
                LeverValue::Month(earliest.plus_months(position as i32))
            }
        }
    }

    /// Where a value sits on the grid; `None` for "none" (a lever switched off).
    fn position(self, value: LeverValue) -> Option<i64> {
        let position = match (self, value) {
            (
                Grid::Number {
                    min, resolution, ..
                },
                LeverValue::Number(n),
            ) => ((n - min) / resolution).round().to_i64()?,
            (Grid::Month { earliest, .. }, LeverValue::Month(month)) => {
                i64::from(earliest.months_until(month))
            }
            (Grid::Number { .. } | Grid::Month { .. }, LeverValue::Off)
            | (Grid::Number { .. }, LeverValue::Month(_))
            | (Grid::Month { .. }, LeverValue::Number(_)) => return None,
        };
        Some(position.clamp(0, self.last()))
    }
}

/// What one run of the model says about the questions.
#[derive(Debug, Clone, Copy)]
struct Measures {
    /// The lowest cumulative position from the target month to the horizon's end.
    lowest_from_target: Decimal,
    net_return: Decimal,
    /// What the lever's repayment still owes its funder at the end of the month it expects its
    /// money back by; nought for a lever that is not a repayment's term.
    outstanding_when_expected: Decimal,
}

impl Measures {
    /// The figure whose sign answers the question (what is still owed counts against).
    fn margin(self, question: Question) -> Decimal {
        match question {
            Question::PaysBackBy(_) => self.lowest_from_target,
            Question::NetReturnNotNegative => self.net_return,
            Question::RepaidBy { .. } => -self.outstanding_when_expected,
        }
    }

    /// The answer, counted as the model counts it: below half a penny is out of pocket, as the
    /// payback month says, and below half a penny still owed is repaid, as the repaid month says.
    fn passes(self, question: Question) -> bool {
        match question {
            Question::PaysBackBy(_) | Question::NetReturnNotNegative => {
                self.margin(question) >= OUT_OF_POCKET_BELOW
            }
            Question::RepaidBy { .. } => is_repaid(self.outstanding_when_expected),
        }
    }
}

/// Runs the model with one lever moved, remembering every run.
struct Probe<'a> {
    lever: &'a Lever,
    grid: Grid,
    scenario: Scenario,
    target_index: usize,
    /// The lever's repayment and the index of the month its funder expects its money by.
    repaid_by: Option<(usize, usize)>,
    seen: Vec<(i64, Measures)>,
}

impl Probe<'_> {
    fn measure(&mut self, position: i64) -> Measures {
        if let Some((_, measures)) = self.seen.iter().find(|(at, _)| *at == position) {
            return *measures;
        }
        self.lever
            .set(&mut self.scenario, self.grid.value(position));
        let cashflow = model::run(&self.scenario);
        let from = self
            .target_index
            .min(cashflow.months.len().saturating_sub(1));
        let measures = Measures {
            lowest_from_target: cashflow.months[from..]
                .iter()
                .map(|row| row.flows.cumulative)
                .min()
                .unwrap_or_default(),
            net_return: cashflow.results.net_return,
            outstanding_when_expected: self
                .repaid_by
                .and_then(|(repayment, month)| {
                    let result = cashflow.results.repayments.get(repayment)?;
                    Some(result.outstanding_after(month))
                })
                .unwrap_or_default(),
        };
        self.seen.push((position, measures));
        measures
    }

    fn passes(&mut self, question: Question, position: i64) -> bool {
        self.measure(position).passes(question)
    }

    /// The nearest change of answer from `start` towards one end (`direction` -1 or 1).
    fn nearest_switch(&mut self, question: Question, start: i64, direction: i64) -> Option<Switch> {
        let end = if direction < 0 { 0 } else { self.grid.last() };
        let distance = (end - start).abs();
        let answer_now = self.passes(question, start);
        let mut near = start;
        for point in 1..=COARSE_POINTS.min(distance) {
            // Ceiling division: the last point is the end of the range.
            let far = start + direction * (point * distance + COARSE_POINTS - 1) / COARSE_POINTS;
            let far = if point == COARSE_POINTS.min(distance) {
                end
            } else {
                far
            };
            if far == near {
                continue;
            }
            if self.passes(question, far) != answer_now {
                return Some(self.narrow(question, near, far));
            }
            near = far;
        }
        None
    }

    /// Narrows two points with different answers to two neighbours of the grid.
    fn narrow(&mut self, question: Question, a: i64, b: i64) -> Switch {
        let (mut passing, mut failing) = if self.passes(question, a) {
            (a, b)
        } else {
            (b, a)
        };
        let mut interpolate = true;
        while (failing - passing).abs() > 1 {
            let span = (failing - passing).abs();
            let towards_failing = (failing - passing).signum();
            let guess = if interpolate {
                self.interpolated(question, passing, failing)
            } else {
                passing + towards_failing * span / 2
            };
            if self.passes(question, guess) {
                passing = guess;
            } else {
                failing = guess;
            }
            // Interpolate again only while it at least halves the gap.
            interpolate = (failing - passing).abs() * 2 <= span;
        }
        Switch {
            passing: self.grid.value(passing),
            failing: self.grid.value(failing),
        }
    }

    /// Regula falsi: where the margin would cross zero if it moved in a straight line between
    /// the two points, kept strictly between them.
    fn interpolated(&mut self, question: Question, passing: i64, failing: i64) -> i64 {
        let at_passing = self.measure(passing).margin(question) - OUT_OF_POCKET_BELOW;
        let at_failing = self.measure(failing).margin(question) - OUT_OF_POCKET_BELOW;
        let span = (failing - passing).abs();
        let share = at_passing
            .checked_div(at_passing - at_failing)
            .unwrap_or(Decimal::ONE)
            .clamp(Decimal::ZERO, Decimal::ONE);
        let steps = (share * Decimal::from(span))
            .floor()
            .to_i64()
            .unwrap_or(1)
            .clamp(1, span - 1);
        passing + (failing - passing).signum() * steps
    }
}
