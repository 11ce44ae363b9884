//! A lever's value: reading and writing it on a scenario, bringing it into range, and reading,
//! describing and refusing what a reader types or a link says.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

use crate::model::money::{format_pounds, group_decimal};
use crate::model::scenario::Scenario;

use super::parse::{bare_number, misplaced_commas, pence_text, too_big_or_small, Size};
use super::place::Slot;
use super::{number, Lever, LeverValue, Range, Unit};
use crate::wording::{lower_first, shorten};

impl Lever {
    /// The lever's value in a scenario of its proposal.
    pub fn get(&self, scenario: &Scenario) -> LeverValue {
        use LeverValue::{Month, Number, Off};
        match self.target.read(scenario) {
            Some(Slot::Number(value)) => Number(*value),
            Some(Slot::Count { value, .. }) => Number(number(*value)),
            Some(Slot::OptionalNumber(value)) => value.map_or(Off, Number),
            Some(Slot::OptionalCount { value, .. }) => value.map_or(Off, |n| Number(number(n))),
            Some(Slot::Month(month)) => Month(*month),
            Some(Slot::EveryLine {
                values,
                when_no_lines,
            }) => Number(values.first().map_or(when_no_lines, |value| **value)),
            None => Off,
        }
    }

    /// Sets the lever's value. The value must already be in range (see `clamp`); a value of the
    /// wrong kind, or "none" for a lever that cannot be switched off, is ignored.
    pub fn set(&self, scenario: &mut Scenario, value: LeverValue) {
        use LeverValue::{Month, Number, Off};
        if value == Off && !self.can_be_off {
            return;
        }
        let Some(slot) = self.target.write(scenario) else {
            return;
        };
        let count = |n: Decimal| n.trunc().to_u32().unwrap_or(0);
        match (slot, value) {
            (Slot::Number(place), Number(n)) => *place = n,
            (Slot::Count { value, least, most }, Number(n)) => *value = count(n).clamp(least, most),
            (Slot::OptionalNumber(place), Number(n)) => *place = Some(n),
            (Slot::OptionalNumber(place), Off) => *place = None,
            (Slot::OptionalCount { value, least }, Number(n)) => *value = Some(count(n).max(least)),
            (Slot::OptionalCount { value, .. }, Off) => *value = None,
            (Slot::Month(place), Month(month)) => *place = month,
            (Slot::EveryLine { values, .. }, Number(n)) => {
                for place in values {
                    *place = n;
                }
            }
            (Slot::Number(_) | Slot::Count { .. } | Slot::EveryLine { .. }, Month(_) | Off)
            | (Slot::OptionalNumber(_) | Slot::OptionalCount { .. }, Month(_))
            | (Slot::Month(_), Number(_) | Off) => {}
        }
    }

    /// Brings a value into the lever's range and precision. Returns the value and, if it had to
    /// change, why, in words.
    pub fn clamp(&self, value: LeverValue) -> (LeverValue, Option<String>) {
        match (value, self.range) {
            (LeverValue::Off, _) if self.can_be_off => (LeverValue::Off, None),
            (LeverValue::Off, _) => (
                self.published,
                Some(format!(
                    "{} cannot be switched off, so it stays at {}",
                    self.label,
                    self.describe(self.published)
                )),
            ),
            (LeverValue::Number(n), Range::Number { min, max, .. }) => {
                let places = self.decimal_places();
                let rounded =
                    n.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
                if rounded < min {
                    let kept = LeverValue::Number(min);
                    (
                        kept,
                        Some(format!(
                            "{} cannot be below {}, so it was set to {}",
                            self.label,
                            self.describe(kept),
                            self.describe(kept)
                        )),
                    )
                } else if rounded > max {
                    let kept = LeverValue::Number(max);
                    (
                        kept,
                        Some(format!(
                            "{} cannot be above {}, so it was set to {}",
                            self.label,
                            self.describe(kept),
                            self.describe(kept)
                        )),
                    )
                } else if rounded != n {
                    let kept = LeverValue::Number(rounded);
                    let precision = if places == 0 {
                        "a whole number".to_string()
                    } else {
                        format!("{places} decimal places")
                    };
                    (
                        kept,
                        Some(format!(
                            "{} is counted to {precision}, so it was set to {}",
                            self.label,
                            self.describe(kept)
                        )),
                    )
                } else {
                    (LeverValue::Number(n.normalize()), None)
                }
            }
            (LeverValue::Month(m), Range::Month { earliest, latest }) => {
                if m < earliest {
                    (
                        LeverValue::Month(earliest),
                        Some(format!(
                            "{} cannot be before {}, so it was set to {}",
                            self.label,
                            earliest.long_name(),
                            earliest.long_name()
                        )),
                    )
                } else if m > latest {
                    (
                        LeverValue::Month(latest),
                        Some(format!(
                            "{} cannot be after {}, so it was set to {}",
                            self.label,
                            latest.long_name(),
                            latest.long_name()
                        )),
                    )
                } else {
                    (value, None)
                }
            }
            _ => (
                self.published,
                Some(format!(
                    "{} needs a {}, so it stays at {}",
                    self.label,
                    if self.unit == Unit::Month {
                        "month"
                    } else {
                        "number"
                    },
                    self.describe(self.published)
                )),
            ),
        }
    }

    /// The value as written in a link: "44", "7500", "2022-07", "none".
    pub fn link_text(&self, value: LeverValue) -> String {
        match value {
            LeverValue::Number(n) => n.normalize().to_string(),
            LeverValue::Month(m) => m.to_string(),
            LeverValue::Off => "none".into(),
        }
    }

    /// The value as the page's number box shows it: money with thousands separated ("7,500"),
    /// anything else as in a link. `read` takes either form back.
    pub fn box_text(&self, value: LeverValue) -> String {
        match value {
            LeverValue::Number(n) if self.unit.is_money() => group_decimal(n.normalize()),
            LeverValue::Off => String::new(),
            other => self.link_text(other),
        }
    }

    /// The value in words: "44%", "£7,500 a month", "July 2022", "15 months", "none".
    pub fn describe(&self, value: LeverValue) -> String {
        match value {
            LeverValue::Off => "none".into(),
            LeverValue::Month(m) => m.long_name(),
            LeverValue::Number(n) => {
                if self.unit.is_money() {
                    let pounds = if n.fract().is_zero() {
                        format_pounds(n)
                    } else {
                        format!("£{}", pence_text(n))
                    };
                    match self.unit.suffix() {
                        "" => pounds,
                        suffix => format!("{pounds} {suffix}"),
                    }
                } else if self.unit == Unit::Percent {
                    format!("{}%", n.normalize())
                } else {
                    let whole = n.normalize();
                    let suffix = match (self.unit, whole == Decimal::ONE) {
                        (Unit::Months, true) => "month",
                        (Unit::Cases, true) => "case",
                        (unit, _) => unit.suffix(),
                    };
                    format!("{whole} {suffix}").trim_end().to_string()
                }
            }
        }
    }

    /// The lever's range in words: "0% to 100%", "January 2022 to December 2031".
    pub fn range_words(&self) -> String {
        match self.range {
            Range::Number { min, max, .. } => format!(
                "{} to {}",
                self.describe(LeverValue::Number(min)),
                self.describe(LeverValue::Number(max))
            ),
            Range::Month { earliest, latest } => {
                format!("{} to {}", earliest.long_name(), latest.long_name())
            }
        }
    }

    /// The value as a screen reader should say it: "44 percent", "£2,500 a year", "March 2023";
    /// a bare count says what it counts: "10 further children kept out of out-of-borough
    /// placements".
    pub fn spoken(&self, value: LeverValue) -> String {
        match value {
            LeverValue::Number(n) if self.unit == Unit::Count => {
                format!("{} {}", n.normalize(), lower_first(&self.label))
            }
            _ => self.describe(value).replace('%', " percent"),
        }
    }

    /// Reads a value strictly, as typed in a box or written in a proposal file's `[assumptions]`:
    /// one the lever cannot take is refused with a GOV.UK style message saying what to enter,
    /// rather than quietly changed as a link's would be.
    pub fn accept(&self, text: &str) -> Result<LeverValue, String> {
        let (what, example) = self.what_to_enter();
        if text.trim().is_empty() {
            return Err(format!(
                "Enter a {what} for {}, like {example}",
                lower_first(&self.label)
            ));
        }
        let value = self.read(text).map_err(|_| {
            let commas = misplaced_commas(text).filter(|_| self.unit != Unit::Month);
            format!(
                "{} must be a {what}, like {example}{}",
                self.label,
                commas.unwrap_or_default()
            )
        })?;
        self.admit(value)
    }

    /// "number" or "month", and a value to show as an example, for messages.
    fn what_to_enter(&self) -> (&'static str, String) {
        if self.unit == Unit::Month {
            ("month", "2023-02".to_string())
        } else {
            ("number", self.box_text(self.switched_on_value()))
        }
    }

    /// A value the lever can take as it is, or why not, in the words of a GOV.UK error message:
    /// outside its range, too precise, or "none" where it cannot be switched off.
    pub fn admit(&self, value: LeverValue) -> Result<LeverValue, String> {
        let (what, example) = self.what_to_enter();
        let between = || match self.range {
            Range::Number { min, max, .. } => format!(
                "{} must be between {} and {}",
                self.label,
                self.describe(LeverValue::Number(min)),
                self.describe(LeverValue::Number(max))
            ),
            Range::Month { earliest, latest } => format!(
                "{} must be between {} and {}",
                self.label,
                earliest.long_name(),
                latest.long_name()
            ),
        };
        match (value, self.range) {
            (LeverValue::Off, _) if !self.can_be_off => Err(format!(
                "{} cannot be none: enter a {what}, like {example}",
                self.label
            )),
            (LeverValue::Number(n), Range::Number { min, max, .. }) if n < min || n > max => {
                Err(between())
            }
            (LeverValue::Month(m), Range::Month { earliest, latest })
                if m < earliest || m > latest =>
            {
                Err(between())
            }
            _ => match self.clamp(value) {
                (kept, None) => Ok(kept),
                (_, Some(_)) => Err(match self.decimal_places() {
                    0 => format!("{} must be a whole number", self.label),
                    places => format!(
                        "{} can have no more than {places} decimal places",
                        self.label
                    ),
                }),
            },
        }
    }

    /// A value to turn an optional lever back on with: its published value, or the middle of its range.
    pub fn switched_on_value(&self) -> LeverValue {
        match (self.published, self.range) {
            (LeverValue::Off, Range::Number { min, max, step }) => {
                let middle = (min + max) / Decimal::TWO;
                let steps = (middle / step).round();
                LeverValue::Number((steps * step).max(min).normalize())
            }
            (published, _) => published,
        }
    }

    /// Reads a value as a person would write it: "44", "44%", "£7,500", "1e6", "2022-07", "none".
    /// Numbers too long to hold are taken as the largest (or smallest) value allowed.
    pub fn read(&self, text: &str) -> Result<LeverValue, String> {
        let trimmed = text.trim();
        if trimmed.eq_ignore_ascii_case("none") || trimmed.eq_ignore_ascii_case("off") {
            return Ok(LeverValue::Off);
        }
        if self.unit == Unit::Month {
            return trimmed.parse().map(LeverValue::Month).map_err(|_: String| {
                format!(
                    "{}: \"{}\" is not a month this calculator can use: write it as year-month, between 1990-01 and 2100-12, such as 2023-02; it stays at {}",
                    self.label,
                    shorten(trimmed),
                    self.describe(self.published)
                )
            });
        }
        let misplaced = misplaced_commas(trimmed);
        let cleaned = bare_number(trimmed).replace(',', "");
        if misplaced.is_none() {
            if let Ok(n) = cleaned
                .parse::<Decimal>()
                .or_else(|_| Decimal::from_scientific(&cleaned))
            {
                return Ok(LeverValue::Number(n));
            }
            // A number too long or too large to hold: the largest value allowed (or the smallest
            // for a negative one), or zero for one too small, so clamping can say what happened.
            if let (Some(size), Range::Number { min, max, .. }) =
                (too_big_or_small(&cleaned), self.range)
            {
                let negative = cleaned.starts_with('-');
                return Ok(LeverValue::Number(match (size, negative) {
                    (Size::Huge, false) => max + Decimal::ONE,
                    (Size::Huge, true) => min - Decimal::ONE,
                    (Size::Tiny, _) => Decimal::ZERO,
                }));
            }
        }
        Err(format!(
            "{}: \"{}\" is not a number, so it stays at {}{}",
            self.label,
            shorten(trimmed),
            self.describe(self.published),
            misplaced.unwrap_or_default()
        ))
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use crate::levers::{Lever, LeverValue};
    use crate::proposal::presets::preset;

    fn lever(proposal: &str, key: &str) -> Lever {
        let proposal = preset(proposal).expect("a shipped proposal");
        proposal
            .lever(key)
            .cloned()
            .expect("a lever of that proposal")
    }

    #[test]
    fn a_typed_value_the_lever_cannot_take_is_refused_with_what_to_enter() {
        let allocation = lever("sandwell", "allocation");
        assert_eq!(
            allocation.accept("60%"),
            Ok(LeverValue::Number(Decimal::from(60)))
        );
        assert!(allocation
            .accept("250")
            .is_err_and(|e| e.ends_with("must be between 0% and 100%")));
        assert!(allocation
            .accept("lots")
            .is_err_and(|e| e.ends_with("must be a number, like 44")));
        assert!(allocation
            .accept(" ")
            .is_err_and(|e| e.starts_with("Enter a number for ")));
        assert!(allocation
            .accept("none")
            .is_err_and(|e| e.contains("cannot be none")));
        assert_eq!(
            allocation.accept("44.5"),
            Ok(LeverValue::Number(Decimal::new(445, 1)))
        );
        let months = lever("sandwell", "council.months");
        assert_eq!(
            months.accept("1.5"),
            Err("Months the council funds the post must be a whole number".into())
        );
        assert_eq!(
            months.accept("1.555e1"),
            Err("Months the council funds the post must be a whole number".into())
        );
        let per_month = lever("sandwell", "council.per_month");
        assert!(per_month
            .accept("7500.125")
            .is_err_and(|e| e.ends_with("can have no more than 2 decimal places")));
        let cap = lever("sandwell", "cap");
        assert_eq!(cap.accept("none"), Ok(LeverValue::Off));
        assert_eq!(
            allocation.spoken(LeverValue::Number(Decimal::from(44))),
            "44 percent"
        );
        assert_eq!(
            lever("trafford", "placements.units").spoken(LeverValue::Number(Decimal::from(10))),
            "10 further children kept out of out-of-borough placements"
        );
    }
}
