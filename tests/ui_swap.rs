//! One swap, one finding, driven through egui_kittest on the bundled
//! captions: Sportstar's caption gives the North Koreans bronze and Lim
//! Jong-hoon silver, the reverse of every other outlet and the reference.
//! The findings table shows that as one row; selecting it puts Sportstar
//! against a caption holding the reference's medals, marks every span of
//! it, and lists the per-person conflicts beneath the verdict.

use std::path::Path;

use caption_provenance::analysis::FindingKind;
use caption_provenance::review::{Review, Verdict, VerdictStatus};
use caption_provenance::ui::App;
use caption_provenance::ui::conflicts::{ConflictRow, ConflictsTable};
use caption_provenance::ui::highlight::{Side, Strength};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

mod common;
use common::{TestResult, harness, idle, loaded, run_until};

const SWAP_KEY: &str = "swap/Sportstar/medal/Kim Kum Yong+Lim Jong-hoon+Ri Jong Sik";
const SWAP_SUMMARY: &str = "Sportstar swaps silver and bronze: it gives bronze to Ri Jong Sik \
     and Kim Kum Yong, and silver to Lim Jong-hoon; the reference and most outlets give the \
     reverse";

fn rows(app: &App) -> Vec<ConflictRow> {
    app.session()
        .map(|s| ConflictsTable::default().rows(s))
        .unwrap_or_default()
}

/// (side, outlet, words, strength) of every span the compare view marks
/// for the swap.
fn swap_marks(harness: &Harness<'_, App>) -> Vec<(Side, String, String, Strength)> {
    harness
        .state()
        .compare_view()
        .map(|view| {
            view.highlighted
                .iter()
                .filter(|h| h.conflict_key == SWAP_KEY)
                .map(|h| (h.side, h.outlet.clone(), h.text.clone(), h.strength))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_swap_is_one_row_with_its_people_beneath_and_every_span_marked() -> TestResult {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("captions");
    let mut harness = harness(folder);
    run_until(&mut harness, loaded)?;

    // One row for the swap, where four medal rows stood; Shin Yu-bin's
    // (only The Sun's gold) and the credit stay.
    let rows = rows(harness.state());
    let names: Vec<(&str, FindingKind)> = rows.iter().map(|r| (r.name.as_str(), r.kind)).collect();
    assert_eq!(
        names,
        vec![
            (
                "medal swap: silver medallist, bronze medallists",
                FindingKind::Swap
            ),
            ("Shin Yu-bin: medal", FindingKind::Conflict),
            ("photo: credit", FindingKind::Conflict),
        ]
    );
    let swap = rows.first().ok_or("no swap row")?;
    assert_eq!(swap.summary, SWAP_SUMMARY);
    assert_eq!(swap.details.len(), 3);
    assert!(
        swap.details[2].starts_with("Lim Jong-hoon — The Sun: gold; Sportstar: silver; "),
        "{:?}",
        swap.details
    );

    // The folder opens on it: its first conflict is the most telling one.
    let opened = harness.state().selection().ok_or("no selection")?;
    assert_eq!(opened.finding, Some(swap.finding));

    // Looking elsewhere, then clicking the swap row.
    harness.get_by_label("photo: credit").click();
    run_until(&mut harness, idle)?;
    harness.get_by_label(&swap.name).click();
    run_until(&mut harness, idle)?;
    let selection = harness.state().selection().ok_or("no selection")?;
    assert_eq!(selection.finding, Some(swap.finding));
    let session = harness.state().session().ok_or("no session")?;
    let photo = session.photo().ok_or("no photo")?;
    let outlet = |v: usize| photo.variants[v].label().to_owned();
    assert_eq!(outlet(selection.left), "Sportstar");
    assert_ne!(outlet(selection.right), "The Sun");

    // Every span of the swap: Sportstar's loudly, the other side calmly.
    let marks = swap_marks(&harness);
    let left: Vec<(String, Strength)> = marks
        .iter()
        .filter(|m| m.0 == Side::Left)
        .map(|m| (m.2.clone(), m.3))
        .collect();
    assert_eq!(
        left,
        vec![
            ("silver medallist".to_owned(), Strength::Odd),
            ("bronze medallists".to_owned(), Strength::Odd),
        ]
    );
    let right: Vec<Strength> = marks
        .iter()
        .filter(|m| m.0 == Side::Right)
        .map(|m| m.3)
        .collect();
    assert!(!right.is_empty(), "{marks:?}");
    assert!(right.iter().all(|s| *s == Strength::Agrees), "{marks:?}");

    // Its people beneath the verdict, one line each.
    harness.get_by_label(&format!("Verdict on {}", swap.name));
    harness.get_by_label("Per person (3):");
    for line in &swap.details {
        harness.get_by_label(line);
    }
    Ok(())
}

/// Copies the files of `from` (one level of folders) into `to`.
fn copy_folder(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        if entry.file_type()?.is_dir() {
            copy_folder(&entry.path(), &to.join(entry.file_name()))?;
        } else {
            std::fs::copy(entry.path(), to.join(entry.file_name()))?;
        }
    }
    Ok(())
}

#[test]
fn a_swap_shows_the_verdict_its_people_were_given_before_it_was_one_finding() -> TestResult {
    // A review from before swaps were one finding: each person's medal
    // conflict judged a confirmed error, with one note.
    let dir = tempfile::tempdir()?;
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("captions");
    copy_folder(&sample, dir.path())?;
    let photo = "paris-2024-table-tennis-selfie";
    let mut review = Review::default();
    for person in ["Kim Kum Yong", "Lim Jong-hoon", "Ri Jong Sik"] {
        let verdict = Verdict::new(VerdictStatus::ConfirmedError, "Sportstar swapped them");
        review.set(photo, &format!("{person}/medal"), Some(verdict));
    }
    review.save(dir.path())?;

    let mut harness = harness(dir.path().to_path_buf());
    run_until(&mut harness, loaded)?;
    let swap = rows(harness.state())
        .into_iter()
        .find(|r| r.kind == FindingKind::Swap)
        .ok_or("no swap row")?;
    assert_eq!(swap.verdict, Some(VerdictStatus::ConfirmedError));
    assert!(!swap.needs_review);
    // The folder opens on the swap: its editor shows the verdict and note.
    let under_review = harness.state().session().and_then(|s| s.under_review());
    assert_eq!(under_review.map(|u| u.key).as_deref(), Some(SWAP_KEY));
    assert_eq!(
        harness.get_by_label("Note:").value().as_deref(),
        Some("Sportstar swapped them")
    );

    // A note typed on it makes the verdict the swap's own.
    harness.get_by_label("Note:").focus();
    harness.step();
    harness.get_by_label("Note:").type_text(", all three");
    harness.step();
    harness.key_press(eframe::egui::Key::Enter);
    run_until(&mut harness, idle)?;
    let saved = Review::load(dir.path())?
        .get(photo, SWAP_KEY)
        .cloned()
        .ok_or("the swap has no verdict of its own")?;
    assert_eq!(saved.status, VerdictStatus::ConfirmedError);
    assert_eq!(saved.note, "Sportstar swapped them, all three");
    Ok(())
}

#[test]
fn in_a_short_window_a_swaps_people_are_one_line_with_the_rest_on_hover() -> TestResult {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("captions");
    let mut harness = common::harness_sized(
        folder,
        eframe::egui::vec2(800.0, 600.0),
        std::sync::Arc::new(common::NoDialogs::default()),
    );
    run_until(&mut harness, loaded)?;
    let swap = rows(harness.state())
        .into_iter()
        .find(|r| r.kind == FindingKind::Swap)
        .ok_or("no swap row")?;
    harness.get_by_label("Per person (3):");
    harness.get_by_label("point here to read them");
    for line in &swap.details {
        assert!(harness.query_by_label(line).is_none(), "{line} is drawn");
    }
    // The image panel starts hidden at this width; its toggle shows it.
    assert!(harness.query_by_label("Image").is_none());
    harness.get_by_label("Image panel").click();
    run_until(&mut harness, idle)?;
    harness.get_by_label("Image");
    assert_eq!(harness.state().settings.image_panel, Some(true));
    Ok(())
}
