//! Reviews per day as a calendar heatmap (an inline SVG: a column per week,
//! Monday on top, month names along the top and weekdays down the side),
//! each day labelled with its date and count, and a weekly table as a text
//! alternative.

use yew::prelude::*;

use crate::stats::HeatDay;

/// Props of [`Heatmap`].
#[derive(Properties, PartialEq)]
pub struct HeatmapProps {
    /// Whole weeks, Monday first, ending today (see [`crate::stats::heatmap`]).
    pub days: Vec<HeatDay>,
}

const CELL: usize = 13;
const STEP: usize = 16;
const LEFT: usize = 30;
const TOP: usize = 16;
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The month of a `YYYY-MM-DD` date (1-12) and its day of the month.
fn month_and_day(date: &str) -> (usize, u32) {
    let month = date.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1);
    let day = date.get(8..10).and_then(|d| d.parse().ok()).unwrap_or(1);
    (month, day)
}

fn reviews(n: u32) -> String {
    if n == 1 {
        "1 review".into()
    } else {
        format!("{n} reviews")
    }
}

/// The heatmap with its axes, legend, summary and table.
#[function_component(Heatmap)]
pub fn heatmap(props: &HeatmapProps) -> Html {
    let days = &props.days;
    let weeks = days.len().div_ceil(7).max(1);
    let width = LEFT + weeks * STEP + 16; // room for a month name over the last week
    let height = TOP + 7 * STEP;
    let total: u32 = days.iter().map(|d| d.count).sum();
    let active = days.iter().filter(|d| d.count > 0).count();
    let busiest = days.iter().max_by_key(|d| d.count).filter(|d| d.count > 0);
    let summary = match busiest {
        None => format!("No reviews in the last {weeks} weeks yet."),
        Some(b) => format!(
            "{} over the last {weeks} weeks, on {active} days; the busiest was {} with {}.",
            reviews(total),
            b.date,
            reviews(b.count)
        ),
    };
    // A month's name above the first week that holds its 1st.
    let month_labels = days.iter().enumerate().filter_map(|(i, d)| {
        let (month, day) = month_and_day(&d.date);
        (day == 1 || i == 0).then(|| {
            let x = LEFT + (i / 7) * STEP;
            html! { <text x={x.to_string()} y="11" class="axis-label">{ MONTHS[(month - 1) % 12] }</text> }
        })
    });
    let weekday_labels = [(0, "Mon"), (2, "Wed"), (4, "Fri"), (6, "Sun")].map(|(row, name)| {
        let y = TOP + row * STEP + 10;
        html! { <text x="0" y={y.to_string()} class="axis-label">{ name }</text> }
    });
    let weekly: Vec<(String, u32)> = days
        .chunks(7)
        .map(|w| (w[0].date.clone(), w.iter().map(|d| d.count).sum()))
        .collect();
    html! {
        <figure class="chart heatmap">
            <svg data-testid="stats-heatmap" role="group" aria-label={format!("Reviews per day, last {weeks} weeks")}
                viewBox={format!("0 0 {width} {height}")} width={width.to_string()} height={height.to_string()}>
                { for month_labels }
                { for weekday_labels }
                { for days.iter().enumerate().map(|(i, d)| {
                    let label = format!("{}: {}", d.date, reviews(d.count));
                    let (x, y) = (LEFT + (i / 7) * STEP, TOP + d.weekday as usize * STEP);
                    html! {
                        <rect x={x.to_string()} y={y.to_string()} width={CELL.to_string()} height={CELL.to_string()} rx="2"
                            class={format!("heat level-{}", d.level)} role="img" aria-label={label.clone()}
                            data-testid="heat-day" data-date={d.date.clone()} data-count={d.count.to_string()}>
                            <title>{ label }</title>
                        </rect>
                    }
                }) }
            </svg>
            <p class="heat-legend" aria-hidden="true">
                { "Less" }
                { for (0..5).map(|l| html! { <svg width="13" height="13"><rect width="13" height="13" rx="2" class={format!("heat level-{l}")} /></svg> }) }
                { "More" }
            </p>
            <figcaption data-testid="stats-heatmap-summary">{ summary }</figcaption>
            <details>
                <summary>{ "Reviews per week (table)" }</summary>
                <table>
                    <thead><tr><th scope="col">{ "Week from" }</th><th scope="col">{ "Reviews" }</th></tr></thead>
                    <tbody>
                        { for weekly.iter().rev().map(|(from, n)| html! { <tr><td>{ from.clone() }</td><td>{ *n }</td></tr> }) }
                    </tbody>
                </table>
            </details>
        </figure>
    }
}
