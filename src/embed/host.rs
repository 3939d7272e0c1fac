//! An `auto`-themed script embed takes its look from the host page: the
//! background behind its mount point (so the widget sits on the page's own
//! colour rather than a white box on an off-white blog) and, from that
//! colour's lightness, light or dark text.

/// What a widget takes from its host page.
#[derive(Clone, Debug, PartialEq)]
pub struct HostLook {
    /// The host's background is dark: use the dark colours.
    pub dark: bool,
    /// The host's background colour (`rgb(r, g, b)`), for the widget's own
    /// background; `None` when the page paints none (its canvas shows).
    pub background: Option<String>,
}

/// The red, green, blue (0 to 255) and alpha (0 to 1) of a computed CSS
/// colour: `rgb(r, g, b)`, `rgba(r, g, b, a)` or `rgb(r g b / a)`; `None`
/// for anything else.
pub fn parse_rgb(css: &str) -> Option<[f64; 4]> {
    let css = css.trim();
    let inner = css
        .strip_prefix("rgba(")
        .or_else(|| css.strip_prefix("rgb("))?
        .strip_suffix(')')?;
    let parts: Vec<f64> = inner
        .split([',', '/', ' '])
        .filter(|p| !p.is_empty())
        .map(decimal)
        .collect::<Option<_>>()?;
    let [r, g, b, a] = match parts[..] {
        [r, g, b] => [r, g, b, 1.0],
        [r, g, b, a] => [r, g, b, a],
        _ => return None,
    };
    Some([
        r.clamp(0.0, 255.0),
        g.clamp(0.0, 255.0),
        b.clamp(0.0, 255.0),
        a.clamp(0.0, 1.0),
    ])
}

/// A plain decimal such as `250`, `0.5` or `.25` (what computed colours
/// hold), read by hand: the standard float parser costs the wasm about 4 KB
/// of code and 12 KB of tables. `None` for anything else.
fn decimal(text: &str) -> Option<f64> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !digits(whole) || !digits(fraction) || whole.len() > 6 {
        return None;
    }
    let mut value = 0.0;
    for b in whole.bytes() {
        value = value * 10.0 + f64::from(b - b'0');
    }
    let mut scale = 0.1;
    for b in fraction.bytes().take(9) {
        value += f64::from(b - b'0') * scale;
        scale /= 10.0;
    }
    Some(value)
}

/// True when dark text would be harder to read on `rgb` than light text:
/// its relative luminance (WCAG) is below the point where the contrast with
/// black and with white are equal.
pub fn is_dark(rgb: [f64; 4]) -> bool {
    let channel = |c: f64| {
        let c = c / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    let luminance = 0.2126 * channel(rgb[0]) + 0.7152 * channel(rgb[1]) + 0.0722 * channel(rgb[2]);
    luminance < 0.179
}

/// The look of a widget whose mount point sits in front of `backgrounds`
/// (the computed background colours of the mount point and its ancestors,
/// innermost first). The first opaque one decides; a see-through one is
/// passed over. When none is opaque the page's canvas shows, which is dark
/// only when `canvas_dark` (the page opts into a dark colour scheme and the
/// reader's system prefers it).
pub fn host_look<S: AsRef<str>>(backgrounds: &[S], canvas_dark: bool) -> HostLook {
    backgrounds
        .iter()
        .filter_map(|b| parse_rgb(b.as_ref()))
        .find(|c| c[3] >= 0.999)
        .map(|c| HostLook {
            dark: is_dark(c),
            background: Some(format!("rgb({}, {}, {})", c[0].round(), c[1].round(), c[2].round())),
        })
        .unwrap_or(HostLook {
            dark: canvas_dark,
            background: None,
        })
}
