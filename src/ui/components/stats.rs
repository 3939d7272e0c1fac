//! Stats: retention, time spent and streak; mastery and retention per
//! category; a calendar heatmap of reviews over twelve weeks; the hardest
//! cards; cards due in the next seven days. A learner with no reviews yet
//! gets a friendly start instead of a page of zeros.

use yew::prelude::*;

use super::chart::Heatmap;
use super::use_app;
use crate::deck;
use crate::progress::Status;
use crate::stats;
use crate::ui::dom;
use crate::ui::route::Route;
use crate::ui::shell::use_shell;

/// Weeks drawn in the heatmap.
const HEATMAP_WEEKS: usize = 12;
/// Cards listed as hardest.
const HARDEST: usize = 5;

/// `about N min` (or hours and minutes) for a time in ms.
fn about(ms: i64) -> String {
    let minutes = (ms + 30_000) / 60_000;
    match (minutes / 60, minutes % 60) {
        (0, 0) => "under a minute".into(),
        (0, m) => format!("about {m} min"),
        (h, m) => format!("about {h} h {m} min"),
    }
}

fn percent(p: Option<u32>) -> String {
    p.map_or_else(|| "–".into(), |p| format!("{p}%"))
}

/// The stats screen.
#[function_component(StatsScreen)]
pub fn stats_screen() -> Html {
    let state = use_app();
    let shell = use_shell();
    let progress = &state.progress;
    let questions = deck::questions();
    let (now, tz) = (dom::now_ms(), dom::tz_offset_min());
    let mastery = stats::mastery(questions, progress, now);
    let (retention, overall) = stats::retention(questions, progress);
    let days = stats::heatmap(progress, now, tz, HEATMAP_WEEKS);
    let streak = stats::streak(progress, now, tz);
    let hardest = stats::hardest(questions, progress, HARDEST);
    let due = stats::due_next_days(progress, now, tz, 7);
    let due_total: u32 = due.iter().sum();
    let day_name = |i: usize| match i {
        0 => "Today".to_string(),
        1 => "Tomorrow".to_string(),
        n => format!("In {n} days"),
    };
    let mastered_help = html! {
        <p class="help" data-testid="mastered-help">{ format!(
            "Mastered means you recall a card so well that the scheduler expects you to remember it for {} days or more (FSRS stability), and it is not due.",
            Status::MASTERED_STABILITY_DAYS
        ) }</p>
    };
    if overall.reviews == 0 {
        let start = Route::Practice(vec![]);
        return html! {
            <>
                <h1>{ "Your progress" }</h1>
                <section class="empty-state" data-testid="stats-empty">
                    <p>{ "Nothing here yet, and that is fine: every card you grade starts filling this page." }</p>
                    <p>{ "After a first session you will see how much you remember per category, a calendar of the days you practised, which cards are hardest and when cards come back." }</p>
                    <a class="button primary" href={start.href()} onclick={shell.link(start.clone())}>{ "Start: learn your first cards" }</a>
                </section>
                { mastered_help }
            </>
        };
    }
    html! {
        <>
            <h1>{ "Your progress" }</h1>
            <dl class="summary-figures stats-figures">
                <div><dt>{ "Remembered" }</dt><dd data-testid="stats-retention">{ percent(overall.percent()) }</dd></div>
                <div><dt>{ "Reviews" }</dt><dd data-testid="stats-reviews">{ overall.reviews }</dd></div>
                <div><dt>{ "Time spent" }</dt><dd data-testid="stats-time">{ about(stats::time_spent_ms(progress)) }</dd></div>
                <div><dt>{ "Streak" }</dt><dd data-testid="stats-streak">{ match streak { 1 => "1 day".to_string(), n => format!("{n} days") } }</dd></div>
            </dl>
            <p class="help">{ "Remembered: the share of reviews not graded Again. Time spent is estimated from when you graded (pauses over 5 minutes are left out)." }</p>
            <section aria-labelledby="mastery-title">
                <h2 id="mastery-title">{ "By category" }</h2>
                { mastered_help }
                <div class="table-wrap">
                    <table class="mastery" role="table" data-testid="stats-mastery">
                        <thead role="rowgroup">
                            <tr role="row">
                                <th scope="col" role="columnheader">{ "Category" }</th>
                                <th scope="col" role="columnheader">{ "New" }</th>
                                <th scope="col" role="columnheader">{ "Learning" }</th>
                                <th scope="col" role="columnheader">{ "Due" }</th>
                                <th scope="col" role="columnheader">{ "Mastered" }</th>
                                <th scope="col" role="columnheader">{ "Remembered" }</th>
                            </tr>
                        </thead>
                        <tbody role="rowgroup">
                            { for mastery.iter().map(|m| {
                                let kept = retention.iter().find(|(c, _)| *c == m.category).and_then(|(_, r)| r.percent());
                                html! {
                                    <tr role="row" data-category={m.category}>
                                        <th scope="row" role="rowheader">{ deck::category(m.category).map_or(m.category, |c| c.title) }</th>
                                        <td role="cell" data-label="New">{ m.new }</td>
                                        <td role="cell" data-label="Learning">{ m.learning }</td>
                                        <td role="cell" data-label="Due">{ m.due }</td>
                                        <td role="cell" data-label="Mastered">{ format!("{}/{}", m.mastered, m.total) }</td>
                                        <td role="cell" data-label="Remembered" data-testid="stats-category-retention">{ percent(kept) }</td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                </div>
            </section>
            <section aria-labelledby="reviews-title">
                <h2 id="reviews-title">{ "Days you practised" }</h2>
                <div class="heatmap-scroll"><Heatmap {days} /></div>
            </section>
            <section aria-labelledby="hardest-title">
                <h2 id="hardest-title">{ "Hardest cards" }</h2>
                if hardest.is_empty() {
                    <p data-testid="stats-hardest-empty">{ "None yet: no card has been graded Again. Cards you forget will be listed here." }</p>
                } else {
                    <ol class="review-list" data-testid="stats-hardest">
                        { for hardest.iter().filter_map(|h| deck::question(h.id).map(|q| (h, q))).map(|(h, q)| {
                            let route = Route::Question(q.id.to_string());
                            html! {
                                <li data-testid="stats-hardest-item" data-id={q.id}>
                                    <a href={route.href()} onclick={shell.link(route.clone())}>{ super::title::title_html(q.text, &[]) }</a>
                                    { format!(" ({} forgotten after learning, {} graded Again)", h.lapses, h.again) }
                                </li>
                            }
                        }) }
                    </ol>
                }
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
