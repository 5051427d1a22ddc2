//! The report as one document: a tree of sections holding paragraphs,
//! lists, tables and quotes, built once from the [`Report`](super::Report)
//! (`outline`) and rendered by both the HTML and the Markdown writers, so the
//! two cannot drift apart. Text here is plain text; each writer escapes it
//! for its own format.
//!
//! A section says how it shows on screen ([`Fold`]: open, or collapsed into
//! a `<details>` the reader opens) and how much of it print keeps
//! ([`Print`]). Markdown shows every section open and in full.

use std::path::PathBuf;

use crate::analysis::ConflictSeverity;

/// The whole report.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// What the report is about (the folder), for the page's title.
    pub subject: String,
    /// The line under the report's title: folder, time, tool.
    pub byline: Vec<Inline>,
    /// The summary first, then each photo, the problems and the provenance.
    pub sections: Vec<Section>,
}

/// One section: a heading and what is under it, sub-sections included.
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// An anchor (`summary`, `provenance`), where other parts refer to it.
    pub id: Option<String>,
    pub heading: Vec<Inline>,
    /// A styling hint for HTML (`photo`, `card high`); no meaning of its own.
    pub class: Option<String>,
    pub fold: Fold,
    pub print: Print,
    pub blocks: Vec<Block>,
}

/// How a section shows on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fold {
    /// Always shown.
    Open,
    /// Bulk detail: collapsed until the reader opens it.
    Collapsed,
}

/// How much of a section print keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Print {
    /// All of it, as on screen.
    Keep,
    /// All of it, in smaller type and without thumbnails.
    Compact,
    /// None of it: it is bulk that the screen and the JSON still hold.
    Omit,
}

/// One piece of a section's body.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Paragraph(Style, Vec<Inline>),
    List(Vec<Vec<Inline>>),
    /// Name and value pairs (a source's fields, the reference facts).
    Facts(Vec<(String, Vec<Inline>)>),
    /// A caption as published.
    Quote(Vec<Inline>),
    Table(Table),
    /// An image's thumbnail, by its path in the folder; HTML only (the
    /// Markdown report carries no images).
    Thumbnail(PathBuf),
    Section(Section),
}

/// What a paragraph is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Plain,
    /// The sentence a card is about (who says what): shown strong.
    Lead,
    /// An aside: nothing found, a caveat.
    Note,
    /// How to read what follows.
    Legend,
    Verdict,
    /// Something the reader must act on (a verdict that needs review).
    Alert,
    /// Said only in print (what print leaves out); Markdown skips it.
    PrintOnly,
}

/// A run of text within a paragraph, cell or heading.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    Text(String),
    Strong(String),
    /// A path, key or digest.
    Code(String),
    /// Words quoted from a caption.
    Quoted(String),
    /// A diff's words only in the base.
    Deleted(String),
    /// A diff's words only in the other caption.
    Inserted(String),
    /// A small label: `odd`, `reference`, `base`, a finding's kind.
    Tag(String),
    /// Secondary text: a place, a holder, a country.
    Aside(String),
    Severity(ConflictSeverity),
    /// A count of one severity ("2 high"), greyed out when zero.
    SeverityCount(ConflictSeverity, usize),
    /// A line break within a table cell.
    Break,
}

/// A table with a header row.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// A styling hint for HTML (`align`, `inputs`).
    pub class: Option<&'static str>,
    pub head: Vec<String>,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub mark: RowMark,
    pub cells: Vec<Cell>,
}

/// What a row stands for, beyond its cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowMark {
    Plain,
    /// The odd side of a finding.
    Odd,
    /// Alignment: every caption has these words.
    Shared,
    /// Alignment: the captions with words here agree.
    Partial,
    /// Alignment: the captions differ here.
    Differs,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub text: Vec<Inline>,
    /// How many columns the cell spans (Markdown pads the rest).
    pub span: usize,
    pub numeric: bool,
    /// Nothing there (an alignment gap).
    pub gap: bool,
}

impl Section {
    /// An open section kept in print, with nothing in it yet.
    pub fn new(heading: Vec<Inline>) -> Section {
        Section {
            id: None,
            heading,
            class: None,
            fold: Fold::Open,
            print: Print::Keep,
            blocks: Vec::new(),
        }
    }

    /// A section headed by plain text.
    pub fn titled(heading: &str) -> Section {
        Section::new(vec![text(heading)])
    }

    pub fn with_id(mut self, id: &str) -> Section {
        self.id = Some(id.to_owned());
        self
    }

    pub fn with_class(mut self, class: &str) -> Section {
        self.class = Some(class.to_owned());
        self
    }

    /// Collapsed on screen, and kept in print as `print` says.
    pub fn collapsed(mut self, print: Print) -> Section {
        self.fold = Fold::Collapsed;
        self.print = print;
        self
    }

    pub fn printed(mut self, print: Print) -> Section {
        self.print = print;
        self
    }

    pub fn push(&mut self, block: Block) {
        self.blocks.push(block);
    }

    pub fn paragraph(&mut self, style: Style, inlines: Vec<Inline>) {
        self.blocks.push(Block::Paragraph(style, inlines));
    }

    pub fn note(&mut self, words: &str) {
        self.paragraph(Style::Note, vec![text(words)]);
    }

    pub fn section(&mut self, section: Section) {
        self.blocks.push(Block::Section(section));
    }

    /// The section's sub-sections, in order.
    pub fn sections(&self) -> impl Iterator<Item = &Section> {
        self.blocks.iter().filter_map(|block| match block {
            Block::Section(section) => Some(section),
            _ => None,
        })
    }

    /// The heading as plain text.
    pub fn heading_text(&self) -> String {
        plain(&self.heading)
    }
}

impl Document {
    /// Every section's heading, depth first, with its depth (1 for the
    /// top-level ones): the outline both writers follow.
    pub fn outline(&self) -> Vec<(usize, String)> {
        fn walk(section: &Section, depth: usize, out: &mut Vec<(usize, String)>) {
            out.push((depth, section.heading_text()));
            for sub in section.sections() {
                walk(sub, depth + 1, out);
            }
        }
        let mut out = Vec::new();
        for section in &self.sections {
            walk(section, 1, &mut out);
        }
        out
    }
}

impl Table {
    pub fn new(head: &[&str]) -> Table {
        Table {
            class: None,
            head: head.iter().map(|h| (*h).to_owned()).collect(),
            rows: Vec::new(),
        }
    }

    pub fn row(&mut self, mark: RowMark, cells: Vec<Cell>) {
        self.rows.push(Row { mark, cells });
    }
}

impl Cell {
    pub fn of(text: Vec<Inline>) -> Cell {
        Cell {
            text,
            span: 1,
            numeric: false,
            gap: false,
        }
    }

    pub fn number(n: impl std::fmt::Display) -> Cell {
        Cell {
            numeric: true,
            ..Cell::of(vec![Inline::Text(n.to_string())])
        }
    }
}

/// Plain text.
pub fn text(words: impl Into<String>) -> Inline {
    Inline::Text(words.into())
}

/// A cell of plain text.
pub fn cell(words: impl Into<String>) -> Cell {
    Cell::of(vec![text(words)])
}

/// Inline runs as plain text: what a heading or cell says without markup.
pub fn plain(inlines: &[Inline]) -> String {
    inlines
        .iter()
        .map(|inline| match inline {
            Inline::Text(t)
            | Inline::Strong(t)
            | Inline::Code(t)
            | Inline::Quoted(t)
            | Inline::Deleted(t)
            | Inline::Inserted(t)
            | Inline::Tag(t)
            | Inline::Aside(t) => t.clone(),
            Inline::Severity(s) => super::severity_name(*s).to_owned(),
            Inline::SeverityCount(s, n) => format!("{n} {}", super::severity_name(*s)),
            Inline::Break => " ".to_owned(),
        })
        .collect()
}

/// "s" unless one.
pub fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
