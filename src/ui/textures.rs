//! The image panel's textures: thumbnails asked of `imaging::PreviewLoader`
//! (a background pool with a byte-bounded cache), uploaded as textures when
//! they arrive, and let go of when they leave the screen (the few most
//! recently drawn are kept, so scrolling back does not flicker). Requests for
//! images scrolled away before their turn are dropped from the pool's queue.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use eframe::egui;

use crate::imaging::hash::PhotoHash;
use crate::imaging::loader::{DEFAULT_CACHE_BYTES, Notify, PreviewLoader};

/// Textures kept beyond those drawn this frame.
const SPARE_TEXTURES: usize = 24;
/// Finished thumbnails turned into textures per frame (each upload costs
/// the frame a copy of its pixels).
const UPLOADS_PER_FRAME: usize = 8;
/// Threads decoding thumbnails.
const DECODE_THREADS: usize = 2;

/// A texture wanted at one size.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TextureKey {
    pub path: PathBuf,
    pub side: u32,
}

enum Slot {
    Requested,
    Ready {
        texture: egui::TextureHandle,
        source_size: [u32; 2],
        last_drawn: u64,
        hash: Option<PhotoHash>,
    },
    Failed(String),
}

/// The textures, the pool, and what was drawn this frame.
pub struct Textures {
    loader: PreviewLoader,
    generation: u64,
    slots: HashMap<TextureKey, Slot>,
    frame: u64,
    drawn: HashSet<TextureKey>,
}

impl Textures {
    /// A store whose pool wakes `repaint` when a thumbnail is ready.
    pub fn new(repaint: Option<egui::Context>) -> Textures {
        let notify = repaint.map(|ctx| Box::new(move || ctx.request_repaint()) as Notify);
        Textures {
            loader: PreviewLoader::with_notify(DECODE_THREADS, DEFAULT_CACHE_BYTES, notify),
            generation: 0,
            slots: HashMap::new(),
            frame: 0,
            drawn: HashSet::new(),
        }
    }

    /// Forgets every texture and cached thumbnail (files may have changed);
    /// queued decodes are skipped.
    pub fn clear(&mut self) {
        self.generation += 1;
        self.loader.set_generation(self.generation);
        self.loader.clear_cache();
        self.slots.clear();
    }

    /// Starts a frame: takes in the thumbnails that arrived.
    pub fn begin_frame(&mut self, ctx: &egui::Context) {
        self.frame += 1;
        self.drawn.clear();
        self.take_thumbnails(ctx);
    }

    /// Ends a frame: lets go of what was not drawn.
    pub fn end_frame(&mut self) {
        self.let_go_of_unseen();
    }

    /// Textures held.
    pub fn count(&self) -> usize {
        self.slots
            .values()
            .filter(|s| matches!(s, Slot::Ready { .. }))
            .count()
    }

    /// Thumbnails asked for and not yet arrived.
    pub fn pending(&self) -> usize {
        self.slots
            .values()
            .filter(|s| matches!(s, Slot::Requested))
            .count()
    }

    /// The texture of `path` at `side`, asking the loader for it if needed;
    /// marks it drawn this frame.
    pub fn texture(
        &mut self,
        path: &Path,
        side: u32,
    ) -> Result<Option<egui::TextureHandle>, String> {
        let key = TextureKey {
            path: path.to_path_buf(),
            side,
        };
        self.drawn.insert(key.clone());
        match self.slots.get_mut(&key) {
            Some(Slot::Ready {
                texture,
                last_drawn,
                ..
            }) => {
                *last_drawn = self.frame;
                Ok(Some(texture.clone()))
            }
            Some(Slot::Failed(reason)) => Err(reason.clone()),
            Some(Slot::Requested) => Ok(None),
            None => {
                self.loader.request(path, side, self.generation);
                self.slots.insert(key, Slot::Requested);
                Ok(None)
            }
        }
    }

    /// The hashes that came with the thumbnails held (paths relative to
    /// `root`): distances show before the whole photo is examined.
    pub fn known_hashes(&self, root: &Path) -> Vec<(PathBuf, PhotoHash)> {
        self.slots
            .iter()
            .filter_map(|(key, slot)| match slot {
                Slot::Ready {
                    hash: Some(hash), ..
                } => Some((
                    key.path.strip_prefix(root).ok()?.to_path_buf(),
                    hash.clone(),
                )),
                _ => None,
            })
            .collect()
    }

    /// The full picture's size, once its thumbnail at `side` arrived.
    pub fn source_size(&self, path: &Path, side: u32) -> Option<[u32; 2]> {
        let key = TextureKey {
            path: path.to_path_buf(),
            side,
        };
        match self.slots.get(&key) {
            Some(Slot::Ready { source_size, .. }) => Some(*source_size),
            _ => None,
        }
    }

    /// Turns finished thumbnails into textures, a few per frame (the pool
    /// wakes the window for each one it finishes).
    fn take_thumbnails(&mut self, ctx: &egui::Context) {
        for uploaded in 0..=UPLOADS_PER_FRAME {
            if uploaded == UPLOADS_PER_FRAME {
                ctx.request_repaint(); // the rest next frame
                return;
            }
            let Some(result) = self.loader.try_recv() else {
                return;
            };
            if result.generation != self.generation {
                continue;
            }
            let key = TextureKey {
                path: result.path,
                side: result.max_side,
            };
            if !matches!(self.slots.get(&key), Some(Slot::Requested)) {
                continue; // scrolled away meanwhile; the loader's cache keeps it
            }
            let slot = match result.thumbnail {
                Ok(thumbnail) => Slot::Ready {
                    texture: ctx.load_texture(
                        format!("{}@{}", key.path.display(), key.side),
                        egui::ColorImage::from_rgba_unmultiplied(
                            [thumbnail.width as usize, thumbnail.height as usize],
                            &thumbnail.rgba,
                        ),
                        egui::TextureOptions::LINEAR,
                    ),
                    source_size: [thumbnail.source_width, thumbnail.source_height],
                    last_drawn: self.frame,
                    hash: thumbnail.hash.clone(),
                },
                Err(error) => Slot::Failed(error.to_string()),
            };
            self.slots.insert(key, slot);
        }
    }

    /// Drops textures and queued decodes for images no longer on screen,
    /// keeping the `SPARE_TEXTURES` most recently drawn.
    fn let_go_of_unseen(&mut self) {
        let drawn = &self.drawn;
        self.loader.retain_queued(|path, side| {
            drawn.contains(&TextureKey {
                path: path.to_path_buf(),
                side,
            })
        });
        let mut unseen: Vec<(u64, TextureKey)> = self
            .slots
            .iter()
            .filter(|(key, _)| !drawn.contains(*key))
            .filter_map(|(key, slot)| match slot {
                Slot::Ready { last_drawn, .. } => Some((*last_drawn, key.clone())),
                Slot::Requested | Slot::Failed(_) => None,
            })
            .collect();
        self.slots
            .retain(|key, slot| !matches!(slot, Slot::Requested) || drawn.contains(key));
        unseen.sort_by_key(|(last_drawn, _)| std::cmp::Reverse(*last_drawn));
        for (_, key) in unseen.into_iter().skip(SPARE_TEXTURES) {
            self.slots.remove(&key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs frames drawing `paths` until none is pending.
    fn draw_until_ready(textures: &mut Textures, ctx: &egui::Context, paths: &[PathBuf]) {
        for _ in 0..2000 {
            textures.begin_frame(ctx);
            for path in paths {
                let _ = textures.texture(path, 64);
            }
            textures.end_frame();
            if textures.pending() == 0 {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }

    #[test]
    fn only_what_was_drawn_lately_keeps_a_texture() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        let paths: Vec<PathBuf> = (0..40u8)
            .map(|i| {
                let path = dir.path().join(format!("{i}.png"));
                image::RgbImage::from_pixel(80, 60, image::Rgb([i, 0, 0])).save(&path)?;
                Ok(path)
            })
            .collect::<Result<_, image::ImageError>>()?;
        let ctx = egui::Context::default();
        let mut textures = Textures::new(None);
        let (first, rest) = paths.split_at(30);
        draw_until_ready(&mut textures, &ctx, first);
        assert_eq!((textures.count(), textures.pending()), (30, 0));
        assert_eq!(textures.source_size(&paths[0], 64), Some([80, 60]));
        assert!(textures.known_hashes(dir.path()).len() == 30);

        // One image drawn: it and the most recent spares stay.
        draw_until_ready(&mut textures, &ctx, &paths[..1]);
        assert_eq!(textures.count(), 1 + SPARE_TEXTURES);

        // Asked for, then scrolled away before they arrived: forgotten.
        textures.begin_frame(&ctx);
        for path in rest {
            let _ = textures.texture(path, 64);
        }
        textures.end_frame();
        textures.begin_frame(&ctx);
        textures.end_frame();
        assert_eq!(textures.pending(), 0);
        Ok(())
    }
}
