//! pyprep: Python interview practice in the browser.
//!
//! Pure logic (deck, progress, session, stats, embed config, the content
//! pipeline) is plain Rust tested natively; `store` is the one adapter to
//! localStorage; the UI turns state into HTML and clicks into actions.

#[cfg(not(target_arch = "wasm32"))]
pub mod content;
pub mod deck;
pub mod embed;
pub mod progress;
pub mod session;
pub mod sort;
pub mod stats;
pub mod store;
pub mod ui;
