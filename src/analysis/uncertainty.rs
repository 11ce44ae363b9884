//! How sure are we? A Monte Carlo run: every uncertain lever drawn at once from its plausible
//! range, the real model run on each draw in exact decimals, and over the draws the 10th, 50th
//! and 90th percentile of the cumulative position month by month, the chance of paying back by
//! the target month and by each financial year's end, and the spread of the net return.
//!
//! Seeded: a seed and a number of draws give the same figures on every machine. The draws use
//! only integer arithmetic and IEEE 754's correctly rounded +, -, x, / and square root, which
//! every machine does alike, and the statistics over the draws are exact (nearest-rank
//! percentiles, counts).

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

use super::random::Random;
use super::sensitivity::{plausible_range, PlausibleRange, DEFAULT_SWING_PERCENT};
use crate::levers::{Distribution, Lever, LeverValue};
use crate::model::{self, Payback, Scenario, YearMonth};

/// Enough that a chance is known to within about one percentage point (see `Chance::margin`).
pub const DEFAULT_DRAWS: usize = 10_000;
/// The most a reader may ask for: each draw is a run of the model.
pub const MAX_DRAWS: usize = 100_000;
pub const DEFAULT_SEED: u64 = 1;

/// How an uncertainty run is made: how many draws, from which seed. A link carries them
/// (`draws=`, `seed=`) when they are not the defaults, so that it gives the same figures on
/// every machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Draws {
    pub draws: usize,
    pub seed: u64,
}

impl Default for Draws {
    fn default() -> Self {
        Draws {
            draws: DEFAULT_DRAWS,
            seed: DEFAULT_SEED,
        }
    }
}

impl Draws {
    /// A draw count as a link or a command line gives it: a whole number from 1 to `MAX_DRAWS`.
    pub fn draws_from_text(text: &str) -> Result<usize, String> {
        text.trim()
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=MAX_DRAWS).contains(n))
            .ok_or(format!(
                "The number of draws must be a whole number from 1 to {}, such as 10000, not \"{}\"",
                crate::model::money::group_thousands(&MAX_DRAWS.to_string()),
                crate::wording::shorten(text)
            ))
    }

    /// A seed as a link or a command line gives it: a whole number from 0 to 2^64 - 1.
    pub fn seed_from_text(text: &str) -> Result<u64, String> {
        text.trim().parse::<u64>().map_err(|_| {
            format!(
                "The seed must be a whole number from 0 to {}, not \"{}\"",
                u64::MAX,
                crate::wording::shorten(text)
            )
        })
    }
}

/// Where a lever's plausible range comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RangeFrom {
    /// `DEFAULT_RANGE_PERCENT` either side of its value.
    Default,
    /// The proposal file's `[levers."KEY"] low` and `high`.
    File,
    /// The reader, on the page or in the link (`allocation~low=30`).
    Reader,
}

impl RangeFrom {
    /// Stable names for exports.
    pub fn name(self) -> &'static str {
        match self {
            RangeFrom::Default => "default",
            RangeFrom::File => "proposal file",
            RangeFrom::Reader => "reader",
        }
    }
}

/// A plausible range the reader set for a lever, either end or both; an end left out is the
/// file's, else the default.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReaderRange {
    /// The lever's link key.
    pub key: String,
    pub low: Option<Decimal>,
    pub high: Option<Decimal>,
}

impl ReaderRange {
    pub fn end(&self, end: RangeEnd) -> Option<Decimal> {
        match end {
            RangeEnd::Low => self.low,
            RangeEnd::High => self.high,
        }
    }

    pub fn set_end(&mut self, end: RangeEnd, value: Option<Decimal>) {
        match end {
            RangeEnd::Low => self.low = value,
            RangeEnd::High => self.high = value,
        }
    }
}

/// One end of a lever's plausible range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RangeEnd {
    Low,
    High,
}

impl RangeEnd {
    pub const BOTH: [RangeEnd; 2] = [RangeEnd::Low, RangeEnd::High];

    /// Its word in a link (`allocation~low=30`), an element's id and a sentence.
    pub fn word(self) -> &'static str {
        match self {
            RangeEnd::Low => "low",
            RangeEnd::High => "high",
        }
    }

    pub fn from_word(word: &str) -> Option<RangeEnd> {
        RangeEnd::BOTH.into_iter().find(|end| end.word() == word)
    }

    /// Which side of the likely value the end must be: "below" or "above".
    pub fn side(self) -> &'static str {
        match self {
            RangeEnd::Low => "below",
            RangeEnd::High => "above",
        }
    }

    /// Whether `value` is on the wrong side of the likely value for this end.
    pub fn is_wrong_side(self, value: Decimal, likely: Decimal) -> bool {
        match self {
            RangeEnd::Low => value > likely,
            RangeEnd::High => value < likely,
        }
    }
}

/// A lever whose proposal file gives no plausible low and high is drawn this far either side
/// of its value, in percent: the same default as the sensitivity table's.
pub const DEFAULT_RANGE_PERCENT: Decimal = DEFAULT_SWING_PERCENT;

/// A lever the run draws, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UncertainLever {
    /// The lever's link key.
    pub key: String,
    /// Low and high, with the lever's value now as the likeliest.
    pub range: PlausibleRange,
    pub distribution: Distribution,
    pub range_from: RangeFrom,
}

impl UncertainLever {
    /// A value between the ends from `unit`, a number in [0, 1): the inverse of the
    /// distribution's cumulative probability.
    fn value_at(&self, unit: f64) -> Decimal {
        let float = |d: Decimal| d.to_f64().unwrap_or(0.0);
        let (low, likely, high) = (
            float(self.range.low),
            float(self.range.now),
            float(self.range.high),
        );
        let width = high - low;
        let drawn = match self.distribution {
            Distribution::Uniform => low + unit * width,
            Distribution::Triangular => {
                let below_likely = (likely - low) / width;
                if unit < below_likely {
                    low + (unit * width * (likely - low)).sqrt()
                } else {
                    high - ((1.0 - unit) * width * (high - likely)).sqrt()
                }
            }
        };
        Decimal::from_f64_retain(drawn).unwrap_or(self.range.now)
    }
}

/// The levers the run draws: every one with a plausible range (see `plausible_range`) that is
/// more than a point, its value now inside it. Where a reader has moved a lever beyond the
/// file's low or high, the range stretches to take it in.
pub fn uncertain_levers(levers: &[Lever], scenario: &Scenario) -> Vec<UncertainLever> {
    uncertain_levers_with(levers, scenario, &[])
}

/// The same, with the ranges the reader set in place of the file's or the default.
pub fn uncertain_levers_with(
    levers: &[Lever],
    scenario: &Scenario,
    ranges: &[ReaderRange],
) -> Vec<UncertainLever> {
    levers
        .iter()
        .filter_map(|lever| {
            let set = ranges.iter().find(|range| range.key == lever.key);
            // The reader's ends stand where the file's would.
            let with_reader_ends = set.map(|set| Lever {
                sensitivity_low: set.low.or(lever.sensitivity_low),
                sensitivity_high: set.high.or(lever.sensitivity_high),
                ..lever.clone()
            });
            let lever = with_reader_ends.as_ref().unwrap_or(lever);
            let range = plausible_range(lever, scenario, DEFAULT_RANGE_PERCENT)?;
            let range_from = match (set, range.from_file) {
                (Some(_), _) => RangeFrom::Reader,
                (None, true) => RangeFrom::File,
                (None, false) => RangeFrom::Default,
            };
            let range = PlausibleRange {
                low: range.low.min(range.now),
                high: range.high.max(range.now),
                ..range
            };
            (range.low < range.high).then(|| UncertainLever {
                key: lever.key.clone(),
                range,
                distribution: lever.distribution,
                range_from,
            })
        })
        .collect()
}

/// The 10th, 50th and 90th percentile of a figure over the draws, to the penny.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Percentiles {
    pub p10: Decimal,
    pub p50: Decimal,
    pub p90: Decimal,
}

/// How many draws paid back by a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chance {
    pub month: YearMonth,
    pub paid_back: usize,
    pub draws: usize,
}

impl Chance {
    /// The share of draws that paid back, in percent, to one decimal place.
    pub fn percent(self) -> Decimal {
        if self.draws == 0 {
            return Decimal::ZERO;
        }
        (Decimal::from(self.paid_back) * Decimal::ONE_HUNDRED / Decimal::from(self.draws))
            .round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero)
    }

    /// The Monte Carlo error, in percentage points: 1.96 standard errors of a share estimated
    /// from this many draws, sqrt(p(1 - p) / n), where the true share lies 95 times in 100.
    /// Floating point, as only statistics over draws may be.
    pub fn margin(self) -> f64 {
        if self.draws == 0 {
            return 0.0;
        }
        let share = self.paid_back as f64 / self.draws as f64;
        let draws = self.draws as f64;
        let error = 1.96 * (share * (1.0 - share) / draws).sqrt() * 100.0;
        (error * 10.0).round() / 10.0
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Uncertainty {
    pub draws: usize,
    pub seed: u64,
    /// What was drawn, in the proposal's order.
    pub levers: Vec<UncertainLever>,
    /// Each month of the horizon, with its cumulative position's percentiles.
    pub months: Vec<YearMonth>,
    pub cumulative: Vec<Percentiles>,
    pub net_return: Percentiles,
    pub lowest_net_return: Decimal,
    pub highest_net_return: Decimal,
    /// The chance of paying back by the month the switching values ask about.
    pub by_target: Chance,
    /// The chance of paying back by each March within the horizon.
    pub by_year_end: Vec<Chance>,
}

/// Whether a run that paid back so had paid back by `month`.
fn paid_back_by(payback: Payback, month: YearMonth) -> bool {
    match payback {
        Payback::PaidBackIn(paid) => paid <= month,
        Payback::NeverInDeficit => true,
        Payback::NotWithinHorizon => false,
    }
}

/// A sum in whole pennies, for sorting many of them cheaply; beyond what 64 bits hold (far past
/// any council's budget) it stays at the largest or smallest.
fn pennies(amount: Decimal) -> i64 {
    (amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
        * Decimal::ONE_HUNDRED)
        .to_i64()
        .unwrap_or(if amount.is_sign_negative() {
            i64::MIN
        } else {
            i64::MAX
        })
}

/// Nearest-rank percentiles (the value at rank ceil(p/100 x n) of the sorted draws), so each
/// is a figure some draw gave.
fn percentiles(values: &mut [i64]) -> Percentiles {
    let count = values.len();
    let mut at = |percent: usize| {
        if count == 0 {
            return Decimal::ZERO;
        }
        let rank = (percent * count).div_ceil(100).max(1);
        let (_, value, _) = values.select_nth_unstable(rank - 1);
        Decimal::new(*value, 2)
    };
    Percentiles {
        p10: at(10),
        p50: at(50),
        p90: at(90),
    }
}

/// A Monte Carlo run under way: draws can be made a few at a time (the page makes them between
/// inputs) and the statistics read once all are made. Made in one go, `uncertainty` below.
#[derive(Debug, Clone, PartialEq)]
pub struct MonteCarlo {
    draws: usize,
    seed: u64,
    random: Random,
    /// The scenario each draw moves (every drawn lever is set afresh on each draw).
    moved: Scenario,
    /// What is drawn, with the place of its lever in the proposal's levers.
    drawn: Vec<(UncertainLever, usize)>,
    months: Vec<YearMonth>,
    target: YearMonth,
    year_ends: Vec<YearMonth>,
    /// Each month's cumulative position in each draw so far, in pennies.
    by_month: Vec<Vec<i64>>,
    net_returns: Vec<i64>,
    paid_back_by_target: usize,
    paid_back_by_year_end: Vec<usize>,
}

impl MonteCarlo {
    /// A run of `draws` (at most `MAX_DRAWS`) on `scenario` with each of `uncertain` drawn
    /// afresh from `seed`: each draw takes one number per lever, in the order given, and rounds
    /// the value as the lever's own box would. A lever `levers` does not hold is left out.
    pub fn new(
        levers: &[Lever],
        scenario: &Scenario,
        uncertain: &[UncertainLever],
        draws: usize,
        seed: u64,
    ) -> MonteCarlo {
        let draws = draws.min(MAX_DRAWS);
        let months: Vec<YearMonth> = scenario.months().collect();
        let year_ends = months
            .iter()
            .copied()
            .filter(|month| month.plus_months(1).financial_year() != month.financial_year())
            .collect::<Vec<_>>();
        MonteCarlo {
            draws,
            seed,
            random: Random::new(seed),
            moved: scenario.clone(),
            drawn: uncertain
                .iter()
                .filter_map(|u| Some((u.clone(), levers.iter().position(|l| l.key == u.key)?)))
                .collect(),
            by_month: vec![Vec::with_capacity(draws); months.len()],
            net_returns: Vec::with_capacity(draws),
            paid_back_by_target: 0,
            paid_back_by_year_end: vec![0; year_ends.len()],
            target: scenario.target_month(),
            months,
            year_ends,
        }
    }

    /// How many draws are made so far.
    pub fn made(&self) -> usize {
        self.net_returns.len()
    }

    pub fn is_complete(&self) -> bool {
        self.made() >= self.draws
    }

    /// Makes up to `count` more draws; false once all are made. `levers` must be the ones the
    /// run was made with.
    pub fn draw(&mut self, levers: &[Lever], count: usize) -> bool {
        for _ in 0..count.min(self.draws - self.made()) {
            for (uncertain, index) in &self.drawn {
                let value = uncertain.value_at(self.random.unit());
                if let Some(lever) = levers.get(*index) {
                    lever.set(&mut self.moved, lever.clamp(LeverValue::Number(value)).0);
                }
            }
            // Only the cumulative: the rows, years and organisations of a full run are not
            // needed here, and a draw is made 10,000 times.
            let cumulative = model::cumulative_by_month(&self.moved);
            for (values, position) in self.by_month.iter_mut().zip(&cumulative) {
                values.push(pennies(*position));
            }
            // The net return is where the cumulative ends.
            self.net_returns
                .push(pennies(cumulative.last().copied().unwrap_or_default()));
            let payback = model::payback_in(&self.months, &cumulative);
            self.paid_back_by_target += usize::from(paid_back_by(payback, self.target));
            for (count, month) in self.paid_back_by_year_end.iter_mut().zip(&self.year_ends) {
                *count += usize::from(paid_back_by(payback, *month));
            }
        }
        !self.is_complete()
    }

    /// The statistics over the draws made so far.
    pub fn result(&self) -> Uncertainty {
        let made = self.made();
        let chance = |month: YearMonth, paid_back: usize| Chance {
            month,
            paid_back,
            draws: made,
        };
        let mut net_returns = self.net_returns.clone();
        Uncertainty {
            draws: made,
            seed: self.seed,
            levers: self.drawn.iter().map(|(u, _)| u.clone()).collect(),
            months: self.months.clone(),
            cumulative: self
                .by_month
                .iter()
                .map(|values| percentiles(&mut values.clone()))
                .collect(),
            net_return: percentiles(&mut net_returns),
            lowest_net_return: Decimal::new(net_returns.iter().copied().min().unwrap_or(0), 2),
            highest_net_return: Decimal::new(net_returns.iter().copied().max().unwrap_or(0), 2),
            by_target: chance(self.target, self.paid_back_by_target),
            by_year_end: self
                .year_ends
                .iter()
                .zip(&self.paid_back_by_year_end)
                .map(|(month, count)| chance(*month, *count))
                .collect(),
        }
    }
}

/// `draws` runs of the model on `scenario` with each of `uncertain` drawn afresh from `seed`, in
/// one go (see `MonteCarlo::new`).
pub fn uncertainty(
    levers: &[Lever],
    scenario: &Scenario,
    uncertain: &[UncertainLever],
    draws: usize,
    seed: u64,
) -> Uncertainty {
    let mut run = MonteCarlo::new(levers, scenario, uncertain, draws, seed);
    run.draw(levers, draws);
    run.result()
}
