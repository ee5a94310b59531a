//! Offline use: registers the service worker (`sw.js`, written at build time) and tells the user when a
//! new version of the tool has been installed.

use crate::ui::state::AppState;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ServiceWorkerRegistration, ServiceWorkerState};

/// Registers the service worker when the page is served over https or from localhost. Failures are
/// silent: the app works the same without it, only not offline.
pub fn register_service_worker(state: AppState) {
    let Some(window) = web_sys::window() else { return };
    if !window.is_secure_context() {
        return;
    }
    let container = window.navigator().service_worker();
    // An update is only news when an older version already controls this page.
    let had_controller = container.controller().is_some();
    let promise = container.register("sw.js");
    leptos::task::spawn_local(async move {
        let Ok(registration) = wasm_bindgen_futures::JsFuture::from(promise).await else { return };
        // Some automation environments resolve the promise with nothing: leave offline support off then.
        let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>() else { return };
        let reg = registration.clone();
        let on_update = Closure::<dyn FnMut()>::new(move || {
            let Some(worker) = reg.installing() else { return };
            let watched = worker.clone();
            let on_state = Closure::<dyn FnMut()>::new(move || {
                if had_controller && watched.state() == ServiceWorkerState::Activated {
                    state.info(
                        "A new version of this tool has been installed. It is used from the next time you open the tool, or now if you reload the page. Your saved assessments are not affected.",
                    );
                }
            });
            worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        registration.set_onupdatefound(Some(on_update.as_ref().unchecked_ref()));
        on_update.forget();
    });
}
