//! The decisions the screens used to make: the practice run, the mock setup
//! form and Home's next step (the browse filter: browse_filter.rs; B9: practice_sync.rs).

use pyprep::deck;
use pyprep::progress::{Grade, Progress, Settings};
use pyprep::session::{MOCK_MAX_QUESTIONS, MockConfig, MockSetup, MockSetupError, NextStep, PracticeRun, pick_mock};

mod common;

use common::{DAY, MIN, T0, review};

#[test]
fn a_run_reveals_grades_and_moves_on() {
    let mut run = PracticeRun::start(vec!["a", "b"]);
    assert_eq!((run.current(), run.remaining()), (Some("a"), 2));
    assert_eq!(
        review(&mut run, Grade::Good, T0),
        None,
        "no grade before the answer is shown"
    );
    assert!(run.reveal());
    assert!(!run.reveal(), "revealing twice changes nothing");
    let graded = review(&mut run, Grade::Good, T0).unwrap();
    assert_eq!(
        (graded.id, graded.remaining, graded.next, graded.returns_at),
        ("a", 1, Some("b"), None)
    );
    assert!(!run.revealed, "the next card starts hidden");
    run.reveal();
    let last = review(&mut run, Grade::Easy, T0).unwrap();
    assert_eq!((last.remaining, last.next), (0, None));
    assert!(run.is_finished());
    assert!(!run.reveal(), "nothing to reveal at the end");
}

#[test]
fn previous_shows_a_graded_card_as_graded_and_never_grades_it_again() {
    let mut run = PracticeRun::start(vec!["a", "b", "c"]);
    run.reveal();
    review(&mut run, Grade::Again, T0).unwrap();
    assert!(run.step(-1, T0));
    assert_eq!(run.current(), Some("a"));
    assert_eq!(run.current_grade(), Some(Grade::Again));
    assert!(run.revealed, "shown with its answer");
    assert!(!run.reveal());
    assert_eq!(review(&mut run, Grade::Easy, T0), None, "a second review is refused");
    assert!(run.step(1, T0));
    assert_eq!(
        (run.current(), run.current_grade(), run.revealed),
        (Some("b"), None, false)
    );
    assert_eq!(run.remaining(), 2, "b and c are left");
}

#[test]
fn skipping_stops_at_the_end_and_previous_at_the_start() {
    let mut run = PracticeRun::start(vec!["a", "b"]);
    assert!(!run.step(-1, T0), "nothing before the first card");
    assert!(run.step(1, T0));
    assert!(run.step(1, T0));
    assert!(run.is_finished(), "skipping the last card ends the session");
    assert!(!run.step(1, T0));
    let mut empty = PracticeRun::start(vec![]);
    assert!(empty.is_finished());
    assert_eq!(review(&mut empty, Grade::Good, T0), None);
}

#[test]
fn again_brings_the_card_back_in_the_session_once_its_step_is_due() {
    let mut run = PracticeRun::start(vec!["a", "b"]);
    run.reveal();
    let graded = run.grade(Grade::Again, T0, T0 + MIN, true).unwrap();
    assert_eq!(graded.returns_at, Some(T0 + MIN));
    assert_eq!(run.remaining(), 2, "b, and a again");
    assert_eq!(run.current(), Some("b"));
    run.reveal();
    review(&mut run, Grade::Good, T0 + 10_000).unwrap();
    // Nothing is due yet: the run waits, it is not finished.
    assert_eq!(run.current(), None);
    assert!(!run.is_finished());
    assert_eq!(run.returning_at(), [T0 + MIN]);
    assert!(!run.pick_up(T0 + MIN - 1));
    assert!(run.pick_up(T0 + MIN));
    assert_eq!(
        (run.current(), run.current_grade(), run.revealed),
        (Some("a"), None, false)
    );
    run.reveal();
    review(&mut run, Grade::Good, T0 + 2 * MIN).unwrap();
    assert!(run.is_finished());
}

#[test]
fn a_returning_card_comes_before_new_ones_once_due_and_far_steps_wait() {
    let mut run = PracticeRun::start(vec!["a", "b", "c"]);
    run.reveal();
    run.grade(Grade::Again, T0, T0 + MIN, true).unwrap();
    run.reveal();
    // b is due again in two hours: beyond the session, it waits for its day.
    let graded = run.grade(Grade::Hard, T0 + 2 * MIN, T0 + 2 * 60 * MIN, true).unwrap();
    assert_eq!(graded.returns_at, None);
    assert_eq!(graded.next, Some("a"), "a is due by now, before c");
    assert_eq!(run.remaining(), 2, "a and c");
}

#[test]
fn undo_takes_back_the_last_grade_exactly() {
    let mut run = PracticeRun::start(vec!["a", "b"]);
    run.reveal();
    run.grade(Grade::Again, T0, T0 + MIN, true).unwrap();
    assert!(run.can_undo());
    assert_eq!(run.undo(T0), Some("a"));
    assert_eq!(
        (run.current(), run.current_grade(), run.revealed),
        (Some("a"), None, true)
    );
    assert!(
        run.returning_at().is_empty(),
        "the undone grade no longer brings it back"
    );
    assert_eq!(run.remaining(), 2);
    assert!(!run.can_undo(), "one level of undo");
    let graded = review(&mut run, Grade::Good, T0).unwrap();
    assert_eq!(graded.next, Some("b"));
}

#[test]
fn the_end_screen_says_what_is_coming() {
    use pyprep::session::returning_summary;
    assert_eq!(
        returning_summary(&[T0 + 50_000, T0 + 65_000, T0 + 9 * MIN], T0),
        "2 cards return in 1 minute, 1 in 9 minutes."
    );
    assert_eq!(returning_summary(&[T0], T0), "1 card returns now.");
    assert_eq!(
        returning_summary(&[T0 + 20_000], T0),
        "1 card returns in less than a minute."
    );
}

#[test]
fn interval_previews_equal_what_grading_then_does() {
    use pyprep::progress::{interval_label, interval_words};
    let mut p = Progress::default();
    for (step, now) in [(0, T0), (1, T0 + 10 * MIN), (2, T0 + 3 * DAY)] {
        let preview = p.preview("gil", now);
        for (i, grade) in Grade::ALL.into_iter().enumerate() {
            let mut graded = p.clone();
            graded.grade("gil", grade, now);
            let card = graded.get("gil").unwrap().card.clone().unwrap();
            assert_eq!(preview[i].due_ms, card.due_ms, "step {step}, {grade:?}");
            assert_eq!(preview[i].state, card.state, "step {step}, {grade:?}");
        }
        p.grade("gil", Grade::Good, now);
    }
    let new = Progress::default().preview("gil", T0);
    assert_eq!(interval_label(new[0].due_ms - T0), "1m");
    assert!(new[0].is_learning(), "Again on a new card is a learning step");
    assert_eq!(interval_label(30_000), "<1m");
    assert_eq!(interval_label(10 * MIN), "10m");
    assert_eq!(interval_label(DAY), "1d");
    assert_eq!(interval_label(15 * DAY), "15d");
    assert_eq!(interval_label(95 * DAY), "3mo");
    assert_eq!(interval_label(800 * DAY), "2y");
    assert_eq!(interval_words(3 * DAY), "in 3 days");
    assert_eq!(interval_words(MIN), "in 1 minute");
}

#[test]
fn undo_restores_the_card_and_removes_the_review_even_across_a_merge() {
    let mut p = Progress::default();
    p.grade("gil", Grade::Good, T0);
    let before = p.get("gil").cloned();
    p.grade("gil", Grade::Again, T0 + 10 * MIN);
    let other_tab = p.clone();
    p.undo_grade("gil", before.as_ref(), T0 + 11 * MIN);
    let entry = p.get("gil").unwrap();
    assert_eq!(entry.card, before.as_ref().unwrap().card, "the exact prior scheduling");
    assert_eq!(entry.reviews, before.as_ref().unwrap().reviews);
    // A tab that still has the undone review does not bring it back.
    let merged = p.merge(&other_tab);
    assert_eq!(merged.get("gil").unwrap().reviews.len(), 1);
    assert_eq!(merged.get("gil").unwrap().card, before.unwrap().card);
    assert_eq!(other_tab.merge(&p), merged, "commutative");
    // Undoing a first grade leaves no card.
    let mut fresh = Progress::default();
    fresh.grade("heap", Grade::Easy, T0);
    fresh.undo_grade("heap", None, T0 + 1);
    assert!(fresh.get("heap").unwrap().card.is_none());
    assert!(fresh.get("heap").unwrap().reviews.is_empty());
}

#[test]
fn new_cards_interleave_categories_and_random_is_stable_for_a_day() {
    use pyprep::progress::NewOrder;
    use pyprep::session::{PracticeScope, Scope, practice_queue_ordered};
    let qs = deck::questions();
    let p = Progress::default();
    let all = PracticeScope::Daily(Scope::default());
    let queue = |order, now| practice_queue_ordered(qs, &p, &all, order, now, 0);
    let cat = |id: &str| deck::question(id).unwrap().category;
    let deck_order = queue(NewOrder::Deck, T0);
    assert!(
        deck_order.iter().all(|id| cat(id) == "dsa"),
        "deck order: ten DSA cards"
    );
    let mixed = queue(NewOrder::Interleaved, T0);
    let first_six: std::collections::BTreeSet<_> = mixed[..6].iter().map(|id| cat(id)).collect();
    assert_eq!(first_six.len(), 6, "one card of each category first: {mixed:?}");
    let today = queue(NewOrder::Random, T0);
    assert_eq!(today, queue(NewOrder::Random, T0 + 3_600_000), "the same order all day");
    assert_ne!(today, queue(NewOrder::Random, T0 + DAY), "another order tomorrow");
    assert_eq!(today.len(), 10);
}

#[test]
fn the_mock_form_is_read_with_clear_limits() {
    assert_eq!(
        MockSetup::parse(" 5 ", 3.0),
        Ok(MockSetup {
            count: 5,
            seconds_per_question: 180
        })
    );
    assert_eq!(
        MockSetup::parse("1", 0.01).unwrap().seconds_per_question,
        1,
        "at least a second"
    );
    assert_eq!(MockSetup::parse("2", 0.5).unwrap().seconds_per_question, 30);
    for bad in ["0", "", "2.5", "-1", &(MOCK_MAX_QUESTIONS + 1).to_string()] {
        assert_eq!(MockSetup::parse(bad, 3.0), Err(MockSetupError::Count), "{bad:?}");
    }
    for bad in [0.0, -1.0, 60.5, f64::NAN, f64::INFINITY] {
        assert_eq!(MockSetup::parse("5", bad), Err(MockSetupError::Minutes), "{bad}");
    }
    assert!(MockSetupError::Minutes.to_string().contains("60 minutes"));
}

#[test]
fn a_mock_pool_limits_the_pick_and_keeps_the_weak_first_rule() {
    let ids: Vec<&'static str> = deck::questions().iter().map(|q| q.id).take(6).collect();
    let mut p = Progress::default();
    p.grade(ids[4], Grade::Again, T0);
    let config = MockConfig {
        categories: vec![],
        count: 2,
        seconds_per_question: 60,
        seed: 9,
        pool: ids[3..].to_vec(),
    };
    for seed in 0..10 {
        let picked = pick_mock(deck::questions(), &p, &MockConfig { seed, ..config.clone() });
        assert_eq!(picked.len(), 2);
        assert!(picked.iter().all(|id| ids[3..].contains(id)), "{picked:?}");
        assert!(picked.contains(&ids[4]), "the weak card is picked: {picked:?}");
    }
}

#[test]
fn home_says_start_for_a_first_visit_and_counts_the_session_it_starts() {
    let qs = deck::questions();
    let mut p = Progress::default();
    assert_eq!(NextStep::of(qs, &p, T0, 0), NextStep::Start { new: 10 });
    assert_eq!(NextStep::Start { new: 10 }.label(), "Start: learn 10 cards");
    for q in &qs[..3] {
        p.grade(q.id, Grade::Again, T0 - DAY);
    }
    let next = NextStep::of(qs, &p, T0, 0);
    assert_eq!(next, NextStep::Review { due: 3, new: 10 });
    assert_eq!(next.session_len(), 13);
    assert_eq!(next.label(), "Continue: 13 cards (3 due, 10 new)");
    p.set_settings(
        Settings {
            daily_new_limit: 0,
            ..Settings::default()
        },
        T0,
    );
    assert_eq!(NextStep::of(qs, &p, T0, 0).label(), "Continue: review 3 cards");
    let fresh_with_no_new = {
        let mut f = Progress::default();
        f.set_settings(p.settings.clone(), T0);
        f
    };
    assert_eq!(NextStep::of(qs, &fresh_with_no_new, T0, 0), NextStep::Done);
}

#[test]
fn ticked_key_points_suggest_a_grade() {
    use pyprep::session::{QUICK_SECONDS, suggest_grade};
    assert_eq!(suggest_grade(5, 5, Some(120)), Some(Grade::Good), "all points");
    assert_eq!(suggest_grade(5, 5, None), Some(Grade::Good), "all, time unknown");
    assert_eq!(
        suggest_grade(4, 4, Some(QUICK_SECONDS)),
        Some(Grade::Easy),
        "all and quick"
    );
    assert_eq!(suggest_grade(4, 4, Some(QUICK_SECONDS + 1)), Some(Grade::Good));
    assert_eq!(suggest_grade(3, 5, Some(10)), Some(Grade::Hard), "half or more");
    assert_eq!(suggest_grade(2, 4, Some(10)), Some(Grade::Hard), "exactly half");
    assert_eq!(suggest_grade(2, 5, Some(10)), Some(Grade::Again), "under half");
    assert_eq!(suggest_grade(0, 3, Some(10)), Some(Grade::Again));
    assert_eq!(
        suggest_grade(9, 3, None),
        Some(Grade::Good),
        "more ticks than points count as all"
    );
    assert_eq!(suggest_grade(0, 0, None), None, "no points, no suggestion");
}

#[test]
fn a_new_session_brings_back_learning_cards_due_within_the_hour() {
    use pyprep::session::{PracticeScope, RETURN_WITHIN_MS, Scope, learning_soon};
    let qs = deck::questions();
    let mut p = Progress::default();
    p.grade(qs[0].id, Grade::Again, T0); // learning, due in a minute
    p.grade(qs[1].id, Grade::Good, T0); // learning, due in ten minutes
    p.grade(qs[2].id, Grade::Easy, T0); // review, due in days
    let all = PracticeScope::Daily(Scope::default());
    let soon = learning_soon(qs, &p, &all, T0, RETURN_WITHIN_MS);
    assert_eq!(soon.iter().map(|s| s.1).collect::<Vec<_>>(), [qs[0].id, qs[1].id]);
    assert!(
        learning_soon(qs, &p, &all, T0 + 11 * MIN, RETURN_WITHIN_MS).is_empty(),
        "due already: in the queue, not returning"
    );
    let mut run = PracticeRun::start_with(vec![], soon);
    assert!(!run.is_finished(), "waiting for them");
    assert!(run.pick_up(T0 + MIN));
    assert_eq!(run.current(), Some(qs[0].id));
}
