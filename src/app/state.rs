//! The page's state: which proposal, and the scenario (its assumptions). Every change a reader
//! can make is an `Action`, handled in one place. Results are derived from the state, never
//! stored beside it, and the link is written from it, so neither can drift.

use std::rc::Rc;

use yew::Reducible;

use crate::codec::fragment::{encode_proposal, FRAGMENT_KEY};
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
    /// The proposal opened from a file (or a link carrying one), which travels in the link.
    pub opened_file: Option<OpenedFile>,
}

/// A proposal a reader opened from a file: where it is in `proposals`, and the link fragment
/// that carries its text.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenedFile {
    pub index: usize,
    pub fragment: Rc<str>,
}

pub enum Action {
    ChooseProposal(usize),
    SetLever {
        key: String,
        value: LeverValue,
    },
    ResetToPublished,
    DismissNotices,
    /// A proposal file read and checked: added (or replacing the proposal with its id) and
    /// opened.
    OpenFile(Box<Proposal>),
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
            opened_file: None,
        }
    }

    /// The state a link describes whose fragment carried a proposal file (the proposal, and the
    /// fragment as the link gave it): the file's proposal joins the others before the query is
    /// read, so the query can name it.
    pub fn from_link_with_file(
        proposals: Rc<Vec<Proposal>>,
        query: &str,
        file: Option<(Proposal, Rc<str>)>,
    ) -> Self {
        let Some((proposal, fragment)) = file else {
            return State::from_link(proposals, query);
        };
        let mut all = (*proposals).clone();
        let index = add_proposal(&mut all, proposal);
        let mut state = State::from_link(Rc::new(all), query);
        state.opened_file = Some(OpenedFile { index, fragment });
        state
    }

    /// The link's fragment (without `#`) when the proposal on screen came from a file.
    pub fn fragment(&self) -> Option<Rc<str>> {
        self.opened_file
            .as_ref()
            .filter(|file| file.index == self.proposal)
            .map(|file| file.fragment.clone())
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
                next.scenario = next.proposals[index].starting.clone();
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
            Action::OpenFile(proposal) => {
                let fragment = fragment_for(&proposal.file_text);
                let mut all = (*next.proposals).clone();
                let index = add_proposal(&mut all, *proposal);
                next.scenario = all[index].starting.clone();
                next.proposals = Rc::new(all);
                next.proposal = index;
                next.notices.clear();
                next.opened_file = Some(OpenedFile { index, fragment });
            }
        }
        Rc::new(next)
    }
}

/// Adds a proposal, replacing any with the same id (ids name proposals in links), and says where.
fn add_proposal(proposals: &mut Vec<Proposal>, proposal: Proposal) -> usize {
    match proposals.iter().position(|p| p.id == proposal.id) {
        Some(index) => {
            proposals[index] = proposal;
            index
        }
        None => {
            proposals.push(proposal);
            proposals.len() - 1
        }
    }
}

fn fragment_for(text: &str) -> Rc<str> {
    format!("{FRAGMENT_KEY}={}", encode_proposal(text)).into()
}
