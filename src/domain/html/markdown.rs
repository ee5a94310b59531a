//! The report as Markdown, converted from its HTML ([`super::report::report_document`]): the export says
//! exactly what the printed report says, and one writer instead of two keeps the download small (README
//! "Performance").
//!
//! Only HTML written by [`super::Html`] is read: well-formed, attribute values in double quotes, text
//! escaped with the five entities of [`super::escape`]. Headings, paragraphs, lists, definition lists and
//! tables become their Markdown forms; charts (`svg`) and their legends are left out, their numbers are in
//! the tables next to them. Text is escaped so that nothing the user typed can format the document, break
//! a table or inject markup: Markdown and HTML characters get a backslash and line breaks become spaces.

/// A parsed element or a run of text.
enum Node {
    Text(String),
    Element(Kind, Vec<Node>),
}

/// What an element is for the conversion, decided once from its tag and class.
#[derive(Clone, Copy, PartialEq)]
enum Kind {
    /// `h1` to `h6`, with the level of the tag.
    Heading(usize),
    /// `p`, `figcaption`, and any other block that holds one paragraph of text.
    Paragraph,
    Caption,
    List {
        ordered: bool,
    },
    Item,
    Definitions,
    Term,
    Definition,
    Table,
    /// `thead`, `tbody`, `tfoot`.
    RowGroup,
    Row,
    Cell,
    /// `section`, `div`, `header`, `figure`...: blocks around blocks.
    Container,
    Strong,
    Emphasis,
    Break,
    /// `span`, `abbr` and other inline elements: only their text counts.
    Inline,
    /// Charts and parts that only make sense on screen or on paper.
    LeftOut,
}

impl Kind {
    fn of(tag: &str, class: &str) -> Kind {
        if tag == "svg" || class.split(' ').any(|c| LEFT_OUT.contains(&c)) {
            return Kind::LeftOut;
        }
        match tag {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Kind::Heading(usize::from(tag.as_bytes()[1] - b'0')),
            "p" | "figcaption" => Kind::Paragraph,
            "caption" => Kind::Caption,
            "ul" => Kind::List { ordered: false },
            "ol" => Kind::List { ordered: true },
            "li" => Kind::Item,
            "dl" => Kind::Definitions,
            "dt" => Kind::Term,
            "dd" => Kind::Definition,
            "table" => Kind::Table,
            "thead" | "tbody" | "tfoot" => Kind::RowGroup,
            "tr" => Kind::Row,
            "th" | "td" => Kind::Cell,
            "section" | "header" | "footer" | "article" | "div" | "figure" | "main" | "nav" | "aside" => {
                Kind::Container
            }
            "strong" | "b" => Kind::Strong,
            "em" | "i" => Kind::Emphasis,
            "br" => Kind::Break,
            _ => Kind::Inline,
        }
    }

    fn is_block(self) -> bool {
        !matches!(self, Kind::Strong | Kind::Emphasis | Kind::Break | Kind::Inline | Kind::LeftOut)
    }
}

/// Elements that have no closing tag.
const VOID: [&str; 4] = ["br", "img", "hr", "wbr"];

/// Characters that could format, link or inject markup anywhere in a line of Markdown (CommonMark, GFM
/// tables and pandoc's extensions).
const MARKDOWN_SPECIAL: [char; 14] = ['\\', '`', '*', '_', '[', ']', '<', '>', '|', '#', '~', '&', '$', '^'];

/// Characters that can start a block (list, heading, quote, rule, table, code, link definition) at the
/// start of a line.
const BLOCK_START: [char; 13] = ['-', '+', '*', '#', '>', '=', '_', '`', '~', '|', '<', '[', ':'];

/// Classes of parts that only make sense on screen or on paper: the cover's kicker and title (the Markdown
/// document has its own title line) and chart legends.
const LEFT_OUT: [&str; 3] = ["report-kicker", "report-title", "legend"];

/// The Markdown of a report body, ending with a line break; headings start at `##` (`#` is the document's
/// title).
///
/// ```
/// use iec62443_assess::html::markdown::from_html;
/// let md = from_html(r#"<section><h2>Gaps</h2><ul><li><strong>SR 1.1</strong> · 2 zones</li></ul></section>"#);
/// assert_eq!(md, "## Gaps\n\n- **SR 1.1** · 2 zones\n");
/// ```
pub fn from_html(html: &str) -> String {
    let mut out = String::new();
    blocks(&parse(html), 2, &mut out);
    // One line break at the end.
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// Text as one line of Markdown that shows it literally (see the module documentation).
///
/// ```
/// assert_eq!(iec62443_assess::html::markdown::escape("- R&D *lab*"), "\\- R\\&D \\*lab\\*");
/// ```
pub fn escape(text: &str) -> String {
    inline(&[&Node::Text(text.to_string())])
}

fn parse(html: &str) -> Vec<Node> {
    // The open elements with their children so far; the first is the document.
    let mut open: Vec<(Kind, Vec<Node>)> = vec![(Kind::Container, Vec::new())];
    let mut rest = html;
    while !rest.is_empty() {
        if let Some(tag) = rest.strip_prefix('<') {
            let end = tag.find('>').unwrap_or(tag.len());
            let inside = &tag[..end];
            rest = tag.get(end + 1..).unwrap_or_default();
            if inside.starts_with('/') {
                if open.len() > 1 {
                    close(&mut open);
                }
                continue;
            }
            let name = inside.split([' ', '/']).next().unwrap_or_default().to_ascii_lowercase();
            let kind = Kind::of(&name, &attribute(inside, "class"));
            if VOID.contains(&name.as_str()) || inside.ends_with('/') {
                push(&mut open, Node::Element(kind, Vec::new()));
            } else {
                open.push((kind, Vec::new()));
            }
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            push(&mut open, Node::Text(unescape(&rest[..end])));
            rest = &rest[end..];
        }
    }
    while open.len() > 1 {
        close(&mut open);
    }
    open.pop().map(|(_, children)| children).unwrap_or_default()
}

fn push(open: &mut [(Kind, Vec<Node>)], node: Node) {
    if let Some((_, children)) = open.last_mut() {
        children.push(node);
    }
}

fn close(open: &mut Vec<(Kind, Vec<Node>)>) {
    if let Some((kind, children)) = open.pop() {
        // Left-out parts go at once, whatever they hold.
        let children = if kind == Kind::LeftOut { Vec::new() } else { children };
        push(open, Node::Element(kind, children));
    }
}

/// The unescaped value of attribute `name` in the inside of a start tag.
fn attribute(inside: &str, name: &str) -> String {
    let key = format!(" {name}=\"");
    let Some(start) = inside.find(&key).map(|i| i + key.len()) else { return String::new() };
    let value = &inside[start..];
    unescape(&value[..value.find('"').unwrap_or(value.len())])
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

/// Writes block-level `nodes`; headings are at least `floor` deep and keep their distances, and parts that
/// follow a heading go one level deeper, so that a section's sub-headings stay below its own.
fn blocks(nodes: &[Node], floor: usize, out: &mut String) {
    let mut inner = floor;
    // How much deeper than their tags this container's headings go (set by its first heading).
    let mut shift = 0;
    // Text and inline elements directly inside a block, written as one paragraph.
    let mut loose: Vec<&Node> = Vec::new();
    for node in nodes {
        let Node::Element(kind, children) = node else {
            loose.push(node);
            continue;
        };
        if !kind.is_block() {
            loose.push(node);
            continue;
        }
        paragraph(&inline(&loose), out);
        loose.clear();
        match *kind {
            Kind::Heading(tag_level) => {
                let level = (tag_level + shift).max(floor).min(6);
                shift = level.saturating_sub(tag_level);
                let text = inline_of(children);
                if !text.is_empty() {
                    out.push_str(&"#".repeat(level));
                    out.push(' ');
                    out.push_str(&text);
                    out.push_str("\n\n");
                }
                inner = level + 1;
            }
            Kind::List { ordered } => list(children, ordered, out),
            Kind::Definitions => definitions(children, out),
            Kind::Table => table(children, out),
            Kind::Container | Kind::RowGroup | Kind::Row => blocks(children, inner, out),
            _ => paragraph(&inline_of(children), out),
        }
    }
    paragraph(&inline(&loose), out);
}

fn paragraph(text: &str, out: &mut String) {
    if !text.is_empty() {
        out.push_str(text);
        out.push_str("\n\n");
    }
}

/// A list: `- ` or `1. ` per item; blocks inside an item (a paragraph under a title), and lines after a
/// `<br>`, follow as indented paragraphs of that item.
fn list(items: &[Node], ordered: bool, out: &mut String) {
    let mut n = 0;
    for item in items {
        let Node::Element(Kind::Item, children) = item else { continue };
        n += 1;
        let marker = if ordered { format!("{n}. ") } else { "- ".to_string() };
        let mut parts = Vec::new();
        let mut loose: Vec<&Node> = Vec::new();
        for child in children {
            match child {
                Node::Element(kind, children) if *kind == Kind::Break || kind.is_block() => {
                    parts.push(inline(&loose));
                    loose.clear();
                    parts.push(inline_of(children));
                }
                _ => loose.push(child),
            }
        }
        parts.push(inline(&loose));
        parts.retain(|p| !p.is_empty());
        out.push_str(&marker);
        for (i, part) in parts.iter().enumerate() {
            if i > 0 {
                out.push_str("\n\n");
                out.push_str(&" ".repeat(marker.len()));
            }
            out.push_str(part);
        }
        out.push('\n');
    }
    out.push('\n');
}

/// `<dt>Term</dt><dd>Value</dd>` pairs as `- Term: Value` lines.
fn definitions(children: &[Node], out: &mut String) {
    let mut term = String::new();
    for child in children {
        match child {
            Node::Element(Kind::Term, children) => term = inline_of(children),
            Node::Element(Kind::Definition, children) => {
                out.push_str("- ");
                out.push_str(&term);
                out.push_str(": ");
                out.push_str(&inline_of(children));
                out.push('\n');
            }
            _ => {}
        }
    }
    out.push('\n');
}

/// A table: its caption as a paragraph (unless the heading above says the same), then a GitHub-flavoured
/// table whose first row is the header.
fn table(children: &[Node], out: &mut String) {
    let mut rows: Vec<Vec<String>> = Vec::new();
    for child in children {
        match child {
            Node::Element(Kind::Caption, children) => {
                let caption = inline_of(children);
                let last_line = out.trim_end().rsplit('\n').next().unwrap_or_default();
                if !last_line.starts_with('#') || last_line.trim_start_matches('#').trim() != caption {
                    paragraph(&caption, out);
                }
            }
            Node::Element(Kind::Row, cells) => rows.push(row(cells)),
            Node::Element(Kind::RowGroup, group) => {
                for r in group {
                    if let Node::Element(Kind::Row, cells) = r {
                        rows.push(row(cells));
                    }
                }
            }
            _ => {}
        }
    }
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    if width == 0 {
        return;
    }
    for (i, cells) in rows.iter().enumerate() {
        out.push('|');
        for c in 0..width {
            out.push(' ');
            out.push_str(cells.get(c).map_or("", String::as_str));
            out.push_str(" |");
        }
        out.push('\n');
        if i == 0 {
            out.push('|');
            out.push_str(&"---|".repeat(width));
            out.push('\n');
        }
    }
    out.push('\n');
}

fn row(cells: &[Node]) -> Vec<String> {
    cells
        .iter()
        .filter_map(|cell| match cell {
            Node::Element(Kind::Cell, children) => Some(inline_of(children)),
            _ => None,
        })
        .collect()
}

fn inline_of(children: &[Node]) -> String {
    inline(&children.iter().collect::<Vec<_>>())
}

/// The nodes as one line of Markdown: text escaped, `strong` as `**bold**`, `em` as `*italic*`, and blocks
/// inside (a paragraph in a table cell) joined with ` · `.
fn inline(nodes: &[&Node]) -> String {
    let mut line = String::new();
    for node in nodes {
        write_inline(node, &mut line);
    }
    // Whitespace runs become one space; the block marks (U+0001) become one ` · ` between words.
    let mut out = String::with_capacity(line.len());
    let mut separate = false;
    for word in line.split_whitespace() {
        if word == "\u{1}" {
            separate = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if separate { " · " } else { " " });
        }
        separate = false;
        out.push_str(word);
    }
    guard_line_start(&out)
}

fn write_inline(node: &Node, line: &mut String) {
    let (kind, children) = match node {
        Node::Text(text) => return escape_into(text, line),
        Node::Element(kind, children) => (*kind, children),
    };
    match kind {
        Kind::LeftOut => {}
        Kind::Break => line.push(' '),
        Kind::Strong | Kind::Emphasis => {
            let mut inner = String::new();
            for child in children {
                write_inline(child, &mut inner);
            }
            let mark = if kind == Kind::Strong { "**" } else { "*" };
            let trimmed = inner.trim();
            if !trimmed.is_empty() {
                // Spaces stay outside the marks, where Markdown expects them.
                if inner.starts_with(char::is_whitespace) {
                    line.push(' ');
                }
                line.push_str(mark);
                line.push_str(trimmed);
                line.push_str(mark);
                if inner.ends_with(char::is_whitespace) {
                    line.push(' ');
                }
            }
        }
        _ => {
            let block = kind.is_block();
            if block {
                line.push_str(" \u{1} ");
            }
            for child in children {
                write_inline(child, line);
            }
            if block {
                line.push_str(" \u{1} ");
            }
        }
    }
}

/// Text shown literally: special characters get a backslash, line breaks and tabs become spaces.
fn escape_into(text: &str, out: &mut String) {
    for c in text.chars() {
        if MARKDOWN_SPECIAL.contains(&c) {
            out.push('\\');
        }
        out.push(if c.is_whitespace() || c == '\u{1}' { ' ' } else { c });
    }
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

    #[test]
    fn text_is_escaped_and_kept_on_one_line() {
        assert_eq!(from_html("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"), "\\<script\\>alert(1)\\</script\\>\n");
        assert_eq!(
            from_html("<p>a *b* _c_ [d](e) `f` | g # h</p>"),
            "a \\*b\\* \\_c\\_ \\[d\\](e) \\`f\\` \\| g \\# h\n"
        );
        assert_eq!(
            from_html("<p>back\\slash &amp;amp; ~x~ $y$ ^z</p>"),
            "back\\\\slash \\&amp; \\~x\\~ \\$y\\$ \\^z\n"
        );
        assert_eq!(from_html("<p>first\nsecond\r\n\r\nthird</p>"), "first second third\n");
        assert_eq!(from_html("<p>  spaced  </p>"), "spaced\n");
    }

    #[test]
    fn text_cannot_start_a_block() {
        for (text, md) in [
            ("- item", "\\- item"),
            ("+ item", "\\+ item"),
            ("=== ", "\\==="),
            ("# heading", "\\# heading"),
            ("&gt; quote", "\\> quote"),
            ("12. item", "12\\. item"),
            ("3) item", "3\\) item"),
            ("2026 budget", "2026 budget"),
            ("2026.11-1", "2026.11-1"),
            ("7.", "7\\."),
            ("a - b", "a - b"),
        ] {
            assert_eq!(from_html(&format!("<p>{text}</p>")), format!("{md}\n"), "{text}");
            assert_eq!(from_html(&format!("<ul><li>{text}</li></ul>")), format!("- {md}\n"), "{text}");
        }
    }

    #[test]
    fn headings_stay_below_the_heading_of_their_section() {
        let html = "<section><h2>Scorecard</h2><div><h2>Levels</h2><section><h3>Zone: A</h3><h4>Blocking</h4>\
                    </section></div></section><section><h2>Roadmap</h2></section>";
        assert_eq!(from_html(html), "## Scorecard\n\n### Levels\n\n#### Zone: A\n\n##### Blocking\n\n## Roadmap\n");
    }

    #[test]
    fn tables_lists_and_definitions_take_their_markdown_form() {
        let html = "<table><caption>Levels</caption><thead><tr><th>Zone</th><th>FR1</th></tr></thead><tbody>\
                    <tr><th>A | B</th><td>SL-A 1<span> ▼ gap 1</span></td></tr><tr><td>C</td></tr></tbody></table>\
                    <dl><dt>Date</dt><dd>2026-11-20</dd></dl>\
                    <ol><li><strong>Fix it (SR 1.1)</strong> · quick win<p>Do this.</p><p>Applies to: A</p></li>\
                    <li>Second<br>line</li></ol>";
        assert_eq!(
            from_html(html),
            "Levels\n\n| Zone | FR1 |\n|---|---|\n| A \\| B | SL-A 1 ▼ gap 1 |\n| C |  |\n\n- Date: 2026-11-20\n\n\
             1. **Fix it (SR 1.1)** · quick win\n\n   Do this.\n\n   Applies to: A\n2. Second\n\n   line\n"
        );
    }

    #[test]
    fn blocks_inside_a_cell_are_joined_and_charts_are_left_out() {
        let html = "<table><tr><th>Action</th></tr><tr><td>Do this.<p class=\"muted\">Status: Open</p></td></tr>\
                    </table><figure><svg><text>FR1</text></svg><figcaption><span class=\"legend\">solid</span>\
                    <span>Zone A: FR1 SL-A 2</span></figcaption></figure>";
        assert_eq!(from_html(html), "| Action |\n|---|\n| Do this. · Status: Open |\n\nZone A: FR1 SL-A 2\n");
    }
}
