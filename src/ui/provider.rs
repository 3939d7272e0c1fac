//! The one provider both hosts use: the progress of a storage namespace
//! (loaded, saved, kept in step with other tabs and widgets), the live
//! region's announcer, and the live region itself.

use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

use gloo::timers::callback::Timeout;

use yew::prelude::*;

use crate::store;
use crate::ui::dom;
use crate::ui::state::{Action, Announcer, AppHandle, AppState, SaveNow, live_text};

/// Numbers the providers of a page, so a widget can tell its own saves apart.
static NEXT_INSTANCE: AtomicU32 = AtomicU32::new(1);

/// The live region's text, apart from the app state: an announcement
/// re-renders the region only.
#[derive(Default, PartialEq)]
struct Live(String);

impl Reducible for Live {
    type Action = String;

    fn reduce(self: Rc<Self>, text: String) -> Rc<Self> {
        Rc::new(Live(live_text(&self.0, text)))
    }
}

/// Props of [`ProgressProvider`].
#[derive(Properties, PartialEq)]
pub struct ProgressProviderProps {
    /// Progress is stored under `pyprep:<namespace>:v1`.
    pub namespace: AttrValue,
    pub children: Html,
}

/// Provides [`AppHandle`], [`Announcer`] and [`SaveNow`] to `children`, and renders the
/// polite live region after them.
#[function_component(ProgressProvider)]
pub fn progress_provider(props: &ProgressProviderProps) -> Html {
    let instance = *use_memo((), |_| NEXT_INSTANCE.fetch_add(1, Ordering::Relaxed));
    let state = {
        let namespace = props.namespace.clone();
        use_reducer(move || AppState::from_loaded(namespace.clone(), store::load(&namespace, dom::now_ms())))
    };
    // Saving is off the interaction path: a change schedules one save for
    // after the next paint (a zero timeout runs after the frame), and leaving
    // the page (pagehide, or the tab going to the background) saves at once
    // whatever is not saved yet. What is saved is read from the reducer when
    // the save runs, not from the render that scheduled it: a dispatch
    // updates the reducer at once, while Yew may run the effect that
    // schedules the save a task later (its scheduler yields to the browser
    // after 16 ms of work), and a pagehide in that gap must still save.
    let saved_rev = use_mut_ref(|| 0_u64);
    let save_now: Rc<dyn Fn()> = {
        let (state, saved_rev) = (state.clone(), saved_rev.clone());
        (*use_memo((), move |_| {
            Rc::new(move || {
                // A fresh handle each time: a handle keeps every state it has
                // been read at, and this closure lives as long as the page.
                let state = state.clone();
                let rev = state.progress_rev;
                if rev <= *saved_rev.borrow() {
                    return;
                }
                *saved_rev.borrow_mut() = rev;
                match store::save(&state.namespace, &state.progress, dom::now_ms()) {
                    Ok(true) => store::announce_saved(&state.namespace, instance),
                    Ok(false) => {}
                    Err(why) => state.dispatch(Action::StorageFailed(why.to_string())),
                }
            }) as Rc<dyn Fn()>
        }))
        .clone()
    };
    // The timer of the next save. (It stays in the slot after it fires:
    // dropping it from its own callback would free the running closure.)
    let timer = use_mut_ref(|| None::<Timeout>);
    {
        let (save, timer) = (save_now.clone(), timer.clone());
        use_effect_with(state.progress_rev, move |rev| {
            if *rev > 0 {
                // A newer state replaces the pending save (it holds everything).
                *timer.borrow_mut() = Some(Timeout::new(0, move || save()));
            }
        });
    }
    {
        let flush = save_now.clone();
        use_effect_with((), move |_| {
            let listeners = dom::on_leave(flush.clone());
            move || {
                drop(listeners);
                flush();
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
                <ContextProvider<SaveNow> context={SaveNow(save_now)}>
                    { props.children.clone() }
                </ContextProvider<SaveNow>>
                <div class="visually-hidden" role="status" aria-live="polite" data-testid="live">
                    { live.0.clone() }
                </div>
            </ContextProvider<Announcer>>
        </ContextProvider<AppHandle>>
    }
}
