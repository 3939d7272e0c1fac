//! pyprep: Python interview practice in the browser.
//!
//! Pure logic (deck, content pipeline) is plain Rust tested natively; the UI
//! turns state into HTML and clicks into actions.

#[cfg(not(target_arch = "wasm32"))]
pub mod content;
pub mod deck;
pub mod embed;
pub mod progress;
pub mod session;
pub mod site;
pub mod stats;
pub mod store;
pub mod ui;
