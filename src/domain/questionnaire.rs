//! How the questionnaire is organised: its sections (by part, foundational requirement and programme
//! area), which questions a section shows for the chosen zone or product and filters, and where an answer
//! given there is recorded. The Questionnaire step only displays what these functions decide.

use crate::domain::answers::Status;
use crate::domain::assessment::{AnswerScope, Assessment, Zone};
use crate::domain::catalogue::{self, Fr, Item, ItemKind, Part, PROGRAMME_AREAS};

/// A section of the questionnaire.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    /// IEC 62443-3-2, answered once per assessment.
    Process,
    /// IEC 62443-3-3, one foundational requirement, answered per zone.
    Fr(Fr),
    /// A programme area of IEC 62443-2-1, 2-4 or 4-1, by its id (e.g. `net`).
    Area(&'static str),
    /// IEC 62443-4-2, one foundational requirement, answered per product.
    Component(Fr),
}

impl Section {
    /// Every section, in questionnaire order: 3-2, the seven FRs of 3-3, the programme areas of 2-1, 2-4
    /// and 4-1, then the seven FRs of 4-2. Parts the profile's roles do not answer are still listed.
    ///
    /// ```
    /// use iec62443_assess::questionnaire::Section;
    /// let all = Section::all();
    /// assert_eq!(all[0], Section::Process);
    /// assert_eq!(all[1].slug(), "fr1");
    /// ```
    pub fn all() -> Vec<Section> {
        let mut sections = vec![Section::Process];
        sections.extend(Fr::ALL.into_iter().map(Section::Fr));
        for part in Part::MATURITY {
            sections.extend(PROGRAMME_AREAS.iter().filter(|a| a.part == part).map(|a| Section::Area(a.id)));
        }
        sections.extend(Fr::ALL.into_iter().map(Section::Component));
        sections
    }

    /// The sections of the parts the assessment asks, in questionnaire order.
    pub fn asked(a: &Assessment) -> Vec<Section> {
        Section::all().into_iter().filter(|s| a.answers_part(s.part())).collect()
    }

    /// The first asked section with a question left to answer.
    pub fn first_open(a: &Assessment) -> Option<Section> {
        let tables = a.response_tables();
        Section::asked(a).into_iter().find(|s| {
            let (done, total) = a.progress_with(s.items(), &tables);
            done < total
        })
    }

    /// The heading: "Risk assessment, zones and conduits", "FR1 Identification and authentication
    /// control", or the programme area's title.
    pub fn title(self) -> String {
        match self {
            Section::Process => "Risk assessment, zones and conduits".to_string(),
            Section::Fr(fr) | Section::Component(fr) => format!("{} {}", fr.code(), fr.name()),
            Section::Area(id) => catalogue::programme_area(id).map(|a| a.title.to_string()).unwrap_or_default(),
        }
    }

    /// The part of IEC 62443 the section belongs to.
    pub fn part(self) -> Part {
        match self {
            Section::Process => Part::RiskAssessment,
            Section::Fr(_) => Part::SystemRequirements,
            Section::Area(id) => catalogue::programme_area(id).map_or(Part::Programme, |a| a.part),
            Section::Component(_) => Part::ComponentRequirements,
        }
    }

    /// A stable name for links and tests: `zcr`, `fr1`..`fr7`, the area id, `cr-fr1`..`cr-fr7`.
    pub fn slug(self) -> String {
        match self {
            Section::Process => "zcr".to_string(),
            Section::Fr(fr) => fr.code().to_ascii_lowercase(),
            Section::Area(id) => id.to_string(),
            Section::Component(fr) => format!("cr-{}", fr.code().to_ascii_lowercase()),
        }
    }

    /// The section with this slug.
    pub fn from_slug(slug: &str) -> Option<Section> {
        Section::all().into_iter().find(|s| s.slug() == slug)
    }

    /// The section that asks `item`: the one whose [`Section::items`] hold it.
    ///
    /// ```
    /// use iec62443_assess::questionnaire::Section;
    /// use iec62443_assess::{item, Fr};
    /// assert_eq!(Section::of(item("sr-1.1").unwrap()), Section::Fr(Fr::Fr1));
    /// assert_eq!(Section::of(item("zcr-3.5").unwrap()), Section::Process);
    /// assert_eq!(Section::of(item("net-1").unwrap()), Section::Area("net"));
    /// ```
    pub fn of(item: &Item) -> Section {
        match item.kind {
            ItemKind::SystemRequirement { fr, .. } => Section::Fr(fr),
            ItemKind::ComponentRequirement { fr, .. } => Section::Component(fr),
            ItemKind::Maturity { area, .. } => Section::Area(area),
            ItemKind::Process => Section::Process,
        }
    }

    /// The catalogue items of the section, in catalogue order (before any filter).
    pub fn items(self) -> impl Iterator<Item = &'static Item> {
        catalogue::ITEMS.iter().filter(move |i| match self {
            Section::Process => i.part == Part::RiskAssessment,
            Section::Fr(fr) => i.part == Part::SystemRequirements && i.fr() == Some(fr),
            Section::Area(id) => i.area() == Some(id),
            Section::Component(fr) => i.part == Part::ComponentRequirements && i.fr() == Some(fr),
        })
    }

    /// Answered and asked questions of the section (see [`Assessment::progress_of`]).
    pub fn progress(self, a: &Assessment) -> (usize, usize) {
        a.progress_of(self.items())
    }
}

/// Where the questionnaire opens: the section the user was last in ([`Assessment::last_section`]) while
/// the profile still asks its part, else the first section with a question left, else the first asked
/// one (3-2 when none is); and the zone they were answering for in the sections of IEC 62443-3-3
/// ([`Assessment::last_zone`]) while that zone exists.
///
/// ```
/// use iec62443_assess::questionnaire::{resume_at, Section, ZoneChoice};
/// use iec62443_assess::{Assessment, Fr, Zone};
/// let mut a = Assessment::new("a1", "Plant", "2026-11-20T09:00:00Z");
/// a.zones.push(Zone::new("z1", "Cell A"));
/// a.last_section = "fr3".into();
/// a.last_zone = "z1".into();
/// assert_eq!(resume_at(&a), (Section::Fr(Fr::Fr3), ZoneChoice::One("z1".into())));
/// ```
pub fn resume_at(a: &Assessment) -> (Section, ZoneChoice) {
    let asked = Section::asked(a);
    let section = Section::from_slug(&a.last_section)
        .filter(|s| asked.contains(s))
        .or_else(|| Section::first_open(a))
        .or_else(|| asked.first().copied())
        .unwrap_or(Section::Process);
    let zone = if a.zone(&a.last_zone).is_some() { ZoneChoice::One(a.last_zone.clone()) } else { ZoneChoice::All };
    (section, zone)
}

/// Answered and asked questions of every section, in [`Section::all`] order, reading each answer once.
pub fn section_progress(a: &Assessment) -> Vec<(Section, (usize, usize))> {
    let tables = a.response_tables();
    Section::all().into_iter().map(|s| (s, a.progress_with(s.items(), &tables))).collect()
}

/// Whose answers the 3-3 questions show and change: the answer shared by all zones, or one zone's.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum ZoneChoice {
    /// One answer for every zone without an answer of its own.
    #[default]
    All,
    /// One zone, by id: its own answer, or else the all-zones one.
    One(String),
}

impl ZoneChoice {
    /// From a `<select>` value: empty for all zones, else a zone id.
    pub fn from_value(value: &str) -> ZoneChoice {
        if value.is_empty() {
            ZoneChoice::All
        } else {
            ZoneChoice::One(value.to_string())
        }
    }

    /// The `<select>` value: empty for all zones, else the zone id.
    pub fn value(&self) -> &str {
        match self {
            ZoneChoice::All => "",
            ZoneChoice::One(id) => id,
        }
    }
}

/// The questionnaire's filters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Filters {
    /// Only questions still unanswered (for at least one of the zones shown).
    pub unanswered_only: bool,
    /// Also requirements above the target level of every zone shown (or the product's aimed level).
    pub all_levels: bool,
}

/// The questions `section` shows for the zone and product chosen and the filters, in catalogue order.
///
/// - Items of parts the profile does not answer, and items outside the quick scan in quick mode, are left
///   out ([`Assessment::asks`]).
/// - 3-3 items are shown when at least one of the zones shown (all zones, or the chosen one) needs them
///   at its target level, or for every zone with `all_levels`; none without zones.
/// - 4-2 items follow the chosen product (by id): its component type and aimed level; none when the
///   product does not exist.
/// - With `unanswered_only`, an item stays while it is unanswered for at least one zone shown.
pub fn visible_items(
    a: &Assessment,
    section: Section,
    zone: &ZoneChoice,
    product: &str,
    filters: Filters,
) -> Vec<&'static Item> {
    let Filters { unanswered_only, all_levels } = filters;
    section
        .items()
        .filter(|item| a.asks(item))
        .filter(|item| match item.part {
            Part::ComponentRequirements => {
                let Some(p) = a.product(product) else { return false };
                let relevant = item.applies_to(p.component_type) && (all_levels || a.in_product_scope(p, item));
                relevant && (!unanswered_only || a.status(Some(&p.id), item) == Status::Unanswered)
            }
            Part::SystemRequirements => {
                let zones: Vec<&Zone> = match zone {
                    ZoneChoice::All => a.zones.iter().collect(),
                    ZoneChoice::One(z) => a.zone(z).into_iter().collect(),
                };
                let relevant: Vec<&Zone> = zones.into_iter().filter(|z| all_levels || a.in_scope(z, item)).collect();
                !relevant.is_empty()
                    && (!unanswered_only || relevant.iter().any(|z| a.status(Some(&z.id), item) == Status::Unanswered))
            }
            _ => !unanswered_only || a.status(None, item) == Status::Unanswered,
        })
        .collect()
}

/// Where an answer to `item` given in the questionnaire is recorded, for the zone and product chosen.
///
/// ```
/// use iec62443_assess::questionnaire::{answer_scope, ZoneChoice};
/// use iec62443_assess::{item, AnswerScope};
/// let sr = item("sr-1.1").unwrap();
/// assert_eq!(answer_scope(sr, &ZoneChoice::All, ""), AnswerScope::AllZones);
/// assert_eq!(answer_scope(sr, &ZoneChoice::One("z2".into()), ""), AnswerScope::Zone("z2".into()));
/// ```
pub fn answer_scope(item: &Item, zone: &ZoneChoice, product: &str) -> AnswerScope {
    match (item.part, zone) {
        (Part::ComponentRequirements, _) => AnswerScope::Product(product.to_string()),
        (Part::SystemRequirements, ZoneChoice::All) => AnswerScope::AllZones,
        (Part::SystemRequirements, ZoneChoice::One(z)) => AnswerScope::Zone(z.clone()),
        _ => AnswerScope::Assessment,
    }
}

/// The small print of a question card: "FR1 · from SL 2", "Once per assessment", the component types of a
/// 4-2 item, or a programme area's identifiers.
pub fn level_text(item: &Item) -> String {
    match item.kind {
        ItemKind::SystemRequirement { fr, level } => format!("{} · from SL {}", fr.code(), level),
        ItemKind::Process => "Once per assessment".to_string(),
        ItemKind::ComponentRequirement { fr, level, types } => format!(
            "{} · from SL {} · {}",
            fr.code(),
            level,
            types.iter().map(|t| t.code()).collect::<Vec<_>>().join("/")
        ),
        ItemKind::Maturity { area, .. } => {
            catalogue::programme_area(area).map(|a| a.refs.join(", ")).unwrap_or_default()
        }
    }
}

/// The sentence under a section's heading: what the questions are about and whose answers are shown.
pub fn section_intro(a: &Assessment, section: Section, zone: &ZoneChoice, product: &str) -> String {
    match section {
        Section::Process => "These questions are about how the system was analysed and partitioned (IEC 62443-3-2). They are answered once for the whole assessment.".to_string(),
        Section::Fr(_) => match zone {
            ZoneChoice::All => "Answer once for all zones; pick a zone above to see its own answers or to override one for that zone. Only requirements up to each zone's target level are asked.".to_string(),
            ZoneChoice::One(z) => {
                let name = a.zone(z).map(|z| z.name.clone()).unwrap_or_default();
                format!("Answers for zone \"{name}\". An answer given for all zones applies here unless you change it for this zone.")
            }
        },
        Section::Area(id) => {
            let Some(area) = catalogue::programme_area(id) else { return String::new() };
            let whose = match area.part {
                Part::ServiceProvider => "in the services you deliver to asset owners",
                Part::DevelopmentLifecycle => "in how you develop and maintain your products",
                _ => "across the organisation",
            };
            format!("Rate how established each practice of \"{}\" is {whose} ({}).", area.title, area.part.document())
        }
        Section::Component(_) => {
            let name = a.product(product).map(|p| format!("{} ({})", p.name, p.component_type.code())).unwrap_or_default();
            format!("What the product {name} can do as shipped (IEC 62443-4-2). Only requirements of its component type, up to the capability level you aim for, are asked. A compensating control is not offered: it counts for a system's SL-A, not for a component's SL-C.")
        }
    }
}
