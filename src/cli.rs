//! The command line as clap reads it: the commands in the order a writer
//! meets them (init, serve, build, check, tasks, clean, completions), their
//! flags, and the values they turn into for the library. `main.rs` runs
//! them; `completions` writes shell completions from this very definition.
//!
//! Must not do anything but describe arguments.

use crate::diag::{Code, Severity};
use crate::report::{Format, TaskFormat};
use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// Static site generator and checker for multilingual playbooks.
#[derive(Debug, Parser)]
// Our own `help` command: clap's says "subcommand(s)".
#[command(name = "playbook", version, about, propagate_version = true, disable_help_subcommand = true)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Where the content and its configuration are.
#[derive(Debug, Clone, clap::Args)]
pub struct Site {
    /// Content root (default: the current folder).
    #[arg(long, value_name = "DIR", value_hint = clap::ValueHint::DirPath)]
    pub root: Option<PathBuf>,
    /// Config file (default: ROOT/playbook.toml when present).
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub config: Option<PathBuf>,
}

/// A findings format for `check`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum FormatArg {
    /// Grouped by file, with source lines and carets.
    Human,
    /// `{"diagnostics": [...], "summary": {...}}` (schema in the README).
    Json,
    /// GitHub Actions annotations (`::error file=…`) and the job summary.
    Github,
    /// SARIF 2.1.0 for code-scanning upload.
    Sarif,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Human => Format::Human,
            FormatArg::Json => Format::Json,
            FormatArg::Github => Format::Github,
            FormatArg::Sarif => Format::Sarif,
        }
    }
}

/// A severity for `check --severity`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum SeverityArg {
    /// Errors only.
    Error,
    /// Errors and warnings.
    Warning,
    /// Every finding.
    Info,
}

impl From<SeverityArg> for Severity {
    fn from(s: SeverityArg) -> Severity {
        match s {
            SeverityArg::Error => Severity::Error,
            SeverityArg::Warning => Severity::Warning,
            SeverityArg::Info => Severity::Info,
        }
    }
}

/// An output format for `tasks`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum TaskFormatArg {
    /// Aligned columns, as wide as the terminal.
    Table,
    /// A JSON array of entries (schema in the README).
    Json,
    /// CSV with a header row.
    Csv,
}

impl From<TaskFormatArg> for TaskFormat {
    fn from(f: TaskFormatArg) -> TaskFormat {
        match f {
            TaskFormatArg::Table => TaskFormat::Table,
            TaskFormatArg::Json => TaskFormat::Json,
            TaskFormatArg::Csv => TaskFormat::Csv,
        }
    }
}

/// A shell for `completions`.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ShellArg {
    /// Bash.
    Bash,
    /// Zsh.
    Zsh,
    /// Fish.
    Fish,
    /// PowerShell.
    Powershell,
}

/// The rule names `check --code` takes (clap suggests the nearest one).
fn code_names() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(Code::ALL.iter().map(|c| c.as_str()))
}

/// The commands, in the order a writer meets them.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Start a new playbook: two pages per locale, a task table, a toc and playbook.toml.
    Init {
        /// Folder to create it in (default: the current folder); files already there are never overwritten.
        #[arg(value_name = "DIR", value_hint = clap::ValueHint::DirPath)]
        dir: Option<PathBuf>,
        /// Its languages, as BCP 47 tags, the default first.
        #[arg(long, value_name = "TAGS", value_delimiter = ',', default_value = "en")]
        locales: Vec<String>,
    },
    /// Preview the site: build it in memory, serve it, rebuild and reload on change.
    Serve {
        /// Content root and config.
        #[command(flatten)]
        site: Site,
        /// Port (0: any free port).
        #[arg(long, value_name = "N", default_value_t = crate::serve::Settings::PORT)]
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
        /// Content root and config.
        #[command(flatten)]
        site: Site,
        /// Output folder (default: the config's `out`, else ROOT/public).
        #[arg(long, value_name = "DIR", value_hint = clap::ValueHint::DirPath)]
        out: Option<PathBuf>,
        /// Print no report: only fatal errors, and one summary line when there are findings.
        #[arg(long, short)]
        quiet: bool,
        /// Then check every link of the built site (as `check --site OUT`).
        #[arg(long)]
        check_output: bool,
    },
    /// Run every check without writing a site (exit 1 on error-level findings).
    Check {
        /// Content root and config.
        #[command(flatten)]
        site: Site,
        /// Output format of the findings (on stdout).
        #[arg(long, value_enum, default_value = "human")]
        format: FormatArg,
        /// Exit 1 on warnings too.
        #[arg(long)]
        deny_warnings: bool,
        /// Check a built site instead: every href/src of OUT must lead to a file or id of it.
        #[arg(long = "site", value_name = "OUT", value_hint = clap::ValueHint::DirPath, conflicts_with = "external")]
        built: Option<PathBuf>,
        /// Also check http(s) links over the network.
        #[arg(long)]
        external: bool,
        /// With --external: seconds the whole network check may take; links
        /// not checked by then are reported (info), not failed.
        #[arg(long, value_name = "SECS", default_value_t = 120.0)]
        external_timeout: f64,
        /// With --format github: annotations per level (GitHub shows 10);
        /// the job summary lists every finding.
        #[arg(long, value_name = "N", default_value_t = crate::report::MAX_ANNOTATIONS)]
        max_annotations: usize,
        /// Report only these rules (comma-separated or repeated, e.g. broken-link,broken-anchor).
        #[arg(long, value_name = "CODE", value_delimiter = ',', value_parser = code_names(), hide_possible_values = true)]
        code: Vec<String>,
        /// Report only findings at this severity or above.
        #[arg(long, value_enum, value_name = "LEVEL")]
        severity: Option<SeverityArg>,
        /// Report only findings in these files or folders (e.g. the files a
        /// pre-commit hook passes); paths outside the content root name nothing.
        #[arg(value_name = "FILE", value_hint = clap::ValueHint::AnyPath, conflicts_with = "built")]
        files: Vec<PathBuf>,
    },
    /// Print the task catalog: every task row, by id.
    Tasks {
        /// Content root and config.
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
    /// Remove the output folder and playbook's cache beside it.
    Clean {
        /// Content root and config.
        #[command(flatten)]
        site: Site,
        /// Output folder (default: the config's `out`, else ROOT/public).
        #[arg(long, value_name = "DIR", value_hint = clap::ValueHint::DirPath)]
        out: Option<PathBuf>,
    },
    /// Print shell completions (e.g. `playbook completions bash > /etc/bash_completion.d/playbook`).
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: ShellArg,
    },
    /// Print this help, or a command's (`playbook help build`, as `playbook build --help`).
    Help {
        /// The command.
        #[arg(value_name = "COMMAND")]
        command: Option<String>,
    },
}

impl Command {
    /// The names of the commands, in the order `--help` lists them.
    pub fn names() -> Vec<String> {
        use clap::CommandFactory;
        Cli::command().get_subcommands().map(|c| c.get_name().to_string()).collect()
    }
}

/// The long help of `command` (of playbook without one); `Err`: no such
/// command, with the commands there are.
pub fn help(command: Option<&str>) -> Result<String, String> {
    use clap::CommandFactory;
    let mut cli = Cli::command();
    cli.build();
    let target = match command {
        None => &mut cli,
        Some(name) => match cli.find_subcommand_mut(name) {
            Some(c) => c,
            None => {
                return Err(format!("no command `{name}`: the commands are {}", Command::names().join(", ")));
            }
        },
    };
    Ok(target.render_long_help().to_string())
}

/// The shell completion script for `shell`.
pub fn completions(shell: ShellArg) -> Vec<u8> {
    use clap::CommandFactory;
    use clap_complete::Shell;
    let shell = match shell {
        ShellArg::Bash => Shell::Bash,
        ShellArg::Zsh => Shell::Zsh,
        ShellArg::Fish => Shell::Fish,
        ShellArg::Powershell => Shell::PowerShell,
    };
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "playbook", &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_definition_is_consistent_and_lists_commands_in_the_order_of_use() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
        assert_eq!(
            Command::names(),
            ["init", "serve", "build", "check", "tasks", "clean", "completions", "help"]
        );
        let build = help(Some("build")).unwrap();
        assert!(build.contains("Usage: playbook build") && build.contains("--check-output"), "{build}");
        assert!(help(None).unwrap().contains("Usage: playbook <COMMAND>"));
        assert!(help(Some("bild")).unwrap_err().contains("the commands are init, serve, build"));
    }
}
