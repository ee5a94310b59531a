//! Read-only share links: an assessment's results packed into the URL fragment (`#/shared/1…`), which
//! browsers never send to a server. Whoever opens the link sees the scorecard and the roadmap in the same
//! app, computed from the packed answers; nothing is saved in their browser.
//!
//! The payload is the assessment in the saved format ([`storage::to_json`]), made smaller and stripped of
//! free text unless the user asks for it ([`for_sharing`]), then compressed with PPMd (the `ppmd-rust`
//! crate that also decodes the catalogue), prefixed with the text's Adler-32 checksum (`adler2`) and length, and
//! written as base64url without padding (`base64`). Opening checks each layer and says which one failed:
//! a cut or mistyped link, an edited one (the checksum), or one from a newer version (the saved format's
//! own checks, [`storage::from_json`]).

use crate::domain::assessment::Assessment;
use crate::domain::storage::{self, ImportError, Loaded, MAX_IMPORT_BYTES};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use std::fmt;
use std::io::{Read, Write};

/// The start of a share link's fragment; the payload follows.
pub const SHARE_PREFIX: &str = "#/shared/";
/// The payload's version: the first character after [`SHARE_PREFIX`].
const VERSION: char = '1';
/// PPMd model order and memory, fixed for version 1 (the decoder must use the encoder's).
const ORDER: u32 = 6;
const MEMORY: u32 = 1 << 20;
/// The longest share link offered, in characters of the fragment. Chat tools, e-mail programs and
/// ticket systems cut or refuse much longer links; above it the user is told to send the file instead.
pub const MAX_SHARE_CHARS: usize = 16_000;
/// What replaces a justification that is not shared: the answer still counts, its text stays home.
pub const WITHHELD: &str = "(not shared)";

/// The assessment as a share link carries it: no snapshots, no asset inventory (the shared scorecard and
/// roadmap do not use it, and its addresses and locations map the plant) and not where the user was
/// (step, section, zone); unless `with_notes`, no
/// notes, evidence, descriptions, zone register texts, conduit managers, plan notes or owners, and each justification replaced by [`WITHHELD`]
/// (so that compensating and not-applicable answers still count), and zone entries that held only notes
/// left out.
///
/// ```
/// use iec62443_assess::*;
/// use iec62443_assess::share::{for_sharing, WITHHELD};
/// let mut a = Assessment::new("a1", "Plant", "2026-01-10T09:00:00Z");
/// a.set_response(&AnswerScope::Assessment, "zcr-3.5", Response {
///     notes: "Ask Ann".into(),
///     ..Response::justified(Answer::NotApplicable, "No wireless")
/// });
/// let shared = for_sharing(&a, false);
/// let r = &shared.answers.assessment["zcr-3.5"];
/// assert_eq!((r.justification.as_str(), r.notes.as_str()), (WITHHELD, ""));
/// assert_eq!(for_sharing(&a, true).answers, a.answers);
/// ```
pub fn for_sharing(a: &Assessment, with_notes: bool) -> Assessment {
    let mut shared = a.clone();
    shared.snapshots.clear();
    shared.assets.clear();
    shared.last_step.clear();
    shared.last_section.clear();
    shared.last_zone.clear();
    if with_notes {
        return shared;
    }
    let answers = &mut shared.answers;
    let maps = std::iter::once(&mut answers.assessment)
        .chain(std::iter::once(&mut answers.all_zones))
        .chain(answers.zones.values_mut())
        .chain(answers.products.values_mut());
    for map in maps {
        map.retain(|_, r| {
            r.notes.clear();
            r.evidence.clear();
            if !r.justification.is_empty() {
                r.justification = WITHHELD.to_string();
            }
            !r.is_empty()
        });
    }
    answers.zones.retain(|_, m| !m.is_empty());
    answers.products.retain(|_, m| !m.is_empty());
    for zone in &mut shared.zones {
        for text in [
            &mut zone.description,
            &mut zone.organisation,
            &mut zone.boundary,
            &mut zone.logical_access,
            &mut zone.physical_access,
            &mut zone.data_flows,
        ] {
            text.clear();
        }
    }
    for conduit in &mut shared.conduits {
        conduit.manager.clear();
    }
    for product in &mut shared.products {
        product.description.clear();
    }
    for plan in shared.plan.values_mut() {
        plan.note.clear();
        plan.owner.clear();
    }
    shared.plan.retain(|_, p| *p != Default::default());
    shared
}

/// A share link's fragment and how long it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShareLink {
    /// `#/shared/1…`: append it to the app's address.
    pub fragment: String,
}

impl ShareLink {
    /// The fragment's length in characters (all ASCII).
    pub fn chars(&self) -> usize {
        self.fragment.len()
    }

    /// Whether it is longer than [`MAX_SHARE_CHARS`]: send the file instead.
    pub fn too_long(&self) -> bool {
        self.chars() > MAX_SHARE_CHARS
    }

    /// "3.2 KB (3,214 characters)".
    pub fn size_text(&self) -> String {
        let n = self.chars();
        format!("{:.1} KB ({} characters)", n as f64 / 1000.0, thousands(n))
    }
}

/// A count with its thousands grouped, as the texts of the tool write it: `12345` -> `"12,345"` (the share
/// link's size, the text counters).
///
/// ```
/// use iec62443_assess::share::thousands;
/// assert_eq!(thousands(7), "7");
/// assert_eq!(thousands(12345), "12,345");
/// assert_eq!(thousands(1000000), "1,000,000");
/// ```
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Packs an assessment ([`for_sharing`]) into a share link.
///
/// ```
/// use iec62443_assess::*;
/// use iec62443_assess::share::{open_link, share_link};
/// let mut a = Assessment::new("a1", "Plant", "2026-01-10T09:00:00Z");
/// a.zones.push(Zone::new("z1", "Cell A"));
/// let link = share_link(&a, false);
/// assert!(link.fragment.starts_with("#/shared/1"));
/// assert_eq!(open_link(&link.fragment).unwrap().assessment, a);
/// ```
pub fn share_link(a: &Assessment, with_notes: bool) -> ShareLink {
    let text = storage::to_json(&for_sharing(a, with_notes));
    let mut payload = Vec::with_capacity(text.len() / 4 + 8);
    payload.extend_from_slice(&adler2::adler32_slice(text.as_bytes()).to_le_bytes());
    payload.extend_from_slice(&(text.len() as u32).to_le_bytes());
    // Writing into a Vec cannot fail, and the order and memory are valid constants; should the encoder
    // refuse anyway, the link holds no data and opening it says it is damaged.
    if let Ok(mut encoder) = ppmd_rust::Ppmd7Encoder::new(payload, ORDER, MEMORY) {
        let _ = encoder.write_all(text.as_bytes());
        payload = encoder.finish(false).unwrap_or_default();
    } else {
        payload = Vec::new();
    }
    let mut fragment = String::from(SHARE_PREFIX);
    fragment.push(VERSION);
    URL_SAFE_NO_PAD.encode_string(&payload, &mut fragment);
    ShareLink { fragment }
}

/// Why a share link could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// Not a share link at all.
    NotALink,
    /// Written by a newer version of the tool (another payload version).
    NewerVersion,
    /// Characters that base64url does not have, or too short: cut or mistyped.
    Damaged,
    /// It decodes, but the checksum does not match: changed after it was made, or cut.
    Altered,
    /// The contents are not an assessment this version can read.
    Unreadable(ImportError),
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::NotALink => f.write_str("This address does not hold shared results."),
            ShareError::NewerVersion => f.write_str(
                "This link was made by a newer version of the tool. Open it with the version that made it, or ask for the assessment file.",
            ),
            ShareError::Damaged => f.write_str(
                "This link is damaged: part of it is missing or mistyped (e-mail programs sometimes cut long links). Ask the sender for the whole link, or for the assessment file.",
            ),
            ShareError::Altered => f.write_str(
                "This link was changed after it was made, or part of it is missing, so its results cannot be trusted. Ask the sender for the link again, or for the assessment file.",
            ),
            ShareError::Unreadable(e) => write!(f, "The shared results cannot be read: {e}"),
        }
    }
}

/// Opens a share link's fragment (with or without the leading `#`): the assessment, read and checked
/// like an imported file. Never panics, whatever the text.
pub fn open_link(fragment: &str) -> Result<Loaded, ShareError> {
    let fragment = if fragment.starts_with('#') { fragment.to_string() } else { format!("#{fragment}") };
    let payload = fragment.strip_prefix(SHARE_PREFIX).ok_or(ShareError::NotALink)?;
    let mut chars = payload.chars();
    match chars.next() {
        Some(VERSION) => {}
        Some(c) if c.is_ascii_digit() => return Err(ShareError::NewerVersion),
        _ => return Err(ShareError::Damaged),
    }
    let encoded = chars.as_str().trim_end();
    // A base64 text four thirds the size of the largest file: anything longer is not one of ours.
    if encoded.len() > MAX_IMPORT_BYTES / 3 * 4 {
        return Err(ShareError::Damaged);
    }
    let bytes = URL_SAFE_NO_PAD.decode(encoded).map_err(|_| ShareError::Damaged)?;
    let (Some(sum), Some(len)) = (bytes.get(..4), bytes.get(4..8)) else { return Err(ShareError::Damaged) };
    let sum = u32::from_le_bytes([sum[0], sum[1], sum[2], sum[3]]);
    let len = u32::from_le_bytes([len[0], len[1], len[2], len[3]]) as usize;
    if len > MAX_IMPORT_BYTES {
        return Err(ShareError::Altered);
    }
    let mut text = vec![0; len];
    let mut decoder = ppmd_rust::Ppmd7Decoder::new(&bytes[8..], ORDER, MEMORY).map_err(|_| ShareError::Damaged)?;
    decoder.read_exact(&mut text).map_err(|_| ShareError::Altered)?;
    if adler2::adler32_slice(&text) != sum {
        return Err(ShareError::Altered);
    }
    let text = String::from_utf8(text).map_err(|_| ShareError::Altered)?;
    storage::from_json(&text).map_err(ShareError::Unreadable)
}
