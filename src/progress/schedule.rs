//! FSRS scheduling through rs-fsrs (default parameters, no fuzz).

use chrono::{DateTime, Utc};
use rs_fsrs::{FSRS, Rating, State};

use super::model::{Card, CardState, Grade, Progress, ReviewEntry};

/// Instant of a millisecond timestamp (clamped to chrono's range).
fn instant(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms).unwrap_or_default()
}

/// Rounds to 1e-6 so that values survive a JSON round trip bit for bit.
fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

impl From<Grade> for Rating {
    fn from(grade: Grade) -> Rating {
        match grade {
            Grade::Again => Rating::Again,
            Grade::Hard => Rating::Hard,
            Grade::Good => Rating::Good,
            Grade::Easy => Rating::Easy,
        }
    }
}

impl From<&Card> for rs_fsrs::Card {
    fn from(card: &Card) -> rs_fsrs::Card {
        rs_fsrs::Card {
            due: instant(card.due_ms),
            stability: card.stability,
            difficulty: card.difficulty,
            elapsed_days: card.elapsed_days,
            scheduled_days: card.scheduled_days,
            reps: i32::try_from(card.reps).unwrap_or(i32::MAX),
            lapses: i32::try_from(card.lapses).unwrap_or(i32::MAX),
            state: match card.state {
                CardState::New => State::New,
                CardState::Learning => State::Learning,
                CardState::Review => State::Review,
                CardState::Relearning => State::Relearning,
            },
            last_review: instant(card.last_review_ms),
        }
    }
}

impl From<&rs_fsrs::Card> for Card {
    fn from(card: &rs_fsrs::Card) -> Card {
        Card {
            due_ms: card.due.timestamp_millis(),
            stability: round6(card.stability),
            difficulty: round6(card.difficulty),
            elapsed_days: card.elapsed_days,
            scheduled_days: card.scheduled_days,
            reps: u32::try_from(card.reps).unwrap_or(0),
            lapses: u32::try_from(card.lapses).unwrap_or(0),
            state: match card.state {
                State::New => CardState::New,
                State::Learning => CardState::Learning,
                State::Review => CardState::Review,
                State::Relearning => CardState::Relearning,
            },
            last_review_ms: card.last_review.timestamp_millis(),
        }
    }
}

impl Card {
    /// A card never reviewed, due at `now_ms`.
    pub fn new_at(now_ms: i64) -> Card {
        Card {
            due_ms: now_ms,
            last_review_ms: now_ms,
            ..Card::default()
        }
    }

    /// The card after grading it at `now_ms`, scheduled by FSRS with default parameters.
    pub fn next(&self, grade: Grade, now_ms: i64) -> Card {
        let info = FSRS::default().next(self.into(), instant(now_ms), grade.into());
        Card::from(&info.card)
    }
}

impl Progress {
    /// Grades a question: reschedules its card with FSRS, logs the review,
    /// and marks the entry updated.
    pub fn grade(&mut self, id: &str, grade: Grade, now_ms: i64) {
        let entry = self.entry(id);
        let card = entry.card.take().unwrap_or_else(|| Card::new_at(now_ms));
        entry.card = Some(card.next(grade, now_ms));
        entry.reviews.push(ReviewEntry { at_ms: now_ms, grade });
        entry.updated_ms = now_ms;
    }
}
