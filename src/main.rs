use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use clap::Parser;

use aoplan::cli::Cli;
use aoplan::commands::{self, Context};
use aoplan::i18n::Lang;
use aoplan::storage::{self, Origin};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli.global.lang.unwrap_or_else(Lang::from_env);
    let (path, origin) = match storage::resolve(cli.global.file.as_deref()) {
        Ok(found) => found,
        Err(message) => return fail(&message),
    };
    let ctx = Context {
        path,
        lang,
        year: cli.global.year,
        read_only: cli.global.read_only,
    };
    let needs_plan = !matches!(cli.command, Some(aoplan::cli::Command::Path));
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
        None => commands::summary(&ctx, &mut out),
    };
    let flushed = out.flush();
    match result {
        Ok(()) if flushed.is_ok() => ExitCode::SUCCESS,
        Ok(()) => ExitCode::from(1),
        Err(e) => fail(&e.0),
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("aoplan: {message}");
    ExitCode::from(1)
}
