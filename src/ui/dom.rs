//! A small DOM builder on Leptos's reactive graph, used instead of `view!`.
//!
//! Why: every `view!` shape monomorphises its own renderer (build, mount, rebuild, unmount for each tuple
//! of elements and attributes). This builder is not generic: each element is a few calls into the same
//! handful of functions, and every closure is boxed once. The reactive parts are Leptos's: signals, memos
//! and render effects, owned by the current `Owner`, so they are disposed with the part of the page that
//! created them (README "Performance").
//!
//! Rules for callers:
//! - Builders run untracked: reading a signal while building reads it once. To follow a signal, use the
//!   `dyn_*` methods, `switch`, `when` or `keyed`, whose closures are tracked.
//! - A part that is rebuilt (`switch`, `when`) loses the focus inside it: do not key it on what the user is
//!   typing. Lists with inputs use `keyed`, which keeps the nodes of the keys that stay.
//! - Memos and effects created by a view come from `memo` and `watch`, which unsubscribe from what they
//!   read when the view goes; a plain `Memo::new` or `Effect::new` would stay subscribed (and in memory).

use crate::ui::prelude::*;
use reactive_graph::graph::{AnySubscriber, Subscriber, ToAnySubscriber};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, Node};

/// One element of a keyed list, with the owner of what it created.
struct Item {
    key: String,
    node: Element,
    _owner: Owner,
}

/// An element being built (or already in the page).
#[derive(Clone)]
pub struct El(pub Element);

/// Creates an element.
pub fn el(tag: &str) -> El {
    // Not `expect`: formatting the browser's error would pull in wasm-bindgen's value printer.
    El(document().create_element(tag).unwrap_or_else(|_| panic!("invalid tag name {tag}")))
}

/// Creates `<tag class="class">`.
pub fn elc(tag: &str, class: &str) -> El {
    el(tag).cls(class)
}

/// `<button type="button" class="class">text</button>` with a click handler.
pub fn button(class: &str, text: &str, on_click: impl Fn() + 'static) -> El {
    button_boxed(class, text, Box::new(on_click))
}

fn button_boxed(class: &str, text: &str, on_click: Box<dyn Fn()>) -> El {
    el("button").attr("type", "button").cls(class).text(text).on("click", move |_| on_click())
}

/// Runs `f` now and again whenever a signal it read changes, until the current owner is cleaned up.
pub fn watch(f: impl Fn() + 'static) {
    watch_boxed(Box::new(f))
}

fn watch_boxed(f: Box<dyn Fn()>) {
    let effect = RenderEffect::new(move |_| f());
    let subscriber = effect.to_any_subscriber();
    on_cleanup(Box::new(move || {
        unsubscribe(&subscriber);
        drop(effect);
    }));
}

/// Runs a future on the page's task queue.
pub fn spawn(future: impl std::future::Future<Output = ()> + 'static) {
    any_spawner::Executor::spawn_local(future);
}

/// Listens to `event` on the window for the life of the page.
pub fn on_window(event: &str, f: impl Fn(Event) + 'static) {
    let closure = Closure::<dyn Fn(Event)>::wrap(Box::new(f));
    let _ = window().add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
    closure.forget();
}

/// A memo that unsubscribes from what it read when the current owner is cleaned up. Use it for every
/// memo created by a view: a plain `Memo` that is disposed stays in the subscriber lists of the signals
/// it read (reactive_graph 0.2 never prunes them), which keeps its memory and slows every change of
/// those signals.
pub fn memo<T: PartialEq + Send + Sync + 'static>(f: impl Fn(Option<&T>) -> T + Send + Sync + 'static) -> Memo<T> {
    let memo = ArcMemo::new(f);
    let subscriber = memo.to_any_subscriber();
    Owner::on_cleanup(move || unsubscribe(&subscriber));
    Memo::from(memo)
}

/// Removes `subscriber` from the subscriber lists of the signals and memos it read.
fn unsubscribe(subscriber: &AnySubscriber) {
    subscriber.clear_sources(subscriber);
}

/// Keeps `value` alive until the current owner is cleaned up.
fn keep(value: Box<dyn std::any::Any>) {
    on_cleanup(Box::new(move || drop(value)));
}

/// Cleanups of the page's owners that hold browser objects or effects, which are not `Send`: the owner's
/// own cleanup (which must be `Send`) holds only the index of one of these. A plain list with free slots:
/// no thread checks (wasm has one thread), and no `SendWrapper`, whose check pulls in 4 KB of the
/// standard library's thread handling.
struct Cleanups {
    slots: Vec<Option<Box<dyn FnOnce()>>>,
    free: Vec<usize>,
}

thread_local! {
    static CLEANUPS: RefCell<Cleanups> = const { RefCell::new(Cleanups { slots: Vec::new(), free: Vec::new() }) };
}

/// Runs `f` when the current owner is cleaned up.
pub fn on_cleanup(f: Box<dyn FnOnce()>) {
    let index = CLEANUPS.with_borrow_mut(|c| match c.free.pop() {
        Some(i) => {
            c.slots[i] = Some(f);
            i
        }
        None => {
            c.slots.push(Some(f));
            c.slots.len() - 1
        }
    });
    Owner::on_cleanup(move || {
        let f = CLEANUPS.with_borrow_mut(|c| {
            let f = c.slots.get_mut(index).and_then(Option::take);
            if f.is_some() {
                c.free.push(index);
            }
            f
        });
        // Outside the borrow: a cleanup may dispose owners that run their own cleanups.
        if let Some(f) = f {
            f();
        }
    });
}

impl El {
    /// Sets an attribute.
    pub fn attr(self, name: &str, value: &str) -> El {
        let _ = self.0.set_attribute(name, value);
        self
    }

    /// Sets the class attribute.
    pub fn cls(self, class: &str) -> El {
        self.attr("class", class)
    }

    /// Sets the id.
    pub fn id(self, id: &str) -> El {
        self.attr("id", id)
    }

    /// Sets an attribute when `on`, e.g. `disabled`.
    pub fn flag(self, name: &str, on: bool) -> El {
        if on {
            self.attr(name, "")
        } else {
            self
        }
    }

    /// Appends a text node.
    pub fn text(self, text: &str) -> El {
        let _ = self.0.append_with_str_1(text);
        self
    }

    /// Appends a child element.
    pub fn child(self, child: El) -> El {
        let _ = self.0.append_child(&child.0);
        self
    }

    /// Appends a child element if there is one.
    pub fn opt(self, child: Option<El>) -> El {
        match child {
            Some(c) => self.child(c),
            None => self,
        }
    }

    /// Appends child elements.
    pub fn kids(self, children: Vec<El>) -> El {
        for c in children {
            let _ = self.0.append_child(&c.0);
        }
        self
    }

    /// Replaces the content with trusted HTML text (already escaped, see `domain::html`).
    pub fn html(self, html: &str) -> El {
        self.0.set_inner_html(html);
        self
    }

    /// Adds an event listener, removed with the current owner.
    pub fn on(self, event: &str, f: impl Fn(Event) + 'static) -> El {
        self.on_boxed(event, Box::new(f))
    }

    fn on_boxed(self, event: &str, f: Box<dyn Fn(Event)>) -> El {
        let closure = Closure::wrap(f);
        let _ = self.0.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref());
        keep(Box::new(closure));
        self
    }

    /// Appends a text node that follows `f`.
    pub fn dyn_text(self, f: impl Fn() -> String + 'static) -> El {
        self.dyn_text_boxed(Box::new(f))
    }

    fn dyn_text_boxed(self, f: Box<dyn Fn() -> String>) -> El {
        let node = document().create_text_node("");
        let _ = self.0.append_child(&node);
        watch(move || node.set_data(&f()));
        self
    }

    /// An attribute that follows `f` (removed while `f` gives `None`).
    pub fn dyn_attr(self, name: &'static str, f: impl Fn() -> Option<String> + 'static) -> El {
        self.dyn_attr_boxed(name, Box::new(f))
    }

    fn dyn_attr_boxed(self, name: &'static str, f: Box<dyn Fn() -> Option<String>>) -> El {
        let e = self.0.clone();
        watch(move || {
            let _ = match f() {
                Some(v) => e.set_attribute(name, &v),
                None => e.remove_attribute(name),
            };
        });
        self
    }

    /// A boolean attribute (e.g. `disabled`, `open`) that follows `f`.
    pub fn dyn_flag(self, name: &'static str, f: impl Fn() -> bool + 'static) -> El {
        self.dyn_attr(name, move || f().then(String::new))
    }

    /// A class that is present while `f` gives true.
    pub fn dyn_class(self, class: &'static str, f: impl Fn() -> bool + 'static) -> El {
        self.dyn_class_boxed(class, Box::new(f))
    }

    fn dyn_class_boxed(self, class: &'static str, f: Box<dyn Fn() -> bool>) -> El {
        let e = self.0.clone();
        watch(move || {
            let _ = e.class_list().toggle_with_force(class, f());
        });
        self
    }

    /// The `value` property (inputs, selects, text areas) follows `f`: set when what `f` gives changes.
    pub fn dyn_value(self, f: impl Fn() -> String + 'static) -> El {
        self.dyn_prop_boxed("value", Box::new(move || f().into()))
    }

    /// The `checked` property (check boxes, radios) follows `f`.
    pub fn dyn_checked(self, f: impl Fn() -> bool + 'static) -> El {
        self.dyn_prop_boxed("checked", Box::new(move || f().into()))
    }

    fn dyn_prop_boxed(self, name: &'static str, f: Box<dyn Fn() -> wasm_bindgen::JsValue>) -> El {
        let e = self.0.clone();
        let last = RefCell::new(None::<wasm_bindgen::JsValue>);
        watch(move || {
            let value = f();
            // Set only when the followed value changes (as Leptos's `prop:` does), so what the user typed
            // and was refused stays in the field while other data changes.
            if last.borrow().as_ref() == Some(&value) {
                return;
            }
            // And only when it differs: re-setting a text input's value moves its caret.
            let current = js_sys::Reflect::get(&e, &name.into()).unwrap_or_default();
            if current != value {
                let _ = js_sys::Reflect::set(&e, &name.into(), &value);
            }
            *last.borrow_mut() = Some(value);
        });
        self
    }

    /// An inline style property (set through the CSSOM, which the Content-Security-Policy allows) that
    /// follows `f`.
    pub fn dyn_style(self, property: &'static str, f: impl Fn() -> String + 'static) -> El {
        let style = self.0.unchecked_ref::<web_sys::HtmlElement>().style();
        watch(move || {
            let _ = style.set_property(property, &f());
        });
        self
    }

    /// The content is trusted HTML text (see `domain::html`) that follows `f`.
    pub fn dyn_html(self, f: impl Fn() -> String + 'static) -> El {
        let e = self.0.clone();
        watch(move || e.set_inner_html(&f()));
        self
    }

    /// Appends a part that is rebuilt, untracked, by `build` whenever `key` gives a different value. What
    /// the old part created (effects, listeners, signals) is disposed with it.
    pub fn switch(self, key: impl Fn() -> u64 + 'static, build: impl Fn(u64) -> Vec<El> + 'static) -> El {
        self.switch_boxed(Box::new(key), Box::new(build))
    }

    fn switch_boxed(self, key: Box<dyn Fn() -> u64>, build: Box<dyn Fn(u64) -> Vec<El>>) -> El {
        // The part belongs to its own owner under the builder's owner, not to the effect that follows the
        // key: that effect re-runs whenever what `key` reads changes, and rebuilds only when the key does.
        // (No memo either: a disposed memo stays subscribed to the signals it read, see README.)
        struct Shown {
            key: u64,
            nodes: Vec<Element>,
            owner: Owner,
        }
        let parent_owner = Owner::current().expect("built under an owner");
        let end: Node = document().create_comment("").into();
        let _ = self.0.append_child(&end);
        let shown: RefCell<Option<Shown>> = RefCell::new(None);
        watch(move || {
            let k = key();
            if shown.borrow().as_ref().is_some_and(|s| s.key == k) {
                return;
            }
            if let Some(old) = shown.borrow_mut().take() {
                for n in &old.nodes {
                    n.remove();
                }
                old.owner.cleanup();
            }
            let owner = parent_owner.with(Owner::new);
            let new = owner.with(|| untrack(|| build(k)));
            if let Some(parent) = end.parent_node() {
                for n in &new {
                    let _ = parent.insert_before(&n.0, Some(&end));
                }
            }
            *shown.borrow_mut() = Some(Shown { key: k, nodes: new.into_iter().map(|e| e.0).collect(), owner });
        });
        self
    }

    /// Appends what `build` gives while `when` is true.
    pub fn when(self, when: impl Fn() -> bool + 'static, build: impl Fn() -> Vec<El> + 'static) -> El {
        self.switch(move || when() as u64, move |k| if k == 1 { build() } else { Vec::new() })
    }

    /// Appends `then` while `when` is true and `otherwise` while it is false.
    pub fn either(
        self,
        when: impl Fn() -> bool + 'static,
        then: impl Fn() -> Vec<El> + 'static,
        otherwise: impl Fn() -> Vec<El> + 'static,
    ) -> El {
        self.switch(move || when() as u64, move |k| if k == 1 { then() } else { otherwise() })
    }

    /// Appends one element per key, in the order `keys` gives. An element is built (untracked) when its
    /// key appears and disposed when it goes; the elements of the keys that stay are kept (and keep
    /// focus), so an item follows its own data through `dyn_*`.
    pub fn keyed(self, keys: impl Fn() -> Vec<String> + 'static, build: impl Fn(&str) -> El + 'static) -> El {
        self.keyed_boxed(Box::new(keys), Box::new(build))
    }

    fn keyed_boxed(self, keys: Box<dyn Fn() -> Vec<String>>, build: Box<dyn Fn(&str) -> El>) -> El {
        let parent_owner = Owner::current().expect("built under an owner");
        let end: Node = document().create_comment("").into();
        let _ = self.0.append_child(&end);
        let items: Rc<RefCell<Vec<Item>>> = Rc::new(RefCell::new(Vec::new()));
        {
            // Dispose all items with the owner of the list.
            let items = items.clone();
            on_cleanup(Box::new(move || drop(std::mem::take(&mut *items.borrow_mut()))));
        }
        watch(move || {
            let wanted = keys();
            let mut old = std::mem::take(&mut *items.borrow_mut());
            // Remove the items whose key went.
            old.retain(|it| {
                let stays = wanted.contains(&it.key);
                if !stays {
                    it.node.remove();
                }
                stays
            });
            let mut next = Vec::with_capacity(wanted.len());
            for k in &wanted {
                if next.iter().any(|it: &Item| &it.key == k) {
                    continue; // A repeated key is shown once.
                }
                match old.iter().position(|it| &it.key == k) {
                    Some(i) => next.push(old.swap_remove(i)),
                    None => {
                        let owner = parent_owner.with(Owner::new);
                        let node = owner.with(|| untrack(|| build(k))).0;
                        next.push(Item { key: k.clone(), node, _owner: owner });
                    }
                }
            }
            // Put the nodes in order, moving only those out of place (a moved node loses focus).
            if let Some(parent) = end.parent_node() {
                let mut cursor = first_after_anchor(&end, &next);
                for it in &next {
                    let node: &Node = &it.node;
                    if cursor.as_ref() == Some(node) {
                        cursor = node.next_sibling();
                    } else {
                        let _ = parent.insert_before(node, cursor.as_ref().or(Some(&end)));
                    }
                }
            }
            *items.borrow_mut() = next;
        });
        self
    }
}

/// The first node of the list's region: the first item node already in the parent (items are contiguous
/// and end at the anchor), or the anchor.
fn first_after_anchor(end: &Node, items: &[Item]) -> Option<Node> {
    let mut first: Option<Node> = Some(end.clone());
    let mut probe = end.previous_sibling();
    while let Some(p) = probe {
        if items.iter().any(|it| {
            let n: &Node = &it.node;
            n == &p
        }) {
            first = Some(p.clone());
            probe = p.previous_sibling();
        } else {
            break;
        }
    }
    first
}
