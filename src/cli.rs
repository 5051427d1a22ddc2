//! The command line: with no arguments, the window on `./captions`;
//! `open PATH`, `report PATH`, `check PATH`, `eval PATH` otherwise.
//!
//! Every error is one line on stderr (`caption-provenance: ...`) and a
//! non-zero exit code (see [`crate::exit_codes`]); a progress bar shows on
//! stderr while loading, only when stderr is a terminal.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};

use crate::analysis::{Analysis, analyze};
use crate::atomic_write::Overwrite;
use crate::corpus::load::{LoadError, LoadProgress, load_folder};
use crate::corpus::{Corpus, Problem, ProblemKind, ProblemSeverity};
use crate::exit_codes;
use crate::report::check::CheckResult;
use crate::report::escape::{escape_terminal, escape_terminal_json};
use crate::report::save::{SaveError, report_text, write_report_file};
use crate::report::{ReportError, ReportFormat, ReportOptions};
use crate::review::{REVIEW_FILE, Review};

const NAME: &str = "caption-provenance";

#[derive(Debug, Parser)]
#[command(name = "caption-provenance", version, about)]
pub struct Cli {
    /// Print only errors.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Also print every loading problem and what was written.
    #[arg(short, long, global = true)]
    pub verbose: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the window on a captions folder.
    Open {
        /// The captions folder.
        #[arg(value_name = "FOLDER")]
        path: PathBuf,
    },
    /// Write a provenance report on a captions folder.
    Report {
        /// The captions folder.
        #[arg(value_name = "FOLDER")]
        path: PathBuf,
        /// The file to write; "-" or none: standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// The format; by default from the file's extension (JSON on standard output).
        #[arg(long, value_enum)]
        format: Option<FormatArg>,
        /// Replace the output file if it exists.
        #[arg(long)]
        force: bool,
        /// Leave the time out, so the same folder always gives the same report.
        #[arg(long)]
        no_timestamp: bool,
        /// Diff every caption against this outlet (or file name) instead of the first.
        #[arg(long, value_name = "OUTLET")]
        base: Option<String>,
    },
    /// List the conflicts; exit 0 when none is open (none, or all marked
    /// "not an error" with no value shown since that the verdict did not
    /// judge), 1 when some are, 2 on error, 3 when nothing could be checked
    /// (no caption could be read).
    Check {
        /// The captions folder.
        #[arg(value_name = "FOLDER")]
        path: PathBuf,
        /// Print the conflicts as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Measure the findings against each photo folder's `expected.toml`
    /// (the errors a person labelled, and the differences that are not
    /// errors): errors found / expected, unexpected and false findings, and
    /// what was missed. Exit 0 when it ran.
    Eval {
        /// The folder of photo folders, each with its `expected.toml`.
        #[arg(value_name = "FOLDER")]
        path: PathBuf,
        /// Print the measurement as JSON.
        #[arg(long)]
        json: bool,
    },
}

/// Report formats on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Html,
    #[value(alias = "markdown")]
    Md,
    Json,
}

impl From<FormatArg> for ReportFormat {
    fn from(format: FormatArg) -> Self {
        match format {
            FormatArg::Html => ReportFormat::Html,
            FormatArg::Md => ReportFormat::Markdown,
            FormatArg::Json => ReportFormat::Json,
        }
    }
}

/// Why a command failed; each shows as one line.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{0}: no such folder")]
    NoFolder(PathBuf),
    #[error("{0}: not a folder")]
    NotAFolder(PathBuf),
    #[error("{1}")]
    Load(PathBuf, LoadError),
    #[error(transparent)]
    Report(#[from] ReportError),
    #[error(
        "cannot tell the format of {0} from its extension: name it .html, .md or .json, or add --format"
    )]
    UnknownFormat(PathBuf),
    #[error("{0} already exists: add --force to replace it")]
    Exists(PathBuf),
    #[error("could not write {0}: {1}")]
    Write(PathBuf, io::Error),
    #[error("could not write to standard output: {0}")]
    Stdout(io::Error),
    #[error("could not render the report: {0}")]
    Render(#[from] serde_json::Error),
    #[error(transparent)]
    Save(SaveError),
    #[error("could not open the window: {0}")]
    Window(String),
}

/// How chatty to be on stderr.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verbosity {
    Quiet,
    Normal,
    Verbose,
}

/// The binary's entry point.
pub fn main() -> ExitCode {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string().replace('\n', " ");
        eprintln!("{NAME}: internal error (please report it): {message}");
    }));
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return clap_error(&e),
    };
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("{NAME}: {}", escape_terminal(&e.to_string()));
            ExitCode::from(exit_codes::ERROR)
        }
    }
}

/// Help and version go to stdout with success; a usage error is one line.
fn clap_error(e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        // Nothing useful to do if printing help itself fails.
        let _ = e.print();
        return ExitCode::from(exit_codes::SUCCESS);
    }
    let rendered = e.render().to_string();
    let first = rendered
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("invalid arguments");
    let first = first.strip_prefix("error: ").unwrap_or(first);
    // clap lists what is missing on the lines after its first; name it.
    let missing: Vec<&str> = if e.kind() == ErrorKind::MissingRequiredArgument {
        rendered
            .lines()
            .skip_while(|l| l.trim().is_empty())
            .skip(1)
            .take_while(|l| l.starts_with("  "))
            .map(str::trim)
            .collect()
    } else {
        Vec::new()
    };
    let first = if missing.is_empty() {
        first.to_string()
    } else {
        format!("{} {}", first.trim_end_matches(':'), missing.join(", "))
            .replace("not provided", "missing:")
    };
    eprintln!("{NAME}: {} (see --help)", escape_terminal(&first));
    ExitCode::from(exit_codes::ERROR)
}

/// Runs a parsed command line; the exit code on success.
pub fn run(cli: Cli) -> Result<u8, CliError> {
    let verbosity = if cli.quiet {
        Verbosity::Quiet
    } else if cli.verbose {
        Verbosity::Verbose
    } else {
        Verbosity::Normal
    };
    match cli.command {
        None => run_window(PathBuf::from("captions")),
        Some(Command::Open { path }) => run_window(path),
        Some(Command::Report {
            path,
            output,
            format,
            force,
            no_timestamp,
            base,
        }) => {
            let target = output.filter(|o| o.as_os_str() != "-");
            let format = match (format, &target) {
                (Some(f), _) => f.into(),
                (None, None) => ReportFormat::Json,
                (None, Some(file)) => ReportFormat::from_path(file)
                    .ok_or_else(|| CliError::UnknownFormat(file.clone()))?,
            };
            if let Some(file) = &target
                && !force
                && file.exists()
            {
                return Err(CliError::Exists(file.clone()));
            }
            let loaded = load(&path, verbosity)?;
            let options = ReportOptions {
                base,
                generated_at: (!no_timestamp).then(chrono::Utc::now),
                ..ReportOptions::default()
            };
            let text = report_text(
                &loaded.corpus,
                &loaded.analysis,
                &loaded.review,
                format,
                &options,
            )
            .map_err(|e| match e {
                SaveError::Report(e) => CliError::Report(e),
                other => CliError::Save(other),
            })?;
            match target {
                None => write_stdout(text.as_bytes())?,
                Some(file) => {
                    write_report(&file, text.as_bytes(), force)?;
                    if verbosity == Verbosity::Verbose {
                        eprintln!("{NAME}: wrote {} ({})", file.display(), format.name());
                    }
                }
            }
            Ok(exit_codes::SUCCESS)
        }
        Some(Command::Check { path, json }) => {
            let loaded = load(&path, verbosity)?;
            let result =
                CheckResult::from_analysis(&loaded.corpus, &loaded.analysis, &loaded.review);
            let text = if json {
                let mut text = serde_json::to_string_pretty(&result)?;
                text.push('\n');
                escape_terminal_json(&text)
            } else {
                escape_terminal(&result.lines())
            };
            write_stdout(text.as_bytes())?;
            if loaded.corpus.photos.iter().all(|p| p.variants.is_empty()) {
                if verbosity != Verbosity::Quiet {
                    eprintln!(
                        "{NAME}: nothing could be checked: no caption in {} could be read",
                        escape_terminal(&crate::corpus::shown_path(&path))
                    );
                }
                return Ok(exit_codes::NOTHING_CHECKED);
            }
            if verbosity != Verbosity::Quiet && !json {
                let others = match result.findings.len() {
                    0 => String::new(),
                    1 => " and 1 other finding".to_string(),
                    n => format!(" and {n} other findings"),
                };
                let stale = match result.needing_review() {
                    0 => String::new(),
                    1 => "; 1 verdict needs review (values changed since it was given)".to_string(),
                    n => {
                        format!("; {n} verdicts need review (values changed since they were given)")
                    }
                };
                eprintln!(
                    "{NAME}: {} conflict{}{others} in {} photo{}{stale}",
                    result.conflicts.len(),
                    if result.conflicts.len() == 1 { "" } else { "s" },
                    result.photos,
                    if result.photos == 1 { "" } else { "s" }
                );
            }
            Ok(if result.open_conflicts() == 0 {
                exit_codes::SUCCESS
            } else {
                exit_codes::CONFLICTS
            })
        }
        Some(Command::Eval { path, json }) => {
            let loaded = load(&path, verbosity)?;
            let evaluation = crate::eval::evaluate(&loaded.corpus, &loaded.analysis);
            let text = if json {
                let mut text = serde_json::to_string_pretty(&evaluation)?;
                text.push('\n');
                escape_terminal_json(&text)
            } else {
                escape_terminal(&evaluation.to_text())
            };
            write_stdout(text.as_bytes())?;
            Ok(exit_codes::SUCCESS)
        }
    }
}

#[cfg(feature = "gui")]
fn run_window(path: PathBuf) -> Result<u8, CliError> {
    crate::ui::run(path).map_err(|e| CliError::Window(e.to_string()))?;
    Ok(exit_codes::SUCCESS)
}

/// Built without the `gui` feature (only fuzz/ does that): no window.
#[cfg(not(feature = "gui"))]
fn run_window(path: PathBuf) -> Result<u8, CliError> {
    Err(CliError::Window(format!(
        "cannot open {}: built without the window (feature `gui`)",
        path.display()
    )))
}

/// A loaded folder, analysed, with its verdicts.
struct Loaded {
    corpus: Corpus,
    analysis: Analysis,
    review: Review,
}

fn load(path: &Path, verbosity: Verbosity) -> Result<Loaded, CliError> {
    if !path.exists() {
        return Err(CliError::NoFolder(path.to_path_buf()));
    }
    if !path.is_dir() {
        return Err(CliError::NotAFolder(path.to_path_buf()));
    }
    let bar = (verbosity != Verbosity::Quiet && io::stderr().is_terminal()).then(|| {
        let bar = ProgressBar::new(0);
        if let Ok(style) = ProgressStyle::with_template("loading {bar:30} {pos}/{len} files") {
            bar.set_style(style);
        }
        bar
    });
    let progress = |p: LoadProgress| {
        if let Some(bar) = &bar {
            bar.set_length(p.total as u64);
            bar.set_position(p.done as u64);
        }
    };
    let cancel = AtomicBool::new(false);
    let loaded = load_folder(path, &progress, &cancel);
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let mut corpus = loaded.map_err(|e| CliError::Load(path.to_path_buf(), e))?;
    let review = Review::load(path).unwrap_or_else(|e| {
        corpus.problems.push(Problem {
            path: PathBuf::from(REVIEW_FILE),
            reason: format!("the reviewer's verdicts were not read: {e}"),
            line: None,
            severity: ProblemSeverity::Warning,
            kind: ProblemKind::Syntax,
        });
        Review::default()
    });
    let analysis = analyze(&corpus);
    let problems = corpus
        .problems
        .iter()
        .filter(|p| p.severity != ProblemSeverity::Note)
        .count();
    match verbosity {
        Verbosity::Quiet => {}
        Verbosity::Normal if problems > 0 => eprintln!(
            "{NAME}: {problems} file problem{} while loading {} (listed in the report; --verbose shows them)",
            if problems == 1 { "" } else { "s" },
            escape_terminal(&crate::corpus::shown_path(path))
        ),
        Verbosity::Normal => {}
        Verbosity::Verbose => {
            let variants: usize = corpus.photos.iter().map(|p| p.variants.len()).sum();
            eprintln!(
                "{NAME}: loaded {} photos, {variants} variants, {} files from {}",
                corpus.photos.len(),
                corpus.inputs.len(),
                path.display()
            );
            for p in &corpus.problems {
                let line = p.line.map_or_else(String::new, |l| format!(":{l}"));
                eprintln!(
                    "{NAME}: {}{line}: {}",
                    escape_terminal(&crate::corpus::shown_path(&p.path)),
                    escape_terminal(&p.reason)
                );
            }
        }
    }
    Ok(Loaded {
        corpus,
        analysis,
        review,
    })
}

fn write_stdout(bytes: &[u8]) -> Result<(), CliError> {
    let mut stdout = io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Ok(()) => Ok(()),
        // The reader went away (`| head`): not an error worth a message.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(CliError::Stdout(e)),
    }
}

/// Writes the report atomically; an existing file only with `force`.
pub fn write_report(file: &Path, bytes: &[u8], force: bool) -> Result<(), CliError> {
    let overwrite = if force {
        Overwrite::Allow
    } else {
        Overwrite::Refuse
    };
    write_report_file(file, bytes, overwrite).map_err(|e| match e {
        SaveError::Exists(path) => CliError::Exists(path),
        SaveError::Write(path, e) => CliError::Write(path, e),
        other => CliError::Save(other),
    })
}
