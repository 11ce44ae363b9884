//! Scenarios side by side on the page: the reader pins the scenario on the page as A, B or C
//! with a name, moves on, and compares them all in one table (its rows said once, in
//! report::comparison), their curves on the chart above. The link carries the pins. The table
//! is worked out a slice at a time between inputs while the panel is open, and until it is
//! current the last one is greyed and marked as being updated.

use std::rc::Rc;
use std::sync::Arc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::details::use_details_open;

use super::uncertainty_panel::Drawing;
use crate::analysis::comparison::{
    free_pin, Compared, ComparisonRun, Pin, Pinned, MAX_PIN_NAME_CHARS,
};
use crate::analysis::uncertainty::ReaderRange;
use crate::analysis::Draws;
use crate::app::slices::{use_sliced, Finished};
use crate::levers::Lever;
use crate::model::Scenario;
use crate::report::comparison::rows;

/// What a comparison is of: the scenario on the page, the pins, and how each scenario's
/// uncertainty run is made.
#[derive(Debug, Clone, PartialEq)]
struct Asked {
    drawing: Drawing,
    scenario: Rc<Scenario>,
    pinned: Vec<Pinned>,
}

/// The last finished comparison while the panel is open and something is pinned: made again,
/// a slice at a time, whenever what is asked changes.
#[hook]
fn use_comparison(open: bool, asked: Asked) -> Option<Rc<Finished<Asked, Vec<Compared>>>> {
    let open = open && !asked.pinned.is_empty();
    use_sliced(
        open,
        asked,
        |asked, before| {
            let run = ComparisonRun::new(
                &asked.scenario,
                &asked.pinned,
                Some(asked.drawing.draws),
                &asked.drawing.ranges,
            );
            // A pinned scenario the last comparison worked out with the same levers, draws and
            // ranges is taken as it was: moving a slider remakes only the scenario on the page.
            match before {
                Some(before) if before.asked.drawing == asked.drawing => run.reusing(&before.done),
                Some(_) | None => run,
            }
        },
        |run, asked| run.step(&asked.drawing.levers),
        ComparisonRun::result,
    )
}

#[derive(Properties, PartialEq)]
pub struct ComparisonPanelProps {
    pub levers: Arc<[Lever]>,
    pub scenario: Rc<Scenario>,
    pub pinned: Vec<Pinned>,
    pub draws: Draws,
    /// The plausible ranges the reader set, for each scenario's uncertainty run.
    pub ranges: Vec<ReaderRange>,
    /// Pins the scenario on the page, with the name typed.
    pub on_pin: Callback<String>,
    pub on_unpin: Callback<Pin>,
}

#[function_component(ComparisonPanel)]
pub fn comparison_panel(props: &ComparisonPanelProps) -> Html {
    let (open, on_toggle) = use_details_open();
    let name = use_state(String::new);
    let on_name = {
        let name = name.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            name.set(input.value());
        })
    };
    let next = free_pin(&props.pinned);
    let on_submit = {
        let (name, on_pin) = (name.clone(), props.on_pin.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            on_pin.emit((*name).clone());
            name.set(String::new());
        })
    };
    let asked = Asked {
        drawing: Drawing {
            levers: props.levers.clone(),
            draws: props.draws,
            ranges: props.ranges.clone(),
        },
        scenario: props.scenario.clone(),
        pinned: props.pinned.clone(),
    };
    let done = use_comparison(open, asked.clone());
    let current = done.as_ref().is_some_and(|found| found.asked == asked);
    html! {
        <details class="comparison" id="comparison" ontoggle={on_toggle}>
            <summary>{ "Compare scenarios side by side" }</summary>
            <p class="comparison__about">{ "Pin the scenario on the page as A, B or C with a name (\u{201c}as published\u{201d}, \u{201c}cautious\u{201d}), then move the sliders on. Each pinned scenario keeps its assumptions; its curve stays on the chart, lettered at its end, and the table compares its results, its switching values and its chance of paying back with the scenario on the page. The link carries them all." }</p>
            if let Some(pin) = next {
                <form class="comparison__pin" onsubmit={on_submit}>
                    <label for="pin-name">{ "Name for the scenario on the page (optional)" }</label>
                    <input id="pin-name" type="text" maxlength={MAX_PIN_NAME_CHARS.to_string()} autocomplete="off"
                        value={(*name).clone()} oninput={on_name} />
                    <button type="submit" id="pin-button">{ format!("Pin as {}", pin.letter()) }</button>
                </form>
            } else {
                <p class="comparison__full" id="pins-full">{ "A, B and C are pinned: remove one to pin another." }</p>
            }
            if !props.pinned.is_empty() {
                <ul class="comparison__pins" id="pins">
                    { for props.pinned.iter().map(|pinned| {
                        let on_unpin = props.on_unpin.clone();
                        let pin = pinned.pin;
                        let label = pinned.label();
                        html! {
                            <li key={pin.letter()} data-pin={pin.letter()}>
                                <span class="comparison__pin-label">{ label.clone() }</span>
                                <button type="button" class="comparison__remove" aria-label={format!("Remove {label}")}
                                    onclick={Callback::from(move |_| on_unpin.emit(pin))}>{ "Remove" }</button>
                            </li>
                        }
                    }) }
                </ul>
                if !current {
                    <p class="comparison__updating" role="status">{ "Working out the comparison for your latest change\u{2026}" }</p>
                }
                if let Some(found) = &done {
                    { table(&props.levers, &found.done, current) }
                }
            }
        </details>
    }
}

/// The comparison, one column a scenario, greyed and marked busy while a newer one is made.
fn table(levers: &[Lever], compared: &[Compared], current: bool) -> Html {
    html! {
        <div class={classes!("table-scroll", (!current).then_some("comparison__table--updating"))}
            tabindex="0" role="region" aria-labelledby="comparison-caption" aria-busy={if current { "false" } else { "true" }}>
            <table class="cashflow" id="comparison-table">
                <caption id="comparison-caption">{ "Scenarios side by side" }</caption>
                <thead><tr>
                    <td></td>
                    { for compared.iter().map(|c| html! { <th scope="col">{ c.label.clone() }</th> }) }
                </tr></thead>
                <tbody>
                    { for rows(levers, compared).into_iter().map(|(heading, cells)| html! {
                        <tr>
                            <th scope="row">{ heading }</th>
                            { for cells.into_iter().map(|cell| html! { <td>{ cell }</td> }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
