//! Sections that draw their contents only while open.

use yew::prelude::*;

/// Whether a `<details>` is open, and the `ontoggle` that keeps the answer current.
#[hook]
pub fn use_details_open() -> (bool, Callback<Event>) {
    let open = use_state(|| false);
    let on_toggle = {
        let open = open.clone();
        use_callback((), move |event: Event, _| {
            let details: web_sys::Element = event.target_unchecked_into();
            open.set(details.has_attribute("open"));
        })
    };
    (*open, on_toggle)
}
