//! What to show next: the practice queue and run, browsing with a typed
//! filter and instant search, Home's next step, and the mock interview
//! state machine. Pure: time comes in as parameters.

mod filter;
mod grade_hint;
mod mock;
mod next;
mod queue;
mod run;
mod search;

pub use filter::{Filter, StatusFilter, neighbours};
pub use grade_hint::{QUICK_SECONDS, suggest_grade};
pub use mock::{
    MOCK_MAX_MINUTES, MOCK_MAX_QUESTIONS, MockConfig, MockInterview, MockResult, MockSetup, MockSetupError,
    MockSummary, pick_mock,
};
pub use next::NextStep;
pub use queue::{
    PracticeScope, learning_soon, new_introduced_today, order_new, practice_queue, practice_queue_ordered,
};
pub use run::{Graded, PracticeRun, RETURN_WITHIN_MS, Shown, returning_summary, reviews_in};
pub use search::{SearchIndex, all_tags, html_to_text};

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
