//! The app state shared by every screen, the actions that change it, and the
//! pure reducer. Storage is read before the first state and written by an
//! effect of the provider, never here. The progress sits behind an `Rc`:
//! an action changes it once, and screens share it without copies.

use std::rc::Rc;

use yew::prelude::*;

use crate::progress::{Grade, LoadProblem, Loaded, Progress, QuestionProgress, Settings};

/// A stored value that could not be read, kept aside for the learner.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    /// The value exactly as it was stored.
    pub raw: String,
    /// Why it could not be read.
    pub error: String,
    /// Where the raw value was copied, if that worked.
    pub backup_key: Option<String>,
}

/// Everything the screens share.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// The storage namespace (`pyprep:<namespace>:v1`).
    pub namespace: AttrValue,
    pub progress: Rc<Progress>,
    /// Bumped on every change to `progress`; the provider saves when it moves.
    pub progress_rev: u64,
    /// Why progress is kept in memory only, if it is.
    pub memory_only: Option<String>,
    /// A stored value that could not be read, if any.
    pub unreadable: Option<Unreadable>,
}

impl AppState {
    /// The first state, from what the store loaded.
    pub fn from_loaded(namespace: AttrValue, loaded: Loaded) -> AppState {
        let mut state = AppState {
            namespace,
            progress: Rc::new(loaded.progress),
            progress_rev: 0,
            memory_only: None,
            unreadable: None,
        };
        match loaded.problem {
            Some(LoadProblem::Unavailable(why)) => state.memory_only = Some(why.to_string()),
            Some(LoadProblem::Unreadable { raw, error, backup_key }) => {
                if backup_key.is_none() {
                    state.memory_only =
                        Some("the unreadable saved value could not be backed up, so it is left untouched".into());
                }
                state.unreadable = Some(Unreadable { raw, error, backup_key });
            }
            Some(LoadProblem::Salvaged {
                raw,
                dropped,
                backup_key,
            }) => {
                if backup_key.is_none() {
                    state.memory_only = Some("the saved value could not be backed up, so it is left untouched".into());
                }
                let mut ids: Vec<&str> = dropped.iter().map(|(id, _)| id.as_str()).collect();
                ids.dedup();
                let more = ids.len().saturating_sub(10);
                let mut list = ids[..ids.len().min(10)].join(", ");
                if more > 0 {
                    list.push_str(&format!(" and {more} more"));
                }
                let error = format!(
                    "Part of the saved progress could not be read and was repaired or set aside ({list}); \
                     everything else was kept."
                );
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

    /// The state with `progress` changed by `change`.
    fn changed(&self, change: impl FnOnce(&mut Progress)) -> AppState {
        let mut progress = (*self.progress).clone();
        change(&mut progress);
        AppState {
            progress: Rc::new(progress),
            progress_rev: self.progress_rev + 1,
            ..self.clone()
        }
    }

    /// The state after a merge; unchanged (no save) when it added nothing.
    fn merged(self: Rc<Self>, merged: Progress) -> Rc<Self> {
        if merged == *self.progress {
            return self;
        }
        Rc::new(self.changed(|p| *p = merged))
    }
}

/// What the learner (or another tab, or the store) did.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    Grade {
        id: &'static str,
        grade: Grade,
        now_ms: i64,
    },
    ToggleBookmark {
        id: &'static str,
        now_ms: i64,
    },
    SetNote {
        id: &'static str,
        text: String,
        now_ms: i64,
    },
    SetSettings {
        settings: Settings,
        now_ms: i64,
    },
    /// Takes back the last grade of `id`: `before` is its entry before it.
    UndoGrade {
        id: &'static str,
        before: Option<QuestionProgress>,
        now_ms: i64,
    },
    /// Another tab or widget saved: merge its progress in.
    MergeFromOtherTab(Progress),
    /// Import, "merge": the file adds to the progress, whatever its generation.
    ImportMerge(Progress),
    /// Import, "replace": the file in a new generation, which wins every
    /// merge with the old progress (here, in storage and in other tabs).
    ImportReplace(Progress),
    /// Forget all progress (settings are kept) in a new generation.
    Reset,
    /// A save failed: keep going in memory.
    StorageFailed(String),
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = match action {
            Action::Grade { id, grade, now_ms } => self.changed(|p| p.grade(id, grade, now_ms)),
            Action::ToggleBookmark { id, now_ms } => self.changed(|p| p.toggle_bookmark(id, now_ms)),
            Action::SetNote { id, text, now_ms } => {
                if self.progress.get(id).map_or(text.is_empty(), |q| q.note == text) {
                    return self;
                }
                self.changed(|p| p.set_note(id, &text, now_ms))
            }
            Action::SetSettings { settings, now_ms } => self.changed(|p| p.set_settings(settings, now_ms)),
            Action::UndoGrade { id, before, now_ms } => self.changed(|p| p.undo_grade(id, before.as_ref(), now_ms)),
            Action::MergeFromOtherTab(other) => {
                let merged = self.progress.merge(&other);
                return self.merged(merged);
            }
            Action::ImportMerge(imported) => {
                let merged = self.progress.merge_import(&imported);
                return self.merged(merged);
            }
            Action::ImportReplace(imported) => self.changed(|p| *p = p.replaced_by(imported)),
            Action::Reset => self.changed(|p| *p = p.reset()),
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

/// Says something through the polite live region of the host.
pub type Announcer = Callback<String>;

/// Saves the progress now if it has changed since the last save. A
/// component that holds a change back (the note's debounce) puts it in and
/// then calls this when the page is left.
#[derive(Clone)]
pub struct SaveNow(pub Rc<dyn Fn()>);

impl PartialEq for SaveNow {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The next text of the live region: the same words twice would not be
/// announced again, so a repeat gets a no-break space.
pub fn live_text(previous: &str, text: String) -> String {
    if text == previous {
        format!("{text}\u{a0}")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> Rc<AppState> {
        Rc::new(AppState::from_loaded(
            AttrValue::Static("python"),
            Loaded {
                progress: Progress::default(),
                problem: None,
                migrated_from: None,
            },
        ))
    }

    #[test]
    fn grading_bumps_the_revision_and_reset_starts_a_new_generation() {
        let s = state().reduce(Action::Grade {
            id: "list-vs-tuple",
            grade: Grade::Good,
            now_ms: 1_700_000_000_000,
        });
        assert_eq!(s.progress_rev, 1);
        assert!(s.progress.get("list-vs-tuple").is_some());
        let old = (*s.progress).clone();
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

    #[test]
    fn an_unchanged_note_is_not_saved_again() {
        let s = state();
        let same = s.clone().reduce(Action::SetNote {
            id: "gil",
            text: String::new(),
            now_ms: 1,
        });
        assert!(Rc::ptr_eq(&s, &same));
        let s = same.reduce(Action::SetNote {
            id: "gil",
            text: "lock".into(),
            now_ms: 2,
        });
        assert_eq!(s.progress_rev, 1);
    }

    #[test]
    fn a_salvaged_value_is_told_with_what_was_set_aside() {
        let dropped = (0..12).map(|i| (format!("q{i}"), "bad".to_string())).collect();
        let s = AppState::from_loaded(
            AttrValue::Static("python"),
            Loaded {
                progress: Progress::default(),
                problem: Some(LoadProblem::Salvaged {
                    raw: "{}".into(),
                    dropped,
                    backup_key: Some("pyprep:python:backup:1".into()),
                }),
                migrated_from: None,
            },
        );
        let told = s.unreadable.expect("told").error;
        assert!(told.contains("q0, q1") && told.contains("and 2 more"), "{told}");
        assert!(s.memory_only.is_none());
    }

    #[test]
    fn a_repeated_announcement_differs_from_the_last() {
        assert_eq!(live_text("Graded Good", "Graded Good".into()), "Graded Good\u{a0}");
        assert_eq!(live_text("x", "Graded Good".into()), "Graded Good");
    }

    #[test]
    fn a_failed_save_is_told_once_and_a_missing_backup_means_memory_only() {
        let s = state().reduce(Action::StorageFailed("full".into()));
        let same = s.clone().reduce(Action::StorageFailed("full".into()));
        assert!(Rc::ptr_eq(&s, &same));
        let s = AppState::from_loaded(
            AttrValue::Static("python"),
            Loaded {
                progress: Progress::default(),
                problem: Some(LoadProblem::Unreadable {
                    raw: "{".into(),
                    error: "bad".into(),
                    backup_key: None,
                }),
                migrated_from: Some(0),
            },
        );
        assert!(s.memory_only.is_some());
        assert_eq!(s.progress_rev, 1);
    }
}
