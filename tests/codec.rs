#![cfg(not(target_arch = "wasm32"))]
//! Scenarios in links, example by example: what a link means, what writing one gives, and what
//! the reader is told when a link holds something odd.

use invest_to_save::codec::{self, NoticeKind, Parsed};
use invest_to_save::levers::{Lever, LeverValue, Range};
use invest_to_save::model::scenario::{InvestmentAmounts, SavingDriver};
use invest_to_save::model::{Scenario, YearMonth};
use invest_to_save::proposal::presets::{preset, presets};
use invest_to_save::proposal::{parse_proposal, Proposal, MAX_AMOUNT};
use rust_decimal::Decimal;

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn parse(query: &str) -> Parsed {
    codec::parse(query, presets())
}

fn lever(proposal: &Proposal, key: &str) -> Lever {
    proposal
        .lever(key)
        .cloned()
        .unwrap_or_else(|| panic!("{} has no lever {key}", proposal.id))
}

fn index_of(id: &str) -> usize {
    presets().iter().position(|p| p.id == id).unwrap()
}

fn allocation(scenario: &Scenario) -> Decimal {
    scenario.referral_driver().unwrap().allocation_percent
}

fn kinds(parsed: &Parsed) -> Vec<NoticeKind> {
    parsed.notices.iter().map(|n| n.kind).collect()
}

fn recurring_per_year(scenario: &Scenario, line: usize) -> Decimal {
    match &scenario.savings[line].driver {
        SavingDriver::Recurring { per_year, .. } => *per_year,
        other => panic!("not a recurring saving: {other:?}"),
    }
}

#[test]
fn allocation_44_means_44_percent() {
    let sandwell = preset("sandwell").unwrap();
    for query in [
        "allocation=44",
        "allocation=44%",
        "allocation=44.00",
        "proposal=sandwell&allocation=44",
    ] {
        let parsed = parse(query);
        assert_eq!(parsed.notices, [], "{query}");
        assert_eq!(allocation(&parsed.scenario), d("44"), "{query}");
        assert_eq!(parsed.scenario, sandwell.baseline, "{query}");
    }
    let parsed = parse("allocation=50");
    assert_eq!(allocation(&parsed.scenario), d("50"));
    assert_eq!(parsed.notices, []);
}

#[test]
fn writing_the_baseline_gives_only_the_version_and_the_proposal() {
    let sandwell = preset("sandwell").unwrap();
    assert_eq!(codec::write(sandwell, &sandwell.baseline), "v=1&p=sandwell");
    for proposal in presets() {
        assert_eq!(
            codec::write(proposal, &proposal.baseline),
            format!("v=1&p={}", proposal.id)
        );
    }
}

#[test]
fn only_changed_values_are_written() {
    let sandwell = preset("sandwell").unwrap();
    let mut scenario = sandwell.baseline.clone();
    lever(sandwell, "allocation").set(&mut scenario, LeverValue::Number(d("50")));
    assert_eq!(
        codec::write(sandwell, &scenario),
        "v=1&p=sandwell&allocation=50"
    );
    lever(sandwell, "cost_per_case").set(&mut scenario, LeverValue::Number(d("3000.50")));
    lever(sandwell, "delivery_start").set(
        &mut scenario,
        LeverValue::Month(YearMonth::new(2022, 9).unwrap()),
    );
    assert_eq!(
        codec::write(sandwell, &scenario),
        "v=1&p=sandwell&allocation=50&cost_per_case=3000.5&delivery_start=2022-09"
    );
    // Setting a value back to the published one takes it out of the link.
    lever(sandwell, "allocation").set(&mut scenario, LeverValue::Number(d("44.00")));
    assert_eq!(
        codec::write(sandwell, &scenario),
        "v=1&p=sandwell&cost_per_case=3000.5&delivery_start=2022-09"
    );
}

#[test]
fn a_written_link_reads_back_to_the_same_scenario() {
    let own = preset("own").unwrap();
    let mut scenario = own.baseline.clone();
    lever(own, "saving.per_year").set(&mut scenario, LeverValue::Number(d("2580864")));
    lever(own, "saving.ramp").set(&mut scenario, LeverValue::Number(d("4")));
    lever(own, "running.from").set(
        &mut scenario,
        LeverValue::Month(YearMonth::new(2027, 1).unwrap()),
    );
    let link = codec::write(own, &scenario);
    assert_eq!(
        link,
        "v=1&p=own&running.from=2027-01&saving.per_year=2580864&saving.ramp=4"
    );
    let parsed = parse(&link);
    assert_eq!(parsed.notices, []);
    assert_eq!(parsed.proposal, index_of("own"));
    assert_eq!(parsed.scenario, scenario);
}

#[test]
fn a_value_above_its_range_is_clamped_and_the_notice_names_the_lever() {
    let sandwell = preset("sandwell").unwrap();
    let label = lever(sandwell, "allocation").label;
    let parsed = parse("allocation=500");
    assert_eq!(allocation(&parsed.scenario), d("100"));
    assert_eq!(kinds(&parsed), [NoticeKind::Corrected]);
    let notice = &parsed.notices[0];
    assert_eq!(notice.key, "allocation");
    assert!(
        notice.message.contains(&label),
        "{:?} does not name {label:?}",
        notice.message
    );
    assert!(notice.message.contains("100%"), "{}", notice.message);
}

#[test]
fn a_value_below_its_range_is_clamped_and_reported() {
    let sandwell = preset("sandwell").unwrap();
    let parsed = parse("allocation=-5");
    assert_eq!(allocation(&parsed.scenario), d("0"));
    assert_eq!(kinds(&parsed), [NoticeKind::Corrected]);
    assert!(parsed.notices[0]
        .message
        .contains(&lever(sandwell, "allocation").label));

    // A cashable step of less than one case is one case.
    let parsed = parse("step=0.4");
    assert_eq!(
        parsed
            .scenario
            .referral_driver()
            .unwrap()
            .cases_per_cashable_step,
        1
    );
    assert_eq!(kinds(&parsed), [NoticeKind::Corrected]);
    assert!(parsed.notices[0]
        .message
        .contains(&lever(sandwell, "step").label));
}

#[test]
fn a_number_too_long_to_hold_is_taken_as_the_largest_allowed() {
    let parsed = parse(&format!("allocation={}", "9".repeat(60)));
    assert_eq!(allocation(&parsed.scenario), d("100"));
    assert_eq!(kinds(&parsed), [NoticeKind::Corrected]);
    let parsed = parse(&format!("allocation=-{}", "9".repeat(60)));
    assert_eq!(allocation(&parsed.scenario), d("0"));
    assert_eq!(kinds(&parsed), [NoticeKind::Corrected]);
}

#[test]
fn a_value_too_precise_is_rounded_and_reported() {
    let parsed = parse("allocation=44.444");
    assert_eq!(allocation(&parsed.scenario), d("44.44"));
    assert_eq!(kinds(&parsed), [NoticeKind::Corrected]);
    assert!(parsed.notices[0].message.contains("decimal places"));
    let parsed = parse("horizon=24.5");
    assert_eq!(parsed.scenario.horizon_months, 25);
    assert_eq!(kinds(&parsed), [NoticeKind::Corrected]);
    assert!(parsed.notices[0].message.contains("whole number"));
}

#[test]
fn a_month_outside_its_range_is_clamped_and_reported() {
    let sandwell = preset("sandwell").unwrap();
    let parsed = parse("delivery_start=2001-01");
    assert_eq!(
        parsed.scenario.referral_driver().unwrap().delivery_start,
        sandwell.baseline.start
    );
    assert_eq!(kinds(&parsed), [NoticeKind::Corrected]);
    assert!(parsed.notices[0]
        .message
        .contains(&lever(sandwell, "delivery_start").label));
    assert!(parsed.notices[0].message.contains("January 2022"));
}

#[test]
fn a_malformed_value_keeps_the_published_value_and_is_reported_unreadable() {
    let sandwell = preset("sandwell").unwrap();
    let parsed = parse("allocation=abc");
    assert_eq!(parsed.scenario, sandwell.baseline);
    assert_eq!(kinds(&parsed), [NoticeKind::Unreadable]);
    let message = &parsed.notices[0].message;
    assert!(message.contains(&lever(sandwell, "allocation").label));
    assert!(message.contains("abc"));
    assert!(message.contains("44%"), "{message}");

    for query in [
        "allocation=",
        "allocation",
        "allocation=4 4x",
        "allocation=1.2.3",
        "delivery_start=July 2022",
        "delivery_start=2022-13",
        "delivery_start=44",
    ] {
        let parsed = parse(query);
        assert_eq!(parsed.scenario, sandwell.baseline, "{query}");
        assert_eq!(kinds(&parsed), [NoticeKind::Unreadable], "{query}");
    }
}

#[test]
fn commas_that_group_thousands_are_read_as_thousands() {
    let sandwell = preset("sandwell").unwrap();
    let cap = lever(sandwell, "cap");
    for (written, value) in [
        ("7,500", "7500"),
        ("£7,500", "7500"),
        ("£1,234,567.5", "1234567.5"),
        ("-7,500", "-7500"),
        ("100,000", "100000"),
        ("1,000e2", "100000"),
        ("999", "999"),
    ] {
        assert_eq!(
            cap.read(written),
            Ok(LeverValue::Number(d(value))),
            "{written}"
        );
    }
    let parsed = parse("cap=250,000");
    assert!(parsed.notices.is_empty(), "{:?}", parsed.notices);
}

#[test]
fn a_comma_that_does_not_group_thousands_is_unreadable_and_the_notice_says_how_to_write_it() {
    let sandwell = preset("sandwell").unwrap();
    for query in [
        "allocation=1,5",
        "allocation=12,34",
        "allocation=1,,000",
        "allocation=1,000,00",
        "allocation=,500",
        "allocation=500,",
        "allocation=1.5,0",
        "allocation=1234,567",
        "allocation=%C2%A31,5",
    ] {
        let parsed = parse(query);
        assert_eq!(parsed.scenario, sandwell.baseline, "{query}");
        assert_eq!(kinds(&parsed), [NoticeKind::Unreadable], "{query}");
        let message = &parsed.notices[0].message;
        assert!(
            message.contains("is not a number, so it stays at 44%"),
            "{message}"
        );
        assert!(
            message.ends_with(
                ": a comma only separates thousands (write 1.5 for one and a half, or 1,500 for fifteen hundred)."
            ),
            "{message}"
        );
    }
    // A value with no comma says nothing of commas.
    let parsed = parse("allocation=abc");
    assert!(!parsed.notices[0].message.contains("comma"));
}

#[test]
fn a_typed_value_with_a_misplaced_comma_is_refused_saying_how_to_write_it() {
    let sandwell = preset("sandwell").unwrap();
    let allocation = lever(sandwell, "allocation");
    assert_eq!(
        allocation.accept("1,5"),
        Err(format!(
            "{} must be a number, like 44: a comma only separates thousands (write 1.5 for one and a half, or 1,500 for fifteen hundred)",
            allocation.label
        ))
    );
    assert_eq!(
        lever(sandwell, "cap").accept("£250,000"),
        Ok(LeverValue::Number(d("250000")))
    );
    assert_eq!(
        allocation.accept("lots"),
        Err(format!("{} must be a number, like 44", allocation.label))
    );
    // A month says nothing of thousands.
    let start = lever(sandwell, "delivery_start");
    assert!(start
        .accept("2022,07")
        .is_err_and(|message| !message.contains("comma")));
}

#[test]
fn switching_off_a_lever_that_cannot_be_off_keeps_the_published_value() {
    let sandwell = preset("sandwell").unwrap();
    let parsed = parse("allocation=none");
    assert_eq!(parsed.scenario, sandwell.baseline);
    assert_eq!(kinds(&parsed), [NoticeKind::Corrected]);
    assert!(parsed.notices[0].message.contains("switched off"));
}

#[test]
fn an_unknown_key_is_reported_and_ignored() {
    let sandwell = preset("sandwell").unwrap();
    let parsed = parse("v=1&p=sandwell&nonsense=1");
    assert_eq!(parsed.scenario, sandwell.baseline);
    assert_eq!(kinds(&parsed), [NoticeKind::UnknownKey]);
    assert_eq!(parsed.notices[0].key, "nonsense");
    assert!(parsed.notices[0].message.contains("nonsense"));
    // A key of another proposal is unknown to this one.
    let parsed = parse("proposal=sandwell&saving.ramp=4");
    assert_eq!(kinds(&parsed), [NoticeKind::UnknownKey]);
}

#[test]
fn keys_are_read_whatever_their_case() {
    let parsed = parse("PROPOSAL=sandwell&Allocation=50");
    assert_eq!(parsed.notices, []);
    assert_eq!(allocation(&parsed.scenario), d("50"));
}

#[test]
fn an_unknown_proposal_opens_the_first_one_and_says_so() {
    let parsed = parse("proposal=nowhere&allocation=50");
    assert_eq!(parsed.proposal, 0);
    assert_eq!(kinds(&parsed), [NoticeKind::UnknownProposal]);
    assert!(parsed.notices[0].message.contains("nowhere"));
    assert!(parsed.notices[0].message.contains(&presets()[0].name));
    // The first proposal's levers still apply.
    assert_eq!(allocation(&parsed.scenario), d("50"));
}

#[test]
fn a_link_naming_no_proposal_opens_the_first_one() {
    let parsed = parse("");
    assert_eq!(parsed.proposal, 0);
    assert_eq!(parsed.notices, []);
    assert_eq!(parsed.scenario, presets()[0].baseline);
}

#[test]
fn a_proposal_is_chosen_by_its_id() {
    for (index, proposal) in presets().iter().enumerate() {
        let parsed = parse(&format!("proposal={}", proposal.id));
        assert_eq!(parsed.proposal, index);
        assert_eq!(parsed.scenario, proposal.baseline);
        assert_eq!(parsed.notices, []);
    }
}

#[test]
fn version_2_is_reported_as_an_unknown_version() {
    let parsed = parse("v=2&proposal=sandwell&allocation=50");
    assert_eq!(kinds(&parsed), [NoticeKind::UnknownVersion]);
    assert!(parsed.notices[0].message.contains('2'));
    // The values are still read.
    assert_eq!(allocation(&parsed.scenario), d("50"));
    assert_eq!(parse("v=1&p=sandwell").notices, []);
}

#[test]
fn a_repeated_key_is_reported_and_the_last_value_counts() {
    let parsed = parse("allocation=30&allocation=50");
    assert_eq!(allocation(&parsed.scenario), d("50"));
    assert_eq!(kinds(&parsed), [NoticeKind::Repeated]);
    assert_eq!(parsed.notices[0].key, "allocation");
    assert!(parsed.notices[0].message.contains("allocation"));
}

#[test]
fn cap_none_turns_the_cap_off() {
    let sandwell = preset("sandwell").unwrap();
    assert_eq!(
        sandwell
            .baseline
            .referral_driver()
            .unwrap()
            .saving_cap_per_year,
        Some(d("400000"))
    );
    for query in ["cap=none", "cap=NONE", "cap=off", "cap=%20none%20"] {
        let parsed = parse(query);
        assert_eq!(parsed.notices, [], "{query}");
        assert_eq!(
            parsed
                .scenario
                .referral_driver()
                .unwrap()
                .saving_cap_per_year,
            None,
            "{query}"
        );
        assert_eq!(
            codec::write(sandwell, &parsed.scenario),
            "v=1&p=sandwell&cap=none"
        );
    }
    // And a duration turns on and off the same way.
    let parsed = parse("duration=18");
    assert_eq!(
        parsed
            .scenario
            .referral_driver()
            .unwrap()
            .case_duration_months,
        Some(18)
    );
    let parsed = parse("duration=18&duration=none");
    assert_eq!(
        parsed
            .scenario
            .referral_driver()
            .unwrap()
            .case_duration_months,
        None
    );
}

#[test]
fn a_whole_url_with_a_fragment_is_read() {
    let own = preset("own").unwrap();
    let parsed = parse(
        "https://example.org/calculator/index.html?v=1&p=own&saving.ramp=4#results&saving.ramp=9",
    );
    assert_eq!(parsed.notices, []);
    assert_eq!(parsed.proposal, index_of("own"));
    let SavingDriver::Recurring { ramp_months, .. } = parsed.scenario.savings[0].driver else {
        panic!("own's saving is recurring");
    };
    assert_eq!(ramp_months, 4);
    let mut expected = own.baseline.clone();
    lever(own, "saving.ramp").set(&mut expected, LeverValue::Number(d("4")));
    assert_eq!(parsed.scenario, expected);
    // A leading ? alone works too.
    assert_eq!(parse("?v=1&p=own&saving.ramp=4").scenario, expected);
}

#[test]
fn percent_encoded_values_and_keys_are_decoded() {
    let sandwell = preset("sandwell").unwrap();
    let parsed = parse("allocation=50%25");
    assert_eq!(parsed.notices, []);
    assert_eq!(allocation(&parsed.scenario), d("50"));

    // £7,500 as a browser encodes it.
    let parsed = parse("cost_per_case=%C2%A37%2C500");
    assert_eq!(parsed.notices, []);
    assert_eq!(
        parsed
            .scenario
            .referral_driver()
            .unwrap()
            .cost_per_case_per_year,
        d("7500")
    );

    // + is a space, and spaces around a key or value do not matter.
    let parsed = parse("allocation+=+50+");
    assert_eq!(parsed.notices, []);
    assert_eq!(allocation(&parsed.scenario), d("50"));

    let parsed = parse("%61llocation=50");
    assert_eq!(parsed.notices, []);
    assert_eq!(allocation(&parsed.scenario), d("50"));

    let parsed = parse("delivery_start=2022%2D09");
    assert_eq!(parsed.notices, []);
    assert_eq!(
        parsed.scenario.referral_driver().unwrap().delivery_start,
        YearMonth::new(2022, 9).unwrap()
    );

    // Bad escapes are kept as written, so the value is unreadable rather than something else.
    let parsed = parse("allocation=%ZZ50");
    assert_eq!(parsed.scenario, sandwell.baseline);
    assert_eq!(kinds(&parsed), [NoticeKind::Unreadable]);
}

#[test]
fn percent_encoding_round_trips_any_text() {
    for text in [
        "",
        "plain",
        "a b&c=d%e+f",
        "£7,500",
        "<script>alert(1)</script>",
        "ünïcödé ✓ 🚀",
        "100%",
    ] {
        let encoded = codec::percent_encode(text);
        assert!(
            encoded
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-._~%".contains(&b)),
            "{encoded}"
        );
        assert_eq!(codec::percent_decode(&encoded), text);
    }
}

#[test]
fn saving_per_month_on_the_own_proposal_sets_twelve_times_the_per_year_value() {
    let parsed = parse("proposal=own&saving.per_month=215072");
    assert_eq!(parsed.notices, []);
    assert_eq!(recurring_per_year(&parsed.scenario, 0), d("2580864"));
    let own = preset("own").unwrap();
    assert_eq!(
        codec::write(own, &parsed.scenario),
        "v=1&p=own&saving.per_year=2580864"
    );
    // Too much a month is too much a year: clamped to the per-year maximum.
    let parsed = parse("proposal=own&saving.per_month=5000000");
    assert_eq!(recurring_per_year(&parsed.scenario, 0), d("20000000"));
    assert_eq!(kinds(&parsed), [NoticeKind::Corrected]);
    // Unreadable a month is unreadable.
    let parsed = parse("proposal=own&saving.per_month=lots");
    assert_eq!(parsed.scenario, own.baseline);
    assert_eq!(kinds(&parsed), [NoticeKind::Unreadable]);
}

#[test]
fn a_script_in_a_value_is_reported_without_repeating_more_than_40_characters_of_it() {
    let sandwell = preset("sandwell").unwrap();
    let script = format!("<script>alert(1)</script>{}", "x".repeat(200));
    let parsed = parse(&format!("allocation={}", codec::percent_encode(&script)));
    assert_eq!(parsed.scenario, sandwell.baseline);
    assert_eq!(kinds(&parsed), [NoticeKind::Unreadable]);
    let message = &parsed.notices[0].message;
    assert!(
        !message.contains(&script[..41]),
        "the message repeats more than 40 characters of the value: {message}"
    );
    assert!(message.chars().count() < 200, "{message}");
    // Short scripts are named, but reading them changes nothing.
    let parsed = parse("allocation=<script>alert(1)</script>");
    assert_eq!(parsed.scenario, sandwell.baseline);
    assert_eq!(kinds(&parsed), [NoticeKind::Unreadable]);
}

#[test]
fn a_script_in_an_unknown_key_is_reported_without_repeating_more_than_40_characters_of_it() {
    let key = format!("<script>alert(1)</script>{}", "y".repeat(200));
    let parsed = parse(&format!("{}=1", codec::percent_encode(&key)));
    assert_eq!(kinds(&parsed), [NoticeKind::UnknownKey]);
    let notice = &parsed.notices[0];
    assert!(notice.key.chars().count() <= 41, "{}", notice.key);
    assert!(!notice.message.contains(&key[..41]), "{}", notice.message);
}

#[test]
fn a_script_in_a_month_value_is_reported_without_repeating_more_than_40_characters_of_it() {
    let script = format!("<script>alert(1)</script>{}", "x".repeat(200));
    let parsed = parse(&format!(
        "delivery_start={}",
        codec::percent_encode(&script)
    ));
    assert_eq!(kinds(&parsed), [NoticeKind::Unreadable]);
    let message = &parsed.notices[0].message;
    assert!(
        !message.contains(&script[..41]),
        "the message repeats more than 40 characters of the value: {message}"
    );
}

#[test]
fn a_repeated_long_key_is_reported_without_repeating_more_than_40_characters_of_it() {
    let key = format!("<script>alert(1)</script>{}", "y".repeat(200));
    let encoded = codec::percent_encode(&key);
    let parsed = parse(&format!("{encoded}=1&{encoded}=2"));
    assert!(!parsed.notices.is_empty());
    for notice in &parsed.notices {
        assert!(
            !notice.message.contains(&key[..41]),
            "{:?} notice repeats the key: {}",
            notice.kind,
            notice.message
        );
    }
}

#[test]
fn a_link_with_thousands_of_keys_gives_a_bounded_number_of_notices() {
    let query: Vec<String> = (0..5000).map(|i| format!("key{i}={i}")).collect();
    let parsed = parse(&query.join("&"));
    assert!(!parsed.notices.is_empty());
    assert!(parsed.notices.len() <= 50, "{}", parsed.notices.len());
    assert_eq!(parsed.scenario, presets()[0].baseline);
}

#[test]
fn reading_a_link_with_no_proposals_at_all_does_not_fail() {
    let parsed = codec::parse("v=1&p=sandwell&allocation=50", &[]);
    assert_eq!(parsed.proposal, 0);
    assert!(parsed
        .notices
        .iter()
        .any(|n| n.kind == NoticeKind::UnknownProposal));
    invest_to_save::model::run(&parsed.scenario);
}

#[test]
fn every_published_value_is_within_its_levers_range() {
    for proposal in presets() {
        for lever in proposal.levers() {
            assert_eq!(
                lever.clamp(lever.published),
                (lever.published, None),
                "{} {}",
                proposal.id,
                lever.key
            );
        }
    }
}

#[test]
fn every_lever_key_is_written_as_it_is_read() {
    for proposal in presets() {
        for lever in proposal.levers() {
            assert_eq!(
                codec::percent_encode(&lever.key),
                lever.key,
                "{} {}",
                proposal.id,
                lever.key
            );
            assert_eq!(lever.key, lever.key.to_lowercase());
        }
    }
}

#[test]
fn a_bad_escape_with_a_sign_is_kept_as_written() {
    // The bad escape stays as written; the `+` is a space, as a browser's URLSearchParams reads it.
    assert_eq!(codec::percent_decode("%+41"), "% 41");
    assert_eq!(codec::percent_decode("%+F"), "% F");
    assert_eq!(codec::percent_decode("%4"), "%4");
}

#[test]
fn a_number_in_scientific_notation_too_large_to_hold_is_taken_as_the_largest_allowed() {
    // "1e6" reads as a million; "1e30" is a number too, just too large to hold.
    let parsed = parse("proposal=own&saving.per_year=1e6");
    assert_eq!(parsed.notices, []);
    assert_eq!(recurring_per_year(&parsed.scenario, 0), d("1000000"));

    let parsed = parse("allocation=1e30");
    assert_eq!(kinds(&parsed), [NoticeKind::Corrected]);
    assert_eq!(allocation(&parsed.scenario), d("100"));
    let parsed = parse("allocation=-1e30");
    assert_eq!(kinds(&parsed), [NoticeKind::Corrected]);
    assert_eq!(allocation(&parsed.scenario), d("0"));
}

/// The own proposal, with its timeline moved so late that its month levers reach past 2100.
fn late_own() -> Proposal {
    let text = include_str!("../proposals/own.toml")
        .replace("id = \"own\"", "id = \"late\"")
        .replace("\"2026-04\"", "\"2095-01\"");
    parse_proposal(&text).unwrap()
}

#[test]
fn every_month_within_a_month_levers_range_reads_back_from_a_link() {
    let late = late_own();
    let proposals = [late.clone()];
    let saving_from = lever(&late, "saving.from");
    let Range::Month { latest, .. } = saving_from.range else {
        unreachable!()
    };
    let mut scenario = late.baseline.clone();
    saving_from.set(&mut scenario, LeverValue::Month(latest));
    let link = codec::write(&late, &scenario);
    let parsed = codec::parse(&link, &proposals);
    assert_eq!(parsed.notices, [], "{link}");
    assert_eq!(parsed.scenario, scenario);
}

/// The own proposal with a lever whose maximum is as large as an exact decimal can hold.
fn unbounded_own() -> Result<Proposal, String> {
    let text = include_str!("../proposals/own.toml")
        .replace("id = \"own\"", "id = \"unbounded\"")
        .replace(
            "max = 1000000\nstep = 1000",
            "max = \"79228162514264337593543950335\"\nstep = 1000",
        );
    assert!(text.contains("79228162514264337593543950335"));
    parse_proposal(&text)
}

#[test]
fn a_proposal_files_lever_range_never_lets_a_link_hold_more_than_the_largest_amount() {
    let Ok(proposal) = unbounded_own() else {
        return; // Refusing such a range is a fix.
    };
    let proposals = [proposal];
    for value in [
        "99999999999999999999999999999999",
        "79228162514264337593543950335",
        "1e28",
    ] {
        let parsed = std::panic::catch_unwind(|| {
            codec::parse(&format!("running.per_month={value}"), &proposals)
        })
        .unwrap_or_else(|_| panic!("reading running.per_month={value} panicked"));
        let InvestmentAmounts::Monthly { per_month, .. } = parsed.scenario.investments[1].amounts
        else {
            unreachable!()
        };
        assert!(per_month <= MAX_AMOUNT, "{value} kept as {per_month}");
        std::panic::catch_unwind(|| invest_to_save::model::run(&parsed.scenario))
            .unwrap_or_else(|_| panic!("running the model with {value} panicked"));
    }
}

#[test]
fn a_question_mark_inside_a_value_does_not_throw_away_the_link_before_it() {
    let own = preset("own").unwrap();
    let mut expected = own.baseline.clone();
    lever(own, "saving.ramp").set(&mut expected, LeverValue::Number(d("4")));
    // A link pasted with a question mark after it, and one with a note holding a question mark.
    let parsed = parse("v=1&p=own&saving.ramp=4&note=why?");
    assert_eq!(parsed.proposal, index_of("own"));
    assert_eq!(parsed.scenario, expected);
    let parsed = parse("v=1&p=sandwell&allocation=50?");
    assert_eq!(parsed.proposal, index_of("sandwell"));
    assert!(
        allocation(&parsed.scenario) == d("50") || !parsed.notices.is_empty(),
        "the allocation was silently dropped"
    );
}

#[test]
fn the_number_box_groups_thousands_of_pounds_and_reads_them_back() {
    for proposal in presets() {
        for lever in proposal.levers() {
            if lever.published == LeverValue::Off {
                continue;
            }
            let shown = lever.box_text(lever.published);
            assert_eq!(
                lever.read(&shown),
                Ok(lever.published),
                "{} {}",
                proposal.id,
                lever.key
            );
        }
    }
    let sandwell = presets().iter().find(|p| p.id == "sandwell").unwrap();
    let levers = sandwell.levers();
    let cap = levers.iter().find(|l| l.key == "cap").unwrap();
    assert_eq!(cap.box_text(cap.published), "400,000");
    assert_eq!(
        cap.box_text(LeverValue::Number("1234.5".parse().unwrap())),
        "1,234.5"
    );
    let allocation = levers.iter().find(|l| l.key == "allocation").unwrap();
    assert_eq!(allocation.box_text(allocation.published), "44");
}

#[test]
fn links_written_before_p_was_short_still_open_their_proposal() {
    // Links say `p=`; ones shared before that said `proposal=`, and still work.
    let old = parse("v=1&proposal=trafford&horizon=48");
    let new = parse("v=1&p=trafford&horizon=48");
    assert_eq!(old.notices, []);
    assert_eq!(old.proposal, new.proposal);
    assert_eq!(old.scenario, new.scenario);
    assert_eq!(
        codec::write(&presets()[old.proposal], &old.scenario),
        "v=1&p=trafford&horizon=48"
    );
}
