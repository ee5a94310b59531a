//! Turns the hand-edited content in `questionnaires/` into Rust data (`$OUT_DIR/catalogue_data.rs`),
//! so the browser ships no TOML parser and a broken file fails the build with a message that names the
//! file, the item and the problem.
//!
//! `main` runs one step per part of the content, each a function below:
//! - [`Reference::read`]: the standard's structure from `reference/`, which the items are checked against;
//! - [`catalogue_version`] and [`quick_scan`]: the two small files;
//! - [`Catalogue::add_part`], once per file of [`PARTS`]: the maturity areas ([`Catalogue::add_areas`])
//!   and the items ([`Catalogue::add_item`], with one function per kind of item), checked and generated;
//! - [`Catalogue::check_coverage`] and [`Catalogue::check_quick_scan`]: checks across the parts;
//! - [`Wizard::read`]: the target-level wizard;
//! - [`write_catalogue`]: the generated code, and the texts compressed ([`compress`]).
//!
//! Every problem is collected in [`Problems`] and reported together before anything is written.

use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The roadmap phases a questionnaire names: (value in the files, `Phase` variant, whether it is a product
/// supplier's phase).
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
    #[serde(default)]
    groundwork: bool,
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

/// The `ComponentType` variant of a 4-2 type code.
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

/// Collects every problem found, so one build run reports all of them.
#[derive(Default)]
struct Problems(Vec<String>);

impl Problems {
    fn add(&mut self, file: &str, item: &str, problem: impl Into<String>) {
        self.0.push(format!("{file}: item `{item}`: {}", problem.into()));
    }
}

/// A content file's text; cargo reruns the build when it changes.
fn read(path: &Path) -> String {
    println!("cargo:rerun-if-changed={}", path.display());
    std::fs::read_to_string(path).unwrap_or_else(|e| fail(&[format!("{}: cannot read: {e}", path.display())]))
}

/// A questionnaire file, read.
fn parse_toml<T: serde::de::DeserializeOwned>(path: &Path) -> T {
    let text = read(path);
    toml::from_str(&text).unwrap_or_else(|e| fail(&[format!("{}: not valid: {e}", path.display())]))
}

/// A reference file, read.
fn parse_json<T: serde::de::DeserializeOwned>(path: &Path) -> T {
    let text = read(path);
    serde_json::from_str(&text).unwrap_or_else(|e| fail(&[format!("{}: not valid JSON: {e}", path.display())]))
}

/// Stops the build with every problem found.
fn fail(problems: &[String]) -> ! {
    eprintln!("\nThe questionnaire content has {} problem(s):", problems.len());
    for p in problems {
        eprintln!("  - {p}");
    }
    eprintln!("See questionnaires/README.md for the format.\n");
    std::process::exit(1);
}

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

/// Rust string literal for `s`.
fn lit(s: &str) -> String {
    format!("{s:?}")
}

/// Rust slice literal of string literals.
fn lits(v: &[String]) -> String {
    let parts: Vec<String> = v.iter().map(|s| lit(s)).collect();
    format!("&[{}]", parts.join(", "))
}

/// The `Fr` variant of `FR1`..`FR7`.
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

/// The requirement a split item shares with its main item: `sr-7.4-b` asks a second question of the
/// requirement `sr-7.4` asks about (one question per item), so it has the same references and level.
fn split_base(id: &str) -> Option<&str> {
    let (base, suffix) = id.rsplit_once('-')?;
    (suffix.len() == 1 && suffix.as_bytes()[0].is_ascii_lowercase() && suffix != "a").then_some(base)
}

/// A 3-3 or 4-2 item carries its requirement's short public title, followed by ": " and the aspect it asks
/// about when the requirement is split over several items.
fn title_fits(title: &str, public: &str) -> bool {
    title == public
        || title.strip_prefix(public).and_then(|rest| rest.strip_prefix(": ")).is_some_and(|a| !a.is_empty())
}

/// Whether a text holds markup; the content is plain text.
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
    if it.groundwork && !file.ends_with("iec62443-3-3.toml") {
        p.add(file, id, "`groundwork` is only for IEC 62443-3-3 items");
    }
}

/// PPMd (variant H, the one 7z uses) model order and memory for the catalogue texts. Order 6 in 2 MiB
/// compresses them to about 60 KB, where LZMA at its best gave 75 KB; higher orders gain under 1% and need
/// more memory. The app allocates the same 2 MiB once, while it decodes the stream with the same crate's
/// decoder (`catalogue::texts`, on first use).
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

/// The standard's structure, read from `reference/`: what the items of each part may cite and must match.
struct Reference {
    /// IEC 62443-3-3: SR or RE identifier -> (FR, SL, short title).
    system_requirements: BTreeMap<String, (String, u8, String)>,
    /// The 3-3 requirements and enhancements whose level the public sources contest (`uncertain`).
    system_uncertain: BTreeSet<String>,
    /// The identifiers 3-3 items may cite (the keys of `system_requirements`).
    system_refs: BTreeSet<String>,
    /// The identifiers 3-2 items may cite: ZCR 1 to 7.
    zcr_refs: BTreeSet<String>,
    /// The identifiers 2-1 items may cite: the programme elements and their sub-elements.
    programme_refs: BTreeSet<String>,
    /// The identifiers 2-4 items may cite: the capability areas.
    capability_refs: BTreeSet<String>,
    /// The 4-1 practices with their requirements, which all need an item.
    practices: Vec<PracticeEntry>,
    /// The identifiers 4-1 items may cite: the practices and their requirements.
    practice_refs: BTreeSet<String>,
    /// A 4-1 requirement's short title.
    practice_titles: BTreeMap<String, String>,
    /// A 2-1 sub-element or 4-1 requirement -> the element or practice it belongs to.
    element_area: BTreeMap<String, String>,
    /// IEC 62443-4-2: item id (`cr-1.1-re1`) -> what the item must be.
    component_requirements: BTreeMap<String, CrExpect>,
    /// The identifiers 4-2 items may cite (`CR 1.1`, `EDR 2.13 RE(1)`...).
    component_refs: BTreeSet<String>,
}

impl Reference {
    /// Reads the reference files of every part.
    fn read(dir: &Path) -> Reference {
        let sl_map: Vec<SlMapEntry> = parse_json(&dir.join("iec62443-3-3-sl-map.json"));
        let zcr: Vec<RefEntry> = parse_json(&dir.join("iec62443-3-2-zcr.json"));
        let spe: Vec<RefEntry> = parse_json(&dir.join("iec62443-2-1-elements.json"));
        let mut system_requirements = BTreeMap::new();
        let mut system_uncertain = BTreeSet::new();
        for s in &sl_map {
            system_requirements.insert(s.id.clone(), (s.fr.clone(), s.sl, s.title.clone()));
            if s.uncertain.is_some() {
                system_uncertain.insert(s.id.clone());
            }
            for r in &s.re {
                system_requirements.insert(r.id.clone(), (s.fr.clone(), r.sl, r.title.clone()));
                if r.uncertain.is_some() {
                    system_uncertain.insert(r.id.clone());
                }
            }
        }
        let system_refs = system_requirements.keys().cloned().collect();
        let zcr_refs = zcr.iter().map(|z| z.id.clone()).collect();
        let mut programme_refs = BTreeSet::new();
        let mut element_area = BTreeMap::new();
        for a in &spe {
            add_area_refs(&a.id, &a.elements, &mut programme_refs, &mut element_area);
        }

        let sp: Vec<RefEntry> = parse_json(&dir.join("iec62443-2-4-areas.json"));
        let capability_refs = sp.iter().map(|a| a.id.clone()).collect();
        let practices: Vec<PracticeEntry> = parse_json(&dir.join("iec62443-4-1-practices.json"));
        let mut practice_refs = BTreeSet::new();
        for pr in &practices {
            add_area_refs(&pr.id, &pr.requirements, &mut practice_refs, &mut element_area);
        }
        let practice_titles =
            practices.iter().flat_map(|pr| &pr.requirements).map(|r| (r.id.clone(), r.title.clone())).collect();
        let crs: Vec<CrEntry> = parse_json(&dir.join("iec62443-4-2-cr.json"));
        let component_requirements = component_requirements(&crs);
        let component_refs = component_requirements.values().flat_map(|e| e.refs.iter().cloned()).collect();
        Reference {
            system_requirements,
            system_uncertain,
            system_refs,
            zcr_refs,
            programme_refs,
            capability_refs,
            practices,
            practice_refs,
            practice_titles,
            element_area,
            component_requirements,
            component_refs,
        }
    }

    /// The identifiers the items of a part may cite.
    fn refs_of(&self, part_id: &str) -> &BTreeSet<String> {
        match part_id {
            "iec62443-3-3" => &self.system_refs,
            "iec62443-3-2" => &self.zcr_refs,
            "iec62443-2-1" => &self.programme_refs,
            "iec62443-2-4" => &self.capability_refs,
            "iec62443-4-1" => &self.practice_refs,
            _ => &self.component_refs,
        }
    }
}

/// Adds an area (a 2-1 programme element or a 4-1 practice) and its parts (sub-elements or requirements)
/// to the identifiers items may cite, and maps each part to its area.
fn add_area_refs(
    area: &str,
    parts: &[RefEntry],
    refs: &mut BTreeSet<String>,
    element_area: &mut BTreeMap<String, String>,
) {
    refs.insert(area.to_string());
    for part in parts {
        refs.insert(part.id.clone());
        element_area.insert(part.id.clone(), area.to_string());
    }
}

/// What the 4-2 reference expects of each item, by item id: a requirement's or enhancement's FR, level,
/// title, identifiers (`CR 1.1`, or one per component type for type-specific ones) and component types.
fn component_requirements(crs: &[CrEntry]) -> BTreeMap<String, CrExpect> {
    let mut expect = BTreeMap::new();
    for c in crs {
        let names = |suffix: &str, types: &[String]| -> Vec<String> {
            if c.type_specific {
                types.iter().map(|t| format!("{t} {}{suffix}", c.number)).collect()
            } else {
                vec![format!("CR {}{suffix}", c.number)]
            }
        };
        expect.insert(
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
            expect.insert(
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
    expect
}

/// The catalogue version every saved assessment records (questionnaires/catalogue.toml).
fn catalogue_version(q: &Path, p: &mut Problems) -> String {
    let catalogue: CatalogueFile = parse_toml(&q.join("catalogue.toml"));
    if catalogue.version.trim().is_empty() {
        p.0.push("questionnaires/catalogue.toml: `version` is empty".into());
    }
    catalogue.version.trim().to_string()
}

/// The ids of the quick-scan items (questionnaires/quick-scan.toml), each listed once; whether they
/// exist is checked once every part is read (`Catalogue::check_quick_scan`).
fn quick_scan(q: &Path, p: &mut Problems) -> Vec<String> {
    let quick: QuickScanFile = parse_toml(&q.join("quick-scan.toml"));
    let unique: BTreeSet<&String> = quick.items.iter().collect();
    if unique.len() != quick.items.len() {
        p.0.push("questionnaires/quick-scan.toml: an item id is listed twice".into());
    }
    quick.items
}

/// One questionnaire file per part of the standard: file, the `part` it declares, and the `Part` of its
/// items, in the order the catalogue lists them.
const PARTS: [(&str, &str, &str); 6] = [
    ("iec62443-3-3.toml", "iec62443-3-3", "Part::SystemRequirements"),
    ("iec62443-3-2.toml", "iec62443-3-2", "Part::RiskAssessment"),
    ("iec62443-2-1.toml", "iec62443-2-1", "Part::Programme"),
    ("iec62443-2-4.toml", "iec62443-2-4", "Part::ServiceProvider"),
    ("iec62443-4-1.toml", "iec62443-4-1", "Part::DevelopmentLifecycle"),
    ("iec62443-4-2.toml", "iec62443-4-2", "Part::ComponentRequirements"),
];

/// The generated items and maturity areas, built part by part, with what the checks across parts need.
#[derive(Default)]
struct Catalogue {
    /// The ids of the quick-scan items, in the order of quick-scan.toml.
    quick: Vec<String>,
    /// One `ItemMeta` per item, as Rust code.
    items_code: String,
    /// The ids of the items in `items_code`, in the same (file) order.
    item_ids: Vec<String>,
    /// The items' texts (text block 0).
    item_text: String,
    /// One `(Part, edition)` per part, as Rust code.
    editions_code: String,
    /// One `(Part, refs)` per maturity area, as Rust code.
    areas_code: String,
    /// The areas' texts (text block 1).
    area_text: String,
    /// Every item id so far.
    ids: BTreeSet<String>,
    /// Every question, explanation and action so far (trimmed, lower case) -> the item and field using it.
    texts: BTreeMap<String, String>,
    /// The 3-3 requirements and enhancements covered by an item so far.
    system_seen: BTreeSet<String>,
    /// The 4-2 item ids covered so far.
    component_seen: BTreeSet<String>,
    /// The 4-1 requirements covered so far.
    practice_seen: BTreeSet<String>,
}

impl Catalogue {
    /// Reads one part's file: its maturity areas, then its items.
    fn add_part(
        &mut self,
        q: &Path,
        (file, part_id, part_variant): (&str, &str, &str),
        r: &Reference,
        p: &mut Problems,
    ) {
        let parsed: PartFile = parse_toml(&q.join(file));
        let fname = format!("questionnaires/{file}");
        if parsed.part != part_id {
            p.0.push(format!("{fname}: `part` must be \"{part_id}\""));
        }
        let edition = parsed.edition.trim();
        if edition.len() != 4 || !edition.chars().all(|c| c.is_ascii_digit()) {
            p.0.push(format!("{fname}: `edition` must be the year of the edition followed, e.g. \"2013\""));
        }
        let _ = writeln!(self.editions_code, "    ({part_variant}, {}),", lit(edition));
        let refs = r.refs_of(part_id);
        let area_ids = self.add_areas(&fname, &parsed.area, part_variant, refs, p);
        for it in &parsed.item {
            self.add_item(&fname, (part_id, part_variant), it, r, &area_ids, p);
        }
    }

    /// Checks and generates the maturity areas of a part; returns each area's id with its main reference.
    fn add_areas(
        &mut self,
        fname: &str,
        areas: &[RawArea],
        part_variant: &str,
        refs: &BTreeSet<String>,
        p: &mut Problems,
    ) -> BTreeMap<String, String> {
        let mut area_ids = BTreeMap::new();
        for a in areas {
            if a.title.trim().is_empty() || a.refs.is_empty() {
                p.add(fname, &a.id, "area needs a title and refs");
            }
            for r in &a.refs {
                if !refs.contains(r) {
                    p.add(fname, &a.id, format!("reference `{r}` does not exist in reference/"));
                }
            }
            if area_ids.insert(a.id.clone(), a.refs.first().cloned().unwrap_or_default()).is_some() {
                p.add(fname, &a.id, "area id used twice");
            }
            let _ = writeln!(self.areas_code, "    ({part_variant}, {}),", a.refs.len());
            let mut texts = vec![&a.id];
            texts.extend(&a.refs);
            texts.push(&a.title);
            push_texts(&mut self.area_text, texts, p, fname, &a.id);
        }
        area_ids
    }

    /// Checks one item and generates its metadata and texts; an item whose kind cannot be worked out is
    /// reported and left out.
    fn add_item(
        &mut self,
        fname: &str,
        (part_id, part_variant): (&str, &str),
        it: &RawItem,
        r: &Reference,
        area_ids: &BTreeMap<String, String>,
        p: &mut Problems,
    ) {
        let id = it.id.as_str();
        check_common(fname, it, r.refs_of(part_id), p);
        if !self.ids.insert(it.id.clone()) {
            p.add(fname, id, "id is used by another item");
        }
        for (field, text) in [("question", &it.question), ("why", &it.why), ("action", &it.action)] {
            if let Some(other) = self.texts.insert(text.trim().to_lowercase(), format!("{id}.{field}")) {
                p.add(fname, id, format!("`{field}` repeats the text of {other}"));
            }
        }
        // For maturity items: the area id and the four level descriptions (texts, after the others).
        let mut maturity_texts = None;
        let kind = match part_id {
            "iec62443-3-3" => self.system_requirement_kind(fname, it, r, p),
            "iec62443-3-2" => Some(process_kind(fname, it, p)),
            "iec62443-4-2" => self.component_requirement_kind(fname, it, r, p),
            _ => self.maturity_texts(fname, part_id, it, r, area_ids, p).map(|texts| {
                maturity_texts = Some(texts);
                "KindMeta::Maturity".to_string()
            }),
        };
        let Some(kind) = kind else { return };
        let phase = PHASES.iter().find(|(k, _, _)| *k == it.phase).map(|(_, v, _)| *v).unwrap_or("Controls");
        let effort = match it.effort.as_str() {
            "S" => "Small",
            "M" => "Medium",
            _ => "Large",
        };
        self.item_ids.push(it.id.clone());
        let _ = writeln!(
            self.items_code,
            "    ItemMeta {{ part: {part_variant}, refs: {}, evidence: {}, effort: Effort::{effort}, phase: Phase::{phase}, kind: {kind}, quick_scan: {}, uncertain: {}, ask_vendor: {}, groundwork: {} }},",
            it.refs.len(),
            it.evidence.len(),
            self.quick.contains(&it.id),
            it.uncertain.is_some(),
            it.ask_vendor,
            it.groundwork,
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
            p.add(fname, id, "at most 255 refs and 255 evidence examples");
        }
        push_texts(&mut self.item_text, texts, p, fname, id);
    }

    /// A 3-3 item: its id follows its main reference, which no other item covers (a split item, `-b`...,
    /// follows its main item and shares its reference), its FR, level and title are those of the reference
    /// map, and it is marked uncertain exactly when the map marks its level as contested.
    fn system_requirement_kind(
        &mut self,
        fname: &str,
        it: &RawItem,
        r: &Reference,
        p: &mut Problems,
    ) -> Option<String> {
        let id = it.id.as_str();
        let main = it.refs.first().cloned().unwrap_or_default();
        let expected_id = main.to_lowercase().replace("sr ", "sr-").replace(" re(", "-re").replace(')', "");
        let split = split_base(id).filter(|base| *base == expected_id);
        if expected_id != it.id && split.is_none() {
            p.add(fname, id, format!("id must be `{expected_id}` for the main reference `{main}`"));
        }
        if split.is_some() {
            if !self.ids.contains(&expected_id) {
                p.add(fname, id, format!("a split item follows its main item `{expected_id}`"));
            }
        } else if !self.system_seen.insert(main.clone()) {
            p.add(fname, id, format!("`{main}` is covered by two items"));
        }
        if it.uncertain.is_some() != r.system_uncertain.contains(&main) {
            p.add(fname, id, "`uncertain` must be given exactly when the reference map marks the level as contested");
        }
        let (fr, sl) = match (&it.fr, it.sl) {
            (Some(fr), Some(sl)) => (fr.clone(), sl),
            _ => {
                p.add(fname, id, "3-3 items need `fr` and `sl`");
                return None;
            }
        };
        if let Some((efr, esl, etitle)) = r.system_requirements.get(&main) {
            if *efr != fr || *esl != sl {
                p.add(fname, id, format!("fr/sl are {fr}/{sl} but the reference map says {efr}/{esl}"));
            }
            if !title_fits(&it.title, etitle) {
                p.add(fname, id, format!("title must be the short public title \"{etitle}\""));
            }
        }
        let Some(frv) = fr_variant(&fr) else {
            p.add(fname, id, format!("fr `{fr}` must be FR1..FR7"));
            return None;
        };
        Some(format!("KindMeta::System({frv}, {sl})"))
    }

    /// A 4-2 item: a requirement or enhancement of the reference, with its FR, level, title, identifiers
    /// and component types.
    fn component_requirement_kind(
        &mut self,
        fname: &str,
        it: &RawItem,
        r: &Reference,
        p: &mut Problems,
    ) -> Option<String> {
        let id = it.id.as_str();
        let base = split_base(id).filter(|base| r.component_requirements.contains_key(*base)).unwrap_or(id);
        if base != id && !self.ids.contains(base) {
            p.add(fname, id, format!("a split item follows its main item `{base}`"));
        }
        let Some(expect) = r.component_requirements.get(base) else {
            p.add(fname, id, "no component requirement or enhancement with this id in the 4-2 reference");
            return None;
        };
        self.component_seen.insert(it.id.clone());
        if it.fr.as_deref() != Some(expect.fr.as_str()) || it.sl != Some(expect.sl) {
            p.add(fname, id, format!("fr/sl must be {}/{} as in the reference", expect.fr, expect.sl));
        }
        if !title_fits(&it.title, &expect.title) {
            p.add(fname, id, format!("title must be the short public title \"{}\"", expect.title));
        }
        if sorted(&it.refs) != sorted(&expect.refs) {
            p.add(fname, id, format!("refs must be {:?}", expect.refs));
        }
        let types = it.types.clone().unwrap_or_default();
        if sorted(&types) != sorted(&expect.types) {
            p.add(fname, id, format!("types must be {:?}", expect.types));
        }
        let frv = fr_variant(&expect.fr)?;
        let tv: Vec<&str> = types.iter().filter_map(|t| type_variant(t)).collect();
        Some(format!("KindMeta::Component({frv}, {}, &[{}])", expect.sl, tv.join(", ")))
    }

    /// A maturity item (2-1, 2-4, 4-1): it belongs to an area of its part and cites that area first, a 4-1
    /// item covers one requirement of the reference under its id and title, and it describes four levels.
    /// Returns the area id and the four descriptions, its last texts.
    fn maturity_texts(
        &mut self,
        fname: &str,
        part_id: &str,
        it: &RawItem,
        r: &Reference,
        area_ids: &BTreeMap<String, String>,
        p: &mut Problems,
    ) -> Option<(String, Vec<String>)> {
        let id = it.id.as_str();
        let area = it.area.clone().unwrap_or_default();
        let Some(area_ref) = area_ids.get(&area) else {
            p.add(fname, id, format!("area `{area}` is not one of the [[area]] ids"));
            return None;
        };
        if let Some(first) = it.refs.first() {
            if r.element_area.get(first) != Some(area_ref) && first != area_ref {
                p.add(fname, id, format!("first reference `{first}` is not in area {area_ref}"));
            }
        }
        if part_id == "iec62443-4-1" {
            let main = it.refs.first().cloned().unwrap_or_default();
            if it.id != format!("sdl-{}", main.to_lowercase()) {
                p.add(fname, id, format!("id must be `sdl-{}`", main.to_lowercase()));
            }
            if !self.practice_seen.insert(main.clone()) {
                p.add(fname, id, format!("`{main}` is covered by two items"));
            }
            if r.practice_titles.get(&main) != Some(&it.title) {
                p.add(fname, id, format!("title must be the short public title of {main}"));
            }
        }
        let levels = it.levels.clone().unwrap_or_default();
        if levels.len() != 4 || levels.iter().any(|l| l.trim().is_empty() || has_markup(l)) {
            p.add(fname, id, "`levels` needs four plain-text descriptions (ML1..ML4)");
            return None;
        }
        Some((area, levels))
    }

    /// Every 3-3 requirement and enhancement, 4-2 requirement and enhancement, and 4-1 requirement of the
    /// reference has an item.
    fn check_coverage(&self, r: &Reference, p: &mut Problems) {
        for missing in r.system_refs.difference(&self.system_seen) {
            p.0.push(format!("questionnaires/iec62443-3-3.toml: `{missing}` has no item"));
        }
        for missing in r.component_requirements.keys().filter(|k| !self.component_seen.contains(*k)) {
            p.0.push(format!("questionnaires/iec62443-4-2.toml: `{missing}` has no item"));
        }
        for pr in &r.practices {
            for req in pr.requirements.iter().filter(|req| !self.practice_seen.contains(&req.id)) {
                p.0.push(format!("questionnaires/iec62443-4-1.toml: `{}` has no item", req.id));
            }
        }
    }

    /// Every quick-scan id names an item.
    fn check_quick_scan(&self, p: &mut Problems) {
        for q_id in &self.quick {
            if !self.ids.contains(q_id) {
                p.add("questionnaires/quick-scan.toml", q_id, "no item has this id");
            }
        }
    }
}

/// A 3-2 item: a process step, which takes no FR, level, area or levels.
fn process_kind(fname: &str, it: &RawItem, p: &mut Problems) -> String {
    if it.fr.is_some() || it.sl.is_some() || it.area.is_some() || it.levels.is_some() {
        p.add(fname, &it.id, "3-2 items take no fr, sl, area or levels");
    }
    "KindMeta::Process".to_string()
}

/// A sorted copy, to compare lists whose order does not matter.
fn sorted(list: &[String]) -> Vec<String> {
    let mut list = list.to_vec();
    list.sort();
    list
}

/// The target-level wizard, generated from questionnaires/target-level-wizard.toml.
struct Wizard {
    /// Base level by consequence (row) and threat (column): 4 rows of 4 levels.
    matrix: Vec<Vec<u8>>,
    /// One `(Dimension, &[OptionMeta])` per question, as Rust code.
    code: String,
    /// The questions' and options' texts (text block 2).
    text: String,
}

impl Wizard {
    /// Reads and checks the wizard: the matrix, and each question with its options.
    fn read(q: &Path, p: &mut Problems) -> Wizard {
        let wizard: WizardFile = parse_toml(&q.join("target-level-wizard.toml"));
        let wfile = "questionnaires/target-level-wizard.toml";
        if wizard.matrix.len() != 4
            || wizard.matrix.iter().any(|r| r.len() != 4 || r.iter().any(|v| !(1..=4).contains(v)))
        {
            p.0.push(format!("{wfile}: `matrix` must be 4 rows of 4 levels between 1 and 4"));
        }
        let mut out = Wizard { matrix: wizard.matrix, code: String::new(), text: String::new() };
        let mut ids = BTreeSet::new();
        for wq in &wizard.question {
            if !ids.insert(wq.id.clone()) {
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
            let (opts, option_texts) = wizard_options(wfile, wq, dim, max, p);
            let _ = writeln!(out.code, "    (Dimension::{dim}, &[{opts}]),");
            let mut texts = vec![&wq.id, &wq.text, &wq.help];
            texts.extend(option_texts);
            push_texts(&mut out.text, texts, p, wfile, &wq.id);
        }
        out
    }
}

/// Checks the options of a wizard question (unique ids, a label, a score within the dimension's `max`,
/// raises of FR1..FR7 by 1..3 with a reason); returns their `OptionMeta`s as Rust code and their texts.
fn wizard_options<'a>(
    wfile: &str,
    wq: &'a RawWizardQuestion,
    dim: &str,
    max: u8,
    p: &mut Problems,
) -> (String, Vec<&'a String>) {
    let mut opts = String::new();
    let mut texts = Vec::new();
    let mut ids = BTreeSet::new();
    for o in &wq.option {
        let at = format!("{}/{}", wq.id, o.id);
        if !ids.insert(o.id.clone()) {
            p.add(wfile, &at, "option id used twice");
        }
        if o.score > max {
            p.add(wfile, &at, format!("score must be 0..={max} for {dim}"));
        }
        if o.label.trim().is_empty() {
            p.add(wfile, &at, "option label is empty");
        }
        let mut raises = Vec::new();
        for (fr, by) in &o.raise {
            match fr_variant(fr) {
                Some(v) if (1..=3).contains(by) => raises.push(format!("({v}, {by})")),
                _ => p.add(wfile, &at, format!("raise `{fr} = {by}` must name FR1..FR7 and 1..3")),
            }
        }
        if !o.raise.is_empty() && o.reason.trim().is_empty() {
            p.add(wfile, &at, "an option that raises an FR needs a reason");
        }
        let _ = write!(opts, "({}, &[{}]), ", o.score, raises.join(", "));
        texts.extend([&o.id, &o.label, &o.reason]);
    }
    (opts, texts)
}

/// Writes `$OUT_DIR/catalogue_data.rs` (the version, the items', areas' and wizard's metadata, the quick
/// scan and the matrix) and the three text blocks, one after the other with capitals marked, as one PPMd
/// stream in `$OUT_DIR/catalogue_text.ppmd`.
fn write_catalogue(out_dir: &Path, version: &str, catalogue: &Catalogue, wizard: &Wizard) {
    let mut out = String::new();
    let matrix: Vec<String> =
        wizard.matrix.iter().map(|r| format!("[{}, {}, {}, {}]", r[0], r[1], r[2], r[3])).collect();
    let _ = writeln!(out, "/// Catalogue version recorded by every assessment (from questionnaires/catalogue.toml).");
    let _ = writeln!(out, "pub const CATALOGUE_VERSION: &str = {};", lit(version));
    let _ =
        writeln!(out, "/// The edition (year) of each part the catalogue follows (the `edition` of each part's file).");
    let _ = writeln!(out, "static PART_EDITIONS: &[(Part, &str)] = &[\n{}];", catalogue.editions_code);
    let _ = writeln!(out, "/// The non-text part of every item, in file order.");
    let _ = writeln!(out, "static ITEM_META: &[ItemMeta] = &[\n{}];", catalogue.items_code);
    // Requirement order: the ids in natural order, numbers compared as numbers (sr-1.3 before sr-1.10), by
    // the alphanumeric-sort crate; sorted here once, so the app carries the ranks and not the sort.
    let mut order: Vec<usize> = (0..catalogue.item_ids.len()).collect();
    order.sort_by(|&a, &b| alphanumeric_sort::compare_str(&catalogue.item_ids[a], &catalogue.item_ids[b]));
    let mut ranks = vec![0usize; order.len()];
    for (rank, index) in order.into_iter().enumerate() {
        ranks[index] = rank;
    }
    let ranks: Vec<String> = ranks.iter().map(usize::to_string).collect();
    let _ = writeln!(
        out,
        "/// Each item's place when items are sorted by requirement (natural order of ids), in file order."
    );
    let _ = writeln!(out, "static REFERENCE_RANKS: &[u16] = &[{}];", ranks.join(", "));
    let _ = writeln!(out, "/// Part and number of refs of each maturity area, in file order.");
    let _ = writeln!(out, "static AREA_META: &[(Part, u8)] = &[\n{}];", catalogue.areas_code);
    let _ = writeln!(out, "/// Ids of the quick-scan items, in the order of quick-scan.toml.");
    let _ = writeln!(out, "pub static QUICK_SCAN: &[&str] = {};", lits(&catalogue.quick));
    let _ = writeln!(out, "/// Base target level by consequence (row) and threat (column).");
    let _ = writeln!(out, "pub static WIZARD_MATRIX: [[u8; 4]; 4] = [{}];", matrix.join(", "));
    let _ = writeln!(out, "/// Dimension of each wizard question, and score and raises of each of its options.");
    let _ = writeln!(out, "static WIZARD_META: &[(Dimension, &[OptionMeta])] = &[\n{}];", wizard.code);
    // The three text blocks, one after the other, PPMd-compressed (catalogue::texts decodes them with
    // ppmd-rust).
    let text = format!("{}{}{}", catalogue.item_text, catalogue.area_text, wizard.text);
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
        catalogue.item_text.len(),
        catalogue.area_text.len(),
        wizard.text.len()
    );
    let dest = out_dir.join("catalogue_data.rs");
    std::fs::write(&dest, out).unwrap_or_else(|e| fail(&[format!("cannot write {}: {e}", dest.display())]));
}

/// Reads the reference structure and the questionnaires, checks them all (every problem is reported in one
/// run), and writes the generated catalogue.
fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let q = root.join("questionnaires");
    let mut p = Problems::default();
    let reference = Reference::read(&root.join("reference"));
    let version = catalogue_version(&q, &mut p);
    let mut catalogue = Catalogue { quick: quick_scan(&q, &mut p), ..Catalogue::default() };
    for part in PARTS {
        catalogue.add_part(&q, part, &reference, &mut p);
    }
    catalogue.check_coverage(&reference, &mut p);
    catalogue.check_quick_scan(&mut p);
    let wizard = Wizard::read(&q, &mut p);
    if !p.0.is_empty() {
        fail(&p.0);
    }
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    write_catalogue(&out_dir, &version, &catalogue, &wizard);
    println!("cargo:rerun-if-changed=questionnaires");
    println!("cargo:rerun-if-changed=reference");
}
