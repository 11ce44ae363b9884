//! Fetches the proposals a site publishes in its `proposals/` folder (see
//! `crate::proposal::catalogue`). A site without the folder simply has none.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::proposal::catalogue::read_catalogue;
use crate::proposal::{parse_proposal, Proposal};

/// The text of a file beside the page, or `None` if there is none.
async fn fetch_text(path: &str) -> Option<String> {
    let window = web_sys::window()?;
    let response = JsFuture::from(window.fetch_with_str(path)).await.ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}

/// The site's own proposals, and a message for each one that could not be used.
pub async fn load(shipped: &[Proposal]) -> (Vec<Proposal>, Vec<String>) {
    let Some(catalogue) = fetch_text("proposals/catalogue.txt").await else {
        return (Vec::new(), Vec::new());
    };
    let (names, mut problems) = read_catalogue(&catalogue);
    let mut proposals: Vec<Proposal> = Vec::new();
    for name in names {
        let Some(text) = fetch_text(&format!("proposals/{name}")).await else {
            problems.push(format!(
                "proposals/{name} is listed in the catalogue but could not be found."
            ));
            continue;
        };
        match parse_proposal(&text) {
            Ok(proposal) if shipped.iter().chain(&proposals).any(|p| p.id == proposal.id) => problems.push(format!(
                "proposals/{name}: another proposal already has the id \"{}\"; give this one its own id.",
                proposal.id
            )),
            Ok(proposal) => proposals.push(proposal),
            Err(error) => problems.push(format!("proposals/{name}: {error}")),
        }
    }
    (proposals, problems)
}
