use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;

use aoplan::cli::Cli;
use aoplan::commands::{self, Context};
use aoplan::config::Config;
use aoplan::i18n::Lang;
use aoplan::storage::{self, Origin};
use aoplan::tui;

fn main() -> ExitCode {
    // Like other command-line tools, end quietly when the reader of our output
    // goes away (`aoplan report | head`) instead of reporting a broken pipe.
    // SAFETY: restoring the default disposition of SIGPIPE before any thread starts.
    unsafe { libc::signal(libc::SIGPIPE, libc::SIG_DFL) };
    let cli = Cli::parse();
    let (config, warning) = Config::load();
    if let Some(warning) = warning {
        eprintln!("aoplan: warning: {warning}");
    }
    let lang = cli
        .global
        .lang
        .or(config.lang)
        .unwrap_or_else(Lang::from_env);
    let (path, origin) = match storage::resolve(cli.global.file.as_deref(), config.file.as_deref())
    {
        Ok(found) => found,
        Err(message) => return fail(&message),
    };
    let ctx = Context {
        path,
        lang,
        year: cli.global.year,
        read_only: cli.global.read_only,
    };
    let needs_plan = cli
        .command
        .as_ref()
        .is_none_or(aoplan::cli::Command::needs_plan);
    if needs_plan && origin == Origin::Default {
        match storage::install_bundled(&ctx.path) {
            Ok(true) => eprintln!(
                "aoplan: created {} from the bundled Activiteitenplan 2026",
                ctx.path.display()
            ),
            Ok(false) => {}
            Err(e) => {
                return fail(&format!(
                    "cannot create {}: {}",
                    ctx.path.display(),
                    storage::io_reason(&e)
                ));
            }
        }
    }
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = match &cli.command {
        Some(command) => commands::run(&ctx, command, &mut out),
        None if interactive() => {
            drop(out);
            return run_ui(&ctx, &cli, &config);
        }
        None => commands::summary(&ctx, &mut out),
    };
    let flushed = out.flush();
    match result {
        Ok(()) if flushed.is_ok() => ExitCode::SUCCESS,
        Ok(()) => ExitCode::from(1),
        Err(e) => fail(&e.0),
    }
}

/// The UI needs a terminal on both ends; otherwise `aoplan` prints a summary.
fn interactive() -> bool {
    io::stdin().is_terminal() && io::stdout().is_terminal()
}

fn run_ui(ctx: &Context, cli: &Cli, config: &Config) -> ExitCode {
    let launch = tui::Launch {
        path: ctx.path.clone(),
        lang: ctx.lang,
        year: ctx.year,
        read_only: ctx.read_only,
        mouse: config.mouse && !cli.global.no_mouse,
        palette: tui::palette(config.theme),
    };
    match tui::launch(launch) {
        Ok(ended) => {
            if let Some(note) = ended.note {
                eprintln!("aoplan: {note}");
            }
            match ended.exit {
                tui::Exit::Quit => ExitCode::SUCCESS,
                tui::Exit::HangUp => ExitCode::from(129),
                tui::Exit::Signal(sig) => ExitCode::from(128 + sig as u8),
            }
        }
        Err(message) => fail(&message),
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("aoplan: {message}");
    ExitCode::from(1)
}
