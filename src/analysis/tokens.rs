//! Words and punctuation with their byte spans, and the keys that word diffs,
//! the alignment and reuse detection compare them by.
//!
//! A text is cut into [`Token`]s: words (letters and digits, with apostrophes
//! and hyphens inside them: "Korea’s", "Jong-hoon", and digit groups such as
//! "12:45") and single punctuation characters (quotes, dashes, "|", ...),
//! each with its byte span in the text it was cut from (`Text::normalized`).
//!
//! [`keyed_tokens`] turns those into [`KeyedToken`]s under [`DiffOptions`]:
//! punctuation dropped when it is ignored, words lower-cased when case is
//! ignored, and, with `same_person_equal`, every mention of a person replaced
//! by one token whose key is the person, so that "Lim Jonghoon" and
//! "Jong-hoon Lim" compare equal. Typographic quotes and apostrophes always
//! compare equal to their ASCII forms ("Korea’s" = "Korea's"): they are
//! typography, not wording.

use super::fast_hash::FastMap;

use super::diff::DiffOptions;
use super::{PersonId, PhotoAnalysis, Span};
use crate::corpus::Section;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    Word,
    Punctuation,
    /// A whole mention of a person (only from [`keyed_tokens`]).
    Person,
}

/// A word or a punctuation character, by its place in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

/// What a token is compared by.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TokenKey {
    /// The token's text, with quotes folded (and lower-cased when case is ignored).
    Text(String),
    /// Any spelling of this person.
    Person(PersonId),
}

/// A token with the key it is compared by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyedToken {
    pub span: Span,
    pub kind: TokenKind,
    pub key: TokenKey,
}

/// Cuts `text` into words and punctuation characters; whitespace separates
/// tokens and belongs to none.
pub fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while let Some(&(start, c)) = chars.get(i) {
        if c.is_whitespace() {
            i += 1;
        } else if c.is_alphanumeric() {
            let mut j = i + 1;
            while let Some(&(_, d)) = chars.get(j) {
                if d.is_alphanumeric() {
                    j += 1;
                } else if joins_word(
                    chars.get(j - 1).map(|p| p.1),
                    d,
                    chars.get(j + 1).map(|p| p.1),
                ) {
                    j += 2;
                } else {
                    break;
                }
            }
            let end = chars.get(j).map_or(text.len(), |p| p.0);
            tokens.push(Token {
                span: Span::new(start, end),
                kind: TokenKind::Word,
            });
            i = j;
        } else {
            tokens.push(Token {
                span: Span::new(start, start + c.len_utf8()),
                kind: TokenKind::Punctuation,
            });
            i += 1;
        }
    }
    tokens
}

/// Whether `mid` between `before` and `after` stays inside a word: an
/// apostrophe or hyphen between letters ("Korea’s", "Jong-hoon"), or a
/// separator between digits ("12:45", "10,000", "2.5").
fn joins_word(before: Option<char>, mid: char, after: Option<char>) -> bool {
    let (Some(before), Some(after)) = (before, after) else {
        return false;
    };
    if !before.is_alphanumeric() || !after.is_alphanumeric() {
        return false;
    }
    match mid {
        '\'' | '’' | 'ʼ' | '-' | '‐' | '‑' => true,
        '.' | ',' | ':' => before.is_ascii_digit() && after.is_ascii_digit(),
        _ => false,
    }
}

/// The comparison text of a word or punctuation character: typographic quotes,
/// apostrophes and hyphens folded to ASCII, lower-cased when `ignore_case`.
pub fn text_key(token_text: &str, ignore_case: bool) -> String {
    if token_text.is_ascii() {
        return if ignore_case {
            token_text.to_ascii_lowercase()
        } else {
            token_text.to_string()
        };
    }
    let folded: String = token_text
        .chars()
        .map(|c| match c {
            '’' | '‘' | 'ʼ' | '‚' | '‛' => '\'',
            '“' | '”' | '„' | '‟' | '«' | '»' => '"',
            '‐' | '‑' => '-',
            other => other,
        })
        .collect();
    if ignore_case {
        folded.to_lowercase()
    } else {
        folded
    }
}

/// The mentions of people in one section of one variant, as (span, person),
/// from an analysis (empty when the analysis found none).
pub fn section_mentions(
    analysis: &PhotoAnalysis,
    variant: usize,
    section: Section,
) -> Vec<(Span, PersonId)> {
    analysis
        .mentions
        .iter()
        .filter(|m| m.location.variant == variant && m.location.section == section)
        .map(|m| (m.location.span, m.person))
        .collect()
}

/// The tokens of `text` with their comparison keys under `options`.
/// `mentions` are used only with `same_person_equal`; spans that do not fit
/// the text, and mentions overlapping an earlier one, are ignored.
pub fn keyed_tokens(
    text: &str,
    mentions: &[(Span, PersonId)],
    options: DiffOptions,
) -> Vec<KeyedToken> {
    let mentions = if options.same_person_equal {
        usable_mentions(text, mentions)
    } else {
        Vec::new()
    };
    let mut out = Vec::new();
    let mut emitted = vec![false; mentions.len()];
    let mut first = 0;
    for token in tokenize(text) {
        let mut pos = token.span.start;
        let mut k = first;
        while let Some(&(span, person)) = mentions.get(k) {
            if span.start >= token.span.end {
                break;
            }
            if span.end > token.span.start {
                if span.start > pos {
                    push_piece(&mut out, text, Span::new(pos, span.start), options);
                }
                if let Some(done) = emitted.get_mut(k)
                    && !*done
                {
                    *done = true;
                    out.push(KeyedToken {
                        span,
                        kind: TokenKind::Person,
                        key: TokenKey::Person(person),
                    });
                }
                pos = pos.max(span.end);
            }
            k += 1;
        }
        if pos < token.span.end {
            if pos == token.span.start {
                push_token(&mut out, text, token, options);
            } else {
                push_piece(&mut out, text, Span::new(pos, token.span.end), options);
            }
        }
        while mentions
            .get(first)
            .is_some_and(|(span, _)| span.end <= token.span.end)
        {
            first += 1;
        }
    }
    out
}

/// Mentions that fit the text, sorted, without overlaps (the earliest and,
/// at one start, the longest wins).
fn usable_mentions(text: &str, mentions: &[(Span, PersonId)]) -> Vec<(Span, PersonId)> {
    let mut sorted: Vec<(Span, PersonId)> = mentions
        .iter()
        .copied()
        .filter(|(span, _)| {
            !span.is_empty()
                && span.end <= text.len()
                && text.is_char_boundary(span.start)
                && text.is_char_boundary(span.end)
        })
        .collect();
    sorted.sort_by(|a, b| a.0.start.cmp(&b.0.start).then(b.0.end.cmp(&a.0.end)));
    let mut kept: Vec<(Span, PersonId)> = Vec::with_capacity(sorted.len());
    for mention in sorted {
        if kept.last().is_none_or(|last| last.0.end <= mention.0.start) {
            kept.push(mention);
        }
    }
    kept
}

fn push_token(out: &mut Vec<KeyedToken>, text: &str, token: Token, options: DiffOptions) {
    if token.kind == TokenKind::Punctuation && options.ignore_punctuation {
        return;
    }
    out.push(KeyedToken {
        span: token.span,
        kind: token.kind,
        key: TokenKey::Text(text_key(token.span.slice(text), options.ignore_case)),
    });
}

/// The part of a word left over beside a mention ("’s" after "Lim").
fn push_piece(out: &mut Vec<KeyedToken>, text: &str, span: Span, options: DiffOptions) {
    let piece = span.slice(text);
    let kind = if piece.chars().any(char::is_alphanumeric) {
        TokenKind::Word
    } else {
        TokenKind::Punctuation
    };
    push_token(out, text, Token { span, kind }, options);
}

/// Numbers keys so that sequences can be compared as small integers; the
/// same key always gets the same number from one interner.
#[derive(Debug, Default)]
pub struct KeyInterner {
    ids: FastMap<TokenKey, u32>,
}

impl KeyInterner {
    /// The number of `key`, given a new one when first seen.
    pub fn id(&mut self, key: &TokenKey) -> u32 {
        if let Some(&id) = self.ids.get(key) {
            return id;
        }
        let id = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        self.ids.insert(key.clone(), id);
        id
    }

    /// The numbers of every token's key, in order.
    pub fn ids(&mut self, tokens: &[KeyedToken]) -> Vec<u32> {
        tokens.iter().map(|t| self.id(&t.key)).collect()
    }
}

#[cfg(test)]
#[path = "tokens_tests.rs"]
mod tests;
