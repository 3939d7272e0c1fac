//! Practise: due cards first, then new ones up to the daily limit, scoped to
//! the chosen categories. Question → your own answer (kept as the note) →
//! Reveal → model answer → grade → next.

use yew::prelude::*;

use super::card::QuestionCard;
use super::category_picker::CategoryPicker;
use super::grade_bar::GradeBar;
use super::use_app;
use crate::deck;
use crate::progress::Grade;
use crate::session::{self, Scope};
use crate::ui::hooks::{Shortcut, use_shortcuts};
use crate::ui::route::Route;
use crate::ui::state::Action;
use crate::ui::web;

/// Props of [`Practice`].
#[derive(Properties, PartialEq)]
pub struct PracticeProps {
    /// Categories in scope (empty = all).
    pub scope: Vec<String>,
}

/// Where a practice session stands: the queue as it was when it started.
#[derive(Clone, PartialEq)]
struct Run {
    queue: Vec<&'static str>,
    index: usize,
    revealed: bool,
}

/// The practice screen.
#[function_component(Practice)]
pub fn practice(props: &PracticeProps) -> Html {
    let state = use_app();
    let scope = Scope {
        categories: props.scope.clone(),
    };
    let start = {
        let (state, scope) = (state.clone(), scope.clone());
        move || Run {
            queue: session::practice_queue(
                deck::questions(),
                &state.progress,
                &scope,
                web::now_ms(),
                web::tz_offset_min(),
            ),
            index: 0,
            revealed: false,
        }
    };
    let run = use_state(start.clone());
    let current = run.queue.get(run.index).and_then(|id| deck::question(id));

    // Keep focus on the card's main control as it changes.
    use_effect_with((run.index, run.revealed), |&(index, revealed)| {
        if revealed {
            web::focus_id("answer");
        } else if index > 0 {
            web::focus_id("reveal");
        }
    });

    let reveal = {
        let (run, state) = (run.clone(), state.clone());
        Callback::from(move |()| {
            if !run.revealed {
                run.set(Run {
                    revealed: true,
                    ..(*run).clone()
                });
                state.dispatch(Action::Announce("Answer revealed".into()));
            }
        })
    };
    let grade = {
        let (run, state) = (run.clone(), state.clone());
        Callback::from(move |grade: Grade| {
            let Some(id) = run.queue.get(run.index) else { return };
            state.dispatch(Action::Grade {
                id: id.to_string(),
                grade,
                now_ms: web::now_ms(),
            });
            let next = run.queue.get(run.index + 1).and_then(|id| deck::question(id));
            let said = match next {
                Some(q) => format!("Graded {}, next question: {}", grade.label(), q.text),
                None => format!("Graded {}. That was the last question.", grade.label()),
            };
            state.dispatch(Action::Announce(said));
            run.set(Run {
                index: run.index + 1,
                revealed: false,
                ..(*run).clone()
            });
        })
    };
    let step = {
        let run = run.clone();
        Callback::from(move |delta: isize| {
            let index = run.index.saturating_add_signed(delta).min(run.queue.len());
            if index != run.index {
                run.set(Run {
                    index,
                    revealed: false,
                    ..(*run).clone()
                });
            }
        })
    };
    let id = current.map(|q| q.id.to_string()).unwrap_or_default();
    let bookmark = {
        let (state, id) = (state.clone(), id.clone());
        Callback::from(move |()| {
            state.dispatch(Action::ToggleBookmark {
                id: id.clone(),
                now_ms: web::now_ms(),
            })
        })
    };
    {
        let (reveal, grade, step, bookmark) = (reveal.clone(), grade.clone(), step.clone(), bookmark.clone());
        let (has_card, revealed) = (current.is_some(), run.revealed);
        use_shortcuts(Callback::from(move |shortcut| match shortcut {
            Shortcut::Reveal if has_card && !revealed => {
                reveal.emit(());
                true
            }
            Shortcut::Grade(n) if has_card && revealed => match Grade::from_key(n) {
                Some(g) => {
                    grade.emit(g);
                    true
                }
                None => false,
            },
            Shortcut::Next if has_card => {
                step.emit(1);
                true
            }
            Shortcut::Prev => {
                step.emit(-1);
                true
            }
            Shortcut::Bookmark if has_card => {
                bookmark.emit(());
                true
            }
            _ => false,
        }));
    }

    let on_scope = Callback::from(|cats: Vec<String>| web::go(&Route::Practice(cats).href()));
    let remaining = run.queue.len().saturating_sub(run.index);
    let body = match current {
        Some(question) => {
            let entry = state.progress.get(question.id);
            let on_note = {
                let (state, id) = (state.clone(), id.clone());
                Callback::from(move |text: String| {
                    state.dispatch(Action::SetNote {
                        id: id.clone(),
                        text,
                        now_ms: web::now_ms(),
                    })
                })
            };
            let on_prev = step.reform(|_: MouseEvent| -1);
            let on_next = step.reform(|_: MouseEvent| 1);
            html! {
                <QuestionCard {question} revealed={run.revealed} on_reveal={reveal}
                    bookmarked={entry.is_some_and(|e| e.bookmarked)} on_bookmark={bookmark}
                    note={AttrValue::from(entry.map(|e| e.note.clone()).unwrap_or_default())} {on_note}
                    note_label="Your answer (optional, kept as your note)">
                    if run.revealed { <GradeBar on_grade={grade} /> }
                    <nav class="card-nav" aria-label="Queue">
                        <button type="button" data-testid="prev" onclick={on_prev} disabled={run.index == 0}>{ "← Previous" }</button>
                        <button type="button" data-testid="next" onclick={on_next}>{ "Skip →" }</button>
                    </nav>
                </QuestionCard>
            }
        }
        None => {
            let more = start().queue.len();
            let again = {
                let run = run.clone();
                Callback::from(move |_: MouseEvent| run.set(start()))
            };
            html! {
                <section class="done" data-testid="practice-done">
                    <h2>{ "All done for now" }</h2>
                    if more > 0 {
                        <p>{ format!("{more} more ready to practise.") }</p>
                        <button type="button" class="primary" onclick={again}>{ "Keep going" }</button>
                    } else {
                        <p>{ "Nothing is due and today's new cards are done. Come back tomorrow, or browse the questions." }</p>
                        <p><a href="#/browse">{ "Browse questions" }</a></p>
                    }
                </section>
            }
        }
    };
    html! {
        <>
            <h1>{ "Practise" }</h1>
            <details class="scope">
                <summary>{ scope_label(&props.scope) }</summary>
                <CategoryPicker legend="Categories to practise" selected={props.scope.clone()} on_change={on_scope} testid="practice-category" />
            </details>
            <p class="queue" data-testid="queue-remaining">{ format!("{remaining} left in this session") }</p>
            { body }
        </>
    }
}

/// "All categories" or the chosen titles.
fn scope_label(scope: &[String]) -> String {
    if scope.is_empty() {
        return "Categories: all".into();
    }
    let titles: Vec<&str> = scope
        .iter()
        .map(|id| deck::category(id).map_or(id.as_str(), |c| c.title))
        .collect();
    format!("Categories: {}", titles.join(", "))
}
