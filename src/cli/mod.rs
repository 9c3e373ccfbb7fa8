//! The `blast-radius` command line: `check`, `rules`, `explain`.
//!
//! Exit codes: 0 nothing blocking, 1 blocking findings, 2 usage, configuration or I/O error.

pub(crate) mod check;
mod ci_formats;
mod docs;
mod history;
mod output;
mod test_rules;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

pub use check::{CheckReport, FileReport, Problem};
pub use docs::{Examples, reference_page, rules_markdown_table};

#[derive(Parser, Debug)]
#[command(
    name = "blast-radius",
    version,
    about = "Finds high-blast-radius code and makes its review happen"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check files and directories (default: the current directory).
    Check(CheckArgs),
    /// List the rules.
    Rules {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Human)]
        format: ListFormat,
    },
    /// Run the language server on stdin/stdout.
    Server {
        /// Accepted for clients that pass it (stdio is the only transport).
        #[arg(long)]
        stdio: bool,
    },
    /// Print the documentation of a rule.
    Explain {
        /// The rule id, for example `rm-recursive-unguarded`.
        rule: String,
    },
    /// Run your own rules against your own annotated fixtures.
    TestRules {
        /// A directory with rules/<id>.toml, <language>/<id>.scm and fixtures/.
        dir: PathBuf,
    },
}

#[derive(clap::Args, Debug)]
struct CheckArgs {
    /// Files or directories to check; directories are walked honouring .gitignore.
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Use this configuration file instead of the nearest blast-radius.toml.
    #[arg(long)]
    config: Option<PathBuf>,
    /// When to use colour in human output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// Report only findings on lines changed since this git revision (branch, tag or commit).
    #[arg(long, value_name = "REV")]
    diff: Option<String>,
    /// Review gate: exit 1 while a finding at or above `fail-on` has no `reviewed` directive.
    #[arg(long)]
    gate: bool,
    /// With the gate: a review counts only when another author committed the `reviewed`
    /// directive than the one who committed the risky line (by git blame). Implies --gate.
    #[arg(long)]
    four_eyes: bool,
    /// Do not read provenance (git history, AI authorship records).
    #[arg(long)]
    no_provenance: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions annotations.
    Github,
    /// A review checklist for a pull request description.
    Markdown,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Human,
    Json,
    /// A Markdown table, as in the README.
    Markdown,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

/// Runs the command line and returns the exit code.
pub fn main() -> u8 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return if err.use_stderr() { 2 } else { 0 };
        }
    };
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let code = match cli.command {
        Command::Check(args) => {
            let color = match args.color {
                Color::Always => true,
                Color::Never => false,
                Color::Auto => {
                    io::stdout().is_terminal()
                        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                }
            };
            run_check(args, color, &mut out)
        }
        Command::Rules { format } => docs::list(&mut out, format),
        Command::Explain { rule } => docs::explain(&mut out, &rule),
        Command::TestRules { dir } => test_rules::run(&dir, &mut out, &mut io::stderr()),
        Command::Server { .. } => {
            drop(out);
            return crate::lsp::run();
        }
    };
    let _ = out.flush();
    code
}

fn run_check(args: CheckArgs, color: bool, out: &mut dyn Write) -> u8 {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths
    };
    let history = check::HistoryOptions {
        diff: args.diff.clone(),
        four_eyes: args.four_eyes,
        provenance: !args.no_provenance,
    };
    let report = match check::run(&paths, args.config.as_deref(), &history) {
        Ok(report) => report,
        Err(fatal) => {
            let _ = writeln!(io::stderr(), "error: {fatal}");
            return 2;
        }
    };
    let written = match args.format {
        Format::Human => output::human(&report, color, out, &mut io::stderr()),
        Format::Json => output::json(&report, out),
        Format::Sarif => ci_formats::sarif(&report, out),
        Format::Github => ci_formats::github(&report, out),
        Format::Markdown => ci_formats::markdown(&report, out),
    };
    match written {
        // The reader went away (`| head`): what it read stands; nothing to report.
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => {}
        Err(err) => {
            let _ = writeln!(io::stderr(), "error: cannot write the report: {err}");
            return 2;
        }
        Ok(()) => {}
    }
    if args.gate || args.four_eyes {
        let _ = writeln!(io::stderr(), "{}", report.gate_summary(args.four_eyes));
    }
    report.exit_code()
}
