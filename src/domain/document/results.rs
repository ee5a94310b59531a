//! The results as blocks: answer counts, SL-A against SL-T per zone (table, readiness, radar, coverage,
//! blocking items) and the conduits' target levels, SL-C per product with whether its development process
//! backs it, the 3-2 process and the maturity of 2-1, 2-4 and 4-1; and the questionnaire's live summary
//! table.

use super::{
    Bar, Block, Cell, Details, Group, GroupKind, Heading, Inline, Link, List, ListItem, MaturityBars, Paragraph, Radar,
    Row, Table,
};
use crate::domain::{
    conduit_lines, process_readiness, Assessment, Fr, FrResult, MaturityResult, Mode, Part, Scorecard, Standing,
    ZoneResult,
};

/// Where the user adds zones and products (the Scope step's hash route).
const SCOPE_HREF: &str = "#/scope";

/// The notice a quick scan's results open with.
const QUICK_SCAN_NOTICE: &str = "Quick scan: achieved levels are indicative and cannot exceed the highest level the quick scan asks about in each FR.";

/// The body of the Results step, which the report's scorecard repeats (inside a `div.results-body`). The
/// parts shown are those the assessment's roles answer: the answer counts (a `ul.counts`), a notice for a
/// quick scan, then SL-A per zone (with the conduits' target levels, [`conduit_lines`]), SL-C per product
/// (each with whether the development process backs it, [`crate::domain::ProcessReadiness::sentence`]),
/// the 3-2 process and each maturity part.
///
/// ```
/// use iec62443_assess::*;
/// let mut a = Assessment::new("a1", "Plant", "2026-11-20T09:00:00Z");
/// a.zones.push(Zone::new("z1", "Cell A"));
/// let body = results_body(&a, &score(&a));
/// assert!(body.iter().any(|b| b.text().starts_with("Zone: Cell A\n")));
/// ```
pub fn results_body(assessment: &Assessment, card: &Scorecard) -> Vec<Block> {
    let mut blocks = vec![answer_counts(card)];
    if card.mode == Mode::Quick {
        blocks.push(Block::paragraph_with("notice", QUICK_SCAN_NOTICE));
    }
    if assessment.answers_part(Part::SystemRequirements) {
        levels_section(&mut blocks, &card.zones, false, &[]);
        if !assessment.zones.is_empty() {
            blocks.push(Block::ZoneMap(crate::domain::map::zone_map(assessment, card)));
        }
        blocks.extend(conduits(assessment));
    }
    if assessment.answers_part(Part::ComponentRequirements) {
        let readiness: Vec<String> = process_readiness(card).iter().map(|p| p.sentence()).collect();
        levels_section(&mut blocks, &card.products, true, &readiness);
    }
    if assessment.answers_part(Part::RiskAssessment) {
        blocks.push(process_summary(card));
    }
    for maturity in [&card.maturity, &card.service, &card.development] {
        if assessment.answers_part(maturity.part) {
            blocks.push(maturity_summary(maturity));
        }
    }
    blocks
}

/// "82 of 86 questions answered", "4 unanswered"...: each count in bold; the answers Vendor to confirm
/// only when there are some.
fn answer_counts(card: &Scorecard) -> Block {
    let counts = card.answer_counts;
    let (done, total) = card.progress;
    let items = [
        (format!("{done} of {total}"), " questions answered"),
        (counts.unanswered.to_string(), " unanswered"),
        (counts.not_applicable.to_string(), " not applicable"),
        (counts.compensating.to_string(), " compensating controls"),
        (counts.incomplete.to_string(), " lacking a justification"),
    ]
    .into_iter()
    .chain((counts.vendor_to_confirm > 0).then(|| (counts.vendor_to_confirm.to_string(), " for vendors to confirm")))
    .map(|(number, what)| ListItem {
        content: vec![Inline::Strong(number), Inline::Text(what.to_string())],
        ..ListItem::default()
    })
    .collect();
    Block::List(List { ordered: false, class: Some("counts"), label: Some("Answer counts".to_string()), items })
}

/// SL-A per zone (with a readiness line each) or SL-C per product (with `process`, one sentence per product
/// on whether its development process backs its SL-C): a heading, the table, then each one's details; or,
/// with none defined, where to add them.
fn levels_section(blocks: &mut Vec<Block>, results: &[ZoneResult], products: bool, process: &[String]) {
    let (heading, empty, to_see) = if products {
        ("Capability levels by product", "No products yet: add products in ", " to see their capability levels.")
    } else {
        ("Security levels by zone", "No zones yet: add zones in ", " to see security levels.")
    };
    blocks.push(Block::heading(2, heading));
    if results.is_empty() {
        blocks.push(Block::Paragraph(Paragraph {
            class: Some("empty-state"),
            content: vec![
                Inline::Text(empty.to_string()),
                Inline::Link(Link { href: SCOPE_HREF.to_string(), text: "Scope".to_string() }),
                Inline::Text(to_see.to_string()),
            ],
        }));
        return;
    }
    blocks.push(Block::Table(sl_table(results, products)));
    blocks.push(level_legend(!products, products));
    if !products {
        blocks.push(Block::List(List {
            ordered: false,
            class: Some("readiness"),
            label: Some("Readiness per zone".to_string()),
            items: results.iter().map(|zone| ListItem::text_item(zone.readiness())).collect(),
        }));
    }
    for (i, result) in results.iter().enumerate() {
        blocks.push(zone_detail(result, products, process.get(i).map(String::as_str)));
    }
}

/// The accessible name of the legend of the levels ([`level_legend`]).
pub const LEGEND_LABEL: &str = "What the levels mean";

/// What SL-T, SL-A (for `zones`), SL-C and the aimed level (for `products`), a gap and "not yet assessed"
/// mean for the plant, in plain words: `ul.level-legend` named [`LEGEND_LABEL`], a term in bold per item.
/// Shown below the levels tables of the Results step and on the report's executive summary.
///
/// ```
/// use iec62443_assess::document::level_legend;
/// let legend = level_legend(true, false).text();
/// assert!(legend.starts_with("SL-T, the target: "));
/// assert!(legend.contains("Not yet assessed (◌): "));
/// assert!(!legend.contains("SL-C"));
/// ```
pub fn level_legend(zones: bool, products: bool) -> Block {
    let mut entries: Vec<(&str, &str)> = Vec::new();
    if zones {
        entries.extend([
            (
                "SL-T, the target: ",
                "the attacker the zone must withstand, from its risk: 1 casual, 2 simple means, 3 skilled in \
                 control systems, 4 state-backed.",
            ),
            (
                "SL-A, the achieved level: ",
                "what the answers show today; a level counts only when every requirement up to it is met.",
            ),
        ]);
    }
    if products {
        entries.push((
            "SL-C, the capability level: ",
            "what the product itself can do as shipped, against the level its supplier aims for.",
        ));
    }
    entries.extend([
        (
            "Gap (▼): ",
            "levels short of the target, shown by the answers; until closed, weaker attackers than planned for \
             could get in or stop the process.",
        ),
        (
            "Not yet assessed (◌): ",
            "only unanswered questions hold the level down (they count as not met), so it can still rise.",
        ),
    ]);
    let items = entries
        .into_iter()
        .map(|(term, meaning)| ListItem {
            content: vec![Inline::Strong(term.to_string()), Inline::Text(meaning.to_string())],
            ..ListItem::default()
        })
        .collect();
    Block::List(List { ordered: false, class: Some("level-legend"), label: Some(LEGEND_LABEL.to_string()), items })
}

/// The conduits' target levels ([`conduit_lines`]): a heading and a `ul.conduits` list named "Target level
/// per conduit"; nothing when there are no conduits or no zones.
fn conduits(assessment: &Assessment) -> Vec<Block> {
    if assessment.conduits.is_empty() || assessment.zones.is_empty() {
        return Vec::new();
    }
    vec![
        Block::heading(2, "Conduits"),
        Block::List(List {
            ordered: false,
            class: Some("conduits"),
            label: Some("Target level per conduit".to_string()),
            items: conduit_lines(assessment).into_iter().map(ListItem::text_item).collect(),
        }),
    ]
}

/// The table of SL-A against SL-T per zone (or SL-C against the level aimed for, per product):
/// `table.data-table.sl-table`, a row per zone headed by its name, a column per FR (an `abbr` titled with
/// the FR's name). Each cell says where the FR stands ([`Standing`]) in words, not only by colour:
/// - target reached: `SL-A 2 / SL-T 2` and a `met-marker` span ` ✓`, class `met`;
/// - known gap: `SL-A 1 / SL-T 2` and a `gap-marker` span ` ▼ gap 1`, class `gap`;
/// - not yet assessed: `SL-A 0 / SL-T 1` and an `open-marker` span ` ◌ not yet assessed`, class `open`;
///
/// and below target, when in-scope questions are open, two `open-count` lines after line breaks:
/// `13 of 37 questions open` and `SL-A 3 if they are met` ([`crate::domain::FrResult::reachable`]); the
/// second only when meeting them would lift the level (a known gap can hold it where it is).
///
/// ```
/// use iec62443_assess::document::sl_table;
/// use iec62443_assess::*;
/// let mut a = Assessment::new("a1", "Plant", "2026-11-20T09:00:00Z");
/// a.zones.push(Zone::new("z1", "Cell A"));
/// let table = sl_table(&score(&a).zones, false);
/// assert_eq!(table.class, "data-table sl-table");
/// assert_eq!(
///     table.rows[0].cells[1].text(),
///     "SL-A 0 / SL-T 1 ◌ not yet assessed 10 of 10 questions open SL-A 1 if they are met"
/// );
/// assert_eq!(table.rows[0].cells[1].class, Some("open"));
/// ```
pub fn sl_table(zones: &[ZoneResult], products: bool) -> Table {
    levels_table(zones, products, true)
}

/// [`sl_table`] for the report's one-page executive summary, in one line per zone: the first column is
/// headed "Zone (SL-A / SL-T)" ("Product (SL-C / aimed)") and a cell reads `1 / 2` with the same marker
/// spans and classes (` ✓`, ` ▼ gap 1`, ` ◌` for not yet assessed, which the legend below it explains),
/// labelled in words. The readiness lines above it count the open questions, and the scorecard repeats
/// the full table.
///
/// ```
/// use iec62443_assess::document::summary_sl_table;
/// use iec62443_assess::*;
/// let mut a = Assessment::new("a1", "Plant", "2026-11-20T09:00:00Z");
/// a.zones.push(Zone::new("z1", "Cell A"));
/// let table = summary_sl_table(&score(&a).zones, false);
/// assert_eq!(table.columns[0].text(), "Zone (SL-A / SL-T)");
/// let cell = &table.rows[0].cells[1];
/// assert_eq!((cell.text().as_str(), cell.class), ("0 / 1 ◌", Some("open")));
/// assert_eq!(cell.label.as_deref(), Some("Cell A FR1: SL-A 0, SL-T 1, not yet assessed"));
/// ```
pub fn summary_sl_table(zones: &[ZoneResult], products: bool) -> Table {
    levels_table(zones, products, false)
}

/// The levels table: in full (`sl_table`) or in one line per zone (`summary_sl_table`).
fn levels_table(zones: &[ZoneResult], products: bool, full: bool) -> Table {
    let (caption, noun, achieved, target) = if products {
        ("Capability levels by product", "Product", "SL-C", "aimed")
    } else {
        ("Security levels by zone", "Zone", "SL-A", "SL-T")
    };
    let mut columns =
        vec![Cell::heading(if full { noun.to_string() } else { format!("{noun} ({achieved} / {target})") })];
    columns.extend(Fr::ALL.into_iter().map(|fr| Cell {
        header: true,
        content: vec![Inline::Abbr { text: fr.code().to_string(), title: fr.name().to_string() }],
        ..Cell::default()
    }));
    let rows = zones
        .iter()
        .map(|zone| {
            let mut cells = vec![Cell::heading(&zone.zone_name)];
            cells.extend(zone.frs.iter().map(|f| {
                let (class, marker, words) = match f.standing() {
                    Standing::Reached => ("met", " ✓".to_string(), "target reached"),
                    Standing::KnownGap => ("gap", format!(" ▼ gap {}", f.gap()), "known gap"),
                    Standing::NotYetAssessed => ("open", " ◌ not yet assessed".to_string(), "not yet assessed"),
                };
                let marker_class = match class {
                    "met" => "met-marker",
                    "gap" => "gap-marker",
                    _ => "open-marker",
                };
                if !full {
                    let marker = if class == "open" { " ◌".to_string() } else { marker };
                    return Cell {
                        class: Some(class),
                        label: Some(format!(
                            "{} {}: {achieved} {}, {target} {}, {words}",
                            zone.zone_name,
                            f.fr.code(),
                            f.achieved,
                            f.target
                        )),
                        content: vec![
                            Inline::Text(format!("{} / {}", f.achieved, f.target)),
                            Inline::Span { class: marker_class, text: marker },
                        ],
                        ..Cell::default()
                    };
                }
                let mut content = vec![
                    Inline::Text(format!("{achieved} {} / {target} {}", f.achieved, f.target)),
                    Inline::Span { class: marker_class, text: marker },
                ];
                if let Some((open, reachable)) = open_lines(f, achieved) {
                    // On a known gap the open questions may not lift the level at all: then "SL-A 0 if
                    // they are met" would only repeat the level beside it.
                    let lifts = f.reachable > f.achieved;
                    for line in std::iter::once(open).chain(lifts.then_some(reachable)) {
                        content.extend([Inline::LineBreak, Inline::Span { class: "open-count", text: line }]);
                    }
                }
                Cell { class: Some(class), content, ..Cell::default() }
            }));
            Row { key: Some(zone.zone_id.clone()), cells }
        })
        .collect();
    Table { class: "data-table sl-table", caption: Some(caption.to_string()), label: None, columns, rows }
}

/// What is still open in an FR below its target: "13 of 37 questions open" and "SL-A 3 if they are met";
/// `None` when the target is reached or no in-scope question is open.
fn open_lines(f: &FrResult, achieved: &str) -> Option<(String, String)> {
    let (open, in_scope) = f.open();
    (f.gap() > 0 && open > 0).then(|| {
        let noun = if in_scope == 1 { "question" } else { "questions" };
        let pronoun = if open == 1 { "it is" } else { "they are" };
        (format!("{open} of {in_scope} {noun} open"), format!("{achieved} {} if {pronoun} met", f.reachable))
    })
}

/// One zone's or product's card: its radar beside its coverage table, for a product whether its development
/// process backs its SL-C (a `process-readiness` paragraph), what blocks its next level, and the
/// compensating controls its results rest on.
fn zone_detail(zone: &ZoneResult, product: bool, process: Option<&str>) -> Block {
    let noun = if product { "Product" } else { "Zone" };
    let level = if product { "SL-C" } else { "SL" };
    let name = &zone.zone_name;
    let radar = Radar::new(&zone.zone_id, name, zone.achieved, zone.target, product);
    let mut blocks = vec![
        Block::heading(3, format!("{noun}: {name}")),
        Block::Group(Group {
            kind: GroupKind::Div,
            class: "zone-detail-grid",
            label: None,
            labelled_by: None,
            blocks: vec![Block::Radar(radar), Block::Table(coverage_table(zone))],
        }),
    ];
    blocks.extend(process.map(|sentence| Block::paragraph_with("process-readiness", sentence)));
    let achieved = if product { "SL-C" } else { "SL-A" };
    let not_assessed: Vec<String> = zone
        .frs
        .iter()
        .filter(|f| f.standing() == Standing::NotYetAssessed)
        .filter_map(|f| {
            open_lines(f, achieved).map(|(open, reachable)| format!("{} ({open}; {reachable})", f.fr.code()))
        })
        .collect();
    if !not_assessed.is_empty() {
        blocks.push(Block::paragraph_with(
            "not-assessed",
            format!("Not yet assessed, only unanswered questions hold these down: {}.", not_assessed.join(", ")),
        ));
    }
    blocks.push(Block::heading(4, "What blocks the next level"));
    let blocking: Vec<ListItem> = zone
        .frs
        .iter()
        .filter(|f| !f.blocking.is_empty() && f.gap() > 0)
        .map(|f| {
            let items: Vec<String> =
                f.blocking.iter().map(|item| format!("{} {}", item.main_ref(), item.title)).collect();
            ListItem {
                content: vec![
                    Inline::Strong(format!("{} to reach {level} {}: ", f.fr.code(), f.achieved.get() + 1)),
                    Inline::Text(items.join("; ")),
                ],
                ..ListItem::default()
            }
        })
        .collect();
    if blocking.is_empty() {
        blocks.push(Block::paragraph_with(
            "muted",
            "Nothing: every FR has reached its target, or no further level is in reach.",
        ));
    } else {
        blocks.push(Block::List(List { ordered: false, class: Some("blocking"), label: None, items: blocking }));
    }
    let compensating: Vec<&str> = zone.frs.iter().flat_map(|f| &f.compensating).map(|item| item.main_ref()).collect();
    if !compensating.is_empty() {
        blocks.push(Block::paragraph_with(
            "notice",
            format!("These results rest on compensating controls: {}.", compensating.join(", ")),
        ));
    }
    Block::Group(Group {
        kind: GroupKind::Section,
        class: "zone-detail card",
        label: Some(format!("{noun} {name}")),
        labelled_by: None,
        blocks,
    })
}

/// Met, not met, not applicable and unanswered requirements per FR.
fn coverage_table(zone: &ZoneResult) -> Table {
    let rows = zone
        .frs
        .iter()
        .map(|f| {
            let c = f.coverage;
            let pct = c.percent().map(|p| format!(" ({p}%)")).unwrap_or_default();
            let mut cells =
                vec![Cell::heading(f.fr.code()), Cell::data(format!("{} of {}{}", c.met, c.applicable(), pct))];
            cells.extend([c.not_met, c.not_applicable, c.unanswered].map(|n| Cell::data(n.to_string())));
            Row { key: None, cells }
        })
        .collect();
    Table {
        class: "data-table coverage-table",
        caption: Some(format!("Coverage of in-scope requirements, {}", zone.zone_name)),
        label: None,
        columns: column_headings(&["FR", "Met", "Not met", "N/A", "Unanswered"]),
        rows,
    }
}

/// Plain column headings.
pub(super) fn column_headings(names: &[&str]) -> Vec<Cell> {
    names.iter().map(|name| Cell::heading(*name)).collect()
}

/// The 3-2 process: how many steps are in place, and the open ones behind a disclosure.
fn process_summary(card: &Scorecard) -> Block {
    let p = &card.process;
    let c = p.coverage;
    let pct = c.percent().map(|x| format!("{x}%")).unwrap_or_else(|| "n/a".into());
    let mut blocks = vec![
        Block::Heading(Heading {
            level: 2,
            text: "Risk assessment, zones and conduits (IEC 62443-3-2)".to_string(),
            id: Some("process-title".to_string()),
        }),
        Block::paragraph(format!(
            "{} of {} applicable steps in place ({pct}); {} not applicable, {} unanswered.",
            c.met,
            c.applicable(),
            c.not_applicable,
            c.unanswered
        )),
    ];
    if !p.open.is_empty() {
        let items = p.open.iter().map(|item| ListItem::text_item(format!("{} {}", item.main_ref(), item.title)));
        blocks.push(Block::Details(Details {
            summary: format!("{} open step(s)", p.open.len()),
            blocks: vec![Block::List(List { ordered: false, class: None, label: None, items: items.collect() })],
        }));
    }
    Block::Group(Group {
        kind: GroupKind::Section,
        class: "card",
        label: None,
        labelled_by: Some("process-title".to_string()),
        blocks,
    })
}

/// One maturity part (2-1, 2-4 or 4-1): the overall level with what it is (a `hint`:
/// [`MaturityResult::overall_caption`], the tool's own summary), bars per area and the table of answers per
/// level.
fn maturity_summary(m: &MaturityResult) -> Block {
    let overall = m.overall.map(|l| format!("ML{l}")).unwrap_or_else(|| "not rated".into());
    let noun = m.part.area_noun();
    let heading_id = format!("maturity-{}", m.part.document().replace(' ', "-").to_ascii_lowercase());
    let per_area = format!("Maturity per {noun}");
    let bars = MaturityBars {
        label: per_area.clone(),
        bars: m.areas.iter().map(|a| Bar { label: a.area.title.to_string(), level: a.level }).collect(),
        target: m.target,
        max: 4,
    };
    let rows = m
        .areas
        .iter()
        .map(|a| {
            let d = a.distribution;
            let mut cells = vec![
                Cell::heading(format!("{} {}", a.area.refs.join(", "), a.area.title)),
                Cell::data(a.level.map(|l| format!("ML{l}")).unwrap_or_else(|| "N/A".into())),
            ];
            cells.extend(
                d.levels
                    .iter()
                    .chain([&d.not_applicable, &d.dont_know, &d.unanswered])
                    .map(|n| Cell::data(n.to_string())),
            );
            Row { key: None, cells }
        })
        .collect();
    let table = Table {
        class: "data-table",
        caption: Some(per_area),
        label: None,
        columns: column_headings(&[
            noun,
            "Level",
            "Not performed",
            "ML1",
            "ML2",
            "ML3",
            "ML4",
            "N/A",
            "Don't know",
            "Unanswered",
        ]),
        rows,
    };
    Block::Group(Group {
        kind: GroupKind::Section,
        class: "card",
        label: None,
        labelled_by: Some(heading_id.clone()),
        blocks: vec![
            Block::Heading(Heading {
                level: 2,
                text: format!("{} maturity ({})", m.part.title(), m.part.document()),
                id: Some(heading_id),
            }),
            Block::paragraph(format!(
                "Overall maturity: {overall}, against a target of ML{}. A {noun} reaches a level only when all its practices do.",
                m.target
            )),
            Block::paragraph_with("hint", m.overall_caption()),
            Block::MaturityBars(bars),
            Block::Table(table),
        ],
    })
}

/// The questionnaire's live summary: `table.mini-table` named "Achieved security level per zone", a
/// column per FR (titled with its name), a row per zone then per product (keyed by its id, the
/// `data-zone` attribute). A cell reads `achieved/target` (`0/1`); a known gap adds ` ▾` and the class
/// `gap`, a level not yet assessed ` ?` and the class `open`; each cell is labelled in words, with the open
/// questions when there are some.
///
/// ```
/// use iec62443_assess::*;
/// let mut a = Assessment::new("a1", "Plant", "2026-11-20T09:00:00Z");
/// a.zones.push(Zone::new("z1", "Cell A"));
/// let table = live_summary_table(&score(&a));
/// let cell = &table.rows[0].cells[1];
/// assert_eq!((cell.text().as_str(), cell.class), ("0/1 ?", Some("open")));
/// assert_eq!(
///     cell.label.as_deref(),
///     Some("Cell A FR1: achieved 0, target 1; not yet assessed: 10 of 10 questions open")
/// );
/// ```
pub fn live_summary_table(card: &Scorecard) -> Table {
    let mut columns = vec![Cell::heading("Zone")];
    columns
        .extend(Fr::ALL.into_iter().map(|fr| Cell { title: Some(fr.name().to_string()), ..Cell::heading(fr.code()) }));
    let rows = card
        .zones
        .iter()
        .chain(card.products.iter())
        .map(|z| {
            let mut cells = vec![Cell::heading(&z.zone_name)];
            cells.extend(z.frs.iter().map(|f| {
                let (class, marker, standing) = match f.standing() {
                    Standing::Reached => (None, "", ""),
                    Standing::KnownGap => (Some("gap"), " ▾", "; known gap"),
                    Standing::NotYetAssessed => (Some("open"), " ?", "; not yet assessed"),
                };
                let (open, in_scope) = f.open();
                let open = if f.gap() > 0 && open > 0 {
                    let sep = if standing.ends_with("assessed") { ":" } else { "," };
                    format!("{sep} {open} of {in_scope} questions open")
                } else {
                    String::new()
                };
                Cell {
                    class,
                    label: Some(format!(
                        "{} {}: achieved {}, target {}{standing}{open}",
                        z.zone_name,
                        f.fr.code(),
                        f.achieved,
                        f.target
                    )),
                    ..Cell::data(format!("{}/{}{marker}", f.achieved, f.target))
                }
            }));
            Row { key: Some(z.zone_id.clone()), cells }
        })
        .collect();
    Table {
        class: "mini-table",
        caption: None,
        label: Some("Achieved security level per zone".to_string()),
        columns,
        rows,
    }
}
