//! Learning progress: the serde model kept in localStorage, FSRS scheduling,
//! schema versions with migrations, export/import and merging.
//!
//! Everything here is pure: time comes in as `now_ms` (JS `Date.now()`), so
//! it all runs natively under `cargo test`.

mod decode;
mod edit;
mod files;
mod import;
pub mod limits;
mod merge;
mod migrate;
mod model;
mod persist;
mod preview;
mod repair;
mod salvage;
mod schedule;
mod undo;
mod validate;

pub use decode::{LoadOutcome, load};
pub use files::{civil_date, export_file_name, import_error_words, local_date};
pub use import::{ImportError, ImportPreview, ImportSummary, export_json, parse_import};
pub use model::{Card, CardState, Grade, NewOrder, Progress, QuestionProgress, ReviewEntry, Settings, Status, Theme};
pub use persist::{KeyValue, LoadProblem, Loaded, MemoryStore, StoreError, load_stored, save_stored, stored};
pub use preview::{Outcome, interval_label, interval_words};

/// The schema version this build writes and reads natively.
pub const SCHEMA_VERSION: u32 = 1;

/// Milliseconds in a day.
pub const DAY_MS: i64 = 86_400_000;

/// The localStorage key of a deck's progress: `pyprep:<deck>:v1`.
pub fn storage_key(deck: &str) -> String {
    format!("pyprep:{deck}:v{SCHEMA_VERSION}")
}

/// Where an unreadable stored value is kept aside: `pyprep:<deck>:backup:<now_ms>`.
pub fn backup_key(deck: &str, now_ms: i64) -> String {
    format!("pyprep:{deck}:backup:{now_ms}")
}

/// The local day number (days since 1970-01-01 in local time) of an instant,
/// `tz_offset_min` being minutes east of UTC (JS: `-new Date().getTimezoneOffset()`).
/// Total: saturates instead of overflowing at the ends of `i64`.
pub fn local_day(ms: i64, tz_offset_min: i32) -> i64 {
    ms.saturating_add(i64::from(tz_offset_min) * 60_000).div_euclid(DAY_MS)
}
