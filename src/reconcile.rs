//! Model against print: every published figure beside the model's, and where they differ.

use rust_decimal::Decimal;

use crate::model::cashflow::{Cashflow, Flows};
use crate::model::money::whole_pounds;
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
        inconsistencies: published.inconsistencies.clone(),
    }
}
