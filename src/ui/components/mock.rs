//! Mock interview: choose categories, number of questions and minutes per
//! question, answer against a visible timer, then see a summary. Every grade
//! also goes to the scheduler. A widget may fix the categories or the
//! questions to draw from.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::category_picker::CategoryPicker;
use super::mock_run::MockRun;
use super::mock_summary::MockSummaryView;
use super::use_app;
use crate::deck;
use crate::embed::Happening;
use crate::progress::Grade;
use crate::session::{MockConfig, MockInterview, pick_mock};
use crate::ui::shell::use_shell;
use crate::ui::state::Action;
use crate::ui::web;

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

/// The setup form's values.
#[derive(Clone, PartialEq)]
struct Setup {
    categories: Vec<String>,
    count: String,
    minutes: String,
}

/// Reads a number field's value.
fn value_of(e: Event) -> String {
    e.target_dyn_into::<HtmlInputElement>()
        .map(|i| i.value())
        .unwrap_or_default()
}

/// The mock interview screen.
#[function_component(MockScreen)]
pub fn mock_screen(props: &MockScreenProps) -> Html {
    let state = use_app();
    let shell = use_shell();
    let setup = use_state(|| Setup {
        categories: vec![],
        count: "5".into(),
        minutes: "3".into(),
    });
    let interview = use_state(|| None::<MockInterview>);
    let error = use_state(|| None::<String>);
    let count_ref = use_node_ref();
    let minutes_ref = use_node_ref();

    let on_start = {
        let (state, setup, interview, error) = (state.clone(), setup.clone(), interview.clone(), error.clone());
        let (count_ref, minutes_ref) = (count_ref.clone(), minutes_ref.clone());
        let (fixed, pool) = (props.categories.clone(), props.pool.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            // Read the fields themselves: their change event may not have re-rendered yet.
            let read = |field: &NodeRef| field.cast::<HtmlInputElement>().map(|i| i.value()).unwrap_or_default();
            let count = read(&count_ref)
                .trim()
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=50).contains(n));
            let minutes = read(&minutes_ref)
                .trim()
                .parse::<f64>()
                .ok()
                .filter(|m| m.is_finite() && *m > 0.0 && *m <= 60.0);
            let (Some(count), Some(minutes)) = (count, minutes) else {
                error.set(Some(
                    "Choose 1 to 50 questions and between 0.1 and 60 minutes per question.".into(),
                ));
                return;
            };
            let now = web::now_ms();
            let config = MockConfig {
                categories: fixed.clone().unwrap_or_else(|| setup.categories.clone()),
                count,
                seconds_per_question: ((minutes * 60.0).round() as u32).max(1),
                seed: now as u64,
            };
            let ids = if pool.is_empty() {
                pick_mock(deck::questions(), &state.progress, &config)
            } else {
                // Every answered question, shuffled, then those of the pool.
                let every = MockConfig {
                    categories: Vec::new(),
                    count: deck::questions().len(),
                    ..config.clone()
                };
                let mut ids = pick_mock(deck::questions(), &state.progress, &every);
                ids.retain(|id| pool.contains(id));
                ids.truncate(count);
                ids
            };
            if ids.is_empty() {
                error.set(Some("There are no answered questions in these categories yet.".into()));
                return;
            }
            error.set(None);
            state.dispatch(Action::Announce(format!(
                "Mock interview started: {} questions",
                ids.len()
            )));
            interview.set(Some(MockInterview::start(ids, config, now)));
        })
    };
    let on_grade = {
        let (state, interview, shell) = (state.clone(), interview.clone(), shell.clone());
        Callback::from(move |grade: Grade| {
            let Some(mut running) = (*interview).clone() else {
                return;
            };
            let now = web::now_ms();
            if let Some(result) = running.record(grade, now) {
                state.dispatch(Action::Grade {
                    id: result.id.to_string(),
                    grade,
                    now_ms: now,
                });
                shell.tell(Happening::Graded {
                    question_id: result.id,
                    grade,
                    remaining: running.ids.len() - running.index,
                });
                if running.is_finished() {
                    shell.tell(Happening::SessionComplete {
                        seconds: Some(running.summary().total_seconds),
                    });
                }
                let said = if running.is_finished() {
                    format!("Graded {}. Interview finished.", grade.label())
                } else {
                    format!("Graded {}, next question", grade.label())
                };
                state.dispatch(Action::Announce(said));
            }
            interview.set(Some(running));
        })
    };
    let on_restart = {
        let interview = interview.clone();
        Callback::from(move |()| interview.set(None))
    };

    if let Some(running) = &*interview {
        return if running.is_finished() {
            html! { <MockSummaryView interview={running.clone()} on_restart={on_restart} /> }
        } else {
            html! { <MockRun key={running.index} interview={running.clone()} {on_grade} /> }
        };
    }

    let update = |apply: fn(&mut Setup, String)| {
        let setup = setup.clone();
        Callback::from(move |value: String| {
            let mut next = (*setup).clone();
            apply(&mut next, value);
            setup.set(next);
        })
    };
    let on_categories = {
        let setup = setup.clone();
        Callback::from(move |categories| {
            setup.set(Setup {
                categories,
                ..(*setup).clone()
            })
        })
    };
    html! {
        <>
            if !shell.compact { <h1>{ "Mock interview" }</h1> }
            <p>{ "Answer each question aloud or in the note field before the timer runs out, then grade yourself honestly. Grades count towards your reviews." }</p>
            <form class="mock-setup" onsubmit={on_start}>
                if props.categories.is_none() && props.pool.is_empty() {
                    <CategoryPicker legend="Categories (none ticked = all)" selected={setup.categories.clone()}
                        on_change={on_categories} testid="mock-category" />
                }
                <div class="field">
                    <label for="mock-count">{ "Number of questions" }</label>
                    <input ref={count_ref} id="mock-count" data-testid="mock-count" type="number" inputmode="numeric" min="1" max="50"
                        value={setup.count.clone()} onchange={update(|s, v| s.count = v).reform(value_of)} />
                </div>
                <div class="field">
                    <label for="mock-minutes">{ "Minutes per question" }</label>
                    <input ref={minutes_ref} id="mock-minutes" data-testid="mock-minutes" type="number" inputmode="decimal" min="0.1" max="60" step="any"
                        value={setup.minutes.clone()} onchange={update(|s, v| s.minutes = v).reform(value_of)} />
                </div>
                if let Some(message) = &*error { <p class="error-text" role="alert">{ message.clone() }</p> }
                <button type="submit" class="primary" data-testid="mock-start">{ "Start the interview" }</button>
            </form>
        </>
    }
}
