//! Keeping the window's verdicts and the folder's review file in step:
//! the answer to a merge of this window's verdicts, the watch seeing the
//! file changed by another window, and the file read again. Every read and
//! write runs in `Jobs`; this only applies their answers to the session.

use std::path::Path;

use super::app::{App, Message, Topic};
use super::folder_watch::FolderCheck;
use crate::review::{Applied, Change, Review, ReviewStamp};

impl App {
    /// A merge of this window's verdicts into the review file finished.
    pub(super) fn review_applied(
        &mut self,
        folder: &Path,
        changes: &[Change],
        result: Result<Applied, String>,
    ) {
        let Some(session) = self.session.as_mut().filter(|s| s.folder == folder) else {
            return;
        };
        match result {
            Ok(applied) => {
                // Saved: an earlier failure to save no longer applies.
                self.messages
                    .retain(|m| !(m.is_error && m.topic == Topic::Verdicts));
                session.unsaved.retain(|change| !changes.contains(change));
                session.review = applied.review;
                for change in &session.unsaved {
                    session.review.merge(change);
                }
                session.review_stamp = applied.stamp;
                if let Some(kept) = applied.damaged_kept_as {
                    self.messages.push(Message {
                        text: format!(
                            "The review file was damaged and could not be read; it was kept as {} and a new one holds your verdicts from now on.",
                            kept.display()
                        ),
                        is_error: true,
                        topic: Topic::Verdicts,
                        shown_at: None,
                    });
                }
            }
            Err(reason) => self.messages.push(Message {
                text: format!(
                    "Could not save the verdicts: {reason} (they stay in this window and are saved with the next one)"
                ),
                is_error: true,
                topic: Topic::Verdicts,
                shown_at: None,
            }),
        }
    }

    /// Merges this window's verdicts that the review file lacks into it
    /// now, on this thread (the window is closing).
    pub(super) fn save_review_now(&mut self) {
        let Some(session) = self.session.as_ref().filter(|s| !s.unsaved.is_empty()) else {
            return;
        };
        let (folder, changes) = (session.folder.clone(), session.unsaved.clone());
        let result = self.jobs.apply_review_now(&folder, &changes);
        self.review_applied(&folder, &changes, result);
    }

    /// The watch saw the review file: when it is not as this window last
    /// read or wrote it, another window wrote verdicts, and it is read again.
    pub(super) fn review_checked(&mut self, check: &FolderCheck) {
        let Some(session) = self.session.as_mut() else {
            return;
        };
        if check.generation != self.generation || check.review == session.review_stamp {
            return;
        }
        session.review_stamp = check.review;
        self.jobs.reload_review(session.folder.clone());
    }

    /// The review file, read again after another window wrote it: its
    /// verdicts, with this window's unsaved ones over them.
    pub(super) fn review_reloaded(
        &mut self,
        folder: &Path,
        stamp: Option<ReviewStamp>,
        result: Result<Review, String>,
    ) {
        let Some(session) = self.session.as_mut().filter(|s| s.folder == folder) else {
            return;
        };
        match result {
            Ok(mut review) => {
                for change in &session.unsaved {
                    review.merge(change);
                }
                if review != session.review {
                    session.review = review;
                    self.messages.push(Message {
                        text: "Verdicts saved by another window were loaded.".into(),
                        is_error: false,
                        topic: Topic::Verdicts,
                        shown_at: None,
                    });
                }
                session.review_stamp = stamp;
            }
            Err(reason) => self.messages.push(Message {
                text: format!("The saved verdicts could not be read again: {reason}"),
                is_error: true,
                topic: Topic::Verdicts,
                shown_at: None,
            }),
        }
    }
}
