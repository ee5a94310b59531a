//! The answer scales and what an answer counts as.

use crate::domain::catalogue::Item;
use serde::{Deserialize, Serialize};

/// An answer to an item. Requirement items (3-3, 3-2) take the implementation scale; programme items
/// (2-1) take the maturity scale. Not applicable and Don't know belong to both. Saved as its
/// [`Answer::code`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// Fully in place.
    Implemented,
    /// Partly in place.
    Partial,
    /// Not in place.
    NotImplemented,
    /// Met by another measure; needs a justification.
    Compensating,
    /// Does not apply; needs a justification.
    NotApplicable,
    /// The person answering does not know.
    DontKnow,
    /// Maturity: the practice is not performed.
    NotPerformed,
    /// Maturity level 1, Initial.
    Ml1,
    /// Maturity level 2, Managed.
    Ml2,
    /// Maturity level 3, Defined (practiced).
    Ml3,
    /// Maturity level 4, Improving.
    Ml4,
}

impl Answer {
    /// The implementation scale, in the order the UI offers it (number keys 1..6).
    pub const REQUIREMENT_SCALE: [Answer; 6] = [
        Answer::Implemented,
        Answer::Partial,
        Answer::NotImplemented,
        Answer::Compensating,
        Answer::NotApplicable,
        Answer::DontKnow,
    ];

    /// The maturity scale, in the order the UI offers it (number keys 1..7).
    pub const MATURITY_SCALE: [Answer; 7] = [
        Answer::NotPerformed,
        Answer::Ml1,
        Answer::Ml2,
        Answer::Ml3,
        Answer::Ml4,
        Answer::NotApplicable,
        Answer::DontKnow,
    ];

    /// The scale of component requirements (4-2): a component's capability cannot rest on a
    /// compensating control, which is a property of the system around it.
    pub const COMPONENT_SCALE: [Answer; 5] =
        [Answer::Implemented, Answer::Partial, Answer::NotImplemented, Answer::NotApplicable, Answer::DontKnow];

    /// The scale that fits an item.
    pub fn scale_for(item: &Item) -> &'static [Answer] {
        if item.is_maturity() {
            &Self::MATURITY_SCALE
        } else if item.part.per_product() {
            &Self::COMPONENT_SCALE
        } else {
            &Self::REQUIREMENT_SCALE
        }
    }

    /// Whether this answer belongs to the item's scale.
    pub fn fits(self, item: &Item) -> bool {
        Self::scale_for(item).contains(&self)
    }

    /// The label shown to the user.
    pub fn label(self) -> &'static str {
        match self {
            Answer::Implemented => "Implemented",
            Answer::Partial => "Partially implemented",
            Answer::NotImplemented => "Not implemented",
            Answer::Compensating => "Compensating control",
            Answer::NotApplicable => "Not applicable",
            Answer::DontKnow => "Don't know",
            Answer::NotPerformed => "Not performed",
            Answer::Ml1 => "ML1 Initial",
            Answer::Ml2 => "ML2 Managed",
            Answer::Ml3 => "ML3 Defined (practiced)",
            Answer::Ml4 => "ML4 Improving",
        }
    }

    /// The stable code used in files (`implemented`, `ml2`...): serde's snake_case name of the variant
    /// (tests/storage.rs checks that the two agree).
    pub fn code(self) -> &'static str {
        match self {
            Answer::Implemented => "implemented",
            Answer::Partial => "partial",
            Answer::NotImplemented => "not_implemented",
            Answer::Compensating => "compensating",
            Answer::NotApplicable => "not_applicable",
            Answer::DontKnow => "dont_know",
            Answer::NotPerformed => "not_performed",
            Answer::Ml1 => "ml1",
            Answer::Ml2 => "ml2",
            Answer::Ml3 => "ml3",
            Answer::Ml4 => "ml4",
        }
    }

    /// Whether the answer is only complete with a justification.
    pub fn needs_justification(self) -> bool {
        matches!(self, Answer::Compensating | Answer::NotApplicable)
    }

    /// The maturity level 0..=4 this answer stands for, if it is a level.
    pub fn maturity_level(self) -> Option<u8> {
        match self {
            Answer::NotPerformed => Some(0),
            Answer::Ml1 => Some(1),
            Answer::Ml2 => Some(2),
            Answer::Ml3 => Some(3),
            Answer::Ml4 => Some(4),
            _ => None,
        }
    }
}

/// What a user recorded for one item (in one zone, for 3-3 items). Saved as
/// `{"answer": ..., "justification": ..., "notes": ...}`, each left out when empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Response {
    /// The chosen answer, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<Answer>,
    /// Why it is not applicable, or what the compensating control is.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub justification: String,
    /// Free notes.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

impl Response {
    /// A response with just an answer.
    pub fn with(answer: Answer) -> Response {
        Response { answer: Some(answer), ..Response::default() }
    }

    /// A response with an answer and a justification.
    pub fn justified(answer: Answer, justification: &str) -> Response {
        Response { answer: Some(answer), justification: justification.to_string(), notes: String::new() }
    }

    /// Whether an answer is chosen but lacks the justification it needs.
    pub fn is_incomplete(&self) -> bool {
        matches!(self.answer, Some(a) if a.needs_justification()) && self.justification.trim().is_empty()
    }

    /// Whether nothing at all is recorded.
    pub fn is_empty(&self) -> bool {
        self.answer.is_none() && self.justification.is_empty() && self.notes.is_empty()
    }

    /// How the response counts for scoring.
    pub fn status(&self) -> Status {
        if self.is_incomplete() {
            return Status::Unanswered;
        }
        match self.answer {
            None => Status::Unanswered,
            Some(Answer::Implemented) => Status::Met,
            Some(Answer::Compensating) => Status::MetByCompensation,
            Some(Answer::NotApplicable) => Status::NotApplicable,
            Some(Answer::DontKnow) => Status::NotMet,
            Some(Answer::Partial | Answer::NotImplemented) => Status::NotMet,
            Some(a) => match a.maturity_level() {
                Some(level) => Status::Maturity(level),
                None => Status::Unanswered,
            },
        }
    }
}

/// How a response counts for scoring.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// Implemented.
    Met,
    /// Met through a justified compensating control.
    MetByCompensation,
    /// Partially implemented, not implemented or don't know.
    NotMet,
    /// Justified as not applicable: left out of the scoring.
    NotApplicable,
    /// No answer, or an answer that still lacks its justification.
    Unanswered,
    /// A maturity level 0..=4 (0 = not performed).
    Maturity(u8),
}

impl Status {
    /// Whether the item counts as met (implemented or compensated).
    pub fn is_met(self) -> bool {
        matches!(self, Status::Met | Status::MetByCompensation)
    }
}
