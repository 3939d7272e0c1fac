//! The keyboard shortcuts dialog (`?` opens it, Escape closes it); on a
//! touch screen it lists the swipe gestures first.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ui::dom;

/// Props of [`ShortcutsDialog`].
#[derive(Properties, PartialEq)]
pub struct ShortcutsDialogProps {
    /// Called when the dialog closes (Escape, the button or the backdrop).
    pub on_close: Callback<()>,
}

const SHORTCUTS: [(&str, &str); 7] = [
    ("Space or Enter", "Reveal the answer"),
    ("1 2 3 4", "Grade Again, Hard, Good, Easy"),
    ("J or ↓ or →", "Next question"),
    ("K or ↑ or ←", "Previous question"),
    ("/", "Search questions"),
    ("B", "Bookmark the question"),
    ("?", "Show these shortcuts; Escape closes"),
];

/// The gestures of a touch screen (see card.rs: swipes on the question side).
const GESTURES: [(&str, &str); 2] = [
    ("Swipe left", "Next question (on the question, before you reveal)"),
    ("Swipe right", "Previous question"),
];

/// One row of the list: what to press or do, and what it does.
fn row(keys: &str, what: &str) -> Html {
    html! { <div class="shortcut"><dt><kbd>{ keys }</kbd></dt><dd>{ what }</dd></div> }
}

/// A modal dialog listing the shortcuts, opened as soon as it is rendered.
#[function_component(ShortcutsDialog)]
pub fn shortcuts_dialog(props: &ShortcutsDialogProps) -> Html {
    let dialog = use_node_ref();
    {
        let dialog = dialog.clone();
        use_effect_with((), move |_| {
            if let Some(d) = dialog.cast::<web_sys::HtmlDialogElement>() {
                let _ = d.show_modal();
            }
        });
    }
    // Escape or the close button closes the native dialog: tell the app.
    let onclose = props.on_close.reform(|_: Event| ());
    let close = {
        let dialog = dialog.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(d) = dialog.cast::<web_sys::HtmlDialogElement>() {
                d.close();
            }
        })
    };
    // A click on the backdrop (the dialog element itself) closes it too.
    let onclick = {
        let close = close.clone();
        Callback::from(move |e: MouseEvent| {
            let on_backdrop = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlDialogElement>().ok())
                .is_some();
            if on_backdrop {
                close.emit(e);
            }
        })
    };
    let touch = *use_memo((), |_| dom::is_touch_screen());
    html! {
        <dialog ref={dialog} class="shortcuts" data-testid="shortcuts-dialog" aria-labelledby="shortcuts-title"
            {onclose} {onclick}>
            <div class="dialog-body">
                <h2 id="shortcuts-title">{ if touch { "Gestures and shortcuts" } else { "Keyboard shortcuts" } }</h2>
                if touch {
                    <h3>{ "Touch" }</h3>
                    <dl data-testid="gestures">
                        { for GESTURES.iter().map(|(keys, what)| row(keys, what)) }
                    </dl>
                    <h3>{ "With a keyboard" }</h3>
                }
                <dl>
                    { for SHORTCUTS.iter().map(|(keys, what)| row(keys, what)) }
                </dl>
                <p>{ "Shortcuts do nothing while you type in a field." }</p>
                <button type="button" class="primary" onclick={close} autofocus=true>{ "Close" }</button>
            </div>
        </dialog>
    }
}
