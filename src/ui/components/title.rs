//! A question title as HTML: text between backticks as `<code>` (bug B6),
//! search hits as `<mark>`. Every screen that shows a title uses this.

use std::ops::Range;

use yew::prelude::*;

use crate::session::pieces;

/// `text` (a question's plain text, backticks and all) with its inline code
/// and the marked byte ranges `marks`.
pub fn title_html(text: &str, marks: &[Range<usize>]) -> Html {
    html! {
        <>
            { for pieces(text, marks).into_iter().map(|p| {
                let inner = if p.marked { html! { <mark>{ p.text }</mark> } } else { html! { { p.text } } };
                if p.code { html! { <code>{ inner }</code> } } else { inner }
            }) }
        </>
    }
}
