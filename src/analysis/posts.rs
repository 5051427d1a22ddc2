//! Embedded social-media posts reworded: two pages that carry the same post
//! (the same `pic.twitter.com/…` or `…/status/…` link) print its text with
//! words changed ("hurriedly escorted off the stage following" where the
//! photographer's post, as embedded elsewhere, says "rushed off stage
//! after").
//!
//! A post is the text of the line that ends at a post link (`LINK_MARKS`);
//! the line's words before the link are its text. A post embedded as the
//! platform embeds it is *signed*: after the link, on its line, the author
//! and handle, "— Evan Vucci (@evanvucci) July 14, 2024". Two texts of one
//! link are the same post when their longest common run of words in order
//! holds at least [`MIN_SHARE`] of the shorter; they are altered when, over
//! that stretch, their words differ. Where one text is signed and the other
//! is not, the unsigned one is the odd one out; otherwise neither is.

use std::collections::BTreeSet;

use super::findings::{Fact, Finding, FindingKind, Mark, variant_label};
use super::quotes::{common, contains_run};
use super::scan::scan;
use super::{ConflictSeverity, Location, Span};
use crate::corpus::{Photo, Section};

/// Share of the shorter text the two must have in common.
pub const MIN_SHARE: f64 = 0.5;
/// Words a post's text must have.
pub const MIN_WORDS: usize = 6;
/// Changed words this close together are one mark.
const JOIN_GAP: usize = 2;

/// Where a post link starts; what follows, up to a space, identifies it.
const LINK_MARKS: [&str; 5] = [
    "pic.twitter.com/",
    "twitter.com/",
    "x.com/",
    "instagram.com/p/",
    "t.co/",
];

/// One post's text on one page.
struct Post {
    variant: usize,
    section: Section,
    /// The link, lower-cased for comparison.
    link: String,
    /// The link as printed.
    shown: String,
    signed: bool,
    keys: Vec<String>,
    spans: Vec<Span>,
    text: String,
}

/// The link at byte `at` of `line`, without scheme or query.
fn link_at(line: &str, at: usize) -> Option<(&str, usize)> {
    let rest = line.get(at..)?;
    let mark = LINK_MARKS.iter().find(|m| rest.starts_with(**m))?;
    let end = rest
        .find(|c: char| c.is_whitespace() || matches!(c, '?' | '"' | '”' | ')' | '<'))
        .unwrap_or(rest.len());
    let link = rest.get(..end)?.trim_end_matches(['.', ',', '/']);
    // A profile ("twitter.com/evanvucci") is no post; a status is.
    let post = match *mark {
        "twitter.com/" | "x.com/" => link.contains("/status/"),
        _ => link.len() > mark.len() + 3,
    };
    post.then_some((link, at + end))
}

fn posts(variant: usize, section: Section, text: &str) -> Vec<Post> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let found = line.char_indices().find_map(|(i, _)| {
            let at_word = i == 0 || line[..i].ends_with([' ', '/', '(']);
            at_word.then(|| link_at(line, i)).flatten().map(|l| (i, l))
        });
        if let Some((at, (link, end))) = found {
            // "https://" before the link belongs to it.
            let body_end = line[..at]
                .trim_end_matches("https://")
                .trim_end_matches("http://")
                .len();
            let body = &line[..body_end];
            let words = scan(body).words;
            if words.len() >= MIN_WORDS {
                out.push(Post {
                    variant,
                    section,
                    link: link.to_lowercase(),
                    shown: link.to_string(),
                    signed: line[end..].contains("(@"),
                    keys: words.iter().map(|w| w.key.clone()).collect(),
                    spans: words
                        .iter()
                        .map(|w| Span::new(line_start + w.span.start, line_start + w.span.end))
                        .collect(),
                    text: body.trim().to_string(),
                });
            }
        }
        line_start += line.len();
    }
    out
}

/// The reworded-post findings of a photo.
pub(crate) fn find(photo: &Photo) -> Vec<Finding> {
    let mut all = Vec::new();
    for (v, variant) in photo.variants.iter().enumerate() {
        for section in Section::ALL {
            if let Some(text) = variant.section(section)
                && (text.as_str().contains(".com/") || text.as_str().contains("t.co/"))
            {
                all.extend(posts(v, section, text.as_str()));
            }
        }
    }
    let mut out = Vec::new();
    let mut done = BTreeSet::new();
    for (n, p) in all.iter().enumerate() {
        for q in all.iter().skip(n + 1) {
            if q.variant == p.variant || q.link != p.link || !done.insert((p.variant, q.variant)) {
                continue;
            }
            if let Some(f) = compare(photo, p, q) {
                out.push(f);
            }
        }
    }
    out
}

fn compare(photo: &Photo, p: &Post, q: &Post) -> Option<Finding> {
    let matched = common(&p.keys, &q.keys);
    let shorter = p.keys.len().min(q.keys.len());
    if (matched.len() as f64) < MIN_SHARE * shorter as f64 {
        return None;
    }
    let (&(p0, q0), &(p1, q1)) = (matched.first()?, matched.last()?);
    let (mine, theirs) = (&p.keys[p0..=p1], &q.keys[q0..=q1]);
    if mine == theirs || contains_run(&p.keys, theirs) || contains_run(&q.keys, mine) {
        return None;
    }
    // The odd one: the unsigned text beside a signed one.
    let (odd, other, matched): (&Post, &Post, Vec<usize>) = match (p.signed, q.signed) {
        (false, true) => (p, q, matched.iter().map(|m| m.0).collect()),
        (true, false) => (q, p, matched.iter().map(|m| m.1).collect()),
        _ => (p, q, matched.iter().map(|m| m.0).collect()),
    };
    let decided = odd.signed != other.signed;
    let kept: BTreeSet<usize> = matched.into_iter().collect();
    let (first, last) = (*kept.first()?, *kept.last()?);
    let changed: Vec<usize> = (first..=last).filter(|i| !kept.contains(i)).collect();
    let mut marks = Vec::new();
    for run in runs(&changed) {
        let span = Span::new(odd.spans[run.0].start, odd.spans[run.1].end);
        marks.push(Mark {
            variant: odd.variant,
            location: Some(Location {
                variant: odd.variant,
                section: odd.section,
                span,
            }),
            quote: span
                .slice(photo.variants[odd.variant].section(odd.section)?.as_str())
                .to_string(),
            odd: decided,
        });
    }
    if marks.is_empty() {
        return None;
    }
    let whole = |x: &Post| {
        Span::new(
            x.spans.first().map_or(0, |s| s.start),
            x.spans.last().map_or(0, |s| s.end),
        )
    };
    marks.push(Mark {
        variant: other.variant,
        location: Some(Location {
            variant: other.variant,
            section: other.section,
            span: whole(other),
        }),
        quote: other.text.clone(),
        odd: false,
    });
    let (a, b) = (
        variant_label(photo, odd.variant),
        variant_label(photo, other.variant),
    );
    let words: Vec<&str> = marks
        .iter()
        .filter(|m| m.variant == odd.variant)
        .map(|m| m.quote.as_str())
        .collect();
    let summary = if decided {
        format!(
            "{a} prints the post {} with words changed (\"{}\"); {b} embeds it, signed, as \"{}\"",
            odd.shown,
            words.join("\", \""),
            other.text
        )
    } else {
        format!(
            "{a} and {b} print the post {} in different words: \"{}\" and \"{}\"",
            odd.shown, odd.text, other.text
        )
    };
    Some(Finding {
        details: Vec::new(),
        kind: FindingKind::Quote,
        fact: Fact::Quote,
        severity: ConflictSeverity::Medium,
        key: format!("post/{}/{}/{}", odd.link, odd.variant, other.variant),
        summary,
        marks,
        conflict: None,
    })
}

/// Runs of indices, joined across gaps of at most [`JOIN_GAP`].
fn runs(changed: &[usize]) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for &i in changed {
        match out.last_mut() {
            Some(last) if i <= last.1 + JOIN_GAP + 1 => last.1 = i,
            _ => out.push((i, i)),
        }
    }
    out
}

#[cfg(test)]
#[path = "posts_tests.rs"]
mod tests;
