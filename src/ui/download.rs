//! Saving a text as a file the user downloads (exports, raw copies of unreadable data), and taking the
//! file the user chose in a file input (imports).

use wasm_bindgen::JsCast;

/// Offers `text` as a download named `file_name`. Returns a sentence on failure.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    download_part(file_name, mime, &wasm_bindgen::JsValue::from_str(text))
        .map_err(|what| format!("The download could not be prepared ({what}). Copy the text instead."))
}

/// Offers `bytes` (a binary file) as a download named `file_name`. Returns a sentence on failure.
pub fn download_bytes(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    download_part(file_name, mime, &js_sys::Uint8Array::from(bytes))
        .map_err(|what| format!("The download could not be prepared ({what})."))
}

/// A download of one part (a string or bytes); fails with what could not be made.
fn download_part(file_name: &str, mime: &str, part: &wasm_bindgen::JsValue) -> Result<(), &'static str> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let parts = js_sys::Array::of1(part);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_buffer_source_sequence_and_options(&parts, &options).map_err(|_| "blob")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "url")?;
    let anchor = document
        .create_element("a")
        .map_err(|_| "link")?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| "link")?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// A file-name-safe version of a name.
pub fn file_stem(name: &str) -> String {
    let stem: String = name
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' { c.to_ascii_lowercase() } else { '-' })
        .collect();
    let stem = stem.split('-').filter(|s| !s.is_empty()).collect::<Vec<_>>().join("-");
    if stem.is_empty() {
        "assessment".to_string()
    } else {
        stem.chars().take(60).collect()
    }
}

/// The file chosen in the `<input type="file">` an event came from; the input is emptied, so that
/// choosing the same file again (after fixing it) fires the event again.
pub fn chosen_file(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    let input = ev.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    let file = input.files()?.get(0)?;
    input.set_value("");
    Some(file)
}
