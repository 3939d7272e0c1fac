//! The first screen: every category with its question count, and every
//! question of the deck.

use yew::prelude::*;

use crate::deck;

/// The whole app.
#[function_component(App)]
pub fn app() -> Html {
    let total = deck::questions().len();
    html! {
        <main class="app" data-testid="app">
            <header class="app-header">
                <h1>{ "pyprep" }</h1>
                <p class="tagline">{ format!("{total} Python interview questions with model answers") }</p>
            </header>
            <nav aria-label="Categories">
                <ul class="category-list" data-testid="category-list">
                    { for deck::categories().iter().map(|c| html! {
                        <li data-testid="category" data-category={c.id}>
                            <a href={format!("#{}", c.id)}>{ c.title }</a>
                            <span class="count" data-testid="category-count">{ deck::in_category(c.id).count() }</span>
                        </li>
                    }) }
                </ul>
            </nav>
            { for deck::categories().iter().map(|c| html! {
                <section class="category" id={c.id} aria-labelledby={format!("{}-title", c.id)}>
                    <h2 id={format!("{}-title", c.id)}>{ c.title }</h2>
                    <ol class="question-list">
                        { for deck::in_category(c.id).map(|q| html! {
                            <li data-testid="question" data-id={q.id} class={classes!("question", q.difficulty.as_str())}>
                                <span class="question-text">{ Html::from_html_unchecked(AttrValue::Static(q.text_html)) }</span>
                                <span class="badge">{ q.difficulty.as_str() }</span>
                            </li>
                        }) }
                    </ol>
                </section>
            }) }
        </main>
    }
}
