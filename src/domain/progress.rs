//! Progress over time: what changed between two states of an assessment (a snapshot and now, two
//! snapshots, or two assessments of the same plant), and the trend of each zone over its snapshots.
//!
//! Two states of the same assessment (same id: a snapshot and now, or two snapshots) pair their zones and
//! products by id, so a renamed zone is still the same zone. Two different assessments pair them by name
//! (trimmed, ignoring case), because their ids were given independently. The same goes for the assets of
//! the inventory ([`compare_inventories`]).

use crate::domain::answers::{Answer, Response};
use crate::domain::assessment::{name_key, ActionStatus, Assessment, SlVector};
use crate::domain::catalogue::{self, Fr, Item, Part, ProgrammeArea};
use crate::domain::report::WHOLE_ORGANISATION;
use crate::domain::scoring::{score, MaturityResult, Scorecard, ZoneResult};
use std::collections::{BTreeMap, BTreeSet};

mod inventory;
pub use inventory::*;

/// Which state a side of a comparison is: its name and the date it stands for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StateLabel {
    /// "Baseline 2026", or the assessment's name for the current state.
    pub name: String,
    /// `YYYY-MM-DD`: when the snapshot was taken, or the assessment last changed.
    pub date: String,
}

impl StateLabel {
    /// The label of an assessment (or of a snapshot made an assessment with
    /// [`crate::domain::Snapshot::as_assessment`]): its name and the date of its last change.
    pub fn of(a: &Assessment) -> StateLabel {
        StateLabel { name: a.name.clone(), date: a.updated.get(..10).unwrap_or(&a.updated).to_string() }
    }
}

/// How the levels of one zone (SL-A against SL-T) or one product (SL-C against the aimed level) moved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LevelChange {
    /// The zone's or product's id in the later state.
    pub id: String,
    /// Its name in the later state.
    pub name: String,
    /// Its name in the earlier state, when it differs.
    pub renamed_from: Option<String>,
    /// Achieved levels before.
    pub before: SlVector,
    /// Achieved levels after.
    pub after: SlVector,
    /// Target levels before.
    pub target_before: SlVector,
    /// Target levels after.
    pub target_after: SlVector,
}

impl LevelChange {
    /// How many levels one FR moved: positive when it rose.
    pub fn change(&self, fr: Fr) -> i8 {
        self.after.get(fr).get() as i8 - self.before.get(fr).get() as i8
    }

    /// FRs whose level rose.
    pub fn risen(&self) -> usize {
        Fr::ALL.into_iter().filter(|fr| self.change(*fr) > 0).count()
    }

    /// FRs whose level fell.
    pub fn fallen(&self) -> usize {
        Fr::ALL.into_iter().filter(|fr| self.change(*fr) < 0).count()
    }

    /// FRs at target, before and after.
    pub fn at_target(&self) -> (usize, usize) {
        let count = |achieved: &SlVector, target: &SlVector| {
            Fr::ALL.into_iter().filter(|fr| achieved.get(*fr) >= target.get(*fr)).count()
        };
        (count(&self.before, &self.target_before), count(&self.after, &self.target_after))
    }
}

/// How one maturity area (or a part's overall level, `area` `None`) moved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MaturityChange {
    /// IEC 62443-2-1, 2-4 or 4-1.
    pub part: Part,
    /// The area; `None` for the part's overall level (the lowest area).
    pub area: Option<&'static ProgrammeArea>,
    /// Level before (`None`: not rated, every practice not applicable or the part not answered).
    pub before: Option<u8>,
    /// Level after.
    pub after: Option<u8>,
}

impl MaturityChange {
    /// The area's title, or "Overall" for the part's overall level.
    pub fn title(&self) -> &'static str {
        self.area.map_or("Overall", |a| a.title)
    }
}

/// One answer that changed, where it is recorded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerChange {
    /// The item's id.
    pub item_id: String,
    /// The item, when the catalogue still has it.
    pub item: Option<&'static Item>,
    /// Where the answer is recorded: "Whole organisation", "All zones", "Zone {name}" or "Product {name}".
    pub place: String,
    /// The answer before (`None`: not answered).
    pub before: Option<Answer>,
    /// The answer after.
    pub after: Option<Answer>,
    /// The notes before.
    pub notes_before: String,
    /// The notes after.
    pub notes_after: String,
}

impl AnswerChange {
    /// The item's references and title ("SR 1.1 Human user identification and authentication"), or its
    /// id when the catalogue no longer has it.
    pub fn requirement(&self) -> String {
        match self.item {
            Some(item) => format!("{} {}", item.refs.join(", "), item.title),
            None => self.item_id.clone(),
        }
    }
}

/// The label of an optional answer: "Not answered" when there is none.
pub fn answer_label(answer: Option<Answer>) -> &'static str {
    answer.map_or("Not answered", Answer::label)
}

/// A roadmap action marked done between the two states.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DoneAction {
    /// The action's key (its item id).
    pub key: String,
    /// References and title, or the key when the catalogue no longer has the item.
    pub title: String,
    /// Who owned it (may be empty).
    pub owner: String,
    /// Its target date (may be empty).
    pub target_date: String,
}

/// Everything that changed between two states.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    /// The earlier state.
    pub before: StateLabel,
    /// The later state.
    pub after: StateLabel,
    /// Zones assessed in both states, in the later state's order.
    pub zones: Vec<LevelChange>,
    /// Products assessed in both states, in the later state's order.
    pub products: Vec<LevelChange>,
    /// Names of zones only the later state has.
    pub added_zones: Vec<String>,
    /// Names of zones only the earlier state has.
    pub removed_zones: Vec<String>,
    /// Names of products only the later state has.
    pub added_products: Vec<String>,
    /// Names of products only the earlier state has.
    pub removed_products: Vec<String>,
    /// Per maturity part answered in either state: its overall level, then each area, in catalogue order.
    pub maturity: Vec<MaturityChange>,
    /// Answers that changed, by place (organisation, all zones, each zone, each product), then catalogue
    /// order.
    pub answers: Vec<AnswerChange>,
    /// Roadmap actions done in the later state and not in the earlier one.
    pub done: Vec<DoneAction>,
    /// Answered and asked questions, before and after.
    pub progress: ((usize, usize), (usize, usize)),
    /// Assets added, removed and changed, by zone.
    pub inventory: InventoryComparison,
}

impl Comparison {
    /// One paragraph for a manager, e.g. "Since Baseline (2026-01-31): 1 zone rose in 3 FRs; none fell.
    /// 12 answers changed; 2 roadmap actions were done. 40 of 120 questions answered then, 90 of 120 now."
    pub fn summary(&self) -> String {
        let mut sentences = vec![format!("Compared with {} ({}).", self.before.name, self.before.date)];
        let mut levels = |results: &[LevelChange], noun: &str, nouns: &str| {
            if results.is_empty() {
                return;
            }
            let rose = results.iter().filter(|z| z.risen() > 0).count();
            let fell = results.iter().filter(|z| z.fallen() > 0).count();
            let frs_up: usize = results.iter().map(LevelChange::risen).sum();
            let frs_down: usize = results.iter().map(LevelChange::fallen).sum();
            let part = |n: usize, frs: usize, verb: &str| match n {
                0 => format!("no {noun} {verb}"),
                1 => format!("1 {noun} {verb} in {}", plural(frs, "FR", "FRs")),
                n => format!("{n} {nouns} {verb} in {}", plural(frs, "FR", "FRs")),
            };
            sentences.push(format!("Levels: {}; {}.", part(rose, frs_up, "rose"), part(fell, frs_down, "fell")));
        };
        levels(&self.zones, "zone", "zones");
        levels(&self.products, "product", "products");
        for (names, what) in [
            (&self.added_zones, "New zones"),
            (&self.removed_zones, "Removed zones"),
            (&self.added_products, "New products"),
            (&self.removed_products, "Removed products"),
        ] {
            if !names.is_empty() {
                sentences.push(format!("{what}: {}.", names.join(", ")));
            }
        }
        sentences.extend(self.inventory.summary());
        sentences.push(format!(
            "{} changed; {} done.",
            plural(self.answers.len(), "answer", "answers"),
            plural(self.done.len(), "roadmap action", "roadmap actions")
        ));
        let ((then_answered, then_asked), (now_answered, now_asked)) = self.progress;
        sentences.push(format!(
            "Questions answered: {then_answered} of {then_asked} then, {now_answered} of {now_asked} now."
        ));
        sentences.join(" ")
    }
}

/// "1 answer", "3 answers".
fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Compares two states; `before` is the earlier one. Both are scored here.
///
/// ```
/// use iec62443_assess::*;
/// let mut a = Assessment::new("a1", "Plant", "2026-01-10T09:00:00Z");
/// a.zones.push(Zone::new("z1", "Cell A"));
/// a.take_snapshot("Baseline", "2026-01-31T12:00:00Z").unwrap();
/// a.set_response(&AnswerScope::AllZones, "sr-1.1", Response::with(Answer::Implemented));
/// let then = a.snapshots[0].as_assessment();
/// let c = compare(&then, &a);
/// assert_eq!(c.answers.len(), 1);
/// assert_eq!(c.answers[0].place, "All zones");
/// assert_eq!((c.answers[0].before, c.answers[0].after), (None, Some(Answer::Implemented)));
/// ```
pub fn compare(before: &Assessment, after: &Assessment) -> Comparison {
    compare_scored(before, &score(before), after, &score(after))
}

/// [`compare`] with both scorecards already computed.
pub fn compare_scored(
    before: &Assessment,
    card_before: &Scorecard,
    after: &Assessment,
    card_after: &Scorecard,
) -> Comparison {
    let by_id = before.id == after.id;
    let (zones, added_zones, removed_zones) = level_changes(&card_before.zones, &card_after.zones, by_id);
    let (products, added_products, removed_products) =
        level_changes(&card_before.products, &card_after.products, by_id);

    let mut maturity = Vec::new();
    for (then, now) in [
        (&card_before.maturity, &card_after.maturity),
        (&card_before.service, &card_after.service),
        (&card_before.development, &card_after.development),
    ] {
        if !before.answers_part(then.part) && !after.answers_part(now.part) {
            continue;
        }
        let overall = |r: &MaturityResult, answered: bool| if answered { r.overall } else { None };
        maturity.push(MaturityChange {
            part: now.part,
            area: None,
            before: overall(then, before.answers_part(then.part)),
            after: overall(now, after.answers_part(now.part)),
        });
        for (area_then, area_now) in then.areas.iter().zip(&now.areas) {
            maturity.push(MaturityChange {
                part: now.part,
                area: Some(area_now.area),
                before: area_then.level.filter(|_| before.answers_part(then.part)),
                after: area_now.level.filter(|_| after.answers_part(now.part)),
            });
        }
    }

    let mut answers = Vec::new();
    changed_answers(&before.answers.assessment, &after.answers.assessment, WHOLE_ORGANISATION, &mut answers);
    changed_answers(&before.answers.all_zones, &after.answers.all_zones, "All zones", &mut answers);
    let zone_list = |a: &Assessment| a.zones.iter().map(|z| (z.id.clone(), z.name.clone())).collect::<Vec<_>>();
    for (then_id, now_id, name) in pairs(&zone_list(before), &zone_list(after), by_id) {
        let empty = BTreeMap::new();
        let then = before.answers.zones.get(&then_id).unwrap_or(&empty);
        let now = after.answers.zones.get(&now_id).unwrap_or(&empty);
        changed_answers(then, now, &format!("Zone {name}"), &mut answers);
    }
    let product_list = |a: &Assessment| a.products.iter().map(|p| (p.id.clone(), p.name.clone())).collect::<Vec<_>>();
    for (then_id, now_id, name) in pairs(&product_list(before), &product_list(after), by_id) {
        let empty = BTreeMap::new();
        let then = before.answers.products.get(&then_id).unwrap_or(&empty);
        let now = after.answers.products.get(&now_id).unwrap_or(&empty);
        changed_answers(then, now, &format!("Product {name}"), &mut answers);
    }

    let done = after
        .plan
        .iter()
        .filter(|(key, plan)| {
            plan.status == ActionStatus::Done
                && before.plan.get(*key).is_none_or(|then| then.status != ActionStatus::Done)
        })
        .map(|(key, plan)| DoneAction {
            key: key.clone(),
            title: catalogue::item(key).map_or_else(|| key.clone(), |i| format!("{} {}", i.refs.join(", "), i.title)),
            owner: plan.owner.clone(),
            target_date: plan.target_date.clone(),
        })
        .collect();

    Comparison {
        before: StateLabel::of(before),
        after: StateLabel::of(after),
        zones,
        products,
        added_zones,
        removed_zones,
        added_products,
        removed_products,
        maturity,
        answers,
        done,
        progress: (card_before.progress, card_after.progress),
        inventory: compare_inventories(before, after, by_id),
    }
}

/// Pairs two lists of (id, name): by id when `by_id`, else by name key. Returns (id before, id after,
/// name after) in the later list's order.
fn pairs(before: &[(String, String)], after: &[(String, String)], by_id: bool) -> Vec<(String, String, String)> {
    after
        .iter()
        .filter_map(|(id, name)| {
            let then = if by_id {
                before.iter().find(|(b, _)| b == id)
            } else {
                before.iter().find(|(_, b)| name_key(b) == name_key(name))
            };
            then.map(|(then_id, _)| (then_id.clone(), id.clone(), name.clone()))
        })
        .collect()
}

/// The level changes of the results in both lists, and the names only in the later or earlier list.
fn level_changes(
    before: &[ZoneResult],
    after: &[ZoneResult],
    by_id: bool,
) -> (Vec<LevelChange>, Vec<String>, Vec<String>) {
    let list = |r: &[ZoneResult]| r.iter().map(|z| (z.zone_id.clone(), z.zone_name.clone())).collect::<Vec<_>>();
    let paired = pairs(&list(before), &list(after), by_id);
    let mut changes = Vec::new();
    for (then_id, now_id, _) in &paired {
        let (Some(then), Some(now)) =
            (before.iter().find(|z| &z.zone_id == then_id), after.iter().find(|z| &z.zone_id == now_id))
        else {
            continue;
        };
        changes.push(LevelChange {
            id: now.zone_id.clone(),
            name: now.zone_name.clone(),
            renamed_from: (then.zone_name != now.zone_name).then(|| then.zone_name.clone()),
            before: then.achieved,
            after: now.achieved,
            target_before: then.target,
            target_after: now.target,
        });
    }
    // The lists are short (at most MAX_ZONES): a search each, rather than sets collected with a sort.
    let added =
        after.iter().filter(|z| !paired.iter().any(|p| p.1 == z.zone_id)).map(|z| z.zone_name.clone()).collect();
    let removed =
        before.iter().filter(|z| !paired.iter().any(|p| p.0 == z.zone_id)).map(|z| z.zone_name.clone()).collect();
    (changes, added, removed)
}

/// Adds the answers of one place whose chosen answer differs, in catalogue order (unknown items last).
fn changed_answers(
    before: &BTreeMap<String, Response>,
    after: &BTreeMap<String, Response>,
    place: &str,
    out: &mut Vec<AnswerChange>,
) {
    // Ordered by inserting into a set keyed by catalogue position: collecting or sorting would bring the
    // standard library's sort into the wasm (about 5 KB), which the app otherwise does without.
    let mut ids = BTreeSet::new();
    for id in before.keys().chain(after.keys()) {
        ids.insert((catalogue::item_index(id).unwrap_or(usize::MAX), id));
    }
    for (_, id) in ids {
        let (then, now) = (before.get(id), after.get(id));
        let answer = |r: Option<&Response>| r.and_then(|r| r.answer);
        if answer(then) == answer(now) {
            continue;
        }
        let notes = |r: Option<&Response>| r.map(|r| r.notes.clone()).unwrap_or_default();
        out.push(AnswerChange {
            item_id: id.clone(),
            item: catalogue::item(id),
            place: place.to_string(),
            before: answer(then),
            after: answer(now),
            notes_before: notes(then),
            notes_after: notes(now),
        });
    }
}

/// The states an assessment went through: each snapshot (oldest first) as an assessment, then the
/// current state, with their labels ("Now" for the current one).
pub fn states(a: &Assessment) -> Vec<(StateLabel, Assessment)> {
    let mut states: Vec<(StateLabel, Assessment)> = a
        .snapshots
        .iter()
        .map(|s| (StateLabel { name: s.name.clone(), date: s.date().to_string() }, s.as_assessment()))
        .collect();
    let mut now = a.clone();
    now.snapshots = Vec::new();
    states.push((StateLabel { name: "Now".to_string(), date: StateLabel::of(a).date }, now));
    states
}

/// One zone's line in the [`Trend`]: FRs at target in each state, `None` where the zone did not exist.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrendLine {
    /// The zone's id (now).
    pub zone_id: String,
    /// The zone's name (now).
    pub name: String,
    /// FRs reaching their target (0 to 7) in each state, in the order of [`Trend::states`].
    pub at_target: Vec<Option<u8>>,
    /// The achieved levels in each state.
    pub achieved: Vec<Option<SlVector>>,
}

/// How each current zone moved over the snapshots: the data of the trend chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trend {
    /// The states, oldest first, the current state last.
    pub states: Vec<StateLabel>,
    /// One line per zone assessed now, in zone order.
    pub lines: Vec<TrendLine>,
}

/// The trend of every zone assessed now over the assessment's snapshots ([`states`]); zones are paired
/// by id.
///
/// ```
/// use iec62443_assess::*;
/// let mut a = Assessment::new("a1", "Plant", "2026-01-10T09:00:00Z");
/// a.zones.push(Zone::new("z1", "Cell A"));
/// a.take_snapshot("Baseline", "2026-01-31T12:00:00Z").unwrap();
/// let t = trend(&a);
/// assert_eq!(t.states.len(), 2);
/// assert_eq!(t.lines[0].at_target, [Some(0), Some(0)]);
/// ```
pub fn trend(a: &Assessment) -> Trend {
    let states = states(a);
    let cards: Vec<Scorecard> = states.iter().map(|(_, s)| score(s)).collect();
    let Some(now) = cards.last() else {
        return Trend { states: Vec::new(), lines: Vec::new() };
    };
    let lines = now
        .zones
        .iter()
        .map(|zone| {
            let in_each: Vec<Option<&ZoneResult>> =
                cards.iter().map(|card| card.zones.iter().find(|z| z.zone_id == zone.zone_id)).collect();
            TrendLine {
                zone_id: zone.zone_id.clone(),
                name: zone.zone_name.clone(),
                at_target: in_each.iter().map(|z| z.map(|z| z.frs_meeting_target() as u8)).collect(),
                achieved: in_each.iter().map(|z| z.map(|z| z.achieved)).collect(),
            }
        })
        .collect();
    Trend { states: states.into_iter().map(|(label, _)| label).collect(), lines }
}

/// The trend chart's size and margins, in SVG units: `<svg viewBox="0 0 560 240">`, the plot between
/// x 48..540 and y 20..200 (7 FRs at the top, 0 at the bottom).
pub const TREND_WIDTH: f64 = 560.0;
/// See [`TREND_WIDTH`].
pub const TREND_HEIGHT: f64 = 240.0;
const PLOT_LEFT: f64 = 48.0;
const PLOT_RIGHT: f64 = 540.0;
const PLOT_TOP: f64 = 20.0;
const PLOT_BOTTOM: f64 = 200.0;

impl Trend {
    /// The x of state `i`: states spread evenly, a single state in the middle.
    pub fn x(&self, i: usize) -> f64 {
        match self.states.len() {
            0 | 1 => (PLOT_LEFT + PLOT_RIGHT) / 2.0,
            n => PLOT_LEFT + (PLOT_RIGHT - PLOT_LEFT) * i as f64 / (n - 1) as f64,
        }
    }

    /// The y of a number of FRs at target (0 to 7).
    pub fn y(at_target: u8) -> f64 {
        PLOT_BOTTOM - (PLOT_BOTTOM - PLOT_TOP) * f64::from(at_target.min(7)) / 7.0
    }

    /// Where a line's points are: one list per run of states in which the zone existed (a zone added
    /// later starts later), each point `(x, y, FRs at target)`.
    ///
    /// ```
    /// use iec62443_assess::*;
    /// let t = Trend {
    ///     states: vec![StateLabel { name: "a".into(), date: "2026-01-01".into() }; 3],
    ///     lines: vec![TrendLine {
    ///         zone_id: "z1".into(),
    ///         name: "Cell A".into(),
    ///         at_target: vec![None, Some(0), Some(7)],
    ///         achieved: vec![None; 3],
    ///     }],
    /// };
    /// assert_eq!(t.runs(&t.lines[0]), [vec![(294.0, 200.0, 0), (540.0, 20.0, 7)]]);
    /// ```
    pub fn runs(&self, line: &TrendLine) -> Vec<Vec<(f64, f64, u8)>> {
        let mut runs: Vec<Vec<(f64, f64, u8)>> = Vec::new();
        let mut open = false;
        for (i, value) in line.at_target.iter().enumerate() {
            match value {
                Some(v) => {
                    let point = (self.x(i), Trend::y(*v), *v);
                    match runs.last_mut() {
                        Some(run) if open => run.push(point),
                        _ => runs.push(vec![point]),
                    }
                    open = true;
                }
                None => open = false,
            }
        }
        runs
    }

    /// The chart's text alternative: per zone, its FRs at target in each state.
    pub fn description(&self) -> String {
        let lines: Vec<String> = self
            .lines
            .iter()
            .map(|line| {
                let values: Vec<String> = self
                    .states
                    .iter()
                    .zip(&line.at_target)
                    .filter_map(|(s, v)| v.map(|v| format!("{} {v}", s.date)))
                    .collect();
                format!("{}: {}", line.name, values.join(", "))
            })
            .collect();
        format!("FRs at target (of 7) per zone over time. {}.", lines.join("; "))
    }
}
