//! The read-only views as a small document model: the printable report, the Results step's body, the
//! roadmap's projection table and the questionnaire's live summary are built here once, as plain data,
//! and then rendered by the UI (Leptos components, for screen and print) and written as Markdown by
//! [`crate::domain::export::report_markdown`]. So the screen, the printout and the export say the same.
//!
//! The model holds no HTML and escapes nothing: names, notes and justifications are kept exactly as the
//! user typed them. Escaping is the writer's job (Leptos escapes text nodes and attribute values; the
//! Markdown writer has its own escape).
//!
//! # What a renderer does
//!
//! A [`Document`] is a [`Cover`] and [`Section`]s; a section holds [`Block`]s, and blocks hold
//! [`Inline`] runs and other blocks. Every `class` field is the CSS class list that `style/main.css`
//! expects on the element named in its documentation; `None` means no `class` attribute. `label` fields
//! become `aria-label`, `labelled_by` fields `aria-labelledby`, `id` fields `id`.
//!
//! | Model | Element |
//! |---|---|
//! | [`Document`] | `<article class="report-document" aria-label="Report">`: the cover, then each section |
//! | [`Cover`] | `<header class="report-cover">` (see its fields) |
//! | [`Section`] | `<section class="report-section" aria-labelledby={id}><h2 id={id}>{heading}</h2>` + blocks |
//! | [`Heading`] | `<h{level} id={id}>` |
//! | [`Paragraph`] | `<p class={class}>` + inlines |
//! | [`List`] | `<ol>` when `ordered`, else `<ul>`; each [`ListItem`] an `<li class={class}>`: inlines, then blocks |
//! | [`Table`] | `<table class={class} aria-label={label}>`, `<caption>`, `<thead>` of `columns` (`<th scope="col">`), `<tbody>` of rows |
//! | [`Cell`] | `<th scope="row">` when `header`, else `<td>`; `class`, `aria-label`, `title`; inlines, then blocks |
//! | [`Group`] | `<section>`, `<div>`, or a focusable scrolling `<div role="region" tabindex="0">` ([`GroupKind`]) |
//! | [`Details`] | `<details><summary>{summary}</summary>` + blocks |
//! | [`Radar`] | `<figure class="radar">` with an SVG and a `<figcaption>` (see [`Radar`]) |
//! | [`MaturityBars`] | `<svg class="bars" role="img">` (see [`MaturityBars`]) |
//! | [`ZoneMap`] | `<figure class="zone-map">`: the SVG of [`map_svg`], a caption, and the text alternative ([`ZoneMap::description`]) as a list |
//! | [`Inline`] | text, `<strong>`, `<span class>`, `<abbr title>`, `<a href>`, `<br>` |
//!
//! ```
//! use iec62443_assess::document::{Block, Inline};
//! use iec62443_assess::*;
//! let mut a = Assessment::new("a1", "Plant", "2026-11-20T09:00:00Z");
//! a.zones.push(Zone::new("z1", "Cell <A>"));
//! let card = score(&a);
//! let roadmap = roadmap_with(&a, &card.zones);
//! let report = report_document(&a, &card, &roadmap, ReportBranding::default(), ReportLength::Full);
//! assert_eq!(report.cover.title, "Plant");
//! let headings: Vec<&str> = report.sections.iter().map(|s| s.heading.as_str()).collect();
//! assert_eq!(headings, ["Executive summary", "Scorecard", "Roadmap", "Gap register", "Appendix: every answer"]);
//! // User text stays raw: the renderer escapes it.
//! let body = results_body(&a, &card);
//! assert!(body.iter().any(|b| b.text().contains("Zone: Cell <A>")));
//! ```

mod charts;
mod progress;
mod report;
mod results;

pub use crate::domain::map::{map_svg, ZoneMap};
pub use charts::*;
pub use progress::*;
pub use report::*;
pub use results::*;

/// The whole report: its cover, then its sections in order (executive summary, scorecard, roadmap, and in
/// the full report the gap register and appendix). Rendered as
/// `<article class="report-document" aria-label="Report">`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// The first page.
    pub cover: Cover,
    /// The sections, each headed by an `h2`.
    pub sections: Vec<Section>,
}

/// The report's first page, rendered as `<header class="report-cover">` holding, in this order: the logo
/// `<img class="report-logo" src alt>` if any, `<p class="report-kicker">{kicker}</p>`,
/// `<h2 class="report-title">{title}</h2>`, `<dl class="report-meta">` with a `<dt>`/`<dd>` pair per
/// fact, `<p class="report-editions">{editions}</p>`, `<p class="report-brand">{brand}</p>` if any, the contact link as
/// `<p class="report-contact"><a href rel="noopener">` if any, and `<p class="hint">{hint}</p>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cover {
    /// "IEC 62443 self-assessment report".
    pub kicker: &'static str,
    /// The line at the top of every printed page after the cover: the assessment's name ("Untitled
    /// assessment" when blank) and date, e.g. "Water works · 2026-11-20". Not an element: the UI hands it to
    /// the page margin boxes of the print rules (style/main.css).
    pub running_head: String,
    /// The assessment's name, as typed.
    pub title: String,
    /// Organisation and sector (only when given), then date, assessment mode, which report this is
    /// ([`ReportLength`]), catalogue version and the number of zones.
    pub facts: Vec<Fact>,
    /// The edition of each part of IEC 62443 the assessment follows ([`crate::domain::editions_line`]), e.g.
    /// "Follows IEC 62443-3-2:2020, IEC 62443-3-3:2013 and IEC 62443-2-1:2024."
    pub editions: String,
    /// "Prepared with the self-assessment tool of {name}", when the deployment names its consultancy.
    pub brand: Option<String>,
    /// The consultancy's logo, when the deployment has one.
    pub logo: Option<Logo>,
    /// The consultancy's contact link, when the deployment has one.
    pub contact: Option<Link>,
    /// That the answers are the organisation's own and not audited.
    pub hint: &'static str,
}

/// One line of the cover's facts: `<dt>{term}</dt><dd>{value}</dd>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fact {
    /// What the fact is: "Organisation", "Date"...
    pub term: &'static str,
    /// Its value, as typed or computed.
    pub value: String,
}

/// An image of the deployment's logo: `<img class="report-logo" src={src} alt={alt}>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Logo {
    /// A same-site path.
    pub src: String,
    /// The consultancy's name.
    pub alt: String,
}

/// A link: `<a href={href}>{text}</a>`, with `rel="noopener"` when it leaves the app
/// ([`Link::is_external`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    /// Where it goes: an `https:` or `mailto:` address, or a route of the app such as `#/scope`.
    pub href: String,
    /// The link text.
    pub text: String,
}

impl Link {
    /// Whether the link leaves the app (anything but a `#` route): such links get `rel="noopener"`, and the
    /// Markdown export keeps their address.
    ///
    /// ```
    /// use iec62443_assess::document::Link;
    /// let link = |href: &str| Link { href: href.to_string(), text: "x".to_string() };
    /// assert!(link("https://example.com").is_external());
    /// assert!(!link("#/scope").is_external());
    /// ```
    pub fn is_external(&self) -> bool {
        !self.href.starts_with('#')
    }
}

/// A section of the report: `<section class="report-section" aria-labelledby={id}>` opening with
/// `<h2 id={id}>{heading}</h2>`, then its blocks. The browser tests find the headings as
/// `.report-document .report-section > h2`; the print rules start each section on a new page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    /// A stable id: `report-summary`, `report-scorecard`, `report-roadmap`, `report-gaps`, `report-appendix`.
    pub id: &'static str,
    /// The section's heading.
    pub heading: String,
    /// What the section says.
    pub blocks: Vec<Block>,
}

/// A block of content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// A heading below the section's own.
    Heading(Heading),
    /// A paragraph.
    Paragraph(Paragraph),
    /// A bulleted or numbered list.
    List(List),
    /// A table.
    Table(Table),
    /// Blocks that belong together (a card, a layout grid, a scrolling region).
    Group(Group),
    /// A summary line that opens to show more.
    Details(Details),
    /// A radar chart of achieved against target levels.
    Radar(Radar),
    /// Horizontal maturity bars.
    MaturityBars(MaturityBars),
    /// The map of zones and conduits ([`crate::domain::map`]).
    ZoneMap(ZoneMap),
}

impl Block {
    /// A paragraph without a class.
    pub fn paragraph(text: impl Into<String>) -> Block {
        Block::Paragraph(Paragraph::new(None, text))
    }

    /// A paragraph with a class (`hint`, `muted`, `notice`, `overall`, `note`...).
    pub fn paragraph_with(class: &'static str, text: impl Into<String>) -> Block {
        Block::Paragraph(Paragraph::new(Some(class), text))
    }

    /// A heading without an id.
    pub fn heading(level: u8, text: impl Into<String>) -> Block {
        Block::Heading(Heading { level, text: text.into(), id: None })
    }

    /// The block's words without markup, blocks separated by a line break: for tests and search, not for
    /// display. Charts give their text alternative; maturity bars their label.
    ///
    /// ```
    /// use iec62443_assess::document::Block;
    /// assert_eq!(Block::paragraph("R&D <lab>").text(), "R&D <lab>");
    /// ```
    pub fn text(&self) -> String {
        match self {
            Block::Heading(h) => h.text.clone(),
            Block::Paragraph(p) => inline_text(&p.content),
            Block::List(l) => l.items.iter().map(ListItem::text).collect::<Vec<_>>().join("\n"),
            Block::Table(t) => t.text(),
            Block::Group(g) => blocks_text(&g.blocks),
            Block::Details(d) => format!("{}\n{}", d.summary, blocks_text(&d.blocks)),
            Block::Radar(r) => r.description(),
            Block::MaturityBars(b) => b.label.clone(),
            Block::ZoneMap(map) => format!("{}\n{}", map.title(), map.description().join("\n")),
        }
    }
}

/// The words of blocks (see [`Block::text`]), one block per line.
pub fn blocks_text(blocks: &[Block]) -> String {
    blocks.iter().map(Block::text).collect::<Vec<_>>().join("\n")
}

/// The words of inline runs, without markup.
pub fn inline_text(content: &[Inline]) -> String {
    content.iter().map(Inline::text).collect()
}

/// A heading: `<h{level} id={id}>{text}</h{level}>`. Levels are those of the page the block is on (the
/// Results step's body starts at 2, below the step's `h1`); the Markdown writer puts a section's headings
/// below the section's own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Heading {
    /// 2 to 4.
    pub level: u8,
    /// The heading text.
    pub text: String,
    /// Set when a group is labelled by this heading ([`Group::labelled_by`]).
    pub id: Option<String>,
}

/// A paragraph: `<p class={class}>` holding its inline runs.
///
/// Classes in use: `overall` (the summary's first paragraph), `hint`, `muted`, `notice`, `empty-state`,
/// `note` (a plan note), `report-contact` (the contact link after the summary), `process-readiness` (in a
/// product's card: whether its development process backs its SL-C), `not-assessed` (in a zone's or
/// product's card: its FRs not yet assessed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// The CSS class, if any.
    pub class: Option<&'static str>,
    /// The text and its marked-up parts.
    pub content: Vec<Inline>,
}

impl Paragraph {
    /// A paragraph of plain text.
    pub fn new(class: Option<&'static str>, text: impl Into<String>) -> Paragraph {
        Paragraph { class, content: vec![Inline::Text(text.into())] }
    }
}

/// A list: `<ol class aria-label>` when `ordered`, else `<ul class aria-label>`.
///
/// Classes in use: `counts` (answer counts, shown in a row), `readiness`, `conduits` (each conduit's target
/// level), `blocking`, `summary-actions`, `report-actions-list`, `vendor-questions` (the gap register's
/// questions for vendors), `level-legend` (what the levels mean, in plain words), `projection-held` (why a
/// zone's levels stay below target in the projection).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct List {
    /// Numbered (`ol`) or bulleted (`ul`).
    pub ordered: bool,
    /// The CSS class, if any.
    pub class: Option<&'static str>,
    /// The accessible name (`aria-label`), if any.
    pub label: Option<String>,
    /// The items.
    pub items: Vec<ListItem>,
}

/// An item of a [`List`]: `<li class={class}>` holding its inline runs, then its blocks (the paragraphs
/// under a roadmap action's title). The browser tests read an action's title as `.report-action > strong`.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ListItem {
    /// The CSS class, if any (`report-action`).
    pub class: Option<&'static str>,
    /// The item's own line.
    pub content: Vec<Inline>,
    /// Blocks below that line.
    pub blocks: Vec<Block>,
}

impl ListItem {
    /// An item of plain text.
    pub fn text_item(text: impl Into<String>) -> ListItem {
        ListItem { content: vec![Inline::Text(text.into())], ..ListItem::default() }
    }

    /// The item's words without markup, its blocks after a line break.
    pub fn text(&self) -> String {
        let mut text = inline_text(&self.content);
        for block in &self.blocks {
            text.push('\n');
            text.push_str(&block.text());
        }
        text
    }
}

/// A table: `<table class={class} aria-label={label}>`, `<caption>{caption}</caption>` when there is one,
/// `<thead><tr>` with one `<th scope="col">` per column, `<tbody>` with a `<tr>` per row.
///
/// Classes in use: `data-table` on every table of the report and results, plus `sl-table` (SL-A against
/// SL-T: its cells are coloured by their `gap`/`met` class), `coverage-table`, `projection`,
/// `roadmap-table` (a phase's actions in the short report), `gap-register`, `appendix` and
/// `open-questions`; `mini-table` for the live summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// The CSS classes.
    pub class: &'static str,
    /// The caption, which is also the table's accessible name.
    pub caption: Option<String>,
    /// The accessible name when there is no caption.
    pub label: Option<String>,
    /// The column headings (cells with `header` set).
    pub columns: Vec<Cell>,
    /// The body rows.
    pub rows: Vec<Row>,
}

impl Table {
    /// The table's words: caption, column headings and rows, a line each, cells separated by ` | `.
    pub fn text(&self) -> String {
        let mut lines: Vec<String> = self.caption.iter().cloned().collect();
        lines.push(self.columns.iter().map(Cell::text).collect::<Vec<_>>().join(" | "));
        lines.extend(self.rows.iter().map(|r| r.cells.iter().map(Cell::text).collect::<Vec<_>>().join(" | ")));
        lines.join("\n")
    }
}

/// A body row: `<tr data-zone={key}>`.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Row {
    /// What the row stands for, for keyed rendering (`<For key=...>`) and the live summary's `data-zone`:
    /// the zone's or product's id. `None` where rows have no identity of their own.
    pub key: Option<String>,
    /// The cells, the row heading first where there is one.
    pub cells: Vec<Cell>,
}

/// A table cell: a column heading (`<th scope="col">`, in [`Table::columns`]), a row heading
/// (`<th scope="row">`, `header` set) or a data cell (`<td>`), holding its inline runs then its blocks.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Cell {
    /// A heading cell (`th`) rather than data (`td`).
    pub header: bool,
    /// `gap` (below target: a known gap), `open` (below target, not yet assessed) or `met` (target reached)
    /// on level cells; styled by `.sl-table td.gap`, `.sl-table td.open`, `.sl-table td.met`,
    /// `.mini-table td.gap`, `.mini-table td.open` and `.projection td.gap`/`.met`.
    pub class: Option<&'static str>,
    /// The accessible name (`aria-label`), when the visible text is too terse (the live summary).
    pub label: Option<String>,
    /// A tooltip (`title`), e.g. a phase's full name over "After phase 1".
    pub title: Option<String>,
    /// The cell's text.
    pub content: Vec<Inline>,
    /// Paragraphs in the cell, after its text (the gap register's notes and plan).
    pub blocks: Vec<Block>,
}

impl Cell {
    /// A data cell of plain text.
    pub fn data(text: impl Into<String>) -> Cell {
        Cell { content: vec![Inline::Text(text.into())], ..Cell::default() }
    }

    /// A heading cell of plain text: a row heading in a row, a column heading in [`Table::columns`].
    pub fn heading(text: impl Into<String>) -> Cell {
        Cell { header: true, ..Cell::data(text) }
    }

    /// The cell's words without markup, its blocks after a space.
    pub fn text(&self) -> String {
        let mut text = inline_text(&self.content);
        for block in &self.blocks {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&block.text());
        }
        text
    }
}

/// Blocks that belong together.
///
/// In use: the report's `results-body` ([`GroupKind::Div`]); each zone's and product's
/// `zone-detail card` ([`GroupKind::Section`], labelled "Zone {name}"); the `zone-detail-grid` that sets
/// the radar beside the coverage table; the `card` sections of the 3-2 process and of each maturity part
/// (labelled by their heading's id); the `table-scroll projection-grid` region around the projection tables
/// ([`GroupKind::ScrollRegion`]), holding a `projection-zone` div per zone and product.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// Which element.
    pub kind: GroupKind,
    /// The CSS classes.
    pub class: &'static str,
    /// The accessible name (`aria-label`), if any.
    pub label: Option<String>,
    /// The id of the heading that names the group (`aria-labelledby`), if any.
    pub labelled_by: Option<String>,
    /// The content.
    pub blocks: Vec<Block>,
}

/// The element of a [`Group`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupKind {
    /// `<section>`: a part with a name of its own.
    Section,
    /// `<div>`: layout only.
    Div,
    /// `<div tabindex="0" role="region" aria-label={label}>`: a wide table that scrolls sideways, which a
    /// keyboard user can focus and scroll.
    ScrollRegion,
}

/// A disclosure: `<details><summary>{summary}</summary>` then its blocks (the open 3-2 steps).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Details {
    /// The line shown while closed.
    pub summary: String,
    /// What opening it shows.
    pub blocks: Vec<Block>,
}

/// A run of text inside a paragraph, list item or cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// `<strong>`: a title or a number that leads its line.
    Strong(String),
    /// `<span class={class}>`: `gap-marker` (" ▼ gap 2"), `met-marker` (" ✓"), `open-marker`
    /// (" ◌ not yet assessed") and `open-count` ("13 of 37 questions open") in SL cells.
    Span {
        /// The CSS class.
        class: &'static str,
        /// The text.
        text: String,
    },
    /// `<abbr title={title}>{text}</abbr>`: an FR code with its name.
    Abbr {
        /// The abbreviation.
        text: String,
        /// What it stands for.
        title: String,
    },
    /// A link.
    Link(Link),
    /// `<br>`: the next words start a new line (in the Markdown export, an indented paragraph of the item).
    LineBreak,
}

impl Inline {
    /// The run's words without markup (a line break is a space).
    pub fn text(&self) -> &str {
        match self {
            Inline::Text(text) | Inline::Strong(text) | Inline::Span { text, .. } | Inline::Abbr { text, .. } => text,
            Inline::Link(link) => &link.text,
            Inline::LineBreak => " ",
        }
    }
}
