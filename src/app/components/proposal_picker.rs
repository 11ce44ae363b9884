//! Choosing a proposal, and what it is about.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::state::PickerEntry;
use crate::proposal::Proposal;

#[derive(Properties, PartialEq)]
pub struct ProposalPickerProps {
    pub entries: Vec<PickerEntry>,
    pub chosen: usize,
    pub on_choose: Callback<usize>,
}

#[function_component(ProposalPicker)]
pub fn proposal_picker(props: &ProposalPickerProps) -> Html {
    html! {
        <fieldset class="picker">
            <legend>{ "Proposal" }</legend>
            <div class="picker__options">
                { for props.entries.iter().enumerate().map(|(index, entry)| {
                    let on_choose = props.on_choose.reform(move |_: Event| index);
                    let input_id = format!("proposal-{}", entry.key);
                    html! {
                        <div class="picker__option">
                            <input type="radio" name="proposal" id={input_id.clone()} value={entry.key.clone()}
                                checked={index == props.chosen} onchange={on_choose} />
                            <label for={input_id}>{ &entry.label }</label>
                        </div>
                    }
                }) }
            </div>
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
pub struct AboutProps {
    pub proposal: Rc<Proposal>,
}

/// The proposal's description, source, and the report's other figures.
#[function_component(AboutProposal)]
pub fn about_proposal(props: &AboutProps) -> Html {
    let p = &props.proposal;
    html! {
        <section class="about" aria-labelledby="about-heading">
            <h2 id="about-heading">{ &p.name }</h2>
            <p class="about__council">{ &p.council }</p>
            <p class="about__summary">{ p.summary.split_whitespace().collect::<Vec<_>>().join(" ") }</p>
            if !p.source.is_empty() { <p class="about__source">{ format!("Source: {}", p.source) }</p> }
            if !p.facts.is_empty() || !p.published.stated.is_empty() {
                <details class="facts">
                    <summary>{ "Figures from the report" }</summary>
                    <dl>
                        { for p.published.stated.iter().chain(p.facts.iter()).map(|(label, value)| html! {
                            <div><dt>{ label }</dt><dd>{ value }</dd></div>
                        }) }
                    </dl>
                </details>
            }
        </section>
    }
}
