//! The page's switching values, worked out a few levers at a time after each change so that an
//! input is answered first, and never shown for a scenario other than the one on the page.

use std::rc::Rc;

use crate::analysis::switching::lever_switching;
use crate::analysis::LeverSwitching;
use crate::levers::Lever;
use crate::model::Scenario;

/// One lever's switching values, as far as they are known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// Not worked out yet for this scenario.
    Pending,
    /// The lever has none (the horizon, or a lever switched off).
    NotApplicable,
    /// Boxed: the other two carry nothing.
    Ready(Box<LeverSwitching>),
}

/// What the page shows for one lever.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown<'a> {
    /// Worked out for the scenario on the page.
    Current(&'a LeverSwitching),
    /// Being worked out again: the values for an earlier scenario, if any, to show marked as
    /// out of date.
    Updating(Option<&'a LeverSwitching>),
    /// The lever has no switching values.
    Nothing,
}

/// Switching values for one scenario, indexed like the proposal's levers, with those of the
/// scenario before it for the levers not yet worked out again.
#[derive(Debug, Clone, PartialEq)]
pub struct SwitchingProgress {
    /// Shared with the page, so that asking about the scenario on it compares addresses.
    scenario: Rc<Scenario>,
    found: Vec<Found>,
    earlier: Vec<Option<LeverSwitching>>,
}

impl SwitchingProgress {
    /// Nothing worked out yet for `scenario`.
    pub fn new(levers: &[Lever], scenario: &Rc<Scenario>) -> SwitchingProgress {
        SwitchingProgress {
            scenario: scenario.clone(),
            found: vec![Found::Pending; levers.len()],
            earlier: vec![None; levers.len()],
        }
    }

    /// Nothing worked out yet for `scenario`, keeping what `before` found (for the same levers)
    /// to show as out of date meanwhile.
    pub fn after(before: &SwitchingProgress, levers: &[Lever], scenario: &Rc<Scenario>) -> Self {
        let mut progress = SwitchingProgress::new(levers, scenario);
        if before.found.len() == levers.len() {
            progress.earlier = before
                .found
                .iter()
                .zip(&before.earlier)
                .map(|(found, earlier)| match found {
                    Found::Ready(found) => Some((**found).clone()),
                    Found::Pending | Found::NotApplicable => earlier.clone(),
                })
                .collect();
        }
        progress
    }

    /// Works out the next lever still pending; false when none is left.
    pub fn work_one(&mut self, levers: &[Lever]) -> bool {
        let Some(index) = self.found.iter().position(|found| *found == Found::Pending) else {
            return false;
        };
        self.found[index] = match levers
            .get(index)
            .and_then(|lever| lever_switching(lever, &self.scenario))
        {
            Some(found) => Found::Ready(Box::new(found)),
            None => Found::NotApplicable,
        };
        true
    }

    pub fn is_complete(&self) -> bool {
        !self.found.contains(&Found::Pending)
    }

    /// Whether every lever's switching values are worked out for `scenario`.
    pub fn is_current(&self, scenario: &Rc<Scenario>) -> bool {
        self.is_complete() && self.scenario == *scenario
    }

    /// The lever's switching values if they are for `scenario`: a figure for another scenario is
    /// never shown as if it were current.
    pub fn for_lever(&self, index: usize, scenario: &Rc<Scenario>) -> &Found {
        match self.found.get(index) {
            Some(found) if self.scenario == *scenario => found,
            _ => &Found::Pending,
        }
    }

    /// What the page shows for the lever while `scenario` is on it.
    pub fn shown(&self, index: usize, scenario: &Rc<Scenario>) -> Shown<'_> {
        let earlier = || match self.found.get(index) {
            Some(Found::Ready(found)) => Some(&**found),
            Some(Found::Pending | Found::NotApplicable) | None => {
                self.earlier.get(index).and_then(Option::as_ref)
            }
        };
        match self.for_lever(index, scenario) {
            Found::Ready(found) => Shown::Current(found),
            Found::NotApplicable => Shown::Nothing,
            Found::Pending => Shown::Updating(earlier()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::switching_values;
    use crate::proposal::presets::presets;

    #[test]
    fn worked_out_lever_by_lever_they_are_the_switching_values_of_the_scenario_and_of_no_other() {
        let sandwell = &presets()[0];
        let levers = sandwell.levers();
        let baseline = Rc::new(sandwell.baseline.clone());
        let mut progress = SwitchingProgress::new(levers, &baseline);
        assert_eq!(progress.for_lever(1, &baseline), &Found::Pending);
        let mut steps = 0;
        while progress.work_one(levers) {
            steps += 1;
        }
        assert_eq!(steps, levers.len());
        assert!(progress.is_complete());
        assert!(progress.is_current(&baseline));
        let whole = switching_values(levers, &baseline);
        let ready: Vec<&LeverSwitching> = (0..levers.len())
            .filter_map(|index| match progress.for_lever(index, &baseline) {
                Found::Ready(found) => Some(&**found),
                Found::Pending | Found::NotApplicable => None,
            })
            .collect();
        assert_eq!(ready, whole.levers.iter().collect::<Vec<_>>());
        // Another scenario (a case costing £5,000) sees nothing until its own are worked out.
        let mut moved = sandwell.baseline.clone();
        sandwell
            .lever("cost_per_case")
            .unwrap()
            .set(&mut moved, crate::levers::LeverValue::Number(5000.into()));
        let moved = Rc::new(moved);
        assert_eq!(progress.for_lever(1, &moved), &Found::Pending);
        assert!(!progress.is_current(&moved));
        // Until they are, the page may show the earlier ones, marked as being updated.
        let allocation = progress.for_lever(1, &baseline);
        let Found::Ready(allocation) = allocation.clone() else {
            panic!("allocation has switching values");
        };
        assert_eq!(
            progress.shown(1, &moved),
            Shown::Updating(Some(&*allocation))
        );
        let mut next = SwitchingProgress::after(&progress, levers, &moved);
        assert_eq!(next.shown(1, &moved), Shown::Updating(Some(&*allocation)));
        while next.work_one(levers) {}
        let Shown::Current(now) = next.shown(1, &moved) else {
            panic!("worked out for the moved scenario");
        };
        assert_ne!(
            now, &*allocation,
            "a different share of referrals is the edge"
        );
    }
}
