//! Embedding: the configuration of a widget (from a mount point's data
//! attributes or an iframe's query string), the questions it covers, the
//! payloads of the events it sends to the host page, and the stylesheet
//! adjustment for Shadow DOM. Pure: no web-sys, tested natively.

use std::fmt;

use serde_json::{Value, json};

use crate::deck;
use crate::progress::{Grade, Progress, Status};

/// The storage namespace widgets use unless told otherwise: the standalone
/// app's, so widgets of the same deck on one site share progress.
pub const DEFAULT_NAMESPACE: &str = "python";

/// What a widget shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Due cards, then new ones: reveal and grade.
    Practise,
    /// The question list with search; a question opens in the widget.
    Browse,
    /// A timed mock interview.
    Mock,
    /// A single card: the first listed question, reveal and grade.
    Card,
}

impl Mode {
    /// The name used in attributes, events and `data-mode`.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Practise => "practise",
            Mode::Browse => "browse",
            Mode::Mock => "mock",
            Mode::Card => "card",
        }
    }
}

/// The widget's colour theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WidgetTheme {
    /// Follows the system (`prefers-color-scheme`).
    Auto,
    Light,
    Dark,
}

impl WidgetTheme {
    /// The value of the widget root's `data-theme` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            WidgetTheme::Auto => "auto",
            WidgetTheme::Light => "light",
            WidgetTheme::Dark => "dark",
        }
    }
}

/// A widget's configuration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// Categories in scope, in the order given (empty = all).
    pub categories: Vec<String>,
    /// Specific questions, in the order given; they override the categories.
    pub questions: Vec<&'static str>,
    pub mode: Mode,
    pub theme: WidgetTheme,
    /// Smaller paddings, no headings.
    pub compact: bool,
    /// Progress is stored under `pyprep:<namespace>:v1`.
    pub namespace: String,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            categories: Vec::new(),
            questions: Vec::new(),
            mode: Mode::Practise,
            theme: WidgetTheme::Auto,
            compact: false,
            namespace: DEFAULT_NAMESPACE.to_string(),
        }
    }
}

/// A configuration value the widget cannot use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConfigError {
    UnknownCategory(String),
    UnknownQuestion(String),
    UnknownMode(String),
    UnknownTheme(String),
    BadCompact(String),
    BadNamespace(String),
    /// The scope holds no question with a written answer.
    NothingToShow,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let categories = || deck::categories().iter().map(|c| c.id).collect::<Vec<_>>().join(", ");
        match self {
            ConfigError::UnknownCategory(c) => write!(f, "Unknown category `{c}`. Known categories: {}.", categories()),
            ConfigError::UnknownQuestion(q) => write!(f, "Unknown question id `{q}`."),
            ConfigError::UnknownMode(m) => write!(f, "Unknown mode `{m}`. Use practise, browse, mock or card."),
            ConfigError::UnknownTheme(t) => write!(f, "Unknown theme `{t}`. Use auto, light or dark."),
            ConfigError::BadCompact(v) => write!(f, "Compact must be true or false, not `{v}`."),
            ConfigError::BadNamespace(n) => write!(
                f,
                "Invalid namespace `{n}`: use 1 to 40 lowercase letters, digits, `-` or `_`."
            ),
            ConfigError::NothingToShow => write!(f, "There are no answered questions in this selection."),
        }
    }
}

/// Splits a comma-separated list, trimming and dropping empty items and repeats.
fn list(value: &str) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    for item in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        if !items.iter().any(|i| i == item) {
            items.push(item.to_string());
        }
    }
    items
}

fn is_namespace(value: &str) -> bool {
    (1..=40).contains(&value.len())
        && value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// Reads a configuration through `get`, which returns an option's raw value
/// by its short name (`categories`, `questions`, `mode`, `theme`, `compact`,
/// `namespace`), `None` when absent. Every problem is reported, not only the
/// first; unknown options are ignored.
pub fn parse_config(get: impl Fn(&str) -> Option<String>) -> Result<Config, Vec<ConfigError>> {
    let mut config = Config::default();
    let mut errors = Vec::new();
    let value = |name: &str| get(name).map(|v| v.trim().to_string());
    if let Some(cats) = value("categories") {
        for c in list(&cats) {
            match deck::category(&c.to_ascii_lowercase()) {
                Some(known) => config.categories.push(known.id.to_string()),
                None => errors.push(ConfigError::UnknownCategory(c)),
            }
        }
    }
    if let Some(ids) = value("questions") {
        for id in list(&ids) {
            match deck::question(&id) {
                Some(q) => config.questions.push(q.id),
                None => errors.push(ConfigError::UnknownQuestion(id)),
            }
        }
    }
    match value("mode").as_deref().map(str::to_ascii_lowercase).as_deref() {
        None | Some("") | Some("practise") | Some("practice") => {}
        Some("browse") => config.mode = Mode::Browse,
        Some("mock") => config.mode = Mode::Mock,
        Some("card") => config.mode = Mode::Card,
        Some(_) => errors.push(ConfigError::UnknownMode(value("mode").unwrap_or_default())),
    }
    match value("theme").as_deref().map(str::to_ascii_lowercase).as_deref() {
        None | Some("") | Some("auto") => {}
        Some("light") => config.theme = WidgetTheme::Light,
        Some("dark") => config.theme = WidgetTheme::Dark,
        Some(_) => errors.push(ConfigError::UnknownTheme(value("theme").unwrap_or_default())),
    }
    match value("compact").as_deref().map(str::to_ascii_lowercase).as_deref() {
        None | Some("false") | Some("0") | Some("no") => {}
        Some("") | Some("true") | Some("1") | Some("yes") => config.compact = true,
        Some(_) => errors.push(ConfigError::BadCompact(value("compact").unwrap_or_default())),
    }
    match value("namespace") {
        None => {}
        Some(ns) if ns.is_empty() => {}
        Some(ns) if is_namespace(&ns) => config.namespace = ns,
        Some(ns) => errors.push(ConfigError::BadNamespace(ns)),
    }
    if errors.is_empty() && config.pool().is_empty() {
        errors.push(ConfigError::NothingToShow);
    }
    if errors.is_empty() { Ok(config) } else { Err(errors) }
}

/// The value of one hexadecimal digit.
fn hex(digit: u8) -> Option<u8> {
    char::from(digit).to_digit(16).map(|d| d as u8)
}

/// Decodes `%XX` escapes and `+` (as a space) of a query component.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(high), Some(low)) => {
                    out.push(high * 16 + low);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The decoded value of `name` in a query string (with or without the `?`);
/// `Some("")` for a bare `name`; the first occurrence wins.
pub fn query_param(query: &str, name: &str) -> Option<String> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
        .find(|(key, _)| percent_decode(key) == name)
        .map(|(_, value)| percent_decode(value))
}

/// True when the query asks for the iframe embed (`embed=1`, `embed=true` or a bare `embed`).
pub fn is_iframe_query(query: &str) -> bool {
    query_param(query, "embed").is_some_and(|v| !matches!(v.trim(), "0" | "false" | "no"))
}

/// The configuration an iframe embed's query string gives.
pub fn config_from_query(query: &str) -> Result<Config, Vec<ConfigError>> {
    parse_config(|name| query_param(query, name))
}

impl Config {
    /// The answered questions in scope: the listed ones in their order, else
    /// those of the categories (all when none) in deck order.
    pub fn pool(&self) -> Vec<&'static str> {
        if !self.questions.is_empty() {
            return self
                .questions
                .iter()
                .copied()
                .filter(|id| deck::question(id).is_some_and(|q| q.answer.is_some()))
                .collect();
        }
        deck::questions()
            .iter()
            .filter(|q| q.answer.is_some())
            .filter(|q| self.categories.is_empty() || self.categories.iter().any(|c| c == q.category))
            .map(|q| q.id)
            .collect()
    }

    /// The categories of the questions in scope, in deck order.
    pub fn pool_categories(&self) -> Vec<String> {
        let pool = self.pool();
        deck::categories()
            .iter()
            .filter(|c| {
                pool.iter()
                    .any(|id| deck::question(id).is_some_and(|q| q.category == c.id))
            })
            .map(|c| c.id.to_string())
            .collect()
    }

    /// The question a single-card widget shows.
    pub fn card(&self) -> Option<&'static str> {
        self.pool().first().copied()
    }
}

/// The practice queue over listed questions: the due ones first (most
/// overdue first), then those never graded, in the order listed. No daily
/// new-card limit: the author chose these questions for the reader.
pub fn pool_queue(pool: &[&'static str], progress: &Progress, now_ms: i64) -> Vec<&'static str> {
    let mut due: Vec<(i64, &'static str)> = pool
        .iter()
        .filter_map(|&id| {
            let card = progress.get(id)?.card.as_ref()?;
            (card.due_ms <= now_ms).then_some((card.due_ms, id))
        })
        .collect();
    due.sort_by_key(|&(due_ms, _)| due_ms);
    let new = pool
        .iter()
        .copied()
        .filter(|id| progress.status(id, now_ms) == Status::New);
    due.into_iter().map(|(_, id)| id).chain(new).collect()
}

/// An event for the embedding page: its name without the `pyprep:` prefix
/// (`ready`, `graded`, `session-complete`) and its detail.
#[derive(Clone, Debug, PartialEq)]
pub struct Payload {
    pub kind: &'static str,
    pub detail: Value,
}

impl Payload {
    /// The `CustomEvent` name, e.g. `pyprep:graded`.
    pub fn event_name(&self) -> String {
        format!("pyprep:{}", self.kind)
    }

    /// The `postMessage` form: `{ source: "pyprep", type, ...detail }`.
    pub fn message(&self) -> Value {
        let mut message = json!({ "source": "pyprep", "type": self.kind });
        if let (Some(out), Some(detail)) = (message.as_object_mut(), self.detail.as_object()) {
            for (key, value) in detail {
                out.insert(key.clone(), value.clone());
            }
        }
        message
    }
}

/// `pyprep:ready`: the widget is shown.
pub fn ready(mode: Mode, questions: usize) -> Payload {
    Payload {
        kind: "ready",
        detail: json!({ "mode": mode.as_str(), "questions": questions }),
    }
}

/// The height message of an iframe embed.
pub fn height_message(height: f64) -> Value {
    json!({ "source": "pyprep", "type": "height", "height": height.ceil().max(0.0) as u64 })
}

/// What happened in a widget that the embedding page hears about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Happening {
    /// A card was graded; `remaining` cards are left in the session queue.
    Graded {
        question_id: &'static str,
        grade: Grade,
        remaining: usize,
    },
    /// The practice queue emptied, or a mock interview finished (then with
    /// its seconds).
    SessionComplete { seconds: Option<u32> },
}

/// The grades of the current widget session: counted from the first grade
/// until the session completes, then started afresh.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Indexed Again, Hard, Good, Easy.
    counts: [u32; 4],
}

impl Tally {
    fn reviewed(&self) -> u32 {
        self.counts.iter().sum()
    }

    fn counts(&self) -> Value {
        json!({
            "again": self.counts[0],
            "hard": self.counts[1],
            "good": self.counts[2],
            "easy": self.counts[3],
        })
    }

    /// Counts what happened and returns the event for the page.
    pub fn record(&mut self, happening: Happening) -> Payload {
        match happening {
            Happening::Graded {
                question_id,
                grade,
                remaining,
            } => {
                self.counts[grade as usize] += 1;
                Payload {
                    kind: "graded",
                    detail: json!({
                        "questionId": question_id,
                        "grade": grade.label().to_ascii_lowercase(),
                        "reviewed": self.reviewed(),
                        "remaining": remaining,
                    }),
                }
            }
            Happening::SessionComplete { seconds } => {
                let mut detail = json!({ "reviewed": self.reviewed(), "counts": self.counts() });
                if let (Some(seconds), Some(map)) = (seconds, detail.as_object_mut()) {
                    map.insert("seconds".into(), json!(seconds));
                }
                *self = Tally::default();
                Payload {
                    kind: "session-complete",
                    detail,
                }
            }
        }
    }
}

/// The stylesheet for a Shadow DOM: every `rem` length becomes pixels
/// (16 px a rem), because inside a shadow root `rem` still follows the host
/// page's `<html>` font size, which the host may set to anything.
pub fn rem_to_px(css: &str) -> String {
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    let chars: Vec<char> = css.chars().collect();
    let mut out = String::with_capacity(css.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let starts_number = c.is_ascii_digit() || (c == '.' && chars.get(i + 1).is_some_and(char::is_ascii_digit));
        // A number glued to an identifier (`h1rem`, `x-2rem`) is not a length.
        let glued = match i.checked_sub(1).map(|p| chars[p]) {
            Some('-') => i.checked_sub(2).is_some_and(|p| is_ident(chars[p])),
            Some(p) => is_ident(p) || p == '.',
            None => false,
        };
        if !starts_number || glued {
            out.push(c);
            i += 1;
            continue;
        }
        let mut end = i;
        while end < chars.len() && (chars[end].is_ascii_digit() || chars[end] == '.') {
            end += 1;
        }
        let number: String = chars[i..end].iter().collect();
        let unit_end = end + 3;
        let is_rem = chars.get(end..unit_end).is_some_and(|u| u == ['r', 'e', 'm'])
            && !chars.get(unit_end).copied().is_some_and(is_ident);
        match (is_rem, number.parse::<f64>()) {
            (true, Ok(value)) => {
                let px = (value * 16.0 * 1000.0).round() / 1000.0;
                out.push_str(&format!("{px}px"));
                i = unit_end;
            }
            _ => {
                out.push_str(&number);
                i = end;
            }
        }
    }
    out
}
