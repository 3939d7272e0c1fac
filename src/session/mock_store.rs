//! A running mock interview and the past scores as stored values, each
//! under its own versioned key beside the progress. Reading checks
//! everything: a value that does not make sense is discarded with a reason
//! (the caller tells the learner), never trusted and never a panic.

use serde::{Deserialize, Serialize};

use crate::deck::Question;
use crate::progress::{Grade, limits};

use super::{MOCK_MAX_MINUTES, MOCK_MAX_QUESTIONS, MockConfig, MockInterview, MockResult};

/// The version of both stored shapes.
pub const MOCK_STORE_VERSION: u32 = 1;
/// Past scores kept (the oldest go first).
pub const MOCK_HISTORY_CAP: usize = 20;
/// A stored value longer than this is not ours.
const MAX_RAW_BYTES: usize = 2 * 1024 * 1024;

/// The key of the running interview of a namespace.
pub fn mock_key(namespace: &str) -> String {
    format!("pyprep:{namespace}:mock:v{MOCK_STORE_VERSION}")
}

/// The key of the past scores of a namespace.
pub fn mock_history_key(namespace: &str) -> String {
    format!("pyprep:{namespace}:mock-history:v{MOCK_STORE_VERSION}")
}

#[derive(Serialize, Deserialize)]
struct StoredResult {
    id: String,
    grade: Grade,
    seconds_used: u32,
    timed_out: bool,
}

#[derive(Serialize, Deserialize)]
struct StoredMock {
    version: u32,
    ids: Vec<String>,
    categories: Vec<String>,
    pool: Vec<String>,
    seconds_per_question: u32,
    seed: u64,
    index: usize,
    started_ms: i64,
    question_started_ms: i64,
    revealed_ms: Option<i64>,
    follow_ups_shown: bool,
    attempts: Vec<String>,
    results: Vec<StoredResult>,
    /// When this was written, and the answering time then: a clock that
    /// went back since cannot hand the time back twice or make it negative.
    saved_at_ms: i64,
    elapsed_ms: i64,
}

/// The running interview as the JSON stored under [`mock_key`].
pub fn encode_mock(mock: &MockInterview, now_ms: i64) -> String {
    let stored = StoredMock {
        version: MOCK_STORE_VERSION,
        ids: mock.ids.iter().map(|s| s.to_string()).collect(),
        categories: mock.config.categories.clone(),
        pool: mock.config.pool.iter().map(|s| s.to_string()).collect(),
        seconds_per_question: mock.config.seconds_per_question,
        seed: mock.config.seed,
        index: mock.index,
        started_ms: mock.started_ms,
        question_started_ms: mock.question_started_ms,
        revealed_ms: mock.revealed_ms,
        follow_ups_shown: mock.follow_ups_shown,
        attempts: mock.attempts.clone(),
        results: mock
            .results
            .iter()
            .map(|r| StoredResult {
                id: r.id.to_string(),
                grade: r.grade,
                seconds_used: r.seconds_used,
                timed_out: r.timed_out,
            })
            .collect(),
        saved_at_ms: now_ms,
        elapsed_ms: mock.elapsed_ms(now_ms),
    };
    serde_json::to_string(&stored).unwrap_or_default()
}

/// What reading the stored interview gave.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum MockLoad {
    /// Nothing stored.
    None,
    /// An interview to resume.
    Resumed(MockInterview),
    /// Something stored that cannot be resumed, and why.
    Discarded(String),
}

fn deck_id(questions: &'static [Question], id: &str) -> Option<&'static str> {
    questions.iter().find(|q| q.id == id).map(|q| q.id)
}

/// Reads the stored interview against the deck at `now_ms`. The time left
/// follows the wall clock (time away counts, up to the limit); if the clock
/// now reads earlier than at the last save, the answering time saved then
/// is kept rather than given back or made negative.
pub fn decode_mock(raw: Option<&str>, questions: &'static [Question], now_ms: i64) -> MockLoad {
    let Some(raw) = raw else { return MockLoad::None };
    match check(raw, questions, now_ms) {
        Ok(mock) => MockLoad::Resumed(mock),
        Err(why) => MockLoad::Discarded(why.to_string()),
    }
}

fn check(raw: &str, questions: &'static [Question], now_ms: i64) -> Result<MockInterview, &'static str> {
    if raw.len() > MAX_RAW_BYTES {
        return Err("it is too large");
    }
    let s: StoredMock = serde_json::from_str(raw).map_err(|_| "it is not a saved interview")?;
    if s.version != MOCK_STORE_VERSION {
        return Err("it was saved by another version");
    }
    let ids: Vec<&'static str> = s.ids.iter().filter_map(|id| deck_id(questions, id)).collect();
    if ids.is_empty() || ids.len() != s.ids.len() || ids.len() > MOCK_MAX_QUESTIONS {
        return Err("its questions are not in this deck");
    }
    let limit = s.seconds_per_question;
    if !(1..=MOCK_MAX_MINUTES * 60).contains(&limit) {
        return Err("its time per question is impossible");
    }
    if s.index >= ids.len() || s.results.len() != s.index || s.attempts.len() != ids.len() {
        return Err("its position is impossible");
    }
    let times = [s.started_ms, s.question_started_ms, s.saved_at_ms];
    if !times.iter().all(|&t| limits::is_plausible_time(t))
        || s.revealed_ms.is_some_and(|t| !limits::is_plausible_time(t))
    {
        return Err("its times are impossible");
    }
    if s.attempts.iter().any(|a| a.chars().count() > limits::MAX_NOTE_CHARS) {
        return Err("an answer is too long");
    }
    let mut results = Vec::with_capacity(s.results.len());
    for (r, id) in s.results.iter().zip(&ids) {
        if r.id != *id || r.seconds_used > limit {
            return Err("its results do not match its questions");
        }
        results.push(MockResult {
            id,
            grade: r.grade,
            seconds_used: r.seconds_used,
            timed_out: r.timed_out,
        });
    }
    let pool: Vec<&'static str> = s.pool.iter().filter_map(|id| deck_id(questions, id)).collect();
    let config = MockConfig {
        categories: s.categories,
        count: ids.len(),
        seconds_per_question: limit,
        seed: s.seed,
        pool,
    };
    let mut mock = MockInterview {
        ids,
        config,
        index: s.index,
        started_ms: s.started_ms,
        question_started_ms: s.question_started_ms,
        revealed_ms: s.revealed_ms,
        follow_ups_shown: s.follow_ups_shown,
        attempts: s.attempts,
        results,
        ended_early: false,
    };
    let saved_elapsed = s.elapsed_ms.clamp(0, mock.limit_ms());
    let clock_went_back = now_ms < s.saved_at_ms || now_ms < s.question_started_ms;
    if clock_went_back || mock.revealed_ms.is_some_and(|r| r < mock.question_started_ms) {
        mock.question_started_ms = now_ms.saturating_sub(saved_elapsed);
        if mock.revealed_ms.is_some() {
            mock.revealed_ms = Some(now_ms);
        }
    }
    Ok(mock)
}

/// One finished interview, as the setup screen lists it.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Serialize, Deserialize)]
pub struct MockScore {
    pub finished_ms: i64,
    /// Questions graded, and questions planned.
    pub answered: u32,
    pub planned: u32,
    /// Graded Good or Easy in time.
    pub good: u32,
    pub timed_out: u32,
    pub total_seconds: u32,
}

impl MockScore {
    /// The score of a finished interview.
    pub fn of(mock: &MockInterview, finished_ms: i64) -> MockScore {
        let good = mock
            .results
            .iter()
            .filter(|r| !r.timed_out && matches!(r.grade, Grade::Good | Grade::Easy))
            .count() as u32;
        let summary = mock.summary();
        MockScore {
            finished_ms,
            answered: summary.answered,
            planned: summary.planned,
            good,
            timed_out: summary.timed_out,
            total_seconds: summary.total_seconds,
        }
    }

    /// Good answers as a whole percentage of the questions answered.
    pub fn percent(&self) -> u32 {
        (self.good * 100 + self.answered / 2)
            .checked_div(self.answered)
            .unwrap_or(0)
    }

    fn is_sane(&self) -> bool {
        self.answered <= self.planned
            && self.planned as usize <= MOCK_MAX_QUESTIONS
            && self.good <= self.answered
            && self.timed_out <= self.answered
            && self.total_seconds <= self.planned * MOCK_MAX_MINUTES * 60
            && limits::is_plausible_time(self.finished_ms)
    }
}

#[derive(Serialize, Deserialize)]
struct StoredHistory {
    version: u32,
    scores: Vec<MockScore>,
}

/// Reads the past scores, newest last; `Err` with a reason when the stored
/// value cannot be used (the caller starts a new history).
pub fn decode_history(raw: Option<&str>) -> Result<Vec<MockScore>, &'static str> {
    let Some(raw) = raw else { return Ok(Vec::new()) };
    if raw.len() > MAX_RAW_BYTES {
        return Err("it is too large");
    }
    let stored: StoredHistory = serde_json::from_str(raw).map_err(|_| "it is not a score list")?;
    if stored.version != MOCK_STORE_VERSION {
        return Err("it was saved by another version");
    }
    let mut scores: Vec<MockScore> = stored.scores.into_iter().filter(MockScore::is_sane).collect();
    let extra = scores.len().saturating_sub(MOCK_HISTORY_CAP);
    scores.drain(..extra);
    Ok(scores)
}

/// The history with `score` added (at most [`MOCK_HISTORY_CAP`], oldest dropped), as stored JSON.
pub fn push_history(scores: &[MockScore], score: MockScore) -> (Vec<MockScore>, String) {
    let mut scores = scores.to_vec();
    scores.push(score);
    let extra = scores.len().saturating_sub(MOCK_HISTORY_CAP);
    scores.drain(..extra);
    let stored = StoredHistory {
        version: MOCK_STORE_VERSION,
        scores,
    };
    let json = serde_json::to_string(&stored).unwrap_or_default();
    (stored.scores, json)
}
