//! The bottom panel: every problem met while loading, with the file (and
//! line), what is wrong, and what to do about it (`Problem::advice`).

use eframe::egui;

use crate::corpus::{Problem, ProblemSeverity};

use super::app::App;
use super::commands::Command;

/// What to do about a vocabulary file the analysis skipped.
pub const VOCABULARY_ADVICE: &str =
    "The analysis ran without this vocabulary file: fix it and reload (F5).";

/// One problem as a line of the panel: "path:line", reason, advice.
pub fn problem_lines(problems: &[Problem]) -> Vec<(String, String, &'static str)> {
    problems
        .iter()
        .map(|p| {
            let place = match p.line {
                Some(line) => format!("{}:{line}", p.path.display()),
                None => p.path.display().to_string(),
            };
            (place, p.reason.clone(), p.advice())
        })
        .collect()
}

pub fn panel_ui(ui: &mut egui::Ui, app: &mut App, _commands: &mut [Command]) {
    let problems: &[Problem] = app
        .session
        .as_ref()
        .map_or(&[], |s| s.corpus.problems.as_slice());
    let vocabulary: &[String] = app
        .session
        .as_ref()
        .map_or(&[], |s| s.analysis.vocabulary_warnings.as_slice());
    let count = problems.len() + vocabulary.len();
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
                            for (problem, (place, reason, advice)) in
                                problems.iter().zip(problem_lines(problems))
                            {
                                let color = match problem.severity {
                                    ProblemSeverity::Error => ui.visuals().error_fg_color,
                                    ProblemSeverity::Warning => ui.visuals().warn_fg_color,
                                };
                                ui.colored_label(color, place);
                                ui.label(reason);
                                ui.label(advice);
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
