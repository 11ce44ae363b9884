//! The proposal's assumptions: the main ones first, the rest under "More assumptions".

use yew::prelude::*;

use super::lever_control::LeverControl;
use crate::codec::{Lever, LeverValue};
use crate::model::Scenario;

#[derive(Properties, PartialEq)]
pub struct LeverPanelProps {
    pub levers: Vec<Lever>,
    pub scenario: Scenario,
    pub on_change: Callback<(String, LeverValue)>,
    pub on_reset: Callback<()>,
    pub is_published: bool,
    /// "published" or "example": what the starting values are.
    pub starting_word: AttrValue,
}

#[function_component(LeverPanel)]
pub fn lever_panel(props: &LeverPanelProps) -> Html {
    let control = |lever: &Lever| {
        html! {
            <LeverControl key={lever.key.clone()} lever={lever.clone()}
                value={lever.get(&props.scenario)} on_change={props.on_change.clone()}
                starting_word={props.starting_word.clone()} />
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
    let on_reset = props.on_reset.reform(|_: MouseEvent| ());
    html! {
        <section class="assumptions" aria-labelledby="assumptions-heading">
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
            { main }
            if !more.is_empty() {
                <details class="more-assumptions" open={changed_in_more > 0}>
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
