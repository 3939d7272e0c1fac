//! Small browser helpers for the UI: clock, downloads, theme, focus, hash.
//! None of them panics when a web API is missing; they do nothing instead.

use wasm_bindgen::JsCast;

use crate::progress::Theme;

/// Milliseconds since the epoch (JS `Date.now()`).
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// Minutes east of UTC of the local time zone (`-getTimezoneOffset()`).
pub fn tz_offset_min() -> i32 {
    -(js_sys::Date::new_0().get_timezone_offset() as i32)
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// Offers `text` to the user as a downloaded file named `filename`.
pub fn download_text(filename: &str, text: &str) -> Result<(), String> {
    let fail = |_| format!("Could not create the file {filename}.");
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let doc = document().ok_or("No document.")?;
    let anchor = doc
        .create_element("a")
        .map_err(fail)?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| "No link element.".to_string())?;
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Applies a theme: `data-theme` on `<html>`, which the CSS reads.
pub fn apply_theme(theme: Theme) {
    let value = match theme {
        Theme::System => "system",
        Theme::Light => "light",
        Theme::Dark => "dark",
    };
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("data-theme", value);
    }
}

/// Moves keyboard focus to the element with this id, if there is one.
pub fn focus_id(id: &str) -> bool {
    let element = document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match element {
        Some(element) => element.focus().is_ok(),
        None => false,
    }
}

/// The current location hash, e.g. `#/browse`.
pub fn hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Navigates to a hash route.
pub fn go(href: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash(href);
    }
}

/// Scrolls the page to the top (after a route change).
pub fn scroll_top() {
    if let Some(window) = web_sys::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}
