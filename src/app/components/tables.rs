//! The cashflow as councils print it: financial years, months, and the budget view where the
//! proposal has one. Negative figures in brackets, tabular digits.

use std::rc::Rc;

use rust_decimal::Decimal;
use yew::prelude::*;

use super::details::use_details_open;

use crate::model::money::{format_council, format_quantity};
use crate::model::{Cashflow, Flows};
use crate::report::columns::CashflowColumn;

#[derive(Properties, PartialEq)]
pub struct TablesProps {
    pub cashflow: Rc<Cashflow>,
}

fn money_header(cashflow: &Cashflow) -> Html {
    html! {
        { for CashflowColumn::on_page(cashflow).into_iter().map(|column| html! {
            <th scope="col">{ column.heading(cashflow) }</th>
        }) }
    }
}

/// An amount as councils print it: a negative in brackets (and in red, which only repeats what
/// the brackets say).
pub fn money_cell(amount: Decimal) -> Html {
    let text = format_council(amount);
    let negative = text.starts_with('(');
    // A fixed class, not `classes!`, which builds a set of classes for every cell on every input.
    let class = if negative { "num negative" } else { "num" };
    html! { <td class={class}>{ text }</td> }
}

fn money_cells(cashflow: &Cashflow, flows: &Flows) -> Html {
    html! {
        { for CashflowColumn::on_page(cashflow).into_iter().map(|column| money_cell(column.printed(flows))) }
    }
}

#[function_component(CashflowTables)]
pub fn cashflow_tables(props: &TablesProps) -> Html {
    let cashflow = &props.cashflow;
    html! {
        <section class="tables" aria-labelledby="tables-heading">
            <h2 id="tables-heading">{ "Cashflow" }</h2>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="years-caption">
                <table class="cashflow" id="years-table">
                    <caption id="years-caption">{ "By financial year (April to March), pounds; costs in brackets" }</caption>
                    <thead><tr><th scope="col">{ "Year" }</th>{ money_header(cashflow) }</tr></thead>
                    <tbody>
                        { for cashflow.years.iter().map(|row| html! {
                            <tr>
                                <th scope="row">
                                    { row.year.to_string() }
                                    if row.months_in_horizon < 12 { <span class="part-year">{ format!(" ({} months)", row.months_in_horizon) }</span> }
                                </th>
                                { money_cells(cashflow, row) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <MonthTable cashflow={cashflow.clone()} />
            if let Some(budget) = &cashflow.budget {
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby="budget-caption">
                    <table class="cashflow budget" id="budget-table">
                        <caption id="budget-caption">{ format!("{}, pounds; reductions in brackets", budget.title) }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ "Row" }</th>
                                { for budget.years.iter().map(|y| html! { <th scope="col">{ y.to_string() }</th> }) }
                                <th scope="col">{ "Total" }</th>
                            </tr>
                        </thead>
                        <tbody>
                            { for budget.rows().map(|row| {
                                let emphasised = matches!(row.id.as_str(), "grand_total" | "year_on_year_investment" | "council_funding_required");
                                html! {
                                    <tr class={classes!(emphasised.then_some("total-row"))} data-row={row.id.clone()}>
                                        <th scope="row">{ &row.label }</th>
                                        { for row.per_year.iter().chain([&row.total]).map(|a| money_cell(*a)) }
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </section>
    }
}

/// The month-by-month table, under its own heading; its rows are drawn only while it is open
/// (a 120-month horizon has 120 of them, and a closed table would redraw them on every input).
#[function_component(MonthTable)]
fn month_table(props: &TablesProps) -> Html {
    let cashflow = &props.cashflow;
    let (open, on_toggle) = use_details_open();
    let shows_referrals = cashflow.months.iter().any(|row| row.referrals.is_some());
    html! {
        <details class="months" ontoggle={on_toggle}>
            <summary>{ format!("Month by month ({} months)", cashflow.months.len()) }</summary>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="months-caption">
                <table class="cashflow" id="months-table">
                    <caption id="months-caption">{
                        if shows_referrals {
                            "By month, pounds; costs in brackets. Referrals and cases avoided are the model's working, to one decimal place."
                        } else {
                            "By month, pounds; costs in brackets"
                        }
                    }</caption>
                    <thead><tr>
                        <th scope="col">{ "Month" }</th>
                        if shows_referrals {
                            <th scope="col">{ "Referrals avoided" }</th>
                            <th scope="col">{ "Cases avoided, still open" }</th>
                            <th scope="col">{ "Cashable steps" }</th>
                        }
                        { money_header(cashflow) }
                    </tr></thead>
                    <tbody>
                        if open {
                            { for cashflow.months.iter().map(|row| html! {
                                <tr>
                                    <th scope="row">{ row.month.short_name() }</th>
                                    if let Some(working) = &row.referrals {
                                        <td class="num">{ format_quantity(working.referral_reduction) }</td>
                                        <td class="num">{ format_quantity(working.open_cases_avoided) }</td>
                                        <td class="num">{ working.cashable_steps.normalize().to_string() }</td>
                                    }
                                    { money_cells(cashflow, row) }
                                </tr>
                            }) }
                        }
                    </tbody>
                </table>
            </div>
        </details>
    }
}
