//! Everything the user can do, as values. Menu items, shortcuts, clicks and
//! tests all produce a [`Command`]; [`App::run_command`] applies it in one
//! place, between frames' drawing, so no panel mutates app state mid-frame.

use std::path::PathBuf;

use crate::analysis::diff::DiffOptions;
use crate::analysis::{FindingKind, Location};
use crate::corpus::Section;
use crate::corpus::caption_draft::CaptionDraft;
use crate::review::{Change, Verdict};
use crate::review_staleness::values_of_key;

use super::app::{App, CenterTab};
use super::chooser_listing::ListingRequest;
use super::file_chooser::ChooserMode;
use super::photo_order::PhotoListView;
use super::selection::{Selection, conflict_pair, finding_pair, swap_pair};
use super::settings::Theme;

/// One thing the user asked for.
#[derive(Debug, Clone, PartialEq)]
#[must_use]
pub enum Command {
    /// Load a folder (a file opens the folder it is in).
    OpenFolder(PathBuf),
    /// Show the folder dialog (the window's own chooser where the system's
    /// cannot open, or when the settings ask for it).
    PickFolder,
    /// Load the opened folder again (F5).
    Reload,
    /// Stop the running load.
    CancelLoad,
    /// Look at the opened folder for changes on disk now, rather than at the
    /// watch's next tick.
    CheckFolder,
    /// Show the save dialog for the report (as [`Command::PickFolder`]).
    PickReportPath,
    /// Show the window's own file chooser.
    OpenChooser(ChooserMode),
    /// Read a folder for the window's own chooser.
    ListFolder(ListingRequest),
    /// Use the window's own chooser instead of the system dialog (a setting).
    UseBuiltinChooser(bool),
    /// Draw the window light, dark, or as the desktop says (a setting).
    SetTheme(Theme),
    /// How large the window draws (1.0 is 100%).
    SetTextSize(f32),
    /// Show or hide the image panel.
    ShowImagePanel(bool),
    /// Sort and filter the photo list (a setting).
    SetPhotoList(PhotoListView),
    /// Write the report to this path.
    SaveReport(PathBuf),
    /// Open the *Add caption…* form, with this caption when text was pasted.
    OpenAddCaption(Option<String>),
    /// Write the form's caption file into the selected photo's folder,
    /// reload and select it.
    AddCaption(CaptionDraft),
    /// Files or folders dropped onto the window: a folder (or anything,
    /// with no folder open) opens; files are copied into the selected
    /// photo's folder.
    DropPaths(Vec<PathBuf>),
    SelectPhoto(usize),
    /// Show this variant on the left (the list, the arrow keys).
    SelectVariant(usize),
    SetRight(usize),
    /// Exchange the left and right variants.
    Swap,
    /// Move the left variant up or down the list.
    MoveVariant(isize),
    SetSection(Section),
    /// Select a conflict: compare the two variants concerned and scroll to the span.
    SelectConflict(usize),
    /// Select a finding (index into the photo's findings): for a conflict as
    /// [`Command::SelectConflict`]; else the odd words on the left, the words
    /// the others write on the right, scrolled to the odd span.
    SelectFinding(usize),
    /// Record (or, with None, clear) the verdict on a finding (or conflict)
    /// of the selected photo, by its review key (`Finding::key`); a key the
    /// photo's analysis does not know is ignored.
    /// Select the finding this many rows on in the findings table (F8 one
    /// on, Shift+F8 one back), going round at the ends.
    StepFinding(isize),
    /// Bring the difference of the word diff this many on into view (F7,
    /// Shift+F7), going round at the ends.
    StepDifference(isize),
    SetVerdict {
        key: String,
        verdict: Option<Verdict>,
    },
    /// Save the note typed for the selected finding now (Enter, the field
    /// left) rather than when typing pauses.
    SaveNote,
    SetOptions(DiffOptions),
    ShowTab(CenterTab),
    /// Go to a place in a photo's text (from Find).
    Reveal {
        photo: usize,
        location: Location,
    },
    OpenFind,
    /// Read the metadata embedded in this image file (absolute path).
    ReadImageMetadata(PathBuf),
    /// Hash and group a photo's images (paths relative to `root`).
    ExamineImages {
        root: PathBuf,
        photo: String,
        images: Vec<PathBuf>,
    },
    DismissMessages,
}

impl App {
    /// Applies one command.
    pub fn run_command(&mut self, command: Command) {
        match command {
            Command::OpenFolder(folder) => self.start_load(folder),
            Command::PickFolder => {
                if self.native_dialog_works() {
                    let start = self.session.as_ref().map(|s| s.folder.clone());
                    self.jobs.pick_folder(start);
                } else {
                    self.open_chooser(ChooserMode::OpenFolder);
                }
            }
            Command::Reload => {
                let folder = self
                    .session
                    .as_ref()
                    .map(|s| s.folder.clone())
                    .or_else(|| self.jobs.loading().map(|l| l.folder.clone()))
                    .or_else(|| self.settings.last_folder.clone());
                if let Some(folder) = folder {
                    self.start_load(folder);
                }
            }
            Command::CancelLoad => self.jobs.cancel_load(),
            Command::CheckFolder => self.folder_watch.check_now(),
            Command::PickReportPath => {
                if self.native_dialog_works() {
                    let start = self.session.as_ref().map(|s| s.folder.clone());
                    self.jobs.pick_report_path(start);
                } else {
                    self.open_chooser(ChooserMode::SaveReport);
                }
            }
            Command::OpenChooser(mode) => self.open_chooser(mode),
            Command::ListFolder(request) => self.jobs.list_folder(request),
            Command::UseBuiltinChooser(on) => self.settings.builtin_chooser = on,
            Command::SetTheme(theme) => self.set_theme(theme),
            Command::SetTextSize(size) => self.set_text_size(size),
            Command::ShowImagePanel(on) => self.settings.image_panel = Some(on),
            Command::SetPhotoList(view) => self.settings.photo_list = view,
            Command::SaveReport(path) => self.save_report(path),
            Command::OpenAddCaption(caption) => self.add_caption_form.open(caption.as_deref()),
            Command::AddCaption(draft) => self.add_caption(draft),
            Command::DropPaths(paths) => self.add_dropped(paths),
            Command::SelectPhoto(photo) => self.select(|session| {
                let count = session.corpus.photos.get(photo)?.variants.len();
                Some(Selection::first_pair(photo, count))
            }),
            Command::SelectVariant(variant) => self.select(|session| {
                let photo = session.photo()?;
                let mut selection = session.selection;
                if variant >= photo.variants.len() {
                    return None;
                }
                if selection.right == variant && variant != selection.left {
                    selection.right = selection.left;
                }
                selection.left = variant;
                Some(selection)
            }),
            Command::SetRight(variant) => self.select(|session| {
                let mut selection = session.selection;
                (variant < session.photo()?.variants.len()).then(|| {
                    selection.right = variant;
                    selection
                })
            }),
            Command::Swap => self.select(|session| {
                let mut selection = session.selection;
                std::mem::swap(&mut selection.left, &mut selection.right);
                Some(selection)
            }),
            Command::MoveVariant(delta) => self.select(|session| {
                let count = session.photo()?.variants.len();
                let mut selection = session.selection;
                let next = selection.left.checked_add_signed(delta)?;
                if next >= count {
                    return None;
                }
                if selection.right == next {
                    selection.right = selection.left;
                }
                selection.left = next;
                Some(selection)
            }),
            Command::SetSection(section) => self.select(|session| {
                let mut selection = session.selection;
                selection.section = section;
                Some(selection)
            }),
            Command::SelectConflict(index) => self.select_conflict(index),
            Command::SelectFinding(index) => self.select_finding(index),
            Command::StepFinding(delta) => self.step_finding(delta),
            Command::StepDifference(delta) => {
                self.tab = CenterTab::Compare;
                self.compare.step_difference(delta);
            }
            Command::SetVerdict { key, verdict } => self.set_verdict(&key, verdict),
            Command::SaveNote => self.save_note(),
            Command::SetOptions(options) => self.settings.options = options,
            Command::ShowTab(tab) => self.tab = tab,
            Command::Reveal { photo, location } => {
                self.select(|session| {
                    let count = session.corpus.photos.get(photo)?.variants.len();
                    let mut selection = Selection::first_pair(photo, count);
                    if location.variant >= count {
                        return None;
                    }
                    if selection.right == location.variant {
                        selection.right = selection.left;
                    }
                    selection.left = location.variant;
                    selection.section = location.section;
                    Some(selection)
                });
                self.tab = CenterTab::Compare;
                self.pending_scroll = Some(location);
            }
            Command::OpenFind => self.find.open(),
            Command::ReadImageMetadata(path) => self.jobs.read_image_metadata(path),
            Command::ExamineImages {
                root,
                photo,
                images,
            } => self.jobs.examine_images(root, photo, images),
            Command::DismissMessages => self.messages.clear(),
        }
    }

    /// Replaces the selection if `pick` returns one; keeps the chosen image
    /// only while the photo stays the same.
    fn select(&mut self, pick: impl FnOnce(&super::selection::Session) -> Option<Selection>) {
        let Some(session) = &mut self.session else {
            return;
        };
        if let Some(selection) = pick(session) {
            if selection.photo != session.selection.photo {
                self.preview.chosen = None;
            }
            if selection.left != session.selection.left {
                self.preview.chosen = None;
            }
            session.selection = selection;
        }
    }

    pub(super) fn select_conflict(&mut self, index: usize) {
        let Some(session) = &self.session else {
            return;
        };
        let Some(analysis) = session.photo_analysis() else {
            return;
        };
        let Some(conflict) = analysis.conflicts.get(index) else {
            return;
        };
        let finding = analysis
            .findings
            .iter()
            .position(|f| f.conflict == Some(index));
        // A conflict a swap accounts for is shown as that swap.
        let swap = analysis
            .findings
            .iter()
            .position(|f| f.details.iter().any(|d| d.conflict == Some(index)));
        if let (None, Some(swap)) = (finding, swap) {
            self.select_finding(swap);
            return;
        }
        let pair = conflict_pair(analysis, conflict, session.selection.left);
        self.show_selected(Some(index), finding, pair);
    }

    pub(super) fn select_finding(&mut self, index: usize) {
        let Some(session) = &self.session else {
            return;
        };
        let Some(finding) = session.photo_analysis().and_then(|a| a.findings.get(index)) else {
            return;
        };
        if let Some(conflict) = finding.conflict {
            self.select_conflict(conflict);
            return;
        }
        let pair = match finding.kind {
            FindingKind::Swap => session
                .photo_analysis()
                .and_then(|analysis| swap_pair(analysis, finding)),
            _ => None,
        }
        .or_else(|| finding_pair(finding, session.selection.left));
        self.show_selected(None, Some(index), pair);
    }

    /// Selects a conflict or finding: the two variants that show it, and
    /// its section, scrolled to its span (the note editor follows on the
    /// next frame: `note_draft`).
    fn show_selected(
        &mut self,
        conflict: Option<usize>,
        finding: Option<usize>,
        pair: Option<(usize, usize, Option<Location>)>,
    ) {
        let Some(session) = &mut self.session else {
            return;
        };
        let selection = &mut session.selection;
        selection.conflict = conflict;
        selection.finding = finding;
        if let Some((left, right, location)) = pair {
            selection.left = left;
            selection.right = right;
            if let Some(location) = location {
                selection.section = location.section;
                self.pending_scroll = Some(location);
            }
            self.preview.chosen = None;
        }
        self.tab = CenterTab::Compare;
    }

    /// A verdict chosen now on a finding of the selected photo: it judges
    /// the finding's values as the folder shows them now.
    fn set_verdict(&mut self, key: &str, verdict: Option<Verdict>) {
        let Some(session) = &self.session else {
            return;
        };
        let photo = session.selection.photo;
        let values = session
            .photo()
            .zip(session.photo_analysis())
            .and_then(|(p, a)| values_of_key(p, a, key));
        if verdict.is_none() && self.note.target().is_some_and(|t| t.key == key) {
            // Withdrawn with its note: the draft must not bring it back.
            let target = self.note.target().cloned();
            self.note.show(target, "");
        }
        let verdict = verdict.map(|v| Verdict {
            values: v.values.or(values),
            ..v
        });
        let note = verdict.as_ref().map(|v| v.note.clone());
        self.record_verdict(photo, key, verdict);
        if let Some(note) = note.filter(|_| self.note.target().is_some_and(|t| t.key == key)) {
            // The note went with the verdict: the draft is saved.
            self.note.saved_as(&note);
        }
    }

    /// Records (or clears) the verdict on `key` of photo `photo` in this
    /// window and merges it into the folder's review file in the
    /// background; a key the photo's analysis does not know is ignored.
    pub(super) fn record_verdict(&mut self, photo: usize, key: &str, verdict: Option<Verdict>) {
        let Some(session) = &mut self.session else {
            return;
        };
        let Some(photo_id) = session.corpus.photos.get(photo).map(|p| p.id.clone()) else {
            return;
        };
        let known = session.analysis.photos.get(photo).is_some_and(|a| {
            a.findings.iter().any(|f| f.key == key) || a.conflicts.iter().any(|c| c.key == key)
        });
        if !known {
            return;
        }
        let change = Change::now(&photo_id, key, verdict);
        session.review.merge(&change);
        session.unsaved.push(change);
        // Every change the file lacks goes again: one that failed to save
        // is retried with the next.
        self.jobs
            .save_review(session.folder.clone(), session.unsaved.clone());
    }
}
