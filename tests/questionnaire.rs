//! The questionnaire's sections, filters and answer scopes (`domain::questionnaire`), with hand-counted
//! items of the real catalogue.

mod common;

use common::*;
use iec62443_assess::questionnaire::{
    answer_scope, resume_at, section_progress, visible_items, Filters, Section, ZoneChoice,
};
use iec62443_assess::*;

/// The ten FR1 requirements at SL 1 in IEC 62443-3-3.
const FR1_AT_SL1: [&str; 10] =
    ["sr-1.1", "sr-1.3", "sr-1.4", "sr-1.5", "sr-1.6", "sr-1.7", "sr-1.10", "sr-1.11", "sr-1.12", "sr-1.13"];

fn ids(items: &[&Item]) -> Vec<&'static str> {
    items.iter().map(|i| i.id).collect()
}

fn two_zones() -> Assessment {
    assessment_with(vec![
        zone("z1", "Cell A", [1; 7], Criticality::Medium),
        zone("z2", "Cell B", [2, 1, 1, 1, 1, 1, 1], Criticality::High),
    ])
}

#[test]
fn sections_come_in_questionnaire_order_and_round_trip_their_slugs() {
    let all = Section::all();
    assert_eq!(all[0], Section::Process);
    let slugs: Vec<String> = all.iter().take(8).map(|s| s.slug()).collect();
    assert_eq!(slugs, ["zcr", "fr1", "fr2", "fr3", "fr4", "fr5", "fr6", "fr7"]);
    assert_eq!(all.last().map(|s| s.slug()).as_deref(), Some("cr-fr7"));
    for section in &all {
        assert_eq!(Section::from_slug(&section.slug()), Some(*section), "{}", section.slug());
        assert!(!section.title().is_empty());
        assert!(section.items().next().is_some(), "{} has no items", section.slug());
    }
    assert_eq!(Section::Fr(Fr::Fr1).title(), "FR1 Identification and authentication control");
    assert_eq!(Section::from_slug("nope"), None);
}

#[test]
fn an_asset_owner_is_asked_risk_assessment_system_and_programme_sections_only() {
    let a = two_zones();
    let asked = Section::asked(&a);
    assert!(asked.contains(&Section::Process));
    assert!(asked.contains(&Section::Fr(Fr::Fr7)));
    assert!(asked
        .iter()
        .all(|s| matches!(s.part(), Part::RiskAssessment | Part::SystemRequirements | Part::Programme)));
    assert!(!asked.iter().any(|s| matches!(s, Section::Component(_))));
}

#[test]
fn all_zones_show_every_requirement_some_zone_needs_at_its_target() {
    let a = two_zones();
    let shown = visible_items(&a, Section::Fr(Fr::Fr1), &ZoneChoice::All, "", Filters::default());
    // Cell B's SL-T 2 in FR1 adds the SL 2 requirements to the ten SL 1 ones.
    assert!(ids(&shown).starts_with(&["sr-1.1", "sr-1.1-re1", "sr-1.2"]));
    assert!(FR1_AT_SL1.iter().all(|id| ids(&shown).contains(id)));
    assert!(!ids(&shown).contains(&"sr-1.1-re2"), "SL 3 is above every zone's target");

    let cell_a = visible_items(&a, Section::Fr(Fr::Fr1), &ZoneChoice::One("z1".into()), "", Filters::default());
    assert_eq!(ids(&cell_a), FR1_AT_SL1);

    let everything = visible_items(
        &a,
        Section::Fr(Fr::Fr1),
        &ZoneChoice::One("z1".into()),
        "",
        Filters { all_levels: true, ..Filters::default() },
    );
    assert_eq!(everything.len(), Section::Fr(Fr::Fr1).items().count());
}

#[test]
fn without_zones_or_with_an_unknown_zone_no_system_requirement_is_shown() {
    let a = assessment_with(Vec::new());
    assert!(visible_items(&a, Section::Fr(Fr::Fr1), &ZoneChoice::All, "", Filters::default()).is_empty());
    let a = two_zones();
    assert!(visible_items(&a, Section::Fr(Fr::Fr1), &ZoneChoice::One("gone".into()), "", Filters::default()).is_empty());
}

#[test]
fn unanswered_only_keeps_an_item_while_any_zone_shown_has_no_answer() {
    let mut a = two_zones();
    let unanswered = Filters { unanswered_only: true, ..Filters::default() };
    answer(&mut a, &AnswerScope::AllZones, &["sr-1.1"], Answer::Implemented);
    // Cell B overrides sr-1.3 for itself only; Cell A still has no answer for it.
    answer(&mut a, &in_zone("z2"), &["sr-1.3"], Answer::Partial);
    let shown = ids(&visible_items(&a, Section::Fr(Fr::Fr1), &ZoneChoice::All, "", unanswered));
    assert!(!shown.contains(&"sr-1.1"));
    assert!(shown.contains(&"sr-1.3"));
    let cell_b = ids(&visible_items(&a, Section::Fr(Fr::Fr1), &ZoneChoice::One("z2".into()), "", unanswered));
    assert!(!cell_b.contains(&"sr-1.3"));
    assert!(cell_b.contains(&"sr-1.4"));
}

#[test]
fn component_requirements_follow_the_chosen_product() {
    let mut a = assessment_for(&[Role::ProductSupplier]);
    a.products.push(product("p1", "RTU", ComponentType::EmbeddedDevice, [1; 7]));
    let shown = visible_items(&a, Section::Component(Fr::Fr1), &ZoneChoice::All, "p1", Filters::default());
    assert!(!shown.is_empty());
    assert!(shown.iter().all(|i| i.applies_to(ComponentType::EmbeddedDevice) && i.level() == Some(sl(1))));
    assert!(visible_items(&a, Section::Component(Fr::Fr1), &ZoneChoice::All, "p9", Filters::default()).is_empty());
}

#[test]
fn answers_are_recorded_where_the_chosen_zone_or_product_says() {
    let sr = known_item("sr-1.1");
    assert_eq!(answer_scope(sr, &ZoneChoice::All, "p1"), AnswerScope::AllZones);
    assert_eq!(answer_scope(sr, &ZoneChoice::One("z2".into()), "p1"), AnswerScope::Zone("z2".into()));
    assert_eq!(answer_scope(known_item("zcr-3.1"), &ZoneChoice::One("z2".into()), ""), AnswerScope::Assessment);
    let cr = catalogue::ITEMS.iter().find(|i| i.part == Part::ComponentRequirements).expect("a 4-2 item");
    assert_eq!(answer_scope(cr, &ZoneChoice::All, "p1"), AnswerScope::Product("p1".into()));
    assert_eq!(ZoneChoice::from_value(""), ZoneChoice::All);
    assert_eq!(ZoneChoice::from_value("z2").value(), "z2");
}

#[test]
fn section_progress_counts_each_zone_at_its_own_target() {
    let mut a = two_zones();
    answer(&mut a, &AnswerScope::AllZones, &["sr-1.1", "sr-1.3"], Answer::Implemented);
    let progress = section_progress(&a);
    let fr1 = progress.iter().find(|(s, _)| *s == Section::Fr(Fr::Fr1)).map(|(_, p)| *p);
    // Cell A: 10 items at SL 1; Cell B: 10 + 6 at SL 2. Two answers for all zones count for both.
    assert_eq!(fr1, Some((4, 26)));
    assert_eq!(Section::Fr(Fr::Fr1).progress(&a), (4, 26));
    assert_eq!(Section::first_open(&a), Some(Section::Process));
}

#[test]
fn the_questionnaire_reopens_in_the_section_and_zone_the_user_was_in() {
    let mut a = two_zones();
    // Nothing remembered: the first section with a question left (3-2, all unanswered).
    assert_eq!(resume_at(&a), (Section::Process, ZoneChoice::All));
    a.last_section = "fr5".into();
    a.last_zone = "z2".into();
    assert_eq!(resume_at(&a), (Section::Fr(Fr::Fr5), ZoneChoice::One("z2".into())));
    // The zone choice stays while the user is in another section, as it does on screen.
    a.last_section = "zcr".into();
    assert_eq!(resume_at(&a), (Section::Process, ZoneChoice::One("z2".into())));
}

#[test]
fn a_remembered_place_that_no_longer_exists_falls_back() {
    let mut a = two_zones();
    // A removed zone: all zones.
    a.last_section = "fr2".into();
    a.last_zone = "z9".into();
    assert_eq!(resume_at(&a), (Section::Fr(Fr::Fr2), ZoneChoice::All));
    // A section of a part the roles no longer answer (4-2 without the product supplier role), or a slug
    // this version does not know: the first section with a question left.
    for slug in ["cr-fr1", "fr99"] {
        a.last_section = slug.into();
        assert_eq!(resume_at(&a).0, Section::Process, "{slug}");
    }
}

#[test]
fn the_remembered_place_is_saved_only_when_set_and_read_back_exactly() {
    let mut a = two_zones();
    let without = storage::to_json(&a);
    assert!(!without.contains("last_section") && !without.contains("last_zone"), "{without}");
    assert_eq!(storage::from_json(&without).expect("reads back").assessment, a);
    a.last_section = "fr3".into();
    a.last_zone = "z2".into();
    let with = storage::to_json(&a);
    assert!(with.contains("\"last_section\": \"fr3\",\n    \"last_zone\": \"z2\""), "{with}");
    let read = storage::from_json(&with).expect("reads back").assessment;
    assert_eq!(read, a);
    assert_eq!(storage::to_json(&read), with);
}

#[test]
fn moving_around_is_not_a_change_of_the_work() {
    let a = two_zones();
    let mut moved = a.clone();
    moved.last_step = "results".into();
    moved.last_section = "fr2".into();
    moved.last_zone = "z1".into();
    assert!(a.same_work(&moved));
    let mut answered = moved.clone();
    answered.set_response(
        &AnswerScope::AllZones,
        "sr-1.1",
        Response { answer: Some(Answer::Implemented), ..Response::default() },
    );
    assert!(!a.same_work(&answered));
}

#[test]
fn every_item_belongs_to_the_one_section_that_lists_it() {
    for section in Section::all() {
        for item in section.items() {
            assert_eq!(Section::of(item), section, "{}", item.id);
        }
    }
    // Every item of the catalogue is in some section.
    let listed: usize = Section::all().into_iter().map(|s| s.items().count()).sum();
    assert_eq!(listed, catalogue::ITEMS.len());
}
