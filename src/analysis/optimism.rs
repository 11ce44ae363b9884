//! Optimism bias: HM Treasury's Green Book asks business cases to raise their costs and lower
//! their benefits by a percentage, since proposals reliably understate the one and overstate
//! the other. The model applies it line by line (`Scenario::cost_uplift_percent`); this gives
//! the same cashflow without it, so every front can show the cash figures with and without.

use rust_decimal::Decimal;

use crate::model::{self, Results, Scenario};

/// One line with an optimism bias of its own, in place of the proposal's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineBias {
    pub id: String,
    pub label: String,
    /// An uplift on a cost line's amounts, or a haircut on a saving line's, in percent.
    pub percent: Decimal,
    pub is_cost: bool,
}

/// What optimism bias the scenario applies, and its results without it.
#[derive(Debug, Clone, PartialEq)]
pub struct OptimismBiasEffect {
    /// The uplift on every cost line without its own, in percent.
    pub costs_uplift_percent: Decimal,
    /// The haircut on every saving line without its own, in percent.
    pub savings_haircut_percent: Decimal,
    /// Lines with their own percentage.
    pub lines: Vec<LineBias>,
    /// The results with no optimism bias anywhere: the cash figures as the proposal states them.
    pub without: Results,
}

/// The optimism bias `scenario` applies and its results without it; `None` when it applies
/// none, so nothing is run twice for the many proposals that leave it at nought.
pub fn optimism_bias(scenario: &Scenario) -> Option<OptimismBiasEffect> {
    if !scenario.has_optimism_bias() {
        return None;
    }
    let costs = scenario.investments.iter().filter_map(|line| {
        line.optimism_bias_percent.map(|percent| LineBias {
            id: line.id.clone(),
            label: line.label.clone(),
            percent,
            is_cost: true,
        })
    });
    let savings = scenario.savings.iter().filter_map(|line| {
        line.optimism_bias_percent.map(|percent| LineBias {
            id: line.id.clone(),
            label: line.label.clone(),
            percent,
            is_cost: false,
        })
    });
    Some(OptimismBiasEffect {
        costs_uplift_percent: scenario.optimism_bias.costs_uplift_percent,
        savings_haircut_percent: scenario.optimism_bias.savings_haircut_percent,
        lines: costs.chain(savings).collect(),
        without: model::run(&scenario.without_optimism_bias()).results,
    })
}

impl OptimismBiasEffect {
    /// The adjustment in words, leaving out what is nought: "costs raised by 24% and savings
    /// lowered by 15%; Placements avoided lowered by 30%".
    pub fn words(&self) -> String {
        let percent = |p: Decimal| format!("{}%", p.normalize());
        let mut proposal_wide = Vec::new();
        if !self.costs_uplift_percent.is_zero() {
            proposal_wide.push(format!(
                "costs raised by {}",
                percent(self.costs_uplift_percent)
            ));
        }
        if !self.savings_haircut_percent.is_zero() {
            proposal_wide.push(format!(
                "savings lowered by {}",
                percent(self.savings_haircut_percent)
            ));
        }
        let mut parts = Vec::new();
        if !proposal_wide.is_empty() {
            parts.push(proposal_wide.join(" and "));
        }
        for line in &self.lines {
            let verb = if line.is_cost { "raised" } else { "lowered" };
            parts.push(format!(
                "{} {verb} by {}",
                line.label,
                percent(line.percent)
            ));
        }
        parts.join("; ")
    }
}
