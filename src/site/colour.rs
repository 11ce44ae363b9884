//! Colours a council sets for its site, checked before they reach a stylesheet: only `#rgb` or
//! `#rrggbb` (nothing that could smuggle CSS in), and enough contrast to stay readable (WCAG 2.2
//! AA asks 4.5:1 for text).

/// An sRGB colour from a site file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colour {
    pub red: u8,
    pub green: u8,
    pub blue: u8,
}

/// The contrast WCAG 2.2 AA asks of body text against its background.
pub const MIN_TEXT_CONTRAST: f64 = 4.5;

impl Colour {
    pub const WHITE: Colour = Colour {
        red: 255,
        green: 255,
        blue: 255,
    };
    pub const NEAR_BLACK: Colour = Colour {
        red: 0x0b,
        green: 0x0c,
        blue: 0x0c,
    };

    /// Reads `#1d70b8` or `#fd0`.
    pub fn parse(text: &str) -> Result<Colour, String> {
        let trimmed = text.trim();
        let digits = trimmed.strip_prefix('#').unwrap_or("");
        let nibbles: Vec<u8> = digits
            .chars()
            .map(|c| c.to_digit(16).map(|d| d as u8))
            .collect::<Option<_>>()
            .unwrap_or_default();
        let channels = match (nibbles.len(), digits.len()) {
            (3, 3) => [nibbles[0] * 17, nibbles[1] * 17, nibbles[2] * 17],
            (6, 6) => [
                nibbles[0] * 16 + nibbles[1],
                nibbles[2] * 16 + nibbles[3],
                nibbles[4] * 16 + nibbles[5],
            ],
            _ => {
                return Err(format!(
                    "\"{}\" is not a colour this page can use: write it as # and six hexadecimal digits, such as \"#1d70b8\"",
                    crate::wording::shorten(trimmed)
                ))
            }
        };
        Ok(Colour {
            red: channels[0],
            green: channels[1],
            blue: channels[2],
        })
    }

    /// `#1d70b8`, lower case.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.red, self.green, self.blue)
    }

    /// Relative luminance, as WCAG defines it.
    fn luminance(self) -> f64 {
        let linear = |channel: u8| {
            let value = f64::from(channel) / 255.0;
            if value <= 0.04045 {
                value / 12.92
            } else {
                ((value + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(self.red) + 0.7152 * linear(self.green) + 0.0722 * linear(self.blue)
    }

    /// The contrast ratio between two colours, from 1 (none) to 21 (black on white).
    pub fn contrast(self, other: Colour) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        let (light, dark) = if a > b { (a, b) } else { (b, a) };
        (light + 0.05) / (dark + 0.05)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_long_and_short_forms() {
        assert_eq!(Colour::parse("#1D70B8").unwrap().hex(), "#1d70b8");
        assert_eq!(Colour::parse(" #fd0 ").unwrap().hex(), "#ffdd00");
    }

    #[test]
    fn refuses_anything_else() {
        for text in [
            "1d70b8",
            "#1d70b",
            "red",
            "#12345g",
            "#fff;}body{x",
            "",
            "#ééé",
        ] {
            assert!(Colour::parse(text).is_err(), "{text}");
        }
    }

    #[test]
    fn contrast_matches_wcag_examples() {
        let white = Colour::WHITE;
        assert!((Colour::parse("#000").unwrap().contrast(white) - 21.0).abs() < 1e-9);
        // GOV.UK's link blue on white is 5.17:1.
        let blue = Colour::parse("#1d70b8").unwrap().contrast(white);
        assert!((blue - 5.17).abs() < 0.01, "{blue}");
        assert!(Colour::parse("#ffdd00").unwrap().contrast(white) < MIN_TEXT_CONTRAST);
    }
}
