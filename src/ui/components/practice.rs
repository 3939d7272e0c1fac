//! Practise: the queue of a [`PracticeScope`] (the daily queue of some
//! categories, a widget's listed questions, or one card). Question → your
//! own answer (kept as the note) → Reveal → model answer → grade → next.
//! What happens at each step is decided by [`PracticeRun`]; this screen
//! shows it and sends the grades on.

use yew::prelude::*;

use super::card::{QuestionCard, save_note, toggle_bookmark};
use super::category_picker::CategoryPicker;
use super::grade_bar::GradeBar;
use super::use_app;
use crate::deck;
use crate::embed::Happening;
use crate::progress::Grade;
use crate::session::{self, PracticeRun, PracticeScope, Scope};
use crate::ui::dom;
use crate::ui::hooks::{Shortcut, use_announce, use_shortcuts};
use crate::ui::route::Route;
use crate::ui::shell::use_shell;
use crate::ui::state::Action;

/// Props of [`Practice`].
#[derive(Properties, PartialEq)]
pub struct PracticeProps {
    /// What the session draws from.
    pub scope: PracticeScope,
}

/// The practice screen.
#[function_component(Practice)]
pub fn practice(props: &PracticeProps) -> Html {
    let state = use_app();
    let shell = use_shell();
    let announce = use_announce();
    let start = {
        let (state, scope) = (state.clone(), props.scope.clone());
        move || {
            let (now, tz) = (dom::now_ms(), dom::tz_offset_min());
            PracticeRun::start(session::practice_queue(
                deck::questions(),
                &state.progress,
                &scope,
                now,
                tz,
            ))
        }
    };
    let run = use_state(start.clone());
    let current = run.current().and_then(deck::question);
    // When the current card was shown, and how long until it was revealed.
    let shown_at = use_mut_ref(dom::now_ms);
    let seconds = use_state(|| None::<u32>);
    let suggested = use_state(|| None::<Grade>);
    {
        let (shown_at, seconds, suggested) = (shown_at.clone(), seconds.clone(), suggested.clone());
        use_effect_with(run.index, move |_| {
            *shown_at.borrow_mut() = dom::now_ms();
            seconds.set(None);
            suggested.set(None);
        });
    }

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
        let (run, announce, shown_at, seconds) = (run.clone(), announce.clone(), shown_at.clone(), seconds.clone());
        Callback::from(move |()| {
            let mut next = (*run).clone();
            if next.reveal() {
                let took = (dom::now_ms() - *shown_at.borrow()).max(0) / 1000;
                seconds.set(Some(u32::try_from(took).unwrap_or(u32::MAX)));
                run.set(next);
                announce.emit("Answer revealed".into());
            }
        })
    };
    let grade = {
        let (run, state, shell, announce) = (run.clone(), state.clone(), shell.clone(), announce.clone());
        Callback::from(move |grade: Grade| {
            let mut next = (*run).clone();
            let Some(graded) = next.grade(grade) else { return };
            state.dispatch(Action::Grade {
                id: graded.id,
                grade,
                now_ms: dom::now_ms(),
            });
            shell.tell(Happening::Graded {
                question_id: graded.id,
                grade,
                remaining: graded.remaining,
            });
            if next.is_finished() {
                shell.tell(Happening::SessionComplete { seconds: None });
            }
            announce.emit(match graded.next.and_then(deck::question) {
                Some(q) => format!("Graded {}, next question: {}", grade.label(), q.text),
                None => format!("Graded {}. That was the last question.", grade.label()),
            });
            run.set(next);
        })
    };
    let step = {
        let (run, shell) = (run.clone(), shell.clone());
        Callback::from(move |delta: isize| {
            let mut next = (*run).clone();
            if next.step(delta) {
                if next.is_finished() {
                    // Skipping the last card empties the queue too.
                    shell.tell(Happening::SessionComplete { seconds: None });
                }
                run.set(next);
            }
        })
    };
    let id: &'static str = current.map_or("", |q| q.id);
    let bookmark = toggle_bookmark(&state, id);
    {
        let (reveal, grade, step, bookmark) = (reveal.clone(), grade.clone(), step.clone(), bookmark.clone());
        let (has_card, revealed) = (current.is_some(), run.revealed);
        use_shortcuts(Callback::from(move |shortcut| match shortcut {
            Shortcut::Reveal if has_card && !revealed => {
                reveal.emit(());
                true
            }
            Shortcut::Grade(g) if has_card && revealed => {
                grade.emit(g);
                true
            }
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

    let single = props.scope.is_single();
    let categories = match &props.scope {
        PracticeScope::Daily(Scope { categories }) => Some(categories.clone()),
        _ => None,
    };
    let remaining = run.remaining();
    let body = match current {
        Some(question) => {
            let entry = state.progress.get(question.id);
            let on_note = save_note(&state, id);
            let on_prev = step.reform(|_: MouseEvent| -1);
            let on_next = step.reform(|_: MouseEvent| 1);
            let on_swipe = (!single).then(|| step.clone());
            let controls = match run.current_grade() {
                Some(given) => html! {
                    <p class="graded" data-testid="already-graded">
                        { format!("Graded {} in this session.", given.label()) }
                    </p>
                },
                None if run.revealed => html! { <GradeBar on_grade={grade} suggested={*suggested} /> },
                None => html! {},
            };
            html! {
                <QuestionCard {question} revealed={run.revealed} on_reveal={reveal}
                    bookmarked={entry.is_some_and(|e| e.bookmarked)} on_bookmark={bookmark}
                    note={AttrValue::from(entry.map(|e| e.note.clone()).unwrap_or_default())} {on_note}
                    note_label="Your answer (optional, kept as your note)" {on_swipe}
                    seconds={*seconds} on_suggest={Some(suggested.setter().to_callback())}>
                    { controls }
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
    let on_scope = {
        let shell = shell.clone();
        Callback::from(move |cats: Vec<String>| shell.go(Route::Practice(cats)))
    };
    html! {
        <>
            if !shell.compact { <h1>{ if single { "Practise this question" } else { "Practise" } }</h1> }
            if let (Some(categories), false) = (categories, shell.embedded) {
                <details class="scope">
                    <summary>{ scope_label(&categories) }</summary>
                    <CategoryPicker legend="Categories to practise" selected={categories.clone()} on_change={on_scope} testid="practice-category" />
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
