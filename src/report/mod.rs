//! The model's results written out: a readable text report, CSV and JSON. Used by the `calc`
//! command; the page draws its own tables from the same `Cashflow`.

pub mod csv;
pub mod json;
pub mod text;

use crate::model::cashflow::Payback;
use crate::model::money::format_pounds;
use crate::model::Cashflow;

/// The headline in one plain-English sentence, e.g. "The £292,500 invested (£112,500 by the
/// Council, £180,000 by the Trust) is paid back by December 2023; by March 2025 the proposal has
/// returned £370,000 net."
pub fn headline(cashflow: &Cashflow) -> String {
    let results = &cashflow.results;
    let end = cashflow
        .final_month()
        .map(|m| m.long_name())
        .unwrap_or_else(|| "the end".into());
    let shares: Vec<String> = cashflow
        .funders
        .iter()
        .zip(&results.investment_by_funder)
        .filter(|(_, amount)| !amount.is_zero())
        .map(|(funder, amount)| format!("{} by the {funder}", format_pounds(*amount)))
        .collect();
    let invested = if shares.len() > 1 {
        format!(
            "{} ({})",
            format_pounds(results.total_investment),
            shares.join(", ")
        )
    } else {
        format_pounds(results.total_investment)
    };
    let outcome = if results.net_return.is_sign_negative() && !results.net_return.is_zero() {
        format!(
            "by {end} it has cost {} more than it saved",
            format_pounds(-results.net_return)
        )
    } else {
        format!(
            "by {end} the proposal has returned {} net",
            format_pounds(results.net_return)
        )
    };
    match results.payback {
        Payback::PaidBackIn(month) => format!(
            "The {invested} invested is paid back by {}; {outcome}.",
            month.long_name()
        ),
        Payback::NotWithinHorizon => {
            format!("The {invested} invested is not paid back by {end}: {outcome}.")
        }
        Payback::NeverInDeficit => {
            format!("Savings cover the {invested} invested from the start; {outcome}.")
        }
    }
}
