//! The practice queue, one builder for every host: the daily queue (due
//! cards first, then new cards under the daily limit), a listed set of
//! questions (a widget's `data-questions`), or a single card.

use crate::deck::Question;
use crate::progress::{CardState, NewOrder, Progress, Status, local_day};

use super::Scope;

/// Which questions a practice session draws from.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum PracticeScope {
    /// Due cards, then new ones up to the daily limit, from these categories.
    Daily(Scope),
    /// [`PracticeScope::Daily`] with today's new-card allowance raised by
    /// `extra_new` ("learn N more new cards today", see [`super::ExtraNew`]).
    DailyPlus { scope: Scope, extra_new: u32 },
    /// These questions: the due ones first, then those never graded, in the
    /// order listed. No daily limit: the author chose them for the reader.
    Listed(Vec<&'static str>),
    /// One card, due or not.
    Single(&'static str),
    /// Custom study: every one of these questions, due or not, in this
    /// order (see [`super::study_queue`]), but those graded since the
    /// session started at `since_ms` (a finished session is done, as an
    /// Anki filtered deck empties as you answer).
    Custom { ids: Vec<&'static str>, since_ms: i64 },
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

/// The due cards among `ids` (questions or code cards), most overdue first.
pub(super) fn due_first(
    ids: impl Iterator<Item = &'static str>,
    progress: &Progress,
    now_ms: i64,
) -> Vec<&'static str> {
    // Equal due times keep the order of `ids` (the position is the tie-break).
    let mut due: Vec<(i64, usize, &'static str)> = ids
        .enumerate()
        .filter_map(|(at, id)| {
            let card = progress.get(id)?.card.as_ref()?;
            (card.due_ms <= now_ms).then_some((card.due_ms, at, id))
        })
        .collect();
    crate::sort::sort(&mut due);
    due.into_iter().map(|(_, _, id)| id).collect()
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
        PracticeScope::Custom { ids, since_ms } => ids
            .iter()
            .filter_map(|id| questions.iter().find(|q| q.id == *id))
            .filter(|q| {
                progress
                    .get(q.id)
                    .is_none_or(|p| p.reviews.iter().all(|r| r.at_ms < *since_ms))
            })
            .map(|q| q.id)
            .collect(),
        PracticeScope::Listed(ids) => {
            let listed: Vec<&Question> = ids
                .iter()
                .filter_map(|id| questions.iter().find(|q| q.id == *id))
                .collect();
            let mut queue = due_first(listed.iter().map(|q| q.id), progress, now_ms);
            queue.extend(
                listed
                    .iter()
                    .filter(|q| progress.status(q.id, now_ms) == Status::New)
                    .map(|q| q.id),
            );
            queue
        }
        PracticeScope::Daily(_) | PracticeScope::DailyPlus { .. } => {
            practice_queue_ordered(questions, progress, scope, NewOrder::Deck, now_ms, tz_offset_min)
        }
    }
}

/// SplitMix64 step: a tiny deterministic generator.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Orders the new cards of a queue: in deck order; interleaved (one of each
/// category in turn, each category in deck order); or shuffled with a seed
/// that is fixed for the local day (the same order all day, another tomorrow).
pub fn order_new(ids: &mut [&'static str], questions: &[Question], order: NewOrder, day: i64) {
    let category = |id: &str| questions.iter().position(|q| q.id == id).map(|i| questions[i].category);
    match order {
        NewOrder::Deck => {}
        NewOrder::Interleaved => {
            let mut seen: Vec<(&str, usize)> = Vec::new();
            let mut keyed: Vec<(usize, usize, &'static str)> = ids
                .iter()
                .enumerate()
                .map(|(i, &id)| {
                    let c = category(id).unwrap_or("");
                    let rank = match seen.iter_mut().find(|(k, _)| *k == c) {
                        Some((_, n)) => {
                            *n += 1;
                            *n
                        }
                        None => {
                            seen.push((c, 0));
                            0
                        }
                    };
                    (rank, i, id)
                })
                .collect();
            crate::sort::sort(&mut keyed);
            for (slot, (_, _, id)) in ids.iter_mut().zip(keyed) {
                *slot = id;
            }
        }
        NewOrder::Random => {
            let mut keyed: Vec<(u64, &'static str)> = ids
                .iter()
                .map(|&id| {
                    let h = id.bytes().fold(day as u64, |h, b| mix(h ^ u64::from(b)));
                    (h, id)
                })
                .collect();
            crate::sort::sort(&mut keyed);
            for (slot, (_, id)) in ids.iter_mut().zip(keyed) {
                *slot = id;
            }
        }
    }
}

/// [`practice_queue`] with the daily queue's new cards chosen in `order`
/// (listed questions and single cards keep their order): interleaving picks
/// the day's new cards across categories, not only their order.
pub fn practice_queue_ordered(
    questions: &'static [Question],
    progress: &Progress,
    scope: &PracticeScope,
    order: NewOrder,
    now_ms: i64,
    tz_offset_min: i32,
) -> Vec<&'static str> {
    let (categories, extra_new) = match scope {
        PracticeScope::Daily(categories) => (categories, 0),
        PracticeScope::DailyPlus { scope, extra_new } => (scope, *extra_new),
        _ => return practice_queue(questions, progress, scope, now_ms, tz_offset_min),
    };
    let eligible = || questions.iter().filter(|q| categories.includes(q.category));
    let mut queue = due_first(eligible().map(|q| q.id), progress, now_ms);
    let left = progress
        .settings
        .daily_new_limit
        .saturating_add(extra_new)
        .saturating_sub(new_introduced_today(progress, now_ms, tz_offset_min));
    let mut new: Vec<&'static str> = eligible()
        .filter(|q| progress.status(q.id, now_ms) == Status::New)
        .map(|q| q.id)
        .collect();
    order_new(&mut new, questions, order, local_day(now_ms, tz_offset_min));
    queue.extend(new.into_iter().take(left as usize));
    queue
}

/// The learning cards of `scope` that fall due after `now_ms` and within
/// `window_ms`, soonest first, as (due ms, id): a session brings them back
/// when due, and Home says they are coming.
pub fn learning_soon(
    questions: &'static [Question],
    progress: &Progress,
    scope: &PracticeScope,
    now_ms: i64,
    window_ms: i64,
) -> Vec<(i64, &'static str)> {
    let in_scope = |q: &Question| match scope {
        PracticeScope::Daily(categories) | PracticeScope::DailyPlus { scope: categories, .. } => {
            categories.includes(q.category)
        }
        PracticeScope::Listed(ids) | PracticeScope::Custom { ids, .. } => ids.contains(&q.id),
        PracticeScope::Single(id) => q.id == *id,
    };
    let mut soon: Vec<(i64, &'static str)> = questions
        .iter()
        .filter(|q| in_scope(q))
        .filter_map(|q| {
            let card = progress.get(q.id)?.card.as_ref()?;
            let learning = matches!(card.state, CardState::Learning | CardState::Relearning);
            (learning && card.due_ms > now_ms && card.due_ms - now_ms <= window_ms).then_some((card.due_ms, q.id))
        })
        .collect();
    crate::sort::sort(&mut soon);
    soon
}
