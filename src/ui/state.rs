//! The app-wide state: one assessment signal (the store), derived results, the saved library and the
//! message banner. `AppState::edit` is the only way the assessment changes, and it saves every change.

use crate::domain::history::{HistoryError, ScopeHistory};
use crate::domain::storage::{self, Loaded};
use crate::domain::{roadmap_with, score, AnswerScope, Assessment, Roadmap, Scorecard};
use crate::ui::branding::Branding;
use crate::ui::persist::{self, SaveError, StoredEntry};
use leptos::prelude::*;
use leptos::reactive::graph::{Subscriber, ToAnySubscriber};
use std::time::Duration;

/// The steps of the assessment, each a hash route.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    /// Start: what the tool does, saved assessments, import.
    Start,
    /// Profile: organisation, sector, roles, mode.
    Profile,
    /// Scope: zones, conduits, target levels.
    Scope,
    /// The questionnaire.
    Questionnaire,
    /// Results.
    Results,
    /// Roadmap.
    Roadmap,
    /// Printable report and exports.
    Report,
}

impl Step {
    /// All steps in order.
    pub const ALL: [Step; 7] =
        [Step::Start, Step::Profile, Step::Scope, Step::Questionnaire, Step::Results, Step::Roadmap, Step::Report];

    /// Route slug.
    pub fn slug(self) -> &'static str {
        match self {
            Step::Start => "start",
            Step::Profile => "profile",
            Step::Scope => "scope",
            Step::Questionnaire => "questionnaire",
            Step::Results => "results",
            Step::Roadmap => "roadmap",
            Step::Report => "report",
        }
    }

    /// Title shown in the navigation.
    pub fn title(self) -> &'static str {
        match self {
            Step::Start => "Start",
            Step::Profile => "Profile",
            Step::Scope => "Scope",
            Step::Questionnaire => "Questionnaire",
            Step::Results => "Results",
            Step::Roadmap => "Roadmap",
            Step::Report => "Report",
        }
    }

    /// The hash link, e.g. `#/scope`.
    pub fn href(self) -> String {
        format!("#/{}", self.slug())
    }

    /// Parses a hash such as `#/scope` (anything after a further `/` is ignored).
    pub fn from_hash(hash: &str) -> Option<Step> {
        let slug = hash.trim_start_matches('#').trim_start_matches('/');
        let slug = slug.split('/').next().unwrap_or("");
        Step::ALL.into_iter().find(|s| s.slug() == slug)
    }

    /// The following step.
    pub fn next(self) -> Option<Step> {
        Step::ALL.iter().position(|s| *s == self).and_then(|i| Step::ALL.get(i + 1).copied())
    }

    /// The previous step.
    pub fn previous(self) -> Option<Step> {
        Step::ALL.iter().position(|s| *s == self).and_then(|i| i.checked_sub(1)).map(|i| Step::ALL[i])
    }
}

/// A message shown in the banner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    /// Error (alert) or information (status).
    pub is_error: bool,
    /// The text.
    pub text: String,
}

/// Changes to the open assessment that the browser refused to store. They stay in memory, the save is
/// tried again (every [`RETRY_SECONDS`], at the next change, and when another tab or a deletion frees
/// storage), and the save alert offers them as a download until they are stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unsaved {
    /// Why the last attempt failed.
    pub error: SaveError,
    /// When the first change that is not stored was made (local time, `14:02`).
    pub since: String,
    /// When this tab last stored the assessment (local time), if it did.
    pub last_saved: Option<String>,
    /// When the user last downloaded a copy that holds every change so far (local time).
    pub downloaded: Option<String>,
}

/// How often a refused save is tried again.
pub const RETRY_SECONDS: u64 = 5;

/// One entry of the list of saved assessments.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LibraryEntry {
    /// Assessment id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Organisation.
    pub organisation: String,
    /// Last change (ISO).
    pub updated: String,
    /// Answered and asked questions.
    pub progress: (usize, usize),
    /// Zones.
    pub zones: usize,
}

/// An entry in storage that could not be read: kept untouched and offered for download.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BrokenEntry {
    /// The storage key.
    pub key: String,
    /// What is wrong.
    pub problem: String,
    /// The raw text.
    pub raw: String,
}

/// The app-wide state: a small `Copy` struct of signals, given by [`App`](crate::ui::App) with
/// `provide_context` and read by every step with [`AppState::get`] (`expect_context`).
#[derive(Clone, Copy)]
pub struct AppState {
    /// The open assessment.
    pub assessment: RwSignal<Assessment>,
    /// Undo and redo of scope edits (zones, conduits, products, assets), kept for the session; it clears
    /// itself when another assessment is open.
    pub history: StoredValue<ScopeHistory>,
    /// The labels of the next undo and redo, for the buttons (set after each scope edit, undo and redo).
    pub history_labels: RwSignal<(Option<String>, Option<String>)>,
    /// Whether the open assessment is in storage (a fresh draft is saved on its first change).
    pub stored: RwSignal<bool>,
    /// The current step.
    pub step: RwSignal<Step>,
    /// Saved assessments.
    pub library: RwSignal<Vec<LibraryEntry>>,
    /// Stored entries that could not be read.
    pub broken: RwSignal<Vec<BrokenEntry>>,
    /// Banner message.
    pub message: RwSignal<Option<Message>>,
    /// Changes that could not be stored (shown by the save alert, which stays in view).
    pub unsaved: RwSignal<Option<Unsaved>>,
    /// Whether changes that could not be stored have been stored since (the save alert says so).
    pub saved_again: RwSignal<bool>,
    /// The questions (where answered, and id) changed while the browser refused to store changes: their
    /// cards say "not saved yet" until the changes are stored.
    pub not_stored: RwSignal<Vec<(AnswerScope, String)>>,
    /// When this tab last stored the assessment (local time).
    last_saved: StoredValue<Option<String>>,
    /// The timer that tries a refused save again, while one runs.
    retry: StoredValue<Option<IntervalHandle>>,
    /// The deployment's `branding.json` (neutral until it arrives).
    pub branding: RwSignal<Branding>,
}

/// A memo owned by the current view that leaves the subscriber lists of what it read when the view is
/// cleaned up.
///
/// reactive_graph 0.2 (Leptos 0.8) never removes a dropped memo or effect from the subscriber list of a
/// signal or memo it read: each entry keeps the subscriber's allocation, so every view that reads the
/// app's long-lived signals directly leaves a few hundred bytes behind when it goes (docs/memory.md; fixed
/// upstream in reactive_graph 0.3). Views therefore read long-lived state through these memos, which
/// unsubscribe themselves; everything else in the view subscribes to them and goes with them.
pub fn view_memo<T>(f: impl Fn() -> T + Send + Sync + 'static) -> Memo<T>
where
    T: PartialEq + Send + Sync + 'static,
{
    let memo = ArcMemo::new(move |_| f());
    let leaving = memo.clone();
    on_cleanup(move || leaving.clear_sources(&leaving.to_any_subscriber()));
    Memo::from(memo)
}

/// The open assessment as a view reads it: tracked through the view's own revision counter (see
/// [`view_memo`]), so the view subscribes to the app-wide signal once, not once per field.
#[derive(Clone, Copy)]
pub struct Tracked {
    signal: RwSignal<Assessment>,
    revision: Memo<u64>,
}

impl Tracked {
    fn new(signal: RwSignal<Assessment>) -> Tracked {
        let counter = std::sync::atomic::AtomicU64::new(0);
        let revision = view_memo(move || {
            signal.track();
            counter.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
        });
        Tracked { signal, revision }
    }

    /// Reads the assessment and follows its changes (in a reactive context).
    pub fn with<T>(&self, f: impl FnOnce(&Assessment) -> T) -> T {
        // `get`, not `track`: tracking alone would not bring the counter up to date.
        self.revision.get();
        self.signal.with_untracked(f)
    }

    /// Follows the assessment's changes without reading it.
    pub fn track(&self) {
        self.revision.get();
    }

    /// Reads the assessment without following it.
    pub fn with_untracked<T>(&self, f: impl FnOnce(&Assessment) -> T) -> T {
        self.signal.with_untracked(f)
    }

    /// A copy of the assessment, not followed.
    pub fn get_untracked(&self) -> Assessment {
        self.signal.get_untracked()
    }
}

/// What a step's view reads of the app's state, through memos owned by the step (see [`view_memo`]):
/// the assessment, whether it is stored, and what is derived from it, the scorecard and the roadmap
/// (computed when first read and again after each change). [`App`](crate::ui::App) gives each step its
/// own through context; parts of the step read it with [`StepState::get`].
#[derive(Clone, Copy)]
pub struct StepState {
    /// The open assessment.
    pub assessment: Tracked,
    /// Whether the open assessment is in storage.
    pub stored: Memo<bool>,
    /// Whether an assessment is open (saved, or a draft with zones).
    pub has_assessment: Memo<bool>,
    /// All results.
    pub scorecard: Memo<Scorecard>,
    /// The roadmap.
    pub roadmap: Memo<Roadmap>,
}

impl StepState {
    /// The memos of a new step view, owned by the current reactive owner.
    pub fn new(state: AppState) -> StepState {
        let assessment = Tracked::new(state.assessment);
        let stored = view_memo(move || state.stored.get());
        let has_assessment = Memo::new(move |_| stored.get() || assessment.with(|a| !a.zones.is_empty()));
        let scorecard = Memo::new(move |_| assessment.with(score));
        let roadmap = Memo::new(move |_| scorecard.with(|s| assessment.with(|a| roadmap_with(a, &s.zones))));
        StepState { assessment, stored, has_assessment, scorecard, roadmap }
    }

    /// The current step's state.
    pub fn get() -> StepState {
        expect_context::<StepState>()
    }

    /// The zones' ids and names, in order, for a list to choose a zone from. One function for every such
    /// list (questionnaire, conduits, inventory import), so the memo is compiled once, not once per list.
    pub fn zone_choices(self) -> Memo<Vec<(String, String)>> {
        let a = self.assessment;
        Memo::new(move |_| a.with(|a| a.zones.iter().map(|z| (z.id.clone(), z.name.clone())).collect::<Vec<_>>()))
    }
}

/// The local time of day, `14:02`, to say when something was saved.
pub fn local_time() -> String {
    let now = js_sys::Date::new_0();
    format!("{:02}:{:02}", now.get_hours(), now.get_minutes())
}

/// The current time as ISO 8601.
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// A new random-enough id for an assessment.
pub fn new_assessment_id() -> String {
    let t = js_sys::Date::now() as u64;
    let r = (js_sys::Math::random() * 1e9) as u64;
    format!("a{t:x}{r:x}")
}

fn summary(a: &Assessment) -> LibraryEntry {
    LibraryEntry {
        id: a.id.clone(),
        name: a.name.clone(),
        organisation: a.profile.organisation.clone(),
        updated: a.updated.clone(),
        progress: a.progress(),
        zones: a.zones.len(),
    }
}

/// A fresh, unsaved assessment.
pub fn draft() -> Assessment {
    let now = now_iso();
    let date = now.get(..10).unwrap_or("").to_string();
    Assessment::new(&new_assessment_id(), &format!("Assessment {date}"), &now)
}

impl AppState {
    /// Reads storage and opens the assessment used last (or a fresh draft).
    pub fn load() -> AppState {
        let entries = persist::load_all();
        let (mut readable, broken) = split_entries(entries);
        let current_id = persist::read(persist::CURRENT_KEY);
        let mut notices = Vec::new();
        let open = current_id
            .and_then(|id| readable.iter().position(|l| l.assessment.id == id))
            .or_else(|| {
                // Otherwise the most recently changed one.
                readable
                    .iter()
                    .enumerate()
                    .max_by(|a, b| a.1.assessment.updated.cmp(&b.1.assessment.updated))
                    .map(|(i, _)| i)
            })
            .map(|i| {
                let Loaded { assessment, notices: n } = readable[i].clone();
                notices = n;
                assessment
            });
        let stored = open.is_some();
        let assessment = RwSignal::new(open.unwrap_or_else(draft));
        readable.sort_by(|a, b| b.assessment.updated.cmp(&a.assessment.updated));
        let library = RwSignal::new(readable.iter().map(|l| summary(&l.assessment)).collect());
        let message = if !broken.is_empty() {
            Some(Message {
                is_error: true,
                text: format!(
                    "{} saved assessment(s) could not be read. They are kept untouched: see Start to download or remove them.",
                    broken.len()
                ),
            })
        } else if !persist::available() {
            Some(Message { is_error: true, text: SaveError::Unavailable.message() })
        } else {
            (!notices.is_empty()).then(|| Message { is_error: false, text: notices.join(" ") })
        };
        AppState {
            assessment,
            stored: RwSignal::new(stored),
            step: RwSignal::new(Step::Start),
            library,
            broken: RwSignal::new(broken),
            message: RwSignal::new(message),
            unsaved: RwSignal::new(None),
            history: StoredValue::new(ScopeHistory::default()),
            history_labels: RwSignal::new((None, None)),
            saved_again: RwSignal::new(false),
            not_stored: RwSignal::new(Vec::new()),
            last_saved: StoredValue::new(None),
            retry: StoredValue::new(None),
            branding: crate::ui::branding::load_branding(),
        }
    }

    /// The app's state, given by [`App`](crate::ui::App).
    pub fn get() -> AppState {
        expect_context::<AppState>()
    }

    /// Changes the open assessment and saves it.
    pub fn edit(&self, change: impl FnOnce(&mut Assessment)) {
        self.assessment.update(|a| {
            change(a);
            a.updated = now_iso();
        });
        self.save();
    }

    /// Changes the scope (zones, conduits, products, assets) as [`AppState::edit`] does, and records the
    /// change for undo under `label`; edits with the same `key` in a row (the keys typed into one field)
    /// are one step.
    pub fn edit_scope(&self, label: &str, key: Option<&str>, change: impl FnOnce(&mut Assessment)) {
        let history = self.history;
        self.assessment.update(|a| {
            history.update_value(|h| match key {
                Some(key) => h.record_typing(a, label, key, change),
                None => h.record(a, label, change),
            });
            a.updated = now_iso();
        });
        self.refresh_history();
        self.save();
    }

    /// Undoes (`redo` false) or redoes the last scope edit and says so, or says why it could not.
    pub fn undo_scope(&self, redo: bool) {
        let history = self.history;
        let mut result = Err(HistoryError::Nothing);
        self.assessment.update(|a| {
            history.update_value(|h| result = if redo { h.redo(a) } else { h.undo(a) });
            if result.is_ok() {
                a.updated = now_iso();
            }
        });
        self.refresh_history();
        match result {
            Ok(label) => {
                self.save();
                self.info(&format!("{}: {label}.", if redo { "Redone" } else { "Undone" }));
            }
            Err(e) => self.error(e.message()),
        }
    }

    fn refresh_history(&self) {
        let labels =
            self.history.with_value(|h| (h.undo_label().map(str::to_string), h.redo_label().map(str::to_string)));
        if self.history_labels.with_untracked(|l| *l != labels) {
            self.history_labels.set(labels);
        }
    }

    /// Records where the user is (the step, the questionnaire's section and zone) in the open assessment,
    /// without counting it as a change (`updated` stays and views are not notified), and saves it when the
    /// assessment is stored and `change` changed something.
    pub fn remember(&self, change: impl FnOnce(&mut Assessment) -> bool) {
        let mut changed = false;
        self.assessment.update_untracked(|a| changed = change(a));
        if changed && self.stored.get_untracked() {
            self.save();
        }
    }

    /// Saves the open assessment now and refreshes the library entry. When the browser refuses, the
    /// change stays in memory and is noted in [`AppState::unsaved`] (the save alert), and the save is
    /// tried again every [`RETRY_SECONDS`] until it succeeds.
    pub fn save(&self) {
        let result = self.assessment.with_untracked(persist::save);
        match result {
            Ok(()) => {
                if !self.stored.get_untracked() {
                    self.stored.set(true);
                    let id = self.assessment.with_untracked(|a| a.id.clone());
                    let _ = persist::write(persist::CURRENT_KEY, &id);
                }
                self.last_saved.set_value(Some(local_time()));
                if self.unsaved.with_untracked(Option::is_some) {
                    self.unsaved.set(None);
                    self.not_stored.set(Vec::new());
                    self.saved_again.set(true);
                    self.stop_retrying();
                    let saved_again = self.saved_again;
                    set_timeout(move || saved_again.set(false), Duration::from_secs(10));
                }
                let entry = self.assessment.with_untracked(summary);
                self.library.update(|lib| {
                    lib.retain(|e| e.id != entry.id);
                    lib.insert(0, entry);
                });
            }
            Err(error) => {
                let retry = matches!(error, SaveError::Refused(_));
                let unsaved = Unsaved {
                    since: self
                        .unsaved
                        .with_untracked(|u| u.as_ref().map(|u| u.since.clone()))
                        .unwrap_or_else(local_time),
                    last_saved: self.last_saved.get_value(),
                    // A retry changes nothing, so a copy downloaded before it still holds every change.
                    downloaded: self.unsaved.with_untracked(|u| u.as_ref().and_then(|u| u.downloaded.clone())),
                    error,
                };
                // Set only when it differs, so that the alert is not rebuilt (and announced again) by each retry.
                if self.unsaved.with_untracked(|u| u.as_ref() != Some(&unsaved)) {
                    self.unsaved.set(Some(unsaved));
                }
                self.saved_again.set(false);
                if retry {
                    self.keep_retrying();
                }
            }
        }
    }

    /// Notes, after an edit of the answer to `item` where it is answered, that the browser refused to store
    /// it (nothing to do when the save went through).
    pub fn note_not_stored(&self, scope: &AnswerScope, item: &str) {
        if self.unsaved.with_untracked(Option::is_none) {
            return;
        }
        let key = (scope.clone(), item.to_string());
        if !self.not_stored.with_untracked(|set| set.contains(&key)) {
            self.not_stored.update(|set| set.push(key));
        }
    }

    /// Tries again to store changes the browser refused (nothing to do when there are none).
    pub fn retry_save(&self) {
        if self.unsaved.with_untracked(Option::is_some) {
            self.save();
        }
    }

    fn keep_retrying(&self) {
        if self.retry.with_value(Option::is_some) {
            return;
        }
        let state = *self;
        let timer = set_interval_with_handle(move || state.retry_save(), Duration::from_secs(RETRY_SECONDS));
        if let Ok(handle) = timer {
            self.retry.set_value(Some(handle));
        }
    }

    fn stop_retrying(&self) {
        self.retry.update_value(|timer| {
            if let Some(handle) = timer.take() {
                handle.clear();
            }
        });
    }

    /// Notes that the user downloaded a copy holding every change so far.
    pub fn downloaded_unsaved(&self) {
        if self.unsaved.with_untracked(Option::is_some) {
            self.unsaved.update(|u| {
                if let Some(u) = u {
                    u.downloaded = Some(local_time());
                }
            });
        }
    }

    /// Whether the open assessment may be replaced by another one. Not while it has changes the browser
    /// refused to store that the user has not downloaded: they exist only in this tab.
    fn may_replace(&self) -> bool {
        self.retry_save();
        let keep = self.unsaved.with_untracked(|u| u.as_ref().is_some_and(|u| u.downloaded.is_none()));
        if keep {
            let name = self.assessment.with_untracked(|a| a.name.clone());
            self.error(&format!(
                "\"{name}\" has changes that this browser could not store. Download a copy first (the button is in the alert at the bottom of the page) or free some storage, then try again."
            ));
        }
        !keep
    }

    /// Forgets changes that could not be stored (the user deleted the assessment they belong to).
    fn drop_unsaved(&self) {
        self.stop_retrying();
        self.unsaved.set(None);
        self.not_stored.set(Vec::new());
        self.saved_again.set(false);
    }

    /// Opens a saved assessment (not while the open one has changes that exist only in this tab).
    pub fn open(&self, id: &str) {
        if self.assessment.with_untracked(|a| a.id != id) && !self.may_replace() {
            return;
        }
        let Some(text) = persist::read(&format!("{}{id}", persist::ASSESSMENT_PREFIX)) else {
            self.error("That assessment is no longer in this browser's storage.");
            return;
        };
        match storage::from_json(&text) {
            Ok(loaded) => {
                self.assessment.set(loaded.assessment);
                self.stored.set(true);
                let _ = persist::write(persist::CURRENT_KEY, id);
                if loaded.notices.is_empty() {
                    self.message.set(None);
                } else {
                    self.info(&loaded.notices.join(" "));
                }
            }
            Err(e) => self.error(&format!("That assessment could not be read: {e}")),
        }
    }

    /// Starts a new assessment (saved at once so it appears in the list), not while the open one has changes
    /// that exist only in this tab. Returns whether it started.
    pub fn start_new(&self, name: &str) -> bool {
        if !self.may_replace() {
            return false;
        }
        self.drop_unsaved();
        let mut fresh = draft();
        if !name.trim().is_empty() {
            fresh.name = name.trim().to_string();
        }
        self.assessment.set(fresh);
        self.stored.set(false);
        self.message.set(None);
        self.save();
        true
    }

    /// The open assessment was deleted: a fresh draft takes its place, and its changes that could not be
    /// stored are forgotten with it.
    pub fn deleted_open(&self) {
        self.drop_unsaved();
        self.assessment.set(draft());
        self.stored.set(false);
        let _ = persist::remove(persist::CURRENT_KEY);
    }

    /// Shows an error banner.
    pub fn error(&self, text: &str) {
        self.message.set(Some(Message { is_error: true, text: text.to_string() }));
    }

    /// Shows an information banner.
    pub fn info(&self, text: &str) {
        self.message.set(Some(Message { is_error: false, text: text.to_string() }));
    }

    /// Another tab changed local storage: reflect a change to the open assessment here, so that no update
    /// is lost silently, and keep the list of saved assessments current.
    pub fn on_storage_event(&self, key: Option<String>, new_value: Option<String>) {
        if self.unsaved.with_untracked(Option::is_some) {
            // Another tab may have freed storage: try again. Changes this tab could not store are never
            // replaced by what another tab stored; once stored, they are the latest version.
            self.retry_save();
            self.refresh_library();
            return;
        }
        let Some(key) = key else {
            // The other tab cleared all storage.
            self.refresh_library();
            if self.stored.get_untracked() {
                self.stored.set(false);
                self.error("Another tab cleared this browser's saved data. Your next change saves this assessment again; export it to be safe.");
            }
            return;
        };
        let Some(id) = key.strip_prefix(persist::ASSESSMENT_PREFIX) else { return };
        self.refresh_library();
        let is_open = self.assessment.with_untracked(|a| a.id == id) && self.stored.get_untracked();
        if !is_open {
            return;
        }
        match new_value.map(|text| storage::from_json(&text)) {
            Some(Ok(loaded)) => {
                // Moving around in the other tab (step, section) is not news here.
                if self.assessment.with_untracked(|a| !a.same_work(&loaded.assessment)) {
                    self.assessment.set(loaded.assessment);
                    self.info("This assessment was changed in another tab or window; the latest version is shown.");
                }
            }
            Some(Err(e)) => self.error(&format!(
                "Another tab saved this assessment in a form this tab cannot read ({e}). Reload the page before continuing, so no change is lost."
            )),
            None => {
                self.stored.set(false);
                self.error("This assessment was deleted in another tab. It is still shown here: your next change saves it again, or export it now.");
            }
        }
    }

    /// Re-reads the library from storage (after delete, duplicate, import), and tries again to store
    /// changes the browser refused: a deletion may have made room.
    pub fn refresh_library(&self) {
        self.retry_save();
        let (mut readable, broken) = split_entries(persist::load_all());
        readable.sort_by(|a, b| b.assessment.updated.cmp(&a.assessment.updated));
        self.library.set(readable.iter().map(|l| summary(&l.assessment)).collect());
        self.broken.set(broken);
    }
}

fn split_entries(entries: Vec<StoredEntry>) -> (Vec<Loaded>, Vec<BrokenEntry>) {
    let mut readable = Vec::new();
    let mut broken = Vec::new();
    for e in entries {
        match e.parsed {
            Ok(l) => readable.push(l),
            Err(err) => broken.push(BrokenEntry { key: e.key, problem: err.to_string(), raw: e.raw }),
        }
    }
    (readable, broken)
}
