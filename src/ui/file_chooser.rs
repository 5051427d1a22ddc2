//! The window's own folder and save chooser, for desktops where the system
//! dialog cannot open (no desktop portal, no zenity), or when the user asks
//! for it. This file is its state and what each key and click does; drawing
//! is in `file_chooser_ui`, the listing's rules in `chooser_listing`, the
//! places beside it in `chooser_places`, saving's rules in `chooser_saving`.
//!
//! Its answers go where the system dialog's go: *Open folder* sends
//! [`Command::OpenFolder`], *Save* sends [`Command::SaveReport`]. Saving
//! over an existing file asks first, as the system dialog does (the report
//! is then written with `Overwrite::Allow`). Folders are read on a job thread
//! ([`Command::ListFolder`]); a listing for a folder the chooser has since
//! left is dropped.

use std::path::{MAIN_SEPARATOR_STR, Path, PathBuf};

use crate::report::ReportFormat;

use super::chooser_listing::{
    Entry, ListingRequest, Shows, completion, split_location, tidy, visible,
};
use super::chooser_saving::with_format;
use super::commands::Command;
use super::top_bar::typed_path;

/// The name the save chooser suggests, as the system dialog does.
pub const SUGGESTED_REPORT_NAME: &str = "caption-report.html";

/// What the chooser is choosing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChooserMode {
    /// A captions folder to open.
    OpenFolder,
    /// Where to save the report.
    SaveReport,
}

/// A folder offered beside the listing (home, the opened folder, recent ones).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub label: String,
    pub folder: PathBuf,
    /// Listed under "Recent" rather than "Places".
    pub recent: bool,
}

/// Something the user did in the chooser.
#[derive(Debug, Clone, PartialEq)]
pub enum ChooserAction {
    /// The Location field was edited: follow the folder it names.
    LocationEdited,
    /// Tab in the Location field.
    Complete,
    /// Enter in the Location field (or on a highlighted entry).
    Enter,
    /// Up/Down in the Location field.
    MoveHighlight(isize),
    /// A click on an entry.
    Highlight(PathBuf),
    /// A double click on an entry: go into a folder, save over a file.
    Activate(PathBuf),
    GoTo(PathBuf),
    Up,
    SetFormat(ReportFormat),
    /// *Open folder* or *Save*.
    Confirm,
    /// *Replace* after "Replace it?".
    Replace,
    /// *Cancel* after "Replace it?": back to choosing.
    KeepFile,
    Cancel,
}

/// The chooser while it is open.
pub struct Chooser {
    pub(super) mode: ChooserMode,
    /// The folder listed (absolute).
    pub(super) folder: PathBuf,
    /// The Location field: a folder path, then the start of a name.
    pub(super) location: String,
    /// None while the folder is being read.
    pub(super) listing: Option<Result<Vec<Entry>, String>>,
    request: u64,
    pub(super) highlighted: Option<PathBuf>,
    /// The file name (saving).
    pub(super) name: String,
    /// The format chosen for a name without a report extension.
    pub(super) format: ReportFormat,
    /// The existing file "Replace it?" asks about.
    pub(super) replacing: Option<PathBuf>,
    pub(super) places: Vec<Place>,
    /// Why the last Open or Save could not go ahead.
    pub(super) problem: Option<String>,
    /// Why the chooser is shown instead of the system dialog, if it is.
    pub(super) note: Option<String>,
    /// Give the Location field the focus, cursor at the end, next frame.
    pub(super) focus_location: bool,
    home: Option<PathBuf>,
}

/// The chooser, when open, and the count of listings asked for.
#[derive(Default)]
pub struct FileChooser {
    pub(super) chooser: Option<Chooser>,
    last_request: u64,
}

/// Whether the chooser stays open after an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum After {
    Stay,
    Close,
}

impl FileChooser {
    /// Opens the chooser on `start`, with `note` (why it is shown) under its
    /// title; the listing to read comes back.
    pub fn open(
        &mut self,
        mode: ChooserMode,
        start: &Path,
        places: Vec<Place>,
        home: Option<PathBuf>,
        note: Option<String>,
    ) -> ListingRequest {
        let mut chooser = Chooser {
            mode,
            folder: PathBuf::new(),
            location: String::new(),
            listing: None,
            request: 0,
            highlighted: None,
            name: SUGGESTED_REPORT_NAME.into(),
            format: ReportFormat::Html,
            replacing: None,
            places,
            problem: None,
            note,
            focus_location: true,
            home,
        };
        let request = chooser.go_to(&absolute(start), &mut self.last_request);
        self.chooser = Some(chooser);
        request
    }

    pub fn is_open(&self) -> bool {
        self.chooser.is_some()
    }

    pub fn mode(&self) -> Option<ChooserMode> {
        self.chooser.as_ref().map(|c| c.mode)
    }

    /// The folder listed.
    pub fn folder(&self) -> Option<&Path> {
        self.chooser.as_ref().map(|c| c.folder.as_path())
    }

    /// The Location field's text.
    pub fn location(&self) -> Option<&str> {
        self.chooser.as_ref().map(|c| c.location.as_str())
    }

    /// The names listed for what is typed (folders with a separator after).
    pub fn shown_names(&self) -> Vec<String> {
        self.chooser.as_ref().map_or_else(Vec::new, |c| {
            c.shown()
                .iter()
                .map(|e| entry_label(e).into_owned())
                .collect()
        })
    }

    /// Why the listed folder could not be read.
    pub fn listing_problem(&self) -> Option<&str> {
        match self.chooser.as_ref()?.listing.as_ref()? {
            Err(reason) => Some(reason),
            Ok(_) => None,
        }
    }

    /// Takes a listing from the job thread; one for a folder left since, or
    /// a chooser closed since, is dropped.
    pub fn receive(&mut self, request: u64, folder: &Path, result: Result<Vec<Entry>, String>) {
        if let Some(chooser) = &mut self.chooser
            && chooser.request == request
            && chooser.folder == folder
        {
            chooser.listing = Some(result);
        }
    }

    /// Applies what the user did; what it asks of the window goes to `commands`.
    pub fn apply(&mut self, action: ChooserAction, commands: &mut Vec<Command>) {
        let Some(chooser) = &mut self.chooser else {
            return;
        };
        if chooser.apply(action, &mut self.last_request, commands) == After::Close {
            self.chooser = None;
        }
    }
}

impl Chooser {
    fn apply(
        &mut self,
        action: ChooserAction,
        requests: &mut u64,
        commands: &mut Vec<Command>,
    ) -> After {
        if !matches!(action, ChooserAction::MoveHighlight(_)) {
            self.problem = None;
        }
        match action {
            ChooserAction::LocationEdited => {
                self.highlighted = None;
                if let Some(request) = self.follow_location(requests) {
                    commands.push(Command::ListFolder(request));
                }
            }
            ChooserAction::Complete => self.complete(requests, commands),
            ChooserAction::Enter => return self.enter(requests, commands),
            ChooserAction::MoveHighlight(step) => self.move_highlight(step),
            ChooserAction::Highlight(path) => self.highlight(path),
            ChooserAction::Activate(path) => return self.activate(&path, requests, commands),
            ChooserAction::GoTo(folder) => {
                commands.push(Command::ListFolder(self.go_to(&folder, requests)));
            }
            ChooserAction::Up => {
                if let Some(parent) = self.folder.parent().map(Path::to_path_buf) {
                    commands.push(Command::ListFolder(self.go_to(&parent, requests)));
                }
            }
            ChooserAction::SetFormat(format) => {
                self.format = format;
                self.name = with_format(&self.name, format);
            }
            ChooserAction::Confirm => return self.confirm(requests, commands),
            ChooserAction::Replace => {
                if let Some(path) = self.replacing.take() {
                    commands.push(Command::SaveReport(path));
                    return After::Close;
                }
            }
            ChooserAction::KeepFile => self.replacing = None,
            ChooserAction::Cancel => return After::Close,
        }
        After::Stay
    }

    /// The entries shown for the name typed after the folder.
    pub(super) fn shown(&self) -> Vec<&Entry> {
        let shows = match self.mode {
            ChooserMode::OpenFolder => Shows::Folders,
            ChooserMode::SaveReport => Shows::FoldersAndReports,
        };
        match &self.listing {
            Some(Ok(entries)) => visible(entries, self.typed(), shows),
            _ => Vec::new(),
        }
    }

    fn typed(&self) -> &str {
        split_location(&self.location).1
    }

    /// What Tab would complete the typed name to, if anything.
    pub(super) fn completion(&self) -> Option<String> {
        completion(&self.shown(), self.typed())
    }

    pub(super) fn go_to(&mut self, folder: &Path, requests: &mut u64) -> ListingRequest {
        self.location = location_text(&tidy(folder));
        self.focus_location = true;
        self.list(folder, requests)
    }

    fn list(&mut self, folder: &Path, requests: &mut u64) -> ListingRequest {
        *requests += 1;
        self.request = *requests;
        self.folder = tidy(folder);
        self.listing = None;
        self.highlighted = None;
        ListingRequest {
            id: self.request,
            folder: self.folder.clone(),
        }
    }

    /// The folder the Location field names, if it is not the one listed.
    fn follow_location(&mut self, requests: &mut u64) -> Option<ListingRequest> {
        let folder = self.typed_folder()?;
        (folder != self.folder).then(|| self.list(&folder, requests))
    }

    /// The folder part of the Location field, `~` expanded; None when
    /// there is none (a bare name is looked for in the folder listed).
    fn typed_folder(&self) -> Option<PathBuf> {
        let (folder, _) = split_location(&self.location);
        (!folder.is_empty()).then(|| tidy(&absolute(&typed_path(folder, self.home.as_deref()))))
    }

    fn complete(&mut self, requests: &mut u64, commands: &mut Vec<Command>) {
        let Some(completed) = self.completion() else {
            return;
        };
        let folder = match split_location(&self.location).0 {
            "" => location_text(&self.folder),
            typed => typed.to_owned(),
        };
        let file = self
            .shown()
            .iter()
            .any(|e| !e.is_folder && e.name == completed);
        if file {
            // A report's name goes to the Name field.
            self.name = completed;
            self.location = folder;
        } else {
            self.location = folder + &completed;
        }
        self.focus_location = true;
        self.apply(ChooserAction::LocationEdited, requests, commands);
    }

    fn enter(&mut self, requests: &mut u64, commands: &mut Vec<Command>) -> After {
        if let Some(path) = self.highlighted.clone() {
            return self.activate(&path, requests, commands);
        }
        let typed = self.typed().to_owned();
        if typed.is_empty() {
            return self.confirm(requests, commands);
        }
        let exact = self
            .shown()
            .iter()
            .find(|e| e.name == typed)
            .map(|e| (e.path.clone(), e.is_folder));
        match (exact, self.mode) {
            (Some((folder, true)), _) => {
                commands.push(Command::ListFolder(self.go_to(&folder, requests)));
                After::Stay
            }
            (_, ChooserMode::SaveReport) => {
                // A name typed after the folder is the report's name.
                self.name = typed;
                self.location = split_location(&self.location).0.to_owned();
                self.save(requests, commands)
            }
            (_, ChooserMode::OpenFolder) => {
                self.problem = Some(format!("There is no folder “{typed}” here."));
                After::Stay
            }
        }
    }

    fn move_highlight(&mut self, step: isize) {
        let shown = self.shown();
        let at = self
            .highlighted
            .as_ref()
            .and_then(|h| shown.iter().position(|e| &e.path == h));
        let next = match at {
            None if step > 0 => Some(0),
            None => shown.len().checked_sub(1),
            Some(at) => Some(
                at.saturating_add_signed(step)
                    .min(shown.len().saturating_sub(1)),
            ),
        };
        if let Some(path) = next.and_then(|i| shown.get(i)).map(|e| e.path.clone()) {
            self.highlight(path);
        }
    }

    fn highlight(&mut self, path: PathBuf) {
        let file = self
            .entry(&path)
            .filter(|e| !e.is_folder)
            .map(|e| e.name.clone());
        if let (Some(name), ChooserMode::SaveReport) = (file, self.mode) {
            self.name = name;
        }
        self.highlighted = Some(path);
    }

    fn entry(&self, path: &Path) -> Option<&Entry> {
        match &self.listing {
            Some(Ok(entries)) => entries.iter().find(|e| e.path == path),
            _ => None,
        }
    }

    fn activate(&mut self, path: &Path, requests: &mut u64, commands: &mut Vec<Command>) -> After {
        match self.entry(path).map(|e| (e.is_folder, e.name.clone())) {
            Some((true, _)) => {
                commands.push(Command::ListFolder(self.go_to(path, requests)));
                After::Stay
            }
            Some((false, name)) if self.mode == ChooserMode::SaveReport => {
                self.name = name;
                self.save(requests, commands)
            }
            _ => After::Stay,
        }
    }

    /// *Open folder* opens the highlighted folder, else the one listed.
    pub(super) fn open_target(&self) -> PathBuf {
        self.highlighted
            .as_ref()
            .filter(|h| self.entry(h).is_some_and(|e| e.is_folder))
            .cloned()
            .unwrap_or_else(|| self.folder.clone())
    }

    fn confirm(&mut self, requests: &mut u64, commands: &mut Vec<Command>) -> After {
        match self.mode {
            ChooserMode::OpenFolder => {
                if let Some(Err(reason)) = &self.listing {
                    self.problem = Some(format!("This folder cannot be opened: {reason}."));
                    return After::Stay;
                }
                commands.push(Command::OpenFolder(self.open_target()));
                After::Close
            }
            ChooserMode::SaveReport => self.save(requests, commands),
        }
    }
}

/// An entry as listed: a folder with a separator after its name.
pub(super) fn entry_label(entry: &Entry) -> std::borrow::Cow<'_, str> {
    if entry.is_folder {
        format!("{}{MAIN_SEPARATOR_STR}", entry.name).into()
    } else {
        entry.name.as_str().into()
    }
}

/// A folder as the Location field shows it: its path and a separator.
pub(super) fn location_text(folder: &Path) -> String {
    let mut text = folder.display().to_string();
    if !text.ends_with(std::path::is_separator) {
        text.push_str(MAIN_SEPARATOR_STR);
    }
    text
}

/// `path` from the current folder, when it is relative.
pub(super) fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
#[path = "file_chooser_tests.rs"]
mod tests;
