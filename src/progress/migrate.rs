//! The pre-release v0 shape, read part by part (see `decode` for the shape
//! and the migration rule).

use serde::Deserialize;
use serde_json::{Map, Value};

use super::DAY_MS;
use super::model::{Card, CardState, Grade, QuestionProgress, ReviewEntry, Settings, Theme};
use super::salvage::Parts;
use super::validate::ImportError;

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

fn wrong(what: String) -> ImportError {
    ImportError::WrongShape(what)
}

fn migrate_card(id: &str, value: &Value) -> Result<QuestionProgress, ImportError> {
    let old = V0Card::deserialize(value).map_err(|e| wrong(format!("card \"{id}\": {e}")))?;
    let card = (old.reps > 0).then(|| {
        let scheduled_days = (old.due.saturating_sub(old.last_review) / DAY_MS).max(0);
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
        let grade = Grade::from_key(key).ok_or_else(|| wrong(format!("grade {key} of \"{id}\" is not 1 to 4")))?;
        reviews.push(ReviewEntry { at_ms, grade });
    }
    crate::sort::sort(&mut reviews);
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
        rev: 0,
        undone: Vec::new(),
    })
}

fn settings(object: &Map<String, Value>) -> Result<Settings, ImportError> {
    let theme = match object.get("theme") {
        None => Theme::default(),
        Some(v) => Theme::deserialize(v).map_err(|e| wrong(format!("theme: {e}")))?,
    };
    let daily_new_limit = match object.get("new_per_day") {
        None | Some(Value::Null) => Settings::default().daily_new_limit,
        Some(v) => u32::deserialize(v).map_err(|e| wrong(format!("new_per_day: {e}")))?,
    };
    Ok(Settings {
        theme,
        daily_new_limit,
        ..Settings::default()
    })
}

/// Splits a v0 value into the parts of the current shape, each card
/// migrated on its own. Fails only when `cards` is not an object.
pub(super) fn v0_parts(object: &Map<String, Value>) -> Result<Parts, ImportError> {
    let questions = match object.get("cards") {
        None => Vec::new(),
        Some(Value::Object(cards)) => cards.iter().map(|(id, v)| (id.clone(), migrate_card(id, v))).collect(),
        Some(_) => return Err(wrong("\"cards\" is not an object".into())),
    };
    Ok(Parts {
        generation: Ok(0),
        questions,
        settings: settings(object),
        settings_updated_ms: Ok(0),
        settings_rev: Ok(0),
    })
}
