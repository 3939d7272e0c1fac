//! Undo of the last grade: the card's scheduling goes back exactly to what
//! it was, and the review leaves the log (remembered as undone, so that a
//! merge with another copy that still holds it does not bring it back).

use super::model::{Progress, QuestionProgress};

impl Progress {
    /// Undoes the last review of question `id`, given its entry as it was
    /// before that grade (`None`: the question had no entry). The card and
    /// the review log are restored; the bookmark and note keep their current
    /// values. It is an edit like any other (revision bumped, time stamped),
    /// so the undo wins a merge over a copy that still has the grade.
    pub fn undo_grade(&mut self, id: &str, before: Option<&QuestionProgress>, now_ms: i64) {
        if !self.questions.contains_key(id) {
            return;
        }
        let Some(entry) = self.edit(id, now_ms) else { return };
        let before_reviews = before.map_or(&[][..], |b| b.reviews.as_slice());
        let removed: Vec<_> = entry
            .reviews
            .iter()
            .filter(|r| !before_reviews.contains(r))
            .copied()
            .collect();
        entry.card = before.and_then(|b| b.card.clone());
        entry.reviews = before_reviews.to_vec();
        entry.undone.extend(removed);
        crate::sort::sort(&mut entry.undone);
        entry.undone.dedup();
    }
}
