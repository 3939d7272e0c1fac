//! Hash routes of the standalone page: `#/`, `#/browse` (optionally with
//! its filter, `?q=heap&c=dsa&tag=trees&status=due`), `#/q/<id>`,
//! `#/practice` (optionally `?c=dsa,oop`, or a custom study
//! `?study=tag&tag=numpy`), `#/study`, `#/mock`, `#/stats`, `#/settings`;
//! the code cards: `#/practice/code` (optionally `?c=`), `#/browse/code`,
//! `#/code/<card id>`.
//! Parsing and the document title of each route are pure, tested natively.

use crate::deck;
use crate::session::{Filter, Study};

/// A screen of the app, as named by the location hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    Browse,
    /// One question, by id.
    Question(String),
    /// A practice session scoped to these categories (empty = all).
    Practice(Vec<String>),
    /// A custom study session.
    Custom(Study),
    /// The custom study screen: choose what to study.
    Study,
    Mock,
    Stats,
    Settings,
    /// A session of predict-the-output cards of these categories (empty = all).
    PracticeCode(Vec<String>),
    /// The list of predict-the-output cards.
    BrowseCode,
    /// One predict-the-output card, by id.
    CodeCard(String),
    /// Anything else.
    NotFound,
}

impl Route {
    /// The route a location hash (with or without the leading `#`) names.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let (path, query) = path.split_once('?').unwrap_or((path, ""));
        let path = path.trim_end_matches('/');
        match path {
            "" => Route::Home,
            "browse" => Route::Browse,
            "practice" if query.contains("study=") => Study::from_query(query).map_or(Route::NotFound, Route::Custom),
            "practice" => Route::Practice(categories_of(query)),
            "practice/code" => Route::PracticeCode(categories_of(query)),
            "browse/code" => Route::BrowseCode,
            "study" => Route::Study,
            "mock" => Route::Mock,
            "stats" => Route::Stats,
            "settings" => Route::Settings,
            _ => match (path.strip_prefix("q/"), path.strip_prefix("code/")) {
                (Some(id), _) if !id.is_empty() && !id.contains('/') => Route::Question(id.to_string()),
                (_, Some(id)) if !id.is_empty() && !id.contains('/') => Route::CodeCard(id.to_string()),
                _ => Route::NotFound,
            },
        }
    }

    /// A short name of the screen, for messages.
    pub fn name(&self) -> &'static str {
        match self {
            Route::Home => "start",
            Route::Browse => "browse",
            Route::Question(_) => "question",
            Route::Practice(_) | Route::Custom(_) => "practice",
            Route::Study => "custom study",
            Route::Mock => "mock interview",
            Route::Stats => "stats",
            Route::Settings => "settings",
            Route::PracticeCode(_) | Route::CodeCard(_) => "code card",
            Route::BrowseCode => "code card list",
            Route::NotFound => "such",
        }
    }

    /// The hash that names this route, e.g. `#/q/list-vs-tuple`.
    pub fn href(&self) -> String {
        match self {
            Route::Home | Route::NotFound => "#/".to_string(),
            Route::Browse => "#/browse".to_string(),
            Route::Question(id) => format!("#/q/{id}"),
            Route::Practice(cats) if cats.is_empty() => "#/practice".to_string(),
            Route::Practice(cats) => format!("#/practice?c={}", cats.join(",")),
            Route::Custom(study) => format!("#/practice?{}", study.to_query()),
            Route::Study => "#/study".to_string(),
            Route::Mock => "#/mock".to_string(),
            Route::Stats => "#/stats".to_string(),
            Route::Settings => "#/settings".to_string(),
            Route::PracticeCode(cats) if cats.is_empty() => "#/practice/code".to_string(),
            Route::PracticeCode(cats) => format!("#/practice/code?c={}", cats.join(",")),
            Route::BrowseCode => "#/browse/code".to_string(),
            Route::CodeCard(id) => format!("#/code/{id}"),
        }
    }
}

/// The browse filter a location hash names: `Some` for `#/browse?...` with
/// a query, `None` otherwise (a bare `#/browse` keeps the filter the
/// learner left).
pub fn browse_filter(hash: &str) -> Option<Filter> {
    let path = hash.trim_start_matches('#').trim_start_matches('/');
    let (path, query) = path.split_once('?')?;
    (path.trim_end_matches('/') == "browse" && !query.is_empty()).then(|| Filter::from_query(query))
}

/// The hash of the browse screen with `filter` (`#/browse` when empty).
pub fn browse_href(filter: &Filter) -> String {
    match filter.to_query() {
        query if query.is_empty() => "#/browse".to_string(),
        query => format!("#/browse?{query}"),
    }
}

/// The document title of a route, e.g. "Browse: numpy · pyprep" or
/// "What is the GIL? · pyprep"; `filter` is the browse filter.
pub fn title(route: &Route, filter: &Filter) -> String {
    let page = match route {
        Route::Home => return "pyprep: Python interview practice".to_string(),
        Route::Browse => {
            let query = filter.query.split_whitespace().collect::<Vec<_>>().join(" ");
            let mut narrowed: Vec<String> = Vec::new();
            if let Some(c) = filter.category.as_deref() {
                narrowed.push(deck::category(c).map_or(c, |c| c.title).to_string());
            }
            narrowed.extend(filter.tag.clone());
            narrowed.extend(filter.status.map(|s| s.label().to_string()));
            match (query.is_empty(), narrowed.is_empty()) {
                (true, true) => "Browse".to_string(),
                (false, _) => format!("Browse: {query}"),
                (true, false) => format!("Browse: {}", narrowed.join(", ")),
            }
        }
        Route::Question(id) => match deck::question(id) {
            Some(q) => q.text.replace('`', ""),
            None => "Question not found".to_string(),
        },
        Route::Practice(cats) if cats.is_empty() => "Practise".to_string(),
        Route::Practice(cats) => {
            let names: Vec<&str> = cats
                .iter()
                .map(|c| deck::category(c).map_or(c.as_str(), |c| c.title))
                .collect();
            format!("Practise: {}", names.join(", "))
        }
        Route::Custom(study) => format!("Custom study: {}", study.label()),
        Route::Study => "Custom study".to_string(),
        Route::PracticeCode(_) => "Practise: code cards".to_string(),
        Route::BrowseCode => "Browse: code cards".to_string(),
        Route::CodeCard(id) => match crate::deck::output_card(id) {
            Some(card) => match deck::question(card.question) {
                Some(q) => format!("Code card: {}", q.text.replace('`', "")),
                None => "Code card".to_string(),
            },
            None => "Code card not found".to_string(),
        },
        Route::Mock => "Mock interview".to_string(),
        Route::Stats => "Stats".to_string(),
        Route::Settings => "Settings".to_string(),
        Route::NotFound => "Page not found".to_string(),
    };
    format!("{page} · pyprep")
}

/// The categories of a `c=a,b` query.
fn categories_of(query: &str) -> Vec<String> {
    query
        .split('&')
        .filter_map(|pair| pair.strip_prefix("c="))
        .flat_map(|list| list.split(','))
        .filter(|c| !c.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{Route, browse_filter, browse_href, title};
    use crate::session::{Filter, StatusFilter, Study};

    #[test]
    fn parses_every_screen_and_round_trips() {
        let routes = [
            Route::Home,
            Route::Browse,
            Route::Question("list-vs-tuple".into()),
            Route::Practice(vec![]),
            Route::Practice(vec!["dsa".into(), "oop".into()]),
            Route::Custom(Study::Tag("numpy".into())),
            Route::Custom(Study::Ids(vec!["a".into(), "b".into()])),
            Route::Study,
            Route::Mock,
            Route::Stats,
            Route::Settings,
            Route::PracticeCode(vec![]),
            Route::PracticeCode(vec!["web".into()]),
            Route::BrowseCode,
            Route::CodeCard("list-vs-tuple_out-5e777223".into()),
        ];
        for route in routes {
            assert_eq!(Route::parse(&route.href()), route);
        }
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#"), Route::Home);
        assert_eq!(Route::parse("#/nowhere"), Route::NotFound);
        assert_eq!(Route::parse("#/q/"), Route::NotFound);
        assert_eq!(Route::parse("#/practice?study=nonsense"), Route::NotFound);
        assert_eq!(Route::parse("#/browse?q=heap"), Route::Browse);
    }

    #[test]
    fn the_browse_filter_lives_in_the_url() {
        let filter = Filter {
            query: "numpy arrays".into(),
            category: Some("ml".into()),
            tag: Some("numpy".into()),
            status: Some(StatusFilter::Due),
            ..Filter::default()
        };
        let href = browse_href(&filter);
        assert_eq!(href, "#/browse?c=ml&tag=numpy&status=due&q=numpy%20arrays");
        assert_eq!(browse_filter(&href), Some(filter));
        assert_eq!(browse_href(&Filter::default()), "#/browse");
        assert_eq!(browse_filter("#/browse"), None, "a bare browse keeps the filter");
        assert_eq!(browse_filter("#/stats?q=x"), None);
        assert_eq!(
            browse_filter("#/browse?t=trees&s=new").unwrap().tag.as_deref(),
            Some("trees"),
            "old keys"
        );
    }

    #[test]
    fn every_route_has_its_title() {
        let none = Filter::default();
        let search = Filter {
            query: " numpy  ".into(),
            ..Filter::default()
        };
        assert_eq!(title(&Route::Browse, &search), "Browse: numpy · pyprep");
        assert_eq!(title(&Route::Browse, &none), "Browse · pyprep");
        let tagged = Filter {
            tag: Some("trees".into()),
            ..Filter::default()
        };
        assert_eq!(title(&Route::Browse, &tagged), "Browse: trees · pyprep");
        assert_eq!(
            title(&Route::Question("self-keyword".into()), &none),
            "Explain the use and purpose of the self keyword in classes. · pyprep"
        );
        assert_eq!(
            title(&Route::Question("nope".into()), &none),
            "Question not found · pyprep"
        );
        assert_eq!(title(&Route::Stats, &none), "Stats · pyprep");
        assert_eq!(
            title(&Route::Custom(Study::Bookmarked), &none),
            "Custom study: Bookmarked cards · pyprep"
        );
        assert!(title(&Route::Home, &none).starts_with("pyprep"));
    }
}
