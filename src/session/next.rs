//! Home's one button: what the learner should do next, and how to say it.

use crate::deck::Question;
use crate::progress::Progress;

use super::{PracticeScope, Scope, practice_queue};

/// The next step Home offers.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum NextStep {
    /// Nothing graded yet: learn the first `new` cards.
    Start { new: usize },
    /// Due cards waiting: a session of `due` reviews and `new` new cards.
    Review { due: usize, new: usize },
    /// Nothing due, but new cards left under today's limit.
    Learn { new: usize },
    /// Nothing due and no new cards left today.
    Done,
}

impl NextStep {
    /// The next step over `questions` (the deck), all categories.
    pub fn of(questions: &'static [Question], progress: &Progress, now_ms: i64, tz_offset_min: i32) -> NextStep {
        let scope = PracticeScope::Daily(Scope::default());
        let queue = practice_queue(questions, progress, &scope, now_ms, tz_offset_min);
        let due = queue
            .iter()
            .filter(|id| progress.get(id).is_some_and(|p| p.card.is_some()))
            .count();
        let new = queue.len() - due;
        let started = progress.questions.values().any(|q| !q.reviews.is_empty());
        match (started, due, new) {
            (_, 0, 0) => NextStep::Done,
            (false, _, new) => NextStep::Start { new },
            (true, 0, new) => NextStep::Learn { new },
            (true, due, new) => NextStep::Review { due, new },
        }
    }

    /// Cards in the session the button starts (0 for [`NextStep::Done`]).
    pub fn session_len(self) -> usize {
        match self {
            NextStep::Start { new } | NextStep::Learn { new } => new,
            NextStep::Review { due, new } => due + new,
            NextStep::Done => 0,
        }
    }

    /// The button's label; its count is the session it starts.
    pub fn label(self) -> String {
        let cards = |n: usize| {
            if n == 1 {
                "1 card".to_string()
            } else {
                format!("{n} cards")
            }
        };
        match self {
            NextStep::Start { new } => format!("Start: learn {}", cards(new)),
            NextStep::Review { due, new: 0 } => format!("Continue: review {}", cards(due)),
            NextStep::Review { due, new } => format!("Continue: {} ({due} due, {new} new)", cards(due + new)),
            NextStep::Learn { new } => format!("Continue: learn {} new", cards(new)),
            NextStep::Done => "All done for today: browse questions".to_string(),
        }
    }
}
