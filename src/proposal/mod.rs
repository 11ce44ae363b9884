//! Proposals are data: a TOML file read into a `Scenario` plus what the page needs to present
//! it (its description, lever hints, the published figures). The presets go through the same
//! path as a council's own file.

pub mod assumptions;
mod check;
mod file;
pub mod presets;
pub mod published;
mod read_file;
mod repayments;
mod schema;
mod sliders;

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::levers::{Distribution, Lever};
use crate::model::month::{FinancialYear, YearMonth};
use crate::model::scenario::{
    Adjustments, BudgetRowSource, BudgetView, CostKind, CostPeriod, InvestmentAmounts,
    InvestmentLine, MonthRef, OptimismBias, ReductionPeriod, ReferralDriver, SavingDriver,
    SavingLine, Scenario, Schedule, UnitCost, MAX_HORIZON_MONTHS,
};
pub use check::Problem;
use check::{Findings, Path};
use file::{InvestmentFile, Number, ProposalFile, SavingFile};
pub use published::Published;
pub use read_file::{checked_answer, from_checked_answer, read_file, ReadFile};
pub use schema::{MAX_FILE_BYTES, MAX_SLIDERS};

pub use crate::levers::LeverSettings;
pub use crate::model::money::MAX_AMOUNT;

#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    pub id: String,
    pub name: String,
    pub council: String,
    pub summary: String,
    pub source: String,
    /// The source report's date and web address, as the file gives them.
    pub source_date: Option<String>,
    pub source_link: Option<String>,
    /// Whether the starting values are a report's published figures or an example to edit.
    pub starting_values: StartingValues,
    /// The scenario at the published assumptions (the file's own figures).
    pub baseline: Scenario,
    /// Where the page opens and links start from: the baseline with the file's
    /// `[assumptions]` applied (the same as the baseline when it has none).
    pub starting: Scenario,
    pub lever_settings: BTreeMap<String, LeverSettings>,
    /// Other figures from the report a reader may want beside the levers.
    pub facts: Vec<(String, String)>,
    pub published: Published,
    /// The file's `[adjustments]`, when it has them (their levers are offered only then).
    pub adjustments: Option<Adjustments>,
    /// Where the file's optimism-bias percentages come from, as it says.
    pub optimism_bias_source: Option<String>,
    /// Where each repayment's terms come from, as the file says, by the repayment's id.
    pub repayment_sources: BTreeMap<String, String>,
    /// The file as written, comments and all: "Download as a proposal file" starts from it.
    /// Handed to the page beside the proposal, not in it (`ReadFile`).
    #[serde(skip)]
    pub file_text: std::sync::Arc<str>,
    /// The levers of the baseline with the file's settings, found once when the file is read
    /// (and found again when the page is handed the proposal: `ReadFile::proposal`).
    #[serde(skip)]
    levers: std::sync::Arc<[Lever]>,
}

impl Proposal {
    /// The assumptions a reader can move, in the order the page shows them.
    pub fn levers(&self) -> &[Lever] {
        &self.levers
    }

    /// The same levers, shared rather than copied (the page hands them to its components).
    pub fn shared_levers(&self) -> std::sync::Arc<[Lever]> {
        self.levers.clone()
    }

    /// Finds the levers of the baseline with the file's settings (the adjustments' levers only
    /// where it has them): once when a file is read, and again when the page is handed the
    /// proposal built (`ReadFile::proposal`), so the two cannot disagree.
    fn find_levers(&mut self) {
        self.levers = crate::levers::catalogue(
            &self.baseline,
            &self.lever_settings,
            self.adjustments.is_some(),
        )
        .into();
    }

    /// The lever with this link key, if the proposal has one.
    pub fn lever(&self, key: &str) -> Option<&Lever> {
        self.levers.iter().find(|lever| lever.key == key)
    }
}

#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartingValues {
    Published,
    Example,
}

impl StartingValues {
    /// "published" or "example", as the page words it ("Published: 44%").
    pub fn word(self) -> &'static str {
        match self {
            StartingValues::Published => "published",
            StartingValues::Example => "example",
        }
    }
}

/// Reads a proposal file. The error lists every problem, one a line, each with where it is
/// ("line 12, column 3: ..."), for the officer who wrote it.
pub fn parse_proposal(text: &str) -> Result<Proposal, String> {
    read_proposal(text).map_err(|problems| {
        problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    })
}

/// Reads a proposal file: the proposal, or every problem found, in the order of the file.
pub fn read_proposal(text: &str) -> Result<Proposal, Vec<Problem>> {
    check::check_text(text)
}

/// Reads a proposal file a reader opened: the proposal, or every problem, each named with the
/// file it is in ("mine.toml: line 2, column 6: ..."), as `calc check` words them.
pub fn read_named_proposal(name: &str, text: &str) -> Result<Proposal, Vec<String>> {
    read_proposal(text).map_err(|problems| named_problems(name, problems))
}

/// Each problem named with the file it is in ("mine.toml: line 2, column 6: ...").
pub fn named_problems<P: std::fmt::Display>(
    name: &str,
    problems: impl IntoIterator<Item = P>,
) -> Vec<String> {
    problems
        .into_iter()
        .map(|problem| format!("{name}: {problem}"))
        .collect()
}

/// Reads a proposal file's bytes (text that is not UTF-8 is a problem, not a panic).
pub fn read_proposal_bytes(bytes: &[u8]) -> Result<Proposal, Vec<Problem>> {
    check::check(bytes)
}

/// Builds the proposal from the file's values, noting every problem of meaning at the key
/// path of the value at fault. `None` when something needed could not be built.
fn build(raw: ProposalFile, found: &mut Findings) -> Option<Proposal> {
    let root = Path::root();
    if raw.format != 1 {
        found.add(
            &root.key("format"),
            format!(
                "format = {} is not a proposal file format this calculator knows (it reads format = 1)",
                raw.format
            ),
        );
    }
    found.ok(&root.key("id"), check_id("id", &raw.id));
    if let Some(link) = &raw.source_link {
        found.ok(&root.key("source_link"), check_web_address(link));
    }
    let timeline = root.key("timeline");
    let start = found.ok(
        &timeline.key("start"),
        month(&raw.timeline.start, "timeline.start"),
    );
    if raw.timeline.months == 0 || raw.timeline.months > MAX_HORIZON_MONTHS {
        found.add(
            &timeline.key("months"),
            format!(
                "timeline.months must be between 1 and {MAX_HORIZON_MONTHS}; it is {}",
                raw.timeline.months
            ),
        );
    }
    let horizon = start.map(|start| Horizon {
        first: start,
        last: start.plus_months(raw.timeline.months.clamp(1, MAX_HORIZON_MONTHS) as i32 - 1),
    });
    let pay_back_by = raw.timeline.pay_back_by.as_deref().and_then(|text| {
        month_on(
            text,
            "timeline.pay_back_by",
            horizon,
            &timeline.key("pay_back_by"),
            found,
        )
    });

    let investments = lines(
        &raw.investment,
        "investment",
        |l| &l.id,
        found,
        |line, at, found| investment(line, at, horizon, found),
    );
    let savings = lines(
        &raw.saving,
        "saving",
        |l| &l.id,
        found,
        |line, at, found| saving(line, at, horizon, found),
    );
    let repayments = lines(
        &raw.repayment,
        "repayment",
        |r| &r.id,
        found,
        |file, at, found| {
            let parties = repayments::Parties {
                investments: &investments,
                savings: &savings,
            };
            repayments::repayment(file, at, &parties, horizon, found)
        },
    );
    check_unique_ids(&raw, found);
    for (index, line) in investments.iter().enumerate() {
        if let InvestmentAmounts::Monthly {
            from: MonthRef::After(other),
            ..
        }
        | InvestmentAmounts::Spread {
            from: MonthRef::After(other),
            ..
        } = &line.amounts
        {
            let found_line = investments.iter().find(|l| l.id == *other);
            match found_line.map(|l| &l.amounts) {
                Some(
                    InvestmentAmounts::Monthly {
                        from: MonthRef::Month(_),
                        months: Some(_),
                        ..
                    }
                    | InvestmentAmounts::Spread {
                        from: MonthRef::Month(_),
                        ..
                    },
                ) => {}
                _ => found.add(
                    &root.key("investment").index(index).key("after"),
                    format!(
                        "investment \"{}\": after = \"{other}\" must name a monthly investment line with a fixed start and a number of months",
                        line.id
                    ),
                ),
            }
        }
    }
    let referral_lines: Vec<usize> = raw
        .saving
        .iter()
        .enumerate()
        .filter(|(_, l)| l.referrals.is_some())
        .map(|(index, _)| index)
        .collect();
    if let Some(second) = referral_lines.get(1) {
        found.add(
            &root.key("saving").index(*second).key("referrals"),
            "only one saving line may use the referral-reduction driver",
        );
    }

    let budget = raw
        .budget
        .as_ref()
        .and_then(|budget| budget_view(budget, &raw.saving, found));
    let after_plan_trend_percent = raw
        .after_plan_trend_percent
        .and_then(|n| {
            found.ok(
                &root.key("after_plan_trend_percent"),
                bounded(
                    n,
                    "after_plan_trend_percent",
                    Decimal::ZERO,
                    Decimal::from(1000),
                ),
            )
        })
        .unwrap_or(Decimal::ZERO);

    let mut lever_settings = BTreeMap::new();
    for (key, lever) in raw.levers {
        let at = root.key("levers").key(&key);
        let more = match lever.group.as_deref() {
            None => None,
            Some("main") => Some(false),
            Some("more") => Some(true),
            Some(other) => {
                found.add(
                    &at.key("group"),
                    format!("levers.{key}.group is \"{other}\"; it must be \"main\" or \"more\""),
                );
                None
            }
        };
        let distribution = match lever.distribution.as_deref() {
            None => None,
            Some(name) => {
                let found_one = Distribution::from_name(name);
                if found_one.is_none() {
                    let names: Vec<String> = Distribution::ALL
                        .iter()
                        .map(|d| format!("\"{}\"", d.name()))
                        .collect();
                    found.add(
                        &at.key("distribution"),
                        format!(
                            "levers.\"{key}\": distribution is \"{name}\"; it must be {}",
                            names.join(" or ")
                        ),
                    );
                }
                found_one
            }
        };
        if let Some(step) = lever.step.filter(|step| step.0 <= Decimal::ZERO) {
            found.add(
                &at.key("step"),
                format!("levers.\"{key}\": step = {} must be above 0", step.0),
            );
        }
        if let (Some(low), Some(high)) = (lever.low, lever.high) {
            if low.0 > high.0 {
                found.add(
                    &at.key("low"),
                    format!(
                        "levers.\"{key}\": low = {} is above high = {}",
                        low.0, high.0
                    ),
                );
            }
        }
        if let (Some(min), Some(max)) = (lever.min, lever.max) {
            if min.0 > max.0 {
                found.add(
                    &at.key("min"),
                    format!("levers.\"{key}\": min = {} is above max = {}", min.0, max.0),
                );
            }
        }
        lever_settings.insert(
            key,
            LeverSettings {
                label: lever.label,
                hint: lever.hint,
                min: lever.min.map(|n| n.0),
                max: lever.max.map(|n| n.0),
                step: lever.step.map(|n| n.0),
                more,
                low: lever.low.map(|n| n.0),
                high: lever.high.map(|n| n.0),
                distribution,
            },
        );
    }

    let starting_values = match raw.starting_values.as_deref() {
        None | Some("published") => StartingValues::Published,
        Some("example") => StartingValues::Example,
        Some(other) => {
            found.add(
                &root.key("starting_values"),
                format!("starting_values is \"{other}\"; it must be \"published\" or \"example\""),
            );
            StartingValues::Published
        }
    };
    let adjustments = raw.adjustments.as_ref().map(|file| {
        let at = root.key("adjustments");
        Adjustments {
            contingency_percent: found
                .ok(
                    &at.key("contingency_percent"),
                    percent(
                        file.contingency_percent,
                        "contingency_percent",
                        Decimal::ZERO,
                    ),
                )
                .unwrap_or_default(),
            realisation_percent: found
                .ok(
                    &at.key("realisation_percent"),
                    percent(
                        file.realisation_percent,
                        "realisation_percent",
                        Decimal::ONE_HUNDRED,
                    ),
                )
                .unwrap_or(Decimal::ONE_HUNDRED),
        }
    });
    let optimism_bias_at = root.key("optimism_bias");
    let optimism_bias = raw
        .optimism_bias
        .as_ref()
        .map_or(OptimismBias::NONE, |file| OptimismBias {
            costs_uplift_percent: file
                .costs_percent
                .and_then(|n| {
                    found.ok(
                        &optimism_bias_at.key("costs_percent"),
                        cost_uplift(n, "optimism_bias.costs_percent"),
                    )
                })
                .unwrap_or_default(),
            savings_haircut_percent: found
                .ok(
                    &optimism_bias_at.key("savings_percent"),
                    percent(
                        file.savings_percent,
                        "optimism_bias.savings_percent",
                        Decimal::ZERO,
                    ),
                )
                .unwrap_or_default(),
        });
    let mut investments = investments;
    let mut savings = savings;
    if let Some(adjustments) = adjustments {
        for line in &mut investments {
            line.contingency_percent = adjustments.contingency_percent;
        }
        for line in &mut savings {
            line.proposal_realisation_percent = adjustments.realisation_percent;
        }
    }
    let start = start?;
    let baseline = Scenario {
        start,
        // Out of range is a problem noted above; the model never runs over the raw count.
        horizon_months: raw.timeline.months.clamp(1, MAX_HORIZON_MONTHS),
        pay_back_by: pay_back_by.or(horizon.map(|h| h.last)).unwrap_or(start),
        discount_rate_percent: crate::model::scenario::GREEN_BOOK_RATE_PERCENT,
        investments,
        savings,
        after_plan_trend_percent,
        budget,
        optimism_bias,
        repayments,
    };
    repayments::check_caps(&baseline, &raw.repayment, found);
    let published = published::build(raw.published.unwrap_or_default(), &baseline, found);
    // Levers of lines that could not be read are not there to match their settings.
    let complete = baseline.investments.len() == raw.investment.len()
        && baseline.savings.len() == raw.saving.len()
        && (raw.budget.is_none() || baseline.budget.is_some());
    let assumptions = raw.assumptions;
    let mut proposal = Proposal {
        file_text: "".into(),
        levers: Default::default(),
        starting: baseline.clone(),
        id: raw.id,
        name: raw.name,
        council: raw.council,
        summary: raw.summary.trim().to_string(),
        source: raw.source,
        source_date: raw.source_date,
        source_link: raw.source_link,
        starting_values,
        baseline,
        lever_settings,
        facts: raw.facts.into_iter().map(|f| (f.label, f.value)).collect(),
        optimism_bias_source: raw
            .optimism_bias
            .and_then(|file| file.source)
            .map(|text| text.trim().to_string())
            .filter(|text| !text.is_empty()),
        repayment_sources: raw
            .repayment
            .into_iter()
            .filter_map(|r| Some((r.id, r.source?.trim().to_string())))
            .filter(|(_, source)| !source.is_empty())
            .collect(),
        published,
        adjustments,
    };
    proposal.find_levers();
    sliders::check_levers(&proposal, complete, found);
    if found.is_empty() {
        proposal.starting = sliders::starting_scenario(&proposal, &assumptions, found);
    }
    found.is_empty().then_some(proposal)
}

/// Builds each line of a list (`[[investment]]`, `[[saving]]`); a line's problems say which
/// line they are about.
fn lines<File, Line>(
    files: &[File],
    list: &str,
    id: impl Fn(&File) -> &String,
    found: &mut Findings,
    build: impl Fn(&File, &Path, &mut Findings) -> Option<Line>,
) -> Vec<Line> {
    let mut built = Vec::new();
    for (index, file) in files.iter().enumerate() {
        let before = found.count();
        built.extend(build(file, &Path::root().key(list).index(index), found));
        found.prefix_since(before, &format!("{list} \"{}\": ", id(file)));
    }
    built
}

/// The months of a proposal's timeline, first and last.
#[derive(Clone, Copy)]
struct Horizon {
    first: YearMonth,
    last: YearMonth,
}

impl Horizon {
    /// A month of the file, which must lie on the timeline.
    fn month(&self, month: YearMonth, field: &str) -> Result<YearMonth, String> {
        if month < self.first || month > self.last {
            Err(format!(
                "{field} = \"{month}\" is outside the timeline, which runs from {} to {}",
                self.first.long_name(),
                self.last.long_name()
            ))
        } else {
            Ok(month)
        }
    }
}

/// A month of the file: readable, and on the timeline when the timeline is known. A month off
/// the timeline is noted but kept, so the rest of the file can still be checked.
fn month_on(
    text: &str,
    field: &str,
    horizon: Option<Horizon>,
    at: &Path,
    found: &mut Findings,
) -> Option<YearMonth> {
    let month = found.ok(at, month(text, field))?;
    if let Some(horizon) = horizon {
        found.ok(at, horizon.month(month, field));
    }
    Some(month)
}

/// `source_link` is where a reader can read the report: a web address, and nothing a browser
/// would run (`javascript:`) or read as another place (`//host`, a backslash, a space).
fn check_web_address(link: &str) -> Result<(), String> {
    let lower = link.to_ascii_lowercase();
    let host = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .and_then(|rest| rest.split(['/', '?', '#']).next())
        .filter(|host| !host.is_empty());
    let plain = !link
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '\\');
    match host {
        Some(_) if plain => Ok(()),
        _ => Err(format!(
            "source_link \"{}\" is not a web address; write the address where the report can be read, starting https://",
            crate::wording::shorten(link)
        )),
    }
}

/// Ids appear in links, so they stay short and plain.
fn check_id(what: &str, id: &str) -> Result<(), String> {
    let plain = !id.is_empty()
        && id.len() <= 40
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && id.starts_with(|c: char| c.is_ascii_lowercase());
    if plain {
        Ok(())
    } else {
        Err(format!(
            "{what} \"{id}\" must start with a lower-case letter and use only a-z, 0-9 and _ (at most 40)"
        ))
    }
}

fn check_unique_ids(raw: &ProposalFile, found: &mut Findings) {
    let mut seen: Vec<&str> = Vec::new();
    let investments = raw
        .investment
        .iter()
        .enumerate()
        .map(|(index, l)| (Path::root().key("investment").index(index), l.id.as_str()));
    let savings = raw
        .saving
        .iter()
        .enumerate()
        .map(|(index, l)| (Path::root().key("saving").index(index), l.id.as_str()));
    // A repayment's levers are keyed by its id, as a line's are, so the two share one set.
    let repayments = raw
        .repayment
        .iter()
        .enumerate()
        .map(|(index, r)| (Path::root().key("repayment").index(index), r.id.as_str()));
    for (at, id) in investments.chain(savings).chain(repayments) {
        let at = at.key("id");
        if found.ok(&at, check_id("id", id)).is_none() {
            continue;
        }
        if seen.contains(&id) {
            found.add(
                &at,
                format!("the id \"{id}\" is used by more than one line or repayment"),
            );
        }
        seen.push(id);
    }
}

fn month(text: &str, field: &str) -> Result<YearMonth, String> {
    text.parse().map_err(|e| format!("{field}: {e}"))
}

fn year(text: &str, field: &str) -> Result<FinancialYear, String> {
    text.parse().map_err(|e| format!("{field}: {e}"))
}

fn bounded(number: Number, field: &str, min: Decimal, max: Decimal) -> Result<Decimal, String> {
    within(number, field, min, max, |n| n.normalize().to_string())
}

/// A sum of money between `min` and `max`, said in pounds when it is not.
fn pounds(number: Number, field: &str, min: Decimal, max: Decimal) -> Result<Decimal, String> {
    within(number, field, min, max, crate::model::money::format_money)
}

fn within(
    number: Number,
    field: &str,
    min: Decimal,
    max: Decimal,
    say: impl Fn(Decimal) -> String,
) -> Result<Decimal, String> {
    if number.0 < min || number.0 > max {
        Err(format!(
            "{field} must be between {} and {}; it is {}",
            say(min),
            say(max),
            say(number.0)
        ))
    } else {
        Ok(number.0)
    }
}

fn amount(number: Number, field: &str) -> Result<Decimal, String> {
    pounds(number, field, -MAX_AMOUNT, MAX_AMOUNT)
}

fn amounts(numbers: &[Number], field: &str) -> Result<Vec<Decimal>, String> {
    if numbers.is_empty() || numbers.len() > 60 {
        return Err(format!("{field} must list between 1 and 60 yearly amounts"));
    }
    numbers.iter().map(|n| amount(*n, field)).collect()
}

/// An uplift on costs for optimism bias: from 0 to the Green Book's highest upper bound.
fn cost_uplift(number: Number, field: &str) -> Result<Decimal, String> {
    bounded(
        number,
        field,
        Decimal::ZERO,
        crate::model::scenario::MAX_COST_UPLIFT_PERCENT,
    )
}

fn percent(number: Option<Number>, field: &str, default: Decimal) -> Result<Decimal, String> {
    number
        .map(|n| bounded(n, field, Decimal::ZERO, Decimal::ONE_HUNDRED))
        .unwrap_or(Ok(default))
}

/// Yearly amounts from a first financial year; problems are noted at `at`'s keys.
fn schedule(
    first_year: &Option<String>,
    per_year: &[Number],
    field: &str,
    horizon: Option<Horizon>,
    at: &Path,
    found: &mut Findings,
) -> Option<Schedule> {
    let first_year = match first_year.as_deref() {
        Some(text) => found.ok(&at.key("first_year"), year(text, "first_year")),
        None => {
            found.add(
                &at.key(field),
                format!("{field} needs first_year, e.g. first_year = \"2020/21\""),
            );
            None
        }
    };
    let amounts = found.ok(&at.key(field), amounts(per_year, field));
    let schedule = Schedule {
        first_year: first_year?,
        amounts_per_year: amounts?,
        scale_percent: Decimal::ONE_HUNDRED,
    };
    if let Some(horizon) = horizon {
        off_the_timeline(&schedule, field, horizon, at, found);
    }
    Some(schedule)
}

/// Months from `first` to `last` in words: "April 2024", or "April 2024 to June 2024".
fn months_span(first: YearMonth, last: YearMonth) -> String {
    match first == last {
        true => first.long_name(),
        false => format!("{} to {}", first.long_name(), last.long_name()),
    }
}

/// A monthly line with a number of months, or a spread total, from a month of its own: the
/// months after the timeline's last would be dropped, so they are a problem that says which
/// and how much money. (A line after another is checked through the line it follows.)
fn past_the_timeline(
    amounts: &InvestmentAmounts,
    horizon: Horizon,
    at: &Path,
    found: &mut Findings,
) {
    let (first, months, in_month): (YearMonth, u32, Box<dyn Fn(i32) -> Decimal>) = match amounts {
        InvestmentAmounts::Monthly {
            per_month,
            from: MonthRef::Month(first),
            months: Some(months),
        } => (*first, *months, Box::new(|_| *per_month)),
        InvestmentAmounts::Spread {
            total,
            from: MonthRef::Month(first),
            months,
        } => (
            *first,
            *months,
            Box::new(|index| crate::model::cashflow::spread_month(*total, *months, index)),
        ),
        InvestmentAmounts::Monthly { .. }
        | InvestmentAmounts::Spread { .. }
        | InvestmentAmounts::OneOff { .. }
        | InvestmentAmounts::PerYear(_) => return,
    };
    let last = first.plus_months(months as i32 - 1);
    if months == 0 || last <= horizon.last {
        return;
    }
    let after = first.months_until(horizon.last) + 1;
    let money: Decimal = (after.max(0)..months as i32).map(&in_month).sum();
    let dropped_from = horizon.last.plus_months(1).max(first);
    let span = months_span(dropped_from, last);
    found.add(
        &at.key("months"),
        format!(
            "months = {months} from {} runs to {}, after the timeline's last month ({}): {span}, {}, would be left out. Lengthen the timeline (timeline.months = {}), or end the line on it",
            first.long_name(),
            last.long_name(),
            horizon.last.long_name(),
            crate::model::money::format_money(money),
            horizon.first.months_until(last) + 1,
        ),
    );
}

/// Each year's amount is spread over its twelve months, and the model runs only the months of
/// the timeline: the months of a written year before the timeline's start or after its end
/// would be dropped, so they are a problem that says which months and how much money (a
/// council's figure is never left out in silence).
fn off_the_timeline(
    schedule: &Schedule,
    field: &str,
    horizon: Horizon,
    at: &Path,
    found: &mut Findings,
) {
    use crate::model::money::format_money;
    let twelve = Decimal::from(12);
    // The money of the written months outside `first..=last` (a range of months).
    let dropped = |first: YearMonth, last: YearMonth| -> Decimal {
        let mut year = schedule.first_year;
        let mut money = Decimal::ZERO;
        for amount in &schedule.amounts_per_year {
            let months = (0..12)
                .map(|m| year.first_month().plus_months(m))
                .filter(|m| (first..=last).contains(m))
                .count();
            money += amount * Decimal::from(months) / twelve;
            year = year.next();
        }
        money
    };
    let span = months_span;
    let written_first = schedule.first_year.first_month();
    let written_last = schedule.last_year().next().first_month().plus_months(-1);
    if written_first < horizon.first {
        let last = horizon.first.plus_months(-1).min(written_last);
        let money = dropped(written_first, last);
        if !money.is_zero() {
            found.add(
                &at.key("first_year"),
                format!(
                    "{field} begins with {}, which starts in {}, before the timeline's first month ({}): {}, {} of what {field} gives, would be left out (a year's amount is spread over its twelve months). Start the timeline in {} (timeline.start = \"{}\"), or begin {field} with the first year on the timeline",
                    schedule.first_year,
                    written_first.long_name(),
                    horizon.first.long_name(),
                    span(written_first, last),
                    format_money(money),
                    written_first.long_name(),
                    written_first,
                ),
            );
        }
    }
    if written_last > horizon.last {
        let first = horizon.last.plus_months(1).max(written_first);
        let money = dropped(first, written_last);
        if !money.is_zero() {
            let months = horizon.first.months_until(written_last) + 1;
            found.add(
                &at.key(field),
                format!(
                    "{field} runs to {}, after the timeline's last month ({}): {}, {} of what {field} gives, would be left out. Lengthen the timeline to {months} months (timeline.months = {months}), or leave those years out",
                    schedule.last_year(),
                    horizon.last.long_name(),
                    span(first, written_last),
                    format_money(money),
                ),
            );
        }
    }
}

fn investment(
    line: &InvestmentFile,
    at: &Path,
    horizon: Option<Horizon>,
    found: &mut Findings,
) -> Option<InvestmentLine> {
    let kinds = [
        line.per_month.is_some(),
        line.one_off.is_some(),
        line.per_year.is_some(),
        line.total.is_some(),
    ];
    if kinds.iter().filter(|k| **k).count() != 1 {
        found.add(
            at,
            "give exactly one of per_month, total (with months), one_off or per_year",
        );
        return None;
    }
    // A monthly or spread line starts in a month of its own or after another line.
    let from = |kind: &str, found: &mut Findings| match (&line.from, &line.after) {
        (Some(from), None) => {
            month_on(from, "from", horizon, &at.key("from"), found).map(MonthRef::Month)
        }
        (None, Some(after)) => Some(MonthRef::After(after.clone())),
        _ => {
            found.add(
                at,
                format!("a {kind} line needs either from = \"YYYY-MM\" or after = \"<line id>\""),
            );
            None
        }
    };
    if line.months.is_some_and(|m| m > MAX_HORIZON_MONTHS) {
        found.add(
            &at.key("months"),
            format!("months must be at most {MAX_HORIZON_MONTHS}"),
        );
    }
    // A line from a month of its own is checked month by month below, with the money.
    if let (Some(months), Some(horizon), None) = (line.months, horizon, &line.from) {
        let length = horizon.first.months_until(horizon.last) + 1;
        if i64::from(months) > i64::from(length) {
            found.add(
                &at.key("months"),
                format!("months = {months} is longer than the timeline's {length} months"),
            );
        }
    }
    if line.months.is_some() && line.per_month.is_none() && line.total.is_none() {
        found.add(
            &at.key("months"),
            "months belongs to a per_month line (how long it runs) or a total (how many months it is spread over)",
        );
    }
    let amounts = if let Some(total) = line.total {
        let from = from("total", found);
        let months = match line.months {
            Some(0) => {
                found.add(
                    &at.key("months"),
                    "months = 0: a total must be spread over at least one month",
                );
                None
            }
            Some(months) => Some(months),
            None => {
                found.add(
                    &at.key("total"),
                    "a total needs months, the number of months it is spread over (\"£2.379m over 18 months\" is total = 2379000 and months = 18)",
                );
                None
            }
        };
        let total = found.ok(&at.key("total"), amount(total, "total"));
        InvestmentAmounts::Spread {
            total: total?,
            from: from?,
            months: months?,
        }
    } else if let Some(per_month) = line.per_month {
        let from = from("per_month", found);
        let per_month = found.ok(&at.key("per_month"), amount(per_month, "per_month"));
        InvestmentAmounts::Monthly {
            per_month: per_month?,
            from: from?,
            months: line.months,
        }
    } else if let Some(one_off) = line.one_off {
        let paid = match line.month.as_deref() {
            Some(text) => month_on(text, "month", horizon, &at.key("month"), found),
            None => {
                found.add(at, "a one_off line needs month = \"YYYY-MM\"");
                None
            }
        };
        let amount = found.ok(&at.key("one_off"), amount(one_off, "one_off"));
        InvestmentAmounts::OneOff {
            amount: amount?,
            month: paid?,
        }
    } else {
        InvestmentAmounts::PerYear(schedule(
            &line.first_year,
            line.per_year.as_deref().unwrap_or_default(),
            "per_year",
            horizon,
            at,
            found,
        )?)
    };
    if let Some(horizon) = horizon {
        past_the_timeline(&amounts, horizon, at, found);
    }
    let cost = match line.cost.as_deref() {
        None => CostKind::of(&amounts),
        Some(name) => found.ok(
            &at.key("cost"),
            CostKind::from_name(name)
                .ok_or_else(|| format!("cost = \"{name}\"; it must be \"capital\" or \"running\"")),
        )?,
    };
    Some(InvestmentLine {
        cost,
        id: line.id.clone(),
        label: line.label.clone(),
        funder: line.funder.clone(),
        amounts,
        contingency_percent: Decimal::ZERO,
        optimism_bias_percent: line.optimism_bias_percent.and_then(|n| {
            found.ok(
                &at.key("optimism_bias_percent"),
                cost_uplift(n, "optimism_bias_percent"),
            )
        }),
    })
}

fn referral_driver(
    referrals: &file::ReferralsFile,
    at: &Path,
    horizon: Option<Horizon>,
    found: &mut Findings,
) -> Option<ReferralDriver> {
    let mut periods = Vec::new();
    for (index, period) in referrals.period.iter().enumerate() {
        let here = at.key("period").index(index);
        let field = format!("referrals.period {}", index + 1);
        if period.monthly_profile.is_empty() || period.monthly_profile.len() > 120 {
            found.add(
                &here.key("monthly_profile"),
                format!("{field}: monthly_profile must list between 1 and 120 months"),
            );
            continue;
        }
        let profile: Option<Vec<Decimal>> = found.ok(
            &here.key("monthly_profile"),
            period
                .monthly_profile
                .iter()
                .map(|n| bounded(*n, &field, Decimal::ZERO, Decimal::from(1_000_000)))
                .collect::<Result<_, _>>(),
        );
        let total = found.ok(
            &here.key("total"),
            bounded(
                period.total,
                &field,
                Decimal::ZERO,
                Decimal::from(1_000_000),
            ),
        );
        let (Some(profile), Some(total)) = (profile, total) else {
            continue;
        };
        if profile.iter().all(|p| p.is_zero()) && !total.is_zero() {
            found.add(
                &here.key("monthly_profile"),
                format!("{field}: a profile of zeros cannot add up to {total}"),
            );
        }
        periods.push(ReductionPeriod {
            label: period.label.clone(),
            monthly_profile: profile,
            total_reduction: total,
        });
    }
    if referrals.cases_per_cashable_step == 0 {
        found.add(
            &at.key("cases_per_cashable_step"),
            "referrals.cases_per_cashable_step must be at least 1",
        );
    }
    if referrals.case_duration_months == Some(0) {
        found.add(
            &at.key("case_duration_months"),
            "referrals.case_duration_months must be at least 1 (leave it out for cases that stay open)",
        );
    }
    let delivery_start = month_on(
        &referrals.delivery_start,
        "referrals.delivery_start",
        horizon,
        &at.key("delivery_start"),
        found,
    );
    let baseline = found.ok(
        &at.key("baseline_referrals_per_year"),
        bounded(
            referrals.baseline_referrals_per_year,
            "referrals.baseline_referrals_per_year",
            Decimal::ZERO,
            Decimal::from(10_000_000),
        ),
    );
    let allocation = found.ok(
        &at.key("allocation_percent"),
        bounded(
            referrals.allocation_percent,
            "referrals.allocation_percent",
            Decimal::ZERO,
            Decimal::ONE_HUNDRED,
        ),
    );
    let cost = found.ok(
        &at.key("cost_per_case_per_year"),
        pounds(
            referrals.cost_per_case_per_year,
            "referrals.cost_per_case_per_year",
            Decimal::ZERO,
            MAX_AMOUNT,
        ),
    );
    let cap = match referrals.saving_cap_per_year {
        Some(n) => Some(found.ok(
            &at.key("saving_cap_per_year"),
            pounds(
                n,
                "referrals.saving_cap_per_year",
                Decimal::ZERO,
                MAX_AMOUNT,
            ),
        )?),
        None => None,
    };
    Some(ReferralDriver {
        delivery_start: delivery_start?,
        baseline_referrals_per_year: baseline?,
        periods,
        reduction_percent_of_plan: Decimal::ONE_HUNDRED,
        allocation_percent: allocation?,
        cost_per_case_per_year: cost?,
        cases_per_cashable_step: referrals.cases_per_cashable_step.max(1),
        saving_cap_per_year: cap,
        case_duration_months: referrals.case_duration_months.filter(|m| *m > 0),
    })
}

fn saving(
    line: &SavingFile,
    at: &Path,
    horizon: Option<Horizon>,
    found: &mut Findings,
) -> Option<SavingLine> {
    let kinds = [
        line.referrals.is_some(),
        line.per_year.is_some(),
        line.change_per_year.is_some(),
        line.amount_per_year.is_some(),
        line.units.is_some(),
    ];
    if kinds.iter().filter(|k| **k).count() != 1 {
        found.add(
            at,
            "give exactly one of [saving.referrals], per_year, change_per_year, amount_per_year or units",
        );
        return None;
    }
    let from = |found: &mut Findings, driver: &str| match line.from.as_deref() {
        Some(text) => month_on(text, "from", horizon, &at.key("from"), found),
        None => {
            found.add(at, format!("{driver} needs from = \"YYYY-MM\""));
            None
        }
    };
    let driver = if let Some(referrals) = &line.referrals {
        SavingDriver::Referrals(referral_driver(
            referrals,
            &at.key("referrals"),
            horizon,
            found,
        )?)
    } else if let Some(per_year) = &line.per_year {
        SavingDriver::Scheduled(schedule(
            &line.first_year,
            per_year,
            "per_year",
            horizon,
            at,
            found,
        )?)
    } else if let Some(changes) = &line.change_per_year {
        // Printed as year-on-year changes (as Trafford's summary is): the level is their running sum.
        let mut level = Decimal::ZERO;
        let levels: Vec<Number> = found
            .ok(
                &at.key("change_per_year"),
                amounts(changes, "change_per_year"),
            )?
            .into_iter()
            .map(|change| {
                level += change;
                Number(level)
            })
            .collect();
        SavingDriver::Scheduled(schedule(
            &line.first_year,
            &levels,
            "change_per_year",
            horizon,
            at,
            found,
        )?)
    } else if let Some(units) = line.units {
        let cost = match (line.cost_per_unit_per_week, line.cost_per_unit_per_year) {
            (Some(cost), None) => Some((cost, CostPeriod::Week, "cost_per_unit_per_week")),
            (None, Some(cost)) => Some((cost, CostPeriod::Year, "cost_per_unit_per_year")),
            _ => {
                found.add(
                    at,
                    "units needs one of cost_per_unit_per_week or cost_per_unit_per_year",
                );
                None
            }
        };
        let first = from(found, "units");
        let units = found.ok(
            &at.key("units"),
            bounded(units, "units", Decimal::ZERO, Decimal::from(1_000_000)),
        );
        let (cost, cost_period, cost_key) = cost?;
        let cost_per_unit = found.ok(
            &at.key(cost_key),
            pounds(cost, "cost per unit", Decimal::ZERO, MAX_AMOUNT),
        );
        SavingDriver::UnitCost(UnitCost {
            units: units?,
            unit_name: line.unit_name.clone().unwrap_or_else(|| "number".into()),
            cost_per_unit: cost_per_unit?,
            cost_period,
            from: first?,
            ramp_months: line.ramp_months.unwrap_or(0).min(MAX_HORIZON_MONTHS),
            occupancy_percent: found.ok(
                &at.key("occupancy_percent"),
                line.occupancy_percent
                    .map(|n| bounded(n, "occupancy_percent", Decimal::ZERO, Decimal::ONE_HUNDRED))
                    .transpose(),
            )?,
        })
    } else {
        let first = from(found, "amount_per_year");
        let per_year = found.ok(
            &at.key("amount_per_year"),
            amount(
                line.amount_per_year.unwrap_or(Number(Decimal::ZERO)),
                "amount_per_year",
            ),
        );
        SavingDriver::Recurring {
            per_year: per_year?,
            from: first?,
            ramp_months: line.ramp_months.unwrap_or(0).min(MAX_HORIZON_MONTHS),
        }
    };
    // A cost written as a negative saving is incurred in full: nothing realises or haircuts it.
    if let SavingDriver::Recurring { per_year, .. } = &driver {
        if per_year.is_sign_negative() && !per_year.is_zero() {
            let given = [
                ("realisation_percent", line.realisation_percent.is_some()),
                (
                    "optimism_bias_percent",
                    line.optimism_bias_percent.is_some(),
                ),
            ];
            for (key, given) in given {
                if given {
                    found.add(
                        &at.key(key),
                        format!(
                            "{key} scales a saving, and amount_per_year = {} is a cost, which is incurred in full whatever share of the savings is realised; leave {key} out (the optimism-bias uplift on costs, [optimism_bias] costs_percent, raises it)",
                            crate::model::money::format_money(*per_year)
                        ),
                    );
                }
            }
        }
    }
    if line.occupancy_percent.is_some() && line.units.is_none() {
        found.add(
            &at.key("occupancy_percent"),
            "occupancy_percent belongs to a units line (beds x saving per occupied bed x occupancy)",
        );
    }
    let realisation = found.ok(
        &at.key("realisation_percent"),
        percent(
            line.realisation_percent,
            "realisation_percent",
            Decimal::ONE_HUNDRED,
        ),
    )?;
    Some(SavingLine {
        id: line.id.clone(),
        label: line.label.clone(),
        driver,
        realisation_percent: realisation,
        proposal_realisation_percent: Decimal::ONE_HUNDRED,
        beneficiary: line
            .beneficiary
            .clone()
            .filter(|name| !name.trim().is_empty())
            .unwrap_or_else(|| "Council".into()),
        optimism_bias_percent: line.optimism_bias_percent.and_then(|n| {
            found.ok(
                &at.key("optimism_bias_percent"),
                percent(Some(n), "optimism_bias_percent", Decimal::ZERO),
            )
        }),
    })
}

fn budget_view(
    budget: &file::BudgetFile,
    savings: &[SavingFile],
    found: &mut Findings,
) -> Option<BudgetView> {
    let mut rows = Vec::new();
    let mut complete = true;
    for (index, row) in budget.rows.iter().enumerate() {
        let at = Path::root().key("budget").key("rows").index(index);
        if found
            .ok(&at.key("id"), check_id("budget row id", &row.id))
            .is_none()
        {
            complete = false;
            continue;
        }
        let saving = savings.iter().find(|line| line.id == row.id);
        let before = found.count();
        let source = match (saving, &row.per_year) {
            (Some(_), None) => Some(BudgetRowSource::SavingChange {
                line_id: row.id.clone(),
                label: row.label.clone(),
            }),
            // A budget row is a table of plan years, not months of the cashflow.
            (None, Some(per_year)) => {
                schedule(&row.first_year, per_year, "per_year", None, &at, found).map(|schedule| {
                    BudgetRowSource::Adjustment {
                        id: row.id.clone(),
                        label: row.label.clone(),
                        schedule,
                    }
                })
            }
            (Some(_), Some(_)) => {
                found.add(
                    &at.key("per_year"),
                    format!(
                        "budget row \"{}\" has the id of a saving line and its own per_year; rename one",
                        row.id
                    ),
                );
                None
            }
            (None, None) => {
                found.add(
                    &at.key("id"),
                    format!(
                        "budget row \"{}\" must name a scheduled saving line or give per_year",
                        row.id
                    ),
                );
                None
            }
        };
        found.prefix_since(before, &format!("budget row \"{}\": ", row.id));
        match source {
            Some(source) => rows.push(source),
            None => complete = false,
        }
    }
    complete.then(|| BudgetView {
        title: budget.title.clone(),
        rows,
        total_label: budget.total_label.clone(),
    })
}
