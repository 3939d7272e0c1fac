//! One question, linkable as `#/q/<id>`: the question, its model answer,
//! bookmark and note, and the previous/next question of the browse list.

use yew::prelude::*;

use super::card::{QuestionCard, save_note, toggle_bookmark};
use super::card_status::CardStatus;
use super::practice::Practice;
use super::use_app;
use crate::deck;
use crate::session::{self, Filter, PracticeScope};
use crate::ui::dom;
use crate::ui::hooks::{Shortcut, use_shortcuts};
use crate::ui::route::Route;
use crate::ui::shell::use_shell;

/// Props of [`QuestionScreen`].
#[derive(Properties, PartialEq)]
pub struct QuestionScreenProps {
    pub id: String,
    /// The browse filter: J/K walk through its results.
    pub filter: Filter,
}

/// The question screen.
#[function_component(QuestionScreen)]
pub fn question_screen(props: &QuestionScreenProps) -> Html {
    let state = use_app();
    let _answers = crate::ui::answers::use_answers();
    let shell = use_shell();
    // "Practise this now": a one-card session in place of the page.
    let practising = use_state(|| None::<String>);
    let question = deck::question(&props.id);
    let results = crate::ui::answers::search_index().browse(&state.progress, &props.filter, dom::now_ms());
    let order: Vec<&'static str> = results.iter().map(|q| q.id).collect();
    let everything: Vec<&'static str> = deck::questions().iter().map(|q| q.id).collect();
    let (prev, next) = session::neighbours(&order, &everything, &props.id);
    let id: &'static str = question.map_or("", |q| q.id);
    let on_bookmark = toggle_bookmark(&state, id);
    let swipe = {
        let shell = shell.clone();
        Callback::from(move |step: isize| {
            if let Some(target) = if step > 0 { next } else { prev } {
                shell.go(Route::Question(target.to_string()));
            }
        })
    };
    {
        let (on_bookmark, shell) = (on_bookmark.clone(), shell.clone());
        let busy = practising.is_some();
        use_shortcuts(Callback::from(move |shortcut| {
            if busy {
                return false; // the one-card session has its own keys
            }
            let go = |target: Option<&str>| {
                if let Some(target) = target {
                    shell.go(Route::Question(target.to_string()));
                }
                true
            };
            match shortcut {
                Shortcut::Next => go(next),
                Shortcut::Prev => go(prev),
                Shortcut::Bookmark => {
                    on_bookmark.emit(());
                    true
                }
                _ => false,
            }
        }));
    }
    let Some(question) = question else {
        return html! {
            <>
                <h1>{ "Question not found" }</h1>
                <p>{ "There is no question with this address. " }
                    <a href={Route::Browse.href()} onclick={shell.link(Route::Browse)}>{ "Browse all questions" }</a></p>
            </>
        };
    };
    if practising.as_deref() == Some(id) {
        return html! {
            <>
                <p class="back"><a href={Route::Question(id.to_string()).href()}
                    onclick={let p = practising.clone(); Callback::from(move |e: MouseEvent| { e.prevent_default(); p.set(None) })}>
                    { "← Back to the question" }</a></p>
                <Practice scope={PracticeScope::Single(id)} />
            </>
        };
    }
    let on_practise = {
        let practising = practising.clone();
        Callback::from(move |()| practising.set(Some(id.to_string())))
    };
    let entry = state.progress.get(&props.id);
    let on_note = save_note(&state, id);
    let link = |target: Option<&str>, testid: &'static str, label: &'static str| match target {
        Some(target) => {
            let route = Route::Question(target.to_string());
            html! {
                <a class="button" href={route.href()} onclick={shell.link(route.clone())} data-testid={testid}>{ label }</a>
            }
        }
        None => html! { <span class="button disabled" aria-disabled="true" data-testid={testid}>{ label }</span> },
    };
    html! {
        <>
            <p class="back"><a href={Route::Browse.href()} onclick={shell.link(Route::Browse)}>{ "← All questions" }</a></p>
            <QuestionCard {question} revealed={true} on_reveal={Callback::noop()}
                bookmarked={entry.is_some_and(|e| e.bookmarked)} {on_bookmark}
                note={AttrValue::from(entry.map(|e| e.note.clone()).unwrap_or_default())} {on_note}
                note_label="Your note" level={if shell.compact { 2 } else { 1 }} on_swipe={swipe}>
                <nav class="card-nav" aria-label="Questions">
                    { link(prev, "prev", "← Previous") }
                    { link(next, "next", "Next →") }
                </nav>
            </QuestionCard>
            <CardStatus {id} progress={state.progress.clone()} {on_practise} />
        </>
    }
}
