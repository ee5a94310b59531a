//! The read-only views (results, report, projection table, charts) written as HTML text.
//!
//! Leptos' typed views cost a lot of wasm per element; these views have no event handlers, so the UI
//! inserts the text below with `inner_html` instead. Everything the user typed goes through [`escape`],
//! so a zone named `<script>` stays text.
//!
//! - [`charts`]: the radar of SL-A against SL-T and the maturity bars, as SVG.
//! - [`results`]: the results body and the SL table.
//! - [`report`]: the printable report and the projection table.
//! - [`markdown`]: the report converted to Markdown, for the export.

pub mod charts;
pub mod markdown;
pub mod report;
pub mod results;

/// HTML text under construction: elements are opened, filled with escaped text and closed in order.
///
/// ```
/// use iec62443_assess::html::Html;
/// let mut h = Html::default();
/// h.open("p", &[("class", "note")]).text("R&D <lab>").close("p");
/// assert_eq!(h.into_string(), r#"<p class="note">R&amp;D &lt;lab&gt;</p>"#);
/// ```
#[derive(Default)]
pub struct Html(String);

impl Html {
    /// Opens `<tag name="value" ...>`, escaping the values. Void elements (`img`, `br`) are only opened.
    pub fn open(&mut self, tag: &str, attributes: &[(&str, &str)]) -> &mut Html {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attributes {
            self.0.push(' ');
            self.0.push_str(name);
            self.0.push_str("=\"");
            push_escaped(&mut self.0, value);
            self.0.push('"');
        }
        self.0.push('>');
        self
    }

    /// Appends text, escaped.
    pub fn text(&mut self, text: &str) -> &mut Html {
        push_escaped(&mut self.0, text);
        self
    }

    /// Closes `</tag>`.
    pub fn close(&mut self, tag: &str) -> &mut Html {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    /// An element holding only text: `<tag ...>text</tag>`.
    pub fn element(&mut self, tag: &str, attributes: &[(&str, &str)], text: &str) -> &mut Html {
        self.open(tag, attributes).text(text).close(tag)
    }

    /// A table's `thead` with one column heading per name.
    pub fn column_headings(&mut self, names: &[&str]) -> &mut Html {
        self.open("thead", &[]).open("tr", &[]);
        for name in names {
            self.element("th", &[("scope", "col")], name);
        }
        self.close("tr").close("thead")
    }

    /// The HTML text.
    pub fn into_string(self) -> String {
        self.0
    }
}

/// Text or an attribute value made safe for HTML: `&`, `<`, `>`, `"` and `'` become entities.
///
/// ```
/// assert_eq!(iec62443_assess::html::escape(r#"<a href="x">'s & co</a>"#),
///     "&lt;a href=&quot;x&quot;&gt;&#39;s &amp; co&lt;/a&gt;");
/// ```
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}
