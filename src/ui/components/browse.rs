//! Browse: every question, filtered by category, difficulty, tag and status,
//! with instant search over question and answer text. A widget may limit
//! the list to the questions in its scope.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::use_app;
use crate::deck::{self, Difficulty, Question};
use crate::progress::{Progress, Status};
use crate::session::{Filter, SearchIndex, StatusFilter, all_tags};
use crate::ui::route::Route;
use crate::ui::shell::use_shell;
use crate::ui::web;

/// The browse filters as the form holds them (empty string = any).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BrowseFilter {
    pub category: String,
    pub difficulty: String,
    pub tag: String,
    pub status: String,
    pub query: String,
    /// Only these questions (empty = the whole deck); not part of the form.
    pub within: Vec<&'static str>,
}

impl BrowseFilter {
    fn to_filter(&self) -> Filter {
        let some = |s: &String| (!s.is_empty()).then(|| s.clone());
        Filter {
            category: some(&self.category),
            difficulty: match self.difficulty.as_str() {
                "easy" => Some(Difficulty::Easy),
                "medium" => Some(Difficulty::Medium),
                "hard" => Some(Difficulty::Hard),
                _ => None,
            },
            tag: some(&self.tag),
            status: match self.status.as_str() {
                "new" => Some(StatusFilter::New),
                "due" => Some(StatusFilter::Due),
                "learning" => Some(StatusFilter::Learning),
                "mastered" => Some(StatusFilter::Mastered),
                "bookmarked" => Some(StatusFilter::Bookmarked),
                _ => None,
            },
            query: self.query.clone(),
        }
    }

    /// The questions passing these filters, in deck order.
    pub fn questions(&self, progress: &Progress, now_ms: i64) -> Vec<&'static Question> {
        let mut found = SearchIndex::deck().browse(progress, &self.to_filter(), now_ms);
        if !self.within.is_empty() {
            found.retain(|q| self.within.contains(&q.id));
        }
        found
    }

    /// The ids passing these filters (the order J/K walk on a question).
    pub fn results(&self, progress: &Progress, now_ms: i64) -> Vec<&'static str> {
        self.questions(progress, now_ms).into_iter().map(|q| q.id).collect()
    }
}

/// Props of [`Browse`].
#[derive(Properties, PartialEq)]
pub struct BrowseProps {
    pub filter: BrowseFilter,
    pub on_filter: Callback<BrowseFilter>,
}

/// A labelled select of the filter form.
fn select(
    id: &'static str,
    label: &'static str,
    value: &str,
    options: Vec<(String, String)>,
    on_change: Callback<String>,
) -> Html {
    let onchange = on_change.reform(|e: Event| {
        e.target_dyn_into::<HtmlSelectElement>()
            .map(|s| s.value())
            .unwrap_or_default()
    });
    html! {
        <div class="field">
            <label for={id}>{ label }</label>
            <select id={id} data-testid={id} {onchange}>
                <option value="" selected={value.is_empty()}>{ "Any" }</option>
                { for options.into_iter().map(|(v, text)| html! {
                    <option selected={v == value} value={v.clone()}>{ text }</option>
                }) }
            </select>
        </div>
    }
}

/// The browse screen.
#[function_component(Browse)]
pub fn browse(props: &BrowseProps) -> Html {
    let state = use_app();
    let shell = use_shell();
    let now = web::now_ms();
    let results = props.filter.questions(&state.progress, now);
    let update = |apply: fn(&mut BrowseFilter, String)| {
        let filter = props.filter.clone();
        let on_filter = props.on_filter.clone();
        Callback::from(move |value: String| {
            let mut next = filter.clone();
            apply(&mut next, value);
            on_filter.emit(next);
        })
    };
    let on_search = update(|f, v| f.query = v).reform(|e: InputEvent| {
        e.target_dyn_into::<HtmlInputElement>()
            .map(|i| i.value())
            .unwrap_or_default()
    });
    let pairs = |items: Vec<(&str, &str)>| {
        items
            .into_iter()
            .map(|(v, t)| (v.to_string(), t.to_string()))
            .collect::<Vec<_>>()
    };
    let within = &props.filter.within;
    let in_scope = |category: &str| {
        within.is_empty()
            || within
                .iter()
                .any(|id| deck::question(id).is_some_and(|q| q.category == category))
    };
    let categories = pairs(
        deck::categories()
            .iter()
            .filter(|c| in_scope(c.id))
            .map(|c| (c.id, c.title))
            .collect(),
    );
    let one_category = categories.len() == 1;
    let difficulties = pairs(vec![("easy", "Easy"), ("medium", "Medium"), ("hard", "Hard")]);
    let tags = pairs(all_tags(deck::questions()).into_iter().map(|t| (t, t)).collect());
    let statuses = pairs(vec![
        ("new", "New"),
        ("due", "Due"),
        ("learning", "Learning"),
        ("mastered", "Mastered"),
        ("bookmarked", "Bookmarked"),
    ]);
    let count = results.len();

    html! {
        <>
            if !shell.compact { <h1>{ "Browse questions" }</h1> }
            <form class="filters" role="search" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <div class="field search-field">
                    <label for="search">{ "Search questions and answers" }</label>
                    <input id="search" type="search" data-testid="search" autocomplete="off"
                        value={props.filter.query.clone()} oninput={on_search} />
                </div>
                if !one_category {
                    { select("filter-category", "Category", &props.filter.category, categories, update(|f, v| f.category = v)) }
                }
                { select("filter-difficulty", "Difficulty", &props.filter.difficulty, difficulties, update(|f, v| f.difficulty = v)) }
                { select("filter-tag", "Tag", &props.filter.tag, tags, update(|f, v| f.tag = v)) }
                { select("filter-status", "Status", &props.filter.status, statuses, update(|f, v| f.status = v)) }
            </form>
            <p data-testid="result-count" aria-live="polite">
                { format!("{count} {}", if count == 1 { "question" } else { "questions" }) }
            </p>
            <ul class="results">
                { for results.into_iter().map(|q| {
                    let status = state.progress.status(q.id, now);
                    let bookmarked = state.progress.get(q.id).is_some_and(|p| p.bookmarked);
                    let target = Route::Question(q.id.to_string());
                    html! {
                        <li class="result">
                            <a href={target.href()} onclick={shell.link(target.clone())} data-testid="question-link" data-id={q.id}>
                                { q.text }
                            </a>
                            <span class="meta">
                                <span class={classes!("badge", q.difficulty.as_str())}>{ q.difficulty.as_str() }</span>
                                if status != Status::New {
                                    <span class="badge status">{ status.as_str() }</span>
                                }
                                if bookmarked { <span class="badge">{ "bookmarked" }</span> }
                                if q.answer.is_none() { <span class="badge">{ "answer coming soon" }</span> }
                            </span>
                        </li>
                    }
                }) }
            </ul>
        </>
    }
}
