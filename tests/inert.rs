#![cfg(not(target_arch = "wasm32"))]
//! Outputs are inert: text from a proposal file or a site file (names, labels, funders,
//! beneficiaries, units, facts) is shown by every output and run by none. A spreadsheet opening
//! the CSV shows formulas as text; the page built in advance and the SVG chart show markup as
//! text. The hostile proposal is `tests/fixtures/hostile.toml`.

use invest_to_save::model::{self, Cashflow};
use invest_to_save::proposal::presets::presets;
use invest_to_save::proposal::{parse_proposal, Proposal};
use invest_to_save::reconcile::{reconcile, Comparison, Reconciliation};
use invest_to_save::report::csv;
use invest_to_save::report::svg::chart_svg;
use invest_to_save::site::config::{Branding, Logo};
use invest_to_save::site::prerender::static_page;
use rust_decimal::Decimal;

const HOSTILE: &str = include_str!("fixtures/hostile.toml");

/// A spreadsheet runs a cell that starts with one of these as a formula (OWASP).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

fn hostile() -> (Proposal, Cashflow) {
    let proposal = parse_proposal(HOSTILE).expect("the hostile proposal is a usable file");
    let cashflow = model::run(&proposal.starting);
    (proposal, cashflow)
}

/// Text a spreadsheet would run, in a reconciliation's series and periods.
fn hostile_reconciliation() -> Reconciliation {
    let comparison = |series: &str, period: &str| Comparison {
        series: series.into(),
        period: period.into(),
        published: Decimal::new(-1125, 1),
        model: Decimal::from(7),
    };
    Reconciliation {
        monthly: vec![comparison("investment:=HYPERLINK(\"http://x\")", "+1")],
        yearly: vec![comparison("investment:a,b", "@SUM(A1)")],
        budget: vec![
            comparison("-2+3", "\tcmd"),
            comparison("two\nlines", "\rcmd"),
        ],
        published_breakeven: None,
        model_breakeven: None,
        published_payback: None,
        model_payback: None,
        published_payback_years: None,
        model_payback_years: None,
        inconsistencies: Vec::new(),
    }
}

/// The cells of a CSV file as RFC 4180 reads them: quoted cells may hold commas, doubled quotes
/// and line breaks.
fn cells(csv: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut characters = csv.chars().peekable();
    while let Some(c) = characters.next() {
        match (quoted, c) {
            (true, '"') if characters.peek() == Some(&'"') => {
                cell.push('"');
                characters.next();
            }
            (true, '"') => quoted = false,
            (true, other) => cell.push(other),
            (false, '"') => {
                assert!(cell.is_empty(), "a quote inside an unquoted cell: {cell}");
                quoted = true;
            }
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, other) => cell.push(other),
        }
    }
    assert!(!quoted, "a quoted cell is never closed");
    assert!(
        cell.is_empty() && row.is_empty(),
        "the last row has no line end"
    );
    rows
}

/// The text a cell was written from: without the `'` that keeps a formula from running.
fn as_written(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(text) if text.starts_with(FORMULA_STARTS) => text,
        _ => cell,
    }
}

/// Every cell is a figure or text a spreadsheet shows, and every row is as wide as the header.
fn assert_inert(table: &str, csv: &str) -> Vec<Vec<String>> {
    let rows = cells(csv);
    let width = rows.first().map(Vec::len).unwrap_or_default();
    for row in &rows {
        assert_eq!(row.len(), width, "{table}: {row:?}");
        for cell in row {
            let figure = cell.parse::<Decimal>().is_ok();
            assert!(
                figure || !cell.starts_with(FORMULA_STARTS),
                "{table}: a spreadsheet would run {cell:?}"
            );
        }
    }
    rows
}

fn column(rows: &[Vec<String>], index: usize) -> Vec<&str> {
    rows.iter()
        .skip(1)
        .map(|row| as_written(&row[index]))
        .collect()
}

#[test]
fn every_csv_table_shows_hostile_text_and_never_runs_it() {
    let (proposal, cashflow) = hostile();
    let reconciliation = reconcile(&proposal, &cashflow);
    for (table, csv) in [
        ("months", csv::months(&cashflow)),
        ("years", csv::years(&cashflow)),
        ("working", csv::working(&cashflow)),
        ("budget", csv::budget(&cashflow)),
        ("organisations", csv::organisations(&cashflow)),
        ("positions", csv::positions(&cashflow)),
        ("reconciliation", csv::reconciliation(&reconciliation)),
        (
            "hostile reconciliation",
            csv::reconciliation(&hostile_reconciliation()),
        ),
    ] {
        assert_inert(table, &csv);
    }
}

#[test]
fn hostile_labels_funders_and_beneficiaries_read_back_as_written() {
    let (_, cashflow) = hostile();
    let organisations = assert_inert("organisations", &csv::organisations(&cashflow));
    let names: Vec<&str> = cashflow
        .results
        .by_organisation
        .iter()
        .map(|o| o.name.as_str())
        .collect();
    assert_eq!(column(&organisations, 0), names);
    for name in [
        "+1",
        "@SUM(A1)",
        "a,b",
        "-2+3",
        "\rcmd",
        "<script>alert(1)</script>",
    ] {
        assert!(
            names.contains(&name),
            "{name} is an organisation: {names:?}"
        );
    }
    // The model's figures stay numbers: a cost is negative, not a formula to neutralise.
    assert_eq!(
        organisations[1],
        [
            "'+1",
            "172500.00",
            "0.00",
            "0.00",
            "0.00",
            "-172500.00",
            "0.00",
            ""
        ]
        .map(String::from)
    );

    let budget = assert_inert("budget", &csv::budget(&cashflow));
    let table = cashflow.budget.as_ref().expect("the proposal has a budget");
    let labels: Vec<&str> = table.rows().map(|row| row.label.as_str()).collect();
    assert_eq!(column(&budget, 0), labels);
    for label in [
        "=HYPERLINK(\"http://x\")",
        "say \"hi\"",
        "\tcmd",
        "two\nlines",
        "+1",
    ] {
        assert!(
            labels.contains(&label),
            "{label} is a budget row: {labels:?}"
        );
    }

    for csv in [csv::months(&cashflow), csv::years(&cashflow)] {
        let rows = assert_inert("cashflow", &csv);
        let funders: Vec<String> = cashflow
            .funders
            .iter()
            .map(|f| format!("investment_{f}"))
            .collect();
        assert_eq!(rows[0][1..=funders.len()], funders[..]);
    }

    let rows = assert_inert(
        "reconciliation",
        &csv::reconciliation(&hostile_reconciliation()),
    );
    assert_eq!(
        column(&rows, 0),
        [
            "investment:=HYPERLINK(\"http://x\")",
            "investment:a,b",
            "-2+3",
            "two\nlines"
        ]
    );
    assert_eq!(column(&rows, 1), ["+1", "@SUM(A1)", "\tcmd", "\rcmd"]);
    assert_eq!(rows[1][2..], ["-112.5", "7", "119.5"].map(String::from));
}

#[test]
fn the_exact_cells_follow_owasp() {
    let (_, cashflow) = hostile();
    let budget = csv::budget(&cashflow);
    for line in [
        "\"'=HYPERLINK(\"\"http://x\"\")\",112500.00,60000.00,0.00,172500.00\n",
        "'-2+3,40000.00,40000.00,40000.00,120000.00\n",
        "\"say \"\"hi\"\"\",5000.00,5000.00,5000.00,15000.00\n",
        "'\tcmd,",
        "\"two\nlines\",",
        "'+1,1000.00,1000.00,1000.00,3000.00\n",
    ] {
        assert!(budget.contains(line), "{line:?} in\n{budget}");
    }
    let organisations = csv::organisations(&cashflow);
    assert!(
        organisations.contains("\n\"a,b\",15000.00,"),
        "{organisations}"
    );
    assert!(organisations.contains("\n\"'\rcmd\","), "{organisations}");
}

#[test]
fn the_shipped_proposals_have_no_text_to_neutralise_so_their_csv_is_as_before() {
    for proposal in presets() {
        let cashflow = model::run(&proposal.starting);
        for csv in [
            csv::months(&cashflow),
            csv::years(&cashflow),
            csv::working(&cashflow),
            csv::budget(&cashflow),
            csv::organisations(&cashflow),
            csv::reconciliation(&reconcile(proposal, &cashflow)),
        ] {
            assert!(!csv.contains('\''), "{}: {csv}", proposal.id);
        }
    }
}

/// The tags of an HTML or SVG text in which all text is escaped: every `<` opens a tag.
fn tags(markup: &str) -> Vec<&str> {
    markup
        .split('<')
        .skip(1)
        .map(|rest| rest.split('>').next().unwrap_or_default())
        .collect()
}

/// No element or attribute the markup's own code did not write: only the tags it uses, no event
/// handler, no `javascript:` address, every attribute value closed.
fn assert_no_markup_from_text(what: &str, markup: &str) {
    const ELEMENTS: [&str; 31] = [
        "a", "header", "img", "p", "main", "h1", "h2", "section", "dl", "div", "dt", "dd",
        "noscript", "figure", "svg", "title", "desc", "rect", "text", "line", "circle", "path",
        "table", "thead", "tbody", "tr", "th", "td", "details", "summary", "span",
    ];
    for tag in tags(markup) {
        // Attribute values are the markup's own, or escaped text: only names can be handlers.
        let names: String = tag.split('"').step_by(2).collect();
        let name = tag
            .trim_start_matches('/')
            .split([' ', '/'])
            .next()
            .unwrap_or_default();
        assert!(ELEMENTS.contains(&name), "{what}: <{tag}>");
        assert_eq!(tag.matches('"').count() % 2, 0, "{what}: <{tag}>");
        assert!(!names.contains(" on"), "{what}: <{tag}>");
        assert!(!tag.contains("javascript:"), "{what}: <{tag}>");
    }
    assert!(!markup.contains("<script"), "{what}");
    assert!(!markup.contains("]]>"), "{what}");
    assert!(!markup.contains("javascript:"), "{what}");
}

fn hostile_branding() -> Branding {
    Branding {
        title: "<script>alert(1)</script>".into(),
        council_name: "\"><img src=x onerror=alert(1)>".into(),
        logo: Some(Logo {
            file: "logo.svg".into(),
            alt: "\" onerror=\"alert(1)".into(),
            home_url: Some("/?a=\"><script>alert(1)</script>&amp;".into()),
        }),
        ..Branding::default()
    }
}

#[test]
fn the_page_built_in_advance_shows_hostile_text_as_text() {
    let (proposal, cashflow) = hostile();
    let page = static_page(&hostile_branding(), &proposal, &cashflow, None);
    assert_no_markup_from_text("the page built in advance", &page);
    assert_eq!(page.matches("<img").count(), 1, "only the logo");
    for escaped in [
        "<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>",
        "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;",
        "&#39;&gt;&lt;svg onload=alert(1)&gt; &amp;amp; ]]&gt;",
        "alt=\"&quot; onerror=&quot;alert(1)\"",
        "href=\"/?a=&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;amp;\"",
        "=HYPERLINK(&quot;http://x&quot;)",
        // A unit name, in an assumption's value.
        "&lt;b&gt;beds&lt;/b&gt;&quot; onmouseover=&quot;alert(1)",
    ] {
        assert!(page.contains(escaped), "{escaped} in\n{page}");
    }
}

#[test]
fn the_chart_shows_hostile_text_as_text() {
    let (proposal, cashflow) = hostile();
    // A control character, which no XML file may hold, as well as markup.
    let title = format!(
        "{}: cumulative position, month by month\u{1}",
        proposal.name
    );
    let svg = chart_svg(&cashflow, None, &title, "#1d70b8\" onload=\"alert(1)");
    assert_no_markup_from_text("the chart", &svg);
    assert!(svg.contains(
        "<title id=\"svg-title\">&lt;script&gt;alert(1)&lt;/script&gt;: cumulative position"
    ));
    assert!(svg.contains("stroke=\"#1d70b8&quot; onload=&quot;alert(1)\""));
    assert!(!svg
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r')));
}

#[test]
fn a_source_link_that_is_not_a_web_address_is_never_written_as_a_link() {
    // The reader refuses anything but a web address, with the key's line and column...
    for link in [
        "javascript:alert(1)",
        "//other.example/",
        "data:text/html,x",
        "https://a b",
    ] {
        let text = HOSTILE.replace(
            &HOSTILE[HOSTILE.find("source_link = ").unwrap()..]
                .lines()
                .next()
                .unwrap()
                .to_string(),
            &format!("source_link = \"{link}\""),
        );
        let message = parse_proposal(&text).unwrap_err();
        assert!(
            message.contains("is not a web address"),
            "{link}: {message}"
        );
    }
    // ...and a web address full of markup is still only text on the page built in advance.
    let (proposal, cashflow) = hostile();
    assert!(proposal
        .source_link
        .as_deref()
        .unwrap()
        .contains("<script>"));
    let page = static_page(&Branding::default(), &proposal, &cashflow, None);
    assert!(!page.contains("javascript:"));
    assert!(!page.contains("<script>alert(1)"));
}
