//! The Yew user interface: shows state, turns clicks and keys into actions.

mod app;
mod components;
mod hooks;
pub mod route;
pub mod shell;
pub mod state;
mod web;
mod widget;

pub use app::App;
pub use widget::{Sink, Widget, WidgetProps};
