//! Settings: theme, daily new-card limit, export, import, reset.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::import_panel::ImportPanel;
use super::use_app;
use crate::progress::{NewOrder, Settings as Prefs, Theme, export_file_name, export_json, limits};
use crate::ui::dom;
use crate::ui::hooks::use_announce;
use crate::ui::state::Action;

/// The settings screen.
#[function_component(SettingsScreen)]
pub fn settings_screen() -> Html {
    let state = use_app();
    let confirming = use_state(|| false);
    let message = use_state(|| None::<String>);
    let limit_message = use_state(|| None::<String>);
    let limit_bad = use_state(|| false);
    // Bumped by every reset: the import panel forgets an old file and error.
    let resets = use_state(|| 0u32);
    let announce = use_announce();
    let prefs = state.progress.settings.clone();
    let set = {
        let state = state.clone();
        move |settings: Prefs| {
            state.dispatch(Action::SetSettings {
                settings,
                now_ms: dom::now_ms(),
            })
        }
    };
    let on_theme = {
        let (set, prefs) = (set.clone(), prefs.clone());
        Callback::from(move |e: Event| {
            let value = e.target_dyn_into::<HtmlSelectElement>().map(|s| s.value());
            let theme = value.as_deref().and_then(Theme::parse).unwrap_or_default();
            set(Prefs { theme, ..prefs.clone() });
        })
    };
    let on_order = {
        let (set, prefs) = (set.clone(), prefs.clone());
        Callback::from(move |e: Event| {
            let value = e.target_dyn_into::<HtmlSelectElement>().map(|s| s.value());
            if let Some(new_order) = value.as_deref().and_then(NewOrder::parse) {
                set(Prefs {
                    new_order,
                    ..prefs.clone()
                });
            }
        })
    };
    let on_limit = {
        let (set, prefs, limit_message, limit_bad) =
            (set.clone(), prefs.clone(), limit_message.clone(), limit_bad.clone());
        Callback::from(move |e: Event| {
            let value = e
                .target_dyn_into::<HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            match limits::parse_daily_new(&value) {
                Ok(limit) => {
                    set(Prefs {
                        daily_new_limit: limit,
                        ..prefs.clone()
                    });
                    limit_bad.set(false);
                    limit_message.set(Some(format!("Saved: {limit} new cards a day.")));
                }
                Err(why) => {
                    limit_bad.set(true);
                    limit_message.set(Some(format!(
                        "Not saved. {why} The limit stays at {}.",
                        prefs.daily_new_limit
                    )));
                }
            }
        })
    };
    let on_export = {
        let (state, message) = (state.clone(), message.clone());
        Callback::from(move |_: MouseEvent| {
            let now = dom::now_ms();
            let json = export_json(&state.progress, now);
            let name = export_file_name(
                &state.namespace,
                crate::store::DEFAULT_NAMESPACE,
                now,
                dom::tz_offset_min(),
            );
            message.set(Some(match dom::download_text(&name, &json) {
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
        let (state, confirming, message, resets) = (state.clone(), confirming.clone(), message.clone(), resets.clone());
        Callback::from(move |_: MouseEvent| {
            state.dispatch(Action::Reset);
            resets.set(*resets + 1);
            announce.emit("All progress was reset".into());
            confirming.set(false);
            message.set(Some("All progress was reset.".into()));
        })
    };
    let theme = prefs.theme.as_str();
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
                    <label for="new-order">{ "Order of new cards" }</label>
                    <select id="new-order" data-testid="new-order" onchange={on_order}>
                        { for NewOrder::ALL.into_iter().map(|o| html! {
                            <option value={o.as_str()} selected={o == prefs.new_order}>{ o.label() }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="new-limit">{ "New cards per day" }</label>
                    <input id="new-limit" data-testid="new-limit" type="number" inputmode="numeric" min="0" max={limits::MAX_DAILY_NEW.to_string()}
                        aria-describedby="new-limit-help new-limit-message" aria-invalid={limit_bad.then_some("true")}
                        value={prefs.daily_new_limit.to_string()} onchange={on_limit} />
                    <p id="new-limit-help" class="help">{ format!(
                        "A whole number from 0 to {} (0: no new cards). Cards already started keep coming back when due. Saved when you leave the field.",
                        limits::MAX_DAILY_NEW
                    ) }</p>
                    <p id="new-limit-message" role="status" class={classes!("message", limit_bad.then_some("error-text"))}
                        data-testid="new-limit-message" hidden={limit_message.is_none()}>
                        { (*limit_message).clone().unwrap_or_default() }
                    </p>
                </div>
            </section>
            <section aria-labelledby="export-title">
                <h2 id="export-title">{ "Export progress" }</h2>
                <p>{ "Download everything (grades, bookmarks, notes, settings) as a JSON file." }</p>
                <button type="button" data-testid="export" onclick={on_export}>{ "Export progress" }</button>
            </section>
            <ImportPanel resets={*resets} />
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
