//! What each grade would do, before the learner picks one: the same
//! scheduler call as grading, so the interval on a button is the interval
//! the card gets.

use super::model::{Card, CardState, Grade, Progress};

/// Where a grade would put a card.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Outcome {
    /// When the card would be due next.
    pub due_ms: i64,
    /// Its state then: Learning and Relearning cards come back within minutes.
    pub state: CardState,
}

impl Outcome {
    /// True for a card in its learning steps (due again within the day).
    pub fn is_learning(self) -> bool {
        matches!(self.state, CardState::Learning | CardState::Relearning)
    }
}

impl Progress {
    /// What grading question `id` at `now_ms` with each grade (Again, Hard,
    /// Good, Easy) would give.
    pub fn preview(&self, id: &str, now_ms: i64) -> [Outcome; 4] {
        let card = self
            .get(id)
            .and_then(|q| q.card.clone())
            .unwrap_or_else(|| Card::new_at(now_ms));
        Grade::ALL.map(|grade| {
            let next = card.next(grade, now_ms);
            Outcome {
                due_ms: next.due_ms,
                state: next.state,
            }
        })
    }
}

/// A short interval for a grade button, as Anki writes it: `<1m`, `10m`,
/// `3h`, `15d`, `4mo`, `2y`.
pub fn interval_label(ms: i64) -> String {
    const MIN: i64 = 60_000;
    const HOUR: i64 = 60 * MIN;
    const DAY: i64 = 24 * HOUR;
    match ms.max(0) {
        ms if ms < MIN => "<1m".to_string(),
        ms if ms < HOUR => format!("{}m", (ms + MIN / 2) / MIN),
        ms if ms < DAY => format!("{}h", (ms + HOUR / 2) / HOUR),
        ms if ms < 30 * DAY => format!("{}d", (ms + DAY / 2) / DAY),
        ms if ms < 365 * DAY => format!("{}mo", (ms + 15 * DAY) / (30 * DAY)),
        ms => format!("{}y", (ms + 182 * DAY) / (365 * DAY)),
    }
}

/// The same interval in words, for the line shown after grading:
/// "in less than a minute", "in 10 minutes", "in 3 days".
pub fn interval_words(ms: i64) -> String {
    const MIN: i64 = 60_000;
    const HOUR: i64 = 60 * MIN;
    const DAY: i64 = 24 * HOUR;
    let unit = |n: i64, word: &str| {
        if n == 1 {
            format!("in 1 {word}")
        } else {
            format!("in {n} {word}s")
        }
    };
    match ms.max(0) {
        ms if ms < MIN => "in less than a minute".to_string(),
        ms if ms < HOUR => unit((ms + MIN / 2) / MIN, "minute"),
        ms if ms < DAY => unit((ms + HOUR / 2) / HOUR, "hour"),
        ms if ms < 30 * DAY => unit((ms + DAY / 2) / DAY, "day"),
        ms if ms < 365 * DAY => unit((ms + 15 * DAY) / (30 * DAY), "month"),
        ms => unit((ms + 182 * DAY) / (365 * DAY), "year"),
    }
}
