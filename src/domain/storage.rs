//! The saved format (local storage and JSON export): versioned, migrated on load, validated on import.
//!
//! Files are read and written by serde_json through the derived `Serialize`/`Deserialize` of the domain
//! types, in serde_json's pretty layout. An import error says what is wrong and where: serde_json's line
//! and column and the field path (from `serde_path_to_error`) for a value of the wrong type, the field path
//! for a rule that types alone cannot express ([`validate`]).

use crate::domain::answers::{Response, MAX_EVIDENCE};
use crate::domain::assessment::{
    name_key, Assessment, Snapshot, MAX_CONDUITS, MAX_NAME_CHARS, MAX_SNAPSHOTS, MAX_TEXT_CHARS, MAX_ZONES,
};
use crate::domain::catalogue::{self, CATALOGUE_VERSION};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::borrow::Cow;
use std::collections::BTreeSet;
use std::fmt;

/// Marks our files, so a random JSON file is recognised as not ours.
pub const FORMAT: &str = "iec62443-assess/assessment";
/// The schema version this build writes. Older versions are migrated on load.
pub const SCHEMA_VERSION: u32 = 5;
/// The largest file import accepts.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;

/// An assessment as saved and exported: the assessment with the versions around it. Written from a
/// borrowed assessment (autosave runs on every change and does not clone it), read into an owned one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedAssessment<'a> {
    /// Always [`FORMAT`].
    pub format: Cow<'a, str>,
    /// The schema version.
    pub schema: u32,
    /// The catalogue version the answers refer to (also inside the assessment).
    pub catalogue_version: Cow<'a, str>,
    /// The assessment.
    pub assessment: Cow<'a, Assessment>,
}

/// Why a file or stored entry was refused, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    /// What is wrong, as a sentence.
    pub problem: String,
    /// Where, when known: a field path (`assessment.zones[1].name`), or a line and column followed by the
    /// field path when there is one (`line 12, column 9, assessment.zones[0].colour`).
    pub location: Option<String>,
}

impl ImportError {
    fn new(problem: impl Into<String>) -> ImportError {
        ImportError { problem: problem.into(), location: None }
    }

    fn at(problem: impl Into<String>, location: impl Into<String>) -> ImportError {
        ImportError { problem: problem.into(), location: Some(location.into()) }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.location {
            Some(loc) => write!(f, "{} (at {loc})", self.problem),
            None => f.write_str(&self.problem),
        }
    }
}

/// A successfully read assessment, with what the reader noticed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loaded {
    /// The assessment, migrated to the current schema.
    pub assessment: Assessment,
    /// Things the user should know (older catalogue, answers to items that no longer exist...).
    pub notices: Vec<String>,
}

/// An assessment wrapped in the saved format (format, schema and catalogue versions), borrowed, ready to
/// serialise with serde (local storage saves it with `gloo-storage`).
pub fn saved(assessment: &Assessment) -> SavedAssessment<'_> {
    SavedAssessment {
        format: Cow::Borrowed(FORMAT),
        schema: SCHEMA_VERSION,
        catalogue_version: Cow::Borrowed(&assessment.catalogue_version),
        assessment: Cow::Borrowed(assessment),
    }
}

/// Serialises an assessment in the saved format (pretty JSON).
pub fn to_json(assessment: &Assessment) -> String {
    let mut text = String::new();
    to_json_into(assessment, &mut text);
    text
}

/// Like [`to_json`], into `text` (cleared first). Autosave runs on every change: it reuses one buffer
/// and writes the assessment in place, instead of cloning it into a [`SavedAssessment`] first.
pub fn to_json_into(assessment: &Assessment, text: &mut String) {
    let saved = saved(assessment);
    let mut bytes = std::mem::take(text).into_bytes();
    bytes.clear();
    // Cannot fail: a `Vec` takes every write, and every map of the format has string keys.
    let _ = serde_json::to_writer_pretty(&mut bytes, &saved);
    // serde_json writes UTF-8 only; the fallback is never taken.
    *text = String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
}

/// Reads an assessment from saved or exported JSON: checks size, syntax, format, schema version, types,
/// ranges, references between parts and text lengths. Never panics.
pub fn from_json(text: &str) -> Result<Loaded, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::new(format!(
            "The file is {} KB; the largest accepted is {} KB. Choose an assessment file exported by this tool.",
            text.len() / 1024,
            MAX_IMPORT_BYTES / 1024
        )));
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        ImportError::at(format!("The file is not valid JSON: {}.", message_of(&e)), line_and_column(&e))
    })?;
    let Some(object) = value.as_object() else {
        return Err(ImportError::new("The file does not contain an assessment (expected a JSON object)."));
    };
    match object.get("format").and_then(Value::as_str) {
        Some(FORMAT) => {}
        _ => {
            return Err(ImportError::at(
                "This is not an assessment file of this tool (its \"format\" is missing or different).",
                "format",
            ))
        }
    }
    let schema = object
        .get("schema")
        .and_then(Value::as_u64)
        .ok_or_else(|| ImportError::at("The schema version is missing or not a whole number.", "schema"))?;
    if schema > u64::from(SCHEMA_VERSION) {
        return Err(ImportError::at(
            format!(
                "The file was written by a newer version of this tool (schema {schema}; this version reads up to {SCHEMA_VERSION}). Open it with the newer version, or update this copy."
            ),
            "schema",
        ));
    }
    if schema == 0 {
        return Err(ImportError::at("Schema version 0 does not exist.", "schema"));
    }
    // Migrations, one step per schema version, each with a fixture under tests/fixtures/ (schema-<n>.json):
    // 1 -> 2 added products and per-product answers, both empty when missing, so a schema-1 file reads as
    // schema 2 as it is. 2 -> 3 let a conduit carry its own target level (`target`, absent when it follows
    // its zones) and IEC 62443-3-3 items take the answer `vendor_to_confirm`; a schema-2 file has neither,
    // so it reads as schema 3 as it is too (older versions refuse schema 3, which they cannot read). Every schema so far is read from the text itself, so that a wrong value is
    // reported with its line and column (a `Value` has none). A later step that renames or moves a field
    // would change the `Value` here and read the assessment from it.
    // 4 -> 5 added snapshots (`assessment.snapshots`: frozen earlier states, each an assessment in `state`)
    // and evidence references on every answer (`evidence`); both are optional and empty when missing, so
    // an older file reads as schema 5 as it is, and its snapshot list starts empty: the step changes
    // nothing (`if schema < 5 {}`). A snapshot's state is written in the schema of the file around it, so
    // a later step that moves a field of the assessment must move it in each `snapshots[i].state` too.
    let saved: SavedAssessment = read_located(text)?;
    if saved.catalogue_version != saved.assessment.catalogue_version {
        return Err(ImportError::at(
            "The two catalogue versions in the file disagree.",
            "assessment.catalogue_version",
        ));
    }
    let assessment = saved.assessment.into_owned();
    let mut notices = Vec::new();
    validate(&assessment)?;
    let mut assessment = assessment;
    if let Some(notice) = bring_answers_forward(&mut assessment) {
        notices.push(notice);
    } else if saved.catalogue_version != CATALOGUE_VERSION {
        notices.push(format!(
            "The answers were given against catalogue {} (this version has {CATALOGUE_VERSION}). They are kept as they are; review items whose wording changed.",
            saved.catalogue_version
        ));
    }
    let unknown = assessment.unknown_item_ids();
    if !unknown.is_empty() {
        let list: Vec<&str> = unknown.iter().map(String::as_str).collect();
        notices.push(format!(
            "{} answer(s) refer to questions that this catalogue no longer has ({}). They are kept in the file and in exports but do not count in the results.",
            unknown.len(),
            list.join(", ")
        ));
    }
    Ok(Loaded { assessment, notices })
}

/// The catalogue whose answers [`bring_answers_forward`] moves to the current one.
pub const PREVIOUS_CATALOGUE: &str = "2026.11-1";

/// Questions of catalogue 2026.11-1 that asked two or more things at once, and the questions they were
/// split into (the first keeps the old id and asks the first thing).
const SPLIT_IN_2026_12: [(&str, &[&str]); 5] = [
    ("org-1", &["org-6"]),
    ("zcr-5.4", &["zcr-5.5", "zcr-5.7"]),
    ("zcr-6.1", &["zcr-6.5", "zcr-6.7", "zcr-6.9"]),
    ("sr-7.4", &["sr-7.4-b"]),
    ("cr-1.10", &["cr-1.10-b"]),
];

/// Brings the answers of an assessment made with catalogue [`PREVIOUS_CATALOGUE`] forward to the current
/// catalogue, and says what it did; `None` (and nothing changed) for any other catalogue version.
///
/// - IEC 62443-4-1 SM-3 and SM-5 had each other's question: their answers are swapped, so that each stays
///   with the question it answered.
/// - A question split into several gives its answer (with justification and notes) to each new question
///   that has none yet, in every zone and product: the old answer covered all of them.
/// - SM-12 and SD-1 now ask about what those requirements are about (the release check, the interfaces);
///   their answers are kept and named for review.
///
/// The assessment then records the current catalogue version.
pub fn bring_answers_forward(a: &mut Assessment) -> Option<String> {
    if a.catalogue_version != PREVIOUS_CATALOGUE || CATALOGUE_VERSION == PREVIOUS_CATALOGUE {
        return None;
    }
    let once = &mut a.answers.assessment;
    let sm3 = once.remove("sdl-sm-3");
    let sm5 = once.remove("sdl-sm-5");
    if let Some(r) = sm3 {
        once.insert("sdl-sm-5".to_string(), r);
    }
    if let Some(r) = sm5 {
        once.insert("sdl-sm-3".to_string(), r);
    }
    let maps = std::iter::once(&mut a.answers.assessment)
        .chain(std::iter::once(&mut a.answers.all_zones))
        .chain(a.answers.zones.values_mut())
        .chain(a.answers.products.values_mut());
    let mut copied = BTreeSet::new();
    for map in maps {
        for (old, new_ids) in SPLIT_IN_2026_12 {
            let Some(response) = map.get(old).cloned() else { continue };
            for new in new_ids {
                if map.get(*new).is_none() {
                    map.insert(new.to_string(), response.clone());
                    copied.insert(*new);
                }
            }
        }
    }
    a.catalogue_version = CATALOGUE_VERSION.to_string();
    let copied: Vec<&str> = copied.iter().copied().collect();
    let copies = if copied.is_empty() {
        String::new()
    } else {
        format!(
            " Questions that asked several things at once are now asked one by one; the new questions ({}) start with the answer given to the question they came from: check them.",
            copied.join(", ")
        )
    };
    Some(format!(
        "The answers were given against catalogue {PREVIOUS_CATALOGUE} and were brought forward to {CATALOGUE_VERSION}. The answers to IEC 62443-4-1 SM-3 and SM-5 were swapped, because the two questions had each other's subject; SM-12 (release check) and SD-1 (product interfaces) now ask about their own subject, so review those two answers.{copies}"
    ))
}

/// Reads a `T` from JSON text that is known to be valid JSON. A value of the wrong type or range, an
/// unknown or a missing field is refused with its line and column and its field path.
fn read_located<T: DeserializeOwned>(text: &str) -> Result<T, ImportError> {
    let mut reader = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(&mut reader).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let mut location = line_and_column(&inner);
        // The path of the top level is ".".
        if path != "." {
            location = format!("{location}, {path}");
        }
        ImportError::at(format!("The file has an unexpected value: {}.", message_of(&inner)), location)
    })
}

fn line_and_column(e: &serde_json::Error) -> String {
    format!("line {}, column {}", e.line(), e.column())
}

/// serde_json's message without the " at line L column C" it appends (the location is reported apart).
fn message_of(e: &serde_json::Error) -> String {
    let message = e.to_string();
    let position = format!(" at line {} column {}", e.line(), e.column());
    message.strip_suffix(&position).unwrap_or(&message).to_string()
}

fn check_text(value: &str, limit: usize, location: String, what: &str) -> Result<(), ImportError> {
    let chars = value.chars().count();
    if chars > limit {
        return Err(ImportError::at(
            format!("The {what} is {chars} characters long; at most {limit} are accepted."),
            location,
        ));
    }
    Ok(())
}

fn check_response(response: &Response, location: String) -> Result<(), ImportError> {
    check_text(&response.justification, MAX_TEXT_CHARS, format!("{location}.justification"), "justification")?;
    check_text(&response.notes, MAX_TEXT_CHARS, format!("{location}.notes"), "note")?;
    if response.evidence.len() > MAX_EVIDENCE {
        return Err(ImportError::at(
            format!(
                "An answer has {} evidence references; at most {MAX_EVIDENCE} are accepted.",
                response.evidence.len()
            ),
            format!("{location}.evidence"),
        ));
    }
    for (i, evidence) in response.evidence.iter().enumerate() {
        let loc = format!("{location}.evidence[{i}]");
        check_text(&evidence.document, MAX_NAME_CHARS * 2, format!("{loc}.document"), "evidence document name")?;
        check_text(&evidence.link, MAX_EVIDENCE_LINK_CHARS, format!("{loc}.link"), "evidence link")?;
        check_text(&evidence.date, 40, format!("{loc}.date"), "evidence date")?;
    }
    Ok(())
}

/// The longest evidence link accepted, in characters.
pub const MAX_EVIDENCE_LINK_CHARS: usize = 1000;

/// Checks the snapshots: ids, names and dates, and each frozen state by the same rules as the
/// assessment itself (its errors located under `assessment.snapshots[i]`).
fn validate_snapshots(a: &Assessment) -> Result<(), ImportError> {
    if a.snapshots.len() > MAX_SNAPSHOTS {
        return Err(ImportError::at(
            format!("The file has {} snapshots; at most {MAX_SNAPSHOTS} are accepted.", a.snapshots.len()),
            "assessment.snapshots",
        ));
    }
    let mut ids = BTreeSet::new();
    let mut names = BTreeSet::new();
    for (i, snapshot) in a.snapshots.iter().enumerate() {
        let loc = format!("assessment.snapshots[{i}]");
        if snapshot.id.trim().is_empty() || snapshot.id.chars().count() > 40 || !ids.insert(snapshot.id.as_str()) {
            return Err(ImportError::at("A snapshot has an empty, overlong or repeated id.", format!("{loc}.id")));
        }
        if snapshot.name.trim().is_empty() {
            return Err(ImportError::at("A snapshot has no name.", format!("{loc}.name")));
        }
        check_text(&snapshot.name, MAX_NAME_CHARS, format!("{loc}.name"), "snapshot name")?;
        if !names.insert(name_key(&snapshot.name)) {
            return Err(ImportError::at(
                format!("Two snapshots are both called \"{}\".", snapshot.name.trim()),
                format!("{loc}.name"),
            ));
        }
        check_text(&snapshot.taken, 40, format!("{loc}.taken"), "snapshot date")?;
        if !snapshot.state.snapshots.is_empty() {
            return Err(ImportError::at("A snapshot holds snapshots of its own.", format!("{loc}.state.snapshots")));
        }
        validate_state(&snapshot.state).map_err(|mut e| {
            e.location = e.location.map(|l| l.replacen("assessment.", &format!("{loc}.state."), 1));
            e
        })?;
    }
    Ok(())
}

/// Checks what types alone cannot: ids, references between parts, ranges and text lengths, in the
/// assessment and in each of its snapshots.
pub fn validate(a: &Assessment) -> Result<(), ImportError> {
    validate_state(a)?;
    validate_snapshots(a)
}

/// [`validate`] without the snapshots.
fn validate_state(a: &Assessment) -> Result<(), ImportError> {
    if a.id.trim().is_empty() {
        return Err(ImportError::at("The assessment has no id.", "assessment.id"));
    }
    check_text(&a.id, MAX_NAME_CHARS, "assessment.id".into(), "assessment id")?;
    check_text(&a.name, MAX_NAME_CHARS, "assessment.name".into(), "assessment name")?;
    check_text(&a.profile.organisation, MAX_NAME_CHARS, "assessment.profile.organisation".into(), "organisation name")?;
    check_text(&a.profile.sector, MAX_NAME_CHARS, "assessment.profile.sector".into(), "sector")?;
    if !(1..=4).contains(&a.profile.target_maturity) {
        return Err(ImportError::at(
            format!("The target maturity is {}; it must be between 1 and 4.", a.profile.target_maturity),
            "assessment.profile.target_maturity",
        ));
    }
    if a.zones.len() > MAX_ZONES {
        return Err(ImportError::at(
            format!("The file has {} zones; at most {MAX_ZONES} are accepted.", a.zones.len()),
            "assessment.zones",
        ));
    }
    if a.conduits.len() > MAX_CONDUITS {
        return Err(ImportError::at(
            format!("The file has {} conduits; at most {MAX_CONDUITS} are accepted.", a.conduits.len()),
            "assessment.conduits",
        ));
    }
    let mut zone_ids = BTreeSet::new();
    let mut zone_names = BTreeSet::new();
    for (i, zone) in a.zones.iter().enumerate() {
        let loc = format!("assessment.zones[{i}]");
        if zone.id.trim().is_empty() || zone.id.chars().count() > 40 {
            return Err(ImportError::at("A zone has an empty or overlong id.", format!("{loc}.id")));
        }
        if !zone_ids.insert(zone.id.as_str()) {
            return Err(ImportError::at(format!("Two zones share the id \"{}\".", zone.id), format!("{loc}.id")));
        }
        if zone.name.trim().is_empty() {
            return Err(ImportError::at("A zone has no name.", format!("{loc}.name")));
        }
        check_text(&zone.name, MAX_NAME_CHARS, format!("{loc}.name"), "zone name")?;
        if !zone_names.insert(name_key(&zone.name)) {
            return Err(ImportError::at(
                format!("Two zones are both called \"{}\".", zone.name.trim()),
                format!("{loc}.name"),
            ));
        }
        check_text(&zone.description, MAX_TEXT_CHARS, format!("{loc}.description"), "zone description")?;
        for (q, o) in &zone.wizard {
            let known =
                catalogue::WIZARD_QUESTIONS.iter().any(|wq| wq.id == q && wq.options.iter().any(|opt| opt.id == o));
            if !known {
                return Err(ImportError::at(
                    format!("The target-level wizard answer \"{q}\" = \"{o}\" is not a known question and option."),
                    format!("{loc}.wizard"),
                ));
            }
        }
    }
    if a.products.len() > MAX_ZONES {
        return Err(ImportError::at(
            format!("The file has {} products; at most {MAX_ZONES} are accepted.", a.products.len()),
            "assessment.products",
        ));
    }
    let mut product_ids = BTreeSet::new();
    let mut product_names = BTreeSet::new();
    for (i, product) in a.products.iter().enumerate() {
        let loc = format!("assessment.products[{i}]");
        if product.id.trim().is_empty() || product.id.chars().count() > 40 {
            return Err(ImportError::at("A product has an empty or overlong id.", format!("{loc}.id")));
        }
        if !product_ids.insert(product.id.as_str()) {
            return Err(ImportError::at(format!("Two products share the id \"{}\".", product.id), format!("{loc}.id")));
        }
        if product.name.trim().is_empty() {
            return Err(ImportError::at("A product has no name.", format!("{loc}.name")));
        }
        check_text(&product.name, MAX_NAME_CHARS, format!("{loc}.name"), "product name")?;
        if !product_names.insert(name_key(&product.name)) {
            return Err(ImportError::at(
                format!("Two products are both called \"{}\".", product.name.trim()),
                format!("{loc}.name"),
            ));
        }
        check_text(&product.description, MAX_TEXT_CHARS, format!("{loc}.description"), "product description")?;
    }
    let mut conduit_ids = BTreeSet::new();
    for (i, conduit) in a.conduits.iter().enumerate() {
        let loc = format!("assessment.conduits[{i}]");
        if conduit.id.trim().is_empty() || !conduit_ids.insert(conduit.id.as_str()) {
            return Err(ImportError::at("A conduit has an empty or repeated id.", format!("{loc}.id")));
        }
        check_text(&conduit.name, MAX_NAME_CHARS, format!("{loc}.name"), "conduit name")?;
        check_text(&conduit.protocols, MAX_NAME_CHARS * 4, format!("{loc}.protocols"), "protocol list")?;
        for (end, zone) in [("from", &conduit.from), ("to", &conduit.to)] {
            if !zone_ids.contains(&zone.as_str()) {
                return Err(ImportError::at(
                    format!("The conduit \"{}\" connects to zone \"{zone}\", which is not in the file.", conduit.name),
                    format!("{loc}.{end}"),
                ));
            }
        }
    }
    for (item_id, r) in &a.answers.assessment {
        let loc = format!("assessment.answers.assessment[\"{item_id}\"]");
        check_response(r, loc.clone())?;
        check_fit(item_id, r, &loc, Place::Assessment)?;
    }
    for (item_id, r) in &a.answers.all_zones {
        let loc = format!("assessment.answers.all_zones[\"{item_id}\"]");
        check_response(r, loc.clone())?;
        check_fit(item_id, r, &loc, Place::Zone)?;
    }
    for (zone_id, map) in &a.answers.zones {
        if !zone_ids.contains(&zone_id.as_str()) {
            return Err(ImportError::at(
                format!("There are answers for zone \"{zone_id}\", which is not in the file."),
                format!("assessment.answers.zones[\"{zone_id}\"]"),
            ));
        }
        for (item_id, r) in map {
            let loc = format!("assessment.answers.zones[\"{zone_id}\"][\"{item_id}\"]");
            check_response(r, loc.clone())?;
            check_fit(item_id, r, &loc, Place::Zone)?;
        }
    }
    for (product_id, map) in &a.answers.products {
        if !product_ids.contains(&product_id.as_str()) {
            return Err(ImportError::at(
                format!("There are answers for product \"{product_id}\", which is not in the file."),
                format!("assessment.answers.products[\"{product_id}\"]"),
            ));
        }
        for (item_id, r) in map {
            let loc = format!("assessment.answers.products[\"{product_id}\"][\"{item_id}\"]");
            check_response(r, loc.clone())?;
            check_fit(item_id, r, &loc, Place::Product)?;
        }
    }
    for (key, plan) in &a.plan {
        let loc = format!("assessment.plan[\"{key}\"]");
        check_text(&plan.owner, MAX_NAME_CHARS, format!("{loc}.owner"), "action owner")?;
        check_text(&plan.target_date, 40, format!("{loc}.target_date"), "target date")?;
        check_text(&plan.note, MAX_TEXT_CHARS, format!("{loc}.note"), "action note")?;
    }
    Ok(())
}

/// An answer must belong to its item's scale, and sit where the item is answered (per zone or once).
/// Answers to ids the catalogue does not know are kept (reported by the caller).
/// Where an answer sits in the file.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Assessment,
    Zone,
    Product,
}

impl Place {
    fn of(item: &crate::domain::catalogue::Item) -> Place {
        if item.part.per_zone() {
            Place::Zone
        } else if item.part.per_product() {
            Place::Product
        } else {
            Place::Assessment
        }
    }
}

fn check_fit(item_id: &str, response: &Response, location: &str, place: Place) -> Result<(), ImportError> {
    let Some(item) = catalogue::item(item_id) else { return Ok(()) };
    if Place::of(item) != place {
        return Err(ImportError::at(
            format!(
                "Question {item_id} is answered in the wrong place (per zone, per product or once for the assessment)."
            ),
            location,
        ));
    }
    if let Some(answer) = response.answer {
        if !answer.fits(item) {
            return Err(ImportError::at(
                format!("\"{}\" is not a possible answer to question {item_id}.", answer.label()),
                format!("{location}.answer"),
            ));
        }
    }
    Ok(())
}

/// What [`repair`] could recover, and what it had to leave out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Repaired {
    /// The recovered assessment, valid for the current schema, under a new id.
    pub assessment: Assessment,
    /// What was left out or changed, one sentence each.
    pub dropped: Vec<String>,
}

fn truncate_chars(s: &mut String, limit: usize) -> bool {
    if s.chars().count() > limit {
        *s = s.chars().take(limit).collect();
        true
    } else {
        false
    }
}

/// Recovers what can be read from damaged saved data: every zone, conduit, answer and plan entry that is
/// valid on its own is kept, the rest is listed in `dropped`. The result gets `new_id` and is never written
/// over the damaged entry (the caller keeps the raw text). Data of a newer schema is not repaired: a newer
/// version of the tool can read it.
pub fn repair(text: &str, new_id: &str, now: &str) -> Result<Repaired, ImportError> {
    use crate::domain::assessment::{ActionPlan, Conduit, Product, Profile, Zone};

    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::new("The data is too large to repair."));
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        ImportError::at(
            format!("Nothing can be recovered automatically: the data is not valid JSON ({}).", message_of(&e)),
            line_and_column(&e),
        )
    })?;
    if let Some(schema) = value.get("schema").and_then(Value::as_u64) {
        if schema > u64::from(SCHEMA_VERSION) {
            return Err(ImportError::at(
                "This data was written by a newer version of the tool; open it there instead of repairing it here.",
                "schema",
            ));
        }
    }
    let Some(obj) = value.get("assessment").filter(|v| v.is_object()).unwrap_or(&value).as_object() else {
        return Err(ImportError::new("Nothing can be recovered: the data holds no assessment."));
    };
    let mut dropped = Vec::new();
    let text_field = |key: &str| obj.get(key).and_then(Value::as_str).map(str::to_string);
    let mut name = text_field("name").filter(|n| !n.trim().is_empty()).unwrap_or_else(|| "Recovered assessment".into());
    truncate_chars(&mut name, MAX_NAME_CHARS);
    let mut a =
        Assessment::new(new_id, &format!("{name} (repaired)").chars().take(MAX_NAME_CHARS).collect::<String>(), now);
    if let Some(created) = text_field("created") {
        a.created = created.chars().take(40).collect();
    }
    if let Some(v) = obj.get("catalogue_version").and_then(Value::as_str) {
        a.catalogue_version = v.chars().take(40).collect();
    }
    match obj.get("profile").map(read::<Profile>) {
        Some(Ok(mut p)) => {
            truncate_chars(&mut p.organisation, MAX_NAME_CHARS);
            truncate_chars(&mut p.sector, MAX_NAME_CHARS);
            if !(1..=4).contains(&p.target_maturity) {
                p.target_maturity = 2;
                dropped.push("The target maturity was out of range and was set to ML2.".into());
            }
            a.profile = p;
        }
        Some(Err(_)) => dropped.push("The profile could not be read and was reset.".into()),
        None => {}
    }
    let mut names = BTreeSet::new();
    for (i, z) in obj.get("zones").and_then(Value::as_array).into_iter().flatten().enumerate() {
        match read::<Zone>(z) {
            Ok(mut zone)
                if !zone.id.trim().is_empty() && zone.id.chars().count() <= 40 && a.zone(&zone.id).is_none() =>
            {
                if zone.name.trim().is_empty() {
                    zone.name = format!("Zone {}", i + 1);
                }
                truncate_chars(&mut zone.name, MAX_NAME_CHARS - 6);
                while !names.insert(name_key(&zone.name)) {
                    zone.name.push_str(" (2)");
                }
                truncate_chars(&mut zone.description, MAX_TEXT_CHARS);
                let wizard_ok = zone.wizard.iter().all(|(q, o)| {
                    catalogue::WIZARD_QUESTIONS.iter().any(|wq| wq.id == q && wq.options.iter().any(|opt| opt.id == o))
                });
                if !wizard_ok {
                    zone.wizard.clear();
                    dropped.push(format!(
                        "The wizard answers of zone \"{}\" were unreadable and were removed.",
                        zone.name
                    ));
                }
                if a.zones.len() < MAX_ZONES {
                    a.zones.push(zone);
                }
            }
            _ => dropped.push(format!("Zone number {} could not be read.", i + 1)),
        }
    }
    for (i, c) in obj.get("conduits").and_then(Value::as_array).into_iter().flatten().enumerate() {
        match read::<Conduit>(c) {
            Ok(mut conduit)
                if a.zone(&conduit.from).is_some()
                    && a.zone(&conduit.to).is_some()
                    && !conduit.id.trim().is_empty()
                    && !a.conduits.iter().any(|x| x.id == conduit.id) =>
            {
                truncate_chars(&mut conduit.name, MAX_NAME_CHARS);
                truncate_chars(&mut conduit.protocols, MAX_NAME_CHARS * 4);
                if a.conduits.len() < MAX_CONDUITS {
                    a.conduits.push(conduit);
                }
            }
            _ => dropped.push(format!("Conduit number {} could not be read or connects a missing zone.", i + 1)),
        }
    }
    for (i, p) in obj.get("products").and_then(Value::as_array).into_iter().flatten().enumerate() {
        match read::<Product>(p) {
            Ok(mut product)
                if !product.id.trim().is_empty()
                    && product.id.chars().count() <= 40
                    && a.product(&product.id).is_none()
                    && a.products.len() < MAX_ZONES =>
            {
                if product.name.trim().is_empty() {
                    product.name = format!("Product {}", i + 1);
                }
                truncate_chars(&mut product.name, MAX_NAME_CHARS - 6);
                while a.products.iter().any(|x| name_key(&x.name) == name_key(&product.name)) {
                    product.name.push_str(" (2)");
                }
                truncate_chars(&mut product.description, MAX_TEXT_CHARS);
                a.products.push(product);
            }
            _ => dropped.push(format!("Product number {} could not be read.", i + 1)),
        }
    }
    let answers = obj.get("answers");
    let read_map = |map: Option<&Value>, where_: Place, place: &str, dropped: &mut Vec<String>| {
        let mut out = std::collections::BTreeMap::new();
        for (item_id, r) in map.and_then(Value::as_object).into_iter().flatten() {
            let fits = |resp: &Response| {
                catalogue::item(item_id)
                    .is_none_or(|item| Place::of(item) == where_ && resp.answer.is_none_or(|ans| ans.fits(item)))
            };
            match read::<Response>(r) {
                Ok(mut resp) if fits(&resp) => {
                    truncate_chars(&mut resp.justification, MAX_TEXT_CHARS);
                    truncate_chars(&mut resp.notes, MAX_TEXT_CHARS);
                    resp.evidence.truncate(MAX_EVIDENCE);
                    for evidence in &mut resp.evidence {
                        truncate_chars(&mut evidence.document, MAX_NAME_CHARS * 2);
                        truncate_chars(&mut evidence.link, MAX_EVIDENCE_LINK_CHARS);
                        truncate_chars(&mut evidence.date, 40);
                    }
                    out.insert(item_id.clone(), resp);
                }
                _ => dropped.push(format!("The answer to {item_id} ({place}) could not be read.")),
            }
        }
        out
    };
    a.answers.assessment =
        read_map(answers.and_then(|x| x.get("assessment")), Place::Assessment, "whole assessment", &mut dropped);
    a.answers.all_zones = read_map(answers.and_then(|x| x.get("all_zones")), Place::Zone, "all zones", &mut dropped);
    if let Some(zones) = answers.and_then(|x| x.get("zones")) {
        for (zone_id, map) in zones.as_object().into_iter().flatten() {
            if a.zone(zone_id).is_none() {
                dropped.push(format!("Answers for a zone that no longer exists (\"{zone_id}\") were left out."));
                continue;
            }
            let place = format!("zone {zone_id}");
            let m = read_map(Some(map), Place::Zone, &place, &mut dropped);
            if !m.is_empty() {
                a.answers.zones.insert(zone_id.clone(), m);
            }
        }
    }
    if let Some(products) = answers.and_then(|x| x.get("products")) {
        for (product_id, map) in products.as_object().into_iter().flatten() {
            if a.product(product_id).is_none() {
                dropped.push(format!("Answers for a product that no longer exists (\"{product_id}\") were left out."));
                continue;
            }
            let place = format!("product {product_id}");
            let m = read_map(Some(map), Place::Product, &place, &mut dropped);
            if !m.is_empty() {
                a.answers.products.insert(product_id.clone(), m);
            }
        }
    }
    for (key, p) in obj.get("plan").and_then(Value::as_object).into_iter().flatten() {
        match read::<ActionPlan>(p) {
            Ok(mut plan) => {
                truncate_chars(&mut plan.owner, MAX_NAME_CHARS);
                truncate_chars(&mut plan.target_date, 40);
                truncate_chars(&mut plan.note, MAX_TEXT_CHARS);
                a.plan.insert(key.clone(), plan);
            }
            Err(_) => dropped.push(format!("The plan of action {key} could not be read.")),
        }
    }
    if let Some(notice) = bring_answers_forward(&mut a) {
        dropped.push(notice);
    }
    for (i, value) in obj.get("snapshots").and_then(Value::as_array).into_iter().flatten().enumerate() {
        let mut kept = a.clone();
        match read::<Snapshot>(value) {
            Ok(snapshot) if kept.snapshots.len() < MAX_SNAPSHOTS => {
                kept.snapshots.push(snapshot);
                if validate(&kept).is_ok() {
                    a = kept;
                    continue;
                }
                dropped.push(format!("Snapshot number {} could not be read and was left out.", i + 1));
            }
            _ => dropped.push(format!("Snapshot number {} could not be read and was left out.", i + 1)),
        }
    }
    validate(&a)?;
    Ok(Repaired { assessment: a, dropped })
}

/// Reads a `T` from a part of damaged data (no positions: repair says what it left out, not where). It
/// goes through the same text reader as an import ([`read_located`]) rather than `T::deserialize(value)`,
/// so each saved type has one deserializer in the wasm instead of two (measured: 6.7 KB gzip less).
fn read<T: DeserializeOwned>(value: &Value) -> Result<T, ImportError> {
    read_located(&value.to_string())
}
