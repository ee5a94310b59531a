//! Handing results over: the read-only share link (round trip, what is left out, damaged and edited
//! links, the size limit, and property tests that any assessment round-trips and no text panics), and the
//! "Send to" e-mail draft.

mod common;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use common::*;
use iec62443_assess::handover::{is_address, mailto, subject, summary_text, MAX_MAILTO_CHARS};
use iec62443_assess::share::{for_sharing, open_link, share_link, ShareError, MAX_SHARE_CHARS, SHARE_PREFIX, WITHHELD};
use iec62443_assess::storage::from_json;
use iec62443_assess::*;
use proptest::prelude::*;

const SCHEMA_5: &str = include_str!("fixtures/schema-5.json");

fn fixture() -> Assessment {
    from_json(SCHEMA_5).expect("the fixture loads").assessment
}

/// The link's payload (after `#/shared/1`) with a change made to its bytes, encoded again.
fn with_payload(link: &str, change: impl FnOnce(&mut Vec<u8>)) -> String {
    let encoded = link.strip_prefix(SHARE_PREFIX).and_then(|p| p.strip_prefix('1')).expect("a version 1 link");
    let mut bytes = URL_SAFE_NO_PAD.decode(encoded).expect("base64url");
    change(&mut bytes);
    format!("{SHARE_PREFIX}1{}", URL_SAFE_NO_PAD.encode(bytes))
}

#[test]
fn a_link_opens_to_the_same_results_without_notes_unless_asked() {
    let a = fixture();
    let link = share_link(&a, false);
    let opened = open_link(&link.fragment).expect("the link opens").assessment;
    assert!(opened.snapshots.is_empty(), "snapshots stay home");
    assert_eq!(opened.answers.zones["z1"]["sr-5.1"].notes, "");
    assert!(opened.answers.all_zones["sr-1.1"].evidence.is_empty());
    // A zone entry that held only a note is left out; a justification is replaced, so the answer counts.
    assert!(!opened.answers.zones["z1"].contains_key("sr-1.1"));
    assert_eq!(opened.answers.assessment["net-3"].justification, WITHHELD);
    assert!(opened.zones.iter().all(|z| z.description.is_empty()));
    // The inventory never travels; the zone register's texts and conduit managers only with the notes.
    assert!(opened.assets.is_empty());
    assert!(opened.zones.iter().all(|z| z.organisation.is_empty() && z.boundary.is_empty() && z.data_flows.is_empty()));
    assert_eq!(opened.zones[0].purdue_levels, a.zones[0].purdue_levels, "levels are not free text");
    assert!(opened.conduits.iter().all(|c| c.manager.is_empty()));
    assert_eq!(opened.plan["cr-1.1-re1"].owner, "");
    assert_eq!(opened.plan["cr-1.1-re1"].target_date, "2026-09-30");
    // The results are those of the original.
    let (card, shared_card) = (score(&a), score(&opened));
    assert_eq!(shared_card.zones, card.zones);
    assert_eq!(shared_card.products, card.products);
    assert_eq!(shared_card.maturity, card.maturity);
    assert_eq!(roadmap_with(&opened, &shared_card.zones), roadmap_with(&a, &card.zones));

    // With notes ticked, everything but the snapshots, the inventory and the last step goes.
    let with_notes = open_link(&share_link(&a, true).fragment).expect("opens").assessment;
    assert_eq!(with_notes.zones[0].organisation, "Harbour Water Utility, operations department");
    let mut expected = a.clone();
    expected.snapshots.clear();
    expected.assets.clear();
    expected.last_step.clear();
    assert_eq!(with_notes, expected);
    // The fragment may come with or without its '#'.
    assert!(open_link(&link.fragment[1..]).is_ok());
}

#[test]
fn the_link_is_base64url_and_states_its_size() {
    let link = share_link(&fixture(), false);
    let payload = &link.fragment[SHARE_PREFIX.len()..];
    assert!(payload.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'), "{payload}");
    assert_eq!(link.chars(), link.fragment.len());
    assert!(!link.too_long());
    // The fixture is about 7 KB of pretty JSON (without its snapshot); the link is a fraction of it.
    let json = storage::to_json(&for_sharing(&fixture(), false));
    assert!(link.chars() * 3 < json.len(), "{} characters for {} bytes of JSON", link.chars(), json.len());
    let example = iec62443_assess::share::ShareLink { fragment: "#".repeat(12_345) };
    assert_eq!(example.size_text(), "12.3 KB (12,345 characters)");
}

#[test]
fn a_large_assessment_is_over_the_limit_and_says_to_send_the_file() {
    let mut a = fixture();
    // Long notes that do not compress away: notes ticked, every 3-3 item noted in every zone.
    let mut seed = 7u64;
    let mut noise = || {
        (0..400)
            .map(|_| {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                char::from(b'a' + (seed >> 59) as u8 % 26)
            })
            .collect::<String>()
    };
    for item in catalogue::items_of(Part::SystemRequirements) {
        a.set_response(&AnswerScope::AllZones, item.id, Response { notes: noise(), ..Response::with(Answer::Partial) });
    }
    let with_notes = share_link(&a, true);
    assert!(with_notes.too_long(), "{} characters", with_notes.chars());
    assert!(with_notes.chars() > MAX_SHARE_CHARS);
    // Without the notes the same results fit.
    assert!(!share_link(&a, false).too_long());
}

#[test]
fn damaged_and_edited_links_are_refused_with_a_reason() {
    let link = share_link(&fixture(), false).fragment;
    assert_eq!(open_link("#/results").unwrap_err(), ShareError::NotALink);
    assert_eq!(open_link(&format!("{SHARE_PREFIX}2abc")).unwrap_err(), ShareError::NewerVersion);
    assert_eq!(open_link(SHARE_PREFIX).unwrap_err(), ShareError::Damaged);
    // A character base64url does not have, and a link cut in the middle of its header.
    assert_eq!(open_link(&format!("{}!{}", &link[..40], &link[41..])).unwrap_err(), ShareError::Damaged);
    assert_eq!(open_link(&link[..SHARE_PREFIX.len() + 6]).unwrap_err(), ShareError::Damaged);
    // A link cut short: the text stops before its length.
    assert_eq!(open_link(&link[..link.len() / 2]).unwrap_err(), ShareError::Altered);
    // An edited checksum, an edited length and an edited byte of the compressed text.
    assert_eq!(open_link(&with_payload(&link, |b| b[0] ^= 1)).unwrap_err(), ShareError::Altered);
    assert_eq!(open_link(&with_payload(&link, |b| b[4] ^= 1)).unwrap_err(), ShareError::Altered);
    let middle = |b: &mut Vec<u8>| {
        let i = b.len() / 2;
        b[i] ^= 0x10;
    };
    assert_eq!(open_link(&with_payload(&link, middle)).unwrap_err(), ShareError::Altered);
    // A length far beyond any file is refused before anything is allocated.
    assert_eq!(
        open_link(&with_payload(&link, |b| b[4..8].copy_from_slice(&u32::MAX.to_le_bytes()))).unwrap_err(),
        ShareError::Altered
    );
    // Every message tells the user what to do.
    for e in [ShareError::Damaged, ShareError::Altered, ShareError::NewerVersion] {
        assert!(e.to_string().contains("Ask ") || e.to_string().contains("Open it"), "{e}");
    }
}

#[test]
fn a_link_whose_contents_break_the_rules_is_refused_like_a_file() {
    // A well-formed link around a file of a newer schema: the saved format's own message.
    let text = storage::to_json(&fixture()).replace("\"schema\": 5", "\"schema\": 9");
    let mut payload = adler2::adler32_slice(text.as_bytes()).to_le_bytes().to_vec();
    payload.extend_from_slice(&(text.len() as u32).to_le_bytes());
    let mut encoder = ppmd_rust::Ppmd7Encoder::new(payload, 6, 1 << 20).expect("an encoder");
    std::io::Write::write_all(&mut encoder, text.as_bytes()).expect("written");
    let payload = encoder.finish(false).expect("finished");
    let link = format!("{SHARE_PREFIX}1{}", URL_SAFE_NO_PAD.encode(payload));
    let Err(ShareError::Unreadable(e)) = open_link(&link) else { panic!("refused as unreadable") };
    assert!(e.to_string().contains("newer version of this tool (schema 9"), "{e}");
}

proptest! {
    #[test]
    fn any_assessment_round_trips_through_a_link_with_notes(a in arb_assessment()) {
        let opened = open_link(&share_link(&a, true).fragment).map(|l| l.assessment);
        prop_assert_eq!(opened, Ok(for_sharing(&a, true)));
    }

    #[test]
    fn any_assessment_shares_the_same_levels_without_notes(a in arb_supplier_assessment()) {
        let opened = open_link(&share_link(&a, false).fragment).expect("opens").assessment;
        let (card, shared) = (score(&a), score(&opened));
        prop_assert_eq!(shared.zones, card.zones);
        prop_assert_eq!(shared.products, card.products);
    }

    #[test]
    fn any_text_after_the_prefix_never_panics(text in "[A-Za-z0-9_\\-]{0,400}") {
        let _ = open_link(&format!("{SHARE_PREFIX}1{text}"));
    }

    #[test]
    fn any_change_to_a_link_is_refused_or_reads_a_valid_assessment(
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6),
        cut in any::<prop::sample::Index>(),
    ) {
        let link = share_link(&fixture(), false).fragment;
        let mut bytes = URL_SAFE_NO_PAD.decode(&link[SHARE_PREFIX.len() + 1..]).expect("base64url");
        for (at, value) in flips {
            let i = at.index(bytes.len());
            bytes[i] ^= value;
        }
        bytes.truncate(cut.index(bytes.len() + 1).max(1));
        let edited = format!("{SHARE_PREFIX}1{}", URL_SAFE_NO_PAD.encode(&bytes));
        if let Ok(loaded) = open_link(&edited) {
            prop_assert!(storage::validate(&loaded.assessment).is_ok());
        }
    }
}

// --- Send to -------------------------------------------------------------------------------------------

#[test]
fn the_mail_draft_carries_the_summary_and_asks_for_the_file() {
    let a = fixture();
    let card = score(&a);
    let roadmap = roadmap_with(&a, &card.zones);
    let lines = summary_text(&a, &card, &roadmap, "northwind.json");
    assert_eq!(lines[0], "Hello,");
    assert!(lines[2].starts_with("please find attached the file \"northwind.json\" with our IEC 62443 self-assessment \"Northwind: RTU line and Harbour pumping station\" (2026-04-28)."));
    assert!(lines.iter().any(|l| l.starts_with("- Harbour pumping control: target reached in ")));
    assert!(lines.contains(&"Top gaps:".to_string()));
    let url = mailto("ot-team@example.com", &subject(&a), &lines);
    assert!(url.starts_with(
        "mailto:ot-team@example.com?subject=IEC%2062443%20self-assessment%3A%20Northwind%3A%20RTU%20line%20and%20Harbour%20pumping%20station&body=Hello%2C%0D%0A%0D%0Aplease%20find%20attached%20the%20file%20%22northwind.json%22"
    ), "{url}");
    assert!(url.len() <= MAX_MAILTO_CHARS);
    // Nothing in the body can add a header or another recipient.
    let body = url.split_once("&body=").expect("a body").1;
    assert!(!body.contains('&') && !body.contains('?') && !body.contains(' ') && !body.contains('\n'));
}

#[test]
fn a_long_summary_loses_its_last_lines_but_keeps_the_request_to_attach() {
    let lines: Vec<String> = ["Hello,", "", "please find attached the file \"x.json\"."]
        .iter()
        .map(|s| s.to_string())
        .chain((0..200).map(|i| format!("- Zone {i}: target reached in 3 of 7 FRs")))
        .collect();
    let url = mailto("a@example.com", "Results", &lines);
    assert!(url.len() <= MAX_MAILTO_CHARS, "{}", url.len());
    assert!(url.contains("x.json"));
    assert!(url.contains("Zone%200%3A"));
    assert!(!url.contains("Zone%20199"));
}

#[test]
fn only_plain_addresses_are_used() {
    assert!(is_address("ot-team@example.com"));
    for bad in ["", "example.com", "a@b", "a@@b.com", "a b@c.com", "a@b.com&cc=x@y.com", "a@b.com%0Abcc", "<a@b.com>"] {
        assert!(!is_address(bad), "{bad}");
    }
}
