//! What is wrong with a file, in the user's words: which zone, conduit, product, asset, answer or plan entry, which
//! of its fields, what the file holds there and what is allowed.
//!
//! serde and serde_json describe a refused value in Rust's terms (``invalid type: floating point `2.5`,
//! expected u8``, ``unknown field `__proto__` ``). The sentences here replace them: the field path comes from
//! `serde_path_to_error`, the value found from the file itself, and only the kind of refusal (unknown,
//! missing or repeated field, or a wrong value) and, for an unknown code, the codes allowed are read from
//! serde's message.

use crate::domain::answers::Answer;
use crate::domain::catalogue;
use serde_json::Value;

/// One step of a field path: a field name or map key, or a position in a list (from 0).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Step {
    /// A field or map key.
    Key(String),
    /// A list position.
    Index(usize),
}

/// A field path as `serde_path_to_error` writes it: `assessment.zones[2].target`.
pub(crate) fn path_text(path: &[Step]) -> String {
    let mut out = String::new();
    for step in path {
        match step {
            Step::Key(key) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// The steps of a `serde_path_to_error` path.
pub(crate) fn steps(path: &serde_path_to_error::Path) -> Vec<Step> {
    use serde_path_to_error::Segment;
    path.iter()
        .filter_map(|segment| match segment {
            Segment::Seq { index } => Some(Step::Index(*index)),
            Segment::Map { key } => Some(Step::Key(key.clone())),
            Segment::Enum { variant } => Some(Step::Key(variant.clone())),
            _ => None,
        })
        .collect()
}

const TEXT: &str = "a text in double quotes";
const GROUP: &str = "a group of fields in curly braces { }";
const LIST: &str = "a list in square brackets [ ]";
const LEVEL: &str = "a whole number from 0 to 4";
const LEVELS: &str = "a list of seven whole numbers from 0 to 4, one per foundational requirement (FR 1 to FR 7)";
const BOOL: &str = "true or false";
const TIME: &str = "a date and time in double quotes, such as \"2026-03-02T08:15:00Z\"";

/// What a part of the file is, for the fields it may hold.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    File,
    Assessment,
    Profile,
    Zone,
    Conduit,
    Product,
    Asset,
    Answers,
    AnswerMap,
    Response,
    PlanEntry,
    Snapshot,
}

/// "Zone 3 ("Control room")", or "Zone 3" when it has no name.
pub(crate) fn numbered(what: &str, index: usize, name: Option<&str>) -> String {
    match name.map(str::trim).filter(|n| !n.is_empty()) {
        Some(name) => format!("{what} {} (\"{}\")", index + 1, shortened(name)),
        None => format!("{what} {}", index + 1),
    }
}

/// A question by its reference and title, e.g. `SR 1.1 ("Human user identification and authentication")`;
/// an id the catalogue does not know is quoted as it is.
pub(crate) fn question(item_id: &str) -> String {
    match catalogue::item(item_id) {
        Some(item) => format!("{} (\"{}\")", item.main_ref(), item.title),
        None => format!("question \"{}\"", shortened(item_id)),
    }
}

/// Where an answer sits: once for the assessment, for all zones, or for one zone or product (by name).
#[derive(Clone, Copy)]
pub(crate) enum AnswerFor<'a> {
    Assessment,
    AllZones,
    Zone(&'a str),
    Product(&'a str),
}

/// "The answer to SR 1.1 ("...") for zone "Cell A"".
pub(crate) fn answer_subject(item_id: &str, place: AnswerFor<'_>) -> String {
    let place = match place {
        AnswerFor::Assessment => "given once for the assessment".to_string(),
        AnswerFor::AllZones => "for all zones".to_string(),
        AnswerFor::Zone(zone) => format!("for zone \"{}\"", shortened(zone)),
        AnswerFor::Product(product) => format!("for product \"{}\"", shortened(product)),
    };
    format!("The answer to {} {place}", question(item_id))
}

/// At most 60 characters of a name or value, so that a sentence stays readable.
fn shortened(text: &str) -> String {
    if text.chars().count() > 60 {
        format!("{}…", text.chars().take(59).collect::<String>())
    } else {
        text.to_string()
    }
}

/// A value of the file as the user would describe it: `9`, `"maybe"`, `a list of 3 entries`.
fn found(value: &Value) -> String {
    match value {
        Value::Null => "null".to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => format!("\"{}\"", shortened(s)),
        Value::Array(items) if items.len() == 1 => "a list of 1 entry".to_string(),
        Value::Array(items) => format!("a list of {} entries", items.len()),
        Value::Object(_) => "a group of fields".to_string(),
    }
}

/// The value at `path` in the file.
fn value_at<'v>(root: &'v Value, path: &[Step]) -> Option<&'v Value> {
    path.iter().try_fold(root, |value, step| match step {
        Step::Key(key) => value.get(key),
        Step::Index(i) => value.get(i),
    })
}

/// The words between backticks in serde's message: the field or variant it refused, then the ones it
/// expected (``unknown variant `maybe`, expected one of `implemented`, `partial` ``).
fn backticked(message: &str) -> Vec<&str> {
    message.split('`').skip(1).step_by(2).collect()
}

/// `"a"`, or `one of "a", "b", "c"`.
fn one_of(codes: &[&str]) -> String {
    let quoted: Vec<String> = codes.iter().map(|c| format!("\"{c}\"")).collect();
    match quoted.len() {
        0 => "a code this tool writes".to_string(),
        1 => quoted[0].clone(),
        _ => format!("one of {}", quoted.join(", ")),
    }
}

/// Who a path is about ("Zone 3 ("Control room")", "The answer to SR 1.1 (...) for all zones"), what
/// kind of part that is, and how many steps of the path it takes.
fn subject(path: &[Step], root: &Value) -> (String, Kind, usize) {
    let key = |i: usize| match path.get(i) {
        Some(Step::Key(k)) => Some(k.as_str()),
        _ => None,
    };
    if key(0) != Some("assessment") {
        return ("The file".to_string(), Kind::File, 0);
    }
    let assessment = root.get("assessment");
    let name_in = |list: &str, i: usize| {
        assessment.and_then(|a| a.get(list)).and_then(|l| l.get(i)).and_then(|x| x.get("name")).and_then(Value::as_str)
    };
    // A zone or product named by its id in the answers: its name when the file has it.
    let name_of = |list: &str, id: &str| -> String {
        assessment
            .and_then(|a| a.get(list))
            .and_then(Value::as_array)
            .and_then(|l| l.iter().find(|x| x.get("id").and_then(Value::as_str) == Some(id)))
            .and_then(|x| x.get("name"))
            .and_then(Value::as_str)
            .filter(|n| !n.trim().is_empty())
            .unwrap_or(id)
            .to_string()
    };
    match (key(1), path.get(2)) {
        (Some("snapshots"), Some(Step::Index(i))) => {
            let snapshot = assessment.and_then(|a| a.get("snapshots")).and_then(|l| l.get(*i));
            match (key(3), snapshot.and_then(|s| s.get("state"))) {
                // Inside the frozen state: said as for an assessment, in a file whose assessment is that state.
                (Some("state"), Some(state)) if path.len() > 4 => {
                    let mut file = serde_json::Map::new();
                    file.insert("assessment".to_string(), state.clone());
                    let inner: Vec<Step> =
                        std::iter::once(Step::Key("assessment".to_string())).chain(path[4..].iter().cloned()).collect();
                    let (who, kind, taken) = subject(&inner, &Value::Object(file));
                    (format!("In snapshot {} (as it was): {who}", i + 1), kind, taken + 3)
                }
                _ => (numbered("Snapshot", *i, name_in("snapshots", *i)), Kind::Snapshot, 3),
            }
        }
        (Some("zones"), Some(Step::Index(i))) => (numbered("Zone", *i, name_in("zones", *i)), Kind::Zone, 3),
        (Some("conduits"), Some(Step::Index(i))) => {
            (numbered("Conduit", *i, name_in("conduits", *i)), Kind::Conduit, 3)
        }
        (Some("products"), Some(Step::Index(i))) => {
            (numbered("Product", *i, name_in("products", *i)), Kind::Product, 3)
        }
        (Some("assets"), Some(Step::Index(i))) => (numbered("Asset", *i, name_in("assets", *i)), Kind::Asset, 3),
        (Some("profile"), _) => ("The profile".to_string(), Kind::Profile, 2),
        (Some("plan"), Some(Step::Key(action))) => {
            (format!("The roadmap plan for {}", question(action)), Kind::PlanEntry, 3)
        }
        (Some("answers"), _) => match (key(2), key(3), key(4)) {
            (Some("assessment"), Some(item), _) => (answer_subject(item, AnswerFor::Assessment), Kind::Response, 4),
            (Some("all_zones"), Some(item), _) => (answer_subject(item, AnswerFor::AllZones), Kind::Response, 4),
            (Some("zones"), Some(zone), Some(item)) => {
                (answer_subject(item, AnswerFor::Zone(&name_of("zones", zone))), Kind::Response, 5)
            }
            (Some("products"), Some(product), Some(item)) => {
                (answer_subject(item, AnswerFor::Product(&name_of("products", product))), Kind::Response, 5)
            }
            (Some("zones"), Some(zone), None) => {
                (format!("The answers for zone \"{}\"", shortened(&name_of("zones", zone))), Kind::AnswerMap, 4)
            }
            (Some("products"), Some(product), None) => (
                format!("The answers for product \"{}\"", shortened(&name_of("products", product))),
                Kind::AnswerMap,
                4,
            ),
            _ => ("The answers".to_string(), Kind::Answers, 2),
        },
        _ => ("The assessment".to_string(), Kind::Assessment, 1),
    }
}

/// What a field may hold: said in words, or a list of codes (`what` names an element).
#[derive(Clone, Copy)]
enum Allowed {
    Is(&'static str),
    ListOf(&'static str, &'static str),
}

// The codes of the saved enums, as a message lists them (tests/storage.rs checks each against serde's own
// list, so they cannot drift from the types).
const ROLES: &str = "one of \"asset_owner\", \"system_integrator\", \"product_supplier\"";
const ASSET_TYPES: &str = "one of \"plc\", \"hmi\", \"scada_server\", \"historian\", \"engineering_workstation\", \
                           \"safety_system\", \"network_equipment\", \"remote_access\", \"field_device\", \"server\"";
const PURDUE_LEVELS: &str = "one of \"enterprise\", \"business\", \"dmz\", \"operations\", \"supervisory\", \
                             \"control\", \"field\", \"safety\"";
const CRITICALITY: &str = "one of \"low\", \"medium\", \"high\", \"critical\"";
const CONDUIT_TYPES: &str = "one of \"firewall\", \"gateway\", \"data_diode\", \"filtering_device\", \"unmanaged\"";
/// Every answer code (a known question takes those of its own scale, see [`refused_value`]).
const ANSWERS: &str = "one of \"implemented\", \"partial\", \"not_implemented\", \"compensating\", \
                       \"not_applicable\", \"dont_know\", \"vendor_to_confirm\", \"not_performed\", \"ml1\", \"ml2\", \
                       \"ml3\", \"ml4\"";

/// Each field of the saved format: the kind of part that holds it (`None`: any), its name, what it is
/// called in a sentence and what it may hold.
const FIELDS: &[(Option<Kind>, &str, &str, Allowed)] = &[
    (Some(Kind::File), "format", "the format marker", Allowed::Is("\"iec62443-assess/assessment\"")),
    (Some(Kind::File), "schema", "the schema version", Allowed::Is("a whole number, 1 or more")),
    (None, "catalogue_version", "the catalogue version", Allowed::Is("a text such as \"2026.12-1\"")),
    (Some(Kind::File), "assessment", "the assessment", Allowed::Is(GROUP)),
    (None, "id", "the id", Allowed::Is(TEXT)),
    (None, "name", "the name", Allowed::Is(TEXT)),
    (Some(Kind::Assessment), "created", "the creation time", Allowed::Is(TIME)),
    (Some(Kind::Assessment), "updated", "the time of the last change", Allowed::Is(TIME)),
    (Some(Kind::Assessment), "profile", "the profile", Allowed::Is(GROUP)),
    (Some(Kind::Assessment), "zones", "the list of zones", Allowed::Is(LIST)),
    (Some(Kind::Assessment), "conduits", "the list of conduits", Allowed::Is(LIST)),
    (Some(Kind::Assessment), "products", "the list of products", Allowed::Is(LIST)),
    (Some(Kind::Assessment), "assets", "the asset inventory", Allowed::Is(LIST)),
    (Some(Kind::Assessment), "answers", "the answers", Allowed::Is(GROUP)),
    (Some(Kind::Assessment), "plan", "the roadmap plan", Allowed::Is(GROUP)),
    (Some(Kind::Assessment), "last_step", "the step last open", Allowed::Is(TEXT)),
    (Some(Kind::Assessment), "snapshots", "the list of snapshots", Allowed::Is(LIST)),
    (Some(Kind::Snapshot), "taken", "the date it was taken", Allowed::Is(TIME)),
    (Some(Kind::Snapshot), "state", "the state it froze", Allowed::Is(GROUP)),
    (Some(Kind::Profile), "organisation", "the organisation", Allowed::Is(TEXT)),
    (Some(Kind::Profile), "sector", "the sector", Allowed::Is(TEXT)),
    (Some(Kind::Profile), "roles", "the roles", Allowed::ListOf("role", ROLES)),
    (Some(Kind::Profile), "mode", "the mode", Allowed::Is("one of \"quick\", \"full\"")),
    (Some(Kind::Profile), "target_maturity", "the target maturity level", Allowed::Is("a whole number from 1 to 4")),
    (None, "description", "the description", Allowed::Is(TEXT)),
    (Some(Kind::Zone), "asset_types", "the asset types", Allowed::ListOf("asset type", ASSET_TYPES)),
    (Some(Kind::Zone), "criticality", "the criticality", Allowed::Is(CRITICALITY)),
    (Some(Kind::Zone), "target", "the target security level (SL-T)", Allowed::Is(LEVELS)),
    (Some(Kind::Zone), "wizard", "the answers to the target-level wizard", Allowed::Is(GROUP)),
    (Some(Kind::Zone), "organisation", "the accountable organisation", Allowed::Is(TEXT)),
    (Some(Kind::Zone), "boundary", "the boundary", Allowed::Is(TEXT)),
    (Some(Kind::Zone), "logical_access", "the logical access points", Allowed::Is(TEXT)),
    (Some(Kind::Zone), "physical_access", "the physical access points", Allowed::Is(TEXT)),
    (Some(Kind::Zone), "data_flows", "the data flows", Allowed::Is(TEXT)),
    (Some(Kind::Zone), "purdue_levels", "the Purdue levels", Allowed::ListOf("Purdue level", PURDUE_LEVELS)),
    (Some(Kind::Conduit), "from", "the zone it starts from (\"from\")", Allowed::Is("the id of a zone in the file")),
    (Some(Kind::Conduit), "to", "the zone it leads to (\"to\")", Allowed::Is("the id of a zone in the file")),
    (Some(Kind::Conduit), "protocols", "the protocols", Allowed::Is(TEXT)),
    (Some(Kind::Conduit), "crosses_it", "\"crosses_it\" (whether it crosses the IT network)", Allowed::Is(BOOL)),
    (
        Some(Kind::Conduit),
        "crosses_internet",
        "\"crosses_internet\" (whether it crosses the internet)",
        Allowed::Is(BOOL),
    ),
    (
        Some(Kind::Conduit),
        "target",
        "its own target level",
        Allowed::Is(
            "a list of seven whole numbers from 0 to 4, one per foundational requirement (FR 1 to FR 7), or left \
             out when the conduit follows its zones",
        ),
    ),
    (Some(Kind::Conduit), "type", "the conduit type", Allowed::Is(CONDUIT_TYPES)),
    (Some(Kind::Conduit), "manager", "the manager", Allowed::Is(TEXT)),
    (
        Some(Kind::Product),
        "component_type",
        "the component type",
        Allowed::Is("one of \"software_application\", \"embedded_device\", \"host_device\", \"network_device\""),
    ),
    (Some(Kind::Product), "target", "the aimed capability level (SL-C)", Allowed::Is(LEVELS)),
    (Some(Kind::Asset), "zone", "the zone", Allowed::Is("the id of a zone in the file, in double quotes")),
    (
        Some(Kind::Asset),
        "type",
        "the type",
        Allowed::Is("a text in double quotes: a type id such as \"plc\" or \"hmi\", or a type of your own"),
    ),
    (Some(Kind::Asset), "vendor", "the vendor", Allowed::Is(TEXT)),
    (Some(Kind::Asset), "model", "the model", Allowed::Is(TEXT)),
    (Some(Kind::Asset), "version", "the version", Allowed::Is(TEXT)),
    (Some(Kind::Asset), "quantity", "the quantity", Allowed::Is("a whole number from 1 to 1000000")),
    (Some(Kind::Asset), "criticality", "the criticality", Allowed::Is(CRITICALITY)),
    (Some(Kind::Asset), "purdue", "the Purdue level", Allowed::Is(PURDUE_LEVELS)),
    (Some(Kind::Asset), "address", "the network address", Allowed::Is(TEXT)),
    (Some(Kind::Asset), "location", "the location", Allowed::Is(TEXT)),
    (Some(Kind::Asset), "notes", "the notes", Allowed::Is(TEXT)),
    (Some(Kind::Asset), "product", "the product", Allowed::Is("the id of a product in the file, in double quotes")),
    (Some(Kind::Answers), "assessment", "the answers given once for the assessment", Allowed::Is(GROUP)),
    (Some(Kind::Answers), "all_zones", "the answers for all zones", Allowed::Is(GROUP)),
    (Some(Kind::Answers), "zones", "the answers per zone", Allowed::Is(GROUP)),
    (Some(Kind::Answers), "products", "the answers per product", Allowed::Is(GROUP)),
    (Some(Kind::Response), "answer", "the chosen answer", Allowed::Is(ANSWERS)),
    (Some(Kind::Response), "justification", "the justification", Allowed::Is(TEXT)),
    (Some(Kind::Response), "notes", "the notes", Allowed::Is(TEXT)),
    (Some(Kind::Response), "evidence", "the evidence references", Allowed::Is(LIST)),
    (Some(Kind::PlanEntry), "status", "the status", Allowed::Is("one of \"open\", \"planned\", \"done\"")),
    (Some(Kind::PlanEntry), "owner", "the owner", Allowed::Is(TEXT)),
    (Some(Kind::PlanEntry), "target_date", "the target date", Allowed::Is("a text such as \"2027-03-31\"")),
    (Some(Kind::PlanEntry), "note", "the note", Allowed::Is(TEXT)),
];

/// What a field is called and what it may hold, for a field (and list element or map entry) of a part.
fn field(kind: Kind, rest: &[Step]) -> (String, String) {
    let Some(Step::Key(name)) = rest.first() else { return (String::new(), GROUP.to_string()) };
    let known = FIELDS.iter().find(|(k, n, _, _)| k.is_none_or(|k| k == kind) && n == name);
    let Some(&(_, _, noun, allowed)) = known else {
        return (format!("the field \"{}\"", shortened(name)), "a value this tool writes there".to_string());
    };
    match (rest.get(1), allowed) {
        (Some(Step::Index(i)), _) if name == "target" => (format!("{noun} for FR {}", i + 1), LEVEL.to_string()),
        (Some(Step::Index(i)), Allowed::ListOf(element, codes)) => {
            (format!("{element} number {}", i + 1), codes.into())
        }
        (Some(Step::Index(i)), _) if name == "evidence" => match rest.get(2) {
            Some(Step::Key(part)) if ["document", "link", "date"].contains(&part.as_str()) => {
                (format!("the {part} of evidence reference {}", i + 1), TEXT.to_string())
            }
            _ => (
                format!("evidence reference {}", i + 1),
                "a group of fields in curly braces { } with \"document\" and, if known, \"link\" and \"date\""
                    .to_string(),
            ),
        },
        (Some(Step::Key(q)), _) if name == "wizard" => {
            (format!("the wizard answer to \"{}\"", shortened(q)), TEXT.to_string())
        }
        (None, Allowed::Is(words)) => (noun.to_string(), words.to_string()),
        (None, Allowed::ListOf(element, codes)) => (noun.to_string(), format!("a list, each {element} {codes}")),
        (Some(_), _) => (format!("a part of {noun}"), "a value this tool writes there".to_string()),
    }
}

/// A sentence for a value that serde refused: who it is about, which field, what the file holds there and
/// what is allowed. `path` is the full field path of the refusal, `message` serde's message (without
/// position), `root` the whole file.
pub(crate) fn refused_value(path: &[Step], message: &str, root: &Value) -> String {
    let (who, kind, taken) = subject(path, root);
    let rest = path.get(taken..).unwrap_or_default();
    let quoted = backticked(message);
    let named = quoted.first().map(|f| shortened(f)).unwrap_or_default();
    if message.starts_with("unknown field") {
        // The path ends at the unknown field; `who` is the part that holds it.
        let known = quoted.get(1..).unwrap_or_default().join(", ");
        let known = if known.is_empty() { String::new() } else { format!(" The fields it can have: {known}.") };
        return format!("{who} has a field \"{named}\" that this tool does not know; remove it.{known}");
    }
    if message.starts_with("missing field") {
        let (noun, allowed) = field(kind, &[Step::Key(named.clone())]);
        return format!("{who}: {noun} (\"{named}\") is missing; it must be {allowed}.");
    }
    if message.starts_with("duplicate field") {
        return format!("{who} has the field \"{named}\" twice; keep only one.");
    }
    let (noun, mut allowed) = field(kind, rest);
    if message.starts_with("unknown variant") {
        allowed = one_of(quoted.get(1..).unwrap_or_default());
    }
    // An answer of a known question: the answers of its own scale.
    let item = match taken.checked_sub(1).and_then(|i| path.get(i)) {
        Some(Step::Key(id)) if kind == Kind::Response => catalogue::item(id),
        _ => None,
    };
    if let (Some(item), [Step::Key(name)]) = (item, rest) {
        if name == "answer" {
            let scale: Vec<&str> = Answer::scale_for(item).iter().map(|a| a.code()).collect();
            allowed = one_of(&scale);
        }
    }
    let what = value_at(root, path).map(found);
    let it = if matches!(kind, Kind::Answers | Kind::AnswerMap) { "they" } else { "it" };
    match (rest.is_empty(), what) {
        (true, Some(what)) => format!("{who} cannot be {what}; {it} must be {allowed}."),
        (true, None) => format!("{who} cannot be read; {it} must be {allowed}."),
        (false, Some(what)) => format!("{who}: {noun} cannot be {what}; it must be {allowed}."),
        (false, None) => format!("{who}: {noun} cannot be read; it must be {allowed}."),
    }
}

/// serde_json's description of a syntax error, in words.
pub(crate) fn syntax(message: &str) -> &str {
    match message {
        m if m.starts_with("EOF while parsing") => "the file ends too early (it may have been cut off)",
        "expected value" | "expected ident" => {
            "something here is not a JSON value (texts are written in double quotes; true, false and null in lower case)"
        }
        "expected `,` or `]`" => "a comma or a closing ] is missing",
        "expected `,` or `}`" => "a comma or a closing } is missing",
        "expected `:`" => "a colon is missing after a field name",
        "expected `\"`" | "key must be a string" => "a field name is not in double quotes",
        "trailing comma" => "a comma stands right before a closing bracket",
        "trailing characters" => "there is more text after the end of the data",
        "recursion limit exceeded" => "the data is nested too deeply (more than 128 levels)",
        "invalid escape"
        | "unexpected end of hex escape"
        | "lone leading surrogate in hex escape"
        | "invalid unicode code point" => "a text holds a backslash (\\) that starts no valid escape",
        m if m.starts_with("control character") => "a text holds a line break or tab; write it as \\n or \\t",
        "invalid number" | "number out of range" => "a number is written wrongly or is too large",
        other => other,
    }
}
