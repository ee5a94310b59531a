//! The inventory as CSV: reading a file (through the `csv` crate: UTF-8 with or without a byte order mark,
//! comma, semicolon or tab, quoted fields, line breaks inside quotes), mapping its columns to asset fields
//! (suggested from the headings and from the mapping used last time), checking every row before anything
//! changes (problems by line and column; rows with errors are left out, the good rows can be imported),
//! and writing the inventory back as CSV.
//!
//! Reading and checking work in chunks ([`CsvReading::read_rows`], [`InventoryCheck::check_rows`]) so
//! that the browser can stay responsive on a large file (10,000 rows) between chunks.
//!
//! ```
//! use iec62443_assess::inventory::csv_file::*;
//! use iec62443_assess::*;
//! let mut a = Assessment::new("a1", "Plant", "2026-11-20T09:00:00Z");
//! a.zones.push(Zone::new("z1", "Filling"));
//! let file = "\u{feff}Hostname;Device type;Qty\nPLC-01;PLC;1\nHMI-01;HMI;two\n";
//! let table = read_csv(file.as_bytes()).unwrap();
//! assert_eq!(table.delimiter, b';');
//! let mapping = suggest_mapping(&table.headers, &RememberedMapping::default());
//! assert_eq!(mapping, [Some(Field::Name), Some(Field::Type), Some(Field::Quantity)]);
//! let checked = check_inventory(&a, Some("z1"), &table, &mapping).unwrap();
//! assert_eq!(checked.assets.len(), 1);
//! assert_eq!(checked.problems[0].to_string(), "Line 3, column \"Qty\": \"two\" is not a whole number of at least 1.");
//! ```

use crate::domain::assessment::{name_key, Assessment, Criticality, MAX_NAME_CHARS, MAX_TEXT_CHARS};
use crate::domain::inventory::{normalise, Asset, AssetKind, PurdueLevel, MAX_ASSETS, MAX_QUANTITY};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::ops::Range;

/// The largest inventory file read, in bytes.
pub const MAX_CSV_BYTES: usize = 8 * 1024 * 1024;

/// The most data rows a file may have (the inventory's own limit).
pub const MAX_CSV_ROWS: usize = MAX_ASSETS;

/// An asset field a column can be mapped to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// The zone (its name or id); without it, every row goes to the zone chosen for the import.
    Zone,
    /// The asset's name or tag (required).
    Name,
    /// Its type.
    Type,
    /// Vendor.
    Vendor,
    /// Model.
    Model,
    /// Firmware or software version.
    Version,
    /// Quantity.
    Quantity,
    /// Criticality.
    Criticality,
    /// Purdue level.
    Purdue,
    /// Network address.
    Address,
    /// Location.
    Location,
    /// Notes.
    Notes,
    /// The product of the assessment it is.
    Product,
}

impl Field {
    /// Every field, in the order of the exported columns.
    pub const ALL: [Field; 13] = [
        Field::Zone,
        Field::Name,
        Field::Type,
        Field::Vendor,
        Field::Model,
        Field::Version,
        Field::Quantity,
        Field::Criticality,
        Field::Purdue,
        Field::Address,
        Field::Location,
        Field::Notes,
        Field::Product,
    ];

    /// The column heading the export writes, and the field's label in the mapping.
    pub fn label(self) -> &'static str {
        match self {
            Field::Zone => "Zone",
            Field::Name => "Name",
            Field::Type => "Type",
            Field::Vendor => "Vendor",
            Field::Model => "Model",
            Field::Version => "Firmware or software version",
            Field::Quantity => "Quantity",
            Field::Criticality => "Criticality",
            Field::Purdue => "Purdue level",
            Field::Address => "Network address",
            Field::Location => "Location",
            Field::Notes => "Notes",
            Field::Product => "Product",
        }
    }

    /// A stable id (`firmware` is `version`), for the remembered mapping and form values.
    pub fn id(self) -> &'static str {
        match self {
            Field::Zone => "zone",
            Field::Name => "name",
            Field::Type => "type",
            Field::Vendor => "vendor",
            Field::Model => "model",
            Field::Version => "version",
            Field::Quantity => "quantity",
            Field::Criticality => "criticality",
            Field::Purdue => "purdue",
            Field::Address => "address",
            Field::Location => "location",
            Field::Notes => "notes",
            Field::Product => "product",
        }
    }

    /// The field with this id.
    pub fn from_id(id: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.id() == id)
    }

    /// Headings that usually hold this field in spreadsheets and discovery tools' exports, compared
    /// without case, spaces or punctuation.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Field::Zone => &["zone", "zonename", "securityzone", "segment", "networkzone"],
            Field::Name => &["name", "assetname", "asset", "hostname", "devicename", "tag", "assettag", "device"],
            Field::Type => &["type", "assettype", "devicetype", "category", "class", "deviceclass", "role"],
            Field::Vendor => &["vendor", "manufacturer", "make", "maker", "brand"],
            Field::Model => &["model", "modelnumber", "product", "partnumber", "ordernumber", "devicemodel"],
            Field::Version => &[
                "firmwareorsoftwareversion",
                "version",
                "firmware",
                "firmwareversion",
                "fw",
                "fwversion",
                "softwareversion",
                "sw",
                "osversion",
            ],
            Field::Quantity => &["quantity", "qty", "count", "number", "units"],
            Field::Criticality => &["criticality", "critical", "importance", "businesscriticality"],
            Field::Purdue => &["purduelevel", "purdue", "level", "isa95level"],
            Field::Address => &["networkaddress", "address", "ip", "ipaddress", "ipv4", "ipaddr", "mac", "macaddress"],
            Field::Location => &["location", "site", "building", "room", "cabinet", "area"],
            Field::Notes => &["notes", "note", "comments", "comment", "description", "remarks"],
            Field::Product => &["productofthisassessment", "assessedproduct", "linkedproduct"],
        }
    }
}

/// A CSV file read into memory: its delimiter, its heading row and its data rows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CsvTable {
    /// `b','`, `b';'` or `b'\t'`.
    pub delimiter: u8,
    /// The first row's cells, trimmed.
    pub headers: Vec<String>,
    /// The other rows (blank lines are skipped).
    pub rows: Vec<CsvRow>,
}

/// A data row: the line it starts on (1 is the heading row) and its cells as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CsvRow {
    /// The file's line where the row starts (a quoted cell may span lines).
    pub line: u64,
    /// The cells.
    pub cells: Vec<String>,
}

/// Why a file could not be read at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CsvError {
    /// The file is empty or holds only blank lines.
    Empty,
    /// Larger than [`MAX_CSV_BYTES`].
    TooLarge {
        /// Its size in bytes.
        bytes: usize,
    },
    /// More data rows than [`MAX_CSV_ROWS`].
    TooManyRows,
    /// Not UTF-8 text.
    NotUtf8 {
        /// The line where the first byte that is not UTF-8 is.
        line: u64,
    },
    /// The `csv` reader stopped for another reason (reading from memory, it has none so far).
    Unreadable {
        /// The line it stopped at, when it says.
        line: Option<u64>,
    },
}

impl fmt::Display for CsvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CsvError::Empty => f.write_str("The file is empty: it needs a heading row and at least one row of assets."),
            CsvError::TooLarge { bytes } => write!(
                f,
                "The file is {} KB; the largest inventory file read is {} KB. Split it, or leave out columns you do not need.",
                bytes / 1024,
                MAX_CSV_BYTES / 1024
            ),
            CsvError::TooManyRows => write!(
                f,
                "The file has more than {MAX_CSV_ROWS} rows; an assessment holds at most {MAX_ASSETS} assets. Split the file by zone."
            ),
            CsvError::NotUtf8 { line } => write!(
                f,
                "Line {line} is not UTF-8 text. Save the file as \"CSV UTF-8\" (most spreadsheet programs offer it under Save as) and import it again."
            ),
            CsvError::Unreadable { line } => {
                let at = line.map(|l| format!(" at line {l}")).unwrap_or_default();
                write!(
                    f,
                    "The file could not be read as CSV{at}. Save it again from the spreadsheet program as CSV and import it again."
                )
            }
        }
    }
}

/// A file being read a chunk of rows at a time (see [`read_csv`] for all at once).
pub struct CsvReading {
    reader: ::csv::Reader<std::io::Cursor<Vec<u8>>>,
    table: CsvTable,
    record: ::csv::StringRecord,
    /// The line counted up to a byte offset (see [`CsvReading::line_at`]).
    counted: (usize, u64),
}

impl CsvReading {
    /// Starts reading: checks the size, drops a UTF-8 byte order mark, finds the delimiter (the one of
    /// comma, semicolon and tab that splits the heading row into the most cells; comma on a tie) and
    /// reads the heading row.
    pub fn start(mut bytes: Vec<u8>) -> Result<CsvReading, CsvError> {
        if bytes.len() > MAX_CSV_BYTES {
            return Err(CsvError::TooLarge { bytes: bytes.len() });
        }
        if bytes.starts_with(b"\xEF\xBB\xBF") {
            bytes.drain(..3);
        }
        let delimiter = guess_delimiter(&bytes);
        let mut reader = ::csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(std::io::Cursor::new(bytes));
        let mut record = ::csv::StringRecord::new();
        let mut table = CsvTable { delimiter, ..CsvTable::default() };
        loop {
            if !reader.read_record(&mut record).map_err(csv_error)? {
                return Err(CsvError::Empty);
            }
            if !is_blank(&record) {
                break;
            }
        }
        table.headers = record.iter().map(|h| h.trim().to_string()).collect();
        Ok(CsvReading { reader, table, record, counted: (0, 1) })
    }

    /// The line a record starting at byte `start` begins on. The `csv` crate's own line count lags by one
    /// after a CRLF line end (it counts the LF when the next record starts), so the lines are counted here
    /// from the bytes, past the line ends and blank lines the record's position may point at.
    fn line_at(&mut self, start: usize) -> u64 {
        let bytes = self.reader.get_ref().get_ref();
        let mut start = start.min(bytes.len());
        while bytes.get(start).is_some_and(|b| *b == b'\r' || *b == b'\n') {
            start += 1;
        }
        let (from, line) = self.counted;
        let from = from.min(start);
        let line = line + bytes[from..start].iter().filter(|b| **b == b'\n').count() as u64;
        self.counted = (start, line);
        line
    }

    /// Reads up to `max` more data rows; `Ok(true)` when the file is done.
    pub fn read_rows(&mut self, max: usize) -> Result<bool, CsvError> {
        for _ in 0..max {
            let read = self.reader.read_record(&mut self.record);
            let more = match read {
                Ok(more) => more,
                Err(e) => {
                    let start = utf8_error_at(&e);
                    return Err(match start {
                        Some(byte) => CsvError::NotUtf8 { line: self.line_at(byte) },
                        None => csv_error(e),
                    });
                }
            };
            if !more {
                return Ok(true);
            }
            if is_blank(&self.record) {
                continue;
            }
            if self.table.rows.len() >= MAX_CSV_ROWS {
                return Err(CsvError::TooManyRows);
            }
            let start = self.record.position().map_or(0, |p| p.byte() as usize);
            let line = self.line_at(start);
            self.table.rows.push(CsvRow { line, cells: self.record.iter().map(str::to_string).collect() });
        }
        Ok(false)
    }

    /// Data rows read so far.
    pub fn rows_read(&self) -> usize {
        self.table.rows.len()
    }

    /// The table read so far.
    pub fn finish(self) -> CsvTable {
        self.table
    }
}

/// Reads a whole CSV file (see [`CsvReading`]).
pub fn read_csv(bytes: &[u8]) -> Result<CsvTable, CsvError> {
    let mut reading = CsvReading::start(bytes.to_vec())?;
    while !reading.read_rows(1000)? {}
    Ok(reading.finish())
}

fn is_blank(record: &::csv::StringRecord) -> bool {
    record.iter().all(|cell| cell.trim().is_empty())
}

/// Where the record with a byte that is not UTF-8 starts, for an encoding error.
fn utf8_error_at(e: &::csv::Error) -> Option<usize> {
    match e.kind() {
        ::csv::ErrorKind::Utf8 { pos, .. } => Some(pos.as_ref().map_or(0, |p| p.byte() as usize)),
        _ => None,
    }
}

fn csv_error(e: ::csv::Error) -> CsvError {
    match e.kind() {
        // Only the heading row is read without [`CsvReading::line_at`].
        ::csv::ErrorKind::Utf8 { .. } => CsvError::NotUtf8 { line: 1 },
        // The reader's own message is in its terms (and would bring its formatting of every error kind,
        // including those of its serde reader, which is not used here): the line is what helps.
        _ => CsvError::Unreadable { line: e.position().map(::csv::Position::line) },
    }
}

/// The delimiter that splits the first non-blank row into the most cells, read by the `csv` crate with
/// each candidate.
fn guess_delimiter(bytes: &[u8]) -> u8 {
    let mut best = (b',', 0);
    for delimiter in [b',', b';', b'\t'] {
        let mut reader =
            ::csv::ReaderBuilder::new().delimiter(delimiter).has_headers(false).flexible(true).from_reader(bytes);
        let mut record = ::csv::ByteRecord::new();
        let mut cells = 0;
        while let Ok(true) = reader.read_byte_record(&mut record) {
            if record.iter().any(|c| !c.trim_ascii().is_empty()) {
                cells = record.len();
                break;
            }
        }
        if cells > best.1 {
            best = (delimiter, cells);
        }
    }
    best.0
}

/// The mapping used before, by heading (compared without case, spaces or punctuation), so that the next
/// file with the same headings is mapped the same way. Kept by the browser between visits.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RememberedMapping {
    /// Heading -> field (`None`: the column was left out on purpose).
    pub by_heading: BTreeMap<String, Option<Field>>,
}

/// The most headings remembered; older ones are forgotten first... by key order, which is good enough to
/// keep the local storage entry small.
const MAX_REMEMBERED: usize = 200;

impl RememberedMapping {
    /// The mapping as the browser keeps it: `{"by_heading": {"tag": "name", "whatever": null}}`, each
    /// heading with its field's id ([`Field::id`]) or `null` for a column left out. Written through
    /// `serde_json::Value`, the JSON reader and writer the saved format already brings, instead of a
    /// derived (de)serializer of its own (measured: a smaller download).
    pub fn to_json(&self) -> String {
        let mut by_heading = serde_json::Map::new();
        for (heading, field) in &self.by_heading {
            let id = field.map_or(Value::Null, |f| Value::String(f.id().to_string()));
            by_heading.insert(heading.clone(), id);
        }
        let mut root = serde_json::Map::new();
        root.insert("by_heading".to_string(), Value::Object(by_heading));
        Value::Object(root).to_string()
    }

    /// Reads what [`RememberedMapping::to_json`] wrote. It is a convenience, so an entry that cannot be
    /// read counts as no mapping, and a heading with an unknown field id is skipped.
    pub fn from_json(text: &str) -> RememberedMapping {
        let mut mapping = RememberedMapping::default();
        let Ok(value) = serde_json::from_str::<Value>(text) else { return mapping };
        for (heading, field) in value.get("by_heading").and_then(Value::as_object).into_iter().flatten() {
            let field = match field {
                Value::Null => None,
                Value::String(id) => match Field::from_id(id) {
                    Some(field) => Some(field),
                    None => continue,
                },
                _ => continue,
            };
            mapping.by_heading.insert(heading.clone(), field);
        }
        while mapping.by_heading.len() > MAX_REMEMBERED {
            mapping.by_heading.pop_first();
        }
        mapping
    }

    /// Remembers the mapping chosen for these headings.
    pub fn remember(&mut self, headers: &[String], mapping: &[Option<Field>]) {
        for (heading, field) in headers.iter().zip(mapping) {
            let key = normalise(heading);
            if !key.is_empty() {
                self.by_heading.insert(key, *field);
            }
        }
        while self.by_heading.len() > MAX_REMEMBERED {
            self.by_heading.pop_first();
        }
    }
}

/// The field each column maps to: the one remembered for its heading, else the field whose usual
/// headings include it; each field at most once (the first column wins).
pub fn suggest_mapping(headers: &[String], remembered: &RememberedMapping) -> Vec<Option<Field>> {
    let mut used = BTreeSet::new();
    headers
        .iter()
        .map(|heading| {
            let key = normalise(heading);
            // The export's own headings first ("Product" is the link to a product), then the usual names.
            let field = match remembered.by_heading.get(&key) {
                Some(choice) => *choice,
                None => Field::ALL
                    .into_iter()
                    .find(|f| normalise(f.label()) == key)
                    .or_else(|| Field::ALL.into_iter().find(|f| f.aliases().contains(&key.as_str()))),
            };
            field.filter(|f| used.insert(*f))
        })
        .collect()
}

/// What is wrong with a mapping as a whole, before any row is checked.
pub fn mapping_problem(mapping: &[Option<Field>], default_zone: Option<&str>) -> Option<String> {
    if !mapping.contains(&Some(Field::Name)) {
        return Some("Choose the column that holds the asset names: every asset needs a name.".to_string());
    }
    for field in Field::ALL {
        if mapping.iter().filter(|m| **m == Some(field)).count() > 1 {
            return Some(format!("Two columns are mapped to {}: map each field from one column only.", field.label()));
        }
    }
    if default_zone.is_none() && !mapping.contains(&Some(Field::Zone)) {
        return Some("Choose the zone the assets go to, or the column that names each asset's zone.".to_string());
    }
    None
}

/// How serious a problem in a row is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The row is left out of the import.
    Error,
    /// The row is imported; the note says what was assumed.
    Warning,
}

/// A problem found in one cell or row of the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowProblem {
    /// The file's line (1 is the heading row).
    pub line: u64,
    /// The column's heading, when the problem is in one cell.
    pub column: Option<String>,
    /// What is wrong and what to do, as a sentence.
    pub message: String,
    /// Error (row left out) or warning (row imported).
    pub severity: Severity,
}

impl fmt::Display for RowProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.column {
            Some(column) => write!(f, "Line {}, column \"{column}\": {}", self.line, self.message),
            None => write!(f, "Line {}: {}", self.line, self.message),
        }
    }
}

/// The outcome of checking a file: the assets of the good rows (ids not given yet) and every problem.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CheckedInventory {
    /// The assets of the rows without errors, in file order, each with its line.
    pub assets: Vec<(u64, Asset)>,
    /// Every problem, in file order.
    pub problems: Vec<RowProblem>,
    /// Rows left out because of an error.
    pub rows_with_errors: usize,
    /// Data rows checked.
    pub rows: usize,
}

impl CheckedInventory {
    /// The problems that leave a row out.
    pub fn errors(&self) -> impl Iterator<Item = &RowProblem> {
        self.problems.iter().filter(|p| p.severity == Severity::Error)
    }

    /// The problems that do not.
    pub fn warnings(&self) -> impl Iterator<Item = &RowProblem> {
        self.problems.iter().filter(|p| p.severity == Severity::Warning)
    }

    /// How many assets would be added after `existing` are in the assessment ([`MAX_ASSETS`] in all).
    pub fn room(&self, existing: usize) -> usize {
        self.assets.len().min(MAX_ASSETS.saturating_sub(existing))
    }
}

/// Checks every row of a table with a mapping (see [`InventoryCheck`]); the mapping's own problem, if any,
/// is returned as the error.
pub fn check_inventory(
    a: &Assessment,
    default_zone: Option<&str>,
    table: &CsvTable,
    mapping: &[Option<Field>],
) -> Result<CheckedInventory, String> {
    let mut check = InventoryCheck::new(a, default_zone, mapping)?;
    check.check_rows(table, 0..table.rows.len());
    Ok(check.finish())
}

/// Checks rows a chunk at a time against an assessment's zones and products.
pub struct InventoryCheck {
    default_zone: Option<String>,
    mapping: Vec<Option<Field>>,
    zones: BTreeMap<String, String>,
    products: BTreeMap<String, String>,
    new_types: BTreeSet<String>,
    result: CheckedInventory,
}

impl InventoryCheck {
    /// Ready to check rows with this mapping; `default_zone` (a zone id) takes the rows whose zone is not
    /// given. The error is the mapping's problem ([`mapping_problem`]).
    pub fn new(
        a: &Assessment,
        default_zone: Option<&str>,
        mapping: &[Option<Field>],
    ) -> Result<InventoryCheck, String> {
        let default_zone = default_zone.filter(|id| a.zone(id).is_some());
        if let Some(problem) = mapping_problem(mapping, default_zone) {
            return Err(problem);
        }
        // A zone or product is found by its name (as names are compared everywhere) or by its id.
        let mut zones = BTreeMap::new();
        for z in &a.zones {
            zones.insert(name_key(&z.id), z.id.clone());
        }
        for z in &a.zones {
            zones.insert(name_key(&z.name), z.id.clone());
        }
        let mut products = BTreeMap::new();
        for p in &a.products {
            products.insert(name_key(&p.id), p.id.clone());
        }
        for p in &a.products {
            products.insert(name_key(&p.name), p.id.clone());
        }
        Ok(InventoryCheck {
            default_zone: default_zone.map(str::to_string),
            mapping: mapping.to_vec(),
            zones,
            products,
            new_types: BTreeSet::new(),
            result: CheckedInventory::default(),
        })
    }

    /// Checks the rows of `table` in `range` (the part of it that exists).
    pub fn check_rows(&mut self, table: &CsvTable, range: Range<usize>) {
        let end = range.end.min(table.rows.len());
        for row in table.rows.get(range.start.min(end)..end).into_iter().flatten() {
            self.check_row(&table.headers, row);
        }
    }

    /// The result.
    pub fn finish(self) -> CheckedInventory {
        self.result
    }

    fn check_row(&mut self, headers: &[String], row: &CsvRow) {
        self.result.rows += 1;
        let mut found = Found { headers, line: row.line, problems: Vec::new() };
        if row.cells.len() > headers.len() && row.cells[headers.len()..].iter().any(|c| !c.trim().is_empty()) {
            found.add(
                None,
                Severity::Warning,
                format!(
                    "The row has {} cells but the heading row {}; the cells beyond the last column are left out.",
                    row.cells.len(),
                    headers.len()
                ),
            );
        }
        let mut asset = Asset::new("", self.default_zone.as_deref().unwrap_or(""), "");
        for (column, field) in self.mapping.iter().enumerate() {
            let Some(field) = field else { continue };
            let raw = row.cells.get(column).map(String::as_str).unwrap_or("");
            let value = unguard(raw.trim());
            let short_text = |found: &mut Found, target: &mut String| {
                let chars = value.chars().count();
                if chars > MAX_NAME_CHARS {
                    let message = format!("Keep it under {MAX_NAME_CHARS} characters (it has {chars}).");
                    found.add(Some(column), Severity::Error, message);
                } else {
                    *target = value.to_string();
                }
            };
            match field {
                Field::Name if value.is_empty() => {
                    found.add(Some(column), Severity::Error, "The asset has no name: every asset needs one.".into())
                }
                Field::Name => short_text(&mut found, &mut asset.name),
                Field::Zone if value.is_empty() => {
                    if self.default_zone.is_none() {
                        found.add(Some(column), Severity::Error, "No zone is given for this asset.".into());
                    }
                }
                Field::Zone => match self.zones.get(&name_key(value)) {
                    Some(id) => asset.zone = id.clone(),
                    None => found.add(
                        Some(column),
                        Severity::Error,
                        format!("No zone is called \"{value}\". Add the zone on the Scope step first, or correct the name."),
                    ),
                },
                Field::Type => match AssetKind::from_text(value) {
                    Some(AssetKind::Custom(name)) if name.chars().count() > MAX_NAME_CHARS => found.add(
                        Some(column),
                        Severity::Error,
                        format!("Keep the type under {MAX_NAME_CHARS} characters."),
                    ),
                    Some(AssetKind::Custom(name)) => {
                        if self.new_types.insert(name_key(&name)) {
                            found.add(
                                Some(column),
                                Severity::Warning,
                                format!("\"{name}\" is not one of the tool's asset types; it is kept as a type of its own (first seen here)."),
                            );
                        }
                        asset.kind = Some(AssetKind::Custom(name));
                    }
                    kind => asset.kind = kind,
                },
                Field::Vendor => short_text(&mut found, &mut asset.vendor),
                Field::Model => short_text(&mut found, &mut asset.model),
                Field::Version => short_text(&mut found, &mut asset.version),
                Field::Address => short_text(&mut found, &mut asset.address),
                Field::Location => short_text(&mut found, &mut asset.location),
                Field::Notes if value.chars().count() > MAX_TEXT_CHARS => {
                    found.add(Some(column), Severity::Error, format!("Keep notes under {MAX_TEXT_CHARS} characters."))
                }
                Field::Notes => asset.notes = value.to_string(),
                Field::Quantity if value.is_empty() => {}
                Field::Quantity => match value.parse::<u32>() {
                    Ok(n) if (1..=MAX_QUANTITY).contains(&n) => asset.quantity = n,
                    _ => found.add(
                        Some(column),
                        Severity::Error,
                        format!("\"{value}\" is not a whole number of at least 1."),
                    ),
                },
                Field::Criticality if value.is_empty() => {}
                Field::Criticality => match Criticality::ALL.into_iter().find(|c| name_key(c.label()) == name_key(value)) {
                    Some(c) => asset.criticality = Some(c),
                    None => found.add(
                        Some(column),
                        Severity::Error,
                        format!("\"{value}\" is not a criticality: use Low, Medium, High or Critical."),
                    ),
                },
                Field::Purdue if value.is_empty() => {}
                Field::Purdue => match PurdueLevel::from_text(value) {
                    Some(level) => asset.purdue = Some(level),
                    None => found.add(
                        Some(column),
                        Severity::Error,
                        format!("\"{value}\" is not a Purdue level: use 0 to 5, 3.5 (DMZ) or SIS."),
                    ),
                },
                Field::Product if value.is_empty() => {}
                Field::Product => match self.products.get(&name_key(value)) {
                    Some(id) => asset.product = Some(id.clone()),
                    None => found.add(
                        Some(column),
                        Severity::Warning,
                        format!("No product of this assessment is called \"{value}\"; the asset is imported without the link."),
                    ),
                },
            }
        }
        let has_error = |found: &Found| found.problems.iter().any(|p| p.severity == Severity::Error);
        if asset.zone.is_empty() && !has_error(&found) {
            found.add(None, Severity::Error, "No zone is given for this asset.".into());
        }
        if has_error(&found) {
            self.result.rows_with_errors += 1;
        } else {
            self.result.assets.push((row.line, asset));
        }
        self.result.problems.extend(found.problems);
    }
}

/// The problems found in one row.
struct Found<'a> {
    headers: &'a [String],
    line: u64,
    problems: Vec<RowProblem>,
}

impl Found<'_> {
    fn add(&mut self, column: Option<usize>, severity: Severity, message: String) {
        let column = column.map(|c| self.headers.get(c).cloned().unwrap_or_else(|| format!("{}", c + 1)));
        self.problems.push(RowProblem { line: self.line, column, message, severity });
    }
}

/// A cell without the apostrophe that [`inventory_csv`] (and spreadsheet programs) put before a value
/// that would otherwise start a formula.
fn unguard(value: &str) -> &str {
    match value.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
        _ => value,
    }
}

/// The inventory as CSV, one row per asset ([`Field::ALL`] as columns, headed by their labels): of one
/// zone, or of every zone in inventory order. Written by the `csv` crate for spreadsheet programs: UTF-8
/// with a byte order mark, CRLF line ends, quotes where needed, and an apostrophe before a value that a
/// spreadsheet would run as a formula (the import takes it off again), so that the file imports back as
/// it was.
pub fn inventory_csv(a: &Assessment, zone: Option<&str>) -> String {
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .quote_style(::csv::QuoteStyle::Necessary)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    // Writing to a `Vec` cannot fail, and every row has the same number of cells.
    let _ = writer.write_record(Field::ALL.map(Field::label));
    for asset in a.assets.iter().filter(|asset| zone.is_none_or(|z| asset.zone == z)) {
        let zone_name = a.zone(&asset.zone).map_or(asset.zone.as_str(), |z| z.name.as_str());
        let product = asset.product.as_deref().map(|p| a.product(p).map_or(p, |p| p.name.as_str())).unwrap_or("");
        let quantity = asset.quantity.to_string();
        let cells: [&str; 13] = [
            zone_name,
            &asset.name,
            asset.kind.as_ref().map_or("", AssetKind::label),
            &asset.vendor,
            &asset.model,
            &asset.version,
            &quantity,
            asset.criticality.map_or("", Criticality::label),
            asset.purdue.map_or("", PurdueLevel::code),
            &asset.address,
            &asset.location,
            &asset.notes,
            product,
        ];
        let _ = writer.write_record(cells.iter().map(|c| guard(c).into_owned()));
    }
    let bytes = writer.into_inner().unwrap_or_default();
    // Every cell is a `&str`, so the bytes are UTF-8; the fallback is never taken.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// A cell with an apostrophe before a leading `=`, `+`, `-` or `@` (a spreadsheet would run it as a
/// formula).
fn guard(value: &str) -> std::borrow::Cow<'_, str> {
    if value.starts_with(['=', '+', '-', '@']) {
        std::borrow::Cow::Owned(format!("'{value}"))
    } else {
        std::borrow::Cow::Borrowed(value)
    }
}
