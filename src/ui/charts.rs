//! Charts drawn as SVG by the app itself (no chart library): a radar of SL-A against SL-T over the seven
//! FRs, and horizontal maturity bars. Each has a text alternative.

use crate::domain::{Fr, SlVector};
use crate::ui::widgets::CollectAnyView;
use leptos::prelude::*;

const CENTER: f64 = 160.0;
const RADIUS: f64 = 110.0;

fn point(fr_index: usize, level: f64) -> (f64, f64) {
    let angle = -std::f64::consts::FRAC_PI_2 + fr_index as f64 * std::f64::consts::TAU / 7.0;
    let r = RADIUS * level / 4.0;
    // The browser's Math.cos and Math.sin: Rust's own would add about 10 KB of wasm for seven angles.
    (CENTER + r * js_sys::Math::cos(angle), CENTER + r * js_sys::Math::sin(angle))
}

/// A coordinate with one decimal, like `format!("{x:.1}")`, without the float formatting of `core::fmt`
/// (about 15 KB of wasm). Ties round away from zero; at one decimal of an SVG coordinate that is invisible.
fn tenths(x: f64) -> String {
    let t = (x * 10.0).round() as i64;
    let sign = if t < 0 { "-" } else { "" };
    format!("{sign}{}.{}", t.unsigned_abs() / 10, t.unsigned_abs() % 10)
}

/// "x,y" with one decimal each, for a point list.
fn pair(x: f64, y: f64) -> String {
    format!("{},{}", tenths(x), tenths(y))
}

fn polygon(vector: &SlVector) -> String {
    Fr::ALL
        .iter()
        .map(|fr| {
            let (x, y) = point(fr.index(), f64::from(vector.get(*fr).get()));
            pair(x, y)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text alternative of a radar: one sentence per FR.
pub fn radar_description(zone_name: &str, achieved: &SlVector, target: &SlVector, product: bool) -> String {
    let (a, t, noun) = if product { ("SL-C", "aimed", "Product") } else { ("SL-A", "SL-T", "Zone") };
    let parts: Vec<String> = Fr::ALL
        .iter()
        .map(|fr| format!("{} {a} {} of {t} {}", fr.code(), achieved.get(*fr), target.get(*fr)))
        .collect();
    format!("{noun} {zone_name}: {}.", parts.join("; "))
}

/// A radar (spider) chart of achieved against target levels for one zone.
#[component]
pub fn Radar(zone_name: String, achieved: SlVector, target: SlVector, dom_id: String, product: bool) -> impl IntoView {
    let (achieved_label, target_label, kind) = if product {
        ("SL-C capability (solid)", "Aimed SL-C (dashed)", "Capability levels of product")
    } else {
        ("SL-A achieved (solid)", "SL-T target (dashed)", "Security levels of zone")
    };
    let rings = (1..=4)
        .map(|l| {
            let pts = (0..7)
                .map(|i| {
                    let (x, y) = point(i, f64::from(l));
                    pair(x, y)
                })
                .collect::<Vec<_>>()
                .join(" ");
            view! { <polygon class="radar-ring" points=pts></polygon> }
        })
        .collect_any_view();
    let axes = Fr::ALL
        .iter()
        .map(|fr| {
            let (x, y) = point(fr.index(), 4.0);
            let (lx, ly) = point(fr.index(), 4.75);
            let anchor = if (lx - CENTER).abs() < 5.0 {
                "middle"
            } else if lx > CENTER {
                "start"
            } else {
                "end"
            };
            view! {
                <line class="radar-axis" x1="160" y1="160" x2=tenths(x) y2=tenths(y)></line>
                <text class="radar-label" x=tenths(lx) y=tenths(ly + 4.0) text-anchor=anchor>{fr.code()}</text>
            }
        })
        .collect_any_view();
    let ring_labels = (1..=4)
        .map(|l| {
            let (x, y) = point(0, f64::from(l));
            view! { <text class="radar-ring-label" x=tenths(x + 4.0) y=tenths(y + 10.0)>{l.to_string()}</text> }
        })
        .collect_any_view();
    let description = radar_description(&zone_name, &achieved, &target, product);
    let title_id = format!("{dom_id}-title");
    let desc_id = format!("{dom_id}-desc");
    let labelled_by = format!("{title_id} {desc_id}");
    view! {
        <figure class="radar">
            <svg viewBox="0 0 320 320" role="img" aria-labelledby=labelled_by width="320" height="320">
                <title id=title_id>{format!("{kind} {zone_name}")}</title>
                <desc id=desc_id>{description.clone()}</desc>
                {rings}
                {axes}
                {ring_labels}
                <polygon class="radar-target" points=polygon(&target)></polygon>
                <polygon class="radar-achieved" points=polygon(&achieved)></polygon>
            </svg>
            <figcaption>
                <span class="legend legend-achieved">{achieved_label}</span>
                <span class="legend legend-target">{target_label}</span>
                <span class="visually-hidden">{description}</span>
            </figcaption>
        </figure>
    }
}

/// Horizontal bars, one per row, for levels 0..=max.
#[component]
pub fn LevelBars(rows: Vec<(String, Option<u8>)>, target: u8, max: u8, label: String) -> impl IntoView {
    let height = rows.len() as f64 * 28.0 + 24.0;
    let scale = 300.0 / f64::from(max);
    let bars = rows
        .iter()
        .enumerate()
        .map(|(i, (name, level))| {
            let y = i as f64 * 28.0 + 4.0;
            let w = level.map(|l| f64::from(l) * scale).unwrap_or(0.0);
            let value = level.map(|l| format!("ML{l}")).unwrap_or_else(|| "N/A".into());
            view! {
                <text class="bar-label" x="0" y=tenths(y + 15.0)>{name.clone()}</text>
                <rect class="bar" x="220" y=tenths(y) width=tenths(w) height="18"></rect>
                <text class="bar-value" x=tenths(226.0 + w) y=tenths(y + 14.0)>{value}</text>
            }
        })
        .collect_any_view();
    let tx = 220.0 + f64::from(target) * scale;
    view! {
        <svg class="bars" viewBox=format!("0 0 560 {}", height as u32) role="img" aria-label=label width="560" height=(height as u32).to_string()>
            {bars}
            <line class="bar-target" x1=tenths(tx) x2=tenths(tx) y1="0" y2=tenths(height - 18.0)></line>
            <text class="bar-target-label" x=tenths(tx) y=tenths(height - 4.0) text-anchor="middle">{format!("target ML{target}")}</text>
        </svg>
    }
}
