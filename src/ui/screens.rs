//! The route → screen `match`, written once for both hosts. The standalone
//! app passes no widget configuration and gets every screen; a widget passes
//! its [`Config`], which fixes the practice and mock scopes, and a route no
//! widget offers is an error screen, never a silent fallback.

use yew::prelude::*;

use crate::embed::Config;
use crate::session::{Filter, OutputScope, PracticeScope, Scope};
use crate::ui::components::{
    Browse, CodeList, CodePractice, CustomPractice, Home, MockScreen, Practice, QuestionScreen, SettingsScreen,
    StatsScreen, StudyScreen, extra_new_today,
};
use crate::ui::route::Route;

/// The screen for `route`. `filter` is the host's browse filter, kept
/// across screens (the question screen walks its results).
pub fn screen(route: &Route, widget: Option<&Config>, filter: &UseStateHandle<Filter>) -> Html {
    match (route, widget) {
        (Route::Browse, _) => {
            let set = filter.setter();
            html! { <Browse filter={(**filter).clone()} on_filter={Callback::from(move |f| set.set(f))} /> }
        }
        (Route::Question(id), _) => {
            html! { <QuestionScreen key={id.clone()} id={id.clone()} filter={(**filter).clone()} /> }
        }
        (Route::Practice(categories), None) => {
            let scope = Scope {
                categories: categories.clone(),
            };
            // Today's "learn N more new cards" raise, if any.
            let scope = match extra_new_today() {
                0 => PracticeScope::Daily(scope),
                extra_new => PracticeScope::DailyPlus { scope, extra_new },
            };
            html! { <Practice key={route.href()} {scope} /> }
        }
        (Route::Custom(study), _) => html! { <CustomPractice key={route.href()} study={study.clone()} /> },
        (Route::Study, None) => html! { <StudyScreen /> },
        (Route::Practice(_), Some(config)) => html! { <Practice scope={config.practice_scope()} /> },
        (Route::PracticeCode(categories), None) => {
            let scope = OutputScope::Daily(Scope {
                categories: categories.clone(),
            });
            html! { <CodePractice key={route.href()} {scope} /> }
        }
        (Route::PracticeCode(_), Some(config)) => html! { <CodePractice scope={config.output_scope()} /> },
        (Route::BrowseCode, None) => html! { <CodeList /> },
        (Route::CodeCard(id), None) => match crate::deck::output_card(id) {
            Some(card) => html! { <CodePractice key={id.clone()} scope={OutputScope::Single(card.id)} /> },
            None => html! {
                <section data-testid="not-found">
                    <h1>{ "No such code card" }</h1>
                    <p><a href="#/browse/code">{ "See every code card" }</a></p>
                </section>
            },
        },
        (Route::Mock, None) => html! { <MockScreen /> },
        (Route::Mock, Some(config)) => html! {
            <MockScreen categories={Some(config.categories.clone())} pool={config.questions.clone()} />
        },
        (Route::Home, None) => {
            let set = filter.setter();
            let on_browse_category = Callback::from(move |category: &'static str| {
                set.set(Filter {
                    category: Some(category.to_string()),
                    ..Filter::default()
                })
            });
            html! { <Home {on_browse_category} /> }
        }
        (Route::Stats, None) => html! { <StatsScreen /> },
        (Route::Settings, None) => html! { <SettingsScreen /> },
        (Route::NotFound, None) => html! {
            <section data-testid="not-found">
                <h1>{ "Page not found" }</h1>
                <p><a href="#/">{ "Go to the start page" }</a></p>
            </section>
        },
        (other, Some(_)) => html! {
            <div class="notice error" role="alert" data-testid="not-found">
                <p>{ format!("This widget has no {} screen.", other.name()) }</p>
            </div>
        },
    }
}
