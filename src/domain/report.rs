//! What the report says before the details: the executive summary, the gap register and the appendix of
//! every answer. The on-screen report and the exports (`export.rs`) read the same values, so a printed
//! report, a CSV and a Markdown file never disagree.

use crate::domain::answers::Answer;
use crate::domain::answers::{Response, Status};
use crate::domain::assessment::{ActionPlan, ActionStatus, AnswerScope, Assessment, Mode};
use crate::domain::catalogue::Fr;
use crate::domain::catalogue::{self, Item, ItemKind, Part};
use crate::domain::roadmap::{Action, Horizon, Roadmap};
use crate::domain::scoring::{item_maturity, process_readiness, FrResult, Scorecard, Standing, ZoneResult};

/// How many gaps and first steps the executive summary lists.
pub const SUMMARY_LENGTH: usize = 5;

/// The first page of the report: what a manager reads before anything else.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExecutiveSummary {
    /// A few plain sentences: zones assessed, how many reach their target, the largest gap, programme
    /// maturity against its target and how many questions are open.
    pub overall: String,
    /// One readiness line per zone ([`crate::domain::ZoneResult::readiness`]), in zone order, then one per
    /// product ([`crate::domain::ZoneResult::capability_line`]) followed by whether its development process
    /// backs its SL-C ([`crate::domain::ProcessReadiness::sentence`]).
    pub zone_lines: Vec<String>,
    /// The most important gaps ([`Roadmap::ranked`]) whose action is not marked done, at most five.
    pub top_gaps: Vec<Action>,
    /// The first five actions of the 0-3 months horizon in roadmap order, topped up from 3-12 months;
    /// actions marked done are left out.
    pub first_steps: Vec<Action>,
    /// How many actions are marked done while their questions are still answered as not met (or not
    /// answered): the levels count them only once the answers say so.
    pub done_not_answered: usize,
}

/// Builds the executive summary from the scorecard and roadmap of the same assessment.
///
/// ```
/// use iec62443_assess::*;
/// let mut a = Assessment::new("a1", "Plant", "2026-11-20T09:00:00Z");
/// a.zones.push(Zone::new("z1", "Cell A"));
/// let card = score(&a);
/// let roadmap = roadmap_with(&a, &card.zones);
/// let summary = executive_summary(&a, &card, &roadmap);
/// assert!(summary.overall.starts_with("1 zone defined (full assessment). Nothing is answered yet"));
/// assert_eq!(summary.top_gaps.len(), 5);
/// ```
pub fn executive_summary(assessment: &Assessment, card: &Scorecard, roadmap: &Roadmap) -> ExecutiveSummary {
    // Done actions are finished work: they leave the lists of what to do.
    let not_done = |a: &&Action| assessment.action_status(a.key) != ActionStatus::Done;
    let mut first_steps: Vec<Action> =
        roadmap.in_horizon(Horizon::Now).filter(not_done).take(SUMMARY_LENGTH).cloned().collect();
    let missing = SUMMARY_LENGTH - first_steps.len();
    first_steps.extend(roadmap.in_horizon(Horizon::Next).filter(not_done).take(missing).cloned());
    ExecutiveSummary {
        done_not_answered: roadmap.actions.iter().filter(|a| !not_done(a)).count(),
        overall: overall(assessment, card),
        zone_lines: card
            .zones
            .iter()
            .map(|z| z.readiness())
            .chain(
                card.products
                    .iter()
                    .zip(process_readiness(card))
                    .map(|(p, process)| format!("Product {} {}", p.capability_line(), process.sentence())),
            )
            .collect(),
        top_gaps: roadmap.ranked().into_iter().filter(not_done).take(SUMMARY_LENGTH).cloned().collect(),
        first_steps,
    }
}

/// "1 zone" or "3 zones".
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The plain name of an assessment mode, as the report writes it.
pub fn mode_label(mode: Mode) -> &'static str {
    match mode {
        Mode::Full => "full assessment",
        Mode::Quick => "quick scan",
    }
}

/// The largest known gap ([`Standing::KnownGap`]) over zones (or products); on a tie the first one, then the
/// lowest FR. A gap held only by unanswered questions is not yet established, so it is not named here.
fn largest_gap(results: &[ZoneResult]) -> Option<(&ZoneResult, &FrResult)> {
    let mut largest: Option<(&ZoneResult, &FrResult)> = None;
    for result in results {
        for fr in result.frs.iter().filter(|f| f.standing() == Standing::KnownGap) {
            if fr.gap() > largest.map_or(0, |(_, best)| best.gap()) {
                largest = Some((result, fr));
            }
        }
    }
    largest
}

fn overall(assessment: &Assessment, card: &Scorecard) -> String {
    let mode = mode_label(assessment.profile.mode);
    let zones = card.zones.len();
    let (answered, asked) = card.progress;
    let mut sentences = Vec::new();
    let systems = assessment.answers_part(Part::SystemRequirements);
    let products = card.products.len();
    if systems {
        sentences.push(match (zones, answered) {
            (0, _) => format!("No zones defined yet ({mode}), so no security levels are assessed."),
            (n, 0) => format!("{} defined ({mode}).", count(n, "zone", "zones")),
            (n, _) => format!("{} assessed ({mode}).", count(n, "zone", "zones")),
        });
    }
    if assessment.answers_part(Part::ComponentRequirements) {
        sentences.push(match (products, answered) {
            (0, _) => format!("No products defined yet ({mode}), so no component capability is assessed."),
            (n, 0) => format!("{} defined ({mode}).", count(n, "product", "products")),
            (n, _) => format!("{} assessed ({mode}).", count(n, "product", "products")),
        });
    }
    if sentences.is_empty() {
        sentences.push(format!("Capability maturity assessment ({mode})."));
    }
    if answered == 0 {
        // Every SL-A would be 0 and every practice "not performed": saying so would only mislead.
        sentences.push(format!(
            "Nothing is answered yet: all {} are open, so there are no results to report.",
            count(asked, "question", "questions")
        ));
        return sentences.join(" ");
    }

    if zones > 0 {
        let reaching = card.zones.iter().filter(|z| z.frs_meeting_target() == 7).count();
        const ALL_SEVEN: &str = "in all seven foundational requirements";
        let mut sentence = match (reaching, zones) {
            (1, 1) => format!("The zone reaches its target {ALL_SEVEN}"),
            (_, 1) => format!("The zone does not yet reach its target {ALL_SEVEN}"),
            (0, n) => format!("None of the {n} zones reaches its target {ALL_SEVEN}"),
            (r, n) if r == n => format!("All {n} zones reach their target {ALL_SEVEN}"),
            (1, n) => format!("1 of {n} zones reaches its target {ALL_SEVEN}"),
            (r, n) => format!("{r} of {n} zones reach their target {ALL_SEVEN}"),
        };
        if let Some((zone, fr)) = largest_gap(&card.zones) {
            sentence.push_str(&format!(
                "; the largest gap is {} {} in zone {} (SL-A {}, SL-T {})",
                fr.fr.code(),
                fr.fr.name(),
                zone.zone_name,
                fr.achieved,
                fr.target
            ));
        }
        sentence.push('.');
        sentences.push(sentence);
        sentences.extend(standing_sentence(&card.zones, zones == 1, "zone"));
    }

    if products > 0 {
        let reaching = card.products.iter().filter(|p| p.frs_meeting_target() == 7).count();
        let mut sentence = if reaching == products {
            format!(
                "{} reach the aimed capability level in all seven foundational requirements",
                count(products, "product", "products")
            )
        } else {
            format!(
                "{reaching} of {} reach the aimed capability level in all seven foundational requirements",
                count(products, "product", "products")
            )
        };
        if let Some((product, fr)) = largest_gap(&card.products) {
            sentence.push_str(&format!(
                "; the largest gap is {} {} in product {} (SL-C {}, aimed {})",
                fr.fr.code(),
                fr.fr.name(),
                product.zone_name,
                fr.achieved,
                fr.target
            ));
        }
        sentence.push('.');
        sentences.push(sentence);
        sentences.extend(standing_sentence(&card.products, products == 1, "product"));
    }

    // The overall levels are this tool's summary (the lowest area), which the sentences say.
    for (result, name) in [
        (&card.maturity, "Programme maturity (IEC 62443-2-1, lowest programme area)"),
        (&card.service, "Integrator and service provider maturity (IEC 62443-2-4, lowest capability area)"),
        (&card.development, "Secure development maturity (IEC 62443-4-1, lowest practice)"),
    ] {
        if !assessment.answers_part(result.part) {
            continue;
        }
        let target = result.target;
        sentences.push(match result.overall {
            Some(level) => format!("{name}: ML{level} against a target of ML{target}."),
            None => format!("{name} is not rated (no practice applies); the target is ML{target}."),
        });
    }

    sentences.push(if answered == asked {
        format!("All {} answered.", count(asked, "question", "questions"))
    } else {
        format!("{} of {asked} questions unanswered.", asked - answered)
    });

    if assessment.profile.mode == Mode::Quick {
        sentences.push(
            "Quick scan results are indicative: it asks a subset of the questions and cannot show levels above \
             those it asks about."
                .to_string(),
        );
    }
    sentences.join(" ")
}

/// How many FRs below target have a known gap and how many are not yet assessed, when some are not yet
/// assessed, e.g. "Across the zones, 2 FRs have a known gap and 9 FRs are not yet assessed (only unanswered
/// questions hold them down)."
fn standing_sentence(results: &[ZoneResult], one: bool, noun: &str) -> Option<String> {
    let standings = results.iter().flat_map(|r| &r.frs).map(FrResult::standing);
    let (known, open) = standings.fold((0, 0), |(k, o), s| match s {
        Standing::KnownGap => (k + 1, o),
        Standing::NotYetAssessed => (k, o + 1),
        Standing::Reached => (k, o),
    });
    if open == 0 {
        return None;
    }
    let place = if one { format!("In the {noun}") } else { format!("Across the {noun}s") };
    let known = match known {
        0 => String::new(),
        k => format!("{} a known gap and ", count(k, "FR has", "FRs have")),
    };
    Some(format!(
        "{place}, {known}{} not yet assessed (only unanswered questions hold {} down).",
        count(open, "FR is", "FRs are"),
        if open == 1 { "it" } else { "them" }
    ))
}

/// One line of the gap register: an item that is not met (or met only through a compensating control)
/// in one zone, or for the whole organisation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GapEntry {
    /// The catalogue item.
    pub item: &'static Item,
    /// The zone (id, name) for IEC 62443-3-3 items; `None` for items answered once.
    pub zone: Option<(String, String)>,
    /// SL-A of the item's FR in the zone (3-3), or the practice's current maturity (2-1); `None` for 3-2.
    pub achieved: Option<u8>,
    /// SL-T of the item's FR in the zone (3-3), or the target maturity (2-1); `None` for 3-2.
    pub target: Option<u8>,
    /// The response as recorded (for 3-3 the zone's own, else the all-zones one); empty if none.
    pub response: Response,
    /// How the response counts. [`Status::MetByCompensation`] marks an entry listed only so that its
    /// justification is visible.
    pub status: Status,
    /// The roadmap action that closes this gap; `None` for compensated entries.
    pub action: Option<Action>,
    /// The user's plan for the item's action (default when nothing is decided).
    pub plan: ActionPlan,
}

impl GapEntry {
    /// Whether the entry is a question for a vendor: an IEC 62443-3-3 item answered Vendor to confirm. It
    /// counts as not met, and the report lists it apart ([`vendor_questions`]).
    pub fn is_vendor_question(&self) -> bool {
        self.response.answer == Some(Answer::VendorToConfirm)
    }
}

/// The gap register: one entry per unmet in-scope 3-3 item per zone (unanswered included, not
/// applicable excluded), per open 3-2 step and per 2-1 practice below the target maturity, plus one per
/// compensating control so that its justification is visible. The scope rules are the roadmap's.
///
/// Ordered by the roadmap position of the item's action, then zone order; entries whose item has no
/// action (only compensated) come last, in questionnaire order.
pub fn gap_register(assessment: &Assessment, card: &Scorecard, roadmap: &Roadmap) -> Vec<GapEntry> {
    let target_maturity = card.maturity.target;
    let roadmap_position = |item: &Item| roadmap.actions.iter().position(|a| a.key == item.id).unwrap_or(usize::MAX);
    let plan = |item: &Item| assessment.plan.get(item.id).cloned().unwrap_or_default();
    let mut entries: Vec<(usize, GapEntry)> = Vec::new();
    for item in questionnaire_order().filter(|i| assessment.asks(i)) {
        let action = roadmap.action(item.id);
        let position = roadmap_position(item);
        match item.kind {
            ItemKind::SystemRequirement { fr, .. } => {
                for zone in &assessment.zones {
                    if !assessment.in_scope(zone, item) {
                        continue;
                    }
                    let status = assessment.status(Some(&zone.id), item);
                    let open = !status.is_met() && status != Status::NotApplicable;
                    if !open && status != Status::MetByCompensation {
                        continue;
                    }
                    let concerned = action.filter(|a| a.zones.iter().any(|z| z.zone_id == zone.id));
                    let result = card.zones.iter().find(|r| r.zone_id == zone.id);
                    entries.push((
                        position,
                        GapEntry {
                            item,
                            zone: Some((zone.id.clone(), zone.name.clone())),
                            achieved: result.map(|r| r.achieved.get(fr).get()),
                            target: Some(zone.target.get(fr).get()),
                            response: assessment.zone_response(&zone.id, item.id).cloned().unwrap_or_default(),
                            status,
                            action: concerned.cloned(),
                            plan: plan(item),
                        },
                    ));
                }
            }
            ItemKind::ComponentRequirement { fr, .. } => {
                for product in &assessment.products {
                    if !assessment.in_product_scope(product, item) {
                        continue;
                    }
                    let status = assessment.status(Some(&product.id), item);
                    if status.is_met() || status == Status::NotApplicable {
                        continue;
                    }
                    let concerned = action.filter(|a| a.products.iter().any(|p| p.zone_id == product.id));
                    let result = card.products.iter().find(|r| r.zone_id == product.id);
                    entries.push((
                        position,
                        GapEntry {
                            item,
                            zone: Some((product.id.clone(), product.name.clone())),
                            achieved: result.map(|r| r.achieved.get(fr).get()),
                            target: Some(product.target.get(fr).get()),
                            response: assessment
                                .response_at(&AnswerScope::Product(product.id.clone()), item.id)
                                .cloned()
                                .unwrap_or_default(),
                            status,
                            action: concerned.cloned(),
                            plan: plan(item),
                        },
                    ));
                }
            }
            ItemKind::Process | ItemKind::Maturity { .. } => {
                let status = assessment.status(None, item);
                let (achieved, target) = match item.kind {
                    ItemKind::Maturity { .. } => match item_maturity(assessment, item) {
                        Some(current) => (Some(current), Some(target_maturity)),
                        None => continue, // not applicable: never a gap
                    },
                    _ => (None, None),
                };
                if action.is_none() && status != Status::MetByCompensation {
                    continue;
                }
                entries.push((
                    position,
                    GapEntry {
                        item,
                        zone: None,
                        achieved,
                        target,
                        response: assessment.answers.assessment.get(item.id).cloned().unwrap_or_default(),
                        status,
                        action: action.cloned(),
                        plan: plan(item),
                    },
                ));
            }
        }
    }
    // Stable: within one action (or among the compensated), questionnaire and zone order stay.
    entries.sort_by_key(|(position, _)| *position);
    entries.into_iter().map(|(_, e)| e).collect()
}

/// One question for the system or product vendors: an IEC 62443-3-3 item answered Vendor to confirm, with
/// the zones where it is so answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VendorQuestion {
    /// The catalogue item.
    pub item: &'static Item,
    /// The zones (id, name) where the item is in scope and answered Vendor to confirm, in zone order.
    pub zones: Vec<(String, String)>,
    /// The notes recorded with the answer (all-zones first, then each zone's), without repeats.
    pub notes: Vec<String>,
}

impl VendorQuestion {
    /// One line to send to the vendor, e.g. "SR 3.8 RE(2) Unique session ID generation (zones Control network,
    /// Plant DMZ): does the system issue a new, unique session ID at every login ...?" The question is the
    /// item's own, which is written for the plant ("In this zone, ..."); the line names the zones instead.
    pub fn line(&self) -> String {
        let zones: Vec<&str> = self.zones.iter().map(|(_, name)| name.as_str()).collect();
        let noun = if zones.len() == 1 { "zone" } else { "zones" };
        format!("{} {} ({noun} {}): {}", self.item.main_ref(), self.item.title, zones.join(", "), self.item.question)
    }
}

/// The questions for vendors: every asked IEC 62443-3-3 item answered Vendor to confirm in at least one zone
/// in whose scope it is, in questionnaire order. They count as not met (and are in the gap register, where
/// [`GapEntry::is_vendor_question`] marks them); the report lists them apart so they can be sent to the
/// vendors, whose IEC 62443-4-2 capability levels answer most of them.
pub fn vendor_questions(assessment: &Assessment) -> Vec<VendorQuestion> {
    let mut questions = Vec::new();
    for item in catalogue::items_of(Part::SystemRequirements).filter(|i| assessment.asks(i)) {
        let mut question = VendorQuestion { item, zones: Vec::new(), notes: Vec::new() };
        for zone in assessment.zones.iter().filter(|z| assessment.in_scope(z, item)) {
            let Some(response) = assessment.zone_response(&zone.id, item.id) else { continue };
            if response.answer != Some(Answer::VendorToConfirm) {
                continue;
            }
            question.zones.push((zone.id.clone(), zone.name.clone()));
            for note in [response.notes.as_str(), assessment.zone_notes(&zone.id, item.id)] {
                if !note.trim().is_empty() && !question.notes.iter().any(|n| n == note) {
                    question.notes.push(note.to_string());
                }
            }
        }
        if !question.zones.is_empty() {
            questions.push(question);
        }
    }
    questions
}

/// The editions the assessment follows, for the report's cover: "Follows IEC 62443-3-2:2020,
/// IEC 62443-3-3:2013 and IEC 62443-2-1:2024." with the parts the roles answer, in questionnaire order.
pub fn editions_line(assessment: &Assessment) -> String {
    let parts: Vec<String> =
        Part::ALL.into_iter().filter(|p| assessment.answers_part(*p)).map(|p| p.citation()).collect();
    match parts.as_slice() {
        [] => "Follows no part of IEC 62443: no role is chosen.".to_string(),
        [one] => format!("Follows {one}."),
        [rest @ .., last] => format!("Follows {} and {last}.", rest.join(", ")),
    }
}

/// One line per conduit for the scope section of the report and the results: its name, the zones it joins
/// and its target level, e.g. "Historian link (Treatment control to Plant DMZ): SL-T {2 2 3 1 3 3 3}, from
/// its zones." or "..., set for the conduit.". When a target set for the conduit is above the SL-T of both
/// zones in some FR, a second sentence names those FRs: the boundary requirements of neither zone (which
/// are assessed with the zone, see docs/scoring.md) are then aimed high enough for the conduit.
pub fn conduit_lines(assessment: &Assessment) -> Vec<String> {
    let zone_name = |id: &str| assessment.zone(id).map_or_else(|| id.to_string(), |z| z.name.clone());
    assessment
        .conduits
        .iter()
        .map(|c| {
            let target = assessment.conduit_target(c);
            let origin = if c.target.is_some() { "set for the conduit" } else { "from its zones" };
            let mut line = format!(
                "{} ({} to {}): SL-T {}, {origin}.",
                c.name,
                zone_name(&c.from),
                zone_name(&c.to),
                target.notation()
            );
            let zones = assessment.zones_target(c);
            let above: Vec<&str> =
                Fr::ALL.into_iter().filter(|fr| target.get(*fr) > zones.get(*fr)).map(|fr| fr.code()).collect();
            if !above.is_empty() {
                line.push_str(&format!(
                    " It is above the SL-T of both zones in {}: raise the SL-T of the zone whose boundary protects \
                     the conduit, or give the conduit protection of its own.",
                    above.join(", ")
                ));
            }
            line
        })
        .collect()
}

/// One answer in the report's appendix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppendixEntry {
    /// The catalogue item.
    pub item: &'static Item,
    /// The zone (id, name) for IEC 62443-3-3 items; `None` for items answered once.
    pub zone: Option<(String, String)>,
    /// The effective response, if anything is recorded.
    pub response: Option<Response>,
    /// Whether a 3-3 answer comes from the all-zones answer (the zone has no answer of its own).
    pub inherited: bool,
    /// For a 3-3 item the zone has no answer of its own to (inherited or unanswered), the notes the zone
    /// keeps itself ("" when none): a note alone does not replace the all-zones answer, but it belongs in
    /// the appendix. Empty when the zone has its own answer, whose notes are in `response`.
    pub zone_notes: String,
}

/// Every asked question, answered or not: 3-3 items once per zone in whose scope they are, the others
/// once. In questionnaire order (3-2, 3-3, 2-1; catalogue order within a part), then zone order. Its
/// length is the number of asked questions of [`Assessment::progress`].
pub fn appendix(assessment: &Assessment) -> Vec<AppendixEntry> {
    let mut entries = Vec::new();
    for item in questionnaire_order().filter(|i| assessment.asks(i)) {
        if item.part.per_zone() {
            for zone in assessment.zones.iter().filter(|z| assessment.in_scope(z, item)) {
                let response = assessment.zone_response(&zone.id, item.id).cloned();
                let own = assessment.has_override(&zone.id, item.id);
                entries.push(AppendixEntry {
                    item,
                    zone: Some((zone.id.clone(), zone.name.clone())),
                    inherited: response.is_some() && !own,
                    response,
                    zone_notes: if !own { assessment.zone_notes(&zone.id, item.id).to_string() } else { String::new() },
                });
            }
        } else if item.part.per_product() {
            for product in assessment.products.iter().filter(|p| assessment.in_product_scope(p, item)) {
                entries.push(AppendixEntry {
                    item,
                    zone: Some((product.id.clone(), product.name.clone())),
                    inherited: false,
                    response: assessment.response_at(&AnswerScope::Product(product.id.clone()), item.id).cloned(),
                    zone_notes: String::new(),
                });
            }
        } else {
            entries.push(AppendixEntry {
                item,
                zone: None,
                response: assessment.answers.assessment.get(item.id).cloned(),
                inherited: false,
                zone_notes: String::new(),
            });
        }
    }
    entries
}

/// Every item in the order the questionnaire presents the parts.
fn questionnaire_order() -> impl Iterator<Item = &'static Item> {
    Part::ALL.into_iter().flat_map(catalogue::items_of)
}

/// What the report and the exports say in the Zone column for items answered once.
pub const WHOLE_ORGANISATION: &str = "Whole organisation";

/// The answer as the user chose it, noting a missing justification (which makes it count as unanswered):
/// "Not answered", "Implemented", "Compensating control (justification missing)".
///
/// ```
/// use iec62443_assess::*;
/// assert_eq!(answer_text(&Response::default()), "Not answered");
/// assert_eq!(answer_text(&Response::with(Answer::Compensating)), "Compensating control (justification missing)");
/// ```
pub fn answer_text(response: &Response) -> String {
    match response.answer {
        None => "Not answered".to_string(),
        Some(a) if response.is_incomplete() => format!("{} (justification missing)", a.label()),
        Some(a) => a.label().to_string(),
    }
}
