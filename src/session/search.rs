//! Browsing: the ranked instant-search index. Question text is searchable
//! at once; a question's answer text joins the index as soon as its
//! category's answer file has arrived.
//!
//! The index keeps each question's three fields as plain text (the title,
//! the short answer, the rest of the answer) and one vocabulary of every
//! lowercased word with where it occurs. A keystroke scans the
//! vocabulary (a few thousand short words), not the answers' text, so a
//! search stays cheap as the deck grows.

use std::collections::HashMap;

use crate::deck::{Answer, Question};
use crate::progress::Progress;

use super::Filter;
use super::fuzzy::{Hit, exact_hit, query_terms, typo_hit, words};
use super::html_text::html_to_text;

/// A searched part of a question.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Field {
    /// The question text.
    Title = 0,
    /// The short answer.
    Short = 1,
    /// The rest of the answer (key points, explanation, example, follow-ups, pitfalls).
    Rest = 2,
}

impl Field {
    /// Every field, in the order of their weight.
    pub const ALL: [Field; 3] = [Field::Title, Field::Short, Field::Rest];

    /// How much a hit in this field counts: a title hit outranks any
    /// answer hit, a short-answer hit any hit in the rest.
    pub fn weight(self) -> u32 {
        match self {
            Field::Title => 100,
            Field::Short => 20,
            Field::Rest => 1,
        }
    }
}

/// The searchable text of the questions and the vocabulary of their words.
pub struct SearchIndex {
    questions: &'static [Question],
    /// Per question, the plain text of each [`Field`] (whitespace collapsed).
    fields: Vec<[String; 3]>,
    /// The same, ASCII-lowercased (same byte offsets): where a snippet's hit is.
    lower: Vec<[String; 3]>,
    /// Every word, lowercased, with its postings (`question * 3 + field`,
    /// ascending, unique).
    vocab: Vec<(Box<str>, Vec<u32>)>,
}

/// A query's term and the words of the vocabulary it matches.
#[derive(Debug)]
pub struct Term {
    pub text: String,
    /// (vocabulary index, how it matches). Typo matches only when the term
    /// matches no word as it is typed.
    matches: Vec<(u32, Hit)>,
    /// True when the matches are typo matches.
    pub typo: bool,
}

/// A question that fits a search.
#[derive(Clone, Copy, Debug)]
pub struct Found {
    /// Its position in the index.
    pub index: usize,
    pub question: &'static Question,
    /// Higher is better; 0 when the search box is empty.
    pub score: u32,
}

/// A ranked search: the terms and the questions that fit, best first.
#[derive(Debug)]
pub struct Ranked {
    pub terms: Vec<Term>,
    /// Best first, deck order among equals.
    pub found: Vec<Found>,
}

impl Ranked {
    /// The questions, best first.
    pub fn questions(&self) -> Vec<&'static Question> {
        self.found.iter().map(|f| f.question).collect()
    }

    /// Their ids, best first.
    pub fn ids(&self) -> Vec<&'static str> {
        self.found.iter().map(|f| f.question.id).collect()
    }
}

impl SearchIndex {
    /// Builds the index of `questions`, with the answers `answer` has
    /// (`None` while a question's answer file has not arrived).
    pub fn new<A: AsRef<Answer>>(
        questions: &'static [Question],
        answer: impl Fn(&Question) -> Option<A>,
    ) -> SearchIndex {
        let fields: Vec<[String; 3]> = questions
            .iter()
            .map(|q| {
                let answer = answer(q);
                let answer = answer.as_ref().map(AsRef::as_ref);
                let short = answer.map(|a| html_to_text(&a.short)).unwrap_or_default();
                let rest = answer.map_or_else(String::new, |a| {
                    let mut rest = String::new();
                    for html in a.parts().skip(1) {
                        rest.push_str(&html_to_text(html));
                        rest.push(' ');
                    }
                    rest
                });
                [collapse(q.text), collapse(&short), collapse(&rest)]
            })
            .collect();
        let mut ids: HashMap<String, usize> = HashMap::new();
        let mut vocab: Vec<(Box<str>, Vec<u32>)> = Vec::new();
        for (qi, texts) in fields.iter().enumerate() {
            for (fi, text) in texts.iter().enumerate() {
                let posting = (qi * 3 + fi) as u32;
                for (s, e) in words(text) {
                    let word = text[s..e].to_ascii_lowercase();
                    let at = *ids.entry(word).or_insert_with_key(|w| {
                        vocab.push((w.as_str().into(), Vec::new()));
                        vocab.len() - 1
                    });
                    let list = &mut vocab[at].1;
                    if list.last() != Some(&posting) {
                        list.push(posting);
                    }
                }
            }
        }
        let lower = fields
            .iter()
            .map(|texts| {
                texts.clone().map(|mut t| {
                    t.make_ascii_lowercase();
                    t
                })
            })
            .collect();
        SearchIndex {
            questions,
            fields,
            lower,
            vocab,
        }
    }

    /// The plain text of a found question's field (empty while its answer
    /// has not arrived).
    pub fn text(&self, found: &Found, field: Field) -> &str {
        self.fields.get(found.index).map_or("", |f| f[field as usize].as_str())
    }

    /// [`SearchIndex::text`] ASCII-lowercased.
    pub fn lowercase_text(&self, found: &Found, field: Field) -> &str {
        self.lower.get(found.index).map_or("", |f| f[field as usize].as_str())
    }

    /// The terms of `query` with the words each matches.
    pub fn terms(&self, query: &str) -> Vec<Term> {
        query_terms(query)
            .into_iter()
            .map(|text| {
                let find = |hit: &dyn Fn(&str, &str) -> Option<Hit>| -> Vec<(u32, Hit)> {
                    self.vocab
                        .iter()
                        .enumerate()
                        .filter_map(|(i, (word, _))| hit(&text, word).map(|h| (i as u32, h)))
                        .collect()
                };
                let exact = find(&exact_hit);
                let typo = exact.is_empty();
                let matches = if typo { find(&typo_hit) } else { exact };
                Term { text, matches, typo }
            })
            .collect()
    }

    /// The questions passing `filter`, best match first (deck order when
    /// the search box is empty). Every term must match somewhere.
    pub fn rank(&self, progress: &Progress, filter: &Filter, now_ms: i64) -> Ranked {
        let terms = self.terms(&filter.query);
        let n = self.questions.len();
        let mut total = vec![0u32; n];
        let mut best = vec![0u32; n];
        let mut alive = vec![true; n];
        for term in &terms {
            best.iter_mut().for_each(|b| *b = 0);
            for &(word, hit) in &term.matches {
                for &posting in &self.vocab[word as usize].1 {
                    let (qi, fi) = (posting as usize / 3, posting as usize % 3);
                    let score = Field::ALL[fi].weight() * hit.quality();
                    best[qi] = best[qi].max(score);
                }
            }
            for qi in 0..n {
                alive[qi] &= best[qi] > 0;
                total[qi] += best[qi];
            }
        }
        let mut found: Vec<Found> = self
            .questions
            .iter()
            .enumerate()
            .filter(|&(i, q)| alive[i] && filter.fits(q, progress, now_ms))
            .map(|(index, question)| Found {
                index,
                question,
                score: total[index],
            })
            .collect();
        // Best score first; equal scores keep deck order.
        crate::sort::sort_by(&mut found, &mut |a, b| {
            b.score.cmp(&a.score).then(a.index.cmp(&b.index))
        });
        Ranked { terms, found }
    }

    /// The questions passing `filter`, best match first.
    pub fn browse(&self, progress: &Progress, filter: &Filter, now_ms: i64) -> Vec<&'static Question> {
        self.rank(progress, filter, now_ms).questions()
    }
}

/// `text` with every run of whitespace made one space, trimmed.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Every tag used, sorted and unique.
pub fn all_tags<'a>(questions: impl IntoIterator<Item = &'a Question>) -> Vec<&'static str> {
    let mut tags: Vec<&'static str> = questions.into_iter().flat_map(|q| q.tags.iter().copied()).collect();
    crate::sort::sort(&mut tags);
    tags.dedup();
    tags
}
