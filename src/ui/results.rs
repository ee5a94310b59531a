//! Results: SL-A against SL-T per zone (table and radar), coverage, blocking items, maturity. The content
//! is the domain's `results_body`, the same blocks as the report's scorecard.

use crate::domain::document::results_body;
use crate::ui::document::BlocksView;
use crate::ui::handover::SendTo;
use crate::ui::map_edit::MapEditing;
use crate::ui::progress::ProgressPanel;
use crate::ui::shared::ShareLinkPanel;
use crate::ui::state::{AppState, Step, StepState};
use crate::ui::widgets::{NeedsAssessment, StepFooter};
use leptos::prelude::*;

/// The results step.
#[component]
pub fn ResultsStep() -> impl IntoView {
    let state = AppState::get();
    let step = StepState::get();
    let body =
        Memo::new(move |_| step.scorecard.with(|card| state.assessment.with_untracked(|a| results_body(a, card))));
    // The map's details link to the Scope step to edit the picked zone or conduit.
    provide_context(MapEditing::OnScope);
    view! {
        <section class="step results" aria-labelledby="results-title">
            <h1 id="results-title" tabindex="-1">"Results"</h1>
            <NeedsAssessment>
                <SendTo />
                <div class="results-body">{move || view! { <BlocksView blocks=body.get() /> }}</div>
                <ProgressPanel />
                <ShareLinkPanel />
            </NeedsAssessment>
            <StepFooter step=Step::Results />
        </section>
    }
}
