//! Component tests in a real browser (wasm-bindgen-test in headless Chromium): the app mounted
//! into the page, driven through DOM events, read back from the DOM.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;

use invest_to_save::app::state::linked_file;
use invest_to_save::app::{App, AppProps};
use invest_to_save::codec::fragment::encode_proposal;
use invest_to_save::proposal::presets::presets;
use invest_to_save::proposal::Proposal;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, EventInit, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(30)).await;
}

async fn mount(query: &str) -> Element {
    mount_with_file(query, None).await
}

/// Mounts the page as a link with a proposal file in its fragment opens it.
async fn mount_with_file(query: &str, linked_file: Option<(Proposal, Rc<str>)>) -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root_and_props(
        root.clone(),
        AppProps {
            proposals: Rc::new(presets().to_vec()),
            initial_query: query.to_string(),
            sync_address: false,
            site_problems: Vec::new(),
            branding: Default::default(),
            linked_file,
            linked_file_problems: Vec::new(),
        },
    )
    .render();
    settle().await;
    root
}

fn text(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .text_content()
        .unwrap_or_default()
}

fn input(root: &Element, selector: &str) -> HtmlInputElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap()
}

fn fire(element: &HtmlInputElement, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    element
        .dispatch_event(&Event::new_with_event_init_dict(kind, &init).unwrap())
        .unwrap();
}

#[wasm_bindgen_test]
async fn sandwell_opens_with_the_published_payback() {
    let root = mount("").await;
    assert!(text(&root, "#headline").contains("paid back by December 2023"));
    assert_eq!(input(&root, "#lever-allocation").value(), "44");
}

#[wasm_bindgen_test]
async fn moving_the_allocation_slider_changes_the_headline_and_the_number_box() {
    let root = mount("").await;
    let before = text(&root, "#headline");
    let slider = input(&root, "#lever-allocation-slider");
    slider.set_value("20");
    fire(&slider, "input");
    settle().await;
    assert_ne!(text(&root, "#headline"), before);
    assert_eq!(input(&root, "#lever-allocation").value(), "20");
    assert!(input(&root, "#scenario-link")
        .value()
        .ends_with("allocation=20"));
}

#[wasm_bindgen_test]
async fn typing_in_the_number_box_moves_the_slider() {
    let root = mount("").await;
    let number = input(&root, "#lever-cost_per_case");
    number.set_value("£5,000");
    fire(&number, "change");
    settle().await;
    assert_eq!(input(&root, "#lever-cost_per_case-slider").value(), "5000");
    assert!(text(&root, "#headline").contains("paid back"));
}

#[wasm_bindgen_test]
async fn a_typed_value_out_of_range_is_refused_with_an_error_summary_and_kept_to_correct() {
    let root = mount("").await;
    let before = text(&root, "#headline");
    let number = input(&root, "#lever-allocation");
    number.set_value("250");
    fire(&number, "change");
    settle().await;
    assert_eq!(text(&root, "#error-summary h2"), "There is a problem");
    assert!(text(&root, "#lever-allocation-message").starts_with("Error: "));
    assert_eq!(
        number.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    assert_eq!(number.value(), "250");
    assert_eq!(input(&root, "#lever-allocation-slider").value(), "44");
    assert_eq!(text(&root, "#headline"), before);
    number.set_value("50");
    fire(&number, "change");
    settle().await;
    assert!(root.query_selector("#error-summary").unwrap().is_none());
    assert_eq!(input(&root, "#lever-allocation-slider").value(), "50");
}

#[wasm_bindgen_test]
async fn a_corrected_link_shows_a_notice_that_can_be_dismissed() {
    let root = mount("allocation=400&nonsense=1").await;
    let notice = text(&root, "#link-notice");
    assert!(notice.contains("cannot be above 100%"));
    assert!(notice.contains("nonsense"));
    let dismiss: HtmlInputElement = root
        .query_selector("#dismiss-notice")
        .unwrap()
        .unwrap()
        .unchecked_into();
    dismiss.click();
    settle().await;
    assert!(root.query_selector("#link-notice").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn choosing_trafford_shows_its_council_funding_table() {
    let root = mount("").await;
    let trafford = input(&root, "#proposal-trafford");
    trafford.set_checked(true);
    fire(&trafford, "change");
    settle().await;
    assert!(text(&root, "#budget-table").contains("2,221,921"));
}

#[wasm_bindgen_test]
async fn a_link_carrying_sandwell_with_other_figures_says_so_and_leaves_the_published_one() {
    let spoof = include_str!("../proposals/sandwell.toml")
        .replace(
            "cost_per_case_per_year = 2500",
            "cost_per_case_per_year = 5000",
        )
        .replace(
            "saving_cap_per_year = 400000",
            "saving_cap_per_year = 2000000",
        );
    let file = linked_file(&format!("proposal={}", encode_proposal(&spoof))).unwrap();
    let root = mount_with_file("v=1&p=sandwell", file).await;
    assert!(text(&root, "#unpublished-warning")
        .contains("Not published on this site: this proposal was opened from a link."));
    assert!(text(&root, "h1").contains("opened from a link"));
    assert!(gloo::utils::document()
        .title()
        .starts_with("Not published on this site, opened from a link: "));
    assert!(text(&root, "label[for=proposal-opened-sandwell]").ends_with("(from a link)"));
    assert!(text(&root, "#headline").contains("£1,249,167 net"));

    let published = input(&root, "#proposal-sandwell");
    published.set_checked(true);
    fire(&published, "change");
    settle().await;
    assert!(root
        .query_selector("#unpublished-warning")
        .unwrap()
        .is_none());
    assert!(text(&root, "#headline").contains("£370,000 net"));
    assert!(!text(&root, "h1").contains("opened"));
}

#[wasm_bindgen_test]
async fn a_failure_replaces_the_frozen_page_with_a_message_and_the_readers_link() {
    // On the live page the body is replaced; here a mounted page stands in for it (the test
    // runner reports through the body).
    let page = mount("?v=1&p=sandwell&allocation=30").await;
    assert_eq!(input(&page, "#lever-allocation").value(), "30");
    invest_to_save::app::browser::show_failure_in(&page);
    let message = page
        .query_selector("main#failure[role=alert]")
        .unwrap()
        .expect("the failure message");
    assert_eq!(text(&page, "h1"), "Sorry: the calculator has stopped");
    assert!(message
        .text_content()
        .unwrap()
        .contains("Your assumptions are kept in this link"));
    let address = gloo::utils::window().location().href().unwrap();
    let link = page
        .query_selector("#failure a")
        .unwrap()
        .expect("the link");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some(address.as_str())
    );
    // Nothing of the frozen page is left to move.
    assert!(page.query_selector("input").unwrap().is_none());
    page.remove();
}

#[wasm_bindgen_test]
async fn every_lever_of_every_proposal_has_a_box_showing_its_starting_value() {
    use invest_to_save::app::components::error_summary::box_id;
    for proposal in presets() {
        let root = mount(&format!("v=1&p={}", proposal.id)).await;
        for lever in proposal.levers() {
            let selector = format!("#{}", box_id(&lever.key));
            assert_eq!(
                input(&root, &selector).value(),
                lever.box_text(lever.get(&proposal.starting)),
                "{} {}",
                proposal.id,
                lever.key
            );
        }
    }
}

/// The uncertainty run draws the same in the browser as natively: `calc sandwell --format json
/// --draws 1000 --seed 1` prints these figures, to the penny.
#[wasm_bindgen_test]
fn the_uncertainty_run_gives_the_native_figures_in_the_browser() {
    use invest_to_save::analysis::{uncertain_levers, uncertainty};
    let sandwell = &presets()[0];
    let drawn = uncertain_levers(sandwell.levers(), &sandwell.baseline);
    let run = uncertainty(sandwell.levers(), &sandwell.baseline, &drawn, 1_000, 1);
    let pounds = |text: &str| text.parse::<rust_decimal::Decimal>().unwrap();
    assert_eq!(run.net_return.p10, pounds("278811.45"));
    assert_eq!(run.net_return.p50, pounds("357489.38"));
    assert_eq!(run.net_return.p90, pounds("435302.17"));
    assert_eq!(run.lowest_net_return, pounds("189855.37"));
    assert_eq!(run.highest_net_return, pounds("557772.12"));
    assert_eq!(run.by_year_end[2].paid_back, 931);
    assert_eq!(run.cumulative[20].p50, pounds("-36152.35"));
}
