//! aoplan: the A&O-fonds activity plan in the terminal.
//!
//! The library holds everything; the `aoplan` binary only parses arguments and
//! dispatches. The modules, in layers from the bottom up: a module uses only
//! the layers below it (`docs/architecture.md`; `tests/it/architecture.rs`
//! enforces it). Modules the binary, the tests and the benchmarks do not use
//! are private to the crate (marked *private*); so is, inside the public ones,
//! what only the crate itself uses.
//!
//! - base: [`text`] (*private*: folding, similarity, "did you mean", progress
//!   bar cells), [`timestamp`] (RFC 3339 times), [`dates`] (dates as people
//!   write and read them, in their time zone), [`terminal_safe`] (the one
//!   sanitiser every human-readable output goes through, and JSON that keeps
//!   exact values with every control character escaped), [`platform`] (the OS
//!   lookups: login name, time zone, terminals, OS errors in words) and
//!   [`aux_file`] (*private*: guarded reads of small files)
//! - model: [`plan`], the plan itself, its validation and progress counts
//! - codec: [`codec`], parsing with precise errors, and the canonical writer;
//!   [`outline`], the Markdown outline of a plan, read and written
//! - edits: [`edit`], the changes the UI and the CLI make, replayable and
//!   undoable; merging them onto another writer's version; what is not saved
//!   and why a save failed, as plain data
//! - [`i18n`]: every user-facing word in Dutch and English
//! - storage: [`storage`] (finding, loading, locking and safely saving plan
//!   files), [`journal`] (*private*: each user's unsaved edits), [`presence`]
//!   (who else has the plan open, and on what) and [`config`] (the user's
//!   settings file)
//! - [`search`]: the index over the whole plan: words, phrases, filters, and
//!   why a result matched
//! - reports: [`report`], [`changes`] (*private*), [`rollover`] (*private*),
//!   [`as_of`] and [`board`]: board reports, change lists, the move to a new
//!   plan year, the plan as it was at a moment, and the printable board pack,
//!   computed and rendered, data in and data out
//! - app: [`app`], [`keymap`], [`line_editor`] (*private*) and [`text_editor`]
//!   (*private*): the terminal UI's pure state machine, its key bindings, the
//!   search line's editor, and the notes and owner editor; [`view`]
//!   (*private*): the view types (panes, filter, selection, what the last
//!   frame showed) that app, keymap and ui share
//! - [`ui`]: drawing one frame
//! - runtime: [`tui`], the terminal, the threads and the effects
//! - commands: [`cli`] (the arguments), [`commands`] (the non-interactive
//!   commands: parse, call, print) and [`output`] (their standard output and
//!   exit statuses)
//!
//! The maps in module documentation link private modules on purpose: read them
//! with `cargo doc --document-private-items`, where the links resolve.
#![allow(rustdoc::private_intra_doc_links)]

pub mod app;
pub mod as_of;
mod aux_file;
pub mod board;
mod changes;
pub mod cli;
pub mod codec;
pub mod commands;
pub mod config;
pub mod dates;
pub mod edit;
pub mod i18n;
mod journal;
pub mod keymap;
mod line_editor;
pub mod outline;
pub mod output;
pub mod plan;
pub mod platform;
pub mod presence;
pub mod report;
mod rollover;
pub mod search;
pub mod storage;
pub mod terminal_safe;
mod text;
mod text_editor;
pub mod timestamp;
pub mod tui;
pub mod ui;
mod view;
