//! The split points: every screen but practice, and the Run panels, each behind a [`Part`] whose code the build moves out of the
//! main wasm into a file of its own (see [`crate::ui::lazy`]). A split
//! function returns the part's view; everything only that view reaches goes
//! with it.

use wasm_split_helpers::wasm_split;
use yew::prelude::*;

use crate::embed::Config;
use crate::session::{Filter, OutputScope, Scope};
use crate::ui::components::{
    Browse, CodeList, CodePractice, CustomPractice, Home, MockScreen, QuestionScreen, RunPanels, SettingsScreen,
    StatsScreen, StudyScreen,
};
use crate::ui::lazy::{Loading, Part, View};
use crate::ui::route::Route;

/// What a screen part renders from: the route, the widget's configuration
/// (none in the standalone app) and the host's browse filter.
#[derive(Clone, PartialEq)]
pub struct ScreenArgs {
    pub route: Route,
    pub widget: Option<Config>,
    pub filter: UseStateHandle<Filter>,
}

/// What the Run panels render from: the answer's element and its open parts.
#[derive(Clone, PartialEq)]
pub struct RunArgs {
    pub root: NodeRef,
    pub open: AttrValue,
}

macro_rules! part {
    ($static:ident, $name:literal, $title:literal, $args:ty, $split:ident, $loader:ident, $view:path) => {
        #[wasm_split($split)]
        fn $loader() -> View<$args> {
            $view
        }
        pub static $static: Part<$args> = Part {
            name: $name,
            title: $title,
            load: || -> Loading<$args> { Box::pin($loader()) },
            view: std::sync::OnceLock::new(),
        };
    };
}

part!(
    BROWSE,
    "browse",
    "Browse and search",
    ScreenArgs,
    browse,
    load_browse,
    browse
);
part!(CODE, "code", "The code cards", ScreenArgs, code, load_code, code);
part!(MOCK, "mock", "The mock interview", ScreenArgs, mock, load_mock, mock);
part!(STUDY, "study", "Custom study", ScreenArgs, study, load_study, study);
part!(STATS, "stats", "Stats", ScreenArgs, stats, load_stats, stats);
part!(
    SETTINGS,
    "settings",
    "Settings",
    ScreenArgs,
    settings,
    load_settings,
    settings
);
part!(RUN, "run", "The Run button", RunArgs, run, load_run, run);
part!(HOME, "home", "The start page", ScreenArgs, home, load_home, home);

/// Every screen part, for the standalone app's idle preload.
pub fn screens() -> [&'static Part<ScreenArgs>; 7] {
    [&HOME, &BROWSE, &CODE, &MOCK, &STUDY, &STATS, &SETTINGS]
}

fn browse(args: &ScreenArgs) -> Html {
    let filter = &args.filter;
    match &args.route {
        Route::Question(id) => {
            html! { <QuestionScreen key={id.clone()} id={id.clone()} filter={(**filter).clone()} /> }
        }
        _ => {
            let set = filter.setter();
            html! { <Browse filter={(**filter).clone()} on_filter={Callback::from(move |f| set.set(f))} /> }
        }
    }
}

fn code(args: &ScreenArgs) -> Html {
    match (&args.route, &args.widget) {
        (Route::PracticeCode(_), Some(config)) => html! { <CodePractice scope={config.output_scope()} /> },
        (Route::PracticeCode(categories), None) => {
            let scope = OutputScope::Daily(Scope {
                categories: categories.clone(),
            });
            html! { <CodePractice key={args.route.href()} {scope} /> }
        }
        (Route::CodeCard(id), _) => match crate::deck::output_card(id) {
            Some(card) => html! { <CodePractice key={id.clone()} scope={OutputScope::Single(card.id)} /> },
            None => html! {
                <section data-testid="not-found">
                    <h1>{ "No such code card" }</h1>
                    <p><a href="#/browse/code">{ "See every code card" }</a></p>
                </section>
            },
        },
        _ => html! { <CodeList /> },
    }
}

fn mock(args: &ScreenArgs) -> Html {
    match &args.widget {
        Some(config) => html! {
            <MockScreen categories={Some(config.categories.clone())} pool={config.questions.clone()} />
        },
        None => html! { <MockScreen /> },
    }
}

fn study(args: &ScreenArgs) -> Html {
    match &args.route {
        Route::Custom(study) => html! { <CustomPractice key={args.route.href()} study={study.clone()} /> },
        _ => html! { <StudyScreen /> },
    }
}

fn stats(_: &ScreenArgs) -> Html {
    html! { <StatsScreen /> }
}

fn settings(_: &ScreenArgs) -> Html {
    html! { <SettingsScreen /> }
}

fn run(args: &RunArgs) -> Html {
    html! { <RunPanels root={args.root.clone()} open={args.open.clone()} /> }
}

fn home(args: &ScreenArgs) -> Html {
    let set = args.filter.setter();
    let on_browse_category = Callback::from(move |category: &'static str| {
        set.set(Filter {
            category: Some(category.to_string()),
            ..Filter::default()
        })
    });
    html! { <Home {on_browse_category} /> }
}
