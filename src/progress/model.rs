//! The progress model: what is stored per question, and the envelope.

use std::collections::BTreeMap;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::SCHEMA_VERSION;

/// How well the learner recalled an answer (the four FSRS ratings).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Debug, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Grade {
    Again,
    Hard,
    Good,
    Easy,
}

impl Grade {
    /// Every grade, worst first.
    pub const ALL: [Grade; 4] = [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy];

    /// The grade for keyboard key 1..=4 (1 = Again, 4 = Easy).
    pub fn from_key(key: u8) -> Option<Grade> {
        match key {
            1 => Some(Grade::Again),
            2 => Some(Grade::Hard),
            3 => Some(Grade::Good),
            4 => Some(Grade::Easy),
            _ => None,
        }
    }

    /// The button label.
    pub fn label(self) -> &'static str {
        match self {
            Grade::Again => "Again",
            Grade::Hard => "Hard",
            Grade::Good => "Good",
            Grade::Easy => "Easy",
        }
    }
}

/// Where a question stands for the learner.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Status {
    /// Never graded.
    New,
    /// Graded, not due yet, not mastered.
    Learning,
    /// Has a card whose due time is at or before now.
    Due,
    /// Not due and FSRS stability is at least [`Status::MASTERED_STABILITY_DAYS`] (21 days).
    Mastered,
}

impl Status {
    /// Stability (days) from which a card that is not due counts as mastered.
    pub const MASTERED_STABILITY_DAYS: f64 = 21.0;

    /// Lowercase name, for CSS classes and test ids.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::New => "new",
            Status::Learning => "learning",
            Status::Due => "due",
            Status::Mastered => "mastered",
        }
    }
}

/// The FSRS state of a card.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CardState {
    #[default]
    New,
    Learning,
    Review,
    Relearning,
}

/// FSRS memory state of one question, as plain serde fields (times in ms since the epoch).
#[derive(Clone, PartialEq, Debug, Default, Serialize, Deserialize)]
pub struct Card {
    pub due_ms: i64,
    /// Days for which recall probability stays above 90%.
    pub stability: f64,
    /// FSRS difficulty, 1..=10 once graded.
    pub difficulty: f64,
    pub elapsed_days: i64,
    pub scheduled_days: i64,
    pub reps: u32,
    pub lapses: u32,
    pub state: CardState,
    pub last_review_ms: i64,
}

/// One grading, kept for statistics.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug, Serialize, Deserialize)]
pub struct ReviewEntry {
    pub at_ms: i64,
    pub grade: Grade,
}

/// Everything stored about one question.
#[derive(Clone, PartialEq, Debug, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct QuestionProgress {
    /// `None` until first graded.
    pub card: Option<Card>,
    /// Every grading, oldest first.
    pub reviews: Vec<ReviewEntry>,
    pub bookmarked: bool,
    pub note: String,
    /// When anything here last changed (decides merges between equal revisions).
    pub updated_ms: i64,
    /// Reviews taken back with Undo: a merge drops them from `reviews` on
    /// both sides, so another tab's copy cannot bring an undone review back.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub undone: Vec<ReviewEntry>,
    /// Bumped by every change of this entry (grade, note, bookmark): an edit
    /// made after seeing another one wins a merge over it whatever the clocks
    /// said (see [`Progress::merge`]). Absent in older values: 0.
    pub rev: u64,
}

/// Colour theme: the learner's setting in the app, a widget's `data-theme`.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    /// Follows the system (`prefers-color-scheme`); `auto` in embeds.
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    /// The stored name and the `data-theme` value the CSS reads.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// The theme named `name` (case-insensitive); `auto` and `system` are
    /// the same.
    pub fn parse(name: &str) -> Option<Theme> {
        match name.trim().to_ascii_lowercase().as_str() {
            "" | "auto" | "system" => Some(Theme::System),
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }
}

/// User settings, stored with the progress.
#[derive(Clone, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub theme: Theme,
    /// New cards introduced per local day (default 10).
    pub daily_new_limit: u32,
    /// The order new cards come in.
    pub new_order: NewOrder,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            theme: Theme::System,
            daily_new_limit: 10,
            new_order: NewOrder::Interleaved,
        }
    }
}

/// The order new cards come in (Anki's "new card gather order").
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NewOrder {
    /// The deck's order: a category at a time.
    Deck,
    /// One card of each category in turn (the default).
    #[default]
    Interleaved,
    /// Shuffled, the same order all day.
    Random,
}

impl NewOrder {
    /// Every order, as Settings lists them.
    pub const ALL: [NewOrder; 3] = [NewOrder::Interleaved, NewOrder::Deck, NewOrder::Random];

    /// The stored name and form value.
    pub fn as_str(self) -> &'static str {
        match self {
            NewOrder::Deck => "deck",
            NewOrder::Interleaved => "interleaved",
            NewOrder::Random => "random",
        }
    }

    /// The label Settings shows.
    pub fn label(self) -> &'static str {
        match self {
            NewOrder::Deck => "Deck order (a category at a time)",
            NewOrder::Interleaved => "Interleaved (one category after another)",
            NewOrder::Random => "Random (a new order each day)",
        }
    }

    /// The order named `name`, if any.
    pub fn parse(name: &str) -> Option<NewOrder> {
        NewOrder::ALL.into_iter().find(|o| o.as_str() == name)
    }
}

/// The stored envelope: one per deck. Ids not in the deck are kept, never dropped.
#[derive(Clone, PartialEq, Debug, Serialize, Deserialize)]
pub struct Progress {
    pub version: u32,
    /// Bumped by every reset and import "replace". A merge of two values with
    /// different generations keeps the higher one whole, so another tab still
    /// holding the old progress cannot bring erased questions back.
    ///
    /// Still schema v1: the field is optional (`#[serde(default)]`), so stored
    /// values and export files written before it existed read as generation 0,
    /// and nothing else about the shape changed.
    #[serde(default)]
    pub generation: u64,
    /// Each entry behind an `Rc`: a change copies the map's keys and
    /// pointers and the one entry it edits, never every question's reviews
    /// (the app state keeps the old value while it builds the new one).
    #[serde(default)]
    pub questions: BTreeMap<String, Rc<QuestionProgress>>,
    #[serde(default)]
    pub settings: Settings,
    #[serde(default)]
    pub settings_updated_ms: i64,
    /// Bumped by every change of the settings, like [`QuestionProgress::rev`].
    #[serde(default)]
    pub settings_rev: u64,
}

impl Default for Progress {
    fn default() -> Self {
        Progress {
            version: SCHEMA_VERSION,
            generation: 0,
            questions: BTreeMap::new(),
            settings: Settings::default(),
            settings_updated_ms: 0,
            settings_rev: 0,
        }
    }
}

impl Progress {
    /// What is stored about a question, if anything.
    pub fn get(&self, id: &str) -> Option<&QuestionProgress> {
        self.questions.get(id).map(Rc::as_ref)
    }

    /// The status of a question at `now_ms` (see [`Status`]).
    pub fn status(&self, id: &str, now_ms: i64) -> Status {
        match self.get(id).and_then(|p| p.card.as_ref()) {
            None => Status::New,
            Some(card) if card.due_ms <= now_ms => Status::Due,
            Some(card) if card.stability >= Status::MASTERED_STABILITY_DAYS => Status::Mastered,
            Some(_) => Status::Learning,
        }
    }

    /// The compact JSON stored in localStorage.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("progress always serialises")
    }
}
