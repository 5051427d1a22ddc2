//! The save chooser's rules (`file_chooser`): the name gets the chosen
//! format's extension when it has no report extension of its own, a folder's
//! name goes into the folder, and an existing file is replaced only after
//! "Replace it?".

use std::path::Path;

use crate::report::ReportFormat;

use super::chooser_listing::is_report_name;
use super::commands::Command;
use super::file_chooser::{After, Chooser, SUGGESTED_REPORT_NAME};

impl Chooser {
    /// The format the name asks for, else the one chosen.
    pub(super) fn format(&self) -> ReportFormat {
        ReportFormat::from_path(Path::new(self.name.trim())).unwrap_or(self.format)
    }

    /// Saves under the Name field in the folder listed, asking first before
    /// replacing a file there.
    pub(super) fn save(&mut self, requests: &mut u64, commands: &mut Vec<Command>) -> After {
        let name = self.name.trim().to_owned();
        if name.is_empty() {
            self.problem = Some("Type a name for the report.".into());
            return After::Stay;
        }
        if name.contains(std::path::is_separator) {
            self.problem = Some("A file name cannot hold a folder separator.".into());
            return After::Stay;
        }
        let name = if is_report_name(&name) {
            name
        } else {
            format!("{name}.{}", self.format.name())
        };
        self.name = name.clone();
        let existing = match &self.listing {
            Some(Ok(entries)) => entries
                .iter()
                .find(|e| same_name(&e.name, &name))
                .map(|e| (e.path.clone(), e.is_folder)),
            Some(Err(reason)) => {
                self.problem = Some(format!("Cannot save here: {reason}."));
                return After::Stay;
            }
            None => {
                self.problem = Some("The folder is still being read.".into());
                return After::Stay;
            }
        };
        match existing {
            Some((folder, true)) => {
                commands.push(Command::ListFolder(self.go_to(&folder, requests)));
                After::Stay
            }
            Some((file, false)) => {
                self.replacing = Some(file);
                After::Stay
            }
            None => {
                commands.push(Command::SaveReport(self.folder.join(name)));
                After::Close
            }
        }
    }
}

/// Whether two names are one file here (ignoring case where the file
/// system usually does).
fn same_name(a: &str, b: &str) -> bool {
    a == b || (cfg!(any(windows, target_os = "macos")) && a.to_lowercase() == b.to_lowercase())
}

/// `name` with the extension of `format` (added when it has no report extension).
pub(super) fn with_format(name: &str, format: ReportFormat) -> String {
    let name = name.trim();
    if name.is_empty() {
        return with_format(SUGGESTED_REPORT_NAME, format);
    }
    if is_report_name(name) {
        Path::new(name)
            .with_extension(format.name())
            .to_string_lossy()
            .into_owned()
    } else {
        format!("{name}.{}", format.name())
    }
}
