use super::*;
use crate::analysis::{
    Attribute, ConflictSeverity, ConflictValue, Fact, FindingKind, Mark, Subject,
};
use crate::corpus::{Source, Text, Variant};

fn variant(outlet: &str) -> Variant {
    Variant {
        source: Source {
            outlet: outlet.into(),
            ..Source::default()
        },
        caption: Text::new("a caption"),
        ..Variant::default()
    }
}

fn photo(outlets: &[&str]) -> Photo {
    Photo {
        id: "paris".into(),
        variants: outlets.iter().map(|o| variant(o)).collect(),
        ..Photo::default()
    }
}

fn value(value: &str, variants: &[usize], in_reference: bool) -> ConflictValue {
    ConflictValue {
        value: value.into(),
        claims: Vec::new(),
        variants: variants.to_vec(),
        in_reference,
    }
}

fn medal_conflict(values: Vec<ConflictValue>) -> Conflict {
    Conflict {
        key: "Lim Jong-hoon/medal".into(),
        subject: Subject::Photo,
        subject_name: "Lim Jong-hoon".into(),
        attribute: Attribute::Medal,
        severity: ConflictSeverity::High,
        scopes: Vec::new(),
        values,
        majority: Some("bronze".into()),
        reference: Some("bronze".into()),
        odd_ones_out: vec![0],
        summary: "Sportstar: silver; ...".into(),
    }
}

fn judged(status: VerdictStatus, values: &[&str]) -> Verdict {
    Verdict {
        values: Some(values.iter().map(|v| v.to_string()).collect()),
        ..Verdict::new(status, "")
    }
}

fn lines(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn a_conflicts_values_are_one_line_per_outlet_and_the_reference() {
    let photo = photo(&["Sportstar", "Reuters", "The Sun"]);
    let conflict = medal_conflict(vec![
        value("bronze", &[1, 2], true),
        value("silver", &[0], false),
    ]);
    assert_eq!(
        conflict_values(&photo, &conflict),
        lines(&[
            "Reuters: bronze",
            "Sportstar: silver",
            "The Sun: bronze",
            "reference: bronze"
        ])
    );
}

#[test]
fn another_findings_values_are_the_words_each_mark_shows() {
    let photo = photo(&["stern.de", "CNN", "CNET"]);
    let mark = |variant: usize, quote: &str, odd: bool| Mark {
        variant,
        location: None,
        quote: quote.into(),
        odd,
    };
    let finding = Finding {
        details: Vec::new(),
        kind: FindingKind::MisspeltName,
        fact: Fact::Name,
        severity: ConflictSeverity::Medium,
        key: "spelling/bold".into(),
        summary: String::new(),
        marks: vec![
            mark(0, "Bold", true),
            mark(1, "Bolt", false),
            mark(2, "Bolt", false),
            mark(1, "Bolt", false),
        ],
        conflict: None,
    };
    let analysis = PhotoAnalysis {
        findings: vec![finding.clone()],
        ..PhotoAnalysis::default()
    };
    let expected = lines(&["CNET: Bolt", "CNN: Bolt", "stern.de: Bold"]);
    assert_eq!(finding_values(&photo, &analysis, &finding), expected);
    assert_eq!(
        values_of_key(&photo, &analysis, "spelling/bold"),
        Some(expected)
    );
    assert_eq!(values_of_key(&photo, &analysis, "spelling/other"), None);
}

#[test]
fn a_verdict_holds_until_a_value_it_did_not_judge_appears() {
    let verdict = judged(
        VerdictStatus::NotAnError,
        &["Reuters: bronze", "Sportstar: silver"],
    );
    let same = lines(&["Reuters: bronze", "Sportstar: silver"]);
    assert_eq!(staleness(&verdict, &same), Vec::<String>::new());
    let state = VerdictState::judge(Some(&verdict), || same.clone());
    assert_eq!(state, VerdictState::Holds(&verdict));
    assert!(state.settled());

    // A new outlet gives another value: the verdict needs review again.
    let more = lines(&["Reuters: bronze", "Sportstar: silver", "The Sun: gold"]);
    let state = VerdictState::judge(Some(&verdict), || more.clone());
    assert!(state.needs_review());
    assert_eq!(state.unjudged(), lines(&["The Sun: gold"]).as_slice());
    assert_eq!(state.verdict(), Some(&verdict));
    assert!(!state.settled());

    // An outlet that changed its value is a new line too.
    let changed = lines(&["Reuters: bronze", "Sportstar: gold"]);
    assert_eq!(staleness(&verdict, &changed), lines(&["Sportstar: gold"]));

    // A line that went away does not reopen it.
    let fewer = lines(&["Sportstar: silver"]);
    assert!(VerdictState::judge(Some(&verdict), || fewer.clone()).settled());
}

#[test]
fn a_verdict_from_before_values_were_kept_holds() {
    let old = Verdict::new(VerdictStatus::NotAnError, "checked");
    let state = VerdictState::judge(Some(&old), || lines(&["Anyone: anything"]));
    assert_eq!(state, VerdictState::Holds(&old));
    assert!(state.settled());
    // And the old file, without `values`, still loads.
    let parsed: Verdict = serde_json::from_str(r#"{"status": "not_an_error", "note": "checked"}"#)
        .unwrap_or(Verdict::new(VerdictStatus::Unsure, "did not parse"));
    assert_eq!(parsed, old);
}

#[test]
fn only_a_holding_not_an_error_settles_a_finding() {
    assert!(!VerdictState::judge(None, Vec::new).settled());
    for status in [VerdictStatus::ConfirmedError, VerdictStatus::Unsure] {
        let verdict = judged(status, &[]);
        assert!(!VerdictState::judge(Some(&verdict), Vec::new).settled());
    }
    assert!(settled(
        Some(&judged(VerdictStatus::NotAnError, &[])),
        false
    ));
    assert!(!settled(
        Some(&judged(VerdictStatus::NotAnError, &[])),
        true
    ));
}

#[test]
fn the_state_of_a_key_reads_the_review_and_the_analysis() {
    let photo = photo(&["Sportstar", "Reuters", "The Sun"]);
    let conflict = medal_conflict(vec![
        value("bronze", &[1], true),
        value("silver", &[0], false),
        value("gold", &[2], false),
    ]);
    let analysis = PhotoAnalysis {
        conflicts: vec![conflict.clone()],
        ..PhotoAnalysis::default()
    };
    let mut review = Review::default();
    assert_eq!(
        VerdictState::of(&review, &photo, &analysis, &conflict.key),
        VerdictState::Unreviewed
    );
    review.set(
        "paris",
        &conflict.key,
        Some(judged(
            VerdictStatus::NotAnError,
            &["Reuters: bronze", "Sportstar: silver", "reference: bronze"],
        )),
    );
    let state = VerdictState::of(&review, &photo, &analysis, &conflict.key);
    assert_eq!(state.unjudged(), lines(&["The Sun: gold"]).as_slice());
    assert_eq!(VerdictState::of_conflict(&review, &photo, &conflict), state);
    // The finding the conflict makes counts for the photo.
    let analysis = PhotoAnalysis {
        findings: crate::analysis::conflict_findings(&analysis.conflicts, &analysis.claims),
        ..analysis
    };
    assert_eq!(needing_review(&review, &photo, &analysis), 1);
    assert_eq!(needing_review(&Review::default(), &photo, &analysis), 0);
}

#[test]
fn the_new_values_read_as_a_list() {
    assert_eq!(shown_since(&[]), "other values");
    assert_eq!(shown_since(&lines(&["The Sun: gold"])), "“The Sun: gold”");
    assert_eq!(
        shown_since(&lines(&["A: gold", "B: gold", "C: tin"])),
        "“A: gold”, “B: gold” and “C: tin”"
    );
}

/// A swap of Lim's and Ri's medals standing for their two conflicts.
fn swap_of(conflicts: &[Conflict]) -> Finding {
    Finding {
        details: conflicts
            .iter()
            .enumerate()
            .map(|(i, c)| crate::analysis::FindingDetail {
                key: c.key.clone(),
                subject: c.subject_name.clone(),
                summary: c.summary.clone(),
                conflict: Some(i),
            })
            .collect(),
        kind: FindingKind::Swap,
        fact: Fact::Medal,
        severity: ConflictSeverity::High,
        key: "swap/Sportstar/medal/Lim Jong-hoon+Ri Jong-sik".into(),
        summary: String::new(),
        marks: Vec::new(),
        conflict: None,
    }
}

#[test]
fn a_swap_without_a_verdict_takes_the_one_its_people_share() {
    let photo = photo(&["Sportstar", "Reuters"]);
    let lim = medal_conflict(vec![
        value("bronze", &[1], false),
        value("silver", &[0], false),
    ]);
    let ri = Conflict {
        key: "Ri Jong-sik/medal".into(),
        subject_name: "Ri Jong-sik".into(),
        ..medal_conflict(vec![
            value("silver", &[1], false),
            value("bronze", &[0], false),
        ])
    };
    let swap = swap_of(&[lim.clone(), ri.clone()]);
    let analysis = PhotoAnalysis {
        conflicts: vec![lim.clone(), ri.clone()],
        findings: vec![swap.clone()],
        ..PhotoAnalysis::default()
    };
    fn state_of<'a>(
        review: &'a Review,
        photo: &Photo,
        analysis: &PhotoAnalysis,
    ) -> VerdictState<'a> {
        VerdictState::of_finding(review, photo, analysis, &analysis.findings[0])
    }
    let mut review = Review::default();
    let error = |values: &[&str]| Some(judged(VerdictStatus::ConfirmedError, values));

    // One person judged: the swap is not.
    review.set(
        "paris",
        &lim.key,
        error(&["Reuters: bronze", "Sportstar: silver"]),
    );
    assert_eq!(
        state_of(&review, &photo, &analysis),
        VerdictState::Unreviewed
    );

    // Both judged alike: the swap holds their verdict, by key too.
    review.set(
        "paris",
        &ri.key,
        error(&["Reuters: silver", "Sportstar: bronze"]),
    );
    let state = state_of(&review, &photo, &analysis);
    assert_eq!(
        state.verdict().map(|v| v.status),
        Some(VerdictStatus::ConfirmedError)
    );
    assert!(!state.needs_review());
    assert_eq!(
        VerdictState::of(&review, &photo, &analysis, &swap.key),
        state
    );

    // One of them judged fewer values than the folder shows: needs review.
    review.set("paris", &ri.key, error(&["Sportstar: bronze"]));
    assert_eq!(
        state_of(&review, &photo, &analysis).unjudged(),
        lines(&["Reuters: silver"]).as_slice()
    );

    // Verdicts that differ leave the swap unreviewed.
    review.set(
        "paris",
        &ri.key,
        Some(judged(VerdictStatus::NotAnError, &[])),
    );
    assert_eq!(
        state_of(&review, &photo, &analysis),
        VerdictState::Unreviewed
    );

    // A verdict of the swap's own wins over its people's.
    let own = judged(VerdictStatus::Unsure, &[]);
    review.set("paris", &swap.key, Some(own.clone()));
    assert_eq!(
        state_of(&review, &photo, &analysis),
        VerdictState::Holds(&own)
    );
}
