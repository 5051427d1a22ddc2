//! IPTC and EXIF in PNG text chunks. Before PNG had an `eXIf` chunk, and
//! for IPTC, which it still has none for, exiftool and ImageMagick write
//! them as text chunks with the keyword "Raw profile type iptc" (or
//! "... exif", or "... APP1" for a JPEG APP1 payload), usually a
//! zlib-compressed `zTXt`: a newline, the profile's name, its length in
//! bytes, then the bytes in hexadecimal, wrapped over lines. IPTC bytes are
//! Photoshop image resources (IPTC inside a 0x0404 resource), sometimes
//! behind a "Photoshop 3.0" signature, or a bare IIM block; EXIF bytes are
//! a TIFF structure, usually behind "Exif\0\0".

/// The keywords of the chunks, after the common prefix.
const PREFIX: &[u8] = b"Raw profile type ";
/// The most a compressed profile may inflate to: IPTC is a few kilobytes,
/// EXIF with its thumbnail some tens, so anything bigger is a zip bomb,
/// not a caption.
const MAX_PROFILE_BYTES: usize = 4 * 1024 * 1024;

/// Which profile a chunk holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    Iptc,
    /// A TIFF structure, maybe behind "Exif\0\0".
    Exif,
    /// A JPEG APP1 payload: "Exif\0\0" and a TIFF structure, or XMP.
    App1,
}

/// The profile's bytes from a `tEXt`, `zTXt` or `iTXt` chunk's data, when
/// the chunk is an IPTC raw profile.
pub fn iptc_profile(kind: &[u8], data: &[u8]) -> Option<Vec<u8>> {
    raw_profile(kind, data).and_then(|(profile, bytes)| (profile == Profile::Iptc).then_some(bytes))
}

/// Which raw profile a `tEXt`, `zTXt` or `iTXt` chunk holds, and its bytes.
pub fn raw_profile(kind: &[u8], data: &[u8]) -> Option<(Profile, Vec<u8>)> {
    let rest = data.strip_prefix(PREFIX)?;
    let keyword_end = rest.iter().position(|&b| b == 0)?;
    let profile = match rest.get(..keyword_end)? {
        b"iptc" | b"IPTC" => Profile::Iptc,
        b"exif" | b"EXIF" => Profile::Exif,
        b"APP1" | b"app1" => Profile::App1,
        _ => return None,
    };
    let rest = rest.get(keyword_end + 1..)?;
    let text = match kind {
        b"tEXt" => rest.to_vec(),
        b"zTXt" => inflate(rest.get(1..)?)?, // compression method byte
        b"iTXt" => {
            let (&compressed, rest) = rest.split_first()?;
            let rest = rest.get(1..)?; // compression method
            let language_end = rest.iter().position(|&b| b == 0)?;
            let rest = rest.get(language_end + 1..)?;
            let translated_end = rest.iter().position(|&b| b == 0)?;
            let text = rest.get(translated_end + 1..)?;
            if compressed == 0 {
                text.to_vec()
            } else {
                inflate(text)?
            }
        }
        _ => return None,
    };
    Some((profile, from_hex_profile(&text)?))
}

fn inflate(compressed: &[u8]) -> Option<Vec<u8>> {
    miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(compressed, MAX_PROFILE_BYTES).ok()
}

/// "\nIPTC profile\n      56\n3842494d...\n" to its bytes; the declared
/// length caps what is decoded (and a profile shorter than declared is
/// read as far as it goes).
fn from_hex_profile(text: &[u8]) -> Option<Vec<u8>> {
    let mut lines = text
        .split(|&b| b == b'\n')
        .filter(|l| !l.iter().all(u8::is_ascii_whitespace));
    let _name = lines.next()?;
    let declared: usize = std::str::from_utf8(lines.next()?)
        .ok()?
        .trim()
        .parse()
        .ok()?;
    let mut bytes = Vec::with_capacity(declared.min(MAX_PROFILE_BYTES));
    let mut high: Option<u8> = None;
    for &c in lines.flatten() {
        if bytes.len() >= declared {
            break;
        }
        let Some(nibble) = (c as char).to_digit(16).and_then(|d| u8::try_from(d).ok()) else {
            continue; // whitespace between hex digits
        };
        match high.take() {
            None => high = Some(nibble),
            Some(h) => bytes.push(h << 4 | nibble),
        }
    }
    (!bytes.is_empty()).then_some(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_exiftool_profile_is_read_as_photoshop_resources() {
        // A profile in exiftool's layout: Credit "AFP", Caption-Abstract "Hi";
        // the declared length (33) stops before the last byte.
        let text = b"\nIPTC profile\n      33\n3842494d0404000000000015\n1c026e00034146501c0278000248691c02000002\n0004\n";
        let bytes = from_hex_profile(text).unwrap_or_default();
        assert_eq!(bytes.len(), 33);
        assert!(bytes.starts_with(b"8BIM\x04\x04"));
        assert_eq!(bytes.get(12..17), Some(&b"\x1c\x02\x6e\x00\x03"[..]));
    }

    #[test]
    fn other_chunks_and_bombs_are_refused() {
        assert_eq!(iptc_profile(b"tEXt", b"Comment\0hello"), None);
        let mut bomb = b"Raw profile type iptc\0\0".to_vec();
        bomb.extend(miniz_oxide::deflate::compress_to_vec_zlib(
            &vec![b'0'; 64 << 20],
            6,
        ));
        assert_eq!(iptc_profile(b"zTXt", &bomb), None);
        let mut plain = b"Raw profile type iptc\0".to_vec();
        plain.extend_from_slice(b"\niptc\n 2\n1c02\n");
        assert_eq!(iptc_profile(b"tEXt", &plain), Some(vec![0x1c, 0x02]));
    }

    #[test]
    fn exif_profiles_are_told_apart() {
        let mut plain = b"Raw profile type exif\0".to_vec();
        plain.extend_from_slice(b"\nexif\n 8\n457869660000\n4d4d\n");
        assert_eq!(
            raw_profile(b"tEXt", &plain),
            Some((Profile::Exif, b"Exif\0\0MM".to_vec()))
        );
        assert_eq!(iptc_profile(b"tEXt", &plain), None);
        let mut app1 = b"Raw profile type APP1\0\0".to_vec();
        app1.extend(miniz_oxide::deflate::compress_to_vec_zlib(
            b"\nAPP1\n 2\n4d4d\n",
            6,
        ));
        assert_eq!(
            raw_profile(b"zTXt", &app1),
            Some((Profile::App1, b"MM".to_vec()))
        );
    }
}
