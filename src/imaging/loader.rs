//! A small pool of threads that decode thumbnails in the background, so the
//! UI thread never decodes an image. The GUI sends requests (path, long
//! side, generation) and drains finished previews with `try_recv` each
//! frame; it turns the RGBA pixels into textures itself (no egui here).
//!
//! The newest request is decoded first (what the user looks at now), and
//! `retain_queued` drops queued requests the user has scrolled away from, so
//! a fast scroll through a thousand images does not leave a thousand decodes
//! behind it. Requests carry a generation: after `set_generation`, requests
//! of older generations still queued are skipped (another folder was
//! opened). Finished thumbnails go into a shared byte-bounded cache, and a
//! request that the cache can answer is answered at once. An optional
//! `notify` callback runs after each result is sent (the GUI passes one that
//! wakes the window). Each thumbnail carries the picture's perceptual hash,
//! from the same decode.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Condvar, Mutex};
use std::thread;

use super::cache::{ThumbnailCache, ThumbnailKey};
use super::hash::load_thumbnail_and_hash;
use super::preview::{PreviewError, Thumbnail};

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

/// Requests waiting for a worker, newest first.
#[derive(Default)]
struct Queue {
    waiting: VecDeque<Request>,
    closed: bool,
}

/// What the workers share with the loader.
struct Shared {
    queue: Mutex<Queue>,
    wake: Condvar,
    generation: AtomicU64,
    cache: Mutex<ThumbnailCache>,
    notify: Option<Notify>,
    /// The pool the JPEG decoder spreads an image's rows over. Its own, so
    /// that a busy global pool (a report or an examination of a thousand
    /// images) never holds up the thumbnails on screen.
    decode_pool: Option<rayon::ThreadPool>,
}

/// Called after each result is sent.
pub type Notify = Box<dyn Fn() + Send + Sync>;

/// The background pool.
pub struct PreviewLoader {
    shared: Arc<Shared>,
    results: Receiver<PreviewResult>,
    results_sender: Sender<PreviewResult>,
}

/// The default cache budget: 256 MiB of RGBA pixels.
pub const DEFAULT_CACHE_BYTES: usize = 256 * 1024 * 1024;

impl PreviewLoader {
    /// Starts `threads` workers (at least one) with a cache of `cache_bytes`.
    pub fn new(threads: usize, cache_bytes: usize) -> Self {
        Self::with_notify(threads, cache_bytes, None)
    }

    /// Like `new`, calling `notify` after each result is sent.
    pub fn with_notify(threads: usize, cache_bytes: usize, notify: Option<Notify>) -> Self {
        let (results_sender, results) = channel();
        let shared = Arc::new(Shared {
            queue: Mutex::new(Queue::default()),
            wake: Condvar::new(),
            generation: AtomicU64::new(0),
            cache: Mutex::new(ThumbnailCache::new(cache_bytes)),
            notify,
            decode_pool: rayon::ThreadPoolBuilder::new()
                .num_threads(threads.max(1))
                .thread_name(|index| format!("preview-decode-{index}"))
                .build()
                .ok(),
        });
        for index in 0..threads.max(1) {
            let shared = Arc::clone(&shared);
            let results = results_sender.clone();
            // A worker that cannot be started leaves the others to do the work.
            let _ = thread::Builder::new()
                .name(format!("preview-{index}"))
                .spawn(move || work(&shared, &results));
        }
        PreviewLoader {
            shared,
            results,
            results_sender,
        }
    }

    /// Asks for a thumbnail of at most `max_side` px; the answer comes
    /// through `try_recv` (at once if the cache holds it).
    pub fn request(&self, path: &Path, max_side: u32, generation: u64) {
        let key = ThumbnailKey {
            path: path.to_path_buf(),
            max_side,
        };
        let cached = self.shared.cache.lock().ok().and_then(|mut c| c.get(&key));
        if let Some(thumbnail) = cached {
            let _ = self.results_sender.send(PreviewResult {
                path: key.path,
                max_side,
                generation,
                thumbnail: Ok(thumbnail),
            });
            if let Some(notify) = &self.shared.notify {
                notify();
            }
            return;
        }
        if let Ok(mut queue) = self.shared.queue.lock() {
            queue.waiting.push_front(Request {
                path: key.path,
                max_side,
                generation,
            });
            self.shared.wake.notify_one();
        }
    }

    /// Drops the queued (not yet started) requests for which `keep(path,
    /// max_side)` is false; returns how many were dropped.
    pub fn retain_queued(&self, mut keep: impl FnMut(&Path, u32) -> bool) -> usize {
        let Ok(mut queue) = self.shared.queue.lock() else {
            return 0;
        };
        let before = queue.waiting.len();
        queue.waiting.retain(|r| keep(&r.path, r.max_side));
        before - queue.waiting.len()
    }

    /// Requests waiting for a worker.
    pub fn queued(&self) -> usize {
        self.shared.queue.lock().map_or(0, |q| q.waiting.len())
    }

    /// From now on, queued requests older than `generation` are skipped.
    pub fn set_generation(&self, generation: u64) {
        self.shared.generation.store(generation, Ordering::SeqCst);
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
        self.shared
            .cache
            .lock()
            .map(|c| c.used_bytes())
            .unwrap_or(0)
    }

    /// Empties the cache (e.g. after a reload, when files may have changed).
    pub fn clear_cache(&self) {
        if let Ok(mut cache) = self.shared.cache.lock() {
            cache.clear();
        }
    }
}

impl Drop for PreviewLoader {
    /// Closes the queue; workers finish their current image and stop. They
    /// are not joined, so dropping never waits for a slow decode.
    fn drop(&mut self) {
        if let Ok(mut queue) = self.shared.queue.lock() {
            queue.closed = true;
            queue.waiting.clear();
        }
        self.shared.wake.notify_all();
    }
}

fn next_request(shared: &Shared) -> Option<Request> {
    let mut queue = shared.queue.lock().ok()?;
    loop {
        if queue.closed {
            return None;
        }
        if let Some(request) = queue.waiting.pop_front() {
            return Some(request);
        }
        queue = shared.wake.wait(queue).ok()?;
    }
}

fn work(shared: &Shared, results: &Sender<PreviewResult>) {
    while let Some(request) = next_request(shared) {
        if request.generation < shared.generation.load(Ordering::SeqCst) {
            continue;
        }
        let load = || load_thumbnail_and_hash(&request.path, request.max_side);
        let thumbnail = match &shared.decode_pool {
            Some(pool) => pool.install(load),
            None => load(),
        }
        .map(Arc::new);
        if let Ok(thumbnail) = &thumbnail
            && let Ok(mut cache) = shared.cache.lock()
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
        if let Some(notify) = &shared.notify {
            notify();
        }
    }
}
