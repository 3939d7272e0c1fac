//! Is an iframe embed framed by another site? Pure: the UI reads the origins
//! (`location.ancestorOrigins`, else `document.referrer`) and asks here.
//!
//! Why it matters: browsers partition third-party storage (Chrome, Firefox
//! and Safari all do by default). Inside a frame whose top-level site differs
//! from its own, localStorage still works, but it is keyed by the embedding
//! site: progress saved there persists across visits of that site, yet it is
//! not shared with pyprep opened directly, nor with another site's embed.
//!
//! What pyprep does then (the iframe embed only; a script embed runs in the
//! host page, whose storage is first-party): it keeps using that partitioned
//! storage rather than falling back to memory, because progress then
//! persists across the learner's visits of that site, which is better than
//! losing it with the page. But it tells the learner, with a notice, that
//! the progress is saved for this site only. If the browser blocks the
//! frame's storage instead (Chrome does in Incognito), the memory-only
//! notice shows in its place.
//!
//! "Site" here is a simple stand-in for the registrable domain (no public
//! suffix list): same scheme and host; or hosts equal once a leading `www.`
//! is dropped; or hosts sharing their last two labels (`blog.example.org` and
//! `example.org`). IP addresses must match exactly, so `localhost` and
//! `127.0.0.1` are different sites. Ports do not matter. The approximation
//! can call two sites under one public suffix such as `co.uk` the same site;
//! the cost is only a missing notice.

/// The scheme and lowercased host (brackets kept for IPv6) of an origin or a
/// URL; `None` for what has no `scheme://` (such as an opaque `null` origin).
fn scheme_and_host(url: &str) -> Option<(String, String)> {
    let (scheme, rest) = url.trim().split_once("://")?;
    if scheme.is_empty() || !scheme.bytes().all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b)) {
        return None;
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = if host_port.starts_with('[') {
        // IPv6: up to and including the closing bracket.
        &host_port[..=host_port.find(']')?]
    } else {
        host_port.split(':').next().unwrap_or("")
    };
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    Some((scheme.to_ascii_lowercase(), host))
}

/// True for an IPv4 address (four decimal parts) or a bracketed IPv6 one.
fn is_ip(host: &str) -> bool {
    if host.starts_with('[') {
        return true;
    }
    let parts: Vec<&str> = host.split('.').collect();
    parts.len() == 4
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()))
}

/// The host's last two labels (the whole host when it has fewer).
fn last_two_labels(host: &str) -> &str {
    match host.rmatch_indices('.').nth(1) {
        Some((dot, _)) => &host[dot + 1..],
        None => host,
    }
}

/// Whether two hosts belong to the same site (see the module docs).
fn same_site_host(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    if is_ip(a) || is_ip(b) {
        return false;
    }
    let strip = |h: &str| {
        h.strip_prefix("www.")
            .map(str::to_string)
            .unwrap_or_else(|| h.to_string())
    };
    if strip(a) == strip(b) {
        return true;
    }
    let (a2, b2) = (last_two_labels(a), last_two_labels(b));
    a2.contains('.') && a2 == b2
}

/// True when `own_origin` (the frame's) and `ancestor_or_referrer_origin`
/// (an ancestor's origin, or the referrer's origin or URL) are different
/// sites, so the browser partitions the frame's storage. `None`, or an
/// origin that cannot be read (an opaque `null`), means "cannot tell" and
/// gives false: without evidence the app says nothing. Different schemes
/// (`http` and `https`) are different sites, as browsers now count them.
pub fn is_cross_site(own_origin: &str, ancestor_or_referrer_origin: Option<&str>) -> bool {
    let (Some((own_scheme, own_host)), Some((other_scheme, other_host))) = (
        scheme_and_host(own_origin),
        ancestor_or_referrer_origin.and_then(scheme_and_host),
    ) else {
        return false;
    };
    own_scheme != other_scheme || !same_site_host(&own_host, &other_host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_origin_and_same_site_framing_is_not_cross_site() {
        let own = "https://pyprep.example.org";
        assert!(!is_cross_site(own, Some("https://pyprep.example.org")));
        assert!(
            !is_cross_site(own, Some("https://pyprep.example.org:8443")),
            "ports do not matter"
        );
        assert!(
            !is_cross_site(own, Some("https://blog.example.org")),
            "same last two labels"
        );
        assert!(!is_cross_site(own, Some("https://example.org/")));
        assert!(!is_cross_site(own, Some("https://EXAMPLE.org./course?x=1#y")));
        assert!(!is_cross_site("https://www.example.org", Some("https://example.org")));
        assert!(!is_cross_site("https://example.org", Some("https://www.example.org")));
        assert!(!is_cross_site(
            "http://127.0.0.1:8080",
            Some("http://127.0.0.1:9090/host.html")
        ));
        assert!(!is_cross_site("http://localhost:1", Some("http://localhost:2")));
        assert!(!is_cross_site("http://[::1]:1", Some("http://[::1]:2/")));
    }

    #[test]
    fn another_site_is_cross_site() {
        let own = "https://pyprep.example.org";
        assert!(is_cross_site(own, Some("https://course.example.com")));
        assert!(is_cross_site(own, Some("https://example.org.evil.net")));
        assert!(is_cross_site(own, Some("http://pyprep.example.org")), "schemes differ");
        assert!(is_cross_site("http://localhost:8080", Some("http://127.0.0.1:8080")));
        assert!(is_cross_site(
            "http://127.0.0.1:8080",
            Some("http://localhost:9090/page.html")
        ));
        assert!(
            is_cross_site("http://127.0.0.1", Some("http://127.0.0.2")),
            "IP addresses match exactly"
        );
        assert!(
            is_cross_site("http://10.0.0.1", Some("http://20.0.0.1")),
            "no label rule for IPs"
        );
        assert!(is_cross_site("http://[::1]", Some("http://127.0.0.1")));
        assert!(is_cross_site("https://a.localhost", Some("https://b.otherhost")));
        assert!(
            is_cross_site("https://example.org", Some("file://")),
            "a local file embeds it"
        );
    }

    #[test]
    fn without_a_readable_other_origin_nothing_is_claimed() {
        assert!(!is_cross_site("https://example.org", None));
        assert!(!is_cross_site("https://example.org", Some("")));
        assert!(!is_cross_site("https://example.org", Some("null")));
        assert!(!is_cross_site("null", Some("https://example.com")));
    }

    #[test]
    fn user_info_and_ports_do_not_confuse_the_host() {
        assert!(!is_cross_site(
            "https://example.org",
            Some("https://user:pw@example.org:444/a")
        ));
        assert!(is_cross_site(
            "https://example.org",
            Some("https://example.org@evil.net/")
        ));
    }
}
