//! The command line: with no arguments, the window on `./captions`.
//! (Skeleton: the report issue grows `report` and `check`.)

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::AtomicBool;

use clap::{Parser, Subcommand};

use crate::corpus::load::load_folder;

#[derive(Debug, Parser)]
#[command(name = "caption-provenance", version, about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the window on a captions folder.
    Open { path: PathBuf },
    /// Write a report on a captions folder.
    Report {
        path: PathBuf,
        #[arg(long, default_value = "json")]
        format: String,
    },
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None => run_window(PathBuf::from("captions")),
        Some(Command::Open { path }) => run_window(path),
        Some(Command::Report { path, format: _ }) => {
            let cancel = AtomicBool::new(false);
            match load_folder(&path, &|_| {}, &cancel) {
                Ok(corpus) => match serde_json::to_string_pretty(&corpus) {
                    Ok(json) => {
                        println!("{json}");
                        ExitCode::SUCCESS
                    }
                    Err(e) => {
                        eprintln!("caption-provenance: {e}");
                        ExitCode::from(2)
                    }
                },
                Err(e) => {
                    eprintln!("caption-provenance: {e}");
                    ExitCode::from(2)
                }
            }
        }
    }
}

fn run_window(path: PathBuf) -> ExitCode {
    match crate::ui::run(path) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("caption-provenance: could not open the window: {e}");
            ExitCode::from(2)
        }
    }
}
