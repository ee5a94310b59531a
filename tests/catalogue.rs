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
}

/// Every SR and RE of `reference/iec62443-3-3-sl-map.json`, by identifier (`SR 1.1`, `SR 1.1 RE(1)`).
fn sl_map() -> BTreeMap<String, Requirement> {
    let mut map = BTreeMap::new();
    for sr in reference("iec62443-3-3-sl-map.json").as_array().expect("the SL map is a list") {
        let fr = Fr::parse(text(sr, "fr")).expect("FR1..FR7");
        let level = |v: &Value| u8::try_from(v["sl"].as_u64().expect("sl is a number")).expect("small");
        let entries = std::iter::once(sr).chain(sr["re"].as_array().expect("re is a list"));
        for entry in entries {
            let requirement = Requirement { fr, level: level(entry), title: text(entry, "title").to_string() };
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

fn system_requirements() -> impl Iterator<Item = &'static Item> {
    catalogue::items_of(Part::SystemRequirements)
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
            Part::Programme => matches!(item.kind, ItemKind::Maturity { .. }),
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
        assert_eq!(item.title, requirement.title, "{id} should carry its short public title");
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
    for item in ITEMS {
        assert!(!item.refs.is_empty(), "{} cites nothing", item.id);
        for r in item.refs {
            let known = match item.part {
                Part::SystemRequirements => sr.contains_key(*r),
                Part::RiskAssessment => zcr.contains(*r),
                Part::Programme => elements.contains_key(*r),
            };
            assert!(known, "{} cites {r}, which is not in reference/", item.id);
        }
    }
    for area in PROGRAMME_AREAS {
        for r in area.refs {
            assert_eq!(elements.get(*r), Some(&r.to_string()), "area {} cites {r}, which is not an SPE", area.id);
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
fn programme_items_have_four_level_descriptions_and_a_known_area() {
    for item in catalogue::items_of(Part::Programme) {
        let ItemKind::Maturity { area, levels } = item.kind else { panic!("{} is not a maturity item", item.id) };
        assert!(programme_area(area).is_some(), "{} is in unknown area {area}", item.id);
        assert!(levels.iter().all(|l| !l.trim().is_empty()), "{} has an empty level description", item.id);
        let distinct: BTreeSet<&str> = levels.iter().copied().collect();
        assert_eq!(distinct.len(), 4, "{} repeats a level description", item.id);
    }
}

#[test]
fn each_of_the_eight_programme_areas_has_items() {
    assert_eq!(PROGRAMME_AREAS.len(), 8);
    let ids: BTreeSet<&str> = PROGRAMME_AREAS.iter().map(|a| a.id).collect();
    assert_eq!(ids.len(), 8, "area ids are unique");
    for area in PROGRAMME_AREAS {
        assert!(!area.title.trim().is_empty(), "area {} has no title", area.id);
        assert!(catalogue::items_of_area(area.id).count() >= 1, "area {} has no items", area.id);
    }
}

#[test]
fn quick_scan_lists_40_to_60_existing_items_once_each() {
    assert!((40..=60).contains(&QUICK_SCAN.len()), "the quick scan has {} items", QUICK_SCAN.len());
    let distinct: BTreeSet<&str> = QUICK_SCAN.iter().copied().collect();
    assert_eq!(distinct.len(), QUICK_SCAN.len(), "an id is listed twice");
    for id in QUICK_SCAN {
        assert!(catalogue::item(id).is_some(), "quick scan lists {id}, which is not an item");
    }
    let flagged: BTreeSet<&str> = ITEMS.iter().filter(|i| i.quick_scan).map(|i| i.id).collect();
    assert_eq!(flagged, distinct, "the items flagged quick_scan are exactly the listed ones");
}

#[test]
fn quick_scan_covers_every_fr_all_three_parts_and_every_programme_area() {
    let quick: Vec<&Item> = QUICK_SCAN.iter().filter_map(|id| catalogue::item(id)).collect();
    for part in Part::ALL {
        assert!(quick.iter().any(|i| i.part == part), "no quick-scan item of {}", part.document());
    }
    for fr in Fr::ALL {
        // Levels 1, 2 and 3 are asked, so a quick scan can show up to SL 3 in every FR.
        for level in 1..=3 {
            let asked = quick.iter().any(|i| i.fr() == Some(fr) && i.level() == Some(sl(level)));
            assert!(asked, "the quick scan asks nothing of {fr} at SL {level}");
        }
    }
    for area in PROGRAMME_AREAS {
        assert!(quick.iter().any(|i| i.area() == Some(area.id)), "no quick-scan item of area {}", area.id);
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
