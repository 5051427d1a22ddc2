//! The command line, run as a program: exit codes, one-line errors, output
//! to stdout and files, and no overwriting without `--force`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use caption_provenance::report::json::from_json;

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn run(args: &[&str]) -> std::io::Result<Output> {
    Command::new(env!("CARGO_BIN_EXE_caption-provenance"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
}

fn bundled() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("captions")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A folder holding one photo with these caption files (name, text).
fn folder(files: &[(&str, &str)]) -> std::io::Result<tempfile::TempDir> {
    let dir = tempfile::tempdir()?;
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text)?;
    }
    Ok(dir)
}

/// A folder holding one photo with two captions that agree.
fn agreeing_folder() -> std::io::Result<tempfile::TempDir> {
    folder(&[
        (
            "a.txt",
            "Outlet: Alpha\n\nSouth Korea's Lim Jong-hoon, bronze medallist, takes a selfie.\n",
        ),
        (
            "b.txt",
            "Outlet: Beta\n\nLim Jong-hoon of South Korea, a bronze medallist, takes a selfie.\n",
        ),
    ])
}

/// Asserts the output is exactly one `caption-provenance: ...` error line and exit code 2.
fn assert_one_line_error(output: &Output, contains: &str) {
    let err = stderr(output);
    assert_eq!(output.status.code(), Some(2), "stderr: {err}");
    assert_eq!(err.lines().count(), 1, "stderr: {err}");
    assert!(err.starts_with("caption-provenance: "), "stderr: {err}");
    assert!(err.contains(contains), "stderr: {err}");
    assert!(!err.contains("panicked"), "stderr: {err}");
}

#[test]
fn check_on_a_missing_folder_is_an_error() -> TestResult {
    let output = run(&["check", "no/such/folder"])?;
    assert_one_line_error(&output, "no/such/folder: no such folder");
    assert!(output.stdout.is_empty());
    Ok(())
}

#[test]
fn check_on_agreeing_captions_exits_zero() -> TestResult {
    let dir = agreeing_folder()?;
    let path = dir.path().to_string_lossy().into_owned();
    let output = run(&["check", &path])?;
    assert_eq!(output.status.code(), Some(0), "stderr: {}", stderr(&output));
    assert!(output.stdout.is_empty());
    let quiet = run(&["--quiet", "check", &path])?;
    assert_eq!(quiet.status.code(), Some(0));
    assert!(quiet.stderr.is_empty());
    Ok(())
}

#[test]
fn check_on_the_bundled_captions_lists_the_sportstar_swap() -> TestResult {
    let output = run(&["check", "captions"])?;
    assert_eq!(output.status.code(), Some(1), "stderr: {}", stderr(&output));
    let stdout = String::from_utf8(output.stdout)?;
    // Sportstar's swapped medals are one line (a finding), where each
    // person's medal conflict was one.
    assert!(
        stdout.lines().any(|l| l.starts_with(
            "paris-2024-table-tennis-selfie: HIGH swap: Sportstar swaps silver and bronze: "
        ) && l.contains("silver to Lim Jong-hoon")),
        "stdout: {stdout}"
    );
    assert!(!stdout.contains("Lim Jong-hoon/medal"), "stdout: {stdout}");
    let json = run(&["check", "captions", "--json"])?;
    assert_eq!(json.status.code(), Some(1));
    let value: serde_json::Value = serde_json::from_slice(&json.stdout)?;
    assert!(value["conflicts"].as_array().is_some_and(|c| !c.is_empty()));
    Ok(())
}

/// A conflict a reviewer marked "not an error" is listed with its verdict
/// but no longer fails the check; a confirmed error still does.
#[test]
fn check_passes_when_every_conflict_is_marked_not_an_error() -> TestResult {
    use caption_provenance::review::{Review, Verdict, VerdictStatus};
    let dir = folder(&[
        (
            "a.txt",
            "Outlet: Alpha\n\nSouth Korea's Lim Jong-hoon, bronze medallist, takes a selfie.\n",
        ),
        (
            "b.txt",
            "Outlet: Beta\n\nSouth Korea's Lim Jong-hoon, silver medallist, takes a selfie.\n",
        ),
    ])?;
    let path = dir.path().to_string_lossy().into_owned();
    assert_eq!(run(&["check", "-q", &path])?.status.code(), Some(1));

    let mut review = Review::default();
    let verdict = |status| {
        Some(Verdict {
            status,
            note: String::new(),
            at: None,
            values: None,
        })
    };
    review.set(
        ".",
        "Lim Jong-hoon/medal",
        verdict(VerdictStatus::NotAnError),
    );
    review.save(dir.path())?;
    let output = run(&["check", "-q", &path])?;
    assert_eq!(output.status.code(), Some(0), "stderr: {}", stderr(&output));
    let stdout = String::from_utf8(output.stdout)?;
    assert_eq!(stdout.lines().count(), 1, "stdout: {stdout}");
    assert!(stdout.ends_with(" [not an error]\n"), "stdout: {stdout}");

    review.set(
        ".",
        "Lim Jong-hoon/medal",
        verdict(VerdictStatus::ConfirmedError),
    );
    review.save(dir.path())?;
    let output = run(&["check", "-q", &path])?;
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8(output.stdout)?.ends_with(" [confirmed error]\n"));
    Ok(())
}

/// A "not an error" verdict judged the values it saw; when a new outlet
/// adds a value nobody reviewed, the conflict needs review again and fails
/// the check, until the reviewer looks again.
#[test]
fn check_fails_again_when_a_new_value_appears_after_not_an_error() -> TestResult {
    use caption_provenance::review::{Review, Verdict, VerdictStatus};
    let dir = folder(&[
        (
            "a.txt",
            "Outlet: Alpha\n\nSouth Korea's Lim Jong-hoon, bronze medallist, takes a selfie.\n",
        ),
        (
            "b.txt",
            "Outlet: Beta\n\nSouth Korea's Lim Jong-hoon, silver medallist, takes a selfie.\n",
        ),
    ])?;
    let path = dir.path().to_string_lossy().into_owned();
    let judged = |values: &[&str]| Verdict {
        values: Some(values.iter().map(|v| v.to_string()).collect()),
        ..Verdict::new(VerdictStatus::NotAnError, "both are right")
    };
    let mut review = Review::default();
    review.set(
        ".",
        "Lim Jong-hoon/medal",
        Some(judged(&["Alpha: bronze", "Beta: silver"])),
    );
    review.save(dir.path())?;
    let output = run(&["check", "-q", &path])?;
    assert_eq!(output.status.code(), Some(0), "stderr: {}", stderr(&output));
    assert!(String::from_utf8(output.stdout)?.ends_with(" [not an error]\n"));

    std::fs::write(
        dir.path().join("c.txt"),
        "Outlet: Gamma\n\nSouth Korea's Lim Jong-hoon, gold medallist, takes a selfie.\n",
    )?;
    let output = run(&["check", &path])?;
    assert_eq!(output.status.code(), Some(1), "stderr: {}", stderr(&output));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(stdout.lines().count(), 1, "stdout: {stdout}");
    assert!(
        stdout.ends_with(" [not an error, needs review]\n"),
        "stdout: {stdout}"
    );
    assert!(
        stderr(&output).contains("1 verdict needs review"),
        "stderr: {}",
        stderr(&output)
    );
    let output = run(&["check", "--json", &path])?;
    let value: serde_json::Value = serde_json::from_slice(&output.stdout)?;
    assert_eq!(value["conflicts"][0]["needs_review"], true);
    assert_eq!(value["conflicts"][0]["verdict"]["status"], "not_an_error");

    // Judged again with the new value, it settles the conflict again; an
    // outlet going away does not reopen it.
    review.set(
        ".",
        "Lim Jong-hoon/medal",
        Some(judged(&["Alpha: bronze", "Beta: silver", "Gamma: gold"])),
    );
    review.save(dir.path())?;
    std::fs::remove_file(dir.path().join("c.txt"))?;
    let output = run(&["check", "-q", &path])?;
    assert_eq!(output.status.code(), Some(0), "stderr: {}", stderr(&output));
    Ok(())
}

#[test]
fn check_json_on_agreeing_captions() -> TestResult {
    let dir = agreeing_folder()?;
    let output = run(&["check", "--json", &dir.path().to_string_lossy()])?;
    assert_eq!(output.status.code(), Some(0));
    let value: serde_json::Value = serde_json::from_slice(&output.stdout)?;
    assert_eq!(value["schema_version"], 1);
    assert_eq!(value["conflicts"], serde_json::json!([]));
    Ok(())
}

#[test]
fn report_to_stdout_is_json_that_parses_back() -> TestResult {
    for args in [
        vec!["report", "captions", "--no-timestamp"],
        vec!["report", "captions", "-o", "-", "--no-timestamp"],
    ] {
        let output = run(&args)?;
        assert_eq!(output.status.code(), Some(0), "stderr: {}", stderr(&output));
        let report = from_json(std::str::from_utf8(&output.stdout)?)?;
        assert_eq!(report.schema_version, 1);
        assert_eq!(report.generated_at, None);
        assert!(report.folder.ends_with("captions"), "{}", report.folder);
    }
    let md = run(&["report", "captions", "--format", "md"])?;
    assert!(String::from_utf8(md.stdout)?.starts_with("# Caption provenance report\n"));
    Ok(())
}

#[test]
fn two_runs_give_identical_files() -> TestResult {
    let dir = tempfile::tempdir()?;
    let captions = bundled().to_string_lossy().into_owned();
    for name in ["a.json", "b.json", "a.html", "b.html", "a.md", "b.md"] {
        let out = dir.path().join(name).to_string_lossy().into_owned();
        let output = run(&["report", &captions, "-o", &out, "--no-timestamp"])?;
        assert_eq!(output.status.code(), Some(0), "stderr: {}", stderr(&output));
    }
    for ext in ["json", "html", "md"] {
        let a = std::fs::read(dir.path().join(format!("a.{ext}")))?;
        let b = std::fs::read(dir.path().join(format!("b.{ext}")))?;
        assert!(!a.is_empty());
        assert_eq!(a, b, "{ext} differs");
    }
    let html = std::fs::read_to_string(dir.path().join("a.html"))?;
    assert!(html.starts_with("<!DOCTYPE html>"));
    Ok(())
}

#[test]
fn an_existing_file_needs_force() -> TestResult {
    let dir = tempfile::tempdir()?;
    let out = dir.path().join("report.html");
    std::fs::write(&out, "old report")?;
    let out_arg = out.to_string_lossy().into_owned();

    let refused = run(&["report", "captions", "-o", &out_arg])?;
    assert_one_line_error(&refused, "already exists: add --force to replace it");
    assert_eq!(std::fs::read_to_string(&out)?, "old report");

    let forced = run(&["report", "captions", "-o", &out_arg, "--force"])?;
    assert_eq!(forced.status.code(), Some(0), "stderr: {}", stderr(&forced));
    assert!(std::fs::read_to_string(&out)?.starts_with("<!DOCTYPE html>"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out)?.permissions().mode();
        assert_eq!(mode & 0o777, 0o644);
    }
    let names: Vec<_> = std::fs::read_dir(dir.path())?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("report.html")]);
    Ok(())
}

#[test]
fn writing_into_a_missing_folder_is_one_line() -> TestResult {
    let dir = tempfile::tempdir()?;
    let out = dir.path().join("missing").join("report.json");
    let output = run(&["report", "captions", "-o", &out.to_string_lossy()])?;
    assert_one_line_error(&output, "could not write ");
    assert!(!out.exists());
    Ok(())
}

#[test]
fn an_unknown_extension_asks_for_a_format() -> TestResult {
    let dir = tempfile::tempdir()?;
    let out = dir.path().join("report.txt");
    let output = run(&["report", "captions", "-o", &out.to_string_lossy()])?;
    assert_one_line_error(&output, "name it .html, .md or .json, or add --format");
    let with_format = run(&[
        "report",
        "captions",
        "-o",
        &out.to_string_lossy(),
        "--format",
        "md",
    ])?;
    assert_eq!(with_format.status.code(), Some(0));
    assert!(std::fs::read_to_string(&out)?.starts_with("# Caption provenance report"));
    Ok(())
}

#[test]
fn usage_errors_are_one_line() -> TestResult {
    let output = run(&["report", "captions", "--format", "pdf"])?;
    assert_one_line_error(&output, "(see --help)");
    let output = run(&["frobnicate"])?;
    assert_one_line_error(&output, "frobnicate");
    let help = run(&["--help"])?;
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8(help.stdout)?.contains("check"));
    Ok(())
}
