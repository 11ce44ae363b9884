//! The page's state: which proposal, and the scenario (its assumptions). Every change a reader
//! can make is an `Action`, handled in one place. Results are derived from the state, never
//! stored beside it, and the link is written from it, so neither can drift.

use std::rc::Rc;

use yew::Reducible;

use crate::codec::{self, LeverValue, Notice};
use crate::model::Scenario;
use crate::proposal::Proposal;

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    pub proposals: Rc<Vec<Proposal>>,
    /// Index into `proposals`.
    pub proposal: usize,
    pub scenario: Scenario,
    /// What was corrected or ignored in the link the page was opened with.
    pub notices: Vec<Notice>,
}

pub enum Action {
    ChooseProposal(usize),
    SetLever { key: String, value: LeverValue },
    ResetToPublished,
    DismissNotices,
}

impl State {
    /// The state a link describes.
    pub fn from_link(proposals: Rc<Vec<Proposal>>, query: &str) -> Self {
        let parsed = codec::parse(query, &proposals);
        State {
            proposals,
            proposal: parsed.proposal,
            scenario: parsed.scenario,
            notices: parsed.notices,
        }
    }

    pub fn current(&self) -> &Proposal {
        &self.proposals[self.proposal]
    }

    /// The link (query string, without `?`) for this state.
    pub fn link(&self) -> String {
        codec::write(self.current(), &self.scenario)
    }

    pub fn is_published(&self) -> bool {
        self.scenario == self.current().baseline
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::ChooseProposal(index) if index < next.proposals.len() => {
                next.proposal = index;
                next.scenario = next.proposals[index].baseline.clone();
                next.notices.clear();
            }
            Action::ChooseProposal(_) => return self,
            Action::SetLever { key, value } => {
                let levers = codec::levers(next.current());
                let Some(lever) = levers.iter().find(|l| l.key == key) else {
                    return self;
                };
                let (value, _) = lever.clamp(value);
                lever.set(&mut next.scenario, value);
            }
            Action::ResetToPublished => {
                next.scenario = next.current().baseline.clone();
            }
            Action::DismissNotices => next.notices.clear(),
        }
        Rc::new(next)
    }
}
