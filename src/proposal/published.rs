//! The figures a proposal's report printed, kept beside the model so the two can be compared.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::check::{Findings, Path};
use super::file::PublishedFile;
use crate::model::month::{FinancialYear, YearMonth};
use crate::model::Scenario;

#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, Default, PartialEq, Eq)]
pub struct Published {
    pub source: String,
    pub breakeven_month: Option<YearMonth>,
    pub payback_month: Option<YearMonth>,
    /// The payback period as printed in years ("4.1 years"), from the timeline's first month;
    /// the model's is compared at the same number of decimal places.
    pub payback_years: Option<Decimal>,
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

impl Published {
    /// Whether the file gives any printed figure or result to set beside the model's.
    pub fn prints_anything(&self) -> bool {
        !self.monthly.is_empty()
            || !self.yearly.is_empty()
            || !self.budget.is_empty()
            || self.breakeven_month.is_some()
            || self.payback_month.is_some()
            || self.payback_years.is_some()
    }
}

/// Reads the printed figures; problems are noted at their keys. Where the print contradicts
/// itself (a budget row whose total is not the sum of its years, say) is the reconciliation's
/// business, not a problem: a report may, and the check says where.
pub(super) fn build(raw: PublishedFile, baseline: &Scenario, found: &mut Findings) -> Published {
    let at = Path::root().key("published");
    let last = baseline
        .start
        .plus_months(baseline.horizon_months.max(1) as i32 - 1);
    let mut month = |text: Option<String>, field: &str| -> Option<YearMonth> {
        let parsed = text
            .map(|t| {
                t.parse::<YearMonth>()
                    .map_err(|e| format!("published.{field}: {e}"))
                    .and_then(|m| {
                        if m < baseline.start || m > last {
                            Err(format!(
                                "published.{field} = \"{m}\" is outside the timeline, which runs from {} to {}",
                                baseline.start.long_name(),
                                last.long_name()
                            ))
                        } else {
                            Ok(m)
                        }
                    })
            })
            .transpose();
        found.ok(&at.key(field), parsed).flatten()
    };
    // The series and rows the model can place, for telling a misspelt name.
    let cashflow = crate::model::run(baseline);
    let mut series_names: Vec<String> = ["investment", "saving", "net", "cumulative"]
        .map(String::from)
        .to_vec();
    series_names.extend(cashflow.funders.iter().map(|f| format!("investment:{f}")));
    let known_series = |name: &str, at: &Path, found: &mut Findings| {
        if !series_names.iter().any(|known| known == name) {
            let suggestion = super::check::nearest(name, series_names.iter().map(String::as_str))
                .map(|n| format!("did you mean \"{n}\"? "))
                .unwrap_or_default();
            found.add(
                at,
                format!(
                    "the model has no series \"{name}\"; {suggestion}The series are {}",
                    series_names.join(", ")
                ),
            );
        }
    };
    let breakeven_month = month(raw.breakeven_month, "breakeven_month");
    let payback_month = month(raw.payback_month, "payback_month");
    let longest_years = Decimal::from(crate::model::scenario::MAX_HORIZON_MONTHS / 12);
    let payback_years = raw.payback_years.and_then(|years| {
        let in_range = years.0 > Decimal::ZERO && years.0 <= longest_years;
        found.ok(
            &at.key("payback_years"),
            in_range.then_some(years.0).ok_or_else(|| {
                format!(
                    "published.payback_years = {} must be above 0 and at most {longest_years} (the longest timeline)",
                    years.0.normalize()
                )
            }),
        )
    });
    let mut monthly = BTreeMap::new();
    for (name, values) in raw.monthly {
        if values.len() > baseline.horizon_months as usize {
            found.add(
                &at.key("monthly").key(&name),
                format!(
                    "published.monthly.{name} has {} months but the timeline has {}",
                    values.len(),
                    baseline.horizon_months
                ),
            );
        }
        known_series(&name, &at.key("monthly").key(&name), found);
        monthly.insert(name, values.into_iter().map(|n| n.0).collect());
    }
    let mut years = Vec::new();
    let mut yearly = BTreeMap::new();
    if let Some(raw_years) = raw.yearly {
        let here = at.key("yearly");
        for text in &raw_years.years {
            if let Some(year) = found.ok(
                &here.key("years"),
                text.parse::<FinancialYear>()
                    .map_err(|e| format!("published.yearly.years: {e}")),
            ) {
                years.push(year);
            }
        }
        for (name, values) in raw_years.series {
            if values.len() != raw_years.years.len() {
                found.add(
                    &here.key(&name),
                    format!(
                        "published.yearly.{name} has {} figures for {} years",
                        values.len(),
                        raw_years.years.len()
                    ),
                );
            }
            known_series(&name, &here.key(&name), found);
            yearly.insert(name, values.into_iter().map(|n| n.0).collect());
        }
    }
    let row_ids: Vec<String> = cashflow
        .budget
        .as_ref()
        .map(|table| table.rows().map(|row| row.id.clone()).collect())
        .unwrap_or_default();
    let mut budget = BTreeMap::new();
    for (id, row) in raw.budget {
        if !row_ids.contains(&id) {
            let message = match super::check::nearest(&id, row_ids.iter().map(String::as_str)) {
                Some(near) => format!(
                    "the budget table has no row \"{id}\"; did you mean \"{near}\"? Its rows are {}",
                    row_ids.join(", ")
                ),
                None => format!(
                    "published.budget.{id}: a printed budget row needs a [budget] table to compare it with"
                ),
            };
            found.add(&at.key("budget").key(&id), message);
        }
        let per_year: Vec<Decimal> = row.per_year.into_iter().map(|n| n.0).collect();
        budget.insert(id, (per_year, row.total.0));
    }
    Published {
        source: raw.source,
        breakeven_month,
        payback_month,
        payback_years,
        stated: raw.stated.into_iter().map(|f| (f.label, f.value)).collect(),
        inconsistencies: raw.inconsistencies,
        monthly,
        years,
        yearly,
        budget,
    }
}
