//! B9: widgets on one page (and tabs) stay in step. A practice run drops or
//! skips a card graded elsewhere, never reviewing it a second time.

use pyprep::progress::{Grade, Progress};
use pyprep::session::{PracticeRun, reviews_in};

mod common;

use common::{MIN, T0, review};

/// B9: two widgets on one page share progress; a card graded in one leaves
/// the other's run at once and is never reviewed there a second time.
#[test]
fn b9_a_card_graded_elsewhere_leaves_the_queue_without_a_second_review() {
    let mut progress = Progress::default();
    let mut run = PracticeRun::start(vec!["a", "b", "c"]);
    assert!(run.sync_reviews(T0, reviews_in(&progress)).is_empty());
    // Another widget grades "b" (upcoming here) and "a" (current here).
    progress.grade("b", Grade::Good, T0);
    assert_eq!(run.sync_reviews(T0, reviews_in(&progress)), vec!["b"]);
    assert_eq!((run.current(), run.remaining()), (Some("a"), 2));
    run.reveal();
    progress.grade("a", Grade::Hard, T0 + MIN);
    assert_eq!(run.sync_reviews(T0, reviews_in(&progress)), vec!["a"]);
    assert_eq!(run.current(), Some("c"), "the run moves past the card graded elsewhere");
    assert!(!run.revealed);
    assert_eq!(run.remaining(), 1);
    // Previous shows it as graded, read-only: no second review.
    assert!(run.step(-1, T0));
    assert_eq!((run.current(), run.current_grade()), (Some("a"), Some(Grade::Hard)));
    assert_eq!(review(&mut run, Grade::Good, T0), None);
    // Nothing new elsewhere: nothing changes.
    let before = run.clone();
    assert!(run.sync_reviews(T0, reviews_in(&progress)).is_empty());
    assert_eq!(run, before);
}

#[test]
fn b9_the_runs_own_grades_and_undos_are_not_taken_for_reviews_elsewhere() {
    let mut progress = Progress::default();
    let mut run = PracticeRun::start(vec!["a", "b"]);
    run.sync_reviews(T0, reviews_in(&progress));
    run.reveal();
    // Graded here, learning: it returns within the session.
    run.grade(Grade::Again, T0, T0 + MIN, true).unwrap();
    progress.grade("a", Grade::Again, T0);
    assert!(run.sync_reviews(T0, reviews_in(&progress)).is_empty());
    assert_eq!(run.returning_at(), vec![T0 + MIN], "still returns");
    // Undo here, then the progress forgets the review: still in step.
    assert_eq!(run.undo(T0), Some("a"));
    progress.undo_grade("a", None, T0);
    assert!(run.sync_reviews(T0, reviews_in(&progress)).is_empty());
    assert_eq!(run.current(), Some("a"));
    // Graded here again, then elsewhere too: the returning card is dropped.
    run.grade(Grade::Again, T0, T0 + MIN, true).unwrap();
    progress.grade("a", Grade::Again, T0);
    run.sync_reviews(T0, reviews_in(&progress));
    progress.grade("a", Grade::Easy, T0 + 2 * MIN);
    assert_eq!(run.sync_reviews(T0, reviews_in(&progress)), vec!["a"]);
    assert!(run.returning_at().is_empty());
    assert_eq!(run.current(), Some("b"));
}

#[test]
fn b9_a_single_card_graded_elsewhere_finishes_its_run() {
    let mut progress = Progress::default();
    let mut run = PracticeRun::start(vec!["a"]);
    run.sync_reviews(T0, reviews_in(&progress));
    progress.grade("a", Grade::Good, T0);
    assert_eq!(run.sync_reviews(T0, reviews_in(&progress)), vec!["a"]);
    assert!(run.is_finished());
}
