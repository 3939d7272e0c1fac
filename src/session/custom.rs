//! Custom study, Anki's way: a session over the bookmarked cards, a tag,
//! a search result or the cards due in the next days, outside the daily
//! queue; and "learn N more new cards today", which raises today's
//! new-card allowance without touching the daily setting.

use crate::deck::Question;
use crate::embed::query_param;
use crate::progress::Progress;

use super::filter::encode;

/// The longest "review ahead" window, in days.
pub const MAX_AHEAD_DAYS: u32 = 365;
/// The most extra new cards a day can take.
pub const MAX_EXTRA_NEW: u32 = 500;

const DAY_MS: i64 = 86_400_000;

/// What a custom study session draws from.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum Study {
    /// The bookmarked questions.
    Bookmarked,
    /// The questions with this tag.
    Tag(String),
    /// These questions, in this order (a search result).
    Ids(Vec<String>),
    /// The cards not due yet that fall due within this many days.
    Ahead(u32),
}

impl Study {
    /// The URL query form: `study=bookmarked`, `study=tag&tag=numpy`,
    /// `study=ids&ids=a,b`, `study=ahead&days=3`.
    pub fn to_query(&self) -> String {
        match self {
            Study::Bookmarked => "study=bookmarked".to_string(),
            Study::Tag(tag) => format!("study=tag&tag={}", encode(tag)),
            Study::Ids(ids) => {
                let ids: Vec<String> = ids.iter().map(|id| encode(id)).collect();
                format!("study=ids&ids={}", ids.join(","))
            }
            Study::Ahead(days) => format!("study=ahead&days={days}"),
        }
    }

    /// Reads the URL query form; `None` when it names no valid study.
    pub fn from_query(query: &str) -> Option<Study> {
        let get = |key: &str| query_param(query, key).filter(|v| !v.is_empty());
        match get("study")?.as_str() {
            "bookmarked" => Some(Study::Bookmarked),
            "tag" => get("tag").map(Study::Tag),
            "ids" => {
                let ids: Vec<String> = get("ids")?
                    .split(',')
                    .filter(|id| !id.is_empty())
                    .map(str::to_string)
                    .collect();
                (!ids.is_empty()).then_some(Study::Ids(ids))
            }
            "ahead" => {
                let days: u32 = get("days")?.trim().parse().ok()?;
                (1..=MAX_AHEAD_DAYS).contains(&days).then_some(Study::Ahead(days))
            }
            _ => None,
        }
    }

    /// What the session is, in words: "Bookmarked cards", "Tag: numpy".
    pub fn label(&self) -> String {
        match self {
            Study::Bookmarked => "Bookmarked cards".to_string(),
            Study::Tag(tag) => format!("Tag: {tag}"),
            Study::Ids(ids) if ids.len() == 1 => "1 chosen question".to_string(),
            Study::Ids(ids) => format!("{} chosen questions", ids.len()),
            Study::Ahead(1) => "Review ahead: due by tomorrow".to_string(),
            Study::Ahead(days) => format!("Review ahead: due in the next {days} days"),
        }
    }
}

/// The queue of a custom study session over `questions` (the deck): the
/// due cards first (most overdue first), then the others in deck order (in
/// the listed order for [`Study::Ids`]; soonest due for [`Study::Ahead`]).
/// Unknown ids are left out.
pub fn study_queue(
    questions: &'static [Question],
    progress: &Progress,
    study: &Study,
    now_ms: i64,
) -> Vec<&'static str> {
    let due_ms = |id: &str| progress.get(id).and_then(|p| p.card.as_ref()).map(|c| c.due_ms);
    let chosen: Vec<&'static str> = match study {
        Study::Bookmarked => questions
            .iter()
            .filter(|q| progress.get(q.id).is_some_and(|p| p.bookmarked))
            .map(|q| q.id)
            .collect(),
        Study::Tag(tag) => questions
            .iter()
            .filter(|q| q.tags.contains(&tag.as_str()))
            .map(|q| q.id)
            .collect(),
        Study::Ids(ids) => {
            let mut chosen: Vec<&'static str> = Vec::new();
            for q in ids.iter().filter_map(|id| questions.iter().find(|q| q.id == id)) {
                if !chosen.contains(&q.id) {
                    chosen.push(q.id);
                }
            }
            chosen
        }
        Study::Ahead(days) => {
            let until = now_ms.saturating_add(i64::from(*days).saturating_mul(DAY_MS));
            let mut ahead: Vec<(i64, &'static str)> = questions
                .iter()
                .filter_map(|q| due_ms(q.id).map(|d| (d, q.id)))
                .filter(|&(d, _)| d > now_ms && d <= until)
                .collect();
            crate::sort::sort(&mut ahead);
            return ahead.into_iter().map(|(_, id)| id).collect();
        }
    };
    let mut due: Vec<(i64, &'static str)> = chosen
        .iter()
        .filter_map(|&id| due_ms(id).filter(|&d| d <= now_ms).map(|d| (d, id)))
        .collect();
    crate::sort::sort(&mut due);
    let mut queue: Vec<&'static str> = due.iter().map(|&(_, id)| id).collect();
    let rest: Vec<&'static str> = chosen.into_iter().filter(|id| !queue.contains(id)).collect();
    queue.extend(rest);
    queue
}

/// Today's raise of the new-card allowance, as stored: `"<local day>:<count>"`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct ExtraNew {
    pub day: i64,
    pub count: u32,
}

impl ExtraNew {
    /// Reads the stored form; `None` when it is not one.
    pub fn parse(stored: &str) -> Option<ExtraNew> {
        let (day, count) = stored.trim().split_once(':')?;
        Some(ExtraNew {
            day: day.parse().ok()?,
            count: count.parse::<u32>().ok()?.min(MAX_EXTRA_NEW),
        })
    }

    /// The stored form.
    pub fn encode(&self) -> String {
        format!("{}:{}", self.day, self.count)
    }

    /// The extra new cards allowed on local day `today` (0 for another day's
    /// raise or an unreadable value).
    pub fn on(stored: Option<&str>, today: i64) -> u32 {
        stored
            .and_then(ExtraNew::parse)
            .filter(|e| e.day == today)
            .map_or(0, |e| e.count)
    }

    /// Today's raise after learning `more` cards more (added to a raise
    /// made earlier today, capped at [`MAX_EXTRA_NEW`]).
    pub fn raised(stored: Option<&str>, today: i64, more: u32) -> ExtraNew {
        ExtraNew {
            day: today,
            count: ExtraNew::on(stored, today).saturating_add(more).min(MAX_EXTRA_NEW),
        }
    }
}
