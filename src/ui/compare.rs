//! Two variants side by side: pickers and a swap button, the section shown,
//! and each text drawn as styled segments (word diff, claims underlined,
//! conflicting spans and the odd words of other findings marked loudly with
//! who says what on hover; the words the others write marked calmly).
//!
//! The view is computed once per (folder load, selection, options) and kept;
//! drawing a frame only walks the cached segments.

use eframe::egui;

use crate::analysis::diff::{DiffOptions, diff_variants};
use crate::analysis::{FindingKind, Location, Span};
use crate::corpus::Section;

use super::commands::Command;
use super::highlight::{
    DiffMark, Segment, Side, claim_spans, conflict_spans, diff_marks, finding_spans, segments,
};
use super::selection::Session;

/// What the cached view was computed for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct CompareKey {
    generation: u64,
    photo: usize,
    left: usize,
    right: usize,
    section: Section,
    options: DiffOptions,
}

/// A span marked loudly in the compare view: a conflicting claim, or the
/// odd words of another finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HighlightedSpan {
    pub kind: FindingKind,
    pub side: Side,
    /// Index into the photo's variants.
    pub variant: usize,
    /// The variant's outlet (or file) name.
    pub outlet: String,
    pub section: Section,
    pub span: Span,
    /// The words marked.
    pub text: String,
    /// The review key: `Conflict::key`, or `Finding::key` for another kind.
    pub conflict_key: String,
    /// `Conflict::summary` (or `Finding::summary`), the hover text.
    pub summary: String,
}

/// One side's text, cut into segments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SideView {
    pub variant: usize,
    pub outlet: String,
    /// The section's normalised text, "" when the variant lacks the section.
    pub text: String,
    pub has_section: bool,
    pub segments: Vec<Segment>,
}

/// The computed compare view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompareView {
    key: CompareKey,
    pub left: SideView,
    pub right: SideView,
    /// Every loudly marked span on either side, left side first: the
    /// conflicting ones, then the odd words of other findings.
    pub highlighted: Vec<HighlightedSpan>,
    /// Conflict summaries by conflict index, for hover texts.
    summaries: Vec<String>,
    /// Finding summaries by finding index, for hover texts.
    finding_summaries: Vec<String>,
}

/// The compare tab and its cache.
#[derive(Default)]
pub struct ComparePanel {
    view: Option<CompareView>,
    computations: usize,
    last_scroll: Option<Location>,
}

impl ComparePanel {
    pub fn view(&self) -> Option<&CompareView> {
        self.view.as_ref()
    }

    pub fn computations(&self) -> usize {
        self.computations
    }

    pub fn last_scroll_target(&self) -> Option<Location> {
        self.last_scroll
    }

    fn refresh(&mut self, session: &Session, options: DiffOptions) {
        let selection = session.selection;
        let key = CompareKey {
            generation: session.generation,
            photo: selection.photo,
            left: selection.left,
            right: selection.right,
            section: selection.section,
            options,
        };
        if self.view.as_ref().is_some_and(|v| v.key == key) {
            return;
        }
        self.view = compute(session, key);
        self.computations += 1;
    }

    /// Draws the tab; `scroll` is a span to bring into view this frame.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        session: &Session,
        options: DiffOptions,
        scroll: Option<Location>,
        commands: &mut Vec<Command>,
    ) {
        self.refresh(session, options);
        if scroll.is_some() {
            self.last_scroll = scroll;
        }
        let Some(photo) = session.photo() else {
            ui.label("This folder has no photos.");
            return;
        };
        if photo.variants.is_empty() {
            ui.label("This photo has no variants.");
            return;
        }
        let selection = session.selection;
        ui.horizontal_wrapped(|ui| {
            variant_picker(
                ui,
                "Left variant",
                photo,
                selection.left,
                commands,
                Command::SelectVariant,
            );
            if ui
                .button("Swap sides")
                .on_hover_text("Exchange the left and right variants")
                .clicked()
            {
                commands.push(Command::Swap);
            }
            variant_picker(
                ui,
                "Right variant",
                photo,
                selection.right,
                commands,
                Command::SetRight,
            );
            ui.separator();
            for section in Section::ALL {
                if ui
                    .selectable_label(selection.section == section, section.name())
                    .clicked()
                {
                    commands.push(Command::SetSection(section));
                }
            }
        });
        legend_ui(ui);
        ui.separator();
        let Some(view) = &self.view else {
            return;
        };
        ui.columns(2, |columns| {
            if let [left, right] = columns {
                side_ui(left, view, &view.left, Side::Left, scroll);
                side_ui(right, view, &view.right, Side::Right, scroll);
            }
        });
    }
}

fn compute(session: &Session, key: CompareKey) -> Option<CompareView> {
    let photo = session.photo()?;
    let analysis = session.photo_analysis().cloned().unwrap_or_default();
    let diff = diff_variants(
        photo,
        &analysis,
        key.left,
        key.right,
        key.section,
        key.options,
    );
    let side = |index: usize, side: Side| -> Option<SideView> {
        let variant = photo.variants.get(index)?;
        let text = variant.section(key.section).map(|t| t.as_str().to_owned());
        let has_section = text.is_some();
        let text = text.unwrap_or_default();
        let segments = segments(
            &text,
            &diff_marks(&diff, side),
            &claim_spans(&analysis, index, key.section),
            &conflict_spans(&analysis, index, key.section),
            &finding_spans(&analysis, index, key.section),
        );
        Some(SideView {
            variant: index,
            outlet: variant.label().to_owned(),
            text,
            has_section,
            segments,
        })
    };
    let left = side(key.left, Side::Left)?;
    let right = side(key.right, Side::Right)?;
    let mut highlighted = Vec::new();
    for (view, which) in [(&left, Side::Left), (&right, Side::Right)] {
        for (span, conflict) in conflict_spans(&analysis, view.variant, key.section) {
            let Some(c) = analysis.conflicts.get(conflict) else {
                continue;
            };
            highlighted.push(HighlightedSpan {
                kind: FindingKind::Conflict,
                side: which,
                variant: view.variant,
                outlet: view.outlet.clone(),
                section: key.section,
                span,
                text: span.slice(&view.text).to_owned(),
                conflict_key: c.key.clone(),
                summary: c.summary.clone(),
            });
        }
        for (span, mark) in finding_spans(&analysis, view.variant, key.section) {
            let Some(f) = analysis.findings.get(mark.finding).filter(|_| mark.loud) else {
                continue;
            };
            highlighted.push(HighlightedSpan {
                kind: f.kind,
                side: which,
                variant: view.variant,
                outlet: view.outlet.clone(),
                section: key.section,
                span,
                text: span.slice(&view.text).to_owned(),
                conflict_key: f.key.clone(),
                summary: f.summary.clone(),
            });
        }
    }
    Some(CompareView {
        key,
        left,
        right,
        highlighted,
        summaries: analysis
            .conflicts
            .iter()
            .map(|c| c.summary.clone())
            .collect(),
        finding_summaries: analysis
            .findings
            .iter()
            .map(|f| f.summary.clone())
            .collect(),
    })
}

fn variant_picker(
    ui: &mut egui::Ui,
    label: &str,
    photo: &crate::corpus::Photo,
    current: usize,
    commands: &mut Vec<Command>,
    make: fn(usize) -> Command,
) {
    let shown = photo.variants.get(current).map_or("", |v| v.label());
    egui::ComboBox::new(label, label)
        .selected_text(shown)
        .width(160.0)
        .show_ui(ui, |ui| {
            for (index, variant) in photo.variants.iter().enumerate() {
                if ui
                    .selectable_label(index == current, variant.label())
                    .clicked()
                {
                    commands.push(make(index));
                }
            }
        });
}

fn legend_ui(ui: &mut egui::Ui) {
    let dark = ui.visuals().dark_mode;
    ui.horizontal_wrapped(|ui| {
        ui.label("Legend:");
        ui.label(egui::RichText::new("only on the left").background_color(removed_color(dark)));
        ui.label(egui::RichText::new("only on the right").background_color(added_color(dark)));
        ui.label(egui::RichText::new("a claim").underline());
        ui.label(
            egui::RichText::new("a conflicting claim, a misspelt name")
                .strong()
                .color(egui::Color32::WHITE)
                .background_color(conflict_color(dark)),
        );
        ui.label(
            egui::RichText::new("what the others write")
                .underline()
                .background_color(calm_color(dark)),
        );
    });
}

/// The other side of a finding: never red, so it does not read as an error.
fn calm_color(dark: bool) -> egui::Color32 {
    if dark {
        egui::Color32::from_rgb(35, 60, 100)
    } else {
        egui::Color32::from_rgb(215, 230, 250)
    }
}

fn removed_color(dark: bool) -> egui::Color32 {
    if dark {
        egui::Color32::from_rgb(100, 40, 40)
    } else {
        egui::Color32::from_rgb(255, 215, 215)
    }
}

fn added_color(dark: bool) -> egui::Color32 {
    if dark {
        egui::Color32::from_rgb(30, 85, 45)
    } else {
        egui::Color32::from_rgb(205, 245, 210)
    }
}

/// The loud red of conflicting claims and misspelt names (the People tab
/// uses it too).
pub(super) fn conflict_color(dark: bool) -> egui::Color32 {
    if dark {
        egui::Color32::from_rgb(200, 50, 40)
    } else {
        egui::Color32::from_rgb(190, 20, 20)
    }
}

fn side_ui(
    ui: &mut egui::Ui,
    view: &CompareView,
    side: &SideView,
    which: Side,
    scroll: Option<Location>,
) {
    ui.label(egui::RichText::new(&side.outlet).heading());
    if !side.has_section {
        ui.label(egui::RichText::new("This variant has no such section.").italics());
        return;
    }
    let dark = ui.visuals().dark_mode;
    egui::ScrollArea::vertical()
        .id_salt(match which {
            Side::Left => "compare_left",
            Side::Right => "compare_right",
        })
        .auto_shrink([false, true])
        .show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.spacing_mut().item_spacing.x = 0.0;
                for segment in &side.segments {
                    let text = segment.span.slice(&side.text);
                    let mut rich = egui::RichText::new(text).size(16.0);
                    rich = match segment.diff {
                        DiffMark::Removed => rich.background_color(removed_color(dark)),
                        DiffMark::Added => rich.background_color(added_color(dark)),
                        DiffMark::Same | DiffMark::Unmarked => rich,
                    };
                    if segment.claim {
                        rich = rich.underline();
                    }
                    let finding = segment.finding;
                    if finding.is_some_and(|m| !m.loud) {
                        rich = rich.underline().background_color(calm_color(dark));
                    }
                    if segment.conflict.is_some() || finding.is_some_and(|m| m.loud) {
                        rich = rich
                            .strong()
                            .color(egui::Color32::WHITE)
                            .background_color(conflict_color(dark));
                    }
                    let response = ui.add(egui::Label::new(rich).wrap());
                    let summary = segment
                        .conflict
                        .and_then(|c| view.summaries.get(c))
                        .or_else(|| finding.and_then(|m| view.finding_summaries.get(m.finding)));
                    let response = match summary {
                        Some(summary) => response.on_hover_text(summary),
                        None => response,
                    };
                    if let Some(target) = scroll
                        && target.variant == side.variant
                        && target.section == view.key.section
                        && target.span.overlaps(segment.span)
                    {
                        response.scroll_to_me(Some(egui::Align::Center));
                    }
                }
            });
        });
}
