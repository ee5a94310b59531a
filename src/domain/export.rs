//! Exports for other tools: the gap register and the roadmap as CSV for spreadsheet programs, and the
//! whole report as Markdown for word processors and wikis. Plain text, built from the same values as the
//! on-screen report (`report.rs`), and deterministic: the same assessment always gives the same bytes.

use crate::domain::answers::Response;
use crate::domain::assessment::{ActionPlan, Assessment, Mode};
use crate::domain::catalogue::{Fr, Item, Part, Phase, CATALOGUE_VERSION};
use crate::domain::report::{appendix, executive_summary, gap_register, mode_label, GapEntry};
use crate::domain::roadmap::{Action, Roadmap, ZoneProjection};
use crate::domain::scoring::{Coverage, MaturityResult, Scorecard};

// --- CSV ------------------------------------------------------------------------------------------------

/// The columns of [`gap_register_csv`].
pub const GAP_REGISTER_COLUMNS: [&str; 19] = [
    "Part",
    "Reference",
    "Title",
    "Zone",
    "FR",
    "Lowest SL",
    "SL-A",
    "SL-T",
    "Answer",
    "Justification",
    "Notes",
    "Recommended action",
    "Effort",
    "Phase",
    "Horizon",
    "Status",
    "Owner",
    "Target date",
    "Plan note",
];

/// The columns of [`roadmap_csv`].
pub const ROADMAP_COLUMNS: [&str; 15] = [
    "Order",
    "Phase",
    "Horizon",
    "References",
    "Title",
    "Action",
    "Zones",
    "Effort",
    "Quick win",
    "Blocks next level",
    "Gap",
    "Status",
    "Owner",
    "Target date",
    "Note",
];

/// What the Zone column says for items answered once.
pub(crate) const WHOLE_ORGANISATION: &str = "Whole organisation";

/// The gap register ([`gap_register`]) as CSV: a header row ([`GAP_REGISTER_COLUMNS`]), then one row per
/// entry. SL-A and SL-T hold security levels for 3-3 items and maturity levels (`ML1`) for 2-1 practices;
/// Status is the plan's status of the entry's action, or says that a compensated item needs none.
///
/// Written for spreadsheet programs: UTF-8 with a byte order mark, CRLF line ends, RFC 4180 quoting,
/// and a leading apostrophe on any cell that would otherwise start a formula.
///
/// ```
/// use iec62443_assess::export::gap_register_csv;
/// use iec62443_assess::*;
/// let mut a = Assessment::new("a1", "Plant", "2026-11-20T09:00:00Z");
/// a.zones.push(Zone::new("z1", "Cell A"));
/// let card = score(&a);
/// let roadmap = roadmap_with(&a, &card.zones);
/// let csv = gap_register_csv(&a, &card, &roadmap);
/// assert!(csv.starts_with("\u{feff}Part,Reference,Title,Zone,FR,"));
/// assert_eq!(csv.matches("\r\n").count(), 1 + gap_register(&a, &card, &roadmap).len());
/// ```
pub fn gap_register_csv(assessment: &Assessment, card: &Scorecard, roadmap: &Roadmap) -> String {
    let entries = gap_register(assessment, card, roadmap);
    let rows = entries.iter().map(|e| {
        [
            e.item.part.document().to_string(),
            e.item.refs.join("; "),
            e.item.title.to_string(),
            zone_name(e).to_string(),
            e.item.fr().map(Fr::code).unwrap_or_default().to_string(),
            e.item.level().map(|l| l.to_string()).unwrap_or_default(),
            level_text(e.item, e.achieved),
            level_text(e.item, e.target),
            answer_text(&e.response),
            e.response.justification.clone(),
            e.response.notes.clone(),
            e.item.action.to_string(),
            e.item.effort.letter().to_string(),
            e.item.phase.title().to_string(),
            e.action.as_ref().map(|a| a.horizon.label()).unwrap_or_default().to_string(),
            gap_status(e),
            e.plan.owner.clone(),
            e.plan.target_date.clone(),
            e.plan.note.clone(),
        ]
    });
    csv_document(GAP_REGISTER_COLUMNS, rows)
}

/// The roadmap as CSV: a header row ([`ROADMAP_COLUMNS`]), then one row per action in roadmap order,
/// with the user's plan. Same spreadsheet rules as [`gap_register_csv`].
pub fn roadmap_csv(assessment: &Assessment, roadmap: &Roadmap) -> String {
    let rows = roadmap.actions.iter().enumerate().map(|(i, action)| {
        let plan = plan_of(assessment, action);
        [
            (i + 1).to_string(),
            action.phase().title().to_string(),
            action.horizon.label().to_string(),
            action.item.refs.join("; "),
            action.item.title.to_string(),
            action.item.action.to_string(),
            action.zone_names(),
            action.effort().letter().to_string(),
            yes_no(action.quick_win).to_string(),
            yes_no(action.blocking).to_string(),
            action.gap.to_string(),
            plan.status.label().to_string(),
            plan.owner,
            plan.target_date,
            plan.note,
        ]
    });
    csv_document(ROADMAP_COLUMNS, rows)
}

fn csv_document<const N: usize>(header: [&str; N], rows: impl Iterator<Item = [String; N]>) -> String {
    let mut out = String::from('\u{feff}');
    push_csv_row(&mut out, header.iter().copied());
    for row in rows {
        push_csv_row(&mut out, row.iter().map(String::as_str));
    }
    out
}

fn push_csv_row<'a>(out: &mut String, cells: impl Iterator<Item = &'a str>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&csv_cell(cell));
    }
    out.push_str("\r\n");
}

/// One CSV cell: a leading apostrophe if a spreadsheet would read it as a formula, then RFC 4180 quoting.
fn csv_cell(value: &str) -> String {
    let mut cell = String::with_capacity(value.len() + 3);
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        cell.push('\'');
    }
    cell.push_str(value);
    if cell.contains([',', '"', '\r', '\n']) {
        cell = format!("\"{}\"", cell.replace('"', "\"\""));
    }
    cell
}

fn yes_no(value: bool) -> &'static str {
    if value {
        "Yes"
    } else {
        "No"
    }
}

fn zone_name(entry: &GapEntry) -> &str {
    entry.zone.as_ref().map_or(WHOLE_ORGANISATION, |(_, name)| name.as_str())
}

/// A security level as a number, a maturity level as `ML2`.
fn level_text(item: &Item, level: Option<u8>) -> String {
    match level {
        Some(l) if item.is_maturity() => format!("ML{l}"),
        Some(l) => l.to_string(),
        None => String::new(),
    }
}

/// The answer as the user chose it, noting a missing justification (which makes it count as unanswered).
pub(crate) fn answer_text(response: &Response) -> String {
    match response.answer {
        None => "Not answered".to_string(),
        Some(a) if response.is_incomplete() => format!("{} (justification missing)", a.label()),
        Some(a) => a.label().to_string(),
    }
}

fn gap_status(entry: &GapEntry) -> String {
    match entry.action {
        Some(_) => entry.plan.status.label().to_string(),
        None => "Met by compensating control: no action".to_string(),
    }
}

fn plan_of(assessment: &Assessment, action: &Action) -> ActionPlan {
    assessment.plan.get(action.key).cloned().unwrap_or_default()
}

// --- Markdown -------------------------------------------------------------------------------------------

/// The whole report as Markdown, to edit in a word processor or a wiki: cover details, executive
/// summary, scorecard, roadmap by phase with the what-if projection, gap register and an appendix with
/// every answer.
///
/// Text typed by the user (names, notes, justifications, owners...) appears literally: Markdown and HTML
/// characters are escaped and line breaks become spaces, so nothing in it can format the document, break
/// a table or inject markup. `projections` is [`crate::domain::projection`] of the same roadmap.
pub fn report_markdown(
    assessment: &Assessment,
    card: &Scorecard,
    roadmap: &Roadmap,
    projections: &[ZoneProjection],
) -> String {
    let mut out = String::new();
    cover(&mut out, assessment, card);
    summary_section(&mut out, assessment, card, roadmap);
    scorecard_section(&mut out, assessment, card);
    roadmap_section(&mut out, assessment, roadmap, projections);
    gap_register_section(&mut out, assessment, card, roadmap);
    appendix_section(&mut out, assessment);
    out
}

fn cover(out: &mut String, assessment: &Assessment, card: &Scorecard) {
    let title = if assessment.name.trim().is_empty() { "Untitled assessment" } else { &assessment.name };
    line(out, format!("# IEC 62443 self-assessment: {}", md(title)));
    line(out, "");
    let organisation = &assessment.profile.organisation;
    line(
        out,
        format!(
            "- Organisation: {}",
            if organisation.trim().is_empty() { "not given".into() } else { md(organisation) }
        ),
    );
    if !assessment.profile.sector.trim().is_empty() {
        line(out, format!("- Sector: {}", md(&assessment.profile.sector)));
    }
    let date: String = assessment.updated.chars().take(10).collect();
    line(out, format!("- Date: {}", md(&date)));
    let mut version = md(&assessment.catalogue_version);
    if assessment.catalogue_version != CATALOGUE_VERSION {
        version.push_str(&format!(" (this report uses catalogue {})", md(CATALOGUE_VERSION)));
    }
    line(out, format!("- Catalogue version: {version}"));
    let indicative = if assessment.profile.mode == Mode::Quick { ", results are indicative" } else { "" };
    line(out, format!("- Mode: {}{indicative}", mode_label(assessment.profile.mode)));
    let (answered, asked) = card.progress;
    line(out, format!("- Progress: {answered} of {asked} questions answered"));
    line(out, "");
}

fn summary_section(out: &mut String, assessment: &Assessment, card: &Scorecard, roadmap: &Roadmap) {
    let summary = executive_summary(assessment, card, roadmap);
    line(out, "## Executive summary");
    line(out, "");
    line(out, md(&summary.overall));
    line(out, "");
    if !summary.zone_lines.is_empty() {
        for zone_line in &summary.zone_lines {
            line(out, format!("- {}", md(zone_line)));
        }
        line(out, "");
        line(out, "Achieved and target security level (SL-A / SL-T) per zone and foundational requirement:");
        line(out, "");
        let mut header = vec!["Zone"];
        header.extend(Fr::ALL.map(Fr::code));
        let rows = card
            .zones
            .iter()
            .map(|z| {
                let mut row = vec![md(&z.zone_name)];
                row.extend(z.frs.iter().map(|f| match f.gap() {
                    0 => format!("{} / {}", f.achieved, f.target),
                    gap => format!("{} / {} (gap {gap})", f.achieved, f.target),
                }));
                row
            })
            .collect();
        table(out, &header, rows);
    }

    line(out, "### Top gaps");
    line(out, "");
    if summary.top_gaps.is_empty() {
        line(out, "No gaps: every question in scope is met or not applicable.");
    }
    for (i, action) in summary.top_gaps.iter().enumerate() {
        let mut text = format!("{}. {}: {}; gap {}", i + 1, action_name(action), md(&action.zone_names()), action.gap);
        if action.blocking {
            text.push_str(", blocks the next level");
        }
        if action.quick_win {
            text.push_str(", quick win");
        }
        line(out, format!("{text}."));
    }
    line(out, "");

    line(out, "### First steps");
    line(out, "");
    if summary.first_steps.is_empty() {
        line(out, "No actions in the first twelve months.");
    }
    for (i, action) in summary.first_steps.iter().enumerate() {
        line(
            out,
            format!(
                "{}. {}: {}; {}, effort {}.",
                i + 1,
                action_name(action),
                md(&action.zone_names()),
                action.horizon.label(),
                action.effort().letter()
            ),
        );
    }
    line(out, "");
}

fn scorecard_section(out: &mut String, assessment: &Assessment, card: &Scorecard) {
    line(out, "## Scorecard");
    line(out, "");
    let counts = card.answer_counts;
    line(
        out,
        format!(
            "Answers: {} compensating controls, {} not applicable, {} lacking a justification, {} unanswered.",
            counts.compensating, counts.not_applicable, counts.incomplete, counts.unanswered
        ),
    );
    line(out, "");
    if assessment.answers_part(Part::SystemRequirements) && card.zones.is_empty() {
        line(out, "No zones are defined, so no system requirements (IEC 62443-3-3) are assessed.");
        line(out, "");
    }
    if assessment.answers_part(Part::ComponentRequirements) && card.products.is_empty() {
        line(out, "No products are defined, so no component requirements (IEC 62443-4-2) are assessed.");
        line(out, "");
    }
    let zones = card.zones.iter().map(|z| (z, "Zone", "SL-T", "SL-A"));
    let products = card.products.iter().map(|p| (p, "Product", "aimed SL-C", "SL-C"));
    for (zone, noun, target_label, achieved_label) in zones.chain(products) {
        line(out, format!("### {noun}: {}", md(&zone.zone_name)));
        line(out, "");
        line(
            out,
            format!(
                "{target_label} {}, {achieved_label} {}; coverage {}.",
                zone.target.notation(),
                zone.achieved.notation(),
                coverage_text(&zone.coverage())
            ),
        );
        line(out, "");
        let header = [
            "FR",
            achieved_label,
            target_label,
            "Gap",
            "Coverage",
            "Met",
            "Compensating",
            "Not met",
            "N/A",
            "Unanswered",
        ];
        let rows = zone
            .frs
            .iter()
            .map(|f| {
                let c = f.coverage;
                vec![
                    format!("{} {}", f.fr.code(), f.fr.name()),
                    f.achieved.to_string(),
                    f.target.to_string(),
                    f.gap().to_string(),
                    percent(&c),
                    c.met.to_string(),
                    c.compensating.to_string(),
                    c.not_met.to_string(),
                    c.not_applicable.to_string(),
                    c.unanswered.to_string(),
                ]
            })
            .collect();
        table(out, &header, rows);

        // Only where the target is not reached: above the target, the next level is not asked for.
        let below_target: Vec<_> = zone.frs.iter().filter(|f| f.gap() > 0 && !f.blocking.is_empty()).collect();
        if below_target.is_empty() {
            line(out, "Every FR reaches its target.");
        } else {
            line(out, "Blocking the next level, in the FRs below target:");
            line(out, "");
            for f in below_target {
                let items: Vec<String> = f.blocking.iter().map(|i| item_name(i)).collect();
                line(out, format!("- {} (SL {}): {}", f.fr.code(), f.achieved.get() + 1, items.join("; ")));
            }
        }
        line(out, "");

        let compensating: Vec<_> = zone.frs.iter().flat_map(|f| f.compensating.iter()).collect();
        if !compensating.is_empty() {
            line(out, "Compensating controls relied on:");
            line(out, "");
            for item in compensating {
                let justification =
                    assessment.zone_response(&zone.zone_id, item.id).map(|r| md(&r.justification)).unwrap_or_default();
                line(out, format!("- {}: {justification}", item_name(item)));
            }
            line(out, "");
        }
    }

    if assessment.answers_part(Part::RiskAssessment) {
        process_section(out, assessment, card);
    }
    for maturity in [&card.maturity, &card.service, &card.development] {
        if assessment.answers_part(maturity.part) {
            maturity_section(out, maturity);
        }
    }
}

fn process_section(out: &mut String, assessment: &Assessment, card: &Scorecard) {
    line(out, format!("### {} {}", Part::RiskAssessment.document(), Part::RiskAssessment.title()));
    line(out, "");
    line(out, format!("Coverage {}.", coverage_text(&card.process.coverage)));
    line(out, "");
    if card.process.open.is_empty() {
        line(out, "No open steps.");
    } else {
        line(out, "Open steps:");
        line(out, "");
        for item in &card.process.open {
            let response = assessment.answers.assessment.get(item.id).cloned().unwrap_or_default();
            line(out, format!("- {}: {}", item_name(item), md(&answer_text(&response))));
        }
    }
    line(out, "");
}

fn maturity_section(out: &mut String, maturity: &MaturityResult) {
    line(out, format!("### {} {}", maturity.part.document(), maturity.part.title()));
    line(out, "");
    line(
        out,
        match maturity.overall {
            Some(level) => format!("Overall maturity ML{level} against a target of ML{}.", maturity.target),
            None => format!("Overall maturity not rated (no practice applies); the target is ML{}.", maturity.target),
        },
    );
    line(out, "");
    let rows = maturity
        .areas
        .iter()
        .map(|a| {
            vec![
                md(&a.area.refs.join(", ")),
                md(a.area.title),
                a.level.map_or("not rated".to_string(), |l| format!("ML{l}")),
                a.below_target.len().to_string(),
            ]
        })
        .collect();
    table(out, &["Reference", "Area", "Level", "Practices below target"], rows);
    if !maturity.areas.iter().all(|a| a.below_target.is_empty()) {
        line(out, "Practices below target:");
        line(out, "");
        for area in &maturity.areas {
            for (item, level) in &area.below_target {
                line(out, format!("- {} (ML{level})", item_name(item)));
            }
        }
        line(out, "");
    }
}

fn roadmap_section(out: &mut String, assessment: &Assessment, roadmap: &Roadmap, projections: &[ZoneProjection]) {
    line(out, "## Roadmap");
    line(out, "");
    if roadmap.actions.is_empty() {
        line(out, "No actions: nothing in scope is open.");
        line(out, "");
    }
    let mut order = 0;
    for (p, phase) in Phase::ALL.into_iter().enumerate() {
        let actions: Vec<&Action> = roadmap.in_phase(phase).collect();
        if actions.is_empty() {
            continue;
        }
        line(out, format!("### Phase {}: {}", p + 1, phase.title()));
        line(out, "");
        for action in actions {
            order += 1;
            line(out, format!("#### {order}. {}", md(action.item.title)));
            line(out, "");
            line(out, format!("References: {}", md(&action.item.refs.join(", "))));
            line(out, "");
            line(out, md(action.item.action));
            line(out, "");
            let (targets, noun, achieved, aimed) = if action.products.is_empty() {
                (&action.zones, "Zones", "SL-A", "SL-T")
            } else {
                (&action.products, "Products", "SL-C", "aimed")
            };
            let zones = if targets.is_empty() {
                WHOLE_ORGANISATION.to_string()
            } else {
                let zones: Vec<String> = targets
                    .iter()
                    .map(|z| {
                        let unanswered = if z.unanswered { ", not answered" } else { "" };
                        format!("{} ({achieved} {}, {aimed} {}{unanswered})", md(&z.zone_name), z.achieved, z.target)
                    })
                    .collect();
                zones.join(", ")
            };
            line(out, format!("- {noun}: {zones}"));
            if let Some(current) = action.current_maturity {
                line(out, format!("- Maturity: ML{current} against a target of ML{}", current + action.gap));
            } else {
                line(out, format!("- Gap: {}", action.gap));
            }
            line(out, format!("- Effort: {}", action.effort().label()));
            line(out, format!("- Horizon: {}", action.horizon.label()));
            line(out, format!("- Quick win: {}", yes_no(action.quick_win).to_ascii_lowercase()));
            line(out, format!("- Blocks the next level: {}", yes_no(action.blocking).to_ascii_lowercase()));
            let plan = plan_of(assessment, action);
            if plan != ActionPlan::default() {
                line(out, format!("- Status: {}", plan.status.label()));
            }
            for (label, value) in [("Owner", &plan.owner), ("Target date", &plan.target_date), ("Note", &plan.note)] {
                if !value.trim().is_empty() {
                    line(out, format!("- {label}: {}", md(value)));
                }
            }
            line(out, "");
        }
    }

    line(out, "### What-if projection");
    line(out, "");
    if projections.is_empty() {
        line(out, "No zones or products are defined, so there is nothing to project.");
        line(out, "");
        return;
    }
    line(
        out,
        "SL-A per zone and SL-C per product (FR1 to FR7) today, after each phase counting the actions marked \
         planned or done, and if every action were done.",
    );
    line(out, "");
    let mut header = vec!["Zone or product".to_string(), "Target".to_string(), "Now".to_string()];
    header.extend((1..=Phase::ALL.len()).map(|p| format!("After phase {p}")));
    header.push("All done".to_string());
    let rows = projections
        .iter()
        .map(|z| {
            let name = if z.is_product { format!("Product {}", md(&z.zone_name)) } else { md(&z.zone_name) };
            let mut row = vec![name, z.target.notation(), z.current.notation()];
            row.extend((0..Phase::ALL.len()).map(|p| z.after_phase.get(p).map(|v| v.notation()).unwrap_or_default()));
            row.push(z.all_done.notation());
            row
        })
        .collect();
    let header: Vec<&str> = header.iter().map(String::as_str).collect();
    table(out, &header, rows);
}

fn gap_register_section(out: &mut String, assessment: &Assessment, card: &Scorecard, roadmap: &Roadmap) {
    line(out, "## Gap register");
    line(out, "");
    let entries = gap_register(assessment, card, roadmap);
    if entries.is_empty() {
        line(out, "No gaps and no compensating controls.");
        line(out, "");
        return;
    }
    let header = [
        "#",
        "Reference",
        "Title",
        "Zone",
        "SL-A / SL-T",
        "Answer",
        "Justification",
        "Notes",
        "Horizon",
        "Status",
        "Owner",
        "Target date",
        "Plan note",
    ];
    let rows = entries
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let levels = match (e.achieved, e.target) {
                (None, None) => String::new(),
                (a, t) => format!("{} / {}", level_text(e.item, a), level_text(e.item, t)),
            };
            vec![
                (i + 1).to_string(),
                md(&e.item.refs.join(", ")),
                md(e.item.title),
                md(zone_name(e)),
                levels,
                md(&answer_text(&e.response)),
                md(&e.response.justification),
                md(&e.response.notes),
                e.action.as_ref().map(|a| a.horizon.label()).unwrap_or_default().to_string(),
                md(&gap_status(e)),
                md(&e.plan.owner),
                md(&e.plan.target_date),
                md(&e.plan.note),
            ]
        })
        .collect();
    table(out, &header, rows);
}

fn appendix_section(out: &mut String, assessment: &Assessment) {
    line(out, "## Appendix: every answer");
    line(out, "");
    let entries = appendix(assessment);
    for part in Part::ALL {
        let rows: Vec<Vec<String>> = entries
            .iter()
            .filter(|e| e.item.part == part)
            .map(|e| {
                let response = e.response.clone().unwrap_or_default();
                let mut answer = answer_text(&response);
                if e.inherited {
                    answer.push_str(" (all-zones answer)");
                }
                let zone = e.zone.as_ref().map_or(WHOLE_ORGANISATION, |(_, name)| name.as_str());
                vec![
                    md(&e.item.refs.join(", ")),
                    md(e.item.title),
                    md(zone),
                    md(&answer),
                    md(&response.justification),
                    md(&response.notes),
                ]
            })
            .collect();
        line(out, format!("### {} {}", part.document(), part.title()));
        line(out, "");
        if rows.is_empty() {
            line(out, "No questions asked.");
            line(out, "");
            continue;
        }
        table(out, &["Reference", "Title", "Zone", "Answer", "Justification", "Notes"], rows);
    }
}

fn action_name(action: &Action) -> String {
    format!("**{}** ({})", md(action.item.title), md(&action.item.refs.join(", ")))
}

fn item_name(item: &Item) -> String {
    format!("{} {}", md(item.main_ref()), md(item.title))
}

fn percent(coverage: &Coverage) -> String {
    coverage.percent().map_or("n/a".to_string(), |p| format!("{p} %"))
}

fn coverage_text(coverage: &Coverage) -> String {
    format!("{} ({} of {} applicable questions met)", percent(coverage), coverage.met, coverage.applicable())
}

fn line(out: &mut String, text: impl AsRef<str>) {
    out.push_str(text.as_ref());
    out.push('\n');
}

/// A table; every cell must already be one line of escaped text. Ends with a blank line.
fn table(out: &mut String, header: &[&str], rows: Vec<Vec<String>>) {
    line(out, format!("| {} |", header.join(" | ")));
    line(out, format!("|{}", "---|".repeat(header.len())));
    for row in rows {
        line(out, format!("| {} |", row.join(" | ")));
    }
    line(out, "");
}

/// Characters that could format, link or inject markup anywhere in a line of Markdown (CommonMark, GFM
/// tables and pandoc's extensions).
const MARKDOWN_SPECIAL: [char; 14] = ['\\', '`', '*', '_', '[', ']', '<', '>', '|', '#', '~', '&', '$', '^'];

/// Text shown literally in Markdown, on one line: whitespace runs (line breaks included) become one
/// space, special characters are backslash-escaped, and a leading character that could start a list,
/// heading, quote or thematic break is escaped as well.
fn md(text: &str) -> String {
    let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(one_line.len() + 8);
    // "1. " or "1) " (or the marker alone) at the start of a line begins an ordered list; "2026.11" does not.
    let digits = one_line.chars().take_while(char::is_ascii_digit).count();
    let mut after_digits = one_line[digits..].chars();
    let ordered_marker =
        digits > 0 && matches!(after_digits.next(), Some('.' | ')')) && matches!(after_digits.next(), None | Some(' '));
    for (i, c) in one_line.chars().enumerate() {
        let leading_punctuation = i == 0 && c.is_ascii_punctuation();
        if MARKDOWN_SPECIAL.contains(&c) || leading_punctuation || (ordered_marker && i == digits) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_csv_cell_that_could_start_a_formula_gets_an_apostrophe() {
        assert_eq!(csv_cell("=SUM(A1:A2)"), "'=SUM(A1:A2)");
        assert_eq!(csv_cell("+1"), "'+1");
        assert_eq!(csv_cell("-1"), "'-1");
        assert_eq!(csv_cell("@cmd"), "'@cmd");
        assert_eq!(csv_cell("\tx"), "'\tx");
        assert_eq!(csv_cell("\rx"), "\"'\rx\"");
        assert_eq!(csv_cell("a=b"), "a=b");
    }

    #[test]
    fn a_csv_cell_with_a_separator_quote_or_line_break_is_quoted() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a, b"), "\"a, b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_cell(""), "");
    }

    #[test]
    fn markdown_text_is_escaped_and_kept_on_one_line() {
        assert_eq!(md("<script>alert(1)</script>"), "\\<script\\>alert(1)\\</script\\>");
        assert_eq!(md("a *b* _c_ [d](e) `f` | g # h"), "a \\*b\\* \\_c\\_ \\[d\\](e) \\`f\\` \\| g \\# h");
        assert_eq!(md("back\\slash &amp; ~x~ $y$ ^z"), "back\\\\slash \\&amp; \\~x\\~ \\$y\\$ \\^z");
        assert_eq!(md("first\nsecond\r\n\r\nthird"), "first second third");
        assert_eq!(md("  spaced  "), "spaced");
    }

    #[test]
    fn markdown_text_cannot_start_a_block() {
        assert_eq!(md("- item"), "\\- item");
        assert_eq!(md("+ item"), "\\+ item");
        assert_eq!(md("=== "), "\\===");
        assert_eq!(md("# heading"), "\\# heading");
        assert_eq!(md("> quote"), "\\> quote");
        assert_eq!(md("12. item"), "12\\. item");
        assert_eq!(md("3) item"), "3\\) item");
        assert_eq!(md("2026 budget"), "2026 budget");
        assert_eq!(md("2026.11-1"), "2026.11-1");
        assert_eq!(md("7."), "7\\.");
        assert_eq!(md("a - b"), "a - b");
    }
}
