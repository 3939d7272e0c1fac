//! Reading an iframe embed's query string.

use super::{Config, ConfigError, parse_config};

/// The value of one hexadecimal digit.
fn hex(digit: u8) -> Option<u8> {
    char::from(digit).to_digit(16).map(|d| d as u8)
}

/// Decodes `%XX` escapes and `+` (as a space) of a query component.
fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(high), Some(low)) => {
                    out.push(high * 16 + low);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The decoded value of `name` in a query string (with or without the `?`);
/// `Some("")` for a bare `name`; the first occurrence wins.
pub fn query_param(query: &str, name: &str) -> Option<String> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| pair.split_once('=').unwrap_or((pair, "")))
        .find(|(key, _)| percent_decode(key) == name)
        .map(|(_, value)| percent_decode(value))
}

/// True when the query asks for the iframe embed (`embed=1`, `embed=true` or a bare `embed`).
pub fn is_iframe_query(query: &str) -> bool {
    query_param(query, "embed").is_some_and(|v| !matches!(v.trim(), "0" | "false" | "no"))
}

/// The configuration an iframe embed's query string gives.
pub fn config_from_query(query: &str) -> Result<Config, Vec<ConfigError>> {
    parse_config(|name| query_param(query, name))
}
