//! The findings of the selected photo (conflicts, misspelt names, ...) as a
//! sortable table (egui_extras): a click selects the two variants that show
//! it and scrolls to the odd span. Above the table, the reviewer's verdict on
//! the selected finding and a note (saved as it is typed: `note_draft`). A
//! verdict given before the folder showed a value it did not judge is marked
//! *needs review* (`review_staleness`), in the table and the editor. A
//! finding that stands for others (a swap: `analysis::swaps`) is one row;
//! what it stands for is listed beneath the verdict and on hover.

use std::time::Duration;

use eframe::egui;
use egui_extras::{Column, TableBuilder};

use crate::analysis::{ConflictSeverity, FindingDetail, FindingKind};
use crate::review::{Verdict, VerdictStatus};
use crate::review_staleness::{VerdictState, shown_since};

use super::commands::Command;
use super::note_draft::{NOTE_SAVE_DELAY, NoteDraft};
use super::selection::{Session, finding_name};

/// The columns the table can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortColumn {
    Severity,
    Finding,
    Summary,
    Verdict,
}

/// One row as shown: one finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictRow {
    /// For a conflict finding, the index into the photo's conflicts (what
    /// `Selection::conflict` holds); for another kind, the finding's index.
    pub index: usize,
    /// Index into the photo's findings.
    pub finding: usize,
    pub kind: FindingKind,
    pub severity: ConflictSeverity,
    /// "Lim Jong-hoon: medal", "name: Bold".
    pub name: String,
    pub summary: String,
    pub verdict: Option<VerdictStatus>,
    /// The verdict was given before the folder showed a value it did not
    /// judge: it is to be looked at again.
    pub needs_review: bool,
    /// What the finding stands for, one line each (a swap's per-person
    /// conflicts: [`detail_line`]).
    pub details: Vec<String>,
}

/// The table's sort state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ConflictsTable {
    pub sort: SortColumn,
    pub descending: bool,
}

impl Default for ConflictsTable {
    fn default() -> Self {
        ConflictsTable {
            sort: SortColumn::Severity,
            descending: true,
        }
    }
}

fn verdict_rank(row: &ConflictRow) -> u8 {
    if row.needs_review {
        return 0;
    }
    match row.verdict {
        None => 0,
        Some(VerdictStatus::Unsure) => 1,
        Some(VerdictStatus::NotAnError) => 2,
        Some(VerdictStatus::ConfirmedError) => 3,
    }
}

impl ConflictsTable {
    /// The rows of the selected photo, in the table's order.
    pub fn rows(&self, session: &Session) -> Vec<ConflictRow> {
        let Some(analysis) = session.photo_analysis() else {
            return Vec::new();
        };
        let Some(photo) = session.photo() else {
            return Vec::new();
        };
        let mut rows: Vec<ConflictRow> = analysis
            .findings
            .iter()
            .enumerate()
            .map(|(finding, f)| {
                let state = VerdictState::of_finding(&session.review, photo, analysis, f);
                ConflictRow {
                    index: f.conflict.unwrap_or(finding),
                    finding,
                    kind: f.kind,
                    severity: f.severity,
                    name: finding_name(analysis, f),
                    summary: f.summary.clone(),
                    verdict: state.verdict().map(|v| v.status),
                    needs_review: state.needs_review(),
                    details: f.details.iter().map(detail_line).collect(),
                }
            })
            .collect();
        // A stable sort: ties keep the analysis order (most severe first).
        let descending = self.descending;
        let sort = self.sort;
        rows.sort_by(|a, b| {
            let order = match sort {
                SortColumn::Severity => a.severity.cmp(&b.severity),
                SortColumn::Finding => a.name.cmp(&b.name),
                SortColumn::Summary => a.summary.cmp(&b.summary),
                SortColumn::Verdict => verdict_rank(a).cmp(&verdict_rank(b)),
            };
            if descending { order.reverse() } else { order }
        });
        rows
    }

    /// Draws the table and the verdict editor.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        session: &Session,
        note: &mut NoteDraft,
        commands: &mut Vec<Command>,
    ) {
        let rows = self.rows(session);
        ui.horizontal(|ui| {
            ui.heading(format!("Findings ({})", rows.len()));
            ui.label("Click one to compare the variants that show it.");
        });
        if rows.is_empty() {
            ui.label("No findings in this photo.");
            return;
        }
        self.verdict_ui(ui, session, note, commands);
        ui.separator();
        let selected = session.selection.finding;
        let text_height = egui::TextStyle::Body.resolve(ui.style()).size + 8.0;
        TableBuilder::new(ui)
            .striped(true)
            .sense(egui::Sense::click())
            .column(Column::auto().at_least(70.0))
            .column(Column::auto().at_least(180.0))
            .column(Column::remainder().at_least(200.0).clip(true))
            .column(Column::auto().at_least(110.0))
            .header(text_height, |mut header| {
                for (column, title) in [
                    (SortColumn::Severity, "Severity"),
                    (SortColumn::Finding, "Finding"),
                    (SortColumn::Summary, "Who says what"),
                    (SortColumn::Verdict, "Verdict"),
                ] {
                    header.col(|ui| {
                        let arrow = match (self.sort == column, self.descending) {
                            (true, true) => " (v)",
                            (true, false) => " (^)",
                            (false, _) => "",
                        };
                        if ui
                            .button(format!("{title}{arrow}"))
                            .on_hover_text("Sort by this column")
                            .clicked()
                        {
                            if self.sort == column {
                                self.descending = !self.descending;
                            } else {
                                self.sort = column;
                                self.descending = column == SortColumn::Severity;
                            }
                        }
                    });
                }
            })
            .body(|mut body| {
                for row in &rows {
                    body.row(text_height, |mut table_row| {
                        let is_selected = selected == Some(row.finding);
                        table_row.set_selected(is_selected);
                        table_row.col(|ui| {
                            ui.label(severity_text(ui, row.severity, is_selected));
                        });
                        let mut clicked = false;
                        table_row.col(|ui| {
                            clicked |= ui
                                .selectable_label(selected == Some(row.finding), &row.name)
                                .clicked();
                        });
                        table_row.col(|ui| {
                            let hover = std::iter::once(row.summary.as_str())
                                .chain(row.details.iter().map(String::as_str))
                                .collect::<Vec<_>>()
                                .join("\n");
                            ui.label(&row.summary).on_hover_text(hover);
                        });
                        table_row.col(|ui| {
                            verdict_cell(ui, row);
                        });
                        if clicked || table_row.response().clicked() {
                            commands.push(Command::SelectFinding(row.finding));
                        }
                    });
                }
            });
    }

    fn verdict_ui(
        &self,
        ui: &mut egui::Ui,
        session: &Session,
        note: &mut NoteDraft,
        commands: &mut Vec<Command>,
    ) {
        let (Some(about), Some(photo), Some(analysis)) = (
            session.under_review(),
            session.photo(),
            session.photo_analysis(),
        ) else {
            ui.label("Select a finding to record your verdict on it.");
            return;
        };
        let state = VerdictState::of(&session.review, photo, analysis, &about.key);
        let current = state.verdict();
        let set = |verdict: Option<Verdict>| Command::SetVerdict {
            key: about.key.clone(),
            verdict,
        };
        ui.horizontal_wrapped(|ui| {
            ui.label(egui::RichText::new(format!("Verdict on {}", about.name)).strong());
            let status = current.map(|v| v.status);
            for choice in VerdictStatus::ALL {
                if ui.radio(status == Some(choice), choice.label()).clicked() {
                    commands.push(set(Some(Verdict::new(choice, note.text.clone()))));
                }
            }
            if ui.radio(status.is_none(), "no verdict").clicked() && status.is_some() {
                commands.push(set(None));
            }
        });
        if let (true, Some(verdict)) = (state.needs_review(), current) {
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    egui::RichText::new(format!(
                        "Needs review: the verdict was given before the folder showed {}.",
                        shown_since(state.unjudged())
                    ))
                    .color(ui.visuals().warn_fg_color),
                );
                if ui
                    .button(format!("Still {}", verdict.status.label()))
                    .on_hover_text("Keep the verdict, now judging the values shown")
                    .clicked()
                {
                    commands.push(set(Some(Verdict::new(verdict.status, note.text.clone()))));
                }
            });
        }
        details_ui(ui, session);
        ui.horizontal(|ui| {
            let label = ui.label("Note:");
            let response = ui
                .add(
                    egui::TextEdit::singleline(&mut note.text)
                        .hint_text("why (saved as you type)")
                        .desired_width(320.0),
                )
                .labelled_by(label.id);
            if response.changed() {
                note.edited(ui.input(|i| i.time));
                // The frame that saves it, should nothing else ask for one.
                ui.ctx()
                    .request_repaint_after(Duration::from_secs_f64(NOTE_SAVE_DELAY));
            }
            if response.lost_focus() {
                commands.push(Command::SaveNote);
            }
            let saved = if note.is_unsaved() {
                "not saved yet"
            } else if current.is_some_and(|v| !v.note.is_empty()) {
                "saved"
            } else {
                ""
            };
            ui.weak(saved);
        });
    }
}

/// One finding a finding stands for, as a line: "Lim Jong-hoon — Sportstar:
/// silver; ...".
pub fn detail_line(detail: &FindingDetail) -> String {
    format!("{} — {}", detail.subject, detail.summary)
}

/// A window at least this tall (in points) shows a swap's per-person lines
/// beneath the verdict; a shorter one on hover.
const DETAILS_OPEN_HEIGHT: f32 = 760.0;

/// Beneath the verdict, what the selected finding stands for (a swap's
/// per-person conflicts), one line each.
fn details_ui(ui: &mut egui::Ui, session: &Session) {
    let Some(finding) = session.finding().filter(|f| !f.details.is_empty()) else {
        return;
    };
    let lines: Vec<String> = finding.details.iter().map(detail_line).collect();
    let heading = egui::RichText::new(format!("Per person ({}):", lines.len())).strong();
    if ui.ctx().content_rect().height() >= DETAILS_OPEN_HEIGHT {
        ui.label(heading);
        for line in &lines {
            ui.label(line);
        }
    } else {
        // In a short window, one line with the rest on hover, so that the
        // note and the table below keep their room.
        ui.horizontal(|ui| {
            ui.label(heading);
            ui.label(egui::RichText::new("point here to read them").weak());
        })
        .response
        .on_hover_text(lines.join("\n"));
    }
}

/// The verdict column: the verdict, marked when it needs review.
fn verdict_cell(ui: &mut egui::Ui, row: &ConflictRow) {
    let label = row.verdict.map_or("—", |v| v.label());
    if row.needs_review {
        ui.label(
            egui::RichText::new(format!("{label}: needs review")).color(ui.visuals().warn_fg_color),
        )
        .on_hover_text("The folder shows values this verdict did not judge");
    } else {
        ui.label(label);
    }
}

/// The severity in its colour; on the selected row (whose fill red and
/// amber are hard to read on) in the selection's own text colour.
fn severity_text(ui: &egui::Ui, severity: ConflictSeverity, selected: bool) -> egui::RichText {
    let (text, color) = match severity {
        ConflictSeverity::High => ("high", Some(ui.visuals().error_fg_color)),
        ConflictSeverity::Medium => ("medium", Some(ui.visuals().warn_fg_color)),
        ConflictSeverity::Low => ("low", None),
    };
    let rich = egui::RichText::new(text);
    let rich = if severity == ConflictSeverity::High {
        rich.strong()
    } else {
        rich
    };
    match color {
        Some(color) if !selected => rich.color(color),
        _ => rich,
    }
}
