//! The window driven through egui_kittest: the real `App`, its background
//! jobs and its accessibility tree. Hand-made corpora (built in code) cover
//! every behaviour; the tests at the end run over the bundled `captions/`.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use caption_provenance::analysis::{
    Analysis, Attribute, Claim, ClaimOrigin, Conflict, ConflictScope, ConflictSeverity,
    ConflictValue, FindingKind, Location, Person, PersonId, PhotoAnalysis, Span, Subject,
    conflict_findings,
};
use caption_provenance::corpus::load::LoadProgress;
use caption_provenance::corpus::{
    Corpus, Photo, Problem, ProblemKind, ProblemSeverity, Section, Source, Text, Variant,
};
use caption_provenance::review::{Review, VerdictStatus};
use caption_provenance::ui::App;
use caption_provenance::ui::commands::Command;
use caption_provenance::ui::conflicts::ConflictRow;
use caption_provenance::ui::highlight::{DiffMark, FindingMark, Side, Strength};
use caption_provenance::ui::jobs::{LoadFailure, Loaded, Loader};
use caption_provenance::ui::selection::Selection;
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

mod common;
use common::{NoDialogs, TestResult, idle, loaded, run_until};

const REUTERS: &str =
    "South Korea's Lim Jong-hoon, bronze medallist, takes a selfie with Shin Yu-bin.";
const SPORTSTAR: &str =
    "South Korea’s Lim Jonghoon, silver medallist, takes a selfie with teammate Shin Yubin.";
const SUN: &str = "Lim Jong-hoon, a bronze medallist, took the selfie.";

fn span_of(text: &str, words: &str) -> Span {
    let start = text.find(words).unwrap_or(0);
    Span::new(start, start + words.len())
}

fn variant(file: &str, outlet: &str, caption: &str, credit: &str) -> Variant {
    Variant {
        id: file.into(),
        source: Source {
            outlet: outlet.into(),
            credit: Some(credit.into()),
            file: file.into(),
            ..Source::default()
        },
        caption: Text::new(caption),
        headline: None,
        article: None,
    }
}

fn medal_claim(variant: usize, text: &str, words: &str, value: &str) -> Claim {
    Claim {
        subject: Subject::Person(PersonId(0)),
        attribute: Attribute::Medal,
        value: value.into(),
        origin: ClaimOrigin::Variant(Location {
            variant,
            section: Section::Caption,
            span: span_of(text, words),
        }),
        quote: words.into(),
    }
}

/// One photo, three outlets; Sportstar calls Lim a silver medallist, the
/// others and the reference say bronze; Sportstar's credit line differs from
/// the others' and the reference's too.
fn sportstar_case(root: &Path, problems: Vec<Problem>) -> Loaded {
    let photo = Photo {
        id: "paris".into(),
        title: "Podium selfie".into(),
        images: Vec::new(),
        variants: vec![
            variant("000-reuters.txt", "Reuters", REUTERS, "Getty Images"),
            variant("001-sportstar.txt", "Sportstar", SPORTSTAR, "AFP"),
            variant("002-the-sun.html", "The Sun", SUN, "Getty Images"),
        ],
        reference: None,
    };
    let mut claims = vec![
        medal_claim(0, REUTERS, "bronze medallist", "bronze"),
        medal_claim(1, SPORTSTAR, "silver medallist", "silver"),
        medal_claim(2, SUN, "bronze medallist", "bronze"),
        Claim {
            subject: Subject::Person(PersonId(0)),
            attribute: Attribute::Medal,
            value: "bronze".into(),
            origin: ClaimOrigin::Reference,
            quote: "bronze".into(),
        },
    ];
    for (variant, credit) in [(0, "Getty Images"), (1, "AFP"), (2, "Getty Images")] {
        claims.push(Claim {
            subject: Subject::Photo,
            attribute: Attribute::Credit,
            value: credit.into(),
            origin: ClaimOrigin::SourceField { variant },
            quote: credit.into(),
        });
    }
    claims.push(Claim {
        subject: Subject::Photo,
        attribute: Attribute::Credit,
        value: "Getty Images".into(),
        origin: ClaimOrigin::Reference,
        quote: "Getty Images".into(),
    });
    let medal = Conflict {
        key: "person:0/medal".into(),
        subject: Subject::Person(PersonId(0)),
        subject_name: "Lim Jong-hoon".into(),
        attribute: Attribute::Medal,
        severity: ConflictSeverity::High,
        scopes: vec![ConflictScope::BetweenVariants, ConflictScope::VsReference],
        values: vec![
            ConflictValue {
                value: "bronze".into(),
                claims: vec![0, 2, 3],
                variants: vec![0, 2],
                in_reference: true,
            },
            ConflictValue {
                value: "silver".into(),
                claims: vec![1],
                variants: vec![1],
                in_reference: false,
            },
        ],
        majority: Some("bronze".into()),
        reference: Some("bronze".into()),
        odd_ones_out: vec![1],
        summary: "Sportstar: silver; 2 other outlets and the reference: bronze".into(),
    };
    let credit = Conflict {
        key: "photo/credit".into(),
        subject: Subject::Photo,
        subject_name: "photo".into(),
        attribute: Attribute::Credit,
        severity: ConflictSeverity::Low,
        scopes: vec![ConflictScope::BetweenVariants, ConflictScope::VsReference],
        values: vec![
            ConflictValue {
                value: "Getty Images".into(),
                claims: vec![4, 6, 7],
                variants: vec![0, 2],
                in_reference: true,
            },
            ConflictValue {
                value: "AFP".into(),
                claims: vec![5],
                variants: vec![1],
                in_reference: false,
            },
        ],
        majority: Some("Getty Images".into()),
        reference: Some("Getty Images".into()),
        odd_ones_out: vec![1],
        summary: "Sportstar: AFP; 2 other outlets and the reference: Getty Images".into(),
    };
    let conflicts = vec![medal, credit];
    let analysis = PhotoAnalysis {
        people: vec![Person {
            id: PersonId(0),
            name: "Lim Jong-hoon".into(),
            spellings: vec!["Lim Jong-hoon".into(), "Lim Jonghoon".into()],
            country: Some("South Korea".into()),
        }],
        mentions: Vec::new(),
        findings: conflict_findings(&conflicts, &claims),
        claims,
        conflicts,
        reuse: Default::default(),
    };
    let review = Review::load(root).unwrap_or_default();
    Loaded {
        corpus: Arc::new(Corpus {
            root: root.to_path_buf(),
            photos: vec![photo],
            problems,
            ..Corpus::default()
        }),
        analysis: Arc::new(Analysis {
            photos: vec![analysis],
            ..Analysis::default()
        }),
        review,
        review_problem: None,
        review_stamp: None,
    }
}

fn sportstar_loader(problems: Vec<Problem>) -> Loader {
    Arc::new(
        move |root: &Path, _: &(dyn Fn(LoadProgress) + Sync), _: &AtomicBool| {
            Ok::<Loaded, LoadFailure>(sportstar_case(root, problems.clone()))
        },
    )
}

fn harness_with(folder: &Path, loader: Loader) -> Harness<'static, App> {
    let folder = folder.to_path_buf();
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_max_steps(common::MAX_STEPS)
        .build_eframe(move |cc| {
            App::with_loader(Some(folder), None, Some(cc.egui_ctx.clone()), loader)
                .with_dialogs(Arc::new(NoDialogs::default()))
        })
}

fn rows(app: &App) -> Vec<ConflictRow> {
    app.session()
        .map(|s| caption_provenance::ui::conflicts::ConflictsTable::default().rows(s))
        .unwrap_or_default()
}

#[test]
fn picking_sportstar_shows_the_conflicts_and_marks_silver_medallist() -> TestResult {
    let dir = tempfile::tempdir()?;
    let mut harness = harness_with(dir.path(), sportstar_loader(Vec::new()));
    run_until(&mut harness, loaded)?;

    harness.get_by_label_contains("Sportstar · AFP").click();
    harness.run();
    let selection = harness.state().selection().ok_or("no selection")?;
    assert_eq!((selection.left, selection.right), (1, 0));

    let rows = rows(harness.state());
    let names: Vec<(&str, ConflictSeverity, &str)> = rows
        .iter()
        .map(|r| (r.name.as_str(), r.severity, r.summary.as_str()))
        .collect();
    assert_eq!(
        names,
        vec![
            (
                "Lim Jong-hoon: medal",
                ConflictSeverity::High,
                "Sportstar: silver; 2 other outlets and the reference: bronze"
            ),
            (
                "photo: credit",
                ConflictSeverity::Low,
                "Sportstar: AFP; 2 other outlets and the reference: Getty Images"
            ),
        ]
    );

    let view = harness.state().compare_view().ok_or("no compare view")?;
    let marked: Vec<(Side, &str, &str, &str)> = view
        .highlighted
        .iter()
        .map(|h| {
            (
                h.side,
                h.outlet.as_str(),
                h.text.as_str(),
                h.conflict_key.as_str(),
            )
        })
        .collect();
    assert_eq!(
        marked,
        vec![
            (
                Side::Left,
                "Sportstar",
                "silver medallist",
                "person:0/medal"
            ),
            (Side::Right, "Reuters", "bronze medallist", "person:0/medal"),
        ]
    );
    // The marked words are on screen, right after Lim's name, and the
    // word diff against Reuters marks "silver" as Sportstar's own.
    let text = view.left.text.as_str();
    let pieces: Vec<(&str, DiffMark, Option<usize>)> = view
        .left
        .segments
        .iter()
        .filter(|s| s.span.overlaps(span_of(SPORTSTAR, "silver medallist")))
        .map(|s| (s.span.slice(text), s.diff, s.conflict))
        .collect();
    assert_eq!(
        pieces,
        vec![
            ("silver", DiffMark::Removed, Some(0)),
            (" ", DiffMark::Unmarked, Some(0)),
            ("medallist", DiffMark::Same, Some(0)),
        ]
    );
    let start = span_of(SPORTSTAR, "silver medallist").start;
    assert!(
        text.get(..start)
            .is_some_and(|t| t.ends_with("Lim Jonghoon, "))
    );
    harness.get_by_label("silver");
    Ok(())
}

#[test]
fn clicking_a_conflict_selects_the_two_variants_and_the_span() -> TestResult {
    let dir = tempfile::tempdir()?;
    let mut harness = harness_with(dir.path(), sportstar_loader(Vec::new()));
    run_until(&mut harness, loaded)?;

    harness.get_by_label("Lim Jong-hoon: medal").click();
    harness.run();
    let selection = harness.state().selection().ok_or("no selection")?;
    assert_eq!(
        selection,
        Selection {
            photo: 0,
            left: 1,
            right: 0,
            section: Section::Caption,
            conflict: Some(0),
            finding: Some(0),
        }
    );
    assert_eq!(
        harness.state().last_scroll_target(),
        Some(Location {
            variant: 1,
            section: Section::Caption,
            span: span_of(SPORTSTAR, "silver medallist"),
        })
    );

    // The table can be sorted by name; clicking the credit conflict selects it.
    harness.get_by_label("Finding").click();
    harness.run();
    harness.get_by_label("photo: credit").click();
    harness.run();
    let selection = harness.state().selection().ok_or("no selection")?;
    assert_eq!(
        (selection.left, selection.right, selection.conflict),
        (1, 0, Some(1))
    );
    Ok(())
}

#[test]
fn a_verdict_is_saved_in_the_folder_and_reloaded() -> TestResult {
    let dir = tempfile::tempdir()?;
    let mut harness = harness_with(dir.path(), sportstar_loader(Vec::new()));
    run_until(&mut harness, loaded)?;

    harness.get_by_label("Lim Jong-hoon: medal").click();
    // Until the editor shows the finding (a fixed number of frames failed
    // now and then while a background job still asked for repaints).
    run_until(&mut harness, |app| {
        app.session()
            .and_then(|s| s.under_review())
            .is_some_and(|u| u.key == "person:0/medal")
    })?;
    harness.get_by_label("confirmed error").click();
    run_until(&mut harness, |app| {
        idle(app)
            && app
                .session()
                .is_some_and(|s| s.review.get("paris", "person:0/medal").is_some())
    })?;
    let on_disk = Review::load(dir.path())?;
    assert_eq!(
        on_disk.get("paris", "person:0/medal").map(|v| v.status),
        Some(VerdictStatus::ConfirmedError)
    );

    harness.key_press(egui::Key::F5);
    run_until(&mut harness, loaded)?;
    let review = &harness.state().session().ok_or("no session")?.review;
    assert_eq!(
        review.get("paris", "person:0/medal").map(|v| v.status),
        Some(VerdictStatus::ConfirmedError)
    );
    assert_eq!(
        rows(harness.state()).first().and_then(|r| r.verdict),
        Some(VerdictStatus::ConfirmedError)
    );

    // A fresh window on the same folder reads the verdict back.
    let mut again = harness_with(dir.path(), sportstar_loader(Vec::new()));
    run_until(&mut again, loaded)?;
    let review = &again.state().session().ok_or("no session")?.review;
    assert_eq!(
        review.get("paris", "person:0/medal").map(|v| v.status),
        Some(VerdictStatus::ConfirmedError)
    );
    Ok(())
}

#[test]
fn the_problems_panel_says_what_to_do_about_each_file() -> TestResult {
    let dir = tempfile::tempdir()?;
    let problems = vec![
        Problem {
            path: PathBuf::from("broken.json"),
            reason: "expected `,` or `}`".into(),
            line: Some(3),
            severity: ProblemSeverity::Error,
            kind: ProblemKind::Syntax,
        },
        Problem {
            path: PathBuf::from("empty.txt"),
            reason: "the file is empty".into(),
            line: None,
            severity: ProblemSeverity::Error,
            kind: ProblemKind::Empty,
        },
    ];
    let mut harness = harness_with(dir.path(), sportstar_loader(problems));
    run_until(&mut harness, loaded)?;
    harness.get_by_label("Problems (2)");
    harness.get_by_label("broken.json:3");
    harness.get_by_label("expected `,` or `}`");
    harness.get_by_label(ProblemKind::Syntax.advice());
    harness.get_by_label("empty.txt");
    harness.get_by_label(ProblemKind::Empty.advice());
    Ok(())
}

#[test]
fn save_report_writes_the_format_the_file_name_asks_for() -> TestResult {
    let dir = tempfile::tempdir()?;
    let mut harness = harness_with(dir.path(), sportstar_loader(Vec::new()));
    run_until(&mut harness, loaded)?;
    let path = dir.path().join("report.md");
    harness
        .state_mut()
        .run_command(Command::SaveReport(path.clone()));
    run_until(&mut harness, idle)?;
    let markdown = std::fs::read_to_string(&path)?;
    assert!(markdown.contains("Sportstar: silver; 2 other outlets and the reference: bronze"));
    let messages: Vec<&str> = harness
        .state()
        .messages()
        .iter()
        .map(|m| m.text.as_str())
        .collect();
    assert_eq!(
        messages,
        vec![format!("Saved the report to {}", path.display()).as_str()]
    );
    Ok(())
}

#[test]
fn arrow_keys_move_through_the_variants() -> TestResult {
    let dir = tempfile::tempdir()?;
    let mut harness = harness_with(dir.path(), sportstar_loader(Vec::new()));
    run_until(&mut harness, loaded)?;
    let left = |h: &Harness<'_, App>| h.state().selection().map(|s| s.left);
    // The folder opens on its most telling conflict; start from the top.
    harness.state_mut().run_command(Command::SelectVariant(0));
    harness.run();
    assert_eq!(left(&harness), Some(0));
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    assert_eq!(left(&harness), Some(1));
    harness.key_press(egui::Key::ArrowDown);
    harness.key_press(egui::Key::ArrowDown);
    harness.run();
    assert_eq!(left(&harness), Some(2));
    harness.key_press(egui::Key::ArrowUp);
    harness.run();
    assert_eq!(left(&harness), Some(1));
    Ok(())
}

#[test]
fn the_compare_view_is_computed_once_per_selection_and_options() -> TestResult {
    let dir = tempfile::tempdir()?;
    let mut harness = harness_with(dir.path(), sportstar_loader(Vec::new()));
    run_until(&mut harness, loaded)?;
    let before = harness.state().compare_computations();
    harness.run_steps(20);
    assert_eq!(harness.state().compare_computations(), before);
    harness.get_by_label("Ignore case").click();
    harness.run();
    assert!(harness.state().settings.options.ignore_case);
    assert_eq!(harness.state().compare_computations(), before + 1);
    Ok(())
}

#[test]
fn ctrl_f_finds_text_in_every_caption_and_goes_there() -> TestResult {
    let dir = tempfile::tempdir()?;
    let mut harness = harness_with(dir.path(), sportstar_loader(Vec::new()));
    run_until(&mut harness, loaded)?;
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    harness.run();
    harness.get_by_label("Find:").type_text("MEDALLIST");
    harness.run();
    harness.get_by_label("3 found");
    harness
        .get_by_label_contains("The Sun, caption: …Lim Jong-hoon, a bronze medallist")
        .click();
    harness.run();
    let selection = harness.state().selection().ok_or("no selection")?;
    assert_eq!((selection.left, selection.section), (2, Section::Caption));
    Ok(())
}

#[test]
fn settings_survive_a_restart() -> TestResult {
    #[derive(Default)]
    struct Memory(std::collections::HashMap<String, String>);
    impl eframe::Storage for Memory {
        fn get_string(&self, key: &str) -> Option<String> {
            self.0.get(key).cloned()
        }
        fn set_string(&mut self, key: &str, value: String) {
            self.0.insert(key.into(), value);
        }
        fn remove_string(&mut self, key: &str) {
            self.0.remove(key);
        }
        fn flush(&mut self) {}
    }
    let dir = tempfile::tempdir()?;
    let mut harness = harness_with(dir.path(), sportstar_loader(Vec::new()));
    run_until(&mut harness, loaded)?;
    harness.get_by_label("Ignore punctuation").click();
    harness.run();
    let mut storage = Memory::default();
    eframe::App::save(harness.state_mut(), &mut storage);

    // Without a folder, the window reopens the last one with the same options.
    let app = App::with_loader(None, Some(&storage), None, sportstar_loader(Vec::new()));
    assert_eq!(app.settings.last_folder.as_deref(), Some(dir.path()));
    assert_eq!(app.settings.recent_folders, vec![dir.path().to_path_buf()]);
    assert!(app.settings.options.ignore_punctuation);
    // Old saved state with unknown or missing fields still loads.
    eframe::Storage::set_string(
        &mut storage,
        eframe::APP_KEY,
        r#"(left_width: 300.0)"#.into(),
    );
    let app = App::with_loader(None, Some(&storage), None, sportstar_loader(Vec::new()));
    assert_eq!(app.settings.left_width, 300.0);
    Ok(())
}

fn bundled_folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("captions")
}

fn real_harness(folder: PathBuf) -> Harness<'static, App> {
    common::harness(folder)
}

/// Picks Sportstar in the bundled folder's variant list.
fn bundled_with_sportstar_on_the_left() -> Result<Harness<'static, App>, Box<dyn std::error::Error>>
{
    let mut harness = real_harness(bundled_folder());
    run_until(&mut harness, loaded)?;
    harness
        .get_by_label_contains("Sportstar · 2024-07-31 · AFP")
        .click();
    run_until(&mut harness, idle)?;
    Ok(harness)
}

/// The bundled folder, through the real loader and word diff.
#[test]
fn the_bundled_folder_opens_and_sportstar_is_compared_word_by_word() -> TestResult {
    let harness = bundled_with_sportstar_on_the_left()?;
    let session = harness.state().session().ok_or("no session")?;
    let photo = session.photo().ok_or("no photo")?;
    let labels: Vec<&str> = photo.variants.iter().map(|v| v.label()).collect();
    assert_eq!(
        labels,
        vec![
            "Unnamed outlet 000",
            "Unnamed outlet 001",
            "The Sun",
            "Sportstar",
            "Unnamed outlet 004",
            // The stand-in agency JPEG's embedded IPTC/XMP caption is a variant too.
            "Embedded in selfie-agency.jpg"
        ]
    );
    let selection = harness.state().selection().ok_or("no selection")?;
    // The folder opens on the first conflict a caption holds: Sportstar's
    // caption against the embedded agency caption, which states the medals
    // the reference holds.
    assert_eq!((selection.left, selection.right), (3, 5));
    let view = harness.state().compare_view().ok_or("no compare view")?;
    assert_eq!(
        (view.left.outlet.as_str(), view.right.outlet.as_str()),
        ("Sportstar", "Embedded in selfie-agency.jpg")
    );
    let text = view.left.text.as_str();
    let silver = text.find("silver medallist").ok_or("no silver medallist")?;
    assert!(
        text.get(..silver)
            .is_some_and(|t| t.ends_with("Lim Jonghoon, "))
    );
    // Unnamed outlet 001 says nothing of the kind: the words are Sportstar's own.
    let marks: Vec<DiffMark> = view
        .left
        .segments
        .iter()
        .filter(|s| {
            s.span
                .overlaps(Span::new(silver, silver + "silver medallist".len()))
        })
        .map(|s| s.diff)
        .collect();
    assert!(!marks.is_empty());
    assert!(marks.iter().all(|&m| m == DiffMark::Removed), "{marks:?}");
    Ok(())
}

/// Sportstar's swap of the medals, one finding (`swaps`): its key.
const SWAP: &str = "swap/Sportstar/medal/Kim Kum Yong+Lim Jong-hoon+Ri Jong Sik";

/// The bundled folder's findings, through the real analysis: Sportstar's
/// swapped medals are one finding, where Kim Kum Yong's, Lim Jong-hoon's and
/// Ri Jong Sik's medal conflicts were three.
#[test]
fn the_bundled_folder_marks_the_sportstar_medal_swap() -> TestResult {
    let mut harness = bundled_with_sportstar_on_the_left()?;
    let rows = rows(harness.state());
    let names: Vec<(&str, ConflictSeverity)> =
        rows.iter().map(|r| (r.name.as_str(), r.severity)).collect();
    assert_eq!(
        names,
        vec![
            (
                "medal swap: silver medallist, bronze medallists",
                ConflictSeverity::High
            ),
            ("Shin Yu-bin: medal", ConflictSeverity::High),
            ("photo: credit", ConflictSeverity::Low),
        ]
    );
    let view = harness.state().compare_view().ok_or("no compare view")?;
    let left: Vec<(&str, &str)> = view
        .highlighted
        .iter()
        .filter(|h| h.side == Side::Left)
        .map(|h| (h.text.as_str(), h.conflict_key.as_str()))
        .collect();
    assert_eq!(
        left,
        vec![
            ("silver medallist", SWAP),
            ("bronze medallists", SWAP),
            ("Photo Credit: GETTY IMAGES", "photo/credit"),
        ]
    );
    let silver = view
        .highlighted
        .iter()
        .find(|h| h.outlet == "Sportstar" && h.text == "silver medallist")
        .cloned()
        .ok_or("silver medallist is not marked")?;
    assert_eq!(silver.conflict_key, SWAP);
    // The hover text is the swap's own summary: who says what.
    let summary = harness
        .state()
        .session()
        .and_then(|s| s.photo_analysis())
        .and_then(|a| a.findings.iter().find(|f| f.key == SWAP))
        .map(|f| f.summary.clone());
    assert_eq!(Some(&silver.summary), summary.as_ref());
    assert!(
        silver
            .summary
            .starts_with("Sportstar swaps silver and bronze: ")
    );
    assert!(
        silver
            .summary
            .ends_with("the reference and most outlets give the reverse")
    );
    let text = view.left.text.as_str();
    assert!(
        text.get(..silver.span.start)
            .is_some_and(|t| t.ends_with("Lim Jonghoon, "))
    );

    // Clicking the swap keeps Sportstar on the left, puts a variant that
    // gives the reference's medals on the right, and scrolls to the first
    // swapped word.
    harness
        .get_by_label("medal swap: silver medallist, bronze medallists")
        .click();
    run_until(&mut harness, idle)?;
    let selection = harness.state().selection().ok_or("no selection")?;
    assert_eq!(
        (selection.left, selection.conflict, selection.finding),
        (3, None, Some(0))
    );
    let session = harness.state().session().ok_or("no session")?;
    let right = session
        .photo()
        .and_then(|p| p.variants.get(selection.right))
        .map(|v| v.label());
    // The right side states the medals in its caption too, so the contrast
    // is caption against caption.
    assert_eq!(right, Some("Embedded in selfie-agency.jpg"));
    assert_eq!(
        harness
            .state()
            .last_scroll_target()
            .map(|l| (l.variant, l.span)),
        Some((3, silver.span))
    );
    Ok(())
}

#[test]
fn a_folder_of_broken_files_lists_each_problem_with_advice() -> TestResult {
    let dir = tempfile::tempdir()?;
    std::fs::write(
        dir.path().join("broken.json"),
        "{\n  \"outlet\": \"X\",\n  \"caption\": \n",
    )?;
    std::fs::write(dir.path().join("empty.txt"), "")?;
    std::fs::write(dir.path().join("good.txt"), "Outlet: Good\n\nA caption.\n")?;
    let mut harness = real_harness(dir.path().to_path_buf());
    run_until(&mut harness, loaded)?;
    let problems = &harness
        .state()
        .session()
        .ok_or("no session")?
        .corpus
        .problems;
    let kinds: Vec<(&Path, ProblemKind)> = problems
        .iter()
        .map(|p| (p.path.as_path(), p.kind))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (Path::new("broken.json"), ProblemKind::Syntax),
            (Path::new("empty.txt"), ProblemKind::Empty)
        ]
    );
    harness.get_by_label("Problems (2)");
    harness.get_by_label("broken.json:4");
    harness.get_by_label("invalid JSON: EOF while parsing a value");
    harness.get_by_label(ProblemKind::Syntax.advice());
    harness.get_by_label("empty.txt");
    harness.get_by_label("the file is empty");
    harness.get_by_label(ProblemKind::Empty.advice());
    // The good file still loaded.
    let session = harness.state().session().ok_or("no session")?;
    let outlets: Vec<&str> = session
        .corpus
        .photos
        .iter()
        .flat_map(|p| p.variants.iter().map(|v| v.label()))
        .collect();
    assert_eq!(outlets, vec!["Good"]);
    Ok(())
}

/// A new user sees the Sportstar medal error without a click: the bundled
/// folder opens on the most severe conflict a caption holds (Kim Kum
/// Yong's medal), shown as the swap that accounts for it, Sportstar on the
/// left, scrolled to its first swapped word.
#[test]
fn the_bundled_folder_opens_on_sportstars_medal_swap() -> TestResult {
    let mut harness = real_harness(bundled_folder());
    run_until(&mut harness, loaded)?;
    run_until(&mut harness, idle)?;
    let session = harness.state().session().ok_or("no session")?;
    let selection = session.selection;
    let label = |i: usize| {
        session
            .photo()
            .and_then(|p| p.variants.get(i))
            .map(|v| v.label())
    };
    assert_eq!(label(selection.left), Some("Sportstar"));
    assert_eq!(
        label(selection.right),
        Some("Embedded in selfie-agency.jpg")
    );
    assert_eq!(session.finding().map(|f| f.key.as_str()), Some(SWAP));
    let target = harness
        .state()
        .last_scroll_target()
        .ok_or("no scroll target")?;
    let text = session
        .photo()
        .and_then(|p| p.variants.get(3))
        .map(|v| v.caption.normalized.as_str())
        .ok_or("no Sportstar caption")?;
    assert_eq!(
        (target.variant, target.span.slice(text)),
        (3, "silver medallist")
    );
    Ok(())
}

const BOLT_A: &str = "Usain Bolt of Jamaica grins at the others in the semi-final.";
const BOLT_B: &str = "Usain Bolt of Jamaica grins as he wins the race in the stadium.";
const BOLD_C: &str = "Usain Bold of Jamaica grins at the camera in the semi-final.";

/// Three outlets' captions of one photo, one of them writing "Usain Bold".
fn misspelt_bolt_folder() -> Result<tempfile::TempDir, Box<dyn std::error::Error>> {
    common::caption_folder(
        &[
            ("a.txt", "A", BOLT_A),
            ("b.txt", "B", BOLT_B),
            ("c.txt", "C", BOLD_C),
        ],
        &[],
    )
}

/// A misspelt name, through the real loader and analysis: listed in the
/// findings table, selected with a click (the odd spelling on the left, a
/// right one on the right, scrolled to), marked in the compare view, and
/// judged like a conflict.
#[test]
fn a_misspelt_name_is_listed_selected_and_judged() -> TestResult {
    let dir = misspelt_bolt_folder()?;
    let mut harness = real_harness(dir.path().to_path_buf());
    run_until(&mut harness, loaded)?;
    run_until(&mut harness, idle)?;
    let summary = "C writes \"Bold\"; 2 other outlets write \"Bolt\" (1 letter apart)";
    let rows_now = rows(harness.state());
    let listed: Vec<(&str, FindingKind, ConflictSeverity, &str, usize)> = rows_now
        .iter()
        .map(|r| {
            (
                r.name.as_str(),
                r.kind,
                r.severity,
                r.summary.as_str(),
                r.finding,
            )
        })
        .collect();
    assert_eq!(
        listed,
        vec![(
            "name: Bold",
            FindingKind::MisspeltName,
            ConflictSeverity::Medium,
            summary,
            0
        )]
    );
    harness.get_by_label("Findings (1)");
    harness.get_by_label_contains("1 finding");
    // Without a conflict, the folder opens on its finding.
    let selection = harness.state().selection().ok_or("no selection")?;
    assert_eq!((selection.finding, selection.left), (Some(0), 2));

    // From the first two variants, with nothing selected, a click on the row.
    harness.state_mut().run_command(Command::SelectPhoto(0));
    harness.run();
    let selection = harness.state().selection().ok_or("no selection")?;
    assert_eq!(
        (selection.left, selection.right, selection.finding),
        (0, 1, None)
    );
    harness.get_by_label("name: Bold").click();
    harness.run();
    let selection = harness.state().selection().ok_or("no selection")?;
    assert_eq!(
        selection,
        Selection {
            photo: 0,
            left: 2,
            right: 0,
            section: Section::Caption,
            conflict: None,
            finding: Some(0),
        }
    );
    assert_eq!(
        harness.state().last_scroll_target(),
        Some(Location {
            variant: 2,
            section: Section::Caption,
            span: span_of(BOLD_C, "Bold"),
        })
    );
    // The variant list marks C as holding the odd side.
    harness.get_by_label("L: ! C");

    // "Bold" is marked loudly with the summary on hover; "Bolt" calmly.
    let view = harness.state().compare_view().ok_or("no compare view")?;
    let marked: Vec<(Side, &str, &str, &str, FindingKind, &str)> = view
        .highlighted
        .iter()
        .map(|h| {
            (
                h.side,
                h.outlet.as_str(),
                h.text.as_str(),
                h.conflict_key.as_str(),
                h.kind,
                h.summary.as_str(),
            )
        })
        .collect();
    assert_eq!(
        marked,
        vec![(
            Side::Left,
            "C",
            "Bold",
            "spelling/bold",
            FindingKind::MisspeltName,
            summary
        )]
    );
    let right_marks: Vec<(&str, Option<FindingMark>)> = view
        .right
        .segments
        .iter()
        .filter(|s| s.finding.is_some())
        .map(|s| (s.span.slice(&view.right.text), s.finding))
        .collect();
    assert_eq!(
        right_marks,
        vec![(
            "Bolt",
            Some(FindingMark {
                finding: 0,
                strength: Strength::Agrees
            })
        )]
    );

    // A verdict with a note, kept under the finding's key, in the window and
    // in the folder.
    harness.get_by_label("Verdict on name: Bold");
    harness.get_by_label("Note:").focus();
    harness.run();
    harness
        .get_by_label("Note:")
        .type_text("a typo in the caption");
    harness.run();
    harness.get_by_label("confirmed error").click();
    run_until(&mut harness, idle)?;
    let session = harness.state().session().ok_or("no session")?;
    let photo = session.photo().ok_or("no photo")?.id.clone();
    let verdict = session.review.get(&photo, "spelling/bold").cloned();
    assert_eq!(
        verdict.as_ref().map(|v| (v.status, v.note.as_str())),
        Some((VerdictStatus::ConfirmedError, "a typo in the caption"))
    );
    assert_eq!(
        Review::load(dir.path())?.get(&photo, "spelling/bold"),
        verdict.as_ref()
    );
    assert_eq!(
        rows(harness.state()).first().and_then(|r| r.verdict),
        Some(VerdictStatus::ConfirmedError)
    );
    Ok(())
}

/// A path dropped on the window, as the integration hands it to egui.
#[derive(Debug)]
struct DroppedPath(PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        Err("a folder has no bytes".into())
    }
}

#[test]
fn dropping_a_folder_on_the_window_opens_it() -> TestResult {
    let empty = tempfile::tempdir()?;
    let mut harness = real_harness(empty.path().to_path_buf());
    run_until(&mut harness, idle)?;
    let photos = |h: &Harness<'_, App>| h.state().session().map_or(0, |s| s.corpus.photos.len());
    assert_eq!(photos(&harness), 0);

    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(DroppedPath(bundled_folder())));
    run_until(&mut harness, loaded)?;
    let session = harness.state().session().ok_or("no session")?;
    assert_eq!(session.folder, bundled_folder());
    assert_eq!(photos(&harness), 1);
    Ok(())
}

#[test]
fn cancel_in_the_top_bar_stops_a_load() -> TestResult {
    let dir = tempfile::tempdir()?;
    // A load that only ends when it is cancelled (or, as a safety net, after 50 s).
    let loader: Loader = Arc::new(
        |_: &Path, _: &(dyn Fn(LoadProgress) + Sync), cancel: &AtomicBool| {
            for _ in 0..10_000 {
                if cancel.load(std::sync::atomic::Ordering::Relaxed) {
                    return Err(LoadFailure::Cancelled);
                }
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            Err(LoadFailure::Failed("never cancelled".into()))
        },
    );
    let mut harness = harness_with(dir.path(), loader);
    harness.step();
    assert!(harness.state().is_loading());
    harness.get_by_label("Cancel").click();
    run_until(&mut harness, idle)?;
    assert!(!harness.state().is_loading());
    assert!(harness.state().session().is_none());
    Ok(())
}

#[test]
fn the_alignment_tab_aligns_every_variant_of_the_photo() -> TestResult {
    let mut harness = real_harness(bundled_folder());
    run_until(&mut harness, loaded)?;
    run_until(&mut harness, idle)?;
    harness.get_by_label("Alignment of all").click();
    run_until(&mut harness, idle)?;
    let view = harness
        .state()
        .alignment_view()
        .ok_or("no alignment drawn")?;
    let labels: Vec<&str> = view.rows.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(labels.len(), 6);
    assert!(labels.contains(&"Sportstar"));
    let columns = view.agreed.len();
    assert!(view.rows.iter().all(|r| r.cells.len() == columns));
    // Sportstar's row, read left to right, is its caption's words in order.
    let sportstar = view
        .rows
        .iter()
        .find(|r| r.label == "Sportstar")
        .ok_or("no Sportstar row")?;
    let words: Vec<&str> = sportstar
        .cells
        .iter()
        .flatten()
        .map(String::as_str)
        .collect();
    let silver = words
        .iter()
        .position(|w| *w == "silver")
        .ok_or("no silver")?;
    assert_eq!(words.get(silver + 1), Some(&"medallist"));
    Ok(())
}
