//! Run the examples of an answer in the page. The answer's HTML comes from
//! the build, where every Python code block was classified (`data-run`:
//! `stdlib`, `wheels` with `data-wheels`, or `local` with `data-needs`);
//! [`RunPanels`] finds those blocks and renders a [`RunPanel`] into each
//! (a portal): a Run button, an editable copy of the code, the one-time
//! download's progress, and the output, stdout and stderr apart.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlTextAreaElement};
use yew::prelude::*;

use crate::session::{RunOutput, Stream, download_progress, insert_indent};
use crate::ui::runner::{self, RunEvent, StopReason};

/// One runnable code block found in the answer.
#[derive(Clone, PartialEq)]
struct Block {
    host: Element,
    code: Rc<str>,
    kind: String,
    wheels: Vec<String>,
    needs: String,
}

/// Props of [`RunPanels`].
#[derive(Properties, PartialEq)]
pub struct RunPanelsProps {
    /// The element holding the answer's HTML.
    pub root: NodeRef,
    /// The answer parts open now: a folded part has no code blocks until it
    /// opens, so a change here makes the panels look again.
    #[prop_or_default]
    pub open: AttrValue,
}

/// Finds the answer's Python code blocks and gives each a [`RunPanel`].
#[function_component(RunPanels)]
pub fn run_panels(props: &RunPanelsProps) -> Html {
    let blocks = use_state(Vec::<Block>::new);
    {
        let (root, blocks) = (props.root.clone(), blocks.clone());
        // After every render: the answer's parts may have changed.
        use_effect(move || {
            let found = root
                .cast::<Element>()
                .map(|root| find_blocks(&root))
                .unwrap_or_default();
            let same = found.len() == blocks.len()
                && found
                    .iter()
                    .zip(blocks.iter())
                    .all(|(a, b)| a.host.is_same_node(Some(&b.host)));
            if !same {
                blocks.set(found);
            }
        });
    }
    html! {
        { for blocks.iter().map(|b| create_portal(
            html! { <RunPanel code={b.code.clone()} kind={b.kind.clone()} wheels={b.wheels.clone()} needs={b.needs.clone()} /> },
            b.host.clone(),
        )) }
    }
}

fn find_blocks(root: &Element) -> Vec<Block> {
    let Ok(list) = root.query_selector_all(".code-block[data-run]") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .filter_map(|block| {
            let code = block
                .query_selector("pre")
                .ok()
                .flatten()?
                .text_content()
                .unwrap_or_default();
            let host = match block.query_selector(":scope > .run-host").ok().flatten() {
                Some(host) => host,
                None => {
                    let host = block.owner_document()?.create_element("div").ok()?;
                    host.set_class_name("run-host");
                    block.append_child(&host).ok()?;
                    host
                }
            };
            let attr = |name: &str| block.get_attribute(name).unwrap_or_default();
            Some(Block {
                host,
                code: code.into(),
                kind: attr("data-run"),
                wheels: attr("data-wheels").split_whitespace().map(str::to_string).collect(),
                needs: attr("data-needs"),
            })
        })
        .collect()
}

/// Props of [`RunPanel`].
#[derive(Properties, PartialEq)]
pub struct RunPanelProps {
    /// The example as published.
    pub code: Rc<str>,
    /// `stdlib`, `wheels` or `local`.
    pub kind: String,
    /// The bundled wheels it needs.
    pub wheels: Vec<String>,
    /// Why it runs locally only.
    pub needs: String,
}

#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Loading(f64, f64),
    Running(u32),
    Done,
    Stopped(StopReason),
    Failed(String),
}

/// A Run button for one example, with its editor and output.
#[function_component(RunPanel)]
pub fn run_panel(props: &RunPanelProps) -> Html {
    let id = use_memo((), |_| runner::panel_id());
    let status = use_state(|| Status::Idle);
    let output = use_mut_ref(RunOutput::default);
    let shown_output = use_state(RunOutput::default);
    let editing = use_state(|| false);
    let text = use_state(|| props.code.to_string());
    {
        let id = *id;
        use_effect_with((), move |_| move || runner::forget(id));
    }
    if props.kind == "local" {
        let why = if props.needs.is_empty() {
            "needs packages".to_string()
        } else {
            props.needs.clone()
        };
        return html! {
            <p class="run-local" data-testid="run-local">
                { format!("Runs locally only: this example {why}, which cannot run in the page. Copy it and run it with Python.") }
            </p>
        };
    }
    let running = matches!(*status, Status::Loading(..) | Status::Running(_));
    let on_event = {
        let (status, output, shown_output) = (status.clone(), output.clone(), shown_output.clone());
        Callback::from(move |event: RunEvent| match event {
            RunEvent::Progress(received, total) => status.set(Status::Loading(received, total)),
            RunEvent::Running(left) => status.set(Status::Running(left)),
            RunEvent::Out(stream, text) => {
                output.borrow_mut().push(stream, &text);
                shown_output.set(output.borrow().clone());
            }
            RunEvent::Done => status.set(Status::Done),
            RunEvent::Stopped(reason) => status.set(Status::Stopped(reason)),
            RunEvent::Failed(why) => status.set(Status::Failed(why)),
        })
    };
    let run = {
        let (id, status, output, shown_output, text, editing, code, wheels) = (
            *id,
            status.clone(),
            output.clone(),
            shown_output.clone(),
            text.clone(),
            editing.clone(),
            props.code.clone(),
            props.wheels.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            *output.borrow_mut() = RunOutput::default();
            shown_output.set(RunOutput::default());
            status.set(Status::Loading(0.0, 0.0));
            let source = if *editing { (*text).clone() } else { code.to_string() };
            runner::start(id, &source, &wheels, on_event.clone());
        })
    };
    let stop = {
        let id = *id;
        Callback::from(move |_: MouseEvent| runner::stop(id))
    };
    let toggle_edit = {
        let editing = editing.clone();
        Callback::from(move |_: MouseEvent| editing.set(!*editing))
    };
    let reset = {
        let (text, code) = (text.clone(), props.code.clone());
        Callback::from(move |_: MouseEvent| text.set(code.to_string()))
    };
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(area) = e.target_dyn_into::<HtmlTextAreaElement>() {
                text.set(area.value());
            }
        })
    };
    // Tab indents; Escape first lets the next Tab leave the editor (no keyboard trap).
    let released = use_mut_ref(|| false);
    let onkeydown = {
        let text = text.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                *released.borrow_mut() = true;
                return;
            }
            let leave = std::mem::take(&mut *released.borrow_mut());
            if leave || e.key() != "Tab" || e.shift_key() || e.ctrl_key() || e.alt_key() || e.meta_key() {
                return;
            }
            let Some(area) = e.target_dyn_into::<HtmlTextAreaElement>() else {
                return;
            };
            e.prevent_default();
            let (start, end) = (
                area.selection_start().ok().flatten().unwrap_or(0),
                area.selection_end().ok().flatten().unwrap_or(0),
            );
            let (next, caret) = insert_indent(&area.value(), start, end);
            area.set_value(&next);
            let _ = area.set_selection_range(caret, caret);
            text.set(next);
        })
    };
    let limit = runner::limit_seconds();
    let status_line = match &*status {
        Status::Idle => None,
        Status::Loading(received, total) => {
            let (value, line) = download_progress(*received, *total);
            return_progress(value, line)
        }
        Status::Running(left) => Some(
            html! { <p class="run-status" data-testid="run-status">{ format!("Running… stops after {limit} s ({left} s left).") }</p> },
        ),
        Status::Done => Some(html! { <p class="run-status" data-testid="run-status">{ "Finished." }</p> }),
        Status::Stopped(reason) => {
            let line = match reason {
                StopReason::Stop => "Stopped.".to_string(),
                StopReason::TimeLimit => format!("Stopped: the time limit of {limit} s was reached."),
                StopReason::Replaced => "Stopped: another example was run.".to_string(),
            };
            Some(html! { <p class="run-status stopped" role="status" data-testid="run-status">{ line }</p> })
        }
        Status::Failed(why) => Some(html! {
            <p class="run-status failed" role="alert" data-testid="run-status">{ format!("Python could not start: {why}. Try again, or run it locally.") }</p>
        }),
    };
    let edited = *text != *props.code;
    let out = &*shown_output;
    html! {
        <div class="run-panel" data-testid="run-panel">
            <div class="run-bar">
                if running {
                    <button type="button" class="run stop" data-testid="run-stop" onclick={stop}>{ "Stop" }</button>
                } else {
                    <button type="button" class="run" data-testid="run-button" onclick={run}>
                        { if *editing { "Run my version" } else { "Run" } }
                    </button>
                }
                <button type="button" class="run-edit" data-testid="run-edit" aria-pressed={if *editing { "true" } else { "false" }} onclick={toggle_edit}>
                    { if *editing { "Close editor" } else { "Edit" } }
                </button>
                if *editing && edited {
                    <button type="button" class="run-reset" data-testid="run-reset" onclick={reset}>{ "Reset" }</button>
                }
            </div>
            if *editing {
                <textarea class="run-editor" data-testid="run-editor" aria-label="Edit the example"
                    spellcheck="false" autocapitalize="off" autocomplete="off" wrap="off"
                    rows={(text.lines().count().clamp(3, 24)).to_string()}
                    aria-describedby={format!("run-help-{}", *id)}
                    value={(*text).clone()} {oninput} {onkeydown} />
                <p class="run-help" id={format!("run-help-{}", *id)}>{ "Tab indents; Esc, then Tab, leaves the editor." }</p>
            }
            { for status_line }
            if !out.is_empty() {
                <pre class="run-output" data-testid="run-output" aria-label="Output of your run" aria-live="polite">
                    { for out.parts.iter().map(|(stream, text)| match stream {
                        Stream::Stdout => html! { <span class="stdout">{ text.clone() }</span> },
                        Stream::Stderr => html! { <span class="stderr" data-testid="run-stderr">{ text.clone() }</span> },
                    }) }
                    if out.truncated { <span class="stderr">{ "\n[more output was dropped]" }</span> }
                </pre>
            }
        </div>
    }
}

fn return_progress(value: f64, line: String) -> Option<Html> {
    Some(html! {
        <div class="run-progress" data-testid="run-progress" role="status">
            <progress max="1" value={value.to_string()} aria-label="Download of Python" />
            <span>{ line }</span>
        </div>
    })
}
