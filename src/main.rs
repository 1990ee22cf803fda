//! The `playbook` command line: parses arguments (`playbook::cli`), calls
//! the library, prints its findings and maps the outcome to an exit code.
//! No logic lives here.

// A build allocates many short-lived strings on two threads; mimalloc keeps
// them off glibc's arena locks and page-fault churn (about a fifth of a
// corpus build's time, measured).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use clap::Parser;
use playbook::cli::{Cli, Command, Site};
use playbook::config::Options;
use playbook::diag::{Diagnostic, Severity};
use playbook::messages::text;
use playbook::report::Format;
use std::io::IsTerminal;
use std::process::ExitCode;

fn main() -> ExitCode {
    match Cli::parse().command {
        Command::Init { dir, locales } => init(dir, &locales),
        Command::Serve { site, port, bind, open } => {
            let settings = playbook::serve::Settings {
                port,
                bind,
                open,
                ..playbook::serve::Settings::new(options(site, None))
            };
            match playbook::serve::run(&settings) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fatal(&e),
            }
        }
        Command::Build { site, out, quiet, check_output } => build(&options(site, out), quiet, check_output),
        Command::Check {
            site,
            format,
            deny_warnings,
            built,
            external,
            external_timeout,
            max_annotations,
            code,
            severity,
            files,
        } => {
            let Ok(deadline) = std::time::Duration::try_from_secs_f64(external_timeout) else {
                err("error: --external-timeout must be a number of seconds, 0 or more\n");
                return ExitCode::from(2);
            };
            let checks = playbook::Checks {
                external,
                external_timeout: Some(deadline),
                codes: code.iter().filter_map(|c| playbook::diag::Code::from_name(c)).collect(),
                severity: severity.map(Severity::from),
                files,
            };
            let report = Report { format: format.into(), deny_warnings, max_annotations };
            check(&site, built.as_deref(), &checks, &report)
        }
        Command::Tasks { site, locale, id, phase, role, requirement, format } => {
            let filter = playbook::TaskFilter { locale, id, phase, role, requirement };
            match playbook::tasks(&options(site, None), &filter) {
                Ok(list) => {
                    if let Some(why) = &list.missing {
                        err(&format!("error: {why}\n"));
                        return ExitCode::from(1);
                    }
                    let width = playbook::report::terminal_width();
                    out(&playbook::report::tasks(&list.entries, format.into(), width));
                    ExitCode::SUCCESS
                }
                Err(e) => fatal(&e),
            }
        }
        Command::Clean { site, out } => match playbook::clean(&options(site, out)) {
            Ok(removed) => {
                for path in &removed {
                    err(&format!(
                        "{}\n",
                        text("removed", &[("out", path.display().to_string().as_str().into())])
                    ));
                }
                if removed.is_empty() {
                    err(&format!("{}\n", text("nothing-removed", &[])));
                }
                ExitCode::SUCCESS
            }
            Err(e) => fatal(&e),
        },
        Command::Help { command } => match playbook::cli::help(command.as_deref()) {
            Ok(help) => {
                out(&help);
                ExitCode::SUCCESS
            }
            Err(why) => {
                err(&format!("error: {why}\n"));
                ExitCode::from(2)
            }
        },
        Command::Completions { shell } => {
            use std::io::Write as _;
            let _ = std::io::stdout().lock().write_all(&playbook::cli::completions(shell));
            ExitCode::SUCCESS
        }
    }
}

fn options(site: Site, out: Option<std::path::PathBuf>) -> Options {
    Options { root: site.root, config: site.config, out }
}

/// `playbook init`: writes the playbook and says what to do next.
fn init(dir: Option<std::path::PathBuf>, locales: &[String]) -> ExitCode {
    let dir = dir.unwrap_or_else(|| ".".into());
    match playbook::init::init(&dir, locales) {
        Ok(written) => {
            let (out, list) = (dir.display().to_string(), written.join(", "));
            let args = [
                ("out", out.as_str().into()),
                ("files", written.len().into()),
                ("list", list.as_str().into()),
            ];
            err(&format!("{}\n", text("init-done", &args)));
            err(&format!("{}\n", text("init-next", &[("out", out.as_str().into())])));
            ExitCode::SUCCESS
        }
        Err(e) => fatal(&e),
    }
}

/// `playbook build [--check-output]`.
fn build(opts: &Options, quiet: bool, check_output: bool) -> ExitCode {
    let built = if check_output { playbook::build_and_check(opts) } else { playbook::build(opts) };
    let outcome = match built {
        Ok(outcome) => outcome,
        Err(e) => return fatal(&e),
    };
    if !quiet {
        for warning in &outcome.warnings {
            err(&format!("warning: {warning}\n"));
        }
        err(&playbook::report::human(&outcome.diagnostics, color()));
        for note in &outcome.notes {
            err(&format!("info: {note}\n"));
        }
        let out = outcome.out.display().to_string();
        let ms = usize::try_from(outcome.elapsed.as_millis()).unwrap_or(usize::MAX);
        let args = [
            ("pages", outcome.pages.into()),
            ("locales", outcome.locales.into()),
            ("out", out.as_str().into()),
            ("files", outcome.files.into()),
            ("ms", ms.into()),
        ];
        err(&format!("{}\n", text("built", &args)));
    } else if !outcome.diagnostics.is_empty() {
        // Quiet, not silent: one line says that there is something to see.
        let summary = playbook::report::summary_line(&outcome.diagnostics);
        err(&format!("{summary}; {}\n", text("quiet-hint", &[])));
    }
    exit(outcome.has_errors())
}

/// How `check` reports.
struct Report {
    format: Format,
    deny_warnings: bool,
    max_annotations: usize,
}

/// `playbook check`, of the content or (`--site OUT`) of a built site.
fn check(
    site: &Site,
    built: Option<&std::path::Path>,
    checks: &playbook::Checks,
    report: &Report,
) -> ExitCode {
    let opts = options(site.clone(), None);
    let (diags, repo) = match built {
        Some(out) => match playbook::check_site(&opts, out, checks) {
            Ok((diags, checked)) => {
                if report.format == Format::Human {
                    let args = [("pages", checked.pages.into()), ("links", checked.links.into())];
                    err(&format!("{}\n", text("site-checked", &args)));
                }
                // Files are named from OUT.
                (diags, playbook::repo::locate(out))
            }
            Err(e) => return fatal(&e),
        },
        None => match playbook::check(&opts, checks) {
            Ok(diags) => {
                (diags, playbook::repo::locate(site.root.as_deref().unwrap_or(std::path::Path::new("."))))
            }
            Err(e) => return fatal(&e),
        },
    };
    let base_uri = repo.base_uri();
    let settings = playbook::report::Settings {
        color: std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        prefix: &repo.prefix,
        base_uri: base_uri.as_deref(),
        max_annotations: report.max_annotations,
    };
    out(&playbook::report::render(&diags, report.format, &settings));
    if report.format == Format::Github {
        step_summary(&diags, &repo.prefix);
    }
    let failing = |d: &Diagnostic| {
        d.severity == Severity::Error || (report.deny_warnings && d.severity == Severity::Warning)
    };
    exit(diags.iter().any(failing))
}

/// Under GitHub Actions (`GITHUB_STEP_SUMMARY` names a file): appends
/// the markdown table of every finding to the job summary; a file that
/// cannot be written is a warning, not a failed check.
fn step_summary(diags: &[Diagnostic], prefix: &str) {
    use std::io::Write as _;
    let Some(path) = std::env::var_os("GITHUB_STEP_SUMMARY").filter(|p| !p.is_empty()) else { return };
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    let blob = match (var("GITHUB_SERVER_URL"), var("GITHUB_REPOSITORY"), var("GITHUB_SHA")) {
        (Some(server), Some(repository), Some(sha)) => {
            Some(playbook::report::Blob { server, repository, sha })
        }
        _ => None,
    };
    let text = playbook::report::step_summary(diags, prefix, blob.as_ref());
    let written = std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(&path)
        .and_then(|mut f| f.write_all(text.as_bytes()));
    if let Err(e) = written {
        err(&format!(
            "warning: cannot write the job summary to {}: {e}\n",
            std::path::Path::new(&path).display()
        ));
    }
}

/// Writes a report to stdout. A closed pipe (`playbook check | head`) is
/// not an error worth a panic: the reader has what it wanted.
fn out(text: &str) {
    use std::io::Write as _;
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush());
}

/// Writes to stderr, ignoring a closed stream like `out`.
fn err(text: &str) {
    use std::io::Write as _;
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

/// Colours on a terminal, unless `NO_COLOR` is set.
fn color() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

fn exit(findings: bool) -> ExitCode {
    if findings { ExitCode::from(1) } else { ExitCode::SUCCESS }
}

/// Prints a fatal error with its cause chain; exit code 2.
fn fatal(e: &playbook::error::Error) -> ExitCode {
    let message = e.to_string();
    err(&format!("error: {message}\n"));
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        let cause = s.to_string();
        // `Error` messages already end with their direct cause.
        if !message.contains(&cause) {
            err(&format!("  caused by: {cause}\n"));
        }
        source = s.source();
    }
    ExitCode::from(2)
}
