//! Markdown to HTML for one answer section, validating as it goes: no raw
//! HTML, no images (the app makes no network requests), fenced code blocks
//! with a known language, Python highlighted.

use std::path::Path;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd, html};

use super::highlight::{escape_html, highlight_python};
use super::parse::Lines;
use super::runnable::run_attributes;
use super::{ContentError, LANGUAGES, error};

/// The one place the Markdown dialect is chosen.
pub fn markdown_options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_SMART_PUNCTUATION
}

/// Renders `body` (which starts at byte `offset` of the file) to HTML.
pub(crate) fn render_section(
    body: &str,
    offset: usize,
    lines: &Lines,
    path: &Path,
    errors: &mut Vec<ContentError>,
) -> String {
    let mut events: Vec<Event> = Vec::new();
    let mut code: Option<(String, String)> = None; // (language, text)
    let mut code_flags = String::new(); // the fence's words after the language
    let mut in_table_head = false;
    let mut header_cell: Option<(usize, bool)> = None; // (line, has text)
    for (event, span) in Parser::new_ext(body, markdown_options()).into_offset_iter() {
        let line = lines.line_of(offset + span.start);
        match event {
            Event::Html(raw) | Event::InlineHtml(raw) => {
                let shown = raw.trim();
                errors.push(error(
                    path,
                    line,
                    format!("raw HTML is not allowed (`{shown}`): use Markdown, or backticks"),
                ));
            }
            Event::Start(Tag::Image { .. }) => {
                errors.push(error(
                    path,
                    line,
                    "images are not allowed: the app loads nothing from the network",
                ));
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => {
                        code_flags = info
                            .split_once(char::is_whitespace)
                            .map_or("", |(_, rest)| rest)
                            .to_owned();
                        info.split_whitespace().next().unwrap_or("").to_owned()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                if !LANGUAGES.contains(&lang.as_str()) {
                    let what = if lang.is_empty() {
                        "a code block without a language".into()
                    } else {
                        format!("unknown code language `{lang}`")
                    };
                    errors.push(error(path, line, format!("{what} (known: {})", LANGUAGES.join(", "))));
                }
                code = Some((lang, String::new()));
            }
            Event::Start(Tag::Table(_)) => {
                // Wide tables scroll sideways inside their own box, with a cue.
                events.push(Event::Html(CowStr::from(
                    "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Table (scrolls sideways)\">",
                )));
                events.push(event);
            }
            Event::End(TagEnd::Table) => {
                events.push(event);
                events.push(Event::Html(CowStr::from("</div>\n")));
            }
            Event::Start(Tag::TableHead) => {
                in_table_head = true;
                events.push(event);
            }
            Event::End(TagEnd::TableHead) => {
                in_table_head = false;
                events.push(event);
            }
            Event::Start(Tag::TableCell) if in_table_head => {
                header_cell = Some((line, false));
                events.push(event);
            }
            Event::End(TagEnd::TableCell) if in_table_head => {
                if let Some((at, false)) = header_cell.take() {
                    errors.push(error(
                        path,
                        at,
                        "empty table header cell: name the column (screen readers read it)",
                    ));
                }
                events.push(event);
            }
            Event::Text(_) | Event::Code(_) if header_cell.is_some() => {
                header_cell = header_cell.map(|(at, _)| (at, true));
                events.push(event);
            }
            Event::Text(text) if code.is_some() => {
                if let Some((_, buffer)) = code.as_mut() {
                    buffer.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((lang, text)) = code.take() {
                    events.push(Event::Html(CowStr::from(code_block(&lang, &text, &code_flags))));
                }
            }
            other => events.push(other),
        }
    }
    let mut out = String::new();
    html::push_html(&mut out, events.into_iter());
    out
}

fn code_block(lang: &str, text: &str, flags: &str) -> String {
    let text = text.strip_suffix('\n').unwrap_or(text);
    match lang {
        "python" => format!(
            "<div class=\"code-block\"{}><button type=\"button\" class=\"copy\" data-copy>Copy</button>\
             <pre class=\"code lang-python\"><code>{}</code></pre></div>\n",
            run_attributes(text, flags),
            highlight_python(text)
        ),
        "output" => format!(
            "<pre class=\"output\" aria-label=\"Output\"><samp>{}</samp></pre>\n",
            escape_html(text)
        ),
        _ => format!(
            "<div class=\"code-block\"><button type=\"button\" class=\"copy\" data-copy>Copy</button>\
             <pre class=\"code lang-{lang}\"><code>{}</code></pre></div>\n",
            escape_html(text)
        ),
    }
}

/// Question text: plain, with `backticks` rendered as code.
pub fn render_inline_code(text: &str) -> String {
    text.split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                format!("<code>{}</code>", escape_html(part))
            } else {
                escape_html(part)
            }
        })
        .collect()
}
