//! Small browser helpers for the UI: clock, downloads, theme, focus, hash,
//! events for the embedding page.
//! None of them panics when a web API is missing; they do nothing instead.

use std::cell::Cell;
use std::rc::Rc;

use gloo::events::EventListener;

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use yew::NodeRef;

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

/// Sets `data-theme` on `<html>` (`light`, `dark`, anything else = the system's).
pub fn set_document_theme(value: &str) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("data-theme", value);
    }
}

/// Moves keyboard focus to the element with this id inside `root` (a
/// widget's root element, itself included) or, without a root, in the
/// document. False when there is no such element.
pub fn focus_id_in(root: Option<web_sys::Node>, id: &str) -> bool {
    let found = match root.and_then(|r| r.dyn_into::<web_sys::Element>().ok()) {
        Some(root) if root.id() == id => Some(root),
        Some(root) => root.query_selector(&format!("#{id}")).ok().flatten(),
        None => document().and_then(|d| d.get_element_by_id(id)),
    };
    match found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        Some(element) => {
            // After the next paint and without scrolling: a focus() right
            // after the DOM changed forced a synchronous layout of the new
            // answer (34 of a reveal's 48 ms in the profile) and jumped the page.
            after_paint(move || {
                let options = web_sys::FocusOptions::new();
                options.set_prevent_scroll(true);
                let _ = element.focus_with_options(&options);
            });
            true
        }
        None => false,
    }
}

/// Takes focus off the focused element before a change removes it: removing
/// a focused element made the browser lay out the page synchronously (4.8 ms
/// of a grade at 4x CPU in the profile). Focus moves on after paint
/// ([`focus_id_in`]).
pub fn blur_active() {
    let mut active = document().and_then(|d| d.active_element());
    // Inside a widget the document sees the shadow host: look inside it.
    while let Some(inner) = active
        .as_ref()
        .and_then(|a| a.shadow_root())
        .and_then(|r| r.active_element())
    {
        active = Some(inner);
    }
    if let Some(element) = active.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.blur();
    }
}

/// Runs `f` when the page is next idle (`requestIdleCallback`, at most a
/// second later), or after 200 ms where there is none (Safari).
pub fn when_idle(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else { return };
    let run = wasm_bindgen::closure::Closure::once_into_js(f);
    let idle = js_sys::Reflect::get(&window, &"requestIdleCallback".into())
        .ok()
        .and_then(|v| v.dyn_into::<js_sys::Function>().ok());
    let started = match idle {
        Some(idle) => {
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"timeout".into(), &1000.into());
            idle.call2(&window, &run, &options).is_ok()
        }
        None => false,
    };
    if !started {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(run.unchecked_ref(), 200);
    }
}

/// Runs `f` once the browser has painted the current DOM: in the task after
/// the next animation frame.
pub fn after_paint(f: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else { return };
    let frame = wasm_bindgen::closure::Closure::once_into_js(move || {
        gloo::timers::callback::Timeout::new(0, f).forget();
    });
    let _ = window.request_animation_frame(frame.unchecked_ref());
}

/// Dispatches a `CustomEvent` (bubbling, composed) on `target` with a JSON detail.
pub fn dispatch_custom(target: &web_sys::Element, name: &str, detail: &serde_json::Value) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&json_value(detail));
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = target.dispatch_event(&event);
    }
}

/// Marks `<html>` with `data-<name>` and dispatches a plain event named
/// `pyprep:<name>` on the window (a script that starts later sees the mark).
pub fn mark_and_dispatch(name: &str) {
    let Some(window) = web_sys::window() else { return };
    if let Some(root) = window.document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute(&format!("data-pyprep-{name}"), "");
    }
    let name = format!("pyprep:{name}");
    if let Ok(event) = web_sys::Event::new(&name) {
        let _ = window.dispatch_event(&event);
    }
}

/// Posts a JSON message to the parent window (an iframe embed's host page).
pub fn post_to_parent(message: &serde_json::Value) {
    let Some(window) = web_sys::window() else { return };
    if let Ok(Some(parent)) = window.parent() {
        let _ = parent.post_message(&json_value(message), "*");
    }
}

/// A JSON value as a JS value.
fn json_value(value: &serde_json::Value) -> wasm_bindgen::JsValue {
    js_sys::JSON::parse(&value.to_string()).unwrap_or(wasm_bindgen::JsValue::NULL)
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

/// Focuses a widget's root (it has `tabindex="-1"`), which also scrolls it
/// into view when needed, so the keyboard stays in the widget.
pub fn focus_root(root: &NodeRef) {
    if let Some(root) = root.cast::<web_sys::HtmlElement>() {
        let _ = root.focus();
    }
}

/// Reports the document's height whenever it changes, while kept alive.
pub struct HeightReporter {
    observer: web_sys::ResizeObserver,
    _callback: Closure<dyn FnMut()>,
}

impl Drop for HeightReporter {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Calls `on_height` with the height of `<html>` (in CSS pixels) now and
/// after every change; `None` without a document or `ResizeObserver`.
pub fn report_height(on_height: impl Fn(f64) + 'static) -> Option<HeightReporter> {
    let html = document()?.document_element()?;
    let measured = html.clone();
    let last = Cell::new(-1.0);
    let callback = Closure::<dyn FnMut()>::new(move || {
        let height = measured.get_bounding_client_rect().height().ceil();
        if height != last.replace(height) {
            on_height(height);
        }
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(&html);
    Some(HeightReporter {
        observer,
        _callback: callback,
    })
}

/// True when this page is framed by another site (see [`crate::embed::partition`]), so
/// the browser partitions its storage. Reads `location.ancestorOrigins`
/// (Chromium, Safari; any cross-site ancestor counts, as it does for
/// Chrome's partition key) and otherwise, when the page is framed at all,
/// the origin of `document.referrer` (the parent's, in Firefox). False when
/// neither tells: the top-level page, or a referrer withheld by the host's
/// `Referrer-Policy`.
pub fn framed_cross_site() -> bool {
    let Some(window) = web_sys::window() else { return false };
    let location = window.location();
    let Ok(own) = location.origin() else { return false };
    let ancestors = js_sys::Reflect::get(&location, &"ancestorOrigins".into())
        .ok()
        .filter(|list| !list.is_undefined() && !list.is_null());
    if let Some(list) = ancestors {
        let length = js_sys::Reflect::get(&list, &"length".into())
            .ok()
            .and_then(|l| l.as_f64())
            .unwrap_or(0.0) as u32;
        return (0..length).any(|i| {
            let origin = js_sys::Reflect::get(&list, &i.into()).ok().and_then(|o| o.as_string());
            crate::embed::partition::is_cross_site(&own, origin.as_deref())
        });
    }
    let framed = match window.top() {
        Ok(Some(top)) => !js_sys::Object::is(&top, &window),
        _ => false,
    };
    let referrer = document().map(|d| d.referrer()).filter(|r| !r.is_empty());
    framed && crate::embed::partition::is_cross_site(&own, referrer.as_deref())
}

/// True on a touch screen without a fine pointer (phones and tablets).
pub fn is_touch_screen() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(pointer: coarse)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Listens for the page being left: `pagehide` (the tab closed, a
/// navigation) and the document turning hidden (another app or tab, after
/// which a phone may end the page without a `pagehide`). Dropping it stops.
pub struct LeaveListener {
    _listeners: (EventListener, Option<EventListener>),
}

/// Calls `on_leave` each time the page is left (see [`LeaveListener`]);
/// `None` without a window.
pub fn on_leave(on_leave: Rc<dyn Fn()>) -> Option<LeaveListener> {
    let window = web_sys::window()?;
    let on_hide = on_leave.clone();
    let hide = EventListener::new(&window, "pagehide", move |_| on_hide());
    let hidden = window.document().map(|d| {
        let doc = d.clone();
        EventListener::new(&d, "visibilitychange", move |_| {
            if doc.hidden() {
                on_leave();
            }
        })
    });
    Some(LeaveListener {
        _listeners: (hide, hidden),
    })
}
