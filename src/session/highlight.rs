//! Why a result matched: the byte ranges of a text that a search's terms
//! hit (the UI wraps them in `<mark>`), a snippet of the answer sentence
//! with the hit, and a title cut into plain, inline-code (between
//! backticks) and marked pieces.

use std::ops::Range;

use super::fuzzy::{is_word_char, typo_hit, words};
use super::search::{Field, Found, SearchIndex, Term};

/// The longest snippet, in bytes (a sentence is cut around its hit).
pub const SNIPPET_MAX: usize = 180;

/// The ranges of `text` the terms hit, sorted and disjoint: the matching
/// part of each word, or a whole word matched with a typo.
pub fn marks(terms: &[Term], text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut lower = String::new();
    for (s, e) in words(text) {
        lower.clear();
        lower.push_str(&text[s..e]);
        lower.make_ascii_lowercase();
        for term in terms {
            if term.typo {
                if typo_hit(&term.text, &lower).is_some() {
                    out.push(s..e);
                }
            } else if term.text.len() >= 3 || lower.starts_with(&term.text) {
                let hits = lower.match_indices(term.text.as_str());
                let first_only = term.text.len() < 3;
                for (i, _) in hits.take(if first_only { 1 } else { usize::MAX }) {
                    out.push(s + i..s + i + term.text.len());
                }
            }
        }
    }
    merge(out)
}

/// Sorts ranges and joins those that overlap or touch.
fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    crate::sort::sort_by(&mut ranges, &mut |a, b| (a.start, a.end).cmp(&(b.start, b.end)));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// A piece of answer text that shows why a result matched.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Snippet {
    /// Where it comes from.
    pub field: Field,
    /// The sentence with the hit ("…" where it was cut).
    pub text: String,
    /// The hits in `text`.
    pub marks: Vec<Range<usize>>,
}

/// The snippet of a found question: `None` when the title shows every term
/// (or nothing was searched); else the sentence of the short answer, or
/// else of the rest, with the first hit of a term the title lacks.
pub fn snippet(index: &SearchIndex, found: &Found, terms: &[Term]) -> Option<Snippet> {
    let title = index.text(found, Field::Title);
    let missing = terms
        .iter()
        .find(|t| marks(std::slice::from_ref(*t), title).is_empty())?;
    [Field::Short, Field::Rest].into_iter().find_map(|field| {
        let text = index.text(found, field);
        let at = first_hit(missing, text, index.lowercase_text(found, field))?;
        let (start, end) = sentence_around(text, at);
        let mut out = String::new();
        if start > 0 {
            out.push('…');
        }
        let offset = out.len();
        out.push_str(&text[start..end]);
        if end < text.len() && !text[..end].ends_with(['.', '?', '!']) {
            out.push('…');
        }
        let marks = marks(terms, &text[start..end])
            .into_iter()
            .map(|r| r.start + offset..r.end + offset)
            .collect();
        Some(Snippet {
            field,
            text: out,
            marks,
        })
    })
}

/// Where `term` first hits `text` (`lower` is `text` ASCII-lowercased):
/// a plain search of the lowercased text, without splitting it into words
/// unless the term matched with a typo.
fn first_hit(term: &Term, text: &str, lower: &str) -> Option<usize> {
    if term.typo {
        return marks(std::slice::from_ref(term), text).first().map(|r| r.start);
    }
    let word_start = |i: usize| !lower[..i].chars().next_back().is_some_and(is_word_char);
    lower
        .match_indices(term.text.as_str())
        .map(|(i, _)| i)
        .find(|&i| term.text.len() >= 3 || word_start(i))
}

/// The byte range of the sentence of `text` around byte `at`, at most
/// [`SNIPPET_MAX`] long (cut at spaces around `at` when longer).
pub fn sentence_around(text: &str, at: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let ends = |i: usize| matches!(bytes[i], b'.' | b'?' | b'!') && bytes.get(i + 1).is_none_or(|&b| b == b' ');
    let mut start = (0..at.min(bytes.len())).rev().find(|&i| ends(i)).map_or(0, |i| i + 1);
    let mut end = (at..bytes.len()).find(|&i| ends(i)).map_or(bytes.len(), |i| i + 1);
    if end - start > SNIPPET_MAX {
        let lead = SNIPPET_MAX / 3;
        if at - start > lead {
            start = floor_space(text, at - lead).max(start);
        }
        if end - start > SNIPPET_MAX {
            end = ceil_char(text, start + SNIPPET_MAX);
            end = text[..end].rfind(' ').filter(|&s| s > at).unwrap_or(end);
        }
    }
    while start < end && bytes[start] == b' ' {
        start += 1;
    }
    (start, end)
}

/// The position just after the last space before `i` (or the char boundary at `i`).
fn floor_space(text: &str, i: usize) -> usize {
    let i = ceil_char(text, i);
    text[..i].rfind(' ').map_or(i, |s| s + 1)
}

fn ceil_char(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// A piece of a question title.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Piece<'a> {
    pub text: &'a str,
    /// Between backticks: shown as code.
    pub code: bool,
    /// A search hit.
    pub marked: bool,
}

/// `text` cut into pieces: backtick pairs become code (the backticks
/// dropped; an unpaired one stays as it is), `marks` become marked pieces.
pub fn pieces<'a>(text: &'a str, marks: &[Range<usize>]) -> Vec<Piece<'a>> {
    let ticks: Vec<usize> = text.match_indices('`').map(|(i, _)| i).collect();
    let mut segments: Vec<(usize, usize, bool)> = Vec::new();
    let mut from = 0;
    for pair in ticks.chunks_exact(2) {
        segments.push((from, pair[0], false));
        segments.push((pair[0] + 1, pair[1], true));
        from = pair[1] + 1;
    }
    segments.push((from, text.len(), false));
    let mut out = Vec::new();
    for (s, e, code) in segments {
        let mut cursor = s;
        for m in marks {
            if m.end <= cursor || m.start >= e {
                continue;
            }
            let (ms, me) = (m.start.max(cursor), m.end.min(e));
            if ms > cursor {
                out.push(Piece {
                    text: &text[cursor..ms],
                    code,
                    marked: false,
                });
            }
            out.push(Piece {
                text: &text[ms..me],
                code,
                marked: true,
            });
            cursor = me;
        }
        if cursor < e {
            out.push(Piece {
                text: &text[cursor..e],
                code,
                marked: false,
            });
        }
    }
    out
}
