//! Local storage, through gloo-storage, behind one availability check.
//!
//! Every call is fallible: storage may be disabled (private browsing, a site setting), full or hold
//! foreign data, and none of that may crash the app or lose what is already saved. gloo-storage's
//! `LocalStorage::raw()` panics when the browser gives no storage, so [`available`] probes it once through
//! web-sys and every function here returns early when it is missing.

use crate::domain::storage::{self, ImportError, Loaded};
use crate::domain::Assessment;
use gloo_storage::{errors::StorageError, LocalStorage, Storage};

/// Key prefix of saved assessments; the id follows.
pub const ASSESSMENT_PREFIX: &str = "iec62443-assess:assessment:";
/// Key of the id of the assessment open last (the id as plain text, not JSON).
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

impl From<StorageError> for SaveError {
    fn from(e: StorageError) -> SaveError {
        SaveError::Refused(match e {
            // The exception's name says what happened (`QuotaExceededError`, `SecurityError`).
            StorageError::JsError(js) => js.name,
            other => other.to_string(),
        })
    }
}

/// Whether local storage can be used at all. Probed once through web-sys: reading `window.localStorage`
/// throws when storage is blocked, which gloo-storage would turn into a panic.
pub fn available() -> bool {
    thread_local! {
        static AVAILABLE: bool = web_sys::window().and_then(|w| w.local_storage().ok().flatten()).is_some();
    }
    AVAILABLE.with(|a| *a)
}

/// Reads one key as it is stored (saved assessments are kept as text even when unreadable).
pub fn read(key: &str) -> Option<String> {
    available().then(|| LocalStorage::raw().get_item(key).ok().flatten()).flatten()
}

/// Writes one key as plain text. A single `setItem` either replaces the whole value or leaves the old
/// one in place.
pub fn write(key: &str, value: &str) -> Result<(), SaveError> {
    if !available() {
        return Err(SaveError::Unavailable);
    }
    LocalStorage::raw().set_item(key, value).map_err(|e| SaveError::Refused(js_error_name(&e)))
}

/// The name of a thrown exception (`QuotaExceededError`), or its text.
fn js_error_name(e: &wasm_bindgen::JsValue) -> String {
    e.as_string()
        .or_else(|| js_sys::Reflect::get(e, &"name".into()).ok().and_then(|v| v.as_string()))
        .unwrap_or_else(|| "unknown error".to_string())
}

/// Removes one key.
pub fn remove(key: &str) -> Result<(), SaveError> {
    if !available() {
        return Err(SaveError::Unavailable);
    }
    LocalStorage::delete(key);
    Ok(())
}

/// Saves an assessment under its own key, in the saved format, with one `setItem`.
pub fn save(assessment: &Assessment) -> Result<(), SaveError> {
    if !available() {
        return Err(SaveError::Unavailable);
    }
    LocalStorage::set(format!("{ASSESSMENT_PREFIX}{}", assessment.id), storage::saved(assessment))?;
    Ok(())
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

/// Reads every saved assessment, in key order.
pub fn load_all() -> Vec<StoredEntry> {
    if !available() {
        return Vec::new();
    }
    let raw = LocalStorage::raw();
    let mut keys: Vec<String> = (0..LocalStorage::length())
        .filter_map(|i| raw.key(i).ok().flatten())
        .filter(|key| key.starts_with(ASSESSMENT_PREFIX))
        .collect();
    keys.sort();
    keys.into_iter()
        .map(|key| {
            let text = raw.get_item(&key).ok().flatten().unwrap_or_default();
            let parsed = storage::from_json(&text);
            StoredEntry { key, parsed, raw: text }
        })
        .collect()
}
