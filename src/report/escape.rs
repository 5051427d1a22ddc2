//! Escaping caption text for the Markdown view and the terminal, and making
//! control characters visible in every view. Caption text comes from files
//! anyone can write: it must always show as text, never as markup. (The HTML
//! view is escaped by its markup crate, maud.)

/// Text for a report: every control character but line feed, carriage
/// return and tab (C0, DEL, C1) shown as a visible picture, so a caption
/// cannot hide text behind a NUL or carry an escape sequence into a viewer.
/// The HTML writer's markup crate and [`escape_markdown`] escape the rest.
pub fn visible_controls(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().all(|c| !is_hidden_control(c)) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        text.chars()
            .map(|c| {
                if is_hidden_control(c) {
                    control_picture(c)
                } else {
                    c
                }
            })
            .collect(),
    )
}

fn is_hidden_control(c: char) -> bool {
    !matches!(c, '\n' | '\t' | '\r') && c.is_control()
}

/// A control character's visible stand-in (U+2400 pictures for C0 and DEL,
/// U+FFFD for C1); any other character as it is.
fn control_picture(c: char) -> char {
    match c {
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}'),
        '\u{7f}' => '\u{2421}',
        '\u{80}'..='\u{9f}' => '\u{fffd}',
        _ => c,
    }
}

/// Escapes text for one line of Markdown (a paragraph, a list item or a table
/// cell): every character Markdown or inline HTML gives a meaning is
/// backslash-escaped (`<` and `&` become entities), and line breaks become
/// spaces so the text cannot start a heading, list or table row of its own.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '~' | '>' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '&' => out.push_str("&amp;"),
            '\r' | '\n' | '\t' => {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            _ => out.push(c),
        }
    }
    let mut out = defeat_autolinks(&out);
    // A leading "-", "+" or "1." would still start a list item.
    if out.starts_with(['-', '+']) || out.starts_with(|c: char| c.is_ascii_digit()) {
        if let Some(dot) = out.find(['.', ')'])
            && dot > 0
            && out
                .get(..dot)
                .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
        {
            out.insert(dot, '\\');
        }
        if out.starts_with(['-', '+']) {
            out.insert(0, '\\');
        }
    }
    out
}

/// The schemes GitHub-style renderers turn into links on sight.
const LINKED_SCHEMES: [&str; 4] = ["https://", "http://", "ftp://", "mailto:"];

/// Bare addresses stay text in renderers with GFM's autolink extension: the
/// scheme's colon and the dot after `www` are backslash-escaped (GFM then
/// sees no scheme and no `www.`, CommonMark shows the same characters), and
/// an e-mail address gets a word joiner (U+2060, invisible) after its `@`,
/// since GFM finds addresses after escapes are resolved.
fn defeat_autolinks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut previous: Option<char> = None;
    while let Some(c) = rest.chars().next() {
        let at_word_start = previous.is_none_or(|p| !p.is_alphanumeric());
        let lower: String =
            if at_word_start && matches!(c, 'h' | 'H' | 'f' | 'F' | 'm' | 'M' | 'w' | 'W') {
                rest.chars()
                    .take(8)
                    .collect::<String>()
                    .to_ascii_lowercase()
            } else {
                String::new()
            };
        if at_word_start
            && let Some(scheme) = LINKED_SCHEMES.iter().find(|s| lower.starts_with(**s))
        {
            let colon = scheme.find(':').unwrap_or(0);
            out.push_str(rest.get(..colon).unwrap_or(""));
            out.push_str("\\:");
            rest = rest.get(colon + 1..).unwrap_or("");
            previous = Some(':');
            continue;
        }
        if at_word_start && lower.starts_with("www.") {
            out.push_str(rest.get(..3).unwrap_or(""));
            out.push_str("\\.");
            rest = rest.get(4..).unwrap_or("");
            previous = Some('.');
            continue;
        }
        out.push(c);
        rest = rest.get(c.len_utf8()..).unwrap_or("");
        if c == '@'
            && previous.is_some_and(|p| p.is_alphanumeric() || p == '.' || p == '_')
            && rest.chars().next().is_some_and(char::is_alphanumeric)
        {
            out.push('\u{2060}');
        }
        previous = Some(c);
    }
    out
}

/// Text for a terminal: every control character (C0 but line feed and tab,
/// DEL, C1) shown as a visible picture instead of reaching the terminal,
/// where an escape sequence from a caption file could set the title, move
/// the cursor or clear the screen.
pub fn escape_terminal(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' | '\t' => c,
            _ => control_picture(c),
        })
        .collect()
}

/// JSON for a terminal: C1 controls written as `\\u` escapes (serde_json
/// already escapes C0 ones), which is still the same JSON.
pub fn escape_terminal_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if ('\u{7f}'..='\u{9f}').contains(&c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_show_as_pictures() {
        assert_eq!(
            visible_controls("AFP\u{0}\u{1b}[2J\u{7f}\u{9b}\nnext\tcol\r"),
            "AFP\u{2400}\u{241b}[2J\u{2421}\u{fffd}\nnext\tcol\r"
        );
        assert!(matches!(
            visible_controls("Lim Jong-hoon, 임종훈"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn markdown_escapes_markup_and_line_starts() {
        assert_eq!(
            escape_markdown("[click](javascript:alert(1)) <b>*bold*</b> a|b"),
            r"\[click\](javascript:alert(1)) &lt;b\>\*bold\*&lt;/b\> a\|b"
        );
        assert_eq!(escape_markdown("# title\nline"), r"\# title line");
        assert_eq!(escape_markdown("- item"), r"\- item");
        assert_eq!(escape_markdown("+05:30 (IST)"), r"\+05:30 (IST)");
        assert_eq!(escape_markdown("30. July"), r"30\. July");
        assert_eq!(
            escape_markdown("30 July 2024. Tuesday"),
            "30 July 2024. Tuesday"
        );
    }

    #[test]
    fn markdown_defeats_autolinks() {
        assert_eq!(
            escape_markdown("Photo: https://apnews.com/x and HTTP://a.b"),
            r"Photo: https\://apnews.com/x and HTTP\://a.b"
        );
        assert_eq!(
            escape_markdown("see www.reuters.com"),
            r"see www\.reuters.com"
        );
        assert_eq!(
            escape_markdown("mail desk@afp.com"),
            "mail desk@\u{2060}afp.com"
        );
        // Not addresses: left as they are.
        assert_eq!(escape_markdown("awww.no @ 5"), "awww.no @ 5");
        assert_eq!(escape_markdown("Lim @Olympics"), "Lim @Olympics");
    }

    #[test]
    fn terminal_text_shows_control_characters() {
        assert_eq!(
            escape_terminal("AFP\u{1b}]0;owned\u{7}\u{1b}[2J\nnext\u{9b}1m"),
            "AFP\u{241b}]0;owned\u{2407}\u{241b}[2J\nnext\u{fffd}1m"
        );
        assert_eq!(escape_terminal_json("\"a\u{9b}b\""), "\"a\\u009bb\"");
    }
}
