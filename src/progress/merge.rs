//! Merging two progress values (two browser tabs, or an import in "merge" mode).
//!
//! # The rule
//! - Different generations: the higher one is kept whole (the other predates
//!   a reset or an import "replace").
//! - Same generation, per question: the entry with the higher `rev` wins (an
//!   edit made after seeing another one has a higher revision, whatever its
//!   clock said), then the later `updated_ms` (concurrent edits), then a
//!   field-wise comparison so that the result never depends on the order of
//!   the operands. The review logs are unioned (sorted, exact duplicates
//!   once), then held to [`super::limits::MAX_REVIEWS`] by dropping the oldest.
//! - Settings: the same rule with `settings_rev` and `settings_updated_ms`.
//!
//! Merging is commutative, associative and idempotent (property tests in
//! `tests/progress_props.rs`).

use std::cmp::Ordering;

use super::SCHEMA_VERSION;
use std::rc::Rc;

use super::model::{Card, CardState, Progress, QuestionProgress, Settings, Theme};
use super::repair::trim_reviews;

fn state_rank(state: CardState) -> u8 {
    match state {
        CardState::New => 0,
        CardState::Learning => 1,
        CardState::Review => 2,
        CardState::Relearning => 3,
    }
}

/// A total order on cards, field by field.
fn card_order(a: &Card, b: &Card) -> Ordering {
    a.due_ms
        .cmp(&b.due_ms)
        .then_with(|| a.stability.total_cmp(&b.stability))
        .then_with(|| a.difficulty.total_cmp(&b.difficulty))
        .then_with(|| a.elapsed_days.cmp(&b.elapsed_days))
        .then_with(|| a.scheduled_days.cmp(&b.scheduled_days))
        .then_with(|| a.reps.cmp(&b.reps))
        .then_with(|| a.lapses.cmp(&b.lapses))
        .then_with(|| state_rank(a.state).cmp(&state_rank(b.state)))
        .then_with(|| a.last_review_ms.cmp(&b.last_review_ms))
}

/// Which entry wins: higher revision, then later update, then field by
/// field. The review log takes no part (it is unioned either way), so the
/// winner of a merged entry is the winner of its sides: associativity.
fn newer(a: &QuestionProgress, b: &QuestionProgress) -> Ordering {
    a.rev
        .cmp(&b.rev)
        .then_with(|| a.updated_ms.cmp(&b.updated_ms))
        .then_with(|| match (&a.card, &b.card) {
            (Some(x), Some(y)) => card_order(x, y),
            (x, y) => x.is_some().cmp(&y.is_some()),
        })
        .then_with(|| a.bookmarked.cmp(&b.bookmarked))
        .then_with(|| a.note.cmp(&b.note))
}

fn theme_rank(theme: Theme) -> u8 {
    match theme {
        Theme::System => 0,
        Theme::Light => 1,
        Theme::Dark => 2,
    }
}

/// Which settings win: higher revision, then later update, then field by field.
fn newer_settings(a: &Progress, b: &Progress) -> Ordering {
    let fields = |s: &Settings| (theme_rank(s.theme), s.daily_new_limit, s.new_order.as_str());
    a.settings_rev
        .cmp(&b.settings_rev)
        .then_with(|| a.settings_updated_ms.cmp(&b.settings_updated_ms))
        .then_with(|| fields(&a.settings).cmp(&fields(&b.settings)))
}

fn merge_question(a: &QuestionProgress, b: &QuestionProgress) -> QuestionProgress {
    let (winner, loser) = if newer(a, b) == Ordering::Less { (b, a) } else { (a, b) };
    let mut merged = winner.clone();
    merged.reviews.extend(loser.reviews.iter().copied());
    crate::sort::sort(&mut merged.reviews);
    merged.reviews.dedup();
    merged.undone.extend(loser.undone.iter().copied());
    crate::sort::sort(&mut merged.undone);
    merged.undone.dedup();
    let undone = merged.undone.clone();
    merged.reviews.retain(|r| !undone.contains(r));
    merged
}

impl Progress {
    /// The merge before the review limit is applied: what
    /// [`Progress::merge_import_checked`] checks against every limit.
    pub(super) fn merge_unbounded(&self, other: &Progress) -> Progress {
        match self.generation.cmp(&other.generation) {
            Ordering::Greater => return self.clone(),
            Ordering::Less => return other.clone(),
            Ordering::Equal => {}
        }
        let mut questions = self.questions.clone();
        for (id, theirs) in &other.questions {
            let merged = match questions.get(id) {
                Some(ours) if Rc::ptr_eq(ours, theirs) => continue,
                Some(ours) => Rc::new(merge_question(ours, theirs)),
                None => Rc::clone(theirs),
            };
            questions.insert(id.clone(), merged);
        }
        let settings_from = if newer_settings(self, other) == Ordering::Less {
            other
        } else {
            self
        };
        Progress {
            version: SCHEMA_VERSION,
            generation: self.generation,
            questions,
            settings: settings_from.settings.clone(),
            settings_updated_ms: settings_from.settings_updated_ms,
            settings_rev: settings_from.settings_rev,
        }
    }

    /// Merges two progress values by the rule in the module docs: the
    /// higher generation whole; otherwise per question the higher revision,
    /// then the later update, review logs unioned and held to the review
    /// limit; questions present on one side only are kept. Commutative,
    /// associative and idempotent.
    pub fn merge(&self, other: &Progress) -> Progress {
        let mut merged = self.merge_unbounded(other);
        trim_reviews(&mut merged);
        merged
    }
}
