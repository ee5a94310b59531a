//! The live summary: progress and current SL-A per zone, updated as answers change.

use crate::domain::html::results::live_summary_rows;
use crate::domain::{Fr, Mode};
use crate::ui::dom::{el, elc, memo, El};
use crate::ui::kit::progress;
use crate::ui::prelude::*;
use crate::ui::state::AppState;

/// A compact, always-current summary for the questionnaire's side panel.
pub fn live_summary() -> El {
    let state = AppState::get();
    let card = state.scorecard;
    // The rows as text, so the table is rewritten only when they change (not on every answer).
    let rows = memo(move |_| card.with(live_summary_rows));
    let head = el("tr").child(el("th").attr("scope", "col").text("Zone")).kids(
        Fr::ALL.into_iter().map(|fr| el("th").attr("scope", "col").attr("title", fr.name()).text(fr.code())).collect(),
    );
    elc("aside", "live-summary")
        .attr("aria-label", "Live summary")
        .child(el("h2").text("Summary"))
        .child(progress(move || card.with(|s| s.progress.0), move || card.with(|s| s.progress.1), "Overall progress"))
        .when(
            move || card.with(|s| s.mode == Mode::Quick),
            || vec![elc("p", "hint").text("Quick scan: levels are indicative.")],
        )
        .child(
            elc("table", "mini-table")
                .attr("aria-label", "Achieved security level per zone")
                .child(el("thead").child(head))
                .child(el("tbody").dyn_html(move || rows.get())),
        )
        .child(elc("p", "hint").text(
            "Cells show achieved / target level (SL-A / SL-T for zones, SL-C / aimed for products); ▾ marks a gap.",
        ))
}
