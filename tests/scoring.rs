//! Scoring rules with hand-computed expectations: SL-A, blocking and compensating items, coverage, the
//! quick-scan cap, programme maturity, the 3-2 process, the readiness line and answer counts; which parts
//! the roles answer; a product's capability level (SL-C); 2-4 and 4-1 maturity; then properties checked on
//! random assessments over the real catalogue.

mod common;

use common::*;
use iec62443_assess::*;
use proptest::prelude::*;
use std::collections::BTreeSet;

fn ids(items: &[&Item]) -> Vec<&'static str> {
    items.iter().map(|i| i.id).collect()
}

fn fr_result(result: &ZoneResult, fr: Fr) -> &FrResult {
    &result.frs[fr.index()]
}

fn score_of(a: &Assessment, zone_id: &str) -> ZoneResult {
    score_zone(a, a.zone(zone_id).expect("the zone exists"))
}

// --- achieved_level: the cumulative rule on its own ---------------------------------------------------

#[test]
fn sl_a_stops_at_the_first_unmet_level() {
    let items = [
        (sl(1), Status::Met),
        (sl(1), Status::Met),
        (sl(2), Status::Met),
        (sl(3), Status::NotMet),
        (sl(4), Status::Met), // met, but above the gap: it does not count
    ];
    assert_eq!(achieved_level(items, SecurityLevel::MAX), sl(2));
}

#[test]
fn an_unmet_level_1_item_gives_sl_a_0_whatever_is_met_above() {
    let items = [(sl(1), Status::NotMet), (sl(2), Status::Met), (sl(3), Status::Met), (sl(4), Status::Met)];
    assert_eq!(achieved_level(items, SecurityLevel::MAX), sl(0));
}

#[test]
fn not_applicable_items_are_left_out() {
    let items = [(sl(1), Status::Met), (sl(2), Status::NotApplicable), (sl(3), Status::NotMet)];
    assert_eq!(achieved_level(items, SecurityLevel::MAX), sl(2));
}

#[test]
fn compensating_controls_count_as_met() {
    let items = [(sl(1), Status::MetByCompensation), (sl(2), Status::Met), (sl(3), Status::MetByCompensation)];
    assert_eq!(achieved_level(items, SecurityLevel::MAX), sl(4));
}

#[test]
fn unanswered_items_count_as_not_met() {
    let items = [(sl(1), Status::Met), (sl(2), Status::Unanswered), (sl(3), Status::Met)];
    assert_eq!(achieved_level(items, SecurityLevel::MAX), sl(1));
}

#[test]
fn nothing_unmet_gives_sl_4_unless_capped() {
    assert_eq!(achieved_level([], SecurityLevel::MAX), sl(4));
    assert_eq!(achieved_level([(sl(1), Status::Met)], sl(3)), sl(3));
    assert_eq!(achieved_level([(sl(1), Status::NotMet)], sl(3)), sl(0));
}

#[test]
fn partial_not_implemented_and_dont_know_are_not_met() {
    for answer in [Answer::Partial, Answer::NotImplemented, Answer::DontKnow] {
        assert_eq!(Response::with(answer).status(), Status::NotMet, "{answer:?}");
    }
}

#[test]
fn compensating_and_not_applicable_count_only_with_a_justification() {
    assert_eq!(Response::justified(Answer::Compensating, "Jump host with MFA").status(), Status::MetByCompensation);
    assert_eq!(Response::justified(Answer::NotApplicable, "No wireless in the plant").status(), Status::NotApplicable);
    for answer in [Answer::Compensating, Answer::NotApplicable] {
        assert_eq!(Response::with(answer).status(), Status::Unanswered, "{answer:?} without justification");
        assert_eq!(Response::justified(answer, "  \n ").status(), Status::Unanswered, "{answer:?} with blanks");
    }
}

// --- score_zone on built assessments ---------------------------------------------------------------------

/// FR4 has six items: SR 4.1 and SR 4.3 at SL1, SR 4.1 RE(1) and SR 4.2 at SL2, SR 4.2 RE(1) at SL3 and
/// SR 4.1 RE(2) at SL4. Two zones aim for SL 3 in FR4 and nothing elsewhere.
fn two_zones_aiming_for_fr4_sl3() -> Assessment {
    assessment_with(vec![
        zone("z1", "Control network", [0, 0, 0, 3, 0, 0, 0], Criticality::High),
        zone("z2", "Office DMZ", [0, 0, 0, 3, 0, 0, 0], Criticality::Low),
    ])
}

#[test]
fn a_zone_override_beats_the_all_zones_answer() {
    let mut a = two_zones_aiming_for_fr4_sl3();
    answer(&mut a, &AnswerScope::AllZones, &["sr-4.1", "sr-4.1-re1", "sr-4.2-re1"], Answer::Implemented);
    answer(&mut a, &AnswerScope::AllZones, &["sr-4.3"], Answer::Compensating);
    answer(&mut a, &AnswerScope::AllZones, &["sr-4.2"], Answer::Partial);
    answer(&mut a, &in_zone("z2"), &["sr-4.2"], Answer::Implemented);

    // Control network: SR 4.2 (SL2) is partial, so SL-A is 1 and SR 4.2 blocks SL2.
    let control = score_of(&a, "z1");
    let fr4 = fr_result(&control, Fr::Fr4);
    assert_eq!(fr4.achieved, sl(1));
    assert_eq!(ids(&fr4.blocking), ["sr-4.2"]);
    assert_eq!(ids(&fr4.compensating), ["sr-4.3"]);
    assert_eq!(fr4.coverage, Coverage { in_scope: 5, met: 4, compensating: 1, not_met: 1, ..Coverage::default() });
    assert_eq!(fr4.coverage.percent(), Some(80));
    assert_eq!(fr4.gap(), 2);

    // Office DMZ: its own "implemented" for SR 4.2 wins; only SR 4.1 RE(2) (SL4, unanswered) is left.
    let dmz = score_of(&a, "z2");
    let fr4 = fr_result(&dmz, Fr::Fr4);
    assert_eq!(fr4.achieved, sl(3));
    assert_eq!(ids(&fr4.blocking), ["sr-4.1-re2"]);
    assert_eq!(ids(&fr4.compensating), ["sr-4.3"]);
    assert_eq!(fr4.coverage, Coverage { in_scope: 5, met: 5, compensating: 1, ..Coverage::default() });
    assert_eq!(fr4.gap(), 0);
}

#[test]
fn a_zone_override_can_also_lower_the_level() {
    let mut a = two_zones_aiming_for_fr4_sl3();
    implement_fr(&mut a, &AnswerScope::AllZones, Fr::Fr4, 4);
    answer(&mut a, &in_zone("z2"), &["sr-4.1"], Answer::NotImplemented);

    assert_eq!(score_of(&a, "z1").achieved.get(Fr::Fr4), sl(4));
    let dmz = score_of(&a, "z2");
    assert_eq!(dmz.achieved.get(Fr::Fr4), sl(0));
    assert_eq!(ids(&fr_result(&dmz, Fr::Fr4).blocking), ["sr-4.1"]);
}

#[test]
fn blocking_items_are_the_unmet_items_one_level_above_sl_a() {
    let mut a = two_zones_aiming_for_fr4_sl3();
    answer(&mut a, &AnswerScope::AllZones, &["sr-4.1", "sr-4.3"], Answer::Implemented);
    answer(&mut a, &AnswerScope::AllZones, &["sr-4.1-re1"], Answer::NotImplemented);
    answer(&mut a, &AnswerScope::AllZones, &["sr-4.2"], Answer::DontKnow);
    answer(&mut a, &AnswerScope::AllZones, &["sr-4.2-re1"], Answer::Partial);

    let fr4 = score_of(&a, "z1").frs[Fr::Fr4.index()].clone();
    assert_eq!(fr4.achieved, sl(1));
    // Both SL2 items block; SR 4.2 RE(1) is unmet too but sits at SL3.
    assert_eq!(ids(&fr4.blocking), ["sr-4.1-re1", "sr-4.2"]);
    assert!(fr4.compensating.is_empty());
}

#[test]
fn nothing_blocks_at_sl_4() {
    let mut a = two_zones_aiming_for_fr4_sl3();
    implement_fr(&mut a, &AnswerScope::AllZones, Fr::Fr6, 4);
    let fr6 = score_of(&a, "z1").frs[Fr::Fr6.index()].clone();
    // FR6 has no SL4 item: its three items met give SL 4.
    assert_eq!(fr6.achieved, sl(4));
    assert!(fr6.blocking.is_empty());
}

#[test]
fn coverage_counts_items_up_to_sl_t_with_not_applicable_apart_and_unanswered_included() {
    let mut a = assessment_with(vec![zone("z1", "Control network", [0, 0, 0, 2, 0, 0, 0], Criticality::Medium)]);
    answer(&mut a, &AnswerScope::AllZones, &["sr-4.1"], Answer::Implemented);
    answer(&mut a, &AnswerScope::AllZones, &["sr-4.3"], Answer::NotApplicable);
    answer(&mut a, &AnswerScope::AllZones, &["sr-4.1-re1"], Answer::Compensating);
    // SR 4.2 (SL2) stays unanswered; the SL3 and SL4 items are above SL-T and outside the coverage.
    answer(&mut a, &AnswerScope::AllZones, &["sr-4.2-re1"], Answer::Implemented);
    answer(&mut a, &AnswerScope::AllZones, &["sr-4.1-re2"], Answer::NotImplemented);

    let fr4 = score_of(&a, "z1").frs[Fr::Fr4.index()].clone();
    let expected = Coverage { in_scope: 4, met: 2, compensating: 1, not_applicable: 1, unanswered: 1, not_met: 0 };
    assert_eq!(fr4.coverage, expected);
    assert_eq!(fr4.coverage.applicable(), 3);
    assert_eq!(fr4.coverage.percent(), Some(67), "2 of 3 applicable, rounded");
    // SL1 is met (SR 4.3 left out); SR 4.2 is unanswered, so SL-A is 1 and it blocks.
    assert_eq!(fr4.achieved, sl(1));
    assert_eq!(ids(&fr4.blocking), ["sr-4.2"]);
    // SR 4.1 RE(1) is compensated but above SL-A, so the result does not rest on it.
    assert!(fr4.compensating.is_empty());
}

#[test]
fn an_fr_with_sl_t_0_has_nothing_in_scope() {
    let a = two_zones_aiming_for_fr4_sl3();
    let fr1 = score_of(&a, "z1").frs[Fr::Fr1.index()].clone();
    assert_eq!(fr1.coverage, Coverage::default());
    assert_eq!(fr1.coverage.percent(), None);
    assert_eq!(fr1.gap(), 0);
}

#[test]
fn incomplete_compensating_or_not_applicable_answers_count_as_not_met() {
    let mut a = assessment_with(vec![zone("z1", "Control network", [0, 0, 0, 0, 0, 3, 0], Criticality::Medium)]);
    answer(&mut a, &AnswerScope::AllZones, &["sr-6.2", "sr-6.1-re1"], Answer::Implemented);

    for answer in [Answer::Compensating, Answer::NotApplicable] {
        a.set_response(&AnswerScope::AllZones, "sr-6.1", Response::with(answer));
        let fr6 = score_of(&a, "z1").frs[Fr::Fr6.index()].clone();
        assert_eq!(fr6.achieved, sl(0), "{answer:?} without justification");
        assert_eq!(fr6.coverage, Coverage { in_scope: 3, met: 2, unanswered: 1, ..Coverage::default() });
    }
    a.set_response(&AnswerScope::AllZones, "sr-6.1", justified(Answer::NotApplicable));
    assert_eq!(score_of(&a, "z1").achieved.get(Fr::Fr6), sl(4), "justified, SR 6.1 is left out");
}

#[test]
fn a_quick_scan_vouches_only_for_the_levels_it_asked() {
    let mut a = assessment_with(vec![zone("z1", "Control network", [3; 7], Criticality::Medium)]);
    // FR6: all three items are in the quick scan (SL1, SL2, SL3). FR4: the quick scan asks SR 4.1 (SL1),
    // SR 4.1 RE(1) (SL2) and SR 4.2 RE(1) (SL3), but not SR 4.3 (SL1).
    implement_fr(&mut a, &AnswerScope::AllZones, Fr::Fr6, 4);
    answer(&mut a, &AnswerScope::AllZones, &["sr-4.1", "sr-4.1-re1", "sr-4.2-re1"], Answer::Implemented);

    let full = score_of(&a, "z1");
    assert_eq!(full.achieved.get(Fr::Fr6), sl(4));
    assert_eq!(full.achieved.get(Fr::Fr4), sl(0), "SR 4.3 is unanswered");

    a.profile.mode = Mode::Quick;
    let quick = score_of(&a, "z1");
    assert_eq!(quick.achieved.get(Fr::Fr6), sl(3), "capped at the highest level asked");
    assert_eq!(quick.achieved.get(Fr::Fr4), sl(3), "SR 4.3 is not asked");
    let fr4 = fr_result(&quick, Fr::Fr4);
    assert_eq!(fr4.coverage, Coverage { in_scope: 3, met: 3, ..Coverage::default() });
    assert!(fr4.blocking.is_empty(), "SL4 is not asked, so nothing is known to block it");
}

// --- maturity -----------------------------------------------------------------------------------------

fn programme_at_ml4() -> Assessment {
    let mut a = assessment_with(Vec::new());
    a.profile.target_maturity = 3;
    for item in catalogue::items_of(Part::Programme) {
        a.set_response(&AnswerScope::Assessment, item.id, Response::with(Answer::Ml4));
    }
    a
}

fn area<'a>(result: &'a MaturityResult, id: &str) -> &'a AreaMaturity {
    result.areas.iter().find(|a| a.area.id == id).expect("a known area")
}

#[test]
fn an_area_is_at_the_level_of_its_weakest_applicable_item() {
    let mut a = programme_at_ml4();
    let once = AnswerScope::Assessment;
    answer(&mut a, &once, &["net-1"], Answer::Ml2);
    answer(&mut a, &once, &["net-3"], Answer::Ml1);
    answer(&mut a, &once, &["net-4"], Answer::NotApplicable);
    answer(&mut a, &once, &["data-1", "data-2", "data-3"], Answer::NotApplicable);

    let m = score_maturity(&a);
    let net = area(&m, "net");
    assert_eq!(net.level, Some(1), "net-2 ML4, net-1 ML2, net-3 ML1, net-4 left out");
    assert_eq!(net.below_target.iter().map(|(i, l)| (i.id, *l)).collect::<Vec<_>>(), [("net-3", 1), ("net-1", 2)]);
    assert_eq!(area(&m, "data").level, None, "every item not applicable");
    assert_eq!(area(&m, "org").level, Some(4));
    assert!(area(&m, "org").below_target.is_empty());
    assert_eq!(m.overall, Some(1), "the lowest rated area; data is not rated");
    assert_eq!(m.target, 3);
}

#[test]
fn unanswered_and_dont_know_count_as_maturity_0() {
    let mut a = programme_at_ml4();
    let once = AnswerScope::Assessment;
    answer(&mut a, &once, &["cm-1"], Answer::Ml3);
    answer(&mut a, &once, &["cm-2"], Answer::Ml2);
    answer(&mut a, &once, &["cm-3"], Answer::NotApplicable);
    answer(&mut a, &once, &["cm-4"], Answer::DontKnow);
    answer(&mut a, &once, &["event-1"], Answer::NotPerformed);
    a.set_response(&once, "user-1", Response::default()); // unanswered
    a.set_response(&once, "user-2", Response::with(Answer::NotApplicable)); // no justification

    let m = score_maturity(&a);
    let cm = area(&m, "cm");
    assert_eq!(cm.level, Some(0), "cm-4 don't know counts as 0");
    assert_eq!(cm.below_target.iter().map(|(i, l)| (i.id, *l)).collect::<Vec<_>>(), [("cm-4", 0), ("cm-2", 2)]);
    assert_eq!(
        cm.distribution,
        MaturityDistribution { levels: [0, 0, 1, 1, 0], not_applicable: 1, dont_know: 1, unanswered: 0 }
    );
    let user = area(&m, "user");
    assert_eq!(user.level, Some(0));
    assert_eq!(
        user.distribution,
        MaturityDistribution { levels: [0, 0, 0, 0, 3], unanswered: 2, ..Default::default() }
    );
    assert_eq!(area(&m, "event").level, Some(0), "not performed");
    assert_eq!(m.overall, Some(0));
}

#[test]
fn maturity_distribution_counts_every_programme_answer() {
    let mut a = programme_at_ml4();
    let once = AnswerScope::Assessment;
    answer(&mut a, &once, &["cm-1"], Answer::Ml3);
    answer(&mut a, &once, &["cm-2", "net-1"], Answer::Ml2);
    answer(&mut a, &once, &["net-3"], Answer::Ml1);
    answer(&mut a, &once, &["event-1"], Answer::NotPerformed);
    answer(&mut a, &once, &["cm-3", "net-4", "data-1", "data-2", "data-3"], Answer::NotApplicable);
    answer(&mut a, &once, &["cm-4"], Answer::DontKnow);
    a.set_response(&once, "user-1", Response::default());
    a.set_response(&once, "user-2", Response::with(Answer::NotApplicable));

    let total = catalogue::items_of(Part::Programme).count();
    let at_ml4 = total - 13; // the 13 items changed above
    let d = score_maturity(&a).distribution;
    assert_eq!(
        d,
        MaturityDistribution { levels: [1, 1, 2, 1, at_ml4], not_applicable: 5, dont_know: 1, unanswered: 2 }
    );
    assert_eq!(d.total(), total);
}

#[test]
fn maturity_target_outside_1_to_4_is_read_as_the_nearest_bound() {
    let mut a = programme_at_ml4();
    a.profile.target_maturity = 0;
    assert_eq!(score_maturity(&a).target, 1);
    a.profile.target_maturity = 9;
    assert_eq!(score_maturity(&a).target, 4);
}

// --- IEC 62443-3-2 process ----------------------------------------------------------------------------

fn process_answers(a: &mut Assessment) {
    let once = AnswerScope::Assessment;
    answer(a, &once, &["zcr-1.1"], Answer::Implemented);
    answer(a, &once, &["zcr-2.1"], Answer::Compensating);
    answer(a, &once, &["zcr-3.1"], Answer::NotApplicable);
    answer(a, &once, &["zcr-3.2"], Answer::Partial);
    answer(a, &once, &["zcr-3.3"], Answer::DontKnow);
    a.set_response(&once, "zcr-3.4", Response::with(Answer::NotApplicable)); // lacks its justification
}

#[test]
fn process_coverage_in_a_quick_scan_counts_the_six_steps_it_asks() {
    let mut a = assessment_with(Vec::new());
    a.profile.mode = Mode::Quick;
    process_answers(&mut a);
    // Asked: zcr-1.1 met, zcr-2.1 compensated, zcr-3.1 N/A, zcr-3.2 partial, zcr-5.6 and zcr-6.3 unanswered.
    let p = score_process(&a);
    assert_eq!(
        p.coverage,
        Coverage { in_scope: 6, met: 2, compensating: 1, not_met: 1, not_applicable: 1, unanswered: 2 }
    );
    assert_eq!(p.coverage.percent(), Some(40), "2 of 5 applicable");
    assert_eq!(ids(&p.open), ["zcr-3.2", "zcr-5.6", "zcr-6.3"]);
}

#[test]
fn process_coverage_in_a_full_assessment_counts_every_step() {
    let mut a = assessment_with(Vec::new());
    process_answers(&mut a);
    let steps = catalogue::items_of(Part::RiskAssessment).count();
    let p = score_process(&a);
    let unanswered = steps - 5; // zcr-3.4 lacks its justification, so it is among them
    assert_eq!(
        p.coverage,
        Coverage { in_scope: steps, met: 2, compensating: 1, not_met: 2, not_applicable: 1, unanswered }
    );
    assert_eq!(p.open.len(), steps - 3, "everything but met, compensated and justified N/A");
    assert_eq!(ids(&p.open[..3]), ["zcr-3.2", "zcr-3.3", "zcr-3.4"]);
}

// --- readiness line and answer counts -----------------------------------------------------------------

fn sl1_everywhere_with_fr5_and_fr7_short() -> Assessment {
    let mut a = assessment_with(vec![zone("z1", "Control network", [1; 7], Criticality::High)]);
    for fr in Fr::ALL {
        implement_fr(&mut a, &AnswerScope::AllZones, fr, 1);
    }
    answer(&mut a, &AnswerScope::AllZones, &["sr-5.1"], Answer::NotImplemented);
    a.set_response(&AnswerScope::AllZones, "sr-7.2", Response::default());
    a
}

#[test]
fn readiness_names_the_largest_known_gap_the_fr_not_yet_assessed_and_the_unanswered_questions() {
    let mut a = sl1_everywhere_with_fr5_and_fr7_short();
    // FR5 and FR7 both miss SL1: FR5 because SR 5.1 is not implemented, FR7 only because SR 7.2 is
    // unanswered, so FR7 is not yet assessed.
    assert_eq!(
        score_of(&a, "z1").readiness(),
        "Control network: target reached in 5 of 7 FRs; largest gap FR5 Restricted data flow (SL-A 0, SL-T 1); \
         not yet assessed: FR7; 1 of 38 in-scope questions unanswered."
    );
    // Both known: the lower FR is named on a tie.
    answer(&mut a, &AnswerScope::AllZones, &["sr-7.2"], Answer::Partial);
    assert_eq!(
        score_of(&a, "z1").readiness(),
        "Control network: target reached in 5 of 7 FRs; largest gap FR5 Restricted data flow (SL-A 0, SL-T 1)."
    );
    a.set_response(&AnswerScope::AllZones, "sr-7.2", Response::default());
    // Aiming for SL2 in FR7 brings its three SL2 items into scope: FR7 is held down only by unanswered
    // questions, so it is not yet assessed and FR5 keeps the largest gap that answers show.
    a.zones[0].target.set(Fr::Fr7, sl(2));
    assert_eq!(
        score_of(&a, "z1").readiness(),
        "Control network: target reached in 5 of 7 FRs; largest gap FR5 Restricted data flow (SL-A 0, SL-T 1); \
         not yet assessed: FR7; 4 of 41 in-scope questions unanswered."
    );
    // Nothing answered at all: every FR is not yet assessed.
    let blank = assessment_with(vec![zone("z9", "Pump station", [1; 7], Criticality::Low)]);
    assert_eq!(
        score_of(&blank, "z9").readiness(),
        "Pump station: target reached in 0 of 7 FRs; not yet assessed: all 7 FRs; 38 of 38 in-scope questions \
         unanswered."
    );
    // Once SR 7.2 is known to be missing, FR7's gap of 2 is established and the largest.
    answer(&mut a, &AnswerScope::AllZones, &["sr-7.2"], Answer::NotImplemented);
    assert_eq!(
        score_of(&a, "z1").readiness(),
        "Control network: target reached in 5 of 7 FRs; largest gap FR7 Resource availability (SL-A 0, SL-T 2); \
         3 of 41 in-scope questions unanswered."
    );
}

#[test]
fn a_level_held_down_only_by_unanswered_questions_is_not_yet_assessed() {
    let mut a = assessment_with(vec![zone("z1", "Control network", [2, 0, 0, 0, 0, 0, 0], Criticality::High)]);
    let z1 = in_zone("z1");
    // FR1 up to SL1 implemented (10 questions), and of its six SL2 questions only SR 1.1 RE(1): SL-A 1, and
    // 5 of the 16 in-scope questions open. Were they met, SL-A would be 2 (the SL3 and SL4 ones are outside
    // the target and count as they are, unanswered): the target, so the level is not yet assessed.
    implement_fr(&mut a, &z1, Fr::Fr1, 1);
    answer(&mut a, &z1, &["sr-1.1-re1"], Answer::Implemented);
    let fr1 = fr_result(&score_of(&a, "z1"), Fr::Fr1).clone();
    assert_eq!((fr1.achieved, fr1.reachable, fr1.target), (sl(1), sl(2), sl(2)));
    assert_eq!(fr1.open(), (5, 16));
    assert_eq!(fr1.standing(), Standing::NotYetAssessed);

    // SR 1.2 (SL2) Not implemented: even with the open ones met, SL-A stays 1. A known gap.
    answer(&mut a, &z1, &["sr-1.2"], Answer::NotImplemented);
    let fr1 = fr_result(&score_of(&a, "z1"), Fr::Fr1).clone();
    assert_eq!((fr1.achieved, fr1.reachable), (sl(1), sl(1)));
    assert_eq!(fr1.open(), (4, 16));
    assert_eq!(fr1.standing(), Standing::KnownGap);

    // SR 1.3 (SL1) unanswered as well: SL-A 0 today, at most 1 once it is answered Implemented.
    a.set_response(&z1, "sr-1.3", Response::default());
    let fr1 = fr_result(&score_of(&a, "z1"), Fr::Fr1).clone();
    assert_eq!((fr1.achieved, fr1.reachable), (sl(0), sl(1)));
    assert_eq!(fr1.open(), (5, 16));
    assert_eq!(fr1.standing(), Standing::KnownGap);

    // Don't know counts as an answer that something may be missing, not as an open question.
    answer(&mut a, &z1, &["sr-1.3"], Answer::Implemented);
    answer(&mut a, &z1, &["sr-1.2"], Answer::DontKnow);
    let fr1 = fr_result(&score_of(&a, "z1"), Fr::Fr1).clone();
    assert_eq!((fr1.achieved, fr1.reachable, fr1.open()), (sl(1), sl(1), (4, 16)));
    assert_eq!(fr1.standing(), Standing::KnownGap);

    // Everything in scope met: the target is reached, and nothing open counts.
    implement_fr(&mut a, &z1, Fr::Fr1, 2);
    let fr1 = fr_result(&score_of(&a, "z1"), Fr::Fr1).clone();
    assert_eq!((fr1.achieved, fr1.reachable, fr1.open()), (sl(2), sl(2), (0, 16)));
    assert_eq!(fr1.standing(), Standing::Reached);
    // An FR without a target is reached at 0, whatever is open.
    assert_eq!(fr_result(&score_of(&a, "z1"), Fr::Fr2).standing(), Standing::Reached);
}

#[test]
fn readiness_says_when_every_target_is_reached() {
    let mut a = sl1_everywhere_with_fr5_and_fr7_short();
    answer(&mut a, &AnswerScope::AllZones, &["sr-5.1", "sr-7.2"], Answer::Implemented);
    let result = score_of(&a, "z1");
    assert_eq!(result.readiness(), "Control network: target reached in all 7 FRs.");
    assert_eq!(result.frs_meeting_target(), 7);
    assert_eq!(result.total_gap(), 0);
}

#[test]
fn answer_counts_follow_the_zones_in_whose_scope_an_item_is() {
    let mut a = assessment_with(vec![
        zone("z1", "Control network", [1, 0, 0, 0, 0, 0, 0], Criticality::High), // 10 FR1 SL1 items
        zone("z2", "Office DMZ", [0, 0, 0, 1, 0, 0, 0], Criticality::Low),       // SR 4.1 and SR 4.3
    ]);
    let all = AnswerScope::AllZones;
    answer(&mut a, &all, &["sr-1.1"], Answer::Compensating); // counted in z1 only
    answer(&mut a, &all, &["sr-1.3"], Answer::NotApplicable); // z1
    a.set_response(&all, "sr-1.4", Response::with(Answer::Compensating)); // z1, incomplete
    answer(&mut a, &all, &["sr-4.1"], Answer::NotApplicable); // z2
    answer(&mut a, &all, &["sr-1.1-re1"], Answer::Compensating); // SL2: in no zone's scope
    answer(&mut a, &in_zone("z1"), &["sr-1.5"], Answer::Implemented);
    answer(&mut a, &in_zone("z2"), &["sr-4.3"], Answer::Compensating);
    let once = AnswerScope::Assessment;
    answer(&mut a, &once, &["zcr-1.1"], Answer::NotApplicable);
    answer(&mut a, &once, &["zcr-2.1"], Answer::DontKnow);
    answer(&mut a, &once, &["zcr-3.1"], Answer::Compensating);
    answer(&mut a, &once, &["org-2"], Answer::Ml2);
    a.set_response(&once, "org-1", Response::with(Answer::NotApplicable)); // incomplete

    let once_items = catalogue::items_of(Part::RiskAssessment).count() + catalogue::items_of(Part::Programme).count();
    let asked = 10 + 2 + once_items;
    // Complete answers: sr-1.1, sr-1.3, sr-1.5 in z1; sr-4.1, sr-4.3 in z2; zcr-1.1, zcr-2.1, zcr-3.1, org-2.
    let answered = 9;
    assert_eq!(
        count_answers(&a),
        AnswerCounts {
            compensating: 3,
            not_applicable: 3,
            incomplete: 2,
            unanswered: asked - answered,
            vendor_to_confirm: 0
        }
    );
    assert_eq!(score(&a).progress, (answered, asked));
}

// --- roles decide what is asked ------------------------------------------------------------------------

fn parts_asked(a: &Assessment) -> BTreeSet<Part> {
    ITEMS.iter().filter(|i| a.asks(i)).map(|i| i.part).collect()
}

#[test]
fn each_role_answers_its_parts_of_the_standard() {
    use Part::*;
    let expected = [
        (Role::AssetOwner, vec![RiskAssessment, SystemRequirements, Programme]),
        (Role::SystemIntegrator, vec![RiskAssessment, SystemRequirements, ServiceProvider]),
        (Role::ProductSupplier, vec![DevelopmentLifecycle, ComponentRequirements]),
    ];
    for (role, parts) in expected {
        let answered: Vec<Part> = Part::ALL.into_iter().filter(|p| role.answers_part(*p)).collect();
        let mut parts = parts;
        parts.sort_by_key(|p| Part::ALL.iter().position(|x| x == p));
        assert_eq!(answered, parts, "{}", role.label());
        assert_eq!(parts_asked(&assessment_for(&[role])), parts.into_iter().collect(), "{}", role.label());
    }
    let everyone = assessment_for(&Role::ALL);
    assert_eq!(parts_asked(&everyone), BTreeSet::from(Part::ALL), "together the three roles answer every part");
}

#[test]
fn an_asset_owner_is_asked_nothing_of_2_4_4_1_or_4_2_even_with_a_product_left_over() {
    let mut a = assessment_for(&[Role::AssetOwner]);
    a.zones.push(zone("z1", "Control network", [1, 0, 0, 0, 0, 0, 0], Criticality::High)); // 10 FR1 SL1 items
    a.products.push(product("p1", "RTU", ComponentType::EmbeddedDevice, [2; 7]));
    for part in [Part::ServiceProvider, Part::DevelopmentLifecycle, Part::ComponentRequirements] {
        assert!(catalogue::items_of(part).all(|i| !a.asks(i)), "{} is asked", part.document());
    }
    assert!(!a.in_product_scope(&a.products[0], known_item("cr-1.1")));
    let card = score(&a);
    assert_eq!(card.progress, (0, 28 + 34 + 10), "3-2 steps, 2-1 practices and the zone's FR1 SL1 items");
    assert!(card.products.is_empty(), "a product kept from another role has no capability level");
    for maturity in [&card.service, &card.development] {
        assert_eq!(maturity.overall, None);
        assert_eq!(maturity.distribution.total(), 0, "nothing of {} is counted", maturity.part.document());
    }
    let roadmap = roadmap_for(&a);
    assert!(roadmap.actions.iter().all(|x| Role::AssetOwner.answers_part(x.item.part) && x.products.is_empty()));
    assert!(projection(&a, &roadmap).iter().all(|p| !p.is_product));
}

#[test]
fn a_supplier_is_asked_nothing_of_3_3_3_2_or_2_1_and_its_zones_get_no_level() {
    for mode in [Mode::Full, Mode::Quick] {
        let mut a = assessment_for(&[Role::ProductSupplier]);
        a.profile.mode = mode;
        // A zone kept from an earlier choice of roles: nothing of it is asked, so it must not show SL-A 4
        // (nothing unmet) in a full assessment or 0 in a quick scan.
        a.zones.push(zone("z1", "Control network", [2; 7], Criticality::High));
        a.products.push(product("p1", "RTU", ComponentType::EmbeddedDevice, [1, 0, 0, 0, 0, 0, 0]));
        for part in [Part::SystemRequirements, Part::RiskAssessment, Part::Programme, Part::ServiceProvider] {
            assert!(catalogue::items_of(part).all(|i| !a.asks(i)), "{} is asked", part.document());
        }
        assert!(!a.in_scope(&a.zones[0], known_item("sr-1.1")));
        let card = score(&a);
        assert!(card.zones.is_empty(), "{mode:?}");
        assert_eq!(card.products.len(), 1);
        let projections = projection(&a, &roadmap_for(&a));
        assert_eq!(projections.iter().map(|p| (p.zone_id.as_str(), p.is_product)).collect::<Vec<_>>(), [("p1", true)]);
    }
    // Full: the 47 practices of 4-1 and the 8 FR1 SL1 requirements of an embedded device, CR 1.10 asked as
    // two questions (masked input, neutral failure messages).
    let mut a = assessment_for(&[Role::ProductSupplier]);
    a.products.push(product("p1", "RTU", ComponentType::EmbeddedDevice, [1, 0, 0, 0, 0, 0, 0]));
    assert_eq!(a.progress(), (0, 47 + 8 + 1));
}

#[test]
fn an_integrator_answers_the_system_parts_and_2_4_but_not_2_1() {
    let mut a = assessment_for(&[Role::SystemIntegrator]);
    a.zones.push(zone("z1", "Delivered system", [1, 0, 0, 0, 0, 0, 0], Criticality::Medium));
    assert_eq!(a.progress(), (0, 28 + 36 + 10));
    let card = score(&a);
    assert_eq!(card.zones.len(), 1);
    assert_eq!(card.maturity.distribution.total(), 0, "2-1 is the asset owner's programme");
    assert_eq!(card.service.distribution.total(), 36);
    assert_eq!(card.service.areas.len(), 12);
}

// --- products: capability level (SL-C) ------------------------------------------------------------------

/// An embedded device and a network device aiming for SL-C 3 in FR4 and 2 in FR5 and FR6, with the same
/// answers:
///
/// - FR4 (for both types CR 4.1 and 4.3 at SL1, CR 4.2 at SL2, CR 4.2 RE(1) and RE(2) at SL3): CR 4.1
///   implemented, CR 4.3 not applicable, CR 4.2 implemented, CR 4.2 RE(1) not implemented, RE(2)
///   implemented.
/// - FR5: CR 5.1 (SL1, every type) implemented; CR 5.2 (SL1, network devices only) not implemented.
/// - FR6: CR 6.1 (SL1) implemented, CR 6.2 (SL2) partial, CR 6.1 RE(1) (SL3) implemented.
fn two_products_with_the_same_answers() -> Assessment {
    let mut a = assessment_for(&[Role::ProductSupplier]);
    let target = [0, 0, 0, 3, 2, 2, 0];
    a.products.push(product("p1", "RTU 560", ComponentType::EmbeddedDevice, target));
    a.products.push(product("p2", "Station switch", ComponentType::NetworkDevice, target));
    for p in ["p1", "p2"] {
        let scope = for_product(p);
        answer(
            &mut a,
            &scope,
            &["cr-4.1", "cr-4.2", "cr-4.2-re2", "cr-5.1", "cr-6.1", "cr-6.1-re1"],
            Answer::Implemented,
        );
        answer(&mut a, &scope, &["cr-4.3"], Answer::NotApplicable);
        answer(&mut a, &scope, &["cr-4.2-re1", "cr-5.2"], Answer::NotImplemented);
        answer(&mut a, &scope, &["cr-6.2"], Answer::Partial);
    }
    a
}

fn score_of_product(a: &Assessment, product_id: &str) -> ProductResult {
    score_product(a, a.product(product_id).expect("the product exists"))
}

#[test]
fn sl_c_stops_at_the_first_unmet_level_and_leaves_not_applicable_out() {
    let a = two_products_with_the_same_answers();
    let rtu = score_of_product(&a, "p1");
    let fr4 = fr_result(&rtu, Fr::Fr4);
    // SL1: CR 4.1 met, CR 4.3 left out. SL2: CR 4.2 met. SL3: CR 4.2 RE(1) not met, so SL-C 2.
    assert_eq!((fr4.achieved, fr4.target, fr4.gap()), (sl(2), sl(3), 1));
    assert_eq!(ids(&fr4.blocking), ["cr-4.2-re1"]);
    assert!(fr4.compensating.is_empty(), "a component's capability never rests on compensation");
    assert_eq!(fr4.coverage, Coverage { in_scope: 5, met: 3, not_met: 1, not_applicable: 1, ..Coverage::default() });
    assert_eq!(fr4.coverage.percent(), Some(75), "3 of 4 applicable");
    // FR6: CR 6.2 (SL2) is partial, so SL-C is 1 although CR 6.1 RE(1) at SL3 is implemented.
    let fr6 = fr_result(&rtu, Fr::Fr6);
    assert_eq!(fr6.achieved, sl(1));
    assert_eq!(ids(&fr6.blocking), ["cr-6.2"]);
    assert_eq!(fr6.coverage, Coverage { in_scope: 2, met: 1, not_met: 1, ..Coverage::default() });
    // FR1 has nothing answered: SL-C 0, target 0, nothing in scope.
    assert_eq!(fr_result(&rtu, Fr::Fr1).achieved, sl(0));
    assert_eq!(rtu.achieved, levels([0, 0, 0, 2, 4, 1, 0]));
    assert_eq!((rtu.zone_id.as_str(), rtu.zone_name.as_str()), ("p1", "RTU 560"));
    assert_eq!(rtu.target, levels([0, 0, 0, 3, 2, 2, 0]));
}

#[test]
fn requirements_of_other_component_types_are_ignored() {
    let a = two_products_with_the_same_answers();
    // CR 5.2 is for network devices only: the embedded device is judged on CR 5.1 alone.
    let rtu = score_of_product(&a, "p1");
    assert_eq!(rtu.achieved.get(Fr::Fr5), sl(4), "CR 5.1 is its only FR5 requirement");
    assert_eq!(fr_result(&rtu, Fr::Fr5).coverage, Coverage { in_scope: 1, met: 1, ..Coverage::default() });
    let switch = score_of_product(&a, "p2");
    assert_eq!(switch.achieved.get(Fr::Fr5), sl(0), "CR 5.2 at SL1 is not met");
    // The switch also has CR 5.3 (SL1) and CR 5.2 RE(1) (SL2) in scope, both unanswered.
    assert_eq!(ids(&fr_result(&switch, Fr::Fr5).blocking), ["cr-5.2", "cr-5.3"]);
    assert_eq!(
        fr_result(&switch, Fr::Fr5).coverage,
        Coverage { in_scope: 4, met: 1, not_met: 1, unanswered: 2, ..Coverage::default() }
    );
    assert_eq!(switch.achieved.get(Fr::Fr4), sl(2), "FR4 applies to both types alike");
    // CR 1.6 (wireless access management, SL1) is out of the embedded device's scope whatever it aims for;
    // the switch has it in scope once it aims for SL-C 1 in FR1.
    let wireless = known_item("cr-1.6");
    let mut a = a;
    for p in &mut a.products {
        p.target.set(Fr::Fr1, sl(1));
    }
    assert!(!a.in_product_scope(&a.products[0], wireless));
    assert!(a.in_product_scope(&a.products[1], wireless));
    a.products[1].target.set(Fr::Fr1, sl(0));
    assert!(!a.in_product_scope(&a.products[1], wireless), "above the level the switch aims for");
}

#[test]
fn sl_c_is_per_product_and_unanswered_counts_as_not_met() {
    let mut a = two_products_with_the_same_answers();
    a.set_response(&for_product("p2"), "cr-4.1", Response::default());
    assert_eq!(score_of_product(&a, "p2").achieved.get(Fr::Fr4), sl(0), "CR 4.1 unanswered for the switch");
    assert_eq!(score_of_product(&a, "p1").achieved.get(Fr::Fr4), sl(2), "the RTU keeps its own answer");
    assert_eq!(a.status(Some("p2"), known_item("cr-4.1")), Status::Unanswered);
    assert_eq!(a.status(Some("p1"), known_item("cr-4.1")), Status::Met);
}

#[test]
fn a_quick_scan_vouches_for_sl_c_only_up_to_the_levels_it_asks_for_the_type() {
    let mut a = two_products_with_the_same_answers();
    a.profile.mode = Mode::Quick;
    let rtu = score_of_product(&a, "p1");
    // FR5: the quick scan asks CR 5.1 (SL1) only, so SL-C is capped at 1.
    assert_eq!(rtu.achieved.get(Fr::Fr5), sl(1));
    // FR4: it asks CR 4.1, 4.2 and 4.2 RE(1); CR 4.3 and RE(2) are not asked. RE(1) still holds it at 2.
    assert_eq!(rtu.achieved.get(Fr::Fr4), sl(2));
    assert_eq!(fr_result(&rtu, Fr::Fr4).coverage, Coverage { in_scope: 3, met: 2, not_met: 1, ..Coverage::default() });
}

#[test]
fn a_compensating_control_is_not_an_answer_to_a_component_requirement() {
    let component = known_item("cr-1.1");
    assert_eq!(Answer::scale_for(component), Answer::COMPONENT_SCALE);
    assert!(!Answer::Compensating.fits(component));
    for answer in Answer::COMPONENT_SCALE {
        assert!(answer.fits(component), "{answer:?}");
    }
    for answer in [Answer::Ml1, Answer::NotPerformed] {
        assert!(!answer.fits(component), "{answer:?}");
    }
    // The system requirement of the same name takes it: a system's SL-A may rest on compensation.
    assert!(Answer::Compensating.fits(known_item("sr-1.1")));
    assert_eq!(Answer::COMPONENT_SCALE.len() + 1, Answer::REQUIREMENT_SCALE.len());
}

// --- 2-4 and 4-1 maturity -------------------------------------------------------------------------------

fn capabilities_at_ml4(roles: &[Role]) -> Assessment {
    let mut a = assessment_for(roles);
    a.profile.target_maturity = 3;
    settle_capabilities(&mut a);
    a
}

#[test]
fn a_capability_area_of_2_4_is_at_the_level_of_its_weakest_applicable_item() {
    let mut a = capabilities_at_ml4(&[Role::SystemIntegrator]);
    let once = AnswerScope::Assessment;
    answer(&mut a, &once, &["sp07-1"], Answer::Ml2);
    answer(&mut a, &once, &["sp07-2"], Answer::Ml1);
    answer(&mut a, &once, &["sp07-3"], Answer::NotApplicable);
    answer(&mut a, &once, &["sp04-1", "sp04-2", "sp04-3"], Answer::NotApplicable);
    answer(&mut a, &once, &["sp11-1"], Answer::Ml3);

    let m = score_maturity_of(&a, Part::ServiceProvider);
    assert_eq!(m.part, Part::ServiceProvider);
    assert_eq!(m.areas.len(), 12);
    let remote = area(&m, "sp07");
    assert_eq!(remote.level, Some(1), "sp07-1 ML2, sp07-2 ML1, sp07-3 left out");
    assert_eq!(remote.below_target.iter().map(|(i, l)| (i.id, *l)).collect::<Vec<_>>(), [("sp07-2", 1), ("sp07-1", 2)]);
    assert_eq!(area(&m, "sp04").level, None, "wireless: every item not applicable");
    assert_eq!(area(&m, "sp11").level, Some(3));
    assert_eq!(area(&m, "sp01").level, Some(4));
    assert_eq!(m.overall, Some(1), "the lowest rated area");
    assert_eq!(m.target, 3);
    assert_eq!(
        m.distribution,
        MaturityDistribution { levels: [0, 1, 1, 1, 36 - 7], not_applicable: 4, ..Default::default() }
    );
    // The asset owner's programme (2-1) is not this role's: it is not rated at all.
    assert_eq!(score_maturity(&a).overall, None);
}

#[test]
fn a_4_1_practice_is_at_the_level_of_its_weakest_requirement() {
    let mut a = capabilities_at_ml4(&[Role::ProductSupplier]);
    let once = AnswerScope::Assessment;
    answer(&mut a, &once, &["sdl-dm-1"], Answer::Ml1);
    answer(&mut a, &once, &["sdl-dm-2"], Answer::Ml2);
    answer(&mut a, &once, &["sdl-svv-1"], Answer::DontKnow);
    a.set_response(&once, "sdl-sg-1", Response::default());
    let practice_sm: Vec<&str> = catalogue::items_of_area("sm").map(|i| i.id).collect();
    answer(&mut a, &once, &practice_sm, Answer::NotApplicable);

    let m = score_maturity_of(&a, Part::DevelopmentLifecycle);
    assert_eq!(
        m.areas.iter().map(|x| x.area.id).collect::<Vec<_>>(),
        ["sm", "sr", "sd", "si", "svv", "dm", "sum", "sg"]
    );
    assert_eq!(area(&m, "dm").level, Some(1));
    assert_eq!(area(&m, "svv").level, Some(0), "don't know counts as 0");
    assert_eq!(area(&m, "sg").level, Some(0), "unanswered counts as 0");
    assert_eq!(area(&m, "sm").level, None, "every requirement not applicable");
    assert_eq!(area(&m, "sr").level, Some(4));
    assert_eq!(m.overall, Some(0));
    assert_eq!(m.distribution.total(), 47);
    assert_eq!((m.distribution.dont_know, m.distribution.unanswered), (1, 1));

    answer(&mut a, &once, &["sdl-svv-1", "sdl-sg-1"], Answer::Ml3);
    assert_eq!(score_maturity_of(&a, Part::DevelopmentLifecycle).overall, Some(1), "now practice dm is the lowest");
}

// --- properties on random assessments -----------------------------------------------------------------

/// The ids of the 3-3 items, to pick one at random.
fn system_requirement_ids() -> Vec<&'static str> {
    catalogue::items_of(Part::SystemRequirements).map(|i| i.id).collect()
}

fn achieved(a: &Assessment) -> Vec<SlVector> {
    a.zones.iter().map(|z| score_zone(a, z).achieved).collect()
}

fn never_lower(before: &[SlVector], after: &[SlVector]) -> Result<(), TestCaseError> {
    for (b, c) in before.iter().zip(after) {
        for fr in Fr::ALL {
            prop_assert!(c.get(fr) >= b.get(fr), "{fr} fell from {} to {}", b.get(fr), c.get(fr));
        }
    }
    Ok(())
}

fn scope_for(a: &Assessment, pick: usize) -> AnswerScope {
    match pick % (a.zones.len() + 1) {
        0 => AnswerScope::AllZones,
        n => AnswerScope::Zone(a.zones[n - 1].id.clone()),
    }
}

proptest! {
    #[test]
    fn implementing_any_item_never_lowers_sl_a(a in arb_assessment(), pick in 0usize..100, place in 0usize..5) {
        let mut changed = a.clone();
        let id = system_requirement_ids()[pick];
        changed.set_response(&scope_for(&a, place), id, Response::with(Answer::Implemented));
        never_lower(&achieved(&a), &achieved(&changed))?;
    }

    #[test]
    fn a_justified_not_applicable_never_lowers_sl_a(a in arb_assessment(), pick in 0usize..100, place in 0usize..5) {
        let mut changed = a.clone();
        let id = system_requirement_ids()[pick];
        changed.set_response(&scope_for(&a, place), id, justified(Answer::NotApplicable));
        never_lower(&achieved(&a), &achieved(&changed))?;
    }

    #[test]
    fn sl_a_is_the_highest_level_up_to_which_every_asked_item_is_met(a in arb_assessment()) {
        for zone in &a.zones {
            let result = score_zone(&a, zone);
            for fr in Fr::ALL {
                let asked: Vec<(u8, Status)> = catalogue::items_of_fr(fr)
                    .filter(|i| a.asks(i))
                    .map(|i| (i.level().map_or(0, SecurityLevel::get), a.status(Some(&zone.id), i)))
                    .collect();
                let cap = if a.profile.mode == Mode::Quick { asked.iter().map(|(l, _)| *l).max().unwrap_or(0) } else { 4 };
                let holds = |n: u8| asked.iter().all(|(l, s)| *l > n || s.is_met() || *s == Status::NotApplicable);
                let expected = (0..=cap).rev().find(|n| holds(*n)).unwrap_or(0);
                let sl_a = result.achieved.get(fr).get();
                prop_assert!(sl_a <= 4);
                prop_assert_eq!(sl_a, expected, "{} in {}", fr, zone.id);
            }
        }
    }

    #[test]
    fn sl_c_is_the_highest_level_up_to_which_every_asked_item_of_the_type_is_met(a in arb_supplier_assessment()) {
        for product in &a.products {
            let result = score_product(&a, product);
            for fr in Fr::ALL {
                let asked: Vec<(u8, Status)> = catalogue::items_of(Part::ComponentRequirements)
                    .filter(|i| i.fr() == Some(fr) && i.applies_to(product.component_type) && a.asks(i))
                    .map(|i| (i.level().map_or(0, SecurityLevel::get), a.status(Some(&product.id), i)))
                    .collect();
                let cap = if a.profile.mode == Mode::Quick { asked.iter().map(|(l, _)| *l).max().unwrap_or(0) } else { 4 };
                let holds = |n: u8| asked.iter().all(|(l, s)| *l > n || s.is_met() || *s == Status::NotApplicable);
                let expected = (0..=cap).rev().find(|n| holds(*n)).unwrap_or(0);
                prop_assert_eq!(result.achieved.get(fr).get(), expected, "{} of {}", fr, product.id);
                prop_assert!(result.frs[fr.index()].compensating.is_empty());
            }
        }
    }

    #[test]
    fn scoring_is_deterministic(a in arb_assessment()) {
        let copy = a.clone();
        prop_assert_eq!(score(&a), score(&copy));
        prop_assert_eq!(roadmap_for(&a), roadmap_for(&copy));
        // Saving and reading back changes nothing either.
        let reread = storage::from_json(&storage::to_json(&a)).expect("a saved assessment reads back").assessment;
        prop_assert_eq!(score(&reread), score(&a));
    }

    #[test]
    fn roadmap_has_an_action_for_every_blocking_item_within_sl_t_and_none_for_met_items(a in arb_assessment()) {
        let roadmap = roadmap_for(&a);
        for zone in &a.zones {
            let result = score_zone(&a, zone);
            for fr in &result.frs {
                for item in fr.blocking.iter().filter(|i| i.level() <= Some(fr.target)) {
                    let action = roadmap.action(item.id);
                    prop_assert!(action.is_some(), "no action for blocking {} in {}", item.id, zone.id);
                    let listed = action.is_some_and(|act| act.zones.iter().any(|z| z.zone_id == zone.id));
                    prop_assert!(listed, "the action for {} does not list {}", item.id, zone.id);
                }
            }
        }
        for action in &roadmap.actions {
            match action.item.part {
                Part::SystemRequirements => {
                    prop_assert!(!action.zones.is_empty());
                    for z in &action.zones {
                        let status = a.status(Some(&z.zone_id), action.item);
                        prop_assert!(!status.is_met() && status != Status::NotApplicable, "{} is settled in {}", action.key, z.zone_id);
                    }
                }
                Part::RiskAssessment => {
                    let status = a.status(None, action.item);
                    prop_assert!(!status.is_met() && status != Status::NotApplicable, "{} is settled", action.key);
                }
                Part::ComponentRequirements => {
                    prop_assert!(action.zones.is_empty() && !action.products.is_empty());
                    for p in &action.products {
                        let status = a.status(Some(&p.zone_id), action.item);
                        prop_assert!(!status.is_met() && status != Status::NotApplicable, "{} is settled in {}", action.key, p.zone_id);
                    }
                }
                Part::Programme | Part::ServiceProvider | Part::DevelopmentLifecycle => {
                    let level = item_maturity(&a, action.item);
                    prop_assert!(level.is_some_and(|l| l < a.profile.target_maturity), "{} is at target", action.key);
                }
            }
            prop_assert!(a.asks(action.item), "{} is not asked of these roles", action.key);
        }
    }
}

// --- per-zone answers, notes and blank justifications (issue 16) ----------------------------------------

/// Two zones at SL-T 1 in FR1, every FR1 SL1 requirement implemented for all zones, 3-2 and 2-1 settled.
fn fr1_implemented_for_all_zones() -> Assessment {
    let mut a = assessment_with(vec![
        zone("z1", "Control network", [1, 0, 0, 0, 0, 0, 0], Criticality::High),
        zone("z2", "Plant DMZ", [1, 0, 0, 0, 0, 0, 0], Criticality::Medium),
    ]);
    settle_programme(&mut a);
    implement_fr(&mut a, &AnswerScope::AllZones, Fr::Fr1, 1);
    a
}

#[test]
fn a_note_in_one_zone_does_not_replace_the_all_zones_answer() {
    let mut a = fr1_implemented_for_all_zones();
    a.set_zone_notes("z1", "sr-1.1", "Panel logins are shared on the night shift; to be fixed in the upgrade.");
    // Before the fix, the note-only entry replaced the all-zones answer and SL-A fell to 0.
    assert_eq!(score_of(&a, "z1").achieved.get(Fr::Fr1), sl(1));
    assert!(!a.has_override("z1", "sr-1.1"));
    assert_eq!(a.zone_response("z1", "sr-1.1"), Some(&Response::with(Answer::Implemented)));
    assert_eq!(a.zone_notes("z1", "sr-1.1"), "Panel logins are shared on the night shift; to be fixed in the upgrade.");
    // A justification without an answer does not replace it either.
    a.set_response(&in_zone("z2"), "sr-1.3", Response { justification: "n/a".into(), ..Response::default() });
    assert_eq!(a.status(Some("z2"), known_item("sr-1.3")), Status::Met);
    // 28 steps, 34 practices and 10 FR1 SL1 questions in each zone, all answered.
    assert_eq!(score(&a).progress, (28 + 34 + 20, 28 + 34 + 20));
}

#[test]
fn a_zone_answer_replaces_the_all_zones_answer_and_clearing_it_keeps_the_notes() {
    let mut a = fr1_implemented_for_all_zones();
    let note = "Vendor account still shared.";
    a.set_response(
        &in_zone("z1"),
        "sr-1.1",
        Response {
            answer: Some(Answer::Partial),
            justification: String::new(),
            notes: note.into(),
            ..Response::default()
        },
    );
    assert!(a.has_override("z1", "sr-1.1"));
    assert_eq!(score_of(&a, "z1").achieved.get(Fr::Fr1), sl(0), "the zone's own answer counts");
    assert_eq!(score_of(&a, "z2").achieved.get(Fr::Fr1), sl(1), "only in that zone");

    a.clear_override("z1", "sr-1.1");
    assert!(!a.has_override("z1", "sr-1.1"));
    assert_eq!(score_of(&a, "z1").achieved.get(Fr::Fr1), sl(1), "back to the all-zones answer");
    assert_eq!(a.zone_notes("z1", "sr-1.1"), note, "the note stays with the zone");

    // Without notes, clearing removes the entry: the same result whatever notes there were.
    a.set_response(&in_zone("z2"), "sr-1.1", Response::with(Answer::NotImplemented));
    a.clear_override("z2", "sr-1.1");
    assert!(!a.answers.zones.contains_key("z2"));
    assert_eq!(score_of(&a, "z2").achieved.get(Fr::Fr1), sl(1));
}

#[test]
fn justifications_made_only_of_unicode_spaces_or_invisible_characters_are_blank() {
    for blank in [
        " ",
        "\u{a0}\u{2003}\u{3000}",
        "\u{200b}",
        "\u{feff}",
        "\u{200c}\u{200d}\u{2060}",
        "\u{180e}\u{ad}",
        "\u{200b} \u{feff}\n\t",
    ] {
        let compensating = Response::justified(Answer::Compensating, blank);
        assert!(compensating.is_incomplete(), "{blank:?}");
        assert_eq!(compensating.status(), Status::Unanswered, "{blank:?}");
        assert_eq!(Response::justified(Answer::NotApplicable, blank).status(), Status::Unanswered, "{blank:?}");
    }
    for text in ["\u{200b}VPN between sites", "\u{feff}x", "·"] {
        assert_eq!(Response::justified(Answer::Compensating, text).status(), Status::MetByCompensation, "{text:?}");
    }
}

// --- vendor to confirm (issue 16) -----------------------------------------------------------------------

#[test]
fn vendor_to_confirm_is_an_answer_of_system_requirements_only_and_counts_as_not_met() {
    assert!(Answer::VendorToConfirm.fits(known_item("sr-3.8-re2")));
    for id in ["zcr-2.1", "cr-1.1", "org-1", "sp01-1", "sdl-sm-1"] {
        assert!(!Answer::VendorToConfirm.fits(known_item(id)), "{id}");
    }
    assert_eq!(Answer::VendorToConfirm.label(), "Vendor to confirm");
    assert_eq!(Answer::VendorToConfirm.code(), "vendor_to_confirm");
    assert_eq!(Response::with(Answer::VendorToConfirm).status(), Status::NotMet);

    let mut a = fr1_implemented_for_all_zones();
    a.set_response(&in_zone("z1"), "sr-1.1", Response::with(Answer::VendorToConfirm));
    let result = score_of(&a, "z1");
    assert_eq!(result.achieved.get(Fr::Fr1), sl(0));
    assert_eq!(ids(&result.frs[0].blocking), ["sr-1.1"]);
    assert_eq!(result.frs[0].coverage.not_met, 1);
    let counts = count_answers(&a);
    assert_eq!((counts.vendor_to_confirm, counts.unanswered), (1, 0));
}

#[test]
fn items_the_vendor_holds_the_answer_to_point_to_the_vendor() {
    let asked: Vec<&str> = ITEMS.iter().filter(|i| i.ask_vendor).map(|i| i.id).collect();
    for id in ["sr-3.8-re2", "sr-3.8-re3", "sr-4.2-re1"] {
        assert!(asked.contains(&id), "{id} should point to the vendor");
    }
    assert!(ITEMS.iter().filter(|i| i.ask_vendor).all(|i| i.part == Part::SystemRequirements));
    let hint = known_item("sr-4.2-re1").vendor_hint().expect("a hint");
    assert!(hint.starts_with("Ask your system or product vendor: the IEC 62443-4-2 capability level"));
    assert_eq!(known_item("sr-1.1").vendor_hint(), None);
}

// --- the development process behind a product's SL-C (issue 16) -----------------------------------------

#[test]
fn a_capability_claim_needs_ml2_up_to_sl_c_2_and_ml3_from_sl_c_3() {
    assert_eq!([0, 1, 2, 3, 4].map(|l| process_maturity_for(sl(l))), [0, 2, 2, 3, 3]);
}

#[test]
fn each_product_shows_whether_the_4_1_process_backs_its_sl_c() {
    let mut a = assessment_for(&[Role::ProductSupplier]);
    a.products.push(product("p1", "RTU 560", ComponentType::EmbeddedDevice, [2, 0, 0, 0, 0, 0, 0]));
    a.products.push(product("p2", "StationView HMI", ComponentType::SoftwareApplication, [3, 0, 0, 0, 0, 0, 0]));
    implement_component_fr(&mut a, "p1", ComponentType::EmbeddedDevice, Fr::Fr1, 2);
    implement_component_fr(&mut a, "p2", ComponentType::SoftwareApplication, Fr::Fr1, 1);
    // Every 4-1 practice at ML2: the process is at ML2 overall.
    for i in catalogue::items_of(Part::DevelopmentLifecycle) {
        a.set_response(&AnswerScope::Assessment, i.id, Response::with(Answer::Ml2));
    }
    let card = score(&a);
    let readiness = process_readiness(&card);
    // The RTU reaches SL-C 2 in FR1 (the other FRs are unanswered, at 0): ML2 backs it.
    let rtu = &readiness[0];
    assert_eq!((rtu.claimed, rtu.aimed, rtu.needed, rtu.needed_for_aim, rtu.process), (sl(2), sl(2), 2, 2, Some(2)));
    assert!(rtu.backs_claim() && rtu.backs_aim());
    assert_eq!(
        rtu.line(),
        "RTU 560: SL-C 2 needs the development process (IEC 62443-4-1) at ML2 in every practice; it is at ML2, so \
         the claim is backed."
    );
    // The HMI reaches SL-C 1 and aims for 3, which would need ML3.
    let hmi = &readiness[1];
    assert_eq!((hmi.claimed, hmi.aimed, hmi.needed, hmi.needed_for_aim), (sl(1), sl(3), 2, 3));
    assert!(hmi.backs_claim() && !hmi.backs_aim());
    assert!(hmi.line().ends_with("so the claim is backed. The aimed SL-C 3 needs ML3."), "{}", hmi.line());

    // One practice at ML1 holds the process at ML1: no claim is backed.
    a.set_response(&AnswerScope::Assessment, "sdl-sm-12", Response::with(Answer::Ml1));
    let rtu = &process_readiness(&score(&a))[0];
    assert!(!rtu.backs_claim());
    assert!(rtu.line().ends_with("it is at ML1, so the claim is not yet backed."), "{}", rtu.line());
}

#[test]
fn the_overall_maturity_is_labelled_as_the_tool_s_summary() {
    let card = score(&assessment_for(&Role::ALL));
    assert_eq!(
        card.service.overall_caption(),
        "Overall maturity (this tool's summary, not a level IEC 62443-2-4 defines): the lowest capability area."
    );
    assert!(card.development.overall_caption().ends_with("IEC 62443-4-1 defines): the lowest practice."));
}
