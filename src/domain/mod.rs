//! The pure domain: no browser types below this module, compiled and tested natively.
//!
//! [`storage`] is the saved format: serde derives on the assessment's types, read and written by
//! serde_json, migrated and validated on import. The assessment's maps and sets are the standard
//! library's `BTreeMap`/`BTreeSet` (their key order is the order of saved files), orderings use the
//! stable `slice::sort_by`, and [`catalogue`]'s texts are decoded by the `ppmd-rust` crate.

pub mod answers;
pub mod assessment;
pub mod catalogue;
pub mod document;
pub mod drawio;
pub mod export;
pub mod handover;
pub mod history;
pub mod inventory;
pub mod map;
pub mod progress;
pub mod questionnaire;
pub mod report;
pub mod roadmap;
pub mod scoring;
pub mod share;
pub mod storage;
pub mod theme;
pub mod wizard;

pub use answers::*;
pub use assessment::*;
pub use catalogue::*;
pub use inventory::{Asset, AssetCounts, AssetKind, PurdueLevel, MAX_ASSETS, MAX_QUANTITY};
// The model's own vocabulary (`Block`, `Table`, `Section`...) stays under `document::`; the builders and
// the document itself are used everywhere.
pub use document::{
    live_summary_table, projection_blocks, projection_table, report_document, results_body, Document, ReportBranding,
    ReportLength,
};
pub use progress::*;
pub use report::*;
pub use roadmap::*;
pub use scoring::*;
pub use wizard::*;
