//! Limits enforced where the data enters: grading, merge-import, export,
//! settings, ids. Nothing a change makes is refused at the next load.

use pyprep::progress::{
    Grade, ImportError, LoadOutcome, Progress, QuestionProgress, ReviewEntry, Settings, export_json, limits, load,
    parse_import,
};

/// 2024-03-10T12:00:00Z.
const T0: i64 = 1_710_072_000_000;

/// A progress with `n` reviews of "many", one a minute from T0.
fn with_reviews(n: usize) -> Progress {
    let mut p = Progress::default();
    let q = QuestionProgress {
        reviews: (0..n as i64)
            .map(|i| ReviewEntry {
                at_ms: T0 + i * 60_000,
                grade: Grade::Good,
            })
            .collect(),
        updated_ms: T0,
        ..Default::default()
    };
    p.questions.insert("many".into(), q.into());
    p
}

#[test]
fn grading_past_the_review_limit_drops_the_oldest_reviews() {
    let mut p = with_reviews(limits::MAX_REVIEWS);
    let now = T0 + 1_000 * 86_400_000;
    p.grade("many", Grade::Good, now);
    p.grade("other", Grade::Easy, now);
    let many = &p.get("many").unwrap().reviews;
    assert_eq!(many.len() + 1, limits::MAX_REVIEWS);
    assert_eq!(many[0].at_ms, T0 + 2 * 60_000, "the two oldest went");
    assert_eq!(many.last().unwrap().at_ms, now);
    assert_eq!(p.get("other").unwrap().reviews.len(), 1);
    assert!(p.get("many").unwrap().card.is_some());
    assert_eq!(load(Some(&p.to_json())), LoadOutcome::Loaded(p.clone()));
    // A merge with the value from before does not bring them back.
    let before = with_reviews(limits::MAX_REVIEWS);
    assert_eq!(p.merge(&before).get("many").unwrap().reviews, *many);
}

#[test]
fn a_merge_import_past_a_limit_is_refused_with_the_reason() {
    let mine = with_reviews(limits::MAX_REVIEWS - 10);
    let mut file = Progress::default();
    for i in 0..20 {
        file.grade("from-file", Grade::Good, T0 - (i + 1) * 3_600_000);
    }
    let file = parse_import(&export_json(&file, T0), &[]).unwrap().progress;
    let err = mine.merge_import_checked(&file).unwrap_err();
    assert!(matches!(&err, ImportError::AfterMerge(e) if matches!(**e, ImportError::TooManyReviews(_))));
    assert!(
        err.to_string().contains("Merging this file would go over a limit"),
        "{err}"
    );

    let mut many = Progress::default();
    for i in 0..limits::MAX_QUESTIONS {
        many.toggle_bookmark(&format!("q{i}"), T0);
    }
    let mut one = Progress::default();
    one.toggle_bookmark("one-more", T0);
    let err = many.merge_import_checked(&one).unwrap_err();
    assert!(matches!(&err, ImportError::AfterMerge(e) if matches!(**e, ImportError::TooManyQuestions(_))));
    // Within the limits, the checked merge is the merge.
    let small = with_reviews(3);
    assert_eq!(small.merge_import_checked(&file), Ok(small.merge_import(&file)));
}

#[test]
fn the_largest_stored_value_exports_and_imports_again() {
    let mut p = Progress::default();
    let note = "x".repeat(limits::MAX_NOTE_CHARS);
    p.set_note("q0", &note, T0);
    let delta = p.to_json().len() - Progress::default().to_json().len() + 5;
    let mut i = 1;
    while (i + 3) * delta < limits::MAX_STORED_BYTES {
        p.set_note(&format!("q{i}"), &note, T0);
        i += 1;
    }
    while p.to_json().len() + delta < limits::MAX_STORED_BYTES {
        p.set_note(&format!("q{i}"), &note, T0);
        i += 1;
    }
    p.set_note("q-last", "", T0);
    let fill = limits::MAX_STORED_BYTES - p.to_json().len();
    p.set_note("q-last", &"y".repeat(fill), T0);
    let json = p.to_json();
    assert_eq!(json.len(), limits::MAX_STORED_BYTES);
    assert_eq!(load(Some(&json)), LoadOutcome::Loaded(p.clone()));
    let export = export_json(&p, i64::MAX);
    assert!(export.len() <= limits::MAX_FILE_BYTES);
    assert_eq!(parse_import(&export, &[]).unwrap().progress, p);
}

#[test]
fn edits_stay_within_their_limits() {
    let mut p = Progress::default();
    p.set_settings(
        Settings {
            daily_new_limit: u32::MAX,
            ..Default::default()
        },
        i64::MIN,
    );
    assert_eq!(
        (p.settings.daily_new_limit, p.settings_updated_ms),
        (limits::MAX_DAILY_NEW, 0)
    );
    for id in ["", "Not A Slug", "<b>", &"a".repeat(101)] {
        p.grade(id, Grade::Good, T0);
        p.toggle_bookmark(id, T0);
        p.set_note(id, "x", T0);
    }
    assert!(
        p.questions.is_empty(),
        "an id that is not a question id changes nothing"
    );
    p.toggle_bookmark("gil", i64::MAX);
    assert_eq!(p.get("gil").unwrap().updated_ms, limits::MAX_TIME_MS);
    let mut max = p.clone();
    std::rc::Rc::make_mut(max.questions.get_mut("gil").unwrap()).rev = limits::MAX_REVISION;
    max.generation = limits::MAX_GENERATION;
    max.toggle_bookmark("gil", T0);
    assert_eq!(max.get("gil").unwrap().rev, limits::MAX_REVISION, "revisions saturate");
    assert_eq!(max.reset().generation, limits::MAX_GENERATION, "generations saturate");
    assert_eq!(load(Some(&max.reset().to_json())), LoadOutcome::Loaded(max.reset()));
}
