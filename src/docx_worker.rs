//! The on-demand exporter as a Web Worker (module worker, started by the app when the user asks for a Word
//! report, the map as a draw.io file or a share link: `ui::word`). It says `"ready"` once it listens; then
//! each message is a [`WorkerRequest`] as JSON, and each answer is either the bytes asked for (a
//! `Uint8Array`) or a sentence saying what went wrong (a string).
//!
//! [`WorkerRequest`]: iec62443_assess::export::WorkerRequest

use iec62443_assess::export::worker_answer_from_json;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let answer_to = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let answer = match event.data().as_string() {
            Some(json) => match worker_answer_from_json(&json) {
                Ok(bytes) => JsValue::from(js_sys::Uint8Array::from(&bytes[..])),
                Err(e) => JsValue::from_str(&e),
            },
            None => JsValue::from_str("the request did not arrive as text"),
        };
        if answer_to.post_message(&answer).is_err() {
            // The page has gone: nobody to tell.
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}
