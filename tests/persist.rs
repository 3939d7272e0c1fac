//! The storage policy over an in-memory store: backups, quota errors,
//! unreadable values, two writers, and never writing what cannot be read back.

use pyprep::progress::{
    Grade, LoadProblem, MemoryStore, Progress, StoreError, backup_key, load_stored, save_stored, storage_key, stored,
};

/// 2024-03-10T12:00:00Z.
const T0: i64 = 1_710_072_000_000;
const NS: &str = "python";

#[test]
fn nothing_stored_loads_empty_and_a_save_reads_back() {
    let mut kv = MemoryStore::default();
    let loaded = load_stored(&mut kv, NS, T0);
    assert_eq!((loaded.progress, loaded.problem), (Progress::default(), None));
    assert!(kv.values.is_empty(), "the probe key is removed again");
    let mut p = Progress::default();
    p.grade("gil", Grade::Good, T0);
    assert_eq!(save_stored(&mut kv, NS, &p, T0), Ok((p.clone(), true)));
    assert_eq!(
        save_stored(&mut kv, NS, &p, T0),
        Ok((p.clone(), false)),
        "unchanged: no write"
    );
    assert_eq!(load_stored(&mut kv, NS, T0).progress, p);
}

#[test]
fn two_writers_lose_nothing() {
    let mut kv = MemoryStore::default();
    let mut a = Progress::default();
    a.grade("a", Grade::Good, T0);
    let mut b = Progress::default();
    b.grade("b", Grade::Hard, T0 + 1);
    save_stored(&mut kv, NS, &a, T0).unwrap();
    let (merged, wrote) = save_stored(&mut kv, NS, &b, T0).unwrap();
    assert!(wrote);
    assert!(merged.get("a").is_some() && merged.get("b").is_some());
    assert_eq!(stored(&kv, NS), Some(merged));
}

#[test]
fn an_unreadable_value_is_backed_up_once_and_the_key_freed() {
    let mut kv = MemoryStore::default();
    kv.values.insert(storage_key(NS), "{not json".into());
    let loaded = load_stored(&mut kv, NS, T0);
    let Some(LoadProblem::Unreadable {
        raw,
        backup_key: Some(key),
        ..
    }) = loaded.problem
    else {
        panic!("expected an unreadable value with a backup: {:?}", loaded.problem)
    };
    assert_eq!(raw, "{not json");
    assert_eq!(key, backup_key(NS, T0));
    assert_eq!(kv.values.get(&key).map(String::as_str), Some("{not json"));
    assert!(!kv.values.contains_key(&storage_key(NS)), "the main key is freed");
    // The same bad value again at the same time finds its backup, not a new key.
    kv.values.insert(storage_key(NS), "{not json".into());
    load_stored(&mut kv, NS, T0);
    assert_eq!(kv.values.keys().filter(|k| k.contains(":backup:")).count(), 1);
    // A different bad value at that time gets the next key; none is overwritten.
    kv.values.insert(storage_key(NS), "[]".into());
    load_stored(&mut kv, NS, T0);
    assert_eq!(kv.values.get(&backup_key(NS, T0 + 1)).map(String::as_str), Some("[]"));
    assert_eq!(
        kv.values.get(&backup_key(NS, T0)).map(String::as_str),
        Some("{not json")
    );
}

#[test]
fn a_bad_value_that_cannot_be_backed_up_is_left_alone() {
    let mut kv = MemoryStore {
        quota_bytes: Some(30),
        ..MemoryStore::default()
    };
    kv.values.insert(storage_key(NS), "{bad".into());
    let loaded = load_stored(&mut kv, NS, T0);
    assert!(matches!(
        loaded.problem,
        Some(LoadProblem::Unreadable { backup_key: None, .. })
    ));
    assert_eq!(kv.values.get(&storage_key(NS)).map(String::as_str), Some("{bad"));
    // Saving must not overwrite it either: the backup fails first.
    let mut p = Progress::default();
    p.grade("gil", Grade::Good, T0);
    assert_eq!(save_stored(&mut kv, NS, &p, T0), Err(StoreError::Full));
    assert_eq!(kv.values.get(&storage_key(NS)).map(String::as_str), Some("{bad"));
}

#[test]
fn a_full_or_unreadable_store_is_reported() {
    let mut full = MemoryStore {
        quota_bytes: Some(10),
        ..MemoryStore::default()
    };
    let loaded = load_stored(&mut full, NS, T0);
    assert_eq!(
        loaded.problem,
        Some(LoadProblem::Unavailable(StoreError::Full)),
        "the probe write fails"
    );
    let mut p = Progress::default();
    p.grade("gil", Grade::Good, T0);
    assert_eq!(save_stored(&mut full, NS, &p, T0), Err(StoreError::Full));
    let mut blocked = MemoryStore {
        fail_reads: true,
        ..MemoryStore::default()
    };
    assert_eq!(
        load_stored(&mut blocked, NS, T0).problem,
        Some(LoadProblem::Unavailable(StoreError::ReadFailed))
    );
    assert_eq!(save_stored(&mut blocked, NS, &p, T0), Err(StoreError::ReadFailed));
}

#[test]
fn a_value_that_would_not_read_back_is_never_written() {
    let mut kv = MemoryStore::default();
    let mut good = Progress::default();
    good.grade("gil", Grade::Good, T0);
    save_stored(&mut kv, NS, &good, T0).unwrap();
    let before = kv.values.clone();
    // A value built past the limits by hand (the editing functions cannot
    // make one): a generation above the largest, a note over the limit.
    let mut high = good.clone();
    high.generation = u64::MAX;
    assert_eq!(save_stored(&mut kv, NS, &high, T0), Err(StoreError::WouldNotReadBack));
    let mut long = good.clone();
    std::rc::Rc::make_mut(long.questions.get_mut("gil").unwrap()).note = "x".repeat(20_001);
    std::rc::Rc::make_mut(long.questions.get_mut("gil").unwrap()).rev += 1;
    assert_eq!(save_stored(&mut kv, NS, &long, T0), Err(StoreError::WouldNotReadBack));
    assert_eq!(kv.values, before, "the last good value is kept");
    assert_eq!(stored(&kv, NS), Some(good));
}
