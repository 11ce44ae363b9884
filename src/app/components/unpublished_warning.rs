//! The warning above a proposal the site does not publish (one carried in a link or opened from a
//! file): in words, with a "!" sign and a heavy border, so colour carries none of it.

use yew::prelude::*;

use crate::site::provenance::{warning, Provenance};

#[derive(Properties, PartialEq)]
pub struct UnpublishedWarningProps {
    pub provenance: Provenance,
    /// The site's council, from its branding; empty for none.
    pub council_name: AttrValue,
}

#[function_component(UnpublishedWarning)]
pub fn unpublished_warning(props: &UnpublishedWarningProps) -> Html {
    match props.provenance {
        Provenance::Published => html! {},
        Provenance::Opened(source) => html! {
            <div class="warning-text" id="unpublished-warning">
                <span class="warning-text__icon" aria-hidden="true">{ "!" }</span>
                <p class="warning-text__text">
                    <span class="visually-hidden">{ "Warning: " }</span>
                    { warning(source, &props.council_name) }
                </p>
            </div>
        },
    }
}
