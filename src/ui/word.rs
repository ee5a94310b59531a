//! The exports made on demand: the Word (.docx) report, the map as a draw.io file and the read-only share
//! link. Their writers are not part of the app's download: they are a second WebAssembly module run as a
//! Web Worker from this origin (`src/docx_worker.rs`), started when the user asks for one of them and
//! stopped when it has answered. The service worker caches it like every other built file, so these
//! exports work offline too.
//!
//! The worker receives the assessment in its saved format ([`WorkerRequest`]) and builds the report, the
//! map or the link itself (with the same functions as the app), so the app needs no serialiser of the
//! report's model. The report's charts are drawn as PNG pictures here, on the page, from the SVGs the
//! report shows ([`crate::ui::raster`]); the worker cannot draw.

use crate::domain::export::{DocxRequest, Picture, WorkerRequest};
use crate::ui::raster::{image_to_png, svg_element_to_png};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The charts as the report on the page draws them, in document order (the order of
/// [`crate::domain::export::chart_blocks`], which the worker checks the number against).
const CHART_SELECTOR: &str =
    ".report-document figure.radar > svg, .report-document svg.bars, .report-document .zone-map-canvas > svg";

/// Writes the report that `request` describes as a Word file and returns its bytes, or a sentence saying
/// what went wrong. The pictures of the charts shown on the page, and of the logo of `request.branding`,
/// are added here.
pub async fn word_file(mut request: DocxRequest) -> Result<Vec<u8>, String> {
    request.charts = chart_pictures().await;
    if !request.branding.logo.is_empty() {
        request.logo = image_to_png(&request.branding.logo, None).await.ok().map(|(png, width, height)| Picture {
            png,
            width,
            height,
        });
    }
    ask_worker(&WorkerRequest::Word(request)).await.map_err(|failure| match failure {
        Failure::Missing => "The Word exporter is missing from this build of the app.".to_string(),
        Failure::Failed(reason) => format!(
            "The Word file could not be written: {reason}. Reload the page and try again; the Markdown export and printing still work."
        ),
    })
}

/// The map of zones and conduits of `assessment` (in the saved format) as a draw.io file (its XML), or a
/// sentence saying what went wrong.
pub async fn drawio_file(assessment: String) -> Result<Vec<u8>, String> {
    ask_worker(&WorkerRequest::Drawio { assessment }).await.map_err(|failure| match failure {
        Failure::Missing => {
            "The draw.io exporter is missing from this build of the app. Download the SVG instead.".to_string()
        }
        Failure::Failed(reason) => format!(
            "The draw.io file could not be written: {reason}. Reload the page and try again, or download the SVG instead."
        ),
    })
}

/// A read-only share link's fragment for `assessment` (in the saved format), or a sentence saying what went
/// wrong.
pub async fn share_fragment(assessment: String, with_notes: bool) -> Result<String, String> {
    let bytes = ask_worker(&WorkerRequest::ShareLink { assessment, with_notes }).await;
    let text = bytes.and_then(|b| {
        String::from_utf8(b).map_err(|_| Failure::Failed("the exporter gave an unexpected answer".to_string()))
    });
    text.map_err(|failure| match failure {
        Failure::Missing => "The link maker is missing from this build of the app. Send the assessment file (Export JSON) instead.".to_string(),
        Failure::Failed(reason) => format!(
            "The link could not be made: {reason}. Reload the page and try again, or send the assessment file (Export JSON) instead."
        ),
    })
}

/// Why the worker gave no answer.
enum Failure {
    /// This build of the app names no worker (`<meta name="docx-worker">`).
    Missing,
    /// It could not be started, or it answered with this reason (lower case, no full stop: the callers
    /// embed it in their sentence).
    Failed(String),
}

/// Sends `request` to a worker started for it and returns its answer.
async fn ask_worker(request: &WorkerRequest) -> Result<Vec<u8>, Failure> {
    // The pretty writer: the one the saved format already uses, so the app links no second one.
    let mut json = Vec::new();
    serde_json::to_writer_pretty(&mut json, request)
        .map_err(|e| Failure::Failed(format!("the request could not be prepared ({e})")))?;
    let json = String::from_utf8(json).map_err(|_| Failure::Failed("the request could not be prepared".to_string()))?;
    let url = worker_url().ok_or(Failure::Missing)?;
    run_worker(&url, &json).await.map_err(Failure::Failed)
}

/// A picture of each chart the page shows; `None` for one that could not be drawn.
async fn chart_pictures() -> Vec<Option<Picture>> {
    let Some(list) =
        web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector_all(CHART_SELECTOR).ok())
    else {
        return Vec::new();
    };
    let mut pictures = Vec::new();
    for i in 0..list.length() {
        let picture = match list.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
            Some(svg) => svg_element_to_png(&svg).await.ok().map(|(png, width, height)| Picture { png, width, height }),
            None => None,
        };
        pictures.push(picture);
    }
    pictures
}

/// The address of the worker's loader module, which the build writes into the page
/// (`<meta name="docx-worker">`, scripts/post-build.mjs).
fn worker_url() -> Option<String> {
    let document = web_sys::window()?.document()?;
    let meta = document.query_selector("meta[name=docx-worker]").ok()??;
    meta.get_attribute("content").filter(|url| !url.is_empty())
}

/// Starts the worker at `url`, waits until it listens, sends the request, and returns its answer, or a
/// reason (lower case, no full stop: the callers embed it in their sentence).
/// How long the worker may take, from its start to its answer: loading it (from the cache) and writing a
/// full report take a few seconds; a worker that never answers must not leave the button busy for ever.
const WORKER_TIMEOUT_MS: i32 = 60_000;

async fn run_worker(url: &str, json: &str) -> Result<Vec<u8>, String> {
    let options = web_sys::WorkerOptions::new();
    options.set_type(web_sys::WorkerType::Module);
    let worker = web_sys::Worker::new_with_options(url, &options)
        .map_err(|_| "the exporter could not be started".to_string())?;
    let request = JsValue::from_str(json);
    let sender = worker.clone();
    // Kept alive until the answer has arrived, then dropped with the worker.
    let mut handlers: Vec<Closure<dyn FnMut(web_sys::Event)>> = Vec::new();
    let mut timer = None;
    let answer = js_sys::Promise::new(&mut |resolve, reject| {
        let on_message = Closure::<dyn FnMut(web_sys::Event)>::new({
            let reject = reject.clone();
            let sender = sender.clone();
            let request = request.clone();
            move |event: web_sys::Event| {
                let Ok(event) = event.dyn_into::<web_sys::MessageEvent>() else { return };
                let data = event.data();
                match data.as_string().as_deref() {
                    Some("ready") => {
                        if sender.post_message(&request).is_err() {
                            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str("the request could not be sent"));
                        }
                    }
                    Some(error) => {
                        let _ = reject.call1(&JsValue::NULL, &JsValue::from_str(error));
                    }
                    None => {
                        let _ = resolve.call1(&JsValue::NULL, &data);
                    }
                }
            }
        });
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new({
            let reject = reject.clone();
            move |_event: web_sys::Event| {
                let _ = reject.call1(&JsValue::NULL, &JsValue::from_str("the exporter could not be loaded"));
            }
        });
        let on_timeout = Closure::<dyn FnMut(web_sys::Event)>::new(move |_event: web_sys::Event| {
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str("the exporter did not answer within a minute"));
        });
        timer = web_sys::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(
                on_timeout.as_ref().unchecked_ref(),
                WORKER_TIMEOUT_MS,
            )
            .ok()
        });
        handlers.push(on_timeout);
        sender.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        sender.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        handlers.push(on_message);
        handlers.push(on_error);
    });
    let result = JsFuture::from(answer).await;
    if let (Some(window), Some(timer)) = (web_sys::window(), timer) {
        window.clear_timeout_with_handle(timer);
    }
    worker.terminate();
    drop(handlers);
    match result {
        Ok(bytes) => match bytes.dyn_into::<js_sys::Uint8Array>() {
            Ok(bytes) => Ok(bytes.to_vec()),
            Err(_) => Err("the exporter gave an unexpected answer".to_string()),
        },
        Err(reason) => Err(reason.as_string().unwrap_or_else(|| "unknown error".to_string())),
    }
}
