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
use super::highlight::{
    DiffMark, FindingMark, Segment, Side, claim_spans, conflict_spans, diff_marks, finding_spans,
    segments,
};
use super::palette::{Palette, Strength};
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

/// A span a finding marks in the compare view: every side of a conflict,
/// and the odd (or undecided) words of another finding.
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
        let spans = finding_spans(&analysis, view.variant, key.section);
        let is_conflict = |m: &FindingMark| {
            analysis
                .findings
                .get(m.finding)
                .is_some_and(|f| f.conflict.is_some())
        };
        // A conflict's every side, then the odd (or undecided) words of
        // the other findings.
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
    let palette = Palette::of(ui.visuals().dark_mode);
    // Each item whole on one line; the row wraps between items.
    let item = |ui: &mut egui::Ui, text: egui::RichText| ui.add(egui::Label::new(text).extend());
    ui.horizontal_wrapped(|ui| {
        ui.label("Legend:");
        item(
            ui,
            egui::RichText::new("only on the left")
                .color(palette.text)
                .background_color(palette.removed),
        );
        item(
            ui,
            egui::RichText::new("only on the right")
                .color(palette.text)
                .background_color(palette.added),
        );
        item(ui, egui::RichText::new("a claim").underline());
        item(ui, marked(&palette, "the odd one out", Strength::Odd)).on_hover_text(
            "What a finding calls wrong, against the reference or the independent majority",
        );
        item(
            ui,
            marked(&palette, "agrees with the others", Strength::Agrees),
        )
        .on_hover_text("The value the majority or the reference holds");
        item(ui, marked(&palette, "undecided", Strength::Undecided)).on_hover_text(
            "The sides disagree, and too few independent outlets say which one is wrong",
        );
    });
}

/// `text` in a finding's mark: the odd one and the undecided in bold on
/// their fill, the agreeing underlined on a calm one.
pub(super) fn marked(
    palette: &Palette,
    text: impl Into<String>,
    strength: Strength,
) -> egui::RichText {
    styled(palette, egui::RichText::new(text), strength)
}

fn styled(palette: &Palette, rich: egui::RichText, strength: Strength) -> egui::RichText {
    let (fill, color) = palette.mark(strength);
    let rich = rich.color(color).background_color(fill);
    match strength {
        Strength::Agrees => rich.underline(),
        Strength::Odd | Strength::Undecided => rich.strong(),
    }
}

fn side_ui(
    ui: &mut egui::Ui,
    view: &CompareView,
    side: &SideView,
    which: Side,
    scroll: Option<Location>,
) {
    // One line, cut with "…" in a narrow column (a wrapped heading in the
    // column's justified layout is spread letter by letter).
    ui.add(egui::Label::new(egui::RichText::new(&side.outlet).heading()).truncate());
    if !side.has_section {
        ui.label(egui::RichText::new("This variant has no such section.").italics());
        return;
    }
    let palette = Palette::of(ui.visuals().dark_mode);
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
                    let mut rich = egui::RichText::new(text).size(16.0).color(palette.text);
                    rich = match segment.diff {
                        DiffMark::Removed => rich.background_color(palette.removed),
                        DiffMark::Added => rich.background_color(palette.added),
                        DiffMark::Same | DiffMark::Unmarked => rich,
                    };
                    if segment.claim {
                        rich = rich.underline();
                    }
                    let finding = segment.finding;
                    // A conflict's claim no finding marks (none should be)
                    // shows as undecided rather than as wrong.
                    let strength = finding
                        .map(|m| m.strength)
                        .or(segment.conflict.map(|_| Strength::Undecided));
                    if let Some(strength) = strength {
                        rich = styled(&palette, rich, strength);
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
