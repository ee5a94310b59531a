//! The Word writer: the document model mapped onto `docx-rs` elements. Word's own heading styles
//! ("Heading 1" for the report's sections, "Heading 2" to "Heading 4" below them) so that navigation and a
//! table of contents work; tables with a first row of column headings; numbered and bulleted lists; the
//! charts as pictures followed by their text alternative; the cover with the consultancy's logo and name;
//! the running head in the page header and the page number (a `PAGE` field) in the footer.
//!
//! Text goes into `docx-rs` runs, which escape it for XML: user text such as `<b>&"'` arrives in Word
//! as typed. A paragraph whose first letter is Hebrew or Arabic is laid out right to left.

use super::{chart_blocks, report_with_progress, DocxRequest, Picture};
use crate::domain::document::{
    Block, Cell, Cover, Details, Document, Group, Heading, Inline, List, ListItem, MaturityBars, Radar, ReportLength,
    Table, ZoneMap,
};
use crate::domain::export::markdown::highest_heading;
use crate::domain::roadmap::roadmap_with;
use crate::domain::scoring::score;
use crate::domain::storage::from_json;
use docx_rs::{
    AbstractNumbering, AlignmentType, BreakType, Docx, Footer, Header, Hyperlink, HyperlinkType, IndentLevel, Level,
    LevelJc, LevelOverride, LevelText, NumPages, NumberFormat, Numbering, NumberingId, PageNum, Paragraph, Pic, Run,
    RunFonts, Shading, ShdType, SpecialIndentType, Start, Style, StyleType, TableCell, TableRow, WidthType,
};
use std::fmt;

/// Why no Word file could be written.
#[derive(Debug)]
pub enum DocxError {
    /// The request was not valid JSON of a [`DocxRequest`] (with serde's message and position).
    Request(serde_json::Error),
    /// The assessment in the request could not be read (the import's own message).
    Assessment(String),
    /// The request names a report length that does not exist.
    Length(String),
    /// `docx-rs` could not pack the file.
    Pack(String),
}

impl fmt::Display for DocxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocxError::Request(e) => write!(f, "the report could not be read ({e})"),
            DocxError::Assessment(e) => write!(f, "the assessment could not be read ({e})"),
            DocxError::Length(slug) => write!(f, "there is no \"{slug}\" report"),
            DocxError::Pack(e) => write!(f, "the Word file could not be packed ({e})"),
        }
    }
}

impl std::error::Error for DocxError {}

/// The request as JSON (what the worker receives) written as a Word file: the report built from the
/// assessment as the Report step builds it ([`report_with_progress`]), then [`document_docx`].
///
/// ```
/// use iec62443_assess::export::{report_docx_from_json, DocxBranding, DocxRequest};
/// use iec62443_assess::storage::to_json;
/// use iec62443_assess::*;
/// let request = DocxRequest {
///     assessment: to_json(&Assessment::new("a1", "Plant", "2026-11-20T09:00:00Z")),
///     length: "short".to_string(),
///     since: String::new(),
///     branding: DocxBranding::default(),
///     charts: Vec::new(),
///     logo: None,
/// };
/// let bytes = report_docx_from_json(&serde_json::to_string(&request).unwrap()).unwrap();
/// assert!(bytes.starts_with(b"PK")); // a zip archive
/// ```
pub fn report_docx_from_json(json: &str) -> Result<Vec<u8>, DocxError> {
    report_docx(&serde_json::from_str(json).map_err(DocxError::Request)?)
}

/// The report that `request` describes as a Word file (the worker's [`crate::domain::export::WorkerRequest::Word`]).
pub fn report_docx(request: &DocxRequest) -> Result<Vec<u8>, DocxError> {
    let a = from_json(&request.assessment).map_err(|e| DocxError::Assessment(e.to_string()))?.assessment;
    let length = ReportLength::ALL
        .into_iter()
        .find(|l| l.slug() == request.length)
        .ok_or_else(|| DocxError::Length(request.length.clone()))?;
    let card = score(&a);
    let roadmap = roadmap_with(&a, &card.zones);
    let document =
        report_with_progress(&a, &card, &roadmap, request.branding.report_branding(), length, &request.since);
    document_docx(&document, &request.charts, request.logo.as_ref())
}

/// A report's document model as the bytes of a `.docx` file, with `charts` the pictures of its charts in
/// the order of [`chart_blocks`] (ignored when their number differs) and `logo` the cover's logo.
pub fn document_docx(
    document: &Document,
    charts: &[Option<Picture>],
    logo: Option<&Picture>,
) -> Result<Vec<u8>, DocxError> {
    let mut w = Writer::new(document, charts);
    w.cover(&document.cover, logo);
    for section in &document.sections {
        w.push(
            Paragraph::new()
                .style(HEADING_STYLES[0].0)
                .page_break_before(true)
                .add_run(Run::new().add_text(&section.heading)),
        );
        // The section's highest headings go one level below its own.
        w.shift = 2 - i32::from(highest_heading(&section.blocks).unwrap_or(2));
        w.blocks(&section.blocks);
    }
    let Writer { docx, .. } = w;
    let mut out = std::io::Cursor::new(Vec::new());
    docx.build().pack(&mut out).map_err(|e| DocxError::Pack(e.to_string()))?;
    Ok(out.into_inner())
}

/// Style id, style name (what Word shows and `python-docx` reads), size in half points.
const HEADING_STYLES: [(&str, &str, usize); 4] = [
    ("Heading1", "heading 1", 32),
    ("Heading2", "heading 2", 26),
    ("Heading3", "heading 3", 24),
    ("Heading4", "heading 4", 22),
];
/// The numbering of bulleted and numbered lists (abstract numbering ids).
const BULLETS: usize = 1;
const NUMBERS: usize = 2;
/// Text width of an A4 page with 2 cm margins, in EMU (English Metric Units, 914 400 per inch).
const TEXT_WIDTH_EMU: u64 = 6_120_000;
const EMU_PER_CSS_PIXEL: u64 = 9_525;
/// Shading of level cells, as on screen: below target, not yet assessed, target met.
const CELL_FILLS: [(&str, &str); 3] = [("gap", "FBE3E0"), ("open", "FFF4D6"), ("met", "E3F2E6")];

struct Writer<'a> {
    docx: Docx,
    /// How much deeper than its level a heading of the current section is written.
    shift: i32,
    /// The chart pictures, in the order the charts are met.
    charts: std::slice::Iter<'a, Option<Picture>>,
    /// Numbering instances written so far (each numbered list starts again at 1).
    numberings: usize,
}

impl<'a> Writer<'a> {
    fn new(document: &Document, charts: &'a [Option<Picture>]) -> Writer<'a> {
        // The pictures belong to the charts by position: when the counts differ, none is trusted.
        let charts = if charts.len() == chart_blocks(document).len() { charts } else { &[] };
        let mut docx = Docx::new()
            .default_fonts(RunFonts::new().ascii("Calibri").hi_ansi("Calibri").cs("Arial"))
            .default_size(21)
            .page_size(11_906, 16_838)
            .page_margin(
                docx_rs::PageMargin::new().top(1_134).bottom(1_134).left(1_134).right(1_134).header(567).footer(567),
            )
            .add_style(Style::new("Normal", StyleType::Paragraph).name("Normal"))
            .add_style(
                Style::new("Title", StyleType::Paragraph)
                    .name("Title")
                    .based_on("Normal")
                    .next("Normal")
                    .size(48)
                    .bold(),
            )
            .add_style(
                Style::new("Caption", StyleType::Paragraph)
                    .name("caption")
                    .based_on("Normal")
                    .next("Normal")
                    .italic()
                    .size(18),
            )
            .header(
                Header::new().add_paragraph(
                    Paragraph::new()
                        .align(AlignmentType::Right)
                        .size(16)
                        .add_run(Run::new().size(16).add_text(&document.cover.running_head)),
                ),
            )
            .footer(
                Footer::new().add_paragraph(
                    Paragraph::new()
                        .align(AlignmentType::Center)
                        .add_run(Run::new().size(16).add_text("Page "))
                        .add_page_num(PageNum::new())
                        .add_run(Run::new().size(16).add_text(" of "))
                        .add_num_pages(NumPages::new()),
                ),
            )
            .add_abstract_numbering(list_numbering(BULLETS, "bullet", "•"))
            .add_abstract_numbering(list_numbering(NUMBERS, "decimal", "%1."))
            .add_numbering(Numbering::new(BULLETS, BULLETS));
        for (level, (id, name, size)) in HEADING_STYLES.iter().enumerate() {
            docx = docx.add_style(
                Style::new(*id, StyleType::Paragraph)
                    .name(*name)
                    .based_on("Normal")
                    .next("Normal")
                    .outline_lvl(level)
                    .size(*size)
                    .bold()
                    .color("1F3A5F"),
            );
        }
        Writer { docx, shift: 0, charts: charts.iter(), numberings: BULLETS }
    }

    fn push(&mut self, paragraph: Paragraph) {
        let docx = std::mem::take(&mut self.docx);
        self.docx = docx.add_paragraph(paragraph);
    }

    fn push_table(&mut self, table: docx_rs::Table) {
        let docx = std::mem::take(&mut self.docx);
        self.docx = docx.add_table(table);
    }

    /// The first page: logo, kicker, title, facts, editions, the consultancy, the hint.
    fn cover(&mut self, cover: &Cover, logo: Option<&Picture>) {
        if let Some(logo) = logo {
            self.push(Paragraph::new().add_run(Run::new().add_image(picture(logo, TEXT_WIDTH_EMU / 3))));
        }
        self.push(text_paragraph(cover.kicker).size(24).color("5C6470"));
        let title = if cover.title.trim().is_empty() { "Untitled assessment" } else { &cover.title };
        self.push(direction(text_paragraph(title).style("Title"), title));
        for fact in &cover.facts {
            let line = format!("{}: {}", fact.term, fact.value);
            self.push(direction(
                Paragraph::new()
                    .add_run(Run::new().bold().add_text(format!("{}: ", fact.term)))
                    .add_run(Run::new().add_text(&fact.value)),
                &line,
            ));
        }
        self.push(text_paragraph(&cover.editions));
        if let Some(brand) = &cover.brand {
            self.push(direction(text_paragraph(brand).bold(), brand));
        }
        if let Some(link) = &cover.contact {
            self.push(inlines_paragraph(&[Inline::Link(link.clone())]));
        }
        self.push(text_paragraph(cover.hint).italic());
    }

    fn blocks(&mut self, blocks: &[Block]) {
        for block in blocks {
            self.block(block);
        }
    }

    fn block(&mut self, block: &Block) {
        match block {
            Block::Heading(Heading { level, text, .. }) => {
                let word_level = (i32::from(*level) + self.shift).clamp(2, 4) as usize;
                self.push(direction(text_paragraph(text).style(HEADING_STYLES[word_level - 1].0), text));
            }
            Block::Paragraph(p) => self.push(inlines_paragraph(&p.content)),
            Block::List(list) => self.list(list, 0),
            Block::Table(table) => self.table(table),
            Block::Group(Group { blocks, .. }) => self.blocks(blocks),
            Block::Details(Details { summary, blocks }) => {
                self.push(direction(text_paragraph(summary).bold(), summary));
                self.blocks(blocks);
            }
            Block::Radar(radar) => self.radar(radar),
            Block::MaturityBars(bars) => self.bars(bars),
            Block::ZoneMap(map) => self.zone_map(map),
        }
    }

    /// One paragraph per item, numbered or bulleted; the item's blocks follow, indented (nested lists one
    /// level deeper).
    fn list(&mut self, list: &List, depth: usize) {
        let numbering = if list.ordered {
            self.numberings += 1;
            let id = self.numberings;
            let docx = std::mem::take(&mut self.docx);
            self.docx = docx.add_numbering(
                Numbering::new(id, NUMBERS)
                    .add_override(LevelOverride::new(0).start(1))
                    .add_override(LevelOverride::new(1).start(1)),
            );
            id
        } else {
            BULLETS
        };
        for ListItem { content, blocks, .. } in &list.items {
            self.push(
                inlines_paragraph(content).numbering(NumberingId::new(numbering), IndentLevel::new(depth.min(1))),
            );
            for block in blocks {
                match block {
                    Block::List(inner) => self.list(inner, depth + 1),
                    Block::Paragraph(p) => {
                        self.push(inlines_paragraph(&p.content).indent(Some(indent(depth)), None, None, None))
                    }
                    other => self.block(other),
                }
            }
        }
    }

    /// The caption as a paragraph, then the table: its first row the column headings (bold, shaded).
    fn table(&mut self, table: &Table) {
        if let Some(caption) = &table.caption {
            self.push(direction(text_paragraph(caption).style("Caption").keep_next(true), caption));
        }
        let mut rows = Vec::new();
        if !table.columns.is_empty() {
            rows.push(TableRow::new(table.columns.iter().map(|c| self.cell(c, true)).collect()).cant_split());
        }
        for row in &table.rows {
            rows.push(TableRow::new(row.cells.iter().map(|c| self.cell(c, false)).collect()).cant_split());
        }
        if rows.is_empty() {
            return;
        }
        self.push_table(docx_rs::Table::new(rows).width(5000, WidthType::Pct));
        // Two tables in a row would merge into one in Word: keep an (empty) paragraph between them.
        self.push(Paragraph::new());
    }

    fn cell(&mut self, cell: &Cell, column_heading: bool) -> TableCell {
        let mut paragraph = inlines_paragraph(&cell.content);
        if cell.header || column_heading {
            paragraph = paragraph.bold();
        }
        let mut out = TableCell::new().add_paragraph(paragraph);
        for block in &cell.blocks {
            out = match block {
                Block::Table(_) | Block::Radar(_) | Block::MaturityBars(_) | Block::ZoneMap(_) => {
                    // Not in today's report; written as text rather than lost.
                    out.add_paragraph(text_paragraph(&block.text()))
                }
                other => other_text_paragraphs(other).into_iter().fold(out, TableCell::add_paragraph),
            };
        }
        if column_heading {
            out = out.shading(Shading::new().shd_type(ShdType::Clear).color("auto").fill("E8ECF1"));
        } else if let Some((_, fill)) =
            cell.class.and_then(|c| CELL_FILLS.iter().find(|(class, _)| c.split(' ').any(|k| k == *class)))
        {
            out = out.shading(Shading::new().shd_type(ShdType::Clear).color("auto").fill(*fill));
        }
        out
    }

    /// The next chart's picture, if the browser drew it.
    fn next_picture(&mut self) -> Option<&'a Picture> {
        self.charts.next().and_then(Option::as_ref)
    }

    fn figure(&mut self, caption: &str) {
        if let Some(picture) = self.next_picture() {
            self.push(
                Paragraph::new().keep_next(true).add_run(Run::new().add_image(self::picture(picture, TEXT_WIDTH_EMU))),
            );
        }
        self.push(direction(text_paragraph(caption).style("Caption"), caption));
    }

    fn radar(&mut self, radar: &Radar) {
        self.figure(&radar.title());
        let description = radar.description();
        self.push(direction(text_paragraph(&description), &description));
    }

    fn bars(&mut self, bars: &MaturityBars) {
        self.figure(&bars.label);
        let values = bars.bars.iter().map(|b| format!("{}: {}", b.label, b.value())).collect::<Vec<_>>().join("; ");
        self.push(text_paragraph(&format!("{values} (target ML{}).", bars.target)));
    }

    fn zone_map(&mut self, map: &ZoneMap) {
        self.figure(&map.title());
        for line in map.description() {
            self.push(
                direction(text_paragraph(&line), &line).numbering(NumberingId::new(BULLETS), IndentLevel::new(0)),
            );
        }
    }
}

/// A list's numbering: level 0 and a nested level 1.
fn list_numbering(id: usize, format: &str, text: &str) -> AbstractNumbering {
    let level = |n: usize| {
        Level::new(
            n,
            Start::new(1),
            NumberFormat::new(format),
            LevelText::new(text.replace("%1", &format!("%{}", n + 1))),
            LevelJc::new("left"),
        )
        .indent(Some(indent(n)), Some(SpecialIndentType::Hanging(360)), None, None)
    };
    AbstractNumbering::new(id).add_level(level(0)).add_level(level(1))
}

/// The left indent of list level `depth`, in twentieths of a point.
fn indent(depth: usize) -> i32 {
    720 + 360 * depth as i32
}

/// A picture at its shown size, narrowed (keeping its proportions) to at most `max_width` EMU.
fn picture(picture: &Picture, max_width: u64) -> Pic {
    let width = u64::from(picture.width.max(1)) * EMU_PER_CSS_PIXEL;
    let height = u64::from(picture.height.max(1)) * EMU_PER_CSS_PIXEL;
    let (width, height) = if width > max_width { (max_width, height * max_width / width) } else { (width, height) };
    Pic::new_with_dimensions(picture.png.clone(), picture.width, picture.height)
        .size(u32::try_from(width).unwrap_or(u32::MAX), u32::try_from(height).unwrap_or(u32::MAX))
}

fn text_paragraph(text: &str) -> Paragraph {
    Paragraph::new().add_run(Run::new().add_text(text))
}

/// A paragraph of inline runs: bold for strong text, a hyperlink for a link that leaves the app (the
/// app's own `#` routes mean nothing in Word: their text stays), a line break for a break.
fn inlines_paragraph(content: &[Inline]) -> Paragraph {
    let mut paragraph = Paragraph::new();
    for inline in content {
        paragraph = match inline {
            Inline::Text(text) | Inline::Span { text, .. } | Inline::Abbr { text, .. } => {
                paragraph.add_run(Run::new().add_text(text))
            }
            Inline::Strong(text) => paragraph.add_run(Run::new().bold().add_text(text)),
            Inline::Link(link) if link.is_external() => paragraph.add_hyperlink(
                Hyperlink::new(&link.href, HyperlinkType::External)
                    .add_run(Run::new().color("1F5FAD").underline("single").add_text(&link.text)),
            ),
            Inline::Link(link) => paragraph.add_run(Run::new().add_text(&link.text)),
            Inline::LineBreak => paragraph.add_run(Run::new().add_break(BreakType::TextWrapping)),
        };
    }
    let text = crate::domain::document::inline_text(content);
    direction(paragraph, &text)
}

/// Paragraphs for a block inside a table cell (its words, kept as paragraphs and list lines).
fn other_text_paragraphs(block: &Block) -> Vec<Paragraph> {
    match block {
        Block::Paragraph(p) => vec![inlines_paragraph(&p.content)],
        Block::List(list) => list.items.iter().map(|item| inlines_paragraph(&item.content)).collect(),
        other => other.text().lines().map(text_paragraph).collect(),
    }
}

/// Right to left when the text's first letter is from a right-to-left script (Hebrew, Arabic, Syriac,
/// Thaana, N'Ko and their presentation forms).
fn direction(mut paragraph: Paragraph, text: &str) -> Paragraph {
    if starts_right_to_left(text) {
        paragraph.property = paragraph.property.bidi(true);
    }
    paragraph
}

fn starts_right_to_left(text: &str) -> bool {
    text.chars().find(|c| c.is_alphabetic()).is_some_and(|c| {
        matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF | 0x10800..=0x10FFF | 0x1E800..=0x1EFFF)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::document::{Cover, Fact, Paragraph as ModelParagraph, Row, Section};
    use crate::domain::export::DocxBranding;
    use crate::domain::storage::to_json;
    use crate::domain::{Assessment, Zone};
    use std::io::Read;

    /// The XML of one part of the package.
    fn part(bytes: &[u8], name: &str) -> String {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
        let mut file = archive.by_name(name).expect("the part exists");
        let mut xml = String::new();
        file.read_to_string(&mut xml).expect("UTF-8");
        xml
    }

    fn document(blocks: Vec<Block>) -> Document {
        Document {
            cover: Cover {
                kicker: "IEC 62443 self-assessment report",
                running_head: "Plant · 2026-11-20".to_string(),
                title: "Plant <b>&\"'".to_string(),
                facts: vec![Fact { term: "Date", value: "2026-11-20".to_string() }],
                editions: "Follows IEC 62443-3-3:2013.".to_string(),
                brand: Some("Prepared with the self-assessment tool of Acme".to_string()),
                logo: None,
                contact: None,
                hint: "Not audited.",
            },
            sections: vec![Section { id: "report-summary", heading: "Executive summary".to_string(), blocks }],
        }
    }

    fn docx(blocks: Vec<Block>) -> Vec<u8> {
        document_docx(&document(blocks), &[], None).expect("written")
    }

    #[test]
    fn sections_are_heading_1_and_their_headings_heading_2_and_below() {
        let bytes = docx(vec![Block::heading(3, "Zone Cell A"), Block::heading(4, "Coverage")]);
        let xml = part(&bytes, "word/document.xml");
        let styles = part(&bytes, "word/styles.xml");
        assert!(xml.contains(r#"<w:pStyle w:val="Heading1" />"#), "{xml}");
        assert!(xml.contains(r#"<w:pStyle w:val="Heading2" />"#));
        assert!(xml.contains(r#"<w:pStyle w:val="Heading3" />"#));
        assert!(styles.contains(r#"<w:name w:val="heading 1" />"#), "{styles}");
        // Executive summary, then Zone Cell A, then Coverage.
        let summary = xml.find("Executive summary").unwrap();
        let zone = xml.find("Zone Cell A").unwrap();
        assert!(summary < zone && zone < xml.find("Coverage").unwrap());
    }

    #[test]
    fn markup_in_user_text_is_escaped_and_comes_back_as_typed() {
        let bytes = docx(vec![Block::paragraph("Note: <b>bold?</b> & \"quoted\" 'single'")]);
        let xml = part(&bytes, "word/document.xml");
        assert!(xml.contains("Note: &lt;b&gt;bold?&lt;/b&gt; &amp; &quot;quoted&quot; &apos;single&apos;"), "{xml}");
        assert!(xml.contains("Plant &lt;b&gt;&amp;&quot;&apos;"));
        assert!(!xml.contains("<b>"));
    }

    #[test]
    fn right_to_left_paragraphs_are_marked_bidi() {
        let bytes =
            docx(vec![Block::paragraph("תחנת שאיבה צפון"), Block::paragraph("محطة الضخ"), Block::paragraph("Pump 1")]);
        let xml = part(&bytes, "word/document.xml");
        assert!(xml.contains("תחנת שאיבה צפון"));
        assert!(xml.contains("محطة الضخ"));
        assert_eq!(xml.matches("<w:bidi />").count(), 2, "{xml}");
    }

    #[test]
    fn tables_have_a_shaded_bold_row_of_column_headings_then_the_rows() {
        let table = Table {
            class: "data-table sl-table",
            caption: Some("Security levels".to_string()),
            label: None,
            columns: vec![Cell::heading("Zone"), Cell::heading("FR1")],
            rows: vec![Row {
                key: None,
                cells: vec![Cell::heading("Cell A"), Cell { class: Some("gap"), ..Cell::data("1 of 2") }],
            }],
        };
        let xml = part(&docx(vec![Block::Table(table)]), "word/document.xml");
        assert_eq!(xml.matches("<w:tbl>").count(), 1);
        assert_eq!(xml.matches("<w:tr>").count(), 2, "{xml}");
        let first_row = &xml[xml.find("<w:tr>").unwrap()..xml.find("</w:tr>").unwrap()];
        assert!(first_row.contains("Zone") && first_row.contains("FR1") && first_row.contains("<w:b />"));
        assert!(first_row.contains(r#"w:fill="E8ECF1""#));
        assert!(xml.contains(r#"w:fill="FBE3E0""#), "the gap cell is shaded");
        assert!(xml.contains("Security levels"));
    }

    #[test]
    fn lists_are_numbered_and_each_numbered_list_starts_again() {
        let list = |items: &[&str]| {
            Block::List(List {
                ordered: true,
                class: None,
                label: None,
                items: items.iter().map(|t| ListItem::text_item(*t)).collect(),
            })
        };
        let bytes = docx(vec![list(&["one", "two"]), list(&["again"])]);
        let xml = part(&bytes, "word/document.xml");
        assert_eq!(xml.matches("<w:numPr>").count(), 3);
        let numbering = part(&bytes, "word/numbering.xml");
        assert_eq!(numbering.matches("<w:startOverride w:val=\"1\" />").count(), 4, "{numbering}");
    }

    #[test]
    fn the_footer_holds_a_page_field_and_the_header_the_running_head() {
        let bytes = docx(vec![]);
        let footer = part(&bytes, "word/footer1.xml");
        assert!(footer.contains("<w:instrText>PAGE</w:instrText>"), "{footer}");
        assert!(part(&bytes, "word/header1.xml").contains("Plant · 2026-11-20"));
    }

    #[test]
    fn charts_become_pictures_and_keep_their_text_alternative() {
        let bars = MaturityBars {
            label: "Maturity per programme area".to_string(),
            bars: vec![crate::domain::document::Bar { label: "Policies".to_string(), level: Some(2) }],
            target: 3,
            max: 4,
        };
        // A 1×1 PNG.
        let png = vec![
            137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 31,
            21, 196, 137, 0, 0, 0, 13, 73, 68, 65, 84, 120, 218, 99, 252, 255, 159, 161, 30, 0, 7, 130, 2, 127, 61,
            200, 72, 239, 0, 0, 0, 0, 73, 69, 78, 68, 174, 66, 96, 130,
        ];
        let document = document(vec![Block::MaturityBars(bars.clone()), Block::MaturityBars(bars)]);
        let bytes = document_docx(&document, &[Some(Picture { png, width: 560, height: 52 }), None], None).unwrap();
        let xml = part(&bytes, "word/document.xml");
        assert_eq!(xml.matches("<pic:pic").count(), 1, "the second chart has no picture");
        assert_eq!(xml.matches("Policies: ML2; (target ML3).").count(), 0);
        assert_eq!(xml.matches("Policies: ML2 (target ML3).").count(), 2);
        let media = zip::ZipArchive::new(std::io::Cursor::new(&bytes[..]))
            .unwrap()
            .file_names()
            .filter(|n| n.starts_with("word/media/") && n.ends_with(".png"))
            .count();
        assert_eq!(media, 1);
    }

    #[test]
    fn pictures_that_do_not_match_the_charts_are_left_out() {
        let document = document(vec![Block::Paragraph(ModelParagraph::new(None, "no charts"))]);
        let charts = [Some(Picture { png: vec![1, 2, 3], width: 10, height: 10 })];
        let xml = part(&document_docx(&document, &charts, None).unwrap(), "word/document.xml");
        assert!(!xml.contains("<pic:pic"));
    }

    fn request(a: &Assessment, length: &str) -> DocxRequest {
        DocxRequest {
            assessment: to_json(a),
            length: length.to_string(),
            since: String::new(),
            branding: DocxBranding { name: "Acme".to_string(), ..DocxBranding::default() },
            charts: Vec::new(),
            logo: None,
        }
    }

    #[test]
    fn the_worker_builds_the_report_from_the_assessment_with_the_user_text_as_typed() {
        let mut a = Assessment::new("a1", "Plant <b>&\"'", "2026-11-20T09:00:00Z");
        a.zones.push(Zone::new("z1", "محطة الضخ <i>"));
        let mut full = request(&a, "full");
        full.logo = Some(Picture { png: vec![137, 80, 78, 71], width: 120, height: 40 });
        let json = serde_json::to_string(&full).unwrap();
        assert_eq!(serde_json::from_str::<DocxRequest>(&json).unwrap(), full, "pictures survive as base64url");
        let xml = part(&report_docx_from_json(&json).unwrap(), "word/document.xml");
        assert!(xml.contains("Plant &lt;b&gt;&amp;&quot;&apos;"));
        assert!(xml.contains("محطة الضخ &lt;i&gt;"));
        assert!(xml.contains("Prepared with the self-assessment tool of Acme"));
        assert!(xml.contains("Appendix: every answer"), "the full report");
        let short = part(
            &report_docx_from_json(&serde_json::to_string(&request(&a, "short")).unwrap()).unwrap(),
            "word/document.xml",
        );
        assert!(!short.contains("Appendix: every answer"), "the short report");
    }

    #[test]
    fn a_bad_request_says_what_was_wrong() {
        let error = report_docx_from_json("{\"assessment\":").unwrap_err();
        assert!(error.to_string().starts_with("the report could not be read"), "{error}");
        let a = Assessment::new("a1", "Plant", "2026-11-20T09:00:00Z");
        let error = report_docx_from_json(&serde_json::to_string(&request(&a, "medium")).unwrap()).unwrap_err();
        assert_eq!(error.to_string(), "there is no \"medium\" report");
        let mut broken = request(&a, "short");
        broken.assessment = "{}".to_string();
        let error = report_docx_from_json(&serde_json::to_string(&broken).unwrap()).unwrap_err();
        assert!(error.to_string().starts_with("the assessment could not be read"), "{error}");
    }
}
