//! Home: categories with their progress, what is due today, the streak, and
//! one button that starts the right session.

use yew::prelude::*;

use super::use_app;
use crate::deck;
use crate::session::{self, NextStep, Scope};
use crate::stats;
use crate::ui::dom;
use crate::ui::route::Route;

/// Props of [`Home`].
#[derive(Properties, PartialEq)]
pub struct HomeProps {
    /// Browse one category (sets the browse filter, then navigates).
    pub on_browse_category: Callback<&'static str>,
}

/// The start screen.
#[function_component(Home)]
pub fn home(props: &HomeProps) -> Html {
    let state = use_app();
    let progress = &state.progress;
    let (now, tz) = (dom::now_ms(), dom::tz_offset_min());
    let questions = deck::questions();
    let due = stats::due_now(questions, progress, &Scope::default(), now);
    let streak = stats::streak(progress, now, tz);
    let all = session::PracticeScope::Daily(Scope::default());
    let soon: Vec<i64> = session::learning_soon(questions, progress, &all, now, session::RETURN_WITHIN_MS)
        .into_iter()
        .map(|(due, _)| due)
        .collect();
    let next = NextStep::of(questions, progress, now, tz);
    // A learner who never practised and set no new cards a day is told why
    // there is nothing to start, not "all done".
    let never_started = progress.questions.values().all(|q| q.reviews.is_empty());
    let limit_off = next == NextStep::Done && never_started && progress.settings.daily_new_limit == 0;
    let (label, target) = match next {
        _ if limit_off => (
            "No new cards today: the daily limit is 0. Change it in Settings".to_string(),
            Route::Settings,
        ),
        NextStep::Done => (next.label(), Route::Browse),
        _ => (next.label(), Route::Practice(vec![])),
    };
    let go = Callback::from(move |_: MouseEvent| dom::go(&target.href()));

    html! {
        <>
            <h1>{ "Python interview practice" }</h1>
            <section class="today" aria-labelledby="today-title">
                <h2 id="today-title">{ "Today" }</h2>
                <p class="today-figures">
                    <span><strong data-testid="due-today">{ due }</strong>{ format!(" {} due", plural(due, "card")) }</span>
                    if streak > 0 {
                        <span><strong data-testid="streak">{ streak }</strong>{ "-day streak" }</span>
                    }
                </p>
                if !soon.is_empty() {
                    <p data-testid="returning-soon">{ session::returning_summary(&soon, now) }</p>
                }
                <button type="button" class="primary" data-testid="continue" onclick={go}>{ label }</button>
            </section>
            <section aria-labelledby="categories-title">
                <h2 id="categories-title">{ "Categories" }</h2>
                <ul class="category-grid">
                    { for stats::mastery(questions, progress, now).into_iter().map(|m| {
                        let title = deck::category(m.category).map_or(m.category, |c| c.title);
                        html! {
                            <li class="category-card" data-testid="category-card" data-category={m.category}>
                                <h3>{ title }</h3>
                                <CategoryBar mastered={m.mastered} learning={m.learning + m.due} total={m.total} />
                                <p class="counts">
                                    <span><strong data-testid="count-new">{ m.new }</strong>{ " new" }</span>
                                    <span><strong data-testid="count-learning">{ m.learning + m.due }</strong>{ " learning" }</span>
                                    <span><strong data-testid="count-mastered">{ m.mastered }</strong>{ " mastered" }</span>
                                </p>
                                <p class="card-links">
                                    <a href={Route::Practice(vec![m.category.to_string()]).href()}
                                        aria-label={format!("Practise {title}")}>{ "Practise" }</a>
                                    <a href="#/browse" aria-label={format!("Browse {title}")}
                                        onclick={props.on_browse_category.reform(move |_: MouseEvent| m.category)}>{ "Browse" }</a>
                                </p>
                            </li>
                        }
                    }) }
                </ul>
            </section>
        </>
    }
}

/// Share of `n` in `total` as a CSS width.
fn width(n: u32, total: u32) -> String {
    // Tenths of a percent in integers (no float formatting in the wasm).
    let tenths = u64::from(n.min(total)) * 1000 / u64::from(total.max(1));
    format!("{}.{}%", tenths / 10, tenths % 10)
}

/// Props of [`CategoryBar`].
#[derive(Properties, PartialEq)]
struct CategoryBarProps {
    mastered: u32,
    learning: u32,
    total: u32,
}

/// A category's progress: mastered, then learning, the rest new.
#[function_component(CategoryBar)]
fn category_bar(props: &CategoryBarProps) -> Html {
    let new = props.total.saturating_sub(props.mastered + props.learning);
    let label = format!(
        "{} mastered, {} learning, {new} new, of {}",
        props.mastered, props.learning, props.total
    );
    html! {
        // An SVG with attribute widths: the CSP allows no inline styles.
        <svg class="category-bar" role="img" aria-label={label.clone()} data-testid="category-bar"
            data-mastered={props.mastered.to_string()} data-learning={props.learning.to_string()}>
            <title>{ label }</title>
            <rect class="all" x="0" y="0" width="100%" height="100%" />
            <rect class="mastered" x="0" y="0" width={width(props.mastered, props.total)} height="100%" />
            <rect class="learning" x={width(props.mastered, props.total)} y="0"
                width={width(props.learning, props.total)} height="100%" />
        </svg>
    }
}

/// `word` with an `s` unless `n` is 1.
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 { word.to_string() } else { format!("{word}s") }
}
