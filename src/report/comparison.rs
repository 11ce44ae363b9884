//! Scenarios side by side in words: one row a figure, one column a scenario, the same in
//! `calc --table comparison`, the JSON and the page.

use crate::analysis::comparison::Compared;
use crate::analysis::words::{passing_values, question_words};
use crate::levers::Lever;
use crate::model::money::format_pounds;
use crate::model::Scenario;

use super::text::chance_words;
use super::{payback_words, repaid_sentences, return_on_investment};

/// A row of the comparison: one figure of each scenario.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ComparedRow {
    /// The assumptions that differ from the scenario on the page.
    Differs,
    Invested,
    Saved,
    NetReturn,
    ReturnOnInvestment,
    Payback,
    /// When each funder a repayment repays has its money back.
    Repaid,
    /// The chance of paying back by the target month, from the uncertainty run.
    Chance,
}

impl ComparedRow {
    pub const ALL: [ComparedRow; 8] = [
        ComparedRow::Differs,
        ComparedRow::Invested,
        ComparedRow::Saved,
        ComparedRow::NetReturn,
        ComparedRow::ReturnOnInvestment,
        ComparedRow::Payback,
        ComparedRow::Repaid,
        ComparedRow::Chance,
    ];

    pub fn heading(self) -> &'static str {
        match self {
            ComparedRow::Differs => "Assumptions that differ from now",
            ComparedRow::Invested => "Total investment",
            ComparedRow::Saved => "Total saving",
            ComparedRow::NetReturn => "Net return",
            ComparedRow::ReturnOnInvestment => "Return on investment",
            ComparedRow::Payback => "Payback month",
            ComparedRow::Repaid => "Repaid",
            ComparedRow::Chance => "Chance of paying back by the target month",
        }
    }

    /// Stable names for exports.
    pub fn key(self) -> &'static str {
        match self {
            ComparedRow::Differs => "differs",
            ComparedRow::Invested => "total_investment",
            ComparedRow::Saved => "total_saving",
            ComparedRow::NetReturn => "net_return",
            ComparedRow::ReturnOnInvestment => "return_on_investment",
            ComparedRow::Payback => "payback",
            ComparedRow::Repaid => "repaid",
            ComparedRow::Chance => "chance",
        }
    }

    /// Whether the row says anything for these scenarios: no repayments, no row of them; no
    /// uncertainty run, no row of chances.
    pub fn applies(self, compared: &[Compared]) -> bool {
        match self {
            ComparedRow::Repaid => compared
                .iter()
                .any(|c| !c.cashflow.results.repayments.is_empty()),
            ComparedRow::Chance => compared.iter().any(|c| c.chance.is_some()),
            ComparedRow::Differs
            | ComparedRow::Invested
            | ComparedRow::Saved
            | ComparedRow::NetReturn
            | ComparedRow::ReturnOnInvestment
            | ComparedRow::Payback => true,
        }
    }

    /// The scenario's figure in words; `now` is the scenario on the page, which the
    /// differences are from.
    pub fn cell(self, levers: &[Lever], now: &Scenario, compared: &Compared) -> String {
        let results = &compared.cashflow.results;
        match self {
            ComparedRow::Differs => {
                if compared.pin.is_none() {
                    return "(the scenario on the page)".into();
                }
                let moved: Vec<String> = levers
                    .iter()
                    .filter(|lever| lever.get(&compared.scenario) != lever.get(now))
                    .map(|lever| {
                        format!(
                            "{}: {}",
                            lever.label,
                            lever.describe(lever.get(&compared.scenario))
                        )
                    })
                    .collect();
                if moved.is_empty() {
                    "none".into()
                } else {
                    moved.join("; ")
                }
            }
            ComparedRow::Invested => format_pounds(results.total_investment),
            ComparedRow::Saved => format_pounds(results.total_saving),
            ComparedRow::NetReturn => format_pounds(results.net_return),
            ComparedRow::ReturnOnInvestment => return_on_investment(&compared.cashflow)
                .unwrap_or_else(|| "nothing invested".into()),
            ComparedRow::Payback => payback_words(results.payback),
            ComparedRow::Repaid => {
                let said = repaid_sentences(&compared.cashflow);
                if said.is_empty() {
                    "no repayment".into()
                } else {
                    said.join(" ")
                }
            }
            ComparedRow::Chance => compared
                .chance
                .map(chance_words)
                .unwrap_or_else(|| "not worked out".into()),
        }
    }
}

/// The heading of a lever's row of switching values.
pub fn switching_heading(lever: &Lever) -> String {
    format!("Switching value: {}", lever.label)
}

/// A lever's switching value in one scenario, as its slider states it there: where the proposal
/// stops paying back by the scenario's target month (a repayment's terms: where its funder stops
/// being repaid in time).
pub fn switching_cell(lever: &Lever, compared: &Compared) -> String {
    match compared.switching_of(&lever.key) {
        Some(found) => {
            let answer = found.main_answer();
            format!(
                "{} {}",
                question_words(answer.question, &compared.scenario),
                passing_values(lever, answer)
            )
        }
        None => "none".into(),
    }
}

/// Every row of the comparison that applies, with its heading, then a row of switching values
/// for each lever that has them in any scenario: the table `calc` prints and the page shows.
pub fn rows(levers: &[Lever], compared: &[Compared]) -> Vec<(String, Vec<String>)> {
    let Some(now) = compared.first().map(|c| &c.scenario) else {
        return Vec::new();
    };
    let mut rows: Vec<(String, Vec<String>)> = ComparedRow::ALL
        .into_iter()
        .filter(|row| row.applies(compared))
        .map(|row| {
            (
                row.heading().to_string(),
                compared.iter().map(|c| row.cell(levers, now, c)).collect(),
            )
        })
        .collect();
    for lever in levers {
        if compared
            .iter()
            .any(|c| c.switching_of(&lever.key).is_some())
        {
            rows.push((
                switching_heading(lever),
                compared.iter().map(|c| switching_cell(lever, c)).collect(),
            ));
        }
    }
    rows
}

/// The comparison as a text table, for `calc --table comparison`.
pub fn text(levers: &[Lever], compared: &[Compared]) -> String {
    let mut headers = vec![String::new()];
    headers.extend(compared.iter().map(|c| c.label.clone()));
    let rows: Vec<Vec<String>> = rows(levers, compared)
        .into_iter()
        .map(|(heading, cells)| std::iter::once(heading).chain(cells).collect())
        .collect();
    super::text::table(&headers, &rows)
}
