//! Settings: theme, daily new-card limit, export, import, reset.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::import_panel::ImportPanel;
use super::use_app;
use crate::progress::{Settings as Prefs, Theme, export_json};
use crate::store::DECK;
use crate::ui::state::Action;
use crate::ui::web;

/// The settings screen.
#[function_component(Settings)]
pub fn settings() -> Html {
    let state = use_app();
    let confirming = use_state(|| false);
    let message = use_state(|| None::<String>);
    let prefs = state.progress.settings.clone();
    let set = {
        let state = state.clone();
        move |settings: Prefs| {
            state.dispatch(Action::SetSettings {
                settings,
                now_ms: web::now_ms(),
            })
        }
    };
    let on_theme = {
        let (set, prefs) = (set.clone(), prefs.clone());
        Callback::from(move |e: Event| {
            let theme = match e.target_dyn_into::<HtmlSelectElement>().map(|s| s.value()).as_deref() {
                Some("light") => Theme::Light,
                Some("dark") => Theme::Dark,
                _ => Theme::System,
            };
            set(Prefs { theme, ..prefs.clone() });
        })
    };
    let on_limit = {
        let (set, prefs) = (set.clone(), prefs.clone());
        Callback::from(move |e: Event| {
            let value = e
                .target_dyn_into::<HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            if let Ok(limit) = value.trim().parse::<u32>() {
                set(Prefs {
                    daily_new_limit: limit.min(500),
                    ..prefs.clone()
                });
            }
        })
    };
    let on_export = {
        let (state, message) = (state.clone(), message.clone());
        Callback::from(move |_: MouseEvent| {
            let now = web::now_ms();
            let json = export_json(&state.progress, now);
            let name = format!("pyprep-{DECK}-progress-{}.json", now / 1000);
            message.set(Some(match web::download_text(&name, &json) {
                Ok(()) => format!("Exported as {name}."),
                Err(e) => format!("Export failed: {e}"),
            }));
        })
    };
    let ask = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let cancel = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(false))
    };
    let reset = {
        let (state, confirming, message) = (state.clone(), confirming.clone(), message.clone());
        Callback::from(move |_: MouseEvent| {
            state.dispatch(Action::Reset);
            state.dispatch(Action::Announce("All progress was reset".into()));
            confirming.set(false);
            message.set(Some("All progress was reset.".into()));
        })
    };
    let theme = match prefs.theme {
        Theme::System => "system",
        Theme::Light => "light",
        Theme::Dark => "dark",
    };
    html! {
        <>
            <h1>{ "Settings" }</h1>
            <section aria-labelledby="prefs-title">
                <h2 id="prefs-title">{ "Preferences" }</h2>
                <div class="field">
                    <label for="theme">{ "Theme" }</label>
                    <select id="theme" data-testid="theme" onchange={on_theme}>
                        { for [("system", "Same as the system"), ("light", "Light"), ("dark", "Dark")].into_iter().map(|(v, t)| html! {
                            <option value={v} selected={v == theme}>{ t }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="new-limit">{ "New cards per day" }</label>
                    <input id="new-limit" data-testid="new-limit" type="number" inputmode="numeric" min="0" max="500"
                        value={prefs.daily_new_limit.to_string()} onchange={on_limit} />
                </div>
            </section>
            <section aria-labelledby="export-title">
                <h2 id="export-title">{ "Export progress" }</h2>
                <p>{ "Download everything (grades, bookmarks, notes, settings) as a JSON file." }</p>
                <button type="button" data-testid="export" onclick={on_export}>{ "Export progress" }</button>
            </section>
            <ImportPanel />
            <section aria-labelledby="reset-title">
                <h2 id="reset-title">{ "Reset" }</h2>
                if *confirming {
                    <p role="alert">{ "This deletes all grades, bookmarks and notes in this browser. Export first if you may want them back." }</p>
                    <div class="actions">
                        <button type="button" class="danger" data-testid="reset-confirm" onclick={reset}>{ "Yes, delete all progress" }</button>
                        <button type="button" onclick={cancel}>{ "Cancel" }</button>
                    </div>
                } else {
                    <button type="button" class="danger" data-testid="reset" onclick={ask}>{ "Reset all progress…" }</button>
                }
            </section>
            if let Some(text) = &*message { <p role="status" class="message">{ text.clone() }</p> }
        </>
    }
}
