//! `domain::ppmd` decodes exactly what `ppmd_rust::Ppmd7Encoder` (the encoder build.rs uses) writes, for
//! every order and memory size, and a damaged stream gives wrong bytes or `None` but never a panic.

use iec62443_assess::domain::ppmd;
use ppmd_rust::{Ppmd7Decoder, Ppmd7Encoder};
use proptest::prelude::*;
use std::io::{Read, Write};

fn encode(data: &[u8], order: u32, mem_size: u32) -> Vec<u8> {
    let mut encoder = Ppmd7Encoder::new(Vec::new(), order, mem_size).expect("valid parameters");
    encoder.write_all(data).expect("writes to a Vec");
    encoder.finish(false).expect("writes to a Vec")
}

fn assert_round_trip(data: &[u8], order: u32, mem_size: u32) {
    let stream = encode(data, order, mem_size);
    let decoded = ppmd::decode(&stream, order, mem_size, data.len());
    assert!(decoded.as_deref() == Some(data), "{} bytes, order {order}, memory {mem_size}", data.len());
}

/// What `ppmd_rust`'s decoder reads from `stream`, if it reads `len` bytes without an error.
fn reference_decode(stream: &[u8], order: u32, mem_size: u32, len: usize) -> Option<Vec<u8>> {
    let mut decoder = Ppmd7Decoder::new(stream, order, mem_size).ok()?;
    let mut out = vec![0; len];
    decoder.read_exact(&mut out).ok()?;
    Some(out)
}

/// A deterministic pseudo-random sequence (xorshift64).
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// About `len` bytes of English-like text: sentences of words from a small vocabulary, with numbers and
/// some capitals, so that the model sees many contexts of every order.
fn text(len: usize, seed: u64) -> Vec<u8> {
    const WORDS: [&str; 40] = [
        "the",
        "zone",
        "conduit",
        "security",
        "level",
        "requirement",
        "control",
        "system",
        "asset",
        "owner",
        "risk",
        "assessment",
        "product",
        "supplier",
        "integrator",
        "patch",
        "account",
        "password",
        "network",
        "segment",
        "firewall",
        "log",
        "event",
        "backup",
        "recovery",
        "integrity",
        "confidentiality",
        "of",
        "and",
        "is",
        "for",
        "with",
        "every",
        "must",
        "be",
        "documented",
        "reviewed",
        "after",
        "change",
        "policy",
    ];
    let mut random = Random(seed);
    let mut out = Vec::with_capacity(len + 32);
    while out.len() < len {
        let words = 3 + random.below(14);
        for i in 0..words {
            let word = WORDS[random.below(WORDS.len())];
            if i == 0 {
                out.extend(word[..1].to_uppercase().bytes());
                out.extend(word[1..].bytes());
            } else {
                out.push(b' ');
                if random.below(12) == 0 {
                    out.extend(format!("{} ", random.below(1000)).bytes());
                }
                out.extend(word.bytes());
            }
        }
        out.extend(if random.below(5) == 0 { &b".\n"[..] } else { &b". "[..] });
    }
    out
}

fn random_bytes(len: usize, seed: u64) -> Vec<u8> {
    let mut random = Random(seed);
    (0..len).map(|_| random.next() as u8).collect()
}

#[test]
fn text_round_trips_for_every_order() {
    let data = text(200_000, 1);
    for order in [2, 3, 6, 16, 64] {
        assert_round_trip(&data, order, 2 << 20);
    }
}

#[test]
fn text_round_trips_in_small_memory_where_the_model_restarts() {
    // 64 KB of model memory fill up many times over on 300 KB of text: the allocator glues and splits free
    // blocks, takes units from the text area, and the model restarts.
    let data = text(300_000, 2);
    assert_round_trip(&data, 6, 1 << 16);
    for order in [2, 16, 64] {
        assert_round_trip(&data[..100_000], order, 1 << 16);
    }
    assert_round_trip(&data[..50_000], 6, 2048);
    assert_round_trip(&data[..50_000], 6, 100_001);
}

#[test]
fn binary_data_round_trips() {
    // Incompressible bytes give contexts of all 256 symbols; the same block twice gives long matches.
    let mut data = random_bytes(30_000, 3);
    data.extend_from_within(..15_000);
    for order in [2, 6, 16, 64] {
        assert_round_trip(&data, order, 1 << 20);
        assert_round_trip(&data, order, 1 << 16);
    }
    let every_byte: Vec<u8> = (0..=255u8).cycle().take(10_000).collect();
    assert_round_trip(&every_byte, 6, 1 << 16);
    assert_round_trip(&[0; 100_000], 6, 1 << 16);
}

#[test]
fn empty_input_and_a_single_byte_round_trip() {
    for order in [2, 6, 64] {
        assert_round_trip(&[], order, 2 << 20);
        assert_round_trip(b"x", order, 2 << 20);
        assert_round_trip(&[0], order, 2048);
        assert_round_trip(&[255], order, 2048);
    }
}

/// The catalogue stream that build.rs wrote, and its length decoded, from the code it generated.
fn catalogue_stream() -> (&'static [u8], usize) {
    let stream = include_bytes!(concat!(env!("OUT_DIR"), "/catalogue_text.ppmd"));
    let code = include_str!(concat!(env!("OUT_DIR"), "/catalogue_data.rs"));
    let lengths = code.split("const TEXT_LENGTHS: [usize; 3] = [").nth(1).expect("TEXT_LENGTHS is generated");
    let lengths = &lengths[..lengths.find(']').expect("a closing bracket")];
    let len = lengths.split(", ").map(|n| n.parse::<usize>().expect("a length")).sum();
    (stream, len)
}

#[test]
fn the_catalogue_stream_decodes_as_ppmd_rust_decodes_it() {
    let (stream, len) = catalogue_stream();
    // build.rs's parameters: order 6, 2 MiB.
    let ours = ppmd::decode(stream, 6, 2 << 20, len).expect("the catalogue decodes");
    assert_eq!(Some(ours), reference_decode(stream, 6, 2 << 20, len));
}

#[test]
fn invalid_parameters_and_headers_give_none() {
    let stream = encode(b"some text", 6, 1 << 16);
    assert_eq!(ppmd::decode(&stream, 6, 1 << 16, 9).as_deref(), Some(&b"some text"[..]));
    assert_eq!(ppmd::decode(&stream, 1, 1 << 16, 9), None);
    assert_eq!(ppmd::decode(&stream, 65, 1 << 16, 9), None);
    assert_eq!(ppmd::decode(&stream, 6, 2047, 9), None);
    assert_eq!(ppmd::decode(&stream, 6, u32::MAX - 35, 9), None);
    // The range coder's first byte is 0, and the code that follows is not all ones.
    let mut wrong = stream.clone();
    wrong[0] = 1;
    assert_eq!(ppmd::decode(&wrong, 6, 1 << 16, 9), None);
    assert_eq!(ppmd::decode(&[0, 255, 255, 255, 255, 7], 6, 1 << 16, 9), None);
}

#[test]
fn bytes_past_the_end_of_the_stream_read_as_zero() {
    let data = text(10_000, 4);
    let mut stream = encode(&data, 6, 1 << 20);
    stream.extend([0; 8]);
    assert_eq!(ppmd::decode(&stream, 6, 1 << 20, data.len()), Some(data.clone()));
    while stream.last() == Some(&0) {
        stream.pop();
    }
    assert_eq!(ppmd::decode(&stream, 6, 1 << 20, data.len()), Some(data));
    // An empty stream is a 0 byte and a code of 0: it decodes to something.
    assert!(ppmd::decode(&[], 6, 1 << 16, 1000).is_some_and(|bytes| bytes.len() == 1000));
}

/// Times the decoding of the catalogue texts, ours against ppmd-rust's:
/// `cargo test --release --test ppmd -- --ignored --nocapture`.
#[test]
#[ignore]
fn decoding_time_of_the_catalogue() {
    let (stream, len) = catalogue_stream();
    let time = |f: &dyn Fn() -> Option<Vec<u8>>| {
        let mut best = std::time::Duration::MAX;
        for _ in 0..15 {
            let start = std::time::Instant::now();
            let out = f();
            best = best.min(start.elapsed());
            assert_eq!(out.map(|o| o.len()), Some(len));
        }
        best
    };
    for _ in 0..3 {
        let reference = time(&|| reference_decode(stream, 6, 2 << 20, len));
        let ours = time(&|| ppmd::decode(stream, 6, 2 << 20, len));
        println!("best of 15: ppmd-rust {reference:?}, domain::ppmd {ours:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn arbitrary_bytes_round_trip(
        data in prop::collection::vec(any::<u8>(), 0..3000),
        order in 2u32..=64,
        small in any::<bool>(),
    ) {
        let mem_size = if small { 2048 } else { 1 << 16 };
        let stream = encode(&data, order, mem_size);
        prop_assert_eq!(ppmd::decode(&stream, order, mem_size, data.len()), Some(data));
    }

    #[test]
    fn a_damaged_stream_never_panics_and_decodes_as_ppmd_rust_does(
        seed in any::<u64>(),
        flips in prop::collection::vec((any::<usize>(), 1u8..=255), 0..6),
        cut in prop::option::of(any::<usize>()),
        order in prop::sample::select(vec![2u32, 6, 16, 64]),
        small in any::<bool>(),
        len in 0usize..5000,
    ) {
        let mem_size = if small { 2048 } else { 1 << 16 };
        let data = text(3000, seed | 1);
        let mut stream = encode(&data, order, mem_size);
        for (at, flip) in flips {
            let at = at % stream.len();
            stream[at] ^= flip;
        }
        if let Some(cut) = cut {
            stream.truncate(cut % (stream.len() + 1));
        }
        // Up to 2000 bytes more than there are: the decoder runs on past the end of the stream too.
        let ours = ppmd::decode(&stream, order, mem_size, len);
        if let Some(bytes) = &ours {
            prop_assert_eq!(bytes.len(), len);
        }
        // Where ppmd-rust reads all of it without meeting the end of the stream, the bytes are the same.
        if let Some(reference) = reference_decode(&stream, order, mem_size, len) {
            prop_assert_eq!(ours, Some(reference));
        }
    }

    #[test]
    fn random_streams_never_panic(
        stream in prop::collection::vec(any::<u8>(), 0..400),
        order in prop::sample::select(vec![2u32, 6, 64]),
        len in 0usize..5000,
    ) {
        let mut stream = stream;
        if let Some(first) = stream.first_mut() {
            *first = 0;
        }
        let ours = ppmd::decode(&stream, order, 2048, len);
        if let Some(reference) = reference_decode(&stream, order, 2048, len) {
            prop_assert_eq!(ours, Some(reference));
        }
    }
}
