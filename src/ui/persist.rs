//! Local storage access. Every call is fallible: storage may be disabled, full or hold foreign data, and
//! none of that may crash the app or lose what is already saved.

use crate::domain::storage::{self, ImportError, Loaded};
use crate::domain::Assessment;

/// Key prefix of saved assessments; the id follows.
pub const ASSESSMENT_PREFIX: &str = "iec62443-assess:assessment:";
/// Key of the id of the assessment open last.
pub const CURRENT_KEY: &str = "iec62443-assess:current";

/// Why something could not be written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// The browser gives no local storage (private mode, policy, file://).
    Unavailable,
    /// The browser refused the write, usually because the storage quota is full.
    Refused(String),
}

impl SaveError {
    /// A sentence the user can act on.
    pub fn message(&self) -> String {
        match self {
            SaveError::Unavailable => "This browser does not allow the app to store data (private browsing or a site setting). Your answers are kept only while this tab is open: export the assessment as JSON to keep it.".to_string(),
            SaveError::Refused(detail) => format!(
                "The browser refused to save the latest change ({detail}). Storage is probably full: export this assessment as JSON, then delete assessments you no longer need. What was saved before is intact."
            ),
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn js_error_text(e: &wasm_bindgen::JsValue) -> String {
    e.as_string()
        .or_else(|| js_sys::Reflect::get(e, &"name".into()).ok().and_then(|v| v.as_string()))
        .unwrap_or_else(|| "unknown error".to_string())
}

/// Reads one key.
pub fn read(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Writes one key. A single `setItem` either replaces the whole value or leaves the old one in place.
pub fn write(key: &str, value: &str) -> Result<(), SaveError> {
    let s = storage().ok_or(SaveError::Unavailable)?;
    s.set_item(key, value).map_err(|e| SaveError::Refused(js_error_text(&e)))
}

/// Removes one key.
pub fn remove(key: &str) -> Result<(), SaveError> {
    let s = storage().ok_or(SaveError::Unavailable)?;
    s.remove_item(key).map_err(|e| SaveError::Refused(js_error_text(&e)))
}

/// Saves an assessment under its own key. The text is built in one buffer kept between saves (autosave
/// runs on every change; see `storage::to_json_into`).
pub fn save(assessment: &Assessment) -> Result<(), SaveError> {
    thread_local! {
        static BUFFER: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    BUFFER.with(|buffer| {
        let mut text = buffer.borrow_mut();
        storage::to_json_into(assessment, &mut text);
        write(&format!("{ASSESSMENT_PREFIX}{}", assessment.id), &text)
    })
}

/// Deletes a saved assessment.
pub fn delete(id: &str) -> Result<(), SaveError> {
    remove(&format!("{ASSESSMENT_PREFIX}{id}"))
}

/// One saved entry: readable or not, with its raw text kept for download.
#[derive(Clone, Debug)]
pub struct StoredEntry {
    /// The storage key.
    pub key: String,
    /// The parsed assessment, or why it could not be read.
    pub parsed: Result<Loaded, ImportError>,
    /// The raw stored text.
    pub raw: String,
}

/// Reads every saved assessment.
pub fn load_all() -> Vec<StoredEntry> {
    let Some(s) = storage() else { return Vec::new() };
    let count = s.length().unwrap_or(0);
    let mut keys = Vec::new();
    for i in 0..count {
        if let Ok(Some(key)) = s.key(i) {
            if key.starts_with(ASSESSMENT_PREFIX) {
                keys.push(key);
            }
        }
    }
    crate::domain::sorting::sort_by(&mut keys, |a, b| a.cmp(b));
    keys.into_iter()
        .map(|key| {
            let raw = s.get_item(&key).ok().flatten().unwrap_or_default();
            let parsed = storage::from_json(&raw);
            StoredEntry { key, parsed, raw }
        })
        .collect()
}

/// Whether local storage can be used at all.
pub fn available() -> bool {
    storage().is_some()
}
