//! `checker`: the proposal-file reader, with its TOML parser and line-and-column checker, as a
//! WebAssembly module of its own. The page starts without it (the site build hands the page its
//! proposals already read) and boot.js fetches it only when a reader opens a file of their own,
//! follows a link that carries one, or downloads one: about 40% of the download is spared for
//! everyone else. Trunk builds it beside the page (index.html, `data-type="worker"`: built, not
//! started). Natively there is nothing to run: `calc check` is the command-line checker.

#[cfg(target_arch = "wasm32")]
mod module {
    use invest_to_save::codec::fragment::{decoded_answer, encode_proposal};
    use invest_to_save::proposal::assumptions;
    use invest_to_save::proposal::checked_answer;
    use wasm_bindgen::prelude::wasm_bindgen;

    /// A proposal file's text read and checked: the proposal as built, or every problem at its
    /// line and column, packed (`proposal::from_checked_answer` reads it).
    #[wasm_bindgen]
    pub fn check(text: &str) -> String {
        checked_answer(text)
    }

    /// The file's text as a link's fragment carries it (compressed, base64url).
    #[wasm_bindgen]
    pub fn encode(text: &str) -> String {
        encode_proposal(text)
    }

    /// A link fragment's file: its text, or why it cannot be read, packed
    /// (`codec::fragment::from_decoded_answer` reads it).
    #[wasm_bindgen]
    pub fn decode(value: &str) -> String {
        decoded_answer(value)
    }

    /// The text without its `[assumptions]` table, which the page then writes afresh.
    #[wasm_bindgen]
    pub fn without_assumptions(text: &str) -> String {
        assumptions::without_assumptions(text)
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("checker is the page's proposal-file module; run `calc check FILE` to check a file");
}
