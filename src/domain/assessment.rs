//! An assessment: profile, scope (zones, conduits, target levels), answers and the roadmap plan.

use crate::domain::answers::{Response, Status};
use crate::domain::catalogue::{self, ComponentType, Fr, Item, Part, Phase, SecurityLevel, CATALOGUE_VERSION, ITEMS};
use crate::domain::inventory::{Asset, PurdueLevel};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Longest name (zone, conduit, assessment) the app accepts, in characters.
pub const MAX_NAME_CHARS: usize = 120;
/// Longest free text (descriptions, notes, justifications) the app accepts, in characters.
pub const MAX_TEXT_CHARS: usize = 10_000;
/// Most zones an assessment may hold.
pub const MAX_ZONES: usize = 100;
/// Most conduits an assessment may hold.
pub const MAX_CONDUITS: usize = 400;

/// A 7-FR vector of security levels, FR1..FR7. Saved as an array of seven levels, FR1 first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SlVector(pub [SecurityLevel; 7]);

impl SlVector {
    /// The same level for every FR.
    pub fn uniform(level: SecurityLevel) -> SlVector {
        SlVector([level; 7])
    }

    /// The level of one FR.
    pub fn get(&self, fr: Fr) -> SecurityLevel {
        self.0[fr.index()]
    }

    /// Sets the level of one FR.
    pub fn set(&mut self, fr: Fr, level: SecurityLevel) {
        self.0[fr.index()] = level;
    }

    /// Whether all seven levels are equal.
    pub fn is_uniform(&self) -> bool {
        self.0.iter().all(|l| *l == self.0[0])
    }

    /// The usual notation, e.g. `{2 2 0 1 3 1 3}`.
    pub fn notation(&self) -> String {
        let levels: Vec<String> = self.0.iter().map(|l| l.to_string()).collect();
        format!("{{{}}}", levels.join(" "))
    }
}

/// The roles an organisation can take in IEC 62443. Saved in snake_case (`asset_owner`), as are the
/// other enums of the saved format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Operates the plant (IEC 62443-2-1, 3-2, 3-3).
    AssetOwner,
    /// Designs, integrates or maintains the system (IEC 62443-2-4, 3-3).
    SystemIntegrator,
    /// Makes components (IEC 62443-4-1, 4-2).
    ProductSupplier,
}

impl Role {
    /// All roles.
    pub const ALL: [Role; 3] = [Role::AssetOwner, Role::SystemIntegrator, Role::ProductSupplier];

    /// The label shown.
    pub fn label(self) -> &'static str {
        match self {
            Role::AssetOwner => "Asset owner",
            Role::SystemIntegrator => "System integrator",
            Role::ProductSupplier => "Product supplier",
        }
    }

    /// Whether the catalogue has content for this role yet.
    pub fn has_content(self) -> bool {
        true
    }

    /// The parts this role answers.
    pub fn answers_part(self, part: Part) -> bool {
        match self {
            Role::AssetOwner => matches!(part, Part::RiskAssessment | Part::SystemRequirements | Part::Programme),
            Role::SystemIntegrator => {
                matches!(part, Part::RiskAssessment | Part::SystemRequirements | Part::ServiceProvider)
            }
            Role::ProductSupplier => matches!(part, Part::DevelopmentLifecycle | Part::ComponentRequirements),
        }
    }

    /// The parts of the standard this role is assessed against.
    pub fn parts(self) -> &'static str {
        match self {
            Role::AssetOwner => "IEC 62443-2-1, 3-2 and 3-3",
            Role::SystemIntegrator => "IEC 62443-2-4, and optionally 3-2 and 3-3 for a system you deliver",
            Role::ProductSupplier => "IEC 62443-4-1 and 4-2",
        }
    }
}

/// Quick scan or full assessment.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// The curated subset: a first picture in about fifteen minutes.
    Quick,
    /// Every item.
    #[default]
    Full,
}

/// Who the assessment is for. A field missing from a file takes its value in [`Profile::default`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Profile {
    /// Organisation name (optional).
    pub organisation: String,
    /// Sector, e.g. "Water and wastewater".
    pub sector: String,
    /// The organisation's roles.
    pub roles: BTreeSet<Role>,
    /// Quick scan or full assessment.
    pub mode: Mode,
    /// The maturity level the programme aims for (1..4); practices below it become roadmap actions.
    pub target_maturity: u8,
}

impl Default for Profile {
    fn default() -> Profile {
        Profile {
            organisation: String::new(),
            sector: String::new(),
            roles: BTreeSet::from([Role::AssetOwner]),
            mode: Mode::Full,
            target_maturity: 2,
        }
    }
}

/// Sectors offered in the profile (free text is accepted too).
pub const SECTORS: [&str; 12] = [
    "Chemicals and pharmaceuticals",
    "Discrete manufacturing",
    "Energy: generation",
    "Energy: transmission and distribution",
    "Food and beverage",
    "Oil and gas",
    "Water and wastewater",
    "Transport and logistics",
    "Building automation",
    "Mining and metals",
    "Pulp, paper and materials",
    "Other",
];

/// Typical assets found in a zone; an asset of the inventory has one of these or a type the user names
/// ([`AssetKind`](crate::domain::AssetKind)).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssetType {
    /// Programmable logic controllers, RTUs, controllers.
    Plc,
    /// Operator panels and HMIs.
    Hmi,
    /// SCADA or DCS servers.
    ScadaServer,
    /// Historians.
    Historian,
    /// Engineering workstations.
    EngineeringWorkstation,
    /// Safety instrumented systems.
    SafetySystem,
    /// Switches, routers, firewalls.
    NetworkEquipment,
    /// Remote access gateways, jump hosts.
    RemoteAccess,
    /// Sensors, actuators, drives, analysers, IEDs.
    FieldDevice,
    /// Other servers and PCs (domain controllers, patch or antivirus servers, office PCs).
    Server,
}

impl AssetType {
    /// All asset types.
    pub const ALL: [AssetType; 10] = [
        AssetType::Plc,
        AssetType::Hmi,
        AssetType::ScadaServer,
        AssetType::Historian,
        AssetType::EngineeringWorkstation,
        AssetType::SafetySystem,
        AssetType::NetworkEquipment,
        AssetType::RemoteAccess,
        AssetType::FieldDevice,
        AssetType::Server,
    ];

    /// The label shown.
    pub fn label(self) -> &'static str {
        match self {
            AssetType::Plc => "PLC / controller",
            AssetType::Hmi => "HMI / operator panel",
            AssetType::ScadaServer => "SCADA / DCS server",
            AssetType::Historian => "Historian",
            AssetType::EngineeringWorkstation => "Engineering workstation",
            AssetType::SafetySystem => "Safety system",
            AssetType::NetworkEquipment => "Network equipment",
            AssetType::RemoteAccess => "Remote access",
            AssetType::FieldDevice => "Field device",
            AssetType::Server => "Other server / PC",
        }
    }

    /// The id in saved files (`plc`, `scada_server`...).
    pub fn id(self) -> &'static str {
        match self {
            AssetType::Plc => "plc",
            AssetType::Hmi => "hmi",
            AssetType::ScadaServer => "scada_server",
            AssetType::Historian => "historian",
            AssetType::EngineeringWorkstation => "engineering_workstation",
            AssetType::SafetySystem => "safety_system",
            AssetType::NetworkEquipment => "network_equipment",
            AssetType::RemoteAccess => "remote_access",
            AssetType::FieldDevice => "field_device",
            AssetType::Server => "server",
        }
    }

    /// Usual names for the type in inventories and discovery tools, compared without case, spaces or
    /// punctuation.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            AssetType::Plc => &["plc", "rtu", "controller", "dcscontroller", "pac", "plccontroller"],
            AssetType::Hmi => &["hmi", "operatorpanel", "panel", "operatorstation", "hmioperatorpanel"],
            AssetType::ScadaServer => &["scada", "scadaserver", "dcs", "dcsserver", "scadadcsserver"],
            AssetType::Historian => &["historian", "historianserver"],
            AssetType::EngineeringWorkstation => &["engineeringworkstation", "ews", "engineeringstation"],
            AssetType::SafetySystem => &["safetysystem", "sis", "safetyplc", "safetycontroller"],
            AssetType::NetworkEquipment => {
                &["networkequipment", "network", "switch", "router", "firewall", "networkdevice", "wirelessap"]
            }
            AssetType::RemoteAccess => &["remoteaccess", "vpn", "vpngateway", "jumphost", "jumpserver"],
            AssetType::FieldDevice => {
                &["fielddevice", "sensor", "actuator", "drive", "vfd", "ied", "transmitter", "analyser", "analyzer"]
            }
            AssetType::Server => &["server", "otherserverpc", "pc", "workstation", "domaincontroller"],
        }
    }

    /// The type a text names: its id, its label or a usual name ("RTU", "switch", "EWS"), ignoring case,
    /// spaces and punctuation.
    pub fn from_text(text: &str) -> Option<AssetType> {
        let key = crate::domain::inventory::normalise(text);
        AssetType::ALL.into_iter().find(|t| {
            crate::domain::inventory::normalise(t.id()) == key
                || crate::domain::inventory::normalise(t.label()) == key
                || t.aliases().contains(&key.as_str())
        })
    }
}

/// How much the business depends on a zone; it orders the roadmap among equal gaps.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Criticality {
    /// Little effect if it fails.
    Low,
    /// Noticeable effect.
    #[default]
    Medium,
    /// Production, safety or environment depend on it.
    High,
    /// Loss could cause harm to people or major damage.
    Critical,
}

impl Criticality {
    /// All values, lowest first.
    pub const ALL: [Criticality; 4] = [Criticality::Low, Criticality::Medium, Criticality::High, Criticality::Critical];

    /// The label shown.
    pub fn label(self) -> &'static str {
        match self {
            Criticality::Low => "Low",
            Criticality::Medium => "Medium",
            Criticality::High => "High",
            Criticality::Critical => "Critical",
        }
    }
}

/// A security zone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Zone {
    /// Stable id within the assessment.
    pub id: String,
    /// Name shown everywhere.
    pub name: String,
    /// What it contains and does.
    #[serde(default)]
    pub description: String,
    /// Typical assets in it.
    #[serde(default)]
    pub asset_types: BTreeSet<AssetType>,
    /// How critical it is.
    #[serde(default)]
    pub criticality: Criticality,
    /// The target security level vector (SL-T).
    pub target: SlVector,
    /// The wizard's answers (question id -> option id), when the wizard was used; left out of files when
    /// empty.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub wizard: BTreeMap<String, String>,
    /// The organisation accountable for the zone (IEC 62443-3-2 ZCR 3.x asks for one per zone); the
    /// register's fields are left out of files when empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub organisation: String,
    /// Where the zone's boundary runs (logical and physical).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub boundary: String,
    /// Logical access points (network interfaces, remote access, wireless).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub logical_access: String,
    /// Physical access points (rooms, cabinets, ports).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub physical_access: String,
    /// The data flows that enter and leave the zone.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub data_flows: String,
    /// The Purdue level(s) the zone spans.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub purdue_levels: BTreeSet<PurdueLevel>,
}

impl Zone {
    /// A new zone with SL-T 1 in every FR.
    pub fn new(id: &str, name: &str) -> Zone {
        Zone {
            id: id.to_string(),
            name: name.to_string(),
            description: String::new(),
            asset_types: BTreeSet::new(),
            criticality: Criticality::Medium,
            target: SlVector::uniform(SecurityLevel::new_const(1)),
            wizard: BTreeMap::new(),
            organisation: String::new(),
            boundary: String::new(),
            logical_access: String::new(),
            physical_access: String::new(),
            data_flows: String::new(),
            purdue_levels: BTreeSet::new(),
        }
    }
}

/// A conduit: a communication path between two zones.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conduit {
    /// Stable id within the assessment.
    pub id: String,
    /// Name shown.
    pub name: String,
    /// One end (zone id).
    pub from: String,
    /// The other end (zone id).
    pub to: String,
    /// Protocols carried, free text (e.g. "OPC UA, Modbus/TCP").
    #[serde(default)]
    pub protocols: String,
    /// Whether it crosses to the IT network.
    #[serde(default)]
    pub crosses_it: bool,
    /// Whether it crosses to the internet.
    #[serde(default)]
    pub crosses_internet: bool,
    /// The target security level vector (SL-T) set for the conduit itself (IEC 62443-3-2 ZCR 5.6 asks
    /// for one per conduit). `None` means it follows its zones: per FR, the higher of the two zones'
    /// SL-T ([`Assessment::conduit_target`]). Left out of the file when it follows them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<SlVector>,
    /// What kind of device or path it is, when recorded.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ConduitType>,
    /// Who manages it (a team or a company); left out of files when empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub manager: String,
}

impl Conduit {
    /// A new conduit between two zones, following their target levels, with nothing else recorded.
    pub fn new(id: &str, name: &str, from: &str, to: &str) -> Conduit {
        Conduit {
            id: id.to_string(),
            name: name.to_string(),
            from: from.to_string(),
            to: to.to_string(),
            protocols: String::new(),
            crosses_it: false,
            crosses_internet: false,
            target: None,
            kind: None,
            manager: String::new(),
        }
    }
}

/// What a conduit is made of (IEC 62443-3-2 ZCR 3 asks each conduit to be described).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConduitType {
    /// A firewall between the zones.
    Firewall,
    /// An application gateway or proxy (protocol break).
    Gateway,
    /// A one-way data diode.
    DataDiode,
    /// A filtering device other than a firewall (router access lists, managed switch).
    FilteringDevice,
    /// No device controls the traffic.
    Unmanaged,
}

impl ConduitType {
    /// All types.
    pub const ALL: [ConduitType; 5] = [
        ConduitType::Firewall,
        ConduitType::Gateway,
        ConduitType::DataDiode,
        ConduitType::FilteringDevice,
        ConduitType::Unmanaged,
    ];

    /// The label shown.
    pub fn label(self) -> &'static str {
        match self {
            ConduitType::Firewall => "Firewall",
            ConduitType::Gateway => "Gateway",
            ConduitType::DataDiode => "Data diode",
            ConduitType::FilteringDevice => "Filtering device",
            ConduitType::Unmanaged => "Unmanaged",
        }
    }
}

impl SlVector {
    /// Per FR, the higher of two vectors.
    pub fn max(self, other: SlVector) -> SlVector {
        let mut v = self;
        for fr in Fr::ALL {
            v.set(fr, self.get(fr).max(other.get(fr)));
        }
        v
    }
}

/// The answers of an assessment. Each map may be missing from a file (then empty).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Answers {
    /// Answers to once-per-assessment items (3-2, 2-1), by item id.
    pub assessment: BTreeMap<String, Response>,
    /// Answers to 3-3 items given for all zones at once, by item id.
    pub all_zones: BTreeMap<String, Response>,
    /// Per-zone answers to 3-3 items (zone id -> item id -> response); they override `all_zones`.
    pub zones: BTreeMap<String, BTreeMap<String, Response>>,
    /// Per-product answers to 4-2 items (product id -> item id -> response); left out of files when empty.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub products: BTreeMap<String, BTreeMap<String, Response>>,
}

/// Where an answer is recorded: once, for all zones, or for one zone.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum AnswerScope {
    /// A once-per-assessment item (3-2, 2-1).
    Assessment,
    /// A 3-3 item, the same for every zone without an override.
    AllZones,
    /// A 3-3 item for one zone.
    Zone(String),
    /// A 4-2 item for one product.
    Product(String),
}

/// A product (component) a supplier assesses against IEC 62443-4-2.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Product {
    /// Stable id within the assessment.
    pub id: String,
    /// Name shown, e.g. "RTU 500 firmware 4.2".
    pub name: String,
    /// Its IEC 62443-4-2 component type.
    pub component_type: ComponentType,
    /// What it is.
    #[serde(default)]
    pub description: String,
    /// The capability level (SL-C) per FR the supplier aims to reach or certify.
    pub target: SlVector,
}

impl Product {
    /// A new product aiming at SL-C 2 in every FR.
    pub fn new(id: &str, name: &str, component_type: ComponentType) -> Product {
        Product {
            id: id.to_string(),
            name: name.to_string(),
            component_type,
            description: String::new(),
            target: SlVector::uniform(SecurityLevel::new_const(2)),
        }
    }
}

/// Status of a roadmap action in the user's plan.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    /// Nothing decided yet.
    #[default]
    Open,
    /// Planned.
    Planned,
    /// Done.
    Done,
}

impl ActionStatus {
    /// The label shown.
    pub fn label(self) -> &'static str {
        match self {
            ActionStatus::Open => "Open",
            ActionStatus::Planned => "Planned",
            ActionStatus::Done => "Done",
        }
    }
}

/// What the user decided about one roadmap action. A field missing from a file is empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ActionPlan {
    /// Open, planned or done.
    pub status: ActionStatus,
    /// Who owns it.
    pub owner: String,
    /// Target date (YYYY-MM-DD), free.
    pub target_date: String,
    /// Note.
    pub note: String,
}

/// A whole assessment. Its saved fields are those of the current schema (README "JSON format"), in this order;
/// fields marked optional there may be missing from a file and get their defaults, unknown fields are
/// refused.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    /// Stable id.
    pub id: String,
    /// Name shown in the list.
    pub name: String,
    /// Creation time (ISO 8601).
    pub created: String,
    /// Last change (ISO 8601).
    pub updated: String,
    /// Catalogue version the answers were given against.
    pub catalogue_version: String,
    /// Profile.
    #[serde(default)]
    pub profile: Profile,
    /// Zones.
    #[serde(default)]
    pub zones: Vec<Zone>,
    /// Conduits.
    #[serde(default)]
    pub conduits: Vec<Conduit>,
    /// Products (for product suppliers); left out of files when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub products: Vec<Product>,
    /// The asset inventory of every zone (each asset names its zone); left out of files when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assets: Vec<Asset>,
    /// Answers.
    #[serde(default)]
    pub answers: Answers,
    /// The user's roadmap decisions, by action key (the item id).
    #[serde(default)]
    pub plan: BTreeMap<String, ActionPlan>,
    /// The step the user was last on, to reopen there.
    #[serde(default)]
    pub last_step: String,
    /// The questionnaire section the user was last in (its slug, e.g. `fr3`), to return there; left out
    /// of files when empty. A slug this version does not know is ignored.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub last_section: String,
    /// The zone the user was answering for in the questionnaire (a zone id; empty for all zones), left out
    /// of files when empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub last_zone: String,
    /// Frozen earlier states, oldest first (schema 5); left out of files when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub snapshots: Vec<Snapshot>,
}

/// Most snapshots an assessment keeps (each holds a full copy of the answers).
pub const MAX_SNAPSHOTS: usize = 24;

/// The state of an assessment frozen under a name and a date, to compare with later (schema 5). Read-only
/// once taken: it can only be renamed or deleted. Saved inside the assessment, in `snapshots`, as
/// `{"id", "name", "taken", "state"}` where `state` is the whole assessment as it was (in the same schema as
/// the file around it, without snapshots of its own), so that whatever an assessment holds, a snapshot
/// holds too.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    /// Stable id within the assessment, e.g. `s2`.
    pub id: String,
    /// Name shown, e.g. "Baseline before the 2027 upgrade".
    pub name: String,
    /// When it was taken (ISO 8601).
    pub taken: String,
    /// The assessment as it was.
    pub state: Box<Assessment>,
}

impl Snapshot {
    /// The date it was taken, `YYYY-MM-DD`.
    pub fn date(&self) -> &str {
        self.taken.get(..10).unwrap_or(&self.taken)
    }

    /// The snapshot as an assessment of its own, to score and compare it: the state as it was, under the
    /// snapshot's name, dated when it was taken.
    pub fn as_assessment(&self) -> Assessment {
        Assessment { name: self.name.clone(), updated: self.taken.clone(), ..(*self.state).clone() }
    }
}

/// Why a snapshot could not be taken or renamed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SnapshotProblem {
    /// The name is empty, too long or already used (see [`NameProblem`]).
    Name(NameProblem),
    /// [`MAX_SNAPSHOTS`] are kept already.
    TooMany,
    /// No snapshot has this id.
    NotFound,
}

impl SnapshotProblem {
    /// A sentence the user can act on.
    pub fn message(&self) -> String {
        match self {
            SnapshotProblem::Name(problem) => problem.message("snapshot"),
            SnapshotProblem::TooMany => {
                format!("An assessment keeps at most {MAX_SNAPSHOTS} snapshots: delete an older one first.")
            }
            SnapshotProblem::NotFound => "That snapshot no longer exists.".to_string(),
        }
    }
}

impl Assessment {
    /// Freezes the current state under `name`, taken at `now` (ISO 8601), after the existing snapshots;
    /// returns the new snapshot's id.
    ///
    /// ```
    /// use iec62443_assess::*;
    /// let mut a = Assessment::new("a1", "Plant", "2026-01-10T09:00:00Z");
    /// a.zones.push(Zone::new("z1", "Cell A"));
    /// let id = a.take_snapshot("Baseline", "2026-01-31T12:00:00Z").unwrap();
    /// a.zones.clear();
    /// assert_eq!(a.snapshots[0].id, id);
    /// assert_eq!(a.snapshots[0].date(), "2026-01-31");
    /// assert_eq!(a.snapshots[0].state.zones.len(), 1, "the snapshot keeps the state it was taken from");
    /// ```
    pub fn take_snapshot(&mut self, name: &str, now: &str) -> Result<String, SnapshotProblem> {
        if self.snapshots.len() >= MAX_SNAPSHOTS {
            return Err(SnapshotProblem::TooMany);
        }
        check_name(self.snapshots.iter().map(|s| (s.id.as_str(), s.name.as_str())), name, None)
            .map_err(SnapshotProblem::Name)?;
        let id = next_id("s", self.snapshots.iter().map(|s| s.id.as_str()));
        // The state without the snapshots, which are set aside rather than copied.
        let snapshots = std::mem::take(&mut self.snapshots);
        let state = Box::new(self.clone());
        self.snapshots = snapshots;
        self.snapshots.push(Snapshot { id: id.clone(), name: name.trim().to_string(), taken: now.to_string(), state });
        Ok(id)
    }

    /// Renames a snapshot (names are unique among the assessment's snapshots, ignoring case).
    pub fn rename_snapshot(&mut self, id: &str, name: &str) -> Result<(), SnapshotProblem> {
        check_name(self.snapshots.iter().map(|s| (s.id.as_str(), s.name.as_str())), name, Some(id))
            .map_err(SnapshotProblem::Name)?;
        let snapshot = self.snapshots.iter_mut().find(|s| s.id == id).ok_or(SnapshotProblem::NotFound)?;
        snapshot.name = name.trim().to_string();
        Ok(())
    }

    /// Deletes a snapshot; false when there was none with this id.
    pub fn delete_snapshot(&mut self, id: &str) -> bool {
        let before = self.snapshots.len();
        self.snapshots.retain(|s| s.id != id);
        self.snapshots.len() != before
    }

    /// The snapshot with this id.
    pub fn snapshot(&self, id: &str) -> Option<&Snapshot> {
        self.snapshots.iter().find(|s| s.id == id)
    }
}

impl Assessment {
    /// A new, empty assessment.
    pub fn new(id: &str, name: &str, now: &str) -> Assessment {
        Assessment {
            id: id.to_string(),
            name: name.to_string(),
            created: now.to_string(),
            updated: now.to_string(),
            catalogue_version: CATALOGUE_VERSION.to_string(),
            profile: Profile::default(),
            zones: Vec::new(),
            conduits: Vec::new(),
            products: Vec::new(),
            assets: Vec::new(),
            answers: Answers::default(),
            plan: BTreeMap::new(),
            last_step: String::new(),
            snapshots: Vec::new(),
            last_section: String::new(),
            last_zone: String::new(),
        }
    }

    /// Whether two versions differ at most in where the user was (`last_step`, `last_section`,
    /// `last_zone`), which another tab changes just by moving around.
    pub fn same_work(&self, other: &Assessment) -> bool {
        let work = |a: &Assessment| Assessment {
            last_step: String::new(),
            last_section: String::new(),
            last_zone: String::new(),
            ..a.clone()
        };
        work(self) == work(other)
    }

    /// The product with this id.
    pub fn product(&self, id: &str) -> Option<&Product> {
        self.products.iter().find(|p| p.id == id)
    }

    /// The zone with this id.
    pub fn zone(&self, id: &str) -> Option<&Zone> {
        self.zones.iter().find(|z| z.id == id)
    }

    /// The conduit with this id.
    pub fn conduit(&self, id: &str) -> Option<&Conduit> {
        self.conduits.iter().find(|c| c.id == id)
    }

    /// The SL-T of a conduit: the one set for it, else per FR the higher of its two zones' SL-T (a
    /// conduit carries what both ends need protected). A missing zone counts as SL-T 0.
    pub fn conduit_target(&self, conduit: &Conduit) -> SlVector {
        conduit.target.unwrap_or_else(|| self.zones_target(conduit))
    }

    /// Per FR, the higher of the SL-T of the two zones a conduit joins (what [`Assessment::conduit_target`]
    /// gives when no target is set for the conduit).
    pub fn zones_target(&self, conduit: &Conduit) -> SlVector {
        let end = |id: &str| self.zone(id).map(|z| z.target).unwrap_or_default();
        end(&conduit.from).max(end(&conduit.to))
    }

    /// The effective response to a 3-3 item in a zone: the zone's own when it holds an answer, else the
    /// all-zones one. A zone entry with only a note (or a justification without an answer) does not
    /// replace the all-zones answer.
    pub fn zone_response(&self, zone_id: &str, item_id: &str) -> Option<&Response> {
        self.zone_own(zone_id, item_id).filter(|r| r.has_answer()).or_else(|| self.answers.all_zones.get(item_id))
    }

    /// What a zone recorded itself for a 3-3 item (answer, justification, notes), if anything.
    fn zone_own(&self, zone_id: &str, item_id: &str) -> Option<&Response> {
        self.answers.zones.get(zone_id).and_then(|m| m.get(item_id))
    }

    /// Whether a zone's own answer replaces the all-zones answer of a 3-3 item (a note alone does not).
    pub fn has_override(&self, zone_id: &str, item_id: &str) -> bool {
        self.zone_own(zone_id, item_id).is_some_and(Response::has_answer)
    }

    /// The notes a zone keeps for a 3-3 item, whether or not it has its own answer ("" when none).
    pub fn zone_notes(&self, zone_id: &str, item_id: &str) -> &str {
        self.zone_own(zone_id, item_id).map_or("", |r| r.notes.as_str())
    }

    /// The response recorded at one scope (no fallback).
    pub fn response_at(&self, scope: &AnswerScope, item_id: &str) -> Option<&Response> {
        match scope {
            AnswerScope::Assessment => self.answers.assessment.get(item_id),
            AnswerScope::AllZones => self.answers.all_zones.get(item_id),
            AnswerScope::Zone(z) => self.answers.zones.get(z).and_then(|m| m.get(item_id)),
            AnswerScope::Product(p) => self.answers.products.get(p).and_then(|m| m.get(item_id)),
        }
    }

    /// Records a response at one scope; an empty response removes the entry.
    pub fn set_response(&mut self, scope: &AnswerScope, item_id: &str, response: Response) {
        let map = match scope {
            AnswerScope::Assessment => &mut self.answers.assessment,
            AnswerScope::AllZones => &mut self.answers.all_zones,
            AnswerScope::Zone(z) => self.answers.zones.entry(z.clone()).or_default(),
            AnswerScope::Product(p) => self.answers.products.entry(p.clone()).or_default(),
        };
        if response.is_empty() {
            map.remove(item_id);
        } else {
            map.insert(item_id.to_string(), response);
        }
        if let AnswerScope::Zone(z) = scope {
            if self.answers.zones.get(z).is_some_and(|m| m.is_empty()) {
                self.answers.zones.remove(z);
            }
        }
        if let AnswerScope::Product(p) = scope {
            if self.answers.products.get(p).is_some_and(|m| m.is_empty()) {
                self.answers.products.remove(p);
            }
        }
    }

    /// Sets a zone's own notes for a 3-3 item and nothing else: the zone keeps following the all-zones
    /// answer unless it has an answer of its own.
    pub fn set_zone_notes(&mut self, zone_id: &str, item_id: &str, notes: &str) {
        let mut own = self.zone_own(zone_id, item_id).cloned().unwrap_or_default();
        own.notes = notes.to_string();
        self.set_response(&AnswerScope::Zone(zone_id.to_string()), item_id, own);
    }

    /// Clears a zone's own answer (and its justification) so that it follows the all-zones answer again;
    /// the zone's notes stay. The result is the same whatever notes the zone holds.
    pub fn clear_override(&mut self, zone_id: &str, item_id: &str) {
        let scope = AnswerScope::Zone(zone_id.to_string());
        let notes = self.zone_notes(zone_id, item_id).to_string();
        self.set_response(
            &scope,
            item_id,
            Response { answer: None, justification: String::new(), notes, ..Response::default() },
        );
    }

    /// Whether one of the profile's roles answers this part.
    pub fn answers_part(&self, part: Part) -> bool {
        self.profile.roles.iter().any(|r| r.answers_part(part))
    }

    /// The status the user gave the action of an item (open when nothing is decided).
    pub fn action_status(&self, key: &str) -> ActionStatus {
        self.plan.get(key).map(|p| p.status).unwrap_or_default()
    }

    /// The roadmap phases of the tracks the roles follow, in order: the asset owner's and integrator's seven
    /// when a role answers IEC 62443-3-2, 3-3, 2-1 or 2-4, then the product supplier's four when a role
    /// answers 4-1 or 4-2. Number the phases by their position here ("Phase 1: ...").
    pub fn phases(&self) -> Vec<Phase> {
        let owner = [Part::RiskAssessment, Part::SystemRequirements, Part::Programme, Part::ServiceProvider];
        let supplier = [Part::DevelopmentLifecycle, Part::ComponentRequirements];
        let mut phases = Vec::new();
        if owner.into_iter().any(|p| self.answers_part(p)) {
            phases.extend(Phase::OWNER);
        }
        if supplier.into_iter().any(|p| self.answers_part(p)) {
            phases.extend(Phase::SUPPLIER);
        }
        phases
    }

    /// The zones whose security levels are assessed: every zone when a role answers IEC 62443-3-3, none
    /// otherwise (zones kept from an earlier choice of roles ask nothing, so they have no result).
    pub fn assessed_zones(&self) -> &[Zone] {
        if self.answers_part(Part::SystemRequirements) {
            &self.zones
        } else {
            &[]
        }
    }

    /// The products whose capability levels are assessed: every product when a role answers IEC 62443-4-2,
    /// none otherwise.
    pub fn assessed_products(&self) -> &[Product] {
        if self.answers_part(Part::ComponentRequirements) {
            &self.products
        } else {
            &[]
        }
    }

    /// Whether an item is asked: its part belongs to one of the roles, and the mode (quick scan or full)
    /// includes it.
    pub fn asks(&self, item: &Item) -> bool {
        self.answers_part(item.part) && (self.profile.mode == Mode::Full || item.quick_scan)
    }

    /// Whether a 4-2 item is in scope for a product: it applies to the product's type and its lowest level
    /// is at most the product's target for its FR.
    pub fn in_product_scope(&self, product: &Product, item: &Item) -> bool {
        match (item.fr(), item.level()) {
            (Some(fr), Some(level)) => {
                self.asks(item) && item.applies_to(product.component_type) && level <= product.target.get(fr)
            }
            _ => false,
        }
    }

    /// Whether a 3-3 item is in scope for a zone: its lowest level is at most the zone's SL-T for its FR.
    pub fn in_scope(&self, zone: &Zone, item: &Item) -> bool {
        match (item.fr(), item.level()) {
            (Some(fr), Some(level)) => self.asks(item) && level <= zone.target.get(fr),
            _ => self.asks(item),
        }
    }

    /// The status of an item for a zone (3-3), a product (4-2, `target` is the product id) or for the
    /// assessment (other parts).
    pub fn status(&self, target: Option<&str>, item: &Item) -> Status {
        let response = match (item.part, target) {
            (Part::SystemRequirements, Some(z)) => self.zone_response(z, item.id),
            (Part::SystemRequirements, None) => self.answers.all_zones.get(item.id),
            (Part::ComponentRequirements, Some(p)) => self.answers.products.get(p).and_then(|m| m.get(item.id)),
            (Part::ComponentRequirements, None) => None,
            _ => self.answers.assessment.get(item.id),
        };
        response.map(Response::status).unwrap_or(Status::Unanswered)
    }

    /// The responses one zone sees, indexed like [`ITEMS`]: for 3-3 items the zone's own response when it
    /// holds an answer, else the all-zones one; `None` for other items. One pass over the answer maps, so that scoring many items
    /// of many zones does not look each answer up again.
    pub fn zone_responses(&self, zone_id: &str) -> Vec<Option<&Response>> {
        let mut table = vec![None; ITEMS.len()];
        // A zone's own entry replaces the all-zones one only when it holds an answer.
        let own = self.answers.zones.get(zone_id).into_iter().flatten().filter(|(_, r)| r.has_answer());
        for (id, response) in self.answers.all_zones.iter().chain(own) {
            if let Some(i) = catalogue::item_index(id).filter(|i| ITEMS[*i].part == Part::SystemRequirements) {
                table[i] = Some(response);
            }
        }
        table
    }

    /// The responses of one product, indexed like [`ITEMS`] (4-2 items only).
    pub fn product_responses(&self, product_id: &str) -> Vec<Option<&Response>> {
        let mut table = vec![None; ITEMS.len()];
        for (id, response) in self.answers.products.get(product_id).into_iter().flatten() {
            if let Some(i) = catalogue::item_index(id).filter(|i| ITEMS[*i].part == Part::ComponentRequirements) {
                table[i] = Some(response);
            }
        }
        table
    }

    /// The responses of every zone and product, looked up once (see [`Assessment::zone_responses`]).
    pub fn response_tables(&self) -> ResponseTables<'_> {
        ResponseTables {
            zones: self.zones.iter().map(|z| self.zone_responses(&z.id)).collect(),
            products: self.products.iter().map(|p| self.product_responses(&p.id)).collect(),
        }
    }

    /// Overall progress: (answered, asked) over every question the assessment asks, counting each 3-3
    /// item once per zone in whose scope it is. Incomplete answers do not count as answered.
    pub fn progress(&self) -> (usize, usize) {
        self.progress_of(ITEMS.iter())
    }

    /// Progress over some items, counted like [`Assessment::progress`].
    pub fn progress_of<'a>(&self, items: impl Iterator<Item = &'a Item>) -> (usize, usize) {
        self.progress_with(items, &self.response_tables())
    }

    /// [`Assessment::progress_of`] with the response tables already built.
    pub fn progress_with<'a>(&self, items: impl Iterator<Item = &'a Item>, tables: &ResponseTables) -> (usize, usize) {
        let mut asked = 0;
        let mut answered = 0;
        let (zone_tables, product_tables) = (&tables.zones, &tables.products);
        let answered_in = |table: &[Option<&Response>], item: &Item| {
            table[catalogue::index_of(item)].is_some_and(|r| r.status() != Status::Unanswered)
        };
        for item in items.filter(|i| self.asks(i)) {
            if item.part.per_zone() {
                for (zone, table) in self.zones.iter().zip(zone_tables) {
                    if self.in_scope(zone, item) {
                        asked += 1;
                        if answered_in(table, item) {
                            answered += 1;
                        }
                    }
                }
            } else if item.part.per_product() {
                for (product, table) in self.products.iter().zip(product_tables) {
                    if self.in_product_scope(product, item) {
                        asked += 1;
                        if answered_in(table, item) {
                            answered += 1;
                        }
                    }
                }
            } else {
                asked += 1;
                if self.status(None, item) != Status::Unanswered {
                    answered += 1;
                }
            }
        }
        (answered, asked)
    }

    /// Ids of answered items that are not in the current catalogue (kept, never dropped).
    pub fn unknown_item_ids(&self) -> BTreeSet<String> {
        let a = &self.answers;
        let all = a
            .assessment
            .keys()
            .chain(a.all_zones.keys())
            .chain(a.zones.values().flat_map(|m| m.keys()))
            .chain(a.products.values().flat_map(|m| m.keys()));
        all.filter(|id| catalogue::item(id).is_none()).cloned().collect()
    }

    /// A zone id not used yet, now or in a snapshot, e.g. `z3` (the comparison pairs zones by id, so an id
    /// a snapshot holds must not name another zone).
    pub fn next_zone_id(&self) -> String {
        let frozen = self.snapshots.iter().flat_map(|s| s.state.zones.iter());
        next_id("z", self.zones.iter().chain(frozen).map(|z| z.id.as_str()))
    }

    /// A product id not used yet, now or in a snapshot, e.g. `p2`.
    pub fn next_product_id(&self) -> String {
        let frozen = self.snapshots.iter().flat_map(|s| s.state.products.iter());
        next_id("p", self.products.iter().chain(frozen).map(|p| p.id.as_str()))
    }

    /// Removes a product with its answers.
    pub fn remove_product(&mut self, product_id: &str) {
        self.products.retain(|p| p.id != product_id);
        self.answers.products.remove(product_id);
        for asset in self.assets.iter_mut().filter(|a| a.product.as_deref() == Some(product_id)) {
            asset.product = None;
        }
    }

    /// A conduit id not used yet, e.g. `c2`.
    pub fn next_conduit_id(&self) -> String {
        next_id("c", self.conduits.iter().map(|c| c.id.as_str()))
    }

    /// Moves a zone one place earlier (`earlier`) or later in the zone order (the order of the Scope step,
    /// the results, the report and the export). Returns whether it moved: not past either end, not an
    /// unknown zone.
    ///
    /// ```
    /// use iec62443_assess::*;
    /// let mut a = Assessment::new("a1", "Plant", "2026-11-20T09:00:00Z");
    /// a.zones.push(Zone::new("z1", "Office"));
    /// a.zones.push(Zone::new("z2", "Control"));
    /// assert!(a.move_zone("z2", true));
    /// assert_eq!(a.zones[0].name, "Control");
    /// assert!(!a.move_zone("z2", true));
    /// ```
    pub fn move_zone(&mut self, zone_id: &str, earlier: bool) -> bool {
        let Some(at) = self.zones.iter().position(|z| z.id == zone_id) else { return false };
        let to = if earlier { at.checked_sub(1) } else { Some(at + 1).filter(|t| *t < self.zones.len()) };
        match to {
            Some(to) => {
                self.zones.swap(at, to);
                true
            }
            None => false,
        }
    }

    /// Removes a zone with its per-zone answers and its assets; conduits that touched it are removed too
    /// and returned.
    pub fn remove_zone(&mut self, zone_id: &str) -> Vec<Conduit> {
        self.zones.retain(|z| z.id != zone_id);
        self.answers.zones.remove(zone_id);
        self.assets.retain(|a| a.zone != zone_id);
        let (gone, kept): (Vec<Conduit>, Vec<Conduit>) =
            self.conduits.drain(..).partition(|c| c.from == zone_id || c.to == zone_id);
        self.conduits = kept;
        gone
    }
}

fn next_id<'a>(prefix: &str, used: impl Iterator<Item = &'a str>) -> String {
    let max = used.filter_map(|id| id.strip_prefix(prefix)?.parse::<u32>().ok()).max().unwrap_or(0);
    format!("{prefix}{}", max + 1)
}

/// Every zone's and product's responses, indexed like [`ITEMS`], in the assessment's zone and product
/// order. Built once per scoring so that the answer maps are not searched again for every item.
#[derive(Clone, Debug, Default)]
pub struct ResponseTables<'a> {
    /// Per zone (see [`Assessment::zone_responses`]).
    pub zones: Vec<Vec<Option<&'a Response>>>,
    /// Per product (see [`Assessment::product_responses`]).
    pub products: Vec<Vec<Option<&'a Response>>>,
}

/// Why a zone or conduit name is not acceptable.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NameProblem {
    /// Empty or only spaces.
    Empty,
    /// Longer than [`MAX_NAME_CHARS`].
    TooLong,
    /// Another zone already has it (ignoring case, accented letters included).
    Duplicate,
}

impl NameProblem {
    /// A sentence the user can act on.
    pub fn message(&self, what: &str) -> String {
        match self {
            NameProblem::Empty => format!("Give the {what} a name."),
            NameProblem::TooLong => format!("Keep the {what} name under {MAX_NAME_CHARS} characters."),
            NameProblem::Duplicate => format!("Another {what} already has this name: choose a different one."),
        }
    }
}

/// Checks a zone name against the other zones (`except` is the zone being renamed).
pub fn check_zone_name(assessment: &Assessment, name: &str, except: Option<&str>) -> Result<(), NameProblem> {
    check_name(assessment.zones.iter().map(|z| (z.id.as_str(), z.name.as_str())), name, except)
}

/// Checks a product name against the other products (`except` is the product being renamed).
pub fn check_product_name(assessment: &Assessment, name: &str, except: Option<&str>) -> Result<(), NameProblem> {
    check_name(assessment.products.iter().map(|p| (p.id.as_str(), p.name.as_str())), name, except)
}

/// What two names are compared by: trimmed and lower-cased (the standard library's Unicode lower case),
/// so that "Control" and " control" are the same zone. The app and import (`storage::validate`) both
/// compare through this, so that every name the app accepts reads back.
pub fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

fn check_name<'a>(
    existing: impl Iterator<Item = (&'a str, &'a str)>,
    name: &str,
    except: Option<&str>,
) -> Result<(), NameProblem> {
    let trimmed = name.trim();
    if trimmed.is_empty() {
        return Err(NameProblem::Empty);
    }
    if trimmed.chars().count() > MAX_NAME_CHARS {
        return Err(NameProblem::TooLong);
    }
    let folded = name_key(trimmed);
    let mut existing = existing;
    if existing.any(|(id, other)| Some(id) != except && name_key(other) == folded) {
        return Err(NameProblem::Duplicate);
    }
    Ok(())
}
