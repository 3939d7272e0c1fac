//! One question of a running mock interview: a countdown that stays in
//! view (sticky) and stops at reveal, the answer box, the follow-up
//! questions, and "End interview".

use yew::prelude::*;

use super::card::{QuestionCard, save_note, toggle_bookmark};
use super::grade_bar::GradeBar;
use super::use_app;
use crate::deck;
use crate::progress::Grade;
use crate::session::{MockInterview, follow_up_questions};
use crate::ui::answers::{self, Lookup};
use crate::ui::hooks::{Shortcut, use_shortcuts, use_ticker};
use crate::ui::shell::use_shell;

/// Props of [`MockRun`].
#[derive(Properties, PartialEq)]
pub struct MockRunProps {
    pub interview: MockInterview,
    pub on_grade: Callback<Grade>,
    pub on_reveal: Callback<()>,
    pub on_follow_ups: Callback<()>,
    pub on_attempt: Callback<String>,
    pub on_end: Callback<()>,
}

/// `m:ss`.
fn clock(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// The follow-up questions the interviewer asks, answers hidden.
fn follow_ups(id: &str) -> Html {
    match answers::lookup(id) {
        Lookup::Ready(answer) => {
            let asked = follow_up_questions(&answer.follow_ups);
            html! {
                <section class="mock-follow-ups" aria-labelledby="follow-ups-title">
                    <h2 id="follow-ups-title">{ "The interviewer follows up" }</h2>
                    <ul>
                        { for asked.into_iter().map(|q| html! {
                            <li data-testid="mock-follow-up">
                                { Html::from_html_unchecked(AttrValue::from(q.to_string())) }
                            </li>
                        }) }
                    </ul>
                </section>
            }
        }
        Lookup::Loading => html! { <p class="muted">{ "Loading the follow-up questions…" }</p> },
        Lookup::Failed(why) => {
            html! { <p class="error-text">{ format!("The follow-up questions could not be loaded: {why}.") }</p> }
        }
    }
}

/// The current mock question (the component is keyed by question index).
#[function_component(MockRun)]
pub fn mock_run(props: &MockRunProps) -> Html {
    let state = use_app();
    let announce = crate::ui::hooks::use_announce();
    let shell = use_shell();
    let _answers = answers::use_answers();
    let confirming = use_state(|| false);
    let interview = &props.interview;
    let revealed = interview.is_revealed();
    let now = use_ticker(!revealed);
    let left = interview.remaining_seconds(now);
    let timed_out = interview.is_timed_out(now);
    {
        let (on_reveal, announce) = (props.on_reveal.clone(), announce.clone());
        use_effect_with((timed_out, revealed), move |&(timed_out, revealed)| {
            if timed_out && !revealed {
                on_reveal.emit(());
                announce.emit("Time is up. Answer revealed".into());
            }
        });
    }
    let reveal = {
        let (on_reveal, announce) = (props.on_reveal.clone(), announce.clone());
        Callback::from(move |()| {
            if !revealed {
                on_reveal.emit(());
                announce.emit("Answer revealed. The timer is stopped".into());
            }
        })
    };
    {
        let (reveal, on_grade) = (reveal.clone(), props.on_grade.clone());
        use_shortcuts(Callback::from(move |shortcut| match shortcut {
            Shortcut::Reveal if !revealed => {
                reveal.emit(());
                true
            }
            Shortcut::Grade(g) if revealed => {
                on_grade.emit(g);
                true
            }
            _ => false,
        }));
    }
    let Some(question) = interview.current().and_then(deck::question) else {
        return html! {};
    };
    let entry = state.progress.get(question.id);
    let id = question.id;
    let on_note = save_note(&state, id);
    let on_bookmark = toggle_bookmark(&state, id);
    let timer_text = if timed_out {
        "Time is up".to_string()
    } else if revealed {
        format!("{} (stopped)", clock(left))
    } else {
        clock(left)
    };
    let end = if *confirming {
        let (yes, no) = (confirming.clone(), confirming.clone());
        let on_end = props.on_end.clone();
        html! {
            <div class="mock-end-confirm" role="alertdialog" aria-labelledby="mock-end-q">
                <p id="mock-end-q">{ "End the interview now? Your graded answers are kept; this question is not graded." }</p>
                <div class="actions">
                    <button type="button" class="danger" data-testid="mock-end-confirm"
                        onclick={Callback::from(move |_: MouseEvent| { yes.set(false); on_end.emit(()); })}>{ "Yes, end it" }</button>
                    <button type="button" onclick={Callback::from(move |_: MouseEvent| no.set(false))}>{ "Keep going" }</button>
                </div>
            </div>
        }
    } else {
        let ask = confirming.clone();
        html! {
            <button type="button" data-testid="mock-end"
                onclick={Callback::from(move |_: MouseEvent| ask.set(true))}>{ "End interview" }</button>
        }
    };
    let follow_up_button = (!revealed && !interview.follow_ups_shown).then(|| {
        let on = props.on_follow_ups.clone();
        html! {
            <button type="button" class="follow-ups-button" data-testid="mock-follow-ups"
                onclick={Callback::from(move |_: MouseEvent| on.emit(()))}>{ "I have answered: follow-up questions" }</button>
        }
    });
    let actions = if revealed {
        html! { <GradeBar on_grade={props.on_grade.clone()} /> }
    } else {
        html! { { for follow_up_button } }
    };
    html! {
        <>
            if !shell.compact { <h1>{ "Mock interview" }</h1> }
            <div class="mock-status" data-testid="mock-status">
                <p data-testid="mock-progress">{ format!("Question {} of {}", interview.index + 1, interview.ids.len()) }</p>
                <p class={classes!("timer", timed_out.then_some("over"), revealed.then_some("stopped"))} role="timer" aria-label="Time left"
                    data-testid="mock-timer">
                    { timer_text }
                </p>
            </div>
            <QuestionCard {question} revealed={revealed} on_reveal={reveal}
                bookmarked={entry.is_some_and(|e| e.bookmarked)} {on_bookmark}
                note={AttrValue::from(entry.map(|e| e.note.clone()).unwrap_or_default())} {on_note}
                attempt={Some(AttrValue::from(interview.attempt().to_string()))} on_attempt={props.on_attempt.clone()}
                {actions}>
            </QuestionCard>
            if interview.follow_ups_shown && !revealed { { follow_ups(id) } }
            <div class="mock-end">{ end }</div>
        </>
    }
}
