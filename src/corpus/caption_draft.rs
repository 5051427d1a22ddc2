//! A caption typed into the window's *Add caption…* form, and the plain-text
//! caption file it becomes: `Key: value` header lines (outlet first), a
//! blank line, the caption, and, when there is article text (or the caption
//! has paragraphs of its own), a `--- article ---` line followed by the
//! article sentences, one per line. The loader reads that file back as the
//! form's fields (`plain_text`), which the tests check.
//!
//! [`CaptionDraft::problems`] says what keeps a draft from being written: no
//! outlet, no caption, a date the loader would not read, a caption line the
//! loader would take for the article marker.

use std::fmt;

use super::parsed::collapse_whitespace;
use super::plain_text::{is_article_marker, is_no_caption_marker};
use super::published::parse_published;
use super::read::says_unknown;

/// The fields of the form, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaptionDraft {
    /// Required.
    pub outlet: String,
    /// The page address.
    pub url: String,
    /// The publication date, in a form the loader reads (or empty).
    pub published: String,
    pub credit: String,
    pub headline: String,
    /// Required; may span several lines.
    pub caption: String,
    /// The article sentences about the photo, one per line.
    pub article: String,
}

/// What keeps a draft from being written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftProblem {
    NoOutlet,
    NoCaption,
    /// `[no caption]` says the page printed none: it needs article text.
    NoCaptionWithoutArticle,
    /// The publication date as typed, which the loader would not read.
    UnreadableDate(String),
    /// A caption line the loader would take for the start of the article.
    ArticleMarkerInCaption,
}

impl fmt::Display for DraftProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DraftProblem::NoOutlet => write!(f, "Give the outlet's name."),
            DraftProblem::NoCaption => write!(f, "Give the caption."),
            DraftProblem::NoCaptionWithoutArticle => write!(
                f,
                "\"[no caption]\" says the page printed none: give the article sentences."
            ),
            DraftProblem::UnreadableDate(date) => write!(
                f,
                "The date \"{date}\" is not one the loader reads: write it as \
                 2024-07-31, 2024-07-31 12:45, 2024-07-31T12:45:00+05:30, \
                 Jul 31, 2024 or 31 July 2024, or leave it empty."
            ),
            DraftProblem::ArticleMarkerInCaption => write!(
                f,
                "A caption line \"--- article ---\" would start the article: remove it, \
                 and put the article sentences in Article."
            ),
        }
    }
}

impl CaptionDraft {
    /// A draft whose caption is `caption` (pasted into the window).
    pub fn with_caption(caption: &str) -> CaptionDraft {
        CaptionDraft {
            caption: caption.trim().to_owned(),
            ..CaptionDraft::default()
        }
    }

    /// Everything that keeps this draft from being written, in the form's order.
    pub fn problems(&self) -> Vec<DraftProblem> {
        let mut problems = Vec::new();
        if one_line(&self.outlet).is_empty() {
            problems.push(DraftProblem::NoOutlet);
        }
        let published = self.published.trim();
        if !published.is_empty() && parse_published(published).is_none() && !says_unknown(published)
        {
            problems.push(DraftProblem::UnreadableDate(published.to_owned()));
        }
        let caption = self.caption.trim();
        if caption.is_empty() {
            problems.push(DraftProblem::NoCaption);
        } else if is_no_caption_marker(caption) && self.article_lines().is_empty() {
            problems.push(DraftProblem::NoCaptionWithoutArticle);
        }
        if caption.lines().any(is_article_marker) {
            problems.push(DraftProblem::ArticleMarkerInCaption);
        }
        problems
    }

    /// The caption file's text, or what keeps the draft from being written.
    pub fn file_text(&self) -> Result<String, Vec<DraftProblem>> {
        let problems = self.problems();
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut text = String::new();
        let header = [
            ("Outlet", &self.outlet),
            ("URL", &self.url),
            ("Published", &self.published),
            ("Credit", &self.credit),
            ("Headline", &self.headline),
        ];
        for (key, value) in header {
            let value = one_line(value);
            if !value.is_empty() {
                text.push_str(&format!("{key}: {value}\n"));
            }
        }
        text.push('\n');
        let caption = self.caption.trim();
        text.push_str(caption);
        text.push('\n');
        let article = self.article_lines();
        // Without the marker, a header file's second paragraph is article.
        let paragraphs = caption.lines().any(|line| line.trim().is_empty());
        if !article.is_empty() || paragraphs {
            text.push_str("\n--- article ---\n");
            for line in article {
                text.push_str(line);
                text.push('\n');
            }
        }
        Ok(text)
    }

    /// The article's non-empty lines, trimmed (as the loader reads them).
    fn article_lines(&self) -> Vec<&str> {
        self.article
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .collect()
    }
}

/// A header value on one line, as the loader reads it back.
fn one_line(value: &str) -> String {
    collapse_whitespace(value)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::super::plain_text::parse_plain_text;
    use super::*;

    fn draft() -> CaptionDraft {
        CaptionDraft {
            outlet: "The Guardian".into(),
            url: "https://www.theguardian.com/sport/article/2024/jul/31/selfie".into(),
            published: "2024-07-31".into(),
            credit: "Photograph: Getty Images".into(),
            headline: "Table tennis: the selfie".into(),
            caption: "Lim Jong-hoon takes a selfie on the podium.".into(),
            article: "First sentence.\n\n  Second: with a colon.  \n".into(),
        }
    }

    #[test]
    fn the_file_text_has_a_header_the_caption_and_the_article() {
        assert_eq!(
            draft().file_text().unwrap(),
            "Outlet: The Guardian\n\
             URL: https://www.theguardian.com/sport/article/2024/jul/31/selfie\n\
             Published: 2024-07-31\n\
             Credit: Photograph: Getty Images\n\
             Headline: Table tennis: the selfie\n\
             \n\
             Lim Jong-hoon takes a selfie on the podium.\n\
             \n\
             --- article ---\n\
             First sentence.\n\
             Second: with a colon.\n"
        );
    }

    #[test]
    fn the_loader_reads_the_form_back() {
        let parsed = parse_plain_text(&draft().file_text().unwrap()).unwrap();
        let fields = parsed.fields;
        assert_eq!(fields.outlet.as_deref(), Some("The Guardian"));
        assert_eq!(
            fields.url.as_deref(),
            Some("https://www.theguardian.com/sport/article/2024/jul/31/selfie")
        );
        assert_eq!(fields.published.as_deref(), Some("2024-07-31"));
        assert_eq!(fields.credit.as_deref(), Some("Photograph: Getty Images"));
        assert_eq!(fields.headline.as_deref(), Some("Table tennis: the selfie"));
        assert_eq!(
            fields.caption,
            "Lim Jong-hoon takes a selfie on the podium."
        );
        assert_eq!(
            fields.article.as_deref(),
            Some("First sentence.\nSecond: with a colon.")
        );
        assert_eq!(parsed.warnings, vec![]);
    }

    #[test]
    fn empty_fields_are_left_out_and_paragraphs_stay_caption() {
        let draft = CaptionDraft {
            outlet: "  Sportstar\n".into(),
            caption: "\nFirst paragraph.\n\nSecond paragraph.\n".into(),
            ..CaptionDraft::default()
        };
        let text = draft.file_text().unwrap();
        assert_eq!(
            text,
            "Outlet: Sportstar\n\nFirst paragraph.\n\nSecond paragraph.\n\n--- article ---\n"
        );
        let fields = parse_plain_text(&text).unwrap().fields;
        assert_eq!(fields.caption, "First paragraph.\n\nSecond paragraph.");
        assert_eq!(fields.article, None);
        assert_eq!(fields.url, None);
    }

    #[test]
    fn a_header_value_is_one_line() {
        let draft = CaptionDraft {
            outlet: "The\nSun".into(),
            credit: "AFP\n\nInjected: value".into(),
            caption: "A caption.".into(),
            ..CaptionDraft::default()
        };
        let fields = parse_plain_text(&draft.file_text().unwrap())
            .unwrap()
            .fields;
        assert_eq!(fields.outlet.as_deref(), Some("The Sun"));
        assert_eq!(fields.credit.as_deref(), Some("AFP Injected: value"));
        assert_eq!(fields.caption, "A caption.");
    }

    #[test]
    fn outlet_and_caption_are_required() {
        let empty = CaptionDraft {
            outlet: "  ".into(),
            caption: "\n\n".into(),
            ..CaptionDraft::default()
        };
        assert_eq!(
            empty.file_text(),
            Err(vec![DraftProblem::NoOutlet, DraftProblem::NoCaption])
        );
    }

    #[test]
    fn dates_are_checked_the_way_the_loader_reads_them() {
        for good in [
            "",
            "2024-07-31",
            "2024-07-31 12:45",
            "2024-07-31T12:45:00+05:30",
            "Jul 31, 2024",
            "31 July 2024",
            "Wed, 31 Jul 2024 12:45:00 +0100",
            "unknown",
        ] {
            let draft = CaptionDraft {
                published: good.into(),
                ..draft()
            };
            assert_eq!(draft.problems(), vec![], "{good}");
        }
        for bad in ["last Tuesday", "2024-13-45", "31/07/2024"] {
            let draft = CaptionDraft {
                published: bad.into(),
                ..draft()
            };
            assert_eq!(
                draft.problems(),
                vec![DraftProblem::UnreadableDate(bad.into())],
                "{bad}"
            );
        }
    }

    #[test]
    fn no_caption_needs_the_article_and_the_marker_stays_out_of_the_caption() {
        let marker_only = CaptionDraft {
            caption: "[no caption]".into(),
            article: String::new(),
            ..draft()
        };
        assert_eq!(
            marker_only.problems(),
            vec![DraftProblem::NoCaptionWithoutArticle]
        );
        let with_article = CaptionDraft {
            caption: "[no caption]".into(),
            ..draft()
        };
        let fields = parse_plain_text(&with_article.file_text().unwrap())
            .unwrap()
            .fields;
        assert_eq!(fields.caption, "");
        assert!(fields.article.is_some());
        let marker = CaptionDraft {
            caption: "One.\n--- article ---\nTwo.".into(),
            ..draft()
        };
        assert_eq!(
            marker.problems(),
            vec![DraftProblem::ArticleMarkerInCaption]
        );
    }

    #[test]
    fn a_pasted_caption_is_trimmed() {
        assert_eq!(
            CaptionDraft::with_caption("\n  The caption. \n").caption,
            "The caption."
        );
    }
}
