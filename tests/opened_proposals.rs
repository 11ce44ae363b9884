//! A proposal carried in a link or opened from a file never takes the place of one the site
//! publishes: it is put beside them, marked as not published, and the links the page writes for
//! it read back to the same state.

use std::rc::Rc;

use invest_to_save::app::state::{linked_file, open_file, Action, State};
use invest_to_save::codec::fragment::encode_proposal;
use invest_to_save::levers::LeverValue;
use invest_to_save::model;
use invest_to_save::proposal::presets::presets;
use invest_to_save::proposal::{read_proposal, Proposal};
use invest_to_save::site::provenance::{Provenance, Source};
use rust_decimal::Decimal;

const SANDWELL: &str = include_str!("../proposals/sandwell.toml");

/// Sandwell's own file with its id and name, and different figures: what a spoofing link carries.
fn spoof_text() -> String {
    SANDWELL
        .replace(
            "cost_per_case_per_year = 2500",
            "cost_per_case_per_year = 5000",
        )
        .replace(
            "saving_cap_per_year = 400000",
            "saving_cap_per_year = 2000000",
        )
}

fn published() -> Rc<Vec<Proposal>> {
    Rc::new(presets().to_vec())
}

fn fragment_of(text: &str) -> String {
    format!("proposal={}", encode_proposal(text))
}

/// The state a whole link opens: its query, and its fragment read as the page reads it.
fn open_link(query: &str, fragment: &str) -> State {
    let file = linked_file(fragment).expect("the link's file is readable");
    State::from_link_with_file(published(), query, file)
}

/// The net return to the pound, as the page shows it.
fn net_return(state: &State) -> Decimal {
    model::run(&state.scenario).results.net_return.round()
}

fn index_of_published(state: &State, id: &str) -> usize {
    state
        .published()
        .iter()
        .position(|p| p.id == id)
        .expect("published")
}

/// Reads back the link the state writes (query and fragment, as the address bar holds them).
fn read_back(state: &State) -> State {
    let fragment = state.fragment().map(|f| f.to_string()).unwrap_or_default();
    open_link(&state.link(), &fragment)
}

fn assert_same_state(read: &State, written: &State) {
    assert_eq!(read.proposals, written.proposals);
    assert_eq!(read.proposal, written.proposal);
    assert_eq!(read.scenario, written.scenario);
    assert_eq!(read.fragment(), written.fragment());
    assert_eq!(read.notices, []);
}

#[test]
fn a_link_carrying_a_file_with_a_published_id_opens_the_file_beside_the_published_one() {
    let spoof = spoof_text();
    let state = open_link("v=1&p=sandwell", &format!("#{}", fragment_of(&spoof)));

    // The link is about its file: the file's proposal is on screen, marked as from a link.
    assert_eq!(&*state.current().file_text, spoof.as_str());
    assert_eq!(state.provenance(), Provenance::Opened(Source::Link));
    assert_eq!(net_return(&state), Decimal::from(1_249_167));
    assert!(state.fragment().is_some());

    // The published proposals are all there, untouched, and the file is after them.
    assert_eq!(state.published(), presets());
    assert_eq!(state.proposals.len(), presets().len() + 1);
    assert_eq!(state.proposal, presets().len());
    let entries = state.picker_entries();
    assert_eq!(entries[0].key, "sandwell");
    assert_eq!(entries[0].label, presets()[0].name);
    let opened = entries.last().expect("an entry for the file");
    assert_eq!(opened.key, "opened-sandwell");
    assert_eq!(
        opened.label,
        "Sandwell: an early help lead to reduce referrals (from a link)"
    );
}

#[test]
fn choosing_the_published_proposal_shows_the_published_figures_and_a_link_without_the_file() {
    let state = open_link("v=1&p=sandwell", &fragment_of(&spoof_text()));
    let index = index_of_published(&state, "sandwell");
    let chosen = Rc::new(state).reduce(Action::ChooseProposal(index));
    assert_eq!(chosen.provenance(), Provenance::Published);
    assert_eq!(net_return(&chosen), Decimal::from(370_000));
    assert_eq!(chosen.fragment(), None);
    assert_eq!(chosen.link(), "v=1&p=sandwell");
    // And that link opens the published Sandwell, with no file at all.
    let opened = State::from_link(published(), &chosen.link());
    assert_eq!(opened.current(), &presets()[0]);
    assert_eq!(net_return(&opened), Decimal::from(370_000));
}

#[test]
fn the_links_written_for_an_opened_file_read_back_to_the_same_state() {
    let state = open_link("v=1&p=sandwell", &fragment_of(&spoof_text()));
    assert_same_state(&read_back(&state), &state);
    assert!(state.link().starts_with("v=1&p=sandwell"));

    let moved = Rc::new(state).reduce(Action::SetLever {
        key: "allocation".into(),
        value: LeverValue::Number(Decimal::from(30)),
    });
    assert!(moved.link().ends_with("&allocation=30"), "{}", moved.link());
    assert_same_state(&read_back(&moved), &moved);
}

#[test]
fn a_file_opened_in_the_page_with_a_published_id_goes_beside_the_published_one() {
    let state = Rc::new(State::from_link(published(), ""));
    let spoof = read_proposal(&spoof_text()).expect("a readable file");
    let opened = state.reduce(open_file(spoof.clone()));
    assert_eq!(opened.current(), &spoof);
    assert_eq!(opened.provenance(), Provenance::Opened(Source::File));
    assert_eq!(opened.published(), presets());
    assert_eq!(
        opened.picker_entries().last().map(|e| e.label.as_str()),
        Some("Sandwell: an early help lead to reduce referrals (from a file)")
    );

    // Its link carries the file and opens it again, now as from a link.
    let shared = read_back(&opened);
    assert_same_state(&shared, &opened);
    assert_eq!(shared.provenance(), Provenance::Opened(Source::Link));

    // A second file takes the first one's place, never a published one's.
    let own = read_proposal(include_str!("../proposals/own.toml")).expect("readable");
    let again = opened.reduce(open_file(own.clone()));
    assert_eq!(again.published(), presets());
    assert_eq!(again.proposals.len(), presets().len() + 1);
    assert_eq!(again.current(), &own);
    assert_eq!(
        again.picker_entries().last().map(|e| e.key.as_str()),
        Some("opened-own")
    );
}

#[test]
fn a_link_naming_a_published_proposal_opens_it_with_the_file_beside_it() {
    let state = open_link("v=1&p=trafford&horizon=48", &fragment_of(&spoof_text()));
    assert_eq!(state.current().id, "trafford");
    assert_eq!(state.provenance(), Provenance::Published);
    assert_eq!(state.scenario.horizon_months, 48);
    assert_eq!(state.fragment(), None);
    assert_eq!(state.proposals.len(), presets().len() + 1);
    // The links written before `p=` still name the file the same way.
    let old = open_link("proposal=sandwell", &fragment_of(&spoof_text()));
    assert_eq!(old.provenance(), Provenance::Opened(Source::Link));
}

#[test]
fn no_published_proposal_is_ever_marked_as_opened() {
    let state = open_link("v=1&p=sandwell", &fragment_of(&spoof_text()));
    let state = Rc::new(state);
    for index in 0..presets().len() {
        let chosen = state.clone().reduce(Action::ChooseProposal(index));
        assert_eq!(chosen.provenance(), Provenance::Published, "{index}");
        assert_eq!(chosen.fragment(), None, "{index}");
        assert_eq!(chosen.current(), &presets()[index]);
    }
}
