//! The alignment table as people read it: consecutive aligned tokens with the
//! same shape (the same captions present, agreeing or not) merge into one
//! phrase row, so the table reads phrase by phrase instead of word by word.
//! The JSON keeps the token columns; the HTML and Markdown views show these rows.

use super::AlignmentTable;

/// How the captions relate at one phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhraseKind {
    /// Every caption has the same words here.
    Shared,
    /// The captions that have words here agree; some have none.
    Partial,
    /// The captions have different words here.
    Differs,
}

/// One row: the phrase of each caption (in table order), `None` where a caption has nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhraseRow {
    pub kind: PhraseKind,
    pub cells: Vec<Option<String>>,
}

/// Merges the table's token columns into phrase rows.
pub fn phrase_rows(table: &AlignmentTable) -> Vec<PhraseRow> {
    let mut rows: Vec<PhraseRow> = Vec::new();
    for column in &table.columns {
        let all_present = column.cells.iter().all(Option::is_some);
        let kind = match (column.agreed, all_present) {
            (true, true) => PhraseKind::Shared,
            (true, false) => PhraseKind::Partial,
            (false, _) => PhraseKind::Differs,
        };
        // Differing words merge into one row whatever their shape; agreeing
        // ones only with the same captions present.
        let mergeable = rows.last().is_some_and(|last| {
            last.kind == kind
                && last.cells.len() == column.cells.len()
                && (kind == PhraseKind::Differs
                    || last
                        .cells
                        .iter()
                        .zip(&column.cells)
                        .all(|(a, b)| a.is_some() == b.is_some()))
        });
        match rows.last_mut() {
            Some(last) if mergeable => {
                for (phrase, token) in last.cells.iter_mut().zip(&column.cells) {
                    match (phrase, token) {
                        (Some(phrase), Some(token)) => join_token(phrase, token),
                        (phrase @ None, Some(token)) => *phrase = Some(token.clone()),
                        (_, None) => {}
                    }
                }
            }
            _ => rows.push(PhraseRow {
                kind,
                cells: column.cells.clone(),
            }),
        }
    }
    rows
}

/// Appends a token the way text is written: no space before closing
/// punctuation or after an opening quote or bracket.
fn join_token(phrase: &mut String, token: &str) {
    let closes = token.chars().count() == 1
        && token.starts_with([',', '.', ':', ';', '!', '?', ')', ']', '’', '”', '\'', '"']);
    let opened = phrase.ends_with(['(', '[', '‘', '“']);
    if !closes && !opened && !phrase.is_empty() {
        phrase.push(' ');
    }
    phrase.push_str(token);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::AlignmentColumn;

    fn column(cells: &[Option<&str>], agreed: bool) -> AlignmentColumn {
        AlignmentColumn {
            cells: cells.iter().map(|c| c.map(str::to_owned)).collect(),
            agreed,
        }
    }

    #[test]
    fn tokens_of_the_same_shape_merge_into_phrases() {
        let table = AlignmentTable {
            columns: vec![
                column(&[Some("Lim"), Some("Lim")], true),
                column(&[Some("Jong-hoon"), Some("Jong-hoon")], true),
                column(&[Some(","), Some(",")], true),
                column(&[Some("silver"), Some("bronze")], false),
                column(&[None, Some("Olympic")], false),
                column(&[Some("medallist"), None], true),
                column(&[Some("("), None], true),
                column(&[Some("AFP"), None], true),
                column(&[Some(")"), None], true),
            ],
            ..AlignmentTable::default()
        };
        let rows = phrase_rows(&table);
        let shown: Vec<(PhraseKind, Vec<Option<&str>>)> = rows
            .iter()
            .map(|r| (r.kind, r.cells.iter().map(|c| c.as_deref()).collect()))
            .collect();
        assert_eq!(
            shown,
            vec![
                (
                    PhraseKind::Shared,
                    vec![Some("Lim Jong-hoon,"), Some("Lim Jong-hoon,")]
                ),
                (
                    PhraseKind::Differs,
                    vec![Some("silver"), Some("bronze Olympic")]
                ),
                (PhraseKind::Partial, vec![Some("medallist (AFP)"), None]),
            ]
        );
    }
}
