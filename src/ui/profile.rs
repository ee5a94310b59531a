//! Profile: organisation, sector, roles, quick scan or full assessment, target maturity.

use crate::domain::{Mode, Role, MAX_NAME_CHARS, SECTORS};
use crate::ui::state::{AppState, Step, StepState};
use crate::ui::widgets::{NeedsAssessment, StepFooter};
use leptos::prelude::*;

/// The profile step.
#[component]
pub fn ProfileStep() -> impl IntoView {
    let state = AppState::get();
    let a = StepState::get().assessment;
    let name_error = RwSignal::new(None::<String>);

    let set_name = move |value: String| {
        if value.trim().is_empty() {
            name_error.set(Some("Give the assessment a name; it is how you find it in the list.".into()));
            return;
        }
        name_error.set(None);
        state.edit(|a| a.name = value.chars().take(MAX_NAME_CHARS).collect());
    };

    view! {
        <section class="step" aria-labelledby="profile-title">
            <h1 id="profile-title" tabindex="-1">"Profile"</h1>
            <p class="lead">"Who is this assessment for? The roles decide which parts of IEC 62443 are asked."</p>
            <NeedsAssessment>
                <div class="card form-grid">
                    <div class="field">
                        <label for="assessment-name">"Assessment name"</label>
                        <input
                            id="assessment-name"
                            type="text"
                            maxlength=MAX_NAME_CHARS.to_string()
                            prop:value=move || a.with(|a| a.name.clone())
                            on:change=move |ev| set_name(event_target_value(&ev))
                            aria-invalid=move || name_error.with(|e| e.is_some()).to_string()
                            aria-describedby="assessment-name-error"
                        />
                        <p id="assessment-name-error" class="field-error" role="alert">{move || name_error.get()}</p>
                    </div>
                    <div class="field">
                        <label for="organisation">"Organisation (optional)"</label>
                        <input
                            id="organisation"
                            type="text"
                            maxlength=MAX_NAME_CHARS.to_string()
                            autocomplete="organization"
                            prop:value=move || a.with(|a| a.profile.organisation.clone())
                            on:input=move |ev| {
                                let v: String = event_target_value(&ev).chars().take(MAX_NAME_CHARS).collect();
                                state.edit(|a| a.profile.organisation = v);
                            }
                        />
                        <p class="hint">"Shown on the report cover. Leave it empty to keep the report anonymous."</p>
                    </div>
                    <div class="field">
                        <label for="sector">"Sector"</label>
                        <select
                            id="sector"
                            prop:value=move || a.with(|a| a.profile.sector.clone())
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                state.edit(|a| a.profile.sector = v);
                            }
                        >
                            <option value="">"Choose a sector"</option>
                            {SECTORS.iter().map(|s| view! { <option value=*s>{*s}</option> }).collect_view()}
                        </select>
                    </div>
                </div>

                <fieldset class="card">
                    <legend>"Roles"</legend>
                    <p class="hint">"Tick every role your organisation has in the systems you assess."</p>
                    {Role::ALL.into_iter().map(|role| {
                        let id = format!("role-{role:?}").to_ascii_lowercase();
                        let available = role.has_content();
                        view! {
                            <div class="check">
                                <input
                                    type="checkbox"
                                    id=id.clone()
                                    disabled=!available
                                    prop:checked=move || a.with(|a| a.profile.roles.contains(&role))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        state.edit(|a| { if on { a.profile.roles.insert(role); } else { a.profile.roles.remove(&role); } });
                                    }
                                />
                                <label for=id>
                                    {role.label()}
                                    <span class="muted">{format!(" ({})", role.parts())}</span>
                                    {(!available).then(|| view! { <span class="tag">"coming soon"</span> })}
                                </label>
                            </div>
                        }
                    }).collect_view()}
                    <p class="hint">
                        "Questions for system integrators (IEC 62443-2-4) and product suppliers (IEC 62443-4-1, 4-2) are being written; "
                        "integrators can already use the asset-owner questions to assess a system they deliver."
                    </p>
                    <Show when=move || a.with(|a| a.profile.roles.is_empty())>
                        <p class="field-error" role="alert">"Choose at least one role; without it there is nothing to ask."</p>
                    </Show>
                </fieldset>

                <fieldset class="card">
                    <legend>"Depth"</legend>
                    {[(Mode::Quick, "Quick scan", "About 50 key questions across all parts: a first picture in about 15 minutes. Results are indicative."),
                      (Mode::Full, "Full assessment", "Every question, so achieved security levels can be stated with confidence.")]
                        .into_iter().map(|(mode, label, hint)| {
                            let id = format!("mode-{mode:?}").to_ascii_lowercase();
                            view! {
                                <div class="check">
                                    <input type="radio" name="mode" id=id.clone()
                                        prop:checked=move || a.with(|a| a.profile.mode == mode)
                                        on:change=move |_| state.edit(|a| a.profile.mode = mode) />
                                    <label for=id>{label}<span class="muted">{format!(": {hint}")}</span></label>
                                </div>
                            }
                        }).collect_view()}
                </fieldset>

                <div class="card field">
                    <label for="target-maturity">"Target programme maturity"</label>
                    <select
                        id="target-maturity"
                        prop:value=move || a.with(|a| a.profile.target_maturity.to_string())
                        on:change=move |ev| {
                            if let Ok(v) = event_target_value(&ev).parse::<u8>() {
                                state.edit(|a| a.profile.target_maturity = v.clamp(1, 4));
                            }
                        }
                    >
                        <option value="1">"ML1 Initial"</option>
                        <option value="2">"ML2 Managed"</option>
                        <option value="3">"ML3 Defined (practiced)"</option>
                        <option value="4">"ML4 Improving"</option>
                    </select>
                    <p class="hint">"Programme practices below this level become roadmap actions. ML2 (written, repeatable procedures) is a common first goal."</p>
                </div>
            </NeedsAssessment>
            <StepFooter step=Step::Profile />
        </section>
    }
}
