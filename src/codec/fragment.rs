//! A proposal file carried in a link: `#proposal=` then the file deflated and written in
//! URL-safe base64. The fragment never reaches a server, so a proposal opened from a file can be
//! shared without being published anywhere.

use miniz_oxide::deflate::compress_to_vec;
use miniz_oxide::inflate::{decompress_to_vec_with_limit, TINFLStatus};

/// The fragment's key: `#proposal=...`.
pub const FRAGMENT_KEY: &str = "proposal";

/// The longest link the page offers to share. Browsers take far longer ones, but e-mail, chat
/// and content systems cut or refuse links beyond a few thousand characters.
pub const MAX_LINK_CHARS: usize = 8_000;

use crate::proposal::MAX_FILE_BYTES;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Bytes in URL-safe base64 without padding, as the fragment writes them.
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

fn from_base64url(text: &str) -> Option<Vec<u8>> {
    let values: Vec<u32> = text
        .bytes()
        .map(|c| ALPHABET.iter().position(|a| *a == c).map(|p| p as u32))
        .collect::<Option<_>>()?;
    if values.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(values.len() * 3 / 4);
    for chunk in values.chunks(4) {
        let block = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, v)| acc | (v << (18 - 6 * i)));
        for byte in 0..chunk.len() - 1 {
            out.push((block >> (16 - 8 * byte)) as u8);
        }
    }
    Some(out)
}

/// The fragment's value for a proposal file's text.
pub fn encode_proposal(text: &str) -> String {
    to_base64url(&compress_to_vec(text.as_bytes(), 9))
}

/// The proposal file a fragment value carries, or why it cannot be read.
pub fn decode_proposal(value: &str) -> Result<String, String> {
    let broken = "The proposal in this link is damaged (the link may have been cut short when it was copied); ask the sender for the file itself.";
    let packed = from_base64url(value.trim()).ok_or(broken)?;
    // Unpacked with a hard limit: a link of a few characters can unpack to gigabytes.
    let bytes = decompress_to_vec_with_limit(&packed, MAX_FILE_BYTES).map_err(|error| {
        match error.status {
            TINFLStatus::HasMoreOutput => format!(
                "The proposal in this link unpacks to more than {} KB, more than any proposal file may be, so it was not opened.",
                MAX_FILE_BYTES / 1024
            ),
            _ => broken.to_string(),
        }
    })?;
    String::from_utf8(bytes).map_err(|_| broken.to_string())
}

/// The fragment (without `#`) that carries an encoded proposal file: `proposal=...`.
pub fn fragment_carrying(value: &str) -> String {
    format!("{FRAGMENT_KEY}={value}")
}

/// The proposal carried in a URL fragment (`proposal=...`, with or without `#`), if any.
pub fn proposal_in_fragment(fragment: &str) -> Option<&str> {
    fragment
        .trim_start_matches('#')
        .split('&')
        .find_map(|pair| pair.strip_prefix(FRAGMENT_KEY)?.strip_prefix('='))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_round_trips_every_length() {
        for length in 0..40 {
            let bytes: Vec<u8> = (0..length).map(|i| (i * 37 + 11) as u8).collect();
            let text = to_base64url(&bytes);
            assert!(text
                .bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_'));
            assert_eq!(from_base64url(&text).unwrap(), bytes);
        }
        assert_eq!(to_base64url(b"Man"), "TWFu");
        assert_eq!(to_base64url(b"Ma"), "TWE");
    }

    #[test]
    fn a_proposal_file_travels_and_comes_back() {
        let text = crate::proposal::presets::PRESET_FILES[1].1;
        let value = encode_proposal(text);
        assert!(
            value.len() < text.len(),
            "compressed: {} of {}",
            value.len(),
            text.len()
        );
        assert_eq!(decode_proposal(&value).unwrap(), text);
        assert_eq!(
            proposal_in_fragment(&format!("#proposal={value}")),
            Some(value.as_str())
        );
        assert_eq!(proposal_in_fragment("#other=1"), None);
    }

    #[test]
    fn damaged_links_are_refused_in_words() {
        let value = encode_proposal("format = 1\n");
        for damaged in ["%%%", "A", &value[..value.len() - 3], "AAAA", "TWFu"] {
            let error = decode_proposal(damaged).unwrap_err();
            assert!(error.contains("damaged"), "{damaged}: {error}");
        }
    }
}
