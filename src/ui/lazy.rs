//! Parts of the app that load on first use. The first card needs only the
//! practice screen; the other screens (start page, browse, code cards, mock,
//! custom study, stats, settings) and the Run panels are split out of the main wasm
//! at build time, each into its own file (`scripts/split_wasm.mjs`, with
//! `wasm_split_helpers` marking the split points in [`crate::ui::parts`]).
//!
//! A [`Part`] is the door to one of them: a split function that returns the
//! part's view. [`Lazy`] renders a part: "Loading…" until its file is in,
//! then the view, synchronously on every later render and every later mount.
//! The split files are fetched by the link module the build writes
//! (`split-<hash>.js`): it never reports a failed download to the wasm (the
//! split runtime would panic); it tells the page with a
//! `pyprep-split-failed` event instead and tries again on
//! `pyprep-split-retry`, which [`Lazy`]'s Retry button sends.
//! On native targets a split function is an ordinary call.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::sync::OnceLock;

use wasm_bindgen::JsCast;
use yew::prelude::*;

const FAILED: &str = "pyprep-split-failed";
const RETRY: &str = "pyprep-split-retry";

thread_local! {
    /// The parts whose download failed and waits for a retry, and the
    /// listeners that keep this set (installed once, before the first load).
    static WAITING: RefCell<Option<(Vec<String>, [gloo::events::EventListener; 2])>> = const { RefCell::new(None) };
}

/// The part a `pyprep-split-failed` event names.
fn failed_part(event: &Event) -> Option<String> {
    event.dyn_ref::<web_sys::CustomEvent>()?.detail().as_string()
}

/// Starts keeping the set of failed parts, once: a part that fails while
/// preloading is shown as failed when its screen opens later.
fn watch() {
    WAITING.with(|waiting| {
        if waiting.borrow().is_some() {
            return;
        }
        let Some(window) = web_sys::window() else { return };
        let failed = gloo::events::EventListener::new(&window, FAILED, |event| {
            if let Some(name) = failed_part(event) {
                WAITING.with(|w| w.borrow_mut().as_mut().map(|(set, _)| set.push(name)));
            }
        });
        let retry = gloo::events::EventListener::new(&window, RETRY, |_| {
            WAITING.with(|w| w.borrow_mut().as_mut().map(|(set, _)| set.clear()));
        });
        *waiting.borrow_mut() = Some((Vec::new(), [failed, retry]));
    });
}

/// Whether `name`'s download failed and waits for a retry.
fn is_waiting(name: &str) -> bool {
    WAITING.with(|w| {
        w.borrow()
            .as_ref()
            .is_some_and(|(set, _)| set.iter().any(|n| n == name))
    })
}

/// A part's view: renders it from its arguments.
pub type View<A> = fn(&A) -> Html;

/// The future of a part's view, once its file is in.
pub type Loading<A> = Pin<Box<dyn Future<Output = View<A>>>>;

/// One part that loads on first use.
pub struct Part<A: 'static> {
    /// Its name, in `data-part` and in the link module's events.
    pub name: &'static str,
    /// What the learner calls it, at the start of a sentence: "Stats".
    pub title: &'static str,
    /// Loads its file (once; later calls return at once) and gives its view.
    pub load: fn() -> Loading<A>,
    /// The view, once loaded.
    pub view: OnceLock<View<A>>,
}

impl<A> Part<A> {
    /// The view, if the part's file is in.
    pub fn loaded(&self) -> Option<View<A>> {
        self.view.get().copied()
    }

    /// Starts loading the part in the background, e.g. once the page is idle.
    pub fn preload(&'static self) {
        if self.loaded().is_none() {
            watch();
            wasm_bindgen_futures::spawn_local(async move {
                let view = (self.load)().await;
                let _ = self.view.set(view);
            });
        }
    }
}

/// Props of [`Lazy`].
#[derive(Properties)]
pub struct LazyProps<A: PartialEq + 'static> {
    pub part: &'static Part<A>,
    pub args: A,
    /// Nothing while loading (a part inside a screen, like the Run panels),
    /// instead of a "Loading…" line.
    #[prop_or_default]
    pub quiet: bool,
}

impl<A: PartialEq> PartialEq for LazyProps<A> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.part, other.part) && self.args == other.args && self.quiet == other.quiet
    }
}

/// Renders `part` with `args`: a loading line until its file is in, a
/// failure line with Retry if the download failed.
#[function_component(Lazy)]
pub fn lazy<A: PartialEq + 'static>(props: &LazyProps<A>) -> Html {
    let part = props.part;
    let view = use_state(|| part.loaded());
    let failed = use_state(|| part.loaded().is_none() && is_waiting(part.name));
    {
        let (view, failed) = (view.clone(), failed.clone());
        use_effect_with((), move |_| {
            let listener = view.is_none().then(|| {
                watch();
                let set = view.setter();
                wasm_bindgen_futures::spawn_local(async move {
                    let loaded = (part.load)().await;
                    let _ = part.view.set(loaded);
                    set.set(Some(loaded));
                });
                let window = web_sys::window()?;
                Some(gloo::events::EventListener::new(&window, FAILED, move |event| {
                    if failed_part(event).as_deref() == Some(part.name) {
                        failed.set(true)
                    }
                }))
            });
            move || drop(listener)
        });
    }
    if let Some(view) = *view {
        return view(&props.args);
    }
    if *failed {
        let retry = {
            let failed = failed.clone();
            Callback::from(move |_: MouseEvent| {
                failed.set(false);
                if let (Some(window), Ok(event)) = (web_sys::window(), web_sys::Event::new(RETRY)) {
                    let _ = window.dispatch_event(&event);
                }
            })
        };
        return html! {
            <div class="notice error" role="alert" data-testid="part-failed" data-part={part.name}>
                <p>{ format!("{} could not be downloaded. Check the connection and try again.", part.title) }</p>
                <button type="button" data-testid="part-retry" onclick={retry}>{ "Retry" }</button>
            </div>
        };
    }
    if props.quiet {
        return Html::default();
    }
    html! {
        <p class="part-loading" role="status" aria-busy="true" data-testid="part-loading" data-part={part.name}>
            { "Loading…" }
        </p>
    }
}
