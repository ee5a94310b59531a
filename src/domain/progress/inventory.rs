//! What changed in the asset inventory between two states: assets added, removed and changed, by zone.
//!
//! Two states of the same assessment pair their assets by id, so a renamed or moved asset is the same
//! asset. Two different assessments pair them by name (trimmed, ignoring case), because their ids were
//! given independently; an asset found in another zone counts as moved (a changed field), not as removed
//! and added.

use crate::domain::assessment::{name_key, Assessment};
use crate::domain::inventory::{Asset, AssetKind};

/// What happened to one asset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AssetChangeKind {
    /// Only the later state lists it.
    Added,
    /// Only the earlier state lists it.
    Removed,
    /// Both list it, with some fields different.
    Changed,
}

impl AssetChangeKind {
    /// "Added", "Removed" or "Changed".
    pub fn label(self) -> &'static str {
        match self {
            AssetChangeKind::Added => "Added",
            AssetChangeKind::Removed => "Removed",
            AssetChangeKind::Changed => "Changed",
        }
    }
}

/// One field of an asset that differs, as shown: "Version: 2.1 → 3.0".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldChange {
    /// The field's label, e.g. "Version".
    pub field: &'static str,
    /// Its value before ("" when not given).
    pub before: String,
    /// Its value after.
    pub after: String,
}

/// One asset added, removed or changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssetChange {
    /// Added, removed or changed.
    pub kind: AssetChangeKind,
    /// The zone's name: where the asset is now, or where it was for a removed asset.
    pub zone: String,
    /// The asset's name: now, or as it was for a removed asset.
    pub name: String,
    /// How many identical assets the row stands for (now, or as it was).
    pub quantity: u32,
    /// For an added or removed asset: what it is (type, vendor, model, version), when given.
    pub description: String,
    /// For a changed asset: the fields that differ, in the inventory's column order.
    pub fields: Vec<FieldChange>,
}

/// The inventory changes of one zone: how many assets (rows) were added, removed and changed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ZoneInventoryChange {
    /// The zone's name.
    pub zone: String,
    /// Assets added.
    pub added: usize,
    /// Assets removed.
    pub removed: usize,
    /// Assets changed.
    pub changed: usize,
}

/// Everything that changed in the inventory.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InventoryComparison {
    /// Assets (rows) listed before and after.
    pub listed: (usize, usize),
    /// The changes grouped by zone (zones of the later state in their order, then zones only the earlier
    /// state has); within a zone, added and changed assets in the later state's order, then removed ones.
    pub changes: Vec<AssetChange>,
}

impl InventoryComparison {
    /// Assets (rows) of one kind of change.
    pub fn count(&self, kind: AssetChangeKind) -> usize {
        self.changes.iter().filter(|c| c.kind == kind).count()
    }

    /// Whether either state lists any asset (with none in both, the comparison leaves the inventory out).
    pub fn any_listed(&self) -> bool {
        self.listed != (0, 0)
    }

    /// The counts per zone, in the order of [`InventoryComparison::changes`].
    pub fn by_zone(&self) -> Vec<ZoneInventoryChange> {
        let mut zones: Vec<ZoneInventoryChange> = Vec::new();
        for change in &self.changes {
            let at = match zones.iter().position(|z| z.zone == change.zone) {
                Some(at) => at,
                None => {
                    zones.push(ZoneInventoryChange { zone: change.zone.clone(), added: 0, removed: 0, changed: 0 });
                    zones.len() - 1
                }
            };
            let zone = &mut zones[at];
            match change.kind {
                AssetChangeKind::Added => zone.added += 1,
                AssetChangeKind::Removed => zone.removed += 1,
                AssetChangeKind::Changed => zone.changed += 1,
            }
        }
        zones
    }

    /// "Inventory: 2 assets added, 1 removed, 1 changed (12 listed then, 13 now).", or `None` when
    /// neither state lists assets.
    pub fn summary(&self) -> Option<String> {
        if !self.any_listed() {
            return None;
        }
        let added = self.count(AssetChangeKind::Added);
        Some(format!(
            "Inventory: {added} {} added, {} removed, {} changed ({} listed then, {} now).",
            if added == 1 { "asset" } else { "assets" },
            self.count(AssetChangeKind::Removed),
            self.count(AssetChangeKind::Changed),
            self.listed.0,
            self.listed.1
        ))
    }
}

/// The name of the zone `id` in `a`, or the id when `a` has no such zone.
fn zone_name(a: &Assessment, id: &str) -> String {
    a.zones.iter().find(|z| z.id == id).map_or_else(|| id.to_string(), |z| z.name.clone())
}

/// The name of the product `id` in `a` ("" for none).
fn product_name(a: &Assessment, id: Option<&String>) -> String {
    id.map(|id| a.products.iter().find(|p| &p.id == id).map_or_else(|| id.clone(), |p| p.name.clone()))
        .unwrap_or_default()
}

/// The fields compared, as shown, in the inventory's column order (the zone and product by name).
fn fields(a: &Assessment, asset: &Asset) -> [(&'static str, String); 13] {
    [
        ("Name", asset.name.clone()),
        ("Zone", zone_name(a, &asset.zone)),
        ("Type", asset.kind.as_ref().map_or("", AssetKind::label).to_string()),
        ("Vendor", asset.vendor.clone()),
        ("Model", asset.model.clone()),
        ("Version", asset.version.clone()),
        ("Quantity", asset.quantity.to_string()),
        ("Criticality", asset.criticality.map_or("", |c| c.label()).to_string()),
        ("Purdue level", asset.purdue.map_or("", |p| p.code()).to_string()),
        ("Address", asset.address.clone()),
        ("Location", asset.location.clone()),
        ("Notes", asset.notes.clone()),
        ("Product", product_name(a, asset.product.as_ref())),
    ]
}

/// "PLC / controller, Siemens S7-1500, version 2.9": what an added or removed asset is.
fn description(asset: &Asset) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(kind) = &asset.kind {
        parts.push(kind.label().to_string());
    }
    let make: Vec<&str> = [asset.vendor.trim(), asset.model.trim()].into_iter().filter(|s| !s.is_empty()).collect();
    if !make.is_empty() {
        parts.push(make.join(" "));
    }
    if !asset.version.trim().is_empty() {
        parts.push(format!("version {}", asset.version.trim()));
    }
    parts.join(", ")
}

/// Compares the inventories of two states; `by_id` pairs assets by id (two states of one assessment),
/// else by name.
///
/// ```
/// use iec62443_assess::*;
/// let mut a = Assessment::new("a1", "Plant", "2026-01-10T09:00:00Z");
/// a.zones.push(Zone::new("z1", "Cell A"));
/// a.assets.push(Asset::new("a1", "z1", "PLC-01"));
/// let mut later = a.clone();
/// later.assets[0].version = "3.0".into();
/// later.assets.push(Asset::new("a2", "z1", "HMI-01"));
/// let c = compare_inventories(&a, &later, true);
/// assert_eq!(c.summary().unwrap(), "Inventory: 1 asset added, 0 removed, 1 changed (1 listed then, 2 now).");
/// assert_eq!(c.changes[0].fields[0].field, "Version");
/// ```
pub fn compare_inventories(before: &Assessment, after: &Assessment, by_id: bool) -> InventoryComparison {
    let same = |a: &Asset, b: &Asset| if by_id { a.id == b.id } else { name_key(&a.name) == name_key(&b.name) };
    let mut changes: Vec<AssetChange> = Vec::new();
    for now in &after.assets {
        let zone = zone_name(after, &now.zone);
        match before.assets.iter().find(|then| same(then, now)) {
            None => changes.push(AssetChange {
                kind: AssetChangeKind::Added,
                zone,
                name: now.name.clone(),
                quantity: now.quantity,
                description: description(now),
                fields: Vec::new(),
            }),
            Some(then) => {
                let differ: Vec<FieldChange> = fields(before, then)
                    .into_iter()
                    .zip(fields(after, now))
                    .filter(|((_, old), (_, new))| old != new)
                    .map(|((field, old), (_, new))| FieldChange { field, before: old, after: new })
                    .collect();
                if !differ.is_empty() {
                    changes.push(AssetChange {
                        kind: AssetChangeKind::Changed,
                        zone,
                        name: now.name.clone(),
                        quantity: now.quantity,
                        description: String::new(),
                        fields: differ,
                    });
                }
            }
        }
    }
    for then in &before.assets {
        if !after.assets.iter().any(|now| same(then, now)) {
            changes.push(AssetChange {
                kind: AssetChangeKind::Removed,
                zone: zone_name(before, &then.zone),
                name: then.name.clone(),
                quantity: then.quantity,
                description: description(then),
                fields: Vec::new(),
            });
        }
    }
    // Grouped by zone: the later state's zones in order, then zones only the earlier state named (or ids no
    // zone has). A stable pass per zone, rather than a sort, which would bring the standard library's sort
    // into the wasm.
    let mut order: Vec<String> = after.zones.iter().map(|z| z.name.clone()).collect();
    for change in &changes {
        if !order.contains(&change.zone) {
            order.push(change.zone.clone());
        }
    }
    let grouped = order.iter().flat_map(|zone| changes.iter().filter(move |c| &c.zone == zone)).cloned().collect();
    InventoryComparison { listed: (before.assets.len(), after.assets.len()), changes: grouped }
}
