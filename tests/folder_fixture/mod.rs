//! Captions folders built at test time: write files by relative path, load
//! the folder as the window and the command line do.
#![allow(dead_code)] // each test binary uses its own part

use std::fs;
use std::path::Path;
use std::sync::atomic::AtomicBool;

use caption_provenance::corpus::Corpus;
use caption_provenance::corpus::load::load_folder;

/// Loads `root`, with no progress and no cancel.
pub fn load(root: &Path) -> Result<Corpus, Box<dyn std::error::Error>> {
    let cancel = AtomicBool::new(false);
    Ok(load_folder(root, &|_| {}, &cancel)?)
}

/// Writes `bytes` at `relative` under `root`, making the folders on the way.
pub fn write(root: &Path, relative: &str, bytes: &[u8]) -> std::io::Result<()> {
    let path = root.join(relative);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    fs::write(path, bytes)
}
