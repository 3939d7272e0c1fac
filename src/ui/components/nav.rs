//! The main navigation between screens.

use yew::prelude::*;

use crate::ui::route::Route;

/// Props of [`Nav`].
#[derive(Properties, PartialEq)]
pub struct NavProps {
    /// The current route, marked with `aria-current`.
    pub route: Route,
}

/// Links to every screen.
#[function_component(Nav)]
pub fn nav(props: &NavProps) -> Html {
    let links = [
        ("home", "Home", Route::Home),
        ("browse", "Browse", Route::Browse),
        ("practice", "Practise", Route::Practice(vec![])),
        ("mock", "Mock", Route::Mock),
        ("stats", "Stats", Route::Stats),
        ("settings", "Settings", Route::Settings),
    ];
    let current = |target: &Route| match (&props.route, target) {
        (Route::Question(_) | Route::BrowseCode, Route::Browse)
        | (Route::Practice(_) | Route::PracticeCode(_) | Route::CodeCard(_), Route::Practice(_)) => true,
        (Route::Custom(_) | Route::Study, Route::Practice(_)) => true,
        (a, b) => a == b,
    };
    html! {
        <nav class="main-nav" aria-label="Main">
            <ul>
                { for links.into_iter().map(|(id, label, target)| html! {
                    <li>
                        <a href={target.href()} data-testid={format!("nav-{id}")}
                            aria-current={current(&target).then_some("page")}>{ label }</a>
                    </li>
                }) }
            </ul>
        </nav>
    }
}
