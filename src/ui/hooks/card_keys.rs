//! The review keys every card screen shares (question cards and code
//! cards): what each [`Shortcut`] does on a card, in one place.

use yew::prelude::*;

use super::use_shortcuts::Shortcut;
use crate::progress::Grade;

/// A card screen's state and actions, for its keys.
pub struct CardKeys {
    pub has_card: bool,
    pub revealed: bool,
    /// The current card has a grade already (seen again with Previous).
    pub graded: bool,
    pub reveal: Callback<()>,
    pub grade: Callback<Grade>,
    /// Next (+1) or previous (-1) card.
    pub step: Callback<isize>,
    /// Where the screen has bookmarks.
    pub bookmark: Option<Callback<()>>,
    /// While there is a grade to undo.
    pub undo: Option<Callback<()>>,
}

impl CardKeys {
    /// The handler for [`super::use_shortcuts`]: true when the key was used.
    pub fn handler(self) -> Callback<Shortcut, bool> {
        Callback::from(move |shortcut| {
            let k = &self;
            let fire = |cb: &Option<Callback<()>>| cb.as_ref().inspect(|cb| cb.emit(())).is_some();
            match shortcut {
                Shortcut::Reveal if k.has_card && !k.revealed => k.reveal.emit(()),
                Shortcut::Grade(g) if k.has_card && k.revealed && !k.graded => k.grade.emit(g),
                Shortcut::Next if k.has_card => k.step.emit(1),
                Shortcut::Prev => k.step.emit(-1),
                Shortcut::Bookmark if k.has_card => return fire(&k.bookmark),
                Shortcut::Undo => return fire(&k.undo),
                _ => return false,
            }
            true
        })
    }
}
