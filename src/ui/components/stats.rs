//! Stats: mastery per category, reviews per day over twelve weeks, streak,
//! and cards due in the next seven days.

use yew::prelude::*;

use super::chart::ReviewChart;
use super::use_app;
use crate::deck;
use crate::stats;
use crate::ui::dom;

/// Days drawn in the chart: twelve weeks.
const CHART_DAYS: usize = 84;

/// The stats screen.
#[function_component(StatsScreen)]
pub fn stats_screen() -> Html {
    let state = use_app();
    let progress = &state.progress;
    let (now, tz) = (dom::now_ms(), dom::tz_offset_min());
    let mastery = stats::mastery(deck::questions(), progress, now);
    let per_day = stats::reviews_per_day(progress, now, tz, CHART_DAYS);
    let streak = stats::streak(progress, now, tz);
    let due = stats::due_next_days(progress, now, tz, 7);
    let due_total: u32 = due.iter().sum();
    let day_name = |i: usize| match i {
        0 => "Today".to_string(),
        1 => "Tomorrow".to_string(),
        n => format!("In {n} days"),
    };
    html! {
        <>
            <h1>{ "Your progress" }</h1>
            <p class="big-figure">
                <strong data-testid="stats-streak">{ streak }</strong>{ "-day streak" }
            </p>
            <section aria-labelledby="mastery-title">
                <h2 id="mastery-title">{ "Mastery by category" }</h2>
                <div class="table-wrap">
                    <table data-testid="stats-mastery">
                        <thead>
                            <tr>
                                <th scope="col">{ "Category" }</th>
                                <th scope="col">{ "New" }</th>
                                <th scope="col">{ "Learning" }</th>
                                <th scope="col">{ "Due" }</th>
                                <th scope="col">{ "Mastered" }</th>
                            </tr>
                        </thead>
                        <tbody>
                            { for mastery.iter().map(|m| html! {
                                <tr data-category={m.category}>
                                    <th scope="row">{ deck::category(m.category).map_or(m.category, |c| c.title) }</th>
                                    <td>{ m.new }</td>
                                    <td>{ m.learning }</td>
                                    <td>{ m.due }</td>
                                    <td>{ format!("{}/{}", m.mastered, m.total) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            </section>
            <section aria-labelledby="reviews-title">
                <h2 id="reviews-title">{ "Reviews per day" }</h2>
                <ReviewChart {per_day} />
            </section>
            <section aria-labelledby="due-title">
                <h2 id="due-title">{ "Due in the next 7 days" }</h2>
                <p><strong>{ due_total }</strong>{ " cards in total" }</p>
                <ol class="due-week" data-testid="stats-due-week">
                    { for due.iter().enumerate().map(|(i, n)| html! {
                        <li><span>{ day_name(i) }</span><strong>{ *n }</strong></li>
                    }) }
                </ol>
            </section>
        </>
    }
}
