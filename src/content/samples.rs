//! The Python samples of an answer: each fenced `python` block, its flags,
//! and the `output` block right after it. A sample with an output block
//! becomes a predict-the-output card unless it is marked `no-predict` (or
//! `no-run`: its output is not verified). The rules are in content/README.md
//! ("Python samples" and "Predict-the-output cards").

use std::path::Path;

use pulldown_cmark::{CodeBlockKind, Event, Parser, Tag, TagEnd};

use super::highlight::highlight_python;
use super::parse::Lines;
use super::render::markdown_options;
use super::{ContentError, error};

/// Flags of a `python` fence, after the language.
pub const FLAGS: [&str; 4] = ["min-python", "max-python", "no-run", "no-predict"];

/// Flags whose value is a reason running to the end of the line.
const REASON_FLAGS: [&str; 2] = ["no-run", "no-predict"];

/// The longest id a card may have: progress refuses longer ids (`MAX_ID_LEN`).
pub const MAX_CARD_ID_LEN: usize = 100;

/// The flags written after `python` on a fence line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SampleFlags {
    pub min_python: Option<String>,
    pub max_python: Option<String>,
    pub no_run: Option<String>,
    pub no_predict: Option<String>,
}

/// A predict-the-output card of a question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputCard {
    /// `<question id>_out-<8 hex digits>`: see [`card_id`].
    pub id: String,
    /// Line of the `python` fence.
    pub line: usize,
    /// The code, highlighted (`<pre class="code lang-python">`).
    pub code_html: String,
    /// The verified output, trailing spaces and blank lines removed.
    pub expected: String,
}

/// What the samples of one question give: its cards and how many samples
/// with an output block were left out (`no-predict` or `no-run`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuestionSamples {
    pub cards: Vec<OutputCard>,
    pub excluded: usize,
}

/// Reads the flags of a fence's info string (`python min-python=3.12 ...`).
/// `no-run=` and `no-predict=` take the rest of the line as their reason,
/// so each must come last and only one of them may be given.
pub fn parse_flags(info: &str) -> Result<SampleFlags, String> {
    let rest = info.trim().split_once(char::is_whitespace).map_or("", |(_, r)| r);
    let reason_at = REASON_FLAGS
        .iter()
        .filter_map(|f| rest.find(&format!("{f}=")).map(|at| (at, *f)))
        .min();
    let (plain, reason) = match reason_at {
        Some((at, name)) => {
            let value = rest[at + name.len() + 1..].trim().trim_matches('"').to_string();
            (&rest[..at], Some((name, value)))
        }
        None => (rest, None),
    };
    let mut flags = SampleFlags::default();
    for part in plain.split_whitespace() {
        let Some((name, value)) = part.split_once('=') else {
            return Err(format!("unknown flag `{part}` (known: {})", FLAGS.join(", ")));
        };
        let value = value.trim_matches('"').to_string();
        let valid = !value.is_empty()
            && value
                .split('.')
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
        let slot = match name {
            "min-python" => &mut flags.min_python,
            "max-python" => &mut flags.max_python,
            _ => return Err(format!("unknown flag `{name}` (known: {})", FLAGS.join(", "))),
        };
        if !valid {
            return Err(format!("{name}={value} is not a version such as 3.12"));
        }
        *slot = Some(value);
    }
    if let Some((name, value)) = reason {
        if value.is_empty() {
            return Err(format!("{name}= needs a reason"));
        }
        if REASON_FLAGS
            .iter()
            .any(|f| *f != name && value.contains(&format!("{f}=")))
        {
            return Err("give only one of no-run and no-predict".into());
        }
        match name {
            "no-run" => flags.no_run = Some(value),
            _ => flags.no_predict = Some(value),
        }
    }
    Ok(flags)
}

/// The code as the card id hashes it: line endings as `\n`, trailing spaces
/// and tabs of every line removed, leading and trailing blank lines removed.
pub fn normalise_code(code: &str) -> String {
    let text = code.replace("\r\n", "\n").replace('\r', "\n");
    let lines: Vec<&str> = text.split('\n').map(str::trim_end).collect();
    let start = lines.iter().position(|l| !l.is_empty()).unwrap_or(lines.len());
    let end = lines.iter().rposition(|l| !l.is_empty()).map_or(start, |p| p + 1);
    lines[start..end].join("\n")
}

/// Output as `run_samples.py` compares it: line endings as `\n`, trailing
/// spaces of every line and trailing blank lines removed.
pub fn normalise_output(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut lines: Vec<&str> = text.split('\n').map(str::trim_end).collect();
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines.join("\n")
}

/// 32-bit FNV-1a.
fn fnv1a32(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .fold(0x811c_9dc5, |h, &b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
}

/// The id of the card of a sample: the question id, `_out-`, and the FNV-1a
/// hash of the normalised code in 8 hex digits. It changes only when the
/// sample's own code does; a question id never holds `_`, so a card id never
/// equals a question id.
pub fn card_id(question_id: &str, code: &str) -> String {
    format!("{question_id}_out-{:08x}", fnv1a32(normalise_code(code).as_bytes()))
}

/// A fenced block of a section: language, info string, text, line.
struct Fence {
    lang: String,
    info: String,
    text: String,
    line: usize,
    /// True when it directly follows the previous fence (nothing between).
    adjacent: bool,
}

fn fences(body: &str, offset: usize, lines: &Lines) -> Vec<Fence> {
    let mut out: Vec<Fence> = Vec::new();
    let mut open: Option<Fence> = None;
    let mut last_was_fence = false;
    for (event, span) in Parser::new_ext(body, markdown_options()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                open = Some(Fence {
                    lang: info.split_whitespace().next().unwrap_or("").to_string(),
                    info: info.to_string(),
                    text: String::new(),
                    line: lines.line_of(offset + span.start),
                    adjacent: last_was_fence,
                });
            }
            Event::Text(t) if open.is_some() => {
                if let Some(f) = open.as_mut() {
                    f.text.push_str(&t);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                out.extend(open.take());
                last_was_fence = true;
            }
            _ if open.is_none() => last_was_fence = false,
            _ => {}
        }
    }
    out
}

/// The cards of one answer section of question `question_id`; a bad flag or
/// a misplaced one is an error.
pub(crate) fn section_samples(
    question_id: &str,
    body: &str,
    offset: usize,
    lines: &Lines,
    path: &Path,
    errors: &mut Vec<ContentError>,
) -> QuestionSamples {
    let mut samples = QuestionSamples::default();
    let blocks = fences(body, offset, lines);
    for (i, block) in blocks.iter().enumerate() {
        if block.lang != "python" {
            continue;
        }
        let flags = match parse_flags(&block.info) {
            Ok(flags) => flags,
            Err(e) => {
                errors.push(error(path, block.line, format!("`{question_id}`: {e}")));
                continue;
            }
        };
        let output = blocks.get(i + 1).filter(|o| o.lang == "output" && o.adjacent);
        let Some(output) = output else {
            if flags.no_predict.is_some() {
                errors.push(error(
                    path,
                    block.line,
                    format!("`{question_id}`: no-predict is for a sample with an output block"),
                ));
            }
            continue;
        };
        if flags.no_predict.is_some() || flags.no_run.is_some() {
            samples.excluded += 1;
            continue;
        }
        if flags.min_python.is_some() || flags.max_python.is_some() {
            errors.push(error(
                path,
                block.line,
                format!(
                    "`{question_id}`: a sample gated by min-python or max-python prints what some interpreters \
                     do not: mark it no-predict=<reason>"
                ),
            ));
            continue;
        }
        let code = block.text.strip_suffix('\n').unwrap_or(&block.text);
        samples.cards.push(OutputCard {
            id: card_id(question_id, &block.text),
            line: block.line,
            code_html: format!(
                "<pre class=\"code lang-python\"><code>{}</code></pre>",
                highlight_python(code)
            ),
            expected: normalise_output(&output.text),
        });
    }
    samples
}

/// Checks the cards of one question: ids unique and short enough.
pub(crate) fn check_cards(question_id: &str, cards: &[OutputCard], path: &Path, errors: &mut Vec<ContentError>) {
    for (i, card) in cards.iter().enumerate() {
        if let Some(first) = cards[..i].iter().find(|c| c.id == card.id) {
            errors.push(error(
                path,
                card.line,
                format!(
                    "`{question_id}`: this sample's code is the same as the one at line {}, so their cards would \
                     share the id `{}`: change one, or mark it no-predict=<reason>",
                    first.line, card.id
                ),
            ));
        }
        if card.id.len() > MAX_CARD_ID_LEN {
            errors.push(error(
                path,
                card.line,
                format!(
                    "`{question_id}`: the card id `{}` is longer than {MAX_CARD_ID_LEN} characters",
                    card.id
                ),
            ));
        }
    }
}
