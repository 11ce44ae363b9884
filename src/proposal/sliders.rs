//! A proposal's sliders against its file: every lever has its own link key, every
//! `[levers."key"]` names one, each slider opens on a value it can show, and `[assumptions]`
//! moves where they start. A problem with a slider's starting value is placed at the file's
//! key that gives the value.

use std::collections::BTreeMap;

use crate::levers::{Lever, LeverValue, Target};
use crate::model::scenario::{CostPeriod, SavingDriver, Scenario};

use super::check::{self, Findings, Path};
use super::file;
use super::schema;
use super::Proposal;

/// The baseline with the file's `[assumptions]` applied; a value outside its slider's range, or
/// one it cannot take, is a problem.
pub(super) fn starting_scenario(
    proposal: &Proposal,
    assumptions: &BTreeMap<String, file::Setting>,
    found: &mut Findings,
) -> Scenario {
    let levers = proposal.levers();
    let mut scenario = proposal.baseline.clone();
    for (key, setting) in assumptions {
        let at = Path::root().key("assumptions").key(key);
        let Some(lever) = levers.iter().find(|lever| lever.key == *key) else {
            let (_, suggestion) = known_keys(levers, key);
            found.add(
                &at,
                format!("assumptions.\"{key}\" names no assumption of this proposal.{suggestion}"),
            );
            continue;
        };
        // Read as strictly as a typed value: a file's figure is refused, never quietly moved.
        match lever.accept(&setting.text()) {
            Ok(value) => lever.set(&mut scenario, value),
            Err(message) => found.add(&at, format!("assumptions.\"{key}\": {message}")),
        }
    }
    scenario
}

/// Every lever needs its own link key; every `[levers.<key>]` table must name a lever, and the
/// lever's starting value must lie within the range the file gives it.
pub(super) fn check_levers(proposal: &Proposal, complete: bool, found: &mut Findings) {
    let levers = proposal.levers();
    if levers.len() > schema::MAX_SLIDERS {
        found.add(
            &Path::root(),
            format!(
                "this file gives {} sliders; a proposal may give at most {} (every investment line and saving gives its own), so that all of them moved at once still fit in a link and in [assumptions]",
                levers.len(),
                schema::MAX_SLIDERS
            ),
        );
    }
    for (index, lever) in levers.iter().enumerate() {
        if levers[..index].iter().any(|other| other.key == lever.key) {
            found.add(
                &Path::root(),
                format!(
                    "two assumptions would share the link key \"{}\"; give the lines and budget rows different ids",
                    lever.key
                ),
            );
        }
    }
    // Every slider must open on a value it can show: a file that checks clean opens clean.
    // (Ranges the file set itself are reported below, at its min or max.)
    for lever in levers {
        let settings = proposal.lever_settings.get(&lever.key);
        let set_by_file = match (lever.published, settings) {
            (LeverValue::Number(value), Some(settings)) => {
                settings.min.is_some_and(|min| value < min)
                    || settings.max.is_some_and(|max| value > max)
            }
            _ => false,
        };
        if let (Err(why), false) = (lever.admit(lever.published), set_by_file) {
            // At the file's own figure when it gives one, else where it sets the slider's range.
            let at = match (written_at(lever, &proposal.baseline), settings) {
                (Some(at), _) if complete => at,
                (_, Some(_)) => Path::root().key("levers").key(&lever.key),
                (_, None) => Path::root(),
            };
            found.add(
                &at,
                format!(
                    "the slider \"{}\" cannot start at the file's {} value {}: {why}. Change the value, or give the slider a range that holds it in [levers.\"{}\"]",
                    lever.key,
                    proposal.starting_values.word(),
                    lever.describe(lever.published),
                    lever.key
                ),
            );
        }
    }
    for (key, settings) in &proposal.lever_settings {
        let at = Path::root().key("levers").key(key);
        let Some(lever) = levers.iter().find(|lever| lever.key == *key) else {
            if !complete {
                continue;
            }
            let (known, suggestion) = known_keys(levers, key);
            found.add(
                &at,
                format!(
                    "[levers.\"{key}\"] names no assumption of this proposal.{suggestion} Its assumptions are {}",
                    known.join(", ")
                ),
            );
            continue;
        };
        // The sensitivity table's own ends must be values the slider can hold.
        for (end, value) in [("low", settings.low), ("high", settings.high)] {
            if let Some(Err(why)) = value.map(|v| lever.admit(LeverValue::Number(v))) {
                found.add(
                    &at.key(end),
                    format!(
                        "levers.\"{key}\": {end} = {}: {why}",
                        lever.describe(LeverValue::Number(value.unwrap_or_default()))
                    ),
                );
            }
        }
        if let LeverValue::Number(value) = lever.published {
            let word = proposal.starting_values.word();
            let shown = lever.describe(LeverValue::Number(value));
            let said = |end: rust_decimal::Decimal| lever.describe(LeverValue::Number(end));
            if let Some(min) = settings.min.filter(|min| value < *min) {
                found.add(
                    &at.key("min"),
                    format!(
                        "the slider \"{key}\" starts at its {word} value {shown}, below its min = {}",
                        said(min)
                    ),
                );
            }
            if let Some(max) = settings.max.filter(|max| value > *max) {
                found.add(
                    &at.key("max"),
                    format!(
                        "the slider \"{key}\" starts at its {word} value {shown}, above its max = {}",
                        said(max)
                    ),
                );
            }
        }
    }
}

/// Where the file writes the value a lever starts at, by the lever's target: its line's key,
/// or `None` for a value the file never writes (a share of plan or of planned spend, 100% as
/// published). Lines are in the file's order, as the scenario keeps them.
fn written_at(lever: &Lever, baseline: &Scenario) -> Option<Path> {
    let investment = |index: usize| Path::root().key("investment").index(index);
    let saving = |index: usize| Path::root().key("saving").index(index);
    let repayment = |index: usize| Path::root().key("repayment").index(index);
    let referrals = || {
        let index = baseline
            .savings
            .iter()
            .position(|line| matches!(line.driver, SavingDriver::Referrals(_)))?;
        Some(saving(index).key("referrals"))
    };
    let adjustments = Path::root().key("adjustments");
    match lever.target() {
        Target::Horizon => Some(Path::root().key("timeline").key("months")),
        Target::PayBackBy => Some(Path::root().key("timeline").key("pay_back_by")),
        Target::AfterPlanTrend => Some(Path::root().key("after_plan_trend_percent")),
        Target::Reduction
        | Target::InvestmentScale(_)
        | Target::AdjustmentScale(_)
        | Target::DiscountRate => None,
        Target::Allocation => Some(referrals()?.key("allocation_percent")),
        Target::CostPerCase => Some(referrals()?.key("cost_per_case_per_year")),
        Target::Step => Some(referrals()?.key("cases_per_cashable_step")),
        Target::Cap => Some(referrals()?.key("saving_cap_per_year")),
        Target::Duration => Some(referrals()?.key("case_duration_months")),
        Target::DeliveryStart => Some(referrals()?.key("delivery_start")),
        Target::InvestmentPerMonth(index) => Some(investment(index).key("per_month")),
        Target::InvestmentMonths(index) => Some(investment(index).key("months")),
        Target::InvestmentFrom(index) => Some(investment(index).key("from")),
        Target::OneOffAmount(index) => Some(investment(index).key("one_off")),
        Target::OneOffMonth(index) => Some(investment(index).key("month")),
        Target::InvestmentTotal(index) => Some(investment(index).key("total")),
        Target::SavingRealisation(index) => Some(saving(index).key("realisation_percent")),
        Target::SavingPerYear(index) => Some(saving(index).key("amount_per_year")),
        Target::SavingFrom(index) => Some(saving(index).key("from")),
        Target::SavingRamp(index) => Some(saving(index).key("ramp_months")),
        Target::Units(index) => Some(saving(index).key("units")),
        Target::UnitCostAmount(index) => {
            let key = match &baseline.savings.get(index)?.driver {
                SavingDriver::UnitCost(unit_cost) => match unit_cost.cost_period {
                    CostPeriod::Week => "cost_per_unit_per_week",
                    CostPeriod::Year => "cost_per_unit_per_year",
                },
                SavingDriver::Referrals(_)
                | SavingDriver::Scheduled(_)
                | SavingDriver::Recurring { .. } => return None,
            };
            Some(saving(index).key(key))
        }
        Target::Occupancy(index) => Some(saving(index).key("occupancy_percent")),
        Target::Contingency => Some(adjustments.key("contingency_percent")),
        Target::Realisation => Some(adjustments.key("realisation_percent")),
        Target::OptimismCosts => Some(Path::root().key("optimism_bias").key("costs_percent")),
        Target::OptimismSavings => Some(Path::root().key("optimism_bias").key("savings_percent")),
        Target::InvestmentOptimism(index) => Some(investment(index).key("optimism_bias_percent")),
        Target::SavingOptimism(index) => Some(saving(index).key("optimism_bias_percent")),
        Target::RepaymentShare(index) => Some(repayment(index).key("share_percent")),
        Target::RepaymentPerMonth(index) => Some(repayment(index).key("per_month_at_most")),
        Target::RepaymentFrom(index) => Some(repayment(index).key("from")),
        Target::RepaymentOverMonths(index) => Some(repayment(index).key("over_months")),
        Target::RepaymentCap(index) => Some(repayment(index).key("cap")),
    }
}

/// The proposal's link keys, and " Did you mean ...?" for the one nearest a key it lacks.
fn known_keys<'l>(levers: &'l [Lever], key: &str) -> (Vec<&'l str>, String) {
    let known: Vec<&str> = levers.iter().map(|l| l.key.as_str()).collect();
    let suggestion = check::nearest(key, known.iter().copied())
        .map(|n| format!(" Did you mean \"{n}\"?"))
        .unwrap_or_default();
    (known, suggestion)
}
