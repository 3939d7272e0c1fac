//! Session logic: practice queue and daily limits, browse filters and search,
//! the mock interview.

use pyprep::deck::{Answer, Difficulty, Question};
use pyprep::progress::{Grade, Progress, Settings};
use pyprep::session::{
    self, Filter, MockConfig, MockInterview, PracticeScope, Scope, SearchIndex, StatusFilter, all_tags, html_to_text,
    new_introduced_today, pick_mock, practice_queue,
};

fn browse(qs: &'static [Question], p: &Progress, f: &Filter, now: i64) -> Vec<&'static Question> {
    SearchIndex::new(qs, |q| answer(q).map(std::rc::Rc::new)).browse(p, f, now)
}

/// 2024-03-10T12:00:00Z.
const T0: i64 = 1_710_072_000_000;
const MIN: i64 = 60_000;
const HOUR: i64 = 3_600_000;
const DAY: i64 = 86_400_000;

/// The answer of every fixture question but `e`, whose file has not arrived.
fn answer(q: &Question) -> Option<Answer> {
    (q.id != "e").then(|| Answer {
        short: "<p>A <code>tuple</code> is &lt;Immutable&gt;</p>".into(),
        key_points: vec!["<code>point</code> one".into()],
        explanation: "<p>Hash&amp;eq</p><p>second</p>".into(),
        example: String::new(),
        follow_ups: "<ul><li>Why?</li></ul>".into(),
        pitfalls: String::new(),
    })
}

fn q(id: &'static str, category: &'static str, difficulty: Difficulty, tags: &'static [&'static str]) -> Question {
    Question {
        id,
        category,
        number: 1,
        text: "Explain it",
        text_html: "Explain it",
        difficulty,
        tags,
    }
}

/// Five questions: dsa a b, web d e f.
fn questions() -> &'static [Question] {
    let mut qs = vec![
        q("a", "dsa", Difficulty::Easy, &["lists"]),
        q("b", "dsa", Difficulty::Hard, &["lists", "hashing"]),
        q("d", "web", Difficulty::Medium, &["http"]),
        q("e", "web", Difficulty::Easy, &["http", "async"]),
        q("f", "web", Difficulty::Easy, &[]),
    ];
    qs[4].text = "What does the GIL protect in CPython?";
    Box::leak(qs.into_boxed_slice())
}

fn all() -> PracticeScope {
    PracticeScope::Daily(Scope::default())
}

#[test]
fn due_first_most_overdue_first_then_new_in_deck_order() {
    let qs = questions();
    let mut p = Progress::default();
    assert_eq!(practice_queue(qs, &p, &all(), T0, 0), ["a", "b", "d", "e", "f"],);
    p.grade("e", Grade::Again, T0 - 3 * DAY);
    p.grade("b", Grade::Again, T0 - 2 * DAY);
    p.grade("d", Grade::Easy, T0);
    let queue = practice_queue(qs, &p, &all(), T0, 0);
    assert_eq!(queue, ["e", "b", "a", "f"], "d is not due");
    let web = PracticeScope::Daily(Scope {
        categories: vec!["web".into()],
    });
    assert_eq!(practice_queue(qs, &p, &web, T0, 0), ["e", "f"]);
}

#[test]
fn daily_new_limit_counts_cards_first_graded_today() {
    let qs = questions();
    let mut p = Progress::default();
    p.set_settings(
        Settings {
            daily_new_limit: 3,
            ..Settings::default()
        },
        T0,
    );
    p.grade("a", Grade::Good, T0 - DAY);
    p.grade("a", Grade::Good, T0 - HOUR);
    assert_eq!(new_introduced_today(&p, T0, 0), 0, "a was introduced yesterday");
    p.grade("b", Grade::Easy, T0 - HOUR);
    assert_eq!(new_introduced_today(&p, T0, 0), 1);
    assert_eq!(practice_queue(qs, &p, &all(), T0, 0), ["d", "e"]);
    p.grade("d", Grade::Easy, T0);
    p.grade("e", Grade::Easy, T0);
    assert_eq!(
        practice_queue(qs, &p, &all(), T0, 0),
        Vec::<&str>::new(),
        "limit reached"
    );
    assert_eq!(
        practice_queue(qs, &p, &all(), T0 + DAY / 2 + 1, 0),
        ["f"],
        "a new day (past UTC midnight)"
    );
}

#[test]
fn local_midnight_follows_the_tz_offset() {
    let qs = questions();
    let mut p = Progress::default();
    p.set_settings(
        Settings {
            daily_new_limit: 2,
            ..Settings::default()
        },
        T0,
    );
    // 21:30Z on 10 March: 23:30 in UTC+2; `now` is 22:30Z, already 00:30 on 11 March in UTC+2.
    let graded = T0 + 9 * HOUR + 30 * MIN;
    let now = T0 + 10 * HOUR + 30 * MIN;
    p.grade("a", Grade::Easy, graded);
    p.grade("b", Grade::Easy, graded);
    assert_eq!(new_introduced_today(&p, now, 0), 2);
    assert_eq!(new_introduced_today(&p, now, 120), 0);
    assert_eq!(new_introduced_today(&p, now, -300), 2, "UTC-5: still 10 March");
    assert!(practice_queue(qs, &p, &all(), now, 0).is_empty());
    assert_eq!(practice_queue(qs, &p, &all(), now, 120), ["d", "e"]);
}

#[test]
fn browse_filters() {
    let qs = questions();
    let mut p = Progress::default();
    p.grade("a", Grade::Again, T0 - DAY);
    p.grade("b", Grade::Good, T0);
    p.toggle_bookmark("d", T0);
    let ids = |f: &Filter| browse(qs, &p, f, T0).iter().map(|q| q.id).collect::<Vec<_>>();
    assert_eq!(ids(&Filter::default()), ["a", "b", "d", "e", "f"]);
    let by = |category: Option<&str>, difficulty, tag: Option<&str>, status| Filter {
        category: category.map(Into::into),
        difficulty,
        tag: tag.map(Into::into),
        status,
        ..Filter::default()
    };
    assert_eq!(ids(&by(Some("web"), None, None, None)), ["d", "e", "f"]);
    assert_eq!(ids(&by(None, Some(Difficulty::Easy), None, None)), ["a", "e", "f"]);
    assert_eq!(ids(&by(Some("web"), Some(Difficulty::Easy), Some("http"), None)), ["e"]);
    assert_eq!(ids(&by(None, None, Some("lists"), None)), ["a", "b"]);
    assert_eq!(ids(&by(None, None, None, Some(StatusFilter::Due))), ["a"]);
    assert_eq!(ids(&by(None, None, None, Some(StatusFilter::Learning))), ["b"]);
    assert_eq!(ids(&by(None, None, None, Some(StatusFilter::New))), ["d", "e", "f"]);
    assert_eq!(
        ids(&by(None, None, None, Some(StatusFilter::Mastered))),
        Vec::<&str>::new()
    );
    assert_eq!(ids(&by(None, None, None, Some(StatusFilter::Bookmarked))), ["d"]);
}

#[test]
fn instant_search_over_question_and_answer_text() {
    let qs = questions();
    let p = Progress::default();
    let search = |query: &str| {
        let filter = Filter {
            query: query.into(),
            ..Filter::default()
        };
        browse(qs, &p, &filter, T0).iter().map(|q| q.id).collect::<Vec<_>>()
    };
    assert_eq!(search("gil CPYTHON"), ["f"], "every term, any case");
    assert_eq!(search("  gil   missing "), Vec::<&str>::new());
    assert_eq!(
        search("<immutable>"),
        ["a", "b", "d", "f"],
        "entities decoded; e has no answer yet"
    );
    assert_eq!(search("hash&eq"), ["a", "b", "d", "f"]);
    assert_eq!(search("point one").len(), 4, "key points are searched");
    assert_eq!(
        search("explain"),
        ["a", "b", "d", "e"],
        "question text is searched at once"
    );
    assert!(search("code").is_empty(), "tags are stripped");
    assert_eq!(search("second why").len(), 4, "block tags separate words");
    assert!(search("eqsecond").is_empty());
}

#[test]
fn html_text_and_tags() {
    assert_eq!(
        html_to_text("<p>a&amp;b</p><p>c &#39;d&#x27; &bogus; &</p>"),
        " a&b  c 'd' &bogus; & "
    );
    assert_eq!(html_to_text("é<b>x</b>&lt;"), "éx<");
    assert_eq!(all_tags(questions()), ["async", "hashing", "http", "lists"]);
}

fn config(count: usize, seed: u64) -> MockConfig {
    MockConfig {
        categories: vec![],
        count,
        seconds_per_question: 60,
        seed,
        pool: vec![],
    }
}

#[test]
fn mock_pick_is_deterministic_answered_and_mixed() {
    let qs = questions();
    let p = Progress::default();
    let picked = pick_mock(qs, &p, &config(4, 7));
    assert_eq!(picked, pick_mock(qs, &p, &config(4, 7)));
    assert_eq!(picked.len(), 4);
    let dsa = picked.iter().filter(|id| ["a", "b"].contains(id)).count();
    assert_eq!(dsa, 2, "round-robin over categories: {picked:?}");
    let mut all = pick_mock(qs, &p, &config(10, 1));
    all.sort();
    assert_eq!(all, ["a", "b", "d", "e", "f"]);
    let orders: std::collections::BTreeSet<Vec<&str>> = (0..20).map(|s| pick_mock(qs, &p, &config(5, s))).collect();
    assert!(orders.len() > 1, "seeds change the order");
    let dsa_only = MockConfig {
        categories: vec!["dsa".into()],
        ..config(5, 3)
    };
    let mut ids = pick_mock(qs, &p, &dsa_only);
    ids.sort();
    assert_eq!(ids, ["a", "b"]);
}

#[test]
fn mock_prefers_weak_questions() {
    let qs = questions();
    let mut p = Progress::default();
    p.grade("e", Grade::Again, T0);
    p.grade("f", Grade::Hard, T0);
    p.grade("a", Grade::Easy, T0);
    for seed in 0..10 {
        let picked = pick_mock(qs, &p, &config(4, seed));
        assert!(picked.contains(&"e") && picked.contains(&"f"), "{picked:?}");
    }
}

#[test]
fn mock_interview_times_and_summarises() {
    let ids = vec!["a", "b", "d"];
    let cfg = MockConfig {
        seconds_per_question: 90,
        ..config(3, 0)
    };
    let mut mock = MockInterview::start(ids, cfg, T0);
    assert_eq!(mock.current(), Some("a"));
    assert_eq!(mock.remaining_seconds(T0), 90);
    assert_eq!(mock.remaining_seconds(T0 + 500), 90);
    assert_eq!(mock.remaining_seconds(T0 + 30_000), 60);
    assert!(!mock.is_timed_out(T0 + 89_999));
    let first = mock.record(Grade::Good, T0 + 30_000).unwrap();
    assert_eq!((first.id, first.seconds_used, first.timed_out), ("a", 30, false));
    assert_eq!(mock.remaining_seconds(T0 + 30_000), 90, "the timer restarts");
    assert_eq!(mock.remaining_seconds(T0 + 200_000), 0);
    assert!(mock.is_timed_out(T0 + 120_000));
    let second = mock.record(Grade::Good, T0 + 200_000).unwrap();
    assert_eq!((second.seconds_used, second.timed_out), (90, true));
    assert!(!mock.is_finished());
    mock.record(Grade::Again, T0 + 210_000);
    assert!(mock.is_finished());
    assert_eq!(mock.current(), None);
    assert_eq!(mock.record(Grade::Easy, T0 + 220_000), None);
    let s = mock.summary();
    assert_eq!(s.counts, [1, 0, 2, 0]);
    assert_eq!(s.count(Grade::Good), 2);
    assert_eq!((s.timed_out, s.total_seconds, s.average_seconds), (1, 130, 43));
    assert_eq!(s.to_review, ["b", "d"]);
    // Results feed the scheduler.
    let mut p = Progress::default();
    for r in &mock.results {
        p.grade(r.id, r.grade, T0 + 220_000);
    }
    assert_eq!(
        session::practice_queue(questions(), &p, &all(), T0 + 220_000 + 6 * MIN, 0)[0],
        "d"
    );
}
