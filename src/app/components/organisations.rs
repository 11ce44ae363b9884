//! Who pays and who gains: each organisation's investment, the savings that land with it, and
//! the difference, over the horizon. Money flows between organisations, as the GMCA cost benefit
//! model shows them; a proposal can pay back overall while one partner is out of pocket.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::money::format_council;
use crate::model::Cashflow;
use crate::report::columns::OrganisationColumn;

#[derive(Properties, PartialEq)]
pub struct OrganisationsProps {
    pub cashflow: Rc<Cashflow>,
}

#[function_component(Organisations)]
pub fn organisations(props: &OrganisationsProps) -> Html {
    let organisations = &props.cashflow.results.by_organisation;
    if organisations.is_empty() {
        return html! {};
    }
    let end = props
        .cashflow
        .final_month()
        .map(|month| month.long_name())
        .unwrap_or_default();
    html! {
        <section class="organisations">
            <h2 id="organisations-heading">{ "Who pays and who gains" }</h2>
            <p class="organisations__hint">{ format!("Over the whole horizon, to {end}: what each organisation invests, the savings that land with it, and the difference (costs in brackets).") }</p>
            <div class="table-scroll" role="region" aria-labelledby="organisations-heading" tabindex="0">
                <table class="cashflow" id="organisations-table">
                    <thead>
                        <tr>
                            <th scope="col">{ "Organisation" }</th>
                            { for OrganisationColumn::ALL.map(|column| html! {
                                <th scope="col" class="num">{ column.heading() }</th>
                            }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for organisations.iter().map(|o| html! {
                            <tr>
                                <th scope="row">{ &o.name }</th>
                                { for OrganisationColumn::ALL.map(|column| html! {
                                    <td class="num">{ format_council(column.printed(o)) }</td>
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}
