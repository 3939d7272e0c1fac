//! Practise the code cards: a session of predict-the-output cards (due ones,
//! then new ones within the daily limit; a widget's listed questions; or one
//! card). The learner types a prediction, checks it, sees the comparison and
//! grades; the comparison suggests the grade and FSRS schedules the card
//! like any other. The run is [`PracticeRun`]; the queue is
//! [`session::output_queue`].

use std::collections::HashMap;

use yew::prelude::*;

use super::code_list::code_tabs;
use super::grade_bar::GradeBar;
use super::last_grade::{self, LastGrade};
use super::output_card::CodeCard;
use super::use_app;
use crate::deck;
use crate::embed::Happening;
use crate::progress::{Grade, interval_label, interval_words};
use crate::session::{self, OutputScope, PracticeRun, compare, suggest_output_grade};
use crate::ui::answers::lookup_output;
use crate::ui::dom;
use crate::ui::hooks::{CardKeys, use_announce, use_shortcuts};
use crate::ui::route::Route;
use crate::ui::shell::use_shell;
use crate::ui::state::Action;

/// Props of [`CodePractice`].
#[derive(Properties, PartialEq)]
pub struct CodePracticeProps {
    pub scope: OutputScope,
}

/// The code-card practice screen.
#[function_component(CodePractice)]
pub fn code_practice(props: &CodePracticeProps) -> Html {
    let state = use_app();
    let shell = use_shell();
    let announce = use_announce();
    let start = {
        let (state, scope) = (state.clone(), props.scope.clone());
        move || {
            let (now, tz) = (dom::now_ms(), dom::tz_offset_min());
            PracticeRun::start(session::output_queue(
                deck::output_cards(),
                &state.progress,
                &scope,
                now,
                tz,
            ))
        }
    };
    let run = use_state(start.clone());
    let current = run.current().and_then(deck::output_card);
    let prediction = use_state(String::new);
    let shown_at = use_mut_ref(dom::now_ms);
    let last = use_state(|| None::<LastGrade>);
    // What was predicted on each card checked in this session, with the grade
    // it suggested: a card seen again revealed (Previous, Undo) shows its own
    // comparison; a card that comes back unrevealed starts empty.
    let checked = use_mut_ref(HashMap::<&'static str, (String, Grade)>::new);
    {
        let (shown_at, prediction, checked) = (shown_at.clone(), prediction.clone(), checked.clone());
        use_effect_with((run.index(), run.current(), run.revealed), move |&(_, id, revealed)| {
            *shown_at.borrow_mut() = dom::now_ms();
            let kept = id.filter(|_| revealed).and_then(|id| checked.borrow().get(id).cloned());
            prediction.set(kept.map(|(text, _)| text).unwrap_or_default());
        });
    }
    {
        let shell = shell.clone();
        use_effect_with((run.index(), run.revealed), move |&(index, revealed)| {
            if revealed {
                shell.focus("comparison-summary");
            } else if index > 0 {
                shell.focus("prediction");
            }
        });
    }
    let check = {
        let (run, announce, shown_at, prediction, checked) = (
            run.clone(),
            announce.clone(),
            shown_at.clone(),
            prediction.clone(),
            checked.clone(),
        );
        Callback::from(move |()| {
            let Some(id) = run.current() else { return };
            // Only once the code and its output have arrived.
            let Ok(Some(content)) = lookup_output(id) else { return };
            let mut next = (*run).clone();
            if next.reveal() {
                let took = (dom::now_ms() - *shown_at.borrow()).max(0) / 1000;
                let comparison = compare(&prediction, &content.expected);
                let grade = suggest_output_grade(&comparison, Some(u32::try_from(took).unwrap_or(u32::MAX)));
                checked.borrow_mut().insert(id, ((*prediction).clone(), grade));
                run.set(next);
                announce.emit(format!(
                    "{} of {} lines match. Suggested grade: {}.",
                    comparison.matched(),
                    comparison.total(),
                    grade.label()
                ));
            }
        })
    };
    let grade = {
        let (run, state, shell, announce, last) = (
            run.clone(),
            state.clone(),
            shell.clone(),
            announce.clone(),
            last.clone(),
        );
        Callback::from(move |grade: Grade| {
            let Some(id) = run.current() else { return };
            let now = dom::now_ms();
            let outcome = state.progress.preview(id, now)[grade as usize];
            let mut next = (*run).clone();
            let Some(graded) = next.grade(grade, now, outcome.due_ms, outcome.is_learning()) else {
                return;
            };
            let before = state.progress.get(id).cloned();
            state.dispatch(Action::Grade { id, grade, now_ms: now });
            shell.tell(Happening::Graded {
                question_id: id,
                grade,
                remaining: graded.remaining,
            });
            if next.is_finished() {
                shell.tell(Happening::SessionComplete { seconds: None });
            }
            let said = format!(
                "Graded {}: next review {}.",
                grade.label(),
                interval_words(outcome.due_ms - now)
            );
            announce.emit(said.clone());
            last.set(Some(LastGrade {
                id,
                grade,
                said,
                before,
            }));
            run.set(next);
        })
    };
    let step = {
        let run = run.clone();
        Callback::from(move |delta: isize| {
            let mut next = (*run).clone();
            if next.step(delta, dom::now_ms()) {
                run.set(next);
            }
        })
    };
    let undo = last_grade::undo(run.clone(), state.clone(), last.clone(), announce.clone());
    use_shortcuts(
        CardKeys {
            has_card: current.is_some(),
            revealed: run.revealed,
            graded: run.current_grade().is_some(),
            reveal: check.clone(),
            grade: grade.clone(),
            step: step.clone(),
            bookmark: None,
            undo: last.is_some().then(|| undo.clone()),
        }
        .handler(),
    );
    let single = matches!(props.scope, OutputScope::Single(_));
    let after = last.as_ref().map(|done| last_grade::after_grade(done, &undo));
    // The grade the comparison suggested, for the card on screen once checked.
    let suggested = run
        .current()
        .filter(|_| run.revealed)
        .and_then(|id| checked.borrow().get(id).map(|(_, grade)| *grade));
    let body = match current {
        Some(card) => {
            let now = dom::now_ms();
            let actions = match run.current_grade() {
                Some(given) => html! {
                    <p class="graded" data-testid="already-graded">{ format!("Graded {} in this session.", given.label()) }</p>
                },
                None if run.revealed => {
                    let intervals = state
                        .progress
                        .preview(card.id, now)
                        .map(|o| AttrValue::from(interval_label(o.due_ms - now)));
                    html! { <GradeBar on_grade={grade} {suggested} intervals={Some(intervals)} /> }
                }
                None => html! {},
            };
            let on_prev = step.reform(|_: MouseEvent| -1);
            let on_next = step.reform(|_: MouseEvent| 1);
            html! {
                <CodeCard {card} prediction={AttrValue::from((*prediction).clone())}
                    on_predict={prediction.setter().to_callback()} checked={run.revealed} on_check={check} {actions}>
                    if !single {
                        <nav class="card-nav" aria-label="Queue">
                            <button type="button" data-testid="prev" onclick={on_prev} disabled={run.index() == 0}>{ "← Previous" }</button>
                            <button type="button" data-testid="next" onclick={on_next}>{ "Skip →" }</button>
                        </nav>
                    }
                </CodeCard>
            }
        }
        None => {
            let more = start().remaining();
            let again = {
                let run = run.clone();
                Callback::from(move |_: MouseEvent| run.set(start()))
            };
            html! {
                <section class="done" data-testid="code-done">
                    <h2>{ if single { "Graded" } else { "No code card left for now" } }</h2>
                    if more > 0 {
                        <p>{ format!("{more} more ready to practise.") }</p>
                        <button type="button" class="primary" onclick={again}>{ "Keep going" }</button>
                    } else {
                        <p>{ "Nothing is due and today's new cards are done. Come back tomorrow." }</p>
                        if !shell.embedded {
                            <p><a href={Route::BrowseCode.href()} onclick={shell.link(Route::BrowseCode)}>{ "All code cards" }</a></p>
                        }
                    }
                </section>
            }
        }
    };
    html! {
        <>
            if !shell.compact { <h1 class="practice-title">{ "Practise the code" }</h1> }
            if !shell.embedded && !single { { code_tabs(true, true) } }
            <div class="practice-bar">
                if !single {
                    <p class="queue" data-testid="queue-remaining">{ format!("{} left in this session", run.remaining()) }</p>
                }
            </div>
            { for after }
            { body }
        </>
    }
}
