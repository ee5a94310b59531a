//! Charts drawn as SVG text by the app itself (no chart library): a radar of SL-A against SL-T over the
//! seven FRs, and horizontal maturity bars. Each has a text alternative.

use super::Html;
use crate::domain::{AreaMaturity, Fr, SlVector};

const CENTER: f64 = 160.0;
const RADIUS: f64 = 110.0;

/// Cosine and sine of the seven axis angles (FR1 straight up, then clockwise every 2π/7). A table:
/// Rust's own `cos` and `sin` would add about 10 KB of wasm for seven angles.
const AXES: [(f64, f64); 7] = [
    (0.0, -1.0),
    (0.781_831_482_468_029_8, -0.623_489_801_858_733_5),
    (0.974_927_912_181_823_6, 0.222_520_933_956_314_4),
    (0.433_883_739_117_558_2, 0.900_968_867_902_419_1),
    (-0.433_883_739_117_558_06, 0.900_968_867_902_419_1),
    (-0.974_927_912_181_823_6, 0.222_520_933_956_314_5),
    (-0.781_831_482_468_029_9, -0.623_489_801_858_733_4),
];

fn point(fr_index: usize, level: f64) -> (f64, f64) {
    let (cos, sin) = AXES[fr_index];
    let r = RADIUS * level / 4.0;
    (CENTER + r * cos, CENTER + r * sin)
}

/// A coordinate with one decimal, like `format!("{x:.1}")`, without the float formatting of `core::fmt`
/// (about 15 KB of wasm). Ties round away from zero; at one decimal of an SVG coordinate that is invisible.
fn tenths(x: f64) -> String {
    let t = (x * 10.0).round() as i64;
    let sign = if t < 0 { "-" } else { "" };
    format!("{sign}{}.{}", t.unsigned_abs() / 10, t.unsigned_abs() % 10)
}

/// "x,y x,y ..." with one decimal each: the polygon of seven levels, FR1..FR7.
fn points(levels: [f64; 7]) -> String {
    let mut points = String::new();
    for (i, level) in levels.into_iter().enumerate() {
        let (x, y) = point(i, level);
        let separator = if i == 0 { "" } else { " " };
        points.push_str(&format!("{separator}{},{}", tenths(x), tenths(y)));
    }
    points
}

fn polygon(h: &mut Html, class: &str, levels: [f64; 7]) {
    h.open("polygon", &[("class", class), ("points", &points(levels))]).close("polygon");
}

fn vector_levels(vector: &SlVector) -> [f64; 7] {
    Fr::ALL.map(|fr| f64::from(vector.get(fr).get()))
}

/// The text alternative of a radar: one sentence per FR.
///
/// ```
/// use iec62443_assess::{html::charts::radar_description, SlVector};
/// let text = radar_description("Cell A", &SlVector::default(), &SlVector::default(), false);
/// assert!(text.starts_with("Zone Cell A: FR1 SL-A 0 of SL-T 0; FR2"));
/// ```
pub fn radar_description(zone_name: &str, achieved: &SlVector, target: &SlVector, product: bool) -> String {
    let (a, t, noun) = if product { ("SL-C", "aimed", "Product") } else { ("SL-A", "SL-T", "Zone") };
    let mut description = format!("{noun} {zone_name}: ");
    for fr in Fr::ALL {
        let separator = if fr.index() == 0 { "" } else { "; " };
        description.push_str(&format!("{separator}{} {a} {} of {t} {}", fr.code(), achieved.get(fr), target.get(fr)));
    }
    description.push('.');
    description
}

/// A radar (spider) chart of achieved against target levels for one zone or product, as a `figure`
/// whose SVG is labelled by its title and description; `dom_id` prefixes their ids.
pub fn radar(h: &mut Html, zone_name: &str, achieved: &SlVector, target: &SlVector, dom_id: &str, product: bool) {
    let (achieved_label, target_label, kind) = if product {
        ("SL-C capability (solid)", "Aimed SL-C (dashed)", "Capability levels of product")
    } else {
        ("SL-A achieved (solid)", "SL-T target (dashed)", "Security levels of zone")
    };
    let description = radar_description(zone_name, achieved, target, product);
    let title_id = format!("{dom_id}-title");
    let desc_id = format!("{dom_id}-desc");
    h.open("figure", &[("class", "radar")]);
    h.open(
        "svg",
        &[
            ("viewBox", "0 0 320 320"),
            ("role", "img"),
            ("aria-labelledby", &format!("{title_id} {desc_id}")),
            ("width", "320"),
            ("height", "320"),
        ],
    );
    h.element("title", &[("id", &title_id)], &format!("{kind} {zone_name}"));
    h.element("desc", &[("id", &desc_id)], &description);
    for level in 1..=4 {
        polygon(h, "radar-ring", [f64::from(level); 7]);
    }
    for fr in Fr::ALL {
        let (x, y) = point(fr.index(), 4.0);
        let (lx, ly) = point(fr.index(), 4.75);
        let anchor = if (lx - CENTER).abs() < 5.0 {
            "middle"
        } else if lx > CENTER {
            "start"
        } else {
            "end"
        };
        h.open(
            "line",
            &[("class", "radar-axis"), ("x1", "160"), ("y1", "160"), ("x2", &tenths(x)), ("y2", &tenths(y))],
        )
        .close("line");
        h.element(
            "text",
            &[("class", "radar-label"), ("x", &tenths(lx)), ("y", &tenths(ly + 4.0)), ("text-anchor", anchor)],
            fr.code(),
        );
    }
    for level in 1..=4 {
        let (x, y) = point(0, f64::from(level));
        h.element(
            "text",
            &[("class", "radar-ring-label"), ("x", &tenths(x + 4.0)), ("y", &tenths(y + 10.0))],
            &level.to_string(),
        );
    }
    polygon(h, "radar-target", vector_levels(target));
    polygon(h, "radar-achieved", vector_levels(achieved));
    h.close("svg");
    h.open("figcaption", &[]);
    h.element("span", &[("class", "legend legend-achieved")], achieved_label);
    h.element("span", &[("class", "legend legend-target")], target_label);
    h.element("span", &[("class", "visually-hidden")], &description);
    h.close("figcaption").close("figure");
}

/// Horizontal bars, one per area, for levels 0..=max, with a line at the target; `label` names the chart
/// for assistive technology.
pub fn level_bars(h: &mut Html, areas: &[AreaMaturity], target: u8, max: u8, label: &str) {
    let height = areas.len() as f64 * 28.0 + 24.0;
    let scale = 300.0 / f64::from(max);
    let whole_height = (height as u32).to_string();
    h.open(
        "svg",
        &[
            ("class", "bars"),
            ("viewBox", &format!("0 0 560 {whole_height}")),
            ("role", "img"),
            ("aria-label", label),
            ("width", "560"),
            ("height", &whole_height),
        ],
    );
    for (i, area) in areas.iter().enumerate() {
        let (name, level) = (area.area.title, area.level);
        let y = i as f64 * 28.0 + 4.0;
        let w = level.map(|l| f64::from(l) * scale).unwrap_or(0.0);
        let value = level.map(|l| format!("ML{l}")).unwrap_or_else(|| "N/A".into());
        h.element("text", &[("class", "bar-label"), ("x", "0"), ("y", &tenths(y + 15.0))], name);
        h.open("rect", &[("class", "bar"), ("x", "220"), ("y", &tenths(y)), ("width", &tenths(w)), ("height", "18")])
            .close("rect");
        h.element("text", &[("class", "bar-value"), ("x", &tenths(226.0 + w)), ("y", &tenths(y + 14.0))], &value);
    }
    let tx = tenths(220.0 + f64::from(target) * scale);
    h.open("line", &[("class", "bar-target"), ("x1", &tx), ("x2", &tx), ("y1", "0"), ("y2", &tenths(height - 18.0))])
        .close("line");
    h.element(
        "text",
        &[("class", "bar-target-label"), ("x", &tx), ("y", &tenths(height - 4.0)), ("text-anchor", "middle")],
        &format!("target ML{target}"),
    );
    h.close("svg");
}
