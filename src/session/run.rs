//! A practice run: the queue as it was when the session started, where the
//! learner is in it, whether the answer is shown, and what was graded.

use crate::progress::Grade;

/// Where a practice session stands.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct PracticeRun {
    /// The questions of the session, in order.
    pub queue: Vec<&'static str>,
    /// The position in `queue`; `queue.len()` once the session is over.
    pub index: usize,
    /// The current card's answer is shown.
    pub revealed: bool,
    /// The grade given to each position of `queue`, once given.
    pub graded: Vec<Option<Grade>>,
}

/// What one grade did, for the host page and the live region.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Graded {
    /// The question graded.
    pub id: &'static str,
    /// The grade given.
    pub grade: Grade,
    /// Cards left in the session after this one.
    pub remaining: usize,
    /// The next card, if any.
    pub next: Option<&'static str>,
}

impl PracticeRun {
    /// A run over `queue`, at its first card.
    pub fn start(queue: Vec<&'static str>) -> PracticeRun {
        let graded = vec![None; queue.len()];
        PracticeRun {
            queue,
            index: 0,
            revealed: false,
            graded,
        }
    }

    /// The current card, `None` once the session is over.
    pub fn current(&self) -> Option<&'static str> {
        self.queue.get(self.index).copied()
    }

    /// The grade the current card already got in this run (seen again
    /// through Previous): it is shown, not graded a second time.
    pub fn current_grade(&self) -> Option<Grade> {
        self.graded.get(self.index).copied().flatten()
    }

    /// Cards left, the current one included.
    pub fn remaining(&self) -> usize {
        self.queue.len().saturating_sub(self.index)
    }

    /// True once every card was graded or skipped.
    pub fn is_finished(&self) -> bool {
        self.index >= self.queue.len()
    }

    /// Shows the answer; false when there was nothing to reveal.
    pub fn reveal(&mut self) -> bool {
        if self.current().is_none() || self.revealed {
            return false;
        }
        self.revealed = true;
        true
    }

    /// Grades the current card and moves on. Nothing happens (`None`) when
    /// the answer is not shown yet or the card was graded already.
    pub fn grade(&mut self, grade: Grade) -> Option<Graded> {
        let id = self.current()?;
        if !self.revealed || self.current_grade().is_some() {
            return None;
        }
        self.graded[self.index] = Some(grade);
        self.index += 1;
        self.revealed = false;
        Some(Graded {
            id,
            grade,
            remaining: self.remaining(),
            next: self.current(),
        })
    }

    /// Moves `delta` cards (Previous is -1, Skip is +1), at most to the end;
    /// returns whether the position changed. A card graded earlier comes
    /// back revealed, with its grade.
    pub fn step(&mut self, delta: isize) -> bool {
        let index = self.index.saturating_add_signed(delta).min(self.queue.len());
        if index == self.index {
            return false;
        }
        self.index = index;
        self.revealed = self.current_grade().is_some();
        true
    }
}
