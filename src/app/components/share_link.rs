//! "Copy link to this scenario", with the link shown for copying by hand if the browser refuses.

use yew::platform::spawn_local;
use yew::prelude::*;

use crate::app::browser;

#[derive(Properties, PartialEq)]
pub struct ShareLinkProps {
    /// The scenario's whole address.
    pub address: String,
    /// Why the link cannot carry everything on screen, when it cannot.
    #[prop_or_default]
    pub caveat: Option<String>,
}

#[function_component(ShareLink)]
pub fn share_link(props: &ShareLinkProps) -> Html {
    let status = use_state(String::new);
    let address = props.address.clone();
    {
        let status = status.clone();
        use_effect_with(props.address.clone(), move |_| {
            status.set(String::new());
            || ()
        });
    }
    let on_copy = {
        let status = status.clone();
        let address = address.clone();
        Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            let address = address.clone();
            spawn_local(async move {
                status.set(match browser::copy_to_clipboard(&address).await {
                    Ok(()) => "Link copied. Anyone who opens it sees these assumptions.".into(),
                    Err(()) => {
                        "Your browser did not allow copying: select the link below and copy it."
                            .into()
                    }
                });
            });
        })
    };
    html! {
        <div class="share">
            <button type="button" class="button" id="copy-link" onclick={on_copy}>{ "Copy link to this scenario" }</button>
            <p class="share__status" aria-live="polite" id="copy-status">{ (*status).clone() }</p>
            <label for="scenario-link" class="share__label">{ "Link to this scenario" }</label>
            <input type="text" id="scenario-link" class="share__link" readonly=true value={address} />
            if let Some(caveat) = &props.caveat {
                <p class="share__caveat" id="link-caveat">{ caveat }</p>
            }
        </div>
    }
}
