//! Every change the learner makes to progress, with the limits enforced where
//! the data enters: times clamped to the plausible range, notes clipped,
//! revisions and generations saturating, so no change can make a value that
//! the next load would refuse.

use std::collections::BTreeMap;

use super::SCHEMA_VERSION;
use super::limits::{
    MAX_DAILY_NEW, MAX_GENERATION, MAX_QUESTIONS, MAX_REVISION, MAX_STORED_BYTES, clamp_time, clip_note,
};
use std::rc::Rc;

use super::model::{Progress, QuestionProgress, Settings};
use super::validate::{ImportError, is_slug, validate};

/// The next revision: one more, saturating at [`MAX_REVISION`].
pub(super) fn bump(rev: u64) -> u64 {
    rev.saturating_add(1).min(MAX_REVISION)
}

/// The next generation: one more, saturating at [`MAX_GENERATION`].
fn next_generation(generation: u64) -> u64 {
    generation.saturating_add(1).min(MAX_GENERATION)
}

impl Progress {
    /// The entry of a question for a change at `now_ms`: created empty if
    /// missing, its revision bumped and its update time stamped (clamped,
    /// see [`clamp_time`]). `None`, and nothing changes, when `id` is not a
    /// question id or a new entry would go over [`MAX_QUESTIONS`].
    pub(super) fn edit(&mut self, id: &str, now_ms: i64) -> Option<&mut QuestionProgress> {
        if !is_slug(id) || (!self.questions.contains_key(id) && self.questions.len() >= MAX_QUESTIONS) {
            return None;
        }
        let entry = Rc::make_mut(self.questions.entry(id.to_string()).or_default());
        entry.rev = bump(entry.rev);
        entry.updated_ms = clamp_time(now_ms);
        Some(entry)
    }

    /// Flips the bookmark of a question.
    pub fn toggle_bookmark(&mut self, id: &str, now_ms: i64) {
        if let Some(entry) = self.edit(id, now_ms) {
            entry.bookmarked = !entry.bookmarked;
        }
    }

    /// Replaces the learner's note on a question. A text longer than
    /// [`super::limits::MAX_NOTE_CHARS`] characters is cut to that length
    /// (the note field stops typing there; this is the backstop), so a note
    /// can never make the stored value unreadable.
    pub fn set_note(&mut self, id: &str, text: &str, now_ms: i64) {
        if let Some(entry) = self.edit(id, now_ms) {
            entry.note = clip_note(text).to_string();
        }
    }

    /// Replaces the settings (a daily new-card limit above
    /// [`MAX_DAILY_NEW`] is taken as that limit).
    pub fn set_settings(&mut self, settings: Settings, now_ms: i64) {
        self.settings = Settings {
            daily_new_limit: settings.daily_new_limit.min(MAX_DAILY_NEW),
            ..settings
        };
        self.settings_updated_ms = clamp_time(now_ms);
        self.settings_rev = bump(self.settings_rev);
    }

    /// All progress erased, as after "Reset": no questions, the learner's
    /// settings kept (resetting progress does not flip the theme), and the
    /// next generation, so that merges with the old value drop the old one.
    /// The generation saturates at [`MAX_GENERATION`] (never reached by use).
    pub fn reset(&self) -> Progress {
        Progress {
            version: SCHEMA_VERSION,
            generation: next_generation(self.generation),
            questions: BTreeMap::new(),
            settings: self.settings.clone(),
            settings_updated_ms: self.settings_updated_ms,
            settings_rev: self.settings_rev,
        }
    }

    /// `imported` in place of this progress (import "replace"), in a
    /// generation above this one and above the file's when the file's is at
    /// most one above ours (a tab that reset meanwhile, whose export this
    /// is): merges with either old value keep the result. A file's higher
    /// generation comes from another browser's history and never meets this
    /// one in a merge, so it counts as one above ours: a file cannot push
    /// the generation to its limit. Saturates at [`MAX_GENERATION`].
    pub fn replaced_by(&self, imported: Progress) -> Progress {
        let theirs = imported.generation.min(self.generation.saturating_add(1));
        Progress {
            generation: next_generation(self.generation.max(theirs)),
            ..imported
        }
    }

    /// This progress merged with an imported file (import "merge"). The file's
    /// generation is ignored: a file from a later generation must not wipe the
    /// learner's data, it only adds to it per question.
    pub fn merge_import(&self, imported: &Progress) -> Progress {
        let imported = Progress {
            generation: self.generation,
            ..imported.clone()
        };
        self.merge(&imported)
    }

    /// [`Progress::merge_import`], refused when the result would break a
    /// limit (questions, reviews in all, any value, the stored size): the
    /// error says which, and the learner's progress stays as it was. (The
    /// plain merge would drop the oldest reviews past the limit instead.)
    pub fn merge_import_checked(&self, imported: &Progress) -> Result<Progress, ImportError> {
        let imported = Progress {
            generation: self.generation,
            ..imported.clone()
        };
        let merged = self.merge_unbounded(&imported);
        let after = |e| ImportError::AfterMerge(Box::new(e));
        validate(&merged).map_err(after)?;
        let bytes = merged.to_json().len();
        if bytes > MAX_STORED_BYTES {
            return Err(after(ImportError::TooLarge {
                bytes,
                limit: MAX_STORED_BYTES,
            }));
        }
        Ok(merged)
    }
}
