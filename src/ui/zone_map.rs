//! The map of zones and conduits: the domain's SVG ([`map_svg`]) in a figure with zoom, a selection
//! (click a zone or conduit, or Tab to it and press Enter or Space) whose details appear below the map,
//! an SVG download, and the text alternative ([`ZoneMap::description`]).

use crate::domain::map::{map_svg, SvgOptions, ZoneMap};
use crate::ui::download::download;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Zoom steps, in per cent of the map's drawn width.
const ZOOM_STEPS: [u32; 6] = [50, 75, 100, 150, 200, 300];

/// What was picked on the map: a zone's or a conduit's id.
#[derive(Clone, Debug, PartialEq)]
enum Picked {
    Zone(String),
    Conduit(String),
}

/// The zone or conduit an event happened on (the nearest `data-zone` or `data-conduit` element).
fn picked_of(ev: &web_sys::Event) -> Option<Picked> {
    let element = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    let hit = element.closest("[data-zone], [data-conduit]").ok()??;
    if let Some(zone) = hit.get_attribute("data-zone") {
        return Some(Picked::Zone(zone));
    }
    hit.get_attribute("data-conduit").map(Picked::Conduit)
}

/// The details of what is picked, in words.
fn details(map: &ZoneMap, picked: &Picked) -> Option<String> {
    match picked {
        Picked::Zone(id) => map.zone(id).map(|z| z.summary()),
        Picked::Conduit(id) => {
            let c = map.conduits.iter().find(|c| &c.id == id)?;
            let name = |id: &str| map.zone(id).map_or(id, |z| z.name.as_str()).to_string();
            let kind = c.kind.map_or("type not recorded", |k| k.label());
            let protocols = if c.protocols.trim().is_empty() {
                "none recorded".to_string()
            } else {
                c.protocols.trim().to_string()
            };
            Some(format!(
                "Conduit {}: joins {} and {}; {kind}; protocols: {protocols}; SL-T {}.",
                c.name,
                name(&c.from),
                name(&c.to),
                c.target.notation()
            ))
        }
    }
}

/// The map as a figure.
#[component]
pub fn ZoneMapFigure(
    /// The laid-out map.
    map: ZoneMap,
) -> impl IntoView {
    let picked = RwSignal::new(None::<Picked>);
    let zoom = RwSignal::new(2_usize);
    let map = StoredValue::new(map);
    let svg = move || {
        picked.with(|p| {
            let selected = p.as_ref().map(|p| match p {
                Picked::Zone(id) | Picked::Conduit(id) => id.as_str(),
            });
            map.with_value(|m| map_svg(m, SvgOptions { id_prefix: "zmap-", interactive: true, selected }))
        })
    };
    let title = map.with_value(ZoneMap::title);
    let label = title.clone();
    let lines = map.with_value(ZoneMap::description);
    let choose = move |ev: &web_sys::Event| {
        if let Some(p) = picked_of(ev) {
            picked.update(|current| *current = if current.as_ref() == Some(&p) { None } else { Some(p) });
        }
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Enter" || ev.key() == " " {
            if picked_of(&ev).is_some() {
                ev.prevent_default();
            }
            choose(&ev);
        }
    };
    let error = RwSignal::new(String::new());
    let save_svg = move |_| {
        let text =
            map.with_value(|m| map_svg(m, SvgOptions { id_prefix: "zmap-", interactive: false, selected: None }));
        match download("zones-and-conduits.svg", "image/svg+xml", &text) {
            Ok(()) => error.set(String::new()),
            Err(e) => error.set(e),
        }
    };
    let shown = move || picked.with(|p| p.as_ref().and_then(|p| map.with_value(|m| details(m, p))));
    view! {
        <figure class="zone-map" aria-label=label>
            <div class="zone-map-tools no-print" role="group" aria-label="Map view">
                <button type="button" class="secondary" aria-label="Zoom out" prop:disabled=move || zoom.get() == 0
                    on:click=move |_| zoom.update(|z| *z = z.saturating_sub(1))>"−"</button>
                <span class="zone-map-zoom" aria-live="polite">{move || format!("{} %", ZOOM_STEPS[zoom.get()])}</span>
                <button type="button" class="secondary" aria-label="Zoom in" prop:disabled=move || zoom.get() + 1 == ZOOM_STEPS.len()
                    on:click=move |_| zoom.update(|z| *z = (*z + 1).min(ZOOM_STEPS.len() - 1))>"+"</button>
                <button type="button" class="secondary" on:click=save_svg>"Download the map (SVG)"</button>
                {move || error.with(|e| (!e.is_empty()).then(|| view! { <span class="field-error" role="alert">{e.clone()}</span> }))}
            </div>
            <div class="zone-map-viewport">
                <div class="zone-map-canvas"
                    style:width=move || format!("{}%", ZOOM_STEPS[zoom.get()])
                    inner_html=svg
                    on:click=move |ev| choose(&ev)
                    on:keydown=on_key></div>
            </div>
            <figcaption>{title}</figcaption>
            <div class="zone-map-details no-print" aria-live="polite">
                {move || match shown() {
                    Some(text) => view! { <p class="zone-map-picked">{text}</p> }.into_any(),
                    None => view! {
                        <p class="muted">"Select a zone or conduit on the map (click it, or Tab to it and press Enter) to see its details here."</p>
                    }.into_any(),
                }}
            </div>
            <details class="zone-map-text">
                <summary>"The map in words"</summary>
                <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            </details>
        </figure>
    }
}
