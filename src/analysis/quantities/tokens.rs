//! A section cut into numbers and words, for the count and measurement
//! finders: hyphens split words ("eight-storey"), and a separator before
//! exactly three digits groups thousands in the variant's language's way.

use super::{fold, tables};
use crate::analysis::Span;
use crate::analysis::scan::word_key_into;

/// Words after a number that the finders read (a multiplier, "of", a unit
/// of up to three words, modifiers, the counted noun); words further away
/// keep an empty `word`.
const WORDS_AFTER_NUMBER: usize = 8;

/// One number or word of a section.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Token {
    pub span: Span,
    /// The folded word: empty for a number written in digits, and for a
    /// word further than [`WORDS_AFTER_NUMBER`] from any number.
    pub word: String,
    pub number: Option<f64>,
    /// Something other than spaces or a hyphen lies before it.
    pub after_break: bool,
}

/// Cuts a text into tokens; `thousands_dot` says "." groups thousands.
pub(super) fn tokens(text: &str, thousands_dot: bool) -> Vec<Token> {
    let mut out = Vec::new();
    let mut key = String::new();
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
            word_key_into(raw, &mut key);
            let number = tables().data.numbers.get(key.as_str()).copied();
            out.push(Token {
                span: Span::new(start, end),
                word: String::new(),
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
    // Only the words around a number are ever compared: fold those alone.
    let mut near = vec![false; out.len()];
    for (i, t) in out.iter().enumerate() {
        if t.number.is_some() {
            let from = i.saturating_sub(1);
            let to = (i + 1 + WORDS_AFTER_NUMBER).min(out.len());
            for n in near.iter_mut().take(to).skip(from) {
                *n = true;
            }
        }
    }
    for (t, near) in out.iter_mut().zip(near) {
        if near && (t.number.is_none() || t.span.slice(text).starts_with(char::is_alphabetic)) {
            t.word = fold(t.span.slice(text));
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
