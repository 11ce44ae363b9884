//! Who pays and who gains: each organisation's investment, the savings that land with it, what
//! it repays to others or is repaid by them, and the difference, over the horizon. Money flows
//! between organisations, as the GMCA cost benefit model shows them; a proposal can pay back
//! overall while one partner is out of pocket, and a loan between budgets is repaid from savings.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::money::format_council;
use crate::model::Cashflow;
use crate::report::columns::{OrganisationColumn, RepaymentColumn};
use crate::report::repaid_sentences;

#[derive(Properties, PartialEq)]
pub struct OrganisationsProps {
    pub cashflow: Rc<Cashflow>,
    /// Where each repayment's terms come from, by repayment id, in the report's words.
    #[prop_or_default]
    pub sources: Rc<std::collections::BTreeMap<String, String>>,
}

#[function_component(Organisations)]
pub fn organisations(props: &OrganisationsProps) -> Html {
    let cashflow = &props.cashflow;
    let organisations = &cashflow.results.by_organisation;
    if organisations.is_empty() {
        return html! {};
    }
    let end = cashflow
        .final_month()
        .map(|month| month.long_name())
        .unwrap_or_default();
    let columns = OrganisationColumn::shown(cashflow);
    let repayments = &cashflow.results.repayments;
    let hint = if repayments.is_empty() {
        format!("Over the whole horizon, to {end}: what each organisation invests, the savings that land with it, and the difference (costs in brackets).")
    } else {
        format!("Over the whole horizon, to {end}: what each organisation invests, the savings that land with it, what it repays out of them or is repaid, and the difference (costs in brackets).")
    };
    html! {
        <section class="organisations">
            <h2 id="organisations-heading">{ "Who pays and who gains" }</h2>
            <p class="organisations__hint">{ hint }</p>
            <div class="table-scroll" role="region" aria-labelledby="organisations-heading" tabindex="0">
                <table class="cashflow" id="organisations-table">
                    <thead>
                        <tr>
                            <th scope="col">{ "Organisation" }</th>
                            { for columns.iter().map(|column| html! {
                                <th scope="col" class="num">{ column.heading() }</th>
                            }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for organisations.iter().map(|o| html! {
                            <tr>
                                <th scope="row">{ &o.name }</th>
                                { for columns.iter().map(|column| html! {
                                    <td class="num">{ format_council(column.printed(o)) }</td>
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            if !repayments.is_empty() {
                <h3 id="repayments-heading">{ "Repayments" }</h3>
                { for repaid_sentences(cashflow).into_iter().map(|sentence| html! {
                    <p class="organisations__repaid">{ sentence }</p>
                }) }
                <div class="table-scroll" role="region" aria-labelledby="repayments-heading" tabindex="0">
                    <table class="cashflow" id="repayments-table">
                        <thead>
                            <tr>
                                <th scope="col">{ RepaymentColumn::LABEL_HEADING }</th>
                                { for RepaymentColumn::ALL.map(|column| html! {
                                    <th scope="col" class={column.is_money().then_some("num")}>{ column.heading() }</th>
                                }) }
                            </tr>
                        </thead>
                        <tbody>
                            { for repayments.iter().map(|r| {
                                let (label, cells) = RepaymentColumn::row(r);
                                html! {
                                    <tr data-repayment={r.id.clone()}>
                                        <th scope="row">{ label }</th>
                                        { for cells.into_iter().zip(RepaymentColumn::ALL).map(|(cell, column)| html! {
                                            <td class={column.is_money().then_some("num")}>{ cell }</td>
                                        }) }
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                </div>
                { for repayments.iter().filter_map(|r| {
                    let source = props.sources.get(&r.id)?;
                    Some(html! { <p class="organisations__source">{ format!("{}: {source}", r.label) }</p> })
                }) }
            }
        </section>
    }
}
