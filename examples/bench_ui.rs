//! Times frames of the real window, headless (egui_kittest's `Harness`, no
//! GPU, no rendering: the CPU work of building each frame), on a folder:
//!
//! ```text
//! cargo run --release --example bench_ui -- FOLDER
//! ```
//!
//! 1. Opens FOLDER and runs frames at about 60 per second while it loads:
//!    prints the worst frame.
//! 2. Selects the photo with the most conflicts and its first conflict (the
//!    conflicts table, the photo list and the variant list at their fullest),
//!    then times 120 frames of the "Compare two" tab and 120 of the
//!    "Alignment of all" tab: mean and worst wall time per frame, and the
//!    process's CPU time per frame (no background job runs then).
//!
//! The harness also updates the accessibility tree every frame, so these
//! figures include work a plain window does only when a screen reader asks.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use caption_provenance::ui::App;
use caption_provenance::ui::app::CenterTab;
use caption_provenance::ui::commands::Command;
use eframe::egui;
use egui_kittest::Harness;

/// CPU time (user + system) this process has used so far, in seconds.
fn cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|stat| {
            let rest = stat
                .rsplit_once(')')?
                .1
                .split_whitespace()
                .collect::<Vec<_>>();
            let user: f64 = rest.get(11)?.parse().ok()?;
            let system: f64 = rest.get(12)?.parse().ok()?;
            Some((user + system) / 100.0)
        })
        .unwrap_or(0.0)
}

/// Mean and worst wall time, and CPU time per frame, over `frames` frames.
fn measure(harness: &mut Harness<'_, App>, frames: u32) -> (Duration, Duration, f64) {
    let (mut total, mut worst) = (Duration::ZERO, Duration::ZERO);
    let cpu = cpu_seconds();
    for _ in 0..frames {
        let started = Instant::now();
        harness.step();
        let took = started.elapsed();
        total += took;
        worst = worst.max(took);
    }
    let cpu_per_frame = (cpu_seconds() - cpu) / f64::from(frames);
    (total / frames, worst, cpu_per_frame)
}

fn main() -> Result<()> {
    let folder = PathBuf::from(std::env::args().nth(1).context("usage: bench_ui FOLDER")?);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .build_eframe(move |cc| App::new(Some(folder), None, Some(cc.egui_ctx.clone())));

    // 1. While the folder loads.
    let started = Instant::now();
    let (mut frames, mut worst) = (0u32, Duration::ZERO);
    loop {
        let frame = Instant::now();
        harness.step();
        worst = worst.max(frame.elapsed());
        frames += 1;
        if !harness.state().is_loading() {
            break;
        }
        if started.elapsed() > Duration::from_secs(600) {
            bail!("the folder did not load in 10 minutes");
        }
        std::thread::sleep(Duration::from_millis(16));
    }
    // The frame that takes the loaded folder in.
    let frame = Instant::now();
    harness.step();
    let first_loaded = frame.elapsed();
    worst = worst.max(first_loaded);
    println!(
        "loading: {frames} frames over {:.2} s, worst frame {:.2} ms (frame that took the folder in: {:.2} ms)",
        started.elapsed().as_secs_f64(),
        worst.as_secs_f64() * 1e3,
        first_loaded.as_secs_f64() * 1e3
    );

    // 2. The largest panels.
    let (photos, busiest) = {
        let session = harness
            .state()
            .session()
            .context("no folder was loaded (see the messages)")?;
        let busiest = session
            .analysis
            .photos
            .iter()
            .enumerate()
            .max_by_key(|(i, a)| (a.conflicts.len(), std::cmp::Reverse(*i)))
            .map_or(0, |(i, _)| i);
        (session.corpus.photos.len(), busiest)
    };
    let app = harness.state_mut();
    app.run_command(Command::SelectPhoto(busiest));
    app.run_command(Command::SelectConflict(0));
    harness.run_steps(10);
    let (mean, worst, cpu) = measure(&mut harness, 120);
    println!(
        "compare tab, {photos} photos loaded: mean {:.2} ms, worst {:.2} ms, cpu {:.2} ms per frame",
        mean.as_secs_f64() * 1e3,
        worst.as_secs_f64() * 1e3,
        cpu * 1e3
    );
    harness
        .state_mut()
        .run_command(Command::ShowTab(CenterTab::Alignment));
    harness.run_steps(10);
    let (mean, worst, cpu) = measure(&mut harness, 120);
    println!(
        "alignment tab, {photos} photos loaded: mean {:.2} ms, worst {:.2} ms, cpu {:.2} ms per frame",
        mean.as_secs_f64() * 1e3,
        worst.as_secs_f64() * 1e3,
        cpu * 1e3
    );
    Ok(())
}
