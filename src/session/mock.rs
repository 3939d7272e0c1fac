//! Mock interviews: the deterministic pick and the timed state machine.

use crate::deck::Question;
use crate::progress::{Grade, Progress};

use super::Scope;

/// Settings of a mock interview.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct MockConfig {
    /// Categories to draw from (empty = all).
    pub categories: Vec<String>,
    /// Number of questions.
    pub count: usize,
    /// Time per question (at least 1 second is used).
    pub seconds_per_question: u32,
    /// Seed of the pseudo-random pick: the same seed picks the same questions.
    pub seed: u64,
    /// Only these questions (a widget's list; empty = the categories decide).
    pub pool: Vec<&'static str>,
}

/// The most questions a mock interview can have.
pub const MOCK_MAX_QUESTIONS: usize = 50;
/// The most minutes per question.
pub const MOCK_MAX_MINUTES: u32 = 60;

/// Why the mock setup form cannot start an interview.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum MockSetupError {
    /// Not a whole number from 1 to [`MOCK_MAX_QUESTIONS`].
    Count,
    /// Not a number of minutes above 0 and at most [`MOCK_MAX_MINUTES`].
    Minutes,
}

impl std::fmt::Display for MockSetupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MockSetupError::Count => write!(f, "Choose a whole number of questions from 1 to {MOCK_MAX_QUESTIONS}."),
            MockSetupError::Minutes => write!(
                f,
                "Choose a time per question above 0 and at most {MOCK_MAX_MINUTES} minutes (for example 0.5 or 3)."
            ),
        }
    }
}

/// The mock setup form, read.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct MockSetup {
    /// Number of questions.
    pub count: usize,
    /// Seconds per question (minutes rounded to whole seconds, at least 1).
    pub seconds_per_question: u32,
}

impl MockSetup {
    /// Reads the form's two fields as typed: a count and a number of minutes
    /// (`minutes` as the number input reports it, `NaN` when not a number).
    pub fn parse(count: &str, minutes: f64) -> Result<MockSetup, MockSetupError> {
        let count = count
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=MOCK_MAX_QUESTIONS).contains(n))
            .ok_or(MockSetupError::Count)?;
        if !(minutes.is_finite() && minutes > 0.0 && minutes <= f64::from(MOCK_MAX_MINUTES)) {
            return Err(MockSetupError::Minutes);
        }
        let seconds_per_question = ((minutes * 60.0).round() as u32).max(1);
        Ok(MockSetup {
            count,
            seconds_per_question,
        })
    }
}

/// SplitMix64: a tiny deterministic generator for shuffling.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

/// True when the learner struggles with a question: its last grade was
/// Again or Hard, or its card has lapsed.
fn is_weak(progress: &Progress, id: &str) -> bool {
    progress.get(id).is_some_and(|p| {
        p.reviews
            .last()
            .is_some_and(|r| matches!(r.grade, Grade::Again | Grade::Hard))
            || p.card.as_ref().is_some_and(|c| c.lapses > 0)
    })
}

/// Picks the questions of a mock interview, deterministically for a seed.
/// The pool's questions are eligible when it has any, else those of the
/// configured categories. Weak
/// questions (last graded Again/Hard, or lapsed) fill up to half of the
/// slots; the rest are drawn round-robin across categories for a mix; the
/// final order is shuffled.
pub fn pick_mock(questions: &[Question], progress: &Progress, config: &MockConfig) -> Vec<&'static str> {
    let mut rng = SplitMix(config.seed);
    let scope = Scope {
        categories: config.categories.clone(),
    };
    let mut pool: Vec<&Question> = questions
        .iter()
        .filter(|q| {
            if config.pool.is_empty() {
                scope.includes(q.category)
            } else {
                config.pool.contains(&q.id)
            }
        })
        .collect();
    rng.shuffle(&mut pool);
    let (weak, mut rest): (Vec<&Question>, Vec<&Question>) = pool.into_iter().partition(|q| is_weak(progress, q.id));
    let mut picked: Vec<&'static str> = weak.iter().take(config.count / 2).map(|q| q.id).collect();
    rest.extend(weak.iter().skip(config.count / 2));
    let mut categories: Vec<&str> = rest.iter().map(|q| q.category).collect();
    crate::sort::sort(&mut categories);
    categories.dedup();
    while picked.len() < config.count && !rest.is_empty() {
        for category in &categories {
            if picked.len() == config.count {
                break;
            }
            if let Some(i) = rest.iter().position(|q| q.category == *category) {
                picked.push(rest.remove(i).id);
            }
        }
    }
    rng.shuffle(&mut picked);
    picked
}
