//! Predict-the-output cards: the line-by-line comparison of a prediction
//! with the verified output, the grade it suggests, and the queue of a
//! code-card session. Pure: time comes in as parameters.

use crate::deck::OutputCard;
use crate::progress::{Grade, Progress, Status};

use super::{QUICK_SECONDS, Scope, new_introduced_today};

/// Output as the sample runner compares it: line endings as `\n`, trailing
/// spaces of every line and trailing blank lines removed; as lines.
pub fn output_lines(text: &str) -> Vec<String> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut lines: Vec<String> = text.split('\n').map(|l| l.trim_end().to_string()).collect();
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines
}

/// One line of the comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineCheck {
    /// The predicted line is the printed one.
    Same(String),
    /// A line was predicted where another was printed.
    Differs { expected: String, predicted: String },
    /// A printed line the prediction does not have.
    Missing(String),
    /// A predicted line that is not printed.
    Extra(String),
}

/// A prediction compared with the verified output.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    /// Every line, in output order.
    pub lines: Vec<LineCheck>,
}

/// Above this many lines on either side the lines are compared by position
/// instead of aligned (the alignment costs their product).
const MAX_ALIGNED_LINES: usize = 400;

impl Comparison {
    /// How many printed lines the prediction has right.
    pub fn matched(&self) -> usize {
        self.lines.iter().filter(|l| matches!(l, LineCheck::Same(_))).count()
    }

    /// True when every line matches and none is missing or extra.
    pub fn is_exact(&self) -> bool {
        self.lines.iter().all(|l| matches!(l, LineCheck::Same(_)))
    }

    /// Lines counted against the prediction's score: every printed line
    /// and every extra predicted one.
    pub fn total(&self) -> usize {
        self.lines.len()
    }
}

/// Compares a prediction with the expected output, line by line, after
/// the runner's normalisation (trailing spaces and blank lines ignored, CRLF
/// read as LF). Lines are aligned on the longest common subsequence, so one
/// forgotten line shows as missing rather than shifting every line after
/// it; a missing line next to an extra one is shown as one differing line.
pub fn compare(predicted: &str, expected: &str) -> Comparison {
    let (got, want) = (output_lines(predicted), output_lines(expected));
    let ops = if got.len() > MAX_ALIGNED_LINES || want.len() > MAX_ALIGNED_LINES {
        by_position(&got, &want)
    } else {
        aligned(&got, &want)
    };
    Comparison { lines: pair_up(ops) }
}

fn by_position(got: &[String], want: &[String]) -> Vec<LineCheck> {
    (0..got.len().max(want.len()))
        .map(|i| match (got.get(i), want.get(i)) {
            (Some(g), Some(w)) if g == w => LineCheck::Same(w.clone()),
            (Some(g), Some(w)) => LineCheck::Differs {
                expected: w.clone(),
                predicted: g.clone(),
            },
            (None, Some(w)) => LineCheck::Missing(w.clone()),
            (Some(g), None) => LineCheck::Extra(g.clone()),
            (None, None) => unreachable!("i is below the longer length"),
        })
        .collect()
}

/// Same, Missing and Extra lines along a longest common subsequence.
fn aligned(got: &[String], want: &[String]) -> Vec<LineCheck> {
    let (n, m) = (want.len(), got.len());
    // lcs[i][j]: the longest common subsequence of want[i..] and got[j..].
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if want[i] == got[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < n || j < m {
        if i < n && j < m && want[i] == got[j] {
            out.push(LineCheck::Same(want[i].clone()));
            (i, j) = (i + 1, j + 1);
        } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
            out.push(LineCheck::Extra(got[j].clone()));
            j += 1;
        } else {
            out.push(LineCheck::Missing(want[i].clone()));
            i += 1;
        }
    }
    out
}

/// Turns each run of Missing and Extra lines between matches into
/// Differs pairs (in order), leaving the surplus as it is.
fn pair_up(ops: Vec<LineCheck>) -> Vec<LineCheck> {
    let mut out = Vec::new();
    let (mut missing, mut extra): (Vec<String>, Vec<String>) = (Vec::new(), Vec::new());
    let flush = |out: &mut Vec<LineCheck>, missing: &mut Vec<String>, extra: &mut Vec<String>| {
        let pairs = missing.len().min(extra.len());
        for (w, g) in missing.drain(..pairs).zip(extra.drain(..pairs)) {
            out.push(LineCheck::Differs {
                expected: w,
                predicted: g,
            });
        }
        out.extend(missing.drain(..).map(LineCheck::Missing));
        out.extend(extra.drain(..).map(LineCheck::Extra));
    };
    for op in ops {
        match op {
            LineCheck::Missing(w) => missing.push(w),
            LineCheck::Extra(g) => extra.push(g),
            same => {
                flush(&mut out, &mut missing, &mut extra);
                out.push(same);
            }
        }
    }
    flush(&mut out, &mut missing, &mut extra);
    out
}

/// The grade a comparison suggests, `seconds` after the card was shown
/// (`None` when unknown):
/// - every line right: Good, or Easy when checked within [`QUICK_SECONDS`];
/// - at least half of the lines right: Hard;
/// - fewer: Again.
///
/// A card that prints nothing is right only when nothing is predicted.
pub fn suggest_output_grade(comparison: &Comparison, seconds: Option<u32>) -> Grade {
    if comparison.is_exact() {
        return if seconds.is_some_and(|s| s <= QUICK_SECONDS) {
            Grade::Easy
        } else {
            Grade::Good
        };
    }
    if comparison.matched() * 2 >= comparison.total() {
        Grade::Hard
    } else {
        Grade::Again
    }
}

/// Which output cards a session draws from.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum OutputScope {
    /// Due cards, then new ones up to the daily limit, of these categories.
    Daily(Scope),
    /// The cards of these questions (a widget's `data-questions`): due ones
    /// first, then those never graded. No daily limit.
    Questions(Vec<&'static str>),
    /// One card, due or not.
    Single(&'static str),
}

/// The cards of `scope` a session shows, in order: due cards first (most
/// overdue first), then new ones in deck order. The daily queue's new cards
/// share the daily new-card limit with the questions.
pub fn output_queue(
    cards: &'static [OutputCard],
    progress: &Progress,
    scope: &OutputScope,
    now_ms: i64,
    tz_offset_min: i32,
) -> Vec<&'static str> {
    let in_scope: Vec<&'static OutputCard> = match scope {
        OutputScope::Single(id) => return cards.iter().filter(|c| c.id == *id).map(|c| c.id).collect(),
        OutputScope::Daily(categories) => cards.iter().filter(|c| categories.includes(c.category())).collect(),
        OutputScope::Questions(ids) => cards.iter().filter(|c| ids.contains(&c.question)).collect(),
    };
    let due = super::queue::due_first(in_scope.iter().map(|c| c.id), progress, now_ms);
    let new = in_scope
        .iter()
        .filter(|c| progress.status(c.id, now_ms) == Status::New)
        .map(|c| c.id);
    let limit = match scope {
        OutputScope::Daily(_) => {
            progress
                .settings
                .daily_new_limit
                .saturating_sub(new_introduced_today(progress, now_ms, tz_offset_min)) as usize
        }
        _ => usize::MAX,
    };
    due.into_iter().chain(new.take(limit)).collect()
}

/// How the cards of `scope` stand: (due now, new, all).
pub fn output_counts(
    cards: &'static [OutputCard],
    progress: &Progress,
    categories: &Scope,
    now_ms: i64,
) -> (usize, usize, usize) {
    let mut counts = (0, 0, 0);
    for c in cards.iter().filter(|c| categories.includes(c.category())) {
        counts.2 += 1;
        match progress.status(c.id, now_ms) {
            Status::New => counts.1 += 1,
            Status::Due => counts.0 += 1,
            _ => {}
        }
    }
    counts
}
