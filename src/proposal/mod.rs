//! Proposals are data: a TOML file read into a `Scenario` plus what the page needs to present
//! it (its description, lever hints, the published figures). The presets go through the same
//! path as a council's own file.

mod file;
pub mod presets;
pub mod published;

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::model::month::{FinancialYear, YearMonth};
use crate::model::scenario::{
    BudgetRowSource, BudgetView, CostPeriod, InvestmentAmounts, InvestmentLine, MonthRef,
    ReductionPeriod, ReferralDriver, SavingDriver, SavingLine, Scenario, Schedule, UnitCost,
    MAX_HORIZON_MONTHS,
};
use file::{InvestmentFile, Number, ProposalFile, SavingFile};
pub use published::Published;

/// The largest amount of money a proposal file or a link may hold: ten billion pounds.
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(1_410_065_408, 2, 0, false, 0);

#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    pub id: String,
    pub name: String,
    pub council: String,
    pub summary: String,
    pub source: String,
    /// Whether the starting values are a report's published figures or an example to edit.
    pub starting_values: StartingValues,
    /// The scenario at the published assumptions.
    pub baseline: Scenario,
    pub lever_settings: BTreeMap<String, LeverSettings>,
    /// Other figures from the report a reader may want beside the levers.
    pub facts: Vec<(String, String)>,
    pub published: Published,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

/// How a proposal file presents a lever; anything unset falls back to the lever's default.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LeverSettings {
    pub label: Option<String>,
    pub hint: Option<String>,
    pub min: Option<Decimal>,
    pub max: Option<Decimal>,
    pub step: Option<Decimal>,
    pub more: Option<bool>,
}

/// Reads a proposal file. The error says what is wrong and where, for the officer who wrote it.
pub fn parse_proposal(text: &str) -> Result<Proposal, String> {
    let raw: ProposalFile = toml::from_str(text).map_err(|error| {
        format!(
            "The proposal file could not be read: {}",
            error.to_string().trim()
        )
    })?;
    build(raw)
}

fn build(raw: ProposalFile) -> Result<Proposal, String> {
    if raw.format != 1 {
        return Err(format!(
            "format = {} is not a proposal file format this calculator knows (it reads format = 1)",
            raw.format
        ));
    }
    check_id("id", &raw.id)?;
    let start = month(&raw.timeline.start, "timeline.start")?;
    if raw.timeline.months == 0 || raw.timeline.months > MAX_HORIZON_MONTHS {
        return Err(format!(
            "timeline.months must be between 1 and {MAX_HORIZON_MONTHS}; it is {}",
            raw.timeline.months
        ));
    }

    let mut investments = Vec::new();
    for line in &raw.investment {
        investments.push(investment(line).map_err(|e| format!("investment \"{}\": {e}", line.id))?);
    }
    let mut savings = Vec::new();
    for line in &raw.saving {
        savings.push(saving(line).map_err(|e| format!("saving \"{}\": {e}", line.id))?);
    }
    check_unique_ids(&investments, &savings)?;
    for line in &investments {
        if let InvestmentAmounts::Monthly {
            from: MonthRef::After(other),
            ..
        } = &line.amounts
        {
            let found = investments.iter().find(|l| l.id == *other);
            match found.map(|l| &l.amounts) {
                Some(InvestmentAmounts::Monthly {
                    from: MonthRef::Month(_),
                    months: Some(_),
                    ..
                }) => {}
                _ => {
                    return Err(format!(
                        "investment \"{}\": after = \"{other}\" must name a monthly investment line with a fixed start and a number of months",
                        line.id
                    ))
                }
            }
        }
    }
    let referral_lines = savings
        .iter()
        .filter(|l| matches!(l.driver, SavingDriver::Referrals(_)))
        .count();
    if referral_lines > 1 {
        return Err("only one saving line may use the referral-reduction driver".into());
    }

    let budget = raw
        .budget
        .as_ref()
        .map(|budget| budget_view(budget, &savings))
        .transpose()?;
    let after_plan_trend_percent = raw
        .after_plan_trend_percent
        .map(|n| {
            bounded(
                n,
                "after_plan_trend_percent",
                Decimal::ZERO,
                Decimal::from(1000),
            )
        })
        .transpose()?
        .unwrap_or(Decimal::ZERO);

    let baseline = Scenario {
        start,
        horizon_months: raw.timeline.months,
        investments,
        savings,
        after_plan_trend_percent,
        budget,
    };

    let mut lever_settings = BTreeMap::new();
    for (key, lever) in raw.levers {
        let more = match lever.group.as_deref() {
            None => None,
            Some("main") => Some(false),
            Some("more") => Some(true),
            Some(other) => {
                return Err(format!(
                    "levers.{key}.group is \"{other}\"; it must be \"main\" or \"more\""
                ))
            }
        };
        lever_settings.insert(
            key,
            LeverSettings {
                label: lever.label,
                hint: lever.hint,
                min: lever.min.map(|n| n.0),
                max: lever.max.map(|n| n.0),
                step: lever.step.map(|n| n.0),
                more,
            },
        );
    }

    let starting_values = match raw.starting_values.as_deref() {
        None | Some("published") => StartingValues::Published,
        Some("example") => StartingValues::Example,
        Some(other) => {
            return Err(format!(
                "starting_values is \"{other}\"; it must be \"published\" or \"example\""
            ))
        }
    };
    let published = published::build(raw.published.unwrap_or_default(), &baseline)?;
    let proposal = Proposal {
        id: raw.id,
        name: raw.name,
        council: raw.council,
        summary: raw.summary.trim().to_string(),
        source: raw.source,
        starting_values,
        baseline,
        lever_settings,
        facts: raw.facts.into_iter().map(|f| (f.label, f.value)).collect(),
        published,
    };
    check_levers(&proposal)?;
    Ok(proposal)
}

/// Every lever needs its own link key, and every `[levers.<key>]` table must name a lever.
fn check_levers(proposal: &Proposal) -> Result<(), String> {
    let levers = crate::codec::levers(proposal);
    for (index, lever) in levers.iter().enumerate() {
        if levers[..index].iter().any(|other| other.key == lever.key) {
            return Err(format!(
                "two assumptions would share the link key \"{}\"; give the lines and budget rows different ids",
                lever.key
            ));
        }
    }
    for key in proposal.lever_settings.keys() {
        if !levers.iter().any(|lever| lever.key == *key) {
            let known: Vec<&str> = levers.iter().map(|l| l.key.as_str()).collect();
            return Err(format!(
                "[levers.\"{key}\"] names no assumption of this proposal; its assumptions are {}",
                known.join(", ")
            ));
        }
    }
    Ok(())
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

fn check_unique_ids(investments: &[InvestmentLine], savings: &[SavingLine]) -> Result<(), String> {
    let mut seen: Vec<&str> = Vec::new();
    let ids = investments.iter().map(|l| l.id.as_str());
    for id in ids.chain(savings.iter().map(|l| l.id.as_str())) {
        check_id("id", id)?;
        if seen.contains(&id) {
            return Err(format!("the id \"{id}\" is used by more than one line"));
        }
        seen.push(id);
    }
    Ok(())
}

fn month(text: &str, field: &str) -> Result<YearMonth, String> {
    text.parse().map_err(|e| format!("{field}: {e}"))
}

fn year(text: &str, field: &str) -> Result<FinancialYear, String> {
    text.parse().map_err(|e| format!("{field}: {e}"))
}

fn bounded(number: Number, field: &str, min: Decimal, max: Decimal) -> Result<Decimal, String> {
    if number.0 < min || number.0 > max {
        Err(format!(
            "{field} must be between {min} and {max}; it is {}",
            number.0
        ))
    } else {
        Ok(number.0)
    }
}

fn amount(number: Number, field: &str) -> Result<Decimal, String> {
    bounded(number, field, -MAX_AMOUNT, MAX_AMOUNT)
}

fn amounts(numbers: &[Number], field: &str) -> Result<Vec<Decimal>, String> {
    if numbers.is_empty() || numbers.len() > 60 {
        return Err(format!("{field} must list between 1 and 60 yearly amounts"));
    }
    numbers.iter().map(|n| amount(*n, field)).collect()
}

fn percent(number: Option<Number>, field: &str) -> Result<Decimal, String> {
    number
        .map(|n| bounded(n, field, Decimal::ZERO, Decimal::from(1000)))
        .unwrap_or(Ok(Decimal::ONE_HUNDRED))
}

fn schedule(first_year: &Option<String>, per_year: &[Number]) -> Result<Schedule, String> {
    let first_year = first_year
        .as_deref()
        .ok_or("per_year needs first_year, e.g. first_year = \"2020/21\"")?;
    Ok(Schedule {
        first_year: year(first_year, "first_year")?,
        amounts_per_year: amounts(per_year, "per_year")?,
        scale_percent: Decimal::ONE_HUNDRED,
    })
}

fn investment(line: &InvestmentFile) -> Result<InvestmentLine, String> {
    let kinds = [
        line.per_month.is_some(),
        line.one_off.is_some(),
        line.per_year.is_some(),
    ];
    if kinds.iter().filter(|k| **k).count() != 1 {
        return Err("give exactly one of per_month, one_off or per_year".into());
    }
    let amounts = if let Some(per_month) = line.per_month {
        let from = match (&line.from, &line.after) {
            (Some(from), None) => MonthRef::Month(month(from, "from")?),
            (None, Some(after)) => MonthRef::After(after.clone()),
            _ => {
                return Err(
                    "a per_month line needs either from = \"YYYY-MM\" or after = \"<line id>\""
                        .into(),
                )
            }
        };
        if line.months.is_some_and(|m| m > MAX_HORIZON_MONTHS) {
            return Err(format!("months must be at most {MAX_HORIZON_MONTHS}"));
        }
        InvestmentAmounts::Monthly {
            per_month: amount(per_month, "per_month")?,
            from,
            months: line.months,
        }
    } else if let Some(one_off) = line.one_off {
        let paid = line
            .month
            .as_deref()
            .ok_or("a one_off line needs month = \"YYYY-MM\"")?;
        InvestmentAmounts::OneOff {
            amount: amount(one_off, "one_off")?,
            month: month(paid, "month")?,
        }
    } else {
        InvestmentAmounts::PerYear(schedule(
            &line.first_year,
            line.per_year.as_deref().unwrap_or_default(),
        )?)
    };
    Ok(InvestmentLine {
        id: line.id.clone(),
        label: line.label.clone(),
        funder: line.funder.clone(),
        amounts,
    })
}

fn saving(line: &SavingFile) -> Result<SavingLine, String> {
    let kinds = [
        line.referrals.is_some(),
        line.per_year.is_some(),
        line.change_per_year.is_some(),
        line.amount_per_year.is_some(),
        line.units.is_some(),
    ];
    if kinds.iter().filter(|k| **k).count() != 1 {
        return Err(
            "give exactly one of [saving.referrals], per_year, change_per_year, amount_per_year or units"
                .into(),
        );
    }
    let driver = if let Some(referrals) = &line.referrals {
        let mut periods = Vec::new();
        for (index, period) in referrals.period.iter().enumerate() {
            let field = format!("referrals.period {}", index + 1);
            if period.monthly_profile.is_empty() || period.monthly_profile.len() > 120 {
                return Err(format!(
                    "{field}: monthly_profile must list between 1 and 120 months"
                ));
            }
            let profile: Vec<Decimal> = period
                .monthly_profile
                .iter()
                .map(|n| bounded(*n, &field, Decimal::ZERO, Decimal::from(1_000_000)))
                .collect::<Result<_, _>>()?;
            let total = bounded(
                period.total,
                &field,
                Decimal::ZERO,
                Decimal::from(1_000_000),
            )?;
            if profile.iter().all(|p| p.is_zero()) && !total.is_zero() {
                return Err(format!(
                    "{field}: a profile of zeros cannot add up to {total}"
                ));
            }
            periods.push(ReductionPeriod {
                label: period.label.clone(),
                monthly_profile: profile,
                total_reduction: total,
            });
        }
        if referrals.cases_per_cashable_step == 0 {
            return Err("referrals.cases_per_cashable_step must be at least 1".into());
        }
        SavingDriver::Referrals(ReferralDriver {
            delivery_start: month(&referrals.delivery_start, "referrals.delivery_start")?,
            baseline_referrals_per_year: bounded(
                referrals.baseline_referrals_per_year,
                "referrals.baseline_referrals_per_year",
                Decimal::ZERO,
                Decimal::from(10_000_000),
            )?,
            periods,
            reduction_percent_of_plan: Decimal::ONE_HUNDRED,
            allocation_percent: bounded(
                referrals.allocation_percent,
                "referrals.allocation_percent",
                Decimal::ZERO,
                Decimal::ONE_HUNDRED,
            )?,
            cost_per_case_per_year: bounded(
                referrals.cost_per_case_per_year,
                "referrals.cost_per_case_per_year",
                Decimal::ZERO,
                MAX_AMOUNT,
            )?,
            cases_per_cashable_step: referrals.cases_per_cashable_step,
            saving_cap_per_year: referrals
                .saving_cap_per_year
                .map(|n| bounded(n, "referrals.saving_cap_per_year", Decimal::ZERO, MAX_AMOUNT))
                .transpose()?,
            case_duration_months: match referrals.case_duration_months {
                Some(0) => return Err("referrals.case_duration_months must be at least 1 (leave it out for cases that stay open)".into()),
                other => other,
            },
        })
    } else if let Some(per_year) = &line.per_year {
        SavingDriver::Scheduled(schedule(&line.first_year, per_year)?)
    } else if let Some(changes) = &line.change_per_year {
        // Printed as year-on-year changes (as Trafford's summary is): the level is their running sum.
        let mut level = Decimal::ZERO;
        let levels: Vec<Number> = amounts(changes, "change_per_year")?
            .into_iter()
            .map(|change| {
                level += change;
                Number(level)
            })
            .collect();
        SavingDriver::Scheduled(schedule(&line.first_year, &levels)?)
    } else if let Some(units) = line.units {
        let (cost, cost_period) = match (line.cost_per_unit_per_week, line.cost_per_unit_per_year) {
            (Some(cost), None) => (cost, CostPeriod::Week),
            (None, Some(cost)) => (cost, CostPeriod::Year),
            _ => {
                return Err(
                    "units needs one of cost_per_unit_per_week or cost_per_unit_per_year".into(),
                )
            }
        };
        let from = line
            .from
            .as_deref()
            .ok_or("units needs from = \"YYYY-MM\"")?;
        SavingDriver::UnitCost(UnitCost {
            units: bounded(units, "units", Decimal::ZERO, Decimal::from(1_000_000))?,
            unit_name: line.unit_name.clone().unwrap_or_else(|| "number".into()),
            cost_per_unit: bounded(cost, "cost per unit", Decimal::ZERO, MAX_AMOUNT)?,
            cost_period,
            from: month(from, "from")?,
            ramp_months: line.ramp_months.unwrap_or(0).min(MAX_HORIZON_MONTHS),
        })
    } else {
        let from = line
            .from
            .as_deref()
            .ok_or("amount_per_year needs from = \"YYYY-MM\"")?;
        SavingDriver::Recurring {
            per_year: amount(
                line.amount_per_year.unwrap_or(Number(Decimal::ZERO)),
                "amount_per_year",
            )?,
            from: month(from, "from")?,
            ramp_months: line.ramp_months.unwrap_or(0).min(MAX_HORIZON_MONTHS),
        }
    };
    Ok(SavingLine {
        id: line.id.clone(),
        label: line.label.clone(),
        driver,
        realisation_percent: percent(line.realisation_percent, "realisation_percent")?,
    })
}

fn budget_view(budget: &file::BudgetFile, savings: &[SavingLine]) -> Result<BudgetView, String> {
    let mut rows = Vec::new();
    for row in &budget.rows {
        check_id("budget row id", &row.id)?;
        let saving = savings.iter().find(|line| line.id == row.id);
        let source = match (saving, &row.per_year) {
            (Some(_), None) => BudgetRowSource::SavingChange {
                line_id: row.id.clone(),
                label: row.label.clone(),
            },
            (None, Some(per_year)) => BudgetRowSource::Adjustment {
                id: row.id.clone(),
                label: row.label.clone(),
                schedule: schedule(&row.first_year, per_year)
                    .map_err(|e| format!("budget row \"{}\": {e}", row.id))?,
            },
            (Some(_), Some(_)) => {
                return Err(format!(
                "budget row \"{}\" has the id of a saving line and its own per_year; rename one",
                row.id
            ))
            }
            (None, None) => {
                return Err(format!(
                    "budget row \"{}\" must name a scheduled saving line or give per_year",
                    row.id
                ))
            }
        };
        rows.push(source);
    }
    Ok(BudgetView {
        title: budget.title.clone(),
        rows,
        total_label: budget.total_label.clone(),
    })
}
