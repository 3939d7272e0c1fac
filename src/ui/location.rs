//! The location bar and the tab's title: replacing the current history
//! entry (a search keystroke must not push one entry per letter) and
//! setting `document.title`.

use wasm_bindgen::{JsCast, JsValue};

/// Replaces the current history entry's hash with `href` (no `hashchange`,
/// no new entry); nothing when it is already there.
pub fn replace_hash(href: &str) {
    let Some(window) = web_sys::window() else { return };
    if window.location().hash().ok().as_deref() == Some(href) {
        return;
    }
    // `history.replaceState(null, "", href)`, reached by name so the
    // web-sys History binding is not needed.
    let history = js_sys::Reflect::get(&window, &JsValue::from_str("history")).ok();
    let replace = history
        .as_ref()
        .and_then(|h| js_sys::Reflect::get(h, &JsValue::from_str("replaceState")).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match (history, replace) {
        (Some(history), Some(replace)) => {
            let _ = replace.call3(
                &history,
                &JsValue::NULL,
                &JsValue::from_str(""),
                &JsValue::from_str(href),
            );
        }
        _ => {
            let _ = window.location().replace(href);
        }
    }
}

/// Sets the tab's title.
pub fn set_title(title: &str) {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(title);
    }
}
