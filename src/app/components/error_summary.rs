//! The GOV.UK error summary: "There is a problem", with a link to each box whose typed value was
//! refused. It takes the focus when a new problem appears, so a screen reader hears it at once.

use std::rc::Rc;

use web_sys::{Element, HtmlElement};
use yew::prelude::*;

/// The values typed but refused, by lever key, in the order they were refused.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TypedErrors {
    /// (lever key, message).
    pub list: Vec<(String, String)>,
    /// Counts refusals, so the summary takes the focus again for each new one.
    pub refusals: u32,
}

pub enum ErrorsAction {
    /// A box's value was refused (`Some(message)`) or accepted (`None`).
    Set(String, Option<String>),
    Clear,
}

impl Reducible for TypedErrors {
    type Action = ErrorsAction;

    fn reduce(self: Rc<Self>, action: ErrorsAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            ErrorsAction::Set(key, message) => {
                let had = next.list.iter().position(|(k, _)| *k == key);
                match (had, message) {
                    (None, None) => return self,
                    (Some(index), None) => {
                        next.list.remove(index);
                    }
                    (Some(index), Some(message)) => {
                        next.list[index].1 = message;
                        next.refusals += 1;
                    }
                    (None, Some(message)) => {
                        next.list.push((key, message));
                        next.refusals += 1;
                    }
                }
            }
            ErrorsAction::Clear if next.list.is_empty() => return self,
            ErrorsAction::Clear => next.list.clear(),
        }
        Rc::new(next)
    }
}

impl TypedErrors {
    pub fn message(&self, key: &str) -> Option<AttrValue> {
        self.list
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, message)| AttrValue::from(message.clone()))
    }
}

/// The id of a lever's number (or month) box, which the summary's links go to.
pub fn box_id(key: &str) -> String {
    format!("lever-{}", key.replace('.', "-"))
}

/// Opens any closed section around an element, then focuses it and brings its label into view.
pub fn reveal_and_focus(id: &str) {
    let Some(element) = gloo::utils::document().get_element_by_id(id) else {
        return;
    };
    let mut parent = element.parent_element();
    while let Some(ancestor) = parent {
        if ancestor.tag_name().eq_ignore_ascii_case("details") {
            let _ = ancestor.set_attribute("open", "");
        }
        parent = ancestor.parent_element();
    }
    // The whole assumption (label, hint, message) comes into view, not just the box.
    let lever: Option<Element> = element.closest(".lever").ok().flatten();
    if let Ok(input) = wasm_bindgen::JsCast::dyn_into::<HtmlElement>(element) {
        let _ = input.focus();
    }
    if let Some(lever) = lever {
        lever.scroll_into_view();
    }
}

#[derive(Properties, PartialEq)]
pub struct ErrorSummaryProps {
    pub errors: TypedErrors,
}

#[function_component(ErrorSummary)]
pub fn error_summary(props: &ErrorSummaryProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(props.errors.refusals, move |_| {
            if let Some(summary) = node.cast::<HtmlElement>() {
                let _ = summary.focus();
            }
            || ()
        });
    }
    if props.errors.list.is_empty() {
        return html! {};
    }
    html! {
        <div class="error-summary" id="error-summary" tabindex="-1" ref={node}>
            <div role="alert">
                <h2 class="error-summary__title" id="error-summary-title">{ "There is a problem" }</h2>
                <ul class="error-summary__list">
                    { for props.errors.list.iter().map(|(key, message)| {
                        let id = box_id(key);
                        let onclick = {
                            let id = id.clone();
                            Callback::from(move |event: MouseEvent| {
                                event.prevent_default();
                                reveal_and_focus(&id);
                            })
                        };
                        html! { <li><a href={format!("#{id}")} {onclick}>{ message }</a></li> }
                    }) }
                </ul>
            </div>
        </div>
    }
}
