//! What a screen needs from whatever hosts it, the standalone app or an
//! embedded widget: how to navigate, where to look for elements and listen
//! for keys, whether to be compact, and where events for the embedding page
//! go. Screens read it with [`use_shell`]; outside a provider they get the
//! standalone app's behaviour (hash routes, the whole document).

use yew::prelude::*;

use crate::embed::Happening;
use crate::ui::dom;
use crate::ui::route::Route;

/// The host of the screens.
#[derive(Clone, PartialEq)]
pub struct Shell {
    /// True inside a widget: no hash routes, no app chrome.
    pub embedded: bool,
    /// Smaller paddings, no headings.
    pub compact: bool,
    /// Shows a screen (a widget keeps its screen in state).
    pub navigate: Callback<Route>,
    /// The widget's root element; `None` for the standalone app.
    pub root: Option<NodeRef>,
    /// True when shortcuts listen on `root` only (script embed): keys pressed
    /// anywhere else on the host page are not ours.
    pub keys_on_root: bool,
    /// Receives what the embedding page hears about.
    pub on_happening: Callback<Happening>,
    /// Python examples get a Run button (a widget's `data-run="false"` turns it off).
    pub run: bool,
}

impl Shell {
    /// The standalone app: hash routes, the document, no events.
    pub fn standalone() -> Shell {
        Shell {
            embedded: false,
            compact: false,
            navigate: Callback::from(|route: Route| dom::go(&route.href())),
            root: None,
            keys_on_root: false,
            on_happening: Callback::noop(),
            run: true,
        }
    }

    /// Shows `route`.
    pub fn go(&self, route: Route) {
        self.navigate.emit(route);
    }

    /// The `onclick` of a link to `route` (whose `href` is `route.href()`):
    /// nothing in the standalone app, where the hash changes by itself; in a
    /// widget, the link stays inside the widget and the host page's URL is
    /// left alone.
    pub fn link(&self, route: Route) -> Callback<MouseEvent> {
        if !self.embedded {
            return Callback::noop();
        }
        let navigate = self.navigate.clone();
        Callback::from(move |e: MouseEvent| {
            if e.ctrl_key() || e.meta_key() || e.shift_key() {
                return;
            }
            e.prevent_default();
            navigate.emit(route.clone());
        })
    }

    /// Moves focus to the element with this id inside the widget (or the
    /// document); false when there is none.
    pub fn focus(&self, id: &str) -> bool {
        dom::focus_id_in(self.root.as_ref().and_then(NodeRef::get), id)
    }

    /// Tells the embedding page (a no-op in the standalone app).
    pub fn tell(&self, happening: Happening) {
        self.on_happening.emit(happening);
    }
}

/// The shell of the screens being rendered.
#[hook]
pub fn use_shell() -> Shell {
    use_context::<Shell>().unwrap_or_else(Shell::standalone)
}
