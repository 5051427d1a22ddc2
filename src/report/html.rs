//! The HTML view: the report's [`Document`] written with maud, as one
//! self-contained file (inline CSS, thumbnails as `data:` URIs, no
//! JavaScript) whose first page is the summary and which prints on A4.
//!
//! Escaping holds by construction: maud escapes every value spliced into
//! text or an attribute, and the only markup not escaped is this file's own
//! (the style sheet and the generator tag, both constants). Control
//! characters from the folder show as visible pictures. No address from the
//! folder ever becomes a link: a caption holding `<script>` or a
//! `javascript:` address shows as text.
//!
//! Collapsed sections are `<details>`; print opens the ones it keeps and
//! drops the ones marked [`Print::Omit`].

use maud::{DOCTYPE, Markup, PreEscaped, Render, html};

use super::document::{Block, Document, Fold, Inline, Print, RowMark, Section, Style, Table};
use super::{Report, Thumbnails, severity_name};

const STYLE: &str = include_str!("report.css");

/// A line break between elements, so the file reads line by line.
const NL: PreEscaped<&str> = PreEscaped("\n");

/// Renders the whole report as one HTML document.
pub fn render_html(report: &Report, thumbnails: &Thumbnails) -> String {
    render_document(&super::outline::report_document(report), thumbnails)
}

/// Renders a document as HTML.
pub fn render_document(document: &Document, thumbnails: &Thumbnails) -> String {
    html! {
        (DOCTYPE) (NL)
        html lang="en" {
            (NL)
            head {
                (NL)
                meta charset="utf-8"; (NL)
                meta name="viewport" content="width=device-width, initial-scale=1"; (NL)
                (PreEscaped(crate::corpus::own_report::HTML_GENERATOR_META)) (NL)
                title { "Caption provenance report: " (Shown(&document.subject)) } (NL)
                style { (NL) (PreEscaped(STYLE)) } (NL)
            }
            (NL)
            body {
                (NL)
                header {
                    (NL)
                    h1 { "Caption provenance report" } (NL)
                    p.meta { (inlines(&document.byline)) } (NL)
                }
                (NL)
                @for section in &document.sections {
                    (section_html(section, 2, thumbnails))
                }
            }
            (NL)
        }
        (NL)
    }
    .into_string()
}

/// Text from the folder, its control characters made visible; maud
/// escapes the rest.
struct Shown<'a>(&'a str);

impl Render for Shown<'_> {
    fn render_to(&self, buffer: &mut String) {
        super::escape::visible_controls(self.0).render_to(buffer);
    }
}

fn section_html(section: &Section, level: usize, thumbnails: &Thumbnails) -> Markup {
    let print = match section.print {
        Print::Keep => None,
        Print::Compact => Some("print-compact"),
        Print::Omit => Some("print-omit"),
    };
    let class = match (section.class.as_deref(), print) {
        (None, None) => None,
        (Some(class), None) | (None, Some(class)) => Some(class.to_owned()),
        (Some(class), Some(print)) => Some(format!("{class} {print}")),
    };
    let heading = heading(level, &section.heading);
    let body = html! {
        @for block in &section.blocks {
            (block_html(block, level, thumbnails))
        }
    };
    html! {
        section id=[section.id.as_deref()] class=[class] {
            (NL)
            @match section.fold {
                Fold::Open => { (heading) (NL) (body) }
                Fold::Collapsed => {
                    details { summary { (heading) } (NL) (body) } (NL)
                }
            }
        }
        (NL)
    }
}

fn heading(level: usize, text: &[Inline]) -> Markup {
    let text = inlines(text);
    match level {
        ..=2 => html! { h2 { (text) } },
        3 => html! { h3 { (text) } },
        4 => html! { h4 { (text) } },
        5 => html! { h5 { (text) } },
        _ => html! { h6 { (text) } },
    }
}

fn block_html(block: &Block, level: usize, thumbnails: &Thumbnails) -> Markup {
    match block {
        Block::Paragraph(style, text) => html! {
            p class=[paragraph_class(*style)] { (inlines(text)) } (NL)
        },
        Block::List(items) => html! {
            ul { @for item in items { li { (inlines(item)) } (NL) } } (NL)
        },
        Block::Facts(facts) => html! {
            dl { @for (name, value) in facts { dt { (Shown(name)) } dd { (inlines(value)) } (NL) } } (NL)
        },
        Block::Quote(text) => html! {
            blockquote.caption { (inlines(text)) } (NL)
        },
        Block::Table(table) => table_html(table),
        Block::Thumbnail(path) => match thumbnails.get(path) {
            Some(uri) => html! { img.thumb src=(uri) alt=""; (NL) },
            None => html! {},
        },
        Block::Section(section) => section_html(section, level + 1, thumbnails),
    }
}

fn paragraph_class(style: Style) -> Option<&'static str> {
    match style {
        Style::Plain => None,
        Style::Lead => Some("lead"),
        Style::Note => Some("note"),
        Style::Legend => Some("legend"),
        Style::Verdict => Some("verdict"),
        Style::Alert => Some("needs-review"),
        Style::PrintOnly => Some("print-only"),
    }
}

fn table_html(table: &Table) -> Markup {
    html! {
        table class=[table.class] {
            thead { tr { @for name in &table.head { th { (Shown(name)) } } } } (NL)
            tbody {
                (NL)
                @for row in &table.rows {
                    tr class=[row_class(row.mark)] {
                        @for cell in &row.cells {
                            td colspan=[(cell.span > 1).then_some(cell.span)]
                                class=[cell_class(cell.numeric, cell.gap)] {
                                (inlines(&cell.text))
                            }
                        }
                    }
                    (NL)
                }
            }
        }
        (NL)
    }
}

fn row_class(mark: RowMark) -> Option<&'static str> {
    match mark {
        RowMark::Plain => None,
        RowMark::Odd => Some("odd"),
        RowMark::Shared => Some("shared"),
        RowMark::Partial => Some("partial"),
        RowMark::Differs => Some("differs"),
    }
}

fn cell_class(numeric: bool, gap: bool) -> Option<&'static str> {
    match (numeric, gap) {
        (true, _) => Some("num"),
        (false, true) => Some("gap"),
        (false, false) => None,
    }
}

fn inlines(runs: &[Inline]) -> Markup {
    html! {
        @for run in runs {
            @match run {
                Inline::Text(t) => (Shown(t)),
                Inline::Strong(t) => b { (Shown(t)) },
                Inline::Code(t) => code { (Shown(t)) },
                Inline::Quoted(t) => q { (Shown(t)) },
                Inline::Deleted(t) => del { (Shown(t)) },
                Inline::Inserted(t) => ins { (Shown(t)) },
                Inline::Tag(t) => span.tag { (Shown(t)) },
                Inline::Aside(t) => span.aside { (Shown(t)) },
                Inline::Severity(s) => span class=(format!("sev {}", severity_name(*s))) {
                    (severity_name(*s))
                },
                Inline::SeverityCount(s, n) => {
                    span class=(format!("sev {}{}", severity_name(*s), if *n == 0 { " zero" } else { "" })) {
                        (n) " " (severity_name(*s))
                    }
                },
                Inline::Break => { br; }
            }
        }
    }
}
