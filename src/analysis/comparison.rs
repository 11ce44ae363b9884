//! Scenarios side by side: the one on the page and up to three the reader pinned as A, B and C
//! ("as published", "cautious", "what the finance officer believes"), each worked out in full:
//! its results, its switching values and, where asked, its chance of paying back.
//!
//! The work can be done in steps (`ComparisonRun`), so that the page can make it between inputs,
//! or in one go (`compare`), as `calc` does; both give the same comparison.

use super::switching::{lever_switching, LeverSwitching, SwitchingValues};
use super::uncertainty::{uncertain_levers_with, Chance, Draws, MonteCarlo, ReaderRange};
use crate::levers::Lever;
use crate::model::{self, Cashflow, Scenario};

/// The places a scenario can be pinned to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Pin {
    A,
    B,
    C,
}

impl Pin {
    pub const ALL: [Pin; 3] = [Pin::A, Pin::B, Pin::C];

    /// The letter the page and the tables show.
    pub fn letter(self) -> &'static str {
        match self {
            Pin::A => "A",
            Pin::B => "B",
            Pin::C => "C",
        }
    }

    /// The prefix of its settings in a link: `a~allocation=30`.
    pub fn link_key(self) -> &'static str {
        match self {
            Pin::A => "a",
            Pin::B => "b",
            Pin::C => "c",
        }
    }

    pub fn from_link_key(key: &str) -> Option<Pin> {
        Pin::ALL.into_iter().find(|pin| pin.link_key() == key)
    }
}

/// The most characters of a pinned scenario's name kept: a name labels a column and a curve.
pub const MAX_PIN_NAME_CHARS: usize = 60;

/// A scenario the reader pinned, with the name they gave it.
#[derive(Debug, Clone, PartialEq)]
pub struct Pinned {
    pub pin: Pin,
    pub name: String,
    pub scenario: Scenario,
}

impl Pinned {
    /// "A: Cautious", or "A" when it has no name.
    pub fn label(&self) -> String {
        if self.name.is_empty() {
            self.pin.letter().to_string()
        } else {
            format!("{}: {}", self.pin.letter(), self.name)
        }
    }
}

/// A name as a reader typed it, made fit to label a column: one line, trimmed, at most
/// `MAX_PIN_NAME_CHARS` characters.
pub fn pin_name(typed: &str) -> String {
    typed
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_PIN_NAME_CHARS)
        .collect()
}

/// The first place free for a new pin, if any.
pub fn free_pin(pinned: &[Pinned]) -> Option<Pin> {
    Pin::ALL
        .into_iter()
        .find(|pin| pinned.iter().all(|p| p.pin != *pin))
}

/// One scenario of a comparison, worked out.
#[derive(Debug, Clone, PartialEq)]
pub struct Compared {
    /// "Now" for the scenario on the page, else the pin's label.
    pub label: String,
    /// `None` for the scenario on the page.
    pub pin: Option<Pin>,
    pub scenario: Scenario,
    pub cashflow: Cashflow,
    pub switching: SwitchingValues,
    /// The chance of paying back by the scenario's target month, when a run was asked for.
    pub chance: Option<Chance>,
}

impl Compared {
    /// The lever's switching values in this scenario, if it has any.
    pub fn switching_of(&self, key: &str) -> Option<&LeverSwitching> {
        self.switching.levers.iter().find(|found| found.key == key)
    }
}

/// The label of the scenario on the page.
pub const NOW_LABEL: &str = "Now";

/// Every scenario of a comparison in one go.
pub fn compare(
    levers: &[Lever],
    now: &Scenario,
    pinned: &[Pinned],
    draws: Option<Draws>,
    ranges: &[ReaderRange],
) -> Vec<Compared> {
    let mut run = ComparisonRun::new(now, pinned, draws, ranges);
    while run.step(levers) {}
    run.result()
}

/// A comparison worked out a step at a time: for each scenario, its model run, then each
/// lever's switching values one lever a step, then its uncertainty run in steps of draws.
pub struct ComparisonRun {
    /// The scenarios still to start, last first.
    waiting: Vec<Waiting>,
    draws: Option<Draws>,
    /// The plausible ranges the reader set, for every scenario's uncertainty run.
    ranges: Vec<ReaderRange>,
    done: Vec<Compared>,
    working: Option<Working>,
}

/// A scenario still to start: one to work out, or one already worked out before.
enum Waiting {
    ToWork(String, Option<Pin>, Box<Scenario>),
    Known(Box<Compared>),
}

/// The scenario being worked on: its results so far, the next lever, and its draws.
struct Working {
    compared: Compared,
    next_lever: usize,
    monte_carlo: Option<MonteCarlo>,
}

/// Draws made in one step.
const DRAWS_A_STEP: usize = 8;

impl ComparisonRun {
    pub fn new(
        now: &Scenario,
        pinned: &[Pinned],
        draws: Option<Draws>,
        ranges: &[ReaderRange],
    ) -> Self {
        let mut waiting = vec![Waiting::ToWork(
            NOW_LABEL.to_string(),
            None,
            Box::new(now.clone()),
        )];
        waiting.extend(
            pinned
                .iter()
                .map(|p| Waiting::ToWork(p.label(), Some(p.pin), Box::new(p.scenario.clone()))),
        );
        waiting.reverse();
        ComparisonRun {
            waiting,
            draws,
            ranges: ranges.to_vec(),
            done: Vec::new(),
            working: None,
        }
    }

    /// The same run, taking each scenario that `known` already worked out (the same label, pin
    /// and assumptions) as it is instead of working it out again: while a reader moves the
    /// scenario on the page, the pinned ones do not change. `known` must have been worked out
    /// with the same levers, draws and ranges.
    pub fn reusing(mut self, known: &[Compared]) -> Self {
        for waiting in &mut self.waiting {
            let found = match waiting {
                Waiting::ToWork(label, pin, scenario) => known
                    .iter()
                    .find(|c| c.label == *label && c.pin == *pin && c.scenario == **scenario),
                Waiting::Known(_) => None,
            };
            if let Some(found) = found {
                *waiting = Waiting::Known(Box::new(found.clone()));
            }
        }
        self
    }

    /// Makes one step; false once the whole comparison is made. `levers` must be the ones of
    /// the proposal the scenarios are of.
    pub fn step(&mut self, levers: &[Lever]) -> bool {
        let Some(working) = self.working.as_mut() else {
            let (label, pin, scenario) = match self.waiting.pop() {
                None => return false,
                Some(Waiting::Known(compared)) => {
                    self.done.push(*compared);
                    return !self.waiting.is_empty();
                }
                Some(Waiting::ToWork(label, pin, scenario)) => (label, pin, *scenario),
            };
            let monte_carlo = self.draws.map(|run| {
                let drawn = uncertain_levers_with(levers, &scenario, &self.ranges);
                MonteCarlo::new(levers, &scenario, &drawn, run.draws, run.seed)
            });
            self.working = Some(Working {
                compared: Compared {
                    label,
                    pin,
                    cashflow: model::run(&scenario),
                    switching: SwitchingValues {
                        target_month: scenario.target_month(),
                        levers: Vec::new(),
                    },
                    chance: None,
                    scenario,
                },
                next_lever: 0,
                monte_carlo,
            });
            return true;
        };
        if let Some(lever) = levers.get(working.next_lever) {
            working.next_lever += 1;
            if let Some(found) = lever_switching(lever, &working.compared.scenario) {
                working.compared.switching.levers.push(found);
            }
            return true;
        }
        if let Some(monte_carlo) = working.monte_carlo.as_mut() {
            if monte_carlo.draw(levers, DRAWS_A_STEP) {
                return true;
            }
            working.compared.chance = Some(monte_carlo.result().by_target);
        }
        if let Some(finished) = self.working.take() {
            self.done.push(finished.compared);
        }
        !self.waiting.is_empty()
    }

    /// The scenarios worked out so far, the one on the page first.
    pub fn result(&self) -> Vec<Compared> {
        self.done.clone()
    }

    /// Whether every scenario is worked out.
    pub fn is_complete(&self) -> bool {
        self.working.is_none() && self.waiting.is_empty()
    }
}
