//! The live summary: progress and current SL-A per zone, updated as answers change.

use crate::domain::html::results::live_summary_rows;
use crate::domain::{Fr, Mode};
use crate::ui::state::AppState;
use crate::ui::widgets::Progress;
use leptos::prelude::*;

/// A compact, always-current summary for the questionnaire's side panel.
#[component]
pub fn LiveSummary() -> impl IntoView {
    let state = AppState::get();
    let done = Signal::derive(move || state.scorecard.with(|s| s.progress.0));
    let total = Signal::derive(move || state.scorecard.with(|s| s.progress.1));
    view! {
        <aside class="live-summary" aria-label="Live summary">
            <h2>"Summary"</h2>
            <Progress done=done total=total label="Overall progress" />
            {move || state.scorecard.with(|s| (s.mode == Mode::Quick).then(|| view! {
                <p class="hint">"Quick scan: levels are indicative."</p>
            }))}
            <table class="mini-table" aria-label="Achieved security level per zone">
                <thead>
                    <tr>
                        <th scope="col">"Zone"</th>
                        {Fr::ALL.into_iter().map(|fr| view! { <th scope="col" title=fr.name()>{fr.code()}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody inner_html=move || state.scorecard.with(live_summary_rows)></tbody>
            </table>
            <p class="hint">"Cells show achieved / target level (SL-A / SL-T for zones, SL-C / aimed for products); ▾ marks a gap."</p>
        </aside>
    }
}
