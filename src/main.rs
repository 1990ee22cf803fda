//! The `playbook` command line: parses arguments, calls the library, prints
//! its findings and maps the outcome to an exit code. No logic lives here.

use clap::{Parser, Subcommand};
use playbook::config::Options;
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

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (exit 1 if error-level findings).
    Build {
        #[command(flatten)]
        site: Site,
        /// Output folder (default: the config's `out`, else ROOT/public).
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
        /// Print only errors, not findings or the summary line.
        #[arg(long, short)]
        quiet: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build { site, out, quiet } => {
            let opts = Options { root: site.root, config: site.config, out };
            match playbook::build(&opts) {
                Ok(outcome) => {
                    if !quiet {
                        eprint!("{}", playbook::report::human(&outcome.diagnostics, color()));
                        eprintln!(
                            "built {} pages in {} locales into {} ({} files, {} ms)",
                            outcome.pages,
                            outcome.locales,
                            outcome.out.display(),
                            outcome.files,
                            outcome.elapsed.as_millis()
                        );
                    }
                    exit(outcome.has_errors())
                }
                Err(e) => fatal(&e),
            }
        }
    }
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
    eprintln!("error: {e}");
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        eprintln!("  caused by: {s}");
        source = s.source();
    }
    ExitCode::from(2)
}
