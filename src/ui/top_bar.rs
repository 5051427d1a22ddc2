//! The top bar: Open folder... (Ctrl+O), a path field for when no dialog is
//! available, Reload (F5), Save report... (Ctrl+S), Add caption..., Recent folders, the view
//! options, whether to use the window's own file chooser, the theme, and the load's
//! progress with Cancel.

use std::path::PathBuf;

use eframe::egui;

use super::app::App;
use super::commands::Command;
use super::settings::Theme;

pub fn ui(ui: &mut egui::Ui, app: &mut App, commands: &mut Vec<Command>) {
    egui::Panel::top("top_bar").show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            if ui
                .button("Open folder…")
                .on_hover_text("Ctrl+O: choose a captions folder")
                .clicked()
            {
                commands.push(Command::PickFolder);
            }
            let label = ui.label("Path:");
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut app.path_field)
                        .hint_text("type a folder path")
                        .desired_width(260.0),
                )
                .labelled_by(label.id);
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if ui
                .button("Open")
                .on_hover_text("Open the typed path")
                .clicked()
                || entered
            {
                let path = app.path_field.trim();
                if !path.is_empty() {
                    let home = std::env::var_os("HOME").map(PathBuf::from);
                    commands.push(Command::OpenFolder(typed_path(path, home.as_deref())));
                }
            }
            if ui
                .button("Reload")
                .on_hover_text("F5: read the folder again")
                .clicked()
            {
                commands.push(Command::Reload);
            }
            if ui
                .add_enabled(app.session.is_some(), egui::Button::new("Save report…"))
                .on_hover_text("Ctrl+S: save what the screen shows")
                .clicked()
            {
                commands.push(Command::PickReportPath);
            }
            if ui
                .add_enabled(app.session.is_some(), egui::Button::new("Add caption…"))
                .on_hover_text(
                    "Write a new caption file into the selected photo's folder \
                     (or paste a caption into the window, or drop files onto it)",
                )
                .clicked()
            {
                commands.push(Command::OpenAddCaption(None));
            }
            ui.menu_button("Recent", |ui| {
                if app.settings.recent_folders.is_empty() {
                    ui.label("No recent folders.");
                }
                for folder in &app.settings.recent_folders {
                    if ui.button(folder.display().to_string()).clicked() {
                        commands.push(Command::OpenFolder(folder.clone()));
                        ui.close();
                    }
                }
            });
            if ui
                .button("Find…")
                .on_hover_text("Ctrl+F: find text in all captions")
                .clicked()
            {
                commands.push(Command::OpenFind);
            }
            ui.separator();
            let mut options = app.settings.options;
            ui.checkbox(&mut options.ignore_case, "Ignore case");
            ui.checkbox(&mut options.ignore_punctuation, "Ignore punctuation");
            ui.checkbox(&mut options.same_person_equal, "Same person, any spelling");
            if options != app.settings.options {
                commands.push(Command::SetOptions(options));
            }
            ui.separator();
            let mut builtin = app.settings.builtin_chooser;
            ui.checkbox(&mut builtin, "Built-in file chooser")
                .on_hover_text(
                    "Open folder… and Save report… use the window's own chooser \
                 instead of the system dialog",
                );
            if builtin != app.settings.builtin_chooser {
                commands.push(Command::UseBuiltinChooser(builtin));
            }
            let current = app.settings.theme;
            egui::ComboBox::from_label("Theme")
                .selected_text(current.name())
                .show_ui(ui, |ui| {
                    for theme in Theme::ALL {
                        if ui
                            .selectable_label(theme == current, theme.name())
                            .clicked()
                        {
                            commands.push(Command::SetTheme(theme));
                        }
                    }
                });
            super::text_size::combo_ui(ui, ui.ctx().zoom_factor(), commands);
        });
        if let Some(loading) = app.jobs.loading() {
            ui.horizontal(|ui| {
                let (fraction, text) = match loading.progress {
                    Some(p) if p.total > 0 => (
                        p.done as f32 / p.total as f32,
                        format!("{} of {} files", p.done, p.total),
                    ),
                    _ => (0.0, "starting".to_owned()),
                };
                ui.label(format!("Loading {}:", loading.folder.display()));
                ui.add(
                    egui::ProgressBar::new(fraction)
                        .text(text)
                        .desired_width(300.0)
                        .animate(true),
                );
                if ui.button("Cancel").clicked() {
                    commands.push(Command::CancelLoad);
                }
            });
        }
        if !app.messages.is_empty() {
            let now = ui.input(|i| i.time);
            for message in &mut app.messages {
                message.shown_at.get_or_insert(now);
            }
            ui.horizontal_wrapped(|ui| {
                if let Some(message) = app.messages.last() {
                    let color = if message.is_error {
                        ui.visuals().error_fg_color
                    } else {
                        ui.visuals().text_color()
                    };
                    ui.colored_label(color, &message.text);
                }
                if ui.small_button("Dismiss").clicked() {
                    commands.push(Command::DismissMessages);
                }
            });
        }
    });
}

/// A typed path, with a leading `~` (alone or before `/`) for the home
/// folder, as a shell would read it; anything else as typed.
pub fn typed_path(typed: &str, home: Option<&std::path::Path>) -> PathBuf {
    match (typed.strip_prefix('~'), home) {
        (Some(""), Some(home)) => home.to_path_buf(),
        (Some(rest), Some(home)) if rest.starts_with('/') => {
            home.join(rest.trim_start_matches('/'))
        }
        _ => PathBuf::from(typed),
    }
}

#[cfg(test)]
mod typed_path_tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn a_leading_tilde_is_the_home_folder() {
        let home = Some(Path::new("/home/desk"));
        assert_eq!(typed_path("~", home), PathBuf::from("/home/desk"));
        assert_eq!(
            typed_path("~/captions", home),
            PathBuf::from("/home/desk/captions")
        );
        // Not a home folder: "~user", a tilde inside, no HOME.
        assert_eq!(typed_path("~other/x", home), PathBuf::from("~other/x"));
        assert_eq!(typed_path("a/~/b", home), PathBuf::from("a/~/b"));
        assert_eq!(typed_path("~/x", None), PathBuf::from("~/x"));
    }
}
