//! Generators and property checks shared by the bounded property tests and
//! the long `make fuzz` run (`tests/progress_props.rs`). A check returns
//! `Err` with a description when a property is violated.

mod generate;

pub use generate::*;
use pyprep::deck;
use pyprep::progress::{Card, Grade, LoadOutcome, Progress, export_json, load, parse_import};
use pyprep::session::Scope;
use pyprep::stats;

/// The value stored for `p` loads as `p`, and its export imports as `p`.
pub fn round_trips(p: &Progress, now_ms: i64) -> Result<(), String> {
    let back = load(Some(&p.to_json()));
    if back != LoadOutcome::Loaded(p.clone()) {
        return Err(format!("stored value does not read back: {p:?} -> {back:?}"));
    }
    match parse_import(&export_json(p, now_ms), &[]) {
        Ok(preview) if preview.progress == *p => Ok(()),
        other => Err(format!("export does not import as itself: {p:?} -> {other:?}")),
    }
}

/// Every stats function runs on `p`.
pub fn stats_run(p: &Progress, now_ms: i64, tz: i32) {
    let questions = deck::questions();
    stats::mastery(questions, p, now_ms);
    stats::reviews_per_day(p, now_ms, tz, 30);
    stats::streak(p, now_ms, tz);
    stats::due_next_days(p, now_ms, tz, 14);
    stats::due_now(questions, p, &Scope { categories: vec![] }, now_ms);
}

/// Decoding and importing any text: what they accept reads back as itself.
pub fn check_text(text: &str, now_ms: i64) -> Result<(), String> {
    match load(Some(text)) {
        LoadOutcome::Loaded(p)
        | LoadOutcome::Migrated { progress: p, .. }
        | LoadOutcome::Salvaged { progress: p, .. } => round_trips(&p, now_ms)?,
        LoadOutcome::Empty | LoadOutcome::Unreadable { .. } => {}
    }
    match parse_import(text, &["a"]) {
        Ok(preview) => round_trips(&preview.progress, now_ms),
        Err(e) if e.to_string().is_empty() => Err("an import error without a message".into()),
        Err(_) => Ok(()),
    }
}

/// Operations never make a value that fails to read back; stats run on it.
pub fn check_ops(ops: &[Op], now_ms: i64, tz: i32) -> Result<(), String> {
    let mut p = Progress::default();
    for op in ops {
        apply(&mut p, op);
    }
    stats_run(&p, now_ms, tz);
    round_trips(&p, now_ms).map_err(|e| format!("after {ops:?}: {e}"))
}

/// Merging is commutative, associative and idempotent, and its result reads back.
pub fn check_merge([a, b, c]: &[Progress; 3]) -> Result<(), String> {
    let ab = a.merge(b);
    if ab != b.merge(a) {
        return Err(format!("not commutative: {a:?} {b:?}"));
    }
    if ab.merge(c) != a.merge(&b.merge(c)) {
        return Err(format!("not associative: {a:?} {b:?} {c:?}"));
    }
    if a.merge(a) != *a || ab.merge(&ab) != ab {
        return Err(format!("not idempotent: {a:?}"));
    }
    round_trips(&ab.merge(c), T0)
}

/// Grading any card, with any grade, at any clock, gives a card the validator accepts.
pub fn check_card(card: &Card, grade: Grade, now_ms: i64) -> Result<(), String> {
    let next = card.next(grade, now_ms);
    let mut p = Progress::default();
    std::rc::Rc::make_mut(p.questions.entry("a".into()).or_default()).card = Some(next.clone());
    round_trips(&p, now_ms).map_err(|e| format!("{card:?} {grade:?} at {now_ms}: {next:?}: {e}"))
}
