//! The Yew user interface: shows state, turns clicks and keys into actions.

pub mod answers;
mod app;
mod components;
mod dom;
mod hooks;
mod lazy;
mod location;
mod parts;
pub mod provider;
pub mod route;
mod runner;
mod screens;
pub mod shell;
pub mod state;
mod widget;

pub use app::App;
pub use widget::{Sink, Widget, WidgetProps};
