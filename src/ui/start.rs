//! Start: what the tool does, privacy, new assessment, saved assessments, import.

use crate::domain::storage::{self, Loaded};
use crate::domain::{Assessment, MAX_NAME_CHARS};
use crate::ui::dom::{button, el, elc, El};
use crate::ui::download::{download, file_stem};
use crate::ui::kit::{confirm_dialog, short_time, step_section};
use crate::ui::persist;
use crate::ui::prelude::*;
use crate::ui::state::{new_assessment_id, now_iso, AppState, BrokenEntry, LibraryEntry, Step};
use wasm_bindgen::JsCast;

/// The start step.
pub fn start_step() -> El {
    let state = AppState::get();
    let new_name = RwSignal::new(String::new());
    let start = move || {
        let name = new_name.get_untracked();
        if name.chars().count() > MAX_NAME_CHARS {
            state.error(&format!("Keep the assessment name under {MAX_NAME_CHARS} characters."));
            return;
        }
        state.start_new(&name);
        new_name.set(String::new());
        state.step.set(Step::Profile);
        let _ = window().location().set_hash(&Step::Profile.href());
    };
    let fact = |title: &str, text: &str| el("li").child(el("strong").text(title)).text(text);
    let intro = elc("div", "intro")
        .child(elc("p", "lead").text(
            "Find out where your industrial control systems stand against IEC 62443, and what to do first. \
             Describe your zones and target security levels, answer plain-language questions, and leave with a \
             scorecard (achieved against target security level per zone and foundational requirement, programme maturity) \
             and a prioritised, printable roadmap.",
        ))
        .child(
            elc("ul", "facts")
                .child(fact(
                    "Time: ",
                    "about 15 minutes for a quick scan; one to two hours for a full assessment of a few zones. \
                     You can stop at any time and continue later.",
                ))
                .child(fact(
                    "Covers: ",
                    "asset owners (IEC 62443-3-2 risk assessment, 3-3 system requirements per zone, 2-1 security programme), \
                     integrators and service providers (2-4), and product suppliers (4-1 development lifecycle, \
                     4-2 component requirements per product).",
                ))
                .child(fact(
                    "Privacy: ",
                    "everything you type stays in this browser, on this computer. Nothing is sent anywhere: no account, \
                     no tracking, no server. Export a file to keep a copy or move it to another computer.",
                )),
        );
    let new_card = elc("div", "card").child(el("h2").text("Start a new assessment")).child(
        elc("form", "inline-form")
            .on("submit", move |ev| {
                ev.prevent_default();
                start();
            })
            .child(el("label").attr("for", "new-assessment-name").text("Assessment name (optional)"))
            .child(
                el("input")
                    .id("new-assessment-name")
                    .attr("type", "text")
                    .attr("maxlength", &MAX_NAME_CHARS.to_string())
                    .attr("placeholder", "e.g. Water treatment plant 2026")
                    .dyn_value(move || new_name.get())
                    .on("input", move |ev| new_name.set(event_target_value(&ev))),
            )
            .child(el("button").attr("type", "submit").cls("button primary").text("Start a new assessment")),
    );
    let section = step_section("step start", "start", "IEC 62443 self-assessment", "")
        .child(intro)
        .child(new_card)
        .child(saved_list(state))
        .child(import_card(state));
    broken_list(section, state)
}

/// The list of saved assessments with open, rename, duplicate, export and delete.
fn saved_list(state: AppState) -> El {
    elc("div", "card").child(el("h2").text("Saved assessments")).either(
        move || state.library.with(|l| !l.is_empty()),
        move || {
            // Keyed by id: a row stays (with the focus in its rename field) while its entry changes, and
            // follows its entry through `dyn_*`.
            vec![el("ul").cls("saved-list").attr("aria-label", "Saved assessments").keyed(
                move || state.library.with(|l| l.iter().map(|e| e.id.clone()).collect()),
                move |id| saved_row(state, id),
            )]
        },
        || vec![elc("p", "muted").text("No saved assessments in this browser yet.")],
    )
}

/// A text made from the library entry `id` (empty once it is gone), following the library.
fn entry_text(state: AppState, id: StoredValue<String>, f: fn(&LibraryEntry) -> String) -> String {
    state.library.with(|l| id.with_value(|id| l.iter().find(|e| &e.id == id).map(f).unwrap_or_default()))
}

/// The second line of a saved row: organisation, zones, progress, last change.
fn meta_text(e: &LibraryEntry) -> String {
    let (done, total) = e.progress;
    let percent = (done * 100).checked_div(total).unwrap_or(0);
    let separator = if e.organisation.is_empty() { "" } else { " · " };
    format!(
        "{}{separator}{} zone(s) · {percent}% answered ({done}/{total}) · changed {}",
        e.organisation,
        e.zones,
        short_time(&e.updated)
    )
}

/// One row of the saved list, for the assessment `id`.
fn saved_row(state: AppState, id: &str) -> El {
    let id = StoredValue::new(id.to_string());
    let renaming = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let rename_to = RwSignal::new(String::new());
    let rename_error = RwSignal::new(None::<String>);
    let is_open = move || state.assessment.with(|a| id.with_value(|id| &a.id == id)) && state.stored.get();
    let name = move || entry_text(state, id, |e| e.name.clone());
    // The rename field starts from the current name, and follows it while the user is not renaming.
    crate::ui::dom::watch(move || {
        let current = name();
        if !renaming.get_untracked() {
            rename_to.set(current);
        }
    });

    let with_saved = move |f: &dyn Fn(Assessment)| {
        if state.assessment.with_untracked(|a| a.id == id.get_value()) {
            f(state.assessment.get_untracked());
            return;
        }
        match persist::read(&format!("{}{}", persist::ASSESSMENT_PREFIX, id.get_value()))
            .map(|t| storage::from_json(&t))
        {
            Some(Ok(Loaded { assessment, .. })) => f(assessment),
            Some(Err(e)) => state.error(&format!("That assessment could not be read: {e}")),
            None => state.error("That assessment is no longer in this browser's storage."),
        }
    };
    let open = move || {
        state.open(&id.get_value());
        let next = state
            .assessment
            .with_untracked(|a| Step::from_hash(&a.last_step))
            .filter(|s| *s != Step::Start)
            .unwrap_or(Step::Profile);
        let _ = window().location().set_hash(&next.href());
    };
    let do_rename = move || {
        let new_name = rename_to.get_untracked().trim().to_string();
        if new_name.is_empty() {
            rename_error.set(Some("Give the assessment a name.".into()));
            return;
        }
        if new_name.chars().count() > MAX_NAME_CHARS {
            rename_error.set(Some(format!("Keep the name under {MAX_NAME_CHARS} characters.")));
            return;
        }
        rename_error.set(None);
        if state.assessment.with_untracked(|a| a.id == id.get_value()) {
            state.edit(|a| a.name = new_name.clone());
        } else {
            with_saved(&|mut a| {
                a.name = new_name.clone();
                a.updated = now_iso();
                if let Err(e) = persist::save(&a) {
                    state.error(&e.message());
                }
            });
            state.refresh_library();
        }
        rename_to.set(new_name);
        renaming.set(false);
    };
    let duplicate = move || {
        with_saved(&|mut a| {
            let now = now_iso();
            a.id = new_assessment_id();
            a.name = format!("{} (copy)", a.name).chars().take(MAX_NAME_CHARS).collect();
            a.created = now.clone();
            a.updated = now;
            match persist::save(&a) {
                Ok(()) => state.info(&format!("Created \"{}\".", a.name)),
                Err(e) => state.error(&e.message()),
            }
        });
        state.refresh_library();
    };
    let export = move || {
        with_saved(&|a| {
            if let Err(e) = download(&format!("{}.json", file_stem(&a.name)), "application/json", &storage::to_json(&a))
            {
                state.error(&e);
            }
        });
    };
    let delete = move || {
        let target = id.get_value();
        match persist::delete(&target) {
            Ok(()) => {
                if state.assessment.with_untracked(|a| a.id == target) {
                    state.assessment.set(crate::ui::state::draft());
                    state.stored.set(false);
                    let _ = persist::remove(persist::CURRENT_KEY);
                }
                state.refresh_library();
                state.info("The assessment was deleted.");
            }
            Err(e) => state.error(&e.message()),
        }
        confirming.set(false);
    };

    let rename_form = move || {
        let input_id = format!("rename-{}", id.get_value());
        vec![elc("form", "inline-form")
            .on("submit", move |ev| {
                ev.prevent_default();
                do_rename();
            })
            .child(el("label").cls("visually-hidden").attr("for", &input_id).text("New name"))
            .child(
                el("input")
                    .id(&input_id)
                    .attr("type", "text")
                    .dyn_value(move || rename_to.get())
                    .on("input", move |ev| rename_to.set(event_target_value(&ev))),
            )
            .child(el("button").attr("type", "submit").cls("button small").text("Save name"))
            .child(button("button small secondary", "Cancel", move || renaming.set(false)))
            .when(
                move || rename_error.with(Option::is_some),
                move || {
                    vec![elc("p", "field-error")
                        .attr("role", "alert")
                        .dyn_text(move || rename_error.get().unwrap_or_default())]
                },
            )]
    };
    let main = elc("div", "saved-main")
        .either(move || renaming.get(), rename_form, move || vec![elc("span", "saved-name").dyn_text(name)])
        .when(move || !renaming.get() && is_open(), || vec![elc("span", "tag").text("open")])
        .child(elc("span", "saved-meta").dyn_text(move || entry_text(state, id, meta_text)));
    let actions = elc("div", "saved-actions")
        .child(
            button("button small primary", "Open", open)
                .dyn_attr("aria-label", move || Some(format!("Open {}", name()))),
        )
        .child(button("button small secondary", "Rename", move || renaming.set(true)))
        .child(button("button small secondary", "Duplicate", duplicate))
        .child(button("button small secondary", "Export JSON", export))
        .child(button("button small danger", "Delete", move || confirming.set(true)));
    let row = elc("li", "saved-row").dyn_class("current", is_open).child(main).child(actions);
    confirm_dialog(
        row,
        confirming,
        "Confirm deletion",
        || {
            "Delete this assessment permanently from this browser? This cannot be undone; export it first if you may need it."
                .to_string()
        },
        "Yes, delete it",
        delete,
    )
}

/// Import of an exported JSON file: validated first; never overwrites without asking.
fn import_card(state: AppState) -> El {
    let pending = RwSignal::new(None::<Loaded>);
    let error = RwSignal::new(None::<String>);

    let finish = move |mut assessment: Assessment, as_copy: bool, notices: Vec<String>| {
        if as_copy {
            assessment.id = new_assessment_id();
            assessment.name = format!("{} (imported)", assessment.name).chars().take(MAX_NAME_CHARS).collect();
        }
        match persist::save(&assessment) {
            Ok(()) => {
                let id = assessment.id.clone();
                state.refresh_library();
                state.open(&id);
                let mut text = format!("Imported \"{}\".", assessment.name);
                for n in notices {
                    text.push(' ');
                    text.push_str(&n);
                }
                state.info(&text);
                pending.set(None);
            }
            Err(e) => state.error(&e.message()),
        }
    };
    // Finishes the pending import, replacing the saved one or as a copy.
    let resolve = move |as_copy: bool| {
        if let Some(l) = pending.get_untracked() {
            finish(l.assessment, as_copy, l.notices);
        }
    };

    let on_file = move |ev: web_sys::Event| {
        error.set(None);
        pending.set(None);
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        input.set_value("");
        if file.size() > storage::MAX_IMPORT_BYTES as f64 {
            error.set(Some(format!(
                "\"{}\" is {} KB; the largest accepted file is {} KB. Choose an assessment file exported by this tool.",
                file.name(),
                whole_kb(file.size()),
                storage::MAX_IMPORT_BYTES / 1024
            )));
            return;
        }
        let name = file.name();
        crate::ui::dom::spawn(async move {
            let text = match wasm_bindgen_futures::JsFuture::from(file.text()).await {
                Ok(v) => v.as_string().unwrap_or_default(),
                Err(_) => {
                    error.set(Some(format!("\"{name}\" could not be read. Is it a text file?")));
                    return;
                }
            };
            match storage::from_json(&text) {
                Err(e) => error.set(Some(format!("\"{name}\" was not imported: {e}. Nothing was changed."))),
                Ok(loaded) => {
                    let exists =
                        persist::read(&format!("{}{}", persist::ASSESSMENT_PREFIX, loaded.assessment.id)).is_some();
                    if exists {
                        pending.set(Some(loaded));
                    } else {
                        finish(loaded.assessment, false, loaded.notices);
                    }
                }
            }
        });
    };

    elc("div", "card")
        .child(el("h2").text("Import an assessment"))
        .child(
            elc("p", "muted")
                .text("Choose a JSON file exported by this tool. It is checked completely before anything is saved."),
        )
        .child(
            el("label").cls("button secondary file-button").attr("for", "import-file").text("Choose a file to import"),
        )
        .child(
            el("input")
                .id("import-file")
                .cls("visually-hidden")
                .attr("type", "file")
                .attr("accept", ".json,application/json")
                .on("change", on_file),
        )
        .when(
            move || error.with(Option::is_some),
            move || vec![elc("p", "field-error").attr("role", "alert").dyn_text(move || error.get().unwrap_or_default())],
        )
        .when(
            move || pending.with(Option::is_some),
            move || {
                let question = move || {
                    let name = pending.with(|p| p.as_ref().map(|l| l.assessment.name.clone()).unwrap_or_default());
                    format!(
                        "An assessment with the same identity (\"{name}\") is already saved in this browser. What should happen?"
                    )
                };
                vec![elc("div", "confirm")
                    .attr("role", "alertdialog")
                    .attr("aria-label", "Imported assessment already exists")
                    .child(el("p").dyn_text(question))
                    .child(button("button small danger", "Replace the saved one", move || resolve(false)))
                    .child(button("button small primary", "Import as a copy", move || resolve(true)))
                    .child(button("button small secondary", "Cancel", move || pending.set(None)))]
            },
        )
}

/// Stored entries that could not be read, appended to `parent` while there are any: kept, downloadable,
/// removable on request.
fn broken_list(parent: El, state: AppState) -> El {
    parent.when(
        move || state.broken.with(|b| !b.is_empty()),
        move || {
            vec![elc("div", "card warning-card")
                .child(el("h2").text("Saved data that could not be read"))
                .child(el("p").text(
                    "These entries were left exactly as they are. Download a copy before removing anything; \
                     the file can be repaired by hand or sent to whoever helps you.",
                ))
                .child(el("ul").keyed(
                    move || state.broken.with(|b| b.iter().map(|b| b.key.clone()).collect()),
                    move |key| broken_row(state, key),
                ))]
        },
    )
}

/// One unreadable entry, by storage key: what is wrong, download, repair, remove.
fn broken_row(state: AppState, key: &str) -> El {
    let key = StoredValue::new(key.to_string());
    let confirming = RwSignal::new(false);
    // The raw text or problem of this entry, following the list.
    let field = move |f: fn(&BrokenEntry) -> String| {
        state.broken.with(|b| key.with_value(|k| b.iter().find(|e| &e.key == k).map(f).unwrap_or_default()))
    };
    let save_raw = move || {
        if let Err(e) = download("unreadable-assessment.json", "application/json", &field(|b| b.raw.clone())) {
            state.error(&e);
        }
    };
    let repair = move || match storage::repair(&field(|b| b.raw.clone()), &new_assessment_id(), &now_iso()) {
        Ok(repaired) => match persist::save(&repaired.assessment) {
            Ok(()) => {
                state.refresh_library();
                let mut text = format!(
                    "Recovered \"{}\" as a new assessment; the damaged entry is kept until you remove it.",
                    repaired.assessment.name
                );
                if !repaired.dropped.is_empty() {
                    text.push_str(" Left out: ");
                    text.push_str(&repaired.dropped.join(" "));
                }
                state.info(&text);
            }
            Err(e) => state.error(&e.message()),
        },
        Err(e) => {
            state.error(&format!("Nothing could be recovered automatically: {e}. Download the raw data to keep it."))
        }
    };
    let remove = move || match persist::remove(&key.get_value()) {
        Ok(()) => state.refresh_library(),
        Err(e) => state.error(&e.message()),
    };
    let row = elc("li", "broken-row")
        .child(
            el("p").child(el("code").text(&key.get_value())).text(": ").dyn_text(move || field(|b| b.problem.clone())),
        )
        .child(button("button small secondary", "Download the raw data", save_raw))
        .child(button("button small secondary", "Repair what can be read", repair))
        .child(button("button small danger", "Remove it", move || confirming.set(true)));
    confirm_dialog(
        row,
        confirming,
        "Confirm removal",
        || "Remove this unreadable entry from the browser for good?".to_string(),
        "Yes, remove",
        remove,
    )
}

/// A file size in whole KB, rounded like `format!("{:.0}", bytes / 1024.0)` (half to even), in integers:
/// float formatting would add about 15 KB to the wasm for this one message.
fn whole_kb(bytes: f64) -> u64 {
    let bytes = bytes as u64;
    let (kb, rest) = (bytes / 1024, bytes % 1024);
    if rest > 512 || (rest == 512 && kb % 2 == 1) {
        kb + 1
    } else {
        kb
    }
}
