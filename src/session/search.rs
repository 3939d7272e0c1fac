//! Browsing: the instant-search index and HTML-to-text for it. Question
//! text is searchable at once; a question's answer text joins the index as
//! soon as its category's answer file has arrived.

use crate::deck::{Answer, Question};
use crate::progress::Progress;

use super::Filter;

/// Lowercased searchable text per question (question + answer with HTML
/// tags stripped and entities decoded).
pub struct SearchIndex {
    questions: &'static [Question],
    texts: Vec<String>,
}

impl SearchIndex {
    /// Builds the index of `questions`, with the answers `answer` has
    /// (`None` while a question's answer file has not arrived).
    pub fn new<A: AsRef<Answer>>(
        questions: &'static [Question],
        answer: impl Fn(&Question) -> Option<A>,
    ) -> SearchIndex {
        let texts = questions
            .iter()
            .map(|q| search_text(q, answer(q).as_ref().map(AsRef::as_ref)))
            .collect();
        SearchIndex { questions, texts }
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
            .filter(|(i, q)| filter.fits(q, progress, now_ms) && self.matches_lowercase(*i, &query))
            .map(|(_, q)| q)
            .collect()
    }
}

/// Every tag used, sorted and unique.
pub fn all_tags<'a>(questions: impl IntoIterator<Item = &'a Question>) -> Vec<&'static str> {
    let mut tags: Vec<&'static str> = questions.into_iter().flat_map(|q| q.tags.iter().copied()).collect();
    crate::sort::sort(&mut tags);
    tags.dedup();
    tags
}

fn search_text(q: &Question, answer: Option<&Answer>) -> String {
    let mut text = q.text.to_string();
    for html in answer.into_iter().flat_map(Answer::parts) {
        text.push(' ');
        text.push_str(&html_to_text(html));
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
