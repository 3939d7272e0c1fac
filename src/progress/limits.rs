//! Every limit on progress, in one place: validation (stored values and
//! import files), the inputs that feed them (note length, daily new-card
//! limit, file size) and the import checks all read these.

/// Largest import file accepted, in bytes.
pub const MAX_FILE_BYTES: usize = 5 * 1024 * 1024;
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
/// Largest plausible generation (one per reset or import "replace").
pub const MAX_GENERATION: u64 = 1_000_000;
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
