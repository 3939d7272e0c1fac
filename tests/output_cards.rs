//! Predict-the-output cards: id derivation (stable, unique, apart from the
//! question ids), the build's flag checks, the output comparison and its
//! grade suggestion, the queue, and the progress layer keeping their ids.

use std::collections::HashSet;
use std::path::PathBuf;

use pyprep::content::{self, card_id, parse_flags};
use pyprep::deck;
use pyprep::progress::{self, Grade, KeyValue, LoadOutcome, MemoryStore, Progress, load_stored, save_stored};
use pyprep::session::{LineCheck, OutputScope, Scope, compare, output_queue, suggest_output_grade};

const NOW: i64 = 1_800_000_000_000;

/// A category file with one question whose Explanation and Example are given.
fn category(explanation: &str, example: &str) -> String {
    format!(
        "# Data Structures and Algorithms\n\nCategory: dsa\n\n## list-vs-tuple\n\n\
         Question: Explain the difference between a list and a tuple. Why would you choose one over the other?\n\
         Difficulty: easy\nTags: data-structures, built-ins\n\n### Answer\n\nLists are mutable, tuples are not.\n\n\
         ### Key points\n\n- Lists are mutable\n- Tuples are hashable\n- Tuples are fixed records\n\n\
         ### Explanation\n\n{explanation}\n\n### Example\n\n{example}\n\n\
         ### Follow-ups\n\n- **Hashable?** Tuples of hashables are.\n\n### Pitfalls\n\n- Thinking tuples are faster.\n"
    )
}

fn sample(code: &str, output: &str, flags: &str) -> String {
    format!("```python{flags}\n{code}\n```\n\n```output\n{output}\n```\n")
}

/// The cards (id, expected) built from one category file, or the errors.
fn build(text: &str) -> Result<Vec<(String, String)>, Vec<String>> {
    let dir = std::env::temp_dir().join(format!("pyprep-output-{}-{:x}", std::process::id(), fnv(text)));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy("content/README.md", dir.join("README.md")).unwrap();
    std::fs::write(dir.join("dsa.md"), text).unwrap();
    let result = content::load_dir(&PathBuf::from(&dir));
    let _ = std::fs::remove_dir_all(&dir);
    match result {
        Ok(deck) => Ok(deck
            .questions()
            .flat_map(|(_, q)| q.answer.as_ref().unwrap().outputs.clone())
            .map(|c| (c.id, c.expected))
            .collect()),
        Err(errors) => Err(errors.iter().map(ToString::to_string).collect()),
    }
}

fn fnv(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[test]
fn a_card_id_survives_edits_elsewhere_in_the_answer() {
    let a = sample("print(1 < 2)", "True", "");
    let b = sample("print([1] * 3)", "[1, 1, 1]", "");
    let c = sample("print('x')", "x", "");
    let before = build(&category(&format!("Some prose.\n\n{a}"), &b)).unwrap();
    assert_eq!(before.len(), 2);
    let id_a = before[0].0.clone();
    let id_b = before[1].0.clone();
    assert_eq!(id_a, card_id("list-vs-tuple", "print(1 < 2)\n"));
    assert!(id_a.starts_with("list-vs-tuple_out-") && id_a.len() == "list-vs-tuple_out-".len() + 8);
    // Another sample added before, prose edited, the two samples swapped
    // between sections: the ids stay.
    let after = build(&category(
        &format!("Other words entirely.\n\n{c}\n\nMore prose.\n\n{b}"),
        &format!("An intro.\n\n{a}"),
    ))
    .unwrap();
    let ids: Vec<&str> = after.iter().map(|(id, _)| id.as_str()).collect();
    assert!(ids.contains(&id_a.as_str()) && ids.contains(&id_b.as_str()), "{ids:?}");
    // One removed: the other keeps its id.
    let removed = build(&category("Only prose.", &b)).unwrap();
    assert_eq!(removed, vec![(id_b.clone(), "[1, 1, 1]".to_string())]);
    // Trailing spaces and blank lines in the code do not change it either.
    assert_eq!(card_id("q", "print(1)  \r\n\n"), card_id("q", "print(1)"));
    assert_ne!(card_id("q", "print(1)"), card_id("q", "print(2)"));
}

#[test]
fn deck_card_ids_are_unique_slugs_apart_from_every_question_id() {
    let cards = deck::output_cards();
    assert_eq!(cards.len(), 100, "predict-the-output cards in the deck");
    let mut seen = HashSet::new();
    for card in cards {
        assert!(seen.insert(card.id), "duplicate card id {}", card.id);
        assert!(deck::question(card.id).is_none(), "{} is a question id", card.id);
        assert!(card.id.starts_with(&format!("{}_out-", card.question)));
        assert!(card.question().is_some(), "{}", card.id);
        // Progress takes it (a bad id would be refused and nothing stored).
        let mut p = Progress::default();
        p.grade(card.id, Grade::Good, NOW);
        assert!(p.get(card.id).is_some(), "{}", card.id);
        let content = deck::answers::bundled_output(card.id).expect("its code and output are in its answer file");
        assert!(content.code.starts_with("<pre class=\"code lang-python\">"));
    }
    assert!(deck::questions().iter().all(|q| !q.id.contains('_')));
    let known = deck::known_ids();
    assert_eq!(known.len(), deck::questions().len() + cards.len());
}

#[test]
fn the_build_checks_the_flags_and_duplicates() {
    let err = |text: &str| build(text).expect_err("rejected").join("\n");
    let a = sample("print(1)", "1", "");
    assert!(
        err(&category(&a, &a)).contains("same as the one at line"),
        "duplicate code"
    );
    let gated = sample("print(1)", "1", " min-python=3.12");
    assert!(err(&category("Prose.", &gated)).contains("mark it no-predict"));
    let marked = sample("print(1)", "1", " min-python=3.12 no-predict=new in 3.12");
    assert_eq!(build(&category("Prose.", &marked)).unwrap(), vec![]);
    let unknown = sample("print(1)", "1", " fast=yes");
    assert!(err(&category("Prose.", &unknown)).contains("unknown flag `fast`"));
    let lonely = "```python no-predict=why\nx = 1\n```";
    assert!(err(&category("Prose.", lonely)).contains("no-predict is for a sample with an output block"));
    let empty = sample("print(1)", "1", " no-predict=");
    assert!(err(&category("Prose.", &empty)).contains("needs a reason"));
}

#[test]
fn flags_read_like_the_sample_runner() {
    let f = parse_flags("python min-python=3.12 no-predict=needs 3.12, min-python=3.11 is older").unwrap();
    assert_eq!(f.min_python.as_deref(), Some("3.12"));
    assert_eq!(f.no_predict.as_deref(), Some("needs 3.12, min-python=3.11 is older"));
    assert_eq!(
        parse_flags("python no-run=needs torch").unwrap().no_run.as_deref(),
        Some("needs torch")
    );
    assert!(parse_flags("python min-python=three").is_err());
    assert!(parse_flags("python no-run=x no-predict=y").is_err());
    assert_eq!(parse_flags("python").unwrap(), Default::default());
}

#[test]
fn the_deck_marks_every_unpinned_sample() {
    let d = content::load_dir(&PathBuf::from("content")).unwrap();
    let answers: Vec<_> = d.questions().filter_map(|(_, q)| q.answer.as_ref()).collect();
    let cards: usize = answers.iter().map(|a| a.outputs.len()).sum();
    let excluded: usize = answers.iter().map(|a| a.excluded_outputs).sum();
    assert_eq!((cards, excluded), (100, 35));
    // No numpy, pandas or scikit-learn output is offered.
    for card in d.categories.iter().filter(|c| c.id == "ml").flat_map(|c| &c.questions) {
        for out in &card.answer.as_ref().unwrap().outputs {
            assert!(
                !out.code_html.contains("numpy") && !out.code_html.contains("sklearn"),
                "{}",
                out.id
            );
        }
    }
}

#[test]
fn an_exact_prediction_matches_every_line() {
    let c = compare("a\nb", "a\nb\n");
    assert!(c.is_exact());
    assert_eq!(c.matched(), 2);
    assert_eq!(suggest_output_grade(&c, Some(100)), Grade::Good);
    assert_eq!(suggest_output_grade(&c, Some(10)), Grade::Easy);
    assert_eq!(suggest_output_grade(&c, None), Grade::Good);
}

#[test]
fn trailing_spaces_blank_lines_and_crlf_are_ignored() {
    assert!(compare("a  \r\nb\t\r\n\r\n\n", "a\nb").is_exact());
    assert!(compare("x\ry", "x\ny").is_exact());
    // Leading spaces count: they are part of what is printed.
    assert!(!compare(" a", "a").is_exact());
    // Nothing printed, nothing predicted.
    assert!(compare("\n\n", "").is_exact());
}

#[test]
fn missing_extra_and_differing_lines_are_told_apart() {
    let c = compare("1\n3", "1\n2\n3");
    assert_eq!(
        c.lines,
        vec![
            LineCheck::Same("1".into()),
            LineCheck::Missing("2".into()),
            LineCheck::Same("3".into())
        ]
    );
    let c = compare("1\n2\n2.5\n3", "1\n2\n3");
    assert_eq!(c.lines[2], LineCheck::Extra("2.5".into()));
    let c = compare("1\nTwo\n3", "1\n2\n3");
    assert_eq!(
        c.lines[1],
        LineCheck::Differs {
            expected: "2".into(),
            predicted: "Two".into()
        }
    );
    assert_eq!(suggest_output_grade(&c, Some(1)), Grade::Hard);
    let c = compare("", "1\n2");
    assert_eq!(
        c.lines,
        vec![LineCheck::Missing("1".into()), LineCheck::Missing("2".into())]
    );
    assert_eq!(suggest_output_grade(&c, None), Grade::Again);
    let c = compare("x\ny\nz", "a\nb\nc");
    assert_eq!(c.matched(), 0);
    assert_eq!(suggest_output_grade(&c, None), Grade::Again);
    // Long outputs are compared by position, without a quadratic table.
    let long: String = (0..1000).map(|i| format!("{i}\n")).collect();
    let c = compare(&long.replace("500\n", "five hundred\n"), &long);
    assert_eq!(c.matched(), 999);
    assert_eq!(suggest_output_grade(&c, None), Grade::Hard);
}

#[test]
fn a_code_session_shows_due_cards_then_new_ones_within_the_daily_limit() {
    let cards = deck::output_cards();
    let mut p = Progress::default();
    let first = cards[0].id;
    p.grade(first, Grade::Again, NOW - 86_400_000);
    let daily = output_queue(cards, &p, &OutputScope::Daily(Scope::default()), NOW, 0);
    assert_eq!(daily[0], first, "the due card first");
    let limit = p.settings.daily_new_limit as usize;
    assert_eq!(daily.len(), 1 + limit);
    let web = output_queue(
        cards,
        &p,
        &OutputScope::Daily(Scope {
            categories: vec!["web".into()],
        }),
        NOW,
        0,
    );
    assert!(web.iter().all(|id| deck::output_card(id).unwrap().category() == "web"));
    let listed = output_queue(cards, &p, &OutputScope::Questions(vec!["stack-and-queue"]), NOW, 0);
    assert!(!listed.is_empty() && listed.iter().all(|id| id.starts_with("stack-and-queue_out-")));
    assert_eq!(
        output_queue(cards, &p, &OutputScope::Single(first), NOW, 0),
        vec![first]
    );
}

#[test]
fn progress_keeps_card_ids_through_save_load_import_and_merge() {
    let card = deck::output_cards()[3].id;
    let mut p = Progress::default();
    p.grade("list-vs-tuple", Grade::Good, NOW);
    p.grade(card, Grade::Hard, NOW + 1);
    p.toggle_bookmark(card, NOW + 2);

    // Stored and loaded back: kept, not salvaged or dropped.
    match progress::load(Some(&p.to_json())) {
        LoadOutcome::Loaded(back) => assert_eq!(back, p),
        _ => panic!("stored progress with card ids must load as it is"),
    }
    let mut kv = MemoryStore::default();
    save_stored(&mut kv, "python", &p, NOW).expect("saved");
    let loaded = load_stored(&mut kv, "python", NOW);
    assert!(loaded.problem.is_none());
    assert_eq!(loaded.progress.get(card), p.get(card));

    // Exported and imported: a known id, kept.
    let file = progress::export_json(&p, NOW);
    let preview = progress::parse_import(&file, &deck::known_ids()).expect("imports");
    assert_eq!(preview.summary.unknown_ids, 0);
    assert_eq!(preview.progress.get(card), p.get(card));

    // Merged into a progress without it, and the other way round.
    let merged = Progress::default().merge(&p);
    assert_eq!(merged.get(card), p.get(card));
    let merged = p.merge(&Progress::default());
    assert_eq!(merged.get(card), p.get(card));
    let imported = Progress::default()
        .merge_import_checked(&preview.progress)
        .expect("within limits");
    assert_eq!(imported.get(card).map(|q| q.bookmarked), Some(true));
}

#[test]
fn progress_stored_before_code_cards_still_loads() {
    // The value the build before code cards stored after one grade.
    let old = r#"{"version":1,"generation":0,"questions":{"list-vs-tuple":{"card":{"due_ms":1800000600000,"stability":3.1262,"difficulty":5.314578,"elapsed_days":0,"scheduled_days":0,"reps":1,"lapses":0,"state":"learning","last_review_ms":1800000000000},"reviews":[{"at_ms":1800000000000,"grade":"good"}],"bookmarked":false,"note":"","updated_ms":1800000000000,"rev":1}},"settings":{"theme":"system","daily_new_limit":10,"new_order":"interleaved"},"settings_updated_ms":0,"settings_rev":0}"#;
    let mut p = Progress::default();
    p.grade("list-vs-tuple", Grade::Good, NOW);
    match progress::load(Some(old)) {
        LoadOutcome::Loaded(back) => assert_eq!(back, p),
        _ => panic!("old progress must load as it is"),
    }
    // And a code card graded on top of it is kept beside it.
    let mut kv = MemoryStore::default();
    kv.set("pyprep:python:v1", old).unwrap();
    let mut loaded = load_stored(&mut kv, "python", NOW).progress;
    let card = deck::output_cards()[0].id;
    loaded.grade(card, Grade::Good, NOW + 5);
    save_stored(&mut kv, "python", &loaded, NOW + 5).unwrap();
    let again = load_stored(&mut kv, "python", NOW + 6).progress;
    assert!(again.get("list-vs-tuple").is_some() && again.get(card).is_some());
}

#[test]
fn a_widget_with_mode_output_draws_the_cards_of_its_scope() {
    use pyprep::embed::{Mode, parse_config};
    let get = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string())
    };
    let config = parse_config(get(&[("mode", "output"), ("categories", "oop")])).unwrap();
    assert_eq!(config.mode, Mode::Output);
    assert_eq!(config.mode.as_str(), "output");
    assert_eq!(
        config.output_scope(),
        OutputScope::Daily(Scope {
            categories: vec!["oop".into()]
        })
    );
    let listed = parse_config(get(&[("mode", "output"), ("questions", "gil,slots")])).unwrap();
    assert_eq!(listed.output_scope(), OutputScope::Questions(vec!["gil", "slots"]));
    let bad = parse_config(get(&[("mode", "outputs")])).unwrap_err();
    assert!(bad[0].to_string().contains("card or output"));
}
