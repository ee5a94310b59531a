//! The target-level wizard with hand-computed suggestions, and every reference zone of docs/scoring.md
//! section 5. The matrix (rows: consequence 0..3, columns: threat considered 0..3) is
//!
//! ```text
//!            casual simple sophisticated state-level (accepted)
//! negligible    1      1        1            2
//! minor         1      1        2            2
//! serious       1      2        2            3
//! severe        2      2        3            4
//! ```
//!
//! Issue 16 changed the rules these tests check (exposure counted once, SL 4 only for an accepted
//! state-level attacker, harm counted through FR raises): the values below are the new rules', worked out
//! by hand.

use iec62443_assess::*;
use std::collections::BTreeMap;

fn answers(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs.iter().map(|(q, o)| (q.to_string(), o.to_string())).collect()
}

fn target(levels: [u8; 7]) -> SlVector {
    SlVector(levels.map(|l| SecurityLevel::new(l).expect("0..=4")))
}

fn mentions(suggestion: &WizardSuggestion, text: &str) -> bool {
    suggestion.rationale.iter().any(|line| line.contains(text))
}

#[test]
fn no_answers_suggest_sl1_everywhere_and_list_every_question_as_unanswered() {
    let s = suggest_target(&BTreeMap::new());
    assert_eq!(s.target, target([1; 7]));
    assert_eq!((s.consequence, s.exposure, s.threat, s.base, s.ceiling), (0, 0, 0, 1, 3));
    assert_eq!(
        s.unanswered,
        [
            "safety",
            "environment",
            "production",
            "finance",
            "confidentiality",
            "connectivity",
            "remote",
            "portable",
            "attacker",
            "sector"
        ]
    );
    assert_eq!(
        s.rationale,
        [
            "Worst credible consequence: negligible.",
            "Likely attacker: casual or accidental misuse; exposure: isolated.",
            "Together these suggest SL 1 as the baseline for every foundational requirement.",
            "10 question(s) are unanswered and were counted at their lowest option.",
        ]
    );
}

#[test]
fn without_raises_every_fr_gets_the_matrix_value() {
    // The finance options score 0, 1, 2, 3 and the attacker options casual, simple, skilled and
    // state_in_scope 0, 1, 2, 3; none of them raises anything.
    let finance = ["small", "noticeable", "major", "existential"];
    let attacker = ["casual", "simple", "skilled", "state_in_scope"];
    let expected = [[1, 1, 1, 2], [1, 1, 2, 2], [1, 2, 2, 3], [2, 2, 3, 4]];
    for (consequence, f) in finance.iter().enumerate() {
        for (threat, t) in attacker.iter().enumerate() {
            let s = suggest_target(&answers(&[("finance", f), ("attacker", t)]));
            let base = expected[consequence][threat];
            assert_eq!(s.base, base, "consequence {consequence}, threat {threat}");
            assert_eq!(s.target, target([base; 7]), "consequence {consequence}, threat {threat}");
        }
    }
}

#[test]
fn possible_fatalities_count_as_serious_and_raise_integrity_and_availability() {
    let s = suggest_target(&answers(&[("safety", "fatal"), ("attacker", "skilled"), ("connectivity", "isolated")]));
    // matrix[serious][sophisticated] = 2; possible fatalities raise FR3 and FR7 by one.
    assert_eq!((s.consequence, s.exposure, s.threat, s.base), (2, 0, 2, 2));
    assert_eq!(s.target, target([2, 2, 3, 2, 2, 2, 3]));
    assert_eq!(
        s.rationale,
        [
            "Worst credible consequence: serious (Possible fatalities, on site or off site).",
            "Likely attacker: sophisticated attack with control-system knowledge; exposure: isolated.",
            "Together these suggest SL 2 as the baseline for every foundational requirement.",
            "FR3, FR7 raised: possible loss of life makes the integrity and availability of the zone critical.",
            "7 question(s) are unanswered and were counted at their lowest option.",
        ]
    );
}

#[test]
fn a_direct_connection_raises_the_threat_to_consider_and_nothing_else() {
    let alone = suggest_target(&answers(&[("finance", "noticeable"), ("attacker", "simple")]));
    assert_eq!((alone.base, alone.target), (1, target([1; 7])), "matrix[minor][simple]");

    // Reachable through other networks: counted in the exposure, not in the threat.
    let internal =
        suggest_target(&answers(&[("finance", "noticeable"), ("attacker", "simple"), ("connectivity", "internal")]));
    assert_eq!((internal.exposure, internal.base), (1, 1));

    let direct =
        suggest_target(&answers(&[("finance", "noticeable"), ("attacker", "simple"), ("connectivity", "direct")]));
    assert_eq!(direct.exposure, 2);
    assert_eq!(direct.base, 2, "threat 1 + 1 for the direct connection: matrix[minor][sophisticated]");
    assert_eq!(direct.target, target([2; 7]), "and no FR raised on top: exposure counts once");
    assert!(mentions(
        &direct,
        "Likely attacker: intentional attack with simple means; exposure: directly reachable from outside, which \
         raises the threat to consider by 1."
    ));
}

#[test]
fn remote_access_and_portable_devices_raise_the_frs_that_guard_them_without_changing_the_threat() {
    let s = suggest_target(&answers(&[
        ("finance", "major"),
        ("attacker", "simple"),
        ("remote", "routine"),
        ("portable", "sometimes"),
    ]));
    assert_eq!((s.exposure, s.base), (0, 2), "matrix[serious][simple]: the threat considered stays 1");
    assert_eq!(s.target, target([3, 3, 3, 2, 2, 2, 2]), "FR1, FR2 for remote access, FR3 for portable devices");
    let controlled =
        suggest_target(&answers(&[("finance", "major"), ("attacker", "simple"), ("remote", "controlled")]));
    assert_eq!(controlled.target, target([2; 7]), "a controlled, supervised path raises nothing");
}

#[test]
fn exposure_cannot_make_an_attacker_state_level() {
    // A skilled attacker (2) directly reachable (2): the threat considered stays 2.
    let s =
        suggest_target(&answers(&[("finance", "existential"), ("attacker", "skilled"), ("connectivity", "direct")]));
    assert_eq!(s.base, 3, "matrix[severe][sophisticated]");
    assert_eq!((s.ceiling, s.target), (3, target([3; 7])));
    assert!(mentions(&s, "exposure: directly reachable from outside."), "exposure adds nothing to a skilled attacker");
}

#[test]
fn sl4_needs_a_state_level_attacker_accepted_as_in_scope() {
    let worst = [
        ("safety", "fatal"),
        ("production", "essential"),
        ("finance", "existential"),
        ("remote", "routine"),
        ("sector", "targeted"),
    ];
    // Named but not accepted: planned for as sophisticated, and every FR stops at 3.
    let mut named = worst.to_vec();
    named.push(("attacker", "state"));
    let s = suggest_target(&answers(&named));
    assert_eq!((s.threat, s.base, s.ceiling), (2, 3, 3));
    assert_eq!(s.target, target([3; 7]));
    assert!(mentions(&s, "Note: a state-level attacker is named but not accepted as in scope"));
    assert!(mentions(&s, "No foundational requirement is suggested above SL 3"));
    assert!(!mentions(&s, " raised: "), "every raise hit the ceiling");

    // Accepted: the baseline is matrix[severe][state-level] = 4.
    let mut accepted = worst.to_vec();
    accepted.push(("attacker", "state_in_scope"));
    let s = suggest_target(&answers(&accepted));
    assert_eq!((s.threat, s.base, s.ceiling), (3, 4, 4));
    assert_eq!(s.target, target([4; 7]));
    assert!(!mentions(&s, "raised:"), "everything is already at 4");
    assert!(!mentions(&s, "No foundational requirement"));
}

#[test]
fn a_regulated_utility_with_remote_access_no_longer_comes_out_at_sl4() {
    // Before issue 16: essential service (severe) + regulated (threat 2) + routine remote access (exposure 2)
    // gave a threat considered of 3, a baseline of 4 and SL 4 in all seven FRs.
    let s = suggest_target(&answers(&[("production", "essential"), ("sector", "regulated"), ("remote", "routine")]));
    // Consequence 2 (an essential service counts as serious), threat 1, exposure 0: matrix[serious][simple] = 2;
    // the essential service raises FR6 and FR7, the remote access FR1 and FR2.
    assert_eq!((s.consequence, s.threat, s.exposure, s.base), (2, 1, 0, 2));
    assert_eq!(s.target, target([3, 3, 2, 2, 2, 3, 3]));
}

#[test]
fn fr_raises_add_up_to_the_ceiling() {
    let s = suggest_target(&answers(&[
        ("finance", "major"),
        ("attacker", "skilled"),
        ("confidentiality", "high"), // FR4 + 2
        ("safety", "fatal"),         // FR3 + 1, FR7 + 1
        ("environment", "major"),    // FR3 + 1
    ]));
    // Base matrix[serious][sophisticated] = 2. FR4: 2 + 2 capped at 3. FR3: 2 + 1 + 1 capped at 3.
    assert_eq!(s.base, 2);
    assert_eq!(s.target, target([2, 2, 3, 3, 2, 2, 3]));
    // Safety came first and already took FR3 to 3, so the environment reason raised nothing.
    let raises: Vec<&String> = s.rationale.iter().filter(|l| l.contains(" raised: ")).collect();
    assert_eq!(
        raises,
        [
            "FR3, FR7 raised: possible loss of life makes the integrity and availability of the zone critical.",
            "FR4 raised: the zone holds trade secrets, regulated or personal data.",
        ]
    );
    assert!(mentions(&s, "No foundational requirement is suggested above SL 3"));
}

#[test]
fn consequence_is_the_worst_answer_and_names_it() {
    let s = suggest_target(&answers(&[("safety", "minor"), ("production", "essential"), ("finance", "small")]));
    assert_eq!(s.consequence, 2);
    assert_eq!(s.base, 1, "matrix[serious][casual]");
    // An essential service raises FR6 and FR7.
    assert_eq!(s.target, target([1, 1, 1, 1, 1, 2, 2]));
    assert_eq!(
        s.rationale[0],
        "Worst credible consequence: serious (An essential service to the public (power, water, heat, health) would stop)."
    );
    assert!(mentions(&s, "FR6, FR7 raised: an essential service depends on the zone staying available"));
}

#[test]
fn an_unknown_option_counts_as_unanswered() {
    let s = suggest_target(&answers(&[("safety", "catastrophic"), ("attacker", "state_in_scope")]));
    assert!(s.unanswered.contains(&"safety"));
    assert!(!s.unanswered.contains(&"attacker"));
    assert_eq!(s.base, 2, "matrix[negligible][state-level]");
    assert!(mentions(&s, "9 question(s) are unanswered"));
}

/// A row of the reference zones table: the zone, its answers (question id, option id), the expected vector.
type ReferenceZone = (String, Vec<(String, String)>, SlVector);

/// The reference zones table of docs/scoring.md section 5.
fn reference_zones() -> Vec<ReferenceZone> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/scoring.md");
    let docs = std::fs::read_to_string(path).expect("docs/scoring.md");
    let table = docs.split("**Reference zones.**").nth(1).expect("the reference zones paragraph");
    let mut rows = Vec::new();
    let lines = table.lines().skip_while(|l| !l.starts_with('|')).take_while(|l| l.starts_with('|'));
    for line in lines.filter(|l| !l.starts_with("| Zone |") && !l.starts_with("|---")) {
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        let [zone, given, vector] = cells[..] else { panic!("three cells in {line}") };
        let pairs = given
            .split(", ")
            .map(|pair| {
                let (q, o) = pair.split_once('=').unwrap_or_else(|| panic!("question=option in {pair}"));
                (q.to_string(), o.to_string())
            })
            .collect();
        let levels: Vec<u8> = vector.trim_matches(['{', '}']).split(' ').map(|l| l.parse().expect("a level")).collect();
        let levels: [u8; 7] = levels.try_into().expect("seven levels");
        rows.push((zone.to_string(), pairs, target(levels)));
    }
    rows
}

#[test]
fn every_reference_zone_of_the_docs_gets_the_vector_the_table_gives() {
    let rows = reference_zones();
    assert_eq!(rows.len(), 9, "the table's rows");
    for (zone, given, expected) in rows {
        for (q, o) in &given {
            let question = WIZARD_QUESTIONS.iter().find(|wq| wq.id == q).unwrap_or_else(|| panic!("{zone}: {q}"));
            assert!(question.options.iter().any(|opt| opt.id == o), "{zone}: {q} has no option {o}");
        }
        let pairs: Vec<(&str, &str)> = given.iter().map(|(q, o)| (q.as_str(), o.as_str())).collect();
        let s = suggest_target(&answers(&pairs));
        assert_eq!(s.target, expected, "{zone}: {:?}", s.rationale);
    }
}

#[test]
fn the_reference_zones_land_where_practitioners_put_them() {
    let rows = reference_zones();
    let of = |name: &str| rows.iter().find(|(zone, _, _)| zone.starts_with(name)).map(|r| r.2).expect(name);
    // A water utility's SCADA control zone with remote vendor access: between SL 2 and 3.
    let scada = of("Water utility SCADA");
    assert!(scada.0.iter().all(|l| (2..=3).contains(&l.get())), "{}", scada.notation());
    // Its safety PLCs: SL 3 in FR3 and FR7.
    let sis = of("Water utility safety PLCs");
    assert_eq!((sis.get(Fr::Fr3).get(), sis.get(Fr::Fr7).get()), (3, 3));
    // An office-facing DMZ: SL 2.
    assert_eq!(of("Office-facing DMZ"), target([2; 7]));
    // SL 4 only where a state-level attacker is accepted.
    for (zone, given, vector) in &rows {
        let accepted = given.iter().any(|(q, o)| q == "attacker" && o == "state_in_scope");
        assert_eq!(vector.0.iter().any(|l| l.get() == 4), accepted, "{zone}");
    }
}
