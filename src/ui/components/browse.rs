//! Browse: every question, filtered by category, difficulty, tag and status,
//! with instant search over question and answer text. A widget limits the
//! list (and the categories and tags offered) to the questions in its scope.
//! The filter is [`session::Filter`]; which questions fit it is decided there.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::use_app;
use crate::deck::{self, Difficulty, Question};
use crate::progress::Status;
use crate::session::{Filter, StatusFilter, all_tags};
use crate::ui::dom;
use crate::ui::route::Route;
use crate::ui::shell::use_shell;

/// Props of [`Browse`].
#[derive(Properties, PartialEq)]
pub struct BrowseProps {
    pub filter: Filter,
    pub on_filter: Callback<Filter>,
}

/// A labelled select of the filter form.
fn select(
    id: &'static str,
    label: &'static str,
    value: &str,
    options: Vec<(&'static str, &'static str)>,
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
                    <option selected={v == value} value={v}>{ text }</option>
                }) }
            </select>
        </div>
    }
}

/// The questions a filter's scope allows (the whole deck when unscoped).
fn in_scope(filter: &Filter) -> Vec<&'static Question> {
    deck::questions()
        .iter()
        .filter(|q| filter.within.is_empty() || filter.within.contains(&q.id))
        .collect()
}

/// The browse screen.
#[function_component(Browse)]
pub fn browse(props: &BrowseProps) -> Html {
    let state = use_app();
    let _answers = crate::ui::answers::use_answers();
    let shell = use_shell();
    let now = dom::now_ms();
    let filter = &props.filter;
    let results = crate::ui::answers::search_index().browse(&state.progress, filter, now);
    let update = |apply: fn(&mut Filter, String)| {
        let (filter, on_filter) = (filter.clone(), props.on_filter.clone());
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
    let scoped = in_scope(filter);
    let categories: Vec<(&str, &str)> = deck::categories()
        .iter()
        .filter(|c| scoped.iter().any(|q| q.category == c.id))
        .map(|c| (c.id, c.title))
        .collect();
    let one_category = categories.len() == 1;
    let difficulties = vec![("easy", "Easy"), ("medium", "Medium"), ("hard", "Hard")];
    let tags: Vec<(&str, &str)> = all_tags(scoped.iter().copied()).into_iter().map(|t| (t, t)).collect();
    let statuses: Vec<(&str, &str)> = StatusFilter::ALL.iter().map(|s| (s.as_str(), s.label())).collect();
    let count = results.len();
    let clear = {
        let (filter, on_filter) = (filter.clone(), props.on_filter.clone());
        Callback::from(move |_: MouseEvent| on_filter.emit(filter.cleared()))
    };

    html! {
        <>
            if !shell.compact { <h1>{ "Browse questions" }</h1> }
            if !shell.embedded { { super::code_list::code_tabs(false, false) } }
            <form class="filters" role="search" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                <div class="field search-field">
                    <label for="search">{ "Search questions and answers" }</label>
                    <input id="search" type="search" data-testid="search" autocomplete="off"
                        value={filter.query.clone()} oninput={on_search} />
                </div>
                if !one_category {
                    { select("filter-category", "Category", filter.category.as_deref().unwrap_or(""), categories,
                        update(|f, v| f.category = (!v.is_empty()).then_some(v))) }
                }
                { select("filter-difficulty", "Difficulty", filter.difficulty.map_or("", Difficulty::as_str), difficulties,
                    update(|f, v| f.difficulty = Difficulty::parse(&v))) }
                { select("filter-tag", "Tag", filter.tag.as_deref().unwrap_or(""), tags,
                    update(|f, v| f.tag = (!v.is_empty()).then_some(v))) }
                { select("filter-status", "Status", filter.status.map_or("", StatusFilter::as_str), statuses,
                    update(|f, v| f.status = StatusFilter::parse(&v))) }
            </form>
            <p data-testid="result-count" aria-live="polite">
                { format!("{count} {}", if count == 1 { "question" } else { "questions" }) }
                if count == 0 && !filter.is_empty() {
                    { " match these filters. " }
                    <button type="button" class="link" data-testid="clear-filters" onclick={clear}>{ "Clear filters" }</button>
                }
            </p>
            <ul class="results">
                { for results.into_iter().map(|q| {
                    let status = state.progress.status(q.id, now);
                    let bookmarked = state.progress.get(q.id).is_some_and(|p| p.bookmarked);
                    let target = Route::Question(q.id.to_string());
                    html! {
                        <li class="result">
                            <a href={target.href()} onclick={shell.link(target.clone())} data-testid="question-link" data-id={q.id}>
                                { Html::from_html_unchecked(AttrValue::Static(q.text_html)) }
                            </a>
                            <span class="meta">
                                <span class={classes!("badge", q.difficulty.as_str())}>{ q.difficulty.as_str() }</span>
                                if status != Status::New {
                                    <span class="badge status">{ status.as_str() }</span>
                                }
                                if bookmarked { <span class="badge">{ "bookmarked" }</span> }
                            </span>
                        </li>
                    }
                }) }
            </ul>
        </>
    }
}
