//! What was corrected in the link the page opened with: visible, plain, and dismissible.

use yew::prelude::*;

use super::skip_link::focus_main;
use crate::codec::Notice;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub notices: Vec<Notice>,
    pub on_dismiss: Callback<()>,
}

#[function_component(Notices)]
pub fn notices(props: &NoticesProps) -> Html {
    if props.notices.is_empty() {
        return html! {};
    }
    // The button goes with the notice: the focus goes to the top of the calculator, not nowhere.
    let on_dismiss = props.on_dismiss.reform(|_: MouseEvent| {
        focus_main();
    });
    html! {
        <div class="notice" role="alert" aria-labelledby="notice-heading" id="link-notice">
            <h2 id="notice-heading">{ "We corrected the link you opened" }</h2>
            <p>{ "The calculator opened with these changes; everything else is as the link gave it." }</p>
            <ul>
                { for props.notices.iter().map(|n| html! { <li>{ &n.message }</li> }) }
            </ul>
            <button type="button" class="button button--secondary" id="dismiss-notice" onclick={on_dismiss}>{ "Dismiss" }</button>
        </div>
    }
}
