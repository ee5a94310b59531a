//! The read-only views written as HTML text (results, report, projection, charts): what the user typed
//! is escaped everywhere, the report names every zone and roadmap action, gaps are marked in words, and
//! every element opened is closed.

mod common;

use common::*;
use iec62443_assess::html::report::{projection_table_html, report_document, ReportBranding};
use iec62443_assess::html::results::results_body;
use iec62443_assess::html::{escape, Html};
use iec62443_assess::*;

const HOSTILE: &str = r#"<script>alert(1)</script> & "x""#;
const HOSTILE_ESCAPED: &str = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;";

/// Cell A (SL-T FR1 2, FR2 1) with FR1 implemented up to SL 1 and a zone with a hostile name; the
/// programme settled, so the roadmap holds only 3-3 actions.
fn plant() -> Assessment {
    let mut a = assessment_with(vec![
        zone("z1", "Cell A", [2, 1, 0, 0, 0, 0, 0], Criticality::High),
        zone("z2", HOSTILE, [1, 0, 0, 0, 0, 0, 0], Criticality::Low),
    ]);
    settle_programme(&mut a);
    implement_fr(&mut a, &in_zone("z1"), Fr::Fr1, 1);
    a
}

fn report(a: &Assessment, branding: ReportBranding) -> String {
    let card = score(a);
    let roadmap = roadmap_with(a, &card.zones);
    report_document(a, &card, &roadmap, branding)
}

/// Checks that every element is closed in order. Text is escaped, so every `<` starts a tag.
fn assert_balanced(html: &str) {
    let mut open: Vec<&str> = Vec::new();
    for tag in html.split('<').skip(1) {
        let tag = &tag[..tag.find('>').expect("a tag ends with >")];
        if let Some(name) = tag.strip_prefix('/') {
            assert_eq!(open.pop(), Some(name), "</{name}> closes another element");
        } else {
            let name = tag.split(' ').next().unwrap_or_default();
            if !matches!(name, "img" | "br") {
                open.push(name);
            }
        }
    }
    assert!(open.is_empty(), "left open: {open:?}");
}

#[test]
fn escape_replaces_the_five_characters_special_to_html() {
    assert_eq!(escape(r#"a & b < c > d " e ' f"#), "a &amp; b &lt; c &gt; d &quot; e &#39; f");
    assert_eq!(escape("Zone 1 · FR1 ✓"), "Zone 1 · FR1 ✓");
}

#[test]
fn attribute_values_and_text_are_escaped_by_the_builder() {
    let mut h = Html::default();
    h.open("a", &[("href", "https://x.test/?a=1&b=\"2\"")]).text("<b>").close("a");
    assert_eq!(h.into_string(), r#"<a href="https://x.test/?a=1&amp;b=&quot;2&quot;">&lt;b&gt;</a>"#);
}

#[test]
fn a_zone_name_with_markup_appears_as_text_in_the_results_and_the_report() {
    let a = plant();
    let card = score(&a);
    for html in [results_body(&a, &card), report(&a, ReportBranding::default())] {
        assert!(html.contains(&format!("<h3>Zone: {HOSTILE_ESCAPED}</h3>")));
        assert!(html.contains(&format!(r#"aria-label="Zone {HOSTILE_ESCAPED}""#)));
        assert!(!html.contains("<script"), "a zone name became markup");
        assert!(!html.contains(r#""x""#), "a quote in a zone name ended an attribute");
    }
}

#[test]
fn organisation_notes_and_plan_are_escaped_in_the_report() {
    let mut a = plant();
    a.name = "Plant <1>".to_string();
    a.profile.organisation = HOSTILE.to_string();
    a.set_response(
        &in_zone("z1"),
        "sr-1.3",
        Response { answer: Some(Answer::NotImplemented), justification: String::new(), notes: HOSTILE.to_string() },
    );
    a.plan.insert("sr-1.3".to_string(), ActionPlan { owner: HOSTILE.to_string(), ..ActionPlan::default() });
    let html = report(&a, ReportBranding::default());
    assert!(html.contains(r#"<h2 class="report-title">Plant &lt;1&gt;</h2>"#));
    assert!(html.contains(&format!("<dt>Organisation</dt><dd>{HOSTILE_ESCAPED}</dd>")));
    assert!(html.contains(&format!("<p>Notes: {HOSTILE_ESCAPED}</p>")));
    assert!(html.contains(&format!(" · Owner: {HOSTILE_ESCAPED}")));
    assert!(!html.contains("<script"));
}

#[test]
fn the_report_names_every_zone_and_lists_every_roadmap_action() {
    let a = plant();
    let card = score(&a);
    let roadmap = roadmap_with(&a, &card.zones);
    assert!(!roadmap.actions.is_empty());
    let html = report_document(&a, &card, &roadmap, ReportBranding::default());
    for name in ["Cell A", HOSTILE_ESCAPED] {
        assert!(html.contains(&format!(r#"<th scope="row">{name}</th>"#)), "{name} is not in the SL table");
    }
    for action in &roadmap.actions {
        let heading = format!("<strong>{} ({})</strong>", escape(action.item.title), action.item.refs.join(", "));
        assert!(html.contains(&heading), "the roadmap action {} is missing", action.key);
    }
    for section in ["Executive summary", "Scorecard", "Roadmap", "Gap register", "Appendix: every answer"] {
        assert!(html.contains(&format!("{section}</h2>")), "no section {section}");
    }
}

#[test]
fn the_sl_table_marks_gaps_and_met_targets_in_words_not_only_by_colour() {
    let a = plant();
    let html = results_body(&a, &score(&a));
    // Cell A: FR1 SL-A 1 of SL-T 2, FR2 nothing answered against SL-T 1, FR3 no target.
    assert!(html.contains(r#"<td class="gap">SL-A 1 / SL-T 2<span class="gap-marker"> ▼ gap 1</span></td>"#));
    assert!(html.contains(r#"<td class="gap">SL-A 0 / SL-T 1<span class="gap-marker"> ▼ gap 1</span></td>"#));
    assert!(html.contains(r#"<td class="met">SL-A 0 / SL-T 0<span class="met-marker"> ✓</span></td>"#));
}

#[test]
fn each_radar_is_an_image_labelled_by_its_own_title_and_description() {
    let a = plant();
    let html = results_body(&a, &score(&a));
    assert!(html.contains(r#"role="img" aria-labelledby="radar-z1-title radar-z1-desc""#));
    assert!(html.contains(r#"<title id="radar-z1-title">Security levels of zone Cell A</title>"#));
    assert!(html.contains(r#"<desc id="radar-z1-desc">Zone Cell A: FR1 SL-A 1 of SL-T 2; FR2 SL-A 0 of SL-T 1;"#));
    assert!(html.contains(r#"<title id="radar-z2-title">"#));
}

#[test]
fn results_show_only_the_parts_the_roles_answer() {
    let mut a = assessment_for(&[Role::ProductSupplier]);
    let html = results_body(&a, &score(&a));
    assert!(!html.contains("Security levels by zone"));
    assert!(html
        .contains(r##"No products yet: add products in <a href="#/scope">Scope</a> to see their capability levels."##));
    assert!(html.contains(r#"<h2 id="maturity-iec-62443-4-1">"#), "the 4-1 maturity is shown");

    a.products.push(product("p1", "RTU <560>", ComponentType::EmbeddedDevice, [1, 0, 0, 0, 0, 0, 0]));
    let html = results_body(&a, &score(&a));
    assert!(html.contains("<h3>Product: RTU &lt;560&gt;</h3>"));
    assert!(html.contains(r#"<title id="radar-p1-title">Capability levels of product RTU &lt;560&gt;</title>"#));
}

#[test]
fn branding_appears_on_the_cover_and_after_the_summary_only_when_given() {
    let a = plant();
    let plain = report(&a, ReportBranding::default());
    assert!(!plain.contains("report-logo") && !plain.contains("report-contact") && !plain.contains("report-brand"));

    let branded = report(
        &a,
        ReportBranding {
            name: "Example & Co",
            logo: "logo.svg",
            contact_url: "https://example.com/contact?a=1&b=2",
            contact_label: "Discuss this roadmap",
        },
    );
    assert!(branded.contains(r#"<img class="report-logo" src="logo.svg" alt="Example &amp; Co">"#));
    assert!(branded.contains("Prepared with the self-assessment tool of Example &amp; Co"));
    let link = r#"<p class="report-contact"><a href="https://example.com/contact?a=1&amp;b=2" rel="noopener">Discuss this roadmap</a></p>"#;
    assert_eq!(branded.matches(link).count(), 2, "the contact link is on the cover and after the summary");
}

#[test]
fn the_projection_lists_each_zone_now_after_each_phase_and_at_target() {
    let a = plant();
    let rows = projection(&a, &roadmap_for(&a));
    let html = projection_table_html(&rows);
    assert!(html.contains(r#"<th scope="row">Cell A</th><td>{1 0 0 0 0 0 0}</td>"#));
    assert_eq!(html.matches("After phase").count(), Phase::ALL.len());
    assert!(html.contains("<td>{2 1 0 0 0 0 0}</td></tr>"), "the last column is the target");
}

#[test]
fn every_element_of_the_results_and_the_report_is_closed() {
    let mut a = assessment_for(&Role::ALL);
    a.zones = plant().zones;
    a.products.push(product("p1", "RTU", ComponentType::EmbeddedDevice, [1, 0, 0, 0, 0, 0, 0]));
    let card = score(&a);
    assert_balanced(&results_body(&a, &card));
    let branding =
        ReportBranding { name: "Co", logo: "logo.svg", contact_url: "mailto:a@b.test", contact_label: "Mail" };
    assert_balanced(&report(&a, branding));
    assert_balanced(&projection_table_html(&projection(&a, &roadmap_for(&a))));
}
