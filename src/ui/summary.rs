//! The live summary: progress and current SL-A per zone, updated as answers change.

use crate::domain::{Fr, Mode};
use crate::ui::state::AppState;
use crate::ui::widgets::{CollectAnyView, Progress};
use leptos::prelude::*;

/// A compact, always-current summary for the questionnaire's side panel.
#[component]
pub fn LiveSummary() -> impl IntoView {
    let state = expect_context::<AppState>();
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
                        {Fr::ALL.into_iter().map(|fr| view! { <th scope="col" title=fr.name()>{fr.code()}</th> }).collect_any_view()}
                    </tr>
                </thead>
                <tbody>
                    {move || state.scorecard.with(|s| s.zones.iter().chain(s.products.iter()).map(|z| {
                        let cells = z.frs.iter().map(|f| {
                            let gap = f.gap() > 0;
                            let text = format!("{}/{}", f.achieved, f.target);
                            let label = format!("{} {}: achieved {}, target {}", z.zone_name, f.fr.code(), f.achieved, f.target);
                            view! { <td class:gap=gap aria-label=label>{text}{gap.then_some(" ▾")}</td> }
                        }).collect_any_view();
                        view! { <tr data-zone=z.zone_id.clone()><th scope="row">{z.zone_name.clone()}</th>{cells}</tr> }
                    }).collect_any_view())}
                </tbody>
            </table>
            <p class="hint">"Cells show achieved / target level (SL-A / SL-T for zones, SL-C / aimed for products); ▾ marks a gap."</p>
        </aside>
    }
}
