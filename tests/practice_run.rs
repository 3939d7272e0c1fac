//! The decisions the screens used to make: the practice run, the mock setup
//! form, Home's next step and the browse filter's URL form.

use pyprep::deck::{self, Difficulty};
use pyprep::progress::{Grade, Progress, Settings};
use pyprep::session::{
    Filter, MOCK_MAX_QUESTIONS, MockConfig, MockSetup, MockSetupError, NextStep, PracticeRun, StatusFilter, pick_mock,
};

/// 2024-03-10T12:00:00Z.
const T0: i64 = 1_710_072_000_000;
const DAY: i64 = 86_400_000;

#[test]
fn a_run_reveals_grades_and_moves_on() {
    let mut run = PracticeRun::start(vec!["a", "b"]);
    assert_eq!((run.current(), run.remaining()), (Some("a"), 2));
    assert_eq!(run.grade(Grade::Good), None, "no grade before the answer is shown");
    assert!(run.reveal());
    assert!(!run.reveal(), "revealing twice changes nothing");
    let graded = run.grade(Grade::Good).unwrap();
    assert_eq!((graded.id, graded.remaining, graded.next), ("a", 1, Some("b")));
    assert!(!run.revealed, "the next card starts hidden");
    run.reveal();
    let last = run.grade(Grade::Again).unwrap();
    assert_eq!((last.remaining, last.next), (0, None));
    assert!(run.is_finished());
    assert!(!run.reveal(), "nothing to reveal at the end");
}

#[test]
fn previous_shows_a_graded_card_as_graded_and_never_grades_it_again() {
    let mut run = PracticeRun::start(vec!["a", "b", "c"]);
    run.reveal();
    run.grade(Grade::Again).unwrap();
    assert!(run.step(-1));
    assert_eq!(run.current(), Some("a"));
    assert_eq!(run.current_grade(), Some(Grade::Again));
    assert!(run.revealed, "shown with its answer");
    assert_eq!(run.grade(Grade::Easy), None, "a second review is refused");
    assert!(run.step(1));
    assert_eq!(
        (run.current(), run.current_grade(), run.revealed),
        (Some("b"), None, false)
    );
}

#[test]
fn skipping_stops_at_the_end_and_previous_at_the_start() {
    let mut run = PracticeRun::start(vec!["a", "b"]);
    assert!(!run.step(-1), "nothing before the first card");
    assert!(run.step(1));
    assert!(run.step(1));
    assert!(run.is_finished(), "skipping the last card ends the session");
    assert!(!run.step(1));
    let mut empty = PracticeRun::start(vec![]);
    assert!(empty.is_finished());
    assert_eq!(empty.grade(Grade::Good), None);
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
fn the_browse_filter_round_trips_through_the_url() {
    let filter = Filter {
        category: Some("dsa".into()),
        difficulty: Some(Difficulty::Hard),
        tag: Some("trees".into()),
        status: Some(StatusFilter::Due),
        query: "heap & sort/ü".into(),
        within: vec![],
    };
    let query = filter.to_query();
    assert_eq!(query, "c=dsa&d=hard&t=trees&s=due&q=heap%20%26%20sort%2F%C3%BC");
    assert_eq!(Filter::from_query(&query), filter);
    assert_eq!(Filter::default().to_query(), "");
    assert_eq!(
        Filter::from_query("d=extreme&s=&x=1"),
        Filter::default(),
        "unknown values are ignored"
    );
    assert!(Filter::default().is_empty());
    assert!(!filter.is_empty());
    let scoped = Filter {
        within: vec!["gil"],
        ..filter
    };
    assert_eq!(
        scoped.cleared(),
        Filter::within(vec!["gil"]),
        "clearing keeps a widget's scope"
    );
}

#[test]
fn fits_checks_every_filter_but_the_text() {
    let p = Progress::default();
    let q = &deck::questions()[0];
    assert!(Filter::default().fits(q, &p, T0));
    assert!(Filter::within(vec![q.id]).fits(q, &p, T0));
    assert!(!Filter::within(vec!["other"]).fits(q, &p, T0));
    let other_category = Filter {
        category: Some("web".into()),
        ..Filter::default()
    };
    assert_eq!(other_category.fits(q, &p, T0), q.category == "web");
    let new = Filter {
        status: Some(StatusFilter::New),
        ..Filter::default()
    };
    assert!(new.fits(q, &p, T0));
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
