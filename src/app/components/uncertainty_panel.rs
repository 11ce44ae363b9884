//! How sure are we? The uncertainty run on the page: closed until the reader opens it, then
//! 10,000 draws (or the link's `draws=`, from its `seed=`) made a slice at a time between inputs, so that the curve and headline answer
//! an input first. The band it gives is drawn behind the payback curve; until a run for the
//! scenario on the page is complete, the last one is shown greyed and marked as being updated.

use std::rc::Rc;
use std::sync::Arc;

use yew::prelude::*;

use crate::analysis::uncertainty::{uncertain_levers_with, ReaderRange};
use crate::analysis::uncertainty::{MonteCarlo, DEFAULT_RANGE_PERCENT};
use crate::analysis::{Draws, Uncertainty};
use rust_decimal::Decimal;

use super::range_end::RangeEndBox;
use crate::analysis::RangeEnd;
use crate::app::slices::{use_sliced, Finished};
use crate::levers::Lever;
use crate::model::money::{format_pounds, group_thousands};
use crate::model::Scenario;
use crate::report::columns::DrawnColumn;
use crate::report::text::{share_words, uncertainty_sentence};

/// Draws made between looks at the clock (a few milliseconds' worth).
const DRAWS_A_STEP: usize = 8;

/// How a scenario's uncertainty run is made, whichever panel asks for it: the proposal's
/// levers, how many draws from which seed, and the ranges the reader set.
#[derive(Debug, Clone)]
pub struct Drawing {
    pub levers: Arc<[Lever]>,
    pub draws: Draws,
    pub ranges: Vec<ReaderRange>,
}

impl PartialEq for Drawing {
    fn eq(&self, other: &Self) -> bool {
        // The levers are the proposal's own, shared: the same proposal is the same pointer.
        Arc::ptr_eq(&self.levers, &other.levers)
            && self.draws == other.draws
            && self.ranges == other.ranges
    }
}

/// What a run is of: the scenario, and how it is drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct BandAsked {
    pub drawing: Drawing,
    pub scenario: Rc<Scenario>,
}

/// A finished run and what it is of.
pub type BandRun = Finished<BandAsked, Uncertainty>;

/// The last finished run while the panel is open, or None: worked out again, a slice at a time,
/// whenever what is asked changes.
#[hook]
pub fn use_band(open: bool, asked: BandAsked) -> Option<Rc<BandRun>> {
    use_sliced(
        open,
        asked,
        |asked, _| {
            let drawing = &asked.drawing;
            let drawn = uncertain_levers_with(&drawing.levers, &asked.scenario, &drawing.ranges);
            MonteCarlo::new(
                &drawing.levers,
                &asked.scenario,
                &drawn,
                drawing.draws.draws,
                drawing.draws.seed,
            )
        },
        |run, asked| run.draw(&asked.drawing.levers, DRAWS_A_STEP),
        MonteCarlo::result,
    )
}

#[derive(Properties, PartialEq)]
pub struct UncertaintyPanelProps {
    pub asked: BandAsked,
    /// The last finished run, if any (it may be for an earlier scenario).
    pub band: Option<Rc<BandRun>>,
    pub on_toggle: Callback<bool>,
    /// A lever's key, the end of its range (`low` or `high`) and its new value, or `None` for
    /// the usual one.
    pub on_range: Callback<(String, RangeEnd, Option<Decimal>)>,
}

#[function_component(UncertaintyPanel)]
pub fn uncertainty_panel(props: &UncertaintyPanelProps) -> Html {
    let on_toggle = {
        let on_toggle = props.on_toggle.clone();
        Callback::from(move |event: Event| {
            let details: web_sys::Element = event.target_unchecked_into();
            on_toggle.emit(details.has_attribute("open"));
        })
    };
    let current = props
        .band
        .as_ref()
        .is_some_and(|band| band.asked == props.asked);
    let draws = props.asked.drawing.draws;
    html! {
        <details class="uncertainty" id="uncertainty" ontoggle={on_toggle}>
            <summary>{ format!(
                "How sure are we? Every assumption drawn at once, {} times",
                group_thousands(&draws.draws.to_string())
            ) }</summary>
            <p class="uncertainty__about">{ format!(
                "Each uncertain assumption is drawn from its plausible range (the proposal file's low and high, else {}% either side of its value; likeliest at its value) and the model is run on every draw. The shaded band on the chart holds the middle eight in ten of the runs' cumulative positions. Type your own low or high in the table of what was drawn (empty puts back the usual one); the link keeps them.",
                DEFAULT_RANGE_PERCENT.normalize()
            ) }</p>
            if !current {
                <p class="uncertainty__updating" role="status">{ format!(
                    "Working out {} draws for your latest change…",
                    group_thousands(&draws.draws.to_string())
                ) }</p>
            }
            if let Some(band) = &props.band {
                { results(&band.done, &props.asked.drawing.levers, current, &props.on_range) }
            }
        </details>
    }
}

/// The chances and the spread, greyed and marked busy while a newer run is being made.
fn results(
    run: &Uncertainty,
    levers: &[Lever],
    current: bool,
    on_range: &Callback<(String, RangeEnd, Option<Decimal>)>,
) -> Html {
    html! {
        <div class={classes!("uncertainty__results", (!current).then_some("uncertainty__results--updating"))}
            aria-busy={if current { "false" } else { "true" }}>
            <p class="uncertainty__chance" id="uncertainty-chance">{ uncertainty_sentence(run) }</p>
            <p id="uncertainty-net-return">{ format!(
                "Net return: a tenth of runs below {}, half below {}, a tenth above {}.",
                format_pounds(run.net_return.p10),
                format_pounds(run.net_return.p50),
                format_pounds(run.net_return.p90)
            ) }</p>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="uncertainty-years-caption">
                <table class="cashflow" id="uncertainty-years">
                    <caption id="uncertainty-years-caption">{ "Chance of having paid back by each year's end (95% Monte Carlo error)" }</caption>
                    <thead><tr><th scope="col">{ "By" }</th><th scope="col">{ "Chance" }</th></tr></thead>
                    <tbody>
                        { for run.by_year_end.iter().map(|chance| html! {
                            <tr><th scope="row">{ chance.month.long_name() }</th><td>{ share_words(*chance) }</td></tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="uncertainty-levers-caption">
                <table class="cashflow" id="uncertainty-levers">
                    <caption id="uncertainty-levers-caption">{ "What was drawn" }</caption>
                    <thead><tr>
                        { for DrawnColumn::ALL.iter().map(|column| html! { <th scope="col">{ column.heading() }</th> }) }
                    </tr></thead>
                    <tbody>
                        { for run.levers.iter().filter_map(|drawn| {
                            let lever = levers.iter().find(|l| l.key == drawn.key)?;
                            Some(html! {
                                <tr data-lever={drawn.key.clone()}>
                                    { for DrawnColumn::ALL.iter().map(|column| {
                                        let text = column.cell(lever, drawn);
                                        let end = |end: RangeEnd, value| html! {
                                            <td><RangeEndBox key={end.word()} lever={lever.clone()} end={end} value={value}
                                                likely={drawn.range.now} on_change={on_range.clone()} /></td>
                                        };
                                        match column {
                                            DrawnColumn::Lever => html! { <th scope="row">{ text }</th> },
                                            DrawnColumn::Low => end(RangeEnd::Low, drawn.range.low),
                                            DrawnColumn::High => end(RangeEnd::High, drawn.range.high),
                                            DrawnColumn::Likely | DrawnColumn::Distribution
                                            | DrawnColumn::RangeFrom => html! { <td>{ text }</td> },
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
