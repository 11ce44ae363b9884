//! The payback curve as a standalone SVG file: the same geometry as the page's chart, with its
//! colours written into the drawing so it looks the same pasted into a committee paper. Also the
//! chart of the page built before any script runs.

use rust_decimal::Decimal;

use crate::model::Cashflow;
use crate::report::chart::{chart, HEIGHT, WIDTH};

/// Escapes text for HTML or XML content and attribute values. A control character other than a
/// tab or line break, which no XML file may hold, is shown as U+FFFD, so the drawing still opens.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() => out.push(char::REPLACEMENT_CHARACTER),
            _ => out.push(c),
        }
    }
    out
}

/// Colours of the drawing: the model's curve, and the text and lines around it.
const TEXT: &str = "#0b0c0c";
const MUTED: &str = "#484949";
const GRID: &str = "#dedede";
const PUBLISHED: &str = "#6f3c9c";
const GOOD: &str = "#00703c";

/// The chart, titled, as a complete SVG document. `brand` is the model curve's colour.
pub fn chart_svg(
    cashflow: &Cashflow,
    published_cumulative: Option<&[Decimal]>,
    title: &str,
    brand: &str,
) -> String {
    let drawn = chart(cashflow, published_cumulative);
    let f = crate::report::coordinates::tenths;
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {h}\" width=\"{WIDTH}\" height=\"{h}\" \
         font-family=\"Arial, Helvetica, sans-serif\" font-size=\"13\" role=\"img\" aria-labelledby=\"svg-title svg-desc\">\n\
         <title id=\"svg-title\">{title}</title>\n<desc id=\"svg-desc\">{desc}</desc>\n\
         <rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n",
        h = HEIGHT + 30.0,
        title = escape(title),
        desc = escape(&drawn.description),
    );
    out += &format!(
        "<text x=\"{}\" y=\"{}\" fill=\"{TEXT}\" font-weight=\"bold\">{}</text>\n",
        f(drawn.plot_left),
        f(HEIGHT + 20.0),
        escape(title)
    );
    // Key, under the axis title: line style as well as colour tells the two curves apart.
    let key_y = HEIGHT + 20.0;
    let key_x = drawn.plot_right - 250.0;
    out += &format!(
        "<line x1=\"{}\" x2=\"{}\" y1=\"{y}\" y2=\"{y}\" stroke=\"{brand}\" stroke-width=\"3.5\"/>\
         <text x=\"{}\" y=\"{}\" fill=\"{TEXT}\">model</text>\n",
        f(key_x),
        f(key_x + 24.0),
        f(key_x + 30.0),
        f(key_y),
        y = f(key_y - 4.0),
        brand = escape(brand),
    );
    if drawn.published_path.is_some() {
        out += &format!(
            "<line x1=\"{}\" x2=\"{}\" y1=\"{y}\" y2=\"{y}\" stroke=\"{PUBLISHED}\" stroke-width=\"2.5\" stroke-dasharray=\"7 5\"/>\
             <text x=\"{}\" y=\"{}\" fill=\"{TEXT}\">as published</text>\n",
            f(key_x + 90.0),
            f(key_x + 114.0),
            f(key_x + 120.0),
            f(key_y),
            y = f(key_y - 4.0),
        );
    }
    for tick in &drawn.y_ticks {
        out += &format!(
            "<line x1=\"{}\" x2=\"{}\" y1=\"{y}\" y2=\"{y}\" stroke=\"{GRID}\"/>\
             <text x=\"{}\" y=\"{}\" text-anchor=\"end\" fill=\"{MUTED}\">{}</text>\n",
            f(drawn.plot_left),
            f(drawn.plot_right),
            f(drawn.plot_left - 8.0),
            f(tick.position + 5.0),
            escape(&tick.label),
            y = f(tick.position),
        );
    }
    for x in &drawn.year_boundaries {
        out += &format!(
            "<line x1=\"{x}\" x2=\"{x}\" y1=\"{}\" y2=\"{}\" stroke=\"#b1b4b6\" stroke-dasharray=\"2 3\"/>\n",
            f(drawn.plot_top),
            f(drawn.plot_bottom),
            x = f(*x),
        );
    }
    for label in &drawn.year_labels {
        out += &format!(
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"{MUTED}\">{}</text>\n",
            f(label.position),
            f(drawn.plot_bottom + 22.0),
            escape(&label.label)
        );
    }
    out += &format!(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"{MUTED}\">Financial year (April to March), one point a month</text>\n",
        f((drawn.plot_left + drawn.plot_right) / 2.0),
        f(drawn.plot_bottom + 46.0)
    );
    out += &format!(
        "<line x1=\"{}\" x2=\"{}\" y1=\"{y}\" y2=\"{y}\" stroke=\"{TEXT}\" stroke-width=\"2\"/>\n",
        f(drawn.plot_left),
        f(drawn.plot_right),
        y = f(drawn.zero_y),
    );
    if let Some(path) = &drawn.published_path {
        out += &format!(
            "<path d=\"{path}\" fill=\"none\" stroke=\"{PUBLISHED}\" stroke-width=\"2.5\" stroke-dasharray=\"7 5\"/>\n"
        );
    }
    out += &format!(
        "<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"3.5\" stroke-linejoin=\"round\"/>\n",
        drawn.model_path,
        escape(brand)
    );
    for (index, marker) in drawn.markers.iter().enumerate() {
        let colour = if marker.kind == "breakeven" {
            GOOD
        } else {
            TEXT
        };
        let label_y = 14.0 + 18.0 * index as f64;
        let right_half = marker.x > (drawn.plot_left + drawn.plot_right) / 2.0;
        let (anchor, dx) = if right_half {
            ("end", -6.0)
        } else {
            ("start", 6.0)
        };
        out += &format!(
            "<line x1=\"{x}\" x2=\"{x}\" y1=\"{}\" y2=\"{}\" stroke=\"{colour}\"/>\
             <circle cx=\"{x}\" cy=\"{}\" r=\"5\" fill=\"{colour}\"/>\
             <text x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\" fill=\"{colour}\">{}</text>\n",
            f(label_y + 4.0),
            f(drawn.plot_bottom),
            f(marker.y),
            f(marker.x + dx),
            f(label_y),
            escape(&marker.label),
            x = f(marker.x),
        );
    }
    out + "</svg>\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model;
    use crate::proposal::presets::preset;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            escape("<b a=\"1\">&'</b>"),
            "&lt;b a=&quot;1&quot;&gt;&amp;&#39;&lt;/b&gt;"
        );
        assert_eq!(escape("]]>"), "]]&gt;");
        assert_eq!(
            escape("a\tb\nc\rd\u{1}e\u{7f}"),
            "a\tb\nc\rd\u{fffd}e\u{fffd}"
        );
    }

    #[test]
    fn the_file_is_a_complete_titled_drawing() {
        let sandwell = preset("sandwell").unwrap();
        let cashflow = model::run(&sandwell.baseline);
        let published = sandwell.published.monthly.get("cumulative");
        let svg = chart_svg(
            &cashflow,
            published.map(|v| v.as_slice()),
            "Sandwell <test>",
            "#1d70b8",
        );
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.trim_end().ends_with("</svg>"));
        assert!(svg.contains("<title id=\"svg-title\">Sandwell &lt;test&gt;</title>"));
        assert!(svg.contains("Payback: Dec 2023"));
        assert!(svg.contains("as published"));
        // Colours are in the drawing itself, not in a stylesheet it would lose.
        assert!(!svg.contains("class="));
        assert!(!svg.contains("style="));
    }
}
