//! The page's state: which proposal, and the scenario (its assumptions). Every change a reader
//! can make is an `Action`, handled in one place. Results are derived from the state, never
//! stored beside it, and the link is written from it, so neither can drift.

use std::rc::Rc;

use crate::analysis::comparison::{free_pin, pin_name, Pin, Pinned};
use crate::analysis::uncertainty::{RangeEnd, ReaderRange};
use crate::analysis::Draws;
use crate::codec::fragment::{
    decode_proposal, encode_proposal, fragment_carrying, proposal_in_fragment,
};
use crate::codec::{self, Notice};
use crate::levers::LeverValue;
use crate::model::Scenario;
use crate::proposal::{read_proposal, Proposal};
use crate::site::provenance::{Provenance, Source};

#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The proposals the site publishes, in its order, then the one opened from a link or a
    /// file (if any), last: beside the published ones, never in place of one.
    pub proposals: Rc<Vec<Proposal>>,
    /// Index into `proposals`.
    pub proposal: usize,
    /// Shared, not copied, with the components that read it: an unchanged scenario compares
    /// equal by its address, and handing it on costs nothing, on every input.
    pub scenario: Rc<Scenario>,
    /// What was corrected or ignored in the link the page was opened with.
    pub notices: Vec<Notice>,
    /// The proposal opened from a file (or a link carrying one), which travels in the link.
    pub opened_file: Option<OpenedFile>,
    /// Scenarios of this proposal pinned beside the one on the page, in the order of their pins.
    pub pinned: Vec<Pinned>,
    /// How the uncertainty run is made (the link's `draws=` and `seed=`).
    pub draws: Draws,
    /// The plausible ranges the reader set for the uncertainty run.
    pub ranges: Vec<ReaderRange>,
}

/// A proposal a reader opened from a file or a link: where it is in `proposals` (the last
/// place), the link fragment that carries its text, and how it came.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenedFile {
    pub index: usize,
    pub fragment: Rc<str>,
    pub source: Source,
}

pub enum Action {
    ChooseProposal(usize),
    SetLever {
        key: String,
        value: LeverValue,
    },
    ResetToPublished,
    DismissNotices,
    /// A proposal file read and checked, with the link fragment that carries it: opened beside
    /// the published proposals (in place of any opened before).
    OpenFile {
        proposal: Box<Proposal>,
        fragment: Rc<str>,
    },
    /// Pins the scenario on the page in the first free place, with the name the reader typed.
    Pin {
        name: String,
    },
    Unpin(Pin),
    /// Sets one end (`low` or `high`) of a lever's plausible range, or puts it back to the
    /// file's or the default (`None`).
    SetRangeEnd {
        key: String,
        end: RangeEnd,
        value: Option<rust_decimal::Decimal>,
    },
}

/// A proposal in the picker: the key that names its control and the words on it.
#[derive(Debug, Clone, PartialEq)]
pub struct PickerEntry {
    /// A published proposal's id; `opened-` and the id for the opened one. Ids have no `-`, so
    /// the two can never clash.
    pub key: String,
    pub label: String,
}

impl State {
    /// The state a link describes.
    pub fn from_link(proposals: Rc<Vec<Proposal>>, query: &str) -> Self {
        let parsed = codec::parse(query, &proposals);
        State {
            proposals,
            proposal: parsed.proposal,
            scenario: Rc::new(parsed.scenario),
            notices: parsed.notices,
            opened_file: None,
            pinned: parsed.pinned,
            draws: parsed.draws,
            ranges: parsed.ranges,
        }
    }

    /// The state a link describes whose fragment carried a proposal file (the proposal, and the
    /// fragment as the link gave it). The file's proposal is put beside the published ones; the
    /// link's `p=` names it when it gives the file's id, as every link the page writes for it
    /// does (and links written when a file replaced the published proposal of its id did), and
    /// names a published proposal otherwise.
    pub fn from_link_with_file(
        published: Rc<Vec<Proposal>>,
        query: &str,
        file: Option<(Proposal, Rc<str>)>,
    ) -> Self {
        let Some((proposal, fragment)) = file else {
            return State::from_link(published, query);
        };
        let names_file = codec::named_proposal(query).is_some_and(|id| id == proposal.id);
        let parsed = if names_file {
            codec::parse(query, std::slice::from_ref(&proposal))
        } else {
            codec::parse(query, &published)
        };
        let (all, index) = beside(&published, proposal);
        State {
            proposals: Rc::new(all),
            proposal: if names_file { index } else { parsed.proposal },
            scenario: Rc::new(parsed.scenario),
            notices: parsed.notices,
            opened_file: Some(OpenedFile {
                index,
                fragment,
                source: Source::Link,
            }),
            pinned: parsed.pinned,
            draws: parsed.draws,
            ranges: parsed.ranges,
        }
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

    /// Whether the proposal at `index` is one the site publishes, or how it came if not.
    pub fn provenance_of(&self, index: usize) -> Provenance {
        match &self.opened_file {
            Some(file) if file.index == index => Provenance::Opened(file.source),
            Some(_) | None => Provenance::Published,
        }
    }

    /// Whether the proposal on screen is one the site publishes.
    pub fn provenance(&self) -> Provenance {
        self.provenance_of(self.proposal)
    }

    /// The proposals the site publishes (without the one opened from a file or a link).
    pub fn published(&self) -> &[Proposal] {
        let count = self
            .opened_file
            .as_ref()
            .map_or(self.proposals.len(), |file| file.index);
        self.proposals.get(..count).unwrap_or(&self.proposals)
    }

    /// Every proposal the picker offers, in order.
    pub fn picker_entries(&self) -> Vec<PickerEntry> {
        self.proposals
            .iter()
            .enumerate()
            .map(|(index, proposal)| {
                let provenance = self.provenance_of(index);
                let key = match provenance {
                    Provenance::Published => proposal.id.clone(),
                    Provenance::Opened(_) => format!("opened-{}", proposal.id),
                };
                PickerEntry {
                    key,
                    label: crate::site::provenance::picker_label(&proposal.name, provenance),
                }
            })
            .collect()
    }

    /// The link (query string, without `?`) for this state.
    pub fn link(&self) -> String {
        codec::write_with(
            self.current(),
            &self.scenario,
            &self.pinned,
            self.draws,
            &self.ranges,
        )
    }

    pub fn is_published(&self) -> bool {
        *self.scenario == self.current().baseline
    }
}

impl State {
    /// The state after a reader's action: the same `Rc` when nothing changes, so the page does
    /// not redraw.
    pub fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::ChooseProposal(index) if index < next.proposals.len() => {
                next.proposal = index;
                next.scenario = Rc::new(next.proposals[index].starting.clone());
                next.notices.clear();
                // Pins are scenarios of one proposal.
                next.pinned.clear();
                next.ranges.clear();
            }
            Action::ChooseProposal(_) => return self,
            Action::SetLever { key, value } => {
                // The proposal's levers were found once, when it was read.
                let Some(lever) = self.current().lever(&key) else {
                    return self;
                };
                let (value, _) = lever.clamp(value);
                lever.set(Rc::make_mut(&mut next.scenario), value);
            }
            Action::ResetToPublished => {
                next.scenario = Rc::new(next.current().baseline.clone());
            }
            Action::DismissNotices => next.notices.clear(),
            Action::OpenFile { proposal, fragment } => {
                next.scenario = Rc::new(proposal.starting.clone());
                let (all, index) = beside(next.published(), *proposal);
                next.proposals = Rc::new(all);
                next.proposal = index;
                next.notices.clear();
                next.pinned.clear();
                next.ranges.clear();
                next.opened_file = Some(OpenedFile {
                    index,
                    fragment,
                    source: Source::File,
                });
            }
            Action::Pin { name } => {
                let Some(pin) = free_pin(&next.pinned) else {
                    return self;
                };
                next.pinned.push(Pinned {
                    pin,
                    name: pin_name(&name),
                    scenario: (*next.scenario).clone(),
                });
                next.pinned.sort_by_key(|pinned| pinned.pin);
            }
            Action::Unpin(pin) => next.pinned.retain(|pinned| pinned.pin != pin),
            Action::SetRangeEnd { key, end, value } => {
                if self.current().lever(&key).is_none() {
                    return self;
                }
                let levers = self.current().levers();
                codec::query::set_range_end(&mut next.ranges, levers, &key, end, value);
            }
        }
        Rc::new(next)
    }
}

/// The published proposals with an opened one after them, and its place. It keeps its own id
/// (links name it by that id, with the file in the fragment) but never takes a published
/// proposal's place, whatever id it claims.
fn beside(published: &[Proposal], opened: Proposal) -> (Vec<Proposal>, usize) {
    let mut all = published.to_vec();
    all.push(opened);
    let index = published.len();
    (all, index)
}

/// A file read here, opened with the fragment that carries it (the page has its checker
/// module encode it, so that the page itself carries no compressor).
pub fn open_file(proposal: Proposal) -> Action {
    let fragment = fragment_carrying(&encode_proposal(&proposal.file_text)).into();
    Action::OpenFile {
        proposal: Box::new(proposal),
        fragment,
    }
}

/// The proposal file a link carries in its fragment (with or without `#`), read and checked,
/// with the fragment that carried it; or why it cannot be used.
pub fn linked_file(fragment: &str) -> Result<Option<(Proposal, Rc<str>)>, Vec<String>> {
    let Some(value) = proposal_in_fragment(fragment) else {
        return Ok(None);
    };
    let text = decode_proposal(value).map_err(|e| vec![e])?;
    match read_proposal(&text) {
        Ok(proposal) => Ok(Some((proposal, fragment_carrying(value).into()))),
        Err(problems) => Err(in_the_link(problems)),
    }
}

/// Problems with the file a link carried, as the page says them.
pub fn in_the_link<P: std::fmt::Display>(problems: impl IntoIterator<Item = P>) -> Vec<String> {
    problems
        .into_iter()
        .map(|problem| format!("The proposal in this link: {problem}"))
        .collect()
}
