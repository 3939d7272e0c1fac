//! What to show next: the practice queue and run, browsing with a typed
//! filter and instant search, Home's next step, and the mock interview
//! state machine. Pure: time comes in as parameters.

mod code_run;
mod custom;
mod filter;
mod fuzzy;
mod grade_hint;
mod highlight;
mod html_text;
mod mock;
mod mock_interview;
mod mock_store;
mod next;
mod output;
mod queue;
mod run;
mod search;

pub use code_run::{
    INDENT, MAX_OUTPUT_CHARS, RunOutput, Stream, TIME_LIMIT_MS, download_progress, insert_indent, out_of_time,
    seconds_left,
};
pub use custom::{ExtraNew, MAX_AHEAD_DAYS, MAX_EXTRA_NEW, Study, study_queue};
pub use filter::{Filter, StatusFilter, neighbours};
pub use fuzzy::{TYPO_MIN_LEN, within_one_edit};
pub use grade_hint::{QUICK_SECONDS, suggest_grade};
pub use highlight::{Piece, SNIPPET_MAX, Snippet, marks, pieces, sentence_around, snippet};
pub use html_text::html_to_text;
pub use mock::{MOCK_MAX_MINUTES, MOCK_MAX_QUESTIONS, MockConfig, MockSetup, MockSetupError, pick_mock};
pub use mock_interview::{MockInterview, MockResult, MockSummary, follow_up_questions};
pub use mock_store::{
    MOCK_HISTORY_CAP, MockLoad, MockScore, decode_history, decode_mock, encode_mock, mock_history_key, mock_key,
    push_history,
};
pub use next::NextStep;
pub use output::{
    Comparison, LineCheck, OutputScope, compare, output_counts, output_lines, output_queue, suggest_output_grade,
};
pub use queue::{
    PracticeScope, learning_soon, new_introduced_today, order_new, practice_queue, practice_queue_ordered,
};
pub use run::{Graded, PracticeRun, RETURN_WITHIN_MS, Shown, returning_summary, reviews_in};
pub use search::{Field, Found, Ranked, SearchIndex, Term, all_tags};

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
