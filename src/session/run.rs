//! A practice run, Anki's way: the queue as it was when the session started,
//! plus the learning cards that come back within the session once their
//! step is due (Again after a minute, Good on a new card after ten); where
//! the learner is among the cards shown so far (Previous shows a graded card
//! as graded, read-only); whether the answer is shown; and the last grade,
//! which can be undone.

use std::collections::{BTreeMap, VecDeque};

use crate::progress::{Grade, Progress, interval_words};

/// A card graded in this session comes back in it when it is due within this
/// many ms (Anki's learning steps are minutes; a card due tomorrow waits).
pub const RETURN_WITHIN_MS: i64 = 60 * 60_000;

/// A card the learner has seen in this run, and its grade once graded.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Shown {
    pub id: &'static str,
    pub grade: Option<Grade>,
}

/// Where a practice session stands.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct PracticeRun {
    /// Cards not shown yet, in order.
    upcoming: VecDeque<&'static str>,
    /// Graded cards that come back in this session: (due ms, id), by due time.
    returning: Vec<(i64, &'static str)>,
    /// Every card shown so far, in order (a returning card appears again).
    shown: Vec<Shown>,
    /// The position in `shown`; `shown.len()` when no card is current.
    pos: usize,
    /// The current card's answer is shown.
    pub revealed: bool,
    /// The last grade, for undo: its position in `shown` and whether it
    /// queued the card to return.
    last: Option<(usize, bool)>,
    /// How many reviews of each card the run knows of (see
    /// [`PracticeRun::sync_reviews`]): its own grades count, so only a
    /// review made elsewhere makes the stored count exceed it.
    known: BTreeMap<&'static str, usize>,
}

/// What one grade did, for the host page and the live region.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Graded {
    /// The question graded.
    pub id: &'static str,
    /// The grade given.
    pub grade: Grade,
    /// Cards left in the session after this one (returning ones included).
    pub remaining: usize,
    /// The next card, if one is ready now.
    pub next: Option<&'static str>,
    /// When the card comes back in this session, if it does.
    pub returns_at: Option<i64>,
}

impl PracticeRun {
    /// A run over `queue`, at its first card.
    pub fn start(queue: Vec<&'static str>) -> PracticeRun {
        PracticeRun::start_with(queue, Vec::new())
    }

    /// A run over `queue` that also brings back `returning` (due ms, id):
    /// learning cards of an earlier session, each once it is due.
    pub fn start_with(queue: Vec<&'static str>, mut returning: Vec<(i64, &'static str)>) -> PracticeRun {
        returning.retain(|(_, id)| !queue.contains(id));
        crate::sort::sort(&mut returning);
        let mut run = PracticeRun {
            upcoming: queue.into(),
            returning,
            ..PracticeRun::default()
        };
        run.advance(i64::MIN);
        run
    }

    /// The current card, `None` when the session is over or waiting for a
    /// returning card.
    pub fn current(&self) -> Option<&'static str> {
        self.shown.get(self.pos).map(|s| s.id)
    }

    /// How many cards have been shown before the current one.
    pub fn index(&self) -> usize {
        self.pos
    }

    /// The grade the current card already got (seen again through
    /// Previous): it is shown, not graded a second time.
    pub fn current_grade(&self) -> Option<Grade> {
        self.shown.get(self.pos).and_then(|s| s.grade)
    }

    /// Cards left: the current one if ungraded, those not shown yet and the
    /// returning ones.
    pub fn remaining(&self) -> usize {
        let ungraded = self.shown[self.pos.min(self.shown.len())..]
            .iter()
            .filter(|s| s.grade.is_none())
            .count();
        ungraded + self.upcoming.len() + self.returning.len()
    }

    /// True once nothing is left: every card graded or skipped and none returning.
    pub fn is_finished(&self) -> bool {
        self.current().is_none() && self.upcoming.is_empty() && self.returning.is_empty()
    }

    /// When the returning cards are due, soonest first (the end screen's
    /// "2 cards return in 1 min").
    pub fn returning_at(&self) -> Vec<i64> {
        self.returning.iter().map(|&(due, _)| due).collect()
    }

    /// Shows the answer; false when there was nothing to reveal.
    pub fn reveal(&mut self) -> bool {
        if self.current().is_none() || self.revealed || self.current_grade().is_some() {
            return false;
        }
        self.revealed = true;
        true
    }

    /// Grades the current card at `now_ms`. `due_ms` and `learning` are what
    /// the scheduler made of it: a learning card due within
    /// [`RETURN_WITHIN_MS`] comes back in this session. Nothing happens
    /// (`None`) when the answer is not shown or the card was graded already.
    pub fn grade(&mut self, grade: Grade, now_ms: i64, due_ms: i64, learning: bool) -> Option<Graded> {
        let id = self.current()?;
        if !self.revealed || self.current_grade().is_some() {
            return None;
        }
        self.shown[self.pos].grade = Some(grade);
        if let Some(count) = self.known.get_mut(id) {
            *count += 1;
        }
        let returns = learning && due_ms.saturating_sub(now_ms) <= RETURN_WITHIN_MS;
        if returns {
            self.returning.push((due_ms, id));
            crate::sort::sort(&mut self.returning);
        }
        self.last = Some((self.pos, returns));
        self.forward(now_ms);
        Some(Graded {
            id,
            grade,
            remaining: self.remaining(),
            next: self.current(),
            returns_at: returns.then_some(due_ms),
        })
    }

    /// Takes back the last grade: the card is current again, revealed and
    /// ungraded, and does not return. Returns its id (the caller restores
    /// its scheduling), `None` when there is nothing to undo.
    pub fn undo(&mut self, _now_ms: i64) -> Option<&'static str> {
        let (pos, returned) = self.last.take()?;
        let id = self.shown.get(pos)?.id;
        if returned && let Some(i) = self.returning.iter().position(|&(_, r)| r == id) {
            self.returning.remove(i);
        }
        // Cards shown after it go back to the front of the queue, in order.
        for later in self.shown.drain(pos + 1..).rev() {
            if later.grade.is_none() {
                self.upcoming.push_front(later.id);
            }
        }
        self.shown[pos].grade = None;
        if let Some(count) = self.known.get_mut(id) {
            *count = count.saturating_sub(1);
        }
        self.pos = pos;
        self.revealed = true;
        Some(id)
    }

    /// True when a grade can be undone.
    pub fn can_undo(&self) -> bool {
        self.last.is_some()
    }

    /// Moves one card forward (Skip, or Next after Previous) or back
    /// (Previous); returns whether the position changed. A card graded
    /// earlier comes back revealed, with its grade.
    pub fn step(&mut self, delta: isize, now_ms: i64) -> bool {
        if delta < 0 {
            if self.pos == 0 {
                return false;
            }
            self.pos -= 1;
        } else if delta > 0 {
            if self.current().is_none() {
                return false;
            }
            self.forward(now_ms);
        } else {
            return false;
        }
        self.revealed = self.current_grade().is_some();
        true
    }

    /// Shows a returning card once it is due, when no card is current.
    /// Returns whether one was picked up.
    pub fn pick_up(&mut self, now_ms: i64) -> bool {
        if self.current().is_some() {
            return false;
        }
        let before = self.shown.len();
        self.advance(now_ms);
        self.shown.len() > before
    }

    /// Keeps the run in step with reviews made elsewhere: another widget on
    /// the page, another tab. `reviews(id)` is what the progress holds now
    /// for `id`: how many reviews and the last grade, `None` when never
    /// reviewed. The first sight of a card only takes note of its count.
    /// A card with more reviews than the run knows of was graded elsewhere:
    /// it is not offered again (no second review). Not shown yet or due to
    /// return, it leaves the queue; shown and ungraded, it counts as graded
    /// with that grade (Previous shows it read-only), and when it is the
    /// current card the run moves on. Returns the cards taken out.
    pub fn sync_reviews(&mut self, now_ms: i64, reviews: impl Fn(&str) -> Option<(usize, Grade)>) -> Vec<&'static str> {
        let mut ids: Vec<&'static str> = self.upcoming.iter().copied().collect();
        ids.extend(self.returning.iter().map(|&(_, id)| id));
        ids.extend(self.shown.iter().map(|s| s.id));
        let mut elsewhere: Vec<(&'static str, Grade)> = Vec::new();
        for id in ids {
            let (count, last) = reviews(id).map_or((0, None), |(n, g)| (n, Some(g)));
            let known = self.known.entry(id).or_insert(count);
            if count > *known
                && let Some(grade) = last
                && !elsewhere.iter().any(|&(e, _)| e == id)
            {
                elsewhere.push((id, grade));
            }
            *known = count;
        }
        if elsewhere.is_empty() {
            return Vec::new();
        }
        let graded = |id: &str| elsewhere.iter().find(|&&(e, _)| e == id).map(|&(_, g)| g);
        self.upcoming.retain(|id| graded(id).is_none());
        self.returning.retain(|(_, id)| graded(id).is_none());
        let mut current_went = false;
        for (i, shown) in self.shown.iter_mut().enumerate() {
            if i >= self.pos
                && shown.grade.is_none()
                && let Some(grade) = graded(shown.id)
            {
                shown.grade = Some(grade);
                current_went |= i == self.pos;
            }
        }
        if current_went {
            self.forward(now_ms);
        }
        elsewhere.into_iter().map(|(id, _)| id).collect()
    }

    /// Moves past the current card: to the next one shown already, else to
    /// a new one.
    fn forward(&mut self, now_ms: i64) {
        self.revealed = false;
        if self.pos + 1 < self.shown.len() {
            self.pos += 1;
            self.revealed = self.current_grade().is_some();
            return;
        }
        self.pos = self.shown.len();
        self.advance(now_ms);
    }

    /// At the end of `shown`: shows a returning card that is due, else the
    /// next upcoming one, else nothing (waiting or finished).
    fn advance(&mut self, now_ms: i64) {
        let next = match self.returning.first() {
            Some(&(due, id)) if due <= now_ms => {
                self.returning.remove(0);
                Some(id)
            }
            _ => self.upcoming.pop_front(),
        };
        if let Some(id) = next {
            self.shown.push(Shown { id, grade: None });
            self.pos = self.shown.len() - 1;
        }
    }
}

/// What [`PracticeRun::sync_reviews`] needs to know of `progress`: for a
/// card, how many reviews it holds and the last grade.
pub fn reviews_in(progress: &Progress) -> impl Fn(&str) -> Option<(usize, Grade)> + '_ {
    |id| {
        let entry = progress.get(id)?;
        entry.reviews.last().map(|last| (entry.reviews.len(), last.grade))
    }
}

/// "2 cards return in 1 minute, 1 in 9 minutes.": returning cards grouped
/// by the minute they are due in, soonest first (`due` sorted).
pub fn returning_summary(due: &[i64], now_ms: i64) -> String {
    let mut groups: Vec<(i64, usize)> = Vec::new();
    for &d in due {
        // Rounded to the nearest minute; -1 stands for "due already".
        let left = d.saturating_sub(now_ms);
        let minutes = if left <= 0 { -1 } else { (left + 30_000) / 60_000 };
        match groups.last_mut() {
            Some((m, n)) if *m == minutes => *n += 1,
            _ => groups.push((minutes, 1)),
        }
    }
    let parts: Vec<String> = groups
        .iter()
        .enumerate()
        .map(|(i, &(minutes, n))| {
            let when = if minutes < 0 {
                "now".to_string()
            } else {
                interval_words(minutes * 60_000)
            };
            match (i, n) {
                (0, 1) => format!("1 card returns {when}"),
                (0, n) => format!("{n} cards return {when}"),
                (_, n) => format!("{n} {when}"),
            }
        })
        .collect();
    format!("{}.", parts.join(", "))
}
