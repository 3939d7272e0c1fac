//! Splits one category file into its header, questions and answer sections,
//! keeping line numbers for error messages.

use std::ops::Range;
use std::path::Path;

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::render::{markdown_options, render_inline_code, render_section};
use super::samples::{check_cards, section_samples};
use super::{AnswerHtml, CATEGORIES, CategoryFile, ContentError, QuestionEntry, error};

/// The answer sections, in the order they must appear; `true` if required.
const SECTIONS: [(&str, bool); 6] = [
    ("Answer", true),
    ("Key points", KEY_POINTS_REQUIRED),
    ("Explanation", true),
    ("Example", false),
    ("Follow-ups", true),
    ("Pitfalls", true),
];

/// Whether every answer must have its `Key points` section.
const KEY_POINTS_REQUIRED: bool = true;

/// How many key points an answer lists, and how long one may be.
pub const KEY_POINTS: std::ops::RangeInclusive<usize> = 3..=5;
/// The longest key point, in characters of Markdown source.
pub const KEY_POINT_MAX_CHARS: usize = 100;

/// A heading of the file: level, text, where it is in the source.
struct Heading {
    level: HeadingLevel,
    text: String,
    span: Range<usize>,
}

/// Maps byte offsets of a text to 1-based line numbers.
pub(crate) struct Lines(Vec<usize>);

impl Lines {
    pub(crate) fn new(text: &str) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines(starts)
    }

    pub(crate) fn line_of(&self, offset: usize) -> usize {
        self.0.partition_point(|&start| start <= offset)
    }
}

fn headings(text: &str) -> Vec<Heading> {
    let mut out: Vec<Heading> = Vec::new();
    let mut current: Option<Heading> = None;
    for (event, span) in Parser::new_ext(text, markdown_options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                current = Some(Heading {
                    level,
                    text: String::new(),
                    span,
                });
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(h) = current.as_mut() {
                    h.text.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => out.extend(current.take()),
            _ => {}
        }
    }
    out
}

/// Parses and validates one category file. `tags` is the allowed vocabulary.
pub fn parse_file(path: &Path, text: &str, tags: &[String]) -> Result<CategoryFile, Vec<ContentError>> {
    let lines = Lines::new(text);
    let mut errors = Vec::new();
    let heads = headings(text);
    let at = |offset: usize| lines.line_of(offset);

    let Some(title) = heads.first().filter(|h| h.level == HeadingLevel::H1) else {
        return Err(vec![error(path, 1, "a category file starts with `# <category title>`")]);
    };
    let first_question = heads
        .iter()
        .position(|h| h.level == HeadingLevel::H2)
        .unwrap_or(heads.len());
    let header_end = heads.get(first_question).map_or(text.len(), |h| h.span.start);
    let header = &text[title.span.end..header_end];
    let id = match metadata(header, title.span.end, &lines, path, &mut errors)
        .iter()
        .find(|(k, ..)| k == "Category")
    {
        Some((_, value, line)) => match CATEGORIES.iter().find(|(id, _)| id == value) {
            Some((id, expected)) => {
                if title.text != *expected {
                    errors.push(error(
                        path,
                        at(title.span.start),
                        format!("category `{id}` is titled `{expected}`"),
                    ));
                }
                id.to_string()
            }
            None => {
                let known: Vec<_> = CATEGORIES.iter().map(|c| c.0).collect();
                errors.push(error(
                    path,
                    *line,
                    format!("unknown category `{value}` (known: {})", known.join(", ")),
                ));
                String::new()
            }
        },
        None => {
            errors.push(error(
                path,
                at(title.span.start),
                "missing `Category: <id>` under the title",
            ));
            String::new()
        }
    };

    let mut questions = Vec::new();
    let mut i = first_question;
    while i < heads.len() {
        let head = &heads[i];
        let end_of_question = heads[i + 1..]
            .iter()
            .position(|h| h.level <= HeadingLevel::H2)
            .map_or(heads.len(), |p| i + 1 + p);
        if head.level != HeadingLevel::H2 {
            errors.push(error(path, at(head.span.start), "expected a `## question-id` heading"));
            i = end_of_question;
            continue;
        }
        let next_start = heads.get(end_of_question).map_or(text.len(), |h| h.span.start);
        let sections: Vec<&Heading> = heads[i + 1..end_of_question]
            .iter()
            .filter(|h| h.level == HeadingLevel::H3)
            .collect();
        let meta_end = sections.first().map_or(next_start, |h| h.span.start);
        let meta = metadata(&text[head.span.end..meta_end], head.span.end, &lines, path, &mut errors);
        let section_bodies: Vec<(&Heading, &str, usize)> = sections
            .iter()
            .enumerate()
            .map(|(k, h)| {
                let end = sections.get(k + 1).map_or(next_start, |n| n.span.start);
                (*h, &text[h.span.end..end], h.span.end)
            })
            .collect();
        if let Some(q) = question(path, head, &meta, &section_bodies, &lines, tags, &mut errors) {
            questions.push(q);
        }
        i = end_of_question;
    }
    if errors.is_empty() {
        Ok(CategoryFile {
            id,
            title: title.text.clone(),
            questions,
        })
    } else {
        Err(errors)
    }
}

/// `Key: value` lines of a metadata block, with their line numbers.
fn metadata(
    block: &str,
    offset: usize,
    lines: &Lines,
    path: &Path,
    errors: &mut Vec<ContentError>,
) -> Vec<(String, String, usize)> {
    let mut out = Vec::new();
    let mut pos = offset;
    for raw in block.split_inclusive('\n') {
        let line = raw.trim();
        let number = lines.line_of(pos);
        pos += raw.len();
        if line.is_empty() {
            continue;
        }
        match line.split_once(':') {
            Some((key, value)) if !key.contains(' ') => out.push((key.to_owned(), value.trim().to_owned(), number)),
            _ => errors.push(error(path, number, format!("expected `Key: value`, found `{line}`"))),
        }
    }
    out
}

fn question(
    path: &Path,
    head: &Heading,
    meta: &[(String, String, usize)],
    sections: &[(&Heading, &str, usize)],
    lines: &Lines,
    vocabulary: &[String],
    errors: &mut Vec<ContentError>,
) -> Option<QuestionEntry> {
    let line = lines.line_of(head.span.start);
    let id = head.text.trim().to_owned();
    let before = errors.len();
    let valid_slug = !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-');
    if !valid_slug {
        errors.push(error(
            path,
            line,
            format!("question id `{id}` is not a slug (a-z, 0-9, -)"),
        ));
    }
    let keys: Vec<&str> = meta.iter().map(|(k, ..)| k.as_str()).collect();
    if keys != ["Question", "Difficulty", "Tags"] {
        errors.push(error(
            path,
            line,
            format!("`{id}`: expected Question, Difficulty, Tags lines, found {keys:?}"),
        ));
        return None;
    }
    let (text, difficulty, tag_line) = (&meta[0], &meta[1], &meta[2]);
    if text.1.is_empty() {
        errors.push(error(path, text.2, "empty question text"));
    }
    if !["easy", "medium", "hard"].contains(&difficulty.1.as_str()) {
        errors.push(error(
            path,
            difficulty.2,
            format!("unknown difficulty `{}` (easy, medium, hard)", difficulty.1),
        ));
    }
    let tags: Vec<String> = tag_line
        .1
        .split(',')
        .map(|t| t.trim().to_owned())
        .filter(|t| !t.is_empty())
        .collect();
    for tag in &tags {
        if !vocabulary.contains(tag) {
            errors.push(error(
                path,
                tag_line.2,
                format!("tag `{tag}` is not in the vocabulary (content/README.md)"),
            ));
        }
    }
    let answer = if sections.is_empty() {
        None
    } else {
        if !(2..=5).contains(&tags.len()) {
            errors.push(error(
                path,
                tag_line.2,
                format!("`{id}` needs two to five tags, has {}", tags.len()),
            ));
        }
        Some(answer(path, &id, sections, lines, errors))
    };
    (errors.len() == before).then(|| QuestionEntry {
        id,
        line,
        text: text.1.clone(),
        difficulty: difficulty.1.clone(),
        tags,
        answer,
    })
}

fn answer(
    path: &Path,
    id: &str,
    sections: &[(&Heading, &str, usize)],
    lines: &Lines,
    errors: &mut Vec<ContentError>,
) -> AnswerHtml {
    let mut html = AnswerHtml::default();
    let order: Vec<&str> = SECTIONS.iter().map(|s| s.0).collect();
    let mut next = 0; // index into SECTIONS of the next section allowed
    for (head, body, offset) in sections {
        let name = head.text.trim();
        let line = lines.line_of(head.span.start);
        let problem = match SECTIONS.iter().position(|s| s.0 == name) {
            None => Some(format!("unknown section `{name}` (sections: {})", order.join(", "))),
            Some(p) if p < next => Some(format!(
                "section `{name}` is out of order (order: {})",
                order.join(", ")
            )),
            Some(p) => SECTIONS[next..p]
                .iter()
                .find(|s| s.1)
                .map(|missing| format!("missing section `{}` before `{name}`", missing.0)),
        };
        if let Some(problem) = problem {
            errors.push(error(path, line, format!("`{id}`: {problem}")));
            return html;
        }
        next = SECTIONS.iter().position(|s| s.0 == name).map_or(next, |p| p + 1);
        if name == "Key points" {
            html.key_points = key_points(body, *offset, lines, path, id, errors);
            continue;
        }
        let samples = section_samples(id, body, *offset, lines, path, errors);
        html.outputs.extend(samples.cards);
        html.excluded_outputs += samples.excluded;
        let rendered = render_section(body, *offset, lines, path, errors);
        if rendered.trim().is_empty() {
            errors.push(error(path, line, format!("`{id}`: section `{name}` is empty")));
        }
        *match name {
            "Answer" => &mut html.short,
            "Explanation" => &mut html.explanation,
            "Example" => &mut html.example,
            "Follow-ups" => &mut html.follow_ups,
            "Pitfalls" => &mut html.pitfalls,
            other => unreachable!("section {other} is checked against SECTIONS above"),
        } = rendered;
    }
    if let Some((missing, _)) = SECTIONS[next..].iter().find(|s| s.1) {
        let line = lines.line_of(sections[0].0.span.start);
        errors.push(error(path, line, format!("`{id}`: missing section `{missing}`")));
    }
    check_cards(id, &html.outputs, path, errors);
    html
}

/// The key points: a flat list of 3 to 5 one-line items, each rendered as
/// inline HTML (backticks become code; nothing else is Markdown here).
fn key_points(
    body: &str,
    offset: usize,
    lines: &Lines,
    path: &Path,
    id: &str,
    errors: &mut Vec<ContentError>,
) -> Vec<String> {
    let line = lines.line_of(offset);
    let mut points = Vec::new();
    let mut start = 0;
    for text in body.split_inclusive('\n') {
        let at = lines.line_of(offset + start);
        start += text.len();
        if text.trim().is_empty() {
            continue;
        }
        let Some(point) = text.strip_prefix("- ").map(str::trim) else {
            errors.push(error(
                path,
                at,
                format!("`{id}`: key points are a flat `- ` list, one point a line"),
            ));
            return points;
        };
        if point.chars().count() > KEY_POINT_MAX_CHARS {
            errors.push(error(
                path,
                at,
                format!("`{id}`: a key point is at most {KEY_POINT_MAX_CHARS} characters"),
            ));
        }
        let prose = point.split('`').step_by(2).collect::<String>();
        if prose.contains(['[', '<', '*']) || point.matches('`').count() % 2 == 1 {
            errors.push(error(
                path,
                at,
                format!("`{id}`: a key point is plain text with `code` only"),
            ));
        }
        points.push(render_inline_code(point));
    }
    if !KEY_POINTS.contains(&points.len()) {
        errors.push(error(
            path,
            line,
            format!(
                "`{id}`: {} key points; write {} to {}",
                points.len(),
                KEY_POINTS.start(),
                KEY_POINTS.end()
            ),
        ));
    }
    points
}
