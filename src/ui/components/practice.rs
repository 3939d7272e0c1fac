//! Practise: due cards first, then new ones up to the daily limit, scoped to
//! the chosen categories. Question → your own answer (kept as the note) →
//! Reveal → model answer → grade → next. In a widget the scope is fixed by
//! the embedding page: categories, a list of questions, or a single card.

use yew::prelude::*;

use super::card::{QuestionCard, save_note, toggle_bookmark};
use super::category_picker::CategoryPicker;
use super::grade_bar::GradeBar;
use super::use_app;
use crate::deck;
use crate::embed::{self, Happening};
use crate::progress::Grade;
use crate::session::{self, Scope};
use crate::ui::hooks::{Shortcut, use_shortcuts};
use crate::ui::route::Route;
use crate::ui::shell::use_shell;
use crate::ui::state::Action;
use crate::ui::web;

/// Props of [`Practice`].
#[derive(Properties, PartialEq)]
pub struct PracticeProps {
    /// Categories in scope (empty = all).
    pub scope: Vec<String>,
    /// Only these questions, in this order (empty = the scope's categories).
    #[prop_or_default]
    pub pool: Vec<&'static str>,
    /// A single card: the pool's first question, due or not.
    #[prop_or_default]
    pub single: bool,
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
    let shell = use_shell();
    let scope = Scope {
        categories: props.scope.clone(),
    };
    let start = {
        let (state, scope, pool, single) = (state.clone(), scope.clone(), props.pool.clone(), props.single);
        move || Run {
            queue: match (single, pool.is_empty()) {
                (true, _) => pool.first().copied().into_iter().collect(),
                (false, false) => embed::pool_queue(&pool, &state.progress, web::now_ms()),
                (false, true) => session::practice_queue(
                    deck::questions(),
                    &state.progress,
                    &scope,
                    web::now_ms(),
                    web::tz_offset_min(),
                ),
            },
            index: 0,
            revealed: false,
        }
    };
    let run = use_state(start.clone());
    let current = run.queue.get(run.index).and_then(|id| deck::question(id));

    // Keep focus on the card's main control as it changes.
    {
        let shell = shell.clone();
        use_effect_with((run.index, run.revealed), move |&(index, revealed)| {
            if revealed {
                shell.focus("answer");
            } else if index > 0 {
                shell.focus("reveal");
            }
        });
    }

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
        let (run, state, shell) = (run.clone(), state.clone(), shell.clone());
        Callback::from(move |grade: Grade| {
            let Some(&id) = run.queue.get(run.index) else { return };
            state.dispatch(Action::Grade {
                id: id.to_string(),
                grade,
                now_ms: web::now_ms(),
            });
            let remaining = run.queue.len() - run.index - 1;
            shell.tell(Happening::Graded {
                question_id: id,
                grade,
                remaining,
            });
            if remaining == 0 {
                shell.tell(Happening::SessionComplete { seconds: None });
            }
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
        let (run, shell) = (run.clone(), shell.clone());
        Callback::from(move |delta: isize| {
            let index = run.index.saturating_add_signed(delta).min(run.queue.len());
            if index != run.index {
                if index == run.queue.len() {
                    // Skipping the last card empties the queue too.
                    shell.tell(Happening::SessionComplete { seconds: None });
                }
                run.set(Run {
                    index,
                    revealed: false,
                    ..(*run).clone()
                });
            }
        })
    };
    let id = current.map(|q| q.id.to_string()).unwrap_or_default();
    let bookmark = toggle_bookmark(&state, &id);
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

    let on_scope = {
        let shell = shell.clone();
        Callback::from(move |cats: Vec<String>| shell.go(Route::Practice(cats)))
    };
    let single = props.single;
    let remaining = run.queue.len().saturating_sub(run.index);
    let body = match current {
        Some(question) => {
            let entry = state.progress.get(question.id);
            let on_note = save_note(&state, &id);
            let on_prev = step.reform(|_: MouseEvent| -1);
            let on_next = step.reform(|_: MouseEvent| 1);
            let on_swipe = (!single).then(|| step.clone());
            html! {
                <QuestionCard {question} revealed={run.revealed} on_reveal={reveal}
                    bookmarked={entry.is_some_and(|e| e.bookmarked)} on_bookmark={bookmark}
                    note={AttrValue::from(entry.map(|e| e.note.clone()).unwrap_or_default())} {on_note}
                    note_label="Your answer (optional, kept as your note)" {on_swipe}>
                    if run.revealed { <GradeBar on_grade={grade} /> }
                    if !single {
                        <nav class="card-nav" aria-label="Queue">
                            <button type="button" data-testid="prev" onclick={on_prev} disabled={run.index == 0}>{ "← Previous" }</button>
                            <button type="button" data-testid="next" onclick={on_next}>{ "Skip →" }</button>
                        </nav>
                    }
                </QuestionCard>
            }
        }
        None => {
            let more = start().queue.len();
            let again = {
                let run = run.clone();
                Callback::from(move |_: MouseEvent| run.set(start()))
            };
            if single {
                return html! {
                    <section class="done" data-testid="practice-done">
                        <p>{ "Graded. Your progress is saved in this browser." }</p>
                        <button type="button" class="primary" onclick={again}>{ "Practise it again" }</button>
                    </section>
                };
            }
            html! {
                <section class="done" data-testid="practice-done">
                    <h2>{ "All done for now" }</h2>
                    if more > 0 {
                        <p>{ format!("{more} more ready to practise.") }</p>
                        <button type="button" class="primary" onclick={again}>{ "Keep going" }</button>
                    } else {
                        <p>{ "Nothing is due and today's new cards are done. Come back tomorrow, or browse the questions." }</p>
                        <p><a href={Route::Browse.href()} onclick={shell.link(Route::Browse)}>{ "Browse questions" }</a></p>
                    }
                </section>
            }
        }
    };
    html! {
        <>
            if !shell.compact { <h1>{ if single { "Practise this question" } else { "Practise" } }</h1> }
            if !shell.embedded {
                <details class="scope">
                    <summary>{ scope_label(&props.scope) }</summary>
                    <CategoryPicker legend="Categories to practise" selected={props.scope.clone()} on_change={on_scope} testid="practice-category" />
                </details>
            }
            if !single {
                <p class="queue" data-testid="queue-remaining">{ format!("{remaining} left in this session") }</p>
            }
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
