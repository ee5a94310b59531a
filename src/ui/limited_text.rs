//! A text area whose length limit the user can see: a counter once the text nears the limit, and a note
//! when a pasted text did not fit, saying what was kept.
//!
//! The limit is counted as the browser counts `maxlength` (UTF-16 code units), which is never fewer than
//! the characters the saved format counts, so what the field accepts always imports again.

use crate::domain::share::thousands;
use crate::domain::MAX_TEXT_CHARS;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The counter shows from this share of the limit on (per cent).
const COUNTER_FROM_PERCENT: usize = 90;

/// The length of a text as `maxlength` counts it.
fn units(text: &str) -> usize {
    text.encode_utf16().count()
}

/// The longest start of `text` that fits in `room` UTF-16 units, without splitting a character.
fn fitting(text: &str, room: usize) -> &str {
    let mut used = 0;
    for (at, c) in text.char_indices() {
        used += c.len_utf16();
        if used > room {
            return &text[..at];
        }
    }
    text
}

/// A text area limited to `limit` characters (by default the notes' limit), with a counter near the limit
/// and a note when a paste had to be cut. Its counter has the id `{id}-count`, and describes the field
/// together with `described_by`.
#[component]
pub fn LimitedTextArea(
    /// The element id (its label's `for`).
    id: String,
    /// The saved text.
    #[prop(into)]
    value: Signal<String>,
    /// Saves a new text.
    set: Callback<String>,
    /// Visible lines.
    #[prop(default = "2")]
    rows: &'static str,
    /// The most characters it holds.
    #[prop(default = MAX_TEXT_CHARS)]
    limit: usize,
    /// A hint shown while it is empty.
    #[prop(optional)]
    placeholder: &'static str,
    /// Whether a text is required.
    #[prop(optional)]
    required: bool,
    /// Whether the field is marked invalid (`aria-invalid`).
    #[prop(optional, into)]
    invalid: Option<Signal<bool>>,
    /// Another element that describes the field (an error message).
    #[prop(optional)]
    described_by: Option<String>,
) -> impl IntoView {
    let count_id = format!("{id}-count");
    let described_by = match described_by {
        Some(other) => format!("{other} {count_id}"),
        None => count_id.clone(),
    };
    let length = Memo::new(move |_| value.with(|v| units(v)));
    let near = move || length.get() * 100 >= limit * COUNTER_FROM_PERCENT;
    // What the last paste left out, until the user types again.
    let cut = RwSignal::new(None::<String>);
    let on_paste = move |ev: web_sys::ClipboardEvent| {
        let Some(pasted) = ev.clipboard_data().and_then(|data| data.get_data("text").ok()) else { return };
        let Some(area) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) else { return };
        let current = area.value();
        let end_of_text = units(&current) as u32;
        let start = area.selection_start().ok().flatten().unwrap_or(end_of_text);
        let end = area.selection_end().ok().flatten().unwrap_or(end_of_text).max(start);
        let replaced = (end - start) as usize;
        let room = limit.saturating_sub(units(&current).saturating_sub(replaced));
        if units(&pasted) <= room {
            cut.set(None);
            return;
        }
        // Paste what fits ourselves: the browser would cut it silently.
        ev.prevent_default();
        let kept = fitting(&pasted, room);
        let _ = area.set_range_text_with_start_and_end_and_mode(kept, start, end, "end");
        set.run(area.value().chars().take(limit).collect());
        let (kept_chars, all_chars) = (kept.chars().count(), pasted.chars().count());
        let last_words: String = kept.chars().skip(kept_chars.saturating_sub(30)).collect();
        cut.set(Some(if kept_chars == 0 {
            format!(
                "Nothing was pasted: the field is full (at most {} characters). Shorten the text first.",
                thousands(limit)
            )
        } else {
            format!(
                "The pasted text was too long: its first {} of {} characters were pasted, up to \"…{}\"; the last {} were left out (this field holds at most {} characters).",
                thousands(kept_chars),
                thousands(all_chars),
                last_words.trim_start(),
                thousands(all_chars - kept_chars),
                thousands(limit)
            )
        }));
    };
    view! {
        <textarea
            id=id
            rows=rows
            maxlength=limit.to_string()
            placeholder=(!placeholder.is_empty()).then_some(placeholder)
            required=required
            aria-invalid=move || invalid.is_some_and(|i| i.get()).to_string()
            aria-describedby=described_by
            prop:value=move || value.get()
            on:paste=on_paste
            on:input=move |ev| {
                cut.set(None);
                set.run(event_target_value(&ev).chars().take(limit).collect());
            }
        ></textarea>
        <p id=count_id class="text-count">
            {move || {
                near()
                    .then(|| {
                        let n = length.get();
                        if n >= limit {
                            format!("{} of {} characters: the limit is reached.", thousands(n), thousands(limit))
                        } else {
                            format!("{} of {} characters.", thousands(n), thousands(limit))
                        }
                    })
            }}
        </p>
        // A live region that is always there (so that a change is announced), but not a `status` landmark
        // of its own: a page has one text area per question.
        <p class="text-cut" aria-live="polite">
            {move || cut.get()}
        </p>
    }
}
