//! FSRS scheduling through rs-fsrs (default parameters, no fuzz), total on
//! every input: the clock and the card are brought into FSRS's sane ranges
//! before rs-fsrs sees them, and its result is bounded before it is stored.
//!
//! - The clock reads within [`MAX_TIME_MS`] (1970 to 3000), far from
//!   chrono's limit (about 8.2e15 ms, where adding an interval panics).
//! - A last review after the clock (the clock moved back) counts as now.
//! - A graded card without a usable memory state is graded as a first
//!   review (see `Card::repaired`); stability and difficulty above their
//!   ranges are taken at the top of them.
//! - The next card has finite stability in [`MIN_STABILITY_DAYS`] ..=
//!   [`MAX_STABILITY_DAYS`], difficulty in 1 ..= 10, a due time from now to
//!   [`MAX_TIME_MS`], and counts within [`MAX_REVIEWS`]: the validator accepts it.

use chrono::{DateTime, Utc};
use rs_fsrs::{FSRS, Rating, State};

use super::limits::{MAX_REVIEWS, MAX_STABILITY_DAYS, MAX_TIME_MS, MIN_STABILITY_DAYS, clamp_time};
use super::model::{Card, CardState, Grade, Progress, ReviewEntry};
use super::repair::{add_review, round6, trim_reviews};

/// Most days a stored interval may count (as the validator reads it).
const MAX_DAYS: i64 = 1_000_000;

/// Instant of a millisecond timestamp (clamped to chrono's range).
fn instant(ms: i64) -> DateTime<Utc> {
    DateTime::from_timestamp_millis(ms).unwrap_or_default()
}

/// `x` within `lo ..= hi`, NaN read as `fallback`.
fn within(x: f64, lo: f64, hi: f64, fallback: f64) -> f64 {
    if x.is_nan() { fallback } else { x.clamp(lo, hi) }
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

    /// The card as rs-fsrs may see it at `now` (a clamped clock).
    fn fsrs_input(&self, now: i64) -> Card {
        // `f64::min` would read NaN as the other operand: NaN must stay NaN
        // (an unusable memory state), so only numbers are capped.
        let cap = |x: f64, top: f64| if x > top { top } else { x };
        let mut card = Card {
            stability: cap(self.stability, MAX_STABILITY_DAYS),
            difficulty: cap(self.difficulty, 10.0),
            ..self.clone()
        }
        .repaired();
        card.due_ms = clamp_time(card.due_ms);
        card.last_review_ms = card.last_review_ms.clamp(0, now);
        // rs-fsrs counts in i32 and adds one: keep well inside.
        card.reps = card.reps.min(MAX_REVIEWS as u32);
        card.lapses = card.lapses.min(card.reps);
        card
    }

    /// The card rs-fsrs returned, bounded to what the validator accepts.
    fn bounded(mut self, now: i64) -> Card {
        self.stability = round6(within(
            self.stability,
            MIN_STABILITY_DAYS,
            MAX_STABILITY_DAYS,
            MIN_STABILITY_DAYS,
        ));
        self.difficulty = round6(within(self.difficulty, 1.0, 10.0, 5.0));
        self.due_ms = self.due_ms.clamp(now, MAX_TIME_MS);
        self.last_review_ms = now;
        self.elapsed_days = self.elapsed_days.clamp(0, MAX_DAYS);
        self.scheduled_days = self.scheduled_days.clamp(0, MAX_DAYS);
        self.reps = self.reps.min(MAX_REVIEWS as u32);
        self.lapses = self.lapses.min(self.reps);
        self
    }

    /// The card after grading it at `now_ms`, scheduled by FSRS with default
    /// parameters. Total: any card, any grade, any clock gives a card the
    /// validator accepts (see the module docs).
    pub fn next(&self, grade: Grade, now_ms: i64) -> Card {
        let now = clamp_time(now_ms);
        let input = self.fsrs_input(now);
        let info = FSRS::default().next((&input).into(), instant(now), grade.into());
        Card::from(&info.card).bounded(now)
    }
}

impl Progress {
    /// Grades a question: reschedules its card with FSRS, logs the review
    /// (in time order, the clock clamped like every change), and marks the
    /// entry updated. Past [`MAX_REVIEWS`] reviews in all, the oldest are
    /// dropped (see the `repair` module). An id that is not a question id
    /// changes nothing.
    pub fn grade(&mut self, id: &str, grade: Grade, now_ms: i64) {
        let now = clamp_time(now_ms);
        let Some(entry) = self.edit(id, now) else { return };
        let card = entry.card.take().unwrap_or_else(|| Card::new_at(now));
        entry.card = Some(card.next(grade, now));
        let review = ReviewEntry { at_ms: now, grade };
        // The same review again after an undo (same instant) is no longer undone.
        entry.undone.retain(|r| *r != review);
        add_review(&mut entry.reviews, review);
        trim_reviews(self);
    }
}
