//! Switching values in words, for the page's sentence under each slider, `calc` and the JSON:
//! "Pays back by March 2025 at 18.04% or more (published: 44%)".

use rust_decimal::Decimal;

use crate::levers::{Lever, LeverValue, Range, Unit};
use crate::model::Scenario;

use super::switching::{Answer, Question, Switch};

/// What the answer is to, as the start of a sentence; a repayment's funder is named as the
/// scenario names it ("The Council is repaid by December 2023").
pub fn question_words(question: Question, scenario: &Scenario) -> String {
    match question {
        Question::PaysBackBy(month) => format!("Pays back by {}", month.long_name()),
        Question::NetReturnNotNegative => "Net return is zero or more".to_string(),
        Question::RepaidBy { repayment, month } => match scenario.repayments.get(repayment) {
            Some(found) => format!("The {} is repaid by {}", found.to, month.long_name()),
            None => format!("Repaid by {}", month.long_name()),
        },
    }
}

/// The lever's values for which the answer is yes, from the scenario's value outwards: "at
/// 18.04% or more", "from £1,200 to £3,000", "across the whole range (0% to 100%)".
pub fn passing_values(lever: &Lever, answer: &Answer) -> String {
    let (more, less) = if lever.unit == Unit::Month {
        ("or later", "or earlier")
    } else {
        ("or more", "or less")
    };
    let value = |switch: Switch| lever.describe(switch.passing);
    match (answer.passes_now, answer.below, answer.above) {
        (true, None, None) => format!("across the whole range ({})", lever.range_words()),
        (true, Some(low), None) => format!("at {} {more}", value(low)),
        (true, None, Some(high)) => format!("at {} {less}", value(high)),
        (true, Some(low), Some(high)) => format!("from {} to {}", value(low), value(high)),
        (false, None, None) => format!("nowhere in its range ({})", lever.range_words()),
        (false, Some(low), None) => format!("only at {} {less}", value(low)),
        (false, None, Some(high)) => format!("only at {} {more}", value(high)),
        (false, Some(low), Some(high)) => {
            format!("only at {} {less} or at {} {more}", value(low), value(high))
        }
    }
}

/// The whole sentence: "Pays back by March 2025 at 18.04% or more (published: 44%)".
pub fn sentence(lever: &Lever, answer: &Answer, scenario: &Scenario) -> String {
    format!(
        "{} {} (published: {})",
        question_words(answer.question, scenario),
        passing_values(lever, answer),
        lever.describe(lever.published)
    )
}

/// Where the nearest switching value for paying back sits along the lever's slider, in percent
/// of its track from the low end (to two decimals), for the marker drawn under it.
pub fn marker_percent(lever: &Lever, answer: &Answer) -> Option<Decimal> {
    let switch = answer.below.or(answer.above)?;
    let (along, length) = match (lever.range, switch.passing) {
        (Range::Number { min, max, .. }, LeverValue::Number(value)) => (value - min, max - min),
        (Range::Month { earliest, latest }, LeverValue::Month(month)) => (
            Decimal::from(earliest.months_until(month)),
            Decimal::from(earliest.months_until(latest)),
        ),
        (Range::Number { .. } | Range::Month { .. }, _) => return None,
    };
    let share = along.checked_div(length)?;
    Some(
        (share * Decimal::ONE_HUNDRED)
            .round_dp(2)
            .clamp(Decimal::ZERO, Decimal::ONE_HUNDRED),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::switching::lever_switching;
    use crate::proposal::presets::presets;

    #[test]
    fn sandwell_allocation_in_words_and_on_its_track() {
        let sandwell = &presets()[0];
        let allocation = sandwell.lever("allocation").unwrap();
        let found = lever_switching(allocation, &sandwell.baseline).unwrap();
        assert_eq!(
            sentence(allocation, &found.pays_back, &sandwell.baseline),
            "Pays back by March 2025 at 17.98% or more (published: 44%)"
        );
        // 17.98 along a 0 to 100 track.
        assert_eq!(
            marker_percent(allocation, &found.pays_back),
            Some(Decimal::new(1798, 2))
        );
    }
}
