//! The progress of one storage namespace: loaded before the first render,
//! saved after every change, kept in step with other tabs (the `storage`
//! event) and with other widgets of the same page (`pyprep:progress-changed`).

use yew::prelude::*;

use crate::store;
use crate::ui::state::{Action, AppHandle, AppState};
use crate::ui::web;

/// The shared state of the screens, for progress stored under `namespace`.
#[hook]
pub fn use_progress(namespace: AttrValue) -> AppHandle {
    let state = {
        let namespace = namespace.clone();
        use_reducer(move || AppState::from_loaded(store::load(&namespace, web::now_ms())))
    };
    {
        let (state, namespace) = (state.clone(), namespace.clone());
        use_effect_with(state.progress_rev, move |rev| {
            if *rev > 0 {
                match store::save(&namespace, &state.progress, web::now_ms()) {
                    Ok(true) => store::announce_saved(&namespace),
                    Ok(false) => {}
                    Err(why) => state.dispatch(Action::StorageFailed(why)),
                }
            }
        });
    }
    {
        let dispatcher = state.dispatcher();
        use_effect_with(namespace, move |namespace| {
            let merge = move |progress| dispatcher.dispatch(Action::MergeFromOtherTab(progress));
            let other_tabs = store::on_other_tab_change(namespace, merge.clone());
            let this_page = store::on_same_page_change(namespace, merge);
            move || drop((other_tabs, this_page))
        });
    }
    state
}
