//! Mock interview: choose categories, number of questions and minutes per
//! question, answer against a visible timer, then see a summary. Every grade
//! also goes to the scheduler. A widget may fix the categories or the
//! questions to draw from. The running interview is kept in storage (its own
//! key), so leaving the screen or reloading resumes it; past scores are
//! listed below the setup form.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::category_picker::CategoryPicker;
use super::mock_history::MockHistory;
use super::mock_run::MockRun;
use super::mock_summary::MockSummaryView;
use super::use_app;
use crate::deck;
use crate::embed::Happening;
use crate::progress::{Grade, limits};
use crate::session::{
    MOCK_MAX_MINUTES, MOCK_MAX_QUESTIONS, MockConfig, MockInterview, MockLoad, MockScore, MockSetup, decode_history,
    decode_mock, encode_mock, mock_history_key, mock_key, pick_mock, push_history,
};
use crate::store;
use crate::ui::dom;
use crate::ui::hooks::use_announce;
use crate::ui::shell::use_shell;
use crate::ui::state::Action;

/// Props of [`MockScreen`].
#[derive(Properties, PartialEq)]
pub struct MockScreenProps {
    /// Categories fixed by a widget; `None` lets the learner choose.
    #[prop_or_default]
    pub categories: Option<Vec<String>>,
    /// Only these questions (empty = the categories decide).
    #[prop_or_default]
    pub pool: Vec<&'static str>,
}

/// The setup form's categories (the number fields are read on submit).
#[derive(Clone, PartialEq)]
struct Setup {
    categories: Vec<String>,
}

/// What reading the stored interview says to the learner, if anything.
#[derive(Clone, PartialEq)]
enum Notice {
    Resumed(String),
    Problem(String),
}

/// The stored interview, if it is one this screen may resume: a widget
/// fixed to other categories or questions leaves it alone.
fn load_running(namespace: &str, props: &MockScreenProps) -> (Option<MockInterview>, Option<Notice>) {
    let key = mock_key(namespace);
    match decode_mock(store::read_key(&key).as_deref(), deck::questions(), dom::now_ms()) {
        MockLoad::None => (None, None),
        MockLoad::Discarded(why) => {
            store::remove_key(&key);
            let said = format!("A saved mock interview could not be resumed ({why}), so it was discarded.");
            (None, Some(Notice::Problem(said)))
        }
        MockLoad::Resumed(m) => {
            let fits =
                props.categories.as_ref().is_none_or(|c| *c == m.config.categories) && props.pool == m.config.pool;
            if !fits {
                return (None, None);
            }
            let said = format!("Interview resumed at question {} of {}.", m.index + 1, m.ids.len());
            (Some(m), Some(Notice::Resumed(said)))
        }
    }
}

/// The past scores, and a notice when the stored list could not be read.
fn load_history(namespace: &str) -> (Vec<MockScore>, Option<Notice>) {
    let key = mock_history_key(namespace);
    match decode_history(store::read_key(&key).as_deref()) {
        Ok(scores) => (scores, None),
        Err(why) => {
            store::remove_key(&key);
            let said = format!("The list of past mock scores could not be read ({why}), so a new one was started.");
            (Vec::new(), Some(Notice::Problem(said)))
        }
    }
}

/// The mock interview screen. The running interview is stored under its
/// own key after every change, so leaving the screen or reloading resumes it.
#[function_component(MockScreen)]
pub fn mock_screen(props: &MockScreenProps) -> Html {
    let state = use_app();
    let shell = use_shell();
    let announce = use_announce();
    let setup = use_state(|| Setup { categories: vec![] });
    let loaded = use_memo((), |_| {
        let (running, notice) = load_running(&state.namespace, props);
        let (history, trouble) = load_history(&state.namespace);
        (running, history, trouble.or(notice))
    });
    let interview = use_state(|| loaded.0.clone());
    let history = use_state(|| loaded.1.clone());
    let notice = use_state(|| loaded.2.clone());
    let error = use_state(|| None::<String>);
    let count_ref = use_node_ref();
    let minutes_ref = use_node_ref();
    {
        let namespace = state.namespace.clone();
        use_effect_with((*interview).clone(), move |running| {
            let key = mock_key(&namespace);
            match running {
                Some(m) if !m.is_finished() => {
                    // A full storage only means a reload will not resume.
                    let _ = store::write_key(&key, &encode_mock(m, dom::now_ms()));
                }
                Some(_) => store::remove_key(&key),
                None => {}
            }
        });
    }
    // A finished interview goes into the history (once).
    let finish = {
        let (history, namespace, shell) = (history.clone(), state.namespace.clone(), shell.clone());
        move |running: &MockInterview| {
            let score = MockScore::of(running, dom::now_ms());
            let (scores, json) = push_history(&history, score);
            let _ = store::write_key(&mock_history_key(&namespace), &json);
            history.set(scores);
            shell.tell(Happening::SessionComplete {
                seconds: Some(running.summary().total_seconds),
            });
        }
    };

    let on_start = {
        let (state, setup, interview, error) = (state.clone(), setup.clone(), interview.clone(), error.clone());
        let (count_ref, minutes_ref, announce, notice) =
            (count_ref.clone(), minutes_ref.clone(), announce.clone(), notice.clone());
        let (fixed, pool) = (props.categories.clone(), props.pool.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let field = |r: &NodeRef| r.cast::<HtmlInputElement>();
            let count = field(&count_ref).map(|i| i.value()).unwrap_or_default();
            let minutes = field(&minutes_ref).map_or(f64::NAN, |i| i.value_as_number());
            let parsed = match MockSetup::parse(&count, minutes) {
                Ok(parsed) => parsed,
                Err(why) => return error.set(Some(why.to_string())),
            };
            let now = dom::now_ms();
            let config = MockConfig {
                categories: fixed.clone().unwrap_or_else(|| setup.categories.clone()),
                count: parsed.count,
                seconds_per_question: parsed.seconds_per_question,
                seed: now as u64,
                pool: pool.clone(),
            };
            let ids = pick_mock(deck::questions(), &state.progress, &config);
            if ids.is_empty() {
                error.set(Some("There are no questions in these categories.".into()));
                return;
            }
            error.set(None);
            notice.set(None);
            announce.emit(format!("Mock interview started: {} questions", ids.len()));
            interview.set(Some(MockInterview::start(ids, config, now)));
        })
    };
    // Every change of the running interview goes through here.
    let change = {
        let interview = interview.clone();
        move |edit: &dyn Fn(&mut MockInterview)| {
            if let Some(mut running) = (*interview).clone() {
                edit(&mut running);
                interview.set(Some(running));
            }
        }
    };
    let on_reveal = {
        let change = change.clone();
        Callback::from(move |()| change(&|m| m.reveal(dom::now_ms())))
    };
    let on_follow_ups = {
        let change = change.clone();
        Callback::from(move |()| change(&|m| m.show_follow_ups()))
    };
    let on_attempt = {
        let change = change.clone();
        Callback::from(move |text: String| change(&|m| m.set_attempt(&text, limits::MAX_NOTE_CHARS)))
    };
    let on_end = {
        let (interview, announce, finish) = (interview.clone(), announce.clone(), finish.clone());
        Callback::from(move |()| {
            let Some(mut running) = (*interview).clone() else {
                return;
            };
            running.end_early();
            finish(&running);
            announce.emit("Interview ended".into());
            interview.set(Some(running));
        })
    };
    let on_grade = {
        let (state, interview, shell, announce) = (state.clone(), interview.clone(), shell.clone(), announce.clone());
        Callback::from(move |grade: Grade| {
            let Some(mut running) = (*interview).clone() else {
                return;
            };
            let now = dom::now_ms();
            if let Some(result) = running.record(grade, now) {
                state.dispatch(Action::Grade {
                    id: result.id,
                    grade,
                    now_ms: now,
                });
                shell.tell(Happening::Graded {
                    question_id: result.id,
                    grade,
                    remaining: running.ids.len() - running.index,
                });
                if running.is_finished() {
                    finish(&running);
                }
                let said = if running.is_finished() {
                    format!("Graded {}. Interview finished.", grade.label())
                } else {
                    format!("Graded {}, next question", grade.label())
                };
                announce.emit(said);
            }
            interview.set(Some(running));
        })
    };
    let on_restart = {
        let (interview, notice) = (interview.clone(), notice.clone());
        Callback::from(move |()| {
            notice.set(None);
            interview.set(None)
        })
    };
    let notice_html = match &*notice {
        Some(Notice::Resumed(text)) => {
            html! { <p class="notice" role="status" data-testid="mock-resumed">{ text.clone() }</p> }
        }
        Some(Notice::Problem(text)) => {
            html! { <p class="notice warning" role="alert" data-testid="mock-notice">{ text.clone() }</p> }
        }
        None => html! {},
    };

    if let Some(running) = &*interview {
        return if running.is_finished() {
            html! { <MockSummaryView interview={running.clone()} on_restart={on_restart} /> }
        } else {
            html! {
                <>
                    { notice_html }
                    <MockRun key={running.index} interview={running.clone()} {on_grade} {on_reveal}
                        {on_follow_ups} {on_attempt} {on_end} />
                </>
            }
        };
    }

    let on_categories = {
        let setup = setup.clone();
        Callback::from(move |categories| setup.set(Setup { categories }))
    };
    html! {
        <>
            if !shell.compact { <h1>{ "Mock interview" }</h1> }
            { notice_html }
            <p>{ "Answer each question aloud or in the answer box before the timer runs out, then hear the follow-up questions, reveal the model answer (the timer stops) and grade yourself honestly. Questions you found hard come up more often. Grades count towards your reviews." }</p>
            <form class="mock-setup" onsubmit={on_start}>
                if props.categories.is_none() && props.pool.is_empty() {
                    <CategoryPicker legend="Categories (none ticked = all)" selected={setup.categories.clone()}
                        on_change={on_categories} testid="mock-category" />
                }
                <div class="field">
                    <label for="mock-count">{ "Number of questions" }</label>
                    <input ref={count_ref} id="mock-count" data-testid="mock-count" type="number" inputmode="numeric" min="1" max={MOCK_MAX_QUESTIONS.to_string()}
                        value="5" />
                </div>
                <div class="field">
                    <label for="mock-minutes">{ "Minutes per question" }</label>
                    <input ref={minutes_ref} id="mock-minutes" data-testid="mock-minutes" type="number" inputmode="decimal" min="0.1" max={MOCK_MAX_MINUTES.to_string()} step="any"
                        value="3" />
                </div>
                if let Some(message) = &*error { <p class="error-text" role="alert">{ message.clone() }</p> }
                <button type="submit" class="primary" data-testid="mock-start">{ "Start the interview" }</button>
            </form>
            <MockHistory scores={(*history).clone()} />
        </>
    }
}
