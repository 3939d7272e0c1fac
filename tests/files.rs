//! The export file name (local date) and import errors in plain words (B15).

use pyprep::progress::{civil_date, export_file_name, import_error_words, parse_import};

#[test]
fn civil_dates_around_leap_days_and_eras() {
    assert_eq!(civil_date(0), (1970, 1, 1));
    assert_eq!(civil_date(-1), (1969, 12, 31));
    assert_eq!(civil_date(11_016), (2000, 2, 29));
    assert_eq!(civil_date(20_788), (2026, 12, 1));
    assert_eq!(civil_date(20_513), (2026, 3, 1));
}

#[test]
fn the_export_file_is_named_after_the_local_date() {
    // 2026-12-01T20:30Z is 2 December in Auckland (+13:00) and 1 December in New York.
    let t = 1_796_157_000_000;
    assert_eq!(
        export_file_name("python", "python", t, 13 * 60),
        "pyprep-progress-2026-12-02.json"
    );
    assert_eq!(
        export_file_name("python", "python", t, -5 * 60),
        "pyprep-progress-2026-12-01.json"
    );
    assert_eq!(
        export_file_name("course", "python", t, 0),
        "pyprep-course-progress-2026-12-01.json"
    );
}

#[test]
fn b15_import_errors_are_plain_words() {
    for text in [
        "my notes",
        "{\"a\": ",
        "{\"name\":\"x\"}",
        "[1,2]",
        "{\"version\":1,\"questions\":{\"Bad Id\":{}}}",
    ] {
        let error = parse_import(text, &[]).expect_err(text);
        let said = import_error_words(&error);
        assert!(said.starts_with("This file is not a pyprep export."), "{text}: {said}");
        assert!(!said.contains("line") && !said.contains("column"), "{said}");
    }
    let newer = parse_import("{\"version\":99,\"questions\":{}}", &[]).unwrap_err();
    assert!(import_error_words(&newer).contains("newer version"));
}
