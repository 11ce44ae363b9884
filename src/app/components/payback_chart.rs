//! The payback curve: the cumulative position month by month, the zero line, the published curve
//! dashed, and markers for in-month breakeven and payback.

use std::rc::Rc;

use rust_decimal::Decimal;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::details::use_details_open;
use super::tables::money_cell;
use super::uncertainty_panel::BandRun;
use crate::model::money::format_pounds;
use crate::model::Cashflow;
use crate::report::chart::{chart_with, PinnedSeries, HEIGHT, WIDTH};

#[derive(Properties, PartialEq)]
pub struct PaybackChartProps {
    pub cashflow: Rc<Cashflow>,
    /// The report's own cumulative figures, month by month, if it prints them.
    pub published: Option<Rc<Vec<Decimal>>>,
    /// The uncertainty run's band, when the reader has asked for it.
    #[prop_or_default]
    pub band: Option<Rc<BandRun>>,
    /// Whether the band is for the scenario on the page (else it is drawn as being updated).
    #[prop_or_default]
    pub band_current: bool,
    /// The pinned scenarios' letters and cumulative positions, month by month.
    #[prop_or_default]
    pub pinned: Rc<Vec<(&'static str, Vec<Decimal>)>>,
}

/// Where a marker's label is anchored, and which end: beside its line, towards the middle, but
/// moved in if it would run past the chart's edge in the larger type of a narrow screen (22px,
/// bold: about 0.62em a character), where a cut-off label would be lost.
fn marker_label(x: f64, label: &str, middle: f64) -> (f64, &'static str) {
    let width = label.chars().count() as f64 * 22.0 * 0.62;
    if x > middle {
        ((x - 6.0).max(4.0 + width).min(WIDTH - 4.0), "end")
    } else {
        ((x + 6.0).min(WIDTH - 4.0 - width).max(4.0), "start")
    }
}

#[function_component(PaybackChart)]
pub fn payback_chart(props: &PaybackChartProps) -> Html {
    let (data_open, on_data_toggle) = use_details_open();
    let pinned: Vec<PinnedSeries> = props
        .pinned
        .iter()
        .map(|(letter, cumulative)| PinnedSeries { letter, cumulative })
        .collect();
    let drawn = chart_with(
        &props.cashflow,
        props.published.as_deref().map(|v| v.as_slice()),
        props.band.as_deref().map(|band| &band.done),
        &pinned,
    );
    let band_class = classes!(
        "chart__band",
        (!props.band_current).then_some("chart__band--updating")
    );
    let f = crate::report::coordinates::tenths;
    let last = props.cashflow.months.len().saturating_sub(1);
    // The month the reader is looking at: the last one until they point or slide elsewhere.
    let reading = use_state(|| None::<usize>);
    let at = reading.map(|index| index.min(last)).unwrap_or(last);

    let on_pointer = {
        let reading = reading.clone();
        let drawn = drawn.clone();
        Callback::from(move |event: MouseEvent| {
            // Yew listens at the page's root, so find the chart from what the pointer is over.
            let Some(svg) = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|element| element.closest("svg").ok().flatten())
            else {
                return;
            };
            let bounds = svg.get_bounding_client_rect();
            // The drawing keeps its proportions inside the element (preserveAspectRatio "meet"),
            // centred, so undo that scale and offset to find the chart's own x.
            let scale = (bounds.width() / WIDTH).min(bounds.height() / HEIGHT);
            if scale > 0.0 {
                let left_margin = (bounds.width() - WIDTH * scale) / 2.0;
                let x = (f64::from(event.client_x()) - bounds.left() - left_margin) / scale;
                if let Some(index) = drawn.month_at(x) {
                    reading.set(Some(index));
                }
            }
        })
    };
    let on_slide = {
        let reading = reading.clone();
        Callback::from(move |event: InputEvent| {
            let input: HtmlInputElement = event.target_unchecked_into();
            if let Ok(index) = input.value().parse::<usize>() {
                reading.set(Some(index));
            }
        })
    };
    let readout = props.cashflow.months.get(at).map(|row| {
        format!(
            "{}: cumulative {}, in month {}",
            row.month.long_name(),
            format_pounds(row.cumulative),
            format_pounds(row.net)
        )
    });
    let guide = drawn.points.get(at).copied();
    let published = props.published.as_deref();
    html! {
        <figure class="chart">
            <figcaption id="chart-title">
                { "Cumulative position, month by month" }
                <span class="chart__key">
                    <span class="key key--model">{ "model" }</span>
                    if drawn.published_path.is_some() { <span class="key key--published">{ "as published" }</span> }
                    if drawn.band_path.is_some() { <span class="key key--band">{ "middle 80% of runs" }</span> }
                    if !drawn.pinned.is_empty() { <span class="key key--pinned">{ "pinned A, B, C" }</span> }
                </span>
            </figcaption>
            <svg viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img" aria-labelledby="chart-title" aria-describedby="chart-summary"
                preserveAspectRatio="xMidYMid meet" class="chart__svg" onmousemove={on_pointer}>
                <g class="chart__grid">
                    { for drawn.y_ticks.iter().map(|tick| html! {
                        <g>
                            <line x1={f(drawn.plot_left)} x2={f(drawn.plot_right)} y1={f(tick.position)} y2={f(tick.position)} />
                            <text x={f(drawn.plot_left - 8.0)} y={f(tick.position + 5.0)} text-anchor="end">{ &tick.label }</text>
                        </g>
                    }) }
                    { for drawn.year_boundaries.iter().map(|x| html! {
                        <line class="chart__year" x1={f(*x)} x2={f(*x)} y1={f(drawn.plot_top)} y2={f(drawn.plot_bottom)} />
                    }) }
                    { for drawn.year_labels.iter().map(|tick| html! {
                        <text class="chart__year-label" x={f(tick.position)} y={f(drawn.plot_bottom + 22.0)} text-anchor="middle">{ &tick.label }</text>
                    }) }
                    <text class="chart__axis-title" x={f((drawn.plot_left + drawn.plot_right) / 2.0)} y={f(drawn.plot_bottom + 46.0)} text-anchor="middle">
                        { "Financial year (April to March), one point a month" }
                    </text>
                </g>
                if let Some(path) = drawn.band_path.clone() {
                    <path class={band_class.clone()} d={path} />
                }
                if let Some(path) = drawn.median_path.clone() {
                    <path class={classes!("chart__median", (!props.band_current).then_some("chart__median--updating"))} d={path} />
                }
                <line class="chart__zero" x1={f(drawn.plot_left)} x2={f(drawn.plot_right)} y1={f(drawn.zero_y)} y2={f(drawn.zero_y)} />
                if let Some(path) = drawn.published_path.clone() {
                    <path class="chart__published" d={path} />
                }
                { for drawn.pinned.iter().map(|curve| html! {
                    <g class={format!("chart__pinned chart__pinned--{}", curve.letter.to_ascii_lowercase())}>
                        <path d={curve.path.clone()} />
                        <text x={f(curve.end.0)} y={f(curve.end.1)} text-anchor="end">{ curve.letter }</text>
                    </g>
                }) }
                <path class="chart__model" d={drawn.model_path.clone()} />
                { for drawn.markers.iter().enumerate().map(|(index, marker)| {
                    // Labels sit above the plot, one row each, so they never overlap.
                    let label_y = 14.0 + 18.0 * index as f64;
                    let (label_x, anchor) = marker_label(marker.x, &marker.label, (drawn.plot_left + drawn.plot_right) / 2.0);
                    html! {
                        <g class={format!("chart__marker chart__marker--{}", marker.kind)}>
                            <line x1={f(marker.x)} x2={f(marker.x)} y1={f(label_y + 4.0)} y2={f(drawn.plot_bottom)} />
                            <circle cx={f(marker.x)} cy={f(marker.y)} r="5" />
                            <text x={f(label_x)} y={f(label_y)} text-anchor={anchor}>{ &marker.label }</text>
                        </g>
                    }
                }) }
                if let Some((x, y)) = guide {
                    <g class="chart__reading">
                        <line x1={f(x)} x2={f(x)} y1={f(drawn.plot_top)} y2={f(drawn.plot_bottom)} />
                        <circle cx={f(x)} cy={f(y)} r="4" />
                    </g>
                }
            </svg>
            if let Some(text) = readout {
                <div class="chart__readout">
                    <label for="chart-month" class="chart__readout-label">{ "Read the curve at a month" }</label>
                    <p class="chart__readout-hint" id="chart-month-hint">{ "Use the arrow keys to go a month at a time, Home and End for the first and last month, or point at the chart." }</p>
                    <input type="range" id="chart-month" min="0" max={last.to_string()} step="1" value={at.to_string()}
                        aria-describedby="chart-month-hint" aria-valuetext={text.clone()} oninput={on_slide} />
                    <p id="chart-reading" class="chart__reading-text">{ text }</p>
                </div>
            }
            <p class="chart__summary" id="chart-summary">{ &drawn.description }</p>
            <details class="chart__data" id="chart-data" ontoggle={on_data_toggle}>
                <summary>{ "Show the chart's data as a table" }</summary>
                <div class="table-scroll" tabindex="0" role="region" aria-labelledby="chart-data-caption">
                    <table class="cashflow" id="chart-data-table">
                        <caption id="chart-data-caption">{ "The chart's data: cumulative position at the end of each month, pounds; costs in brackets" }</caption>
                        <thead><tr>
                            <th scope="col">{ "Month" }</th>
                            <th scope="col">{ "Model (solid line)" }</th>
                            if published.is_some() { <th scope="col">{ "As published (dashed line)" }</th> }
                        </tr></thead>
                        // Its rows are drawn only while it is open: closed, they would be
                        // redrawn on every input (a row a month).
                        <tbody>
                            if data_open {
                                { for props.cashflow.months.iter().enumerate().map(|(index, row)| html! {
                                    <tr>
                                        <th scope="row">{ row.month.short_name() }</th>
                                        { money_cell(row.cumulative) }
                                        if let Some(published) = published {
                                            { published.get(index).map(|amount| money_cell(*amount))
                                                .unwrap_or_else(|| html! { <td class="num">{ "not printed" }</td> }) }
                                        }
                                    </tr>
                                }) }
                            }
                        </tbody>
                    </table>
                </div>
            </details>
        </figure>
    }
}
