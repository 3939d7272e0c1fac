//! The localStorage adapter: the only code that touches web storage.
//!
//! Progress lives under [`progress::storage_key`]. A stored value that cannot
//! be read is copied to a fresh [`progress::backup_key`] (never overwritten)
//! before anything else is written. Saving merges with what is stored, so two
//! tabs grading different questions lose nothing; after a reset or an import
//! "replace" the new [`Progress::generation`] wins that merge, so a tab still
//! holding the old progress cannot bring it back. When storage is missing or
//! full, every function reports it and the app keeps working in memory.
//!
//! Every function takes the storage namespace (the deck's by default, see
//! [`DECK`]). Widgets of one namespace on the same page hear about each
//! other's saves through the window event [`PROGRESS_CHANGED`]; other tabs
//! through the browser's `storage` event.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;

use crate::progress::{self, LoadOutcome, Progress};

/// The namespace of the standalone app's progress (and widgets' by default).
pub const DECK: &str = crate::embed::DEFAULT_NAMESPACE;

/// The window event a widget dispatches after each save (detail: namespace).
pub const PROGRESS_CHANGED: &str = "pyprep:progress-changed";

/// What went wrong while loading.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadProblem {
    /// No usable localStorage: progress lives in memory only.
    Unavailable(String),
    /// The stored value could not be read; it is kept aside.
    Unreadable {
        /// The value exactly as it was stored.
        raw: String,
        /// Why it could not be read.
        error: String,
        /// Where it was copied, or `None` if even that failed.
        backup_key: Option<String>,
    },
}

/// The progress to start from and what, if anything, went wrong.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub progress: Progress,
    pub problem: Option<LoadProblem>,
    /// The schema version migrated from, if the stored value was older.
    pub migrated_from: Option<u32>,
}

fn storage() -> Result<web_sys::Storage, String> {
    let window = web_sys::window().ok_or("no window")?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err("this browser offers no local storage".into()),
        Err(_) => Err("local storage is blocked in this browser".into()),
    }
}

fn read(storage: &web_sys::Storage, key: &str) -> Result<Option<String>, String> {
    storage
        .get_item(key)
        .map_err(|_| "local storage could not be read".to_string())
}

fn write(storage: &web_sys::Storage, key: &str, value: &str) -> Result<(), String> {
    storage
        .set_item(key, value)
        .map_err(|_| "local storage is full or refused the write".to_string())
}

/// Copies an unreadable value to a backup key nobody has used yet.
fn back_up(storage: &web_sys::Storage, namespace: &str, raw: &str, now_ms: i64) -> Result<String, String> {
    let mut at = now_ms;
    loop {
        let key = progress::backup_key(namespace, at);
        match read(storage, &key)? {
            Some(existing) if existing == raw => return Ok(key),
            Some(_) => at += 1,
            None => {
                write(storage, &key, raw)?;
                return Ok(key);
            }
        }
    }
}

/// Loads the stored progress. Never fails: problems come back in [`Loaded::problem`].
pub fn load(namespace: &str, now_ms: i64) -> Loaded {
    let fresh = |problem| Loaded {
        progress: Progress::default(),
        problem: Some(problem),
        migrated_from: None,
    };
    let storage = match storage() {
        Ok(storage) => storage,
        Err(e) => return fresh(LoadProblem::Unavailable(e)),
    };
    let key = progress::storage_key(namespace);
    let raw = match read(&storage, &key) {
        Ok(raw) => raw,
        Err(e) => return fresh(LoadProblem::Unavailable(e)),
    };
    let (progress, migrated_from) = match progress::load(raw.as_deref()) {
        LoadOutcome::Empty => (Progress::default(), None),
        LoadOutcome::Loaded(p) => (p, None),
        LoadOutcome::Migrated { progress, from } => (progress, Some(from)),
        LoadOutcome::Unreadable { raw, error } => {
            let backup_key = back_up(&storage, namespace, &raw, now_ms).ok();
            if backup_key.is_some() {
                // The value is safe under its backup key; free the main key.
                let _ = storage.remove_item(&key);
            }
            return fresh(LoadProblem::Unreadable { raw, error, backup_key });
        }
    };
    if let Err(e) = probe(&storage, namespace) {
        return Loaded {
            progress,
            problem: Some(LoadProblem::Unavailable(e)),
            migrated_from,
        };
    }
    Loaded {
        progress,
        problem: None,
        migrated_from,
    }
}

/// Checks that a write goes through (private modes may refuse every write).
fn probe(storage: &web_sys::Storage, namespace: &str) -> Result<(), String> {
    let key = format!("pyprep:{namespace}:probe");
    write(storage, &key, "1")?;
    let _ = storage.remove_item(&key);
    Ok(())
}

/// Saves progress, merged with the stored value first (another tab may have
/// written). After a reset or an import "replace" no special case is needed:
/// `mine` is then of a newer generation, and the merge keeps it whole. An
/// unreadable stored value is backed up before it is replaced, and if that
/// fails nothing is written. Returns whether anything was written.
pub fn save(namespace: &str, mine: &Progress, now_ms: i64) -> Result<bool, String> {
    let storage = storage()?;
    let key = progress::storage_key(namespace);
    let raw = read(&storage, &key)?;
    let value = match progress::load(raw.as_deref()) {
        LoadOutcome::Loaded(stored) | LoadOutcome::Migrated { progress: stored, .. } => stored.merge(mine).to_json(),
        LoadOutcome::Unreadable { raw, .. } => {
            back_up(&storage, namespace, &raw, now_ms)?;
            mine.to_json()
        }
        LoadOutcome::Empty => mine.to_json(),
    };
    if raw.as_deref() == Some(value.as_str()) {
        return Ok(false);
    }
    write(&storage, &key, &value).map(|()| true)
}

/// Tells the other widgets of this page that `namespace` was saved.
pub fn announce_saved(namespace: &str) {
    let Some(window) = web_sys::window() else { return };
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&wasm_bindgen::JsValue::from_str(namespace));
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(PROGRESS_CHANGED, &init) {
        let _ = window.dispatch_event(&event);
    }
}

/// The stored progress of `namespace`, if there is a readable one.
fn stored(namespace: &str) -> Option<Progress> {
    let raw = read(&storage().ok()?, &progress::storage_key(namespace)).ok()?;
    match progress::load(raw.as_deref()) {
        LoadOutcome::Loaded(p) | LoadOutcome::Migrated { progress: p, .. } => Some(p),
        LoadOutcome::Empty | LoadOutcome::Unreadable { .. } => None,
    }
}

/// Calls `on_change` with the stored progress whenever a widget of this page
/// announces a save of `namespace` (its own saves included: merging them
/// changes nothing). Returns `None` when there is no window to listen on.
pub fn on_same_page_change(namespace: &str, on_change: impl Fn(Progress) + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    let namespace = namespace.to_string();
    Some(EventListener::new(&window, PROGRESS_CHANGED, move |event| {
        let detail = event
            .dyn_ref::<web_sys::CustomEvent>()
            .and_then(|e| e.detail().as_string());
        if detail.as_deref() == Some(namespace.as_str())
            && let Some(progress) = stored(&namespace)
        {
            on_change(progress);
        }
    }))
}

/// Calls `on_change` with the progress another tab stored, whenever it does.
/// Returns `None` when there is no window to listen on.
pub fn on_other_tab_change(namespace: &str, on_change: impl Fn(Progress) + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    let key = progress::storage_key(namespace);
    Some(EventListener::new(&window, "storage", move |event| {
        let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
            return;
        };
        if event.key().as_deref() != Some(key.as_str()) {
            return;
        }
        match progress::load(event.new_value().as_deref()) {
            LoadOutcome::Loaded(p) | LoadOutcome::Migrated { progress: p, .. } => on_change(p),
            LoadOutcome::Empty | LoadOutcome::Unreadable { .. } => {}
        }
    }))
}
