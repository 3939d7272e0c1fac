//! The app shell: loads progress, saves it when it changes, listens to other
//! tabs, applies the theme, routes between screens and hosts the live region
//! and the shortcuts dialog.

use yew::prelude::*;

use crate::store;
use crate::ui::components::{
    Browse, BrowseFilter, Home, MockScreen, Nav, Notices, Practice, QuestionScreen, Settings, ShortcutsDialog,
    StatsScreen,
};
use crate::ui::hooks::{Shortcut, use_progress, use_route, use_shortcuts};
use crate::ui::route::Route;
use crate::ui::state::AppHandle;
use crate::ui::web;

/// The whole app.
#[function_component(App)]
pub fn app() -> Html {
    let state = use_progress(AttrValue::Static(store::DECK));
    let route = use_route();
    let filter = use_state(BrowseFilter::default);
    let help_open = use_state(|| false);

    use_effect_with(state.progress.settings.theme, |theme| web::apply_theme(*theme));
    {
        let help_open = help_open.clone();
        let on_browse = matches!(route, Route::Browse);
        use_shortcuts(Callback::from(move |shortcut| match shortcut {
            Shortcut::Help => {
                help_open.set(!*help_open);
                true
            }
            Shortcut::Escape if *help_open => {
                help_open.set(false);
                true
            }
            Shortcut::Search => {
                if !on_browse || !web::focus_id_in(None, "search") {
                    web::go(&Route::Browse.href());
                    gloo::timers::callback::Timeout::new(50, || {
                        web::focus_id_in(None, "search");
                    })
                    .forget();
                }
                true
            }
            _ => false,
        }));
    }

    let screen = match &route {
        Route::Home => {
            let filter = filter.clone();
            let on_browse_category = Callback::from(move |category: &'static str| {
                filter.set(BrowseFilter {
                    category: category.to_string(),
                    ..BrowseFilter::default()
                })
            });
            html! { <Home {on_browse_category} /> }
        }
        Route::Browse => {
            let set = filter.setter();
            html! { <Browse filter={(*filter).clone()} on_filter={Callback::from(move |f| set.set(f))} /> }
        }
        Route::Question(id) => {
            let order = filter.results(&state.progress, web::now_ms());
            html! { <QuestionScreen key={id.clone()} id={id.clone()} {order} /> }
        }
        Route::Practice(scope) => {
            html! { <Practice key={route.href()} scope={scope.clone()} /> }
        }
        Route::Mock => html! { <MockScreen /> },
        Route::Stats => html! { <StatsScreen /> },
        Route::Settings => html! { <Settings /> },
        Route::NotFound => html! {
            <>
                <h1>{ "Page not found" }</h1>
                <p><a href="#/">{ "Go to the start page" }</a></p>
            </>
        },
    };
    let open_help = {
        let help_open = help_open.clone();
        Callback::from(move |_: MouseEvent| help_open.set(true))
    };
    let close_help = {
        let help_open = help_open.clone();
        Callback::from(move |_| help_open.set(false))
    };

    html! {
        <ContextProvider<AppHandle> context={state.clone()}>
            <header class="app-header">
                <a class="brand" href="#/">{ "pyprep" }</a>
                <Nav route={route.clone()} />
                <button type="button" class="help-button" aria-label="Keyboard shortcuts"
                    aria-haspopup="dialog" onclick={open_help}>{ "?" }</button>
            </header>
            <main id="main" class="app">
                <Notices />
                { screen }
                <div class="visually-hidden" role="status" aria-live="polite" data-testid="live">
                    { state.live.clone() }
                </div>
            </main>
            if *help_open { <ShortcutsDialog on_close={close_help} /> }
        </ContextProvider<AppHandle>>
    }
}
