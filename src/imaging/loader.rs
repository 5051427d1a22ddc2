//! A small pool of threads that decode thumbnails in the background, so the
//! UI thread never decodes an image. The GUI sends requests (path, long
//! side, generation) and drains finished previews with `try_recv` each
//! frame; it turns the RGBA pixels into textures itself (no egui here).
//!
//! Requests carry a generation: after `set_generation`, requests of older
//! generations still queued are skipped, not decoded (the user opened
//! another folder). Finished thumbnails go into a shared byte-bounded cache,
//! and a request that the cache can answer is answered at once.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::thread;

use super::cache::{ThumbnailCache, ThumbnailKey};
use super::preview::{PreviewError, Thumbnail, load_thumbnail};

/// A finished request.
#[derive(Debug, Clone)]
pub struct PreviewResult {
    pub path: PathBuf,
    pub max_side: u32,
    pub generation: u64,
    pub thumbnail: Result<Arc<Thumbnail>, PreviewError>,
}

struct Request {
    path: PathBuf,
    max_side: u32,
    generation: u64,
}

/// The background pool.
pub struct PreviewLoader {
    requests: Option<Sender<Request>>,
    results: Receiver<PreviewResult>,
    results_sender: Sender<PreviewResult>,
    generation: Arc<AtomicU64>,
    cache: Arc<Mutex<ThumbnailCache>>,
    workers: Vec<thread::JoinHandle<()>>,
}

/// The default cache budget: 256 MiB of RGBA pixels.
pub const DEFAULT_CACHE_BYTES: usize = 256 * 1024 * 1024;

impl PreviewLoader {
    /// Starts `threads` workers (at least one) with a cache of `cache_bytes`.
    pub fn new(threads: usize, cache_bytes: usize) -> Self {
        let (requests, queue) = channel::<Request>();
        let queue = Arc::new(Mutex::new(queue));
        let (results_sender, results) = channel();
        let generation = Arc::new(AtomicU64::new(0));
        let cache = Arc::new(Mutex::new(ThumbnailCache::new(cache_bytes)));
        let workers = (0..threads.max(1))
            .filter_map(|index| {
                let queue = Arc::clone(&queue);
                let results = results_sender.clone();
                let generation = Arc::clone(&generation);
                let cache = Arc::clone(&cache);
                thread::Builder::new()
                    .name(format!("preview-{index}"))
                    .spawn(move || work(&queue, &results, &generation, &cache))
                    .ok()
            })
            .collect();
        PreviewLoader {
            requests: Some(requests),
            results,
            results_sender,
            generation,
            cache,
            workers,
        }
    }

    /// Asks for a thumbnail of at most `max_side` px; the answer comes
    /// through `try_recv` (at once if the cache holds it).
    pub fn request(&self, path: &Path, max_side: u32, generation: u64) {
        let key = ThumbnailKey {
            path: path.to_path_buf(),
            max_side,
        };
        let cached = self.cache.lock().ok().and_then(|mut cache| cache.get(&key));
        if let Some(thumbnail) = cached {
            let _ = self.results_sender.send(PreviewResult {
                path: key.path,
                max_side,
                generation,
                thumbnail: Ok(thumbnail),
            });
            return;
        }
        if let Some(requests) = &self.requests {
            let _ = requests.send(Request {
                path: key.path,
                max_side,
                generation,
            });
        }
    }

    /// From now on, queued requests older than `generation` are skipped.
    pub fn set_generation(&self, generation: u64) {
        self.generation.store(generation, Ordering::SeqCst);
    }

    /// A finished preview, if one is ready.
    pub fn try_recv(&self) -> Option<PreviewResult> {
        self.results.try_recv().ok()
    }

    /// Waits for the next finished preview (for tests and the command line).
    pub fn recv(&self) -> Option<PreviewResult> {
        self.results.recv().ok()
    }

    /// Bytes of pixels the cache holds now.
    pub fn cached_bytes(&self) -> usize {
        self.cache.lock().map(|c| c.used_bytes()).unwrap_or(0)
    }

    /// Empties the cache (e.g. after a reload, when files may have changed).
    pub fn clear_cache(&self) {
        if let Ok(mut cache) = self.cache.lock() {
            cache.clear();
        }
    }
}

impl Drop for PreviewLoader {
    /// Closes the queue; workers finish their current image and stop. They
    /// are not joined, so dropping never waits for a slow decode.
    fn drop(&mut self) {
        self.requests = None;
        self.workers.clear();
    }
}

fn work(
    queue: &Mutex<Receiver<Request>>,
    results: &Sender<PreviewResult>,
    generation: &AtomicU64,
    cache: &Mutex<ThumbnailCache>,
) {
    loop {
        let request = match queue.lock() {
            Ok(queue) => queue.recv(),
            Err(_) => return,
        };
        let Ok(request) = request else {
            return; // the loader is gone
        };
        if request.generation < generation.load(Ordering::SeqCst) {
            continue;
        }
        let thumbnail = load_thumbnail(&request.path, request.max_side).map(Arc::new);
        if let Ok(thumbnail) = &thumbnail
            && let Ok(mut cache) = cache.lock()
        {
            let key = ThumbnailKey {
                path: request.path.clone(),
                max_side: request.max_side,
            };
            cache.insert(key, Arc::clone(thumbnail));
        }
        let sent = results.send(PreviewResult {
            path: request.path,
            max_side: request.max_side,
            generation: request.generation,
            thumbnail,
        });
        if sent.is_err() {
            return;
        }
    }
}
