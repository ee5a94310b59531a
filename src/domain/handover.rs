//! Handing results to the consultancy that offers the tool ("Send to NAME"): a short plain-text summary
//! and the `mailto:` address of an e-mail draft that carries it. The app saves the assessment file and
//! opens the draft; the user attaches the file and sends it themselves, so nothing leaves the browser
//! without them.

use crate::domain::assessment::Assessment;
use crate::domain::report::executive_summary;
use crate::domain::roadmap::Roadmap;
use crate::domain::scoring::Scorecard;
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// The longest `mailto:` address built. Mail programs and operating systems cut longer ones (Windows
/// passes at most about 2,000 characters to the mail program), so the summary loses its last lines
/// until the address fits.
pub const MAX_MAILTO_CHARS: usize = 2000;

/// What a mailto field keeps unencoded: RFC 3986's unreserved characters (RFC 6068 asks for everything
/// else in a field to be percent-encoded; a space is `%20`, never `+`).
const FIELD: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// Whether a text can be a contact e-mail address: one `@` with something either side, no spaces and
/// none of the characters that would end or extend the address part of a `mailto:` link.
///
/// ```
/// use iec62443_assess::handover::is_address;
/// assert!(is_address("ot-team@example.com"));
/// assert!(!is_address("ot team@example.com"));
/// assert!(!is_address("a@b.com?bcc=someone@else.com"));
/// ```
pub fn is_address(text: &str) -> bool {
    let mut parts = text.split('@');
    let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else { return false };
    !local.is_empty()
        && domain.contains('.')
        && text.len() <= 254
        && text
            .chars()
            .all(|c| c.is_ascii_graphic() && !matches!(c, '?' | '&' | '#' | '%' | '/' | ',' | '<' | '>' | '"'))
}

/// The e-mail summary: the assessment's name and date, the executive summary's overall paragraph, a
/// line per zone and product, the top gaps, and the request to attach the saved file `file_name`.
pub fn summary_text(a: &Assessment, card: &Scorecard, roadmap: &Roadmap, file_name: &str) -> Vec<String> {
    let summary = executive_summary(a, card, roadmap);
    let mut lines = vec![
        "Hello,".to_string(),
        String::new(),
        format!(
            "please find attached the file \"{file_name}\" with our IEC 62443 self-assessment \"{}\" ({}). I saved it to my downloads and attached it to this e-mail.",
            a.name.trim(),
            a.updated.get(..10).unwrap_or(&a.updated)
        ),
        String::new(),
        summary.overall,
    ];
    if !summary.zone_lines.is_empty() {
        lines.push(String::new());
        lines.extend(summary.zone_lines.into_iter().map(|l| format!("- {l}")));
    }
    if !summary.top_gaps.is_empty() {
        lines.push(String::new());
        lines.push("Top gaps:".to_string());
        lines.extend(
            summary
                .top_gaps
                .iter()
                .enumerate()
                .map(|(i, g)| format!("{}. {} ({}) · {}", i + 1, g.item.title, g.item.main_ref(), g.zone_names())),
        );
    }
    lines
}

/// A `mailto:` address to `address` with a subject and a body, every field percent-encoded; the body's
/// lines (joined with CRLF, as RFC 6068 asks) are dropped from the end until the whole address is at most
/// [`MAX_MAILTO_CHARS`] long, the request to attach the file (third line) always kept.
///
/// ```
/// use iec62443_assess::handover::mailto;
/// let lines = vec!["Hello,".to_string(), "A & B?".to_string()];
/// assert_eq!(
///     mailto("ot@example.com", "Our results", &lines),
///     "mailto:ot@example.com?subject=Our%20results&body=Hello%2C%0D%0AA%20%26%20B%3F"
/// );
/// ```
pub fn mailto(address: &str, subject: &str, lines: &[String]) -> String {
    let head = format!("mailto:{address}?subject={}", utf8_percent_encode(subject, FIELD));
    let mut keep = lines.len();
    loop {
        let body = lines[..keep].join("\r\n");
        let url = format!("{head}&body={}", utf8_percent_encode(&body, FIELD));
        if url.len() <= MAX_MAILTO_CHARS || keep <= 3 {
            return url;
        }
        keep -= 1;
    }
}

/// The subject of the e-mail: "IEC 62443 self-assessment: {name}".
pub fn subject(a: &Assessment) -> String {
    format!("IEC 62443 self-assessment: {}", a.name.trim())
}
