//! The end of a mock interview: grades, time used, what to review.

use yew::prelude::*;

use crate::deck;
use crate::progress::Grade;
use crate::session::MockInterview;
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

/// The summary of a finished interview.
#[function_component(MockSummaryView)]
pub fn mock_summary_view(props: &MockSummaryViewProps) -> Html {
    let shell = use_shell();
    let summary = props.interview.summary();
    let results = &props.interview.results;
    let restart = props.on_restart.reform(|_: MouseEvent| ());
    html! {
        <section data-testid="mock-summary" aria-labelledby="summary-title">
            <h1 id="summary-title">{ "Interview summary" }</h1>
            <dl class="summary-figures">
                { for Grade::ALL.iter().map(|&g| html! {
                    <div><dt>{ g.label() }</dt><dd data-grade={g.label().to_lowercase()}>{ summary.count(g) }</dd></div>
                }) }
                <div><dt>{ "Time used" }</dt><dd>{ duration(summary.total_seconds) }</dd></div>
                <div><dt>{ "Average per question" }</dt><dd>{ duration(summary.average_seconds) }</dd></div>
                <div><dt>{ "Ran out of time" }</dt><dd>{ summary.timed_out }</dd></div>
            </dl>
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
            <button type="button" class="primary" onclick={restart}>{ "Start another interview" }</button>
        </section>
    }
}
