//! How sure are we? The uncertainty run on the page: closed until the reader opens it, then
//! 10,000 draws (or the link's `draws=`, from its `seed=`) made a slice at a time between inputs, so that the curve and headline answer
//! an input first. The band it gives is drawn behind the payback curve; until a run for the
//! scenario on the page is complete, the last one is shown greyed and marked as being updated.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;

use yew::prelude::*;

use crate::analysis::uncertainty::{MonteCarlo, DEFAULT_RANGE_PERCENT};
use crate::analysis::{uncertain_levers, Draws, Uncertainty};
use crate::app::slices::{in_slices, PAUSE_MS};
use crate::levers::Lever;
use crate::model::money::{format_pounds, group_thousands};
use crate::model::Scenario;
use crate::report::columns::DrawnColumn;
use crate::report::text::{share_words, uncertainty_sentence};

/// Draws made between looks at the clock (a few milliseconds' worth).
const DRAWS_A_STEP: usize = 8;

/// A finished run and the scenario it is for.
#[derive(Debug, PartialEq)]
pub struct BandRun {
    levers: Arc<[Lever]>,
    scenario: Scenario,
    pub run: Uncertainty,
}

impl BandRun {
    /// Whether the run is for the levers, scenario and draws on the page.
    pub fn is_for(&self, levers: &Arc<[Lever]>, scenario: &Scenario, draws: Draws) -> bool {
        Arc::ptr_eq(&self.levers, levers)
            && self.scenario == *scenario
            && self.run.draws == draws.draws
            && self.run.seed == draws.seed
    }
}

/// The last finished run while the panel is open, or None: worked out again, a slice at a time,
/// whenever the scenario changes.
#[hook]
pub fn use_band(
    open: bool,
    levers: Arc<[Lever]>,
    scenario: Scenario,
    draws: Draws,
) -> Option<Rc<BandRun>> {
    let done = use_state(|| None::<Rc<BandRun>>);
    {
        let done = done.clone();
        use_effect_with(
            (open, levers, scenario, draws),
            move |(open, levers, scenario, draws)| {
                let cancelled = Rc::new(Cell::new(false));
                let current = done
                    .as_ref()
                    .is_some_and(|band| band.is_for(levers, scenario, *draws));
                if *open && !current {
                    let drawn = uncertain_levers(levers, scenario);
                    let working = Rc::new(RefCell::new(MonteCarlo::new(
                        levers,
                        scenario,
                        &drawn,
                        draws.draws,
                        draws.seed,
                    )));
                    let step = {
                        let (working, levers) = (working.clone(), levers.clone());
                        move || working.borrow_mut().draw(&levers, DRAWS_A_STEP)
                    };
                    let (levers, scenario) = (levers.clone(), scenario.clone());
                    let mut finished = Some(done);
                    let after_slice = move |more: bool| {
                        // The statistics once, at the end: sorting every month's draws is not for
                        // each slice.
                        if more {
                            return;
                        }
                        if let Some(done) = finished.take() {
                            done.set(Some(Rc::new(BandRun {
                                levers: levers.clone(),
                                scenario: scenario.clone(),
                                run: working.borrow().result(),
                            })));
                        }
                    };
                    in_slices(PAUSE_MS, cancelled.clone(), step, after_slice);
                }
                move || cancelled.set(true)
            },
        );
    }
    open.then(|| (*done).clone()).flatten()
}

#[derive(Properties, PartialEq)]
pub struct UncertaintyPanelProps {
    pub levers: Arc<[Lever]>,
    pub scenario: Scenario,
    /// The last finished run, if any (it may be for an earlier scenario).
    pub band: Option<Rc<BandRun>>,
    pub draws: Draws,
    pub on_toggle: Callback<bool>,
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
        .is_some_and(|band| band.is_for(&props.levers, &props.scenario, props.draws));
    html! {
        <details class="uncertainty" id="uncertainty" ontoggle={on_toggle}>
            <summary>{ format!(
                "How sure are we? Every assumption drawn at once, {} times",
                group_thousands(&props.draws.draws.to_string())
            ) }</summary>
            <p class="uncertainty__about">{ format!(
                "Each uncertain assumption is drawn from its plausible range (the proposal file's low and high, else {}% either side of its value; likeliest at its value) and the model is run on every draw. The shaded band on the chart holds the middle eight in ten of the runs' cumulative positions.",
                DEFAULT_RANGE_PERCENT.normalize()
            ) }</p>
            if !current {
                <p class="uncertainty__updating" role="status">{ format!(
                    "Working out {} draws for your latest change…",
                    group_thousands(&props.draws.draws.to_string())
                ) }</p>
            }
            if let Some(band) = &props.band {
                { results(&band.run, &props.levers, current) }
            }
        </details>
    }
}

/// The chances and the spread, greyed and marked busy while a newer run is being made.
fn results(run: &Uncertainty, levers: &[Lever], current: bool) -> Html {
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
                                        match column {
                                            DrawnColumn::Lever => html! { <th scope="row">{ text }</th> },
                                            DrawnColumn::Low | DrawnColumn::Likely | DrawnColumn::High
                                            | DrawnColumn::Distribution | DrawnColumn::RangeFrom => html! { <td>{ text }</td> },
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
