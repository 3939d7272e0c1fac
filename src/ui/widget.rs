//! An embedded widget: one of the app's screens (practise, browse, mock
//! interview or a single card) scoped by its configuration, without the
//! app's chrome or hash routes (navigation is internal state). It tells the
//! embedding page what happens: `CustomEvent`s on the mount point (script
//! embed) or `postMessage` to the parent window (iframe embed), which also
//! hears the content height whenever it changes.

use std::cell::Cell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::embed::{self, Config, ConfigError, Happening, HostLook, Mode, Payload, Tally};
use crate::progress::Theme;
use crate::session::Filter;
use crate::ui::components::Notices;
use crate::ui::dom;
use crate::ui::provider::ProgressProvider;
use crate::ui::route::Route;
use crate::ui::screens::screen;
use crate::ui::shell::Shell;

/// Where a widget's events go.
#[derive(Clone, Debug, PartialEq)]
pub enum Sink {
    /// Script embed: `CustomEvent`s dispatched on the mount point.
    Host(web_sys::Element),
    /// Iframe embed: messages posted to the parent window.
    Parent,
}

impl Sink {
    fn send(&self, payload: &Payload) {
        match self {
            Sink::Host(element) => dom::dispatch_custom(element, &payload.event_name(), &payload.detail),
            Sink::Parent => dom::post_to_parent(&payload.message()),
        }
    }
}

/// Props of [`Widget`].
#[derive(Properties, PartialEq)]
pub struct WidgetProps {
    /// The configuration read from the mount point or the query string.
    pub config: Result<Config, Vec<ConfigError>>,
    pub sink: Sink,
}

/// A widget, or a clear message when its configuration is wrong.
#[function_component(Widget)]
pub fn widget(props: &WidgetProps) -> Html {
    use_effect_with(props.sink.clone(), |sink| {
        // The iframe's content height, for the host page's resize snippet.
        let reporter = (*sink == Sink::Parent)
            .then(|| dom::report_height(|height| dom::post_to_parent(&embed::height_message(height))))
            .flatten();
        move || drop(reporter)
    });
    let framed = props.sink == Sink::Parent;
    match &props.config {
        Ok(config) => html! { <WidgetBody config={config.clone()} sink={props.sink.clone()} /> },
        Err(errors) => html! {
            <div class={classes!("widget", framed.then_some("framed"))} data-testid="widget" data-theme="auto">
                <div class="notice error" role="alert" data-testid="config-error">
                    <p><strong>{ "This practice widget cannot start: its configuration has a mistake." }</strong></p>
                    <ul>
                        { for errors.iter().map(|e| html! { <li>{ e.to_string() }</li> }) }
                    </ul>
                </div>
            </div>
        },
    }
}

/// Props of [`WidgetBody`].
#[derive(Properties, PartialEq)]
struct WidgetBodyProps {
    config: Config,
    sink: Sink,
}

/// The screen a widget of this mode starts on (and its back button returns to).
fn home_route(mode: Mode) -> Route {
    match mode {
        Mode::Practise | Mode::Card => Route::Practice(Vec::new()),
        Mode::Browse => Route::Browse,
        Mode::Mock => Route::Mock,
        Mode::Output => Route::PracticeCode(Vec::new()),
    }
}

/// A widget with a valid configuration: the shared provider around its body.
#[function_component(WidgetBody)]
fn widget_body(props: &WidgetBodyProps) -> Html {
    html! {
        <ProgressProvider namespace={AttrValue::from(props.config.namespace.clone())}>
            <WidgetScreens config={props.config.clone()} sink={props.sink.clone()} />
        </ProgressProvider>
    }
}

/// A widget's screens, inside its provider.
#[function_component(WidgetScreens)]
fn widget_screens(props: &WidgetBodyProps) -> Html {
    let config = &props.config;
    // Framed by another site, the browser partitions our storage. We keep
    // using it rather than memory: progress then persists across visits of
    // that site, which serves the learner better. But it is kept for that
    // site only, not shared with pyprep opened directly, so we say so. A
    // script embed runs in the host page itself: its storage is first-party.
    let site_only = *use_memo(props.sink.clone(), |sink| {
        *sink == Sink::Parent && dom::framed_cross_site()
    });
    let home = home_route(config.mode);
    let route = use_state(|| home.clone());
    let root = use_node_ref();
    let tally = use_mut_ref(Tally::default);
    let pool: Rc<Vec<&'static str>> = use_memo(config.clone(), Config::pool);
    let filter = use_state(|| Filter::within((*pool).clone()));
    {
        let (sink, mode, count) = (props.sink.clone(), config.mode, pool.len());
        let theme = config.theme;
        use_effect_with((), move |_| {
            if sink == Sink::Parent {
                dom::set_document_theme(theme.as_str());
            }
            sink.send(&embed::ready(mode, if mode == Mode::Card { 1 } else { count }));
        });
    }
    let keep_card_top = use_card_top_kept(props.sink == Sink::Parent);
    let on_happening = {
        let sink = props.sink.clone();
        Callback::from(move |happening| {
            if matches!(happening, Happening::Graded { .. }) {
                keep_card_top();
            }
            let payload = tally.borrow_mut().record(happening);
            sink.send(&payload);
        })
    };
    let navigate = {
        let (route, root) = (route.setter(), root.clone());
        Callback::from(move |next: Route| {
            route.set(next);
            // Keep the keyboard (and the reader's eyes) in the widget.
            dom::focus_root(&root);
        })
    };
    let look = use_host_look(&props.sink, config.theme);
    {
        // The host's background, as the widget's own (set through the CSSOM:
        // a strict CSP blocks style attributes, not this).
        let (root, background) = (root.clone(), (*look).as_ref().and_then(|l| l.background.clone()));
        use_effect_with(background, move |background| {
            if let Some(style) = root.cast::<web_sys::HtmlElement>().map(|e| e.style()) {
                let _ = match background {
                    Some(colour) => style.set_property("--bg", colour),
                    None => style.remove_property("--bg").map(drop),
                };
            }
        });
    }
    let shell = Shell {
        embedded: true,
        compact: config.compact,
        navigate: navigate.clone(),
        root: Some(root.clone()),
        keys_on_root: matches!(props.sink, Sink::Host(_)),
        on_happening,
        run: config.run,
    };
    let back = (*route != home && config.mode != Mode::Browse).then(|| {
        let label = config.mode.back_label();
        let target = home.clone();
        let onclick = navigate.reform(move |_: MouseEvent| target.clone());
        html! {
            <div class="widget-bar">
                <button type="button" data-testid="widget-back" {onclick}>{ label }</button>
            </div>
        }
    });
    let class = classes!(
        "widget",
        config.compact.then_some("compact"),
        (props.sink == Sink::Parent).then_some("framed"),
        (*look).is_some().then_some("on-host")
    );
    let theme = match (&*look, config.theme) {
        (Some(look), _) => {
            if look.dark {
                "dark"
            } else {
                "light"
            }
        }
        (None, Theme::System) => "auto",
        (None, theme) => theme.as_str(),
    };
    html! {
        <ContextProvider<Shell> context={shell}>
            <div ref={root} {class} data-testid="widget" data-mode={config.mode.as_str()}
                data-theme={theme} tabindex="-1">
                <Notices {site_only} />
                { for back }
                { screen(&route, Some(config), &filter) }
            </div>
        </ContextProvider<Shell>>
    }
}

/// The look an `auto` script embed takes from its host page (see
/// [`embed::host_look`]), kept up to date when the reader's system switches
/// between light and dark (a page may follow it). `None` for a themed
/// widget and for the iframe, which cannot see its host: it follows its
/// `theme` query parameter.
#[hook]
fn use_host_look(sink: &Sink, theme: Theme) -> Rc<Option<HostLook>> {
    let host = match sink {
        Sink::Host(element) if theme == Theme::System => Some(element.clone()),
        _ => None,
    };
    let look = use_state(|| host.as_ref().map(read_host_look));
    use_effect_with(host, {
        let look = look.setter();
        move |host| {
            let window = web_sys::window();
            let query = window
                .as_ref()
                .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten());
            let listeners = host.clone().zip(window).map(|(host, window)| {
                // Read again once mounted and once the page has loaded (its
                // stylesheets may have been on their way), and whenever the
                // system switches (after the page's own styles have).
                look.set(Some(read_host_look(&host)));
                let (on_load, on_change, reread) = (look.clone(), look.clone(), host.clone());
                let loaded = EventListener::new(&window, "load", move |_| on_load.set(Some(read_host_look(&reread))));
                let switched = query
                    .map(|q| EventListener::new(&q, "change", move |_| on_change.set(Some(read_host_look(&host)))));
                (loaded, switched)
            });
            move || drop(listeners)
        }
    });
    Rc::new((*look).clone())
}

/// Reads the background behind `host` (its own and its ancestors').
fn read_host_look(host: &web_sys::Element) -> HostLook {
    let Some(window) = web_sys::window() else {
        return embed::host_look::<&str>(&[], false);
    };
    let background = |el: &web_sys::Element| {
        window
            .get_computed_style(el)
            .ok()
            .flatten()
            .and_then(|s| s.get_property_value("background-color").ok())
    };
    let mut colours = Vec::new();
    let mut at = Some(host.clone());
    while let Some(el) = at {
        colours.extend(background(&el));
        at = el.parent_element();
    }
    let prefers_dark = window
        .match_media("(prefers-color-scheme: dark)")
        .ok()
        .flatten()
        .is_some_and(|q| q.matches());
    let page_dark = window
        .document()
        .and_then(|d| d.document_element())
        .and_then(|root| window.get_computed_style(&root).ok().flatten())
        .and_then(|s| s.get_property_value("color-scheme").ok())
        .is_some_and(|scheme| scheme.contains("dark"));
    embed::host_look(&colours, page_dark && prefers_dark)
}

/// How long an iframe waits for its parent to resize it after a grade
/// before it shows the next card's top anyway.
const RESIZE_WAIT_MS: u32 = 600;

/// B10: after a grade the iframe's content shrinks (the answer goes) and the
/// parent shrinks the frame, while the parent's scroll position stays: the
/// next card's top could sit above the reader's viewport. The returned
/// function, called at a grade, brings the card's top into view (of the
/// parent too: `scrollIntoView` scrolls every ancestor) once the frame has
/// been resized, or after [`RESIZE_WAIT_MS`]. Does nothing unless `framed`.
#[hook]
fn use_card_top_kept(framed: bool) -> Rc<dyn Fn()> {
    let armed = use_memo((), |_| Rc::new(Cell::new(false)));
    let timer = use_mut_ref(|| None::<Timeout>);
    {
        let armed = (*armed).clone();
        use_effect_with(framed, move |&framed| {
            let listener = framed.then(web_sys::window).flatten().map(|window| {
                EventListener::new(&window, "resize", move |_| {
                    if armed.replace(false) {
                        show_card_top();
                    }
                })
            });
            move || drop(listener)
        });
    }
    let armed = (*armed).clone();
    Rc::new(move || {
        if !framed {
            return;
        }
        armed.set(true);
        let armed = armed.clone();
        *timer.borrow_mut() = Some(Timeout::new(RESIZE_WAIT_MS, move || {
            if armed.replace(false) {
                show_card_top();
            }
        }));
    })
}

/// Scrolls the current card's top (its category line) into view, as little
/// as needed: nothing moves when it is in view already.
fn show_card_top() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let top = document
        .query_selector("[data-testid=\"card\"] .card-meta")
        .ok()
        .flatten()
        .or_else(|| document.query_selector("[data-testid=\"card\"]").ok().flatten());
    if let Some(top) = top {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Nearest);
        top.scroll_into_view_with_scroll_into_view_options(&options);
    }
}
