//! The live summary: progress and current SL-A per zone, updated as answers change.

use crate::domain::document::live_summary_table;
use crate::domain::Mode;
use crate::ui::document::TableView;
use crate::ui::state::StepState;
use crate::ui::widgets::Progress;
use leptos::prelude::*;

/// A compact, always-current summary for the questionnaire's side panel.
#[component]
pub fn LiveSummary() -> impl IntoView {
    let step = StepState::get();
    // One subscriber of the long-lived scorecard per visit: the parts below follow these memos.
    let progress = Memo::new(move |_| step.scorecard.with(|s| s.progress));
    let table = Memo::new(move |_| step.scorecard.with(live_summary_table));
    let quick = Memo::new(move |_| step.scorecard.with(|s| s.mode == Mode::Quick));
    let done = Signal::derive(move || progress.get().0);
    let total = Signal::derive(move || progress.get().1);
    view! {
        <aside class="live-summary" aria-label="Live summary">
            <h2>"Summary"</h2>
            <Progress done=done total=total label="Overall progress" />
            <Show when=move || quick.get()>
                <p class="hint">"Quick scan: levels are indicative."</p>
            </Show>
            {move || view! { <TableView table=table.get() /> }}
            <p class="hint">
                "Cells show achieved / target level (SL-A / SL-T for zones, SL-C / aimed for products); ▾ marks a gap the answers show, ? a level not yet assessed: only unanswered questions hold it down."
            </p>
        </aside>
    }
}
