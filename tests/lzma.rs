//! The LZMA decoder of the catalogue texts: round trips with a reference encoder, damaged streams give an
//! error and never a panic, and the app's catalogue reads back exactly what questionnaires/ says.

use iec62443_assess::domain::lzma::{decode, LzmaError, Props};
use iec62443_assess::*;
use lzma_rust2::{LzmaOptions, LzmaWriter};
use proptest::prelude::*;
use std::io::Write;

fn compress(data: &[u8], props: Props, preset: u32, end_marker: bool) -> Vec<u8> {
    let mut options = LzmaOptions::with_preset(preset);
    (options.lc, options.lp, options.pb) = (props.lc, props.lp, props.pb);
    options.dict_size = 1 << 16;
    let mut w = LzmaWriter::new_no_header(Vec::new(), &options, end_marker).expect("encoder");
    w.write_all(data).expect("compress");
    w.finish().expect("finish")
}

/// Text with long and short repeats, so that every kind of match and literal occurs.
fn sample() -> Vec<u8> {
    let mut text = String::new();
    for i in 0..400u32 {
        text.push_str(&format!("Zone {i}: the firewall between zone {} and zone {} logs ", i % 7, i % 13));
        text.push_str(["denied flows. ", "allowed flows. ", "every flow. "][(i % 3) as usize]);
        if i % 17 == 0 {
            text.push_str(&"x".repeat((i % 50) as usize));
        }
    }
    text.into_bytes()
}

#[test]
fn a_stream_decodes_to_what_was_compressed_for_several_settings() {
    let data = sample();
    for (lc, lp, pb) in [(3, 0, 0), (3, 0, 2), (0, 2, 2), (8, 0, 0), (4, 4, 4)] {
        let props = Props { lc, lp, pb };
        for preset in [0, 6, 9] {
            let stream = compress(&data, props, preset, false);
            assert_eq!(decode(&stream, props, data.len()).as_deref(), Ok(&data[..]), "lc {lc} lp {lp} pb {pb}");
        }
    }
}

#[test]
fn an_end_marker_ends_the_data_and_a_short_stream_is_an_error() {
    let data = sample();
    let props = Props { lc: 3, lp: 0, pb: 2 };
    let stream = compress(&data, props, 6, true);
    assert_eq!(decode(&stream, props, data.len() + 100), Err(LzmaError("the stream ended early")));
    assert_eq!(decode(&stream, props, data.len()).as_deref(), Ok(&data[..]));
    assert_eq!(decode(&[], props, 1), Err(LzmaError("the stream does not start like an LZMA stream")));
    assert_eq!(Props::from_byte(93), Ok(Props { lc: 3, lp: 0, pb: 2 }));
    assert!(Props::from_byte(225).is_err());
}

proptest! {
    // Each case compresses with the (debug-built) reference encoder, which dominates the time.
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_bytes_round_trip(data in prop::collection::vec(any::<u8>(), 0..3000), lc in 0u32..=8, pb in 0u32..=4) {
        let props = Props { lc, lp: 0, pb };
        let stream = compress(&data, props, 1, false);
        prop_assert_eq!(decode(&stream, props, data.len()), Ok(data));
    }

    #[test]
    fn a_damaged_stream_gives_a_result_or_an_error_but_never_panics(
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        cut in any::<prop::sample::Index>(),
    ) {
        let data = sample();
        let props = Props { lc: 3, lp: 0, pb: 0 };
        let mut stream = compress(&data, props, 1, false);
        for (at, byte) in flips {
            let i = at.index(stream.len());
            stream[i] ^= byte;
        }
        stream.truncate(cut.index(stream.len()) + 1);
        let _ = decode(&stream, props, data.len());
    }
}

#[test]
fn the_catalogue_reads_back_every_text_of_questionnaires_exactly() {
    let mut checked = 0;
    for file in ["3-3", "3-2", "2-1", "2-4", "4-1", "4-2"] {
        let path = format!("{}/questionnaires/iec62443-{file}.toml", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).expect("questionnaire file");
        let parsed: toml::Table = toml::from_str(&text).expect("valid TOML");
        for source in parsed["item"].as_array().expect("items").iter().filter_map(|i| i.as_table()) {
            let id = source["id"].as_str().expect("id");
            let item = catalogue::item(id).unwrap_or_else(|| panic!("{id} is missing"));
            for (field, value) in
                [("title", item.title), ("question", item.question), ("why", item.why), ("action", item.action)]
            {
                assert_eq!(source[field].as_str(), Some(value), "{field} of {id}");
            }
            let evidence: Vec<&str> =
                source["evidence"].as_array().expect("evidence").iter().filter_map(|e| e.as_str()).collect();
            assert_eq!(evidence, item.evidence, "evidence of {id}");
            checked += 1;
        }
    }
    assert_eq!(checked, ITEMS.len());
}
