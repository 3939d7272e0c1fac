//! Browse: every question, filtered by category, difficulty, tag and status,
//! with ranked instant search over question and answer text (hits marked, a
//! snippet saying why an answer matched). A widget limits the list (and the
//! categories and tags offered) to the questions in its scope. The filter
//! is [`session::Filter`]; which questions fit it and in which order is
//! decided by [`session::SearchIndex`]. "Practise these" turns the list
//! into a custom study session.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::title::title_html;
use super::use_app;
use crate::deck::{self, Difficulty, Question};
use crate::session::{Field, Filter, StatusFilter, Study, all_tags, marks, snippet};
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

/// How many of a search's matches show before "Show all".
const SEARCH_PAGE: usize = 40;

/// The browse screen.
#[function_component(Browse)]
pub fn browse(props: &BrowseProps) -> Html {
    let state = use_app();
    let _answers = crate::ui::answers::use_answers();
    let shell = use_shell();
    let now = dom::now_ms();
    let filter = &props.filter;
    let index = crate::ui::answers::search_index();
    let ranked = index.rank(&state.progress, filter, now);
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
    let count = ranked.found.len();
    let clear = {
        let (filter, on_filter) = (filter.clone(), props.on_filter.clone());
        Callback::from(move |_: MouseEvent| on_filter.emit(filter.cleared()))
    };
    let practise = {
        let (ids, shell) = (ranked.ids(), shell.clone());
        Callback::from(move |_: MouseEvent| {
            let ids = ids.iter().map(|id| id.to_string()).collect();
            shell.go(Route::Custom(Study::Ids(ids)));
        })
    };
    let searched = !filter.query.trim().is_empty();
    // A search shows its best matches first and the rest on request, so a
    // keystroke renders a page of rows, not the whole deck.
    let show_all = use_state(|| false);
    {
        let show_all = show_all.clone();
        use_effect_with(filter.query.clone(), move |_| show_all.set(false));
    }
    let shown = if searched && !*show_all {
        count.min(SEARCH_PAGE)
    } else {
        count
    };
    let on_show_all = {
        let show_all = show_all.clone();
        Callback::from(move |_: MouseEvent| show_all.set(true))
    };
    let narrowed =
        filter.category.is_some() || filter.difficulty.is_some() || filter.tag.is_some() || filter.status.is_some();

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
            <div class="results-bar">
                <p data-testid="result-count" aria-live="polite">
                    { format!("{count} {}", if count == 1 { "question" } else { "questions" }) }
                </p>
                if !filter.query.trim().is_empty() && crate::ui::answers::pending(scoped.iter().map(|q| q.category)) {
                    <p class="help" data-testid="search-partial">{ "Answers still loading: matching question text for now." }</p>
                }
                // Not in a widget: a browse widget has no way back from a session.
                if count > 0 && !shell.embedded {
                    <button type="button" data-testid="practise-these" onclick={practise}>
                        { if count == 1 { "Practise it".to_string() } else { format!("Practise these {count}") } }
                    </button>
                }
            </div>
            if count == 0 {
                <section class="no-results" data-testid="no-results">
                    <h2>{ "No questions match" }</h2>
                    if searched {
                        <p>{ format!("Nothing matches \u{201c}{}\u{201d}", filter.query.trim()) }
                            { if narrowed { " with these filters." } else { "." } }</p>
                        <p class="muted">{ "Try fewer or shorter words; one typo in a word of five letters or more is forgiven." }</p>
                    } else {
                        <p>{ "No question has all of these filters." }</p>
                    }
                    if !filter.is_empty() {
                        <button type="button" class="primary" data-testid="clear-filters" onclick={clear}>{ "Clear filters" }</button>
                    }
                </section>
            }
            <ul class="results">
                { for ranked.found.iter().take(shown).map(|found| {
                    let q = found.question;
                    let status = state.progress.status(q.id, now);
                    let bookmarked = state.progress.get(q.id).is_some_and(|p| p.bookmarked);
                    let target = Route::Question(q.id.to_string());
                    let title_marks = marks(&ranked.terms, q.text);
                    let why = snippet(&index, found, &ranked.terms);
                    let category = deck::category(q.category).map_or(q.category, |c| c.title);
                    html! {
                        <li class="result" key={q.id}>
                            <a href={target.href()} onclick={shell.link(target.clone())} data-testid="question-link" data-id={q.id}>
                                { title_html(q.text, &title_marks) }
                            </a>
                            if let Some(why) = why {
                                <p class="snippet" data-testid="snippet">
                                    <span class="snippet-field">{ if why.field == Field::Short { "Answer: " } else { "In the answer: " } }</span>
                                    { snippet_html(&why.text, &why.marks) }
                                </p>
                            }
                            <span class="meta">
                                <span class="category" data-testid="result-category">{ category }</span>
                                <span class={classes!("badge", q.difficulty.as_str())}>{ q.difficulty.as_str() }</span>
                                <span class={classes!("badge", "status", format!("status-{}", status.as_str()))}
                                    data-testid="status-badge" data-status={status.as_str()}>{ status.as_str() }</span>
                                if bookmarked { <span class="badge bookmarked">{ "bookmarked" }</span> }
                            </span>
                        </li>
                    }
                }) }
            </ul>
            if shown < count {
                <p class="show-all">
                    <button type="button" data-testid="show-all" onclick={on_show_all}>
                        { format!("Show all {count} matches") }
                    </button>
                </p>
            }
        </>
    }
}

/// Snippet text with its hits marked.
fn snippet_html(text: &str, marks: &[std::ops::Range<usize>]) -> Html {
    let mut at = 0;
    let mut out: Vec<Html> = Vec::new();
    for m in marks {
        if m.start >= at && m.end <= text.len() && text.is_char_boundary(m.start) && text.is_char_boundary(m.end) {
            out.push(html! { { &text[at..m.start] } });
            out.push(html! { <mark>{ &text[m.start..m.end] }</mark> });
            at = m.end;
        }
    }
    out.push(html! { { &text[at..] } });
    out.into_iter().collect()
}
