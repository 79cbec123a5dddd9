pub mod plan_dir;
pub mod pty;
