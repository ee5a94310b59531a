//! The asset inventory: CSV files as spreadsheets and discovery tools write them (byte order mark, comma
//! or semicolon, quoted cells), the suggested and remembered column mapping, problems by line and column,
//! importing the good rows only, the export that imports back as it was, what a zone's inventory adds up
//! to, undo and redo of scope edits, the map's layout and its draw.io file.

mod common;

use common::*;
use iec62443_assess::drawio::{conduit_cell_id, map_drawio, zone_cell_id};
use iec62443_assess::history::{HistoryError, ScopeHistory, HISTORY_STEPS};
use iec62443_assess::inventory::csv_file::*;
use iec62443_assess::map::{map_svg, zone_map, Band, SvgOptions, ZoneMark};
use iec62443_assess::*;

fn plant() -> Assessment {
    let mut a = assessment_with(vec![
        zone("z1", "Filling line", [2; 7], Criticality::High),
        zone("z2", "Utilities", [1; 7], Criticality::Medium),
    ]);
    a.products.push(Product::new("p1", "NW-RTU 560", ComponentType::EmbeddedDevice));
    a
}

fn mapping_of(table: &CsvTable) -> Vec<Option<Field>> {
    suggest_mapping(&table.headers, &RememberedMapping::default())
}

fn problems(checked: &CheckedInventory) -> Vec<String> {
    checked.problems.iter().map(ToString::to_string).collect()
}

// --- reading files --------------------------------------------------------------------------------------

#[test]
fn a_file_with_a_byte_order_mark_and_semicolons_is_read_with_its_quoted_cells() {
    let file = "\u{feff}Name;Vendor;Notes\r\n\"PLC; main\";Northwind;\"Two\r\nlines, \"\"quoted\"\"\"\r\nHMI;;\r\n";
    let table = read_csv(file.as_bytes()).expect("the file reads");
    assert_eq!(table.delimiter, b';');
    assert_eq!(table.headers, ["Name", "Vendor", "Notes"]);
    assert_eq!(table.rows.len(), 2);
    assert_eq!(table.rows[0].cells, ["PLC; main", "Northwind", "Two\r\nlines, \"quoted\""]);
    assert_eq!(table.rows[0].line, 2);
    // The second row starts after the quoted line break.
    assert_eq!(table.rows[1].line, 4);
}

#[test]
fn a_comma_file_without_a_byte_order_mark_and_with_blank_lines_is_read() {
    let file = "Name,Type\n\nPLC-1,PLC\n,\nHMI-1,\"HMI, touch\"\n";
    let table = read_csv(file.as_bytes()).expect("the file reads");
    assert_eq!(table.delimiter, b',');
    let names: Vec<&str> = table.rows.iter().map(|r| r.cells[0].as_str()).collect();
    assert_eq!(names, ["PLC-1", "HMI-1"]);
    assert_eq!(table.rows[1].cells[1], "HMI, touch");
    assert_eq!(table.rows[1].line, 5);
}

#[test]
fn a_tab_separated_export_is_read() {
    let table = read_csv(b"Hostname\tIP address\nsw-01\t10.0.0.2\n").expect("the file reads");
    assert_eq!(table.delimiter, b'\t');
    assert_eq!(mapping_of(&table), [Some(Field::Name), Some(Field::Address)]);
}

#[test]
fn a_file_that_is_not_utf8_is_refused_with_its_line_and_advice() {
    // "Müller" in Windows-1252: the ü is the single byte 0xFC.
    let e = read_csv(b"Name,Vendor\nPLC,M\xfcller\n").expect_err("refused");
    assert_eq!(e, CsvError::NotUtf8 { line: 2 });
    let e = read_csv(b"Name,Vendor\r\nPLC,Northwind\r\nPLC,M\xfcller\r\n").expect_err("refused");
    assert_eq!(e, CsvError::NotUtf8 { line: 3 });
    assert!(e.to_string().contains("Save the file as \"CSV UTF-8\""));
    assert_eq!(read_csv(b"").expect_err("empty"), CsvError::Empty);
    assert_eq!(read_csv(b"\xEF\xBB\xBF\n\n").expect_err("blank"), CsvError::Empty);
}

#[test]
fn a_file_over_the_row_limit_is_refused() {
    let mut file = String::from("Name\n");
    for i in 0..=MAX_CSV_ROWS {
        file.push_str(&format!("asset-{i}\n"));
    }
    assert_eq!(read_csv(file.as_bytes()).expect_err("too many"), CsvError::TooManyRows);
}

#[test]
fn reading_in_chunks_gives_the_same_table_as_reading_at_once() {
    let mut file = String::from("Name;Qty\n");
    for i in 0..2500 {
        file.push_str(&format!("\"Sensor {i}\";{}\n", i % 7 + 1));
    }
    let mut reading = CsvReading::start(file.clone().into_bytes()).expect("starts");
    let mut chunks = 0;
    while !reading.read_rows(1000).expect("reads") {
        chunks += 1;
    }
    assert_eq!(chunks, 2);
    assert_eq!(reading.finish(), read_csv(file.as_bytes()).expect("reads"));
}

// --- mapping ----------------------------------------------------------------------------------------------

#[test]
fn usual_headings_are_mapped_and_each_field_only_once() {
    let headers: Vec<String> =
        ["Device Name", "Manufacturer", "FW version", "IP", "Site", "Asset type", "Name", "Whatever", "Zone"]
            .map(String::from)
            .to_vec();
    assert_eq!(
        suggest_mapping(&headers, &RememberedMapping::default()),
        [
            Some(Field::Name),
            Some(Field::Vendor),
            Some(Field::Version),
            Some(Field::Address),
            Some(Field::Location),
            Some(Field::Type),
            None, // a second name column is left for the user to choose
            None,
            Some(Field::Zone),
        ]
    );
}

#[test]
fn the_mapping_chosen_last_time_is_suggested_for_the_same_headings() {
    let headers: Vec<String> = ["Tag", "Whatever", "Device"].map(String::from).to_vec();
    let chosen = vec![Some(Field::Name), Some(Field::Notes), None];
    let mut remembered = RememberedMapping::default();
    remembered.remember(&headers, &chosen);
    assert_eq!(suggest_mapping(&headers, &remembered), chosen);
    // Spelled differently, the headings are the same ones.
    let respelled: Vec<String> = [" TAG ", "what-ever", "device"].map(String::from).to_vec();
    assert_eq!(suggest_mapping(&respelled, &remembered), chosen);
    // The remembered mapping survives local storage.
    let text = remembered.to_json();
    assert_eq!(text, r#"{"by_heading":{"device":null,"tag":"name","whatever":"notes"}}"#);
    assert_eq!(RememberedMapping::from_json(&text), remembered);
    // A damaged entry, or a field this version does not know, is no mapping rather than an error.
    assert_eq!(RememberedMapping::from_json("{\"by_heading\": 3"), RememberedMapping::default());
    let unknown = RememberedMapping::from_json(r#"{"by_heading":{"tag":"colour","device":null}}"#);
    assert_eq!(unknown.by_heading.len(), 1);
    assert_eq!(unknown.by_heading.get("device"), Some(&None));
}

#[test]
fn a_mapping_without_names_or_zones_or_with_a_field_twice_is_refused_before_any_row() {
    let a = plant();
    let table = read_csv(b"Vendor,Model\nX,Y\n").expect("reads");
    let e = check_inventory(&a, Some("z1"), &table, &mapping_of(&table)).expect_err("no name column");
    assert_eq!(e, "Choose the column that holds the asset names: every asset needs a name.");
    let twice = [Some(Field::Name), Some(Field::Name)];
    assert!(check_inventory(&a, Some("z1"), &table, &twice)
        .expect_err("twice")
        .starts_with("Two columns are mapped to Name"));
    let names = [Some(Field::Name), None];
    assert_eq!(
        check_inventory(&a, None, &table, &names).expect_err("no zone"),
        "Choose the zone the assets go to, or the column that names each asset's zone."
    );
}

// --- checking rows ----------------------------------------------------------------------------------------

#[test]
fn every_problem_is_reported_by_line_and_column_and_only_the_good_rows_are_kept() {
    let a = plant();
    let file = "Zone,Name,Type,Qty,Criticality,Purdue level,Product\n\
                Filling line,PLC-01,PLC,1,High,1,NW-RTU 560\n\
                filling LINE ,Sensors,sensor,12,,L0,\n\
                Packing,PLC-02,PLC,1,,,\n\
                Utilities,,Switch,1,,,\n\
                Utilities,SW-01,Switch,0,Severe,7,\n\
                Utilities,Weigher,Weighing terminal,1,low,3.5,Unknown product\n\
                ,Loose,,,,,\n";
    let table = read_csv(file.as_bytes()).expect("reads");
    let checked = check_inventory(&a, None, &table, &mapping_of(&table)).expect("mapping is fine");
    assert_eq!(
        problems(&checked),
        [
            "Line 4, column \"Zone\": No zone is called \"Packing\". Add the zone on the Scope step first, or correct the name.",
            "Line 5, column \"Name\": The asset has no name: every asset needs one.",
            "Line 6, column \"Qty\": \"0\" is not a whole number of at least 1.",
            "Line 6, column \"Criticality\": \"Severe\" is not a criticality: use Low, Medium, High or Critical.",
            "Line 6, column \"Purdue level\": \"7\" is not a Purdue level: use 0 to 5, 3.5 (DMZ) or SIS.",
            "Line 7, column \"Type\": \"Weighing terminal\" is not one of the tool's asset types; it is kept as a type of its own (first seen here).",
            "Line 7, column \"Product\": No product of this assessment is called \"Unknown product\"; the asset is imported without the link.",
            "Line 8, column \"Zone\": No zone is given for this asset.",
        ]
    );
    assert_eq!(checked.rows, 7);
    assert_eq!(checked.rows_with_errors, 4);
    let kept: Vec<(u64, &str, &str)> =
        checked.assets.iter().map(|(l, x)| (*l, x.name.as_str(), x.zone.as_str())).collect();
    assert_eq!(kept, [(2, "PLC-01", "z1"), (3, "Sensors", "z1"), (7, "Weigher", "z2")]);
    let (_, plc) = &checked.assets[0];
    assert_eq!(plc.kind, Some(AssetKind::Known(AssetType::Plc)));
    assert_eq!(
        (plc.criticality, plc.purdue, plc.product.as_deref()),
        (Some(Criticality::High), Some(PurdueLevel::Control), Some("p1"))
    );
    let (_, sensors) = &checked.assets[1];
    assert_eq!((sensors.quantity, sensors.kind.clone()), (12, Some(AssetKind::Known(AssetType::FieldDevice))));
    let (_, weigher) = &checked.assets[2];
    assert_eq!((weigher.purdue, weigher.product.clone()), (Some(PurdueLevel::Dmz), None));
}

#[test]
fn without_a_zone_column_every_row_goes_to_the_chosen_zone() {
    let a = plant();
    let table = read_csv(b"Name,Notes\nPLC,=cmd|' /C calc'!A0\n").expect("reads");
    let checked = check_inventory(&a, Some("z2"), &table, &mapping_of(&table)).expect("fine");
    assert_eq!(checked.assets[0].1.zone, "z2");
    // Text is kept as text: nothing in a cell is run or interpreted.
    assert_eq!(checked.assets[0].1.notes, "=cmd|' /C calc'!A0");
}

#[test]
fn a_row_longer_than_the_headings_is_imported_with_a_warning() {
    let a = plant();
    let table = read_csv(b"Name\nPLC,extra\n").expect("reads");
    let checked = check_inventory(&a, Some("z1"), &table, &mapping_of(&table)).expect("fine");
    assert_eq!(checked.assets.len(), 1);
    assert_eq!(checked.warnings().count(), 1);
    assert_eq!(checked.errors().count(), 0);
}

#[test]
fn good_rows_get_fresh_ids_when_added_and_never_beyond_the_limit() {
    let mut a = plant();
    a.assets.push(Asset { id: "a7".into(), ..Asset::new("", "z1", "Existing") });
    let table = read_csv(b"Name\nOne\nTwo\n").expect("reads");
    let checked = check_inventory(&a, Some("z1"), &table, &mapping_of(&table)).expect("fine");
    let added = a.add_assets(checked.assets.into_iter().map(|(_, x)| x));
    assert_eq!(added, 2);
    let ids: Vec<&str> = a.assets.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(ids, ["a7", "a8", "a9"]);
    a.assets = (0..MAX_ASSETS).map(|i| Asset::new(&format!("a{i}"), "z1", "x")).collect();
    assert_eq!(a.add_assets([Asset::new("", "z1", "one too many")]), 0);
}

#[test]
fn ten_thousand_rows_read_and_check_quickly() {
    let a = plant();
    let mut file = String::from("Zone;Name;Type;Vendor;Model;Firmware;Qty;IP\n");
    for i in 0..10_000 {
        file.push_str(&format!(
            "Filling line;dev-{i:05};PLC;Northwind;NW-C{};{}.{};1;10.1.{}.{}\n",
            i % 9,
            i % 4,
            i % 10,
            i / 250,
            i % 250
        ));
    }
    let started = std::time::Instant::now();
    let table = read_csv(file.as_bytes()).expect("reads");
    let checked = check_inventory(&a, None, &table, &mapping_of(&table)).expect("fine");
    let took = started.elapsed();
    assert_eq!(checked.assets.len(), 10_000);
    assert!(checked.problems.is_empty());
    // Natively this takes a few tens of milliseconds even in a debug build; the browser checks in chunks.
    assert!(took.as_secs_f64() < 5.0, "{took:?}");
}

// --- export -------------------------------------------------------------------------------------------------

#[test]
fn the_export_imports_back_as_it_was() {
    let mut a = plant();
    let mut plc = Asset::new("a1", "z1", "PLC, main \"A\"");
    plc.kind = Some(AssetKind::Known(AssetType::Plc));
    plc.vendor = "Northwind".into();
    plc.version = "-4.2 (beta)".into();
    plc.quantity = 3;
    plc.criticality = Some(Criticality::Critical);
    plc.purdue = Some(PurdueLevel::Dmz);
    plc.address = "10.0.0.1".into();
    plc.location = "Hall 2".into();
    plc.notes = "Two\nlines".into();
    plc.product = Some("p1".into());
    let mut weigher = Asset::new("a2", "z2", "=Weigher");
    weigher.kind = Some(AssetKind::Custom("Weighing terminal".into()));
    a.assets = vec![plc, weigher];
    let csv = inventory_csv(&a, None);
    assert!(csv.starts_with("\u{feff}Zone,Name,Type,Vendor,Model,Firmware or software version,Quantity,Criticality,Purdue level,Network address,Location,Notes,Product\r\n"));
    assert!(csv.contains("'=Weigher"), "a formula-like cell is guarded");
    let table = read_csv(csv.as_bytes()).expect("reads");
    let checked = check_inventory(&a, None, &table, &mapping_of(&table)).expect("fine");
    let imported: Vec<Asset> = checked.assets.into_iter().map(|(_, x)| x).collect();
    let without_ids = |x: &Asset| Asset { id: String::new(), ..x.clone() };
    assert_eq!(imported, a.assets.iter().map(without_ids).collect::<Vec<_>>());
    // One zone only.
    assert_eq!(inventory_csv(&a, Some("z2")).matches("\r\n").count(), 2);
}

// --- counts and derived types ----------------------------------------------------------------------------

#[test]
fn a_zone_s_types_and_counts_follow_from_its_inventory() {
    let mut a = plant();
    a.zones[0].asset_types.insert(AssetType::Historian);
    assert_eq!(a.zone_asset_kinds("z1"), [AssetKind::Known(AssetType::Historian)], "ticked types without inventory");
    let mut sensors = Asset::new("a1", "z1", "Sensors");
    sensors.kind = Some(AssetKind::Known(AssetType::FieldDevice));
    sensors.quantity = 12;
    let mut plc = Asset::new("a2", "z1", "PLC");
    plc.kind = Some(AssetKind::Known(AssetType::Plc));
    a.assets = vec![sensors, plc, Asset::new("a3", "z1", "Unknown box"), Asset::new("a4", "z2", "Pump")];
    assert_eq!(a.zone_asset_kinds("z1"), [AssetKind::Known(AssetType::Plc), AssetKind::Known(AssetType::FieldDevice)]);
    let counts = a.asset_counts("z1");
    assert_eq!((counts.rows, counts.total(), counts.untyped), (3, 14, 1));
    assert_eq!(counts.summary(), "14 assets: 1 PLC / controller, 12 Field device, 1 of no given type");
    assert_eq!(a.asset_counts("z9").summary(), "No assets listed");
}

#[test]
fn removing_a_zone_removes_its_assets_and_removing_a_product_unlinks_them() {
    let mut a = plant();
    a.assets =
        vec![Asset { product: Some("p1".into()), ..Asset::new("a1", "z1", "RTU") }, Asset::new("a2", "z2", "Pump")];
    a.remove_product("p1");
    assert_eq!(a.assets[0].product, None);
    a.remove_zone("z1");
    assert_eq!(a.assets.iter().map(|x| x.id.as_str()).collect::<Vec<_>>(), ["a2"]);
    storage::validate(&a).expect("still valid");
}

#[test]
fn duplicating_moving_and_removing_assets() {
    let mut a = plant();
    a.assets = vec![Asset::new("a1", "z1", "PLC"), Asset::new("a2", "z1", "HMI")];
    assert_eq!(a.duplicate_asset("a1").as_deref(), Some("a3"));
    let names: Vec<&str> = a.assets.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(names, ["PLC", "PLC (copy)", "HMI"]);
    assert_eq!(a.move_assets(&["a3".into(), "a2".into()], "z2"), 2);
    assert_eq!(a.move_assets(&["a1".into()], "z9"), 0, "not to a missing zone");
    assert_eq!(a.zone_assets("z2").count(), 2);
    assert_eq!(a.remove_assets(&["a1".into(), "a9".into()]), 1);
}

#[test]
fn the_report_counts_the_assets_per_zone_in_one_line_and_the_full_report_by_type() {
    let mut a = plant();
    let mut plcs = Asset::new("", "z2", "PLCs");
    plcs.kind = Some(AssetKind::Known(AssetType::Plc));
    plcs.quantity = 4;
    let mut weigher = Asset::new("", "z2", "Weigher");
    weigher.kind = Some(AssetKind::Custom("Weighing terminal".into()));
    a.add_assets([plcs, weigher, Asset::new("", "z1", "Spare"), Asset::new("", "z1", "Spare 2")]);
    // Zones in order, a zone without assets left out.
    a.zones.push(zone("z3", "Office", [1; 7], Criticality::Low));
    assert_eq!(a.asset_count_line().as_deref(), Some("Assets: Filling line 2, Utilities 5 (7 in all)"));
    let card = score(&a);
    let roadmap = roadmap_with(&a, &card.zones);
    let texts = |length| -> Vec<String> {
        let report = report_document(&a, &card, &roadmap, ReportBranding::default(), length);
        report.sections.iter().flat_map(|s| s.blocks.iter().map(|b| b.text())).collect::<Vec<_>>()
    };
    let short = texts(ReportLength::Short).join("\n");
    assert!(short.contains("Assets: Filling line 2, Utilities 5 (7 in all)"));
    assert!(!short.contains("Assets by zone and type"), "the short report keeps to one line");
    let full = texts(ReportLength::Full).join("\n");
    assert!(full.contains(
        "Assets by zone and type\nZone | Type | Assets\nFilling line | No type given | 2\nUtilities | PLC / controller | 4\nUtilities | Weighing terminal | 1"
    ));
    let markdown = iec62443_assess::export::report_markdown(&a, &card, &roadmap, ReportLength::Full);
    assert!(markdown.contains("Assets: Filling line 2, Utilities 5 (7 in all)"));
}

// --- undo and redo ----------------------------------------------------------------------------------------------

#[test]
fn moving_an_asset_to_another_zone_is_one_step_undone_and_redone() {
    let mut a = plant();
    a.assets = vec![Asset::new("a1", "z1", "PLC"), Asset::new("a2", "z1", "HMI")];
    let mut history = ScopeHistory::default();
    // As the asset form saves it: the edited asset, with its new zone, replaces the old one.
    let mut edited = a.asset("a2").cloned().expect("there");
    edited.zone = "z2".into();
    edited.product = Some("p1".into());
    history.record(&mut a, "Move asset HMI to Utilities", |a| {
        if let Some(slot) = a.assets.iter_mut().find(|x| x.id == "a2") {
            *slot = edited;
        }
    });
    assert_eq!(a.zone_assets("z2").map(|x| x.name.as_str()).collect::<Vec<_>>(), ["HMI"]);
    assert_eq!(history.undo(&mut a), Ok("Move asset HMI to Utilities".to_string()));
    assert_eq!((a.assets[1].zone.as_str(), a.assets[1].product.as_deref()), ("z1", None));
    assert_eq!(history.redo(&mut a), Ok("Move asset HMI to Utilities".to_string()));
    assert_eq!((a.assets[1].zone.as_str(), a.assets[1].product.as_deref()), ("z2", Some("p1")));
    storage::validate(&a).expect("a linked product and a moved asset are valid");
}

#[test]
fn zones_are_reordered_step_by_step_and_the_order_is_kept_in_the_json_file() {
    let mut a = plant();
    a.zones.push(zone("z3", "Office", [1; 7], Criticality::Low));
    let names = |a: &Assessment| a.zones.iter().map(|z| z.name.clone()).collect::<Vec<_>>();
    let mut history = ScopeHistory::default();
    history.record(&mut a, "Move zone Office up", |a| {
        a.move_zone("z3", true);
    });
    history.record(&mut a, "Move zone Office up", |a| {
        a.move_zone("z3", true);
    });
    assert_eq!(names(&a), ["Office", "Filling line", "Utilities"]);
    assert!(!a.move_zone("z3", true), "not above the first");
    assert!(!a.move_zone("z2", false), "not below the last");
    assert!(!a.move_zone("z9", false), "not an unknown zone");
    history.record(&mut a, "Move zone Office up", |a| {
        a.move_zone("z3", true);
    });
    assert_eq!(history.undo_label(), Some("Move zone Office up"));
    assert_eq!(history.undo(&mut a), Ok("Move zone Office up".to_string()));
    assert_eq!(names(&a), ["Filling line", "Office", "Utilities"]);
    assert!(history.redo(&mut a).is_ok());
    assert_eq!(names(&a), ["Office", "Filling line", "Utilities"]);
    let loaded = storage::from_json(&storage::to_json(&a)).expect("reads back").assessment;
    assert_eq!(names(&loaded), ["Office", "Filling line", "Utilities"]);
    assert_eq!(loaded.zones, a.zones);
}

#[test]
fn fifty_edits_are_undone_and_redone_in_order() {
    let mut a = plant();
    let mut history = ScopeHistory::default();
    let start = a.clone();
    let mut states = vec![a.clone()];
    for i in 0..60 {
        history.record(&mut a, &format!("Edit {i}"), |a| match i % 4 {
            0 => a.zones[0].target = levels([(i % 5) as u8; 7]),
            1 => {
                a.add_assets([Asset::new("", "z2", &format!("Asset {i}"))]);
            }
            2 => a.conduits.push(Conduit::new(&format!("c{i}"), "Link", "z1", "z2")),
            _ => a.zones.swap(0, 1),
        });
        states.push(a.clone());
    }
    const { assert!(HISTORY_STEPS >= 50) };
    for i in (0..60).rev() {
        assert_eq!(history.undo(&mut a), Ok(format!("Edit {i}")));
        assert_eq!(a, states[i]);
    }
    assert_eq!(a, start);
    assert_eq!(history.undo(&mut a), Err(HistoryError::Nothing));
    for i in 0..60 {
        assert_eq!(history.redo(&mut a), Ok(format!("Edit {i}")));
        assert_eq!(a, states[i + 1]);
    }
}

#[test]
fn undoing_a_zone_removal_brings_back_its_answers_assets_and_conduits() {
    let mut a = plant();
    a.conduits.push(Conduit::new("c1", "Link", "z1", "z2"));
    a.assets = vec![Asset::new("a1", "z1", "PLC"), Asset::new("a2", "z2", "Pump")];
    answer(&mut a, &AnswerScope::Zone("z1".into()), &["sr-1.1"], Answer::Implemented);
    let before = a.clone();
    let mut history = ScopeHistory::default();
    history.record(&mut a, "Remove zone Filling line", |a| {
        a.remove_zone("z1");
    });
    assert!(a.answers.zones.is_empty() && a.conduits.is_empty() && a.assets.len() == 1);
    history.undo(&mut a).expect("undone");
    assert_eq!(a, before);
}

#[test]
fn a_new_edit_clears_redo_an_empty_edit_is_not_recorded_and_the_oldest_steps_are_forgotten() {
    let mut a = plant();
    let mut history = ScopeHistory::default();
    history.record(&mut a, "Nothing", |_| {});
    assert_eq!(history.undo_label(), None);
    history.record(&mut a, "Rename", |a| a.zones[0].name = "Line 1".into());
    history.undo(&mut a).expect("undone");
    assert_eq!(history.redo_label(), Some("Rename"));
    history.record(&mut a, "Criticality", |a| a.zones[0].criticality = Criticality::Low);
    assert_eq!(history.redo_label(), None);
    for i in 0..HISTORY_STEPS + 10 {
        history.record(&mut a, "Description", |a| a.zones[1].description = i.to_string());
    }
    assert_eq!(history.undo_steps(), HISTORY_STEPS);
}

#[test]
fn the_keys_typed_into_one_field_are_one_step() {
    let mut a = plant();
    let mut history = ScopeHistory::default();
    for text in ["P", "Pu", "Pum", "Pump"] {
        history.record_typing(&mut a, "Description of Utilities", "z2-description", |a| {
            a.zones[1].description = text.into()
        });
    }
    history.record_typing(&mut a, "Boundary of Utilities", "z2-boundary", |a| a.zones[1].boundary = "Fence".into());
    assert_eq!(history.undo_steps(), 2);
    history.undo(&mut a).expect("boundary");
    history.undo(&mut a).expect("description");
    assert_eq!(a, plant());
}

#[test]
fn a_scope_changed_behind_the_history_s_back_is_not_undone() {
    let mut a = plant();
    let mut history = ScopeHistory::default();
    history.record(&mut a, "Add asset", |a| {
        a.add_assets([Asset::new("", "z1", "PLC")]);
    });
    // Another tab removed the asset.
    a.assets.clear();
    let unchanged = a.clone();
    assert_eq!(history.undo(&mut a), Err(HistoryError::OutOfStep));
    assert_eq!(a, unchanged);
    assert_eq!(history.undo_label(), None);
    // Another assessment opened: the history starts afresh.
    history.record(&mut a, "Rename", |a| a.zones[0].name = "Line 1".into());
    let mut other = plant();
    other.id = "a2".into();
    assert_eq!(history.undo(&mut other), Err(HistoryError::Nothing));
}

// --- the map ------------------------------------------------------------------------------------------------

/// An assessment with `zones` zones spread over the Purdue levels and `conduits` conduits between them.
fn large_plant(zones: usize, conduits: usize) -> Assessment {
    let mut a = assessment_with(Vec::new());
    for i in 0..zones {
        let mut z = Zone::new(&format!("z{i}"), &format!("Zone number {i} with a long name"));
        if i % 7 != 6 {
            z.purdue_levels.insert(PurdueLevel::ALL[i % PurdueLevel::ALL.len()]);
        }
        z.target = levels([(i % 4) as u8; 7]);
        a.zones.push(z);
    }
    for k in 0..conduits {
        let from = k % zones;
        let to = (k * 7 + 3) % zones;
        let to = if to == from { (to + 1) % zones } else { to };
        let mut c = Conduit::new(&format!("c{k}"), &format!("Link {k}"), &format!("z{from}"), &format!("z{to}"));
        c.kind = ConduitType::ALL.get(k % 6).copied();
        a.conduits.push(c);
    }
    a
}

#[test]
fn no_two_zone_boxes_overlap_and_every_conduit_runs_between_its_two_zones() {
    for (zones, conduits) in [(1, 0), (2, 1), (5, 8), (12, 20), (30, 60)] {
        let a = large_plant(zones, conduits);
        let map = zone_map(&a, &score(&a));
        assert_eq!(map.zones.len(), zones);
        for (i, p) in map.zones.iter().enumerate() {
            for q in &map.zones[i + 1..] {
                assert!(!p.overlaps(q), "{} and {} overlap with {zones} zones", p.id, q.id);
            }
            assert!(p.x >= 0.0 && p.x + p.width <= map::MAP_WIDTH && p.y + p.height <= map.height);
            let band = map.bands.iter().find(|b| b.band == p.band).expect("its band is drawn");
            assert!(p.y >= band.y && p.y + p.height <= band.y + band.height, "{} inside its band", p.id);
        }
        assert_eq!(map.conduits.len(), conduits);
        for (line, c) in map.conduits.iter().zip(&a.conduits) {
            assert_eq!((line.from.as_str(), line.to.as_str()), (c.from.as_str(), c.to.as_str()));
            let from = map.zone(&c.from).expect("from box");
            let to = map.zone(&c.to).expect("to box");
            assert!(from.on_edge(line.start), "{} starts on {}", c.id, c.from);
            assert!(to.on_edge(line.end), "{} ends on {}", c.id, c.to);
        }
    }
}

#[test]
fn zones_sit_in_their_purdue_band_top_down() {
    let mut a = large_plant(8, 0);
    // A zone without levels takes the level most of its inventory sits at.
    a.zones[6].purdue_levels.clear();
    a.assets = vec![
        Asset { purdue: Some(PurdueLevel::Field), quantity: 5, ..Asset::new("a1", "z6", "Sensors") },
        Asset { purdue: Some(PurdueLevel::Control), ..Asset::new("a2", "z6", "PLC") },
    ];
    // A safety level puts a zone in the safety band whatever else it spans.
    a.zones[0].purdue_levels.insert(PurdueLevel::Safety);
    let map = zone_map(&a, &score(&a));
    let band = |id: &str| map.zone(id).expect("box").band;
    assert_eq!(band("z0"), Band::Safety);
    assert_eq!(band("z1"), Band::Enterprise);
    assert_eq!(band("z2"), Band::Dmz);
    assert_eq!(band("z6"), Band::Field);
    assert_eq!(band("z7"), Band::Safety);
    let y = |id: &str| map.zone(id).expect("box").y;
    assert!(y("z1") < y("z2") && y("z2") < y("z3") && y("z6") < y("z0") && y("z6") < y("z7"));
    assert_eq!(map.zone("z6").map(|z| z.assets), Some(6));
}

#[test]
fn each_zone_is_marked_by_its_sl_a_against_sl_t_in_words_and_the_svg_escapes_names() {
    let mut a = plant();
    a.zones[0].name = "Line <1> & \"2\"".into();
    a.zones[1].target = levels([0; 7]);
    a.conduits.push(Conduit { kind: Some(ConduitType::DataDiode), ..Conduit::new("c1", "Diode", "z1", "z2") });
    let map = zone_map(&a, &score(&a));
    assert_eq!(map.zones[0].mark, ZoneMark::Gap(2));
    assert_eq!(map.zones[1].mark, ZoneMark::Met);
    assert_eq!(map.zones[0].mark.text(), "▼ Gap 2");
    let svg = map_svg(&map, SvgOptions { id_prefix: "m-", interactive: true, selected: Some("z1") });
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.contains("Line &lt;1&gt; &amp; &quot;2&quot;"));
    assert!(!svg.contains("<1>"));
    assert!(svg.contains("url(#m-hatch)") && svg.contains("marker-end=\"url(#m-arrow)\""));
    assert!(svg.contains("data-zone=\"z1\" tabindex=\"0\" role=\"button\""));
    assert!(svg.contains("aria-pressed=\"true\""));
    assert_eq!(
        map.description(),
        [
            "Zone Line <1> & \"2\", Level not set: SL-A of SL-T by FR: FR1 0 of 2, FR2 0 of 2, FR3 0 of 2, FR4 0 of 2, FR5 0 of 2, FR6 0 of 2, FR7 0 of 2, gap 2; 0 assets.",
            "Zone Utilities, Level not set: SL-A of SL-T by FR: FR1 0 of 0, FR2 0 of 0, FR3 0 of 0, FR4 0 of 0, FR5 0 of 0, FR6 0 of 0, FR7 0 of 0, target met; 0 assets.",
            "Conduit Diode: Line <1> & \"2\" to Utilities, Data diode; SL-T {2 2 2 2 2 2 2}.",
        ]
    );
    // Without a role that assesses zones there is no SL-A.
    a.profile.roles = [Role::ProductSupplier].into();
    let map = zone_map(&a, &score(&a));
    assert_eq!(map.zones[0].mark, ZoneMark::NotAssessed);
}

#[test]
fn the_map_is_the_same_for_the_same_assessment() {
    let a = large_plant(30, 60);
    let card = score(&a);
    assert_eq!(zone_map(&a, &card), zone_map(&a, &card));
    let svg = map_svg(&zone_map(&a, &card), SvgOptions::default());
    assert_eq!(svg, map_svg(&zone_map(&a, &card), SvgOptions::default()));
}

/// The `mxCell`s of a draw.io file read back with quick-xml: (id, value, source, target, is an edge), in
/// file order, after checking the nesting `mxfile > diagram > mxGraphModel > root`.
fn drawio_cells(xml: &str) -> Vec<(String, String, String, String, bool)> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut path: Vec<String> = Vec::new();
    let mut cells = Vec::new();
    loop {
        let event = reader.read_event().expect("well-formed XML");
        let (start, empty) = match &event {
            Event::Start(e) => (Some(e.clone()), false),
            Event::Empty(e) => (Some(e.clone()), true),
            Event::End(_) => {
                path.pop();
                (None, false)
            }
            Event::Eof => break,
            _ => (None, false),
        };
        let Some(e) = start else { continue };
        let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
        if name == "mxCell" {
            assert_eq!(path, ["mxfile", "diagram", "mxGraphModel", "root"], "cells sit in the model's root");
            let attr = |key: &str| {
                e.attributes()
                    .map(|a| a.expect("attribute"))
                    .find(|a| a.key.as_ref() == key.as_bytes())
                    .map(|a| a.normalized_value(quick_xml::XmlVersion::Implicit1_0).expect("value").into_owned())
                    .unwrap_or_default()
            };
            cells.push((attr("id"), attr("value"), attr("source"), attr("target"), attr("edge") == "1"));
        }
        if !empty {
            path.push(name);
        }
    }
    assert!(path.is_empty(), "every element is closed");
    cells
}

#[test]
fn the_draw_io_file_holds_every_zone_as_a_box_and_every_conduit_as_an_edge_between_its_zones() {
    let mut a = large_plant(30, 60);
    a.zones[0].name = "Line <1> & \"2\"".into();
    let map = zone_map(&a, &score(&a));
    let xml = map_drawio(&map).expect("written to memory");
    let cells = drawio_cells(&xml);
    let ids: Vec<&str> = cells.iter().map(|c| c.0.as_str()).collect();
    assert_eq!(&ids[..2], ["0", "1"]);
    for z in &map.zones {
        let cell = cells.iter().find(|c| c.0 == zone_cell_id(&z.id)).expect("a box per zone");
        assert!(!cell.4, "{} is a box", z.id);
        // The label: the name as typed (escaped in the file, read back whole), the mark, the assets.
        let lines: Vec<&str> = cell.1.lines().collect();
        assert_eq!(lines, [z.name.as_str(), z.mark.text().as_str(), "No assets listed"]);
    }
    assert!(xml.contains("Line &lt;1&gt; &amp; &quot;2&quot;"));
    assert_eq!(cells.iter().filter(|c| c.4).count(), a.conduits.len());
    for c in &a.conduits {
        let edge = cells.iter().find(|e| e.0 == conduit_cell_id(&c.id)).expect("an edge per conduit");
        assert!(edge.4);
        assert_eq!((edge.2.as_str(), edge.3.as_str()), (zone_cell_id(&c.from).as_str(), zone_cell_id(&c.to).as_str()));
        let kind = c.kind.map_or("", ConduitType::label);
        assert!(edge.1.starts_with(&c.name) && edge.1.ends_with(kind), "{} is labelled with its type", c.id);
    }
    // Ids are unique, so draw.io keeps every cell.
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), ids.len());
}

#[test]
fn conduit_labels_sit_on_their_line_inside_the_drawing_and_never_on_a_zone_box() {
    for (zones, conduits) in [(5, 8), (12, 20), (30, 60)] {
        let a = large_plant(zones, conduits);
        let map = zone_map(&a, &score(&a));
        let meet = |p: (f64, f64, f64, f64), q: (f64, f64, f64, f64)| {
            p.0 < q.0 + q.2 && q.0 < p.0 + p.2 && p.1 < q.1 + q.3 && q.1 < p.1 + p.3
        };
        let mut overlapping = 0;
        for (i, c) in map.conduits.iter().enumerate() {
            let label = c.label_box();
            assert!(label.0 >= 0.0 && label.0 + label.2 <= map::MAP_WIDTH, "{} inside the width", c.id);
            assert!(label.1 >= 0.0 && label.1 + label.3 <= map.height, "{} inside the height", c.id);
            // On its line: some point of the line lies within the label's box.
            let touches = (0..=100).map(|k| c.point_at(f64::from(k) / 100.0)).any(|(x, y)| {
                x >= label.0 && x <= label.0 + label.2 && y >= label.1 - 0.01 && y <= label.1 + label.3 + 0.01
            });
            assert!(touches, "{}'s label is on its line", c.id);
            for z in &map.zones {
                assert!(!meet(label, (z.x, z.y, z.width, z.height)), "{}'s label covers {}", c.id, z.id);
            }
            overlapping += map.conduits[i + 1..].iter().filter(|d| meet(label, d.label_box())).count();
        }
        // Up to 20 conduits every label has a place of its own; the 30-zone plant, whose 60 conduits
        // cross every band, leaves fewer than one overlapping pair per eight conduits.
        if conduits <= 20 {
            assert_eq!(overlapping, 0, "{zones} zones, {conduits} conduits");
        } else {
            assert!(overlapping * 8 < conduits, "{overlapping} overlapping labels of {conduits}");
        }
    }
}
