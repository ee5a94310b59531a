//! Repair of damaged saved data: what can be read is kept, the rest is listed; nothing panics.

use iec62443_assess::storage::{from_json, repair};
use iec62443_assess::*;
use proptest::prelude::*;
use serde_json::{json, Value};

const SCHEMA_1: &str = include_str!("fixtures/schema-1.json");
const SCHEMA_2: &str = include_str!("fixtures/schema-2.json");

fn damaged(edit: impl FnOnce(&mut Value)) -> String {
    let mut value: Value = serde_json::from_str(SCHEMA_1).expect("the fixture is JSON");
    edit(&mut value);
    value.to_string()
}

#[test]
fn repair_keeps_the_readable_parts_and_lists_what_it_left_out() {
    let original = from_json(SCHEMA_1).expect("fixture loads").assessment;
    let text = damaged(|v| {
        v["assessment"]["zones"].as_array_mut().unwrap().push(json!({"id": "z9", "name": 42}));
        v["assessment"]["answers"]["all_zones"]["sr-1.1"] = json!({"answer": "ml2"});
        v["assessment"]["answers"]["zones"]["z-gone"] = json!({"sr-1.3": {"answer": "implemented"}});
        v["assessment"]["profile"]["target_maturity"] = json!(9);
    });
    assert!(from_json(&text).is_err(), "the damaged data is refused by the normal reader");
    let repaired = repair(&text, "new-id", "2026-11-25T10:00:00Z").expect("repairable");
    let a = &repaired.assessment;
    assert_eq!(a.id, "new-id");
    assert!(a.name.ends_with("(repaired)"));
    assert_eq!(a.zones.len(), original.zones.len(), "the unreadable zone is left out, the others kept");
    assert_eq!(a.conduits, original.conduits);
    assert!(!a.answers.all_zones.contains_key("sr-1.1"), "an answer of the wrong scale is left out");
    assert_eq!(a.answers.assessment, original.answers.assessment);
    assert_eq!(a.profile.target_maturity, 2);
    assert_eq!(a.plan, original.plan);
    let dropped = repaired.dropped.join("\n");
    // Each part left out is named as an import names it, with the reason, once.
    assert_eq!(
        repaired.dropped[..4],
        [
            "The profile: the target maturity level was 9, outside 1 to 4; it was set to 2.",
            "Zone 3: the name cannot be 42; it must be a text in double quotes. The zone was left out.",
            "The answer to SR 1.1 (\"Human user identification and authentication\") for all zones was left out: \
             this question does not take that answer, or is not answered there.",
            "The answers for zone \"z-gone\" were left out: that zone was not recovered.",
        ]
    );
    assert!(repaired.dropped[4].contains("brought forward"), "{dropped}");
    assert_eq!(repaired.dropped.len(), 5, "{dropped}");
    // The repaired assessment is valid and survives a save and a load.
    let again = from_json(&storage::to_json(a)).expect("repaired data loads").assessment;
    assert_eq!(&again, a);
}

#[test]
fn repair_drops_conduits_to_missing_zones_and_renames_duplicate_zones() {
    let text = damaged(|v| {
        let zones = v["assessment"]["zones"].as_array_mut().unwrap();
        let mut twin = zones[0].clone();
        twin["id"] = json!("z-twin");
        zones.push(twin);
        v["assessment"]["conduits"]
            .as_array_mut()
            .unwrap()
            .push(json!({"id": "c9", "name": "x", "from": "z1", "to": "nowhere"}));
    });
    let repaired = repair(&text, "r1", "2026-11-25T10:00:00Z").expect("repairable");
    let names: Vec<&str> = repaired.assessment.zones.iter().map(|z| z.name.as_str()).collect();
    assert_eq!(names.len(), 3);
    assert!(names[2].ends_with(" (2)"), "{names:?}");
    assert!(repaired.assessment.conduits.iter().all(|c| c.id != "c9"));
    assert!(
        repaired.dropped.contains(
            &"Conduit 2 (\"x\") was left out: it connects a zone that was not recovered, or its id is empty or the id \
              of another conduit."
                .to_string()
        ),
        "{:?}",
        repaired.dropped
    );
}

#[test]
fn repair_keeps_readable_products_and_their_answers() {
    let original = from_json(SCHEMA_2).expect("fixture loads").assessment;
    let mut value: Value = serde_json::from_str(SCHEMA_2).expect("the fixture is JSON");
    let products = value["assessment"]["products"].as_array_mut().unwrap();
    products.push(json!({"id": "p3", "name": "Broken", "component_type": "robot", "target": [1, 1, 1, 1, 1, 1, 1]}));
    let mut twin = products[0].clone();
    twin["id"] = json!("p4");
    products.push(twin);
    value["assessment"]["answers"]["products"]["p9"] = json!({"cr-1.1": {"answer": "implemented"}});
    value["assessment"]["answers"]["products"]["p1"]["cr-1.3"] =
        json!({"answer": "compensating", "justification": "x"});
    let text = value.to_string();
    assert!(from_json(&text).is_err(), "the damaged data is refused by the normal reader");

    let repaired = repair(&text, "r2", "2026-11-25T10:00:00Z").expect("repairable");
    let a = &repaired.assessment;
    let names: Vec<&str> = a.products.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["NW-RTU 560 firmware 4.2", "StationView HMI 7.1", "NW-RTU 560 firmware 4.2 (2)"]);
    assert_eq!(a.answers.products, original.answers.products, "the readable answers are kept, the others left out");
    assert_eq!(a.answers.assessment, original.answers.assessment);
    let dropped = repaired.dropped.join("\n");
    assert!(dropped.contains("Product 3 (\"Broken\"): the component type cannot be \"robot\""), "{dropped}");
    assert!(dropped.contains("The answers for product \"p9\" were left out"), "{dropped}");
    assert!(
        dropped.contains("CR 1.3 (\"Account management\") for product \"NW-RTU 560 firmware 4.2\" was left out"),
        "{dropped}"
    );
    let again = from_json(&storage::to_json(a)).expect("repaired data loads").assessment;
    assert_eq!(&again, a);
}

#[test]
fn repair_refuses_what_it_cannot_read_and_data_of_a_newer_version() {
    let e = repair("{\"format\": ", "r", "now").expect_err("not JSON");
    assert_eq!(
        e.to_string(),
        "Nothing can be recovered automatically, because the data is not valid JSON: the file ends too early (it \
         may have been cut off). (Line 1, column 11.)"
    );
    let e = repair(&damaged(|v| v["schema"] = json!(99)), "r", "now").expect_err("newer schema");
    assert_eq!(
        e.to_string(),
        "This data was written by a newer version of the tool; open it there instead of repairing it here."
    );
    let e = repair("[1, 2]", "r", "now").expect_err("not an assessment");
    assert_eq!(e.to_string(), "Nothing can be recovered automatically: the data holds no assessment.");
}

proptest! {
    #[test]
    fn repair_never_panics_on_truncated_or_flipped_data(cut in 0usize..4000, flip in 0usize..4000, byte in any::<u8>()) {
        let mut bytes = SCHEMA_1.as_bytes().to_vec();
        let at = flip % bytes.len();
        bytes[at] = byte;
        bytes.truncate(cut.max(1).min(bytes.len()));
        let text = String::from_utf8_lossy(&bytes);
        let _ = repair(&text, "r", "now");
    }
}

#[test]
fn repair_keeps_the_good_assets_and_names_each_one_it_left_out() {
    let schema_4: &str = include_str!("fixtures/schema-4.json");
    let mut value: Value = serde_json::from_str(schema_4).expect("the fixture is JSON");
    value["assessment"]["assets"][1]["zone"] = json!("z9");
    value["assessment"]["assets"][2]["quantity"] = json!("many");
    let text = value.to_string();
    assert!(from_json(&text).is_err(), "the damaged data is refused by the normal reader");
    let repaired = repair(&text, "r4", "2026-11-25T10:00:00Z").expect("repairable");
    let ids: Vec<&str> = repaired.assessment.assets.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(ids, ["a1", "a4"]);
    let about_assets: Vec<&str> =
        repaired.dropped.iter().map(String::as_str).filter(|d| d.starts_with("Asset")).collect();
    assert_eq!(
        about_assets,
        [
            "Asset 2 (\"Level sensors\") is in zone \"z9\", which is not in the file; \"zone\" must be the id of one \
             of its zones. The asset was left out.",
            "Asset 3 (\"Station RTU\"): the quantity cannot be \"many\"; it must be a whole number from 1 to 1000000. \
             The asset was left out.",
        ]
    );
}
