//! Small shared widgets.

use crate::ui::state::{AppState, Step, StepState};
use leptos::prelude::*;

/// The message banner (errors as alerts, information as status). A failed save has its own alert, which
/// stays in view ([`crate::ui::save_alert`]).
#[component]
pub fn Banner() -> impl IntoView {
    let state = AppState::get();
    let message = move || {
        state.message.get().map(|m| {
            let class = if m.is_error { "banner banner-error" } else { "banner banner-info" };
            let role = if m.is_error { "alert" } else { "status" };
            view! {
                <div class=class role=role>
                    <p>{m.text}</p>
                    <button type="button" class="link-button" on:click=move |_| state.message.set(None)>
                        "Dismiss"
                    </button>
                </div>
            }
        })
    };
    view! { {message} }
}

/// Previous / next links at the bottom of a step.
#[component]
pub fn StepFooter(step: Step) -> impl IntoView {
    view! {
        <nav class="step-footer" aria-label="Previous and next step">
            {step.previous().map(|p| view! { <a class="button secondary" href=p.href()>"Back: " {p.title()}</a> })}
            {step.next().map(|n| view! { <a class="button primary" href=n.href()>"Next: " {n.title()}</a> })}
        </nav>
    }
}

/// A labelled progress bar.
#[component]
pub fn Progress(
    #[prop(into)] done: Signal<usize>,
    #[prop(into)] total: Signal<usize>,
    label: &'static str,
) -> impl IntoView {
    let percent = move || (done.get() * 100).checked_div(total.get()).unwrap_or(0);
    view! {
        <div class="progress">
            <div
                class="progress-bar"
                role="progressbar"
                aria-label=label
                aria-valuemin="0"
                aria-valuemax="100"
                aria-valuenow=move || percent().to_string()
                aria-valuetext=move || format!("{} of {} answered", done.get(), total.get())
            >
                <div class="progress-fill" style:width=move || format!("{}%", percent())></div>
            </div>
            <span class="progress-text">{move || format!("{} / {} ({}%)", done.get(), total.get(), percent())}</span>
        </div>
    }
}

/// Shown by steps that need an assessment in storage when the user has none yet.
#[component]
pub fn NeedsAssessment(children: ChildrenFn) -> impl IntoView {
    let state = AppState::get();
    view! {
        // Show memoises the condition, so edits to the assessment do not re-create the step below.
        <Show
            when=move || StepState::get().has_assessment.get()
            fallback=move || {
                view! {
                    <div class="empty-state">
                        <p>"No assessment is open yet."</p>
                        <button type="button" class="button primary" on:click=move |_| {
                            state.start_new("");
                        }>
                            "Start a new assessment"
                        </button>
                        " "
                        <a class="button secondary" href=Step::Start.href()>"See saved assessments"</a>
                    </div>
                }
            }
        >
            {children()}
        </Show>
    }
}

/// Formats an ISO timestamp as `YYYY-MM-DD HH:MM` (UTC) for lists.
pub fn short_time(iso: &str) -> String {
    match (iso.get(..10), iso.get(11..16)) {
        (Some(d), Some(t)) => format!("{d} {t}"),
        _ => iso.to_string(),
    }
}

/// A "Remove ..." button that asks for confirmation inline before calling `on_confirm`.
#[component]
pub fn ConfirmRemove(
    /// Button text, e.g. "Remove zone".
    button: &'static str,
    /// Accessible name of the confirmation, e.g. "Confirm zone removal".
    label: &'static str,
    /// The question asked.
    #[prop(into)]
    question: Signal<String>,
    /// Text of the confirming button.
    confirm: &'static str,
    /// Called when the user confirms.
    on_confirm: Callback<()>,
) -> impl IntoView {
    let confirming = RwSignal::new(false);
    view! {
        <button type="button" class="button danger small" on:click=move |_| confirming.set(true)>{button}</button>
        <ConfirmDialog open=confirming label=label question=question confirm=confirm on_confirm=on_confirm />
    }
}

/// An inline confirmation, shown while `open` is true: the question, a confirming button and "Keep it",
/// which closes it.
#[component]
pub fn ConfirmDialog(
    /// Whether it is shown.
    open: RwSignal<bool>,
    /// Accessible name, e.g. "Confirm deletion".
    label: &'static str,
    /// The question asked.
    #[prop(into)]
    question: Signal<String>,
    /// Text of the confirming button.
    confirm: &'static str,
    /// Called when the user confirms.
    on_confirm: Callback<()>,
) -> impl IntoView {
    view! {
        <Show when=move || open.get()>
            <div class="confirm" role="alertdialog" aria-label=label>
                <p>{move || question.get()}</p>
                <button type="button" class="button small danger" on:click=move |_| on_confirm.run(())>{confirm}</button>
                <button type="button" class="button small secondary" on:click=move |_| open.set(false)>"Keep it"</button>
            </div>
        </Show>
    }
}
