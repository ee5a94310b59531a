//! The results as HTML: answer counts, SL-A against SL-T per zone (table, readiness, radar, coverage,
//! blocking items), SL-C per product, the 3-2 process and the maturity of 2-1, 2-4 and 4-1.

use super::charts::{level_bars, radar};
use super::Html;
use crate::domain::{Assessment, Fr, MaturityResult, Mode, Part, Scorecard, ZoneResult};

/// Where the user adds zones and products (the Scope step's hash route).
const SCOPE_HREF: &str = "#/scope";

/// The content of the results body (`div.results-body`), for the Results step and the report's scorecard.
/// The parts shown are those the assessment's roles answer.
///
/// ```
/// use iec62443_assess::*;
/// let mut a = Assessment::new("a1", "Plant", "2026-11-20T09:00:00Z");
/// a.zones.push(Zone::new("z1", "Cell A"));
/// let html = html::results::results_body(&a, &score(&a));
/// assert!(html.contains("<h3>Zone: Cell A</h3>"));
/// ```
pub fn results_body(assessment: &Assessment, card: &Scorecard) -> String {
    let mut h = Html::default();
    write_results_body(&mut h, assessment, card);
    h.into_string()
}

pub(super) fn write_results_body(h: &mut Html, assessment: &Assessment, card: &Scorecard) {
    let counts = card.answer_counts;
    let (done, total) = card.progress;
    h.open("ul", &[("class", "counts"), ("aria-label", "Answer counts")]);
    for (number, what) in [
        (format!("{done} of {total}"), " questions answered"),
        (counts.unanswered.to_string(), " unanswered"),
        (counts.not_applicable.to_string(), " not applicable"),
        (counts.compensating.to_string(), " compensating controls"),
        (counts.incomplete.to_string(), " lacking a justification"),
    ] {
        h.open("li", &[]).element("strong", &[], &number).text(what).close("li");
    }
    h.close("ul");
    if card.mode == Mode::Quick {
        h.element(
            "p",
            &[("class", "notice")],
            "Quick scan: achieved levels are indicative and cannot exceed the highest level the quick scan asks about in each FR.",
        );
    }
    if assessment.answers_part(Part::SystemRequirements) {
        levels_section(h, &card.zones, false);
    }
    if assessment.answers_part(Part::ComponentRequirements) {
        levels_section(h, &card.products, true);
    }
    if assessment.answers_part(Part::RiskAssessment) {
        process_summary(h, card);
    }
    for maturity in [&card.maturity, &card.service, &card.development] {
        if assessment.answers_part(maturity.part) {
            maturity_summary(h, maturity);
        }
    }
}

/// SL-A per zone (with a readiness line each) or SL-C per product: the table, then each one's details.
fn levels_section(h: &mut Html, results: &[ZoneResult], products: bool) {
    let (heading, empty, to_see) = if products {
        ("Capability levels by product", "No products yet: add products in ", " to see their capability levels.")
    } else {
        ("Security levels by zone", "No zones yet: add zones in ", " to see security levels.")
    };
    h.element("h2", &[], heading);
    if results.is_empty() {
        h.open("p", &[("class", "empty-state")]).text(empty);
        h.element("a", &[("href", SCOPE_HREF)], "Scope").text(to_see).close("p");
        return;
    }
    sl_table(h, results, products);
    if !products {
        h.open("ul", &[("class", "readiness"), ("aria-label", "Readiness per zone")]);
        for zone in results {
            h.element("li", &[], &zone.readiness());
        }
        h.close("ul");
    }
    for result in results {
        zone_detail(h, result, products);
    }
}

/// The accessible table of SL-A against SL-T (or SL-C against the level aimed for, for products). Each
/// cell says its gap in words (`▼ gap 2`) or marks a met target (`✓`), not only by colour.
pub fn sl_table(h: &mut Html, zones: &[ZoneResult], products: bool) {
    let (caption, noun, achieved, target) = if products {
        ("Capability levels by product", "Product", "SL-C", "aimed")
    } else {
        ("Security levels by zone", "Zone", "SL-A", "SL-T")
    };
    h.open("table", &[("class", "data-table sl-table")]).element("caption", &[], caption);
    h.open("thead", &[]).open("tr", &[]).element("th", &[("scope", "col")], noun);
    for fr in Fr::ALL {
        h.open("th", &[("scope", "col")]).element("abbr", &[("title", fr.name())], fr.code()).close("th");
    }
    h.close("tr").close("thead").open("tbody", &[]);
    for zone in zones {
        h.open("tr", &[]).element("th", &[("scope", "row")], &zone.zone_name);
        for f in &zone.frs {
            let gap = f.gap();
            h.open("td", &[("class", if gap > 0 { "gap" } else { "met" })]);
            h.text(&format!("{achieved} {} / {target} {}", f.achieved, f.target));
            if gap > 0 {
                h.element("span", &[("class", "gap-marker")], &format!(" ▼ gap {gap}"));
            } else {
                h.element("span", &[("class", "met-marker")], " ✓");
            }
            h.close("td");
        }
        h.close("tr");
    }
    h.close("tbody").close("table");
}

fn zone_detail(h: &mut Html, zone: &ZoneResult, product: bool) {
    let noun = if product { "Product" } else { "Zone" };
    let level = if product { "SL-C" } else { "SL" };
    let name = &zone.zone_name;
    h.open("section", &[("class", "zone-detail card"), ("aria-label", &format!("{noun} {name}"))]);
    h.element("h3", &[], &format!("{noun}: {name}"));
    h.open("div", &[("class", "zone-detail-grid")]);
    radar(h, name, &zone.achieved, &zone.target, &format!("radar-{}", zone.zone_id), product);
    h.open("table", &[("class", "data-table coverage-table")]);
    h.element("caption", &[], &format!("Coverage of in-scope requirements, {name}"));
    h.column_headings(&["FR", "Met", "Not met", "N/A", "Unanswered"]);
    h.open("tbody", &[]);
    for f in &zone.frs {
        let c = f.coverage;
        let pct = c.percent().map(|p| format!(" ({p}%)")).unwrap_or_default();
        h.open("tr", &[]).element("th", &[("scope", "row")], f.fr.code());
        h.element("td", &[], &format!("{} of {}{}", c.met, c.applicable(), pct));
        for n in [c.not_met, c.not_applicable, c.unanswered] {
            h.element("td", &[], &n.to_string());
        }
        h.close("tr");
    }
    h.close("tbody").close("table").close("div");
    h.element("h4", &[], "What blocks the next level");
    let mut blocking = zone.frs.iter().filter(|f| !f.blocking.is_empty() && f.gap() > 0).peekable();
    if blocking.peek().is_none() {
        h.element(
            "p",
            &[("class", "muted")],
            "Nothing: every FR has reached its target, or no further level is in reach.",
        );
    } else {
        h.open("ul", &[("class", "blocking")]);
        for f in blocking {
            h.open("li", &[]);
            h.element("strong", &[], &format!("{} to reach {level} {}: ", f.fr.code(), f.achieved.get() + 1));
            for (n, item) in f.blocking.iter().enumerate() {
                h.text(if n == 0 { "" } else { "; " }).text(item.main_ref()).text(" ").text(item.title);
            }
            h.close("li");
        }
        h.close("ul");
    }
    let mut compensating = zone.frs.iter().flat_map(|f| &f.compensating).peekable();
    if compensating.peek().is_some() {
        h.open("p", &[("class", "notice")]).text("These results rest on compensating controls: ");
        for (n, item) in compensating.enumerate() {
            h.text(if n == 0 { "" } else { ", " }).text(item.main_ref());
        }
        h.text(".").close("p");
    }
    h.close("section");
}

fn process_summary(h: &mut Html, card: &Scorecard) {
    let p = &card.process;
    let c = p.coverage;
    let pct = c.percent().map(|x| format!("{x}%")).unwrap_or_else(|| "n/a".into());
    h.open("section", &[("class", "card"), ("aria-labelledby", "process-title")]);
    h.element("h2", &[("id", "process-title")], "Risk assessment, zones and conduits (IEC 62443-3-2)");
    h.element(
        "p",
        &[],
        &format!(
            "{} of {} applicable steps in place ({pct}); {} not applicable, {} unanswered.",
            c.met,
            c.applicable(),
            c.not_applicable,
            c.unanswered
        ),
    );
    if !p.open.is_empty() {
        h.open("details", &[]).element("summary", &[], &format!("{} open step(s)", p.open.len()));
        h.open("ul", &[]);
        for item in &p.open {
            h.element("li", &[], &format!("{} {}", item.main_ref(), item.title));
        }
        h.close("ul").close("details");
    }
    h.close("section");
}

fn maturity_summary(h: &mut Html, m: &MaturityResult) {
    let overall = m.overall.map(|l| format!("ML{l}")).unwrap_or_else(|| "not rated".into());
    let noun = m.part.area_noun();
    let heading_id = format!("maturity-{}", m.part.document().replace(' ', "-").to_ascii_lowercase());
    let per_area = format!("Maturity per {noun}");
    h.open("section", &[("class", "card"), ("aria-labelledby", &heading_id)]);
    h.element("h2", &[("id", &heading_id)], &format!("{} maturity ({})", m.part.title(), m.part.document()));
    h.element(
        "p",
        &[],
        &format!(
            "Overall maturity: {overall} (the lowest {noun}; a {noun} reaches a level only when all its practices do). Target: ML{}.",
            m.target
        ),
    );
    level_bars(h, &m.areas, m.target, 4, &per_area);
    h.open("table", &[("class", "data-table")]).element("caption", &[], &per_area);
    h.column_headings(&[noun, "Level", "Not performed", "ML1", "ML2", "ML3", "ML4", "N/A", "Don't know", "Unanswered"]);
    h.open("tbody", &[]);
    for a in &m.areas {
        let d = a.distribution;
        h.open("tr", &[]).element("th", &[("scope", "row")], &format!("{} {}", a.area.refs.join(", "), a.area.title));
        h.element("td", &[], &a.level.map(|l| format!("ML{l}")).unwrap_or_else(|| "N/A".into()));
        for n in d.levels.iter().chain([&d.not_applicable, &d.dont_know, &d.unanswered]) {
            h.element("td", &[], &n.to_string());
        }
        h.close("tr");
    }
    h.close("tbody").close("table").close("section");
}

/// The rows of the questionnaire's live summary (`tbody` of its mini table): achieved / target level per
/// FR for every zone, then every product; a gap is marked by ▾ and a class, and each cell is labelled in words.
///
/// ```
/// use iec62443_assess::*;
/// let mut a = Assessment::new("a1", "Plant", "2026-11-20T09:00:00Z");
/// a.zones.push(Zone::new("z1", "Cell A"));
/// let rows = html::results::live_summary_rows(&score(&a));
/// assert!(rows.starts_with(r#"<tr data-zone="z1"><th scope="row">Cell A</th><td class="gap" aria-label="Cell A FR1: achieved 0, target 1">0/1 ▾</td>"#));
/// ```
pub fn live_summary_rows(card: &Scorecard) -> String {
    let mut h = Html::default();
    for z in card.zones.iter().chain(card.products.iter()) {
        h.open("tr", &[("data-zone", &z.zone_id)]).element("th", &[("scope", "row")], &z.zone_name);
        for f in &z.frs {
            let label = format!("{} {}: achieved {}, target {}", z.zone_name, f.fr.code(), f.achieved, f.target);
            let gap = f.gap() > 0;
            let mut cell = format!("{}/{}", f.achieved, f.target);
            if gap {
                cell.push_str(" ▾");
            }
            let attributes: &[(&str, &str)] =
                if gap { &[("class", "gap"), ("aria-label", &label)] } else { &[("aria-label", &label)] };
            h.element("td", attributes, &cell);
        }
        h.close("tr");
    }
    h.into_string()
}
