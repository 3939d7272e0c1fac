//! Generators of inputs: clock readings, ids, edits, progress values, cards,
//! and stored or imported text (mostly progress-shaped, some of it broken).

use proptest::prelude::*;
use pyprep::progress::{Card, CardState, Grade, Progress, Settings, Theme, limits, parse_import};
use serde_json::{Map, Value, json};

/// 2024-03-10T12:00:00Z.
pub const T0: i64 = 1_710_072_000_000;
const YEAR: i64 = 365 * 86_400_000;

/// Clock readings: ordinary ones near T0, and every edge (before 1970, the
/// year 3000, chrono's limit near 8.2e15, JS's 8.64e15, the ends of i64).
pub fn time() -> BoxedStrategy<i64> {
    prop_oneof![
        4 => (T0 - 2 * YEAR)..(T0 + 2 * YEAR),
        1 => prop::sample::select(vec![
            0, -1, 1, limits::MAX_TIME_MS, limits::MAX_TIME_MS + 1, 8_200_000_000_000_000,
            8_210_266_876_799_999 - 86_400_000, 8_210_266_876_799_999,
            8_210_000_000_000_000, 8_640_000_000_000_000, 8_640_000_000_000_001, i64::MIN, i64::MAX,
        ]),
        1 => any::<i64>(),
        1 => -10_000_000_000_000_000i64..10_000_000_000_000_000,
    ]
    .boxed()
}

/// Question ids: mostly a few slugs (so that entries meet in merges), some
/// other slugs, some strings that are no ids at all.
pub fn id() -> BoxedStrategy<String> {
    prop_oneof![
        6 => prop::sample::select(vec!["a", "b", "gil", "list-vs-tuple"]).prop_map(String::from),
        1 => "[a-z0-9][a-z0-9_-]{0,6}",
        1 => ".{0,6}",
        1 => Just("a".repeat(101)),
    ]
    .boxed()
}

fn note() -> BoxedStrategy<String> {
    prop_oneof![8 => ".{0,12}", 1 => Just("é".repeat(limits::MAX_NOTE_CHARS + 1))].boxed()
}

fn grade() -> BoxedStrategy<Grade> {
    prop::sample::select(Grade::ALL.to_vec()).boxed()
}

fn theme() -> BoxedStrategy<Theme> {
    prop::sample::select(vec![Theme::System, Theme::Light, Theme::Dark]).boxed()
}

/// One thing a learner (or a file, or another tab) can do.
#[derive(Clone, Debug)]
pub enum Op {
    Grade(String, Grade, i64),
    Note(String, String, i64),
    Bookmark(String, i64),
    Settings(Theme, u32, i64),
    Reset,
    /// Grade, then undo that grade.
    GradeUndone(String, Grade, i64),
    /// Import "replace" of an empty file of this generation.
    Replace(u64),
    /// Import of this text, merged (`false`) or replacing (`true`).
    Import(String, bool),
}

pub fn op() -> BoxedStrategy<Op> {
    prop_oneof![
        8 => (id(), grade(), time()).prop_map(|(i, g, t)| Op::Grade(i, g, t)),
        2 => (id(), note(), time()).prop_map(|(i, n, t)| Op::Note(i, n, t)),
        2 => (id(), grade(), time()).prop_map(|(i, g, t)| Op::GradeUndone(i, g, t)),
        2 => (id(), time()).prop_map(|(i, t)| Op::Bookmark(i, t)),
        1 => (theme(), any::<u32>(), time()).prop_map(|(th, n, t)| Op::Settings(th, n, t)),
        1 => Just(Op::Reset),
        1 => prop_oneof![Just(limits::MAX_GENERATION), Just(1_000_000), any::<u64>()].prop_map(Op::Replace),
        1 => (stored_text(), any::<bool>()).prop_map(|(t, r)| Op::Import(t, r)),
    ]
    .boxed()
}

/// Applies an operation the way the app does.
pub fn apply(p: &mut Progress, op: &Op) {
    match op {
        Op::Grade(id, g, t) => p.grade(id, *g, *t),
        Op::Note(id, n, t) => p.set_note(id, n, *t),
        Op::GradeUndone(id, g, t) => {
            let before = p.get(id).cloned();
            p.grade(id, *g, *t);
            p.undo_grade(id, before.as_ref(), *t);
        }
        Op::Bookmark(id, t) => p.toggle_bookmark(id, *t),
        Op::Settings(theme, n, t) => p.set_settings(
            Settings {
                theme: *theme,
                daily_new_limit: *n,
                ..Settings::default()
            },
            *t,
        ),
        Op::Reset => *p = p.reset(),
        Op::Replace(generation) => {
            let file = Progress {
                generation: *generation,
                ..Progress::default()
            };
            *p = p.replaced_by(file);
        }
        Op::Import(text, replace) => {
            if let Ok(preview) = parse_import(text, &["a", "gil"]) {
                if *replace {
                    *p = p.replaced_by(preview.progress);
                } else if let Ok(merged) = p.merge_import_checked(&preview.progress) {
                    *p = merged;
                }
            }
        }
    }
}

/// A progress built by a run of operations from nothing.
pub fn progress() -> BoxedStrategy<Progress> {
    prop::collection::vec(op(), 0..12)
        .prop_map(|ops| {
            let mut p = Progress::default();
            ops.iter().for_each(|op| apply(&mut p, op));
            p
        })
        .boxed()
}

/// Three values that share a history (same generation, same entries), then
/// went their own ways, as in three tabs.
pub fn three() -> BoxedStrategy<[Progress; 3]> {
    let ops = || prop::collection::vec(op(), 0..6);
    (progress(), ops(), ops(), ops())
        .prop_map(|(base, x, y, z)| {
            [x, y, z].map(|ops| {
                let mut p = base.clone();
                ops.iter().for_each(|op| apply(&mut p, op));
                p
            })
        })
        .boxed()
}

/// A JSON value for a field: mostly `valid`, sometimes an edge number
/// (out of range for most fields), sometimes not a number at all.
fn field(valid: BoxedStrategy<Value>) -> BoxedStrategy<Value> {
    let edge = prop_oneof![
        time().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        prop::sample::select(vec![0.0, -0.0, 0.005, 0.5, 10.5, -1.0, 1e6, 1.5e6, 1e300]).prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
    ];
    let junk = prop::sample::select(vec![Value::Null, json!("7"), json!(true), json!([]), json!(1.5)]);
    prop_oneof![60 => valid, 2 => edge, 1 => junk].boxed()
}

fn ints(range: std::ops::Range<i64>) -> BoxedStrategy<Value> {
    field(range.prop_map(Value::from).boxed())
}

fn at() -> BoxedStrategy<Value> {
    ints((T0 - 2 * YEAR)..(T0 + 2 * YEAR))
}

fn floats(range: std::ops::Range<f64>, specials: Vec<f64>) -> BoxedStrategy<Value> {
    let valid =
        prop_oneof![4 => range.prop_map(Value::from), 1 => prop::sample::select(specials).prop_map(Value::from)];
    field(valid.boxed())
}

/// An object of `fields`, some of them left out now and then.
fn object(fields: Vec<(&'static str, BoxedStrategy<Value>)>, leave_out: u8) -> BoxedStrategy<Value> {
    let (names, values): (Vec<_>, Vec<_>) = fields.into_iter().unzip();
    (values, prop::collection::vec(any::<u8>(), names.len()))
        .prop_map(move |(values, dice)| {
            let map: Map<String, Value> = names
                .iter()
                .zip(values)
                .zip(dice)
                .filter(|(_, die)| *die >= leave_out)
                .map(|((name, value), _)| (name.to_string(), value))
                .collect();
            Value::Object(map)
        })
        .boxed()
}

fn card() -> BoxedStrategy<Value> {
    let state = prop::sample::select(vec!["new", "learning", "review", "relearning", "review", "lost"]);
    object(
        vec![
            ("due_ms", at()),
            (
                "stability",
                floats(0.01..2000.0, vec![0.0, 0.005, f64::MIN_POSITIVE, 1e6]),
            ),
            ("difficulty", floats(1.0..10.0, vec![0.0, 0.5, 1.0, 10.0])),
            ("elapsed_days", ints(-3..400)),
            ("scheduled_days", ints(0..400)),
            ("reps", ints(3..30)),
            ("lapses", ints(0..3)),
            ("state", field(state.prop_map(Value::from).boxed())),
            ("last_review_ms", at()),
        ],
        2,
    )
}

fn entry() -> BoxedStrategy<Value> {
    let grade = prop::sample::select(vec!["again", "hard", "good", "easy", "great"]).prop_map(Value::from);
    let review = object(vec![("at_ms", at()), ("grade", field(grade.boxed()))], 1);
    let bool = field(any::<bool>().prop_map(Value::from).boxed());
    object(
        vec![
            (
                "card",
                prop::option::of(card()).prop_map(|c| c.unwrap_or(Value::Null)).boxed(),
            ),
            (
                "reviews",
                prop::collection::vec(review, 0..4).prop_map(Value::from).boxed(),
            ),
            ("bookmarked", bool),
            ("note", field(note().prop_map(Value::from).boxed())),
            ("updated_ms", at()),
            ("rev", ints(0..5)),
        ],
        40,
    )
}

fn envelope() -> BoxedStrategy<Value> {
    let version = prop_oneof![8 => Just(json!(1)), 2 => Just(json!(0)), 1 => ints(2..3)];
    let theme = prop::sample::select(vec!["system", "light", "dark", "auto", "neon"]).prop_map(Value::from);
    let settings = object(
        vec![("theme", field(theme.boxed())), ("daily_new_limit", ints(0..1000))],
        20,
    );
    let v0card = object(
        vec![
            ("due", at()),
            ("stability", floats(0.01..100.0, vec![0.0])),
            ("difficulty", floats(1.0..10.0, vec![0.0])),
            ("reps", ints(0..5)),
            ("lapses", ints(0..2)),
            ("last_review", at()),
            ("starred", field(any::<bool>().prop_map(Value::from).boxed())),
            ("history", Just(json!([[T0, 3], [T0 + 1, 1]])).boxed()),
        ],
        40,
    );
    let questions = prop::collection::btree_map(id(), entry(), 0..6)
        .prop_map(|m| json!(m))
        .boxed();
    let cards = prop::collection::btree_map(id(), v0card, 0..4)
        .prop_map(|m| json!(m))
        .boxed();
    object(
        vec![
            ("version", version.boxed()),
            ("generation", ints(0..4)),
            ("questions", field(questions)),
            ("settings", settings),
            ("settings_updated_ms", at()),
            ("settings_rev", ints(0..4)),
            ("exported_at_ms", at()),
            ("cards", cards),
        ],
        30,
    )
}

/// Text as stored or imported: mostly progress-shaped JSON (some of it
/// broken), some of it cut short, some arbitrary.
pub fn stored_text() -> BoxedStrategy<String> {
    prop_oneof![
        6 => envelope().prop_map(|v| v.to_string()),
        1 => (envelope(), any::<prop::sample::Index>()).prop_map(|(v, at)| {
            let text = v.to_string();
            let cut = at.index(text.len() + 1);
            let cut = (0..=cut).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
            text[..cut].to_string()
        }),
        1 => ".{0,40}",
    ]
    .boxed()
}

/// An arbitrary card: any numbers at all, valid or not.
pub fn any_card() -> BoxedStrategy<Card> {
    let f = || prop_oneof![any::<f64>(), 0.0..12.0, Just(0.0), 0.0..2e6];
    let state = prop::sample::select(vec![
        CardState::New,
        CardState::Learning,
        CardState::Review,
        CardState::Relearning,
    ]);
    (
        time(),
        f(),
        f(),
        any::<i64>(),
        any::<i64>(),
        any::<u32>(),
        any::<u32>(),
        state,
        time(),
    )
        .prop_map(
            |(due_ms, stability, difficulty, elapsed_days, scheduled_days, reps, lapses, state, last_review_ms)| Card {
                due_ms,
                stability,
                difficulty,
                elapsed_days,
                scheduled_days,
                reps,
                lapses,
                state,
                last_review_ms,
            },
        )
        .boxed()
}
