//! The one provider both hosts use: the progress of a storage namespace
//! (loaded, saved, kept in step with other tabs and widgets), the live
//! region's announcer, and the live region itself.

use std::cell::Cell;
use std::rc::Rc;
use std::sync::atomic::{AtomicU32, Ordering};

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;

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

    fn reduce(self: Rc<Self>, text: String) -> Rc<Self> {
        Rc::new(Live(live_text(&self.0, text)))
    }
}

/// A save scheduled for after the next paint.
struct Pending {
    _timer: Timeout,
    save: Rc<dyn Fn()>,
    /// The save ran (from the timer or a flush).
    done: Rc<Cell<bool>>,
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
    // Saving is off the interaction path: a change schedules one save for
    // after the next paint (a zero timeout runs after the frame), and leaving
    // the page (pagehide, or the tab going to the background) saves at once
    // whatever is still pending.
    let pending = use_mut_ref(|| None::<Pending>);
    {
        let (state, pending) = (state.clone(), pending.clone());
        use_effect_with(state.progress_rev, move |rev| {
            if *rev > 0 {
                let save: Rc<dyn Fn()> =
                    Rc::new(
                        move || match store::save(&state.namespace, &state.progress, dom::now_ms()) {
                            Ok(true) => store::announce_saved(&state.namespace, instance),
                            Ok(false) => {}
                            Err(why) => state.dispatch(Action::StorageFailed(why.to_string())),
                        },
                    );
                let done = Rc::new(Cell::new(false));
                let (run, ran) = (save.clone(), done.clone());
                // (The timer stays in the slot after it fires: dropping it
                // from its own callback would free the running closure.)
                let timer = Timeout::new(0, move || {
                    ran.set(true);
                    run();
                });
                // A newer state replaces the pending save (it holds everything).
                *pending.borrow_mut() = Some(Pending {
                    _timer: timer,
                    save,
                    done,
                });
            }
        });
    }
    {
        let pending = pending.clone();
        use_effect_with((), move |_| {
            let flush = move || {
                let waiting = pending.borrow().as_ref().map(|p| (p.save.clone(), p.done.clone()));
                if let Some((save, done)) = waiting
                    && !done.replace(true)
                {
                    save();
                }
            };
            let flush = Rc::new(flush);
            let listeners = web_sys::window().map(|window| {
                let on_hide = flush.clone();
                let hide = EventListener::new(&window, "pagehide", move |_| on_hide());
                let on_hidden = flush.clone();
                let document = window.document();
                let hidden = document.map(|d| {
                    let doc = d.clone();
                    EventListener::new(&d, "visibilitychange", move |_| {
                        if doc.hidden() {
                            on_hidden();
                        }
                    })
                });
                (hide, hidden)
            });
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
                { props.children.clone() }
                <div class="visually-hidden" role="status" aria-live="polite" data-testid="live">
                    { live.0.clone() }
                </div>
            </ContextProvider<Announcer>>
        </ContextProvider<AppHandle>>
    }
}
