#![cfg(not(target_arch = "wasm32"))]
//! Proposal files as a council officer writes them: every shipped file reads, and every broken
//! file is refused with a message that says what is wrong (never a panic).

use invest_to_save::levers::{self, Range};
use invest_to_save::proposal::parse_proposal;
use invest_to_save::proposal::presets::{presets, PRESET_FILES};

const OWN: &str = include_str!("../proposals/own.toml");
const SANDWELL: &str = include_str!("../proposals/sandwell.toml");
const TRAFFORD: &str = include_str!("../proposals/trafford.toml");

/// A small, valid proposal to break one piece at a time (shared with tests/check.rs).
const MINIMAL: &str = include_str!("fixtures/minimal.toml");

/// Parses text that must be refused, and returns the message.
fn refused(text: &str) -> String {
    match parse_proposal(text) {
        Ok(proposal) => panic!("expected an error, got proposal {:?}", proposal.id),
        Err(message) => {
            assert!(!message.trim().is_empty(), "the error message is empty");
            message
        }
    }
}

fn assert_mentions(message: &str, words: &[&str]) {
    for word in words {
        assert!(
            message.contains(word),
            "the message {message:?} does not mention {word:?}"
        );
    }
}

#[test]
fn the_minimal_proposal_used_by_these_tests_is_valid() {
    let proposal = parse_proposal(MINIMAL).expect("the minimal proposal reads");
    assert_eq!(proposal.id, "minimal");
    assert_eq!(proposal.baseline.horizon_months, 24);
    assert_eq!(proposal.baseline.investments.len(), 1);
    assert_eq!(proposal.baseline.savings.len(), 1);
}

#[test]
fn every_file_in_the_proposals_folder_parses() {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/proposals");
    let mut count = 0;
    for entry in std::fs::read_dir(folder).expect("the proposals folder exists") {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("toml") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        if let Err(message) = parse_proposal(&text) {
            panic!("{} does not parse: {message}", path.display());
        }
        count += 1;
    }
    assert!(count >= 3, "expected at least the three shipped proposals");
}

#[test]
fn every_shipped_preset_is_offered_and_none_is_silently_dropped() {
    for (name, text) in PRESET_FILES {
        assert!(parse_proposal(text).is_ok(), "{name} does not parse");
    }
    assert_eq!(presets().len(), PRESET_FILES.len());
    let ids: Vec<&str> = presets().iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["sandwell", "trafford", "own"]);
}

#[test]
fn text_that_is_not_toml_is_refused_in_words() {
    let message = refused("this is not = = a proposal [[[");
    assert_mentions(&message, &["could not be read"]);
    refused("");
    refused("\u{0}\u{1}\u{2}");
}

#[test]
fn an_unknown_file_format_is_refused() {
    let message = refused(&MINIMAL.replace("format = 1", "format = 2"));
    assert_mentions(&message, &["format = 2", "format = 1"]);
}

#[test]
fn an_id_that_cannot_go_in_a_link_is_refused() {
    for bad in [
        "Bad Id",
        "9lives",
        "",
        "with-dash",
        "x&y=1",
        &"a".repeat(41),
    ] {
        let text = MINIMAL.replace("id = \"minimal\"", &format!("id = \"{bad}\""));
        let message = refused(&text);
        assert_mentions(&message, &["id", "lower-case"]);
    }
    // A line id goes in links too.
    let message = refused(&MINIMAL.replace("id = \"post\"", "id = \"The Post\""));
    assert_mentions(&message, &["The Post"]);
}

#[test]
fn two_lines_with_the_same_id_are_refused() {
    let message = refused(&MINIMAL.replace("id = \"saving\"", "id = \"post\""));
    assert_mentions(&message, &["post", "more than one"]);
}

#[test]
fn an_unknown_field_is_refused_and_named() {
    let message = refused(&MINIMAL.replace("format = 1", "format = 1\ncolour = \"blue\""));
    assert_mentions(&message, &["colour"]);
    let message = refused(&MINIMAL.replace("months = 12", "months = 12\nper_week = 10"));
    assert_mentions(&message, &["per_week"]);
}

#[test]
fn a_missing_timeline_is_refused_and_named() {
    let text = MINIMAL.replace("[timeline]\nstart = \"2024-04\"\nmonths = 24\n", "");
    assert_ne!(text, MINIMAL);
    let message = refused(&text);
    assert_mentions(&message, &["timeline"]);
}

#[test]
fn a_month_that_does_not_exist_is_refused_and_quoted() {
    let message = refused(&MINIMAL.replace("start = \"2024-04\"", "start = \"2022-13\""));
    assert_mentions(&message, &["timeline.start", "2022-13"]);
    let message = refused(&MINIMAL.replace("from = \"2024-10\"", "from = \"October 2024\""));
    assert_mentions(&message, &["October 2024"]);
    let message = refused(&MINIMAL.replace("start = \"2024-04\"", "start = \"2150-01\""));
    assert_mentions(&message, &["2150-01"]);
}

#[test]
fn a_timeline_of_no_months_or_too_many_is_refused() {
    let message = refused(&MINIMAL.replace("months = 24", "months = 0"));
    assert_mentions(&message, &["timeline.months", "0"]);
    let message = refused(&MINIMAL.replace("months = 24", "months = 601"));
    assert_mentions(&message, &["timeline.months", "601"]);
    let message = refused(&MINIMAL.replace("months = 24", "months = -1"));
    assert_mentions(&message, &["months"]);
}

#[test]
fn a_per_month_line_without_from_or_after_is_refused() {
    let message = refused(&MINIMAL.replace("from = \"2024-04\"\nmonths = 12", "months = 12"));
    assert_mentions(&message, &["post", "from", "after"]);
    // Both is as wrong as neither.
    let message = refused(&MINIMAL.replace(
        "from = \"2024-04\"\nmonths = 12",
        "from = \"2024-04\"\nafter = \"post\"\nmonths = 12",
    ));
    assert_mentions(&message, &["from", "after"]);
}

#[test]
fn after_naming_a_missing_line_is_refused_and_names_it() {
    let text = format!(
        "{MINIMAL}\n[[investment]]\nid = \"follow_on\"\nlabel = \"Follow on\"\nfunder = \"Trust\"\nper_month = 5000\nafter = \"ghost\"\n"
    );
    let message = refused(&text);
    assert_mentions(&message, &["follow_on", "ghost"]);
}

#[test]
fn after_naming_itself_or_an_open_ended_line_is_refused() {
    let text = format!(
        "{MINIMAL}\n[[investment]]\nid = \"loop\"\nlabel = \"Loop\"\nfunder = \"Trust\"\nper_month = 5000\nafter = \"loop\"\n"
    );
    assert_mentions(&refused(&text), &["loop"]);
    let open_ended = MINIMAL.replace("months = 12\n", "");
    let text = format!(
        "{open_ended}\n[[investment]]\nid = \"follow_on\"\nlabel = \"Follow on\"\nfunder = \"Trust\"\nper_month = 5000\nafter = \"post\"\n"
    );
    assert_mentions(&refused(&text), &["follow_on", "post"]);
}

#[test]
fn a_line_with_no_amount_or_two_kinds_of_amount_is_refused() {
    let message = refused(&MINIMAL.replace("per_month = 5000\n", ""));
    assert_mentions(&message, &["per_month", "one_off", "per_year"]);
    let message = refused(&MINIMAL.replace(
        "per_month = 5000\n",
        "per_month = 5000\none_off = 1000\nmonth = \"2024-04\"\n",
    ));
    assert_mentions(&message, &["exactly one"]);
    let message = refused(&MINIMAL.replace("amount_per_year = 120000\n", ""));
    assert_mentions(&message, &["saving", "exactly one"]);
}

#[test]
fn two_referral_drivers_are_refused() {
    let second = r#"
[[saving]]
id = "more_referrals"
label = "A second referral driver"

[saving.referrals]
delivery_start = "2022-07"
baseline_referrals_per_year = 100
allocation_percent = 10
cost_per_case_per_year = 1000
cases_per_cashable_step = 1

[[saving.referrals.period]]
monthly_profile = [1, 1, 1]
total = 3
"#;
    // Appended after the published tables would put it inside [published]; put it first.
    let text = SANDWELL.replacen(
        "[levers.reduction]",
        &format!("{second}\n[levers.reduction]"),
        1,
    );
    assert_ne!(text, SANDWELL);
    let message = refused(&text);
    assert_mentions(&message, &["only one", "referral"]);
}

#[test]
fn a_cashable_step_of_zero_cases_is_refused() {
    let text = SANDWELL.replace(
        "cases_per_cashable_step = 10",
        "cases_per_cashable_step = 0",
    );
    assert_ne!(text, SANDWELL);
    let message = refused(&text);
    assert_mentions(&message, &["cases_per_cashable_step", "at least 1"]);
}

#[test]
fn a_case_duration_of_zero_months_is_refused() {
    let text = SANDWELL.replace(
        "saving_cap_per_year = 400000",
        "saving_cap_per_year = 400000\ncase_duration_months = 0",
    );
    let message = refused(&text);
    assert_mentions(&message, &["case_duration_months"]);
}

#[test]
fn an_allocation_above_a_hundred_percent_is_refused() {
    let text = SANDWELL.replace("allocation_percent = 44", "allocation_percent = 144");
    let message = refused(&text);
    assert_mentions(&message, &["allocation_percent", "144"]);
}

#[test]
fn a_profile_of_zeros_that_must_add_up_to_something_is_refused() {
    let text = SANDWELL.replace(
        "monthly_profile = [10, 10, 10, 12, 12, 12, 14, 14, 14]",
        "monthly_profile = [0, 0, 0]",
    );
    let message = refused(&text);
    assert_mentions(&message, &["period 1", "zeros"]);
}

#[test]
fn a_huge_amount_is_refused_and_named() {
    // 1e20 pounds is far above the ten-billion limit.
    let message = refused(&MINIMAL.replace("per_month = 5000", "per_month = 1e20"));
    assert_mentions(&message, &["post", "per_month"]);
    let message =
        refused(&MINIMAL.replace("per_month = 5000", "per_month = \"100000000000000000000\""));
    assert_mentions(&message, &["per_month"]);
    let message = refused(&MINIMAL.replace("amount_per_year = 120000", "amount_per_year = 1e20"));
    assert_mentions(&message, &["saving", "amount_per_year"]);
    let message = refused(&OWN.replace("one_off = 7500000", "one_off = 1e20"));
    assert_mentions(&message, &["capital", "one_off"]);
    // Too big even for an exact decimal, and not a number at all.
    refused(&MINIMAL.replace("per_month = 5000", "per_month = 1e300"));
    refused(&MINIMAL.replace("per_month = 5000", "per_month = nan"));
    refused(&MINIMAL.replace("per_month = 5000", "per_month = inf"));
    refused(&MINIMAL.replace("per_month = 5000", "per_month = \"lots\""));
    refused(&MINIMAL.replace(
        "per_month = 5000",
        &format!("per_month = \"{}\"", "9".repeat(60)),
    ));
}

#[test]
fn amounts_are_read_exactly_as_written() {
    let text = MINIMAL.replace("per_month = 5000", "per_month = \"33,333.33\"");
    let proposal = parse_proposal(&text).unwrap();
    let lever = proposal
        .levers()
        .iter()
        .find(|l| l.key == "post.per_month")
        .unwrap();
    assert_eq!(
        lever.published,
        levers::LeverValue::Number("33333.33".parse().unwrap())
    );
    let text = MINIMAL.replace("per_month = 5000", "per_month = 0.1");
    let proposal = parse_proposal(&text).unwrap();
    let lever = proposal
        .levers()
        .iter()
        .find(|l| l.key == "post.per_month")
        .unwrap();
    assert_eq!(
        lever.published,
        levers::LeverValue::Number("0.1".parse().unwrap())
    );
}

#[test]
fn a_budget_row_naming_a_missing_line_is_refused_and_names_it() {
    let text = TRAFFORD.replacen(
        "[[budget.rows]]\nid = \"benefits\"",
        "[[budget.rows]]\nid = \"ghost\"",
        1,
    );
    assert_ne!(text, TRAFFORD);
    let message = refused(&text);
    assert_mentions(&message, &["budget row", "ghost"]);
}

#[test]
fn a_budget_row_with_both_a_saving_line_and_its_own_amounts_is_refused() {
    let text = TRAFFORD.replacen(
        "[[budget.rows]]\nid = \"benefits\"\nlabel = \"Amount from benefits\"",
        "[[budget.rows]]\nid = \"benefits\"\nlabel = \"Amount from benefits\"\nfirst_year = \"2020/21\"\nper_year = [1, 2, 3]",
        1,
    );
    assert_ne!(text, TRAFFORD);
    let message = refused(&text);
    assert_mentions(&message, &["benefits"]);
}

#[test]
fn a_yearly_schedule_without_its_first_year_is_refused() {
    let text = TRAFFORD.replacen(
        "first_year = \"2020/21\"\nper_year = [153069, 156131, 159252]",
        "per_year = [153069, 156131, 159252]",
        1,
    );
    assert_ne!(text, TRAFFORD);
    let message = refused(&text);
    assert_mentions(&message, &["level_2", "first_year"]);
    let text = TRAFFORD.replacen("first_year = \"2020/21\"", "first_year = \"2020/22\"", 1);
    assert_mentions(&refused(&text), &["2020/22"]);
}

#[test]
fn an_unknown_lever_group_is_refused() {
    let text = OWN.replacen("group = \"main\"", "group = \"sideways\"", 1);
    let message = refused(&text);
    assert_mentions(&message, &["sideways", "main", "more"]);
}

#[test]
fn published_figures_longer_than_the_timeline_are_refused() {
    let text = SANDWELL.replace("months = 39", "months = 12");
    let message = refused(&text);
    assert_mentions(&message, &["published.monthly"]);
}

#[test]
fn a_lever_range_whose_minimum_is_above_its_maximum_is_refused_or_never_used() {
    let text = SANDWELL.replace(
        "[levers.allocation]\n",
        "[levers.allocation]\nmin = 80\nmax = 20\n",
    );
    assert_ne!(text, SANDWELL);
    let Ok(proposal) = parse_proposal(&text) else {
        return; // Refusing the file is a fix.
    };
    let lever = proposal
        .levers()
        .iter()
        .find(|l| l.key == "allocation")
        .unwrap();
    // Accepted: then every value the lever keeps must lie within its range.
    let Range::Number { min, max, .. } = lever.range else {
        unreachable!()
    };
    let (kept, _) = lever.clamp(levers::LeverValue::Number(50.into()));
    let levers::LeverValue::Number(kept) = kept else {
        unreachable!()
    };
    assert!(
        min <= kept && kept <= max,
        "allocation range {min}..={max} keeps {kept}"
    );
}

fn lever_keys(proposal: &invest_to_save::proposal::Proposal) -> Vec<String> {
    proposal.levers().iter().map(|l| l.key.clone()).collect()
}

fn duplicates(keys: &[String]) -> Vec<&String> {
    keys.iter()
        .enumerate()
        .filter(|(index, key)| keys[..*index].contains(key))
        .map(|(_, key)| key)
        .collect()
}

#[test]
fn every_presets_lever_keys_are_unique() {
    for proposal in presets() {
        let keys = lever_keys(proposal);
        assert_eq!(duplicates(&keys), Vec::<&String>::new(), "{}", proposal.id);
    }
}

#[test]
fn a_proposal_whose_lines_and_budget_rows_share_an_id_is_refused_or_keeps_lever_keys_unique() {
    // An adjustment row named like a yearly investment line: both levers are "level_2.scale".
    let shared_with_a_line = TRAFFORD.replacen(
        "[[budget.rows]]\nid = \"contingency\"",
        "[[budget.rows]]\nid = \"level_2\"",
        1,
    );
    // Two adjustment rows with one id.
    let shared_by_two_rows = TRAFFORD.replacen(
        "[[budget.rows]]\nid = \"contingency\"",
        "[[budget.rows]]\nid = \"mtfp\"",
        1,
    );
    for text in [shared_with_a_line, shared_by_two_rows] {
        assert_ne!(text, TRAFFORD);
        if let Ok(proposal) = parse_proposal(&text) {
            let keys = lever_keys(&proposal);
            assert_eq!(duplicates(&keys), Vec::<&String>::new());
        }
    }
}

#[test]
fn a_unit_cost_saving_needs_its_cost_and_its_start() {
    let unit_line = "\n[[saving]]\nid = \"placements\"\nlabel = \"Placements avoided\"\nunits = 3\nunit_name = \"children\"\n";
    let no_cost = format!("{MINIMAL}{unit_line}from = \"2024-04\"\n");
    assert_mentions(
        &refused(&no_cost),
        &["placements", "cost_per_unit_per_week"],
    );
    let no_start = format!("{MINIMAL}{unit_line}cost_per_unit_per_week = 4000\n");
    assert_mentions(&refused(&no_start), &["placements", "from"]);
    let both = format!("{MINIMAL}{unit_line}from = \"2024-04\"\ncost_per_unit_per_week = 4000\ncost_per_unit_per_year = 1\n");
    assert_mentions(&refused(&both), &["placements", "one of"]);
    let good = format!("{MINIMAL}{unit_line}from = \"2024-04\"\ncost_per_unit_per_week = 4000\n");
    let proposal = parse_proposal(&good).unwrap();
    let keys: Vec<String> = proposal.levers().iter().map(|l| l.key.clone()).collect();
    assert!(keys.contains(&"placements.units".to_string()));
    assert!(keys.contains(&"placements.unit_cost".to_string()));
}

#[test]
fn starting_values_are_published_or_an_example() {
    let example = MINIMAL.replace("[timeline]", "starting_values = \"example\"\n\n[timeline]");
    assert_eq!(
        parse_proposal(&example).unwrap().starting_values,
        invest_to_save::proposal::StartingValues::Example
    );
    let wrong = MINIMAL.replace("[timeline]", "starting_values = \"guessed\"\n\n[timeline]");
    assert_mentions(&refused(&wrong), &["starting_values", "guessed"]);
}
