//! A small Python lexer for build-time highlighting: keywords, builtins,
//! strings, numbers, comments, decorators and defined names become
//! `<span class="hl-…">`; colours come from CSS custom properties.

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
    "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
    "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];
const BUILTINS: &[&str] = &[
    "abs",
    "all",
    "any",
    "bool",
    "bytearray",
    "bytes",
    "callable",
    "chr",
    "classmethod",
    "dict",
    "dir",
    "divmod",
    "enumerate",
    "filter",
    "float",
    "format",
    "frozenset",
    "getattr",
    "hasattr",
    "hash",
    "id",
    "input",
    "int",
    "isinstance",
    "issubclass",
    "iter",
    "len",
    "list",
    "map",
    "max",
    "min",
    "next",
    "object",
    "open",
    "ord",
    "pow",
    "print",
    "property",
    "range",
    "repr",
    "reversed",
    "round",
    "set",
    "setattr",
    "slice",
    "sorted",
    "staticmethod",
    "str",
    "sum",
    "super",
    "tuple",
    "type",
    "vars",
    "zip",
    "Exception",
    "ValueError",
    "TypeError",
    "KeyError",
    "IndexError",
    "AttributeError",
    "RuntimeError",
    "StopIteration",
    "NotImplementedError",
    "NotImplemented",
];

/// Escapes `&`, `<` and `>` for HTML text content.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
    out
}

fn span(out: &mut String, class: &str, text: &str) {
    out.push_str("<span class=\"hl-");
    out.push_str(class);
    out.push_str("\">");
    out.push_str(&escape_html(text));
    out.push_str("</span>");
}

/// Length in bytes of a string literal starting at `s` (prefix already
/// consumed), or of the rest of the input if it is unterminated.
fn string_len(s: &str) -> usize {
    let quote = s.as_bytes()[0];
    let triple = s.len() >= 3 && s.as_bytes()[1] == quote && s.as_bytes()[2] == quote;
    let open = if triple { 3 } else { 1 };
    let bytes = s.as_bytes();
    let mut i = open;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'\n' if !triple => return i,
            b if b == quote && (!triple || bytes[i..].starts_with(&[quote, quote, quote])) => {
                return i + open;
            }
            _ => i += 1,
        }
    }
    bytes.len()
}

/// Highlights Python source; the result is safe HTML.
pub fn highlight_python(source: &str) -> String {
    let mut out = String::with_capacity(source.len() * 2);
    let mut rest = source;
    let mut previous_word = "";
    let mut at_line_start = true;
    while let Some(c) = rest.chars().next() {
        let len = if c == '#' {
            let n = rest.find('\n').unwrap_or(rest.len());
            span(&mut out, "com", &rest[..n]);
            n
        } else if c == '@' && at_line_start {
            let n = 1 + rest[1..]
                .find(|ch: char| !(ch.is_alphanumeric() || ch == '_' || ch == '.'))
                .unwrap_or(rest.len() - 1);
            span(&mut out, "dec", &rest[..n]);
            n
        } else if c.is_ascii_digit() || (c == '.' && rest[1..].starts_with(|d: char| d.is_ascii_digit())) {
            let n = rest
                .find(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '_' || ch == '.'))
                .unwrap_or(rest.len());
            span(&mut out, "num", &rest[..n]);
            n
        } else if c.is_alphabetic() || c == '_' {
            let n = rest
                .find(|ch: char| !(ch.is_alphanumeric() || ch == '_'))
                .unwrap_or(rest.len());
            let word = &rest[..n];
            let is_prefix = n <= 2 && word.chars().all(|p| "rRbBfFuU".contains(p));
            if is_prefix && rest[n..].starts_with(['\'', '"']) {
                let total = n + string_len(&rest[n..]);
                span(&mut out, "str", &rest[..total]);
                previous_word = "";
                at_line_start = false;
                rest = &rest[total..];
                continue;
            }
            let class = match previous_word {
                "def" => Some("fn"),
                "class" => Some("cls"),
                _ if KEYWORDS.contains(&word) => Some("kw"),
                _ if word == "self" || word == "cls" => Some("self"),
                _ if BUILTINS.contains(&word) => Some("bi"),
                _ => None,
            };
            match class {
                Some(class) => span(&mut out, class, word),
                None => out.push_str(word),
            }
            previous_word = word;
            at_line_start = false;
            rest = &rest[n..];
            continue;
        } else if c == '"' || c == '\'' {
            let n = string_len(rest);
            span(&mut out, "str", &rest[..n]);
            n
        } else {
            let n = c.len_utf8();
            out.push_str(&escape_html(&rest[..n]));
            n
        };
        if !c.is_whitespace() {
            previous_word = "";
        }
        if c == '\n' {
            at_line_start = true;
        } else if !c.is_whitespace() {
            at_line_start = false;
        }
        rest = &rest[len..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlights_the_main_token_kinds() {
        let html = highlight_python("@cache\ndef f(x=1):  # hi\n    return len('a<b')\n");
        assert!(html.contains(r#"<span class="hl-dec">@cache</span>"#));
        assert!(html.contains(r#"<span class="hl-kw">def</span> <span class="hl-fn">f</span>"#));
        assert!(html.contains(r#"<span class="hl-num">1</span>"#));
        assert!(html.contains(r#"<span class="hl-com"># hi</span>"#));
        assert!(html.contains(r#"<span class="hl-bi">len</span>"#));
        assert!(html.contains(r#"<span class="hl-str">'a&lt;b'</span>"#));
    }

    #[test]
    fn strings_with_prefixes_and_triple_quotes() {
        let html = highlight_python("x = f\"{a}\" + r'\\d' + \"\"\"two\nlines\"\"\"");
        assert!(html.contains(r#"<span class="hl-str">f"{a}"</span>"#));
        assert!(html.contains(r#"<span class="hl-str">r'\d'</span>"#));
        assert!(html.contains("<span class=\"hl-str\">\"\"\"two\nlines\"\"\"</span>"));
    }

    #[test]
    fn matrix_multiply_is_not_a_decorator_and_text_round_trips() {
        let source = "c = a @ b\nprint(\"<ok> & done\")\n";
        let html = highlight_python(source);
        assert!(!html.contains("hl-dec"));
        let text: String = html
            .split('<')
            .enumerate()
            .map(|(i, part)| {
                if i == 0 {
                    part
                } else {
                    part.split_once('>').map_or("", |p| p.1)
                }
            })
            .collect();
        let unescaped = text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
        assert_eq!(unescaped, source);
    }
}
