//! What the learner reads about progress files: import errors in plain
//! words (not parser messages), and the export file's name.

use super::import::ImportError;
use super::local_day;

/// The import error as a learner reads it: what is wrong with the file and
/// what to do, without parser positions or field jargon.
pub fn import_error_words(error: &ImportError) -> String {
    const CHOOSE: &str = "Choose the .json file that \"Export progress\" saved.";
    match error {
        ImportError::NotJson(_) | ImportError::WrongShape(_) | ImportError::BadId(_) => {
            format!("This file is not a pyprep export. {CHOOSE}")
        }
        ImportError::TooLarge { .. } => {
            format!("This file is larger than 5 MB, so it is not a pyprep export. {CHOOSE}")
        }
        ImportError::BadValue { id, .. } => format!(
            "This file looks like a pyprep export, but it was changed since: the saved progress of \"{id}\" is impossible. \
             Export again from the device it came from."
        ),
        other => other.to_string(),
    }
}

/// The civil date (year, month 1-12, day 1-31) of a day count since 1970-01-01.
pub fn civil_date(days: i64) -> (i64, u32, u32) {
    // Days since 0000-03-01 in 400-year eras of 146,097 days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// `YYYY-MM-DD` of the local day of `ms`.
pub fn local_date(ms: i64, tz_offset_min: i32) -> String {
    let (y, m, d) = civil_date(local_day(ms, tz_offset_min));
    format!("{y:04}-{m:02}-{d:02}")
}

/// The export file's name: `pyprep-progress-YYYY-MM-DD.json` (local date);
/// a namespace other than `default_namespace` goes in after `pyprep-`.
pub fn export_file_name(namespace: &str, default_namespace: &str, now_ms: i64, tz_offset_min: i32) -> String {
    let date = local_date(now_ms, tz_offset_min);
    if namespace == default_namespace {
        format!("pyprep-progress-{date}.json")
    } else {
        format!("pyprep-{namespace}-progress-{date}.json")
    }
}
