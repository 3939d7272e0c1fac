//! Export to a JSON file and import with a preview.

use serde_json::Value;

use super::decode::decode;
use super::model::Progress;
pub use super::validate::ImportError;

/// What an import file holds, shown before the learner confirms.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct ImportSummary {
    /// Questions that have been graded at least once.
    pub questions_with_progress: usize,
    /// Reviews in all logs.
    pub reviews: usize,
    pub bookmarks: usize,
    /// Non-empty notes.
    pub notes: usize,
    /// Ids with any entry that this deck does not know (they are kept).
    pub unknown_ids: usize,
    /// `exported_at_ms` of the file, if present.
    pub exported_at_ms: Option<i64>,
    /// Schema version the file was written in (older ones are migrated).
    pub from_version: u32,
}

/// A parsed, validated import file. "Replace" uses
/// `current.replaced_by(preview.progress)`; "merge" uses
/// `current.merge_import(&preview.progress)`.
#[derive(Clone, PartialEq, Debug)]
pub struct ImportPreview {
    pub progress: Progress,
    pub summary: ImportSummary,
}

/// Parses and checks an import file against every limit (see [`ImportError`]).
pub fn parse_import(text: &str, known_ids: &[&str]) -> Result<ImportPreview, ImportError> {
    let (progress, from_version, raw) = decode(text)?;
    let qs = progress.questions.iter();
    let summary = ImportSummary {
        questions_with_progress: qs.clone().filter(|(_, q)| q.card.is_some()).count(),
        reviews: qs.clone().map(|(_, q)| q.reviews.len()).sum(),
        bookmarks: qs.clone().filter(|(_, q)| q.bookmarked).count(),
        notes: qs.clone().filter(|(_, q)| !q.note.is_empty()).count(),
        unknown_ids: qs.filter(|(id, _)| !known_ids.contains(&id.as_str())).count(),
        exported_at_ms: raw.get("exported_at_ms").and_then(Value::as_i64),
        from_version,
    };
    Ok(ImportPreview { progress, summary })
}

/// The progress as a pretty JSON file, with `app: "pyprep"` and `exported_at_ms`.
pub fn export_json(progress: &Progress, now_ms: i64) -> String {
    let mut value = serde_json::to_value(progress).expect("progress always serialises");
    if let Value::Object(map) = &mut value {
        map.insert("app".into(), Value::from("pyprep"));
        map.insert("exported_at_ms".into(), Value::from(now_ms));
    }
    serde_json::to_string_pretty(&value).expect("a JSON value always serialises")
}
