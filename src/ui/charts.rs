//! Charts drawn as SVG by the app itself (no chart library): a radar of SL-A against SL-T over the seven
//! FRs, and horizontal maturity bars. Each has a text alternative.

use crate::domain::{Fr, SlVector};
use leptos::prelude::*;

const CENTER: f64 = 160.0;
const RADIUS: f64 = 110.0;

fn point(fr_index: usize, level: f64) -> (f64, f64) {
    let angle = -std::f64::consts::FRAC_PI_2 + fr_index as f64 * std::f64::consts::TAU / 7.0;
    let r = RADIUS * level / 4.0;
    (CENTER + r * angle.cos(), CENTER + r * angle.sin())
}

fn polygon(vector: &SlVector) -> String {
    Fr::ALL
        .iter()
        .map(|fr| {
            let (x, y) = point(fr.index(), f64::from(vector.get(*fr).get()));
            format!("{x:.1},{y:.1}")
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
                    format!("{x:.1},{y:.1}")
                })
                .collect::<Vec<_>>()
                .join(" ");
            view! { <polygon class="radar-ring" points=pts></polygon> }
        })
        .collect_view();
    let axes = Fr::ALL
        .iter()
        .map(|fr| {
            let (x, y) = point(fr.index(), 4.0);
            let (lx, ly) = point(fr.index(), 4.75);
            let anchor = if (lx - CENTER).abs() < 5.0 { "middle" } else if lx > CENTER { "start" } else { "end" };
            view! {
                <line class="radar-axis" x1=CENTER.to_string() y1=CENTER.to_string() x2=format!("{x:.1}") y2=format!("{y:.1}")></line>
                <text class="radar-label" x=format!("{lx:.1}") y=format!("{:.1}", ly + 4.0) text-anchor=anchor>{fr.code()}</text>
            }
        })
        .collect_view();
    let ring_labels = (1..=4)
        .map(|l| {
            let (x, y) = point(0, f64::from(l));
            view! { <text class="radar-ring-label" x=format!("{:.1}", x + 4.0) y=format!("{:.1}", y + 10.0)>{l.to_string()}</text> }
        })
        .collect_view();
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
                <text class="bar-label" x="0" y=format!("{:.1}", y + 15.0)>{name.clone()}</text>
                <rect class="bar" x="220" y=format!("{y:.1}") width=format!("{w:.1}") height="18"></rect>
                <text class="bar-value" x=format!("{:.1}", 226.0 + w) y=format!("{:.1}", y + 14.0)>{value}</text>
            }
        })
        .collect_view();
    let tx = 220.0 + f64::from(target) * scale;
    view! {
        <svg class="bars" viewBox=format!("0 0 560 {height:.0}") role="img" aria-label=label width="560" height=format!("{height:.0}")>
            {bars}
            <line class="bar-target" x1=format!("{tx:.1}") x2=format!("{tx:.1}") y1="0" y2=format!("{:.1}", height - 18.0)></line>
            <text class="bar-target-label" x=format!("{tx:.1}") y=format!("{:.1}", height - 4.0) text-anchor="middle">{format!("target ML{target}")}</text>
        </svg>
    }
}
