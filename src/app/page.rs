//! The page itself: the Yew app over the state, its masthead, and mounting it on the document
//! with the proposals the site build wrote into the page.

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::browser;
use super::checker;
use super::components::comparison_panel::ComparisonPanel;
use super::components::downloads::Downloads;
use super::components::headline::{Headline, SummaryBar};
use super::components::lever_panel::LeverPanel;
use super::components::notices::Notices;
use super::components::organisations::Organisations;
use super::components::payback_chart::PaybackChart;
use super::components::proposal_file::ProposalFile;
use super::components::proposal_picker::{AboutProposal, ProposalPicker};
use super::components::reconciliation_view::ReconciliationView;
use super::components::sensitivity_panel::SensitivityPanel;
use super::components::share_link::ShareLink;
use super::components::skip_link::SkipLink;
use super::components::tables::CashflowTables;
use super::components::uncertainty_panel::{use_band, BandAsked, Drawing, UncertaintyPanel};
use super::components::unpublished_warning::UnpublishedWarning;
use super::state::{Action, State};
use crate::analysis::{discounted, optimism_bias, RangeEnd};
use crate::codec::fragment::{proposal_in_fragment, MAX_LINK_CHARS};
use crate::levers::LeverValue;
use crate::model;
use crate::proposal::{Proposal, Published};
use crate::reconcile::reconcile;
use crate::site::config::Branding;
use crate::site::page_data::PageData;
use crate::site::provenance::{heading, page_title};
use rust_decimal::Decimal;

/// How long the reader pauses before the address bar takes the scenario's link.
const ADDRESS_PAUSE_MS: u32 = 200;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub proposals: Rc<Vec<Proposal>>,
    /// The query string the page opened with.
    pub initial_query: String,
    /// Whether to keep the address bar in step with the scenario (off in component tests).
    #[prop_or(true)]
    pub sync_address: bool,
    /// Why some of the site's proposals could not be used (the others open).
    #[prop_or_default]
    pub site_problems: Vec<String>,
    /// The council's name, title and logo, from the site file.
    #[prop_or_default]
    pub branding: Branding,
    /// A proposal file the link carried, with the fragment that carried it.
    #[prop_or_default]
    pub linked_file: Option<(Proposal, Rc<str>)>,
    /// Why a proposal file the link carried could not be used.
    #[prop_or_default]
    pub linked_file_problems: Vec<String>,
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = {
        let proposals = props.proposals.clone();
        let query = props.initial_query.clone();
        let file = props.linked_file.clone();
        use_reducer(move || State::from_link_with_file(proposals, &query, file))
    };
    let link = state.link();
    // A proposal opened from a file travels in the link's fragment, when the link stays short
    // enough to share.
    let fragment = state.fragment();
    let full_address = browser::address_for(&link, fragment.as_deref());
    let fits = full_address.chars().count() <= MAX_LINK_CHARS;
    let (address, kept_fragment, caveat) = match fragment {
        Some(_) if !fits => (
            browser::address_for(&link, None),
            None,
            Some(format!(
                "This proposal came from a file and is too large to travel in a link ({} characters; links here stop at {}). The link gives your assumptions, but whoever opens it also needs the file: use \u{201c}Download as a proposal file\u{201d} and send them that.",
                crate::model::money::group_thousands(&full_address.chars().count().to_string()),
                crate::model::money::group_thousands(&MAX_LINK_CHARS.to_string())
            )),
        ),
        Some(fragment) => (full_address, Some(fragment), None),
        None => (full_address, None, None),
    };
    {
        // Written at once when the page opens (a corrected link is corrected in the address bar
        // too), then once the reader pauses: writing the address costs more than redrawing the
        // results, and a dragged slider sends an input every frame.
        let sync = props.sync_address;
        let pending = use_mut_ref(|| None::<Timeout>);
        let opened = use_mut_ref(|| false);
        use_effect_with((link.clone(), kept_fragment), move |(link, fragment)| {
            if sync {
                let write = {
                    let (link, fragment) = (link.clone(), fragment.clone());
                    move || browser::replace_address(&link, fragment.as_deref())
                };
                if opened.replace(true) {
                    // Replacing the timer drops (cancels) the one still waiting.
                    *pending.borrow_mut() = Some(Timeout::new(ADDRESS_PAUSE_MS, write));
                } else {
                    write();
                }
            }
            || ()
        });
    }

    if state.proposals.is_empty() {
        return html! { <main><p>{ "No proposal could be loaded." }</p></main> };
    }
    // An opened proposal may take the place of the one opened before it, so the entry is known
    // by its place and, for an opened one, its fragment.
    let entry = (state.proposal, state.fragment());
    // Copied out of the state once per proposal, not on every input.
    let shown = use_memo(entry.clone(), {
        let (proposals, index) = (state.proposals.clone(), state.proposal);
        move |_| ShownProposal::new(&proposals[index])
    });
    let proposal = shown.proposal.clone();
    let provenance = state.provenance();
    let council_name = props.branding.council_name.clone();
    {
        // The tab names the proposal on screen, and says so when the site did not publish it.
        let title = page_title(
            &proposal.name,
            &props.branding.title,
            provenance,
            &council_name,
        );
        use_effect_with(title, |title| {
            browser::set_title(title);
            || ()
        });
    }
    let cashflow = use_memo(state.scenario.clone(), |scenario| model::run(scenario));
    // Worked out once per scenario, like the cashflow it discounts.
    let discounted = use_memo(state.scenario.clone(), {
        let cashflow = cashflow.clone();
        move |scenario| discounted(&cashflow, scenario.discount_rate_percent)
    });
    // Run a second time without the bias only while one is applied.
    let optimism_bias = use_memo(state.scenario.clone(), |scenario| optimism_bias(scenario));
    let reconciliation = use_memo(entry, {
        let proposal = proposal.clone();
        move |_| reconcile(&proposal, &model::run(&proposal.baseline))
    });
    // The uncertainty run, only while its panel is open: many runs of the model.
    let uncertainty_open = use_state(|| false);
    let band_asked = BandAsked {
        drawing: Drawing {
            levers: proposal.shared_levers(),
            draws: state.draws,
            ranges: state.ranges.clone(),
        },
        scenario: state.scenario.clone(),
    };
    let band = use_band(*uncertainty_open, band_asked.clone());
    let band_current = band.as_ref().is_some_and(|band| band.asked == band_asked);
    let on_uncertainty_toggle = {
        let open = uncertainty_open.clone();
        use_callback((), move |now_open: bool, _| open.set(now_open))
    };
    // The pinned scenarios' curves, worked out when the pins change, not on each input.
    let pinned_curves = use_memo(state.pinned.clone(), |pinned| {
        pinned
            .iter()
            .map(|p| (p.pin.letter(), model::cumulative_by_month(&p.scenario)))
            .collect::<Vec<_>>()
    });
    let published_curve = shown.published_curve.clone();
    let published = shown.published.clone();

    // Made once (a callback made afresh compares unequal, and every control given it would
    // redraw on every input).
    let dispatcher = state.dispatcher();
    let on_lever = use_callback(
        dispatcher.clone(),
        |(key, value): (String, LeverValue), d| d.dispatch(Action::SetLever { key, value }),
    );
    let on_choose = use_callback(dispatcher.clone(), |index, d| {
        d.dispatch(Action::ChooseProposal(index))
    });
    let on_reset = use_callback(dispatcher.clone(), |(), d| {
        d.dispatch(Action::ResetToPublished)
    });
    let on_open_file = use_callback(
        dispatcher.clone(),
        |(proposal, fragment): (Proposal, Rc<str>), d| {
            d.dispatch(Action::OpenFile {
                proposal: Box::new(proposal),
                fragment,
            })
        },
    );
    let on_pin = use_callback(dispatcher.clone(), |name: String, d| {
        d.dispatch(Action::Pin { name })
    });
    let on_unpin = use_callback(dispatcher.clone(), |pin, d| d.dispatch(Action::Unpin(pin)));
    let on_range = use_callback(
        dispatcher.clone(),
        |(key, end, value): (String, RangeEnd, Option<Decimal>), d| {
            d.dispatch(Action::SetRangeEnd { key, end, value })
        },
    );
    let on_dismiss = use_callback(dispatcher, |(), d| d.dispatch(Action::DismissNotices));
    let entries = state.picker_entries();

    html! {
        <>
            <SkipLink />
            <Masthead branding={props.branding.clone()} />
            <main id="main">
                <h1 class="visually-hidden">{ heading(&proposal.name, provenance, &council_name) }</h1>
                <UnpublishedWarning provenance={provenance} council_name={AttrValue::from(council_name.clone())} />
                if !props.site_problems.is_empty() {
                    <div class="notice notice--site" role="status" id="site-problems">
                        <h2>{ "This site's proposals could not be used" }</h2>
                        <ul>{ for props.site_problems.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
                    </div>
                }
                <Notices notices={state.notices.clone()} on_dismiss={on_dismiss} />
                <ProposalPicker entries={entries} chosen={state.proposal} on_choose={on_choose} />
                <ProposalFile on_open={on_open_file} problems={props.linked_file_problems.clone()}
                    proposal={proposal.clone()} scenario={state.scenario.clone()} />
                <AboutProposal proposal={proposal.clone()} />
                <SummaryBar cashflow={cashflow.clone()} />
                <div class="workspace">
                    <LeverPanel levers={proposal.shared_levers()} scenario={state.scenario.clone()} on_change={on_lever}
                        on_reset={on_reset} is_published={state.is_published()}
                        starting_word={AttrValue::Static(proposal.starting_values.word())} />
                    <div class="outcome">
                        <Headline cashflow={cashflow.clone()} published={published} discounted={discounted}
                            optimism_bias={optimism_bias} />
                        <PaybackChart cashflow={cashflow.clone()} published={published_curve.clone()}
                            band={band.clone()} band_current={band_current} pinned={pinned_curves} />
                        <ShareLink address={address.clone()} caveat={caveat} />
                    </div>
                </div>
                <UncertaintyPanel asked={band_asked} band={band} on_toggle={on_uncertainty_toggle}
                    on_range={on_range} />
                <SensitivityPanel levers={proposal.shared_levers()} scenario={state.scenario.clone()} />
                <ComparisonPanel levers={proposal.shared_levers()} scenario={state.scenario.clone()}
                    pinned={state.pinned.clone()} draws={state.draws} ranges={state.ranges.clone()}
                    on_pin={on_pin} on_unpin={on_unpin} />
                <Organisations cashflow={cashflow.clone()} sources={shown.repayment_sources.clone()} />
                <CashflowTables cashflow={cashflow.clone()} />
                <Downloads cashflow={cashflow.clone()} proposal_id={proposal.id.clone()} proposal_name={proposal.name.clone()}
                    published={published_curve.clone()} brand_colour={props.branding.colours.brand.clone()}
                    address={address} />
                <ReconciliationView reconciliation={reconciliation} source={proposal.published.source.clone()} />
            </main>
            <footer class="footer">
                <p>{ "Every figure on this page is calculated in your browser from the proposal's published assumptions and yours, in exact pounds and pence; nothing is sent anywhere. Figures are rounded to the pound for display." }</p>
            </footer>
        </>
    }
}

/// The proposal on screen and its published figures, shared with the components that show them
/// (compared by address when the page redraws).
struct ShownProposal {
    proposal: Rc<Proposal>,
    published: Rc<Published>,
    published_curve: Option<Rc<Vec<Decimal>>>,
    repayment_sources: Rc<std::collections::BTreeMap<String, String>>,
}

impl ShownProposal {
    fn new(proposal: &Proposal) -> Self {
        Self {
            proposal: Rc::new(proposal.clone()),
            published: Rc::new(proposal.published.clone()),
            published_curve: proposal
                .published
                .monthly
                .get("cumulative")
                .cloned()
                .map(Rc::new),
            repayment_sources: Rc::new(proposal.repayment_sources.clone()),
        }
    }
}

/// The council's masthead: logo, name and the page's title.
#[derive(Properties, PartialEq)]
struct MastheadProps {
    branding: Branding,
}

#[function_component(Masthead)]
fn masthead(props: &MastheadProps) -> Html {
    // Written once, for the page built in advance too (every text in it escaped there).
    Html::from_html_unchecked(crate::site::prerender::masthead(&props.branding).into())
}

/// The proposals and look the site build wrote into the page, and why any proposal could not
/// be used; `Err` when there is nothing to open.
fn site_contents() -> Result<(Vec<Proposal>, Branding, Vec<String>), String> {
    let text = browser::page_data_text().ok_or(
        "this page carries no proposals: it was not built by the site command (see the README, \"Publish it on your website\")",
    )?;
    let (proposals, branding, problems) = PageData::from_script_text(&text)?.into_contents();
    if proposals.is_empty() {
        return Err(match problems.is_empty() {
            true => "the site lists no proposals".to_string(),
            false => problems.join("; "),
        });
    }
    Ok((proposals, branding, problems))
}

/// Mounts the page on the document body, with the proposals the site publishes. A link that
/// carries a proposal file waits for the checker module to read it first, so the page opens on
/// that file (the page built in advance shows meanwhile).
pub fn start() {
    browser::install_panic_message();
    let (proposals, branding, site_problems) = match site_contents() {
        Ok(contents) => contents,
        Err(why) => return browser::show_start_failure(&why),
    };
    let mount = move |linked: Result<Option<(Proposal, Rc<str>)>, Vec<String>>| {
        let (linked_file, linked_file_problems) = match linked {
            Ok(file) => (file, Vec::new()),
            Err(problems) => (None, problems),
        };
        browser::remove_placeholders();
        yew::Renderer::<App>::with_props(AppProps {
            proposals: Rc::new(proposals),
            initial_query: browser::current_query(),
            sync_address: true,
            site_problems,
            branding,
            linked_file,
            linked_file_problems,
        })
        .render();
    };
    match proposal_in_fragment(&browser::current_fragment()) {
        Some(value) => {
            let value = value.to_string();
            spawn_local(async move { mount(checker::read_linked(&value).await.map(Some)) });
        }
        None => mount(Ok(None)),
    }
}

/// The page keeps its state in a Yew reducer; how each action changes it is pure (`State::reduce`).
impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        State::reduce(self, action)
    }
}
