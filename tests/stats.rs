//! Statistics: mastery per category, reviews per local day, streaks, due forecast.

use pyprep::deck::{Difficulty, Question};
use pyprep::progress::{Card, Grade, Progress, QuestionProgress, ReviewEntry};
use pyprep::session::Scope;
use pyprep::stats::{CategoryMastery, due_next_days, due_now, mastery, reviews_per_day, streak};

/// 2024-03-10T12:00:00Z.
const T0: i64 = 1_710_072_000_000;
const HOUR: i64 = 3_600_000;
const DAY: i64 = 86_400_000;

fn q(id: &'static str, category: &'static str) -> Question {
    Question {
        id,
        category,
        number: 1,
        text: "",
        text_html: "",
        difficulty: Difficulty::Easy,
        tags: &[],
    }
}

/// A progress holding one review at each of `times`, each on its own question.
fn reviewed_at(times: &[i64]) -> Progress {
    let mut p = Progress::default();
    for (i, &at_ms) in times.iter().enumerate() {
        let entry = QuestionProgress {
            reviews: vec![ReviewEntry {
                at_ms,
                grade: Grade::Good,
            }],
            updated_ms: at_ms,
            ..QuestionProgress::default()
        };
        p.questions.insert(format!("q{i}"), entry.into());
    }
    p
}

/// A progress with cards due at `times`.
fn due_at(times: &[i64]) -> Progress {
    let mut p = Progress::default();
    for (i, &due_ms) in times.iter().enumerate() {
        let card = Card {
            due_ms,
            stability: 1.0,
            reps: 1,
            ..Card::default()
        };
        let entry = QuestionProgress {
            card: Some(card),
            ..QuestionProgress::default()
        };
        p.questions.insert(format!("q{i}"), entry.into());
    }
    p
}

#[test]
fn mastery_per_category_in_deck_order() {
    let qs = [q("a", "web"), q("b", "web"), q("c", "dsa"), q("d", "web")];
    let mut p = Progress::default();
    p.grade("a", Grade::Again, T0 - DAY);
    p.grade("b", Grade::Good, T0);
    let mut long = Progress::default();
    long.questions.insert(
        "c".into(),
        QuestionProgress {
            card: Some(Card {
                due_ms: T0 + 30 * DAY,
                stability: 40.0,
                reps: 5,
                ..Card::default()
            }),
            ..QuestionProgress::default()
        }
        .into(),
    );
    let p = p.merge(&long);
    let m = mastery(&qs, &p, T0);
    let web = CategoryMastery {
        category: "web",
        new: 1,
        learning: 1,
        due: 1,
        mastered: 0,
        total: 3,
    };
    let dsa = CategoryMastery {
        category: "dsa",
        new: 0,
        learning: 0,
        due: 0,
        mastered: 1,
        total: 1,
    };
    assert_eq!(m, [web, dsa]);
}

#[test]
fn reviews_are_bucketed_by_local_day() {
    let p = reviewed_at(&[T0, T0 - HOUR, T0 - DAY, T0 - 3 * DAY, T0 - 100 * DAY, T0 + DAY]);
    assert_eq!(reviews_per_day(&p, T0, 0, 4), [1, 0, 1, 2]);
    assert_eq!(reviews_per_day(&p, T0, 0, 84).len(), 84);
    assert_eq!(reviews_per_day(&p, T0, 0, 84).iter().sum::<u32>(), 4);
    // 11:30Z and 12:00Z are on different local days in UTC+12 (23:30 and 00:00).
    let p = reviewed_at(&[T0 - HOUR / 2, T0]);
    assert_eq!(reviews_per_day(&p, T0, 0, 2), [0, 2]);
    assert_eq!(reviews_per_day(&p, T0, 720, 2), [1, 1]);
    assert_eq!(reviews_per_day(&p, T0, 0, 0), Vec::<u32>::new());
}

#[test]
fn streak_edge_cases() {
    assert_eq!(streak(&Progress::default(), T0, 0), 0);
    assert_eq!(streak(&reviewed_at(&[T0]), T0, 0), 1);
    assert_eq!(
        streak(&reviewed_at(&[T0, T0 - HOUR, T0 - DAY]), T0, 0),
        2,
        "one day counts once"
    );
    assert_eq!(
        streak(&reviewed_at(&[T0 - DAY, T0 - 2 * DAY]), T0, 0),
        2,
        "none yet today: ends yesterday"
    );
    assert_eq!(
        streak(&reviewed_at(&[T0 - 2 * DAY, T0 - 3 * DAY]), T0, 0),
        0,
        "missed yesterday"
    );
    assert_eq!(
        streak(&reviewed_at(&[T0, T0 - DAY, T0 - 3 * DAY]), T0, 0),
        2,
        "a gap ends it"
    );
    assert_eq!(
        streak(&reviewed_at(&[T0 + DAY, T0]), T0, 0),
        1,
        "future reviews ignored"
    );
    // 23:00 local yesterday and 01:00 local today in UTC-5, i.e. 04:00Z and 06:00Z on the same UTC day.
    let p = reviewed_at(&[T0 - 8 * HOUR, T0 - 6 * HOUR]);
    assert_eq!(streak(&p, T0, 0), 1);
    assert_eq!(streak(&p, T0, -300), 2);
}

#[test]
fn due_forecast_per_local_day() {
    let p = due_at(&[
        T0 - 5 * DAY,
        T0 - HOUR,
        T0 + HOUR,
        T0 + DAY,
        T0 + 2 * DAY + HOUR,
        T0 + 9 * DAY,
    ]);
    assert_eq!(due_next_days(&p, T0, 0, 3), [3, 1, 1], "overdue counts today");
    assert_eq!(due_next_days(&p, T0, 0, 14).iter().sum::<u32>(), 6);
    // T0 + 11h is 23:00Z, still today in UTC but 10:00 tomorrow in UTC+11.
    let p = due_at(&[T0 + 11 * HOUR]);
    assert_eq!(due_next_days(&p, T0, 0, 2), [1, 0]);
    assert_eq!(due_next_days(&p, T0, 660, 2), [0, 1]);
}

#[test]
fn due_now_counts_in_scope() {
    let qs = [q("a", "web"), q("b", "dsa"), q("d", "web")];
    let mut p = Progress::default();
    for id in ["a", "b"] {
        p.grade(id, Grade::Again, T0 - DAY);
    }
    p.grade("d", Grade::Easy, T0);
    assert_eq!(due_now(&qs, &p, &Scope::default(), T0), 2);
    assert_eq!(
        due_now(
            &qs,
            &p,
            &Scope {
                categories: vec!["web".into()]
            },
            T0
        ),
        1
    );
}
