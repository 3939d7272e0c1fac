//! Hooks shared by the screens.

mod use_progress;
mod use_route;
mod use_shortcuts;
mod use_ticker;

pub use use_progress::use_progress;
pub use use_route::use_route;
pub use use_shortcuts::{Shortcut, use_shortcuts};
pub use use_ticker::use_ticker;
