//! Escaping caption text for the HTML and Markdown views. Caption text comes
//! from files anyone can write: it must always show as text, never as markup.

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_markup_and_quotes() {
        assert_eq!(
            escape_html(r#"<script>alert("x")</script> & 'y'"#),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"
        );
        assert_eq!(
            escape_html("Lim Jong-hoon, 임종훈"),
            "Lim Jong-hoon, 임종훈"
        );
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
}
