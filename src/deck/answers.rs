//! The answers part of the deck: one JSON file per category, rendered at
//! build time (`{"version":1,"category":"dsa","answers":{"<id>":{...}}}`),
//! and one code file per category with its output cards
//! (`{"version":1,"category":"dsa","outputs":{"<card id>":{...}}}`), fetched
//! by the app and read here. Pure: the fetching is in the UI.

use std::collections::BTreeMap;
use std::fmt;
use std::rc::Rc;

use serde::Deserialize;

/// A model answer, each part HTML rendered at build time.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Answer {
    /// What a candidate says aloud: shown first.
    pub short: String,
    /// What an interviewer listens for, 3 to 5 points of inline HTML.
    pub key_points: Vec<String>,
    pub explanation: String,
    /// Empty when the answer has no example.
    pub example: String,
    pub follow_ups: String,
    pub pitfalls: String,
}

impl Answer {
    /// Every part's HTML, for search.
    pub fn parts(&self) -> impl Iterator<Item = &str> {
        [
            &self.short,
            &self.explanation,
            &self.example,
            &self.follow_ups,
            &self.pitfalls,
        ]
        .into_iter()
        .chain(self.key_points.iter())
        .map(String::as_str)
    }
}

/// A predict-the-output card's content, rendered at build time.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct OutputAnswer {
    /// The sample's code, highlighted HTML (a `<pre>`).
    pub code: String,
    /// What it prints, trailing spaces and blank lines removed.
    pub expected: String,
}

#[derive(Deserialize)]
struct AnswerFile {
    version: u32,
    category: String,
    answers: BTreeMap<String, Answer>,
}

#[derive(Deserialize)]
struct CodeFile {
    version: u32,
    category: String,
    /// The category's predict-the-output cards, by card id.
    outputs: BTreeMap<String, OutputAnswer>,
}

/// One category's answers, by question id.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CategoryAnswers {
    answers: BTreeMap<String, Rc<Answer>>,
}

/// One category's output cards, by card id.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CategoryCode {
    outputs: BTreeMap<String, Rc<OutputAnswer>>,
}

impl CategoryCode {
    /// The content of output card `id`, if this file has it.
    pub fn output(&self, id: &str) -> Option<Rc<OutputAnswer>> {
        self.outputs.get(id).cloned()
    }
}

impl CategoryAnswers {
    /// The answer of question `id`, if this file has it.
    pub fn get(&self, id: &str) -> Option<Rc<Answer>> {
        self.answers.get(id).cloned()
    }

    /// How many answers the file holds.
    pub fn len(&self) -> usize {
        self.answers.len()
    }

    /// True when the file holds none.
    pub fn is_empty(&self) -> bool {
        self.answers.is_empty()
    }
}

/// Why an answer file could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerFileError {
    /// Not the JSON shape of an answer file.
    Malformed(String),
    /// Written for another version of the app.
    Version(u32),
    /// The file of another category.
    WrongCategory { expected: String, found: String },
    /// A question of the category has no answer in it.
    Missing(&'static str),
}

impl fmt::Display for AnswerFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnswerFileError::Malformed(why) => write!(f, "the answers file is damaged ({why})"),
            AnswerFileError::Version(v) => write!(f, "the answers file is of another version ({v})"),
            AnswerFileError::WrongCategory { expected, found } => {
                write!(f, "the answers file is for `{found}`, not `{expected}`")
            }
            AnswerFileError::Missing(id) => write!(f, "the answers file has no answer for `{id}`"),
        }
    }
}

/// Checks a file's version and category.
fn check_header(category: &str, version: u32, found: String) -> Result<(), AnswerFileError> {
    if version != 1 {
        return Err(AnswerFileError::Version(version));
    }
    if found != category {
        return Err(AnswerFileError::WrongCategory {
            expected: category.to_string(),
            found,
        });
    }
    Ok(())
}

/// Reads the answer file of `category`, checking that it answers every
/// question of that category in the index.
pub fn parse_answer_file(category: &str, text: &str) -> Result<CategoryAnswers, AnswerFileError> {
    let file: AnswerFile = serde_json::from_str(text).map_err(|e| AnswerFileError::Malformed(e.to_string()))?;
    check_header(category, file.version, file.category)?;
    if let Some(missing) = super::questions()
        .iter()
        .find(|q| q.category == category && !file.answers.contains_key(q.id))
    {
        return Err(AnswerFileError::Missing(missing.id));
    }
    Ok(CategoryAnswers {
        answers: file.answers.into_iter().map(|(id, a)| (id, Rc::new(a))).collect(),
    })
}

/// Reads the code file of `category`, checking that it has every output
/// card of that category in the index.
pub fn parse_code_file(category: &str, text: &str) -> Result<CategoryCode, AnswerFileError> {
    let file: CodeFile = serde_json::from_str(text).map_err(|e| AnswerFileError::Malformed(e.to_string()))?;
    check_header(category, file.version, file.category)?;
    if let Some(missing) = super::output_cards()
        .iter()
        .find(|c| c.category() == category && !file.outputs.contains_key(c.id))
    {
        return Err(AnswerFileError::Missing(missing.id));
    }
    Ok(CategoryCode {
        outputs: file.outputs.into_iter().map(|(id, a)| (id, Rc::new(a))).collect(),
    })
}

#[cfg(not(target_arch = "wasm32"))]
include!(concat!(env!("OUT_DIR"), "/answers_native.rs"));

/// The answers of `category` as built, read from the same text the app
/// fetches (native builds only: the tests use it).
#[cfg(not(target_arch = "wasm32"))]
pub fn bundled(category: &str) -> CategoryAnswers {
    let text = BUNDLED_ANSWERS
        .iter()
        .find(|(c, _)| *c == category)
        .map_or("", |(_, text)| text);
    parse_answer_file(category, text).unwrap_or_else(|e| panic!("bundled answers of {category}: {e}"))
}

/// The code file of `category` as built (native builds only).
#[cfg(not(target_arch = "wasm32"))]
pub fn bundled_code(category: &str) -> CategoryCode {
    let text = BUNDLED_CODE
        .iter()
        .find(|(c, _)| *c == category)
        .map_or("", |(_, text)| text);
    parse_code_file(category, text).unwrap_or_else(|e| panic!("bundled code of {category}: {e}"))
}

/// The content of output card `id` as built (native builds only).
#[cfg(not(target_arch = "wasm32"))]
pub fn bundled_output(id: &str) -> Option<Rc<OutputAnswer>> {
    let card = super::output_card(id)?;
    bundled_code(card.category()).output(id)
}

/// The answer of question `id` as built (native builds only).
#[cfg(not(target_arch = "wasm32"))]
pub fn bundled_answer(id: &str) -> Option<Rc<Answer>> {
    let q = super::question(id)?;
    bundled(q.category).get(id)
}
