//! The four self-grades: Again, Hard, Good, Easy (keys 1 to 4).

use yew::prelude::*;

use crate::progress::Grade;

/// Props of [`GradeBar`].
#[derive(Properties, PartialEq)]
pub struct GradeBarProps {
    pub on_grade: Callback<Grade>,
    /// The grade the key points suggest, marked on its button.
    #[prop_or_default]
    pub suggested: Option<Grade>,
    /// The interval each grade would give (Again to Easy): `<1m`, `10m`, `1d`.
    #[prop_or_default]
    pub intervals: Option<[AttrValue; 4]>,
}

/// Buttons grading the current question.
#[function_component(GradeBar)]
pub fn grade_bar(props: &GradeBarProps) -> Html {
    html! {
        <div class="grade-bar" role="group" aria-label="How well did you recall it?">
            { for Grade::ALL.iter().enumerate().map(|(i, &grade)| {
                let name = grade.label().to_lowercase();
                let onclick = props.on_grade.reform(move |_: MouseEvent| grade);
                let suggested = props.suggested == Some(grade);
                html! {
                    <button type="button" class={classes!("grade", name.clone(), suggested.then_some("suggested"))}
                        data-testid={format!("grade-{name}")} data-suggested={suggested.then_some("true")} {onclick}
                        aria-keyshortcuts={(i + 1).to_string()}>
                        if let Some(intervals) = &props.intervals {
                            <span class="interval" data-testid={format!("interval-{name}")}>{ intervals[i].clone() }</span>
                        }
                        { grade.label() }<kbd aria-hidden="true">{ i + 1 }</kbd>
                        if suggested { <span class="suggested-mark">{ " (suggested)" }</span> }
                    </button>
                }
            }) }
        </div>
    }
}
