//! Results: SL-A against SL-T per zone (table and radar), coverage, blocking items, maturity.

use crate::domain::{Fr, MaturityResult, Mode, Part, Scorecard, ZoneResult};
use crate::ui::charts::{LevelBars, Radar};
use crate::ui::state::{AppState, Step};
use crate::ui::widgets::{CollectAnyView, NeedsAssessment, StepFooter};
use leptos::prelude::*;

/// The results step.
#[component]
pub fn ResultsStep() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <section class="step results" aria-labelledby="results-title">
            <h1 id="results-title" tabindex="-1">"Results"</h1>
            <NeedsAssessment>
                {move || state.scorecard.with(|s| view! { <ResultsBody scorecard=s.clone() /> })}
            </NeedsAssessment>
            <StepFooter step=Step::Results />
        </section>
    }
}

/// Every result, for the results step and the report.
#[component]
pub fn ResultsBody(scorecard: Scorecard) -> impl IntoView {
    let counts = scorecard.answer_counts;
    let (done, total) = scorecard.progress;
    let quick = scorecard.mode == Mode::Quick;
    let zones = scorecard.zones.clone();
    let products = scorecard.products.clone();
    let state = expect_context::<AppState>();
    let asks = move |part: Part| state.assessment.with_untracked(|a| a.answers_part(part));
    let systems = asks(Part::SystemRequirements);
    let components = asks(Part::ComponentRequirements);
    let process = asks(Part::RiskAssessment);
    let maturity: Vec<MaturityResult> =
        [scorecard.maturity.clone(), scorecard.service.clone(), scorecard.development.clone()]
            .into_iter()
            .filter(|m| asks(m.part))
            .collect();
    view! {
        <div class="results-body">
            <ul class="counts" aria-label="Answer counts">
                <li><strong>{format!("{done} of {total}")}</strong>" questions answered"</li>
                <li><strong>{counts.unanswered}</strong>" unanswered"</li>
                <li><strong>{counts.not_applicable}</strong>" not applicable"</li>
                <li><strong>{counts.compensating}</strong>" compensating controls"</li>
                <li><strong>{counts.incomplete}</strong>" lacking a justification"</li>
            </ul>
            {quick.then(|| view! { <p class="notice">"Quick scan: achieved levels are indicative and cannot exceed the highest level the quick scan asks about in each FR."</p> })}
            {systems.then(|| view! { <h2>"Security levels by zone"</h2> })}
            {if !systems {
                ().into_any()
            } else if zones.is_empty() {
                view! { <p class="empty-state">"No zones yet: add zones in " <a href=Step::Scope.href()>"Scope"</a>" to see security levels."</p> }.into_any()
            } else {
                view! {
                    <SlTable zones=zones.clone() products=false />
                    <ul class="readiness" aria-label="Readiness per zone">
                        {zones.iter().map(|z| view! { <li>{z.readiness()}</li> }).collect_any_view()}
                    </ul>
                    {zones.iter().map(|z| view! { <ZoneDetail zone=z.clone() product=false /> }).collect_any_view()}
                }.into_any()
            }}
            {components.then(|| view! { <h2>"Capability levels by product"</h2> })}
            {if !components {
                ().into_any()
            } else if products.is_empty() {
                view! { <p class="empty-state">"No products yet: add products in " <a href=Step::Scope.href()>"Scope"</a>" to see their capability levels."</p> }.into_any()
            } else {
                view! {
                    <SlTable zones=products.clone() products=true />
                    {products.iter().map(|z| view! { <ZoneDetail zone=z.clone() product=true /> }).collect_any_view()}
                }.into_any()
            }}
            {process.then(|| view! { <ProcessSummary scorecard=scorecard.clone() /> })}
            {maturity.into_iter().map(|m| view! { <MaturitySummary result=m /> }).collect_any_view()}
        </div>
    }
}

/// The accessible table of SL-A against SL-T.
#[component]
pub fn SlTable(zones: Vec<ZoneResult>, products: bool) -> impl IntoView {
    let (caption, noun, achieved, target) = if products {
        ("Capability levels by product", "Product", "SL-C", "aimed")
    } else {
        ("Security levels by zone", "Zone", "SL-A", "SL-T")
    };
    view! {
        <table class="data-table sl-table">
            <caption>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">{noun}</th>
                    {Fr::ALL.into_iter().map(|fr| view! { <th scope="col"><abbr title=fr.name()>{fr.code()}</abbr></th> }).collect_any_view()}
                </tr>
            </thead>
            <tbody>
                {zones.into_iter().map(|z| {
                    let cells = z.frs.iter().map(|f| {
                        let gap = f.gap();
                        view! {
                            <td class:gap={gap > 0} class:met={gap == 0}>
                                {format!("{achieved} {} / {target} {}", f.achieved, f.target)}
                                {(gap > 0).then(|| view! { <span class="gap-marker">{format!(" ▼ gap {gap}")}</span> })}
                                {(gap == 0).then(|| view! { <span class="met-marker">" ✓"</span> })}
                            </td>
                        }
                    }).collect_any_view();
                    view! { <tr><th scope="row">{z.zone_name.clone()}</th>{cells}</tr> }
                }).collect_any_view()}
            </tbody>
        </table>
    }
}

#[component]
fn ZoneDetail(zone: ZoneResult, product: bool) -> impl IntoView {
    let dom = format!("radar-{}", zone.zone_id);
    let noun = if product { "Product" } else { "Zone" };
    let level = if product { "SL-C" } else { "SL" };
    let blocking: Vec<_> = zone.frs.iter().filter(|f| !f.blocking.is_empty() && f.gap() > 0).cloned().collect();
    let compensating: Vec<_> = zone.frs.iter().flat_map(|f| f.compensating.iter().copied()).collect();
    view! {
        <section class="zone-detail card" aria-label=format!("{noun} {}", zone.zone_name)>
            <h3>{format!("{noun}: {}", zone.zone_name)}</h3>
            <div class="zone-detail-grid">
                <Radar zone_name=zone.zone_name.clone() achieved=zone.achieved target=zone.target dom_id=dom product=product />
                <table class="data-table coverage-table">
                    <caption>{format!("Coverage of in-scope requirements, {}", zone.zone_name)}</caption>
                    <thead><tr><th scope="col">"FR"</th><th scope="col">"Met"</th><th scope="col">"Not met"</th><th scope="col">"N/A"</th><th scope="col">"Unanswered"</th></tr></thead>
                    <tbody>
                        {zone.frs.iter().map(|f| {
                            let c = f.coverage;
                            let pct = c.percent().map(|p| format!(" ({p}%)")).unwrap_or_default();
                            view! {
                                <tr>
                                    <th scope="row">{f.fr.code()}</th>
                                    <td>{format!("{} of {}{}", c.met, c.applicable(), pct)}</td>
                                    <td>{c.not_met}</td>
                                    <td>{c.not_applicable}</td>
                                    <td>{c.unanswered}</td>
                                </tr>
                            }
                        }).collect_any_view()}
                    </tbody>
                </table>
            </div>
            <h4>"What blocks the next level"</h4>
            {if blocking.is_empty() {
                view! { <p class="muted">"Nothing: every FR has reached its target, or no further level is in reach."</p> }.into_any()
            } else {
                view! {
                    <ul class="blocking">
                        {blocking.into_iter().map(|f| view! {
                            <li>
                                <strong>{format!("{} to reach {level} {}: ", f.fr.code(), f.achieved.get() + 1)}</strong>
                                {f.blocking.iter().map(|i| format!("{} {}", i.main_ref(), i.title)).collect::<Vec<_>>().join("; ")}
                            </li>
                        }).collect_any_view()}
                    </ul>
                }.into_any()
            }}
            {(!compensating.is_empty()).then(|| view! {
                <p class="notice">"These results rest on compensating controls: "{compensating.iter().map(|i| i.main_ref()).collect::<Vec<_>>().join(", ")}"."</p>
            })}
        </section>
    }
}

#[component]
fn ProcessSummary(scorecard: Scorecard) -> impl IntoView {
    let p = scorecard.process;
    let pct = p.coverage.percent().map(|x| format!("{x}%")).unwrap_or_else(|| "n/a".into());
    view! {
        <section class="card" aria-labelledby="process-title">
            <h2 id="process-title">"Risk assessment, zones and conduits (IEC 62443-3-2)"</h2>
            <p>{format!(
                "{} of {} applicable steps in place ({pct}); {} not applicable, {} unanswered.",
                p.coverage.met, p.coverage.applicable(), p.coverage.not_applicable, p.coverage.unanswered
            )}</p>
            {(!p.open.is_empty()).then(|| view! {
                <details>
                    <summary>{format!("{} open step(s)", p.open.len())}</summary>
                    <ul>{p.open.iter().map(|i| view! { <li>{format!("{} {}", i.main_ref(), i.title)}</li> }).collect_any_view()}</ul>
                </details>
            })}
        </section>
    }
}

#[component]
fn MaturitySummary(result: MaturityResult) -> impl IntoView {
    let m = result;
    let rows: Vec<(String, Option<u8>)> = m.areas.iter().map(|a| (a.area.title.to_string(), a.level)).collect();
    let overall = m.overall.map(|l| format!("ML{l}")).unwrap_or_else(|| "not rated".into());
    let noun = m.part.area_noun();
    let heading_id = format!("maturity-{}", m.part.document().replace(' ', "-").to_ascii_lowercase());
    let title = format!("{} maturity ({})", m.part.title(), m.part.document());
    let labelled_by = heading_id.clone();
    view! {
        <section class="card" aria-labelledby=labelled_by>
            <h2 id=heading_id>{title}</h2>
            <p>{format!("Overall maturity: {overall} (the lowest {noun}; a {noun} reaches a level only when all its practices do). Target: ML{}.", m.target)}</p>
            <LevelBars rows=rows target=m.target max=4 label=format!("Maturity per {noun}") />
            <table class="data-table">
                <caption>{format!("Maturity per {noun}")}</caption>
                <thead><tr>
                    <th scope="col">{noun}</th><th scope="col">"Level"</th>
                    <th scope="col">"Not performed"</th><th scope="col">"ML1"</th><th scope="col">"ML2"</th><th scope="col">"ML3"</th><th scope="col">"ML4"</th>
                    <th scope="col">"N/A"</th><th scope="col">"Don't know"</th><th scope="col">"Unanswered"</th>
                </tr></thead>
                <tbody>
                    {m.areas.iter().map(|a| {
                        let d = a.distribution;
                        view! {
                            <tr>
                                <th scope="row">{format!("{} {}", a.area.refs.join(", "), a.area.title)}</th>
                                <td>{a.level.map(|l| format!("ML{l}")).unwrap_or_else(|| "N/A".into())}</td>
                                {d.levels.iter().map(|n| view! { <td>{*n}</td> }).collect_any_view()}
                                <td>{d.not_applicable}</td><td>{d.dont_know}</td><td>{d.unanswered}</td>
                            </tr>
                        }
                    }).collect_any_view()}
                </tbody>
            </table>
        </section>
    }
}
