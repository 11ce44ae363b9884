//! The payback curve: the cumulative position month by month, the zero line, the published curve
//! dashed, and markers for in-month breakeven and payback.

use std::rc::Rc;

use yew::prelude::*;

use crate::app::chart::{chart, HEIGHT, WIDTH};
use crate::model::Cashflow;

#[derive(Properties, PartialEq)]
pub struct PaybackChartProps {
    pub cashflow: Rc<Cashflow>,
    /// The report's own cumulative figures, month by month, if it prints them.
    pub published: Option<Rc<Vec<rust_decimal::Decimal>>>,
}

#[function_component(PaybackChart)]
pub fn payback_chart(props: &PaybackChartProps) -> Html {
    let drawn = chart(
        &props.cashflow,
        props.published.as_deref().map(|v| v.as_slice()),
    );
    let f = |v: f64| format!("{v:.1}");
    html! {
        <figure class="chart">
            <figcaption id="chart-title">
                { "Cumulative position, month by month" }
                <span class="chart__key">
                    <span class="key key--model">{ "model" }</span>
                    if drawn.published_path.is_some() { <span class="key key--published">{ "as published" }</span> }
                </span>
            </figcaption>
            <svg viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img" aria-labelledby="chart-title chart-description"
                preserveAspectRatio="xMidYMid meet" class="chart__svg">
                <desc id="chart-description">{ &drawn.description }</desc>
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
                <line class="chart__zero" x1={f(drawn.plot_left)} x2={f(drawn.plot_right)} y1={f(drawn.zero_y)} y2={f(drawn.zero_y)} />
                if let Some(path) = drawn.published_path.clone() {
                    <path class="chart__published" d={path} />
                }
                <path class="chart__model" d={drawn.model_path.clone()} />
                { for drawn.markers.iter().enumerate().map(|(index, marker)| {
                    // Labels sit above the plot, one row each, so they never overlap.
                    let label_y = 14.0 + 18.0 * index as f64;
                    let anchor = if marker.x > (drawn.plot_left + drawn.plot_right) / 2.0 { "end" } else { "start" };
                    html! {
                        <g class={format!("chart__marker chart__marker--{}", marker.kind)}>
                            <line x1={f(marker.x)} x2={f(marker.x)} y1={f(label_y + 4.0)} y2={f(drawn.plot_bottom)} />
                            <circle cx={f(marker.x)} cy={f(marker.y)} r="5" />
                            <text x={f(marker.x + if anchor == "end" { -6.0 } else { 6.0 })} y={f(label_y)} text-anchor={anchor}>{ &marker.label }</text>
                        </g>
                    }
                }) }
            </svg>
        </figure>
    }
}
