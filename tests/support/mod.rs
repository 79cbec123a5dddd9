pub mod hostile_text;
pub mod plan_dir;
pub mod pty;
