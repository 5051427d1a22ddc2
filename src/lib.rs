//! # caption-provenance
//!
//! One news photo travels through many outlets, and each outlet writes its own
//! caption. This crate reads the captions of a photo and shows where they
//! drift: names, medals, credits, dates.
//!
//! The data flows one way:
//!
//! ```text
//! folder on disk --corpus::load--> Corpus (photos, variants, sources, problems)
//!                --analysis::analyze--> Analysis (people, claims, conflicts, reuse)
//!                --> views: ui (egui window), report (HTML, Markdown, JSON), cli
//! ```
//!
//! `corpus`, `analysis`, `imaging` and `report` never touch egui; `ui` only
//! draws their results and sends slow work to background threads.

pub mod analysis;
pub mod atomic_write;
pub mod cli;
pub mod corpus;
pub mod eval;
pub mod exit_codes;
pub mod imaging;
pub mod regular_file;
pub mod report;
pub mod review;
pub mod review_staleness;
pub mod scale;
#[cfg(feature = "gui")]
pub mod ui;
