//! XMP packets: the RDF/XML copy of the caption fields.
//!
//! Read with quick-xml, namespaces resolved (the prefix in the file does not
//! matter, the namespace does). A property's value may be simple text, an
//! attribute on `rdf:Description`, or an `rdf:Alt` / `rdf:Seq` / `rdf:Bag`
//! of `rdf:li` items: from an `rdf:Alt` (language alternatives) we keep the
//! `x-default` item (else the first), from a `Seq` or `Bag` every item.
//!
//! Entities are never expanded: quick-xml does not read the DTD, and we
//! resolve only the five predefined entities and character references.
//! Custom entity references are dropped, so a "billion laughs" packet costs
//! nothing. A malformed packet keeps the fields read before the error.
//!
//! `encode_packet` / `encode_app1` write a packet for the stand-in images.

use quick_xml::escape::escape;
use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::{NsReader, XmlVersion};

use super::metadata::{Field, MetadataField, Standard};

/// The JPEG APP1 namespace signature that starts an XMP payload.
pub const XMP_SIGNATURE: &[u8] = b"http://ns.adobe.com/xap/1.0/\0";

const NS_RDF: &[u8] = b"http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const NS_DC: &[u8] = b"http://purl.org/dc/elements/1.1/";
const NS_PHOTOSHOP: &[u8] = b"http://ns.adobe.com/photoshop/1.0/";
const NS_IPTC_EXT: &[u8] = b"http://iptc.org/std/Iptc4xmpExt/2008-02-29/";

/// The properties we read: namespace, local name, field.
const PROPERTIES: &[(&[u8], &[u8], Field)] = &[
    (NS_DC, b"description", Field::Caption),
    (NS_DC, b"title", Field::Title),
    (NS_DC, b"creator", Field::Byline),
    (NS_DC, b"rights", Field::Copyright),
    (NS_DC, b"subject", Field::Keywords),
    (NS_PHOTOSHOP, b"Headline", Field::Headline),
    (NS_PHOTOSHOP, b"Credit", Field::Credit),
    (NS_PHOTOSHOP, b"Source", Field::Source),
    (NS_PHOTOSHOP, b"DateCreated", Field::DateCreated),
    (NS_PHOTOSHOP, b"City", Field::City),
    (NS_PHOTOSHOP, b"Country", Field::Country),
    (NS_IPTC_EXT, b"PersonInImage", Field::PersonInImage),
    (NS_IPTC_EXT, b"Event", Field::Event),
];

fn property(namespace: &ResolveResult<'_>, local: &[u8]) -> Option<Field> {
    let ResolveResult::Bound(ns) = namespace else {
        return None;
    };
    PROPERTIES
        .iter()
        .find(|(n, l, _)| *n == ns.0 && *l == local)
        .map(|(_, _, field)| *field)
}

/// What an element is, for our purposes (owned, so the reader is free again).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Element {
    Property(Field),
    Alt,
    Item,
    Description,
    Other,
}

fn classify(namespace: &ResolveResult<'_>, local: &[u8]) -> Element {
    if let Some(field) = property(namespace, local) {
        return Element::Property(field);
    }
    match namespace {
        ResolveResult::Bound(ns) if ns.0 == NS_RDF => match local {
            b"Alt" => Element::Alt,
            b"li" => Element::Item,
            b"Description" => Element::Description,
            _ => Element::Other,
        },
        _ => Element::Other,
    }
}

/// The property being read, and what it has collected so far.
struct OpenProperty {
    field: Field,
    /// Element depth of the property element.
    depth: usize,
    /// Text directly inside the property, or inside the current `rdf:li`.
    text: String,
    /// Inside an `rdf:li`, and its `xml:lang`.
    in_item: Option<Option<String>>,
    /// Whether the container is an `rdf:Alt`.
    alternatives: bool,
    /// Finished items with their language.
    items: Vec<(Option<String>, String)>,
}

impl OpenProperty {
    fn finish(self) -> Vec<String> {
        if self.items.is_empty() {
            let text = self.text.trim();
            return if text.is_empty() {
                Vec::new()
            } else {
                vec![text.to_string()]
            };
        }
        if self.alternatives {
            let default = self
                .items
                .iter()
                .find(|(lang, _)| lang.as_deref() == Some("x-default"))
                .or_else(|| self.items.first());
            return default.map(|(_, v)| v.clone()).into_iter().collect();
        }
        self.items.into_iter().map(|(_, v)| v).collect()
    }
}

fn reference_text(reference: &BytesRef<'_>) -> Option<char> {
    if let Ok(Some(c)) = reference.resolve_char_ref() {
        return Some(c);
    }
    match &**reference {
        b"lt" => Some('<'),
        b"gt" => Some('>'),
        b"amp" => Some('&'),
        b"apos" => Some('\''),
        b"quot" => Some('"'),
        // Custom entities are never expanded.
        _ => None,
    }
}

fn lang_of(start: &BytesStart<'_>) -> Option<String> {
    start
        .attributes()
        .flatten()
        .find(|a| a.key.as_ref() == b"xml:lang")
        .and_then(|a| {
            a.normalized_value(XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// The text encodings an XMP packet may be written in (XMP part 3: UTF-8,
/// UTF-16 or UTF-32, either byte order).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PacketEncoding {
    Utf8,
    Utf16 { big_endian: bool },
    Utf32 { big_endian: bool },
}

/// Tells the encoding from the packet's first character, which is `<` (of
/// `<?xpacket` or `<x:xmpmeta`) or a byte-order mark, after any NUL-free
/// leading whitespace.
fn packet_encoding(packet: &[u8]) -> PacketEncoding {
    let start = packet
        .iter()
        .position(|&b| !matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
        .unwrap_or(0);
    let head = packet.get(start..).unwrap_or_default();
    match head {
        [0, 0, 0xFE, 0xFF, ..] | [0, 0, 0, b'<', ..] => PacketEncoding::Utf32 { big_endian: true },
        [0xFF, 0xFE, 0, 0, ..] | [b'<', 0, 0, 0, ..] => PacketEncoding::Utf32 { big_endian: false },
        [0xFE, 0xFF, ..] | [0, b'<', ..] => PacketEncoding::Utf16 { big_endian: true },
        [0xFF, 0xFE, ..] | [b'<', 0, ..] => PacketEncoding::Utf16 { big_endian: false },
        _ => PacketEncoding::Utf8,
    }
}

/// The packet as text, whatever its encoding; bytes that do not decode
/// become U+FFFD, and a byte-order mark is dropped.
fn packet_text(packet: &[u8]) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    let text: Cow<'_, str> = match packet_encoding(packet) {
        PacketEncoding::Utf8 => String::from_utf8_lossy(packet),
        PacketEncoding::Utf16 { big_endian } => {
            let encoding = if big_endian {
                encoding_rs::UTF_16BE
            } else {
                encoding_rs::UTF_16LE
            };
            Cow::Owned(encoding.decode_without_bom_handling(packet).0.into_owned())
        }
        PacketEncoding::Utf32 { big_endian } => Cow::Owned(
            packet
                .chunks(4)
                .map(|unit| {
                    let bytes: [u8; 4] = unit.try_into().unwrap_or([0, 0, 0xFF, 0xFD]);
                    let code = if big_endian {
                        u32::from_be_bytes(bytes)
                    } else {
                        u32::from_le_bytes(bytes)
                    };
                    char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER)
                })
                .collect(),
        ),
    };
    match text {
        Cow::Borrowed(s) => Cow::Borrowed(s.trim_start_matches('\u{FEFF}')),
        Cow::Owned(s) => match s.strip_prefix('\u{FEFF}') {
            Some(rest) => Cow::Owned(rest.to_string()),
            None => Cow::Owned(s),
        },
    }
}

/// Reads the fields we know from an XMP packet (bytes in UTF-8, UTF-16 or
/// UTF-32).
pub fn read_packet(packet: &[u8]) -> Vec<MetadataField> {
    let text = packet_text(packet);
    let mut reader = NsReader::from_str(&text);
    let mut found = Vec::new();
    let mut open: Option<OpenProperty> = None;
    let mut depth = 0usize;
    let emit = |found: &mut Vec<MetadataField>, field: Field, values: Vec<String>| {
        found.extend(values.into_iter().map(|value| MetadataField {
            field,
            standard: Standard::Xmp,
            value,
        }));
    };
    // A read error ends the walk; what was read before it is kept.
    while let Ok((namespace, event)) = reader.read_resolved_event() {
        let element = match &event {
            Event::Start(e) | Event::Empty(e) => classify(&namespace, e.local_name().as_ref()),
            Event::End(e) => classify(&namespace, e.local_name().as_ref()),
            _ => Element::Other,
        };
        let is_empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(start) | Event::Empty(start) => {
                if let Some(prop) = open.as_mut() {
                    match element {
                        Element::Alt => prop.alternatives = true,
                        Element::Item if !is_empty => {
                            prop.text.clear();
                            prop.in_item = Some(lang_of(&start));
                        }
                        _ => {}
                    }
                } else if let Element::Property(field) = element
                    && !is_empty
                {
                    open = Some(OpenProperty {
                        field,
                        depth: depth + 1,
                        text: String::new(),
                        in_item: None,
                        alternatives: false,
                        items: Vec::new(),
                    });
                } else if element == Element::Description {
                    for attribute in start.attributes().flatten() {
                        let (ns, attr_local) = reader.resolver().resolve_attribute(attribute.key);
                        if let Some(field) = property(&ns, attr_local.as_ref()) {
                            let value = attribute
                                .normalized_value(XmlVersion::Implicit1_0)
                                .map(|v| v.trim().to_string())
                                .unwrap_or_default();
                            if !value.is_empty() {
                                emit(&mut found, field, vec![value]);
                            }
                        }
                    }
                }
                if !is_empty {
                    depth += 1;
                }
            }
            Event::End(_) => {
                if let Some(prop) = open.as_mut() {
                    if prop.depth == depth {
                        if let Some(prop) = open.take() {
                            let field = prop.field;
                            emit(&mut found, field, prop.finish());
                        }
                    } else if element == Element::Item
                        && let Some(lang) = prop.in_item.take()
                    {
                        let value = prop.text.trim().to_string();
                        prop.text.clear();
                        if !value.is_empty() {
                            prop.items.push((lang, value));
                        }
                    }
                }
                depth = depth.saturating_sub(1);
            }
            Event::Text(t) => {
                if let Some(prop) = open.as_mut()
                    && let Ok(s) = t.xml10_content()
                {
                    prop.text.push_str(&s);
                }
            }
            Event::CData(t) => {
                if let Some(prop) = open.as_mut()
                    && let Ok(s) = t.decode()
                {
                    prop.text.push_str(&s);
                }
            }
            Event::GeneralRef(r) => {
                if let Some(prop) = open.as_mut()
                    && let Some(c) = reference_text(&r)
                {
                    prop.text.push(c);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    found
}

/// How a property is written in a packet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Simple,
    Alt,
    Seq,
    Bag,
}

fn writer_entry(field: Field) -> Option<(&'static str, &'static str, Shape)> {
    Some(match field {
        Field::Caption => ("dc", "description", Shape::Alt),
        Field::Title => ("dc", "title", Shape::Alt),
        Field::Byline => ("dc", "creator", Shape::Seq),
        Field::Copyright => ("dc", "rights", Shape::Alt),
        Field::Keywords => ("dc", "subject", Shape::Bag),
        Field::Headline => ("photoshop", "Headline", Shape::Simple),
        Field::Credit => ("photoshop", "Credit", Shape::Simple),
        Field::Source => ("photoshop", "Source", Shape::Simple),
        Field::DateCreated => ("photoshop", "DateCreated", Shape::Simple),
        Field::City => ("photoshop", "City", Shape::Simple),
        Field::Country => ("photoshop", "Country", Shape::Simple),
        Field::PersonInImage => ("Iptc4xmpExt", "PersonInImage", Shape::Bag),
        Field::Event => ("Iptc4xmpExt", "Event", Shape::Alt),
        Field::Make | Field::Model => return None,
    })
}

/// Writes an XMP packet holding the given fields (each with one or more
/// values; fields XMP has no property for, such as `Make`, are skipped).
pub fn encode_packet(fields: &[(Field, Vec<String>)]) -> String {
    let mut body = String::new();
    for (field, values) in fields {
        let Some((prefix, name, shape)) = writer_entry(*field) else {
            continue;
        };
        let tag = format!("{prefix}:{name}");
        let escaped: Vec<String> = values
            .iter()
            .map(|v| escape(v.as_str()).into_owned())
            .collect();
        let inner = match shape {
            Shape::Simple => escaped.join(" "),
            Shape::Alt => format!(
                "<rdf:Alt>{}</rdf:Alt>",
                escaped
                    .iter()
                    .map(|v| format!("<rdf:li xml:lang=\"x-default\">{v}</rdf:li>"))
                    .collect::<String>()
            ),
            Shape::Seq | Shape::Bag => {
                let container = if shape == Shape::Seq { "Seq" } else { "Bag" };
                format!(
                    "<rdf:{container}>{}</rdf:{container}>",
                    escaped
                        .iter()
                        .map(|v| format!("<rdf:li>{v}</rdf:li>"))
                        .collect::<String>()
                )
            }
        };
        body.push_str(&format!("\n   <{tag}>{inner}</{tag}>"));
    }
    format!(
        "<?xpacket begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n\
         <x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n \
         <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n  \
         <rdf:Description rdf:about=\"\"\n    \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n    \
         xmlns:photoshop=\"http://ns.adobe.com/photoshop/1.0/\"\n    \
         xmlns:Iptc4xmpExt=\"http://iptc.org/std/Iptc4xmpExt/2008-02-29/\">{body}\n  \
         </rdf:Description>\n \
         </rdf:RDF>\n\
         </x:xmpmeta>\n\
         <?xpacket end=\"w\"?>"
    )
}

/// Wraps a packet as a complete JPEG APP1 segment (marker, length, namespace signature).
pub fn encode_app1(packet: &str) -> Vec<u8> {
    let mut segment = vec![0xFF, 0xE1];
    let length = u16::try_from(XMP_SIGNATURE.len() + packet.len() + 2).unwrap_or(u16::MAX);
    segment.extend_from_slice(&length.to_be_bytes());
    segment.extend_from_slice(XMP_SIGNATURE);
    segment.extend_from_slice(packet.as_bytes());
    segment
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(fields: &[MetadataField]) -> Vec<(Field, &str)> {
        fields.iter().map(|f| (f.field, f.value.as_str())).collect()
    }

    #[test]
    fn round_trips_every_property() {
        let packet = encode_packet(&[
            (Field::Caption, vec!["Selfie <on> the podium & more".into()]),
            (Field::Title, vec!["Podium selfie".into()]),
            (Field::Byline, vec!["Anna Müller".into(), "임종훈".into()]),
            (Field::Copyright, vec!["© nobody".into()]),
            (
                Field::Keywords,
                vec!["table tennis".into(), "Olympics".into()],
            ),
            (Field::Headline, vec!["Headline".into()]),
            (Field::Credit, vec!["caption-provenance stand-in".into()]),
            (Field::Source, vec!["Sample".into()]),
            (Field::DateCreated, vec!["2024-07-30".into()]),
            (Field::City, vec!["Paris".into()]),
            (Field::Country, vec!["France".into()]),
            (
                Field::PersonInImage,
                vec!["Lim Jong-hoon".into(), "Shin Yu-bin".into()],
            ),
            (Field::Event, vec!["Paris 2024".into()]),
            (Field::Make, vec!["ignored".into()]),
        ]);
        assert_eq!(
            values(&read_packet(packet.as_bytes())),
            vec![
                (Field::Caption, "Selfie <on> the podium & more"),
                (Field::Title, "Podium selfie"),
                (Field::Byline, "Anna Müller"),
                (Field::Byline, "임종훈"),
                (Field::Copyright, "© nobody"),
                (Field::Keywords, "table tennis"),
                (Field::Keywords, "Olympics"),
                (Field::Headline, "Headline"),
                (Field::Credit, "caption-provenance stand-in"),
                (Field::Source, "Sample"),
                (Field::DateCreated, "2024-07-30"),
                (Field::City, "Paris"),
                (Field::Country, "France"),
                (Field::PersonInImage, "Lim Jong-hoon"),
                (Field::PersonInImage, "Shin Yu-bin"),
                (Field::Event, "Paris 2024"),
            ]
        );
    }

    #[test]
    fn attributes_other_prefixes_and_language_alternatives() {
        let packet = r#"<x:xmpmeta xmlns:x="adobe:ns:meta/"><r:RDF xmlns:r="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
          <r:Description xmlns:ps="http://ns.adobe.com/photoshop/1.0/" xmlns:d="http://purl.org/dc/elements/1.1/"
             ps:City="Paris" ps:Credit="AFP &amp; Getty" other="x">
            <d:description><r:Alt><r:li xml:lang="fr">Légende</r:li><r:li xml:lang="x-default">Caption &#x41;</r:li></r:Alt></d:description>
            <d:title><r:Alt><r:li xml:lang="fr">Titre</r:li></r:Alt></d:title>
            <d:creator/>
          </r:Description></r:RDF></x:xmpmeta>"#;
        assert_eq!(
            values(&read_packet(packet.as_bytes())),
            vec![
                (Field::City, "Paris"),
                (Field::Credit, "AFP & Getty"),
                (Field::Caption, "Caption A"),
                (Field::Title, "Titre"),
            ]
        );
    }

    #[test]
    fn custom_entities_are_never_expanded() {
        let mut packet =
            String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
        for level in 1..10 {
            let previous = if level == 1 {
                "lol".to_string()
            } else {
                format!("lol{}", level - 1)
            };
            packet.push_str(&format!(
                "<!ENTITY lol{level} \"{}\">\n",
                format!("&{previous};").repeat(10)
            ));
        }
        packet.push_str(
            "]>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\
             <rdf:Description xmlns:photoshop=\"http://ns.adobe.com/photoshop/1.0/\">\
             <photoshop:City>Paris &lol9;</photoshop:City></rdf:Description></rdf:RDF>",
        );
        assert_eq!(
            values(&read_packet(packet.as_bytes())),
            vec![(Field::City, "Paris")]
        );
    }

    #[test]
    fn utf16_and_utf32_packets_are_read() {
        let packet = encode_packet(&[
            (Field::Caption, vec!["Lim Jong-hoon (임종훈) 🏓".into()]),
            (Field::City, vec!["Paris".into()]),
        ]);
        let expected = vec![
            (Field::Caption, "Lim Jong-hoon (임종훈) 🏓"),
            (Field::City, "Paris"),
        ];
        let units: Vec<u16> = packet.encode_utf16().collect();
        let utf16_be: Vec<u8> = units.iter().flat_map(|u| u.to_be_bytes()).collect();
        let utf16_le: Vec<u8> = units.iter().flat_map(|u| u.to_le_bytes()).collect();
        let utf32_be: Vec<u8> = packet
            .chars()
            .flat_map(|c| u32::from(c).to_be_bytes())
            .collect();
        let utf32_le: Vec<u8> = packet
            .chars()
            .flat_map(|c| u32::from(c).to_le_bytes())
            .collect();
        for (name, bytes) in [
            ("UTF-16BE", &utf16_be),
            ("UTF-16LE", &utf16_le),
            ("UTF-32BE", &utf32_be),
            ("UTF-32LE", &utf32_le),
        ] {
            assert_eq!(values(&read_packet(bytes)), expected, "{name}");
        }
        // A byte-order mark before the packet.
        let mut with_bom = vec![0xFE, 0xFF];
        with_bom.extend_from_slice(&utf16_be);
        assert_eq!(values(&read_packet(&with_bom)), expected);
        // An odd trailing byte costs nothing but itself.
        let mut odd = utf16_le.clone();
        odd.push(b'x');
        assert_eq!(values(&read_packet(&odd)), expected);
    }

    #[test]
    fn malformed_packet_keeps_what_came_before() {
        let packet = b"<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\
            <rdf:Description xmlns:photoshop=\"http://ns.adobe.com/photoshop/1.0/\">\
            <photoshop:City>Paris</photoshop:City><photoshop:Country>Fr</oops>";
        assert_eq!(values(&read_packet(packet)), vec![(Field::City, "Paris")]);
        assert_eq!(read_packet(b"\xFF\xFE<<<>>>\0"), vec![]);
    }
}
