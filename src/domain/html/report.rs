//! The printable report as HTML: cover, executive summary, scorecard, roadmap with the projected levels,
//! gap register and the appendix of every answer. It says what the Markdown export says
//! ([`crate::domain::export::report_markdown`]), from the same values.

use super::results::{sl_table, write_results_body};
use super::Html;
use crate::domain::export::{answer_text, WHOLE_ORGANISATION};
use crate::domain::{
    appendix, executive_summary, gap_register, mode_label, projection, Action, ActionPlan, AppendixEntry, Assessment,
    GapEntry, Part, Phase, Response, Roadmap, Scorecard, Status, ZoneProjection, CATALOGUE_VERSION,
};

/// Who offers the tool, from the deployment's `branding.json`; empty strings are left out of the report.
#[derive(Clone, Copy, Debug, Default)]
pub struct ReportBranding<'a> {
    /// The consultancy's name.
    pub name: &'a str,
    /// A same-site path of its logo.
    pub logo: &'a str,
    /// An `https:` or `mailto:` link.
    pub contact_url: &'a str,
    /// The text of that link.
    pub contact_label: &'a str,
}

/// The content of the report (`article.report-document`).
///
/// ```
/// use iec62443_assess::*;
/// let mut a = Assessment::new("a1", "Plant", "2026-11-20T09:00:00Z");
/// a.zones.push(Zone::new("z1", "Cell A"));
/// let card = score(&a);
/// let roadmap = roadmap_with(&a, &card.zones);
/// let html = html::report::report_document(&a, &card, &roadmap, html::report::ReportBranding::default());
/// assert!(html.contains(r#"<h2 class="report-title">Plant</h2>"#));
/// ```
pub fn report_document(a: &Assessment, card: &Scorecard, roadmap: &Roadmap, branding: ReportBranding) -> String {
    let mut h = Html::default();
    cover(&mut h, a, branding);

    let summary = executive_summary(a, card, roadmap);
    section(&mut h, "report-summary", "Executive summary");
    h.element("p", &[("class", "overall")], &summary.overall);
    h.open("ul", &[("class", "readiness")]);
    for line in &summary.zone_lines {
        h.element("li", &[], line);
    }
    h.close("ul");
    if !card.zones.is_empty() {
        sl_table(&mut h, &card.zones, false);
    }
    if !card.products.is_empty() {
        sl_table(&mut h, &card.products, true);
    }
    h.element("h3", &[], "Top five gaps");
    action_list(&mut h, &summary.top_gaps, false, "No gaps: every in-scope requirement is met.");
    h.element("h3", &[], "First steps");
    action_list(&mut h, &summary.first_steps, true, "Nothing to start: the roadmap is empty.");
    contact(&mut h, branding);
    h.close("section");

    section(&mut h, "report-scorecard", "Scorecard");
    h.open("div", &[("class", "results-body")]);
    write_results_body(&mut h, a, card);
    h.close("div").close("section");

    section(&mut h, "report-roadmap", "Roadmap");
    let rows = projection(a, roadmap);
    if !rows.is_empty() {
        h.open(
            "div",
            &[("class", "table-scroll"), ("tabindex", "0"), ("role", "region"), ("aria-label", PROJECTION_REGION)],
        );
        projection_table(&mut h, &rows);
        h.close("div").element("p", &[("class", "hint")], PROJECTION_HINT);
    }
    for (i, phase) in Phase::ALL.into_iter().enumerate() {
        let mut actions = roadmap.in_phase(phase).peekable();
        if actions.peek().is_none() {
            continue;
        }
        h.element("h3", &[], &format!("Phase {}: {}", i + 1, phase.title()));
        h.open("ol", &[("class", "report-actions-list")]);
        for action in actions {
            roadmap_action(&mut h, action, &a.plan.get(action.key).cloned().unwrap_or_default());
        }
        h.close("ol");
    }
    h.close("section");

    section(&mut h, "report-gaps", "Gap register");
    gap_table(&mut h, &gap_register(a, card, roadmap));
    h.close("section");

    section(&mut h, "report-appendix", "Appendix: every answer");
    appendix_table(&mut h, &appendix(a));
    h.close("section");
    h.into_string()
}

/// The accessible name of the scrolling region around the projection table.
pub const PROJECTION_REGION: &str = "Projected levels, scrollable";

/// The hint below the projection table.
pub const PROJECTION_HINT: &str = "Levels are listed FR1 to FR7, e.g. {2 2 1 1 2 1 2}.";

/// The table of projected levels per zone and product after each phase ([`projection`]).
///
/// ```
/// use iec62443_assess::*;
/// let mut a = Assessment::new("a1", "Plant", "2026-11-20T09:00:00Z");
/// a.zones.push(Zone::new("z1", "Cell A"));
/// let rows = projection(&a, &roadmap_for(&a));
/// assert!(html::report::projection_table_html(&rows).contains("<th scope=\"row\">Cell A</th>"));
/// ```
pub fn projection_table_html(rows: &[ZoneProjection]) -> String {
    let mut h = Html::default();
    projection_table(&mut h, rows);
    h.into_string()
}

fn projection_table(h: &mut Html, rows: &[ZoneProjection]) {
    h.open("table", &[("class", "data-table projection")]).element(
        "caption",
        &[],
        "Projected levels after each phase (SL-A per zone, SL-C per product; planned and done actions)",
    );
    h.open("thead", &[]).open("tr", &[]);
    h.element("th", &[("scope", "col")], "Zone").element("th", &[("scope", "col")], "Now");
    for (i, phase) in Phase::ALL.iter().enumerate() {
        h.element("th", &[("scope", "col"), ("title", phase.title())], &format!("After phase {}", i + 1));
    }
    h.element("th", &[("scope", "col")], "All actions done").element("th", &[("scope", "col")], "Target");
    h.close("tr").close("thead").open("tbody", &[]);
    for z in rows {
        let name = if z.is_product { format!("Product {}", z.zone_name) } else { z.zone_name.clone() };
        h.open("tr", &[]).element("th", &[("scope", "row")], &name);
        for levels in std::iter::once(&z.current).chain(&z.after_phase).chain([&z.all_done, &z.target]) {
            h.element("td", &[], &levels.notation());
        }
        h.close("tr");
    }
    h.close("tbody").close("table");
}

/// Opens a report section headed by an `h2` with this id.
fn section(h: &mut Html, id: &str, title: &str) {
    h.open("section", &[("class", "report-section"), ("aria-labelledby", id)]).element("h2", &[("id", id)], title);
}

fn cover(h: &mut Html, a: &Assessment, branding: ReportBranding) {
    h.open("header", &[("class", "report-cover")]);
    if !branding.logo.is_empty() {
        h.open("img", &[("class", "report-logo"), ("src", branding.logo), ("alt", branding.name)]);
    }
    h.element("p", &[("class", "report-kicker")], "IEC 62443 self-assessment report");
    h.element("h2", &[("class", "report-title")], &a.name);
    h.open("dl", &[("class", "report-meta")]);
    let profile = &a.profile;
    let zones = a.zones.len().to_string();
    let facts = [
        ("Organisation", profile.organisation.as_str()),
        ("Sector", profile.sector.as_str()),
        ("Date", a.updated.get(..10).unwrap_or("")),
        ("Assessment", mode_label(profile.mode)),
        ("Catalogue version", CATALOGUE_VERSION),
        ("Zones", &zones),
    ];
    for (i, (term, value)) in facts.into_iter().enumerate() {
        // Organisation and sector are optional; the other facts are always listed.
        if i >= 2 || !value.is_empty() {
            h.element("dt", &[], term).element("dd", &[], value);
        }
    }
    h.close("dl");
    if !branding.name.is_empty() {
        let brand = format!("Prepared with the self-assessment tool of {}", branding.name);
        h.element("p", &[("class", "report-brand")], &brand);
    }
    contact(h, branding);
    h.element(
        "p",
        &[("class", "hint")],
        "A self-assessment: the answers are the organisation's own and have not been audited.",
    );
    h.close("header");
}

fn contact(h: &mut Html, branding: ReportBranding) {
    if !branding.contact_url.is_empty() {
        h.open("p", &[("class", "report-contact")]);
        h.element("a", &[("href", branding.contact_url), ("rel", "noopener")], branding.contact_label);
        h.close("p");
    }
}

fn action_list(h: &mut Html, actions: &[Action], detail: bool, empty: &str) {
    if actions.is_empty() {
        h.element("p", &[("class", "muted")], empty);
        return;
    }
    h.open("ol", &[("class", "summary-actions")]);
    for a in actions {
        h.open("li", &[]).element("strong", &[], &format!("{} ({})", a.item.title, a.item.main_ref()));
        h.text(&format!(" · {} · {}", a.zone_names(), a.horizon.label()));
        if detail {
            h.open("br", &[]).element("span", &[], a.item.action);
        }
        h.close("li");
    }
    h.close("ol");
}

/// " · Owner: Ann" when an owner is set, else nothing.
fn plan_field(label: &str, value: &str) -> String {
    if value.is_empty() {
        String::new()
    } else {
        format!(" · {label}{value}")
    }
}

fn roadmap_action(h: &mut Html, action: &Action, plan: &ActionPlan) {
    let item = action.item;
    h.open("li", &[("class", "report-action")]);
    h.element("strong", &[], &format!("{} ({})", item.title, item.refs.join(", ")));
    if action.quick_win {
        h.text(" · quick win");
    }
    h.element("p", &[], item.action);
    let facts = format!(
        "Applies to: {} · Effort: {} · Horizon: {} · Status: {}{}{}",
        action.zone_names(),
        item.effort.letter(),
        action.horizon.label(),
        plan.status.label(),
        plan_field("Owner: ", &plan.owner),
        plan_field("Target date: ", &plan.target_date),
    );
    h.element("p", &[("class", "muted")], &facts);
    if !plan.note.is_empty() {
        h.element("p", &[("class", "note")], &format!("Note: {}", plan.note));
    }
    h.close("li");
}

/// The justification and notes of a response, a paragraph each when given.
fn justification_and_notes(h: &mut Html, response: &Response) {
    h.open("td", &[]);
    if !response.justification.is_empty() {
        h.element("p", &[], &format!("Justification: {}", response.justification));
    }
    if !response.notes.is_empty() {
        h.element("p", &[], &format!("Notes: {}", response.notes));
    }
    h.close("td");
}

fn zone_name(zone: &Option<(String, String)>) -> &str {
    zone.as_ref().map_or(WHOLE_ORGANISATION, |(_, name)| name)
}

fn table_head(h: &mut Html, class: &str, caption: &str, columns: &[&str]) {
    h.open("table", &[("class", class)]).element("caption", &[], caption);
    h.column_headings(columns).open("tbody", &[]);
}

fn gap_table(h: &mut Html, gaps: &[GapEntry]) {
    if gaps.is_empty() {
        h.element("p", &[("class", "muted")], "No gaps recorded.");
        return;
    }
    let columns = ["Requirement", "Zone", "Level", "Answer", "Justification and notes", "Action and plan"];
    table_head(h, "data-table gap-register", "Gap register", &columns);
    for g in gaps {
        let level = match (g.achieved, g.target) {
            (Some(a), Some(t)) if g.item.is_maturity() => format!("ML{a} / target ML{t}"),
            (Some(a), Some(t)) if g.item.part == Part::ComponentRequirements => format!("SL-C {a} / aimed {t}"),
            (Some(a), Some(t)) => format!("SL-A {a} / SL-T {t}"),
            _ => String::new(),
        };
        h.open("tr", &[]).open("td", &[]).element("strong", &[], &g.item.refs.join(", "));
        h.text(" ").text(g.item.title).close("td");
        h.element("td", &[], zone_name(&g.zone)).element("td", &[], &level);
        h.element("td", &[], &answer_text(&g.response));
        justification_and_notes(h, &g.response);
        h.open("td", &[]);
        if g.status == Status::MetByCompensation {
            h.text("Met by a compensating control: no action.");
        } else {
            let plan = &g.plan;
            let status = format!(
                "Status: {}{}{}",
                plan.status.label(),
                plan_field("Owner: ", &plan.owner),
                plan_field("", &plan.target_date)
            );
            h.text(g.item.action).element("p", &[("class", "muted")], &status);
        }
        h.close("td").close("tr");
    }
    h.close("tbody").close("table");
}

fn appendix_table(h: &mut Html, entries: &[AppendixEntry]) {
    let columns = ["Reference", "Question", "Zone", "Answer", "Justification and notes"];
    table_head(h, "data-table appendix", "Every question asked, with its answer", &columns);
    for e in entries {
        let r = e.response.clone().unwrap_or_default();
        let answer = format!("{}{}", answer_text(&r), if e.inherited { " (all zones)" } else { "" });
        h.open("tr", &[]).element("td", &[], &e.item.refs.join(", ")).element("td", &[], e.item.question);
        h.element("td", &[], zone_name(&e.zone)).element("td", &[], &answer);
        justification_and_notes(h, &r);
        h.close("tr");
    }
    h.close("tbody").close("table");
}
