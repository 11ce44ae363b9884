//! Coordinates for the SVG the page and the downloads draw, written to one decimal place.
//!
//! The payback curve has a point a month and is written again on every input, so this is on
//! the page's update path: writing whole tenths as integers is many times cheaper in WebAssembly
//! than the float formatter (which for a fixed number of places falls back to big-number
//! arithmetic), about 0.9 ms of a 13 ms slider step at 4x CPU throttling in a profile of
//! Sandwell's 120-month curve. The text is the float formatter's, except that a value within a
//! rounding error of a half-tenth may round the other way (a twentieth of a pixel), and a small
//! negative value that rounds to nought is written "0.0", not "-0.0".

/// `value` to one decimal place: "84.0", "-3.5". A value that is not finite (never a real
/// coordinate) is drawn at "0.0" rather than writing text that is not a number.
pub fn tenths(value: f64) -> String {
    let mut text = String::with_capacity(8);
    push_tenths(&mut text, value);
    text
}

/// Appends `value` to one decimal place, as `tenths` writes it.
pub fn push_tenths(text: &mut String, value: f64) {
    // Beyond 2^53 tenths a float has no tenths to write; no drawing is that large.
    const LARGEST: f64 = 9_007_199_254_740_992.0;
    let scaled = (value * 10.0).round();
    let whole_tenths = if scaled.is_finite() && scaled.abs() <= LARGEST {
        scaled as i64
    } else {
        0
    };
    if whole_tenths < 0 {
        text.push('-');
    }
    let magnitude = whole_tenths.unsigned_abs();
    push_digits(text, magnitude / 10);
    text.push('.');
    text.push(digit(magnitude % 10));
}

fn push_digits(text: &mut String, number: u64) {
    if number >= 10 {
        push_digits(text, number / 10);
    }
    text.push(digit(number % 10));
}

/// The digit for `value`, which is below ten.
fn digit(value: u64) -> char {
    char::from(b'0' + value as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_tenths_written_out() {
        assert_eq!(tenths(84.0), "84.0");
        assert_eq!(tenths(720.0), "720.0");
        // 719.96 is 7,199.6 tenths, which rounds to 7,200: 720.0.
        assert_eq!(tenths(719.96), "720.0");
        assert_eq!(tenths(2.71), "2.7");
        assert_eq!(tenths(0.04), "0.0");
        assert_eq!(tenths(-0.06), "-0.1");
        assert_eq!(tenths(-1234.56), "-1234.6");
        assert_eq!(tenths(0.0), "0.0");
        assert_eq!(tenths(f64::NAN), "0.0");
        assert_eq!(tenths(f64::INFINITY), "0.0");
        let mut path = String::from("M");
        push_tenths(&mut path, 84.0);
        path.push(',');
        // An exact half-tenth rounds away from zero (the float formatter would write 40.2).
        push_tenths(&mut path, 40.25);
        assert_eq!(path, "M84.0,40.3");
    }
}
