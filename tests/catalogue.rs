//! The generated catalogue, checked natively against `reference/` (on top of the checks in build.rs): the
//! content the app ships is the content the standard's structure calls for.

use iec62443_assess::*;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};

fn reference(file: &str) -> Value {
    let path = format!("{}/reference/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path} is not valid JSON: {e}"))
}

fn text<'a>(value: &'a Value, field: &str) -> &'a str {
    value[field].as_str().unwrap_or_else(|| panic!("`{field}` is not a string in {value}"))
}

/// One SR or RE of the SL map.
struct Requirement {
    fr: Fr,
    level: u8,
    title: String,
    /// Whether public sources disagree on its level.
    uncertain: bool,
}

/// Every SR and RE of `reference/iec62443-3-3-sl-map.json`, by identifier (`SR 1.1`, `SR 1.1 RE(1)`).
fn sl_map() -> BTreeMap<String, Requirement> {
    let mut map = BTreeMap::new();
    for sr in reference("iec62443-3-3-sl-map.json").as_array().expect("the SL map is a list") {
        let fr = Fr::parse(text(sr, "fr")).expect("FR1..FR7");
        let level = |v: &Value| u8::try_from(v["sl"].as_u64().expect("sl is a number")).expect("small");
        let entries = std::iter::once(sr).chain(sr["re"].as_array().expect("re is a list"));
        for entry in entries {
            let requirement = Requirement {
                fr,
                level: level(entry),
                title: text(entry, "title").to_string(),
                uncertain: entry.get("uncertain").is_some_and(|u| !u.is_null()),
            };
            let previous = map.insert(text(entry, "id").to_string(), requirement);
            assert!(previous.is_none(), "{} appears twice in the SL map", text(entry, "id"));
        }
    }
    map
}

/// Identifiers of `reference/iec62443-3-2-zcr.json`.
fn zcr_ids() -> BTreeSet<String> {
    let zcr = reference("iec62443-3-2-zcr.json");
    zcr.as_array().expect("a list").iter().map(|z| text(z, "id").to_string()).collect()
}

/// Element identifier (`NET 1`) or SPE identifier (`SPE 3`) -> its SPE, from
/// `reference/iec62443-2-1-elements.json`.
fn programme_elements() -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    for spe in reference("iec62443-2-1-elements.json").as_array().expect("a list") {
        let spe_id = text(spe, "id").to_string();
        for element in spe["elements"].as_array().expect("elements is a list") {
            map.insert(text(element, "id").to_string(), spe_id.clone());
        }
        map.insert(spe_id.clone(), spe_id);
    }
    map
}

/// Identifier (`SP.07`) -> title of the twelve capability areas of `reference/iec62443-2-4-areas.json`.
fn capability_areas() -> BTreeMap<String, String> {
    let areas = reference("iec62443-2-4-areas.json");
    areas
        .as_array()
        .expect("a list")
        .iter()
        .map(|a| (text(a, "id").to_string(), text(a, "title").to_string()))
        .collect()
}

/// The practices of `reference/iec62443-4-1-practices.json`.
struct Practices {
    /// Practice identifier (`SM`) -> title.
    titles: BTreeMap<String, String>,
    /// Requirement identifier (`SM-1`) -> (its practice, its title).
    requirements: BTreeMap<String, (String, String)>,
}

fn practices() -> Practices {
    let mut practices = Practices { titles: BTreeMap::new(), requirements: BTreeMap::new() };
    for practice in reference("iec62443-4-1-practices.json").as_array().expect("a list") {
        let id = text(practice, "id").to_string();
        practices.titles.insert(id.clone(), text(practice, "title").to_string());
        for requirement in practice["requirements"].as_array().expect("requirements is a list") {
            let previous = practices
                .requirements
                .insert(text(requirement, "id").to_string(), (id.clone(), text(requirement, "title").to_string()));
            assert!(previous.is_none(), "{} appears twice in the 4-1 reference", text(requirement, "id"));
        }
    }
    practices
}

/// One CR or RE of `reference/iec62443-4-2-cr.json`.
struct ComponentRequirement {
    fr: Fr,
    level: u8,
    title: String,
    /// `CR 2.1` for a common requirement, `SAR 2.4`, `EDR 2.4`... for a type-specific one.
    refs: BTreeSet<String>,
    types: BTreeSet<ComponentType>,
    /// Whether it is a requirement (not an enhancement).
    is_requirement: bool,
    uncertain: bool,
}

fn component_type(code: &str) -> ComponentType {
    ComponentType::ALL.into_iter().find(|t| t.code() == code).unwrap_or_else(|| panic!("unknown component type {code}"))
}

/// Every CR and RE of the 4-2 reference, by the id its item must have (`cr-2.4`, `cr-2.4-re1`).
fn component_requirements() -> BTreeMap<String, ComponentRequirement> {
    let mut map = BTreeMap::new();
    for cr in reference("iec62443-4-2-cr.json").as_array().expect("a list") {
        let number = text(cr, "number");
        let fr = Fr::parse(text(cr, "fr")).expect("FR1..FR7");
        let type_specific = cr["type_specific"].as_bool().expect("type_specific is a boolean");
        let entries = std::iter::once((cr, None)).chain(
            cr["re"]
                .as_array()
                .expect("re is a list")
                .iter()
                .map(|re| (re, Some(re["number"].as_u64().expect("a number")))),
        );
        for (entry, re) in entries {
            let types: Vec<&str> = entry["types"]
                .as_array()
                .expect("types is a list")
                .iter()
                .map(|t| t.as_str().expect("a code"))
                .collect();
            let suffix = re.map_or(String::new(), |n| format!(" RE({n})"));
            let refs = if type_specific {
                types.iter().map(|t| format!("{t} {number}{suffix}")).collect()
            } else {
                BTreeSet::from([format!("CR {number}{suffix}")])
            };
            let id = match re {
                None => format!("cr-{number}"),
                Some(n) => format!("cr-{number}-re{n}"),
            };
            let requirement = ComponentRequirement {
                fr,
                level: u8::try_from(entry["sl"].as_u64().expect("sl is a number")).expect("small"),
                title: text(entry, "title").to_string(),
                refs,
                types: types.into_iter().map(component_type).collect(),
                is_requirement: re.is_none(),
                uncertain: entry.get("uncertain").is_some_and(|u| !u.is_null()),
            };
            assert!(map.insert(id.clone(), requirement).is_none(), "{id} appears twice in the 4-2 reference");
        }
    }
    map
}

/// The 3-3 items, one per requirement: items split off a requirement's main item are left out.
fn system_requirements() -> impl Iterator<Item = &'static Item> {
    catalogue::items_of(Part::SystemRequirements).filter(|i| i.split_of().is_none())
}

/// Whether an item's title is the requirement's short public title, or that title followed by ": " and the
/// aspect one of its split questions asks about.
fn carries_title(item: &Item, public: &str) -> bool {
    item.title == public || item.title.strip_prefix(public).is_some_and(|rest| rest.starts_with(": "))
}

/// Items of `fr` (or of every FR) whose lowest level is at most `level`.
fn count_up_to(fr: Option<Fr>, level: u8) -> usize {
    system_requirements().filter(|i| fr.is_none_or(|f| i.fr() == Some(f)) && i.level() <= Some(sl(level))).count()
}

fn sl(level: u8) -> SecurityLevel {
    SecurityLevel::new(level).expect("0..=4")
}

#[test]
fn item_ids_are_unique() {
    let mut seen = BTreeSet::new();
    for item in ITEMS {
        assert!(seen.insert(item.id), "two items have the id {}", item.id);
    }
}

#[test]
fn each_part_is_answered_with_its_own_kind_of_item() {
    for item in ITEMS {
        let fits = match item.part {
            Part::SystemRequirements => matches!(item.kind, ItemKind::SystemRequirement { .. }),
            Part::RiskAssessment => matches!(item.kind, ItemKind::Process),
            Part::Programme | Part::ServiceProvider | Part::DevelopmentLifecycle => {
                matches!(item.kind, ItemKind::Maturity { .. })
            }
            Part::ComponentRequirements => matches!(item.kind, ItemKind::ComponentRequirement { .. }),
        };
        assert!(fits, "{} is in part {:?} but is scored as {:?}", item.id, item.part, item.kind);
    }
}

#[test]
fn every_3_3_requirement_and_enhancement_has_exactly_one_item_with_the_fr_and_level_of_the_map() {
    let map = sl_map();
    assert_eq!(map.len(), 100, "IEC 62443-3-3 has 51 SRs and 49 REs");
    for (id, requirement) in &map {
        let items: Vec<&Item> = system_requirements().filter(|i| i.main_ref() == id).collect();
        assert_eq!(items.len(), 1, "{id} should have exactly one item, has {}", items.len());
        let item = items[0];
        assert_eq!(item.fr(), Some(requirement.fr), "FR of {id}");
        assert_eq!(item.level(), Some(sl(requirement.level)), "lowest SL of {id}");
        assert!(carries_title(item, &requirement.title), "{id} should carry its short public title");
    }
    for item in system_requirements() {
        assert!(
            map.contains_key(item.main_ref()),
            "{} cites {}, which the SL map does not have",
            item.id,
            item.main_ref()
        );
    }
}

#[test]
fn split_items_ask_one_more_question_of_their_main_item_s_requirement() {
    let split: Vec<&Item> = ITEMS.iter().filter(|i| i.split_of().is_some()).collect();
    assert_eq!(split.iter().map(|i| i.id).collect::<Vec<_>>(), ["sr-7.4-b", "cr-1.10-b"]);
    for item in split {
        let main = catalogue::item(item.split_of().expect("split")).expect("the main item exists");
        assert_eq!((item.part, item.refs, item.kind), (main.part, main.refs, main.kind), "{}", item.id);
        assert_ne!(item.question, main.question);
        assert_ne!(item.title, main.title, "{} names the aspect it asks about", item.id);
        let public = main.title.split(": ").next().expect("a title");
        assert!(carries_title(item, public) && carries_title(main, public), "{} and its main item", item.id);
    }
}

#[test]
fn system_requirement_ids_follow_their_main_reference() {
    for item in system_requirements() {
        // "SR 1.1 RE(2)" -> "sr-1.1-re2"
        let expected = item.main_ref().to_lowercase().replace("sr ", "sr-").replace(" re(", "-re").replace(')', "");
        assert_eq!(item.id, expected);
    }
}

#[test]
fn cumulative_counts_are_37_60_90_and_100_items_at_sl1_to_sl4() {
    assert_eq!([1, 2, 3, 4].map(|level| count_up_to(None, level)), [37, 60, 90, 100]);
}

#[test]
fn cumulative_counts_per_fr_match_the_standard() {
    // Items whose lowest level is at most SL1, SL2, SL3, SL4, counted by hand from the SL map.
    let expected = [
        (Fr::Fr1, [10, 16, 22, 24]),
        (Fr::Fr2, [8, 12, 21, 24]),
        (Fr::Fr3, [5, 10, 16, 19]),
        (Fr::Fr4, [2, 4, 5, 6]),
        (Fr::Fr5, [4, 6, 10, 11]),
        (Fr::Fr6, [1, 2, 3, 3]),
        (Fr::Fr7, [7, 10, 13, 13]),
    ];
    let map = sl_map();
    for (fr, counts) in expected {
        assert_eq!([1, 2, 3, 4].map(|level| count_up_to(Some(fr), level)), counts, "catalogue, {fr}");
        let in_map = [1, 2, 3, 4].map(|level| map.values().filter(|r| r.fr == fr && r.level <= level).count());
        assert_eq!(in_map, counts, "reference map, {fr}");
    }
}

#[test]
fn every_reference_of_every_item_resolves_to_the_reference_files() {
    let sr = sl_map();
    let zcr = zcr_ids();
    let elements = programme_elements();
    let capability_areas = capability_areas();
    let practices = practices();
    let components = component_requirements();
    let component_refs: BTreeSet<&str> = components.values().flat_map(|c| c.refs.iter().map(String::as_str)).collect();
    for item in ITEMS {
        assert!(!item.refs.is_empty(), "{} cites nothing", item.id);
        for r in item.refs {
            let known = match item.part {
                Part::SystemRequirements => sr.contains_key(*r),
                Part::RiskAssessment => zcr.contains(*r),
                Part::Programme => elements.contains_key(*r),
                Part::ServiceProvider => capability_areas.contains_key(*r),
                Part::DevelopmentLifecycle => practices.requirements.contains_key(*r),
                Part::ComponentRequirements => component_refs.contains(*r),
            };
            assert!(known, "{} cites {r}, which is not in reference/", item.id);
        }
    }
    for area in PROGRAMME_AREAS {
        for r in area.refs {
            let known = match area.part {
                Part::Programme => elements.get(*r) == Some(&r.to_string()),
                Part::ServiceProvider => capability_areas.contains_key(*r),
                Part::DevelopmentLifecycle => practices.titles.contains_key(*r),
                other => panic!("area {} belongs to {}, which has no areas", area.id, other.document()),
            };
            assert!(
                known,
                "area {} cites {r}, which is not an area of {} in reference/",
                area.id,
                area.part.document()
            );
        }
    }
}

#[test]
fn programme_items_cite_an_element_of_their_own_area_first() {
    let elements = programme_elements();
    for item in catalogue::items_of(Part::Programme) {
        let area = programme_area(item.area().expect("a 2-1 item has an area")).expect("a known area");
        assert_eq!(elements.get(item.main_ref()), Some(&area.refs[0].to_string()), "{}", item.id);
    }
}

#[test]
fn process_items_cover_zcr_1_to_7() {
    for n in 1..=7 {
        let prefix = format!("ZCR {n}.");
        let covered = catalogue::items_of(Part::RiskAssessment).any(|i| i.main_ref().starts_with(&prefix));
        assert!(covered, "no 3-2 item cites ZCR {n}");
    }
}

#[test]
fn questions_explanations_and_actions_are_never_empty_nor_repeated() {
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    for item in ITEMS {
        assert!(!item.title.trim().is_empty(), "{} has no title", item.id);
        for (field, value) in [("question", item.question), ("why", item.why), ("action", item.action)] {
            assert!(!value.trim().is_empty(), "{}.{field} is empty", item.id);
            let place = format!("{}.{field}", item.id);
            if let Some(other) = seen.insert(value.trim().to_lowercase(), place.clone()) {
                panic!("{place} repeats the text of {other}");
            }
        }
    }
}

#[test]
fn every_item_lists_two_to_four_distinct_evidence_examples() {
    for item in ITEMS {
        assert!((2..=4).contains(&item.evidence.len()), "{} has {} evidence examples", item.id, item.evidence.len());
        assert!(item.evidence.iter().all(|e| !e.trim().is_empty()), "{} has an empty evidence example", item.id);
        let distinct: BTreeSet<&str> = item.evidence.iter().copied().collect();
        assert_eq!(distinct.len(), item.evidence.len(), "{} repeats an evidence example", item.id);
    }
}

#[test]
fn every_item_has_an_action_an_effort_and_a_phase() {
    for item in ITEMS {
        assert!(!item.action.trim().is_empty(), "{} has no action", item.id);
    }
    // Effort and phase are enums, so each item has one; that every value occurs shows that the build did
    // not map the files' values onto one default.
    let efforts: BTreeSet<Effort> = ITEMS.iter().map(|i| i.effort).collect();
    assert_eq!(efforts, BTreeSet::from([Effort::Small, Effort::Medium, Effort::Large]));
    let phases: BTreeSet<Phase> = ITEMS.iter().map(|i| i.phase).collect();
    assert_eq!(phases, BTreeSet::from(Phase::ALL));
}

#[test]
fn maturity_items_have_four_level_descriptions_and_a_known_area_of_their_own_part() {
    for item in Part::MATURITY.into_iter().flat_map(catalogue::items_of) {
        let ItemKind::Maturity { area, levels } = item.kind else { panic!("{} is not a maturity item", item.id) };
        let known = programme_area(area).unwrap_or_else(|| panic!("{} is in unknown area {area}", item.id));
        assert_eq!(known.part, item.part, "{} is in area {area} of another part", item.id);
        assert!(levels.iter().all(|l| !l.trim().is_empty()), "{} has an empty level description", item.id);
        let distinct: BTreeSet<&str> = levels.iter().copied().collect();
        assert_eq!(distinct.len(), 4, "{} repeats a level description", item.id);
    }
}

#[test]
fn each_of_the_eight_programme_areas_has_items() {
    assert_eq!(catalogue::areas_of(Part::Programme).count(), 8);
    let ids: BTreeSet<&str> = PROGRAMME_AREAS.iter().map(|a| a.id).collect();
    assert_eq!(ids.len(), PROGRAMME_AREAS.len(), "area ids are unique over every maturity part");
    assert_eq!(PROGRAMME_AREAS.len(), 8 + 12 + 8, "2-1 elements, 2-4 capability areas, 4-1 practices");
    for area in PROGRAMME_AREAS {
        assert!(Part::MATURITY.contains(&area.part), "area {} belongs to a part without areas", area.id);
        assert!(!area.title.trim().is_empty(), "area {} has no title", area.id);
        assert!(catalogue::items_of_area(area.id).count() >= 1, "area {} has no items", area.id);
    }
}

// --- IEC 62443-2-4 ------------------------------------------------------------------------------------------

#[test]
fn the_twelve_capability_areas_of_2_4_are_sp01_to_sp12_with_the_reference_titles_and_items() {
    let reference = capability_areas();
    assert_eq!(reference.len(), 12);
    let areas: Vec<&ProgrammeArea> = catalogue::areas_of(Part::ServiceProvider).collect();
    let ids: Vec<&str> = areas.iter().map(|a| a.id).collect();
    let expected: Vec<String> = (1..=12).map(|n| format!("sp{n:02}")).collect();
    assert_eq!(ids, expected, "in order");
    for (n, area) in (1..=12).zip(&areas) {
        let identifier = format!("SP.{n:02}");
        assert_eq!(area.refs, [identifier.as_str()], "area {}", area.id);
        assert_eq!(Some(&area.title.to_string()), reference.get(&identifier), "title of {identifier}");
        assert!(catalogue::items_of_area(area.id).count() >= 1, "area {} has no items", area.id);
    }
}

#[test]
fn capability_items_are_numbered_within_their_area_and_cite_it() {
    let items: Vec<&Item> = catalogue::items_of(Part::ServiceProvider).collect();
    assert_eq!(items.len(), 36);
    for item in items {
        let area = programme_area(item.area().expect("a 2-4 item has an area")).expect("a known area");
        assert_eq!(area.part, Part::ServiceProvider, "{}", item.id);
        let (prefix, number) = item.id.split_once('-').expect("an id like sp07-2");
        assert_eq!(prefix, area.id, "{} belongs to area {}", item.id, area.id);
        assert!(number.parse::<u8>().is_ok_and(|n| n >= 1), "{} is numbered from 1", item.id);
        assert_eq!(item.refs, area.refs, "{} cites its area", item.id);
    }
}

// --- IEC 62443-4-1 ------------------------------------------------------------------------------------------

#[test]
fn every_4_1_requirement_has_exactly_one_item_with_its_title_in_its_practice() {
    let reference = practices();
    assert_eq!(reference.titles.len(), 8);
    assert_eq!(reference.requirements.len(), 47);
    let items: Vec<&Item> = catalogue::items_of(Part::DevelopmentLifecycle).collect();
    assert_eq!(items.len(), 47);
    for (identifier, (practice, title)) in &reference.requirements {
        let citing: Vec<&&Item> = items.iter().filter(|i| i.main_ref() == identifier).collect();
        assert_eq!(citing.len(), 1, "{identifier} should have exactly one item, has {}", citing.len());
        let item = citing[0];
        assert_eq!(item.id, format!("sdl-{}", identifier.to_lowercase()), "id of {identifier}");
        assert_eq!(item.refs, [identifier.as_str()]);
        assert_eq!(item.title, title, "{identifier} should carry its short public title");
        let area = programme_area(item.area().expect("a 4-1 item has an area")).expect("a known area");
        assert_eq!(area.part, Part::DevelopmentLifecycle);
        assert_eq!(area.refs, [practice.as_str()], "{identifier} belongs to practice {practice}");
        assert_eq!(area.id, practice.to_lowercase());
    }
}

#[test]
fn the_eight_4_1_practices_carry_the_reference_titles() {
    let reference = practices();
    let areas: Vec<&ProgrammeArea> = catalogue::areas_of(Part::DevelopmentLifecycle).collect();
    assert_eq!(areas.iter().map(|a| a.id).collect::<Vec<_>>(), ["sm", "sr", "sd", "si", "svv", "dm", "sum", "sg"]);
    for area in areas {
        assert_eq!(Some(&area.title.to_string()), reference.titles.get(area.refs[0]), "practice {}", area.id);
    }
}

// --- IEC 62443-4-2 ------------------------------------------------------------------------------------------

#[test]
fn every_4_2_requirement_and_enhancement_has_exactly_one_item_as_in_the_reference() {
    let reference = component_requirements();
    assert_eq!(reference.len(), 93);
    let items: Vec<&Item> =
        catalogue::items_of(Part::ComponentRequirements).filter(|i| i.split_of().is_none()).collect();
    assert_eq!(items.len(), reference.len());
    for (id, expected) in &reference {
        let matching: Vec<&&Item> = items.iter().filter(|i| i.id == id).collect();
        assert_eq!(matching.len(), 1, "{id} should have exactly one item");
        let item = matching[0];
        let ItemKind::ComponentRequirement { fr, level, types } = item.kind else {
            panic!("{id} is not scored as a component requirement")
        };
        assert_eq!(fr, expected.fr, "FR of {id}");
        assert_eq!(level, sl(expected.level), "lowest SL of {id}");
        assert_eq!(types.iter().copied().collect::<BTreeSet<_>>(), expected.types, "component types of {id}");
        assert_eq!(item.refs.iter().map(|r| r.to_string()).collect::<BTreeSet<_>>(), expected.refs, "refs of {id}");
        assert!(carries_title(item, &expected.title), "{id} should carry its short public title");
        for t in ComponentType::ALL {
            assert_eq!(item.applies_to(t), expected.types.contains(&t), "{id} for {}", t.code());
        }
    }
}

#[test]
fn component_requirements_per_type_are_45_28_51_32_51_33_and_55_37() {
    // (requirements, enhancements) per component type, as reference/README.md states them.
    let expected = [
        (ComponentType::SoftwareApplication, 45, 28),
        (ComponentType::EmbeddedDevice, 51, 32),
        (ComponentType::HostDevice, 51, 33),
        (ComponentType::NetworkDevice, 55, 37),
    ];
    let reference = component_requirements();
    for (component, requirements, enhancements) in expected {
        let items: Vec<&Item> = Fr::ALL
            .into_iter()
            .flat_map(|fr| catalogue::component_items(fr, component))
            .filter(|i| i.split_of().is_none())
            .collect();
        let in_catalogue = items.iter().filter(|i| !i.id.contains("-re")).count();
        assert_eq!((in_catalogue, items.len() - in_catalogue), (requirements, enhancements), "{}", component.code());
        let applying = reference.values().filter(|r| r.types.contains(&component));
        let in_reference = applying.clone().filter(|r| r.is_requirement).count();
        assert_eq!((in_reference, applying.count() - in_reference), (requirements, enhancements), "reference");
    }
}

#[test]
fn component_items_follow_their_fr_and_type() {
    for fr in Fr::ALL {
        for component in ComponentType::ALL {
            for item in catalogue::component_items(fr, component) {
                assert_eq!((item.part, item.fr()), (Part::ComponentRequirements, Some(fr)), "{}", item.id);
                assert!(item.applies_to(component), "{} for {}", item.id, component.code());
            }
        }
    }
    // Only 4-2 items apply to a component type.
    assert!(ITEMS
        .iter()
        .filter(|i| i.part != Part::ComponentRequirements)
        .all(|i| !ComponentType::ALL.into_iter().any(|t| i.applies_to(t))));
    // A type-specific requirement: CR 1.6 (wireless access management) is for network devices only.
    let wireless = catalogue::item("cr-1.6").expect("cr-1.6");
    assert_eq!(ComponentType::ALL.map(|t| wireless.applies_to(t)), [false, false, false, true]);
}

#[test]
fn component_ids_follow_their_number() {
    for item in catalogue::items_of(Part::ComponentRequirements) {
        // "SAR 2.4 RE(1)" and "CR 2.4 RE(1)" -> "cr-2.4-re1"
        let (_, number) = item.main_ref().split_once(' ').expect("a prefix and a number");
        let expected = format!("cr-{}", number.replace(" RE(", "-re").replace(')', ""));
        assert_eq!(item.split_of().unwrap_or(item.id), expected);
    }
}

#[test]
fn items_marked_uncertain_are_exactly_the_contested_ones_of_the_reference() {
    let reference = component_requirements();
    let mut contested: BTreeSet<String> =
        reference.iter().filter(|(_, r)| r.uncertain).map(|(id, _)| id.clone()).collect();
    for (id, _) in sl_map().iter().filter(|(_, r)| r.uncertain) {
        contested.insert(id.to_lowercase().replace("sr ", "sr-").replace(" re(", "-re").replace(')', ""));
    }
    assert_eq!(
        contested,
        ["cr-1.13-re1", "cr-2.4-re1", "cr-3.2-re1", "cr-6.1-re1", "sr-1.13-re1", "sr-6.2"].map(String::from).into(),
        "as reference/README.md says"
    );
    let marked: BTreeSet<String> = ITEMS.iter().filter(|i| i.uncertain.is_some()).map(|i| i.id.to_string()).collect();
    assert_eq!(marked, contested);
    for note in ITEMS.iter().filter_map(|i| i.uncertain) {
        assert!(!note.trim().is_empty(), "an uncertainty note says what is uncertain");
    }
}

#[test]
fn quick_scan_lists_existing_items_once_each() {
    let distinct: BTreeSet<&str> = QUICK_SCAN.iter().copied().collect();
    assert_eq!(distinct.len(), QUICK_SCAN.len(), "an id is listed twice");
    for id in QUICK_SCAN {
        assert!(catalogue::item(id).is_some(), "quick scan lists {id}, which is not an item");
    }
    let flagged: BTreeSet<&str> = ITEMS.iter().filter(|i| i.quick_scan).map(|i| i.id).collect();
    assert_eq!(flagged, distinct, "the items flagged quick_scan are exactly the listed ones");
}

#[test]
fn quick_scan_covers_every_part_every_fr_and_every_programme_area() {
    let quick: Vec<&Item> = QUICK_SCAN.iter().filter_map(|id| catalogue::item(id)).collect();
    for part in Part::ALL {
        assert!(quick.iter().any(|i| i.part == part), "no quick-scan item of {}", part.document());
    }
    for fr in Fr::ALL {
        // Levels 1, 2 and 3 of IEC 62443-3-3 are asked, so a quick scan can show up to SL 3 in every FR.
        for level in 1..=3 {
            let asked = quick
                .iter()
                .any(|i| i.part == Part::SystemRequirements && i.fr() == Some(fr) && i.level() == Some(sl(level)));
            assert!(asked, "the quick scan asks nothing of 3-3 {fr} at SL {level}");
        }
    }
    for area in catalogue::areas_of(Part::Programme) {
        assert!(quick.iter().any(|i| i.area() == Some(area.id)), "no quick-scan item of area {}", area.id);
    }
    for practice in catalogue::areas_of(Part::DevelopmentLifecycle) {
        assert!(quick.iter().any(|i| i.area() == Some(practice.id)), "no quick-scan item of practice {}", practice.id);
    }
}

/// The items a quick scan asks a profile with one role (4-2 items counted once, not per product).
fn quick_scan_of(role: Role) -> Vec<&'static Item> {
    let mut a = Assessment::new("a1", "Quick", "2026-11-20T09:00:00Z");
    a.profile.roles = std::collections::BTreeSet::from([role]);
    a.profile.mode = Mode::Quick;
    ITEMS.iter().filter(|i| a.asks(i)).collect()
}

#[test]
fn quick_scan_asks_each_role_40_to_60_questions() {
    for role in Role::ALL {
        let asked = quick_scan_of(role);
        assert!((40..=60).contains(&asked.len()), "a {} is asked {} quick-scan items", role.label(), asked.len());
        assert!(asked.iter().all(|i| i.quick_scan && role.answers_part(i.part)));
    }
}

#[test]
fn quick_scan_asks_every_role_about_each_of_its_parts() {
    for role in Role::ALL {
        let asked = quick_scan_of(role);
        for part in Part::ALL.into_iter().filter(|p| role.answers_part(*p)) {
            assert!(asked.iter().any(|i| i.part == part), "a {} is asked nothing of {}", role.label(), part.document());
        }
    }
}

#[test]
fn quick_scan_asks_4_2_items_for_every_component_type_in_every_fr() {
    let reference = component_requirements();
    for fr in Fr::ALL {
        // Every level at which the reference has a requirement for every component type is asked, so that a
        // quick scan shows SL-C up to that level for any product.
        let common_levels: BTreeSet<u8> = reference
            .values()
            .filter(|r| r.fr == fr && r.types.len() == ComponentType::ALL.len() && r.level <= 3)
            .map(|r| r.level)
            .collect();
        assert!(common_levels.contains(&1), "{fr} has a common SL 1 requirement");
        for level in common_levels {
            let asked = catalogue::items_of(Part::ComponentRequirements).any(|i| {
                i.quick_scan
                    && i.fr() == Some(fr)
                    && i.level() == Some(sl(level))
                    && ComponentType::ALL.into_iter().all(|t| i.applies_to(t))
            });
            assert!(asked, "the quick scan asks no 4-2 item of {fr} at SL {level} for every component type");
        }
    }
}

#[test]
fn catalogue_version_is_the_one_in_catalogue_toml() {
    assert!(!CATALOGUE_VERSION.trim().is_empty());
    let path = format!("{}/questionnaires/catalogue.toml", env!("CARGO_MANIFEST_DIR"));
    let toml = std::fs::read_to_string(&path).expect("catalogue.toml is readable");
    assert!(toml.contains(&format!("version = \"{CATALOGUE_VERSION}\"")), "{path} should hold {CATALOGUE_VERSION}");
}

#[test]
fn wizard_asks_about_consequence_exposure_and_threat() {
    for dimension in [Dimension::Consequence, Dimension::Exposure, Dimension::Threat] {
        assert!(WIZARD_QUESTIONS.iter().any(|q| q.dimension == dimension), "no wizard question on {dimension:?}");
    }
    let ids: BTreeSet<&str> = WIZARD_QUESTIONS.iter().map(|q| q.id).collect();
    assert_eq!(ids.len(), WIZARD_QUESTIONS.len(), "wizard question ids are unique");
}

#[test]
fn wizard_options_score_within_their_dimension_and_explain_their_raises() {
    for q in WIZARD_QUESTIONS {
        let max = match q.dimension {
            Dimension::Consequence | Dimension::Threat => 3,
            Dimension::Exposure => 2,
        };
        assert!(q.options.len() >= 2, "{} needs at least two options", q.id);
        let ids: BTreeSet<&str> = q.options.iter().map(|o| o.id).collect();
        assert_eq!(ids.len(), q.options.len(), "option ids of {} are unique", q.id);
        for o in q.options {
            assert!(o.score <= max, "{}/{} scores {} on a 0..={max} dimension", q.id, o.id, o.score);
            assert!(o.raise.iter().all(|(_, by)| (1..=3).contains(by)), "{}/{} raises by 1..3", q.id, o.id);
            assert!(o.raise.is_empty() || !o.reason.trim().is_empty(), "{}/{} raises without a reason", q.id, o.id);
        }
    }
}

#[test]
fn every_wizard_question_has_a_lowest_option_that_scores_zero_and_raises_nothing() {
    // An unanswered question is counted as its lowest option; that is only true if such an option exists.
    for q in WIZARD_QUESTIONS {
        assert!(q.options.iter().any(|o| o.score == 0 && o.raise.is_empty()), "{} has no neutral option", q.id);
    }
}

#[test]
fn wizard_matrix_is_four_by_four_levels_1_to_4_that_never_fall() {
    assert_eq!(WIZARD_MATRIX.len(), 4);
    for (consequence, row) in WIZARD_MATRIX.iter().enumerate() {
        assert_eq!(row.len(), 4);
        for (threat, level) in row.iter().enumerate() {
            assert!((1..=4).contains(level), "matrix[{consequence}][{threat}] = {level}");
            // A worse consequence or a stronger attacker never suggests a lower level.
            if threat > 0 {
                assert!(row[threat - 1] <= *level, "row {consequence} falls at column {threat}");
            }
            if consequence > 0 {
                assert!(WIZARD_MATRIX[consequence - 1][threat] <= *level, "column {threat} falls at row {consequence}");
            }
        }
    }
    assert_eq!(WIZARD_MATRIX[0][0], 1, "nothing at stake and no attacker: SL 1");
    assert_eq!(WIZARD_MATRIX[3][3], 4, "severe consequence and a resourced attacker: SL 4");
}

/// A questionnaire file as TOML.
fn questionnaire(file: &str) -> toml::Table {
    let path = format!("{}/questionnaires/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("questionnaire file");
    toml::from_str(&text).expect("valid TOML")
}

/// The texts of a TOML array of strings.
fn strings(value: Option<&toml::Value>) -> Vec<&str> {
    value.and_then(|v| v.as_array()).into_iter().flatten().filter_map(|e| e.as_str()).collect()
}

/// The tables of a TOML array of tables.
fn tables<'a>(table: &'a toml::Table, key: &str) -> impl Iterator<Item = &'a toml::Table> {
    table.get(key).and_then(|v| v.as_array()).into_iter().flatten().filter_map(|t| t.as_table())
}

#[test]
/// The texts travel PPMd-compressed (build.rs) and are decoded on first use by the `ppmd-rust` crate:
/// every text of every item, area and wizard question comes back exactly.
fn the_catalogue_reads_back_every_text_of_questionnaires_exactly() {
    let (mut items, mut areas) = (0, 0);
    for file in ["3-3", "3-2", "2-1", "2-4", "4-1", "4-2"] {
        let parsed = questionnaire(&format!("iec62443-{file}.toml"));
        for source in tables(&parsed, "item") {
            let id = source["id"].as_str().expect("id");
            let item = catalogue::item(id).unwrap_or_else(|| panic!("{id} is missing"));
            for (field, value) in
                [("title", item.title), ("question", item.question), ("why", item.why), ("action", item.action)]
            {
                assert_eq!(source[field].as_str(), Some(value), "{field} of {id}");
            }
            assert_eq!(strings(source.get("refs")), item.refs, "refs of {id}");
            assert_eq!(strings(source.get("evidence")), item.evidence, "evidence of {id}");
            assert_eq!(source.get("uncertain").and_then(|u| u.as_str()), item.uncertain, "uncertain of {id}");
            if let ItemKind::Maturity { area, levels } = item.kind {
                assert_eq!(source.get("area").and_then(|a| a.as_str()), Some(area), "area of {id}");
                assert_eq!(strings(source.get("levels")), levels, "levels of {id}");
            }
            items += 1;
        }
        for source in tables(&parsed, "area") {
            let id = source["id"].as_str().expect("id");
            let area = catalogue::programme_area(id).unwrap_or_else(|| panic!("area {id} is missing"));
            assert_eq!((source["title"].as_str(), strings(source.get("refs"))), (Some(area.title), area.refs.to_vec()));
            areas += 1;
        }
    }
    assert_eq!((items, areas), (ITEMS.len(), PROGRAMME_AREAS.len()));

    let wizard = questionnaire("target-level-wizard.toml");
    let questions: Vec<&toml::Table> = tables(&wizard, "question").collect();
    assert_eq!(questions.len(), WIZARD_QUESTIONS.len());
    for (source, question) in questions.into_iter().zip(WIZARD_QUESTIONS) {
        let texts = |t: &toml::Table, keys: &[&str]| -> Vec<String> {
            keys.iter().map(|k| t.get(*k).and_then(|v| v.as_str()).unwrap_or_default().to_string()).collect()
        };
        assert_eq!(texts(source, &["id", "text", "help"]), [question.id, question.text, question.help]);
        let options: Vec<Vec<String>> =
            tables(source, "option").map(|o| texts(o, &["id", "label", "reason"])).collect();
        let decoded: Vec<[&str; 3]> = question.options.iter().map(|o| [o.id, o.label, o.reason]).collect();
        assert_eq!(options, decoded, "options of {}", question.id);
    }
}

/// Times the decoding of the catalogue texts with the `ppmd-rust` crate, as the app decodes them on first
/// use: `cargo test --release --test catalogue -- --ignored --nocapture`.
#[test]
#[ignore]
fn decoding_time_of_the_catalogue_texts() {
    use std::io::Read;
    // The stream build.rs wrote, and the parameters and length it generated.
    let stream = include_bytes!(concat!(env!("OUT_DIR"), "/catalogue_text.ppmd"));
    let code = include_str!(concat!(env!("OUT_DIR"), "/catalogue_data.rs"));
    let constant = |name: &str| -> usize {
        let rest = code.split(&format!("const {name}: ")).nth(1).expect("a generated constant");
        let value = &rest[rest.find("= ").expect("a value") + 2..rest.find(';').expect("a semicolon")];
        value.parse().expect("a number")
    };
    let (order, mem, len) = (constant("TEXT_ORDER"), constant("TEXT_MEM"), constant("TEXT_CODED_LEN"));
    let decode = || {
        let mut decoder = ppmd_rust::Ppmd7Decoder::new(&stream[..], order as u32, mem as u32).expect("parameters");
        let mut out = vec![0; len];
        decoder.read_exact(&mut out).expect("the stream decodes");
        out
    };
    for _ in 0..3 {
        let mut best = std::time::Duration::MAX;
        for _ in 0..15 {
            let start = std::time::Instant::now();
            assert_eq!(decode().len(), len);
            best = best.min(start.elapsed());
        }
        println!("best of 15: {best:?} for {} KB of stream, {} KB of text", stream.len() / 1024, len / 1024);
    }
}

#[test]
fn every_item_is_found_by_its_id_and_unknown_ids_are_not() {
    assert!(ITEMS.len() < usize::from(u16::MAX), "positions are kept as u16");
    for (i, item) in ITEMS.iter().enumerate() {
        assert_eq!(catalogue::item_index(item.id), Some(i), "{}", item.id);
        assert!(std::ptr::eq(catalogue::item(item.id).expect("found"), item));
    }
    for unknown in ["", "sr-0.0", "SR 1.1", "sr-1.1 ", "x"] {
        assert_eq!(catalogue::item_index(unknown), None, "{unknown:?}");
    }
}

// --- counts written in comments and docs --------------------------------------------------------------------

fn repository_file(path: &str) -> String {
    let path = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

#[test]
fn each_section_of_quick_scan_toml_holds_as_many_ids_as_its_comment_says() {
    // A section starts with a comment "# IEC 62443-x-y...: ... (n...)" and lists its ids up to the next one.
    let text = repository_file("questionnaires/quick-scan.toml");
    let mut sections: Vec<(String, usize, usize)> = Vec::new(); // (heading, stated, listed)
    for line in text.lines().map(str::trim) {
        if let Some(heading) = line.strip_prefix("# IEC 62443-") {
            let stated = heading
                .split_once('(')
                .and_then(|(_, rest)| rest.split(|c: char| !c.is_ascii_digit()).next())
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("the heading \"{line}\" states no count"));
            sections.push((line.to_string(), stated, 0));
        } else if !line.starts_with('#') {
            if let Some(section) = sections.last_mut() {
                section.2 += line.matches('"').count() / 2;
            }
        }
    }
    assert_eq!(sections.len(), 6, "one section per part");
    for (heading, stated, listed) in &sections {
        assert_eq!(listed, stated, "{heading}");
    }
    assert_eq!(sections.iter().map(|s| s.2).sum::<usize>(), QUICK_SCAN.len());
}

#[test]
fn the_counts_in_the_readmes_and_docs_are_the_catalogue_s() {
    let map = sl_map();
    let res = map.keys().filter(|id| id.contains("RE(")).count();
    let srs = map.len() - res;
    let phrase = format!("all {srs} SRs and {res} REs");
    assert!(repository_file("questionnaires/README.md").contains(&phrase), "questionnaires/README.md: {phrase}");
    assert!(repository_file("questionnaires/iec62443-3-3.toml").contains(&phrase), "iec62443-3-3.toml: {phrase}");
    let practices = catalogue::areas_of(Part::DevelopmentLifecycle).count();
    let requirements = catalogue::items_of(Part::DevelopmentLifecycle).count();
    let phrase = format!("{practices} practices, {requirements} requirements");
    assert!(repository_file("questionnaires/README.md").contains(&phrase), "questionnaires/README.md: {phrase}");
    let phrase = format!("({requirements} in all)");
    assert!(repository_file("docs/scoring.md").contains(&phrase), "docs/scoring.md: {phrase}");
}

#[test]
fn the_edition_of_each_part_is_stated_in_questionnaires_readme() {
    let readme = repository_file("questionnaires/README.md");
    let editions = Part::ALL.map(|p| (p, p.edition()));
    assert_eq!(
        editions,
        [
            (Part::RiskAssessment, "2020"),
            (Part::SystemRequirements, "2013"),
            (Part::Programme, "2024"),
            (Part::ServiceProvider, "2023"),
            (Part::DevelopmentLifecycle, "2018"),
            (Part::ComponentRequirements, "2019"),
        ]
    );
    for part in Part::ALL {
        assert!(readme.contains(&format!("| {} |", part.citation())), "the edition of {}", part.document());
    }
}

#[test]
fn supplier_parts_use_the_supplier_phases_and_the_others_the_asset_owner_s() {
    for item in ITEMS {
        let supplier = matches!(item.part, Part::DevelopmentLifecycle | Part::ComponentRequirements);
        assert_eq!(item.phase.is_supplier(), supplier, "{} is in phase {:?}", item.id, item.phase);
    }
    // Governance comes first: the policy and the named owners (ORG 1).
    let governance: Vec<&str> = ITEMS.iter().filter(|i| i.phase == Phase::Governance).map(|i| i.id).collect();
    assert_eq!(governance, ["org-1", "org-6"]);
}

#[test]
fn maturity_levels_describe_how_established_a_practice_is_not_how_much_it_covers() {
    // ML2 is a written, staffed practice, whatever its reach; ML3 that practice across the whole scope.
    let coverage_words = ["main", "most", "some", "major", "larger", "flagship", "selected"];
    for item in ITEMS.iter().filter(|i| i.is_maturity()) {
        let ItemKind::Maturity { levels, .. } = item.kind else { unreachable!() };
        let words: Vec<String> = levels[1].split(|c: char| !c.is_alphanumeric()).map(str::to_lowercase).collect();
        for word in coverage_words {
            assert!(!words.iter().any(|w| w == word), "{} ML2 speaks of coverage (\"{word}\"): {}", item.id, levels[1]);
        }
        if item.part == Part::DevelopmentLifecycle {
            assert!(
                levels[..3].iter().all(|l| !l.contains("certified") && !l.contains("certification")),
                "{}: no maturity level requires the development process to be certified",
                item.id
            );
        }
    }
    for answer in Answer::MATURITY_SCALE.into_iter().filter(|a| a.maturity_level().is_some()) {
        assert!(answer.maturity_meaning().is_some(), "{answer:?}");
    }
    assert!(Answer::Ml2.maturity_meaning().is_some_and(|m| m.contains("written procedure")));
}

#[test]
fn requirements_are_listed_in_numeric_order_of_their_references() {
    // Lists that follow the catalogue (blocking items, the appendix, questions for vendors) are then in
    // numeric order too: SR 1.3 before SR 1.10, as `reference_rank` sorts.
    for part in [Part::RiskAssessment, Part::SystemRequirements, Part::ComponentRequirements] {
        let ranks: Vec<usize> = catalogue::items_of(part).map(catalogue::reference_rank).collect();
        assert!(ranks.windows(2).all(|w| w[0] < w[1]), "{part:?} is not in reference order");
    }
    let rank = |id: &str| catalogue::reference_rank(catalogue::item(id).expect("an item"));
    assert!(rank("sr-1.3") < rank("sr-1.10") && rank("sr-1.10") < rank("sr-1.13"));
    assert!(rank("cr-1.5") < rank("cr-1.6") && rank("cr-1.6") < rank("cr-1.7") && rank("cr-1.7") < rank("cr-1.12"));
    assert!(rank("sdl-sm-2") < rank("sdl-sm-10"));
}

#[test]
fn groundwork_marks_the_requirements_other_measures_rest_on() {
    let groundwork: Vec<&str> = ITEMS.iter().filter(|i| i.groundwork).map(|i| i.main_ref()).collect();
    assert_eq!(groundwork, ["SR 1.1", "SR 1.13", "SR 2.1", "SR 3.2", "SR 5.1", "SR 5.2", "SR 7.3", "SR 7.8"]);
}
