//! The proposal file format (TOML), as written by a council officer. Every field is checked and
//! every problem is reported in words, with where it is.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer};

/// A number as written in the file: `7500`, `33333.33` or `"33333.33"`, read exactly.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number(pub Decimal);

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Written {
            Whole(i64),
            Fraction(f64),
            Text(String),
        }
        let parsed = match Written::deserialize(deserializer)? {
            Written::Whole(value) => Ok(Decimal::from(value)),
            // The shortest text that reads back as the same float is what the officer wrote.
            Written::Fraction(value) if value.is_finite() => value.to_string().parse::<Decimal>(),
            Written::Fraction(value) => {
                return Err(serde::de::Error::custom(format!(
                    "{value} is not a usable number"
                )))
            }
            Written::Text(text) => text.trim().replace(',', "").parse::<Decimal>(),
        };
        parsed
            .map(Number)
            .map_err(|_| serde::de::Error::custom("expected a number such as 7500 or 44.5"))
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProposalFile {
    /// Version of this file format; 1 is the only one so far.
    pub format: u32,
    pub id: String,
    pub name: String,
    pub council: String,
    pub summary: String,
    #[serde(default)]
    pub source: String,
    /// When the source report was published or dated ("2020-01-27").
    pub source_date: Option<String>,
    /// Where the source report can be read (a web address).
    pub source_link: Option<String>,
    /// What the starting values are: "published" (a report's figures, the default) or "example".
    pub starting_values: Option<String>,
    pub timeline: TimelineFile,
    #[serde(default)]
    pub investment: Vec<InvestmentFile>,
    #[serde(default)]
    pub saving: Vec<SavingFile>,
    #[serde(default)]
    pub after_plan_trend_percent: Option<Number>,
    pub adjustments: Option<AdjustmentsFile>,
    pub budget: Option<BudgetFile>,
    #[serde(default)]
    pub levers: BTreeMap<String, LeverFile>,
    /// Where sliders start when not at the file's own figures, by link key.
    #[serde(default)]
    pub assumptions: BTreeMap<String, Setting>,
    #[serde(default)]
    pub facts: Vec<FactFile>,
    pub published: Option<PublishedFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimelineFile {
    pub start: String,
    pub months: u32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InvestmentFile {
    pub id: String,
    pub label: String,
    pub funder: String,
    pub per_month: Option<Number>,
    pub from: Option<String>,
    pub after: Option<String>,
    pub months: Option<u32>,
    pub one_off: Option<Number>,
    pub month: Option<String>,
    pub first_year: Option<String>,
    pub per_year: Option<Vec<Number>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavingFile {
    pub id: String,
    pub label: String,
    pub realisation_percent: Option<Number>,
    pub referrals: Option<ReferralsFile>,
    pub first_year: Option<String>,
    pub per_year: Option<Vec<Number>>,
    pub change_per_year: Option<Vec<Number>>,
    pub amount_per_year: Option<Number>,
    pub from: Option<String>,
    pub ramp_months: Option<u32>,
    /// A unit-cost saving: how many (children, cases), what they are called, and what each saves.
    pub units: Option<Number>,
    pub unit_name: Option<String>,
    pub cost_per_unit_per_week: Option<Number>,
    pub cost_per_unit_per_year: Option<Number>,
    /// Share of the time a unit is in use (a bed occupied), in percent.
    pub occupancy_percent: Option<Number>,
    /// The organisation the saving lands with; the council when not given.
    pub beneficiary: Option<String>,
}

/// Adjustments on the whole proposal.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdjustmentsFile {
    /// An uplift on all investment, in percent.
    pub contingency_percent: Option<Number>,
    /// The share of all savings realised, on top of each line's own, in percent.
    pub realisation_percent: Option<Number>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferralsFile {
    pub delivery_start: String,
    pub baseline_referrals_per_year: Number,
    pub allocation_percent: Number,
    pub cost_per_case_per_year: Number,
    pub cases_per_cashable_step: u32,
    pub saving_cap_per_year: Option<Number>,
    pub case_duration_months: Option<u32>,
    #[serde(default)]
    pub period: Vec<PeriodFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeriodFile {
    #[serde(default)]
    pub label: String,
    pub monthly_profile: Vec<Number>,
    pub total: Number,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BudgetFile {
    pub title: String,
    pub total_label: String,
    pub rows: Vec<BudgetRowFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BudgetRowFile {
    /// A scheduled saving line's id, or the id of a new adjustment row.
    pub id: String,
    pub label: String,
    /// Only for adjustments: their amounts per plan year, from the first plan year.
    pub per_year: Option<Vec<Number>>,
    pub first_year: Option<String>,
}

/// Overrides for a lever's presentation and range.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LeverFile {
    pub label: Option<String>,
    pub hint: Option<String>,
    pub min: Option<Number>,
    pub max: Option<Number>,
    pub step: Option<Number>,
    /// "main" (always shown) or "more" (under "more assumptions").
    pub group: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactFile {
    pub label: String,
    pub value: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublishedFile {
    #[serde(default)]
    pub source: String,
    pub breakeven_month: Option<String>,
    pub payback_month: Option<String>,
    #[serde(default)]
    pub stated: Vec<FactFile>,
    #[serde(default)]
    pub inconsistencies: Vec<String>,
    /// Series by name ("saving", "cumulative", ...), one value per month from the timeline start.
    #[serde(default)]
    pub monthly: BTreeMap<String, Vec<Number>>,
    pub yearly: Option<PublishedYearsFile>,
    /// Budget rows by id, per plan year and total.
    #[serde(default)]
    pub budget: BTreeMap<String, PublishedBudgetRowFile>,
}

#[derive(Debug, Deserialize)]
pub struct PublishedYearsFile {
    pub years: Vec<String>,
    #[serde(flatten)]
    pub series: BTreeMap<String, Vec<Number>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublishedBudgetRowFile {
    pub per_year: Vec<Number>,
    pub total: Number,
}

/// An assumption's value as written: a number, or text (a month, "none", "44%").
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Setting {
    Number(Number),
    Text(String),
}

impl Setting {
    /// The value as a link would write it, for the lever to read.
    pub fn text(&self) -> String {
        match self {
            Setting::Number(number) => number.0.normalize().to_string(),
            Setting::Text(text) => text.clone(),
        }
    }
}
