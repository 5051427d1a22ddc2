//! "The folder changed on disk. [Reload]": while a folder is open, a
//! background thread compares a [`FolderStamp`] of it with the one taken
//! when it was loaded, every two seconds (less often when stamping the folder
//! is slow), and the window shows a notice bar once they differ. The UI
//! thread never walks the folder.
//!
//! The app's own writes do not count: verdicts live in the hidden
//! `.caption-provenance/` folder, which the loader and the stamp skip, and a
//! report saved inside the folder is recorded here so the poller leaves it
//! out. A reload starts a new watch from the reloaded folder's stamp.
//!
//! Each poll also gives the review file's [`ReviewStamp`] (even after the
//! folder changed), so verdicts another window saves reach this one.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use eframe::egui;

use crate::corpus::watch::FolderStamp;
use crate::review::ReviewStamp;

use super::commands::Command;
use super::jobs::Jobs;

/// How often an unchanged folder is stamped again.
pub const POLL_INTERVAL: Duration = Duration::from_secs(2);
/// A folder whose stamp takes longer than this share of the interval is
/// polled less often, so a huge archive does not keep a core busy.
const SLOW_STAMP_FACTOR: u32 = 10;

/// What a poll found, as reported to the window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FolderCheck {
    /// The session generation the watch belongs to.
    pub generation: u64,
    /// The check request this poll answered (see [`FolderWatch::check_now`]);
    /// `None` for a poll of the timer.
    pub answered: Option<u64>,
    pub changed: bool,
    /// The review file as the poll found it.
    pub review: Option<ReviewStamp>,
}

/// The watch of the opened folder, as the window holds it.
#[derive(Debug, Default)]
pub struct FolderWatch {
    watched: Option<Watched>,
    changed: bool,
    /// The last check request sent, and the last one answered.
    asked: u64,
    answered: u64,
}

#[derive(Debug)]
struct Watched {
    generation: u64,
    /// The opened folder, resolved, to place the app's own writes in it.
    root: Option<PathBuf>,
    /// Wakes the poller for a check now; dropping it stops the poller.
    wake: Sender<u64>,
    /// The app's own writes inside the folder, relative to it.
    own_writes: Arc<Mutex<Vec<PathBuf>>>,
}

impl FolderWatch {
    /// Starts watching `folder`, just loaded as session `generation`, for
    /// changes since `baseline`; stops any earlier watch and hides the notice.
    pub fn start(&mut self, jobs: &Jobs, generation: u64, folder: &Path, baseline: FolderStamp) {
        let (wake, requests) = channel();
        let own_writes = Arc::new(Mutex::new(Vec::new()));
        let root = std::fs::canonicalize(folder).ok();
        jobs.watch_folder(FolderPoller {
            generation,
            root: root.clone().unwrap_or_else(|| folder.to_path_buf()),
            baseline,
            interval: POLL_INTERVAL,
            requests,
            own_writes: own_writes.clone(),
        });
        self.watched = Some(Watched {
            generation,
            root,
            wake,
            own_writes,
        });
        self.changed = false;
        // Requests to the old poller are void: it is gone.
        self.answered = self.asked;
    }

    /// Records that the app is about to write `path` (a report), so that
    /// writing it inside the opened folder is not taken for a change.
    pub fn app_writes(&self, path: &Path) {
        let Some(watched) = &self.watched else {
            return;
        };
        let Some(root) = &watched.root else {
            return;
        };
        let resolved = match (path.parent(), path.file_name()) {
            (Some(parent), Some(name)) => {
                let parent = if parent.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    parent
                };
                std::fs::canonicalize(parent).map(|p| p.join(name)).ok()
            }
            _ => None,
        };
        if let Some(relative) =
            resolved.and_then(|p| p.strip_prefix(root).ok().map(Path::to_path_buf))
            && let Ok(mut own) = watched.own_writes.lock()
            && !own.contains(&relative)
        {
            own.push(relative);
        }
    }

    /// Asks the poller to check now rather than at its next tick. Once a
    /// change was seen the poller has stopped and the answer is known.
    pub fn check_now(&mut self) {
        let Some(watched) = &self.watched else {
            return;
        };
        self.asked += 1;
        if self.changed || watched.wake.send(self.asked).is_err() {
            self.answered = self.asked;
        }
    }

    /// Takes a poll's result; results of an earlier session are dropped.
    pub fn receive(&mut self, check: FolderCheck) {
        let Some(watched) = &self.watched else {
            return;
        };
        if check.generation != watched.generation {
            return;
        }
        if let Some(answered) = check.answered {
            self.answered = self.answered.max(answered);
        }
        self.changed |= check.changed;
    }

    /// Whether the folder changed on disk since it was loaded.
    pub fn is_changed(&self) -> bool {
        self.changed
    }

    /// Whether every [`FolderWatch::check_now`] so far has been answered.
    pub fn checks_answered(&self) -> bool {
        self.answered >= self.asked
    }

    /// The notice bar, when the folder changed: its Reload button sends
    /// [`Command::Reload`].
    pub fn notice_ui(&self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        if !self.changed {
            return;
        }
        egui::Panel::top("folder_changed").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.colored_label(ui.visuals().warn_fg_color, "The folder changed on disk.");
                if ui
                    .button("Reload")
                    .on_hover_text("Read the folder again; your verdicts are kept")
                    .clicked()
                {
                    commands.push(Command::Reload);
                }
            });
        });
    }
}

/// The background half of a watch: run by [`Jobs::watch_folder`] on its own
/// thread until the window drops the watch.
#[derive(Debug)]
pub struct FolderPoller {
    generation: u64,
    root: PathBuf,
    baseline: FolderStamp,
    interval: Duration,
    requests: Receiver<u64>,
    own_writes: Arc<Mutex<Vec<PathBuf>>>,
}

impl FolderPoller {
    /// Stamps the folder at each tick or request and hands each result to
    /// `report` (which returns false once nobody listens). Stops when the
    /// watch is dropped or when `report` fails. After the first change the
    /// folder is no longer stamped (the notice stays until a reload starts a
    /// new watch); the review file still is.
    pub fn run(self, report: impl Fn(FolderCheck) -> bool) {
        let mut interval = self.interval;
        let mut folder_changed = false;
        loop {
            let answered = match self.requests.recv_timeout(interval) {
                Ok(request) => Some(request),
                Err(RecvTimeoutError::Timeout) => None,
                Err(RecvTimeoutError::Disconnected) => return,
            };
            // Answer every request already queued with this one stamp.
            let answered = self.requests.try_iter().last().or(answered);
            let started = Instant::now();
            if !folder_changed {
                let now = FolderStamp::take(&self.root);
                let ignored = self
                    .own_writes
                    .lock()
                    .map(|own| own.clone())
                    .unwrap_or_default();
                folder_changed = now.differs_ignoring(&self.baseline, &ignored);
                interval = self
                    .interval
                    .max(started.elapsed().saturating_mul(SLOW_STAMP_FACTOR));
            }
            let check = FolderCheck {
                generation: self.generation,
                answered,
                changed: folder_changed,
                review: ReviewStamp::take(&self.root),
            };
            if !report(check) {
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const REVIEW: &str = crate::review::REVIEW_FILE;

    fn poller(root: &Path, baseline: FolderStamp) -> (FolderPoller, Sender<u64>) {
        let (wake, requests) = channel();
        let poller = FolderPoller {
            generation: 7,
            root: root.to_path_buf(),
            baseline,
            interval: Duration::from_secs(3600),
            requests,
            own_writes: Arc::new(Mutex::new(vec![PathBuf::from("report.html")])),
        };
        (poller, wake)
    }

    /// Runs the poller until it stops, after the given requests were queued
    /// and the wake handle dropped; returns what it reported.
    fn checks(root: &Path, baseline: FolderStamp, requests: &[u64]) -> Vec<FolderCheck> {
        let (poller, wake) = poller(root, baseline);
        for request in requests {
            let _ = wake.send(*request);
        }
        drop(wake);
        let reported = Mutex::new(Vec::new());
        poller.run(|check| {
            if let Ok(mut all) = reported.lock() {
                all.push(check);
            }
            true
        });
        reported.into_inner().unwrap_or_default()
    }

    #[test]
    fn queued_requests_are_answered_by_one_stamp() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        std::fs::write(dir.path().join("a.txt"), "Caption.")?;
        let baseline = FolderStamp::take(dir.path());
        std::fs::write(dir.path().join("report.html"), "<p>our report</p>")?;
        assert_eq!(
            checks(dir.path(), baseline, &[1, 2]),
            vec![FolderCheck {
                generation: 7,
                answered: Some(2),
                changed: false,
                review: None,
            }]
        );
        Ok(())
    }

    #[test]
    fn a_change_stops_the_folder_stamps_but_not_the_review_stamps() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        std::fs::write(dir.path().join("a.txt"), "Caption.")?;
        let baseline = FolderStamp::take(dir.path());
        std::fs::write(dir.path().join("b.txt"), "Another caption.")?;
        let (poller, wake) = poller(dir.path(), baseline);
        wake.send(1).map_err(std::io::Error::other)?;
        wake.send(2).map_err(std::io::Error::other)?;
        // The folder is not stamped again after the change: the next polls
        // give the review file only, and the change stays reported.
        std::fs::create_dir_all(dir.path().join(".caption-provenance"))?;
        let reported = Mutex::new(Vec::new());
        poller.run(|check| {
            let Ok(mut all) = reported.lock() else {
                return false;
            };
            all.push(check);
            if all.len() == 1 {
                // Another window saves a verdict; then the watch is asked again.
                let _ = std::fs::write(dir.path().join(REVIEW), "{}");
                let _ = wake.send(3);
            }
            all.len() < 2
        });
        let reported = reported.into_inner().unwrap_or_default();
        assert_eq!(reported.len(), 2);
        assert_eq!(
            reported.first().map(|c| (c.answered, c.changed, c.review)),
            Some((Some(2), true, None))
        );
        assert_eq!(
            reported.get(1).map(|c| (c.answered, c.changed)),
            Some((Some(3), true))
        );
        assert_eq!(
            reported.get(1).and_then(|c| c.review),
            ReviewStamp::take(dir.path())
        );
        drop(wake);
        Ok(())
    }

    #[test]
    fn results_of_an_earlier_session_are_dropped() {
        let (wake, _requests) = channel();
        let mut watch = FolderWatch {
            watched: Some(Watched {
                generation: 2,
                root: None,
                wake,
                own_writes: Arc::default(),
            }),
            ..FolderWatch::default()
        };
        watch.check_now();
        assert!(!watch.checks_answered());
        watch.receive(FolderCheck {
            generation: 1,
            answered: Some(1),
            changed: true,
            review: None,
        });
        assert!(!watch.is_changed());
        assert!(!watch.checks_answered());
        watch.receive(FolderCheck {
            generation: 2,
            answered: Some(1),
            changed: true,
            review: None,
        });
        assert!(watch.is_changed());
        assert!(watch.checks_answered());
    }
}
