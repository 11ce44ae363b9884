//! `calc`: runs the model on a scenario link (or a preset name) and prints its tables.
//!
//!     calc sandwell
//!     calc 'v=1&p=sandwell&allocation=50' --format json
//!     calc --proposal-file my-council.toml --format csv --table years
//!     calc check my-council.toml

use std::process::ExitCode;

use invest_to_save::analysis::comparison::{compare, free_pin, pin_name, Pin, Pinned};
use invest_to_save::analysis::sensitivity::{swing_percent_from_text, DEFAULT_SWING_PERCENT};
use invest_to_save::analysis::uncertainty::uncertain_levers_with;
use invest_to_save::analysis::{
    discounted, optimism_bias, sensitivity, switching_values, uncertainty, Draws,
};
use invest_to_save::codec::{self, NoticeKind};
use invest_to_save::model::{self, YearMonth};
use invest_to_save::proposal::{presets::presets, read_proposal_bytes, Problem, Proposal};
use invest_to_save::reconcile::{contradictions, reconcile};
use invest_to_save::report::{comparison, csv, json, text};
use rust_decimal::Decimal;

/// Every table `--table` can name, in the order `all` prints them.
const TABLES: [&str; 13] = [
    "all",
    "results",
    "organisations",
    "positions",
    "years",
    "budget",
    "months",
    "working",
    "reconciliation",
    "switching",
    "sensitivity",
    "uncertainty",
    "comparison",
];

fn usage() -> String {
    format!(
        "\
Usage: calc [SCENARIO [SCENARIO...]] [--format table|csv|json] [--table {}]
            [--target-month YYYY-MM] [--swing PERCENT] [--draws N] [--seed N]
            [--proposal-file FILE]
       calc check FILE
{USAGE_TEXT}",
        TABLES.join("|")
    )
}

const USAGE_TEXT: &str = "

SCENARIO is a preset name (sandwell, trafford, own) or a scenario link's query string,
e.g. 'v=1&p=sandwell&allocation=50' (a whole URL works too). Without one, the first
proposal opens at its published assumptions.
--proposal-file reads a council's own proposal file (TOML) and offers it beside the presets.
--format table (default) prints readable tables; csv prints one table (--table, default months);
json prints everything in the export format described in the README.
--target-month is the month the switching values ask the proposal to pay back by, the same as
pay_back_by=YYYY-MM in the link (default: the link's, else the proposal file's, else the
horizon's last month).
--swing is how far the sensitivity table moves each lever down and up, in percent of its value
(default 20).
More than one SCENARIO (at most four, all of one proposal) compares them side by side, the
first as now and the others as A, B and C, as do scenarios pinned in the first link
(a~name=Cautious&a~allocation=30); --table comparison prints only that table, and the JSON
gains \"comparison\".
--draws and --seed set the uncertainty table's Monte Carlo run: how many times the model runs
with every uncertain assumption drawn at once (default 10,000, at most 100,000), and the seed
that makes the draws the same on every machine (default 1); a link's draws= and seed= set them
too. The run is in the JSON only when
--table uncertainty, --draws or --seed asks for it (it is many runs of the model).
Values out of range are corrected with a warning; anything unreadable stops with exit code 2.
calc check FILE checks a proposal file: exit 0 when it is clean (with its printed figures
reconciled against the model), or exit 2 listing every problem as FILE:LINE:COLUMN: message.";

struct Options {
    scenario: String,
    /// Further scenarios to compare with the first.
    compared: Vec<String>,
    format: String,
    table: String,
    proposal_file: Option<String>,
    target_month: Option<YearMonth>,
    swing_percent: Decimal,
    draws: Option<usize>,
    seed: Option<u64>,
    /// Whether --draws or --seed asked for the uncertainty run.
    uncertainty_asked: bool,
}

fn options(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        scenario: String::new(),
        compared: Vec::new(),
        format: "table".into(),
        table: String::new(),
        proposal_file: None,
        target_month: None,
        swing_percent: DEFAULT_SWING_PERCENT,
        draws: None,
        seed: None,
        uncertainty_asked: false,
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().cloned().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--format" => options.format = value("--format")?,
            "--table" => options.table = value("--table")?,
            "--proposal-file" => options.proposal_file = Some(value("--proposal-file")?),
            "--target-month" => {
                let text = value("--target-month")?;
                let month = text.parse().map_err(|_: String| {
                    format!("--target-month must be a month such as 2025-03, not \"{text}\"")
                })?;
                options.target_month = Some(month);
            }
            "--swing" => {
                let text = value("--swing")?;
                // The page's swing box reads it the same way.
                options.swing_percent =
                    swing_percent_from_text(&text).map_err(|e| format!("--swing: {e}"))?;
            }
            "--draws" => {
                let text = value("--draws")?;
                options.draws =
                    Some(Draws::draws_from_text(&text).map_err(|e| format!("--draws: {e}"))?);
                options.uncertainty_asked = true;
            }
            "--seed" => {
                let text = value("--seed")?;
                options.seed =
                    Some(Draws::seed_from_text(&text).map_err(|e| format!("--seed: {e}"))?);
                options.uncertainty_asked = true;
            }
            "-h" | "--help" => return Err(String::new()),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            scenario if options.scenario.is_empty() => options.scenario = scenario.to_string(),
            extra if options.compared.len() < Pin::ALL.len() => {
                options.compared.push(extra.to_string())
            }
            extra => {
                return Err(format!(
                    "at most {} scenarios to compare; also given \"{extra}\"",
                    Pin::ALL.len() + 1
                ))
            }
        }
    }
    if !["table", "csv", "json"].contains(&options.format.as_str()) {
        return Err(format!(
            "--format must be table, csv or json, not \"{}\"",
            options.format
        ));
    }
    if !options.table.is_empty() && !TABLES.contains(&options.table.as_str()) {
        return Err(format!(
            "--table must be {} or {}, not \"{}\"",
            TABLES[..TABLES.len() - 1].join(", "),
            TABLES[TABLES.len() - 1],
            options.table
        ));
    }
    Ok(options)
}

fn run(args: &[String]) -> Result<String, String> {
    let options = options(args)?;
    let mut proposals: Vec<Proposal> = presets().to_vec();
    if let Some(path) = &options.proposal_file {
        let bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
        let own = read_proposal_bytes(&bytes).map_err(|problems| placed(path, &problems))?;
        proposals.retain(|p| p.id != own.id);
        proposals.insert(0, own);
    }
    let mut parsed = read_scenario(&options.scenario, &proposals)?;
    let proposal = &proposals[parsed.proposal];
    if let Some(month) = options.target_month {
        parsed.scenario.pay_back_by = month;
    }
    let mut pinned = parsed.pinned.clone();
    for extra in &options.compared {
        let other = read_scenario(extra, &proposals)?;
        if other.proposal != parsed.proposal {
            return Err(format!(
                "scenarios compared side by side must all be of {}; \"{extra}\" is of {}",
                proposal.name, proposals[other.proposal].name
            ));
        }
        let Some(pin) = free_pin(&pinned) else {
            return Err(format!(
                "at most {} scenarios beside the first, pinned in its link or given after it",
                Pin::ALL.len()
            ));
        };
        // Named by what differs, as its link says it.
        let differences = codec::write(proposal, &other.scenario)
            .split('&')
            .skip(2)
            .collect::<Vec<_>>()
            .join(", ");
        let mut scenario = other.scenario;
        if let Some(month) = options.target_month {
            scenario.pay_back_by = month;
        }
        pinned.push(Pinned {
            pin,
            name: pin_name(if differences.is_empty() {
                "as the proposal opens"
            } else {
                &differences
            }),
            scenario,
        });
    }
    let draws = Draws {
        draws: options.draws.unwrap_or(parsed.draws.draws),
        seed: options.seed.unwrap_or(parsed.draws.seed),
    };
    let cashflow = model::run(&parsed.scenario);
    let link = codec::write_with(proposal, &parsed.scenario, &pinned, draws, &parsed.ranges);
    let table = if options.table.is_empty() {
        if options.format == "csv" {
            "months"
        } else {
            "all"
        }
    } else {
        options.table.as_str()
    };
    let switching = || switching_values(proposal.levers(), &parsed.scenario);
    let discounted = discounted(&cashflow, parsed.scenario.discount_rate_percent);
    let optimism_bias = optimism_bias(&parsed.scenario);
    let sensitivity = || sensitivity(proposal.levers(), &parsed.scenario, options.swing_percent);
    let uncertainty = || {
        let levers = proposal.levers();
        let drawn = uncertain_levers_with(levers, &parsed.scenario, &parsed.ranges);
        uncertainty(levers, &parsed.scenario, &drawn, draws.draws, draws.seed)
    };
    let comparing = !pinned.is_empty() || table == "comparison";
    // The chances need an uncertainty run of each scenario: made when the comparison is the
    // table asked for, or a run is.
    let with_chances = table == "comparison" || options.uncertainty_asked;
    let comparison = || {
        compare(
            proposal.levers(),
            &parsed.scenario,
            &pinned,
            with_chances.then_some(draws),
            &parsed.ranges,
        )
    };
    // Only the reconciliation tables need the published run.
    let reconciliation = || reconcile(proposal, &model::run(&proposal.baseline));
    Ok(match options.format.as_str() {
        "json" => serde_json::to_string_pretty(&json::export(&json::Export {
            proposal,
            scenario: &parsed.scenario,
            query: &link,
            cashflow: &cashflow,
            notices: &parsed.notices,
            switching: &switching(),
            discounted: &discounted,
            sensitivity: &sensitivity(),
            optimism_bias: optimism_bias.as_ref(),
            uncertainty: (options.uncertainty_asked || table == "uncertainty")
                .then(uncertainty)
                .as_ref(),
            comparison: comparing.then(comparison).as_deref(),
        }))
            .map_err(|e| e.to_string())?
            + "\n",
        "csv" => match table {
            "months" => csv::months(&cashflow),
            "years" => csv::years(&cashflow),
            "working" => csv::working(&cashflow),
            "budget" => csv::budget(&cashflow),
            "organisations" => csv::organisations(&cashflow),
            "positions" => csv::positions(&cashflow),
            "reconciliation" => csv::reconciliation(&reconciliation()),
            other => return Err(format!("--format csv prints one table: months, years, organisations, positions, working, budget or reconciliation, not \"{other}\"")),
        },
        _ => {
            let mut sections = Vec::new();
            if matches!(table, "all" | "results") {
                sections.push(format!("Scenario: ?{link}\n\n{}", text::results(proposal, &cashflow, &discounted, optimism_bias.as_ref())));
            }
            if table == "organisations" {
                sections.push(format!("Who paid and who gained\n{}", text::organisations(&cashflow)));
            }
            if table == "positions" {
                sections.push(format!("Each organisation's position, month by month\n{}", text::positions(&cashflow)));
            }
            if matches!(table, "all" | "years") {
                sections.push(format!("Financial years\n{}", text::years(&cashflow)));
            }
            if matches!(table, "all" | "budget") && cashflow.budget.is_some() {
                sections.push(text::budget(&cashflow));
            }
            if matches!(table, "all" | "months") {
                sections.push(format!("Months\n{}", text::months(&cashflow)));
            }
            if matches!(table, "all" | "working") && cashflow.months.iter().any(|m| m.referrals.is_some()) {
                sections.push(format!("How the saving is worked out (referral reduction)\n{}", text::working(&cashflow)));
            }
            if matches!(table, "all" | "reconciliation") {
                sections.push(format!("Published figures against the model (published assumptions)\n{}", text::reconciliation(&reconciliation())));
            }
            if matches!(table, "all" | "sensitivity") {
                sections.push(format!(
                    "Sensitivity: each assumption alone moved down and up\n{}",
                    text::sensitivity(proposal, &sensitivity())
                ));
            }
            if matches!(table, "all" | "uncertainty") {
                sections.push(format!(
                    "Uncertainty: every uncertain assumption drawn at once, the model run on each draw\n{}",
                    text::uncertainty(proposal, &cashflow, &uncertainty())
                ));
            }
            if table == "comparison" || (table == "all" && comparing) {
                sections.push(format!(
                    "Scenarios side by side\n{}",
                    comparison::text(proposal.levers(), &comparison())
                ));
            }
            if matches!(table, "all" | "switching") {
                sections.push(format!(
                    "Switching values: where each assumption changes the answer, found with the model\n{}",
                    text::switching(proposal, &parsed.scenario, &switching())
                ));
            }
            sections.join("\n")
        }
    })
}

/// A preset name or a link, read; what it corrected is a warning, anything else stops `calc`.
fn read_scenario(given: &str, proposals: &[Proposal]) -> Result<codec::Parsed, String> {
    let query = if !given.is_empty() && proposals.iter().any(|p| p.id == given) {
        format!("p={given}")
    } else {
        given.to_string()
    };
    let parsed = codec::parse(&query, proposals);
    let mut refused = Vec::new();
    for notice in &parsed.notices {
        match notice.kind {
            NoticeKind::Corrected | NoticeKind::Repeated => {
                eprintln!("warning: {}", notice.message)
            }
            NoticeKind::Unreadable
            | NoticeKind::UnknownKey
            | NoticeKind::UnknownProposal
            | NoticeKind::UnknownVersion
            | NoticeKind::TooLong => refused.push(notice.message.clone()),
        }
    }
    if refused.is_empty() {
        Ok(parsed)
    } else {
        Err(refused.join("\n"))
    }
}

/// Problems of a file, one a line, as `FILE:LINE:COLUMN: message`.
fn placed(path: &str, problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| format!("{path}:{}:{}: {}", p.line, p.column, p.message))
        .collect::<Vec<_>>()
        .join("\n")
}

/// `calc check FILE`: every problem of a proposal file with its line and column, or "checks
/// clean" and the model against the print.
fn check(args: &[String]) -> ExitCode {
    let [path] = args else {
        eprintln!("calc check: give one proposal file, e.g. calc check my-council.toml");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("{path}: cannot read the file: {error}");
            return ExitCode::from(2);
        }
    };
    match read_proposal_bytes(&bytes) {
        Ok(proposal) => {
            println!("{path}: {} checks clean", proposal.name);
            let contradictions = contradictions(&proposal);
            if proposal.published.prints_anything() || !contradictions.is_empty() {
                let reconciliation = reconcile(&proposal, &model::run(&proposal.baseline));
                print!(
                    "\n{}",
                    text::check_reconciliation(&reconciliation, &contradictions)
                );
            }
            ExitCode::SUCCESS
        }
        Err(problems) => {
            eprintln!("{}", placed(path, &problems));
            let count = match problems.len() {
                1 => "1 problem".to_string(),
                n => format!("{n} problems"),
            };
            eprintln!("{path}: {count}; the file does not check");
            ExitCode::from(2)
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("check") {
        return check(&args[1..]);
    }
    match run(&args) {
        Ok(output) => {
            print!("{output}");
            ExitCode::SUCCESS
        }
        Err(message) if message.is_empty() => {
            println!("{}", usage());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("calc: {message}\n\n{}", usage());
            ExitCode::from(2)
        }
    }
}
