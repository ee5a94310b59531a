//! Times a full scoring of a large assessment: 20 zones, every 3-3 item answered in every zone, every 3-2
//! and 2-1 item answered. One "full scoring" is what the app recomputes after each answer: `score` (SL-A,
//! coverage, maturity, process, counts) plus `roadmap_with` on its zone results.
//!
//! Run with `cargo run --release --bin bench-scoring`. The answers are pseudo-random but fixed (same seed),
//! so every run scores the same assessment.

use iec62443_assess::*;
use std::hint::black_box;
use std::time::{Duration, Instant};

const ZONES: usize = 20;
const WARM_UP: usize = 50;
const RUNS: usize = 2_000;

/// SplitMix64: a small, fixed pseudo-random sequence, so the bench needs no dependency.
struct Sequence(u64);

impl Sequence {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// Mostly implemented, as in a plant that has done some work, with every other answer mixed in.
fn requirement_answer(seq: &mut Sequence) -> Response {
    let answer = match seq.below(100) {
        0..=59 => Answer::Implemented,
        60..=69 => Answer::Partial,
        70..=77 => Answer::NotImplemented,
        78..=85 => Answer::Compensating,
        86..=91 => Answer::NotApplicable,
        _ => Answer::DontKnow,
    };
    if answer.needs_justification() {
        Response::justified(answer, "Recorded during the bench walk-down.")
    } else {
        Response::with(answer)
    }
}

fn maturity_answer(seq: &mut Sequence) -> Response {
    let scale = Answer::MATURITY_SCALE;
    let answer = scale[seq.below(scale.len() as u64) as usize];
    if answer.needs_justification() {
        Response::justified(answer, "Not part of this site.")
    } else {
        Response::with(answer)
    }
}

fn large_assessment() -> Assessment {
    let mut seq = Sequence(62443);
    let mut a = Assessment::new("bench", "Bench: 20 zones", "2026-01-01T00:00:00Z");
    a.profile.target_maturity = 3;
    for z in 0..ZONES {
        let mut zone = Zone::new(&format!("z{}", z + 1), &format!("Zone {}", z + 1));
        for fr in Fr::ALL {
            let level = SecurityLevel::new(1 + seq.below(4) as u8).unwrap_or(SecurityLevel::MAX);
            zone.target.set(fr, level);
        }
        zone.criticality = Criticality::ALL[seq.below(4) as usize];
        a.zones.push(zone);
    }
    let zone_ids: Vec<String> = a.zones.iter().map(|z| z.id.clone()).collect();
    for item in ITEMS {
        if item.part.per_zone() {
            // An all-zones answer, overridden in every zone, so each lookup goes through both maps.
            a.set_response(&AnswerScope::AllZones, item.id, requirement_answer(&mut seq));
            for zone_id in &zone_ids {
                a.set_response(&AnswerScope::Zone(zone_id.clone()), item.id, requirement_answer(&mut seq));
            }
        } else if item.is_maturity() {
            a.set_response(&AnswerScope::Assessment, item.id, maturity_answer(&mut seq));
        } else {
            a.set_response(&AnswerScope::Assessment, item.id, requirement_answer(&mut seq));
        }
    }
    a
}

/// One full scoring, as the app does it; returns the number of roadmap actions so nothing is optimised away.
fn full_scoring(a: &Assessment) -> usize {
    let scorecard = score(a);
    let roadmap = roadmap_with(a, &scorecard.zones);
    black_box(&scorecard);
    roadmap.actions.len()
}

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

fn main() {
    let a = large_assessment();
    let answered = a.answers.zones.values().map(|m| m.len()).sum::<usize>();
    let (done, asked) = a.progress();
    println!(
        "Assessment: {ZONES} zones, {answered} per-zone answers, {} once-per-assessment answers; {done} of {asked} \
         in-scope questions answered; {} roadmap actions.",
        a.answers.assessment.len(),
        full_scoring(&a)
    );

    for _ in 0..WARM_UP {
        black_box(full_scoring(black_box(&a)));
    }
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let start = Instant::now();
            black_box(full_scoring(black_box(&a)));
            start.elapsed()
        })
        .collect();
    times.sort();
    let median = times[RUNS / 2];
    let mean = times.iter().sum::<Duration>() / RUNS as u32;
    println!(
        "Full scoring (score + roadmap_with) over {RUNS} runs: median {:.1} µs, mean {:.1} µs, fastest {:.1} µs, \
         slowest {:.1} µs.",
        micros(median),
        micros(mean),
        micros(times[0]),
        micros(times[RUNS - 1])
    );
    if !cfg!(debug_assertions) && median > Duration::from_millis(1) {
        println!("Note: the median is over the budget of one millisecond per full scoring.");
    }
}
