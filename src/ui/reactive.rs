//! `Effect::new` for closures that ignore the previous value, boxed first: every effect then shares one
//! copy of the effect machinery instead of one per closure (a few hundred bytes of wasm each).

use leptos::prelude::*;

/// Runs `f` now and again whenever what it reads changes.
pub fn effect(f: impl Fn() + 'static) {
    let f: Box<dyn Fn()> = Box::new(f);
    Effect::new(move |_| f());
}
