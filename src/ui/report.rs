//! The printable report, short or full (cover, executive summary, scorecard, roadmap; the full one adds
//! each action in detail, the gap register and the appendix), and the exports (JSON that re-imports, CSV
//! gap register and roadmap, Markdown report of the length chosen). The optional "Progress since DATE"
//! section compares a chosen snapshot with the current answers; the screen and the Markdown export carry
//! the same section, in either length.

use crate::domain::export::{
    document_markdown, gap_register_csv, report_with_progress, roadmap_csv, DocxBranding, DocxRequest,
};
use crate::domain::storage::to_json;
use crate::domain::{ReportBranding, ReportLength};
use crate::ui::document::DocumentView;
use crate::ui::download::{download, download_bytes, file_stem};
use crate::ui::handover::SendTo;
use crate::ui::state::{view_memo, AppState, Step, StepState};
use crate::ui::widgets::{NeedsAssessment, StepFooter};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The report step. Which report (short or full) is the step's own view state: it starts short each visit.
#[component]
pub fn ReportStep() -> impl IntoView {
    let length = RwSignal::new(ReportLength::Short);
    // The id of the snapshot the "Progress since" section compares with; empty for no such section.
    let since = RwSignal::new(String::new());
    view! {
        <section class="step report" aria-labelledby="report-title">
            <h1 id="report-title" tabindex="-1">"Report"</h1>
            <NeedsAssessment>
                <LengthChoice length=length />
                <ExportBar length=length since=since />
                <SendTo />
                <ProgressSince since=since />
                <ReportDocument length=length since=since />
            </NeedsAssessment>
            <StepFooter step=Step::Report />
        </section>
    }
}

/// The deployment's branding as the report shows it.
fn report_branding(b: &crate::ui::branding::Branding) -> ReportBranding<'_> {
    ReportBranding { name: &b.name, logo: &b.logo, contact_url: &b.contact_url, contact_label: &b.contact_label }
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

/// Short or full report: what is shown, printed and exported as Markdown.
#[component]
fn LengthChoice(length: RwSignal<ReportLength>) -> impl IntoView {
    view! {
        <fieldset class="report-length no-print">
            <legend>"Which report"</legend>
            {ReportLength::ALL
                .into_iter()
                .map(|choice| {
                    let id = format!("report-{}", choice.slug());
                    view! {
                        <div class="check">
                            <input type="radio" name="report-length" id=id.clone()
                                prop:checked=move || length.get() == choice
                                on:change=move |_| length.set(choice) />
                            <label for=id>
                                {choice.label()}
                                <span class="muted">{format!(": {}", choice.contents())}</span>
                            </label>
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}

#[component]
fn ExportBar(length: RwSignal<ReportLength>, since: RwSignal<String>) -> impl IntoView {
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
        let length = length.get_untracked();
        let since = since.get_untracked();
        let text = state.assessment.with_untracked(|a| {
            step.scorecard.with_untracked(|c| {
                step.roadmap.with_untracked(|r| {
                    state.branding.with_untracked(|b| {
                        document_markdown(&report_with_progress(a, c, r, report_branding(b), length, &since))
                    })
                })
            })
        });
        save(&format!("-{}-report.md", length.slug()), "text/markdown;charset=utf-8", text)
    };
    // The Word file: written by a worker loaded now, not with the app (crate::ui::word).
    let writing = RwSignal::new(false);
    let word = move |_| {
        if writing.get_untracked() {
            return;
        }
        let length = length.get_untracked();
        let since = since.get_untracked();
        let branding = state.branding.with_untracked(|b| DocxBranding {
            name: b.name.clone(),
            logo: b.logo.clone(),
            contact_url: b.contact_url.clone(),
            contact_label: b.contact_label.clone(),
        });
        let request = DocxRequest {
            assessment: state.assessment.with_untracked(to_json),
            length: length.slug().to_string(),
            since,
            branding,
            charts: Vec::new(),
            logo: None,
        };
        let name = state.assessment.with_untracked(|a| file_stem(&a.name));
        writing.set(true);
        leptos::task::spawn_local(async move {
            let saved = crate::ui::word::word_file(request).await.and_then(|bytes| {
                download_bytes(
                    &format!("{name}-{}-report.docx", length.slug()),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                    &bytes,
                )
            });
            writing.set(false);
            match saved {
                Ok(()) => {
                    state.info(&format!("The {} report was saved as a Word file.", length.label().to_lowercase()))
                }
                Err(e) => state.error(&e),
            }
        });
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
            <button type="button" class="button secondary" on:click=word aria-disabled=move || writing.get().to_string()>
                {move || if writing.get() { "Writing the Word file…" } else { "Download Word (.docx)" }}
            </button>
        </div>
        <p class="hint no-print">"Printing, the Markdown and the Word export give the report chosen above. In the print dialog choose \"Save as PDF\"; A4 and Letter both work, with page numbers. Navigation and buttons are left out of the printout."</p>
    }
}

/// The report itself, built by the domain (`report_document`) and rendered by `DocumentView`.
#[component]
fn ReportDocument(length: RwSignal<ReportLength>, since: RwSignal<String>) -> impl IntoView {
    let state = AppState::get();
    let step = StepState::get();
    let branding = view_memo(move || state.branding.get());
    let document = Memo::new(move |_| {
        let length = length.get();
        branding.with(|b| {
            let branding = report_branding(b);
            step.assessment.with(|a| {
                step.scorecard.with(|card| {
                    step.roadmap
                        .with(|roadmap| since.with(|id| report_with_progress(a, card, roadmap, branding, length, id)))
                })
            })
        })
    });
    // The printed pages' running head (print rules in style/main.css): set while the report is shown.
    Effect::new(move |_| document.with(|d| set_running_head(Some(&d.cover.running_head))));
    on_cleanup(|| set_running_head(None));
    move || view! { <DocumentView document=document.get() /> }
}

/// Sets (or removes) `--report-running-head` on the root element, as a CSS string. Page margin boxes
/// inherit from the root element only, so the property cannot sit on the report itself. `CSS.escape`
/// escapes every character that could end or break the string; inside a string its escapes stand for the
/// characters themselves.
fn set_running_head(text: Option<&str>) {
    let Some(root) = document().document_element() else { return };
    let Ok(root) = root.dyn_into::<web_sys::HtmlElement>() else { return };
    let style = root.style();
    let _ = match text {
        Some(text) => style.set_property("--report-running-head", &format!("\"{}\"", web_sys::css::escape(text))),
        None => style.remove_property("--report-running-head").map(|_| ()),
    };
}
