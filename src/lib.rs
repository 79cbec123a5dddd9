//! aoplan: the A&O-fonds activity plan in the terminal.
//!
//! The library holds everything; the `aoplan` binary only parses arguments and
//! dispatches. Modules, from the data up:
//! - [`plan`]: the model, validation and progress counts
//! - [`format`]: parsing with precise errors, and the canonical writer
//! - [`storage`]: finding, loading and safely saving plan files
//! - [`edit`]: the changes the UI and the CLI make, replayable and undoable
//! - [`search`]: the fuzzy index over the whole plan
//! - [`commands`]: the non-interactive commands

pub mod cli;
pub mod commands;
pub mod edit;
pub mod format;
pub mod i18n;
pub mod plan;
pub mod search;
pub mod storage;
pub mod text;
pub mod timestamp;
