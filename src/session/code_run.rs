//! Running an example in the page (the interpreter runs in a Web Worker; see
//! `assets/run-worker.js`): the time limit, the output kept, the download's
//! progress line, and the editor's Tab key. Pure: times come in as
//! milliseconds, text positions as the textarea's UTF-16 offsets.

/// A run is stopped after this long (the download does not count).
pub const TIME_LIMIT_MS: f64 = 10_000.0;
/// Characters of output kept per run; the rest is dropped with a notice.
pub const MAX_OUTPUT_CHARS: usize = 100_000;
/// What Tab inserts in the editor.
pub const INDENT: &str = "    ";

/// Which stream a piece of output came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

/// The output of a run, as it streams in: adjacent pieces of one stream are
/// joined; past [`MAX_OUTPUT_CHARS`] nothing more is kept.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RunOutput {
    pub parts: Vec<(Stream, String)>,
    chars: usize,
    /// True once something was dropped.
    pub truncated: bool,
}

impl RunOutput {
    /// Adds a piece of output.
    pub fn push(&mut self, stream: Stream, text: &str) {
        if self.truncated || text.is_empty() {
            return;
        }
        let room = MAX_OUTPUT_CHARS.saturating_sub(self.chars);
        let count = text.chars().count();
        let kept: String = if count > room {
            self.truncated = true;
            text.chars().take(room).collect()
        } else {
            text.to_string()
        };
        self.chars += kept.chars().count();
        match self.parts.last_mut() {
            Some((last, buffer)) if *last == stream => buffer.push_str(&kept),
            _ if kept.is_empty() => {}
            _ => self.parts.push((stream, kept)),
        }
    }

    /// True when nothing was printed.
    pub fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }

    /// Everything printed on stdout.
    pub fn stdout(&self) -> String {
        self.parts
            .iter()
            .filter(|(s, _)| *s == Stream::Stdout)
            .map(|(_, t)| t.as_str())
            .collect()
    }
}

/// Whether a run that started at `started_ms` has used up its time at `now_ms`.
pub fn out_of_time(started_ms: f64, now_ms: f64) -> bool {
    now_ms - started_ms >= TIME_LIMIT_MS
}

/// Whole seconds left of the time limit (shown while it runs), never negative.
pub fn seconds_left(started_ms: f64, now_ms: f64) -> u32 {
    let left = (TIME_LIMIT_MS - (now_ms - started_ms).max(0.0)) / 1000.0;
    left.ceil().clamp(0.0, TIME_LIMIT_MS / 1000.0) as u32
}

/// The progress bar's value (0..=1) and its line, e.g. "Downloading Python
/// (once): 3.1 of 12.4 MB".
pub fn download_progress(received: f64, total: f64) -> (f64, String) {
    let mb = |b: f64| b.max(0.0) / 1_000_000.0;
    if total <= 0.0 || !total.is_finite() || !received.is_finite() {
        return (0.0, "Starting Python…".to_string());
    }
    let shown = received.clamp(0.0, total);
    // One decimal by integer arithmetic (no float formatting in the wasm).
    let tenths = |b: f64| (mb(b) * 10.0).round() as u64;
    let (got, all) = (tenths(shown), tenths(total));
    let line = format!(
        "Downloading Python (once): {}.{} of {}.{} MB",
        got / 10,
        got % 10,
        all / 10,
        all % 10
    );
    (shown / total, line)
}

/// Tab in the editor: replaces the selection `start..end` (UTF-16 offsets, as
/// a textarea gives them) with [`INDENT`]; returns the new text and the caret's
/// UTF-16 offset. Offsets out of range or reversed are clamped.
pub fn insert_indent(text: &str, start: u32, end: u32) -> (String, u32) {
    let units: Vec<u16> = text.encode_utf16().collect();
    let len = units.len() as u32;
    let (start, end) = (start.min(len), end.min(len));
    let (start, end) = (start.min(end), start.max(end));
    let mut out: Vec<u16> = units[..start as usize].to_vec();
    out.extend(INDENT.encode_utf16());
    out.extend_from_slice(&units[end as usize..]);
    // A cut through a surrogate pair leaves a lone half: lossy keeps it valid.
    (String::from_utf16_lossy(&out), start + INDENT.len() as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_joins_a_stream_and_keeps_the_order_of_streams() {
        let mut out = RunOutput::default();
        out.push(Stream::Stdout, "a\n");
        out.push(Stream::Stdout, "b\n");
        out.push(Stream::Stderr, "Traceback\n");
        out.push(Stream::Stdout, "");
        out.push(Stream::Stdout, "c\n");
        assert_eq!(
            out.parts,
            [
                (Stream::Stdout, "a\nb\n".into()),
                (Stream::Stderr, "Traceback\n".into()),
                (Stream::Stdout, "c\n".into())
            ]
        );
        assert_eq!(out.stdout(), "a\nb\nc\n");
        assert!(!out.truncated);
    }

    #[test]
    fn output_stops_at_the_cap() {
        let mut out = RunOutput::default();
        let line = "é".repeat(1000);
        for _ in 0..150 {
            out.push(Stream::Stdout, &line);
        }
        assert!(out.truncated);
        assert_eq!(out.stdout().chars().count(), MAX_OUTPUT_CHARS);
        out.push(Stream::Stderr, "late");
        assert_eq!(out.parts.len(), 1);
    }

    #[test]
    fn time_limit() {
        assert!(!out_of_time(1_000.0, 10_999.0));
        assert!(out_of_time(1_000.0, 11_000.0));
        assert_eq!(seconds_left(0.0, 0.0), 10);
        assert_eq!(seconds_left(0.0, 9_001.0), 1);
        assert_eq!(seconds_left(0.0, 60_000.0), 0);
        // A clock that goes back shows the full limit, not more.
        assert_eq!(seconds_left(5_000.0, 0.0), 10);
    }

    #[test]
    fn progress_line() {
        assert_eq!(
            download_progress(3_100_000.0, 12_400_000.0).1,
            "Downloading Python (once): 3.1 of 12.4 MB"
        );
        assert_eq!(download_progress(20.0, 10.0).0, 1.0);
        assert_eq!(download_progress(5.0, 0.0), (0.0, "Starting Python…".to_string()));
        assert_eq!(download_progress(f64::NAN, 10.0).0, 0.0);
    }

    #[test]
    fn tab_inserts_spaces_over_the_selection() {
        assert_eq!(insert_indent("ab", 1, 1), ("a    b".into(), 5));
        assert_eq!(insert_indent("abcd", 1, 3), ("a    d".into(), 5));
        assert_eq!(insert_indent("ab", 2, 0), ("    ".into(), 4));
        assert_eq!(insert_indent("ab", 99, 99), ("ab    ".into(), 6));
        // UTF-16 offsets: "é😀" is 3 units.
        assert_eq!(insert_indent("é😀x", 3, 3), ("é😀    x".into(), 7));
    }
}
