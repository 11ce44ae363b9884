//! Sensitivity: each lever alone moved down and up by a share of its value (20% unless the
//! reader says otherwise, kept within its range), and what that does to the net return and the
//! payback month, largest effect first: the table behind a tornado chart.

use rust_decimal::Decimal;

use crate::levers::{Lever, LeverValue};
use crate::model::{self, Payback, Scenario};

/// The share each lever is moved by unless the reader chooses another, in percent.
pub const DEFAULT_SWING_PERCENT: Decimal = Decimal::from_parts(20, 0, 0, false, 0);

/// How far a lever may plausibly move: the low and high its proposal file gives, or a share of
/// its value either side, kept within its range. Both the sensitivity table and the uncertainty
/// run take their ends from here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlausibleRange {
    pub low: Decimal,
    pub now: Decimal,
    pub high: Decimal,
    /// Whether the ends are the proposal file's own (`[levers."KEY"] low` and `high`).
    pub from_file: bool,
}

/// The lever's plausible range around its value in `scenario`: `share_percent` of its value
/// either side unless the proposal file gives its own low and high. None for the levers that
/// frame the question (the horizon, the month to pay back by, the discount rate), the terms of a
/// repayment between organisations (they never change the proposal's figures), months (a
/// share of a date means nothing), a lever switched off, and one at nought that a share does not
/// move and the file gives no ends for.
pub fn plausible_range(
    lever: &Lever,
    scenario: &Scenario,
    share_percent: Decimal,
) -> Option<PlausibleRange> {
    // Repayment terms never change the proposal's net return or payback: nothing to show.
    if lever.target().frames_the_question() || lever.target().is_repayment_term() {
        return None;
    }
    let LeverValue::Number(now) = lever.get(scenario) else {
        return None;
    };
    let from_file = lever.sensitivity_low.is_some() || lever.sensitivity_high.is_some();
    if now.is_zero() && !from_file {
        return None;
    }
    let share = share_percent.abs() / Decimal::ONE_HUNDRED;
    let kept = |to: Decimal| match lever.clamp(LeverValue::Number(to)).0 {
        LeverValue::Number(kept) => kept,
        // A number is never clamped to "off"; the value now is the safe answer if it were.
        LeverValue::Off | LeverValue::Month(_) => now,
    };
    // The share either side of the value now, lower end first: for a negative value (a cost
    // written as a negative saving) the share below is the larger cost.
    let (less, more) = (now * (Decimal::ONE - share), now * (Decimal::ONE + share));
    Some(PlausibleRange {
        low: kept(lever.sensitivity_low.unwrap_or(less.min(more))),
        now,
        high: kept(lever.sensitivity_high.unwrap_or(less.max(more))),
        from_file,
    })
}

/// One lever moved down and up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SensitivityRow {
    /// The lever's link key.
    pub key: String,
    pub now: LeverValue,
    pub low: LeverValue,
    pub high: LeverValue,
    pub net_return_at_low: Decimal,
    pub net_return_at_high: Decimal,
    pub payback_at_low: Payback,
    pub payback_at_high: Payback,
}

impl SensitivityRow {
    /// How far the net return moves between the low and the high value: the bar's length.
    pub fn swing(&self) -> Decimal {
        (self.net_return_at_high - self.net_return_at_low).abs()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sensitivity {
    /// How far each lever is moved, in percent of its value now.
    pub swing_percent: Decimal,
    pub net_return_now: Decimal,
    pub payback_now: Payback,
    /// Largest swing in net return first; levers of equal swing in the proposal's order.
    pub rows: Vec<SensitivityRow>,
}

/// Every lever with a plausible range (see `plausible_range`) moved alone to each end of it:
/// `swing_percent` of its value either side, or the low and high its proposal file gives.
pub fn sensitivity(levers: &[Lever], scenario: &Scenario, swing_percent: Decimal) -> Sensitivity {
    let now = model::run(scenario);
    let mut rows: Vec<SensitivityRow> = levers
        .iter()
        .filter_map(|lever| {
            let range = plausible_range(lever, scenario, swing_percent)?;
            let moved = |to: Decimal| {
                let mut moved = scenario.clone();
                lever.set(&mut moved, LeverValue::Number(to));
                model::run(&moved).results
            };
            let (at_low, at_high) = (moved(range.low), moved(range.high));
            Some(SensitivityRow {
                key: lever.key.clone(),
                now: LeverValue::Number(range.now),
                low: LeverValue::Number(range.low),
                high: LeverValue::Number(range.high),
                net_return_at_low: at_low.net_return,
                net_return_at_high: at_high.net_return,
                payback_at_low: at_low.payback,
                payback_at_high: at_high.payback,
            })
        })
        .collect();
    // A stable sort keeps the proposal's order among equal swings.
    rows.sort_by_key(|row| std::cmp::Reverse(row.swing()));
    Sensitivity {
        swing_percent: swing_percent.abs(),
        net_return_now: now.results.net_return,
        payback_now: now.results.payback,
        rows,
    }
}

/// The smallest and largest swing a reader may ask for, in percent.
pub const MIN_SWING_PERCENT: Decimal = Decimal::ONE;
pub const MAX_SWING_PERCENT: Decimal = Decimal::ONE_HUNDRED;

/// A swing the reader typed ("20", " 12.5 ", "15%"), or why it cannot be used.
pub fn swing_percent_from_text(text: &str) -> Result<Decimal, String> {
    let refused = || {
        format!(
            "Enter how far to move each assumption as a percentage from {MIN_SWING_PERCENT} to {MAX_SWING_PERCENT}, for example 20."
        )
    };
    let digits = text.trim().trim_end_matches('%').trim_end();
    let swing: Decimal = digits.parse().map_err(|_| refused())?;
    if (MIN_SWING_PERCENT..=MAX_SWING_PERCENT).contains(&swing) {
        Ok(swing.normalize())
    } else {
        Err(refused())
    }
}
