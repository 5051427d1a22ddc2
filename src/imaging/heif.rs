//! HEIC/HEIF and AVIF (ISO base media file format, ISO/IEC 14496-12 and
//! 23008-12): the EXIF and XMP items of the file's `meta` box. No pixels
//! are decoded here (the app has no HEVC or AV1 decoder); the metadata is
//! read all the same.
//!
//! The walk: `ftyp` (a brand of the family), then `meta` (a full box) and in
//! it `iinf` (item infos: which item is `Exif`, which is a `mime` item of
//! type `application/rdf+xml`), `iloc` (where each item's bytes are: extents
//! in the file, or in the `idat` box) and `idat`. Every size, offset and
//! count is checked against the bytes; an item is read only while the sum
//! of its extents stays under `MAX_ITEM_BYTES`.

/// The most bytes one metadata item may take (EXIF is limited to 64 KiB in
/// a JPEG; a HEIC's EXIF with its thumbnail rarely reaches 100 KiB).
const MAX_ITEM_BYTES: usize = 8 * 1024 * 1024;
/// The most items and extents we look at.
const MAX_ITEMS: usize = 4096;
const MAX_EXTENTS: usize = 64;

/// The brands of `ftyp` that mean an image of this family.
const BRANDS: &[&[u8; 4]] = &[
    b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"mif2", b"avif",
    b"avis", b"avio",
];

/// The metadata items of a HEIF or AVIF file, each as its bytes.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct HeifMetadata {
    /// TIFF structures (the `Exif` items, their offset header removed).
    pub exif: Vec<Vec<u8>>,
    /// XMP packets.
    pub xmp: Vec<Vec<u8>>,
}

/// Whether the bytes start with an `ftyp` box of a HEIF or AVIF brand
/// (major or compatible).
pub fn is_heif(bytes: &[u8]) -> bool {
    let Some(ftyp) = boxes(bytes).next() else {
        return false;
    };
    ftyp.kind == *b"ftyp"
        && ftyp
            .body
            .chunks_exact(4)
            .enumerate()
            // Major brand, minor version (skipped), compatible brands.
            .filter(|(i, _)| *i != 1)
            .any(|(_, brand)| BRANDS.iter().any(|b| b.as_slice() == brand))
}

/// Whether the file is an AVIF (its major brand), for naming it.
pub fn is_avif(bytes: &[u8]) -> bool {
    boxes(bytes)
        .next()
        .is_some_and(|b| b.kind == *b"ftyp" && b.body.get(..4) == Some(b"avif".as_slice()))
}

/// One box: its type and body (after the header).
#[derive(Debug, Clone, Copy)]
struct IsoBox<'a> {
    kind: [u8; 4],
    body: &'a [u8],
}

/// The boxes laid end to end in `bytes`, stopping at the first whose size
/// does not fit.
fn boxes(bytes: &[u8]) -> impl Iterator<Item = IsoBox<'_>> {
    let mut rest = bytes;
    std::iter::from_fn(move || {
        let size = u32::from_be_bytes(rest.get(..4)?.try_into().ok()?);
        let kind: [u8; 4] = rest.get(4..8)?.try_into().ok()?;
        let (header, total) = match size {
            0 => (8, rest.len()),
            1 => {
                let large = u64::from_be_bytes(rest.get(8..16)?.try_into().ok()?);
                (16, usize::try_from(large).ok()?)
            }
            n => (8, usize::try_from(n).ok()?),
        };
        if total < header {
            return None;
        }
        let body = rest.get(header..total)?;
        rest = rest.get(total..)?;
        Some(IsoBox { kind, body })
    })
}

fn child<'a>(body: &'a [u8], kind: &[u8; 4]) -> Option<&'a [u8]> {
    boxes(body).find(|b| &b.kind == kind).map(|b| b.body)
}

/// A cursor over big-endian fields that fails (None) past the end.
struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, pos: 0 }
    }

    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let out = self.bytes.get(self.pos..self.pos.checked_add(n)?)?;
        self.pos += n;
        Some(out)
    }

    /// An unsigned integer of 0, 2, 4 or 8 bytes (0 reads as 0).
    fn uint(&mut self, n: usize) -> Option<u64> {
        Some(
            self.take(n)?
                .iter()
                .fold(0u64, |acc, &b| (acc << 8) | u64::from(b)),
        )
    }

    fn u8(&mut self) -> Option<u8> {
        self.take(1)?.first().copied()
    }

    fn u16(&mut self) -> Option<u16> {
        u16::try_from(self.uint(2)?).ok()
    }

    fn u32(&mut self) -> Option<u32> {
        u32::try_from(self.uint(4)?).ok()
    }

    /// A NUL-terminated string.
    fn string(&mut self) -> Option<&'a [u8]> {
        let rest = self.bytes.get(self.pos..)?;
        let end = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
        self.pos += (end + 1).min(rest.len());
        rest.get(..end)
    }
}

/// What an item holds, for our purposes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ItemKind {
    Exif,
    Xmp,
}

/// The items of interest listed by `iinf`: (item id, kind).
fn item_infos(iinf: &[u8]) -> Vec<(u32, ItemKind)> {
    let mut reader = Reader::new(iinf);
    let Some(version) = reader.u8() else {
        return Vec::new();
    };
    let count_size = if version == 0 { 2 } else { 4 };
    if reader
        .take(3)
        .and_then(|_| reader.uint(count_size))
        .is_none()
    {
        return Vec::new();
    }
    let entries = iinf.get(reader.pos..).unwrap_or_default();
    boxes(entries)
        .filter(|b| b.kind == *b"infe")
        .take(MAX_ITEMS)
        .filter_map(|infe| {
            let mut r = Reader::new(infe.body);
            let version = r.u8()?;
            r.take(3)?;
            if version < 2 {
                return None; // no item type before version 2
            }
            let id = if version == 2 {
                u32::from(r.u16()?)
            } else {
                r.u32()?
            };
            r.u16()?; // protection index
            let kind = r.take(4)?;
            r.string()?; // item name
            match kind {
                b"Exif" => Some((id, ItemKind::Exif)),
                b"mime" if r.string()? == b"application/rdf+xml" => Some((id, ItemKind::Xmp)),
                _ => None,
            }
        })
        .collect()
}

/// Where an item's bytes are: offsets and lengths in the file
/// (construction method 0) or in `idat` (1).
struct Location {
    in_idat: bool,
    extents: Vec<(u64, u64)>,
}

/// The locations listed by `iloc`, for the ids wanted.
fn locations(iloc: &[u8], wanted: &[u32]) -> Vec<(u32, Location)> {
    let mut found = Vec::new();
    let mut r = Reader::new(iloc);
    let Some(version) = r.u8() else {
        return found;
    };
    let sizes = r.take(3).and_then(|_| r.take(2));
    let Some(&[a, b]) = sizes else {
        return found;
    };
    let (offset_size, length_size) = (usize::from(a >> 4), usize::from(a & 0xF));
    let base_size = usize::from(b >> 4);
    let index_size = if version >= 1 {
        usize::from(b & 0xF)
    } else {
        0
    };
    let valid = |n: usize| matches!(n, 0 | 4 | 8);
    if !(valid(offset_size) && valid(length_size) && valid(base_size) && valid(index_size)) {
        return found;
    }
    let count = if version < 2 {
        r.u16().map(u32::from)
    } else {
        r.u32()
    };
    let Some(count) = count else {
        return found;
    };
    for _ in 0..count.min(MAX_ITEMS as u32) {
        let Some(location) = read_location(
            &mut r,
            version,
            [offset_size, length_size, base_size, index_size],
        ) else {
            break;
        };
        if wanted.contains(&location.0) {
            found.push(location);
        }
    }
    found
}

/// One `iloc` entry: [offset, length, base offset, index] field sizes.
fn read_location(r: &mut Reader<'_>, version: u8, sizes: [usize; 4]) -> Option<(u32, Location)> {
    let [offset_size, length_size, base_size, index_size] = sizes;
    let id = if version < 2 {
        u32::from(r.u16()?)
    } else {
        r.u32()?
    };
    let method = if version >= 1 { r.u16()? & 0xF } else { 0 };
    r.u16()?; // data reference index
    let base = r.uint(base_size)?;
    let extent_count = r.u16()?;
    let mut extents = Vec::new();
    for _ in 0..extent_count {
        r.uint(index_size)?;
        let offset = r.uint(offset_size)?;
        let length = r.uint(length_size)?;
        if extents.len() < MAX_EXTENTS {
            extents.push((base.checked_add(offset)?, length));
        }
    }
    let in_idat = match method {
        0 => false,
        1 => true,
        _ => return None, // construction from other items: not for metadata
    };
    Some((id, Location { in_idat, extents }))
}

/// An item's bytes: its extents joined (a length of 0 means "to the end").
fn item_bytes(file: &[u8], idat: &[u8], location: &Location) -> Option<Vec<u8>> {
    let source = if location.in_idat { idat } else { file };
    let mut out = Vec::new();
    for &(offset, length) in &location.extents {
        let start = usize::try_from(offset).ok()?;
        let end = if length == 0 {
            source.len()
        } else {
            start.checked_add(usize::try_from(length).ok()?)?
        };
        let part = source.get(start..end)?;
        if out.len() + part.len() > MAX_ITEM_BYTES {
            return None;
        }
        out.extend_from_slice(part);
    }
    Some(out)
}

/// An `Exif` item's TIFF structure: the item starts with a 32-bit offset to
/// the TIFF header (past "Exif\0\0", usually 6). Writers that got the offset
/// wrong are common, so when it does not land on a TIFF header, the first
/// header in the first bytes is taken.
fn tiff_of_exif_item(item: &[u8]) -> Option<Vec<u8>> {
    let is_header = |b: &[u8]| b.starts_with(b"II*\0") || b.starts_with(b"MM\0*");
    let offset = usize::try_from(u32::from_be_bytes(item.get(..4)?.try_into().ok()?)).ok()?;
    let stated = 4usize.checked_add(offset).and_then(|at| item.get(at..));
    if let Some(tiff) = stated.filter(|t| is_header(t)) {
        return Some(tiff.to_vec());
    }
    let head = item.get(..item.len().min(64))?;
    let at = (0..head.len()).find(|&i| item.get(i..).is_some_and(is_header))?;
    item.get(at..).map(<[u8]>::to_vec)
}

/// Reads the EXIF and XMP items of a HEIF or AVIF file (nothing when the
/// bytes are not one, or the boxes lie).
pub fn read_metadata(bytes: &[u8]) -> HeifMetadata {
    let mut found = HeifMetadata::default();
    if !is_heif(bytes) {
        return found;
    }
    let Some(meta) = boxes(bytes).find(|b| b.kind == *b"meta") else {
        return found;
    };
    // `meta` is a full box: version and flags first.
    let Some(children) = meta.body.get(4..) else {
        return found;
    };
    let infos = child(children, b"iinf").map(item_infos).unwrap_or_default();
    if infos.is_empty() {
        return found;
    }
    let ids: Vec<u32> = infos.iter().map(|(id, _)| *id).collect();
    let idat = child(children, b"idat").unwrap_or_default();
    let Some(iloc) = child(children, b"iloc") else {
        return found;
    };
    for (id, location) in locations(iloc, &ids) {
        let Some(kind) = infos.iter().find(|(i, _)| *i == id).map(|(_, k)| *k) else {
            continue;
        };
        let Some(item) = item_bytes(bytes, idat, &location) else {
            continue;
        };
        match kind {
            ItemKind::Exif => found.exif.extend(tiff_of_exif_item(&item)),
            ItemKind::Xmp => found.xmp.push(item),
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Builds a box from its type and body.
    fn iso_box(kind: &[u8; 4], body: &[u8]) -> Vec<u8> {
        let mut out = u32::try_from(body.len() + 8)
            .unwrap_or(0)
            .to_be_bytes()
            .to_vec();
        out.extend_from_slice(kind);
        out.extend_from_slice(body);
        out
    }

    fn infe(id: u16, kind: &[u8; 4], extra: &[u8]) -> Vec<u8> {
        let mut body = vec![2, 0, 0, 0];
        body.extend_from_slice(&id.to_be_bytes());
        body.extend_from_slice(&[0, 0]);
        body.extend_from_slice(kind);
        body.push(0); // empty name
        body.extend_from_slice(extra);
        iso_box(b"infe", &body)
    }

    /// A minimal HEIC: an Exif item in `idat`, an XMP item in the file
    /// (after `meta`), an image item of type `hvc1` that is not read.
    fn minimal_heic(tiff: &[u8], xmp: &[u8]) -> Vec<u8> {
        let ftyp = iso_box(b"ftyp", b"heic\0\0\0\0mif1heic");
        let mut iinf = vec![0, 0, 0, 0, 0, 3];
        iinf.extend(infe(1, b"hvc1", b""));
        iinf.extend(infe(2, b"Exif", b""));
        iinf.extend(infe(3, b"mime", b"application/rdf+xml\0"));
        let mut exif_item = 6u32.to_be_bytes().to_vec();
        exif_item.extend_from_slice(b"Exif\0\0");
        exif_item.extend_from_slice(tiff);
        let idat = iso_box(b"idat", &exif_item);
        let build = |xmp_offset: u32| {
            let mut iloc = vec![1, 0, 0, 0, 0x44, 0x00];
            iloc.extend_from_slice(&2u16.to_be_bytes());
            // Item 2: in idat (method 1), one extent.
            iloc.extend_from_slice(&[0, 2, 0, 1, 0, 0, 0, 1]);
            iloc.extend_from_slice(&0u32.to_be_bytes());
            iloc.extend_from_slice(&u32::try_from(exif_item.len()).unwrap_or(0).to_be_bytes());
            // Item 3: in the file (method 0), two extents.
            iloc.extend_from_slice(&[0, 3, 0, 0, 0, 0, 0, 2]);
            let half = u32::try_from(xmp.len() / 2).unwrap_or(0);
            let rest = u32::try_from(xmp.len()).unwrap_or(0) - half;
            iloc.extend_from_slice(&xmp_offset.to_be_bytes());
            iloc.extend_from_slice(&half.to_be_bytes());
            iloc.extend_from_slice(&(xmp_offset + half).to_be_bytes());
            iloc.extend_from_slice(&rest.to_be_bytes());
            let mut meta = vec![0, 0, 0, 0];
            meta.extend(iso_box(
                b"hdlr",
                b"\0\0\0\0\0\0\0\0pict\0\0\0\0\0\0\0\0\0\0\0\0\0",
            ));
            meta.extend(iso_box(b"iinf", &iinf));
            meta.extend(iso_box(b"iloc", &iloc));
            meta.extend(idat.clone());
            iso_box(b"meta", &meta)
        };
        // The XMP offset is a fixed-size field: the boxes' sizes do not depend on it.
        assert_eq!(build(0).len(), build(1).len());
        let meta_len = build(0).len();
        let offset = u32::try_from(ftyp.len() + meta_len + 8).unwrap_or(0);
        let mut file = ftyp;
        file.extend(build(offset));
        file.extend(iso_box(b"mdat", xmp));
        file
    }

    #[test]
    fn exif_and_xmp_items_are_found() {
        let tiff = b"MM\0*\0\0\0\x08\0\0\0\0\0\0".to_vec();
        let xmp = b"<x:xmpmeta xmlns:x='adobe:ns:meta/'>packet</x:xmpmeta>".to_vec();
        let file = minimal_heic(&tiff, &xmp);
        assert!(is_heif(&file));
        assert!(!is_avif(&file));
        assert_eq!(
            read_metadata(&file),
            HeifMetadata {
                exif: vec![tiff],
                xmp: vec![xmp],
            }
        );
    }

    #[test]
    fn lying_boxes_never_panic_and_other_files_give_nothing() {
        let file = minimal_heic(b"II*\0\x08\0\0\0\0\0", b"<x/>");
        for end in 0..file.len() {
            let _ = read_metadata(file.get(..end).unwrap_or_default());
        }
        for at in 0..file.len() {
            let mut broken = file.clone();
            if let Some(b) = broken.get_mut(at) {
                *b = 0xFF;
            }
            let _ = read_metadata(&broken);
        }
        assert_eq!(
            read_metadata(b"\0\0\0\x10ftypisom\0\0\0\0"),
            HeifMetadata::default()
        );
        assert_eq!(read_metadata(b"\xFF\xD8\xFF"), HeifMetadata::default());
        assert!(!is_heif(b"\0\0\0\x01ftyp"));
    }
}
