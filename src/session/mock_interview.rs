//! A running mock interview: one question at a time against a clock that
//! stops at reveal (reading the model answer is not answering time), the
//! follow-up questions, the learner's typed answers, ending early, and the
//! totals at the end.

use crate::progress::Grade;

use super::MockConfig;

/// The outcome of one mock question.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct MockResult {
    pub id: &'static str,
    pub grade: Grade,
    /// Whole seconds used (rounded up) up to the reveal, at most the time per question.
    pub seconds_used: u32,
    /// The time per question ran out before the answer was revealed.
    pub timed_out: bool,
}

/// Totals at the end of a mock interview.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct MockSummary {
    /// Results per grade, indexed Again, Hard, Good, Easy.
    pub counts: [u32; 4],
    pub timed_out: u32,
    pub total_seconds: u32,
    /// Average seconds per answered question, rounded.
    pub average_seconds: u32,
    /// Questions graded Again or Hard, or timed out, in interview order.
    pub to_review: Vec<&'static str>,
    /// Questions answered, and questions planned (fewer answered when ended early).
    pub answered: u32,
    pub planned: u32,
}

impl MockSummary {
    /// How many results had this grade.
    pub fn count(&self, grade: Grade) -> u32 {
        self.counts[grade as usize]
    }
}

/// A running mock interview.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct MockInterview {
    pub ids: Vec<&'static str>,
    pub config: MockConfig,
    /// Position of the current question; `ids.len()` when finished.
    pub index: usize,
    pub started_ms: i64,
    pub question_started_ms: i64,
    /// When the current question's answer was revealed (the clock stops there).
    pub revealed_ms: Option<i64>,
    /// The interviewer has asked the current question's follow-ups.
    pub follow_ups_shown: bool,
    /// What the learner typed, one entry per question of `ids`.
    pub attempts: Vec<String>,
    pub results: Vec<MockResult>,
    /// Ended with "End interview" before the last question.
    pub ended_early: bool,
}

impl MockInterview {
    /// Starts an interview over `ids` (usually from [`super::pick_mock`]).
    pub fn start(ids: Vec<&'static str>, config: MockConfig, now_ms: i64) -> MockInterview {
        MockInterview {
            attempts: vec![String::new(); ids.len()],
            ids,
            config,
            index: 0,
            started_ms: now_ms,
            question_started_ms: now_ms,
            revealed_ms: None,
            follow_ups_shown: false,
            results: Vec::new(),
            ended_early: false,
        }
    }

    /// The time per question in ms (at least a second).
    pub fn limit_ms(&self) -> i64 {
        i64::from(self.config.seconds_per_question.max(1)) * 1000
    }

    /// The question being asked, if not finished.
    pub fn current(&self) -> Option<&'static str> {
        if self.ended_early {
            return None;
        }
        self.ids.get(self.index).copied()
    }

    /// Answering time of the current question at `now_ms`: up to the reveal
    /// if revealed, never below 0 (a clock moved back) or above the limit.
    pub fn elapsed_ms(&self, now_ms: i64) -> i64 {
        let end = self.revealed_ms.unwrap_or(now_ms);
        end.saturating_sub(self.question_started_ms).clamp(0, self.limit_ms())
    }

    /// Seconds left on the current question (rounded up; 0 once time is up).
    pub fn remaining_seconds(&self, now_ms: i64) -> u32 {
        let left = self.limit_ms() - self.elapsed_ms(now_ms);
        (left.max(0) as u64).div_ceil(1000) as u32
    }

    /// True when the current question's time ran out before its reveal.
    pub fn is_timed_out(&self, now_ms: i64) -> bool {
        self.elapsed_ms(now_ms) >= self.limit_ms()
    }

    /// True once the current answer is shown.
    pub fn is_revealed(&self) -> bool {
        self.revealed_ms.is_some()
    }

    /// Shows the answer and stops the clock (at the limit if it had run
    /// out). A second reveal changes nothing.
    pub fn reveal(&mut self, now_ms: i64) {
        if self.revealed_ms.is_none() && self.current().is_some() {
            self.revealed_ms = Some(self.question_started_ms.saturating_add(self.elapsed_ms(now_ms)));
        }
    }

    /// The interviewer asks the follow-up questions (the clock keeps running).
    pub fn show_follow_ups(&mut self) {
        if self.current().is_some() {
            self.follow_ups_shown = true;
        }
    }

    /// The current question's typed answer.
    pub fn attempt(&self) -> &str {
        self.attempts.get(self.index).map_or("", String::as_str)
    }

    /// Keeps what the learner typed for the current question (cut at `max_chars`).
    pub fn set_attempt(&mut self, text: &str, max_chars: usize) {
        if let Some(slot) = self.attempts.get_mut(self.index) {
            *slot = text.chars().take(max_chars).collect();
        }
    }

    /// Records the grade of the current question and moves to the next.
    /// Returns the result (for `progress.grade`), or `None` when finished.
    pub fn record(&mut self, grade: Grade, now_ms: i64) -> Option<MockResult> {
        let id = self.current()?;
        let used_ms = self.elapsed_ms(now_ms);
        let result = MockResult {
            id,
            grade,
            seconds_used: (used_ms as u64).div_ceil(1000) as u32,
            timed_out: used_ms >= self.limit_ms(),
        };
        self.results.push(result);
        self.index += 1;
        self.question_started_ms = now_ms;
        self.revealed_ms = None;
        self.follow_ups_shown = false;
        Some(result)
    }

    /// Ends the interview now: the current question is left ungraded.
    pub fn end_early(&mut self) {
        if !self.is_finished() {
            self.ended_early = true;
            self.revealed_ms = None;
            self.follow_ups_shown = false;
        }
    }

    /// True once every question has a result, or the interview was ended.
    pub fn is_finished(&self) -> bool {
        self.ended_early || self.index >= self.ids.len()
    }

    /// The typed answer of question `id`, if anything was typed.
    pub fn attempt_of(&self, id: &str) -> Option<&str> {
        let i = self.ids.iter().position(|q| *q == id)?;
        self.attempts
            .get(i)
            .map(String::as_str)
            .filter(|t| !t.trim().is_empty())
    }

    /// Totals over the results so far.
    pub fn summary(&self) -> MockSummary {
        let mut summary = MockSummary {
            answered: self.results.len() as u32,
            planned: self.ids.len() as u32,
            ..MockSummary::default()
        };
        for r in &self.results {
            summary.counts[r.grade as usize] += 1;
            summary.total_seconds += r.seconds_used;
            summary.timed_out += u32::from(r.timed_out);
            if r.timed_out || matches!(r.grade, Grade::Again | Grade::Hard) {
                summary.to_review.push(r.id);
            }
        }
        let n = self.results.len() as u32;
        summary.average_seconds = (summary.total_seconds + n / 2).checked_div(n).unwrap_or(0);
        summary
    }
}

/// The follow-up questions of a rendered `follow_ups` part: the bold lead
/// of each list item (`<li><strong>Question?</strong> answer</li>`), as
/// inline HTML; items without one are skipped.
pub fn follow_up_questions(html: &str) -> Vec<&str> {
    html.split("<li>")
        .skip(1)
        .filter_map(|item| item.trim_start().strip_prefix("<strong>"))
        .filter_map(|rest| rest.split_once("</strong>").map(|(lead, _)| lead.trim()))
        .filter(|lead| !lead.is_empty())
        .collect()
}
