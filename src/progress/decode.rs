//! Reading a stored or imported value: version dispatch, migrations, limits,
//! and salvage: a stored value is read question by question, every valid
//! entry kept and only the invalid ones set aside or repaired (the rules are
//! in the `salvage` and `repair` modules). Only a value that is not a
//! progress value at all (not JSON, not an object, an unknown version,
//! `questions` not an object, too large) is unreadable as a whole.
//!
//! # Schema versions
//! - **v1** (current): the [`Progress`] envelope,
//!   `{"version":1,"generation":n,"questions":{id:QuestionProgress},"settings":{..},"settings_updated_ms":n,"settings_rev":n}`.
//!   `generation` (bumped by reset and import "replace", see [`Progress::merge`]) was
//!   added later as an optional field: without it a value reads as generation 0.
//!   So were the revisions `rev` (per entry) and `settings_rev`: without them, 0.
//! - **v0** (pre-release): `{"version":0,"cards":{id:V0Card},"theme":"dark","new_per_day":10}`
//!   where a `V0Card` is `{"due":ms,"stability":days,"difficulty":d,"reps":n,"lapses":n,
//!   "last_review":ms,"history":[[ms,1..4],..],"starred":bool,"note":".."}` (every field
//!   optional). A value with `cards` and no `version` is read as v0 too.
//!   Migration: a card with `reps == 0` has no FSRS card; otherwise its state is
//!   Review when due at least a day after its last review, else Relearning if it
//!   has lapses, else Learning. History becomes the review log (1 = Again .. 4 = Easy),
//!   `starred` the bookmark, and `updated_ms` the latest of its times.

use serde_json::Value;

use super::SCHEMA_VERSION;
use super::limits::MAX_STORED_BYTES;
use super::migrate::v0_parts;
use super::model::Progress;
use super::salvage::{Finding, Salvage, assemble, v1_parts};
use super::validate::ImportError;

/// The result of reading the stored value of a deck.
#[derive(Clone, PartialEq, Debug)]
pub enum LoadOutcome {
    /// Nothing stored yet.
    Empty,
    /// Read as the current schema.
    Loaded(Progress),
    /// Read from an older schema and migrated; save it back.
    Migrated { progress: Progress, from: u32 },
    /// Read, but some parts had to be repaired or set aside: keep `raw`
    /// aside once (under a backup key), save `progress` back, and tell the
    /// learner about `dropped`: `(question id or "(settings)", why)`.
    Salvaged {
        progress: Progress,
        /// The schema version it was written in.
        from: u32,
        dropped: Vec<(String, String)>,
        raw: String,
    },
    /// Could not be read: keep `raw` aside (under `backup_key`), tell the user why.
    Unreadable { raw: String, error: String },
}

/// Reads the stored value (`None` when the key is absent), salvaging what
/// it can (see the module docs).
pub fn load(raw: Option<&str>) -> LoadOutcome {
    let Some(raw) = raw.filter(|r| !r.trim().is_empty()) else {
        return LoadOutcome::Empty;
    };
    match read(raw, MAX_STORED_BYTES) {
        Ok(Read { salvage, version, .. }) if salvage.findings.is_empty() => match version {
            SCHEMA_VERSION => LoadOutcome::Loaded(salvage.progress),
            from => LoadOutcome::Migrated {
                progress: salvage.progress,
                from,
            },
        },
        Ok(Read { salvage, version, .. }) => LoadOutcome::Salvaged {
            progress: salvage.progress,
            from: version,
            dropped: salvage.findings.iter().map(|f| (f.id.clone(), f.why())).collect(),
            raw: raw.to_string(),
        },
        Err(error) => LoadOutcome::Unreadable {
            raw: raw.to_string(),
            error: error.to_string(),
        },
    }
}

/// A value read: what was salvaged, the schema version it was written in,
/// and the raw JSON (for extra fields).
pub(super) struct Read {
    pub salvage: Salvage,
    pub version: u32,
    pub value: Value,
}

/// Parses, migrates and salvages a JSON text of at most `max_bytes`. Fails
/// only when the text is not a progress value at all.
pub(super) fn read(text: &str, max_bytes: usize) -> Result<Read, ImportError> {
    if text.len() > max_bytes {
        return Err(ImportError::TooLarge {
            bytes: text.len(),
            limit: max_bytes,
        });
    }
    let value: Value = serde_json::from_str(text).map_err(|e| ImportError::NotJson(e.to_string()))?;
    let Some(object) = value.as_object() else {
        return Err(ImportError::WrongShape("expected a JSON object".into()));
    };
    let version = match object.get("version") {
        Some(v) => v
            .as_u64()
            .ok_or_else(|| ImportError::WrongShape("\"version\" is not a whole number".into()))?,
        None if object.contains_key("cards") => 0,
        None => return Err(ImportError::WrongShape("no \"version\" field".into())),
    };
    let parts = match version {
        0 => v0_parts(object)?,
        1 => v1_parts(object)?,
        v => return Err(ImportError::UnsupportedVersion(v)),
    };
    let salvage = assemble(parts);
    Ok(Read {
        salvage,
        version: version as u32,
        value,
    })
}

/// The first finding an import refuses: everything but a repaired card.
pub(super) fn first_refusal(findings: &[Finding]) -> Option<&Finding> {
    findings.iter().find(|f| f.done != super::salvage::Done::CardRestarted)
}
