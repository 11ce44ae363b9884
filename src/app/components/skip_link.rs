//! "Skip to main content": the first thing a keyboard reaches, past the masthead to the calculator.

use web_sys::HtmlElement;
use yew::prelude::*;

/// The id of the page's `<main>`.
const TARGET: &str = "main";

/// Puts the focus at the top of the calculator, so the next Tab goes on from there. Also where
/// the focus goes when what had it is removed (a dismissed notice), rather than to nowhere.
pub fn focus_main() -> bool {
    let Some(main) = gloo::utils::document().get_element_by_id(TARGET) else {
        return false;
    };
    // Focusable from script only: it is not a control, so Tab does not stop on it.
    let _ = main.set_attribute("tabindex", "-1");
    match wasm_bindgen::JsCast::dyn_into::<HtmlElement>(main) {
        Ok(main) => {
            let _ = main.focus();
            true
        }
        Err(_) => false,
    }
}

#[function_component(SkipLink)]
pub fn skip_link() -> Html {
    let onclick = Callback::from(|event: MouseEvent| {
        if focus_main() {
            event.prevent_default();
            if let Some(main) = gloo::utils::document().get_element_by_id(TARGET) {
                main.scroll_into_view();
            }
        }
    });
    html! {
        <a href={format!("#{TARGET}")} class="skip-link" id="skip-link" {onclick}>{ "Skip to main content" }</a>
    }
}
