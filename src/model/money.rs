//! Money is exact decimal pounds. Rounding is a named choice made here and nowhere else.

use rust_decimal::{Decimal, RoundingStrategy};

/// The largest amount of money a proposal file or a link may hold: ten billion pounds.
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(1_410_065_408, 2, 0, false, 0);

/// Whole pounds, half away from zero: what a spreadsheet shows.
pub fn whole_pounds(amount: Decimal) -> Decimal {
    amount.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
}

/// Pounds and pence, half away from zero: the precision of exports.
pub fn pence(amount: Decimal) -> Decimal {
    let mut rounded = amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(2);
    if rounded.is_zero() {
        // Never "-0.00".
        rounded.set_sign_positive(true);
    }
    rounded
}

/// "£1,234" or "-£1,234", rounded to whole pounds.
pub fn format_pounds(amount: Decimal) -> String {
    format_money(whole_pounds(amount))
}

/// Money in a message, as written: "£1,234", "-£1,234" or "£132,166.67" (pence only where the
/// figure has them, so a figure from a file is shown as its author wrote it). Every message
/// that quotes money (the checker's problems, the print's contradictions) says it this way.
pub fn format_money(amount: Decimal) -> String {
    let pennies = pence(amount);
    let shown = if pennies.fract().is_zero() {
        pennies.trunc()
    } else {
        pennies
    };
    let digits = group_decimal(shown.abs());
    if shown.is_sign_negative() && !shown.is_zero() {
        format!("-£{digits}")
    } else {
        format!("£{digits}")
    }
}

/// "1,234" or "(1,234)": negative figures as councils print them.
pub fn format_council(amount: Decimal) -> String {
    let rounded = whole_pounds(amount);
    let digits = group_thousands(&rounded.abs().trunc().to_string());
    if rounded.is_sign_negative() && !rounded.is_zero() {
        format!("({digits})")
    } else {
        digits
    }
}

/// A count shown to one decimal place, half away from zero ("10.2", "1,234.5"): referrals and
/// cases avoided are fractional in the model.
pub fn format_quantity(quantity: Decimal) -> String {
    let mut rounded = quantity.round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(1);
    group_decimal(rounded)
}

/// A decimal with its whole part in groups of three and its fraction as it stands:
/// "-1,234.50" from -1234.50. Round (and rescale) first to choose the places shown.
pub fn group_decimal(value: Decimal) -> String {
    let text = value.abs().to_string();
    let (whole, fraction) = match text.split_once('.') {
        Some((whole, fraction)) => (whole, format!(".{fraction}")),
        None => (text.as_str(), String::new()),
    };
    let sign = if value.is_sign_negative() && !value.is_zero() {
        "-"
    } else {
        ""
    };
    format!("{sign}{}{fraction}", group_thousands(whole))
}

/// "1,234,567" from "1234567".
pub fn group_thousands(digits: &str) -> String {
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (position, character) in digits.chars().enumerate() {
        if position > 0 && (digits.len() - position) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(character);
    }
    grouped
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(text: &str) -> Decimal {
        Decimal::from_str(text).unwrap()
    }

    #[test]
    fn money_in_a_message_keeps_pence_only_where_it_has_them() {
        assert_eq!(format_money(d("30000")), "£30,000");
        assert_eq!(format_money(d("30000.00")), "£30,000");
        assert_eq!(format_money(d("132166.666")), "£132,166.67");
        assert_eq!(format_money(d("-1100000")), "-£1,100,000");
        assert_eq!(format_money(d("-0.001")), "£0");
    }

    #[test]
    fn halves_round_away_from_zero() {
        assert_eq!(whole_pounds(d("2.5")), d("3"));
        assert_eq!(whole_pounds(d("-2.5")), d("-3"));
        assert_eq!(whole_pounds(d("2083.333")), d("2083"));
        assert_eq!(pence(d("0.125")).to_string(), "0.13");
        assert_eq!(pence(d("7500")).to_string(), "7500.00");
        assert_eq!(pence(d("-0.001")).to_string(), "0.00");
    }

    #[test]
    fn figures_print_as_councils_print_them() {
        assert_eq!(format_council(d("-112500")), "(112,500)");
        assert_eq!(format_council(d("367916.6")), "367,917");
        assert_eq!(format_council(d("-0.4")), "0");
        assert_eq!(format_pounds(d("-1234567.5")), "-£1,234,568");
        assert_eq!(format_pounds(d("999")), "£999");
        assert_eq!(format_quantity(d("10.185")), "10.2");
        assert_eq!(format_quantity(d("1234")), "1,234.0");
    }
}
