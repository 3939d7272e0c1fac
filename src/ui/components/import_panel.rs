//! Import a progress file: read it, validate it, show what it holds, then
//! merge or replace; a bad file gets a clear error and changes nothing.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{FileReader, HtmlInputElement};
use yew::prelude::*;

use super::use_app;
use crate::deck;
use crate::progress::{ImportPreview, import_error_words, limits, parse_import};
use crate::ui::state::Action;

/// Reads `file` as text and hands the text, or an error message, to `done`.
fn read_file(file: web_sys::File, done: Callback<Result<String, String>>) {
    if file.size() > limits::MAX_FILE_BYTES as f64 {
        done.emit(Err(
            "This file is larger than 5 MB, so it is not a pyprep export. Nothing was changed.".into(),
        ));
        return;
    }
    let Ok(reader) = FileReader::new() else {
        done.emit(Err("This browser cannot read files. Nothing was changed.".into()));
        return;
    };
    let on_error = done.clone();
    let on_sync_error = done.clone();
    let target = reader.clone();
    EventListener::once(&reader, "load", move |_| {
        let text = target.result().ok().and_then(|v| v.as_string());
        done.emit(text.ok_or_else(|| "The file could not be read as text. Nothing was changed.".into()));
    })
    .forget();
    EventListener::once(&reader, "error", move |_| {
        on_error.emit(Err("The file could not be read. Nothing was changed.".into()))
    })
    .forget();
    // A synchronous failure fires no event: report it here.
    if reader.read_as_text(&file).is_err() {
        on_sync_error.emit(Err("The file could not be read. Nothing was changed.".into()));
    }
}

fn when(ms: i64) -> String {
    if !limits::is_plausible_time(ms) {
        return "an unknown date".into();
    }
    let iso = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64)).to_iso_string();
    String::from(iso).chars().take(16).collect::<String>().replace('T', " ")
}

/// Props of [`ImportPanel`].
#[derive(Properties, PartialEq)]
pub struct ImportPanelProps {
    /// Bumped by every reset: a chosen file, its preview or error and the
    /// last message are forgotten.
    #[prop_or_default]
    pub resets: u32,
}

/// The import form with its preview.
#[function_component(ImportPanel)]
pub fn import_panel(props: &ImportPanelProps) -> Html {
    let state = use_app();
    let announce = crate::ui::hooks::use_announce();
    let result = use_state(|| None::<Result<ImportPreview, String>>);
    let done = use_state(|| None::<String>);
    let input = use_node_ref();
    {
        let (result, done, input) = (result.clone(), done.clone(), input.clone());
        use_effect_with(props.resets, move |resets| {
            if *resets > 0 {
                result.set(None);
                done.set(None);
                if let Some(input) = input.cast::<HtmlInputElement>() {
                    input.set_value("");
                }
            }
        });
    }
    let on_file = {
        let (result, done) = (result.clone(), done.clone());
        Callback::from(move |e: Event| {
            let file = e
                .target()
                .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
                .and_then(|i| i.files())
                .and_then(|files| files.get(0));
            done.set(None);
            let Some(file) = file else { return };
            let result = result.clone();
            read_file(
                file,
                Callback::from(move |text: Result<String, String>| {
                    let ids = deck::known_ids();
                    result.set(Some(text.and_then(|t| {
                        parse_import(&t, &ids).map_err(|e| format!("{} Nothing was changed.", import_error_words(&e)))
                    })));
                }),
            );
        })
    };
    let apply = |replace: bool| {
        let (state, result, done, input) = (state.clone(), result.clone(), done.clone(), input.clone());
        let announce = announce.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(Ok(preview)) = &*result {
                let progress = preview.progress.clone();
                // A merge that would go over a limit is refused with the reason.
                if !replace && let Err(why) = state.progress.merge_import_checked(&progress) {
                    done.set(Some(format!("Nothing was merged: {why}")));
                    return;
                }
                state.dispatch(if replace {
                    Action::ImportReplace(progress)
                } else {
                    Action::ImportMerge(progress)
                });
                let what = if replace { "replaced by" } else { "merged with" };
                done.set(Some(format!("Your progress was {what} the imported file.")));
                announce.emit("Import done".into());
                result.set(None);
                if let Some(input) = input.cast::<HtmlInputElement>() {
                    input.set_value("");
                }
            }
        })
    };
    let body = match &*result {
        None => html! {},
        Some(Err(message)) => html! {
            <p class="error-text" data-testid="import-error" role="alert">{ message.clone() }</p>
        },
        Some(Ok(preview)) => {
            let s = &preview.summary;
            html! {
                <div class="import-preview" data-testid="import-preview">
                    <p>{ "This file holds:" }</p>
                    <ul>
                        <li>{ format!("{} questions with saved progress", preview.progress.questions.len()) }</li>
                        <li>{ format!("{} of them graded", s.questions_with_progress) }</li>
                        <li>{ format!("{} reviews", s.reviews) }</li>
                        <li>{ format!("{} bookmarks", s.bookmarks) }</li>
                        <li>{ format!("{} notes", s.notes) }</li>
                        if s.unknown_ids > 0 {
                            <li>{ format!("{} questions this deck does not have (kept)", s.unknown_ids) }</li>
                        }
                        if !s.repaired.is_empty() {
                            <li data-testid="import-repaired">{ format!(
                                "{} cards with an impossible memory state, which start again as new cards (their reviews are kept)",
                                s.repaired.len()
                            ) }</li>
                        }
                        if let Some(at) = s.exported_at_ms {
                            <li>{ format!("exported {} UTC", when(at)) }</li>
                        }
                    </ul>
                    <div class="actions">
                        <button type="button" class="primary" data-testid="import-merge" onclick={apply(false)}>
                            { "Merge with my progress" }
                        </button>
                        <button type="button" data-testid="import-replace" onclick={apply(true)}>
                            { "Replace my progress" }
                        </button>
                    </div>
                </div>
            }
        }
    };
    html! {
        <section aria-labelledby="import-title">
            <h2 id="import-title">{ "Import progress" }</h2>
            <div class="field">
                <label for="import-file">{ "Progress file (.json)" }</label>
                <input ref={input} id="import-file" type="file" accept=".json,application/json"
                    data-testid="import-file" onchange={on_file} />
            </div>
            { body }
            if let Some(message) = &*done { <p role="status">{ message.clone() }</p> }
        </section>
    }
}
