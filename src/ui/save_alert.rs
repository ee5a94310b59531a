//! The save alert: when the browser refuses to store a change, an alert that stays in view at the bottom
//! of the window wherever the user is, says what is stored and what is not, and offers the assessment as
//! a download until the changes are stored. The save itself is retried by [`AppState::save`].

use crate::domain::storage;
use crate::ui::download::{download, file_stem};
use crate::ui::persist::SaveError;
use crate::ui::state::{AppState, Unsaved, RETRY_SECONDS};
use leptos::prelude::*;

/// What the alert says, one paragraph each: what happened (the first, in bold), what is stored and what is
/// not, and the copy downloaded since, if any.
fn paragraphs(u: &Unsaved, stored: bool) -> Vec<String> {
    let mut out = match &u.error {
        SaveError::Unavailable => vec![
            "Not saved: this browser does not let the app store anything (private browsing or a site setting)."
                .to_string(),
            "Your work is kept only in this tab, and is lost when you close or reload it. Download a copy to keep it, and import it on the Start step to continue later.".to_string(),
        ],
        SaveError::Refused(reason) => {
            let kept = match (&u.last_saved, stored) {
                (Some(time), _) => format!("The version saved at {time} is still stored."),
                (None, true) => "The version saved before is still stored.".to_string(),
                (None, false) => "Nothing of this assessment is stored in this browser yet.".to_string(),
            };
            vec![
                format!(
                    "Not saved: the browser refused to store your changes since {} ({reason}). Its storage is probably full.",
                    u.since
                ),
                format!(
                    "{kept} The changes since {} are kept only in this tab and are lost if you close or reload it. The app tries again every {RETRY_SECONDS} seconds and at each change. To be safe, download a copy now; to make room, delete assessments you no longer need on the Start step (export them first).",
                    u.since
                ),
            ]
        }
    };
    if let Some(time) = &u.downloaded {
        out.push(format!(
            "A copy downloaded at {time} holds every change up to then; import it on the Start step if this tab is lost."
        ));
    }
    out
}

/// The save alert and, once the changes are stored again, a short notice that says so.
#[component]
pub fn SaveAlert() -> impl IntoView {
    let state = AppState::get();
    let export = move |_| {
        let (name, text) = state.assessment.with_untracked(|a| (a.name.clone(), storage::to_json(a)));
        match download(&format!("{}.json", file_stem(&name)), "application/json", &text) {
            Ok(()) => state.downloaded_unsaved(),
            Err(e) => state.error(&e),
        }
    };
    let paragraphs = move || {
        let stored = state.stored.get();
        state.unsaved.with(|u| u.as_ref().map(|u| paragraphs(u, stored))).unwrap_or_default()
    };
    let retryable = move || state.unsaved.with(|u| u.as_ref().is_some_and(|u| u.error != SaveError::Unavailable));
    view! {
        <Show when=move || state.unsaved.with(Option::is_some)>
            // In the page's flow, about the height of the alert, so that it never hides the end of the page.
            <div class="save-alert-space" aria-hidden="true"></div>
            <div class="save-alerts">
                <div class="save-alert" role="alert">
                    {move || paragraphs().into_iter().map(|p| view! { <p>{p}</p> }).collect_view()}
                    <div class="save-alert-actions">
                        <button type="button" class="button primary small" on:click=export>
                            "Download a copy (JSON)"
                        </button>
                        {move || {
                            retryable()
                                .then(|| {
                                    view! {
                                        <button type="button" class="button secondary small" on:click=move |_| state.retry_save()>
                                            "Try to save again"
                                        </button>
                                    }
                                })
                        }}
                    </div>
                </div>
            </div>
        </Show>
        <Show when=move || state.saved_again.get()>
            <div class="save-alerts">
                <div class="save-alert saved" role="status">
                    <p>"All changes are saved in this browser again."</p>
                    <button type="button" class="link-button" on:click=move |_| state.saved_again.set(false)>
                        "Dismiss"
                    </button>
                </div>
            </div>
        </Show>
    }
}
