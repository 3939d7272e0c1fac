//! Hooks shared by the screens.

mod card_keys;
mod use_route;
mod use_shortcuts;
mod use_ticker;

pub use card_keys::CardKeys;
pub use use_route::use_route;
pub use use_shortcuts::{Shortcut, use_shortcuts};
pub use use_ticker::use_ticker;

use yew::prelude::*;

use crate::ui::state::{Announcer, AppHandle};

/// The shared app state; every screen is rendered inside a [`crate::ui::provider::ProgressProvider`].
#[hook]
pub fn use_app_state() -> AppHandle {
    use_context::<AppHandle>().expect("screens render inside a ProgressProvider")
}

/// Says something through the host's live region.
#[hook]
pub fn use_announce() -> Announcer {
    use_context::<Announcer>().unwrap_or_default()
}
