//! A clock that re-renders the component every second while `running`.

use gloo::timers::callback::Interval;
use yew::prelude::*;

use crate::ui::dom;

/// The current time in ms, refreshed every second while `running` is true.
#[hook]
pub fn use_ticker(running: bool) -> i64 {
    let now = use_state(dom::now_ms);
    {
        let now = now.clone();
        use_effect_with(running, move |running| {
            let interval = running.then(|| Interval::new(1000, move || now.set(dom::now_ms())));
            move || drop(interval)
        });
    }
    *now
}
