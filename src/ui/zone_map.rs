//! The map of zones and conduits: the domain's SVG ([`map_svg`]) in a figure with zoom and pan (drag the
//! drawing, or arrow keys while it has focus; "Reset view" goes back), a selection (click a zone or
//! conduit, or Tab to it and press Enter or Space) whose details appear below the map, downloads as SVG,
//! PNG (drawn by the browser at twice the size, [`svg_to_png`]) and draw.io (`domain::drawio`, written by
//! the on-demand export worker from the assessment: [`drawio_file`]), and the text alternative
//! ([`ZoneMap::description`]).

use crate::domain::map::{map_svg, SvgOptions, ZoneMap};
use crate::domain::storage::to_json;
use crate::ui::download::{download, download_bytes};
use crate::ui::map_edit::{EditTarget, MapEditing};
use crate::ui::raster::svg_to_png;
use crate::ui::state::AppState;
use crate::ui::word::drawio_file;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// How far one arrow key moves the drawing, in CSS pixels.
const PAN_STEP: i32 = 60;
/// A press that moves less than this (in CSS pixels) is a click, not a drag.
const DRAG_SLOP: i32 = 4;
/// The PNG's scale against the drawing's own size, for print.
const PNG_SCALE: f64 = 2.0;

/// A drag of the drawing in progress: where the pointer went down, the scroll position then, and whether it
/// has moved far enough to be a drag (then the click that ends it selects nothing).
#[derive(Clone, Copy, Default)]
struct Drag {
    pressed: bool,
    moved: bool,
    x: i32,
    y: i32,
    left: i32,
    top: i32,
}

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

/// The assessment whose maps are shown below, in the saved format: the export worker builds their draw.io
/// file from it (laid out and scored as here). The shared view provides the opened link's; without one the
/// maps are the app's assessment's.
#[derive(Clone, Copy)]
pub struct MapAssessment(pub StoredValue<String>);

/// The map as a figure.
#[component]
pub fn ZoneMapFigure(
    /// The laid-out map. On the Scope step it follows every edit while the figure stays, so what is picked,
    /// the zoom and the pan outlive the edit made from the picked zone's details.
    #[prop(into)]
    map: Signal<ZoneMap>,
) -> impl IntoView {
    let picked = RwSignal::new(None::<Picked>);
    let zoom = RwSignal::new(2_usize);
    let svg = move || {
        picked.with(|p| {
            let selected = p.as_ref().map(|p| match p {
                Picked::Zone(id) | Picked::Conduit(id) => id.as_str(),
            });
            map.with(|m| map_svg(m, SvgOptions { id_prefix: "zmap-", interactive: true, selected }))
        })
    };
    let title = move || map.with(ZoneMap::title);
    let lines = move || map.with(ZoneMap::description);
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
    let busy = RwSignal::new(false);
    let save_svg = move |_| {
        let text =
            map.with_untracked(|m| map_svg(m, SvgOptions { id_prefix: "zmap-", interactive: false, selected: None }));
        match download("zones-and-conduits.svg", "image/svg+xml", &text) {
            Ok(()) => error.set(String::new()),
            Err(e) => error.set(e),
        }
    };
    let save_png = move |_| {
        let text =
            map.with_untracked(|m| map_svg(m, SvgOptions { id_prefix: "zmap-", interactive: false, selected: None }));
        let (width, height) = map.with_untracked(ZoneMap::drawn_size);
        let (width, height) = ((width * PNG_SCALE).round() as u32, (height * PNG_SCALE).round() as u32);
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = match svg_to_png(&text, width, height).await {
                Ok(png) => download_bytes("zones-and-conduits.png", "image/png", &png),
                Err(e) => Err(e),
            };
            busy.set(false);
            error.set(result.err().unwrap_or_default());
        });
    };
    // The draw.io file: written by the export worker, loaded now, not with the app (crate::ui::word).
    let shown = use_context::<MapAssessment>();
    let state = use_context::<AppState>();
    let writing = RwSignal::new(false);
    let save_drawio = move |_| {
        if writing.get_untracked() {
            return;
        }
        let assessment = match (shown, state) {
            (Some(MapAssessment(saved)), _) => saved.get_value(),
            (None, Some(state)) => state.assessment.with_untracked(to_json),
            (None, None) => {
                error.set("The draw.io file cannot be written here. Download the SVG instead.".to_string());
                return;
            }
        };
        writing.set(true);
        leptos::task::spawn_local(async move {
            let result = match drawio_file(assessment).await {
                Ok(xml) => download_bytes("zones-and-conduits.drawio", "application/vnd.jgraph.mxfile", &xml),
                Err(e) => Err(e),
            };
            writing.set(false);
            error.set(result.err().unwrap_or_default());
        });
    };
    // Pan: the zoomed drawing scrolls inside the viewport; dragging and arrow keys move that scroll.
    let viewport = NodeRef::<html::Div>::new();
    let drag = StoredValue::new(Drag::default());
    let on_pointer_down = move |ev: web_sys::PointerEvent| {
        let Some(el) = viewport.get_untracked() else { return };
        if ev.button() != 0 {
            return;
        }
        drag.set_value(Drag {
            pressed: true,
            moved: false,
            x: ev.client_x(),
            y: ev.client_y(),
            left: el.scroll_left(),
            top: el.scroll_top(),
        });
    };
    let on_pointer_move = move |ev: web_sys::PointerEvent| {
        let Some(el) = viewport.get_untracked() else { return };
        let d = drag.get_value();
        if !d.pressed {
            return;
        }
        let (dx, dy) = (ev.client_x() - d.x, ev.client_y() - d.y);
        if d.moved || dx.abs() + dy.abs() > DRAG_SLOP {
            drag.update_value(|d| d.moved = true);
            el.set_scroll_left(d.left - dx);
            el.set_scroll_top(d.top - dy);
            ev.prevent_default();
        }
    };
    let on_pointer_end = move |_: web_sys::PointerEvent| drag.update_value(|d| d.pressed = false);
    let on_pan_key = move |ev: web_sys::KeyboardEvent| {
        let Some(el) = viewport.get_untracked() else { return };
        let (dx, dy) = match ev.key().as_str() {
            "ArrowLeft" => (-PAN_STEP, 0),
            "ArrowRight" => (PAN_STEP, 0),
            "ArrowUp" => (0, -PAN_STEP),
            "ArrowDown" => (0, PAN_STEP),
            _ => return,
        };
        ev.prevent_default();
        el.set_scroll_left(el.scroll_left() + dx);
        el.set_scroll_top(el.scroll_top() + dy);
    };
    let reset_view = move |_| {
        zoom.set(2);
        if let Some(el) = viewport.get_untracked() {
            el.set_scroll_left(0);
            el.set_scroll_top(0);
        }
    };
    let click = move |ev: web_sys::MouseEvent| {
        // The click that ends a drag picks nothing.
        if drag.get_value().moved {
            drag.update_value(|d| d.moved = false);
            return;
        }
        choose(&ev);
    };
    let shown = move || picked.with(|p| p.as_ref().and_then(|p| map.with(|m| details(m, p))));
    // Editing what is picked: how depends on the step that shows the map (none in the report).
    let editing = use_context::<MapEditing>();
    let edit_control = move || {
        let (target, what) = picked.with(|p| {
            map.with(|m| match p.as_ref()? {
                Picked::Zone(id) => Some((EditTarget::Zone(id.clone()), format!("zone {}", m.zone(id)?.name))),
                Picked::Conduit(id) => m
                    .conduits
                    .iter()
                    .find(|c| &c.id == id)
                    .map(|c| (EditTarget::Conduit(id.clone()), format!("conduit {}", c.name))),
            })
        })?;
        Some(match editing? {
            MapEditing::Here(open) => view! {
                <button type="button" class="secondary" on:click=move |_| open.run(target.clone())>{format!("Edit {what}")}</button>
            }
            .into_any(),
            MapEditing::OnScope => view! {
                <a href=target.scope_href() aria-label=format!("Edit on the Scope step: {what}")>"Edit on the Scope step"</a>
            }
            .into_any(),
        })
    };
    view! {
        <figure class="zone-map" aria-label=title>
            <div class="zone-map-tools no-print" role="group" aria-label="Map view">
                <button type="button" class="secondary" aria-label="Zoom out" prop:disabled=move || zoom.get() == 0
                    on:click=move |_| zoom.update(|z| *z = z.saturating_sub(1))>"−"</button>
                <span class="zone-map-zoom" aria-live="polite">{move || format!("{} %", ZOOM_STEPS[zoom.get()])}</span>
                <button type="button" class="secondary" aria-label="Zoom in" prop:disabled=move || zoom.get() + 1 == ZOOM_STEPS.len()
                    on:click=move |_| zoom.update(|z| *z = (*z + 1).min(ZOOM_STEPS.len() - 1))>"+"</button>
                <button type="button" class="secondary" on:click=reset_view>"Reset view"</button>
                <button type="button" class="secondary" on:click=save_svg>"Download the map (SVG)"</button>
                <button type="button" class="secondary" prop:disabled=move || busy.get() on:click=save_png>"Download the map (PNG)"</button>
                <button type="button" class="secondary" on:click=save_drawio aria-disabled=move || writing.get().to_string()>
                    {move || if writing.get() { "Writing the draw.io file…" } else { "Download the map (draw.io)" }}
                </button>
                {move || error.with(|e| (!e.is_empty()).then(|| view! { <span class="field-error" role="alert">{e.clone()}</span> }))}
            </div>
            <div class="zone-map-viewport" node_ref=viewport tabindex="0" role="region"
                aria-label="Map drawing: drag it, or use the arrow keys, to move a zoomed map"
                on:pointerdown=on_pointer_down on:pointermove=on_pointer_move
                on:pointerup=on_pointer_end on:pointercancel=on_pointer_end on:pointerleave=on_pointer_end
                on:keydown=on_pan_key>
                <div class="zone-map-canvas"
                    style:width=move || format!("{}%", ZOOM_STEPS[zoom.get()])
                    inner_html=svg
                    on:click=click
                    on:keydown=on_key></div>
            </div>
            <figcaption>{title}</figcaption>
            <div class="zone-map-details no-print" aria-live="polite">
                {move || match shown() {
                    Some(text) => view! { <p class="zone-map-picked">{text}</p> {edit_control()} }.into_any(),
                    None => view! {
                        <p class="muted">"Select a zone or conduit on the map (click it, or Tab to it and press Enter) to see its details here."</p>
                    }.into_any(),
                }}
            </div>
            <details class="zone-map-text">
                <summary>"The map in words"</summary>
                <ul>{move || lines().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
            </details>
        </figure>
    }
}
