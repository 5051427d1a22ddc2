//! The system's folder and save dialogs, behind [`DialogBackend`] so the
//! window can tell "the user cancelled" from "there is no dialog", and tests
//! can put a backend of their own in its place.
//!
//! rfd answers `None` both when the user cancels and when no dialog could be
//! shown (no desktop portal and no zenity on i3, Openbox or plain XFCE).
//! [`NativeDialogs`] tells them apart on Linux and the BSDs: it first asks
//! whether anything can show a dialog (`dialog_probe`), and it takes a `None`
//! that comes back sooner than a person could cancel as "the dialog closed at
//! once". Elsewhere rfd's answer is taken as it is.

use std::path::{Path, PathBuf};
use std::time::Duration;

/// What a file dialog came back with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DialogOutcome {
    /// The user chose this path.
    Picked(PathBuf),
    /// The user closed the dialog without choosing.
    Cancelled,
    /// No dialog could be shown; the reason, in a phrase for the user.
    Unavailable(String),
}

/// Shows the folder and save dialogs. Called on a job thread, never the UI's.
pub trait DialogBackend: Send + Sync {
    /// Asks for a captions folder, starting in `start`.
    fn pick_folder(&self, start: Option<&Path>) -> DialogOutcome;
    /// Asks where to save the report, starting in `start` with
    /// `suggested_name` filled in; the dialog asks before replacing a file.
    fn save_file(&self, start: Option<&Path>, suggested_name: &str) -> DialogOutcome;
}

/// A `None` sooner than this after the dialog was asked for is not a person
/// cancelling: the dialog has to appear, be seen and be closed, which takes
/// longer than the ~250 ms of a reaction alone. rfd answers without a dialog
/// far sooner (measured on Linux without a portal: 0.1 to 13 ms; with a
/// zenity that fails at once, 6 ms).
pub const CLOSED_AT_ONCE: Duration = Duration::from_millis(500);

/// The reason given when the dialog came back sooner than [`CLOSED_AT_ONCE`].
pub const CLOSED_AT_ONCE_REASON: &str = "the system dialog closed at once";

/// The dialogs of the desktop, through rfd.
#[derive(Debug, Clone, Copy, Default)]
pub struct NativeDialogs;

impl DialogBackend for NativeDialogs {
    fn pick_folder(&self, start: Option<&Path>) -> DialogOutcome {
        let mut dialog = rfd::FileDialog::new().set_title("Open a captions folder");
        if let Some(dir) = start {
            dialog = dialog.set_directory(dir);
        }
        show(|| dialog.pick_folder())
    }

    fn save_file(&self, start: Option<&Path>, suggested_name: &str) -> DialogOutcome {
        let mut dialog = rfd::FileDialog::new()
            .set_title("Save the report")
            .set_file_name(suggested_name)
            .add_filter("HTML report", &["html", "htm"])
            .add_filter("Markdown report", &["md", "markdown"])
            .add_filter("JSON report", &["json"]);
        if let Some(dir) = start {
            dialog = dialog.set_directory(dir);
        }
        show(|| dialog.save_file())
    }
}

/// Shows a dialog where something can show one, and says what came back.
#[cfg(any(
    target_os = "linux",
    target_os = "freebsd",
    target_os = "dragonfly",
    target_os = "netbsd",
    target_os = "openbsd"
))]
fn show(dialog: impl FnOnce() -> Option<PathBuf>) -> DialogOutcome {
    if let Some(reason) = super::dialog_probe::why_unavailable() {
        return DialogOutcome::Unavailable(reason);
    }
    let asked = std::time::Instant::now();
    let answer = dialog();
    outcome(answer, asked.elapsed())
}

/// Shows a dialog: on Windows and macOS there always is one.
#[cfg(not(any(
    target_os = "linux",
    target_os = "freebsd",
    target_os = "dragonfly",
    target_os = "netbsd",
    target_os = "openbsd"
)))]
fn show(dialog: impl FnOnce() -> Option<PathBuf>) -> DialogOutcome {
    match dialog() {
        Some(path) => DialogOutcome::Picked(path),
        None => DialogOutcome::Cancelled,
    }
}

/// What rfd's answer means, given how long the dialog took to answer.
pub fn outcome(answer: Option<PathBuf>, took: Duration) -> DialogOutcome {
    match answer {
        Some(path) => DialogOutcome::Picked(path),
        None if took < CLOSED_AT_ONCE => DialogOutcome::Unavailable(CLOSED_AT_ONCE_REASON.into()),
        None => DialogOutcome::Cancelled,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_none_at_once_is_no_dialog_and_a_later_one_is_a_cancel() {
        let picked = PathBuf::from("/tmp/photos");
        assert_eq!(
            outcome(Some(picked.clone()), Duration::from_millis(3)),
            DialogOutcome::Picked(picked)
        );
        assert_eq!(
            outcome(None, Duration::from_millis(2)),
            DialogOutcome::Unavailable("the system dialog closed at once".into())
        );
        assert_eq!(
            outcome(None, Duration::from_millis(499)),
            DialogOutcome::Unavailable("the system dialog closed at once".into())
        );
        assert_eq!(
            outcome(None, Duration::from_millis(500)),
            DialogOutcome::Cancelled
        );
        assert_eq!(
            outcome(None, Duration::from_secs(4)),
            DialogOutcome::Cancelled
        );
    }
}
