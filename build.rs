//! Turns the hand-edited content in `questionnaires/` into Rust data (`$OUT_DIR/catalogue_data.rs`),
//! so the browser ships no TOML parser and a broken file fails the build with a message that names the
//! file, the item and the problem.

use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Roadmap phases: (value in the files, `Phase` variant, whether it is a product supplier's phase).
const PHASES: [(&str, &str, bool); 11] = [
    ("governance", "Governance", false),
    ("inventory", "Inventory", false),
    ("risk", "Risk", false),
    ("targets", "Targets", false),
    ("controls", "Controls", false),
    ("operations", "Operations", false),
    ("improve", "Improve", false),
    ("process", "Process", true),
    ("design", "Design", true),
    ("build", "Build", true),
    ("support", "Support", true),
];

/// The parts a product supplier answers, whose items take the supplier's phases.
const SUPPLIER_PARTS: [&str; 2] = ["iec62443-4-1", "iec62443-4-2"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogueFile {
    version: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PartFile {
    part: String,
    edition: String,
    #[serde(default)]
    area: Vec<RawArea>,
    #[serde(default)]
    item: Vec<RawItem>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawArea {
    id: String,
    refs: Vec<String>,
    title: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    id: String,
    refs: Vec<String>,
    title: String,
    question: String,
    why: String,
    evidence: Vec<String>,
    action: String,
    effort: String,
    phase: String,
    fr: Option<String>,
    sl: Option<u8>,
    area: Option<String>,
    levels: Option<Vec<String>>,
    types: Option<Vec<String>>,
    uncertain: Option<String>,
    #[serde(default)]
    ask_vendor: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WizardFile {
    matrix: Vec<Vec<u8>>,
    question: Vec<RawWizardQuestion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWizardQuestion {
    id: String,
    dimension: String,
    text: String,
    help: String,
    option: Vec<RawWizardOption>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWizardOption {
    id: String,
    label: String,
    score: u8,
    #[serde(default)]
    raise: BTreeMap<String, u8>,
    #[serde(default)]
    reason: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuickScanFile {
    items: Vec<String>,
}

#[derive(Deserialize)]
struct SlMapEntry {
    id: String,
    fr: String,
    title: String,
    sl: u8,
    #[serde(default)]
    uncertain: Option<String>,
    re: Vec<SlMapRe>,
}

#[derive(Deserialize)]
struct SlMapRe {
    id: String,
    title: String,
    sl: u8,
    #[serde(default)]
    uncertain: Option<String>,
}

#[derive(Deserialize)]
struct CrEntry {
    number: String,
    title: String,
    fr: String,
    sl: u8,
    types: Vec<String>,
    type_specific: bool,
    re: Vec<CrRe>,
}

#[derive(Deserialize)]
struct CrRe {
    number: u8,
    title: String,
    sl: u8,
    types: Vec<String>,
}

#[derive(Deserialize)]
struct PracticeEntry {
    id: String,
    #[allow(dead_code)]
    title: String,
    requirements: Vec<RefEntry>,
}

/// What the 4-2 reference expects of one item.
struct CrExpect {
    fr: String,
    sl: u8,
    title: String,
    refs: Vec<String>,
    types: Vec<String>,
}

fn type_variant(t: &str) -> Option<&'static str> {
    Some(match t {
        "SAR" => "ComponentType::SoftwareApplication",
        "EDR" => "ComponentType::EmbeddedDevice",
        "HDR" => "ComponentType::HostDevice",
        "NDR" => "ComponentType::NetworkDevice",
        _ => return None,
    })
}

#[derive(Deserialize)]
struct RefEntry {
    id: String,
    #[allow(dead_code)]
    title: String,
    #[serde(default)]
    elements: Vec<RefEntry>,
}

/// The requirement a split item shares with its main item: `sr-7.4-b` asks a second question of the
/// requirement `sr-7.4` asks about (one question per item), so it has the same references and level.
fn split_base(id: &str) -> Option<&str> {
    let (base, suffix) = id.rsplit_once('-')?;
    (suffix.len() == 1 && suffix.as_bytes()[0].is_ascii_lowercase() && suffix != "a").then_some(base)
}

/// Collects every problem found, so one build run reports all of them.
#[derive(Default)]
struct Problems(Vec<String>);

impl Problems {
    fn add(&mut self, file: &str, item: &str, problem: impl Into<String>) {
        self.0.push(format!("{file}: item `{item}`: {}", problem.into()));
    }
}

fn read(path: &Path) -> String {
    println!("cargo:rerun-if-changed={}", path.display());
    std::fs::read_to_string(path).unwrap_or_else(|e| fail(&[format!("{}: cannot read: {e}", path.display())]))
}

fn parse_toml<T: serde::de::DeserializeOwned>(path: &Path) -> T {
    let text = read(path);
    toml::from_str(&text).unwrap_or_else(|e| fail(&[format!("{}: not valid: {e}", path.display())]))
}

fn parse_json<T: serde::de::DeserializeOwned>(path: &Path) -> T {
    let text = read(path);
    serde_json::from_str(&text).unwrap_or_else(|e| fail(&[format!("{}: not valid JSON: {e}", path.display())]))
}

fn fail(problems: &[String]) -> ! {
    eprintln!("\nThe questionnaire content has {} problem(s):", problems.len());
    for p in problems {
        eprintln!("  - {p}");
    }
    eprintln!("See questionnaires/README.md for the format.\n");
    std::process::exit(1);
}

/// Rust string literal for `s`.
/// Ends each text in the generated text blocks (`ITEM_TEXT`, `AREA_TEXT`, `WIZARD_TEXT`); the content may not use it.
const TEXT_SEPARATOR: char = '\u{1f}';

/// Marks, in the compressed texts, a capital letter that starts a word written in lower case ("Zone"
/// becomes U+0001 "zone"), so that PPMd sees one spelling of each word: 0.4 KB less to download. The
/// content may not use it.
const CAPITAL_MARK: char = '\u{1}';

/// `text` with each capital that starts a lower-case run written as [`CAPITAL_MARK`] and the lower-case
/// letter; the app's `catalogue::unmark_capitals` undoes it.
fn mark_capitals(text: &str) -> String {
    let mut coded = String::with_capacity(text.len() + text.len() / 16);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_uppercase() && chars.peek().is_some_and(char::is_ascii_lowercase) {
            coded.push(CAPITAL_MARK);
            coded.push(c.to_ascii_lowercase());
        } else {
            coded.push(c);
        }
    }
    coded
}

/// Appends texts to a generated text block, each followed by [`TEXT_SEPARATOR`].
fn push_texts(block: &mut String, texts: Vec<&String>, p: &mut Problems, file: &str, id: &str) {
    for t in texts {
        if t.contains(TEXT_SEPARATOR) || t.contains(CAPITAL_MARK) {
            p.add(file, id, "texts may not contain the control characters U+0001 and U+001F");
        }
        block.push_str(t);
        block.push(TEXT_SEPARATOR);
    }
}

fn lit(s: &str) -> String {
    format!("{s:?}")
}

fn lits(v: &[String]) -> String {
    let parts: Vec<String> = v.iter().map(|s| lit(s)).collect();
    format!("&[{}]", parts.join(", "))
}

fn fr_variant(fr: &str) -> Option<&'static str> {
    Some(match fr {
        "FR1" => "Fr::Fr1",
        "FR2" => "Fr::Fr2",
        "FR3" => "Fr::Fr3",
        "FR4" => "Fr::Fr4",
        "FR5" => "Fr::Fr5",
        "FR6" => "Fr::Fr6",
        "FR7" => "Fr::Fr7",
        _ => return None,
    })
}

/// A 3-3 or 4-2 item carries its requirement's short public title, followed by ": " and the aspect it asks
/// about when the requirement is split over several items.
fn title_fits(title: &str, public: &str) -> bool {
    title == public
        || title.strip_prefix(public).and_then(|rest| rest.strip_prefix(": ")).is_some_and(|a| !a.is_empty())
}

fn has_markup(s: &str) -> bool {
    s.contains('<') || s.contains('>') || s.contains('`') || s.contains("**")
}

/// Checks the fields every item shares.
fn check_common(file: &str, it: &RawItem, refs: &BTreeSet<String>, p: &mut Problems) {
    let id = it.id.as_str();
    let ok_id =
        !id.is_empty() && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.');
    if !ok_id {
        p.add(file, id, "id must be non-empty lower case letters, digits, '-' and '.'");
    }
    if it.refs.is_empty() {
        p.add(file, id, "refs is empty: cite at least one identifier");
    }
    for r in &it.refs {
        if !refs.contains(r) {
            p.add(file, id, format!("reference `{r}` does not exist in reference/"));
        }
    }
    for (field, text) in [("title", &it.title), ("question", &it.question), ("why", &it.why), ("action", &it.action)] {
        if text.trim().is_empty() {
            p.add(file, id, format!("`{field}` is empty"));
        }
        if has_markup(text) {
            p.add(file, id, format!("`{field}` contains markup (<, >, ` or **): write plain text"));
        }
    }
    if !(2..=4).contains(&it.evidence.len()) {
        p.add(file, id, "`evidence` needs two to four examples");
    }
    if it.evidence.iter().any(|e| e.trim().is_empty()) {
        p.add(file, id, "`evidence` has an empty entry");
    }
    if !["S", "M", "L"].contains(&it.effort.as_str()) {
        p.add(file, id, format!("effort `{}` must be S, M or L", it.effort));
    }
    match PHASES.iter().find(|(k, _, _)| *k == it.phase) {
        None => p.add(file, id, format!("phase `{}` is not one of the roadmap phases", it.phase)),
        Some((_, _, supplier)) => {
            let supplier_part = SUPPLIER_PARTS.iter().any(|part| file.ends_with(&format!("{part}.toml")));
            if *supplier != supplier_part {
                let which = if supplier_part { "a product supplier's" } else { "an asset owner's or integrator's" };
                p.add(file, id, format!("phase `{}` is not one of {which} phases", it.phase));
            }
        }
    }
    if it.ask_vendor && !file.ends_with("iec62443-3-3.toml") {
        p.add(file, id, "`ask_vendor` is only for IEC 62443-3-3 items");
    }
}

/// PPMd (variant H, the one 7z uses) model order and memory for the catalogue texts. Order 6 in 2 MiB
/// compresses them to about 60 KB, where LZMA at its best gave 75 KB; higher orders gain under 1% and need
/// more memory. The app allocates the same 2 MiB once, while it decodes (about 27 ms natively) with
/// `domain::ppmd`, its own port of ppmd-rust's decoder: the two must stay byte-for-byte compatible
/// (tests/ppmd.rs checks them against each other).
const PPMD_ORDER: u32 = 6;
const PPMD_MEM: u32 = 2 << 20;

/// Compresses the catalogue texts as one PPMd stream with ppmd-rust's encoder (no end marker: the app knows
/// the length).
fn compress(text: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let run = || -> std::io::Result<Vec<u8>> {
        let mut e = ppmd_rust::Ppmd7Encoder::new(Vec::new(), PPMD_ORDER, PPMD_MEM)
            .map_err(|e| std::io::Error::other(e.to_string()))?;
        e.write_all(text)?;
        e.finish(false)
    };
    run().unwrap_or_else(|e| fail(&[format!("cannot compress the catalogue texts: {e}")]))
}

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let q = root.join("questionnaires");
    let reference = root.join("reference");
    let mut p = Problems::default();

    // Reference structure.
    let sl_map: Vec<SlMapEntry> = parse_json(&reference.join("iec62443-3-3-sl-map.json"));
    let zcr: Vec<RefEntry> = parse_json(&reference.join("iec62443-3-2-zcr.json"));
    let spe: Vec<RefEntry> = parse_json(&reference.join("iec62443-2-1-elements.json"));
    let mut sr_expect: BTreeMap<String, (String, u8, String)> = BTreeMap::new();
    let mut sr_uncertain: BTreeSet<String> = BTreeSet::new();
    for s in &sl_map {
        sr_expect.insert(s.id.clone(), (s.fr.clone(), s.sl, s.title.clone()));
        if s.uncertain.is_some() {
            sr_uncertain.insert(s.id.clone());
        }
        for r in &s.re {
            sr_expect.insert(r.id.clone(), (s.fr.clone(), r.sl, r.title.clone()));
            if r.uncertain.is_some() {
                sr_uncertain.insert(r.id.clone());
            }
        }
    }
    let sr_refs: BTreeSet<String> = sr_expect.keys().cloned().collect();
    let zcr_refs: BTreeSet<String> = zcr.iter().map(|z| z.id.clone()).collect();
    let mut spe_refs = BTreeSet::new();
    let mut element_to_spe = BTreeMap::new();
    for a in &spe {
        spe_refs.insert(a.id.clone());
        for e in &a.elements {
            spe_refs.insert(e.id.clone());
            element_to_spe.insert(e.id.clone(), a.id.clone());
        }
    }

    let sp: Vec<RefEntry> = parse_json(&reference.join("iec62443-2-4-areas.json"));
    let sp_refs: BTreeSet<String> = sp.iter().map(|a| a.id.clone()).collect();
    let practices: Vec<PracticeEntry> = parse_json(&reference.join("iec62443-4-1-practices.json"));
    let mut sdl_refs = BTreeSet::new();
    let mut sdl_titles = BTreeMap::new();
    for pr in &practices {
        sdl_refs.insert(pr.id.clone());
        for r in &pr.requirements {
            sdl_refs.insert(r.id.clone());
            sdl_titles.insert(r.id.clone(), r.title.clone());
            element_to_spe.insert(r.id.clone(), pr.id.clone());
        }
    }
    let crs: Vec<CrEntry> = parse_json(&reference.join("iec62443-4-2-cr.json"));
    let mut cr_expect: BTreeMap<String, CrExpect> = BTreeMap::new();
    for c in &crs {
        let names = |suffix: &str, types: &[String]| -> Vec<String> {
            if c.type_specific {
                types.iter().map(|t| format!("{t} {}{suffix}", c.number)).collect()
            } else {
                vec![format!("CR {}{suffix}", c.number)]
            }
        };
        cr_expect.insert(
            format!("cr-{}", c.number),
            CrExpect {
                fr: c.fr.clone(),
                sl: c.sl,
                title: c.title.clone(),
                refs: names("", &c.types),
                types: c.types.clone(),
            },
        );
        for r in &c.re {
            cr_expect.insert(
                format!("cr-{}-re{}", c.number, r.number),
                CrExpect {
                    fr: c.fr.clone(),
                    sl: r.sl,
                    title: r.title.clone(),
                    refs: names(&format!(" RE({})", r.number), &r.types),
                    types: r.types.clone(),
                },
            );
        }
    }
    let cr_refs: BTreeSet<String> = cr_expect.values().flat_map(|e| e.refs.iter().cloned()).collect();
    let mut cr_seen: BTreeSet<String> = BTreeSet::new();
    let mut sdl_seen: BTreeSet<String> = BTreeSet::new();

    let catalogue: CatalogueFile = parse_toml(&q.join("catalogue.toml"));
    if catalogue.version.trim().is_empty() {
        p.0.push("questionnaires/catalogue.toml: `version` is empty".into());
    }

    let quick: QuickScanFile = parse_toml(&q.join("quick-scan.toml"));
    let quick_set: BTreeSet<String> = quick.items.iter().cloned().collect();
    if quick_set.len() != quick.items.len() {
        p.0.push("questionnaires/quick-scan.toml: an item id is listed twice".into());
    }

    let mut out = String::new();
    let mut editions = String::new();
    let mut all_ids: BTreeSet<String> = BTreeSet::new();
    let mut seen_text: BTreeMap<String, String> = BTreeMap::new();
    let mut items_code = String::new();
    let mut item_text = String::new();
    let mut area_text = String::new();
    let mut areas_code = String::new();

    let parts = [
        ("iec62443-3-3.toml", "iec62443-3-3", "Part::SystemRequirements", &sr_refs),
        ("iec62443-3-2.toml", "iec62443-3-2", "Part::RiskAssessment", &zcr_refs),
        ("iec62443-2-1.toml", "iec62443-2-1", "Part::Programme", &spe_refs),
        ("iec62443-2-4.toml", "iec62443-2-4", "Part::ServiceProvider", &sp_refs),
        ("iec62443-4-1.toml", "iec62443-4-1", "Part::DevelopmentLifecycle", &sdl_refs),
        ("iec62443-4-2.toml", "iec62443-4-2", "Part::ComponentRequirements", &cr_refs),
    ];
    let mut sr_seen: BTreeSet<String> = BTreeSet::new();
    for (file, part_id, part_variant, refs) in parts {
        let path = q.join(file);
        let parsed: PartFile = parse_toml(&path);
        let fname = format!("questionnaires/{file}");
        if parsed.part != part_id {
            p.0.push(format!("{fname}: `part` must be \"{part_id}\""));
        }
        let edition = parsed.edition.trim();
        if edition.len() != 4 || !edition.chars().all(|c| c.is_ascii_digit()) {
            p.0.push(format!("{fname}: `edition` must be the year of the edition followed, e.g. \"2013\""));
        }
        let _ = writeln!(editions, "    ({part_variant}, {}),", lit(edition));
        let mut area_ids = BTreeMap::new();
        for a in &parsed.area {
            if a.title.trim().is_empty() || a.refs.is_empty() {
                p.add(&fname, &a.id, "area needs a title and refs");
            }
            for r in &a.refs {
                if !refs.contains(r) {
                    p.add(&fname, &a.id, format!("reference `{r}` does not exist in reference/"));
                }
            }
            if area_ids.insert(a.id.clone(), a.refs.first().cloned().unwrap_or_default()).is_some() {
                p.add(&fname, &a.id, "area id used twice");
            }
            let _ = writeln!(areas_code, "    ({part_variant}, {}),", a.refs.len());
            let mut texts = vec![&a.id];
            texts.extend(&a.refs);
            texts.push(&a.title);
            push_texts(&mut area_text, texts, &mut p, &fname, &a.id);
        }
        for it in &parsed.item {
            let id = it.id.as_str();
            check_common(&fname, it, refs, &mut p);
            if !all_ids.insert(it.id.clone()) {
                p.add(&fname, id, "id is used by another item");
            }
            for (field, text) in [("question", &it.question), ("why", &it.why), ("action", &it.action)] {
                if let Some(other) = seen_text.insert(text.trim().to_lowercase(), format!("{id}.{field}")) {
                    p.add(&fname, id, format!("`{field}` repeats the text of {other}"));
                }
            }
            // For maturity items: the area id and the four level descriptions (texts, after the others).
            let mut maturity_texts: Option<(String, Vec<String>)> = None;
            let kind = match part_id {
                "iec62443-3-3" => {
                    let main = it.refs.first().cloned().unwrap_or_default();
                    let expected_id = main.to_lowercase().replace("sr ", "sr-").replace(" re(", "-re").replace(')', "");
                    let split = split_base(id).filter(|base| *base == expected_id);
                    if expected_id != it.id && split.is_none() {
                        p.add(&fname, id, format!("id must be `{expected_id}` for the main reference `{main}`"));
                    }
                    if split.is_some() {
                        if !all_ids.contains(&expected_id) {
                            p.add(&fname, id, format!("a split item follows its main item `{expected_id}`"));
                        }
                    } else if !sr_seen.insert(main.clone()) {
                        p.add(&fname, id, format!("`{main}` is covered by two items"));
                    }
                    if it.uncertain.is_some() != sr_uncertain.contains(&main) {
                        p.add(
                            &fname,
                            id,
                            "`uncertain` must be given exactly when the reference map marks the level as contested",
                        );
                    }
                    let (fr, sl) = match (&it.fr, it.sl) {
                        (Some(fr), Some(sl)) => (fr.clone(), sl),
                        _ => {
                            p.add(&fname, id, "3-3 items need `fr` and `sl`");
                            continue;
                        }
                    };
                    if let Some((efr, esl, etitle)) = sr_expect.get(&main) {
                        if *efr != fr || *esl != sl {
                            p.add(&fname, id, format!("fr/sl are {fr}/{sl} but the reference map says {efr}/{esl}"));
                        }
                        if !title_fits(&it.title, etitle) {
                            p.add(&fname, id, format!("title must be the short public title \"{etitle}\""));
                        }
                    }
                    let Some(frv) = fr_variant(&fr) else {
                        p.add(&fname, id, format!("fr `{fr}` must be FR1..FR7"));
                        continue;
                    };
                    format!("KindMeta::System({frv}, {sl})")
                }
                "iec62443-3-2" => {
                    if it.fr.is_some() || it.sl.is_some() || it.area.is_some() || it.levels.is_some() {
                        p.add(&fname, id, "3-2 items take no fr, sl, area or levels");
                    }
                    "KindMeta::Process".to_string()
                }
                "iec62443-4-2" => {
                    let base = split_base(id).filter(|base| cr_expect.contains_key(*base)).unwrap_or(id);
                    if base != id && !all_ids.contains(base) {
                        p.add(&fname, id, format!("a split item follows its main item `{base}`"));
                    }
                    let Some(expect) = cr_expect.get(base) else {
                        p.add(&fname, id, "no component requirement or enhancement with this id in the 4-2 reference");
                        continue;
                    };
                    cr_seen.insert(it.id.clone());
                    if it.fr.as_deref() != Some(expect.fr.as_str()) || it.sl != Some(expect.sl) {
                        p.add(&fname, id, format!("fr/sl must be {}/{} as in the reference", expect.fr, expect.sl));
                    }
                    if !title_fits(&it.title, &expect.title) {
                        p.add(&fname, id, format!("title must be the short public title \"{}\"", expect.title));
                    }
                    let mut refs_sorted = it.refs.clone();
                    refs_sorted.sort();
                    let mut want = expect.refs.clone();
                    want.sort();
                    if refs_sorted != want {
                        p.add(&fname, id, format!("refs must be {:?}", expect.refs));
                    }
                    let types = it.types.clone().unwrap_or_default();
                    let mut types_sorted = types.clone();
                    types_sorted.sort();
                    let mut want_types = expect.types.clone();
                    want_types.sort();
                    if types_sorted != want_types {
                        p.add(&fname, id, format!("types must be {:?}", expect.types));
                    }
                    let Some(frv) = fr_variant(&expect.fr) else { continue };
                    let tv: Vec<&str> = types.iter().filter_map(|t| type_variant(t)).collect();
                    format!("KindMeta::Component({frv}, {}, &[{}])", expect.sl, tv.join(", "))
                }
                _ => {
                    let area = it.area.clone().unwrap_or_default();
                    let Some(area_ref) = area_ids.get(&area) else {
                        p.add(&fname, id, format!("area `{area}` is not one of the [[area]] ids"));
                        continue;
                    };
                    if let Some(first) = it.refs.first() {
                        if element_to_spe.get(first) != Some(area_ref) && first != area_ref {
                            p.add(&fname, id, format!("first reference `{first}` is not in area {area_ref}"));
                        }
                    }
                    if part_id == "iec62443-4-1" {
                        let main = it.refs.first().cloned().unwrap_or_default();
                        if it.id != format!("sdl-{}", main.to_lowercase()) {
                            p.add(&fname, id, format!("id must be `sdl-{}`", main.to_lowercase()));
                        }
                        if !sdl_seen.insert(main.clone()) {
                            p.add(&fname, id, format!("`{main}` is covered by two items"));
                        }
                        if sdl_titles.get(&main) != Some(&it.title) {
                            p.add(&fname, id, format!("title must be the short public title of {main}"));
                        }
                    }
                    let levels = it.levels.clone().unwrap_or_default();
                    if levels.len() != 4 || levels.iter().any(|l| l.trim().is_empty() || has_markup(l)) {
                        p.add(&fname, id, "`levels` needs four plain-text descriptions (ML1..ML4)");
                        continue;
                    }
                    maturity_texts = Some((area, levels));
                    "KindMeta::Maturity".to_string()
                }
            };
            let phase = PHASES.iter().find(|(k, _, _)| *k == it.phase).map(|(_, v, _)| *v).unwrap_or("Controls");
            let effort = match it.effort.as_str() {
                "S" => "Small",
                "M" => "Medium",
                _ => "Large",
            };
            let _ = writeln!(
                items_code,
                "    ItemMeta {{ part: {part_variant}, refs: {}, evidence: {}, effort: Effort::{effort}, phase: Phase::{phase}, kind: {kind}, quick_scan: {}, uncertain: {}, ask_vendor: {} }},",
                it.refs.len(),
                it.evidence.len(),
                quick_set.contains(&it.id),
                it.uncertain.is_some(),
                it.ask_vendor,
            );
            // The texts, in the order `catalogue::decode_items` reads them.
            let mut texts: Vec<&String> = vec![&it.id];
            texts.extend(&it.refs);
            texts.extend([&it.title, &it.question, &it.why]);
            texts.extend(&it.evidence);
            texts.push(&it.action);
            texts.extend(&it.uncertain);
            if let Some((area, levels)) = &maturity_texts {
                texts.push(area);
                texts.extend(levels);
            }
            if it.refs.len() > 255 || it.evidence.len() > 255 {
                p.add(&fname, id, "at most 255 refs and 255 evidence examples");
            }
            push_texts(&mut item_text, texts, &mut p, &fname, id);
        }
    }
    for missing in sr_refs.difference(&sr_seen) {
        p.0.push(format!("questionnaires/iec62443-3-3.toml: `{missing}` has no item"));
    }
    for missing in cr_expect.keys().filter(|k| !cr_seen.contains(*k)) {
        p.0.push(format!("questionnaires/iec62443-4-2.toml: `{missing}` has no item"));
    }
    for pr in &practices {
        for r in pr.requirements.iter().filter(|r| !sdl_seen.contains(&r.id)) {
            p.0.push(format!("questionnaires/iec62443-4-1.toml: `{}` has no item", r.id));
        }
    }
    for q_id in &quick.items {
        if !all_ids.contains(q_id) {
            p.add("questionnaires/quick-scan.toml", q_id, "no item has this id");
        }
    }

    // Target level wizard.
    let wizard: WizardFile = parse_toml(&q.join("target-level-wizard.toml"));
    let wfile = "questionnaires/target-level-wizard.toml";
    if wizard.matrix.len() != 4 || wizard.matrix.iter().any(|r| r.len() != 4 || r.iter().any(|v| !(1..=4).contains(v)))
    {
        p.0.push(format!("{wfile}: `matrix` must be 4 rows of 4 levels between 1 and 4"));
    }
    let mut wizard_code = String::new();
    let mut wizard_text = String::new();
    let mut wizard_ids = BTreeSet::new();
    for wq in &wizard.question {
        if !wizard_ids.insert(wq.id.clone()) {
            p.add(wfile, &wq.id, "question id used twice");
        }
        let (dim, max) = match wq.dimension.as_str() {
            "consequence" => ("Consequence", 3),
            "exposure" => ("Exposure", 2),
            "threat" => ("Threat", 3),
            other => {
                p.add(wfile, &wq.id, format!("dimension `{other}` must be consequence, exposure or threat"));
                continue;
            }
        };
        if wq.text.trim().is_empty() || wq.help.trim().is_empty() || wq.option.len() < 2 {
            p.add(wfile, &wq.id, "a question needs text, help and at least two options");
        }
        let mut opts = String::new();
        let mut option_texts = Vec::new();
        let mut opt_ids = BTreeSet::new();
        for o in &wq.option {
            if !opt_ids.insert(o.id.clone()) {
                p.add(wfile, &format!("{}/{}", wq.id, o.id), "option id used twice");
            }
            if o.score > max {
                p.add(wfile, &format!("{}/{}", wq.id, o.id), format!("score must be 0..={max} for {dim}"));
            }
            if o.label.trim().is_empty() {
                p.add(wfile, &format!("{}/{}", wq.id, o.id), "option label is empty");
            }
            let mut raises = Vec::new();
            for (fr, by) in &o.raise {
                match fr_variant(fr) {
                    Some(v) if (1..=3).contains(by) => raises.push(format!("({v}, {by})")),
                    _ => p.add(
                        wfile,
                        &format!("{}/{}", wq.id, o.id),
                        format!("raise `{fr} = {by}` must name FR1..FR7 and 1..3"),
                    ),
                }
            }
            if !o.raise.is_empty() && o.reason.trim().is_empty() {
                p.add(wfile, &format!("{}/{}", wq.id, o.id), "an option that raises an FR needs a reason");
            }
            let _ = write!(opts, "({}, &[{}]), ", o.score, raises.join(", "));
            option_texts.extend([&o.id, &o.label, &o.reason]);
        }
        let _ = writeln!(wizard_code, "    (Dimension::{dim}, &[{opts}]),");
        let mut texts = vec![&wq.id, &wq.text, &wq.help];
        texts.extend(option_texts);
        push_texts(&mut wizard_text, texts, &mut p, wfile, &wq.id);
    }

    if !p.0.is_empty() {
        fail(&p.0);
    }

    let matrix: Vec<String> =
        wizard.matrix.iter().map(|r| format!("[{}, {}, {}, {}]", r[0], r[1], r[2], r[3])).collect();
    let _ = writeln!(out, "/// Catalogue version recorded by every assessment (from questionnaires/catalogue.toml).");
    let _ = writeln!(out, "pub const CATALOGUE_VERSION: &str = {};", lit(catalogue.version.trim()));
    let _ =
        writeln!(out, "/// The edition (year) of each part the catalogue follows (the `edition` of each part's file).");
    let _ = writeln!(out, "static PART_EDITIONS: &[(Part, &str)] = &[\n{editions}];");
    let _ = writeln!(out, "/// The non-text part of every item, in file order.");
    let _ = writeln!(out, "static ITEM_META: &[ItemMeta] = &[\n{items_code}];");
    let _ = writeln!(out, "/// Part and number of refs of each maturity area, in file order.");
    let _ = writeln!(out, "static AREA_META: &[(Part, u8)] = &[\n{areas_code}];");
    let _ = writeln!(out, "/// Ids of the quick-scan items, in the order of quick-scan.toml.");
    let _ = writeln!(out, "pub static QUICK_SCAN: &[&str] = {};", lits(&quick.items));
    let _ = writeln!(out, "/// Base target level by consequence (row) and threat (column).");
    let _ = writeln!(out, "pub static WIZARD_MATRIX: [[u8; 4]; 4] = [{}];", matrix.join(", "));
    let _ = writeln!(out, "/// Dimension of each wizard question, and score and raises of each of its options.");
    let _ = writeln!(out, "static WIZARD_META: &[(Dimension, &[OptionMeta])] = &[\n{wizard_code}];");
    // The three text blocks, one after the other, PPMd-compressed (catalogue::texts decodes them with
    // domain::ppmd).
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let text = format!("{item_text}{area_text}{wizard_text}");
    let coded = mark_capitals(&text);
    let compressed = compress(coded.as_bytes());
    let text_file = out_dir.join("catalogue_text.ppmd");
    std::fs::write(&text_file, &compressed)
        .unwrap_or_else(|e| fail(&[format!("cannot write {}: {e}", text_file.display())]));
    let _ = writeln!(
        out,
        "/// The texts of the items, the maturity areas and the wizard, each followed by U+001F, in file"
    );
    let _ = writeln!(out, "/// order, as one PPMd (variant H) stream, with capitals marked (see `unmark_capitals`).");
    let _ = writeln!(
        out,
        "static TEXT_PPMD: &[u8] = include_bytes!(concat!(env!(\"OUT_DIR\"), \"/catalogue_text.ppmd\"));"
    );
    let _ = writeln!(out, "/// Model order and memory of that stream.");
    let _ = writeln!(out, "const TEXT_ORDER: u32 = {PPMD_ORDER};");
    let _ = writeln!(out, "const TEXT_MEM: u32 = {PPMD_MEM};");
    let _ = writeln!(out, "/// Length in bytes of the stream's text, capitals marked.");
    let _ = writeln!(out, "const TEXT_CODED_LEN: usize = {};", coded.len());
    let _ = writeln!(out, "/// Lengths in bytes of the three text blocks.");
    let _ = writeln!(
        out,
        "const TEXT_LENGTHS: [usize; 3] = [{}, {}, {}];",
        item_text.len(),
        area_text.len(),
        wizard_text.len()
    );

    let dest = out_dir.join("catalogue_data.rs");
    std::fs::write(&dest, out).unwrap_or_else(|e| fail(&[format!("cannot write {}: {e}", dest.display())]));
    println!("cargo:rerun-if-changed=questionnaires");
    println!("cargo:rerun-if-changed=reference");
}
