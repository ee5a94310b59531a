//! The report as an editable Word file (`.docx`). The Report step sends a [`DocxRequest`] (the report's
//! document model, the same one the screen and the Markdown export use, plus the charts as PNG pictures
//! rasterised by the browser) as JSON to a Web Worker, which writes the file with [`report_docx`] (feature
//! `docx`, through the `docx-rs` crate) and answers with its bytes. The writer is kept out of the app's
//! first download: only the worker links it.

use crate::domain::document::{Block, Document};
use serde::{Deserialize, Serialize};

#[cfg(feature = "docx")]
mod writer;
#[cfg(feature = "docx")]
pub use writer::{report_docx, report_docx_from_json, DocxError};

/// What the Word worker receives: the report and the pictures of its charts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocxRequest {
    /// The report, as built by [`crate::domain::report_document`].
    pub document: Document,
    /// One entry per chart of the document, in the order of [`chart_blocks`]: its picture, or `None` when
    /// the browser could not draw it (the file then carries the chart's text alternative only).
    pub charts: Vec<Option<Picture>>,
    /// The consultancy's logo for the cover, when the deployment has one and the browser could draw it.
    pub logo: Option<Picture>,
}

/// A PNG picture and the size it is shown at, in CSS pixels (the PNG itself may have more pixels, for
/// sharp printing).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Picture {
    /// The PNG file's bytes.
    pub png: Vec<u8>,
    /// Width shown, in CSS pixels (1/96 inch).
    pub width: u32,
    /// Height shown, in CSS pixels.
    pub height: u32,
}

/// The charts of a document (radars, maturity bars, zone maps) in the order the report shows them:
/// sections in order, each block before the blocks inside it, a list item's or cell's own blocks in
/// order, a table's column headings before its rows. The screen renders the same order, so the n-th
/// chart drawn on the page is the n-th block here.
///
/// ```
/// use iec62443_assess::export::chart_blocks;
/// use iec62443_assess::*;
/// let mut a = Assessment::new("a1", "Plant", "2026-11-20T09:00:00Z");
/// a.zones.push(Zone::new("z1", "Cell A"));
/// let card = score(&a);
/// let roadmap = roadmap_with(&a, &card.zones);
/// let report = report_document(&a, &card, &roadmap, ReportBranding::default(), ReportLength::Full);
/// assert!(!chart_blocks(&report).is_empty());
/// ```
pub fn chart_blocks(document: &Document) -> Vec<&Block> {
    fn walk<'a>(blocks: &'a [Block], out: &mut Vec<&'a Block>) {
        for block in blocks {
            match block {
                Block::Radar(_) | Block::MaturityBars(_) | Block::ZoneMap(_) => out.push(block),
                Block::List(list) => list.items.iter().for_each(|item| walk(&item.blocks, out)),
                Block::Table(table) => table
                    .columns
                    .iter()
                    .chain(table.rows.iter().flat_map(|row| row.cells.iter()))
                    .for_each(|cell| walk(&cell.blocks, out)),
                Block::Group(group) => walk(&group.blocks, out),
                Block::Details(details) => walk(&details.blocks, out),
                Block::Heading(_) | Block::Paragraph(_) => {}
            }
        }
    }
    let mut out = Vec::new();
    for section in &document.sections {
        walk(&section.blocks, &mut out);
    }
    out
}
