//! The page's side of running examples: one Web Worker (`run-worker.js`,
//! Pyodide inside), started on the first Run and never before, shared by every
//! Run button of the page. One run at a time: a Run elsewhere while one runs
//! stops that one first. The time limit and Stop terminate the worker; the
//! next run starts a fresh one (the interpreter's files then come from the
//! cache).

use std::cell::RefCell;

use gloo::timers::callback::Interval;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::Callback;

use crate::session::{Stream, TIME_LIMIT_MS, out_of_time, seconds_left};
use crate::ui::answers;

/// Why a run ended before its code did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StopReason {
    /// The learner pressed Stop.
    Stop,
    /// It ran for [`TIME_LIMIT_MS`].
    TimeLimit,
    /// Another example was run.
    Replaced,
}

/// What a Run button hears about its run.
#[derive(Clone, Debug, PartialEq)]
pub enum RunEvent {
    /// Bytes of the one-time download so far, of the total.
    Progress(f64, f64),
    /// The code started; this many seconds are left.
    Running(u32),
    Out(Stream, String),
    /// The code finished.
    Done,
    Stopped(StopReason),
    /// The interpreter could not start.
    Failed(String),
}

#[derive(Default)]
struct Runner {
    worker: Option<Worker>,
    _on_message: Option<Closure<dyn FnMut(MessageEvent)>>,
    _on_error: Option<Closure<dyn FnMut(web_sys::Event)>>,
    /// The panel whose run is under way, and where its events go.
    owner: Option<(u32, Callback<RunEvent>)>,
    /// Set while the code runs: when it started, and the clock checking it.
    started: Option<(f64, Interval)>,
    next_panel: u32,
}

thread_local! {
    static RUNNER: RefCell<Runner> = RefCell::new(Runner::default());
}

/// A fresh id for a Run button.
pub fn panel_id() -> u32 {
    RUNNER.with(|r| {
        let mut r = r.borrow_mut();
        r.next_panel += 1;
        r.next_panel
    })
}

/// Tells the owner of the current run, outside the borrow.
fn tell(event: RunEvent) {
    if let Some(on_event) = RUNNER.with(|r| r.borrow().owner.as_ref().map(|(_, cb)| cb.clone())) {
        on_event.emit(event);
    }
}

/// Ends the current run (if any) with `reason`, and the worker with it.
fn end(reason: Option<StopReason>) {
    let owner = RUNNER.with(|r| {
        let mut r = r.borrow_mut();
        r.started = None;
        if reason.is_some() {
            if let Some(worker) = r.worker.take() {
                worker.terminate();
            }
            r._on_message = None;
            r._on_error = None;
        }
        r.owner.take()
    });
    if let (Some((_, on_event)), Some(reason)) = (owner, reason) {
        on_event.emit(RunEvent::Stopped(reason));
    }
}

/// Runs `code` for panel `panel`, with these bundled wheels installed first.
pub fn start(panel: u32, code: &str, wheels: &[String], on_event: Callback<RunEvent>) {
    if RUNNER.with(|r| r.borrow().owner.is_some()) {
        end(Some(StopReason::Replaced));
    }
    let worker = match RUNNER.with(|r| r.borrow().worker.clone()) {
        Some(worker) => worker,
        None => match spawn() {
            Ok(worker) => worker,
            Err(why) => {
                on_event.emit(RunEvent::Failed(why));
                return;
            }
        },
    };
    RUNNER.with(|r| r.borrow_mut().owner = Some((panel, on_event)));
    let message = js_sys::Object::new();
    let set = |k: &str, v: &JsValue| js_sys::Reflect::set(&message, &JsValue::from_str(k), v);
    let list: js_sys::Array = wheels.iter().map(|w| JsValue::from_str(w)).collect();
    let _ = set("type", &JsValue::from_str("run"));
    let _ = set("code", &JsValue::from_str(code));
    let _ = set("wheels", &list);
    if let Err(e) = worker.post_message(&message) {
        end(None);
        tell_failed(format!("{e:?}"));
    }
}

fn tell_failed(why: String) {
    tell(RunEvent::Failed(why));
}

/// Stops panel `panel`'s run, if it is the one running.
pub fn stop(panel: u32) {
    if RUNNER.with(|r| r.borrow().owner.as_ref().is_some_and(|(p, _)| *p == panel)) {
        end(Some(StopReason::Stop));
    }
}

/// Forgets panel `panel` (its card went away): its run is stopped.
pub fn forget(panel: u32) {
    stop(panel);
}

/// The worker's URL: next to the app's files. A script embed on another
/// origin cannot start a worker from our origin directly, so there a tiny
/// module from a blob imports it (the host's CSP then needs `worker-src blob:`).
fn spawn() -> Result<Worker, String> {
    let window = web_sys::window().ok_or("no window")?;
    let page = window.location().href().map_err(|e| format!("{e:?}"))?;
    let url = web_sys::Url::new_with_base(&format!("{}run-worker.js", answers::base()), &page)
        .map_err(|_| "the worker's address is not valid".to_string())?;
    let options = WorkerOptions::new();
    options.set_type(WorkerType::Module);
    let same_origin = window.location().origin().is_ok_and(|o| o == url.origin());
    let script = if same_origin {
        url.href()
    } else {
        let source = js_sys::Array::of1(&JsValue::from_str(&format!("import {:?};", url.href())));
        let bag = web_sys::BlobPropertyBag::new();
        bag.set_type("text/javascript");
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&source, &bag).map_err(|e| format!("{e:?}"))?;
        web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| format!("{e:?}"))?
    };
    let worker = Worker::new_with_options(&script, &options).map_err(|e| {
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| "the browser refused to start a worker".into())
    })?;
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|e: MessageEvent| on_message(&e.data()));
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(|_: web_sys::Event| {
        end(None);
        RUNNER.with(|r| {
            if let Some(worker) = r.borrow_mut().worker.take() {
                worker.terminate();
            }
        });
        tell_failed("the Python worker could not load".into());
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    RUNNER.with(|r| {
        let mut r = r.borrow_mut();
        r.worker = Some(worker.clone());
        r._on_message = Some(on_message);
        r._on_error = Some(on_error);
    });
    Ok(worker)
}

fn field(data: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(data, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn on_message(data: &JsValue) {
    let text = |name: &str| field(data, name).as_string().unwrap_or_default();
    let number = |name: &str| field(data, name).as_f64().unwrap_or(0.0);
    match text("type").as_str() {
        "progress" => tell(RunEvent::Progress(number("received"), number("total"))),
        "started" => {
            let now = js_sys::Date::now();
            let clock = Interval::new(250, tick);
            RUNNER.with(|r| r.borrow_mut().started = Some((now, clock)));
            tell(RunEvent::Running(seconds_left(now, now)));
        }
        "out" => {
            let stream = if text("stream") == "stderr" {
                Stream::Stderr
            } else {
                Stream::Stdout
            };
            tell(RunEvent::Out(stream, text("text")));
        }
        "done" => {
            let owner = RUNNER.with(|r| {
                let mut r = r.borrow_mut();
                r.started = None;
                r.owner.take()
            });
            if let Some((_, on_event)) = owner {
                on_event.emit(RunEvent::Done);
            }
        }
        "failed" => {
            tell_failed(text("message"));
            // The next Run tries again with a new worker.
            RUNNER.with(|r| {
                if let Some(worker) = r.borrow_mut().worker.take() {
                    worker.terminate();
                }
            });
            end(None);
        }
        _ => {}
    }
}

/// Every quarter second while code runs: the seconds left, or the time limit.
fn tick() {
    let Some(started) = RUNNER.with(|r| r.borrow().started.as_ref().map(|(at, _)| *at)) else {
        return;
    };
    let now = js_sys::Date::now();
    if out_of_time(started, now) {
        // Not from inside the clock's own callback, which `end` drops.
        gloo::timers::callback::Timeout::new(0, || end(Some(StopReason::TimeLimit))).forget();
    } else {
        tell(RunEvent::Running(seconds_left(started, now)));
    }
}

/// The time limit in whole seconds, as shown.
pub fn limit_seconds() -> u32 {
    (TIME_LIMIT_MS / 1000.0) as u32
}
