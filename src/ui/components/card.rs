//! A question card: the question, its bookmark, a note (or your own answer),
//! a Reveal button and, once revealed, the model answer.

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::answer::ModelAnswer;
use crate::deck::{self, Question};

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
    let answer = match &q.answer {
        None => html! { <p class="coming-soon">{ "Answer coming soon." }</p> },
        Some(_) if !props.revealed => html! {
            <button type="button" id="reveal" class="primary reveal" data-testid="reveal"
                onclick={on_reveal} aria-keyshortcuts="Space Enter">
                { "Reveal the answer" }
            </button>
        },
        Some(answer) => html! { <ModelAnswer {answer} level={props.level + 1} /> },
    };
    html! {
        <article class="card" data-testid="card" data-id={q.id} aria-labelledby="question-text">
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
