//! The printable report as a [`Document`]: cover, executive summary, scorecard, roadmap with the projected
//! levels, gap register and the appendix of every answer; and the projection table the Roadmap step shows
//! too.

use super::results::{column_headings, results_body, sl_table};
use super::{
    Block, Cell, Cover, Document, Fact, Group, GroupKind, Inline, Link, List, ListItem, Logo, Paragraph, Row, Section,
    Table,
};
use crate::domain::{
    answer_text, appendix, editions_line, executive_summary, gap_register, mode_label, projection, vendor_questions,
    Action, ActionPlan, AppendixEntry, Assessment, Evidence, GapEntry, Part, Phase, Response, Roadmap, Scorecard,
    Status, VendorQuestion, ZoneProjection, CATALOGUE_VERSION, WHOLE_ORGANISATION,
};

/// Who offers the tool, from the deployment's `branding.json`; empty strings are left out of the report.
#[derive(Clone, Copy, Debug, Default)]
pub struct ReportBranding<'a> {
    /// The consultancy's name.
    pub name: &'a str,
    /// A same-site path of its logo.
    pub logo: &'a str,
    /// An `https:` or `mailto:` link.
    pub contact_url: &'a str,
    /// The text of that link.
    pub contact_label: &'a str,
}

/// The accessible name of the scrolling region around the projection table.
pub const PROJECTION_REGION: &str = "Projected levels, scrollable";

/// The hint below the projection table.
pub const PROJECTION_HINT: &str = "Levels are listed FR1 to FR7, e.g. {2 2 1 1 2 1 2}.";

/// The report: its cover and five sections, with the stable ids `report-summary` (executive summary: the
/// overall paragraph, readiness lines, the SL tables, top five gaps, first steps and the contact link),
/// `report-scorecard` (the [`results_body`] in a `div.results-body`), `report-roadmap` (the projection
/// and the actions of each phase the roles follow, [`Assessment::phases`], numbered by their position
/// there, `li.report-action` each), `report-gaps` (the gap register, then the questions for vendors) and
/// `report-appendix` (every answer).
///
/// ```
/// use iec62443_assess::*;
/// let mut a = Assessment::new("a1", "Plant", "2026-11-20T09:00:00Z");
/// a.zones.push(Zone::new("z1", "Cell A"));
/// let card = score(&a);
/// let roadmap = roadmap_with(&a, &card.zones);
/// let report = report_document(&a, &card, &roadmap, ReportBranding::default());
/// assert_eq!(report.cover.title, "Plant");
/// let ids: Vec<&str> = report.sections.iter().map(|s| s.id).collect();
/// assert_eq!(ids, ["report-summary", "report-scorecard", "report-roadmap", "report-gaps", "report-appendix"]);
/// ```
pub fn report_document(a: &Assessment, card: &Scorecard, roadmap: &Roadmap, branding: ReportBranding) -> Document {
    let summary = executive_summary(a, card, roadmap);
    let mut summary_blocks = vec![
        Block::paragraph_with("overall", summary.overall),
        Block::List(List {
            ordered: false,
            class: Some("readiness"),
            label: None,
            items: summary.zone_lines.into_iter().map(ListItem::text_item).collect(),
        }),
    ];
    if !card.zones.is_empty() {
        summary_blocks.push(Block::Table(sl_table(&card.zones, false)));
    }
    if !card.products.is_empty() {
        summary_blocks.push(Block::Table(sl_table(&card.products, true)));
    }
    summary_blocks.push(Block::heading(3, "Top five gaps"));
    summary_blocks.push(action_list(&summary.top_gaps, false, "No gaps: every in-scope requirement is met."));
    summary_blocks.push(Block::heading(3, "First steps"));
    summary_blocks.push(action_list(&summary.first_steps, true, "Nothing to start: the roadmap is empty."));
    summary_blocks.extend(
        contact_link(branding).map(|link| {
            Block::Paragraph(Paragraph { class: Some("report-contact"), content: vec![Inline::Link(link)] })
        }),
    );

    let scorecard = vec![Block::Group(Group {
        kind: GroupKind::Div,
        class: "results-body",
        label: None,
        labelled_by: None,
        blocks: results_body(a, card),
    })];

    let phases = a.phases();
    let mut roadmap_blocks = projection_blocks(&projection(a, roadmap), &phases);
    for (i, phase) in phases.into_iter().enumerate() {
        let items: Vec<ListItem> = roadmap
            .in_phase(phase)
            .map(|action| roadmap_action(action, &a.plan.get(action.key).cloned().unwrap_or_default()))
            .collect();
        if items.is_empty() {
            continue;
        }
        roadmap_blocks.push(Block::heading(3, format!("Phase {}: {}", i + 1, phase.title())));
        roadmap_blocks.push(Block::List(List {
            ordered: true,
            class: Some("report-actions-list"),
            label: None,
            items,
        }));
    }

    let section = |id, heading: &str, blocks| Section { id, heading: heading.to_string(), blocks };
    Document {
        cover: cover(a, branding),
        sections: vec![
            section("report-summary", "Executive summary", summary_blocks),
            section("report-scorecard", "Scorecard", scorecard),
            section("report-roadmap", "Roadmap", roadmap_blocks),
            section("report-gaps", "Gap register", gap_blocks(a, &gap_register(a, card, roadmap))),
            section("report-appendix", "Appendix: every answer", vec![Block::Table(appendix_table(&appendix(a)))]),
        ],
    }
}

/// The projected levels as the Roadmap step and the report show them: the [`projection_table`] after each of
/// `phases` in a scrolling region named [`PROJECTION_REGION`] (`div.table-scroll`), then a `hint` paragraph
/// ([`PROJECTION_HINT`]). Nothing when there are no zones or products.
pub fn projection_blocks(rows: &[ZoneProjection], phases: &[Phase]) -> Vec<Block> {
    if rows.is_empty() {
        return Vec::new();
    }
    vec![
        Block::Group(Group {
            kind: GroupKind::ScrollRegion,
            class: "table-scroll",
            label: Some(PROJECTION_REGION.to_string()),
            labelled_by: None,
            blocks: vec![Block::Table(projection_table(rows, phases))],
        }),
        Block::paragraph_with("hint", PROJECTION_HINT),
    ]
}

/// The table of projected levels per zone and product after each of `phases` ([`projection`]; the phases
/// the roles follow, [`Assessment::phases`]): `table.data-table.projection`, a row per zone then per product
/// ("Product {name}"), with the levels now, after each phase (the column "After phase {n}", numbered by the
/// phase's position in `phases` and titled with its name), with all actions done, and the target.
///
/// ```
/// use iec62443_assess::*;
/// let mut a = Assessment::new("a1", "Plant", "2026-11-20T09:00:00Z");
/// a.zones.push(Zone::new("z1", "Cell A"));
/// let table = projection_table(&projection(&a, &roadmap_for(&a)), &a.phases());
/// assert_eq!(table.rows[0].cells[0].text(), "Cell A");
/// assert_eq!(table.rows[0].cells[1].text(), "{0 0 0 0 0 0 0}");
/// assert_eq!(table.columns[2].text(), "After phase 1");
/// assert_eq!(table.columns[2].title.as_deref(), Some("Governance: policy and ownership"));
/// ```
pub fn projection_table(rows: &[ZoneProjection], phases: &[Phase]) -> Table {
    let mut columns = column_headings(&["Zone", "Now"]);
    columns.extend(phases.iter().enumerate().map(|(i, phase)| Cell {
        title: Some(phase.title().to_string()),
        ..Cell::heading(format!("After phase {}", i + 1))
    }));
    columns.extend(column_headings(&["All actions done", "Target"]));
    let rows = rows
        .iter()
        .map(|z| {
            let name = if z.is_product { format!("Product {}", z.zone_name) } else { z.zone_name.clone() };
            let mut cells = vec![Cell::heading(name)];
            let after = phases.iter().map(|phase| z.after(*phase));
            let levels = std::iter::once(z.current).chain(after).chain([z.all_done, z.target]);
            cells.extend(levels.map(|l| Cell::data(l.notation())));
            Row { key: Some(z.zone_id.clone()), cells }
        })
        .collect();
    Table {
        class: "data-table projection",
        caption: Some(
            "Projected levels after each phase (SL-A per zone, SL-C per product; planned and done actions)".to_string(),
        ),
        label: None,
        columns,
        rows,
    }
}

fn cover(a: &Assessment, branding: ReportBranding) -> Cover {
    let profile = &a.profile;
    let mut facts = Vec::new();
    // Organisation and sector are optional; the other facts are always listed.
    for (term, value) in [("Organisation", &profile.organisation), ("Sector", &profile.sector)] {
        if !value.is_empty() {
            facts.push(Fact { term, value: value.clone() });
        }
    }
    for (term, value) in [
        ("Date", a.updated.get(..10).unwrap_or("").to_string()),
        ("Assessment", mode_label(profile.mode).to_string()),
        ("Catalogue version", CATALOGUE_VERSION.to_string()),
        ("Zones", a.zones.len().to_string()),
    ] {
        facts.push(Fact { term, value });
    }
    Cover {
        kicker: "IEC 62443 self-assessment report",
        title: a.name.clone(),
        facts,
        editions: editions_line(a),
        brand: (!branding.name.is_empty())
            .then(|| format!("Prepared with the self-assessment tool of {}", branding.name)),
        logo: (!branding.logo.is_empty())
            .then(|| Logo { src: branding.logo.to_string(), alt: branding.name.to_string() }),
        contact: contact_link(branding),
        hint: "A self-assessment: the answers are the organisation's own and have not been audited.",
    }
}

fn contact_link(branding: ReportBranding) -> Option<Link> {
    (!branding.contact_url.is_empty())
        .then(|| Link { href: branding.contact_url.to_string(), text: branding.contact_label.to_string() })
}

/// The summary's top gaps or first steps (`ol.summary-actions`): title and reference in bold, the zones
/// and horizon, and with `detail` the action on a new line; a `muted` sentence when there are none.
fn action_list(actions: &[Action], detail: bool, empty: &str) -> Block {
    if actions.is_empty() {
        return Block::paragraph_with("muted", empty);
    }
    let items = actions
        .iter()
        .map(|a| {
            let mut content = vec![
                Inline::Strong(format!("{} ({})", a.item.title, a.item.main_ref())),
                Inline::Text(format!(" · {} · {}", a.zone_names(), a.horizon.label())),
            ];
            if detail {
                content.extend([Inline::LineBreak, Inline::Text(a.item.action.to_string())]);
            }
            ListItem { content, ..ListItem::default() }
        })
        .collect();
    Block::List(List { ordered: true, class: Some("summary-actions"), label: None, items })
}

/// " · Owner: Ann" when an owner is set, else nothing.
fn plan_field(label: &str, value: &str) -> String {
    if value.is_empty() {
        String::new()
    } else {
        format!(" · {label}{value}")
    }
}

/// One action of the roadmap (`li.report-action`): its title (with " · quick win", and " · Vendor to
/// confirm: ask the vendor first" when every zone concerned awaits the vendor's answer), what to do, the
/// facts and the user's plan.
fn roadmap_action(action: &Action, plan: &ActionPlan) -> ListItem {
    let item = action.item;
    let mut content = vec![Inline::Strong(format!("{} ({})", item.title, item.refs.join(", ")))];
    if action.quick_win {
        content.push(Inline::Text(" · quick win".to_string()));
    }
    if action.vendor_to_confirm {
        content.push(Inline::Text(format!(" · {}", VENDOR_FIRST)));
    }
    let facts = format!(
        "Applies to: {} · Effort: {} · Horizon: {} · Status: {}{}{}",
        action.zone_names(),
        item.effort.letter(),
        action.horizon.label(),
        plan.status.label(),
        plan_field("Owner: ", &plan.owner),
        plan_field("Target date: ", &plan.target_date),
    );
    let mut blocks = vec![Block::paragraph(item.action), Block::paragraph_with("muted", facts)];
    if !plan.note.is_empty() {
        blocks.push(Block::paragraph_with("note", format!("Note: {}", plan.note)));
    }
    ListItem { class: Some("report-action"), content, blocks }
}

/// What the roadmap says of an action whose answer awaits the vendor (on the Roadmap step too).
pub const VENDOR_FIRST: &str = "Vendor to confirm: ask the vendor first";

/// The justification and notes of a response, then the notes a zone keeps for an answer it inherits
/// (`zone_notes`), a paragraph each when given.
fn justification_and_notes(response: &Response, zone_notes: &str) -> Cell {
    let mut blocks = Vec::new();
    if !response.justification.is_empty() {
        blocks.push(Block::paragraph(format!("Justification: {}", response.justification)));
    }
    if !response.notes.is_empty() {
        blocks.push(Block::paragraph(format!("Notes: {}", response.notes)));
    }
    blocks.extend(response.evidence.iter().map(evidence_paragraph));
    if !zone_notes.is_empty() {
        blocks.push(Block::paragraph(format!("Zone notes: {zone_notes}")));
    }
    Cell { blocks, ..Cell::default() }
}

/// One evidence reference: `<p class="evidence">Evidence: {document} ({date, link})</p>`; when the link is
/// a web address ([`Evidence::web_link`]) the document's name links to it, otherwise the link is text.
pub fn evidence_paragraph(evidence: &Evidence) -> Block {
    let document = evidence.document.trim();
    let date = evidence.date.trim();
    let content = match evidence.web_link() {
        Some(href) => {
            let text = if document.is_empty() { href } else { document };
            let mut content = vec![
                Inline::Text("Evidence: ".to_string()),
                Inline::Link(Link { href: href.to_string(), text: text.to_string() }),
            ];
            if !date.is_empty() {
                content.push(Inline::Text(format!(" ({date})")));
            }
            content
        }
        None => vec![Inline::Text(format!("Evidence: {}", evidence.line()))],
    };
    Block::Paragraph(Paragraph { class: Some("evidence"), content })
}

fn zone_name(zone: &Option<(String, String)>) -> &str {
    zone.as_ref().map_or(WHOLE_ORGANISATION, |(_, name)| name)
}

/// The gap register section: the [`gap_table`], then the questions for vendors ([`vendor_questions`]) when
/// there are any: a heading, a sentence on what they are and an `ol.vendor-questions` list, one item per
/// question ([`VendorQuestion::line`]) with its notes below it.
fn gap_blocks(a: &Assessment, gaps: &[GapEntry]) -> Vec<Block> {
    let mut blocks = vec![gap_table(gaps)];
    let questions = vendor_questions(a);
    if questions.is_empty() {
        return blocks;
    }
    blocks.push(Block::heading(3, "Questions for vendors"));
    blocks.push(Block::paragraph(
        "These requirements are answered Vendor to confirm: they count as not met until the system or product \
         vendor confirms them. Their IEC 62443-4-2 capability levels (SL-C) answer most of them.",
    ));
    blocks.push(Block::List(List {
        ordered: true,
        class: Some("vendor-questions"),
        label: Some("Questions for vendors".to_string()),
        items: questions.iter().map(vendor_question).collect(),
    }));
    blocks
}

/// One question for vendors: its line, then its notes.
fn vendor_question(question: &VendorQuestion) -> ListItem {
    ListItem {
        blocks: question.notes.iter().map(|note| Block::paragraph(format!("Notes: {note}"))).collect(),
        ..ListItem::text_item(question.line())
    }
}

/// `table.data-table.gap-register`, or a `muted` sentence when there are no gaps.
fn gap_table(gaps: &[GapEntry]) -> Block {
    if gaps.is_empty() {
        return Block::paragraph_with("muted", "No gaps recorded.");
    }
    let rows = gaps
        .iter()
        .map(|g| {
            let level = match (g.achieved, g.target) {
                (Some(a), Some(t)) if g.item.is_maturity() => format!("ML{a} / target ML{t}"),
                (Some(a), Some(t)) if g.item.part == Part::ComponentRequirements => format!("SL-C {a} / aimed {t}"),
                (Some(a), Some(t)) => format!("SL-A {a} / SL-T {t}"),
                _ => String::new(),
            };
            let requirement = Cell {
                content: vec![Inline::Strong(g.item.refs.join(", ")), Inline::Text(format!(" {}", g.item.title))],
                ..Cell::default()
            };
            let plan = if g.status == Status::MetByCompensation {
                Cell::data("Met by a compensating control: no action.")
            } else {
                let p = &g.plan;
                let status = format!(
                    "Status: {}{}{}",
                    p.status.label(),
                    plan_field("Owner: ", &p.owner),
                    plan_field("", &p.target_date)
                );
                Cell { blocks: vec![Block::paragraph_with("muted", status)], ..Cell::data(g.item.action) }
            };
            Row {
                key: None,
                cells: vec![
                    requirement,
                    Cell::data(zone_name(&g.zone)),
                    Cell::data(level),
                    Cell::data(answer_text(&g.response)),
                    justification_and_notes(&g.response, ""),
                    plan,
                ],
            }
        })
        .collect();
    Block::Table(Table {
        class: "data-table gap-register",
        caption: Some("Gap register".to_string()),
        label: None,
        columns: column_headings(&[
            "Requirement",
            "Zone",
            "Level",
            "Answer",
            "Justification and notes",
            "Action and plan",
        ]),
        rows,
    })
}

/// `table.data-table.appendix`: every question asked, with its answer.
fn appendix_table(entries: &[AppendixEntry]) -> Table {
    let rows = entries
        .iter()
        .map(|e| {
            let r = e.response.clone().unwrap_or_default();
            let answer = format!("{}{}", answer_text(&r), if e.inherited { " (all zones)" } else { "" });
            Row {
                key: None,
                cells: vec![
                    Cell::data(e.item.refs.join(", ")),
                    Cell::data(e.item.question),
                    Cell::data(zone_name(&e.zone)),
                    Cell::data(answer),
                    justification_and_notes(&r, &e.zone_notes),
                ],
            }
        })
        .collect();
    Table {
        class: "data-table appendix",
        caption: Some("Every question asked, with its answer".to_string()),
        label: None,
        columns: column_headings(&["Reference", "Question", "Zone", "Answer", "Justification and notes"]),
        rows,
    }
}
