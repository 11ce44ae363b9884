#![cfg(not(target_arch = "wasm32"))]
//! Properties that hold for every scenario a reader can reach: any lever of any preset at any
//! value in its range (and horizons up to 600 months), and any text at all in a link.

use invest_to_save::codec;
use invest_to_save::levers::{Lever, LeverValue, Range};
use invest_to_save::model::cashflow::OUT_OF_POCKET_BELOW;
use invest_to_save::model::{self, Cashflow, Payback, Scenario};
use invest_to_save::proposal::presets::presets;
use invest_to_save::proposal::presets::PRESET_FILES;
use invest_to_save::proposal::{assumptions, parse_proposal, read_proposal};
use proptest::prelude::*;
use proptest::test_runner::Config;
use rust_decimal::Decimal;

/// Modest case counts keep the file to a few seconds in a debug build (set PROPTEST_CASES for a
/// deeper run); failures are not written to a regressions file beside the tests.
fn config(cases: u32) -> Config {
    Config {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(cases),
        failure_persistence: None,
        ..Config::default()
    }
}

/// How one lever is moved: left alone, to an end of its range, off, or anywhere in between.
#[derive(Debug, Clone, Copy)]
struct Move {
    how: u8,
    raw: u64,
}

fn moves() -> impl Strategy<Value = Vec<Move>> {
    prop::collection::vec(
        (0u8..10, any::<u64>()).prop_map(|(how, raw)| Move { how, raw }),
        32,
    )
}

/// The value a move gives a lever: always within its range (or off, where it can be).
fn value(lever: &Lever, step: Move) -> Option<LeverValue> {
    match (step.how, lever.range) {
        (0 | 1, _) => None,
        (2, _) if lever.can_be_off => Some(LeverValue::Off),
        (3, Range::Number { min, .. }) => Some(LeverValue::Number(min)),
        (4, Range::Number { max, .. }) => Some(LeverValue::Number(max)),
        (3, Range::Month { earliest, .. }) => Some(LeverValue::Month(earliest)),
        (4, Range::Month { latest, .. }) => Some(LeverValue::Month(latest)),
        (_, Range::Number { min, max, .. }) => {
            // Anywhere between min and max, to six decimal places of the range.
            let fraction = Decimal::from(step.raw % 1_000_001) / Decimal::from(1_000_000);
            Some(LeverValue::Number(min + (max - min) * fraction))
        }
        (_, Range::Month { earliest, latest }) => {
            let span = earliest.months_until(latest) as u64 + 1;
            Some(LeverValue::Month(
                earliest.plus_months((step.raw % span) as i32),
            ))
        }
    }
}

/// Whether a lever's value is one it may hold.
fn within_range(lever: &Lever, value: LeverValue) -> bool {
    match (value, lever.range) {
        (LeverValue::Off, _) => lever.can_be_off,
        (LeverValue::Number(n), Range::Number { min, max, .. }) => min <= n && n <= max,
        (LeverValue::Month(m), Range::Month { earliest, latest }) => earliest <= m && m <= latest,
        _ => false,
    }
}

fn assert_levers_within_range(proposal_index: usize, scenario: &Scenario, context: &str) {
    let proposal = &presets()[proposal_index];
    for lever in proposal.levers() {
        let value = lever.get(scenario);
        assert!(
            within_range(lever, value),
            "{context}: {} {} = {value:?} is outside {:?}",
            proposal.id,
            lever.key,
            lever.range
        );
    }
}

/// A preset's scenario with its levers moved by `steps`, each value clamped then set.
fn moved_scenario(preset: usize, steps: &[Move]) -> Scenario {
    let proposal = &presets()[preset];
    let mut scenario = proposal.baseline.clone();
    for (lever, step) in proposal.levers().iter().zip(steps) {
        if let Some(value) = value(lever, *step) {
            let (kept, _) = lever.clamp(value);
            assert!(within_range(lever, kept), "{} kept {kept:?}", lever.key);
            lever.set(&mut scenario, kept);
        }
    }
    scenario
}

fn scenarios() -> impl Strategy<Value = (usize, Scenario)> {
    (0..presets().len(), moves()).prop_map(|(preset, steps)| {
        let scenario = moved_scenario(preset, &steps);
        (preset, scenario)
    })
}

/// Scenarios for the engine: as above, sometimes with the horizon set anywhere up to 600 months.
fn engine_scenarios() -> impl Strategy<Value = Scenario> {
    (scenarios(), prop::option::of(1u32..=600)).prop_map(|((_, mut scenario), horizon)| {
        if let Some(horizon) = horizon {
            scenario.horizon_months = horizon;
        }
        scenario
    })
}

/// A millionth of a penny: far below anything shown, far above the last digit of a decimal.
fn tiny() -> Decimal {
    Decimal::new(1, 8)
}

fn sum(values: impl Iterator<Item = Decimal>) -> Decimal {
    values.fold(Decimal::ZERO, |total, value| total + value)
}

fn check_months(scenario: &Scenario, cashflow: &Cashflow) -> Result<(), TestCaseError> {
    prop_assert_eq!(cashflow.months.len(), scenario.horizon_months as usize);
    let mut cumulative = Decimal::ZERO;
    for (index, row) in cashflow.months.iter().enumerate() {
        prop_assert_eq!(row.month, scenario.start.plus_months(index as i32));
        prop_assert_eq!(row.net, row.saving - row.investment, "net in {}", row.month);
        prop_assert_eq!(
            row.investment,
            sum(row.investment_by_funder.iter().copied())
        );
        prop_assert_eq!(row.saving, sum(row.saving_by_line.iter().copied()));
        cumulative += row.net;
        prop_assert_eq!(row.cumulative, cumulative, "cumulative in {}", row.month);
    }
    Ok(())
}

fn check_years(cashflow: &Cashflow) -> Result<(), TestCaseError> {
    let mut start = 0;
    for (index, year) in cashflow.years.iter().enumerate() {
        if index > 0 {
            prop_assert_eq!(
                year.year.start_year,
                cashflow.years[index - 1].year.start_year + 1
            );
        }
        prop_assert!(year.months_in_horizon >= 1 && year.months_in_horizon <= 12);
        let months = &cashflow.months[start..start + year.months_in_horizon as usize];
        start += year.months_in_horizon as usize;
        for row in months {
            prop_assert_eq!(row.month.financial_year(), year.year);
        }
        prop_assert_eq!(year.investment, sum(months.iter().map(|r| r.investment)));
        prop_assert_eq!(year.saving, sum(months.iter().map(|r| r.saving)));
        prop_assert_eq!(year.net, sum(months.iter().map(|r| r.net)));
        prop_assert_eq!(year.cumulative, months.last().unwrap().cumulative);
        for (funder, total) in year.investment_by_funder.iter().enumerate() {
            prop_assert_eq!(
                *total,
                sum(months.iter().map(|r| r.investment_by_funder[funder]))
            );
        }
        for (line, total) in year.saving_by_line.iter().enumerate() {
            prop_assert_eq!(*total, sum(months.iter().map(|r| r.saving_by_line[line])));
        }
    }
    prop_assert_eq!(start, cashflow.months.len(), "every month is in a year");
    Ok(())
}

fn check_results(cashflow: &Cashflow) -> Result<(), TestCaseError> {
    let rows = &cashflow.months;
    let results = &cashflow.results;
    prop_assert_eq!(
        results.total_investment,
        sum(rows.iter().map(|r| r.investment))
    );
    prop_assert_eq!(results.total_saving, sum(rows.iter().map(|r| r.saving)));
    prop_assert_eq!(
        results.net_return,
        results.total_saving - results.total_investment
    );
    // The final cumulative is the same sum taken month by month; exact decimals hold 28 digits,
    // so the two may differ in the last of them, never by a visible amount.
    let final_cumulative = rows.last().map(|r| r.cumulative).unwrap_or_default();
    prop_assert!(
        (results.net_return - final_cumulative).abs() < tiny(),
        "net return {} against final cumulative {}",
        results.net_return,
        final_cumulative
    );
    if results.total_investment.is_zero() {
        prop_assert_eq!(results.return_on_investment, None);
    } else {
        prop_assert_eq!(
            results.return_on_investment,
            Some(results.net_return / results.total_investment)
        );
    }
    for (funder, total) in results.investment_by_funder.iter().enumerate() {
        prop_assert_eq!(
            *total,
            sum(rows.iter().map(|r| r.investment_by_funder[funder]))
        );
    }
    let first_positive = rows.iter().find(|r| r.net > Decimal::ZERO).map(|r| r.month);
    prop_assert_eq!(results.breakeven_month, first_positive);

    // Out of pocket means below minus half a penny: a twelfth of an annual amount is not exact,
    // so a cumulative that should be zero may come out a few digits short of it.
    let out_of_pocket = |r: &invest_to_save::model::MonthRow| r.cumulative < OUT_OF_POCKET_BELOW;
    match results.payback {
        Payback::PaidBackIn(month) => {
            let at = rows.iter().position(|r| r.month == month).unwrap();
            prop_assert!(at > 0, "paid back in the first month, so never in deficit");
            prop_assert!(out_of_pocket(&rows[at - 1]));
            for row in &rows[at..] {
                prop_assert!(!out_of_pocket(row), "negative in {}", row.month);
            }
            // Payback is never before the first month with a positive net.
            prop_assert!(first_positive.is_some_and(|first| first <= month));
        }
        Payback::NotWithinHorizon => {
            prop_assert!(rows.last().is_some_and(out_of_pocket));
        }
        Payback::NeverInDeficit => {
            prop_assert!(!rows.iter().any(out_of_pocket));
        }
    }
    prop_assert_eq!(
        results.payback.month().is_some(),
        matches!(results.payback, Payback::PaidBackIn(_))
    );

    let lowest = rows.iter().map(|r| r.cumulative).min().unwrap_or_default();
    if lowest < Decimal::ZERO {
        prop_assert_eq!(results.deepest_cumulative, lowest);
        let deepest = rows.iter().find(|r| r.cumulative == lowest).unwrap();
        prop_assert_eq!(results.deepest_month, Some(deepest.month));
    } else {
        prop_assert_eq!(results.deepest_cumulative, Decimal::ZERO);
        prop_assert_eq!(results.deepest_month, None);
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn cumulative_is_the_running_sum_of_net(scenario in engine_scenarios()) {
        let cashflow = model::run(&scenario);
        check_months(&scenario, &cashflow)?;
    }

    #[test]
    fn each_financial_years_sums_equal_the_sums_of_its_months(scenario in engine_scenarios()) {
        let cashflow = model::run(&scenario);
        check_years(&cashflow)?;
    }

    #[test]
    fn results_follow_from_the_months(scenario in engine_scenarios()) {
        // Totals, net return = total saving - total investment, return on investment, in-month
        // breakeven, payback (never before the first positive net; cumulative stays at or above
        // zero from it on and was below zero the month before) and the deepest point.
        let cashflow = model::run(&scenario);
        check_results(&cashflow)?;
    }

    #[test]
    fn the_lean_run_of_the_uncertainty_draws_agrees_with_the_full_run_digit_for_digit(
        scenario in engine_scenarios()
    ) {
        // The draws keep only the cumulative, its last month as the net return and the payback
        // found from it; each must be the full run's.
        let cashflow = model::run(&scenario);
        let lean = model::cumulative_by_month(&scenario);
        let full: Vec<Decimal> = cashflow.months.iter().map(|row| row.cumulative).collect();
        prop_assert_eq!(&lean, &full);
        let months: Vec<model::YearMonth> = cashflow.months.iter().map(|row| row.month).collect();
        prop_assert_eq!(model::payback_in(&months, &lean), cashflow.results.payback);
        let net_return = lean.last().copied().unwrap_or_default();
        prop_assert!((net_return - cashflow.results.net_return).abs() < tiny());
    }

    #[test]
    fn running_the_model_twice_gives_the_same_cashflow(scenario in engine_scenarios()) {
        prop_assert_eq!(model::run(&scenario), model::run(&scenario));
    }

    #[test]
    fn a_written_link_reads_back_to_the_same_scenario_without_notices(
        (preset, scenario) in scenarios()
    ) {
        let proposal = &presets()[preset];
        let link = codec::write(proposal, &scenario);
        let parsed = codec::parse(&link, presets());
        prop_assert_eq!(&parsed.notices, &vec![], "{}", link);
        prop_assert_eq!(parsed.proposal, preset);
        prop_assert_eq!(&parsed.scenario, &scenario, "{}", link);
        // And writing again gives the same link.
        prop_assert_eq!(codec::write(proposal, &parsed.scenario), link);
    }

    #[test]
    fn a_downloaded_proposal_file_checks_clean_and_opens_at_the_same_scenario(
        (preset, scenario) in scenarios()
    ) {
        // "Download as a proposal file", then `calc check`, then "Open a proposal file".
        let proposal = &presets()[preset];
        let text = assumptions::with_assumptions(PRESET_FILES[preset].1, proposal, &scenario);
        let read = match read_proposal(&text) {
            Ok(read) => read,
            Err(problems) => return Err(TestCaseError::fail(format!("{problems:?}\n{text}"))),
        };
        prop_assert_eq!(&read.starting, &scenario, "{}", text);
        prop_assert_eq!(&read.baseline, &proposal.baseline);
        prop_assert_eq!(model::run(&read.starting), model::run(&scenario));
        // Its link names no assumption: the file itself opens there.
        prop_assert_eq!(codec::write(&read, &scenario), format!("v=1&p={}", proposal.id));
    }

    #[test]
    fn a_download_with_hostile_names_labels_and_summary_reads_back_as_written(
        preset in 0..PRESET_FILES.len(),
        (name, label, hint) in (hostile_text(), hostile_text(), hostile_text()),
        summary in prop::collection::vec(prop::sample::select(SUMMARY_LINES), 1..8),
        steps in moves(),
    ) {
        // An officer's file whose texts hold quotes, backslashes, line breaks and lines that look
        // like TOML tables (`[assumptions]` among them); a reader moves its sliders and downloads it.
        let text = with_hostile_texts(PRESET_FILES[preset].1, &name, &label, &hint, &summary.join("\n"));
        let hostile = match read_proposal(&text) {
            Ok(read) => read,
            Err(problems) => return Err(TestCaseError::fail(format!("{problems:?}\n{text}"))),
        };
        prop_assert_eq!(&hostile.name, &name);
        prop_assert!(hostile.summary.contains(summary[0]));

        let mut scenario = hostile.baseline.clone();
        for (lever, step) in hostile.levers().iter().zip(&steps) {
            if let Some(value) = value(lever, *step) {
                lever.set(&mut scenario, lever.clamp(value).0);
            }
        }
        let downloaded = assumptions::with_assumptions(&text, &hostile, &scenario);
        let read = match read_proposal(&downloaded) {
            Ok(read) => read,
            Err(problems) => return Err(TestCaseError::fail(format!("{problems:?}\n{downloaded}"))),
        };
        prop_assert_eq!(&read.starting, &scenario, "{}", downloaded);
        prop_assert_eq!(&read.baseline, &hostile.baseline);
        prop_assert_eq!(&read.name, &hostile.name);
        prop_assert_eq!(&read.summary, &hostile.summary);
        prop_assert_eq!(&read.lever_settings, &hostile.lever_settings);
        // Downloading the download again changes nothing.
        prop_assert_eq!(assumptions::with_assumptions(&downloaded, &read, &scenario), downloaded);
    }

    #[test]
    fn clamping_lands_within_range_and_clamping_again_changes_nothing(
        preset in 0..3usize,
        lever_index in any::<prop::sample::Index>(),
        (lo, mid, hi, negative, scale) in (any::<u32>(), any::<u32>(), any::<u32>(), any::<bool>(), 0u32..=28),
    ) {
        let proposal = &presets()[preset % presets().len()];
        let levers = proposal.levers();
        let lever = &levers[lever_index.index(levers.len())];
        let raw = match lever.range {
            Range::Number { .. } => LeverValue::Number(Decimal::from_parts(lo, mid, hi, negative, scale)),
            Range::Month { earliest, .. } => LeverValue::Month(earliest.plus_months((lo % 2400) as i32 - 1200)),
        };
        let (kept, _) = lever.clamp(raw);
        prop_assert!(within_range(lever, kept), "{} kept {:?}", lever.key, kept);
        prop_assert_eq!(lever.clamp(kept), (kept, None));
        // The kept value reads back from its link text.
        prop_assert_eq!(lever.read(&lever.link_text(kept)), Ok(kept));
    }
}

/// Pieces of text that have broken TOML writers: quotes of both kinds, backslashes, line breaks,
/// tabs, triple quotes, table headers, comment signs, formulas, right-to-left marks.
const HOSTILE_PIECES: &[&str] = &[
    "a",
    "Council",
    " ",
    "\"",
    "'",
    "\\",
    "\n",
    "\r\n",
    "\t",
    "\"\"\"",
    "'''",
    "[assumptions]",
    "\n[assumptions]\nallocation = 1\n",
    "[[investment]]",
    "#",
    "=1+1",
    "@SUM(A1)",
    "\\u0041",
    "\u{202e}",
    "£",
    "ünï",
    "🚀",
    "${x}",
    "}",
    "{",
];

/// A non-empty text made of hostile pieces, starting with a letter (a label may not be blank).
fn hostile_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(HOSTILE_PIECES), 0..6)
        .prop_map(|pieces| format!("A{}", pieces.concat()))
}

/// Lines for a summary written as a TOML multi-line literal string, which holds anything but
/// three single quotes and control characters.
const SUMMARY_LINES: &[&str] = &[
    "[assumptions]",
    "allocation = 1",
    "[[investment]]",
    "[levers.allocation]",
    "id = \"x\"",
    "\"\"\"",
    "\\ a backslash",
    "# not a comment",
    "''",
    "The council's £112,500 is paid back by December 2023.",
];

/// A preset's file with its name, first investment's label, first lever hint and summary
/// replaced; the summary as the raw lines an officer would type.
fn with_hostile_texts(file: &str, name: &str, label: &str, hint: &str, summary: &str) -> String {
    let mut document: toml_edit::DocumentMut = file.parse().expect("a preset file is TOML");
    document["name"] = toml_edit::value(name);
    document["summary"] = toml_edit::value("SUMMARY");
    if let Some(investment) = document["investment"]
        .as_array_of_tables_mut()
        .and_then(|lines| lines.get_mut(0))
    {
        investment["label"] = toml_edit::value(label);
    }
    if let Some((_, lever)) = document["levers"]
        .as_table_mut()
        .and_then(|levers| levers.iter_mut().next())
    {
        lever["hint"] = toml_edit::value(hint);
    }
    document
        .to_string()
        .replace("\"SUMMARY\"", &format!("'''\n{summary}\n'''"))
}

/// Pieces of links, good and bad, for building hostile ones.
fn fragments() -> Vec<String> {
    let mut pieces: Vec<String> = [
        "allocation=",
        "proposal=",
        "sandwell",
        "trafford",
        "own",
        "v=",
        "1",
        "2",
        "44",
        "%",
        "%ZZ",
        "%2",
        "%25",
        "%C2%A3",
        "%FF",
        "%00",
        "&",
        "=",
        "?",
        "#",
        "+",
        "1e999",
        "1e30",
        "-1e30",
        "-",
        ".",
        "99999999999999999999999999999999",
        "79228162514264337593543950335",
        "none",
        "off",
        "2022-13",
        "2022-07",
        "9999-99",
        "<script>",
        "</script>",
        "ünïcödé",
        "🚀",
        "\u{0}",
        "\u{202e}",
        "£",
        ",",
        " ",
        "NaN",
        "inf",
        "saving.per_month=",
        "https://example.org/",
    ]
    .map(String::from)
    .to_vec();
    for proposal in presets() {
        for lever in proposal.levers() {
            pieces.push(format!("{}=", lever.key));
        }
    }
    pieces
}

fn hostile_links() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(fragments()),
        1 => "\\PC{0,8}",
    ];
    prop::collection::vec(piece, 0..24).prop_map(|pieces| pieces.concat())
}

fn check_parse_of_anything(query: &str) -> Result<(), TestCaseError> {
    let parsed = codec::parse(query, presets());
    prop_assert!(parsed.proposal < presets().len());
    prop_assert!(parsed.notices.len() <= 50);
    assert_levers_within_range(parsed.proposal, &parsed.scenario, query);
    let cashflow = model::run(&parsed.scenario);
    prop_assert_eq!(
        cashflow.months.len(),
        parsed.scenario.horizon_months as usize
    );
    Ok(())
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn reading_any_text_as_a_link_never_panics_and_keeps_levers_in_range(query in "\\PC*") {
        check_parse_of_anything(&query)?;
    }

    #[test]
    fn reading_a_link_built_from_hostile_pieces_never_panics_and_keeps_levers_in_range(
        query in hostile_links()
    ) {
        check_parse_of_anything(&query)?;
    }

    #[test]
    fn percent_decoding_undoes_percent_encoding(text in "\\PC*") {
        prop_assert_eq!(codec::percent_decode(&codec::percent_encode(&text)), text);
    }

    #[test]
    fn reading_any_text_as_a_proposal_file_never_panics(text in "\\PC*") {
        let _ = parse_proposal(&text);
    }

    #[test]
    fn a_proposal_file_with_any_one_line_replaced_is_read_or_refused_in_words(
        line in any::<prop::sample::Index>(),
        replacement in prop_oneof![
            prop::sample::select(vec![
                "months = 0", "months = 600", "months = 601", "format = 2", "id = \"Bad\"",
                "one_off = 1e20", "one_off = -1", "per_month = nan", "ramp_months = 99999",
                "from = \"2022-13\"", "month = \"2101-01\"", "start = \"1989-12\"",
                "start = \"2100-12\"", "[[investment]]", "[[saving]]", "max = -5", "step = 0",
                "group = \"x\"", "amount_per_year = 1e10", "amount_per_year = 10000000001",
            ]).prop_map(String::from),
            "\\PC{0,30}",
        ],
    ) {
        let own = include_str!("../proposals/own.toml");
        let mut lines: Vec<String> = own.lines().map(String::from).collect();
        let at = line.index(lines.len());
        lines[at] = replacement;
        match parse_proposal(&lines.join("\n")) {
            Ok(proposal) => {
                let cashflow = model::run(&proposal.baseline);
                prop_assert_eq!(cashflow.months.len(), proposal.baseline.horizon_months as usize);
            }
            Err(message) => prop_assert!(!message.trim().is_empty()),
        }
    }
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn no_notice_repeats_more_than_40_characters_of_what_the_link_holds(
        key in prop::sample::select(vec!["allocation", "delivery_start", "council.from", "nonsense"]),
        long in "[a-z<>/()]{41,120}",
        as_key in any::<bool>(),
    ) {
        let query = if as_key {
            format!("{long}=1&{long}=2")
        } else {
            format!("{key}={long}")
        };
        let parsed = codec::parse(&query, presets());
        for notice in &parsed.notices {
            prop_assert!(!notice.message.contains(&long[..41]), "{:?}: {}", notice.kind, notice.message);
            prop_assert!(notice.key.chars().count() <= 41);
        }
    }
}

/// Numbers at and past every edge, as a link may hold them.
fn extremes() -> Vec<String> {
    let mut values: Vec<String> = [
        "1e30",
        "-1e30",
        "1e-30",
        "1e28",
        "7.9e28",
        "NaN",
        "nan",
        "inf",
        "-inf",
        "Infinity",
        "0.0000000001",
        "-0.0000000001",
        "0",
        "-0",
        "-1",
        "0.5",
        "0.005",
        "0.995",
        "79228162514264337593543950335",
        "-79228162514264337593543950335",
        "79228162514264337593543950336",
        "7922816251426433759354395033.5",
        "0.0000000000000000000000000001",
        "0.00000000000000000000000000001",
        "1e999",
        "1e-999",
        "1e2147483648",
        "",
        " ",
        "-",
        ".",
        "£",
        "%",
        "none",
        "off",
        "2022-13",
        "2022-00",
        "0000-01",
        "2100-12",
        "2101-01",
        "1989-12",
        "-2022-01",
        "2022-1",
        "２０２２-０７",
    ]
    .map(String::from)
    .to_vec();
    values.push("9".repeat(60));
    values.push(format!("-{}", "9".repeat(60)));
    values.push(format!("0.{}1", "0".repeat(60)));
    values.push(format!("1{}", "0".repeat(400)));
    values.push("1".repeat(10_000));
    values
}

#[test]
fn extreme_numbers_for_every_lever_key_never_panic_and_keep_every_lever_in_range() {
    for (index, proposal) in presets().iter().enumerate() {
        let mut keys: Vec<String> = proposal.levers().iter().map(|l| l.key.clone()).collect();
        // A link may give a recurring saving a month at a time.
        keys.extend(
            keys.iter()
                .filter_map(|k| k.strip_suffix(".per_year"))
                .map(|line| format!("{line}.per_month"))
                .collect::<Vec<_>>(),
        );
        for key in &keys {
            for value in extremes() {
                for written in [
                    value.clone(),
                    codec::percent_encode(&value),
                    format!("£{value}%"),
                ] {
                    let query = format!("proposal={}&{key}={written}", proposal.id);
                    let parsed = codec::parse(&query, presets());
                    assert_eq!(parsed.proposal, index, "{query}");
                    assert!(parsed.notices.len() <= 1, "{query}: {:?}", parsed.notices);
                    assert_levers_within_range(index, &parsed.scenario, &query);
                    model::run(&parsed.scenario);
                }
            }
        }
    }
}

#[test]
fn every_lever_at_either_end_of_its_range_runs_at_the_longest_horizon() {
    for index in 0..presets().len() {
        for how in [3u8, 4] {
            let steps = vec![Move { how, raw: 0 }; 32];
            let mut scenario = moved_scenario(index, &steps);
            scenario.horizon_months = 600;
            let cashflow = model::run(&scenario);
            assert_eq!(cashflow.months.len(), 600);
            let final_cumulative = cashflow.months.last().unwrap().cumulative;
            assert!((final_cumulative - cashflow.results.net_return).abs() < tiny());
        }
    }
}

proptest! {
    #![proptest_config(config(1024))]

    /// The chart's coordinates are written as the float formatter writes them to one place,
    /// wherever a value is not within a rounding error of a half-tenth (where either way is a
    /// twentieth of a pixel).
    #[test]
    fn chart_coordinates_are_the_float_formatters_tenths(value in -1.0e7_f64..1.0e7) {
        let fraction = (value * 10.0).abs().fract();
        prop_assume!((fraction - 0.5).abs() > 1e-6);
        let formatted = format!("{value:.1}");
        // The one other difference: nought is never written with a sign.
        let expected = if formatted == "-0.0" { "0.0".to_string() } else { formatted };
        prop_assert_eq!(invest_to_save::report::coordinates::tenths(value), expected);
    }
}
