//! Custom study: practise the bookmarked cards, a tag, a search result or a
//! category mix; learn N more new cards today; review the cards due in the
//! next days. The queues come from [`session::study_queue`]; today's extra
//! new cards are a display preference kept for the day ([`ExtraNew`]).

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::category_picker::CategoryPicker;
use super::practice::Practice;
use super::use_app;
use crate::deck;
use crate::progress::local_day;
use crate::session::{self, ExtraNew, Filter, MAX_AHEAD_DAYS, PracticeScope, Study, all_tags};
use crate::store;
use crate::ui::dom;
use crate::ui::route::{Route, browse_href};
use crate::ui::shell::use_shell;

/// The display preference holding today's extra new cards.
const EXTRA_NEW_PREF: &str = "extra-new";
/// The most extra new cards one click asks for.
const MAX_MORE: u32 = 100;

fn today() -> i64 {
    local_day(dom::now_ms(), dom::tz_offset_min())
}

/// The extra new cards allowed today ("learn N more new cards today").
pub fn extra_new_today() -> u32 {
    ExtraNew::on(store::ui_pref(EXTRA_NEW_PREF).as_deref(), today())
}

/// Raises today's allowance by `more` cards; returns the raise in all.
fn add_extra_new(more: u32) -> u32 {
    let raised = ExtraNew::raised(store::ui_pref(EXTRA_NEW_PREF).as_deref(), today(), more);
    store::set_ui_pref(EXTRA_NEW_PREF, &raised.encode());
    raised.count
}

/// The value of a number input, when it is a whole number in `range`.
fn number_in(value: &str, range: std::ops::RangeInclusive<u32>) -> Option<u32> {
    value.trim().parse::<u32>().ok().filter(|n| range.contains(n))
}

fn input_value(e: InputEvent) -> String {
    e.target_dyn_into::<HtmlInputElement>()
        .map(|i| i.value())
        .unwrap_or_default()
}

/// The custom study screen.
#[function_component(StudyScreen)]
pub fn study_screen() -> Html {
    let state = use_app();
    let shell = use_shell();
    let now = dom::now_ms();
    let questions = deck::questions();
    let count = |study: &Study| session::study_queue(questions, &state.progress, study, now).len();
    let tags = all_tags(questions.iter());
    let tag = use_state(|| tags.first().map(|t| t.to_string()).unwrap_or_default());
    let mix = use_state(Vec::<String>::new);
    let search = use_state(String::new);
    let more = use_state(|| "5".to_string());
    let days = use_state(|| "1".to_string());
    let extra = use_state(extra_new_today);

    let go = |route: Route| {
        let shell = shell.clone();
        Callback::from(move |_: MouseEvent| shell.go(route.clone()))
    };
    let bookmarked = count(&Study::Bookmarked);
    let tag_study = Study::Tag((*tag).clone());
    let tagged = count(&tag_study);
    let on_tag = {
        let tag = tag.clone();
        Callback::from(move |e: Event| {
            if let Some(s) = e.target_dyn_into::<HtmlSelectElement>() {
                tag.set(s.value());
            }
        })
    };
    let on_search = {
        let search = search.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let filter = Filter {
                query: (*search).trim().to_string(),
                ..Filter::default()
            };
            dom::go(&browse_href(&filter));
        })
    };
    let more_n = number_in(&more, 1..=MAX_MORE);
    let on_more = {
        let (extra, shell) = (extra.clone(), shell.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(n) = more_n {
                extra.set(add_extra_new(n));
                shell.go(Route::Practice(Vec::new()));
            }
        })
    };
    let days_n = number_in(&days, 1..=MAX_AHEAD_DAYS);
    let ahead = days_n.map(|d| count(&Study::Ahead(d)));
    let limit = state.progress.settings.daily_new_limit;

    html! {
        <section class="custom-study" data-testid="custom-study">
            <h1>{ "Custom study" }</h1>
            <p class="muted">{ "Study outside the daily queue. Grades count as usual." }</p>

            <div class="study-option">
                <h2>{ "Bookmarked cards" }</h2>
                <p data-testid="study-bookmarked-count">{ cards(bookmarked) }</p>
                <button type="button" class="primary" data-testid="study-bookmarked" disabled={bookmarked == 0}
                    onclick={go(Route::Custom(Study::Bookmarked))}>{ "Practise bookmarked" }</button>
            </div>

            <div class="study-option">
                <h2><label for="study-tag">{ "A tag" }</label></h2>
                <div class="study-row">
                    <select id="study-tag" data-testid="study-tag-select" onchange={on_tag}>
                        { for tags.iter().map(|t| html! { <option value={*t} selected={*t == tag.as_str()}>{ *t }</option> }) }
                    </select>
                    <button type="button" class="primary" data-testid="study-tag" disabled={tagged == 0}
                        onclick={go(Route::Custom(tag_study.clone()))}>{ format!("Practise {}", cards(tagged)) }</button>
                </div>
            </div>

            <form class="study-option" onsubmit={on_search}>
                <h2><label for="study-search">{ "A search" }</label></h2>
                <p class="muted">{ "Search in Browse, then press \u{201c}Practise these\u{201d}." }</p>
                <div class="study-row">
                    <input id="study-search" type="search" data-testid="study-search" value={(*search).clone()}
                        oninput={search.setter().to_callback().reform(input_value)} />
                    <button type="submit">{ "Search" }</button>
                </div>
            </form>

            <div class="study-option">
                <h2>{ "A category mix" }</h2>
                <CategoryPicker legend="Categories" selected={(*mix).clone()} on_change={mix.setter().to_callback()} testid="study-category" />
                <button type="button" class="primary" data-testid="study-mix" disabled={mix.is_empty()}
                    onclick={go(Route::Practice((*mix).clone()))}>{ "Practise these categories" }</button>
            </div>

            <div class="study-option">
                <h2><label for="study-more">{ "Learn more new cards today" }</label></h2>
                <p data-testid="study-allowance">
                    { format!("Today's new cards: {limit} a day") }
                    if *extra > 0 { { format!(" + {} extra today", *extra) } }
                    { ". The daily setting stays as it is." }
                </p>
                <div class="study-row">
                    <input id="study-more" type="number" inputmode="numeric" min="1" max={MAX_MORE.to_string()}
                        class="narrow" data-testid="study-more-count" value={(*more).clone()}
                        aria-invalid={more_n.is_none().to_string()} oninput={more.setter().to_callback().reform(input_value)} />
                    <button type="button" class="primary" data-testid="study-more" disabled={more_n.is_none()} onclick={on_more}>
                        { format!("Learn {} more", more_n.map_or("N".to_string(), |n| n.to_string())) }
                    </button>
                </div>
                if more_n.is_none() {
                    <p class="field-error" role="alert">{ format!("Enter a whole number from 1 to {MAX_MORE}.") }</p>
                }
            </div>

            <div class="study-option">
                <h2><label for="study-days">{ "Review ahead" }</label></h2>
                <p>{ "Cards not due yet that fall due within this many days." }</p>
                <div class="study-row">
                    <input id="study-days" type="number" inputmode="numeric" min="1" max={MAX_AHEAD_DAYS.to_string()}
                        class="narrow" data-testid="study-ahead-days" value={(*days).clone()}
                        aria-invalid={days_n.is_none().to_string()} oninput={days.setter().to_callback().reform(input_value)} />
                    <button type="button" class="primary" data-testid="study-ahead" disabled={ahead.is_none_or(|n| n == 0)}
                        onclick={go(Route::Custom(Study::Ahead(days_n.unwrap_or(1))))}>
                        { format!("Review {}", cards(ahead.unwrap_or(0))) }
                    </button>
                </div>
                if days_n.is_none() {
                    <p class="field-error" role="alert">{ format!("Enter a whole number of days from 1 to {MAX_AHEAD_DAYS}.") }</p>
                }
            </div>
        </section>
    }
}

fn cards(n: usize) -> String {
    if n == 1 {
        "1 card".to_string()
    } else {
        format!("{n} cards")
    }
}

/// Props of [`CustomPractice`].
#[derive(Properties, PartialEq)]
pub struct CustomPracticeProps {
    pub study: Study,
}

/// A custom study session: its queue is chosen once, when it starts.
#[function_component(CustomPractice)]
pub fn custom_practice(props: &CustomPracticeProps) -> Html {
    let state = use_app();
    let shell = use_shell();
    let started = *use_memo(props.study.clone(), |_| dom::now_ms());
    let ids = use_memo(props.study.clone(), |study| {
        session::study_queue(deck::questions(), &state.progress, study, started)
    });
    let back = Route::Study;
    if ids.is_empty() {
        return html! {
            <section class="done" data-testid="study-empty">
                <h1>{ props.study.label() }</h1>
                <p>{ "There is nothing to study here." }</p>
                if !shell.embedded {
                    <p><a href={back.href()}>{ "Choose another custom study" }</a></p>
                }
            </section>
        };
    }
    html! {
        <>
            <p class="study-label" data-testid="study-label">
                { format!("Custom study: {} ({})", props.study.label(), cards(ids.len())) }
            </p>
            <Practice scope={PracticeScope::Custom { ids: (*ids).clone(), since_ms: started }} />
        </>
    }
}
