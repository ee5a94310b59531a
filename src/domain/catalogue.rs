//! The catalogue: every item the tool asks about, generated at build time from `questionnaires/`.

use serde::{Deserialize, Serialize};
use std::fmt;

/// One of the seven foundational requirements of IEC 62443.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Fr {
    /// FR1.
    Fr1,
    /// FR2.
    Fr2,
    /// FR3.
    Fr3,
    /// FR4.
    Fr4,
    /// FR5.
    Fr5,
    /// FR6.
    Fr6,
    /// FR7.
    Fr7,
}

impl Fr {
    /// FR1..FR7 in order.
    pub const ALL: [Fr; 7] = [Fr::Fr1, Fr::Fr2, Fr::Fr3, Fr::Fr4, Fr::Fr5, Fr::Fr6, Fr::Fr7];

    /// Position 0..7, for indexing a 7-FR vector.
    pub fn index(self) -> usize {
        self as usize
    }

    /// `FR1` ... `FR7`.
    pub fn code(self) -> &'static str {
        ["FR1", "FR2", "FR3", "FR4", "FR5", "FR6", "FR7"][self.index()]
    }

    /// The short public name, e.g. "Identification and authentication control".
    pub fn name(self) -> &'static str {
        [
            "Identification and authentication control",
            "Use control",
            "System integrity",
            "Data confidentiality",
            "Restricted data flow",
            "Timely response to events",
            "Resource availability",
        ][self.index()]
    }

    /// The usual abbreviation, e.g. `IAC`.
    pub fn abbreviation(self) -> &'static str {
        ["IAC", "UC", "SI", "DC", "RDF", "TRE", "RA"][self.index()]
    }

    /// Parses `FR1`..`FR7` (case-insensitive).
    pub fn parse(s: &str) -> Option<Fr> {
        Fr::ALL.into_iter().find(|f| f.code().eq_ignore_ascii_case(s.trim()))
    }
}

impl fmt::Display for Fr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A security level, 0 (nothing shown) to 4. Saved as a number 0..4; any other number is refused.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct SecurityLevel(u8);

impl SecurityLevel {
    /// No level reached.
    pub const ZERO: SecurityLevel = SecurityLevel(0);
    /// The highest level.
    pub const MAX: SecurityLevel = SecurityLevel(4);

    /// A level from 0 to 4; `None` outside that range.
    pub fn new(level: u8) -> Option<SecurityLevel> {
        (level <= 4).then_some(SecurityLevel(level))
    }

    /// For generated data, which the build has already checked.
    pub const fn new_const(level: u8) -> SecurityLevel {
        assert!(level <= 4, "security level out of range");
        SecurityLevel(level)
    }

    /// The number 0..=4.
    pub fn get(self) -> u8 {
        self.0
    }

    /// The next level up, or `None` at 4.
    pub fn next(self) -> Option<SecurityLevel> {
        SecurityLevel::new(self.0 + 1)
    }
}

impl TryFrom<u8> for SecurityLevel {
    type Error = String;
    fn try_from(v: u8) -> Result<Self, Self::Error> {
        SecurityLevel::new(v).ok_or_else(|| format!("security level {v} is outside 0..4"))
    }
}

impl From<SecurityLevel> for u8 {
    fn from(l: SecurityLevel) -> u8 {
        l.0
    }
}

impl fmt::Display for SecurityLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The part of the standard an item belongs to; it decides how the item is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Part {
    /// IEC 62443-3-3 system requirements, answered per zone.
    SystemRequirements,
    /// IEC 62443-3-2 risk assessment, zones and conduits, answered once.
    RiskAssessment,
    /// IEC 62443-2-1 security programme, rated on the maturity scale, answered once.
    Programme,
    /// IEC 62443-2-4 capabilities of a service provider or integrator, maturity-rated, answered once.
    ServiceProvider,
    /// IEC 62443-4-1 secure development lifecycle of a product supplier, maturity-rated, answered once.
    DevelopmentLifecycle,
    /// IEC 62443-4-2 component requirements, answered per product.
    ComponentRequirements,
}

impl Part {
    /// All parts, in the order the questionnaire presents them.
    pub const ALL: [Part; 6] = [
        Part::RiskAssessment,
        Part::SystemRequirements,
        Part::Programme,
        Part::ServiceProvider,
        Part::DevelopmentLifecycle,
        Part::ComponentRequirements,
    ];

    /// The maturity-rated parts, whose items belong to areas.
    pub const MATURITY: [Part; 3] = [Part::Programme, Part::ServiceProvider, Part::DevelopmentLifecycle];

    /// The document, e.g. `IEC 62443-3-3`.
    pub fn document(self) -> &'static str {
        match self {
            Part::SystemRequirements => "IEC 62443-3-3",
            Part::RiskAssessment => "IEC 62443-3-2",
            Part::Programme => "IEC 62443-2-1",
            Part::ServiceProvider => "IEC 62443-2-4",
            Part::DevelopmentLifecycle => "IEC 62443-4-1",
            Part::ComponentRequirements => "IEC 62443-4-2",
        }
    }

    /// The edition the catalogue follows, as its year (e.g. `2013` for IEC 62443-3-3:2013), from the
    /// `edition` of the part's file in `questionnaires/`.
    pub fn edition(self) -> &'static str {
        PART_EDITIONS.iter().find(|(part, _)| *part == self).map_or("", |(_, year)| year)
    }

    /// The document with its edition, e.g. `IEC 62443-3-3:2013`.
    pub fn citation(self) -> String {
        format!("{}:{}", self.document(), self.edition())
    }

    /// A plain title for the part.
    pub fn title(self) -> &'static str {
        match self {
            Part::SystemRequirements => "System security requirements",
            Part::RiskAssessment => "Risk assessment, zones and conduits",
            Part::Programme => "Security programme",
            Part::ServiceProvider => "Service provider and integrator capabilities",
            Part::DevelopmentLifecycle => "Secure development lifecycle",
            Part::ComponentRequirements => "Component security requirements",
        }
    }

    /// What an area of a maturity part is called.
    pub fn area_noun(self) -> &'static str {
        match self {
            Part::ServiceProvider => "capability area",
            Part::DevelopmentLifecycle => "practice",
            _ => "programme area",
        }
    }

    /// Whether items of this part are answered separately for each product.
    pub fn per_product(self) -> bool {
        self == Part::ComponentRequirements
    }

    /// Whether items of this part are answered separately for each zone.
    pub fn per_zone(self) -> bool {
        self == Part::SystemRequirements
    }
}

/// A rough effort for the recommended action.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Effort {
    /// Days, inside the team.
    Small,
    /// Weeks, some budget or a vendor.
    Medium,
    /// Months, a project or an outage.
    Large,
}

impl Effort {
    /// `S`, `M` or `L`.
    pub fn letter(self) -> &'static str {
        match self {
            Effort::Small => "S",
            Effort::Medium => "M",
            Effort::Large => "L",
        }
    }

    /// A plain description.
    pub fn label(self) -> &'static str {
        match self {
            Effort::Small => "Small (days, inside the team)",
            Effort::Medium => "Medium (weeks, some budget or a vendor)",
            Effort::Large => "Large (months, a project or an outage)",
        }
    }
}

/// The roadmap phases. An asset owner's or integrator's programme goes through the first seven in order; a
/// product supplier's through the last four (its own track: secure development process, requirements and
/// design, implementation and verification, release and support). An organisation with both kinds of
/// roles sees both tracks, the owner's first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Phase {
    /// Governance: an approved policy and named owners.
    Governance,
    /// Inventory and process map.
    Inventory,
    /// Risk assessment, zones and conduits.
    Risk,
    /// Target security levels.
    Targets,
    /// Segmentation and foundational-requirement controls.
    Controls,
    /// Monitoring, patching and incident response.
    Operations,
    /// Assess and improve.
    Improve,
    /// Supplier: the secure development process itself (IEC 62443-4-1 SM).
    Process,
    /// Supplier: security requirements and secure design (4-1 SR, SD).
    Design,
    /// Supplier: secure implementation and security testing, and the product capabilities of IEC 62443-4-2.
    Build,
    /// Supplier: issue handling, security updates and guidance for customers (4-1 DM, SUM, SG).
    Support,
}

impl Phase {
    /// All phases: the asset owner's and integrator's track, then the product supplier's.
    pub const ALL: [Phase; 11] = [
        Phase::Governance,
        Phase::Inventory,
        Phase::Risk,
        Phase::Targets,
        Phase::Controls,
        Phase::Operations,
        Phase::Improve,
        Phase::Process,
        Phase::Design,
        Phase::Build,
        Phase::Support,
    ];

    /// The asset owner's and integrator's phases, in order.
    pub const OWNER: &'static [Phase] = Phase::ALL.split_at(7).0;

    /// The product supplier's phases, in order.
    pub const SUPPLIER: &'static [Phase] = Phase::ALL.split_at(7).1;

    /// Position in [`Phase::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The phase's title.
    pub fn title(self) -> &'static str {
        match self {
            Phase::Governance => "Governance: policy and ownership",
            Phase::Inventory => "Inventory and process map",
            Phase::Risk => "Risk assessment, zones and conduits",
            Phase::Targets => "Target security levels",
            Phase::Controls => "Segmentation and foundational-requirement controls",
            Phase::Operations => "Monitoring, patching and incident response",
            Phase::Improve => "Assess and improve",
            Phase::Process => "Secure development process",
            Phase::Design => "Requirements and design",
            Phase::Build => "Implementation and verification",
            Phase::Support => "Release and support",
        }
    }

    /// Whether this is one of the product supplier's phases.
    pub fn is_supplier(self) -> bool {
        Phase::SUPPLIER.contains(&self)
    }

    /// Foundations come before the controls that depend on them: governance, inventory, risk and targets
    /// for an asset owner, the development process itself for a supplier.
    pub fn is_foundation(self) -> bool {
        matches!(self, Phase::Governance | Phase::Inventory | Phase::Risk | Phase::Targets | Phase::Process)
    }
}

/// The component types of IEC 62443-4-2. Saved in snake_case (`embedded_device`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ComponentType {
    /// Software application (SAR): HMI, historian, engineering software.
    #[default]
    SoftwareApplication,
    /// Embedded device (EDR): PLC, RTU, IED, controller.
    EmbeddedDevice,
    /// Host device (HDR): workstation or server with a general-purpose OS.
    HostDevice,
    /// Network device (NDR): switch, router, firewall, VPN, wireless access point.
    NetworkDevice,
}

impl ComponentType {
    /// All types.
    pub const ALL: [ComponentType; 4] = [
        ComponentType::SoftwareApplication,
        ComponentType::EmbeddedDevice,
        ComponentType::HostDevice,
        ComponentType::NetworkDevice,
    ];

    /// The prefix of its type-specific requirements: SAR, EDR, HDR, NDR.
    pub fn code(self) -> &'static str {
        match self {
            ComponentType::SoftwareApplication => "SAR",
            ComponentType::EmbeddedDevice => "EDR",
            ComponentType::HostDevice => "HDR",
            ComponentType::NetworkDevice => "NDR",
        }
    }

    /// The label shown.
    pub fn label(self) -> &'static str {
        match self {
            ComponentType::SoftwareApplication => "Software application (HMI, historian, engineering tool)",
            ComponentType::EmbeddedDevice => "Embedded device (PLC, RTU, IED, controller)",
            ComponentType::HostDevice => "Host device (industrial PC, server, workstation)",
            ComponentType::NetworkDevice => "Network device (switch, router, firewall, VPN, wireless)",
        }
    }
}

/// How an item is answered and scored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemKind {
    /// An IEC 62443-3-3 requirement or enhancement: it counts towards SL-A of `fr` from `level` up.
    SystemRequirement {
        /// The foundational requirement.
        fr: Fr,
        /// The lowest security level at which it applies.
        level: SecurityLevel,
    },
    /// An IEC 62443-3-2 process step, answered on the implementation scale.
    Process,
    /// An IEC 62443-4-2 component requirement or enhancement: it counts towards a product's capability
    /// level (SL-C) of `fr` from `level` up, for the component types listed.
    ComponentRequirement {
        /// The foundational requirement.
        fr: Fr,
        /// The lowest security level at which it applies.
        level: SecurityLevel,
        /// The component types it applies to.
        types: &'static [ComponentType],
    },
    /// An IEC 62443-2-1 programme practice, rated ML1..ML4.
    Maturity {
        /// The programme area's id.
        area: &'static str,
        /// What ML1, ML2, ML3 and ML4 look like for this practice.
        levels: [&'static str; 4],
    },
}

/// One question of the catalogue.
#[derive(Debug, PartialEq, Eq)]
pub struct Item {
    /// Stable id, e.g. `sr-1.1-re1`.
    pub id: &'static str,
    /// The part it belongs to.
    pub part: Part,
    /// The identifiers it checks; the first is the main one.
    pub refs: &'static [&'static str],
    /// Short public title.
    pub title: &'static str,
    /// The question, in our own words.
    pub question: &'static str,
    /// Why it matters in OT.
    pub why: &'static str,
    /// Examples of evidence.
    pub evidence: &'static [&'static str],
    /// What to do when it is not met.
    pub action: &'static str,
    /// Rough effort of the action.
    pub effort: Effort,
    /// Roadmap phase of the action.
    pub phase: Phase,
    /// How it is answered and scored.
    pub kind: ItemKind,
    /// Whether the quick scan asks it.
    pub quick_scan: bool,
    /// When public sources disagree about the item's level, what is uncertain.
    pub uncertain: Option<&'static str>,
    /// Whether the item asks about a technical property that the people running a plant usually cannot
    /// check themselves, so that its guidance points to the vendor ([`Item::vendor_hint`]).
    pub ask_vendor: bool,
    /// Whether the requirement is groundwork that other measures rest on (segmentation, boundary
    /// protection, knowing who is logged in...): in the order of work it comes before refinements such as
    /// login banners, and the ranking of gaps puts it first (docs/scoring.md, section 6).
    pub groundwork: bool,
}

/// The guidance of an IEC 62443-3-3 item that the system or product vendor is best placed to answer.
pub const VENDOR_HINT: &str = "Ask your system or product vendor: the IEC 62443-4-2 capability level (SL-C) of the \
     products in this zone answers this. Until they confirm it, answer Vendor to confirm.";

impl Item {
    /// The guidance pointing to the vendor, for items whose answer the vendor holds ([`VENDOR_HINT`]).
    pub fn vendor_hint(&self) -> Option<&'static str> {
        self.ask_vendor.then_some(VENDOR_HINT)
    }

    /// The item this one was split from, when one requirement is asked as several questions: `sr-7.4-b`
    /// asks a second question of the requirement `sr-7.4` covers, with the same references and level, and
    /// the requirement is met only when every one of its questions is.
    pub fn split_of(&self) -> Option<&'static str> {
        let (base, suffix) = self.id.rsplit_once('-')?;
        let letter = suffix.as_bytes();
        (letter.len() == 1 && letter[0].is_ascii_lowercase() && letter[0] != b'a').then_some(base)
    }

    /// The main reference, e.g. `SR 1.1 RE(1)`.
    pub fn main_ref(&self) -> &'static str {
        self.refs.first().copied().unwrap_or(self.id)
    }

    /// The FR of a 3-3 or 4-2 item.
    pub fn fr(&self) -> Option<Fr> {
        match self.kind {
            ItemKind::SystemRequirement { fr, .. } | ItemKind::ComponentRequirement { fr, .. } => Some(fr),
            _ => None,
        }
    }

    /// The lowest security level of a 3-3 or 4-2 item.
    pub fn level(&self) -> Option<SecurityLevel> {
        match self.kind {
            ItemKind::SystemRequirement { level, .. } | ItemKind::ComponentRequirement { level, .. } => Some(level),
            _ => None,
        }
    }

    /// Whether a 4-2 item applies to a component type (false for other parts).
    pub fn applies_to(&self, component: ComponentType) -> bool {
        matches!(self.kind, ItemKind::ComponentRequirement { types, .. } if types.contains(&component))
    }

    /// The programme area id of a 2-1 item.
    pub fn area(&self) -> Option<&'static str> {
        match self.kind {
            ItemKind::Maturity { area, .. } => Some(area),
            _ => None,
        }
    }

    /// Whether the item is rated on the maturity scale.
    pub fn is_maturity(&self) -> bool {
        matches!(self.kind, ItemKind::Maturity { .. })
    }
}

/// An IEC 62443-2-1 programme area (security programme element).
#[derive(Debug, PartialEq, Eq)]
pub struct ProgrammeArea {
    /// Id used by items, e.g. `net`.
    pub id: &'static str,
    /// The part: 2-1, 2-4 or 4-1.
    pub part: Part,
    /// Identifiers, e.g. `SPE 3`.
    pub refs: &'static [&'static str],
    /// Title.
    pub title: &'static str,
}

/// The dimension a wizard question measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dimension {
    /// How bad the worst outcome of an attack on the zone would be (0..3).
    Consequence,
    /// How reachable the zone is from outside (0..2).
    Exposure,
    /// Who would plausibly attack (0..3).
    Threat,
}

/// One question of the target-level wizard.
#[derive(Debug, PartialEq, Eq)]
pub struct WizardQuestion {
    /// Stable id.
    pub id: &'static str,
    /// What it measures.
    pub dimension: Dimension,
    /// The question.
    pub text: &'static str,
    /// A short help text.
    pub help: &'static str,
    /// The choices.
    pub options: &'static [WizardOption],
}

/// One choice of a wizard question.
#[derive(Debug, PartialEq, Eq)]
pub struct WizardOption {
    /// Stable id within its question.
    pub id: &'static str,
    /// The label shown.
    pub label: &'static str,
    /// Its score on the question's dimension.
    pub score: u8,
    /// Foundational requirements this choice raises, and by how many levels.
    pub raise: &'static [(Fr, u8)],
    /// Why it raises them.
    pub reason: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/catalogue_data.rs"));

/// Every item of every part, in file order.
pub static ITEMS: Table<Item> = Table(items);

/// The maturity areas: IEC 62443-2-1 programme elements, 2-4 capability areas, 4-1 practices.
pub static PROGRAMME_AREAS: Table<ProgrammeArea> = Table(areas);

/// The target-level wizard's questions.
pub static WIZARD_QUESTIONS: Table<WizardQuestion> = Table(wizard_questions);

/// A table of the catalogue, used like a slice: `for item in ITEMS`, `ITEMS.iter()`, `ITEMS[i]`.
///
/// build.rs writes each table as one block of texts and a small table of the other fields; the table is
/// built from them on first use and then kept. A generated table of `&str` (a pointer and a length per
/// text, about 3,000 of them) compressed badly and cost 13 KB of the download; texts one after the other
/// cost nothing extra.
pub struct Table<T: 'static>(fn() -> &'static [T]);

impl<T> Clone for Table<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Table<T> {}

impl<T> std::ops::Deref for Table<T> {
    type Target = [T];

    fn deref(&self) -> &'static [T] {
        (self.0)()
    }
}

impl<T> IntoIterator for Table<T> {
    type Item = &'static T;
    type IntoIter = std::slice::Iter<'static, T>;

    fn into_iter(self) -> Self::IntoIter {
        (self.0)().iter()
    }
}

impl<T: fmt::Debug> fmt::Debug for Table<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries((self.0)()).finish()
    }
}

/// The catalogue texts, decoded on first use with the `ppmd-rust` crate's decoder (the model takes 2 MiB
/// while it runs).
fn texts() -> &'static str {
    static TEXTS: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    TEXTS.get_or_init(|| {
        // build.rs made the stream; tests/catalogue.rs checks every text against questionnaires/.
        decode_texts().and_then(|bytes| String::from_utf8(unmark_capitals(&bytes)).ok()).unwrap_or_default()
    })
}

/// The PPMd stream of the texts decoded, capitals still marked. The stream has no end marker: it is read
/// to its known length.
fn decode_texts() -> Option<Vec<u8>> {
    use std::io::Read;
    let mut decoder = ppmd_rust::Ppmd7Decoder::new(TEXT_PPMD, TEXT_ORDER, TEXT_MEM).ok()?;
    let mut coded = vec![0; TEXT_CODED_LEN];
    decoder.read_exact(&mut coded).ok()?;
    Some(coded)
}

/// Undoes build.rs's `mark_capitals`: U+0001 before a letter makes it upper case.
fn unmark_capitals(coded: &[u8]) -> Vec<u8> {
    let mut text = Vec::with_capacity(coded.len());
    let mut capital = false;
    for &b in coded {
        if b == 1 {
            capital = true;
        } else {
            text.push(if capital { b.to_ascii_uppercase() } else { b });
            capital = false;
        }
    }
    text
}

/// Text block `n` of the catalogue: 0 items, 1 maturity areas, 2 wizard.
fn text_block(n: usize) -> &'static str {
    let start: usize = TEXT_LENGTHS[..n].iter().sum();
    texts().get(start..start + TEXT_LENGTHS[n]).unwrap_or_default()
}

fn items() -> &'static [Item] {
    static DECODED: std::sync::OnceLock<Vec<Item>> = std::sync::OnceLock::new();
    DECODED.get_or_init(decode_items)
}

fn areas() -> &'static [ProgrammeArea] {
    static DECODED: std::sync::OnceLock<Vec<ProgrammeArea>> = std::sync::OnceLock::new();
    DECODED.get_or_init(|| {
        let mut t = Texts(text_block(1).split('\u{1f}'));
        AREA_META
            .iter()
            .map(|&(part, refs)| ProgrammeArea { id: t.next(), part, refs: t.list(refs), title: t.next() })
            .collect()
    })
}

fn wizard_questions() -> &'static [WizardQuestion] {
    static DECODED: std::sync::OnceLock<Vec<WizardQuestion>> = std::sync::OnceLock::new();
    DECODED.get_or_init(|| {
        let mut t = Texts(text_block(2).split('\u{1f}'));
        WIZARD_META
            .iter()
            .map(|&(dimension, options)| {
                let (id, text, help) = (t.next(), t.next(), t.next());
                let options = options
                    .iter()
                    .map(|&(score, raise)| {
                        let (id, label, reason) = (t.next(), t.next(), t.next());
                        WizardOption { id, label, score, raise, reason }
                    })
                    .collect();
                WizardQuestion { id, dimension, text, help, options: Vec::leak(options) }
            })
            .collect()
    })
}

/// The non-text part of a generated item; its texts follow in order in text block 0.
struct ItemMeta {
    part: Part,
    /// Number of references.
    refs: u8,
    /// Number of evidence examples.
    evidence: u8,
    effort: Effort,
    phase: Phase,
    kind: KindMeta,
    quick_scan: bool,
    /// Whether an "uncertain" note follows the action.
    uncertain: bool,
    /// Whether the vendor is best placed to answer.
    ask_vendor: bool,
    /// Whether the requirement is groundwork.
    groundwork: bool,
}

/// [`ItemKind`] without its texts (a maturity item's area and levels are the last texts of the item).
enum KindMeta {
    System(Fr, u8),
    Process,
    Component(Fr, u8, &'static [ComponentType]),
    Maturity,
}

/// Score and raises of one generated wizard option (its texts are in text block 2).
type OptionMeta = (u8, &'static [(Fr, u8)]);

/// Reads the generated texts one after the other.
struct Texts(std::str::Split<'static, char>);

impl Texts {
    fn next(&mut self) -> &'static str {
        self.0.next().unwrap_or_default()
    }

    /// The next `n` texts, as a slice that lives as long as the catalogue (built once).
    fn list(&mut self, n: u8) -> &'static [&'static str] {
        Vec::leak((0..n).map(|_| self.next()).collect())
    }
}

/// Builds the items from `ITEM_META` and text block 0 (written by build.rs in this order: id, refs, title,
/// question, why, evidence, action, uncertain, then area and four levels for maturity items).
fn decode_items() -> Vec<Item> {
    let mut t = Texts(text_block(0).split('\u{1f}'));
    ITEM_META
        .iter()
        .map(|m| {
            let id = t.next();
            let refs = t.list(m.refs);
            let (title, question, why) = (t.next(), t.next(), t.next());
            let evidence = t.list(m.evidence);
            let action = t.next();
            let uncertain = m.uncertain.then(|| t.next());
            let kind = match m.kind {
                KindMeta::System(fr, sl) => ItemKind::SystemRequirement { fr, level: SecurityLevel::new_const(sl) },
                KindMeta::Process => ItemKind::Process,
                KindMeta::Component(fr, sl, types) => {
                    ItemKind::ComponentRequirement { fr, level: SecurityLevel::new_const(sl), types }
                }
                KindMeta::Maturity => {
                    ItemKind::Maturity { area: t.next(), levels: [t.next(), t.next(), t.next(), t.next()] }
                }
            };
            Item {
                id,
                part: m.part,
                refs,
                title,
                question,
                why,
                evidence,
                action,
                effort: m.effort,
                phase: m.phase,
                kind,
                quick_scan: m.quick_scan,
                uncertain,
                ask_vendor: m.ask_vendor,
                groundwork: m.groundwork,
            }
        })
        .collect()
}

/// The item with this id.
pub fn item(id: &str) -> Option<&'static Item> {
    item_index(id).map(|i| &ITEMS[i])
}

/// FNV-1a: a fast hash for the short item ids.
fn id_hash(id: &str) -> usize {
    let mut h: u32 = 0x811c_9dc5;
    for b in id.bytes() {
        h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    h as usize
}

/// Item id to position in [`ITEMS`]: an open-addressing table (FNV-1a, linear probing, at most a third
/// full) of positions, `u16::MAX` for an empty slot. Answers are looked up by id in scoring's inner loops:
/// this is as fast as a hash map with less code in the wasm than `HashMap`, and much faster than a binary
/// search over strings.
fn id_table() -> &'static [u16] {
    static TABLE: std::sync::OnceLock<Vec<u16>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = vec![u16::MAX; (ITEMS.len() * 3).next_power_of_two().max(64)];
        let mask = table.len() - 1;
        for (i, item) in ITEMS.iter().enumerate() {
            let mut slot = id_hash(item.id) & mask;
            while table[slot] != u16::MAX {
                slot = (slot + 1) & mask;
            }
            table[slot] = i as u16;
        }
        table
    })
}

/// The position in [`ITEMS`] of the item with this id.
pub fn item_index(id: &str) -> Option<usize> {
    let table = id_table();
    let mask = table.len() - 1;
    let mut slot = id_hash(id) & mask;
    loop {
        let i = usize::from(*table.get(slot)?);
        if i == usize::from(u16::MAX) {
            return None;
        }
        if ITEMS.get(i)?.id == id {
            return Some(i);
        }
        slot = (slot + 1) & mask;
    }
}

/// The position of a catalogue item in [`ITEMS`] (every `&'static Item` the catalogue hands out is one
/// of its elements).
pub fn index_of(item: &Item) -> usize {
    let offset = (item as *const Item as usize).wrapping_sub(ITEMS.as_ptr() as usize);
    let index = offset / std::mem::size_of::<Item>();
    debug_assert!(index < ITEMS.len() && std::ptr::eq(&ITEMS[index], item), "not a catalogue item");
    index
}

/// Where an item comes when items are sorted by requirement: its id in natural order, numbers compared as
/// numbers (`sr-1.3` before `sr-1.10`, `sr-1.1` before `sr-1.1-re1`, `sr-7.4` before its split question
/// `sr-7.4-b`; sorted at build time by the `alphanumeric-sort` crate). The ids carry the requirement's numbers under one prefix
/// per part, where the references of IEC 62443-4-2 change prefix with the component type (`CR 1.5`,
/// `NDR 1.6`, `CR 1.7`). Every list ordered by requirement uses it as its last key, so no list puts
/// `SR 1.13` before `SR 1.3`.
///
/// ```
/// use iec62443_assess::catalogue::{item, reference_rank};
/// let rank = |id| reference_rank(item(id).unwrap());
/// assert!(rank("sr-1.3") < rank("sr-1.10"));
/// assert!(rank("sr-1.1") < rank("sr-1.1-re1"));
/// assert!(rank("sr-7.4") < rank("sr-7.4-b"));
/// ```
pub fn reference_rank(item: &Item) -> usize {
    // Sorted by build.rs, which reads the questionnaires.
    usize::from(REFERENCE_RANKS[index_of(item)])
}

/// The items of one part, in catalogue order.
pub fn items_of(part: Part) -> impl Iterator<Item = &'static Item> {
    ITEMS.iter().filter(move |i| i.part == part)
}

/// The 3-3 items of one FR, in catalogue order.
pub fn items_of_fr(fr: Fr) -> impl Iterator<Item = &'static Item> {
    ITEMS.iter().filter(move |i| i.part == Part::SystemRequirements && i.fr() == Some(fr))
}

/// The 4-2 items of one FR that apply to a component type, in catalogue order.
pub fn component_items(fr: Fr, component: ComponentType) -> impl Iterator<Item = &'static Item> {
    ITEMS.iter().filter(move |i| i.fr() == Some(fr) && i.applies_to(component))
}

/// The areas of one maturity part, in catalogue order.
pub fn areas_of(part: Part) -> impl Iterator<Item = &'static ProgrammeArea> {
    PROGRAMME_AREAS.iter().filter(move |a| a.part == part)
}

/// The items of one programme area.
pub fn items_of_area(area: &str) -> impl Iterator<Item = &'static Item> + '_ {
    ITEMS.iter().filter(move |i| i.area() == Some(area))
}

/// The programme area with this id.
pub fn programme_area(id: &str) -> Option<&'static ProgrammeArea> {
    PROGRAMME_AREAS.iter().find(|a| a.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding_reads_every_generated_text_exactly_once() {
        let expected: usize = ITEM_META
            .iter()
            .map(|m| {
                let maturity = if matches!(m.kind, KindMeta::Maturity) { 5 } else { 0 };
                1 + usize::from(m.refs) + 3 + usize::from(m.evidence) + 1 + usize::from(m.uncertain) + maturity
            })
            .sum();
        assert_eq!(text_block(0).matches('\u{1f}').count(), expected);
        assert!(text_block(0).ends_with('\u{1f}'));
        assert_eq!(ITEMS.len(), ITEM_META.len());
        assert_eq!(REFERENCE_RANKS.len(), ITEM_META.len(), "one rank per item");
        let mut ranks = REFERENCE_RANKS.to_vec();
        ranks.sort_unstable();
        assert!(ranks.iter().enumerate().all(|(i, r)| usize::from(*r) == i), "every rank once");
        assert_eq!(ITEMS.first().map(|i| i.id), text_block(0).split('\u{1f}').next());
    }

    #[test]
    fn areas_and_wizard_read_every_generated_text_exactly_once() {
        let area_texts: usize = AREA_META.iter().map(|(_, refs)| 2 + usize::from(*refs)).sum();
        assert_eq!(text_block(1).matches('\u{1f}').count(), area_texts);
        assert_eq!(PROGRAMME_AREAS.len(), AREA_META.len());
        let wizard_texts: usize = WIZARD_META.iter().map(|(_, options)| 3 + 3 * options.len()).sum();
        assert_eq!(text_block(2).matches('\u{1f}').count(), wizard_texts);
        assert_eq!(WIZARD_QUESTIONS.len(), WIZARD_META.len());
    }
}
