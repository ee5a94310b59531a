//! Scoring: achieved security levels (SL-A), coverage, programme maturity and readiness.
//! The rules are written out for customers in `docs/scoring.md`.

use crate::domain::answers::{Answer, Response, Status};
use crate::domain::assessment::{Assessment, Mode, Product, ResponseTables, SlVector, Zone};
use crate::domain::catalogue::{self, Fr, Item, Part, ProgrammeArea, SecurityLevel, ITEMS};

/// The highest level `n` such that every item whose lowest level is at most `n` is met (implemented or
/// compensated). Not-applicable items are left out; everything else counts as not met. The result never
/// exceeds `cap` (used by the quick scan, which only knows the levels it asked about).
pub fn achieved_level(items: impl IntoIterator<Item = (SecurityLevel, Status)>, cap: SecurityLevel) -> SecurityLevel {
    // The lowest level at which something is not met; SL-A is one below it.
    let first_unmet = items
        .into_iter()
        .filter(|(_, s)| !s.is_met() && *s != Status::NotApplicable)
        .map(|(level, _)| level.get())
        .min();
    let achieved = match first_unmet {
        Some(level) => level.saturating_sub(1),
        None => 4,
    };
    SecurityLevel::new(achieved.min(cap.get())).unwrap_or(SecurityLevel::ZERO)
}

/// Counts of in-scope items by how they are answered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Coverage {
    /// Items in scope.
    pub in_scope: usize,
    /// Met (implemented or compensated).
    pub met: usize,
    /// Of those met, met through a compensating control.
    pub compensating: usize,
    /// Partially implemented, not implemented or don't know.
    pub not_met: usize,
    /// Justified as not applicable.
    pub not_applicable: usize,
    /// Not answered, or lacking a required justification.
    pub unanswered: usize,
}

impl Coverage {
    fn add(&mut self, status: Status) {
        self.in_scope += 1;
        match status {
            Status::Met => self.met += 1,
            Status::MetByCompensation => {
                self.met += 1;
                self.compensating += 1;
            }
            Status::NotApplicable => self.not_applicable += 1,
            Status::Unanswered => self.unanswered += 1,
            Status::NotMet | Status::Maturity(_) => self.not_met += 1,
        }
    }

    /// In-scope items minus the not-applicable ones.
    pub fn applicable(&self) -> usize {
        self.in_scope - self.not_applicable
    }

    /// Met share of the applicable items, in whole percent; `None` when nothing is applicable.
    pub fn percent(&self) -> Option<u32> {
        let applicable = self.applicable();
        (applicable > 0).then(|| ((self.met * 100 + applicable / 2) / applicable) as u32)
    }

    /// Sums two coverages.
    pub fn plus(mut self, other: Coverage) -> Coverage {
        self.in_scope += other.in_scope;
        self.met += other.met;
        self.compensating += other.compensating;
        self.not_met += other.not_met;
        self.not_applicable += other.not_applicable;
        self.unanswered += other.unanswered;
        self
    }
}

/// The result for one zone and one FR.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrResult {
    /// The FR.
    pub fr: Fr,
    /// Achieved level (SL-A).
    pub achieved: SecurityLevel,
    /// Target level (SL-T).
    pub target: SecurityLevel,
    /// Items not met at the level just above SL-A: they block the next level.
    pub blocking: Vec<&'static Item>,
    /// Items at or below SL-A met only through a compensating control: the result rests on them.
    pub compensating: Vec<&'static Item>,
    /// Coverage of the in-scope items (lowest level at most SL-T).
    pub coverage: Coverage,
    /// The level the answers would show if every unanswered in-scope question (lowest level at most SL-T)
    /// were met, answered ones counting as they are: how far the open questions can carry SL-A. Equal to
    /// `achieved` when no in-scope question is open.
    pub reachable: SecurityLevel,
}

/// Where an FR stands against its target, telling a level held down by unanswered questions from one held
/// down by something known to be missing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// SL-A reaches SL-T.
    Reached,
    /// Below target, but only unanswered questions stand in the way: were they all met, the target would
    /// be reached. The level is not yet assessed.
    NotYetAssessed,
    /// Below target because an answer at or below the target says something is missing (not met, partly,
    /// don't know or vendor to confirm): even with every open question met the target is not reached.
    KnownGap,
}

impl FrResult {
    /// Levels missing to reach the target (0 when met).
    pub fn gap(&self) -> u8 {
        self.target.get().saturating_sub(self.achieved.get())
    }

    /// Where the FR stands ([`Standing`]).
    pub fn standing(&self) -> Standing {
        if self.gap() == 0 {
            Standing::Reached
        } else if self.reachable >= self.target {
            Standing::NotYetAssessed
        } else {
            Standing::KnownGap
        }
    }

    /// In-scope questions still open (unanswered, or lacking a justification), and all in-scope questions:
    /// "13 of 37 questions open".
    pub fn open(&self) -> (usize, usize) {
        (self.coverage.unanswered, self.coverage.in_scope)
    }
}

/// The result for one zone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ZoneResult {
    /// Zone id.
    pub zone_id: String,
    /// Zone name.
    pub zone_name: String,
    /// Target vector.
    pub target: SlVector,
    /// Achieved vector.
    pub achieved: SlVector,
    /// Per FR, FR1..FR7.
    pub frs: Vec<FrResult>,
}

impl ZoneResult {
    /// FRs whose target is reached.
    pub fn frs_meeting_target(&self) -> usize {
        self.frs.iter().filter(|f| f.gap() == 0).count()
    }

    /// Sum of the gaps over the seven FRs.
    pub fn total_gap(&self) -> u32 {
        self.frs.iter().map(|f| u32::from(f.gap())).sum()
    }

    /// Coverage over all FRs.
    pub fn coverage(&self) -> Coverage {
        self.frs.iter().fold(Coverage::default(), |acc, f| acc.plus(f.coverage))
    }

    /// One line a manager can read, e.g. "Control network: target reached in 3 of 7 FRs; largest gap
    /// FR5 Restricted data flow (SL-A 0, SL-T 3); not yet assessed: FR1, FR2; 12 of 60 in-scope questions
    /// unanswered." The largest gap is the largest [`Standing::KnownGap`]; the FRs [`Standing::NotYetAssessed`]
    /// are listed apart ("all 7 FRs" when none is assessed yet).
    pub fn readiness(&self) -> String {
        self.readiness_as("SL-A", "SL-T")
    }

    /// The readiness line of a product: the same as [`ZoneResult::readiness`] with SL-C and the aimed level.
    pub fn capability_line(&self) -> String {
        self.readiness_as("SL-C", "aimed")
    }

    fn readiness_as(&self, achieved_label: &str, target_label: &str) -> String {
        let meeting = self.frs_meeting_target();
        let coverage = self.coverage();
        let mut line = if meeting == 7 {
            format!("{}: target reached in all 7 FRs", self.zone_name)
        } else {
            let mut line = format!("{}: target reached in {meeting} of 7 FRs", self.zone_name);
            // The largest gap that answers establish; FRs held down only by open questions are named apart.
            let known = self.frs.iter().filter(|f| f.standing() == Standing::KnownGap);
            if let Some(worst) = known.max_by_key(|f| (f.gap(), std::cmp::Reverse(f.fr))) {
                line.push_str(&format!(
                    "; largest gap {} {} ({achieved_label} {}, {target_label} {})",
                    worst.fr.code(),
                    worst.fr.name(),
                    worst.achieved,
                    worst.target
                ));
            }
            let open: Vec<&str> =
                self.frs.iter().filter(|f| f.standing() == Standing::NotYetAssessed).map(|f| f.fr.code()).collect();
            match open.len() {
                0 => {}
                7 => line.push_str("; not yet assessed: all 7 FRs"),
                _ => line.push_str(&format!("; not yet assessed: {}", open.join(", "))),
            }
            line
        };
        if coverage.unanswered > 0 {
            line.push_str(&format!("; {} of {} in-scope questions unanswered", coverage.unanswered, coverage.in_scope));
        }
        line.push('.');
        line
    }
}

/// Scores one zone.
pub fn score_zone(assessment: &Assessment, zone: &Zone) -> ZoneResult {
    score_zone_with(assessment, zone, &assessment.zone_responses(&zone.id))
}

/// [`score_zone`] with the zone's responses already looked up.
pub fn score_zone_with(assessment: &Assessment, zone: &Zone, responses: &[Option<&Response>]) -> ZoneResult {
    score_vector(assessment, &zone.id, &zone.name, zone.target, catalogue::items_of_fr, responses)
}

/// The result of a product (IEC 62443-4-2): the same shape as a zone's, where `zone_id` and `zone_name`
/// hold the product's, `target` is the capability level the supplier aims for and `achieved` is the
/// capability level (SL-C) the answers show.
pub type ProductResult = ZoneResult;

/// Scores one product: its capability level (SL-C) per FR over the component requirements of its type,
/// with the same cumulative rule as SL-A.
pub fn score_product(assessment: &Assessment, product: &Product) -> ProductResult {
    score_product_with(assessment, product, &assessment.product_responses(&product.id))
}

/// [`score_product`] with the product's responses already looked up.
pub fn score_product_with(
    assessment: &Assessment,
    product: &Product,
    responses: &[Option<&Response>],
) -> ProductResult {
    let component = product.component_type;
    score_vector(
        assessment,
        &product.id,
        &product.name,
        product.target,
        move |fr| catalogue::component_items(fr, component),
        responses,
    )
}

fn score_vector<I: Iterator<Item = &'static Item>>(
    assessment: &Assessment,
    id: &str,
    name: &str,
    target_vector: SlVector,
    items_of: impl Fn(Fr) -> I,
    responses: &[Option<&Response>],
) -> ZoneResult {
    let mut frs = Vec::with_capacity(7);
    let mut achieved = SlVector::default();
    for fr in Fr::ALL {
        let asked: Vec<(&'static Item, Status)> = items_of(fr)
            .filter(|i| assessment.asks(i))
            .map(|i| (i, responses[catalogue::index_of(i)].map(Response::status).unwrap_or(Status::Unanswered)))
            .collect();
        // A quick scan can only vouch for the levels it asked about.
        let cap = match assessment.profile.mode {
            Mode::Full => SecurityLevel::MAX,
            Mode::Quick => asked.iter().filter_map(|(i, _)| i.level()).max().unwrap_or(SecurityLevel::ZERO),
        };
        let sl_a = achieved_level(asked.iter().map(|(i, s)| (i.level().unwrap_or_default(), *s)), cap);
        let target = target_vector.get(fr);
        // The same with every unanswered in-scope question taken as met: how far the open questions could
        // carry it.
        let if_open_met = |(item, status): &(&Item, Status)| {
            let level = item.level().unwrap_or_default();
            let open = *status == Status::Unanswered && level <= target;
            (level, if open { Status::Met } else { *status })
        };
        let reachable = achieved_level(asked.iter().map(if_open_met), cap);
        let next = sl_a.next();
        let mut result = FrResult {
            fr,
            achieved: sl_a,
            target,
            blocking: Vec::new(),
            compensating: Vec::new(),
            coverage: Coverage::default(),
            reachable,
        };
        for (item, status) in &asked {
            let level = item.level().unwrap_or_default();
            if Some(level) == next && !status.is_met() && *status != Status::NotApplicable {
                result.blocking.push(item);
            }
            if level <= sl_a && *status == Status::MetByCompensation {
                result.compensating.push(item);
            }
            if level <= target {
                result.coverage.add(*status);
            }
        }
        achieved.set(fr, sl_a);
        frs.push(result);
    }
    ZoneResult { zone_id: id.to_string(), zone_name: name.to_string(), target: target_vector, achieved, frs }
}

/// How the answers of a set of maturity items are spread.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MaturityDistribution {
    /// Count per level: not performed, ML1, ML2, ML3, ML4.
    pub levels: [usize; 5],
    /// Not applicable (justified).
    pub not_applicable: usize,
    /// Don't know.
    pub dont_know: usize,
    /// Unanswered or lacking a required justification.
    pub unanswered: usize,
}

impl MaturityDistribution {
    /// All items counted.
    pub fn total(&self) -> usize {
        self.levels.iter().sum::<usize>() + self.not_applicable + self.dont_know + self.unanswered
    }

    fn plus(mut self, other: MaturityDistribution) -> MaturityDistribution {
        for (a, b) in self.levels.iter_mut().zip(other.levels) {
            *a += b;
        }
        self.not_applicable += other.not_applicable;
        self.dont_know += other.dont_know;
        self.unanswered += other.unanswered;
        self
    }
}

/// Maturity of one programme area.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AreaMaturity {
    /// The area.
    pub area: &'static ProgrammeArea,
    /// Reached level 0..=4; `None` when every item is not applicable (or none is asked).
    pub level: Option<u8>,
    /// How the answers are spread.
    pub distribution: MaturityDistribution,
    /// Applicable items below the assessment's target maturity, lowest first.
    pub below_target: Vec<(&'static Item, u8)>,
}

/// Maturity of the security programme.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MaturityResult {
    /// The part: 2-1, 2-4 or 4-1.
    pub part: Part,
    /// Per area, in catalogue order.
    pub areas: Vec<AreaMaturity>,
    /// Overall level: the lowest area level (cumulative rule); `None` when no area is rated.
    pub overall: Option<u8>,
    /// All answers together.
    pub distribution: MaturityDistribution,
    /// The target maturity from the profile.
    pub target: u8,
}

/// The maturity level an item counts as, or `None` when not applicable. Unanswered and don't know count
/// as 0.
pub fn item_maturity(assessment: &Assessment, item: &Item) -> Option<u8> {
    match assessment.status(None, item) {
        Status::NotApplicable => None,
        Status::Maturity(level) => Some(level),
        _ => Some(0),
    }
}

impl MaturityResult {
    /// What the overall level is, in words: the lowest area level. The parts rate each practice or
    /// requirement; a single level for the whole programme, provider or development process is this
    /// tool's own summary, not a level the standards define (for IEC 62443-2-4 in particular, which rates
    /// a service provider capability by capability).
    ///
    /// ```
    /// use iec62443_assess::*;
    /// let card = score(&Assessment::new("a1", "Plant", "2026-11-20T09:00:00Z"));
    /// assert_eq!(
    ///     card.service.overall_caption(),
    ///     "Overall maturity (this tool's summary, not a level IEC 62443-2-4 defines): the lowest capability area."
    /// );
    /// ```
    pub fn overall_caption(&self) -> String {
        format!(
            "Overall maturity (this tool's summary, not a level {} defines): the lowest {}.",
            self.part.document(),
            self.part.area_noun()
        )
    }
}

/// Scores the programme areas.
pub fn score_maturity(assessment: &Assessment) -> MaturityResult {
    score_maturity_of(assessment, Part::Programme)
}

/// Scores the areas of one maturity-rated part: IEC 62443-2-1 programme elements, 2-4 capability areas
/// or 4-1 practices. The same cumulative rule applies to each.
pub fn score_maturity_of(assessment: &Assessment, part: Part) -> MaturityResult {
    let target = assessment.profile.target_maturity.clamp(1, 4);
    let mut areas = Vec::new();
    for area in catalogue::areas_of(part) {
        let mut distribution = MaturityDistribution::default();
        let mut level: Option<u8> = None;
        let mut below_target = Vec::new();
        for item in catalogue::items_of_area(area.id).filter(|i| assessment.asks(i)) {
            let response = assessment.answers.assessment.get(item.id);
            let status = response.map(|r| r.status()).unwrap_or(Status::Unanswered);
            match status {
                Status::Maturity(l) => distribution.levels[usize::from(l)] += 1,
                Status::NotApplicable => distribution.not_applicable += 1,
                Status::Unanswered => distribution.unanswered += 1,
                _ if response.and_then(|r| r.answer) == Some(Answer::DontKnow) => distribution.dont_know += 1,
                _ => distribution.unanswered += 1,
            }
            if let Some(l) = item_maturity(assessment, item) {
                level = Some(level.map_or(l, |cur| cur.min(l)));
                if l < target {
                    below_target.push((item, l));
                }
            }
        }
        below_target.sort_by_key(|(i, l)| (*l, catalogue::reference_rank(i)));
        areas.push(AreaMaturity { area, level, distribution, below_target });
    }
    let overall = areas.iter().filter_map(|a| a.level).min();
    let distribution = areas.iter().fold(MaturityDistribution::default(), |acc, a| acc.plus(a.distribution));
    MaturityResult { part, areas, overall, distribution, target }
}

/// Result of the IEC 62443-3-2 process items.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProcessResult {
    /// Coverage of the asked items.
    pub coverage: Coverage,
    /// Items not met (not met or unanswered), in catalogue order.
    pub open: Vec<&'static Item>,
}

/// Scores the IEC 62443-3-2 items.
pub fn score_process(assessment: &Assessment) -> ProcessResult {
    let mut coverage = Coverage::default();
    let mut open = Vec::new();
    for item in catalogue::items_of(Part::RiskAssessment).filter(|i| assessment.asks(i)) {
        let status = assessment.status(None, item);
        coverage.add(status);
        if !status.is_met() && status != Status::NotApplicable {
            open.push(item);
        }
    }
    ProcessResult { coverage, open }
}

/// Every result of an assessment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scorecard {
    /// Per zone, in the assessment's zone order; empty when no role answers IEC 62443-3-3.
    pub zones: Vec<ZoneResult>,
    /// IEC 62443-3-2.
    pub process: ProcessResult,
    /// IEC 62443-2-1.
    pub maturity: MaturityResult,
    /// IEC 62443-2-4 (integrators and service providers).
    pub service: MaturityResult,
    /// IEC 62443-4-1 (product suppliers).
    pub development: MaturityResult,
    /// IEC 62443-4-2, per product, in the assessment's product order; empty when no role answers 4-2.
    pub products: Vec<ProductResult>,
    /// Quick scan results are indicative.
    pub mode: Mode,
    /// Answered and asked questions.
    pub progress: (usize, usize),
    /// Answers counted by kind over the whole assessment: compensating, not applicable, incomplete.
    pub answer_counts: AnswerCounts,
}

/// Counts of notable answers over the whole assessment (3-3 counted per zone).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AnswerCounts {
    /// Compensating control with justification.
    pub compensating: usize,
    /// Not applicable with justification.
    pub not_applicable: usize,
    /// Compensating or N/A still lacking a justification.
    pub incomplete: usize,
    /// Asked but not answered (incomplete ones included).
    pub unanswered: usize,
    /// Answered Vendor to confirm: questions for the system or product vendor (counted as not met).
    pub vendor_to_confirm: usize,
}

/// Counts notable answers.
pub fn count_answers(assessment: &Assessment) -> AnswerCounts {
    count_answers_with(assessment, &assessment.response_tables())
}

/// [`count_answers`] with the response tables already built.
pub fn count_answers_with(assessment: &Assessment, tables: &ResponseTables) -> AnswerCounts {
    let mut counts = AnswerCounts::default();
    let mut count = |response: Option<&crate::domain::answers::Response>| match response {
        Some(r) if r.is_incomplete() => {
            counts.incomplete += 1;
            counts.unanswered += 1;
        }
        Some(r) => match r.answer {
            Some(Answer::Compensating) => counts.compensating += 1,
            Some(Answer::NotApplicable) => counts.not_applicable += 1,
            Some(Answer::VendorToConfirm) => counts.vendor_to_confirm += 1,
            None => counts.unanswered += 1,
            _ => {}
        },
        None => counts.unanswered += 1,
    };
    let (zone_tables, product_tables) = (&tables.zones, &tables.products);
    for item in ITEMS.iter().filter(|i| assessment.asks(i)) {
        let index = catalogue::index_of(item);
        if item.part.per_zone() {
            for (zone, table) in assessment.zones.iter().zip(zone_tables) {
                if assessment.in_scope(zone, item) {
                    count(table[index]);
                }
            }
        } else if item.part.per_product() {
            for (product, table) in assessment.products.iter().zip(product_tables) {
                if assessment.in_product_scope(product, item) {
                    count(table[index]);
                }
            }
        } else {
            count(assessment.answers.assessment.get(item.id));
        }
    }
    counts
}

/// Scores the whole assessment.
pub fn score(assessment: &Assessment) -> Scorecard {
    let tables = assessment.response_tables();
    let zones = assessment.assessed_zones().iter().zip(&tables.zones);
    let products = assessment.assessed_products().iter().zip(&tables.products);
    Scorecard {
        zones: zones.map(|(z, t)| score_zone_with(assessment, z, t)).collect(),
        process: score_process(assessment),
        maturity: score_maturity(assessment),
        service: score_maturity_of(assessment, Part::ServiceProvider),
        development: score_maturity_of(assessment, Part::DevelopmentLifecycle),
        products: products.map(|(p, t)| score_product_with(assessment, p, t)).collect(),
        mode: assessment.profile.mode,
        progress: assessment.progress_with(ITEMS.iter(), &tables),
        answer_counts: count_answers_with(assessment, &tables),
    }
}

/// The maturity of the development process (IEC 62443-4-1) that a capability claim at `level` rests on,
/// in this tool's reading: ML2 (a written, staffed process) for SL-C 1 and 2, ML3 (that process
/// practised across the products in scope, with records) for SL-C 3 and 4; nothing for SL-C 0.
///
/// IEC 62443-4-2 ties a component's capability to its being developed and supported under an IEC 62443-4-1
/// process, and certification schemes assess the two together, but neither standard maps security levels
/// to maturity levels: this mapping is the tool's own, written out in docs/scoring.md.
pub fn process_maturity_for(level: SecurityLevel) -> u8 {
    match level.get() {
        0 => 0,
        1 | 2 => 2,
        _ => 3,
    }
}

/// Whether a product's development process (IEC 62443-4-1) reaches the maturity its capability claim
/// needs ([`process_maturity_for`]), shown next to its SL-C.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProcessReadiness {
    /// Product id.
    pub product_id: String,
    /// Product name.
    pub product_name: String,
    /// The highest SL-C the product reaches in any FR: the level a claim would state.
    pub claimed: SecurityLevel,
    /// The highest level aimed for in any FR.
    pub aimed: SecurityLevel,
    /// The process maturity the claim needs.
    pub needed: u8,
    /// The process maturity the aimed level needs.
    pub needed_for_aim: u8,
    /// The overall maturity of the development process (the lowest practice); `None` when not rated.
    pub process: Option<u8>,
}

impl ProcessReadiness {
    /// Whether the process reaches the maturity the reached SL-C needs.
    pub fn backs_claim(&self) -> bool {
        self.process.is_some_and(|p| p >= self.needed)
    }

    /// Whether the process reaches the maturity the aimed level needs.
    pub fn backs_aim(&self) -> bool {
        self.process.is_some_and(|p| p >= self.needed_for_aim)
    }

    /// One sentence for the results and the report, next to the product's capability line: its name, then
    /// [`ProcessReadiness::sentence`].
    pub fn line(&self) -> String {
        format!("{}: {}", self.product_name, self.sentence())
    }

    /// Whether the development process backs the product's SL-C, without the product's name, e.g. "SL-C 2
    /// needs the development process (IEC 62443-4-1) at ML2 in every practice; it is at ML2, so the claim is
    /// backed."
    pub fn sentence(&self) -> String {
        let Some(process) = self.process else {
            return format!(
                "The development process (IEC 62443-4-1) is not rated, so no capability claim is backed by it yet; \
                 SL-C {} would need it at ML{}.",
                self.aimed, self.needed_for_aim
            );
        };
        let mut sentence = if self.claimed == SecurityLevel::ZERO {
            format!("No capability level is reached yet; the development process (IEC 62443-4-1) is at ML{process}.")
        } else {
            format!(
                "SL-C {} needs the development process (IEC 62443-4-1) at ML{} in every practice; it is at \
                 ML{process}, so {}.",
                self.claimed,
                self.needed,
                if self.backs_claim() { "the claim is backed" } else { "the claim is not yet backed" }
            )
        };
        if self.aimed > self.claimed && self.needed_for_aim > self.needed.max(process) {
            sentence.push_str(&format!(" The aimed SL-C {} needs ML{}.", self.aimed, self.needed_for_aim));
        }
        sentence
    }
}

/// The development process readiness of every assessed product, in product order ([`ProcessReadiness`]).
pub fn process_readiness(card: &Scorecard) -> Vec<ProcessReadiness> {
    let highest = |v: &SlVector| v.0.iter().copied().max().unwrap_or_default();
    card.products
        .iter()
        .map(|p| {
            let (claimed, aimed) = (highest(&p.achieved), highest(&p.target));
            ProcessReadiness {
                product_id: p.zone_id.clone(),
                product_name: p.zone_name.clone(),
                claimed,
                aimed,
                needed: process_maturity_for(claimed),
                needed_for_aim: process_maturity_for(aimed),
                process: card.development.overall,
            }
        })
        .collect()
}
