//! A model answer: the short answer first, then the explanation, example,
//! follow-ups and pitfalls as distinct parts. The HTML is trusted: it was
//! rendered from the bundled content at build time.

use yew::prelude::*;

use crate::deck::Answer;

/// Props of [`ModelAnswer`].
#[derive(Properties, PartialEq)]
pub struct ModelAnswerProps {
    pub answer: &'static Answer,
    /// Heading level of the parts (2 or 3).
    pub level: u8,
}

fn trusted(html: &'static str) -> Html {
    Html::from_html_unchecked(AttrValue::Static(html))
}

/// The model answer of a question.
#[function_component(ModelAnswer)]
pub fn model_answer(props: &ModelAnswerProps) -> Html {
    let tag = if props.level <= 2 { "h2" } else { "h3" };
    let answer = props.answer;
    let part = |title: &'static str, class: &'static str, html: &'static str| {
        (!html.trim().is_empty()).then(|| {
            html! {
                <section class={classes!("answer-part", class)}>
                    <@{tag}>{ title }</@>
                    { trusted(html) }
                </section>
            }
        })
    };
    html! {
        <div class="answer" id="answer" tabindex="-1">
            <section class="answer-part answer-short" data-testid="answer-short">
                <@{tag}>{ "Short answer" }</@>
                { trusted(answer.short) }
            </section>
            <div data-testid="answer-rest">
                { part("Explanation", "explanation", answer.explanation) }
                { part("Example", "example", answer.example) }
                { part("Follow-up questions", "follow-ups", answer.follow_ups) }
                { part("Pitfalls", "pitfalls", answer.pitfalls) }
            </div>
        </div>
    }
}
