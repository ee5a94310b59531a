//! SortedMap and SortedSet behave like BTreeMap and BTreeSet for every operation the app uses.

use iec62443_assess::domain::sorted::{SortedMap, SortedSet};
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Debug)]
enum Op {
    Insert(u8, u16),
    Remove(u8),
    Entry(u8),
    Retain(u8),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0u8..40, any::<u16>()).prop_map(|(k, v)| Op::Insert(k, v)),
        (0u8..40).prop_map(Op::Remove),
        (0u8..40).prop_map(Op::Entry),
        (1u8..5).prop_map(Op::Retain),
    ]
}

proptest! {
    #[test]
    fn a_sorted_map_gives_the_same_results_as_a_btree_map(ops in prop::collection::vec(op(), 0..200)) {
        let mut ours = SortedMap::new();
        let mut model = BTreeMap::new();
        for op in ops {
            match op {
                Op::Insert(k, v) => prop_assert_eq!(ours.insert(k.to_string(), v), model.insert(k.to_string(), v)),
                Op::Remove(k) => prop_assert_eq!(ours.remove(&k.to_string()), model.remove(&k.to_string())),
                Op::Entry(k) => {
                    *ours.entry(k.to_string()).or_default() += 1;
                    *model.entry(k.to_string()).or_default() += 1;
                }
                Op::Retain(m) => {
                    ours.retain(|_, v| *v % u16::from(m) != 0);
                    model.retain(|_, v| *v % u16::from(m) != 0);
                }
            }
            prop_assert_eq!(ours.len(), model.len());
            prop_assert!(ours.iter().eq(model.iter()), "same entries in the same order");
            for k in 0u8..40 {
                let k = k.to_string();
                prop_assert_eq!(ours.get(k.as_str()), model.get(k.as_str()));
                prop_assert_eq!(ours.contains_key(k.as_str()), model.contains_key(k.as_str()));
            }
        }
    }

    #[test]
    fn a_sorted_set_gives_the_same_results_as_a_btree_set(ops in prop::collection::vec((any::<bool>(), 0u8..30), 0..200)) {
        let mut ours = SortedSet::new();
        let mut model = BTreeSet::new();
        for (add, v) in ops {
            if add {
                prop_assert_eq!(ours.insert(v), model.insert(v));
            } else {
                prop_assert_eq!(ours.remove(&v), model.remove(&v));
            }
            prop_assert!(ours.iter().eq(model.iter()));
            prop_assert_eq!(ours.first(), model.first());
        }
    }
}

#[test]
fn collecting_keeps_the_last_value_of_a_repeated_key_like_btree_map() {
    let ours: SortedMap<&str, i32> = [("b", 1), ("a", 2), ("b", 3)].into_iter().collect();
    let model: BTreeMap<&str, i32> = [("b", 1), ("a", 2), ("b", 3)].into_iter().collect();
    assert!(ours.iter().eq(model.iter()));
    assert_eq!(ours["b"], 3);
    let set = SortedSet::from([3, 1, 2, 1]);
    assert_eq!(set.into_iter().collect::<Vec<_>>(), [1, 2, 3]);
}
