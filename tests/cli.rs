#![cfg(not(target_arch = "wasm32"))]
//! The `calc` command, run as a user runs it: its outputs parse, bad input stops with exit code 2
//! and a message (never a panic), and values out of range are corrected with a warning.

use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::Value;

const OWN: &str = include_str!("../proposals/own.toml");

fn calc(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_calc"))
        .args(args)
        .output()
        .expect("calc runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

/// Runs calc and expects success; returns stdout.
fn succeeds(args: &[&str]) -> String {
    let output = calc(args);
    assert_eq!(
        output.status.code(),
        Some(0),
        "calc {args:?} failed: {}",
        stderr(&output)
    );
    assert!(!stderr(&output).contains("panicked"));
    stdout(&output)
}

/// Runs calc and expects it to refuse with exit code 2; returns stderr.
fn refuses(args: &[&str]) -> String {
    let output = calc(args);
    let err = stderr(&output);
    assert!(!err.contains("panicked"), "calc {args:?} panicked: {err}");
    assert_eq!(
        output.status.code(),
        Some(2),
        "calc {args:?} should exit 2; stdout {} stderr {err}",
        stdout(&output)
    );
    assert!(err.starts_with("calc: "), "{err}");
    assert!(err.trim().len() > "calc: ".len(), "no message: {err}");
    err
}

fn json(args: &[&str]) -> Value {
    serde_json::from_str(&succeeds(args)).expect("calc prints JSON")
}

/// A proposal file in the temporary folder, removed when dropped.
struct TempProposal(PathBuf);

impl TempProposal {
    fn new(text: &str) -> Self {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let path = std::env::temp_dir().join(format!(
            "invest-to-save-cli-test-{}-{}.toml",
            std::process::id(),
            COUNT.fetch_add(1, Ordering::SeqCst)
        ));
        std::fs::write(&path, text).unwrap();
        TempProposal(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for TempProposal {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// The own proposal under another id and name.
fn council_file() -> String {
    let text = OWN.replace("id = \"own\"", "id = \"my_council\"").replace(
        "name = \"Your own proposal\"",
        "name = \"My council's proposal\"",
    );
    assert_ne!(text, OWN);
    text
}

#[test]
fn sandwell_as_json_has_the_published_payback_breakeven_and_investment() {
    let export = json(&["sandwell", "--format", "json"]);
    assert_eq!(export["format"], 1);
    assert_eq!(export["proposal"]["id"], "sandwell");
    assert_eq!(export["query"], "v=1&p=sandwell");
    let results = &export["results"];
    assert_eq!(results["payback_month"], "2023-12");
    assert_eq!(results["payback_status"], "paid_back");
    assert_eq!(results["breakeven_month"], "2023-02");
    // 15 x 7,500 from the council and 24 x 7,500 from the Trust.
    assert_eq!(results["total_investment"], "292500.00");
    assert_eq!(results["investment_by_funder"]["Council"], "112500.00");
    assert_eq!(results["investment_by_funder"]["Trust"], "180000.00");
    assert_eq!(export["notices"], Value::Array(vec![]));
}

#[test]
fn sandwell_as_json_has_39_months_each_with_its_figures() {
    let export = json(&["sandwell", "--format", "json"]);
    let months = export["months"].as_array().unwrap();
    assert_eq!(months.len(), 39);
    for field in ["month", "investment", "saving", "net", "cumulative"] {
        for row in months {
            assert!(row[field].is_string(), "{field} missing in {row}");
        }
    }
    assert_eq!(months[0]["month"], "2022-01");
    assert_eq!(months[0]["investment"], "7500.00");
    assert_eq!(months[0]["cumulative"], "-7500.00");
    assert_eq!(months[38]["month"], "2025-03");
    assert_eq!(months[38]["cumulative"], "370000.00");
    // Money is always pounds and pence.
    for row in months {
        for field in ["investment", "saving", "net", "cumulative"] {
            let text = row[field].as_str().unwrap();
            let (_, pence) = text.split_once('.').unwrap();
            assert_eq!(pence.len(), 2, "{text}");
        }
    }
}

#[test]
fn sandwell_as_json_has_its_financial_years() {
    let export = json(&["sandwell", "--format", "json"]);
    let years: Vec<&str> = export["financial_years"]
        .as_array()
        .unwrap()
        .iter()
        .map(|y| y["year"].as_str().unwrap())
        .collect();
    assert_eq!(years, ["2021/22", "2022/23", "2023/24", "2024/25"]);
    let first = &export["financial_years"][0];
    assert_eq!(first["months_in_horizon"], 3);
    assert_eq!(first["investment"], "22500.00");
    assert_eq!(export["financial_years"][3]["cumulative"], "370000.00");
}

#[test]
fn a_link_given_to_calc_changes_the_json() {
    let export = json(&[
        "https://example.org/?v=1&p=sandwell&allocation=50#top",
        "--format",
        "json",
    ]);
    assert_eq!(export["query"], "v=1&p=sandwell&allocation=50");
    assert_ne!(export["months"][38]["cumulative"], "370000.00");
}

#[test]
fn csv_months_start_with_a_header_and_have_a_row_a_month() {
    let text = succeeds(&["sandwell", "--format", "csv"]);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("month,"), "{}", lines[0]);
    assert_eq!(
        lines[0],
        "month,investment_Council,investment_Trust,investment,saving,net,cumulative"
    );
    assert_eq!(lines.len(), 1 + 39);
    let columns = lines[0].split(',').count();
    for line in &lines[1..] {
        assert_eq!(line.split(',').count(), columns, "{line}");
    }
    assert_eq!(
        lines[1],
        "2022-01,7500.00,0.00,7500.00,0.00,-7500.00,-7500.00"
    );
}

#[test]
fn csv_years_has_a_row_a_financial_year() {
    let text = succeeds(&["sandwell", "--format", "csv", "--table", "years"]);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("year,"), "{}", lines[0]);
    let years: Vec<&str> = lines[1..]
        .iter()
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(years, ["2021/22", "2022/23", "2023/24", "2024/25"]);
    assert!(lines[4].ends_with(",370000.00"), "{}", lines[4]);
}

#[test]
fn csv_budget_and_reconciliation_tables_print() {
    let budget = succeeds(&["trafford", "--format", "csv", "--table", "budget"]);
    assert!(
        budget.starts_with("row,2020/21,2021/22,2022/23,total\n"),
        "{budget}"
    );
    assert!(budget.contains("Council funding required,"));
    let reconciliation = succeeds(&["sandwell", "--format", "csv", "--table", "reconciliation"]);
    assert!(reconciliation.starts_with("series,period,published,model,difference\n"));
}

#[test]
fn the_readable_report_prints_every_preset() {
    for preset in ["sandwell", "trafford", "own"] {
        let text = succeeds(&[preset]);
        assert!(
            text.contains(&format!("Scenario: ?v=1&p={preset}")),
            "{text}"
        );
        assert!(text.contains("Financial years"));
        assert!(text.contains("Months"));
    }
    // With no scenario, the first preset opens.
    assert!(succeeds(&[]).contains("p=sandwell"));
}

#[test]
fn help_prints_the_usage_and_succeeds() {
    assert!(succeeds(&["--help"]).contains("Usage: calc"));
}

#[test]
fn an_unreadable_value_exits_2_with_a_message() {
    let err = refuses(&["allocation=abc"]);
    assert!(err.contains("abc"), "{err}");
    assert!(err.contains("Referrals that become cases"), "{err}");
}

#[test]
fn an_unknown_format_exits_2_with_a_message() {
    let err = refuses(&["--format", "xml"]);
    assert!(err.contains("xml"), "{err}");
    refuses(&["--format"]);
    refuses(&["--format", "csv", "--table", "all"]);
    refuses(&["--table", "sideways"]);
    refuses(&["--colour"]);
    refuses(&["sandwell", "trafford"]);
}

#[test]
fn an_unknown_key_exits_2_with_a_message() {
    let err = refuses(&["nonsense=1"]);
    assert!(err.contains("nonsense"), "{err}");
}

#[test]
fn an_unknown_proposal_or_version_exits_2_with_a_message() {
    assert!(refuses(&["proposal=nowhere"]).contains("nowhere"));
    refuses(&["v=2&proposal=sandwell"]);
}

#[test]
fn a_missing_proposal_file_exits_2_with_a_message() {
    let err = refuses(&["--proposal-file", "/nonexistent/proposal.toml"]);
    assert!(err.contains("/nonexistent/proposal.toml"), "{err}");
    refuses(&["--proposal-file"]);
}

#[test]
fn an_out_of_range_value_is_corrected_with_a_warning_and_exits_0() {
    let output = calc(&["allocation=500", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0));
    let err = stderr(&output);
    assert!(err.starts_with("warning: "), "{err}");
    assert!(err.contains("Referrals that become cases"), "{err}");
    assert!(!err.contains("panicked"));
    let export: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(export["query"], "v=1&p=sandwell&allocation=100");
    assert_eq!(export["notices"].as_array().unwrap().len(), 1);
}

#[test]
fn a_repeated_key_is_a_warning_not_an_error() {
    let output = calc(&["allocation=30&allocation=50", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stderr(&output).starts_with("warning: "));
    let export: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(export["query"], "v=1&p=sandwell&allocation=50");
}

#[test]
fn a_hostile_argument_never_panics() {
    for arg in [
        "%",
        "%ZZ",
        "&&&===",
        "allocation=1e999",
        "delivery_start=2022-13",
        "horizon=99999999999999999999999999999999",
        "<script>alert(1)</script>",
        "ünïcödé=✓",
        "-",
    ] {
        let output = calc(&[arg]);
        let err = stderr(&output);
        assert!(!err.contains("panicked"), "calc {arg:?} panicked: {err}");
        assert!(
            matches!(output.status.code(), Some(0) | Some(2)),
            "calc {arg:?} exited {:?}",
            output.status.code()
        );
    }
}

#[test]
fn a_councils_own_proposal_file_is_read_and_offered_first() {
    let file = TempProposal::new(&council_file());
    let export = json(&["--proposal-file", file.path(), "--format", "json"]);
    assert_eq!(export["proposal"]["id"], "my_council");
    assert_eq!(export["proposal"]["name"], "My council's proposal");
    assert_eq!(export["months"].as_array().unwrap().len(), 60);
    // By its id, with levers.
    let export = json(&[
        "--proposal-file",
        file.path(),
        "proposal=my_council&saving.per_month=215072",
        "--format",
        "json",
    ]);
    assert_eq!(export["results"]["payback_month"], "2029-02");
    assert_eq!(export["results"]["breakeven_month"], "2026-05");
    // The presets are still there beside it.
    let export = json(&[
        "--proposal-file",
        file.path(),
        "sandwell",
        "--format",
        "json",
    ]);
    assert_eq!(export["proposal"]["id"], "sandwell");
}

#[test]
fn a_proposal_file_with_an_unknown_field_exits_2_naming_it() {
    let file =
        TempProposal::new(&council_file().replace("format = 1", "format = 1\ncolour = \"blue\""));
    let err = refuses(&["--proposal-file", file.path()]);
    assert!(err.contains("colour"), "{err}");
    assert!(err.contains(file.path()), "{err}");
}

#[test]
fn a_proposal_file_with_a_bad_month_exits_2_naming_it() {
    let file =
        TempProposal::new(&council_file().replace("start = \"2026-04\"", "start = \"2022-13\""));
    let err = refuses(&["--proposal-file", file.path()]);
    assert!(err.contains("2022-13"), "{err}");
    assert!(err.contains("timeline.start"), "{err}");
}

#[test]
fn a_proposal_file_without_a_timeline_exits_2_naming_it() {
    let text = council_file().replace("[timeline]\nstart = \"2026-04\"\nmonths = 60\n", "");
    assert!(!text.contains("[timeline]"));
    let file = TempProposal::new(&text);
    let err = refuses(&["--proposal-file", file.path()]);
    assert!(err.contains("timeline"), "{err}");
}

#[test]
fn a_proposal_file_that_is_not_toml_exits_2() {
    let file = TempProposal::new("<html>not a proposal</html>");
    let err = refuses(&["--proposal-file", file.path()]);
    assert!(err.contains("could not be read"), "{err}");
}

#[test]
fn a_proposal_file_with_a_huge_lever_maximum_never_makes_calc_panic() {
    let text = council_file().replace(
        "max = 1000000\nstep = 1000",
        "max = \"79228162514264337593543950335\"\nstep = 1000",
    );
    let file = TempProposal::new(&text);
    for value in ["99999999999999999999999999999999", "1e28"] {
        let arg = format!("running.per_month={value}");
        let output = calc(&["--proposal-file", file.path(), &arg]);
        let err = stderr(&output);
        assert!(!err.contains("panicked"), "calc {arg} panicked: {err}");
        assert!(matches!(output.status.code(), Some(0) | Some(2)));
    }
}

#[test]
fn the_working_table_shows_how_sandwells_cases_reach_whole_steps() {
    let csv = succeeds(&["sandwell", "--format", "csv", "--table", "working"]);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("month,referral_reduction,cases_avoided,open_cases_avoided,cashable_steps,saving_before_realisation")
    );
    // May 2024: 160.9 cases still open make 16 steps of ten, capped at £33,333.33 a month.
    let may = csv.lines().find(|l| l.starts_with("2024-05,")).unwrap();
    let cells: Vec<&str> = may.split(',').collect();
    assert!(cells[3].starts_with("160.89"), "{may}");
    assert_eq!(cells[4], "16");
    assert_eq!(cells[5], "33333.33");
    let text = succeeds(&["sandwell", "--table", "working"]);
    assert!(text.contains("Cashable steps"));
    // Trafford has no referral driver, so no working table.
    assert_eq!(
        succeeds(&["trafford", "--format", "csv", "--table", "working"]),
        ""
    );
}

#[test]
fn the_json_export_splits_saving_by_line() {
    let output = succeeds(&["trafford", "--format", "json"]);
    let export: serde_json::Value = serde_json::from_str(&output).unwrap();
    let ids: Vec<&str> = export["saving_lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["benefits", "demographic", "placements"]);
    let year = &export["financial_years"][2];
    assert_eq!(year["year"], "2022/23");
    assert_eq!(year["saving_by_line"]["benefits"], "437800.00");
    assert_eq!(year["saving_by_line"]["demographic"], "3200000.00");
    assert_eq!(year["saving"], "3637800.00");
}

#[test]
fn csv_from_a_hostile_proposal_file_shows_its_formulas_as_text() {
    let file = "tests/fixtures/hostile.toml";
    let organisations = succeeds(&[
        "--proposal-file",
        file,
        "v=1&p=hostile",
        "--format",
        "csv",
        "--table",
        "organisations",
    ]);
    assert!(
        organisations.starts_with(
            "organisation,invested,gained,repaid,received,net,to_be_repaid,repaid_in_full\n'+1,172500.00,0.00,0.00,0.00,-172500.00,0.00,\n'@SUM(A1),"
        ),
        "{organisations}"
    );
    let budget = succeeds(&[
        "--proposal-file",
        file,
        "v=1&p=hostile",
        "--format",
        "csv",
        "--table",
        "budget",
    ]);
    assert!(
        budget.contains("\n\"'=HYPERLINK(\"\"http://x\"\")\",112500.00,60000.00,0.00,172500.00\n"),
        "{budget}"
    );
}

#[test]
fn calc_prints_each_levers_switching_values_as_a_table_and_in_the_json() {
    let table = succeeds(&["sandwell", "--table", "switching"]);
    assert!(table.contains("Pays back by March 2025"), "{table}");
    let allocation = table
        .lines()
        .find(|line| line.starts_with("Referrals that become cases"))
        .unwrap_or_else(|| panic!("no allocation row in\n{table}"));
    assert!(
        allocation.contains("44%") && allocation.contains("at 17.98% or more"),
        "{allocation}"
    );

    let exported = json(&["sandwell", "--format", "json"]);
    let values = &exported["switching_values"];
    assert_eq!(values["target_month"], "2025-03");
    let allocation = values["levers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|lever| lever["key"] == "allocation")
        .unwrap();
    assert_eq!(allocation["value"], "44");
    assert_eq!(allocation["pays_back"]["passes_now"], true);
    assert_eq!(allocation["pays_back"]["below"]["passing"], "17.98");
    assert_eq!(allocation["pays_back"]["below"]["failing"], "17.97");
    assert_eq!(allocation["pays_back"]["above"], Value::Null);
    assert_eq!(
        allocation["pays_back"]["sentence"],
        "Pays back by March 2025 at 17.98% or more (published: 44%)"
    );
}

#[test]
fn calc_asks_for_payback_by_the_month_it_is_given() {
    let exported = json(&["sandwell", "--format", "json", "--target-month", "2024-03"]);
    assert_eq!(exported["switching_values"]["target_month"], "2024-03");
    let message = refuses(&["sandwell", "--target-month", "March"]);
    assert!(
        message.contains("--target-month must be a month such as 2025-03, not \"March\""),
        "{message}"
    );
}

#[test]
fn calc_gives_the_discounted_figures_beside_the_cash_ones() {
    let exported = json(&["sandwell", "--format", "json"]);
    let discounting = &exported["discounting"];
    assert_eq!(discounting["rate_percent"], "3.5");
    // At 0% nothing is discounted: the net present value is the cash net return.
    let undiscounted = json(&["v=1&p=sandwell&discount_rate=0", "--format", "json"]);
    assert_eq!(
        undiscounted["discounting"]["net_present_value"],
        undiscounted["results"]["net_return"]
    );
    assert_eq!(undiscounted["results"]["net_return"], "370000.00");
    // At 3.5% money later counts for less: below the cash £370,000, paid back later.
    let npv: f64 = discounting["net_present_value"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(npv > 0.0 && npv < 370_000.0, "{npv}");
    assert_eq!(exported["results"]["payback_month"], "2023-12");
    assert_eq!(discounting["payback_month"], "2024-01");
    let text = succeeds(&["sandwell", "--table", "results"]);
    assert!(
        text.contains("Net present value (discounted at 3.5% a year)"),
        "{text}"
    );
    assert!(text.contains("Discounted payback month"), "{text}");
}

#[test]
fn calc_prints_the_sensitivity_table_sorted_and_the_json_carries_it() {
    let text = succeeds(&["sandwell", "--table", "sensitivity"]);
    assert!(
        text.contains("Each lever alone moved 20% down and up"),
        "{text}"
    );
    // The referral reduction at 80%: £282,500 net (the model's own run of that link).
    let at_low = json(&["v=1&p=sandwell&reduction=80", "--format", "json"]);
    let exported = json(&["sandwell", "--format", "json", "--swing", "20"]);
    let rows = exported["sensitivity"]["rows"].as_array().unwrap();
    let reduction = rows.iter().find(|row| row["key"] == "reduction").unwrap();
    assert_eq!(reduction["low"], "80");
    assert_eq!(
        reduction["net_return_at_low"],
        at_low["results"]["net_return"]
    );
    let swings: Vec<f64> = rows
        .iter()
        .map(|row| row["swing"].as_str().unwrap().parse().unwrap())
        .collect();
    assert!(
        swings.windows(2).all(|pair| pair[0] >= pair[1]),
        "{swings:?}"
    );
    let message = refuses(&["sandwell", "--swing", "0"]);
    assert!(
        message.contains(
            "--swing: Enter how far to move each assumption as a percentage from 1 to 100"
        ),
        "{message}"
    );
}

#[test]
fn calc_prints_the_uncertainty_run_and_the_json_carries_it_only_when_asked() {
    let text = succeeds(&[
        "sandwell",
        "--table",
        "uncertainty",
        "--draws",
        "500",
        "--seed",
        "9",
    ]);
    assert!(text.contains("500 draws from seed 9"), "{text}");
    assert!(
        text.contains("with every uncertain assumption drawn at once, "),
        "{text}"
    );
    assert!(text.contains("Referrals that become cases"), "{text}");
    // The JSON carries it when --draws or --seed asks, with both, and the same figures again.
    let exported = json(&[
        "sandwell", "--format", "json", "--draws", "500", "--seed", "9",
    ]);
    let run = &exported["uncertainty"];
    assert_eq!(run["draws"], 500);
    assert_eq!(run["seed"], 9);
    assert_eq!(run["cumulative_by_month"].as_array().unwrap().len(), 39);
    assert_eq!(run["paid_back_by_target"]["month"], "2025-03");
    let drawn = run["levers"].as_array().unwrap();
    let allocation = drawn.iter().find(|l| l["key"] == "allocation").unwrap();
    assert_eq!(
        (
            &allocation["low"],
            &allocation["likely"],
            &allocation["high"]
        ),
        (&"35.2".into(), &"44".into(), &"52.8".into())
    );
    assert_eq!(allocation["distribution"], "triangular");
    let again = json(&[
        "sandwell", "--format", "json", "--seed", "9", "--draws", "500",
    ]);
    assert_eq!(again["uncertainty"], exported["uncertainty"]);
    // Without either, no run (it is many runs of the model).
    assert!(json(&["sandwell", "--format", "json"])["uncertainty"].is_null());
    let message = refuses(&["sandwell", "--draws", "0"]);
    assert!(
        message.contains("--draws: The number of draws must be a whole number from 1 to 100,000"),
        "{message}"
    );
    let message = refuses(&["sandwell", "--seed", "-1"]);
    assert!(
        message.contains("--seed: The seed must be a whole number"),
        "{message}"
    );
}

#[test]
fn calc_shows_sandwells_repayment_as_text_csv_and_json() {
    let text = succeeds(&["sandwell", "--table", "organisations"]);
    for line in [
        "Organisation   Invested   Gained     Repaid  Received      Net",
        "Council       (112,500)        0          0   112,500        0",
        "Trust         (180,000)  662,500  (112,500)         0  370,000",
        "The Council's £112,500 is repaid by December 2023.",
    ] {
        assert!(text.contains(line), "{line}\n{text}");
    }
    let results = succeeds(&["sandwell", "--table", "results"]);
    assert!(
        results.contains("The Council's £112,500 is repaid by December 2023."),
        "{results}"
    );
    let csv = succeeds(&["sandwell", "--format", "csv", "--table", "organisations"]);
    assert_eq!(
        csv,
        "organisation,invested,gained,repaid,received,net,to_be_repaid,repaid_in_full\n\
         Council,112500.00,0.00,0.00,112500.00,0.00,112500.00,2023-12\n\
         Trust,180000.00,662500.00,112500.00,0.00,370000.00,0.00,\n"
    );
    // Month by month the council's position climbs back to nought in December 2023.
    let positions = succeeds(&["sandwell", "--format", "csv", "--table", "positions"]);
    let december = positions
        .lines()
        .find(|l| l.starts_with("2023-12,"))
        .unwrap();
    let november = positions
        .lines()
        .find(|l| l.starts_with("2023-11,"))
        .unwrap();
    // month, then the council's invested, gained, repaid, received, net and cumulative.
    assert_eq!(december.split(',').nth(6), Some("0.00"), "{december}");
    assert_eq!(november.split(',').nth(6), Some("-12083.33"), "{november}");
    let json: serde_json::Value =
        serde_json::from_str(&succeeds(&["sandwell", "--format", "json"])).unwrap();
    assert_eq!(json["format"], 1);
    let council = &json["results"]["by_organisation"][0];
    assert_eq!(council["received"], "112500.00");
    assert_eq!(council["repaid"], "0.00");
    assert_eq!(council["repaid_in_full_month"], "2023-12");
    assert_eq!(json["results"]["by_organisation"][1]["repaid"], "112500.00");
    assert_eq!(json["results"]["repayments"][0]["repaid_status"], "repaid");
    assert_eq!(
        json["results"]["repaid_sentences"][0],
        "The Council's £112,500 is repaid by December 2023."
    );
}

#[test]
fn calc_compares_several_scenarios_side_by_side_in_a_table_and_the_json() {
    // The first is now; the others are pinned as A and B, named by what differs.
    let out = succeeds(&[
        "v=1&p=sandwell&a~name=Cautious&a~allocation=30",
        "v=1&p=sandwell&cost_per_case=2000",
        "--table",
        "comparison",
        "--draws",
        "200",
    ]);
    assert!(out.starts_with("Scenarios side by side\n"), "{out}");
    let header = out.lines().nth(1).unwrap();
    for label in ["Now", "A: Cautious", "B: cost_per_case=2000"] {
        assert!(header.contains(label), "{header}");
    }
    let payback = out
        .lines()
        .find(|l| l.starts_with("Payback month"))
        .unwrap();
    // Now as published; A at 30% of referrals becoming cases; B at £2,000 a case.
    let months: Vec<&str> = payback
        .split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    assert_eq!(
        months,
        ["Payback month", "December 2023", "June 2024", "March 2024"]
    );
    assert!(out.contains("Chance of paying back by the target month"));

    let exported = json(&[
        "v=1&p=sandwell&a~name=Cautious&a~allocation=30",
        "--format",
        "json",
    ]);
    let scenarios = exported["comparison"]["scenarios"].as_array().unwrap();
    assert_eq!(scenarios.len(), 2);
    assert_eq!(scenarios[1]["label"], "A: Cautious");
    assert_eq!(scenarios[1]["pin"], "A");
    assert_eq!(scenarios[1]["query"], "v=1&p=sandwell&allocation=30");
    assert_eq!(scenarios[1]["results"]["payback_month"], "2024-06");
    // No run asked for: no chances.
    assert!(scenarios[1]["chance"].is_null());
    assert_eq!(
        exported["query"],
        "v=1&p=sandwell&a~name=Cautious&a~allocation=30"
    );
    // Without pins the JSON has no comparison.
    assert!(json(&["sandwell", "--format", "json"])["comparison"].is_null());

    let message = refuses(&["sandwell", "trafford"]);
    assert!(message.contains("must all be of"), "{message}");
    let message = refuses(&["sandwell", "sandwell", "sandwell", "sandwell", "sandwell"]);
    assert!(message.contains("at most 4 scenarios"), "{message}");
}

#[test]
fn the_json_gives_the_payback_as_reports_print_it_and_the_print_against_the_model() {
    // Sandwell pays back in December 2023, the 24th month from January 2022: 24 / 12 = 2.0 years.
    let sandwell = json(&["sandwell", "--format", "json"]);
    assert_eq!(sandwell["results"]["payback_month"], "2023-12");
    assert_eq!(sandwell["results"]["payback_month_number"], 24);
    assert_eq!(sandwell["results"]["payback_years"], "2.0");
    let reconciliation = &sandwell["reconciliation"];
    assert_eq!(reconciliation["assumptions"], "published");
    assert_eq!(reconciliation["results"][1]["name"], "Payback");
    assert_eq!(reconciliation["results"][1]["printed"], "December 2023");
    assert_eq!(reconciliation["results"][1]["differs"], false);
    // Its print's referral periods do not add up: 2022/23's months give 108, printed 110.
    assert_eq!(
        reconciliation["contradictions"][0]["sentence"],
        "referral reduction 2022/23: printed 110, but adding up its printed months (the model spreads the total in their shape) gives 108"
    );
    assert_eq!(reconciliation["contradictions"][0]["unit"], "referrals");

    // The minimal file (£5,000 a month for 12 months from April 2024; £10,000 a month saved
    // from October 2024) printed with a wrong payback and one wrong cumulative: the model's
    // cumulative is -£5,000 in April 2024 and -£10,000 in May, printed -£5,000 and -£11,000.
    // The model pays back in March 2025, month 12, 1.0 years; printed June 2025 and 1.3 years.
    let file = TempProposal::new(&format!(
        "{}\n[published]\npayback_month = \"2025-06\"\npayback_years = 1.3\n\n[published.monthly]\ncumulative = [-5000, -11000]\n",
        include_str!("fixtures/minimal.toml")
    ));
    let export = json(&["--proposal-file", file.path(), "--format", "json"]);
    assert_eq!(export["results"]["payback_month"], "2025-03");
    assert_eq!(export["results"]["payback_month_number"], 12);
    assert_eq!(export["results"]["payback_years"], "1.0");
    let reconciliation = &export["reconciliation"];
    assert_eq!(reconciliation["figures_compared"], 2);
    assert_eq!(reconciliation["figures_differing"], 1);
    assert_eq!(reconciliation["results_differing"], 2);
    assert_eq!(
        reconciliation["figures"][1],
        serde_json::json!({
            "table": "monthly", "series": "cumulative", "period": "2024-05",
            "printed": "-11000.00", "model": "-10000.00", "differs": true,
        })
    );
    assert_eq!(
        reconciliation["results"],
        serde_json::json!([
            {"name": "Payback", "printed": "June 2025", "model": "March 2025", "differs": true},
            {"name": "Payback in years", "printed": "1.3 years", "model": "1.0 years", "differs": true},
        ])
    );
    // It prints no net, so its cumulative has nothing to contradict.
    assert_eq!(reconciliation["contradictions"], serde_json::json!([]));

    // A proposal that prints nothing has no reconciliation; a never-paid-back one no payback.
    let own = json(&["own", "--format", "json"]);
    assert_eq!(own["reconciliation"], Value::Null);
    let never = json(&["v=1&p=own&horizon=12", "--format", "json"]);
    assert_eq!(never["results"]["payback_month_number"], Value::Null);
    assert_eq!(never["results"]["payback_years"], Value::Null);
}
