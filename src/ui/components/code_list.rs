//! Browse the code cards: every predict-the-output card by category, with
//! its question and status; one opens as a single-card session. Also the
//! "Questions | Code cards" tabs that Browse and Practise show.

use yew::prelude::*;

use super::use_app;
use crate::deck;
use crate::progress::Status;
use crate::session::{Scope, output_counts};
use crate::ui::dom;
use crate::ui::route::Route;
use crate::ui::shell::use_shell;

/// The tabs between questions and code cards: of Practise when `practise`,
/// else of Browse; `code` marks the code-card tab as current.
pub fn code_tabs(practise: bool, code: bool) -> Html {
    let (questions, cards) = if practise {
        (Route::Practice(Vec::new()), Route::PracticeCode(Vec::new()))
    } else {
        (Route::Browse, Route::BrowseCode)
    };
    let current = |on: bool| on.then_some("page");
    html! {
        <nav class="tabs" aria-label={if practise { "What to practise" } else { "What to browse" }}>
            <a href={questions.href()} data-testid="tab-questions" aria-current={current(!code)}>{ "Questions" }</a>
            <a href={cards.href()} data-testid="tab-code" aria-current={current(code)}>{ "Code cards" }</a>
        </nav>
    }
}

/// The code-card list.
#[function_component(CodeList)]
pub fn code_list() -> Html {
    let state = use_app();
    let shell = use_shell();
    let now = dom::now_ms();
    let (due, new, all) = output_counts(deck::output_cards(), &state.progress, &Scope::default(), now);
    let practise = Route::PracticeCode(Vec::new());
    html! {
        <>
            if !shell.compact { <h1>{ "Code cards" }</h1> }
            { code_tabs(false, true) }
            <p data-testid="code-count">
                { format!("{all} code cards: read a verified sample, predict what it prints, compare line by line. \
                           {due} due, {new} new. ") }
                <a href={practise.href()} onclick={shell.link(practise.clone())} data-testid="practise-code">{ "Practise them" }</a>
            </p>
            { for deck::categories().iter().map(|c| {
                let cards: Vec<&deck::OutputCard> = deck::output_cards().iter().filter(|k| k.category() == c.id).collect();
                html! {
                    <section class="code-list" data-testid="code-list-category" data-category={c.id}>
                        <h2>{ format!("{} ({})", c.title, cards.len()) }</h2>
                        <ul class="results">
                            { for cards.into_iter().map(|card| {
                                let status = state.progress.status(card.id, now);
                                let (at, of) = card.position();
                                let target = Route::CodeCard(card.id.to_string());
                                let text = card.question().map_or("", |q| q.text_html);
                                html! {
                                    <li class="result">
                                        <a href={target.href()} onclick={shell.link(target.clone())} data-testid="code-link" data-id={card.id}>
                                            { Html::from_html_unchecked(AttrValue::Static(text)) }
                                            if of > 1 { { format!(" (sample {at} of {of})") } }
                                        </a>
                                        <span class="meta">
                                            <span class="badge">{ "code" }</span>
                                            if status != Status::New {
                                                <span class="badge status" data-testid="code-status">{ status.as_str() }</span>
                                            }
                                        </span>
                                    </li>
                                }
                            }) }
                        </ul>
                    </section>
                }
            }) }
        </>
    }
}
