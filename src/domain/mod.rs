//! The pure domain: no browser types below this module.

pub mod answers;
pub mod assessment;
pub mod catalogue;
pub mod document;
pub mod export;
pub mod json;
pub mod ppmd;
pub mod questionnaire;
pub mod report;
pub mod roadmap;
pub mod scoring;
pub mod sorted;
pub mod sorting;
pub mod storage;
pub mod wizard;

pub use answers::*;
pub use assessment::*;
pub use catalogue::*;
// The model's own vocabulary (`Block`, `Table`, `Section`...) stays under `document::`; the builders and
// the document itself are used everywhere.
pub use document::{
    live_summary_table, projection_blocks, projection_table, report_document, results_body, Document, ReportBranding,
};
pub use report::*;
pub use roadmap::*;
pub use scoring::*;
pub use wizard::*;
