//! The page's switching values, worked out a few levers at a time after each change so that an
//! input is answered first, and never shown for a scenario other than the one on the page.

use std::rc::Rc;

use crate::analysis::switching::{has_switching_values, lever_switching};
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
    /// The lever has no switching values (or had none for the scenario before, and is being
    /// worked out again: a line never flashes up only to go).
    Nothing,
}

/// Switching values for one scenario, indexed like the proposal's levers, with what was found
/// for the scenarios before it, for the levers not yet worked out again.
#[derive(Debug, Clone, PartialEq)]
pub struct SwitchingProgress {
    /// Shared with the page, so that asking about the scenario on it compares addresses.
    scenario: Rc<Scenario>,
    found: Vec<Found>,
    /// `Pending` where nothing was found before.
    earlier: Vec<Found>,
}

impl SwitchingProgress {
    /// Nothing worked out yet for `scenario`, but the levers with no switching values known as
    /// such at once: their lines never flash up as being worked out.
    pub fn new(levers: &[Lever], scenario: &Rc<Scenario>) -> SwitchingProgress {
        SwitchingProgress {
            scenario: scenario.clone(),
            found: levers
                .iter()
                .map(|lever| match has_switching_values(lever, scenario) {
                    true => Found::Pending,
                    false => Found::NotApplicable,
                })
                .collect(),
            earlier: vec![Found::Pending; levers.len()],
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
                    Found::Ready(_) | Found::NotApplicable => found.clone(),
                    Found::Pending => earlier.clone(),
                })
                .collect();
        }
        progress
    }

    /// Works out the next lever still pending; false when none was left.
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

    /// What the page shows for the lever while `scenario` is on it: what was found for it, or
    /// while it is worked out again, what was found before (for this progress's scenario when
    /// the page has moved on from it, else for the ones before).
    pub fn shown(&self, index: usize, scenario: &Rc<Scenario>) -> Shown<'_> {
        let before = match self.found.get(index) {
            Some(Found::Pending) | None => self.earlier.get(index),
            found @ Some(Found::Ready(_) | Found::NotApplicable) => found,
        };
        match self.for_lever(index, scenario) {
            Found::Ready(found) => Shown::Current(found),
            Found::NotApplicable => Shown::Nothing,
            Found::Pending => match before {
                Some(Found::Ready(found)) => Shown::Updating(Some(found)),
                Some(Found::NotApplicable) => Shown::Nothing,
                Some(Found::Pending) | None => Shown::Updating(None),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::switching_values;
    use crate::proposal::presets::presets;

    /// Sandwell with a case costing £5,000 a year, not £2,500.
    fn sandwell_with_a_case_costing_5000() -> Rc<Scenario> {
        let sandwell = &presets()[0];
        let mut moved = sandwell.baseline.clone();
        let cost_per_case = sandwell.lever("cost_per_case").unwrap();
        cost_per_case.set(&mut moved, crate::levers::LeverValue::Number(5000.into()));
        Rc::new(moved)
    }

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
        let whole = switching_values(levers, &baseline);
        assert_eq!(
            steps,
            whole.levers.len(),
            "one step for each lever that has them"
        );
        assert!(progress.is_complete());
        assert!(progress.is_current(&baseline));
        let ready: Vec<&LeverSwitching> = (0..levers.len())
            .filter_map(|index| match progress.for_lever(index, &baseline) {
                Found::Ready(found) => Some(&**found),
                Found::Pending | Found::NotApplicable => None,
            })
            .collect();
        assert_eq!(ready, whole.levers.iter().collect::<Vec<_>>());
        // Another scenario (a case costing £5,000) sees nothing until its own are worked out.
        let moved = sandwell_with_a_case_costing_5000();
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

    #[test]
    fn a_lever_with_no_switching_values_shows_none_from_the_start_and_is_never_worked_out() {
        for proposal in presets() {
            let levers = proposal.levers();
            let mut switched_off = proposal.baseline.clone();
            for lever in levers.iter().filter(|lever| lever.can_be_off) {
                lever.set(&mut switched_off, crate::levers::LeverValue::Off);
            }
            for scenario in [proposal.baseline.clone(), switched_off] {
                let scenario = Rc::new(scenario);
                let progress = SwitchingProgress::new(levers, &scenario);
                for (index, lever) in levers.iter().enumerate() {
                    let has_them = lever_switching(lever, &scenario).is_some();
                    assert_eq!(
                        has_switching_values(lever, &scenario),
                        has_them,
                        "{}",
                        lever.key
                    );
                    let expected = match has_them {
                        true => Found::Pending,
                        false => Found::NotApplicable,
                    };
                    assert_eq!(
                        progress.for_lever(index, &scenario),
                        &expected,
                        "{}",
                        lever.key
                    );
                    if !has_them {
                        assert_eq!(progress.shown(index, &scenario), Shown::Nothing);
                    }
                }
            }
        }
        // The horizon's switching value is the payback month itself: it never has a line.
        let sandwell = &presets()[0];
        let horizon = sandwell.levers().iter().position(|l| l.key == "horizon");
        let baseline = Rc::new(sandwell.baseline.clone());
        let horizon = horizon.expect("a horizon lever");
        let mut progress = SwitchingProgress::new(sandwell.levers(), &baseline);
        assert_eq!(progress.shown(horizon, &baseline), Shown::Nothing);
        // Nor while the page has moved on and the next scenario's are being worked out.
        while progress.work_one(sandwell.levers()) {}
        let moved = sandwell_with_a_case_costing_5000();
        assert_eq!(progress.shown(horizon, &moved), Shown::Nothing);
        let next = SwitchingProgress::after(&progress, sandwell.levers(), &moved);
        assert_eq!(next.shown(horizon, &moved), Shown::Nothing);
    }

    #[test]
    fn a_lever_switched_back_on_shows_no_line_until_its_values_are_worked_out() {
        let proposal = presets()
            .iter()
            .find(|p| p.levers().iter().any(|l| l.can_be_off))
            .expect("a shipped proposal has a lever that can be switched off");
        let levers = proposal.levers();
        let index = levers.iter().position(|l| l.can_be_off).unwrap();
        let mut off = proposal.baseline.clone();
        levers[index].set(&mut off, crate::levers::LeverValue::Off);
        let (off, on) = (Rc::new(off), Rc::new(proposal.baseline.clone()));
        let mut progress = SwitchingProgress::new(levers, &off);
        while progress.work_one(levers) {}
        assert_eq!(progress.shown(index, &off), Shown::Nothing);
        let mut next = SwitchingProgress::after(&progress, levers, &on);
        assert_eq!(next.shown(index, &on), Shown::Nothing);
        while next.work_one(levers) {}
        assert!(matches!(next.shown(index, &on), Shown::Current(_)));
    }
}
