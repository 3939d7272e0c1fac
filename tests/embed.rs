//! Embedding: widget configuration from data attributes and query strings,
//! the questions in scope, event payloads, and the Shadow DOM stylesheet.

use std::collections::HashMap;

use pyprep::deck;
use pyprep::embed::{
    Config, ConfigError, DEFAULT_NAMESPACE, Happening, Mode, Tally, config_from_query, height_message, is_iframe_query,
    parse_config, query_param, ready, rem_to_px,
};
use pyprep::progress::{Grade, Progress, Theme};
use pyprep::session::{PracticeScope, practice_queue};
use serde_json::json;

/// 2024-03-10T12:00:00Z.
const T0: i64 = 1_710_072_000_000;
const DAY: i64 = 86_400_000;

fn attrs(pairs: &[(&str, &str)]) -> Result<Config, Vec<ConfigError>> {
    let map: HashMap<String, String> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    parse_config(|name| map.get(name).cloned())
}

fn some_ids(n: usize) -> Vec<&'static str> {
    deck::questions().iter().map(|q| q.id).take(n).collect()
}

#[test]
fn no_attributes_give_the_defaults() {
    let config = attrs(&[]).unwrap();
    assert_eq!(config, Config::default());
    assert_eq!(config.mode, Mode::Practise);
    assert_eq!(config.theme, Theme::System);
    assert!(!config.compact);
    assert_eq!(config.namespace, DEFAULT_NAMESPACE);
    assert_eq!(pyprep::progress::storage_key(&config.namespace), "pyprep:python:v1");
    assert_eq!(config.pool().len(), deck::questions().len());
}

#[test]
fn every_option_is_read() {
    let ids = some_ids(2);
    let list = format!(" {} , {},,", ids[1], ids[0]);
    let config = attrs(&[
        ("categories", "dsa, OOP"),
        ("questions", &list),
        ("mode", "Browse"),
        ("theme", "dark"),
        ("compact", ""),
        ("namespace", "my-course_2"),
    ])
    .unwrap();
    assert_eq!(config.categories, vec!["dsa", "oop"]);
    assert_eq!(config.questions, vec![ids[1], ids[0]]);
    assert_eq!(config.mode, Mode::Browse);
    assert_eq!(config.theme, Theme::Dark);
    assert!(config.compact, "a bare data-compact means true");
    assert_eq!(config.namespace, "my-course_2");
    // Listed questions override the categories, in the order given.
    assert_eq!(config.pool(), vec![ids[1], ids[0]]);
    assert_eq!(config.practice_scope(), PracticeScope::Listed(vec![ids[1], ids[0]]));
    let card = Config {
        mode: Mode::Card,
        ..config.clone()
    };
    assert_eq!(card.practice_scope(), PracticeScope::Single(ids[1]));
}

#[test]
fn modes_themes_and_compact_values() {
    for (value, mode) in [
        ("practise", Mode::Practise),
        ("practice", Mode::Practise),
        ("mock", Mode::Mock),
        ("card", Mode::Card),
        ("", Mode::Practise),
    ] {
        assert_eq!(attrs(&[("mode", value)]).unwrap().mode, mode, "{value}");
    }
    for (value, theme) in [("auto", Theme::System), ("light", Theme::Light), ("DARK", Theme::Dark)] {
        assert_eq!(attrs(&[("theme", value)]).unwrap().theme, theme, "{value}");
    }
    for (value, compact) in [("true", true), ("1", true), ("false", false), ("0", false)] {
        assert_eq!(attrs(&[("compact", value)]).unwrap().compact, compact, "{value}");
    }
    assert_eq!(
        attrs(&[("theme", "system")]).unwrap().theme,
        Theme::System,
        "the app's name works too"
    );
}

#[test]
fn data_run_false_turns_the_run_buttons_off() {
    assert!(attrs(&[]).unwrap().run, "Run is on by default");
    for (value, run) in [
        ("false", false),
        ("0", false),
        ("no", false),
        ("true", true),
        ("", true),
    ] {
        assert_eq!(attrs(&[("run", value)]).unwrap().run, run, "{value}");
    }
    let errors = attrs(&[("run", "sometimes")]).unwrap_err();
    assert_eq!(errors, [ConfigError::BadRun("sometimes".into())]);
    assert_eq!(errors[0].to_string(), "Run must be true or false, not `sometimes`.");
}

#[test]
fn a_category_scopes_the_pool_in_deck_order() {
    let config = attrs(&[("categories", "advanced")]).unwrap();
    let pool = config.pool();
    assert!(!pool.is_empty());
    assert!(pool.iter().all(|id| deck::question(id).unwrap().category == "advanced"));
    let deck_order: Vec<_> = deck::questions()
        .iter()
        .filter(|q| q.category == "advanced")
        .map(|q| q.id)
        .collect();
    assert_eq!(pool, deck_order);
}

#[test]
fn unknown_values_are_all_reported_with_clear_messages() {
    let errors = attrs(&[
        ("categories", "dsa,cooking"),
        ("questions", "no-such-question"),
        ("mode", "quiz"),
        ("theme", "neon"),
        ("compact", "maybe"),
        ("namespace", "Bad Name!"),
    ])
    .unwrap_err();
    assert_eq!(
        errors,
        vec![
            ConfigError::UnknownCategory("cooking".into()),
            ConfigError::UnknownQuestion("no-such-question".into()),
            ConfigError::UnknownMode("quiz".into()),
            ConfigError::UnknownTheme("neon".into()),
            ConfigError::BadCompact("maybe".into()),
            ConfigError::BadNamespace("Bad Name!".into()),
        ]
    );
    let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(text[0].starts_with("Unknown category `cooking`."), "{}", text[0]);
    assert!(text[0].contains("dsa, oop"), "lists the known categories: {}", text[0]);
    assert_eq!(text[1], "Unknown question id `no-such-question`.");
    assert!(text[2].starts_with("Unknown mode `quiz`."));
    assert!(text[3].starts_with("Unknown theme `neon`."));
    assert!(text[5].starts_with("Invalid namespace `Bad Name!`"));
    assert!(attrs(&[("namespace", &"a".repeat(41))]).is_err());
}

#[test]
fn query_strings_are_decoded() {
    let query = "?embed=1&categories=dsa%2Coop&mode=card&theme=light&compact&namespace=blog&x=%ZZ&q=%E2%9C%93+ok";
    assert!(is_iframe_query(query));
    assert!(is_iframe_query("embed"));
    assert!(!is_iframe_query("?embed=0"));
    assert!(!is_iframe_query("?mode=card"));
    assert!(!is_iframe_query(""));
    assert_eq!(query_param(query, "categories").as_deref(), Some("dsa,oop"));
    assert_eq!(query_param(query, "compact").as_deref(), Some(""));
    assert_eq!(
        query_param(query, "x").as_deref(),
        Some("%ZZ"),
        "a broken escape is kept"
    );
    assert_eq!(query_param(query, "q").as_deref(), Some("✓ ok"));
    assert_eq!(query_param("a=%", "a").as_deref(), Some("%"));
    assert_eq!(query_param("a=%e", "a").as_deref(), Some("%e"));
    assert_eq!(query_param(query, "missing"), None);
    let config = config_from_query(query).unwrap();
    assert_eq!(config.categories, vec!["dsa", "oop"]);
    assert_eq!(
        (config.mode, config.theme, config.compact),
        (Mode::Card, Theme::Light, true)
    );
    assert_eq!(config.namespace, "blog");
    assert_eq!(
        config_from_query("?embed=1&categories=cooking").unwrap_err(),
        vec![ConfigError::UnknownCategory("cooking".into())]
    );
}

#[test]
fn the_pool_queue_puts_due_cards_first_then_new_ones_in_listed_order() {
    let ids = some_ids(4);
    let mut progress = Progress::default();
    progress.grade(ids[2], Grade::Again, T0);
    progress.grade(ids[3], Grade::Easy, T0);
    let later = T0 + DAY;
    let queue = practice_queue(
        deck::questions(),
        &progress,
        &PracticeScope::Listed(ids.clone()),
        later,
        0,
    );
    assert_eq!(
        queue,
        vec![ids[2], ids[0], ids[1]],
        "due (Again), then the new ones; Easy is not due"
    );
    assert!(practice_queue(deck::questions(), &progress, &PracticeScope::Listed(vec![]), later, 0).is_empty());
    assert_eq!(
        practice_queue(deck::questions(), &progress, &PracticeScope::Single(ids[3]), later, 0),
        [ids[3]],
        "a single card is offered whether due or not"
    );
}

#[test]
fn event_payloads_follow_the_contract() {
    assert_eq!(
        ready(Mode::Practise, 20).detail,
        json!({ "mode": "practise", "questions": 20 })
    );
    assert_eq!(ready(Mode::Card, 1).event_name(), "pyprep:ready");
    let mut tally = Tally::default();
    let first = tally.record(Happening::Graded {
        question_id: "list-vs-tuple",
        grade: Grade::Good,
        remaining: 2,
    });
    assert_eq!(first.event_name(), "pyprep:graded");
    assert_eq!(
        first.detail,
        json!({ "questionId": "list-vs-tuple", "grade": "good", "reviewed": 1, "remaining": 2 })
    );
    assert_eq!(
        first.message(),
        json!({ "source": "pyprep", "type": "graded", "questionId": "list-vs-tuple", "grade": "good", "reviewed": 1, "remaining": 2 })
    );
    tally.record(Happening::Graded {
        question_id: "b",
        grade: Grade::Again,
        remaining: 1,
    });
    tally.record(Happening::Graded {
        question_id: "c",
        grade: Grade::Easy,
        remaining: 0,
    });
    let done = tally.record(Happening::SessionComplete { seconds: None });
    assert_eq!(done.event_name(), "pyprep:session-complete");
    assert_eq!(
        done.detail,
        json!({ "reviewed": 3, "counts": { "again": 1, "hard": 0, "good": 1, "easy": 1 } })
    );
    // A new session starts from zero; a mock interview adds its seconds.
    let graded = tally.record(Happening::Graded {
        question_id: "d",
        grade: Grade::Hard,
        remaining: 0,
    });
    assert_eq!(graded.detail["reviewed"], 1);
    let mock = tally.record(Happening::SessionComplete { seconds: Some(95) });
    assert_eq!(
        mock.message(),
        json!({ "source": "pyprep", "type": "session-complete", "reviewed": 1, "seconds": 95,
                "counts": { "again": 0, "hard": 1, "good": 0, "easy": 0 } })
    );
    assert_eq!(
        height_message(311.2),
        json!({ "source": "pyprep", "type": "height", "height": 312 })
    );
}

#[test]
fn rem_lengths_become_pixels_and_nothing_else_changes() {
    assert_eq!(rem_to_px("a { margin: 0.75rem 1rem; }"), "a { margin: 12px 16px; }");
    assert_eq!(
        rem_to_px("p{padding:.5rem -0.25rem 1.3rem 2REM}"),
        "p{padding:8px -4px 20.8px 2REM}"
    );
    assert_eq!(
        rem_to_px("@media (min-width: 48rem) {}"),
        "@media (min-width: 768px) {}"
    );
    assert_eq!(
        rem_to_px("max(1rem, env(safe-area-inset-top))"),
        "max(16px, env(safe-area-inset-top))"
    );
    // Identifiers, other units and near misses are left alone.
    for same in [
        ".h1rem{}",
        "--x-2rem: 1px",
        "1remx",
        "1.5em 2px 10%",
        "u+2rem",
        "#a1rem",
        "0.45rem0",
    ] {
        let out = rem_to_px(same);
        assert!(same == "u+2rem" || out == same, "{same} -> {out}");
    }
    assert_eq!(rem_to_px("u+2rem"), "u+32px");
    assert_eq!(
        rem_to_px("grid: repeat(auto-fill, minmax(14rem, 1fr));"),
        "grid: repeat(auto-fill, minmax(224px, 1fr));"
    );
    assert_eq!(rem_to_px("é 1rem ✓"), "é 16px ✓");
}
