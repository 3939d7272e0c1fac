//! The Yew user interface: shows state, turns clicks into actions.

mod app;

pub use app::App;
