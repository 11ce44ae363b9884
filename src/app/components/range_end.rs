//! One end of a lever's plausible range, typed by the reader in the uncertainty run's table of
//! what was drawn. A value is read as the link reads it (`codec::query::read_range_end`); one
//! that cannot be used is refused with a message beside the box, the typed text kept. Empty puts
//! the end back to the proposal file's or the default.

use rust_decimal::Decimal;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::analysis::RangeEnd;
use crate::codec::query::read_range_end;
use crate::levers::{Lever, LeverValue};

#[derive(Properties, PartialEq)]
pub struct RangeEndProps {
    pub lever: Lever,
    pub end: RangeEnd,
    /// The end the run drew from.
    pub value: Decimal,
    /// The likeliest value, which a low may not be above nor a high below.
    pub likely: Decimal,
    /// The lever's key, the end, and its new value (`None`: back to the usual one).
    pub on_change: Callback<(String, RangeEnd, Option<Decimal>)>,
}

#[function_component(RangeEndBox)]
pub fn range_end_box(props: &RangeEndProps) -> Html {
    let typed = use_state(|| None::<String>);
    let refusal = use_state(|| None::<String>);
    let id = format!(
        "range-{}-{}",
        props.lever.key.replace('.', "-"),
        props.end.word()
    );
    let message_id = format!("{id}-message");
    let on_change = {
        let (typed, refusal) = (typed.clone(), refusal.clone());
        let (lever, end, likely) = (props.lever.clone(), props.end, props.likely);
        let on_change = props.on_change.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            let text = input.value();
            if text.trim().is_empty() {
                refusal.set(None);
                typed.set(None);
                on_change.emit((lever.key.clone(), end, None));
                return;
            }
            let read = read_range_end(&lever, &text).and_then(|(value, _)| {
                if end.is_wrong_side(value, likely) {
                    Err(format!(
                        "The {} end must be at or {} the likely value, {}.",
                        end.word(),
                        end.side(),
                        lever.describe(LeverValue::Number(likely))
                    ))
                } else {
                    Ok(value)
                }
            });
            match read {
                Ok(value) => {
                    refusal.set(None);
                    typed.set(None);
                    on_change.emit((lever.key.clone(), end, Some(value)));
                }
                Err(message) => {
                    refusal.set(Some(message));
                    typed.set(Some(text));
                }
            }
        })
    };
    let shown = (*typed)
        .clone()
        .unwrap_or_else(|| props.lever.link_text(LeverValue::Number(props.value)));
    let label = format!(
        "{} end of {}",
        crate::wording::upper_first(props.end.word()),
        props.lever.label
    );
    html! {
        <>
            <input id={id.clone()} class={classes!("range-end", refusal.is_some().then_some("range-end--refused"))}
                type="text" inputmode="decimal" autocomplete="off" size="9" aria-label={label}
                aria-invalid={refusal.is_some().then_some("true")}
                aria-describedby={refusal.is_some().then(|| message_id.clone())}
                value={shown} onchange={on_change} />
            if let Some(message) = &*refusal {
                <span class="range-end__message" id={message_id}>{ message.clone() }</span>
            }
        </>
    }
}
