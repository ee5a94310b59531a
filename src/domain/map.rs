//! The zone and conduit map: the assessment drawn as a diagram. Zones are boxes in bands of the Purdue
//! model (enterprise, DMZ, operations, control, field, safety), each marked with its SL-A against SL-T
//! (by colour, by a fill pattern and in words) and its asset count; conduits are lines between the boxes,
//! labelled with their name and type, styled by type.
//!
//! The layout is computed here, deterministically: bands from top to bottom, at most [`PER_ROW`] boxes
//! per row, the zones of a band ordered by where their neighbours above sit (fewer crossings), conduit
//! ends spread along the edges they leave from, boxes of one row joined by an arc over the row, each label
//! placed along its line where it covers no box and no other label (shortest lines first). [`map_svg`]
//! writes the SVG (presentation attributes only, no style sheet, so the file stands on its own and passes
//! a strict Content-Security-Policy); the UI shows that same SVG, and [`ZoneMap::description`] is its text
//! alternative.
//!
//! ```
//! use iec62443_assess::map::{zone_map, Band};
//! use iec62443_assess::*;
//! let mut a = Assessment::new("a1", "Plant", "2026-11-20T09:00:00Z");
//! let mut dmz = Zone::new("z1", "DMZ");
//! dmz.purdue_levels.insert(PurdueLevel::Dmz);
//! a.zones.push(dmz);
//! a.zones.push(Zone::new("z2", "Cell"));
//! a.conduits.push(Conduit::new("c1", "Historian link", "z1", "z2"));
//! let map = zone_map(&a, &score(&a));
//! assert_eq!(map.zones[0].band, Band::Dmz);
//! assert_eq!(map.zones[1].band, Band::Unassigned);
//! assert!(map.zones[0].y < map.zones[1].y);
//! assert_eq!(map.conduits[0].from, "z1");
//! ```

use crate::domain::assessment::{Assessment, ConduitType};
use crate::domain::catalogue::Fr;
use crate::domain::inventory::PurdueLevel;
use crate::domain::scoring::Scorecard;
use crate::domain::SlVector;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Width of the drawing (`viewBox` units); the UI scales it to the page.
pub const MAP_WIDTH: f64 = 1000.0;
/// Room on the left for the bands' names.
pub const BAND_LABEL_WIDTH: f64 = 118.0;
/// A zone box's width.
pub const BOX_WIDTH: f64 = 150.0;
/// A zone box's height.
pub const BOX_HEIGHT: f64 = 66.0;
/// Most zone boxes in one row of a band.
pub const PER_ROW: usize = 5;
const GAP_X: f64 = 20.0;
const BAND_TOP: f64 = 46.0;
const ROW_GAP: f64 = 54.0;
const BAND_BOTTOM: f64 = 18.0;
const EMPTY_BAND: f64 = 34.0;
/// Room below the bands for the legend.
pub const LEGEND_HEIGHT: f64 = 40.0;

/// A horizontal band of the map, top to bottom.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Band {
    /// Levels 4 and 5.
    Enterprise,
    /// Level 3.5.
    Dmz,
    /// Level 3.
    Operations,
    /// Levels 1 and 2.
    Control,
    /// Level 0.
    Field,
    /// Safety systems.
    Safety,
    /// Zones with no Purdue level, given or found in their inventory.
    Unassigned,
}

impl Band {
    /// The bands always drawn, top first (the unassigned band only when a zone is in it).
    pub const ALL: [Band; 7] =
        [Band::Enterprise, Band::Dmz, Band::Operations, Band::Control, Band::Field, Band::Safety, Band::Unassigned];

    /// The band's name.
    pub fn label(self) -> &'static str {
        match self {
            Band::Enterprise => "Enterprise (L4-5)",
            Band::Dmz => "DMZ (L3.5)",
            Band::Operations => "Operations (L3)",
            Band::Control => "Control (L1-2)",
            Band::Field => "Field (L0)",
            Band::Safety => "Safety (SIS)",
            Band::Unassigned => "Level not set",
        }
    }

    /// The band a Purdue level is drawn in.
    pub fn of(level: PurdueLevel) -> Band {
        match level {
            PurdueLevel::Enterprise | PurdueLevel::Business => Band::Enterprise,
            PurdueLevel::Dmz => Band::Dmz,
            PurdueLevel::Operations => Band::Operations,
            PurdueLevel::Supervisory | PurdueLevel::Control => Band::Control,
            PurdueLevel::Field => Band::Field,
            PurdueLevel::Safety => Band::Safety,
        }
    }
}

/// Where a zone stands against its target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ZoneMark {
    /// SL-A reaches SL-T in every FR.
    Met,
    /// The largest shortfall over the FRs (1 to 4).
    Gap(u8),
    /// No role assesses zones, so there is no SL-A.
    NotAssessed,
}

impl ZoneMark {
    /// The words on the box: "✓ Target met", "▼ Gap 2", "Not assessed".
    pub fn text(self) -> String {
        match self {
            ZoneMark::Met => "✓ Target met".to_string(),
            ZoneMark::Gap(n) => format!("▼ Gap {n}"),
            ZoneMark::NotAssessed => "Not assessed".to_string(),
        }
    }
}

/// A zone's box.
#[derive(Clone, Debug, PartialEq)]
pub struct ZoneBox {
    /// Zone id.
    pub id: String,
    /// Zone name, as typed.
    pub name: String,
    /// Its band.
    pub band: Band,
    /// Top-left corner and size.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
    /// SL-A against SL-T.
    pub mark: ZoneMark,
    /// SL-A, when assessed.
    pub achieved: Option<SlVector>,
    /// SL-T.
    pub target: SlVector,
    /// Assets in its inventory (quantities summed).
    pub assets: u64,
}

impl ZoneBox {
    /// Whether a point lies on the box's outline (within a hair).
    pub fn on_edge(&self, (px, py): (f64, f64)) -> bool {
        let e = 0.01;
        let inside_x = px >= self.x - e && px <= self.x + self.width + e;
        let inside_y = py >= self.y - e && py <= self.y + self.height + e;
        let on_vertical = (px - self.x).abs() < e || (px - self.x - self.width).abs() < e;
        let on_horizontal = (py - self.y).abs() < e || (py - self.y - self.height).abs() < e;
        (inside_x && on_horizontal) || (inside_y && on_vertical)
    }

    /// Whether two boxes overlap (touching edges do not).
    pub fn overlaps(&self, other: &ZoneBox) -> bool {
        self.x < other.x + other.width
            && other.x < self.x + self.width
            && self.y < other.y + other.height
            && other.y < self.y + self.height
    }

    /// The levels in words, FR by FR: "SL-A of SL-T by FR: FR1 1 of 2, FR2 1 of 2, ..." (or "SL-T by FR:
    /// FR1 2, ..., not assessed"), never the raw `{1 1 0 1 1 1 1}` notation.
    pub fn levels(&self) -> String {
        match self.achieved {
            Some(a) => {
                let pairs: Vec<String> =
                    (0..7).map(|i| format!("FR{} {} of {}", i + 1, a.0[i], self.target.0[i])).collect();
                format!("SL-A of SL-T by FR: {}", pairs.join(", "))
            }
            None => {
                let levels: Vec<String> = (0..7).map(|i| format!("FR{} {}", i + 1, self.target.0[i])).collect();
                format!("SL-T by FR: {}, not assessed", levels.join(", "))
            }
        }
    }

    /// The box's line about its inventory, as drawn (SVG and draw.io): "No assets listed", "1 asset",
    /// "12 assets".
    pub fn assets_text(&self) -> String {
        match self.assets {
            0 => "No assets listed".to_string(),
            1 => "1 asset".to_string(),
            count => format!("{count} assets"),
        }
    }

    /// The box's accessible name and the text alternative's line: name, band, levels, mark, assets.
    pub fn summary(&self) -> String {
        let mark = match self.mark {
            ZoneMark::Met => "target met".to_string(),
            ZoneMark::Gap(n) => format!("gap {n}"),
            ZoneMark::NotAssessed => "not assessed".to_string(),
        };
        format!(
            "Zone {}, {}: {}, {mark}; {} asset{}.",
            self.name,
            self.band.label(),
            self.levels(),
            self.assets,
            if self.assets == 1 { "" } else { "s" }
        )
    }
}

/// A conduit's line.
#[derive(Clone, Debug, PartialEq)]
pub struct ConduitLine {
    /// Conduit id.
    pub id: String,
    /// Name, as typed.
    pub name: String,
    /// Zone ids at each end.
    pub from: String,
    /// The other end.
    pub to: String,
    /// Its type, when recorded.
    pub kind: Option<ConduitType>,
    /// Where the line leaves `from`'s box.
    pub start: (f64, f64),
    /// Where it reaches `to`'s box.
    pub end: (f64, f64),
    /// The control point of a curve (a conduit between two boxes of one row arcs over the row); `None`
    /// for a straight line.
    pub bend: Option<(f64, f64)>,
    /// The middle of the label: on the line, where it covers no zone box and no label placed before it
    /// if such a place exists (the middle of the line when it is free).
    pub label_at: (f64, f64),
    /// Its SL-T (its own, or from its zones).
    pub target: SlVector,
    /// Protocols, as typed.
    pub protocols: String,
}

impl ConduitLine {
    /// The label drawn on the line: "Historian link · Firewall", shortened to fit.
    pub fn label(&self) -> String {
        let text = match self.kind {
            Some(kind) => format!("{} · {}", self.name, kind.label()),
            None => self.name.clone(),
        };
        shorten(&text, 30)
    }

    /// The point of the line at `t` (0 at `start`, 1 at `end`), on the curve when it bends.
    pub fn point_at(&self, t: f64) -> (f64, f64) {
        let (x1, y1) = self.start;
        let (x2, y2) = self.end;
        match self.bend {
            Some((cx, cy)) => {
                let u = 1.0 - t;
                (u * u * x1 + 2.0 * u * t * cx + t * t * x2, u * u * y1 + 2.0 * u * t * cy + t * t * y2)
            }
            None => (x1 + (x2 - x1) * t, y1 + (y2 - y1) * t),
        }
    }

    /// The label's box as drawn (x, y, width, height): its text's estimated width plus padding.
    pub fn label_box(&self) -> (f64, f64, f64, f64) {
        label_box_at(&self.label(), self.label_at)
    }

    /// The SVG path.
    pub fn path(&self) -> String {
        let (x1, y1) = self.start;
        let (x2, y2) = self.end;
        match self.bend {
            Some((cx, cy)) => format!("M{} {} Q{} {} {} {}", n(x1), n(y1), n(cx), n(cy), n(x2), n(y2)),
            None => format!("M{} {} L{} {}", n(x1), n(y1), n(x2), n(y2)),
        }
    }
}

/// The box of a conduit label centred on `at`: about 6.6 units per character of 11-unit text, 6 each side.
fn label_box_at(label: &str, (x, y): (f64, f64)) -> (f64, f64, f64, f64) {
    let half = label.chars().count() as f64 * 3.3 + 6.0;
    (x - half, y - 8.0, half * 2.0, 16.0)
}

/// Whether two boxes (x, y, width, height) overlap, with `margin` of room around them.
fn boxes_meet(p: (f64, f64, f64, f64), q: (f64, f64, f64, f64), margin: f64) -> bool {
    p.0 < q.0 + q.2 + margin && q.0 < p.0 + p.2 + margin && p.1 < q.1 + q.3 + margin && q.1 < p.1 + p.3 + margin
}

/// Places each conduit's label, shortest line first, at the first point along its line (middle first, then
/// out towards the ends) where it covers no zone box and no label already placed; where no point is free,
/// at the point that covers the fewest. The line's middle when nothing is in the way.
fn place_labels(lines: &mut [ConduitLine], zones: &[ZoneBox]) {
    // The middle, then out towards both ends in steps of 3 % of the line, stopping short of the boxes.
    let tries = (0..27).map(|k| if k % 2 == 0 { 0.5 - 0.015 * f64::from(k) } else { 0.5 + 0.015 * f64::from(k + 1) });
    let boxes: Vec<(f64, f64, f64, f64)> = zones.iter().map(|z| (z.x, z.y, z.width, z.height)).collect();
    let mut placed: Vec<(f64, f64, f64, f64)> = Vec::new();
    // Short lines first: they have the fewest places to offer.
    let length = |l: &ConduitLine| (l.end.0 - l.start.0).hypot(l.end.1 - l.start.1);
    let mut order: Vec<usize> = (0..lines.len()).collect();
    order.sort_by(|&i, &j| length(&lines[i]).total_cmp(&length(&lines[j])).then(i.cmp(&j)));
    for i in order {
        let line = &mut lines[i];
        let label = line.label();
        let mut best: Option<(usize, (f64, f64))> = None;
        // Each point on the line, then the label half its height above or below it (still touching it).
        for (t, dy) in [0.0, -8.0, 8.0].into_iter().flat_map(|dy| tries.clone().map(move |t| (t, dy))) {
            let at = line.point_at(t);
            let at = (at.0, at.1 + dy);
            let candidate = label_box_at(&label, at);
            let hits = boxes.iter().filter(|b| boxes_meet(candidate, **b, 2.0)).count() * 2
                + placed.iter().filter(|b| boxes_meet(candidate, **b, 1.0)).count();
            if best.is_none_or(|(fewest, _)| hits < fewest) {
                best = Some((hits, at));
            }
            if hits == 0 {
                break;
            }
        }
        if let Some((_, at)) = best {
            line.label_at = at;
        }
        placed.push(line.label_box());
    }
}

/// A band as drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct BandStrip {
    /// Which band.
    pub band: Band,
    /// Its top edge.
    pub y: f64,
    /// Its height.
    pub height: f64,
    /// Zones in it.
    pub zones: usize,
}

/// The whole map.
#[derive(Clone, Debug, PartialEq)]
pub struct ZoneMap {
    /// Height of the drawing (its width is [`MAP_WIDTH`]).
    pub height: f64,
    /// The bands, top first.
    pub bands: Vec<BandStrip>,
    /// The zone boxes, in the assessment's zone order.
    pub zones: Vec<ZoneBox>,
    /// The conduit lines, in the assessment's conduit order (a conduit whose two ends are the same zone,
    /// or a missing one, is not drawn).
    pub conduits: Vec<ConduitLine>,
}

// Every coordinate is a finite number computed above (never NaN), so equality is an equivalence and the map
// can sit in the document model, whose blocks compare with `Eq`.
impl Eq for ZoneMap {}

impl ZoneMap {
    /// The text alternative: one line per zone (by band), then one per conduit.
    pub fn description(&self) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        for strip in &self.bands {
            lines.extend(self.zones.iter().filter(|z| z.band == strip.band).map(ZoneBox::summary));
        }
        let name = |id: &str| self.zone(id).map_or(id, |z| z.name.as_str()).to_string();
        for c in &self.conduits {
            let kind = c.kind.map_or("type not recorded", ConduitType::label);
            let protocols =
                if c.protocols.trim().is_empty() { String::new() } else { format!(", {}", c.protocols.trim()) };
            lines.push(format!(
                "Conduit {}: {} to {}, {kind}{protocols}; SL-T {}.",
                c.name,
                name(&c.from),
                name(&c.to),
                c.target.notation()
            ));
        }
        lines
    }

    /// Width and height of the SVG drawing ([`map_svg`]'s `width` and `height`): the bands and the legend.
    pub fn drawn_size(&self) -> (f64, f64) {
        (MAP_WIDTH, self.height + LEGEND_HEIGHT)
    }

    /// The box of a zone.
    pub fn zone(&self, id: &str) -> Option<&ZoneBox> {
        self.zones.iter().find(|z| z.id == id)
    }

    /// The map's title: "Zones and conduits: 3 zones, 2 conduits".
    pub fn title(&self) -> String {
        format!(
            "Zones and conduits: {} zone{}, {} conduit{}",
            self.zones.len(),
            if self.zones.len() == 1 { "" } else { "s" },
            self.conduits.len(),
            if self.conduits.len() == 1 { "" } else { "s" }
        )
    }
}

/// The band a zone is drawn in: safety when one of its Purdue levels is; else the highest of its levels;
/// without levels, the level most of its inventory sits at (quantities counted; ties go to the higher
/// level); else unassigned.
pub fn zone_band(a: &Assessment, zone_id: &str) -> Band {
    let Some(zone) = a.zone(zone_id) else { return Band::Unassigned };
    if zone.purdue_levels.contains(&PurdueLevel::Safety) {
        return Band::Safety;
    }
    if let Some(top) = zone.purdue_levels.iter().next() {
        return Band::of(*top);
    }
    let mut counts: BTreeMap<PurdueLevel, u64> = BTreeMap::new();
    for asset in a.zone_assets(zone_id) {
        if let Some(level) = asset.purdue {
            *counts.entry(level).or_default() += u64::from(asset.quantity);
        }
    }
    // Levels iterate top first, so `max_by_key` (last of the maxima) would pick the lower: reverse.
    counts.iter().rev().max_by_key(|(_, n)| **n).map_or(Band::Unassigned, |(level, _)| Band::of(*level))
}

/// Lays out the map of an assessment with its scores.
pub fn zone_map(a: &Assessment, card: &Scorecard) -> ZoneMap {
    let results: BTreeMap<&str, SlVector> = card.zones.iter().map(|r| (r.zone_id.as_str(), r.achieved)).collect();
    let mut by_band: BTreeMap<Band, Vec<usize>> = BTreeMap::new();
    for (i, z) in a.zones.iter().enumerate() {
        by_band.entry(zone_band(a, &z.id)).or_default().push(i);
    }
    let neighbours = |i: usize| {
        let id = &a.zones[i].id;
        a.conduits.iter().filter_map(move |c| {
            if &c.from == id {
                Some(c.to.as_str())
            } else if &c.to == id {
                Some(c.from.as_str())
            } else {
                None
            }
        })
    };
    let mut placed: BTreeMap<String, (f64, f64)> = BTreeMap::new();
    let mut boxes: Vec<Option<ZoneBox>> = vec![None; a.zones.len()];
    let mut bands = Vec::new();
    let mut y = 0.0;
    for band in Band::ALL {
        let members = by_band.get(&band).cloned().unwrap_or_default();
        if members.is_empty() {
            if band != Band::Unassigned {
                bands.push(BandStrip { band, y, height: EMPTY_BAND, zones: 0 });
                y += EMPTY_BAND;
            }
            continue;
        }
        // Order by the mean x of neighbours already placed (bands above); others keep their order, at
        // the position their rank would give them.
        let count = members.len();
        let mut keyed: Vec<(f64, usize, usize)> = members
            .iter()
            .enumerate()
            .map(|(rank, &i)| {
                let xs: Vec<f64> = neighbours(i).filter_map(|id| placed.get(id)).map(|p| p.0).collect();
                let key = if xs.is_empty() {
                    BAND_LABEL_WIDTH + (MAP_WIDTH - BAND_LABEL_WIDTH) * (rank as f64 + 0.5) / count as f64
                } else {
                    xs.iter().sum::<f64>() / xs.len() as f64
                };
                (key, rank, i)
            })
            .collect();
        keyed.sort_by(|p, q| p.0.total_cmp(&q.0).then(p.1.cmp(&q.1)));
        let rows = count.div_ceil(PER_ROW);
        let height = BAND_TOP + rows as f64 * BOX_HEIGHT + (rows - 1) as f64 * ROW_GAP + BAND_BOTTOM;
        for (slot, (_, _, i)) in keyed.iter().enumerate() {
            let row = slot / PER_ROW;
            let in_row = if row + 1 < rows { PER_ROW } else { count - row * PER_ROW };
            let column = slot % PER_ROW;
            let row_width = in_row as f64 * BOX_WIDTH + (in_row - 1) as f64 * GAP_X;
            let left = BAND_LABEL_WIDTH + (MAP_WIDTH - BAND_LABEL_WIDTH - row_width) / 2.0;
            let x = left + column as f64 * (BOX_WIDTH + GAP_X);
            let top = y + BAND_TOP + row as f64 * (BOX_HEIGHT + ROW_GAP);
            let zone = &a.zones[*i];
            let achieved = results.get(zone.id.as_str()).copied();
            let mark = match achieved {
                None => ZoneMark::NotAssessed,
                Some(sla) => {
                    let gap = Fr::ALL
                        .into_iter()
                        .map(|fr| u8::from(zone.target.get(fr)).saturating_sub(u8::from(sla.get(fr))))
                        .max();
                    match gap.unwrap_or(0) {
                        0 => ZoneMark::Met,
                        n => ZoneMark::Gap(n),
                    }
                }
            };
            placed.insert(zone.id.clone(), (x + BOX_WIDTH / 2.0, top));
            boxes[*i] = Some(ZoneBox {
                id: zone.id.clone(),
                name: zone.name.clone(),
                band,
                x,
                y: top,
                width: BOX_WIDTH,
                height: BOX_HEIGHT,
                mark,
                achieved,
                target: zone.target,
                assets: a.asset_counts(&zone.id).total(),
            });
        }
        bands.push(BandStrip { band, y, height, zones: count });
        y += height;
    }
    let zones: Vec<ZoneBox> = boxes.into_iter().flatten().collect();
    let conduits = conduit_lines(a, &zones);
    ZoneMap { height: y, bands, zones, conduits }
}

/// Which edge of a box a conduit leaves from.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Side {
    Top,
    Bottom,
}

fn conduit_lines(a: &Assessment, zones: &[ZoneBox]) -> Vec<ConduitLine> {
    let find = |id: &str| zones.iter().find(|z| z.id == id);
    let same_row = |p: &ZoneBox, q: &ZoneBox| (p.y - q.y).abs() < 0.5;
    // Each drawn conduit: its index, its two boxes and the sides it leaves them from.
    let mut ends: Vec<(usize, &ZoneBox, Side, &ZoneBox, Side)> = Vec::new();
    for (i, c) in a.conduits.iter().enumerate() {
        let (Some(p), Some(q)) = (find(&c.from), find(&c.to)) else { continue };
        if p.id == q.id {
            continue;
        }
        // Boxes of one row are joined by an arc over the row, even side by side: the gap between two
        // boxes has no room for a label.
        let sides = if same_row(p, q) {
            (Side::Top, Side::Top)
        } else if p.y < q.y {
            (Side::Bottom, Side::Top)
        } else {
            (Side::Top, Side::Bottom)
        };
        ends.push((i, p, sides.0, q, sides.1));
    }
    // Spread the ends that share an edge along it, ordered by where the other end is.
    // Per edge: the other end's x, the conduit's index in `ends`, and whether this is its start.
    type Slot = (f64, usize, bool);
    let mut slots: BTreeMap<(&str, Side), Vec<Slot>> = BTreeMap::new();
    for (k, (_, p, ps, q, qs)) in ends.iter().enumerate() {
        slots.entry((p.id.as_str(), *ps)).or_default().push((q.x, k, true));
        slots.entry((q.id.as_str(), *qs)).or_default().push((p.x, k, false));
    }
    let mut points: BTreeMap<(usize, bool), (f64, f64)> = BTreeMap::new();
    for ((zone_id, side), mut list) in slots {
        let Some(b) = find(zone_id) else { continue };
        list.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)));
        let n = list.len() as f64;
        for (j, (_, k, is_start)) in list.into_iter().enumerate() {
            let f = (j as f64 + 1.0) / (n + 1.0);
            let point = match side {
                Side::Top => (b.x + b.width * f, b.y),
                Side::Bottom => (b.x + b.width * f, b.y + b.height),
            };
            points.insert((k, is_start), point);
        }
    }
    let mut lines: Vec<ConduitLine> = ends
        .iter()
        .enumerate()
        .map(|(k, (i, p, ps, q, _))| {
            let c = &a.conduits[*i];
            let start = points.get(&(k, true)).copied().unwrap_or((p.x, p.y));
            let end = points.get(&(k, false)).copied().unwrap_or((q.x, q.y));
            let bend = (*ps == Side::Top && same_row(p, q)).then(|| {
                let rise = 30.0 + 6.0 * (k % 3) as f64;
                ((start.0 + end.0) / 2.0, start.1.min(end.1) - rise * 2.0)
            });
            ConduitLine {
                id: c.id.clone(),
                name: c.name.clone(),
                from: c.from.clone(),
                to: c.to.clone(),
                kind: c.kind,
                start,
                end,
                bend,
                label_at: start,
                target: a.conduit_target(c),
                protocols: c.protocols.clone(),
            }
        })
        .collect();
    place_labels(&mut lines, zones);
    lines
}

/// A number for SVG or a draw.io geometry: at most one decimal.
pub(crate) fn n(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{}", rounded as i64)
    } else {
        format!("{rounded:.1}")
    }
}

/// Text cut to `max` characters with an ellipsis.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let mut cut: String = text.chars().take(max - 1).collect();
        cut.push('…');
        cut
    }
}

/// Text escaped for SVG (XML) text and attribute values.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// How the SVG is written.
#[derive(Clone, Copy, Debug, Default)]
pub struct SvgOptions<'a> {
    /// Prefix of the ids inside the SVG (its pattern and marker), unique on the page.
    pub id_prefix: &'a str,
    /// Zones and conduits are focusable buttons (`tabindex="0"`, `role="button"`, `data-zone`,
    /// `data-conduit`), for the interactive map.
    pub interactive: bool,
    /// The zone or conduit id drawn as selected.
    pub selected: Option<&'a str>,
}

/// Colours: (fill, outline) of a zone box by its mark.
pub(crate) fn zone_colours(mark: ZoneMark, prefix: &str) -> (String, &'static str) {
    match mark {
        ZoneMark::Met => ("#e3f2e6".to_string(), "#1e6b34"),
        ZoneMark::Gap(_) => (format!("url(#{prefix}hatch)"), "#a52a1f"),
        ZoneMark::NotAssessed => ("#f1f2f4".to_string(), "#5c6470"),
    }
}

/// Line style of a conduit by type: (colour, dash pattern, width).
pub(crate) fn conduit_style(kind: Option<ConduitType>) -> (&'static str, &'static str, &'static str) {
    match kind {
        Some(ConduitType::Firewall) => ("#1f3b63", "", "2.5"),
        Some(ConduitType::Gateway) => ("#1f3b63", "10 3 2 3", "2.5"),
        Some(ConduitType::DataDiode) => ("#1f3b63", "", "2"),
        Some(ConduitType::FilteringDevice) => ("#35506e", "7 4", "2"),
        Some(ConduitType::Unmanaged) => ("#a52a1f", "2 4", "2.5"),
        None => ("#6b7280", "5 5", "1.5"),
    }
}

/// The map as a standalone SVG document fragment (`<svg xmlns=...>...</svg>`): bands, conduit lines under
/// the zone boxes, labels, and a legend at the bottom. Every text is escaped.
pub fn map_svg(map: &ZoneMap, options: SvgOptions) -> String {
    let p = options.id_prefix;
    let height = map.drawn_size().1;
    let mut s = String::new();
    let _ = write!(
        s,
        r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}" font-family="system-ui, sans-serif" font-size="12" role="group" aria-label="{title}">"##,
        w = n(MAP_WIDTH),
        h = n(height),
        title = esc(&map.title()),
    );
    let _ = write!(
        s,
        r##"<title>{}</title><defs><pattern id="{p}hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#fbe9e7"/><line x1="0" y1="0" x2="0" y2="8" stroke="#e4a59c" stroke-width="3"/></pattern><marker id="{p}arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="#1f3b63"/></marker></defs>"##,
        esc(&map.title())
    );
    s.push_str(r##"<rect x="0" y="0" width="100%" height="100%" fill="#ffffff"/>"##);
    for (i, strip) in map.bands.iter().enumerate() {
        let fill = if i % 2 == 0 { "#f6f8fa" } else { "#eef1f5" };
        let _ = write!(
            s,
            r##"<rect x="0" y="{y}" width="{w}" height="{h}" fill="{fill}"/><text x="10" y="{ty}" font-weight="600" fill="#2b3440">{label}</text>"##,
            y = n(strip.y),
            w = n(MAP_WIDTH),
            h = n(strip.height),
            ty = n(strip.y + if strip.zones == 0 { 21.0 } else { 24.0 }),
            label = esc(strip.band.label()),
        );
        if strip.zones == 0 {
            let _ = write!(
                s,
                r##"<text x="{x}" y="{y}" fill="#5c6470" font-style="italic">no zone</text>"##,
                x = n(BAND_LABEL_WIDTH + 12.0),
                y = n(strip.y + 21.0)
            );
        }
    }
    for c in &map.conduits {
        let (colour, dash, width) = conduit_style(c.kind);
        let selected = options.selected == Some(c.id.as_str());
        let marker = if c.kind == Some(ConduitType::DataDiode) {
            format!(r#" marker-end="url(#{p}arrow)""#)
        } else {
            String::new()
        };
        let dash = if dash.is_empty() { String::new() } else { format!(r#" stroke-dasharray="{dash}""#) };
        let attrs = if options.interactive {
            format!(
                r#" class="zmap-conduit" data-conduit="{}" tabindex="0" role="button" aria-label="{}" aria-pressed="{selected}""#,
                esc(&c.id),
                esc(&format!("Conduit {}", c.label())),
            )
        } else {
            r#" class="zmap-conduit""#.to_string()
        };
        let _ = write!(
            s,
            r##"<g{attrs}><title>{title}</title><path d="{d}" fill="none" stroke="#ffffff" stroke-width="8" stroke-opacity="0.01"/><path d="{d}" fill="none" stroke="{colour}" stroke-width="{sw}"{dash}{marker}/>"##,
            title = esc(&c.name),
            d = c.path(),
            sw = if selected { "4.5" } else { width },
        );
        let label = c.label();
        let (bx, by, bw, _) = c.label_box();
        let _ = write!(
            s,
            r##"<rect x="{x}" y="{y}" width="{w}" height="16" rx="3" fill="#ffffff" stroke="{colour}" stroke-width="{lw}"/><text x="{tx}" y="{ty}" text-anchor="middle" font-size="11" fill="#1b1f24">{text}</text></g>"##,
            x = n(bx),
            y = n(by),
            w = n(bw),
            lw = if selected { "2" } else { "0.8" },
            tx = n(c.label_at.0),
            ty = n(c.label_at.1 + 4.0),
            text = esc(&label),
        );
    }
    for z in &map.zones {
        let (fill, outline) = zone_colours(z.mark, p);
        let selected = options.selected == Some(z.id.as_str());
        let dash = if z.mark == ZoneMark::NotAssessed { r#" stroke-dasharray="4 3""# } else { "" };
        let assets = z.assets_text();
        let attrs = if options.interactive {
            // The accessible name starts with the text drawn in the box, then says the rest in words.
            let label = format!("{} {} {}. {}", shorten(&z.name, 22), z.mark.text(), assets, z.summary());
            format!(
                r#" class="zmap-zone" data-zone="{}" tabindex="0" role="button" aria-label="{}" aria-pressed="{selected}""#,
                esc(&z.id),
                esc(&label),
            )
        } else {
            r#" class="zmap-zone""#.to_string()
        };
        let _ = write!(
            s,
            r##"<g{attrs}>{title}<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="6" fill="{fill}" stroke="{outline}" stroke-width="{sw}"{dash}/><rect x="{x}" y="{y}" width="{w}" height="22" rx="6" fill="#ffffff" fill-opacity="0.85"/><text x="{tx}" y="{y1}" font-weight="600" fill="#1b1f24">{name} </text><text x="{tx}" y="{y2}" font-weight="600" fill="{outline}">{mark} </text><text x="{tx}" y="{y3}" fill="#2b3440">{assets}</text></g>"##,
            // The interactive box is named by its aria-label, which starts with the text drawn in it; a
            // <title> there would count as visible text that the name does not contain.
            title = if options.interactive { String::new() } else { format!("<title>{}</title>", esc(&z.summary())) },
            x = n(z.x),
            y = n(z.y),
            w = n(z.width),
            h = n(z.height),
            sw = if selected { "4" } else { "2" },
            tx = n(z.x + 8.0),
            y1 = n(z.y + 16.0),
            y2 = n(z.y + 38.0),
            y3 = n(z.y + 56.0),
            name = esc(&shorten(&z.name, 22)),
            mark = esc(&z.mark.text()),
            assets = esc(&assets),
        );
    }
    // The legend: what colours, patterns and line styles mean, in words.
    let ly = map.height + 14.0;
    let _ = write!(
        s,
        r##"<g class="zmap-legend" font-size="11" fill="#2b3440"><rect x="10" y="{y0}" width="18" height="12" fill="#e3f2e6" stroke="#1e6b34"/><text x="32" y="{t}">✓ Target met</text><rect x="120" y="{y0}" width="18" height="12" fill="url(#{p}hatch)" stroke="#a52a1f"/><text x="142" y="{t}">▼ Gap (hatched)</text><rect x="250" y="{y0}" width="18" height="12" fill="#f1f2f4" stroke="#5c6470" stroke-dasharray="4 3"/><text x="272" y="{t}">Not assessed</text>"##,
        y0 = n(ly),
        t = n(ly + 10.0),
    );
    let mut x = 380.0;
    for kind in ConduitType::ALL.map(Some).into_iter().chain([None]) {
        let (colour, dash, width) = conduit_style(kind);
        let dash = if dash.is_empty() { String::new() } else { format!(r#" stroke-dasharray="{dash}""#) };
        let label = kind.map_or("Type not set", ConduitType::label);
        let _ = write!(
            s,
            r##"<line x1="{x1}" y1="{y}" x2="{x2}" y2="{y}" stroke="{colour}" stroke-width="{width}"{dash}/><text x="{tx}" y="{t}">{label}</text>"##,
            x1 = n(x),
            x2 = n(x + 22.0),
            y = n(ly + 6.0),
            tx = n(x + 26.0),
            t = n(ly + 10.0),
        );
        x += 26.0 + label.len() as f64 * 6.2 + 12.0;
    }
    s.push_str("</g></svg>");
    s
}
