//! What to show next: the practice queue (due cards, then new cards under a
//! daily limit), browsing with filters and instant search, and the mock
//! interview state machine. Pure: time comes in as parameters.

mod mock;
mod queue;
mod search;

pub use mock::{MockConfig, MockInterview, MockResult, MockSummary, pick_mock};
pub use queue::{new_introduced_today, practice_queue};
pub use search::{Filter, SearchIndex, StatusFilter, all_tags, browse, html_to_text};

/// Which categories a session draws from (empty = all).
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Scope {
    pub categories: Vec<String>,
}

impl Scope {
    /// True when questions of `category` are in scope.
    pub fn includes(&self, category: &str) -> bool {
        self.categories.is_empty() || self.categories.iter().any(|c| c == category)
    }
}
