//! aoplan: the A&O-fonds activity plan in the terminal.
//!
//! The library holds everything; the `aoplan` binary only parses arguments and
//! dispatches. Modules, from the data up:
//! - [`plan`]: the model, validation and progress counts
//! - [`format`]: parsing with precise errors, and the canonical writer
//! - [`storage`]: finding, loading and safely saving plan files
//! - [`edit`]: the changes the UI and the CLI make, replayable and undoable
//! - [`search`]: the fuzzy index over the whole plan
//! - [`commands`]: the non-interactive commands, and [`output`]: their standard
//!   output and exit statuses
//! - [`report`], [`changes`] and [`rollover`]: board reports, change lists and the
//!   move to a new plan year
//! - [`config`]: the user's settings file
//! - [`terminal_safe`]: the one sanitiser every human-readable output goes
//!   through, so that plan text and user names cannot drive a terminal; and
//!   JSON that keeps exact values with every control character escaped
//! - [`app`], [`keymap`], [`line_editor`], [`text_editor`] and [`ui`]: the
//!   terminal UI's state machine, its key bindings, the search line's editor,
//!   the notes and owner editor, and the drawing; [`view`]: the view types
//!   (panes, filter, selection, what the last frame showed) they share

pub mod app;
pub mod aux_file;
pub mod changes;
pub mod cli;
pub mod commands;
pub mod config;
pub mod edit;
pub mod format;
pub mod i18n;
pub mod journal;
pub mod keymap;
pub mod line_editor;
pub mod output;
pub mod plan;
pub mod report;
pub mod rollover;
pub mod search;
pub mod storage;
pub mod terminal_safe;
pub mod text;
pub mod text_editor;
pub mod timestamp;
pub mod tui;
pub mod ui;
pub mod view;
