use super::*;

#[test]
fn verdicts_round_trip_through_the_folder() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    assert_eq!(Review::load(dir.path())?, Review::default());
    let mut review = Review::default();
    let verdict = Verdict {
        status: VerdictStatus::ConfirmedError,
        note: "Sportstar swapped the medals".into(),
        at: None,
        values: None,
    };
    review.set("paris", "person:4/medal", Some(verdict.clone()));
    review.save(dir.path())?;
    let again = Review::load(dir.path())?;
    assert_eq!(again.get("paris", "person:4/medal"), Some(&verdict));
    review.set("paris", "person:4/medal", None);
    assert!(review.verdicts.is_empty());
    Ok(())
}

#[test]
fn a_failed_save_keeps_the_previous_verdicts() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let mut review = Review::default();
    let verdict = Verdict {
        status: VerdictStatus::Unsure,
        note: String::new(),
        at: None,
        values: None,
    };
    review.set("paris", "photo/credit", Some(verdict.clone()));
    review.save(dir.path())?;
    let before = std::fs::read(Review::path(dir.path()))?;

    let mut newer = review.clone();
    newer.set("paris", "photo/credit", None);
    let result = newer.save_with(dir.path(), |file, bytes| {
        io::Write::write_all(file, bytes.get(..bytes.len() / 2).unwrap_or_default())?;
        Err(io::Error::other("No space left on device"))
    });
    assert_eq!(
        result.map_err(|e| e.to_string()),
        Err(format!(
            "{}: No space left on device",
            Review::path(dir.path()).display()
        ))
    );
    assert_eq!(std::fs::read(Review::path(dir.path()))?, before);
    assert_eq!(
        Review::load(dir.path())?.get("paris", "photo/credit"),
        Some(&verdict)
    );
    // No temporary file is left beside it.
    let names: Vec<_> = std::fs::read_dir(dir.path().join(".caption-provenance"))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name())
        .collect();
    assert_eq!(names, vec![std::ffi::OsString::from("review.json")]);
    Ok(())
}

#[test]
fn a_broken_review_file_is_an_error_not_a_panic() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    std::fs::create_dir_all(dir.path().join(".caption-provenance"))?;
    std::fs::write(Review::path(dir.path()), "{not json")?;
    assert!(matches!(
        Review::load(dir.path()),
        Err(ReviewError::Parse(..))
    ));
    Ok(())
}

fn verdict(status: VerdictStatus, note: &str) -> Option<Verdict> {
    Some(Verdict {
        status,
        note: note.into(),
        at: None,
        values: None,
    })
}

#[test]
fn two_windows_keep_each_others_verdicts() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    // Each window applies its own change; neither writes its whole review.
    let first = Change::now(
        "paris",
        "person:4/medal",
        verdict(VerdictStatus::ConfirmedError, "swap"),
    );
    let second = Change::now(
        "paris",
        "photo/credit",
        verdict(VerdictStatus::NotAnError, ""),
    );
    Review::apply(dir.path(), std::slice::from_ref(&first))?;
    let applied = Review::apply(dir.path(), std::slice::from_ref(&second))?;
    assert_eq!(
        applied.review.verdicts.get("paris").map(BTreeMap::len),
        Some(2)
    );
    assert_eq!(Review::load(dir.path())?, applied.review);
    assert_eq!(applied.stamp, ReviewStamp::take(dir.path()));
    assert_eq!(applied.damaged_kept_as, None);
    Ok(())
}

#[test]
fn the_later_word_on_a_finding_wins() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let now = Utc::now();
    let earlier = Change::at(
        "paris",
        "k",
        verdict(VerdictStatus::Unsure, "earlier"),
        now - chrono::TimeDelta::seconds(5),
    );
    let later = Change::at(
        "paris",
        "k",
        verdict(VerdictStatus::ConfirmedError, "later"),
        now,
    );
    // The later change reaches the file first (its window saved sooner).
    Review::apply(dir.path(), std::slice::from_ref(&later))?;
    let applied = Review::apply(dir.path(), std::slice::from_ref(&earlier))?;
    assert_eq!(
        applied.review.get("paris", "k").map(|v| v.note.as_str()),
        Some("later")
    );
    // Withdrawing it later removes it.
    let withdrawn = Change::at("paris", "k", None, now + chrono::TimeDelta::seconds(1));
    let applied = Review::apply(dir.path(), &[withdrawn])?;
    assert_eq!(applied.review.get("paris", "k"), None);
    Ok(())
}

#[test]
fn a_damaged_review_file_is_kept_before_anything_is_written()
-> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    fs::create_dir_all(dir.path().join(".caption-provenance"))?;
    fs::write(
        Review::path(dir.path()),
        "{\"verdicts\": {\"paris\": {\"k\": {\"stat",
    )?;
    let change = Change::now("paris", "k2", verdict(VerdictStatus::Unsure, ""));
    let applied = Review::apply(dir.path(), &[change])?;
    let kept = applied
        .damaged_kept_as
        .ok_or("the damaged file was not kept")?;
    assert!(
        kept.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with("review.json.damaged-"))
    );
    assert_eq!(
        fs::read_to_string(&kept)?,
        "{\"verdicts\": {\"paris\": {\"k\": {\"stat"
    );
    assert!(Review::load(dir.path())?.get("paris", "k2").is_some());
    Ok(())
}

#[cfg(unix)]
#[test]
fn a_review_link_out_of_the_folder_is_not_followed() -> Result<(), Box<dyn std::error::Error>> {
    let outside = tempfile::tempdir()?;
    let secret = outside.path().join("other.json");
    fs::write(&secret, "{\"verdicts\": {}}")?;
    let dir = tempfile::tempdir()?;
    fs::create_dir_all(dir.path().join(".caption-provenance"))?;
    std::os::unix::fs::symlink(&secret, Review::path(dir.path()))?;
    assert!(matches!(
        Review::load(dir.path()),
        Err(ReviewError::Read(_, ReadError::Outside(_)))
    ));
    // A verdict set now moves the link aside; the file it led to is untouched.
    let change = Change::now("paris", "k", verdict(VerdictStatus::Unsure, ""));
    let applied = Review::apply(dir.path(), &[change])?;
    assert!(applied.damaged_kept_as.is_some());
    assert_eq!(fs::read_to_string(&secret)?, "{\"verdicts\": {}}");
    Ok(())
}

#[cfg(unix)]
#[test]
fn nothing_is_written_through_a_verdicts_folder_linked_outside()
-> Result<(), Box<dyn std::error::Error>> {
    let outside = tempfile::tempdir()?;
    let dir = tempfile::tempdir()?;
    std::os::unix::fs::symlink(outside.path(), dir.path().join(".caption-provenance"))?;
    let change = Change::now("paris", "k", verdict(VerdictStatus::Unsure, ""));
    assert!(matches!(
        Review::apply(dir.path(), &[change]),
        Err(ReviewError::Read(_, ReadError::Outside(_)))
    ));
    assert_eq!(fs::read_dir(outside.path())?.count(), 0);
    Ok(())
}
