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

use super::base64url::{from_base64url, to_base64url};
use super::packed::{pack, unpack_answer};
use crate::proposal::MAX_FILE_BYTES;

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

/// The checker module's answer for a fragment value: the file's text or why it cannot be read,
/// packed.
pub fn decoded_answer(value: &str) -> String {
    pack(&decode_proposal(value))
}

/// What `decoded_answer` says (an answer that cannot be read says so).
pub fn from_decoded_answer(answer: &str) -> Result<String, String> {
    unpack_answer(answer).unwrap_or_else(Err)
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

    /// The checker's answer for a link reads back on the page as the file, or as the words
    /// that say why the link cannot be used.
    #[test]
    fn the_checkers_answer_for_a_link_reads_back() {
        let text = crate::proposal::presets::PRESET_FILES[0].1;
        assert_eq!(
            from_decoded_answer(&decoded_answer(&encode_proposal(text))).unwrap(),
            text
        );
        assert!(from_decoded_answer(&decoded_answer("A"))
            .unwrap_err()
            .contains("damaged"));
        assert!(from_decoded_answer("{")
            .unwrap_err()
            .starts_with("the checker's answer could not be read"));
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
