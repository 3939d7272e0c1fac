//! Every limit on progress, in one place: validation (stored values and
//! import files), the inputs that feed them (note length, daily new-card
//! limit, file size) and the import checks all read these.

/// Largest import file accepted, in bytes.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
/// Largest stored value read, in bytes: 1 KB below [`MAX_FILE_BYTES`], so
/// that the export of anything stored (the same JSON plus `app` and
/// `exported_at_ms`) is always small enough to import again.
pub const MAX_STORED_BYTES: usize = MAX_FILE_BYTES - 1024;
/// Most questions a file may hold.
pub const MAX_QUESTIONS: usize = 10_000;
/// Longest note, in characters.
pub const MAX_NOTE_CHARS: usize = 20_000;
/// Longest question id.
pub const MAX_ID_LEN: usize = 100;
/// Most reviews in total.
pub const MAX_REVIEWS: usize = 100_000;
/// Latest plausible timestamp: 3000-01-01T00:00:00Z.
pub const MAX_TIME_MS: i64 = 32_503_680_000_000;
/// Largest plausible FSRS stability, in days.
pub const MAX_STABILITY_DAYS: f64 = 1_000_000.0;
/// Smallest stability of a graded card, in days (FSRS-5's lower bound). A
/// graded card below it has no usable memory state (see `Card::repaired`).
pub const MIN_STABILITY_DAYS: f64 = 0.01;
/// Largest generation (one per reset or import "replace"): 2^53 - 1, the
/// largest integer a JS number holds exactly. Resets and replaces saturate
/// here; an imported file cannot push the generation up by more than two
/// (see `Progress::replaced_by`), so only some 9e15 resets could reach it.
pub const MAX_GENERATION: u64 = (1 << 53) - 1;
/// Largest revision of one entry or of the settings (one per change):
/// 2^53 - 1, like [`MAX_GENERATION`]. Revisions saturate here.
pub const MAX_REVISION: u64 = (1 << 53) - 1;
/// Largest plausible daily new-card limit.
pub const MAX_DAILY_NEW: u32 = 1_000;

/// Why a daily new-card limit typed in Settings was not taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BadDailyLimit;

impl std::fmt::Display for BadDailyLimit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Type a whole number from 0 to {MAX_DAILY_NEW}.")
    }
}

/// Reads the daily new-card limit as typed: a whole number from 0 to
/// [`MAX_DAILY_NEW`], surrounding spaces allowed.
pub fn parse_daily_new(text: &str) -> Result<u32, BadDailyLimit> {
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|n| *n <= MAX_DAILY_NEW)
        .ok_or(BadDailyLimit)
}

/// True when a millisecond timestamp is in the range every stored time must
/// be in (1970 to 3000): the range `Date` and the scheduler handle.
pub fn is_plausible_time(ms: i64) -> bool {
    (0..=MAX_TIME_MS).contains(&ms)
}

/// A clock reading brought into the plausible range: a clock before 1970
/// reads as 1970, one after the year 3000 as 3000. Every change to progress
/// stamps this, so no change can store a time the next load would refuse.
pub fn clamp_time(ms: i64) -> i64 {
    ms.clamp(0, MAX_TIME_MS)
}

/// The longest prefix of `text` that is a note of at most [`MAX_NOTE_CHARS`]
/// characters (cut at a character boundary).
pub fn clip_note(text: &str) -> &str {
    match text.char_indices().nth(MAX_NOTE_CHARS) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}
