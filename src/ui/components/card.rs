//! A question card: the question, its bookmark, a note (or your own answer),
//! a Reveal button and, once revealed, the model answer. On touch screens a
//! horizontal swipe on the card goes to the next (left) or previous (right)
//! question.

use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::answer::ModelAnswer;
use crate::deck::{self, Question};
use crate::progress::Grade;
use crate::ui::dom;
use crate::ui::state::{Action, AppHandle};

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
    /// Label of the note field ("Your answer" while practising).
    pub note_label: AttrValue,
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
    let on_note = props.on_note.reform(|e: InputEvent| {
        e.target_dyn_into::<HtmlTextAreaElement>()
            .map(|t| t.value())
            .unwrap_or_default()
    });
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
    let answer = if props.revealed {
        html! { <ModelAnswer id={q.id} level={props.level + 1} seconds={props.seconds} on_suggest={props.on_suggest.clone()} /> }
    } else {
        html! {
            <button type="button" id="reveal" class="primary reveal" data-testid="reveal"
                onclick={on_reveal} aria-keyshortcuts="Space Enter">
                { "Reveal the answer" }
            </button>
        }
    };
    html! {
        <article class="card" data-testid="card" data-id={q.id} aria-labelledby="question-text"
            {ontouchstart} {ontouchend}>
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
            <div class="field note-field">
                <label for="note">{ props.note_label.clone() }</label>
                <textarea id="note" data-testid="note" rows="4" value={props.note.clone()} oninput={on_note} />
            </div>
            { answer }
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
