//! One stable sort for the whole library, written once so that the WebAssembly module carries it once.
//!
//! The standard library's sorts are generic over the element and the comparator: every call site brought its
//! own copy of `drift::sort`, `quicksort`, `stable_partition` and `smallsort` (about 20 instantiations, ~30 KB
//! before gzip). Here the comparison loop is a merge sort over indices that calls its comparator through
//! `&dyn Fn`, so it is compiled exactly once; the generic helpers only build that comparator and move the
//! elements into place.
//!
//! Every sort here is stable (equal elements keep their order) and O(n log n), as newsroom datasets can hold
//! thousands of targets.

use std::cmp::Ordering;

/// Length of the runs sorted by insertion before merging: short enough to stay cheap, long enough to save
/// the first merge passes.
const RUN: usize = 8;

/// The indices `0..n` in stable ascending order: `less(a, b)` says whether element `a` sorts strictly before
/// element `b`. Non-generic on purpose (see the module documentation).
pub fn sorted_indices(n: usize, less: &dyn Fn(usize, usize) -> bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    // Insertion sort of each run; moving an element only past strictly greater ones keeps it stable.
    let mut start = 0;
    while start < n {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let mut j = i;
            while j > start && less(order[j], order[j - 1]) {
                order.swap(j, j - 1);
                j -= 1;
            }
        }
        start = end;
    }
    // Bottom-up merges of neighbouring runs, doubling their width, between `order` and `buffer`.
    let mut buffer = vec![0; n];
    let mut width = RUN;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            merge(&order[start..mid], &order[mid..end], &mut buffer[start..end], less);
            start = end;
        }
        std::mem::swap(&mut order, &mut buffer);
        width *= 2;
    }
    order
}

/// Merges two sorted runs into `out`, taking from the left one on ties (stability).
fn merge(left: &[usize], right: &[usize], out: &mut [usize], less: &dyn Fn(usize, usize) -> bool) {
    let (mut i, mut j) = (0, 0);
    for slot in out {
        if j < right.len() && (i == left.len() || less(right[j], left[i])) {
            *slot = right[j];
            j += 1;
        } else {
            *slot = left[i];
            i += 1;
        }
    }
}

/// Sorts `items` stably by `cmp`, like `slice::sort_by`. The comparator is a `&dyn` so that this helper is
/// instantiated once per element type, not once per call site.
pub fn sort_by<T>(items: &mut [T], cmp: &dyn Fn(&T, &T) -> Ordering) {
    let order = sorted_indices(items.len(), &|a, b| cmp(&items[a], &items[b]) == Ordering::Less);
    permute(items, order);
}

/// Sorts `values` ascending and drops repeats (years).
pub fn sort_dedup(values: &mut Vec<u16>) {
    sort_by(values, &|a, b| a.cmp(b));
    values.dedup();
}

/// Rearranges `items` so that position `k` holds what was at `order[k]`, following each cycle of the
/// permutation with swaps. `order[k] = k` marks a position as done.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for i in 0..items.len() {
        let mut j = i;
        loop {
            let next = order[j];
            order[j] = j;
            if next == i {
                break;
            }
            items.swap(j, next);
            j = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    /// A deterministic pseudo-random sequence (Knuth's MMIX constants).
    struct Lcg(u64);

    impl Lcg {
        fn next(&mut self, bound: u64) -> u64 {
            self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (self.0 >> 33) % bound
        }
    }

    fn check_against_std(items: &[(u8, usize)]) {
        let mut ours = items.to_vec();
        sort_by(&mut ours, &|a, b| a.0.cmp(&b.0));
        let mut theirs = items.to_vec();
        theirs.sort_by_key(|a| a.0);
        assert_eq!(ours, theirs);
    }

    #[test]
    fn empty_and_one_element() {
        assert_eq!(sorted_indices(0, &|_, _| unreachable!()), Vec::<usize>::new());
        assert_eq!(sorted_indices(1, &|_, _| unreachable!()), vec![0]);
        let mut empty: Vec<u16> = Vec::new();
        sort_dedup(&mut empty);
        assert!(empty.is_empty());
        let mut one = vec!["only"];
        sort_by(&mut one, &|a, b| a.cmp(b));
        assert_eq!(one, ["only"]);
    }

    #[test]
    fn stable_keeps_equal_elements_in_order() {
        // Few distinct keys, so that every run and every merge meets ties.
        let items: Vec<(u8, usize)> = (0..100).map(|i| ((i * 7 % 3) as u8, i)).collect();
        let mut sorted = items.clone();
        sort_by(&mut sorted, &|a, b| a.0.cmp(&b.0));
        for pair in sorted.windows(2) {
            assert!(pair[0].0 < pair[1].0 || (pair[0].0 == pair[1].0 && pair[0].1 < pair[1].1), "{pair:?}");
        }
        // All equal: nothing moves.
        let mut same: Vec<(u8, usize)> = (0..50).map(|i| (1, i)).collect();
        sort_by(&mut same, &|a, b| a.0.cmp(&b.0));
        assert!(same.iter().enumerate().all(|(i, x)| x.1 == i));
    }

    #[test]
    fn matches_std_sort_by_on_pseudo_random_input() {
        let mut rng = Lcg(42);
        for n in (0..70).chain([127, 128, 129, 1000]) {
            for keys in [2, 10, 1000] {
                let items: Vec<(u8, usize)> = (0..n).map(|i| (rng.next(keys) as u8, i)).collect();
                check_against_std(&items);
            }
        }
    }

    #[test]
    fn large_input_is_sorted_in_n_log_n_comparisons() {
        let n = 5000;
        let mut rng = Lcg(7);
        let mut values: Vec<u64> = (0..n).map(|_| rng.next(1 << 40)).collect();
        let mut expected = values.clone();
        expected.sort();
        let comparisons = Cell::new(0usize);
        let order = sorted_indices(n, &|a, b| {
            comparisons.set(comparisons.get() + 1);
            values[a] < values[b]
        });
        // Quadratic would be millions; a merge sort with runs of 8 stays within 20 n.
        assert!(comparisons.get() < 20 * n, "{} comparisons", comparisons.get());
        permute(&mut values, order);
        assert_eq!(values, expected);
        // Already sorted and reversed inputs too.
        let mut reversed: Vec<u64> = (0..n as u64).rev().collect();
        sort_by(&mut reversed, &|a, b| a.cmp(b));
        assert_eq!(reversed, (0..n as u64).collect::<Vec<_>>());
        sort_by(&mut reversed, &|a, b| a.cmp(b));
        assert_eq!(reversed, (0..n as u64).collect::<Vec<_>>());
    }

    #[test]
    fn floats_follow_total_cmp() {
        let mut ours = vec![3.5, -0.0, f64::NAN, 0.0, -1.0, f64::INFINITY, -f64::NAN, 0.0, f64::NEG_INFINITY];
        let mut theirs = ours.clone();
        sort_by(&mut ours, &|a: &f64, b: &f64| a.total_cmp(b));
        theirs.sort_by(|a, b| a.total_cmp(b));
        let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&ours), bits(&theirs));
    }

    #[test]
    fn sort_dedup_years() {
        let mut years = vec![2030, 2025, 2030, 2026, 2025, 2025];
        sort_dedup(&mut years);
        assert_eq!(years, [2025, 2026, 2030]);
    }

    // proptest is a native dev-dependency; the module's own tests run the deterministic cases above.
    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn same_as_std_sort_by(keys in proptest::collection::vec(0u8..6, 0..300)) {
            let items: Vec<(u8, usize)> = keys.into_iter().enumerate().map(|(i, k)| (k, i)).collect();
            check_against_std(&items);
        }

        #[test]
        fn non_copy_elements(keys in proptest::collection::vec(0u8..4, 0..100)) {
            let words: Vec<String> = keys.iter().enumerate().map(|(i, k)| format!("{k}:{i}")).collect();
            let mut ours = words.clone();
            sort_by(&mut ours, &|a: &String, b: &String| a.as_bytes()[0].cmp(&b.as_bytes()[0]));
            let mut theirs = words;
            theirs.sort_by_key(|w| w.as_bytes()[0]);
            proptest::prop_assert_eq!(ours, theirs);
        }
    }
}
