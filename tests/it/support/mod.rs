#[allow(dead_code)]
pub mod history_year;
pub mod hostile_text;
#[allow(dead_code)]
pub mod journal;
pub mod plan_dir;
pub mod pty;
#[allow(dead_code)]
pub mod set_cli;
pub mod start_dir;
pub mod users;
