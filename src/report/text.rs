//! A readable text report: headline results, then the financial-year and monthly tables with
//! negative figures in brackets, as councils print them.

use crate::analysis::words::{passing_values, question_words};
use crate::analysis::{
    Chance, Discounted, OptimismBiasEffect, Question, Sensitivity, SwitchingValues, Uncertainty,
};
use crate::model::money::{format_council, format_pounds, format_quantity, group_thousands};
use crate::model::Scenario;
use crate::model::{Cashflow, Flows};
use crate::proposal::Proposal;
use crate::reconcile::{Comparison, Contradiction, Reconciliation};
use crate::report::columns::{
    CashflowColumn, DrawnColumn, OrganisationColumn, RepaymentColumn, SensitivityColumn,
};
use crate::wording::{counted, lower_first};

pub(crate) fn table(headers: &[String], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let line = |cells: &[String]| {
        cells
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(index, (cell, width))| {
                // Padded by hand: a format width must fit in 16 bits, and a label need not.
                let padding = " ".repeat(width.saturating_sub(cell.chars().count()));
                if index == 0 {
                    format!("{cell}{padding}")
                } else {
                    format!("{padding}{cell}")
                }
            })
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    let mut out = line(headers) + "\n";
    for row in rows {
        out += &(line(row) + "\n");
    }
    out
}

pub(crate) fn money_columns(cashflow: &Cashflow) -> Vec<String> {
    CashflowColumn::all(cashflow)
        .into_iter()
        .map(|column| column.short_heading(cashflow))
        .collect()
}

/// The money cells of a period, costs in brackets as the reports print them.
pub(crate) fn money_cells(cashflow: &Cashflow, flows: &Flows) -> Vec<String> {
    CashflowColumn::all(cashflow)
        .into_iter()
        .map(|column| format_council(column.printed(flows)))
        .collect()
}

/// The headline and key figures, with the discounted ones and, where optimism bias is applied,
/// the figures without it beside them.
pub fn results(
    proposal: &Proposal,
    cashflow: &Cashflow,
    discounted: &Discounted,
    optimism_bias: Option<&OptimismBiasEffect>,
) -> String {
    let mut out = format!("{}\n{}\n", proposal.name, super::headline(cashflow));
    for sentence in super::repaid_sentences(cashflow) {
        out += &format!("{sentence}\n");
    }
    out += "\n";
    let rows: Vec<Vec<String>> = super::key_figures(cashflow)
        .into_iter()
        .chain(super::discounted_figures(discounted))
        .chain(
            optimism_bias
                .map(super::optimism_bias_figures)
                .unwrap_or_default(),
        )
        .map(|(label, value)| vec![label, value])
        .collect();
    out += &table(&["Result".into(), "Value".into()], &rows);
    out += "\n";
    out += &organisations(cashflow);
    out
}

/// Who paid and who gained, organisation by organisation (costs in brackets), then each
/// repayment and when each funder has its money back.
pub fn organisations(cashflow: &Cashflow) -> String {
    let columns = OrganisationColumn::shown(cashflow);
    let rows: Vec<Vec<String>> = cashflow
        .results
        .by_organisation
        .iter()
        .map(|o| {
            std::iter::once(o.name.clone())
                .chain(
                    columns
                        .iter()
                        .map(|column| format_council(column.printed(o))),
                )
                .collect()
        })
        .collect();
    let headers: Vec<String> = std::iter::once("Organisation")
        .chain(columns.iter().map(|column| column.short_heading()))
        .map(String::from)
        .collect();
    let mut out = table(&headers, &rows);
    let repayments = &cashflow.results.repayments;
    if !repayments.is_empty() {
        let rows: Vec<Vec<String>> = repayments
            .iter()
            .map(|r| {
                let (label, cells) = RepaymentColumn::row(r);
                std::iter::once(label).chain(cells).collect()
            })
            .collect();
        out += "\n";
        out += &table(&RepaymentColumn::headings(), &rows);
        for sentence in super::repaid_sentences(cashflow) {
            out += &format!("{sentence}\n");
        }
    }
    out
}

/// Each organisation's net and running total month by month (costs in brackets): where its
/// money stands once repayments are made.
pub fn positions(cashflow: &Cashflow) -> String {
    let organisations = &cashflow.results.by_organisation;
    let mut headers = vec!["Month".to_string()];
    for o in organisations {
        headers.push(format!("{} net", o.name));
        headers.push(format!("{} cumulative", o.name));
    }
    let rows: Vec<Vec<String>> = cashflow
        .months
        .iter()
        .enumerate()
        .map(|(index, row)| {
            let mut cells = vec![row.month.short_name()];
            for month in organisations.iter().filter_map(|o| o.months.get(index)) {
                cells.push(format_council(month.net));
                cells.push(format_council(month.cumulative));
            }
            cells
        })
        .collect();
    table(&headers, &rows)
}

fn flows_table(
    cashflow: &Cashflow,
    first: &str,
    rows: impl Iterator<Item = (String, Flows)>,
) -> String {
    let mut headers = vec![first.to_string()];
    headers.extend(money_columns(cashflow));
    let rows: Vec<Vec<String>> = rows
        .map(|(period, flows)| {
            let mut cells = vec![period];
            cells.extend(money_cells(cashflow, &flows));
            cells
        })
        .collect();
    table(&headers, &rows)
}

/// "2022/23", or "2024/25 (2 months)" for a year the horizon cuts short.
pub(crate) fn year_label(row: &crate::model::YearRow) -> String {
    if row.months_in_horizon < 12 {
        format!("{} ({} months)", row.year, row.months_in_horizon)
    } else {
        row.year.to_string()
    }
}

pub fn years(cashflow: &Cashflow) -> String {
    let rows = cashflow
        .years
        .iter()
        .map(|row| (year_label(row), row.flows.clone()));
    flows_table(cashflow, "Year", rows)
}

pub fn months(cashflow: &Cashflow) -> String {
    let rows = cashflow
        .months
        .iter()
        .map(|row| (row.month.short_name(), row.flows.clone()));
    flows_table(cashflow, "Month", rows)
}

/// The referral driver's working: referrals and cases avoided, and whole cashable steps.
pub fn working(cashflow: &Cashflow) -> String {
    let rows: Vec<Vec<String>> = cashflow
        .months
        .iter()
        .filter_map(|row| {
            let w = row.referrals.as_ref()?;
            Some(vec![
                row.month.short_name(),
                format_quantity(w.referral_reduction),
                format_quantity(w.cases_avoided),
                format_quantity(w.open_cases_avoided),
                w.cashable_steps.normalize().to_string(),
                format_council(w.saving),
            ])
        })
        .collect();
    if rows.is_empty() {
        return String::new();
    }
    let headers = [
        "Month",
        "Referrals avoided",
        "Cases avoided",
        "Still open",
        "Cashable steps",
        "Saving",
    ];
    table(&headers.map(String::from), &rows)
}

pub fn budget(cashflow: &Cashflow) -> String {
    let Some(budget) = &cashflow.budget else {
        return String::new();
    };
    let mut headers = vec![budget.title.clone()];
    headers.extend(budget.years.iter().map(|y| y.to_string()));
    headers.push("Total".into());
    let rows: Vec<Vec<String>> = budget
        .rows()
        .map(|row| {
            let mut cells = vec![row.label.clone()];
            cells.extend(row.per_year.iter().map(|a| format_council(*a)));
            cells.push(format_council(row.total));
            cells
        })
        .collect();
    table(&headers, &rows)
}

/// Figures of the print beside the model's, with the difference.
fn comparisons(cells: &[&Comparison], printed: &str) -> String {
    let rows: Vec<Vec<String>> = cells
        .iter()
        .map(|c| {
            vec![
                c.series.clone(),
                c.period.clone(),
                format_council(c.published),
                format_council(c.model),
                format_council(c.model - c.published),
            ]
        })
        .collect();
    table(
        &["Figure", "Period", printed, "Model", "Difference"].map(String::from),
        &rows,
    )
}

pub fn reconciliation(reconciliation: &Reconciliation) -> String {
    let compared = reconciliation.all().count();
    let differing: Vec<_> = reconciliation.differences().collect();
    let stated = |m: Option<crate::model::YearMonth>| {
        m.map(|m| m.long_name())
            .unwrap_or_else(|| "not stated".into())
    };
    let modelled = |m: Option<crate::model::YearMonth>| {
        m.map(|m| m.long_name())
            .unwrap_or_else(|| "none within the horizon".into())
    };
    let mut out = format!(
        "Published figures compared: {compared}; the model gives {} of them to the pound.\n",
        compared - differing.len()
    );
    out += &format!(
        "In-month breakeven: published {}, model {}.\nPayback: published {}, model {}.\n",
        stated(reconciliation.published_breakeven),
        modelled(reconciliation.model_breakeven),
        stated(reconciliation.published_payback),
        modelled(reconciliation.model_payback)
    );
    if !differing.is_empty() {
        out += "\n";
        out += &comparisons(&differing, "Published");
    }
    if !reconciliation.inconsistencies.is_empty() {
        out += "\nWhere the published document disagrees with itself:\n";
        for item in &reconciliation.inconsistencies {
            out += &format!("- {item}\n");
        }
    }
    out
}

/// What `calc check` prints for a file with printed figures: every figure where model and print
/// differ by more than £1, and every place where the print contradicts itself.
pub fn check_reconciliation(
    reconciliation: &Reconciliation,
    contradictions: &[Contradiction],
) -> String {
    let compared = reconciliation.all().count();
    // Month by month, then year by year, then the budget table.
    let mut differing: Vec<&Comparison> = Vec::new();
    for part in [
        &reconciliation.monthly,
        &reconciliation.yearly,
        &reconciliation.budget,
    ] {
        let mut cells: Vec<&Comparison> = part.iter().filter(|c| c.differs()).collect();
        cells.sort_by(|a, b| a.period.cmp(&b.period));
        differing.extend(cells);
    }
    let mut out = format!(
        "Model against print (published assumptions): {} compared; {} by more than £1.\n",
        counted(compared, "printed figure", "printed figures"),
        counted(differing.len(), "differs", "differ")
    );
    let results = reconciliation.printed_results();
    for result in &results {
        out += &format!(
            "{}: printed {}, model {}.\n",
            result.name, result.printed, result.model
        );
    }
    let differing_results: Vec<String> = results
        .iter()
        .filter(|result| result.differs)
        .map(|result| lower_first(result.name))
        .collect();
    if !differing_results.is_empty() {
        out += &format!(
            "{} the model: {}.\n",
            counted(
                differing_results.len(),
                "printed result differs from",
                "printed results differ from"
            ),
            differing_results.join(", ")
        );
    }
    if !differing.is_empty() {
        out += "\n";
        out += &comparisons(&differing, "Printed");
    }
    if !contradictions.is_empty() {
        out += &format!(
            "\nThe print contradicts itself in {}:\n",
            counted(contradictions.len(), "place", "places")
        );
        for contradiction in contradictions {
            out += &format!("- {}\n", contradiction.describe());
        }
    }
    if !reconciliation.inconsistencies.is_empty() {
        out += "\nWhat the file notes about the print:\n";
        for item in &reconciliation.inconsistencies {
            out += &format!("- {item}\n");
        }
    }
    out
}

/// Each lever's switching values: the values at which the proposal pays back by the target month
/// and at which its net return is zero or more, from the scenario's value outwards; then, for a
/// repayment's terms, the values at which its funder is repaid by the month it expects.
pub fn switching(proposal: &Proposal, scenario: &Scenario, values: &SwitchingValues) -> String {
    let headers = [
        "Lever".to_string(),
        "Now".to_string(),
        question_words(Question::PaysBackBy(values.target_month), scenario),
        question_words(Question::NetReturnNotNegative, scenario),
    ];
    let rows: Vec<Vec<String>> = values
        .levers
        .iter()
        .filter_map(|found| {
            let lever = proposal.lever(&found.key)?;
            Some(vec![
                lever.label.clone(),
                lever.describe(lever.get(scenario)),
                passing_values(lever, &found.pays_back),
                passing_values(lever, &found.net_return),
            ])
        })
        .collect();
    let repaid: Vec<String> = values
        .levers
        .iter()
        .filter_map(|found| {
            let lever = proposal.lever(&found.key)?;
            let answer = found.repaid_by.as_ref()?;
            Some(format!(
                "- {}: {} {}\n",
                lever.label,
                question_words(answer.question, scenario),
                passing_values(lever, answer)
            ))
        })
        .collect();
    let mut out = table(&headers, &rows);
    if !repaid.is_empty() {
        out += "\nWhen each funder is repaid, by the repayment's terms:\n";
        out += &repaid.concat();
    }
    out
}

/// Each lever moved down and up, largest swing in net return first.
pub fn sensitivity(proposal: &Proposal, found: &Sensitivity) -> String {
    let headers = SensitivityColumn::ALL.map(|column| column.heading().to_string());
    let rows: Vec<Vec<String>> = found
        .rows
        .iter()
        .filter_map(|row| {
            let lever = proposal.lever(&row.key)?;
            Some(
                SensitivityColumn::ALL
                    .iter()
                    .map(|column| column.cell(lever, row))
                    .collect(),
            )
        })
        .collect();
    format!(
        "Net return now {}, paid back: {}. Each lever alone moved {}% down and up (within its range):\n{}",
        format_pounds(found.net_return_now),
        super::payback_words(found.payback_now),
        found.swing_percent.normalize(),
        table(&headers, &rows)
    )
}

/// A share of draws with its error: "71.3% (\u{b1}0.9 points)", or "0% (no draw)" and
/// "100% (every draw)", where the Monte Carlo error says nothing.
pub fn share_words(chance: Chance) -> String {
    let margin = if chance.paid_back == 0 {
        "no draw".to_string()
    } else if chance.paid_back == chance.draws {
        "every draw".to_string()
    } else {
        format!("\u{b1}{:.1} points", chance.margin())
    };
    format!("{}% ({margin})", chance.percent().normalize())
}

/// A chance of paying back in words: "71.3% (\u{b1}0.9 points) by March 2025".
pub fn chance_words(chance: Chance) -> String {
    format!("{} by {}", share_words(chance), chance.month.long_name())
}

/// The run's answer in one sentence: "Of 10,000 runs from seed 1, 94.2% (\u{b1}0.5 points) have
/// paid back by March 2024."
pub fn uncertainty_sentence(run: &Uncertainty) -> String {
    format!(
        "Of {} runs from seed {}, with every uncertain assumption drawn at once, {} have paid back by {}.",
        group_thousands(&run.draws.to_string()),
        run.seed,
        share_words(run.by_target),
        run.by_target.month.long_name()
    )
}

/// The Monte Carlo run: what was drawn, the chances of paying back, the spread of the net
/// return and the cumulative position's percentiles month by month.
pub fn uncertainty(proposal: &Proposal, cashflow: &Cashflow, run: &Uncertainty) -> String {
    let drawn_headers = DrawnColumn::ALL.map(|column| column.heading().to_string());
    let drawn: Vec<Vec<String>> = run
        .levers
        .iter()
        .filter_map(|drawn| {
            let lever = proposal.lever(&drawn.key)?;
            Some(
                DrawnColumn::ALL
                    .iter()
                    .map(|column| column.cell(lever, drawn))
                    .collect(),
            )
        })
        .collect();
    let mut lines = vec![
        format!(
            "{} draws from seed {}, every uncertain assumption drawn at once:",
            group_thousands(&run.draws.to_string()),
            run.seed
        ),
        table(&drawn_headers, &drawn),
        uncertainty_sentence(run),
    ];
    if !run.by_year_end.is_empty() {
        let by_year: Vec<String> = run.by_year_end.iter().map(|c| chance_words(*c)).collect();
        lines.push(format!("By each year's end: {}.", by_year.join("; ")));
    }
    lines.push(format!(
        "Net return: 10th percentile {}, median {}, 90th percentile {} (lowest draw {}, highest {}).",
        format_pounds(run.net_return.p10),
        format_pounds(run.net_return.p50),
        format_pounds(run.net_return.p90),
        format_pounds(run.lowest_net_return),
        format_pounds(run.highest_net_return)
    ));
    let month_headers = [
        "Month",
        "10th percentile",
        "Median",
        "90th percentile",
        "Model",
    ]
    .map(String::from);
    let months: Vec<Vec<String>> = run
        .months
        .iter()
        .zip(&run.cumulative)
        .zip(&cashflow.months)
        .map(|((month, of), row)| {
            vec![
                month.short_name(),
                format_council(of.p10),
                format_council(of.p50),
                format_council(of.p90),
                format_council(row.flows.cumulative),
            ]
        })
        .collect();
    lines.push(format!(
        "Cumulative position over the draws, month by month (pounds; costs in brackets):\n{}",
        table(&month_headers, &months)
    ));
    lines.join("\n")
}
