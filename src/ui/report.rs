//! The printable report (cover, executive summary, scorecard, roadmap, gap register, appendix) and the
//! exports (JSON that re-imports, CSV gap register and roadmap, Markdown report).

use crate::domain::export::{gap_register_csv, report_markdown, roadmap_csv};
use crate::domain::html::report::{report_document, ReportBranding};
use crate::domain::storage::to_json;
use crate::ui::dom::{button, el, elc, El};
use crate::ui::download::{download, file_stem};
use crate::ui::kit::{needs_assessment, step_footer, step_section};
use crate::ui::prelude::*;
use crate::ui::state::{AppState, Step};

/// The report step.
pub fn report_step() -> El {
    let state = AppState::get();
    let section = step_section("step report", "report", "Report", "");
    needs_assessment(section, move || vec![export_bar(state), export_hint(), report_document_view(state)])
        .child(step_footer(Step::Report))
}

/// Offers `text` as the download `<assessment name><suffix>`; a failure becomes the banner message.
fn save(state: AppState, suffix: &str, mime: &str, text: String) {
    let name = state.assessment.with_untracked(|a| file_stem(&a.name));
    if let Err(e) = download(&format!("{name}{suffix}"), mime, &text) {
        state.error(&e);
    }
}

/// The print and export buttons.
fn export_bar(state: AppState) -> El {
    let json = move || save(state, ".json", "application/json", state.assessment.with_untracked(to_json));
    let gaps = move || {
        let text = state.assessment.with_untracked(|a| {
            state.scorecard.with_untracked(|c| state.roadmap.with_untracked(|r| gap_register_csv(a, c, r)))
        });
        save(state, "-gap-register.csv", "text/csv;charset=utf-8", text)
    };
    let roadmap = move || {
        let text = state.assessment.with_untracked(|a| state.roadmap.with_untracked(|r| roadmap_csv(a, r)));
        save(state, "-roadmap.csv", "text/csv;charset=utf-8", text)
    };
    let markdown = move || {
        let text = state.assessment.with_untracked(|a| {
            state.scorecard.with_untracked(|c| state.roadmap.with_untracked(|r| report_markdown(a, c, r)))
        });
        save(state, "-report.md", "text/markdown;charset=utf-8", text)
    };
    elc("div", "report-actions no-print")
        .attr("role", "group")
        .attr("aria-label", "Print and export")
        .child(button("button primary", "Print / Save as PDF", || {
            let _ = window().print();
        }))
        .child(button("button secondary", "Export JSON (re-importable)", json))
        .child(button("button secondary", "Export gap register (CSV)", gaps))
        .child(button("button secondary", "Export roadmap (CSV)", roadmap))
        .child(button("button secondary", "Export report (Markdown)", markdown))
}

/// How to get a PDF.
fn export_hint() -> El {
    elc("p", "hint no-print").text(
        "In the print dialog choose \"Save as PDF\"; A4 and Letter both work. Navigation and buttons are left out of the printout.",
    )
}

/// The report itself: read-only, so written as HTML text (`domain::html`), which costs far less wasm
/// than typed views.
fn report_document_view(state: AppState) -> El {
    let branding = state.branding;
    el("article").cls("report-document").attr("aria-label", "Report").dyn_html(move || {
        branding.with(|b| {
            let branding = ReportBranding {
                name: &b.name,
                logo: &b.logo,
                contact_url: &b.contact_url,
                contact_label: &b.contact_label,
            };
            state.assessment.with(|a| {
                state.scorecard.with(|card| state.roadmap.with(|roadmap| report_document(a, card, roadmap, branding)))
            })
        })
    })
}
