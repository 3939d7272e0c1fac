//! A model answer: the short answer first, the key points as a checklist
//! (ticking them suggests a grade), then the explanation, example, follow-ups and
//! pitfalls as collapsible parts (folded on narrow screens, open on wide
//! ones, and the learner's choice is remembered). Code blocks have a Copy
//! button. The answer comes from its category's answer
//! file: while it is on its way a short loading line shows, and a failed
//! download says so with a retry. The HTML is trusted: it was rendered from
//! the bundled content at build time.

use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::deck::{self, Answer};
use crate::progress::Grade;
use crate::session::suggest_grade;
use crate::store;
use crate::ui::answers::{self, Lookup, use_answers};
use crate::ui::lazy::Lazy;
use crate::ui::parts::{self, RunArgs};
use crate::ui::shell::use_shell;

/// Props of [`ModelAnswer`].
#[derive(Properties, PartialEq)]
pub struct ModelAnswerProps {
    /// The question answered.
    pub id: &'static str,
    /// Heading level of the parts (2 or 3).
    pub level: u8,
    /// Seconds from seeing the question to revealing it, when known.
    #[prop_or_default]
    pub seconds: Option<u32>,
    /// Receives the grade the ticked key points suggest.
    #[prop_or_default]
    pub on_suggest: Option<Callback<Option<Grade>>>,
}

/// The preference naming the open answer parts (`explanation,example`).
const SECTIONS_PREF: &str = "answer-sections";
/// The parts that can fold.
const PARTS: [&str; 4] = ["explanation", "example", "follow-ups", "pitfalls"];
/// From this width the parts start open.
const WIDE_QUERY: &str = "(min-width: 700px)";

/// The parts open at first: the learner's last choice, else all on a wide
/// screen and none on a narrow one.
fn open_sections() -> Vec<String> {
    if let Some(saved) = store::ui_pref(SECTIONS_PREF) {
        return saved
            .split(',')
            .filter(|s| PARTS.contains(s))
            .map(str::to_string)
            .collect();
    }
    // A media query, not `innerWidth`: reading innerWidth here forced a
    // synchronous layout in the middle of every reveal.
    let wide = web_sys::window()
        .and_then(|w| w.match_media(WIDE_QUERY).ok().flatten())
        .is_some_and(|m| m.matches());
    if wide {
        PARTS.map(str::to_string).to_vec()
    } else {
        Vec::new()
    }
}

/// A click on a code block's Copy button: copies the code, says so.
fn copy_code(e: &MouseEvent) {
    let Some(button) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("button[data-copy]").ok().flatten())
    else {
        return;
    };
    let code = button
        .next_element_sibling()
        .and_then(|pre| pre.text_content())
        .unwrap_or_default();
    let Some(window) = web_sys::window() else { return };
    let _ = window.navigator().clipboard().write_text(&code);
    button.set_text_content(Some("Copied"));
    let _ = button.set_attribute("aria-live", "polite");
}

fn trusted(html: &str) -> Html {
    Html::from_html_unchecked(AttrValue::from(html.to_string()))
}

/// The model answer of a question, or where it stands.
#[function_component(ModelAnswer)]
pub fn model_answer(props: &ModelAnswerProps) -> Html {
    let _version = use_answers();
    match answers::lookup(props.id) {
        Lookup::Ready(answer) => html! {
            <AnswerParts {answer} level={props.level} seconds={props.seconds} on_suggest={props.on_suggest.clone()} />
        },
        Lookup::Loading => html! {
            <div class="answer" id="answer" tabindex="-1" aria-busy="true">
                <p class="answer-loading" role="status" data-testid="answer-loading">{ "Loading the answer…" }</p>
            </div>
        },
        Lookup::Failed(why) => {
            let category = deck::question(props.id).map_or("", |q| q.category);
            let onclick = Callback::from(move |_: MouseEvent| answers::retry(category));
            html! {
                <div class="answer" id="answer" tabindex="-1">
                    <div class="notice error" role="alert" data-testid="answer-failed">
                        <p>{ format!("The answer could not be shown: {why}. Your grades are not affected.") }</p>
                        <button type="button" data-testid="answer-retry" {onclick}>{ "Try again" }</button>
                    </div>
                </div>
            }
        }
    }
}

/// Props of [`AnswerParts`].
#[derive(Properties, PartialEq)]
struct AnswerPartsProps {
    answer: std::rc::Rc<Answer>,
    level: u8,
    seconds: Option<u32>,
    on_suggest: Option<Callback<Option<Grade>>>,
}

/// An answer that has arrived.
#[function_component(AnswerParts)]
fn answer_parts(props: &AnswerPartsProps) -> Html {
    let tag = if props.level <= 2 { "h2" } else { "h3" };
    let answer = &props.answer;
    let ticked = use_state(|| vec![false; answer.key_points.len()]);
    let open = use_state(open_sections);
    let (root, run) = (use_node_ref(), use_shell().run);
    let part = |title: &'static str, class: &'static str, html: &str| {
        (!html.trim().is_empty()).then(|| {
            let is_open = open.iter().any(|c| c == class);
            let ontoggle = {
                let open = open.clone();
                Callback::from(move |e: Event| {
                    let now_open = e
                        .target_dyn_into::<web_sys::HtmlDetailsElement>()
                        .is_some_and(|d| d.open());
                    let mut next: Vec<String> = open.iter().filter(|c| *c != class).cloned().collect();
                    if now_open {
                        next.push(class.to_string());
                    }
                    if next != *open {
                        store::set_ui_pref(SECTIONS_PREF, &next.join(","));
                        open.set(next);
                    }
                })
            };
            // The summary's click opens or closes the part through the state,
            // so a part's HTML is built only while it is open (on a phone a
            // reveal then renders the short answer and key points, not the
            // whole answer) and arrives in the same frame as the opening.
            // `ontoggle` follows the browser opening it by itself (find in page).
            let onclick = {
                let open = open.clone();
                Callback::from(move |e: MouseEvent| {
                    e.prevent_default();
                    let mut next: Vec<String> = open.iter().filter(|c| *c != class).cloned().collect();
                    if !is_open {
                        next.push(class.to_string());
                    }
                    store::set_ui_pref(SECTIONS_PREF, &next.join(","));
                    open.set(next);
                })
            };
            html! {
                <details class={classes!("answer-part", class)} open={is_open} {ontoggle} data-testid={format!("part-{class}")}>
                    <summary {onclick}><@{tag}>{ title }</@></summary>
                    if is_open { { trusted(html) } }
                </details>
            }
        })
    };
    let onclick = Callback::from(|e: MouseEvent| copy_code(&e));
    let points = (!answer.key_points.is_empty()).then(|| {
        let total = answer.key_points.len();
        let count = ticked.iter().filter(|t| **t).count();
        html! {
            <section class="answer-part key-points" data-testid="key-points">
                <@{tag}>{ "Key points" }</@>
                <p class="help">{ "Tick the points your answer covered." }</p>
                <ul class="checklist">
                    { for answer.key_points.iter().enumerate().map(|(i, point)| {
                        let is_ticked = ticked.get(i).copied().unwrap_or(false);
                        let (ticked, on_suggest, seconds) = (ticked.clone(), props.on_suggest.clone(), props.seconds);
                        let onchange = Callback::from(move |e: Event| {
                            let on = e.target_dyn_into::<HtmlInputElement>().is_some_and(|i| i.checked());
                            let mut next = (*ticked).clone();
                            if let Some(slot) = next.get_mut(i) {
                                *slot = on;
                            }
                            let count = next.iter().filter(|t| **t).count();
                            if let Some(cb) = &on_suggest {
                                cb.emit(suggest_grade(count, next.len(), seconds));
                            }
                            ticked.set(next);
                        });
                        let id = format!("key-point-{i}");
                        html! {
                            <li>
                                <input type="checkbox" id={id.clone()} data-testid="key-point" checked={is_ticked} {onchange} />
                                <label for={id}>{ trusted(point) }</label>
                            </li>
                        }
                    }) }
                </ul>
                <p class="help" data-testid="key-points-count">{ format!("{count} of {total} covered") }</p>
            </section>
        }
    });
    html! {
        <div ref={root.clone()} class="answer" id="answer" tabindex="-1" {onclick}>
            <section class="answer-part answer-short" data-testid="answer-short">
                <@{tag}>{ "Short answer" }</@>
                { trusted(&answer.short) }
            </section>
            { points }
            <div data-testid="answer-rest">
                { part("Explanation", "explanation", &answer.explanation) }
                { part("Example", "example", &answer.example) }
                { part("Follow-up questions", "follow-ups", &answer.follow_ups) }
                { part("Pitfalls", "pitfalls", &answer.pitfalls) }
            </div>
            if run { <Lazy<RunArgs> part={&parts::RUN} quiet=true args={RunArgs { root, open: open.join(",").into() }} /> }
        </div>
    }
}
