//! Read-only share links: making one on the Results step ([`ShareLinkPanel`]) and opening one
//! ([`SharedView`], shown instead of the steps when the address is `#/shared/…`). The packing and its
//! checks are the domain's (`domain::share`); the fragment never leaves the browser, and an opened link
//! is shown only, never saved.

use crate::domain::share::{open_link, ShareLink, MAX_SHARE_CHARS, SHARE_PREFIX};
use crate::domain::storage::to_json;
use crate::domain::{report_document, roadmap_with, score, ReportBranding, ReportLength};
use crate::ui::document::DocumentView;
use crate::ui::state::AppState;
use crate::ui::word::share_fragment;
use crate::ui::zone_map::MapAssessment;
use leptos::prelude::*;

/// Whether the address bar holds a share link.
pub fn is_share_address() -> bool {
    web_sys::window().and_then(|w| w.location().hash().ok()).is_some_and(|hash| hash.starts_with(SHARE_PREFIX))
}

/// The Results step's "Share a read-only link": the link with its size, or the advice to send the file
/// when it is too long.
#[component]
pub fn ShareLinkPanel() -> impl IntoView {
    let state = AppState::get();
    let with_notes = RwSignal::new(false);
    // (full address, size text, too long)
    let link = RwSignal::new(None::<(String, String, bool)>);
    // The link is packed by the export worker, loaded now, not with the app (crate::ui::word).
    let making = RwSignal::new(false);
    let error = RwSignal::new(String::new());
    let make = move |_| {
        if making.get_untracked() {
            return;
        }
        let notes = with_notes.get_untracked();
        let assessment = state.assessment.with_untracked(to_json);
        making.set(true);
        error.set(String::new());
        leptos::task::spawn_local(async move {
            let made = share_fragment(assessment, notes).await;
            making.set(false);
            match made {
                // A link made for the other choice of notes is not shown.
                Ok(fragment) if with_notes.get_untracked() == notes => {
                    let made = ShareLink { fragment };
                    let location = window().location();
                    let base = format!(
                        "{}{}",
                        location.origin().unwrap_or_default(),
                        location.pathname().unwrap_or_else(|_| "/".to_string())
                    );
                    link.set(Some((format!("{base}{}", made.fragment), made.size_text(), made.too_long())));
                }
                Ok(_) => {}
                Err(e) => error.set(e),
            }
        });
    };
    view! {
        <section class="share-panel card no-print" aria-labelledby="share-title">
            <h2 id="share-title">"Share a read-only link"</h2>
            <p class="hint">
                "The link carries the results inside its address (after the #, which browsers never send to a server). Whoever opens it sees the scorecard and roadmap, and can change nothing."
            </p>
            <div class="inline-form">
                <label>
                    <input
                        type="checkbox"
                        prop:checked=move || with_notes.get()
                        on:change=move |ev| {
                            with_notes.set(event_target_checked(&ev));
                            link.set(None);
                        }
                    />
                    " Include notes, justifications and evidence"
                </label>
                <button type="button" class="button secondary" on:click=make aria-disabled=move || making.get().to_string()>
                    {move || if making.get() { "Creating the link…" } else { "Create the link" }}
                </button>
            </div>
            {move || error.with(|e| (!e.is_empty()).then(|| view! { <p class="field-error" role="alert">{e.clone()}</p> }))}
            {move || {
                link.get()
                    .map(|(url, size, too_long)| {
                        if too_long {
                            view! {
                                <p class="notice" aria-live="polite">
                                    {format!(
                                        "This link would be {size}, longer than the {MAX_SHARE_CHARS} characters that mail and chat programs pass on intact. Send the assessment file (Export JSON) instead."
                                    )}
                                </p>
                            }
                                .into_any()
                        } else {
                            view! {
                                <div class="field">
                                    <label for="share-link">{format!("Read-only link ({size})")}</label>
                                    <input id="share-link" type="text" readonly prop:value=url />
                                </div>
                            }
                                .into_any()
                        }
                    })
            }}
        </section>
    }
}

/// An opened share link: the report of the shared assessment, read-only, or why it cannot be shown.
#[component]
pub fn SharedView() -> impl IntoView {
    let hash = window().location().hash().unwrap_or_default();
    let opened = open_link(&hash).map(|loaded| {
        let a = loaded.assessment;
        // The draw.io download of its map is built from this assessment, not the app's.
        provide_context(MapAssessment(StoredValue::new(to_json(&a))));
        let card = score(&a);
        let roadmap = roadmap_with(&a, &card.zones);
        (a.name.clone(), report_document(&a, &card, &roadmap, ReportBranding::default(), ReportLength::Full))
    });
    match opened {
        Ok((name, document)) => view! {
            <section class="step shared" aria-labelledby="shared-title">
                <h1 id="shared-title" tabindex="-1">"Shared results (read-only)"</h1>
                <p class="notice">
                    {format!(
                        "You are looking at \"{}\" as it was shared with you. Nothing here is saved in this browser, and nothing can be changed. ",
                        name.trim()
                    )}
                    <a href="#/start">"Open your own assessments"</a>
                </p>
                <DocumentView document=document />
            </section>
        }
        .into_any(),
        Err(problem) => view! {
            <section class="step shared" aria-labelledby="shared-title">
                <h1 id="shared-title" tabindex="-1">"Shared results"</h1>
                <p class="field-error" role="alert">{problem.to_string()}</p>
                <p><a href="#/start">"Open your own assessments"</a></p>
            </section>
        }
        .into_any(),
    }
}
