//! Content checks: the bundled deck holds every seed question in its wording,
//! and content mistakes are reported with file and line.

use std::path::{Path, PathBuf};

use pyprep::content::{self, ContentError};
use pyprep::deck;

/// A fresh directory holding a README with the real tag vocabulary and the given files.
fn content_dir(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("pyprep-content-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy("content/README.md", dir.join("README.md")).unwrap();
    for (file, text) in files {
        std::fs::write(dir.join(file), text).unwrap();
    }
    dir
}

const ANSWERED: &str = "\
# Data Structures and Algorithms

Category: dsa

## list-vs-tuple

Question: Explain the difference between a list and a tuple. Why would you choose one over the other?
Difficulty: easy
Tags: data-structures, built-ins

### Answer

Lists are mutable, tuples are not.

### Key points

- Lists are mutable, tuples are not
- A tuple of hashables is hashable, so it can be a `dict` key
- I pick a tuple for a fixed record

### Explanation

Some `code` and a sample:

```python
print(1 < 2)
```

```output
True
```

### Follow-ups

- **Hashable?** Tuples of hashables are.

### Pitfalls

- Thinking tuples are always faster.

## stack-and-queue

Question: How do you implement a stack and a queue in Python?
Difficulty: medium
Tags:
";

fn errors_of(dir: &Path) -> Vec<ContentError> {
    content::load_dir(dir).expect_err("content should be rejected")
}

#[test]
fn every_seed_question_is_in_the_deck_in_order_and_wording() {
    let seed = std::fs::read_to_string("tests/fixtures/seed-questions.md").unwrap();
    let mut expected = Vec::new();
    let mut category = "";
    for line in seed.lines() {
        if let Some(title) = line.strip_prefix("## ") {
            category = deck::categories().iter().find(|c| c.title == title).expect(title).id;
        } else if let Some(rest) = line.strip_prefix("### ") {
            let (number, text) = rest.split_once(". ").unwrap();
            expected.push((category, number.parse::<usize>().unwrap(), text));
        }
    }
    let actual: Vec<_> = deck::questions()
        .iter()
        .map(|q| (q.category, q.number, q.text))
        .collect();
    assert_eq!(expected.len(), 120);
    assert_eq!(actual, expected);
    assert_eq!(deck::categories().len(), 6);
}

#[test]
fn ids_are_unique_slugs() {
    let mut ids: Vec<_> = deck::questions().iter().map(|q| q.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), deck::questions().len());
}

#[test]
fn a_valid_file_renders_sections_and_a_missing_answer_is_an_error() {
    let answered_only = &ANSWERED[..ANSWERED.find("## stack-and-queue").unwrap()];
    let dir = content_dir("valid", &[("dsa.md", answered_only)]);
    let deck = content::load_dir(&dir).unwrap();
    let (_, first) = deck.questions().next().unwrap();
    let answer = first.answer.as_ref().unwrap();
    assert_eq!(answer.short, "<p>Lists are mutable, tuples are not.</p>\n");
    assert!(
        answer
            .explanation
            .contains("<pre class=\"code lang-python\"><code><span class=\"hl-bi\">print</span>")
    );
    assert!(answer.explanation.contains("<samp>True</samp>"));
    assert!(answer.example.is_empty());
    let dir = content_dir("unanswered", &[("dsa.md", ANSWERED)]);
    let errors = content::load_dir(&dir).unwrap_err();
    assert_eq!(
        errors[0].to_string(),
        format!("{}:41: `stack-and-queue` has no answer", dir.join("dsa.md").display())
    );
}

#[test]
fn duplicate_id_is_reported_with_file_and_line() {
    let second = ANSWERED.replace("## stack-and-queue", "## list-vs-tuple");
    let dir = content_dir("dup", &[("dsa.md", &second)]);
    let errors = errors_of(&dir);
    assert_eq!(errors[0].line, 41, "{errors:?}");
    assert!(
        errors[0].message.starts_with("duplicate id `list-vs-tuple` (first at"),
        "{}",
        errors[0]
    );
    assert!(errors[0].to_string().contains("dsa.md:41:"));
}

#[test]
fn unknown_category_and_difficulty_and_tag_are_reported() {
    let text = ANSWERED
        .replace("Category: dsa", "Category: cooking")
        .replace("Difficulty: easy", "Difficulty: trivial")
        .replace("Tags: data-structures, built-ins", "Tags: data-structures, spaghetti");
    let dir = content_dir("unknown", &[("dsa.md", &text)]);
    let shown: Vec<String> = errors_of(&dir)
        .iter()
        .map(|e| format!("{}: {}", e.line, e.message))
        .collect();
    assert!(shown[0].starts_with("3: unknown category `cooking`"), "{shown:?}");
    assert!(
        shown.contains(&"8: unknown difficulty `trivial` (easy, medium, hard)".to_owned()),
        "{shown:?}"
    );
    assert!(shown.iter().any(|s| s.starts_with("9: tag `spaghetti`")), "{shown:?}");
}

#[test]
fn raw_html_images_and_unknown_languages_are_rejected() {
    let text = ANSWERED
        .replace("Lists are mutable", "Lists are <b>mutable</b>")
        .replace("- Thinking tuples", "- ![x](https://example.com/x.png) Thinking tuples")
        .replace("```output", "```rust")
        .replace("Some `code` and a sample:", "| | a |\n| --- | --- |\n| x | y |");
    let dir = content_dir("html", &[("dsa.md", &text)]);
    let shown: Vec<String> = errors_of(&dir)
        .iter()
        .map(|e| format!("{}: {}", e.line, e.message))
        .collect();
    assert!(
        shown
            .iter()
            .any(|s| s.starts_with("13: raw HTML is not allowed (`<b>`)")),
        "{shown:?}"
    );
    assert!(
        shown.iter().any(|s| s.starts_with("31: unknown code language `rust`")),
        "{shown:?}"
    );
    assert!(
        shown.iter().any(|s| s.starts_with("41: images are not allowed")),
        "{shown:?}"
    );
    assert!(
        shown.iter().any(|s| s.starts_with("23: empty table header cell")),
        "{shown:?}"
    );
}

#[test]
fn key_points_are_checked_for_count_length_and_markup() {
    let answered_only = &ANSWERED[..ANSWERED.find("## stack-and-queue").unwrap()];
    let answer = content::load_dir(&content_dir("kp", &[("dsa.md", answered_only)])).unwrap();
    let (_, first) = answer.questions().next().unwrap();
    assert_eq!(
        first.answer.as_ref().unwrap().key_points[1],
        "A tuple of hashables is hashable, so it can be a <code>dict</code> key"
    );
    let cases = [
        (
            "- I pick a tuple for a fixed record\n",
            "",
            "2 key points; write 3 to 5",
        ),
        (
            "- I pick a tuple for a fixed record",
            &format!("- {}", "x".repeat(101)),
            "at most 100 characters",
        ),
        (
            "- I pick a tuple for a fixed record",
            "- See [the docs](https://docs.python.org)",
            "plain text with `code` only",
        ),
        (
            "- I pick a tuple for a fixed record",
            "1. a numbered point",
            "a flat `- ` list",
        ),
    ];
    for (from, to, message) in cases {
        let text = ANSWERED.replace(from, to);
        let shown: Vec<String> = errors_of(&content_dir("kp-bad", &[("dsa.md", &text)]))
            .iter()
            .map(|e| format!("{}: {}", e.line, e.message))
            .collect();
        assert!(shown.iter().any(|s| s.contains(message)), "{message}: {shown:?}");
    }
    let missing = ANSWERED.replace("### Key points", "#### Key points");
    let errors = errors_of(&content_dir("kp-missing", &[("dsa.md", &missing)]));
    assert!(errors[0].message.contains("missing section `Key points`"), "{errors:?}");
}

#[test]
fn sections_out_of_order_or_missing_are_reported() {
    let swapped = ANSWERED
        .replace("### Follow-ups", "### Tmp")
        .replace("### Pitfalls", "### Follow-ups")
        .replace("### Tmp", "### Pitfalls");
    let dir = content_dir("order", &[("dsa.md", &swapped)]);
    assert!(
        errors_of(&dir)[0]
            .message
            .contains("missing section `Follow-ups` before `Pitfalls`"),
        "{:?}",
        errors_of(&dir)
    );
    let missing = ANSWERED.replace("### Follow-ups", "#### Follow-ups");
    let dir = content_dir("missing", &[("dsa.md", &missing)]);
    let errors = errors_of(&dir);
    let pitfalls_line = missing.lines().position(|l| l == "### Pitfalls").unwrap() + 1;
    assert_eq!(
        (errors[0].line, errors[0].message.as_str()),
        (
            pitfalls_line,
            "`list-vs-tuple`: missing section `Follow-ups` before `Pitfalls`"
        )
    );
}

/// The real thing: `cargo check` on this package with a broken content
/// directory fails, naming the file and line.
#[test]
fn broken_content_fails_the_build() {
    let text = ANSWERED.replace("## stack-and-queue", "## list-vs-tuple");
    let dir = content_dir("build", &[("dsa.md", &text)]);
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("broken-content");
    let output = std::process::Command::new(env!("CARGO"))
        .args(["check", "--quiet", "--lib", "--target-dir"])
        .arg(&target)
        .env("PYPREP_CONTENT_DIR", &dir)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "the build passed with broken content");
    let expected = format!(
        "error: {}:41: duplicate id `list-vs-tuple`",
        dir.join("dsa.md").display()
    );
    assert!(stderr.contains(&expected), "{stderr}");
}

/// Words of prose in an HTML fragment: code blocks left out, tags stripped.
fn prose_words(html: &str) -> usize {
    let mut text = String::new();
    let mut rest = html;
    while let Some(start) = rest.find("<pre") {
        text.push_str(&rest[..start]);
        rest = rest[start..].split_once("</pre>").map_or("", |(_, after)| after);
    }
    text.push_str(rest);
    let mut plain = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                plain.push(' ');
            }
            _ if !in_tag => plain.push(c),
            _ => {}
        }
    }
    plain
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

#[test]
fn every_answer_is_complete_and_the_substance_is_150_to_450_words() {
    for q in deck::questions() {
        let answer = deck::answers::bundled_answer(q.id).unwrap_or_else(|| panic!("{} has no answer", q.id));
        let words = prose_words(&answer.explanation) + prose_words(&answer.example);
        assert!(
            (150..=450).contains(&words),
            "{}: {words} words of explanation and example",
            q.id
        );
        let short = prose_words(&answer.short);
        assert!((15..=120).contains(&short), "{}: short answer of {short} words", q.id);
        assert!(
            answer.follow_ups.matches("<li>").count() >= 2,
            "{}: two or more follow-ups",
            q.id
        );
        assert!(answer.pitfalls.contains("<li>"), "{}: pitfalls are a list", q.id);
        assert!((2..=5).contains(&q.tags.len()), "{}: two to five tags", q.id);
        assert!(
            (3..=5).contains(&answer.key_points.len()),
            "{}: {} key points",
            q.id,
            answer.key_points.len()
        );
    }
}

#[test]
fn each_category_has_one_hashed_answer_file_that_reads_back() {
    for c in deck::categories() {
        assert!(
            c.answers_file.starts_with(&format!("answers/{}-", c.id)) && c.answers_file.ends_with(".json"),
            "{}",
            c.answers_file
        );
        let file = deck::answers::bundled(c.id);
        let count = deck::questions().iter().filter(|q| q.category == c.id).count();
        assert_eq!(file.len(), count, "{}: every question answered", c.id);
        let on_disk = std::fs::read_to_string(format!("target/answers/{}", c.answers_file))
            .unwrap_or_else(|e| panic!("{} was written by build.rs: {e}", c.answers_file));
        assert_eq!(deck::parse_answer_file(c.id, &on_disk).unwrap(), file);
    }
    let wrong = deck::parse_answer_file("dsa", r#"{"version":1,"category":"web","answers":{}}"#);
    assert!(matches!(wrong, Err(deck::AnswerFileError::WrongCategory { .. })));
    let missing = deck::parse_answer_file("dsa", r#"{"version":1,"category":"dsa","answers":{}}"#);
    assert!(matches!(missing, Err(deck::AnswerFileError::Missing(_))));
    assert!(deck::parse_answer_file("dsa", "{").is_err());
}

#[test]
fn each_category_has_one_hashed_code_file_that_reads_back_and_the_answer_file_has_no_code_cards() {
    for c in deck::categories() {
        assert!(
            c.code_file.starts_with(&format!("code/{}-", c.id)) && c.code_file.ends_with(".json"),
            "{}",
            c.code_file
        );
        let code = deck::answers::bundled_code(c.id);
        for card in deck::output_cards().iter().filter(|card| card.category() == c.id) {
            assert!(code.output(card.id).is_some(), "{}: {} in the code file", c.id, card.id);
        }
        let on_disk = std::fs::read_to_string(format!("target/answers/{}", c.code_file))
            .unwrap_or_else(|e| panic!("{} was written by build.rs: {e}", c.code_file));
        assert_eq!(deck::parse_code_file(c.id, &on_disk).unwrap(), code);
        // A question card never downloads the code cards' content.
        let answers = std::fs::read_to_string(format!("target/answers/{}", c.answers_file)).unwrap();
        assert!(
            !answers.contains("\"outputs\""),
            "{}: no outputs in the answer file",
            c.answers_file
        );
    }
    let cards = deck::output_cards()
        .iter()
        .find(|card| card.category() == "dsa")
        .is_some();
    let missing = deck::parse_code_file("dsa", r#"{"version":1,"category":"dsa","outputs":{}}"#);
    assert_eq!(matches!(missing, Err(deck::AnswerFileError::Missing(_))), cards);
    let wrong = deck::parse_code_file("dsa", r#"{"version":1,"category":"web","outputs":{}}"#);
    assert!(matches!(wrong, Err(deck::AnswerFileError::WrongCategory { .. })));
    assert!(matches!(
        deck::parse_code_file("dsa", r#"{"version":2,"category":"dsa","outputs":{}}"#),
        Err(deck::AnswerFileError::Version(2))
    ));
    assert!(deck::parse_code_file("dsa", "[").is_err());
}
