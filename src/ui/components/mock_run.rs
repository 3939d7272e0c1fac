//! One question of a running mock interview, with its countdown.

use yew::prelude::*;

use super::card::{QuestionCard, save_note, toggle_bookmark};
use super::grade_bar::GradeBar;
use super::use_app;
use crate::deck;
use crate::progress::Grade;
use crate::session::MockInterview;
use crate::ui::hooks::{Shortcut, use_shortcuts, use_ticker};
use crate::ui::shell::use_shell;

/// Props of [`MockRun`].
#[derive(Properties, PartialEq)]
pub struct MockRunProps {
    pub interview: MockInterview,
    pub on_grade: Callback<Grade>,
}

/// `m:ss`.
fn clock(seconds: u32) -> String {
    format!("{}:{:02}", seconds / 60, seconds % 60)
}

/// The current mock question (the component is keyed by question index).
#[function_component(MockRun)]
pub fn mock_run(props: &MockRunProps) -> Html {
    let state = use_app();
    let announce = crate::ui::hooks::use_announce();
    let shell = use_shell();
    let revealed = use_state(|| false);
    let interview = &props.interview;
    let now = use_ticker(true);
    let left = interview.remaining_seconds(now);
    let timed_out = left == 0;
    {
        let (revealed, announce) = (revealed.clone(), announce.clone());
        use_effect_with(timed_out, move |&timed_out| {
            if timed_out && !*revealed {
                revealed.set(true);
                announce.emit("Time is up. Answer revealed".into());
            }
        });
    }
    let reveal = {
        let (revealed, announce) = (revealed.clone(), announce.clone());
        Callback::from(move |()| {
            if !*revealed {
                revealed.set(true);
                announce.emit("Answer revealed".into());
            }
        })
    };
    {
        let (reveal, on_grade, shown) = (reveal.clone(), props.on_grade.clone(), *revealed);
        use_shortcuts(Callback::from(move |shortcut| match shortcut {
            Shortcut::Reveal if !shown => {
                reveal.emit(());
                true
            }
            Shortcut::Grade(g) if shown => {
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
    html! {
        <>
            if !shell.compact { <h1>{ "Mock interview" }</h1> }
            <div class="mock-status">
                <p>{ format!("Question {} of {}", interview.index + 1, interview.ids.len()) }</p>
                <p class={classes!("timer", timed_out.then_some("over"))} role="timer" aria-label="Time left"
                    data-testid="mock-timer">
                    { if timed_out { "Time is up".to_string() } else { clock(left) } }
                </p>
            </div>
            <QuestionCard {question} revealed={*revealed} on_reveal={reveal}
                bookmarked={entry.is_some_and(|e| e.bookmarked)} {on_bookmark}
                note={AttrValue::from(entry.map(|e| e.note.clone()).unwrap_or_default())} {on_note}
                note_label="Your answer (optional, kept as your note)">
                if *revealed { <GradeBar on_grade={props.on_grade.clone()} /> }
            </QuestionCard>
        </>
    }
}
