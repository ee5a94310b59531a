//! The roadmap: unmet in-scope items become prioritised actions, grouped by phase and horizon, with a
//! what-if projection of SL-A after each phase.

use crate::domain::answers::{Answer, Response, Status};
use crate::domain::assessment::{ActionStatus, AnswerScope, Assessment, Criticality, SlVector};
use crate::domain::catalogue::{self, Effort, Fr, Item, ItemKind, Part, Phase, SecurityLevel, ITEMS};
use crate::domain::scoring::{item_maturity, score_product, score_product_with, score_zone, ZoneResult};
use std::cmp::Reverse;

/// When an action should happen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Horizon {
    /// 0-3 months.
    Now,
    /// 3-12 months.
    Next,
    /// 12 months and more.
    Later,
}

impl Horizon {
    /// All horizons in order.
    pub const ALL: [Horizon; 3] = [Horizon::Now, Horizon::Next, Horizon::Later];

    /// The label shown.
    pub fn label(self) -> &'static str {
        match self {
            Horizon::Now => "0-3 months",
            Horizon::Next => "3-12 months",
            Horizon::Later => "12+ months",
        }
    }
}

/// Why an action concerns one zone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionZone {
    /// Zone id.
    pub zone_id: String,
    /// Zone name.
    pub zone_name: String,
    /// Zone criticality.
    pub criticality: Criticality,
    /// SL-A of the item's FR in this zone.
    pub achieved: u8,
    /// SL-T of the item's FR in this zone.
    pub target: u8,
    /// Whether the item is unanswered here (rather than answered as not met).
    pub unanswered: bool,
    /// Whether the item is answered Vendor to confirm here: the first step is to ask the vendor.
    pub vendor_to_confirm: bool,
}

/// One roadmap action: the catalogue's recommended action for one item, merged over zones.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Action {
    /// Stable key: the item id.
    pub key: &'static str,
    /// The item it closes.
    pub item: &'static Item,
    /// Zones concerned (3-3 items); empty for other items.
    pub zones: Vec<ActionZone>,
    /// Products concerned (4-2 items, with SL-C as `achieved` and the aimed capability as `target`);
    /// empty for other items.
    pub products: Vec<ActionZone>,
    /// Largest gap it helps close: SL-T minus SL-A for 3-3, target minus current maturity for 2-1, 1 for
    /// an open 3-2 step.
    pub gap: u8,
    /// Whether it blocks the next level somewhere (3-3: level = SL-A + 1; 2-1: the item holds its area at
    /// its current level; 3-2: always, as the process underpins zones and targets).
    pub blocking: bool,
    /// The level it belongs to: the item's lowest SL (3-3), the next maturity level (2-1), 1 (3-2).
    pub level: u8,
    /// Small effort that closes a blocking gap.
    pub quick_win: bool,
    /// When to do it.
    pub horizon: Horizon,
    /// Whether every zone concerned has the item unanswered (the first step is to find out).
    pub unanswered: bool,
    /// Whether every zone concerned has the item answered Vendor to confirm (the first step is to ask the
    /// vendor).
    pub vendor_to_confirm: bool,
    /// Current maturity for 2-1 items.
    pub current_maturity: Option<u8>,
}

impl Action {
    /// The roadmap phase.
    pub fn phase(&self) -> Phase {
        self.item.phase
    }

    /// The effort.
    pub fn effort(&self) -> Effort {
        self.item.effort
    }

    /// Highest criticality among the zones concerned (Medium for once-per-assessment items).
    pub fn criticality(&self) -> Criticality {
        self.zones.iter().chain(&self.products).map(|z| z.criticality).max().unwrap_or(Criticality::Medium)
    }

    /// Zone names joined for display.
    pub fn zone_names(&self) -> String {
        let targets = if self.products.is_empty() { &self.zones } else { &self.products };
        if targets.is_empty() {
            "Whole organisation".to_string()
        } else {
            targets.iter().map(|z| z.zone_name.as_str()).collect::<Vec<_>>().join(", ")
        }
    }

    /// The deterministic priority order within a phase (smaller first). IEC 62443-3-2 steps come first in
    /// their phase and follow the ZCR sequence (their order in the catalogue), since each step builds on
    /// the one before; the other actions follow by gap, blocking, level, criticality, effort and id.
    fn priority(&self) -> impl Ord + '_ {
        let sequence = match self.item.kind {
            ItemKind::Process => catalogue::index_of(self.item),
            _ => usize::MAX,
        };
        (
            self.phase(),
            sequence,
            Reverse(self.gap),
            Reverse(self.blocking),
            self.level,
            Reverse(self.criticality()),
            self.effort(),
            catalogue::reference_rank(self.item),
        )
    }

    /// How much the gap matters, for the executive summary's top gaps (smaller first; docs/scoring.md,
    /// section 6, "Ranking the gaps"): answered as not met before only unanswered, groundwork before the
    /// rest, then the zone's criticality, the size of the gap, blocking, the order of work (phase), the
    /// level, the effort and the reference.
    fn rank(&self) -> impl Ord + '_ {
        (
            self.unanswered,
            Reverse(self.item.groundwork),
            Reverse(self.criticality()),
            Reverse(self.gap),
            Reverse(self.blocking),
            self.phase(),
            self.level,
            self.effort(),
            catalogue::reference_rank(self.item),
        )
    }
}

/// The prioritised roadmap.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Roadmap {
    /// All actions, by phase, then priority.
    pub actions: Vec<Action>,
}

impl Roadmap {
    /// The actions of one phase, in priority order.
    pub fn in_phase(&self, phase: Phase) -> impl Iterator<Item = &Action> {
        self.actions.iter().filter(move |a| a.phase() == phase)
    }

    /// The actions of one horizon, in roadmap order.
    pub fn in_horizon(&self, horizon: Horizon) -> impl Iterator<Item = &Action> {
        self.actions.iter().filter(move |a| a.horizon == horizon)
    }

    /// The action for an item.
    pub fn action(&self, key: &str) -> Option<&Action> {
        self.actions.iter().find(|a| a.key == key)
    }

    /// Every action, the gaps that matter most first (docs/scoring.md, section 6, "Ranking the gaps"): what
    /// the answers show to be missing before what is only unanswered, groundwork (segmentation, boundary
    /// protection...) before refinements (login banners...), then the zone's criticality and the size of
    /// its gap.
    pub fn ranked(&self) -> Vec<&Action> {
        let mut all: Vec<&Action> = self.actions.iter().collect();
        all.sort_by(|a, b| a.rank().cmp(&b.rank()));
        all
    }

    /// The first `n` of [`Roadmap::ranked`].
    pub fn top(&self, n: usize) -> Vec<&Action> {
        let mut all = self.ranked();
        all.truncate(n);
        all
    }
}

fn horizon_for(phase: Phase, effort: Effort, blocking: bool, quick_win: bool, distance: u8) -> Horizon {
    if quick_win || (phase.is_foundation() && effort != Effort::Large) {
        Horizon::Now
    } else if !blocking && (effort == Effort::Large || distance >= 3) {
        Horizon::Later
    } else {
        Horizon::Next
    }
}

/// The action for a per-zone (3-3) or per-product (4-2) item over the targets in its scope, given as
/// (id, name, criticality, target level of the item's FR, achieved level of that FR); `None` when every
/// target meets it. The returned `Action` has empty target lists: the caller puts the targets in place.
fn per_target_action<'a>(
    item: &'static Item,
    level: u8,
    targets: impl Iterator<Item = (&'a str, &'a str, Criticality, u8, u8, Option<&'a Response>)>,
) -> Option<(Vec<ActionZone>, Action)> {
    let mut entries = Vec::new();
    let mut gap = 0;
    let mut distance = u8::MAX;
    for (id, name, criticality, target, achieved, response) in targets {
        let status = response.map(Response::status).unwrap_or(Status::Unanswered);
        if status.is_met() || status == Status::NotApplicable {
            continue;
        }
        gap = gap.max(target.saturating_sub(achieved));
        distance = distance.min(level.saturating_sub(achieved));
        entries.push(ActionZone {
            zone_id: id.to_string(),
            zone_name: name.to_string(),
            criticality,
            achieved,
            target,
            unanswered: status == Status::Unanswered,
            vendor_to_confirm: response.and_then(|r| r.answer) == Some(Answer::VendorToConfirm),
        });
    }
    if entries.is_empty() {
        return None;
    }
    let blocking = distance == 1;
    let quick_win = item.effort == Effort::Small && blocking && gap >= 1;
    let action = Action {
        key: item.id,
        item,
        unanswered: entries.iter().all(|z| z.unanswered),
        vendor_to_confirm: entries.iter().all(|z| z.vendor_to_confirm),
        zones: Vec::new(),
        products: Vec::new(),
        gap,
        blocking,
        level,
        quick_win,
        horizon: horizon_for(item.phase, item.effort, blocking, quick_win, distance),
        current_maturity: None,
    };
    Some((entries, action))
}

/// Builds the roadmap from the answers.
pub fn roadmap_for(assessment: &Assessment) -> Roadmap {
    let zone_results: Vec<ZoneResult> = assessment.zones.iter().map(|z| score_zone(assessment, z)).collect();
    roadmap_with(assessment, &zone_results)
}

/// Builds the roadmap when the zone results are already computed (in zone order).
pub fn roadmap_with(assessment: &Assessment, zone_results: &[ZoneResult]) -> Roadmap {
    let mut actions = Vec::new();
    // Each zone's and product's answers, looked up once rather than once per item.
    let tables = assessment.response_tables();
    let (zone_tables, product_tables) = (&tables.zones, &tables.products);
    let product_results: Vec<ZoneResult> =
        assessment.products.iter().zip(product_tables).map(|(p, t)| score_product_with(assessment, p, t)).collect();
    fn response_in<'r>(table: &[Option<&'r Response>], item: &Item) -> Option<&'r Response> {
        table[catalogue::index_of(item)]
    }
    let target_maturity = assessment.profile.target_maturity.clamp(1, 4);
    for item in ITEMS.iter().filter(|i| assessment.asks(i)) {
        match item.kind {
            ItemKind::SystemRequirement { fr, level } => {
                let targets = assessment
                    .zones
                    .iter()
                    .zip(zone_results)
                    .zip(zone_tables)
                    .filter(|((z, _), _)| assessment.in_scope(z, item))
                    .map(|((z, r), table)| {
                        (
                            z.id.as_str(),
                            z.name.as_str(),
                            z.criticality,
                            z.target.get(fr).get(),
                            r.achieved.get(fr).get(),
                            response_in(table, item),
                        )
                    });
                if let Some(action) = per_target_action(item, level.get(), targets) {
                    actions.push(Action { zones: action.0, products: Vec::new(), ..action.1 });
                }
            }
            ItemKind::ComponentRequirement { fr, level, .. } => {
                let targets = assessment
                    .products
                    .iter()
                    .zip(&product_results)
                    .zip(product_tables)
                    .filter(|((p, _), _)| assessment.in_product_scope(p, item))
                    .map(|((p, r), table)| {
                        (
                            p.id.as_str(),
                            p.name.as_str(),
                            Criticality::Medium,
                            p.target.get(fr).get(),
                            r.achieved.get(fr).get(),
                            response_in(table, item),
                        )
                    });
                if let Some(action) = per_target_action(item, level.get(), targets) {
                    actions.push(Action { zones: Vec::new(), products: action.0, ..action.1 });
                }
            }
            ItemKind::Process => {
                let status = assessment.status(None, item);
                if status.is_met() || status == Status::NotApplicable {
                    continue;
                }
                let quick_win = item.effort == Effort::Small;
                actions.push(Action {
                    key: item.id,
                    item,
                    zones: Vec::new(),
                    products: Vec::new(),
                    gap: 1,
                    blocking: true,
                    level: 1,
                    quick_win,
                    horizon: horizon_for(item.phase, item.effort, true, quick_win, 1),
                    unanswered: status == Status::Unanswered,
                    vendor_to_confirm: false,
                    current_maturity: None,
                });
            }
            ItemKind::Maturity { area, .. } => {
                let Some(current) = item_maturity(assessment, item) else { continue };
                if current >= target_maturity {
                    continue;
                }
                let area_level = catalogue::items_of_area(area)
                    .filter(|i| assessment.asks(i))
                    .filter_map(|i| item_maturity(assessment, i))
                    .min()
                    .unwrap_or(0);
                let blocking = current == area_level;
                let gap = target_maturity - current;
                let quick_win = item.effort == Effort::Small && blocking;
                let unanswered = assessment.status(None, item) == Status::Unanswered;
                actions.push(Action {
                    key: item.id,
                    item,
                    zones: Vec::new(),
                    products: Vec::new(),
                    gap,
                    blocking,
                    level: current + 1,
                    quick_win,
                    horizon: horizon_for(item.phase, item.effort, blocking, quick_win, gap),
                    unanswered,
                    vendor_to_confirm: false,
                    current_maturity: Some(current),
                });
            }
        }
    }
    actions.sort_by(|a, b| a.priority().cmp(&b.priority()));
    Roadmap { actions }
}

/// Projected SL-A of one zone: now, after each phase (counting planned and done actions), and if every
/// action were done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ZoneProjection {
    /// Zone id.
    pub zone_id: String,
    /// Zone name.
    pub zone_name: String,
    /// Target.
    pub target: SlVector,
    /// Whether this row is a product (SL-C) rather than a zone (SL-A).
    pub is_product: bool,
    /// SL-A today.
    pub current: SlVector,
    /// SL-A after each phase of [`Phase::ALL`], in that order, counting actions marked planned or done
    /// (see [`ZoneProjection::after`]). Phases of a track the roles do not follow add nothing.
    pub after_phase: Vec<SlVector>,
    /// SL-A if every roadmap action were done.
    pub all_done: SlVector,
    /// The FRs that stay below target after every phase (counting planned and done actions), with what
    /// holds each one: the answer to "why does marking actions change nothing here?".
    pub held: Vec<HeldLevel>,
}

/// One FR that stays below target in the projection, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeldLevel {
    /// The FR.
    pub fr: Fr,
    /// The level it stays at once every planned and done action is counted.
    pub level: SecurityLevel,
    /// The requirements of the next level that are neither met nor planned, in catalogue order; empty
    /// when the level is held by the quick scan, which asks nothing above `level`.
    pub blocking: Vec<&'static Item>,
}

impl HeldLevel {
    /// One sentence: "FR1 stays at 0 until SR 1.1 is met.", "FR3 stays at 1 until SR 3.1 RE(1) and SR 3.2
    /// RE(1) are met.", "FR2 stays at 1 until SR 2.1 RE(1), SR 2.2, SR 2.3 and 2 more are met.", or for a
    /// quick scan "FR4 stays at 3: the quick scan asks nothing above SL 3."
    pub fn sentence(&self) -> String {
        let (fr, level) = (self.fr.code(), self.level);
        let mut refs: Vec<&str> = self.blocking.iter().map(|i| i.main_ref()).collect();
        refs.dedup(); // the questions split from one requirement share its reference
        let until = match refs.as_slice() {
            [] => return format!("{fr} stays at {level}: the quick scan asks nothing above SL {level}."),
            [one] => format!("{one} is met"),
            [a, b] => format!("{a} and {b} are met"),
            [a, b, c] => format!("{a}, {b} and {c} are met"),
            [a, b, c, rest @ ..] => format!("{a}, {b}, {c} and {} more are met", rest.len()),
        };
        format!("{fr} stays at {level} until {until}.")
    }
}

impl ZoneProjection {
    /// The projected levels after `phase` (and every phase before it in [`Phase::ALL`]).
    pub fn after(&self, phase: Phase) -> SlVector {
        self.after_phase.get(phase.index()).copied().unwrap_or(self.current)
    }

    /// The levels after the last phase: every planned and done action counted.
    pub fn planned(&self) -> SlVector {
        self.after_phase.last().copied().unwrap_or(self.current)
    }
}

/// Marks an action as implemented in a copy of the assessment (3-3: in each zone concerned).
fn apply(copy: &mut Assessment, action: &Action) {
    match action.item.kind {
        ItemKind::SystemRequirement { .. } => {
            for zone in &action.zones {
                copy.set_response(
                    &AnswerScope::Zone(zone.zone_id.clone()),
                    action.key,
                    Response::with(Answer::Implemented),
                );
            }
        }
        ItemKind::ComponentRequirement { .. } => {
            for product in &action.products {
                copy.set_response(
                    &AnswerScope::Product(product.zone_id.clone()),
                    action.key,
                    Response::with(Answer::Implemented),
                );
            }
        }
        ItemKind::Process => {
            copy.set_response(&AnswerScope::Assessment, action.key, Response::with(Answer::Implemented))
        }
        ItemKind::Maturity { .. } => {
            copy.set_response(&AnswerScope::Assessment, action.key, Response::with(Answer::Ml4))
        }
    }
}

/// The results of every assessed zone, then of every assessed product.
fn assessed_results(assessment: &Assessment) -> Vec<ZoneResult> {
    assessment
        .assessed_zones()
        .iter()
        .map(|z| score_zone(assessment, z))
        .chain(assessment.assessed_products().iter().map(|p| score_product(assessment, p)))
        .collect()
}

/// SL-A of every assessed zone, then SL-C of every assessed product.
fn achieved_vectors(assessment: &Assessment) -> Vec<SlVector> {
    assessed_results(assessment).into_iter().map(|r| r.achieved).collect()
}

/// The FRs of a result that stay below target, with the requirements of the next level still open.
fn held_levels(result: &ZoneResult) -> Vec<HeldLevel> {
    result
        .frs
        .iter()
        .filter(|f| f.gap() > 0)
        .map(|f| HeldLevel { fr: f.fr, level: f.achieved, blocking: f.blocking.clone() })
        .collect()
}

/// Only per-zone and per-product actions change levels.
fn moves_levels(action: &Action) -> bool {
    matches!(action.item.part, Part::SystemRequirements | Part::ComponentRequirements)
}

/// What-if: the projected SL-A per zone (then SL-C per product) after each phase, counting the actions the
/// user marked as planned or done. Only zones and products the roles assess ([`Assessment::assessed_zones`],
/// [`Assessment::assessed_products`]) are projected.
pub fn projection(assessment: &Assessment, roadmap: &Roadmap) -> Vec<ZoneProjection> {
    let current = achieved_vectors(assessment);
    let mut copy = assessment.clone();
    let mut after: Vec<Vec<SlVector>> = Vec::new();
    for phase in Phase::ALL {
        for action in roadmap.in_phase(phase) {
            if assessment.action_status(action.key) != ActionStatus::Open && moves_levels(action) {
                apply(&mut copy, action);
            }
        }
        after.push(achieved_vectors(&copy));
    }
    let held: Vec<Vec<HeldLevel>> = assessed_results(&copy).iter().map(held_levels).collect();
    let mut everything = assessment.clone();
    for action in roadmap.actions.iter().filter(|a| moves_levels(a)) {
        apply(&mut everything, action);
    }
    let all_done = achieved_vectors(&everything);
    let targets = assessment
        .assessed_zones()
        .iter()
        .map(|z| (z.id.clone(), z.name.clone(), z.target, false))
        .chain(assessment.assessed_products().iter().map(|p| (p.id.clone(), p.name.clone(), p.target, true)));
    targets
        .enumerate()
        .map(|(i, (id, name, target, is_product))| ZoneProjection {
            zone_id: id,
            zone_name: name,
            target,
            is_product,
            current: current[i],
            after_phase: after.iter().map(|v| v[i]).collect(),
            all_done: all_done[i],
            held: held[i].clone(),
        })
        .collect()
}
