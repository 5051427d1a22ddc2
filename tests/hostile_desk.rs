//! The faults a real desk meets, run as a user would meet them (the
//! command line on a folder): FIFOs and devices where files should be, links
//! out of the folder, reports that would replace something, our own reports
//! among the captions, names that are not UTF-8, escape sequences in
//! captions, bare addresses in Markdown, temporary files left by a killed
//! run, vocabulary files, empty folders and missing arguments.
//!
//! A run that would hang is killed after a generous limit and fails the test:
//! that guards against hanging, it does not measure speed.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

mod folder_fixture;
use folder_fixture::write;

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// Past this, a run is taken to hang.
const HANG: Duration = Duration::from_secs(120);

const CAPTION: &str =
    "Outlet: Alpha\n\nSouth Korea's Lim Jong-hoon, bronze medallist, takes a selfie.\n";

/// Runs the program, killing it (and failing) if it does not end.
fn run(args: &[&std::ffi::OsStr]) -> Result<Output, Box<dyn std::error::Error>> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_caption-provenance"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let started = Instant::now();
    while child.try_wait()?.is_none() {
        if started.elapsed() > HANG {
            child.kill()?;
            return Err(format!("{args:?} hung").into());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    Ok(child.wait_with_output()?)
}

fn args<'a>(list: &'a [&'a str]) -> Vec<&'a std::ffi::OsStr> {
    list.iter().map(std::ffi::OsStr::new).collect()
}

fn check_verbose(folder: &Path) -> Result<Output, Box<dyn std::error::Error>> {
    run(&["-v".as_ref(), "check".as_ref(), folder.as_os_str()])
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[cfg(unix)]
fn mkfifo(path: &Path) -> TestResult {
    let status = Command::new("mkfifo").arg(path).status()?;
    assert!(status.success(), "mkfifo {}", path.display());
    Ok(())
}

#[cfg(unix)]
#[test]
fn fifos_named_as_images_or_review_never_block() -> TestResult {
    let dir = tempfile::tempdir()?;
    let root = dir.path();
    write(
        root,
        "p/a.txt",
        b"Outlet: Alpha\nImage: pipe.jpg\n\nLim Jong-hoon takes a selfie.\n",
    )?;
    write(root, "p/photo.toml", b"images = [\"other.jpg\"]\n")?;
    write(root, "p/b.txt", CAPTION.as_bytes())?;
    mkfifo(&root.join("p/pipe.jpg"))?;
    mkfifo(&root.join("p/other.jpg"))?;
    mkfifo(&root.join("p/c.txt"))?;
    std::fs::create_dir_all(root.join(".caption-provenance"))?;
    mkfifo(&root.join(".caption-provenance/review.json"))?;
    let output = check_verbose(root)?;
    let err = text(&output.stderr);
    assert!(matches!(output.status.code(), Some(0 | 1)), "{err}");
    // The FIFO caption is a problem of its own, not skipped in silence.
    assert!(
        err.contains("p/c.txt: could not be read: it is a FIFO (named pipe), not a regular file"),
        "{err}"
    );
    assert!(
        err.contains("review.json: the reviewer's verdicts were not read"),
        "{err}"
    );
    // The report too finishes, and says what the images are.
    let report = run(&["report".as_ref(), root.as_os_str()])?;
    assert_eq!(report.status.code(), Some(0), "{}", text(&report.stderr));
    assert!(text(&report.stdout).contains("FIFO (named pipe), not a regular file"));
    Ok(())
}

#[cfg(target_os = "linux")]
#[test]
fn a_review_file_linked_to_a_device_or_out_of_the_folder_is_not_read() -> TestResult {
    let dir = tempfile::tempdir()?;
    let root = dir.path();
    write(root, "p/a.txt", CAPTION.as_bytes())?;
    std::fs::create_dir_all(root.join(".caption-provenance"))?;
    let review = root.join(".caption-provenance/review.json");
    std::os::unix::fs::symlink("/dev/zero", &review)?;
    let output = check_verbose(root)?;
    let err = text(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{err}");
    assert!(
        err.contains("review.json: the reviewer's verdicts were not read"),
        "{err}"
    );
    assert!(
        err.contains("leads outside the opened folder, to /dev/zero"),
        "{err}"
    );
    // A link to a regular file outside the folder is not followed either.
    std::fs::remove_file(&review)?;
    let outside = tempfile::tempdir()?;
    std::fs::write(outside.path().join("verdicts.json"), "{\"verdicts\": {}}")?;
    std::os::unix::fs::symlink(outside.path().join("verdicts.json"), &review)?;
    let err = text(&check_verbose(root)?.stderr);
    assert!(err.contains("leads outside the opened folder"), "{err}");
    Ok(())
}

#[test]
fn a_second_report_without_force_keeps_the_first() -> TestResult {
    let dir = tempfile::tempdir()?;
    write(dir.path(), "p/a.txt", CAPTION.as_bytes())?;
    let out = tempfile::tempdir()?;
    let target = out.path().join("same.json");
    let report = |force: bool| {
        let mut list = vec!["report".as_ref(), dir.path().as_os_str()];
        list.extend(["-o".as_ref(), target.as_os_str()]);
        if force {
            list.push("--force".as_ref());
        }
        run(&list)
    };
    assert_eq!(report(false)?.status.code(), Some(0));
    let first = std::fs::read(&target)?;
    let second = report(false)?;
    assert_eq!(second.status.code(), Some(2));
    assert!(text(&second.stderr).contains("already exists"));
    assert_eq!(std::fs::read(&target)?, first);
    Ok(())
}

#[cfg(unix)]
#[test]
fn force_replaces_only_a_regular_file() -> TestResult {
    let dir = tempfile::tempdir()?;
    write(dir.path(), "p/a.txt", CAPTION.as_bytes())?;
    let out = tempfile::tempdir()?;
    let fifo = out.path().join("pipe.json");
    mkfifo(&fifo)?;
    let link = out.path().join("null.json");
    std::os::unix::fs::symlink("/dev/null", &link)?;
    for target in [&fifo, &link] {
        let output = run(&[
            "report".as_ref(),
            dir.path().as_os_str(),
            "-o".as_ref(),
            target.as_os_str(),
            "--force".as_ref(),
        ])?;
        assert_eq!(output.status.code(), Some(2), "{}", target.display());
        assert!(text(&output.stderr).contains("not a regular file"));
    }
    use std::os::unix::fs::FileTypeExt as _;
    assert!(std::fs::symlink_metadata(&fifo)?.file_type().is_fifo());
    assert!(std::fs::symlink_metadata(&link)?.file_type().is_symlink());
    Ok(())
}

#[test]
fn only_a_whole_report_of_ours_is_passed_over_and_it_is_listed() -> TestResult {
    let dir = tempfile::tempdir()?;
    let root = dir.path();
    write(root, "p/a.txt", CAPTION.as_bytes())?;
    // A caption that merely starts like one of our JSON reports.
    write(
        root,
        "p/b.json",
        br#"{"schema_version": 1, "tool": {"name": "caption-provenance"}, "outlet": "Beta", "caption": "Lim Jong-hoon of South Korea, a silver medallist, takes a selfie."}"#,
    )?;
    // A page with our generator tag and a caption.
    write(
        root,
        "p/c.html",
        b"<!DOCTYPE html>\n<html><head><meta name=\"generator\" content=\"caption-provenance\"><title>Gamma</title></head>\
          <body><figure><img src=\"x.jpg\"><figcaption>Lim Jong-hoon, bronze medallist, takes a selfie.</figcaption></figure></body></html>",
    )?;
    let report = run(&["report".as_ref(), root.as_os_str()])?;
    assert_eq!(report.status.code(), Some(0));
    write(root, "p/saved-report.json", &report.stdout)?;
    let output = check_verbose(root)?;
    let err = text(&output.stderr);
    // Both look-alikes are read as captions.
    assert!(matches!(output.status.code(), Some(0 | 1)), "{err}");
    assert!(err.contains("loaded 1 photos, 3 variants"), "{err}");
    assert!(
        err.contains("p/saved-report.json: passed over: a report this app saved, not a caption"),
        "{err}"
    );
    // A note, not a problem.
    let json = text(&run(&["report".as_ref(), root.as_os_str()])?.stdout);
    assert!(json.contains("\"severity\": \"note\""), "{json}");
    assert!(json.contains("\"notes\": 1"), "{json}");
    Ok(())
}

#[cfg(target_os = "linux")]
#[test]
fn names_that_are_not_utf8_load_and_stay_apart() -> TestResult {
    use std::os::unix::ffi::OsStrExt as _;
    let dir = tempfile::tempdir()?;
    let photo = dir.path().join("p");
    std::fs::create_dir_all(&photo)?;
    let latin1 = photo.join(std::ffi::OsStr::from_bytes(b"caf\xe9.txt"));
    let cp437 = photo.join(std::ffi::OsStr::from_bytes(b"caf\x82.txt"));
    std::fs::write(
        &latin1,
        "Outlet: Alpha\n\nLim Jong-hoon, bronze medallist, takes a selfie.\n",
    )?;
    std::fs::write(
        &cp437,
        "Outlet: Beta\n\nLim Jong-hoon, silver medallist, takes a selfie.\n",
    )?;
    let output = check_verbose(dir.path())?;
    let err = text(&output.stderr);
    assert!(err.contains("loaded 1 photos, 2 variants"), "{err}");
    assert!(!err.contains("No such file"), "{err}");
    let report = run(&["report".as_ref(), dir.path().as_os_str()])?;
    assert_eq!(report.status.code(), Some(0), "{}", text(&report.stderr));
    let json = text(&report.stdout);
    assert!(json.contains(r#""p/caf\\xE9.txt""#), "{json}");
    assert!(json.contains(r#""p/caf\\x82.txt""#), "{json}");
    Ok(())
}

#[test]
fn escape_sequences_never_reach_the_terminal() -> TestResult {
    let dir = tempfile::tempdir()?;
    write(
        dir.path(),
        "p/a.txt",
        b"Outlet: Alpha\x1b]0;owned\x07\x1b[2J\nCredit: AFP\x1b[31m\n\nLim Jong-hoon, bronze medallist, takes a selfie.\n",
    )?;
    write(
        dir.path(),
        "p/b.txt",
        b"Outlet: Beta\xc2\x9b\n\nLim Jong-hoon, silver medallist, takes a selfie.\n",
    )?;
    for json in [false, true] {
        let mut list = vec!["-v".as_ref(), "check".as_ref(), dir.path().as_os_str()];
        if json {
            list.push("--json".as_ref());
        }
        let output = run(&list)?;
        assert_eq!(output.status.code(), Some(1));
        for stream in [&output.stdout, &output.stderr] {
            let shown = text(stream);
            assert!(!stream.contains(&0x1b), "{shown}");
            assert!(!stream.contains(&0x07), "{shown}");
            assert!(!shown.contains('\u{9b}'), "{shown}");
        }
    }
    Ok(())
}

#[test]
fn markdown_reports_keep_bare_addresses_as_text() -> TestResult {
    let dir = tempfile::tempdir()?;
    write(
        dir.path(),
        "p/a.txt",
        b"Outlet: Alpha\n\nLim Jong-hoon takes a selfie. More at https://example.com/x, www.example.org or desk@example.com.\n",
    )?;
    let output = run(&[
        "report".as_ref(),
        dir.path().as_os_str(),
        "--format".as_ref(),
        "md".as_ref(),
    ])?;
    let md = text(&output.stdout);
    assert!(md.contains(r"https\://example.com/x"), "{md}");
    assert!(md.contains(r"www\.example.org"), "{md}");
    assert!(md.contains("desk@\u{2060}example.com"), "{md}");
    assert!(!md.contains("https://example.com"), "{md}");
    Ok(())
}

#[cfg(target_os = "linux")]
#[test]
fn a_killed_runs_temporary_report_is_removed_by_the_next_run() -> TestResult {
    let dir = tempfile::tempdir()?;
    write(dir.path(), "p/a.txt", CAPTION.as_bytes())?;
    let out = tempfile::tempdir()?;
    // What `kill -9` mid-write leaves: a temporary of a process now gone.
    let stale = out.path().join(".caption-provenance-99999999-Xy12ab.tmp");
    std::fs::write(&stale, vec![b'x'; 1 << 20])?;
    let output = run(&[
        "report".as_ref(),
        dir.path().as_os_str(),
        "-o".as_ref(),
        out.path().join("r.json").as_os_str(),
    ])?;
    assert_eq!(output.status.code(), Some(0));
    assert!(!stale.exists());
    let left: Vec<_> = std::fs::read_dir(out.path())?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name())
        .collect();
    assert_eq!(left, vec![std::ffi::OsString::from("r.json")]);
    Ok(())
}

#[test]
fn vocabulary_files_are_among_the_hashed_inputs() -> TestResult {
    let dir = tempfile::tempdir()?;
    write(dir.path(), "p/a.txt", CAPTION.as_bytes())?;
    let vocabulary = b"[[agencies]]\nname = \"Desk Photo\"\n";
    write(dir.path(), "vocabulary.toml", vocabulary)?;
    let json = text(&run(&["report".as_ref(), dir.path().as_os_str()])?.stdout);
    // A vocabulary the analysis used (no problem about it) ...
    let problems = json.split("\"problems\": [").nth(1).unwrap_or_default();
    let problems = problems.split("\"photos\"").next().unwrap_or_default();
    assert!(!problems.contains("vocabulary.toml"), "{json}");
    // ... is listed with its size among the inputs.
    let inputs = json.split("\"inputs\"").nth(1).unwrap_or_default();
    let entry = format!(
        "\"path\": \"vocabulary.toml\",\n      \"bytes\": {},",
        vocabulary.len()
    );
    assert!(inputs.contains(&entry), "{json}");
    Ok(())
}

#[test]
fn nothing_to_check_has_its_own_exit_code() -> TestResult {
    let empty = tempfile::tempdir()?;
    let output = run(&["check".as_ref(), empty.path().as_os_str()])?;
    assert_eq!(output.status.code(), Some(3));
    assert!(text(&output.stderr).contains("nothing could be checked"));
    // Every file broken: no caption could be read.
    let broken = tempfile::tempdir()?;
    write(broken.path(), "p/a.txt", b"")?;
    write(broken.path(), "p/b.json", b"{not json")?;
    let output = run(&["check".as_ref(), broken.path().as_os_str()])?;
    assert_eq!(output.status.code(), Some(3), "{}", text(&output.stderr));
    Ok(())
}

#[test]
fn a_missing_folder_argument_is_named() -> TestResult {
    for command in ["check", "report", "eval", "open"] {
        let output = run(&args(&[command]))?;
        let err = text(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{err}");
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("<FOLDER>"), "{err}");
        assert!(!err.trim_end().ends_with(':'), "{err}");
    }
    Ok(())
}

#[cfg(target_os = "linux")]
#[test]
fn a_device_node_named_as_an_image_is_not_read() -> TestResult {
    let dir = tempfile::tempdir()?;
    let root = dir.path();
    write(
        root,
        "p/a.txt",
        b"Outlet: Alpha\nImage: zero.jpg\n\nLim Jong-hoon takes a selfie.\n",
    )?;
    // /dev/zero's numbers (1, 5); making a device node needs root.
    let made = Command::new("mknod")
        .arg(root.join("p/zero.jpg"))
        .args(["c", "1", "5"])
        .stderr(Stdio::null())
        .status()?;
    if !made.success() {
        eprintln!("skipped: mknod needs root here");
        return Ok(());
    }
    let output = check_verbose(root)?;
    let err = text(&output.stderr);
    assert!(
        err.contains("p/zero.jpg: could not be read: it is a device, not a regular file"),
        "{err}"
    );
    let report = run(&["report".as_ref(), root.as_os_str()])?;
    assert_eq!(report.status.code(), Some(0));
    Ok(())
}
