//! The bottom panel: every problem met while loading, and those of the
//! selected photo's images once examined, with the file (and line), what is
//! wrong, and what to do about it (`Problem::advice`).

use eframe::egui;

use crate::corpus::{Problem, ProblemSeverity};

use super::app::App;
use super::commands::Command;

/// What to do about a vocabulary file the analysis skipped.
pub const VOCABULARY_ADVICE: &str =
    "The analysis ran without this vocabulary file: fix it and reload (F5).";

/// Where a problem is, as the panel shows it: "path:line" or "path".
pub fn place(problem: &Problem) -> String {
    match problem.line {
        Some(line) => format!("{}:{line}", crate::corpus::shown_path(&problem.path)),
        None => crate::corpus::shown_path(&problem.path),
    }
}

/// The problems of the selected photo's images (truncated, corrupt, too
/// large...), once its images have been examined, leaving out files the
/// load already reported.
fn image_problems(app: &App) -> Vec<Problem> {
    let Some(session) = app.session.as_ref() else {
        return Vec::new();
    };
    let Some(evidence) = session
        .photo()
        .and_then(|p| app.preview.evidence_for(&p.id))
    else {
        return Vec::new();
    };
    evidence
        .problems()
        .into_iter()
        .filter(|p| !session.corpus.problems.iter().any(|q| q.path == p.path))
        .collect()
}

pub fn panel_ui(ui: &mut egui::Ui, app: &mut App, _commands: &mut [Command]) {
    let loaded: &[Problem] = app
        .session
        .as_ref()
        .map_or(&[], |s| s.corpus.problems.as_slice());
    let images = image_problems(app);
    let vocabulary: &[String] = app
        .session
        .as_ref()
        .map_or(&[], |s| s.analysis.vocabulary_warnings.as_slice());
    let count = loaded.len() + images.len() + vocabulary.len();
    let height = app.settings.problems_height;
    let panel = egui::Panel::bottom("problems")
        .resizable(count > 0)
        .default_size(if count == 0 { 28.0 } else { height })
        .show(ui, |ui| {
            if count == 0 {
                ui.label("Problems: none.");
                return;
            }
            ui.heading(format!("Problems ({count})"));
            egui::ScrollArea::vertical()
                .id_salt("problems")
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    egui::Grid::new("problems_grid")
                        .num_columns(3)
                        .striped(true)
                        .show(ui, |ui| {
                            for problem in loaded.iter().chain(&images) {
                                let color = match problem.severity {
                                    ProblemSeverity::Error => ui.visuals().error_fg_color,
                                    ProblemSeverity::Warning => ui.visuals().warn_fg_color,
                                    ProblemSeverity::Note => ui.visuals().text_color(),
                                };
                                ui.colored_label(color, place(problem));
                                ui.label(&problem.reason);
                                ui.label(problem.advice());
                                ui.end_row();
                            }
                            for warning in vocabulary {
                                ui.colored_label(ui.visuals().warn_fg_color, "vocabulary");
                                ui.label(warning);
                                ui.label(VOCABULARY_ADVICE);
                                ui.end_row();
                            }
                        });
                });
        });
    if count > 0 {
        app.settings.problems_height = panel.response.rect.height();
    }
}
