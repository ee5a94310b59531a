//! Profile: organisation, sector, roles, quick scan or full assessment, target maturity.

use crate::domain::{Mode, Role, MAX_NAME_CHARS, SECTORS};
use crate::ui::dom::{el, elc, El};
use crate::ui::kit::{needs_assessment, step_footer, step_section};
use crate::ui::prelude::*;
use crate::ui::state::{AppState, Step};

/// A text input with a label, kept to `MAX_NAME_CHARS`.
fn text_input(id: &str) -> El {
    el("input").id(id).attr("type", "text").attr("maxlength", &MAX_NAME_CHARS.to_string())
}

/// The profile step.
pub fn profile_step() -> El {
    let state = AppState::get();
    let section = step_section(
        "step",
        "profile",
        "Profile",
        "Who is this assessment for? The roles decide which parts of IEC 62443 are asked.",
    );
    needs_assessment(section, move || profile_form(state)).child(step_footer(Step::Profile))
}

fn profile_form(state: AppState) -> Vec<El> {
    let a = state.assessment;
    let name_error = RwSignal::new(None::<String>);

    let name = elc("div", "field")
        .child(el("label").attr("for", "assessment-name").text("Assessment name"))
        .child(
            text_input("assessment-name")
                .attr("aria-describedby", "assessment-name-error")
                .dyn_value(move || a.with(|a| a.name.clone()))
                .dyn_attr("aria-invalid", move || Some(name_error.with(|e| e.is_some()).to_string()))
                .on("change", move |ev| {
                    let value = event_target_value(&ev);
                    if value.trim().is_empty() {
                        name_error.set(Some("Give the assessment a name; it is how you find it in the list.".into()));
                        return;
                    }
                    name_error.set(None);
                    state.edit(|a| a.name = value.chars().take(MAX_NAME_CHARS).collect());
                }),
        )
        .child(
            elc("p", "field-error")
                .id("assessment-name-error")
                .attr("role", "alert")
                .dyn_text(move || name_error.get().unwrap_or_default()),
        );
    let organisation = elc("div", "field")
        .child(el("label").attr("for", "organisation").text("Organisation (optional)"))
        .child(
            text_input("organisation")
                .attr("autocomplete", "organization")
                .dyn_value(move || a.with(|a| a.profile.organisation.clone()))
                .on("input", move |ev| {
                    let v: String = event_target_value(&ev).chars().take(MAX_NAME_CHARS).collect();
                    state.edit(|a| a.profile.organisation = v);
                }),
        )
        .child(elc("p", "hint").text("Shown on the report cover. Leave it empty to keep the report anonymous."));
    let sector = elc("div", "field").child(el("label").attr("for", "sector").text("Sector")).child(
        select("sector", std::iter::once(("", "Choose a sector")).chain(SECTORS.iter().map(|s| (*s, *s))))
            .dyn_value(move || a.with(|a| a.profile.sector.clone()))
            .on("change", move |ev| {
                let v = event_target_value(&ev);
                state.edit(|a| a.profile.sector = v);
            }),
    );

    let roles = Role::ALL
        .into_iter()
        .map(|role| {
            let id = format!("role-{role:?}").to_ascii_lowercase();
            let available = role.has_content();
            let label = el("label")
                .attr("for", &id)
                .text(role.label())
                .child(elc("span", "muted").text(&format!(" ({})", role.parts())));
            let label = if available { label } else { label.child(elc("span", "tag").text("coming soon")) };
            elc("div", "check")
                .child(
                    el("input")
                        .attr("type", "checkbox")
                        .id(&id)
                        .flag("disabled", !available)
                        .dyn_checked(move || a.with(|a| a.profile.roles.contains(&role)))
                        .on("change", move |ev| {
                            let on = event_target_checked(&ev);
                            state.edit(|a| {
                                if on {
                                    a.profile.roles.insert(role);
                                } else {
                                    a.profile.roles.remove(&role);
                                }
                            });
                        }),
                )
                .child(label)
        })
        .collect();
    let roles = elc("fieldset", "card")
        .child(el("legend").text("Roles"))
        .child(elc("p", "hint").text("Tick every role your organisation has in the systems you assess."))
        .kids(roles)
        .child(elc("p", "hint").text(
            "Questions for system integrators (IEC 62443-2-4) and product suppliers (IEC 62443-4-1, 4-2) are being written; \
             integrators can already use the asset-owner questions to assess a system they deliver.",
        ))
        .when(
            move || a.with(|a| a.profile.roles.is_empty()),
            || {
                vec![elc("p", "field-error")
                    .attr("role", "alert")
                    .text("Choose at least one role; without it there is nothing to ask.")]
            },
        );

    let modes = [
        (
            Mode::Quick,
            "Quick scan",
            "About 50 key questions across all parts: a first picture in about 15 minutes. Results are indicative.",
        ),
        (Mode::Full, "Full assessment", "Every question, so achieved security levels can be stated with confidence."),
    ]
    .into_iter()
    .map(|(mode, label, hint)| {
        let id = format!("mode-{mode:?}").to_ascii_lowercase();
        elc("div", "check")
            .child(
                el("input")
                    .attr("type", "radio")
                    .attr("name", "mode")
                    .id(&id)
                    .dyn_checked(move || a.with(|a| a.profile.mode == mode))
                    .on("change", move |_| state.edit(|a| a.profile.mode = mode)),
            )
            .child(el("label").attr("for", &id).text(label).child(elc("span", "muted").text(&format!(": {hint}"))))
    })
    .collect();
    let depth = elc("fieldset", "card").child(el("legend").text("Depth")).kids(modes);

    let maturity = elc("div", "card field")
        .child(el("label").attr("for", "target-maturity").text("Target programme maturity"))
        .child(
            select(
                "target-maturity",
                [("1", "ML1 Initial"), ("2", "ML2 Managed"), ("3", "ML3 Defined (practiced)"), ("4", "ML4 Improving")]
                    .into_iter(),
            )
            .dyn_value(move || a.with(|a| a.profile.target_maturity.to_string()))
            .on("change", move |ev| {
                if let Ok(v) = event_target_value(&ev).parse::<u8>() {
                    state.edit(|a| a.profile.target_maturity = v.clamp(1, 4));
                }
            }),
        )
        .child(elc("p", "hint").text(
            "Programme practices below this level become roadmap actions. ML2 (written, repeatable procedures) is a common first goal.",
        ));

    vec![elc("div", "card form-grid").child(name).child(organisation).child(sector), roles, depth, maturity]
}

/// A `<select>` with the given (value, text) options.
pub fn select<'a>(id: &str, options: impl Iterator<Item = (&'a str, &'a str)>) -> El {
    let mut s = el("select").id(id);
    for (value, text) in options {
        s = s.child(el("option").attr("value", value).text(text));
    }
    s
}
