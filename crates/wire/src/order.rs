//! Sorting the short lists the panel sorts — at most 50 interactions, a contact's field errors,
//! a name's highlight ranges — with a stable insertion sort.
//!
//! Why not std's `sort_by_key`: each call of it compiles its own copy of a general sort built for
//! long slices (driftsort and its small-sort networks, 3–4 KB of wasm each); with eight such
//! calls the panel's bundle carried about 30 KB of sorting code, 6.6 KB brotli
//! (docs/performance.md), which the 350 KB ceiling needs for features agents use. For lists this
//! short, insertion sort makes the same number of comparisons or fewer. Not for long slices: it is
//! quadratic.

/// Sorts `items` by `key`, keeping the order of equal keys (as `sort_by_key` does).
pub fn sort_small_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_small_by(items, |a, b| key(a) > key(b));
}

/// Sorts `items` in their own order (as `sort` does).
pub fn sort_small<T: Ord>(items: &mut [T]) {
    sort_small_by(items, |a, b| a > b);
}

/// Moves each item left past the ones it must come before.
fn sort_small_by<T>(items: &mut [T], mut after: impl FnMut(&T, &T) -> bool) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && after(&items[j - 1], &items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_std_keeping_equal_keys_in_order() {
        let mut seed = 7_u64;
        for len in 0..60 {
            let items: Vec<(u8, usize)> = (0..len)
                .map(|at| {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    ((seed >> 59) as u8, at)
                })
                .collect();
            let (mut ours, mut std) = (items.clone(), items);
            sort_small_by_key(&mut ours, |(k, _)| *k);
            std.sort_by_key(|(k, _)| *k);
            assert_eq!(ours, std, "length {len}");
            let mut words: Vec<String> = ours.iter().map(|(k, at)| format!("{k}-{}", at % 3)).collect();
            let mut expected = words.clone();
            sort_small(&mut words);
            expected.sort();
            assert_eq!(words, expected);
        }
    }
}
