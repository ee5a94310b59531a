//! One stable sort for the whole crate.
//!
//! The standard library's `sort_by` is generic over the element type and the comparison, so each call
//! site adds its own copy of the sorting algorithm (about 3 KB of wasm each). Here the sorting runs once,
//! on positions, with a `dyn` comparison; each call site only adds a small reordering loop.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`, exactly like `items.sort_by(compare)`.
///
/// ```
/// let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c')];
/// iec62443_assess::domain::sorting::sort_by(&mut v, |x, y| x.0.cmp(&y.0));
/// assert_eq!(v, [(1, 'b'), (2, 'a'), (2, 'c')]);
/// ```
pub fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    let order = stable_order(items.len(), &|a, b| compare(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    // `order` is a permutation of the positions, so every slot is taken exactly once.
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// Sorts `items` stably by a key, exactly like `items.sort_by_key(key)`.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// The positions `0..len` in stably sorted order.
fn stable_order(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|a, b| compare(*a, *b));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_keys_keep_their_order() {
        let mut v = vec![(3, 0), (1, 1), (3, 2), (2, 3), (1, 4)];
        sort_by_key(&mut v, |x| x.0);
        assert_eq!(v, [(1, 1), (1, 4), (2, 3), (3, 0), (3, 2)]);
    }

    #[test]
    fn matches_the_standard_sort() {
        let mut ours: Vec<u32> = (0..500u32).map(|i| i.wrapping_mul(2_654_435_761) % 97).collect();
        let mut std = ours.clone();
        sort_by(&mut ours, |a, b| b.cmp(a));
        std.sort_by(|a, b| b.cmp(a));
        assert_eq!(ours, std);
    }
}
