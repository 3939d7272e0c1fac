//! Progress: FSRS scheduling, statuses, storage migrations, import checks,
//! export round trip and merging.

use pyprep::progress::{
    self, CardState, Grade, ImportError, LoadOutcome, Progress, Settings, Status, Theme, export_json, load,
    parse_import,
};

/// 2024-03-10T12:00:00Z.
const T0: i64 = 1_710_072_000_000;
const MIN: i64 = 60_000;
const DAY: i64 = 86_400_000;

fn due(p: &Progress, id: &str) -> i64 {
    p.get(id).unwrap().card.as_ref().unwrap().due_ms
}

#[test]
fn keys_and_grade_keys() {
    assert_eq!(progress::storage_key("python"), "pyprep:python:v1");
    assert_eq!(progress::backup_key("python", 42), "pyprep:python:backup:42");
    assert_eq!(Grade::from_key(1), Some(Grade::Again));
    assert_eq!(Grade::from_key(4), Some(Grade::Easy));
    assert_eq!(Grade::from_key(0), None);
    assert_eq!(Grade::from_key(5), None);
    assert_eq!(Grade::Hard.label(), "Hard");
    assert_eq!(Status::Mastered.as_str(), "mastered");
}

#[test]
fn again_keeps_a_new_card_due_soon() {
    let mut p = Progress::default();
    assert_eq!(p.status("a", T0), Status::New);
    p.grade("a", Grade::Again, T0);
    let q = p.get("a").unwrap();
    let card = q.card.as_ref().unwrap();
    assert!(
        card.due_ms > T0 && card.due_ms <= T0 + 10 * MIN,
        "due {}",
        card.due_ms - T0
    );
    assert_eq!(card.reps, 1);
    assert_eq!(card.state, CardState::Learning);
    assert_eq!(q.reviews.len(), 1);
    assert_eq!(q.reviews[0].grade, Grade::Again);
    assert_eq!(q.updated_ms, T0);
    assert_eq!(p.status("a", T0), Status::Learning);
    assert_eq!(p.status("a", T0 + 11 * MIN), Status::Due);
}

#[test]
fn easy_pushes_further_than_good() {
    let mut p = Progress::default();
    p.grade("good", Grade::Good, T0);
    p.grade("easy", Grade::Easy, T0);
    assert!(due(&p, "easy") > due(&p, "good"));
    assert!(
        due(&p, "easy") >= T0 + DAY,
        "a new card graded Easy waits at least a day"
    );
    // From the same review card, Easy still goes further than Good.
    let mut good = p.clone();
    let mut easy = p.clone();
    let at = due(&p, "easy");
    good.grade("easy", Grade::Good, at);
    easy.grade("easy", Grade::Easy, at);
    assert!(due(&easy, "easy") > due(&good, "easy"));
    assert!(due(&good, "easy") > at + DAY);
}

#[test]
fn lapses_and_reps_are_counted() {
    let mut p = Progress::default();
    p.grade("a", Grade::Easy, T0);
    let at = due(&p, "a");
    p.grade("a", Grade::Again, at);
    let card = p.get("a").unwrap().card.clone().unwrap();
    assert_eq!(card.reps, 2);
    assert_eq!(card.lapses, 1);
    assert_eq!(card.state, CardState::Relearning);
    assert!(card.due_ms < at + DAY);
    assert_eq!(p.get("a").unwrap().reviews.len(), 2);
}

#[test]
fn repeated_easy_reaches_mastered() {
    let mut p = Progress::default();
    let mut now = T0;
    p.grade("a", Grade::Easy, now);
    for _ in 0..6 {
        now = due(&p, "a");
        p.grade("a", Grade::Easy, now);
    }
    let card = p.get("a").unwrap().card.clone().unwrap();
    assert!(card.stability >= 21.0, "stability {}", card.stability);
    assert_eq!(p.status("a", now + 1), Status::Mastered);
    assert_eq!(p.status("a", card.due_ms), Status::Due);
}

#[test]
fn bookmarks_notes_settings() {
    let mut p = Progress::default();
    p.toggle_bookmark("a", T0);
    assert!(p.get("a").unwrap().bookmarked);
    p.toggle_bookmark("a", T0 + 1);
    assert!(!p.get("a").unwrap().bookmarked);
    p.set_note("a", "use a set", T0 + 2);
    assert_eq!(p.get("a").unwrap().note, "use a set");
    assert_eq!(p.get("a").unwrap().updated_ms, T0 + 2);
    assert_eq!(p.status("a", T0), Status::New, "a bookmark is not a review");
    assert_eq!(p.settings.daily_new_limit, 10);
    p.set_settings(
        Settings {
            theme: Theme::Dark,
            daily_new_limit: 5,
        },
        T0 + 3,
    );
    assert_eq!(p.settings.theme, Theme::Dark);
    assert_eq!(p.settings_updated_ms, T0 + 3);
}

#[test]
fn load_current_schema_and_empty() {
    assert_eq!(load(None), LoadOutcome::Empty);
    assert_eq!(load(Some("  ")), LoadOutcome::Empty);
    let mut p = Progress::default();
    p.grade("list-vs-tuple", Grade::Good, T0);
    p.grade("not-in-this-deck", Grade::Hard, T0);
    assert_eq!(load(Some(&p.to_json())), LoadOutcome::Loaded(p.clone()));
    let LoadOutcome::Loaded(back) = load(Some(&p.to_json())) else {
        panic!()
    };
    assert!(back.get("not-in-this-deck").is_some(), "unknown ids are kept");
}

const V0: &str = r#"{"version":0,"theme":"dark","new_per_day":7,"cards":{
  "list-vs-tuple":{"due":1710158400000,"stability":3.5,"difficulty":5.1,"reps":2,"lapses":0,
    "last_review":1710072000000,"history":[[1710072000000,3],[1709985600000,1]],"starred":true,"note":"tuples hash"},
  "gil":{"starred":true},
  "retired-question":{"due":1710072060000,"stability":0.4,"difficulty":7,"reps":3,"lapses":1,
    "last_review":1710072000000,"history":[[1710072000000,1]]}}}"#;

#[test]
fn v0_is_migrated() {
    let LoadOutcome::Migrated { progress: p, from } = load(Some(V0)) else {
        panic!("{:?}", load(Some(V0)))
    };
    assert_eq!(from, 0);
    assert_eq!(p.version, 1);
    assert_eq!(
        p.settings,
        Settings {
            theme: Theme::Dark,
            daily_new_limit: 7
        }
    );
    let q = p.get("list-vs-tuple").unwrap();
    let card = q.card.as_ref().unwrap();
    assert_eq!((card.due_ms, card.reps, card.scheduled_days), (1_710_158_400_000, 2, 1));
    assert_eq!(card.state, CardState::Review);
    assert_eq!(card.stability, 3.5);
    assert!(q.bookmarked);
    assert_eq!(q.note, "tuples hash");
    assert_eq!(
        q.reviews.iter().map(|r| r.grade).collect::<Vec<_>>(),
        [Grade::Again, Grade::Good]
    );
    assert_eq!(q.updated_ms, T0);
    let gil = p.get("gil").unwrap();
    assert!(gil.card.is_none() && gil.bookmarked);
    assert_eq!(p.status("gil", T0), Status::New);
    let retired = p.get("retired-question").unwrap().card.clone().unwrap();
    assert_eq!(retired.state, CardState::Relearning);
    // The migrated value is saved as v1 and then loads as current.
    assert_eq!(load(Some(&p.to_json())), LoadOutcome::Loaded(p.clone()));
    // The migrated card keeps scheduling.
    let mut p = p;
    p.grade("list-vs-tuple", Grade::Good, 1_710_158_400_000);
    assert_eq!(p.get("list-vs-tuple").unwrap().card.as_ref().unwrap().reps, 3);
}

#[test]
fn newer_and_garbage_are_unreadable_and_kept() {
    let newer = r#"{"version":2,"questions":{}}"#;
    let LoadOutcome::Unreadable { raw, error } = load(Some(newer)) else {
        panic!()
    };
    assert_eq!(raw, newer);
    assert!(
        error.contains("newer version") && error.contains("version 2"),
        "{error}"
    );
    for garbage in [
        "{not json",
        "[1,2]",
        r#"{"questions":{}}"#,
        r#"{"version":"one"}"#,
        r#"{"version":1,"questions":7}"#,
    ] {
        let LoadOutcome::Unreadable { raw, error } = load(Some(garbage)) else {
            panic!("{garbage}")
        };
        assert_eq!(raw, garbage);
        assert!(!error.is_empty());
    }
}

fn import_err(text: &str) -> ImportError {
    parse_import(text, &[]).expect_err(text.get(..80).unwrap_or(text))
}

fn entry(id: &str, body: &str) -> String {
    format!(r#"{{"version":1,"questions":{{"{id}":{body}}}}}"#)
}

#[test]
fn import_rejects_hostile_files() {
    let big = format!(r#"{{"version":1,"pad":"{}"}}"#, "x".repeat(5 * 1024 * 1024));
    assert!(matches!(import_err(&big), ImportError::TooLarge { .. }));
    assert!(import_err(&big).to_string().contains("too large"));
    assert!(matches!(import_err("hello"), ImportError::NotJson(_)));
    assert!(import_err("hello").to_string().contains("not valid JSON"));
    assert!(matches!(import_err(r#"{"stability":NaN}"#), ImportError::NotJson(_)));
    assert!(matches!(import_err("[]"), ImportError::WrongShape(_)));
    assert!(matches!(
        import_err(r#"{"version":1,"questions":[]}"#),
        ImportError::WrongShape(_)
    ));
    assert!(import_err("[]").to_string().contains("not a pyprep progress file"));
    assert_eq!(import_err(r#"{"version":9}"#), ImportError::UnsupportedVersion(9));

    let many: Vec<String> = (0..10_001).map(|i| format!(r#""q{i}":{{}}"#)).collect();
    let many = format!(r#"{{"version":1,"questions":{{{}}}}}"#, many.join(","));
    assert_eq!(import_err(&many), ImportError::TooManyQuestions(10_001));
    assert!(import_err(&many).to_string().contains("10000"));

    let long_note = entry("a", &format!(r#"{{"note":"{}"}}"#, "é".repeat(20_001)));
    assert_eq!(
        import_err(&long_note),
        ImportError::NoteTooLong {
            id: "a".into(),
            chars: 20_001
        }
    );
    assert!(parse_import(&entry("a", &format!(r#"{{"note":"{}"}}"#, "é".repeat(20_000))), &[]).is_ok());

    for id in ["Upper", "has space", "<script>", "", "-lead", &"a".repeat(101)] {
        let text = entry(id, "{}");
        assert_eq!(import_err(&text), ImportError::BadId(id.to_string()), "{id}");
        assert!(import_err(&text).to_string().contains("not a valid question id"));
    }

    let card = |due: &str, stability: &str| {
        entry(
            "a",
            &format!(
                r#"{{"card":{{"due_ms":{due},"stability":{stability},"difficulty":5,"elapsed_days":0,
                "scheduled_days":1,"reps":1,"lapses":0,"state":"review","last_review_ms":{T0}}}}}"#
            ),
        )
    };
    assert!(parse_import(&card(&T0.to_string(), "2.5"), &[]).is_ok());
    let bad = |text: &str, field: &str| match import_err(text) {
        ImportError::BadValue { field: f, .. } => {
            assert_eq!(f, field);
            assert!(import_err(text).to_string().contains("impossible value"));
        }
        other => panic!("{other:?}"),
    };
    bad(&card("-5", "2.5"), "due time");
    bad(&card("99999999999999999", "2.5"), "due time");
    bad(&card(&T0.to_string(), "-1"), "stability");
    bad(&card(&T0.to_string(), "1e300"), "stability");
    bad(&entry("a", r#"{"updated_ms":-1}"#), "update time");
    bad(
        &entry("a", r#"{"reviews":[{"at_ms":-3,"grade":"good"}]}"#),
        "review time",
    );
    bad(
        r#"{"version":1,"settings":{"daily_new_limit":4000000}}"#,
        "daily new-card limit",
    );
    assert!(matches!(import_err(&card("1.5e300", "2")), ImportError::WrongShape(_)));

    let review = format!(r#"{{"at_ms":{T0},"grade":"good"}}"#);
    let reviews = vec![review.as_str(); 100_001].join(",");
    let text = entry("a", &format!(r#"{{"reviews":[{reviews}]}}"#));
    assert_eq!(import_err(&text), ImportError::TooManyReviews(100_001));
}

#[test]
fn import_previews_a_valid_file() {
    let mut p = Progress::default();
    p.grade("list-vs-tuple", Grade::Good, T0);
    p.grade("list-vs-tuple", Grade::Good, T0 + 20 * MIN);
    p.grade("gil", Grade::Hard, T0);
    p.toggle_bookmark("gil", T0);
    p.toggle_bookmark("decorators", T0);
    p.set_note("gone-from-deck", "old note", T0);
    let text = export_json(&p, T0 + DAY);
    assert!(
        text.contains("\"app\": \"pyprep\"") && text.contains('\n'),
        "pretty, tagged"
    );
    let preview = parse_import(&text, &["list-vs-tuple", "gil", "decorators"]).unwrap();
    assert_eq!(preview.progress, p);
    let s = preview.summary;
    assert_eq!(
        (s.questions_with_progress, s.reviews, s.bookmarks, s.notes),
        (2, 3, 2, 1)
    );
    assert_eq!(s.unknown_ids, 1);
    assert_eq!(s.exported_at_ms, Some(T0 + DAY));
    assert_eq!(s.from_version, 1);
    let v0 = parse_import(V0, &["gil"]).unwrap();
    assert_eq!(
        (
            v0.summary.from_version,
            v0.summary.unknown_ids,
            v0.summary.exported_at_ms
        ),
        (0, 2, None)
    );
}

#[test]
fn export_round_trips_exactly() {
    let mut p = Progress::default();
    let ids = ["a", "b", "c", "d"];
    let mut now = T0;
    for round in 0..12 {
        for (i, id) in ids.iter().enumerate() {
            now += 7 * MIN + (round * 977 + i as i64 * 31) * MIN;
            p.grade(id, Grade::ALL[(round as usize + i) % 4], now);
        }
    }
    p.set_note("b", "line\n\"quoted\" ✓", now);
    p.set_settings(
        Settings {
            theme: Theme::Light,
            daily_new_limit: 3,
        },
        now,
    );
    let back = parse_import(&export_json(&p, now), &ids).unwrap().progress;
    assert_eq!(back, p);
    assert_eq!(back.to_json(), p.to_json());
}

#[test]
fn merge_two_tabs() {
    let mut base = Progress::default();
    base.grade("shared", Grade::Good, T0);
    let (mut tab1, mut tab2) = (base.clone(), base.clone());
    tab1.grade("one", Grade::Good, T0 + MIN);
    tab2.grade("two", Grade::Easy, T0 + 2 * MIN);
    tab1.grade("shared", Grade::Again, T0 + 3 * MIN);
    tab2.grade("shared", Grade::Easy, T0 + 4 * MIN);
    tab1.set_settings(
        Settings {
            theme: Theme::Dark,
            daily_new_limit: 3,
        },
        T0 + 5 * MIN,
    );
    tab2.toggle_bookmark("gone", T0);

    let merged = tab1.merge(&tab2);
    assert_eq!(merged, tab2.merge(&tab1), "commutative");
    assert_eq!(merged.merge(&merged), merged, "idempotent");
    assert_eq!(merged.merge(&tab1), merged, "absorbs a side");
    for id in ["one", "two", "shared", "gone"] {
        assert!(merged.get(id).is_some(), "{id} lost");
    }
    assert_eq!(merged.get("one"), tab1.get("one"));
    assert_eq!(merged.get("two"), tab2.get("two"));
    let shared = merged.get("shared").unwrap();
    assert_eq!(shared.card, tab2.get("shared").unwrap().card, "the latest update wins");
    let grades: Vec<(i64, Grade)> = shared.reviews.iter().map(|r| (r.at_ms - T0, r.grade)).collect();
    assert_eq!(
        grades,
        [(0, Grade::Good), (3 * MIN, Grade::Again), (4 * MIN, Grade::Easy)]
    );
    assert_eq!(merged.settings, tab1.settings);
    assert_eq!(merged.settings_updated_ms, T0 + 5 * MIN);
}

#[test]
fn merge_breaks_ties_deterministically() {
    let (mut a, mut b) = (Progress::default(), Progress::default());
    a.set_note("x", "from a", T0);
    b.set_note("x", "from b", T0);
    assert_eq!(a.merge(&b), b.merge(&a));
    a.set_settings(
        Settings {
            theme: Theme::Dark,
            daily_new_limit: 1,
        },
        T0,
    );
    b.set_settings(
        Settings {
            theme: Theme::Light,
            daily_new_limit: 1,
        },
        T0,
    );
    assert_eq!(a.merge(&b), b.merge(&a));
}
