//! The library's one entry point to the standard library's stable sort.
//!
//! `slice::sort_by` is generic over the element and the comparator, so every call site would bring its own
//! copy of the sort into the WebAssembly module (about 20 copies, ~30 KB before gzip). Here the sort is
//! instantiated once, on indices with a `&dyn` comparator; the generic helpers only build that comparator
//! and move elements into place.

use std::cmp::Ordering;

/// The indices `0..n` in stable ascending order of `cmp(a, b)`, which compares elements `a` and `b`.
/// Non-generic on purpose (see the module documentation).
pub fn sorted_indices(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Sorts `items` stably by `cmp`, through `sorted_indices`.
pub fn sort_by<T>(items: &mut [T], cmp: &dyn Fn(&T, &T) -> Ordering) {
    let order = sorted_indices(items.len(), &|a, b| cmp(&items[a], &items[b]));
    // Position k takes the element that stood at order[k]. Positions before k are final; an element that
    // stood before k has since been swapped to where its own slot's element stood, so follow the chain.
    for k in 0..order.len() {
        let mut from = order[k];
        while from < k {
            from = order[from];
        }
        items.swap(k, from);
    }
}

/// Sorts years ascending and drops repeats.
pub fn sort_dedup(values: &mut Vec<u16>) {
    let order = sorted_indices(values.len(), &|a, b| values[a].cmp(&values[b]));
    let mut sorted: Vec<u16> = order.into_iter().map(|i| values[i]).collect();
    sorted.dedup();
    *values = sorted;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sort_is_stable_and_ascending() {
        let mut pairs = [(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e'), (3, 'f'), (0, 'g')];
        sort_by(&mut pairs, &|a, b| a.0.cmp(&b.0));
        assert_eq!(pairs, [(0, 'd'), (0, 'g'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c'), (3, 'f')]);
        let mut reversed: Vec<u32> = (0..50).rev().collect();
        sort_by(&mut reversed, &|a, b| a.cmp(b));
        assert_eq!(reversed, (0..50).collect::<Vec<_>>());
    }

    #[test]
    fn years_are_sorted_once_each() {
        let mut years = vec![2030, 2025, 2030, 2021, 2025];
        sort_dedup(&mut years);
        assert_eq!(years, [2021, 2025, 2030]);
    }
}
