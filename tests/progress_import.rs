//! Progress storage: loading the current schema, migrations, unreadable
//! values, import checks and previews, and the export round trip.

use pyprep::progress::{
    CardState, Grade, ImportError, LoadOutcome, Progress, Settings, Status, Theme, export_json, load, parse_import,
};

/// 2024-03-10T12:00:00Z.
const T0: i64 = 1_710_072_000_000;
const MIN: i64 = 60_000;
const DAY: i64 = 86_400_000;

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
            daily_new_limit: 7,
            ..Settings::default()
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

    let reviews: Vec<String> = (0..100_001)
        .map(|i| format!(r#"{{"at_ms":{},"grade":"good"}}"#, T0 + i))
        .collect();
    let text = entry("a", &format!(r#"{{"reviews":[{}]}}"#, reviews.join(",")));
    assert_eq!(import_err(&text), ImportError::TooManyReviews(100_001));
    // The same review twice (same time, same grade) is one review.
    let review = format!(r#"{{"at_ms":{T0},"grade":"good"}}"#);
    let text = entry(
        "a",
        &format!(r#"{{"reviews":[{}]}}"#, vec![review.as_str(); 100_001].join(",")),
    );
    assert_eq!(parse_import(&text, &[]).unwrap().summary.reviews, 1);
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
        text.contains(r#""app":"pyprep""#) && !text.contains('\n') && !text.contains(": "),
        "compact, tagged: {text}"
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
            ..Settings::default()
        },
        now,
    );
    let back = parse_import(&export_json(&p, now), &ids).unwrap().progress;
    assert_eq!(back, p);
    assert_eq!(back.to_json(), p.to_json());
}
