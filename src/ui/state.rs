//! The app state shared by every screen, the actions that change it, and the
//! pure reducer. Storage is read before the first state and written by an
//! effect in the app, never here.

use std::rc::Rc;

use yew::prelude::*;

use crate::progress::{Grade, Progress, Settings};
use crate::store::{LoadProblem, Loaded};

/// A stored value that could not be read, kept aside for the learner.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    pub raw: String,
    pub error: String,
    /// Where the raw value was copied, if that worked.
    pub backup_key: Option<String>,
}

/// Everything the screens share.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub progress: Progress,
    /// Bumped on every change to `progress`; the app saves when it moves.
    pub progress_rev: u64,
    /// Why progress is kept in memory only, if it is.
    pub memory_only: Option<String>,
    /// A stored value that could not be read, if any.
    pub unreadable: Option<Unreadable>,
    /// The text of the polite live region.
    pub live: String,
}

impl AppState {
    /// The first state, from what the store loaded.
    pub fn from_loaded(loaded: Loaded) -> AppState {
        let mut state = AppState {
            progress: loaded.progress,
            progress_rev: 0,
            memory_only: None,
            unreadable: None,
            live: String::new(),
        };
        match loaded.problem {
            Some(LoadProblem::Unavailable(why)) => state.memory_only = Some(why),
            Some(LoadProblem::Unreadable { raw, error, backup_key }) => {
                if backup_key.is_none() {
                    state.memory_only =
                        Some("the unreadable saved value could not be backed up, so it is left untouched".into());
                }
                state.unreadable = Some(Unreadable { raw, error, backup_key });
            }
            None => {}
        }
        // A migrated value is written back in the new shape.
        if loaded.migrated_from.is_some() {
            state.progress_rev = 1;
        }
        state
    }

    fn with_progress(&self, progress: Progress) -> AppState {
        AppState {
            progress,
            progress_rev: self.progress_rev + 1,
            ..self.clone()
        }
    }

    /// The state after a merge; unchanged (no save) when it added nothing.
    fn merged(self: Rc<Self>, merged: Progress) -> Rc<Self> {
        if merged == self.progress {
            return self;
        }
        Rc::new(self.with_progress(merged))
    }
}

/// What the learner (or another tab, or the store) did.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Grade {
        id: String,
        grade: Grade,
        now_ms: i64,
    },
    ToggleBookmark {
        id: String,
        now_ms: i64,
    },
    SetNote {
        id: String,
        text: String,
        now_ms: i64,
    },
    SetSettings {
        settings: Settings,
        now_ms: i64,
    },
    /// Another tab saved: merge its progress in.
    MergeFromOtherTab(Progress),
    /// Import, "merge": the file adds to the progress, whatever its generation.
    ImportMerge(Progress),
    /// Import, "replace": the file in a new generation, which wins every
    /// merge with the old progress (here, in storage and in other tabs).
    ImportReplace(Progress),
    /// Forget all progress (settings are kept) in a new generation.
    Reset,
    /// Say something through the live region.
    Announce(String),
    /// A save failed: keep going in memory.
    StorageFailed(String),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut progress = self.progress.clone();
        let next = match action {
            Action::Grade { id, grade, now_ms } => {
                progress.grade(&id, grade, now_ms);
                self.with_progress(progress)
            }
            Action::ToggleBookmark { id, now_ms } => {
                progress.toggle_bookmark(&id, now_ms);
                self.with_progress(progress)
            }
            Action::SetNote { id, text, now_ms } => {
                progress.set_note(&id, &text, now_ms);
                self.with_progress(progress)
            }
            Action::SetSettings { settings, now_ms } => {
                progress.set_settings(settings, now_ms);
                self.with_progress(progress)
            }
            Action::MergeFromOtherTab(other) => {
                let merged = self.progress.merge(&other);
                return self.merged(merged);
            }
            Action::ImportMerge(imported) => {
                let merged = self.progress.merge_import(&imported);
                return self.merged(merged);
            }
            Action::ImportReplace(imported) => self.with_progress(self.progress.replaced_by(imported)),
            Action::Reset => self.with_progress(self.progress.reset()),
            Action::Announce(text) => {
                // Repeating the same words would not be announced again.
                let live = if text == self.live {
                    format!("{text}\u{a0}")
                } else {
                    text
                };
                AppState {
                    live,
                    ..(*self).clone()
                }
            }
            Action::StorageFailed(why) => {
                if self.memory_only.as_deref() == Some(why.as_str()) {
                    return self;
                }
                AppState {
                    memory_only: Some(why),
                    ..(*self).clone()
                }
            }
        };
        Rc::new(next)
    }
}

/// The handle screens get from the context.
pub type AppHandle = UseReducerHandle<AppState>;

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> Rc<AppState> {
        Rc::new(AppState::from_loaded(Loaded {
            progress: Progress::default(),
            problem: None,
            migrated_from: None,
        }))
    }

    #[test]
    fn grading_bumps_the_revision_and_reset_starts_a_new_generation() {
        let s = state().reduce(Action::Grade {
            id: "list-vs-tuple".into(),
            grade: Grade::Good,
            now_ms: 1_700_000_000_000,
        });
        assert_eq!(s.progress_rev, 1);
        assert!(s.progress.get("list-vs-tuple").is_some());
        let old = s.progress.clone();
        let s = s.reduce(Action::Reset);
        assert_eq!(s.progress_rev, 2);
        assert!(s.progress.get("list-vs-tuple").is_none());
        assert_eq!(s.progress.generation, 1);
        // Another tab still holding the old progress does not bring it back.
        let s = s.reduce(Action::MergeFromOtherTab(old));
        assert!(s.progress.get("list-vs-tuple").is_none());
    }

    #[test]
    fn merging_nothing_new_changes_nothing() {
        let s = state();
        let same = s.clone().reduce(Action::MergeFromOtherTab(Progress::default()));
        assert!(Rc::ptr_eq(&s, &same));
    }
}
