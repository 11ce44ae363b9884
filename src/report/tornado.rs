//! Geometry of the tornado chart: for each lever, a bar from the net return now to the net
//! return with the lever at its low value, and one to the net return at its high value, the
//! largest swing at the top. Pixel positions are floats; the money comes exact from the model.

use crate::analysis::{Sensitivity, SensitivityRow};
use crate::levers::Lever;
use crate::model::money::format_pounds;
use crate::report::chart::{to_f64, MoneyAxis, Tick};
use crate::wording::wrap;

pub const WIDTH: f64 = 720.0;
/// Room either side for the end ticks' labels, centred on their lines.
const LEFT: f64 = 36.0;
const RIGHT: f64 = 36.0;
/// Room above the bars for the money scale's labels.
const TOP: f64 = 34.0;
/// Room below the bars for the label of the line at the net return now.
const BOTTOM: f64 = 34.0;
/// A lever's name goes on lines of its own above its bars, at most this many characters a line
/// so that it fits in the larger type of a narrow screen.
const LABEL_CHARACTERS: usize = 40;
/// From one line of a name to the next: room for the narrow screen's type.
const LINE: f64 = 24.0;
/// From a row's top to its name's first baseline, and from the last one to the bars.
const ABOVE_LABEL: f64 = 18.0;
const BELOW_LABEL: f64 = 9.0;
const BAR_HEIGHT: f64 = 20.0;
/// From one row's bars to the next row's top.
const BETWEEN_ROWS: f64 = 5.0;
/// How many levers the description names before it leaves the rest to the table.
const DESCRIBED: usize = 3;

/// One bar: the lever at one end of its range.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment {
    /// Left edge and width: the bar runs from the net return now to the net return here.
    pub x: f64,
    pub width: f64,
    /// Which way it runs from the line at the net return now.
    pub raises_net_return: bool,
}

/// One lever's row.
#[derive(Debug, Clone, PartialEq)]
pub struct TornadoRow {
    /// The lever's link key.
    pub key: String,
    /// The lever's name, a line at a time, each at its baseline.
    pub label_lines: Vec<Tick>,
    /// Top of its bars.
    pub bar_y: f64,
    pub bar_height: f64,
    pub low: Segment,
    pub high: Segment,
    /// Neither end changes the net return: there is no bar to see, so the chart says so.
    pub unmoved: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tornado {
    pub width: f64,
    pub height: f64,
    pub plot_left: f64,
    pub plot_right: f64,
    pub plot_top: f64,
    pub plot_bottom: f64,
    /// The line every bar starts from: the net return with every lever where it is.
    pub centre_x: f64,
    pub centre_label: String,
    /// Money along the top, with a grid line down from each.
    pub ticks: Vec<Tick>,
    /// Largest swing first, as the sensitivity table has them.
    pub rows: Vec<TornadoRow>,
    /// The chart in words, for the reader who cannot see it.
    pub description: String,
}

/// The sensitivity's rows as a tornado chart; a row whose lever `levers` does not hold is left
/// out (the chart is drawn for the proposal the sensitivity was worked out for).
pub fn tornado(levers: &[Lever], found: &Sensitivity) -> Tornado {
    let rows: Vec<(&Lever, &SensitivityRow)> = found
        .rows
        .iter()
        .filter_map(|row| Some((levers.iter().find(|l| l.key == row.key)?, row)))
        .collect();
    let now = to_f64(found.net_return_now);
    let values: Vec<f64> = rows
        .iter()
        .flat_map(|(_, row)| [row.net_return_at_low, row.net_return_at_high])
        .map(to_f64)
        .chain([now])
        .collect();
    // Not from nought: the bars' lengths against each other are the point, and a scale from
    // nought would squeeze them into a corner of the chart.
    let axis = MoneyAxis::spanning(&values);
    let plot_left = LEFT;
    let plot_right = WIDTH - RIGHT;
    let x_of = |value: f64| plot_left + (plot_right - plot_left) * axis.fraction(value);
    let centre_x = x_of(now);
    let segment = |net_return: f64| Segment {
        x: x_of(net_return).min(centre_x),
        width: (x_of(net_return) - centre_x).abs(),
        raises_net_return: net_return > now,
    };
    let mut top = TOP;
    let drawn_rows: Vec<TornadoRow> = rows
        .iter()
        .map(|(lever, row)| {
            let label_lines: Vec<Tick> = wrap(&lever.label, LABEL_CHARACTERS)
                .into_iter()
                .enumerate()
                .map(|(index, label)| Tick {
                    position: top + ABOVE_LABEL + LINE * index as f64,
                    label,
                })
                .collect();
            let bar_y = label_lines.last().map_or(top, |line| line.position) + BELOW_LABEL;
            top = bar_y + BAR_HEIGHT + BETWEEN_ROWS;
            TornadoRow {
                key: row.key.clone(),
                label_lines,
                bar_y,
                bar_height: BAR_HEIGHT,
                low: segment(to_f64(row.net_return_at_low)),
                high: segment(to_f64(row.net_return_at_high)),
                unmoved: row.net_return_at_low == found.net_return_now
                    && row.net_return_at_high == found.net_return_now,
            }
        })
        .collect();
    let plot_bottom = top;
    Tornado {
        width: WIDTH,
        height: plot_bottom + BOTTOM,
        plot_left,
        plot_right,
        plot_top: TOP,
        plot_bottom,
        centre_x,
        centre_label: format!("Net return now {}", format_pounds(found.net_return_now)),
        ticks: axis.ticks(x_of),
        rows: drawn_rows,
        description: describe(&rows, found),
    }
}

/// "Net return now £417,917. Saving cap moves it most: £324,167 at £320,000 a year, £490,417
/// at £480,000 a year. Then ... The table gives all 8."
fn describe(rows: &[(&Lever, &SensitivityRow)], found: &Sensitivity) -> String {
    let mut sentences = vec![format!(
        "Net return now {}. Each bar runs from there to the net return with one lever alone at its low value (hatched) or its high value (solid).",
        format_pounds(found.net_return_now)
    )];
    let ends = |lever: &Lever, row: &SensitivityRow| {
        format!(
            "{} at {}, {} at {}",
            format_pounds(row.net_return_at_low),
            lever.describe(row.low),
            format_pounds(row.net_return_at_high),
            lever.describe(row.high)
        )
    };
    for (index, (lever, row)) in rows.iter().take(DESCRIBED).enumerate() {
        sentences.push(match index {
            0 => format!("{} moves it most: {}.", lever.label, ends(lever, row)),
            _ => format!("Then {}: {}.", lever.label, ends(lever, row)),
        });
    }
    sentences.push(match rows.len() {
        0 => "No lever has a value to move.".into(),
        count if count > DESCRIBED => format!("The table gives all {count}."),
        _ => "The table gives the same figures.".into(),
    });
    sentences.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::sensitivity::{sensitivity, DEFAULT_SWING_PERCENT};
    use crate::proposal::presets::preset;

    #[test]
    fn each_bar_runs_from_the_line_at_the_net_return_now_to_its_end() {
        let sandwell = preset("sandwell").unwrap();
        let found = sensitivity(sandwell.levers(), &sandwell.baseline, DEFAULT_SWING_PERCENT);
        let drawn = tornado(sandwell.levers(), &found);
        assert_eq!(drawn.rows.len(), found.rows.len());
        assert_eq!(drawn.centre_label, "Net return now £370,000");
        let x_of = |value: f64| {
            // Read back off the ticks: each is a round sum at a known place.
            let (first, last) = (drawn.ticks.first().unwrap(), drawn.ticks.last().unwrap());
            let money = |tick: &Tick| parse_short(&tick.label);
            first.position
                + (last.position - first.position) * (value - money(first))
                    / (money(last) - money(first))
        };
        assert!((drawn.centre_x - x_of(370_000.0)).abs() < 0.01);
        for (bar, row) in drawn.rows.iter().zip(&found.rows) {
            assert_eq!(bar.key, row.key);
            for (segment, net) in [
                (&bar.low, row.net_return_at_low),
                (&bar.high, row.net_return_at_high),
            ] {
                let end = to_f64(net);
                let far_end = if segment.raises_net_return {
                    segment.x + segment.width
                } else {
                    segment.x
                };
                assert!((far_end - x_of(end)).abs() < 0.01, "{} {end}", bar.key);
                let near_end = if segment.raises_net_return {
                    segment.x
                } else {
                    segment.x + segment.width
                };
                assert!((near_end - drawn.centre_x).abs() < 0.01);
                assert!(segment.x >= drawn.plot_left - 0.01);
                assert!(segment.x + segment.width <= drawn.plot_right + 0.01);
            }
        }
        // Rows go down the page in the table's order, none on top of another.
        for pair in drawn.rows.windows(2) {
            assert!(pair[1].label_lines[0].position >= pair[0].bar_y + pair[0].bar_height + 15.0);
        }
        assert!(drawn.rows.last().unwrap().bar_y < drawn.plot_bottom);
        for row in &drawn.rows {
            let last_line = row.label_lines.last().unwrap();
            assert!(last_line.position < row.bar_y);
            assert!(row
                .label_lines
                .iter()
                .all(|line| line.label.chars().count() <= 40));
        }
        // Only the months the council funds the post change nothing (the Trust takes over).
        let unmoved: Vec<&str> = drawn
            .rows
            .iter()
            .filter(|r| r.unmoved)
            .map(|r| r.key.as_str())
            .collect();
        assert_eq!(unmoved, ["council.months"]);
    }

    fn parse_short(label: &str) -> f64 {
        let negative = label.starts_with('-');
        let digits = label.trim_start_matches('-').trim_start_matches('£');
        let (number, scale) = match digits.strip_suffix('k') {
            Some(n) => (n, 1_000.0),
            None => match digits.strip_suffix('m') {
                Some(n) => (n, 1_000_000.0),
                None => (digits, 1.0),
            },
        };
        let value: f64 = number.parse::<f64>().unwrap() * scale;
        if negative {
            -value
        } else {
            value
        }
    }

    #[test]
    fn the_description_names_the_largest_swings_with_their_figures() {
        let sandwell = preset("sandwell").unwrap();
        let mut scenario = sandwell.baseline.clone();
        sandwell
            .lever("allocation")
            .unwrap()
            .set(&mut scenario, crate::levers::LeverValue::Number(50.into()));
        let found = sensitivity(sandwell.levers(), &scenario, DEFAULT_SWING_PERCENT);
        let drawn = tornado(sandwell.levers(), &found);
        // `calc 'v=1&p=sandwell&allocation=50' --table sensitivity` prints the same figures.
        assert!(
            drawn.description.starts_with("Net return now £417,917."),
            "{}",
            drawn.description
        );
        assert!(drawn.description.contains(
            "Saving cap moves it most: £324,167 at £320,000 a year, £490,417 at £480,000 a year."
        ));
        assert!(drawn.description.ends_with("The table gives all 8."));
    }

    #[test]
    fn with_no_lever_to_move_it_says_so() {
        let sandwell = preset("sandwell").unwrap();
        let mut found = sensitivity(sandwell.levers(), &sandwell.baseline, DEFAULT_SWING_PERCENT);
        found.rows.clear();
        let drawn = tornado(sandwell.levers(), &found);
        assert!(drawn.rows.is_empty());
        assert!(drawn.description.ends_with("No lever has a value to move."));
        assert!(drawn.height > drawn.plot_bottom);
    }
}
