//! Reviews per day as an inline SVG bar chart, with a text alternative.

use yew::prelude::*;

/// Props of [`ReviewChart`].
#[derive(Properties, PartialEq)]
pub struct ReviewChartProps {
    /// Reviews per day, oldest first, the last element being today.
    pub per_day: Vec<u32>,
}

const WIDTH: u32 = 336;
const HEIGHT: u32 = 100;

/// A bar per day; the SVG is described by a summary and a weekly table.
#[function_component(ReviewChart)]
pub fn review_chart(props: &ReviewChartProps) -> Html {
    let days = props.per_day.len().max(1) as u32;
    let max = props.per_day.iter().copied().max().unwrap_or(0).max(1);
    let total: u32 = props.per_day.iter().sum();
    let active = props.per_day.iter().filter(|&&n| n > 0).count();
    let bar = WIDTH / days;
    let weeks: Vec<u32> = props.per_day.chunks(7).map(|w| w.iter().sum()).collect();
    let weeks_count = weeks.len();
    let summary = format!(
        "{total} reviews over the last {} days, on {active} of them; busiest day {} reviews.",
        props.per_day.len(),
        props.per_day.iter().copied().max().unwrap_or(0)
    );
    html! {
        <figure class="chart">
            <svg data-testid="stats-chart" role="img" aria-labelledby="chart-title chart-desc"
                viewBox={format!("0 0 {WIDTH} {}", HEIGHT + 2)} preserveAspectRatio="none">
                <title id="chart-title">{ "Reviews per day, last twelve weeks" }</title>
                <desc id="chart-desc">{ summary.clone() }</desc>
                <line x1="0" y1={HEIGHT.to_string()} x2={WIDTH.to_string()} y2={HEIGHT.to_string()} class="axis" />
                { for props.per_day.iter().enumerate().filter(|(_, n)| **n > 0).map(|(i, &n)| {
                    let h = (n * HEIGHT / max).max(2);
                    html! {
                        <rect x={(i as u32 * bar).to_string()} y={(HEIGHT - h).to_string()}
                            width={bar.saturating_sub(1).max(1).to_string()} height={h.to_string()} class="bar" />
                    }
                }) }
            </svg>
            <figcaption>{ summary }</figcaption>
            <details>
                <summary>{ "Reviews per week (table)" }</summary>
                <table>
                    <thead><tr><th scope="col">{ "Week" }</th><th scope="col">{ "Reviews" }</th></tr></thead>
                    <tbody>
                        { for weeks.iter().enumerate().map(|(i, n)| {
                            let ago = weeks_count - 1 - i;
                            let label = match ago { 0 => "This week".to_string(), 1 => "Last week".to_string(), a => format!("{a} weeks ago") };
                            html! { <tr><td>{ label }</td><td>{ *n }</td></tr> }
                        }) }
                    </tbody>
                </table>
            </details>
        </figure>
    }
}
