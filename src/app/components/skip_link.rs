//! "Skip to main content": the first thing a keyboard reaches, past the masthead to the calculator.

use web_sys::HtmlElement;
use yew::prelude::*;

/// The id of the page's `<main>`.
const TARGET: &str = "main";

#[function_component(SkipLink)]
pub fn skip_link() -> Html {
    let onclick = Callback::from(|event: MouseEvent| {
        let Some(main) = gloo::utils::document().get_element_by_id(TARGET) else {
            return;
        };
        event.prevent_default();
        // Focusable from script only, so the next Tab goes on from the top of the calculator.
        let _ = main.set_attribute("tabindex", "-1");
        if let Ok(main) = wasm_bindgen::JsCast::dyn_into::<HtmlElement>(main) {
            let _ = main.focus();
            main.scroll_into_view();
        }
    });
    html! {
        <a href={format!("#{TARGET}")} class="skip-link" id="skip-link" {onclick}>{ "Skip to main content" }</a>
    }
}
