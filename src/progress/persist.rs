//! The storage policy, pure: how progress is loaded from and saved to a
//! key-value store (localStorage in the browser, [`MemoryStore`] in tests).
//!
//! - Progress lives under [`storage_key`]. A stored value that cannot be read
//!   is copied to a fresh [`backup_key`] (never overwritten) and the main key
//!   is freed; if the copy fails the value is left untouched.
//! - A stored value read only in part (see [`LoadOutcome::Salvaged`]) is
//!   copied to a backup key the same way, once, and the salvaged progress
//!   written in its place, so the next load reads it cleanly and no further
//!   backup is made of the same value.
//! - Saving merges with what is stored (another tab may have written), so two
//!   writers grading different questions lose nothing; after a reset or an
//!   import "replace" the newer [`Progress::generation`] wins that merge.
//! - A value is written only if it reads back as the progress it encodes:
//!   never write what the next load would reject.
//! - When the store is missing, blocked or full, every function says so and
//!   the app keeps working in memory.

use std::collections::BTreeMap;
use std::fmt;

use super::{LoadOutcome, Progress, backup_key, load, storage_key};

/// Why the store could not be used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The browser offers no local storage.
    Missing,
    /// Local storage exists but every access is refused.
    Blocked,
    /// A read failed.
    ReadFailed,
    /// A write was refused: the quota is used up, or writes are disabled.
    Full,
    /// The value to save would not read back as the same progress, so the
    /// last good value was kept.
    WouldNotReadBack,
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            StoreError::Missing => "this browser offers no local storage",
            StoreError::Blocked => "local storage is blocked in this browser",
            StoreError::ReadFailed => "local storage could not be read",
            StoreError::Full => "local storage is full or refused the write",
            StoreError::WouldNotReadBack => {
                "the progress could not be saved in a form that reads back, so the last good copy is kept"
            }
        })
    }
}

/// A string key-value store: what the policy needs of localStorage.
pub trait KeyValue {
    /// The value under `key`, `None` when absent.
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Stores `value` under `key`.
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    /// Removes `key` (absent keys are fine).
    fn remove(&mut self, key: &str);
}

/// An in-memory [`KeyValue`] with the failures localStorage can have: a
/// quota in bytes (keys plus values, as browsers count it), refused reads.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MemoryStore {
    /// What is stored.
    pub values: BTreeMap<String, String>,
    /// Writes that would take the total over this many bytes fail with [`StoreError::Full`].
    pub quota_bytes: Option<usize>,
    /// Every read fails with [`StoreError::ReadFailed`].
    pub fail_reads: bool,
}

impl MemoryStore {
    fn used_without(&self, key: &str) -> usize {
        self.values
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| k.len() + v.len())
            .sum()
    }
}

impl KeyValue for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        if self.fail_reads {
            return Err(StoreError::ReadFailed);
        }
        Ok(self.values.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(quota) = self.quota_bytes
            && self.used_without(key) + key.len() + value.len() > quota
        {
            return Err(StoreError::Full);
        }
        self.values.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&mut self, key: &str) {
        self.values.remove(key);
    }
}

/// What went wrong while loading.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadProblem {
    /// No usable storage: progress lives in memory only.
    Unavailable(StoreError),
    /// The stored value could not be read; it is kept aside.
    Unreadable {
        /// The value exactly as it was stored.
        raw: String,
        /// Why it could not be read.
        error: String,
        /// Where it was copied, or `None` if even that failed.
        backup_key: Option<String>,
    },
    /// The stored value was read in part: every valid question entry is in
    /// [`Loaded::progress`], the rest was repaired or set aside.
    Salvaged {
        /// The value exactly as it was stored.
        raw: String,
        /// What was repaired or set aside: `(question id or "(settings)", why)`.
        dropped: Vec<(String, String)>,
        /// Where the raw value was copied, or `None` if that failed (then
        /// it is left untouched under the main key).
        backup_key: Option<String>,
    },
}

/// The progress to start from and what, if anything, went wrong.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    /// The progress read (empty when nothing usable was stored).
    pub progress: Progress,
    /// What went wrong, if anything.
    pub problem: Option<LoadProblem>,
    /// The schema version migrated from, if the stored value was older.
    pub migrated_from: Option<u32>,
}

/// Copies an unreadable value to a backup key nobody has used yet (or finds
/// the copy made earlier at that time).
fn back_up(kv: &mut impl KeyValue, namespace: &str, raw: &str, now_ms: i64) -> Result<String, StoreError> {
    let mut at = now_ms;
    loop {
        let key = backup_key(namespace, at);
        match kv.get(&key)? {
            Some(existing) if existing == raw => return Ok(key),
            Some(_) => at = at.saturating_add(1),
            None => {
                kv.set(&key, raw)?;
                return Ok(key);
            }
        }
    }
}

/// Checks that a write goes through (private modes may refuse every write).
fn probe(kv: &mut impl KeyValue, namespace: &str) -> Result<(), StoreError> {
    let key = format!("pyprep:{namespace}:probe");
    kv.set(&key, "1")?;
    kv.remove(&key);
    Ok(())
}

/// Loads the stored progress of `namespace`. Never fails: problems come back
/// in [`Loaded::problem`].
pub fn load_stored(kv: &mut impl KeyValue, namespace: &str, now_ms: i64) -> Loaded {
    let fresh = |problem| Loaded {
        progress: Progress::default(),
        problem: Some(problem),
        migrated_from: None,
    };
    let key = storage_key(namespace);
    let raw = match kv.get(&key) {
        Ok(raw) => raw,
        Err(e) => return fresh(LoadProblem::Unavailable(e)),
    };
    let (progress, migrated_from) = match load(raw.as_deref()) {
        LoadOutcome::Empty => (Progress::default(), None),
        LoadOutcome::Loaded(p) => (p, None),
        LoadOutcome::Migrated { progress, from } => (progress, Some(from)),
        LoadOutcome::Unreadable { raw, error } => {
            let backup_key = back_up(kv, namespace, &raw, now_ms).ok();
            if backup_key.is_some() {
                // The value is safe under its backup key; free the main key.
                kv.remove(&key);
            }
            return fresh(LoadProblem::Unreadable { raw, error, backup_key });
        }
        LoadOutcome::Salvaged {
            progress,
            from,
            dropped,
            raw,
        } => {
            let backup_key = back_up(kv, namespace, &raw, now_ms).ok();
            let value = progress.to_json();
            if backup_key.is_some() && load(Some(&value)) == LoadOutcome::Loaded(progress.clone()) {
                // The value is safe under its backup key: put what was
                // salvaged in its place (if that fails, the next save does).
                let _ = kv.set(&key, &value);
            }
            let migrated_from = (from != super::SCHEMA_VERSION).then_some(from);
            return Loaded {
                progress,
                problem: Some(LoadProblem::Salvaged {
                    raw,
                    dropped,
                    backup_key,
                }),
                migrated_from,
            };
        }
    };
    let problem = probe(kv, namespace).err().map(LoadProblem::Unavailable);
    Loaded {
        progress,
        problem,
        migrated_from,
    }
}

/// Saves `mine`, merged with the stored value first. An unreadable stored
/// value is backed up before it is replaced, and if that fails nothing is
/// written. Nothing is written either when the value would not read back as
/// the progress it encodes ([`StoreError::WouldNotReadBack`]). Returns the
/// progress now stored (`mine` merged with what another writer had stored)
/// and whether anything was written.
pub fn save_stored(
    kv: &mut impl KeyValue,
    namespace: &str,
    mine: &Progress,
    now_ms: i64,
) -> Result<(Progress, bool), StoreError> {
    let key = storage_key(namespace);
    let raw = kv.get(&key)?;
    let merged = match load(raw.as_deref()) {
        LoadOutcome::Loaded(stored) | LoadOutcome::Migrated { progress: stored, .. } => stored.merge(mine),
        LoadOutcome::Unreadable { raw, .. } => {
            back_up(kv, namespace, &raw, now_ms)?;
            mine.clone()
        }
        LoadOutcome::Salvaged { progress, raw, .. } => {
            back_up(kv, namespace, &raw, now_ms)?;
            progress.merge(mine)
        }
        LoadOutcome::Empty => mine.clone(),
    };
    let value = merged.to_json();
    if raw.as_deref() == Some(value.as_str()) {
        return Ok((merged, false));
    }
    match load(Some(&value)) {
        LoadOutcome::Loaded(back) if back == merged => {}
        _ => return Err(StoreError::WouldNotReadBack),
    }
    kv.set(&key, &value)?;
    Ok((merged, true))
}

/// The stored progress of `namespace`, if there is a readable one.
pub fn stored(kv: &impl KeyValue, namespace: &str) -> Option<Progress> {
    match load(kv.get(&storage_key(namespace)).ok()?.as_deref()) {
        LoadOutcome::Loaded(p)
        | LoadOutcome::Migrated { progress: p, .. }
        | LoadOutcome::Salvaged { progress: p, .. } => Some(p),
        LoadOutcome::Empty | LoadOutcome::Unreadable { .. } => None,
    }
}
