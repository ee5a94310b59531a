//! Exports for other tools: the gap register and the roadmap as CSV for spreadsheet programs, and the
//! whole report as Markdown for word processors and wikis. Plain text, built from the same values as the
//! on-screen report (`report.rs`, `document.rs`), and deterministic: the same assessment always gives the same bytes.

use crate::domain::assessment::{ActionPlan, Assessment};
use crate::domain::catalogue::{Fr, Item};
use crate::domain::document::{report_document, ReportBranding, ReportLength};
use crate::domain::report::{answer_text, gap_register, GapEntry, WHOLE_ORGANISATION};
use crate::domain::roadmap::{Action, Roadmap};
use crate::domain::scoring::Scorecard;
use std::borrow::Cow;

mod docx;
mod markdown;
mod on_demand;

pub use docx::*;
pub use markdown::{document_markdown, escape_markdown};
pub use on_demand::*;

// --- CSV ------------------------------------------------------------------------------------------------

/// The columns of [`gap_register_csv`].
pub const GAP_REGISTER_COLUMNS: [&str; 19] = [
    "Part",
    "Reference",
    "Title",
    "Zone",
    "FR",
    "Lowest SL",
    "SL-A",
    "SL-T",
    "Answer",
    "Justification",
    "Notes",
    "Recommended action",
    "Effort",
    "Phase",
    "Horizon",
    "Status",
    "Owner",
    "Target date",
    "Plan note",
];

/// The columns of [`roadmap_csv`].
pub const ROADMAP_COLUMNS: [&str; 15] = [
    "Order",
    "Phase",
    "Horizon",
    "References",
    "Title",
    "Action",
    "Zones",
    "Effort",
    "Quick win",
    "Blocks next level",
    "Gap",
    "Status",
    "Owner",
    "Target date",
    "Note",
];

/// The gap register ([`gap_register`]) as CSV: a header row ([`GAP_REGISTER_COLUMNS`]), then one row per
/// entry. SL-A and SL-T hold security levels for 3-3 items and maturity levels (`ML1`) for 2-1 practices;
/// Status is the plan's status of the entry's action, or says that a compensated item needs none.
///
/// Written for spreadsheet programs: UTF-8 with a byte order mark, CRLF line ends, RFC 4180 quoting,
/// and a leading apostrophe on any cell that would otherwise start a formula.
///
/// ```
/// use iec62443_assess::export::gap_register_csv;
/// use iec62443_assess::*;
/// let mut a = Assessment::new("a1", "Plant", "2026-11-20T09:00:00Z");
/// a.zones.push(Zone::new("z1", "Cell A"));
/// let card = score(&a);
/// let roadmap = roadmap_with(&a, &card.zones);
/// let csv = gap_register_csv(&a, &card, &roadmap);
/// assert!(csv.starts_with("\u{feff}Part,Reference,Title,Zone,FR,"));
/// assert_eq!(csv.matches("\r\n").count(), 1 + gap_register(&a, &card, &roadmap).len());
/// ```
pub fn gap_register_csv(assessment: &Assessment, card: &Scorecard, roadmap: &Roadmap) -> String {
    let entries = gap_register(assessment, card, roadmap);
    let rows = entries.iter().map(|e| {
        [
            e.item.part.document().to_string(),
            e.item.refs.join("; "),
            e.item.title.to_string(),
            zone_name(e).to_string(),
            e.item.fr().map(Fr::code).unwrap_or_default().to_string(),
            e.item.level().map(|l| l.to_string()).unwrap_or_default(),
            level_text(e.item, e.achieved),
            level_text(e.item, e.target),
            answer_text(&e.response),
            e.response.justification.clone(),
            e.response.notes.clone(),
            e.item.action.to_string(),
            e.item.effort.letter().to_string(),
            e.item.phase.title().to_string(),
            e.action.as_ref().map(|a| a.horizon.label()).unwrap_or_default().to_string(),
            gap_status(e),
            e.plan.owner.clone(),
            e.plan.target_date.clone(),
            e.plan.note.clone(),
        ]
    });
    csv_document(GAP_REGISTER_COLUMNS, rows)
}

/// The roadmap as CSV: a header row ([`ROADMAP_COLUMNS`]), then one row per action in roadmap order,
/// with the user's plan. Same spreadsheet rules as [`gap_register_csv`].
pub fn roadmap_csv(assessment: &Assessment, roadmap: &Roadmap) -> String {
    let rows = roadmap.actions.iter().enumerate().map(|(i, action)| {
        let plan = plan_of(assessment, action);
        [
            (i + 1).to_string(),
            action.phase().title().to_string(),
            action.horizon.label().to_string(),
            action.item.refs.join("; "),
            action.item.title.to_string(),
            action.item.action.to_string(),
            action.zone_names(),
            action.effort().letter().to_string(),
            yes_no(action.quick_win).to_string(),
            yes_no(action.blocking).to_string(),
            action.gap.to_string(),
            plan.status.label().to_string(),
            plan.owner,
            plan.target_date,
            plan.note,
        ]
    });
    csv_document(ROADMAP_COLUMNS, rows)
}

/// A spreadsheet CSV file written by the `csv` crate: UTF-8 with a byte order mark, CRLF line ends,
/// RFC 4180 quotes where a cell needs them, and [`formula_guard`] on every cell.
fn csv_document<const N: usize>(header: [&str; N], rows: impl Iterator<Item = [String; N]>) -> String {
    let mut writer = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .quote_style(::csv::QuoteStyle::Necessary)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    // Writing to a `Vec` cannot fail, and every row has the same number of cells.
    let _ = writer.write_record(header.map(formula_guard).iter().map(|c| c.as_bytes()));
    for row in rows {
        let _ =
            writer.write_record(row.iter().map(|c| formula_guard(c)).collect::<Vec<_>>().iter().map(|c| c.as_bytes()));
    }
    let bytes = writer.into_inner().unwrap_or_default();
    // Every cell is a `&str`, so the bytes are UTF-8; the fallback is never taken.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// A leading apostrophe on a cell that a spreadsheet would otherwise run as a formula.
fn formula_guard(value: &str) -> Cow<'_, str> {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{value}"))
    } else {
        Cow::Borrowed(value)
    }
}

fn yes_no(value: bool) -> &'static str {
    if value {
        "Yes"
    } else {
        "No"
    }
}

fn zone_name(entry: &GapEntry) -> &str {
    entry.zone.as_ref().map_or(WHOLE_ORGANISATION, |(_, name)| name.as_str())
}

/// A security level as a number, a maturity level as `ML2`.
fn level_text(item: &Item, level: Option<u8>) -> String {
    match level {
        Some(l) if item.is_maturity() => format!("ML{l}"),
        Some(l) => l.to_string(),
        None => String::new(),
    }
}

fn gap_status(entry: &GapEntry) -> String {
    match entry.action {
        Some(_) => entry.plan.status.label().to_string(),
        None => "Met by compensating control: no action".to_string(),
    }
}

fn plan_of(assessment: &Assessment, action: &Action) -> ActionPlan {
    assessment.plan.get(action.key).cloned().unwrap_or_default()
}

// --- Markdown -------------------------------------------------------------------------------------------

/// The report as Markdown, to edit in a word processor or a wiki: the report's [`Document`] of that
/// `length` ([`report_document`], without branding) written by [`document_markdown`], so both say the
/// same: cover details, executive summary, scorecard, roadmap by phase with the projected levels, and in
/// the full report each action in detail, the gap register and the appendix of answers.
///
/// Text typed by the user (names, notes, justifications, owners...) appears literally: Markdown and HTML
/// characters are escaped and line breaks become spaces, so nothing in it can format the document, break
/// a table or inject markup.
///
/// ```
/// use iec62443_assess::export::report_markdown;
/// use iec62443_assess::*;
/// let mut a = Assessment::new("a1", "Plant <1>", "2026-11-20T09:00:00Z");
/// a.zones.push(Zone::new("z1", "Cell A"));
/// let card = score(&a);
/// let markdown = report_markdown(&a, &card, &roadmap_with(&a, &card.zones), ReportLength::Short);
/// assert!(markdown.starts_with("# IEC 62443 self-assessment: Plant \\<1\\>\n\n- Date: 2026-11-20\n"));
/// assert!(markdown.contains("\n## Scorecard\n"));
/// assert!(!markdown.contains("\n## Gap register\n"));
/// ```
///
/// [`Document`]: crate::domain::document::Document
pub fn report_markdown(assessment: &Assessment, card: &Scorecard, roadmap: &Roadmap, length: ReportLength) -> String {
    document_markdown(&report_document(assessment, card, roadmap, ReportBranding::default(), length))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One cell as the CSV exports write it (the line after the header).
    fn csv_cell(value: &str) -> String {
        let text = csv_document(["Column"], std::iter::once([value.to_string()]));
        let body = text.strip_prefix("\u{feff}Column\r\n").expect("header");
        body.strip_suffix("\r\n").expect("line end").to_string()
    }

    #[test]
    fn a_csv_cell_that_could_start_a_formula_gets_an_apostrophe() {
        assert_eq!(csv_cell("=SUM(A1:A2)"), "'=SUM(A1:A2)");
        assert_eq!(csv_cell("+1"), "'+1");
        assert_eq!(csv_cell("-1"), "'-1");
        assert_eq!(csv_cell("@cmd"), "'@cmd");
        assert_eq!(csv_cell("\tx"), "'\tx");
        assert_eq!(csv_cell("\rx"), "\"'\rx\"");
        assert_eq!(csv_cell("a=b"), "a=b");
    }

    #[test]
    fn a_csv_cell_with_a_separator_quote_or_line_break_is_quoted() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a, b"), "\"a, b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("two\nlines"), "\"two\nlines\"");
    }

    #[test]
    fn a_csv_file_has_a_byte_order_mark_crlf_line_ends_and_one_row_per_entry() {
        let text = csv_document(
            ["A", "B"],
            [["1".to_string(), "x, y".to_string()], ["2".to_string(), String::new()]].into_iter(),
        );
        assert_eq!(text, "\u{feff}A,B\r\n1,\"x, y\"\r\n2,\r\n");
    }
}
