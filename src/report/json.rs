//! The JSON export: a stable contract (documented in the README). Money is a decimal string in
//! pounds to the penny; months are "YYYY-MM"; financial years "2022/23".

use rust_decimal::Decimal;
use serde_json::{json, Map, Value};

use crate::analysis::comparison::Compared;
use crate::analysis::words::sentence;
use crate::analysis::{
    Answer, Chance, Discounted, OptimismBiasEffect, Percentiles, Question, Sensitivity, Switch,
    SwitchingValues, Uncertainty,
};
use crate::codec::Notice;
use crate::levers::{Lever, LeverValue};
use crate::model::money::pence;
use crate::model::{Cashflow, Flows, Scenario};
use crate::proposal::Proposal;
use crate::reconcile::{contradictions, reconcile, Comparison};

/// Version of the export's shape.
pub const EXPORT_FORMAT: u32 = 1;

fn money(amount: Decimal) -> Value {
    Value::String(pence(amount).to_string())
}

fn by_name(names: &[String], amounts: &[Decimal]) -> Value {
    let mut map = Map::new();
    for (name, amount) in names.iter().zip(amounts) {
        map.insert(name.clone(), money(*amount));
    }
    Value::Object(map)
}

/// A period's object: what names it, then its money.
fn flows(cashflow: &Cashflow, period: Value, flows: &Flows) -> Value {
    let mut object = match period {
        Value::Object(map) => map,
        _ => Map::new(),
    };
    object.insert("investment".into(), money(flows.investment));
    object.insert(
        "investment_by_funder".into(),
        by_name(&cashflow.funders, &flows.investment_by_funder),
    );
    object.insert("saving".into(), money(flows.saving));
    let ids: Vec<String> = cashflow
        .saving_lines
        .iter()
        .map(|(id, _)| id.clone())
        .collect();
    object.insert(
        "saving_by_line".into(),
        by_name(&ids, &flows.saving_by_line),
    );
    object.insert("net".into(), money(flows.net));
    object.insert("cumulative".into(), money(flows.cumulative));
    Value::Object(object)
}

/// One answer of a lever's switching values: the answer now, the nearest change of answer on
/// each side (the value that passes and its neighbour that fails), and the sentence.
fn answer(lever: &Lever, found: &Answer, scenario: &Scenario) -> Value {
    let side = |switch: Option<Switch>| {
        switch.map(|switch| {
            json!({
                "passing": lever.link_text(switch.passing),
                "failing": lever.link_text(switch.failing),
            })
        })
    };
    json!({
        "passes_now": found.passes_now,
        "below": side(found.below),
        "above": side(found.above),
        "sentence": sentence(lever, found, scenario),
    })
}

/// A repayment term's answer to its funder's question, with the funder and the month asked.
fn repaid_by(lever: &Lever, found: &Answer, scenario: &Scenario) -> Value {
    let mut value = answer(lever, found, scenario);
    if let (Question::RepaidBy { repayment, month }, Value::Object(object)) =
        (found.question, &mut value)
    {
        let funder = scenario.repayments.get(repayment).map(|r| r.to.clone());
        object.insert("funder".into(), json!(funder));
        object.insert("month".into(), json!(month.to_string()));
    }
    value
}

fn switching(proposal: &Proposal, scenario: &Scenario, values: &SwitchingValues) -> Value {
    json!({
        "target_month": values.target_month.to_string(),
        "levers": values.levers.iter().filter_map(|found| {
            let lever = proposal.lever(&found.key)?;
            Some(json!({
                "key": found.key,
                "label": lever.label,
                "value": lever.link_text(lever.get(scenario)),
                "published": lever.link_text(lever.published),
                "pays_back": answer(lever, &found.pays_back, scenario),
                "net_return": answer(lever, &found.net_return, scenario),
                "repaid_by": found.repaid_by.as_ref().map(|found| repaid_by(lever, found, scenario)),
            }))
        }).collect::<Vec<_>>(),
    })
}

/// What the export is of: the proposal, the scenario (and its link), its cashflow, what was
/// corrected on the way in, and the analyses.
pub struct Export<'a> {
    pub proposal: &'a Proposal,
    pub scenario: &'a Scenario,
    pub query: &'a str,
    pub cashflow: &'a Cashflow,
    pub notices: &'a [Notice],
    pub switching: &'a SwitchingValues,
    pub discounted: &'a Discounted,
    pub sensitivity: &'a Sensitivity,
    /// The optimism bias applied and the results without it; `None` when none is applied.
    pub optimism_bias: Option<&'a OptimismBiasEffect>,
    /// The Monte Carlo run, when one was asked for (it is many runs of the model).
    pub uncertainty: Option<&'a Uncertainty>,
    /// The scenarios side by side (the one above first), when any were pinned or asked for.
    pub comparison: Option<&'a [Compared]>,
}

pub fn export(of: &Export) -> Value {
    let Export {
        proposal,
        scenario,
        query,
        cashflow,
        notices,
        switching: switching_values,
        discounted,
        sensitivity,
        optimism_bias,
        uncertainty,
        comparison,
    } = *of;
    let results = &cashflow.results;
    let months: Vec<Value> = cashflow
        .months
        .iter()
        .map(|row| flows(cashflow, json!({ "month": row.month.to_string() }), row))
        .collect();
    let years: Vec<Value> = cashflow
        .years
        .iter()
        .map(|row| {
            let period =
                json!({ "year": row.year.to_string(), "months_in_horizon": row.months_in_horizon });
            flows(cashflow, period, row)
        })
        .collect();
    let budget = cashflow.budget.as_ref().map(|table| {
        json!({
            "title": table.title,
            "years": table.years.iter().map(|y| y.to_string()).collect::<Vec<_>>(),
            "rows": table.rows().map(|row| json!({
                "id": row.id,
                "label": row.label,
                "per_year": row.per_year.iter().map(|a| money(*a)).collect::<Vec<_>>(),
                "total": money(row.total),
            })).collect::<Vec<_>>(),
        })
    });
    json!({
        "format": EXPORT_FORMAT,
        "proposal": { "id": proposal.id, "name": proposal.name },
        "query": query,
        "funders": cashflow.funders,
        "investment_lines": scenario.investments.iter().map(|line| json!({
            "id": line.id,
            "label": line.label,
            "funder": line.funder,
            "cost": line.cost.name(),
        })).collect::<Vec<_>>(),
        "saving_lines": cashflow.saving_lines.iter().map(|(id, label)| {
            let beneficiary = proposal.baseline.savings.iter().find(|line| line.id == *id).map(|line| line.beneficiary.as_str());
            json!({"id": id, "label": label, "beneficiary": beneficiary})
        }).collect::<Vec<_>>(),
        "results": {
            "total_investment": money(results.total_investment),
            "total_saving": money(results.total_saving),
            "net_return": money(results.net_return),
            "return_on_investment": ratio(results.return_on_investment),
            "breakeven_month": results.breakeven_month.map(|m| m.to_string()),
            "payback_month": results.payback.month().map(|m| m.to_string()),
            "payback_status": results.payback.status(),
            "payback_month_number": cashflow.payback_month_number(),
            "payback_years": cashflow.payback_years(1).map(|y| y.to_string()),
            "deepest_cumulative": money(results.deepest_cumulative),
            "deepest_month": results.deepest_month.map(|m| m.to_string()),
            "investment_by_funder": by_name(&cashflow.funders, &results.investment_by_funder),
            "capital_investment": money(results.capital_investment),
            "running_investment": money(results.running_investment),
            "spent_by_payback_month": results.payback.month().map(|_| money(results.spent_by_payback)),
            "capital_by_payback_month": results.payback.month().map(|_| money(results.capital_by_payback)),
            "by_organisation": results.by_organisation.iter().map(|o| json!({
                "organisation": o.name,
                "invested": money(o.invested),
                "gained": money(o.gained),
                "repaid": money(o.repaid),
                "received": money(o.received),
                "net": money(o.net),
                "to_be_repaid": money(o.to_be_repaid),
                "repaid_in_full_month": o.repaid_in_full.and_then(|r| r.month()).map(|m| m.to_string()),
                "repaid_status": o.repaid_in_full.map(|r| r.status()),
            })).collect::<Vec<_>>(),
            "repayments": results.repayments.iter().map(|r| json!({
                "id": r.id,
                "label": r.label,
                "payer": r.payer,
                "to": r.to,
                "owed": money(r.owed),
                "repaid": money(r.repaid),
                "outstanding": money(r.outstanding()),
                "repaid_in_full_month": r.status.month().map(|m| m.to_string()),
                "repaid_status": r.status.status(),
                "source": proposal.repayment_sources.get(&r.id),
                "months": cashflow.months.iter().zip(&r.by_month).map(|(row, amount)| json!({
                    "month": row.month.to_string(),
                    "amount": money(*amount),
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
            "repaid_sentences": super::repaid_sentences(cashflow),
        },
        "months": months,
        "financial_years": years,
        "budget": budget,
        "switching_values": switching(proposal, scenario, switching_values),
        "sensitivity": {
            "swing_percent": sensitivity.swing_percent.normalize().to_string(),
            "net_return_now": money(sensitivity.net_return_now),
            "payback_month_now": sensitivity.payback_now.month().map(|m| m.to_string()),
            "rows": sensitivity.rows.iter().map(|row| {
                let lever = proposal.lever(&row.key);
                json!({
                    "key": row.key,
                    "label": lever.map(|l| l.label.as_str()),
                    "now": lever.map(|l| l.link_text(row.now)),
                    "low": lever.map(|l| l.link_text(row.low)),
                    "high": lever.map(|l| l.link_text(row.high)),
                    "net_return_at_low": money(row.net_return_at_low),
                    "net_return_at_high": money(row.net_return_at_high),
                    "swing": money(row.swing()),
                    "payback_month_at_low": row.payback_at_low.month().map(|m| m.to_string()),
                    "payback_status_at_low": row.payback_at_low.status(),
                    "payback_month_at_high": row.payback_at_high.month().map(|m| m.to_string()),
                    "payback_status_at_high": row.payback_at_high.status(),
                })
            }).collect::<Vec<_>>(),
        },
        "discounting": {
            "rate_percent": discounted.rate_percent.normalize().to_string(),
            "convention": "each month at the monthly equivalent of its year's annual rate, the first month undiscounted; the rate for years 1 to 30, the Green Book's schedule (or the rate, if lower) after",
            "present_value_of_investment": money(discounted.present_value_of_investment),
            "present_value_of_savings": money(discounted.present_value_of_savings),
            "net_present_value": money(discounted.net_present_value),
            "benefit_cost_ratio": ratio(discounted.benefit_cost_ratio),
            "payback_month": discounted.payback.month().map(|m| m.to_string()),
            "payback_status": discounted.payback.status(),
        },
        "optimism_bias": {
            "costs_uplift_percent": scenario.optimism_bias.costs_uplift_percent.normalize().to_string(),
            "savings_haircut_percent": scenario.optimism_bias.savings_haircut_percent.normalize().to_string(),
            "source": proposal.optimism_bias_source,
            "lines": optimism_bias.map(|effect| effect.lines.iter().map(|line| json!({
                "id": line.id,
                "kind": if line.is_cost { "investment" } else { "saving" },
                "percent": line.percent.normalize().to_string(),
            })).collect::<Vec<_>>()).unwrap_or_default(),
            "without": optimism_bias.map(|effect| json!({
                "total_investment": money(effect.without.total_investment),
                "total_saving": money(effect.without.total_saving),
                "net_return": money(effect.without.net_return),
                "payback_month": effect.without.payback.month().map(|m| m.to_string()),
                "payback_status": effect.without.payback.status(),
            })),
        },
        "uncertainty": uncertainty.map(|run| uncertainty_json(proposal, run)),
        "comparison": comparison.map(|compared| comparison_json(proposal, compared)),
        "reconciliation": reconciliation(proposal),
        "notices": notices.iter().map(|n| json!({"key": n.key, "message": n.message})).collect::<Vec<_>>(),
    })
}

/// Scenarios side by side: each one's label, link, results, switching values and chance, and
/// the comparison's rows in words as `calc --table comparison` prints them.
fn comparison_json(proposal: &Proposal, compared: &[Compared]) -> Value {
    let levers = proposal.levers();
    json!({
        "scenarios": compared.iter().map(|c| {
            let results = &c.cashflow.results;
            json!({
                "label": c.label,
                "pin": c.pin.map(|pin| pin.letter()),
                "query": crate::codec::write(proposal, &c.scenario),
                "results": {
                    "total_investment": money(results.total_investment),
                    "total_saving": money(results.total_saving),
                    "net_return": money(results.net_return),
                    "return_on_investment": ratio(results.return_on_investment),
                    "payback_month": results.payback.month().map(|m| m.to_string()),
                    "payback_status": results.payback.status(),
                    "repaid_sentences": super::repaid_sentences(&c.cashflow),
                },
                "switching_values": {
                    "target_month": c.switching.target_month.to_string(),
                    "levers": c.switching.levers.iter().filter_map(|found| {
                        let lever = proposal.lever(&found.key)?;
                        Some(json!({
                            "key": found.key,
                            "sentence": sentence(lever, found.main_answer(), &c.scenario),
                        }))
                    }).collect::<Vec<_>>(),
                },
                "chance": c.chance.as_ref().map(chance),
            })
        }).collect::<Vec<_>>(),
        "rows": super::comparison::rows(levers, compared).into_iter().map(|(heading, cells)| {
            json!({ "heading": heading, "cells": cells })
        }).collect::<Vec<_>>(),
    })
}

/// A ratio to four places ("1.2649"), as text so that no digit is lost.
fn ratio(value: Option<Decimal>) -> Option<Value> {
    value.map(|r| Value::String(r.round_dp(4).normalize().to_string()))
}

/// The published figures against the model at the published assumptions (as `calc check`
/// prints them), or `None` when the file prints nothing and its print cannot contradict itself.
fn reconciliation(proposal: &Proposal) -> Option<Value> {
    let contradictions = contradictions(proposal);
    if !proposal.published.prints_anything() && contradictions.is_empty() {
        return None;
    }
    let found = reconcile(proposal, &crate::model::run(&proposal.baseline));
    let figures = |part: &str, rows: &[Comparison]| -> Vec<Value> {
        rows.iter()
            .map(|c| {
                json!({
                    "table": part,
                    "series": c.series,
                    "period": c.period,
                    "printed": money(c.published),
                    "model": money(c.model),
                    "differs": c.differs(),
                })
            })
            .collect()
    };
    let mut compared = figures("monthly", &found.monthly);
    compared.extend(figures("yearly", &found.yearly));
    compared.extend(figures("budget", &found.budget));
    let results = found.printed_results();
    Some(json!({
        "assumptions": "published",
        "figures_compared": compared.len(),
        "figures_differing": found.all().filter(|c| c.differs()).count(),
        "results_differing": results.iter().filter(|r| r.differs).count(),
        "figures": compared,
        "results": results.iter().map(|r| json!({
            "name": r.name,
            "printed": r.printed,
            "model": r.model,
            "differs": r.differs,
        })).collect::<Vec<_>>(),
        "contradictions": contradictions.iter().map(|c| json!({
            "series": c.series,
            "period": c.period,
            "printed": c.printed.normalize().to_string(),
            "parts": c.parts.normalize().to_string(),
            "unit": c.unit.name(),
            "rule": c.rule,
            "sentence": c.describe(),
        })).collect::<Vec<_>>(),
        "notes": found.inconsistencies,
    }))
}

fn percentiles(of: &Percentiles) -> Value {
    json!({ "p10": money(of.p10), "p50": money(of.p50), "p90": money(of.p90) })
}

fn chance(of: &Chance) -> Value {
    json!({
        "month": of.month.to_string(),
        "paid_back_draws": of.paid_back,
        "percent": of.percent().normalize().to_string(),
        "margin_percentage_points": of.margin(),
    })
}

/// The Monte Carlo run: what was drawn and how, and the statistics over the draws.
fn uncertainty_json(proposal: &Proposal, run: &Uncertainty) -> Value {
    json!({
        "draws": run.draws,
        "seed": run.seed,
        "percentiles": "nearest rank over the draws, to the penny",
        "levers": run.levers.iter().map(|drawn| {
            let lever = proposal.lever(&drawn.key);
            let text = |value: Decimal| lever.map(|l| l.link_text(LeverValue::Number(value)));
            json!({
                "key": drawn.key,
                "label": lever.map(|l| l.label.as_str()),
                "low": text(drawn.range.low),
                "likely": text(drawn.range.now),
                "high": text(drawn.range.high),
                "distribution": drawn.distribution.name(),
                "range_from": drawn.range_from.name(),
            })
        }).collect::<Vec<_>>(),
        "cumulative_by_month": run.months.iter().zip(&run.cumulative).map(|(month, of)| {
            let mut row = percentiles(of);
            row["month"] = Value::String(month.to_string());
            row
        }).collect::<Vec<_>>(),
        "net_return": {
            "p10": money(run.net_return.p10),
            "p50": money(run.net_return.p50),
            "p90": money(run.net_return.p90),
            "lowest": money(run.lowest_net_return),
            "highest": money(run.highest_net_return),
        },
        "paid_back_by_target": chance(&run.by_target),
        "paid_back_by_year_end": run.by_year_end.iter().map(chance).collect::<Vec<_>>(),
    })
}
