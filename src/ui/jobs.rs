//! Background work for the window: loading and analysing a folder, saving
//! verdicts and reports, decoding previews, the native file dialogs (through
//! a [`DialogBackend`]), reading folders for the window's own chooser, and
//! watching the opened folder for changes on disk.
//!
//! Every job runs on its own thread and reports over one `std::sync::mpsc`
//! channel; the UI drains the channel with `try_recv` at the start of each
//! frame and never blocks on it. A load carries a generation number: starting
//! a new load (another folder, a reload) cancels the old one, and a report from
//! a superseded generation is dropped on arrival.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use eframe::egui;

use crate::analysis::{Analysis, analyze};
use crate::corpus::Corpus;
use crate::corpus::load::{LoadError, LoadProgress, load_folder};
use crate::corpus::watch::FolderStamp;
use crate::review::{Applied, Change, Review, ReviewStamp};

use crate::imaging::evidence::{ImageEvidence, examine_images_until, read_image_metadata};

use super::chooser_listing::{Entry, ListingRequest, read_listing};
use super::dialogs::{DialogBackend, DialogOutcome, NativeDialogs};
use super::file_chooser::SUGGESTED_REPORT_NAME;
use super::folder_additions::FileAdded;
use super::folder_watch::{FolderCheck, FolderPoller};
use super::preview::MetadataResult;

/// What a finished load hands to the window.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub corpus: Arc<Corpus>,
    pub analysis: Arc<Analysis>,
    pub review: Review,
    /// Why the folder's review file could not be read (the review starts empty).
    pub review_problem: Option<String>,
    /// The review file as read.
    pub review_stamp: Option<ReviewStamp>,
}

/// Why a load produced nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadFailure {
    Cancelled,
    Failed(String),
}

/// The function that turns a folder into a [`Loaded`]. The window uses
/// [`load_and_analyze`]; tests pass their own hand-made corpora.
pub type Loader = Arc<
    dyn Fn(&Path, &(dyn Fn(LoadProgress) + Sync), &AtomicBool) -> Result<Loaded, LoadFailure>
        + Send
        + Sync,
>;

/// Loads the folder, analyses it and reads its review file.
pub fn load_and_analyze(
    root: &Path,
    progress: &(dyn Fn(LoadProgress) + Sync),
    cancel: &AtomicBool,
) -> Result<Loaded, LoadFailure> {
    let corpus = load_folder(root, progress, cancel).map_err(|e| match e {
        LoadError::Cancelled => LoadFailure::Cancelled,
        other => LoadFailure::Failed(other.to_string()),
    })?;
    if cancel.load(Ordering::Relaxed) {
        return Err(LoadFailure::Cancelled);
    }
    let analysis = analyze(&corpus);
    let review_stamp = ReviewStamp::take(root);
    let (review, review_problem) = match Review::load(root) {
        Ok(review) => (review, None),
        Err(e) => (Review::default(), Some(e.to_string())),
    };
    Ok(Loaded {
        corpus: Arc::new(corpus),
        analysis: Arc::new(analysis),
        review,
        review_problem,
        review_stamp,
    })
}

/// A message from a background job.
#[derive(Debug)]
pub enum JobReport {
    Progress {
        generation: u64,
        progress: LoadProgress,
    },
    Loaded {
        generation: u64,
        folder: PathBuf,
        result: Result<Loaded, LoadFailure>,
        /// The folder's files as they were when the load started: the
        /// baseline for noticing later changes.
        stamp: FolderStamp,
    },
    /// The folder dialog returned.
    FolderPicked(DialogOutcome),
    /// The save dialog returned.
    ReportPathPicked(DialogOutcome),
    /// A folder was read for the window's own chooser (`request` is the
    /// [`ListingRequest`]'s id).
    FolderListed {
        request: u64,
        folder: PathBuf,
        result: Result<Vec<Entry>, String>,
    },
    /// A write finished: `what` is "verdicts" or "report".
    Saved {
        what: &'static str,
        result: Result<PathBuf, String>,
    },
    /// An image's embedded metadata was read.
    ImageMetadata {
        path: PathBuf,
        result: MetadataResult,
    },
    /// A photo's images were examined (None: cancelled by a newer request).
    ImageEvidence {
        photo: String,
        evidence: Option<ImageEvidence>,
    },
    /// The opened folder's watch looked at it.
    FolderChecked(FolderCheck),
    /// Verdicts were merged into the folder's review file: `changes` are
    /// the ones sent.
    ReviewApplied {
        folder: PathBuf,
        changes: Vec<Change>,
        result: Result<Applied, String>,
    },
    /// A file was added to the opened `folder` (`folder_additions`).
    FileAdded { folder: PathBuf, added: FileAdded },
    /// The review file was read again (another window wrote it).
    ReviewReloaded {
        folder: PathBuf,
        stamp: Option<ReviewStamp>,
        result: Result<Review, String>,
    },
}

/// The running load, as far as the window needs to know.
#[derive(Debug, Clone)]
pub struct LoadingState {
    pub folder: PathBuf,
    pub progress: Option<LoadProgress>,
}

/// Starts jobs and collects their reports.
pub struct Jobs {
    sender: Sender<JobReport>,
    receiver: Receiver<JobReport>,
    repaint: Option<egui::Context>,
    loader: Loader,
    generation: u64,
    cancel: Option<Arc<AtomicBool>>,
    loading: Option<LoadingState>,
    writes_in_flight: usize,
    decodes_in_flight: usize,
    /// Stops the running examination of a photo's images.
    examine_cancel: Option<Arc<AtomicBool>>,
    dialog_open: bool,
    /// Shows the folder and save dialogs.
    dialogs: Arc<dyn DialogBackend>,
    listings_in_flight: usize,
    /// Serialises writes of the review file, so the last verdict wins.
    review_lock: Arc<Mutex<()>>,
}

impl Jobs {
    pub fn new(repaint: Option<egui::Context>, loader: Loader) -> Self {
        let (sender, receiver) = channel();
        Jobs {
            sender,
            receiver,
            repaint,
            loader,
            generation: 0,
            cancel: None,
            loading: None,
            writes_in_flight: 0,
            decodes_in_flight: 0,
            examine_cancel: None,
            dialog_open: false,
            dialogs: Arc::new(NativeDialogs),
            listings_in_flight: 0,
            review_lock: Arc::new(Mutex::new(())),
        }
    }

    /// Shows the file dialogs with `dialogs` instead of the system's.
    pub fn set_dialogs(&mut self, dialogs: Arc<dyn DialogBackend>) {
        self.dialogs = dialogs;
    }

    /// The load in progress, if any.
    pub fn loading(&self) -> Option<&LoadingState> {
        self.loading.as_ref()
    }

    /// Whether any job (load, write, decode, dialog, listing) is running.
    pub fn is_busy(&self) -> bool {
        self.loading.is_some()
            || self.writes_in_flight > 0
            || self.decodes_in_flight > 0
            || self.dialog_open
            || self.listings_in_flight > 0
    }

    /// Starts loading `folder`, cancelling and superseding any earlier load.
    pub fn start_load(&mut self, folder: PathBuf) {
        self.cancel_load();
        self.generation += 1;
        let generation = self.generation;
        let cancel = Arc::new(AtomicBool::new(false));
        self.cancel = Some(cancel.clone());
        self.loading = Some(LoadingState {
            folder: folder.clone(),
            progress: None,
        });
        let sender = self.sender.clone();
        let repaint = self.repaint.clone();
        let loader = self.loader.clone();
        std::thread::spawn(move || {
            let progress_sender = Mutex::new(sender.clone());
            let progress_repaint = repaint.clone();
            let progress = move |progress: LoadProgress| {
                if let Ok(s) = progress_sender.lock() {
                    let _ = s.send(JobReport::Progress {
                        generation,
                        progress,
                    });
                }
                if let Some(ctx) = &progress_repaint {
                    ctx.request_repaint();
                }
            };
            // A dropped or typed file opens the folder it is in.
            let folder = match folder.parent() {
                Some(parent) if folder.is_file() => parent.to_path_buf(),
                _ => folder,
            };
            let stamp = FolderStamp::take(&folder);
            let result = loader(&folder, &progress, &cancel);
            let _ = sender.send(JobReport::Loaded {
                generation,
                folder,
                result,
                stamp,
            });
            if let Some(ctx) = repaint {
                ctx.request_repaint();
            }
        });
    }

    /// Asks the running load to stop; its result will be dropped.
    pub fn cancel_load(&mut self) {
        if let Some(cancel) = self.cancel.take() {
            cancel.store(true, Ordering::Relaxed);
        }
        if self.loading.take().is_some() {
            // Anything the cancelled load still sends is superseded.
            self.generation += 1;
        }
    }

    /// Merges `changes` into the folder's review file in the background
    /// (under the file's lock, so other windows' verdicts are kept).
    pub fn save_review(&mut self, folder: PathBuf, changes: Vec<Change>) {
        let lock = self.review_lock.clone();
        self.writes_in_flight += 1;
        self.spawn(move || {
            let result = match lock.lock() {
                Ok(_guard) => Review::apply(&folder, &changes).map_err(|e| e.to_string()),
                Err(_) => Err("a previous save failed".to_owned()),
            };
            JobReport::ReviewApplied {
                folder,
                changes,
                result,
            }
        });
    }

    /// Merges `changes` into the folder's review file on this thread, after
    /// any background merge still running (the window is closing).
    pub fn apply_review_now(&self, folder: &Path, changes: &[Change]) -> Result<Applied, String> {
        match self.review_lock.lock() {
            Ok(_guard) => Review::apply(folder, changes).map_err(|e| e.to_string()),
            Err(_) => Err("a previous save failed".to_owned()),
        }
    }

    /// Reads the folder's review file again, after another window wrote it.
    pub fn reload_review(&mut self, folder: PathBuf) {
        self.spawn(move || {
            let stamp = ReviewStamp::take(&folder);
            let result = Review::load(&folder).map_err(|e| e.to_string());
            JobReport::ReviewReloaded {
                folder,
                stamp,
                result,
            }
        });
    }

    /// Runs a write in the background and reports it as `Saved { what }`.
    pub fn spawn_write(
        &mut self,
        what: &'static str,
        write: impl FnOnce() -> Result<PathBuf, String> + Send + 'static,
    ) {
        self.writes_in_flight += 1;
        self.spawn(move || JobReport::Saved {
            what,
            result: write(),
        });
    }

    /// Adds a file to the opened `folder` in the background (a caption
    /// written from the form, dropped files copied in).
    pub fn add_file(&mut self, folder: PathBuf, add: impl FnOnce() -> FileAdded + Send + 'static) {
        self.writes_in_flight += 1;
        self.spawn(move || JobReport::FileAdded {
            folder,
            added: add(),
        });
    }

    /// Reads the metadata embedded in the image at `path`.
    pub fn read_image_metadata(&mut self, path: PathBuf) {
        self.decodes_in_flight += 1;
        self.spawn(move || {
            let result = read_image_metadata(&path);
            JobReport::ImageMetadata { path, result }
        });
    }

    /// Hashes and groups a photo's images, cancelling the examination of
    /// the photo before (the user moved on).
    pub fn examine_images(&mut self, root: PathBuf, photo: String, images: Vec<PathBuf>) {
        if let Some(cancel) = self.examine_cancel.take() {
            cancel.store(true, Ordering::Relaxed);
        }
        let cancel = Arc::new(AtomicBool::new(false));
        self.examine_cancel = Some(Arc::clone(&cancel));
        self.decodes_in_flight += 1;
        self.spawn(move || {
            // One thread: the thumbnails on screen come first, and they are
            // decoded by the preview pool on the other cores.
            let examine = || examine_images_until(&root, &images, &cancel);
            let evidence = match rayon::ThreadPoolBuilder::new().num_threads(1).build() {
                Ok(pool) => pool.install(examine),
                Err(_) => examine(),
            };
            JobReport::ImageEvidence { evidence, photo }
        });
    }

    /// Shows the folder dialog off the UI thread.
    pub fn pick_folder(&mut self, start: Option<PathBuf>) {
        if self.dialog_open {
            return;
        }
        self.dialog_open = true;
        let dialogs = Arc::clone(&self.dialogs);
        self.spawn(move || JobReport::FolderPicked(dialogs.pick_folder(start.as_deref())));
    }

    /// Shows the save dialog off the UI thread.
    pub fn pick_report_path(&mut self, start: Option<PathBuf>) {
        if self.dialog_open {
            return;
        }
        self.dialog_open = true;
        let dialogs = Arc::clone(&self.dialogs);
        self.spawn(move || {
            JobReport::ReportPathPicked(dialogs.save_file(start.as_deref(), SUGGESTED_REPORT_NAME))
        });
    }

    /// Reads a folder for the window's own chooser (a network folder may
    /// take its time; the window does not wait).
    pub fn list_folder(&mut self, request: ListingRequest) {
        self.listings_in_flight += 1;
        self.spawn(move || JobReport::FolderListed {
            request: request.id,
            result: read_listing(&request.folder),
            folder: request.folder,
        });
    }

    /// Runs the opened folder's watch on its own thread until the window
    /// drops it. Not counted as busy: it lasts as long as the folder is open.
    /// Only a change or an answered request asks for a repaint.
    pub fn watch_folder(&self, poller: FolderPoller) {
        let sender = self.sender.clone();
        let repaint = self.repaint.clone();
        std::thread::spawn(move || {
            poller.run(|check| {
                let sent = sender.send(JobReport::FolderChecked(check)).is_ok();
                if (check.changed || check.answered.is_some())
                    && let Some(ctx) = &repaint
                {
                    ctx.request_repaint();
                }
                sent
            });
        });
    }

    fn spawn(&self, job: impl FnOnce() -> JobReport + Send + 'static) {
        let sender = self.sender.clone();
        let repaint = self.repaint.clone();
        std::thread::spawn(move || {
            let _ = sender.send(job());
            if let Some(ctx) = repaint {
                ctx.request_repaint();
            }
        });
    }

    /// Takes the reports that have arrived, within a time budget, dropping
    /// those of superseded loads. Never blocks.
    pub fn drain(&mut self, budget: Duration) -> Vec<JobReport> {
        let started = Instant::now();
        let mut reports = Vec::new();
        while let Ok(report) = self.receiver.try_recv() {
            if let Some(report) = self.accept(report) {
                reports.push(report);
            }
            if started.elapsed() >= budget {
                // The rest waits for the next frame, which comes at once.
                if let Some(ctx) = &self.repaint {
                    ctx.request_repaint();
                }
                break;
            }
        }
        reports
    }

    fn accept(&mut self, report: JobReport) -> Option<JobReport> {
        match &report {
            JobReport::Progress {
                generation,
                progress,
            } => {
                if *generation == self.generation
                    && let Some(loading) = &mut self.loading
                {
                    loading.progress = Some(*progress);
                }
                None
            }
            JobReport::Loaded { generation, .. } => {
                if *generation != self.generation {
                    return None;
                }
                self.loading = None;
                self.cancel = None;
                Some(report)
            }
            JobReport::FolderPicked(_) | JobReport::ReportPathPicked(_) => {
                self.dialog_open = false;
                Some(report)
            }
            JobReport::Saved { .. }
            | JobReport::ReviewApplied { .. }
            | JobReport::FileAdded { .. } => {
                self.writes_in_flight = self.writes_in_flight.saturating_sub(1);
                Some(report)
            }
            JobReport::ReviewReloaded { .. } => Some(report),
            JobReport::FolderListed { .. } => {
                self.listings_in_flight = self.listings_in_flight.saturating_sub(1);
                Some(report)
            }
            JobReport::ImageMetadata { .. } | JobReport::ImageEvidence { .. } => {
                self.decodes_in_flight = self.decodes_in_flight.saturating_sub(1);
                Some(report)
            }
            JobReport::FolderChecked(_) => Some(report),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc::sync_channel;

    /// Drains until a `Loaded` report arrives (the loader threads here finish
    /// once the test lets them).
    fn drain_until_loaded(jobs: &mut Jobs) -> Vec<JobReport> {
        let mut all = Vec::new();
        while jobs.loading().is_some() {
            all.extend(jobs.drain(Duration::from_millis(10)));
            std::thread::yield_now();
        }
        all
    }

    #[test]
    fn a_superseded_load_is_dropped() {
        // The first load waits for a signal the test never sends until the
        // second load has been started; its result must not arrive.
        let (release_sender, release) = sync_channel::<()>(1);
        let release = Arc::new(Mutex::new(release));
        let loader: Loader = Arc::new(move |root: &Path, _progress, _cancel| {
            if root == Path::new("first")
                && let Ok(r) = release.lock()
            {
                let _ = r.recv();
            }
            Ok(Loaded {
                corpus: Arc::new(Corpus {
                    root: root.to_path_buf(),
                    ..Corpus::default()
                }),
                analysis: Arc::new(Analysis::default()),
                review: Review::default(),
                review_problem: None,
                review_stamp: None,
            })
        });
        let mut jobs = Jobs::new(None, loader);
        jobs.start_load(PathBuf::from("first"));
        jobs.start_load(PathBuf::from("second"));
        let _ = release_sender.send(());
        let reports = drain_until_loaded(&mut jobs);
        let folders: Vec<PathBuf> = reports
            .iter()
            .filter_map(|r| match r {
                JobReport::Loaded { folder, .. } => Some(folder.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(folders, vec![PathBuf::from("second")]);
    }

    #[test]
    fn cancelling_stops_the_load_and_drops_its_result() {
        let loader: Loader = Arc::new(|_root: &Path, _progress, cancel: &AtomicBool| {
            while !cancel.load(Ordering::Relaxed) {
                std::thread::yield_now();
            }
            Err(LoadFailure::Cancelled)
        });
        let mut jobs = Jobs::new(None, loader);
        jobs.start_load(PathBuf::from("slow"));
        assert!(jobs.loading().is_some());
        jobs.cancel_load();
        assert!(jobs.loading().is_none());
        assert!(!jobs.is_busy());
        // Whatever the cancelled thread sends later is of an old generation.
        let reports = jobs.drain(Duration::from_millis(10));
        assert!(reports.is_empty());
    }
}
