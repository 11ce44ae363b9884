//! Which assumptions matter most: every lever moved down and up alone, as a tornado chart and a
//! table. Closed until the reader opens it, and worked out a moment after the last change while
//! open, so a dragged slider is answered first; figures for an earlier scenario are marked as
//! being updated, never shown as current.

use std::rc::Rc;
use std::sync::Arc;

use gloo::timers::callback::Timeout;
use rust_decimal::Decimal;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::details::use_details_open;

use crate::analysis::sensitivity::{
    sensitivity, swing_percent_from_text, DEFAULT_SWING_PERCENT, MAX_SWING_PERCENT,
    MIN_SWING_PERCENT,
};
use crate::analysis::Sensitivity;
use crate::app::slices::PAUSE_MS;
use crate::levers::Lever;
use crate::model::Scenario;
use crate::report::columns::SensitivityColumn;
use crate::report::tornado::{tornado, Segment, Tornado};

/// The sensitivity worked out for one scenario and swing, with its chart.
#[derive(Debug, PartialEq)]
struct Worked {
    levers: Arc<[Lever]>,
    scenario: Rc<Scenario>,
    swing_percent: Decimal,
    found: Sensitivity,
    drawn: Tornado,
}

impl Worked {
    fn is_for(
        &self,
        levers: &Arc<[Lever]>,
        scenario: &Rc<Scenario>,
        swing_percent: Decimal,
    ) -> bool {
        Arc::ptr_eq(&self.levers, levers)
            && self.swing_percent == swing_percent
            && self.scenario == *scenario
    }
}

#[derive(Properties, PartialEq)]
pub struct SensitivityPanelProps {
    /// The proposal's levers, shared with it (compared by address when the page redraws).
    pub levers: Arc<[Lever]>,
    pub scenario: Rc<Scenario>,
}

#[function_component(SensitivityPanel)]
pub fn sensitivity_panel(props: &SensitivityPanelProps) -> Html {
    let (open, on_toggle) = use_details_open();
    let typed = use_state(|| DEFAULT_SWING_PERCENT.to_string());
    let swing_percent = swing_percent_from_text(&typed);
    // A refused swing leaves the last one that was accepted in use.
    let accepted = use_state(|| DEFAULT_SWING_PERCENT);
    let worked = use_state(|| None::<Rc<Worked>>);
    {
        let worked = worked.clone();
        let deps = (
            open,
            props.levers.clone(),
            props.scenario.clone(),
            *accepted,
        );
        use_effect_with(deps, move |(open, levers, scenario, swing_percent)| {
            let pending = open.then(|| {
                let (levers, scenario, swing_percent) =
                    (levers.clone(), scenario.clone(), *swing_percent);
                Timeout::new(PAUSE_MS, move || {
                    let found = sensitivity(&levers, &scenario, swing_percent);
                    let drawn = tornado(&levers, &found);
                    worked.set(Some(Rc::new(Worked {
                        levers,
                        scenario,
                        swing_percent,
                        found,
                        drawn,
                    })));
                })
            });
            // Dropping the timer cancels work for a scenario the page has moved on from.
            move || drop(pending)
        });
    }
    let on_swing = {
        let (typed, accepted) = (typed.clone(), accepted.clone());
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let text = input.value();
            if let Ok(swing_percent) = swing_percent_from_text(&text) {
                accepted.set(swing_percent);
            }
            typed.set(text);
        })
    };
    let refusal = swing_percent.err();
    let shown = worked.as_ref().filter(|_| open);
    let current = shown.is_some_and(|w| w.is_for(&props.levers, &props.scenario, *accepted));
    html! {
        <details class="sensitivity" id="sensitivity" ontoggle={on_toggle}>
            <summary>{ "Which assumptions matter most? Each moved down and up alone" }</summary>
            <p class="sensitivity__about">{ "Each assumption is moved alone to a lower and a higher value, every other one kept where it is, to show which could change the net return most. A proposal file may give its own low and high for an assumption; the others move by the percentage here, within their range." }</p>
            <div class={classes!("sensitivity__swing", refusal.is_some().then_some("sensitivity__swing--refused"))}>
                <label for="sensitivity-swing">{ "Move each assumption down and up by (%)" }</label>
                <p class="sensitivity__hint" id="sensitivity-swing-hint">{ format!("From {MIN_SWING_PERCENT} to {MAX_SWING_PERCENT}; the Green Book's usual test is 20.") }</p>
                if let Some(refusal) = &refusal {
                    <p class="sensitivity__error" id="sensitivity-swing-error">
                        <span class="visually-hidden">{ "Error: " }</span>{ refusal }
                        { format!(" The table shows {}%.", accepted.normalize()) }
                    </p>
                }
                <input type="text" inputmode="decimal" id="sensitivity-swing" value={(*typed).clone()} oninput={on_swing}
                    aria-invalid={refusal.is_some().then_some("true")}
                    aria-describedby={if refusal.is_some() { "sensitivity-swing-hint sensitivity-swing-error" } else { "sensitivity-swing-hint" }} />
            </div>
            {
                match shown {
                    None => html! { <p class="sensitivity__working" role="status">{ "Working out each assumption's effect…" }</p> },
                    Some(worked) => results(worked, &props.levers, current),
                }
            }
        </details>
    }
}

/// The chart and the table, greyed and marked busy while a newer scenario is being worked out.
fn results(worked: &Worked, levers: &[Lever], current: bool) -> Html {
    let drawn = &worked.drawn;
    let f = crate::report::coordinates::tenths;
    let bar = |segment: &Segment, end: &'static str, y: f64, height: f64| {
        html! {
            <rect class={format!("tornado__bar tornado__bar--{end}")} x={f(segment.x)} y={f(y)}
                width={f(segment.width)} height={f(height)} />
        }
    };
    let caption = format!(
        "Each assumption alone moved {}% down and up (or to the low and high its proposal file gives), largest swing in net return first",
        worked.found.swing_percent.normalize()
    );
    html! {
        <div class={classes!("sensitivity__results", (!current).then_some("sensitivity__results--updating"))}
            aria-busy={if current { "false" } else { "true" }}>
            if !current {
                <p class="sensitivity__updating" role="status">{ "Being updated for your latest change…" }</p>
            }
            <figure class="tornado">
                <figcaption id="tornado-title">
                    { "Net return with each assumption at its low and high value" }
                    <span class="chart__key">
                        <span class="key key--low">{ "low value (hatched)" }</span>
                        <span class="key key--high">{ "high value (solid)" }</span>
                    </span>
                </figcaption>
                <svg viewBox={format!("0 0 {} {}", drawn.width, drawn.height)} role="img" aria-labelledby="tornado-title"
                    aria-describedby="tornado-summary" preserveAspectRatio="xMidYMid meet" class="tornado__svg">
                    <defs>
                        <pattern id="tornado-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                            <rect class="tornado__hatch-ground" width="6" height="6" />
                            <line class="tornado__hatch-line" x1="0" y1="0" x2="0" y2="6" />
                        </pattern>
                    </defs>
                    <g class="chart__grid">
                        { for drawn.ticks.iter().map(|tick| html! {
                            <g>
                                <line x1={f(tick.position)} x2={f(tick.position)} y1={f(drawn.plot_top - 6.0)} y2={f(drawn.plot_bottom)} />
                                <text x={f(tick.position)} y={f(drawn.plot_top - 12.0)} text-anchor="middle">{ &tick.label }</text>
                            </g>
                        }) }
                    </g>
                    { for drawn.rows.iter().map(|row| html! {
                        <g class="tornado__row" data-lever={row.key.clone()}>
                            { for row.label_lines.iter().map(|line| html! {
                                <text class="tornado__label" x={f(drawn.plot_left)} y={f(line.position)}>{ &line.label }</text>
                            }) }
                            { bar(&row.low, "low", row.bar_y, row.bar_height) }
                            { bar(&row.high, "high", row.bar_y, row.bar_height) }
                            if row.unmoved {
                                <text class="tornado__unmoved" x={f(drawn.centre_x + 6.0)} y={f(row.bar_y + row.bar_height - 5.0)}>
                                    { "no change at either end" }
                                </text>
                            }
                        </g>
                    }) }
                    <line class="tornado__now" x1={f(drawn.centre_x)} x2={f(drawn.centre_x)} y1={f(drawn.plot_top - 6.0)} y2={f(drawn.plot_bottom)} />
                    <text class="tornado__now-label" x={f(drawn.centre_x)} y={f(drawn.plot_bottom + 22.0)}
                        text-anchor={if drawn.centre_x > drawn.width / 2.0 { "end" } else { "start" }}>{ &drawn.centre_label }</text>
                </svg>
                <p class="chart__summary" id="tornado-summary">{ &drawn.description }</p>
            </figure>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="sensitivity-caption">
                <table class="cashflow sensitivity__table" id="sensitivity-table">
                    <caption id="sensitivity-caption">{ caption }</caption>
                    <thead><tr>
                        { for SensitivityColumn::ALL.iter().map(|column| html! { <th scope="col">{ column.heading() }</th> }) }
                    </tr></thead>
                    <tbody>
                        { for worked.found.rows.iter().filter_map(|row| {
                            let lever = levers.iter().find(|l| l.key == row.key)?;
                            Some(html! {
                                <tr data-lever={row.key.clone()}>
                                    { for SensitivityColumn::ALL.iter().map(|column| {
                                        let text = column.cell(lever, row);
                                        match column {
                                            SensitivityColumn::Lever => html! { <th scope="row">{ text }</th> },
                                            SensitivityColumn::NetReturnAtLow | SensitivityColumn::NetReturnAtHigh
                                            | SensitivityColumn::Swing => html! { <td class="num">{ text }</td> },
                                            SensitivityColumn::Low | SensitivityColumn::High
                                            | SensitivityColumn::PaybackAtLow | SensitivityColumn::PaybackAtHigh => html! { <td>{ text }</td> },
                                        }
                                    }) }
                                </tr>
                            })
                        }) }
                    </tbody>
                </table>
            </div>
        </div>
    }
}
