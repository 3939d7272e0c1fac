//! What to show next: the practice queue (due cards, then new cards under a
//! daily limit), browsing with filters and instant search, and the mock
//! interview state machine. Pure: time comes in as parameters.

use std::sync::OnceLock;

use crate::deck::{self, Difficulty, Question};
use crate::progress::{Grade, Progress, Status, local_day};

/// Which categories a session draws from (empty = all).
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Scope {
    pub categories: Vec<String>,
}

impl Scope {
    /// True when questions of `category` are in scope.
    pub fn includes(&self, category: &str) -> bool {
        self.categories.is_empty() || self.categories.iter().any(|c| c == category)
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

/// Status filter of the browse view.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum StatusFilter {
    New,
    Due,
    Learning,
    Mastered,
    Bookmarked,
}

/// Browse filters; `None` and an empty query match everything.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct Filter {
    pub category: Option<String>,
    pub difficulty: Option<Difficulty>,
    pub tag: Option<String>,
    pub status: Option<StatusFilter>,
    /// Instant search: every whitespace-separated term must appear (case-insensitive).
    pub query: String,
}

/// Lowercased searchable text per question (question + answer with HTML
/// tags stripped and entities decoded), built once.
pub struct SearchIndex {
    questions: &'static [Question],
    texts: Vec<String>,
}

impl SearchIndex {
    /// Builds the index of `questions`.
    pub fn new(questions: &'static [Question]) -> SearchIndex {
        let texts = questions.iter().map(search_text).collect();
        SearchIndex { questions, texts }
    }

    /// The index of the bundled deck, built on first use.
    pub fn deck() -> &'static SearchIndex {
        static INDEX: OnceLock<SearchIndex> = OnceLock::new();
        INDEX.get_or_init(|| SearchIndex::new(deck::questions()))
    }

    /// True when every term of `query` appears in question `index`'s text.
    pub fn matches(&self, index: usize, query: &str) -> bool {
        let query = query.to_lowercase();
        self.matches_lowercase(index, &query)
    }

    fn matches_lowercase(&self, index: usize, query: &str) -> bool {
        let text = &self.texts[index];
        query.split_whitespace().all(|term| text.contains(term))
    }

    /// The questions passing `filter`, in deck order.
    pub fn browse(&self, progress: &Progress, filter: &Filter, now_ms: i64) -> Vec<&'static Question> {
        let query = filter.query.to_lowercase();
        let questions: &'static [Question] = self.questions;
        questions
            .iter()
            .enumerate()
            .filter(|(_, q)| filter.category.as_deref().is_none_or(|c| q.category == c))
            .filter(|(_, q)| filter.difficulty.is_none_or(|d| q.difficulty == d))
            .filter(|(_, q)| filter.tag.as_deref().is_none_or(|t| q.tags.contains(&t)))
            .filter(|(_, q)| filter.status.is_none_or(|s| status_matches(s, progress, q.id, now_ms)))
            .filter(|(i, _)| self.matches_lowercase(*i, &query))
            .map(|(_, q)| q)
            .collect()
    }
}

fn status_matches(filter: StatusFilter, progress: &Progress, id: &str, now_ms: i64) -> bool {
    let status = progress.status(id, now_ms);
    match filter {
        StatusFilter::New => status == Status::New,
        StatusFilter::Due => status == Status::Due,
        StatusFilter::Learning => status == Status::Learning,
        StatusFilter::Mastered => status == Status::Mastered,
        StatusFilter::Bookmarked => progress.get(id).is_some_and(|p| p.bookmarked),
    }
}

/// The questions passing `filter`, in deck order. Uses the cached deck index
/// when `questions` is the bundled deck; otherwise builds one (keep a
/// [`SearchIndex`] and call [`SearchIndex::browse`] to avoid that).
pub fn browse(
    questions: &'static [Question],
    progress: &Progress,
    filter: &Filter,
    now_ms: i64,
) -> Vec<&'static Question> {
    if std::ptr::eq(questions, deck::questions()) {
        SearchIndex::deck().browse(progress, filter, now_ms)
    } else {
        SearchIndex::new(questions).browse(progress, filter, now_ms)
    }
}

/// Every tag used, sorted and unique.
pub fn all_tags(questions: &[Question]) -> Vec<&'static str> {
    let mut tags: Vec<&'static str> = questions.iter().flat_map(|q| q.tags.iter().copied()).collect();
    tags.sort_unstable();
    tags.dedup();
    tags
}

fn search_text(q: &Question) -> String {
    let mut text = q.text.to_string();
    if let Some(a) = &q.answer {
        for html in [a.short, a.explanation, a.example, a.follow_ups, a.pitfalls] {
            text.push(' ');
            text.push_str(&html_to_text(html));
        }
    }
    text.to_lowercase()
}

/// Plain text of an HTML fragment: tags removed (block tags become a space),
/// common and numeric entities decoded.
pub fn html_to_text(html: &str) -> String {
    const BLOCK: [&str; 14] = [
        "p",
        "br",
        "li",
        "ul",
        "ol",
        "div",
        "pre",
        "h1",
        "h2",
        "h3",
        "h4",
        "tr",
        "td",
        "blockquote",
    ];
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find(['<', '&']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with('<') {
            let end = rest.find('>').map_or(rest.len(), |e| e + 1);
            let name = rest[1..end].trim_start_matches('/');
            let name = name.split(|c: char| !c.is_ascii_alphanumeric()).next().unwrap_or("");
            if BLOCK.contains(&name.to_ascii_lowercase().as_str()) {
                out.push(' ');
            }
            rest = &rest[end..];
        } else {
            let end = rest.bytes().take(12).position(|b| b == b';');
            match end.and_then(|e| decode_entity(&rest[1..e]).map(|c| (c, e))) {
                Some((c, e)) => {
                    out.push(c);
                    rest = &rest[e + 1..];
                }
                None => {
                    out.push('&');
                    rest = &rest[1..];
                }
            }
        }
    }
    out.push_str(rest);
    out
}

fn decode_entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some(' '),
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}

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
/// Only answered questions in the configured categories are eligible. Weak
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
        .filter(|q| q.answer.is_some() && scope.includes(q.category))
        .collect();
    rng.shuffle(&mut pool);
    let (weak, mut rest): (Vec<&Question>, Vec<&Question>) = pool.into_iter().partition(|q| is_weak(progress, q.id));
    let mut picked: Vec<&'static str> = weak.iter().take(config.count / 2).map(|q| q.id).collect();
    rest.extend(weak.iter().skip(config.count / 2));
    let mut categories: Vec<&str> = rest.iter().map(|q| q.category).collect();
    categories.sort_unstable();
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

/// The outcome of one mock question.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct MockResult {
    pub id: &'static str,
    pub grade: Grade,
    /// Whole seconds used (rounded up), at most the time per question.
    pub seconds_used: u32,
    /// The time per question ran out before grading.
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
}

impl MockSummary {
    /// How many results had this grade.
    pub fn count(&self, grade: Grade) -> u32 {
        self.counts[grade as usize]
    }
}

/// A running mock interview: one question at a time, each with a timer.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct MockInterview {
    pub ids: Vec<&'static str>,
    pub config: MockConfig,
    /// Position of the current question; `ids.len()` when finished.
    pub index: usize,
    pub started_ms: i64,
    pub question_started_ms: i64,
    pub results: Vec<MockResult>,
}

impl MockInterview {
    /// Starts an interview over `ids` (usually from [`pick_mock`]).
    pub fn start(ids: Vec<&'static str>, config: MockConfig, now_ms: i64) -> MockInterview {
        MockInterview {
            ids,
            config,
            index: 0,
            started_ms: now_ms,
            question_started_ms: now_ms,
            results: Vec::new(),
        }
    }

    fn limit_ms(&self) -> i64 {
        i64::from(self.config.seconds_per_question.max(1)) * 1000
    }

    /// The question being asked, if not finished.
    pub fn current(&self) -> Option<&'static str> {
        self.ids.get(self.index).copied()
    }

    /// Seconds left on the current question (rounded up; 0 once time is up).
    pub fn remaining_seconds(&self, now_ms: i64) -> u32 {
        let left = self.limit_ms() - (now_ms - self.question_started_ms).max(0);
        (left.max(0) as u64).div_ceil(1000) as u32
    }

    /// True when the current question's time has run out.
    pub fn is_timed_out(&self, now_ms: i64) -> bool {
        now_ms - self.question_started_ms >= self.limit_ms()
    }

    /// Records the grade of the current question and moves to the next.
    /// Returns the result (for `progress.grade`), or `None` when finished.
    pub fn record(&mut self, grade: Grade, now_ms: i64) -> Option<MockResult> {
        let id = self.current()?;
        let used_ms = (now_ms - self.question_started_ms).clamp(0, self.limit_ms());
        let result = MockResult {
            id,
            grade,
            seconds_used: (used_ms as u64).div_ceil(1000) as u32,
            timed_out: self.is_timed_out(now_ms),
        };
        self.results.push(result);
        self.index += 1;
        self.question_started_ms = now_ms;
        Some(result)
    }

    /// True once every question has a result.
    pub fn is_finished(&self) -> bool {
        self.index >= self.ids.len()
    }

    /// Totals over the results so far.
    pub fn summary(&self) -> MockSummary {
        let mut summary = MockSummary::default();
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
