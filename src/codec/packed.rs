//! The packed form in which the site build and the proposal-file checker hand the page what they
//! built: bincode, written as printable text (`codec::printable`) so that it can sit inside the
//! page's HTML (or travel as a string from the checker's module). Reading it takes about 20 KB
//! of the page's WebAssembly where serde_json took 60 (docs/size.md); numbers travel as their
//! exact text (rust_decimal's `serde-str`), places and all.
//!
//! Packed data is not self-describing: whoever writes it and the page must be built from the
//! same code, which the site's content-hashed file names guarantee (a new page never runs an old
//! module). The page trusts what its own site build checked, so data damaged on the way (a page
//! cut short, an edit by hand) must never be read as another proposal: the bytes end with their
//! FNV-1a hash, which must match, every length is checked against what is there, and bytes left
//! over are an error. Each is refused with a message, never a panic.

use bincode::Options;
use serde::de::DeserializeOwned;
use serde::Serialize;

use super::hash::fnv1a;
use super::printable::{from_printable, to_printable};

/// bincode's settings, the same on both sides: small integers in one byte, and no bytes left
/// over.
fn settings() -> impl Options {
    bincode::DefaultOptions::new()
        .with_varint_encoding()
        .reject_trailing_bytes()
}

/// Bytes of the seal at the end: the FNV-1a hash of what comes before, little-endian.
const SEAL_BYTES: usize = 8;

/// `value`, packed as printable text.
pub fn pack<T: Serialize>(value: &T) -> String {
    // Serialising into memory fails only for a type serde cannot write (a map with a key bincode
    // cannot size); the tests pack every type handed on, so an empty text is never written.
    sealed(settings().serialize(value).unwrap_or_default())
}

fn sealed(mut bytes: Vec<u8>) -> String {
    bytes.extend_from_slice(&fnv1a(&bytes).to_le_bytes());
    to_printable(&bytes)
}

/// The value `text` carries, or why it cannot be read (in words, naming what was expected).
pub fn unpack<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    let bytes = from_printable(text)
        .ok_or("it is not in the packed form (it has a character the form never writes)")?;
    let (payload, seal) = bytes
        .split_at_checked(bytes.len().saturating_sub(SEAL_BYTES))
        .filter(|(_, seal)| seal.len() == SEAL_BYTES)
        .ok_or("it is cut short")?;
    if seal != fnv1a(payload).to_le_bytes() {
        return Err(
            "it has been changed or cut short since it was written (its seal does not match)"
                .into(),
        );
    }
    // No length in the data can ask for more than the data holds.
    let limit = payload.len() as u64;
    settings()
        .with_limit(limit)
        .deserialize(payload)
        .map_err(|error| format!("it does not hold what was expected ({error})"))
}

/// What the checker module answered (`check`, `decode`), or why its answer cannot be read.
pub fn unpack_answer<T: DeserializeOwned>(answer: &str) -> Result<T, String> {
    unpack(answer).map_err(|why| format!("the checker's answer could not be read: {why}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;
    use serde::Deserialize;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    enum Shape {
        Dot,
        Line { length: Decimal },
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Sample {
        name: String,
        amounts: Vec<Decimal>,
        shapes: Vec<Shape>,
        month: Option<u16>,
        open: bool,
    }

    fn sample() -> Sample {
        Sample {
            name: "Sandwell </script>".into(),
            amounts: vec!["33333.30".parse().unwrap(), "-0.5".parse().unwrap()],
            shapes: vec![
                Shape::Dot,
                Shape::Line {
                    length: Decimal::ONE,
                },
            ],
            month: Some(39),
            open: true,
        }
    }

    /// A value comes back as it went, each number with its places ("33333.30" keeps its nought,
    /// which `==` on a Decimal would not notice, so the text is compared).
    #[test]
    fn a_value_comes_back_with_its_places() {
        let back: Sample = unpack(&pack(&sample())).unwrap();
        assert_eq!(back, sample());
        assert_eq!(back.amounts[0].to_string(), "33333.30");
    }

    /// The packed text is safe inside an HTML element: a name with `</script>` in it cannot
    /// end the element.
    #[test]
    fn the_text_cannot_end_its_element() {
        let packed = pack(&sample());
        assert!(!packed.contains('<') && !packed.contains('&'), "{packed}");
        assert!(packed.contains("Sandwell"), "text stays readable: {packed}");
    }

    /// Cut short, with a letter changed, or not packed at all: refused with a message, never
    /// read as another value and never a panic.
    #[test]
    fn damaged_data_is_refused_in_words() {
        let packed = pack(&sample());
        // Cut where no escape is split, so that the seal is what notices.
        let cut = packed.len() / 2 + packed[packed.len() / 2..].find('~').unwrap();
        let changed = packed.replacen("Sandwell", "Sandwelk", 1);
        for (damaged, expected) in [
            (&packed[..cut], "it has been changed or cut short"),
            (&changed[..], "it has been changed or cut short"),
            (&packed[..packed.len() - 1], "it is not in the packed form"),
            ("abc", "it is cut short"),
            ("", "it is cut short"),
            ("{\"name\":\"x\"}", "it is not in the packed form"),
        ] {
            let error = unpack::<Sample>(damaged).unwrap_err();
            assert!(error.starts_with(expected), "{damaged}: {error}");
        }
    }

    /// Sealed as it should be, but not what was expected: bytes left over, or a length that
    /// claims more than the data holds (here four billion names), refused before anything that
    /// size is made. Only a writer built from other code could send these.
    #[test]
    fn well_sealed_nonsense_is_refused() {
        let mut extra = settings().serialize(&sample()).unwrap();
        extra.push(0);
        let mut huge = vec![252u8, 0xff, 0xff, 0xff, 0xff];
        huge.extend_from_slice(b"x");
        for damaged in [sealed(extra), sealed(huge)] {
            assert!(unpack::<Sample>(&damaged)
                .unwrap_err()
                .starts_with("it does not hold what was expected"));
        }
        assert!(
            unpack::<Vec<String>>(&sealed(vec![252u8, 0xff, 0xff, 0xff, 0xff, b'x']))
                .unwrap_err()
                .starts_with("it does not hold what was expected")
        );
    }
}
