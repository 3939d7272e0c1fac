//! Export to a JSON file and import with a preview.

use serde_json::Value;

use super::decode::{Read, first_refusal, read};
use super::limits::{MAX_FILE_BYTES, is_plausible_time};
use super::model::Progress;
pub use super::validate::ImportError;
use super::validate::bad;

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
    /// Cards with an impossible memory state that were repaired (they start
    /// afresh at their next grade): `(question id, why)`.
    pub repaired: Vec<(String, String)>,
}

/// A parsed, validated import file. "Replace" uses
/// `current.replaced_by(preview.progress)`; "merge" uses
/// `current.merge_import(&preview.progress)`.
#[derive(Clone, PartialEq, Debug)]
pub struct ImportPreview {
    pub progress: Progress,
    pub summary: ImportSummary,
}

/// The `exported_at_ms` of a file: absent (or `null`), or a time from 1970
/// to 3000.
fn exported_at(raw: &Value) -> Result<Option<i64>, ImportError> {
    match raw.get("exported_at_ms") {
        None | Some(Value::Null) => Ok(None),
        Some(v) => match v.as_i64() {
            Some(ms) if is_plausible_time(ms) => Ok(Some(ms)),
            _ => Err(bad("file", "export time", v)),
        },
    }
}

/// Parses and checks an import file against every limit (see
/// [`ImportError`]): strict, the first problem refuses the whole file,
/// except a card with an impossible memory state, which is repaired as on
/// load and listed in [`ImportSummary::repaired`].
pub fn parse_import(text: &str, known_ids: &[&str]) -> Result<ImportPreview, ImportError> {
    let Read {
        salvage,
        version,
        value,
    } = read(text, MAX_FILE_BYTES)?;
    let exported_at_ms = exported_at(&value)?;
    if let Some(problem) = first_refusal(&salvage.findings) {
        return Err(problem.error.clone());
    }
    let progress = salvage.progress;
    let qs = progress.questions.iter();
    let summary = ImportSummary {
        questions_with_progress: qs.clone().filter(|(_, q)| q.card.is_some()).count(),
        reviews: qs.clone().map(|(_, q)| q.reviews.len()).sum(),
        bookmarks: qs.clone().filter(|(_, q)| q.bookmarked).count(),
        notes: qs.clone().filter(|(_, q)| !q.note.is_empty()).count(),
        unknown_ids: qs.filter(|(id, _)| !known_ids.contains(&id.as_str())).count(),
        exported_at_ms,
        from_version: version,
        repaired: salvage.findings.iter().map(|f| (f.id.clone(), f.why())).collect(),
    };
    Ok(ImportPreview { progress, summary })
}

/// The progress as a compact JSON file, with `app: "pyprep"` and
/// `exported_at_ms` (clamped to the plausible range, so the file always
/// imports again). Anything stored (at most `MAX_STORED_BYTES`) exports
/// within [`MAX_FILE_BYTES`].
pub fn export_json(progress: &Progress, now_ms: i64) -> String {
    let mut value = serde_json::to_value(progress).expect("progress always serialises");
    if let Value::Object(map) = &mut value {
        map.insert("app".into(), Value::from("pyprep"));
        map.insert("exported_at_ms".into(), Value::from(super::limits::clamp_time(now_ms)));
    }
    serde_json::to_string(&value).expect("a JSON value always serialises")
}
