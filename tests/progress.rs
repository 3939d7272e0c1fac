//! Progress: grade keys, FSRS scheduling, statuses, bookmarks, notes,
//! settings and merging. Loading, migrations, import and export are in
//! `progress_import.rs`.

use pyprep::progress::{self, CardState, Grade, Progress, Settings, Status, Theme};

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
            ..Settings::default()
        },
        T0 + 3,
    );
    assert_eq!(p.settings.theme, Theme::Dark);
    assert_eq!(p.settings_updated_ms, T0 + 3);
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
            ..Settings::default()
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
            ..Settings::default()
        },
        T0,
    );
    b.set_settings(
        Settings {
            theme: Theme::Light,
            daily_new_limit: 1,
            ..Settings::default()
        },
        T0,
    );
    assert_eq!(a.merge(&b), b.merge(&a));
}
