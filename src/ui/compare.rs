//! Two variants side by side: pickers and a swap button, the section shown,
//! and each text drawn as styled segments (word diff, claims underlined, and
//! every finding's spans with who says what on hover: the odd one out
//! loudly, the words the majority or the reference writes calmly, the sides
//! of an undecided finding as undecided; colours in `palette`).
//!
//! The view is computed once per (folder load, selection, options) and kept;
//! drawing a frame only walks the cached segments.

use eframe::egui;

use crate::analysis::diff::{DiffOptions, diff_variants};
use crate::analysis::{FindingKind, Location, Span};
use crate::corpus::Section;

use super::commands::Command;
use super::compare_text::{SideMarks, legend_ui, side_ui};
use super::evidence_steps::{Difference, Flash, Flashed, differences, side_span, step};
use super::highlight::{
    FindingMark, Segment, Side, claim_spans, conflict_spans, diff_marks, finding_spans, segments,
};
use super::palette::Strength;
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

/// A span a finding marks in the compare view: every side of a conflict or
/// a swap, and the odd (or undecided) words of another finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HighlightedSpan {
    pub kind: FindingKind,
    /// How strongly it is marked: only the odd one out is [`Strength::Odd`].
    pub strength: Strength,
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
    /// Every marked span on either side, left side first: the sides of
    /// conflicts, then the odd (or undecided) words of other findings.
    pub highlighted: Vec<HighlightedSpan>,
    /// Conflict summaries by conflict index, for hover texts.
    pub(super) summaries: Vec<String>,
    /// Finding summaries by finding index, for hover texts.
    pub(super) finding_summaries: Vec<String>,
    /// The word diff's differences in reading order (F7 steps through them).
    pub differences: Vec<Difference>,
}

/// The compare tab and its cache.
#[derive(Default)]
pub struct ComparePanel {
    view: Option<CompareView>,
    computations: usize,
    last_scroll: Option<Location>,
    /// The difference F7 / Shift+F7 last reached, in this view.
    difference: Option<usize>,
    /// A difference to bring into view on the next frame.
    pending_difference: Option<Difference>,
    /// What was last scrolled to, flashed for a moment.
    flash: Option<Flash>,
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

    /// The difference F7 / Shift+F7 last reached.
    pub fn current_difference(&self) -> Option<usize> {
        self.difference
    }

    /// What is flashed (or was last flashed).
    pub fn flash(&self) -> Option<&Flash> {
        self.flash.as_ref()
    }

    /// Goes `delta` differences from the current one (round at the ends)
    /// and brings it into view on both sides.
    pub fn step_difference(&mut self, delta: isize) {
        let Some(view) = &self.view else {
            return;
        };
        let Some(index) = step(self.difference, view.differences.len(), delta) else {
            return;
        };
        self.difference = Some(index);
        self.pending_difference = view.differences.get(index).copied();
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
        self.difference = None;
        self.pending_difference = None;
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
        let now = ui.input(|i| i.time);
        if let Some(target) = scroll {
            self.last_scroll = scroll;
            self.flash = Some(Flash {
                spans: vec![Flashed {
                    variant: target.variant,
                    section: target.section,
                    span: target.span,
                }],
                since: now,
            });
        }
        let difference = self.pending_difference.take();
        if let (Some(d), Some(view)) = (difference, &self.view) {
            let spans = [(view.left.variant, d.left), (view.right.variant, d.right)];
            self.flash = Some(Flash {
                spans: spans
                    .iter()
                    .filter_map(|&(variant, span)| {
                        span.map(|span| Flashed {
                            variant,
                            section: view.key.section,
                            span,
                        })
                    })
                    .collect(),
                since: now,
            });
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
            ui.separator();
            let steps = [
                (
                    "< finding",
                    "Shift+F8: the previous finding",
                    Command::StepFinding(-1),
                ),
                ("finding >", "F8: the next finding", Command::StepFinding(1)),
                (
                    "< difference",
                    "Shift+F7: the previous difference",
                    Command::StepDifference(-1),
                ),
                (
                    "difference >",
                    "F7: the next difference",
                    Command::StepDifference(1),
                ),
            ];
            for (text, hover, command) in steps {
                if ui.button(text).on_hover_text(hover).clicked() {
                    commands.push(command);
                }
            }
        });
        legend_ui(ui);
        ui.separator();
        let Some(view) = &self.view else {
            return;
        };
        let flash = self.flash.as_ref().filter(|f| f.strength(now) > 0.0);
        if flash.is_some() {
            ui.ctx().request_repaint();
        }
        let marks = |side: &SideView, which: Side| SideMarks {
            scroll: scroll
                .filter(|t| t.variant == side.variant && t.section == view.key.section)
                .map(|t| t.span)
                .or_else(|| difference.and_then(|d| side_span(&d, which))),
            flashed: flash
                .map(|f| {
                    f.spans
                        .iter()
                        .filter(|s| s.variant == side.variant && s.section == view.key.section)
                        .map(|s| s.span)
                        .collect()
                })
                .unwrap_or_default(),
            flash: flash.map_or(0.0, |f| f.strength(now)),
        };
        let (left_marks, right_marks) = (
            marks(&view.left, Side::Left),
            marks(&view.right, Side::Right),
        );
        ui.columns(2, |columns| {
            if let [left, right] = columns {
                side_ui(left, view, &view.left, Side::Left, &left_marks);
                side_ui(right, view, &view.right, Side::Right, &right_marks);
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
        let spans = finding_spans(&analysis, view.variant, key.section);
        let is_conflict = |m: &FindingMark| {
            analysis
                .findings
                .get(m.finding)
                .is_some_and(|f| f.conflict.is_some() || f.kind == FindingKind::Swap)
        };
        // A conflict's (or a swap's) every side, then the odd (or
        // undecided) words of the other findings.
        let conflicts = spans.iter().filter(|(_, m)| is_conflict(m));
        let others = spans
            .iter()
            .filter(|(_, m)| m.strength != Strength::Agrees && !is_conflict(m));
        for (span, mark) in conflicts.chain(others) {
            let Some(f) = analysis.findings.get(mark.finding) else {
                continue;
            };
            let spot = HighlightedSpan {
                kind: f.kind,
                strength: mark.strength,
                side: which,
                variant: view.variant,
                outlet: view.outlet.clone(),
                section: key.section,
                span: *span,
                text: span.slice(&view.text).to_owned(),
                conflict_key: f.key.clone(),
                summary: f.summary.clone(),
            };
            if !highlighted.contains(&spot) {
                highlighted.push(spot);
            }
        }
    }
    Some(CompareView {
        key,
        left,
        right,
        highlighted,
        differences: differences(&diff),
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
