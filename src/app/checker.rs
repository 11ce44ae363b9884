//! The page's way to the proposal-file checker, a WebAssembly module of its own (src/bin/
//! checker.rs) that boot.js imports the first time it is asked for, so the page starts without a
//! TOML reader or a compressor. Every reading of a file's text, and every link fragment that
//! carries one, goes through here; what it hands back is the file as built, which the page takes
//! like the site's own proposals.

use std::rc::Rc;

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::codec::fragment::{fragment_carrying, from_decoded_answer};
use crate::model::Scenario;
use crate::proposal::assumptions::{add_assumptions, opens_at};
use crate::proposal::{from_checked_answer, Proposal, ReadFile};

use super::state::in_the_link;

#[wasm_bindgen]
extern "C" {
    /// boot.js's loader: a promise of the checker module, imported and started once.
    #[wasm_bindgen(catch, js_name = investToSaveChecker)]
    fn load_checker_module() -> Result<Promise, JsValue>;
}

const UNAVAILABLE: &str =
    "the proposal-file checker could not be loaded; check the connection and try again";

/// Calls one of the checker's functions on a text.
async fn call(function: &str, text: &str) -> Result<String, String> {
    let unavailable = |error: JsValue| {
        web_sys::console::error_1(&error);
        UNAVAILABLE.to_string()
    };
    let module = JsFuture::from(load_checker_module().map_err(unavailable)?)
        .await
        .map_err(unavailable)?;
    let exported = Reflect::get(&module, &JsValue::from_str(function))
        .map_err(unavailable)?
        .dyn_into::<Function>()
        .map_err(unavailable)?;
    exported
        .call1(&module, &JsValue::from_str(text))
        .map_err(unavailable)?
        .as_string()
        .ok_or_else(|| UNAVAILABLE.to_string())
}

/// A file's text read and checked: the proposal, or every problem at its line and column.
pub async fn read_proposal(text: &str) -> Result<Proposal, Vec<String>> {
    Ok(read(text).await?.proposal())
}

async fn read(text: &str) -> Result<ReadFile, Vec<String>> {
    from_checked_answer(&call("check", text).await.map_err(|why| vec![why])?)
}

/// A file a reader opened, read and checked, with the link fragment that will carry it.
pub async fn read_opened(text: &str) -> Result<(Proposal, Rc<str>), Vec<String>> {
    let proposal = read_proposal(text).await?;
    let value = call("encode", text).await.map_err(|why| vec![why])?;
    Ok((proposal, fragment_carrying(&value).into()))
}

/// The file a link's fragment carries (`value`, after `proposal=`), read and checked, with the
/// fragment; or why it cannot be used, as the page says it.
pub async fn read_linked(value: &str) -> Result<(Proposal, Rc<str>), Vec<String>> {
    let decoded = call("decode", value).await.map_err(|why| vec![why])?;
    let text = from_decoded_answer(&decoded).map_err(|why| vec![why])?;
    let proposal = read_proposal(&text).await.map_err(in_the_link)?;
    Ok((proposal, fragment_carrying(value).into()))
}

/// The proposal's own file with `scenario`'s assumptions as its starting values, if it reads
/// back as the same proposal opening at `scenario` (only such a file is offered).
pub async fn file_with_assumptions(
    proposal: &Proposal,
    scenario: &Scenario,
) -> Result<String, String> {
    let without = call("without_assumptions", &proposal.file_text).await?;
    let text = add_assumptions(&without, proposal, scenario);
    opens_at(read_proposal(&text).await, scenario)?;
    Ok(text)
}
