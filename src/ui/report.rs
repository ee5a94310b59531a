//! The printable report and the exports.

use crate::domain::CATALOGUE_VERSION;
use crate::ui::results::ResultsBody;
use crate::ui::state::{AppState, Step};
use crate::ui::widgets::{NeedsAssessment, StepFooter};
use leptos::prelude::*;

/// The report step.
#[component]
pub fn ReportStep() -> impl IntoView {
    let state = expect_context::<AppState>();
    let a = state.assessment;
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <section class="step report" aria-labelledby="report-title">
            <h1 id="report-title" tabindex="-1">"Report"</h1>
            <NeedsAssessment>
                <div class="report-actions no-print">
                    <button type="button" class="button primary" on:click=print>"Print / Save as PDF"</button>
                </div>
                <article class="report-document">
                    <header class="report-cover">
                        <p class="report-kicker">"IEC 62443 self-assessment report"</p>
                        <h2>{move || a.with(|a| a.name.clone())}</h2>
                        <p>{move || a.with(|a| a.profile.organisation.clone())}</p>
                        <p>{move || a.with(|a| format!("Date: {}", a.updated.get(..10).unwrap_or("")))}</p>
                        <p>{format!("Catalogue version {CATALOGUE_VERSION}")}</p>
                    </header>
                    {move || state.scorecard.with(|s| view! { <ResultsBody scorecard=s.clone() /> })}
                </article>
            </NeedsAssessment>
            <StepFooter step=Step::Report />
        </section>
    }
}
