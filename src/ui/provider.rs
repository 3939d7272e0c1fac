//! The one provider both hosts use: the progress of a storage namespace
//! (loaded, saved, kept in step with other tabs and widgets), the live
//! region's announcer, and the live region itself.

use std::sync::atomic::{AtomicU32, Ordering};

use yew::prelude::*;

use crate::store;
use crate::ui::dom;
use crate::ui::state::{Action, Announcer, AppHandle, AppState, live_text};

/// Numbers the providers of a page, so a widget can tell its own saves apart.
static NEXT_INSTANCE: AtomicU32 = AtomicU32::new(1);

/// The live region's text, apart from the app state: an announcement
/// re-renders the region only.
#[derive(Default, PartialEq)]
struct Live(String);

impl Reducible for Live {
    type Action = String;

    fn reduce(self: std::rc::Rc<Self>, text: String) -> std::rc::Rc<Self> {
        std::rc::Rc::new(Live(live_text(&self.0, text)))
    }
}

/// Props of [`ProgressProvider`].
#[derive(Properties, PartialEq)]
pub struct ProgressProviderProps {
    /// Progress is stored under `pyprep:<namespace>:v1`.
    pub namespace: AttrValue,
    pub children: Html,
}

/// Provides [`AppHandle`] and [`Announcer`] to `children`, and renders the
/// polite live region after them.
#[function_component(ProgressProvider)]
pub fn progress_provider(props: &ProgressProviderProps) -> Html {
    let instance = *use_memo((), |_| NEXT_INSTANCE.fetch_add(1, Ordering::Relaxed));
    let state = {
        let namespace = props.namespace.clone();
        use_reducer(move || AppState::from_loaded(namespace.clone(), store::load(&namespace, dom::now_ms())))
    };
    {
        let state = state.clone();
        use_effect_with(state.progress_rev, move |rev| {
            if *rev > 0 {
                match store::save(&state.namespace, &state.progress, dom::now_ms()) {
                    Ok(true) => store::announce_saved(&state.namespace, instance),
                    Ok(false) => {}
                    Err(why) => state.dispatch(Action::StorageFailed(why.to_string())),
                }
            }
        });
    }
    {
        let dispatcher = state.dispatcher();
        use_effect_with(props.namespace.clone(), move |namespace| {
            let merge = move |progress| dispatcher.dispatch(Action::MergeFromOtherTab(progress));
            let other_tabs = store::on_other_tab_change(namespace, merge.clone());
            let this_page = store::on_same_page_change(namespace, instance, merge);
            move || drop((other_tabs, this_page))
        });
    }
    let live = use_reducer(Live::default);
    let announce: Announcer = {
        let dispatcher = live.dispatcher();
        (*use_memo((), move |_| {
            Callback::from(move |text: String| dispatcher.dispatch(text))
        }))
        .clone()
    };
    html! {
        <ContextProvider<AppHandle> context={state}>
            <ContextProvider<Announcer> context={announce}>
                { props.children.clone() }
                <div class="visually-hidden" role="status" aria-live="polite" data-testid="live">
                    { live.0.clone() }
                </div>
            </ContextProvider<Announcer>>
        </ContextProvider<AppHandle>>
    }
}
