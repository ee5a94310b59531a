//! Form fields shared by the zone and product cards of the Scope step: name, description and a 7-FR level
//! vector (SL-T for zones, aimed SL-C for products); and [`DraftField`], the one-line input of a form that
//! acts on a button (a snapshot's name, an evidence reference).

use crate::domain::{Fr, SecurityLevel, SlVector, MAX_NAME_CHARS};
use crate::ui::limited_text::LimitedTextArea;
use leptos::prelude::*;

/// Chooses a 7-FR level vector: one level for all FRs, or one per FR.
#[component]
pub fn VectorChoice(
    /// Unique prefix for element ids.
    prefix: String,
    /// "SL-T" or "Aimed SL-C".
    label: &'static str,
    /// Whether the per-FR form is shown.
    per_fr: RwSignal<bool>,
    /// The current vector.
    value: Signal<SlVector>,
    /// Called with the new vector.
    on_change: Callback<SlVector>,
) -> impl IntoView {
    let p = StoredValue::new(prefix);
    let dom = move |suffix: &str| format!("{}-{suffix}", p.get_value());
    view! {
        <div class="check">
            <input type="radio" id=dom("uniform") name=dom("sl-mode") prop:checked=move || !per_fr.get()
                on:change=move |_| per_fr.set(false) />
            <label for=dom("uniform")>"One level for all foundational requirements"</label>
        </div>
        <div class="check">
            <input type="radio" id=dom("per-fr") name=dom("sl-mode") prop:checked=move || per_fr.get()
                on:change=move |_| per_fr.set(true) />
            <label for=dom("per-fr")>"A level per foundational requirement"</label>
        </div>
        <Show
            when=move || per_fr.get()
            fallback=move || view! {
                <div class="field">
                    <label for=dom("sl-all")>{format!("{label} for all FRs")}</label>
                    <select id=dom("sl-all")
                        prop:value=move || value.get().get(Fr::Fr1).get().max(1).to_string()
                        on:change=move |ev| {
                            if let Some(l) = event_target_value(&ev).parse::<u8>().ok().and_then(SecurityLevel::new) {
                                on_change.run(SlVector::uniform(l));
                            }
                        }>
                        {level_options(1)}
                    </select>
                </div>
            }
        >
            <div class="fr-grid">
                {Fr::ALL.into_iter().map(|fr| {
                    let sid = dom(&format!("sl-{}", fr.code().to_ascii_lowercase()));
                    view! {
                        <div class="field">
                            <label for=sid.clone() title=fr.name()>{format!("{} {}", fr.code(), fr.name())}</label>
                            <select id=sid
                                prop:value=move || value.get().get(fr).get().to_string()
                                on:change=move |ev| {
                                    if let Some(l) = event_target_value(&ev).parse::<u8>().ok().and_then(SecurityLevel::new) {
                                        let mut v = value.get_untracked();
                                        v.set(fr, l);
                                        on_change.run(v);
                                    }
                                }>
                                {level_options(0)}
                            </select>
                        </div>
                    }
                }).collect_view()}
            </div>
        </Show>
    }
}

/// The name field of a zone or product card (`{card}-name`, with its error `{card}-name-error`). It shows
/// the saved name; a refused name stays in the field, next to its error, until it is corrected, while
/// the rest of the assessment changes around it.
#[component]
pub fn NameField(
    /// The card's element id prefix (the zone or product id).
    card: String,
    /// "Zone name" or "Product name".
    label: &'static str,
    /// The saved name.
    #[prop(into)]
    value: Signal<String>,
    /// Saves a new name, or says why it is refused.
    rename: Callback<String, Result<(), String>>,
) -> impl IntoView {
    let refused = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let id = format!("{card}-name");
    let error_id = format!("{card}-name-error");
    let on_change = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        match rename.run(text.clone()) {
            Ok(()) => {
                refused.set(None);
                error.set(None);
            }
            Err(message) => {
                refused.set(Some(text));
                error.set(Some(message));
            }
        }
    };
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                type="text"
                maxlength=(MAX_NAME_CHARS + 1).to_string()
                prop:value=move || refused.get().unwrap_or_else(|| value.get())
                on:change=on_change
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby=error_id.clone()
            />
            <p id=error_id class="field-error" role="alert">
                {move || error.get()}
            </p>
        </div>
    }
}

/// The description field of a zone or product card (`{card}-description`): each key saves the text, up to
/// `MAX_TEXT_CHARS` (with a counter near the limit).
#[component]
pub fn DescriptionField(
    /// The card's element id prefix (the zone or product id).
    card: String,
    /// The saved description.
    #[prop(into)]
    value: Signal<String>,
    /// A hint shown in the empty field.
    #[prop(optional)]
    placeholder: &'static str,
    /// Saves the text.
    set: Callback<String>,
) -> impl IntoView {
    let id = format!("{card}-description");
    view! {
        <div class="field wide">
            <label for=id.clone()>"Description"</label>
            <LimitedTextArea id=id value=value set=set placeholder=placeholder />
        </div>
    }
}

/// A labelled one-line input holding a draft that a form's button uses (a snapshot's name, the parts of an
/// evidence reference), in a `div.field`. One component for every such field, so that the wasm carries its
/// view once rather than a copy per field.
#[component]
pub fn DraftField(
    /// The input's element id.
    id: String,
    /// The label's text.
    label: &'static str,
    /// The draft.
    value: RwSignal<String>,
    /// The input type (`text` or `date`).
    #[prop(default = "text")]
    kind: &'static str,
    /// The most characters accepted.
    #[prop(default = MAX_NAME_CHARS)]
    max_chars: usize,
    /// A hint shown in the empty field.
    #[prop(optional)]
    placeholder: &'static str,
    /// Whether the label is for screen readers only (the form around says what the field is).
    #[prop(optional)]
    hidden_label: bool,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone() class=hidden_label.then_some("visually-hidden")>{label}</label>
            <input
                id=id
                type=kind
                maxlength=max_chars.to_string()
                placeholder=placeholder
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </div>
    }
}

/// The `<option>`s of the levels `from` to 4.
pub fn level_options(from: u8) -> impl IntoView {
    (from..=4).map(|l| view! { <option value=l.to_string()>{format!("SL {l}")}</option> }).collect_view()
}
