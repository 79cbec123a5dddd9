//! aoplan: the A&O-fonds activity plan in the terminal.
//!
//! The library holds everything; the `aoplan` binary only parses arguments and
//! dispatches. The modules, in layers from the bottom up: a module uses only
//! the layers below it (`docs/architecture.md`; `tests/it/architecture.rs`
//! enforces it).
//!
//! - base: [`text`] (folding, similarity, "did you mean"), [`timestamp`]
//!   (RFC 3339 times), [`terminal_safe`] (the one sanitiser every
//!   human-readable output goes through, and JSON that keeps exact values with
//!   every control character escaped), [`platform`] (the OS lookups: login
//!   name, local time, terminals) and [`aux_file`] (guarded reads of small files)
//! - model: [`plan`], the plan itself, its validation and progress counts
//! - codec: [`codec`], parsing with precise errors, and the canonical writer
//! - edits: [`edit`], the changes the UI and the CLI make, replayable and undoable
//! - [`i18n`]: every user-facing word in Dutch and English
//! - storage: [`storage`] (finding, loading, locking and safely saving plan
//!   files), [`journal`] (each user's unsaved edits), [`presence`] (who else
//!   has the plan open, and on what) and [`config`] (the user's settings file)
//! - [`search`]: the fuzzy index over the whole plan
//! - reports: [`report`], [`changes`] and [`rollover`]: board reports, change
//!   lists and the move to a new plan year, computed and rendered, data in and
//!   data out
//! - app: [`app`], [`keymap`], [`line_editor`] and [`text_editor`]: the
//!   terminal UI's pure state machine, its key bindings, the search line's
//!   editor, and the notes and owner editor; [`view`]: the view types (panes,
//!   filter, selection, what the last frame showed) that app, keymap and ui share
//! - [`ui`]: drawing one frame
//! - runtime: [`tui`], the terminal, the threads and the effects
//! - commands: [`cli`] (the arguments), [`commands`] (the non-interactive
//!   commands: parse, call, print) and [`output`] (their standard output and
//!   exit statuses)

pub mod app;
pub mod aux_file;
pub mod changes;
pub mod cli;
pub mod codec;
pub mod commands;
pub mod config;
pub mod edit;
pub mod i18n;
pub mod journal;
pub mod keymap;
pub mod line_editor;
pub mod output;
pub mod plan;
pub mod platform;
pub mod presence;
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
