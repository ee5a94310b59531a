//! The charts' data and geometry: a radar of achieved against target levels over the seven FRs, and
//! horizontal maturity bars. The UI draws them as SVG from the numbers computed here; the Markdown export
//! leaves them out (their numbers are in the tables beside them) but keeps the radar's text alternative.

use crate::domain::{Fr, SlVector};

/// The radar's drawing is a square of this side (`viewBox="0 0 320 320"`, `width` and `height` 320).
pub const RADAR_SIZE: f64 = 320.0;

/// The centre of the radar, on both axes.
pub const RADAR_CENTER: f64 = RADAR_SIZE / 2.0;

/// The radius of the outer ring (level 4).
pub const RADAR_RADIUS: f64 = 110.0;

/// The highest level, drawn on the outer ring.
const MAX_LEVEL: f64 = 4.0;

/// A radar (spider) chart of one zone's achieved levels (SL-A) against its target (SL-T), or one
/// product's capability (SL-C) against the level aimed for.
///
/// Rendered as `<figure class="radar">` holding:
/// - `<svg viewBox="0 0 320 320" role="img" aria-labelledby={labelled_by()} width="320" height="320">` with
///   `<title id={title_id()}>{title()}</title>` and `<desc id={desc_id()}>{description()}</desc>`;
/// - the rings `<polygon class="radar-ring" points={svg_points(&radar_ring(level))}>` for levels 1 to 4;
/// - per [`radar_axes`] entry a `<line class="radar-axis" x1="160" y1="160" x2 y2>` to `end` and a
///   `<text class="radar-label" x y text-anchor>` with the FR code at `label`;
/// - per [`radar_ring_labels`] entry a `<text class="radar-ring-label" x y>` with the level;
/// - `<polygon class="radar-target" points={svg_points(&target_points())}>`, then
///   `<polygon class="radar-achieved" points={svg_points(&achieved_points())}>` on top;
/// - then `<figcaption>` with `<span class="legend legend-achieved">{legend().0}</span>`,
///   `<span class="legend legend-target">{legend().1}</span>` and
///   `<span class="visually-hidden">{description()}</span>`.
///
/// ```
/// use iec62443_assess::document::Radar;
/// use iec62443_assess::SlVector;
/// let radar = Radar::new("z1", "Cell A", SlVector::default(), SlVector::default(), false);
/// assert_eq!(radar.title(), "Security levels of zone Cell A");
/// assert!(radar.description().starts_with("Zone Cell A: FR1 SL-A 0 of SL-T 0; FR2"));
/// assert_eq!(radar.labelled_by(), "radar-z1-title radar-z1-desc");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Radar {
    /// The prefix of the SVG's element ids, unique on the page: `radar-{zone or product id}`.
    pub id: String,
    /// The zone's or product's name.
    pub name: String,
    /// SL-A per FR (SL-C for a product).
    pub achieved: SlVector,
    /// SL-T per FR (the aimed SL-C for a product).
    pub target: SlVector,
    /// A product (SL-C against aimed) rather than a zone (SL-A against SL-T).
    pub product: bool,
}

impl Radar {
    /// The radar of the zone or product with this id and name.
    pub fn new(zone_id: &str, name: &str, achieved: SlVector, target: SlVector, product: bool) -> Radar {
        Radar { id: format!("radar-{zone_id}"), name: name.to_string(), achieved, target, product }
    }

    /// The SVG's title: "Security levels of zone {name}" or "Capability levels of product {name}".
    pub fn title(&self) -> String {
        let kind = if self.product { "Capability levels of product" } else { "Security levels of zone" };
        format!("{kind} {}", self.name)
    }

    /// The text alternative, one clause per FR: "Zone Cell A: FR1 SL-A 1 of SL-T 2; FR2 ...; FR7 SL-A 0 of
    /// SL-T 0." (for a product "Product RTU: FR1 SL-C 1 of aimed 2; ...").
    pub fn description(&self) -> String {
        let (a, t, noun) = if self.product { ("SL-C", "aimed", "Product") } else { ("SL-A", "SL-T", "Zone") };
        let clauses: Vec<String> = Fr::ALL
            .into_iter()
            .map(|fr| format!("{} {a} {} of {t} {}", fr.code(), self.achieved.get(fr), self.target.get(fr)))
            .collect();
        format!("{noun} {}: {}.", self.name, clauses.join("; "))
    }

    /// The id of the SVG's `title`.
    pub fn title_id(&self) -> String {
        format!("{}-title", self.id)
    }

    /// The id of the SVG's `desc`.
    pub fn desc_id(&self) -> String {
        format!("{}-desc", self.id)
    }

    /// The SVG's `aria-labelledby`: its title and its description.
    pub fn labelled_by(&self) -> String {
        format!("{} {}", self.title_id(), self.desc_id())
    }

    /// The legend of the achieved polygon (solid) and of the target polygon (dashed).
    pub fn legend(&self) -> (&'static str, &'static str) {
        if self.product {
            ("SL-C capability (solid)", "Aimed SL-C (dashed)")
        } else {
            ("SL-A achieved (solid)", "SL-T target (dashed)")
        }
    }

    /// The corners of the achieved polygon, FR1 to FR7.
    pub fn achieved_points(&self) -> Vec<(f64, f64)> {
        radar_points(&self.achieved)
    }

    /// The corners of the target polygon, FR1 to FR7.
    pub fn target_points(&self) -> Vec<(f64, f64)> {
        radar_points(&self.target)
    }
}

/// Where `level` (0 to 4) lies on the axis of `fr`: FR1 points straight up, the others follow clockwise
/// every 2π/7; level 4 is [`RADAR_RADIUS`] from the centre.
///
/// ```
/// use iec62443_assess::document::{radar_point, RADAR_CENTER, RADAR_RADIUS};
/// use iec62443_assess::Fr;
/// assert_eq!(radar_point(Fr::Fr1, 4.0), (RADAR_CENTER, RADAR_CENTER - RADAR_RADIUS));
/// assert_eq!(radar_point(Fr::Fr3, 0.0), (RADAR_CENTER, RADAR_CENTER));
/// ```
pub fn radar_point(fr: Fr, level: f64) -> (f64, f64) {
    let angle = std::f64::consts::TAU * fr.index() as f64 / 7.0;
    let r = RADAR_RADIUS * level / MAX_LEVEL;
    (RADAR_CENTER + r * angle.sin(), RADAR_CENTER - r * angle.cos())
}

/// The corners of the polygon of these levels, FR1 to FR7.
pub fn radar_points(levels: &SlVector) -> Vec<(f64, f64)> {
    Fr::ALL.into_iter().map(|fr| radar_point(fr, f64::from(levels.get(fr).get()))).collect()
}

/// The corners of the ring at `level` (1 to 4), FR1 to FR7.
pub fn radar_ring(level: u8) -> Vec<(f64, f64)> {
    Fr::ALL.into_iter().map(|fr| radar_point(fr, f64::from(level))).collect()
}

/// One axis of the radar: a line from the centre to the outer ring and the FR code beyond its end.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RadarAxis {
    /// The FR of this axis.
    pub fr: Fr,
    /// Where the line ends (level 4).
    pub end: (f64, f64),
    /// Where the label's text starts (its baseline, a little beyond the outer ring).
    pub label: (f64, f64),
    /// The label's `text-anchor`: `middle` near the vertical, `start` on the right, `end` on the left.
    pub anchor: &'static str,
}

/// The seven axes, FR1 to FR7.
///
/// ```
/// use iec62443_assess::document::radar_axes;
/// let axes = radar_axes();
/// assert_eq!((axes[0].anchor, axes[1].anchor, axes[6].anchor), ("middle", "start", "end"));
/// ```
pub fn radar_axes() -> Vec<RadarAxis> {
    Fr::ALL
        .into_iter()
        .map(|fr| {
            let (lx, ly) = radar_point(fr, 4.75);
            let anchor = if (lx - RADAR_CENTER).abs() < 5.0 {
                "middle"
            } else if lx > RADAR_CENTER {
                "start"
            } else {
                "end"
            };
            // Down by 4: the label's baseline sits a little below its anchor point, centring it there.
            RadarAxis { fr, end: radar_point(fr, MAX_LEVEL), label: (lx, ly + 4.0), anchor }
        })
        .collect()
}

/// The level numbers 1 to 4 beside FR1's axis, with where each text starts.
pub fn radar_ring_labels() -> Vec<(u8, (f64, f64))> {
    (1..=4u8)
        .map(|level| {
            let (x, y) = radar_point(Fr::Fr1, f64::from(level));
            (level, (x + 4.0, y + 10.0))
        })
        .collect()
}

/// A number for an SVG attribute, with one decimal: `160.0`, `53.8`.
pub fn svg_number(x: f64) -> String {
    format!("{x:.1}")
}

/// A polygon's `points` attribute: `x,y` pairs with one decimal, separated by spaces.
///
/// ```
/// use iec62443_assess::document::{radar_ring, svg_points};
/// assert_eq!(svg_points(&[(1.0, 2.25), (3.0, 4.0)]), "1.0,2.2 3.0,4.0");
/// assert!(svg_points(&radar_ring(4)).starts_with("160.0,50.0 246.0,91.4 "));
/// ```
pub fn svg_points(points: &[(f64, f64)]) -> String {
    points.iter().map(|(x, y)| format!("{},{}", svg_number(*x), svg_number(*y))).collect::<Vec<_>>().join(" ")
}

/// Horizontal bars, one per area, for maturity levels 0 to `max`, with a dashed line at the target.
///
/// Rendered as `<svg class="bars" viewBox="0 0 560 {height}" role="img" aria-label={label} width="560"
/// height={height}>` (height rounded down to a whole number, [`MaturityBars::height`]), holding per bar
/// ([`MaturityBars::geometry`]) `<text class="bar-label" x="0" y={label_y}>{label}</text>`,
/// `<rect class="bar" x="220" y={y} width={width} height="18">` and
/// `<text class="bar-value" x={value_x} y={value_y}>{value}</text>`; then
/// `<line class="bar-target" x1 x2={target_x()} y1="0" y2={target_line_end()}>` and
/// `<text class="bar-target-label" x={target_x()} y={target_label_y()} text-anchor="middle">{target_label()}</text>`.
///
/// ```
/// use iec62443_assess::document::{Bar, MaturityBars};
/// let bars = MaturityBars {
///     label: "Maturity per programme area".to_string(),
///     bars: vec![Bar { label: "Organizational security measures".to_string(), level: Some(2) }],
///     target: 3,
///     max: 4,
/// };
/// assert_eq!(bars.height(), 52.0);
/// assert_eq!(bars.geometry(0).width, 150.0);
/// assert_eq!(bars.target_x(), 445.0);
/// assert_eq!(bars.target_label(), "target ML3");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MaturityBars {
    /// The chart's accessible name ("Maturity per programme area").
    pub label: String,
    /// One bar per area, in catalogue order.
    pub bars: Vec<Bar>,
    /// The target maturity level.
    pub target: u8,
    /// The highest level, at the right end of the scale.
    pub max: u8,
}

/// One bar of [`MaturityBars`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bar {
    /// The area's title.
    pub label: String,
    /// Its maturity level; `None` when no practice of it applies.
    pub level: Option<u8>,
}

impl Bar {
    /// The value written after the bar: `ML2`, or `N/A`.
    pub fn value(&self) -> String {
        self.level.map(|l| format!("ML{l}")).unwrap_or_else(|| "N/A".to_string())
    }
}

/// Where one bar of [`MaturityBars`] is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BarGeometry {
    /// The baseline of the area's name (at x 0).
    pub label_y: f64,
    /// The top of the bar (at x 220, 18 high).
    pub y: f64,
    /// The bar's length.
    pub width: f64,
    /// Where the value text starts, just after the bar.
    pub value_x: f64,
    /// The value text's baseline.
    pub value_y: f64,
}

/// The width of the bars' drawing.
pub const BARS_WIDTH: f64 = 560.0;

/// Where the bars start: the area names are written to their left.
pub const BARS_LEFT: f64 = 220.0;

/// The height of one bar.
pub const BAR_HEIGHT: f64 = 18.0;

/// The length of a bar at the highest level.
const BARS_LENGTH: f64 = 300.0;

/// The vertical distance from one bar to the next.
const BAR_PITCH: f64 = 28.0;

impl MaturityBars {
    /// The height of the drawing: a row per bar and room for the target's label.
    pub fn height(&self) -> f64 {
        self.bars.len() as f64 * BAR_PITCH + 24.0
    }

    /// Where bar `index` is drawn.
    pub fn geometry(&self, index: usize) -> BarGeometry {
        let y = index as f64 * BAR_PITCH + 4.0;
        let width = self.bars.get(index).and_then(|b| b.level).map_or(0.0, |l| f64::from(l) * self.scale());
        BarGeometry { label_y: y + 15.0, y, width, value_x: BARS_LEFT + 6.0 + width, value_y: y + 14.0 }
    }

    /// The x of the target line.
    pub fn target_x(&self) -> f64 {
        BARS_LEFT + f64::from(self.target) * self.scale()
    }

    /// Where the target line ends, above its label.
    pub fn target_line_end(&self) -> f64 {
        self.height() - 18.0
    }

    /// The baseline of the target's label.
    pub fn target_label_y(&self) -> f64 {
        self.height() - 4.0
    }

    /// "target ML3".
    pub fn target_label(&self) -> String {
        format!("target ML{}", self.target)
    }

    /// The length of one level.
    fn scale(&self) -> f64 {
        BARS_LENGTH / f64::from(self.max.max(1))
    }
}
