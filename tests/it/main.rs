//! The integration tests, in one binary: each module drives the library or the
//! real `aoplan` binary the way a user or a colleague on the same server would.

mod support;
mod ui_support;

mod architecture;
mod as_of_cli;
mod board_pack;
mod cli;
mod completions;
mod concurrency;
mod config;
mod conflicts_cli;
mod dev_full;
mod git_merge;
mod hostile;
mod json_shapes;
mod list_cli;
mod local_time;
mod lock;
mod metadata;
mod new_plan;
mod outline;
mod plan_file;
mod planning_cli;
mod planted_links;
mod presence_pty;
mod presence_ui;
mod reports;
mod rollover;
mod round_trip;
mod save_safety;
mod search_relevance;
mod shared_server;
mod terminal_safety;
mod terminal_safety_ui;
mod tui_arrange;
mod tui_form;
mod tui_pty;
mod tui_session;
mod ui_arrange;
mod ui_conflicts;
mod ui_editor;
mod ui_form;
mod ui_listing;
mod ui_snapshots;
mod ui_travel;
