//! Shared parts of the steps, built with `ui::dom`: banner, step footer, "no assessment yet", inline
//! confirmations, progress bar.

use crate::ui::dom::{button, el, elc, El};
use crate::ui::prelude::*;
use crate::ui::state::{AppState, Step};
use std::rc::Rc;

/// The message banner (errors as alerts, information as status), appended to `parent`.
pub fn banner(parent: El) -> El {
    let state = AppState::get();
    parent
        .switch(
            move || state.save_error.with(|e| e.is_some()) as u64,
            move |shown| {
                if shown == 0 {
                    return Vec::new();
                }
                vec![elc("div", "banner banner-error")
                    .attr("role", "alert")
                    .child(el("p").dyn_text(move || state.save_error.get().unwrap_or_default()))]
            },
        )
        .switch(
            move || state.message.with(|m| m.as_ref().map_or(0, |m| 1 + m.is_error as u64)),
            move |kind| {
                if kind == 0 {
                    return Vec::new();
                }
                let is_error = kind == 2;
                vec![elc("div", if is_error { "banner banner-error" } else { "banner banner-info" })
                    .attr("role", if is_error { "alert" } else { "status" })
                    .child(el("p").dyn_text(move || {
                        state.message.with(|m| m.as_ref().map(|m| m.text.clone()).unwrap_or_default())
                    }))
                    .child(button("link-button", "Dismiss", move || state.message.set(None)))]
            },
        )
}

/// Previous / next links at the bottom of a step.
pub fn step_footer(step: Step) -> El {
    let link =
        |class: &str, prefix: &str, s: Step| elc("a", class).attr("href", &s.href()).text(prefix).text(s.title());
    elc("nav", "step-footer")
        .attr("aria-label", "Previous and next step")
        .opt(step.previous().map(|p| link("button secondary", "Back: ", p)))
        .opt(step.next().map(|n| link("button primary", "Next: ", n)))
}

/// A `<section class="step ...">` with its heading (focused on step changes) and, when `lead` is not
/// empty, the lead paragraph.
pub fn step_section(class: &str, id: &str, title: &str, lead: &str) -> El {
    let heading = format!("{id}-title");
    let section = elc("section", class)
        .attr("aria-labelledby", &heading)
        .child(el("h1").id(&heading).attr("tabindex", "-1").text(title));
    if lead.is_empty() {
        section
    } else {
        section.child(elc("p", "lead").text(lead))
    }
}

/// Appends to `parent` what `build` gives while an assessment is open, or else an invitation to start one.
pub fn needs_assessment(parent: El, build: impl Fn() -> Vec<El> + 'static) -> El {
    let state = AppState::get();
    parent.either(
        move || state.has_assessment(),
        build,
        move || {
            vec![elc("div", "empty-state")
                .child(el("p").text("No assessment is open yet."))
                .child(button("button primary", "Start a new assessment", move || state.start_new("")))
                .text(" ")
                .child(elc("a", "button secondary").attr("href", &Step::Start.href()).text("See saved assessments"))]
        },
    )
}

/// Formats an ISO timestamp as `YYYY-MM-DD HH:MM` (UTC) for lists.
pub fn short_time(iso: &str) -> String {
    match (iso.get(..10), iso.get(11..16)) {
        (Some(d), Some(t)) => format!("{d} {t}"),
        _ => iso.to_string(),
    }
}

/// An inline confirmation, appended to `parent` while `open` is true: the question, a confirming button
/// and "Keep it", which closes it.
pub fn confirm_dialog(
    parent: El,
    open: RwSignal<bool>,
    label: &'static str,
    question: impl Fn() -> String + 'static,
    confirm: &'static str,
    on_confirm: impl Fn() + 'static,
) -> El {
    confirm_dialog_boxed(parent, open, label, Box::new(question), confirm, std::rc::Rc::new(on_confirm))
}

fn confirm_dialog_boxed(
    parent: El,
    open: RwSignal<bool>,
    label: &'static str,
    question: Box<dyn Fn() -> String>,
    confirm: &'static str,
    on_confirm: std::rc::Rc<dyn Fn()>,
) -> El {
    let question = std::rc::Rc::new(question);
    parent.when(
        move || open.get(),
        move || {
            let q = question.clone();
            let run = on_confirm.clone();
            vec![elc("div", "confirm")
                .attr("role", "alertdialog")
                .attr("aria-label", label)
                .child(el("p").dyn_text(move || q()))
                .child(button("button small danger", confirm, move || run()))
                .child(button("button small secondary", "Keep it", move || open.set(false)))]
        },
    )
}

/// A "Remove ..." button, appended to `parent`, that asks for confirmation inline before `on_confirm`.
pub fn confirm_remove(
    parent: El,
    button_text: &'static str,
    label: &'static str,
    question: impl Fn() -> String + 'static,
    confirm: &'static str,
    on_confirm: impl Fn() + 'static,
) -> El {
    let confirming = RwSignal::new(false);
    let parent = parent.child(button("button danger small", button_text, move || confirming.set(true)));
    confirm_dialog(parent, confirming, label, question, confirm, on_confirm)
}

/// A labelled progress bar of `done` out of `total`.
pub fn progress(done: impl Fn() -> usize + 'static, total: impl Fn() -> usize + 'static, label: &str) -> El {
    progress_boxed(Box::new(move || (done(), total())), label)
}

fn progress_boxed(counts: Box<dyn Fn() -> (usize, usize)>, label: &str) -> El {
    // The counts are cheap to read (two numbers of the scorecard): each part reads them once itself.
    let counts: Rc<dyn Fn() -> (usize, usize)> = Rc::from(counts);
    let percent = |(done, total): (usize, usize)| (done * 100).checked_div(total).unwrap_or(0);
    let (for_value, for_text, for_width) = (counts.clone(), counts.clone(), counts.clone());
    elc("div", "progress")
        .child(
            elc("div", "progress-bar")
                .attr("role", "progressbar")
                .attr("aria-label", label)
                .attr("aria-valuemin", "0")
                .attr("aria-valuemax", "100")
                .dyn_attr("aria-valuenow", move || Some(percent(for_value()).to_string()))
                .dyn_attr("aria-valuetext", move || {
                    let (d, t) = for_text();
                    Some(format!("{d} of {t} answered"))
                })
                .child(elc("div", "progress-fill").dyn_style("width", move || format!("{}%", percent(for_width())))),
        )
        .child(elc("span", "progress-text").dyn_text(move || {
            let (d, t) = counts();
            format!("{d} / {t} ({}%)", percent((d, t)))
        }))
}
