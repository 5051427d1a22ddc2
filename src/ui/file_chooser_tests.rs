use super::*;
use crate::ui::chooser_places::places;
use crate::ui::chooser_saving::with_format;

/// A folder that need not exist: the chooser only lists what it is given.
fn root() -> PathBuf {
    absolute(Path::new("/desk"))
}

fn entry(name: &str, is_folder: bool) -> Entry {
    Entry {
        name: name.into(),
        path: root().join(name),
        is_folder,
    }
}

/// A chooser open on [`root`], its listing of `entries` arrived.
fn chooser_on(mode: ChooserMode, entries: Vec<Entry>) -> FileChooser {
    let mut chooser = FileChooser::default();
    let request = chooser.open(mode, &root(), Vec::new(), None, None);
    assert_eq!(request.folder, root());
    chooser.receive(request.id, &request.folder, Ok(entries));
    chooser
}

fn set_location(chooser: &mut FileChooser, text: &str) -> Vec<Command> {
    if let Some(c) = &mut chooser.chooser {
        c.location = text.into();
    }
    let mut commands = Vec::new();
    chooser.apply(ChooserAction::LocationEdited, &mut commands);
    commands
}

fn apply(chooser: &mut FileChooser, action: ChooserAction) -> Vec<Command> {
    let mut commands = Vec::new();
    chooser.apply(action, &mut commands);
    commands
}

fn listed(commands: &[Command]) -> Vec<PathBuf> {
    commands
        .iter()
        .filter_map(|c| match c {
            Command::ListFolder(request) => Some(request.folder.clone()),
            _ => None,
        })
        .collect()
}

fn name(chooser: &FileChooser) -> Option<&str> {
    chooser.chooser.as_ref().map(|c| c.name.as_str())
}

#[test]
fn the_location_lists_the_folder_it_names_with_a_tilde_for_home() {
    let home = absolute(Path::new("/home/desk"));
    let mut chooser = FileChooser::default();
    let first = chooser.open(
        ChooserMode::OpenFolder,
        &root(),
        Vec::new(),
        Some(home.clone()),
        None,
    );
    assert_eq!(chooser.location(), Some(location_text(&root()).as_str()));
    let commands = set_location(&mut chooser, "~/captions/");
    assert_eq!(listed(&commands), [home.join("captions")]);
    assert_eq!(chooser.folder(), Some(home.join("captions").as_path()));
    // The start of a name in the same folder filters; nothing is read again.
    assert!(set_location(&mut chooser, "~/captions/par").is_empty());
    // `..` is the folder above; a bare name stays in the folder listed.
    let commands = set_location(&mut chooser, "~/captions/../");
    assert_eq!(listed(&commands), std::slice::from_ref(&home));
    assert!(set_location(&mut chooser, "capt").is_empty());
    assert_eq!(chooser.folder(), Some(home.as_path()));
    // The first listing arrives late: dropped, the folder is still being read.
    chooser.receive(first.id, &first.folder, Ok(vec![entry("old", true)]));
    assert!(chooser.shown_names().is_empty());
    assert_eq!(chooser.listing_problem(), None);
}

#[test]
fn a_stale_listing_is_dropped_and_the_current_one_shown() {
    let mut chooser = FileChooser::default();
    let first = chooser.open(ChooserMode::OpenFolder, &root(), Vec::new(), None, None);
    let commands = apply(&mut chooser, ChooserAction::GoTo(root().join("b")));
    let Some(Command::ListFolder(second)) = commands.first().cloned() else {
        panic!("no listing asked for: {commands:?}");
    };
    assert_eq!(second.id, first.id + 1);
    chooser.receive(first.id, &first.folder, Ok(vec![entry("from-a", true)]));
    assert!(chooser.shown_names().is_empty());
    chooser.receive(second.id, &second.folder, Err("permission denied".into()));
    assert_eq!(chooser.listing_problem(), Some("permission denied"));
    // A folder that cannot be read cannot be opened.
    let commands = apply(&mut chooser, ChooserAction::Confirm);
    assert!(commands.is_empty());
    assert!(chooser.is_open());
}

#[test]
fn tab_completes_the_shared_start_and_goes_into_the_one_folder() {
    let mut chooser = chooser_on(
        ChooserMode::OpenFolder,
        vec![
            entry("paris-day1", true),
            entry("paris-day2", true),
            entry("tokyo", true),
        ],
    );
    let typed = location_text(&root()) + "pa";
    set_location(&mut chooser, &typed);
    assert_eq!(chooser.shown_names(), ["paris-day1/", "paris-day2/"]);
    assert!(apply(&mut chooser, ChooserAction::Complete).is_empty());
    assert_eq!(
        chooser.location(),
        Some((location_text(&root()) + "paris-day").as_str())
    );
    // A bare name is completed in the folder listed.
    set_location(&mut chooser, "t");
    let commands = apply(&mut chooser, ChooserAction::Complete);
    assert_eq!(listed(&commands), [root().join("tokyo")]);
    assert_eq!(
        chooser.location(),
        Some(location_text(&root().join("tokyo")).as_str())
    );
}

#[test]
fn enter_goes_into_the_highlighted_folder_then_opens_the_folder_listed() {
    let mut chooser = chooser_on(
        ChooserMode::OpenFolder,
        vec![entry("athletics", true), entry("table-tennis", true)],
    );
    assert!(apply(&mut chooser, ChooserAction::MoveHighlight(1)).is_empty());
    assert!(apply(&mut chooser, ChooserAction::MoveHighlight(1)).is_empty());
    // Past the end it stays on the last.
    assert!(apply(&mut chooser, ChooserAction::MoveHighlight(1)).is_empty());
    let commands = apply(&mut chooser, ChooserAction::Enter);
    assert_eq!(listed(&commands), [root().join("table-tennis")]);
    // A name that is no folder here says so.
    set_location(&mut chooser, "nothing");
    assert!(apply(&mut chooser, ChooserAction::Enter).is_empty());
    assert_eq!(
        chooser.chooser.as_ref().and_then(|c| c.problem.clone()),
        Some("There is no folder “nothing” here.".into())
    );
    // With nothing typed, Enter opens the folder listed, as a picked one.
    set_location(&mut chooser, &location_text(&root().join("table-tennis")));
    let commands = apply(&mut chooser, ChooserAction::Enter);
    assert_eq!(commands, [Command::OpenFolder(root().join("table-tennis"))]);
    assert!(!chooser.is_open());
}

#[test]
fn open_folder_opens_the_highlighted_folder_else_the_one_listed() {
    let mut chooser = chooser_on(ChooserMode::OpenFolder, vec![entry("paris", true)]);
    apply(&mut chooser, ChooserAction::Highlight(root().join("paris")));
    let commands = apply(&mut chooser, ChooserAction::Confirm);
    assert_eq!(commands, [Command::OpenFolder(root().join("paris"))]);
    let mut chooser = chooser_on(ChooserMode::OpenFolder, vec![entry("paris", true)]);
    let commands = apply(&mut chooser, ChooserAction::Confirm);
    assert_eq!(commands, [Command::OpenFolder(root())]);
}

#[test]
fn saving_asks_before_replacing_and_the_format_sets_the_extension() {
    let mut chooser = chooser_on(
        ChooserMode::SaveReport,
        vec![
            entry("drafts", true),
            entry("caption-report.html", false),
            entry("notes.txt", false),
        ],
    );
    assert_eq!(chooser.shown_names(), ["drafts/", "caption-report.html"]);
    assert_eq!(name(&chooser), Some("caption-report.html"));
    // The suggested name exists: nothing is written until Replace.
    assert!(apply(&mut chooser, ChooserAction::Confirm).is_empty());
    assert_eq!(
        chooser.chooser.as_ref().and_then(|c| c.replacing.clone()),
        Some(root().join("caption-report.html"))
    );
    assert!(apply(&mut chooser, ChooserAction::KeepFile).is_empty());
    assert!(chooser.is_open());
    apply(
        &mut chooser,
        ChooserAction::SetFormat(ReportFormat::Markdown),
    );
    assert_eq!(name(&chooser), Some("caption-report.md"));
    let commands = apply(&mut chooser, ChooserAction::Confirm);
    assert_eq!(
        commands,
        [Command::SaveReport(root().join("caption-report.md"))]
    );
    assert!(!chooser.is_open());
}

#[test]
fn replacing_an_existing_report_writes_it_after_the_question() {
    let mut chooser = chooser_on(
        ChooserMode::SaveReport,
        vec![entry("old.json", false), entry("drafts", true)],
    );
    // A click on a report names it; a double click saves over it, asking first.
    apply(
        &mut chooser,
        ChooserAction::Highlight(root().join("old.json")),
    );
    assert_eq!(name(&chooser), Some("old.json"));
    assert!(
        apply(
            &mut chooser,
            ChooserAction::Activate(root().join("old.json"))
        )
        .is_empty()
    );
    let commands = apply(&mut chooser, ChooserAction::Replace);
    assert_eq!(commands, [Command::SaveReport(root().join("old.json"))]);
    assert!(!chooser.is_open());
}

#[test]
fn a_name_without_a_report_extension_gets_the_chosen_format() {
    let mut chooser = chooser_on(ChooserMode::SaveReport, vec![entry("drafts", true)]);
    apply(&mut chooser, ChooserAction::SetFormat(ReportFormat::Json));
    if let Some(c) = &mut chooser.chooser {
        c.name = "  desk check ".into();
    }
    let commands = apply(&mut chooser, ChooserAction::Confirm);
    assert_eq!(
        commands,
        [Command::SaveReport(root().join("desk check.json"))]
    );
    // A folder's name goes into the folder; no name at all is asked for.
    let mut chooser = chooser_on(ChooserMode::SaveReport, vec![entry("drafts", true)]);
    if let Some(c) = &mut chooser.chooser {
        c.name = "drafts.json".into();
        c.location = location_text(&root()) + "drafts";
    }
    // Enter with a folder's name typed in Location goes into it.
    let commands = apply(&mut chooser, ChooserAction::Enter);
    assert_eq!(listed(&commands), [root().join("drafts")]);
    if let Some(c) = &mut chooser.chooser {
        c.name = " ".into();
    }
    assert!(apply(&mut chooser, ChooserAction::Confirm).is_empty());
    assert_eq!(
        chooser.chooser.as_ref().and_then(|c| c.problem.clone()),
        Some("Type a name for the report.".into())
    );
}

#[test]
fn the_format_follows_the_name_and_the_name_the_format() {
    assert_eq!(
        with_format("caption-report.html", ReportFormat::Json),
        "caption-report.json"
    );
    assert_eq!(with_format("r.MD", ReportFormat::Html), "r.html");
    assert_eq!(with_format("v1.2", ReportFormat::Markdown), "v1.2.md");
    assert_eq!(with_format("", ReportFormat::Markdown), "caption-report.md");
    let mut chooser = chooser_on(ChooserMode::SaveReport, Vec::new());
    if let Some(c) = &mut chooser.chooser {
        c.name = "summary.markdown".into();
        assert_eq!(c.format(), ReportFormat::Markdown);
        c.name = "summary".into();
        assert_eq!(c.format(), ReportFormat::Html);
    }
}

#[test]
fn places_name_each_folder_once() {
    let home = absolute(Path::new("/home/desk"));
    let opened = home.join("captions");
    let recent = [opened.clone(), home.join("tips/paris"), home.clone()];
    let found = places(Some(&home), Some(&opened), None, &recent);
    let shown: Vec<(&str, &Path, bool)> = found
        .iter()
        .map(|p| (p.label.as_str(), p.folder.as_path(), p.recent))
        .collect();
    let root = absolute(Path::new(MAIN_SEPARATOR_STR));
    assert_eq!(
        shown,
        [
            ("Home", home.as_path(), false),
            ("Opened folder", opened.as_path(), false),
            ("File system", root.as_path(), false),
            ("paris", home.join("tips/paris").as_path(), true),
        ]
    );
}
