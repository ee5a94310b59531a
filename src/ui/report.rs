//! The printable report (cover, executive summary, scorecard, roadmap, gap register, appendix) and the
//! exports (JSON that re-imports, CSV gap register and roadmap, Markdown report).

use crate::domain::export::{gap_register_csv, report_markdown, roadmap_csv};
use crate::domain::storage::to_json;
use crate::domain::{report_document, ReportBranding};
use crate::ui::document::DocumentView;
use crate::ui::download::{download, file_stem};
use crate::ui::state::{view_memo, AppState, Step, StepState};
use crate::ui::widgets::{NeedsAssessment, StepFooter};
use leptos::prelude::*;

/// The report step.
#[component]
pub fn ReportStep() -> impl IntoView {
    view! {
        <section class="step report" aria-labelledby="report-title">
            <h1 id="report-title" tabindex="-1">"Report"</h1>
            <NeedsAssessment>
                <ExportBar />
                <ReportDocument />
            </NeedsAssessment>
            <StepFooter step=Step::Report />
        </section>
    }
}

#[component]
fn ExportBar() -> impl IntoView {
    let state = AppState::get();
    let step = StepState::get();
    let save = move |suffix: &str, mime: &str, text: String| {
        let name = state.assessment.with_untracked(|a| file_stem(&a.name));
        if let Err(e) = download(&format!("{name}{suffix}"), mime, &text) {
            state.error(&e);
        }
    };
    let json = move |_| save(".json", "application/json", state.assessment.with_untracked(to_json));
    let gaps = move |_| {
        let text = state.assessment.with_untracked(|a| {
            step.scorecard.with_untracked(|c| step.roadmap.with_untracked(|r| gap_register_csv(a, c, r)))
        });
        save("-gap-register.csv", "text/csv;charset=utf-8", text)
    };
    let roadmap = move |_| {
        let text = state.assessment.with_untracked(|a| step.roadmap.with_untracked(|r| roadmap_csv(a, r)));
        save("-roadmap.csv", "text/csv;charset=utf-8", text)
    };
    let markdown = move |_| {
        let text = state.assessment.with_untracked(|a| {
            step.scorecard.with_untracked(|c| step.roadmap.with_untracked(|r| report_markdown(a, c, r)))
        });
        save("-report.md", "text/markdown;charset=utf-8", text)
    };
    view! {
        <div class="report-actions no-print" role="group" aria-label="Print and export">
            <button type="button" class="button primary" on:click=move |_| { let _ = window().print(); }>
                "Print / Save as PDF"
            </button>
            <button type="button" class="button secondary" on:click=json>"Export JSON (re-importable)"</button>
            <button type="button" class="button secondary" on:click=gaps>"Export gap register (CSV)"</button>
            <button type="button" class="button secondary" on:click=roadmap>"Export roadmap (CSV)"</button>
            <button type="button" class="button secondary" on:click=markdown>"Export report (Markdown)"</button>
        </div>
        <p class="hint no-print">"In the print dialog choose \"Save as PDF\"; A4 and Letter both work. Navigation and buttons are left out of the printout."</p>
    }
}

/// The report itself, built by the domain (`report_document`) and rendered by `DocumentView`.
#[component]
fn ReportDocument() -> impl IntoView {
    let state = AppState::get();
    let step = StepState::get();
    let branding = view_memo(move || state.branding.get());
    let document = Memo::new(move |_| {
        branding.with(|b| {
            let branding = ReportBranding {
                name: &b.name,
                logo: &b.logo,
                contact_url: &b.contact_url,
                contact_label: &b.contact_label,
            };
            step.assessment.with(|a| {
                step.scorecard.with(|card| step.roadmap.with(|roadmap| report_document(a, card, roadmap, branding)))
            })
        })
    });
    move || view! { <DocumentView document=document.get() /> }
}
