//! Events for the embedding page: names, payloads and the session tally.

use serde_json::{Value, json};

use super::Mode;
use crate::progress::Grade;

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
