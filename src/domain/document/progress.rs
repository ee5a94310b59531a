//! The report's optional "Progress since DATE" section, and the comparison blocks the Compare view shows:
//! levels then and now, zones added or removed, the inventory's changes, maturity, answers that changed and
//! actions done.

use super::results::column_headings;
use super::{Block, Cell, Document, Inline, List, ListItem, Row, Section, Table};
use crate::domain::catalogue::Fr;
use crate::domain::progress::{
    answer_label, AssetChange, AssetChangeKind, Comparison, InventoryComparison, LevelChange,
};

/// The id of the progress section.
pub const PROGRESS_SECTION: &str = "report-progress";

/// "2 → 3 (+1)", "2 → 1 (−1)" or "2" when unchanged.
///
/// ```
/// use iec62443_assess::document::level_move;
/// assert_eq!(level_move(1, 3), "1 → 3 (+2)");
/// assert_eq!(level_move(2, 1), "2 → 1 (−1)");
/// assert_eq!(level_move(2, 2), "2");
/// ```
pub fn level_move(before: u8, after: u8) -> String {
    match after.cmp(&before) {
        std::cmp::Ordering::Equal => after.to_string(),
        std::cmp::Ordering::Greater => format!("{before} → {after} (+{})", after - before),
        std::cmp::Ordering::Less => format!("{before} → {after} (−{})", before - after),
    }
}

/// A maturity level or "not rated".
fn maturity_text(level: Option<u8>) -> String {
    level.map_or_else(|| "not rated".to_string(), |l| format!("ML{l}"))
}

/// `table.data-table.progress-table`: a row per zone or product, a cell per FR with its level then and now
/// ([`level_move`], class `up` when it rose, `down` when it fell), then the FRs at target then and now.
fn levels_table(changes: &[LevelChange], products: bool) -> Table {
    let mut columns = column_headings(&[if products { "Product" } else { "Zone" }]);
    columns.extend(Fr::ALL.into_iter().map(|fr| Cell {
        content: vec![Inline::Abbr { text: fr.code().to_string(), title: fr.name().to_string() }],
        ..Cell::heading("")
    }));
    columns.push(Cell::heading("FRs at target"));
    let rows = changes
        .iter()
        .map(|z| {
            let name = match &z.renamed_from {
                Some(old) => format!("{} (was {old})", z.name),
                None => z.name.clone(),
            };
            let mut cells = vec![Cell::heading(name)];
            cells.extend(Fr::ALL.into_iter().map(|fr| {
                let change = z.change(fr);
                Cell {
                    class: (change != 0).then_some(if change > 0 { "up" } else { "down" }),
                    ..Cell::data(level_move(z.before.get(fr).get(), z.after.get(fr).get()))
                }
            }));
            let (then, now) = z.at_target();
            cells.push(Cell::data(format!("{then} → {now} of 7")));
            Row { key: Some(z.id.clone()), cells }
        })
        .collect();
    let what = if products { "Capability levels (SL-C) then and now" } else { "Security levels (SL-A) then and now" };
    Table { class: "data-table progress-table", caption: Some(what.to_string()), label: None, columns, rows }
}

/// The comparison as blocks, headings at level 3: the summary ([`Comparison::summary`]), the levels of
/// zones and products, zones and products added or removed, maturity, actions done and answers changed.
/// Used by the report's progress section and the Compare view.
///
/// ```
/// use iec62443_assess::*;
/// use iec62443_assess::document::comparison_blocks;
/// let mut a = Assessment::new("a1", "Plant", "2026-01-10T09:00:00Z");
/// a.zones.push(Zone::new("z1", "Cell A"));
/// a.take_snapshot("Baseline", "2026-01-31T12:00:00Z").unwrap();
/// let blocks = comparison_blocks(&compare(&a.snapshots[0].as_assessment(), &a));
/// assert!(blocks[0].text().starts_with("Compared with Baseline (2026-01-31)."));
/// ```
pub fn comparison_blocks(c: &Comparison) -> Vec<Block> {
    let mut blocks = vec![Block::paragraph_with("overall", c.summary())];
    if !c.zones.is_empty() {
        blocks.push(Block::Table(levels_table(&c.zones, false)));
    }
    if !c.products.is_empty() {
        blocks.push(Block::Table(levels_table(&c.products, true)));
    }
    let names = |title: &str, names: &[String]| {
        (!names.is_empty()).then(|| Block::paragraph(format!("{title}: {}.", names.join(", "))))
    };
    blocks.extend(names("New zones", &c.added_zones));
    blocks.extend(names("Removed zones", &c.removed_zones));
    blocks.extend(names("New products", &c.added_products));
    blocks.extend(names("Removed products", &c.removed_products));
    blocks.extend(inventory_blocks(&c.inventory));

    if !c.maturity.is_empty() {
        blocks.push(Block::heading(3, "Maturity"));
        let rows = c
            .maturity
            .iter()
            .map(|m| Row {
                key: None,
                cells: vec![
                    Cell::data(m.part.document()),
                    Cell::heading(m.title()),
                    Cell::data(maturity_text(m.before)),
                    Cell::data(maturity_text(m.after)),
                ],
            })
            .collect();
        blocks.push(Block::Table(Table {
            class: "data-table progress-maturity",
            caption: None,
            label: Some("Maturity then and now".to_string()),
            columns: column_headings(&["Part", "Area", "Then", "Now"]),
            rows,
        }));
    }

    blocks.push(Block::heading(3, "Roadmap actions done"));
    if c.done.is_empty() {
        blocks.push(Block::paragraph_with("muted", "No roadmap action was marked done in between."));
    } else {
        let items = c
            .done
            .iter()
            .map(|d| {
                let mut line = d.title.clone();
                if !d.owner.is_empty() {
                    line.push_str(&format!(" · Owner: {}", d.owner));
                }
                ListItem::text_item(line)
            })
            .collect();
        blocks.push(Block::List(List {
            ordered: false,
            class: Some("progress-done"),
            label: Some("Roadmap actions done".to_string()),
            items,
        }));
    }

    blocks.push(Block::heading(3, "Answers changed"));
    if c.answers.is_empty() {
        blocks.push(Block::paragraph_with("muted", "No answer changed."));
    } else {
        let rows = c
            .answers
            .iter()
            .map(|change| {
                let mut notes = Vec::new();
                if change.notes_before != change.notes_after && !change.notes_before.is_empty() {
                    notes.push(Block::paragraph(format!("Notes then: {}", change.notes_before)));
                }
                if !change.notes_after.is_empty() {
                    notes.push(Block::paragraph(format!("Notes: {}", change.notes_after)));
                }
                Row {
                    key: None,
                    cells: vec![
                        Cell::data(change.requirement()),
                        Cell::data(change.place.clone()),
                        Cell::data(answer_label(change.before)),
                        Cell::data(answer_label(change.after)),
                        Cell { blocks: notes, ..Cell::default() },
                    ],
                }
            })
            .collect();
        blocks.push(Block::Table(Table {
            class: "data-table progress-answers",
            caption: None,
            label: Some("Answers changed".to_string()),
            columns: column_headings(&["Requirement", "Where", "Then", "Now", "Notes"]),
            rows,
        }));
    }
    blocks
}

/// What an asset change says in the details column: what an added or removed asset is (and how many), or
/// each changed field "Version: 2.1 → 3.0" ("none" for a value not given).
fn asset_details(change: &AssetChange) -> String {
    match change.kind {
        AssetChangeKind::Added | AssetChangeKind::Removed => {
            let count = (change.quantity != 1).then(|| format!("× {}", change.quantity));
            let parts: Vec<&str> = [Some(change.description.as_str()).filter(|d| !d.is_empty()), count.as_deref()]
                .into_iter()
                .flatten()
                .collect();
            parts.join(", ")
        }
        AssetChangeKind::Changed => {
            let shown = |v: &str| if v.is_empty() { "none".to_string() } else { v.to_string() };
            let fields: Vec<String> = change
                .fields
                .iter()
                .map(|f| format!("{}: {} → {}", f.field, shown(&f.before), shown(&f.after)))
                .collect();
            fields.join("; ")
        }
    }
}

/// The inventory's part of the comparison, headed "Inventory" (nothing when neither state lists assets):
/// the counts per zone, then each asset added, removed or changed with its details.
fn inventory_blocks(inventory: &InventoryComparison) -> Vec<Block> {
    let Some(summary) = inventory.summary() else { return Vec::new() };
    let mut blocks = vec![Block::heading(3, "Inventory"), Block::paragraph(summary)];
    if inventory.changes.is_empty() {
        return blocks;
    }
    let rows = inventory
        .by_zone()
        .into_iter()
        .map(|z| Row {
            key: None,
            cells: vec![
                Cell::heading(z.zone),
                Cell::data(z.added.to_string()),
                Cell::data(z.removed.to_string()),
                Cell::data(z.changed.to_string()),
            ],
        })
        .collect();
    blocks.push(Block::Table(Table {
        class: "data-table progress-inventory-zones",
        caption: None,
        label: Some("Inventory changes per zone".to_string()),
        columns: column_headings(&["Zone", "Added", "Removed", "Changed"]),
        rows,
    }));
    let rows = inventory
        .changes
        .iter()
        .map(|change| Row {
            key: None,
            cells: vec![
                Cell::data(change.zone.clone()),
                Cell::heading(change.name.clone()),
                Cell::data(change.kind.label()),
                Cell::data(asset_details(change)),
            ],
        })
        .collect();
    blocks.push(Block::Table(Table {
        class: "data-table progress-inventory",
        caption: None,
        label: Some("Assets added, removed or changed".to_string()),
        columns: column_headings(&["Zone", "Asset", "Change", "Details"]),
        rows,
    }));
    blocks
}

/// The report's section "Progress since {date}" (id [`PROGRESS_SECTION`]): the [`comparison_blocks`]
/// of the earlier state against the report's own.
pub fn progress_section(c: &Comparison) -> Section {
    Section { id: PROGRESS_SECTION, heading: format!("Progress since {}", c.before.date), blocks: comparison_blocks(c) }
}

impl Document {
    /// Adds the progress section ([`progress_section`]) after the executive summary (first when the
    /// document has no sections).
    ///
    /// ```
    /// use iec62443_assess::*;
    /// let mut a = Assessment::new("a1", "Plant", "2026-01-10T09:00:00Z");
    /// a.zones.push(Zone::new("z1", "Cell A"));
    /// a.take_snapshot("Baseline", "2026-01-31T12:00:00Z").unwrap();
    /// let card = score(&a);
    /// let mut report = report_document(&a, &card, &roadmap_with(&a, &card.zones), ReportBranding::default(), ReportLength::Full);
    /// report.add_progress(&compare(&a.snapshots[0].as_assessment(), &a));
    /// assert_eq!(report.sections[1].heading, "Progress since 2026-01-31");
    /// ```
    pub fn add_progress(&mut self, c: &Comparison) {
        let at = usize::from(!self.sections.is_empty());
        self.sections.insert(at, progress_section(c));
    }
}
