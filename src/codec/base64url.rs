//! URL-safe base64 without padding (RFC 4648, section 5): how a link's fragment carries a
//! proposal file, and how the page data carries its packed proposals inside the HTML. Its
//! alphabet has no character that HTML, a URL or the site's file-name rewriting reads as
//! special.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Bytes as URL-safe base64 without padding.
pub fn to_base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let block = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, b)| acc | (u32::from(*b) << (16 - 8 * i)));
        for position in 0..=chunk.len() {
            out.push(ALPHABET[((block >> (18 - 6 * position)) & 63) as usize] as char);
        }
    }
    out
}

/// The six bits a character of the alphabet stands for.
fn sextet(character: u8) -> Option<u32> {
    let value = match character {
        b'A'..=b'Z' => character - b'A',
        b'a'..=b'z' => character - b'a' + 26,
        b'0'..=b'9' => character - b'0' + 52,
        b'-' => 62,
        b'_' => 63,
        _ => return None,
    };
    Some(u32::from(value))
}

/// The bytes a URL-safe base64 text stands for; `None` for a character outside the alphabet or
/// a length no encoding gives.
pub fn from_base64url(text: &str) -> Option<Vec<u8>> {
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        let mut block = 0u32;
        for (i, character) in chunk.iter().enumerate() {
            block |= sextet(*character)? << (18 - 6 * i);
        }
        for byte in 0..chunk.len() - 1 {
            out.push((block >> (16 - 8 * byte)) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_length() {
        for length in 0..40 {
            let bytes: Vec<u8> = (0..length).map(|i| (i * 37 + 11) as u8).collect();
            let text = to_base64url(&bytes);
            assert!(text
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_'));
            assert_eq!(from_base64url(&text).unwrap(), bytes);
        }
    }

    /// RFC 4648's examples ("Man" is "TWFu"), and every byte value through the whole alphabet.
    #[test]
    fn known_texts() {
        assert_eq!(to_base64url(b"Man"), "TWFu");
        assert_eq!(to_base64url(b"Ma"), "TWE");
        assert_eq!(to_base64url(b"M"), "TQ");
        assert_eq!(to_base64url(&[0xfb, 0xff]), "-_8");
        let every: Vec<u8> = (0..=255).collect();
        assert_eq!(from_base64url(&to_base64url(&every)).unwrap(), every);
    }

    #[test]
    fn what_no_encoding_gives_is_refused() {
        for damaged in ["A", "AAAAA", "TW+u", "TW/u", "TW=u", "TWF u", "é"] {
            assert_eq!(from_base64url(damaged), None, "{damaged}");
        }
    }
}
