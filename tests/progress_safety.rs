//! The reproducers of issue 13 ("never lose a learner's progress"), each
//! through the real storage policy: what a learner did, then a save and a
//! load that must keep everything. Each failed before the fix.

use pyprep::progress::{
    Card, CardState, Grade, LoadOutcome, MemoryStore, Progress, export_json, limits, load, parse_import, save_stored,
    stored,
};

/// 2024-03-10T12:00:00Z.
const T0: i64 = 1_710_072_000_000;
const DAY: i64 = 86_400_000;
const NS: &str = "python";

/// Saves through the policy and reads back: the value must load as itself.
fn save_and_reload(p: &Progress) -> Progress {
    let mut kv = MemoryStore::default();
    let (saved, _) = save_stored(&mut kv, NS, p, T0).expect("the save goes through");
    assert_eq!(&saved, p);
    let back = stored(&kv, NS).expect("a readable stored value");
    assert_eq!(load(Some(&back.to_json())), LoadOutcome::Loaded(back.clone()));
    back
}

/// A card the validator accepts: finite, within its ranges.
fn assert_sane(card: &Card, now_ms: i64) {
    assert!(card.stability.is_finite() && card.stability >= 0.01, "{card:?}");
    assert!((1.0..=10.0).contains(&card.difficulty), "{card:?}");
    assert!(limits::is_plausible_time(card.due_ms), "{card:?}");
    assert!(limits::is_plausible_time(card.last_review_ms), "{card:?}");
    assert!(card.due_ms >= now_ms.clamp(0, limits::MAX_TIME_MS), "{card:?}");
    assert!(card.elapsed_days >= 0 && card.scheduled_days >= 0, "{card:?}");
}

#[test]
fn a_note_of_20001_characters_is_cut_and_saved() {
    let mut p = Progress::default();
    p.grade("gil", Grade::Good, T0);
    p.set_note("gil", &"é".repeat(20_001), T0 + 1);
    assert_eq!(p.get("gil").unwrap().note.chars().count(), 20_000);
    let back = save_and_reload(&p);
    assert_eq!(back.get("gil").unwrap().note, "é".repeat(20_000));
    assert!(back.get("gil").unwrap().card.is_some(), "the card is kept");
}

#[test]
fn import_replace_of_generation_1000000_and_a_reset_there_save() {
    let mut mine = Progress::default();
    mine.grade("mine", Grade::Good, T0);
    let file =
        r#"{"version":1,"generation":1000000,"questions":{"gil":{"bookmarked":true,"updated_ms":1710072000000}}}"#;
    let imported = parse_import(file, &[]).unwrap().progress;
    let replaced = mine.replaced_by(imported);
    let back = save_and_reload(&replaced);
    assert!(back.get("gil").unwrap().bookmarked);
    assert!(back.get("mine").is_none());

    // A learner whose stored progress is at generation 1 000 000 resets.
    let stored_value =
        r#"{"version":1,"generation":1000000,"questions":{"gil":{"bookmarked":true,"updated_ms":1710072000000}}}"#;
    let LoadOutcome::Loaded(old) = load(Some(stored_value)) else {
        panic!("generation 1 000 000 loads")
    };
    let reset = old.reset();
    assert!(reset.questions.is_empty());
    assert_eq!(save_and_reload(&reset), reset);
    // Another tab still holding the old progress does not bring it back.
    assert_eq!(reset.merge(&old), reset);
    assert_eq!(old.merge(&reset), reset);
}

#[test]
fn merge_of_a_review_card_with_stability_0_then_good_saves() {
    let file = r#"{"version":1,"questions":{"list-vs-tuple":{"card":{"due_ms":0,"stability":0,"difficulty":5,"elapsed_days":0,"scheduled_days":0,"reps":1,"lapses":0,"state":"review","last_review_ms":0},"updated_ms":0}}}"#;
    let imported = parse_import(file, &["list-vs-tuple"])
        .expect("repaired, not refused")
        .progress;
    let mut p = Progress::default().merge_import(&imported);
    p.grade("list-vs-tuple", Grade::Good, T0);
    let card = p.get("list-vs-tuple").unwrap().card.clone().unwrap();
    assert_sane(&card, T0);
    assert_eq!(card.reps, 2, "the repetitions are kept");
    save_and_reload(&p);
}

#[test]
fn an_export_time_of_9e15_is_refused() {
    let file = r#"{"version":1,"questions":{},"exported_at_ms":9000000000000000}"#;
    let err = parse_import(file, &[]).expect_err("9e15 is past the year 3000");
    assert!(err.to_string().contains("export time"), "{err}");
    for bad in ["-1", "1.5", "\"soon\""] {
        let file = format!(r#"{{"version":1,"questions":{{}},"exported_at_ms":{bad}}}"#);
        assert!(parse_import(&file, &[]).is_err(), "{bad}");
    }
    let ok = r#"{"version":1,"questions":{},"exported_at_ms":32503680000000}"#;
    assert_eq!(
        parse_import(ok, &[]).unwrap().summary.exported_at_ms,
        Some(32_503_680_000_000)
    );
    // An export made with a clock past 3000 still imports.
    let export = export_json(&Progress::default(), 8_640_000_000_000_000);
    assert!(parse_import(&export, &[]).is_ok());
}

#[test]
fn grading_easy_near_the_end_of_time_does_not_panic() {
    // chrono's last instant is 8_210_266_876_799_999 ms: a day before it,
    // rs-fsrs adding an interval panicked ("DateTime + TimeDelta overflowed").
    for now in [
        8_210_266_876_799_999 - 86_400_000,
        8_210_266_876_799_999,
        8_200_000_000_000_000,
        8_210_000_000_000_000,
        8_640_000_000_000_000,
        8_640_000_000_000_001,
        i64::MAX,
        -8_640_000_000_000_000,
        i64::MIN,
        -1,
    ] {
        let mut p = Progress::default();
        p.grade("gil", Grade::Easy, T0);
        for grade in Grade::ALL {
            p.grade("gil", grade, now);
            p.grade(&format!("new-{}", grade.label().to_lowercase()), grade, now);
        }
        p.grade("gil", Grade::Easy, now);
        for q in p.questions.values() {
            assert_sane(q.card.as_ref().unwrap(), now);
        }
        save_and_reload(&p);
    }
}

#[test]
fn grading_after_the_clock_moved_back_stays_sane() {
    let mut p = Progress::default();
    p.grade("gil", Grade::Good, T0);
    p.grade("gil", Grade::Good, T0 + 30 * DAY);
    p.grade("gil", Grade::Easy, T0 + 90 * DAY);
    assert_eq!(p.get("gil").unwrap().card.as_ref().unwrap().state, CardState::Review);
    for back in [T0 - 400 * DAY, T0 + 10 * DAY, 0] {
        for grade in Grade::ALL {
            let mut q = p.clone();
            q.grade("gil", grade, back);
            assert_sane(q.get("gil").unwrap().card.as_ref().unwrap(), back);
            let times: Vec<i64> = q.get("gil").unwrap().reviews.iter().map(|r| r.at_ms).collect();
            assert!(times.windows(2).all(|w| w[0] <= w[1]), "oldest first: {times:?}");
            save_and_reload(&q);
        }
    }
}
