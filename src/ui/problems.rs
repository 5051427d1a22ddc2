//! The bottom panel: every problem met while loading, with the file (and
//! line), what is wrong, and what to do about it (`Problem::advice`).

use eframe::egui;

use crate::corpus::{Problem, ProblemSeverity};

use super::app::App;
use super::commands::Command;

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
    let height = app.settings.problems_height;
    let panel = egui::Panel::bottom("problems")
        .resizable(!problems.is_empty())
        .default_size(if problems.is_empty() { 28.0 } else { height })
        .show(ui, |ui| {
            if problems.is_empty() {
                ui.label("Problems: none.");
                return;
            }
            ui.heading(format!("Problems ({})", problems.len()));
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
                        });
                });
        });
    if !problems.is_empty() {
        app.settings.problems_height = panel.response.rect.height();
    }
}
