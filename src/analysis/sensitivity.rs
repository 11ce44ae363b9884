//! Sensitivity: each lever alone moved down and up by a share of its value (20% unless the
//! reader says otherwise, kept within its range), and what that does to the net return and the
//! payback month, largest effect first: the table behind a tornado chart.

use rust_decimal::Decimal;

use crate::levers::{Lever, LeverValue};
use crate::model::{self, Payback, Scenario};

/// The share each lever is moved by unless the reader chooses another, in percent.
pub const DEFAULT_SWING_PERCENT: Decimal = Decimal::from_parts(20, 0, 0, false, 0);

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

/// Every lever that has a number moved by `swing_percent` of its value in `scenario`, each
/// alone, or to the low and high its proposal file gives. Not the horizon, the month to pay
/// back by or the discount rate (they change the question, not the proposal), not months (a
/// share of a date means nothing) and not a lever switched off, nor one at nought that a share
/// does not move and the file gives no low and high for.
pub fn sensitivity(levers: &[Lever], scenario: &Scenario, swing_percent: Decimal) -> Sensitivity {
    let now = model::run(scenario);
    let share = swing_percent.abs() / Decimal::ONE_HUNDRED;
    let mut rows: Vec<SensitivityRow> = levers
        .iter()
        .filter(|lever| !lever.target().frames_the_question())
        .filter_map(|lever| {
            let LeverValue::Number(value) = lever.get(scenario) else {
                return None;
            };
            // A share of nought does not move it; a file's own low and high still do.
            let own_range = lever.sensitivity_low.is_some() || lever.sensitivity_high.is_some();
            if value.is_zero() && !own_range {
                return None;
            }
            let moved = |to: Decimal| {
                let (kept, _) = lever.clamp(LeverValue::Number(to));
                let mut moved = scenario.clone();
                lever.set(&mut moved, kept);
                (kept, model::run(&moved).results)
            };
            // The proposal file's own low and high where it gives them, else the share.
            let (low, at_low) = moved(
                lever
                    .sensitivity_low
                    .unwrap_or(value * (Decimal::ONE - share)),
            );
            let (high, at_high) = moved(
                lever
                    .sensitivity_high
                    .unwrap_or(value * (Decimal::ONE + share)),
            );
            Some(SensitivityRow {
                key: lever.key.clone(),
                now: LeverValue::Number(value),
                low,
                high,
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
