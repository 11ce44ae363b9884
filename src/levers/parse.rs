//! Numbers as people write them: pound signs, percent signs and thousands commas taken off, and
//! numbers too large or small for a decimal told apart from text that is not a number at all.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::model::money::group_decimal;

/// A number as a person writes it, without the pound sign, percent sign, underscores and spaces
/// it may carry. Its commas are kept, to be checked.
pub(super) fn bare_number(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '£' | '%' | '_' | ' '))
        .collect()
}

/// What to add to the message for a number whose commas do not group its whole part in
/// thousands ("1,5", "12,34", "1,,000", "1.5,0"); nothing when they do ("7,500",
/// "£1,234,567.5") or there are none. `1,5` could mean either, so it is read as neither.
pub(super) fn misplaced_commas(text: &str) -> Option<&'static str> {
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

pub(super) enum Size {
    Huge,
    Tiny,
}

/// Whether text is a well-formed number (digits, one point, an optional exponent) that a
/// decimal cannot hold, and which way it overflows.
pub(super) fn too_big_or_small(text: &str) -> Option<Size> {
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

pub(super) fn pence_text(amount: Decimal) -> String {
    let mut rounded = amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(2);
    group_decimal(rounded)
}
