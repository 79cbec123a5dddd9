use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use aoplan::cli::{self, Cli};
use aoplan::commands::{self, Done, Failure, Invocation};
use aoplan::config::Config;
use aoplan::i18n::Lang;
use aoplan::output::{EXIT_FAILURE, EXIT_OUTPUT, Tracked};
use aoplan::platform;
use aoplan::storage::{self, Origin};
use aoplan::terminal_safe;
use aoplan::tui;

fn main() -> ExitCode {
    // Like other command-line tools, end quietly when the reader of our output
    // goes away (`aoplan report | head`) instead of reporting a broken pipe.
    platform::end_quietly_on_broken_pipe();
    // The language is known before parsing, so that `--help` and the
    // messages of a bad command line can be in it.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let (config, warning) = Config::load();
    let lang = cli::lang_in_args(&args)
        .or(config.lang)
        .unwrap_or_else(Lang::from_env);
    let zone = platform::local_zone();
    let now = aoplan::timestamp::Timestamp::now();
    let parsed = cli::parse_from(args, lang)
        .and_then(|cli| cli.checked(lang))
        .and_then(|cli| cli.dates_checked(lang, now, &zone));
    let cli = match parsed {
        Ok(cli) => cli,
        // clap quotes arguments as given: where they hold control characters,
        // the message is plain, with those shown as placeholders.
        Err(e) => {
            let status = cli::report_error(e, lang, argv_has_controls());
            return ExitCode::from(u8::try_from(status).unwrap_or(2));
        }
    };
    // The UI shows the warning itself; a command says it on stderr.
    let ui = cli.command.is_none() && platform::interactive();
    if let Some(warning) = warning.as_ref().filter(|_| !ui) {
        say(&lang.warning(&lang.config_warning(warning)));
    }
    let (path, origin) = match storage::resolve(cli.global.file.as_deref(), config.file.as_deref())
    {
        Ok(found) => found,
        Err(storage::NoHome) => return fail(lang.no_home()),
    };
    let ctx = Invocation {
        path,
        lang,
        year: cli.global.year,
        read_only: cli.global.read_only,
        zone,
    };
    // Only the interactive `aoplan` (and `aoplan init`) puts the bundled plan
    // in place; a script that finds no plan is told how to point at one.
    if cli.command.is_none() && origin == Origin::Default && platform::interactive() {
        match storage::install_bundled(&ctx.path) {
            Ok(true) => say(&lang.bundled_installed(&ctx.path.display().to_string(), true)),
            Ok(false) => {}
            Err(e) => {
                return fail(&format!("{}: {}", ctx.path.display(), lang.io_reason(&e)));
            }
        }
    }
    let stdout = io::stdout();
    let mut out = BufWriter::new(Tracked::new(stdout.lock()));
    let result = match &cli.command {
        Some(command) => commands::run(&ctx, command, &mut out),
        // The UI needs a terminal on both ends; otherwise `aoplan` prints a summary.
        None if platform::interactive() => {
            drop(out);
            return run_ui(&ctx, &cli, &config, warning);
        }
        None => commands::summary(&ctx, &mut out).map(|()| Done::Nothing),
    };
    let flushed = out.flush();
    let output_error = out.get_mut().take_error().or(flushed.err());
    finish(result, output_error, lang)
}

/// The exit status, and on stderr what went wrong: a failed output is told
/// apart from a failed command, and after a save says that the change is saved.
fn finish(result: Result<Done, Failure>, output: Option<io::Error>, lang: Lang) -> ExitCode {
    match (result, output) {
        (Ok(_), None) => ExitCode::SUCCESS,
        (Err(e), None) => fail(&e.0),
        (done, Some(error)) => {
            // A command that stopped with an error here stopped because its
            // output failed; commands that save report `Saved` even then.
            if let Ok(Done::Saved(what)) = done {
                say(&lang.saved_anyway(&what));
            }
            say(&lang.output_failed(&error));
            ExitCode::from(EXIT_OUTPUT)
        }
    }
}

/// Whether an argument holds a character that must not reach a terminal raw.
fn argv_has_controls() -> bool {
    std::env::args_os().any(|a| a.to_string_lossy().chars().any(terminal_safe::is_unsafe))
}

/// Runs the UI, which shows the config `warning`; if the UI cannot start, the
/// warning is said on stderr with the reason.
fn run_ui(
    ctx: &Invocation,
    cli: &Cli,
    config: &Config,
    warning: Option<aoplan::i18n::ConfigWarning>,
) -> ExitCode {
    let said = warning
        .as_ref()
        .map(|w| ctx.lang.warning(&ctx.lang.config_warning(w)));
    let launch = tui::Launch {
        path: ctx.path.clone(),
        lang: ctx.lang,
        year: ctx.year,
        read_only: ctx.read_only,
        mouse: config.mouse && !cli.global.no_mouse,
        palette: tui::palette(config.theme),
        zone: ctx.zone.clone(),
        me: config.name.clone(),
        config_warning: warning,
    };
    match tui::launch(launch) {
        Ok(ended) => {
            if let Some(note) = ended.note {
                say(&note);
            }
            match ended.exit {
                tui::Exit::Quit => ExitCode::SUCCESS,
                tui::Exit::HangUp => ExitCode::from(129),
                tui::Exit::Signal(sig) => ExitCode::from(128 + sig as u8),
            }
        }
        Err(message) => {
            if let Some(said) = said {
                say(&said);
            }
            fail(&message)
        }
    }
}

fn fail(message: &str) -> ExitCode {
    say(message);
    ExitCode::from(EXIT_FAILURE)
}

/// Writes "aoplan: MESSAGE" to stderr, with control characters from plan text,
/// paths or arguments shown as placeholders. A failed write to stderr has
/// nowhere to be reported and is ignored (`eprintln!` would panic).
fn say(message: &str) {
    let message = terminal_safe::text(message);
    let _ = writeln!(io::stderr(), "aoplan: {message}");
}
