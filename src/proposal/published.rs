//! The figures a proposal's report printed, kept beside the model so the two can be compared.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::file::PublishedFile;
use crate::model::month::{FinancialYear, YearMonth};
use crate::model::Scenario;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Published {
    pub source: String,
    pub breakeven_month: Option<YearMonth>,
    pub payback_month: Option<YearMonth>,
    /// Other results the report states in words.
    pub stated: Vec<(String, String)>,
    /// Where the print disagrees with itself, in plain words.
    pub inconsistencies: Vec<String>,
    /// Series by name, one figure per month from the timeline's start.
    pub monthly: BTreeMap<String, Vec<Decimal>>,
    pub years: Vec<FinancialYear>,
    /// Series by name, one figure per entry of `years`.
    pub yearly: BTreeMap<String, Vec<Decimal>>,
    /// Budget rows by id: per plan year, and the printed total.
    pub budget: BTreeMap<String, (Vec<Decimal>, Decimal)>,
}

pub(super) fn build(raw: PublishedFile, baseline: &Scenario) -> Result<Published, String> {
    let month = |text: Option<String>, field: &str| -> Result<Option<YearMonth>, String> {
        text.map(|t| t.parse().map_err(|e| format!("published.{field}: {e}")))
            .transpose()
    };
    let mut monthly = BTreeMap::new();
    for (name, values) in raw.monthly {
        if values.len() > baseline.horizon_months as usize {
            return Err(format!(
                "published.monthly.{name} has {} months but the timeline has {}",
                values.len(),
                baseline.horizon_months
            ));
        }
        monthly.insert(name, values.into_iter().map(|n| n.0).collect());
    }
    let mut years = Vec::new();
    let mut yearly = BTreeMap::new();
    if let Some(raw_years) = raw.yearly {
        for text in &raw_years.years {
            years.push(
                text.parse::<FinancialYear>()
                    .map_err(|e| format!("published.yearly.years: {e}"))?,
            );
        }
        for (name, values) in raw_years.series {
            if values.len() != years.len() {
                return Err(format!(
                    "published.yearly.{name} has {} figures for {} years",
                    values.len(),
                    years.len()
                ));
            }
            yearly.insert(name, values.into_iter().map(|n| n.0).collect());
        }
    }
    let budget = raw
        .budget
        .into_iter()
        .map(|(id, row)| {
            (
                id,
                (row.per_year.into_iter().map(|n| n.0).collect(), row.total.0),
            )
        })
        .collect();
    Ok(Published {
        source: raw.source,
        breakeven_month: month(raw.breakeven_month, "breakeven_month")?,
        payback_month: month(raw.payback_month, "payback_month")?,
        stated: raw.stated.into_iter().map(|f| (f.label, f.value)).collect(),
        inconsistencies: raw.inconsistencies,
        monthly,
        years,
        yearly,
        budget,
    })
}
