//! The app stylesheet, adjusted for a Shadow DOM.

/// The stylesheet for a Shadow DOM: every `rem` length becomes pixels
/// (16 px a rem), because inside a shadow root `rem` still follows the host
/// page's `<html>` font size, which the host may set to anything.
pub fn rem_to_px(css: &str) -> String {
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    let chars: Vec<char> = css.chars().collect();
    let mut out = String::with_capacity(css.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let starts_number = c.is_ascii_digit() || (c == '.' && chars.get(i + 1).is_some_and(char::is_ascii_digit));
        // A number glued to an identifier (`h1rem`, `x-2rem`) is not a length.
        let glued = match i.checked_sub(1).map(|p| chars[p]) {
            Some('-') => i.checked_sub(2).is_some_and(|p| is_ident(chars[p])),
            Some(p) => is_ident(p) || p == '.',
            None => false,
        };
        if !starts_number || glued {
            out.push(c);
            i += 1;
            continue;
        }
        let mut end = i;
        while end < chars.len() && (chars[end].is_ascii_digit() || chars[end] == '.') {
            end += 1;
        }
        let number: String = chars[i..end].iter().collect();
        let unit_end = end + 3;
        let is_rem = chars.get(end..unit_end).is_some_and(|u| u == ['r', 'e', 'm'])
            && !chars.get(unit_end).copied().is_some_and(is_ident);
        match (is_rem, number.parse::<f64>()) {
            (true, Ok(value)) => {
                let px = (value * 16.0 * 1000.0).round() / 1000.0;
                out.push_str(&format!("{px}px"));
                i = unit_end;
            }
            _ => {
                out.push_str(&number);
                i = end;
            }
        }
    }
    out
}
