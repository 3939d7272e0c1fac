//! The last grade of a practice screen, question cards and code cards
//! alike: the line that says when the card comes back, its Undo button, and
//! what undo restores.

use yew::prelude::*;

use crate::progress::{Grade, QuestionProgress};
use crate::session::PracticeRun;
use crate::ui::dom;
use crate::ui::state::{Action, Announcer, AppHandle};

/// The last grade: what to say about it, and what undo restores.
#[derive(Clone, PartialEq)]
pub struct LastGrade {
    pub id: &'static str,
    pub grade: Grade,
    /// "Graded Good: next review in 3 days."
    pub said: String,
    /// The entry before the grade.
    pub before: Option<QuestionProgress>,
}

/// Takes the last grade back: the run steps back to the card and the
/// progress entry is restored as it was. Does nothing if the run's last
/// grade is not `last`'s (another card was graded since).
pub fn undo(
    run: UseStateHandle<PracticeRun>,
    state: AppHandle,
    last: UseStateHandle<Option<LastGrade>>,
    announce: Announcer,
) -> Callback<()> {
    Callback::from(move |()| {
        let Some(done) = (*last).clone() else { return };
        let mut next = (*run).clone();
        let now = dom::now_ms();
        if next.undo(now) != Some(done.id) {
            return;
        }
        state.dispatch(Action::UndoGrade {
            id: done.id,
            before: done.before,
            now_ms: now,
        });
        announce.emit(format!("Undid {} on this card", done.grade.label()));
        last.set(None);
        run.set(next);
    })
}

/// "Graded Good: next review in 3 days. Undo"
pub fn after_grade(done: &LastGrade, undo: &Callback<()>) -> Html {
    let onclick = undo.reform(|_: MouseEvent| ());
    html! {
        <p class="after-grade" data-testid="after-grade">
            <span>{ done.said.clone() }</span>
            <button type="button" class="link" data-testid="undo" {onclick} aria-keyshortcuts="U Control+Z">{ "Undo" }</button>
        </p>
    }
}
