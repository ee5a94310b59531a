//! Builders shared by the native tests: real catalogue items, zones and products with chosen targets,
//! profiles with chosen roles, answers at each scope, and proptest strategies that make random assessments
//! over the real catalogue.

// Each test file uses a different part of this module.
#![allow(dead_code)]

use iec62443_assess::*;
use proptest::prelude::*;

/// The time stamp every test assessment is created at.
pub const NOW: &str = "2026-11-20T09:00:00Z";

/// The justification given to compensating and not-applicable answers that should count.
pub const JUSTIFICATION: &str = "Checked during the site walk-down.";

/// A catalogue item that must exist.
pub fn known_item(id: &str) -> &'static Item {
    catalogue::item(id).unwrap_or_else(|| panic!("the catalogue has no item {id}"))
}

/// A security level 0..=4.
pub fn sl(level: u8) -> SecurityLevel {
    SecurityLevel::new(level).expect("a level between 0 and 4")
}

/// An SL vector written FR1..FR7, e.g. `[2, 2, 0, 1, 3, 1, 3]`.
pub fn levels(fr1_to_fr7: [u8; 7]) -> SlVector {
    SlVector(fr1_to_fr7.map(sl))
}

/// A zone with a target vector and a criticality.
pub fn zone(id: &str, name: &str, target: [u8; 7], criticality: Criticality) -> Zone {
    Zone { target: levels(target), criticality, ..Zone::new(id, name) }
}

/// A full assessment with these zones and nothing answered.
pub fn assessment_with(zones: Vec<Zone>) -> Assessment {
    let mut a = Assessment::new("a1", "Water works", NOW);
    a.zones = zones;
    a
}

/// The response a user gives when they mean it: compensating and not applicable come with a
/// justification.
pub fn justified(answer: Answer) -> Response {
    if answer.needs_justification() {
        Response::justified(answer, JUSTIFICATION)
    } else {
        Response::with(answer)
    }
}

/// Records `answer` (justified where needed) for each item at one scope.
pub fn answer(a: &mut Assessment, scope: &AnswerScope, ids: &[&str], answer: Answer) {
    for id in ids {
        known_item(id); // a typo in a test should fail loudly, not leave an item unanswered
        a.set_response(scope, id, justified(answer));
    }
}

/// The scope of one zone.
pub fn in_zone(zone_id: &str) -> AnswerScope {
    AnswerScope::Zone(zone_id.to_string())
}

/// Answers every 3-3 item of `fr` whose lowest level is at most `up_to` as implemented, at one scope.
pub fn implement_fr(a: &mut Assessment, scope: &AnswerScope, fr: Fr, up_to: u8) {
    for i in catalogue::items_of_fr(fr).filter(|i| i.level().is_some_and(|l| l.get() <= up_to)) {
        a.set_response(scope, i.id, Response::with(Answer::Implemented));
    }
}

/// Every 3-2 step implemented and every 2-1 practice at ML4, so only 3-3 items leave gaps.
pub fn settle_programme(a: &mut Assessment) {
    for i in catalogue::items_of(Part::RiskAssessment) {
        a.set_response(&AnswerScope::Assessment, i.id, Response::with(Answer::Implemented));
    }
    for i in catalogue::items_of(Part::Programme) {
        a.set_response(&AnswerScope::Assessment, i.id, Response::with(Answer::Ml4));
    }
}

/// Every maturity practice of IEC 62443-2-4 and 4-1 at ML4, so that an integrator or supplier profile
/// leaves only the gaps a test makes.
pub fn settle_capabilities(a: &mut Assessment) {
    for part in [Part::ServiceProvider, Part::DevelopmentLifecycle] {
        for i in catalogue::items_of(part) {
            a.set_response(&AnswerScope::Assessment, i.id, Response::with(Answer::Ml4));
        }
    }
}

/// A product of a component type with an aimed SL-C vector.
pub fn product(id: &str, name: &str, component_type: ComponentType, target: [u8; 7]) -> Product {
    Product { target: levels(target), ..Product::new(id, name, component_type) }
}

/// The scope of one product.
pub fn for_product(product_id: &str) -> AnswerScope {
    AnswerScope::Product(product_id.to_string())
}

/// Answers every 4-2 item of `fr` that applies to `component` and whose lowest level is at most `up_to` as
/// implemented, for one product.
pub fn implement_component_fr(a: &mut Assessment, product_id: &str, component: ComponentType, fr: Fr, up_to: u8) {
    for i in catalogue::component_items(fr, component).filter(|i| i.level().is_some_and(|l| l.get() <= up_to)) {
        a.set_response(&for_product(product_id), i.id, Response::with(Answer::Implemented));
    }
}

/// A full assessment for these roles, with no zones and nothing answered.
pub fn assessment_for(roles: &[Role]) -> Assessment {
    let mut a = assessment_with(Vec::new());
    a.profile.roles = roles.iter().copied().collect();
    a
}

/// Where a random response is recorded: 0 = all zones, 1..=4 = the zone with that position (modulo the
/// number of zones); for 4-2 items, the product with that position (modulo the number of products).
/// Once-per-assessment items ignore it.
/// The last element is an evidence reference the response carries, if any.
type RandomResponse = (usize, usize, usize, bool, Option<Evidence>);

/// A random asset: (zone position modulo the zones, type (10: a named type, 11: none), quantity, Purdue
/// level (8: none), linked to the first product, vendor, notes).
type RandomAsset = (usize, usize, u32, usize, bool, String, String);

/// The shape of a random assessment before its responses.
struct RandomShape {
    zone_targets: Vec<([u8; 7], usize)>,
    products: Vec<([u8; 7], usize)>,
    roles: [bool; 3],
    baseline: bool,
    quick: bool,
    target_maturity: u8,
    /// Assets listed before the responses (so that snapshots hold them), and after.
    assets: (Vec<RandomAsset>, Vec<RandomAsset>),
    /// Before which responses a snapshot is taken (`responses.len()` or more: after the last).
    snapshots_at: Vec<usize>,
}

/// Adds a random asset (id `a{n}`, n counting from 1) to the assessment.
fn add_random_asset(a: &mut Assessment, (zone, kind, quantity, purdue, linked, vendor, notes): RandomAsset) {
    let n = a.assets.len() + 1;
    let zone_id = a.zones[zone % a.zones.len()].id.clone();
    let mut asset = Asset::new(&format!("a{n}"), &zone_id, &format!("Asset {n}"));
    asset.kind = match kind {
        0..=9 => Some(AssetKind::Known(AssetType::ALL[kind])),
        10 => Some(AssetKind::Custom(format!("Weighing terminal {vendor}").trim().to_string())),
        _ => None,
    };
    asset.quantity = quantity;
    asset.purdue = PurdueLevel::ALL.get(purdue).copied();
    asset.product = if linked { a.products.first().map(|p| p.id.clone()) } else { None };
    asset.vendor = vendor;
    asset.notes = notes;
    a.assets.push(asset);
}

fn build_random(shape: RandomShape, responses: Vec<RandomResponse>) -> Assessment {
    let zones = shape
        .zone_targets
        .iter()
        .enumerate()
        .map(|(i, (target, criticality))| {
            zone(&format!("z{}", i + 1), &format!("Zone {}", i + 1), *target, Criticality::ALL[*criticality])
        })
        .collect();
    let mut a = assessment_with(zones);
    a.products = shape
        .products
        .iter()
        .enumerate()
        .map(|(i, (target, kind))| {
            product(&format!("p{}", i + 1), &format!("Product {}", i + 1), ComponentType::ALL[*kind], *target)
        })
        .collect();
    let roles: std::collections::BTreeSet<Role> =
        Role::ALL.into_iter().zip(shape.roles).filter(|(_, chosen)| *chosen).map(|(r, _)| r).collect();
    if !roles.is_empty() {
        a.profile.roles = roles;
    }
    a.profile.mode = if shape.quick { Mode::Quick } else { Mode::Full };
    a.profile.target_maturity = shape.target_maturity;
    if shape.baseline {
        // Start from "everything implemented" so that high levels are reached and then broken.
        for fr in Fr::ALL {
            implement_fr(&mut a, &AnswerScope::AllZones, fr, 4);
            for p in a.products.clone() {
                implement_component_fr(&mut a, &p.id, p.component_type, fr, 4);
            }
        }
        settle_programme(&mut a);
        settle_capabilities(&mut a);
    }
    for asset in shape.assets.0 {
        add_random_asset(&mut a, asset);
    }
    let count = responses.len();
    for (at, (item_index, scope_index, answer_index, with_justification, evidence)) in responses.into_iter().enumerate()
    {
        take_random_snapshots(&mut a, &shape.snapshots_at, |i| i == at);
        let item = &ITEMS[item_index];
        let scale = Answer::scale_for(item);
        let answer = scale[answer_index % scale.len()];
        let scope = if item.part.per_product() {
            if a.products.is_empty() {
                continue;
            }
            AnswerScope::Product(a.products[scope_index % a.products.len()].id.clone())
        } else if !item.part.per_zone() {
            AnswerScope::Assessment
        } else if scope_index == 0 {
            AnswerScope::AllZones
        } else {
            AnswerScope::Zone(a.zones[(scope_index - 1) % a.zones.len()].id.clone())
        };
        // Some compensating and not-applicable answers lack their justification, as half-finished
        // questionnaires do.
        let mut response = if with_justification { justified(answer) } else { Response::with(answer) };
        response.evidence.extend(evidence);
        a.set_response(&scope, item.id, response);
    }
    take_random_snapshots(&mut a, &shape.snapshots_at, |i| i >= count);
    for asset in shape.assets.1 {
        add_random_asset(&mut a, asset);
    }
    a
}

/// Takes a snapshot ("Snapshot {n}", dated in month n of 2026) for each position `when` accepts.
fn take_random_snapshots(a: &mut Assessment, at: &[usize], when: impl Fn(usize) -> bool) {
    for _ in at.iter().filter(|i| when(**i)) {
        let n = a.snapshots.len() + 1;
        a.take_snapshot(&format!("Snapshot {n}"), &format!("2026-{:02}-15T10:00:00Z", n.min(12)))
            .expect("fewer snapshots than allowed");
    }
}

/// A random evidence reference: a document name (any text, never blank), a link (a web address, a share
/// path, something else or none) and a date or none.
fn arb_evidence() -> impl Strategy<Value = Evidence> {
    let link = prop_oneof![
        Just(String::new()),
        Just("https://intranet.example/doc?id=7&v=2".to_string()),
        Just("\\\\fileserver\\ot\\policy.pdf".to_string()),
        Just("javascript:alert(1)".to_string()),
        "\\PC{0,30}",
    ];
    ("\\PC{0,30}", link, prop_oneof![Just(String::new()), Just("2026-03-31".to_string()), "\\PC{0,10}"])
        .prop_map(|(document, link, date)| Evidence { document: format!("Doc {document}"), link, date })
}

/// A random asset (see [`RandomAsset`]).
fn arb_asset() -> impl Strategy<Value = RandomAsset> {
    (0usize..4, 0usize..12, 1u32..=50, 0usize..9, any::<bool>(), "\\PC{0,12}", "\\PC{0,40}")
}

/// Random assessments over the real catalogue with `products` products: 1-4 zones with random SL-T vectors
/// (0..=4) and criticalities, products of random component types with random aimed SL-C vectors, a random
/// set of roles (asset owner when none is drawn), half of them starting from "everything implemented", full
/// or quick mode, a target maturity 1..=4, and up to 80 random responses on top (all-zones answers,
/// per-zone overrides, per-product answers, once-per-assessment answers; every answer of each item's
/// scale, justified or not; a fifth of them with an evidence reference). Up to 3 snapshots are taken among
/// the responses, and up to 6 assets listed (some before the snapshots, some after), with random types,
/// quantities, Purdue levels, product links, vendors and notes.
fn arb_assessment_with(products: std::ops::RangeInclusive<usize>) -> impl Strategy<Value = Assessment> {
    let zones = prop::collection::vec((prop::array::uniform7(0u8..=4), 0usize..4), 1..=4);
    let products = prop::collection::vec((prop::array::uniform7(0u8..=4), 0usize..4), products);
    let evidence = prop::option::weighted(0.2, arb_evidence());
    let responses = prop::collection::vec((0..ITEMS.len(), 0usize..5, 0usize..7, any::<bool>(), evidence), 0..80);
    let roles = prop::array::uniform3(any::<bool>());
    let assets = (prop::collection::vec(arb_asset(), 0..4), prop::collection::vec(arb_asset(), 0..3));
    let snapshots_at = prop::collection::vec(0usize..90, 0..=3);
    (zones, products, roles, any::<bool>(), prop::bool::weighted(0.25), 1u8..=4, responses, assets, snapshots_at)
        .prop_map(
            |(zone_targets, products, roles, baseline, quick, target_maturity, responses, assets, snapshots_at)| {
                let shape = RandomShape {
                    zone_targets,
                    products,
                    roles,
                    baseline,
                    quick,
                    target_maturity,
                    assets,
                    snapshots_at,
                };
                build_random(shape, responses)
            },
        )
}

/// Random assessments (see [`arb_assessment_with`]) with 0-2 products.
pub fn arb_assessment() -> impl Strategy<Value = Assessment> {
    arb_assessment_with(0..=2)
}

/// Random assessments (see [`arb_assessment_with`]) with 1-3 products, for a product supplier (other roles
/// may be added).
pub fn arb_supplier_assessment() -> impl Strategy<Value = Assessment> {
    arb_assessment_with(1..=3).prop_map(|mut a| {
        a.profile.roles.insert(Role::ProductSupplier);
        a
    })
}
