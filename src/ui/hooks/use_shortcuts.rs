//! Keyboard shortcuts: one `keydown` listener per component that asks for
//! them, always calling the latest handler. Nothing fires while the learner
//! types in a field, except Escape.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::KeyboardEvent;
use yew::prelude::*;

use crate::progress::Grade;
use crate::ui::shell::use_shell;

/// A command a key stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shortcut {
    /// Space or Enter.
    Reveal,
    /// 1 to 4: Again, Hard, Good, Easy.
    Grade(Grade),
    /// J. (The arrow keys scroll, as in every page.)
    Next,
    /// K.
    Prev,
    /// `/`.
    Search,
    /// B.
    Bookmark,
    /// `?`.
    Help,
    /// U or Ctrl+Z (Cmd+Z): undo the last grade.
    Undo,
    /// Escape.
    Escape,
}

/// What the element receiving the key is.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Target {
    /// A text field, select or editable region: only Escape counts.
    Typing,
    /// A button or link: Space and Enter keep their own meaning.
    Control,
    Other,
}

fn target_kind(event: &KeyboardEvent) -> Target {
    let Some(element) = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return Target::Other;
    };
    match element.tag_name().to_ascii_lowercase().as_str() {
        "input" | "textarea" | "select" => Target::Typing,
        "button" | "a" | "summary" => Target::Control,
        _ if element.has_attribute("contenteditable") => Target::Typing,
        _ => Target::Other,
    }
}

/// The shortcut a key press stands for, if any.
fn shortcut(event: &KeyboardEvent) -> Option<Shortcut> {
    if event.alt_key() {
        return None;
    }
    let modified = event.ctrl_key() || event.meta_key();
    shortcut_for(&event.key(), target_kind(event), modified)
}

/// The shortcut `key` (a `KeyboardEvent.key`) stands for, pressed on
/// `target`, `modified` when Ctrl or Meta is held (only Ctrl+Z counts then).
/// Pure.
pub fn shortcut_for(key: &str, target: Target, modified: bool) -> Option<Shortcut> {
    if modified {
        let undo = matches!(key, "z" | "Z") && target != Target::Typing;
        return undo.then_some(Shortcut::Undo);
    }
    if key == "Escape" {
        return Some(Shortcut::Escape);
    }
    if target == Target::Typing {
        return None;
    }
    let found = match key {
        " " | "Enter" if target == Target::Control => return None,
        " " | "Enter" => Shortcut::Reveal,
        "1" | "2" | "3" | "4" => Shortcut::Grade(Grade::from_key(key.as_bytes()[0] - b'0')?),
        "j" | "J" => Shortcut::Next,
        "k" | "K" => Shortcut::Prev,
        "/" => Shortcut::Search,
        "b" | "B" => Shortcut::Bookmark,
        "?" => Shortcut::Help,
        "u" | "U" => Shortcut::Undo,
        _ => return None,
    };
    Some(found)
}

/// Calls `handler` for each shortcut pressed while the component is mounted.
/// The handler returns whether it used the key (then its default is prevented).
/// In a script-embedded widget only keys pressed while focus is inside the
/// widget count (the listener sits on the widget's root); elsewhere, keys
/// pressed anywhere in the document.
#[hook]
pub fn use_shortcuts(handler: Callback<Shortcut, bool>) {
    let latest = use_mut_ref(|| handler.clone());
    *latest.borrow_mut() = handler;
    let shell = use_shell();
    use_effect_with((), move |_| {
        let options = EventListenerOptions::enable_prevent_default();
        let target: Option<web_sys::EventTarget> = match (&shell.root, shell.keys_on_root) {
            (Some(root), true) => root.get().map(Into::into),
            _ => web_sys::window().and_then(|w| w.document()).map(Into::into),
        };
        let listener = target.map(|target| {
            EventListener::new_with_options(&target, "keydown", options, move |event| {
                let Some(event) = event.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                if event.default_prevented() {
                    return;
                }
                if let Some(shortcut) = shortcut(event) {
                    let handler = latest.borrow().clone();
                    if handler.emit(shortcut) {
                        event.prevent_default();
                    } else if shortcut == Shortcut::Escape && target_kind(event) == Target::Typing {
                        // Escape leaves a text box, so the card's keys work again.
                        if let Some(el) = event.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
                            let _ = el.blur();
                        }
                    }
                }
            })
        });
        move || drop(listener)
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_map_to_shortcuts_and_arrows_are_left_to_scrolling() {
        assert_eq!(
            shortcut_for("3", Target::Other, false),
            Some(Shortcut::Grade(Grade::Good))
        );
        assert_eq!(shortcut_for("5", Target::Other, false), None);
        assert_eq!(shortcut_for("j", Target::Other, false), Some(Shortcut::Next));
        assert_eq!(shortcut_for("K", Target::Other, false), Some(Shortcut::Prev));
        for arrow in ["ArrowDown", "ArrowUp", "ArrowLeft", "ArrowRight"] {
            assert_eq!(shortcut_for(arrow, Target::Other, false), None, "{arrow} scrolls");
        }
    }

    #[test]
    fn typing_and_controls_keep_their_keys() {
        assert_eq!(shortcut_for("j", Target::Typing, false), None);
        assert_eq!(shortcut_for("Escape", Target::Typing, false), Some(Shortcut::Escape));
        assert_eq!(shortcut_for(" ", Target::Control, false), None);
        assert_eq!(shortcut_for(" ", Target::Other, false), Some(Shortcut::Reveal));
        assert_eq!(shortcut_for("b", Target::Other, true), None, "Ctrl+B is the browser's");
        assert_eq!(shortcut_for("z", Target::Other, true), Some(Shortcut::Undo));
        assert_eq!(
            shortcut_for("z", Target::Typing, true),
            None,
            "Ctrl+Z in a text box undoes typing"
        );
        assert_eq!(shortcut_for("u", Target::Other, false), Some(Shortcut::Undo));
    }
}
