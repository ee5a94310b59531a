//! Products of a supplier (IEC 62443-4-2): name, component type and the capability level (SL-C) aimed for.

use crate::domain::{check_product_name, ComponentType, Product, SlVector, MAX_NAME_CHARS, MAX_ZONES};
use crate::ui::dom::{el, elc, El};
use crate::ui::kit::confirm_remove;
use crate::ui::prelude::*;
use crate::ui::scope::{description_field, name_field, option, vector_choice};
use crate::ui::state::AppState;
use std::rc::Rc;

fn type_from(value: &str) -> Option<ComponentType> {
    ComponentType::ALL.into_iter().find(|t| t.code() == value)
}

/// A `<select>` of the component types.
fn type_select(id: &str) -> El {
    let mut s = el("select").id(id);
    for t in ComponentType::ALL {
        s = s.child(option(t.code(), t.label()));
    }
    s
}

/// Appends the products part of the scope step to `section`, shown while `shown` gives true: heading,
/// the form that adds a product, and a card per product (direct children of `section`, like the zone
/// cards).
pub fn products(section: El, shown: Rc<dyn Fn() -> bool>) -> El {
    let state = AppState::get();
    let a = state.assessment;
    let (when_form, when_empty, when_list) = (shown.clone(), shown.clone(), shown);
    section
        .when(move || when_form(), add_product)
        .when(
            move || when_empty() && a.with(|a| a.products.is_empty()),
            || vec![elc("p", "empty-state").text("No products yet. Add the first product above.")],
        )
        .keyed(
            move || {
                if when_list() {
                    a.with(|a| a.products.iter().map(|p| p.id.clone()).collect())
                } else {
                    Vec::new()
                }
            },
            product_card,
        )
}

/// The heading, lead and form that adds a product.
fn add_product() -> Vec<El> {
    let state = AppState::get();
    let a = state.assessment;
    let name = RwSignal::new(String::new());
    // The chosen type's code (a String signal, a type the app already has signals of, rather than one
    // more signal type for one select).
    let component = RwSignal::new(ComponentType::EmbeddedDevice.code().to_string());
    let error = RwSignal::new(None::<String>);
    let add = move || {
        let value = name.get_untracked();
        let check = a.with_untracked(|a| {
            if a.products.len() >= MAX_ZONES {
                return Err(format!("An assessment can hold at most {MAX_ZONES} products."));
            }
            check_product_name(a, &value, None).map_err(|p| p.message("product"))
        });
        match check {
            Err(e) => error.set(Some(e)),
            Ok(()) => {
                error.set(None);
                let kind = component.with_untracked(|c| type_from(c)).unwrap_or(ComponentType::EmbeddedDevice);
                state.edit(|a| {
                    let id = a.next_product_id();
                    a.products.push(Product::new(&id, value.trim(), kind));
                });
                name.set(String::new());
            }
        }
    };
    let form = elc("form", "form-grid")
        .on("submit", move |ev| {
            ev.prevent_default();
            add();
        })
        .child(
            elc("div", "field").child(el("label").attr("for", "new-product-name").text("Product name")).child(
                el("input")
                    .id("new-product-name")
                    .attr("type", "text")
                    .attr("maxlength", &(MAX_NAME_CHARS + 1).to_string())
                    .attr("placeholder", "e.g. RTU 560 firmware 4.2")
                    .dyn_value(move || name.get())
                    .on("input", move |ev| name.set(event_target_value(&ev)))
                    .dyn_attr("aria-invalid", move || Some(error.with(|e| e.is_some()).to_string()))
                    .attr("aria-describedby", "new-product-error"),
            ),
        )
        .child(elc("div", "field").child(el("label").attr("for", "new-product-type").text("Component type")).child(
            type_select("new-product-type").dyn_value(move || component.get()).on("change", move |ev| {
                let code = event_target_value(&ev);
                if type_from(&code).is_some() {
                    component.set(code)
                }
            }),
        ))
        .child(
            elc("div", "field").child(el("button").attr("type", "submit").cls("button primary").text("Add product")),
        );
    vec![
        el("h2").text("Products"),
        elc("p", "lead")
            .text("Each product (component) is assessed against the IEC 62443-4-2 requirements of its component type, ")
            .text("up to the capability level (SL-C) you aim to reach or certify."),
        elc("div", "card").child(el("h3").text("Add a product")).child(form).child(
            el("p")
                .id("new-product-error")
                .cls("field-error")
                .attr("role", "alert")
                .dyn_text(move || error.get().unwrap_or_default()),
        ),
    ]
}

/// One product's card: name, component type, description, aimed SL-C and removal. Its parts follow the
/// product through `dyn_*`, so typing keeps the card and its focus.
fn product_card(product_id: &str) -> El {
    let state = AppState::get();
    let a = state.assessment;
    let id = StoredValue::new(product_id.to_string());
    let dom = |suffix: &str| format!("{product_id}-{suffix}");
    // A text about the product that follows the assessment.
    let read = move |f: fn(&Product) -> String| {
        move || a.with(|a| id.with_value(|id| a.product(id).map(f))).unwrap_or_default()
    };
    let edit = move |change: Box<dyn FnOnce(&mut Product)>| {
        let pid = id.get_value();
        state.edit(move |a| {
            if let Some(p) = a.products.iter_mut().find(|p| p.id == pid) {
                change(p);
            }
        })
    };
    let name_error = RwSignal::new(None::<String>);
    let per_fr = RwSignal::new(a.with_untracked(|a| a.product(product_id).is_some_and(|p| !p.target.is_uniform())));
    let rename =
        move |value: String| match a.with_untracked(|a| id.with_value(|id| check_product_name(a, &value, Some(id)))) {
            Err(p) => name_error.set(Some(p.message("product"))),
            Ok(()) => {
                name_error.set(None);
                edit(Box::new(move |p| p.name = value.trim().to_string()));
            }
        };
    let remove = move || {
        let pid = id.get_value();
        let name = a.with_untracked(|a| a.product(&pid).map(|p| p.name.clone())).unwrap_or_default();
        state.edit(|a| a.remove_product(&pid));
        state.info(&format!("Product \"{name}\" was removed with its answers."));
    };

    let head = elc("header", "zone-head").child(el("h3").id(&dom("title")).dyn_text(read(|p| p.name.clone()))).child(
        elc("span", "muted")
            .dyn_text(read(|p| format!("{} · aimed SL-C {}", p.component_type.code(), p.target.notation()))),
    );
    let name = name_field(product_id, "Product name", Box::new(read(|p| p.name.clone())), name_error, Box::new(rename));
    let kind = elc("div", "field").child(el("label").attr("for", &dom("type")).text("Component type")).child(
        type_select(&dom("type")).dyn_value(read(|p| p.component_type.code().to_string())).on("change", move |ev| {
            if let Some(t) = type_from(&event_target_value(&ev)) {
                edit(Box::new(move |p| p.component_type = t))
            }
        }),
    );
    let description = description_field(
        product_id,
        None,
        Box::new(read(|p| p.description.clone())),
        Box::new(move |v| edit(Box::new(move |p| p.description = v))),
    );
    let target = vector_choice(
        elc("fieldset", "target-levels").child(el("legend").text("Capability level aimed for (SL-C)")),
        product_id,
        "Aimed SL-C",
        per_fr,
        Rc::new(move || a.with(|a| id.with_value(|id| a.product(id).map(|p| p.target))).unwrap_or_default()),
        Rc::new(move |v: SlVector| edit(Box::new(move |p| p.target = v))),
    );
    let foot = confirm_remove(
        elc("div", "zone-foot"),
        "Remove product",
        "Confirm product removal",
        move || {
            let name = a.with(|a| id.with_value(|id| a.product(id).map(|p| p.name.clone()))).unwrap_or_default();
            format!("Remove \"{name}\" with its answers?")
        },
        "Yes, remove the product",
        remove,
    );
    elc("article", "card zone-card product-card")
        .attr("aria-labelledby", &dom("title"))
        .child(head)
        .child(elc("div", "form-grid").child(name).child(kind).child(description))
        .child(target)
        .child(foot)
}
