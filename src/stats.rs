//! Statistics for the progress screen: mastery per category, reviews per
//! local day (and as a calendar heatmap), the streak, the due forecast,
//! retention, the hardest cards and the time spent. Pure: time comes in as
//! parameters.

use crate::deck::Question;
use crate::progress::{Grade, Progress, Status, civil_date, local_day};
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

/// Reviews and how many were not graded Again: retention is their share.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Retention {
    pub reviews: u32,
    pub recalled: u32,
}

impl Retention {
    /// Whole percent of reviews not graded Again; `None` with no reviews.
    pub fn percent(self) -> Option<u32> {
        (self.reviews > 0).then(|| (self.recalled * 100 + self.reviews / 2) / self.reviews)
    }

    fn add(&mut self, grade: Grade) {
        self.reviews += 1;
        self.recalled += u32::from(grade != Grade::Again);
    }
}

/// Retention per category (deck order, every category of `questions`) and overall.
pub fn retention(questions: &[Question], progress: &Progress) -> (Vec<(&'static str, Retention)>, Retention) {
    let mut per: Vec<(&'static str, Retention)> = Vec::new();
    let mut all = Retention::default();
    for q in questions {
        let i = match per.iter().position(|(c, _)| *c == q.category) {
            Some(i) => i,
            None => {
                per.push((q.category, Retention::default()));
                per.len() - 1
            }
        };
        for r in progress.get(q.id).map_or(&[][..], |p| &p.reviews[..]) {
            per[i].1.add(r.grade);
            all.add(r.grade);
        }
    }
    (per, all)
}

/// One day of the calendar heatmap.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct HeatDay {
    /// `YYYY-MM-DD`, local.
    pub date: String,
    /// 0 = Monday .. 6 = Sunday.
    pub weekday: u32,
    pub count: u32,
    /// 0 (none) to 4 (20 or more), see [`heat_level`].
    pub level: u8,
}

/// The shade of a day with `count` reviews: 0 none, 1 for 1-4, 2 for 5-9,
/// 3 for 10-19, 4 for 20 or more.
pub fn heat_level(count: u32) -> u8 {
    match count {
        0 => 0,
        1..=4 => 1,
        5..=9 => 2,
        10..=19 => 3,
        _ => 4,
    }
}

/// The last `weeks` whole weeks, Monday first, ending with the week of
/// today (days after today are left out), with their review counts.
pub fn heatmap(progress: &Progress, now_ms: i64, tz_offset_min: i32, weeks: usize) -> Vec<HeatDay> {
    let today = local_day(now_ms, tz_offset_min);
    // 1970-01-01 was a Thursday (weekday 3 with Monday = 0).
    let weekday = |day: i64| (day + 3).rem_euclid(7) as u32;
    let first = today - i64::from(weekday(today)) - 7 * (weeks.max(1) as i64 - 1);
    let days = (today - first + 1) as usize;
    let counts = reviews_per_day(progress, now_ms, tz_offset_min, days);
    counts
        .into_iter()
        .enumerate()
        .map(|(i, count)| {
            let day = first + i as i64;
            let (y, m, d) = civil_date(day);
            HeatDay {
                date: format!("{y:04}-{m:02}-{d:02}"),
                weekday: weekday(day),
                count,
                level: heat_level(count),
            }
        })
        .collect()
}

/// A card the learner keeps forgetting.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct HardCard {
    pub id: &'static str,
    /// Times forgotten after being learnt (FSRS lapses).
    pub lapses: u32,
    /// Reviews graded Again.
    pub again: u32,
}

/// Up to `n` questions with the most lapses (then most Again grades, then
/// deck order); questions never forgotten are left out.
pub fn hardest(questions: &[Question], progress: &Progress, n: usize) -> Vec<HardCard> {
    let mut cards: Vec<(usize, HardCard)> = questions
        .iter()
        .enumerate()
        .filter_map(|(at, q)| {
            let p = progress.get(q.id)?;
            let lapses = p.card.as_ref().map_or(0, |c| c.lapses);
            let again = p.reviews.iter().filter(|r| r.grade == Grade::Again).count() as u32;
            (lapses + again > 0).then_some((
                at,
                HardCard {
                    id: q.id,
                    lapses,
                    again,
                },
            ))
        })
        .collect();
    // Most lapses, then most Again, first; ties keep deck order.
    crate::sort::sort_by(&mut cards, &mut |(i, a), (j, b)| {
        (b.lapses, b.again, i).cmp(&(a.lapses, a.again, j))
    });
    cards.into_iter().take(n).map(|(_, c)| c).collect()
}

/// Longest gap between two reviews that still counts as studying.
pub const STUDY_GAP_MS: i64 = 5 * 60_000;
/// What a review that opens a sitting is counted as.
pub const FIRST_REVIEW_MS: i64 = 30_000;

/// Time spent reviewing, estimated from the review times (the model keeps
/// when each review happened, not how long it took): the gap before a
/// review counts when it is at most [`STUDY_GAP_MS`]; the first review of
/// a sitting counts [`FIRST_REVIEW_MS`].
pub fn time_spent_ms(progress: &Progress) -> i64 {
    let mut times: Vec<i64> = progress
        .questions
        .values()
        .flat_map(|q| q.reviews.iter().map(|r| r.at_ms))
        .collect();
    crate::sort::sort(&mut times);
    let mut total = 0i64;
    let mut previous: Option<i64> = None;
    for t in times {
        let gap = previous.map(|p| t.saturating_sub(p));
        total = total.saturating_add(match gap {
            Some(g) if g <= STUDY_GAP_MS => g,
            _ => FIRST_REVIEW_MS,
        });
        previous = Some(t);
    }
    total
}
