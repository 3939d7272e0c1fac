//! Limits on values read from outside (import files, stored values), and the
//! errors that explain a rejection to the learner.

use std::fmt;

use super::limits::*;
use super::model::{Card, CardState, Progress, QuestionProgress};

/// Why an import file (or a stored value) was refused. `Display` is the
/// message shown to the learner.
#[derive(Clone, PartialEq, Debug)]
pub enum ImportError {
    /// Larger than its limit: [`MAX_FILE_BYTES`] for a file,
    /// [`MAX_STORED_BYTES`] for a stored value or a merge result.
    TooLarge { bytes: usize, limit: usize },
    /// Not parseable as JSON.
    NotJson(String),
    /// JSON, but not a pyprep progress file.
    WrongShape(String),
    /// Written by a newer schema than this build reads.
    UnsupportedVersion(u64),
    /// More than [`MAX_QUESTIONS`] questions.
    TooManyQuestions(usize),
    /// A note longer than [`MAX_NOTE_CHARS`].
    NoteTooLong { id: String, chars: usize },
    /// An id that is not a slug of at most [`MAX_ID_LEN`] characters.
    BadId(String),
    /// More than [`MAX_REVIEWS`] reviews in total.
    TooManyReviews(usize),
    /// A timestamp, stability or other number out of its plausible range.
    BadValue {
        id: String,
        field: &'static str,
        value: String,
    },
    /// The file is fine, but merging it into the learner's progress would
    /// break this limit.
    AfterMerge(Box<ImportError>),
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge { bytes, limit } => write!(
                f,
                "The file is too large ({bytes} bytes); the limit is {limit} bytes (5 MB)."
            ),
            ImportError::NotJson(e) => write!(f, "The file is not valid JSON: {e}."),
            ImportError::WrongShape(e) => {
                write!(f, "The file is not a pyprep progress file: {e}.")
            }
            ImportError::UnsupportedVersion(v) => write!(
                f,
                "The progress was saved by a newer version of pyprep (schema version {v}); \
                 this version reads up to version {}. Update the app to open it.",
                super::SCHEMA_VERSION
            ),
            ImportError::TooManyQuestions(n) => {
                write!(f, "The file holds {n} questions; at most {MAX_QUESTIONS} are accepted.")
            }
            ImportError::NoteTooLong { id, chars } => write!(
                f,
                "The note on \"{id}\" is {chars} characters long; at most {MAX_NOTE_CHARS} are accepted."
            ),
            ImportError::BadId(id) => write!(
                f,
                "\"{}\" is not a valid question id (lowercase letters, digits, '-' or '_', at most {MAX_ID_LEN} characters).",
                id.chars().take(120).collect::<String>()
            ),
            ImportError::TooManyReviews(n) => {
                write!(f, "The file holds {n} reviews; at most {MAX_REVIEWS} are accepted.")
            }
            ImportError::BadValue { id, field, value } => {
                write!(f, "The {field} of \"{id}\" has an impossible value: {value}.")
            }
            ImportError::AfterMerge(e) => write!(f, "Merging this file would go over a limit. {e}"),
        }
    }
}

impl std::error::Error for ImportError {}

/// True for a question id: lowercase ASCII letters, digits, `-` and `_`,
/// starting with a letter or digit, at most [`MAX_ID_LEN`] characters.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

/// Checks a timestamp against [`MAX_TIME_MS`] (1970 to 3000).
pub(super) fn check_time(id: &str, field: &'static str, ms: i64) -> Result<(), ImportError> {
    if (0..=MAX_TIME_MS).contains(&ms) {
        Ok(())
    } else {
        Err(bad(id, field, ms))
    }
}

/// The [`ImportError::BadValue`] of `field` of `id`.
pub(super) fn bad(id: &str, field: &'static str, value: impl ToString) -> ImportError {
    ImportError::BadValue {
        id: id.to_string(),
        field,
        value: value.to_string(),
    }
}

/// Checks a card. A new card's stability and difficulty are unused (FSRS
/// starts from its initial values) and may be anything from 0; a graded
/// card's are what FSRS produces: stability from [`MIN_STABILITY_DAYS`],
/// difficulty from 1 to 10 (see `Card::repaired` for cards that break this).
pub(super) fn check_card(id: &str, card: &Card) -> Result<(), ImportError> {
    check_time(id, "due time", card.due_ms)?;
    check_time(id, "last review time", card.last_review_ms)?;
    let graded = card.state != CardState::New;
    let least = if graded { MIN_STABILITY_DAYS } else { 0.0 };
    if !(card.stability.is_finite() && (least..=MAX_STABILITY_DAYS).contains(&card.stability)) {
        return Err(bad(id, "stability", card.stability));
    }
    let least = if graded { 1.0 } else { 0.0 };
    if !(card.difficulty.is_finite() && (least..=10.0).contains(&card.difficulty)) {
        return Err(bad(id, "difficulty", card.difficulty));
    }
    let days = -1_000_000..=1_000_000;
    if !days.contains(&card.elapsed_days) {
        return Err(bad(id, "elapsed days", card.elapsed_days));
    }
    if !days.contains(&card.scheduled_days) {
        return Err(bad(id, "scheduled days", card.scheduled_days));
    }
    if card.reps > MAX_REVIEWS as u32 || card.lapses > card.reps {
        return Err(bad(id, "repetition count", card.reps));
    }
    Ok(())
}

/// Checks one question entry: its id, note, times, revision and card.
pub(super) fn check_entry(id: &str, q: &QuestionProgress) -> Result<(), ImportError> {
    if !is_slug(id) {
        return Err(ImportError::BadId(id.to_string()));
    }
    let chars = q.note.chars().count();
    if chars > MAX_NOTE_CHARS {
        return Err(ImportError::NoteTooLong {
            id: id.to_string(),
            chars,
        });
    }
    check_time(id, "update time", q.updated_ms)?;
    if q.rev > MAX_REVISION {
        return Err(bad(id, "revision", q.rev));
    }
    for review in q.reviews.iter().chain(&q.undone) {
        check_time(id, "review time", review.at_ms)?;
    }
    match &q.card {
        Some(card) => check_card(id, card),
        None => Ok(()),
    }
}

/// Checks the settings and their update time and revision.
pub(super) fn check_settings(progress: &Progress) -> Result<(), ImportError> {
    check_time("settings", "update time", progress.settings_updated_ms)?;
    if progress.settings_rev > MAX_REVISION {
        return Err(bad("settings", "revision", progress.settings_rev));
    }
    if progress.settings.daily_new_limit > MAX_DAILY_NEW {
        let limit = progress.settings.daily_new_limit;
        return Err(bad("settings", "daily new-card limit", limit));
    }
    Ok(())
}

/// Checks every limit; the first violation is returned.
pub fn validate(progress: &Progress) -> Result<(), ImportError> {
    let n = progress.questions.len();
    if n > MAX_QUESTIONS {
        return Err(ImportError::TooManyQuestions(n));
    }
    let reviews: usize = progress
        .questions
        .values()
        .map(|q| q.reviews.len() + q.undone.len())
        .sum();
    if reviews > MAX_REVIEWS {
        return Err(ImportError::TooManyReviews(reviews));
    }
    if progress.generation > MAX_GENERATION {
        return Err(bad("progress", "generation", progress.generation));
    }
    check_settings(progress)?;
    for (id, q) in &progress.questions {
        check_entry(id, q)?;
    }
    Ok(())
}
