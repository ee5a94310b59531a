//! The target-level wizard: a few questions about consequences, exposure and attackers suggest an SL-T
//! vector for a zone, with the reasons.

use crate::domain::assessment::SlVector;
use crate::domain::catalogue::{Dimension, Fr, SecurityLevel, WizardQuestion, WIZARD_MATRIX, WIZARD_QUESTIONS};
use std::collections::BTreeMap;

const CONSEQUENCE: [&str; 4] = ["negligible", "minor", "serious", "severe"];
const THREAT: [&str; 4] = [
    "casual or accidental misuse",
    "intentional attack with simple means",
    "sophisticated attack with control-system knowledge",
    "well-resourced, highly motivated attack",
];
const EXPOSURE: [&str; 3] = ["isolated", "reachable through other networks", "directly reachable from outside"];

/// The wizard's suggestion for a zone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WizardSuggestion {
    /// Suggested SL-T per FR.
    pub target: SlVector,
    /// Worst consequence, 0..=3.
    pub consequence: u8,
    /// Exposure, 0..=2.
    pub exposure: u8,
    /// Attacker profile, 0..=3.
    pub threat: u8,
    /// Base level from the matrix, before FR-specific raises.
    pub base: u8,
    /// Plain sentences explaining the suggestion.
    pub rationale: Vec<String>,
    /// Questions not answered yet (the suggestion treats them as their lowest option).
    pub unanswered: Vec<&'static str>,
}

/// The chosen option of a question, if any.
fn chosen<'a>(
    answers: &BTreeMap<String, String>,
    q: &'a WizardQuestion,
) -> Option<&'a crate::domain::catalogue::WizardOption> {
    let id = answers.get(q.id)?;
    q.options.iter().find(|o| o.id == id)
}

/// Suggests an SL-T vector from the wizard's answers (question id -> option id).
pub fn suggest_target(answers: &BTreeMap<String, String>) -> WizardSuggestion {
    let mut scores = [0u8; 3];
    let mut drivers: [Option<&str>; 3] = [None; 3];
    let mut unanswered = Vec::new();
    let mut raises: Vec<(Fr, u8, &str)> = Vec::new();
    for q in WIZARD_QUESTIONS {
        let Some(option) = chosen(answers, q) else {
            unanswered.push(q.id);
            continue;
        };
        let d = match q.dimension {
            Dimension::Consequence => 0,
            Dimension::Exposure => 1,
            Dimension::Threat => 2,
        };
        if drivers[d].is_none() || option.score > scores[d] {
            scores[d] = option.score;
            drivers[d] = Some(option.label);
        }
        for (fr, by) in option.raise {
            raises.push((*fr, *by, option.reason));
        }
    }
    let [consequence, exposure, threat] = scores;
    let effective_threat = (threat + exposure).min(3);
    let base = WIZARD_MATRIX[usize::from(consequence.min(3))][usize::from(effective_threat)];
    let mut levels = [base; 7];
    let mut rationale = vec![format!(
        "Worst credible consequence: {}{}.",
        CONSEQUENCE[usize::from(consequence.min(3))],
        drivers[0].map(|l| format!(" ({l})")).unwrap_or_default()
    )];
    // Say only what exposure actually adds: the threat considered stops at 3.
    let added = effective_threat.saturating_sub(threat);
    rationale.push(format!(
        "Likely attacker: {}; exposure: {}{}.",
        THREAT[usize::from(threat.min(3))],
        EXPOSURE[usize::from(exposure.min(2))],
        if added > 0 { format!(", which raises the threat to consider by {added}") } else { String::new() }
    ));
    rationale.push(format!("Together these suggest SL {base} as the baseline for every foundational requirement."));
    // The FRs each reason raised, by reason in alphabetical order.
    let mut seen_reason: Vec<(&str, Vec<&str>)> = Vec::new();
    for (fr, by, reason) in raises {
        let slot = &mut levels[fr.index()];
        let before = *slot;
        *slot = (*slot + by).min(4);
        if *slot > before {
            match seen_reason.iter_mut().find(|(r, _)| *r == reason) {
                Some((_, frs)) => frs.push(fr.code()),
                None => seen_reason.push((reason, vec![fr.code()])),
            }
        }
    }
    seen_reason.sort_by(|a, b| a.0.cmp(b.0));
    for (reason, frs) in seen_reason {
        rationale.push(format!("{} raised: {reason}", frs.join(", ")));
    }
    let mut target = SlVector::default();
    for fr in Fr::ALL {
        target.set(fr, SecurityLevel::new(levels[fr.index()].clamp(1, 4)).unwrap_or(SecurityLevel::MAX));
    }
    if !unanswered.is_empty() {
        rationale
            .push(format!("{} question(s) are unanswered and were counted at their lowest option.", unanswered.len()));
    }
    WizardSuggestion { target, consequence, exposure, threat, base, rationale, unanswered }
}
