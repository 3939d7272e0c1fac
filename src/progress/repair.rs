//! Bringing values into their canonical form, repairing the impossible
//! memory state of a card, and keeping the review log within its limit.
//!
//! # Rules
//! - **Canonical form** (silent, on every load and import): a review log is
//!   sorted oldest first with exact duplicates (same time, same grade)
//!   removed; stability and difficulty are kept to 6 decimals (so that they
//!   survive a JSON round trip bit for bit) and `-0` reads as `0`.
//! - **Card repair** (told to the learner on load, listed in an import
//!   preview): a graded card (state not `new`) whose stability is below
//!   [`MIN_STABILITY_DAYS`] (0 included) or whose difficulty is below 1 has
//!   no usable FSRS memory state: FSRS never produces one, but older builds
//!   could store it (stability 0 after many "Again"s, NaN written as `null`)
//!   and files can hold it. It becomes a `new` card with stability and
//!   difficulty 0, keeping its due time, repetitions, lapses and review log:
//!   the next grade starts its memory afresh with FSRS's initial values
//!   instead of computing NaN. A repaired card is better than a lost one.
//! - **Review limit**: when the review logs together hold more than
//!   [`MAX_REVIEWS`] reviews, the oldest reviews of all (by time, grade, id)
//!   are dropped; cards are untouched. Grading and merging both apply it, so
//!   a merge never brings back what grading trimmed.

use std::collections::BTreeMap;

use super::limits::{MAX_REVIEWS, MIN_STABILITY_DAYS};
use super::model::{Card, CardState, Progress, QuestionProgress, ReviewEntry};

/// Rounds to 1e-6 so that values survive a JSON round trip bit for bit, and
/// turns `-0` into `0`. Values too large for that are left as they are.
pub(super) fn round6(x: f64) -> f64 {
    if x.abs() < 1e12 {
        (x * 1e6).round() / 1e6 + 0.0
    } else {
        x
    }
}

impl Card {
    /// True when this card is graded but has no usable FSRS memory state
    /// (see the module docs; NaN counts as unusable).
    pub(super) fn memory_unusable(&self) -> bool {
        self.state != CardState::New && !(self.stability >= MIN_STABILITY_DAYS && self.difficulty >= 1.0)
    }

    /// The card with an unusable memory state reset (see the module docs):
    /// `new`, stability and difficulty 0, everything else kept.
    pub(super) fn repaired(&self) -> Card {
        if !self.memory_unusable() {
            return self.clone();
        }
        Card {
            state: CardState::New,
            stability: 0.0,
            difficulty: 0.0,
            ..self.clone()
        }
    }
}

impl QuestionProgress {
    /// The entry in canonical form (see the module docs).
    pub(super) fn normalize(&mut self) {
        crate::sort::sort(&mut self.reviews);
        self.reviews.dedup();
        if let Some(card) = &mut self.card {
            card.stability = round6(card.stability);
            card.difficulty = round6(card.difficulty);
        }
    }
}

/// Adds a review to a sorted log, keeping it sorted and free of duplicates.
pub(super) fn add_review(reviews: &mut Vec<ReviewEntry>, review: ReviewEntry) {
    if let Err(at) = reviews.binary_search(&review) {
        reviews.insert(at, review);
    }
}

/// Drops the oldest reviews of all until at most [`MAX_REVIEWS`] are left
/// (logs must be sorted). Returns how many were dropped from which question.
pub(super) fn trim_reviews(progress: &mut Progress) -> Vec<(String, usize)> {
    let total: usize = progress.questions.values().map(|q| q.reviews.len()).sum();
    if total <= MAX_REVIEWS {
        return Vec::new();
    }
    let mut all: Vec<(ReviewEntry, &str)> = progress
        .questions
        .iter()
        .flat_map(|(id, q)| q.reviews.iter().map(move |r| (*r, id.as_str())))
        .collect();
    crate::sort::sort(&mut all);
    let mut dropped: BTreeMap<String, usize> = BTreeMap::new();
    for (_, id) in &all[..total - MAX_REVIEWS] {
        *dropped.entry((*id).to_string()).or_default() += 1;
    }
    for (id, n) in &dropped {
        if let Some(q) = progress.questions.get_mut(id) {
            // A sorted log loses a prefix: its oldest are the oldest of all.
            std::rc::Rc::make_mut(q).reviews.drain(..*n);
        }
    }
    dropped.into_iter().collect()
}
