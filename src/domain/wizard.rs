//! The target-level wizard: a few questions about consequences, exposure and attackers suggest an SL-T
//! vector for a zone, with the reasons. The rules, and reference zones with the vectors they get, are in
//! docs/scoring.md section 5 (tests/wizard.rs checks every row).

use crate::domain::assessment::SlVector;
use crate::domain::catalogue::{Dimension, Fr, SecurityLevel, WizardQuestion, WIZARD_MATRIX, WIZARD_QUESTIONS};
use std::collections::BTreeMap;

const CONSEQUENCE: [&str; 4] = ["negligible", "minor", "serious", "severe"];
const THREAT: [&str; 4] = [
    "casual or accidental misuse",
    "intentional attack with simple means",
    "sophisticated attack with control-system knowledge",
    "state-level attack, accepted as in scope",
];

/// The highest threat considered that exposure can lead to: a direct connection makes a sophisticated
/// attacker plausible, never a state-level one (that takes the owner's explicit acceptance).
const EXPOSED_THREAT: u8 = 2;

/// The highest level any FR is suggested at unless a state-level attacker is accepted as in scope: SL 4 is
/// for resisting such attackers.
const CEILING: u8 = 3;
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
    /// The highest level suggested for any FR: 3, or 4 when a state-level attacker is accepted as in scope.
    pub ceiling: u8,
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
///
/// Exposure is counted once: a direct connection raises the threat considered (up to a sophisticated
/// attacker), while remote access and portable devices raise the FRs that guard those paths. No FR goes
/// above SL 3 unless a state-level attacker is accepted as in scope.
pub fn suggest_target(answers: &BTreeMap<String, String>) -> WizardSuggestion {
    let mut scores = [0u8; 3];
    let mut drivers: [Option<&str>; 3] = [None; 3];
    let mut unanswered = Vec::new();
    let mut raises: Vec<(Fr, u8, &str)> = Vec::new();
    let mut notes: Vec<&str> = Vec::new();
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
        if option.raise.is_empty() && !option.reason.is_empty() {
            notes.push(option.reason);
        }
    }
    let [consequence, exposure, threat] = scores;
    let (consequence, exposure, threat) = (consequence.min(3), exposure.min(2), threat.min(3));
    let effective_threat =
        if threat >= EXPOSED_THREAT { threat } else { (threat + u8::from(exposure >= 2)).min(EXPOSED_THREAT) };
    let ceiling = if threat >= 3 { 4 } else { CEILING };
    let base = WIZARD_MATRIX[usize::from(consequence)][usize::from(effective_threat)].min(ceiling);
    let mut levels = [base; 7];
    let mut rationale = vec![format!(
        "Worst credible consequence: {}{}.",
        CONSEQUENCE[usize::from(consequence)],
        drivers[0].map(|l| format!(" ({l})")).unwrap_or_default()
    )];
    // Say only what exposure actually adds.
    let added = effective_threat.saturating_sub(threat);
    rationale.push(format!(
        "Likely attacker: {}; exposure: {}{}.",
        THREAT[usize::from(threat)],
        EXPOSURE[usize::from(exposure)],
        if added > 0 { format!(", which raises the threat to consider by {added}") } else { String::new() }
    ));
    for note in notes {
        rationale.push(format!("Note: {note}"));
    }
    rationale.push(format!("Together these suggest SL {base} as the baseline for every foundational requirement."));
    // The FRs each reason raised, by reason in alphabetical order.
    let mut seen_reason: Vec<(&str, Vec<&str>)> = Vec::new();
    let mut capped = false;
    for (fr, by, reason) in raises {
        let slot = &mut levels[fr.index()];
        let before = *slot;
        capped |= before + by > ceiling && ceiling < 4;
        *slot = (*slot + by).min(ceiling);
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
    if capped {
        rationale.push(format!(
            "No foundational requirement is suggested above SL {CEILING}: SL 4 is for a state-level attacker \
             accepted as in scope."
        ));
    }
    let mut target = SlVector::default();
    for fr in Fr::ALL {
        target.set(fr, SecurityLevel::new(levels[fr.index()].clamp(1, 4)).unwrap_or(SecurityLevel::MAX));
    }
    if !unanswered.is_empty() {
        rationale
            .push(format!("{} question(s) are unanswered and were counted at their lowest option.", unanswered.len()));
    }
    WizardSuggestion { target, consequence, exposure, threat, base, ceiling, rationale, unanswered }
}
