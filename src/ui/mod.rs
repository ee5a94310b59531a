//! The user interface: Leptos components written with `view!`, one module per step, plus small shared
//! widgets. App-wide state is [`state::AppState`], a `Copy` struct of signals given by [`App`] through
//! context. Each step's view reads it through its own [`state::StepState`] (the assessment, the scorecard and
//! the roadmap, as memos owned by the step, see `state::view_memo`) and writes the assessment through
//! `AppState::edit`, which saves every change.

pub mod branding;
pub mod document;
pub mod download;
pub mod fields;
pub mod handover;
pub mod inventory;
pub mod limited_text;
pub mod map_edit;
pub mod offline;
pub mod persist;
pub mod products;
pub mod profile;
pub mod progress;
pub mod questionnaire;
pub mod raster;
pub mod report;
pub mod results;
pub mod roadmap;
pub mod save_alert;
pub mod scope;
pub mod shared;
pub mod start;
pub mod state;
pub mod summary;
pub mod widgets;
pub mod word;
pub mod zone_map;

use leptos::prelude::*;
use state::{AppState, Step, StepState};

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

/// Mounts the app into the page's body and removes the static first screen of `index.html` (`#boot`),
/// which shows the title and the privacy promise until the app has started.
pub fn mount() {
    leptos::mount::mount_to_body(App);
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::load();
    provide_context(state);

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
    // A share link (`#/shared/…`) shows the shared results instead of the steps, until the hash changes.
    let sharing = RwSignal::new(shared::is_share_address());
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        // Only a real change: setting the signal re-renders the step, which would lose its open editors.
        let shared = shared::is_share_address();
        if sharing.get_untracked() != shared {
            sharing.set(shared);
        }
        if let Some(step) = step_from_location() {
            if step != state.step.get_untracked() {
                state.step.set(step);
                focus_main_heading();
            }
        }
    });
    // Closing or reloading the tab would lose changes the browser refused to store: ask first.
    let _ = window_event_listener(leptos::ev::beforeunload, move |ev: web_sys::BeforeUnloadEvent| {
        if state.unsaved.with_untracked(Option::is_some) {
            ev.prevent_default();
            ev.set_return_value("Some changes are not saved.");
        }
    });
    // Changes made in other tabs.
    let _ = window_event_listener(leptos::ev::storage, move |ev: web_sys::StorageEvent| {
        state.on_storage_event(ev.key(), ev.new_value());
    });
    offline::register_service_worker(state);
    // Remember the step in the assessment (without counting it as a change), to reopen there.
    Effect::new(move || {
        let step = state.step.get();
        state.remember(|a| {
            let differs = a.last_step != step.slug();
            if differs {
                a.last_step = step.slug().to_string();
            }
            differs
        });
    });
    let current = move || state.step.get();
    let name = move || state.assessment.with(|a| a.name.clone());

    view! {
        <a
            class="skip-link"
            href="#main"
            on:click=move |ev| {
                // Hash routes: move focus without changing the route.
                ev.prevent_default();
                if let Some(main) = document().get_element_by_id("main") {
                    if let Ok(main) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(main) {
                        let _ = main.focus();
                    }
                }
            }
        >
            "Skip to content"
        </a>
        <header class="app-header" role="banner">
            <div class="brand">
                <span class="brand-mark" aria-hidden="true">"62443"</span>
                <span class="brand-name">"IEC 62443 self-assessment"</span>
            </div>
            <div class="open-assessment" title="The assessment you are working on">
                <span class="visually-hidden">"Open assessment: "</span>
                {name}
            </div>
            <nav class="steps" aria-label="Assessment steps">
                <ol>
                    {Step::ALL
                        .into_iter()
                        .enumerate()
                        .map(|(i, step)| {
                            view! {
                                <li>
                                    <a
                                        href=step.href()
                                        aria-current=move || (current() == step).then_some("step")
                                        class:active=move || current() == step
                                    >
                                        <span class="step-number" aria-hidden="true">{i + 1}</span>
                                        {step.title()}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            </nav>
        </header>
        <widgets::Banner />
        <main id="main" tabindex="-1">
            {move || {
                // Owned by the step's view and disposed with it (see `StepState`).
                provide_context(StepState::new(state));
                if sharing.get() {
                    return view! { <shared::SharedView /> }.into_any();
                }
                match current() {
                Step::Start => view! { <start::StartStep /> }.into_any(),
                Step::Profile => view! { <profile::ProfileStep /> }.into_any(),
                Step::Scope => view! { <scope::ScopeStep /> }.into_any(),
                Step::Questionnaire => view! { <questionnaire::QuestionnaireStep /> }.into_any(),
                Step::Results => view! { <results::ResultsStep /> }.into_any(),
                Step::Roadmap => view! { <roadmap::RoadmapStep /> }.into_any(),
                Step::Report => view! { <report::ReportStep /> }.into_any(),
                }
            }}
        </main>
        <footer class="app-footer">
            <p>
                "Everything you enter stays in this browser. Nothing is sent anywhere. Catalogue "
                {crate::domain::CATALOGUE_VERSION}
                ". Questions are written for this tool and cite IEC 62443 identifiers; they do not reproduce the standard."
            </p>
        </footer>
        <save_alert::SaveAlert />
    }
}
