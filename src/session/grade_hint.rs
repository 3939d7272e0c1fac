//! The grade the key points suggest: the learner ticks the points their
//! answer covered, and the share (and how fast they answered) suggests a
//! grade. The learner can always pick another.

use crate::progress::Grade;

/// Revealing within this many seconds of seeing the question counts as quick.
pub const QUICK_SECONDS: u32 = 30;

/// The suggested grade for `ticked` of `total` key points, revealed
/// `seconds` after the question was shown (`None` when unknown):
/// - every point: Good, or Easy when quick;
/// - at least half: Hard;
/// - under half: Again.
///
/// `None` when there are no points.
pub fn suggest_grade(ticked: usize, total: usize, seconds: Option<u32>) -> Option<Grade> {
    if total == 0 {
        return None;
    }
    let ticked = ticked.min(total);
    Some(if ticked == total {
        if seconds.is_some_and(|s| s <= QUICK_SECONDS) {
            Grade::Easy
        } else {
            Grade::Good
        }
    } else if ticked * 2 >= total {
        Grade::Hard
    } else {
        Grade::Again
    })
}
