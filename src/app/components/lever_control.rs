//! One assumption: a slider paired with a box for the exact value, its unit, range, published
//! value (a tick on the track) and a hint in the report's words.

use rust_decimal::Decimal;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::codec::{Lever, LeverValue, Range, Unit};

#[derive(Properties, PartialEq)]
pub struct LeverControlProps {
    pub lever: Lever,
    pub value: LeverValue,
    pub on_change: Callback<(String, LeverValue)>,
    /// "published" or "example": what the starting value is.
    #[prop_or(AttrValue::Static("published"))]
    pub starting_word: AttrValue,
}

fn capitalised(word: &str) -> String {
    let mut characters = word.chars();
    characters
        .next()
        .map(|first| first.to_uppercase().chain(characters).collect())
        .unwrap_or_default()
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

/// A value to turn an optional lever back on with: its published value, or the middle of its range.
fn switched_on_value(lever: &Lever) -> LeverValue {
    match (lever.published, lever.range) {
        (LeverValue::Off, Range::Number { min, max, step }) => {
            let middle = (min + max) / Decimal::TWO;
            let steps = (middle / step).round();
            LeverValue::Number((steps * step).max(min).normalize())
        }
        (published, _) => published,
    }
}

#[function_component(LeverControl)]
pub fn lever_control(props: &LeverControlProps) -> Html {
    let lever = &props.lever;
    let id = format!("lever-{}", lever.key.replace('.', "-"));
    let hint_id = format!("{id}-hint");
    let message_id = format!("{id}-message");
    let label_id = format!("{id}-label");
    let message = use_state(|| None::<String>);

    let is_off = props.value == LeverValue::Off;
    let published = lever.describe(lever.published);
    let range_words = match lever.range {
        Range::Number { min, max, .. } => format!(
            "From {} to {}.",
            lever.describe(LeverValue::Number(min)),
            lever.describe(LeverValue::Number(max))
        ),
        Range::Month { earliest, latest } => {
            format!("From {} to {}.", earliest.long_name(), latest.long_name())
        }
    };
    let describedby = if message.is_some() {
        format!("{hint_id} {message_id}")
    } else {
        hint_id.clone()
    };

    // Typed values: read as a person writes them, brought into range, and explained if changed.
    let on_typed = {
        let lever = lever.clone();
        let on_change = props.on_change.clone();
        let message = message.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            match lever.read(&input.value()) {
                Ok(LeverValue::Off) if !lever.can_be_off => message.set(Some(format!(
                    "Enter a {}.",
                    if lever.unit == Unit::Month {
                        "month"
                    } else {
                        "number"
                    }
                ))),
                Ok(value) => {
                    let (kept, correction) = lever.clamp(value);
                    message.set(correction.map(|c| format!("{c}.")));
                    on_change.emit((lever.key.clone(), kept));
                    // The box shows what was kept, even when the state did not change.
                    input.set_value(&lever.box_text(kept));
                }
                Err(_) => message.set(Some(if lever.unit == Unit::Month {
                    "Enter a month, for example 2023-02.".to_string()
                } else {
                    format!(
                        "Enter a number, for example {}.",
                        lever.link_text(lever.published).replace("none", "0")
                    )
                })),
            }
        })
    };

    let on_slid = {
        let key = lever.key.clone();
        let on_change = props.on_change.clone();
        let message = message.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            if let Ok(number) = input.value().parse::<Decimal>() {
                message.set(None);
                on_change.emit((key.clone(), LeverValue::Number(number)));
            }
        })
    };

    let on_toggle_off = {
        let lever = lever.clone();
        let on_change = props.on_change.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let value = if input.checked() {
                LeverValue::Off
            } else {
                switched_on_value(&lever)
            };
            on_change.emit((lever.key.clone(), value));
        })
    };

    let number_text = lever.box_text(props.value);

    let controls = match lever.range {
        Range::Month { earliest, latest } => html! {
            <input type="month" id={id.clone()} class="lever__month"
                min={earliest.to_string()} max={latest.to_string()} value={number_text}
                aria-describedby={describedby.clone()} aria-invalid={message.is_some().to_string()}
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
                    <input type="range" id={format!("{id}-slider")} class="lever__slider"
                        min={min.to_string()} max={max.to_string()} step={step.to_string()}
                        value={slider_value} disabled={is_off}
                        list={published_tick.as_ref().map(|_| ticks_id.clone())}
                        aria-labelledby={label_id.clone()} aria-describedby={describedby.clone()}
                        aria-valuetext={lever.describe(props.value)}
                        oninput={on_slid} />
                    if let Some(tick) = published_tick {
                        <datalist id={ticks_id}><option value={tick} label="published"></option></datalist>
                    }
                    <span class="lever__box">
                        if lever.unit.is_money() { <span class="lever__prefix" aria-hidden="true">{ "£" }</span> }
                        <input type="text" inputmode="decimal" id={id.clone()} class="lever__number"
                            value={number_text} disabled={is_off} autocomplete="off" spellcheck="false"
                            aria-describedby={describedby.clone()} aria-invalid={message.is_some().to_string()}
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
        <div class={classes!("lever", message.is_some().then_some("lever--message"))} data-lever={lever.key.clone()}>
            <label id={label_id} for={id.clone()} class="lever__label">
                { &lever.label }
                <span class="lever__unit">{ format!(" ({})", unit_words(lever.unit)) }</span>
            </label>
            <p id={hint_id} class="lever__hint">
                { &lever.hint }{ " " }
                <span class="lever__published">{ format!("{}: {published}. {range_words}", capitalised(&props.starting_word)) }</span>
            </p>
            if let Some(text) = (*message).clone() {
                <p id={message_id} class="lever__message">{ text }</p>
            }
            { controls }
            if lever.can_be_off {
                <div class="lever__off">
                    <input type="checkbox" id={format!("{id}-off")} checked={is_off} onchange={on_toggle_off} />
                    <label for={format!("{id}-off")}>{ format!("None (no {})", lever.label.to_lowercase()) }</label>
                </div>
            }
        </div>
    }
}
