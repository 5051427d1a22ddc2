//! Building a folder from the window: the *Add caption…* form's file, and
//! files dropped onto the window, go into the selected photo's folder (the
//! opened folder itself when it holds no photo yet) on a background thread
//! (`corpus::add_file`: no-clobber, renamed on a name clash); then the
//! folder reloads and the new variant is selected, found by its file's path.
//!
//! Dropping a folder opens it, as before; so does dropping anything while
//! no folder is open. A dropped file the loader does not read is refused
//! with a message and not copied. Pasting text with no text field focused
//! opens the form with the text as the caption. While files are dragged
//! over the window, it says where dropping them puts them.

use std::path::{Path, PathBuf};

use eframe::egui;

use crate::corpus::Corpus;
use crate::corpus::add_file::{Copied, copy_in, photo_folder, write_caption};
use crate::corpus::caption_draft::CaptionDraft;

use super::app::{App, CenterTab, Message, Topic};
use super::commands::Command;

/// What a background addition did.
#[derive(Debug)]
pub enum FileAdded {
    /// The form's caption file, written at this path (relative to the
    /// opened folder), or why not.
    Caption(Result<PathBuf, String>),
    /// Dropped files: those copied in (or already there), and why each of
    /// the others was not.
    Dropped {
        copied: Vec<Copied>,
        refused: Vec<String>,
    },
    /// A folder was dropped: it is opened.
    Folder(PathBuf),
}

/// A file to select once the folder has reloaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelectAfterLoad {
    /// The opened folder it was added to.
    pub folder: PathBuf,
    /// Relative to that folder.
    pub file: PathBuf,
}

/// Where an addition goes: the opened folder, the corpus root, and the
/// selected photo's folder relative to it.
struct Target {
    folder: PathBuf,
    root: PathBuf,
    photo_folder: PathBuf,
}

impl App {
    /// The selected photo's folder, shown for the form.
    pub(super) fn add_target_shown(&self) -> String {
        match self.add_target() {
            Some(target) if target.photo_folder.as_os_str().is_empty() => {
                "the opened folder".to_owned()
            }
            Some(target) => crate::corpus::shown_path(&target.photo_folder),
            None => "no folder (open one first)".to_owned(),
        }
    }

    fn add_target(&self) -> Option<Target> {
        let session = self.session.as_ref()?;
        Some(Target {
            folder: session.folder.clone(),
            root: session.corpus.root.clone(),
            photo_folder: session.photo().map(photo_folder).unwrap_or_default(),
        })
    }

    /// Writes the form's caption file in the background.
    pub(super) fn add_caption(&mut self, draft: CaptionDraft) {
        let Some(target) = self.add_target() else {
            self.add_caption_form.saving = false;
            self.add_caption_form.failure = Some("no folder is open".to_owned());
            return;
        };
        self.jobs.add_file(target.folder, move || {
            FileAdded::Caption(
                write_caption(&target.root, &target.photo_folder, &draft)
                    .map_err(|e| e.to_string()),
            )
        });
    }

    /// Copies dropped files in the background (or opens a dropped folder).
    pub(super) fn add_dropped(&mut self, paths: Vec<PathBuf>) {
        let Some(target) = self.add_target() else {
            if let Some(first) = paths.into_iter().next() {
                self.run_command(Command::OpenFolder(first));
            }
            return;
        };
        self.jobs.add_file(target.folder, move || {
            if let Some(folder) = paths.iter().find(|p| p.is_dir()) {
                return FileAdded::Folder(folder.clone());
            }
            let mut copied = Vec::new();
            let mut refused = Vec::new();
            for path in &paths {
                match copy_in(&target.root, &target.photo_folder, path) {
                    Ok(added) => copied.push(added),
                    Err(error) => refused.push(error.to_string()),
                }
            }
            FileAdded::Dropped { copied, refused }
        });
    }

    /// An addition finished: say so, reload, and select what was added.
    pub(super) fn file_added(&mut self, folder: PathBuf, added: FileAdded) {
        let still_open = self.session.as_ref().is_some_and(|s| s.folder == folder);
        match added {
            FileAdded::Folder(path) => self.run_command(Command::OpenFolder(path)),
            FileAdded::Caption(Ok(file)) => {
                self.resolved(Topic::Adding);
                self.add_caption_form.written();
                self.say(format!("Added {}", crate::corpus::shown_path(&file)), false);
                self.reload_and_select(still_open, folder, file);
            }
            FileAdded::Caption(Err(reason)) => {
                self.add_caption_form.saving = false;
                self.say(format!("Could not add the caption: {reason}"), true);
                self.add_caption_form.failure = Some(reason);
            }
            FileAdded::Dropped { copied, refused } => {
                for reason in refused {
                    self.say(format!("Not copied: {reason}"), true);
                }
                let mut last = None;
                for added in copied {
                    let (text, file) = match added {
                        Copied::New(file) => (format!("Copied in {}", shown(&file)), file),
                        Copied::AlreadyThere(file) => (
                            format!("{} is already in the photo's folder", shown(&file)),
                            file,
                        ),
                    };
                    self.say(text, false);
                    last = Some(file);
                }
                if let Some(file) = last {
                    self.reload_and_select(still_open, folder, file);
                }
            }
        }
    }

    fn reload_and_select(&mut self, still_open: bool, folder: PathBuf, file: PathBuf) {
        if !still_open {
            return;
        }
        self.select_after_load = Some(SelectAfterLoad {
            folder: folder.clone(),
            file,
        });
        self.start_load(folder);
    }

    /// After a load: selects the variant of the file just added, if any.
    pub(super) fn select_added(&mut self) {
        let Some(pending) = self.select_after_load.take() else {
            return;
        };
        let Some(session) = &self.session else {
            return;
        };
        if session.folder != pending.folder {
            return;
        }
        match find_added(&session.corpus, &pending.file) {
            Added::Variant { photo, variant } => {
                self.run_command(Command::SelectPhoto(photo));
                self.run_command(Command::SelectVariant(variant));
                self.tab = CenterTab::Compare;
            }
            Added::Image { photo } => self.run_command(Command::SelectPhoto(photo)),
            Added::Problem(reason) => self.say(
                format!("{} gives no variant: {reason}", shown(&pending.file)),
                true,
            ),
            Added::Nothing => {}
        }
    }

    /// Dropped files and pasted text, as commands (the chooser is closed).
    pub(super) fn drop_and_paste_commands(&self, ctx: &egui::Context) -> Vec<Command> {
        let mut commands = Vec::new();
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if !dropped.is_empty() {
            commands.push(Command::DropPaths(dropped));
        }
        let typing = ctx
            .memory(|m| m.focused())
            .is_some_and(|id| egui::TextEdit::load_state(ctx, id).is_some());
        if !typing && self.session.is_some() {
            let pasted = ctx.input(|i| {
                i.events.iter().rev().find_map(|event| match event {
                    egui::Event::Paste(text) if !text.trim().is_empty() => Some(text.clone()),
                    _ => None,
                })
            });
            if let Some(text) = pasted {
                commands.push(Command::OpenAddCaption(Some(text)));
            }
        }
        commands
    }

    /// The *Add caption…* window, while it is open; and, while files are
    /// dragged over the window, where dropping them puts them.
    pub(super) fn add_caption_window(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        if self.add_caption_form.is_open() {
            let target = self.add_target_shown();
            self.add_caption_form.window(ctx, &target, commands);
        }
        if ctx.input(|i| i.raw.hovered_files.is_empty()) {
            return;
        }
        let text = if self.session.is_some() {
            format!(
                "Drop to copy into {} (a folder opens)",
                self.add_target_shown()
            )
        } else {
            "Drop a folder to open it".to_owned()
        };
        let painter = ctx.layer_painter(egui::LayerId::new(
            egui::Order::Foreground,
            egui::Id::unique("drop_hint"),
        ));
        let screen = ctx.content_rect();
        painter.rect_filled(screen, 0.0, egui::Color32::from_black_alpha(160));
        painter.text(
            screen.center(),
            egui::Align2::CENTER_CENTER,
            text,
            egui::TextStyle::Heading.resolve(&ctx.global_style()),
            egui::Color32::WHITE,
        );
    }

    fn say(&mut self, text: String, is_error: bool) {
        self.messages.push(Message {
            text,
            is_error,
            topic: Topic::Adding,
            shown_at: None,
        });
    }
}

/// What a reloaded folder made of an added file.
#[derive(Debug, PartialEq, Eq)]
enum Added {
    Variant {
        photo: usize,
        variant: usize,
    },
    /// An image with no caption of its own: one of this photo's images.
    Image {
        photo: usize,
    },
    /// The file could not be read, and why.
    Problem(String),
    Nothing,
}

fn find_added(corpus: &Corpus, file: &Path) -> Added {
    for (photo, p) in corpus.photos.iter().enumerate() {
        if let Some(variant) = p.variants.iter().position(|v| v.source.file == file) {
            return Added::Variant { photo, variant };
        }
    }
    if let Some(problem) = corpus
        .problems
        .iter()
        .find(|p| p.path == file && p.severity == crate::corpus::ProblemSeverity::Error)
    {
        return Added::Problem(problem.reason.clone());
    }
    match corpus
        .photos
        .iter()
        .position(|p| p.images.iter().any(|i| i == file))
    {
        Some(photo) => Added::Image { photo },
        None => Added::Nothing,
    }
}

fn shown(file: &Path) -> String {
    crate::corpus::shown_path(file)
}
