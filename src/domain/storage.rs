//! The saved format (local storage and JSON export): versioned, migrated on load, validated on import.
//!
//! Files are read and written by serde_json through the derived `Serialize`/`Deserialize` of the domain
//! types, in serde_json's pretty layout. An import error says what is wrong and where: serde_json's line
//! and column and the field path (from `serde_path_to_error`) for a value of the wrong type, the field path
//! for a rule that types alone cannot express ([`validate`]).

use crate::domain::answers::{Answer, Response, MAX_EVIDENCE};
use crate::domain::assessment::{
    name_key, Assessment, Snapshot, MAX_CONDUITS, MAX_NAME_CHARS, MAX_SNAPSHOTS, MAX_TEXT_CHARS, MAX_ZONES,
};
use crate::domain::catalogue::{self, CATALOGUE_VERSION};
use crate::domain::inventory::{Asset, AssetKind, MAX_ASSETS, MAX_QUANTITY};
use problems::{path_text, AnswerFor, Step};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

mod problems;

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

/// The most problems an [`ImportError`] lists; the rest are counted.
pub const MAX_PROBLEMS: usize = 20;

/// One thing wrong with a file or stored entry: a sentence that names the zone, conduit, product, answer
/// or field concerned and says what is allowed, and where it is in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// What is wrong, as one or two sentences in the user's words.
    pub message: String,
    /// The field path, when known: `assessment.zones[1].name`.
    pub path: Option<String>,
    /// Line and column (from 1) where the reader stopped, when known.
    pub position: Option<(usize, usize)>,
}

impl Problem {
    fn new(message: impl Into<String>) -> Problem {
        Problem { message: message.into(), path: None, position: None }
    }

    fn at(message: impl Into<String>, path: impl Into<String>) -> Problem {
        Problem { message: message.into(), path: Some(path.into()), position: None }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if let Some((line, column)) = self.position {
            write!(f, " (Line {line}, column {column}.)")?;
        }
        Ok(())
    }
}

/// Why a file or stored entry was refused: every problem found, in the order of the file, up to
/// [`MAX_PROBLEMS`]. A file that cannot be read at all (not JSON, not ours, a newer schema) has one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    /// The problems, never empty.
    pub problems: Vec<Problem>,
    /// How many more problems were found than are listed.
    pub more: usize,
}

impl ImportError {
    fn from_problems(mut problems: Vec<Problem>) -> ImportError {
        let more = problems.len().saturating_sub(MAX_PROBLEMS);
        problems.truncate(MAX_PROBLEMS);
        ImportError { problems, more }
    }

    /// How many problems were found in all.
    pub fn count(&self) -> usize {
        self.problems.len() + self.more
    }
}

impl From<Problem> for ImportError {
    fn from(problem: Problem) -> ImportError {
        ImportError { problems: vec![problem], more: 0 }
    }
}

/// The first problem, and how many more there are.
impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.problems.first() {
            Some(first) => write!(f, "{first}")?,
            None => f.write_str("The data could not be read.")?,
        }
        match self.count() {
            0 | 1 => Ok(()),
            2 => f.write_str(" 1 more problem was found."),
            n => write!(f, " {} more problems were found.", n - 1),
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
/// ranges, references between parts and text lengths, and reports every problem it finds (up to
/// [`MAX_PROBLEMS`]) in the user's words. Never panics.
pub fn from_json(text: &str) -> Result<Loaded, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(Problem::new(format!(
            "The file is {} KB; the largest accepted is {} KB. Choose an assessment file exported by this tool.",
            text.len() / 1024,
            MAX_IMPORT_BYTES / 1024
        ))
        .into());
    }
    let value: Value = serde_json::from_str(text).map_err(|e| Problem {
        message: format!("The file is not valid JSON: {}.", problems::syntax(&message_of(&e))),
        path: None,
        position: Some((e.line(), e.column())),
    })?;
    let Some(object) = value.as_object() else {
        return Err(
            Problem::new("The file does not contain an assessment (it is not a group of fields in { }).").into()
        );
    };
    match object.get("format").and_then(Value::as_str) {
        Some(FORMAT) => {}
        _ => {
            return Err(Problem::at(
                "This is not an assessment file of this tool (its \"format\" is missing or different).",
                "format",
            )
            .into())
        }
    }
    let schema = object.get("schema").and_then(Value::as_u64).ok_or_else(|| {
        Problem::at(
            format!(
                "The schema version (\"schema\") is missing or not a whole number; it must be 1 to {SCHEMA_VERSION}."
            ),
            "schema",
        )
    })?;
    if schema > u64::from(SCHEMA_VERSION) {
        return Err(Problem::at(
            format!(
                "The file was written by a newer version of this tool (schema {schema}; this version reads up to {SCHEMA_VERSION}). Open it with the newer version, or update this copy."
            ),
            "schema",
        )
        .into());
    }
    if schema == 0 {
        return Err(Problem::at(
            format!("Schema version 0 does not exist; the schema version must be 1 to {SCHEMA_VERSION}."),
            "schema",
        )
        .into());
    }
    // Migrations, one step per schema version, each with a fixture under tests/fixtures/ (schema-<n>.json):
    // 1 -> 2 added products and per-product answers, both empty when missing, so a schema-1 file reads as
    // schema 2 as it is. 2 -> 3 let a conduit carry its own target level (`target`, absent when it follows
    // its zones) and IEC 62443-3-3 items take the answer `vendor_to_confirm`; a schema-2 file has neither,
    // so it reads as schema 3 as it is too (older versions refuse schema 3, which they cannot read). Every schema so far is read from the text itself, so that a wrong value is
    // reported with its line and column (a `Value` has none). 3 -> 4 added the asset inventory
    // (`assessment.assets`), the zone register (a zone's accountable organisation, boundary, access points,
    // data flows and Purdue levels), a conduit's type and manager, and two asset types (`field_device`,
    // `server`); all are optional and absent from a schema-3 file, so it reads as schema 4 as it is.
    // 4 -> 5 added snapshots (`assessment.snapshots`: frozen earlier states, each a whole assessment,
    // inventory included, in `state`) and evidence references on every answer (`evidence`); both are
    // optional and empty when missing, so an older file reads as schema 5 as it is, and its snapshot list
    // starts empty. A later step that renames or moves a field would change the `Value` here and read the
    // assessment from it; a snapshot's state is written in the schema of the file around it, so such a step
    // must move the field in each `snapshots[i].state` too.
    let saved: SavedAssessment = read_at(text, &value, &[]).map_err(|first| every_part_problem(first, &value))?;
    let mut problems = Vec::new();
    if saved.catalogue_version != saved.assessment.catalogue_version {
        problems.push(Problem::at(
            format!(
                "The file names two catalogue versions, \"{}\" at the top and \"{}\" in the assessment; they must be the same.",
                saved.catalogue_version, saved.assessment.catalogue_version
            ),
            "assessment.catalogue_version",
        ));
    }
    let assessment = saved.assessment.into_owned();
    problems.extend(problems_of(&assessment));
    if !problems.is_empty() {
        return Err(ImportError::from_problems(problems));
    }
    let mut notices = Vec::new();
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

/// Reads a `T` from JSON text that is known to be valid JSON: the whole file (`at` empty) or one part of
/// it (`at` is where the part sits in `root`, the whole file). A value of the wrong type or range, an
/// unknown or a missing field is refused with a sentence that names the zone, answer or field
/// ([`problems::refused_value`]), its field path and, for the whole file, its line and column.
fn read_at<T: DeserializeOwned>(text: &str, root: &Value, at: &[Step]) -> Result<T, Problem> {
    read_classified(text, root, at).map_err(|(problem, _)| problem)
}

/// [`read_at`], and whether a refusal is for an unknown field (which can be left out to read on).
fn read_classified<T: DeserializeOwned>(text: &str, root: &Value, at: &[Step]) -> Result<T, (Problem, bool)> {
    let mut reader = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(&mut reader).map_err(|e| refusal(e, root, at))
}

/// The problem for a value serde refused (one function for every type read, not one per type).
fn refusal(e: serde_path_to_error::Error<serde_json::Error>, root: &Value, at: &[Step]) -> (Problem, bool) {
    let mut path = at.to_vec();
    path.extend(problems::steps(e.path()));
    let inner = e.into_inner();
    let message = message_of(&inner);
    let problem = Problem {
        message: problems::refused_value(&path, &message, root),
        path: Some(path_text(&path)),
        position: at.is_empty().then(|| (inner.line(), inner.column())),
    };
    (problem, message.starts_with("unknown field"))
}

/// Reads one part of `root` at `at`, and notes why it cannot be read.
fn check_part<T: DeserializeOwned>(root: &Value, at: Vec<Step>, part: &Value, out: &mut Vec<Problem>) {
    if let Err(problem) = read_part::<T>(part, root, at) {
        out.push(problem);
    }
}

/// serde stops at the first wrong value. To report the others too, the file is read again in parts: the
/// fields around the parts (from a copy without them), then the profile, each zone, conduit, product,
/// answer, plan entry and snapshot on its own (one problem per part at most). `first` is the whole file's first
/// problem, which keeps its line and column.
fn every_part_problem(first: Problem, root: &Value) -> ImportError {
    use crate::domain::assessment::{ActionPlan, Conduit, Product, Profile, Zone};
    let key = |k: &str| Step::Key(k.to_string());
    let within = |steps: &[&str]| -> Vec<Step> { steps.iter().map(|s| key(s)).collect() };
    let mut out = Vec::new();
    // The copy without the parts is read until it passes: an unknown field of the file or of the assessment
    // is noted and left out, any other problem is noted and ends the reading.
    let mut left_out: Vec<String> = Vec::new();
    for _ in 0..MAX_PROBLEMS {
        match read_classified::<SavedAssessment>(&outline_of(root, &left_out).to_string(), root, &[]) {
            Ok(_) => break,
            Err((mut problem, unknown_field)) => {
                problem.position = None;
                let path = problem.path.clone().unwrap_or_default();
                out.push(problem);
                if !unknown_field || path.matches('.').count() > 1 || left_out.contains(&path) {
                    break;
                }
                left_out.push(path);
            }
        }
    }
    if let Some(a) = root.get("assessment").and_then(Value::as_object) {
        if let Some(profile) = a.get("profile") {
            check_part::<Profile>(root, within(&["assessment", "profile"]), profile, &mut out);
        }
        let list = |name: &str| a.get(name).and_then(Value::as_array).into_iter().flatten().enumerate();
        for (i, zone) in list("zones") {
            check_part::<Zone>(root, vec![key("assessment"), key("zones"), Step::Index(i)], zone, &mut out);
        }
        for (i, conduit) in list("conduits") {
            check_part::<Conduit>(root, vec![key("assessment"), key("conduits"), Step::Index(i)], conduit, &mut out);
        }
        for (i, product) in list("products") {
            check_part::<Product>(root, vec![key("assessment"), key("products"), Step::Index(i)], product, &mut out);
        }
        for (i, asset) in list("assets") {
            check_part::<Asset>(root, vec![key("assessment"), key("assets"), Step::Index(i)], asset, &mut out);
        }
        fn entries(v: Option<&Value>) -> impl Iterator<Item = (&String, &Value)> {
            v.and_then(Value::as_object).into_iter().flatten()
        }
        let answers = a.get("answers");
        for scope in ["assessment", "all_zones"] {
            for (item, response) in entries(answers.and_then(|x| x.get(scope))) {
                let at = vec![key("assessment"), key("answers"), key(scope), key(item)];
                check_part::<Response>(root, at, response, &mut out);
            }
        }
        for scope in ["zones", "products"] {
            for (owner, map) in entries(answers.and_then(|x| x.get(scope))) {
                for (item, response) in entries(Some(map)) {
                    let at = vec![key("assessment"), key("answers"), key(scope), key(owner), key(item)];
                    check_part::<Response>(root, at, response, &mut out);
                }
            }
        }
        for (action, plan) in entries(a.get("plan")) {
            check_part::<ActionPlan>(root, vec![key("assessment"), key("plan"), key(action)], plan, &mut out);
        }
        for (i, snapshot) in list("snapshots") {
            let at = vec![key("assessment"), key("snapshots"), Step::Index(i)];
            check_part::<Snapshot>(root, at, snapshot, &mut out);
        }
    }
    match out.iter().position(|p| p.path == first.path) {
        Some(i) => out[i] = first,
        None => out.insert(0, first),
    }
    ImportError::from_problems(out)
}

/// The file with the assessment's parts (profile, zones, conduits, products, assets, answers, plan,
/// snapshots) emptied, where
/// they are of the right kind, and without the fields of `left_out` (paths such as `comment` or
/// `assessment.colour`): what is left are the fields around the parts. Built by inserting (the reader's
/// own map operation) rather than collecting, which would bring a sort into the wasm.
fn outline_of(root: &Value, left_out: &[String]) -> Value {
    const PARTS: [&str; 8] = ["profile", "zones", "conduits", "products", "assets", "answers", "plan", "snapshots"];
    let mut outline = serde_json::Map::new();
    for (name, value) in root.as_object().into_iter().flatten() {
        if left_out.contains(name) {
            continue;
        }
        let value = match (name.as_str(), value.as_object()) {
            ("assessment", Some(a)) => {
                let mut inner = serde_json::Map::new();
                for (field, v) in a {
                    if left_out.iter().any(|p| p.strip_prefix("assessment.") == Some(field.as_str())) {
                        continue;
                    }
                    let emptied = match v {
                        Value::Array(_) if PARTS.contains(&field.as_str()) => Value::Array(Vec::new()),
                        Value::Object(_) if PARTS.contains(&field.as_str()) => Value::Object(serde_json::Map::new()),
                        other => other.clone(),
                    };
                    inner.insert(field.clone(), emptied);
                }
                Value::Object(inner)
            }
            _ => value.clone(),
        };
        outline.insert(name.clone(), value);
    }
    Value::Object(outline)
}

/// serde_json's message without the " at line L column C" it appends (the position is reported apart).
fn message_of(e: &serde_json::Error) -> String {
    let message = e.to_string();
    let position = format!(" at line {} column {}", e.line(), e.column());
    message.strip_suffix(&position).unwrap_or(&message).to_string()
}

/// Notes a text longer than `limit` characters: `who` holds it, `what` names it ("the name").
fn check_text(value: &str, limit: usize, path: String, who: &str, what: &str, out: &mut Vec<Problem>) {
    let chars = value.chars().count();
    if chars > limit {
        out.push(Problem::at(format!("{who}: {what} is {chars} characters long; at most {limit} are allowed."), path));
    }
}

fn check_response(response: &Response, path: &str, who: &str, out: &mut Vec<Problem>) {
    let justification = &response.justification;
    check_text(justification, MAX_TEXT_CHARS, format!("{path}.justification"), who, "the justification", out);
    check_text(&response.notes, MAX_TEXT_CHARS, format!("{path}.notes"), who, "the notes", out);
    if response.evidence.len() > MAX_EVIDENCE {
        out.push(Problem::at(
            format!(
                "{who} has {} evidence references; at most {MAX_EVIDENCE} are allowed. Remove some from the file.",
                response.evidence.len()
            ),
            format!("{path}.evidence"),
        ));
    }
    for (i, evidence) in response.evidence.iter().enumerate() {
        let at = format!("{path}.evidence[{i}]");
        let n = i + 1;
        if evidence.document.trim().is_empty() {
            out.push(Problem::at(
                format!("{who}: evidence reference {n} names no document; give it a name or remove it."),
                format!("{at}.document"),
            ));
        }
        let doc = format!("the document of evidence reference {n}");
        check_text(&evidence.document, MAX_EVIDENCE_DOCUMENT_CHARS, format!("{at}.document"), who, &doc, out);
        let link = format!("the link of evidence reference {n}");
        check_text(&evidence.link, MAX_EVIDENCE_LINK_CHARS, format!("{at}.link"), who, &link, out);
        let date = format!("the date of evidence reference {n}");
        check_text(&evidence.date, 40, format!("{at}.date"), who, &date, out);
    }
}

/// The longest evidence link accepted, in characters.
pub const MAX_EVIDENCE_LINK_CHARS: usize = 1000;
/// The longest name of an evidence document accepted, in characters.
pub const MAX_EVIDENCE_DOCUMENT_CHARS: usize = MAX_NAME_CHARS * 2;

/// Every rule the snapshots break: their number, ids, names and dates, and in each frozen state every
/// rule of [`problems_of`], said "In snapshot 1 ("Baseline"): ..." and located under
/// `assessment.snapshots[i].state`.
fn snapshot_problems(a: &Assessment, out: &mut Vec<Problem>) {
    if a.snapshots.len() > MAX_SNAPSHOTS {
        out.push(Problem::at(
            format!(
                "The file has {} snapshots; at most {MAX_SNAPSHOTS} are allowed. Delete older ones in the tool that wrote it.",
                a.snapshots.len()
            ),
            "assessment.snapshots",
        ));
    }
    let names: Vec<String> = a.snapshots.iter().map(|s| name_key(&s.name)).collect();
    for (i, snapshot) in a.snapshots.iter().enumerate() {
        let path = format!("assessment.snapshots[{i}]");
        let who = problems::numbered("Snapshot", i, Some(&snapshot.name));
        let id = snapshot.id.as_str();
        if id.trim().is_empty() || id.chars().count() > 40 {
            out.push(Problem::at(
                format!(
                    "{who}: the id is empty or longer than 40 characters; give each snapshot a short id, such as \"s{}\".",
                    i + 1
                ),
                format!("{path}.id"),
            ));
        } else if let Some(earlier) = a.snapshots[..i].iter().position(|s| s.id == id) {
            out.push(Problem::at(
                format!(
                    "{who}: the id \"{id}\" is also the id of snapshot {}; each snapshot needs its own id.",
                    earlier + 1
                ),
                format!("{path}.id"),
            ));
        }
        if snapshot.name.trim().is_empty() {
            out.push(Problem::at(format!("{who} has no name; each snapshot needs one."), format!("{path}.name")));
        } else if let Some(earlier) = names[..i].iter().position(|n| *n == names[i]) {
            let first = problems::numbered("snapshot", earlier, Some(&a.snapshots[earlier].name));
            out.push(Problem::at(
                format!(
                    "{who} has the same name as {first}; each snapshot needs its own name (capitals and spaces at either end do not count)."
                ),
                format!("{path}.name"),
            ));
        }
        check_text(&snapshot.name, MAX_NAME_CHARS, format!("{path}.name"), &who, "the name", out);
        check_text(&snapshot.taken, 40, format!("{path}.taken"), &who, "the date it was taken", out);
        if !snapshot.state.snapshots.is_empty() {
            out.push(Problem::at(
                format!("{who} holds snapshots of its own; a snapshot's state cannot have any. Remove them."),
                format!("{path}.state.snapshots"),
            ));
        }
        let within = format!("{path}.state.");
        for mut problem in state_problems(&snapshot.state) {
            problem.message = format!("In snapshot {} (as it was): {}", i + 1, problem.message);
            // Every path of the state starts with `assessment.` (a prefix test: no substring search in the wasm).
            problem.path = problem.path.map(|p| match p.strip_prefix("assessment.") {
                Some(rest) => format!("{within}{rest}"),
                None => p,
            });
            out.push(problem);
        }
    }
}

/// Checks what types alone cannot: ids, references between parts, ranges and text lengths, in the
/// assessment and in each of its snapshots, and refuses with every problem found ([`problems_of`]).
pub fn validate(a: &Assessment) -> Result<(), ImportError> {
    let problems = problems_of(a);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(ImportError::from_problems(problems))
    }
}

/// Every rule of [`validate`] that an assessment breaks, one sentence each, in the order of the file: its
/// own, then its snapshots' ([`snapshot_problems`]).
pub fn problems_of(a: &Assessment) -> Vec<Problem> {
    let mut out = state_problems(a);
    snapshot_problems(a, &mut out);
    out
}

/// [`problems_of`] without the snapshots.
fn state_problems(a: &Assessment) -> Vec<Problem> {
    let mut out = Vec::new();
    let this = "The assessment";
    if a.id.trim().is_empty() {
        out.push(Problem::at("The assessment has no id; it needs one, such as \"a-2026-01\".", "assessment.id"));
    }
    check_text(&a.id, MAX_NAME_CHARS, "assessment.id".into(), this, "the id", &mut out);
    check_text(&a.name, MAX_NAME_CHARS, "assessment.name".into(), this, "the name", &mut out);
    let profile = "The profile";
    let organisation = &a.profile.organisation;
    check_text(
        organisation,
        MAX_NAME_CHARS,
        "assessment.profile.organisation".into(),
        profile,
        "the organisation",
        &mut out,
    );
    check_text(&a.profile.sector, MAX_NAME_CHARS, "assessment.profile.sector".into(), profile, "the sector", &mut out);
    if !(1..=4).contains(&a.profile.target_maturity) {
        out.push(Problem::at(
            format!(
                "The profile: the target maturity level is {}; it must be a whole number from 1 to 4.",
                a.profile.target_maturity
            ),
            "assessment.profile.target_maturity",
        ));
    }
    if a.zones.len() > MAX_ZONES {
        out.push(Problem::at(
            format!("The file has {} zones; at most {MAX_ZONES} are allowed.", a.zones.len()),
            "assessment.zones",
        ));
    }
    if a.conduits.len() > MAX_CONDUITS {
        out.push(Problem::at(
            format!("The file has {} conduits; at most {MAX_CONDUITS} are allowed.", a.conduits.len()),
            "assessment.conduits",
        ));
    }
    let zone_parts = a.zones.iter().map(|z| (z.id.as_str(), z.name.as_str(), z.description.as_str()));
    let zone_ids = check_ids_and_names(("Zone", "zone", "zones"), zone_parts.collect(), &mut out);
    for (i, zone) in a.zones.iter().enumerate() {
        let who = problems::numbered("Zone", i, Some(&zone.name));
        let path = format!("assessment.zones[{i}]");
        let organisation = &zone.organisation;
        let what = "the accountable organisation";
        check_text(organisation, MAX_NAME_CHARS, format!("{path}.organisation"), &who, what, &mut out);
        for (field, text, what) in [
            ("boundary", &zone.boundary, "the boundary"),
            ("logical_access", &zone.logical_access, "the logical access points"),
            ("physical_access", &zone.physical_access, "the physical access points"),
            ("data_flows", &zone.data_flows, "the data flows"),
        ] {
            check_text(text, MAX_TEXT_CHARS, format!("{path}.{field}"), &who, what, &mut out);
        }
        for (q, o) in &zone.wizard {
            let known =
                catalogue::WIZARD_QUESTIONS.iter().any(|wq| wq.id == q && wq.options.iter().any(|opt| opt.id == o));
            if !known {
                out.push(Problem::at(
                    format!(
                        "{who}: the wizard answer \"{q}\": \"{o}\" is not a question and option of the target-level wizard; remove it."
                    ),
                    format!("assessment.zones[{i}].wizard"),
                ));
            }
        }
    }
    if a.products.len() > MAX_ZONES {
        out.push(Problem::at(
            format!("The file has {} products; at most {MAX_ZONES} are allowed.", a.products.len()),
            "assessment.products",
        ));
    }
    let product_parts = a.products.iter().map(|p| (p.id.as_str(), p.name.as_str(), p.description.as_str()));
    let product_ids = check_ids_and_names(("Product", "product", "products"), product_parts.collect(), &mut out);
    let mut conduit_ids = BTreeSet::new();
    for (i, conduit) in a.conduits.iter().enumerate() {
        let path = format!("assessment.conduits[{i}]");
        let who = problems::numbered("Conduit", i, Some(&conduit.name));
        if conduit.id.trim().is_empty() || !conduit_ids.insert(conduit.id.as_str()) {
            out.push(Problem::at(
                format!("{who}: the id is empty or also the id of another conduit; each conduit needs its own id."),
                format!("{path}.id"),
            ));
        }
        check_text(&conduit.name, MAX_NAME_CHARS, format!("{path}.name"), &who, "the name", &mut out);
        check_text(
            &conduit.protocols,
            MAX_NAME_CHARS * 4,
            format!("{path}.protocols"),
            &who,
            "the protocol list",
            &mut out,
        );
        check_text(&conduit.manager, MAX_NAME_CHARS, format!("{path}.manager"), &who, "the manager", &mut out);
        for (end, zone) in [("from", &conduit.from), ("to", &conduit.to)] {
            if !zone_ids.contains(&zone.as_str()) {
                out.push(Problem::at(
                    format!(
                        "{who} connects to zone \"{zone}\", which is not in the file; \"{end}\" must be the id of one of its zones."
                    ),
                    format!("{path}.{end}"),
                ));
            }
        }
    }
    if a.assets.len() > MAX_ASSETS {
        out.push(Problem::at(
            format!(
                "The file has {} assets; at most {MAX_ASSETS} are allowed (a row can stand for several identical assets with its quantity).",
                a.assets.len()
            ),
            "assessment.assets",
        ));
    }
    // The first asset of each id (an inventory may hold thousands).
    let mut first_of_id = BTreeMap::new();
    for (i, asset) in a.assets.iter().enumerate() {
        let path = format!("assessment.assets[{i}]");
        let who = problems::numbered("Asset", i, Some(&asset.name));
        let earlier = first_of_id.get(asset.id.as_str()).copied();
        first_of_id.entry(asset.id.as_str()).or_insert(i);
        out.extend(id_problem(&who, "asset", asset.id.as_str(), (i, earlier), &path));
        check_asset(
            asset,
            &path,
            &who,
            |zone| zone_ids.contains(&zone),
            |product| product_ids.contains(&product),
            &mut out,
        );
    }
    let zone_name = |id: &str| a.zone(id).map_or(id, |z| z.name.as_str()).to_string();
    let product_name = |id: &str| a.product(id).map_or(id, |p| p.name.as_str()).to_string();
    for (item_id, r) in &a.answers.assessment {
        let path = format!("assessment.answers.assessment[\"{item_id}\"]");
        let who = problems::answer_subject(item_id, AnswerFor::Assessment);
        check_response(r, &path, &who, &mut out);
        check_fit(item_id, r, &path, &who, Place::Assessment, &mut out);
    }
    for (item_id, r) in &a.answers.all_zones {
        let path = format!("assessment.answers.all_zones[\"{item_id}\"]");
        let who = problems::answer_subject(item_id, AnswerFor::AllZones);
        check_response(r, &path, &who, &mut out);
        check_fit(item_id, r, &path, &who, Place::Zone, &mut out);
    }
    for (zone_id, map) in &a.answers.zones {
        if !zone_ids.contains(&zone_id.as_str()) {
            out.push(Problem::at(
                format!(
                    "There are answers for zone \"{zone_id}\", which is not in the file; remove them or add the zone."
                ),
                format!("assessment.answers.zones[\"{zone_id}\"]"),
            ));
            continue;
        }
        let name = zone_name(zone_id);
        for (item_id, r) in map {
            let path = format!("assessment.answers.zones[\"{zone_id}\"][\"{item_id}\"]");
            let who = problems::answer_subject(item_id, AnswerFor::Zone(&name));
            check_response(r, &path, &who, &mut out);
            check_fit(item_id, r, &path, &who, Place::Zone, &mut out);
        }
    }
    for (product_id, map) in &a.answers.products {
        if !product_ids.contains(&product_id.as_str()) {
            out.push(Problem::at(
                format!("There are answers for product \"{product_id}\", which is not in the file; remove them or add the product."),
                format!("assessment.answers.products[\"{product_id}\"]"),
            ));
            continue;
        }
        let name = product_name(product_id);
        for (item_id, r) in map {
            let path = format!("assessment.answers.products[\"{product_id}\"][\"{item_id}\"]");
            let who = problems::answer_subject(item_id, AnswerFor::Product(&name));
            check_response(r, &path, &who, &mut out);
            check_fit(item_id, r, &path, &who, Place::Product, &mut out);
        }
    }
    for (key, plan) in &a.plan {
        let path = format!("assessment.plan[\"{key}\"]");
        let who = format!("The roadmap plan for {}", problems::question(key));
        check_text(&plan.owner, MAX_NAME_CHARS, format!("{path}.owner"), &who, "the owner", &mut out);
        check_text(&plan.target_date, 40, format!("{path}.target_date"), &who, "the target date", &mut out);
        check_text(&plan.note, MAX_TEXT_CHARS, format!("{path}.note"), &who, "the note", &mut out);
    }
    out
}

/// The rules zones and products share: each has a short id and a name of its own, and texts within their
/// limits. `what` names them (`("Zone", "zone", "zones")`), `parts` holds each one's id, name and
/// description. Returns the ids that can be referred to.
fn check_ids_and_names<'a>(
    what: (&str, &str, &str),
    parts: Vec<(&'a str, &'a str, &'a str)>,
    out: &mut Vec<Problem>,
) -> Vec<&'a str> {
    let (title, noun, list) = what;
    let mut ids = Vec::new();
    let names: Vec<String> = parts.iter().map(|p| name_key(p.1)).collect();
    for (i, (id, name, description)) in parts.iter().copied().enumerate() {
        let path = format!("assessment.{list}[{i}]");
        let who = problems::numbered(title, i, Some(name));
        let earlier_id = parts[..i].iter().position(|p| p.0 == id);
        let problem = id_problem(&who, noun, id, (i, earlier_id), &path);
        if problem.is_none() {
            ids.push(id);
        }
        out.extend(problem);
        let earlier_name = names[..i].iter().position(|n| *n == names[i]);
        if name.trim().is_empty() {
            out.push(Problem::at(format!("{who} has no name; each {noun} needs one."), format!("{path}.name")));
        } else if let Some(earlier) = earlier_name {
            let first = problems::numbered(noun, earlier, parts.get(earlier).map(|p| p.1));
            out.push(Problem::at(
                format!(
                    "{who} has the same name as {first}; each {noun} needs its own name (capitals and spaces at either end do not count)."
                ),
                format!("{path}.name"),
            ));
        }
        check_text(name, MAX_NAME_CHARS, format!("{path}.name"), &who, "the name", out);
        check_text(description, MAX_TEXT_CHARS, format!("{path}.description"), &who, "the description", out);
    }
    ids
}

/// Notes what is wrong with one asset on its own: its zone and product must be in the file, it needs a
/// name, a quantity in range, a type that is not blank, and texts within their limits. `path` is where it
/// sits in the file, `who` names it ("Asset 3 ("PLC-01")").
fn check_asset(
    asset: &Asset,
    path: &str,
    who: &str,
    zone_exists: impl Fn(&str) -> bool,
    product_exists: impl Fn(&str) -> bool,
    out: &mut Vec<Problem>,
) {
    if !zone_exists(&asset.zone) {
        out.push(Problem::at(
            format!(
                "{who} is in zone \"{}\", which is not in the file; \"zone\" must be the id of one of its zones.",
                asset.zone
            ),
            format!("{path}.zone"),
        ));
    }
    if asset.name.trim().is_empty() {
        out.push(Problem::at(format!("{who} has no name; each asset needs a name or tag."), format!("{path}.name")));
    }
    if !(1..=MAX_QUANTITY).contains(&asset.quantity) {
        out.push(Problem::at(
            format!("{who}: the quantity is {}; it must be a whole number from 1 to {MAX_QUANTITY}.", asset.quantity),
            format!("{path}.quantity"),
        ));
    }
    if let Some(product) = &asset.product {
        if !product_exists(product) {
            out.push(Problem::at(
                format!(
                    "{who} is linked to product \"{product}\", which is not in the file; \"product\" must be the id of one of its products, or be left out."
                ),
                format!("{path}.product"),
            ));
        }
    }
    if let Some(AssetKind::Custom(kind)) = &asset.kind {
        if kind.trim().is_empty() {
            out.push(Problem::at(
                format!("{who}: the type is blank; name a type, such as \"plc\" or \"Weighing terminal\", or leave the field out."),
                format!("{path}.type"),
            ));
        }
        check_text(kind, MAX_NAME_CHARS, format!("{path}.type"), who, "the type", out);
    }
    for (field, text) in [
        ("name", &asset.name),
        ("vendor", &asset.vendor),
        ("model", &asset.model),
        ("version", &asset.version),
        ("address", &asset.address),
        ("location", &asset.location),
    ] {
        check_text(text, MAX_NAME_CHARS, format!("{path}.{field}"), who, &format!("the {field}"), out);
    }
    check_text(&asset.notes, MAX_TEXT_CHARS, format!("{path}.notes"), who, "the notes", out);
}

/// The problem with the id of a zone, product or asset (`noun`), if any: it must be short and not empty,
/// and its own. `place` is the part's position in its list and that of an earlier part with the same id.
fn id_problem(who: &str, noun: &str, id: &str, place: (usize, Option<usize>), path: &str) -> Option<Problem> {
    let (i, earlier) = place;
    let message = if id.trim().is_empty() || id.chars().count() > 40 {
        format!(
            "{who}: the id is empty or longer than 40 characters; give each {noun} a short id, such as \"{}{}\".",
            noun.chars().next().unwrap_or('x'),
            i + 1
        )
    } else {
        let earlier = earlier?;
        format!("{who}: the id \"{id}\" is also the id of {noun} {}; each {noun} needs its own id.", earlier + 1)
    };
    Some(Problem::at(message, format!("{path}.id")))
}

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

    /// Where in the file the answers of this place go, and how often they are given.
    fn described(self) -> &'static str {
        match self {
            Place::Assessment => "once for the assessment, under \"assessment\"",
            Place::Zone => "per zone, under \"all_zones\" or \"zones\"",
            Place::Product => "per product, under \"products\"",
        }
    }
}

/// An answer must belong to its item's scale, and sit where the item is answered (per zone, per product
/// or once). Answers to ids the catalogue does not know are kept (reported by the caller as a notice).
fn check_fit(item_id: &str, response: &Response, path: &str, who: &str, place: Place, out: &mut Vec<Problem>) {
    let Some(item) = catalogue::item(item_id) else { return };
    let belongs = Place::of(item);
    if belongs != place {
        out.push(Problem::at(
            format!("{who} is in the wrong place: this question is answered {}.", belongs.described()),
            path,
        ));
        return;
    }
    if let Some(answer) = response.answer {
        if !answer.fits(item) {
            let scale: Vec<String> = Answer::scale_for(item).iter().map(|a| format!("\"{}\"", a.code())).collect();
            out.push(Problem::at(
                format!(
                    "{who}: \"{}\" ({}) is not an answer to this question; it takes one of {}.",
                    answer.code(),
                    answer.label(),
                    scale.join(", ")
                ),
                format!("{path}.answer"),
            ));
        }
    }
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
/// valid on its own is kept, the rest is listed in `dropped`, one sentence each that says what was left
/// out and why. The result gets `new_id` and is never written over the damaged entry (the caller keeps the
/// raw text). Data of a newer schema is not repaired: a newer version of the tool can read it.
pub fn repair(text: &str, new_id: &str, now: &str) -> Result<Repaired, ImportError> {
    use crate::domain::assessment::{ActionPlan, Conduit, Product, Profile, Zone};

    if text.len() > MAX_IMPORT_BYTES {
        return Err(Problem::new(format!(
            "The data is too large to repair (more than {} KB).",
            MAX_IMPORT_BYTES / 1024
        ))
        .into());
    }
    let value: Value = serde_json::from_str(text).map_err(|e| Problem {
        message: format!(
            "Nothing can be recovered automatically, because the data is not valid JSON: {}.",
            problems::syntax(&message_of(&e))
        ),
        path: None,
        position: Some((e.line(), e.column())),
    })?;
    if let Some(schema) = value.get("schema").and_then(Value::as_u64) {
        if schema > u64::from(SCHEMA_VERSION) {
            return Err(Problem::at(
                "This data was written by a newer version of the tool; open it there instead of repairing it here.",
                "schema",
            )
            .into());
        }
    }
    // The parts are named in what was left out as an import names them: by their place in the file, which
    // wraps the assessment (older data may be the bare assessment).
    let wrapped;
    let root = if value.get("assessment").is_some_and(Value::is_object) {
        &value
    } else {
        let mut file = serde_json::Map::new();
        file.insert("assessment".to_string(), value.clone());
        wrapped = Value::Object(file);
        &wrapped
    };
    let Some(obj) = root.get("assessment").and_then(Value::as_object) else {
        return Err(Problem::new("Nothing can be recovered automatically: the data holds no assessment.").into());
    };
    let at = |steps: &[Step]| -> Vec<Step> {
        std::iter::once(Step::Key("assessment".to_string())).chain(steps.iter().cloned()).collect()
    };
    let key = |k: &str| Step::Key(k.to_string());
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
    match obj.get("profile").map(|p| read_part::<Profile>(p, root, at(&[key("profile")]))) {
        Some(Ok(mut p)) => {
            truncate_chars(&mut p.organisation, MAX_NAME_CHARS);
            truncate_chars(&mut p.sector, MAX_NAME_CHARS);
            if !(1..=4).contains(&p.target_maturity) {
                dropped.push(format!(
                    "The profile: the target maturity level was {}, outside 1 to 4; it was set to 2.",
                    p.target_maturity
                ));
                p.target_maturity = 2;
            }
            a.profile = p;
        }
        Some(Err(problem)) => dropped.push(format!("{} The profile was reset.", problem.message)),
        None => {}
    }
    let mut names = BTreeSet::new();
    for (i, z) in obj.get("zones").and_then(Value::as_array).into_iter().flatten().enumerate() {
        match read_part::<Zone>(z, root, at(&[key("zones"), Step::Index(i)])) {
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
                truncate_chars(&mut zone.organisation, MAX_NAME_CHARS);
                for text in
                    [&mut zone.boundary, &mut zone.logical_access, &mut zone.physical_access, &mut zone.data_flows]
                {
                    truncate_chars(text, MAX_TEXT_CHARS);
                }
                let wizard_ok = zone.wizard.iter().all(|(q, o)| {
                    catalogue::WIZARD_QUESTIONS.iter().any(|wq| wq.id == q && wq.options.iter().any(|opt| opt.id == o))
                });
                if !wizard_ok {
                    zone.wizard.clear();
                    dropped.push(format!(
                        "Zone \"{}\": the answers to the target-level wizard could not be read and were removed.",
                        zone.name
                    ));
                }
                if a.zones.len() < MAX_ZONES {
                    a.zones.push(zone);
                }
            }
            Ok(zone) => dropped.push(format!(
                "{} was left out: its id is empty, longer than 40 characters or the id of another zone.",
                problems::numbered("Zone", i, Some(&zone.name))
            )),
            Err(problem) => dropped.push(format!("{} The zone was left out.", problem.message)),
        }
    }
    for (i, c) in obj.get("conduits").and_then(Value::as_array).into_iter().flatten().enumerate() {
        match read_part::<Conduit>(c, root, at(&[key("conduits"), Step::Index(i)])) {
            Ok(mut conduit)
                if a.zone(&conduit.from).is_some()
                    && a.zone(&conduit.to).is_some()
                    && !conduit.id.trim().is_empty()
                    && !a.conduits.iter().any(|x| x.id == conduit.id) =>
            {
                truncate_chars(&mut conduit.name, MAX_NAME_CHARS);
                truncate_chars(&mut conduit.protocols, MAX_NAME_CHARS * 4);
                truncate_chars(&mut conduit.manager, MAX_NAME_CHARS);
                if a.conduits.len() < MAX_CONDUITS {
                    a.conduits.push(conduit);
                }
            }
            Ok(conduit) => dropped.push(format!(
                "{} was left out: it connects a zone that was not recovered, or its id is empty or the id of another conduit.",
                problems::numbered("Conduit", i, Some(&conduit.name))
            )),
            Err(problem) => dropped.push(format!("{} The conduit was left out.", problem.message)),
        }
    }
    for (i, p) in obj.get("products").and_then(Value::as_array).into_iter().flatten().enumerate() {
        match read_part::<Product>(p, root, at(&[key("products"), Step::Index(i)])) {
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
            Ok(product) => dropped.push(format!(
                "{} was left out: its id is empty, longer than 40 characters or the id of another product.",
                problems::numbered("Product", i, Some(&product.name))
            )),
            Err(problem) => dropped.push(format!("{} The product was left out.", problem.message)),
        }
    }
    for (i, value) in obj.get("assets").and_then(Value::as_array).into_iter().flatten().enumerate() {
        match read_part::<Asset>(value, root, at(&[key("assets"), Step::Index(i)])) {
            Ok(mut asset) => {
                let who = problems::numbered("Asset", i, Some(&asset.name));
                let path = format!("assessment.assets[{i}]");
                for text in [
                    &mut asset.name,
                    &mut asset.vendor,
                    &mut asset.model,
                    &mut asset.version,
                    &mut asset.address,
                    &mut asset.location,
                ] {
                    truncate_chars(text, MAX_NAME_CHARS);
                }
                truncate_chars(&mut asset.notes, MAX_TEXT_CHARS);
                let mut problems = Vec::new();
                check_asset(&asset, &path, &who, |z| a.zone(z).is_some(), |p| a.product(p).is_some(), &mut problems);
                if asset.id.trim().is_empty()
                    || asset.id.chars().count() > 40
                    || a.assets.iter().any(|x| x.id == asset.id)
                {
                    dropped.push(format!(
                        "{who} was left out: its id is empty, longer than 40 characters or the id of another asset."
                    ));
                } else if a.assets.len() >= MAX_ASSETS {
                    dropped.push(format!("{who} was left out: the inventory already holds {MAX_ASSETS} assets."));
                } else if let Some(problem) = problems.first() {
                    dropped.push(format!("{} The asset was left out.", problem.message));
                } else {
                    a.assets.push(asset);
                }
            }
            Err(problem) => dropped.push(format!("{} The asset was left out.", problem.message)),
        }
    }
    let answers = obj.get("answers");
    // `place` says where the answers of `map` are given, for what was left out.
    let read_map =
        |map: Option<&Value>, where_: Place, place: AnswerFor, steps: Vec<Step>, dropped: &mut Vec<String>| {
            let mut out = BTreeMap::new();
            for (item_id, r) in map.and_then(Value::as_object).into_iter().flatten() {
                let fits = |resp: &Response| {
                    catalogue::item(item_id)
                        .is_none_or(|item| Place::of(item) == where_ && resp.answer.is_none_or(|ans| ans.fits(item)))
                };
                let path = at(&steps.iter().cloned().chain([key(item_id)]).collect::<Vec<_>>());
                match read_part::<Response>(r, root, path) {
                    Ok(mut resp) if fits(&resp) => {
                        truncate_chars(&mut resp.justification, MAX_TEXT_CHARS);
                        truncate_chars(&mut resp.notes, MAX_TEXT_CHARS);
                        resp.evidence.retain(|e| !e.document.trim().is_empty());
                        resp.evidence.truncate(MAX_EVIDENCE);
                        for evidence in &mut resp.evidence {
                            truncate_chars(&mut evidence.document, MAX_EVIDENCE_DOCUMENT_CHARS);
                            truncate_chars(&mut evidence.link, MAX_EVIDENCE_LINK_CHARS);
                            truncate_chars(&mut evidence.date, 40);
                        }
                        out.insert(item_id.clone(), resp);
                    }
                    Ok(_) => dropped.push(format!(
                        "{} was left out: this question does not take that answer, or is not answered there.",
                        problems::answer_subject(item_id, place)
                    )),
                    Err(problem) => dropped.push(format!("{} The answer was left out.", problem.message)),
                }
            }
            out
        };
    let scope = |name: &str| answers.and_then(|x| x.get(name));
    let steps = vec![key("answers"), key("assessment")];
    a.answers.assessment = read_map(scope("assessment"), Place::Assessment, AnswerFor::Assessment, steps, &mut dropped);
    let steps = vec![key("answers"), key("all_zones")];
    a.answers.all_zones = read_map(scope("all_zones"), Place::Zone, AnswerFor::AllZones, steps, &mut dropped);
    for (zone_id, map) in scope("zones").and_then(Value::as_object).into_iter().flatten() {
        let Some(zone) = a.zone(zone_id) else {
            dropped.push(format!("The answers for zone \"{zone_id}\" were left out: that zone was not recovered."));
            continue;
        };
        let name = zone.name.clone();
        let steps = vec![key("answers"), key("zones"), key(zone_id)];
        let m = read_map(Some(map), Place::Zone, AnswerFor::Zone(&name), steps, &mut dropped);
        if !m.is_empty() {
            a.answers.zones.insert(zone_id.clone(), m);
        }
    }
    for (product_id, map) in scope("products").and_then(Value::as_object).into_iter().flatten() {
        let Some(product) = a.product(product_id) else {
            dropped.push(format!(
                "The answers for product \"{product_id}\" were left out: that product was not recovered."
            ));
            continue;
        };
        let name = product.name.clone();
        let steps = vec![key("answers"), key("products"), key(product_id)];
        let m = read_map(Some(map), Place::Product, AnswerFor::Product(&name), steps, &mut dropped);
        if !m.is_empty() {
            a.answers.products.insert(product_id.clone(), m);
        }
    }
    for (action, p) in obj.get("plan").and_then(Value::as_object).into_iter().flatten() {
        match read_part::<ActionPlan>(p, root, at(&[key("plan"), key(action)])) {
            Ok(mut plan) => {
                truncate_chars(&mut plan.owner, MAX_NAME_CHARS);
                truncate_chars(&mut plan.target_date, 40);
                truncate_chars(&mut plan.note, MAX_TEXT_CHARS);
                a.plan.insert(action.clone(), plan);
            }
            Err(problem) => dropped.push(format!("{} The plan entry was left out.", problem.message)),
        }
    }
    if let Some(notice) = bring_answers_forward(&mut a) {
        dropped.push(notice);
    }
    // A snapshot is kept whole or left out: it is a record of what was, and a part of it repaired would
    // record something that never was.
    for (i, value) in obj.get("snapshots").and_then(Value::as_array).into_iter().flatten().enumerate() {
        match read_part::<Snapshot>(value, root, at(&[key("snapshots"), Step::Index(i)])) {
            Ok(snapshot) if a.snapshots.len() < MAX_SNAPSHOTS => {
                a.snapshots.push(snapshot);
                let mut found = Vec::new();
                snapshot_problems(&a, &mut found);
                if let Some(problem) = found.first() {
                    a.snapshots.pop();
                    dropped.push(format!("{} The snapshot was left out.", problem.message));
                }
            }
            Ok(snapshot) => dropped.push(format!(
                "{} was left out: an assessment keeps at most {MAX_SNAPSHOTS} snapshots.",
                problems::numbered("Snapshot", i, Some(&snapshot.name))
            )),
            Err(problem) => dropped.push(format!("{} The snapshot was left out.", problem.message)),
        }
    }
    validate(&a)?;
    Ok(Repaired { assessment: a, dropped })
}

/// Reads a `T` from a part of damaged data, at `at` in `root`. It goes through the same text reader as an
/// import ([`read_at`]) rather than `T::deserialize(value)`, so each saved type has one deserializer in the
/// wasm instead of two (measured: 6.7 KB gzip less).
fn read_part<T: DeserializeOwned>(part: &Value, root: &Value, at: Vec<Step>) -> Result<T, Problem> {
    read_at(&part.to_string(), root, &at)
}
