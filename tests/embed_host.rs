//! The look an `auto` script embed takes from its host page.

use pyprep::embed::{HostLook, host_look, is_dark, parse_rgb};

#[test]
fn computed_colours_are_read_in_every_form_browsers_give() {
    assert_eq!(parse_rgb("rgb(250, 247, 242)"), Some([250.0, 247.0, 242.0, 1.0]));
    assert_eq!(parse_rgb("rgba(0, 0, 0, 0)"), Some([0.0, 0.0, 0.0, 0.0]));
    assert_eq!(parse_rgb("rgb(17 24 39 / 0.5)"), Some([17.0, 24.0, 39.0, 0.5]));
    for bad in [
        "",
        "transparent",
        "#fff",
        "rgb(1, 2)",
        "rgb(a, b, c)",
        "rgb(1, 2, 3",
        "rgb(NaN, 1, 2)",
    ] {
        assert_eq!(parse_rgb(bad), None, "{bad:?}");
    }
}

#[test]
fn dark_and_light_backgrounds_are_told_apart() {
    for dark in ["rgb(0, 0, 0)", "rgb(15, 20, 25)", "rgb(34, 39, 46)", "rgb(0, 0, 139)"] {
        assert!(is_dark(parse_rgb(dark).unwrap()), "{dark}");
    }
    for light in [
        "rgb(255, 255, 255)",
        "rgb(250, 247, 242)",
        "rgb(255, 255, 0)",
        "rgb(200, 200, 200)",
    ] {
        assert!(!is_dark(parse_rgb(light).unwrap()), "{light}");
    }
}

#[test]
fn the_first_opaque_background_behind_the_widget_decides() {
    let look = host_look(
        &[
            "rgba(0, 0, 0, 0)",
            "rgba(255, 0, 0, 0.3)",
            "rgb(24, 26, 27)",
            "rgb(255, 255, 255)",
        ],
        false,
    );
    assert_eq!(
        look,
        HostLook {
            dark: true,
            background: Some("rgb(24, 26, 27)".into())
        }
    );
    let look = host_look(&["rgb(250, 247, 242)"], true);
    assert_eq!(
        (look.dark, look.background.as_deref()),
        (false, Some("rgb(250, 247, 242)")),
        "a light page stays light whatever the reader's system prefers"
    );
}

#[test]
fn a_page_that_paints_no_background_shows_its_canvas() {
    let none: [&str; 2] = ["rgba(0, 0, 0, 0)", "garbage"];
    assert_eq!(
        host_look(&none, false),
        HostLook {
            dark: false,
            background: None
        }
    );
    assert!(host_look(&none, true).dark);
    assert!(!host_look::<&str>(&[], false).dark);
}

#[test]
fn colour_numbers_are_read_without_the_float_parser() {
    assert_eq!(parse_rgb("rgb(10 20 30 / .5)"), Some([10.0, 20.0, 30.0, 0.5]));
    assert_eq!(
        parse_rgb("rgba(250, 250, 249, 0.25)"),
        Some([250.0, 250.0, 249.0, 0.25])
    );
    assert_eq!(parse_rgb("rgb(300, 0, 0)"), Some([255.0, 0.0, 0.0, 1.0]));
    for bad in [
        "rgb(1e3, 0, 0)",
        "rgb(-1, 0, 0)",
        "rgb(., 0, 0)",
        "rgb(1.2.3, 0, 0)",
        "rgb(nan, 0, 0)",
        "rgb(9999999, 0, 0)",
    ] {
        assert_eq!(parse_rgb(bad), None, "{bad}");
    }
}
