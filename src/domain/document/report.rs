//! The printable report as a [`Document`], short or full ([`ReportLength`]): cover, executive summary,
//! scorecard and roadmap with the projected levels, and in the full report each action in detail, the gap
//! register and the appendix of answers; and the projection table the Roadmap step shows too.

use super::results::{column_headings, level_legend, results_body, summary_sl_table};
use super::{
    Block, Cell, Cover, Document, Fact, Group, GroupKind, Inline, Link, List, ListItem, Logo, Paragraph, Row, Section,
    Table,
};
use crate::domain::questionnaire::Section as QuestionnaireSection;
use crate::domain::{
    answer_text, appendix, editions_line, executive_summary, gap_register, mode_label, projection, vendor_questions,
    Action, ActionPlan, ActionStatus, AppendixEntry, Assessment, Evidence, Fr, GapEntry, Part, Phase, Response,
    Roadmap, Scorecard, SlVector, Status, VendorQuestion, ZoneProjection, CATALOGUE_VERSION, WHOLE_ORGANISATION,
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

/// The hint below the projection tables.
pub const PROJECTION_HINT: &str = "Each table shows one zone's or product's level per FR today, after each phase \
     and with every action done. Planned and done actions count; ↑ marks a level that rises.";

/// Said below the projection when "All done" goes above a target somewhere.
pub const ABOVE_TARGET_HINT: &str = "All done can be above the target: the actions close every gap up to the \
     target, and requirements above it that are already met then count too.";

/// Which report to build: the short one to forward to a manager, or the full one to work from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ReportLength {
    /// Cover, executive summary, scorecard and the roadmap as one table per phase: about ten printed pages
    /// for three zones.
    #[default]
    Short,
    /// The short report with each roadmap action in detail, then the gap register and the appendix of
    /// answers.
    Full,
}

impl ReportLength {
    /// Both, short first.
    pub const ALL: [ReportLength; 2] = [ReportLength::Short, ReportLength::Full];

    /// "Short report" or "Full report".
    pub fn label(self) -> &'static str {
        match self {
            ReportLength::Short => "Short report",
            ReportLength::Full => "Full report",
        }
    }

    /// What the report holds, in a few words (for the cover and the choice on the Report step).
    pub fn contents(self) -> &'static str {
        match self {
            ReportLength::Short => "executive summary, scorecard and roadmap",
            ReportLength::Full => {
                "executive summary, scorecard, roadmap with each action in detail, gap register and every answer"
            }
        }
    }

    /// A stable name for file names and form values: `short` or `full`.
    pub fn slug(self) -> &'static str {
        match self {
            ReportLength::Short => "short",
            ReportLength::Full => "full",
        }
    }
}

/// What the short roadmap says below its tables.
pub const SHORT_ROADMAP_HINT: &str =
    "The full report describes what to do for each action and adds the gap register and every answer.";

/// The report: its cover and sections, with the stable ids `report-summary` (executive summary: the
/// overall paragraph, readiness lines, the SL tables, top five gaps, first steps and the contact link),
/// `report-scorecard` (the [`results_body`] in a `div.results-body`) and `report-roadmap` (the projection,
/// then the actions of each phase the roles follow, [`Assessment::phases`], numbered by their position
/// there). In the short report the roadmap gives each phase's actions as a table ([`roadmap_phase_table`]);
/// the full report lists them in detail (`li.report-action` each) and adds `report-gaps` (the gap register,
/// then the questions for vendors) and `report-appendix` (the answers, and the open questions counted by
/// section).
///
/// ```
/// use iec62443_assess::*;
/// let mut a = Assessment::new("a1", "Plant", "2026-11-20T09:00:00Z");
/// a.zones.push(Zone::new("z1", "Cell A"));
/// let card = score(&a);
/// let roadmap = roadmap_with(&a, &card.zones);
/// let report = report_document(&a, &card, &roadmap, ReportBranding::default(), ReportLength::Full);
/// assert_eq!(report.cover.title, "Plant");
/// let ids: Vec<&str> = report.sections.iter().map(|s| s.id).collect();
/// assert_eq!(ids, ["report-summary", "report-scorecard", "report-roadmap", "report-gaps", "report-appendix"]);
/// let short = report_document(&a, &card, &roadmap, ReportBranding::default(), ReportLength::Short);
/// let ids: Vec<&str> = short.sections.iter().map(|s| s.id).collect();
/// assert_eq!(ids, ["report-summary", "report-scorecard", "report-roadmap"]);
/// ```
pub fn report_document(
    a: &Assessment,
    card: &Scorecard,
    roadmap: &Roadmap,
    branding: ReportBranding,
    length: ReportLength,
) -> Document {
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
        summary_blocks.push(Block::Table(summary_sl_table(&card.zones, false)));
    }
    if !card.products.is_empty() {
        summary_blocks.push(Block::Table(summary_sl_table(&card.products, true)));
    }
    if !card.zones.is_empty() || !card.products.is_empty() {
        summary_blocks.push(level_legend(!card.zones.is_empty(), !card.products.is_empty()));
    }
    summary_blocks.push(Block::heading(3, "Top five gaps"));
    summary_blocks.push(action_list(
        a,
        &summary.top_gaps,
        false,
        "No open gaps: every in-scope requirement is met or its action is done.",
    ));
    summary_blocks.push(Block::heading(3, "First steps"));
    summary_blocks.push(action_list(
        a,
        &summary.first_steps,
        true,
        "Nothing to start: every action is done, or the roadmap is empty.",
    ));
    if summary.done_not_answered > 0 {
        summary_blocks.push(Block::paragraph_with("muted", done_sentence(summary.done_not_answered)));
    }
    summary_blocks.extend(
        contact_link(branding).map(|link| {
            Block::Paragraph(Paragraph { class: Some("report-contact"), content: vec![Inline::Link(link)] })
        }),
    );

    // The map of zones and conduits prints in the full report; the short one keeps to about ten pages.
    let mut scorecard_blocks = results_body(a, card);
    if length == ReportLength::Short {
        scorecard_blocks.retain(|b| !matches!(b, Block::ZoneMap(_)));
    }
    scorecard_blocks.extend(inventory_blocks(a, length));
    let scorecard = vec![Block::Group(Group {
        kind: GroupKind::Div,
        class: "results-body",
        label: None,
        labelled_by: None,
        blocks: scorecard_blocks,
    })];

    let phases = a.phases();
    let mut roadmap_blocks = projection_blocks(&projection(a, roadmap), &phases);
    let plan = |action: &Action| a.plan.get(action.key).cloned().unwrap_or_default();
    for (i, phase) in phases.into_iter().enumerate() {
        let actions: Vec<&Action> = roadmap.in_phase(phase).collect();
        if actions.is_empty() {
            continue;
        }
        let heading = format!("Phase {}: {}", i + 1, phase.title());
        roadmap_blocks.push(Block::heading(3, heading.clone()));
        roadmap_blocks.push(match length {
            ReportLength::Short => Block::Table(roadmap_phase_table(a, heading, &actions, plan)),
            ReportLength::Full => Block::List(List {
                ordered: true,
                class: Some("report-actions-list"),
                label: None,
                items: actions.iter().map(|action| roadmap_action(action, &plan(action))).collect(),
            }),
        });
    }
    if length == ReportLength::Short && !roadmap.actions.is_empty() {
        roadmap_blocks.push(Block::paragraph_with("hint", SHORT_ROADMAP_HINT));
    }

    let section = |id, heading: &str, blocks| Section { id, heading: heading.to_string(), blocks };
    let mut sections = vec![
        section("report-summary", "Executive summary", summary_blocks),
        section("report-scorecard", "Scorecard", scorecard),
        section("report-roadmap", "Roadmap", roadmap_blocks),
    ];
    if length == ReportLength::Full {
        let entries = appendix(a);
        sections.push(section("report-gaps", "Gap register", gap_blocks(a, &gap_register(a, card, roadmap))));
        sections.push(section("report-appendix", "Appendix: every answer", appendix_blocks(&entries)));
    }
    Document { cover: cover(a, branding, length), sections }
}

/// The asset inventory in the report's scorecard, when any zone has assets: in both reports one line of
/// counts per zone ([`Assessment::asset_count_line`], `p.asset-counts`), and in the full report a table of
/// the assets by zone and type (`table.data-table.asset-table`, caption "Assets by zone and type"; a row per
/// zone and type, quantities summed, assets of no given type last).
///
/// ```
/// use iec62443_assess::document::inventory_blocks;
/// use iec62443_assess::*;
/// let mut a = Assessment::new("a1", "Plant", "2026-11-20T09:00:00Z");
/// a.zones.push(Zone::new("z1", "Cell A"));
/// assert!(inventory_blocks(&a, ReportLength::Full).is_empty());
/// let mut plc = Asset::new("", "z1", "PLC-01");
/// plc.kind = Some(AssetKind::Known(AssetType::Plc));
/// a.add_assets([plc, Asset::new("", "z1", "Spare")]);
/// assert_eq!(inventory_blocks(&a, ReportLength::Short).len(), 1);
/// let full = inventory_blocks(&a, ReportLength::Full);
/// assert_eq!(full[0].text(), "Assets: Cell A 2 (2 in all)");
/// assert_eq!(full[1].text(), "Assets by zone and type\nZone | Type | Assets\nCell A | PLC / controller | 1\nCell A | No type given | 1");
/// ```
pub fn inventory_blocks(a: &Assessment, length: ReportLength) -> Vec<Block> {
    let Some(line) = a.asset_count_line() else { return Vec::new() };
    let mut blocks = vec![Block::paragraph_with("asset-counts", line)];
    if length == ReportLength::Full {
        let mut rows = Vec::new();
        for (zone, counts) in a.inventory_by_zone() {
            let kinds = counts.by_kind.iter().map(|(kind, n)| (kind.label().to_string(), *n));
            let untyped = (counts.untyped > 0).then(|| ("No type given".to_string(), counts.untyped));
            for (kind, n) in kinds.chain(untyped) {
                rows.push(Row {
                    key: None,
                    cells: vec![Cell::heading(&zone.name), Cell::data(kind), Cell::data(n.to_string())],
                });
            }
        }
        blocks.push(Block::Table(Table {
            class: "data-table asset-table",
            caption: Some("Assets by zone and type".to_string()),
            label: None,
            columns: column_headings(&["Zone", "Type", "Assets"]),
            rows,
        }));
    }
    blocks
}

/// The actions of one phase as the short report lists them: `table.data-table.roadmap-table` named
/// `label` (the phase's heading), a row per action in roadmap order with the action (title and
/// references in bold, then " · quick win" and the vendor note as in the full list), what it applies to
/// ([`applies_to`]), its effort, horizon and the user's plan (status, owner, target date).
pub fn roadmap_phase_table(
    a: &Assessment,
    label: String,
    actions: &[&Action],
    plan: impl Fn(&Action) -> ActionPlan,
) -> Table {
    let rows = actions
        .iter()
        .map(|action| {
            let item = action.item;
            let mut title = vec![Inline::Strong(format!("{} ({})", item.title, item.refs.join(", ")))];
            if action.quick_win {
                title.push(Inline::Text(" · quick win".to_string()));
            }
            if action.vendor_to_confirm {
                title.push(Inline::Text(format!(" · {VENDOR_FIRST}")));
            }
            let p = plan(action);
            let status =
                format!("{}{}{}", p.status.label(), plan_field("Owner: ", &p.owner), plan_field("", &p.target_date));
            Row {
                key: None,
                cells: vec![
                    Cell { content: title, ..Cell::default() },
                    Cell::data(applies_to(a, action)),
                    Cell::data(item.effort.letter()),
                    Cell::data(action.horizon.label()),
                    Cell::data(status),
                ],
            }
        })
        .collect();
    Table {
        class: "data-table roadmap-table",
        caption: None,
        label: Some(label),
        columns: column_headings(&["Action", "Applies to", "Effort", "Horizon", "Status"]),
        rows,
    }
}

/// The projected levels as the Roadmap step and the report show them: in a region named
/// [`PROJECTION_REGION`] (`div.table-scroll.projection-grid`, scrolling sideways only on a narrow screen),
/// one `div.projection-zone` per zone then per product holding its [`projection_table`] and, when some FR
/// stays below target once every planned and done action counts, a `ul.projection-held` list named "Why
/// levels of {name} stay below target" with one [`crate::domain::HeldLevel::sentence`] per FR; then a
/// `hint` paragraph ([`PROJECTION_HINT`], followed by [`ABOVE_TARGET_HINT`] when "All done" goes above a
/// target). Nothing when there are no zones or products.
pub fn projection_blocks(rows: &[ZoneProjection], phases: &[Phase]) -> Vec<Block> {
    if rows.is_empty() {
        return Vec::new();
    }
    let zones = rows
        .iter()
        .map(|z| {
            let mut blocks = vec![Block::Table(projection_table(z, phases))];
            if !z.held.is_empty() {
                blocks.push(Block::List(List {
                    ordered: false,
                    class: Some("projection-held"),
                    label: Some(format!("Why levels of {} stay below target", z.zone_name)),
                    items: z.held.iter().map(|h| ListItem::text_item(h.sentence())).collect(),
                }));
            }
            Block::Group(Group {
                kind: GroupKind::Div,
                class: "projection-zone",
                label: None,
                labelled_by: None,
                blocks,
            })
        })
        .collect();
    let above = rows.iter().any(|z| Fr::ALL.into_iter().any(|fr| z.all_done.get(fr) > z.target.get(fr)));
    let hint = if above { format!("{PROJECTION_HINT} {ABOVE_TARGET_HINT}") } else { PROJECTION_HINT.to_string() };
    vec![
        Block::Group(Group {
            kind: GroupKind::ScrollRegion,
            class: "table-scroll projection-grid",
            label: Some(PROJECTION_REGION.to_string()),
            labelled_by: None,
            blocks: zones,
        }),
        Block::paragraph_with("hint", hint),
    ]
}

/// The projected levels of one zone or product ([`projection`]) by FR: `table.data-table.projection`
/// captioned "{name}: projected SL-A" ("Product {name}: projected SL-C"), a row per FR (headed by an
/// `abbr` titled with its name), and the columns Now, one per phase of `phases` (the phases the roles
/// follow, [`Assessment::phases`]: "Phase {n}", numbered by position and titled with the phase's name),
/// All done and Target. A level cell holds the number, with `↑` before it when it is higher than in the
/// column before; its class is `met` when it reaches the target and `gap` when it does not. The target
/// column has no class.
///
/// ```
/// use iec62443_assess::*;
/// let mut a = Assessment::new("a1", "Plant", "2026-11-20T09:00:00Z");
/// a.zones.push(Zone::new("z1", "Cell A"));
/// let rows = projection(&a, &roadmap_for(&a));
/// let table = projection_table(&rows[0], &a.phases());
/// assert_eq!(table.caption.as_deref(), Some("Cell A: projected SL-A"));
/// assert_eq!(table.rows[0].cells[0].text(), "FR1");
/// assert_eq!(table.rows[0].cells[1].text(), "0");
/// assert_eq!(table.rows[0].cells[9].text(), "↑1"); // all done
/// assert_eq!(table.columns[2].text(), "Phase 1");
/// assert_eq!(table.columns[2].title.as_deref(), Some("Governance: policy and ownership"));
/// ```
pub fn projection_table(row: &ZoneProjection, phases: &[Phase]) -> Table {
    let mut columns = column_headings(&["FR", "Now"]);
    columns.extend(phases.iter().enumerate().map(|(i, phase)| Cell {
        title: Some(phase.title().to_string()),
        ..Cell::heading(format!("Phase {}", i + 1))
    }));
    columns.extend(column_headings(&["All done", "Target"]));
    let stages: Vec<SlVector> = std::iter::once(row.current)
        .chain(phases.iter().map(|phase| row.after(*phase)))
        .chain([row.all_done])
        .collect();
    let rows = Fr::ALL
        .into_iter()
        .map(|fr| {
            let target = row.target.get(fr);
            let mut cells = vec![Cell {
                header: true,
                content: vec![Inline::Abbr { text: fr.code().to_string(), title: fr.name().to_string() }],
                ..Cell::default()
            }];
            let mut before = None;
            for stage in &stages {
                let level = stage.get(fr);
                let rise = if before.is_some_and(|b| level > b) { "↑" } else { "" };
                before = Some(level);
                cells.push(Cell {
                    class: Some(if level >= target { "met" } else { "gap" }),
                    ..Cell::data(format!("{rise}{level}"))
                });
            }
            cells.push(Cell::data(target.to_string()));
            Row { key: Some(format!("{}-{}", row.zone_id, fr.code())), cells }
        })
        .collect();
    let (name, level) =
        if row.is_product { (format!("Product {}", row.zone_name), "SL-C") } else { (row.zone_name.clone(), "SL-A") };
    Table {
        class: "data-table projection",
        caption: Some(format!("{name}: projected {level}")),
        label: None,
        columns,
        rows,
    }
}

/// What an action applies to, in the short roadmap: "All zones" (or "All products") when it concerns every
/// one of several, else their names ([`Action::zone_names`]), so that most rows take one line.
///
/// ```
/// use iec62443_assess::document::applies_to;
/// use iec62443_assess::*;
/// let mut a = Assessment::new("a1", "Plant", "2026-11-20T09:00:00Z");
/// a.zones = vec![Zone::new("z1", "Cell A"), Zone::new("z2", "Cell B")];
/// let card = score(&a);
/// let roadmap = roadmap_with(&a, &card.zones);
/// let banner = roadmap.action("sr-1.12").unwrap();
/// assert_eq!(applies_to(&a, banner), "All zones");
/// a.zones.truncate(1);
/// let card = score(&a);
/// let roadmap = roadmap_with(&a, &card.zones);
/// assert_eq!(applies_to(&a, roadmap.action("sr-1.12").unwrap()), "Cell A");
/// ```
pub fn applies_to(a: &Assessment, action: &Action) -> String {
    let every = |concerned: usize, all: usize| all > 1 && concerned == all;
    if action.products.is_empty() && every(action.zones.len(), a.zones.len()) {
        "All zones".to_string()
    } else if action.zones.is_empty() && every(action.products.len(), a.products.len()) {
        "All products".to_string()
    } else {
        action.zone_names()
    }
}

fn cover(a: &Assessment, branding: ReportBranding, length: ReportLength) -> Cover {
    let profile = &a.profile;
    let date = a.updated.get(..10).unwrap_or("").to_string();
    let mut facts = Vec::new();
    // Organisation and sector are optional; the other facts are always listed.
    for (term, value) in [("Organisation", &profile.organisation), ("Sector", &profile.sector)] {
        if !value.is_empty() {
            facts.push(Fact { term, value: value.clone() });
        }
    }
    for (term, value) in [
        ("Date", date.clone()),
        ("Assessment", mode_label(profile.mode).to_string()),
        ("Report", format!("{}: {}", length.label(), length.contents())),
        ("Catalogue version", CATALOGUE_VERSION.to_string()),
        ("Zones", a.zones.len().to_string()),
    ] {
        facts.push(Fact { term, value });
    }
    let title = if a.name.trim().is_empty() { "Untitled assessment" } else { a.name.as_str() };
    Cover {
        kicker: "IEC 62443 self-assessment report",
        running_head: [title, date.as_str()].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" · "),
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

/// "1 action is marked done but its questions ..." for the summary, below the first steps.
fn done_sentence(n: usize) -> String {
    let (actions, verb, its) =
        if n == 1 { ("1 action", "is", "its") } else { (&*format!("{n} actions"), "are", "their") };
    format!(
        "{actions} {verb} marked done and left out above; the levels count {} once {its} questions are answered \
         Implemented.",
        if n == 1 { "it" } else { "them" }
    )
}

/// The summary's top gaps or first steps (`ol.summary-actions`): title and reference in bold, the zones
/// and horizon, " · Planned" when the user planned the action, " · unanswered" when every zone
/// concerned leaves the question unanswered, and with `detail` the action on a new line; a `muted` sentence
/// when there are none.
fn action_list(assessment: &Assessment, actions: &[Action], detail: bool, empty: &str) -> Block {
    if actions.is_empty() {
        return Block::paragraph_with("muted", empty);
    }
    let items = actions
        .iter()
        .map(|a| {
            let planned = if assessment.action_status(a.key) == ActionStatus::Planned { " · Planned" } else { "" };
            let unanswered = if a.unanswered { " · unanswered" } else { "" };
            let mut content = vec![
                Inline::Strong(format!("{} ({})", a.item.title, a.item.main_ref())),
                Inline::Text(format!(" · {} · {}{planned}{unanswered}", a.zone_names(), a.horizon.label())),
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

/// The gap register section: the [`gap_table`] of the entries the user has said something about (an
/// answer, a justification or notes); a sentence counting the others, which are questions nobody has
/// answered yet (the appendix counts them by section); then the questions for vendors
/// ([`vendor_questions`]) when there are any: a heading, a sentence on what they are and an
/// `ol.vendor-questions` list, one item per question ([`VendorQuestion::line`]) with its notes below it.
fn gap_blocks(a: &Assessment, gaps: &[GapEntry]) -> Vec<Block> {
    let (listed, unanswered): (Vec<GapEntry>, Vec<GapEntry>) =
        gaps.iter().cloned().partition(|g| !g.response.is_empty());
    let mut blocks = Vec::new();
    if !listed.is_empty() || unanswered.is_empty() {
        blocks.push(gap_table(&listed));
    }
    if !unanswered.is_empty() {
        let n = unanswered.len();
        let (entries, are) = if n == 1 { ("entry", "is a question") } else { ("entries", "are questions") };
        let lead = if listed.is_empty() {
            format!("No answer given so far is a gap. The register's {n} {entries} {are} nobody has answered yet:")
        } else {
            format!("Not listed: {n} more {entries} of the register {are} nobody has answered yet:")
        };
        blocks.push(Block::paragraph(format!(
            "{lead} each counts as not met until it is answered. The appendix counts the open questions by section."
        )));
    }
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

/// The appendix: the [`appendix_table`] of the questions with an answer or notes, then the questions
/// nobody has answered yet counted by section ([`open_questions_table`]), each with a sentence.
fn appendix_blocks(entries: &[AppendixEntry]) -> Vec<Block> {
    let listed: Vec<&AppendixEntry> = entries.iter().filter(|e| is_listed(e)).collect();
    let open = entries.iter().filter(|e| !has_answer(e)).count();
    let mut blocks = Vec::new();
    if listed.is_empty() {
        blocks.push(Block::paragraph_with("muted", "Nothing is answered or noted yet."));
    } else {
        blocks.push(Block::Table(appendix_table(&listed)));
    }
    if open > 0 {
        blocks.push(Block::heading(3, "Questions not answered yet"));
        blocks.push(Block::paragraph(format!(
            "{open} of the {} questions asked have no answer yet. They are counted here by section rather than \
             listed one by one; any notes on them are in the table above.",
            entries.len()
        )));
        blocks.push(Block::Table(open_questions_table(entries)));
    }
    blocks
}

/// Whether an entry has an answer (one lacking its justification included).
fn has_answer(entry: &AppendixEntry) -> bool {
    entry.response.as_ref().is_some_and(|r| r.answer.is_some())
}

/// Whether the appendix lists an entry: it has an answer, a justification or notes (its own or the zone's).
fn is_listed(entry: &AppendixEntry) -> bool {
    entry.response.as_ref().is_some_and(|r| !r.is_empty()) || !entry.zone_notes.is_empty()
}

/// `table.data-table.open-questions` "Questions not answered yet, by section": a row per questionnaire
/// section and zone (or product, or the whole organisation) with questions that have no answer, in
/// questionnaire then zone order, saying how many of the questions asked there they are ("13 of 16").
pub fn open_questions_table(entries: &[AppendixEntry]) -> Table {
    /// The questions asked in one section for one zone, and how many of them have no answer.
    struct Count<'a> {
        section: QuestionnaireSection,
        zone: &'a str,
        open: usize,
        asked: usize,
    }
    // In order of first appearance: the entries come in questionnaire order, then zone order.
    let mut counts: Vec<Count> = Vec::new();
    for entry in entries {
        let (section, zone) = (QuestionnaireSection::of(entry.item), zone_name(&entry.zone));
        let index = match counts.iter().position(|c| c.section == section && c.zone == zone) {
            Some(index) => index,
            None => {
                counts.push(Count { section, zone, open: 0, asked: 0 });
                counts.len() - 1
            }
        };
        counts[index].asked += 1;
        if !has_answer(entry) {
            counts[index].open += 1;
        }
    }
    let rows = counts
        .into_iter()
        .filter(|c| c.open > 0)
        .map(|c| Row {
            key: None,
            cells: vec![
                Cell::heading(c.section.title()),
                Cell::data(c.zone),
                Cell::data(format!("{} of {}", c.open, c.asked)),
            ],
        })
        .collect();
    Table {
        class: "data-table open-questions",
        caption: Some("Questions not answered yet, by section".to_string()),
        label: None,
        columns: column_headings(&["Section", "Zone", "Unanswered"]),
        rows,
    }
}

/// `table.data-table.appendix`: the questions with an answer or notes.
fn appendix_table(entries: &[&AppendixEntry]) -> Table {
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
        caption: Some("Every question answered or annotated".to_string()),
        label: None,
        columns: column_headings(&["Reference", "Question", "Zone", "Answer", "Justification and notes"]),
        rows,
    }
}
