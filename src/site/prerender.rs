//! The page as it stands before any script runs: the opening proposal at its starting values,
//! its headline results, assumptions, chart and financial-year table, all computed by the model
//! when the site is built. A reader without JavaScript sees the proposal and its figures; with
//! JavaScript, the calculator replaces this once it starts.

use crate::analysis::words::sentence;
use crate::analysis::{discounted, optimism_bias, switching_values, Uncertainty};
use crate::model::money::format_council;
use crate::model::{Cashflow, Flows};
use crate::proposal::Proposal;
use crate::report::columns::{CashflowColumn, OrganisationColumn, RepaymentColumn};
use crate::report::svg::{chart_svg, escape};
use crate::report::text::{uncertainty_sentence, year_label};
use crate::report::{
    discounted_figures, headline, key_figures, optimism_bias_figures, repaid_sentences,
};

use super::config::Branding;

/// The masthead, shared by the page built in advance and the running calculator's look.
pub fn masthead(branding: &Branding) -> String {
    let logo = branding.logo.as_ref().map(|logo| {
        let image = format!(
            "<img class=\"masthead__logo\" src=\"{}\" alt=\"{}\">",
            escape(&logo.file),
            escape(&logo.alt)
        );
        match &logo.home_url {
            Some(url) => format!("<a href=\"{}\">{image}</a>", escape(url)),
            None => image,
        }
    });
    let council = (!branding.council_name.is_empty()).then(|| {
        format!(
            "<p class=\"masthead__council\">{}</p>",
            escape(&branding.council_name)
        )
    });
    format!(
        "<header class=\"masthead\">{}{}<p class=\"masthead__title\">{}</p>\
         <p class=\"masthead__strap\">Children's social care: move a proposal's assumptions and see when, and whether, the money comes back.</p></header>",
        logo.unwrap_or_default(),
        council.unwrap_or_default(),
        escape(&branding.title)
    )
}

/// The static page for `proposal` at its starting values.
pub fn static_page(
    branding: &Branding,
    proposal: &Proposal,
    cashflow: &Cashflow,
    uncertainty: Option<&Uncertainty>,
) -> String {
    let mut out = masthead(branding);
    out += "<main id=\"main\" class=\"static-page\">";
    out += &format!(
        "<h1>{}</h1><p class=\"about__council\">{}</p>",
        escape(&proposal.name),
        escape(&proposal.council)
    );
    if !proposal.source.is_empty() {
        out += &format!(
            "<p class=\"about__source\">Source: {}</p>",
            escape(&proposal.source)
        );
    }
    out += &format!(
        "<p class=\"about__summary\">{}</p>",
        escape(&proposal.summary)
    );
    // Until the calculator starts (or, without JavaScript, for good), say what this page is.
    out += "<p id=\"loading\" class=\"static-page__note\" role=\"status\">Loading the calculator, which lets you \
            change each assumption and see the results change. Until then, these are the proposal's figures at its \
            starting values.</p>";
    out += "<noscript><p class=\"noscript\">JavaScript is off, so this page shows the proposal's \
            figures at its starting values. The calculator runs in your browser: turn JavaScript on, or use a browser \
            that supports WebAssembly, to move the assumptions and see the results change.</p></noscript>";

    out += &format!(
        "<section aria-labelledby=\"static-results\"><h2 id=\"static-results\">Results at the {} assumptions</h2>\
         <p class=\"headline__sentence\" id=\"static-headline\">{}</p>",
        proposal.starting_values.word(),
        escape(&headline(cashflow))
    );
    for sentence in repaid_sentences(cashflow) {
        out += &format!("<p class=\"headline__repaid\">{}</p>", escape(&sentence));
    }
    out += "<dl class=\"figures\">";
    // The discounted figures beside the cash ones, at the proposal's starting discount rate.
    let discounted = discounted(cashflow, proposal.starting.discount_rate_percent);
    let optimism_bias = optimism_bias(&proposal.starting);
    for (label, value) in key_figures(cashflow)
        .into_iter()
        .chain(discounted_figures(&discounted))
        .chain(
            optimism_bias
                .as_ref()
                .map(optimism_bias_figures)
                .unwrap_or_default(),
        )
    {
        out += &format!(
            "<div class=\"figure\"><dt>{}</dt><dd>{}</dd></div>",
            escape(&label),
            escape(&value)
        );
    }
    out += "</dl>";
    // How sure: the uncertainty run's answer, when the site build made one (it is many runs).
    if let Some(run) = uncertainty {
        out += &format!(
            "<p class=\"uncertainty__chance\" id=\"static-uncertainty\">{}</p>",
            escape(&uncertainty_sentence(run))
        );
    }
    out += "</section>";

    out += "<section aria-labelledby=\"static-assumptions\"><h2 id=\"static-assumptions\">Assumptions</h2><dl class=\"static-page__assumptions\">";
    // Each with its switching-value sentence, as under the running page's slider.
    let switching = switching_values(proposal.levers(), &proposal.starting);
    for lever in proposal.levers() {
        let value = lever.get(&proposal.starting);
        let said = switching
            .levers
            .iter()
            .find(|found| found.key == lever.key)
            .map(|found| {
                format!(
                    "<span class=\"switching\">{}</span>",
                    escape(&sentence(lever, found.main_answer(), &proposal.starting))
                )
            })
            .unwrap_or_default();
        out += &format!(
            "<div><dt>{}</dt><dd>{}{said}</dd></div>",
            escape(&lever.label),
            escape(&lever.describe(value))
        );
    }
    out += "</dl></section>";

    let published = proposal.published.monthly.get("cumulative");
    out += &format!(
        "<figure class=\"chart\">{}</figure>",
        chart_svg(
            cashflow,
            published.map(|v| v.as_slice()),
            "Cumulative position, month by month",
            &branding.colours.brand
        )
        .replace(" width=\"720\"", "")
        .replace(
            " xmlns=\"http://www.w3.org/2000/svg\"",
            " class=\"chart__svg\""
        )
    );

    out += &year_table(cashflow);
    out += &organisation_table(proposal, cashflow);
    out += &month_table(cashflow);
    out += "</main>";
    out
}

/// A table with a heading for each row, figures right-aligned, in a labelled region that
/// scrolls sideways on a narrow screen.
fn table(region_label: &str, columns: &[String], rows: &[(String, Vec<String>)]) -> String {
    let mut out = format!(
        "<div class=\"table-scroll\" role=\"region\" {region_label} tabindex=\"0\">\
         <table class=\"cashflow\"><thead><tr>"
    );
    for (index, column) in columns.iter().enumerate() {
        let class = if index == 0 { "" } else { " class=\"number\"" };
        out += &format!("<th scope=\"col\"{class}>{}</th>", escape(column));
    }
    out += "</tr></thead><tbody>";
    for (heading, cells) in rows {
        out += &format!("<tr><th scope=\"row\">{}</th>", escape(heading));
        for cell in cells {
            out += &format!("<td class=\"number\">{}</td>", escape(cell));
        }
        out += "</tr>";
    }
    out + "</tbody></table></div>"
}

/// A cashflow table's columns: the period, then the money, as the page heads them.
fn flows_columns(first: &str, cashflow: &Cashflow) -> Vec<String> {
    std::iter::once(first.to_string())
        .chain(
            CashflowColumn::on_page(cashflow)
                .into_iter()
                .map(|column| column.heading(cashflow)),
        )
        .collect()
}

/// A period's money, costs in brackets, in the page's columns.
fn flows_cells(cashflow: &Cashflow, flows: &Flows) -> Vec<String> {
    CashflowColumn::on_page(cashflow)
        .into_iter()
        .map(|column| format_council(column.printed(flows)))
        .collect()
}

/// Who pays and who gains over the horizon, and each repayment between them with where its
/// terms come from.
fn organisation_table(proposal: &Proposal, cashflow: &Cashflow) -> String {
    let organisations = &cashflow.results.by_organisation;
    if organisations.is_empty() {
        return String::new();
    }
    let shown = OrganisationColumn::shown(cashflow);
    let columns: Vec<String> = std::iter::once("Organisation")
        .chain(shown.iter().map(|column| column.heading()))
        .map(String::from)
        .collect();
    let rows: Vec<(String, Vec<String>)> = organisations
        .iter()
        .map(|o| {
            let cells = shown
                .iter()
                .map(|column| format_council(column.printed(o)))
                .collect();
            (o.name.clone(), cells)
        })
        .collect();
    let mut out = format!(
        "<section><h2 id=\"static-organisations\">Who pays and who gains</h2>{}",
        table("aria-labelledby=\"static-organisations\"", &columns, &rows)
    );
    let repayments = &cashflow.results.repayments;
    if !repayments.is_empty() {
        let rows: Vec<(String, Vec<String>)> =
            repayments.iter().map(RepaymentColumn::row).collect();
        out += &format!(
            "<h3 id=\"static-repayments\">Repayments</h3>{}",
            table(
                "aria-labelledby=\"static-repayments\"",
                &RepaymentColumn::headings(),
                &rows
            )
        );
        for repayment in repayments {
            if let Some(source) = proposal.repayment_sources.get(&repayment.id) {
                out += &format!(
                    "<p class=\"organisations__source\">{}: {}</p>",
                    escape(&repayment.label),
                    escape(source)
                );
            }
        }
    }
    out + "</section>"
}

/// Every month, folded away: a disclosure works without any script.
fn month_table(cashflow: &Cashflow) -> String {
    let rows: Vec<(String, Vec<String>)> = cashflow
        .months
        .iter()
        .map(|row| (row.month.short_name(), flows_cells(cashflow, row)))
        .collect();
    format!(
        "<details class=\"months\"><summary>Month by month</summary>{}</details>",
        table(
            "aria-label=\"Month by month table\"",
            &flows_columns("Month", cashflow),
            &rows
        )
    )
}

/// The financial-year table, costs in brackets as councils print them.
fn year_table(cashflow: &Cashflow) -> String {
    let rows: Vec<(String, Vec<String>)> = cashflow
        .years
        .iter()
        .map(|row| (year_label(row), flows_cells(cashflow, row)))
        .collect();
    format!(
        "<section><h2 id=\"static-years\">By financial year</h2>{}</section>",
        table(
            "aria-labelledby=\"static-years\"",
            &flows_columns("Year", cashflow),
            &rows
        )
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model;
    use crate::proposal::presets::preset;
    use crate::site::config::Logo;

    #[test]
    fn the_page_carries_the_models_figures() {
        let sandwell = preset("sandwell").unwrap();
        let cashflow = model::run(&sandwell.baseline);
        let page = static_page(&Branding::default(), sandwell, &cashflow, None);
        assert!(page.contains(&escape(&headline(&cashflow))));
        assert!(page.contains("December 2023"));
        assert!(page.contains("<th scope=\"row\">2022/23</th>"));
        assert!(page.contains("<th scope=\"row\">Trust</th><td class=\"number\">(180,000)</td>"));
        assert!(page.contains("<th scope=\"row\">Dec 2023</th>"));
        assert!(page.contains("<svg class=\"chart__svg\""));
        assert!(!page.contains("<script"));
        // Each assumption's switching-value sentence, there without JavaScript (calc: 17.98%).
        assert!(
            page.contains("Pays back by March 2025 at 17.98% or more"),
            "no switching sentence"
        );
        // The discounted figures beside the cash ones, there without JavaScript (calc: £335,042).
        assert!(page
            .contains("<dt>Net present value (discounted at 3.5% a year)</dt><dd>£335,042</dd>"));
        assert!(page.contains("<dt>Discounted payback month</dt><dd>January 2024</dd>"));
        // The Trust repays the council's £112,500 out of the savings, by December 2023.
        assert!(page.contains(&format!(
            "<p class=\"headline__repaid\">{}</p>",
            escape("The Council's £112,500 is repaid by December 2023.")
        )));
        assert!(page.contains("<th scope=\"col\" class=\"number\">Is repaid</th>"));
        assert!(page.contains(
            "<th scope=\"row\">The Trust repays the council</th><td class=\"number\">Trust repays Council</td>"
        ));
        assert!(page.contains(&escape("fully paid back by December 2023")));
    }

    #[test]
    fn branding_text_is_escaped() {
        let branding = Branding {
            council_name: "<script>alert(1)</script>".into(),
            logo: Some(Logo {
                file: "logo.svg".into(),
                alt: "\"Crest\"".into(),
                home_url: Some("https://example.org/?a=1&b=2".into()),
            }),
            ..Branding::default()
        };
        let head = masthead(&branding);
        assert!(head.contains("&lt;script&gt;"));
        assert!(head.contains("alt=\"&quot;Crest&quot;\""));
        assert!(head.contains("href=\"https://example.org/?a=1&amp;b=2\""));
    }

    #[test]
    fn the_tables_are_headed_as_on_the_running_page() {
        // Sandwell: the Council and the Trust invest, so the total has a column of its own.
        let sandwell = preset("sandwell").unwrap();
        let page = static_page(
            &Branding::default(),
            sandwell,
            &model::run(&sandwell.baseline),
            None,
        );
        for heading in [
            "Investment by Council",
            "Investment by Trust",
            "Total investment",
            "Saving",
            "In month (cost) / return",
            "Cumulative (cost) / return",
            "Net (cost) / gain",
        ] {
            assert!(
                page.contains(&format!(
                    "<th scope=\"col\" class=\"number\">{heading}</th>"
                )),
                "{heading}"
            );
        }
        // Trafford: the Council alone invests, and a total would only repeat its column.
        let trafford = preset("trafford").unwrap();
        let page = static_page(
            &Branding::default(),
            trafford,
            &model::run(&trafford.baseline),
            None,
        );
        assert!(page.contains(">Investment by Council</th>"));
        assert!(!page.contains(">Total investment</th>"));
    }

    #[test]
    fn the_uncertainty_sentence_is_there_when_the_site_build_made_a_run() {
        use crate::analysis::{uncertain_levers, uncertainty};
        let sandwell = preset("sandwell").unwrap();
        let cashflow = model::run(&sandwell.baseline);
        let drawn = uncertain_levers(sandwell.levers(), &sandwell.baseline);
        let run = uncertainty(sandwell.levers(), &sandwell.baseline, &drawn, 400, 1);
        let page = static_page(&Branding::default(), sandwell, &cashflow, Some(&run));
        assert!(page.contains(&format!(
            "<p class=\"uncertainty__chance\" id=\"static-uncertainty\">{}</p>",
            escape(&uncertainty_sentence(&run))
        )));
        assert!(page.contains("Of 400 runs from seed 1"));
        let without = static_page(&Branding::default(), sandwell, &cashflow, None);
        assert!(!without.contains("static-uncertainty"));
    }
}
