//! Practise: the queue of a [`PracticeScope`] (the daily queue of some
//! categories, a widget's listed questions, or one card), Anki's way. The
//! learner types an attempt, reveals, compares, grades; each grade button
//! shows the interval it gives, a line says when the card comes back, the
//! last grade can be undone, and learning cards return within the session
//! once their step is due. What happens at each step is decided by
//! [`PracticeRun`] and the scheduler; this screen shows it and sends Actions.

use yew::prelude::*;

use super::card::{QuestionCard, save_note, toggle_bookmark};
use super::category_picker::CategoryPicker;
use super::grade_bar::GradeBar;
use super::last_grade::{self, LastGrade};
use super::use_app;
use crate::deck;
use crate::embed::Happening;
use crate::progress::{Grade, interval_label, interval_words};
use crate::session::{self, PracticeRun, PracticeScope, Scope};
use crate::store;
use crate::ui::dom;
use crate::ui::hooks::{CardKeys, use_announce, use_shortcuts, use_ticker};
use crate::ui::route::Route;
use crate::ui::shell::use_shell;
use crate::ui::state::Action;

/// The display preference recording that the swipe hint was seen.
const SWIPE_HINT_PREF: &str = "swipe-hint";

/// Props of [`Practice`].
#[derive(Properties, PartialEq)]
pub struct PracticeProps {
    /// What the session draws from.
    pub scope: PracticeScope,
}

/// The practice screen.
#[function_component(Practice)]
pub fn practice(props: &PracticeProps) -> Html {
    let state = use_app();
    let shell = use_shell();
    let announce = use_announce();
    let start = {
        let (state, scope) = (state.clone(), props.scope.clone());
        move || {
            let (now, tz) = (dom::now_ms(), dom::tz_offset_min());
            let order = state.progress.settings.new_order;
            let queue = session::practice_queue_ordered(deck::questions(), &state.progress, &scope, order, now, tz);
            let soon = session::learning_soon(
                deck::questions(),
                &state.progress,
                &scope,
                now,
                session::RETURN_WITHIN_MS,
            );
            let mut run = PracticeRun::start_with(queue, soon);
            run.sync_reviews(now, session::reviews_in(&state.progress));
            run
        }
    };
    let run = use_state(start.clone());
    // In step with other widgets and tabs (B9): a card graded elsewhere leaves this run.
    {
        let (run, progress) = (run.clone(), state.progress.clone());
        use_effect_with(state.progress_rev, move |_| {
            let mut next = (*run).clone();
            next.sync_reviews(dom::now_ms(), session::reviews_in(&progress));
            if next != *run {
                run.set(next);
            }
        });
    }
    let current = run.current().and_then(deck::question);
    let last = use_state(|| None::<LastGrade>);
    // The first time on a touch screen, say that the swipe exists.
    let swipe_hint = use_state(|| dom::is_touch_screen() && store::ui_pref(SWIPE_HINT_PREF).is_none());
    // The attempt of this review (never stored: each review starts empty).
    let attempt = use_state(String::new);
    // When the current card was shown, and how long until it was revealed.
    let shown_at = use_mut_ref(dom::now_ms);
    let seconds = use_state(|| None::<u32>);
    let suggested = use_state(|| None::<Grade>);
    let position = (run.index(), run.current());
    {
        let (shown_at, seconds, suggested, attempt) =
            (shown_at.clone(), seconds.clone(), suggested.clone(), attempt.clone());
        use_effect_with(position, move |_| {
            *shown_at.borrow_mut() = dom::now_ms();
            seconds.set(None);
            suggested.set(None);
            attempt.set(String::new());
        });
    }
    // Keep focus on the card's main control as it changes.
    {
        let shell = shell.clone();
        use_effect_with((position, run.revealed), move |&((index, _), revealed)| {
            if revealed {
                shell.focus("answer");
            } else if index > 0 {
                shell.focus("reveal");
            }
        });
    }
    // While waiting for a returning card, tick and pick it up when due.
    let waiting = current.is_none() && !run.is_finished();
    let now = use_ticker(waiting);
    {
        let run = run.clone();
        use_effect_with((now, waiting), move |&(now, waiting)| {
            let mut next = (*run).clone();
            if waiting && next.pick_up(now) {
                run.set(next);
            }
        });
    }

    let reveal = {
        let (run, announce, shown_at, seconds) = (run.clone(), announce.clone(), shown_at.clone(), seconds.clone());
        Callback::from(move |()| {
            let mut next = (*run).clone();
            if next.reveal() {
                dom::blur_active();
                let took = (dom::now_ms() - *shown_at.borrow()).max(0) / 1000;
                seconds.set(Some(u32::try_from(took).unwrap_or(u32::MAX)));
                run.set(next);
                announce.emit("Answer revealed".into());
            }
        })
    };
    let grade = {
        let (run, state, shell, announce, last) = (
            run.clone(),
            state.clone(),
            shell.clone(),
            announce.clone(),
            last.clone(),
        );
        Callback::from(move |grade: Grade| {
            let Some(id) = run.current() else { return };
            let now = dom::now_ms();
            let outcome = state.progress.preview(id, now)[grade as usize];
            let mut next = (*run).clone();
            let Some(graded) = next.grade(grade, now, outcome.due_ms, outcome.is_learning()) else {
                return;
            };
            dom::blur_active();
            let before = state.progress.get(id).cloned();
            state.dispatch(Action::Grade { id, grade, now_ms: now });
            shell.tell(Happening::Graded {
                question_id: id,
                grade,
                remaining: graded.remaining,
            });
            if next.is_finished() {
                shell.tell(Happening::SessionComplete { seconds: None });
            }
            let when = interval_words(outcome.due_ms - now);
            let said = match graded.returns_at {
                Some(_) => format!("Graded {}: back {when}, in this session.", grade.label()),
                None => format!("Graded {}: next review {when}.", grade.label()),
            };
            announce.emit(match graded.next.and_then(deck::question) {
                Some(q) => format!("{said} Next question: {}", q.text),
                None => format!("{said} No card left for now."),
            });
            last.set(Some(LastGrade {
                id,
                grade,
                said,
                before,
            }));
            run.set(next);
        })
    };
    let undo = last_grade::undo(run.clone(), state.clone(), last.clone(), announce.clone());
    let seen_hint = {
        let swipe_hint = swipe_hint.clone();
        Callback::from(move |()| {
            store::set_ui_pref(SWIPE_HINT_PREF, "seen");
            swipe_hint.set(false);
        })
    };
    let step = {
        let run = run.clone();
        let shell = shell.clone();
        Callback::from(move |delta: isize| {
            let mut next = (*run).clone();
            if next.step(delta, dom::now_ms()) {
                if next.is_finished() {
                    // Skipping the last card empties the queue too.
                    shell.tell(Happening::SessionComplete { seconds: None });
                }
                run.set(next);
            }
        })
    };
    let id: &'static str = current.map_or("", |q| q.id);
    let bookmark = toggle_bookmark(&state, id);
    use_shortcuts(
        CardKeys {
            has_card: current.is_some(),
            revealed: run.revealed,
            graded: run.current_grade().is_some(),
            reveal: reveal.clone(),
            grade: grade.clone(),
            step: step.clone(),
            bookmark: Some(bookmark.clone()),
            undo: last.is_some().then(|| undo.clone()),
        }
        .handler(),
    );

    let single = props.scope.is_single();
    let categories = match &props.scope {
        PracticeScope::Daily(Scope { categories }) => Some(categories.clone()),
        _ => None,
    };
    let remaining = run.remaining();
    let after_grade = last.as_ref().map(|done| last_grade::after_grade(done, &undo));
    let body = match current {
        Some(question) => {
            let entry = state.progress.get(question.id);
            let on_note = save_note(&state, id);
            let on_prev = step.reform(|_: MouseEvent| -1);
            let on_next = step.reform(|_: MouseEvent| 1);
            // Swipes only on the question side: a revealed answer is never
            // thrown away ungraded by a sideways gesture.
            let on_swipe = (!single && !run.revealed).then(|| {
                let (step, seen_hint) = (step.clone(), seen_hint.clone());
                Callback::from(move |delta: isize| {
                    seen_hint.emit(());
                    step.emit(delta);
                })
            });
            let now = dom::now_ms();
            let controls = match run.current_grade() {
                Some(given) => {
                    let due = entry.and_then(|e| e.card.as_ref()).map(|c| c.due_ms);
                    html! {
                        <p class="graded" data-testid="already-graded">
                            { format!("Graded {} in this session", given.label()) }
                            { due.map(|d| format!("; next review {}.", interval_words(d - now))).unwrap_or_else(|| ".".into()) }
                        </p>
                    }
                }
                None if run.revealed => {
                    let outcomes = state.progress.preview(question.id, now);
                    let intervals = outcomes.map(|o| AttrValue::from(interval_label(o.due_ms - now)));
                    html! { <GradeBar on_grade={grade} suggested={*suggested} intervals={Some(intervals)} /> }
                }
                None => html! {},
            };
            let on_attempt = attempt.setter().to_callback();
            html! {
                <QuestionCard {question} revealed={run.revealed} on_reveal={reveal}
                    bookmarked={entry.is_some_and(|e| e.bookmarked)} on_bookmark={bookmark}
                    note={AttrValue::from(entry.map(|e| e.note.clone()).unwrap_or_default())} {on_note}
                    attempt={Some(AttrValue::from((*attempt).clone()))} {on_attempt}
                    {on_swipe} seconds={*seconds} on_suggest={Some(suggested.setter().to_callback())}
                    actions={controls}>
                    if !single {
                        <nav class="card-nav" aria-label="Queue">
                            <button type="button" data-testid="prev" onclick={on_prev} disabled={run.index() == 0}>{ "← Previous" }</button>
                            <button type="button" data-testid="next" onclick={on_next}>{ "Skip →" }</button>
                        </nav>
                    }
                </QuestionCard>
            }
        }
        None if waiting => {
            let soon = session::returning_summary(&run.returning_at(), now);
            html! {
                <section class="done" data-testid="practice-waiting">
                    <h2>{ "Cards coming back" }</h2>
                    <p data-testid="returning">{ soon }</p>
                    <p>{ "They appear here by themselves when they are due. Keep this page open, or come back later." }</p>
                </section>
            }
        }
        None => {
            let more = start().remaining();
            let again = {
                let run = run.clone();
                Callback::from(move |_: MouseEvent| run.set(start()))
            };
            if single {
                return html! {
                    <>
                        { for after_grade }
                        <section class="done" data-testid="practice-done">
                            <p>{ "Graded. Your progress is saved in this browser." }</p>
                            <button type="button" class="primary" onclick={again}>{ "Practise it again" }</button>
                        </section>
                    </>
                };
            }
            html! {
                <section class="done" data-testid="practice-done">
                    <h2>{ "All done for now" }</h2>
                    if more > 0 {
                        <p>{ format!("{more} more ready to practise.") }</p>
                        <button type="button" class="primary" onclick={again}>{ "Keep going" }</button>
                    } else {
                        <p>{ "Nothing is due and today's new cards are done. Come back tomorrow, or browse the questions." }</p>
                        <p><a href={Route::Browse.href()} onclick={shell.link(Route::Browse)}>{ "Browse questions" }</a></p>
                    }
                </section>
            }
        }
    };
    let on_scope = {
        let shell = shell.clone();
        Callback::from(move |cats: Vec<String>| shell.go(Route::Practice(cats)))
    };
    let single_done = single && current.is_none() && !waiting;
    html! {
        <>
            if !shell.compact { <h1 class="practice-title">{ if single { "Practise this question" } else { "Practise" } }</h1> }
            if !shell.embedded && !single { { super::code_list::code_tabs(true, false) } }
            <div class="practice-bar">
                if let (Some(categories), false) = (categories, shell.embedded) {
                    <details class="scope">
                        <summary>{ scope_label(&categories) }</summary>
                        <CategoryPicker legend="Categories to practise" selected={categories.clone()} on_change={on_scope} testid="practice-category" />
                    </details>
                }
                if !single {
                    <p class="queue" data-testid="queue-remaining">{ format!("{remaining} left in this session") }</p>
                }
                if !shell.embedded { <a class="custom-study-link" href={Route::Study.href()} data-testid="custom-study-link">{ "Custom study" }</a> }
            </div>
            if !single_done { { for after_grade } }
            { body }
            // Below the card, not above it: on a 640-px-tall phone the tip
            // pushed the question under the sticky Reveal bar.
            if *swipe_hint && !single && current.is_some() {
                <p class="hint" data-testid="swipe-hint">
                    { "Tip: swipe the question left for the next card, right to go back." }
                    <button type="button" class="link" onclick={seen_hint.reform(|_: MouseEvent| ())}>{ "Got it" }</button>
                </p>
            }
        </>
    }
}

/// "All categories" or the chosen titles.
fn scope_label(scope: &[String]) -> String {
    if scope.is_empty() {
        return "Categories: all".into();
    }
    let titles: Vec<&str> = scope
        .iter()
        .map(|id| deck::category(id).map_or(id.as_str(), |c| c.title))
        .collect();
    format!("Categories: {}", titles.join(", "))
}
