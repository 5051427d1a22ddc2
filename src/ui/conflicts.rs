//! The findings of the selected photo (conflicts, misspelt names, ...) as a
//! sortable table (egui_extras): a click selects the two variants that show
//! it and scrolls to the odd span. Above the table, the reviewer's verdict on
//! the selected finding and a note.

use eframe::egui;
use egui_extras::{Column, TableBuilder};

use crate::analysis::{ConflictSeverity, FindingKind};
use crate::review::{Verdict, VerdictStatus};

use super::commands::Command;
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

fn verdict_rank(verdict: Option<VerdictStatus>) -> u8 {
    match verdict {
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
        let photo_id = session.photo().map(|p| p.id.as_str()).unwrap_or("");
        let mut rows: Vec<ConflictRow> = analysis
            .findings
            .iter()
            .enumerate()
            .map(|(finding, f)| ConflictRow {
                index: f.conflict.unwrap_or(finding),
                finding,
                kind: f.kind,
                severity: f.severity,
                name: finding_name(analysis, f),
                summary: f.summary.clone(),
                verdict: session.review.get(photo_id, &f.key).map(|v| v.status),
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
                SortColumn::Verdict => verdict_rank(a.verdict).cmp(&verdict_rank(b.verdict)),
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
        note: &mut String,
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
                        table_row.set_selected(selected == Some(row.finding));
                        table_row.col(|ui| {
                            ui.label(severity_text(ui, row.severity));
                        });
                        let mut clicked = false;
                        table_row.col(|ui| {
                            clicked |= ui
                                .selectable_label(selected == Some(row.finding), &row.name)
                                .clicked();
                        });
                        table_row.col(|ui| {
                            ui.label(&row.summary).on_hover_text(&row.summary);
                        });
                        table_row.col(|ui| {
                            ui.label(row.verdict.map_or("—", |v| v.label()));
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
        note: &mut String,
        commands: &mut Vec<Command>,
    ) {
        let (Some(about), Some(photo)) = (session.under_review(), session.photo()) else {
            ui.label("Select a finding to record your verdict on it.");
            return;
        };
        let current = session.review.get(&photo.id, &about.key);
        let set = |verdict: Option<Verdict>| Command::SetVerdict {
            key: about.key.clone(),
            verdict,
        };
        ui.horizontal_wrapped(|ui| {
            ui.label(egui::RichText::new(format!("Verdict on {}", about.name)).strong());
            let status = current.map(|v| v.status);
            for choice in VerdictStatus::ALL {
                if ui.radio(status == Some(choice), choice.label()).clicked() {
                    commands.push(set(Some(Verdict {
                        status: choice,
                        note: note.clone(),
                        at: None,
                        values: None,
                    })));
                }
            }
            if ui.radio(status.is_none(), "no verdict").clicked() && status.is_some() {
                commands.push(set(None));
            }
        });
        ui.horizontal(|ui| {
            let label = ui.label("Note:");
            ui.add(
                egui::TextEdit::singleline(note)
                    .hint_text("why (saved with the verdict)")
                    .desired_width(320.0),
            )
            .labelled_by(label.id);
            let saved_note = current.map(|v| v.note.as_str());
            let enabled = current.is_some() && saved_note != Some(note.as_str());
            if ui
                .add_enabled(enabled, egui::Button::new("Save note"))
                .clicked()
                && let Some(verdict) = current
            {
                commands.push(set(Some(Verdict {
                    status: verdict.status,
                    note: note.clone(),
                    at: None,
                    values: None,
                })));
            }
        });
    }
}

fn severity_text(ui: &egui::Ui, severity: ConflictSeverity) -> egui::RichText {
    match severity {
        ConflictSeverity::High => egui::RichText::new("high")
            .strong()
            .color(ui.visuals().error_fg_color),
        ConflictSeverity::Medium => egui::RichText::new("medium").color(ui.visuals().warn_fg_color),
        ConflictSeverity::Low => egui::RichText::new("low"),
    }
}
