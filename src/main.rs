//! The `playbook` command line: parses arguments, calls the library, prints
//! its findings and maps the outcome to an exit code. No logic lives here.

use clap::{Parser, Subcommand};

// A build allocates many short-lived strings on two threads; mimalloc keeps
// them off glibc's arena locks and page-fault churn (about a fifth of a
// corpus build's time, measured).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use playbook::config::Options;
use playbook::diag::Severity;
use playbook::report::{Format, TaskFormat};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

/// Static site generator and checker for multilingual playbooks.
#[derive(Parser)]
#[command(name = "playbook", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Where the content and its configuration are.
#[derive(clap::Args)]
struct Site {
    /// Content root (default: the current folder).
    #[arg(long, value_name = "DIR")]
    root: Option<PathBuf>,
    /// Config file (default: ROOT/playbook.toml when present).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
}

/// A findings format for `check`.
#[derive(Clone, Copy, clap::ValueEnum)]
enum FormatArg {
    /// Grouped by file, with source lines and carets.
    Human,
    /// `{"diagnostics": [...], "summary": {...}}` (schema in the README).
    Json,
    /// GitHub Actions annotations (`::error file=…`).
    Github,
    /// SARIF 2.1.0 for code-scanning upload.
    Sarif,
}

/// A severity for `check --severity`.
#[derive(Clone, Copy, clap::ValueEnum)]
enum SeverityArg {
    /// Errors only.
    Error,
    /// Errors and warnings.
    Warning,
    /// Every finding.
    Info,
}

/// The rule names `check --code` takes (clap suggests the nearest one).
fn code_names() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(playbook::diag::Code::ALL.iter().map(|c| c.as_str()))
}

/// An output format for `tasks`.
#[derive(Clone, Copy, clap::ValueEnum)]
enum TaskFormatArg {
    /// Aligned columns.
    Table,
    /// A JSON array of entries (schema in the README).
    Json,
    /// CSV with a header row.
    Csv,
}

#[derive(Subcommand)]
enum Command {
    /// Print the task catalog: every task row, by id.
    Tasks {
        #[command(flatten)]
        site: Site,
        /// Only this locale (e.g. `es`).
        #[arg(long, value_name = "L")]
        locale: Option<String>,
        /// Only this task id (e.g. 4060); exit 1 when no row has it.
        #[arg(long, value_name = "N")]
        id: Option<u32>,
        /// Only rows whose page's phase contains this (case and accents ignored).
        #[arg(long, value_name = "TEXT")]
        phase: Option<String>,
        /// Only rows whose role contains this (case and accents ignored).
        #[arg(long, value_name = "TEXT")]
        role: Option<String>,
        /// Only mandatory (`m`) or optional (`o`) rows, or an unrecognised value as written.
        #[arg(long, value_name = "M|O")]
        requirement: Option<String>,
        /// Output format (on stdout).
        #[arg(long, value_enum, default_value = "table")]
        format: TaskFormatArg,
    },
    /// Run every check without writing a site (exit 1 on error-level findings).
    Check {
        #[command(flatten)]
        site: Site,
        /// Output format of the findings (on stdout).
        #[arg(long, value_enum, default_value = "human")]
        format: FormatArg,
        /// Exit 1 on warnings too.
        #[arg(long)]
        deny_warnings: bool,
        /// Also check http(s) links over the network.
        #[arg(long)]
        external: bool,
        /// With --external: seconds the whole network check may take; links
        /// not checked by then are reported (info), not failed.
        #[arg(long, value_name = "SECS", default_value_t = 120.0)]
        external_timeout: f64,
        /// With --format github: annotations per level (GitHub shows 10);
        /// the job summary lists every finding.
        #[arg(long, value_name = "N", default_value_t = playbook::report::MAX_ANNOTATIONS)]
        max_annotations: usize,
        /// Report only these rules (comma-separated or repeated, e.g. broken-link,broken-anchor).
        #[arg(long, value_name = "CODE", value_delimiter = ',', value_parser = code_names(), hide_possible_values = true)]
        code: Vec<String>,
        /// Report only findings at this severity or above.
        #[arg(long, value_enum, value_name = "LEVEL")]
        severity: Option<SeverityArg>,
        /// Report only findings in these files or folders (e.g. the files a
        /// pre-commit hook passes); paths outside the content root name nothing.
        #[arg(value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Preview the site: build it in memory, serve it, rebuild and reload on change.
    Serve {
        #[command(flatten)]
        site: Site,
        /// Port (0: any free port).
        #[arg(long, value_name = "N", default_value_t = playbook::serve::Settings::PORT)]
        port: u16,
        /// Address to listen on (only this machine by default).
        #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        /// Open the site in a browser.
        #[arg(long)]
        open: bool,
    },
    /// Build the site into the output folder (exit 1 if error-level findings).
    Build {
        #[command(flatten)]
        site: Site,
        /// Output folder (default: the config's `out`, else ROOT/public).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Print no report: only fatal errors, and one summary line when
        /// there are findings.
        #[arg(long, short)]
        quiet: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Tasks { site, locale, id, phase, role, requirement, format } => {
            let opts = Options { root: site.root, config: site.config, out: None };
            let filter = playbook::TaskFilter { locale, id, phase, role, requirement };
            match playbook::tasks(&opts, &filter) {
                Ok(list) => {
                    let format = match format {
                        TaskFormatArg::Table => TaskFormat::Table,
                        TaskFormatArg::Json => TaskFormat::Json,
                        TaskFormatArg::Csv => TaskFormat::Csv,
                    };
                    if let Some(why) = &list.missing {
                        err(&format!("error: {why}\n"));
                        return ExitCode::from(1);
                    }
                    out(&playbook::report::tasks(&list.entries, format, playbook::report::terminal_width()));
                    ExitCode::SUCCESS
                }
                Err(e) => fatal(&e),
            }
        }
        Command::Check {
            site,
            format,
            deny_warnings,
            external,
            external_timeout,
            max_annotations,
            code,
            severity,
            files,
        } => {
            let repo = playbook::repo::locate(site.root.as_deref().unwrap_or(std::path::Path::new(".")));
            let opts = Options { root: site.root, config: site.config, out: None };
            let Ok(deadline) = std::time::Duration::try_from_secs_f64(external_timeout) else {
                err("error: --external-timeout must be a number of seconds, 0 or more\n");
                return ExitCode::from(2);
            };
            let checks = playbook::Checks {
                external,
                external_timeout: Some(deadline),
                codes: code.iter().filter_map(|c| playbook::diag::Code::from_name(c)).collect(),
                severity: severity.map(|s| match s {
                    SeverityArg::Error => Severity::Error,
                    SeverityArg::Warning => Severity::Warning,
                    SeverityArg::Info => Severity::Info,
                }),
                files,
            };
            match playbook::check(&opts, &checks) {
                Ok(diags) => {
                    let format = match format {
                        FormatArg::Human => Format::Human,
                        FormatArg::Json => Format::Json,
                        FormatArg::Github => Format::Github,
                        FormatArg::Sarif => Format::Sarif,
                    };
                    let base_uri = repo.base_uri();
                    let settings = playbook::report::Settings {
                        color: std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
                        prefix: &repo.prefix,
                        base_uri: base_uri.as_deref(),
                        max_annotations,
                    };
                    out(&playbook::report::render(&diags, format, &settings));
                    if format == Format::Github {
                        step_summary(&diags, &repo.prefix);
                    }
                    let failing = |d: &&playbook::diag::Diagnostic| {
                        d.severity == Severity::Error || (deny_warnings && d.severity == Severity::Warning)
                    };
                    exit(diags.iter().any(|d| failing(&d)))
                }
                Err(e) => fatal(&e),
            }
        }
        Command::Serve { site, port, bind, open } => {
            let opts = Options { root: site.root, config: site.config, out: None };
            let settings =
                playbook::serve::Settings { port, bind, open, ..playbook::serve::Settings::new(opts) };
            match playbook::serve::run(&settings) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fatal(&e),
            }
        }
        Command::Build { site, out, quiet } => {
            let opts = Options { root: site.root, config: site.config, out };
            match playbook::build(&opts) {
                Ok(outcome) => {
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
                        let built = playbook::messages::text(
                            "built",
                            &[
                                ("pages", outcome.pages.into()),
                                ("locales", outcome.locales.into()),
                                ("out", out.as_str().into()),
                                ("files", outcome.files.into()),
                                ("ms", ms.into()),
                            ],
                        );
                        err(&format!("{built}\n"));
                    } else if !outcome.diagnostics.is_empty() {
                        // Quiet, not silent: one line says that there is something to see.
                        let summary = playbook::report::summary_line(&outcome.diagnostics);
                        err(&format!("{summary}; {}\n", playbook::messages::text("quiet-hint", &[])));
                    }
                    exit(outcome.has_errors())
                }
                Err(e) => fatal(&e),
            }
        }
    }
}

/// Under GitHub Actions (`GITHUB_STEP_SUMMARY` names a file): appends
/// the markdown table of every finding to the job summary; a file that
/// cannot be written is a warning, not a failed check.
fn step_summary(diags: &[playbook::diag::Diagnostic], prefix: &str) {
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
