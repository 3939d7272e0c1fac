//! The content pipeline: Markdown question files in, validated questions with
//! answers rendered to HTML out. Used natively by `build.rs` (through a
//! `#[path]` module) and by tests; never compiled into the wasm app.
//!
//! The format is documented in `content/README.md`.

mod codegen;
mod highlight;
mod parse;
mod render;
mod runnable;
mod samples;

use std::fmt;
use std::path::{Path, PathBuf};

pub use codegen::{AnswerFile, answer_files, generate, generate_native_answers};
pub use highlight::highlight_python;
pub use parse::parse_file;
pub use render::{markdown_options, render_inline_code};
pub use runnable::{Runnable, classify, imports};
pub use samples::{FLAGS, OutputCard, SampleFlags, card_id, normalise_code, normalise_output, parse_flags};

/// The six categories: id, title as in the seed, in seed order.
pub const CATEGORIES: [(&str, &str); 6] = [
    ("dsa", "Data Structures and Algorithms"),
    ("oop", "Object-Oriented Programming (OOP)"),
    ("web", "Web Development with Python"),
    ("ml", "Machine Learning with Python"),
    ("system-design", "System Design and Architecture"),
    ("advanced", "Advanced Python Concepts"),
];

/// Fence languages an answer may use. Only Python is highlighted.
pub const LANGUAGES: [&str; 14] = [
    "python",
    "output",
    "text",
    "console",
    "bash",
    "toml",
    "ini",
    "yaml",
    "json",
    "html",
    "django",
    "dockerfile",
    "sql",
    "nginx",
];

/// A mistake in a content file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    pub file: PathBuf,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file.display(), self.line, self.message)
    }
}

/// One category file, parsed.
#[derive(Debug, Clone)]
pub struct CategoryFile {
    pub id: String,
    pub title: String,
    pub questions: Vec<QuestionEntry>,
}

/// One question as written, its answer rendered to HTML.
#[derive(Debug, Clone)]
pub struct QuestionEntry {
    pub id: String,
    pub line: usize,
    /// The question in the seed's wording, as written (plain text).
    pub text: String,
    pub difficulty: String,
    pub tags: Vec<String>,
    pub answer: Option<AnswerHtml>,
}

/// The parts of an answer, each rendered to HTML separately.
#[derive(Debug, Clone, Default)]
pub struct AnswerHtml {
    pub short: String,
    /// What an interviewer listens for: each point as inline HTML.
    pub key_points: Vec<String>,
    pub explanation: String,
    pub example: String,
    pub follow_ups: String,
    pub pitfalls: String,
    /// The predict-the-output cards of its samples, in order.
    pub outputs: Vec<OutputCard>,
    /// Samples with an output block that are not offered as cards
    /// (`no-predict` or `no-run`).
    pub excluded_outputs: usize,
}

/// Every category file of a content directory, validated across files.
#[derive(Debug, Clone)]
pub struct Deck {
    pub categories: Vec<CategoryFile>,
}

impl Deck {
    /// All questions, in category then seed order.
    pub fn questions(&self) -> impl Iterator<Item = (&CategoryFile, &QuestionEntry)> {
        self.categories
            .iter()
            .flat_map(|c| c.questions.iter().map(move |q| (c, q)))
    }
}

/// Reads the tag vocabulary: the `` - `tag` `` items under "## Tag vocabulary"
/// in `content/README.md`.
pub fn read_tag_vocabulary(readme: &str) -> Vec<String> {
    readme
        .lines()
        .skip_while(|l| l.trim() != "## Tag vocabulary")
        .skip(1)
        .take_while(|l| !l.starts_with("## "))
        .filter_map(|l| l.trim().strip_prefix("- `")?.strip_suffix('`'))
        .map(str::to_owned)
        .collect()
}

/// Loads, parses and validates every `*.md` file of `dir` except README.md.
/// A question without an answer is an error.
pub fn load_dir(dir: &Path) -> Result<Deck, Vec<ContentError>> {
    let readme = std::fs::read_to_string(dir.join("README.md")).unwrap_or_default();
    let tags = read_tag_vocabulary(&readme);
    let mut errors = Vec::new();
    let mut files: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "md"))
            .filter(|p| p.file_name().is_some_and(|n| n != "README.md"))
            .collect(),
        Err(e) => return Err(vec![error(dir, 0, format!("cannot read: {e}"))]),
    };
    files.sort();
    let mut categories = Vec::new();
    for path in &files {
        match std::fs::read_to_string(path) {
            Ok(text) => match parse_file(path, &text, &tags) {
                Ok(c) => categories.push((path.clone(), c)),
                Err(mut e) => errors.append(&mut e),
            },
            Err(e) => errors.push(error(path, 0, format!("cannot read: {e}"))),
        }
    }
    // Cross-file checks: one file per category, unique ids, answers present.
    let mut seen_ids: std::collections::HashMap<String, (PathBuf, usize)> = Default::default();
    let mut seen_categories: std::collections::HashMap<String, PathBuf> = Default::default();
    for (path, category) in &categories {
        if let Some(first) = seen_categories.insert(category.id.clone(), path.clone()) {
            errors.push(error(
                path,
                1,
                format!("category `{}` is also in {}", category.id, first.display()),
            ));
        }
        for q in &category.questions {
            if let Some((file, line)) = seen_ids.get(&q.id) {
                let first = format!("{}:{line}", file.display());
                errors.push(error(
                    path,
                    q.line,
                    format!("duplicate id `{}` (first at {first})", q.id),
                ));
            } else {
                seen_ids.insert(q.id.clone(), (path.clone(), q.line));
            }
            if q.answer.is_none() {
                errors.push(error(path, q.line, format!("`{}` has no answer", q.id)));
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    // Seed order of categories, whatever the file names sort to.
    let mut categories: Vec<CategoryFile> = categories.into_iter().map(|(_, c)| c).collect();
    categories.sort_by_key(|c| CATEGORIES.iter().position(|(id, _)| *id == c.id));
    Ok(Deck { categories })
}

pub(crate) fn error(file: &Path, line: usize, message: impl Into<String>) -> ContentError {
    ContentError {
        file: file.to_path_buf(),
        line,
        message: message.into(),
    }
}
