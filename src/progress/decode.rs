//! Reading a stored or imported value: version dispatch, migrations, limits.
//!
//! # Schema versions
//! - **v1** (current): the [`Progress`] envelope,
//!   `{"version":1,"generation":n,"questions":{id:QuestionProgress},"settings":{..},"settings_updated_ms":n}`.
//!   `generation` (bumped by reset and import "replace", see [`Progress::merge`]) was
//!   added later as an optional field: without it a value reads as generation 0.
//! - **v0** (pre-release): `{"version":0,"cards":{id:V0Card},"theme":"dark","new_per_day":10}`
//!   where a `V0Card` is `{"due":ms,"stability":days,"difficulty":d,"reps":n,"lapses":n,
//!   "last_review":ms,"history":[[ms,1..4],..],"starred":bool,"note":".."}` (every field
//!   optional). A value with `cards` and no `version` is read as v0 too.
//!   Migration: a card with `reps == 0` has no FSRS card; otherwise its state is
//!   Review when due at least a day after its last review, else Relearning if it
//!   has lapses, else Learning. History becomes the review log (1 = Again .. 4 = Easy),
//!   `starred` the bookmark, and `updated_ms` the latest of its times.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

use super::limits::MAX_FILE_BYTES;
use super::model::{Card, CardState, Grade, Progress, QuestionProgress, ReviewEntry, Settings, Theme};
use super::validate::{ImportError, validate};
use super::{DAY_MS, SCHEMA_VERSION};

/// The result of reading the stored value of a deck.
#[derive(Clone, PartialEq, Debug)]
pub enum LoadOutcome {
    /// Nothing stored yet.
    Empty,
    /// Read as the current schema.
    Loaded(Progress),
    /// Read from an older schema and migrated; save it back.
    Migrated { progress: Progress, from: u32 },
    /// Could not be read: keep `raw` aside (under `backup_key`), tell the user why.
    Unreadable { raw: String, error: String },
}

/// Reads the stored value (`None` when the key is absent).
pub fn load(raw: Option<&str>) -> LoadOutcome {
    let Some(raw) = raw.filter(|r| !r.trim().is_empty()) else {
        return LoadOutcome::Empty;
    };
    match decode(raw) {
        Ok((progress, SCHEMA_VERSION, _)) => LoadOutcome::Loaded(progress),
        Ok((progress, from, _)) => LoadOutcome::Migrated { progress, from },
        Err(error) => LoadOutcome::Unreadable {
            raw: raw.to_string(),
            error: error.to_string(),
        },
    }
}

/// Parses, migrates and validates a JSON text. Returns the progress, the
/// schema version it was written in, and the raw JSON value (for extra fields).
pub(super) fn decode(text: &str) -> Result<(Progress, u32, Value), ImportError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
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
    let progress = match version {
        0 => migrate_v0(&value)?,
        1 => Progress::deserialize(&value).map_err(|e| ImportError::WrongShape(e.to_string()))?,
        v => return Err(ImportError::UnsupportedVersion(v)),
    };
    validate(&progress)?;
    Ok((progress, version as u32, value))
}

#[derive(Deserialize)]
struct V0 {
    #[serde(default)]
    cards: BTreeMap<String, V0Card>,
    #[serde(default)]
    theme: Theme,
    new_per_day: Option<u32>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct V0Card {
    due: i64,
    stability: f64,
    difficulty: f64,
    reps: u32,
    lapses: u32,
    last_review: i64,
    history: Vec<(i64, u8)>,
    starred: bool,
    note: String,
}

fn migrate_card(id: &str, old: V0Card) -> Result<QuestionProgress, ImportError> {
    let card = (old.reps > 0).then(|| {
        let scheduled_days = ((old.due - old.last_review) / DAY_MS).max(0);
        let state = if scheduled_days >= 1 {
            CardState::Review
        } else if old.lapses > 0 {
            CardState::Relearning
        } else {
            CardState::Learning
        };
        Card {
            due_ms: old.due,
            stability: old.stability,
            difficulty: old.difficulty,
            elapsed_days: 0,
            scheduled_days,
            reps: old.reps,
            lapses: old.lapses,
            state,
            last_review_ms: old.last_review,
        }
    });
    let mut reviews = Vec::with_capacity(old.history.len());
    for (at_ms, key) in old.history {
        let grade = Grade::from_key(key)
            .ok_or_else(|| ImportError::WrongShape(format!("grade {key} of \"{id}\" is not 1 to 4")))?;
        reviews.push(ReviewEntry { at_ms, grade });
    }
    reviews.sort();
    let updated_ms = reviews
        .last()
        .map_or(0, |r| r.at_ms)
        .max(card.as_ref().map_or(0, |c| c.last_review_ms));
    Ok(QuestionProgress {
        card,
        reviews,
        bookmarked: old.starred,
        note: old.note,
        updated_ms,
        undone: Vec::new(),
    })
}

/// Migrates the pre-release v0 shape (see the module docs) to the current one.
fn migrate_v0(value: &Value) -> Result<Progress, ImportError> {
    let old = V0::deserialize(value).map_err(|e| ImportError::WrongShape(e.to_string()))?;
    let mut questions = BTreeMap::new();
    for (id, card) in old.cards {
        let migrated = migrate_card(&id, card)?;
        questions.insert(id, migrated);
    }
    let settings = Settings {
        theme: old.theme,
        daily_new_limit: old.new_per_day.unwrap_or(Settings::default().daily_new_limit),
        ..Settings::default()
    };
    Ok(Progress {
        version: SCHEMA_VERSION,
        generation: 0,
        questions,
        settings,
        settings_updated_ms: 0,
    })
}
