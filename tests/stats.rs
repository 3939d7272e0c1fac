//! Statistics: mastery per category, reviews per local day, streaks, due forecast.

use pyprep::deck::{Difficulty, Question};
use pyprep::progress::{Card, Grade, Progress, QuestionProgress, ReviewEntry};
use pyprep::session::Scope;
use pyprep::stats::{
    CategoryMastery, FIRST_REVIEW_MS, STUDY_GAP_MS, due_next_days, due_now, hardest, heat_level, heatmap, mastery,
    retention, reviews_per_day, streak, time_spent_ms,
};

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

fn graded(reviews: &[(&str, i64, Grade)]) -> Progress {
    let mut p = Progress::default();
    for &(id, at_ms, grade) in reviews {
        std::rc::Rc::make_mut(p.questions.entry(id.to_string()).or_default())
            .reviews
            .push(ReviewEntry { at_ms, grade });
    }
    p
}

#[test]
fn retention_is_the_share_of_reviews_not_graded_again_per_category_and_overall() {
    let qs: &[Question] = &[q("a", "dsa"), q("b", "dsa"), q("c", "oop"), q("d", "web")];
    let p = graded(&[
        ("a", T0, Grade::Again),
        ("a", T0 + HOUR, Grade::Good),
        ("b", T0, Grade::Hard),
        ("c", T0, Grade::Again),
        ("zzz-unknown", T0, Grade::Again),
    ]);
    let (per, all) = retention(qs, &p);
    let pct: Vec<(&str, Option<u32>)> = per.iter().map(|(c, r)| (*c, r.percent())).collect();
    assert_eq!(pct, [("dsa", Some(67)), ("oop", Some(0)), ("web", None)]);
    assert_eq!(
        (all.reviews, all.recalled, all.percent()),
        (4, 2, Some(50)),
        "ids not in the deck are left out"
    );
    assert_eq!(retention(qs, &Progress::default()).1.percent(), None);
}

#[test]
fn the_heatmap_covers_whole_weeks_monday_first_up_to_today() {
    // T0 is Sunday 2024-03-10 12:00 UTC.
    let p = graded(&[
        ("a", T0, Grade::Good),
        ("b", T0 - HOUR, Grade::Good),
        ("c", T0 - 6 * DAY, Grade::Good),
        ("d", T0 - 7 * DAY, Grade::Good),
    ]);
    let days = heatmap(&p, T0, 0, 2);
    assert_eq!(days.len(), 14);
    assert_eq!((days[0].date.as_str(), days[0].weekday), ("2024-02-26", 0));
    let last = days.last().unwrap();
    assert_eq!(
        (last.date.as_str(), last.weekday, last.count, last.level),
        ("2024-03-10", 6, 2, 1)
    );
    assert_eq!(days[7].date, "2024-03-04");
    assert_eq!(days[7].count, 1, "Monday of this week");
    assert_eq!(days[6].count, 1, "Sunday of last week");
    // A Monday today: the current week has only today.
    let monday = T0 + DAY;
    let days = heatmap(&p, monday, 0, 3);
    assert_eq!((days.len(), days.last().unwrap().weekday), (15, 0));
    // The local date follows the time zone: 23:30 UTC is the next day at +01:00.
    let late = graded(&[("a", T0 + 11 * HOUR + 30 * 60_000, Grade::Good)]);
    let days = heatmap(&late, T0 + 12 * HOUR, 60, 1);
    assert_eq!(days.last().unwrap().date, "2024-03-11");
    assert_eq!(days.last().unwrap().count, 1);
    assert_eq!(
        [0, 1, 4, 5, 9, 10, 19, 20, 500].map(heat_level),
        [0, 1, 1, 2, 2, 3, 3, 4, 4]
    );
}

#[test]
fn hardest_cards_are_those_with_the_most_lapses() {
    let qs: &[Question] = &[q("a", "dsa"), q("b", "dsa"), q("c", "oop"), q("d", "oop")];
    let mut p = graded(&[
        ("a", T0, Grade::Again),
        ("b", T0, Grade::Good),
        ("c", T0, Grade::Again),
        ("c", T0 + 1, Grade::Again),
    ]);
    let lapsed = |n| {
        Some(Card {
            lapses: n,
            ..Card::default()
        })
    };
    std::rc::Rc::make_mut(p.questions.get_mut("a").unwrap()).card = lapsed(3);
    std::rc::Rc::make_mut(p.questions.get_mut("b").unwrap()).card = lapsed(0);
    std::rc::Rc::make_mut(p.questions.get_mut("c").unwrap()).card = lapsed(1);
    let ids: Vec<(&str, u32, u32)> = hardest(qs, &p, 5).iter().map(|h| (h.id, h.lapses, h.again)).collect();
    assert_eq!(ids, [("a", 3, 1), ("c", 1, 2)], "never-forgotten cards are left out");
    assert_eq!(hardest(qs, &p, 1).len(), 1);
    assert!(hardest(qs, &Progress::default(), 5).is_empty());
}

#[test]
fn time_spent_counts_short_gaps_and_a_fixed_time_for_the_first_review_of_a_sitting() {
    assert_eq!(time_spent_ms(&Progress::default()), 0);
    let p = graded(&[
        ("a", T0, Grade::Good),
        ("b", T0 + 40_000, Grade::Good),
        ("c", T0 + 100_000, Grade::Good),
        // A break of an hour: a new sitting.
        ("d", T0 + HOUR, Grade::Good),
    ]);
    assert_eq!(time_spent_ms(&p), FIRST_REVIEW_MS + 40_000 + 60_000 + FIRST_REVIEW_MS);
    let exactly = graded(&[("a", T0, Grade::Good), ("b", T0 + STUDY_GAP_MS, Grade::Good)]);
    assert_eq!(time_spent_ms(&exactly), FIRST_REVIEW_MS + STUDY_GAP_MS);
}
