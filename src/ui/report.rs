//! The printable report (cover, executive summary, scorecard, roadmap, gap register, appendix) and the
//! exports (JSON that re-imports, CSV gap register and roadmap, Markdown report). The optional
//! "Progress since DATE" section compares a chosen snapshot with the current answers; the screen and the
//! Markdown export carry the same section.

use crate::domain::document::Document;
use crate::domain::export::{document_markdown, gap_register_csv, roadmap_csv};
use crate::domain::storage::to_json;
use crate::domain::{compare, report_document, Assessment, ReportBranding, Roadmap, Scorecard};
use crate::ui::document::DocumentView;
use crate::ui::download::{download, file_stem};
use crate::ui::handover::SendTo;
use crate::ui::state::{view_memo, AppState, Step, StepState};
use crate::ui::widgets::{NeedsAssessment, StepFooter};
use leptos::prelude::*;

/// The report step.
#[component]
pub fn ReportStep() -> impl IntoView {
    // The id of the snapshot the "Progress since" section compares with; empty for no such section.
    let since = RwSignal::new(String::new());
    view! {
        <section class="step report" aria-labelledby="report-title">
            <h1 id="report-title" tabindex="-1">"Report"</h1>
            <NeedsAssessment>
                <ExportBar since=since />
                <SendTo />
                <ProgressSince since=since />
                <ReportDocument since=since />
            </NeedsAssessment>
            <StepFooter step=Step::Report />
        </section>
    }
}

/// The report as a document, with the "Progress since" section when `since` names one of the
/// assessment's snapshots (an unknown id, e.g. a deleted snapshot, adds nothing).
fn document_with_progress(
    a: &Assessment,
    card: &Scorecard,
    roadmap: &Roadmap,
    branding: ReportBranding,
    since: &str,
) -> Document {
    let mut document = report_document(a, card, roadmap, branding);
    if let Some(snapshot) = a.snapshot(since) {
        document.add_progress(&compare(&snapshot.as_assessment(), a));
    }
    document
}

/// The choice of the snapshot the report's "Progress since DATE" section compares with.
#[component]
fn ProgressSince(since: RwSignal<String>) -> impl IntoView {
    let step = StepState::get();
    let snapshots = Memo::new(move |_| {
        step.assessment.with(|a| {
            a.snapshots.iter().map(|s| (s.id.clone(), format!("{} ({})", s.name, s.date()))).collect::<Vec<_>>()
        })
    });
    view! {
        <Show when=move || snapshots.with(|s| !s.is_empty())>
            <div class="field no-print">
                <label for="report-since">"Progress section"</label>
                <select id="report-since" prop:value=move || since.get() on:change=move |ev| since.set(event_target_value(&ev))>
                    <option value="">"No progress section"</option>
                    <For
                        each=move || snapshots.get()
                        key=|s| s.clone()
                        children=|(id, label)| view! { <option value=id>{format!("Progress since snapshot {label}")}</option> }
                    />
                </select>
            </div>
        </Show>
    }
}

#[component]
fn ExportBar(since: RwSignal<String>) -> impl IntoView {
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
        let since = since.get_untracked();
        let text = state.assessment.with_untracked(|a| {
            step.scorecard.with_untracked(|c| {
                step.roadmap.with_untracked(|r| {
                    document_markdown(&document_with_progress(a, c, r, ReportBranding::default(), &since))
                })
            })
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
fn ReportDocument(since: RwSignal<String>) -> impl IntoView {
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
                step.scorecard.with(|card| {
                    step.roadmap.with(|roadmap| since.with(|id| document_with_progress(a, card, roadmap, branding, id)))
                })
            })
        })
    });
    move || view! { <DocumentView document=document.get() /> }
}
