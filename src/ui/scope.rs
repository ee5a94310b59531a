//! Scope: zones (with assets, criticality and target levels, set directly or by the wizard) and conduits
//! (with a target level that follows their zones or is set for the conduit).

use crate::domain::map::zone_map;
use crate::domain::{
    check_zone_name, conduit_lines, suggest_target, AssetType, Conduit, ConduitType, Criticality, Fr, Part,
    PurdueLevel, Role, SlVector, Zone, MAX_CONDUITS, MAX_NAME_CHARS, MAX_ZONES, WIZARD_QUESTIONS,
};
use crate::ui::fields::{DescriptionField, NameField, VectorChoice};
use crate::ui::inventory::{InventoryImport, ZoneInventory};
use crate::ui::limited_text::LimitedTextArea;
use crate::ui::map_edit::{focus_name_field, EditTarget, MapEditing};
use crate::ui::state::{AppState, Step, StepState};
use crate::ui::widgets::{ConfirmRemove, NeedsAssessment, StepFooter};
use crate::ui::zone_map::ZoneMapFigure;
use leptos::prelude::*;
use std::collections::BTreeMap;
use wasm_bindgen::JsCast;

/// The scope step.
#[component]
pub fn ScopeStep() -> impl IntoView {
    let a = StepState::get().assessment;
    let zone_ids = move || a.with(|a| a.zones.iter().map(|z| z.id.clone()).collect::<Vec<_>>());
    // Editing from the map: the map's button here, or a link from another step (`#/scope/zone/z1`), opens
    // the zone's card or the conduit's editor and focuses its name.
    let opened = OpenFromMap(RwSignal::new(None));
    provide_context(opened);
    let open = move |target: EditTarget| {
        opened.0.set(Some(target.clone()));
        focus_name_field(&target);
    };
    provide_context(MapEditing::Here(Callback::new(open)));
    if let Some(target) = window().location().hash().ok().and_then(|h| EditTarget::from_scope_hash(&h)) {
        // Back to the plain route, so that a reload or another visit does not open it again.
        let _ = window().location().replace(&Step::Scope.href());
        open(target);
    }
    view! {
        <section class="step" aria-labelledby="scope-title">
            <h1 id="scope-title" tabindex="-1">"Scope"</h1>
            <NeedsAssessment>
                <UndoBar />
                <Show when=move || a.with(|a| a.answers_part(Part::SystemRequirements))>
                    <p class="lead">
                        "A zone groups assets with the same security needs (for example a process cell, a safety system or the SCADA servers). "
                        "A conduit is a communication path between zones. Each zone gets a target security level (SL-T) per foundational requirement."
                    </p>
                    <Show when=move || a.with(|a| !a.profile.roles.contains(&Role::AssetOwner))>
                        <p class="hint">"As an integrator, zones are optional: add the zones of a system you deliver to assess it against IEC 62443-3-3."</p>
                    </Show>
                    <AddZone />
                    <Show
                        when=move || a.with(|a| !a.zones.is_empty())
                        fallback=|| view! { <p class="empty-state">"No zones yet. Add the first zone above; most plants start with two to five."</p> }
                    >
                        <h2>"Zones"</h2>
                        <For each=zone_ids key=|id| id.clone() children=move |id| view! { <ZoneCard zone_id=id /> } />
                        <InventoryImport />
                    </Show>
                    <Conduits />
                    <ScopeMap />
                </Show>
                <Show when=move || a.with(|a| a.answers_part(Part::ComponentRequirements))>
                    <crate::ui::products::Products />
                </Show>
            </NeedsAssessment>
            <StepFooter step=Step::Scope />
        </section>
    }
}

/// The conduit whose editor the map asked to open (see `ScopeStep`); its row opens the editor.
#[derive(Clone, Copy)]
struct OpenFromMap(RwSignal<Option<EditTarget>>);

/// Undo and redo of the scope's edits (zones, conduits, products, assets), each button naming its step.
/// Ctrl+Z (⌘Z) undoes and Ctrl+Shift+Z, Ctrl+Y (⌘⇧Z) redoes while the Scope step is shown, except in a
/// field the user types in, where the browser's own undo of the text works as usual.
#[component]
fn UndoBar() -> impl IntoView {
    let state = AppState::get();
    let undo = move || state.history_labels.with(|l| l.0.clone());
    let redo = move || state.history_labels.with(|l| l.1.clone());
    let shortcut = window_event_listener(leptos::ev::keydown, move |ev: web_sys::KeyboardEvent| {
        if !(ev.ctrl_key() || ev.meta_key()) || ev.alt_key() || ev.default_prevented() || typing_text(&ev) {
            return;
        }
        let redo = match ev.key().to_lowercase().as_str() {
            "z" => ev.shift_key(),
            "y" if ev.ctrl_key() && !ev.shift_key() => true,
            _ => return,
        };
        ev.prevent_default();
        // With nothing to undo or redo the key does nothing (the disabled button says so).
        if state.history_labels.with_untracked(|l| if redo { l.1.is_some() } else { l.0.is_some() }) {
            state.undo_scope(redo);
        }
    });
    on_cleanup(move || shortcut.remove());
    view! {
        <div class="toolbar undo-bar" role="group" aria-label="Undo and redo">
            <button type="button" class="secondary" aria-describedby="undo-what" title="Undo (Ctrl+Z, on a Mac ⌘Z)"
                aria-keyshortcuts="Control+Z Meta+Z"
                prop:disabled=move || undo().is_none() on:click=move |_| state.undo_scope(false)>
                "Undo"
            </button>
            <span id="undo-what" class="muted">{move || undo().map_or_else(|| "nothing to undo".to_string(), |l| format!("undoes: {l}"))}</span>
            <button type="button" class="secondary" aria-describedby="redo-what" title="Redo (Ctrl+Shift+Z or Ctrl+Y, on a Mac ⌘⇧Z)"
                aria-keyshortcuts="Control+Shift+Z Control+Y Meta+Shift+Z"
                prop:disabled=move || redo().is_none() on:click=move |_| state.undo_scope(true)>
                "Redo"
            </button>
            <span id="redo-what" class="muted">{move || redo().map_or_else(|| "nothing to redo".to_string(), |l| format!("redoes: {l}"))}</span>
            <span class="muted undo-keys">"Keys: Ctrl+Z undo, Ctrl+Shift+Z or Ctrl+Y redo (⌘Z, ⌘⇧Z on a Mac), outside text fields."</span>
        </div>
    }
}

/// Whether a key press comes from a place the user types text in (a text box, text area, list or
/// editable element), where the browser's own undo of the text must keep its keys. Checkboxes, radio
/// buttons and buttons are not.
fn typing_text(ev: &web_sys::KeyboardEvent) -> bool {
    let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) else { return false };
    match el.tag_name().as_str() {
        "TEXTAREA" | "SELECT" => true,
        "INPUT" => !matches!(
            el.get_attribute("type").unwrap_or_default().to_ascii_lowercase().as_str(),
            "checkbox" | "radio" | "button" | "submit" | "reset" | "file" | "range" | "color" | "image"
        ),
        _ => el.is_content_editable(),
    }
}

/// The map of the zones and conduits, drawn from the assessment with each zone's standing, under the
/// conduits (it follows every edit above).
#[component]
fn ScopeMap() -> impl IntoView {
    let step = StepState::get();
    let has_zones = Memo::new(move |_| step.assessment.with(|a| !a.zones.is_empty()));
    let map = Memo::new(move |_| step.scorecard.with(|card| step.assessment.with(|a| zone_map(a, card))));
    view! {
        <Show when=move || has_zones.get()>
            <section class="card" aria-labelledby="scope-map-title">
                <h2 id="scope-map-title">"Map of zones and conduits"</h2>
                <ZoneMapFigure map=map />
            </section>
        </Show>
    }
}

#[component]
fn AddZone() -> impl IntoView {
    let state = AppState::get();
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let add = move || {
        let value = name.get_untracked();
        let check = state.assessment.with_untracked(|a| {
            if a.zones.len() >= MAX_ZONES {
                return Err(format!("An assessment can hold at most {MAX_ZONES} zones."));
            }
            check_zone_name(a, &value, None).map_err(|p| p.message("zone"))
        });
        match check {
            Err(e) => error.set(Some(e)),
            Ok(()) => {
                error.set(None);
                state.edit_scope(&format!("Add zone {}", value.trim()), None, |a| {
                    let id = a.next_zone_id();
                    a.zones.push(Zone::new(&id, value.trim()));
                });
                name.set(String::new());
            }
        }
    };
    view! {
        <div class="card">
            <h2>"Add a zone"</h2>
            <form class="inline-form" on:submit=move |ev| { ev.prevent_default(); add(); }>
                <label for="new-zone-name">"Zone name"</label>
                <input
                    id="new-zone-name"
                    type="text"
                    maxlength=(MAX_NAME_CHARS + 1).to_string()
                    placeholder="e.g. Filling line control"
                    prop:value=move || name.get()
                    on:input=move |ev| name.set(event_target_value(&ev))
                    aria-invalid=move || error.with(|e| e.is_some()).to_string()
                    aria-describedby="new-zone-error"
                />
                <button type="submit" class="button primary">"Add zone"</button>
            </form>
            <p id="new-zone-error" class="field-error" role="alert">{move || error.get()}</p>
        </div>
    }
}

#[component]
fn ZoneCard(zone_id: String) -> impl IntoView {
    let state = AppState::get();
    let a = StepState::get().assessment;
    let id = StoredValue::new(zone_id);
    // One subscriber of the assessment per card: the fields follow this memo, which changes only when the
    // zone does.
    let zone = Memo::new(move |_| a.with(|a| a.zone(&id.get_value()).cloned()));
    let zone = move || zone.get();
    let field = move |f: fn(&Zone) -> String| move || zone().map(|z| f(&z)).unwrap_or_default();
    let edit_zone = move |change: Box<dyn FnOnce(&mut Zone)>| {
        state.edit_scope("Edit a zone", Some(&format!("zone:{}", id.get_value())), |a| {
            if let Some(z) = a.zones.iter_mut().find(|z| z.id == id.get_value()) {
                change(z);
            }
        })
    };
    let per_fr = RwSignal::new(untrack(zone).map(|z| !z.target.is_uniform()).unwrap_or(false));
    let wizard_open = RwSignal::new(false);
    let dom = move |suffix: &str| format!("{}-{suffix}", id.get_value());
    let title = field(|z| z.name.clone());

    let rename = move |value: String| {
        a.with_untracked(|a| check_zone_name(a, &value, Some(&id.get_value()))).map_err(|p| p.message("zone"))?;
        edit_zone(Box::new(move |z| z.name = value.trim().to_string()));
        Ok(())
    };
    let remove = move |()| {
        let zone_name = title();
        let mut gone = Vec::new();
        state.edit_scope(&format!("Remove zone {zone_name}"), None, |a| gone = a.remove_zone(&id.get_value()));
        let text = if gone.is_empty() {
            format!("Zone \"{zone_name}\" was removed.")
        } else {
            let names: Vec<String> = gone.iter().map(|c| format!("\"{}\"", c.name)).collect();
            format!("Zone \"{zone_name}\" was removed, with the conduit(s) that connected it: {}.", names.join(", "))
        };
        state.info(&text);
    };

    // Where the zone stands in the order (first, last), and what its inventory adds up to.
    let place = Memo::new(move |_| {
        a.with(|a| {
            let at = a.zones.iter().position(|z| z.id == id.get_value());
            (at == Some(0), at.is_some_and(|i| i + 1 == a.zones.len()))
        })
    });
    let counts = Memo::new(move |_| a.with(|a| a.asset_counts(&id.get_value())));
    let reorder = move |earlier: bool| {
        let name = title();
        let direction = if earlier { "up" } else { "down" };
        state.edit_scope(&format!("Move zone {name} {direction}"), None, |a| {
            a.move_zone(&id.get_value(), earlier);
        });
        // The card moved in the page, which takes the focus from the button: give it back (or to the other
        // button when this one is now at the end and disabled).
        let (first, last) = place.get_untracked();
        let target = if (earlier && first) || (!earlier && last) { !earlier } else { earlier };
        let button = dom(if target { "move-up" } else { "move-down" });
        request_animation_frame(move || {
            let el = document().get_element_by_id(&button).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(el) = el {
                let _ = el.focus();
            }
        });
    };

    view! {
        <article class="card zone-card" aria-labelledby=dom("title")>
            <header class="zone-head">
                <h3 id=dom("title")>{title}</h3>
                <span class="muted">{move || zone().map(|z| {
                    let total = counts.with(|c| c.total());
                    let assets = match total { 0 => String::new(), 1 => " · 1 asset".to_string(), n => format!(" · {n} assets") };
                    format!("SL-T {}{assets}", z.target.notation())
                })}</span>
                <span class="zone-order" role="group" aria-label=move || format!("Order of zone {}", title())>
                    <button type="button" class="button small secondary" id=dom("move-up")
                        aria-label=move || format!("Move zone {} up", title())
                        prop:disabled=move || place.get().0 on:click=move |_| reorder(true)>"Up"</button>
                    " "
                    <button type="button" class="button small secondary" id=dom("move-down")
                        aria-label=move || format!("Move zone {} down", title())
                        prop:disabled=move || place.get().1 on:click=move |_| reorder(false)>"Down"</button>
                </span>
            </header>
            <div class="form-grid">
                <NameField card=id.get_value() label="Zone name" value=Signal::derive(title) rename=Callback::new(rename) />
                <div class="field">
                    <label for=dom("criticality")>"Criticality"</label>
                    <select
                        id=dom("criticality")
                        prop:value=move || zone().map(|z| z.criticality.label().to_string()).unwrap_or_default()
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            if let Some(c) = Criticality::ALL.into_iter().find(|c| c.label() == v) {
                                edit_zone(Box::new(move |z| z.criticality = c));
                            }
                        }
                    >
                        {Criticality::ALL.into_iter().map(|c| view! { <option value=c.label().to_string()>{c.label()}</option> }).collect_view()}
                    </select>
                </div>
                <DescriptionField
                    card=id.get_value()
                    value=Signal::derive(field(|z| z.description.clone()))
                    placeholder="What the zone contains and controls"
                    set=Callback::new(move |text: String| edit_zone(Box::new(move |z| z.description = text)))
                />
            </div>
            <Show when=move || counts.with(|c| c.rows > 0)>
                <p class="asset-types-derived">
                    "Asset types, from the zone's inventory: "
                    {move || counts.with(|c| {
                        let mut kinds: Vec<String> = c.by_kind.keys().map(|k| k.label().to_string()).collect();
                        if c.untyped > 0 { kinds.push("no type given".to_string()); }
                        kinds.join(", ")
                    })}
                </p>
            </Show>
            <fieldset class="asset-types" hidden=move || counts.with(|c| c.rows > 0)>
                <legend>"Typical assets in this zone"</legend>
                {AssetType::ALL.into_iter().map(|t| {
                    let cid = dom(&format!("asset-{t:?}").to_ascii_lowercase());
                    view! {
                        <span class="check">
                            <input type="checkbox" id=cid.clone()
                                prop:checked=move || zone().is_some_and(|z| z.asset_types.contains(&t))
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    edit_zone(Box::new(move |z| { if on { z.asset_types.insert(t); } else { z.asset_types.remove(&t); } }));
                                } />
                            <label for=cid>{t.label()}</label>
                        </span>
                    }
                }).collect_view()}
            </fieldset>

            <ZoneInventory zone_id=id.get_value() />
            <details class="zone-register">
                <summary>"Zone register: organisation, boundary, access points, data flows, Purdue levels"</summary>
                <div class="form-grid">
                    <div class="field">
                        <label for=dom("organisation")>"Accountable organisation"</label>
                        <input id=dom("organisation") type="text" maxlength=MAX_NAME_CHARS.to_string()
                            prop:value=field(|z| z.organisation.clone())
                            on:change=move |ev| { let v = event_target_value(&ev); edit_zone(Box::new(move |z| z.organisation = v.trim().to_string())); } />
                    </div>
                    {[
                        ("boundary", "Boundary (where the zone ends, logically and physically)", (|z: &Zone| z.boundary.clone()) as fn(&Zone) -> String, (|z: &mut Zone, v: String| z.boundary = v) as fn(&mut Zone, String)),
                        ("logical-access", "Logical access points (network interfaces, remote access, wireless)", |z: &Zone| z.logical_access.clone(), |z: &mut Zone, v: String| z.logical_access = v),
                        ("physical-access", "Physical access points (rooms, cabinets, ports)", |z: &Zone| z.physical_access.clone(), |z: &mut Zone, v: String| z.physical_access = v),
                        ("data-flows", "Data flows in and out of the zone", |z: &Zone| z.data_flows.clone(), |z: &mut Zone, v: String| z.data_flows = v),
                    ].into_iter().map(|(suffix, label, get, set)| view! {
                        <div class="field wide">
                            <label for=dom(suffix)>{label}</label>
                            <LimitedTextArea id=dom(suffix) value=Signal::derive(field(get))
                                set=Callback::new(move |v: String| edit_zone(Box::new(move |z| set(z, v)))) />
                        </div>
                    }).collect_view()}
                </div>
                <fieldset class="purdue-levels">
                    <legend>"Purdue levels the zone spans"</legend>
                    {PurdueLevel::ALL.into_iter().map(|level| {
                        let cid = dom(&format!("purdue-{}", level.code().replace('.', "-")));
                        view! {
                            <span class="check">
                                <input type="checkbox" id=cid.clone()
                                    prop:checked=move || zone().is_some_and(|z| z.purdue_levels.contains(&level))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        edit_zone(Box::new(move |z| { if on { z.purdue_levels.insert(level); } else { z.purdue_levels.remove(&level); } }));
                                    } />
                                <label for=cid>{level.label()}</label>
                            </span>
                        }
                    }).collect_view()}
                </fieldset>
            </details>

            <fieldset class="target-levels">
                <legend>"Target security level (SL-T)"</legend>
                <VectorChoice
                    prefix=id.get_value()
                    label="SL-T"
                    per_fr=per_fr
                    value=Signal::derive(move || zone().map(|z| z.target).unwrap_or_default())
                    on_change=Callback::new(move |v: SlVector| edit_zone(Box::new(move |z| z.target = v)))
                />
                <button type="button" class="button secondary" aria-expanded=move || wizard_open.get().to_string()
                    on:click=move |_| wizard_open.update(|o| *o = !*o)>
                    {move || if wizard_open.get() { "Close the target-level wizard" } else { "Suggest a target with the wizard" }}
                </button>
                <Show when=move || wizard_open.get()>
                    <Wizard zone_id=id.get_value() on_done=Callback::new(move |vector: SlVector| {
                        per_fr.set(!vector.is_uniform());
                        wizard_open.set(false);
                    }) />
                </Show>
            </fieldset>
            <div class="zone-foot">
                <ConfirmRemove
                    button="Remove zone"
                    label="Confirm zone removal"
                    question=Signal::derive(move || format!("Remove \"{}\" with its answers and the conduits that connect it?", title()))
                    confirm="Yes, remove the zone"
                    on_confirm=Callback::new(remove)
                />
            </div>
        </article>
    }
}

/// The target-level wizard for one zone: answers are kept with the zone; the suggestion is applied only
/// when the user accepts it.
#[component]
fn Wizard(zone_id: String, on_done: Callback<SlVector>) -> impl IntoView {
    let state = AppState::get();
    let id = StoredValue::new(zone_id);
    let initial =
        state.assessment.with_untracked(|a| a.zone(&id.get_value()).map(|z| z.wizard.clone()).unwrap_or_default());
    let answers = RwSignal::new(initial);
    let suggestion = Memo::new(move |_| answers.with(suggest_target));
    let accept = move |_| {
        let chosen: BTreeMap<String, String> = answers.get_untracked();
        let vector = suggestion.with_untracked(|s| s.target);
        state.edit_scope("Set a zone's target from the wizard", None, |a| {
            if let Some(z) = a.zones.iter_mut().find(|z| z.id == id.get_value()) {
                z.target = vector;
                z.wizard = chosen;
            }
        });
        state.info(&format!("Target set to {} from the wizard. You can still change any level.", vector.notation()));
        on_done.run(vector);
    };
    view! {
        <div class="wizard" role="group" aria-label="Target-level wizard">
            <p class="hint">"Answer what you can; the suggestion updates as you go and is only applied when you accept it."</p>
            {WIZARD_QUESTIONS.iter().map(|q| {
                let name = format!("{}-wizard-{}", id.get_value(), q.id);
                view! {
                    <fieldset class="wizard-question">
                        <legend>{q.text}</legend>
                        <p class="hint">{q.help}</p>
                        {q.options.iter().map(|o| {
                            let oid = format!("{name}-{}", o.id);
                            view! {
                                <div class="check">
                                    <input type="radio" name=name.clone() id=oid.clone()
                                        prop:checked=move || answers.with(|m| m.get(q.id).map(String::as_str) == Some(o.id))
                                        on:change=move |_| answers.update(|m| { m.insert(q.id.to_string(), o.id.to_string()); }) />
                                    <label for=oid>{o.label}</label>
                                </div>
                            }
                        }).collect_view()}
                    </fieldset>
                }
            }).collect_view()}
            <div class="suggestion" role="status" aria-live="polite">
                <h4>"Suggested target"</h4>
                <p class="vector">{move || suggestion.with(|s| Fr::ALL.into_iter().map(|fr| format!("{} SL {}", fr.code(), s.target.get(fr))).collect::<Vec<_>>().join(" · "))}</p>
                <ul>{move || suggestion.with(|s| s.rationale.iter().map(|r| view! { <li>{r.clone()}</li> }).collect_view())}</ul>
            </div>
            <button type="button" class="button primary" on:click=accept>"Accept this suggestion"</button>
        </div>
    }
}

#[component]
fn Conduits() -> impl IntoView {
    let state = AppState::get();
    let a = StepState::get().assessment;
    let name = RwSignal::new(String::new());
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let protocols = RwSignal::new(String::new());
    let crosses_it = RwSignal::new(false);
    let crosses_internet = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let zones = StepState::get().zone_choices();
    let name_of = move |id: &str| a.with_untracked(|a| zone_name(a, id));
    let conduit_ids = move || a.with(|a| a.conduits.iter().map(|c| c.id.clone()).collect::<Vec<_>>());
    let lines = Memo::new(move |_| a.with(conduit_lines));

    let add = move || {
        let (f, t) = (from.get_untracked(), to.get_untracked());
        let problem = a.with_untracked(|a| {
            if a.zones.len() < 2 {
                Some("Add at least two zones before adding a conduit between them.".to_string())
            } else if a.zone(&f).is_none() || a.zone(&t).is_none() {
                Some("Choose the two zones the conduit connects.".to_string())
            } else if f == t {
                Some("A conduit connects two different zones: choose another zone for one end.".to_string())
            } else if a.conduits.len() >= MAX_CONDUITS {
                Some(format!("An assessment can hold at most {MAX_CONDUITS} conduits."))
            } else if name.get_untracked().chars().count() > MAX_NAME_CHARS {
                Some(format!("Keep the conduit name under {MAX_NAME_CHARS} characters."))
            } else {
                None
            }
        });
        if let Some(p) = problem {
            error.set(Some(p));
            return;
        }
        error.set(None);
        let given = name.get_untracked().trim().to_string();
        let label = if given.is_empty() { format!("{} to {}", name_of(&f), name_of(&t)) } else { given };
        state.edit_scope("Add a conduit", None, |a| {
            let id = a.next_conduit_id();
            a.conduits.push(Conduit {
                id,
                name: label,
                from: f,
                to: t,
                protocols: protocols.get_untracked().chars().take(MAX_NAME_CHARS * 4).collect(),
                crosses_it: crosses_it.get_untracked(),
                crosses_internet: crosses_internet.get_untracked(),
                target: None,
                kind: None,
                manager: String::new(),
            });
        });
        name.set(String::new());
        protocols.set(String::new());
        crosses_it.set(false);
        crosses_internet.set(false);
    };
    let zone_select = move |id: &'static str, label: &'static str, signal: RwSignal<String>| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <select id=id prop:value=move || signal.get() on:change=move |ev| signal.set(event_target_value(&ev))>
                    <option value="">"Choose a zone"</option>
                    {move || zones.get().into_iter().map(|(zid, zname)| view! { <option value=zid>{zname}</option> }).collect_view()}
                </select>
            </div>
        }
    };

    view! {
        <div class="card">
            <h2>"Conduits"</h2>
            <p class="hint">"Record each communication path between zones, and whether it reaches the office (IT) network or the internet. A conduit's target level (SL-T) follows its zones (per FR the higher of the two) unless you set one for it."</p>
            <form class="form-grid" on:submit=move |ev| { ev.prevent_default(); add(); }>
                <div class="field">
                    <label for="conduit-name">"Conduit name (optional)"</label>
                    <input id="conduit-name" type="text" maxlength=(MAX_NAME_CHARS + 1).to_string()
                        prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev)) />
                </div>
                {zone_select("conduit-from", "From zone", from)}
                {zone_select("conduit-to", "To zone", to)}
                <div class="field">
                    <label for="conduit-protocols">"Protocols"</label>
                    <input id="conduit-protocols" type="text" placeholder="e.g. OPC UA, Modbus/TCP, RDP"
                        prop:value=move || protocols.get() on:input=move |ev| protocols.set(event_target_value(&ev)) />
                </div>
                <div class="check">
                    <input id="conduit-it" type="checkbox" prop:checked=move || crosses_it.get()
                        on:change=move |ev| crosses_it.set(event_target_checked(&ev)) />
                    <label for="conduit-it">"Crosses to the IT network"</label>
                </div>
                <div class="check">
                    <input id="conduit-internet" type="checkbox" prop:checked=move || crosses_internet.get()
                        on:change=move |ev| crosses_internet.set(event_target_checked(&ev)) />
                    <label for="conduit-internet">"Crosses to the internet"</label>
                </div>
                <div class="field"><button type="submit" class="button primary">"Add conduit"</button></div>
            </form>
            <p class="field-error" role="alert">{move || error.get()}</p>
            <Show when=move || a.with(|a| !a.conduits.is_empty())>
                <table class="data-table">
                    <caption>"Conduits"</caption>
                    <thead><tr><th scope="col">"Name"</th><th scope="col">"Connects"</th><th scope="col">"Type"</th><th scope="col">"Protocols"</th><th scope="col">"Crosses"</th><th scope="col">"SL-T"</th><th scope="col"><span class="visually-hidden">"Actions"</span></th></tr></thead>
                    <tbody>
                        <For each=conduit_ids key=|id| id.clone() children=move |id| view! { <ConduitRow conduit_id=id /> } />
                    </tbody>
                </table>
                <ul class="conduits" aria-label="Target level per conduit">
                    {move || lines.get().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                </ul>
            </Show>
        </div>
    }
}

/// A zone's name, or "(removed zone)" for an id no zone has.
fn zone_name(a: &crate::domain::Assessment, id: &str) -> String {
    a.zone(id).map(|z| z.name.clone()).unwrap_or_else(|| "(removed zone)".into())
}

/// What the conduits table shows of one conduit.
#[derive(Clone, PartialEq)]
struct ConduitShown {
    conduit: Conduit,
    /// "Control room ↔ Safety system".
    connects: String,
    /// The target its zones give it (per FR the higher of their SL-T).
    from_zones: SlVector,
}

/// One conduit in the conduits table, with its target level and, when opened, the editor of that level
/// (a second row).
#[component]
fn ConduitRow(conduit_id: String) -> impl IntoView {
    let state = AppState::get();
    let a = StepState::get().assessment;
    let id = StoredValue::new(conduit_id);
    // One subscriber of the assessment per row (see `ZoneCard`), which its editor shares.
    let shown = Memo::new(move |_| {
        a.with(|a| {
            a.conduit(&id.get_value()).map(|c| ConduitShown {
                conduit: c.clone(),
                connects: format!("{} ↔ {}", zone_name(a, &c.from), zone_name(a, &c.to)),
                from_zones: a.zones_target(c),
            })
        })
    });
    let field = move |f: fn(&ConduitShown) -> String| move || shown.with(|c| c.as_ref().map(f)).unwrap_or_default();
    let name = field(|c| c.conduit.name.clone());
    let target = field(|c| match c.conduit.target {
        Some(own) => format!("{} set for the conduit", own.notation()),
        None => format!("{} from its zones", c.from_zones.notation()),
    });
    let editing = RwSignal::new(false);
    let details_open = RwSignal::new(false);
    if let Some(OpenFromMap(asked)) = use_context() {
        Effect::new(move || {
            if asked.with(|t| t.as_ref() == Some(&EditTarget::Conduit(id.get_value()))) {
                details_open.set(true);
            }
        });
    }
    let dom = move |suffix: &str| format!("{}-{suffix}", id.get_value());
    let remove = move |_| {
        let cid = id.get_value();
        state.edit_scope("Remove a conduit", None, move |a| a.conduits.retain(|x| x.id != cid))
    };
    view! {
        <tr>
            <td>{name}</td>
            <td>{field(|c| c.connects.clone())}</td>
            <td>{field(|c| c.conduit.kind.map_or("Not recorded", ConduitType::label).to_string())}</td>
            <td>{field(|c| c.conduit.protocols.clone())}</td>
            <td>{field(|c| crosses(&c.conduit).to_string())}</td>
            <td>{target}</td>
            <td>
                <button type="button" class="button small secondary" aria-expanded=move || details_open.get().to_string()
                    aria-controls=dom("details-editor")
                    aria-label=move || format!("Edit conduit {}", name())
                    on:click=move |_| details_open.update(|e| *e = !*e)>"Edit"</button>
                " "
                <button type="button" class="button small secondary" aria-expanded=move || editing.get().to_string()
                    aria-controls=dom("target-editor")
                    aria-label=move || format!("Target level of conduit {}", name())
                    on:click=move |_| editing.update(|e| *e = !*e)>"Target level"</button>
                " "
                <button type="button" class="button small danger" aria-label=move || format!("Remove conduit {}", name())
                    on:click=remove>"Remove"</button>
            </td>
        </tr>
        <Show when=move || details_open.get()>
            <tr class="conduit-editor" id=dom("details-editor")>
                <td colspan="7"><ConduitDetails conduit_id=id.get_value() shown=shown /></td>
            </tr>
        </Show>
        <Show when=move || editing.get()>
            <tr class="conduit-editor" id=dom("target-editor")>
                <td colspan="7"><ConduitTarget conduit_id=id.get_value() shown=shown /></td>
            </tr>
        </Show>
    }
}

/// The editor of one conduit's register entry: name, the zones it joins, type, protocols and ports,
/// who manages it, and the networks it crosses. Each change is saved as it is made.
#[component]
fn ConduitDetails(conduit_id: String, shown: Memo<Option<ConduitShown>>) -> impl IntoView {
    let state = AppState::get();
    let id = StoredValue::new(conduit_id);
    let error = RwSignal::new(None::<String>);
    let zones = StepState::get().zone_choices();
    let get =
        move |f: fn(&Conduit) -> String| move || shown.with(|c| c.as_ref().map(|c| f(&c.conduit))).unwrap_or_default();
    let set = move |change: Box<dyn FnOnce(&mut Conduit)>| {
        state.edit_scope("Edit a conduit", Some(&format!("conduit:{}", id.get_value())), |a| {
            if let Some(c) = a.conduits.iter_mut().find(|c| c.id == id.get_value()) {
                change(c);
            }
        })
    };
    let dom = move |suffix: &str| format!("{}-{suffix}", id.get_value());
    // An end may change only to a zone the other end is not in.
    let set_end = move |from_end: bool, ev: leptos::ev::Event| {
        let zone = event_target_value(&ev);
        let (this, other) = shown
            .with_untracked(|c| c.as_ref().map(|c| (c.conduit.from.clone(), c.conduit.to.clone())))
            .map(|(from, to)| if from_end { (from, to) } else { (to, from) })
            .unwrap_or_default();
        if other == zone || zone.is_empty() {
            error.set(Some("A conduit connects two different zones: choose another zone for this end.".into()));
            // The list goes back to the zone the end is still in.
            if let Some(select) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()) {
                select.set_value(&this);
            }
            return;
        }
        error.set(None);
        set(Box::new(move |c| if from_end { c.from = zone } else { c.to = zone }));
    };
    let end = move |suffix: &'static str, label: &'static str, from_end: bool| {
        let current = get(if from_end { |c: &Conduit| c.from.clone() } else { |c: &Conduit| c.to.clone() });
        view! {
            <div class="field">
                <label for=dom(suffix)>{label}</label>
                <select id=dom(suffix) prop:value=current on:change=move |ev| set_end(from_end, ev)>
                    {move || zones.get().into_iter().map(|(zid, zname)| view! { <option value=zid>{zname}</option> }).collect_view()}
                </select>
            </div>
        }
    };
    view! {
        <fieldset class="conduit-details">
            <legend>{move || format!("Conduit {}", get(|c| c.name.clone())())}</legend>
            <div class="form-grid">
                <div class="field">
                    <label for=dom("name")>"Conduit name"</label>
                    <input id=dom("name") type="text" maxlength=MAX_NAME_CHARS.to_string() prop:value=get(|c| c.name.clone())
                        on:change=move |ev| {
                            let v = event_target_value(&ev).trim().to_string();
                            if v.is_empty() {
                                error.set(Some("Give the conduit a name.".into()));
                            } else {
                                error.set(None);
                                set(Box::new(move |c| c.name = v));
                            }
                        } />
                </div>
                {end("from", "From zone", true)}
                {end("to", "To zone", false)}
                <div class="field">
                    <label for=dom("type")>"Conduit type"</label>
                    <select id=dom("type") prop:value=get(|c| c.kind.map(|k| k.label().to_string()).unwrap_or_default())
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            let kind = ConduitType::ALL.into_iter().find(|k| k.label() == v);
                            set(Box::new(move |c| c.kind = kind));
                        }>
                        <option value="">"Not recorded"</option>
                        {ConduitType::ALL.into_iter().map(|k| view! { <option value=k.label()>{k.label()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=dom("protocols")>"Protocols and ports"</label>
                    <input id=dom("protocols") type="text" maxlength=(MAX_NAME_CHARS * 4).to_string() prop:value=get(|c| c.protocols.clone())
                        on:change=move |ev| { let v = event_target_value(&ev); set(Box::new(move |c| c.protocols = v)); } />
                </div>
                <div class="field">
                    <label for=dom("manager")>"Managed by"</label>
                    <input id=dom("manager") type="text" maxlength=MAX_NAME_CHARS.to_string() prop:value=get(|c| c.manager.clone())
                        on:change=move |ev| { let v = event_target_value(&ev).trim().to_string(); set(Box::new(move |c| c.manager = v)); } />
                </div>
                <div class="check">
                    <input id=dom("it") type="checkbox" prop:checked=move || shown.with(|c| c.as_ref().is_some_and(|c| c.conduit.crosses_it))
                        on:change=move |ev| { let on = event_target_checked(&ev); set(Box::new(move |c| c.crosses_it = on)); } />
                    <label for=dom("it")>"Crosses to the IT network"</label>
                </div>
                <div class="check">
                    <input id=dom("internet") type="checkbox" prop:checked=move || shown.with(|c| c.as_ref().is_some_and(|c| c.conduit.crosses_internet))
                        on:change=move |ev| { let on = event_target_checked(&ev); set(Box::new(move |c| c.crosses_internet = on)); } />
                    <label for=dom("internet")>"Crosses to the internet"</label>
                </div>
            </div>
            <p class="field-error" role="alert">{move || error.get()}</p>
        </fieldset>
    }
}

/// Which networks a conduit crosses to, in words.
fn crosses(c: &Conduit) -> &'static str {
    match (c.crosses_it, c.crosses_internet) {
        (true, true) => "IT network and internet",
        (true, false) => "IT network",
        (false, true) => "Internet",
        (false, false) => "No",
    }
}

/// The target level of one conduit: follow its zones (per FR the higher of their SL-T), or a vector set
/// for the conduit, which starts as the one its zones give.
#[component]
fn ConduitTarget(conduit_id: String, shown: Memo<Option<ConduitShown>>) -> impl IntoView {
    let state = AppState::get();
    let id = StoredValue::new(conduit_id);
    let own = move || shown.with(|c| c.as_ref().and_then(|c| c.conduit.target));
    let from_zones = move || shown.with(|c| c.as_ref().map(|c| c.from_zones).unwrap_or_default());
    let name = move || shown.with(|c| c.as_ref().map(|c| c.conduit.name.clone())).unwrap_or_default();
    let set = move |target: Option<SlVector>| {
        state.edit_scope("Set a conduit's target", None, |a| {
            if let Some(c) = a.conduits.iter_mut().find(|c| c.id == id.get_value()) {
                c.target = target;
            }
        })
    };
    let per_fr = RwSignal::new(untrack(move || !own().unwrap_or_else(from_zones).is_uniform()));
    let dom = move |suffix: &str| format!("{}-{suffix}", id.get_value());
    let set_own = move |_| {
        let start = from_zones();
        per_fr.set(!start.is_uniform());
        set(Some(start));
    };
    view! {
        <fieldset class="target-levels conduit-target">
            <legend>{move || format!("Target security level (SL-T) of {}", name())}</legend>
            <div class="check">
                <input type="radio" id=dom("follow") name=dom("target-mode") prop:checked=move || own().is_none()
                    on:change=move |_| set(None) />
                <label for=dom("follow")>{move || format!("Follow its zones: per FR the higher of their SL-T, now {}", from_zones().notation())}</label>
            </div>
            <div class="check">
                <input type="radio" id=dom("own") name=dom("target-mode") prop:checked=move || own().is_some()
                    on:change=set_own />
                <label for=dom("own")>"Set a target level for the conduit"</label>
            </div>
            <Show when=move || own().is_some()>
                <VectorChoice
                    prefix=id.get_value()
                    label="SL-T"
                    per_fr=per_fr
                    value=Signal::derive(move || own().unwrap_or_default())
                    on_change=Callback::new(move |v: SlVector| set(Some(v)))
                />
            </Show>
        </fieldset>
    }
}
