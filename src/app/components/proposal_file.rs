//! "Open a proposal file": a council's own file, chosen or dropped, read in the browser (it never
//! leaves the computer) through the same reader as `calc check`. A file that cannot be used gets
//! the same messages as `check`, in the GOV.UK error-summary pattern.

use std::rc::Rc;

use wasm_bindgen_futures::JsFuture;
use web_sys::{DragEvent, File, HtmlInputElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::app::{browser, checker};
use crate::model::Scenario;
use crate::proposal::{named_problems, Proposal};

/// Larger than any proposal file; a bigger file is surely the wrong one.
const MAX_FILE_BYTES: f64 = 1_000_000.0;

#[derive(Properties, PartialEq)]
pub struct ProposalFileProps {
    /// A file read and checked (the proposal keeps the file's text), with the link fragment
    /// that carries it.
    pub on_open: Callback<(Proposal, Rc<str>)>,
    /// Problems found elsewhere with a proposal file (one carried in the link), shown the same way.
    #[prop_or_default]
    pub problems: Vec<String>,
    /// The proposal on screen and its assumptions as the reader has them, for the download.
    pub proposal: Rc<Proposal>,
    pub scenario: Rc<Scenario>,
}

async fn read(file: File) -> Result<(Proposal, Rc<str>), Vec<String>> {
    let name = file.name();
    if file.size() > MAX_FILE_BYTES {
        return Err(vec![format!(
            "{name} is {} KB; a proposal file is a few KB of text. Choose the .toml file.",
            (file.size() / 1000.0).round()
        )]);
    }
    let unreadable = || vec![format!("{name} could not be read as text.")];
    let text = JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|value| value.as_string())
        .ok_or_else(unreadable)?;
    checker::read_opened(&text)
        .await
        .map_err(|problems| named_problems(&name, problems))
}

#[function_component(ProposalFile)]
pub fn proposal_file(props: &ProposalFileProps) -> Html {
    let problems = use_state(Vec::<String>::new);
    let dragging = use_state(|| false);
    let summary = use_node_ref();
    let shown: Vec<String> = props
        .problems
        .iter()
        .chain(problems.iter())
        .cloned()
        .collect();
    {
        // The error summary takes focus when it appears, as GOV.UK's pattern asks.
        let summary = summary.clone();
        use_effect_with(shown.clone(), move |shown| {
            if !shown.is_empty() {
                if let Some(element) = summary.cast::<web_sys::HtmlElement>() {
                    let _ = element.focus();
                }
            }
            || ()
        });
    }
    let open = {
        let problems = problems.clone();
        let on_open = props.on_open.clone();
        move |file: File| {
            let problems = problems.clone();
            let on_open = on_open.clone();
            spawn_local(async move {
                match read(file).await {
                    Ok(opened) => {
                        problems.set(Vec::new());
                        on_open.emit(opened);
                    }
                    Err(found) => problems.set(found),
                }
            });
        }
    };
    let on_change = {
        let open = open.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                open(file);
            }
            // Choosing the same file again (after fixing it) must fire again.
            input.set_value("");
        })
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(true);
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_drop = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(false);
            if let Some(file) = event
                .data_transfer()
                .and_then(|transfer| transfer.files())
                .and_then(|files| files.get(0))
            {
                open(file);
            }
        })
    };
    let on_download = {
        let problems = problems.clone();
        let proposal = props.proposal.clone();
        let scenario = props.scenario.clone();
        Callback::from(move |_: MouseEvent| {
            let problems = problems.clone();
            let proposal = proposal.clone();
            let scenario = scenario.clone();
            spawn_local(async move {
                let saved = checker::file_with_assumptions(&proposal, &scenario)
                    .await
                    .and_then(|text| {
                        browser::download(
                            &format!("{}.toml", proposal.id),
                            "application/toml;charset=utf-8",
                            &text,
                        )
                    });
                problems.set(match saved {
                    Ok(()) => Vec::new(),
                    Err(why) => vec![format!("The proposal file could not be made: {why}")],
                });
            });
        })
    };
    // The summary's links focus the file box without changing the address's fragment, which
    // may be carrying a proposal file.
    let focus_input = Callback::from(|event: MouseEvent| {
        let input = gloo::utils::document().get_element_by_id("proposal-file-input");
        if let Some(input) =
            input.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        {
            event.prevent_default();
            let _ = input.focus();
        }
    });
    let has_errors = !shown.is_empty();
    let described = if has_errors {
        "proposal-file-hint proposal-file-error"
    } else {
        "proposal-file-hint"
    };
    html! {
        <section class={classes!("proposal-file", has_errors.then_some("proposal-file--error"), dragging.then_some("proposal-file--dragging"))}
            aria-labelledby="proposal-file-heading"
            ondragover={on_drag_over} ondragleave={on_drag_leave} ondrop={on_drop}>
            <h2 id="proposal-file-heading" class="proposal-file__heading">{ "Your own proposal file" }</h2>
            if has_errors {
                <div class="error-summary" id="proposal-file-summary" role="alert" tabindex="-1"
                    aria-labelledby="proposal-file-summary-title" ref={summary}>
                    <h3 class="error-summary__title" id="proposal-file-summary-title">{ "There is a problem" }</h3>
                    <ul class="error-summary__list">
                        { for shown.iter().map(|problem| html! {
                            <li><a href="#proposal-file-input" onclick={focus_input.clone()}>{ problem }</a></li>
                        }) }
                    </ul>
                </div>
            }
            <label for="proposal-file-input" class="proposal-file__label">{ "Open a proposal file" }</label>
            <p id="proposal-file-hint" class="proposal-file__hint">
                { "A .toml proposal file (see \u{201c}Publish your own proposal\u{201d}), chosen here or dropped on this box. It is read in your browser and never leaves your computer." }
            </p>
            if has_errors {
                <p id="proposal-file-error" class="error-message">
                    <span class="visually-hidden">{ "Error: " }</span>
                    { if shown.len() == 1 { "The file could not be used: see the problem above.".to_string() } else { format!("The file could not be used: see the {} problems above.", shown.len()) } }
                </p>
            }
            <input type="file" id="proposal-file-input" class="proposal-file__input" accept=".toml,text/plain,application/toml"
                aria-describedby={described} aria-invalid={has_errors.to_string()} onchange={on_change} />
            <p class="proposal-file__download">
                <button type="button" class="button button--secondary" id="download-proposal" onclick={on_download}
                    aria-describedby="download-proposal-hint">{ "Download as a proposal file" }</button>
                <span id="download-proposal-hint" class="proposal-file__hint">
                    { format!(" {}, with the assumptions as you have set them: open it here again, check it with calc check, or publish it.", props.proposal.name) }
                </span>
            </p>
        </section>
    }
}
