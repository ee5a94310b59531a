//! Undo and redo for scope edits (zones, conduits, products, the asset inventory), kept for the session.
//!
//! Each edit is stored as what changed, not as a copy of the assessment: for each list the one stretch
//! that differs (a splice: where it starts, the items before and after), and for the per-zone and
//! per-product answer maps the entries that differ (removing a zone removes its answers; undo brings them
//! back). So a step that edits one asset of a 10,000-row inventory keeps one asset twice, and 100 steps
//! stay small.
//!
//! ```
//! use iec62443_assess::history::ScopeHistory;
//! use iec62443_assess::*;
//! let mut a = Assessment::new("a1", "Plant", "2026-11-20T09:00:00Z");
//! let mut history = ScopeHistory::default();
//! history.record(&mut a, "Add zone Cell A", |a| a.zones.push(Zone::new("z1", "Cell A")));
//! assert_eq!(history.undo_label(), Some("Add zone Cell A"));
//! assert_eq!(history.undo(&mut a), Ok("Add zone Cell A".to_string()));
//! assert!(a.zones.is_empty());
//! assert_eq!(history.redo(&mut a), Ok("Add zone Cell A".to_string()));
//! assert_eq!(a.zones[0].name, "Cell A");
//! ```

use crate::domain::answers::Response;
use crate::domain::assessment::{Assessment, Conduit, Product, Zone};
use crate::domain::inventory::Asset;
use std::collections::{BTreeMap, VecDeque};

/// How many edits can be undone (the oldest are forgotten first).
pub const HISTORY_STEPS: usize = 100;

/// The undo and redo stacks of one assessment.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ScopeHistory {
    /// The assessment the stacks belong to; another one clears them.
    assessment_id: String,
    undo: VecDeque<ScopeEdit>,
    redo: Vec<ScopeEdit>,
}

/// Why an edit could not be undone or redone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HistoryError {
    /// Nothing to undo (or redo).
    Nothing,
    /// The scope was changed in a way the history did not see (another tab, an import): the history was
    /// cleared and nothing was changed.
    OutOfStep,
}

impl HistoryError {
    /// A sentence for the user.
    pub fn message(&self) -> &'static str {
        match self {
            HistoryError::Nothing => "There is nothing to undo or redo.",
            HistoryError::OutOfStep => {
                "The scope was changed elsewhere (another tab or an import), so the earlier steps can no longer be undone. Nothing was changed."
            }
        }
    }
}

/// One recorded edit.
#[derive(Clone, Debug, PartialEq)]
struct ScopeEdit {
    label: String,
    /// Edits with the same key in a row (the keys typed into one field) make one step.
    key: Option<String>,
    zones: Splice<Zone>,
    conduits: Splice<Conduit>,
    products: Splice<Product>,
    assets: Splice<Asset>,
    zone_answers: MapChange<BTreeMap<String, Response>>,
    product_answers: MapChange<BTreeMap<String, Response>>,
}

/// The one stretch of a list that an edit changed: from `at`, `before` was replaced by `after`.
#[derive(Clone, Debug, PartialEq)]
struct Splice<T> {
    at: usize,
    before: Vec<T>,
    after: Vec<T>,
}

impl<T: Clone + PartialEq> Splice<T> {
    /// The shortest stretch that turns `before` into `after`: everything between their common start and
    /// their common end.
    fn between(before: &[T], after: &[T]) -> Splice<T> {
        let prefix = before.iter().zip(after).take_while(|(x, y)| x == y).count();
        let room = before.len().min(after.len()) - prefix;
        let suffix = before.iter().rev().zip(after.iter().rev()).take(room).take_while(|(x, y)| x == y).count();
        Splice {
            at: prefix,
            before: before[prefix..before.len() - suffix].to_vec(),
            after: after[prefix..after.len() - suffix].to_vec(),
        }
    }

    fn is_empty(&self) -> bool {
        self.before.is_empty() && self.after.is_empty()
    }

    /// Whether `list` holds `from` where this splice put it.
    fn fits(&self, list: &[T], from: &[T]) -> bool {
        list.get(self.at..self.at + from.len()).is_some_and(|stretch| stretch == from)
    }

    fn swap(list: &mut Vec<T>, at: usize, from: &[T], to: &[T]) {
        list.splice(at..at + from.len(), to.iter().cloned());
    }
}

/// The entries of a map that an edit changed: key, value before, value after (`None`: absent).
type MapChange<V> = Vec<(String, Option<V>, Option<V>)>;

fn map_change<V: Clone + PartialEq>(before: &BTreeMap<String, V>, after: &BTreeMap<String, V>) -> MapChange<V> {
    let mut keys: Vec<&String> = before.keys().chain(after.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter(|k| before.get(*k) != after.get(*k))
        .map(|k| ((*k).clone(), before.get(k).cloned(), after.get(k).cloned()))
        .collect()
}

fn set_entries<V: Clone>(map: &mut BTreeMap<String, V>, change: &MapChange<V>, undo: bool) {
    for (key, before, after) in change {
        match if undo { before } else { after } {
            Some(value) => map.insert(key.clone(), value.clone()),
            None => map.remove(key),
        };
    }
}

/// What a scope edit can change, copied before the edit.
struct ScopeParts {
    zones: Vec<Zone>,
    conduits: Vec<Conduit>,
    products: Vec<Product>,
    assets: Vec<Asset>,
    zone_answers: BTreeMap<String, BTreeMap<String, Response>>,
    product_answers: BTreeMap<String, BTreeMap<String, Response>>,
}

/// The scope's lists, wherever they are held.
struct ScopeLists<'a> {
    zones: &'a mut Vec<Zone>,
    conduits: &'a mut Vec<Conduit>,
    products: &'a mut Vec<Product>,
    assets: &'a mut Vec<Asset>,
    zone_answers: &'a mut BTreeMap<String, BTreeMap<String, Response>>,
    product_answers: &'a mut BTreeMap<String, BTreeMap<String, Response>>,
}

impl<'a> ScopeLists<'a> {
    fn of(a: &'a mut Assessment) -> ScopeLists<'a> {
        ScopeLists {
            zones: &mut a.zones,
            conduits: &mut a.conduits,
            products: &mut a.products,
            assets: &mut a.assets,
            zone_answers: &mut a.answers.zones,
            product_answers: &mut a.answers.products,
        }
    }
}

impl ScopeParts {
    fn lists(&mut self) -> ScopeLists<'_> {
        ScopeLists {
            zones: &mut self.zones,
            conduits: &mut self.conduits,
            products: &mut self.products,
            assets: &mut self.assets,
            zone_answers: &mut self.zone_answers,
            product_answers: &mut self.product_answers,
        }
    }

    fn of(a: &Assessment) -> ScopeParts {
        ScopeParts {
            zones: a.zones.clone(),
            conduits: a.conduits.clone(),
            products: a.products.clone(),
            assets: a.assets.clone(),
            zone_answers: a.answers.zones.clone(),
            product_answers: a.answers.products.clone(),
        }
    }
}

impl ScopeHistory {
    /// Makes an edit to the scope and records it under `label` ("Remove zone Cell A"); an edit that changes
    /// nothing is not recorded. Clears what could be redone.
    pub fn record(&mut self, a: &mut Assessment, label: &str, change: impl FnOnce(&mut Assessment)) {
        self.record_keyed(a, label, None, change);
    }

    /// Like [`ScopeHistory::record`], but an edit with the same `key` as the last one (and nothing undone
    /// in between) joins it: the keys typed into one field are one step, undone together.
    pub fn record_typing(&mut self, a: &mut Assessment, label: &str, key: &str, change: impl FnOnce(&mut Assessment)) {
        self.record_keyed(a, label, Some(key), change);
    }

    fn record_keyed(
        &mut self,
        a: &mut Assessment,
        label: &str,
        key: Option<&str>,
        change: impl FnOnce(&mut Assessment),
    ) {
        self.follow(a);
        let mut before = ScopeParts::of(a);
        let joins = key.is_some() && self.redo.is_empty() && self.undo.back().is_some_and(|e| e.key.as_deref() == key);
        if joins {
            // Start from before the last edit, which this one replaces.
            if let Some(last) = self.undo.pop_back() {
                if last.apply(&mut before.lists(), true).is_err() {
                    self.clear();
                    before = ScopeParts::of(a);
                }
            }
        }
        change(a);
        let edit = ScopeEdit {
            label: label.to_string(),
            key: key.map(str::to_string),
            zones: Splice::between(&before.zones, &a.zones),
            conduits: Splice::between(&before.conduits, &a.conduits),
            products: Splice::between(&before.products, &a.products),
            assets: Splice::between(&before.assets, &a.assets),
            zone_answers: map_change(&before.zone_answers, &a.answers.zones),
            product_answers: map_change(&before.product_answers, &a.answers.products),
        };
        let unchanged = edit.zones.is_empty()
            && edit.conduits.is_empty()
            && edit.products.is_empty()
            && edit.assets.is_empty()
            && edit.zone_answers.is_empty()
            && edit.product_answers.is_empty();
        if unchanged {
            return;
        }
        self.redo.clear();
        self.undo.push_back(edit);
        while self.undo.len() > HISTORY_STEPS {
            self.undo.pop_front();
        }
    }

    /// Undoes the last edit; returns its label.
    pub fn undo(&mut self, a: &mut Assessment) -> Result<String, HistoryError> {
        self.follow(a);
        let edit = self.undo.pop_back().ok_or(HistoryError::Nothing)?;
        if let Err(e) = edit.apply(&mut ScopeLists::of(a), true) {
            self.clear();
            return Err(e);
        }
        let label = edit.label.clone();
        self.redo.push(edit);
        Ok(label)
    }

    /// Redoes the last undone edit; returns its label.
    pub fn redo(&mut self, a: &mut Assessment) -> Result<String, HistoryError> {
        self.follow(a);
        let edit = self.redo.pop().ok_or(HistoryError::Nothing)?;
        if let Err(e) = edit.apply(&mut ScopeLists::of(a), false) {
            self.clear();
            return Err(e);
        }
        let label = edit.label.clone();
        self.undo.push_back(edit);
        Ok(label)
    }

    /// What [`ScopeHistory::undo`] would undo.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.back().map(|e| e.label.as_str())
    }

    /// What [`ScopeHistory::redo`] would redo.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|e| e.label.as_str())
    }

    /// How many edits can be undone.
    pub fn undo_steps(&self) -> usize {
        self.undo.len()
    }

    /// Forgets everything.
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }

    /// Starts afresh when another assessment is open.
    fn follow(&mut self, a: &Assessment) {
        if self.assessment_id != a.id {
            self.clear();
            self.assessment_id = a.id.clone();
        }
    }
}

impl ScopeEdit {
    /// Puts the edit's lists back (`undo`) or forward; checks first that every list is as the edit left
    /// it, and changes nothing when one is not.
    fn apply(&self, lists: &mut ScopeLists, undo: bool) -> Result<(), HistoryError> {
        fn sides<T>(s: &Splice<T>, undo: bool) -> (&[T], &[T]) {
            if undo {
                (&s.after, &s.before)
            } else {
                (&s.before, &s.after)
            }
        }
        let fits = self.zones.fits(lists.zones, sides(&self.zones, undo).0)
            && self.conduits.fits(lists.conduits, sides(&self.conduits, undo).0)
            && self.products.fits(lists.products, sides(&self.products, undo).0)
            && self.assets.fits(lists.assets, sides(&self.assets, undo).0);
        if !fits {
            return Err(HistoryError::OutOfStep);
        }
        let (from, to) = sides(&self.zones, undo);
        Splice::swap(lists.zones, self.zones.at, from, to);
        let (from, to) = sides(&self.conduits, undo);
        Splice::swap(lists.conduits, self.conduits.at, from, to);
        let (from, to) = sides(&self.products, undo);
        Splice::swap(lists.products, self.products.at, from, to);
        let (from, to) = sides(&self.assets, undo);
        Splice::swap(lists.assets, self.assets.at, from, to);
        set_entries(lists.zone_answers, &self.zone_answers, undo);
        set_entries(lists.product_answers, &self.product_answers, undo);
        Ok(())
    }
}
