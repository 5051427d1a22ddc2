//! An in-memory cache of decoded thumbnails, bounded in bytes: when adding
//! one would go over the budget, the least recently used are dropped first.
//! Plain Rust (no egui): the GUI keeps its textures for what is on screen
//! and asks here, or the preview loader, for the pixels.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::Arc;

use super::preview::Thumbnail;

/// What a thumbnail is cached under: the file and the requested long side.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ThumbnailKey {
    pub path: PathBuf,
    pub max_side: u32,
}

struct Entry {
    thumbnail: Arc<Thumbnail>,
    /// When it was last used (a counter, not a clock).
    last_used: u64,
}

/// Least-recently-used thumbnails, at most `capacity_bytes` of pixels.
pub struct ThumbnailCache {
    capacity_bytes: usize,
    used_bytes: usize,
    clock: u64,
    entries: HashMap<ThumbnailKey, Entry>,
    /// `last_used` -> key, oldest first.
    order: BTreeMap<u64, ThumbnailKey>,
}

impl ThumbnailCache {
    /// An empty cache holding at most `capacity_bytes` of pixels.
    pub fn new(capacity_bytes: usize) -> Self {
        ThumbnailCache {
            capacity_bytes,
            used_bytes: 0,
            clock: 0,
            entries: HashMap::new(),
            order: BTreeMap::new(),
        }
    }

    fn tick(&mut self) -> u64 {
        self.clock += 1;
        self.clock
    }

    /// The thumbnail, if cached; marks it as just used.
    pub fn get(&mut self, key: &ThumbnailKey) -> Option<Arc<Thumbnail>> {
        let now = self.tick();
        let entry = self.entries.get_mut(key)?;
        self.order.remove(&entry.last_used);
        entry.last_used = now;
        self.order.insert(now, key.clone());
        Some(Arc::clone(&entry.thumbnail))
    }

    /// Adds (or replaces) a thumbnail, dropping the least recently used
    /// until it fits. A thumbnail larger than the whole budget is not kept.
    pub fn insert(&mut self, key: ThumbnailKey, thumbnail: Arc<Thumbnail>) {
        self.remove(&key);
        let size = thumbnail.byte_size();
        if size > self.capacity_bytes {
            return;
        }
        while self.used_bytes + size > self.capacity_bytes {
            let Some((_, oldest)) = self.order.pop_first() else {
                break;
            };
            if let Some(entry) = self.entries.remove(&oldest) {
                self.used_bytes -= entry.thumbnail.byte_size();
            }
        }
        let now = self.tick();
        self.used_bytes += size;
        self.order.insert(now, key.clone());
        self.entries.insert(
            key,
            Entry {
                thumbnail,
                last_used: now,
            },
        );
    }

    /// Drops one thumbnail, if cached.
    pub fn remove(&mut self, key: &ThumbnailKey) {
        if let Some(entry) = self.entries.remove(key) {
            self.order.remove(&entry.last_used);
            self.used_bytes -= entry.thumbnail.byte_size();
        }
    }

    /// Drops everything (e.g. when another folder is opened).
    pub fn clear(&mut self) {
        self.entries.clear();
        self.order.clear();
        self.used_bytes = 0;
    }

    /// Bytes of pixels held now.
    pub fn used_bytes(&self) -> usize {
        self.used_bytes
    }

    /// How many thumbnails are held.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use image::ImageFormat;

    fn key(name: &str) -> ThumbnailKey {
        ThumbnailKey {
            path: PathBuf::from(name),
            max_side: 64,
        }
    }

    fn thumb(bytes: usize) -> Arc<Thumbnail> {
        Arc::new(Thumbnail {
            width: 1,
            height: 1,
            rgba: vec![0; bytes],
            source_width: 1,
            source_height: 1,
            format: ImageFormat::Png,
            hash: None,
        })
    }

    #[test]
    fn least_recently_used_go_first_and_bytes_stay_bounded() {
        let mut cache = ThumbnailCache::new(100);
        cache.insert(key("a"), thumb(40));
        cache.insert(key("b"), thumb(40));
        assert!(cache.get(&key("a")).is_some()); // a is now newer than b
        cache.insert(key("c"), thumb(40)); // b goes
        assert_eq!(cache.used_bytes(), 80);
        assert!(cache.get(&key("b")).is_none());
        assert!(cache.get(&key("a")).is_some());
        assert!(cache.get(&key("c")).is_some());
        cache.insert(key("d"), thumb(100)); // everything else goes
        assert_eq!((cache.len(), cache.used_bytes()), (1, 100));
        cache.insert(key("e"), thumb(101)); // too large to keep at all
        assert_eq!((cache.len(), cache.used_bytes()), (1, 100));
        assert!(cache.get(&key("e")).is_none());
    }

    #[test]
    fn replacing_and_removing_keep_the_count_right() {
        let mut cache = ThumbnailCache::new(100);
        cache.insert(key("a"), thumb(30));
        cache.insert(key("a"), thumb(50));
        assert_eq!((cache.len(), cache.used_bytes()), (1, 50));
        cache.remove(&key("a"));
        assert_eq!((cache.len(), cache.used_bytes()), (0, 0));
        cache.insert(key("b"), thumb(10));
        cache.clear();
        assert!(cache.is_empty());
        assert_eq!(cache.used_bytes(), 0);
    }
}
