//! Hash routes of the standalone page: `#/`, `#/browse`, `#/q/<id>`,
//! `#/practice` (optionally `?c=dsa,oop`), `#/mock`, `#/stats`, `#/settings`;
//! the code cards: `#/practice/code` (optionally `?c=`), `#/browse/code`,
//! `#/code/<card id>`.
//! Parsing is pure so it is tested natively.

/// A screen of the app, as named by the location hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    Browse,
    /// One question, by id.
    Question(String),
    /// A practice session scoped to these categories (empty = all).
    Practice(Vec<String>),
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
            "practice" => Route::Practice(categories_of(query)),
            "practice/code" => Route::PracticeCode(categories_of(query)),
            "browse/code" => Route::BrowseCode,
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
            Route::Practice(_) => "practice",
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
    use super::Route;

    #[test]
    fn parses_every_screen_and_round_trips() {
        let routes = [
            Route::Home,
            Route::Browse,
            Route::Question("list-vs-tuple".into()),
            Route::Practice(vec![]),
            Route::Practice(vec!["dsa".into(), "oop".into()]),
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
    }
}
