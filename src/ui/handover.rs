//! "Send to NAME" on the Results and Report steps, offered when `branding.json` names the consultancy's
//! e-mail address (`contact_email`): the assessment is saved as a JSON file, then a link opens an e-mail
//! draft (`mailto:`) with a summary and the request to attach the file. The app uploads nothing: the
//! user attaches and sends the file themselves. Where the browser can share files (the Web Share API),
//! the file is handed to the system's share sheet instead of being downloaded. The summary and address
//! are the domain's (`domain::handover`).

use crate::domain::handover::{mailto, subject, summary_text};
use crate::domain::storage::to_json;
use crate::ui::download::{download, file_stem};
use crate::ui::state::{view_memo, AppState, StepState};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// Hands the file to the Web Share API when the browser has it and can share this file (`canShare`);
/// false when it cannot, so that the caller saves the file instead. A share the user cancels is no error.
fn share_file(file_name: &str, json: &str, title: &str, summary: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let navigator: JsValue = window.navigator().into();
    let method = |name: &str| {
        js_sys::Reflect::get(&navigator, &JsValue::from_str(name))
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    };
    let (Some(can_share), Some(share)) = (method("canShare"), method("share")) else { return false };
    let options = web_sys::FilePropertyBag::new();
    options.set_type("application/json");
    let parts = js_sys::Array::of1(&JsValue::from_str(json));
    let Ok(file) = web_sys::File::new_with_str_sequence_and_options(&parts, file_name, &options) else { return false };
    let data = js_sys::Object::new();
    let set = |key: &str, value: &JsValue| js_sys::Reflect::set(&data, &JsValue::from_str(key), value).is_ok();
    if !(set("files", &js_sys::Array::of1(&file))
        && set("title", &JsValue::from_str(title))
        && set("text", &JsValue::from_str(summary)))
    {
        return false;
    }
    if !can_share.call1(&navigator, &data).is_ok_and(|ok| ok.is_truthy()) {
        return false;
    }
    let Ok(promise) = share.call1(&navigator, &data).and_then(|p| p.dyn_into::<js_sys::Promise>()) else {
        return false;
    };
    leptos::task::spawn_local(async move {
        // The user closing the share sheet rejects the promise: nothing to report.
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    });
    true
}

/// The "Send to NAME" button and, once the file is saved, the link that opens the e-mail draft. Nothing
/// when the deployment names no contact address.
#[component]
pub fn SendTo() -> impl IntoView {
    let state = AppState::get();
    let step = StepState::get();
    let branding = view_memo(move || state.branding.get());
    // The mailto: address of the draft, once the file is saved, and whether it went to the share sheet.
    let draft = RwSignal::new(None::<(String, bool)>);
    let send = move |_| {
        let address = branding.with_untracked(|b| b.contact_email.clone());
        let file_name = state.assessment.with_untracked(|a| format!("{}.json", file_stem(&a.name)));
        let (title, lines) = state.assessment.with_untracked(|a| {
            step.scorecard.with_untracked(|card| {
                step.roadmap.with_untracked(|roadmap| (subject(a), summary_text(a, card, roadmap, &file_name)))
            })
        });
        let json = state.assessment.with_untracked(to_json);
        let shared = share_file(&file_name, &json, &title, &lines.join("\n"));
        if !shared {
            if let Err(problem) = download(&file_name, "application/json", &json) {
                state.error(&problem);
                return;
            }
        }
        draft.set(Some((mailto(&address, &title, &lines), shared)));
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
                        .map(|(url, shared)| {
                            let saved = if shared {
                                "The assessment file went to your device's share menu; choose the mail program there, or "
                            } else {
                                "The assessment file is saved in your downloads. "
                            };
                            view! {
                                <p class="notice" aria-live="polite">
                                    {saved}
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
