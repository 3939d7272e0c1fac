//! Embedding: the configuration of a widget (from a mount point's data
//! attributes or an iframe's query string) and the questions it covers;
//! the query string ([`query`]), the payloads of the events it sends to the
//! host page ([`events`]), the stylesheet adjustment for Shadow DOM
//! ([`css`]) and the look an `auto` widget takes from its page ([`host`])
//! live in submodules. Pure: no web-sys, tested natively.

mod css;
mod events;
mod host;
pub mod partition;
mod query;

pub use css::rem_to_px;
pub use events::*;
pub use host::{HostLook, host_look, is_dark, parse_rgb};
pub use query::{config_from_query, is_iframe_query, query_param};

use std::fmt;

use crate::deck;
use crate::progress::Theme;
use crate::session::{OutputScope, PracticeScope, Scope};

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
    /// Predict-the-output cards of the widget's questions: due, then new.
    Output,
}

impl Mode {
    /// The label of the button that returns to the widget's first screen.
    pub fn back_label(self) -> &'static str {
        match self {
            Mode::Mock => "← Back to the interview",
            Mode::Card => "← Back to the question",
            Mode::Practise | Mode::Browse | Mode::Output => "← Back to practice",
        }
    }

    /// The name used in attributes, events and `data-mode`.
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Practise => "practise",
            Mode::Browse => "browse",
            Mode::Mock => "mock",
            Mode::Card => "card",
            Mode::Output => "output",
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
    pub theme: Theme,
    /// Smaller paddings, no headings.
    pub compact: bool,
    /// Progress is stored under `pyprep:<namespace>:v1`.
    pub namespace: String,
    /// Python examples get a Run button (`data-run="false"` turns it off).
    pub run: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            categories: Vec::new(),
            questions: Vec::new(),
            mode: Mode::Practise,
            theme: Theme::System,
            compact: false,
            namespace: DEFAULT_NAMESPACE.to_string(),
            run: true,
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
    BadRun(String),
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let categories = || deck::categories().iter().map(|c| c.id).collect::<Vec<_>>().join(", ");
        match self {
            ConfigError::UnknownCategory(c) => write!(f, "Unknown category `{c}`. Known categories: {}.", categories()),
            ConfigError::UnknownQuestion(q) => write!(f, "Unknown question id `{q}`."),
            ConfigError::UnknownMode(m) => write!(f, "Unknown mode `{m}`. Use practise, browse, mock, card or output."),
            ConfigError::UnknownTheme(t) => write!(f, "Unknown theme `{t}`. Use auto, light or dark."),
            ConfigError::BadCompact(v) => write!(f, "Compact must be true or false, not `{v}`."),
            ConfigError::BadRun(v) => write!(f, "Run must be true or false, not `{v}`."),
            ConfigError::BadNamespace(n) => write!(
                f,
                "Invalid namespace `{n}`: use 1 to 40 lowercase letters, digits, `-` or `_`."
            ),
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
        Some("output") => config.mode = Mode::Output,
        Some(_) => errors.push(ConfigError::UnknownMode(value("mode").unwrap_or_default())),
    }
    if let Some(theme) = value("theme") {
        match Theme::parse(&theme) {
            Some(theme) => config.theme = theme,
            None => errors.push(ConfigError::UnknownTheme(theme)),
        }
    }
    match value("compact").as_deref().map(str::to_ascii_lowercase).as_deref() {
        None | Some("false") | Some("0") | Some("no") => {}
        Some("") | Some("true") | Some("1") | Some("yes") => config.compact = true,
        Some(_) => errors.push(ConfigError::BadCompact(value("compact").unwrap_or_default())),
    }
    match value("run").as_deref().map(str::to_ascii_lowercase).as_deref() {
        None | Some("") | Some("true") | Some("1") | Some("yes") => {}
        Some("false") | Some("0") | Some("no") => config.run = false,
        Some(_) => errors.push(ConfigError::BadRun(value("run").unwrap_or_default())),
    }
    match value("namespace") {
        None => {}
        Some(ns) if ns.is_empty() => {}
        Some(ns) if is_namespace(&ns) => config.namespace = ns,
        Some(ns) => errors.push(ConfigError::BadNamespace(ns)),
    }
    if errors.is_empty() { Ok(config) } else { Err(errors) }
}

impl Config {
    /// The questions in scope: the listed ones in their order, else those of
    /// the categories (all when none) in deck order.
    pub fn pool(&self) -> Vec<&'static str> {
        if !self.questions.is_empty() {
            return self.questions.clone();
        }
        deck::questions()
            .iter()
            .filter(|q| self.categories.is_empty() || self.categories.iter().any(|c| c == q.category))
            .map(|q| q.id)
            .collect()
    }

    /// The categories whose answers the widget needs, in deck order.
    pub fn answer_categories(&self) -> Vec<&'static str> {
        let pool = self.pool();
        deck::categories()
            .iter()
            .filter(|c| {
                pool.iter()
                    .any(|id| deck::question(id).is_some_and(|q| q.category == c.id))
            })
            .map(|c| c.id)
            .collect()
    }

    /// What the widget's code-card screen draws from: the cards of the
    /// listed questions, or the daily queue of its categories.
    pub fn output_scope(&self) -> OutputScope {
        if self.questions.is_empty() {
            OutputScope::Daily(Scope {
                categories: self.categories.clone(),
            })
        } else {
            OutputScope::Questions(self.questions.clone())
        }
    }

    /// What the widget's practice screen draws from: one card, the listed
    /// questions, or the daily queue of its categories.
    pub fn practice_scope(&self) -> PracticeScope {
        match (self.mode, self.questions.first()) {
            (Mode::Card, Some(&first)) => PracticeScope::Single(first),
            (Mode::Card, None) => PracticeScope::Single(self.pool().first().copied().unwrap_or_default()),
            (_, Some(_)) => PracticeScope::Listed(self.questions.clone()),
            (_, None) => PracticeScope::Daily(Scope {
                categories: self.categories.clone(),
            }),
        }
    }
}
