//! Banners about storage: memory-only mode, progress kept for the embedding
//! site only (a cross-site iframe), and an unreadable saved value that was
//! kept aside (with a button downloading it).

use yew::prelude::*;

use super::use_app;
use crate::ui::dom;
use crate::ui::shell::use_shell;

/// Props of [`Notices`].
#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    /// The storage works but is partitioned: this is an iframe embed framed
    /// by another site (see [`crate::embed::partition`]).
    #[prop_or_default]
    pub site_only: bool,
}

/// The storage notices, shown above every screen while they apply.
#[function_component(Notices)]
pub fn notices(props: &NoticesProps) -> Html {
    let state = use_app();
    let shell = use_shell();
    let download_failed = use_state(|| false);
    let memory = state.memory_only.as_ref().map(|why| html! {
        <div class="notice warning" data-testid="storage-notice">
            <p>
                <strong>{ "Your progress is not being saved. " }</strong>
                { format!("Because {why}, the app keeps working in memory only: progress will be lost when you close this page. ") }
                if !shell.embedded { { "You can still export it from Settings." } }
            </p>
        </div>
    });
    // Memory-only says more (nothing is kept at all), so it replaces this one.
    let site_only = (props.site_only && state.memory_only.is_none()).then(|| html! {
        <div class="notice" data-testid="storage-notice" data-storage="site-only">
            <p>
                <strong>{ "Progress here is saved for this site only: " }</strong>
                { "your browser keeps embedded pages' storage separate, so it is not shared with pyprep opened on its own site." }
            </p>
        </div>
    });
    let unreadable = state.unreadable.as_ref().map(|bad| {
        let raw = bad.raw.clone();
        let namespace = state.namespace.clone();
        let failed = download_failed.clone();
        let download = Callback::from(move |_: MouseEvent| {
            let name = format!("pyprep-{}-unreadable-{}.json", namespace, dom::now_ms());
            failed.set(dom::download_text(&name, &raw).is_err());
        });
        let kept = match &bad.backup_key {
            Some(key) => format!("It has been kept aside in this browser under \"{key}\" and was not changed."),
            None => "It could not be copied aside, so it was left untouched.".to_string(),
        };
        html! {
            <div class="notice error" data-testid="corrupt-notice" role="alert">
                <p>
                    <strong>{ "Your saved progress could not be read. " }</strong>
                    { format!("({}) ", bad.error) }{ kept }
                    { " You are starting with empty progress. Download the saved value to keep a copy." }
                </p>
                <button type="button" data-testid="corrupt-download" onclick={download}>
                    { "Download the unreadable progress" }
                </button>
                if *download_failed {
                    <p>{ "The download could not be started in this browser." }</p>
                }
            </div>
        }
    });
    html! { <>{ memory }{ site_only }{ unreadable }</> }
}
