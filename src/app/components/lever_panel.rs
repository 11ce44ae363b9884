//! The proposal's assumptions: the main ones first, the rest under "More assumptions". Values
//! typed but refused are gathered here for the error summary at the top of the panel.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use yew::prelude::*;

use super::error_summary::{ErrorSummary, ErrorsAction, TypedErrors};
use super::lever_control::{LeverControl, SwitchingLine, SLIDER_INSTRUCTIONS_ID};
use crate::analysis::words::{marker_percent, sentence};
use crate::app::slices::{in_slices, PAUSE_MS};
use crate::app::switching::{Shown, SwitchingProgress};
use crate::levers::{Lever, LeverValue};
use crate::model::Scenario;

#[derive(Properties, PartialEq)]
pub struct LeverPanelProps {
    /// The proposal's levers, shared with it (compared by address when the page redraws).
    pub levers: std::sync::Arc<[Lever]>,
    pub scenario: Rc<Scenario>,
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
    let switching = use_state({
        let (levers, scenario) = (props.levers.clone(), props.scenario.clone());
        move || Rc::new(SwitchingProgress::new(&levers, &scenario))
    });
    {
        let (levers, shown) = (props.levers.clone(), switching.clone());
        use_effect_with(props.scenario.clone(), move |scenario| {
            let cancelled = Rc::new(Cell::new(false));
            let working = Rc::new(RefCell::new(SwitchingProgress::after(
                &shown, &levers, scenario,
            )));
            let step = {
                let (working, levers) = (working.clone(), levers.clone());
                move || {
                    let mut progress = working.borrow_mut();
                    progress.work_one(&levers) && !progress.is_complete()
                }
            };
            // Each slice's results are shown as they come.
            let after_slice = move |_more| shown.set(Rc::new(working.borrow().clone()));
            in_slices(PAUSE_MS, cancelled.clone(), step, after_slice);
            move || cancelled.set(true)
        });
    }
    // Made once, so that a control redraws only when its own lever, value or line changes.
    let on_error = use_callback(
        errors.dispatcher(),
        |(key, message): (String, Option<String>), errors| {
            errors.dispatch(ErrorsAction::Set(key, message))
        },
    );
    let position = |lever: &Lever| props.levers.iter().position(|l| l.key == lever.key);
    // While any is being worked out again, the whole panel is marked so (one attribute, so the
    // input's own render stays small); each line keeps its earlier figure until its new one.
    let switching_current = switching.is_current(&props.scenario);
    let switching_line = |lever: &Lever| {
        let shown = position(lever).map(|index| switching.shown(index, &props.scenario));
        match shown {
            Some(Shown::Current(found) | Shown::Updating(Some(found))) => Some(SwitchingLine {
                sentence: AttrValue::from(sentence(lever, found.main_answer(), &props.scenario)),
                marker_percent: marker_percent(lever, found.main_answer())
                    .map(|percent| AttrValue::from(percent.to_string())),
            }),
            Some(Shown::Updating(None)) => Some(SwitchingLine {
                sentence: AttrValue::Static("Working out where this changes the answer"),
                marker_percent: None,
            }),
            Some(Shown::Nothing) | None => None,
        }
    };
    let control = |lever: &Lever| {
        html! {
            <LeverControl key={lever.key.clone()} lever={lever.clone()} switching={switching_line(lever)}
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
        <section id="assumptions" aria-labelledby="assumptions-heading"
            class={classes!("assumptions", (!switching_current).then_some("assumptions--updating"))}>
            if !switching_current {
                <p class="visually-hidden" id="switching-updating">{ "The switching values under the sliders are being updated." }</p>
            }
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
