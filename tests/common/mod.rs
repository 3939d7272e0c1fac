//! What the practice-run tests share (practice_run.rs, practice_sync.rs).

use pyprep::progress::Grade;
use pyprep::session::{Graded, PracticeRun};

/// 2024-03-10T12:00:00Z.
pub const T0: i64 = 1_710_072_000_000;
pub const DAY: i64 = 86_400_000;
pub const MIN: i64 = 60_000;

/// Grades the current card as reviewed (not returning in this session).
pub fn review(run: &mut PracticeRun, grade: Grade, now: i64) -> Option<Graded> {
    run.grade(grade, now, now + 3 * DAY, false)
}
