//! From a folder on disk to a typed [`Corpus`]: photos, their variants and
//! sources, reference facts, and a problem for every file that could not be
//! read. One module per input format; `load` walks the folder. `add_file`
//! adds to a photo's folder (a caption written from a `caption_draft`, a
//! dropped file copied in), never replacing a file.

mod model;

pub mod add_file;
mod boilerplate;
pub mod caption_draft;
mod caption_junk;
mod embedded;
mod encoding;
mod html_depth;
mod html_page;
pub mod own_report;
mod page_article;
mod page_caption;
#[cfg(test)]
mod page_caption_tests;
mod page_dom;
mod page_json_ld;
pub(crate) mod parsed;
pub mod paths;
mod photo_file;
mod plain_text;
mod published;
mod read;
mod structured;
mod walk;

#[doc(hidden)]
pub mod fuzzing;
pub mod load;
pub mod watch;

pub use model::*;
pub use paths::{shown, shown_path};
