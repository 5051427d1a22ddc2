//! The window's state and its top level: which panels go where, shortcuts,
//! dropped files, background reports, and what is remembered between runs.
//!
//! Like eframe_template's `App`: the remembered part ([`Settings`], in
//! `settings`) is saved by eframe; everything else is rebuilt on start.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use eframe::egui;

use crate::analysis::Location;

use super::add_caption::AddCaptionForm;
use super::alignment::AlignmentPanel;
use super::chooser_places::places;
use super::commands::Command;
use super::compare::ComparePanel;
use super::conflicts::ConflictsTable;
use super::dialogs::{DialogBackend, DialogOutcome};
use super::file_chooser::{ChooserMode, FileChooser};
use super::find::FindPanel;
use super::folder_additions::SelectAfterLoad;
use super::folder_watch::FolderWatch;
use super::jobs::{JobReport, Jobs, LoadFailure, Loaded, Loader, load_and_analyze};
use super::note_draft::NoteDraft;
use super::people::PeoplePanel;
use super::preview::PreviewPanel;
use super::saving::write_report;
use super::selection::{Selection, Session};
pub use super::settings::Settings;
use super::settings::Theme;
use super::{photo_list, problems, top_bar};
use crate::corpus::watch::FolderStamp;

/// Time per frame spent taking background reports.
const DRAIN_BUDGET: Duration = Duration::from_millis(10);

/// The views of the central area.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CenterTab {
    /// Two variants side by side.
    Compare,
    /// All variants aligned word by word.
    Alignment,
    /// Each person's spellings and the outlets printing them.
    People,
}

/// A one-line note for the user (a load or save that failed, a saved file).
/// A note stops being shown when it stops applying: an error when the same
/// kind of action next succeeds ([`App::resolved`]), any other note
/// [`NOTE_SECONDS`] after it was first shown, and every note on *Dismiss*.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub text: String,
    pub is_error: bool,
    /// What it is about.
    pub topic: Topic,
    /// When it was first drawn (egui's clock, seconds).
    pub shown_at: Option<f64>,
}

/// What a message is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Topic {
    /// Opening or loading a folder.
    Folder,
    /// Saving a report.
    Saving,
    /// The system's file dialogs.
    Dialog,
    /// Saving or reading the verdicts.
    Verdicts,
    /// Adding a caption or a dropped file to the folder.
    Adding,
}

/// How long a note that is not an error stays.
pub const NOTE_SECONDS: f64 = 8.0;

/// The window.
pub struct App {
    pub settings: Settings,
    pub(super) session: Option<Session>,
    pub(super) jobs: Jobs,
    pub(super) tab: CenterTab,
    pub(super) compare: ComparePanel,
    pub(super) alignment: AlignmentPanel,
    pub(super) people: PeoplePanel,
    pub(super) conflicts: ConflictsTable,
    pub(super) preview: PreviewPanel,
    pub(super) find: FindPanel,
    /// Notices the opened folder changing on disk.
    pub(super) folder_watch: FolderWatch,
    pub(super) messages: Vec<Message>,
    /// Where the compare view should scroll to on its next frame.
    pub(super) pending_scroll: Option<Location>,
    /// The note typed for the selected finding's verdict, saved as typed.
    pub(super) note: NoteDraft,
    /// The folder path typed in the top bar.
    pub(super) path_field: String,
    /// The window's own folder and save chooser.
    pub(super) chooser: FileChooser,
    /// Why the system's file dialog could not open, once it could not: for
    /// the rest of the session the window's own chooser is used instead.
    pub(super) native_dialog_unavailable: Option<String>,
    /// The *Add caption…* form.
    pub(super) add_caption_form: AddCaptionForm,
    /// The file just added, to select once the folder has reloaded.
    pub(super) select_after_load: Option<SelectAfterLoad>,
    pub(super) generation: u64,
    /// The text size last applied or seen (`text_size`); `None` before
    /// the first frame.
    pub(super) text_size_seen: Option<f32>,
    pub(super) ctx: Option<egui::Context>,
}

impl App {
    /// The window on `folder` (or, without one, the last folder, else
    /// `captions`), with settings from eframe's storage when there is one.
    pub fn new(
        folder: Option<PathBuf>,
        storage: Option<&dyn eframe::Storage>,
        ctx: Option<egui::Context>,
    ) -> App {
        App::with_loader(folder, storage, ctx, Arc::new(load_and_analyze))
    }

    /// Like [`App::new`], loading folders with `loader` (tests pass hand-made corpora).
    pub fn with_loader(
        folder: Option<PathBuf>,
        storage: Option<&dyn eframe::Storage>,
        ctx: Option<egui::Context>,
        loader: Loader,
    ) -> App {
        let settings: Settings = storage
            .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
            .unwrap_or_default();
        if let Some(ctx) = &ctx {
            ctx.set_theme(settings.theme.preference());
        }
        let folder = folder
            .or_else(|| settings.last_folder.clone())
            .unwrap_or_else(|| PathBuf::from("captions"));
        let mut app = App {
            settings,
            session: None,
            jobs: Jobs::new(ctx.clone(), loader),
            tab: CenterTab::Compare,
            compare: ComparePanel::default(),
            alignment: AlignmentPanel::default(),
            people: PeoplePanel::default(),
            conflicts: ConflictsTable::default(),
            preview: PreviewPanel::new(ctx.clone()),
            find: FindPanel::default(),
            folder_watch: FolderWatch::default(),
            messages: Vec::new(),
            pending_scroll: None,
            note: NoteDraft::default(),
            path_field: folder.display().to_string(),
            chooser: FileChooser::default(),
            native_dialog_unavailable: None,
            add_caption_form: AddCaptionForm::default(),
            select_after_load: None,
            generation: 0,
            text_size_seen: None,
            ctx,
        };
        app.start_load(folder);
        app
    }

    /// Shows the file dialogs with `dialogs` instead of the system's (tests
    /// pass one that never opens a real dialog).
    pub fn with_dialogs(mut self, dialogs: Arc<dyn DialogBackend>) -> App {
        self.jobs.set_dialogs(dialogs);
        self
    }

    /// The window's own file chooser (open or not).
    pub fn chooser(&self) -> &FileChooser {
        &self.chooser
    }

    /// Why the system's file dialog could not open this session, if it could not.
    pub fn native_dialog_unavailable(&self) -> Option<&str> {
        self.native_dialog_unavailable.as_deref()
    }

    /// The opened folder, its analysis, verdicts and selection.
    pub fn session(&self) -> Option<&Session> {
        self.session.as_ref()
    }

    pub fn selection(&self) -> Option<Selection> {
        self.session.as_ref().map(|s| s.selection)
    }

    /// Whether a folder is being loaded.
    pub fn is_loading(&self) -> bool {
        self.jobs.loading().is_some()
    }

    /// Whether any background job (load, write, dialog) is still running.
    pub fn is_busy(&self) -> bool {
        self.jobs.is_busy()
    }

    /// Whether the opened folder changed on disk since it was loaded (the
    /// notice bar offers a reload).
    pub fn folder_changed(&self) -> bool {
        self.folder_watch.is_changed()
    }

    /// Whether every [`Command::CheckFolder`] so far has been answered.
    pub fn folder_checks_answered(&self) -> bool {
        self.folder_watch.checks_answered()
    }

    pub fn messages(&self) -> &[Message] {
        &self.messages
    }

    pub fn tab(&self) -> CenterTab {
        self.tab
    }

    /// The *Add caption…* form (open or not).
    pub fn add_caption_form(&self) -> &AddCaptionForm {
        &self.add_caption_form
    }

    /// The image panel: textures, metadata and the photo's image evidence.
    pub fn preview(&self) -> &PreviewPanel {
        &self.preview
    }

    /// The compare view as last drawn: segments and highlighted spans.
    pub fn compare_view(&self) -> Option<&super::compare::CompareView> {
        self.compare.view()
    }

    /// How many times the compare view was computed (once per selection and options).
    pub fn compare_computations(&self) -> usize {
        self.compare.computations()
    }

    /// The alignment table as last drawn (None until its tab was shown).
    pub fn alignment_view(&self) -> Option<&super::alignment::AlignmentView> {
        self.alignment.view()
    }

    /// The person list as last drawn (None until its tab was shown).
    pub fn people_view(&self) -> Option<&super::people::PeopleView> {
        self.people.view()
    }

    /// Where the compare view was last asked to scroll.
    pub fn last_scroll_target(&self) -> Option<Location> {
        self.compare.last_scroll_target()
    }

    /// The compare panel: the difference F7 reached, what it flashes.
    pub fn compare_panel(&self) -> &ComparePanel {
        &self.compare
    }

    pub(super) fn start_load(&mut self, folder: PathBuf) {
        self.path_field = folder.display().to_string();
        self.jobs.start_load(folder);
    }

    /// Drops the errors about `topic`: the same kind of action just
    /// succeeded, so they no longer apply.
    pub(super) fn resolved(&mut self, topic: Topic) {
        self.messages.retain(|m| !(m.is_error && m.topic == topic));
    }

    /// Drops the notes that are not errors once they have been shown for
    /// [`NOTE_SECONDS`], and asks for a frame when the next one is due.
    fn prune_messages(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        self.messages
            .retain(|m| m.is_error || m.shown_at.is_none_or(|at| now - at < NOTE_SECONDS));
        let due = self
            .messages
            .iter()
            .filter(|m| !m.is_error)
            .filter_map(|m| m.shown_at)
            .map(|at| at + NOTE_SECONDS - now)
            .fold(f64::INFINITY, f64::min);
        if due.is_finite() {
            ctx.request_repaint_after(Duration::from_secs_f64(due.max(0.0)));
        }
    }

    /// Remembers the theme and draws the window in it from the next frame.
    pub(super) fn set_theme(&mut self, theme: Theme) {
        self.settings.theme = theme;
        if let Some(ctx) = &self.ctx {
            ctx.set_theme(theme.preference());
        }
    }

    pub(super) fn save_report(&mut self, path: PathBuf) {
        let Some(session) = &self.session else {
            self.messages.push(Message {
                text: "Open a folder before saving a report.".into(),
                is_error: true,
                topic: Topic::Saving,
                shown_at: None,
            });
            return;
        };
        let corpus = session.corpus.clone();
        let analysis = session.analysis.clone();
        let review = session.review.clone();
        let options = self.settings.options;
        self.folder_watch.app_writes(&path);
        self.jobs.spawn_write("report", move || {
            write_report(&path, &corpus, &analysis, &review, options)
        });
    }

    /// Whether Open folder and Save report should try the system dialog.
    pub(super) fn native_dialog_works(&self) -> bool {
        !self.settings.builtin_chooser && self.native_dialog_unavailable.is_none()
    }

    /// Opens the window's own chooser on the opened folder (else the one
    /// loading, the last one, home).
    pub(super) fn open_chooser(&mut self, mode: ChooserMode) {
        let home = std::env::var_os("HOME").map(PathBuf::from);
        let opened = self.session.as_ref().map(|s| s.folder.clone());
        let start = opened
            .clone()
            .or_else(|| self.jobs.loading().map(|l| l.folder.clone()))
            .or_else(|| self.settings.last_folder.clone())
            .or_else(|| home.clone())
            .unwrap_or_else(|| PathBuf::from("."));
        let places = places(
            home.as_deref(),
            opened.as_deref(),
            self.settings.last_report_folder.as_deref(),
            &self.settings.recent_folders,
        );
        // Said again in the chooser: its frame covers the message bar's
        // second line in a small window.
        let note = self
            .native_dialog_unavailable
            .as_ref()
            .filter(|_| !self.settings.builtin_chooser)
            .map(|reason| format!("The system dialog could not open: {reason}."));
        let request = self.chooser.open(mode, &start, places, home, note);
        self.jobs.list_folder(request);
    }

    /// The system dialog could not open: say why, remember it, and open the
    /// window's own chooser in its place.
    fn dialog_unavailable(&mut self, mode: ChooserMode, reason: String) {
        let dialog = match mode {
            ChooserMode::OpenFolder => "folder dialog",
            ChooserMode::SaveReport => "save dialog",
        };
        self.messages.push(Message {
            text: format!(
                "The system {dialog} could not open: {reason}. Choose in the window's own chooser instead."
            ),
            is_error: true,
            topic: Topic::Dialog,
            shown_at: None,
        });
        self.native_dialog_unavailable = Some(reason);
        self.open_chooser(mode);
    }

    /// Applies the reports that have arrived from background jobs.
    fn take_reports(&mut self) {
        for report in self.jobs.drain(DRAIN_BUDGET) {
            match report {
                JobReport::Progress { .. } => {}
                JobReport::Loaded {
                    folder,
                    result,
                    stamp,
                    ..
                } => self.loaded(folder, result, stamp),
                JobReport::FolderPicked(DialogOutcome::Picked(folder)) => {
                    self.run_command(Command::OpenFolder(folder))
                }
                JobReport::ReportPathPicked(DialogOutcome::Picked(path)) => {
                    self.run_command(Command::SaveReport(path))
                }
                JobReport::FolderPicked(DialogOutcome::Cancelled)
                | JobReport::ReportPathPicked(DialogOutcome::Cancelled) => {}
                JobReport::FolderPicked(DialogOutcome::Unavailable(reason)) => {
                    self.dialog_unavailable(ChooserMode::OpenFolder, reason)
                }
                JobReport::ReportPathPicked(DialogOutcome::Unavailable(reason)) => {
                    self.dialog_unavailable(ChooserMode::SaveReport, reason)
                }
                JobReport::FolderListed {
                    request,
                    folder,
                    result,
                } => self.chooser.receive(request, &folder, result),
                JobReport::Saved { what, result } => {
                    if what == "report"
                        && let Ok(path) = &result
                    {
                        self.settings.last_report_folder = path.parent().map(PathBuf::from);
                    }
                    if result.is_ok() {
                        self.resolved(Topic::Saving);
                    }
                    self.messages.push(match result {
                        Ok(path) => Message {
                            text: format!("Saved the {what} to {}", path.display()),
                            is_error: false,
                            topic: Topic::Saving,
                            shown_at: None,
                        },
                        Err(reason) => Message {
                            text: format!("Could not save the {what}: {reason}"),
                            is_error: true,
                            topic: Topic::Saving,
                            shown_at: None,
                        },
                    })
                }
                JobReport::ImageMetadata { path, result } => {
                    self.preview.receive_metadata(path, result);
                }
                JobReport::ImageEvidence { photo, evidence } => {
                    self.preview.receive_evidence(photo, evidence);
                }
                JobReport::FolderChecked(check) => {
                    self.review_checked(&check);
                    self.folder_watch.receive(check);
                }
                JobReport::ReviewApplied {
                    folder,
                    changes,
                    result,
                } => self.review_applied(&folder, &changes, result),
                JobReport::ReviewReloaded {
                    folder,
                    stamp,
                    result,
                } => self.review_reloaded(&folder, stamp, result),
                JobReport::FileAdded { folder, added } => self.file_added(folder, added),
            }
        }
    }

    fn loaded(&mut self, folder: PathBuf, result: Result<Loaded, LoadFailure>, stamp: FolderStamp) {
        let loaded = match result {
            Ok(loaded) => loaded,
            Err(LoadFailure::Cancelled) => return,
            Err(LoadFailure::Failed(reason)) => {
                self.messages.push(Message {
                    text: format!("Could not open the folder: {reason}"),
                    is_error: true,
                    topic: Topic::Folder,
                    shown_at: None,
                });
                return;
            }
        };
        self.resolved(Topic::Folder);
        // The note typed in the session being replaced is saved first.
        self.save_note();
        self.generation += 1;
        let same_folder = self.session.as_ref().is_some_and(|s| s.folder == folder);
        let mut selection = Selection::first_pair(
            0,
            loaded.corpus.photos.first().map_or(0, |p| p.variants.len()),
        );
        let mut review = loaded.review;
        let mut unsaved = Vec::new();
        if let Some(old) = self.session.as_ref().filter(|_| same_folder) {
            let still_fits = loaded
                .corpus
                .photos
                .get(old.selection.photo)
                .is_some_and(|p| old.selection.left.max(old.selection.right) < p.variants.len());
            if still_fits {
                selection = old.selection;
                selection.conflict = None;
                selection.finding = None;
            }
            // Verdicts set in this window that the file just read may not
            // hold yet (their write is under way, or failed) go over it.
            unsaved = old.unsaved.clone();
            for change in &unsaved {
                review.merge(change);
            }
            self.preview.refresh();
        } else {
            self.preview.clear();
        }
        if let Some(problem) = loaded.review_problem {
            self.messages.push(Message {
                text: format!("The saved verdicts could not be read: {problem}"),
                is_error: true,
                // Read with the folder: it applies until the folder is read again.
                topic: Topic::Folder,
                shown_at: None,
            });
        }
        self.settings.remember_folder(&folder);
        self.path_field = folder.display().to_string();
        let folder_for_watch = folder.clone();
        self.session = Some(Session {
            folder,
            generation: self.generation,
            corpus: loaded.corpus,
            analysis: loaded.analysis,
            review,
            selection,
            unsaved,
            review_stamp: loaded.review_stamp,
        });
        self.folder_watch
            .start(&self.jobs, self.generation, &folder_for_watch, stamp);
        if !same_folder {
            self.open_on_first_finding();
        }
        self.select_added();
    }

    /// A freshly opened folder shows its most telling conflict straight away
    /// (without one, its most severe finding).
    fn open_on_first_finding(&mut self) {
        let Some(session) = &mut self.session else {
            return;
        };
        let analysis = session.analysis.clone();
        let Some(photo) = analysis.photos.get(session.selection.photo) else {
            return;
        };
        if let Some((conflict, variant)) = super::selection::opening_conflict(photo) {
            session.selection.left = variant;
            self.select_conflict(conflict);
        } else if !photo.findings.is_empty() {
            self.select_finding(0);
        }
    }

    /// Shortcuts, arrow keys and dropped files, as commands.
    fn input_commands(&mut self, ctx: &egui::Context) -> Vec<Command> {
        use egui::{Key, KeyboardShortcut, Modifiers};
        let mut commands = Vec::new();
        if self.chooser.is_open() {
            // The chooser takes the keys (and nothing is dropped behind it).
            return commands;
        }
        let shortcuts = [
            (
                KeyboardShortcut::new(Modifiers::COMMAND, Key::O),
                Command::PickFolder,
            ),
            (
                KeyboardShortcut::new(Modifiers::COMMAND, Key::S),
                Command::PickReportPath,
            ),
            (
                KeyboardShortcut::new(Modifiers::COMMAND, Key::F),
                Command::OpenFind,
            ),
            (
                KeyboardShortcut::new(Modifiers::NONE, Key::F5),
                Command::Reload,
            ),
            // Shift first: a shortcut without Shift matches with it too.
            (
                KeyboardShortcut::new(Modifiers::SHIFT, Key::F8),
                Command::StepFinding(-1),
            ),
            (
                KeyboardShortcut::new(Modifiers::NONE, Key::F8),
                Command::StepFinding(1),
            ),
            (
                KeyboardShortcut::new(Modifiers::SHIFT, Key::F7),
                Command::StepDifference(-1),
            ),
            (
                KeyboardShortcut::new(Modifiers::NONE, Key::F7),
                Command::StepDifference(1),
            ),
        ];
        for (shortcut, command) in shortcuts {
            if ctx.input_mut(|i| i.consume_shortcut(&shortcut)) {
                commands.push(command);
            }
        }
        let typing = ctx.memory(|m| m.focused().is_some());
        if !typing {
            if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::ArrowDown)) {
                commands.push(Command::MoveVariant(1));
            }
            if ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::ArrowUp)) {
                commands.push(Command::MoveVariant(-1));
            }
        }
        commands.extend(self.drop_and_paste_commands(ctx));
        commands
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if self.ctx.is_none() {
            self.ctx = Some(ctx.clone());
        }
        self.take_reports();
        self.prune_messages(&ctx);
        if ctx.input(|i| i.viewport().close_requested()) {
            self.save_note();
        }
        self.note_frame(&ctx);
        self.text_size_frame(&ctx);
        let mut commands = self.input_commands(&ctx);

        top_bar::ui(ui, self, &mut commands);
        if self.jobs.loading().is_none() {
            self.folder_watch.notice_ui(ui, &mut commands);
        }
        problems::panel_ui(ui, self, &mut commands);
        let left = egui::Panel::left("photos")
            .resizable(true)
            .default_size(self.settings.left_width)
            .size_range(220.0..=520.0)
            .show(ui, |ui| {
                photo_list::ui(
                    ui,
                    self.session.as_ref(),
                    self.settings.photo_list,
                    &mut commands,
                )
            });
        self.settings.left_width = left.response.rect.width();
        if self.image_panel_shown(&ctx) {
            let right = egui::Panel::right("preview")
                .resizable(true)
                .default_size(self.settings.right_width)
                .size_range(240.0..=560.0)
                .show(ui, |ui| self.preview_ui(ui, &mut commands));
            self.settings.right_width = right.response.rect.width();
        }
        egui::CentralPanel::default().show(ui, |ui| self.central_ui(ui, &mut commands));
        self.find_window(&ctx, &mut commands);
        self.add_caption_window(&ctx, &mut commands);
        self.chooser.ui(&ctx, &mut commands);

        for command in commands {
            self.run_command(command);
        }
        if self.jobs.loading().is_some() {
            // Keep the progress bar moving; other jobs request a repaint
            // when they report.
            ctx.request_repaint_after(Duration::from_millis(100));
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }

    /// The window closes: the note typed and every verdict not yet in the
    /// review file are written before it goes (a background write could be
    /// cut off with the process).
    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.save_note();
        self.save_review_now();
    }
}

impl App {
    fn preview_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let Some(session) = &self.session else {
            ui.label("No folder open.");
            return;
        };
        let Some(photo) = session.photo() else {
            ui.label("No photo selected.");
            return;
        };
        let variant = photo.variants.get(session.selection.left);
        egui::ScrollArea::vertical().show(ui, |ui| {
            self.preview
                .ui(ui, &session.folder, photo, variant, commands);
        });
    }

    fn central_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let Some(session) = &self.session else {
            ui.centered_and_justified(|ui| {
                if self.jobs.loading().is_some() {
                    ui.label("Loading the folder...");
                } else {
                    ui.label("Open a captions folder (Ctrl+O), or drop one onto the window.");
                }
            });
            return;
        };
        // At most 40% of the height, so that in a small window the texts
        // keep room above the findings.
        let most = (ui.available_height() * 0.4).max(120.0);
        let central_bottom = ui.available_rect_before_wrap().max.y;
        let conflicts = egui::Panel::bottom("conflicts")
            .resizable(true)
            .default_size(self.settings.conflicts_height.min(most))
            .size_range(100.0..=most)
            .show(ui, |ui| {
                self.conflicts.ui(ui, session, &mut self.note, commands)
            });
        self.settings.conflicts_height = conflicts.response.rect.height();
        // Its top from its height: the rect a panel inside a Ui reports is
        // not where it is drawn (seen with egui 0.37, 50 points lower).
        let findings_top = central_bottom - conflicts.response.rect.height();
        let image_panel = self.image_panel_shown(ui.ctx());
        // Wrapped: in a narrow window every tab stays reachable.
        ui.horizontal_wrapped(|ui| {
            ui.selectable_value(&mut self.tab, CenterTab::Compare, "Compare two");
            ui.selectable_value(&mut self.tab, CenterTab::Alignment, "Alignment of all");
            ui.selectable_value(&mut self.tab, CenterTab::People, "People");
            ui.separator();
            super::image_panel::toggle_ui(ui, image_panel, commands);
        });
        ui.separator();
        // The space above the findings panel: the panel leaves this Ui's
        // max_rect whole, and columns and scroll areas size to max_rect, so
        // without this the compare text draws over the findings in a small
        // window.
        let mut room = ui.available_rect_before_wrap();
        room.max.y = room.max.y.min(findings_top - ui.spacing().item_spacing.y);
        room.max.y = room.max.y.max(room.min.y);
        let above_findings = egui::UiBuilder::new().max_rect(room);
        ui.scope_builder(above_findings, |ui| match self.tab {
            CenterTab::Compare => {
                let scroll = self.pending_scroll.take();
                self.compare
                    .ui(ui, session, self.settings.options, scroll, commands);
            }
            CenterTab::Alignment => self.alignment.ui(ui, session, self.settings.options),
            CenterTab::People => self.people.ui(ui, session, commands),
        });
    }

    fn find_window(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        if let Some(session) = &self.session {
            self.find
                .window(ctx, &session.corpus, &session.analysis, commands);
        }
    }
}
