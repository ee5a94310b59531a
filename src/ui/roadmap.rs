//! Roadmap: actions by phase (the phases the roles follow, numbered by their position) or horizon, the
//! user's plan (status, owner, date, note) and the projected SL-A after each phase.

use crate::domain::document::{projection_blocks, VENDOR_FIRST};
use crate::domain::{projection, Action, ActionPlan, ActionStatus, Horizon, MAX_NAME_CHARS};
use crate::ui::document::BlocksView;
use crate::ui::limited_text::LimitedTextArea;
use crate::ui::state::{AppState, Step, StepState};
use crate::ui::widgets::{NeedsAssessment, StepFooter};
use leptos::prelude::*;
use std::collections::BTreeSet;

/// The roadmap step.
#[component]
pub fn RoadmapStep() -> impl IntoView {
    let step = StepState::get();
    let by_horizon = RwSignal::new(false);
    let count = move || step.roadmap.with(|r| r.actions.len());
    // The asset owner's track, the product supplier's, or both (Assessment::phases).
    let phases = Memo::new(move |_| step.assessment.with(|a| a.phases()));
    // Done actions leave the list unless asked for; the keys change only when a status does, so typing an
    // owner or a note does not redraw the cards.
    let show_done = RwSignal::new(false);
    let done = Memo::new(move |_| {
        step.assessment.with(|a| {
            a.plan
                .iter()
                .filter(|(_, p)| p.status == ActionStatus::Done)
                .map(|(k, _)| k.clone())
                .collect::<BTreeSet<String>>()
        })
    });
    let done_count =
        move || step.roadmap.with(|r| done.with(|d| r.actions.iter().filter(|a| d.contains(a.key)).count()));
    let visible = move |actions: Vec<Action>| -> Vec<Action> {
        if show_done.get() {
            actions
        } else {
            done.with(|d| actions.into_iter().filter(|a| !d.contains(a.key)).collect())
        }
    };
    view! {
        <section class="step roadmap" aria-labelledby="roadmap-title">
            <h1 id="roadmap-title" tabindex="-1">"Roadmap"</h1>
            <NeedsAssessment>
                <p class="lead">{move || {
                    let n = count();
                    format!(
                        "{n} action{}, from the gaps of this assessment. Foundations come first; within a phase, larger security-level gaps, blocking items and lower levels come first. Mark actions as planned to see the projected levels.",
                        if n == 1 { "" } else { "s" }
                    )
                }}</p>
                <div class="toolbar">
                    <div class="check">
                        <input type="radio" name="roadmap-group" id="group-phase" prop:checked=move || !by_horizon.get() on:change=move |_| by_horizon.set(false) />
                        <label for="group-phase">"Group by phase"</label>
                    </div>
                    <div class="check">
                        <input type="radio" name="roadmap-group" id="group-horizon" prop:checked=move || by_horizon.get() on:change=move |_| by_horizon.set(true) />
                        <label for="group-horizon">"Group by horizon"</label>
                    </div>
                    <div class="check">
                        <input type="checkbox" id="show-done" prop:checked=move || show_done.get() on:change=move |ev| show_done.set(event_target_checked(&ev)) />
                        <label for="show-done">{move || format!("Show done actions ({})", done_count())}</label>
                    </div>
                </div>
                <p class="muted done-note" aria-live="polite">{move || match (done_count(), show_done.get()) {
                    (0, _) => String::new(),
                    (1, false) => "1 done action left the list; it still counts in the projection below. Tick \"Show done actions\" to see or reopen it.".to_string(),
                    (n, false) => format!("{n} done actions left the list; they still count in the projection below. Tick \"Show done actions\" to see or reopen them."),
                    (1, true) => "1 done action is shown with its status Done.".to_string(),
                    (n, true) => format!("{n} done actions are shown with their status Done."),
                }}</p>
                <Projection />
                {move || {
                    let roadmap = step.roadmap.get();
                    if roadmap.actions.is_empty() {
                        return view! { <p class="empty-state">"No actions: every in-scope requirement is met, or nothing is answered yet."</p> }.into_any();
                    }
                    if by_horizon.get() {
                        Horizon::ALL.into_iter().map(|h| {
                            let actions = visible(roadmap.in_horizon(h).cloned().collect());
                            view! { <ActionGroup title=h.label().to_string() actions=actions /> }
                        }).collect_view().into_any()
                    } else {
                        phases.get().into_iter().enumerate().map(|(i, p)| {
                            let actions = visible(roadmap.in_phase(p).cloned().collect());
                            view! { <ActionGroup title=format!("Phase {}: {}", i + 1, p.title()) actions=actions /> }
                        }).collect_view().into_any()
                    }
                }}
            </NeedsAssessment>
            <StepFooter step=Step::Roadmap />
        </section>
    }
}

#[component]
fn ActionGroup(title: String, actions: Vec<Action>) -> impl IntoView {
    let n = actions.len();
    let label = title.clone();
    view! {
        <section class="action-group" aria-label=label>
            <h2>{title}<span class="muted">{format!(" ({n})")}</span></h2>
            {if actions.is_empty() {
                view! { <p class="muted">"No actions in this group."</p> }.into_any()
            } else {
                view! { <ol class="actions">{actions.into_iter().map(|a| view! { <ActionCard action=a /> }).collect_view()}</ol> }.into_any()
            }}
        </section>
    }
}

#[component]
fn ActionCard(action: Action) -> impl IntoView {
    let state = AppState::get();
    let key = action.key;
    // One subscriber of the assessment per card; the fields below follow this memo.
    let a = StepState::get().assessment;
    let plan = Memo::new(move |_| a.with(|a| a.plan.get(key).cloned().unwrap_or_default()));
    let plan = move || plan.get();
    let edit = move |change: Box<dyn FnOnce(&mut ActionPlan)>| {
        state.edit(|a| {
            let entry = a.plan.entry(key.to_string()).or_default();
            change(entry);
            if *entry == ActionPlan::default() {
                a.plan.remove(key);
            }
        });
    };
    let dom = format!("action-{}", key.replace('.', "_"));
    let item = action.item;
    view! {
        <li class="action-card card" id=dom.clone() aria-labelledby=format!("{dom}-title")>
            <header>
                <h3 id=format!("{dom}-title")>{item.title}</h3>
                <span class="item-ref">{item.refs.join(" · ")}</span>
                {action.quick_win.then(|| view! { <span class="tag quick-win">"Quick win"</span> })}
                {action.blocking.then(|| view! { <span class="tag blocking">"Blocks the next level"</span> })}
                {action.unanswered.then(|| view! { <span class="tag">"Not answered yet: check first"</span> })}
                {action.vendor_to_confirm.then(|| view! { <span class="tag vendor">{VENDOR_FIRST}</span> })}
            </header>
            <p>{item.action}</p>
            <dl class="action-facts">
                <dt>"Applies to"</dt><dd>{action.zone_names()}</dd>
                <dt>"Effort"</dt><dd>{item.effort.label()}</dd>
                <dt>"Horizon"</dt><dd>{action.horizon.label()}</dd>
                <dt>"Gap"</dt><dd>{match action.current_maturity {
                    Some(m) => format!("ML{m} now, {} level(s) below target", action.gap),
                    None if action.zones.is_empty() => "Process step not in place".to_string(),
                    None => format!("up to {} level(s); requirement applies from SL {}", action.gap, action.level),
                }}</dd>
            </dl>
            <div class="plan form-grid">
                <div class="field">
                    <label for=format!("{dom}-status")>"Status"</label>
                    <select id=format!("{dom}-status") prop:value=move || plan().status.label().to_string()
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            let s = [ActionStatus::Open, ActionStatus::Planned, ActionStatus::Done].into_iter().find(|s| s.label() == v).unwrap_or_default();
                            edit(Box::new(move |p| p.status = s));
                        }>
                        <option value="Open">"Open"</option>
                        <option value="Planned">"Planned"</option>
                        <option value="Done">"Done"</option>
                    </select>
                </div>
                <div class="field">
                    <label for=format!("{dom}-owner")>"Owner"</label>
                    <input id=format!("{dom}-owner") type="text" maxlength=MAX_NAME_CHARS.to_string() prop:value=move || plan().owner
                        on:input=move |ev| { let v: String = event_target_value(&ev).chars().take(MAX_NAME_CHARS).collect(); edit(Box::new(move |p| p.owner = v)) } />
                </div>
                <div class="field">
                    <label for=format!("{dom}-date")>"Target date"</label>
                    <input id=format!("{dom}-date") type="date" prop:value=move || plan().target_date
                        on:change=move |ev| { let v: String = event_target_value(&ev).chars().take(40).collect(); edit(Box::new(move |p| p.target_date = v)) } />
                </div>
                <div class="field wide">
                    <label for=format!("{dom}-note")>"Note"</label>
                    <LimitedTextArea id=format!("{dom}-note") rows="1" value=Signal::derive(move || plan().note)
                        set=Callback::new(move |v: String| edit(Box::new(move |p| p.note = v))) />
                </div>
            </div>
        </li>
    }
}

/// Projected SL-A per zone after each phase, counting planned and done actions (the same blocks as in
/// the report).
#[component]
fn Projection() -> impl IntoView {
    let step = StepState::get();
    let blocks = Memo::new(move |_| {
        step.roadmap.with(|r| step.assessment.with(|a| projection_blocks(&projection(a, r), &a.phases())))
    });
    move || view! { <BlocksView blocks=blocks.get() /> }
}
