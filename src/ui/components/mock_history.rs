//! The past mock scores, newest first, on the setup screen.

use yew::prelude::*;

use crate::session::MockScore;

/// Props of [`MockHistory`].
#[derive(Properties, PartialEq)]
pub struct MockHistoryProps {
    /// Oldest first, as stored.
    pub scores: Vec<MockScore>,
}

/// The local date and time of `ms`, as the browser writes it.
fn when(ms: i64) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    let options = js_sys::Object::new();
    for (k, v) in [
        ("day", "numeric"),
        ("month", "short"),
        ("hour", "2-digit"),
        ("minute", "2-digit"),
    ] {
        let _ = js_sys::Reflect::set(&options, &k.into(), &v.into());
    }
    String::from(date.to_locale_string("en-GB", &options))
}

/// The list of past scores, or a line saying there are none yet.
#[function_component(MockHistory)]
pub fn mock_history(props: &MockHistoryProps) -> Html {
    html! {
        <section aria-labelledby="mock-history-title" data-testid="mock-history">
            <h2 id="mock-history-title">{ "Past interviews" }</h2>
            if props.scores.is_empty() {
                <p class="muted">{ "Your scores will show here after your first interview." }</p>
            } else {
                <ol class="mock-history" reversed=true>
                    { for props.scores.iter().rev().map(|s| {
                        let partly = if s.answered < s.planned { format!(" (ended after {} of {})", s.answered, s.planned) } else { String::new() };
                        let late = if s.timed_out > 0 { format!(", {} out of time", s.timed_out) } else { String::new() };
                        html! {
                            <li data-testid="mock-history-item">
                                <span class="when">{ when(s.finished_ms) }</span>
                                <strong>{ format!("{}%", s.percent()) }</strong>
                                { format!(" {} of {} Good or Easy{late}{partly}", s.good, s.answered) }
                            </li>
                        }
                    }) }
                </ol>
            }
        </section>
    }
}
