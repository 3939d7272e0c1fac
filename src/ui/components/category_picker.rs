//! Checkboxes choosing categories (none checked = all).

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::deck;

/// Props of [`CategoryPicker`].
#[derive(Properties, PartialEq)]
pub struct CategoryPickerProps {
    pub legend: AttrValue,
    pub selected: Vec<String>,
    pub on_change: Callback<Vec<String>>,
    /// The test id of each checkbox.
    pub testid: AttrValue,
}

/// A fieldset with one checkbox per category.
#[function_component(CategoryPicker)]
pub fn category_picker(props: &CategoryPickerProps) -> Html {
    html! {
        <fieldset class="category-picker">
            <legend>{ props.legend.clone() }</legend>
            { for deck::categories().iter().map(|c| {
                let checked = props.selected.iter().any(|s| s == c.id);
                let selected = props.selected.clone();
                let onchange = props.on_change.reform(move |e: Event| {
                    let on = e.target_dyn_into::<HtmlInputElement>().is_some_and(|i| i.checked());
                    let mut next: Vec<String> = selected.iter().filter(|s| *s != c.id).cloned().collect();
                    if on {
                        next.push(c.id.to_string());
                    }
                    // Keep deck order so the same choice always gives the same route.
                    crate::sort::sort_by(&mut next, &mut |a, b| { let at = |id: &String| deck::categories().iter().position(|k| k.id == id.as_str()); at(a).cmp(&at(b)) });
                    next
                });
                let id = format!("{}-{}", props.testid, c.id);
                html! {
                    <label class="check" for={id.clone()}>
                        <input type="checkbox" id={id} data-testid={props.testid.clone()} data-category={c.id}
                            {checked} {onchange} />
                        { c.title }
                    </label>
                }
            }) }
        </fieldset>
    }
}
