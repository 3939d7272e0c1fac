//! The route → screen `match`, written once for both hosts. The standalone
//! app passes no widget configuration and gets every screen; a widget passes
//! its [`Config`], which fixes the practice and mock scopes, and a route no
//! widget offers is an error screen, never a silent fallback. Practice is in
//! the main wasm; every other screen is a [`Part`]
//! that loads on first use.

use yew::prelude::*;

use crate::embed::Config;
use crate::session::{Filter, PracticeScope, Scope};
use crate::ui::components::{Practice, extra_new_today};
use crate::ui::lazy::{Lazy, Part};
use crate::ui::parts::{self, ScreenArgs};
use crate::ui::route::Route;

/// The screen for `route`. `filter` is the host's browse filter, kept
/// across screens (the question screen walks its results).
pub fn screen(route: &Route, widget: Option<&Config>, filter: &UseStateHandle<Filter>) -> Html {
    let lazy = |part: &'static Part<ScreenArgs>| {
        let args = ScreenArgs {
            route: route.clone(),
            widget: widget.cloned(),
            filter: filter.clone(),
        };
        html! { <Lazy<ScreenArgs> key={part.name} {part} {args} /> }
    };
    match (route, widget) {
        (Route::Browse | Route::Question(_), _) => lazy(&parts::BROWSE),
        (Route::Practice(categories), None) => {
            let scope = Scope {
                categories: categories.clone(),
            };
            // Today's "learn N more new cards" raise, if any.
            let scope = match extra_new_today() {
                0 => PracticeScope::Daily(scope),
                extra_new => PracticeScope::DailyPlus { scope, extra_new },
            };
            html! { <Practice key={route.href()} {scope} /> }
        }
        (Route::Custom(_), _) | (Route::Study, None) => lazy(&parts::STUDY),
        (Route::Practice(_), Some(config)) => html! { <Practice scope={config.practice_scope()} /> },
        (Route::PracticeCode(_), _) | (Route::BrowseCode | Route::CodeCard(_), None) => lazy(&parts::CODE),
        (Route::Mock, _) => lazy(&parts::MOCK),
        (Route::Home, None) => lazy(&parts::HOME),
        (Route::Stats, None) => lazy(&parts::STATS),
        (Route::Settings, None) => lazy(&parts::SETTINGS),
        (Route::NotFound, None) => html! {
            <section data-testid="not-found">
                <h1>{ "Page not found" }</h1>
                <p><a href="#/">{ "Go to the start page" }</a></p>
            </section>
        },
        (other, Some(_)) => html! {
            <div class="notice error" role="alert" data-testid="not-found">
                <p>{ format!("This widget has no {} screen.", other.name()) }</p>
            </div>
        },
    }
}
