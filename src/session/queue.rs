//! The practice queue, one builder for every host: the daily queue (due
//! cards first, then new cards under the daily limit), a listed set of
//! questions (a widget's `data-questions`), or a single card.

use crate::deck::Question;
use crate::progress::{Progress, Status, local_day};

use super::Scope;

/// Which questions a practice session draws from.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum PracticeScope {
    /// Due cards, then new ones up to the daily limit, from these categories.
    Daily(Scope),
    /// These questions: the due ones first, then those never graded, in the
    /// order listed. No daily limit: the author chose them for the reader.
    Listed(Vec<&'static str>),
    /// One card, due or not.
    Single(&'static str),
}

impl PracticeScope {
    /// True for a one-card session.
    pub fn is_single(&self) -> bool {
        matches!(self, PracticeScope::Single(_))
    }
}

/// New cards first graded on the local day of `now_ms` (a question counts on
/// the day of its earliest review).
pub fn new_introduced_today(progress: &Progress, now_ms: i64, tz_offset_min: i32) -> u32 {
    let today = local_day(now_ms, tz_offset_min);
    let first_days = progress
        .questions
        .values()
        .filter_map(|q| q.reviews.iter().map(|r| r.at_ms).min());
    first_days.filter(|&at| local_day(at, tz_offset_min) == today).count() as u32
}

/// The due questions among `ids`, most overdue first.
fn due_first<'a>(ids: impl Iterator<Item = &'a Question>, progress: &Progress, now_ms: i64) -> Vec<&'static str> {
    let mut due: Vec<(i64, &'static str)> = ids
        .filter_map(|q| {
            let card = progress.get(q.id)?.card.as_ref()?;
            (card.due_ms <= now_ms).then_some((card.due_ms, q.id))
        })
        .collect();
    due.sort_by_key(|&(due_ms, _)| due_ms);
    due.into_iter().map(|(_, id)| id).collect()
}

/// The practice queue of `scope` over `questions` (the deck).
pub fn practice_queue(
    questions: &'static [Question],
    progress: &Progress,
    scope: &PracticeScope,
    now_ms: i64,
    tz_offset_min: i32,
) -> Vec<&'static str> {
    match scope {
        PracticeScope::Single(id) => questions.iter().filter(|q| q.id == *id).map(|q| q.id).collect(),
        PracticeScope::Listed(ids) => {
            let listed: Vec<&Question> = ids
                .iter()
                .filter_map(|id| questions.iter().find(|q| q.id == *id))
                .collect();
            let mut queue = due_first(listed.iter().copied(), progress, now_ms);
            queue.extend(
                listed
                    .iter()
                    .filter(|q| progress.status(q.id, now_ms) == Status::New)
                    .map(|q| q.id),
            );
            queue
        }
        PracticeScope::Daily(scope) => {
            let eligible = || questions.iter().filter(|q| scope.includes(q.category));
            let mut queue = due_first(eligible(), progress, now_ms);
            let left =
                progress
                    .settings
                    .daily_new_limit
                    .saturating_sub(new_introduced_today(progress, now_ms, tz_offset_min));
            queue.extend(
                eligible()
                    .filter(|q| progress.status(q.id, now_ms) == Status::New)
                    .take(left as usize)
                    .map(|q| q.id),
            );
            queue
        }
    }
}
