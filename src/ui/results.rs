//! Results: SL-A against SL-T per zone (table and radar), coverage, blocking items, maturity.

use crate::domain::html::results::results_body;
use crate::ui::dom::{elc, El};
use crate::ui::kit::{needs_assessment, step_footer, step_section};
use crate::ui::prelude::*;
use crate::ui::state::{AppState, Step};

/// The results step.
pub fn results_step() -> El {
    let state = AppState::get();
    let section = step_section("step results", "results", "Results", "");
    needs_assessment(section, move || {
        // Read-only, so written as HTML text (domain::html): far less wasm than typed views.
        vec![elc("div", "results-body")
            .dyn_html(move || state.scorecard.with(|card| state.assessment.with_untracked(|a| results_body(a, card))))]
    })
    .child(step_footer(Step::Results))
}
