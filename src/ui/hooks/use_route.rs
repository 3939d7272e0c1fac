//! The current hash route, kept in step with the `hashchange` event.

use gloo::events::EventListener;
use yew::prelude::*;

use crate::ui::dom;
use crate::ui::route::Route;

/// The route the location hash names; re-renders when it changes.
#[hook]
pub fn use_route() -> Route {
    let route = use_state(|| Route::parse(&dom::hash()));
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|window| {
                EventListener::new(&window, "hashchange", move |_| {
                    route.set(Route::parse(&dom::hash()));
                    dom::scroll_top();
                })
            });
            move || drop(listener)
        });
    }
    (*route).clone()
}
