//! A question's place in the schedule, for the question page: its status,
//! last review, when it is due, and every review so far.

use yew::prelude::*;

use crate::progress::{Progress, Status, local_date};
use crate::ui::dom;

/// Props of [`CardStatus`].
#[derive(Properties, PartialEq)]
pub struct CardStatusProps {
    pub id: &'static str,
    pub progress: std::rc::Rc<Progress>,
    /// Starts a one-card session of this question.
    pub on_practise: Callback<()>,
}

/// The status box with its "Practise this now" button.
#[function_component(CardStatus)]
pub fn card_status(props: &CardStatusProps) -> Html {
    let (now, tz) = (dom::now_ms(), dom::tz_offset_min());
    let status = props.progress.status(props.id, now);
    let entry = props.progress.get(props.id);
    let card = entry.and_then(|e| e.card.as_ref());
    let reviews = entry.map_or(&[][..], |e| &e.reviews[..]);
    let date = |ms: i64| local_date(ms, tz);
    let (label, line) = match (status, card) {
        (Status::New, _) | (_, None) => ("New", "Not practised yet.".to_string()),
        (Status::Due, Some(c)) => ("Due", format!("Due since {}.", date(c.due_ms))),
        (Status::Learning, Some(c)) => ("Learning", format!("Next review {}.", date(c.due_ms))),
        (Status::Mastered, Some(c)) => ("Mastered", format!("Next review {}.", date(c.due_ms))),
    };
    let last = reviews
        .last()
        .map(|r| format!(" Last reviewed {} ({}).", date(r.at_ms), r.grade.label()));
    let practise = props.on_practise.reform(|_: MouseEvent| ());
    html! {
        <section class="card-status" data-testid="card-status" aria-labelledby="card-status-title">
            <h2 id="card-status-title">{ "Your progress on this question" }</h2>
            <p>
                <span class={classes!("badge", "status", status.as_str())} data-testid="card-status-label">{ label }</span>
                { " " }{ line }{ last.unwrap_or_default() }
            </p>
            if !reviews.is_empty() {
                <details>
                    <summary>{ format!("Review history ({})", reviews.len()) }</summary>
                    <ol class="review-history" data-testid="review-history">
                        { for reviews.iter().rev().map(|r| html! { <li>{ format!("{}: {}", date(r.at_ms), r.grade.label()) }</li> }) }
                    </ol>
                </details>
            }
            <button type="button" class="primary" data-testid="practise-this" onclick={practise}>{ "Practise this now" }</button>
        </section>
    }
}
