//! The browse filter: its URL form, what it lets through, and the
//! neighbours J/K step to on a question page.

use pyprep::deck::{self, Difficulty};
use pyprep::progress::Progress;
use pyprep::session::{Filter, StatusFilter};

/// 2024-03-10T12:00:00Z.
const T0: i64 = 1_710_072_000_000;

#[test]
fn the_browse_filter_round_trips_through_the_url() {
    let filter = Filter {
        category: Some("dsa".into()),
        difficulty: Some(Difficulty::Hard),
        tag: Some("trees".into()),
        status: Some(StatusFilter::Due),
        query: "heap & sort/ü".into(),
        within: vec![],
    };
    let query = filter.to_query();
    assert_eq!(query, "c=dsa&d=hard&tag=trees&status=due&q=heap%20%26%20sort%2F%C3%BC");
    assert_eq!(Filter::from_query(&query), filter);
    assert_eq!(Filter::default().to_query(), "");
    assert_eq!(
        Filter::from_query("d=extreme&s=&x=1"),
        Filter::default(),
        "unknown values are ignored"
    );
    assert!(Filter::default().is_empty());
    assert!(!filter.is_empty());
    let scoped = Filter {
        within: vec!["gil"],
        ..filter
    };
    assert_eq!(
        scoped.cleared(),
        Filter::within(vec!["gil"]),
        "clearing keeps a widget's scope"
    );
}

#[test]
fn fits_checks_every_filter_but_the_text() {
    let p = Progress::default();
    let q = &deck::questions()[0];
    assert!(Filter::default().fits(q, &p, T0));
    assert!(Filter::within(vec![q.id]).fits(q, &p, T0));
    assert!(!Filter::within(vec!["other"]).fits(q, &p, T0));
    let other_category = Filter {
        category: Some("web".into()),
        ..Filter::default()
    };
    assert_eq!(other_category.fits(q, &p, T0), q.category == "web");
    let new = Filter {
        status: Some(StatusFilter::New),
        ..Filter::default()
    };
    assert!(new.fits(q, &p, T0));
}

#[test]
fn question_neighbours_follow_the_results_else_the_deck() {
    use pyprep::session::neighbours;
    let deck = ["a", "b", "c", "d"];
    assert_eq!(neighbours(&["b", "d"], &deck, "d"), (Some("b"), None));
    assert_eq!(
        neighbours(&["b", "d"], &deck, "c"),
        (Some("b"), Some("d")),
        "not a result: deck order"
    );
    assert_eq!(neighbours(&[], &deck, "a"), (None, Some("b")));
    assert_eq!(neighbours(&[], &deck, "zzz"), (None, None));
}
