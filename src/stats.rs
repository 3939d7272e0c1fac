//! Statistics for the progress screen: mastery per category, reviews per
//! local day, the streak, and the due forecast. Pure: time comes in as parameters.

use crate::deck::Question;
use crate::progress::{Progress, Status, local_day};
use crate::session::Scope;

/// How the questions of one category stand.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct CategoryMastery {
    pub category: &'static str,
    pub new: u32,
    pub learning: u32,
    pub due: u32,
    pub mastered: u32,
    pub total: u32,
}

/// Status counts per category, categories in the order they first appear in `questions`
/// (deck order).
pub fn mastery(questions: &[Question], progress: &Progress, now_ms: i64) -> Vec<CategoryMastery> {
    let mut out: Vec<CategoryMastery> = Vec::new();
    for q in questions {
        let i = match out.iter().position(|m| m.category == q.category) {
            Some(i) => i,
            None => {
                out.push(CategoryMastery {
                    category: q.category,
                    new: 0,
                    learning: 0,
                    due: 0,
                    mastered: 0,
                    total: 0,
                });
                out.len() - 1
            }
        };
        let m = &mut out[i];
        m.total += 1;
        match progress.status(q.id, now_ms) {
            Status::New => m.new += 1,
            Status::Learning => m.learning += 1,
            Status::Due => m.due += 1,
            Status::Mastered => m.mastered += 1,
        }
    }
    out
}

/// Reviews per local day over the last `days` days, oldest first; the last
/// element is today.
pub fn reviews_per_day(progress: &Progress, now_ms: i64, tz_offset_min: i32, days: usize) -> Vec<u32> {
    let mut counts = vec![0u32; days];
    let today = local_day(now_ms, tz_offset_min);
    for review in progress.questions.values().flat_map(|q| &q.reviews) {
        let ago = today - local_day(review.at_ms, tz_offset_min);
        if (0..days as i64).contains(&ago) {
            counts[days - 1 - ago as usize] += 1;
        }
    }
    counts
}

/// Consecutive local days with at least one review, ending today, or ending
/// yesterday when there is no review yet today.
pub fn streak(progress: &Progress, now_ms: i64, tz_offset_min: i32) -> u32 {
    let mut days: Vec<i64> = progress
        .questions
        .values()
        .flat_map(|q| &q.reviews)
        .map(|r| local_day(r.at_ms, tz_offset_min))
        .collect();
    crate::sort::sort(&mut days);
    days.dedup();
    let today = local_day(now_ms, tz_offset_min);
    let start = if days.binary_search(&today).is_ok() {
        today
    } else {
        today - 1
    };
    let mut expected = start;
    let mut streak = 0;
    for &day in days.iter().rev().skip_while(|&&d| d > start) {
        if day != expected {
            break;
        }
        streak += 1;
        expected -= 1;
    }
    streak
}

/// Cards coming due per local day for today .. today + days - 1; overdue
/// cards count in today. Every card in `progress` counts.
pub fn due_next_days(progress: &Progress, now_ms: i64, tz_offset_min: i32, days: usize) -> Vec<u32> {
    let mut counts = vec![0u32; days];
    let today = local_day(now_ms, tz_offset_min);
    for card in progress.questions.values().filter_map(|q| q.card.as_ref()) {
        let ahead = (local_day(card.due_ms, tz_offset_min) - today).max(0);
        if ahead < days as i64 {
            counts[ahead as usize] += 1;
        }
    }
    counts
}

/// Questions in scope that are due at `now_ms` (for the home screen).
pub fn due_now(questions: &[Question], progress: &Progress, scope: &Scope, now_ms: i64) -> usize {
    questions
        .iter()
        .filter(|q| scope.includes(q.category))
        .filter(|q| progress.status(q.id, now_ms) == Status::Due)
        .count()
}
