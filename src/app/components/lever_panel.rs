//! The proposal's assumptions: the main ones first, the rest under "More assumptions". Values
//! typed but refused are gathered here for the error summary at the top of the panel.

use yew::prelude::*;

use super::error_summary::{ErrorSummary, ErrorsAction, TypedErrors};
use super::lever_control::{LeverControl, SLIDER_INSTRUCTIONS_ID};
use crate::levers::{Lever, LeverValue};
use crate::model::Scenario;

#[derive(Properties, PartialEq)]
pub struct LeverPanelProps {
    /// The proposal's levers, shared with it (compared by address when the page redraws).
    pub levers: std::sync::Arc<[Lever]>,
    pub scenario: Scenario,
    pub on_change: Callback<(String, LeverValue)>,
    pub on_reset: Callback<()>,
    pub is_published: bool,
    /// "published" or "example": what the starting values are.
    pub starting_word: AttrValue,
}

#[function_component(LeverPanel)]
pub fn lever_panel(props: &LeverPanelProps) -> Html {
    let errors = use_reducer(TypedErrors::default);
    {
        // Another proposal's assumptions: the refusals were about boxes that are gone.
        let errors = errors.dispatcher();
        let keys: Vec<String> = props.levers.iter().map(|l| l.key.clone()).collect();
        use_effect_with(keys, move |_| {
            errors.dispatch(ErrorsAction::Clear);
            || ()
        });
    }
    let on_error = {
        let errors = errors.dispatcher();
        Callback::from(move |(key, message): (String, Option<String>)| {
            errors.dispatch(ErrorsAction::Set(key, message))
        })
    };
    let control = |lever: &Lever| {
        html! {
            <LeverControl key={lever.key.clone()} lever={lever.clone()}
                value={lever.get(&props.scenario)} on_change={props.on_change.clone()}
                starting_word={props.starting_word.clone()}
                error={errors.message(&lever.key)} on_error={on_error.clone()} />
        }
    };
    let main: Html = props
        .levers
        .iter()
        .filter(|l| !l.more)
        .map(control)
        .collect();
    let more: Vec<&Lever> = props.levers.iter().filter(|l| l.more).collect();
    let changed_in_more = more
        .iter()
        .filter(|l| l.get(&props.scenario) != l.published)
        .count();
    let refused_in_more = more.iter().any(|l| errors.message(&l.key).is_some());
    let on_reset = {
        let errors = errors.dispatcher();
        props.on_reset.reform(move |_: MouseEvent| {
            errors.dispatch(ErrorsAction::Clear);
        })
    };
    html! {
        <section class="assumptions" id="assumptions" aria-labelledby="assumptions-heading">
            <ErrorSummary errors={(*errors).clone()} />
            <div class="section-heading">
                <h2 id="assumptions-heading">{ "Assumptions" }</h2>
                <button type="button" class="link-button" id="reset" onclick={on_reset} disabled={props.is_published}>
                    { if props.is_published {
                        format!("These are the {} assumptions", props.starting_word)
                    } else {
                        format!("Reset to the {} assumptions", props.starting_word)
                    } }
                </button>
            </div>
            <p class="assumptions__instructions" id={SLIDER_INSTRUCTIONS_ID}>
                { "Move a slider with the arrow keys (Page Up and Page Down take bigger steps, Home and End go to the ends), or type a value in its box and press Enter." }
            </p>
            { main }
            if !more.is_empty() {
                <details class="more-assumptions" open={changed_in_more > 0 || refused_in_more}>
                    <summary>
                        { "More assumptions" }
                        if changed_in_more > 0 { { format!(" ({changed_in_more} changed)") } }
                    </summary>
                    { more.into_iter().map(control).collect::<Html>() }
                </details>
            }
        </section>
    }
}
