//! The localStorage adapter: the only code that touches web storage. The
//! policy (merge on save, backups, the read-back check) is pure, in
//! [`crate::progress`]'s `persist` module; this file only implements its
//! [`KeyValue`] trait over `window.localStorage` and listens for changes.
//!
//! Widgets of one namespace on the same page hear about each other's saves
//! through the window event [`PROGRESS_CHANGED`]; other tabs through the
//! browser's `storage` event.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;

use crate::progress::{self, KeyValue, LoadOutcome, Loaded, Progress, StoreError};

/// The namespace of the standalone app's progress (and widgets' by default).
pub const DEFAULT_NAMESPACE: &str = crate::embed::DEFAULT_NAMESPACE;

/// The window event a widget dispatches after each save (detail: namespace
/// and the saving widget's instance number, `"<namespace> <instance>"`).
pub const PROGRESS_CHANGED: &str = "pyprep:progress-changed";

/// `window.localStorage` as a [`KeyValue`].
struct WebStorage(web_sys::Storage);

impl KeyValue for WebStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.0.get_item(key).map_err(|_| StoreError::ReadFailed)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.0.set_item(key, value).map_err(|_| StoreError::Full)
    }

    fn remove(&mut self, key: &str) {
        let _ = self.0.remove_item(key);
    }
}

fn storage() -> Result<WebStorage, StoreError> {
    let window = web_sys::window().ok_or(StoreError::Missing)?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(WebStorage(storage)),
        Ok(None) => Err(StoreError::Missing),
        Err(_) => Err(StoreError::Blocked),
    }
}

/// Loads the stored progress. Never fails: problems come back in [`Loaded::problem`].
pub fn load(namespace: &str, now_ms: i64) -> Loaded {
    match storage() {
        Ok(mut kv) => progress::load_stored(&mut kv, namespace, now_ms),
        Err(e) => Loaded {
            progress: Progress::default(),
            problem: Some(progress::LoadProblem::Unavailable(e)),
            migrated_from: None,
        },
    }
}

/// Saves progress (see `progress::save_stored`). Returns whether anything was written.
pub fn save(namespace: &str, mine: &Progress, now_ms: i64) -> Result<bool, StoreError> {
    let mut kv = storage()?;
    progress::save_stored(&mut kv, namespace, mine, now_ms).map(|(_, wrote)| wrote)
}

/// Tells the other widgets of this page that `namespace` was saved by the
/// widget numbered `instance`.
pub fn announce_saved(namespace: &str, instance: u32) {
    let Some(window) = web_sys::window() else { return };
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&wasm_bindgen::JsValue::from_str(&format!("{namespace} {instance}")));
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(PROGRESS_CHANGED, &init) {
        let _ = window.dispatch_event(&event);
    }
}

/// Calls `on_change` with the stored progress whenever another widget of
/// this page (not the one numbered `instance`) announces a save of
/// `namespace`. Returns `None` when there is no window to listen on.
pub fn on_same_page_change(
    namespace: &str,
    instance: u32,
    on_change: impl Fn(Progress) + 'static,
) -> Option<EventListener> {
    let window = web_sys::window()?;
    let namespace = namespace.to_string();
    Some(EventListener::new(&window, PROGRESS_CHANGED, move |event| {
        let detail = event
            .dyn_ref::<web_sys::CustomEvent>()
            .and_then(|e| e.detail().as_string());
        let Some((ns, from)) = detail.as_deref().and_then(|d| d.rsplit_once(' ')) else {
            return;
        };
        if ns == namespace
            && from != instance.to_string()
            && let Some(progress) = storage().ok().and_then(|kv| progress::stored(&kv, &namespace))
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
            LoadOutcome::Loaded(p)
            | LoadOutcome::Migrated { progress: p, .. }
            | LoadOutcome::Salvaged { progress: p, .. } => on_change(p),
            LoadOutcome::Empty | LoadOutcome::Unreadable { .. } => {}
        }
    }))
}

/// A display preference of this browser (which answer sections are open,
/// whether the swipe hint was seen), under `pyprep:ui:<name>`; `None` when
/// unset or storage is unavailable. Not progress: never exported or merged.
pub fn ui_pref(name: &str) -> Option<String> {
    storage().ok()?.get(&format!("pyprep:ui:{name}")).ok().flatten()
}

/// Stores a display preference; a failure only means it is not remembered.
pub fn set_ui_pref(name: &str, value: &str) {
    if let Ok(mut kv) = storage() {
        let _ = kv.set(&format!("pyprep:ui:{name}"), value);
    }
}

/// The raw value stored under `key` (not progress: e.g. a running mock
/// interview); `None` when unset or storage is unavailable.
pub fn read_key(key: &str) -> Option<String> {
    storage().ok()?.get(key).ok().flatten()
}

/// Stores `value` under `key`; `Err` when storage is unavailable or full.
pub fn write_key(key: &str, value: &str) -> Result<(), StoreError> {
    storage()?.set(key, value)
}

/// Removes `key`, if storage is available.
pub fn remove_key(key: &str) {
    if let Ok(mut kv) = storage() {
        kv.remove(key);
    }
}
