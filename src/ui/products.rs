//! Products of a supplier (IEC 62443-4-2): name, component type and the capability level (SL-C) aimed for.

use crate::domain::{check_product_name, ComponentType, Product, SlVector, MAX_NAME_CHARS, MAX_ZONES};
use crate::ui::fields::{DescriptionField, NameField, VectorChoice};
use crate::ui::state::{AppState, StepState};
use crate::ui::widgets::ConfirmRemove;
use leptos::prelude::*;

fn type_from(value: &str) -> Option<ComponentType> {
    ComponentType::ALL.into_iter().find(|t| t.code() == value)
}

/// The products section of the scope step.
#[component]
pub fn Products() -> impl IntoView {
    let state = AppState::get();
    let a = StepState::get().assessment;
    let name = RwSignal::new(String::new());
    let component = RwSignal::new(ComponentType::EmbeddedDevice);
    let error = RwSignal::new(None::<String>);
    let ids = move || a.with(|a| a.products.iter().map(|p| p.id.clone()).collect::<Vec<_>>());
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
                let kind = component.get_untracked();
                state.edit_scope("Add a product", None, |a| {
                    let id = a.next_product_id();
                    a.products.push(Product::new(&id, value.trim(), kind));
                });
                name.set(String::new());
            }
        }
    };
    view! {
        <h2>"Products"</h2>
        <p class="lead">
            "Each product (component) is assessed against the IEC 62443-4-2 requirements of its component type, "
            "up to the capability level (SL-C) you aim to reach or certify."
        </p>
        <div class="card">
            <h3>"Add a product"</h3>
            <form class="form-grid" on:submit=move |ev| { ev.prevent_default(); add(); }>
                <div class="field">
                    <label for="new-product-name">"Product name"</label>
                    <input id="new-product-name" type="text" maxlength=(MAX_NAME_CHARS + 1).to_string()
                        placeholder="e.g. RTU 560 firmware 4.2"
                        prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))
                        aria-invalid=move || error.with(|e| e.is_some()).to_string()
                        aria-describedby="new-product-error" />
                </div>
                <div class="field">
                    <label for="new-product-type">"Component type"</label>
                    <select id="new-product-type" prop:value=move || component.get().code().to_string()
                        on:change=move |ev| { if let Some(t) = type_from(&event_target_value(&ev)) { component.set(t) } }>
                        {ComponentType::ALL.into_iter().map(|t| view! { <option value=t.code()>{t.label()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field"><button type="submit" class="button primary">"Add product"</button></div>
            </form>
            <p id="new-product-error" class="field-error" role="alert">{move || error.get()}</p>
        </div>
        <Show
            when=move || a.with(|a| !a.products.is_empty())
            fallback=|| view! { <p class="empty-state">"No products yet. Add the first product above."</p> }
        >
            <For each=ids key=|id| id.clone() children=move |id| view! { <ProductCard product_id=id /> } />
        </Show>
    }
}

#[component]
fn ProductCard(product_id: String) -> impl IntoView {
    let state = AppState::get();
    let a = StepState::get().assessment;
    let id = StoredValue::new(product_id);
    // One subscriber of the assessment per card (see `ZoneCard`).
    let product = Memo::new(move |_| a.with(|a| a.product(&id.get_value()).cloned()));
    let product = move || product.get();
    let edit = move |change: Box<dyn FnOnce(&mut Product)>| {
        state.edit_scope("Edit a product", Some(&format!("product:{}", id.get_value())), |a| {
            if let Some(p) = a.products.iter_mut().find(|p| p.id == id.get_value()) {
                change(p);
            }
        })
    };
    let dom = move |suffix: &str| format!("{}-{suffix}", id.get_value());
    let per_fr = RwSignal::new(untrack(product).map(|p| !p.target.is_uniform()).unwrap_or(false));
    let title = move || product().map(|p| p.name).unwrap_or_default();
    let rename = move |value: String| {
        a.with_untracked(|a| check_product_name(a, &value, Some(&id.get_value()))).map_err(|p| p.message("product"))?;
        edit(Box::new(move |p| p.name = value.trim().to_string()));
        Ok(())
    };
    let remove = move |()| {
        let name = title();
        state.edit_scope("Remove a product", None, |a| a.remove_product(&id.get_value()));
        state.info(&format!("Product \"{name}\" was removed with its answers."));
    };
    view! {
        <article class="card zone-card product-card" aria-labelledby=dom("title")>
            <header class="zone-head">
                <h3 id=dom("title")>{title}</h3>
                <span class="muted">{move || product().map(|p| format!("{} · aimed SL-C {}", p.component_type.code(), p.target.notation()))}</span>
            </header>
            <div class="form-grid">
                <NameField card=id.get_value() label="Product name" value=Signal::derive(title) rename=Callback::new(rename) />
                <div class="field">
                    <label for=dom("type")>"Component type"</label>
                    <select id=dom("type") prop:value=move || product().map(|p| p.component_type.code().to_string()).unwrap_or_default()
                        on:change=move |ev| { if let Some(t) = type_from(&event_target_value(&ev)) { edit(Box::new(move |p| p.component_type = t)) } }>
                        {ComponentType::ALL.into_iter().map(|t| view! { <option value=t.code()>{t.label()}</option> }).collect_view()}
                    </select>
                </div>
                <DescriptionField
                    card=id.get_value()
                    value=Signal::derive(move || product().map(|p| p.description).unwrap_or_default())
                    set=Callback::new(move |text: String| edit(Box::new(move |p| p.description = text)))
                />
            </div>
            <fieldset class="target-levels">
                <legend>"Capability level aimed for (SL-C)"</legend>
                <VectorChoice
                    prefix=id.get_value()
                    label="Aimed SL-C"
                    per_fr=per_fr
                    value=Signal::derive(move || product().map(|p| p.target).unwrap_or_default())
                    on_change=Callback::new(move |v: SlVector| edit(Box::new(move |p| p.target = v)))
                />
            </fieldset>
            <div class="zone-foot">
                <ConfirmRemove
                    button="Remove product"
                    label="Confirm product removal"
                    question=Signal::derive(move || format!("Remove \"{}\" with its answers?", title()))
                    confirm="Yes, remove the product"
                    on_confirm=Callback::new(remove)
                />
            </div>
        </article>
    }
}
