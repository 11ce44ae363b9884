//! "Take the numbers away": the monthly and financial-year tables, who pays and who gains (in
//! total and month by month) as CSV, the chart as SVG, and a printed summary. Every file is made in the browser from the results on screen.

use std::rc::Rc;

use rust_decimal::Decimal;
use yew::prelude::*;

use crate::app::browser;
use crate::model::Cashflow;
use crate::report::{csv, svg};

#[derive(Properties, PartialEq)]
pub struct DownloadsProps {
    pub cashflow: Rc<Cashflow>,
    /// The proposal's id, which starts each file's name.
    pub proposal_id: AttrValue,
    pub proposal_name: AttrValue,
    /// The report's own cumulative figures, drawn dashed on the chart.
    pub published: Option<Rc<Vec<Decimal>>>,
    /// The model curve's colour in the saved chart.
    pub brand_colour: AttrValue,
    /// The scenario's full address, printed so a paper copy leads back to it.
    pub address: AttrValue,
}

#[function_component(Downloads)]
pub fn downloads(props: &DownloadsProps) -> Html {
    let problem = use_state(String::new);
    // Each file is written only when asked for, so moving a slider costs nothing extra.
    let save = |suffix: &'static str, mime: &'static str, make: Rc<dyn Fn() -> String>| {
        let problem = problem.clone();
        let name = format!("{}-{suffix}", props.proposal_id);
        Callback::from(move |_: MouseEvent| {
            problem.set(
                browser::download(&name, mime, &make())
                    .err()
                    .unwrap_or_default(),
            );
        })
    };
    let cashflow = props.cashflow.clone();
    // Each CSV is one of the report's tables of the cashflow on screen.
    let csv_file = |suffix: &'static str, table: fn(&Cashflow) -> String| {
        let cashflow = cashflow.clone();
        save(
            suffix,
            "text/csv;charset=utf-8",
            Rc::new(move || table(&cashflow)),
        )
    };
    let on_months = csv_file("months.csv", csv::months);
    let on_years = csv_file("years.csv", csv::years);
    let on_organisations = csv_file("organisations.csv", csv::organisations);
    let on_positions = csv_file("positions.csv", csv::positions);
    let on_chart = save("chart.svg", "image/svg+xml;charset=utf-8", {
        let cashflow = cashflow.clone();
        let published = props.published.clone();
        let title = format!(
            "{}: cumulative position, month by month",
            props.proposal_name
        );
        let brand = props.brand_colour.to_string();
        Rc::new(move || {
            svg::chart_svg(
                &cashflow,
                published.as_deref().map(|v| v.as_slice()),
                &title,
                &brand,
            )
        })
    });
    let on_print = Callback::from(|_: MouseEvent| browser::print());
    html! {
        <section class="downloads" aria-labelledby="downloads-heading">
            <h2 id="downloads-heading">{ "Take the numbers away" }</h2>
            <p class="downloads__hint">{ "Files are made in your browser from the results above, with your assumptions. CSV amounts are in pounds and pence; costs are positive." }</p>
            <ul class="downloads__list">
                <li><button type="button" class="button button--secondary" id="download-months" onclick={on_months}>{ "Monthly table (CSV)" }</button></li>
                <li><button type="button" class="button button--secondary" id="download-years" onclick={on_years}>{ "Financial-year table (CSV)" }</button></li>
                <li><button type="button" class="button button--secondary" id="download-organisations" onclick={on_organisations}>{ "Who pays and who gains (CSV)" }</button></li>
                <li><button type="button" class="button button--secondary" id="download-positions" onclick={on_positions}>{ "Each organisation, month by month (CSV)" }</button></li>
                <li><button type="button" class="button button--secondary" id="download-chart" onclick={on_chart}>{ "Chart (SVG)" }</button></li>
                <li><button type="button" class="button button--secondary" id="print-summary" onclick={on_print}>{ "Print a summary" }</button></li>
            </ul>
            if !problem.is_empty() {
                <p class="downloads__problem" role="alert">{ (*problem).clone() }</p>
            }
            <p class="print-only print-link">{ "This scenario online: " }<span class="print-link__address">{ props.address.clone() }</span></p>
        </section>
    }
}
