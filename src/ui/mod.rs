//! The Yew user interface: shows state, turns clicks and keys into actions.

mod app;
mod components;
mod hooks;
pub mod route;
pub mod state;
mod web;

pub use app::App;
