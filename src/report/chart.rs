//! Geometry of the payback curve: where each point, tick and marker goes in the SVG. Pixel
//! positions are floats; the money they stand for comes exact from the model.

use rust_decimal::Decimal;

use super::coordinates::push_tenths;
use crate::analysis::Uncertainty;
use crate::model::money::{format_pounds, group_thousands, whole_pounds};
use crate::model::{Cashflow, Payback, YearMonth};

pub const WIDTH: f64 = 720.0;
pub const HEIGHT: f64 = 380.0;
const LEFT: f64 = 84.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 40.0;
const BOTTOM: f64 = 56.0;
/// Room a "2022/23" label needs, in the chart's units.
const MIN_LABEL_WIDTH: f64 = 70.0;

#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub position: f64,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    pub x: f64,
    pub y: f64,
    pub label: String,
    /// Short name for styling: "breakeven" or "payback".
    pub kind: &'static str,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// SVG path of the model's cumulative position.
    pub model_path: String,
    /// SVG path of the published cumulative, where the report prints one.
    pub published_path: Option<String>,
    pub zero_y: f64,
    pub plot_left: f64,
    pub plot_right: f64,
    pub plot_top: f64,
    pub plot_bottom: f64,
    pub y_ticks: Vec<Tick>,
    /// Financial-year boundaries (x of each April) and the year's label at its middle.
    pub year_boundaries: Vec<f64>,
    pub year_labels: Vec<Tick>,
    pub markers: Vec<Marker>,
    /// What the curve shows, in words: where it starts, its deepest point, breakeven, payback
    /// and where it ends. Shown under the chart and tied to it for screen readers.
    pub description: String,
    /// Where each month's point of the model's curve is.
    pub points: Vec<(f64, f64)>,
    /// The uncertainty run's band, where one is drawn: the area between the 10th and 90th
    /// percentile of the cumulative position (a closed path), and the median's line.
    pub band_path: Option<String>,
    pub median_path: Option<String>,
    /// The pinned scenarios' curves, each told apart by its dashes and its letter at its end.
    pub pinned: Vec<PinnedCurve>,
}

/// A pinned scenario's curve on the chart.
#[derive(Debug, Clone, PartialEq)]
pub struct PinnedCurve {
    /// "A", "B" or "C".
    pub letter: &'static str,
    pub path: String,
    /// Where its letter sits: just above its last point (anchored at its end).
    pub end: (f64, f64),
}

/// A pinned scenario to draw: its letter and its cumulative position month by month.
pub struct PinnedSeries<'a> {
    pub letter: &'static str,
    pub cumulative: &'a [Decimal],
}

impl Chart {
    /// The month whose point is nearest a horizontal position in the chart's units.
    pub fn month_at(&self, x: f64) -> Option<usize> {
        let count = self.points.len();
        if count == 0 || !x.is_finite() {
            return None;
        }
        let fraction = (x - self.plot_left) / (self.plot_right - self.plot_left);
        let index = (fraction * count as f64 - 0.5).round();
        Some(index.clamp(0.0, (count - 1) as f64) as usize)
    }
}

/// An amount as a float, for drawing: its digits over its power of ten. Near enough for a pixel
/// (within a few parts in 10^16), and much cheaper than `Decimal::to_f64`'s exact conversion, which
/// a profile showed at a fifth of the chart's work on each input.
pub(crate) fn to_f64(amount: Decimal) -> f64 {
    const POWERS_OF_TEN: [f64; 29] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22, 1e23, 1e24, 1e25, 1e26, 1e27, 1e28,
    ];
    let scale = POWERS_OF_TEN[(amount.scale() as usize).min(28)];
    amount.mantissa() as f64 / scale
}

/// A money scale from round numbers below to round numbers above some values and nought.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct MoneyAxis {
    low: f64,
    high: f64,
    step: f64,
}

impl MoneyAxis {
    /// The round scale covering `values` and nought, about five ticks from end to end.
    pub(crate) fn around(values: &[f64]) -> MoneyAxis {
        let low = values.iter().copied().fold(0.0_f64, f64::min);
        let high = values.iter().copied().fold(0.0_f64, f64::max);
        MoneyAxis::between(low, high)
    }

    /// The round scale covering `values` alone, where nought is not a useful place to start.
    pub(crate) fn spanning(values: &[f64]) -> MoneyAxis {
        let low = values.iter().copied().fold(f64::INFINITY, f64::min);
        let high = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        if low.is_finite() && high.is_finite() {
            // A single value still gets a scale of a sensible size around it.
            let margin = if high > low {
                0.0
            } else {
                (high.abs() / 10.0).max(1.0)
            };
            MoneyAxis::between(low - margin, high + margin)
        } else {
            MoneyAxis::between(0.0, 0.0)
        }
    }

    fn between(low: f64, high: f64) -> MoneyAxis {
        let step = tick_step(high - low);
        let low = (low / step).floor() * step;
        let mut high = (high / step).ceil() * step;
        if high <= low {
            high = low + step;
        }
        MoneyAxis { low, high, step }
    }

    /// Where `value` falls between the scale's low end (0) and its high end (1).
    pub(crate) fn fraction(&self, value: f64) -> f64 {
        (value - self.low) / (self.high - self.low)
    }

    /// A labelled tick at each step, placed by `position_of` a value.
    pub(crate) fn ticks(&self, position_of: impl Fn(f64) -> f64) -> Vec<Tick> {
        let mut ticks = Vec::new();
        let mut tick = self.low;
        while tick <= self.high + self.step / 2.0 && ticks.len() < 20 {
            ticks.push(Tick {
                position: position_of(tick),
                // A sum of steps that should be nought may come out a hair off it.
                label: short_pounds(if tick.abs() < self.step / 1e6 {
                    0.0
                } else {
                    tick
                }),
            });
            tick += self.step;
        }
        ticks
    }
}

/// A round step giving about five ticks over `span`.
fn tick_step(span: f64) -> f64 {
    if span <= 0.0 || !span.is_finite() {
        return 1.0;
    }
    let rough = span / 5.0;
    let magnitude = 10f64.powf(rough.log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|step| *step >= rough)
        .unwrap_or(10.0 * magnitude)
}

/// "£250k", "-£1.5m", "£0".
pub fn short_pounds(value: f64) -> String {
    let sign = if value < 0.0 { "-" } else { "" };
    let size = value.abs();
    let text = if size >= 1_000_000.0 {
        format!("{}m", trim(size / 1_000_000.0))
    } else if size >= 1_000.0 {
        format!("{}k", trim(size / 1_000.0))
    } else {
        trim(size)
    };
    format!("{sign}£{text}")
}

fn trim(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// The curve in words, for the reader who cannot see it (and the one who would rather read).
pub fn summary(cashflow: &Cashflow, shows_published: bool) -> String {
    let (Some(first), Some(last)) = (cashflow.months.first(), cashflow.months.last()) else {
        return "No months to show.".into();
    };
    let results = &cashflow.results;
    let mut sentences = vec![format!(
        "The solid line, the model's cumulative position, starts at {} in {}",
        format_pounds(whole_pounds(first.cumulative)),
        first.month.long_name()
    )];
    match results.deepest_month {
        Some(month) if results.deepest_cumulative.is_sign_negative() => {
            sentences[0].push_str(&format!(
                ", is lowest at {} in {}",
                format_pounds(results.deepest_cumulative),
                month.long_name()
            ))
        }
        _ => {}
    }
    sentences[0].push_str(&format!(
        " and ends at {} in {}.",
        format_pounds(whole_pounds(last.cumulative)),
        last.month.long_name()
    ));
    sentences.push(match results.breakeven_month {
        Some(month) => format!(
            "In-month breakeven (the first month whose saving exceeds its investment): {}.",
            month.long_name()
        ),
        None => "No month's saving exceeds its investment.".into(),
    });
    sentences.push(match results.payback {
        Payback::PaidBackIn(month) => format!(
            "Payback (from here on the cumulative position stays at or above zero): {}.",
            month.long_name()
        ),
        Payback::NotWithinHorizon => {
            format!("It is not paid back by {}.", last.month.long_name())
        }
        Payback::NeverInDeficit => {
            "It is never out of pocket, so there is nothing to pay back.".into()
        }
    });
    if shows_published {
        sentences.push("The dashed line is the report's own cumulative figures.".into());
    }
    sentences.join(" ")
}

pub fn chart(cashflow: &Cashflow, published_cumulative: Option<&[Decimal]>) -> Chart {
    chart_with_band(cashflow, published_cumulative, None)
}

/// The chart with the uncertainty run's band behind the curve, the scale taking it in.
pub fn chart_with_band(
    cashflow: &Cashflow,
    published_cumulative: Option<&[Decimal]>,
    band: Option<&Uncertainty>,
) -> Chart {
    chart_with(cashflow, published_cumulative, band, &[])
}

/// The chart with the band and the pinned scenarios' curves, the scale taking them all in.
/// A pinned curve of another length (another horizon) is drawn for the months they share.
pub fn chart_with(
    cashflow: &Cashflow,
    published_cumulative: Option<&[Decimal]>,
    band: Option<&Uncertainty>,
    pinned: &[PinnedSeries],
) -> Chart {
    let count = cashflow.months.len().max(1);
    let plot_width = WIDTH - LEFT - RIGHT;
    let plot_height = HEIGHT - TOP - BOTTOM;
    let x_of = |index: usize| LEFT + plot_width * (index as f64 + 0.5) / count as f64;

    let mut values: Vec<f64> = cashflow
        .months
        .iter()
        .map(|r| to_f64(r.cumulative))
        .collect();
    if let Some(published) = published_cumulative {
        values.extend(published.iter().map(|v| to_f64(*v)));
    }
    // Only a band for these months: one for another horizon would sit in the wrong places.
    let band = band.filter(|run| {
        run.cumulative.len() == cashflow.months.len()
            && run
                .months
                .iter()
                .zip(&cashflow.months)
                .all(|(m, row)| *m == row.month)
            && run.draws > 0
    });
    let band_values: Vec<f64> = band
        .iter()
        .flat_map(|run| run.cumulative.iter())
        .flat_map(|of| [to_f64(of.p10), to_f64(of.p90)])
        .collect();
    let pinned_values: Vec<f64> = pinned
        .iter()
        .flat_map(|series| series.cumulative.iter().take(count))
        .map(|v| to_f64(*v))
        .collect();
    let axis = MoneyAxis::around(&[values.as_slice(), &band_values, &pinned_values].concat());
    let y_of = |value: f64| TOP + plot_height * (1.0 - axis.fraction(value));

    let path = |points: &mut dyn Iterator<Item = (usize, f64)>| {
        let mut path = String::new();
        for (index, value) in points {
            let command = if path.is_empty() { 'M' } else { 'L' };
            path.push(command);
            push_tenths(&mut path, x_of(index));
            path.push(',');
            push_tenths(&mut path, y_of(value));
            path.push(' ');
        }
        path.trim_end().to_string()
    };
    let model_path = path(
        &mut values
            .iter()
            .take(cashflow.months.len())
            .copied()
            .enumerate(),
    );
    let published_path = published_cumulative
        .filter(|p| !p.is_empty())
        .map(|p| path(&mut p.iter().map(|v| to_f64(*v)).enumerate().take(count)));

    let y_ticks = axis.ticks(y_of);

    // The band: along the 90th percentile, back along the 10th, closed.
    let band_path =
        band.map(|run| {
            let along = path(&mut run.cumulative.iter().map(|of| to_f64(of.p90)).enumerate());
            let back: String = run.cumulative.iter().enumerate().rev().fold(
                String::new(),
                |mut back, (index, of)| {
                    back.push_str(" L");
                    push_tenths(&mut back, x_of(index));
                    back.push(',');
                    push_tenths(&mut back, y_of(to_f64(of.p10)));
                    back
                },
            );
            format!("{along}{back} Z")
        });
    let median_path =
        band.map(|run| path(&mut run.cumulative.iter().map(|of| to_f64(of.p50)).enumerate()));
    let pinned: Vec<PinnedCurve> = pinned
        .iter()
        .filter(|series| !series.cumulative.is_empty())
        .map(|series| {
            let shown = &series.cumulative[..series.cumulative.len().min(count)];
            let last = shown.len() - 1;
            PinnedCurve {
                letter: series.letter,
                path: path(&mut shown.iter().map(|v| to_f64(*v)).enumerate()),
                end: (x_of(last), y_of(to_f64(shown[last])) - 6.0),
            }
        })
        .collect();

    // Financial years: a boundary at each April, and a label at each year's middle, skipping
    // years when they are too narrow for "2022/23".
    let mut years: Vec<(f64, f64, String)> = Vec::new();
    let mut start_index = 0;
    for (index, row) in cashflow.months.iter().enumerate() {
        let year = row.month.financial_year();
        let last_of_year = cashflow
            .months
            .get(index + 1)
            .is_none_or(|next| next.month.financial_year() != year);
        if last_of_year {
            let left = LEFT + plot_width * start_index as f64 / count as f64;
            let right = LEFT + plot_width * (index + 1) as f64 / count as f64;
            years.push((left, right, year.to_string()));
            start_index = index + 1;
        }
    }
    let year_boundaries = years.iter().skip(1).map(|(left, _, _)| *left).collect();
    let full_year_width = plot_width * 12.0 / count as f64;
    let stride = (MIN_LABEL_WIDTH / full_year_width).ceil().max(1.0) as usize;
    let year_labels = years
        .iter()
        .enumerate()
        .filter(|(index, (left, right, _))| {
            index % stride == 0 && right - left >= MIN_LABEL_WIDTH * 0.7
        })
        .map(|(_, (left, right, label))| Tick {
            position: (left + right) / 2.0,
            label: label.clone(),
        })
        .collect();

    let position = |month: YearMonth| cashflow.months.iter().position(|r| r.month == month);
    let mut markers = Vec::new();
    if let Some(month) = cashflow.results.breakeven_month {
        if let Some(index) = position(month) {
            markers.push(Marker {
                x: x_of(index),
                y: y_of(values[index]),
                label: format!("In-month breakeven: {}", month.short_name()),
                kind: "breakeven",
            });
        }
    }
    if let Some(month) = cashflow.results.payback.month() {
        if let Some(index) = position(month) {
            markers.push(Marker {
                x: x_of(index),
                y: y_of(values[index]),
                label: format!("Payback: {}", month.short_name()),
                kind: "payback",
            });
        }
    }

    let mut description = summary(cashflow, published_path.is_some());
    if !pinned.is_empty() {
        let letters: Vec<&str> = pinned
            .iter()
            .map(|curve: &PinnedCurve| curve.letter)
            .collect();
        description.push_str(&format!(
            " The lines lettered {} at their ends are the pinned scenarios, compared in the table below.",
            letters.join(", ")
        ));
    }
    if let Some(run) = band {
        description.push(' ');
        description.push_str(&band_words(run));
    }

    Chart {
        model_path,
        published_path,
        zero_y: y_of(0.0),
        plot_left: LEFT,
        plot_right: WIDTH - RIGHT,
        plot_top: TOP,
        plot_bottom: HEIGHT - BOTTOM,
        y_ticks,
        year_boundaries,
        year_labels,
        markers,
        description,
        points: (0..cashflow.months.len())
            .map(|index| (x_of(index), y_of(values[index])))
            .collect(),
        band_path,
        median_path,
        pinned,
    }
}

/// The band in words: what it holds and where it ends.
fn band_words(run: &Uncertainty) -> String {
    let end = run.cumulative.last().zip(run.months.last());
    let mut words = format!(
        "The shaded band holds the middle eight in ten of {} runs with every uncertain assumption drawn at once; the dotted line is their median.",
        group_thousands(&run.draws.to_string())
    );
    if let Some((of, month)) = end {
        words.push_str(&format!(
            " In {} the band runs from {} to {}.",
            month.long_name(),
            format_pounds(whole_pounds(of.p10)),
            format_pounds(whole_pounds(of.p90))
        ));
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model;
    use crate::proposal::presets::preset;
    use rust_decimal::prelude::ToPrimitive;

    /// Drawing's float is the exact conversion's, near enough for a pixel: pence, millions and
    /// the model's many places.
    #[test]
    fn amounts_become_floats_near_enough_to_draw() {
        for text in [
            "0",
            "-1",
            "1234.56",
            "-250000.005",
            "12345678.901234567890123",
            "0.0000001",
        ] {
            let amount: Decimal = text.parse().unwrap();
            let exact = amount.to_f64().unwrap();
            let drawn = to_f64(amount);
            assert!(
                (drawn - exact).abs() <= exact.abs() * 1e-15,
                "{text}: {drawn} against {exact}"
            );
        }
        assert_eq!(to_f64(Decimal::new(123_456, 2)), 1234.56);
    }

    #[test]
    fn ticks_are_round_numbers_that_cover_the_curve() {
        assert_eq!(tick_step(450_000.0), 100_000.0);
        assert_eq!(short_pounds(-1_500_000.0), "-£1.5m");
        assert_eq!(short_pounds(250_000.0), "£250k");
        let sandwell = preset("sandwell").unwrap();
        let drawn = chart(&model::run(&sandwell.baseline), None);
        assert_eq!(drawn.y_ticks.first().unwrap().label, "-£100k");
        assert_eq!(drawn.y_ticks.last().unwrap().label, "£400k");
        assert_eq!(drawn.year_boundaries.len(), 3);
        assert_eq!(drawn.markers.len(), 2);
        assert!(drawn.markers[1].label.ends_with("Dec 2023"));
        assert_eq!(drawn.points.len(), 39);
        // The nearest point to a position, and never a month outside the curve.
        assert_eq!(drawn.month_at(drawn.points[23].0 + 1.0), Some(23));
        assert_eq!(drawn.month_at(0.0), Some(0));
        assert_eq!(drawn.month_at(WIDTH * 2.0), Some(38));
        assert_eq!(drawn.month_at(f64::NAN), None);
    }

    #[test]
    fn the_summary_names_the_start_the_deepest_point_breakeven_payback_and_the_end() {
        let sandwell = preset("sandwell").unwrap();
        let text = summary(&model::run(&sandwell.baseline), true);
        assert!(text.starts_with("The solid line, the model's cumulative position, starts at -£7,500 in January 2022, is lowest at -£"), "{text}");
        assert!(text.contains("ends at £370,000 in March 2025."), "{text}");
        assert!(text.contains("In-month breakeven (the first month whose saving exceeds its investment): February 2023."), "{text}");
        assert!(text.contains("): December 2023."), "{text}");
        assert!(
            text.ends_with("The dashed line is the report's own cumulative figures."),
            "{text}"
        );
    }

    #[test]
    fn the_band_runs_along_the_90th_percentile_and_back_along_the_10th() {
        use crate::analysis::{uncertain_levers, uncertainty};
        let sandwell = preset("sandwell").unwrap();
        let cashflow = model::run(&sandwell.baseline);
        let drawn = uncertain_levers(sandwell.levers(), &sandwell.baseline);
        let run = uncertainty(sandwell.levers(), &sandwell.baseline, &drawn, 1_000, 1);
        let drawn_chart = chart_with_band(&cashflow, None, Some(&run));
        let band = drawn_chart.band_path.as_deref().unwrap();
        // 39 months out along the 90th percentile (M then L), 39 back along the 10th, closed.
        assert_eq!(band.matches('M').count(), 1);
        assert_eq!(band.matches('L').count(), 38 + 39);
        assert!(band.ends_with(" Z"));
        assert_eq!(
            drawn_chart
                .median_path
                .as_deref()
                .unwrap()
                .matches('L')
                .count(),
            38
        );
        // The scale takes the band in: the draws run from about -£90k (the lowest 10th
        // percentile) to £440k, a span whose round step is £200k, so it starts at -£200k.
        let lowest = run
            .cumulative
            .iter()
            .map(|of| to_f64(of.p10))
            .fold(0.0, f64::min);
        assert!((-100_000.0..-78_750.0).contains(&lowest), "{lowest}");
        assert_eq!(drawn_chart.y_ticks[0].label, "-£200k");
        assert!(drawn_chart
            .description
            .contains("The shaded band holds the middle eight in ten of 1,000 runs"));
        // A band worked out for another horizon is not drawn against this one.
        let mut longer = sandwell.baseline.clone();
        longer.horizon_months = 48;
        let other = uncertainty(sandwell.levers(), &longer, &drawn, 10, 1);
        let unbanded = chart_with_band(&cashflow, None, Some(&other));
        assert_eq!(unbanded.band_path, None);
        assert_eq!(unbanded, chart(&cashflow, None));
    }
}
