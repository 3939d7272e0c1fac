//! A predict-the-output card: the sample's code, a box for what the learner
//! thinks it prints, and once checked the line-by-line comparison with the
//! verified output. Each line says in words whether it matches, differs, is
//! missing or is extra (a mark and a label, not only a colour). The grade
//! bar sits in the card's sticky action bar, as on a question card.

use std::rc::Rc;

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::deck::{self, OutputAnswer, OutputCard};
use crate::session::{Comparison, LineCheck, compare};
use crate::ui::answers::{self, lookup_output, use_answers};

/// Props of [`CodeCard`].
#[derive(Properties, PartialEq)]
pub struct CodeCardProps {
    pub card: &'static OutputCard,
    /// What the learner predicted.
    pub prediction: AttrValue,
    pub on_predict: Callback<String>,
    /// Whether the prediction was checked (the comparison is shown).
    pub checked: bool,
    pub on_check: Callback<()>,
    /// The grade bar (or what replaces it), in the action bar.
    #[prop_or_default]
    pub actions: Html,
    /// Controls below the card (queue navigation).
    #[prop_or_default]
    pub children: Html,
}

/// One predict-the-output card.
#[function_component(CodeCard)]
pub fn code_card(props: &CodeCardProps) -> Html {
    use_answers();
    let card = props.card;
    let question = card.question();
    let category = deck::category(card.category()).map_or("", |c| c.title);
    let (at, of) = card.position();
    let content = lookup_output(card.id);
    let on_input = props.on_predict.reform(|e: InputEvent| {
        e.target_dyn_into::<HtmlTextAreaElement>()
            .map(|t| t.value())
            .unwrap_or_default()
    });
    let keys = {
        let on_check = props.on_check.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) {
                e.prevent_default();
                on_check.emit(());
            }
        })
    };
    let body = match &content {
        Ok(Some(code)) => body(props, code, on_input, keys),
        Ok(None) => html! { <p class="loading" data-testid="code-loading">{ "Loading the code…" }</p> },
        Err(why) => {
            let category = card.category();
            let onclick = Callback::from(move |_: MouseEvent| answers::retry_code(category));
            html! {
                <div class="notice error" role="alert" data-testid="code-failed">
                    <p>{ format!("The code could not be shown: {why}.") }</p>
                    <button type="button" {onclick}>{ "Try again" }</button>
                </div>
            }
        }
    };
    let check = (!props.checked && matches!(content, Ok(Some(_)))).then(|| {
        let onclick = props.on_check.reform(|_: MouseEvent| ());
        html! {
            <button type="button" id="check" class="primary reveal" data-testid="check" {onclick}
                aria-keyshortcuts="Control+Enter">{ "Check my prediction" }</button>
        }
    });
    html! {
        <article class="card code-card" data-testid="code-card" data-id={card.id} aria-labelledby="code-card-title">
            <div class="card-head">
                <p class="card-meta">
                    <span>{ category }</span>
                    <span class="badge">{ "code card" }</span>
                </p>
                <h2 id="code-card-title" class="question-text">{ "What does this print?" }</h2>
                if let Some(q) = question {
                    <p class="code-card-from" data-testid="code-card-from">
                        { if of > 1 { format!("Sample {at} of {of} from: ") } else { "From: ".to_string() } }
                        <a href={format!("#/q/{}", q.id)}>{ Html::from_html_unchecked(AttrValue::Static(q.text_html)) }</a>
                    </p>
                }
            </div>
            { body }
            <div class="action-bar" data-testid="action-bar">
                { for check }
                { props.actions.clone() }
            </div>
            { props.children.clone() }
        </article>
    }
}

fn body(
    props: &CodeCardProps,
    code: &Rc<OutputAnswer>,
    on_input: Callback<InputEvent>,
    keys: Callback<KeyboardEvent>,
) -> Html {
    let code_html = Html::from_html_unchecked(AttrValue::from(code.code.clone()));
    let answer = if props.checked {
        comparison_view(&compare(&props.prediction, &code.expected))
    } else {
        html! {
            <div class="field prediction-field">
                <label for="prediction">{ "What it prints (Ctrl+Enter checks)" }</label>
                <textarea id="prediction" data-testid="prediction" rows="5" spellcheck="false" wrap="off"
                    autocapitalize="off" autocomplete="off" value={props.prediction.clone()}
                    oninput={on_input} onkeydown={keys} />
            </div>
        }
    };
    html! {
        <>
            <div class="code-block" data-testid="code">{ code_html }</div>
            { answer }
        </>
    }
}

/// One row of the comparison: a mark, a label, and the line(s).
fn row(kind: &'static str, mark: &'static str, label: &'static str, lines: Html) -> Html {
    html! {
        <li class={classes!("line-check", kind)} data-testid="line-check" data-kind={kind}>
            <span class="line-mark" aria-hidden="true">{ mark }</span>
            <span class="line-label">{ label }</span>
            <span class="line-text">{ lines }</span>
        </li>
    }
}

/// A line of output as shown: spaces kept, an empty line said so.
fn line(text: &str) -> Html {
    if text.is_empty() {
        html! { <code class="empty-line">{ "(empty line)" }</code> }
    } else {
        html! { <code>{ text.to_string() }</code> }
    }
}

/// The comparison of a checked prediction.
pub fn comparison_view(comparison: &Comparison) -> Html {
    let (matched, total) = (comparison.matched(), comparison.total());
    let summary = if comparison.is_exact() {
        if total == 0 {
            "Right: it prints nothing.".to_string()
        } else {
            format!("Right: all {total} lines match.")
        }
    } else {
        format!("{matched} of {total} lines match.")
    };
    html! {
        <section class="comparison" data-testid="comparison" aria-label="Your prediction compared with the output">
            <h3 id="comparison-summary" tabindex="-1" data-testid="comparison-summary" data-exact={comparison.is_exact().to_string()}>{ summary }</h3>
            <ol class="line-checks">
                { for comparison.lines.iter().map(|l| match l {
                    LineCheck::Same(text) => row("same", "✓", "matches", line(text)),
                    LineCheck::Differs { expected, predicted } => row("differs", "≠", "differs", html! {
                        <>
                            <span class="line-part"><span class="line-role">{ "printed " }</span>{ line(expected) }</span>
                            <span class="line-part"><span class="line-role">{ "you wrote " }</span>{ line(predicted) }</span>
                        </>
                    }),
                    LineCheck::Missing(text) => row("missing", "−", "missing", html! {
                        <><span class="line-role">{ "printed " }</span>{ line(text) }</>
                    }),
                    LineCheck::Extra(text) => row("extra", "+", "extra", html! {
                        <><span class="line-role">{ "not printed " }</span>{ line(text) }</>
                    }),
                }) }
            </ol>
        </section>
    }
}
