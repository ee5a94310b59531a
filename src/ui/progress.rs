//! Progress over time, on the Results step: snapshots (take, rename, delete), the comparison of two
//! states (a snapshot and now, two snapshots, or another saved assessment of the same plant) and the
//! trend chart. The comparison and the trend are the domain's (`domain::progress`); the blocks are
//! `comparison_blocks`, the same as the report's progress section.

use crate::domain::document::{comparison_blocks, svg_number, svg_points};
use crate::domain::storage::from_json;
use crate::domain::{compare, trend, Assessment, Trend, TREND_HEIGHT, TREND_WIDTH};
use crate::ui::document::BlocksView;
use crate::ui::fields::DraftField;
use crate::ui::persist;
use crate::ui::state::{now_iso, view_memo, AppState, StepState};
use crate::ui::widgets::ConfirmDialog;
use leptos::prelude::*;

/// The value of the "now" option of the state choices.
const NOW: &str = "now";

/// One state to compare: `now`, `s:{snapshot id}` or `a:{assessment id}` (another saved assessment).
fn state_of(choice: &str, open: &Assessment) -> Option<Assessment> {
    if choice == NOW {
        return Some(open.clone());
    }
    if let Some(id) = choice.strip_prefix("s:") {
        return open.snapshot(id).map(|s| s.as_assessment());
    }
    let id = choice.strip_prefix("a:")?;
    let text = persist::read(&format!("{}{id}", persist::ASSESSMENT_PREFIX))?;
    from_json(&text).ok().map(|l| l.assessment)
}

/// The Results step's "Progress over time" section.
#[component]
pub fn ProgressPanel() -> impl IntoView {
    let step = StepState::get();
    let snapshots = Memo::new(move |_| {
        step.assessment.with(|a| {
            a.snapshots.iter().map(|s| (s.id.clone(), s.name.clone(), s.date().to_string())).collect::<Vec<_>>()
        })
    });
    view! {
        <section class="progress-panel card" aria-labelledby="progress-title">
            <h2 id="progress-title">"Progress over time"</h2>
            <p class="hint">
                "A snapshot freezes the answers, levels and roadmap as they are today, inside this assessment (and its JSON export). Take one now, and compare with it after the next round of work."
            </p>
            <TakeSnapshot />
            <Show when=move || snapshots.with(|s| !s.is_empty())>
                <ul class="snapshot-list" aria-label="Snapshots">
                    <For
                        each=move || snapshots.get()
                        key=|s| s.clone()
                        children=|(id, name, date)| view! { <SnapshotRow id=id name=name date=date /> }
                    />
                </ul>
            </Show>
            <Compare />
            <Show when=move || snapshots.with(|s| !s.is_empty())>
                <TrendChart />
            </Show>
        </section>
    }
}

/// The name field and "Take snapshot".
#[component]
fn TakeSnapshot() -> impl IntoView {
    let state = AppState::get();
    let name = RwSignal::new(String::new());
    let take = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let now = now_iso();
        let typed = name.get_untracked();
        let chosen = if typed.trim().is_empty() { format!("Snapshot {}", &now[..10.min(now.len())]) } else { typed };
        let mut result = Ok(String::new());
        state.edit(|a| result = a.take_snapshot(&chosen, &now));
        match result {
            Ok(_) => {
                name.set(String::new());
                state.info(&format!("Snapshot \"{}\" taken.", chosen.trim()));
            }
            Err(problem) => state.error(&problem.message()),
        }
    };
    view! {
        <form class="inline-form" on:submit=take>
            <DraftField
                id="snapshot-name".to_string()
                label="Snapshot name (optional)"
                value=name
                placeholder="e.g. Before the 2027 upgrade"
            />
            <button type="submit" class="button secondary">"Take snapshot"</button>
        </form>
    }
}

/// One snapshot: its name and date, rename and delete.
#[component]
fn SnapshotRow(id: String, name: String, date: String) -> impl IntoView {
    let state = AppState::get();
    let id = StoredValue::new(id);
    let renaming = RwSignal::new(false);
    let deleting = RwSignal::new(false);
    let draft = RwSignal::new(name.clone());
    let field = format!("rename-{}", id.get_value());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut result = Ok(());
        state.edit(|a| result = a.rename_snapshot(&id.get_value(), &draft.get_untracked()));
        match result {
            Ok(()) => renaming.set(false),
            Err(problem) => state.error(&problem.message()),
        }
    };
    let delete = move |_| {
        state.edit(|a| {
            a.delete_snapshot(&id.get_value());
        });
    };
    let question = format!("Delete the snapshot \"{name}\"? Its frozen answers cannot be brought back.");
    view! {
        <li class="snapshot">
            <Show
                when=move || renaming.get()
                fallback={
                    let name = name.clone();
                    move || {
                        view! {
                            <span class="snapshot-name">{name.clone()}</span>
                            " "
                            <span class="muted">{date.clone()}</span>
                            " "
                            <button type="button" class="link-button" on:click=move |_| renaming.set(true)>
                                "Rename"
                            </button>
                            " "
                            <button type="button" class="link-button" on:click=move |_| deleting.set(true)>
                                "Delete"
                            </button>
                        }
                    }
                }
            >
                <form class="inline-form" on:submit=save>
                    <DraftField id=field.clone() label="New name" value=draft hidden_label=true />
                    <button type="submit" class="button small secondary">"Save name"</button>
                    <button type="button" class="button small secondary" on:click=move |_| renaming.set(false)>
                        "Cancel"
                    </button>
                </form>
            </Show>
            <ConfirmDialog
                open=deleting
                label="Confirm snapshot deletion"
                question=question
                confirm="Yes, delete the snapshot"
                on_confirm=Callback::new(delete)
            />
        </li>
    }
}

/// Two state choices and what changed between them.
#[component]
fn Compare() -> impl IntoView {
    let state = AppState::get();
    let step = StepState::get();
    let library = view_memo(move || state.library.get());
    // (value, label) of every state: the snapshots, now, and the other saved assessments.
    let options = Memo::new(move |_| {
        let (open_id, mut options) = step.assessment.with(|a| {
            let mut options: Vec<(String, String)> = a
                .snapshots
                .iter()
                .map(|s| (format!("s:{}", s.id), format!("Snapshot: {} ({})", s.name, s.date())))
                .collect();
            options.push((NOW.to_string(), "Now: the current answers".to_string()));
            (a.id.clone(), options)
        });
        library.with(|l| {
            options.extend(l.iter().filter(|e| e.id != open_id).map(|e| {
                (format!("a:{}", e.id), format!("Assessment: {} ({})", e.name, e.updated.get(..10).unwrap_or("")))
            }))
        });
        options
    });
    let latest = move || step.assessment.with_untracked(|a| a.snapshots.last().map(|s| format!("s:{}", s.id)));
    let earlier = RwSignal::new(latest().unwrap_or_default());
    let later = RwSignal::new(NOW.to_string());
    let blocks = Memo::new(move |_| {
        let (from, to) = (earlier.get(), later.get());
        if from.is_empty() || from == to {
            return None;
        }
        step.assessment.with(|open| {
            let (Some(before), Some(after)) = (state_of(&from, open), state_of(&to, open)) else {
                return Some(Err("That state can no longer be read.".to_string()));
            };
            Some(Ok(comparison_blocks(&compare(&before, &after))))
        })
    });
    let choice = move |id: &'static str, label: &'static str, value: RwSignal<String>| {
        view! {
            <div class="field">
                <label for=id>{label}</label>
                <select id=id prop:value=move || value.get() on:change=move |ev| value.set(event_target_value(&ev))>
                    <option value="">"Choose a state"</option>
                    <For
                        each=move || options.get()
                        key=|o| o.clone()
                        children=|(value, label)| view! { <option value=value>{label}</option> }
                    />
                </select>
            </div>
        }
    };
    view! {
        <h3>"Compare two states"</h3>
        <div class="compare-choice" role="group" aria-label="States to compare">
            {choice("compare-earlier", "Earlier state", earlier)}
            {choice("compare-later", "Later state", later)}
        </div>
        <div class="comparison" aria-live="polite">
            {move || match blocks.get() {
                None => view! {
                    <p class="muted">"Choose two different states: a snapshot and now, two snapshots, or another assessment of the same plant."</p>
                }
                .into_any(),
                Some(Err(problem)) => view! { <p class="notice">{problem}</p> }.into_any(),
                Some(Ok(blocks)) => view! { <BlocksView blocks=blocks /> }.into_any(),
            }}
        </div>
    }
}

/// FRs at target per zone over the snapshots and now: one line per zone.
#[component]
fn TrendChart() -> impl IntoView {
    let step = StepState::get();
    let trend = Memo::new(move |_| step.assessment.with(trend));
    move || {
        let t: Trend = trend.get();
        let grid = (0..=7u8).map(|level| {
            let y = svg_number(Trend::y(level));
            view! {
                <line class="trend-grid" x1="48" x2="540" y1=y.clone() y2=y.clone() />
                <text class="trend-axis" x="40" y=svg_number(Trend::y(level) + 4.0) text-anchor="end">{level}</text>
            }
        });
        let labels = t.states.iter().enumerate().map(|(i, s)| {
            view! { <text class="trend-axis" x=svg_number(t.x(i)) y="220" text-anchor="middle">{s.date.clone()}</text> }
        });
        let lines = t.lines.iter().enumerate().map(|(n, line)| {
            let class = format!("trend-line series-{}", n % 6);
            let runs = t.runs(line).into_iter().map(|run| {
                let points: Vec<(f64, f64)> = run.iter().map(|(x, y, _)| (*x, *y)).collect();
                let dots =
                    run.into_iter().map(|(x, y, _)| view! { <circle cx=svg_number(x) cy=svg_number(y) r="4" /> });
                view! { <polyline points=svg_points(&points) />{dots.collect_view()} }
            });
            view! { <g class=class>{runs.collect_view()}</g> }
        });
        let legend = t.lines.iter().enumerate().map(|(n, line)| {
            view! { <li class=format!("series-{}", n % 6)>{line.name.clone()}</li> }
        });
        view! {
            <figure class="trend">
                <svg
                    viewBox=format!("0 0 {TREND_WIDTH} {TREND_HEIGHT}")
                    role="img"
                    aria-labelledby="trend-title trend-desc"
                    width=TREND_WIDTH.to_string()
                    height=TREND_HEIGHT.to_string()
                >
                    <title id="trend-title">"Trend per zone"</title>
                    <desc id="trend-desc">{t.description()}</desc>
                    {grid.collect_view()}
                    {labels.collect_view()}
                    {lines.collect_view()}
                </svg>
                <figcaption>
                    "FRs at target (of 7) per zone, at each snapshot and now."
                    <ul class="trend-legend">{legend.collect_view()}</ul>
                </figcaption>
            </figure>
        }
    }
}
