//! The report's [`Document`] written as Markdown (CommonMark with GitHub-flavoured tables).
//!
//! Headings, paragraphs, lists and tables take their Markdown forms; groups and disclosures only pass
//! their content on; charts are left out (their numbers are in the tables beside them), except the
//! radar's text alternative, which is a paragraph. Text is escaped so that nothing the user typed can
//! format the document, break a table or inject markup: Markdown and HTML characters get a backslash and
//! line breaks become spaces.

use crate::domain::document::{Block, Cell, Document, Inline, List, ListItem, Table};

/// Characters that could format, link or inject markup anywhere in a line of Markdown (CommonMark, GFM
/// tables and pandoc's extensions).
const MARKDOWN_SPECIAL: [char; 14] = ['\\', '`', '*', '_', '[', ']', '<', '>', '|', '#', '~', '&', '$', '^'];

/// Characters that can start a block (list, heading, quote, rule, table, code, link definition) at the
/// start of a line.
const BLOCK_START: [char; 13] = ['-', '+', '*', '#', '>', '=', '_', '`', '~', '|', '<', '[', ':'];

/// Put between the paragraphs of a table cell, which must stay on one line.
const SEPARATOR: &str = " · ";

/// The report as Markdown: the title line `# IEC 62443 self-assessment: {title}` ("Untitled assessment"
/// when the name is blank), the cover's facts as a list, the editions followed, then each section under a `## ` heading with its
/// own headings below it (a section's highest headings become `### `). Ends with one line break.
///
/// ```
/// use iec62443_assess::document::{Block, Cover, Document, Section};
/// use iec62443_assess::export::document_markdown;
/// let document = Document {
///     cover: Cover {
///         kicker: "IEC 62443 self-assessment report",
///         running_head: "Plant · 2026-11-20".to_string(),
///         title: "Plant".to_string(),
///         facts: Vec::new(),
///         editions: "Follows IEC 62443-3-3:2013.".to_string(),
///         brand: None,
///         logo: None,
///         contact: None,
///         hint: "Not audited.",
///     },
///     sections: vec![Section {
///         id: "report-gaps",
///         heading: "Gaps".to_string(),
///         blocks: vec![Block::heading(3, "Open"), Block::paragraph("R&D *lab*")],
///     }],
/// };
/// assert_eq!(
///     document_markdown(&document),
///     "# IEC 62443 self-assessment: Plant\n\nFollows IEC 62443-3-3:2013.\n\nNot audited.\n\n## Gaps\n\n### Open\n\nR\\&D \\*lab\\*\n"
/// );
/// ```
pub fn document_markdown(document: &Document) -> String {
    let cover = &document.cover;
    let title = if cover.title.trim().is_empty() { "Untitled assessment" } else { &cover.title };
    let mut w = Writer::default();
    w.out.push_str("# IEC 62443 self-assessment: ");
    w.out.push_str(&escape_markdown(title));
    w.out.push_str("\n\n");
    if !cover.facts.is_empty() {
        for fact in &cover.facts {
            w.out.push_str(&format!("- {}: {}\n", escape_markdown(fact.term), escape_markdown(&fact.value)));
        }
        w.out.push('\n');
    }
    w.paragraph(escape_markdown(&cover.editions));
    if let Some(brand) = &cover.brand {
        w.paragraph(escape_markdown(brand));
    }
    if let Some(link) = &cover.contact {
        w.paragraph(line(&raw_inlines(&[Inline::Link(link.clone())])));
    }
    w.paragraph(escape_markdown(cover.hint));
    for section in &document.sections {
        w.heading(2, &section.heading);
        // The section's highest headings go one level below its own.
        w.shift = 3 - i32::from(highest_heading(&section.blocks).unwrap_or(3));
        w.blocks(&section.blocks);
    }
    // One line break at the end.
    while w.out.ends_with("\n\n") {
        w.out.pop();
    }
    w.out
}

/// Text as one line of Markdown that shows it literally: special characters get a backslash, line breaks
/// and tabs become spaces, runs of spaces one space, and a line start that could open a block (`- `, `#`,
/// `1. `) is escaped.
///
/// ```
/// use iec62443_assess::export::escape_markdown;
/// assert_eq!(escape_markdown("- R&D *lab*"), "\\- R\\&D \\*lab\\*");
/// assert_eq!(escape_markdown("two\nlines"), "two lines");
/// ```
pub fn escape_markdown(text: &str) -> String {
    let mut raw = String::new();
    escape_into(text, &mut raw);
    line(&raw)
}

/// The smallest heading level among these blocks and the blocks inside them.
pub(crate) fn highest_heading(blocks: &[Block]) -> Option<u8> {
    blocks
        .iter()
        .filter_map(|block| match block {
            Block::Heading(h) => Some(h.level),
            Block::Group(g) => highest_heading(&g.blocks),
            Block::Details(d) => highest_heading(&d.blocks),
            _ => None,
        })
        .min()
}

#[derive(Default)]
struct Writer {
    out: String,
    /// How much deeper than its level a heading of the current section is written.
    shift: i32,
    /// The text of the heading just written, while nothing else follows it: a table captioned the same
    /// needs no caption line.
    heading_above: Option<String>,
}

impl Writer {
    fn blocks(&mut self, blocks: &[Block]) {
        for block in blocks {
            self.block(block);
        }
    }

    fn block(&mut self, block: &Block) {
        match block {
            Block::Heading(h) => self.heading((i32::from(h.level) + self.shift).clamp(3, 6) as usize, &h.text),
            Block::Paragraph(p) => self.paragraph(line(&raw_inlines(&p.content))),
            Block::List(list) => self.list(list),
            Block::Table(table) => self.table(table),
            Block::Group(group) => self.blocks(&group.blocks),
            Block::Details(details) => {
                self.paragraph(escape_markdown(&details.summary));
                self.blocks(&details.blocks);
            }
            Block::Radar(radar) => self.paragraph(escape_markdown(&radar.description())),
            Block::MaturityBars(_) => {}
            Block::ZoneMap(map) => {
                self.paragraph(escape_markdown(&map.title()));
                self.list(&List {
                    ordered: false,
                    class: None,
                    label: None,
                    items: map.description().into_iter().map(ListItem::text_item).collect(),
                });
            }
        }
    }

    fn heading(&mut self, level: usize, text: &str) {
        let text = escape_markdown(text);
        if !text.is_empty() {
            self.out.push_str(&"#".repeat(level));
            self.out.push(' ');
            self.out.push_str(&text);
            self.out.push_str("\n\n");
        }
        self.heading_above = Some(text);
    }

    fn paragraph(&mut self, line: String) {
        if !line.is_empty() {
            self.out.push_str(&line);
            self.out.push_str("\n\n");
            self.heading_above = None;
        }
    }

    /// `- ` or `1. ` per item; the item's words after a line break, and its blocks, follow as indented
    /// paragraphs of that item.
    fn list(&mut self, list: &List) {
        for (n, item) in list.items.iter().enumerate() {
            let marker = if list.ordered { format!("{}. ", n + 1) } else { "- ".to_string() };
            let mut parts: Vec<String> = item.content.split(|i| *i == Inline::LineBreak).map(raw_inlines).collect();
            parts.extend(item.blocks.iter().map(raw_block));
            let parts: Vec<String> = parts.iter().map(|p| line(p)).filter(|p| !p.is_empty()).collect();
            self.out.push_str(&marker);
            self.out.push_str(&parts.join(&format!("\n\n{}", " ".repeat(marker.len()))));
            self.out.push('\n');
        }
        self.out.push('\n');
        self.heading_above = None;
    }

    /// The caption as a paragraph (unless the heading above says the same), then a table whose first row
    /// holds the column headings.
    fn table(&mut self, table: &Table) {
        if let Some(caption) = &table.caption {
            let caption = escape_markdown(caption);
            if self.heading_above.as_ref() != Some(&caption) {
                self.paragraph(caption);
            }
        }
        let rows: Vec<Vec<String>> = std::iter::once(&table.columns)
            .chain(table.rows.iter().map(|r| &r.cells))
            .map(|cells| cells.iter().map(cell).collect())
            .collect();
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        if width == 0 {
            return;
        }
        for (i, cells) in rows.iter().enumerate() {
            self.out.push('|');
            for c in 0..width {
                self.out.push(' ');
                self.out.push_str(cells.get(c).map_or("", String::as_str));
                self.out.push_str(" |");
            }
            self.out.push('\n');
            if i == 0 {
                self.out.push('|');
                self.out.push_str(&"---|".repeat(width));
                self.out.push('\n');
            }
        }
        self.out.push('\n');
        self.heading_above = None;
    }
}

/// A table cell on one line: its words, then its paragraphs, separated by ` · `.
fn cell(cell: &Cell) -> String {
    let parts = std::iter::once(raw_inlines(&cell.content)).chain(cell.blocks.iter().map(raw_block));
    line(&joined(parts))
}

/// Escaped text parts, each with its spaces collapsed, the empty ones dropped, the rest joined by
/// [`SEPARATOR`].
fn joined(parts: impl Iterator<Item = String>) -> String {
    let parts: Vec<String> = parts.map(|p| collapse(&p)).filter(|p| !p.is_empty()).collect();
    parts.join(SEPARATOR)
}

/// A block inside a cell or a list item, as escaped text on one line.
fn raw_block(block: &Block) -> String {
    let mut raw = String::new();
    match block {
        Block::Paragraph(p) => raw = raw_inlines(&p.content),
        Block::Heading(h) => escape_into(&h.text, &mut raw),
        Block::List(list) => {
            let items = list.items.iter().map(|item| {
                joined(std::iter::once(raw_inlines(&item.content)).chain(item.blocks.iter().map(raw_block)))
            });
            raw = joined(items);
        }
        Block::Table(table) => {
            let rows = table.rows.iter().map(|r| joined(r.cells.iter().map(cell)));
            raw = joined(table.caption.iter().map(|c| escape_markdown(c)).chain(rows));
        }
        Block::Group(group) => raw = joined(group.blocks.iter().map(raw_block)),
        Block::Details(d) => {
            raw = joined(std::iter::once(escape_markdown(&d.summary)).chain(d.blocks.iter().map(raw_block)))
        }
        Block::Radar(radar) => escape_into(&radar.description(), &mut raw),
        Block::MaturityBars(_) => {}
        Block::ZoneMap(map) => escape_into(&map.title(), &mut raw),
    }
    raw
}

/// Inline runs as escaped text: `**bold**` for strong runs, a link's address after its text when it leaves
/// the app, a space for a line break. Spaces are not yet collapsed.
fn raw_inlines(content: &[Inline]) -> String {
    let mut raw = String::new();
    for inline in content {
        match inline {
            Inline::Text(text) | Inline::Span { text, .. } | Inline::Abbr { text, .. } => escape_into(text, &mut raw),
            Inline::Strong(text) => {
                let mut inner = String::new();
                escape_into(text, &mut inner);
                let trimmed = inner.trim();
                if !trimmed.is_empty() {
                    // Spaces stay outside the marks, where Markdown expects them.
                    if inner.starts_with(' ') {
                        raw.push(' ');
                    }
                    raw.push_str("**");
                    raw.push_str(trimmed);
                    raw.push_str("**");
                    if inner.ends_with(' ') {
                        raw.push(' ');
                    }
                }
            }
            Inline::Link(link) => {
                escape_into(&link.text, &mut raw);
                if link.is_external() {
                    // As the printed report shows it (the print rules in style/main.css).
                    raw.push_str(" (");
                    escape_into(&link.href, &mut raw);
                    raw.push(')');
                }
            }
            Inline::LineBreak => raw.push(' '),
        }
    }
    raw
}

/// Text shown literally: special characters get a backslash, line breaks and tabs become spaces.
fn escape_into(text: &str, out: &mut String) {
    for c in text.chars() {
        if MARKDOWN_SPECIAL.contains(&c) {
            out.push('\\');
        }
        out.push(if c.is_whitespace() { ' ' } else { c });
    }
}

/// Runs of spaces as one space, none at either end.
fn collapse(raw: &str) -> String {
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Escaped text as a line of Markdown: spaces collapsed, and a start that could open a block guarded.
fn line(raw: &str) -> String {
    guard_line_start(&collapse(raw))
}

/// A line that cannot start a block: a leading character that could start a list, heading, quote, rule or
/// table ([`BLOCK_START`]) gets a backslash, as does the `.` or `)` of a leading ordered-list marker ("1. ");
/// "2026.11" stays as it is. Lines that start with the writer's own `**` are left alone.
fn guard_line_start(line: &str) -> String {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let mut after = line[digits..].chars();
    let ordered = digits > 0 && matches!(after.next(), Some('.' | ')')) && matches!(after.next(), None | Some(' '));
    let first = line.chars().next();
    if ordered {
        format!("{}\\{}", &line[..digits], &line[digits..])
    } else if first.is_some_and(|c| BLOCK_START.contains(&c)) && !line.starts_with("**") {
        format!("\\{line}")
    } else {
        line.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::document::{ListItem, Paragraph, Row};

    fn paragraph_markdown(text: &str) -> String {
        line(&raw_inlines(&[Inline::Text(text.to_string())]))
    }

    #[test]
    fn text_is_escaped_and_kept_on_one_line() {
        assert_eq!(paragraph_markdown("<script>alert(1)</script>"), "\\<script\\>alert(1)\\</script\\>");
        assert_eq!(
            paragraph_markdown("a *b* _c_ [d](e) `f` | g # h"),
            "a \\*b\\* \\_c\\_ \\[d\\](e) \\`f\\` \\| g \\# h"
        );
        assert_eq!(paragraph_markdown("back\\slash &amp; ~x~ $y$ ^z"), "back\\\\slash \\&amp; \\~x\\~ \\$y\\$ \\^z");
        assert_eq!(paragraph_markdown("first\nsecond\r\n\r\nthird"), "first second third");
        assert_eq!(paragraph_markdown("  spaced  "), "spaced");
    }

    #[test]
    fn text_cannot_start_a_block() {
        for (text, md) in [
            ("- item", "\\- item"),
            ("+ item", "\\+ item"),
            ("=== ", "\\==="),
            ("# heading", "\\# heading"),
            ("> quote", "\\> quote"),
            ("12. item", "12\\. item"),
            ("3) item", "3\\) item"),
            ("2026 budget", "2026 budget"),
            ("2026.11-1", "2026.11-1"),
            ("7.", "7\\."),
            ("a - b", "a - b"),
        ] {
            assert_eq!(escape_markdown(text), md, "{text}");
            let mut w = Writer::default();
            w.list(&List { ordered: false, class: None, label: None, items: vec![ListItem::text_item(text)] });
            assert_eq!(w.out, format!("- {md}\n\n"), "{text}");
        }
    }

    #[test]
    fn a_list_item_continues_after_a_line_break_and_with_its_paragraphs() {
        let mut w = Writer::default();
        let items = vec![
            ListItem {
                class: None,
                content: vec![Inline::Strong("Fix it (SR 1.1)".into()), Inline::Text(" · quick win".into())],
                blocks: vec![Block::paragraph("Do this."), Block::paragraph_with("muted", "Applies to: A")],
            },
            ListItem {
                content: vec![Inline::Text("Second".into()), Inline::LineBreak, Inline::Text("line".into())],
                ..ListItem::default()
            },
        ];
        w.list(&List { ordered: true, class: None, label: None, items });
        assert_eq!(
            w.out,
            "1. **Fix it (SR 1.1)** · quick win\n\n   Do this.\n\n   Applies to: A\n2. Second\n\n   line\n\n"
        );
    }

    /// A table captioned "Levels".
    fn levels(columns: &[&str], rows: Vec<Row>) -> Table {
        let columns = columns.iter().map(|c| Cell::heading(*c)).collect();
        Table { class: "data-table", caption: Some("Levels".into()), label: None, columns, rows }
    }

    #[test]
    fn a_table_has_one_separator_line_and_its_cells_on_one_line() {
        let table = levels(
            &["Zone", "FR1"],
            vec![
                Row {
                    key: None,
                    cells: vec![
                        Cell::heading("A | B"),
                        Cell {
                            content: vec![
                                Inline::Text("SL-A 1".into()),
                                Inline::Span { class: "gap-marker", text: " ▼ gap 1".into() },
                            ],
                            ..Cell::default()
                        },
                    ],
                },
                Row {
                    key: None,
                    cells: vec![Cell {
                        blocks: vec![
                            Block::Paragraph(Paragraph::new(None, "- Do this.")),
                            Block::paragraph_with("muted", "Status: Open"),
                        ],
                        ..Cell::data("")
                    }],
                },
            ],
        );
        let mut w = Writer::default();
        w.table(&table);
        assert_eq!(
            w.out,
            "Levels\n\n| Zone | FR1 |\n|---|---|\n| A \\| B | SL-A 1 ▼ gap 1 |\n| \\- Do this. · Status: Open |  |\n\n"
        );
    }

    #[test]
    fn a_caption_that_repeats_the_heading_above_is_left_out() {
        let mut w = Writer::default();
        w.blocks(&[Block::heading(3, "Levels"), Block::Table(levels(&["Zone"], Vec::new()))]);
        assert_eq!(w.out, "### Levels\n\n| Zone |\n|---|\n\n");
    }
}
