//! The order of the photo list: the folder's, or the most severe first; and
//! whether it shows only the photos with findings left to review (no
//! verdict yet, or one whose values changed since). No egui here.

use serde::{Deserialize, Serialize};

use crate::analysis::PhotoAnalysis;
use crate::corpus::Photo;
use crate::review::Review;
use crate::review_staleness::VerdictState;

/// How the photo list is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum PhotoSort {
    /// As the folder lists them (by path).
    #[default]
    Folder,
    /// The photo with the most severe finding first, then the one with the
    /// most findings; ties in folder order.
    Severity,
}

impl PhotoSort {
    pub const ALL: [PhotoSort; 2] = [PhotoSort::Folder, PhotoSort::Severity];

    pub fn name(self) -> &'static str {
        match self {
            PhotoSort::Folder => "Folder order",
            PhotoSort::Severity => "Most severe first",
        }
    }
}

/// What the photo list shows, remembered with the settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct PhotoListView {
    pub sort: PhotoSort,
    /// Only photos with at least one finding left to review.
    pub to_review_only: bool,
}

/// How many of a photo's findings are left to review: no verdict, or one
/// given before the folder showed values it did not judge.
pub fn left_to_review(review: &Review, photo: &Photo, analysis: &PhotoAnalysis) -> usize {
    analysis
        .findings
        .iter()
        .filter(|f| {
            let state = VerdictState::of_finding(review, photo, analysis, f);
            matches!(state, VerdictState::Unreviewed) || state.needs_review()
        })
        .count()
}

/// The photos' indices in the order the list shows them.
pub fn photo_order(
    photos: &[Photo],
    analyses: &[PhotoAnalysis],
    review: &Review,
    view: PhotoListView,
) -> Vec<usize> {
    let mut order: Vec<usize> = (0..photos.len()).collect();
    if view.to_review_only {
        order.retain(|&i| match (photos.get(i), analyses.get(i)) {
            (Some(photo), Some(analysis)) => left_to_review(review, photo, analysis) > 0,
            _ => false,
        });
    }
    if view.sort == PhotoSort::Severity {
        // Stable: ties keep the folder's order.
        order.sort_by_key(|&i| {
            let findings = analyses.get(i).map_or(&[][..], |a| a.findings.as_slice());
            let worst = findings.iter().map(|f| f.severity).max();
            (std::cmp::Reverse(worst), std::cmp::Reverse(findings.len()))
        });
    }
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::test_photos::photo;
    use crate::analysis::{Vocabulary, analyze_photo};
    use crate::review::{Verdict, VerdictStatus};

    fn folder() -> (Vec<Photo>, Vec<PhotoAnalysis>) {
        let mut photos = vec![
            photo(&[("A", "A quiet street."), ("B", "A quiet street.")]),
            // A misspelt name.
            photo(&[
                (
                    "A",
                    "Jamaica's Usain Bolt grins at the others in the semi-final.",
                ),
                (
                    "B",
                    "Jamaica's Usain Bolt grins as he wins the heat in the stadium.",
                ),
                (
                    "C",
                    "Jamaica's Usain Bold grins at the camera in the semi-final.",
                ),
            ]),
            photo(&[
                (
                    "A",
                    "South Korea's Lim Jong-hoon, bronze medallist, smiles.",
                ),
                (
                    "B",
                    "South Korea's Lim Jong-hoon, bronze medallist, smiles.",
                ),
                (
                    "C",
                    "South Korea's Lim Jong-hoon, silver medallist, smiles.",
                ),
            ]),
        ];
        for (i, p) in photos.iter_mut().enumerate() {
            p.id = format!("photo-{i}");
        }
        let analyses = photos
            .iter()
            .map(|p| analyze_photo(p, &Vocabulary::builtin()))
            .collect();
        (photos, analyses)
    }

    #[test]
    fn the_most_severe_photo_comes_first_and_ties_keep_the_folder_order() {
        let (photos, analyses) = folder();
        let worst = |i: usize| analyses[i].findings.iter().map(|f| f.severity).max();
        assert!(worst(2) > worst(1), "{:?} {:?}", worst(2), worst(1));
        assert!(worst(1).is_some());
        assert_eq!(worst(0), None);
        let review = Review::default();
        let view = |sort, to_review_only| PhotoListView {
            sort,
            to_review_only,
        };
        assert_eq!(
            photo_order(&photos, &analyses, &review, view(PhotoSort::Folder, false)),
            vec![0, 1, 2]
        );
        assert_eq!(
            photo_order(
                &photos,
                &analyses,
                &review,
                view(PhotoSort::Severity, false)
            ),
            vec![2, 1, 0]
        );
        assert_eq!(
            photo_order(&photos, &analyses, &review, view(PhotoSort::Folder, true)),
            vec![1, 2]
        );
    }

    #[test]
    fn a_photo_whose_findings_all_hold_a_verdict_is_not_left_to_review() {
        let (photos, analyses) = folder();
        let mut review = Review::default();
        for f in &analyses[1].findings {
            let verdict = Verdict {
                status: VerdictStatus::ConfirmedError,
                note: String::new(),
                at: None,
                values: None,
            };
            review.set(&photos[1].id, &f.key, Some(verdict));
        }
        assert_eq!(left_to_review(&review, &photos[1], &analyses[1]), 0);
        let only = PhotoListView {
            sort: PhotoSort::Severity,
            to_review_only: true,
        };
        assert_eq!(photo_order(&photos, &analyses, &review, only), vec![2]);
    }
}
