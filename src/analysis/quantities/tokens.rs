//! A section cut into numbers and words, for the count and measurement
//! finders: hyphens split words ("eight-storey"), and a separator before
//! exactly three digits groups thousands in the variant's language's way.

use super::{fold, tables};
use crate::analysis::Span;

/// One number or word of a section.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Token {
    pub span: Span,
    /// The folded word, empty for a number written in digits.
    pub word: String,
    pub number: Option<f64>,
    /// Something other than spaces or a hyphen lies before it.
    pub after_break: bool,
}

/// Cuts a text into tokens; `thousands_dot` says "." groups thousands.
pub(super) fn tokens(text: &str, thousands_dot: bool) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    let mut pending_break = true;
    while let Some(&(start, c)) = chars.peek() {
        if c.is_ascii_digit() {
            let mut end = start;
            while let Some(&(i, d)) = chars.peek() {
                let next_digit = text.get(i + d.len_utf8()..).and_then(|r| r.chars().next());
                if d.is_ascii_digit()
                    || (matches!(d, '.' | ',') && next_digit.is_some_and(|n| n.is_ascii_digit()))
                {
                    end = i + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            let raw = text.get(start..end).unwrap_or("");
            out.push(Token {
                span: Span::new(start, end),
                word: String::new(),
                number: parse_number(raw, thousands_dot),
                after_break: pending_break,
            });
            pending_break = false;
        } else if c.is_alphabetic() {
            let mut end = start;
            while let Some(&(i, d)) = chars.peek() {
                if d.is_alphabetic() || d.is_ascii_digit() {
                    end = i + d.len_utf8();
                    chars.next();
                } else {
                    break;
                }
            }
            let raw = text.get(start..end).unwrap_or("");
            let word = fold(raw);
            let number = tables().data.numbers.get(&word).copied();
            out.push(Token {
                span: Span::new(start, end),
                word,
                number,
                after_break: pending_break,
            });
            pending_break = false;
        } else {
            if !(c.is_whitespace() || matches!(c, '-' | '‐' | '‑')) {
                pending_break = true;
            }
            chars.next();
        }
    }
    out
}

/// "9.86", "6,5", "1,000", "6.500" (thousands when `thousands_dot`).
pub(super) fn parse_number(raw: &str, thousands_dot: bool) -> Option<f64> {
    let (group, decimal) = if thousands_dot {
        ('.', ',')
    } else {
        (',', '.')
    };
    let mut plain = String::with_capacity(raw.len());
    let parts: Vec<&str> = raw.split([group, decimal]).collect();
    let mut offset = 0;
    for (n, part) in parts.iter().enumerate() {
        let separator = raw
            .get(offset + part.len()..)
            .and_then(|r| r.chars().next());
        plain.push_str(part);
        offset += part.len() + 1;
        match separator {
            Some(s) if s == group && parts.get(n + 1).is_some_and(|p| p.len() == 3) => {}
            Some(_) => plain.push('.'),
            None => {}
        }
    }
    plain.parse().ok()
}
