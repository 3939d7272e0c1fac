//! The browse filter, typed: what the form holds, which questions fit it,
//! and its URL form (`c=dsa&d=easy&tag=trees&status=due&q=heap`), so that
//! a reload or a shared link keeps it.

use crate::deck::{Difficulty, Question};
use crate::embed::query_param;
use crate::progress::{Progress, Status};

/// Status filter of the browse view.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum StatusFilter {
    New,
    Due,
    Learning,
    Mastered,
    Bookmarked,
}

impl StatusFilter {
    /// Every status filter, in the order the form lists them.
    pub const ALL: [StatusFilter; 5] = [
        StatusFilter::New,
        StatusFilter::Due,
        StatusFilter::Learning,
        StatusFilter::Mastered,
        StatusFilter::Bookmarked,
    ];

    /// The name used in forms and URLs.
    pub fn as_str(self) -> &'static str {
        match self {
            StatusFilter::New => "new",
            StatusFilter::Due => "due",
            StatusFilter::Learning => "learning",
            StatusFilter::Mastered => "mastered",
            StatusFilter::Bookmarked => "bookmarked",
        }
    }

    /// The label the form shows.
    pub fn label(self) -> &'static str {
        match self {
            StatusFilter::New => "New",
            StatusFilter::Due => "Due",
            StatusFilter::Learning => "Learning",
            StatusFilter::Mastered => "Mastered",
            StatusFilter::Bookmarked => "Bookmarked",
        }
    }

    /// The filter named `name`, if any.
    pub fn parse(name: &str) -> Option<StatusFilter> {
        StatusFilter::ALL.into_iter().find(|s| s.as_str() == name)
    }

    fn fits(self, progress: &Progress, id: &str, now_ms: i64) -> bool {
        let status = progress.status(id, now_ms);
        match self {
            StatusFilter::New => status == Status::New,
            StatusFilter::Due => status == Status::Due,
            StatusFilter::Learning => status == Status::Learning,
            StatusFilter::Mastered => status == Status::Mastered,
            StatusFilter::Bookmarked => progress.get(id).is_some_and(|p| p.bookmarked),
        }
    }
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
    /// Only these questions (empty = the whole deck): a widget's scope, not
    /// part of the form or the URL.
    pub within: Vec<&'static str>,
}

impl Filter {
    /// A filter that only narrows to `within`.
    pub fn within(within: Vec<&'static str>) -> Filter {
        Filter {
            within,
            ..Filter::default()
        }
    }

    /// True when `q` passes every filter but the text search (which needs
    /// the search index).
    pub fn fits(&self, q: &Question, progress: &Progress, now_ms: i64) -> bool {
        (self.within.is_empty() || self.within.contains(&q.id))
            && self.category.as_deref().is_none_or(|c| q.category == c)
            && self.difficulty.is_none_or(|d| q.difficulty == d)
            && self.tag.as_deref().is_none_or(|t| q.tags.contains(&t))
            && self.status.is_none_or(|s| s.fits(progress, q.id, now_ms))
    }

    /// True when the form is all "any" and the search box empty.
    pub fn is_empty(&self) -> bool {
        self.category.is_none()
            && self.difficulty.is_none()
            && self.tag.is_none()
            && self.status.is_none()
            && self.query.trim().is_empty()
    }

    /// The same filter with the form cleared (the scope is kept).
    pub fn cleared(&self) -> Filter {
        Filter::within(self.within.clone())
    }

    /// The URL query form, `""` when nothing is set: `c`, `d`, `tag`,
    /// `status`, `q`, percent-encoded.
    pub fn to_query(&self) -> String {
        let mut pairs = Vec::new();
        let mut add = |key: &str, value: &str| {
            if !value.is_empty() {
                pairs.push(format!("{key}={}", encode(value)));
            }
        };
        add("c", self.category.as_deref().unwrap_or(""));
        add("d", self.difficulty.map_or("", Difficulty::as_str));
        add("tag", self.tag.as_deref().unwrap_or(""));
        add("status", self.status.map_or("", StatusFilter::as_str));
        add("q", &self.query);
        pairs.join("&")
    }

    /// Reads the URL query form (also the older `t` and `s`); unknown keys
    /// and values are ignored.
    pub fn from_query(query: &str) -> Filter {
        let get = |key: &str| query_param(query, key).filter(|v| !v.is_empty());
        Filter {
            category: get("c"),
            difficulty: get("d").as_deref().and_then(Difficulty::parse),
            tag: get("tag").or_else(|| get("t")),
            status: get("status")
                .or_else(|| get("s"))
                .as_deref()
                .and_then(StatusFilter::parse),
            query: get("q").unwrap_or_default(),
            within: Vec::new(),
        }
    }
}

/// Percent-encodes everything but unreserved characters.
pub(crate) fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The questions before and after `id` in `order` (the browse results J/K
/// walk through); in deck order when `id` is not among the results.
pub fn neighbours(
    order: &[&'static str],
    deck: &[&'static str],
    id: &str,
) -> (Option<&'static str>, Option<&'static str>) {
    let list = if order.contains(&id) { order } else { deck };
    let Some(at) = list.iter().position(|q| *q == id) else {
        return (None, None);
    };
    (at.checked_sub(1).map(|i| list[i]), list.get(at + 1).copied())
}
