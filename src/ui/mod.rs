//! The user interface: Leptos signals, memos and effects, with the DOM built by `dom` (not `view!`); one
//! module per step, plus `kit` (shared parts), local storage, offline support and branding.

pub mod branding;
pub mod dom;
pub mod download;
pub mod kit;
pub mod offline;
pub mod persist;
pub mod prelude;
pub mod products;
pub mod profile;
pub mod questionnaire;
pub mod report;
pub mod results;
pub mod roadmap;
pub mod scope;
pub mod start;
pub mod state;
pub mod summary;

use crate::ui::prelude::*;
use dom::{el, elc, watch, El};
use state::{AppState, Step};

/// Reads the step from the address bar's hash.
fn step_from_location() -> Option<Step> {
    let hash = web_sys::window()?.location().hash().ok()?;
    Step::from_hash(&hash)
}

/// Moves keyboard focus to the main heading of a step, so screen readers announce the new step.
pub fn focus_main_heading() {
    request_animation_frame(|| {
        if let Some(el) = document().query_selector("main h1").ok().flatten() {
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                let _ = el.focus();
            }
        }
    });
}

/// Starts the app: builds it into the page's body under a root reactive owner that lives as long as
/// the page, then removes the static first screen of index.html.
pub fn start() {
    // Runs Leptos's effects (an error only means it was started already).
    let _ = any_spawner::Executor::init_wasm_bindgen();
    let owner = Owner::new();
    owner.with(app);
    std::mem::forget(owner);
    // index.html's static first screen (`#boot`) has stood in for the app until now; the app is mounted
    // (in this same task, so no frame shows both), so it goes.
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
}

/// Builds the step's view.
fn step_view(step: Step) -> El {
    match step {
        Step::Start => start::start_step(),
        Step::Profile => profile::profile_step(),
        Step::Scope => scope::scope_step(),
        Step::Questionnaire => questionnaire::questionnaire_step(),
        Step::Results => results::results_step(),
        Step::Roadmap => roadmap::roadmap_step(),
        Step::Report => report::report_step(),
    }
}

/// The whole app: header with the steps, banner, the current step, footer.
fn app() {
    let state = AppState::load();
    state.install();

    // The hash is the route. With no hash, reopen where the user left off.
    let initial = step_from_location().unwrap_or_else(|| {
        let last = state.assessment.with_untracked(|a| Step::from_hash(&a.last_step));
        if state.stored.get_untracked() {
            last.unwrap_or(Step::Profile)
        } else {
            Step::Start
        }
    });
    state.step.set(initial);
    dom::on_window("hashchange", move |_| {
        if let Some(step) = step_from_location() {
            if step != state.step.get_untracked() {
                state.step.set(step);
                focus_main_heading();
            }
        }
    });
    // Changes made in other tabs.
    dom::on_window("storage", move |ev| {
        let ev: web_sys::StorageEvent = wasm_bindgen::JsCast::unchecked_into(ev);
        state.on_storage_event(ev.key(), ev.new_value());
    });
    offline::register_service_worker(state);
    // Remember the step in the assessment (without counting it as a change), to reopen there.
    watch(move || {
        let step = state.step.get();
        let differs = state.assessment.with_untracked(|a| a.last_step != step.slug());
        if differs && state.stored.get_untracked() {
            state.assessment.update_untracked(|a| a.last_step = step.slug().to_string());
            state.save();
        }
    });
    let skip = elc("a", "skip-link").attr("href", "#main").text("Skip to content").on("click", |ev| {
        // Hash routes: move focus without changing the route.
        ev.prevent_default();
        if let Some(main) = document().get_element_by_id("main") {
            if let Ok(main) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(main) {
                let _ = main.focus();
            }
        }
    });
    let steps = Step::ALL
        .into_iter()
        .enumerate()
        .map(|(i, step)| {
            el("li").child(
                el("a")
                    .attr("href", &step.href())
                    .dyn_attr("aria-current", move || (state.step.get() == step).then(|| "step".to_string()))
                    .dyn_class("active", move || state.step.get() == step)
                    .child(elc("span", "step-number").attr("aria-hidden", "true").text(&(i + 1).to_string()))
                    .text(step.title()),
            )
        })
        .collect();
    let header = elc("header", "app-header")
        .attr("role", "banner")
        .child(
            elc("div", "brand")
                .child(elc("span", "brand-mark").attr("aria-hidden", "true").text("62443"))
                .child(elc("span", "brand-name").text("IEC 62443 self-assessment")),
        )
        .child(
            elc("div", "open-assessment")
                .attr("title", "The assessment you are working on")
                .child(elc("span", "visually-hidden").text("Open assessment: "))
                .dyn_text(move || state.assessment.with(|a| a.name.clone())),
        )
        .child(el("nav").cls("steps").attr("aria-label", "Assessment steps").child(el("ol").kids(steps)));
    let main = el("main").id("main").attr("tabindex", "-1").switch(
        move || Step::ALL.iter().position(|s| *s == state.step.get()).unwrap_or(0) as u64,
        |i| vec![step_view(Step::ALL[i as usize])],
    );
    let footer = elc("footer", "app-footer").child(el("p").text(&format!(
        "Everything you enter stays in this browser. Nothing is sent anywhere. Catalogue {}. Questions are written for this tool and cite IEC 62443 identifiers; they do not reproduce the standard.",
        crate::domain::CATALOGUE_VERSION
    )));
    let body = El(document().body().expect("a page body").into());
    let body = body.child(skip).child(header);
    kit::banner(body).child(main).child(footer);
}
