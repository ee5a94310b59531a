//! The Word exporter as a Web Worker (module worker, started by the Report step on demand: `ui::word`).
//! It says `"ready"` once it listens; then each message is a [`DocxRequest`] as JSON, and each answer is
//! either the `.docx` file's bytes (a `Uint8Array`) or a sentence saying what went wrong (a string).
//!
//! [`DocxRequest`]: iec62443_assess::export::DocxRequest

use iec62443_assess::export::report_docx_from_json;
use wasm_bindgen::prelude::*;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let answer_to = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let answer = match event.data().as_string() {
            Some(json) => match report_docx_from_json(&json) {
                Ok(bytes) => JsValue::from(js_sys::Uint8Array::from(&bytes[..])),
                Err(e) => JsValue::from_str(&e.to_string()),
            },
            None => JsValue::from_str("the report did not arrive as text"),
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
