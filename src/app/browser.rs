//! The few browser calls the page makes: reading and replacing the link, copying to the clipboard.

use wasm_bindgen::{JsCast, JsValue};

/// The query string the page was opened with, without `?`.
pub fn current_query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .map(|s| s.trim_start_matches('?').to_string())
        .unwrap_or_default()
}

/// The fragment the page was opened with, without `#`.
pub fn current_fragment() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|s| s.trim_start_matches('#').to_string())
        .unwrap_or_default()
}

/// The page's address for a query and, if given, a fragment: origin and path, `?query`,
/// `#fragment`.
pub fn address_for(query: &str, fragment: Option<&str>) -> String {
    let location = web_sys::window().map(|w| w.location());
    let base = location
        .map(|l| {
            format!(
                "{}{}",
                l.origin().unwrap_or_default(),
                l.pathname().unwrap_or_default()
            )
        })
        .unwrap_or_default();
    with_query(&base, query, fragment)
}

/// `path?query`, then `#fragment` when there is one.
fn with_query(path: &str, query: &str, fragment: Option<&str>) -> String {
    match fragment {
        Some(fragment) => format!("{path}?{query}#{fragment}"),
        None => format!("{path}?{query}"),
    }
}

/// Sets the browser tab's title.
pub fn set_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}

/// Replaces the address in place (no new history entry per slider step).
pub fn replace_address(query: &str, fragment: Option<&str>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let path = window.location().pathname().unwrap_or_default();
    let address = with_query(&path, query, fragment);
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&address));
    }
}

/// Copies text with the asynchronous clipboard API. `Err` when the browser refuses (no
/// permission, an insecure page): the caller then offers the text to copy by hand.
pub async fn copy_to_clipboard(text: &str) -> Result<(), ()> {
    let window = web_sys::window().ok_or(())?;
    let clipboard = js_sys::Reflect::get(&window.navigator(), &JsValue::from_str("clipboard"))
        .map_err(|_| ())?;
    if clipboard.is_undefined() {
        return Err(());
    }
    let write_text = js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText"))
        .map_err(|_| ())?
        .dyn_into::<js_sys::Function>()
        .map_err(|_| ())?;
    let promise = write_text
        .call1(&clipboard, &JsValue::from_str(text))
        .map_err(|_| ())?
        .dyn_into::<js_sys::Promise>()
        .map_err(|_| ())?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|_| ())
}

fn element_by_id(id: &str) -> Option<web_sys::Element> {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
}

/// Removes the "Loading the calculator" line and the page built in advance, which index.html
/// shows until the calculator is ready to take over.
pub fn remove_placeholders() {
    for id in ["loading", crate::site::build::STATIC_PAGE_ID] {
        if let Some(element) = element_by_id(id) {
            element.remove();
        }
    }
}

/// The text of the page data the site build wrote into index.html, if it did.
pub fn page_data_text() -> Option<String> {
    element_by_id(crate::site::page_data::PAGE_DATA_ID).and_then(|e| e.text_content())
}

/// Shows a readable message in place of a dead page when the program fails.
pub fn install_panic_message() {
    std::panic::set_hook(Box::new(|info| show_failure(&info.to_string())));
}

/// Says at the top of the page why the calculator could not start (the page built in advance,
/// if any, stays readable below it), as boot.js does when the WebAssembly cannot load.
pub fn show_start_failure(why: &str) {
    let document = web_sys::window().and_then(|w| w.document());
    let Some((document, body)) = document.and_then(|d| d.body().map(|b| (d, b))) else {
        return;
    };
    if let Ok(message) = document.create_element("p") {
        message.set_class_name("load-failure");
        let _ = message.set_attribute("role", "alert");
        message.set_text_content(Some(&format!("The calculator could not start: {why}.")));
        let _ = body.prepend_with_node_1(&message);
    }
    if let Some(loading) = document.get_element_by_id("loading") {
        loading.remove();
    }
}

/// Replaces the page, which can no longer answer, with a plain message and the reader's link
/// (the address bar holds their scenario), so nothing they set is lost. The detail goes to
/// the console.
pub fn show_failure(detail: &str) {
    web_sys::console::error_1(&JsValue::from_str(detail));
    let body = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body());
    if let Some(body) = body {
        show_failure_in(&body);
    }
}

/// The failure message in place of everything inside `page` (the body, on the live page).
pub fn show_failure_in(page: &web_sys::Element) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let address = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let element = |tag: &str, text: &str| {
        document.create_element(tag).ok().inspect(|e| {
            e.set_text_content(Some(text));
        })
    };
    let Some(message) = element("main", "") else {
        return;
    };
    message.set_class_name("failure");
    let _ = message.set_attribute("role", "alert");
    let _ = message.set_attribute("id", "failure");
    let parts = [
        element("h1", "Sorry: the calculator has stopped"),
        element(
            "p",
            "It hit a problem it could not recover from. Your assumptions are kept in this link; open it to start again from where you were:",
        ),
        element("a", &address),
        element(
            "p",
            "If it happens again, please tell the council what you changed last, and send them the link.",
        ),
    ];
    for part in parts.into_iter().flatten() {
        if part.tag_name() == "A" {
            let _ = part.set_attribute("href", &address);
        }
        let _ = message.append_child(&part);
    }
    // The frozen page goes: a reader must not go on moving sliders that no longer answer.
    page.set_text_content(None);
    let _ = page.append_child(&message);
}

/// Saves `contents` as a file on the reader's computer (the browser's download), made in the
/// page: nothing is sent anywhere.
pub fn download(file_name: &str, mime_type: &str, contents: &str) -> Result<(), String> {
    let fail = |what: &str| format!("The browser could not save {file_name} ({what}).");
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| fail("no document"))?;
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime_type);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| fail("no file"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail("no address"))?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| fail("no link"))?
        .dyn_into()
        .map_err(|_| fail("no link"))?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // The download has its own copy once started; free the address a little later.
    gloo::timers::callback::Timeout::new(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Opens the browser's print dialogue (the print stylesheet gives a summary for a paper).
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}
