//! The report's data and its exports, on one hand-built assessment with every kind of answer: the
//! executive summary, the gap register, the appendix, the CSV files (read back with a small RFC 4180
//! parser) and the Markdown report; then the same for an integrator and product supplier with products
//! (IEC 62443-4-2) and 2-4 and 4-1 practices; then properties on random assessments.

mod common;

use common::*;
use iec62443_assess::export::{gap_register_csv, report_markdown, roadmap_csv, GAP_REGISTER_COLUMNS, ROADMAP_COLUMNS};
use iec62443_assess::*;
use proptest::prelude::*;

const ORGANISATION: &str = "ACME <script>alert(1)</script> Water";
const NOTE: &str = "Vendor says \"Q3, maybe Q4\"\nthen retest";
const COMPENSATION: &str = "Console in a locked room, badge log reviewed weekly";
const PLAN_NOTE: &str = "=SUM(A1:A3) budget line";

/// Two zones with different targets and every kind of answer:
///
/// - Cell A (High), SL-T FR1 2. FR1 is implemented for all zones, except: SR 1.3 not implemented (with a
///   note), SR 1.7 compensating (justified), SR 1.12 not applicable, SR 1.1 RE(1) don't know, and in
///   Cell A only SR 1.8 partial. FR1: SL-A 0 (SR 1.3), gap 2.
/// - Utilities (Low), SL-T FR1 1 and FR5 1. Its own answer implements SR 1.3 (override); SR 5.1
///   implemented, SR 5.2 not implemented, SR 5.3 and 5.4 unanswered. FR1: SL-A 1; FR5: SL-A 0, gap 1.
/// - 3-2: all implemented except ZCR 4.1 not implemented, ZCR 2.1 compensating, ZCR 3.3 not applicable,
///   ZCR 5.10 unanswered, ZCR 6.8 compensating without justification (so unanswered).
/// - 2-1 (target ML2): all ML4 except ORG 2 and CM 1 at ML1, ORG 1 at ML3, NET 2 not applicable.
/// - Plan: SR 1.3 planned, with owner, date and a note that starts like a formula.
fn plant() -> Assessment {
    let mut a = assessment_with(vec![
        zone("z1", "Cell A", [2, 0, 0, 0, 0, 0, 0], Criticality::High),
        zone("z2", "Utilities", [1, 0, 0, 0, 1, 0, 0], Criticality::Low),
    ]);
    a.profile.organisation = ORGANISATION.to_string();
    settle_programme(&mut a);
    let all = AnswerScope::AllZones;
    implement_fr(&mut a, &all, Fr::Fr1, 2);
    a.set_response(
        &all,
        "sr-1.3",
        Response {
            answer: Some(Answer::NotImplemented),
            justification: String::new(),
            notes: NOTE.to_string(),
            ..Response::default()
        },
    );
    a.set_response(&all, "sr-1.7", Response::justified(Answer::Compensating, COMPENSATION));
    answer(&mut a, &all, &["sr-1.12"], Answer::NotApplicable);
    answer(&mut a, &all, &["sr-1.1-re1"], Answer::DontKnow);
    answer(&mut a, &in_zone("z1"), &["sr-1.8"], Answer::Partial);
    answer(&mut a, &in_zone("z2"), &["sr-1.3", "sr-5.1"], Answer::Implemented);
    answer(&mut a, &in_zone("z2"), &["sr-5.2"], Answer::NotImplemented);

    let once = AnswerScope::Assessment;
    answer(&mut a, &once, &["zcr-4.1"], Answer::NotImplemented);
    answer(&mut a, &once, &["zcr-2.1"], Answer::Compensating);
    answer(&mut a, &once, &["zcr-3.3", "net-2"], Answer::NotApplicable);
    a.set_response(&once, "zcr-5.10", Response::default());
    a.set_response(&once, "zcr-6.8", Response::with(Answer::Compensating));
    answer(&mut a, &once, &["org-2", "cm-1"], Answer::Ml1);
    answer(&mut a, &once, &["org-1"], Answer::Ml3);

    a.plan.insert(
        "sr-1.3".to_string(),
        ActionPlan {
            status: ActionStatus::Planned,
            owner: "Jane O'Neil, OT lead".to_string(),
            target_date: "2026-12-31".to_string(),
            note: PLAN_NOTE.to_string(),
        },
    );
    a
}

struct Results {
    card: Scorecard,
    roadmap: Roadmap,
}

fn results(a: &Assessment) -> Results {
    let card = score(a);
    let roadmap = roadmap_with(a, &card.zones);
    Results { card, roadmap }
}

/// The roadmap of `plant()`, worked out by hand (docs/scoring.md section 6).
const ROADMAP_ORDER: [&str; 11] = [
    "cm-1",       // inventory, ML1 of 2, blocking, M
    "zcr-4.1",    // risk, gap 1, blocking, S
    "zcr-5.10",   // risk, unanswered
    "zcr-6.8",    // risk, compensating without justification counts as unanswered
    "sr-1.3",     // controls, gap 2, blocking (Cell A)
    "sr-1.1-re1", // controls, gap 2, SL2, not blocking
    "sr-1.8",     // controls, gap 2, SL2, not blocking
    "sr-5.3",     // controls, gap 1, blocking, S (Utilities)
    "sr-5.2",     // controls, gap 1, blocking, M
    "sr-5.4",     // controls, gap 1, blocking, M
    "org-2",      // operations, ML1 of 2, blocking, S
];

fn keys(actions: &[Action]) -> Vec<&'static str> {
    actions.iter().map(|a| a.key).collect()
}

// --- a tiny RFC 4180 reader ------------------------------------------------------------------------------

/// Reads CSV text (BOM stripped first) into records of fields; fails on anything RFC 4180 does not allow.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').expect("the file starts with a byte order mark");
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut at_field_start = true;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => {
                    quoted = false;
                    assert!(matches!(chars.peek(), None | Some(',' | '\r')), "text after a closing quote");
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if at_field_start => {
                quoted = true;
                at_field_start = false;
            }
            '"' => panic!("a quote inside an unquoted field: {field:?}"),
            ',' => {
                record.push(std::mem::take(&mut field));
                at_field_start = true;
            }
            '\r' => {
                assert_eq!(chars.next(), Some('\n'), "a record ends with CRLF");
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
                at_field_start = true;
            }
            '\n' => panic!("a bare LF outside quotes"),
            _ => {
                field.push(c);
                at_field_start = false;
            }
        }
    }
    assert!(!quoted, "an unterminated quote");
    assert!(field.is_empty() && record.is_empty(), "the last record ends with CRLF");
    records
}

fn column(header: &[String], name: &str) -> usize {
    header.iter().position(|h| h == name).unwrap_or_else(|| panic!("no column {name}"))
}

#[test]
fn the_csv_reader_reads_quoted_fields() {
    let records = parse_csv("\u{feff}a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"two\r\nlines\",,x\r\n");
    assert_eq!(records, [vec!["a", "b,c", "say \"hi\""], vec!["two\r\nlines", "", "x"]]);
}

// --- executive summary -------------------------------------------------------------------------------------

#[test]
fn the_executive_summary_names_the_largest_gap_maturity_and_open_questions() {
    let a = plant();
    let r = results(&a);
    let summary = executive_summary(&a, &r.card, &r.roadmap);
    // Asked: 23 process steps + 33 practices + Cell A 16 FR1 items (SL 1-2) + Utilities 10 FR1 and 4 FR5
    // items (SL 1) = 86. Unanswered: ZCR 5.10, ZCR 6.8 (no justification), SR 5.3 and SR 5.4 in Utilities.
    assert_eq!(
        summary.overall,
        "2 zones assessed (full assessment). None of the 2 zones reaches its target in all seven foundational \
         requirements; the largest gap is FR1 Identification and authentication control in zone Cell A \
         (SL-A 0, SL-T 2). Programme maturity (IEC 62443-2-1, lowest programme area): ML1 against a target of ML2. 4 of 92 questions \
         unanswered."
    );
    assert_eq!(
        summary.zone_lines,
        [
            "Cell A: target reached in 6 of 7 FRs; largest gap FR1 Identification and authentication control \
             (SL-A 0, SL-T 2).",
            "Utilities: target reached in 6 of 7 FRs; largest gap FR5 Restricted data flow (SL-A 0, SL-T 1); \
             2 of 14 in-scope questions unanswered.",
        ]
    );
}

#[test]
fn top_gaps_put_the_largest_gap_first_and_first_steps_follow_the_roadmap() {
    let a = plant();
    let r = results(&a);
    assert_eq!(keys(&r.roadmap.actions), ROADMAP_ORDER, "the hand-worked roadmap");
    let summary = executive_summary(&a, &r.card, &r.roadmap);
    // Ranked (docs/scoring.md section 6): answered as missing before unanswered (ZCR 5.10, ZCR 6.8, SR 5.3
    // and SR 5.4 wait); among those, the groundwork SR 5.2 (zone boundary protection, Utilities, Low)
    // first; then Cell A (High): SR 1.3 (gap 2, blocking), SR 1.1 RE(1) (don't know) and SR 1.8 (partial),
    // both gap 2 at SL 2, by reference; then the Medium ones by order of work: CM 1 (inventory) before
    // ZCR 4.1 (risk) and ORG 2 (operations).
    assert_eq!(keys(&summary.top_gaps), ["sr-5.2", "sr-1.3", "sr-1.1-re1", "sr-1.8", "cm-1"]);
    // The first five 0-3 month actions in roadmap order; SR 5.3 and ORG 2 are 0-3 months too, later.
    assert_eq!(keys(&summary.first_steps), ["cm-1", "zcr-4.1", "zcr-5.10", "zcr-6.8", "sr-1.3"]);
    assert!(summary.first_steps.iter().all(|s| s.horizon == Horizon::Now));
    assert_eq!(summary.done_not_answered, 0);
}

#[test]
fn done_actions_leave_the_first_steps_and_top_gaps_and_planned_ones_say_so() {
    let mut a = plant();
    for key in ["cm-1", "sr-5.2"] {
        a.plan.insert(key.to_string(), ActionPlan { status: ActionStatus::Done, ..ActionPlan::default() });
    }
    let r = results(&a);
    let summary = executive_summary(&a, &r.card, &r.roadmap);
    // Without CM 1, the 0-3 months actions in roadmap order reach SR 5.3.
    assert_eq!(keys(&summary.first_steps), ["zcr-4.1", "zcr-5.10", "zcr-6.8", "sr-1.3", "sr-5.3"]);
    // Without SR 5.2 and CM 1: Cell A's three, then the Medium ones by order of work.
    assert_eq!(keys(&summary.top_gaps), ["sr-1.3", "sr-1.1-re1", "sr-1.8", "zcr-4.1", "org-2"]);
    assert_eq!(summary.done_not_answered, 2);

    // The report: SR 1.3 is planned, ZCR 5.10 unanswered; a sentence says where the done ones went.
    let report = report_document(&a, &r.card, &r.roadmap, ReportBranding::default(), ReportLength::Short);
    let text = iec62443_assess::document::blocks_text(&report.sections[0].blocks);
    assert!(text.contains("Account management (SR 1.3) · Cell A · 0-3 months · Planned\n"), "{text}");
    assert!(text.contains(" · Whole organisation · 0-3 months · unanswered"), "{text}");
    assert!(text.contains(
        "2 actions are marked done and left out above; the levels count them once their questions are answered \
         Implemented."
    ));
}

#[test]
fn the_summary_tells_known_gaps_from_levels_not_yet_assessed() {
    let mut a = assessment_with(vec![zone("z1", "Cell A", [1, 1, 0, 0, 0, 0, 0], Criticality::High)]);
    settle_programme(&mut a);
    implement_fr(&mut a, &AnswerScope::AllZones, Fr::Fr1, 1);
    answer(&mut a, &AnswerScope::AllZones, &["sr-1.3"], Answer::NotImplemented);
    // FR1 has a known gap (SR 1.3); FR2 is not answered at all; the programme is settled.
    let r = results(&a);
    let summary = executive_summary(&a, &r.card, &r.roadmap);
    assert_eq!(
        summary.overall,
        "1 zone assessed (full assessment). The zone does not yet reach its target in all seven foundational \
         requirements; the largest gap is FR1 Identification and authentication control in zone Cell A \
         (SL-A 0, SL-T 1). In the zone, 1 FR has a known gap and 1 FR is not yet assessed (only unanswered \
         questions hold it down). Programme maturity (IEC 62443-2-1, lowest programme area): ML4 against a \
         target of ML2. 8 of 80 questions unanswered."
    );
    // Nothing known missing: no largest gap is named.
    answer(&mut a, &AnswerScope::AllZones, &["sr-1.3"], Answer::Implemented);
    let r = results(&a);
    let overall = executive_summary(&a, &r.card, &r.roadmap).overall;
    assert!(overall.contains(
        "The zone does not yet reach its target in all seven foundational requirements. In the zone, 1 FR is \
         not yet assessed (only unanswered questions hold it down)."
    ));
}

#[test]
fn first_steps_are_topped_up_from_the_next_horizon() {
    let mut a = assessment_with(vec![zone("z1", "Cell A", [2, 0, 0, 0, 0, 0, 0], Criticality::High)]);
    settle_programme(&mut a);
    implement_fr(&mut a, &AnswerScope::AllZones, Fr::Fr1, 2);
    answer(&mut a, &AnswerScope::AllZones, &["sr-1.3", "sr-1.8"], Answer::NotImplemented);
    answer(&mut a, &AnswerScope::AllZones, &["sr-1.1-re1"], Answer::Partial);
    let r = results(&a);
    let summary = executive_summary(&a, &r.card, &r.roadmap);
    // SR 1.3 is a quick win (0-3 months); the SL2 items are not blocking (3-12 months).
    assert_eq!(keys(&summary.first_steps), ["sr-1.3", "sr-1.1-re1", "sr-1.8"]);
    assert_eq!(summary.first_steps[1].horizon, Horizon::Next);
    assert_eq!(
        summary.overall,
        "1 zone assessed (full assessment). The zone does not yet reach its target in all seven foundational \
         requirements; the largest gap is FR1 Identification and authentication control in zone Cell A \
         (SL-A 0, SL-T 2). Programme maturity (IEC 62443-2-1, lowest programme area): ML4 against a target of ML2. All 78 questions \
         answered."
    );
}

#[test]
fn an_empty_assessment_says_nothing_is_answered_yet() {
    let a = assessment_with(Vec::new());
    let r = results(&a);
    let summary = executive_summary(&a, &r.card, &r.roadmap);
    assert_eq!(
        summary.overall,
        "No zones defined yet (full assessment), so no security levels are assessed. Nothing is answered \
         yet: all 62 questions are open, so there are no results to report."
    );
    assert!(summary.zone_lines.is_empty());
    let markdown = report_markdown(&a, &r.card, &r.roadmap, ReportLength::Full);
    assert!(markdown.contains("No zones yet: add zones in Scope to see security levels."));
    assert!(markdown.contains("## Appendix: every answer"));
}

#[test]
fn a_quick_scan_summary_says_results_are_indicative() {
    let mut a = plant();
    a.profile.mode = Mode::Quick;
    let r = results(&a);
    let summary = executive_summary(&a, &r.card, &r.roadmap);
    assert!(summary.overall.starts_with("2 zones assessed (quick scan)."), "{}", summary.overall);
    assert!(summary.overall.ends_with("Quick scan results are indicative: it asks a subset of the questions and cannot show levels above those it asks about."));
}

// --- gap register and appendix -------------------------------------------------------------------------------

#[test]
fn the_gap_register_follows_the_roadmap_then_lists_compensating_controls() {
    let a = plant();
    let r = results(&a);
    let register = gap_register(&a, &r.card, &r.roadmap);
    let lines: Vec<(&str, Option<&str>, Status)> =
        register.iter().map(|e| (e.item.id, e.zone.as_ref().map(|(id, _)| id.as_str()), e.status)).collect();
    assert_eq!(
        lines,
        [
            ("cm-1", None, Status::Maturity(1)),
            ("zcr-4.1", None, Status::NotMet),
            ("zcr-5.10", None, Status::Unanswered),
            ("zcr-6.8", None, Status::Unanswered),
            ("sr-1.3", Some("z1"), Status::NotMet), // Utilities overrides it as implemented
            ("sr-1.1-re1", Some("z1"), Status::NotMet), // SL2: out of Utilities' scope (SL-T 1)
            ("sr-1.8", Some("z1"), Status::NotMet),
            ("sr-5.3", Some("z2"), Status::Unanswered),
            ("sr-5.2", Some("z2"), Status::NotMet),
            ("sr-5.4", Some("z2"), Status::Unanswered),
            ("org-2", None, Status::Maturity(1)),
            // No action: listed so that the justification is visible, in questionnaire then zone order.
            ("zcr-2.1", None, Status::MetByCompensation),
            ("sr-1.7", Some("z1"), Status::MetByCompensation),
            ("sr-1.7", Some("z2"), Status::MetByCompensation),
        ]
    );

    let sr_1_3 = &register[4];
    assert_eq!(sr_1_3.zone, Some(("z1".to_string(), "Cell A".to_string())));
    assert_eq!((sr_1_3.achieved, sr_1_3.target), (Some(0), Some(2)));
    assert_eq!(sr_1_3.response.notes, NOTE, "the all-zones response, which Cell A inherits");
    assert_eq!(sr_1_3.action.as_ref().map(|a| a.key), Some("sr-1.3"));
    assert_eq!(sr_1_3.plan.status, ActionStatus::Planned);
    assert_eq!(sr_1_3.plan.note, PLAN_NOTE);

    let cm_1 = &register[0];
    assert_eq!((cm_1.achieved, cm_1.target), (Some(1), Some(2)), "current and target maturity");
    assert_eq!(register[1].achieved, None, "a 3-2 step has no level");

    let compensated = &register[13];
    assert_eq!(compensated.response.justification, COMPENSATION);
    assert_eq!(compensated.action, None);
    assert_eq!((compensated.achieved, compensated.target), (Some(1), Some(1)), "Utilities FR1");
    assert!(register[..11].iter().all(|e| e.action.as_ref().map(|a| a.key) == Some(e.item.id)));
}

#[test]
fn the_appendix_lists_every_asked_question_per_zone_and_once() {
    let a = plant();
    let entries = appendix(&a);
    let count_in = |z: &str| entries.iter().filter(|e| e.zone.as_ref().is_some_and(|(id, _)| id == z)).count();
    assert_eq!(count_in("z1"), 16, "FR1 SL 1-2");
    assert_eq!(count_in("z2"), 14, "FR1 SL 1 and FR5 SL 1");
    assert_eq!(entries.iter().filter(|e| e.zone.is_none()).count(), 28 + 34);
    assert_eq!(entries.len(), a.progress().1);

    // Cell A answers SR 1.8 itself; every other FR1 answer comes from all zones. Utilities overrides
    // SR 1.3 and answers FR5 itself (SR 5.3 and 5.4 not at all).
    let inherited =
        |z: &str| entries.iter().filter(|e| e.inherited && e.zone.as_ref().is_some_and(|(id, _)| id == z)).count();
    assert_eq!(inherited("z1"), 15);
    assert_eq!(inherited("z2"), 9);
    let unanswered: Vec<&str> = entries.iter().filter(|e| e.response.is_none()).map(|e| e.item.id).collect();
    assert_eq!(unanswered, ["zcr-5.10", "sr-5.3", "sr-5.4"]);

    // Questionnaire order: the 3-2 steps first, then 3-3 (zone order within an item), then 2-1.
    let parts: Vec<Part> = entries.iter().map(|e| e.item.part).collect();
    assert!(parts
        .windows(2)
        .all(|p| Part::ALL.iter().position(|x| *x == p[0]) <= Part::ALL.iter().position(|x| *x == p[1])));
    let sr_1_1: Vec<&str> = entries
        .iter()
        .filter(|e| e.item.id == "sr-1.1")
        .filter_map(|e| e.zone.as_ref())
        .map(|(id, _)| id.as_str())
        .collect();
    assert_eq!(sr_1_1, ["z1", "z2"]);
}

// --- CSV -----------------------------------------------------------------------------------------------------------

#[test]
fn the_csv_files_start_with_a_bom_and_end_lines_with_crlf() {
    let a = plant();
    let r = results(&a);
    for csv in [gap_register_csv(&a, &r.card, &r.roadmap), roadmap_csv(&a, &r.roadmap)] {
        assert!(csv.starts_with('\u{feff}'));
        assert!(csv.ends_with("\r\n"));
        // The only bare LF is the one inside the quoted note.
        let bare_lf = csv.match_indices('\n').filter(|(i, _)| !csv[..*i].ends_with('\r')).count();
        assert!(bare_lf <= 1, "{bare_lf} bare line feeds");
    }
}

#[test]
fn the_gap_register_csv_has_a_header_and_one_row_per_entry_that_reads_back() {
    let a = plant();
    let r = results(&a);
    let records = parse_csv(&gap_register_csv(&a, &r.card, &r.roadmap));
    let header = &records[0];
    assert_eq!(
        header.join(","),
        "Part,Reference,Title,Zone,FR,Lowest SL,SL-A,SL-T,Answer,Justification,Notes,Recommended action,Effort,\
         Phase,Horizon,Status,Owner,Target date,Plan note"
    );
    assert_eq!(header, &GAP_REGISTER_COLUMNS);
    assert_eq!(records.len(), 1 + 14);
    assert!(records.iter().all(|r| r.len() == 19));

    let row = |id: &str, zone: &str| {
        let title = known_item(id).title;
        records
            .iter()
            .find(|r| r[column(header, "Title")] == title && r[column(header, "Zone")] == zone)
            .unwrap_or_else(|| panic!("no row for {id} in {zone}"))
    };
    let sr_1_3 = row("sr-1.3", "Cell A");
    let get = |r: &Vec<String>, name: &str| r[column(header, name)].clone();
    assert_eq!(get(sr_1_3, "Part"), "IEC 62443-3-3");
    assert_eq!(get(sr_1_3, "Reference"), "SR 1.3");
    assert_eq!(get(sr_1_3, "FR"), "FR1");
    assert_eq!(get(sr_1_3, "Lowest SL"), "1");
    assert_eq!((get(sr_1_3, "SL-A"), get(sr_1_3, "SL-T")), ("0".to_string(), "2".to_string()));
    assert_eq!(get(sr_1_3, "Answer"), "Not implemented");
    assert_eq!(get(sr_1_3, "Notes"), NOTE, "commas, quotes and the line break read back unchanged");
    assert_eq!(get(sr_1_3, "Effort"), "S");
    assert_eq!(get(sr_1_3, "Horizon"), "0-3 months");
    assert_eq!(get(sr_1_3, "Status"), "Planned");
    assert_eq!(get(sr_1_3, "Owner"), "Jane O'Neil, OT lead");
    assert_eq!(get(sr_1_3, "Target date"), "2026-12-31");
    assert_eq!(get(sr_1_3, "Plan note"), format!("'{PLAN_NOTE}"), "a formula-like cell is made text");

    let cm_1 = row("cm-1", "Whole organisation");
    assert_eq!((get(cm_1, "SL-A"), get(cm_1, "SL-T")), ("ML1".to_string(), "ML2".to_string()));
    assert_eq!(get(cm_1, "Answer"), "ML1 Initial");
    let zcr_6_8 = row("zcr-6.8", "Whole organisation");
    assert_eq!(get(zcr_6_8, "Answer"), "Compensating control (justification missing)");
    let zcr_5_10 = row("zcr-5.10", "Whole organisation");
    assert_eq!(get(zcr_5_10, "Reference"), "ZCR 5.10; ZCR 5.11");
    assert_eq!(get(zcr_5_10, "Answer"), "Not answered");
    let sr_1_7 = row("sr-1.7", "Utilities");
    assert_eq!(get(sr_1_7, "Justification"), COMPENSATION);
    assert_eq!(get(sr_1_7, "Horizon"), "");
    assert_eq!(get(sr_1_7, "Status"), "Met by compensating control: no action");
}

#[test]
fn the_roadmap_csv_has_one_row_per_action_in_roadmap_order() {
    let a = plant();
    let r = results(&a);
    let records = parse_csv(&roadmap_csv(&a, &r.roadmap));
    let header = &records[0];
    assert_eq!(
        header.join(","),
        "Order,Phase,Horizon,References,Title,Action,Zones,Effort,Quick win,Blocks next level,Gap,Status,Owner,\
         Target date,Note"
    );
    assert_eq!(header, &ROADMAP_COLUMNS);
    assert_eq!(records.len(), 1 + ROADMAP_ORDER.len());
    let titles: Vec<&str> = records[1..].iter().map(|r| r[column(header, "Title")].as_str()).collect();
    let expected: Vec<&str> = ROADMAP_ORDER.iter().map(|id| known_item(id).title).collect();
    assert_eq!(titles, expected);
    let orders: Vec<&str> = records[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(orders, ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11"]);

    let sr_1_3 = &records[5];
    assert_eq!(
        sr_1_3[1..].to_vec(),
        [
            "Segmentation and foundational-requirement controls",
            "0-3 months",
            "SR 1.3",
            known_item("sr-1.3").title,
            known_item("sr-1.3").action,
            "Cell A",
            "S",
            "Yes",
            "Yes",
            "2",
            "Planned",
            "Jane O'Neil, OT lead",
            "2026-12-31",
            "'=SUM(A1:A3) budget line",
        ]
    );
    let org_2 = &records[11];
    assert_eq!(org_2[column(header, "Zones")], "Whole organisation");
    assert_eq!(org_2[column(header, "Status")], "Open");
}

#[test]
fn every_formula_start_is_neutralised_in_csv() {
    let mut a = plant();
    for (i, start) in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"].iter().enumerate() {
        let key = ROADMAP_ORDER[i];
        a.plan.insert(key.to_string(), ActionPlan { owner: start.to_string(), ..ActionPlan::default() });
    }
    let r = results(&a);
    let records = parse_csv(&roadmap_csv(&a, &r.roadmap));
    let owner = column(&records[0], "Owner");
    let owners: Vec<&str> = records[1..7].iter().map(|r| r[owner].as_str()).collect();
    assert_eq!(owners, ["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", "'\rx"]);
}

// --- Markdown --------------------------------------------------------------------------------------------------------

fn plant_markdown() -> (Assessment, Results, String) {
    let a = plant();
    let r = results(&a);
    let markdown = report_markdown(&a, &r.card, &r.roadmap, ReportLength::Full);
    (a, r, markdown)
}

#[test]
fn the_markdown_report_has_every_section_zone_and_action() {
    let (a, r, markdown) = plant_markdown();
    assert!(markdown.starts_with("# IEC 62443 self-assessment: Water works\n\n- Organisation: "));
    assert!(markdown.contains("- Date: 2026-11-20\n"));
    assert!(markdown.contains(&format!("- Catalogue version: {CATALOGUE_VERSION}\n")));
    assert!(markdown.contains("- Assessment: full assessment\n"));
    for heading in [
        "## Executive summary",
        "### Top five gaps",
        "### First steps",
        "## Scorecard",
        "### Security levels by zone",
        "#### Zone: Cell A",
        "#### Zone: Utilities",
        "### Security programme maturity (IEC 62443-2-1)",
        "## Roadmap",
        "### Phase 2: Inventory and process map",
        "## Gap register",
        "## Appendix: every answer",
    ] {
        assert!(markdown.lines().any(|l| l == heading), "no heading {heading}");
    }
    for zone in &a.zones {
        assert!(markdown.contains(&zone.name));
    }
    for action in &r.roadmap.actions {
        assert!(markdown.contains(&format!("**{} ({})**", action.item.title, action.item.refs.join(", "))));
    }
    assert!(markdown.contains("| Cell A | SL-A 0 / SL-T 2 ▼ gap 2 | SL-A 0 / SL-T 0 ✓ |"));
    assert!(markdown.contains("| Utilities | SL-A 1 / SL-T 1 ✓ | SL-A 0 / SL-T 0 ✓ |"));
    // SR 1.3 is planned: after the controls phase (5) Cell A reaches SL 1 in FR1; with every action done,
    // SL 2 (the SL3 items are unanswered). Columns: now, after each of the asset owner's seven phases (the
    // only track these roles follow), all done, target.
    let cell_a = after(&markdown, "Cell A: projected SL-A\n");
    assert!(cell_a.contains(
        "| FR | Now | Phase 1 | Phase 2 | Phase 3 | Phase 4 | Phase 5 | Phase 6 | Phase 7 | All done | Target |"
    ));
    assert!(cell_a.contains(&projection_row("FR1", &[("0", 5), ("↑1", 1), ("1", 2), ("↑2", 1), ("2", 1)])));
    // Nothing planned moves FR1 past SL 1 before all is done: the reason follows the table.
    assert!(cell_a.contains("- FR1 stays at 1 until SR 1.1 RE(1) and SR 1.8 are met.\n"));
    // The printed report and the Markdown say the same: every table of one is a table of the other.
    let report = report_document(&a, &r.card, &r.roadmap, ReportBranding::default(), ReportLength::Full);
    let tables: usize = report.sections.iter().map(|s| count_tables(&s.blocks)).sum();
    assert_eq!(markdown.matches("\n|---|").count(), tables);
    // The 3-2 steps still open are listed under their summary line.
    assert!(markdown.contains(
        "3 open step(s)\n\n- ZCR 4.1 Compare initial risk to tolerable risk\n- ZCR 5.10 Determine residual risk\n"
    ));
}

/// The tables among these blocks and inside them.
fn count_tables(blocks: &[document::Block]) -> usize {
    use document::Block;
    blocks
        .iter()
        .map(|b| match b {
            Block::Table(_) => 1,
            Block::Group(g) => count_tables(&g.blocks),
            Block::Details(d) => count_tables(&d.blocks),
            _ => 0,
        })
        .sum()
}

#[test]
fn user_text_in_markdown_is_escaped_and_kept_on_one_line() {
    let (_, _, markdown) = plant_markdown();
    assert!(!markdown.contains("<script>"), "raw HTML from the organisation name");
    assert!(markdown.contains("- Organisation: ACME \\<script\\>alert(1)\\</script\\> Water\n"));
    assert!(markdown.contains("Vendor says \"Q3, maybe Q4\" then retest"), "the note on one line");
    assert!(markdown.contains(COMPENSATION), "the justification");
    assert!(markdown.contains("Status: Planned · Owner: Jane O'Neil, OT lead · Target date: 2026-12-31\n"));
    assert!(markdown.contains("   Note: =SUM(A1:A3) budget line\n"), "the plan note, under its action");
}

/// Cells of a Markdown table row: pipes not escaped by a backslash, minus the two outer ones.
fn cells(row: &str) -> usize {
    let mut pipes = 0;
    let mut chars = row.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '|' => pipes += 1,
            _ => {}
        }
    }
    pipes - 1
}

/// Every table row has as many cells as its header.
fn assert_tables_are_well_formed(markdown: &str) {
    let mut header_cells = None;
    for row in markdown.lines() {
        if !row.starts_with('|') {
            header_cells = None;
            continue;
        }
        let n = cells(row);
        match header_cells {
            None => header_cells = Some(n),
            Some(h) => assert_eq!(n, h, "row {row:?}"),
        }
    }
}

#[test]
fn markdown_tables_keep_their_shape_whatever_the_user_typed() {
    let mut a = plant();
    a.zones[0].name = "Cell | A\n# not a heading".to_string();
    a.set_response(
        &in_zone("z2"),
        "sr-5.2",
        Response {
            answer: Some(Answer::NotImplemented),
            justification: String::new(),
            notes: "a | b \\| c\n- d\r\n1. e `f` *g*".to_string(),
            ..Response::default()
        },
    );
    let r = results(&a);
    let markdown = report_markdown(&a, &r.card, &r.roadmap, ReportLength::Full);
    assert_tables_are_well_formed(&markdown);
    assert!(markdown.contains("a \\| b \\\\\\| c - d 1. e \\`f\\` \\*g\\*"), "list markers inside a line stay");
    assert!(markdown.lines().all(|l| !l.starts_with("# not")));
}

// --- an integrator and product supplier -----------------------------------------------------------------------------

const RTU_NOTE: &str = "One service account | shared by all engineers";

/// A system integrator that also makes products:
///
/// - Zone "Customer line 3" (SL-T 1 in FR1): every FR1 SL1 requirement implemented; every 3-2 step too.
/// - 2-4 (target ML2): all ML4 except SP 07-1 at ML1 and SP 04 (wireless) not applicable.
/// - 4-1: all ML4 except SDL DM-1 not performed.
/// - RTU 560, an embedded device aiming for {2 1 0 0 0 0 0}: FR1 up to SL2 and FR2 SL1 implemented, except
///   CR 1.1 RE(1) (SL2) partial, with a note; CR 2.2 (wireless use control) not applicable. SL-C
///   {1 1 0 0 0 0 0}.
/// - StationView HMI, a software application aiming for {1 0 0 0 0 0 0}: FR1 SL1 implemented except CR 1.7
///   not implemented and CR 1.12 unanswered. SL-C 0 in every FR.
/// - Plan: CR 1.1 RE(1) planned.
fn vendor() -> Assessment {
    let mut a = assessment_for(&[Role::SystemIntegrator, Role::ProductSupplier]);
    a.profile.organisation = "Northwind Automation".to_string();
    a.zones.push(zone("z1", "Customer line 3", [1, 0, 0, 0, 0, 0, 0], Criticality::High));
    settle_programme(&mut a);
    settle_capabilities(&mut a);
    implement_fr(&mut a, &AnswerScope::AllZones, Fr::Fr1, 1);
    let once = AnswerScope::Assessment;
    answer(&mut a, &once, &["sp07-1"], Answer::Ml1);
    answer(&mut a, &once, &["sp04-1", "sp04-2", "sp04-3"], Answer::NotApplicable);
    answer(&mut a, &once, &["sdl-dm-1"], Answer::NotPerformed);

    a.products.push(product("p1", "RTU 560", ComponentType::EmbeddedDevice, [2, 1, 0, 0, 0, 0, 0]));
    a.products.push(product("p2", "StationView HMI", ComponentType::SoftwareApplication, [1, 0, 0, 0, 0, 0, 0]));
    implement_component_fr(&mut a, "p1", ComponentType::EmbeddedDevice, Fr::Fr1, 2);
    implement_component_fr(&mut a, "p1", ComponentType::EmbeddedDevice, Fr::Fr2, 1);
    a.set_response(
        &for_product("p1"),
        "cr-1.1-re1",
        Response {
            answer: Some(Answer::Partial),
            justification: String::new(),
            notes: RTU_NOTE.to_string(),
            ..Response::default()
        },
    );
    answer(&mut a, &for_product("p1"), &["cr-2.2"], Answer::NotApplicable);
    implement_component_fr(&mut a, "p2", ComponentType::SoftwareApplication, Fr::Fr1, 1);
    answer(&mut a, &for_product("p2"), &["cr-1.7"], Answer::NotImplemented);
    a.set_response(&for_product("p2"), "cr-1.12", Response::default());
    a.plan.insert(
        "cr-1.1-re1".to_string(),
        ActionPlan { status: ActionStatus::Planned, owner: "Firmware team".to_string(), ..ActionPlan::default() },
    );
    a
}

/// The vendor's roadmap, worked out by hand: the integrator's track comes first, with SP 07-1 in its
/// controls phase; then the supplier's track. In its implementation and verification phase every
/// component action closes a gap of 1 and blocks; the level 1 requirements of the HMI come first (small
/// effort, then by reference: CR 1.7 before CR 1.12), then CR 1.1 RE(1) at SL2; SDL DM-1 is in the
/// release and support phase.
const VENDOR_ROADMAP: [&str; 5] = ["sp07-1", "cr-1.7", "cr-1.12", "cr-1.1-re1", "sdl-dm-1"];

#[test]
fn the_executive_summary_speaks_of_products_and_of_the_maturity_parts_the_roles_answer() {
    let a = vendor();
    let r = results(&a);
    assert_eq!(keys(&r.roadmap.actions), VENDOR_ROADMAP, "the hand-worked roadmap");
    let summary = executive_summary(&a, &r.card, &r.roadmap);
    // Asked: 28 steps + 36 capabilities + 47 lifecycle practices + 10 FR1 SL1 requirements of the zone +
    // the RTU's 14 FR1 questions up to SL2 and 9 FR2 items at SL1 + the HMI's 9 FR1 questions at SL1 = 153
    // (CR 1.10 is asked as two questions); only CR 1.12 of the HMI is unanswered. No 2-1 programme: these roles do not answer it.
    assert_eq!(
        summary.overall,
        "1 zone assessed (full assessment). 2 products assessed (full assessment). The zone reaches its target \
         in all seven foundational requirements. 0 of 2 products reach the aimed capability level in all seven \
         foundational requirements; the largest gap is FR1 Identification and authentication control in \
         product RTU 560 (SL-C 1, aimed 2). Integrator and service provider maturity (IEC 62443-2-4, lowest capability area): ML1 \
         against a target of ML2. Secure development maturity (IEC 62443-4-1, lowest practice): ML0 against a target of ML2. \
         1 of 153 questions unanswered."
    );
    assert_eq!(
        summary.zone_lines,
        [
            "Customer line 3: target reached in all 7 FRs.",
            // Each product line says whether the development process (4-1, at ML0 here) backs its SL-C:
            // SL-C 1 needs ML2; the HMI reaches no level, and its aimed SL-C 1 would need ML2.
            "Product RTU 560: target reached in 6 of 7 FRs; largest gap FR1 Identification and authentication \
             control (SL-C 1, aimed 2). SL-C 1 needs the development process (IEC 62443-4-1) at ML2 in every \
             practice; it is at ML0, so the claim is not yet backed.",
            "Product StationView HMI: target reached in 6 of 7 FRs; largest gap FR1 Identification and \
             authentication control (SL-C 0, aimed 1); 1 of 9 in-scope questions unanswered. No capability level \
             is reached yet; the development process (IEC 62443-4-1) is at ML0. The aimed SL-C 1 needs ML2.",
        ]
    );
    // All Medium (products and the whole organisation). Answered as missing first: SDL DM-1 has the
    // largest gap (ML0 of ML2); then, gap 1 and blocking, by order of work: SP 07-1 (the integrator's
    // controls phase) before the implementation phase, where CR 1.7 (SL 1) comes before CR 1.1 RE(1) (SL 2).
    // CR 1.12 is only unanswered: last.
    assert_eq!(keys(&summary.top_gaps), ["sdl-dm-1", "sp07-1", "cr-1.7", "cr-1.1-re1", "cr-1.12"]);
    assert_eq!(summary.top_gaps[2].zone_names(), "StationView HMI");
}

/// Item id, zone or product name, SL-A or SL-C or current maturity, its target, status.
type RegisterLine<'a> = (&'a str, Option<&'a str>, Option<u8>, Option<u8>, Status);

#[test]
fn the_gap_register_lists_component_requirements_per_product_with_sl_c() {
    let a = vendor();
    let r = results(&a);
    let register = gap_register(&a, &r.card, &r.roadmap);
    let lines: Vec<RegisterLine> = register
        .iter()
        .map(|e| (e.item.id, e.zone.as_ref().map(|(_, name)| name.as_str()), e.achieved, e.target, e.status))
        .collect();
    assert_eq!(
        lines,
        [
            ("sp07-1", None, Some(1), Some(2), Status::Maturity(1)),
            ("cr-1.7", Some("StationView HMI"), Some(0), Some(1), Status::NotMet),
            ("cr-1.12", Some("StationView HMI"), Some(0), Some(1), Status::Unanswered),
            ("cr-1.1-re1", Some("RTU 560"), Some(1), Some(2), Status::NotMet), // SL-C and aimed level of FR1
            ("sdl-dm-1", None, Some(0), Some(2), Status::Maturity(0)),
        ]
    );
    let rtu = &register[3];
    assert_eq!(rtu.zone, Some(("p1".to_string(), "RTU 560".to_string())));
    assert_eq!(rtu.response.notes, RTU_NOTE);
    assert_eq!(rtu.plan.status, ActionStatus::Planned);
    assert_eq!(rtu.action.as_ref().map(|x| x.products.len()), Some(1));

    let records = parse_csv(&gap_register_csv(&a, &r.card, &r.roadmap));
    let header = &records[0];
    assert_eq!(records.len(), 1 + 5);
    let get = |row: &Vec<String>, name: &str| row[column(header, name)].clone();
    let rtu_row = &records[4];
    assert_eq!(get(rtu_row, "Part"), "IEC 62443-4-2");
    assert_eq!(get(rtu_row, "Reference"), "CR 1.1 RE(1)");
    assert_eq!(get(rtu_row, "Zone"), "RTU 560");
    assert_eq!((get(rtu_row, "FR"), get(rtu_row, "Lowest SL")), ("FR1".to_string(), "2".to_string()));
    assert_eq!((get(rtu_row, "SL-A"), get(rtu_row, "SL-T")), ("1".to_string(), "2".to_string()));
    assert_eq!(get(rtu_row, "Notes"), RTU_NOTE);
    assert_eq!(get(rtu_row, "Status"), "Planned");
    let capability_row = &records[1];
    assert_eq!(get(capability_row, "Part"), "IEC 62443-2-4");
    assert_eq!((get(capability_row, "SL-A"), get(capability_row, "SL-T")), ("ML1".to_string(), "ML2".to_string()));
    assert_eq!(get(&records[5], "Part"), "IEC 62443-4-1");

    let roadmap = parse_csv(&roadmap_csv(&a, &r.roadmap));
    let zones = column(&roadmap[0], "Zones");
    let names: Vec<&str> = roadmap[1..].iter().map(|row| row[zones].as_str()).collect();
    assert_eq!(names, ["Whole organisation", "StationView HMI", "StationView HMI", "RTU 560", "Whole organisation"]);
}

#[test]
fn the_appendix_lists_component_requirements_once_per_product() {
    let a = vendor();
    let entries = appendix(&a);
    let count_in = |id: &str| entries.iter().filter(|e| e.zone.as_ref().is_some_and(|(z, _)| z == id)).count();
    assert_eq!(count_in("z1"), 10);
    // CR 1.10 is asked as two questions.
    assert_eq!(count_in("p1"), 14 + 9, "FR1 up to SL2 and FR2 at SL1 of an embedded device");
    assert_eq!(count_in("p2"), 9, "FR1 at SL1 of a software application");
    assert_eq!(entries.iter().filter(|e| e.zone.is_none()).count(), 28 + 36 + 47);
    assert_eq!(entries.len(), a.progress().1);
    assert!(entries.iter().all(|e| !e.inherited || e.item.part == Part::SystemRequirements));
    // CR 1.1 appears for both products, in product order; CR 1.6 (network devices) for neither.
    let cr_1_1: Vec<&str> = entries
        .iter()
        .filter(|e| e.item.id == "cr-1.1")
        .filter_map(|e| e.zone.as_ref())
        .map(|(id, _)| id.as_str())
        .collect();
    assert_eq!(cr_1_1, ["p1", "p2"]);
    assert!(entries.iter().all(|e| e.item.id != "cr-1.6"));
    let unanswered: Vec<&str> = entries.iter().filter(|e| e.response.is_none()).map(|e| e.item.id).collect();
    assert_eq!(unanswered, ["cr-1.12"]);
}

/// The text of one `## ` section of a Markdown report, heading included.
fn section<'a>(markdown: &'a str, heading: &str) -> &'a str {
    let start = markdown.find(&format!("\n{heading}\n")).unwrap_or_else(|| panic!("no section {heading}")) + 1;
    let rest = &markdown[start..];
    let end = rest[heading.len()..].find("\n## ").map_or(rest.len(), |i| i + heading.len() + 1);
    &rest[..end]
}

#[test]
fn the_markdown_report_covers_products_and_the_2_4_and_4_1_practices() {
    let a = vendor();
    let r = results(&a);
    let markdown = report_markdown(&a, &r.card, &r.roadmap, ReportLength::Full);
    assert_tables_are_well_formed(&markdown);

    let scorecard = section(&markdown, "## Scorecard");
    for heading in [
        "#### Zone: Customer line 3",
        "### Capability levels by product",
        "#### Product: RTU 560",
        "#### Product: StationView HMI",
        "### Risk assessment, zones and conduits (IEC 62443-3-2)",
        "### Service provider and integrator capabilities maturity (IEC 62443-2-4)",
        "### Secure development lifecycle maturity (IEC 62443-4-1)",
    ] {
        assert!(scorecard.lines().any(|l| l == heading), "no heading {heading}");
    }
    assert!(!scorecard.contains("IEC 62443-2-1"), "the 2-1 programme is not these roles'");
    assert!(scorecard.contains("Product RTU 560: FR1 SL-C 1 of aimed 2; FR2 SL-C 1 of aimed 1;"));
    assert!(scorecard.contains("- **FR1 to reach SL-C 2:** CR 1.1 RE(1) Unique identification and authentication\n"));
    assert!(scorecard.contains("Overall maturity: ML1, against a target of ML2. A capability area reaches"), "2-4");
    assert!(scorecard.contains("Overall maturity: ML0, against a target of ML2. A practice reaches"), "4-1");
    assert!(scorecard.contains(
        "Overall maturity (this tool's summary, not a level IEC 62443-2-4 defines): the lowest capability area."
    ));
    assert!(scorecard.contains("| SP.04 Wireless | N/A | 0 | 0 | 0 | 0 | 0 | 3 | 0 | 0 |"));
    assert!(scorecard.contains("| SP.07 Remote access | ML1 | 0 | 1 | 0 | 0 | 2 | 0 | 0 | 0 |"));

    let roadmap = section(&markdown, "## Roadmap");
    assert!(roadmap.contains("   Applies to: RTU 560 · Effort: M · Horizon: 3-12 months · Status: Planned"));
    assert!(roadmap.contains("   Applies to: Whole organisation · Effort: M"));
    // The projection: the zone, then each product. CR 1.1 RE(1) is planned (implementation and
    // verification, phase 10) and is the RTU's only open FR1 item below SL3, so FR1 reaches 2 after it.
    assert!(after(roadmap, "Customer line 3: projected SL-A\n").contains(&projection_row("FR1", &[("1", 14)])));
    // Now and after the first nine phases 1; after the implementation phase (10) 2, then the support phase,
    // all done and the target.
    let rtu = after(roadmap, "Product RTU 560: projected SL-C\n");
    assert!(rtu.contains(&projection_row("FR1", &[("1", 10), ("↑2", 1), ("2", 3)])));
    assert!(rtu.contains(&projection_row("FR2", &[("1", 14)])));
    assert!(after(roadmap, "Product StationView HMI: projected SL-C\n").contains("| FR1 | 0 | 0 |"));

    let register = section(&markdown, "## Gap register");
    assert!(register.contains(
        "| **CR 1.1 RE(1)** Unique identification and authentication | RTU 560 | SL-C 1 / aimed 2 \
         | Partially implemented |"
    ));
    assert!(
        register.contains("| **SP.07** Approved remote access route only | Whole organisation | ML1 / target ML2 |")
    );
    assert!(register.contains("One service account \\| shared by all engineers"), "the note, escaped");

    let appendix = section(&markdown, "## Appendix: every answer");
    for product in ["RTU 560", "StationView HMI"] {
        assert!(appendix
            .lines()
            .any(|l| l.starts_with("| CR 1.1 |") && l.contains(&format!("| {product} | Implemented |"))));
    }
    assert!(!appendix.contains("| ORG 1 |"), "no 2-1 practice is asked of these roles");
}

#[test]
fn an_asset_owner_report_has_no_product_or_2_4_and_4_1_sections() {
    let (_, _, markdown) = plant_markdown();
    let scorecard = section(&markdown, "## Scorecard");
    assert!(scorecard.lines().any(|l| l == "### Security programme maturity (IEC 62443-2-1)"));
    for absent in ["Product", "IEC 62443-2-4", "IEC 62443-4-1", "IEC 62443-4-2", "No products yet"] {
        assert!(!scorecard.contains(absent), "{absent}");
    }
    assert!(!section(&markdown, "## Roadmap").contains("| Product "));
}

#[test]
fn a_supplier_without_products_is_told_to_define_them() {
    let a = assessment_for(&[Role::ProductSupplier]);
    let r = results(&a);
    let summary = executive_summary(&a, &r.card, &r.roadmap);
    assert_eq!(
        summary.overall,
        "No products defined yet (full assessment), so no component capability is assessed. Nothing is \
         answered yet: all 47 questions are open, so there are no results to report."
    );
    let markdown = report_markdown(&a, &r.card, &r.roadmap, ReportLength::Full);
    assert!(markdown.contains("No products yet: add products in Scope to see their capability levels."));
    assert!(!markdown.contains("No zones yet"), "a supplier has no zones to define");
}

// --- properties ------------------------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_gap_register_holds_one_entry_per_action_zone_and_the_compensated(a in arb_assessment()) {
        let r = results(&a);
        let register = gap_register(&a, &r.card, &r.roadmap);
        let with_action = register.iter().filter(|e| e.action.is_some()).count();
        let expected: usize = r.roadmap.actions.iter().map(|x| (x.zones.len() + x.products.len()).max(1)).sum();
        prop_assert_eq!(with_action, expected);
        for e in register.iter().filter(|e| e.action.is_none()) {
            prop_assert_eq!(e.status, Status::MetByCompensation, "{} has no action", e.item.id);
        }
        // Roadmap order first: action positions never go down.
        let positions: Vec<usize> = register
            .iter()
            .map(|e| r.roadmap.actions.iter().position(|x| x.key == e.item.id).unwrap_or(usize::MAX))
            .collect();
        prop_assert!(positions.windows(2).all(|p| p[0] <= p[1]));
        prop_assert_eq!(appendix(&a).len(), a.progress().1);
    }

    #[test]
    fn exports_have_one_row_per_entry_and_well_formed_tables(a in arb_assessment()) {
        let r = results(&a);
        let gaps = parse_csv(&gap_register_csv(&a, &r.card, &r.roadmap));
        prop_assert_eq!(gaps.len(), 1 + gap_register(&a, &r.card, &r.roadmap).len());
        prop_assert!(gaps.iter().all(|row| row.len() == GAP_REGISTER_COLUMNS.len()));
        let actions = parse_csv(&roadmap_csv(&a, &r.roadmap));
        prop_assert_eq!(actions.len(), 1 + r.roadmap.actions.len());
        prop_assert!(actions.iter().all(|row| row.len() == ROADMAP_COLUMNS.len()));
        let markdown = report_markdown(&a, &r.card, &r.roadmap, ReportLength::Full);
        assert_tables_are_well_formed(&markdown);
        prop_assert_eq!(&markdown, &report_markdown(&a, &r.card, &r.roadmap, ReportLength::Full));
    }
}

/// The text from `needle` on (the table a caption opens, and what follows it).
fn after<'a>(text: &'a str, needle: &str) -> &'a str {
    &text[text.find(needle).unwrap_or_else(|| panic!("no {needle:?}"))..]
}

/// A row of a projection table in Markdown: the FR, then each (level, how many cells) in turn.
fn projection_row(name: &str, cells: &[(&str, usize)]) -> String {
    let mut row = format!("| {name} |");
    for (levels, count) in cells {
        for _ in 0..*count {
            row.push_str(&format!(" {levels} |"));
        }
    }
    row
}

// --- editions, conduits and questions for vendors (issue 16) ---------------------------------------------

#[test]
fn the_cover_names_the_edition_of_each_part_the_roles_answer() {
    assert_eq!(editions_line(&plant()), "Follows IEC 62443-3-2:2020, IEC 62443-3-3:2013 and IEC 62443-2-1:2024.");
    assert_eq!(
        editions_line(&assessment_for(&Role::ALL)),
        "Follows IEC 62443-3-2:2020, IEC 62443-3-3:2013, IEC 62443-2-1:2024, IEC 62443-2-4:2023, \
         IEC 62443-4-1:2018 and IEC 62443-4-2:2019."
    );
    assert_eq!(
        editions_line(&assessment_for(&[Role::ProductSupplier])),
        "Follows IEC 62443-4-1:2018 and IEC 62443-4-2:2019."
    );
}

#[test]
fn each_conduit_shows_its_target_from_its_zones_or_its_own() {
    let mut a = plant();
    a.conduits.push(Conduit {
        id: "c1".into(),
        name: "Historian link".into(),
        from: "z1".into(),
        to: "z2".into(),
        protocols: "OPC UA".into(),
        crosses_it: false,
        crosses_internet: false,
        target: None,
        kind: None,
        manager: String::new(),
    });
    a.conduits.push(Conduit {
        id: "c2".into(),
        name: "Vendor session".into(),
        from: "z2".into(),
        to: "z1".into(),
        protocols: String::new(),
        crosses_it: true,
        crosses_internet: true,
        target: Some(levels([2, 0, 0, 0, 2, 0, 0])),
        kind: None,
        manager: String::new(),
    });
    // Cell A {2 0 0 0 0 0 0} and Utilities {1 0 0 0 1 0 0}: the higher per FR is {2 0 0 0 1 0 0}.
    assert_eq!(
        conduit_lines(&a),
        [
            "Historian link (Cell A to Utilities): SL-T {2 0 0 0 1 0 0}, from its zones.",
            "Vendor session (Utilities to Cell A): SL-T {2 0 0 0 2 0 0}, set for the conduit. It is above the SL-T \
             of both zones in FR5: raise the SL-T of the zone whose boundary protects the conduit, or give the \
             conduit protection of its own.",
        ]
    );
}

#[test]
fn questions_for_vendors_are_listed_apart_and_marked_in_the_gap_register() {
    let mut a = plant();
    // SR 1.9 (SL 2) is in scope in Cell A only; SR 1.5 (SL 1) is answered in Utilities only.
    a.set_response(
        &AnswerScope::AllZones,
        "sr-1.9",
        Response {
            answer: Some(Answer::VendorToConfirm),
            justification: String::new(),
            notes: "Asked in May.".into(),
            ..Response::default()
        },
    );
    answer(&mut a, &in_zone("z2"), &["sr-1.5"], Answer::VendorToConfirm);
    let questions = vendor_questions(&a);
    let listed: Vec<(&str, Vec<&str>)> =
        questions.iter().map(|q| (q.item.id, q.zones.iter().map(|(_, n)| n.as_str()).collect())).collect();
    assert_eq!(listed, [("sr-1.5", vec!["Utilities"]), ("sr-1.9", vec!["Cell A"])]);
    assert_eq!(questions[1].notes, ["Asked in May."]);
    assert!(questions[1].line().starts_with("SR 1.9 Strength of public key authentication (zone Cell A): "));

    let r = results(&a);
    let register = gap_register(&a, &r.card, &r.roadmap);
    let marked: Vec<(&str, &str)> = register
        .iter()
        .filter(|e| e.is_vendor_question())
        .map(|e| (e.item.id, e.zone.as_ref().map_or("", |(_, n)| n.as_str())))
        .collect();
    // In roadmap order: SR 1.9 closes a gap of 2 in Cell A, SR 1.5 a gap of 1 in Utilities.
    assert_eq!(marked, [("sr-1.9", "Cell A"), ("sr-1.5", "Utilities")]);
    let action = r.roadmap.action("sr-1.9").expect("SR 1.9 is not met in Cell A");
    assert!(action.vendor_to_confirm && !action.unanswered);
    assert_eq!(r.card.answer_counts.vendor_to_confirm, 2);
}

#[test]
fn the_markdown_report_follows_the_length_chosen() {
    let a = plant();
    let r = results(&a);
    let short = report_markdown(&a, &r.card, &r.roadmap, ReportLength::Short);
    let full = report_markdown(&a, &r.card, &r.roadmap, ReportLength::Full);
    let headings =
        |markdown: &str| markdown.lines().filter(|l| l.starts_with("## ")).map(str::to_string).collect::<Vec<_>>();
    assert_eq!(headings(&short), ["## Executive summary", "## Scorecard", "## Roadmap"]);
    assert_eq!(
        headings(&full),
        ["## Executive summary", "## Scorecard", "## Roadmap", "## Gap register", "## Appendix: every answer"]
    );
    assert!(short.contains("- Report: Short report: executive summary, scorecard and roadmap\n"));
    // The short roadmap: a table per phase, a row per action, the same actions in the same order.
    let roadmap = section(&short, "## Roadmap");
    assert!(roadmap.contains("| Action | Applies to | Effort | Horizon | Status |\n|---|---|---|---|---|\n"));
    let rows: Vec<&str> = roadmap.lines().filter(|l| l.starts_with("| **")).collect();
    let in_order: Vec<&Action> = a.phases().into_iter().flat_map(|p| r.roadmap.in_phase(p)).collect();
    assert_eq!(rows.len(), r.roadmap.actions.len());
    assert_eq!(in_order.len(), r.roadmap.actions.len());
    for (row, action) in rows.iter().zip(in_order) {
        assert!(row.starts_with(&format!("| **{} ({})**", action.item.title, action.item.refs.join(", "))), "{row}");
    }
    // The summary and scorecard are the full report's, word for word.
    assert_eq!(section(&short, "## Executive summary"), section(&full, "## Executive summary"));
    // The scorecard too, except the map of zones and conduits (in words here), which only the full report has.
    let (short_card, full_card) = (section(&short, "## Scorecard"), section(&full, "## Scorecard"));
    assert!(!short_card.contains("Zones and conduits: 2 zones"));
    assert!(full_card.contains(
        "Zones and conduits: 2 zones, 0 conduits\n\n- Zone Cell A, Level not set: SL-A of SL-T by FR: FR1 0 of 2,"
    ));
    let map_start = full_card.find("Zones and conduits: 2 zones").unwrap();
    let map_end = map_start + full_card[map_start..].find("\n\n### ").unwrap() + 2;
    assert_eq!(short_card, format!("{}{}", &full_card[..map_start], &full_card[map_end..]));
}
