//! The target-level wizard with hand-computed suggestions. The matrix (rows: consequence 0..3, columns:
//! threat 0..3) is
//!
//! ```text
//!            casual simple sophisticated resourced
//! negligible    1      1        1            2
//! minor         1      2        2            2
//! serious       2      2        3            3
//! severe        2      3        3            4
//! ```

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
    assert_eq!((s.consequence, s.exposure, s.threat, s.base), (0, 0, 0, 1));
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
    // The finance and attacker options score 0, 1, 2, 3 in this order and raise nothing.
    let finance = ["small", "noticeable", "major", "existential"];
    let attacker = ["casual", "simple", "skilled", "state"];
    let expected = [[1, 1, 1, 2], [1, 2, 2, 2], [2, 2, 3, 3], [2, 3, 3, 4]];
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
fn a_severe_consequence_and_a_skilled_attacker_give_the_matrix_value_raised_where_lives_are_at_stake() {
    let s = suggest_target(&answers(&[("safety", "fatal"), ("attacker", "skilled"), ("connectivity", "isolated")]));
    // matrix[severe][sophisticated] = 3; possible fatalities raise FR3 and FR7 by one.
    assert_eq!((s.consequence, s.exposure, s.threat, s.base), (3, 0, 2, 3));
    assert_eq!(s.target, target([3, 3, 4, 3, 3, 3, 4]));
    assert_eq!(
        s.rationale,
        [
            "Worst credible consequence: severe (Possible fatalities, on site or off site).",
            "Likely attacker: sophisticated attack with control-system knowledge; exposure: isolated.",
            "Together these suggest SL 3 as the baseline for every foundational requirement.",
            "FR3, FR7 raised: possible loss of life makes the integrity and availability of the zone critical.",
            "7 question(s) are unanswered and were counted at their lowest option.",
        ]
    );
}

#[test]
fn exposure_raises_the_threat_to_consider() {
    let alone = suggest_target(&answers(&[("finance", "major"), ("attacker", "simple")]));
    assert_eq!(alone.base, 2, "matrix[serious][simple]");

    let reachable =
        suggest_target(&answers(&[("finance", "major"), ("attacker", "simple"), ("connectivity", "internal")]));
    assert_eq!(reachable.exposure, 1);
    assert_eq!(reachable.base, 3, "threat 1 + exposure 1: matrix[serious][sophisticated]");
    assert_eq!(reachable.target, target([3; 7]));
    assert!(mentions(
        &reachable,
        "Likely attacker: intentional attack with simple means; exposure: reachable through other networks, \
         which raises the threat to consider by 1."
    ));
}

#[test]
fn exposure_is_the_highest_exposure_answer_not_the_sum() {
    let s = suggest_target(&answers(&[
        ("finance", "major"),
        ("attacker", "simple"),
        ("connectivity", "internal"),
        ("remote", "controlled"),
        ("portable", "never"),
    ]));
    assert_eq!(s.exposure, 1);
    assert_eq!(s.base, 3, "matrix[serious][1 + 1]");
}

#[test]
fn exposure_cannot_push_the_threat_beyond_the_strongest_attacker() {
    // Skilled attacker (2) directly reachable (2): the threat considered is 3, not 4.
    let s = suggest_target(&answers(&[("finance", "major"), ("attacker", "skilled"), ("connectivity", "direct")]));
    assert_eq!(s.base, 3, "matrix[serious][resourced]");
    assert_eq!(s.target, target([3, 3, 3, 3, 4, 3, 3]), "a direct connection raises FR5");
    assert!(mentions(
        &s,
        "Likely attacker: sophisticated attack with control-system knowledge; exposure: directly reachable from \
         outside, which raises the threat to consider by 1."
    ));

    let strongest =
        suggest_target(&answers(&[("finance", "major"), ("attacker", "state"), ("connectivity", "internal")]));
    assert_eq!(strongest.base, 3, "matrix[serious][resourced]");
    assert!(mentions(
        &strongest,
        "Likely attacker: well-resourced, highly motivated attack; exposure: reachable through other networks."
    ));
    assert!(!mentions(&strongest, "raises the threat"), "exposure adds nothing to the strongest attacker");
}

#[test]
fn fr_raises_add_up_and_stop_at_sl4() {
    let s = suggest_target(&answers(&[
        ("finance", "existential"),
        ("attacker", "skilled"),
        ("confidentiality", "high"), // FR4 + 2
        ("safety", "fatal"),         // FR3 + 1, FR7 + 1
        ("environment", "major"),    // FR3 + 1
    ]));
    // Base matrix[severe][sophisticated] = 3. FR4: 3 + 2 capped at 4. FR3: 3 + 1 + 1 capped at 4.
    assert_eq!(s.base, 3);
    assert_eq!(s.target, target([3, 3, 4, 4, 3, 3, 4]));
    // Safety came first and already took FR3 to 4, so the environment reason raised nothing.
    let raises: Vec<&String> = s.rationale.iter().filter(|l| l.contains(" raised: ")).collect();
    assert_eq!(
        raises,
        [
            "FR3, FR7 raised: possible loss of life makes the integrity and availability of the zone critical.",
            "FR4 raised: the zone holds trade secrets, regulated or personal data.",
        ]
    );
}

#[test]
fn a_raise_at_sl4_is_not_given_as_a_reason() {
    let s = suggest_target(&answers(&[("finance", "existential"), ("attacker", "state"), ("connectivity", "direct")]));
    assert_eq!(s.base, 4);
    assert_eq!(s.target, target([4; 7]));
    assert!(!mentions(&s, "raised:"), "FR5 was already at 4");
}

#[test]
fn consequence_is_the_worst_answer_and_names_it() {
    let s = suggest_target(&answers(&[("safety", "minor"), ("production", "essential"), ("finance", "small")]));
    assert_eq!(s.consequence, 3);
    assert_eq!(s.base, 2, "matrix[severe][casual]");
    // An essential service raises FR6 and FR7.
    assert_eq!(s.target, target([2, 2, 2, 2, 2, 3, 3]));
    assert_eq!(
        s.rationale[0],
        "Worst credible consequence: severe (An essential service to the public (power, water, heat, health) would stop)."
    );
    assert!(mentions(&s, "FR6, FR7 raised: an essential service depends on the zone staying available"));
}

#[test]
fn an_unknown_option_counts_as_unanswered() {
    let s = suggest_target(&answers(&[("safety", "catastrophic"), ("attacker", "state")]));
    assert!(s.unanswered.contains(&"safety"));
    assert!(!s.unanswered.contains(&"attacker"));
    assert_eq!(s.base, 2, "matrix[negligible][resourced]");
    assert!(mentions(&s, "9 question(s) are unanswered"));
}
