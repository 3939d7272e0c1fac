//! The end of a mock interview: grades, time used, what to review, and
//! each answer typed beside the model's short answer.

use yew::prelude::*;

use crate::deck;
use crate::progress::Grade;
use crate::session::MockInterview;
use crate::ui::answers::{self, Lookup};
use crate::ui::route::Route;
use crate::ui::shell::use_shell;

/// Props of [`MockSummaryView`].
#[derive(Properties, PartialEq)]
pub struct MockSummaryViewProps {
    pub interview: MockInterview,
    pub on_restart: Callback<()>,
}

/// `N min S s`.
fn duration(seconds: u32) -> String {
    match (seconds / 60, seconds % 60) {
        (0, s) => format!("{s} s"),
        (m, s) => format!("{m} min {s} s"),
    }
}

/// The model's short answer of `id`, as far as it has loaded.
fn model_short(id: &str) -> Html {
    match answers::lookup(id) {
        Lookup::Ready(answer) => Html::from_html_unchecked(AttrValue::from(answer.short.clone())),
        Lookup::Loading => html! { <p class="muted">{ "Loading…" }</p> },
        Lookup::Failed(why) => html! { <p class="error-text">{ format!("Not available: {why}.") }</p> },
    }
}

/// The summary of a finished interview.
#[function_component(MockSummaryView)]
pub fn mock_summary_view(props: &MockSummaryViewProps) -> Html {
    let shell = use_shell();
    let _answers = answers::use_answers();
    let interview = &props.interview;
    let summary = interview.summary();
    let results = &interview.results;
    let restart = props.on_restart.reform(|_: MouseEvent| ());
    html! {
        <section data-testid="mock-summary" aria-labelledby="summary-title">
            <h1 id="summary-title">{ "Interview summary" }</h1>
            <p data-testid="mock-answered">{
                if summary.answered < summary.planned {
                    format!("Ended early: you answered {} of {} questions.", summary.answered, summary.planned)
                } else {
                    format!("You answered all {} of {} questions.", summary.answered, summary.planned)
                }
            }</p>
            <dl class="summary-figures">
                { for Grade::ALL.iter().map(|&g| html! {
                    <div><dt>{ g.label() }</dt><dd data-grade={g.label().to_lowercase()}>{ summary.count(g) }</dd></div>
                }) }
                <div><dt>{ "Time used" }</dt><dd>{ duration(summary.total_seconds) }</dd></div>
                <div><dt>{ "Average per question" }</dt><dd>{ duration(summary.average_seconds) }</dd></div>
                <div><dt>{ "Ran out of time" }</dt><dd>{ summary.timed_out }</dd></div>
            </dl>
            <p class="muted">{ "Time counts up to the reveal: reading the model answer is not answering time." }</p>
            <h2>{ "To review" }</h2>
            if summary.to_review.is_empty() {
                <p>{ "Nothing: every answer was graded Good or Easy in time." }</p>
            } else {
                <ul class="review-list">
                    { for summary.to_review.iter().filter_map(|id| deck::question(id)).map(|q| {
                        let result = results.iter().find(|r| r.id == q.id);
                        let why = match result {
                            Some(r) if r.timed_out => format!("{}, out of time", r.grade.label()),
                            Some(r) => r.grade.label().to_string(),
                            None => String::new(),
                        };
                        let route = Route::Question(q.id.to_string());
                        html! {
                            <li data-testid="mock-review-item" data-id={q.id}>
                                <a href={route.href()} onclick={shell.link(route.clone())}>{ super::title::title_html(q.text, &[]) }</a>
                                { format!(" ({why})") }
                            </li>
                        }
                    }) }
                </ul>
            }
            if !results.is_empty() {
                <h2>{ "Your answers and the model answers" }</h2>
                <ol class="mock-answers">
                    { for results.iter().filter_map(|r| deck::question(r.id).map(|q| (r, q))).map(|(r, q)| html! {
                        <li data-testid="mock-summary-item" data-id={q.id}>
                            <h3>{ super::title::title_html(q.text, &[]) }</h3>
                            <p class="muted">{ format!("{}, {}", r.grade.label(), duration(r.seconds_used)) }</p>
                            <div class="side-by-side">
                                <section data-testid="mock-your-answer" aria-label="Your answer">
                                    <h4>{ "Your answer" }</h4>
                                    { match interview.attempt_of(q.id) {
                                        Some(text) => html! { <p class="attempt-text">{ text.to_string() }</p> },
                                        None => html! { <p class="muted">{ "Nothing typed (answered aloud)." }</p> },
                                    } }
                                </section>
                                <section data-testid="mock-model-answer" aria-label="Model answer">
                                    <h4>{ "Model answer" }</h4>
                                    { model_short(q.id) }
                                </section>
                            </div>
                        </li>
                    }) }
                </ol>
            }
            <button type="button" class="primary" data-testid="mock-again" onclick={restart}>{ "Start another interview" }</button>
        </section>
    }
}
