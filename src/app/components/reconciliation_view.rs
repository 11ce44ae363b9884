//! Published against model: how many printed figures the model gives to the pound, each one it
//! does not, and the print's own inconsistencies.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::money::format_council;
use crate::reconcile::Reconciliation;

#[derive(Properties, PartialEq)]
pub struct ReconciliationProps {
    pub reconciliation: Rc<Reconciliation>,
    pub source: String,
}

#[function_component(ReconciliationView)]
pub fn reconciliation_view(props: &ReconciliationProps) -> Html {
    let r = &props.reconciliation;
    let compared = r.all().count();
    let results = r.printed_results();
    if compared == 0 && r.inconsistencies.is_empty() && results.is_empty() {
        return html! {};
    }
    let differences: Vec<_> = r.differences().collect();
    html! {
        <section class="reconciliation" aria-labelledby="reconciliation-heading">
            <h2 id="reconciliation-heading">{ "Published figures against the model" }</h2>
            <p>
                { format!("At the published assumptions the model gives {} of the {compared} figures printed in the report to the pound", compared - differences.len()) }
                if !props.source.is_empty() { { format!(" ({})", props.source) } }
                { "." }
            </p>
            if !results.is_empty() {
                <ul>
                    { for results.iter().map(|result| html! {
                        <li>{ format!("{}: published {}, model {}{}.", result.name, result.printed, result.model,
                            if result.differs { " (they differ)" } else { "" }) }</li>
                    }) }
                </ul>
            }
            if !differences.is_empty() {
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby="differences-caption">
                    <table class="cashflow" id="differences-table">
                        <caption id="differences-caption">{ "Figures where model and print differ, pounds" }</caption>
                        <thead><tr>
                            <th scope="col">{ "Figure" }</th><th scope="col">{ "Period" }</th>
                            <th scope="col">{ "Published" }</th><th scope="col">{ "Model" }</th><th scope="col">{ "Difference" }</th>
                        </tr></thead>
                        <tbody>
                            { for differences.iter().map(|c| html! {
                                <tr>
                                    <th scope="row">{ c.series.replace("investment:", "investment by ") }</th>
                                    <td>{ &c.period }</td>
                                    <td class="num">{ format_council(c.published) }</td>
                                    <td class="num">{ format_council(c.model) }</td>
                                    <td class="num">{ format_council(c.model - c.published) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
            if !r.inconsistencies.is_empty() {
                <h3>{ "Where the published document disagrees with itself" }</h3>
                <ul class="inconsistencies">
                    { for r.inconsistencies.iter().map(|item| html! { <li>{ item }</li> }) }
                </ul>
            }
        </section>
    }
}
