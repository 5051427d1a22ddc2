//! The note typed for a verdict, saved without a click: 1 s after typing
//! pauses (debounced on egui's clock), when the text field loses focus
//! (Enter, Tab, a click elsewhere), when another finding, photo or folder is
//! shown, and when the window closes. A note typed where no verdict was
//! chosen saves the verdict "unsure" with it. Saving goes through the same
//! merge into the review file as a verdict (atomic, in the background; on
//! close, before the window goes).

use std::path::PathBuf;
use std::time::Duration;

use crate::review::{Verdict, VerdictStatus};
use crate::review_staleness::{VerdictState, values_of_key};

use super::app::App;
use super::selection::Session;

/// How long typing must pause before the note is saved, in seconds.
pub const NOTE_SAVE_DELAY: f64 = 1.0;

/// The finding a note is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteTarget {
    pub folder: PathBuf,
    pub photo: String,
    pub key: String,
}

/// The note in the verdict editor, and whether it is saved.
#[derive(Debug, Clone, Default)]
pub struct NoteDraft {
    target: Option<NoteTarget>,
    /// What the text field shows.
    pub text: String,
    /// The note as the review holds it, to tell an edit from none.
    saved: String,
    /// When (egui time, seconds) the unsaved text was last edited.
    edited_at: Option<f64>,
}

impl NoteDraft {
    /// The finding the draft is about.
    pub fn target(&self) -> Option<&NoteTarget> {
        self.target.as_ref()
    }

    /// Shows the saved note of `target` (another finding was selected).
    pub fn show(&mut self, target: Option<NoteTarget>, saved: &str) {
        self.target = target;
        saved.clone_into(&mut self.text);
        saved.clone_into(&mut self.saved);
        self.edited_at = None;
    }

    /// The text was edited at `now`.
    pub fn edited(&mut self, now: f64) {
        self.edited_at = Some(now);
    }

    /// Whether the text differs from the note the review holds.
    pub fn is_unsaved(&self) -> bool {
        self.target.is_some() && self.text != self.saved
    }

    /// The review now holds `note` for the draft's finding (saved, or
    /// changed by a verdict click or another window): an unedited draft
    /// shows it.
    pub fn saved_as(&mut self, note: &str) {
        if !self.is_unsaved() {
            note.clone_into(&mut self.text);
        }
        note.clone_into(&mut self.saved);
        if !self.is_unsaved() {
            self.edited_at = None;
        }
    }

    /// Whether typing paused long enough for the note to be saved.
    pub fn is_due(&self, now: f64) -> bool {
        self.is_unsaved() && self.edited_at.is_none_or(|at| now - at >= NOTE_SAVE_DELAY)
    }

    /// How long until [`NoteDraft::is_due`], while it is not yet.
    pub fn wait(&self, now: f64) -> Option<Duration> {
        let at = self.edited_at.filter(|_| self.is_unsaved())?;
        let left = (at + NOTE_SAVE_DELAY - now).max(0.0);
        Some(Duration::from_secs_f64(left))
    }

    /// The unsaved note and its finding, now counted as saved.
    fn take_unsaved(&mut self) -> Option<(NoteTarget, String)> {
        if !self.is_unsaved() {
            return None;
        }
        self.saved.clone_from(&self.text);
        self.edited_at = None;
        Some((self.target.clone()?, self.text.clone()))
    }
}

impl App {
    /// Each frame: follows the finding under review (saving the note of
    /// the one left), saves a note whose typing paused, and asks for the
    /// frame that will save it.
    pub(super) fn note_frame(&mut self, ctx: &eframe::egui::Context) {
        self.follow_note_target();
        let now = ctx.input(|i| i.time);
        if self.note.is_due(now) {
            self.save_note();
        } else if let Some(wait) = self.note.wait(now) {
            ctx.request_repaint_after(wait);
        }
    }

    /// Saves the note if it is not saved (switching, Enter, closing).
    pub(super) fn save_note(&mut self) {
        let Some((target, text)) = self.note.take_unsaved() else {
            return;
        };
        let Some(session) = self.session.as_ref().filter(|s| s.folder == target.folder) else {
            return;
        };
        let Some(photo) = photo_index(session, &target.photo) else {
            return;
        };
        let values_now = || {
            session
                .corpus
                .photos
                .get(photo)
                .zip(session.analysis.photos.get(photo))
                .and_then(|(p, a)| values_of_key(p, a, &target.key))
        };
        let verdict = match session.review.get(&target.photo, &target.key) {
            // The verdict stays what it was, and so do the values it judged.
            Some(verdict) => Verdict {
                note: text,
                at: None,
                ..verdict.clone()
            },
            None => match held_verdict(session, photo, &target.key) {
                // A swap's verdict taken from its people's becomes its own,
                // judging what they judged (all of it when they still hold).
                Some((verdict, holds)) => Verdict {
                    note: text,
                    at: None,
                    values: if holds {
                        values_now()
                    } else {
                        verdict.values.clone()
                    },
                    ..verdict
                },
                None if text.trim().is_empty() => return,
                None => Verdict {
                    values: values_now(),
                    ..Verdict::new(VerdictStatus::Unsure, text)
                },
            },
        };
        self.record_verdict(photo, &target.key, Some(verdict));
    }

    /// The draft follows the finding the editor shows; the note of the one
    /// left is saved first. An unedited draft shows the note as the review
    /// holds it now (another window may have changed it).
    fn follow_note_target(&mut self) {
        let target = self.session.as_ref().and_then(|session| {
            Some(NoteTarget {
                folder: session.folder.clone(),
                photo: session.photo()?.id.clone(),
                key: session.under_review()?.key,
            })
        });
        if target.as_ref() != self.note.target() {
            self.save_note();
            let saved = self.saved_note(target.as_ref());
            self.note.show(target, &saved);
        } else {
            let saved = self.saved_note(target.as_ref());
            self.note.saved_as(&saved);
        }
    }

    /// The note the review holds for `target` ("" for none).
    fn saved_note(&self, target: Option<&NoteTarget>) -> String {
        let (Some(session), Some(target)) = (&self.session, target) else {
            return String::new();
        };
        let Some(photo) = photo_index(session, &target.photo) else {
            return String::new();
        };
        held_verdict(session, photo, &target.key)
            .map(|(v, _)| v.note)
            .unwrap_or_default()
    }
}

/// The index of the photo with `id` in the session's corpus.
fn photo_index(session: &Session, id: &str) -> Option<usize> {
    session.corpus.photos.iter().position(|p| p.id == id)
}

/// The verdict the finding under `key` has as the window shows it (its
/// own, or a swap's taken from its people's), and whether it still holds.
fn held_verdict(session: &Session, photo: usize, key: &str) -> Option<(Verdict, bool)> {
    let (p, a) = session
        .corpus
        .photos
        .get(photo)
        .zip(session.analysis.photos.get(photo))?;
    let state = VerdictState::of(&session.review, p, a, key);
    Some((state.verdict()?.clone(), !state.needs_review()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(key: &str) -> Option<NoteTarget> {
        Some(NoteTarget {
            folder: PathBuf::from("/captions"),
            photo: "paris".into(),
            key: key.into(),
        })
    }

    #[test]
    fn a_note_is_due_a_second_after_typing_pauses() {
        let mut draft = NoteDraft::default();
        draft.show(target("k"), "");
        assert!(!draft.is_due(10.0));
        draft.text.push('a');
        draft.edited(10.0);
        assert!(!draft.is_due(10.5));
        assert_eq!(draft.wait(10.5), Some(Duration::from_secs_f64(0.5)));
        draft.text.push('b');
        draft.edited(10.8);
        assert!(!draft.is_due(11.2));
        assert!(draft.is_due(11.8));
        assert_eq!(
            draft.take_unsaved().map(|(t, text)| (t.key, text)),
            Some(("k".to_owned(), "ab".to_owned()))
        );
        assert!(!draft.is_unsaved());
        assert_eq!(draft.wait(12.0), None);
        assert_eq!(draft.take_unsaved(), None);
    }

    #[test]
    fn an_unedited_draft_shows_the_note_saved_elsewhere() {
        let mut draft = NoteDraft::default();
        draft.show(target("k"), "mine");
        draft.saved_as("from the other window");
        assert_eq!(draft.text, "from the other window");
        // An edit in progress is kept.
        draft.text.push_str(", and more");
        draft.edited(1.0);
        draft.saved_as("yet another");
        assert_eq!(draft.text, "from the other window, and more");
        assert!(draft.is_unsaved());
    }

    #[test]
    fn no_finding_no_note_to_save() {
        let mut draft = NoteDraft::default();
        draft.text.push_str("typed before anything was selected");
        draft.edited(0.0);
        assert!(!draft.is_due(5.0));
        assert_eq!(draft.take_unsaved(), None);
    }
}
