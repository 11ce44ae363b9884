//! The model's results written out: a readable text report, CSV and JSON. Used by the `calc`
//! command; the page draws its own tables from the same `Cashflow`.

pub mod chart;
pub mod columns;
pub mod comparison;
pub mod coordinates;
pub mod csv;
pub mod json;
pub mod svg;
pub mod text;
pub mod tornado;

use rust_decimal::Decimal;

use crate::analysis::{Discounted, OptimismBiasEffect};
use crate::model::cashflow::Payback;
use crate::model::money::format_pounds;
use crate::model::{Cashflow, Repaid, YearMonth};

/// The headline in one plain-English sentence, e.g. "The £7,500,000 invested is paid back by
/// February 2029; by March 2031 the proposal has returned £5,400,000 net." Running costs are spent month after month, so a proposal with any is
/// said to have "spent", never "invested", its money; and when some of it is spent only after
/// the payback month, the sentence says what had been spent by then and that the savings cover
/// the rest: "The £180,000 (£112,500 by the Council, £67,500 by the Trust) spent up to December
/// 2023 is paid back by December 2023; savings cover the £112,500 spent after it, and by March
/// 2025 the proposal has returned £370,000 net." A proposal with both
/// capital and running costs says how much of each.
pub fn headline(cashflow: &Cashflow) -> String {
    let results = &cashflow.results;
    let end = cashflow
        .final_month()
        .map(|m| m.long_name())
        .unwrap_or_else(|| "the end".into());
    let verb = if results.running_investment.is_zero() {
        "invested"
    } else {
        "spent"
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
        Payback::PaidBackIn(month) if results.spent_by_payback != results.total_investment => {
            let by_funder = spent_by_funder(cashflow, month);
            let spent = amount_and_parts(
                cashflow,
                results.spent_by_payback,
                results.capital_by_payback,
                &by_funder,
            );
            format!(
                "The {spent} spent up to {month} is paid back by {month}; savings cover the {} spent after it, and {outcome}.",
                format_pounds(results.total_investment - results.spent_by_payback),
                month = month.long_name(),
            )
        }
        payback => {
            let invested = amount_and_parts(
                cashflow,
                results.total_investment,
                results.capital_investment,
                &results.investment_by_funder,
            );
            match payback {
                Payback::PaidBackIn(month) => format!(
                    "The {invested} {verb} is paid back by {}; {outcome}.",
                    month.long_name()
                ),
                Payback::NotWithinHorizon => {
                    format!("The {invested} {verb} is not paid back by {end}: {outcome}.")
                }
                Payback::NeverInDeficit => {
                    format!("Savings cover the {invested} {verb} from the start; {outcome}.")
                }
            }
        }
    }
}

/// What each funder had spent by the end of `month`.
fn spent_by_funder(cashflow: &Cashflow, month: YearMonth) -> Vec<Decimal> {
    let mut spent = vec![Decimal::ZERO; cashflow.funders.len()];
    for row in cashflow.months.iter().take_while(|row| row.month <= month) {
        for (total, amount) in spent.iter_mut().zip(&row.investment_by_funder) {
            *total += amount;
        }
    }
    spent
}

/// An amount and, in brackets, what it is made of: capital and running costs where it has
/// both ("£5,500,000 (£2,200,000 of capital, £3,300,000 of running costs)"), else each funder's
/// share where more than one paid ("£292,500 (£112,500 by the Council, £180,000 by the
/// Trust)"), else the amount alone.
fn amount_and_parts(
    cashflow: &Cashflow,
    amount: Decimal,
    capital: Decimal,
    by_funder: &[Decimal],
) -> String {
    let running = amount - capital;
    let shares: Vec<String> = cashflow
        .funders
        .iter()
        .zip(by_funder)
        .filter(|(_, amount)| !amount.is_zero())
        .map(|(funder, amount)| format!("{} by the {funder}", format_pounds(*amount)))
        .collect();
    if !capital.is_zero() && !running.is_zero() {
        format!(
            "{} ({} of capital, {} of running costs)",
            format_pounds(amount),
            format_pounds(capital),
            format_pounds(running)
        )
    } else if shares.len() > 1 {
        format!("{} ({})", format_pounds(amount), shares.join(", "))
    } else {
        format_pounds(amount)
    }
}

/// The headline and when each funder has its money back, as the page announces them to a
/// screen reader once the reader's value settles: what is on screen, in the same words.
pub fn spoken_headline(cashflow: &Cashflow) -> String {
    std::iter::once(headline(cashflow))
        .chain(repaid_sentences(cashflow))
        .collect::<Vec<_>>()
        .join(" ")
}

/// When each funder that a repayment repays has its money back, a sentence each: "The
/// Council's £112,500 is repaid by December 2023." It answers the question a funder's members
/// ask; the page's headline, `calc`, the JSON and the page built in advance all say it this way.
pub fn repaid_sentences(cashflow: &Cashflow) -> Vec<String> {
    let end = cashflow
        .final_month()
        .map(|m| m.long_name())
        .unwrap_or_else(|| "the end".into());
    cashflow
        .results
        .by_organisation
        .iter()
        .filter_map(|o| {
            let owed = format_pounds(o.to_be_repaid);
            Some(match o.repaid_in_full? {
                Repaid::InFull(month) => {
                    format!(
                        "The {}'s {owed} is repaid by {}.",
                        o.name,
                        month.long_name()
                    )
                }
                Repaid::NotWithinHorizon => format!(
                    "The {}'s {owed} is not repaid by {end}: {} is repaid, {} is still owed.",
                    o.name,
                    format_pounds(o.received),
                    format_pounds(o.to_be_repaid - o.received)
                ),
                Repaid::NothingOwed => {
                    format!("The {} has invested nothing to be repaid.", o.name)
                }
            })
        })
        .collect()
}

/// The return on investment as a percentage to one place ("126.5%"), or `None` when nothing
/// is invested. The page, the text report and the page built in advance all say it this way.
pub fn return_on_investment(cashflow: &Cashflow) -> Option<String> {
    let ratio = cashflow.results.return_on_investment?;
    Some(match ratio.checked_mul(Decimal::ONE_HUNDRED) {
        Some(percent) => format!("{}%", percent.round_dp(1)),
        // A ratio this large comes only from a vanishingly small investment.
        None => "too large to show".into(),
    })
}

/// When the money comes back, in words for a table of figures.
pub fn payback_words(payback: Payback) -> String {
    match payback {
        Payback::PaidBackIn(m) => m.long_name(),
        Payback::NotWithinHorizon => "does not pay back within the horizon".into(),
        Payback::NeverInDeficit => "never out of pocket".into(),
    }
}

/// The discount rate in words: "3.5% a year".
pub fn rate_words(discounted: &Discounted) -> String {
    format!("{}% a year", discounted.rate_percent.normalize())
}

/// The benefit-cost ratio to two places ("1.69"), or why there is none.
pub fn benefit_cost_ratio_words(discounted: &Discounted) -> String {
    discounted
        .benefit_cost_ratio
        .map(|ratio| ratio.round_dp(2).to_string())
        .unwrap_or_else(|| "nothing invested".into())
}

/// The discounted results as (label, value) rows, shown beside the cash ones (never instead).
pub fn discounted_figures(discounted: &Discounted) -> Vec<(String, String)> {
    vec![
        (
            format!(
                "Net present value (discounted at {})",
                rate_words(discounted)
            ),
            format_pounds(discounted.net_present_value),
        ),
        (
            "Benefit-cost ratio (discounted)".into(),
            benefit_cost_ratio_words(discounted),
        ),
        (
            "Discounted payback month".into(),
            payback_words(discounted.payback),
        ),
    ]
}

/// The results without optimism bias as (label, value) rows, shown beside the adjusted ones
/// (which are the proposal's results once a bias is set).
pub fn optimism_bias_figures(effect: &OptimismBiasEffect) -> Vec<(String, String)> {
    let without = &effect.without;
    vec![
        (
            "Optimism bias".into(),
            crate::wording::upper_first(&effect.words()),
        ),
        (
            "Total investment without optimism bias".into(),
            format_pounds(without.total_investment),
        ),
        (
            "Total saving without optimism bias".into(),
            format_pounds(without.total_saving),
        ),
        (
            "Net return without optimism bias".into(),
            format_pounds(without.net_return),
        ),
        (
            "Payback month without optimism bias".into(),
            payback_words(without.payback),
        ),
    ]
}

/// Under the total investment, as (label, value) rows: how much is capital and how much running
/// costs, when there are both (all of one kind is said by the headline's "invested" or
/// "spent"), and what had been spent by the payback month, when some is spent after it. The text report, the page and the
/// page built in advance all show them.
pub fn spending_figures(cashflow: &Cashflow) -> Vec<(String, String)> {
    let r = &cashflow.results;
    let mut rows = Vec::new();
    if !r.running_investment.is_zero() && !r.capital_investment.is_zero() {
        rows.push((
            "Capital (one-off)".into(),
            format_pounds(r.capital_investment),
        ));
        rows.push(("Running costs".into(), format_pounds(r.running_investment)));
    }
    if let Payback::PaidBackIn(month) = r.payback {
        if r.spent_by_payback != r.total_investment {
            rows.push((
                format!("Spent up to {}", month.long_name()),
                format_pounds(r.spent_by_payback),
            ));
        }
    }
    rows
}

/// The key results as (label, value) rows, as the text report and the page built before any
/// script runs both show them.
pub fn key_figures(cashflow: &Cashflow) -> Vec<(String, String)> {
    let r = &cashflow.results;
    let month = |m: Option<YearMonth>| {
        m.map(|m| m.long_name())
            .unwrap_or_else(|| "none within the horizon".into())
    };
    let mut rows = vec![("Total investment".into(), format_pounds(r.total_investment))];
    rows.extend(spending_figures(cashflow));
    rows.extend([
        ("Total saving".into(), format_pounds(r.total_saving)),
        ("Net return".into(), format_pounds(r.net_return)),
        (
            "Return on investment".into(),
            return_on_investment(cashflow).unwrap_or_else(|| "nothing invested".into()),
        ),
        ("In-month breakeven".into(), month(r.breakeven_month)),
        ("Payback month".into(), payback_words(r.payback)),
        (
            // The deepest cumulative is at most nought; "out of pocket" says the sign.
            "Most out of pocket".into(),
            format!(
                "{} ({})",
                format_pounds(-r.deepest_cumulative),
                month(r.deepest_month)
            ),
        ),
    ]);
    for (funder, amount) in cashflow.funders.iter().zip(&r.investment_by_funder) {
        rows.push((format!("Invested by {funder}"), format_pounds(*amount)));
    }
    rows
}
