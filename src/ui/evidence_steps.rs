//! Stepping through the evidence as diff tools do: F8 / Shift+F8 to the
//! next or previous finding in the findings table's order, F7 / Shift+F7 to
//! the next or previous difference of the word diff; each step scrolls the
//! compare view to what it reached and flashes it.

use std::time::Duration;

use crate::analysis::Span;
use crate::analysis::diff::{DiffTag, WordDiff};
use crate::corpus::Section;

use super::app::App;
use super::highlight::Side;

/// How long a span reached by a click or a step is flashed.
pub const FLASH: Duration = Duration::from_millis(1200);

/// One difference of the word diff: a run of words only on the left, only
/// on the right, or replaced (both).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Difference {
    pub left: Option<Span>,
    pub right: Option<Span>,
}

/// The differences of a diff in reading order: consecutive deleted and
/// inserted pieces are one difference.
pub fn differences(diff: &WordDiff) -> Vec<Difference> {
    let mut out: Vec<Difference> = Vec::new();
    let mut open = false;
    let join = |a: Option<Span>, b: Option<Span>| match (a, b) {
        (Some(a), Some(b)) => Some(Span::new(a.start.min(b.start), a.end.max(b.end))),
        (a, b) => a.or(b),
    };
    for piece in &diff.pieces {
        let (left, right) = match piece.tag {
            DiffTag::Equal => {
                open = false;
                continue;
            }
            DiffTag::Delete => (piece.old, None),
            DiffTag::Insert => (None, piece.new),
        };
        match out.last_mut() {
            Some(last) if open => {
                last.left = join(last.left, left);
                last.right = join(last.right, right);
            }
            _ => out.push(Difference { left, right }),
        }
        open = true;
    }
    out
}

/// The index `delta` steps from `current` among `len` items, going round at
/// either end; from none, the first (forward) or the last (back).
pub fn step(current: Option<usize>, len: usize, delta: isize) -> Option<usize> {
    if len == 0 {
        return None;
    }
    let next = match current {
        Some(i) => (i as isize + delta).rem_euclid(len as isize) as usize,
        None if delta >= 0 => 0,
        None => len - 1,
    };
    Some(next)
}

/// A span flashed on one side of the compare view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flashed {
    pub variant: usize,
    pub section: Section,
    pub span: Span,
}

/// What the compare view flashes, and since when (egui's clock, seconds).
#[derive(Debug, Clone, PartialEq)]
pub struct Flash {
    pub spans: Vec<Flashed>,
    pub since: f64,
}

impl Flash {
    /// How strong the flash is at `now`, from 1 down to 0 when it is over.
    pub fn strength(&self, now: f64) -> f32 {
        let elapsed = (now - self.since).max(0.0);
        (1.0 - elapsed / FLASH.as_secs_f64()).clamp(0.0, 1.0) as f32
    }
}

/// Which side of a difference a variant shows.
pub fn side_span(difference: &Difference, side: Side) -> Option<Span> {
    match side {
        Side::Left => difference.left,
        Side::Right => difference.right,
    }
}

impl App {
    /// Selects the finding `delta` rows from the selected one in the
    /// findings table's order (its sort), going round at either end.
    pub(super) fn step_finding(&mut self, delta: isize) {
        let Some(session) = &self.session else {
            return;
        };
        let rows = self.conflicts.rows(session);
        let current = session
            .selection
            .finding
            .and_then(|f| rows.iter().position(|r| r.finding == f));
        if let Some(row) = step(current, rows.len(), delta).and_then(|i| rows.get(i)) {
            self.select_finding(row.finding);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::diff::DiffPiece;

    fn piece(tag: DiffTag, old: Option<(usize, usize)>, new: Option<(usize, usize)>) -> DiffPiece {
        DiffPiece {
            tag,
            old: old.map(|(a, b)| Span::new(a, b)),
            new: new.map(|(a, b)| Span::new(a, b)),
        }
    }

    #[test]
    fn a_deletion_next_to_an_insertion_is_one_difference() {
        let diff = WordDiff {
            pieces: vec![
                piece(DiffTag::Equal, Some((0, 4)), Some((0, 4))),
                piece(DiffTag::Delete, Some((4, 10)), None),
                piece(DiffTag::Insert, None, Some((4, 10))),
                piece(DiffTag::Equal, Some((10, 14)), Some((10, 14))),
                piece(DiffTag::Insert, None, Some((14, 20))),
            ],
        };
        assert_eq!(
            differences(&diff),
            vec![
                Difference {
                    left: Some(Span::new(4, 10)),
                    right: Some(Span::new(4, 10)),
                },
                Difference {
                    left: None,
                    right: Some(Span::new(14, 20)),
                },
            ]
        );
    }

    #[test]
    fn steps_go_round_at_either_end() {
        assert_eq!(step(None, 3, 1), Some(0));
        assert_eq!(step(None, 3, -1), Some(2));
        assert_eq!(step(Some(2), 3, 1), Some(0));
        assert_eq!(step(Some(0), 3, -1), Some(2));
        assert_eq!(step(Some(1), 3, 1), Some(2));
        assert_eq!(step(Some(0), 0, 1), None);
    }

    #[test]
    fn a_flash_fades_out() {
        let flash = Flash {
            spans: Vec::new(),
            since: 10.0,
        };
        assert_eq!(flash.strength(10.0), 1.0);
        assert!((flash.strength(10.6) - 0.5).abs() < 1e-3);
        assert_eq!(flash.strength(12.0), 0.0);
    }
}
