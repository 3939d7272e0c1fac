//! One small sort for the whole app. The standard library's sorts are fast but
//! large, and each call site with its own element type and comparator gets its
//! own copy of them: 17 call sites cost about 47 KB of the wasm's code
//! (`make size`). Every list the app sorts is small (a card's reviews, the
//! deck's due cards, tags), so a heapsort through one `dyn` comparator per
//! element type is plenty: O(n log n), no allocation, a few hundred bytes.
//!
//! It is not stable: callers whose order of equal keys matters put the
//! tie-break in the key (see `session::queue::due_first`).

use std::cmp::Ordering;

/// Sorts `items` in place by `compare` (heapsort, not stable).
pub fn sort_by<T>(items: &mut [T], compare: &mut dyn FnMut(&T, &T) -> Ordering) {
    let len = items.len();
    for start in (0..len / 2).rev() {
        sift_down(items, start, len, compare);
    }
    for end in (1..len).rev() {
        items.swap(0, end);
        sift_down(items, 0, end, compare);
    }
}

/// Sorts `items` in place in their natural order (not stable; equal items of a
/// total order are interchangeable).
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, &mut |a: &T, b: &T| a.cmp(b));
}

/// Restores the max-heap property below `root` within `items[..end]`.
fn sift_down<T>(items: &mut [T], mut root: usize, end: usize, compare: &mut dyn FnMut(&T, &T) -> Ordering) {
    loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && compare(&items[child], &items[child + 1]) == Ordering::Less {
            child += 1;
        }
        if compare(&items[root], &items[child]) != Ordering::Less {
            return;
        }
        items.swap(root, child);
        root = child;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sorts_the_edge_cases() {
        for mut v in [vec![], vec![1], vec![2, 1], vec![1, 1, 1], vec![3, 1, 2, 3, 1]] {
            let mut want = v.clone();
            want.sort();
            sort(&mut v);
            assert_eq!(v, want);
        }
    }

    #[test]
    fn sorts_by_a_key_descending() {
        let mut v = vec![("b", 2), ("a", 1), ("c", 3)];
        sort_by(&mut v, &mut |x, y| y.1.cmp(&x.1));
        assert_eq!(v, [("c", 3), ("b", 2), ("a", 1)]);
    }

    proptest! {
        #[test]
        fn agrees_with_the_standard_sort(mut v in proptest::collection::vec(any::<(i16, u8)>(), 0..300)) {
            let mut want = v.clone();
            want.sort();
            sort(&mut v);
            prop_assert_eq!(v, want);
        }
    }
}
