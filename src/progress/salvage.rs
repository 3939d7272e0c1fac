//! Salvage: a value read part by part, every valid part kept, every invalid
//! one repaired or set aside with a finding that says why.
//!
//! # Rules
//! - A question entry that cannot be read or breaks a limit is set aside
//!   (its id, a time, a number out of range); the others are kept.
//! - An impossible card memory state is repaired (see the `repair` module);
//!   a `null` stability or difficulty (a NaN written by older builds) reads
//!   as 0 and is repaired the same way.
//! - A note over [`MAX_NOTE_CHARS`] is cut to that length, not dropped.
//! - Past [`MAX_QUESTIONS`], the entries after the first ones (by id) are
//!   set aside; past [`MAX_REVIEWS`] in all, the oldest reviews.
//! - Invalid settings (or their time or revision) fall back to the
//!   defaults; an invalid generation reads as 0, one above the limit as
//!   [`MAX_GENERATION`].

use std::fmt;

use serde::Deserialize;
use serde_json::{Map, Value};

use super::limits::{
    MAX_DAILY_NEW, MAX_GENERATION, MAX_NOTE_CHARS, MAX_QUESTIONS, MAX_REVIEWS, MAX_REVISION, MIN_STABILITY_DAYS,
    clip_note,
};
use super::model::{Progress, QuestionProgress, Settings};
use super::repair::trim_reviews;
use super::validate::{ImportError, bad, check_entry, check_time, is_slug};

/// What was done about a finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Done {
    /// The question entry was left out.
    SetAside,
    /// The card's memory state was reset (an import accepts this).
    CardRestarted,
    /// The note was cut to the limit.
    NoteCut,
    /// This many of the oldest reviews were left out.
    ReviewsTrimmed(usize),
    /// The default value is used instead.
    Defaulted,
    /// The largest value allowed is used instead.
    Capped,
}

impl fmt::Display for Done {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Done::SetAside => f.write_str("It was set aside."),
            Done::CardRestarted => f.write_str("The card starts afresh at its next grade."),
            Done::NoteCut => write!(f, "The note was cut to {MAX_NOTE_CHARS} characters."),
            Done::ReviewsTrimmed(n) => write!(f, "Its {n} oldest reviews were set aside."),
            Done::Defaulted => f.write_str("The default is used."),
            Done::Capped => f.write_str("The largest value allowed is used."),
        }
    }
}

/// One part of a value that was repaired or set aside.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Finding {
    /// The question id, or `(settings)` / `(generation)` for the envelope.
    pub id: String,
    /// What was wrong.
    pub error: ImportError,
    /// What was done about it.
    pub done: Done,
}

impl Finding {
    fn new(id: &str, error: ImportError, done: Done) -> Finding {
        Finding {
            id: id.to_string(),
            error,
            done,
        }
    }

    /// The sentence for the learner: what was wrong and what was done.
    pub fn why(&self) -> String {
        format!("{} {}", self.error, self.done)
    }
}

/// A value split into parts, each read on its own.
pub(super) struct Parts {
    pub generation: Result<u64, ImportError>,
    pub questions: Vec<(String, Result<QuestionProgress, ImportError>)>,
    pub settings: Result<Settings, ImportError>,
    pub settings_updated_ms: Result<i64, ImportError>,
    pub settings_rev: Result<u64, ImportError>,
}

/// The progress kept, and what was found on the way.
pub(super) struct Salvage {
    pub progress: Progress,
    pub findings: Vec<Finding>,
}

fn wrong(what: impl fmt::Display) -> ImportError {
    ImportError::WrongShape(what.to_string())
}

fn whole<T>(
    object: &Map<String, Value>,
    key: &str,
    read: fn(&Value) -> Option<T>,
    absent: T,
) -> Result<T, ImportError> {
    match object.get(key) {
        None => Ok(absent),
        Some(v) => read(v).ok_or_else(|| wrong(format_args!("\"{key}\" is not a whole number from 0"))),
    }
}

/// One question entry of a v1 value; a `null` stability or difficulty reads as 0.
fn v1_entry(id: &str, value: &Value) -> Result<QuestionProgress, ImportError> {
    const FLOATS: [&str; 2] = ["stability", "difficulty"];
    let card = value.get("card").and_then(Value::as_object);
    let read = |v: &Value| QuestionProgress::deserialize(v).map_err(|e| wrong(format_args!("question \"{id}\": {e}")));
    if !card.is_some_and(|c| FLOATS.iter().any(|f| c.get(*f).is_some_and(Value::is_null))) {
        return read(value);
    }
    let mut value = value.clone();
    if let Some(card) = value.get_mut("card").and_then(Value::as_object_mut) {
        for field in FLOATS {
            if card.get(field).is_some_and(Value::is_null) {
                card.insert(field.into(), Value::from(0.0));
            }
        }
    }
    read(&value)
}

/// Splits a v1 value into its parts. Fails only when `questions` is not an object.
pub(super) fn v1_parts(object: &Map<String, Value>) -> Result<Parts, ImportError> {
    let questions = match object.get("questions") {
        None => Vec::new(),
        Some(Value::Object(map)) => map.iter().map(|(id, v)| (id.clone(), v1_entry(id, v))).collect(),
        Some(_) => return Err(wrong("\"questions\" is not an object")),
    };
    let settings = match object.get("settings") {
        None => Ok(Settings::default()),
        Some(v) => Settings::deserialize(v).map_err(|e| wrong(format_args!("settings: {e}"))),
    };
    Ok(Parts {
        generation: whole(object, "generation", Value::as_u64, 0),
        questions,
        settings,
        settings_updated_ms: whole(object, "settings_updated_ms", Value::as_i64, 0),
        settings_rev: whole(object, "settings_rev", Value::as_u64, 0),
    })
}

/// One entry checked, repaired where it can be, with the findings of its
/// repairs; `Err` sets it aside.
fn entry(id: &str, mut q: QuestionProgress) -> Result<(QuestionProgress, Vec<Finding>), ImportError> {
    if !is_slug(id) {
        return Err(ImportError::BadId(id.to_string()));
    }
    let mut findings = Vec::new();
    q.normalize();
    let chars = q.note.chars().count();
    if chars > MAX_NOTE_CHARS {
        q.note = clip_note(&q.note).to_string();
        let error = ImportError::NoteTooLong {
            id: id.to_string(),
            chars,
        };
        findings.push(Finding::new(id, error, Done::NoteCut));
    }
    if let Some(card) = &mut q.card
        && card.memory_unusable()
        && card.stability >= 0.0
        && card.difficulty >= 0.0
    {
        let (field, value) = if card.stability < MIN_STABILITY_DAYS {
            ("stability", card.stability)
        } else {
            ("difficulty", card.difficulty)
        };
        *card = card.repaired();
        findings.push(Finding::new(id, bad(id, field, value), Done::CardRestarted));
    }
    check_entry(id, &q)?;
    Ok((q, findings))
}

/// Puts the parts together: every valid part kept, the rest repaired or set
/// aside by the rules in the module docs, each with a finding.
pub(super) fn assemble(parts: Parts) -> Salvage {
    let mut findings = Vec::new();
    let mut progress = Progress::default();
    match parts.generation {
        Ok(g) if g <= MAX_GENERATION => progress.generation = g,
        Ok(g) => {
            findings.push(Finding::new(
                "(generation)",
                bad("progress", "generation", g),
                Done::Capped,
            ));
            progress.generation = MAX_GENERATION;
        }
        Err(e) => findings.push(Finding::new("(generation)", e, Done::Defaulted)),
    }
    let settings = parts.settings.and_then(|s| match s.daily_new_limit {
        n if n > MAX_DAILY_NEW => Err(bad("settings", "daily new-card limit", n)),
        _ => Ok(s),
    });
    let time = parts
        .settings_updated_ms
        .and_then(|t| check_time("settings", "update time", t).map(|()| t));
    let rev = parts.settings_rev.and_then(|r| match r {
        r if r > MAX_REVISION => Err(bad("settings", "revision", r)),
        r => Ok(r),
    });
    match (settings, time, rev) {
        (Ok(settings), Ok(time), Ok(rev)) => {
            progress.settings = settings;
            progress.settings_updated_ms = time;
            progress.settings_rev = rev;
        }
        (settings, time, rev) => {
            let errors = [settings.err(), time.err(), rev.err()];
            for e in errors.into_iter().flatten() {
                findings.push(Finding::new("(settings)", e, Done::Defaulted));
            }
        }
    }
    let mut questions = parts.questions;
    crate::sort::sort_by(&mut questions, &mut |a, b| a.0.cmp(&b.0));
    let count = questions.len();
    for (id, read) in questions {
        match read.and_then(|q| entry(&id, q)) {
            Ok(_) if progress.questions.len() >= MAX_QUESTIONS => {
                findings.push(Finding::new(&id, ImportError::TooManyQuestions(count), Done::SetAside));
            }
            Ok((q, repairs)) => {
                findings.extend(repairs);
                progress.questions.insert(id, std::rc::Rc::new(q));
            }
            Err(e) => findings.push(Finding::new(&id, e, Done::SetAside)),
        }
    }
    let total: usize = progress.questions.values().map(|q| q.reviews.len()).sum();
    if total > MAX_REVIEWS {
        for (id, n) in trim_reviews(&mut progress) {
            findings.push(Finding::new(
                &id,
                ImportError::TooManyReviews(total),
                Done::ReviewsTrimmed(n),
            ));
        }
    }
    Salvage { progress, findings }
}
