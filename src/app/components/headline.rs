//! The results in plain English, updated live, and announced to screen readers once the value
//! settles rather than on every slider step.

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::analysis::{Discounted, OptimismBiasEffect};
use crate::model::money::format_pounds;
use crate::model::{Cashflow, Payback, YearMonth};
use crate::proposal::Published;
use crate::report::{
    benefit_cost_ratio_words, headline, optimism_bias_figures, rate_words, repaid_sentences,
    return_on_investment, spending_figures, spoken_headline,
};

#[derive(Properties, PartialEq)]
pub struct HeadlineProps {
    pub cashflow: Rc<Cashflow>,
    pub published: Rc<Published>,
    /// The same cashflow discounted, shown beside the cash figures.
    pub discounted: Rc<Discounted>,
    /// The optimism bias applied and the figures without it, when any is applied.
    pub optimism_bias: Rc<Option<OptimismBiasEffect>>,
}

/// Milliseconds the headline must stay the same before it is announced.
const SETTLE_MS: u32 = 1000;

/// "2020/21 to 2022/23".
fn years_span(budget: &crate::model::budget::BudgetTable) -> String {
    match (budget.years.first(), budget.years.last()) {
        (Some(first), Some(last)) if first != last => format!("{first} to {last}"),
        (Some(only), _) => only.to_string(),
        _ => String::new(),
    }
}

/// The results in a few words, for the bar that stays in view on a phone.
#[derive(Properties, PartialEq)]
pub struct SummaryBarProps {
    pub cashflow: Rc<Cashflow>,
}

#[function_component(SummaryBar)]
pub fn summary_bar(props: &SummaryBarProps) -> Html {
    let results = &props.cashflow.results;
    let payback = match results.payback {
        Payback::PaidBackIn(month) => format!("Paid back {}", month.short_name()),
        Payback::NotWithinHorizon => "Not paid back".into(),
        Payback::NeverInDeficit => "Never out of pocket".into(),
    };
    // A copy of the results above, for sighted readers on small screens; screen readers have
    // the results section itself.
    html! {
        <div class="summary-bar" aria-hidden="true">
            <span>{ payback }</span>
            <span>{ format!("Net {}", format_pounds(results.net_return)) }</span>
        </div>
    }
}

fn payback_words(payback: Payback) -> String {
    match payback {
        Payback::PaidBackIn(month) => month.long_name(),
        Payback::NotWithinHorizon => "Not within the horizon".into(),
        Payback::NeverInDeficit => "Never out of pocket".into(),
    }
}

fn month_or(month: Option<YearMonth>, otherwise: &str) -> String {
    month
        .map(|m| m.long_name())
        .unwrap_or_else(|| otherwise.to_string())
}

#[function_component(Headline)]
pub fn headline_view(props: &HeadlineProps) -> Html {
    let results = &props.cashflow.results;
    let sentence = headline(&props.cashflow);
    // Announced: the headline with when each funder is repaid, as both stand on screen.
    let spoken = spoken_headline(&props.cashflow);
    let announced = use_state(String::new);
    let timer = use_mut_ref(|| None::<Timeout>);
    {
        let announced = announced.clone();
        let timer = timer.clone();
        use_effect_with(spoken, move |spoken| {
            let sentence = spoken.clone();
            // Replacing the timer cancels the previous one: only a settled value is announced.
            *timer.borrow_mut() = Some(Timeout::new(SETTLE_MS, move || announced.set(sentence)));
            || ()
        });
    }

    let discounted = &*props.discounted;
    let payback = payback_words(results.payback);
    let roi = return_on_investment(&props.cashflow).unwrap_or_else(|| "Nothing invested".into());
    let published_note = |month: Option<YearMonth>| {
        month.map(|m| html! { <span class="figure__published">{ format!("Published: {}", m.long_name()) }</span> })
    };
    html! {
        <section class="headline" aria-labelledby="results-heading">
            <h2 id="results-heading">{ "Results" }</h2>
            <p class="headline__sentence" id="headline">{ &sentence }</p>
            // When each funder has its own money back: the question its members ask.
            { for repaid_sentences(&props.cashflow).into_iter().map(|repaid| html! {
                <p class="headline__repaid">{ repaid }</p>
            }) }
            <p class="visually-hidden" aria-live="polite" aria-atomic="true" id="headline-announcement">{ (*announced).clone() }</p>
            <dl class="figures">
                <div class="figure figure--key" id="figure-payback">
                    <dt>{ "Payback month" }</dt>
                    <dd>{ payback }{ published_note(props.published.payback_month) }</dd>
                </div>
                <div class="figure" id="figure-breakeven">
                    <dt>{ "In-month breakeven" }</dt>
                    <dd>{ month_or(results.breakeven_month, "None within the horizon") }{ published_note(props.published.breakeven_month) }</dd>
                </div>
                <div class="figure" id="figure-net-return">
                    <dt>{ "Net return" }</dt>
                    <dd>{ format_pounds(results.net_return) }</dd>
                </div>
                <div class="figure">
                    <dt>{ "Total investment" }</dt>
                    <dd>{ format_pounds(results.total_investment) }</dd>
                </div>
                { for spending_figures(&props.cashflow).into_iter().map(|(label, value)| html! {
                    <div class="figure"><dt>{ label }</dt><dd>{ value }</dd></div>
                }) }
                <div class="figure">
                    <dt>{ "Total saving" }</dt>
                    <dd>{ format_pounds(results.total_saving) }</dd>
                </div>
                <div class="figure">
                    <dt>{ "Return on investment" }</dt>
                    <dd>{ roi }</dd>
                </div>
                <div class="figure" id="figure-npv">
                    <dt>{ "Net present value" }</dt>
                    <dd>{ format_pounds(discounted.net_present_value) }
                        <span class="figure__published">{ format!("Discounted at {}", rate_words(discounted)) }</span>
                    </dd>
                </div>
                <div class="figure" id="figure-bcr">
                    <dt>{ "Benefit-cost ratio" }</dt>
                    <dd>{ benefit_cost_ratio_words(discounted) }<span class="figure__published">{ "Discounted" }</span></dd>
                </div>
                <div class="figure" id="figure-discounted-payback">
                    <dt>{ "Discounted payback" }</dt>
                    <dd>{ payback_words(discounted.payback) }</dd>
                </div>
                if let Some(budget) = &props.cashflow.budget {
                    <div class="figure figure--key" id="figure-funding">
                        <dt>{ format!("{}, {}", budget.funding_required.label, years_span(budget)) }</dt>
                        <dd>{ format_pounds(budget.funding_required.total) }
                            if let Some((_, total)) = props.published.budget.get("council_funding_required") {
                                <span class="figure__published">{ format!("Published: {}", format_pounds(*total)) }</span>
                            }
                        </dd>
                    </div>
                }
                <div class="figure">
                    <dt>{ "Most out of pocket" }</dt>
                    <dd>{ format_pounds(-results.deepest_cumulative) }
                        if let Some(month) = results.deepest_month {
                            <span class="figure__published">{ month.long_name() }</span>
                        }
                    </dd>
                </div>
            </dl>
            if let Some(effect) = &*props.optimism_bias {
                // The cash figures as the proposal states them, beside the adjusted ones above.
                <dl class="figures figures--without-bias" id="figures-without-optimism-bias">
                    { for optimism_bias_figures(effect).into_iter().map(|(label, value)| html! {
                        <div class="figure"><dt>{ label }</dt><dd>{ value }</dd></div>
                    }) }
                </dl>
            }
        </section>
    }
}
