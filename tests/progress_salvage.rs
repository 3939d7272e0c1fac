//! Salvage instead of reject: a stored value is read entry by entry, the
//! invalid parts repaired or set aside (backed up once, and told), and the
//! revision rule that keeps a wrong clock from reverting newer work.

use pyprep::progress::{
    CardState, Grade, LoadOutcome, LoadProblem, MemoryStore, Progress, backup_key, limits, load, load_stored,
    parse_import, storage_key,
};

/// 2024-03-10T12:00:00Z.
const T0: i64 = 1_710_072_000_000;
const YEAR: i64 = 365 * 86_400_000;
const NS: &str = "python";

fn salvaged(raw: &str) -> (Progress, Vec<(String, String)>) {
    match load(Some(raw)) {
        LoadOutcome::Salvaged { progress, dropped, .. } => (progress, dropped),
        other => panic!("{other:?}"),
    }
}

const MIXED: &str = r#"{"version":1,"questions":{
  "good":{"bookmarked":true,"updated_ms":1710072000000},
  "Bad Id":{"bookmarked":true},
  "bad-time":{"updated_ms":-5},
  "bad-shape":{"reviews":7},
  "long-note":{"note":"NOTE"},
  "nan":{"card":{"due_ms":1710072000000,"stability":null,"difficulty":null,"elapsed_days":0,
    "scheduled_days":1,"reps":3,"lapses":1,"state":"review","last_review_ms":1710072000000}}},
  "settings":{"theme":"purple"},"settings_updated_ms":5}"#;

fn mixed() -> String {
    MIXED.replace("NOTE", &"n".repeat(20_005))
}

#[test]
fn one_bad_entry_no_longer_costs_the_others() {
    let (p, dropped) = salvaged(&mixed());
    let ids: Vec<&str> = p.questions.keys().map(String::as_str).collect();
    assert_eq!(ids, ["good", "long-note", "nan"]);
    assert!(p.get("good").unwrap().bookmarked);
    assert_eq!(
        p.get("long-note").unwrap().note.chars().count(),
        20_000,
        "a long note is cut, not lost"
    );
    let nan = p.get("nan").unwrap().card.clone().unwrap();
    assert_eq!(
        (nan.state, nan.stability, nan.reps, nan.lapses),
        (CardState::New, 0.0, 3, 1)
    );
    assert_eq!(
        p.settings,
        Default::default(),
        "invalid settings fall back to the defaults"
    );
    let told: Vec<&str> = dropped.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(
        told,
        ["(settings)", "Bad Id", "bad-shape", "bad-time", "long-note", "nan"]
    );
    for (id, why) in &dropped {
        assert!(!why.is_empty(), "{id}");
    }
    assert!(dropped[5].1.contains("starts afresh"), "{:?}", dropped[5]);
    // What was salvaged saves and loads as itself.
    assert_eq!(load(Some(&p.to_json())), LoadOutcome::Loaded(p.clone()));
    // The repaired card grades normally.
    let mut p = p;
    p.grade("nan", Grade::Good, T0);
    let card = p.get("nan").unwrap().card.clone().unwrap();
    assert!(card.stability > 0.0 && card.state == CardState::Learning, "{card:?}");
}

#[test]
fn a_salvaged_value_is_backed_up_once_and_replaced() {
    let mut kv = MemoryStore::default();
    let raw = mixed();
    kv.values.insert(storage_key(NS), raw.clone());
    let loaded = load_stored(&mut kv, NS, T0);
    let Some(LoadProblem::Salvaged {
        raw: kept,
        dropped,
        backup_key: Some(key),
    }) = loaded.problem
    else {
        panic!("{:?}", loaded.problem)
    };
    assert_eq!(
        (kept.as_str(), key.as_str()),
        (raw.as_str(), backup_key(NS, T0).as_str())
    );
    assert_eq!(dropped.len(), 6);
    assert_eq!(kv.values.get(&key), Some(&raw));
    assert_eq!(kv.values.get(&storage_key(NS)), Some(&loaded.progress.to_json()));
    // The next load, later, reads cleanly and makes no second backup.
    let again = load_stored(&mut kv, NS, T0 + 1_000);
    assert_eq!((again.problem, again.progress), (None, loaded.progress));
    assert_eq!(kv.values.keys().filter(|k| k.contains(":backup:")).count(), 1);
}

#[test]
fn v0_cards_are_salvaged_one_by_one() {
    let v0 = r#"{"version":0,"theme":"neon","cards":{"ok":{"starred":true},"bad":{"history":[[1,9]]},
        "zero":{"reps":2,"due":1710158400000,"last_review":1710072000000}}}"#;
    let LoadOutcome::Salvaged {
        progress,
        from,
        dropped,
        ..
    } = load(Some(v0))
    else {
        panic!()
    };
    assert_eq!(from, 0);
    assert!(progress.get("ok").unwrap().bookmarked);
    assert!(progress.get("bad").is_none());
    assert_eq!(
        progress.get("zero").unwrap().card.as_ref().unwrap().state,
        CardState::New
    );
    assert_eq!(dropped.len(), 3, "{dropped:?}");
}

#[test]
fn past_the_question_limit_the_last_ids_are_set_aside() {
    let entries: Vec<String> = (0..limits::MAX_QUESTIONS + 2)
        .map(|i| format!(r#""q{i:05}":{{}}"#))
        .collect();
    let raw = format!(r#"{{"version":1,"questions":{{{}}}}}"#, entries.join(","));
    let (p, dropped) = salvaged(&raw);
    assert_eq!(p.questions.len(), limits::MAX_QUESTIONS);
    let told: Vec<&str> = dropped.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(told, ["q10000", "q10001"]);
}

#[test]
fn a_later_edit_wins_a_merge_whatever_the_clocks_said() {
    // Tab A's clock is a year ahead; B's is right.
    let mut a = Progress::default();
    a.set_note("gil", "first thought", T0 + YEAR);
    let mut b = a.clone();
    b.set_note("gil", "what I know now", T0);
    assert_eq!(a.merge(&b).get("gil").unwrap().note, "what I know now");
    assert_eq!(b.merge(&a).get("gil").unwrap().note, "what I know now");
    // The same for settings.
    let mut a = Progress::default();
    a.set_settings(
        pyprep::progress::Settings {
            daily_new_limit: 1,
            ..Default::default()
        },
        T0 + YEAR,
    );
    let mut b = a.clone();
    b.set_settings(
        pyprep::progress::Settings {
            daily_new_limit: 2,
            ..Default::default()
        },
        T0,
    );
    assert_eq!(a.merge(&b).settings.daily_new_limit, 2);
    // Concurrent edits (same revision): the later update, then the fields.
    let (mut x, mut y) = (Progress::default(), Progress::default());
    x.toggle_bookmark("gil", T0);
    y.set_note("gil", "note", T0 + 1);
    assert_eq!(x.merge(&y), y.merge(&x));
    assert_eq!(x.merge(&y).get("gil").unwrap().note, "note");
    // Old values without revisions load as revision 0.
    let old = r#"{"version":1,"questions":{"gil":{"note":"x","updated_ms":1}}}"#;
    assert_eq!(parse_import(old, &[]).unwrap().progress.get("gil").unwrap().rev, 0);
}
