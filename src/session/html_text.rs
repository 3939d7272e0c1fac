//! Plain text of the answers' HTML, for the search index and its snippets.

/// Plain text of an HTML fragment: tags removed (block tags become a space),
/// common and numeric entities decoded.
pub fn html_to_text(html: &str) -> String {
    const BLOCK: [&str; 14] = [
        "p",
        "br",
        "li",
        "ul",
        "ol",
        "div",
        "pre",
        "h1",
        "h2",
        "h3",
        "h4",
        "tr",
        "td",
        "blockquote",
    ];
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find(['<', '&']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with('<') {
            let end = rest.find('>').map_or(rest.len(), |e| e + 1);
            let name = rest[1..end].trim_start_matches('/');
            let name = name.split(|c: char| !c.is_ascii_alphanumeric()).next().unwrap_or("");
            if BLOCK.contains(&name.to_ascii_lowercase().as_str()) {
                out.push(' ');
            }
            rest = &rest[end..];
        } else {
            let end = rest.bytes().take(12).position(|b| b == b';');
            match end.and_then(|e| decode_entity(&rest[1..e]).map(|c| (c, e))) {
                Some((c, e)) => {
                    out.push(c);
                    rest = &rest[e + 1..];
                }
                None => {
                    out.push('&');
                    rest = &rest[1..];
                }
            }
        }
    }
    out.push_str(rest);
    out
}

fn decode_entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some(' '),
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code)
        }
    }
}
