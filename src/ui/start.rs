//! Start: what the tool does, privacy, new assessment, saved assessments, import.

use crate::domain::storage::{self, ImportError, Loaded};
use crate::domain::{Assessment, MAX_NAME_CHARS};
use crate::ui::download::{chosen_file, download, file_stem};
use crate::ui::persist;
use crate::ui::state::{new_assessment_id, now_iso, view_memo, AppState, LibraryEntry, Step, StepState};
use crate::ui::widgets::{short_time, ConfirmDialog};
use leptos::prelude::*;

/// The start step.
#[component]
pub fn StartStep() -> impl IntoView {
    let state = AppState::get();
    let new_name = RwSignal::new(String::new());
    let start = move || {
        let name = new_name.get_untracked();
        if name.chars().count() > MAX_NAME_CHARS {
            state.error(&format!("Keep the assessment name under {MAX_NAME_CHARS} characters."));
            return;
        }
        if !state.start_new(&name) {
            return;
        }
        new_name.set(String::new());
        state.step.set(Step::Profile);
        let _ = window().location().set_hash(&Step::Profile.href());
    };
    view! {
        <section class="step start" aria-labelledby="start-title">
            <h1 id="start-title" tabindex="-1">"IEC 62443 self-assessment"</h1>
            <div class="intro">
                <p class="lead">
                    "Find out where your industrial control systems stand against IEC 62443, and what to do first. "
                    "Describe your zones and target security levels, answer plain-language questions, and leave with a "
                    "scorecard (achieved against target security level per zone and foundational requirement, programme maturity) "
                    "and a prioritised, printable roadmap."
                </p>
                <ul class="facts">
                    <li><strong>"Time: "</strong>"about 15 minutes for a quick scan; one to two hours for a full assessment of a few zones. You can stop at any time and continue later."</li>
                    <li><strong>"Covers: "</strong>"asset owners (IEC 62443-3-2 risk assessment, 3-3 system requirements per zone, 2-1 security programme), integrators and service providers (2-4), and product suppliers (4-1 development lifecycle, 4-2 component requirements per product)."</li>
                    <li><strong>"Privacy: "</strong>"everything you type stays in this browser, on this computer. Nothing is sent anywhere: no account, no tracking, no server. Export a file to keep a copy or move it to another computer."</li>
                </ul>
            </div>

            <div class="card">
                <h2>"Start a new assessment"</h2>
                <form class="inline-form" on:submit=move |ev| { ev.prevent_default(); start(); }>
                    <label for="new-assessment-name">"Assessment name (optional)"</label>
                    <input
                        id="new-assessment-name"
                        type="text"
                        maxlength=MAX_NAME_CHARS.to_string()
                        placeholder="e.g. Water treatment plant 2026"
                        prop:value=move || new_name.get()
                        on:input=move |ev| new_name.set(event_target_value(&ev))
                    />
                    <button type="submit" class="button primary">"Start a new assessment"</button>
                </form>
            </div>

            <SavedList />
            <ImportCard />
            <BrokenList />
        </section>
    }
}

/// The list of saved assessments with open, rename, duplicate, export and delete.
#[component]
fn SavedList() -> impl IntoView {
    let state = AppState::get();
    let library = view_memo(move || state.library.get());
    let unreadable = view_memo(move || state.broken.with(Vec::len));
    // With unreadable entries, "nothing saved" would be wrong: something is saved, it cannot be read.
    let empty = move || {
        match unreadable.get() {
        0 => "No saved assessments in this browser yet.".to_string(),
        n => format!(
            "No assessment here can be opened: {n} saved entr{} could not be read (see \"Saved data that could not be read\" below).",
            if n == 1 { "y" } else { "ies" }
        ),
    }
    };
    view! {
        <div class="card">
            <h2>"Saved assessments"</h2>
            <Show
                when=move || library.with(|l| !l.is_empty())
                fallback=move || view! { <p class="muted">{empty}</p> }
            >
                <ul class="saved-list" aria-label="Saved assessments">
                    // Keyed by id: a row stays (with the focus in its rename field) while its entry changes.
                    <For
                        each=move || library.with(|l| l.iter().map(|e| e.id.clone()).collect::<Vec<_>>())
                        key=|id| id.clone()
                        children=move |id| view! { <SavedRow id=id library=library /> }
                    />
                </ul>
            </Show>
        </div>
    }
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

#[component]
fn SavedRow(id: String, library: Memo<Vec<LibraryEntry>>) -> impl IntoView {
    let state = AppState::get();
    let step = StepState::get();
    let entry = Memo::new({
        let id = id.clone();
        move |_| library.with(|l| l.iter().find(|e| e.id == id).cloned().unwrap_or_default())
    });
    let id = StoredValue::new(id);
    let renaming = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let rename_to = RwSignal::new(String::new());
    let rename_error = RwSignal::new(None::<String>);
    // The rename field starts from the current name, and follows it while the user is not renaming.
    Effect::new(move || {
        let name = entry.with(|e| e.name.clone());
        if !renaming.get_untracked() {
            rename_to.set(name);
        }
    });
    let is_open = move || step.assessment.with(|a| a.id == id.get_value()) && step.stored.get();
    let name = move || entry.with(|e| e.name.clone());

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
    let open = move |_| {
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
        renaming.set(false);
    };
    let duplicate = move |_| {
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
    let export = move |_| {
        with_saved(&|a| {
            if let Err(e) = download(&format!("{}.json", file_stem(&a.name)), "application/json", &storage::to_json(&a))
            {
                state.error(&e);
            }
        });
    };
    let delete = move |()| {
        let target = id.get_value();
        match persist::delete(&target) {
            Ok(()) => {
                if state.assessment.with_untracked(|a| a.id == target) {
                    state.deleted_open();
                }
                state.refresh_library();
                state.info("The assessment was deleted.");
            }
            Err(e) => state.error(&e.message()),
        }
        confirming.set(false);
    };

    view! {
        <li class="saved-row" class:current=is_open>
            <div class="saved-main">
                <Show
                    when=move || renaming.get()
                    fallback=move || {
                        view! {
                            <span class="saved-name">{name}</span>
                            <Show when=is_open><span class="tag">"open"</span></Show>
                        }
                    }
                >
                    <form class="inline-form" on:submit=move |ev| { ev.prevent_default(); do_rename(); }>
                        <label class="visually-hidden" for=format!("rename-{}", id.get_value())>"New name"</label>
                        <input
                            id=format!("rename-{}", id.get_value())
                            type="text"
                            prop:value=move || rename_to.get()
                            on:input=move |ev| rename_to.set(event_target_value(&ev))
                        />
                        <button type="submit" class="button small">"Save name"</button>
                        <button type="button" class="button small secondary" on:click=move |_| renaming.set(false)>"Cancel"</button>
                        {move || rename_error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
                    </form>
                </Show>
                <span class="saved-meta">{move || entry.with(meta_text)}</span>
            </div>
            <div class="saved-actions">
                <button type="button" class="button small primary" on:click=open aria-label=move || format!("Open {}", name())>"Open"</button>
                <button type="button" class="button small secondary" on:click=move |_| renaming.set(true)>"Rename"</button>
                <button type="button" class="button small secondary" on:click=duplicate>"Duplicate"</button>
                <button type="button" class="button small secondary" on:click=export>"Export JSON"</button>
                <button type="button" class="button small danger" on:click=move |_| confirming.set(true)>"Delete"</button>
            </div>
            <ConfirmDialog open=confirming label="Confirm deletion"
                question="Delete this assessment permanently from this browser? This cannot be undone; export it first if you may need it."
                confirm="Yes, delete it" on_confirm=Callback::new(delete) />
        </li>
    }
}

/// Import of an exported JSON file: validated first; never overwrites without asking.
#[component]
fn ImportCard() -> impl IntoView {
    let state = AppState::get();
    let pending = RwSignal::new(None::<Loaded>);
    // Why the chosen file was not imported: a sentence, and the problems found in it.
    let error = RwSignal::new(None::<(String, Vec<String>)>);

    let finish = move |mut assessment: Assessment, as_copy: bool, notices: Vec<String>| {
        if as_copy {
            assessment.id = new_assessment_id();
            assessment.name = format!("{} (imported)", assessment.name).chars().take(MAX_NAME_CHARS).collect();
        }
        match persist::save(&assessment) {
            Ok(()) => {
                let id = assessment.id.clone();
                state.refresh_library();
                pending.set(None);
                state.open(&id);
                if state.assessment.with_untracked(|a| a.id != id) {
                    // Saved, but not opened: the open assessment has changes that exist only in this tab.
                    return;
                }
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

    let on_file = move |ev: leptos::ev::Event| {
        error.set(None);
        pending.set(None);
        let Some(file) = chosen_file(&ev) else { return };
        if file.size() > storage::MAX_IMPORT_BYTES as f64 {
            error.set(Some((
                format!(
                    "\"{}\" is {} KB; the largest accepted file is {} KB. Choose an assessment file exported by this tool.",
                    file.name(),
                    whole_kb(file.size()),
                    storage::MAX_IMPORT_BYTES / 1024
                ),
                Vec::new(),
            )));
            return;
        }
        let name = file.name();
        leptos::task::spawn_local(async move {
            let text = match wasm_bindgen_futures::JsFuture::from(file.text()).await {
                Ok(v) => v.as_string().unwrap_or_default(),
                Err(_) => {
                    error.set(Some((format!("\"{name}\" could not be read. Is it a text file?"), Vec::new())));
                    return;
                }
            };
            match storage::from_json(&text) {
                Err(e) => error.set(Some(refusal(&name, &e))),
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

    view! {
        <div class="card">
            <h2>"Import an assessment"</h2>
            <p class="muted">"Choose a JSON file exported by this tool. It is checked completely before anything is saved."</p>
            <label class="button secondary file-button" for="import-file">"Choose a file to import"</label>
            <input id="import-file" class="visually-hidden" type="file" accept=".json,application/json" on:change=on_file />
            {move || {
                error
                    .get()
                    .map(|(summary, problems)| {
                        view! {
                            <div class="field-error import-problems" role="alert">
                                <p>{summary}</p>
                                {(!problems.is_empty())
                                    .then(|| {
                                        view! {
                                            <ul>
                                                {problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}
                                            </ul>
                                        }
                                    })}
                            </div>
                        }
                    })
            }}
            {move || pending.get().map(|loaded| {
                let name = loaded.assessment.name.clone();
                let keep = StoredValue::new(loaded);
                view! {
                    <div class="confirm" role="alertdialog" aria-label="Imported assessment already exists">
                        <p>{format!("An assessment with the same identity (\"{name}\") is already saved in this browser. What should happen?")}</p>
                        <button type="button" class="button small danger" on:click=move |_| { let l = keep.get_value(); finish(l.assessment, false, l.notices) }>
                            "Replace the saved one"
                        </button>
                        <button type="button" class="button small primary" on:click=move |_| { let l = keep.get_value(); finish(l.assessment, true, l.notices) }>
                            "Import as a copy"
                        </button>
                        <button type="button" class="button small secondary" on:click=move |_| pending.set(None)>"Cancel"</button>
                    </div>
                }
            })}
        </div>
    }
}

/// Stored entries that could not be read: kept, downloadable, removable on request.
#[component]
fn BrokenList() -> impl IntoView {
    let state = AppState::get();
    let broken = view_memo(move || state.broken.get());
    view! {
        <Show when=move || broken.with(|b| !b.is_empty())>
            <div class="card warning-card">
                <h2>"Saved data that could not be read"</h2>
                <p>"These entries were left exactly as they are. Download a copy before removing anything; the file can be repaired by hand or sent to whoever helps you."</p>
                <ul>
                    {move || broken.get().into_iter().map(|b| {
                        let raw = StoredValue::new(b.raw.clone());
                        let key = StoredValue::new(b.key.clone());
                        let confirming = RwSignal::new(false);
                        view! {
                            <li class="broken-row">
                                <p><code>{b.key.clone()}</code>": "{b.problem.clone()}</p>
                                <button type="button" class="button small secondary" on:click=move |_| {
                                    if let Err(e) = download("unreadable-assessment.json", "application/json", &raw.get_value()) { state.error(&e); }
                                }>"Download the raw data"</button>
                                <button type="button" class="button small secondary" on:click=move |_| {
                                    match storage::repair(&raw.get_value(), &new_assessment_id(), &now_iso()) {
                                        Ok(repaired) => match persist::save(&repaired.assessment) {
                                            Ok(()) => {
                                                state.refresh_library();
                                                state.info(&repair_report(&repaired));
                                            }
                                            Err(e) => state.error(&e.message()),
                                        },
                                        Err(e) => state.error(&format!("{e} Download the raw data to keep it.")),
                                    }
                                }>"Repair what can be read"</button>
                                <button type="button" class="button small danger" on:click=move |_| confirming.set(true)>"Remove it"</button>
                                <ConfirmDialog open=confirming label="Confirm removal"
                                    question="Remove this unreadable entry from the browser for good?" confirm="Yes, remove"
                                    on_confirm=Callback::new(move |()| {
                                        match persist::remove(&key.get_value()) { Ok(()) => state.refresh_library(), Err(e) => state.error(&e.message()) }
                                    }) />
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}

/// What the import dialog says about a refused file: a sentence, then each problem.
fn refusal(file: &str, e: &ImportError) -> (String, Vec<String>) {
    let problems: Vec<String> = e.problems.iter().map(ToString::to_string).collect();
    let summary = match (e.count(), e.more) {
        (1, _) => format!("\"{file}\" was not imported; nothing was changed. The problem:"),
        (n, 0) => format!("\"{file}\" was not imported; nothing was changed. It has {n} problems:"),
        (n, more) => format!(
            "\"{file}\" was not imported; nothing was changed. It has {n} problems; the first {} are listed (fix them and import the file again to see the other {more}):",
            e.problems.len()
        ),
    };
    (summary, problems)
}

/// What a repair recovered and what it left out, each said once; a long list is cut after ten parts.
fn repair_report(repaired: &storage::Repaired) -> String {
    const LISTED: usize = 10;
    let mut text = format!(
        "Recovered \"{}\" as a new assessment; the damaged entry is kept until you remove it.",
        repaired.assessment.name
    );
    let dropped = &repaired.dropped;
    if !dropped.is_empty() {
        text.push_str(" Left out or changed: ");
        text.push_str(&dropped.iter().take(LISTED).cloned().collect::<Vec<_>>().join(" "));
        if dropped.len() > LISTED {
            text.push_str(&format!(" And {} more parts.", dropped.len() - LISTED));
        }
    }
    text
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
