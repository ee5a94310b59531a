//! The saved format: round trips and the byte-for-byte layout, the released schema-1 and schema-2 fixtures
//! and their migration, the schema-3 fixture (conduit targets, vendor to confirm, a zone note alone), the
//! schema-5 fixture (a snapshot, evidence references) and its migration from older files, every
//! rejection with its message and location (serde_json's line and column and the field path, or our own
//! field path), notices, and never panicking on hostile input.

mod common;

use common::*;
use iec62443_assess::storage::{
    from_json, to_json, to_json_into, validate, ImportError, Loaded, Problem, MAX_IMPORT_BYTES, MAX_PROBLEMS,
};
use iec62443_assess::*;
use proptest::prelude::*;
use serde_json::{json, Value};
use std::collections::BTreeSet;

/// A file written by schema 1 of the released app; keep it unchanged as later schemas migrate from it.
const SCHEMA_1: &str = include_str!("fixtures/schema-1.json");

/// A file of schema 2: all three roles, two zones, two products of different component types, per-product
/// answers, 2-4 and 4-1 answers, written against catalogue 2026.11-1. Keep it unchanged.
const SCHEMA_2: &str = include_str!("fixtures/schema-2.json");

/// A file of schema 3 (catalogue 2026.12-1): the schema-2 assessment brought forward, with a conduit that
/// has its own target level, an answer Vendor to confirm and a zone entry that holds only a note. Keep it
/// unchanged.
const SCHEMA_3: &str = include_str!("fixtures/schema-3.json");

/// A file of schema 4: the schema-3 assessment with an asset inventory (a type the user named, a
/// quantity, a link to a product), the zone register's fields and the conduits' type and manager. Keep it
/// unchanged.
const SCHEMA_4: &str = include_str!("fixtures/schema-4.json");

/// A file of schema 5: the schema-4 assessment with evidence references on three answers (one with a web
/// link, one without a link, one with a file share path), an action done, and one snapshot, "Baseline,
/// April 2026", taken before: then SR 1.1 was not implemented for all zones, the pumping control zone
/// followed the all-zones answer Partial on SR 5.1 and its inventory held the PLC and the level sensors
/// only, the DMZ zone did not exist and no action was done. Keep it unchanged once schema 6 exists.
const SCHEMA_5: &str = include_str!("fixtures/schema-5.json");

/// Every fixture, for the checks that hold for any saved file.
const FIXTURES: [&str; 5] = [SCHEMA_1, SCHEMA_2, SCHEMA_3, SCHEMA_4, SCHEMA_5];

fn fixture() -> Assessment {
    from_json(SCHEMA_1).expect("the schema-1 fixture loads").assessment
}

/// `text` with one change made to its JSON, written out again (pretty, keys sorted).
fn edited(text: &str, edit: impl FnOnce(&mut Value)) -> String {
    let mut value: Value = serde_json::from_str(text).expect("the fixture is JSON");
    edit(&mut value);
    serde_json::to_string_pretty(&value).expect("a Value always serialises")
}

/// The schema-1 fixture with one change.
fn fixture_with(edit: impl FnOnce(&mut Value)) -> String {
    edited(SCHEMA_1, edit)
}

/// The schema-4 fixture (read with line and column, as the current schema is) with one change.
fn current_with(edit: impl FnOnce(&mut Value)) -> String {
    edited(SCHEMA_4, edit)
}

/// The schema-5 fixture (the current schema) with one change.
fn schema_5_with(edit: impl FnOnce(&mut Value)) -> String {
    edited(SCHEMA_5, edit)
}

/// Every problem found in a refused file.
fn refusal(text: &str) -> ImportError {
    match from_json(text) {
        Ok(_) => panic!("the file was accepted"),
        Err(e) => e,
    }
}

/// The first problem of a refused file.
fn refused(text: &str) -> Problem {
    refusal(text).problems[0].clone()
}

fn accepted(text: &str) -> Loaded {
    from_json(text).unwrap_or_else(|e| panic!("the file was refused: {e}"))
}

/// The 1-based line of the first line of `text` that `matches`.
fn line_where(text: &str, matches: impl Fn(&str) -> bool) -> usize {
    text.lines().position(matches).expect("a matching line") + 1
}

/// Where a problem is: `line 12, column 9, assessment.zones[0].colour`, or the line and column or the field
/// path alone.
fn location(e: &Problem) -> String {
    match (e.position, &e.path) {
        (Some((line, column)), Some(path)) => format!("line {line}, column {column}, {path}"),
        (Some((line, column)), None) => format!("line {line}, column {column}"),
        (None, Some(path)) => path.clone(),
        (None, None) => panic!("no location for: {}", e.message),
    }
}

// --- round trip and the schema-1 fixture ----------------------------------------------------------------

#[test]
fn saving_and_reading_back_gives_the_same_assessment() {
    let current = accepted(SCHEMA_5).assessment;
    let inventory = accepted(SCHEMA_4).assessment;
    for original in [Assessment::new("a1", "Empty", NOW), fixture(), accepted(SCHEMA_3).assessment, inventory, current]
    {
        let loaded = accepted(&to_json(&original));
        assert_eq!(loaded.assessment, original);
        assert!(loaded.notices.is_empty());
    }
}

#[test]
fn a_saved_file_is_written_back_byte_for_byte() {
    // The fixture of the current schema is in serde_json's pretty layout (two-space indent), as every
    // version writes it. Older fixtures were written against catalogue 2026.11-1, whose answers are brought
    // forward on load (tests below), so they are not written back unchanged.
    assert_eq!(to_json(&accepted(SCHEMA_5).assessment), SCHEMA_5.trim_end());
}

#[test]
fn the_schema_3_and_4_files_read_as_schema_5_and_are_written_back_with_only_their_version_changed() {
    // Schema 4 adds only optional fields (the inventory, the zone register, a conduit's type and manager),
    // and so does schema 5 (snapshots, evidence references).
    let migrated = accepted(SCHEMA_3);
    assert!(migrated.notices.is_empty());
    let a = &migrated.assessment;
    assert!(a.assets.is_empty());
    assert!(a.zones.iter().all(|z| z.purdue_levels.is_empty() && z.organisation.is_empty()));
    assert!(a.conduits.iter().all(|c| c.kind.is_none() && c.manager.is_empty()));
    assert_eq!(to_json(a), SCHEMA_3.trim_end().replacen("\"schema\": 3,", "\"schema\": 5,", 1));
    let migrated = accepted(SCHEMA_4);
    assert!(migrated.notices.is_empty());
    assert!(migrated.assessment.snapshots.is_empty());
    assert_eq!(to_json(&migrated.assessment), SCHEMA_4.trim_end().replacen("\"schema\": 4,", "\"schema\": 5,", 1));
}

#[test]
fn the_schema_4_file_loads_with_its_inventory_and_registers() {
    let a = accepted(SCHEMA_4).assessment;
    assert_eq!(a.assets.len(), 4);
    let sensors = a.asset("a2").expect("the sensors");
    assert_eq!(sensors.quantity, 6);
    assert_eq!(sensors.kind, Some(AssetKind::Known(AssetType::FieldDevice)));
    assert_eq!(sensors.purdue, Some(PurdueLevel::Field));
    assert_eq!(a.asset("a3").and_then(|x| x.product.as_deref()), Some("p1"));
    assert_eq!(a.asset("a4").and_then(|x| x.kind.clone()), Some(AssetKind::Custom("Hardened jump server".into())));
    let counts = a.asset_counts("z1");
    assert_eq!(counts.total(), 8);
    assert_eq!(counts.summary(), "8 assets: 2 PLC / controller, 6 Field device");
    let pumping = a.zone("z1").expect("zone z1");
    assert_eq!(pumping.purdue_levels, BTreeSet::from([PurdueLevel::Supervisory, PurdueLevel::Control]));
    assert_eq!(pumping.organisation, "Harbour Water Utility, operations department");
    assert_eq!(a.conduits[0].kind, Some(ConduitType::Firewall));
    assert_eq!(a.conduits[1].manager, "Pumpworks Service GmbH");
}

#[test]
fn an_asset_in_a_missing_zone_or_with_a_wrong_value_is_refused_in_the_users_words() {
    let e = refused(&current_with(|v| v["assessment"]["assets"][1]["zone"] = json!("z9")));
    assert_eq!(
        e.message,
        "Asset 2 (\"Level sensors\") is in zone \"z9\", which is not in the file; \"zone\" must be the id of one \
         of its zones."
    );
    assert_eq!(location(&e), "assessment.assets[1].zone");
    let e = refused(&current_with(|v| v["assessment"]["assets"][0]["quantity"] = json!(0)));
    assert_eq!(e.message, "Asset 1 (\"PLC pump 1\"): the quantity is 0; it must be a whole number from 1 to 1000000.");
    assert_eq!(location(&e), "assessment.assets[0].quantity");
    let e = refused(&current_with(|v| v["assessment"]["assets"][2]["product"] = json!("p9")));
    assert!(e.message.contains("is linked to product \"p9\", which is not in the file"), "{e}");
    assert_eq!(location(&e), "assessment.assets[2].product");
    let e = refused(&current_with(|v| v["assessment"]["assets"][3]["id"] = json!("a1")));
    assert!(e.message.ends_with("the id \"a1\" is also the id of asset 1; each asset needs its own id."), "{e}");
    assert_eq!(location(&e), "assessment.assets[3].id");
    let e = refused(&current_with(|v| v["assessment"]["assets"][0]["purdue"] = json!("level_9")));
    assert_eq!(
        e.message,
        "Asset 1 (\"PLC pump 1\"): the Purdue level cannot be \"level_9\"; it must be one of \"enterprise\", \
         \"business\", \"dmz\", \"operations\", \"supervisory\", \"control\", \"field\", \"safety\"."
    );
    assert!(location(&e).ends_with("assessment.assets[0].purdue"), "{e}");
    let e = refused(&current_with(|v| v["assessment"]["assets"][0]["quantity"] = json!("two")));
    assert_eq!(
        e.message,
        "Asset 1 (\"PLC pump 1\"): the quantity cannot be \"two\"; it must be a whole number from 1 to 1000000."
    );
    let e = refused(&current_with(|v| v["assessment"]["conduits"][0]["type"] = json!("wormhole")));
    assert!(e.message.contains("the conduit type cannot be \"wormhole\"; it must be one of \"firewall\""), "{e}");
    assert!(location(&e).ends_with("assessment.conduits[0].type"), "{e}");
    let e = refused(&current_with(|v| v["assessment"]["zones"][0]["boundary"] = json!("x".repeat(10_001))));
    assert!(e.message.contains("the boundary is 10001 characters long; at most"), "{e}");
    assert_eq!(location(&e), "assessment.zones[0].boundary");
}

#[test]
fn every_asset_problem_of_a_file_is_listed_not_only_the_first() {
    let e = refusal(&current_with(|v| {
        v["assessment"]["assets"][0]["quantity"] = json!(0);
        v["assessment"]["assets"][1]["name"] = json!(" ");
        v["assessment"]["assets"][2]["zone"] = json!("z9");
    }));
    let paths: Vec<_> = e.problems.iter().filter_map(|p| p.path.as_deref()).collect();
    assert_eq!(paths, ["assessment.assets[0].quantity", "assessment.assets[1].name", "assessment.assets[2].zone"]);
    assert_eq!(e.problems[1].message, "Asset 2 has no name; each asset needs a name or tag.");
}

#[test]
fn autosave_writes_the_same_text_into_a_reused_buffer() {
    let a = accepted(SCHEMA_2).assessment;
    let mut buffer = String::from("the previous save, longer than nothing");
    to_json_into(&a, &mut buffer);
    assert_eq!(buffer, to_json(&a));
    to_json_into(&fixture(), &mut buffer);
    assert_eq!(buffer, to_json(&fixture()));
}

#[test]
fn strings_with_quotes_controls_and_any_unicode_survive_a_round_trip() {
    let text = "say \"hi\"\\ \n\t\r \u{1} \u{7f} é ✓ 🏭 </script>";
    let mut a = fixture();
    a.zones[0].description = text.to_string();
    let written = to_json(&a);
    assert!(written.contains("\"say \\\"hi\\\"\\\\ \\n\\t\\r \\u0001 \u{7f} é ✓ 🏭 </script>\""), "{written}");
    assert_eq!(accepted(&written).assessment, a);
    // Escapes other writers use (a surrogate pair, `\/`) read too.
    let escaped = written.replacen("🏭", "\\ud83c\\udfed", 1).replacen("</script>", "<\\/script>", 1);
    assert_eq!(accepted(&escaped).assessment, a);
}

#[test]
fn answer_codes_are_the_codes_in_files() {
    for answer in Answer::SYSTEM_SCALE.into_iter().chain(Answer::MATURITY_SCALE) {
        let written = serde_json::to_string(&answer).expect("an answer serialises");
        assert_eq!(written, format!("\"{}\"", answer.code()));
    }
}

#[test]
fn the_released_schema_1_file_loads_with_its_values() {
    let loaded = accepted(SCHEMA_1);
    // The file was written against catalogue 2026.11-1: its answers are brought forward, and it says so.
    assert_eq!(loaded.notices.len(), 1, "{:?}", loaded.notices);
    assert!(loaded.notices[0].starts_with("The answers were given against catalogue 2026.11-1 and were brought"));
    let a = loaded.assessment;
    assert_eq!((a.id.as_str(), a.name.as_str()), ("a-2026-0042", "Riverside water treatment"));
    assert_eq!((a.created.as_str(), a.updated.as_str()), ("2026-03-02T08:15:00Z", "2026-03-09T16:40:12Z"));
    assert_eq!(a.catalogue_version, CATALOGUE_VERSION);
    assert_eq!(a.profile.organisation, "Riverside Water Authority");
    assert_eq!(a.profile.sector, "Water and wastewater");
    assert_eq!(a.profile.roles, BTreeSet::from([Role::AssetOwner]));
    assert_eq!((a.profile.mode, a.profile.target_maturity), (Mode::Full, 3));
    assert_eq!(a.last_step, "results");

    let [control, dmz] = &a.zones[..] else { panic!("two zones, found {}", a.zones.len()) };
    assert_eq!((control.id.as_str(), control.name.as_str()), ("z1", "Treatment control"));
    assert_eq!(control.criticality, Criticality::Critical);
    assert_eq!(control.target, levels([2, 2, 3, 1, 3, 3, 3]));
    assert_eq!(
        control.asset_types,
        BTreeSet::from([AssetType::Plc, AssetType::Hmi, AssetType::ScadaServer, AssetType::EngineeringWorkstation])
    );
    assert_eq!(control.wizard.get("production").map(String::as_str), Some("essential"));
    assert_eq!(control.wizard.len(), 4);
    assert_eq!((dmz.id.as_str(), dmz.name.as_str()), ("z2", "Plant DMZ"));
    assert_eq!(dmz.criticality, Criticality::High);
    assert_eq!(dmz.target, levels([2, 2, 1, 1, 2, 1, 1]));
    assert!(dmz.wizard.is_empty());

    let conduit = &a.conduits[..];
    assert_eq!(conduit.len(), 1);
    assert_eq!(
        (conduit[0].name.as_str(), conduit[0].from.as_str(), conduit[0].to.as_str()),
        ("Historian link", "z1", "z2")
    );
    assert_eq!(conduit[0].protocols, "OPC UA");
    assert!(!conduit[0].crosses_it && !conduit[0].crosses_internet);

    // SR 5.1 is partial for all zones, but the treatment control zone records its own answer.
    let sr_5_1 = known_item("sr-5.1");
    assert_eq!(a.status(Some("z1"), sr_5_1), Status::Met);
    assert!(a.zone_response("z1", "sr-5.1").is_some_and(|r| r.notes.contains("Firewall")));
    assert_eq!(a.status(Some("z2"), sr_5_1), Status::NotMet);
    assert!(a.has_override("z2", "sr-1.1-re1") && a.has_override("z2", "sr-7.3"));
    assert_eq!(a.status(Some("z2"), known_item("sr-1.1-re1")), Status::Met);
    assert_eq!(a.status(Some("z1"), known_item("sr-1.1-re1")), Status::NotMet);
    assert_eq!(a.status(Some("z1"), known_item("sr-2.1")), Status::MetByCompensation);
    assert_eq!(a.status(Some("z2"), known_item("sr-1.13")), Status::NotApplicable);
    assert_eq!(a.status(None, known_item("zcr-3.2")), Status::MetByCompensation);
    assert_eq!(a.status(None, known_item("zcr-6.8")), Status::NotApplicable);
    assert_eq!(a.status(None, known_item("net-1")), Status::Maturity(0));
    assert_eq!(a.status(None, known_item("cm-1")), Status::Maturity(1));

    // The fixture uses every answer there is.
    let answers = &a.answers;
    let used: BTreeSet<Answer> = answers
        .assessment
        .values()
        .chain(answers.all_zones.values())
        .chain(answers.zones.values().flat_map(|m| m.values()))
        .filter_map(|r| r.answer)
        .collect();
    let every: BTreeSet<Answer> = Answer::REQUIREMENT_SCALE.into_iter().chain(Answer::MATURITY_SCALE).collect();
    assert_eq!(used, every);

    let planned = &a.plan["sr-5.2-re1"];
    assert_eq!(planned.status, ActionStatus::Planned);
    assert_eq!((planned.owner.as_str(), planned.target_date.as_str()), ("J. Meyer", "2026-06-30"));
    assert_eq!(planned.note, "Budget approved in March.");
}

#[test]
fn the_schema_1_file_is_migrated_and_saved_again_as_schema_5() {
    let migrated = fixture();
    // Schema 2 only adds products and per-product answers, schema 3 conduit targets and the answer Vendor to
    // confirm; a schema-1 file has none of them.
    assert!(migrated.products.is_empty() && migrated.answers.products.is_empty());
    assert!(migrated.conduits.iter().all(|c| c.target.is_none()));
    let saved = to_json(&migrated);
    let value: Value = serde_json::from_str(&saved).expect("the saved text is JSON");
    assert_eq!(value["schema"], json!(5));
    assert_eq!(value["format"], json!("iec62443-assess/assessment"));
    assert!(value["assessment"].get("snapshots").is_none(), "an empty snapshot list is not written");
    assert!(value["assessment"].get("products").is_none(), "an empty product list is not written");
    assert!(value["assessment"]["answers"].get("products").is_none());
    assert!(value["assessment"]["conduits"][0].get("target").is_none(), "a conduit following its zones");
    // Every value of the schema-1 file is kept. Catalogue 2026.12-1 split ORG 1's question in two: the new
    // question org-6 starts with org-1's answer, and the file records the current catalogue.
    let mut original: Value = serde_json::from_str(SCHEMA_1).expect("the fixture is JSON");
    let org_1 = original["assessment"]["answers"]["assessment"]["org-1"].clone();
    original["assessment"]["answers"]["assessment"]["org-6"] = org_1;
    original["assessment"]["catalogue_version"] = json!(CATALOGUE_VERSION);
    assert_eq!(value["assessment"], original["assessment"]);
    assert_eq!(accepted(&saved).assessment, migrated);
}

#[test]
fn the_schema_2_file_loads_with_its_values() {
    let loaded = accepted(SCHEMA_2);
    assert_eq!(loaded.notices.len(), 1, "the catalogue moved on: {:?}", loaded.notices);
    let a = loaded.assessment;
    assert_eq!(a.id, "a-2026-0117");
    assert_eq!(a.name, "Northwind: RTU line and Harbour pumping station");
    assert_eq!(a.profile.organisation, "Northwind Automation GmbH");
    assert_eq!(a.profile.roles, BTreeSet::from(Role::ALL));
    assert_eq!((a.profile.mode, a.profile.target_maturity), (Mode::Full, 2));
    assert_eq!(a.last_step, "questionnaire");
    for part in Part::ALL {
        assert!(a.answers_part(part), "all three roles together answer {}", part.document());
    }

    let [control, dmz] = &a.zones[..] else { panic!("two zones, found {}", a.zones.len()) };
    assert_eq!((control.name.as_str(), control.target), ("Harbour pumping control", levels([2, 2, 2, 1, 2, 1, 2])));
    assert_eq!((dmz.name.as_str(), dmz.criticality), ("Service access DMZ", Criticality::Medium));
    assert_eq!((a.conduits[0].from.as_str(), a.conduits[0].to.as_str()), ("z2", "z1"));
    assert!(a.conduits[0].crosses_it);

    let [rtu, hmi] = &a.products[..] else { panic!("two products, found {}", a.products.len()) };
    assert_eq!((rtu.id.as_str(), rtu.name.as_str()), ("p1", "NW-RTU 560 firmware 4.2"));
    assert_eq!((rtu.component_type, rtu.target), (ComponentType::EmbeddedDevice, levels([2; 7])));
    assert_eq!(rtu.description, "Remote terminal unit for pumping and reservoir stations.");
    assert_eq!((hmi.id.as_str(), hmi.name.as_str()), ("p2", "StationView HMI 7.1"));
    assert_eq!((hmi.component_type, hmi.target), (ComponentType::SoftwareApplication, levels([3, 2, 2, 1, 1, 1, 2])));

    // Per-product answers: the same item differs between the products, and only the product's own count.
    let status = |target: Option<&str>, id: &str| a.status(target, known_item(id));
    assert_eq!(status(Some("p1"), "cr-1.1"), Status::Met);
    assert_eq!(status(Some("p2"), "cr-1.1"), Status::Met);
    assert_eq!(status(Some("p1"), "cr-1.1-re1"), Status::NotMet);
    assert_eq!(status(Some("p2"), "cr-1.1-re1"), Status::Unanswered);
    assert_eq!(status(Some("p1"), "cr-2.2"), Status::NotApplicable);
    assert_eq!(status(Some("p1"), "cr-3.14"), Status::NotMet);
    assert_eq!(status(Some("p1"), "cr-7.1"), Status::NotMet, "don't know");
    assert_eq!(status(Some("p2"), "cr-2.4"), Status::NotMet);
    assert_eq!(status(None, "cr-1.1"), Status::Unanswered, "a 4-2 item has no answer outside a product");
    assert!(a.zone_response("z1", "sr-5.1").is_some_and(|r| r.notes.contains("firewall")));
    assert_eq!(status(Some("z2"), "sr-5.1"), Status::NotMet);
    assert_eq!(status(Some("z1"), "sr-7.3"), Status::MetByCompensation);
    // 2-4 and 4-1 answers, once for the assessment.
    assert_eq!(status(None, "sp01-1"), Status::Maturity(3));
    assert_eq!(status(None, "sp04-1"), Status::NotApplicable);
    assert_eq!(status(None, "sp07-2"), Status::Maturity(0));
    assert_eq!(status(None, "sp11-1"), Status::NotMet, "don't know");
    assert_eq!(status(None, "sdl-sm-1"), Status::Maturity(3));
    assert_eq!(status(None, "sdl-dm-1"), Status::Maturity(1));
    assert_eq!(status(None, "sdl-sum-4"), Status::Maturity(0));

    // Every FR of both products still has unanswered SL 1 requirements, so SL-C is 0 throughout.
    let card = score(&a);
    let products: Vec<(&str, SlVector)> = card.products.iter().map(|p| (p.zone_name.as_str(), p.achieved)).collect();
    assert_eq!(products, [("NW-RTU 560 firmware 4.2", levels([0; 7])), ("StationView HMI 7.1", levels([0; 7]))]);
    let plan = &a.plan["cr-1.1-re1"];
    assert_eq!((plan.status, plan.owner.as_str()), (ActionStatus::Planned, "R. Lindqvist"));
    assert_eq!(a.plan["sdl-dm-1"].status, ActionStatus::Open);
}

// --- rejections ------------------------------------------------------------------------------------------

#[test]
fn text_that_is_not_json_is_refused_with_its_line_and_column() {
    let e = refused("{\n  \"format\": oops\n}");
    let words = "something here is not a JSON value (texts are written in double quotes; true, false and null in \
                 lower case)";
    assert_eq!(e.message, format!("The file is not valid JSON: {words}."));
    assert_eq!(location(&e), "line 2, column 13");
    assert_eq!(e.to_string(), format!("The file is not valid JSON: {words}. (Line 2, column 13.)"));
}

#[test]
fn syntax_errors_name_what_and_where_in_words() {
    let escape = "a text holds a backslash (\\) that starts no valid escape";
    let cases = [
        ("{\n  \"a\": oops\n}", "something here is not a JSON value (texts are written in double quotes; true, false and null in lower case)", 2, 8),
        ("{\"a\": 1,}", "a comma stands right before a closing bracket", 1, 9),
        ("[1, 2", "the file ends too early (it may have been cut off)", 1, 5),
        ("[1, 2 3]", "a comma or a closing ] is missing", 1, 7),
        ("{\"a\": 1 \"b\": 2}", "a comma or a closing } is missing", 1, 9),
        ("{\"a\" 1}", "a colon is missing after a field name", 1, 6),
        ("{1: 2}", "a field name is not in double quotes", 1, 2),
        ("\"a\\qb\"", escape, 1, 4),
        ("01", "a number is written wrongly or is too large", 1, 2),
        ("{} x", "there is more text after the end of the data", 1, 4),
        ("\"\\ud83c\"", escape, 1, 8),
        ("\"tab\there\"", "a text holds a line break or tab; write it as \\n or \\t", 1, 5),
    ];
    for (text, message, line, column) in cases {
        let e = refused(text);
        assert_eq!(e.message, format!("The file is not valid JSON: {message}."), "{text:?}");
        assert_eq!(location(&e), format!("line {line}, column {column}"), "{text:?}");
    }
}

#[test]
fn nesting_deeper_than_128_levels_is_refused_not_overflowing_the_stack() {
    let e = refused(&"[".repeat(100_000));
    assert_eq!(e.message, "The file is not valid JSON: the data is nested too deeply (more than 128 levels).");
    let e = refused(&format!("{}{}", "[".repeat(100), "]".repeat(100)));
    assert_eq!(e.message, "The file does not contain an assessment (it is not a group of fields in { }).");
}

#[test]
fn json_that_is_not_an_object_is_refused() {
    let e = refused("[1, 2, 3]");
    assert_eq!(e.message, "The file does not contain an assessment (it is not a group of fields in { }).");
    assert_eq!((e.path.as_deref(), e.position), (None, None));
}

#[test]
fn a_file_with_another_format_marker_is_refused() {
    let e = refused(&fixture_with(|v| v["format"] = json!("someone-else/report")));
    assert_eq!(e.message, "This is not an assessment file of this tool (its \"format\" is missing or different).");
    assert_eq!(location(&e), "format");
    let e = refused(&fixture_with(|v| delete(v, "/format")));
    assert_eq!(location(&e), "format");
}

#[test]
fn a_missing_or_malformed_schema_is_refused() {
    let edits: [fn(&mut Value); 4] = [
        |v| delete(v, "/schema"),
        |v| v["schema"] = json!("1"),
        |v| v["schema"] = json!(1.5),
        |v| v["schema"] = json!(-1),
    ];
    for edit in edits {
        let e = refused(&fixture_with(edit));
        assert_eq!(e.message, "The schema version (\"schema\") is missing or not a whole number; it must be 1 to 5.");
        assert_eq!(location(&e), "schema");
    }
}

#[test]
fn a_file_from_a_newer_version_is_refused_with_advice() {
    let e = refused(&fixture_with(|v| v["schema"] = json!(6)));
    assert_eq!(
        e.message,
        "The file was written by a newer version of this tool (schema 6; this version reads up to 5). \
         Open it with the newer version, or update this copy."
    );
    assert_eq!(location(&e), "schema");
}

#[test]
fn schema_0_is_refused() {
    let e = refused(&fixture_with(|v| v["schema"] = json!(0)));
    assert_eq!(e.message, "Schema version 0 does not exist; the schema version must be 1 to 5.");
    assert_eq!(location(&e), "schema");
}

#[test]
fn an_unknown_field_is_refused_at_its_line() {
    let text = current_with(|v| v["assessment"]["zones"][0]["colour"] = json!("red"));
    let e = refused(&text);
    assert_eq!(
        e.message,
        "Zone 1 (\"Harbour pumping control\") has a field \"colour\" that this tool does not know; remove it. The \
         fields it can have: id, name, description, asset_types, criticality, target, wizard, organisation, boundary, \
         logical_access, physical_access, data_flows, purdue_levels."
    );
    let line = line_where(&text, |l| l.contains("\"colour\""));
    assert!(location(&e).starts_with(&format!("line {line}, column ")), "{}", location(&e));
    assert!(location(&e).ends_with(", assessment.zones[0].colour"), "the field path follows: {}", location(&e));

    let text = current_with(|v| v["assessment"]["answers"]["all_zones"]["sr-1.1"]["comment"] = json!("?"));
    let e = refused(&text);
    assert_eq!(
        e.message,
        "The answer to SR 1.1 (\"Human user identification and authentication\") for all zones has a field \
         \"comment\" that this tool does not know; remove it. The fields it can have: answer, justification, notes, evidence."
    );
    let line = line_where(&text, |l| l.contains("\"comment\""));
    assert!(location(&e).starts_with(&format!("line {line}, ")));
}

#[test]
fn a_security_level_of_5_is_refused_at_its_line() {
    let text = current_with(|v| v["assessment"]["zones"][1]["target"][4] = json!(5));
    let e = refused(&text);
    assert_eq!(
        e.message,
        "Zone 2 (\"Service access DMZ\"): the target security level (SL-T) for FR 5 cannot be 5; it must be a whole \
         number from 0 to 4."
    );
    // serde_json reports where it stopped reading: for a list element, the start of the next element.
    let line = line_where(&text, |l| l.trim().trim_end_matches(',') == "5");
    let near = [line, line + 1].map(|l| format!("line {l}, "));
    assert!(near.iter().any(|n| location(&e).starts_with(n)), "{} is not near line {line}", location(&e));
}

#[test]
fn an_unknown_answer_is_refused_at_its_line() {
    let text = current_with(|v| v["assessment"]["answers"]["assessment"]["org-1"]["answer"] = json!("maybe"));
    let e = refused(&text);
    // The answers of the question's own scale (a programme practice's maturity levels), not every code.
    assert_eq!(
        e.message,
        "The answer to ORG 1 (\"OT security policy\") given once for the assessment: the chosen answer cannot be \
         \"maybe\"; it must be one of \"not_performed\", \"ml1\", \"ml2\", \"ml3\", \"ml4\", \"not_applicable\", \
         \"dont_know\"."
    );
    let line = line_where(&text, |l| l.contains("\"maybe\""));
    assert!(location(&e).starts_with(&format!("line {line}, ")));
    assert!(location(&e).ends_with(", assessment.answers.assessment.org-1.answer"), "{}", location(&e));
}

#[test]
fn a_wrong_value_is_located_by_its_field_path_too() {
    let e = refused(&current_with(|v| v["assessment"]["zones"][1]["target"][4] = json!(5)));
    assert!(location(&e).ends_with(", assessment.zones[1].target[4]"), "{}", location(&e));
    let e = refused(&current_with(|v| v["assessment"]["products"][0]["target"] = json!([1, 2, 3])));
    assert_eq!(
        e.message,
        "Product 1 (\"NW-RTU 560 firmware 4.2\"): the aimed capability level (SL-C) cannot be a list of 3 entries; it \
         must be a list of seven whole numbers from 0 to 4, one per foundational requirement (FR 1 to FR 7)."
    );
    assert!(location(&e).ends_with(", assessment.products[0].target"), "{}", location(&e));
    let e = refused(&current_with(|v| v["assessment"]["zones"][0]["name"] = json!(42)));
    assert_eq!(e.message, "Zone 1: the name cannot be 42; it must be a text in double quotes.");
    assert!(location(&e).ends_with(", assessment.zones[0].name"), "{}", location(&e));
    let e = refused(&current_with(|v| v["assessment"]["plan"]["sdl-dm-1"]["status"] = json!("someday")));
    assert_eq!(
        e.message,
        "The roadmap plan for DM-1 (\"Receiving notifications of security-related issues\"): the status cannot be \
         \"someday\"; it must be one of \"open\", \"planned\", \"done\"."
    );
    assert!(location(&e).ends_with(", assessment.plan.sdl-dm-1.status"), "{}", location(&e));
    // A number that is not a whole one where a level is expected.
    let e = refused(&current_with(|v| v["assessment"]["profile"]["target_maturity"] = json!(2.5)));
    assert_eq!(
        e.message,
        "The profile: the target maturity level cannot be 2.5; it must be a whole number from 1 to 4."
    );
    assert!(location(&e).ends_with(", assessment.profile.target_maturity"), "{}", location(&e));
}

#[test]
fn a_wrong_value_in_an_older_schema_is_refused_with_the_same_problem_and_its_line() {
    // Older schemas are read from the text itself, so their values keep their positions too.
    let text = fixture_with(|v| v["assessment"]["zones"][0]["colour"] = json!("red"));
    let e = refused(&text);
    assert!(e.message.starts_with("Zone 1 (\"Treatment control\") has a field \"colour\""), "{}", e.message);
    let line = line_where(&text, |l| l.contains("\"colour\""));
    // serde_json names where it stopped reading: the end of the key (eight spaces of indent, then `"colour"`).
    assert_eq!(location(&e), format!("line {line}, column 16, assessment.zones[0].colour"));
}

#[test]
fn an_unknown_component_type_is_refused_at_its_line() {
    let text = current_with(|v| v["assessment"]["products"][1]["component_type"] = json!("robot"));
    let e = refused(&text);
    assert_eq!(
        e.message,
        "Product 2 (\"StationView HMI 7.1\"): the component type cannot be \"robot\"; it must be one of \
         \"software_application\", \"embedded_device\", \"host_device\", \"network_device\"."
    );
    let line = line_where(&text, |l| l.contains("\"robot\""));
    assert!(location(&e).starts_with(&format!("line {line}, ")));
}

#[test]
fn a_target_maturity_outside_1_to_4_is_refused() {
    for maturity in [0, 5] {
        let e = refused(&fixture_with(|v| v["assessment"]["profile"]["target_maturity"] = json!(maturity)));
        assert_eq!(
            e.message,
            format!("The profile: the target maturity level is {maturity}; it must be a whole number from 1 to 4.")
        );
        assert_eq!(location(&e), "assessment.profile.target_maturity");
    }
}

#[test]
fn two_zones_with_the_same_id_are_refused() {
    let e = refused(&fixture_with(|v| v["assessment"]["zones"][1]["id"] = json!("z1")));
    assert_eq!(
        e.message,
        "Zone 2 (\"Plant DMZ\"): the id \"z1\" is also the id of zone 1; each zone needs its own id."
    );
    assert_eq!(location(&e), "assessment.zones[1].id");
}

#[test]
fn two_zones_with_the_same_name_in_any_case_are_refused() {
    let e = refused(&fixture_with(|v| v["assessment"]["zones"][1]["name"] = json!(" treatment CONTROL ")));
    assert_eq!(
        e.message,
        "Zone 2 (\"treatment CONTROL\") has the same name as zone 1 (\"Treatment control\"); each zone needs its own \
         name (capitals and spaces at either end do not count)."
    );
    assert_eq!(location(&e), "assessment.zones[1].name");
}

#[test]
fn a_zone_name_the_app_accepts_is_a_name_import_accepts() {
    // Import compares names ignoring case, accented capitals included; typing a name must do the same,
    // or an assessment saved by the app could not be read back.
    let mut a = assessment_with(vec![zone("z1", "Äußere Anlage", [1; 7], Criticality::Medium)]);
    assert_eq!(check_zone_name(&a, "äußere anlage", None), Err(NameProblem::Duplicate));
    assert_eq!(check_zone_name(&a, "Äußere Anlage 2", None), Ok(()));
    assert_eq!(check_zone_name(&a, "ÄUSSERE ANLAGE", None), Ok(()), "ß is not expanded: a different name");
    a.zones.push(zone("z2", "äußere anlage", [1; 7], Criticality::Medium));
    assert_eq!(refused(&to_json(&a)).path.as_deref(), Some("assessment.zones[1].name"));
}

#[test]
fn a_conduit_to_a_missing_zone_is_refused() {
    let e = refused(&fixture_with(|v| v["assessment"]["conduits"][0]["to"] = json!("z9")));
    assert_eq!(
        e.message,
        "Conduit 1 (\"Historian link\") connects to zone \"z9\", which is not in the file; \"to\" must be the id of \
         one of its zones."
    );
    assert_eq!(location(&e), "assessment.conduits[0].to");
}

#[test]
fn answers_for_a_missing_zone_are_refused() {
    let e = refused(&fixture_with(|v| {
        v["assessment"]["answers"]["zones"]["z9"] = json!({ "sr-1.1": { "answer": "implemented" } });
    }));
    assert_eq!(e.message, "There are answers for zone \"z9\", which is not in the file; remove them or add the zone.");
    assert_eq!(location(&e), "assessment.answers.zones[\"z9\"]");
}

#[test]
fn an_answer_from_the_wrong_scale_is_refused() {
    let e = refused(&fixture_with(|v| v["assessment"]["answers"]["all_zones"]["sr-1.1"]["answer"] = json!("ml2")));
    assert_eq!(
        e.message,
        "The answer to SR 1.1 (\"Human user identification and authentication\") for all zones: \"ml2\" (ML2 Managed) \
         is not an answer to this question; it takes one of \"implemented\", \"partial\", \"not_implemented\", \
         \"compensating\", \"not_applicable\", \"dont_know\", \"vendor_to_confirm\"."
    );
    assert_eq!(location(&e), "assessment.answers.all_zones[\"sr-1.1\"].answer");

    let e = refused(&fixture_with(|v| v["assessment"]["answers"]["assessment"]["org-1"]["answer"] = json!("partial")));
    assert!(e.message.contains(": \"partial\" (Partially implemented) is not an answer to this question; it takes one of \"not_performed\""), "{}", e.message);
    assert_eq!(location(&e), "assessment.answers.assessment[\"org-1\"].answer");
}

#[test]
fn an_item_answered_in_the_wrong_place_is_refused() {
    let e = refused(&fixture_with(|v| {
        v["assessment"]["answers"]["assessment"]["sr-1.1"] = json!({ "answer": "implemented" });
    }));
    assert_eq!(
        e.message,
        "The answer to SR 1.1 (\"Human user identification and authentication\") given once for the assessment is in \
         the wrong place: this question is answered per zone, under \"all_zones\" or \"zones\"."
    );
    assert_eq!(location(&e), "assessment.answers.assessment[\"sr-1.1\"]");

    let e = refused(&fixture_with(|v| v["assessment"]["answers"]["zones"]["z2"]["org-1"] = json!({ "answer": "ml2" })));
    assert_eq!(location(&e), "assessment.answers.zones[\"z2\"][\"org-1\"]");
}

#[test]
fn answers_for_a_missing_product_are_refused() {
    let e = refused(&current_with(|v| {
        v["assessment"]["answers"]["products"]["p9"] = json!({ "cr-1.1": { "answer": "implemented" } });
    }));
    assert_eq!(
        e.message,
        "There are answers for product \"p9\", which is not in the file; remove them or add the product."
    );
    assert_eq!(location(&e), "assessment.answers.products[\"p9\"]");
    // Removing a product removes its answers, so the app never writes such a file.
    let mut a = accepted(SCHEMA_2).assessment;
    a.remove_product("p1");
    assert!(!a.answers.products.contains_key("p1"));
    assert_eq!(accepted(&to_json(&a)).assessment, a);
}

#[test]
fn two_products_with_the_same_id_are_refused() {
    let e = refused(&current_with(|v| v["assessment"]["products"][1]["id"] = json!("p1")));
    assert_eq!(
        e.message,
        "Product 2 (\"StationView HMI 7.1\"): the id \"p1\" is also the id of product 1; each product needs its own id."
    );
    assert_eq!(location(&e), "assessment.products[1].id");
    let e = refused(&current_with(|v| v["assessment"]["products"][0]["id"] = json!("  ")));
    assert_eq!(
        e.message,
        "Product 1 (\"NW-RTU 560 firmware 4.2\"): the id is empty or longer than 40 characters; give each product a \
         short id, such as \"p1\"."
    );
    assert_eq!(location(&e), "assessment.products[0].id");
}

#[test]
fn two_products_with_the_same_name_in_any_case_are_refused() {
    let e = refused(&current_with(|v| v["assessment"]["products"][1]["name"] = json!(" nw-rtu 560 FIRMWARE 4.2 ")));
    assert_eq!(
        e.message,
        "Product 2 (\"nw-rtu 560 FIRMWARE 4.2\") has the same name as product 1 (\"NW-RTU 560 firmware 4.2\"); each \
         product needs its own name (capitals and spaces at either end do not count)."
    );
    assert_eq!(location(&e), "assessment.products[1].name");
    let e = refused(&current_with(|v| v["assessment"]["products"][1]["name"] = json!(" ")));
    assert_eq!(e.message, "Product 2 has no name; each product needs one.");
    assert_eq!(location(&e), "assessment.products[1].name");
}

#[test]
fn a_product_name_the_app_accepts_is_a_name_import_accepts() {
    let mut a = accepted(SCHEMA_2).assessment;
    assert_eq!(check_product_name(&a, "stationview hmi 7.1", None), Err(NameProblem::Duplicate));
    assert_eq!(check_product_name(&a, "StationView HMI 7.1", Some("p2")), Ok(()), "renaming a product to itself");
    assert_eq!(check_product_name(&a, "Harbour pumping control", None), Ok(()), "zones are another list");
    assert_eq!(check_product_name(&a, " ", None), Err(NameProblem::Empty));
    assert_eq!(check_product_name(&a, &"x".repeat(121), None), Err(NameProblem::TooLong));
    assert_eq!(a.next_product_id(), "p3");
    a.products.push(Product::new(&a.next_product_id(), "StationView HMI 8.0", ComponentType::SoftwareApplication));
    assert_eq!(accepted(&to_json(&a)).assessment, a);
    a.products[2].name = "STATIONVIEW HMI 7.1".into();
    assert_eq!(refused(&to_json(&a)).path.as_deref(), Some("assessment.products[2].name"));
}

#[test]
fn a_compensating_control_is_not_an_answer_to_a_component_requirement() {
    let e = refused(&current_with(|v| {
        v["assessment"]["answers"]["products"]["p1"]["cr-1.1"] =
            json!({ "answer": "compensating", "justification": "The RTU sits behind a firewall." });
    }));
    assert_eq!(
        e.message,
        "The answer to CR 1.1 (\"Human user identification and authentication\") for product \"NW-RTU 560 firmware \
         4.2\": \"compensating\" (Compensating control) is not an answer to this question; it takes one of \
         \"implemented\", \"partial\", \"not_implemented\", \"not_applicable\", \"dont_know\"."
    );
    assert_eq!(location(&e), "assessment.answers.products[\"p1\"][\"cr-1.1\"].answer");
    // Nor a maturity level.
    let e = refused(&current_with(|v| v["assessment"]["answers"]["products"]["p2"]["cr-1.7"]["answer"] = json!("ml3")));
    assert_eq!(location(&e), "assessment.answers.products[\"p2\"][\"cr-1.7\"].answer");
}

#[test]
fn a_component_requirement_answered_outside_a_product_is_refused() {
    let wrong_place = |place: &str| {
        format!(
            "The answer to CR 1.1 (\"Human user identification and authentication\") {place} is in the wrong place: \
             this question is answered per product, under \"products\"."
        )
    };
    let e = refused(&current_with(|v| {
        v["assessment"]["answers"]["zones"]["z1"]["cr-1.1"] = json!({ "answer": "implemented" })
    }));
    assert_eq!(e.message, wrong_place("for zone \"Harbour pumping control\""));
    assert_eq!(location(&e), "assessment.answers.zones[\"z1\"][\"cr-1.1\"]");
    let e = refused(&current_with(|v| {
        v["assessment"]["answers"]["all_zones"]["cr-1.1"] = json!({ "answer": "implemented" })
    }));
    assert_eq!(e.message, wrong_place("for all zones"));
    assert_eq!(location(&e), "assessment.answers.all_zones[\"cr-1.1\"]");
    let e = refused(&current_with(|v| {
        v["assessment"]["answers"]["assessment"]["cr-1.1"] = json!({ "answer": "implemented" })
    }));
    assert_eq!(location(&e), "assessment.answers.assessment[\"cr-1.1\"]");
    // And the other way round: a zone's requirement or a practice is not answered per product.
    let e = refused(&current_with(|v| {
        v["assessment"]["answers"]["products"]["p1"]["sr-1.1"] = json!({ "answer": "implemented" })
    }));
    assert_eq!(location(&e), "assessment.answers.products[\"p1\"][\"sr-1.1\"]");
    let e = refused(&current_with(|v| {
        v["assessment"]["answers"]["products"]["p1"]["sdl-sm-1"] = json!({ "answer": "ml2" })
    }));
    assert_eq!(location(&e), "assessment.answers.products[\"p1\"][\"sdl-sm-1\"]");
}

#[test]
fn text_over_the_limits_is_refused_and_text_at_the_limits_is_accepted() {
    // Limits count characters, not bytes: 120 "é" are 240 bytes and still a valid name.
    accepted(&fixture_with(|v| v["assessment"]["zones"][0]["name"] = json!("é".repeat(120))));
    let e = refused(&fixture_with(|v| v["assessment"]["zones"][0]["name"] = json!("é".repeat(121))));
    assert!(e.message.ends_with("…\"): the name is 121 characters long; at most 120 are allowed."), "{}", e.message);
    assert_eq!(location(&e), "assessment.zones[0].name");

    let long = "x".repeat(10_001);
    accepted(&fixture_with(|v| {
        v["assessment"]["answers"]["assessment"]["zcr-3.2"]["justification"] = json!(&long[1..])
    }));
    let e =
        refused(&fixture_with(|v| v["assessment"]["answers"]["assessment"]["zcr-3.2"]["justification"] = json!(long)));
    assert_eq!(
        e.message,
        "The answer to ZCR 3.2 (\"Separate business and IACS assets\") given once for the assessment: \
         the justification is 10001 characters long; at most 10000 are allowed."
    );
    assert_eq!(location(&e), "assessment.answers.assessment[\"zcr-3.2\"].justification");

    let e = refused(&fixture_with(|v| v["assessment"]["plan"]["sr-5.2-re1"]["owner"] = json!("o".repeat(121))));
    assert_eq!(location(&e), "assessment.plan[\"sr-5.2-re1\"].owner");
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
    let mut at_limit = SCHEMA_1.to_string();
    at_limit.push_str(&" ".repeat(MAX_IMPORT_BYTES - SCHEMA_1.len()));
    assert_eq!(at_limit.len(), MAX_IMPORT_BYTES);
    accepted(&at_limit);

    at_limit.push(' ');
    let e = refused(&at_limit);
    assert_eq!(
        e.message,
        "The file is 5120 KB; the largest accepted is 5120 KB. Choose an assessment file exported by this tool."
    );
    assert_eq!((e.path.as_deref(), e.position), (None, None));
}

#[test]
fn disagreeing_catalogue_versions_are_refused() {
    let e = refused(&fixture_with(|v| v["catalogue_version"] = json!("2025.01-1")));
    assert_eq!(
        e.message,
        "The file names two catalogue versions, \"2025.01-1\" at the top and \"2026.11-1\" in the assessment; they \
         must be the same."
    );
    assert_eq!(location(&e), "assessment.catalogue_version");
}

#[test]
fn a_built_assessment_that_breaks_a_rule_fails_validation_too() {
    let mut a = fixture();
    assert_eq!(validate(&a), Ok(()));
    a.conduits[0].from = "z7".into();
    assert_eq!(
        validate(&a).map_err(|e| e.problems[0].path.clone()),
        Err(Some("assessment.conduits[0].from".to_string()))
    );
}

// --- notices ---------------------------------------------------------------------------------------------

#[test]
fn answers_to_unknown_items_are_kept_and_reported() {
    let text = fixture_with(|v| {
        v["assessment"]["answers"]["assessment"]["zcr-9.9"] = json!({ "answer": "implemented" });
        v["assessment"]["answers"]["zones"]["z1"]["sr-9.9"] = json!({ "answer": "partial", "notes": "old item" });
    });
    let loaded = accepted(&text);
    assert_eq!(loaded.notices.len(), 2, "{:?}", loaded.notices);
    assert!(loaded.notices[0].contains("brought forward"), "the catalogue moved on: {}", loaded.notices[0]);
    assert_eq!(
        loaded.notices[1],
        "2 answer(s) refer to questions that this catalogue no longer has (sr-9.9, zcr-9.9). They are kept in the \
         file and in exports but do not count in the results."
    );
    let a = &loaded.assessment;
    assert!(a.answers.assessment.contains_key("zcr-9.9"));
    assert_eq!(a.answers.zones["z1"]["sr-9.9"].notes, "old item");
    assert_eq!(score(a), score(&fixture()), "they do not count");
    assert_eq!(accepted(&to_json(a)).assessment, *a, "and they survive the next save");
}

#[test]
fn an_older_catalogue_version_is_read_with_a_notice() {
    let loaded = accepted(&fixture_with(|v| {
        v["catalogue_version"] = json!("2025.01-1");
        v["assessment"]["catalogue_version"] = json!("2025.01-1");
    }));
    assert_eq!(
        loaded.notices,
        [format!(
            "The answers were given against catalogue 2025.01-1 (this version has {CATALOGUE_VERSION}). They are kept \
             as they are; review items whose wording changed."
        )]
    );
    assert_eq!(loaded.assessment.catalogue_version, "2025.01-1", "kept until the user reviews it");
}

// --- never panics ----------------------------------------------------------------------------------------

/// Either a refusal that says something, or an assessment that passes validation and saves again.
fn sound(result: Result<Loaded, ImportError>) -> Result<(), TestCaseError> {
    match result {
        Err(e) => {
            prop_assert!(!e.problems.is_empty() && e.problems.len() <= MAX_PROBLEMS);
            for p in &e.problems {
                prop_assert!(!p.message.is_empty() && p.message.ends_with('.'), "unclear message: {:?}", p.message);
                // Outside the quoted value it echoes (a flipped byte can put a backtick into "`mplemented").
                let own_words = p.message.split('"').step_by(2).collect::<String>();
                prop_assert!(!own_words.contains('`'), "the parser's wording: {:?}", p.message);
            }
        }
        Ok(loaded) => {
            prop_assert_eq!(validate(&loaded.assessment), Ok(()));
            let again = from_json(&to_json(&loaded.assessment)).map(|l| l.assessment);
            prop_assert_eq!(again, Ok(loaded.assessment));
        }
    }
    Ok(())
}

#[test]
fn an_answer_value_with_a_backtick_is_quoted_back_in_the_users_words() {
    // A case the byte-flipping property found: the message quotes the bad value, backtick included.
    let text = SCHEMA_2.replacen("\"implemented\"", "\"`mplemented\"", 1);
    assert_ne!(text, SCHEMA_2, "the fixture has an implemented answer");
    let e = from_json(&text).expect_err("`mplemented is no answer");
    assert!(e.problems.iter().any(|p| p.message.contains("\"`mplemented\"")), "{:?}", e.problems);
    sound(Err(e)).expect("a clear message");
}

/// The JSON pointer (`/assessment/zones/0/name`) of every field and list element in a value.
fn pointers(value: &Value, here: &str, out: &mut Vec<String>) {
    let children: Vec<(String, &Value)> = match value {
        Value::Object(map) => map.iter().map(|(k, v)| (k.clone(), v)).collect(),
        Value::Array(items) => items.iter().enumerate().map(|(i, v)| (i.to_string(), v)).collect(),
        _ => Vec::new(),
    };
    for (key, child) in children {
        let pointer = format!("{here}/{key}");
        out.push(pointer.clone());
        pointers(child, &pointer, out);
    }
}

/// Every pointer into a fixture (the fixtures' keys hold no `/` or `~`, so none needs escaping).
fn fixture_pointers(text: &str) -> Vec<String> {
    let value: Value = serde_json::from_str(text).expect("the fixture is JSON");
    let mut out = Vec::new();
    pointers(&value, "", &mut out);
    out
}

/// The random assessments the round-trip properties use hold what schema 5 added (snapshots, evidence) and
/// the inventory, so that "any assessment reads back unchanged" covers them.
#[test]
fn the_random_assessments_hold_snapshots_evidence_and_assets() {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let (mut snapshots, mut evidence, mut assets, mut assets_in_snapshots) = (0, 0, 0, 0);
    for _ in 0..64 {
        let a = arb_assessment().new_tree(&mut runner).expect("a value").current();
        snapshots += a.snapshots.len();
        assets += a.assets.len();
        assets_in_snapshots += a.snapshots.iter().map(|s| s.state.assets.len()).sum::<usize>();
        let answers = &a.answers;
        evidence += std::iter::once(&answers.assessment)
            .chain(std::iter::once(&answers.all_zones))
            .chain(answers.zones.values())
            .chain(answers.products.values())
            .flat_map(|m| m.values())
            .map(|r| r.evidence.len())
            .sum::<usize>();
        // Every one reads back unchanged, snapshots and inventory included.
        assert_eq!(from_json(&to_json(&a)).map(|l| l.assessment), Ok(a));
    }
    assert!(
        snapshots > 0 && evidence > 0 && assets > 0 && assets_in_snapshots > 0,
        "{snapshots} snapshots, {evidence} evidence references, {assets} assets, {assets_in_snapshots} in snapshots"
    );
}

/// Removes the field or list element at `pointer`.
fn delete(value: &mut Value, pointer: &str) {
    let Some((parent, last)) = pointer.rsplit_once('/') else { return };
    match value.pointer_mut(parent) {
        Some(Value::Object(map)) => {
            map.remove(last);
        }
        Some(Value::Array(items)) => {
            items.remove(last.parse::<usize>().expect("an index"));
        }
        _ => {}
    }
}

proptest! {
    #[test]
    fn any_assessment_reads_back_unchanged(a in arb_assessment()) {
        prop_assert_eq!(from_json(&to_json(&a)).map(|l| l.assessment), Ok(a));
    }

    #[test]
    fn any_assessment_with_products_reads_back_unchanged(a in arb_supplier_assessment()) {
        prop_assert!(!a.products.is_empty());
        let text = to_json(&a);
        prop_assert!(text.contains("\"schema\": 5"));
        let loaded = from_json(&text).map(|l| l.assessment);
        prop_assert_eq!(loaded, Ok(a.clone()));
        // The scores read back too: a product's SL-C does not depend on the trip through the file.
        let reread = from_json(&text).expect("it reads back").assessment;
        prop_assert_eq!(score(&reread).products, score(&a).products);
    }

    #[test]
    fn any_text_survives_a_round_trip(text in "\\PC{0,100}|[\\x00-\\x20\"\\\\]{0,20}") {
        let mut a = fixture();
        a.zones[0].description = text;
        prop_assert_eq!(from_json(&to_json(&a)).map(|l| l.assessment), Ok(a));
    }

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        sound(from_json(&text))?;
    }

    #[test]
    fn json_like_text_never_panics(text in "[\\[\\]{}\":,0-9a-z_ .\\-]{0,200}") {
        sound(from_json(&text))?;
    }

    #[test]
    fn flipped_bytes_never_panic(which in 0usize..FIXTURES.len(), flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)) {
        let mut bytes = FIXTURES[which].as_bytes().to_vec();
        for (at, byte) in flips {
            let at = at.index(bytes.len());
            bytes[at] = byte;
        }
        sound(from_json(&String::from_utf8_lossy(&bytes)))?;
    }

    #[test]
    fn a_truncated_file_never_panics(which in 0usize..FIXTURES.len(), keep in any::<prop::sample::Index>()) {
        let text = FIXTURES[which];
        sound(from_json(&String::from_utf8_lossy(&text.as_bytes()[..keep.index(text.len())])))?;
    }

    #[test]
    fn deleting_any_field_never_panics(which in 0usize..FIXTURES.len(), pick in any::<prop::sample::Index>()) {
        let all = fixture_pointers(FIXTURES[which]);
        let mut value: Value = serde_json::from_str(FIXTURES[which]).expect("the fixture is JSON");
        delete(&mut value, &all[pick.index(all.len())]);
        sound(from_json(&value.to_string()))?;
    }

    #[test]
    fn replacing_any_field_never_panics(
        which in 0usize..FIXTURES.len(),
        pick in any::<prop::sample::Index>(),
        replacement in prop_oneof![
            Just(json!(null)), Just(json!(-1)), Just(json!(5)), Just(json!(1e300)), Just(json!("")),
            Just(json!("x".repeat(200))), Just(json!([])), Just(json!({})), Just(json!(true)),
        ],
    ) {
        let all = fixture_pointers(FIXTURES[which]);
        let mut value: Value = serde_json::from_str(FIXTURES[which]).expect("the fixture is JSON");
        if let Some(slot) = value.pointer_mut(&all[pick.index(all.len())]) {
            *slot = replacement;
        }
        sound(from_json(&value.to_string()))?;
    }
}

#[test]
fn deleting_each_field_of_the_fixtures_in_turn_is_accepted_or_refused_clearly() {
    for (n, text) in FIXTURES.into_iter().enumerate() {
        for pointer in fixture_pointers(text) {
            let mut value: Value = serde_json::from_str(text).expect("the fixture is JSON");
            delete(&mut value, &pointer);
            if let Err(e) = sound(from_json(&value.to_string())) {
                panic!("schema-{} fixture without {pointer}: {e}", n + 1);
            }
        }
    }
}

#[test]
fn optional_fields_may_be_left_out_and_required_ones_may_not() {
    let loaded = accepted(&current_with(|v| {
        delete(v, "/assessment/zones/0/description");
        delete(v, "/assessment/zones/0/wizard");
        delete(v, "/assessment/products/0/description");
    }));
    assert_eq!(loaded.assessment.zones[0].description, "");
    assert!(loaded.assessment.zones[0].wizard.is_empty());
    assert_eq!(loaded.assessment.products[0].description, "");

    let e = refused(&current_with(|v| delete(v, "/assessment/zones/0/target")));
    assert_eq!(
        e.message,
        "Zone 1 (\"Harbour pumping control\"): the target security level (SL-T) (\"target\") is missing; it must be a \
         list of seven whole numbers from 0 to 4, one per foundational requirement (FR 1 to FR 7)."
    );
    assert!(location(&e).starts_with("line "));
    for field in ["component_type", "target"] {
        let e = refused(&current_with(|v| delete(v, &format!("/assessment/products/1/{field}"))));
        assert!(e.message.starts_with("Product 2 (\"StationView HMI 7.1\"): the "), "{}", e.message);
        assert!(e.message.contains(&format!("(\"{field}\") is missing; it must be ")), "{}", e.message);
    }
}

#[test]
fn names_compare_trimmed_and_lower_cased_in_every_script() {
    use iec62443_assess::domain::assessment::name_key;
    assert_eq!(name_key("  Außenstation ÜBERGABE "), "außenstation übergabe");
    assert_eq!(name_key("Насосная СТАНЦИЯ"), "насосная станция");
    assert_eq!(name_key("ŁÓDŹ Ζώνη"), "łódź ζώνη");
    // Armenian, Georgian and Latin Extended-B capitals too (the hand-written folding of earlier versions
    // left them as written, so these names counted as different).
    for (typed, existing) in
        [("ԿԱՅԱՆ 2", "կայան 2"), ("ᲡᲐᲓᲒᲣᲠᲘ", "სადგური"), ("ǄAKOVO", "ǆakovo"), (" Ῥόδος ", "ῥόδος")]
    {
        let a = assessment_with(vec![zone("z1", existing, [1; 7], Criticality::Medium)]);
        assert_eq!(check_zone_name(&a, typed, None), Err(NameProblem::Duplicate), "{typed}");
    }
}

// --- schema 3 and catalogue 2026.12-1 -------------------------------------------------------------------

#[test]
fn the_schema_3_file_loads_with_its_conduit_targets_vendor_answer_and_zone_note() {
    let loaded = accepted(SCHEMA_3);
    assert!(loaded.notices.is_empty(), "{:?}", loaded.notices);
    let a = loaded.assessment;
    assert_eq!(a.catalogue_version, CATALOGUE_VERSION);
    let [following, own] = &a.conduits[..] else { panic!("two conduits, found {}", a.conduits.len()) };
    // c1 joins the DMZ {2 2 1 1 2 1 1} and the pumping control {2 2 2 1 2 1 2}: the higher per FR.
    assert_eq!(following.target, None);
    assert_eq!(a.conduit_target(following), levels([2, 2, 2, 1, 2, 1, 2]));
    assert_eq!(own.target, Some(levels([3, 3, 2, 2, 3, 1, 2])));
    assert_eq!(a.conduit_target(own), levels([3, 3, 2, 2, 3, 1, 2]));
    assert_eq!(a.answers.all_zones["sr-3.8-re2"].answer, Some(Answer::VendorToConfirm));
    assert_eq!(a.status(Some("z1"), known_item("sr-3.8-re2")), Status::NotMet);
    // The pumping control zone keeps a note on SR 1.1 without an answer: the all-zones answer applies.
    assert!(!a.has_override("z1", "sr-1.1"));
    assert_eq!(a.status(Some("z1"), known_item("sr-1.1")), a.status(Some("z2"), known_item("sr-1.1")));
    assert!(a.zone_notes("z1", "sr-1.1").starts_with("Operators share a panel login"));
}

#[test]
fn older_versions_refuse_what_schema_3_adds_and_this_one_checks_it() {
    // A conduit target must be seven levels of 0 to 4.
    let e = refused(&current_with(|v| v["assessment"]["conduits"][1]["target"] = json!([3, 3, 2])));
    assert!(
        e.message.contains("own target level cannot be a list of 3 entries; it must be a list of seven"),
        "{}",
        e.message
    );
    let e = refused(&current_with(|v| v["assessment"]["conduits"][1]["target"] = json!([5, 3, 2, 2, 3, 1, 2])));
    assert!(
        e.message.contains("own target level for FR 1 cannot be 5; it must be a whole number from 0 to 4"),
        "{}",
        e.message
    );
    // Vendor to confirm belongs to 3-3 items only.
    let e = refused(&current_with(|v| {
        v["assessment"]["answers"]["assessment"]["zcr-2.1"] = json!({ "answer": "vendor_to_confirm" })
    }));
    assert!(
        e.message.contains(": \"vendor_to_confirm\" (Vendor to confirm) is not an answer to this question"),
        "{}",
        e.message
    );
    assert_eq!(location(&e), "assessment.answers.assessment[\"zcr-2.1\"].answer");
}

#[test]
fn answers_of_catalogue_2026_11_are_brought_forward_to_the_split_and_swapped_questions() {
    let text = edited(SCHEMA_2, |v| {
        let answers = &mut v["assessment"]["answers"];
        answers["assessment"]["sdl-sm-3"] = json!({ "answer": "ml1", "notes": "tailoring ad hoc" });
        answers["assessment"]["sdl-sm-5"] = json!({ "answer": "ml3", "notes": "scope list kept" });
        answers["assessment"]["zcr-5.4"] = json!({ "answer": "partial" });
        answers["assessment"]["zcr-5.7"] = json!({ "answer": "implemented" });
        answers["all_zones"]["sr-7.4"] = json!({ "answer": "implemented" });
        answers["zones"]["z1"]["sr-7.4"] = json!({ "answer": "not_implemented", "notes": "no restore test" });
        answers["products"]["p1"]["cr-1.10"] = json!({ "answer": "implemented" });
    });
    let loaded = accepted(&text);
    let a = &loaded.assessment;
    assert_eq!(a.catalogue_version, CATALOGUE_VERSION);
    let once = &a.answers.assessment;
    // SM-3 and SM-5 had each other's question: each answer follows its question.
    assert_eq!((once["sdl-sm-3"].answer, once["sdl-sm-3"].notes.as_str()), (Some(Answer::Ml3), "scope list kept"));
    assert_eq!((once["sdl-sm-5"].answer, once["sdl-sm-5"].notes.as_str()), (Some(Answer::Ml1), "tailoring ad hoc"));
    // A split question passes its answer to the new questions that have none.
    assert_eq!(once["zcr-5.5"].answer, Some(Answer::Partial));
    assert_eq!(once["zcr-5.7"].answer, Some(Answer::Implemented), "an answer already there is kept");
    assert_eq!(once["org-6"], once["org-1"]);
    assert_eq!(a.answers.all_zones["sr-7.4-b"].answer, Some(Answer::Implemented));
    assert_eq!(a.answers.zones["z1"]["sr-7.4-b"].notes, "no restore test");
    assert_eq!(a.answers.products["p1"]["cr-1.10-b"].answer, Some(Answer::Implemented));
    assert_eq!(
        loaded.notices,
        [format!(
            "The answers were given against catalogue 2026.11-1 and were brought forward to {CATALOGUE_VERSION}. The \
             answers to IEC 62443-4-1 SM-3 and SM-5 were swapped, because the two questions had each other's \
             subject; SM-12 (release check) and SD-1 (product interfaces) now ask about their own subject, so review \
             those two answers. Questions that asked several things at once are now asked one by one; the new \
             questions (cr-1.10-b, org-6, sr-7.4-b, zcr-5.5) start with the answer given to the question they came \
             from: check them."
        )]
    );
    // Saved again, the file records the current catalogue and reads back without a notice.
    let again = accepted(&to_json(a));
    assert!(again.notices.is_empty());
    assert_eq!(&again.assessment, a);
}

// --- every problem, in the user's words -------------------------------------------------------------------

#[test]
fn an_import_reports_every_wrong_value_not_only_the_first() {
    let text = current_with(|v| {
        v["comment"] = json!("exported by hand");
        v["assessment"]["zones"][0]["__proto__"] = json!({ "polluted": true });
        v["assessment"]["zones"][1]["target"][2] = json!(7);
        v["assessment"]["conduits"][0]["crosses_it"] = json!("yes");
        v["assessment"]["answers"]["zones"]["z1"]["sr-5.1"]["answer"] = json!("done");
        v["assessment"]["plan"]["sdl-dm-1"]["status"] = json!(2);
    });
    let e = refusal(&text);
    let messages: Vec<&str> = e.problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "The file has a field \"comment\" that this tool does not know; remove it. The fields it can have: \
             format, schema, catalogue_version, assessment.",
            "Zone 1 (\"Harbour pumping control\") has a field \"__proto__\" that this tool does not know; remove it. \
             The fields it can have: id, name, description, asset_types, criticality, target, wizard, organisation, boundary, \
         logical_access, physical_access, data_flows, purdue_levels.",
            "Zone 2 (\"Service access DMZ\"): the target security level (SL-T) for FR 3 cannot be 7; it must be a \
             whole number from 0 to 4.",
            "Conduit 1 (\"Service link\"): \"crosses_it\" (whether it crosses the IT network) cannot be \"yes\"; it \
             must be true or false.",
            "The answer to SR 5.1 (\"Network segmentation\") for zone \"Harbour pumping control\": the chosen answer \
             cannot be \"done\"; it must be one of \"implemented\", \"partial\", \"not_implemented\", \
             \"compensating\", \"not_applicable\", \"dont_know\", \"vendor_to_confirm\".",
            "The roadmap plan for DM-1 (\"Receiving notifications of security-related issues\"): the status cannot \
             be 2; it must be one of \"open\", \"planned\", \"done\".",
        ]
    );
    let paths: Vec<&str> = e.problems.iter().filter_map(|p| p.path.as_deref()).collect();
    assert_eq!(
        paths,
        [
            "comment",
            "assessment.zones[0].__proto__",
            "assessment.zones[1].target[2]",
            "assessment.conduits[0].crosses_it",
            "assessment.answers.zones.z1.sr-5.1.answer",
            "assessment.plan.sdl-dm-1.status",
        ]
    );
    // The first problem serde met in the whole file keeps its line; the others are found part by part.
    assert_eq!(e.problems.iter().filter(|p| p.position.is_some()).count(), 1);
    assert_eq!(e.more, 0);
}

#[test]
fn an_import_reports_every_broken_rule_not_only_the_first() {
    let text = fixture_with(|v| {
        v["assessment"]["profile"]["target_maturity"] = json!(6);
        v["assessment"]["zones"][1]["name"] = json!("treatment control");
        v["assessment"]["conduits"][0]["to"] = json!("z7");
        v["assessment"]["answers"]["all_zones"]["sr-1.1"]["answer"] = json!("ml2");
        v["assessment"]["answers"]["zones"]["z9"] = json!({ "sr-1.1": { "answer": "implemented" } });
    });
    let e = refusal(&text);
    let paths: Vec<&str> = e.problems.iter().filter_map(|p| p.path.as_deref()).collect();
    assert_eq!(
        paths,
        [
            "assessment.profile.target_maturity",
            "assessment.zones[1].name",
            "assessment.conduits[0].to",
            "assessment.answers.all_zones[\"sr-1.1\"].answer",
            "assessment.answers.zones[\"z9\"]",
        ]
    );
    assert_eq!(
        e.to_string(),
        format!("{} 4 more problems were found.", e.problems[0].message),
        "a short form for lists (stored entries that cannot be read)"
    );
}

#[test]
fn at_most_twenty_problems_are_listed_and_the_rest_are_counted() {
    // Thirty zones with the same name.
    let text = fixture_with(|v| {
        let zone = v["assessment"]["zones"][0].clone();
        let zones: Vec<Value> = (0..31)
            .map(|i| {
                let mut z = zone.clone();
                z["id"] = json!(format!("z{i}"));
                z
            })
            .collect();
        v["assessment"]["zones"] = json!(zones);
        v["assessment"]["conduits"] = json!([]);
        v["assessment"]["answers"]["zones"] = json!({});
    });
    let e = refusal(&text);
    assert_eq!((e.problems.len(), e.more, e.count()), (MAX_PROBLEMS, 10, 30));
    assert_eq!(MAX_PROBLEMS, 20);
    assert!(e.problems[0].message.starts_with("Zone 2 (\"Treatment control\") has the same name as zone 1"));
    assert!(e.to_string().ends_with(" 29 more problems were found."));
}

#[test]
fn no_refusal_uses_the_parsers_words() {
    let edits: [fn(&mut Value); 14] = [
        |v| v["assessment"]["profile"]["target_maturity"] = json!(300),
        |v| v["assessment"]["profile"]["roles"] = json!(["owner"]),
        |v| v["assessment"]["profile"]["mode"] = json!(null),
        |v| v["assessment"]["zones"] = json!("three"),
        |v| v["assessment"]["zones"][0]["asset_types"] = json!(["plc", 4]),
        |v| v["assessment"]["zones"][0]["wizard"] = json!({ "safety": 3 }),
        |v| v["assessment"]["products"][0]["id"] = json!(["p1"]),
        |v| v["assessment"]["answers"] = json!("none"),
        |v| v["assessment"]["answers"]["zones"]["z1"] = json!(true),
        |v| v["assessment"]["answers"]["products"]["p1"]["cr-1.1"]["notes"] = json!({}),
        |v| v["assessment"]["plan"]["sdl-dm-1"] = json!("soon"),
        |v| v["assessment"]["created"] = json!(20260302),
        |v| delete(v, "/assessment/name"),
        |v| delete(v, "/assessment/products/0/component_type"),
    ];
    for (n, edit) in edits.iter().enumerate() {
        let text = current_with(edit);
        let Err(e) = from_json(&text) else { panic!("edit {n} was accepted") };
        for p in &e.problems {
            let m = p.message.as_str();
            assert!(!m.contains('`') && !m.contains("invalid type") && !m.contains("unit value"), "{m:?}");
            let words: Vec<&str> = m.split(|c: char| !c.is_alphanumeric()).collect();
            for jargon in ["expected", "variant", "u8", "sequence", "map", "struct", "EOF"] {
                assert!(!words.contains(&jargon), "{jargon:?} in {m:?}");
            }
            assert!(m.ends_with('.') && m.contains(" must be ") || m.contains(" is missing"), "{m}");
        }
    }
}

/// The codes serde reads for an enum, sorted: the list it gives when it refuses an empty code.
fn serde_codes<T: serde::de::DeserializeOwned>() -> Vec<String> {
    let message = serde_json::from_str::<T>("\"\"").err().expect("an empty code is refused").to_string();
    let mut codes: Vec<String> = message.split('`').skip(1).step_by(2).skip(1).map(str::to_string).collect();
    codes.sort();
    codes
}

/// The codes a message allows (`... it must be one of "a", "b".`), sorted.
fn allowed_codes(message: &str) -> Vec<String> {
    let list = message.rsplit_once("one of ").map_or("", |(_, list)| list);
    let mut codes: Vec<String> = list.split('"').skip(1).step_by(2).map(str::to_string).collect();
    codes.sort();
    codes
}

/// An edit that puts a wrong code in a file, and the codes serde reads there.
type CodeCase = (fn(&mut Value), Vec<String>);

#[test]
fn the_codes_a_message_allows_are_the_codes_serde_reads() {
    let cases: [CodeCase; 11] = [
        (|v| v["assessment"]["profile"]["mode"] = json!(1), serde_codes::<Mode>()),
        (|v| v["assessment"]["profile"]["roles"][0] = json!(1), serde_codes::<Role>()),
        (|v| v["assessment"]["zones"][0]["asset_types"] = json!([1]), serde_codes::<AssetType>()),
        (|v| v["assessment"]["zones"][0]["criticality"] = json!(1), serde_codes::<Criticality>()),
        (|v| v["assessment"]["products"][0]["component_type"] = json!(1), serde_codes::<ComponentType>()),
        (|v| v["assessment"]["zones"][0]["purdue_levels"] = json!([1]), serde_codes::<PurdueLevel>()),
        (|v| v["assessment"]["conduits"][0]["type"] = json!(1), serde_codes::<ConduitType>()),
        (|v| v["assessment"]["assets"][0]["criticality"] = json!(1), serde_codes::<Criticality>()),
        (|v| v["assessment"]["assets"][0]["purdue"] = json!(1), serde_codes::<PurdueLevel>()),
        (|v| v["assessment"]["plan"]["sdl-dm-1"]["status"] = json!(1), serde_codes::<ActionStatus>()),
        // An answer to a question the catalogue does not know: any answer code.
        (|v| v["assessment"]["answers"]["assessment"]["x-1"] = json!({ "answer": 1 }), serde_codes::<Answer>()),
    ];
    for (edit, codes) in cases {
        let e = refused(&current_with(edit));
        assert!(e.message.contains(" cannot be 1; it must be "), "{}", e.message);
        assert_eq!(allowed_codes(&e.message), codes, "{}", e.message);
    }
}

// --- schema 5: snapshots and evidence references ------------------------------------------------------

#[test]
fn the_schema_5_file_loads_with_its_snapshot_and_evidence() {
    let loaded = accepted(SCHEMA_5);
    assert!(loaded.notices.is_empty(), "{:?}", loaded.notices);
    let a = loaded.assessment;
    let [baseline] = &a.snapshots[..] else { panic!("one snapshot, found {}", a.snapshots.len()) };
    assert_eq!((baseline.id.as_str(), baseline.name.as_str()), ("s1", "Baseline, April 2026"));
    assert_eq!(baseline.date(), "2026-04-14");
    assert_eq!(baseline.state.zones.len(), 1, "the DMZ zone was added after the snapshot");
    let frozen: Vec<&str> = baseline.state.assets.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(frozen, ["PLC pump 1", "Level sensors"], "a snapshot keeps the inventory as it was");
    assert_eq!(baseline.state.zones[0].organisation, "Harbour Water Utility, operations department");
    assert_eq!(a.assets.len(), 4);
    assert_eq!(baseline.state.answers.all_zones["sr-1.1"].answer, Some(Answer::NotImplemented));
    assert!(baseline.state.answers.all_zones["sr-1.1"].evidence.is_empty());
    let sr_1_1 = &a.answers.all_zones["sr-1.1"].evidence;
    assert_eq!(sr_1_1.len(), 1);
    assert_eq!(sr_1_1[0].document, "Account review 2026-Q2");
    assert_eq!(sr_1_1[0].web_link(), Some("https://intranet.northwind.example/dms/4711"));
    let share = &a.answers.zones["z1"]["sr-5.1"].evidence[0];
    assert_eq!(share.web_link(), None, "a file share path is text, not a link");
    assert_eq!(share.date, "", "a missing date is empty");
    assert_eq!(a.answers.assessment["zcr-1.1"].evidence[0].link, "", "a missing link is empty");
}

#[test]
fn older_files_read_as_schema_5_without_snapshots_or_evidence() {
    for text in [SCHEMA_1, SCHEMA_2, SCHEMA_3, SCHEMA_4] {
        let a = accepted(text).assessment;
        assert!(a.snapshots.is_empty());
        let maps = [&a.answers.assessment, &a.answers.all_zones];
        assert!(maps.iter().all(|m| m.values().all(|r| r.evidence.is_empty())));
        let saved: Value = serde_json::from_str(&to_json(&a)).expect("JSON");
        assert_eq!(saved["schema"], json!(5));
        assert!(!to_json(&a).contains("\"evidence\""), "empty evidence is left out of the file");
    }
}

#[test]
fn a_snapshot_is_checked_like_the_assessment_and_located_inside_it() {
    // An answer from the wrong scale inside the snapshot's state: the assessment's own sentence, said of
    // the snapshot.
    let e = refused(&schema_5_with(|v| {
        v["assessment"]["snapshots"][0]["state"]["answers"]["all_zones"]["sr-1.1"]["answer"] = json!("ml2")
    }));
    assert_eq!(
        e.message,
        "In snapshot 1 (as it was): The answer to SR 1.1 (\"Human user identification and authentication\") for \
         all zones: \"ml2\" (ML2 Managed) is not an answer to this question; it takes one of \"implemented\", \
         \"partial\", \"not_implemented\", \"compensating\", \"not_applicable\", \"dont_know\", \
         \"vendor_to_confirm\"."
    );
    assert_eq!(location(&e), "assessment.snapshots[0].state.answers.all_zones[\"sr-1.1\"].answer");
    // Answers for a zone the snapshot did not have.
    let e = refused(&schema_5_with(|v| {
        v["assessment"]["snapshots"][0]["state"]["answers"]["zones"]["z2"] =
            json!({ "sr-1.1": { "answer": "implemented" } })
    }));
    assert_eq!(
        e.message,
        "In snapshot 1 (as it was): There are answers for zone \"z2\", which is not in the file; remove them or \
         add the zone."
    );
    assert_eq!(location(&e), "assessment.snapshots[0].state.answers.zones[\"z2\"]");
    // Two snapshots with the same name, in any case.
    let e = refused(&schema_5_with(|v| {
        let mut second = v["assessment"]["snapshots"][0].clone();
        second["id"] = json!("s2");
        second["name"] = json!(" baseline, APRIL 2026");
        v["assessment"]["snapshots"].as_array_mut().expect("a list").push(second);
    }));
    assert_eq!(
        e.message,
        "Snapshot 2 (\"baseline, APRIL 2026\") has the same name as snapshot 1 (\"Baseline, April 2026\"); each \
         snapshot needs its own name (capitals and spaces at either end do not count)."
    );
    assert_eq!(location(&e), "assessment.snapshots[1].name");
    // A snapshot inside a snapshot.
    let e = refused(&schema_5_with(|v| {
        let inner = v["assessment"]["snapshots"][0].clone();
        v["assessment"]["snapshots"][0]["state"]["snapshots"] = json!([inner]);
    }));
    assert_eq!(
        e.message,
        "Snapshot 1 (\"Baseline, April 2026\") holds snapshots of its own; a snapshot's state cannot have any. \
         Remove them."
    );
    assert_eq!(location(&e), "assessment.snapshots[0].state.snapshots");
    // An unknown field in a snapshot, and a wrong value inside its state, in the user's words.
    let e = refusal(&schema_5_with(|v| {
        v["assessment"]["snapshots"][0]["colour"] = json!("red");
        v["assessment"]["snapshots"][0]["state"]["zones"][0]["target"][2] = json!(7);
    }));
    let messages: Vec<&str> = e.problems.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(
        messages,
        ["Snapshot 1 (\"Baseline, April 2026\") has a field \"colour\" that this tool does not know; remove it. \
             The fields it can have: id, name, taken, state."]
    );
    let e = refused(&schema_5_with(|v| v["assessment"]["snapshots"][0]["state"]["zones"][0]["target"][2] = json!(7)));
    assert_eq!(
        e.message,
        "In snapshot 1 (as it was): Zone 1 (\"Harbour pumping control\"): the target security level (SL-T) for FR 3 \
         cannot be 7; it must be a whole number from 0 to 4."
    );
    assert_eq!(e.path.as_deref(), Some("assessment.snapshots[0].state.zones[0].target[2]"));
}

#[test]
fn evidence_references_are_checked_for_count_and_length() {
    let too_many: Vec<Value> = (0..=MAX_EVIDENCE).map(|i| json!({ "document": format!("Doc {i}") })).collect();
    let e =
        refused(&schema_5_with(|v| v["assessment"]["answers"]["all_zones"]["sr-1.1"]["evidence"] = json!(too_many)));
    assert_eq!(
        e.message,
        format!(
            "The answer to SR 1.1 (\"Human user identification and authentication\") for all zones has {} evidence \
             references; at most {MAX_EVIDENCE} are allowed. Remove some from the file.",
            MAX_EVIDENCE + 1
        )
    );
    assert_eq!(location(&e), "assessment.answers.all_zones[\"sr-1.1\"].evidence");
    let e = refused(&schema_5_with(|v| {
        v["assessment"]["answers"]["all_zones"]["sr-1.1"]["evidence"][0]["link"] = json!("x".repeat(1001))
    }));
    assert_eq!(
        e.message,
        "The answer to SR 1.1 (\"Human user identification and authentication\") for all zones: the link of evidence \
         reference 1 is 1001 characters long; at most 1000 are allowed."
    );
    assert_eq!(location(&e), "assessment.answers.all_zones[\"sr-1.1\"].evidence[0].link");
    let e = refused(&schema_5_with(|v| {
        v["assessment"]["answers"]["all_zones"]["sr-1.1"]["evidence"][0]["document"] = json!("  ")
    }));
    assert_eq!(
        e.message,
        "The answer to SR 1.1 (\"Human user identification and authentication\") for all zones: evidence reference \
         1 names no document; give it a name or remove it."
    );
    let e = refused(&schema_5_with(|v| {
        v["assessment"]["answers"]["all_zones"]["sr-1.1"]["evidence"][0]["pages"] = json!(3)
    }));
    assert!(e.message.contains("a field \"pages\" that this tool does not know"), "{}", e.message);
    let e = refused(&schema_5_with(|v| {
        v["assessment"]["answers"]["all_zones"]["sr-1.1"]["evidence"][0]["date"] = json!(20260414)
    }));
    assert_eq!(
        e.message,
        "The answer to SR 1.1 (\"Human user identification and authentication\") for all zones: the date of evidence \
         reference 1 cannot be 20260414; it must be a text in double quotes."
    );
}

#[test]
fn taking_renaming_and_deleting_snapshots_keeps_names_unique() {
    let mut a = accepted(SCHEMA_5).assessment;
    let id = a.take_snapshot("  After the firewall  ", "2026-06-01T10:00:00Z").expect("taken");
    assert_eq!(id, "s2");
    assert_eq!(a.snapshots[1].name, "After the firewall");
    assert_eq!(a.snapshots[1].state.answers, a.answers, "a snapshot freezes the answers as they are");
    assert_eq!(a.snapshots[1].state.assets, a.assets, "and the inventory");
    assert_eq!(a.snapshots[1].state.assets.len(), 4);
    assert!(a.snapshots[1].state.plan.contains_key("sr-5.1"));
    assert_eq!(
        a.take_snapshot("after THE firewall", "2026-06-02T10:00:00Z"),
        Err(SnapshotProblem::Name(NameProblem::Duplicate))
    );
    assert_eq!(a.rename_snapshot("s2", ""), Err(SnapshotProblem::Name(NameProblem::Empty)));
    assert_eq!(a.rename_snapshot("s9", "Other"), Err(SnapshotProblem::NotFound));
    a.rename_snapshot("s2", "June 2026").expect("renamed");
    // A later change does not touch the snapshot.
    a.set_response(&AnswerScope::AllZones, "sr-1.1", Response::with(Answer::Partial));
    a.assets.clear();
    assert_eq!(a.snapshots[1].state.assets.len(), 4, "an asset removed later stays in the snapshot");
    assert_eq!(a.snapshots[1].state.answers.all_zones["sr-1.1"].answer, Some(Answer::Implemented));
    assert_eq!(accepted(&to_json(&a)).assessment, a, "snapshots read back unchanged");
    assert!(a.delete_snapshot("s1"));
    assert!(!a.delete_snapshot("s1"));
    assert_eq!(a.snapshots.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["June 2026"]);
    // Ids are not reused after a delete.
    assert_eq!(a.take_snapshot("Later", NOW).as_deref(), Ok("s3"));
    for i in a.snapshots.len()..MAX_SNAPSHOTS {
        a.take_snapshot(&format!("Snapshot {i}"), NOW).expect("room for more");
    }
    assert_eq!(a.take_snapshot("One too many", NOW), Err(SnapshotProblem::TooMany));
}

#[test]
fn repair_keeps_the_snapshots_that_read_and_drops_the_rest() {
    let text = schema_5_with(|v| {
        let mut broken = v["assessment"]["snapshots"][0].clone();
        broken["id"] = json!("s2");
        broken["name"] = json!("Broken");
        broken["state"]["zones"] = json!("not a list");
        v["assessment"]["snapshots"].as_array_mut().expect("a list").push(broken);
        v["assessment"]["zones"][0]["colour"] = json!("red");
    });
    let repaired = storage::repair(&text, "a-new", NOW).expect("repairable");
    assert_eq!(repaired.assessment.snapshots.len(), 1);
    assert_eq!(repaired.assessment.snapshots[0].name, "Baseline, April 2026");
    assert_eq!(
        repaired.dropped.last().map(String::as_str),
        Some("In snapshot 2 (as it was): The assessment: the list of zones cannot be \"not a list\"; it must be a list in \
          square brackets [ ]. The snapshot was left out.")
    );
}
