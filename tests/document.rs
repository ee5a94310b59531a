//! The read-only views as a document model (results, report, projection, live summary, charts): every
//! section and table is there with the classes the stylesheet and the browser tests use, gaps are marked in
//! words, user text is kept exactly as typed (escaping is the renderer's job), and the charts' numbers and
//! geometry are right.

mod common;

use common::*;
use iec62443_assess::document::{
    blocks_text, inline_text, radar_axes, radar_point, radar_points, radar_ring, radar_ring_labels, svg_points, Bar,
    Block, Cell, GroupKind, Inline, ListItem, MaturityBars, Radar, Table, ABOVE_TARGET_HINT, PROJECTION_HINT,
    RADAR_CENTER,
};
use iec62443_assess::export::report_markdown;
use iec62443_assess::{
    catalogue, gap_register, live_summary_table, projection, projection_blocks, projection_table, report_document,
    results_body, roadmap_for, roadmap_with, score, ActionPlan, ActionStatus, Answer, AnswerScope, Assessment,
    ComponentType, Conduit, Criticality, Document, Fr, HeldLevel, Part, Phase, ReportBranding, ReportLength, Response,
    Role,
};

const HOSTILE: &str = r#"<script>alert(1)</script> & "x""#;

/// Cell A (SL-T FR1 2, FR2 1) with FR1 implemented up to SL 1 and a zone with a hostile name; the
/// programme settled, so the roadmap holds only 3-3 actions.
fn plant() -> Assessment {
    let mut a = assessment_with(vec![
        zone("z1", "Cell A", [2, 1, 0, 0, 0, 0, 0], Criticality::High),
        zone("z2", HOSTILE, [1, 0, 0, 0, 0, 0, 0], Criticality::Low),
    ]);
    settle_programme(&mut a);
    implement_fr(&mut a, &in_zone("z1"), Fr::Fr1, 1);
    a
}

fn report(a: &Assessment, branding: ReportBranding) -> Document {
    let card = score(a);
    let roadmap = roadmap_with(a, &card.zones);
    report_document(a, &card, &roadmap, branding, ReportLength::Full)
}

/// Every block of these blocks, depth first, including those inside groups, disclosures, list items and
/// cells.
fn all_blocks(blocks: &[Block]) -> Vec<&Block> {
    let mut out = Vec::new();
    for block in blocks {
        out.push(block);
        match block {
            Block::Group(g) => out.extend(all_blocks(&g.blocks)),
            Block::Details(d) => out.extend(all_blocks(&d.blocks)),
            Block::List(l) => out.extend(l.items.iter().flat_map(|i| all_blocks(&i.blocks))),
            Block::Table(t) => out.extend(t.rows.iter().flat_map(|r| &r.cells).flat_map(|c| all_blocks(&c.blocks))),
            _ => {}
        }
    }
    out
}

fn tables(blocks: &[Block]) -> Vec<&Table> {
    all_blocks(blocks).into_iter().filter_map(|b| if let Block::Table(t) = b { Some(t) } else { None }).collect()
}

fn table<'a>(blocks: &'a [Block], caption: &str) -> &'a Table {
    tables(blocks)
        .into_iter()
        .find(|t| t.caption.as_deref() == Some(caption))
        .unwrap_or_else(|| panic!("no table {caption}"))
}

fn headings(blocks: &[Block]) -> Vec<(u8, String)> {
    all_blocks(blocks)
        .into_iter()
        .filter_map(|b| if let Block::Heading(h) = b { Some((h.level, h.text.clone())) } else { None })
        .collect()
}

fn section<'a>(report: &'a Document, id: &str) -> &'a [Block] {
    &report.sections.iter().find(|s| s.id == id).unwrap_or_else(|| panic!("no section {id}")).blocks
}

/// The items of the lists of this class.
fn list_items<'a>(blocks: &'a [Block], class: &str) -> Vec<&'a ListItem> {
    all_blocks(blocks)
        .into_iter()
        .filter_map(|b| if let Block::List(l) = b { Some(l) } else { None })
        .filter(|l| l.class == Some(class))
        .flat_map(|l| &l.items)
        .collect()
}

/// The roadmap's actions: the items of class `report-action`.
fn actions(blocks: &[Block]) -> Vec<&ListItem> {
    let items = list_items(blocks, "report-actions-list");
    assert!(items.iter().all(|i| i.class == Some("report-action")));
    items
}

#[test]
fn the_full_report_has_a_cover_and_five_sections_with_stable_ids() {
    let a = plant();
    let report = report(&a, ReportBranding::default());
    assert_eq!(report.cover.kicker, "IEC 62443 self-assessment report");
    assert_eq!(report.cover.title, "Water works");
    assert_eq!(report.cover.running_head, "Water works · 2026-11-20");
    let facts: Vec<(&str, &str)> = report.cover.facts.iter().map(|f| (f.term, f.value.as_str())).collect();
    // No organisation or sector given: those two are left out.
    assert_eq!(
        facts,
        [
            ("Date", "2026-11-20"),
            ("Assessment", "full assessment"),
            (
                "Report",
                "Full report: executive summary, scorecard, roadmap with each action in detail, gap register and \
                 every answer"
            ),
            ("Catalogue version", "2026.12-1"),
            ("Zones", "2")
        ]
    );
    // The asset owner answers 3-2, 3-3 and 2-1.
    assert_eq!(report.cover.editions, "Follows IEC 62443-3-2:2020, IEC 62443-3-3:2013 and IEC 62443-2-1:2024.");
    let sections: Vec<(&str, &str)> = report.sections.iter().map(|s| (s.id, s.heading.as_str())).collect();
    assert_eq!(
        sections,
        [
            ("report-summary", "Executive summary"),
            ("report-scorecard", "Scorecard"),
            ("report-roadmap", "Roadmap"),
            ("report-gaps", "Gap register"),
            ("report-appendix", "Appendix: every answer"),
        ]
    );
    // The scorecard is the Results step's body, in a div.results-body.
    let scorecard = section(&report, "report-scorecard");
    let [Block::Group(body)] = scorecard else { panic!("the scorecard is one group") };
    assert_eq!((body.kind, body.class), (GroupKind::Div, "results-body"));
    assert_eq!(body.blocks, results_body(&a, &score(&a)));
}

#[test]
fn user_text_is_kept_as_typed_in_the_results_and_the_report() {
    let mut a = plant();
    a.name = "Plant <1>".to_string();
    a.profile.organisation = HOSTILE.to_string();
    a.set_response(
        &in_zone("z1"),
        "sr-1.3",
        Response {
            answer: Some(Answer::NotImplemented),
            justification: String::new(),
            notes: HOSTILE.to_string(),
            ..Response::default()
        },
    );
    a.plan.insert("sr-1.3".to_string(), ActionPlan { owner: HOSTILE.to_string(), ..ActionPlan::default() });
    let card = score(&a);
    let report = report(&a, ReportBranding::default());
    assert_eq!(report.cover.title, "Plant <1>");
    assert_eq!(report.cover.facts[0].value, HOSTILE, "the organisation, not escaped");

    let results = results_body(&a, &card);
    for blocks in [&results[..], section(&report, "report-scorecard")] {
        assert!(headings(blocks).contains(&(3, format!("Zone: {HOSTILE}"))));
        let detail = all_blocks(blocks).into_iter().find_map(|b| match b {
            Block::Group(g)
                if g.class == "zone-detail card" && g.label.as_deref() == Some(&format!("Zone {HOSTILE}")) =>
            {
                Some(g)
            }
            _ => None,
        });
        assert!(detail.is_some(), "the zone's card is labelled with its name");
    }
    let gaps = table(section(&report, "report-gaps"), "Gap register");
    let sr_1_3 =
        gaps.rows.iter().find(|r| r.cells[0].text() == "SR 1.3 Account management" && r.cells[1].text() == "Cell A");
    let sr_1_3 = sr_1_3.expect("SR 1.3 in Cell A");
    assert_eq!(sr_1_3.cells[4].text(), format!("Notes: {HOSTILE}"));
    assert!(sr_1_3.cells[5].text().ends_with(&format!("Status: Open · Owner: {HOSTILE}")));
    let action = actions(section(&report, "report-roadmap"))
        .into_iter()
        .find(|i| i.content[0] == Inline::Strong("Account management (SR 1.3)".to_string()))
        .expect("the SR 1.3 action");
    assert!(action.text().contains(&format!(" · Owner: {HOSTILE}")));
}

#[test]
fn the_report_names_every_zone_and_lists_every_roadmap_action() {
    let a = plant();
    let card = score(&a);
    let roadmap = roadmap_with(&a, &card.zones);
    assert!(!roadmap.actions.is_empty());
    let report = report_document(&a, &card, &roadmap, ReportBranding::default(), ReportLength::Full);
    let summary = section(&report, "report-summary");
    let sl = table(summary, "Security levels by zone");
    let names: Vec<String> = sl.rows.iter().map(|r| r.cells[0].text()).collect();
    assert_eq!(names, ["Cell A", HOSTILE]);
    assert!(sl.rows.iter().all(|r| r.cells[0].header), "zone names are row headings");
    // On the one-page summary the cells say where each FR stands, without counting the open questions
    // (the readiness lines do); the legend follows the table.
    assert_eq!(sl.columns[0].text(), "Zone (SL-A / SL-T)");
    assert_eq!((sl.rows[0].cells[1].text().as_str(), sl.rows[0].cells[1].class), ("1 / 2 ◌", Some("open")));
    assert_eq!(sl.rows[0].cells[2].label.as_deref(), Some("Cell A FR2: SL-A 0, SL-T 1, not yet assessed"));
    assert_eq!(sl.rows[0].cells[3].text(), "0 / 0 ✓");
    assert!(!sl.rows.iter().flat_map(|r| &r.cells).any(|c| c.text().contains("questions open")));
    assert_eq!(list_items(summary, "level-legend").len(), 4);

    // Each action is an li.report-action whose first child is its title in bold (`.report-action > strong`).
    let titles: Vec<&Inline> = actions(section(&report, "report-roadmap")).iter().map(|i| &i.content[0]).collect();
    let expected: Vec<Inline> = roadmap
        .actions
        .iter()
        .map(|x| Inline::Strong(format!("{} ({})", x.item.title, x.item.refs.join(", "))))
        .collect();
    assert_eq!(titles.len(), expected.len());
    assert!(expected.iter().all(|t| titles.contains(&t)));
    assert_eq!(
        headings(section(&report, "report-roadmap")),
        [
            // Governance is the asset owner's first phase, the controls its fifth.
            (3, "Phase 5: Segmentation and foundational-requirement controls".to_string()),
            // FR2's audit items (SR 2.8 to 2.10).
            (3, "Phase 6: Monitoring, patching and incident response".to_string()),
        ]
    );
    assert_eq!(headings(summary), [(3, "Top five gaps".to_string()), (3, "First steps".to_string())]);
}

#[test]
fn the_sl_table_marks_gaps_and_met_targets_in_words_not_only_by_colour() {
    let mut a = plant();
    // Cell A's SR 1.2 (SL 2) is known to be missing; the other five SL 2 requirements of FR1 are open.
    answer(&mut a, &in_zone("z1"), &["sr-1.2"], Answer::NotImplemented);
    let body = results_body(&a, &score(&a));
    let sl = table(&body, "Security levels by zone");
    assert_eq!(sl.class, "data-table sl-table");
    assert_eq!(sl.columns[0], Cell::heading("Zone"));
    assert_eq!(
        sl.columns[1].content,
        [Inline::Abbr { text: "FR1".to_string(), title: "Identification and authentication control".to_string() }]
    );
    // Cell A: FR1 SL-A 1 of SL-T 2 with a known gap (met, the open questions would leave it at 1, so the
    // cell counts them but does not repeat "SL-A 1 if they are met"), FR2 nothing
    // answered against SL-T 1 (not yet assessed: met, its 8 SL 1 questions would give 1), FR3 no target.
    let cell_a = &sl.rows[0].cells;
    let open = |text: &str| [Inline::LineBreak, Inline::Span { class: "open-count", text: text.to_string() }];
    assert_eq!(
        cell_a[1].content,
        [
            vec![
                Inline::Text("SL-A 1 / SL-T 2".to_string()),
                Inline::Span { class: "gap-marker", text: " ▼ gap 1".to_string() }
            ],
            open("5 of 16 questions open").to_vec(),
        ]
        .concat()
    );
    assert_eq!(cell_a[1].class, Some("gap"));
    assert_eq!(
        (cell_a[2].text().as_str(), cell_a[2].class),
        ("SL-A 0 / SL-T 1 ◌ not yet assessed 8 of 8 questions open SL-A 1 if they are met", Some("open"))
    );
    assert_eq!(cell_a[2].content[1], Inline::Span { class: "open-marker", text: " ◌ not yet assessed".to_string() });
    assert_eq!(
        cell_a[3].content,
        [Inline::Text("SL-A 0 / SL-T 0".to_string()), Inline::Span { class: "met-marker", text: " ✓".to_string() }]
    );
    assert_eq!(cell_a[3].class, Some("met"));
    // The zone's card says the same in a sentence, and a legend in plain words follows the table.
    assert!(blocks_text(&body).contains(
        "Not yet assessed, only unanswered questions hold these down: FR2 (8 of 8 questions open; SL-A 1 if they are met)."
    ));
    let legend = list_items(&body, "level-legend");
    let terms: Vec<&Inline> = legend.iter().map(|item| &item.content[0]).collect();
    assert_eq!(
        terms,
        ["SL-T, the target: ", "SL-A, the achieved level: ", "Gap (▼): ", "Not yet assessed (◌): "]
            .map(|t| Inline::Strong(t.to_string()))
            .iter()
            .collect::<Vec<_>>()
    );
}

#[test]
fn the_results_body_counts_answers_then_shows_levels_readiness_and_each_zone() {
    let a = plant();
    let body = results_body(&a, &score(&a));
    // Asked: 28 steps and 34 practices (all answered), Cell A's 10 FR1 items at SL1 (answered), 6 at SL2 and
    // 8 FR2 items at SL1, and the other zone's 10 FR1 items at SL1: 72 of 96.
    let Block::List(counts) = &body[0] else { panic!("the counts come first") };
    assert_eq!((counts.class, counts.label.as_deref()), (Some("counts"), Some("Answer counts")));
    assert_eq!(
        counts.items[0].content,
        [Inline::Strong("72 of 96".to_string()), Inline::Text(" questions answered".to_string())]
    );
    assert_eq!(
        headings(&body),
        [
            (2, "Security levels by zone".to_string()),
            (3, "Zone: Cell A".to_string()),
            (4, "What blocks the next level".to_string()),
            (3, format!("Zone: {HOSTILE}")),
            (4, "What blocks the next level".to_string()),
            (2, "Risk assessment, zones and conduits (IEC 62443-3-2)".to_string()),
            (2, "Security programme maturity (IEC 62443-2-1)".to_string()),
        ]
    );
    let readiness = list_items(&body, "readiness");
    // Nothing answered is known to be missing: FR1 (its SL 2) and FR2 are not yet assessed.
    assert_eq!(
        readiness[0].text(),
        "Cell A: target reached in 5 of 7 FRs; not yet assessed: FR1, FR2; 14 of 24 in-scope questions unanswered."
    );
    let coverage = table(&body, "Coverage of in-scope requirements, Cell A");
    assert_eq!(coverage.class, "data-table coverage-table");
    assert_eq!(
        coverage.rows[0].cells.iter().map(Cell::text).collect::<Vec<_>>(),
        ["FR1", "10 of 16 (63%)", "0", "0", "6"]
    );
    let blocking = list_items(&body, "blocking");
    assert_eq!(
        blocking[0].content[0],
        Inline::Strong("FR1 to reach SL 2: ".to_string()),
        "the FR and the level it does not reach lead the line"
    );
    // The 3-2 process and each maturity part are cards named by their heading's id.
    let cards: Vec<(Option<&str>, String)> = all_blocks(&body)
        .into_iter()
        .filter_map(|b| match b {
            Block::Group(g) if g.class == "card" => Some((g.labelled_by.as_deref(), blocks_text(&g.blocks[..1]))),
            _ => None,
        })
        .collect();
    assert_eq!(
        cards,
        [
            (Some("process-title"), "Risk assessment, zones and conduits (IEC 62443-3-2)".to_string()),
            (Some("maturity-iec-62443-2-1"), "Security programme maturity (IEC 62443-2-1)".to_string()),
        ]
    );
}

#[test]
fn each_radar_names_its_zone_and_describes_every_fr() {
    let a = plant();
    let body = results_body(&a, &score(&a));
    let radars: Vec<&Radar> =
        all_blocks(&body).into_iter().filter_map(|b| if let Block::Radar(r) = b { Some(r) } else { None }).collect();
    assert_eq!(radars.len(), 2);
    let cell_a = radars[0];
    assert_eq!((cell_a.id.as_str(), cell_a.product), ("radar-z1", false));
    assert_eq!(cell_a.labelled_by(), "radar-z1-title radar-z1-desc");
    assert_eq!(cell_a.title(), "Security levels of zone Cell A");
    assert_eq!(
        cell_a.description(),
        "Zone Cell A: FR1 SL-A 1 of SL-T 2; FR2 SL-A 0 of SL-T 1; FR3 SL-A 0 of SL-T 0; FR4 SL-A 0 of SL-T 0; \
         FR5 SL-A 0 of SL-T 0; FR6 SL-A 0 of SL-T 0; FR7 SL-A 0 of SL-T 0."
    );
    assert_eq!(cell_a.legend(), ("SL-A achieved (solid)", "SL-T target (dashed)"));
    assert_eq!(radars[1].title(), format!("Security levels of zone {HOSTILE}"));
}

#[test]
fn results_show_only_the_parts_the_roles_answer() {
    let mut a = assessment_for(&[Role::ProductSupplier]);
    let body = results_body(&a, &score(&a));
    let text = blocks_text(&body);
    assert!(!text.contains("Security levels by zone"));
    let empty = all_blocks(&body)
        .into_iter()
        .find_map(|b| match b {
            Block::Paragraph(p) if p.class == Some("empty-state") => Some(p),
            _ => None,
        })
        .expect("an empty state");
    assert_eq!(
        empty.content[1],
        Inline::Link(iec62443_assess::document::Link { href: "#/scope".to_string(), text: "Scope".to_string() })
    );
    assert_eq!(
        blocks_text(&[Block::Paragraph(empty.clone())]),
        "No products yet: add products in Scope to see their capability levels."
    );
    let maturity = all_blocks(&body).into_iter().find_map(|b| match b {
        Block::Heading(h) if h.id.as_deref() == Some("maturity-iec-62443-4-1") => Some(h.text.clone()),
        _ => None,
    });
    assert_eq!(maturity.as_deref(), Some("Secure development lifecycle maturity (IEC 62443-4-1)"));

    a.products.push(product("p1", "RTU <560>", ComponentType::EmbeddedDevice, [1, 0, 0, 0, 0, 0, 0]));
    let body = results_body(&a, &score(&a));
    assert!(headings(&body).contains(&(3, "Product: RTU <560>".to_string())));
    let sl = table(&body, "Capability levels by product");
    assert_eq!(
        sl.rows[0].cells[1].text(),
        "SL-C 0 / aimed 1 ◌ not yet assessed 9 of 9 questions open SL-C 1 if they are met"
    );
    assert!(list_items(&body, "level-legend").iter().any(|i| i.text().starts_with("SL-C, the capability level: ")));
    let radar = all_blocks(&body).into_iter().find_map(|b| if let Block::Radar(r) = b { Some(r) } else { None });
    assert_eq!(radar.map(Radar::title).as_deref(), Some("Capability levels of product RTU <560>"));
}

#[test]
fn a_quick_scan_opens_with_a_notice() {
    let mut a = plant();
    a.profile.mode = iec62443_assess::Mode::Quick;
    let body = results_body(&a, &score(&a));
    let Block::Paragraph(notice) = &body[1] else { panic!("a paragraph after the counts") };
    assert_eq!(notice.class, Some("notice"));
    assert!(blocks_text(&body[1..2]).starts_with("Quick scan: achieved levels are indicative"));
}

#[test]
fn maturity_bars_carry_each_area_level_and_the_target() {
    let a = plant();
    let body = results_body(&a, &score(&a));
    let bars = all_blocks(&body)
        .into_iter()
        .find_map(|b| if let Block::MaturityBars(m) = b { Some(m) } else { None })
        .expect("the 2-1 bars");
    assert_eq!(bars.label, "Maturity per programme area");
    assert_eq!((bars.target, bars.max, bars.bars.len()), (2, 4, 8));
    // settle_programme answers every 2-1 practice at ML4 (NET 2 not applicable).
    assert_eq!(bars.bars[0], Bar { label: "Organizational security measures".to_string(), level: Some(4) });
}

#[test]
fn bar_geometry_puts_one_bar_per_28_units_and_the_target_on_the_scale() {
    let bars = MaturityBars {
        label: "Maturity per practice".to_string(),
        bars: vec![Bar { label: "A".to_string(), level: Some(2) }, Bar { label: "B".to_string(), level: None }],
        target: 3,
        max: 4,
    };
    assert_eq!(bars.height(), 2.0 * 28.0 + 24.0);
    let first = bars.geometry(0);
    assert_eq!((first.y, first.label_y, first.width, first.value_x, first.value_y), (4.0, 19.0, 150.0, 376.0, 18.0));
    let second = bars.geometry(1);
    assert_eq!((second.y, second.width, second.value_x), (32.0, 0.0, 226.0));
    assert_eq!(bars.bars[1].value(), "N/A");
    assert_eq!(bars.target_x(), 220.0 + 3.0 * 75.0);
    assert_eq!((bars.target_line_end(), bars.target_label_y()), (62.0, 76.0));
}

fn close(a: (f64, f64), b: (f64, f64)) -> bool {
    (a.0 - b.0).abs() < 1e-9 && (a.1 - b.1).abs() < 1e-9
}

#[test]
fn radar_points_lie_on_seven_axes_clockwise_from_the_top() {
    // FR1 straight up; level 4 at radius 110, level 2 half way.
    assert!(close(radar_point(Fr::Fr1, 4.0), (160.0, 50.0)));
    assert!(close(radar_point(Fr::Fr1, 2.0), (160.0, 105.0)));
    // FR2 is 2π/7 clockwise: right of the centre and above it.
    let (x, y) = radar_point(Fr::Fr2, 4.0);
    assert!((x - 246.0).abs() < 0.01 && (y - 91.42).abs() < 0.01, "{x},{y}");
    // FR4 and FR5 are mirror images below the centre.
    let (x4, y4) = radar_point(Fr::Fr4, 4.0);
    let (x5, y5) = radar_point(Fr::Fr5, 4.0);
    assert!((x4 - RADAR_CENTER + (x5 - RADAR_CENTER)).abs() < 1e-9 && (y4 - y5).abs() < 1e-9 && y4 > RADAR_CENTER);

    let points = radar_points(&levels([2, 0, 0, 0, 0, 0, 4]));
    assert_eq!(points.len(), 7);
    assert!(close(points[0], (160.0, 105.0)));
    assert!(points[1..6].iter().all(|p| close(*p, (RADAR_CENTER, RADAR_CENTER))), "level 0 is the centre");
    assert!(close(points[6], radar_point(Fr::Fr7, 4.0)));
    assert_eq!(
        svg_points(&radar_ring(4)),
        "160.0,50.0 246.0,91.4 267.2,184.5 207.7,259.1 112.3,259.1 52.8,184.5 74.0,91.4"
    );
}

#[test]
fn radar_axes_end_on_the_outer_ring_with_labels_beyond_it() {
    let axes = radar_axes();
    assert_eq!(axes.iter().map(|a| a.fr).collect::<Vec<_>>(), Fr::ALL);
    assert_eq!(
        axes.iter().map(|a| a.anchor).collect::<Vec<_>>(),
        ["middle", "start", "start", "start", "end", "end", "end"]
    );
    assert!(axes.iter().all(|a| close(a.end, radar_point(a.fr, 4.0))));
    // FR1's label sits 4.75 levels up, its baseline 4 lower.
    assert!(close(axes[0].label, (160.0, 160.0 - 110.0 * 4.75 / 4.0 + 4.0)));
    let rings = radar_ring_labels();
    assert_eq!(rings.iter().map(|(l, _)| *l).collect::<Vec<_>>(), [1, 2, 3, 4]);
    assert!(close(rings[3].1, (164.0, 60.0)));
}

#[test]
fn branding_appears_on_the_cover_and_after_the_summary_only_when_given() {
    let a = plant();
    let plain = report(&a, ReportBranding::default());
    assert_eq!((&plain.cover.brand, &plain.cover.logo, &plain.cover.contact), (&None, &None, &None));
    let contact_paragraphs = |r: &Document| {
        all_blocks(section(r, "report-summary"))
            .into_iter()
            .filter(|b| matches!(b, Block::Paragraph(p) if p.class == Some("report-contact")))
            .count()
    };
    assert_eq!(contact_paragraphs(&plain), 0);

    let branded = report(
        &a,
        ReportBranding {
            name: "Example & Co",
            logo: "logo.svg",
            contact_url: "https://example.com/contact?a=1&b=2",
            contact_label: "Discuss this roadmap",
        },
    );
    let logo = branded.cover.logo.as_ref().expect("a logo");
    assert_eq!((logo.src.as_str(), logo.alt.as_str()), ("logo.svg", "Example & Co"));
    assert_eq!(branded.cover.brand.as_deref(), Some("Prepared with the self-assessment tool of Example & Co"));
    let contact = branded.cover.contact.as_ref().expect("a contact link");
    assert_eq!(
        (contact.href.as_str(), contact.text.as_str()),
        ("https://example.com/contact?a=1&b=2", "Discuss this roadmap")
    );
    assert!(contact.is_external());
    assert_eq!(contact_paragraphs(&branded), 1, "the contact link also closes the summary");
}

#[test]
fn the_projection_shows_each_zone_by_fr_now_after_each_phase_and_at_target() {
    let a = plant();
    let rows = projection(&a, &roadmap_for(&a));
    // The asset owner's seven phases: governance first.
    let phases = a.phases();
    assert_eq!(phases, Phase::OWNER);
    let projection = projection_table(&rows[0], &phases);
    assert_eq!(projection.class, "data-table projection");
    assert_eq!(projection.caption.as_deref(), Some("Cell A: projected SL-A"));
    let columns: Vec<String> = projection.columns.iter().map(Cell::text).collect();
    assert_eq!(
        columns,
        [
            "FR", "Now", "Phase 1", "Phase 2", "Phase 3", "Phase 4", "Phase 5", "Phase 6", "Phase 7", "All done",
            "Target"
        ]
    );
    assert_eq!(
        projection.columns[2].title.as_deref(),
        Some("Governance: policy and ownership"),
        "a phase's name as its tooltip"
    );
    // A row per FR, headed by the FR. Cell A: SL-T {2 1 0 0 0 0 0}, FR1's SL 1 implemented, nothing planned.
    let row = |fr: usize| -> Vec<String> { projection.rows[fr].cells.iter().map(Cell::text).collect() };
    assert_eq!(projection.rows.len(), 7);
    assert!(projection.rows[0].cells[0].header);
    assert_eq!(row(0), ["FR1", "1", "1", "1", "1", "1", "1", "1", "1", "↑2", "2"]);
    assert_eq!(row(1), ["FR2", "0", "0", "0", "0", "0", "0", "0", "0", "↑1", "1"]);
    assert_eq!(row(2), ["FR3", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"]);
    let classes: Vec<Option<&str>> = projection.rows[0].cells.iter().map(|c| c.class).collect();
    assert_eq!(classes[1..], [Some("gap"); 8].into_iter().chain([Some("met"), None]).collect::<Vec<_>>()[..]);
    assert_eq!(projection.rows[2].cells[1].class, Some("met"), "SL-T 0 is reached at 0");

    // On the Roadmap step and in the report: each zone's table in one region, with why the levels stay
    // below target (nothing is planned, so every FR below target stays), then a hint.
    let blocks = projection_blocks(&rows, &phases);
    let [Block::Group(region), Block::Paragraph(hint)] = &blocks[..] else { panic!("a region and a hint") };
    assert_eq!((region.kind, region.class), (GroupKind::ScrollRegion, "table-scroll projection-grid"));
    assert_eq!(region.label.as_deref(), Some("Projected levels, scrollable"));
    let Block::Group(cell_a) = &region.blocks[0] else { panic!("a group per zone") };
    assert_eq!(cell_a.class, "projection-zone");
    assert_eq!(cell_a.blocks[0], Block::Table(projection));
    let Block::List(held) = &cell_a.blocks[1] else { panic!("why the levels stay") };
    assert_eq!(held.label.as_deref(), Some("Why levels of Cell A stay below target"));
    assert_eq!(
        held.items.iter().map(ListItem::text).collect::<Vec<_>>(),
        [
            // FR1's SL 2: SR 1.1 RE(1), SR 1.2, SR 1.6 RE(1), SR 1.8, SR 1.9, SR 1.13 RE(1).
            "FR1 stays at 1 until SR 1.1 RE(1), SR 1.2, SR 1.6 RE(1) and 3 more are met.",
            // FR2's SL 1: SR 2.1, 2.2, 2.3, 2.4, 2.5, 2.8, 2.9, 2.10.
            "FR2 stays at 0 until SR 2.1, SR 2.2, SR 2.3 and 5 more are met.",
        ]
    );
    assert_eq!(region.blocks.len(), 2, "one group per zone");
    assert_eq!(hint.class, Some("hint"));
    assert_eq!(inline_text(&hint.content), PROJECTION_HINT, "nothing goes above a target");
    assert!(projection_blocks(&[], &phases).is_empty(), "nothing without zones or products");
}

#[test]
fn planning_the_blocking_actions_moves_the_level_and_the_reason_follows() {
    let mut a = plant();
    // FR2 of Cell A (SL-T 1): plan all but SR 2.10 of its SL 1 requirements.
    for key in ["sr-2.1", "sr-2.2", "sr-2.3", "sr-2.4", "sr-2.5", "sr-2.8", "sr-2.9"] {
        a.plan.insert(key.to_string(), ActionPlan { status: ActionStatus::Planned, ..ActionPlan::default() });
    }
    let rows = projection(&a, &roadmap_for(&a));
    let held: Vec<String> = rows[0].held.iter().map(HeldLevel::sentence).collect();
    assert_eq!(held[1], "FR2 stays at 0 until SR 2.10 is met.");
    // Done counts too; then FR2 reaches 1 after the phases of those actions and leaves the list.
    a.plan.insert("sr-2.10".to_string(), ActionPlan { status: ActionStatus::Done, ..ActionPlan::default() });
    let rows = projection(&a, &roadmap_for(&a));
    assert_eq!(rows[0].planned().get(Fr::Fr2), sl(1));
    assert!(rows[0].held.iter().all(|h| h.fr != Fr::Fr2));
}

#[test]
fn all_done_above_the_target_is_explained() {
    let mut a = plant();
    // Cell A's FR2 (SL-T 1) has its SL 2 requirements met already: with the SL 1 ones done it reaches 2.
    for id in ["sr-2.1-re1", "sr-2.1-re2", "sr-2.6", "sr-2.11"] {
        a.set_response(&in_zone("z1"), id, Response::with(Answer::Implemented));
    }
    let rows = projection(&a, &roadmap_for(&a));
    assert_eq!(rows[0].all_done.get(Fr::Fr2), sl(2));
    let blocks = projection_blocks(&rows, &a.phases());
    let [_, Block::Paragraph(hint)] = &blocks[..] else { panic!("a region and a hint") };
    assert_eq!(inline_text(&hint.content), format!("{PROJECTION_HINT} {ABOVE_TARGET_HINT}"));
}

#[test]
fn the_live_summary_has_a_row_per_zone_then_per_product_with_gaps_marked_and_labelled() {
    let mut a = plant();
    a.profile.roles.insert(Role::ProductSupplier);
    a.products.push(product("p1", "RTU", ComponentType::EmbeddedDevice, [1, 0, 0, 0, 0, 0, 0]));
    let summary = live_summary_table(&score(&a));
    assert_eq!((summary.class, summary.label.as_deref()), ("mini-table", Some("Achieved security level per zone")));
    assert_eq!(summary.caption, None);
    assert_eq!(summary.columns[0].text(), "Zone");
    assert_eq!(summary.columns[1].title.as_deref(), Some("Identification and authentication control"));
    let keys: Vec<Option<&str>> = summary.rows.iter().map(|r| r.key.as_deref()).collect();
    assert_eq!(keys, [Some("z1"), Some("z2"), Some("p1")]);
    let cell_a = &summary.rows[0].cells;
    assert_eq!(cell_a[0], Cell::heading("Cell A"));
    // FR1's SL 2 is all unanswered: not yet assessed.
    assert_eq!((cell_a[1].text().as_str(), cell_a[1].class), ("1/2 ?", Some("open")));
    assert_eq!(
        cell_a[1].label.as_deref(),
        Some("Cell A FR1: achieved 1, target 2; not yet assessed: 6 of 16 questions open")
    );
    assert_eq!((cell_a[3].text().as_str(), cell_a[3].class), ("0/0", None));
    assert_eq!(cell_a[3].label.as_deref(), Some("Cell A FR3: achieved 0, target 0"));
    assert_eq!(
        summary.rows[2].cells[1].label.as_deref(),
        Some("RTU FR1: achieved 0, target 1; not yet assessed: 9 of 9 questions open")
    );
    // Once SR 1.2 is known to be missing, FR1 has a known gap.
    answer(&mut a, &in_zone("z1"), &["sr-1.2"], Answer::NotImplemented);
    let summary = live_summary_table(&score(&a));
    let fr1 = &summary.rows[0].cells[1];
    assert_eq!((fr1.text().as_str(), fr1.class), ("1/2 ▾", Some("gap")));
    assert_eq!(fr1.label.as_deref(), Some("Cell A FR1: achieved 1, target 2; known gap, 5 of 16 questions open"));
}

#[test]
fn the_gap_register_and_appendix_are_tables_with_their_classes() {
    let mut a = plant();
    a.set_response(&in_zone("z1"), "sr-1.2", Response::with(Answer::NotImplemented));
    let report = report(&a, ReportBranding::default());
    let gaps = table(section(&report, "report-gaps"), "Gap register");
    assert_eq!(gaps.class, "data-table gap-register");
    let card = score(&a);
    let register = gap_register(&a, &card, &roadmap_with(&a, &card.zones));
    // The one answered gap; the unanswered ones are counted in a sentence (see the test below).
    let answered: Vec<_> = register.iter().filter(|g| g.response.answer.is_some()).collect();
    assert_eq!((gaps.rows.len(), answered.len()), (1, 1));
    assert_eq!(
        gaps.columns.iter().map(Cell::text).collect::<Vec<_>>(),
        ["Requirement", "Zone", "Level", "Answer", "Justification and notes", "Action and plan"]
    );
    let first = &gaps.rows[0].cells;
    let item = answered[0].item;
    assert_eq!(
        first[0].content,
        [Inline::Strong(item.refs.join(", ")), Inline::Text(format!(" {}", item.title))],
        "the reference in bold, then the title"
    );
    let [Block::Paragraph(status)] = &first[5].blocks[..] else { panic!("the plan below the action") };
    assert_eq!((status.class, blocks_text(&first[5].blocks)), (Some("muted"), "Status: Open".to_string()));

    let appendix = table(section(&report, "report-appendix"), "Every question answered or annotated");
    assert_eq!(appendix.class, "data-table appendix");
    assert_eq!(
        appendix.columns.iter().map(Cell::text).collect::<Vec<_>>(),
        ["Reference", "Question", "Zone", "Answer", "Justification and notes"]
    );
    let open = table(section(&report, "report-appendix"), "Questions not answered yet, by section");
    assert_eq!(open.class, "data-table open-questions");
    assert_eq!(open.columns.iter().map(Cell::text).collect::<Vec<_>>(), ["Section", "Zone", "Unanswered"]);
}

#[test]
fn every_table_of_the_report_has_as_many_cells_per_row_as_columns() {
    let mut a = assessment_for(&Role::ALL);
    a.zones = plant().zones;
    a.products.push(product("p1", "RTU", ComponentType::EmbeddedDevice, [1, 0, 0, 0, 0, 0, 0]));
    let report = report(&a, ReportBranding::default());
    let blocks: Vec<Block> = report.sections.iter().flat_map(|s| s.blocks.clone()).collect();
    let all = tables(&blocks);
    assert!(all.len() > 10);
    for t in all {
        assert!(t.rows.iter().all(|r| r.cells.len() == t.columns.len()), "{:?}", t.caption);
    }
}

// --- issue 16: editions, conduits, process readiness, maturity captions, vendor questions, zone notes ---

fn conduit(id: &str, name: &str, from: &str, to: &str, target: Option<[u8; 7]>) -> Conduit {
    Conduit { target: target.map(levels), ..Conduit::new(id, name, from, to) }
}

/// The paragraphs of this class, as text.
fn paragraphs(blocks: &[Block], class: &str) -> Vec<String> {
    all_blocks(blocks)
        .into_iter()
        .filter(|b| matches!(b, Block::Paragraph(p) if p.class == Some(class)))
        .map(Block::text)
        .collect()
}

#[test]
fn the_results_list_each_conduit_with_its_target_level_after_the_zones() {
    let mut a = plant();
    a.conduits.push(conduit("c1", "Historian link", "z1", "z2", None));
    a.conduits.push(conduit("c2", "Vendor session", "z2", "z1", Some([3, 1, 0, 0, 0, 0, 0])));
    let body = results_body(&a, &score(&a));
    let order = headings(&body);
    let conduits = order.iter().position(|h| *h == (2, "Conduits".to_string())).expect("a Conduits heading");
    assert_eq!(order[conduits - 1], (4, "What blocks the next level".to_string()), "after the last zone");
    assert_eq!(order[conduits + 1].1, "Risk assessment, zones and conduits (IEC 62443-3-2)");
    // Cell A {2 1 0 0 0 0 0} and the other zone {1 0 0 0 0 0 0}: the higher per FR is Cell A's.
    let lines: Vec<String> = list_items(&body, "conduits").iter().map(|i| i.text()).collect();
    assert_eq!(
        lines,
        [
            format!("Historian link (Cell A to {HOSTILE}): SL-T {{2 1 0 0 0 0 0}}, from its zones."),
            format!(
                "Vendor session ({HOSTILE} to Cell A): SL-T {{3 1 0 0 0 0 0}}, set for the conduit. It is above the \
                 SL-T of both zones in FR1: raise the SL-T of the zone whose boundary protects the conduit, or give \
                 the conduit protection of its own."
            ),
        ]
    );
    let Some(Block::List(list)) =
        all_blocks(&body).into_iter().find(|b| matches!(b, Block::List(l) if l.class == Some("conduits")))
    else {
        panic!("the conduits list")
    };
    assert_eq!(list.label.as_deref(), Some("Target level per conduit"));
    // No conduits, no section.
    assert!(!headings(&results_body(&plant(), &score(&plant()))).contains(&(2, "Conduits".to_string())));
}

#[test]
fn each_product_card_says_whether_the_development_process_backs_its_capability() {
    let mut a = assessment_for(&[Role::ProductSupplier]);
    a.products.push(product("p1", "RTU", ComponentType::EmbeddedDevice, [1, 0, 0, 0, 0, 0, 0]));
    // Nothing answered: no SL-C reached, and the process (unanswered practices count as not performed) is
    // below the ML2 that the aimed SL-C 1 needs.
    let body = results_body(&a, &score(&a));
    assert_eq!(
        paragraphs(&body, "process-readiness"),
        ["No capability level is reached yet; the development process (IEC 62443-4-1) is at ML0. The aimed SL-C 1 \
          needs ML2."]
    );
    // Every 4-1 practice at ML2 and FR1 met at SL 1: SL-C 1 needs ML2, which the process reaches.
    for item in catalogue::items_of(Part::DevelopmentLifecycle) {
        a.set_response(&AnswerScope::Assessment, item.id, Response::with(Answer::Ml2));
    }
    implement_component_fr(&mut a, "p1", ComponentType::EmbeddedDevice, Fr::Fr1, 1);
    let body = results_body(&a, &score(&a));
    assert_eq!(
        paragraphs(&body, "process-readiness"),
        ["SL-C 1 needs the development process (IEC 62443-4-1) at ML2 in every practice; it is at ML2, so the claim \
          is backed."]
    );
    // The sentence sits in the product's card, after its radar and coverage table.
    let card = all_blocks(&body)
        .into_iter()
        .find_map(|b| match b {
            Block::Group(g) if g.label.as_deref() == Some("Product RTU") => Some(g),
            _ => None,
        })
        .expect("the product's card");
    assert!(matches!(&card.blocks[2], Block::Paragraph(p) if p.class == Some("process-readiness")));
}

#[test]
fn each_maturity_part_says_its_overall_level_is_the_tools_own_summary() {
    let a = plant();
    let body = results_body(&a, &score(&a));
    let text = blocks_text(&body);
    // settle_programme answers every 2-1 practice at ML4.
    assert!(text.contains(
        "Overall maturity: ML4, against a target of ML2. A programme area reaches a level only when all its \
         practices do."
    ));
    assert!(paragraphs(&body, "hint").contains(
        &"Overall maturity (this tool's summary, not a level IEC 62443-2-1 defines): the lowest programme area."
            .to_string()
    ));
}

#[test]
fn a_vendor_to_confirm_answer_is_counted_in_the_gap_register_listed_for_vendors_and_marked_in_the_roadmap() {
    let mut a = plant();
    // SR 1.9 (FR1, SL 2) is in scope in Cell A only (SL-T 2 in FR1).
    a.set_response(
        &AnswerScope::AllZones,
        "sr-1.9",
        Response {
            answer: Some(Answer::VendorToConfirm),
            justification: String::new(),
            notes: "Asked the integrator in May.".to_string(),
            ..Response::default()
        },
    );
    let body = results_body(&a, &score(&a));
    let counts = list_items(&body, "counts");
    assert_eq!(counts.last().map(|i| i.text()).as_deref(), Some("1 for vendors to confirm"));

    let report = report(&a, ReportBranding::default());
    let gaps = section(&report, "report-gaps");
    let row = table(gaps, "Gap register")
        .rows
        .iter()
        .find(|r| r.cells[0].text() == "SR 1.9 Strength of public key authentication")
        .expect("SR 1.9 in the gap register");
    assert_eq!((row.cells[1].text().as_str(), row.cells[3].text().as_str()), ("Cell A", "Vendor to confirm"));
    assert_eq!(headings(gaps), [(3, "Questions for vendors".to_string())]);
    let questions = list_items(gaps, "vendor-questions");
    assert_eq!(questions.len(), 1);
    assert_eq!(
        questions[0].text(),
        format!(
            "SR 1.9 Strength of public key authentication (zone Cell A): {}\nNotes: Asked the integrator in May.",
            known_item("sr-1.9").question
        )
    );
    let action = actions(section(&report, "report-roadmap"))
        .into_iter()
        .find(|i| i.content[0] == Inline::Strong("Strength of public key authentication (SR 1.9)".to_string()))
        .expect("the SR 1.9 action");
    assert!(action.content.contains(&Inline::Text(" · Vendor to confirm: ask the vendor first".to_string())));

    // The Markdown export writes the same model.
    let card = score(&a);
    let markdown = report_markdown(&a, &card, &roadmap_with(&a, &card.zones), ReportLength::Full);
    assert!(markdown.contains("\n### Questions for vendors\n"));
    assert!(markdown.contains("1. SR 1.9 Strength of public key authentication (zone Cell A): "));
    // Without such answers the gap register has no questions for vendors.
    assert!(headings(section(&report_of_plant(), "report-gaps")).is_empty());
}

fn report_of_plant() -> Document {
    report(&plant(), ReportBranding::default())
}

#[test]
fn the_appendix_keeps_a_zones_own_notes_beside_the_answer_it_follows() {
    let mut a = plant();
    a.set_response(
        &AnswerScope::AllZones,
        "sr-1.1",
        Response {
            answer: Some(Answer::Implemented),
            justification: String::new(),
            notes: "Central directory.".to_string(),
            ..Response::default()
        },
    );
    // The second zone keeps notes of its own: on an answer it follows, and on a question nobody answered.
    a.set_zone_notes("z2", "sr-1.1", "Panel login shared on the night shift.");
    a.set_zone_notes("z2", "sr-1.4", "Ask the vendor.");
    let report = report(&a, ReportBranding::default());
    let appendix = table(section(&report, "report-appendix"), "Every question answered or annotated");
    let row = |reference: &str| {
        appendix
            .rows
            .iter()
            .find(|r| r.cells[0].text() == reference && r.cells[2].text() == HOSTILE)
            .unwrap_or_else(|| panic!("{reference} in the second zone"))
            .cells
            .iter()
            .map(Cell::text)
            .collect::<Vec<_>>()
    };
    let sr_1_1 = row("SR 1.1");
    assert_eq!(sr_1_1[3], "Implemented (all zones)", "a note alone does not replace the all-zones answer");
    assert_eq!(sr_1_1[4], "Notes: Central directory. Zone notes: Panel login shared on the night shift.");
    let sr_1_4 = row("SR 1.4");
    assert_eq!((sr_1_4[3].as_str(), sr_1_4[4].as_str()), ("Not answered", "Zone notes: Ask the vendor."));
}

#[test]
fn a_suppliers_roadmap_and_projection_number_its_own_four_phases_from_one() {
    let mut a = assessment_for(&[Role::ProductSupplier]);
    a.products.push(product("p1", "RTU", ComponentType::EmbeddedDevice, [1, 0, 0, 0, 0, 0, 0]));
    assert_eq!(a.phases(), Phase::SUPPLIER);
    let report = report(&a, ReportBranding::default());
    let roadmap = section(&report, "report-roadmap");
    // Nothing is answered: every phase has actions.
    assert_eq!(
        headings(roadmap),
        [
            (3, "Phase 1: Secure development process".to_string()),
            (3, "Phase 2: Requirements and design".to_string()),
            (3, "Phase 3: Implementation and verification".to_string()),
            (3, "Phase 4: Release and support".to_string()),
        ]
    );
    let projection = table(roadmap, "Product RTU: projected SL-C");
    let columns: Vec<String> = projection.columns.iter().map(Cell::text).collect();
    assert_eq!(columns, ["FR", "Now", "Phase 1", "Phase 2", "Phase 3", "Phase 4", "All done", "Target"]);
    assert_eq!(projection.columns[2].title.as_deref(), Some("Secure development process"));
}

// --- issue 17: a short report to forward; a full one without rows of unanswered questions ---

/// Three zones (SL-T 2, 2 and 3 in FR1), a few answers in each part, most questions open: the walkthrough
/// of issue 17 in small. The DMZ keeps a note on a question nobody answered; SR 5.1's action is planned.
fn half_finished() -> Assessment {
    let mut a = assessment_with(vec![
        zone("z1", "Treatment control", [2, 2, 2, 2, 2, 2, 2], Criticality::High),
        zone("z2", "Plant DMZ", [2, 2, 2, 2, 3, 1, 2], Criticality::Medium),
        zone("z3", "Chlorination safety PLCs", [3, 3, 3, 2, 3, 2, 3], Criticality::High),
    ]);
    answer(&mut a, &AnswerScope::AllZones, &["sr-1.1", "sr-1.3", "sr-2.1"], Answer::Implemented);
    answer(&mut a, &AnswerScope::AllZones, &["sr-1.2", "sr-3.1"], Answer::Partial);
    answer(&mut a, &in_zone("z3"), &["sr-5.1"], Answer::NotImplemented);
    answer(&mut a, &AnswerScope::Assessment, &["zcr-1.1"], Answer::Implemented);
    answer(&mut a, &AnswerScope::Assessment, &["org-1"], Answer::Ml2);
    a.set_zone_notes("z2", "sr-1.4", "Ask the integrator.");
    a.plan.insert(
        "sr-5.1".to_string(),
        ActionPlan {
            status: ActionStatus::Planned,
            owner: "OT team".to_string(),
            target_date: "2027-03-31".to_string(),
            ..ActionPlan::default()
        },
    );
    a
}

fn report_of(a: &Assessment, length: ReportLength) -> Document {
    let card = score(a);
    report_document(a, &card, &roadmap_with(a, &card.zones), ReportBranding::default(), length)
}

#[test]
fn the_short_report_is_the_full_reports_summary_scorecard_and_roadmap_with_a_table_per_phase() {
    let a = half_finished();
    let (short, full) = (report_of(&a, ReportLength::Short), report_of(&a, ReportLength::Full));
    let ids: Vec<&str> = short.sections.iter().map(|s| s.id).collect();
    assert_eq!(ids, ["report-summary", "report-scorecard", "report-roadmap"]);
    assert_eq!(short.sections[0], full.sections[0], "the same summary");
    // The same scorecard, except the map of zones and conduits, which only the full report prints.
    let mut scorecard = full.sections[1].clone();
    let Some(Block::Group(group)) = scorecard.blocks.first_mut() else { panic!("the scorecard is a group") };
    let before = group.blocks.len();
    group.blocks.retain(|b| !matches!(b, Block::ZoneMap(_)));
    assert_eq!(group.blocks.len(), before - 1, "the full report has the map");
    assert_eq!(short.sections[1], scorecard, "the same scorecard without the map");
    assert_eq!(short.cover.running_head, full.cover.running_head);
    let fact = |d: &Document| d.cover.facts.iter().find(|f| f.term == "Report").map(|f| f.value.clone());
    assert_eq!(fact(&short).as_deref(), Some("Short report: executive summary, scorecard and roadmap"));

    // The same phases, each a table of its actions in the full list's order, one line each.
    let (roadmap, detailed) = (section(&short, "report-roadmap"), section(&full, "report-roadmap"));
    assert_eq!(headings(roadmap), headings(detailed));
    assert!(actions(roadmap).is_empty(), "no detailed action cards");
    let phase_tables: Vec<&Table> =
        tables(roadmap).into_iter().filter(|t| t.class.ends_with("roadmap-table")).collect();
    assert_eq!(phase_tables.len(), headings(roadmap).len());
    for (t, (_, heading)) in phase_tables.iter().zip(headings(roadmap)) {
        assert_eq!(t.class, "data-table roadmap-table");
        assert_eq!((t.caption.as_deref(), t.label.as_deref()), (None, Some(heading.as_str())));
    }
    let rows: Vec<&[Cell]> = phase_tables.iter().flat_map(|t| &t.rows).map(|r| &r.cells[..]).collect();
    let titles: Vec<&Inline> = rows.iter().map(|cells| &cells[0].content[0]).collect();
    let listed: Vec<&Inline> = actions(detailed).iter().map(|i| &i.content[0]).collect();
    assert_eq!(titles, listed);
    let columns: Vec<String> = phase_tables[0].columns.iter().map(Cell::text).collect();
    assert_eq!(columns, ["Action", "Applies to", "Effort", "Horizon", "Status"]);
    let sr_5_1 = rows
        .iter()
        .find(|cells| cells[0].text().starts_with("Network segmentation (SR 5.1)"))
        .expect("SR 5.1 is on the roadmap")
        .iter()
        .map(Cell::text)
        .collect::<Vec<_>>();
    // Not met in the safety zone, unanswered in the other two.
    assert_eq!(sr_5_1[1], "All zones");
    let sr_1_2 = rows.iter().find(|cells| cells[0].text().starts_with("Software process and device")).unwrap();
    assert_eq!(sr_1_2[1].text(), "All zones", "SR 1.2 is partly implemented in every zone");
    let sr_1_1_re2 = rows.iter().find(|cells| cells[0].text().contains("(SR 1.1 RE(2))")).unwrap();
    assert_eq!(sr_1_1_re2[1].text(), "Chlorination safety PLCs", "an SL 3 requirement: only the safety zone");
    assert_eq!(sr_5_1[4], "Planned · Owner: OT team · 2027-03-31");
    let [.., Block::Paragraph(hint)] = roadmap else { panic!("the roadmap ends with a paragraph") };
    assert_eq!(hint.class, Some("hint"));
    assert!(blocks_text(roadmap).ends_with("adds the gap register and every answer."));
}

#[test]
fn the_running_head_names_the_assessment_and_its_date() {
    let mut a = half_finished();
    a.name = "Riverside <OT> review".to_string();
    a.updated = "2026-11-24T16:45:00Z".to_string();
    assert_eq!(report_of(&a, ReportLength::Short).cover.running_head, "Riverside <OT> review · 2026-11-24");
    a.name = "  ".to_string();
    assert_eq!(report_of(&a, ReportLength::Short).cover.running_head, "Untitled assessment · 2026-11-24");
}

#[test]
fn the_appendix_lists_what_was_said_and_counts_the_open_questions_by_section_and_zone() {
    let a = half_finished();
    let report = report_of(&a, ReportLength::Full);
    let appendix = section(&report, "report-appendix");
    let listed = table(appendix, "Every question answered or annotated");
    let row_texts: Vec<Vec<String>> = listed.rows.iter().map(|r| r.cells.iter().map(Cell::text).collect()).collect();
    // 3-2: one answer; 3-3: five all-zones answers in each of three zones, SR 5.1 in the safety zone and
    // the DMZ's note; 2-1: one answer.
    assert_eq!(row_texts.len(), 1 + 5 * 3 + 1 + 1 + 1);
    let note = row_texts.iter().find(|r| r[0] == "SR 1.4").expect("the question with a note only");
    assert_eq!((note[2].as_str(), note[3].as_str()), ("Plant DMZ", "Not answered"));
    assert!(row_texts.iter().filter(|r| r[0] != "SR 1.4").all(|r| r[3] != "Not answered"));

    let open = table(appendix, "Questions not answered yet, by section");
    let counts: Vec<Vec<String>> = open.rows.iter().map(|r| r.cells.iter().map(Cell::text).collect()).collect();
    let row = |section: &str, zone: &str| {
        counts.iter().find(|r| r[0] == section && r[1] == zone).unwrap_or_else(|| panic!("{section} in {zone}"))[2]
            .clone()
    };
    // 28 steps of 3-2, one answered.
    assert_eq!(counts[0], ["Risk assessment, zones and conduits", "Whole organisation", "27 of 28"]);
    // FR1 asks 16 requirements up to SL 2 and 22 up to SL 3; three are answered for all zones. A note alone
    // leaves the DMZ's SR 1.4 open.
    let fr1 = "FR1 Identification and authentication control";
    assert_eq!(row(fr1, "Treatment control"), "13 of 16");
    assert_eq!(row(fr1, "Plant DMZ"), "13 of 16");
    assert_eq!(row(fr1, "Chlorination safety PLCs"), "19 of 22");
    // Questionnaire order, then zone order.
    assert_eq!(&counts[1][..2], [fr1, "Treatment control"]);
    assert_eq!(&counts[3][..2], [fr1, "Chlorination safety PLCs"]);
    // Together the rows count every open question, as the progress does.
    let (answered, asked) = a.progress();
    let total: usize = counts.iter().map(|r| r[2].split(' ').next().unwrap().parse::<usize>().unwrap()).sum();
    assert_eq!(total, asked - answered);
    let sentence = format!("{} of the {asked} questions asked have no answer yet.", asked - answered);
    assert!(blocks_text(appendix).contains(&sentence), "{sentence}");
}

#[test]
fn the_gap_register_lists_what_was_said_and_counts_the_unanswered_in_a_sentence() {
    let a = half_finished();
    let report = report_of(&a, ReportLength::Full);
    let gaps = section(&report, "report-gaps");
    let register = table(gaps, "Gap register");
    let rows: Vec<(String, String, String)> =
        register.rows.iter().map(|r| (r.cells[0].text(), r.cells[1].text(), r.cells[3].text())).collect();
    // SR 1.2 and SR 3.1 are partly implemented in all three zones; SR 5.1 is missing in the safety zone.
    assert_eq!(rows.len(), 7);
    assert!(rows.iter().all(|(_, _, answer)| answer != "Not answered"));
    assert!(rows.contains(&(
        "SR 5.1 Network segmentation".to_string(),
        "Chlorination safety PLCs".to_string(),
        "Not implemented".to_string()
    )));
    let card = score(&a);
    let unanswered = gap_register(&a, &card, &roadmap_with(&a, &card.zones)).len() - 7;
    assert!(unanswered > 100);
    let sentence =
        format!("Not listed: {unanswered} more entries of the register are questions nobody has answered yet");
    assert!(blocks_text(gaps).contains(&sentence), "{}", blocks_text(gaps));

    // Nothing answered yet: no empty table, and no claim that there are no gaps.
    let mut blank = half_finished();
    blank.answers = Default::default();
    let report = report_of(&blank, ReportLength::Full);
    let gaps = section(&report, "report-gaps");
    assert!(tables(gaps).is_empty());
    assert!(blocks_text(gaps).starts_with("No answer given so far is a gap. The register's "));
    assert!(!blocks_text(gaps).contains("No gaps recorded"));
}
