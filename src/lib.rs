//! # iec62443-assess
//!
//! A browser-only self-assessment against IEC 62443. The crate has two halves:
//!
//! - [`domain`]: plain Rust, no browser types. The catalogue (generated at build time from
//!   `questionnaires/`), the answers, the scoring (SL-A, coverage, maturity), the roadmap and the saved
//!   format. Compiled and tested natively with `cargo test`.
//! - `ui` (feature `csr`): the interface, Leptos components written with `view!`, one module per step of
//!   the assessment, with local storage through `gloo-storage`. Steps read derived values from the domain
//!   and write answers; they never compute a score themselves.
//!
//! Data flows one way: questionnaires -> catalogue -> answers -> scoring -> roadmap -> report model
//! ([`domain::document`]) -> views and exports. The read-only views (results, report, projection, live
//! summary) are built once as plain data by [`domain::document`]; the UI renders that model and
//! [`domain::export`] writes it as Markdown.
//!
//! The domain stands on the standard stack: the saved format is read and written by `serde` and
//! `serde_json` through derives on the domain types ([`domain::storage`] adds the field path of a wrong
//! value with `serde_path_to_error`, and its own validation), the assessment's maps and sets are
//! `BTreeMap`/`BTreeSet`, names compare with `str::to_lowercase`, and the catalogue texts are
//! PPMd-compressed at build time (`build.rs`) and decoded on first use by the `ppmd-rust` crate that
//! compresses them.

pub mod domain;

#[cfg(feature = "csr")]
pub mod ui;

pub use domain::*;
