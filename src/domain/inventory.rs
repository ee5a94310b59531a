//! The asset inventory: the assets of each zone (name, type, vendor, model, version, quantity, criticality,
//! Purdue level, address, location, notes, the product it is), what a zone's inventory adds up to, and the
//! inventory as CSV ([`csv_file`]: import with column mapping and validation by row and column, and export).
//!
//! Assets are kept in one list on the assessment ([`Assessment::assets`]), each naming its zone, so that an
//! inventory that spans the plant (a discovery tool's export) is one table, and moving an asset to another
//! zone changes one field.

pub mod csv_file;

use crate::domain::assessment::{Assessment, AssetType, Criticality};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// Most assets an assessment may hold (summed over its zones; a row with a quantity counts once).
pub const MAX_ASSETS: usize = 10_000;

/// Largest quantity one asset row may give.
pub const MAX_QUANTITY: u32 = 1_000_000;

/// An asset's type: one of the tool's [`AssetType`]s, or a type the user named (an inventory may bring
/// its own, e.g. "Weighing terminal"). Saved as a string: the type's id (`plc`) or the name as given.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum AssetKind {
    /// A type the tool knows.
    Known(AssetType),
    /// A type named by the user.
    Custom(String),
}

impl AssetKind {
    /// The name shown: the known type's label or the custom name.
    pub fn label(&self) -> &str {
        match self {
            AssetKind::Known(t) => t.label(),
            AssetKind::Custom(name) => name,
        }
    }

    /// The kind a text names: a known type by its id, its label or a usual name for it (case and spaces
    /// ignored; see [`AssetType::from_text`]), else a custom type of that name (trimmed). `None` for blank
    /// text.
    ///
    /// ```
    /// use iec62443_assess::{AssetKind, AssetType};
    /// assert_eq!(AssetKind::from_text(" rtu "), Some(AssetKind::Known(AssetType::Plc)));
    /// assert_eq!(AssetKind::from_text("Weighing terminal"), Some(AssetKind::Custom("Weighing terminal".into())));
    /// assert_eq!(AssetKind::from_text("  "), None);
    /// ```
    pub fn from_text(text: &str) -> Option<AssetKind> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return None;
        }
        Some(AssetType::from_text(trimmed).map_or_else(|| AssetKind::Custom(trimmed.to_string()), AssetKind::Known))
    }
}

impl From<String> for AssetKind {
    fn from(text: String) -> AssetKind {
        match AssetType::ALL.into_iter().find(|t| t.id() == text) {
            Some(t) => AssetKind::Known(t),
            None => AssetKind::Custom(text),
        }
    }
}

impl From<AssetKind> for String {
    fn from(kind: AssetKind) -> String {
        match kind {
            AssetKind::Known(t) => t.id().to_string(),
            AssetKind::Custom(name) => name,
        }
    }
}

impl fmt::Display for AssetKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// A level of the Purdue reference model, where zones and assets sit between the enterprise network and
/// the process, plus the safety systems, which diagrams usually draw apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PurdueLevel {
    /// Level 5: enterprise network.
    Enterprise,
    /// Level 4: business planning and logistics.
    Business,
    /// Level 3.5: the demilitarised zone between IT and OT.
    Dmz,
    /// Level 3: site operations (historians, domain services, patch servers).
    Operations,
    /// Level 2: supervisory control (SCADA, HMI, engineering workstations).
    Supervisory,
    /// Level 1: basic control (PLCs, RTUs, controllers).
    Control,
    /// Level 0: the process (sensors, actuators, drives).
    Field,
    /// Safety instrumented systems.
    Safety,
}

impl PurdueLevel {
    /// All levels, top (enterprise) first.
    pub const ALL: [PurdueLevel; 8] = [
        PurdueLevel::Enterprise,
        PurdueLevel::Business,
        PurdueLevel::Dmz,
        PurdueLevel::Operations,
        PurdueLevel::Supervisory,
        PurdueLevel::Control,
        PurdueLevel::Field,
        PurdueLevel::Safety,
    ];

    /// The short form: "L5" ... "L0", "L3.5", "SIS".
    pub fn code(self) -> &'static str {
        match self {
            PurdueLevel::Enterprise => "L5",
            PurdueLevel::Business => "L4",
            PurdueLevel::Dmz => "L3.5",
            PurdueLevel::Operations => "L3",
            PurdueLevel::Supervisory => "L2",
            PurdueLevel::Control => "L1",
            PurdueLevel::Field => "L0",
            PurdueLevel::Safety => "SIS",
        }
    }

    /// The label shown.
    pub fn label(self) -> &'static str {
        match self {
            PurdueLevel::Enterprise => "Level 5: enterprise",
            PurdueLevel::Business => "Level 4: business",
            PurdueLevel::Dmz => "Level 3.5: DMZ",
            PurdueLevel::Operations => "Level 3: operations",
            PurdueLevel::Supervisory => "Level 2: supervisory control",
            PurdueLevel::Control => "Level 1: basic control",
            PurdueLevel::Field => "Level 0: field",
            PurdueLevel::Safety => "Safety systems (SIS)",
        }
    }

    /// The level a text names: "2", "L2", "Level 2", "3.5", "DMZ", "SIS", "safety", or a name such as
    /// "supervisory" (case and spaces ignored).
    ///
    /// ```
    /// use iec62443_assess::PurdueLevel;
    /// assert_eq!(PurdueLevel::from_text("Level 3.5"), Some(PurdueLevel::Dmz));
    /// assert_eq!(PurdueLevel::from_text("l1"), Some(PurdueLevel::Control));
    /// assert_eq!(PurdueLevel::from_text("7"), None);
    /// ```
    pub fn from_text(text: &str) -> Option<PurdueLevel> {
        let key = normalise(text);
        let key = key.strip_prefix("level").or_else(|| key.strip_prefix('l')).filter(|k| !k.is_empty()).unwrap_or(&key);
        let level = match key {
            "5" | "enterprise" => PurdueLevel::Enterprise,
            "4" | "business" => PurdueLevel::Business,
            "3.5" | "3,5" | "dmz" | "idmz" => PurdueLevel::Dmz,
            "3" | "operations" => PurdueLevel::Operations,
            "2" | "supervisory" | "supervisorycontrol" => PurdueLevel::Supervisory,
            "1" | "control" | "basiccontrol" => PurdueLevel::Control,
            "0" | "field" | "process" => PurdueLevel::Field,
            "sis" | "safety" | "safetysystems" | "safetysystemssis" => PurdueLevel::Safety,
            _ => return None,
        };
        Some(level)
    }
}

/// Lower case without spaces, hyphens, underscores, slashes and colons: what names are compared by when a
/// file spells them its own way.
pub(crate) fn normalise(text: &str) -> String {
    text.trim().to_lowercase().chars().filter(|c| !matches!(c, ' ' | '-' | '_' | '/' | ':' | '(' | ')')).collect()
}

/// One asset (or a group of identical ones, [`Asset::quantity`]) in a zone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Asset {
    /// Stable id within the assessment, e.g. `a12`.
    pub id: String,
    /// The zone it is in (zone id).
    pub zone: String,
    /// Name or tag, e.g. "PLC-Filler-01".
    pub name: String,
    /// Its type, when known.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<AssetKind>,
    /// Maker.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub vendor: String,
    /// Model or product line.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub model: String,
    /// Firmware or software version.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub version: String,
    /// How many identical assets this row stands for (1 or more).
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub quantity: u32,
    /// How much the process depends on it, when assessed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criticality: Option<Criticality>,
    /// Where it sits in the Purdue model, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purdue: Option<PurdueLevel>,
    /// Network address (IP, MAC, bus address), optional.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub address: String,
    /// Where it is (building, cabinet), optional.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub location: String,
    /// Notes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    /// The product of this assessment it is (product id), for a supplier assessing its own components.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product: Option<String>,
}

fn one() -> u32 {
    1
}

fn is_one(n: &u32) -> bool {
    *n == 1
}

impl Asset {
    /// A new asset of quantity 1 with nothing else known.
    pub fn new(id: &str, zone: &str, name: &str) -> Asset {
        Asset {
            id: id.to_string(),
            zone: zone.to_string(),
            name: name.to_string(),
            kind: None,
            vendor: String::new(),
            model: String::new(),
            version: String::new(),
            quantity: 1,
            criticality: None,
            purdue: None,
            address: String::new(),
            location: String::new(),
            notes: String::new(),
            product: None,
        }
    }

    /// What stops the asset from being saved as it is, as a sentence (the checks a file's assets pass on
    /// import, without the zone and product links): a name, a quantity in range, texts not too long.
    ///
    /// ```
    /// use iec62443_assess::Asset;
    /// let mut asset = Asset::new("a1", "z1", " ");
    /// assert_eq!(asset.problem().as_deref(), Some("Give the asset a name or tag."));
    /// asset.name = "PLC-01".into();
    /// asset.quantity = 0;
    /// assert!(asset.problem().is_some());
    /// asset.quantity = 3;
    /// assert_eq!(asset.problem(), None);
    /// ```
    pub fn problem(&self) -> Option<String> {
        use crate::domain::assessment::{MAX_NAME_CHARS, MAX_TEXT_CHARS};
        if self.name.trim().is_empty() {
            return Some("Give the asset a name or tag.".to_string());
        }
        if !(1..=MAX_QUANTITY).contains(&self.quantity) {
            return Some(format!("The quantity must be a whole number from 1 to {MAX_QUANTITY}."));
        }
        let kind = self.kind.as_ref().map_or("", AssetKind::label);
        for (field, text) in [
            ("name", self.name.as_str()),
            ("type", kind),
            ("vendor", &self.vendor),
            ("model", &self.model),
            ("version", &self.version),
            ("address", &self.address),
            ("location", &self.location),
        ] {
            if text.chars().count() > MAX_NAME_CHARS {
                return Some(format!("Keep the {field} under {MAX_NAME_CHARS} characters."));
            }
        }
        if self.notes.chars().count() > MAX_TEXT_CHARS {
            return Some(format!("Keep the notes under {MAX_TEXT_CHARS} characters."));
        }
        None
    }
}

/// What a zone's inventory adds up to: the number of assets of each type (quantities summed), types
/// in the order of [`AssetKind`] (the tool's types first, then named ones alphabetically), assets without
/// a type last.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AssetCounts {
    /// Per type, the number of assets.
    pub by_kind: BTreeMap<AssetKind, u64>,
    /// Assets whose type is not given.
    pub untyped: u64,
    /// Rows in the inventory (before quantities).
    pub rows: usize,
}

impl AssetCounts {
    /// All assets, quantities summed.
    pub fn total(&self) -> u64 {
        self.by_kind.values().sum::<u64>() + self.untyped
    }

    /// "3 assets: 2 PLC / controller, 1 HMI / operator panel", or "No assets listed".
    pub fn summary(&self) -> String {
        if self.rows == 0 {
            return "No assets listed".to_string();
        }
        let mut parts: Vec<String> = self.by_kind.iter().map(|(k, n)| format!("{n} {}", k.label())).collect();
        if self.untyped > 0 {
            parts.push(format!("{} of no given type", self.untyped));
        }
        let total = self.total();
        format!("{total} asset{}: {}", if total == 1 { "" } else { "s" }, parts.join(", "))
    }
}

impl Assessment {
    /// The assets of one zone, in inventory order.
    pub fn zone_assets<'a>(&'a self, zone_id: &'a str) -> impl Iterator<Item = &'a Asset> + 'a {
        self.assets.iter().filter(move |asset| asset.zone == zone_id)
    }

    /// What one zone's inventory adds up to.
    pub fn asset_counts(&self, zone_id: &str) -> AssetCounts {
        let mut counts = AssetCounts::default();
        for asset in self.zone_assets(zone_id) {
            counts.rows += 1;
            match &asset.kind {
                Some(kind) => *counts.by_kind.entry(kind.clone()).or_default() += u64::from(asset.quantity),
                None => counts.untyped += u64::from(asset.quantity),
            }
        }
        counts
    }

    /// The asset types a zone holds: those of its inventory when it has one (the inventory is the better
    /// record), else the typical types ticked for the zone ([`Zone::asset_types`]).
    ///
    /// [`Zone::asset_types`]: crate::domain::Zone::asset_types
    pub fn zone_asset_kinds(&self, zone_id: &str) -> Vec<AssetKind> {
        let counts = self.asset_counts(zone_id);
        if counts.rows > 0 {
            return counts.by_kind.into_keys().collect();
        }
        self.zone(zone_id).map(|z| z.asset_types.iter().map(|t| AssetKind::Known(*t)).collect()).unwrap_or_default()
    }

    /// Each zone with assets, in zone order, with what its inventory adds up to (zones without assets are
    /// left out).
    pub fn inventory_by_zone(&self) -> Vec<(&crate::domain::Zone, AssetCounts)> {
        self.zones.iter().map(|z| (z, self.asset_counts(&z.id))).filter(|(_, counts)| counts.rows > 0).collect()
    }

    /// The inventory in one line, zones in order: "Assets: Control room 250, Packaging cell 246 (496 in
    /// all)", or `None` when no zone has assets.
    ///
    /// ```
    /// use iec62443_assess::*;
    /// let mut a = Assessment::new("a1", "Plant", "2026-11-20T09:00:00Z");
    /// a.zones.push(Zone::new("z1", "Cell A"));
    /// assert_eq!(a.asset_count_line(), None);
    /// let mut plc = Asset::new("", "z1", "PLC-01");
    /// plc.quantity = 3;
    /// a.add_assets([plc]);
    /// assert_eq!(a.asset_count_line().as_deref(), Some("Assets: Cell A 3 (3 in all)"));
    /// ```
    pub fn asset_count_line(&self) -> Option<String> {
        let zones = self.inventory_by_zone();
        if zones.is_empty() {
            return None;
        }
        let total: u64 = zones.iter().map(|(_, c)| c.total()).sum();
        let parts: Vec<String> = zones.iter().map(|(z, c)| format!("{} {}", z.name, c.total())).collect();
        Some(format!("Assets: {} ({total} in all)", parts.join(", ")))
    }

    /// The asset with this id.
    pub fn asset(&self, id: &str) -> Option<&Asset> {
        self.assets.iter().find(|a| a.id == id)
    }

    /// The highest asset number (`a{n}`) in use now or in any snapshot: a new asset counts on from it, so
    /// that an id a snapshot holds never names another asset (the comparison pairs assets by id).
    fn highest_asset_number(&self) -> u32 {
        let number = |a: &Asset| a.id.strip_prefix('a')?.parse::<u32>().ok();
        let now = self.assets.iter().filter_map(number).max().unwrap_or(0);
        let frozen = self.snapshots.iter().flat_map(|s| s.state.assets.iter().filter_map(number)).max().unwrap_or(0);
        now.max(frozen)
    }

    /// An asset id not used yet, now or in a snapshot, e.g. `a13`.
    ///
    /// ```
    /// use iec62443_assess::*;
    /// let mut a = Assessment::new("a1", "Plant", "2026-01-10T09:00:00Z");
    /// a.zones.push(Zone::new("z1", "Cell A"));
    /// a.add_assets([Asset::new("", "z1", "PLC-01"), Asset::new("", "z1", "Old switch")]);
    /// a.take_snapshot("Baseline", "2026-01-31T12:00:00Z").unwrap();
    /// a.assets.pop();
    /// assert_eq!(a.next_asset_id(), "a3", "a2 is the old switch in the snapshot");
    /// ```
    pub fn next_asset_id(&self) -> String {
        format!("a{}", self.highest_asset_number() + 1)
    }

    /// Adds assets, giving each a fresh id (`a{n}`, counting on from the highest in use, now or in a
    /// snapshot). Returns how many were added: none beyond [`MAX_ASSETS`].
    pub fn add_assets(&mut self, assets: impl IntoIterator<Item = Asset>) -> usize {
        let first = self.highest_asset_number() + 1;
        let room = MAX_ASSETS.saturating_sub(self.assets.len());
        let before = self.assets.len();
        for (number, mut asset) in (first..).zip(assets.into_iter().take(room)) {
            asset.id = format!("a{number}");
            self.assets.push(asset);
        }
        self.assets.len() - before
    }

    /// A copy of an asset placed right after it, named "{name} (copy)"; returns the copy's id.
    pub fn duplicate_asset(&mut self, id: &str) -> Option<String> {
        if self.assets.len() >= MAX_ASSETS {
            return None;
        }
        let position = self.assets.iter().position(|a| a.id == id)?;
        let mut copy = self.assets[position].clone();
        copy.id = self.next_asset_id();
        let suffix = " (copy)";
        let room = crate::domain::MAX_NAME_CHARS.saturating_sub(suffix.chars().count());
        copy.name = format!("{}{suffix}", copy.name.chars().take(room).collect::<String>());
        let new_id = copy.id.clone();
        self.assets.insert(position + 1, copy);
        Some(new_id)
    }

    /// Moves assets to another zone (unknown ids are skipped); returns how many moved.
    pub fn move_assets(&mut self, ids: &[String], zone_id: &str) -> usize {
        if self.zone(zone_id).is_none() {
            return 0;
        }
        let ids: BTreeSet<&str> = ids.iter().map(String::as_str).collect();
        let mut moved = 0;
        for asset in self.assets.iter_mut().filter(|a| ids.contains(a.id.as_str()) && a.zone != zone_id) {
            asset.zone = zone_id.to_string();
            moved += 1;
        }
        moved
    }

    /// Removes assets by id; returns how many went.
    pub fn remove_assets(&mut self, ids: &[String]) -> usize {
        let ids: BTreeSet<&str> = ids.iter().map(String::as_str).collect();
        let before = self.assets.len();
        self.assets.retain(|a| !ids.contains(a.id.as_str()));
        before - self.assets.len()
    }
}
