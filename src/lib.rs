//! # iec62443-assess
//!
//! A browser-only self-assessment against IEC 62443. The crate has two halves:
//!
//! - [`domain`]: plain Rust, no browser types. The catalogue (generated at build time from
//!   `questionnaires/`), the answers, the scoring (SL-A, coverage, maturity), the roadmap and the saved
//!   format. Compiled and tested natively with `cargo test`.
//! - `ui` (feature `csr`): the interface, one module per step of the assessment, on Leptos's reactive
//!   system (`reactive_graph`: signals, memos, effects, owners) with the DOM built by `ui::dom`. Steps read derived values from the
//!   domain and write answers; they never compute a score themselves.
//!
//! Data flows one way: questionnaires -> catalogue -> answers -> scoring -> roadmap -> report model
//! ([`domain::document`]) -> views and exports. The read-only views (results, report, projection, live
//! summary) are built once as plain data by [`domain::document`]; the UI renders that model and
//! [`domain::export`] writes it as Markdown.
//!
//! Some choices exist for the size of the download (README "Performance"): the saved format is read and
//! written by [`domain::json`] (not serde), the assessment's maps are [`domain::sorted`] (not B-trees),
//! the catalogue texts are PPMd-compressed (build.rs) and decoded by the crate's own lean decoder
//! [`domain::ppmd`] (not the `ppmd-rust` crate, with its `std::io` plumbing), and the forms are built with
//! the small non-generic `ui::dom` builder rather than `view!`, on `reactive_graph` directly rather than
//! through the `leptos` crate.

pub mod domain;

#[cfg(feature = "csr")]
pub mod ui;

pub use domain::*;
