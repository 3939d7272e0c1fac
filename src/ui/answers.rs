//! The answer files in the browser: fetched once per page and category (all
//! widgets of a page share them), starting as soon as the app starts, and
//! handed to the screens as they arrive. Reading a file is pure
//! ([`deck::parse_answer_file`]); this module only fetches and notifies.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::deck::{self, Answer, CategoryAnswers, CategoryCode, OutputAnswer};
use crate::session::SearchIndex;

/// Where one category's answers stand.
#[derive(Clone, Debug, PartialEq)]
pub enum FileState {
    Loading,
    Loaded(Rc<CategoryAnswers>),
    /// The fetch or the file failed: why, in words for the learner.
    Failed(String),
}

/// A question's answer, as far as it has arrived.
#[derive(Clone, Debug, PartialEq)]
pub enum Lookup {
    Ready(Rc<Answer>),
    Loading,
    Failed(String),
}

#[derive(Default)]
struct Store {
    /// Prefix of the answer files' URLs ("" = relative to the document).
    base: String,
    files: BTreeMap<&'static str, FileState>,
    /// The code files (output cards), fetched only when a code card asks:
    /// `None` while downloading.
    code: BTreeMap<&'static str, Option<Result<Rc<CategoryCode>, String>>>,
    /// Bumped whenever a file arrives or fails.
    version: u32,
    listeners: Vec<(u32, Callback<u32>)>,
    next_listener: u32,
    /// The search index and how many answer files it was built with.
    search: Option<(u32, Rc<SearchIndex>)>,
}

thread_local! {
    static STORE: RefCell<Store> = RefCell::new(Store::default());
}

/// Sets the prefix of the answer files' URLs: the script embed's own
/// location (its files sit next to `embed.js`, not next to the host page).
pub fn set_base(base: &str) {
    STORE.with(|s| s.borrow_mut().base = base.to_string());
}

/// The prefix set by [`set_base`] ("" = relative to the document): where
/// the build's other files are too.
pub fn base() -> String {
    STORE.with(|s| s.borrow().base.clone())
}

/// Starts fetching the answers of these categories (the ones not fetched
/// or fetching yet).
pub fn prefetch<'a>(categories: impl IntoIterator<Item = &'a str>) {
    for id in categories {
        let Some(category) = deck::category(id) else { continue };
        let start = STORE.with(|s| {
            let mut s = s.borrow_mut();
            if s.files.contains_key(category.id) {
                return None;
            }
            s.files.insert(category.id, FileState::Loading);
            Some(format!("{}{}", s.base, category.answers_file))
        });
        if let Some(url) = start {
            fetch(category.id, url);
        }
    }
}

/// True while one of these categories' answers has not arrived (nor
/// failed): search then matches only question text there.
pub fn pending<'a>(mut categories: impl Iterator<Item = &'a str>) -> bool {
    STORE.with(|s| {
        let s = s.borrow();
        categories.any(|c| !matches!(s.files.get(c), Some(FileState::Loaded(_) | FileState::Failed(_))))
    })
}

/// Fetches a category's answers again after a failure.
pub fn retry(category: &str) {
    let failed = STORE.with(|s| matches!(s.borrow().files.get(category), Some(FileState::Failed(_))));
    if failed {
        STORE.with(|s| s.borrow_mut().files.remove(category));
        changed();
        prefetch([category]);
    }
}

/// Downloads `category`'s code file again if it failed (a code card's Retry).
pub fn retry_code(category: &str) {
    let failed = STORE.with(|s| matches!(s.borrow().code.get(category), Some(Some(Err(_)))));
    if failed {
        STORE.with(|s| s.borrow_mut().code.remove(category));
        changed();
        if let Some(category) = deck::category(category) {
            prefetch_code(category);
        }
    }
}

/// Starts downloading `category`'s code file unless it is in or on its way.
fn prefetch_code(category: &'static deck::Category) {
    let start = STORE.with(|s| {
        let mut s = s.borrow_mut();
        if s.code.contains_key(category.id) {
            return None;
        }
        s.code.insert(category.id, None);
        Some(format!("{}{}", s.base, category.code_file))
    });
    let Some(url) = start else { return };
    yew::platform::spawn_local(async move {
        let state = fetch_text(&url)
            .await
            .and_then(|text| deck::parse_code_file(category.id, &text).map_err(|e| e.to_string()))
            .map(Rc::new);
        STORE.with(|s| s.borrow_mut().code.insert(category.id, Some(state)));
        changed();
    });
}

/// The answer of question `id` (its category's file is fetched if it was not).
pub fn lookup(id: &str) -> Lookup {
    let Some(question) = deck::question(id) else {
        return Lookup::Failed(format!("there is no question `{id}`"));
    };
    prefetch([question.category]);
    STORE.with(|s| match s.borrow().files.get(question.category) {
        Some(FileState::Loaded(file)) => match file.get(id) {
            Some(answer) => Lookup::Ready(answer),
            None => Lookup::Failed("its answer is missing from the answers file".into()),
        },
        Some(FileState::Failed(why)) => Lookup::Failed(why.clone()),
        Some(FileState::Loading) | None => Lookup::Loading,
    })
}

/// The code and expected output of output card `id`: `Ok(None)` while its
/// category's code file is on its way (it is fetched if it was not).
pub fn lookup_output(id: &str) -> Result<Option<Rc<OutputAnswer>>, String> {
    let Some(card) = deck::output_card(id) else {
        return Err(format!("there is no code card `{id}`"));
    };
    let Some(category) = deck::category(card.category()) else {
        return Err(format!("code card `{id}` has no category"));
    };
    prefetch_code(category);
    STORE.with(|s| match s.borrow().code.get(category.id) {
        Some(Some(Ok(file))) => file
            .output(id)
            .map(Some)
            .ok_or_else(|| "its code is missing from the code file".to_string()),
        Some(Some(Err(why))) => Err(why.clone()),
        Some(None) | None => Ok(None),
    })
}

/// The search index over the question text and every answer arrived so
/// far, rebuilt only when another answer file has arrived (a code file, a
/// failure or a retry leaves it as it is).
pub fn search_index() -> Rc<SearchIndex> {
    STORE.with(|s| {
        let mut s = s.borrow_mut();
        // An answer file, once in, stays: how many are in says which index is current.
        let loaded = s.files.values().filter(|f| matches!(f, FileState::Loaded(_))).count() as u32;
        if let Some((built_with, index)) = &s.search
            && *built_with == loaded
        {
            return index.clone();
        }
        let files = &s.files;
        let index = Rc::new(SearchIndex::new(deck::questions(), |q| match files.get(q.category) {
            Some(FileState::Loaded(file)) => file.get(q.id),
            _ => None,
        }));
        s.search = Some((loaded, index.clone()));
        index
    })
}

/// Re-renders the component whenever an answer file arrives or fails;
/// returns the store's version.
#[hook]
pub fn use_answers() -> u32 {
    let version = use_state(|| STORE.with(|s| s.borrow().version));
    {
        let setter = version.setter();
        use_effect_with((), move |_| {
            let id = STORE.with(|s| {
                let mut s = s.borrow_mut();
                let id = s.next_listener;
                s.next_listener += 1;
                s.listeners.push((id, Callback::from(move |v| setter.set(v))));
                // A file may have arrived between the first render and now.
                let now = s.version;
                if let Some((_, cb)) = s.listeners.last() {
                    cb.emit(now);
                }
                id
            });
            move || STORE.with(|s| s.borrow_mut().listeners.retain(|(l, _)| *l != id))
        });
    }
    *version
}

/// Bumps the version and tells every listener (outside the borrow).
fn changed() {
    let (version, listeners) = STORE.with(|s| {
        let mut s = s.borrow_mut();
        s.version += 1;
        let listeners: Vec<Callback<u32>> = s.listeners.iter().map(|(_, cb)| cb.clone()).collect();
        (s.version, listeners)
    });
    for listener in listeners {
        listener.emit(version);
    }
}

fn fetch(category: &'static str, url: String) {
    yew::platform::spawn_local(async move {
        let state = match fetch_text(&url).await {
            Ok(text) => match deck::parse_answer_file(category, &text) {
                Ok(file) => FileState::Loaded(Rc::new(file)),
                Err(e) => FileState::Failed(e.to_string()),
            },
            Err(why) => FileState::Failed(why),
        };
        STORE.with(|s| s.borrow_mut().files.insert(category, state));
        changed();
    });
}

async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("there is no window")?;
    let offline = "the answers could not be downloaded (are you offline?)";
    let response = JsFuture::from(window.fetch_with_str(url)).await.map_err(|_| offline)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| offline)?;
    if !response.ok() {
        return Err(format!(
            "the server answered {} for the answers file",
            response.status()
        ));
    }
    let text = response.text().map_err(|_| offline)?;
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| offline.to_string())
}
