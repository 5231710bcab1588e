//! A stable insertion sort for the panel's short lists (at most 50 interactions, a handful of
//! channels). The standard library's stable sort is built for large inputs and costs about 10 KB
//! of wasm per element type; this costs a few hundred bytes (docs/performance.md).

/// Sorts `items` by `key`, stable (equal keys keep their order).
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_and_keeps_equal_keys_in_order() {
        let mut v = [(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by_key(&mut v, |x| x.0);
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        sort_by_key(&mut v, |x| std::cmp::Reverse(x.0));
        assert_eq!(v, [(3, 'a'), (3, 'c'), (2, 'd'), (1, 'b'), (1, 'e')]);
        let mut empty: [u8; 0] = [];
        sort_by_key(&mut empty, |x| *x);
    }
}
