//! Progress over time: the comparison of two states (levels per zone and FR with their change, maturity
//! per area, answers changed from what to what, actions done in between, zones added or removed), the
//! trend over snapshots, and the report's "Progress since DATE" section on screen and in Markdown. The
//! expected values are worked out by hand from the answers each test gives.

mod common;

use common::*;
use iec62443_assess::document::{comparison_blocks, level_move, Block, PROGRESS_SECTION};
use iec62443_assess::export::document_markdown;
use iec62443_assess::storage::from_json;
use iec62443_assess::*;

const SCHEMA_5: &str = include_str!("fixtures/schema-5.json");

/// FR1 at SL 1 and FR2 up to SL 2 implemented for all zones, in two zones: Cell A aims at SL 2
/// everywhere, Boiler house at SL 1.
fn plant() -> Assessment {
    let mut a = assessment_with(vec![
        zone("z1", "Cell A", [2; 7], Criticality::High),
        zone("z2", "Boiler house", [1; 7], Criticality::Medium),
    ]);
    implement_fr(&mut a, &AnswerScope::AllZones, Fr::Fr1, 1);
    implement_fr(&mut a, &AnswerScope::AllZones, Fr::Fr2, 2);
    a.plan.insert("sr-1.1".into(), ActionPlan { status: ActionStatus::Done, ..ActionPlan::default() });
    a
}

fn fr_items_up_to(fr: Fr, level: u8) -> usize {
    catalogue::items_of_fr(fr).filter(|i| i.level().is_some_and(|l| l.get() <= level)).count()
}

#[test]
fn levels_rise_and_fall_per_zone_and_fr_between_a_snapshot_and_now() {
    let mut a = plant();
    a.take_snapshot("Baseline", "2026-01-31T12:00:00Z").expect("taken");
    // Since then: FR3 at SL 1 implemented for all zones; Boiler house says SR 2.1 is not implemented
    // (FR2 falls from 2 to 0 there); Cell A renamed; a third zone added; SR 2.1's action done.
    implement_fr(&mut a, &AnswerScope::AllZones, Fr::Fr3, 1);
    answer(&mut a, &in_zone("z2"), &["sr-2.1"], Answer::NotImplemented);
    a.zones[0].name = "Cell A1".into();
    a.zones.push(zone("z3", "Historian DMZ", [1; 7], Criticality::Low));
    a.plan.insert(
        "sr-2.1".into(),
        ActionPlan { status: ActionStatus::Done, owner: "J. Doe".into(), ..ActionPlan::default() },
    );

    let then = a.snapshots[0].as_assessment();
    let c = compare(&then, &a);
    assert_eq!(c.before, StateLabel { name: "Baseline".into(), date: "2026-01-31".into() });
    let [cell, boiler] = &c.zones[..] else { panic!("two zones in both states, found {}", c.zones.len()) };

    // Cell A: SL-A {1 2 0 0 0 0 0} then, {1 2 1 0 0 0 0} now.
    assert_eq!(cell.name, "Cell A1");
    assert_eq!(cell.renamed_from.as_deref(), Some("Cell A"));
    assert_eq!(cell.before, levels([1, 2, 0, 0, 0, 0, 0]));
    assert_eq!(cell.after, levels([1, 2, 1, 0, 0, 0, 0]));
    assert_eq!(Fr::ALL.map(|fr| cell.change(fr)), [0, 0, 1, 0, 0, 0, 0]);
    // At target (SL-T 2 everywhere): FR2 only, then and now.
    assert_eq!(cell.at_target(), (1, 1));

    // Boiler house: {1 2 0 0 0 0 0} then, {1 0 1 0 0 0 0} now.
    assert_eq!(boiler.after, levels([1, 0, 1, 0, 0, 0, 0]));
    assert_eq!(Fr::ALL.map(|fr| boiler.change(fr)), [0, -2, 1, 0, 0, 0, 0]);
    assert_eq!((boiler.risen(), boiler.fallen()), (1, 1));
    // At target (SL-T 1): FR1 and FR2 then; FR1 and FR3 now.
    assert_eq!(boiler.at_target(), (2, 2));

    assert_eq!(c.added_zones, ["Historian DMZ"]);
    assert!(c.removed_zones.is_empty());

    // Answers: FR3's SL 1 items for all zones (not answered -> implemented), then Boiler house's SR 2.1.
    let fr3 = fr_items_up_to(Fr::Fr3, 1);
    assert_eq!(c.answers.len(), fr3 + 1);
    assert!(c.answers[..fr3]
        .iter()
        .all(|x| x.place == "All zones" && x.before.is_none() && x.after == Some(Answer::Implemented)));
    let last = &c.answers[fr3];
    assert_eq!((last.item_id.as_str(), last.place.as_str()), ("sr-2.1", "Zone Boiler house"));
    assert_eq!((last.before, last.after), (None, Some(Answer::NotImplemented)));

    // SR 1.1 was done already; SR 2.1 was done in between.
    let [done] = &c.done[..] else { panic!("one action done, found {:?}", c.done) };
    assert_eq!(done.key, "sr-2.1");
    assert!(done.title.starts_with("SR 2.1 "), "{}", done.title);
    assert_eq!(done.owner, "J. Doe");

    assert_eq!(
        c.summary().split(". ").take(2).collect::<Vec<_>>(),
        ["Compared with Baseline (2026-01-31)", "Levels: 2 zones rose in 2 FRs; 1 zone fell in 1 FR"]
    );
}

#[test]
fn two_assessments_of_the_same_plant_pair_their_zones_by_name() {
    let before = plant();
    let mut after = plant();
    after.id = "a2".into();
    // The zones were created in another order, so their ids differ; the names match (in any case).
    after.zones =
        vec![zone("z1", "boiler HOUSE", [1; 7], Criticality::Medium), zone("z2", "Cell A", [2; 7], Criticality::High)];
    answer(&mut after, &in_zone("z1"), &["sr-1.1"], Answer::NotImplemented);
    let c = compare(&before, &after);
    assert_eq!(c.zones.iter().map(|z| z.name.as_str()).collect::<Vec<_>>(), ["boiler HOUSE", "Cell A"]);
    assert!(c.added_zones.is_empty() && c.removed_zones.is_empty());
    // boiler HOUSE is the former z2 (SL-T 1): FR1 falls from 1 to 0.
    assert_eq!(c.zones[0].change(Fr::Fr1), -1);
    assert_eq!(c.zones[1].change(Fr::Fr1), 0);
    assert_eq!(c.answers.len(), 1);
    assert_eq!(c.answers[0].place, "Zone boiler HOUSE");
    assert!(c.done.is_empty(), "SR 1.1 was done in both");
}

#[test]
fn maturity_moves_per_area_and_overall() {
    let mut a = assessment_with(Vec::new());
    for item in catalogue::items_of(Part::Programme) {
        a.set_response(&AnswerScope::Assessment, item.id, Response::with(Answer::Ml1));
    }
    a.take_snapshot("Baseline", NOW).expect("taken");
    // Configuration management reaches ML2 in every practice; the programme stays at its lowest area.
    for item in catalogue::items_of_area("cm") {
        a.set_response(&AnswerScope::Assessment, item.id, Response::with(Answer::Ml2));
    }
    let c = compare(&a.snapshots[0].as_assessment(), &a);
    let overall = &c.maturity[0];
    assert_eq!(
        (overall.part, overall.title(), overall.before, overall.after),
        (Part::Programme, "Overall", Some(1), Some(1))
    );
    let cm = c.maturity.iter().find(|m| m.area.is_some_and(|area| area.id == "cm")).expect("the cm area");
    assert_eq!((cm.before, cm.after), (Some(1), Some(2)));
    let moved: Vec<&str> = c.maturity.iter().filter(|m| m.before != m.after).map(|m| m.title()).collect();
    assert_eq!(moved, ["Configuration management"]);
    // Parts no role answers are left out.
    assert!(c.maturity.iter().all(|m| m.part == Part::Programme));
}

#[test]
fn the_schema_5_snapshot_compared_with_now() {
    let a = from_json(SCHEMA_5).expect("the fixture loads").assessment;
    let c = compare(&a.snapshots[0].as_assessment(), &a);
    assert_eq!(c.before.date, "2026-04-14");
    assert_eq!(c.added_zones, ["Service access DMZ"]);
    let changes: Vec<(&str, &str, &str, &str)> = c
        .answers
        .iter()
        .map(|x| (x.item_id.as_str(), x.place.as_str(), answer_label(x.before), answer_label(x.after)))
        .collect();
    assert_eq!(
        changes,
        [
            ("sr-1.1", "All zones", "Not implemented", "Implemented"),
            ("sr-5.1", "Zone Harbour pumping control", "Not answered", "Implemented"),
        ]
    );
    assert_eq!(c.answers[0].notes_before, "Shared logins everywhere.");
    assert_eq!(c.answers[0].notes_after, "");
    assert_eq!(c.answers[1].notes_after, "Station firewall installed in March.");
    assert_eq!(
        c.done.iter().map(|d| (d.key.as_str(), d.owner.as_str())).collect::<Vec<_>>(),
        [("sr-5.1", "M. Okafor")]
    );
    // The trend: the DMZ zone did not exist at the baseline.
    let t = trend(&a);
    assert_eq!(t.states.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["Baseline, April 2026", "Now"]);
    assert_eq!(t.lines.len(), 2);
    assert_eq!(t.lines[1].at_target[0], None);
    assert!(t.lines[1].at_target[1].is_some());
    assert_eq!(t.lines[0].achieved[0], c.zones[0].before.into());
}

#[test]
fn the_report_gains_a_progress_section_on_screen_and_in_markdown() {
    let mut a = plant();
    a.take_snapshot("Baseline", "2026-01-31T12:00:00Z").expect("taken");
    answer(&mut a, &in_zone("z2"), &["sr-2.1"], Answer::NotImplemented);
    a.set_response(
        &in_zone("z2"),
        "sr-2.1",
        Response { notes: "Shared *panel* | login".into(), ..Response::with(Answer::NotImplemented) },
    );
    let c = compare(&a.snapshots[0].as_assessment(), &a);
    let card = score(&a);
    let mut report =
        report_document(&a, &card, &roadmap_with(&a, &card.zones), ReportBranding::default(), ReportLength::Full);
    report.add_progress(&c);
    let section = &report.sections[1];
    assert_eq!((section.id, section.heading.as_str()), (PROGRESS_SECTION, "Progress since 2026-01-31"));
    assert_eq!(report.sections[0].id, "report-summary");
    let Block::Table(levels) = &section.blocks[1] else { panic!("the levels table follows the summary") };
    let boiler = &levels.rows[1];
    assert_eq!(boiler.cells[0].text(), "Boiler house");
    assert_eq!(boiler.cells[2].text(), "2 → 0 (−2)");
    assert_eq!(boiler.cells[2].class, Some("down"));
    assert_eq!(boiler.cells[1].class, None);
    assert_eq!(boiler.cells[8].text(), "2 → 1 of 7");
    let text = iec62443_assess::document::blocks_text(&section.blocks);
    assert!(text.contains("Not answered | Not implemented | Notes: Shared *panel* | login"), "{text}");

    let markdown = document_markdown(&report);
    let progress = markdown.find("## Progress since 2026-01-31").expect("the section in Markdown");
    assert!(progress < markdown.find("## Scorecard").expect("the scorecard"));
    assert!(markdown.contains("| Boiler house | 1 | 2 → 0 (−2) |"), "{markdown}");
    assert!(markdown.contains("Notes: Shared \\*panel\\* \\| login"), "user text is escaped");
}

#[test]
fn with_no_change_the_comparison_says_so() {
    let mut a = plant();
    a.take_snapshot("Baseline", NOW).expect("taken");
    let c = compare(&a.snapshots[0].as_assessment(), &a);
    assert!(c.answers.is_empty() && c.done.is_empty());
    assert!(c.zones.iter().all(|z| z.risen() == 0 && z.fallen() == 0));
    let text: Vec<String> = comparison_blocks(&c).iter().map(Block::text).collect();
    assert!(text.contains(&"No answer changed.".to_string()));
    assert!(text.contains(&"No roadmap action was marked done in between.".to_string()));
    assert!(text[0].contains("Levels: no zone rose; no zone fell. 0 answers changed; 0 roadmap actions done."));
    assert_eq!(level_move(3, 3), "3");
}

#[test]
fn evidence_is_shown_in_the_gap_register_and_the_appendix() {
    let mut a = plant();
    a.set_response(
        &AnswerScope::AllZones,
        "sr-1.3",
        Response {
            evidence: vec![
                Evidence {
                    document: "Review <b>Q3</b>".into(),
                    link: "https://intranet/fw".into(),
                    date: "2026-09-30".into(),
                },
                Evidence { document: "Access list".into(), link: "javascript:alert(1)".into(), date: String::new() },
            ],
            ..Response::with(Answer::Partial)
        },
    );
    let card = score(&a);
    let report =
        report_document(&a, &card, &roadmap_with(&a, &card.zones), ReportBranding::default(), ReportLength::Full);
    let gaps = report.sections.iter().find(|s| s.id == "report-gaps").expect("the gap register");
    let Block::Table(table) = &gaps.blocks[0] else { panic!("the gap register table") };
    let row = table.rows.iter().find(|r| r.cells[0].text().starts_with("SR 1.3")).expect("SR 1.3's gap");
    let evidence = &row.cells[4].blocks;
    assert_eq!(evidence[0].text(), "Evidence: Review <b>Q3</b> (2026-09-30)");
    let Block::Paragraph(p) = &evidence[0] else { panic!("a paragraph") };
    assert!(p.content.iter().any(|i| matches!(i, document::Inline::Link(l) if l.href == "https://intranet/fw")));
    // Anything but a web address stays text.
    assert_eq!(evidence[1].text(), "Evidence: Access list (javascript:alert(1))");
    let Block::Paragraph(p) = &evidence[1] else { panic!("a paragraph") };
    assert!(!p.content.iter().any(|i| matches!(i, document::Inline::Link(_))));
    let markdown = document_markdown(&report);
    assert!(markdown.contains("Evidence: Review \\<b\\>Q3\\</b\\> (https://intranet/fw) (2026-09-30)"), "{markdown}");
}

/// An asset of `kind` in `zone`.
fn asset(id: &str, zone: &str, name: &str, kind: AssetType) -> Asset {
    Asset { kind: Some(AssetKind::Known(kind)), ..Asset::new(id, zone, name) }
}

/// The plant with four assets: Cell A has PLC-01 (Siemens S7-1500, version 2.1) and two HMI-01 panels,
/// Boiler house has Pump-RTU and Old-Switch.
fn plant_with_inventory() -> Assessment {
    let mut a = plant();
    a.assets = vec![
        Asset {
            vendor: "Siemens".into(),
            model: "S7-1500".into(),
            version: "2.1".into(),
            ..asset("a1", "z1", "PLC-01", AssetType::Plc)
        },
        Asset { quantity: 2, ..asset("a2", "z1", "HMI-01", AssetType::Hmi) },
        asset("a3", "z2", "Pump-RTU", AssetType::Plc),
        asset("a4", "z2", "Old-Switch", AssetType::NetworkEquipment),
    ];
    a
}

#[test]
fn the_inventory_changes_are_counted_and_listed_by_zone() {
    let mut a = plant_with_inventory();
    a.take_snapshot("Baseline", "2026-01-31T12:00:00Z").expect("taken");
    // Since then: PLC-01 updated to 3.0, Pump-RTU moved to Cell A, Old-Switch removed, a firewall added in
    // the Boiler house; HMI-01 untouched.
    a.assets[0].version = "3.0".into();
    a.assets[2].zone = "z1".into();
    a.assets.remove(3);
    a.assets.push(Asset { quantity: 3, ..asset("a5", "z2", "Firewall-01", AssetType::NetworkEquipment) });

    let c = compare(&a.snapshots[0].as_assessment(), &a);
    let inv = &c.inventory;
    assert_eq!(inv.listed, (4, 4));
    let rows: Vec<(&str, &str, AssetChangeKind)> =
        inv.changes.iter().map(|x| (x.zone.as_str(), x.name.as_str(), x.kind)).collect();
    assert_eq!(
        rows,
        [
            ("Cell A", "PLC-01", AssetChangeKind::Changed),
            ("Cell A", "Pump-RTU", AssetChangeKind::Changed),
            ("Boiler house", "Firewall-01", AssetChangeKind::Added),
            ("Boiler house", "Old-Switch", AssetChangeKind::Removed),
        ]
    );
    assert_eq!(inv.changes[0].fields, [FieldChange { field: "Version", before: "2.1".into(), after: "3.0".into() }]);
    assert_eq!(
        inv.changes[1].fields,
        [FieldChange { field: "Zone", before: "Boiler house".into(), after: "Cell A".into() }]
    );
    assert_eq!(inv.changes[2].description, "Network equipment");
    assert_eq!(inv.changes[2].quantity, 3);
    assert_eq!(
        inv.by_zone(),
        [
            ZoneInventoryChange { zone: "Cell A".into(), added: 0, removed: 0, changed: 2 },
            ZoneInventoryChange { zone: "Boiler house".into(), added: 1, removed: 1, changed: 0 },
        ]
    );
    assert_eq!(
        inv.summary().as_deref(),
        Some("Inventory: 1 asset added, 1 removed, 2 changed (4 listed then, 4 now).")
    );
    assert!(c.summary().contains("Inventory: 1 asset added, 1 removed, 2 changed (4 listed then, 4 now)."));

    // On screen and in the report's Markdown: the counts per zone, then each change with its details.
    let blocks = comparison_blocks(&c);
    let text = iec62443_assess::document::blocks_text(&blocks);
    assert!(text.contains("Cell A | 0 | 0 | 2"), "{text}");
    assert!(text.contains("Boiler house | 1 | 1 | 0"), "{text}");
    assert!(text.contains("Cell A | PLC-01 | Changed | Version: 2.1 → 3.0"), "{text}");
    assert!(text.contains("Boiler house | Firewall-01 | Added | Network equipment, × 3"), "{text}");
    assert!(text.contains("Boiler house | Old-Switch | Removed | Network equipment"), "{text}");
    let card = score(&a);
    let mut report =
        report_document(&a, &card, &roadmap_with(&a, &card.zones), ReportBranding::default(), ReportLength::Full);
    report.add_progress(&c);
    let markdown = document_markdown(&report);
    assert!(markdown.contains("### Inventory"), "{markdown}");
    assert!(markdown.contains("| Cell A | Pump-RTU | Changed | Zone: Boiler house → Cell A |"), "{markdown}");
}

#[test]
fn assets_of_a_removed_zone_are_listed_under_it_last() {
    let mut a = plant_with_inventory();
    a.take_snapshot("Baseline", NOW).expect("taken");
    // The Boiler house and its two assets are gone; a field device without a type appears in Cell A.
    a.zones.retain(|z| z.id != "z2");
    a.assets.retain(|x| x.zone != "z2");
    a.assets.push(Asset::new("a6", "z1", "Sensor <b>7</b>"));
    let c = compare(&a.snapshots[0].as_assessment(), &a);
    assert_eq!(c.removed_zones, ["Boiler house"]);
    let rows: Vec<(&str, &str, AssetChangeKind)> =
        c.inventory.changes.iter().map(|x| (x.zone.as_str(), x.name.as_str(), x.kind)).collect();
    assert_eq!(
        rows,
        [
            ("Cell A", "Sensor <b>7</b>", AssetChangeKind::Added),
            ("Boiler house", "Pump-RTU", AssetChangeKind::Removed),
            ("Boiler house", "Old-Switch", AssetChangeKind::Removed),
        ]
    );
    assert_eq!(c.inventory.changes[0].description, "");
    assert_eq!(c.inventory.listed, (4, 3));
    assert_eq!(
        c.inventory.summary().as_deref(),
        Some("Inventory: 1 asset added, 2 removed, 0 changed (4 listed then, 3 now).")
    );
}

#[test]
fn two_assessments_pair_their_assets_by_name_and_an_empty_inventory_is_left_out() {
    let before = plant_with_inventory();
    let mut after = plant_with_inventory();
    after.id = "a2".into();
    // Listed again in another order, so the ids differ; the names match in any case.
    for (n, x) in after.assets.iter_mut().rev().enumerate() {
        x.id = format!("b{n}");
    }
    after.assets[1].name = "hmi-01".into();
    after.assets[1].quantity = 3;
    let c = compare(&before, &after);
    let [change] = &c.inventory.changes[..] else { panic!("one change, found {:?}", c.inventory.changes) };
    assert_eq!((change.name.as_str(), change.kind), ("hmi-01", AssetChangeKind::Changed));
    assert_eq!(
        change.fields,
        [
            FieldChange { field: "Name", before: "HMI-01".into(), after: "hmi-01".into() },
            FieldChange { field: "Quantity", before: "2".into(), after: "3".into() },
        ]
    );

    // Neither state lists assets: no inventory sentence, no inventory heading.
    let mut a = plant();
    a.take_snapshot("Baseline", NOW).expect("taken");
    let c = compare(&a.snapshots[0].as_assessment(), &a);
    assert_eq!(c.inventory.summary(), None);
    assert!(!c.summary().contains("Inventory"));
    assert!(!comparison_blocks(&c).iter().any(|b| b.text() == "Inventory"));
}

#[test]
fn a_product_supplier_sees_the_sl_c_of_each_product_then_and_now() {
    let mut a = assessment_for(&[Role::ProductSupplier]);
    a.products.push(product("p1", "RTU 560", ComponentType::EmbeddedDevice, [2, 0, 0, 0, 0, 0, 0]));
    implement_component_fr(&mut a, "p1", ComponentType::EmbeddedDevice, Fr::Fr1, 1);
    a.take_snapshot("Release 1", NOW).expect("taken");
    // Since then: FR1 up to SL 2 for the RTU, and a second product.
    implement_component_fr(&mut a, "p1", ComponentType::EmbeddedDevice, Fr::Fr1, 2);
    a.products.push(product("p2", "StationView HMI", ComponentType::SoftwareApplication, [1; 7]));
    let c = compare(&a.snapshots[0].as_assessment(), &a);
    let [rtu] = &c.products[..] else { panic!("one product in both states, found {:?}", c.products) };
    assert_eq!((rtu.before, rtu.after), (levels([1, 0, 0, 0, 0, 0, 0]), levels([2, 0, 0, 0, 0, 0, 0])));
    assert_eq!(Fr::ALL.map(|fr| rtu.change(fr)), [1, 0, 0, 0, 0, 0, 0]);
    // Aimed SL-C 2 in FR1, 0 elsewhere: 6 FRs at the aim before, all 7 now.
    assert_eq!(rtu.at_target(), (6, 7));
    assert_eq!(c.added_products, ["StationView HMI"]);
    assert!(c.summary().contains("Levels: 1 product rose in 1 FR; no product fell."), "{}", c.summary());
    let text = iec62443_assess::document::blocks_text(&comparison_blocks(&c));
    assert!(text.contains("Capability levels (SL-C) then and now"), "{text}");
    assert!(text.contains("RTU 560 | 1 → 2 (+1) | 0 | 0 | 0 | 0 | 0 | 0 | 6 → 7 of 7"), "{text}");
    assert!(text.contains("New products: StationView HMI."), "{text}");
}

#[test]
fn an_id_a_snapshot_holds_is_not_given_to_a_new_zone_product_or_asset() {
    let mut a = plant_with_inventory();
    a.products.push(product("p1", "RTU 560", ComponentType::EmbeddedDevice, [1; 7]));
    a.take_snapshot("Baseline", NOW).expect("taken");
    // The last zone, product and asset go; new ones must not take their ids, or the comparison would pair
    // them with what was removed.
    a.remove_zone("z2");
    a.remove_product("p1");
    a.assets.retain(|x| x.id != "a2");
    assert_eq!((a.next_zone_id().as_str(), a.next_product_id().as_str()), ("z3", "p2"));
    assert_eq!(a.next_asset_id(), "a5");
    a.zones.push(zone("z3", "Boiler house 2", [1; 7], Criticality::Low));
    assert_eq!(a.add_assets([asset("", "z1", "Firewall-01", AssetType::NetworkEquipment)]), 1);
    assert_eq!(a.assets.last().map(|x| x.id.as_str()), Some("a5"));
    let c = compare(&a.snapshots[0].as_assessment(), &a);
    assert_eq!(
        (c.added_zones.as_slice(), c.removed_zones.as_slice()),
        (&["Boiler house 2".to_string()][..], &["Boiler house".to_string()][..])
    );
    assert_eq!(c.inventory.count(AssetChangeKind::Added), 1);
    // HMI-01 (a2) and the Boiler house's two assets went.
    assert_eq!(c.inventory.count(AssetChangeKind::Removed), 3);
}
