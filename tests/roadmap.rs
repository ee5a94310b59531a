//! Roadmap rules with hand-computed expectations: merging over zones, the priority order, quick wins,
//! horizons, programme and process actions, actions for products (4-2) and for 2-4 and 4-1 practices, the
//! what-if projection of zones and products, and an assessment with all three roles; then properties on
//! random assessments.

mod common;

use common::*;
use iec62443_assess::*;
use proptest::prelude::*;
use std::cmp::Reverse;

fn keys(roadmap: &Roadmap) -> Vec<&'static str> {
    roadmap.actions.iter().map(|a| a.key).collect()
}

fn action<'a>(roadmap: &'a Roadmap, key: &str) -> &'a Action {
    roadmap.action(key).unwrap_or_else(|| panic!("no action for {key}; the roadmap has {:?}", keys(roadmap)))
}

fn plan(a: &mut Assessment, key: &str, status: ActionStatus) {
    a.plan.insert(key.to_string(), ActionPlan { status, ..ActionPlan::default() });
}

#[test]
fn an_item_unmet_in_several_zones_is_one_action_listing_them() {
    let mut a = assessment_with(vec![
        zone("z1", "Control network", [0, 0, 0, 2, 0, 0, 0], Criticality::High),
        zone("z2", "Office DMZ", [0, 0, 0, 1, 0, 0, 0], Criticality::Low),
    ]);
    settle_programme(&mut a);
    answer(&mut a, &AnswerScope::AllZones, &["sr-4.1"], Answer::NotImplemented);
    answer(&mut a, &AnswerScope::AllZones, &["sr-4.3", "sr-4.2"], Answer::Implemented);
    // SR 4.1 RE(1) (SL2) stays unanswered; it is in scope in the control network only.

    let roadmap = roadmap_for(&a);
    assert_eq!(keys(&roadmap), ["sr-4.1", "sr-4.1-re1"]);

    let merged = action(&roadmap, "sr-4.1");
    let control = ActionZone {
        zone_id: "z1".into(),
        zone_name: "Control network".into(),
        criticality: Criticality::High,
        achieved: 0,
        target: 2,
        unanswered: false,
        vendor_to_confirm: false,
    };
    let dmz = ActionZone {
        zone_id: "z2".into(),
        zone_name: "Office DMZ".into(),
        criticality: Criticality::Low,
        achieved: 0,
        target: 1,
        unanswered: false,
        vendor_to_confirm: false,
    };
    assert_eq!(merged.zones, [control.clone(), dmz]);
    assert_eq!(merged.zone_names(), "Control network, Office DMZ");
    assert_eq!(merged.criticality(), Criticality::High, "the most critical zone concerned");
    assert_eq!(merged.gap, 2, "the largest gap over its zones");
    assert!(merged.blocking);
    assert_eq!(merged.level, 1);
    assert!(!merged.unanswered);

    let unanswered = action(&roadmap, "sr-4.1-re1");
    assert_eq!(unanswered.zones, [ActionZone { unanswered: true, ..control }]);
    assert!(unanswered.unanswered, "unanswered in every zone concerned: find out first");
    assert!(!unanswered.blocking, "SL-A is 0, so an SL2 item does not block the next level");
    assert_eq!(unanswered.level, 2);
}

#[test]
fn actions_are_ordered_by_phase_then_gap_then_blocking_then_effort() {
    let mut a = assessment_with(vec![zone("z1", "Line 1", [2, 0, 0, 0, 1, 3, 0], Criticality::Medium)]);
    settle_programme(&mut a);
    let all = AnswerScope::AllZones;
    implement_fr(&mut a, &all, Fr::Fr1, 2);
    implement_fr(&mut a, &all, Fr::Fr5, 1);
    implement_fr(&mut a, &all, Fr::Fr6, 3);
    answer(&mut a, &all, &["sr-1.3"], Answer::NotImplemented); // FR1 SL1, small
    answer(&mut a, &all, &["sr-1.5"], Answer::Partial); // FR1 SL1, medium
    answer(&mut a, &all, &["sr-1.13-re1"], Answer::NotImplemented); // FR1 SL2, small
    a.set_response(&all, "sr-1.8", Response::default()); // FR1 SL2, medium, unanswered
    answer(&mut a, &all, &["sr-5.3"], Answer::NotImplemented); // FR5 SL1, small
    answer(&mut a, &all, &["sr-6.1"], Answer::NotImplemented); // FR6 SL1, small, operations phase

    // FR1: SL-A 0, SL-T 2 (gap 2). FR5: SL-A 0, SL-T 1 (gap 1). FR6: SL-A 0, SL-T 3 (gap 3).
    let roadmap = roadmap_for(&a);
    assert_eq!(
        keys(&roadmap),
        [
            "sr-1.3",      // controls, gap 2, blocking, small
            "sr-1.5",      // controls, gap 2, blocking, medium: blocking beats effort below
            "sr-1.13-re1", // controls, gap 2, not blocking, small
            "sr-1.8",      // controls, gap 2, not blocking, medium
            "sr-5.3",      // controls, gap 1: a smaller gap comes later in its phase
            "sr-6.1",      // operations, gap 3: a later phase comes later, whatever its gap
        ]
    );
    let controls: Vec<&str> = roadmap.in_phase(Phase::Controls).map(|a| a.key).collect();
    assert_eq!(controls, ["sr-1.3", "sr-1.5", "sr-1.13-re1", "sr-1.8", "sr-5.3"]);
    assert_eq!(action(&roadmap, "sr-6.1").gap, 3);
    // Across phases, the top gaps (all answered, none groundwork, one Medium zone) put the largest gap first.
    let top: Vec<&str> = roadmap.top(3).iter().map(|a| a.key).collect();
    assert_eq!(top, ["sr-6.1", "sr-1.3", "sr-1.5"]);
}

// --- ranking the gaps (docs/scoring.md section 6) ----------------------------------------------------------

fn ranked(roadmap: &Roadmap) -> Vec<&'static str> {
    roadmap.ranked().iter().map(|a| a.key).collect()
}

/// The water utility of issue 17: SCADA control (High) and the safety PLCs (Critical), targets from the
/// wizard's reference zones; the programme settled, and of the system requirements only SR 5.1 answered:
/// Not implemented in the safety PLC zone.
fn water_utility_with_unsegmented_safety_plcs() -> Assessment {
    let mut a = assessment_with(vec![
        zone("z1", "SCADA control", [3, 3, 2, 2, 2, 3, 3], Criticality::High),
        zone("z2", "Safety PLCs", [2, 2, 3, 2, 2, 2, 3], Criticality::Critical),
    ]);
    settle_programme(&mut a);
    answer(&mut a, &in_zone("z2"), &["sr-5.1"], Answer::NotImplemented);
    a
}

#[test]
fn a_known_missing_segmentation_ranks_above_unanswered_password_masking_lockout_and_banner() {
    let roadmap = roadmap_for(&water_utility_with_unsegmented_safety_plcs());
    let ranked = ranked(&roadmap);
    // Ranked by hand: SR 5.1 is the only gap an answer shows. The rest is unanswered, groundwork first; all
    // concern the Critical zone; the largest gaps (3) that block SL 1 in the controls phase come by
    // reference: SR 1.1, SR 1.13, SR 2.1, SR 3.2. Then SR 7.3 (the later operations phase), SR 7.8 (gap 3
    // in FR7 but SL 2, so not blocking) and SR 5.2 (FR5: a gap of 2).
    assert_eq!(ranked[..5], ["sr-5.1", "sr-1.1", "sr-1.13", "sr-2.1", "sr-3.2"]);
    assert_eq!(ranked[5..8], ["sr-7.3", "sr-7.8", "sr-5.2"]);
    let position = |key: &str| ranked.iter().position(|k| *k == key).expect("an action");
    for refinement in ["sr-1.10", "sr-1.11", "sr-1.12"] {
        assert!(position(refinement) >= 8, "{refinement} ranks after the groundwork");
    }
    // The roadmap itself keeps the order of work within each phase (gap first).
    assert_eq!(roadmap.top(1)[0].key, "sr-5.1");
}

#[test]
fn known_before_unanswered_then_groundwork_then_criticality_then_gap() {
    let mut a = assessment_with(vec![
        zone("z1", "Safety PLCs", [1, 0, 0, 0, 1, 0, 0], Criticality::Critical),
        zone("z2", "Office DMZ", [0, 0, 0, 0, 2, 0, 0], Criticality::Low),
        zone("z3", "Control room", [0, 2, 0, 0, 0, 0, 0], Criticality::High),
    ]);
    settle_programme(&mut a);
    implement_fr(&mut a, &in_zone("z1"), Fr::Fr1, 1);
    implement_fr(&mut a, &in_zone("z1"), Fr::Fr5, 1);
    a.set_response(&in_zone("z1"), "sr-1.11", Response::default()); // login lockout: unanswered
    answer(&mut a, &in_zone("z1"), &["sr-1.12"], Answer::NotImplemented); // login banner: gap 1
    implement_fr(&mut a, &in_zone("z2"), Fr::Fr5, 2);
    answer(&mut a, &in_zone("z2"), &["sr-5.2"], Answer::NotImplemented); // boundary protection: gap 2
    implement_fr(&mut a, &in_zone("z3"), Fr::Fr2, 2);
    answer(&mut a, &in_zone("z3"), &["sr-2.5"], Answer::NotImplemented); // session lock: gap 2

    // Ranked by hand: the three answered gaps before the unanswered lockout, although its zone is the
    // most critical; among them the groundwork SR 5.2, although its zone matters least; then the banner
    // of the Critical zone (gap 1) before the session lock of the High one (gap 2).
    assert_eq!(ranked(&roadmap_for(&a)), ["sr-5.2", "sr-1.12", "sr-2.5", "sr-1.11"]);
}

#[test]
fn requirements_sort_by_their_numbers_so_sr_1_3_comes_before_sr_1_10() {
    let mut a = assessment_with(vec![zone("z1", "Line 1", [1, 0, 0, 0, 0, 0, 0], Criticality::Medium)]);
    settle_programme(&mut a);
    implement_fr(&mut a, &AnswerScope::AllZones, Fr::Fr1, 1);
    // Four small, blocking SL 1 requirements of one zone: every key ties but the reference.
    answer(&mut a, &AnswerScope::AllZones, &["sr-1.12", "sr-1.3", "sr-1.11", "sr-1.10"], Answer::NotImplemented);
    let roadmap = roadmap_for(&a);
    assert_eq!(keys(&roadmap), ["sr-1.3", "sr-1.10", "sr-1.11", "sr-1.12"]);
    assert_eq!(ranked(&roadmap), ["sr-1.3", "sr-1.10", "sr-1.11", "sr-1.12"]);
}

#[test]
fn a_lower_level_comes_before_a_more_critical_zone() {
    let mut a = assessment_with(vec![
        zone("z1", "Packaging", [3, 0, 0, 0, 0, 0, 0], Criticality::Critical),
        zone("z2", "Utilities", [0, 2, 0, 0, 0, 0, 0], Criticality::Low),
    ]);
    settle_programme(&mut a);
    implement_fr(&mut a, &in_zone("z1"), Fr::Fr1, 3);
    answer(&mut a, &in_zone("z1"), &["sr-1.1-re1"], Answer::NotImplemented); // SL2: SL-A 1 of 3
    implement_fr(&mut a, &in_zone("z2"), Fr::Fr2, 2);
    answer(&mut a, &in_zone("z2"), &["sr-2.1"], Answer::NotImplemented); // SL1: SL-A 0 of 2

    // Both close a gap of 2 and both block; the SL1 step comes first although its zone matters less.
    assert_eq!(keys(&roadmap_for(&a)), ["sr-2.1", "sr-1.1-re1"]);
}

fn safety_and_office_short_in_fr7() -> Assessment {
    let mut a = assessment_with(vec![
        zone("z1", "Safety system", [0, 0, 0, 0, 0, 0, 1], Criticality::Critical),
        zone("z2", "Office DMZ", [0, 0, 0, 0, 0, 0, 1], Criticality::Low),
    ]);
    settle_programme(&mut a);
    implement_fr(&mut a, &AnswerScope::AllZones, Fr::Fr7, 1);
    answer(&mut a, &in_zone("z1"), &["sr-7.7"], Answer::NotImplemented);
    answer(&mut a, &in_zone("z2"), &["sr-7.1", "sr-7.2", "sr-7.5", "sr-7.6"], Answer::NotImplemented);
    a
}

#[test]
fn criticality_then_effort_then_id_break_the_remaining_ties() {
    let a = safety_and_office_short_in_fr7();
    // All five: controls phase, gap 1, blocking, SL1.
    assert_eq!(
        keys(&roadmap_for(&a)),
        [
            "sr-7.7", // the critical zone
            "sr-7.2", // small effort
            "sr-7.1", // medium effort, then by id
            "sr-7.5", "sr-7.6",
        ]
    );
}

#[test]
fn the_order_is_deterministic_and_does_not_depend_on_the_order_of_zones() {
    let a = safety_and_office_short_in_fr7();
    let mut reversed = a.clone();
    reversed.zones.reverse();
    assert_eq!(roadmap_for(&a), roadmap_for(&a.clone()));
    assert_eq!(keys(&roadmap_for(&reversed)), keys(&roadmap_for(&a)));
}

#[test]
fn quick_wins_are_small_actions_that_close_a_blocking_gap() {
    let mut a = assessment_with(vec![zone("z1", "Line 1", [2, 0, 0, 0, 0, 0, 0], Criticality::Medium)]);
    settle_programme(&mut a);
    a.profile.target_maturity = 3;
    let all = AnswerScope::AllZones;
    implement_fr(&mut a, &all, Fr::Fr1, 2);
    answer(&mut a, &all, &["sr-1.3", "sr-1.13-re1"], Answer::NotImplemented);
    answer(&mut a, &all, &["sr-1.5"], Answer::Partial);
    let once = AnswerScope::Assessment;
    answer(&mut a, &once, &["zcr-4.1", "zcr-2.1"], Answer::NotImplemented);
    answer(&mut a, &once, &["data-1", "data-2"], Answer::Ml1); // data area at ML1
    answer(&mut a, &once, &["data-3"], Answer::Ml2);

    let roadmap = roadmap_for(&a);
    let quick = |key: &str| action(&roadmap, key).quick_win;
    assert!(quick("sr-1.3"), "3-3: small and blocking");
    assert!(!quick("sr-1.13-re1"), "3-3: small but SL2 while SL-A is 0");
    assert!(!quick("sr-1.5"), "3-3: blocking but medium effort");
    assert!(quick("zcr-4.1"), "3-2: a small open step");
    assert!(!quick("zcr-2.1"), "3-2: medium effort");
    assert!(quick("data-1"), "2-1: small and holding its area at ML1");
    assert!(!quick("data-3"), "2-1: small but above its area's level");
    assert!(!quick("data-2"), "2-1: holding its area but medium effort");
    for key in ["sr-1.3", "zcr-4.1", "data-1"] {
        assert_eq!(action(&roadmap, key).horizon, Horizon::Now, "a quick win is for now: {key}");
    }
}

#[test]
fn horizons_follow_phase_effort_blocking_and_distance() {
    let mut a = assessment_with(vec![zone("z1", "Line 1", [3, 0, 0, 0, 1, 0, 3], Criticality::Medium)]);
    settle_programme(&mut a);
    let all = AnswerScope::AllZones;
    for (fr, up_to) in [(Fr::Fr1, 3), (Fr::Fr5, 1), (Fr::Fr7, 3)] {
        implement_fr(&mut a, &all, fr, up_to);
    }
    answer(&mut a, &all, &["sr-1.1-re1"], Answer::NotImplemented); // FR1 SL-A 1
    answer(&mut a, &all, &["sr-5.1"], Answer::NotImplemented); // FR5 SL-A 0
    answer(&mut a, &all, &["sr-7.1"], Answer::NotImplemented); // FR7 SL-A 0
    for unanswered in ["sr-1.3-re1", "sr-7.8", "sr-7.3-re1", "sr-7.1-re2"] {
        a.set_response(&all, unanswered, Response::default());
    }
    let once = AnswerScope::Assessment;
    answer(&mut a, &once, &["zcr-2.1", "zcr-3.1"], Answer::NotImplemented);
    answer(&mut a, &once, &["net-1"], Answer::Ml1); // target maturity 2; area net is held at 0 by net-3
    answer(&mut a, &once, &["net-3"], Answer::NotPerformed);

    let roadmap = roadmap_for(&a);
    let expected = [
        ("sr-7.8", Horizon::Now),       // inventory phase, medium effort: a foundation
        ("zcr-2.1", Horizon::Now),      // risk phase, medium effort: a foundation
        ("zcr-3.1", Horizon::Next),     // risk phase but large effort
        ("sr-1.1-re1", Horizon::Next),  // blocking, medium
        ("sr-5.1", Horizon::Next),      // blocking, large
        ("sr-7.1", Horizon::Next),      // blocking, medium
        ("sr-7.3-re1", Horizon::Next),  // SL2 while SL-A is 0: two levels away, medium
        ("sr-1.3-re1", Horizon::Later), // SL3 while SL-A is 1: not blocking, large
        ("sr-7.1-re2", Horizon::Later), // SL3 while SL-A is 0: three levels away
        ("net-3", Horizon::Next),       // holds its area at 0, medium
        ("net-1", Horizon::Later),      // above its area's level, large
    ];
    for (key, horizon) in expected {
        assert_eq!(action(&roadmap, key).horizon, horizon, "{key}");
    }
    assert_eq!(roadmap.actions.len(), expected.len());
    let later: Vec<&str> = roadmap.in_horizon(Horizon::Later).map(|a| a.key).collect();
    // Roadmap order: all three are in the controls phase, the largest gap first (3, 2 and 1).
    assert_eq!(later, ["sr-7.1-re2", "sr-1.3-re1", "net-1"]);
}

#[test]
fn programme_practices_below_the_target_maturity_become_actions() {
    let mut a = assessment_with(Vec::new());
    settle_programme(&mut a);
    a.profile.target_maturity = 3;
    let once = AnswerScope::Assessment;
    answer(&mut a, &once, &["org-1"], Answer::Ml2);
    answer(&mut a, &once, &["org-2"], Answer::Ml3);
    answer(&mut a, &once, &["org-3"], Answer::NotApplicable);
    a.set_response(&once, "org-4", Response::default());
    answer(&mut a, &once, &["org-5"], Answer::DontKnow);

    let roadmap = roadmap_for(&a);
    // org-1 (the policy) is in the governance phase, which comes first; org-5 is in the controls phase and
    // org-4 in the improve phase.
    assert_eq!(keys(&roadmap), ["org-1", "org-5", "org-4"], "ML3, ML4 and N/A practices need no action");

    let ml2 = action(&roadmap, "org-1");
    assert_eq!((ml2.current_maturity, ml2.gap, ml2.level, ml2.blocking), (Some(2), 1, 3, false));
    let unanswered = action(&roadmap, "org-4");
    assert_eq!((unanswered.current_maturity, unanswered.gap, unanswered.level), (Some(0), 3, 1));
    assert!(unanswered.blocking && unanswered.unanswered);
    let dont_know = action(&roadmap, "org-5");
    assert_eq!((dont_know.current_maturity, dont_know.gap), (Some(0), 3));
    assert!(dont_know.blocking && !dont_know.unanswered);
    assert_eq!(dont_know.zone_names(), "Whole organisation");
    assert_eq!(dont_know.criticality(), Criticality::Medium);

    a.profile.target_maturity = 2;
    let roadmap = roadmap_for(&a);
    assert!(roadmap.action("org-1").is_none(), "ML2 meets a target of ML2");
}

#[test]
fn open_3_2_steps_become_blocking_actions() {
    let mut a = assessment_with(Vec::new());
    settle_programme(&mut a);
    let once = AnswerScope::Assessment;
    answer(&mut a, &once, &["zcr-1.1"], Answer::NotImplemented);
    answer(&mut a, &once, &["zcr-2.1"], Answer::Partial);
    answer(&mut a, &once, &["zcr-3.1"], Answer::DontKnow);
    a.set_response(&once, "zcr-3.2", Response::default());
    a.set_response(&once, "zcr-3.3", Response::with(Answer::NotApplicable)); // lacks its justification
    answer(&mut a, &once, &["zcr-3.4"], Answer::NotApplicable);
    answer(&mut a, &once, &["zcr-3.5"], Answer::Compensating);

    let roadmap = roadmap_for(&a);
    let mut got = keys(&roadmap);
    got.sort();
    assert_eq!(got, ["zcr-1.1", "zcr-2.1", "zcr-3.1", "zcr-3.2", "zcr-3.3"]);
    for act in &roadmap.actions {
        assert_eq!((act.gap, act.blocking, act.level), (1, true, 1), "{}", act.key);
        assert!(act.zones.is_empty());
    }
    assert!(action(&roadmap, "zcr-3.2").unanswered && action(&roadmap, "zcr-3.3").unanswered);
    assert!(!action(&roadmap, "zcr-1.1").unanswered);
}

// --- projection ---------------------------------------------------------------------------------------

/// Utilities aims for SL2 in FR7; everything is in place except SR 7.3 (SL1, operations phase) and
/// SR 7.8 (SL2, inventory phase), so SL-A is 0.
fn utilities_short_in_fr7() -> Assessment {
    let mut a = assessment_with(vec![zone("z1", "Utilities", [0, 0, 0, 0, 0, 0, 2], Criticality::High)]);
    settle_programme(&mut a);
    implement_fr(&mut a, &AnswerScope::AllZones, Fr::Fr7, 2);
    answer(&mut a, &AnswerScope::AllZones, &["sr-7.3", "sr-7.8"], Answer::NotImplemented);
    a
}

/// FR7 after each of the asset owner's seven phases.
fn fr7_after_phases(a: &Assessment) -> Vec<u8> {
    let p = &projection(a, &roadmap_for(a))[0];
    Phase::OWNER.iter().map(|phase| p.after(*phase).get(Fr::Fr7).get()).collect()
}

#[test]
fn projection_without_plans_stays_at_todays_level() {
    let a = utilities_short_in_fr7();
    let roadmap = roadmap_for(&a);
    assert_eq!(keys(&roadmap), ["sr-7.8", "sr-7.3"], "inventory before operations");
    let p = &projection(&a, &roadmap)[0];
    assert_eq!(p.current, levels([0; 7]));
    assert_eq!(p.after_phase, vec![levels([0; 7]); Phase::ALL.len()]);
    assert_eq!(p.all_done, levels([0, 0, 0, 0, 0, 0, 2]));
    assert_eq!(p.target, levels([0, 0, 0, 0, 0, 0, 2]));
}

#[test]
fn a_planned_action_raises_the_projection_after_its_phase_and_not_before() {
    let mut a = utilities_short_in_fr7();
    plan(&mut a, "sr-7.3", ActionStatus::Planned);
    // Governance, inventory, risk, targets, controls, operations, improve. SR 7.8 still holds SL2 back.
    assert_eq!(fr7_after_phases(&a), [0, 0, 0, 0, 0, 1, 1]);

    plan(&mut a, "sr-7.8", ActionStatus::Done);
    // SR 7.8 is done in the inventory phase, but SL1 waits for SR 7.3 in the operations phase.
    assert_eq!(fr7_after_phases(&a), [0, 0, 0, 0, 0, 2, 2]);
}

#[test]
fn an_open_plan_entry_does_not_count_in_the_projection() {
    let mut a = utilities_short_in_fr7();
    plan(&mut a, "sr-7.3", ActionStatus::Open);
    plan(&mut a, "sr-7.8", ActionStatus::Open);
    assert_eq!(fr7_after_phases(&a), [0; 7]);
}

#[test]
fn doing_every_action_reaches_the_target() {
    let a = safety_and_office_short_in_fr7();
    for p in projection(&a, &roadmap_for(&a)) {
        assert_eq!(p.current.get(Fr::Fr7), sl(0), "{}", p.zone_name);
        assert_eq!(p.all_done.get(Fr::Fr7), sl(1), "{}", p.zone_name);
    }
}

// --- products (IEC 62443-4-2) --------------------------------------------------------------------------

/// An embedded device and a network device, both aiming for SL-C 1 in FR1 and 0 elsewhere; every FR1 SL1
/// requirement of their type is implemented except: CR 1.1 not implemented for both, CR 1.3 partial for the
/// RTU, and CR 1.6 (wireless, network devices only) unanswered for the switch. The 4-1 practices are at ML4.
fn rtu_and_switch_short_in_fr1() -> Assessment {
    let mut a = assessment_for(&[Role::ProductSupplier]);
    settle_capabilities(&mut a);
    a.products.push(product("p1", "RTU 560", ComponentType::EmbeddedDevice, [1, 0, 0, 0, 0, 0, 0]));
    a.products.push(product("p2", "Station switch", ComponentType::NetworkDevice, [1, 0, 0, 0, 0, 0, 0]));
    implement_component_fr(&mut a, "p1", ComponentType::EmbeddedDevice, Fr::Fr1, 1);
    implement_component_fr(&mut a, "p2", ComponentType::NetworkDevice, Fr::Fr1, 1);
    answer(&mut a, &for_product("p1"), &["cr-1.1"], Answer::NotImplemented);
    answer(&mut a, &for_product("p2"), &["cr-1.1"], Answer::NotImplemented);
    answer(&mut a, &for_product("p1"), &["cr-1.3"], Answer::Partial);
    a.set_response(&for_product("p2"), "cr-1.6", Response::default());
    a
}

fn product_entry(id: &str, name: &str, unanswered: bool) -> ActionZone {
    ActionZone {
        zone_id: id.into(),
        zone_name: name.into(),
        criticality: Criticality::Medium,
        achieved: 0,
        target: 1,
        unanswered,
        vendor_to_confirm: false,
    }
}

#[test]
fn a_component_requirement_unmet_in_several_products_is_one_action_listing_them() {
    let a = rtu_and_switch_short_in_fr1();
    let roadmap = roadmap_for(&a);
    // All three: controls phase, gap 1, blocking (SL-C 0, level 1), medium effort, Medium criticality.
    assert_eq!(keys(&roadmap), ["cr-1.1", "cr-1.3", "cr-1.6"], "met requirements give no action");

    let merged = action(&roadmap, "cr-1.1");
    assert_eq!(merged.products, [product_entry("p1", "RTU 560", false), product_entry("p2", "Station switch", false)]);
    assert!(merged.zones.is_empty());
    assert_eq!(merged.zone_names(), "RTU 560, Station switch");
    assert_eq!((merged.gap, merged.blocking, merged.level, merged.quick_win), (1, true, 1, false));
    assert_eq!(merged.criticality(), Criticality::Medium, "products have no criticality of their own");
    assert_eq!(merged.horizon, Horizon::Next);

    assert_eq!(action(&roadmap, "cr-1.3").products, [product_entry("p1", "RTU 560", false)]);
    let wireless = action(&roadmap, "cr-1.6");
    assert_eq!(wireless.products, [product_entry("p2", "Station switch", true)], "a network-device requirement");
    assert!(wireless.unanswered);
}

#[test]
fn a_component_requirement_met_or_not_applicable_everywhere_gives_no_action() {
    let mut a = rtu_and_switch_short_in_fr1();
    answer(&mut a, &for_product("p1"), &["cr-1.1"], Answer::Implemented);
    answer(&mut a, &for_product("p2"), &["cr-1.1"], Answer::NotApplicable);
    let roadmap = roadmap_for(&a);
    assert_eq!(keys(&roadmap), ["cr-1.3", "cr-1.6"]);
    // Above the aimed level, a requirement gives no action either: CR 1.1 RE(1) is at SL2, unanswered.
    assert!(roadmap.action("cr-1.1-re1").is_none());
}

#[test]
fn a_planned_component_action_raises_the_projected_sl_c_after_its_phase() {
    let mut a = rtu_and_switch_short_in_fr1();
    a.zones.push(zone("z1", "Test bench", [1; 7], Criticality::Low)); // kept from another role: not projected
    plan(&mut a, "cr-1.1", ActionStatus::Planned);
    plan(&mut a, "cr-1.3", ActionStatus::Done);
    let roadmap = roadmap_for(&a);
    let projections = projection(&a, &roadmap);
    let rows: Vec<(&str, bool)> = projections.iter().map(|p| (p.zone_name.as_str(), p.is_product)).collect();
    assert_eq!(rows, [("RTU 560", true), ("Station switch", true)]);

    let fr1 =
        |p: &ZoneProjection| Phase::SUPPLIER.iter().map(|phase| p.after(*phase).get(Fr::Fr1).get()).collect::<Vec<_>>();
    let rtu = &projections[0];
    // The other FRs are unanswered, so their SL-C is 0 too (with an aimed level of 0, no gap).
    assert_eq!((rtu.current, rtu.target), (levels([0; 7]), levels([1, 0, 0, 0, 0, 0, 0])));
    // The supplier's phases: development process, requirements and design, implementation and
    // verification, release and support. Both RTU actions are in the implementation phase.
    assert_eq!(fr1(rtu), [0, 0, 1, 1]);
    assert_eq!(rtu.all_done.get(Fr::Fr1), sl(1), "the SL2 requirements are unanswered");
    // The switch still misses CR 1.6, which is open.
    let switch = &projections[1];
    assert_eq!(fr1(switch), [0; 4]);
    assert_eq!(switch.all_done.get(Fr::Fr1), sl(1));
}

#[test]
fn zones_come_before_products_in_the_projection() {
    let mut a = rtu_and_switch_short_in_fr1();
    a.profile.roles.insert(Role::AssetOwner);
    a.zones.push(zone("z1", "Pumping control", [1; 7], Criticality::High));
    let projections = projection(&a, &roadmap_for(&a));
    let rows: Vec<(&str, bool)> = projections.iter().map(|p| (p.zone_id.as_str(), p.is_product)).collect();
    assert_eq!(rows, [("z1", false), ("p1", true), ("p2", true)]);
}

// --- 2-4 and 4-1 practices ------------------------------------------------------------------------------

#[test]
fn capability_and_lifecycle_practices_below_the_target_maturity_become_actions() {
    let mut a = assessment_for(&[Role::SystemIntegrator, Role::ProductSupplier]);
    settle_programme(&mut a);
    settle_capabilities(&mut a);
    a.profile.target_maturity = 2;
    let once = AnswerScope::Assessment;
    answer(&mut a, &once, &["sp07-1"], Answer::Ml1);
    answer(&mut a, &once, &["sp07-2"], Answer::Ml3);
    answer(&mut a, &once, &["sdl-dm-1"], Answer::NotPerformed);
    answer(&mut a, &once, &["sdl-dm-2"], Answer::NotApplicable);
    answer(&mut a, &once, &["org-1"], Answer::Ml1); // 2-1 is not asked of these roles

    let roadmap = roadmap_for(&a);
    let mut got = keys(&roadmap);
    got.sort();
    assert_eq!(got, ["sdl-dm-1", "sp07-1"]);
    let remote = action(&roadmap, "sp07-1");
    assert_eq!((remote.current_maturity, remote.gap, remote.level, remote.blocking), (Some(1), 1, 2, true));
    assert_eq!(remote.zone_names(), "Whole organisation");
    let vulnerabilities = action(&roadmap, "sdl-dm-1");
    assert_eq!((vulnerabilities.current_maturity, vulnerabilities.gap, vulnerabilities.level), (Some(0), 2, 1));
    assert!(vulnerabilities.blocking, "it holds practice DM at 0");
    assert!(vulnerabilities.quick_win, "small effort and blocking");
}

// --- all three roles ------------------------------------------------------------------------------------

/// Everything settled, then one gap in each part: SR 1.1 not implemented in the zone (SL-T 1 in FR1), CR 1.1
/// not implemented for the product (aimed SL-C 1 in FR1), ZCR 1.1 partial, and ORG 1, SP 07-1 and SDL DM-1
/// at ML1 against a target of ML2.
fn one_gap_in_each_part() -> Assessment {
    let mut a = assessment_for(&Role::ALL);
    a.zones.push(zone("z1", "Pumping control", [1, 0, 0, 0, 0, 0, 0], Criticality::High));
    a.products.push(product("p1", "RTU 560", ComponentType::EmbeddedDevice, [1, 0, 0, 0, 0, 0, 0]));
    settle_programme(&mut a);
    settle_capabilities(&mut a);
    implement_fr(&mut a, &AnswerScope::AllZones, Fr::Fr1, 1);
    implement_component_fr(&mut a, "p1", ComponentType::EmbeddedDevice, Fr::Fr1, 1);
    answer(&mut a, &AnswerScope::AllZones, &["sr-1.1"], Answer::NotImplemented);
    answer(&mut a, &for_product("p1"), &["cr-1.1"], Answer::NotImplemented);
    let once = AnswerScope::Assessment;
    answer(&mut a, &once, &["zcr-1.1"], Answer::Partial);
    answer(&mut a, &once, &["org-1", "sp07-1", "sdl-dm-1"], Answer::Ml1);
    a
}

#[test]
fn all_three_roles_get_every_part_in_one_scorecard_and_one_roadmap() {
    let a = one_gap_in_each_part();
    let card = score(&a);
    assert_eq!((card.zones.len(), card.products.len()), (1, 1));
    assert_eq!(card.zones[0].achieved.get(Fr::Fr1), sl(0));
    assert_eq!(card.products[0].achieved.get(Fr::Fr1), sl(0));
    assert_eq!(
        [&card.maturity, &card.service, &card.development].map(|m| (m.part, m.overall)),
        [(Part::Programme, Some(1)), (Part::ServiceProvider, Some(1)), (Part::DevelopmentLifecycle, Some(1))]
    );
    assert_eq!(card.process.open.iter().map(|i| i.id).collect::<Vec<_>>(), ["zcr-1.1"]);
    // Asked: 28 steps, 34 + 36 + 47 practices, 10 FR1 SL1 requirements of the zone, 8 of the embedded device
    // (9 questions: CR 1.10 is asked as two).
    assert_eq!(card.progress, (28 + 34 + 36 + 47 + 10 + 9, 28 + 34 + 36 + 47 + 10 + 9));

    let roadmap = roadmap_with(&a, &card.zones);
    // The asset owner's track first: ORG 1 governance; ZCR 1.1 inventory; SR 1.1 and SP 07-1 controls (both
    // close a gap of 1 and block; SR 1.1 is at level 1, SP 07-1 at level 2). Then the supplier's track: CR
    // 1.1 implementation and verification; SDL DM-1 release and support.
    assert_eq!(keys(&roadmap), ["org-1", "zcr-1.1", "sr-1.1", "sp07-1", "cr-1.1", "sdl-dm-1"]);
    assert_eq!(action(&roadmap, "sr-1.1").zones.len(), 1);
    assert!(action(&roadmap, "sr-1.1").products.is_empty());
    assert_eq!(action(&roadmap, "cr-1.1").products.len(), 1);
    assert!(action(&roadmap, "cr-1.1").zones.is_empty());
    for key in ["zcr-1.1", "org-1", "sp07-1", "sdl-dm-1"] {
        assert_eq!(action(&roadmap, key).zone_names(), "Whole organisation", "{key}");
    }
    let projections = projection(&a, &roadmap);
    let rows: Vec<(&str, bool)> = projections.iter().map(|p| (p.zone_id.as_str(), p.is_product)).collect();
    assert_eq!(rows, [("z1", false), ("p1", true)]);
}

// --- properties ---------------------------------------------------------------------------------------

proptest! {
    #[test]
    fn the_roadmap_is_sorted_by_phase_gap_blocking_level_criticality_effort_and_reference(a in arb_assessment()) {
        let roadmap = roadmap_for(&a);
        // IEC 62443-3-2 steps first in their phase, in ZCR (catalogue) order.
        let sequence = |x: &Action| if x.item.part == Part::RiskAssessment { catalogue::index_of(x.item) } else { usize::MAX };
        let order = |x: &Action| {
            let reference = catalogue::reference_rank(x.item);
            (x.phase(), sequence(x), Reverse(x.gap), Reverse(x.blocking), x.level, Reverse(x.criticality()), x.effort(), reference)
        };
        for pair in roadmap.actions.windows(2) {
            prop_assert!(order(&pair[0]) < order(&pair[1]), "{} should come after {}", pair[0].key, pair[1].key);
        }
    }

    #[test]
    fn the_projection_never_falls_and_doing_everything_reaches_the_target(
        a in arb_assessment(),
        statuses in prop::collection::vec(0usize..3, 200),
    ) {
        let mut a = a;
        let roadmap = roadmap_for(&a);
        let choices = [ActionStatus::Open, ActionStatus::Planned, ActionStatus::Done];
        for (act, status) in roadmap.actions.iter().zip(&statuses) {
            plan(&mut a, act.key, choices[*status]);
        }
        for p in projection(&a, &roadmap) {
            let product = a.product(&p.zone_id).filter(|_| p.is_product);
            let target = match product {
                Some(product) => product.target,
                None => a.zone(&p.zone_id).expect("the zone exists").target,
            };
            prop_assert_eq!(p.target, target);
            for fr in Fr::ALL {
                let mut steps = vec![p.current.get(fr)];
                steps.extend(p.after_phase.iter().map(|v| v.get(fr)));
                steps.push(p.all_done.get(fr));
                prop_assert!(steps.windows(2).all(|w| w[0] <= w[1]), "{} in {} falls: {:?}", fr, p.zone_id, steps);
                // A quick scan can vouch for no more than the highest level it asks: SL3 in every FR of 3-3,
                // and for a product whatever its type's quick-scan items of the FR reach.
                let asked = match product {
                    None => sl(3),
                    Some(product) => catalogue::component_items(fr, product.component_type)
                        .filter(|i| i.quick_scan)
                        .filter_map(|i| i.level())
                        .max()
                        .unwrap_or(sl(0)),
                };
                let reachable = if a.profile.mode == Mode::Quick { target.get(fr).min(asked) } else { target.get(fr) };
                prop_assert!(p.all_done.get(fr) >= reachable, "{} in {}: {} < {}", fr, p.zone_id, p.all_done.get(fr), reachable);
            }
        }
    }
}

// --- the worked example of docs/scoring.md --------------------------------------------------------------

#[test]
fn the_worked_example_in_docs_scoring_md_holds() {
    let mut a = assessment_with(vec![zone("z1", "Control network", [0, 0, 0, 2, 0, 0, 0], Criticality::High)]);
    settle_programme(&mut a);
    let all = AnswerScope::AllZones;
    answer(&mut a, &all, &["sr-4.1", "sr-4.1-re1", "sr-4.2-re1"], Answer::Implemented);
    a.set_response(&all, "sr-4.3", Response::justified(Answer::Compensating, "Encrypted VPN between the sites"));
    answer(&mut a, &all, &["sr-4.2"], Answer::Partial);

    let result = score_zone(&a, &a.zones[0]);
    let fr4 = &result.frs[Fr::Fr4.index()];
    assert_eq!((fr4.achieved, fr4.target, fr4.gap()), (sl(1), sl(2), 1));
    assert_eq!(fr4.blocking.iter().map(|i| i.id).collect::<Vec<_>>(), ["sr-4.2"]);
    assert_eq!(fr4.compensating.iter().map(|i| i.id).collect::<Vec<_>>(), ["sr-4.3"]);
    assert_eq!(fr4.coverage, Coverage { in_scope: 4, met: 3, compensating: 1, not_met: 1, ..Coverage::default() });
    assert_eq!(fr4.coverage.percent(), Some(75));
    assert_eq!(
        result.readiness(),
        "Control network: target reached in 6 of 7 FRs; largest gap FR4 Data confidentiality (SL-A 1, SL-T 2)."
    );

    let roadmap = roadmap_for(&a);
    assert_eq!(keys(&roadmap), ["sr-4.2"]);
    let act = action(&roadmap, "sr-4.2");
    assert_eq!((act.gap, act.blocking, act.level, act.quick_win, act.horizon), (1, true, 2, true, Horizon::Now));

    plan(&mut a, "sr-4.2", ActionStatus::Planned);
    let p = &projection(&a, &roadmap)[0];
    let fr4_after: Vec<u8> = Phase::OWNER.iter().map(|phase| p.after(*phase).get(Fr::Fr4).get()).collect();
    assert_eq!(fr4_after, [1, 1, 1, 1, 3, 3, 3], "SR 4.2 RE(1) is already implemented; SR 4.1 RE(2) is not answered");
    assert_eq!(p.all_done.get(Fr::Fr4), sl(3));
}

// --- phase tracks and the ZCR sequence (issue 16) --------------------------------------------------------

#[test]
fn each_role_follows_its_own_track_of_phases() {
    let owner = assessment_for(&[Role::AssetOwner]).phases();
    assert_eq!(owner, Phase::OWNER);
    assert_eq!(owner[0], Phase::Governance, "governance comes first");
    assert_eq!(assessment_for(&[Role::SystemIntegrator]).phases(), Phase::OWNER);
    assert_eq!(
        assessment_for(&[Role::ProductSupplier]).phases().iter().map(|p| p.title()).collect::<Vec<_>>(),
        [
            "Secure development process",
            "Requirements and design",
            "Implementation and verification",
            "Release and support"
        ]
    );
    assert_eq!(assessment_for(&Role::ALL).phases(), Phase::ALL, "the asset owner's track, then the supplier's");
}

#[test]
fn risk_assessment_steps_follow_the_zcr_sequence() {
    // Nothing of the 3-2 process is done: every step is an action. Within each phase they come first, in the
    // order of IEC 62443-3-2 (before, ZCR 7.1 approval and ZCR 5.10 residual risk, of small effort, came
    // before ZCR 2.1 initial risk assessment and ZCR 3.1 zones).
    let mut a = assessment_with(Vec::new());
    for i in catalogue::items_of(Part::Programme) {
        a.set_response(&AnswerScope::Assessment, i.id, Response::with(Answer::Ml4));
    }
    let roadmap = roadmap_for(&a);
    let steps: Vec<&str> =
        roadmap.actions.iter().filter(|x| x.item.part == Part::RiskAssessment).map(|x| x.key).collect();
    assert_eq!(
        steps,
        [
            "zcr-1.1", // inventory
            "zcr-2.1", "zcr-3.1", "zcr-3.2", "zcr-3.3", "zcr-3.4", "zcr-3.5", "zcr-3.6", "zcr-4.1", "zcr-5.1",
            "zcr-5.2", "zcr-5.3", "zcr-5.4", "zcr-5.5", "zcr-5.7", "zcr-5.8", "zcr-5.10", "zcr-5.12", "zcr-5.13",
            "zcr-6.1", "zcr-6.3", "zcr-6.4", "zcr-6.5", "zcr-6.7", "zcr-6.8", "zcr-6.9", "zcr-7.1", // risk
            "zcr-5.6", // targets
        ]
    );
    let risk: Vec<&str> = roadmap.in_phase(Phase::Risk).map(|x| x.key).collect();
    assert_eq!(risk.first(), Some(&"zcr-2.1"));
    assert_eq!(risk.last(), Some(&"zcr-7.1"), "the owner approves last");
}
