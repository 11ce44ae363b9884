//! Model against print: every published figure beside the model's, and where they differ.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::model::cashflow::{Cashflow, Flows};
use crate::model::money::{format_money, group_decimal, whole_pounds};
use crate::model::scenario::SavingDriver;
use crate::model::YearMonth;
use crate::proposal::Proposal;

#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// "saving", "investment:Council", "council_funding_required", ...
    pub series: String,
    /// "2024-05", "2024/25", "2022/23" or "Total".
    pub period: String,
    pub published: Decimal,
    /// Rounded to whole pounds, as the print is.
    pub model: Decimal,
}

impl Comparison {
    pub fn matches(&self) -> bool {
        self.published == self.model
    }

    /// Whether the two differ by more than a pound, the print's rounding: what `calc check`
    /// and the JSON count as a difference.
    pub fn differs(&self) -> bool {
        (self.model - self.published).abs() > A_POUND
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Reconciliation {
    pub monthly: Vec<Comparison>,
    pub yearly: Vec<Comparison>,
    pub budget: Vec<Comparison>,
    pub published_breakeven: Option<YearMonth>,
    pub model_breakeven: Option<YearMonth>,
    pub published_payback: Option<YearMonth>,
    pub model_payback: Option<YearMonth>,
    /// The payback period in years, as printed, and the model's at the same decimal places.
    pub published_payback_years: Option<Decimal>,
    pub model_payback_years: Option<Decimal>,
    /// The print's own inconsistencies, in words.
    pub inconsistencies: Vec<String>,
}

impl Reconciliation {
    pub fn all(&self) -> impl Iterator<Item = &Comparison> {
        self.monthly.iter().chain(&self.yearly).chain(&self.budget)
    }

    pub fn differences(&self) -> impl Iterator<Item = &Comparison> {
        self.all().filter(|c| !c.matches())
    }

    /// The results the report prints as a month or a number of years, beside the model's, in
    /// the order reports give them; only those the file gives.
    pub fn printed_results(&self) -> Vec<PrintedResult> {
        let month = |m: Option<YearMonth>| m.map_or("none".to_string(), |m| m.long_name());
        let years = |y: Option<Decimal>| match y {
            None => "none".to_string(),
            Some(y) if y == Decimal::ONE && y.scale() == 0 => "1 year".to_string(),
            Some(y) => format!("{y} years"),
        };
        // Each in words; the words differ exactly when the results do (a month has one name,
        // and the model's years are written at the printed figure's decimal places).
        let result = |name, printed: Option<String>, model: String| {
            printed.map(|printed| PrintedResult {
                name,
                differs: printed != model,
                printed,
                model,
            })
        };
        [
            result(
                "In-month breakeven",
                self.published_breakeven.map(|m| m.long_name()),
                month(self.model_breakeven),
            ),
            result(
                "Payback",
                self.published_payback.map(|m| m.long_name()),
                month(self.model_payback),
            ),
            result(
                "Payback in years",
                self.published_payback_years.map(|y| years(Some(y))),
                years(self.model_payback_years),
            ),
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

/// A result printed in words (a month, a number of years) beside the model's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintedResult {
    /// "Payback", "In-month breakeven", "Payback in years".
    pub name: &'static str,
    pub printed: String,
    pub model: String,
    pub differs: bool,
}

fn funder_share(funders: &[String], by_funder: &[Decimal], name: &str) -> Option<Decimal> {
    let index = funders.iter().position(|f| f == name)?;
    by_funder.get(index).copied()
}

fn value(cashflow: &Cashflow, flows: &Flows, series: &str) -> Option<Decimal> {
    match series {
        "investment" => Some(flows.investment),
        "saving" => Some(flows.saving),
        "net" => Some(flows.net),
        "cumulative" => Some(flows.cumulative),
        other => funder_share(
            &cashflow.funders,
            &flows.investment_by_funder,
            other.strip_prefix("investment:")?,
        ),
    }
}

/// Compares a cashflow of the proposal (normally at its published assumptions) with the print.
/// Figures the model cannot place (a month beyond the horizon, an unknown series) count as zero.
pub fn reconcile(proposal: &Proposal, cashflow: &Cashflow) -> Reconciliation {
    let published = &proposal.published;
    let mut monthly = Vec::new();
    for (series, values) in &published.monthly {
        for (index, printed) in values.iter().enumerate() {
            let row = cashflow.months.get(index);
            monthly.push(Comparison {
                series: series.clone(),
                period: row.map(|r| r.month.to_string()).unwrap_or_else(|| {
                    proposal
                        .baseline
                        .start
                        .plus_months(index as i32)
                        .to_string()
                }),
                published: *printed,
                model: whole_pounds(
                    row.and_then(|r| value(cashflow, r, series))
                        .unwrap_or_default(),
                ),
            });
        }
    }
    let mut yearly = Vec::new();
    for (series, values) in &published.yearly {
        for (year, printed) in published.years.iter().zip(values) {
            let row = cashflow.years.iter().find(|r| r.year == *year);
            yearly.push(Comparison {
                series: series.clone(),
                period: year.to_string(),
                published: *printed,
                model: whole_pounds(
                    row.and_then(|r| value(cashflow, r, series))
                        .unwrap_or_default(),
                ),
            });
        }
    }
    let mut budget = Vec::new();
    if let Some(table) = &cashflow.budget {
        for (id, (per_year, total)) in &published.budget {
            let row = table.rows().find(|r| r.id == *id);
            for (index, printed) in per_year.iter().enumerate() {
                budget.push(Comparison {
                    series: id.clone(),
                    period: table
                        .years
                        .get(index)
                        .map(|y| y.to_string())
                        .unwrap_or_default(),
                    published: *printed,
                    model: whole_pounds(
                        row.and_then(|r| r.per_year.get(index).copied())
                            .unwrap_or_default(),
                    ),
                });
            }
            budget.push(Comparison {
                series: id.clone(),
                period: "Total".into(),
                published: *total,
                model: whole_pounds(row.map(|r| r.total).unwrap_or_default()),
            });
        }
    }
    Reconciliation {
        monthly,
        yearly,
        budget,
        published_breakeven: published.breakeven_month,
        model_breakeven: cashflow.results.breakeven_month,
        published_payback: published.payback_month,
        model_payback: cashflow.results.payback.month(),
        published_payback_years: published.payback_years,
        model_payback_years: published
            .payback_years
            .and_then(|printed| cashflow.payback_years(printed.scale())),
        inconsistencies: published.inconsistencies.clone(),
    }
}

/// A pound either way is rounding: the print shows whole pounds.
const A_POUND: Decimal = Decimal::ONE;

/// A place where the print contradicts itself: a figure that is not what its parts add up to.
#[derive(Debug, Clone, PartialEq)]
pub struct Contradiction {
    /// "cumulative", "saving", "referral reduction", ...
    pub series: String,
    /// "2024-05", "2024/25".
    pub period: String,
    pub printed: Decimal,
    /// What the print's own parts give.
    pub parts: Decimal,
    /// How the parts are added, in words.
    pub rule: String,
    /// What the figures count: money, or referrals.
    pub unit: PrintedUnit,
}

/// What a printed figure counts, for saying it: "£4,017,217" or "110 referrals".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrintedUnit {
    Pounds,
    Referrals,
}

impl PrintedUnit {
    /// A stable name for exports.
    pub fn name(self) -> &'static str {
        match self {
            PrintedUnit::Pounds => "pounds",
            PrintedUnit::Referrals => "referrals",
        }
    }

    pub fn say(self, figure: Decimal) -> String {
        match self {
            PrintedUnit::Pounds => format_money(figure),
            PrintedUnit::Referrals => group_decimal(figure.normalize()),
        }
    }
}

impl Contradiction {
    pub fn describe(&self) -> String {
        format!(
            "{} {}: printed {}, but {} gives {}",
            self.series,
            self.period,
            self.unit.say(self.printed),
            self.rule,
            self.unit.say(self.parts)
        )
    }
}

/// A period's printed investment: the `investment` series, or the sum of `investment:<funder>`.
fn printed_investment(series: &BTreeMap<String, Vec<Decimal>>, index: usize) -> Option<Decimal> {
    if let Some(values) = series.get("investment") {
        return values.get(index).copied();
    }
    let shares: Vec<Decimal> = series
        .iter()
        .filter(|(name, _)| name.starts_with("investment:"))
        .filter_map(|(_, values)| values.get(index).copied())
        .collect();
    (!shares.is_empty()).then(|| shares.iter().sum())
}

/// Net against saving less investment, and each cumulative against the one before plus net,
/// period by period, allowing `slack` for rounding.
fn check_series(
    series: &BTreeMap<String, Vec<Decimal>>,
    periods: &[String],
    found: &mut Vec<Contradiction>,
) {
    let net = series.get("net");
    for (index, period) in periods.iter().enumerate() {
        let saving = series.get("saving").and_then(|v| v.get(index));
        let investment = printed_investment(series, index);
        if let (Some(net), Some(saving), Some(investment)) =
            (net.and_then(|v| v.get(index)), saving, investment)
        {
            let parts = saving - investment;
            if (parts - net).abs() > A_POUND {
                found.push(Contradiction {
                    series: "net".into(),
                    period: period.clone(),
                    printed: *net,
                    parts,
                    rule: "saving less investment".into(),
                    unit: PrintedUnit::Pounds,
                });
            }
        }
        let cumulative = series.get("cumulative");
        if let (Some(printed), Some(net)) = (
            cumulative.and_then(|v| v.get(index)),
            net.and_then(|v| v.get(index)),
        ) {
            let before = match index {
                0 => Some(Decimal::ZERO),
                _ => cumulative.and_then(|v| v.get(index - 1)).copied(),
            };
            if let Some(before) = before {
                let parts = before + net;
                if (parts - printed).abs() > A_POUND {
                    found.push(Contradiction {
                        series: "cumulative".into(),
                        period: period.clone(),
                        printed: *printed,
                        parts,
                        rule: "the cumulative before it plus net".into(),
                        unit: PrintedUnit::Pounds,
                    });
                }
            }
        }
    }
}

/// Every place where the printed figures contradict themselves: a net that is not saving less
/// investment, a cumulative that is not the running sum of net, a year that is not the sum of
/// its printed months (allowing £1 for each figure added, for rounding), a referral period whose
/// months do not add up to its total.
pub fn contradictions(proposal: &Proposal) -> Vec<Contradiction> {
    let published = &proposal.published;
    let start = proposal.baseline.start;
    let mut found = Vec::new();
    for line in &proposal.baseline.savings {
        if let SavingDriver::Referrals(driver) = &line.driver {
            for (index, period) in driver.periods.iter().enumerate() {
                let parts: Decimal = period.monthly_profile.iter().sum();
                if parts != period.total_reduction {
                    found.push(Contradiction {
                        series: "referral reduction".into(),
                        period: if period.label.is_empty() {
                            format!("period {}", index + 1)
                        } else {
                            period.label.clone()
                        },
                        printed: period.total_reduction,
                        parts,
                        rule: "adding up its printed months (the model spreads the total in their shape)".into(),
                        unit: PrintedUnit::Referrals,
                    });
                }
            }
        }
    }
    let months: Vec<String> = (0..published.monthly.values().map(Vec::len).max().unwrap_or(0))
        .map(|index| start.plus_months(index as i32).to_string())
        .collect();
    check_series(&published.monthly, &months, &mut found);
    let years: Vec<String> = published.years.iter().map(|y| y.to_string()).collect();
    check_series(&published.yearly, &years, &mut found);
    // A printed year against its printed months, where the print has every month of the year.
    for (name, values) in &published.yearly {
        let Some(monthly) = published.monthly.get(name) else {
            continue;
        };
        for (year, printed) in published.years.iter().zip(values) {
            let horizon = proposal.baseline.horizon_months as i32;
            let offsets: Vec<i32> = (0..12)
                .map(|m| start.months_until(year.first_month().plus_months(m)))
                .filter(|offset| (0..horizon).contains(offset))
                .collect();
            if offsets.iter().any(|o| *o as usize >= monthly.len()) {
                continue;
            }
            let Some(last) = offsets.last() else {
                continue;
            };
            let (parts, slack, rule) = if name == "cumulative" {
                (
                    monthly[*last as usize],
                    A_POUND,
                    "the printed cumulative at the year's last month".to_string(),
                )
            } else {
                (
                    offsets.iter().map(|o| monthly[*o as usize]).sum(),
                    Decimal::from(offsets.len()),
                    format!("adding up its {} printed months", offsets.len()),
                )
            };
            if (parts - printed).abs() > slack {
                found.push(Contradiction {
                    series: name.clone(),
                    period: year.to_string(),
                    printed: *printed,
                    parts,
                    rule,
                    unit: PrintedUnit::Pounds,
                });
            }
        }
    }
    budget_contradictions(proposal, &mut found);
    found
}

/// The printed budget table against itself: each row's total against its years, and year by
/// year the grand total against its workstreams, the year-on-year investment against the grand
/// total's growth, and the funding required against the year-on-year investment plus the other
/// rows.
fn budget_contradictions(proposal: &Proposal, found: &mut Vec<Contradiction>) {
    let printed = &proposal.published.budget;
    if printed.is_empty() {
        return;
    }
    let years: Vec<String> = crate::model::run(&proposal.baseline)
        .budget
        .map(|table| table.years.iter().map(|y| y.to_string()).collect())
        .unwrap_or_default();
    // Each row's printed total against its printed years, a pound a year for rounding.
    for (id, (per_year, total)) in printed {
        let parts: Decimal = per_year.iter().sum();
        if (parts - total).abs() > Decimal::from(per_year.len().max(1)) {
            found.push(Contradiction {
                series: id.clone(),
                period: "Total".into(),
                printed: *total,
                parts,
                rule: "adding up its years".into(),
                unit: PrintedUnit::Pounds,
            });
        }
    }
    let row = |id: &str| printed.get(id).map(|(per_year, _)| per_year);
    let workstreams: Vec<&Vec<Decimal>> = printed
        .iter()
        .filter(|(id, _)| id.starts_with("workstream."))
        .map(|(_, (per_year, _))| per_year)
        .collect();
    let totals = [
        "grand_total",
        "year_on_year_investment",
        "council_funding_required",
    ];
    let others: Vec<&Vec<Decimal>> = printed
        .iter()
        .filter(|(id, _)| !id.starts_with("workstream.") && !totals.contains(&id.as_str()))
        .map(|(_, (per_year, _))| per_year)
        .collect();
    let sum = |rows: &[&Vec<Decimal>], index: usize| -> Option<Decimal> {
        rows.iter().map(|r| r.get(index).copied()).sum()
    };
    let mut check = |series: &str,
                     index: usize,
                     printed: Option<&Decimal>,
                     parts: Option<Decimal>,
                     count: usize,
                     rule: &str| {
        if let (Some(printed), Some(parts)) = (printed, parts) {
            if (parts - printed).abs() > Decimal::from(count.max(1)) {
                found.push(Contradiction {
                    series: series.into(),
                    period: years
                        .get(index)
                        .cloned()
                        .unwrap_or_else(|| format!("plan year {}", index + 1)),
                    printed: *printed,
                    parts,
                    rule: rule.into(),
                    unit: PrintedUnit::Pounds,
                });
            }
        }
    };
    let length = printed
        .values()
        .map(|(per_year, _)| per_year.len())
        .max()
        .unwrap_or(0);
    for index in 0..length {
        let grand_total = row("grand_total");
        if !workstreams.is_empty() {
            check(
                "grand_total",
                index,
                grand_total.and_then(|r| r.get(index)),
                sum(&workstreams, index),
                workstreams.len(),
                "adding up its workstreams",
            );
        }
        let growth = grand_total.and_then(|r| {
            let this = r.get(index)?;
            let before = match index {
                0 => Decimal::ZERO,
                _ => *r.get(index - 1)?,
            };
            Some(this - before)
        });
        let year_on_year = row("year_on_year_investment");
        check(
            "year_on_year_investment",
            index,
            year_on_year.and_then(|r| r.get(index)),
            growth,
            2,
            "the grand total less the year before's",
        );
        let funding = year_on_year
            .and_then(|r| r.get(index))
            .and_then(|yoy| Some(yoy + sum(&others, index)?));
        check(
            "council_funding_required",
            index,
            row("council_funding_required").and_then(|r| r.get(index)),
            funding,
            others.len() + 1,
            "the year-on-year investment plus the rows after it",
        );
    }
}
