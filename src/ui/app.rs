//! The standalone app: hash routes, the header with its navigation, the
//! shortcuts dialog, the theme from the settings. Progress, the live region
//! and the screens come from the machinery both hosts share
//! ([`ProgressProvider`], [`screen`]).

use yew::prelude::*;

use crate::store;
use crate::ui::components::{Nav, Notices, ShortcutsDialog};
use crate::ui::dom;
use crate::ui::hooks::{Shortcut, use_app_state, use_route, use_shortcuts};
use crate::ui::location;
use crate::ui::parts;
use crate::ui::provider::ProgressProvider;
use crate::ui::route::{self, Route};
use crate::ui::screens::screen;
use crate::ui::shell::Shell;

/// The whole app.
#[function_component(App)]
pub fn app() -> Html {
    let shell = use_memo((), |_| Shell::standalone());
    html! {
        <ProgressProvider namespace={AttrValue::Static(store::DEFAULT_NAMESPACE)}>
            <ContextProvider<Shell> context={(*shell).clone()}>
                <AppBody />
            </ContextProvider<Shell>>
        </ProgressProvider>
    }
}

/// The app inside its provider.
#[function_component(AppBody)]
fn app_body() -> Html {
    let state = use_app_state();
    let route = use_route();
    let filter = use_state(|| route::browse_filter(&dom::hash()).unwrap_or_default());
    let help_open = use_state(|| false);
    let focus_search = use_state(|| false);

    use_effect_with(state.progress.settings.theme, |theme| {
        dom::set_document_theme(theme.as_str())
    });
    // The first screen is on the page and answers input: offline support
    // (assets/register-sw.js) may start precaching now.
    // Then, once the page is idle, the answer files of every category, for
    // search and the next cards, and the code of the other screens.
    use_effect_with((), |_| {
        dom::mark_and_dispatch("interactive");
        dom::after_paint(|| {
            dom::when_idle(|| {
                crate::ui::answers::prefetch(crate::deck::categories().iter().map(|c| c.id));
                // The other screens' code, so that they open at once, and offline.
                for part in parts::screens() {
                    part.preload();
                }
                parts::RUN.preload();
            })
        });
    });
    // A browse URL with a filter (a reload, a shared link, Back) sets the
    // filter; a bare `#/browse` keeps the one the learner left.
    {
        let filter = filter.clone();
        use_effect_with(route.clone(), move |route| {
            if let (Route::Browse, Some(wanted)) = (route, route::browse_filter(&dom::hash()))
                && wanted != *filter
            {
                filter.set(wanted);
            }
        });
    }
    // The URL (replaced, not pushed: one entry however much is typed) and
    // the tab's title follow the route and the browse filter.
    use_effect_with((route.clone(), (*filter).clone()), |(route, filter)| {
        if matches!(route, Route::Browse) {
            location::replace_hash(&route::browse_href(filter));
        }
        location::set_title(&route::title(route, filter));
    });
    // After `/` from another screen, focus the search box once Browse is shown.
    {
        let focus_search = focus_search.clone();
        use_effect_with((route.clone(), *focus_search), move |(route, wanted)| {
            if *wanted && matches!(route, Route::Browse) && dom::focus_id_in(None, "search") {
                focus_search.set(false);
            }
        });
    }
    {
        let (help_open, focus_search) = (help_open.clone(), focus_search.clone());
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
                if !on_browse || !dom::focus_id_in(None, "search") {
                    focus_search.set(true);
                    dom::go(&Route::Browse.href());
                }
                true
            }
            _ => false,
        }));
    }
    let skip = Callback::from(|_: MouseEvent| {
        // The card's reveal button when practising, else the main region.
        if !dom::focus_id_in(None, "reveal") && !dom::focus_id_in(None, "answer") {
            dom::focus_id_in(None, "main");
        }
    });
    let open_help = {
        let help_open = help_open.clone();
        Callback::from(move |_: MouseEvent| help_open.set(true))
    };
    let close_help = {
        let help_open = help_open.clone();
        Callback::from(move |_| help_open.set(false))
    };

    html! {
        <>
            <header class="app-header">
                <button type="button" class="skip-link" data-testid="skip-link" onclick={skip}>{ "Skip to the content" }</button>
                <a class="brand" href="#/">{ "pyprep" }</a>
                <Nav route={route.clone()} />
                <button type="button" class="help-button" aria-label="Keyboard shortcuts"
                    aria-haspopup="dialog" onclick={open_help}>{ "?" }</button>
            </header>
            <main id="main" class="app" tabindex="-1">
                <Notices />
                { screen(&route, None, &filter) }
            </main>
            if *help_open { <ShortcutsDialog on_close={close_help} /> }
        </>
    }
}
