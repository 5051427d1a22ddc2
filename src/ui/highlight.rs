//! Cutting one variant's text into styled segments for the compare view:
//! word-diff marks, claim spans (underlined), and the spans of every finding,
//! a conflict's claims among them, each as strongly as the finding judges it
//! (the odd words loudly, the words the majority or the reference writes
//! calmly, both sides of an undecided finding as undecided). Pure functions
//! over the analysis result,
//! computed once per selection and options, never per frame.

use crate::analysis::diff::{DiffTag, WordDiff};
use crate::analysis::{ClaimOrigin, PhotoAnalysis, Span};
use crate::corpus::Section;

pub use super::palette::Strength;

/// How the word diff marks a piece of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiffMark {
    /// Not part of the diff (no diff, or a span the diff did not cover).
    Unmarked,
    /// The same in both variants.
    Same,
    /// Only in the left (old) variant.
    Removed,
    /// Only in the right (new) variant.
    Added,
}

/// A run of text with one style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub span: Span,
    pub diff: DiffMark,
    /// Part of a claim's span.
    pub claim: bool,
    /// Part of a conflicting claim's span: index into `PhotoAnalysis::conflicts`.
    pub conflict: Option<usize>,
    /// Part of a finding's mark (the strongest, where marks overlap).
    pub finding: Option<FindingMark>,
}

/// A span a finding marks (a conflict's claims among them), and how
/// strongly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FindingMark {
    /// Index into `PhotoAnalysis::findings`.
    pub finding: usize,
    /// [`Strength::Odd`] on the side the finding calls wrong,
    /// [`Strength::Agrees`] on the sides holding the majority or the
    /// reference, [`Strength::Undecided`] on every side of a finding that
    /// could not say which is wrong.
    pub strength: Strength,
}

/// Which side of the diff a text is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Left,
    Right,
}

/// The diff's marks for one side.
pub fn diff_marks(diff: &WordDiff, side: Side) -> Vec<(Span, DiffMark)> {
    diff.pieces
        .iter()
        .filter_map(|piece| match (side, piece.tag) {
            (Side::Left, DiffTag::Equal) => piece.old.map(|s| (s, DiffMark::Same)),
            (Side::Left, DiffTag::Delete) => piece.old.map(|s| (s, DiffMark::Removed)),
            (Side::Right, DiffTag::Equal) => piece.new.map(|s| (s, DiffMark::Same)),
            (Side::Right, DiffTag::Insert) => piece.new.map(|s| (s, DiffMark::Added)),
            _ => None,
        })
        .collect()
}

/// Spans of every claim a variant's section states.
pub fn claim_spans(analysis: &PhotoAnalysis, variant: usize, section: Section) -> Vec<Span> {
    analysis
        .claims
        .iter()
        .filter_map(|claim| match claim.origin {
            ClaimOrigin::Variant(loc) if loc.variant == variant && loc.section == section => {
                Some(loc.span)
            }
            _ => None,
        })
        .collect()
}

/// Spans of a variant's section that take part in a conflict that is a
/// finding, with the conflict's index. Credits that differ only between
/// outlets are provenance, not an error, and are not marked
/// (`analysis::conflict_is_finding`).
pub fn conflict_spans(
    analysis: &PhotoAnalysis,
    variant: usize,
    section: Section,
) -> Vec<(Span, usize)> {
    let mut spans = Vec::new();
    for (index, conflict) in analysis.conflicts.iter().enumerate() {
        if !crate::analysis::conflict_is_finding(conflict) {
            continue;
        }
        for value in &conflict.values {
            for claim in value.claims.iter().filter_map(|&c| analysis.claims.get(c)) {
                if let ClaimOrigin::Variant(loc) = claim.origin
                    && loc.variant == variant
                    && loc.section == section
                    && !spans.contains(&(loc.span, index))
                {
                    spans.push((loc.span, index));
                }
            }
        }
    }
    spans
}

/// Spans of a variant's section marked by a finding, conflicts included.
pub fn finding_spans(
    analysis: &PhotoAnalysis,
    variant: usize,
    section: Section,
) -> Vec<(Span, FindingMark)> {
    let mut spans = Vec::new();
    for (index, finding) in analysis.findings.iter().enumerate() {
        let undecided = finding.undecided();
        for mark in &finding.marks {
            if let Some(loc) = mark.location
                && loc.variant == variant
                && loc.section == section
            {
                let strength = match (undecided, mark.odd) {
                    (true, _) => Strength::Undecided,
                    (false, true) => Strength::Odd,
                    (false, false) => Strength::Agrees,
                };
                spans.push((
                    loc.span,
                    FindingMark {
                        finding: index,
                        strength,
                    },
                ));
            }
        }
    }
    spans
}

/// Cuts `text` at every boundary of the given spans. Spans that do not fit
/// the text, or that cut inside a character, are clamped or ignored.
pub fn segments(
    text: &str,
    diff: &[(Span, DiffMark)],
    claims: &[Span],
    conflicts: &[(Span, usize)],
    findings: &[(Span, FindingMark)],
) -> Vec<Segment> {
    let fits = |s: &Span| {
        s.start < s.end && text.is_char_boundary(s.start) && text.is_char_boundary(s.end)
    };
    let mut cuts = vec![0, text.len()];
    let all = diff
        .iter()
        .map(|(s, _)| s)
        .chain(claims)
        .chain(conflicts.iter().map(|(s, _)| s))
        .chain(findings.iter().map(|(s, _)| s));
    for span in all.filter(|s| fits(s)) {
        cuts.push(span.start);
        cuts.push(span.end);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut cut: Vec<Segment> = cuts
        .windows(2)
        .filter_map(|pair| match pair {
            [start, end] if start < end => Some(Span::new(*start, *end)),
            _ => None,
        })
        .map(|span| Segment {
            span,
            diff: diff
                .iter()
                .find(|(s, _)| fits(s) && s.overlaps(span))
                .map_or(DiffMark::Unmarked, |(_, mark)| *mark),
            claim: claims.iter().any(|s| fits(s) && s.overlaps(span)),
            conflict: conflicts
                .iter()
                .find(|(s, _)| fits(s) && s.overlaps(span))
                .map(|(_, c)| *c),
            finding: findings
                .iter()
                .filter(|(s, _)| fits(s) && s.overlaps(span))
                .map(|(_, mark)| *mark)
                .max_by_key(|mark| mark.strength),
        })
        .collect();
    fill_gaps(text, &mut cut);
    cut
}

/// Gives the spaces between two words with the same diff mark that mark, so
/// a run of removed or added words reads as one highlight.
fn fill_gaps(text: &str, cut: &mut [Segment]) {
    for i in 1..cut.len().saturating_sub(1) {
        let (before, after) = match (cut.get(i - 1), cut.get(i + 1)) {
            (Some(b), Some(a)) => (b.diff, a.diff),
            _ => continue,
        };
        if let Some(gap) = cut.get_mut(i)
            && gap.diff == DiffMark::Unmarked
            && before == after
            && gap.span.slice(text).trim().is_empty()
        {
            gap.diff = before;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::diff::DiffPiece;

    #[test]
    fn text_is_cut_at_every_mark() {
        let text = "Lim, silver medallist, smiles";
        let diff = [
            (Span::new(0, 5), DiffMark::Same),
            (Span::new(5, 21), DiffMark::Removed),
            (Span::new(21, 29), DiffMark::Same),
        ];
        let claims = [Span::new(0, 3), Span::new(5, 21)];
        let conflicts = [(Span::new(5, 21), 0)];
        let segs = segments(text, &diff, &claims, &conflicts, &[]);
        let pieces: Vec<(&str, DiffMark, bool, Option<usize>)> = segs
            .iter()
            .map(|s| (s.span.slice(text), s.diff, s.claim, s.conflict))
            .collect();
        assert_eq!(
            pieces,
            vec![
                ("Lim", DiffMark::Same, true, None),
                (", ", DiffMark::Same, false, None),
                ("silver medallist", DiffMark::Removed, true, Some(0)),
                (", smiles", DiffMark::Same, false, None),
            ]
        );
    }

    #[test]
    fn the_strongest_finding_mark_wins() {
        let text = "Usain Bold grins";
        let mark = |finding, strength| FindingMark { finding, strength };
        let calm = mark(0, Strength::Agrees);
        let loud = mark(1, Strength::Odd);
        let undecided = mark(2, Strength::Undecided);
        let findings = [
            (Span::new(6, 10), calm),
            (Span::new(6, 10), loud),
            (Span::new(6, 10), undecided),
        ];
        let marks: Vec<(&str, Option<FindingMark>)> = segments(text, &[], &[], &[], &findings)
            .iter()
            .map(|s| (s.span.slice(text), s.finding))
            .collect();
        assert_eq!(
            marks,
            vec![("Usain ", None), ("Bold", Some(loud)), (" grins", None)]
        );
    }

    #[test]
    fn spaces_between_words_with_the_same_mark_take_it() {
        let text = "silver medallist and";
        let diff = [
            (Span::new(0, 6), DiffMark::Removed),
            (Span::new(7, 16), DiffMark::Removed),
            (Span::new(17, 20), DiffMark::Same),
        ];
        let marks: Vec<(&str, DiffMark)> = segments(text, &diff, &[], &[], &[])
            .iter()
            .map(|s| (s.span.slice(text), s.diff))
            .collect();
        assert_eq!(
            marks,
            vec![
                ("silver", DiffMark::Removed),
                (" ", DiffMark::Removed),
                ("medallist", DiffMark::Removed),
                (" ", DiffMark::Unmarked),
                ("and", DiffMark::Same),
            ]
        );
    }

    #[test]
    fn spans_outside_the_text_or_inside_a_character_are_ignored() {
        let text = "Kum Yong’s";
        // 9 is inside the three-byte apostrophe, 99 is past the end.
        let claims = [Span::new(4, 9), Span::new(0, 99)];
        let segs = segments(text, &[], &claims, &[], &[]);
        assert_eq!(segs.len(), 1);
        assert_eq!(segs.first().map(|s| s.span), Some(Span::new(0, text.len())));
        assert_eq!(segs.first().map(|s| s.claim), Some(false));
    }

    #[test]
    fn each_side_takes_its_own_diff_pieces() {
        let diff = WordDiff {
            pieces: vec![
                DiffPiece {
                    tag: DiffTag::Equal,
                    old: Some(Span::new(0, 3)),
                    new: Some(Span::new(0, 3)),
                },
                DiffPiece {
                    tag: DiffTag::Delete,
                    old: Some(Span::new(3, 9)),
                    new: None,
                },
                DiffPiece {
                    tag: DiffTag::Insert,
                    old: None,
                    new: Some(Span::new(3, 9)),
                },
            ],
        };
        assert_eq!(
            diff_marks(&diff, Side::Left),
            vec![
                (Span::new(0, 3), DiffMark::Same),
                (Span::new(3, 9), DiffMark::Removed)
            ]
        );
        assert_eq!(
            diff_marks(&diff, Side::Right),
            vec![
                (Span::new(0, 3), DiffMark::Same),
                (Span::new(3, 9), DiffMark::Added)
            ]
        );
    }
}
