//! The practice queue: due cards first, then new cards under the daily limit.

use crate::deck::Question;
use crate::progress::{Progress, Status, local_day};

use super::Scope;

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

/// The practice queue: due cards first (most overdue first), then new cards
/// in deck order up to what is left of the daily new-card limit. Questions
/// without an answer and out of scope are skipped.
pub fn practice_queue(
    questions: &[Question],
    progress: &Progress,
    scope: &Scope,
    now_ms: i64,
    tz_offset_min: i32,
) -> Vec<&'static str> {
    let eligible = || {
        questions
            .iter()
            .filter(|q| q.answer.is_some() && scope.includes(q.category))
    };
    let mut due: Vec<(i64, &'static str)> = eligible()
        .filter_map(|q| {
            let card = progress.get(q.id)?.card.as_ref()?;
            (card.due_ms <= now_ms).then_some((card.due_ms, q.id))
        })
        .collect();
    due.sort_by_key(|&(due_ms, _)| due_ms);
    let left = progress
        .settings
        .daily_new_limit
        .saturating_sub(new_introduced_today(progress, now_ms, tz_offset_min));
    let new = eligible()
        .filter(|q| progress.status(q.id, now_ms) == Status::New)
        .take(left as usize)
        .map(|q| q.id);
    due.into_iter().map(|(_, id)| id).chain(new).collect()
}
