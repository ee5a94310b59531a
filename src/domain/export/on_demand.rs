//! What the on-demand export worker does (`src/docx_worker.rs`, started by the app only when the user asks
//! for one of these): the Word report, the map as a draw.io file and the read-only share link. Their
//! writers (docx-rs, the quick-xml writer of [`crate::domain::drawio`], the PPMd encoder and base64 of
//! [`crate::domain::share`]) are linked into the worker only, not into the app's first download. The app
//! sends one JSON message, a [`WorkerRequest`], with the assessment in its saved format; the worker builds
//! what is asked from it (map layout and scoring included) and answers with bytes
//! ([`worker_answer_from_json`], feature `docx`).

use super::DocxRequest;
use serde::{Deserialize, Serialize};

/// One request to the export worker, as JSON: `{"kind": "word" | "drawio" | "share-link", …}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum WorkerRequest {
    /// The report as a Word file: answered with the `.docx` file's bytes.
    Word(DocxRequest),
    /// The map of zones and conduits as a draw.io file, laid out and scored as the app shows it
    /// ([`crate::domain::map::zone_map`]): answered with the file's XML (UTF-8).
    Drawio {
        /// The assessment in the saved format ([`crate::domain::storage::to_json`]).
        assessment: String,
    },
    /// A read-only share link ([`crate::domain::share::share_link`]): answered with its fragment (UTF-8).
    ShareLink {
        /// The assessment in the saved format ([`crate::domain::storage::to_json`]).
        assessment: String,
        /// Whether notes, justifications and evidence travel too.
        with_notes: bool,
    },
}

/// The worker's answer to a request as JSON: the bytes asked for, or a sentence (lower case, no final
/// full stop: the app embeds it) saying what went wrong. Never panics, whatever the text.
///
/// ```
/// use iec62443_assess::export::{worker_answer_from_json, WorkerRequest};
/// use iec62443_assess::share::open_link;
/// use iec62443_assess::storage::to_json;
/// use iec62443_assess::*;
/// let a = Assessment::new("a1", "Plant", "2026-11-20T09:00:00Z");
/// let request = WorkerRequest::ShareLink { assessment: to_json(&a), with_notes: false };
/// let fragment = worker_answer_from_json(&serde_json::to_string(&request).unwrap()).unwrap();
/// assert_eq!(open_link(&String::from_utf8(fragment).unwrap()).unwrap().assessment, a);
/// ```
#[cfg(feature = "docx")]
pub fn worker_answer_from_json(json: &str) -> Result<Vec<u8>, String> {
    use crate::domain::storage::from_json;
    let request: WorkerRequest =
        serde_json::from_str(json).map_err(|e| format!("the request could not be read ({e})"))?;
    let read = |saved: &str| {
        from_json(saved).map(|loaded| loaded.assessment).map_err(|e| format!("the assessment could not be read ({e})"))
    };
    match request {
        WorkerRequest::Word(request) => super::report_docx(&request).map_err(|e| e.to_string()),
        WorkerRequest::Drawio { assessment } => {
            let a = read(&assessment)?;
            let map = crate::domain::map::zone_map(&a, &crate::domain::scoring::score(&a));
            crate::domain::drawio::map_drawio(&map)
                .map(String::into_bytes)
                .map_err(|e| format!("the draw.io file could not be written ({e})"))
        }
        WorkerRequest::ShareLink { assessment, with_notes } => {
            let a = read(&assessment)?;
            Ok(crate::domain::share::share_link(&a, with_notes).fragment.into_bytes())
        }
    }
}

#[cfg(all(test, feature = "docx"))]
mod tests {
    use super::*;
    use crate::domain::drawio::map_drawio;
    use crate::domain::export::{DocxBranding, Picture};
    use crate::domain::map::zone_map;
    use crate::domain::scoring::score;
    use crate::domain::share::{open_link, share_link};
    use crate::domain::storage::to_json;
    use crate::domain::{Assessment, Conduit, Zone};

    fn plant() -> Assessment {
        let mut a = Assessment::new("a1", "Plant", "2026-11-20T09:00:00Z");
        a.zones.push(Zone::new("z1", "Cell A"));
        a.zones.push(Zone::new("z2", "DMZ"));
        a.zones[0].description = "private description".to_string();
        a.conduits.push(Conduit::new("c1", "Cell A to DMZ", "z1", "z2"));
        a
    }

    fn ask(request: &WorkerRequest) -> Result<Vec<u8>, String> {
        // The app sends the pretty form (the saved format's writer).
        worker_answer_from_json(&serde_json::to_string_pretty(request).unwrap())
    }

    #[test]
    fn the_requests_are_one_tagged_json_shape_and_survive_the_trip() {
        let word = WorkerRequest::Word(DocxRequest {
            assessment: to_json(&plant()),
            length: "full".to_string(),
            since: String::new(),
            branding: DocxBranding { name: "Acme".to_string(), ..DocxBranding::default() },
            charts: vec![None, Some(Picture { png: vec![0x89, b'P', b'N', b'G'], width: 10, height: 20 })],
            logo: None,
        });
        let drawio = WorkerRequest::Drawio { assessment: to_json(&plant()) };
        let share = WorkerRequest::ShareLink { assessment: to_json(&plant()), with_notes: true };
        for (request, kind) in [(&word, "word"), (&drawio, "drawio"), (&share, "share-link")] {
            let json = serde_json::to_string_pretty(request).unwrap();
            let value: serde_json::Value = serde_json::from_str(&json).unwrap();
            assert_eq!(value["kind"], kind);
            assert_eq!(&serde_json::from_str::<WorkerRequest>(&json).unwrap(), request);
        }
    }

    #[test]
    fn the_worker_answers_what_the_domain_writes() {
        let a = plant();
        let xml = ask(&WorkerRequest::Drawio { assessment: to_json(&a) }).unwrap();
        assert_eq!(String::from_utf8(xml).unwrap(), map_drawio(&zone_map(&a, &score(&a))).unwrap());
        for with_notes in [false, true] {
            let fragment = ask(&WorkerRequest::ShareLink { assessment: to_json(&a), with_notes }).unwrap();
            let fragment = String::from_utf8(fragment).unwrap();
            assert_eq!(fragment, share_link(&a, with_notes).fragment);
            let opened = open_link(&fragment).unwrap().assessment;
            assert_eq!(opened.zones[0].description.is_empty(), !with_notes);
        }
        let word = ask(&WorkerRequest::Word(DocxRequest {
            assessment: to_json(&a),
            length: "short".to_string(),
            since: String::new(),
            branding: DocxBranding::default(),
            charts: Vec::new(),
            logo: None,
        }))
        .unwrap();
        assert!(word.starts_with(b"PK"));
    }

    #[test]
    fn bad_requests_get_a_sentence_not_a_panic() {
        let unknown = worker_answer_from_json(r#"{"kind":"pdf","assessment":"{}"}"#).unwrap_err();
        assert!(unknown.starts_with("the request could not be read"), "{unknown}");
        let not_json = worker_answer_from_json("not json").unwrap_err();
        assert!(not_json.starts_with("the request could not be read"), "{not_json}");
        for request in [
            WorkerRequest::Drawio { assessment: "{\"zones\": 3}".to_string() },
            WorkerRequest::ShareLink { assessment: String::new(), with_notes: false },
        ] {
            let e = ask(&request).unwrap_err();
            assert!(e.starts_with("the assessment could not be read ("), "{e}");
        }
        let length = ask(&WorkerRequest::Word(DocxRequest {
            assessment: to_json(&plant()),
            length: "medium".to_string(),
            since: String::new(),
            branding: DocxBranding::default(),
            charts: Vec::new(),
            logo: None,
        }))
        .unwrap_err();
        assert!(length.contains("medium"), "{length}");
    }
}
