//! Scope: zones (with assets, criticality and target levels, set directly or by the wizard) and conduits.

use crate::domain::sorted::SortedMap;
use crate::domain::{
    check_zone_name, suggest_target, Assessment, AssetType, Conduit, Criticality, Fr, Part, Role, SecurityLevel,
    SlVector, Zone, MAX_CONDUITS, MAX_NAME_CHARS, MAX_TEXT_CHARS, MAX_ZONES, WIZARD_QUESTIONS,
};
use crate::ui::dom::{el, elc, memo, watch, El};
use crate::ui::kit::{confirm_remove, needs_assessment, step_footer, step_section};
use crate::ui::prelude::*;
use crate::ui::state::{AppState, Step};
use std::cell::RefCell;
use std::rc::Rc;

/// The scope step. The zone and product cards are direct children of the section (a `keyed` list needs
/// its parent element), so each part of the step is appended to the section under its own condition
/// instead of being nested in one conditional part.
pub fn scope_step() -> El {
    let state = AppState::get();
    let a = state.assessment;
    let systems = move || state.has_assessment() && a.with(|a| a.answers_part(Part::SystemRequirements));
    let products = move || state.has_assessment() && a.with(|a| a.answers_part(Part::ComponentRequirements));
    let section = needs_assessment(step_section("step", "scope", "Scope", ""), Vec::new)
        .when(systems, || {
            vec![elc("p", "lead")
                .text("A zone groups assets with the same security needs (for example a process cell, a safety system or the SCADA servers). ")
                .text("A conduit is a communication path between zones. Each zone gets a target security level (SL-T) per foundational requirement.")]
        })
        .when(
            move || systems() && a.with(|a| !a.profile.roles.contains(&Role::AssetOwner)),
            || {
                vec![elc("p", "hint").text(
                    "As an integrator, zones are optional: add the zones of a system you deliver to assess it against IEC 62443-3-3.",
                )]
            },
        )
        .when(systems, || vec![add_zone()])
        .switch(
            move || if systems() { 1 + a.with(|a| !a.zones.is_empty()) as u64 } else { 0 },
            |shown| match shown {
                1 => vec![elc("p", "empty-state")
                    .text("No zones yet. Add the first zone above; most plants start with two to five.")],
                2 => vec![el("h2").text("Zones")],
                _ => Vec::new(),
            },
        )
        .keyed(
            move || {
                if systems() {
                    a.with(|a| a.zones.iter().map(|z| z.id.clone()).collect())
                } else {
                    Vec::new()
                }
            },
            zone_card,
        )
        .when(systems, || vec![conduits()]);
    crate::ui::products::products(section, Rc::new(products)).child(step_footer(Step::Scope))
}

/// `<option value="value">text</option>`.
pub fn option(value: &str, text: &str) -> El {
    el("option").attr("value", value).text(text)
}

/// The name field of a zone or product card (`{card}-name`): the input follows `value` (a refused name
/// stays in it, next to its error, while other data changes); a change goes to `rename`, which sets `error`
/// when it refuses the name.
pub fn name_field(
    card: &str,
    label: &str,
    value: Box<dyn Fn() -> String>,
    error: RwSignal<Option<String>>,
    rename: Box<dyn Fn(String)>,
) -> El {
    let (id, error_id) = (format!("{card}-name"), format!("{card}-name-error"));
    elc("div", "field")
        .child(el("label").attr("for", &id).text(label))
        .child(
            el("input")
                .id(&id)
                .attr("type", "text")
                .attr("maxlength", &(MAX_NAME_CHARS + 1).to_string())
                .dyn_value(value)
                .on("change", move |ev| rename(event_target_value(&ev)))
                .dyn_attr("aria-invalid", move || Some(error.with(|e| e.is_some()).to_string()))
                .attr("aria-describedby", &error_id),
        )
        .child(
            el("p")
                .id(&error_id)
                .cls("field-error")
                .attr("role", "alert")
                .dyn_text(move || error.get().unwrap_or_default()),
        )
}

/// The description field of a zone or product card (`{card}-description`): follows `value`; each key
/// gives the text, cut to `MAX_TEXT_CHARS`, to `set`.
pub fn description_field(
    card: &str,
    placeholder: Option<&str>,
    value: Box<dyn Fn() -> String>,
    set: Box<dyn Fn(String)>,
) -> El {
    let id = format!("{card}-description");
    let mut area = el("textarea").id(&id).attr("rows", "2").attr("maxlength", &MAX_TEXT_CHARS.to_string());
    if let Some(p) = placeholder {
        area = area.attr("placeholder", p);
    }
    elc("div", "field wide").child(el("label").attr("for", &id).text("Description")).child(
        area.dyn_value(value)
            .on("input", move |ev| set(event_target_value(&ev).chars().take(MAX_TEXT_CHARS).collect())),
    )
}

/// The level chosen in a level `<select>`, from its change event.
fn level_of(ev: &web_sys::Event) -> Option<SecurityLevel> {
    event_target_value(ev).parse::<u8>().ok().and_then(SecurityLevel::new)
}

/// A `<select>` of the levels `from` to 4.
fn level_select(id: &str, from: u8) -> El {
    let mut s = el("select").id(id);
    for l in from..=4 {
        s = s.child(option(&l.to_string(), &format!("SL {l}")));
    }
    s
}

/// The form that adds a zone.
fn add_zone() -> El {
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
                state.edit(|a| {
                    let id = a.next_zone_id();
                    a.zones.push(Zone::new(&id, value.trim()));
                });
                name.set(String::new());
            }
        }
    };
    let form = elc("form", "inline-form")
        .on("submit", move |ev| {
            ev.prevent_default();
            add();
        })
        .child(el("label").attr("for", "new-zone-name").text("Zone name"))
        .child(
            el("input")
                .id("new-zone-name")
                .attr("type", "text")
                .attr("maxlength", &(MAX_NAME_CHARS + 1).to_string())
                .attr("placeholder", "e.g. Filling line control")
                .dyn_value(move || name.get())
                .on("input", move |ev| name.set(event_target_value(&ev)))
                .dyn_attr("aria-invalid", move || Some(error.with(|e| e.is_some()).to_string()))
                .attr("aria-describedby", "new-zone-error"),
        )
        .child(el("button").attr("type", "submit").cls("button primary").text("Add zone"));
    elc("div", "card").child(el("h2").text("Add a zone")).child(form).child(
        el("p")
            .id("new-zone-error")
            .cls("field-error")
            .attr("role", "alert")
            .dyn_text(move || error.get().unwrap_or_default()),
    )
}

/// Appends to `parent` the choice of a 7-FR level vector: one level for all FRs, or one per FR (while
/// `per_fr` is true). `prefix` makes the element ids unique; `label` is "SL-T" or "Aimed SL-C"; `value`
/// gives the current vector and `on_change` takes the new one.
pub fn vector_choice(
    parent: El,
    prefix: &str,
    label: &'static str,
    per_fr: RwSignal<bool>,
    value: Rc<dyn Fn() -> SlVector>,
    on_change: Rc<dyn Fn(SlVector)>,
) -> El {
    let mode = |suffix: &str, text: &str, per: bool| {
        let id = format!("{prefix}-{suffix}");
        elc("div", "check")
            .child(
                el("input")
                    .attr("type", "radio")
                    .id(&id)
                    .attr("name", &format!("{prefix}-sl-mode"))
                    .dyn_checked(move || per_fr.get() == per)
                    .on("change", move |_| per_fr.set(per)),
            )
            .child(el("label").attr("for", &id).text(text))
    };
    let per_fr_grid = {
        let (prefix, value, on_change) = (prefix.to_string(), value.clone(), on_change.clone());
        move || {
            let fields = Fr::ALL
                .into_iter()
                .map(|fr| {
                    let sid = format!("{prefix}-sl-{}", fr.code().to_ascii_lowercase());
                    let (read, value, on_change) = (value.clone(), value.clone(), on_change.clone());
                    elc("div", "field")
                        .child(el("label").attr("for", &sid).attr("title", fr.name()).text(&format!(
                            "{} {}",
                            fr.code(),
                            fr.name()
                        )))
                        .child(level_select(&sid, 0).dyn_value(move || read().get(fr).get().to_string()).on(
                            "change",
                            move |ev| {
                                if let Some(l) = level_of(&ev) {
                                    let mut v = untrack(|| value());
                                    v.set(fr, l);
                                    on_change(v);
                                }
                            },
                        ))
                })
                .collect();
            vec![elc("div", "fr-grid").kids(fields)]
        }
    };
    let uniform = {
        let sid = format!("{prefix}-sl-all");
        move || {
            let (value, on_change) = (value.clone(), on_change.clone());
            vec![elc("div", "field").child(el("label").attr("for", &sid).text(&format!("{label} for all FRs"))).child(
                level_select(&sid, 1).dyn_value(move || value().get(Fr::Fr1).get().max(1).to_string()).on(
                    "change",
                    move |ev| {
                        if let Some(l) = level_of(&ev) {
                            on_change(SlVector::uniform(l));
                        }
                    },
                ),
            )]
        }
    };
    parent
        .child(mode("uniform", "One level for all foundational requirements", false))
        .child(mode("per-fr", "A level per foundational requirement", true))
        .either(move || per_fr.get(), per_fr_grid, uniform)
}

/// One zone's card: name, criticality, description, asset types, target levels (with the wizard) and
/// removal. Its parts follow the zone through `dyn_*`, so typing keeps the card and its focus.
fn zone_card(zone_id: &str) -> El {
    let state = AppState::get();
    let a = state.assessment;
    let id = StoredValue::new(zone_id.to_string());
    let dom = |suffix: &str| format!("{zone_id}-{suffix}");
    // A text about the zone that follows the assessment.
    let read =
        move |f: fn(&Zone) -> String| move || a.with(|a| id.with_value(|id| a.zone(id).map(f))).unwrap_or_default();
    let edit = move |change: Box<dyn FnOnce(&mut Zone)>| {
        let zid = id.get_value();
        state.edit(move |a| {
            if let Some(z) = a.zones.iter_mut().find(|z| z.id == zid) {
                change(z);
            }
        })
    };
    let name_error = RwSignal::new(None::<String>);
    let per_fr = RwSignal::new(a.with_untracked(|a| a.zone(zone_id).is_some_and(|z| !z.target.is_uniform())));
    let wizard_open = RwSignal::new(false);

    let rename = move |value: String| {
        let check = a.with_untracked(|a| id.with_value(|id| check_zone_name(a, &value, Some(id))));
        match check {
            Err(p) => name_error.set(Some(p.message("zone"))),
            Ok(()) => {
                name_error.set(None);
                edit(Box::new(move |z| z.name = value.trim().to_string()));
            }
        }
    };
    let remove = move || {
        let zid = id.get_value();
        let zone_name = a.with_untracked(|a| a.zone(&zid).map(|z| z.name.clone())).unwrap_or_default();
        let mut gone = Vec::new();
        state.edit(|a| gone = a.remove_zone(&zid));
        let text = if gone.is_empty() {
            format!("Zone \"{zone_name}\" was removed.")
        } else {
            let names: Vec<String> = gone.iter().map(|c| format!("\"{}\"", c.name)).collect();
            format!("Zone \"{zone_name}\" was removed, with the conduit(s) that connected it: {}.", names.join(", "))
        };
        state.info(&text);
    };

    let head = elc("header", "zone-head")
        .child(el("h3").id(&dom("title")).dyn_text(read(|z| z.name.clone())))
        .child(elc("span", "muted").dyn_text(read(|z| format!("SL-T {}", z.target.notation()))));
    let name = name_field(zone_id, "Zone name", Box::new(read(|z| z.name.clone())), name_error, Box::new(rename));
    let mut criticality = el("select").id(&dom("criticality"));
    for c in Criticality::ALL {
        criticality = criticality.child(option(c.label(), c.label()));
    }
    let criticality = elc("div", "field")
        .child(el("label").attr("for", &dom("criticality")).text("Criticality"))
        .child(criticality.dyn_value(read(|z| z.criticality.label().to_string())).on("change", move |ev| {
            let v = event_target_value(&ev);
            if let Some(c) = Criticality::ALL.into_iter().find(|c| c.label() == v) {
                edit(Box::new(move |z| z.criticality = c));
            }
        }));
    let description = description_field(
        zone_id,
        Some("What the zone contains and controls"),
        Box::new(read(|z| z.description.clone())),
        Box::new(move |v| edit(Box::new(move |z| z.description = v))),
    );
    let assets = AssetType::ALL
        .into_iter()
        .map(|t| {
            let cid = dom(&format!("asset-{t:?}").to_ascii_lowercase());
            elc("span", "check")
                .child(
                    el("input")
                        .attr("type", "checkbox")
                        .id(&cid)
                        .dyn_checked(move || {
                            a.with(|a| id.with_value(|id| a.zone(id).is_some_and(|z| z.asset_types.contains(&t))))
                        })
                        .on("change", move |ev| {
                            let on = event_target_checked(&ev);
                            edit(Box::new(move |z| {
                                if on {
                                    z.asset_types.insert(t);
                                } else {
                                    z.asset_types.remove(&t);
                                }
                            }));
                        }),
                )
                .child(el("label").attr("for", &cid).text(t.label()))
        })
        .collect();
    let assets = elc("fieldset", "asset-types").child(el("legend").text("Typical assets in this zone")).kids(assets);

    let target = vector_choice(
        elc("fieldset", "target-levels").child(el("legend").text("Target security level (SL-T)")),
        zone_id,
        "SL-T",
        per_fr,
        Rc::new(move || a.with(|a| id.with_value(|id| a.zone(id).map(|z| z.target))).unwrap_or_default()),
        Rc::new(move |v: SlVector| edit(Box::new(move |z| z.target = v))),
    )
    .child(
        el("button")
            .attr("type", "button")
            .cls("button secondary")
            .dyn_attr("aria-expanded", move || Some(wizard_open.get().to_string()))
            .on("click", move |_| wizard_open.update(|o| *o = !*o))
            .dyn_text(move || {
                if wizard_open.get() { "Close the target-level wizard" } else { "Suggest a target with the wizard" }
                    .to_string()
            }),
    )
    .when(move || wizard_open.get(), move || vec![wizard(id.get_value(), per_fr, wizard_open)]);
    let foot = confirm_remove(
        elc("div", "zone-foot"),
        "Remove zone",
        "Confirm zone removal",
        move || {
            let name = a.with(|a| id.with_value(|id| a.zone(id).map(|z| z.name.clone()))).unwrap_or_default();
            format!("Remove \"{name}\" with its answers and the conduits that connect it?")
        },
        "Yes, remove the zone",
        remove,
    );

    elc("article", "card zone-card")
        .attr("aria-labelledby", &dom("title"))
        .child(head)
        .child(elc("div", "form-grid").child(name).child(criticality).child(description))
        .child(assets)
        .child(target)
        .child(foot)
}

/// The target-level wizard for one zone: answers are kept with the zone; the suggestion is applied only
/// when the user accepts it, which closes the wizard (`open`) and shows the per-FR form (`per_fr`) if the
/// levels differ.
fn wizard(zone_id: String, per_fr: RwSignal<bool>, open: RwSignal<bool>) -> El {
    let state = AppState::get();
    let initial = state.assessment.with_untracked(|a| a.zone(&zone_id).map(|z| z.wizard.clone()).unwrap_or_default());
    let answers = RwSignal::new(initial);
    let suggestion = memo(move |_| answers.with(suggest_target));
    let questions = WIZARD_QUESTIONS
        .iter()
        .map(|q| {
            let name = format!("{zone_id}-wizard-{}", q.id);
            let options = q
                .options
                .iter()
                .map(|o| {
                    let oid = format!("{name}-{}", o.id);
                    elc("div", "check")
                        .child(
                            el("input")
                                .attr("type", "radio")
                                .attr("name", &name)
                                .id(&oid)
                                .dyn_checked(move || answers.with(|m| m.get(q.id).map(String::as_str) == Some(o.id)))
                                .on("change", move |_| {
                                    answers.update(|m| {
                                        m.insert(q.id.to_string(), o.id.to_string());
                                    })
                                }),
                        )
                        .child(el("label").attr("for", &oid).text(o.label))
                })
                .collect();
            elc("fieldset", "wizard-question")
                .child(el("legend").text(q.text))
                .child(elc("p", "hint").text(q.help))
                .kids(options)
        })
        .collect();
    let rationale = el("ul");
    {
        let ul = rationale.0.clone();
        watch(move || {
            ul.set_inner_html("");
            suggestion.with(|s| {
                for r in &s.rationale {
                    let _ = ul.append_child(&el("li").text(r).0);
                }
            });
        });
    }
    let accept = move || {
        let chosen: SortedMap<String, String> = answers.get_untracked();
        let vector = suggestion.with_untracked(|s| s.target);
        let zid = zone_id.clone();
        state.edit(move |a| {
            if let Some(z) = a.zones.iter_mut().find(|z| z.id == zid) {
                z.target = vector;
                z.wizard = chosen;
            }
        });
        state.info(&format!("Target set to {} from the wizard. You can still change any level.", vector.notation()));
        per_fr.set(!vector.is_uniform());
        open.set(false);
    };
    elc("div", "wizard")
        .attr("role", "group")
        .attr("aria-label", "Target-level wizard")
        .child(
            elc("p", "hint")
                .text("Answer what you can; the suggestion updates as you go and is only applied when you accept it."),
        )
        .kids(questions)
        .child(
            elc("div", "suggestion")
                .attr("role", "status")
                .attr("aria-live", "polite")
                .child(el("h4").text("Suggested target"))
                .child(elc("p", "vector").dyn_text(move || {
                    suggestion.with(|s| {
                        Fr::ALL
                            .into_iter()
                            .map(|fr| format!("{} SL {}", fr.code(), s.target.get(fr)))
                            .collect::<Vec<_>>()
                            .join(" · ")
                    })
                }))
                .child(rationale),
        )
        .child(crate::ui::dom::button("button primary", "Accept this suggestion", accept))
}

/// The name of a zone, or "(removed zone)".
fn zone_name(a: &Assessment, id: &str) -> String {
    a.zone(id).map(|z| z.name.clone()).unwrap_or_else(|| "(removed zone)".into())
}

/// A zone `<select>` for one end of a new conduit: "Choose a zone", then the zones, which follow the
/// assessment (the options are rebuilt only when the zones' ids or names change).
fn zone_select(id: &str, label: &str, chosen: RwSignal<String>) -> El {
    let state = AppState::get();
    let select = el("select").id(id).child(option("", "Choose a zone"));
    {
        let s = select.0.clone();
        let shown = RefCell::new(Vec::<(String, String)>::new());
        watch(move || {
            let zones: Vec<(String, String)> =
                state.assessment.with(|a| a.zones.iter().map(|z| (z.id.clone(), z.name.clone())).collect());
            if *shown.borrow() == zones {
                return;
            }
            while s.child_element_count() > 1 {
                if let Some(last) = s.last_element_child() {
                    last.remove();
                }
            }
            for (zid, zname) in &zones {
                let _ = s.append_child(&option(zid, zname).0);
            }
            *shown.borrow_mut() = zones;
            // Rebuilt options lose the selection: choose the chosen zone again.
            let _ = js_sys::Reflect::set(&s, &"value".into(), &chosen.get_untracked().into());
        });
    }
    elc("div", "field")
        .child(el("label").attr("for", id).text(label))
        .child(select.dyn_value(move || chosen.get()).on("change", move |ev| chosen.set(event_target_value(&ev))))
}

/// A `<div class="check">` with a check box that sets `on`.
fn check(id: &str, label: &str, on: RwSignal<bool>) -> El {
    elc("div", "check")
        .child(
            el("input")
                .id(id)
                .attr("type", "checkbox")
                .dyn_checked(move || on.get())
                .on("change", move |ev| on.set(event_target_checked(&ev))),
        )
        .child(el("label").attr("for", id).text(label))
}

/// The conduits card: a form to add one and the table of conduits.
fn conduits() -> El {
    let state = AppState::get();
    let a = state.assessment;
    let name = RwSignal::new(String::new());
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let protocols = RwSignal::new(String::new());
    let crosses_it = RwSignal::new(false);
    let crosses_internet = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);

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
        let label = if given.is_empty() {
            a.with_untracked(|a| format!("{} to {}", zone_name(a, &f), zone_name(a, &t)))
        } else {
            given
        };
        state.edit(|a| {
            let id = a.next_conduit_id();
            a.conduits.push(Conduit {
                id,
                name: label,
                from: f,
                to: t,
                protocols: protocols.get_untracked().chars().take(MAX_NAME_CHARS * 4).collect(),
                crosses_it: crosses_it.get_untracked(),
                crosses_internet: crosses_internet.get_untracked(),
            });
        });
        name.set(String::new());
        protocols.set(String::new());
        crosses_it.set(false);
        crosses_internet.set(false);
    };

    let form = elc("form", "form-grid")
        .on("submit", move |ev| {
            ev.prevent_default();
            add();
        })
        .child(
            elc("div", "field").child(el("label").attr("for", "conduit-name").text("Conduit name (optional)")).child(
                el("input")
                    .id("conduit-name")
                    .attr("type", "text")
                    .attr("maxlength", &(MAX_NAME_CHARS + 1).to_string())
                    .dyn_value(move || name.get())
                    .on("input", move |ev| name.set(event_target_value(&ev))),
            ),
        )
        .child(zone_select("conduit-from", "From zone", from))
        .child(zone_select("conduit-to", "To zone", to))
        .child(
            elc("div", "field").child(el("label").attr("for", "conduit-protocols").text("Protocols")).child(
                el("input")
                    .id("conduit-protocols")
                    .attr("type", "text")
                    .attr("placeholder", "e.g. OPC UA, Modbus/TCP, RDP")
                    .dyn_value(move || protocols.get())
                    .on("input", move |ev| protocols.set(event_target_value(&ev))),
            ),
        )
        .child(check("conduit-it", "Crosses to the IT network", crosses_it))
        .child(check("conduit-internet", "Crosses to the internet", crosses_internet))
        .child(
            elc("div", "field").child(el("button").attr("type", "submit").cls("button primary").text("Add conduit")),
        );
    elc("div", "card")
        .child(el("h2").text("Conduits"))
        .child(elc("p", "hint").text(
            "Record each communication path between zones, and whether it reaches the office (IT) network or the internet.",
        ))
        .child(form)
        .child(elc("p", "field-error").attr("role", "alert").dyn_text(move || error.get().unwrap_or_default()))
        .when(move || a.with(|a| !a.conduits.is_empty()), || vec![conduit_table()])
}

/// The table of conduits, one row per conduit.
fn conduit_table() -> El {
    let state = AppState::get();
    let a = state.assessment;
    let th = |text: &str| el("th").attr("scope", "col").text(text);
    let head = el("tr")
        .child(th("Name"))
        .child(th("Connects"))
        .child(th("Protocols"))
        .child(th("Crosses"))
        .child(el("th").attr("scope", "col").child(elc("span", "visually-hidden").text("Actions")));
    elc("table", "data-table")
        .child(el("caption").text("Conduits"))
        .child(el("thead").child(head))
        .child(el("tbody").keyed(move || a.with(|a| a.conduits.iter().map(|c| c.id.clone()).collect()), conduit_row))
}

/// One conduit's row: its texts follow the assessment (zone names may change).
fn conduit_row(conduit_id: &str) -> El {
    let state = AppState::get();
    let a = state.assessment;
    let id = StoredValue::new(conduit_id.to_string());
    let read = move |f: fn(&Assessment, &Conduit) -> String| {
        move || {
            a.with(|a| id.with_value(|id| a.conduits.iter().find(|c| &c.id == id).map(|c| f(a, c)))).unwrap_or_default()
        }
    };
    let remove = el("button")
        .attr("type", "button")
        .cls("button small danger")
        .dyn_attr("aria-label", move || Some(read(|_, c| format!("Remove conduit {}", c.name))()))
        .on("click", move |_| {
            let cid = id.get_value();
            state.edit(move |a| a.conduits.retain(|x| x.id != cid))
        })
        .text("Remove");
    el("tr")
        .child(el("td").dyn_text(read(|_, c| c.name.clone())))
        .child(el("td").dyn_text(read(|a, c| format!("{} ↔ {}", zone_name(a, &c.from), zone_name(a, &c.to)))))
        .child(el("td").dyn_text(read(|_, c| c.protocols.clone())))
        .child(el("td").dyn_text(read(|_, c| {
            match (c.crosses_it, c.crosses_internet) {
                (true, true) => "IT network and internet",
                (true, false) => "IT network",
                (false, true) => "Internet",
                (false, false) => "No",
            }
            .to_string()
        })))
        .child(el("td").child(remove))
}
