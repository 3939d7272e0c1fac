//! The question deck, in two parts: the index (ids, categories, question
//! text, difficulty, tags), static tables generated at build time from
//! `content/*.md` and compiled in; and the answers, one JSON file per
//! category next to the wasm, read by [`answers`].

pub mod answers;
mod output;

pub use answers::{
    Answer, AnswerFileError, CategoryAnswers, CategoryCode, OutputAnswer, parse_answer_file, parse_code_file,
};
pub use output::OutputCard;

/// How hard a question is, as the content rates it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Difficulty {
    Easy,
    Medium,
    Hard,
}

impl Difficulty {
    /// Lowercase name, as written in the content.
    pub fn as_str(self) -> &'static str {
        match self {
            Difficulty::Easy => "easy",
            Difficulty::Medium => "medium",
            Difficulty::Hard => "hard",
        }
    }

    /// The difficulty named `name` (lowercase), if any.
    pub fn parse(name: &str) -> Option<Difficulty> {
        [Difficulty::Easy, Difficulty::Medium, Difficulty::Hard]
            .into_iter()
            .find(|d| d.as_str() == name)
    }
}

/// A category of questions.
#[derive(Debug, PartialEq, Eq)]
pub struct Category {
    pub id: &'static str,
    pub title: &'static str,
    /// Its answer file, relative to the build: `answers/<id>-<hash>.json`.
    pub answers_file: &'static str,
    /// Its code file (the output cards' code and output): `code/<id>-<hash>.json`.
    pub code_file: &'static str,
}

/// One question of the deck.
#[derive(Debug, PartialEq, Eq)]
pub struct Question {
    /// Stable slug: progress is stored under it.
    pub id: &'static str,
    pub category: &'static str,
    /// 1-based position within its category (the seed's numbering).
    pub number: usize,
    /// The question in plain text.
    pub text: &'static str,
    /// The question as HTML (backticks rendered as code).
    pub text_html: &'static str,
    pub difficulty: Difficulty,
    pub tags: &'static [&'static str],
}

include!(concat!(env!("OUT_DIR"), "/deck_data.rs"));

/// The categories, in seed order.
pub fn categories() -> &'static [Category] {
    CATEGORIES
}

/// Every question, in category then seed order.
pub fn questions() -> &'static [Question] {
    QUESTIONS
}

/// The question with this id, if the deck has it.
pub fn question(id: &str) -> Option<&'static Question> {
    QUESTIONS.iter().find(|q| q.id == id)
}

/// The category with this id, if any.
pub fn category(id: &str) -> Option<&'static Category> {
    CATEGORIES.iter().find(|c| c.id == id)
}

/// Every predict-the-output card, in category, question and sample order.
pub fn output_cards() -> &'static [OutputCard] {
    OUTPUT_CARDS
}

/// The predict-the-output card with this id, if any.
pub fn output_card(id: &str) -> Option<&'static OutputCard> {
    OUTPUT_CARDS.iter().find(|c| c.id == id)
}

/// Every id progress may be kept under: the questions' and the cards'.
pub fn known_ids() -> Vec<&'static str> {
    QUESTIONS
        .iter()
        .map(|q| q.id)
        .chain(OUTPUT_CARDS.iter().map(|c| c.id))
        .collect()
}
