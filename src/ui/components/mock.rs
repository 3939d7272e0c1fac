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
use crate::session::{MOCK_MAX_MINUTES, MOCK_MAX_QUESTIONS, MockConfig, MockInterview, MockSetup, pick_mock};
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

/// The mock interview screen.
#[function_component(MockScreen)]
pub fn mock_screen(props: &MockScreenProps) -> Html {
    let state = use_app();
    let shell = use_shell();
    let announce = use_announce();
    let setup = use_state(|| Setup { categories: vec![] });
    let interview = use_state(|| None::<MockInterview>);
    let error = use_state(|| None::<String>);
    let count_ref = use_node_ref();
    let minutes_ref = use_node_ref();

    let on_start = {
        let (state, setup, interview, error) = (state.clone(), setup.clone(), interview.clone(), error.clone());
        let (count_ref, minutes_ref, announce) = (count_ref.clone(), minutes_ref.clone(), announce.clone());
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
            announce.emit(format!("Mock interview started: {} questions", ids.len()));
            interview.set(Some(MockInterview::start(ids, config, now)));
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
                    shell.tell(Happening::SessionComplete {
                        seconds: Some(running.summary().total_seconds),
                    });
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

    let on_categories = {
        let setup = setup.clone();
        Callback::from(move |categories| setup.set(Setup { categories }))
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
        </>
    }
}
