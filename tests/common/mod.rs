//! Helpers shared by the property tests.

use invest_to_save::levers::{LeverValue, Range};
use invest_to_save::model::Scenario;
use invest_to_save::proposal::Proposal;
use rust_decimal::Decimal;

/// The proposal's starting scenario with each numeric lever moved to `shares[i]` percent of its
/// range, on its step (the horizon left alone when `keep_horizon`).
pub fn moved_to_shares(proposal: &Proposal, shares: &[u32], keep_horizon: bool) -> Scenario {
    let mut scenario = proposal.baseline.clone();
    for (lever, share) in proposal.levers().iter().zip(shares) {
        if keep_horizon && lever.key == "horizon" {
            continue;
        }
        if let Range::Number { min, max, step } = lever.range {
            let steps = ((max - min) / step).floor() * Decimal::from(*share) / Decimal::ONE_HUNDRED;
            let (value, _) = lever.clamp(LeverValue::Number(min + steps.floor() * step));
            lever.set(&mut scenario, value);
        }
    }
    scenario
}
