#![cfg(not(target_arch = "wasm32"))]
//! Checking a proposal file: every problem with its line, column and a message in plain
//! English; `calc check` exits 0 for a clean file and 2 listing every problem; nothing panics.

use std::path::PathBuf;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

use invest_to_save::proposal::presets::PRESET_FILES;
use invest_to_save::proposal::{parse_proposal, read_proposal, read_proposal_bytes, Problem};
use proptest::prelude::*;

const HOME: &str = include_str!("../proposals/childrens_home.toml");

/// A small, valid proposal (shared with tests/proposal_files.rs); each broken file below
/// changes one line of it.
const MINIMAL: &str = include_str!("fixtures/minimal.toml");

fn problems(text: &str) -> Vec<Problem> {
    match read_proposal(text) {
        Ok(proposal) => panic!("expected problems, got proposal {:?}", proposal.id),
        Err(problems) => problems,
    }
}

#[test]
fn the_minimal_file_checks_clean() {
    assert!(read_proposal(MINIMAL).is_ok());
}

#[test]
fn the_complete_example_in_the_documentation_checks_clean() {
    let doc = include_str!("../docs/proposal-file.md");
    let start = doc
        .find("```toml\n")
        .expect("the document has a TOML example")
        + 8;
    let end = start + doc[start..].find("```").unwrap();
    let proposal = read_proposal(&doc[start..end]).expect("the example checks clean");
    assert_eq!(proposal.id, "childrens_home");
}

#[test]
fn every_shipped_file_checks_clean() {
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/proposals");
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) == Some("toml") {
            let bytes = std::fs::read(&path).unwrap();
            if let Err(problems) = read_proposal_bytes(&bytes) {
                panic!("{} does not check: {problems:?}", path.display());
            }
        }
    }
}

/// (what is wrong, the line as broken (replacing `from`), the expected line, what the message
/// must say).
const BROKEN: &[(&str, &str, &str, usize, &str)] = &[
    (
        "TOML syntax",
        "months = 24",
        "months = = 24",
        9,
        "not valid TOML",
    ),
    (
        "unknown key at the top",
        "council = \"Test council\"",
        "counsil = \"Test council\"",
        4,
        "unknown key `counsil` at the top of the file; did you mean `council`?",
    ),
    (
        "unknown key in a line",
        "per_month = 5000",
        "per_mnth = 5000",
        15,
        "did you mean `per_month`?",
    ),
    (
        "text for a whole number",
        "months = 24",
        "months = \"sixty\"",
        9,
        "`months` should be a whole number, such as 60",
    ),
    (
        "a fraction for a whole number",
        "months = 12",
        "months = 12.5",
        17,
        "`months` should be a whole number",
    ),
    (
        "text for an amount",
        "per_month = 5000",
        "per_month = \"lots\"",
        15,
        "`per_month` should be a number, such as 7500",
    ),
    (
        "a percentage over 100",
        "from = \"2024-10\"",
        "from = \"2024-10\"\nrealisation_percent = 150",
        24,
        "`realisation_percent` is a percentage, so it must be between 0 and 100; it is 150",
    ),
    (
        "a percentage below 0",
        "from = \"2024-10\"",
        "from = \"2024-10\"\nrealisation_percent = -5",
        24,
        "between 0 and 100",
    ),
    (
        "a saving month after the horizon",
        "from = \"2024-10\"",
        "from = \"2027-01\"",
        23,
        "from = \"2027-01\" is outside the timeline, which runs from April 2024 to March 2026",
    ),
    (
        "an investment month before the horizon",
        "from = \"2024-04\"",
        "from = \"2023-04\"",
        16,
        "outside the timeline",
    ),
    (
        "more months than the timeline",
        "months = 12",
        "months = 30",
        17,
        // £5,000 a month from April 2024 for 30 months: the 6 after March 2026 are £30,000.
        "months = 30 from April 2024 runs to September 2026, after the timeline's last month (March 2026): April 2026 to September 2026, £30,000, would be left out",
    ),
    (
        "a slider starting above its maximum",
        "max = 1000000",
        "max = 100000",
        26,
        "the slider \"saving.per_year\" starts at its published value £120,000 a year, above its max = £100,000 a year",
    ),
    (
        "a slider starting below its minimum",
        "max = 1000000",
        "min = 150000",
        26,
        "below its min = £150,000 a year",
    ),
    (
        "a slider with a step of nothing",
        "max = 1000000",
        "step = 0",
        26,
        "step = 0 must be above 0",
    ),
    (
        "an amount too large to hold",
        "per_month = 5000",
        "per_month = 1e300",
        15,
        "`per_month` is 1e300, too large a number for this calculator",
    ),
    (
        "a negative number of months",
        "months = 12",
        "months = -3",
        17,
        "`months` should be a whole number of 0 or more",
    ),
    (
        "a slider for no assumption",
        "[levers.\"saving.per_year\"]",
        "[levers.\"saving.per_yer\"]",
        25,
        "Did you mean \"saving.per_year\"?",
    ),
    (
        "a month that does not exist",
        "start = \"2024-04\"",
        "start = \"2024-13\"",
        8,
        "2024-13",
    ),
    (
        "a printed budget row without a budget table",
        "max = 1000000",
        "max = 1000000\n\n[published.budget]\nrow = { per_year = [1, 2, 3], total = 9 }",
        29,
        "published.budget.row: a printed budget row needs a [budget] table to compare it with",
    ),
    (
        "a printed series the model does not have",
        "max = 1000000",
        "max = 1000000\n\n[published.monthly]\nsavings = [0, 0, 0]",
        29,
        "the model has no series \"savings\"; did you mean \"saving\"?",
    ),
    (
        "a missing key",
        "label = \"A post\"\n",
        "",
        11,
        "`label` is missing in [[investment]] number 1",
    ),
    (
        "two lines with one id",
        "id = \"saving\"",
        "id = \"post\"",
        20,
        "the id \"post\" is used by more than one line",
    ),
    (
        "a timeline of no months",
        "months = 24",
        "months = 0",
        9,
        "timeline.months must be between 1 and 600",
    ),
    (
        "an assumption no slider has",
        "max = 1000000",
        "max = 1000000\n\n[assumptions]\n\"saving.per_yer\" = 5",
        29,
        "names no assumption of this proposal. Did you mean \"saving.per_year\"?",
    ),
    (
        "an assumption outside its slider's range",
        "max = 1000000",
        "max = 1000000\n\n[assumptions]\n\"saving.per_year\" = 5000000",
        29,
        "must be between £0 a year and £1,000,000 a year",
    ),
    (
        "an assumption that is not a month",
        "max = 1000000",
        "max = 1000000\n\n[assumptions]\n\"saving.from\" = \"2024-13\"",
        29,
        "must be a month, like 2023-02",
    ),
    (
        "an assumption of the wrong type",
        "max = 1000000",
        "max = 1000000\n\n[assumptions]\nhorizon = true",
        29,
        "`horizon` should be a number, or text such as \"2022-07\" or \"none\"",
    ),
    (
        "a table where a number belongs",
        "per_month = 5000",
        "per_month = { amount = 5000 }",
        15,
        "`per_month` should be a number",
    ),
];

#[test]
fn every_broken_file_is_refused_with_its_message_and_line() {
    for (what, from, to, line, message) in BROKEN {
        let text = MINIMAL.replacen(from, to, 1);
        assert_ne!(text, MINIMAL, "{what}: the replacement did not apply");
        let found = read_proposal(&text)
            .map(|_| ())
            .expect_err(&format!("{what}: the file was accepted"));
        assert!(
            found
                .iter()
                .any(|p| p.line == *line && p.message.contains(message)),
            "{what}: expected line {line} saying {message:?}, got {found:#?}"
        );
        for problem in &found {
            assert!(problem.column >= 1, "{what}: {problem}");
        }
    }
}

#[test]
fn every_problem_of_a_file_is_listed_in_the_order_of_the_file() {
    let text = MINIMAL
        .replace("council =", "counsil =")
        .replace("months = 24", "months = \"sixty\"")
        .replace(
            "from = \"2024-10\"",
            "from = \"2024-10\"\nrealisation_percent = 150",
        );
    let found = problems(&text);
    let lines: Vec<usize> = found.iter().map(|p| p.line).collect();
    assert!(
        lines.contains(&4) && lines.contains(&9) && lines.contains(&24),
        "{found:#?}"
    );
    let mut sorted = lines.clone();
    sorted.sort();
    assert_eq!(lines, sorted);
    // The page shows the same problems as text, one a line.
    let message = parse_proposal(&text).unwrap_err();
    assert_eq!(message.lines().count(), found.len());
    assert!(
        message.starts_with("line 4, column 1: unknown key `counsil`"),
        "{message}"
    );
}

#[test]
fn problems_of_meaning_are_all_listed_together() {
    let text = MINIMAL
        .replace("from = \"2024-10\"", "from = \"2027-01\"")
        .replace("months = 12", "months = 30")
        .replace("max = 1000000", "max = 100000");
    let lines: Vec<usize> = problems(&text).iter().map(|p| p.line).collect();
    assert_eq!(lines, [17, 23, 26]);
}

#[test]
fn the_column_counts_characters_not_bytes() {
    let text = MINIMAL.replace("label = \"A post\"", "label = \"£ post\" ; oops");
    let found = problems(&text);
    assert_eq!((found[0].line, found[0].column), (13, 18), "{found:#?}");
}

#[test]
fn bytes_that_are_not_utf8_are_a_problem_with_a_place() {
    let mut bytes = MINIMAL.as_bytes().to_vec();
    bytes.splice(20..20, [0xff, 0xfe]);
    let found = read_proposal_bytes(&bytes).unwrap_err();
    assert_eq!(found.len(), 1);
    assert!(found[0].message.contains("UTF-8"), "{}", found[0]);
    assert_eq!(found[0].line, 2);
}

#[test]
fn a_problem_reads_as_line_column_and_message() {
    let problem = Problem {
        line: 12,
        column: 3,
        message: "something".into(),
    };
    assert_eq!(problem.to_string(), "line 12, column 3: something");
}

// The command line.

fn calc(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_calc"))
        .args(args)
        .output()
        .expect("calc runs")
}

struct TempFile(PathBuf);

impl TempFile {
    fn new(bytes: &[u8]) -> Self {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let path = std::env::temp_dir().join(format!(
            "invest-to-save-check-test-{}-{}.toml",
            std::process::id(),
            COUNT.fetch_add(1, Ordering::SeqCst)
        ));
        std::fs::write(&path, bytes).unwrap();
        TempFile(path)
    }

    fn path(&self) -> &str {
        self.0.to_str().unwrap()
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn calc_check_of_a_valid_file_exits_0_and_says_it_checks_clean() {
    let file = TempFile::new(MINIMAL.as_bytes());
    let output = calc(&["check", file.path()]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert_eq!(
        text(&output.stdout),
        format!("{}: Minimal checks clean\n", file.path())
    );
}

#[test]
fn calc_check_of_an_invalid_file_exits_2_listing_every_problem_with_its_place() {
    let broken = MINIMAL
        .replace("council =", "counsil =")
        .replace("per_month = 5000", "per_month = \"lots\"")
        .replace(
            "from = \"2024-10\"",
            "from = \"2024-10\"\nrealisation_percent = 150",
        );
    let file = TempFile::new(broken.as_bytes());
    let output = calc(&["check", file.path()]);
    assert_eq!(output.status.code(), Some(2));
    let err = text(&output.stderr);
    assert!(!err.contains("panicked"), "{err}");
    let path = file.path();
    for expected in [
        format!("{path}:4:1: unknown key `counsil` at the top of the file; did you mean `council`?"),
        format!("{path}:15:13: `per_month` should be a number, such as 7500; it is the text \"lots\""),
        format!("{path}:24:23: `realisation_percent` is a percentage, so it must be between 0 and 100; it is 150"),
        format!("{path}: 3 problems; the file does not check"),
    ] {
        assert!(err.lines().any(|line| line == expected), "missing {expected:?} in\n{err}");
    }
}

#[test]
fn calc_check_of_a_file_that_is_not_utf8_or_missing_or_not_given_exits_2() {
    let file = TempFile::new(&[b'f', 0xff, b'\n']);
    let output = calc(&["check", file.path()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("UTF-8"));
    let output = calc(&["check", "/no/such/proposal.toml"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("cannot read"));
    assert_eq!(calc(&["check"]).status.code(), Some(2));
}

#[test]
fn calc_check_reconciles_sandwell_and_shows_where_its_print_contradicts_itself() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/proposals/sandwell.toml");
    let output = calc(&["check", path]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let out = text(&output.stdout);
    assert!(out.starts_with(&format!(
        "{path}: Sandwell: an early help lead to reduce referrals checks clean\n"
    )));
    assert!(
        out.contains("Payback: printed December 2023, model December 2023."),
        "{out}"
    );
    // May 2024: the print's 31,250 against the model's 33,333, and the cumulative after it.
    let may = out
        .lines()
        .find(|line| line.starts_with("saving") && line.contains("2024-05"))
        .unwrap_or_else(|| panic!("no May 2024 saving row in\n{out}"));
    assert!(may.contains("31,250") && may.contains("33,333"), "{may}");
    assert!(
        out.contains("cumulative  2025-03  367,917  370,000"),
        "{out}"
    );
    // Nothing of 2022/23 or 2023/24 differs.
    assert!(
        !out.lines()
            .any(|l| l.contains("2023-") || l.contains("2022-")),
        "{out}"
    );
    // The print's own contradictions: the periods' months against their totals, and the note
    // about May 2024.
    assert!(
        out.contains("referral reduction 2022/23: printed 110, but adding up its printed months"),
        "{out}"
    );
    assert!(
        out.contains("Saving in May-2024 is printed as 31,250"),
        "{out}"
    );
}

#[test]
fn calc_check_of_trafford_finds_nothing_to_report() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/proposals/trafford.toml");
    let output = calc(&["check", path]);
    assert_eq!(output.status.code(), Some(0));
    assert!(text(&output.stdout).contains("60 printed figures compared; 0 differ by more than £1."));
}

#[test]
fn a_print_whose_cumulative_is_not_the_running_sum_of_its_net_is_reported_not_refused() {
    let text = format!(
        "{MINIMAL}\n[published.monthly]\nnet = [-5000, -5000, -5000]\ncumulative = [-5000, -10000, -16000]\n"
    );
    let proposal = read_proposal(&text).expect("a contradiction in the print is not an error");
    let found = invest_to_save::reconcile::contradictions(&proposal);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].describe(),
        "cumulative 2024-06: printed -£16,000, but the cumulative before it plus net gives -£15,000"
    );
}

// Never a panic, whatever the bytes.

fn checks_without_panic(bytes: &[u8]) -> Result<(), TestCaseError> {
    let lines = bytes.iter().filter(|b| **b == b'\n').count() + 1;
    if let Err(problems) = read_proposal_bytes(bytes) {
        prop_assert!(!problems.is_empty());
        for problem in problems {
            prop_assert!(problem.line >= 1 && problem.line <= lines, "{}", problem);
            prop_assert!(problem.column >= 1);
            prop_assert!(!problem.message.trim().is_empty());
        }
    }
    Ok(())
}

#[derive(Debug, Clone)]
enum Mutation {
    Flip { at: usize, byte: u8 },
    Truncate(usize),
    DeleteLine(usize),
    DuplicateLine(usize),
}

fn mutations() -> impl Strategy<Value = Vec<Mutation>> {
    prop::collection::vec(
        prop_oneof![
            (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Mutation::Flip { at, byte }),
            any::<usize>().prop_map(Mutation::Truncate),
            any::<usize>().prop_map(Mutation::DeleteLine),
            any::<usize>().prop_map(Mutation::DuplicateLine),
        ],
        1..6,
    )
}

fn mutate(text: &str, mutations: &[Mutation]) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    for mutation in mutations {
        match mutation {
            Mutation::Flip { at, byte } if !bytes.is_empty() => {
                let at = at % bytes.len();
                bytes[at] = *byte;
            }
            Mutation::Truncate(at) => bytes.truncate(at % (bytes.len() + 1)),
            Mutation::DeleteLine(n) | Mutation::DuplicateLine(n) => {
                let mut lines: Vec<Vec<u8>> =
                    bytes.split(|b| *b == b'\n').map(<[u8]>::to_vec).collect();
                let n = n % lines.len();
                if matches!(mutation, Mutation::DeleteLine(_)) {
                    lines.remove(n);
                } else {
                    lines.insert(n, lines[n].clone());
                }
                bytes = lines.join(&b'\n');
            }
            _ => {}
        }
    }
    bytes
}

/// Replaces the `index`-th run of digits in a file with another number, as an officer might
/// mistype it: the file must be checked without a panic, and when it checks clean, the model
/// must run on it.
fn with_number(text: &str, index: usize, number: &str) -> String {
    let bytes = text.as_bytes();
    let mut runs = Vec::new();
    let mut start = None;
    for (at, byte) in bytes.iter().enumerate() {
        match (byte.is_ascii_digit() || *byte == b'.', start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                runs.push(from..at);
                start = None;
            }
            _ => {}
        }
    }
    match runs.get(index % runs.len().max(1)) {
        Some(run) => format!("{}{number}{}", &text[..run.start], &text[run.end..]),
        None => text.to_string(),
    }
}

const EXTREMES: &[&str] = &[
    "0",
    "1",
    "-1",
    "600",
    "601",
    "4294967295",
    "4294967296",
    "9223372036854775807",
    "79228162514264337593543950335",
    "1e28",
    "1e-28",
    "0.000000001",
    "9999999999.99",
    "10000000001",
    "100",
    "101",
    "1000",
    "2100",
    "1989",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        checks_without_panic(&bytes)?;
    }

    #[test]
    fn arbitrary_text_never_panics(text in "[a-z_=\\[\\]\"{}., 0-9\\n#-]{0,300}") {
        checks_without_panic(text.as_bytes())?;
    }

    #[test]
    fn mutated_shipped_files_never_panic(file in 0..=PRESET_FILES.len(), changes in mutations()) {
        let text = PRESET_FILES.get(file).map_or(HOME, |(_, text)| text);
        checks_without_panic(&mutate(text, &changes))?;
    }

    #[test]
    fn shipped_files_with_extreme_numbers_never_panic(
        file in 0..=PRESET_FILES.len(),
        index in any::<usize>(),
        number in prop::sample::select(EXTREMES),
    ) {
        let text = PRESET_FILES.get(file).map_or(HOME, |(_, text)| text);
        let changed = with_number(text, index, number);
        checks_without_panic(changed.as_bytes())?;
        if let Ok(proposal) = read_proposal(&changed) {
            let cashflow = invest_to_save::model::run(&proposal.baseline);
            let _ = invest_to_save::reconcile::reconcile(&proposal, &cashflow);
            let _ = invest_to_save::reconcile::contradictions(&proposal);
            for lever in proposal.levers() {
                let _ = lever.clamp(lever.published);
            }
        }
    }

    #[test]
    fn mutated_minimal_files_never_panic(changes in mutations()) {
        checks_without_panic(&mutate(MINIMAL, &changes))?;
    }
}

/// Trafford's file with its printed grand total row written as `row`, and where that print
/// contradicts itself, in words. Such a file still reads: a contradiction is not an error.
fn trafford_printing(row: &str) -> (String, Vec<String>) {
    let trafford = include_str!("../proposals/trafford.toml");
    let printed = trafford.replace(
        "grand_total = { per_year = [3399696, 4007217, 4159721], total = 11566634 }",
        row,
    );
    assert_ne!(printed, trafford);
    let proposal = read_proposal(&printed).expect("a contradiction in the print is not an error");
    let found = invest_to_save::reconcile::contradictions(&proposal)
        .iter()
        .map(|c| c.describe())
        .collect();
    (printed, found)
}

#[test]
fn a_printed_budget_total_that_is_not_the_sum_of_its_rows_is_reported_not_refused() {
    let (_, found) = trafford_printing(
        "grand_total = { per_year = [3399696, 4017217, 4159721], total = 11576634 }",
    );
    assert_eq!(
        found,
        [
            "grand_total 2021/22: printed £4,017,217, but adding up its workstreams gives £4,007,217",
            "year_on_year_investment 2021/22: printed £607,521, but the grand total less the year before's gives £617,521",
            "year_on_year_investment 2022/23: printed £152,504, but the grand total less the year before's gives £142,504",
        ]
    );
    // Trafford's own print adds up.
    let trafford = read_proposal(include_str!("../proposals/trafford.toml")).unwrap();
    assert_eq!(invest_to_save::reconcile::contradictions(&trafford), []);
}

#[test]
fn every_problem_of_a_file_opened_on_the_page_is_named_with_its_file() {
    let problems = invest_to_save::proposal::read_named_proposal("mine.toml", "format = 1\nid = ")
        .unwrap_err();
    assert!(!problems.is_empty());
    assert!(
        problems.iter().all(|p| p.starts_with("mine.toml: ")),
        "{problems:?}"
    );
}

#[test]
fn calc_check_counts_a_printed_payback_that_is_not_the_models_in_months_and_in_years() {
    // The minimal file: £5,000 a month for 12 months from April 2024, £10,000 a month saved
    // from October 2024. The cumulative is -£30,000 at September 2024 and climbs £5,000 a
    // month back to £0 in March 2025, which is the model's payback: 12 months from the
    // timeline's first month, 1.0 years.
    let wrong =
        format!("{MINIMAL}\n[published]\npayback_month = \"2025-06\"\npayback_years = 1.3\n");
    let file = TempFile::new(wrong.as_bytes());
    let output = calc(&["check", file.path()]);
    let out = text(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{out}");
    assert!(
        out.contains("0 printed figures compared; 0 differ by more than £1."),
        "{out}"
    );
    assert!(
        out.contains("Payback: printed June 2025, model March 2025."),
        "{out}"
    );
    assert!(
        out.contains("Payback in years: printed 1.3 years, model 1.0 years."),
        "{out}"
    );
    assert!(
        out.contains("2 printed results differ from the model: payback, payback in years."),
        "{out}"
    );

    // Printed as the model has it, to the report's precision: nothing differs.
    let right = format!("{MINIMAL}\n[published]\npayback_month = \"2025-03\"\npayback_years = 1\n");
    let file = TempFile::new(right.as_bytes());
    let out = text(&calc(&["check", file.path()]).stdout);
    assert!(
        out.contains("Payback in years: printed 1 year, model 1 year."),
        "{out}"
    );
    assert!(!out.contains("differs from the model"), "{out}");

    // A payback of no years is a problem at its own line (line 29: the minimal file's 26, a
    // blank line, [published] and the key).
    let none = format!("{MINIMAL}\n[published]\npayback_years = 0\n");
    let problems = read_proposal(&none).expect_err("refused");
    assert_eq!(
        (problems[0].line, problems[0].column),
        (29, 17),
        "{problems:?}"
    );
    assert!(problems[0]
        .message
        .contains("payback_years = 0 must be above 0"));
}

#[test]
fn one_of_anything_is_said_in_the_singular() {
    // One printed figure, which differs: the cumulative at April 2024 is -£5,000, printed -£4,000.
    let one = format!("{MINIMAL}\n[published.monthly]\ncumulative = [-4000]\n");
    let file = TempFile::new(one.as_bytes());
    let out = text(&calc(&["check", file.path()]).stdout);
    assert!(
        out.contains("1 printed figure compared; 1 differs by more than £1."),
        "{out}"
    );
}

#[test]
fn months_of_a_per_year_line_off_the_timeline_are_a_problem_that_says_which_and_how_much() {
    // A service costing £120,000 in 2024/25, £240,000 in 2025/26 and £360,000 in 2026/27, each
    // spread over its twelve months, on a timeline of 24 months from July 2024 (to June 2026).
    let file = |timeline: &str| {
        format!(
            "format = 1\nid = \"per_year\"\nname = \"Per year\"\ncouncil = \"Any Council\"\nsummary = \"x\"\n\n\
             [timeline]\n{timeline}\n\n\
             [[investment]]\nid = \"service\"\nlabel = \"Service\"\nfunder = \"Council\"\n\
             first_year = \"2024/25\"\nper_year = [120000, 240000, 360000]\n\n\
             [[saving]]\nid = \"saving\"\nlabel = \"Saving\"\namount_per_year = 300000\nfrom = \"2024-10\"\n"
        )
    };
    let problems = read_proposal(&file("start = \"2024-07\"\nmonths = 24")).expect_err("refused");
    let found: Vec<(usize, usize, &str)> = problems
        .iter()
        .map(|p| (p.line, p.column, p.message.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            // April to June 2024 are three twelfths of 2024/25: £120,000 x 3 / 12 = £30,000.
            (
                15,
                14,
                "investment \"service\": per_year begins with 2024/25, which starts in April 2024, before the timeline's first month (July 2024): April 2024 to June 2024, £30,000 of what per_year gives, would be left out (a year's amount is spread over its twelve months). Start the timeline in April 2024 (timeline.start = \"2024-04\"), or begin per_year with the first year on the timeline"
            ),
            // July 2026 to March 2027 are nine twelfths of 2026/27: £360,000 x 9 / 12 = £270,000;
            // the timeline would need 33 months (July 2024 to March 2027).
            (
                16,
                12,
                "investment \"service\": per_year runs to 2026/27, after the timeline's last month (June 2026): July 2026 to March 2027, £270,000 of what per_year gives, would be left out. Lengthen the timeline to 33 months (timeline.months = 33), or leave those years out"
            ),
        ]
    );
    // On a timeline that holds every written month (April 2024 to March 2027, 36 months) the
    // file checks clean, and the model counts all £720,000.
    let whole = read_proposal(&file("start = \"2024-04\"\nmonths = 36")).expect("clean");
    let cashflow = invest_to_save::model::run(&whole.baseline);
    assert_eq!(
        cashflow.results.total_investment,
        rust_decimal::Decimal::from(720_000)
    );
    // A saving's year-on-year changes are checked the same way, on the levels they add up to:
    // 2023/24's level is £60,000, so April 2023 to March 2024 drop all £60,000, and 2024/25's
    // April to June drop £90,000 x 3 / 12 = £22,500: £82,500 in all.
    let changes = file("start = \"2024-07\"\nmonths = 24").replace(
        "amount_per_year = 300000\nfrom = \"2024-10\"",
        "first_year = \"2023/24\"\nchange_per_year = [60000, 30000]",
    );
    let problems = read_proposal(&changes).expect_err("refused");
    assert!(
        problems.iter().any(|p| p.message
            == "saving \"saving\": change_per_year begins with 2023/24, which starts in April 2023, before the timeline's first month (July 2024): April 2023 to June 2024, £82,500 of what change_per_year gives, would be left out (a year's amount is spread over its twelve months). Start the timeline in April 2023 (timeline.start = \"2023-04\"), or begin change_per_year with the first year on the timeline"),
        "{problems:?}"
    );
}

#[test]
fn a_printed_budget_row_whose_total_is_not_the_sum_of_its_years_is_the_print_contradicting_itself()
{
    // Trafford's grand total with its total printed £1,000 out, as a report's rounding may be:
    // 3,399,696 + 4,007,217 + 4,159,721 = 11,566,634, printed 11,567,634.
    let (printed, found) = trafford_printing(
        "grand_total = { per_year = [3399696, 4007217, 4159721], total = 11567634 }",
    );
    assert_eq!(
        found,
        ["grand_total Total: printed £11,567,634, but adding up its years gives £11,566,634"]
    );
    // calc check says the file checks clean and lists it with the print's contradictions.
    let file = TempFile::new(printed.as_bytes());
    let output = calc(&["check", file.path()]);
    let out = text(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{out}");
    assert!(
        out.contains("The print contradicts itself in 1 place:\n- grand_total Total: printed £11,567,634, but adding up its years gives £11,566,634\n"),
        "{out}"
    );
    // Within a pound a year (3 years, £3) it is rounding, not a contradiction.
    let (_, found) = trafford_printing(
        "grand_total = { per_year = [3399696, 4007217, 4159721], total = 11566637 }",
    );
    assert_eq!(found, [""; 0]);
}

/// A file with one investment line written as `line` (the keys after `funder`), on a timeline
/// of 24 months from April 2024, and a saving of £3,000,000 a year from October 2025.
fn spread_file(line: &str) -> String {
    format!(
        "format = 1\nid = \"spread\"\nname = \"Spread\"\ncouncil = \"Any Council\"\nsummary = \"x\"\n\n\
         [timeline]\nstart = \"2024-04\"\nmonths = 24\n\n\
         [[investment]]\nid = \"build\"\nlabel = \"Building work\"\nfunder = \"Council\"\n{line}\n\n\
         [[saving]]\nid = \"saving\"\nlabel = \"Saving\"\namount_per_year = 3000000\nfrom = \"2025-10\"\n"
    )
}

#[test]
fn a_total_over_months_is_spread_to_the_penny_with_the_first_months_a_penny_more() {
    // "£2.379m over 18 months": 237,900,000 pence / 18 = 13,216,666 pence, 12 left over. So
    // the first 12 months (April 2024 to March 2025) are £132,166.67 and the last 6 (April to
    // September 2025) £132,166.66: 12 x 132,166.67 + 6 x 132,166.66 = 1,586,000.04 +
    // 792,999.96 = £2,379,000.00 exactly.
    let proposal = read_proposal(&spread_file(
        "total = 2379000\nfrom = \"2024-04\"\nmonths = 18",
    ))
    .unwrap();
    let cashflow = invest_to_save::model::run(&proposal.baseline);
    let invested: Vec<String> = cashflow
        .months
        .iter()
        .map(|m| m.investment.to_string())
        .collect();
    let mut expected = vec!["132166.67"; 12];
    expected.extend(["132166.66"; 6]);
    expected.extend(["0"; 6]);
    assert_eq!(invested, expected);
    assert_eq!(
        cashflow.results.total_investment,
        rust_decimal::Decimal::from(2_379_000)
    );
    // A total that divides exactly has no pennies to place: £90,000 over 3 months is £30,000.
    let even = read_proposal(&spread_file(
        "total = 90000\nfrom = \"2024-06\"\nmonths = 3",
    ))
    .unwrap();
    let cashflow = invest_to_save::model::run(&even.baseline);
    let invested: Vec<String> = cashflow.months[1..6]
        .iter()
        .map(|m| m.investment.to_string())
        .collect();
    assert_eq!(invested, ["0", "30000.00", "30000.00", "30000.00", "0"]);
    // Its levers: the total, the months and the first month, as a link writes them.
    let keys: Vec<&str> = proposal
        .levers()
        .iter()
        .map(|l| l.key.as_str())
        .filter(|k| k.starts_with("build."))
        .collect();
    assert_eq!(keys, ["build.total", "build.months", "build.from"]);
    // Moved in a link, the spread follows: £100 over 3 months is £33.34, £33.33, £33.33.
    let parsed = invest_to_save::codec::parse(
        "v=1&p=spread&build.total=100&build.months=3",
        std::slice::from_ref(&proposal),
    );
    assert_eq!(parsed.notices, []);
    let cashflow = invest_to_save::model::run(&parsed.scenario);
    let invested: Vec<String> = cashflow.months[..4]
        .iter()
        .map(|m| m.investment.to_string())
        .collect();
    assert_eq!(invested, ["33.34", "33.33", "33.33", "0"]);
    // "Download as a proposal file" writes them into [assumptions] and reads back the same.
    let text = spread_file("total = 2379000\nfrom = \"2024-04\"\nmonths = 18");
    let written =
        invest_to_save::proposal::assumptions::with_assumptions(&text, &proposal, &parsed.scenario);
    assert!(
        written.contains("\"build.total\" = 100\n\"build.months\" = 3"),
        "{written}"
    );
    invest_to_save::proposal::assumptions::round_trips(&written, &parsed.scenario).unwrap();
}

#[test]
fn a_total_without_months_or_with_none_or_beside_per_month_is_a_problem_at_its_place() {
    // Each case: the line's keys, then the problem's line, column and words. The line's keys
    // start on line 15 (the table header is line 11).
    let cases: [(&str, usize, usize, &str); 6] = [
        (
            "total = 2379000\nfrom = \"2024-04\"",
            15,
            9,
            "investment \"build\": a total needs months, the number of months it is spread over (\"£2.379m over 18 months\" is total = 2379000 and months = 18)",
        ),
        (
            "total = 2379000\nfrom = \"2024-04\"\nmonths = 0",
            17,
            10,
            "investment \"build\": months = 0: a total must be spread over at least one month",
        ),
        (
            "total = 2379000\nfrom = \"2024-04\"\nmonths = -18",
            17,
            10,
            "`months` should be a whole number",
        ),
        (
            "total = 2379000\nper_month = 132166.67\nfrom = \"2024-04\"\nmonths = 18",
            11,
            1,
            "investment \"build\": give exactly one of per_month, total (with months), one_off or per_year",
        ),
        (
            "total = 2379000\nmonths = 18",
            11,
            1,
            "investment \"build\": a total line needs either from = \"YYYY-MM\" or after = \"<line id>\"",
        ),
        // 18 months from January 2025 run to June 2026, three months past March 2026: the last
        // 3 of the 18 months, £132,166.66 each (the first 12 take the pennies), £396,499.98.
        (
            "total = 2379000\nfrom = \"2025-01\"\nmonths = 18",
            17,
            10,
            "investment \"build\": months = 18 from January 2025 runs to June 2026, after the timeline's last month (March 2026): April 2026 to June 2026, £396,499.98, would be left out. Lengthen the timeline (timeline.months = 27), or end the line on it",
        ),
    ];
    for (line, at_line, at_column, words) in cases {
        let problems = read_proposal(&spread_file(line)).expect_err(line);
        assert!(
            problems
                .iter()
                .any(|p| p.line == at_line && p.column == at_column && p.message.contains(words)),
            "{line}: wanted {at_line}:{at_column} {words}; got {problems:?}"
        );
    }
    // months on a one-off payment would mean nothing: said, not ignored.
    let problems = read_proposal(&spread_file(
        "one_off = 2379000\nmonth = \"2024-04\"\nmonths = 18",
    ))
    .expect_err("months on a one-off");
    assert_eq!(
        (problems[0].line, problems[0].column, problems[0].message.as_str()),
        (17, 10, "investment \"build\": months belongs to a per_month line (how long it runs) or a total (how many months it is spread over)")
    );
}

#[test]
fn a_printed_payback_in_years_is_met_by_any_payback_that_rounds_to_it() {
    // The children's home pays back in its 43rd month (October 2029 from April 2026):
    // 43 / 12 = 3.583 years, which is 3.6 at one place, 3.58 at two and 4 at none.
    let home = invest_to_save::model::run(&read_proposal(HOME).unwrap().baseline);
    assert_eq!(home.payback_month_number(), Some(43));
    for (printed, model, differs) in [
        ("3.6", "3.6 years", false),
        ("3.58", "3.58 years", false),
        ("4", "4 years", false),
        ("3.5", "3.6 years", true),
        ("3.57", "3.58 years", true),
        ("4.1", "3.6 years", true),
    ] {
        let text = format!("{HOME}\n[published]\npayback_years = {printed}\n");
        let proposal = read_proposal(&text).unwrap();
        let reconciliation = invest_to_save::reconcile::reconcile(
            &proposal,
            &invest_to_save::model::run(&proposal.baseline),
        );
        let result = &reconciliation.printed_results()[0];
        assert_eq!(result.name, "Payback in years");
        assert_eq!(
            (result.model.as_str(), result.differs),
            (model, differs),
            "printed {printed}"
        );
    }
}
