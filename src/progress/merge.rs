//! Merging two progress values (two browser tabs, or an import in "merge" mode).

use std::cmp::Ordering;

use super::SCHEMA_VERSION;
use super::model::{Progress, QuestionProgress};

/// Total order used to pick a winner: later `updated_ms` first, then a
/// deterministic tie-break on content so that merging is commutative.
fn newer(a: &QuestionProgress, b: &QuestionProgress) -> Ordering {
    a.updated_ms
        .cmp(&b.updated_ms)
        .then_with(|| a.reviews.len().cmp(&b.reviews.len()))
        .then_with(|| {
            let ja = serde_json::to_string(a).unwrap_or_default();
            let jb = serde_json::to_string(b).unwrap_or_default();
            ja.cmp(&jb)
        })
}

fn merge_question(a: &QuestionProgress, b: &QuestionProgress) -> QuestionProgress {
    let (winner, loser) = if newer(a, b) == Ordering::Less { (b, a) } else { (a, b) };
    let mut merged = winner.clone();
    merged.reviews.extend(loser.reviews.iter().copied());
    merged.reviews.sort();
    merged.reviews.dedup();
    merged.undone.extend(loser.undone.iter().copied());
    merged.undone.sort();
    merged.undone.dedup();
    let undone = merged.undone.clone();
    merged.reviews.retain(|r| !undone.contains(r));
    merged
}

impl Progress {
    /// Merges two progress values. If their generations differ, the one with
    /// the higher generation is returned as is (the other predates a reset or
    /// an import "replace"). Otherwise, per question the entry with the larger
    /// `updated_ms` wins (ties broken deterministically), review logs are
    /// unioned (deduplicated by time and grade, sorted); settings follow
    /// `settings_updated_ms`. Questions present on one side only are kept.
    /// Commutative (`a.merge(&b) == b.merge(&a)`) and idempotent.
    pub fn merge(&self, other: &Progress) -> Progress {
        match self.generation.cmp(&other.generation) {
            Ordering::Greater => return self.clone(),
            Ordering::Less => return other.clone(),
            Ordering::Equal => {}
        }
        let mut questions = self.questions.clone();
        for (id, theirs) in &other.questions {
            let merged = match questions.get(id) {
                Some(ours) => merge_question(ours, theirs),
                None => theirs.clone(),
            };
            questions.insert(id.clone(), merged);
        }
        let settings_order = self.settings_updated_ms.cmp(&other.settings_updated_ms).then_with(|| {
            let a = serde_json::to_string(&self.settings).unwrap_or_default();
            let b = serde_json::to_string(&other.settings).unwrap_or_default();
            a.cmp(&b)
        });
        let newer_settings = if settings_order == Ordering::Less { other } else { self };
        Progress {
            version: SCHEMA_VERSION,
            generation: self.generation,
            questions,
            settings: newer_settings.settings.clone(),
            settings_updated_ms: newer_settings.settings_updated_ms,
        }
    }
}
