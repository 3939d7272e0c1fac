//! Ranked search, typo matching, highlight ranges, snippets and inline-code
//! titles; custom-study queues and the extra new cards of a day.

use pyprep::deck::{Answer, Difficulty, Question};
use pyprep::progress::{Grade, Progress};
use pyprep::session::{
    ExtraNew, Field, Filter, PracticeScope, Scope, SearchIndex, Study, marks, pieces, practice_queue, sentence_around,
    snippet, study_queue,
};

const T0: i64 = 1_710_072_000_000;
const DAY: i64 = 86_400_000;

fn q(id: &'static str, text: &'static str, tags: &'static [&'static str]) -> Question {
    Question {
        id,
        category: "dsa",
        number: 1,
        text,
        text_html: text,
        difficulty: Difficulty::Easy,
        tags,
    }
}

/// rest: "dictionary" only deep in the answer; short: in the short answer;
/// title: in the question text; typo: nowhere but one edit away.
fn deck() -> &'static [Question] {
    Box::leak(
        vec![
            q("rest", "How do hash maps work?", &["hashing"]),
            q("short", "What is a mapping type?", &["hashing", "built-ins"]),
            q("title", "What is a dictionary in Python?", &["built-ins"]),
            q("self", "Explain the `self` keyword in classes.", &["oop"]),
            q("other", "What is a tuple?", &[]),
        ]
        .into_boxed_slice(),
    )
}

fn answer(q: &Question) -> Option<Answer> {
    let (short, explanation) = match q.id {
        "rest" => (
            "<p>They hash keys into buckets.</p>",
            "<p>Collisions are chained. Python's <code>dict</code> is a dictionary built on open addressing. It resizes.</p>",
        ),
        "short" => (
            "<p>A dictionary is the built-in mapping type.</p>",
            "<p>See abc.Mapping.</p>",
        ),
        "title" => (
            "<p>A mutable mapping from keys to values.</p>",
            "<p>Ordered since 3.7.</p>",
        ),
        "self" => ("<p>The instance the method was called on.</p>", "<p>Bound methods.</p>"),
        _ => ("<p>An immutable sequence.</p>", "<p>Hashable when its items are.</p>"),
    };
    Some(Answer {
        short: short.into(),
        key_points: vec![],
        explanation: explanation.into(),
        example: String::new(),
        follow_ups: String::new(),
        pitfalls: String::new(),
    })
}

fn index() -> SearchIndex {
    SearchIndex::new(deck(), |q| answer(q).map(std::rc::Rc::new))
}

fn search(index: &SearchIndex, query: &str) -> Vec<&'static str> {
    let filter = Filter {
        query: query.into(),
        ..Filter::default()
    };
    index.rank(&Progress::default(), &filter, T0).ids()
}

#[test]
fn title_hits_rank_first_then_the_short_answer_then_the_rest() {
    let index = index();
    assert_eq!(search(&index, "dictionary"), ["title", "short", "rest"]);
    assert_eq!(search(&index, "DICTIONARY"), ["title", "short", "rest"], "any case");
    assert_eq!(
        search(&index, ""),
        ["rest", "short", "title", "self", "other"],
        "deck order"
    );
    // Every term must match somewhere; the title outweighs the answer.
    assert_eq!(search(&index, "mapping keys"), ["title"]);
}

#[test]
fn a_whole_word_outranks_a_prefix_in_the_same_field() {
    let index = index();
    // "hash" is a whole word in rest's short answer, a prefix ("hashable") in other's.
    let found = search(&index, "hash");
    assert_eq!(found[0], "rest");
    assert!(found.contains(&"other"));
}

#[test]
fn one_typo_in_a_long_term_still_finds_it() {
    let index = index();
    assert_eq!(search(&index, "dictonary"), ["title", "short", "rest"], "insertion");
    assert_eq!(
        search(&index, "dicitonary"),
        ["title", "short", "rest"],
        "transposition"
    );
    assert_eq!(search(&index, "dictiomary"), ["title", "short", "rest"], "substitution");
    assert_eq!(search(&index, "dictionnary"), ["title", "short", "rest"], "deletion");
    assert_eq!(search(&index, "dictonar"), ["title", "short", "rest"], "while typing");
    assert!(search(&index, "dctonary").is_empty(), "two edits");
    assert!(search(&index, "tupel").contains(&"other"), "five letters get a typo");
    assert!(search(&index, "tupl").contains(&"other"), "a prefix");
    assert!(search(&index, "tpule").contains(&"other"));
    assert!(search(&index, "slef").is_empty(), "four letters get no typo");
}

#[test]
fn highlight_ranges_and_snippets() {
    let index = index();
    let terms = index.terms("dictionary");
    let title = "What is a dictionary in Python?";
    assert_eq!(marks(&terms, title), vec![(10..20)]);
    let ranked = index.rank(
        &Progress::default(),
        &Filter {
            query: "dictionary".into(),
            ..Filter::default()
        },
        T0,
    );
    let snip = |id: &str| {
        let found = ranked.found.iter().find(|f| f.question.id == id).unwrap();
        snippet(&index, found, &ranked.terms)
    };
    assert_eq!(snip("title"), None, "the title shows why");
    let short = snip("short").unwrap();
    assert_eq!(short.field, Field::Short);
    assert_eq!(short.text, "A dictionary is the built-in mapping type.");
    assert_eq!(short.marks, vec![(2..12)]);
    let rest = snip("rest").unwrap();
    assert_eq!(rest.field, Field::Rest);
    assert_eq!(rest.text, "…Python's dict is a dictionary built on open addressing.");
    assert_eq!(&rest.text[rest.marks[0].clone()], "dictionary");
    // A typo marks the whole word it matched.
    let typo = index.terms("dictonary");
    assert!(typo[0].typo);
    assert_eq!(marks(&typo, title), vec![(10..20)]);
    // Several terms, several hits in a word, touching hits merged.
    let two = index.terms("is what");
    assert_eq!(marks(&two, title), [0..4, 5..7]);
}

#[test]
fn long_sentences_are_cut_around_the_hit() {
    let text = format!("{} needle {}", "word ".repeat(60), "more ".repeat(60));
    let at = text.find("needle").unwrap();
    let (start, end) = sentence_around(&text, at);
    assert!(start <= at && at + 6 <= end);
    assert!(end - start <= pyprep::session::SNIPPET_MAX);
    assert_eq!(sentence_around("One. Two three. Four", 6), (5, 15));
    assert_eq!(sentence_around("é.", 0), (0, 3));
}

#[test]
fn titles_cut_into_code_and_marked_pieces() {
    let title = "Explain the `self` keyword";
    let parts: Vec<(&str, bool, bool)> = pieces(title, &[]).iter().map(|p| (p.text, p.code, p.marked)).collect();
    assert_eq!(
        parts,
        [
            ("Explain the ", false, false),
            ("self", true, false),
            (" keyword", false, false)
        ]
    );
    let marked: Vec<(&str, bool, bool)> = pieces(title, &[14..16, 19..22])
        .iter()
        .map(|p| (p.text, p.code, p.marked))
        .collect();
    assert_eq!(
        marked,
        [
            ("Explain the ", false, false),
            ("s", true, false),
            ("el", true, true),
            ("f", true, false),
            (" ", false, false),
            ("key", false, true),
            ("word", false, false)
        ]
    );
    let odd: Vec<&str> = pieces("a `b` c `d", &[]).iter().map(|p| p.text).collect();
    assert_eq!(odd, ["a ", "b", " c `d"], "an unpaired backtick stays");
}

#[test]
fn search_is_cheap_on_a_big_deck() {
    // 1,200 questions: building and one keystroke must not blow up (a
    // smoke check, not a timing; make bench measures).
    let many: Vec<Question> = (0..1200)
        .map(|_| q("x", "What is a dictionary in Python?", &[]))
        .collect();
    let many: &'static [Question] = Box::leak(many.into_boxed_slice());
    let index = SearchIndex::new(many, |q| answer(q).map(std::rc::Rc::new));
    assert_eq!(search(&index, "dictonary").len(), 1200);
}

fn graded() -> Progress {
    let mut p = Progress::default();
    p.grade("rest", Grade::Good, T0 - 30 * DAY);
    p.grade("short", Grade::Again, T0 - DAY);
    p.grade("title", Grade::Good, T0);
    p.toggle_bookmark("title", T0);
    p.toggle_bookmark("other", T0);
    p
}

#[test]
fn custom_study_queues() {
    let qs = deck();
    let p = graded();
    assert_eq!(study_queue(qs, &p, &Study::Bookmarked, T0), ["title", "other"]);
    // Due cards first (most overdue first), then the rest in deck order.
    let tag = study_queue(qs, &p, &Study::Tag("hashing".into()), T0);
    assert_eq!(tag, ["rest", "short"]);
    let ids = Study::Ids(vec!["other".into(), "nope".into(), "short".into(), "other".into()]);
    assert_eq!(
        study_queue(qs, &p, &ids, T0),
        ["short", "other"],
        "due first, unknown and repeats left out"
    );
    // Review ahead: only cards not due yet, due within the window, soonest first.
    let title_due = p.get("title").unwrap().card.as_ref().unwrap().due_ms;
    let days = ((title_due - T0) / DAY + 1) as u32;
    assert_eq!(study_queue(qs, &p, &Study::Ahead(days), T0), ["title"]);
    assert!(study_queue(qs, &Progress::default(), &Study::Ahead(7), T0).is_empty());
    // A custom scope keeps its order and every card, due or not.
    let scope = PracticeScope::Custom {
        ids: vec!["title", "other"],
        since_ms: T0 + 1,
    };
    assert_eq!(practice_queue(qs, &p, &scope, T0 + 1, 0), ["title", "other"]);
    // Once graded in the session, a card leaves it: a finished session is done.
    let mut later = p.clone();
    later.grade("other", Grade::Good, T0 + 2);
    assert_eq!(practice_queue(qs, &later, &scope, T0 + 3, 0), ["title"]);
}

#[test]
fn study_urls_round_trip_and_bad_ones_are_refused() {
    for study in [
        Study::Bookmarked,
        Study::Tag("scikit learn&co".into()),
        Study::Ids(vec!["a".into(), "b-c".into()]),
        Study::Ahead(3),
    ] {
        assert_eq!(Study::from_query(&study.to_query()), Some(study.clone()), "{study:?}");
        assert!(!study.label().is_empty());
    }
    for bad in [
        "",
        "study=",
        "study=tag",
        "study=ahead&days=0",
        "study=ahead&days=-1",
        "study=ahead&days=x",
        "study=ids&ids=,",
        "study=what",
    ] {
        assert_eq!(Study::from_query(bad), None, "{bad}");
    }
}

#[test]
fn extra_new_cards_count_for_their_day_only() {
    let day = 19_792;
    assert_eq!(ExtraNew::on(None, day), 0);
    let raised = ExtraNew::raised(None, day, 5);
    assert_eq!(raised, ExtraNew { day, count: 5 });
    let stored = raised.encode();
    assert_eq!(ExtraNew::on(Some(&stored), day), 5);
    assert_eq!(ExtraNew::on(Some(&stored), day + 1), 0, "tomorrow is a new day");
    assert_eq!(ExtraNew::raised(Some(&stored), day, 3).count, 8, "raises add up");
    assert_eq!(ExtraNew::raised(Some(&stored), day + 1, 3).count, 3);
    assert_eq!(
        ExtraNew::raised(Some(&stored), day, u32::MAX).count,
        pyprep::session::MAX_EXTRA_NEW
    );
    for bad in ["", "x:1", "1:x", "1", "1:-2"] {
        assert_eq!(ExtraNew::on(Some(bad), 1), 0, "{bad}");
    }
}

#[test]
fn extra_new_cards_raise_todays_allowance_only() {
    let qs = deck();
    let mut p = Progress::default();
    p.settings.daily_new_limit = 1;
    let daily = PracticeScope::Daily(Scope::default());
    assert_eq!(practice_queue(qs, &p, &daily, T0, 0).len(), 1);
    let plus = PracticeScope::DailyPlus {
        scope: Scope::default(),
        extra_new: 2,
    };
    assert_eq!(practice_queue(qs, &p, &plus, T0, 0).len(), 3);
    assert_eq!(p.settings.daily_new_limit, 1, "the setting is untouched");
}
