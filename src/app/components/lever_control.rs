//! One assumption: a slider paired with a box for the exact value, its unit, range, published
//! value (a tick on the track) and a hint in the report's words. As in the GOV.UK Design System:
//! label, hint, then any error message, then the controls; a typed value that cannot be used is
//! refused with a message and left in the box to correct, and nothing else changes.

use rust_decimal::Decimal;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::error_summary::box_id;
use crate::levers::{Lever, LeverValue, Range, Unit};
use crate::wording;

/// The id of the assumptions panel's visible instructions for the sliders.
pub const SLIDER_INSTRUCTIONS_ID: &str = "slider-instructions";

/// The lever's switching value for paying back, in words, and where it sits on the track.
#[derive(Debug, Clone, PartialEq)]
pub struct SwitchingLine {
    pub sentence: AttrValue,
    /// Percent of the track from its low end, for the marker; `None` while working it out or
    /// where there is no switching value.
    pub marker_percent: Option<AttrValue>,
}

#[derive(Properties, PartialEq)]
pub struct LeverControlProps {
    pub lever: Lever,
    /// The switching-value line under the controls, if the lever has one.
    #[prop_or_default]
    pub switching: Option<SwitchingLine>,
    pub value: LeverValue,
    pub on_change: Callback<(String, LeverValue)>,
    /// "published" or "example": what the starting value is.
    #[prop_or(AttrValue::Static("published"))]
    pub starting_word: AttrValue,
    /// Why the value typed in the box was refused, if it was.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// Reports a typed value refused (`Some(why)`) or accepted (`None`), by lever key.
    #[prop_or_default]
    pub on_error: Callback<(String, Option<String>)>,
}

fn unit_words(unit: Unit) -> &'static str {
    match unit {
        Unit::Percent => "%",
        Unit::Pounds => "£",
        Unit::PoundsPerMonth => "£ a month",
        Unit::PoundsPerYear => "£ a year",
        Unit::PoundsPerWeek => "£ a week",
        Unit::Cases => "cases",
        Unit::Count => "number",
        Unit::Months => "months",
        Unit::Month => "month",
    }
}

#[function_component(LeverControl)]
pub fn lever_control(props: &LeverControlProps) -> Html {
    let lever = &props.lever;
    let id = box_id(&lever.key);
    let hint_id = format!("{id}-hint");
    let message_id = format!("{id}-message");
    let label_id = format!("{id}-label");
    let box_ref = use_node_ref();

    let is_off = props.value == LeverValue::Off;
    let has_error = props.error.is_some();
    // The box's text is set here, not as an attribute: Yew would put the attribute back on every
    // render, wiping out a refused value the reader is to correct. With no error, the box shows
    // the value in force, so after the slider or "Reset" the refused text gives way to it.
    {
        let box_ref = box_ref.clone();
        let text = lever.box_text(props.value);
        use_effect_with((has_error, text), move |(has_error, text)| {
            if !*has_error {
                if let Some(input) = box_ref.cast::<HtmlInputElement>() {
                    if input.value() != *text {
                        input.set_value(text);
                    }
                }
            }
            || ()
        });
    }
    let published = lever.describe(lever.published);
    let range_words = format!("From {}.", lever.range_words());
    let switching_id = format!("{id}-switching");
    let describedby = match (has_error, props.switching.is_some()) {
        (true, true) => format!("{hint_id} {message_id} {switching_id}"),
        (true, false) => format!("{hint_id} {message_id}"),
        (false, true) => format!("{hint_id} {switching_id}"),
        (false, false) => hint_id.clone(),
    };

    let on_typed = {
        let lever = lever.clone();
        let on_change = props.on_change.clone();
        let on_error = props.on_error.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            match lever.accept(&input.value()) {
                Ok(value) => {
                    on_error.emit((lever.key.clone(), None));
                    on_change.emit((lever.key.clone(), value));
                    // The box shows the value as the page writes it ("7500" becomes "7,500").
                    input.set_value(&lever.box_text(value));
                }
                Err(message) => on_error.emit((lever.key.clone(), Some(message))),
            }
        })
    };

    let on_slid = {
        let key = lever.key.clone();
        let on_change = props.on_change.clone();
        let on_error = props.on_error.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            if let Ok(number) = input.value().parse::<Decimal>() {
                on_error.emit((key.clone(), None));
                on_change.emit((key.clone(), LeverValue::Number(number)));
            }
        })
    };

    let on_toggle_off = {
        let lever = lever.clone();
        let on_change = props.on_change.clone();
        let on_error = props.on_error.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let value = if input.checked() {
                LeverValue::Off
            } else {
                lever.switched_on_value()
            };
            on_error.emit((lever.key.clone(), None));
            on_change.emit((lever.key.clone(), value));
        })
    };

    let controls = match lever.range {
        Range::Month { earliest, latest } => html! {
            <input type="month" id={id.clone()} class="lever__month" ref={box_ref}
                min={earliest.to_string()} max={latest.to_string()}
                aria-describedby={describedby.clone()} aria-invalid={has_error.to_string()}
                onchange={on_typed} />
        },
        Range::Number { min, max, step } => {
            let slider_value = match props.value {
                LeverValue::Number(n) => n.normalize().to_string(),
                _ => min.to_string(),
            };
            let published_tick = match lever.published {
                LeverValue::Number(n) => Some(n.normalize().to_string()),
                _ => None,
            };
            let ticks_id = format!("{id}-ticks");
            html! {
                <div class="lever__inputs">
                    <span class="lever__track">
                    <input type="range" id={format!("{id}-slider")} class="lever__slider"
                        min={min.to_string()} max={max.to_string()} step={step.to_string()}
                        value={slider_value} disabled={is_off}
                        list={published_tick.as_ref().map(|_| ticks_id.clone())}
                        aria-labelledby={label_id.clone()}
                        aria-describedby={format!("{SLIDER_INSTRUCTIONS_ID} {describedby}")}
                        aria-valuetext={lever.spoken(props.value)}
                        oninput={on_slid} />
                    // The switching value's place on the track, drawn in SVG (the page's
                    // Content-Security-Policy allows no inline styles).
                    if let Some(percent) = props.switching.as_ref().and_then(|line| line.marker_percent.clone()) {
                        <svg class="lever__marker" aria-hidden="true" focusable="false" width="100%" height="10">
                            <line x1={format!("{percent}%")} x2={format!("{percent}%")} y1="0" y2="10" />
                        </svg>
                    }
                    </span>
                    if let Some(tick) = published_tick {
                        <datalist id={ticks_id}><option value={tick} label="published"></option></datalist>
                    }
                    <span class="lever__box">
                        if lever.unit.is_money() { <span class="lever__prefix" aria-hidden="true">{ "£" }</span> }
                        <input type="text" inputmode="decimal" id={id.clone()} class="lever__number" ref={box_ref}
                            disabled={is_off} autocomplete="off" spellcheck="false"
                            aria-describedby={describedby.clone()} aria-invalid={has_error.to_string()}
                            onchange={on_typed} />
                        <span class="lever__suffix" aria-hidden="true">{ match lever.unit {
                            Unit::Percent => "%",
                            Unit::PoundsPerMonth => "a month",
                            Unit::PoundsPerYear => "a year",
                            Unit::PoundsPerWeek => "a week",
                            Unit::Cases => "cases",
                            Unit::Months => "months",
                            _ => "",
                        } }</span>
                    </span>
                </div>
            }
        }
    };

    html! {
        <div class={classes!("lever", has_error.then_some("lever--error"))} data-lever={lever.key.clone()}>
            <label id={label_id} for={id.clone()} class="lever__label">
                { &lever.label }
                <span class="lever__unit">{ format!(" ({})", unit_words(lever.unit)) }</span>
            </label>
            <p id={hint_id} class="lever__hint">
                { &lever.hint }{ " " }
                <span class="lever__published">{ format!("{}: {published}. {range_words}", wording::upper_first(&props.starting_word)) }</span>
            </p>
            if let Some(text) = props.error.clone() {
                <p id={message_id} class="lever__message">
                    <span class="visually-hidden">{ "Error: " }</span>{ text }
                </p>
            }
            { controls }
            if let Some(line) = props.switching.as_ref() {
                <p id={switching_id.clone()} class="lever__switching">{ line.sentence.clone() }</p>
            }
            if lever.can_be_off {
                <div class="lever__off">
                    <input type="checkbox" id={format!("{id}-off")} checked={is_off} onchange={on_toggle_off} />
                    <label for={format!("{id}-off")}>{ format!("None (no {})", wording::lower_case(&lever.label)) }</label>
                </div>
            }
        </div>
    }
}
