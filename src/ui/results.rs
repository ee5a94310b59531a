//! Results: SL-A against SL-T per zone (table and radar), coverage, blocking items, maturity.

use crate::domain::html::results::results_body;
use crate::ui::state::{AppState, Step};
use crate::ui::widgets::{NeedsAssessment, StepFooter};
use leptos::prelude::*;

/// The results step.
#[component]
pub fn ResultsStep() -> impl IntoView {
    let state = AppState::get();
    view! {
        <section class="step results" aria-labelledby="results-title">
            <h1 id="results-title" tabindex="-1">"Results"</h1>
            <NeedsAssessment>
                // Read-only, so written as HTML text (domain::html): far less wasm than typed views.
                <div class="results-body" inner_html=move || {
                    state.scorecard.with(|card| state.assessment.with_untracked(|a| results_body(a, card)))
                }></div>
            </NeedsAssessment>
            <StepFooter step=Step::Results />
        </section>
    }
}
