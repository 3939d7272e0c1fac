//! Mounts the app into the page, in one of three ways:
//! - standalone page (`<body data-pyprep-standalone>`): the full app;
//! - iframe embed (`index.html?embed=1&…`): one widget, configured by the
//!   query string, without the app's chrome;
//! - script embed (anything else): nothing at start; `embed.js` calls
//!   [`mount_all`], which mounts a widget in a Shadow DOM in every
//!   `[data-pyprep]` element.

use pyprep::embed;
use pyprep::ui::{App, Sink, Widget, WidgetProps, answers};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::wasm_bindgen;
use web_sys::{Document, Element, ShadowRootInit, ShadowRootMode};

fn main() {
    let Some(window) = web_sys::window() else { return };
    let Some(body) = window.document().and_then(|d| d.body()) else {
        return;
    };
    let search = window.location().search().unwrap_or_default();
    // The answer files are fetched at once, in parallel with the first render.
    if embed::is_iframe_query(&search) {
        let config = embed::config_from_query(&search);
        if let Ok(config) = &config {
            answers::prefetch(config.answer_categories());
        }
        let props = WidgetProps {
            config,
            sink: Sink::Parent,
        };
        yew::Renderer::<Widget>::with_root_and_props(body.into(), props).render();
    } else if body.has_attribute("data-pyprep-standalone") {
        // The answer files: the first card's as it appears (QuestionCard),
        // every category's once the first screen is painted (App).
        yew::Renderer::<App>::with_root(body.into()).render();
    }
}

/// Mounts a widget in every `[data-pyprep]` element not mounted yet, each in
/// its own open shadow root holding `css` (the app's stylesheet with `rem` in
/// pixels: `widget-<hash>.css`, made at build time) so the
/// host page's styles cannot reach in and ours cannot leak out. `base` is
/// the URL of the build's folder (the answer files are fetched from there).
/// Called by `embed.js`, again through `window.pyprep.mount()` for mount
/// points added later.
#[wasm_bindgen]
pub fn mount_all(css: String, base: String) {
    answers::set_base(&base);
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(found) = document.query_selector_all("[data-pyprep]:not([data-pyprep-mounted])") else {
        return;
    };
    // One constructable stylesheet, adopted by every shadow root: allowed
    // by a `style-src 'self'` CSP, which blocks a <style> element.
    let sheet = web_sys::CssStyleSheet::new()
        .ok()
        .filter(|s| s.replace_sync(&css).is_ok());
    for i in 0..found.length() {
        if let Some(host) = found.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
            mount(&document, host, &css, sheet.as_ref());
        }
    }
}

/// Mounts one widget in `host`, or says in `host` why it cannot. The styles
/// are `sheet` when the browser has constructable stylesheets, else a
/// `<style>` holding `css`.
fn mount(document: &Document, host: Element, css: &str, sheet: Option<&web_sys::CssStyleSheet>) {
    let _ = host.set_attribute("data-pyprep-mounted", "");
    let Ok(shadow) = host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open)) else {
        host.set_text_content(Some(
            "This element cannot hold a pyprep widget (it already has a shadow root, or is not a <div>).",
        ));
        return;
    };
    let Ok(container) = document.create_element("div") else {
        return;
    };
    match sheet {
        Some(sheet) => shadow.set_adopted_style_sheets(&js_sys::Array::of1(sheet)),
        None => {
            let Ok(style) = document.create_element("style") else {
                return;
            };
            style.set_text_content(Some(css));
            if shadow.append_child(&style).is_err() {
                return;
            }
        }
    }
    if shadow.append_child(&container).is_err() {
        return;
    }
    let config = embed::parse_config(|name| host.get_attribute(&format!("data-{name}")));
    if let Ok(config) = &config {
        answers::prefetch(config.answer_categories());
    }
    let props = WidgetProps {
        config,
        sink: Sink::Host(host.clone()),
    };
    yew::Renderer::<Widget>::with_root_and_props(container, props).render();
}
