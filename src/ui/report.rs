//! The printable report (cover, executive summary, scorecard, roadmap, gap register, appendix) and the
//! exports (JSON that re-imports, CSV gap register and roadmap, Markdown report).

use crate::domain::export::{gap_register_csv, report_markdown, roadmap_csv};
use crate::domain::storage::to_json;
use crate::domain::{
    appendix, executive_summary, gap_register, mode_label, projection, Action, AppendixEntry, GapEntry, Part, Phase,
    Response, Status, CATALOGUE_VERSION,
};
use crate::ui::branding::Branding;
use crate::ui::download::{download, file_stem};
use crate::ui::results::{ResultsBody, SlTable};
use crate::ui::roadmap::Projection;
use crate::ui::state::{AppState, Step};
use crate::ui::widgets::{CollectAnyView, NeedsAssessment, StepFooter};
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
    let state = expect_context::<AppState>();
    let save = move |suffix: &str, mime: &str, text: String| {
        let name = state.assessment.with_untracked(|a| file_stem(&a.name));
        if let Err(e) = download(&format!("{name}{suffix}"), mime, &text) {
            state.error(&e);
        }
    };
    let json = move |_| save(".json", "application/json", state.assessment.with_untracked(to_json));
    let gaps = move |_| {
        let text = state.assessment.with_untracked(|a| {
            state.scorecard.with_untracked(|c| state.roadmap.with_untracked(|r| gap_register_csv(a, c, r)))
        });
        save("-gap-register.csv", "text/csv;charset=utf-8", text)
    };
    let roadmap = move |_| {
        let text = state.assessment.with_untracked(|a| state.roadmap.with_untracked(|r| roadmap_csv(a, r)));
        save("-roadmap.csv", "text/csv;charset=utf-8", text)
    };
    let markdown = move |_| {
        let text = state.assessment.with_untracked(|a| {
            state
                .scorecard
                .with_untracked(|c| state.roadmap.with_untracked(|r| report_markdown(a, c, r, &projection(a, r))))
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

#[component]
fn ReportDocument() -> impl IntoView {
    let state = expect_context::<AppState>();
    let branding = use_context::<RwSignal<Branding>>().unwrap_or_else(|| RwSignal::new(Branding::default()));
    move || {
        let a = state.assessment.get();
        let card = state.scorecard.get();
        let roadmap = state.roadmap.get();
        let summary = executive_summary(&a, &card, &roadmap);
        let gaps = gap_register(&a, &card, &roadmap);
        let answers = appendix(&a);
        let b = branding.get();
        let date = a.updated.get(..10).unwrap_or("").to_string();
        let contact_url = b.contact_url.clone();
        let contact_label = b.contact_label.clone();
        let contact = move || {
            (!contact_url.is_empty()).then(|| {
                view! { <p class="report-contact"><a href=contact_url.clone() rel="noopener">{contact_label.clone()}</a></p> }
            })
        };
        view! {
            <article class="report-document" aria-label="Report">
                <header class="report-cover">
                    {(!b.logo.is_empty()).then(|| view! { <img class="report-logo" src=b.logo.clone() alt=b.name.clone() /> })}
                    <p class="report-kicker">"IEC 62443 self-assessment report"</p>
                    <h2 class="report-title">{a.name.clone()}</h2>
                    <dl class="report-meta">
                        {(!a.profile.organisation.is_empty()).then(|| view! { <dt>"Organisation"</dt><dd>{a.profile.organisation.clone()}</dd> })}
                        {(!a.profile.sector.is_empty()).then(|| view! { <dt>"Sector"</dt><dd>{a.profile.sector.clone()}</dd> })}
                        <dt>"Date"</dt><dd>{date}</dd>
                        <dt>"Assessment"</dt><dd>{mode_label(a.profile.mode)}</dd>
                        <dt>"Catalogue version"</dt><dd>{CATALOGUE_VERSION}</dd>
                        <dt>"Zones"</dt><dd>{a.zones.len()}</dd>
                    </dl>
                    {(!b.name.is_empty()).then(|| view! { <p class="report-brand">{format!("Prepared with the self-assessment tool of {}", b.name)}</p> })}
                    {contact()}
                    <p class="hint">"A self-assessment: the answers are the organisation's own and have not been audited."</p>
                </header>

                <section class="report-section" aria-labelledby="report-summary">
                    <h2 id="report-summary">"Executive summary"</h2>
                    <p class="overall">{summary.overall.clone()}</p>
                    <ul class="readiness">{summary.zone_lines.iter().map(|l| view! { <li>{l.clone()}</li> }).collect_any_view()}</ul>
                    {(!card.zones.is_empty()).then(|| view! { <SlTable zones=card.zones.clone() products=false /> })}
                    {(!card.products.is_empty()).then(|| view! { <SlTable zones=card.products.clone() products=true /> })}
                    <h3>"Top five gaps"</h3>
                    <ActionList actions=summary.top_gaps.clone() detail=false empty="No gaps: every in-scope requirement is met." />
                    <h3>"First steps"</h3>
                    <ActionList actions=summary.first_steps.clone() detail=true empty="Nothing to start: the roadmap is empty." />
                    {contact()}
                </section>

                <section class="report-section" aria-labelledby="report-scorecard">
                    <h2 id="report-scorecard">"Scorecard"</h2>
                    <ResultsBody scorecard=card.clone() />
                </section>

                <section class="report-section" aria-labelledby="report-roadmap">
                    <h2 id="report-roadmap">"Roadmap"</h2>
                    <Projection />
                    {Phase::ALL.into_iter().enumerate().map(|(i, phase)| {
                        let actions: Vec<Action> = roadmap.in_phase(phase).cloned().collect();
                        (!actions.is_empty()).then(|| view! {
                            <h3>{format!("Phase {}: {}", i + 1, phase.title())}</h3>
                            <ol class="report-actions-list">
                                {actions.into_iter().map(|act| {
                                    let plan = a.plan.get(act.key).cloned().unwrap_or_default();
                                    view! {
                                        <li class="report-action">
                                            <strong>{format!("{} ({})", act.item.title, act.item.refs.join(", "))}</strong>
                                            {act.quick_win.then_some(" · quick win")}
                                            <p>{act.item.action}</p>
                                            <p class="muted">{format!(
                                                "Applies to: {} · Effort: {} · Horizon: {} · Status: {}{}{}",
                                                act.zone_names(), act.item.effort.letter(), act.horizon.label(), plan.status.label(),
                                                if plan.owner.is_empty() { String::new() } else { format!(" · Owner: {}", plan.owner) },
                                                if plan.target_date.is_empty() { String::new() } else { format!(" · Target date: {}", plan.target_date) },
                                            )}</p>
                                            {(!plan.note.is_empty()).then(|| view! { <p class="note">{format!("Note: {}", plan.note)}</p> })}
                                        </li>
                                    }
                                }).collect_any_view()}
                            </ol>
                        })
                    }).collect_any_view()}
                </section>

                <section class="report-section" aria-labelledby="report-gaps">
                    <h2 id="report-gaps">"Gap register"</h2>
                    <GapTable gaps=gaps />
                </section>

                <section class="report-section" aria-labelledby="report-appendix">
                    <h2 id="report-appendix">"Appendix: every answer"</h2>
                    <AppendixTable entries=answers />
                </section>
            </article>
        }
    }
}

#[component]
fn ActionList(actions: Vec<Action>, detail: bool, empty: &'static str) -> impl IntoView {
    if actions.is_empty() {
        return view! { <p class="muted">{empty}</p> }.into_any();
    }
    view! {
        <ol class="summary-actions">
            {actions.into_iter().map(|a| view! {
                <li>
                    <strong>{format!("{} ({})", a.item.title, a.item.main_ref())}</strong>
                    {format!(" · {} · {}", a.zone_names(), a.horizon.label())}
                    {detail.then(|| view! { <br /><span>{a.item.action}</span> })}
                </li>
            }).collect_any_view()}
        </ol>
    }
    .into_any()
}

fn answer_text(r: &Response) -> String {
    match r.answer {
        None => "Not answered".to_string(),
        Some(a) if r.is_incomplete() => format!("{} (justification missing)", a.label()),
        Some(a) => a.label().to_string(),
    }
}

#[component]
fn GapTable(gaps: Vec<GapEntry>) -> impl IntoView {
    if gaps.is_empty() {
        return view! { <p class="muted">"No gaps recorded."</p> }.into_any();
    }
    view! {
        <table class="data-table gap-register">
            <caption>"Gap register"</caption>
            <thead><tr>
                <th scope="col">"Requirement"</th><th scope="col">"Zone"</th><th scope="col">"Level"</th>
                <th scope="col">"Answer"</th><th scope="col">"Justification and notes"</th><th scope="col">"Action and plan"</th>
            </tr></thead>
            <tbody>
                {gaps.into_iter().map(|g| {
                    let level = match (g.achieved, g.target, g.item.part) {
                        (Some(a), Some(t), Part::Programme) => format!("ML{a} / target ML{t}"),
                        (Some(a), Some(t), _) => format!("SL-A {a} / SL-T {t}"),
                        _ => String::new(),
                    };
                    let compensated = g.status == Status::MetByCompensation;
                    view! {
                        <tr>
                            <td><strong>{g.item.refs.join(", ")}</strong>" "{g.item.title}</td>
                            <td>{g.zone.as_ref().map(|z| z.1.clone()).unwrap_or_else(|| "Whole organisation".into())}</td>
                            <td>{level}</td>
                            <td>{answer_text(&g.response)}</td>
                            <td>
                                {(!g.response.justification.is_empty()).then(|| view! { <p>{format!("Justification: {}", g.response.justification)}</p> })}
                                {(!g.response.notes.is_empty()).then(|| view! { <p>{format!("Notes: {}", g.response.notes)}</p> })}
                            </td>
                            <td>
                                {if compensated { "Met by a compensating control: no action.".to_string() } else { g.item.action.to_string() }}
                                {(!compensated).then(|| view! { <p class="muted">{format!(
                                    "Status: {}{}{}", g.plan.status.label(),
                                    if g.plan.owner.is_empty() { String::new() } else { format!(" · Owner: {}", g.plan.owner) },
                                    if g.plan.target_date.is_empty() { String::new() } else { format!(" · {}", g.plan.target_date) },
                                )}</p> })}
                            </td>
                        </tr>
                    }
                }).collect_any_view()}
            </tbody>
        </table>
    }
    .into_any()
}

#[component]
fn AppendixTable(entries: Vec<AppendixEntry>) -> impl IntoView {
    view! {
        <table class="data-table appendix">
            <caption>"Every question asked, with its answer"</caption>
            <thead><tr>
                <th scope="col">"Reference"</th><th scope="col">"Question"</th><th scope="col">"Zone"</th>
                <th scope="col">"Answer"</th><th scope="col">"Justification and notes"</th>
            </tr></thead>
            <tbody>
                {entries.into_iter().map(|e| {
                    let r = e.response.clone().unwrap_or_default();
                    let zone = e.zone.as_ref().map(|z| z.1.clone()).unwrap_or_else(|| "Whole organisation".into());
                    let answer = format!("{}{}", answer_text(&r), if e.inherited { " (all zones)" } else { "" });
                    view! {
                        <tr>
                            <td>{e.item.refs.join(", ")}</td>
                            <td>{e.item.question}</td>
                            <td>{zone}</td>
                            <td>{answer}</td>
                            <td>
                                {(!r.justification.is_empty()).then(|| view! { <p>{format!("Justification: {}", r.justification)}</p> })}
                                {(!r.notes.is_empty()).then(|| view! { <p>{format!("Notes: {}", r.notes)}</p> })}
                            </td>
                        </tr>
                    }
                }).collect_any_view()}
            </tbody>
        </table>
    }
}
