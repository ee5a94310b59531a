//! Roadmap: actions by phase or horizon, the user's plan (status, owner, date, note) and the projected
//! SL-A after each phase.

use crate::domain::html::report::{projection_table_html, PROJECTION_HINT, PROJECTION_REGION};
use crate::domain::{projection, Action, ActionPlan, ActionStatus, Horizon, Phase, MAX_NAME_CHARS, MAX_TEXT_CHARS};
use crate::ui::dom::{el, elc, memo, watch, El};
use crate::ui::kit::{needs_assessment, step_footer, step_section};
use crate::ui::prelude::*;
use crate::ui::state::{AppState, Step};
use std::cell::Cell;

/// The roadmap step.
///
/// The lead and the grouping radios come through `needs_assessment`; the projection and the action
/// groups follow them as their own parts (each shown only while an assessment is open, the same
/// condition), so that changing the roadmap or the grouping rebuilds the groups without touching the
/// radios.
pub fn roadmap_step() -> El {
    let state = AppState::get();
    let by_horizon = RwSignal::new(false);
    // The condition of `needs_assessment`, kept in a signal that changes only when the condition does, so
    // that the parts below do not follow every edit (a memo would add a `Memo<bool>` type to the wasm).
    let has = RwSignal::new(false);
    watch(move || {
        let now = state.has_assessment();
        if has.get_untracked() != now {
            has.set(now);
        }
    });
    let rows = memo(move |_| state.roadmap.with(|r| state.assessment.with(|a| projection(a, r))));
    // A new key each time the roadmap or the grouping changes (0: no assessment), so the groups are rebuilt.
    let revision = Cell::new(0u64);
    let groups_key = move || {
        if !has.get() {
            return 0;
        }
        state.roadmap.track();
        by_horizon.track();
        revision.set(revision.get() + 1);
        revision.get()
    };
    let section = step_section("step roadmap", "roadmap", "Roadmap", "");
    needs_assessment(section, move || vec![lead(state), toolbar(by_horizon)])
        .when(move || has.get() && rows.with(|r| !r.is_empty()), move || projection_parts(rows))
        .switch(groups_key, move |k| if k == 0 { Vec::new() } else { action_groups(state, by_horizon) })
        .child(step_footer(Step::Roadmap))
}

/// The lead paragraph, with the number of actions.
fn lead(state: AppState) -> El {
    elc("p", "lead").dyn_text(move || {
        format!(
            "{} action(s), from the gaps of this assessment. Foundations come first; within a phase, larger security-level gaps, blocking items and lower levels come first. Mark actions as planned to see the projected levels.",
            state.roadmap.with(|r| r.actions.len())
        )
    })
}

/// The "Group by phase" / "Group by horizon" radios.
fn toolbar(by_horizon: RwSignal<bool>) -> El {
    let radio = |id: &str, text: &str, horizon: bool| {
        elc("div", "check")
            .child(
                el("input")
                    .attr("type", "radio")
                    .attr("name", "roadmap-group")
                    .id(id)
                    .dyn_checked(move || by_horizon.get() == horizon)
                    .on("change", move |_| by_horizon.set(horizon)),
            )
            .child(el("label").attr("for", id).text(text))
    };
    elc("div", "toolbar").child(radio("group-phase", "Group by phase", false)).child(radio(
        "group-horizon",
        "Group by horizon",
        true,
    ))
}

/// Projected SL-A per zone after each phase, counting planned and done actions. The table is read-only,
/// so it is written as HTML text (`domain::html`), the same as in the report.
fn projection_parts(rows: Memo<Vec<crate::domain::ZoneProjection>>) -> Vec<El> {
    vec![
        elc("div", "table-scroll")
            .attr("tabindex", "0")
            .attr("role", "region")
            .attr("aria-label", PROJECTION_REGION)
            .dyn_html(move || rows.with(|r| projection_table_html(r))),
        elc("p", "hint").text(PROJECTION_HINT),
    ]
}

/// The action groups, by horizon or by phase, or a sentence when there are no actions.
fn action_groups(state: AppState, by_horizon: RwSignal<bool>) -> Vec<El> {
    state.roadmap.with_untracked(|roadmap| {
        if roadmap.actions.is_empty() {
            return vec![elc("p", "empty-state")
                .text("No actions: every in-scope requirement is met, or nothing is answered yet.")];
        }
        if by_horizon.get_untracked() {
            Horizon::ALL.into_iter().map(|h| action_group(state, h.label(), roadmap.in_horizon(h).collect())).collect()
        } else {
            Phase::ALL
                .into_iter()
                .enumerate()
                .map(|(i, p)| {
                    action_group(state, &format!("Phase {}: {}", i + 1, p.title()), roadmap.in_phase(p).collect())
                })
                .collect()
        }
    })
}

/// One group of actions with its heading.
fn action_group(state: AppState, title: &str, actions: Vec<&Action>) -> El {
    let heading = el("h2").text(title).child(elc("span", "muted").text(&format!(" ({})", actions.len())));
    let group = elc("section", "action-group").attr("aria-label", title).child(heading);
    if actions.is_empty() {
        group.child(elc("p", "muted").text("No actions in this group."))
    } else {
        group.child(elc("ol", "actions").kids(actions.into_iter().map(|a| action_card(state, a)).collect()))
    }
}

/// Changes the plan of the action `key`; a plan back at its defaults is removed.
fn edit_plan(state: AppState, key: &'static str, change: Box<dyn FnOnce(&mut ActionPlan)>) {
    state.edit(|a| {
        let entry = a.plan.entry(key.to_string()).or_default();
        change(entry);
        if *entry == ActionPlan::default() {
            a.plan.remove(key);
        }
    });
}

/// A closure giving one field of the plan of the action `key` (the default plan's when there is none).
fn plan_value(state: AppState, key: &'static str, field: fn(&ActionPlan) -> String) -> impl Fn() -> String {
    move || state.assessment.with(|a| a.plan.get(key).map(field).unwrap_or_else(|| field(&ActionPlan::default())))
}

/// `<div class="...">` with a label for `id` and the control.
fn plan_field(class: &str, label: &str, id: &str, control: El) -> El {
    elc("div", class).child(el("label").attr("for", id).text(label)).child(control)
}

/// The text of the "Gap" fact.
fn gap_text(action: &Action) -> String {
    match action.current_maturity {
        Some(m) => format!("ML{m} now, {} level(s) below target", action.gap),
        None if action.zones.is_empty() => "Process step not in place".to_string(),
        None => format!("up to {} level(s); requirement applies from SL {}", action.gap, action.level),
    }
}

/// One action: what to do, the facts, and the user's plan for it.
fn action_card(state: AppState, action: &Action) -> El {
    let key = action.key;
    let item = action.item;
    let dom = format!("action-{}", key.replace('.', "_"));
    let tag = |class: &str, text: &str, on: bool| on.then(|| elc("span", class).text(text));
    let header = el("header")
        .child(el("h3").id(&format!("{dom}-title")).text(item.title))
        .child(elc("span", "item-ref").text(&item.refs.join(" · ")))
        .opt(tag("tag quick-win", "Quick win", action.quick_win))
        .opt(tag("tag blocking", "Blocks the next level", action.blocking))
        .opt(tag("tag", "Not answered yet: check first", action.unanswered));
    let fact = |facts: El, term: &str, value: &str| facts.child(el("dt").text(term)).child(el("dd").text(value));
    let facts = elc("dl", "action-facts");
    let facts = fact(facts, "Applies to", &action.zone_names());
    let facts = fact(facts, "Effort", item.effort.label());
    let facts = fact(facts, "Horizon", action.horizon.label());
    let facts = fact(facts, "Gap", &gap_text(action));

    let status_id = format!("{dom}-status");
    let status = el("select")
        .id(&status_id)
        .kids(["Open", "Planned", "Done"].into_iter().map(|s| el("option").attr("value", s).text(s)).collect())
        .dyn_value(plan_value(state, key, |p| p.status.label().to_string()))
        .on("change", move |ev| {
            let v = event_target_value(&ev);
            let s = [ActionStatus::Open, ActionStatus::Planned, ActionStatus::Done]
                .into_iter()
                .find(|s| s.label() == v)
                .unwrap_or_default();
            edit_plan(state, key, Box::new(move |p| p.status = s));
        });
    let owner_id = format!("{dom}-owner");
    let owner = el("input")
        .id(&owner_id)
        .attr("type", "text")
        .attr("maxlength", &MAX_NAME_CHARS.to_string())
        .dyn_value(plan_value(state, key, |p| p.owner.clone()))
        .on("input", move |ev| {
            let v: String = event_target_value(&ev).chars().take(MAX_NAME_CHARS).collect();
            edit_plan(state, key, Box::new(move |p| p.owner = v))
        });
    let date_id = format!("{dom}-date");
    let date = el("input")
        .id(&date_id)
        .attr("type", "date")
        .dyn_value(plan_value(state, key, |p| p.target_date.clone()))
        .on("change", move |ev| {
            let v: String = event_target_value(&ev).chars().take(40).collect();
            edit_plan(state, key, Box::new(move |p| p.target_date = v))
        });
    let note_id = format!("{dom}-note");
    let note = el("textarea")
        .id(&note_id)
        .attr("rows", "1")
        .attr("maxlength", &MAX_TEXT_CHARS.to_string())
        .dyn_value(plan_value(state, key, |p| p.note.clone()))
        .on("input", move |ev| {
            let v: String = event_target_value(&ev).chars().take(MAX_TEXT_CHARS).collect();
            edit_plan(state, key, Box::new(move |p| p.note = v))
        });
    let plan = elc("div", "plan form-grid")
        .child(plan_field("field", "Status", &status_id, status))
        .child(plan_field("field", "Owner", &owner_id, owner))
        .child(plan_field("field", "Target date", &date_id, date))
        .child(plan_field("field wide", "Note", &note_id, note));

    elc("li", "action-card card")
        .id(&dom)
        .attr("aria-labelledby", &format!("{dom}-title"))
        .child(header)
        .child(el("p").text(item.action))
        .child(facts)
        .child(plan)
}
