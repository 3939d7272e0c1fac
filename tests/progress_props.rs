//! Property tests of progress: decoding, import, grading, merging and the
//! stats never panic on any input and never make a value that fails to read
//! back; merging is commutative, associative and idempotent; export then
//! import is the identity. Bounded (256 cases each) in `cargo test`; `make
//! fuzz` runs the same checks on millions of inputs (the ignored test).

mod props;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::Instant;

use props::*;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, TestRunner};

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 256,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn decoding_and_importing_any_text(text in stored_text(), now in time()) {
        check_text(&text, now).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn any_run_of_edits_reads_back(ops in prop::collection::vec(op(), 0..24), now in time(), tz in -1000i32..1000) {
        check_ops(&ops, now, tz).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn merging_is_a_lattice_join(values in three()) {
        check_merge(&values).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn grading_is_total(card in any_card(), grade in prop::sample::select(pyprep::progress::Grade::ALL.to_vec()), now in time()) {
        check_card(&card, grade, now).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn stats_never_panic(p in progress(), now in any::<i64>(), tz in any::<i32>()) {
        stats_run(&p, now, tz);
    }
}

/// Runs `check` on `cases` values of `strategy`, counting panics and
/// violations instead of stopping at the first; prints the first of each.
fn run<S: Strategy>(name: &str, cases: u64, strategy: S, check: impl Fn(&S::Value) -> Result<(), String>) -> (u64, u64)
where
    S::Value: std::fmt::Debug,
{
    let mut runner = TestRunner::new(Config::default());
    let (mut panics, mut violations) = (0, 0);
    for _ in 0..cases {
        let value = strategy.new_tree(&mut runner).expect("a value").current();
        match catch_unwind(AssertUnwindSafe(|| check(&value))) {
            Ok(Ok(())) => {}
            Ok(Err(why)) => {
                if violations == 0 {
                    eprintln!("{name}: first violation: {why}");
                }
                violations += 1;
            }
            Err(_) => {
                if panics == 0 {
                    eprintln!("{name}: first panic on {value:?}");
                }
                panics += 1;
            }
        }
    }
    println!("{name}: {cases} inputs, {panics} panics, {violations} violations");
    (panics, violations)
}

/// `make fuzz`: the checks above on `PYPREP_FUZZ_CASES` inputs in all
/// (default 2 000 000), split between them.
#[test]
#[ignore = "long: run by `make fuzz`"]
fn fuzz() {
    let total: u64 = std::env::var("PYPREP_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(2_000_000);
    std::panic::set_hook(Box::new(|_| {}));
    let started = Instant::now();
    let share = total / 10;
    let grades = prop::sample::select(pyprep::progress::Grade::ALL.to_vec());
    let results = [
        run("decode+import", 4 * share, (stored_text(), time()), |(t, now)| {
            check_text(t, *now)
        }),
        run(
            "edits+stats",
            2 * share,
            (prop::collection::vec(op(), 0..24), time(), any::<i32>()),
            |(ops, now, tz)| check_ops(ops, *now, *tz),
        ),
        run("merge", share, three(), check_merge),
        run(
            "grade",
            total - 7 * share,
            (any_card(), grades, time()),
            |(c, g, now)| check_card(c, *g, *now),
        ),
    ];
    let _ = std::panic::take_hook();
    let (panics, violations) = results.iter().fold((0, 0), |(p, v), (a, b)| (p + a, v + b));
    println!(
        "fuzz: {total} inputs in {:.0?}, {panics} panics, {violations} property violations",
        started.elapsed()
    );
    assert_eq!((panics, violations), (0, 0));
}
