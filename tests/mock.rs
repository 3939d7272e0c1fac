//! The mock interview's clock (paused at reveal: B7), ending early, the
//! stored interview that a reload or another screen resumes (B8), the score
//! history, and the follow-up questions.

use pyprep::deck;
use pyprep::progress::Grade;
use pyprep::session::{
    MOCK_HISTORY_CAP, MockConfig, MockInterview, MockLoad, MockScore, decode_history, decode_mock, encode_mock,
    follow_up_questions, push_history,
};

/// 2026-12-01T09:00:00Z.
const T0: i64 = 1_796_115_600_000;
const SEC: i64 = 1000;

fn ids() -> Vec<&'static str> {
    deck::questions().iter().take(3).map(|q| q.id).collect()
}

fn mock(seconds: u32) -> MockInterview {
    let config = MockConfig {
        categories: vec!["dsa".into()],
        count: 3,
        seconds_per_question: seconds,
        seed: 7,
        pool: vec![],
    };
    MockInterview::start(ids(), config, T0)
}

#[test]
fn b7_the_clock_stops_at_reveal_so_reading_is_never_out_of_time() {
    let mut m = mock(60);
    m.reveal(T0 + 10 * SEC);
    assert_eq!(m.remaining_seconds(T0 + 10 * SEC), 50);
    assert_eq!(m.remaining_seconds(T0 + 80 * SEC), 50, "reading does not count");
    assert!(!m.is_timed_out(T0 + 80 * SEC));
    m.reveal(T0 + 90 * SEC);
    let r = m.record(Grade::Good, T0 + 80 * SEC).unwrap();
    assert_eq!((r.seconds_used, r.timed_out), (10, false));
    assert!(m.summary().to_review.is_empty());
    // The next question starts at the grade, unrevealed, with its own clock.
    assert!(!m.is_revealed());
    assert_eq!(m.remaining_seconds(T0 + 80 * SEC), 60);
}

#[test]
fn a_reveal_after_the_limit_stops_the_clock_at_the_limit_and_is_out_of_time() {
    let mut m = mock(30);
    assert!(m.is_timed_out(T0 + 31 * SEC));
    m.reveal(T0 + 100 * SEC);
    assert_eq!(m.revealed_ms, Some(T0 + 30 * SEC));
    let r = m.record(Grade::Good, T0 + 200 * SEC).unwrap();
    assert_eq!((r.seconds_used, r.timed_out), (30, true));
    assert_eq!(m.summary().to_review, [r.id]);
}

#[test]
fn ending_early_keeps_the_answered_results_and_finishes() {
    let mut m = mock(60);
    m.set_attempt("first", 100);
    m.record(Grade::Easy, T0 + 5 * SEC);
    m.show_follow_ups();
    m.end_early();
    assert!(m.is_finished());
    assert_eq!(m.current(), None);
    assert_eq!(
        m.record(Grade::Good, T0 + 6 * SEC),
        None,
        "nothing is graded after the end"
    );
    let s = m.summary();
    assert_eq!((s.answered, s.planned, s.total_seconds), (1, 3, 5));
    assert_eq!(m.attempt_of(ids()[0]), Some("first"));
    assert_eq!(m.attempt_of(ids()[1]), None);
}

#[test]
fn attempts_are_kept_per_question_and_cut_at_the_limit() {
    let mut m = mock(60);
    m.set_attempt("abcdef", 3);
    assert_eq!(m.attempt(), "abc");
    m.record(Grade::Good, T0);
    assert_eq!(m.attempt(), "", "the next question starts empty");
}

fn resumed(raw: &str, now: i64) -> MockInterview {
    match decode_mock(Some(raw), deck::questions(), now) {
        MockLoad::Resumed(m) => m,
        other => panic!("not resumed: {other:?}"),
    }
}

#[test]
fn b8_a_stored_interview_resumes_with_the_wall_clock_time_left() {
    let mut m = mock(60);
    m.set_attempt("hash table", 1000);
    m.record(Grade::Good, T0 + 20 * SEC);
    m.set_attempt("typing", 1000);
    m.show_follow_ups();
    let raw = encode_mock(&m, T0 + 30 * SEC);
    // Five seconds later (a reload): 10 s used before the save, 5 s since.
    let back = resumed(&raw, T0 + 35 * SEC);
    assert_eq!(back, m, "everything comes back");
    assert_eq!(back.remaining_seconds(T0 + 35 * SEC), 45);
    // Away for ten minutes: the time ran out (clamped, not negative).
    let late = resumed(&raw, T0 + 600 * SEC);
    assert_eq!(late.remaining_seconds(T0 + 600 * SEC), 0);
    assert!(late.is_timed_out(T0 + 600 * SEC));
}

#[test]
fn b8_a_clock_moved_back_keeps_the_time_already_used() {
    let mut m = mock(60);
    m.record(Grade::Good, T0 + 20 * SEC);
    let raw = encode_mock(&m, T0 + 50 * SEC); // 30 s used
    let back = resumed(&raw, T0 - 3_600 * SEC);
    assert_eq!(back.remaining_seconds(T0 - 3_600 * SEC), 30);
    assert_eq!(back.remaining_seconds(T0 - 3_590 * SEC), 20, "and runs on from there");
    // A revealed question stays stopped where it was.
    let mut r = mock(60);
    r.reveal(T0 + 12 * SEC);
    let raw = encode_mock(&r, T0 + 40 * SEC);
    let back = resumed(&raw, T0 - 100 * SEC);
    assert!(back.is_revealed());
    assert_eq!(back.remaining_seconds(T0 + 9_999 * SEC), 48);
}

#[test]
fn a_stored_interview_that_makes_no_sense_is_discarded_with_a_reason() {
    let good = encode_mock(&mock(60), T0);
    assert_eq!(decode_mock(None, deck::questions(), T0), MockLoad::None);
    let edits: [(&str, &str); 7] = [
        ("\"version\":1", "\"version\":2"),
        ("\"index\":0", "\"index\":3"),
        ("\"index\":0", "\"index\":1"),
        ("\"seconds_per_question\":60", "\"seconds_per_question\":0"),
        ("\"seconds_per_question\":60", "\"seconds_per_question\":99999"),
        ("\"started_ms\":", "\"started_ms\":-"),
        ("\"ids\":[\"", "\"ids\":[\"not-a-question"),
    ];
    for (from, to) in edits {
        let bad = good.replacen(from, to, 1);
        assert_ne!(bad, good, "{from}");
        assert!(
            matches!(decode_mock(Some(&bad), deck::questions(), T0), MockLoad::Discarded(_)),
            "{to}"
        );
    }
    for junk in ["", "{", "null", "[]", "{\"version\":1}", &"x".repeat(3 << 20)] {
        assert!(matches!(
            decode_mock(Some(junk), deck::questions(), T0),
            MockLoad::Discarded(_)
        ));
    }
}

#[test]
fn the_score_history_is_capped_and_checked() {
    let mut m = mock(60);
    m.record(Grade::Good, T0 + 10 * SEC);
    m.record(Grade::Again, T0 + 20 * SEC);
    m.end_early();
    let score = MockScore::of(&m, T0 + 20 * SEC);
    assert_eq!(
        (score.answered, score.planned, score.good, score.percent()),
        (2, 3, 1, 50)
    );
    let mut scores = Vec::new();
    let mut json = String::new();
    for i in 0..MOCK_HISTORY_CAP + 5 {
        (scores, json) = push_history(
            &scores,
            MockScore {
                finished_ms: T0 + i as i64,
                ..score
            },
        );
    }
    assert_eq!(scores.len(), MOCK_HISTORY_CAP);
    assert_eq!(scores[0].finished_ms, T0 + 5, "the oldest went first");
    assert_eq!(decode_history(Some(&json)).unwrap(), scores);
    assert_eq!(decode_history(None), Ok(vec![]));
    assert!(decode_history(Some("{")).is_err());
    let insane = json.replacen("\"good\":1", "\"good\":9", 1);
    assert_eq!(decode_history(Some(&insane)).unwrap().len(), MOCK_HISTORY_CAP - 1);
}

#[test]
fn follow_up_questions_are_the_bold_leads_of_the_list() {
    let html = "<ul>\n<li><strong>Is a tuple hashable?</strong> Only if...</li>\n\
                <li><strong>Why <code>t += (4,)</code>?</strong> It rebinds.</li>\n<li>No lead here</li>\n</ul>";
    assert_eq!(
        follow_up_questions(html),
        ["Is a tuple hashable?", "Why <code>t += (4,)</code>?"]
    );
    assert!(follow_up_questions("").is_empty());
    assert!(follow_up_questions("<li><strong>unclosed").is_empty());
}
