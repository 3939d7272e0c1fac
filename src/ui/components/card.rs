//! A question card: the question, its bookmark, your attempt (practice: a
//! fresh box every review, shown beside the model answer after reveal), a
//! separate persistent note, a Reveal button and, once revealed, the model
//! answer. Reveal and the grades sit in an action bar that sticks to the
//! bottom of the screen within thumb reach. On touch screens a horizontal
//! swipe on the question side goes to the next (left) or previous (right)
//! card. The note is saved a second after typing stops and when the box is
//! left, not on every keystroke.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::answer::ModelAnswer;
use gloo::timers::callback::Timeout;

use crate::deck::{self, Question};
use crate::progress::{Grade, limits};
use crate::ui::dom;
use crate::ui::state::{Action, AppHandle, SaveNow};

/// The card's `on_note` for question `id`: stores the text as its note.
pub fn save_note(state: &AppHandle, id: &'static str) -> Callback<String> {
    let state = state.clone();
    Callback::from(move |text: String| {
        state.dispatch(Action::SetNote {
            id,
            text,
            now_ms: dom::now_ms(),
        })
    })
}

/// The card's `on_bookmark` for question `id`: toggles its bookmark.
pub fn toggle_bookmark(state: &AppHandle, id: &'static str) -> Callback<()> {
    let state = state.clone();
    Callback::from(move |()| {
        state.dispatch(Action::ToggleBookmark {
            id,
            now_ms: dom::now_ms(),
        })
    })
}

/// Props of [`QuestionCard`].
#[derive(Properties, PartialEq)]
pub struct QuestionCardProps {
    pub question: &'static Question,
    /// Whether the model answer is shown.
    pub revealed: bool,
    pub on_reveal: Callback<()>,
    pub bookmarked: bool,
    pub on_bookmark: Callback<()>,
    pub note: AttrValue,
    pub on_note: Callback<String>,
    /// Label of the note field when there is no attempt box.
    #[prop_or(AttrValue::Static("Your note"))]
    pub note_label: AttrValue,
    /// The attempt of this review (practice and mock); `None`: no attempt box.
    #[prop_or_default]
    pub attempt: Option<AttrValue>,
    #[prop_or_default]
    pub on_attempt: Callback<String>,
    /// The grade bar (or what replaces it), in the sticky action bar.
    #[prop_or_default]
    pub actions: Html,
    /// Heading level of the question (1 or 2).
    #[prop_or(2)]
    pub level: u8,
    /// Extra controls below the answer (grades, navigation).
    #[prop_or_default]
    pub children: Html,
    /// Called with +1 (swipe left: next) or -1 (swipe right: previous).
    #[prop_or_default]
    pub on_swipe: Option<Callback<isize>>,
    /// Seconds from seeing the question to revealing it, when known.
    #[prop_or_default]
    pub seconds: Option<u32>,
    /// Receives the grade the ticked key points suggest.
    #[prop_or_default]
    pub on_suggest: Option<Callback<Option<Grade>>>,
}

/// How long after the last keystroke a note is saved.
const NOTE_DEBOUNCE_MS: u32 = 1_000;

/// Shortest horizontal swipe, in CSS pixels.
const SWIPE_MIN_PX: f64 = 50.0;

/// The step a swipe from `start` to `end` stands for: more than 50 px and
/// mostly horizontal; left = next (+1), right = previous (-1).
fn swipe_step(start: (f64, f64), end: (f64, f64)) -> Option<isize> {
    let (dx, dy) = (end.0 - start.0, end.1 - start.1);
    if dx.abs() <= SWIPE_MIN_PX || dx.abs() < 1.5 * dy.abs() {
        return None;
    }
    Some(if dx < 0.0 { 1 } else { -1 })
}

/// Where a touch is, if the event has one.
fn touch_point(touches: web_sys::TouchList) -> Option<(f64, f64)> {
    let touch = touches.get(0)?;
    Some((f64::from(touch.client_x()), f64::from(touch.client_y())))
}

/// True when a touch starts where a swipe means something else: typing,
/// or scrolling a wide table or code block sideways.
fn in_own_gesture_area(e: &TouchEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("textarea, input, select, table, pre").ok().flatten())
        .is_some()
}

/// One question with its answer and the learner's note.
#[function_component(QuestionCard)]
pub fn question_card(props: &QuestionCardProps) -> Html {
    let q = props.question;
    let tag = if props.level <= 1 { "h1" } else { "h2" };
    let category = deck::category(q.category).map_or(q.category, |c| c.title);
    let on_bookmark = props.on_bookmark.reform(|_: MouseEvent| ());
    let on_reveal = props.on_reveal.reform(|_: MouseEvent| ());
    // Its answers file starts downloading as the card appears, before reveal.
    use_effect_with(q.category, |category| crate::ui::answers::prefetch([*category]));
    // The note: saved a second after typing stops, when the box is left,
    // when the card goes, and when the page is left (the typed text waits
    // beside its timer for that).
    let pending = use_mut_ref(|| None::<(Timeout, &'static str, Option<String>)>);
    let save_now = use_context::<SaveNow>();
    let text_of = |e: &Event| {
        e.target_dyn_into::<HtmlTextAreaElement>()
            .map(|t| t.value())
            .unwrap_or_default()
    };
    let on_note_input = {
        let (pending, on_note) = (pending.clone(), props.on_note.clone());
        Callback::from(move |e: InputEvent| {
            let text = text_of(&e);
            let (slot, on_note) = (pending.clone(), on_note.clone());
            let timer = Timeout::new(NOTE_DEBOUNCE_MS, move || {
                // Take the text and leave the timer: dropping it from its own
                // callback would free the running closure.
                let text = slot.borrow_mut().as_mut().and_then(|(_, _, text)| text.take());
                if let Some(text) = text {
                    on_note.emit(text);
                }
            });
            *pending.borrow_mut() = Some((timer, q.id, Some(text)));
        })
    };
    let on_note_change = {
        let (pending, on_note) = (pending.clone(), props.on_note.clone());
        Callback::from(move |e: Event| {
            pending.borrow_mut().take();
            on_note.emit(text_of(&e));
        })
    };
    {
        let (pending, on_note) = (pending.clone(), props.on_note.clone());
        use_effect_with(q.id, move |_| {
            let flush = Rc::new(move || {
                let waiting = pending.borrow_mut().take();
                if let Some((timer, _, Some(text))) = waiting {
                    timer.cancel();
                    on_note.emit(text);
                }
            });
            let flush_and_save = {
                let flush = flush.clone();
                Rc::new(move || {
                    flush();
                    if let Some(SaveNow(save)) = &save_now {
                        save();
                    }
                })
            };
            // The provider saves again on the same event; this saves the note
            // first, whichever listener runs first.
            let leave = dom::on_leave(flush_and_save);
            // Leaving the card (next card, another screen) saves it too.
            move || {
                drop(leave);
                flush();
            }
        });
    }
    let on_attempt = props.on_attempt.reform(move |e: InputEvent| text_of(&e));
    let attempt_keys = {
        let on_reveal = props.on_reveal.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) {
                e.prevent_default();
                on_reveal.emit(());
            }
        })
    };
    let start = use_mut_ref(|| None::<(f64, f64)>);
    let ontouchstart = {
        let start = start.clone();
        Callback::from(move |e: TouchEvent| {
            let single = e.touches().length() == 1 && !in_own_gesture_area(&e);
            *start.borrow_mut() = if single { touch_point(e.touches()) } else { None };
        })
    };
    let ontouchend = {
        let on_swipe = props.on_swipe.clone();
        Callback::from(move |e: TouchEvent| {
            let begun = start.borrow_mut().take();
            let step = begun
                .zip(touch_point(e.changed_touches()))
                .and_then(|(a, b)| swipe_step(a, b));
            if let (Some(step), Some(on_swipe)) = (step, &on_swipe) {
                on_swipe.emit(step);
            }
        })
    };
    let head = use_node_ref();
    let to_question = props.revealed.then(|| {
        let head = head.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            if let Some(el) = head.cast::<web_sys::Element>() {
                el.scroll_into_view();
            }
        });
        html! {
            <button type="button" class="to-question" data-testid="to-question" aria-label="Back to the question"
                title="Back to the question" {onclick}>{ "↑" }</button>
        }
    });
    let answer = props.revealed.then(|| {
        html! { <ModelAnswer id={q.id} level={props.level + 1} seconds={props.seconds} on_suggest={props.on_suggest.clone()} /> }
    });
    let reveal = (!props.revealed).then(|| {
        html! {
            <button type="button" id="reveal" class="primary reveal" data-testid="reveal"
                onclick={on_reveal} aria-keyshortcuts="Space Enter Control+Enter">
                { "Reveal the answer" }
            </button>
        }
    });
    // Yew sets a textarea's value again on any render where it differs from
    // the one given, so until the typed text is saved it is the value given:
    // a render for something else (an answers file arriving, a change merged
    // from another tab) must not wipe it. Only this question's text: when a
    // swipe puts the next question in this card, its first render comes
    // before the old question's text is flushed (by the effect below).
    let draft = pending
        .borrow()
        .as_ref()
        .filter(|(_, id, _)| *id == q.id)
        .and_then(|(_, _, text)| text.clone());
    let note_value = draft.map_or_else(|| props.note.clone(), AttrValue::from);
    let note_box = |label: AttrValue| {
        html! {
            <div class="field note-field">
                <label for="note">{ label }</label>
                <textarea id="note" data-testid="note" rows="3" value={note_value.clone()}
                    maxlength={limits::MAX_NOTE_CHARS.to_string()}
                    oninput={on_note_input.clone()} onchange={on_note_change.clone()} />
            </div>
        }
    };
    let attempt = props.attempt.as_ref().map(|text| {
        if props.revealed {
            if text.trim().is_empty() {
                html! {}
            } else {
                html! {
                    <section class="attempt-shown" data-testid="attempt-shown" aria-label="Your answer">
                        <h3>{ "Your answer" }</h3>
                        <p>{ text.to_string() }</p>
                    </section>
                }
            }
        } else {
            html! {
                <div class="field attempt-field">
                    <label for="attempt">{ "Your answer (optional; Ctrl+Enter reveals)" }</label>
                    <textarea id="attempt" data-testid="attempt" rows="4" value={text.clone()}
                        oninput={on_attempt.clone()} onkeydown={attempt_keys.clone()} />
                </div>
            }
        }
    });
    let has_note = !props.note.is_empty();
    let note = match &props.attempt {
        // Practice: the note is apart, folded away unless it holds something.
        Some(_) => html! {
            <details class="note" open={has_note}>
                <summary>{ if has_note { "Your note" } else { "Add a note" } }</summary>
                { note_box(AttrValue::Static("Your note (kept for this question)")) }
            </details>
        },
        None => note_box(props.note_label.clone()),
    };
    html! {
        <article class="card" data-testid="card" data-id={q.id} aria-labelledby="question-text"
            {ontouchstart} {ontouchend}>
            <div class="card-head" ref={head}>
                <p class="card-meta">
                    <span>{ category }</span>
                    <span class={classes!("badge", q.difficulty.as_str())}>{ q.difficulty.as_str() }</span>
                </p>
                <@{tag} id="question-text" class="question-text" data-testid="question-text">
                    { Html::from_html_unchecked(AttrValue::Static(q.text_html)) }
                </@>
                <button type="button" class="bookmark" data-testid="bookmark" aria-pressed={props.bookmarked.to_string()}
                    onclick={on_bookmark} aria-keyshortcuts="B">
                    { if props.bookmarked { "★ Bookmarked" } else { "☆ Bookmark" } }
                </button>
            </div>
            { for attempt }
            { answer }
            { note }
            <div class="action-bar" data-testid="action-bar">
                { for to_question }
                { for reveal }
                { props.actions.clone() }
            </div>
            { props.children.clone() }
        </article>
    }
}

#[cfg(test)]
mod tests {
    use super::swipe_step;

    #[test]
    fn only_long_mostly_horizontal_swipes_count() {
        assert_eq!(swipe_step((200.0, 100.0), (120.0, 110.0)), Some(1), "left: next");
        assert_eq!(swipe_step((100.0, 100.0), (170.0, 90.0)), Some(-1), "right: previous");
        assert_eq!(swipe_step((100.0, 100.0), (140.0, 100.0)), None, "too short");
        assert_eq!(swipe_step((100.0, 100.0), (180.0, 160.0)), None, "too diagonal");
        assert_eq!(swipe_step((100.0, 100.0), (100.0, 300.0)), None, "vertical: a scroll");
    }
}
