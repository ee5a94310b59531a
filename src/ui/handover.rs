//! "Send to NAME" on the Results and Report steps, offered when `branding.json` names the consultancy's
//! e-mail address (`contact_email`): the assessment is saved as a JSON file, then a link opens an e-mail
//! draft (`mailto:`) with a summary and the request to attach the file. The app uploads nothing: the
//! user attaches and sends the file themselves. The summary and address are the domain's
//! (`domain::handover`).

use crate::domain::handover::{mailto, subject, summary_text};
use crate::domain::storage::to_json;
use crate::ui::download::{download, file_stem};
use crate::ui::state::{view_memo, AppState, StepState};
use leptos::prelude::*;

/// The "Send to NAME" button and, once the file is saved, the link that opens the e-mail draft. Nothing
/// when the deployment names no contact address.
#[component]
pub fn SendTo() -> impl IntoView {
    let state = AppState::get();
    let step = StepState::get();
    let branding = view_memo(move || state.branding.get());
    // The mailto: address of the draft, once the file is saved.
    let draft = RwSignal::new(None::<String>);
    let send = move |_| {
        let address = branding.with_untracked(|b| b.contact_email.clone());
        let file_name = state.assessment.with_untracked(|a| format!("{}.json", file_stem(&a.name)));
        if let Err(problem) = download(&file_name, "application/json", &state.assessment.with_untracked(to_json)) {
            state.error(&problem);
            return;
        }
        let url = state.assessment.with_untracked(|a| {
            step.scorecard.with_untracked(|card| {
                step.roadmap.with_untracked(|roadmap| {
                    mailto(&address, &subject(a), &summary_text(a, card, roadmap, &file_name))
                })
            })
        });
        draft.set(Some(url));
    };
    let name = move || {
        branding
            .with(|b| if b.name.trim().is_empty() { "the consultancy".to_string() } else { b.name.trim().to_string() })
    };
    view! {
        <Show when=move || branding.with(|b| !b.contact_email.is_empty())>
            <div class="send-to no-print" role="group" aria-label="Send the results">
                <button type="button" class="button primary" on:click=send>
                    {move || format!("Send to {}", name())}
                </button>
                {move || {
                    draft
                        .get()
                        .map(|url| {
                            view! {
                                <p class="notice" aria-live="polite">
                                    "The assessment file is saved in your downloads. "
                                    <a href=url>"Open the e-mail draft"</a>
                                    ", attach the saved file and send it. Nothing is sent without you."
                                </p>
                            }
                        })
                }}
            </div>
        </Show>
    }
}
