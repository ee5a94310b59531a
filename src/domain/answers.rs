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
    /// The answer depends on the system or product vendor, who has been or will be asked (IEC 62443-3-3
    /// only). Counts as not met, and is listed apart as a question for vendors.
    VendorToConfirm,
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
    /// The scale of system requirements (3-3), in the order the UI offers it (number keys 1..7): the
    /// implementation scale and Vendor to confirm.
    pub const SYSTEM_SCALE: [Answer; 7] = {
        let r = Self::REQUIREMENT_SCALE;
        [r[0], r[1], r[2], r[3], r[4], r[5], Answer::VendorToConfirm]
    };

    /// The implementation scale of the risk assessment steps (3-2), in the order the UI offers it (number
    /// keys 1..6).
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
        } else if item.part.per_zone() {
            &Self::SYSTEM_SCALE
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
            Answer::VendorToConfirm => "Vendor to confirm",
            Answer::NotPerformed => "Not performed",
            Answer::Ml1 => "ML1 Initial",
            Answer::Ml2 => "ML2 Managed",
            Answer::Ml3 => "ML3 Defined (practiced)",
            Answer::Ml4 => "ML4 Improving",
        }
    }

    /// What a level of the maturity scale means, in general terms; each practice's own level texts say
    /// what it looks like for that practice. `None` for answers that are not maturity levels.
    ///
    /// The levels rate how established a practice is, not how much of the organisation it covers: a
    /// practice done by trained people following a written procedure is at ML2 even on one product line,
    /// and reaches ML3 when it is carried out that way across the whole scope, with records to show it.
    pub fn maturity_meaning(self) -> Option<&'static str> {
        Some(match self {
            Answer::NotPerformed => "The practice is not carried out.",
            Answer::Ml1 => "Done ad hoc: it depends on individuals, is not written down and may not be repeated.",
            Answer::Ml2 => {
                "Managed: a written procedure says how it is done, someone owns it, and the people who do it are \
                 trained and follow it."
            }
            Answer::Ml3 => {
                "Defined (practiced): carried out the same way across the whole scope, repeatedly, with records \
                 that show it."
            }
            Answer::Ml4 => "Improving: its results are measured and the measures are used to improve it.",
            _ => return None,
        })
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
            Answer::VendorToConfirm => "vendor_to_confirm",
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
/// `{"answer": ..., "justification": ..., "notes": ..., "evidence": [...]}`, each left out when empty
/// (`evidence` since schema 5).
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
    /// What backs the answer: documents, intranet links, dates (schema 5).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
}

/// Most evidence references one answer may carry.
pub const MAX_EVIDENCE: usize = 20;

/// One piece of evidence behind an answer: a document's name, where to find it and its date. Saved as
/// `{"document": ..., "link": ..., "date": ...}`, the link and date left out when empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    /// The document's name or a short description ("Firewall rule review 2026-Q3").
    pub document: String,
    /// Where to find it: an intranet address, a file share path, a document number.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub link: String,
    /// The document's date, as typed (usually YYYY-MM-DD).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
}

impl Evidence {
    /// The link when it is a web address (`https://` or `http://`) that may be shown as a link; other
    /// text (a share path, a document number, or anything else) is shown as text only.
    ///
    /// ```
    /// use iec62443_assess::Evidence;
    /// let e = |link: &str| Evidence { document: "Policy".into(), link: link.into(), date: String::new() };
    /// assert_eq!(e("https://intranet/policy").web_link(), Some("https://intranet/policy"));
    /// assert_eq!(e("javascript:alert(1)").web_link(), None);
    /// assert_eq!(e("\\\\server\\share").web_link(), None);
    /// ```
    pub fn web_link(&self) -> Option<&str> {
        let link = self.link.trim();
        let lower = link.get(..8).unwrap_or(link).to_ascii_lowercase();
        (lower.starts_with("https://") || lower.starts_with("http://")).then_some(link)
    }

    /// One line: "Firewall rule review (2026-09-30, https://intranet/fw)".
    ///
    /// ```
    /// use iec62443_assess::Evidence;
    /// let e = Evidence { document: "Policy".into(), link: "DMS-42".into(), date: "2026-01-31".into() };
    /// assert_eq!(e.line(), "Policy (2026-01-31, DMS-42)");
    /// ```
    pub fn line(&self) -> String {
        let details: Vec<&str> = [self.date.trim(), self.link.trim()].into_iter().filter(|s| !s.is_empty()).collect();
        if details.is_empty() {
            self.document.trim().to_string()
        } else {
            format!("{} ({})", self.document.trim(), details.join(", "))
        }
    }
}

impl Response {
    /// A response with just an answer.
    pub fn with(answer: Answer) -> Response {
        Response { answer: Some(answer), ..Response::default() }
    }

    /// A response with an answer and a justification.
    pub fn justified(answer: Answer, justification: &str) -> Response {
        Response { answer: Some(answer), justification: justification.to_string(), ..Response::default() }
    }

    /// Whether an answer is chosen but lacks the justification it needs (a justification made only of
    /// spaces, line breaks or invisible characters is no justification: see [`is_blank`]).
    pub fn is_incomplete(&self) -> bool {
        matches!(self.answer, Some(a) if a.needs_justification()) && is_blank(&self.justification)
    }

    /// Whether the response chooses an answer (notes or a justification alone do not).
    pub fn has_answer(&self) -> bool {
        self.answer.is_some()
    }

    /// Whether nothing at all is recorded.
    pub fn is_empty(&self) -> bool {
        self.answer.is_none() && self.justification.is_empty() && self.notes.is_empty() && self.evidence.is_empty()
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
            Some(Answer::DontKnow | Answer::VendorToConfirm) => Status::NotMet,
            Some(Answer::Partial | Answer::NotImplemented) => Status::NotMet,
            Some(a) => match a.maturity_level() {
                Some(level) => Status::Maturity(level),
                None => Status::Unanswered,
            },
        }
    }
}

/// Whether a text says nothing: empty, or only white space (every Unicode space and line break, e.g.
/// U+00A0, U+2003, U+3000) and invisible format characters (zero-width space U+200B, zero-width non-joiner
/// and joiner U+200C-U+200D, word joiner U+2060, byte order mark U+FEFF, Mongolian vowel separator
/// U+180E, soft hyphen U+00AD), which a paste can bring in and which show nothing.
///
/// ```
/// use iec62443_assess::is_blank;
/// assert!(is_blank(" \u{a0}\u{2003}\u{3000}\u{200b}\u{feff}\n"));
/// assert!(!is_blank("\u{200b}VPN"));
/// ```
pub fn is_blank(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_whitespace() || matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{180e}' | '\u{ad}')
    })
}

/// How a response counts for scoring.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// Implemented.
    Met,
    /// Met through a justified compensating control.
    MetByCompensation,
    /// Partially implemented, not implemented, don't know or vendor to confirm.
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
