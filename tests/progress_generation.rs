//! The progress generation: a reset or an import "replace" in one tab is not
//! undone by another tab that still holds the old progress, merge-importing a
//! file never wipes the learner's data, and old values without the field load.

use pyprep::progress::{
    Grade, ImportError, LoadOutcome, MemoryStore, Progress, Settings, Theme, export_json, load, parse_import,
    save_stored,
};

/// 2024-03-10T12:00:00Z.
const T0: i64 = 1_710_072_000_000;
const MIN: i64 = 60_000;

/// A save through the real storage policy, as the app does it.
fn save(storage: &mut MemoryStore, mine: &Progress) {
    save_stored(storage, "python", mine, T0).expect("the save goes through");
}

fn stored(storage: &MemoryStore) -> Progress {
    pyprep::progress::stored(storage, "python").expect("a readable stored value")
}

fn ids(p: &Progress) -> Vec<&str> {
    p.questions.keys().map(String::as_str).collect()
}

/// Two tabs that both graded "old-a" and "old-b", with a dark theme, saved.
fn two_tabs(storage: &mut MemoryStore) -> (Progress, Progress) {
    let mut a = Progress::default();
    a.grade("old-a", Grade::Good, T0);
    a.set_settings(
        Settings {
            theme: Theme::Dark,
            daily_new_limit: 5,
            ..Settings::default()
        },
        T0,
    );
    save(storage, &a);
    let mut b = stored(storage);
    b.grade("old-b", Grade::Hard, T0 + MIN);
    save(storage, &b);
    a = a.merge(&stored(storage));
    assert_eq!(a, b);
    (a, b)
}

#[test]
fn a_reset_in_one_tab_survives_a_save_from_a_tab_with_the_old_progress() {
    let mut storage = MemoryStore::default();
    let (a, mut b) = two_tabs(&mut storage);
    let a = a.reset();
    assert_eq!(a.generation, 1);
    assert!(a.questions.is_empty());
    assert_eq!(a.settings.theme, Theme::Dark, "a reset keeps the settings");
    assert_eq!(a.settings.daily_new_limit, 5);
    save(&mut storage, &a);
    assert_eq!(stored(&storage), a);

    // Tab B saves before it has heard of the reset: the reset stands.
    b.grade("old-b", Grade::Easy, T0 + 2 * MIN);
    save(&mut storage, &b);
    assert_eq!(stored(&storage), a, "the old generation is dropped whole");
    // Tab A receiving B's old progress (a storage event) keeps its reset too.
    assert_eq!(a.merge(&b), a);
    // B adopts the reset from the storage event; its next grading is kept.
    let mut b = b.merge(&stored(&storage));
    assert_eq!(b, a);
    b.grade("new-b", Grade::Good, T0 + 3 * MIN);
    save(&mut storage, &b);
    assert_eq!(ids(&stored(&storage)), ["new-b"]);
    assert_eq!(stored(&storage).generation, 1);
}

#[test]
fn an_import_replace_survives_a_save_from_a_tab_with_the_old_progress() {
    let mut storage = MemoryStore::default();
    let (a, mut b) = two_tabs(&mut storage);
    // The file is older than everything in the tabs, and of generation 0.
    let mut file = Progress::default();
    file.grade("from-file", Grade::Good, T0 - 1_000 * MIN);
    let file = parse_import(&export_json(&file, T0 - 900 * MIN), &[]).unwrap().progress;
    let a = a.replaced_by(file.clone());
    assert_eq!(a.generation, 1);
    assert_eq!(a.questions, file.questions);
    save(&mut storage, &a);

    b.grade("old-b", Grade::Again, T0 + 2 * MIN);
    save(&mut storage, &b);
    assert_eq!(stored(&storage), a);
    assert_eq!(ids(&stored(&storage)), ["from-file"]);

    // A replace lands above its own generation, and above the file's when
    // that is one above ours (a tab that reset meanwhile); a file from
    // another browser's history counts as one above ours, no more.
    let later = Progress {
        generation: 7,
        ..Progress::default()
    };
    assert_eq!(later.replaced_by(a.clone()).generation, 8);
    assert_eq!(a.replaced_by(later.clone()).generation, 3);
    let next = Progress {
        generation: 2,
        ..Progress::default()
    };
    assert_eq!(a.replaced_by(next).generation, 3);
}

#[test]
fn merge_import_of_a_later_generation_keeps_the_learners_data() {
    let mut mine = Progress::default();
    mine.grade("mine", Grade::Good, T0);
    mine.set_note("shared", "my note", T0);
    let mut theirs = Progress::default();
    theirs.grade("theirs", Grade::Easy, T0 + MIN);
    theirs.set_note("shared", "their newer note", T0 + MIN);
    theirs.generation = 1_000_000;
    let json = export_json(&theirs, T0 + 2 * MIN);
    let file = parse_import(&json, &[])
        .expect("a generation of 1 000 000 is valid")
        .progress;
    assert_eq!(file.generation, 1_000_000);

    let merged = mine.merge_import(&file);
    assert_eq!(merged.generation, mine.generation, "the file's generation is ignored");
    assert_eq!(ids(&merged), ["mine", "shared", "theirs"]);
    assert_eq!(merged.get("mine"), mine.get("mine"));
    assert_eq!(merged.get("theirs"), theirs.get("theirs"));
    assert_eq!(merged.get("shared").unwrap().note, "their newer note");
    // Merge-importing the same file again changes nothing.
    assert_eq!(merged.merge_import(&file), merged);
}

#[test]
fn merge_with_different_generations_is_commutative_and_idempotent() {
    let mut old = Progress::default();
    old.grade("a", Grade::Good, T0);
    old.grade("b", Grade::Hard, T0 + 5 * MIN);
    let mut new = old.reset();
    new.grade("c", Grade::Easy, T0 - MIN);
    new.set_settings(
        Settings {
            theme: Theme::Light,
            daily_new_limit: 1,
            ..Settings::default()
        },
        T0 - MIN,
    );
    // Old entries are newer than the reset's, and still lose.
    assert_eq!(old.merge(&new), new);
    assert_eq!(new.merge(&old), new);
    assert_eq!(new.merge(&new), new);
    assert_eq!(old.merge(&old), old);

    // Within one generation, the per-question merge still applies.
    let mut other = new.clone();
    other.grade("d", Grade::Good, T0);
    new.grade("e", Grade::Good, T0);
    let merged = new.merge(&other);
    assert_eq!(merged, other.merge(&new));
    assert_eq!(merged.merge(&merged), merged);
    assert_eq!(ids(&merged), ["c", "d", "e"]);
    assert_eq!(merged.generation, 1);
}

#[test]
fn values_without_a_generation_load_as_generation_zero() {
    let old = r#"{"version":1,"questions":{"gil":{"bookmarked":true,"updated_ms":1710072000000}},
        "settings":{"theme":"dark","daily_new_limit":10},"settings_updated_ms":1710072000000}"#;
    let LoadOutcome::Loaded(p) = load(Some(old)) else {
        panic!("an old stored value must still load")
    };
    assert_eq!(p.generation, 0);
    assert!(p.get("gil").unwrap().bookmarked);
    let imported = parse_import(old, &["gil"]).unwrap().progress;
    assert_eq!(imported, p);
    // A newer value written back carries the field.
    assert!(p.reset().to_json().contains(r#""generation":1"#));
}

#[test]
fn an_implausible_generation_is_refused() {
    // 2^53: one above the largest generation (2^53 - 1).
    let file = r#"{"version":1,"generation":9007199254740992,"questions":{}}"#;
    let err = parse_import(file, &[]).unwrap_err();
    assert!(
        matches!(
            err,
            ImportError::BadValue {
                field: "generation",
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.to_string().contains("9007199254740992"), "{err}");
    // A stored value with it is salvaged: the generation is capped, nothing lost.
    let LoadOutcome::Salvaged { progress, dropped, .. } = load(Some(file)) else {
        panic!("{:?}", load(Some(file)))
    };
    assert_eq!(progress.generation, (1 << 53) - 1);
    assert_eq!(dropped.len(), 1);
    let negative = r#"{"version":1,"generation":-1,"questions":{}}"#;
    assert!(matches!(parse_import(negative, &[]), Err(ImportError::WrongShape(_))));
    let valid = r#"{"version":1,"generation":9007199254740991,"questions":{}}"#;
    assert_eq!(parse_import(valid, &[]).unwrap().progress.generation, (1 << 53) - 1);
}
