//! The report as an editable Word file (`.docx`). The Report step sends a [`DocxRequest`] as JSON to a Web
//! Worker: the assessment in its saved format, which report (short or full, with or without the "Progress
//! since" section), the deployment's branding, and the charts as PNG pictures drawn by the browser. The
//! worker builds the report's document model from it with the same function as the screen
//! ([`report_with_progress`]) and writes it with `report_docx_from_json` (feature `docx`, through the
//! `docx-rs` crate), answering with the file's bytes. The writer stays out of the app's first download:
//! only the worker links it, and the app sends plain saved-format JSON, so it needs no serialiser of the
//! document model either.

use crate::domain::document::{report_document, Block, Document, ReportBranding, ReportLength};
use crate::domain::progress::compare;
use crate::domain::roadmap::Roadmap;
use crate::domain::scoring::Scorecard;
use crate::domain::Assessment;
use serde::{Deserialize, Serialize};

#[cfg(feature = "docx")]
mod writer;
#[cfg(feature = "docx")]
pub use writer::{document_docx, report_docx, report_docx_from_json, DocxError};

/// The report as the Report step shows it: [`report_document`], plus the "Progress since" section when
/// `since` names one of the assessment's snapshots (an unknown id, e.g. a deleted snapshot, adds nothing).
pub fn report_with_progress(
    a: &Assessment,
    card: &Scorecard,
    roadmap: &Roadmap,
    branding: ReportBranding,
    length: ReportLength,
    since: &str,
) -> Document {
    let mut document = report_document(a, card, roadmap, branding, length);
    if let Some(snapshot) = a.snapshot(since) {
        document.add_progress(&compare(&snapshot.as_assessment(), a));
    }
    document
}

/// What the Word worker receives.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocxRequest {
    /// The assessment in the saved format ([`crate::domain::storage::to_json`]).
    pub assessment: String,
    /// Which report: [`ReportLength::slug`] (`short` or `full`).
    pub length: String,
    /// The id of the snapshot of the "Progress since" section; empty for none.
    pub since: String,
    /// The deployment's branding, as [`ReportBranding`] takes it.
    pub branding: DocxBranding,
    /// One entry per chart of the report, in the order of [`chart_blocks`]: its picture, or `None` when the
    /// browser could not draw it (the file then carries the chart's text alternative only).
    pub charts: Vec<Option<Picture>>,
    /// The consultancy's logo for the cover, when the deployment has one and the browser could draw it.
    pub logo: Option<Picture>,
}

/// The branding texts of a [`DocxRequest`] (owned [`ReportBranding`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocxBranding {
    /// The consultancy's name.
    pub name: String,
    /// A same-site path of its logo.
    pub logo: String,
    /// Its contact link.
    pub contact_url: String,
    /// The contact link's text.
    pub contact_label: String,
}

impl DocxBranding {
    /// As the report builder takes it.
    pub fn report_branding(&self) -> ReportBranding<'_> {
        ReportBranding {
            name: &self.name,
            logo: &self.logo,
            contact_url: &self.contact_url,
            contact_label: &self.contact_label,
        }
    }
}

/// A PNG picture and the size it is shown at, in CSS pixels (the PNG itself may have more pixels, for
/// sharp printing). In JSON the PNG is base64url text (a list of numbers would be four times longer).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Picture {
    /// The PNG file's bytes.
    #[serde(with = "base64url")]
    pub png: Vec<u8>,
    /// Width shown, in CSS pixels (1/96 inch).
    pub width: u32,
    /// Height shown, in CSS pixels.
    pub height: u32,
}

/// Bytes as base64url text without padding (the engine the share links use).
mod base64url {
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine;

    pub fn serialize<S: serde::Serializer>(bytes: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&URL_SAFE_NO_PAD.encode(bytes))
    }

    pub fn deserialize<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<u8>, D::Error> {
        let text: String = serde::Deserialize::deserialize(deserializer)?;
        URL_SAFE_NO_PAD.decode(text).map_err(serde::de::Error::custom)
    }
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
