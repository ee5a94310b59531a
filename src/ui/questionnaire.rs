//! The questionnaire: sections by part, FR and programme area; per-zone answering with "same for all
//! zones", overrides and notes a zone keeps without overriding; filters; list or one-at-a-time; keyboard
//! answering. Which questions a section
//! shows and where an answer is recorded is decided by `domain::questionnaire`.

use crate::domain::questionnaire::{
    answer_scope, level_text, resume_at, section_intro, section_progress, visible_items, Filters, Section, ZoneChoice,
};
use crate::domain::storage::{MAX_EVIDENCE_DOCUMENT_CHARS, MAX_EVIDENCE_LINK_CHARS};
use crate::domain::{Answer, AnswerScope, Evidence, Item, ItemKind, Part, Response, MAX_EVIDENCE};
use crate::ui::fields::DraftField;
use crate::ui::limited_text::LimitedTextArea;
use crate::ui::state::{AppState, Step, StepState};
use crate::ui::summary::LiveSummary;
use crate::ui::widgets::{NeedsAssessment, StepFooter};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The questionnaire's view state, given to its parts by context.
#[derive(Clone, Copy)]
struct View {
    section: RwSignal<Section>,
    zone: RwSignal<ZoneChoice>,
    /// The product whose 4-2 answers are shown (an id; the first product when empty).
    product: RwSignal<String>,
    unanswered_only: RwSignal<bool>,
    all_levels: RwSignal<bool>,
    one_at_a_time: RwSignal<bool>,
    /// The position of the current question in `visible` (one-at-a-time mode and N / P keys).
    index: RwSignal<usize>,
    /// Answered and asked questions per section, computed once per change.
    progress: Memo<Vec<(Section, (usize, usize))>>,
    /// The questions shown, in order.
    visible: Memo<Vec<&'static Item>>,
}

impl View {
    fn new() -> View {
        let a = StepState::get().assessment;
        // Where the user was last time (kept in the assessment by `QuestionnaireStep`).
        let (section, zone) = a.with_untracked(resume_at);
        let (section, zone) = (RwSignal::new(section), RwSignal::new(zone));
        let product = RwSignal::new(a.with_untracked(|a| a.products.first().map(|p| p.id.clone()).unwrap_or_default()));
        let unanswered_only = RwSignal::new(false);
        let all_levels = RwSignal::new(false);
        // Follows the choices and the assessment (an answered question leaves the list with "Unanswered
        // only"); the memo notifies only when the list itself changes.
        let visible = Memo::new(move |_| {
            let filters = Filters { unanswered_only: unanswered_only.get(), all_levels: all_levels.get() };
            let section = section.get();
            zone.with(|zone| product.with(|product| a.with(|a| visible_items(a, section, zone, product, filters))))
        });
        View {
            section,
            zone,
            product,
            unanswered_only,
            all_levels,
            one_at_a_time: RwSignal::new(false),
            index: RwSignal::new(0),
            progress: Memo::new(move |_| a.with(section_progress)),
            visible,
        }
    }

    /// Shows `section` from its first question.
    fn open(self, section: Section) {
        self.section.set(section);
        self.index.set(0);
    }

    /// Moves to the question `delta` places away in the list, and focuses its card.
    fn move_by(self, delta: isize) {
        let n = self.visible.with_untracked(Vec::len);
        if n == 0 {
            return;
        }
        let i = (self.index.get_untracked() as isize + delta).clamp(0, n as isize - 1) as usize;
        self.index.set(i);
        if let Some(item) = self.visible.with_untracked(|l| l.get(i).copied()) {
            focus_card(item.id);
        }
    }

    /// Moves `delta` places away from the question `item_id` (keys N / P on a card).
    fn navigate(self, item_id: &str, delta: isize) {
        if let Some(pos) = self.visible.with_untracked(|l| l.iter().position(|i| i.id == item_id)) {
            self.index.set(pos);
        }
        self.move_by(delta);
    }
}

/// The element id of a question card, e.g. `q-sr-1_1`.
fn card_id(item_id: &str) -> String {
    format!("q-{}", item_id.replace('.', "_"))
}

/// Focuses a question card (after the page has been updated) and scrolls it into view.
fn focus_card(item_id: &str) {
    let id = card_id(item_id);
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
            el.scroll_into_view_with_bool(false);
        }
    });
}

/// The questionnaire step.
#[component]
pub fn QuestionnaireStep() -> impl IntoView {
    let a = StepState::get().assessment;
    let v = View::new();
    provide_context(v);
    // A removed product or zone can no longer be the chosen one.
    Effect::new(move || {
        let chosen = v.product.get();
        let first =
            a.with(|a| if a.product(&chosen).is_some() { None } else { a.products.first().map(|p| p.id.clone()) });
        if let Some(first) = first {
            v.product.set(first);
        }
    });
    Effect::new(move || {
        let gone = v.zone.with(|zone| match zone {
            ZoneChoice::One(z) => a.with(|a| a.zone(z).is_none()),
            ZoneChoice::All => false,
        });
        if gone {
            v.zone.set(ZoneChoice::All);
        }
    });
    // Remember the section and zone in the assessment, so that a reload or a later visit returns here.
    let state = AppState::get();
    Effect::new(move || {
        let section = v.section.get().slug();
        let zone = v.zone.with(|z| z.value().to_string());
        state.remember(move |a| {
            let differs = a.last_section != section || a.last_zone != zone;
            if differs {
                a.last_section = section;
                a.last_zone = zone;
            }
            differs
        });
    });
    Effect::new(move || {
        let n = v.visible.with(Vec::len);
        if v.index.get_untracked() >= n {
            v.index.set(n.saturating_sub(1));
        }
    });

    view! {
        <section class="step questionnaire" aria-labelledby="questionnaire-title">
            <h1 id="questionnaire-title" tabindex="-1">"Questionnaire"</h1>
            <NeedsAssessment>
                <div class="questionnaire-layout">
                    <SectionNav />
                    <div class="questionnaire-main">
                        <Toolbar />
                        <h2 class="section-title">{move || v.section.get().title()}</h2>
                        <SectionIntro />
                        <Items />
                    </div>
                    <LiveSummary />
                </div>
            </NeedsAssessment>
            <StepFooter step=Step::Questionnaire />
        </section>
    }
}

/// The sections of the parts the profile answers, grouped by part, each with its progress.
#[component]
fn SectionNav() -> impl IntoView {
    let a = StepState::get().assessment;
    let group = move |part: Part| {
        let sections: Vec<Section> = Section::all().into_iter().filter(|s| s.part() == part).collect();
        view! {
            <li class="section-group">
                <span class="section-group-title">{format!("{} {}", part.document(), part.title())}</span>
                <ul>
                    {sections
                        .into_iter()
                        .map(|s| view! { <SectionLink section=s /> })
                        .collect_view()}
                </ul>
            </li>
        }
    };
    view! {
        <nav class="section-nav" aria-label="Questionnaire sections">
            <ul>
                {Part::ALL
                    .into_iter()
                    .map(|part| {
                        view! {
                            <Show when=move || a.with(|a| a.answers_part(part))>{group(part)}</Show>
                        }
                    })
                    .collect_view()}
            </ul>
        </nav>
    }
}

/// One section's button in the section list, with its answered / asked count.
#[component]
fn SectionLink(section: Section) -> impl IntoView {
    let v = expect_context::<View>();
    let progress =
        move || v.progress.with(|p| p.iter().find(|(s, _)| *s == section).map(|(_, p)| *p).unwrap_or_default());
    let current = move || v.section.get() == section;
    let choose = move |_| {
        v.open(section);
        // Straight to the first question, so the keyboard user does not tab through the toolbar.
        if let Some(item) = v.visible.with_untracked(|l| l.first().copied()) {
            focus_card(item.id);
        }
    };
    view! {
        <li>
            <button
                type="button"
                class="section-link"
                aria-current=move || current().then_some("true")
                class:active=current
                data-section=section.slug()
                on:click=choose
            >
                <span class="section-name">{section.title()}</span>
                <span
                    class="section-progress"
                    class:complete=move || {
                        let (done, total) = progress();
                        total > 0 && done == total
                    }
                >
                    {move || {
                        let (done, total) = progress();
                        format!("{done}/{total}")
                    }}
                </span>
            </button>
        </li>
    }
}

/// The zone or product choice and the filters.
#[component]
fn Toolbar() -> impl IntoView {
    let a = StepState::get().assessment;
    let v = expect_context::<View>();
    let zones = StepState::get().zone_choices();
    let products =
        Memo::new(move |_| a.with(|a| a.products.iter().map(|p| (p.id.clone(), p.name.clone())).collect::<Vec<_>>()));
    view! {
        <div class="toolbar" role="group" aria-label="Questionnaire options">
            <Show when=move || matches!(v.section.get(), Section::Component(_))>
                <div class="field">
                    <label for="product-choice">"Product"</label>
                    <select
                        id="product-choice"
                        prop:value=move || v.product.get()
                        on:change=move |ev| {
                            v.product.set(event_target_value(&ev));
                            v.index.set(0);
                        }
                    >
                        <For
                            each=move || products.get()
                            key=|option| option.clone()
                            children=|(id, name)| view! { <option value=id>{name}</option> }
                        />
                    </select>
                </div>
            </Show>
            <Show when=move || matches!(v.section.get(), Section::Fr(_))>
                <div class="field">
                    <label for="zone-choice">"Answer for"</label>
                    <select
                        id="zone-choice"
                        prop:value=move || v.zone.with(|z| z.value().to_string())
                        on:change=move |ev| {
                            v.zone.set(ZoneChoice::from_value(&event_target_value(&ev)));
                            v.index.set(0);
                        }
                    >
                        <option value="">"All zones (same answer)"</option>
                        <For
                            each=move || zones.get()
                            key=|option| option.clone()
                            children=|(id, name)| view! { <option value=id>{name}</option> }
                        />
                    </select>
                </div>
            </Show>
            <div class="check">
                <input
                    type="checkbox"
                    id="filter-unanswered"
                    prop:checked=move || v.unanswered_only.get()
                    on:change=move |ev| {
                        v.unanswered_only.set(event_target_checked(&ev));
                        v.index.set(0);
                    }
                />
                <label for="filter-unanswered">"Unanswered only"</label>
            </div>
            <Show when=move || matches!(v.section.get(), Section::Fr(_) | Section::Component(_))>
                <div class="check">
                    <input
                        type="checkbox"
                        id="filter-all-levels"
                        prop:checked=move || v.all_levels.get()
                        on:change=move |ev| v.all_levels.set(event_target_checked(&ev))
                    />
                    <label for="filter-all-levels">"Also show requirements above the target level"</label>
                </div>
            </Show>
            <div class="check">
                <input
                    type="checkbox"
                    id="one-at-a-time"
                    prop:checked=move || v.one_at_a_time.get()
                    on:change=move |ev| v.one_at_a_time.set(event_target_checked(&ev))
                />
                <label for="one-at-a-time">"One question at a time"</label>
            </div>
            <p class="hint keys">"Keys: 1-7 choose an answer, N / P next / previous question."</p>
        </div>
    }
}

/// What the section is about, and where to add a zone or product when it has nothing to answer for.
#[component]
fn SectionIntro() -> impl IntoView {
    let a = StepState::get().assessment;
    let v = expect_context::<View>();
    // A memo: the text reads the assessment (zone and product names) but rarely changes.
    let intro = Memo::new(move |_| {
        let section = v.section.get();
        v.zone.with(|zone| v.product.with(|product| a.with(|a| section_intro(a, section, zone, product))))
    });
    let missing = Memo::new(move |_| match v.section.get() {
        Section::Component(_) if a.with(|a| a.products.is_empty()) => Some(("per product", "Add a product in Scope")),
        Section::Fr(_) if a.with(|a| a.zones.is_empty()) => Some(("per zone", "Add a zone in Scope")),
        _ => None,
    });
    let maturity = Memo::new(move |_| Part::MATURITY.contains(&v.section.get().part()));
    view! {
        <p class="section-intro">{move || intro.get()}</p>
        <Show when=move || maturity.get()>
            <MaturityScaleHelp />
        </Show>
        {move || {
            missing
                .get()
                .map(|(per, link)| {
                    view! {
                        <p class="empty-state">
                            {format!("These questions are answered {per}. ")} <a href=Step::Scope.href()>{link}</a>
                            " first."
                        </p>
                    }
                })
        }}
    }
}

/// What each level of the maturity scale means in general ([`Answer::maturity_meaning`]); each answer
/// option also carries its meaning as a tooltip, and each practice's own level texts below it.
#[component]
fn MaturityScaleHelp() -> impl IntoView {
    let levels = Answer::MATURITY_SCALE.into_iter().filter_map(|a| a.maturity_meaning().map(|m| (a.label(), m)));
    view! {
        <details class="scale-help">
            <summary>"What the maturity levels mean"</summary>
            <dl>{levels.map(|(label, meaning)| view! { <dt>{label}</dt><dd>{meaning}</dd> }).collect_view()}</dl>
        </details>
    }
}

/// The questions: a list, or one at a time with a pager.
#[component]
fn Items() -> impl IntoView {
    let v = expect_context::<View>();
    move || {
        let items = v.visible.get();
        // The cards are rebuilt when the list, zone or product changes, so each card's scope is a plain value
        // (a card subscribing to these rarely-changing signals would leave a dead subscriber behind).
        let zone = v.zone.get();
        let product = v.product.get();
        // Cards follow the assessment through this counter, which lives as long as this list: reactive_graph
        // 0.2 keeps a disposed subscriber in a signal's list until the signal next changes (docs/memory.md),
        // so one subscriber per list is left behind instead of one per card.
        let a = StepState::get().assessment;
        let revision = Memo::new(move |previous: Option<&u64>| {
            a.track();
            previous.map_or(0, |n| n + 1)
        });
        if items.is_empty() {
            return view! {
                <p class="empty-state">
                    "Nothing to show with these filters. Untick \"Unanswered only\" or choose another section."
                </p>
            }
            .into_any();
        }
        let card = move |item: &'static Item| {
            view! { <ItemCard item=item scope=answer_scope(item, &zone, &product) revision=revision /> }
        };
        if v.one_at_a_time.get() {
            let n = items.len();
            view! {
                <div class="one-at-a-time">
                    <p class="position" aria-live="polite">
                        {move || format!("Question {} of {n}", v.index.get() + 1)}
                    </p>
                    {move || items.get(v.index.get()).copied().map(card.clone())}
                    <div class="pager">
                        <button
                            type="button"
                            class="button secondary"
                            on:click=move |_| v.move_by(-1)
                            disabled=move || v.index.get() == 0
                        >
                            "Previous question"
                        </button>
                        <button
                            type="button"
                            class="button primary"
                            on:click=move |_| v.move_by(1)
                            disabled=move || v.index.get() + 1 >= n
                        >
                            "Next question"
                        </button>
                    </div>
                </div>
            }
            .into_any()
        } else {
            view! { <div class="item-list">{items.into_iter().map(card).collect_view()}</div> }.into_any()
        }
    }
}

/// Whether a key press comes from a field the user types in (which keeps its keys).
fn typing(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        .map(|el| {
            matches!(el.tag_name().as_str(), "TEXTAREA" | "SELECT")
                || (el.tag_name() == "INPUT" && el.get_attribute("type").as_deref() == Some("text"))
        })
        .unwrap_or(false)
}

/// One question card: the question, why it matters, the answer scale, the justification and notes.
#[component]
fn ItemCard(
    item: &'static Item,
    scope: AnswerScope,
    /// Changes whenever the assessment does (see `Items`); the card reads the assessment untracked.
    revision: Memo<u64>,
) -> impl IntoView {
    let state = AppState::get();
    let v = expect_context::<View>();
    let a = StepState::get().assessment;
    let read = move |f: &dyn Fn(&crate::domain::Assessment) -> bool| {
        revision.get(); // runs the counter (tracking alone would not), and subscribes to it
        a.with_untracked(|a| f(a))
    };
    let scope = StoredValue::new(scope);
    // The response shown: for one zone, its own or else the all-zones one.
    let shown = Memo::new(move |_| {
        revision.get();
        scope
            .with_value(|scope| {
                a.with_untracked(|a| match scope {
                    AnswerScope::Zone(z) => a.zone_response(z, item.id).cloned(),
                    other => a.response_at(other, item.id).cloned(),
                })
            })
            .unwrap_or_default()
    });
    let inherited = Memo::new(move |_| match scope.get_value() {
        AnswerScope::Zone(z) => read(&|a| {
            !a.has_override(&z, item.id) && a.answers.all_zones.get(item.id).is_some_and(Response::has_answer)
        }),
        _ => false,
    });
    // A zone keeps its own notes whether or not it has its own answer: a note alone does not override.
    let notes = Memo::new(move |_| {
        revision.get();
        scope.with_value(|scope| {
            a.with_untracked(|a| match scope {
                AnswerScope::Zone(z) => a.zone_notes(z, item.id).to_string(),
                other => a.response_at(other, item.id).map(|r| r.notes.clone()).unwrap_or_default(),
            })
        })
    });
    let in_zone = scope.with_value(|scope| matches!(scope, AnswerScope::Zone(_)));
    let overridden = Memo::new(move |_| match scope.get_value() {
        AnswerScope::Zone(z) => read(&|a| a.has_override(&z, item.id)),
        _ => false,
    });
    let overrides_elsewhere = Memo::new(move |_| match scope.get_value() {
        AnswerScope::AllZones => {
            revision.get();
            a.with_untracked(|a| a.zones.iter().filter(|z| a.has_override(&z.id, item.id)).count())
        }
        _ => 0,
    });
    // Writes starting from what is shown, so an override begins as a copy of the all-zones answer (with
    // the zone's own notes, not the all-zones ones).
    let write = move |change: &dyn Fn(&mut Response)| {
        let mut r = shown.get_untracked();
        r.notes = notes.get_untracked();
        change(&mut r);
        scope.with_value(|scope| state.edit(|a| a.set_response(scope, item.id, r)));
        scope.with_value(|scope| state.note_not_stored(scope, item.id));
    };
    let choose = move |answer: Answer| write(&|r| r.answer = Some(answer));
    // In a zone, clearing goes back to the all-zones answer and keeps the zone's notes.
    let clear = move |_| match scope.get_value() {
        AnswerScope::Zone(z) => {
            state.edit(|a| a.clear_override(&z, item.id));
            scope.with_value(|scope| state.note_not_stored(scope, item.id));
        }
        _ => write(&|r| r.answer = None),
    };
    let set_notes = move |text: String| match scope.get_value() {
        AnswerScope::Zone(z) => {
            state.edit(|a| a.set_zone_notes(&z, item.id, &text));
            scope.with_value(|scope| state.note_not_stored(scope, item.id));
        }
        _ => write(&|r| r.notes = text.clone()),
    };
    // Evidence belongs to the answer it backs: a zone that follows the all-zones answer shows that
    // answer's evidence; recording its own would need its own answer (see `Assessment::has_override`).
    let evidence_editable = Memo::new(move |_| !in_zone || overridden.get());
    let evidence_document = RwSignal::new(String::new());
    let evidence_link = RwSignal::new(String::new());
    let evidence_date = RwSignal::new(String::new());
    let add_evidence = move |_| {
        let document: String =
            evidence_document.get_untracked().trim().chars().take(MAX_EVIDENCE_DOCUMENT_CHARS).collect();
        if document.is_empty() {
            return;
        }
        let evidence = Evidence {
            document,
            link: evidence_link.get_untracked().trim().chars().take(MAX_EVIDENCE_LINK_CHARS).collect(),
            date: evidence_date.get_untracked().trim().chars().take(40).collect(),
        };
        if shown.with_untracked(|r| r.evidence.len()) >= MAX_EVIDENCE {
            state.error(&format!("An answer keeps at most {MAX_EVIDENCE} evidence references; remove one first."));
            return;
        }
        write(&|r| r.evidence.push(evidence.clone()));
        evidence_document.set(String::new());
        evidence_link.set(String::new());
        evidence_date.set(String::new());
    };
    let scale = Answer::scale_for(item);
    let dom = card_id(item.id);
    let evidence_ids = (format!("{dom}-ev-document"), format!("{dom}-ev-link"), format!("{dom}-ev-date"));
    let question_id = format!("{dom}-q");
    let justification_id = format!("{dom}-justification");
    let justification_error = format!("{dom}-justification-error");
    let notes_id = format!("{dom}-notes");
    let group_name = format!("{dom}-answer");
    let level_descriptions = match item.kind {
        ItemKind::Maturity { levels, .. } => Some(levels),
        _ => None,
    };

    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || typing(&ev) {
            return;
        }
        let key = ev.key();
        if let Ok(n) = key.parse::<usize>() {
            if (1..=scale.len()).contains(&n) {
                ev.prevent_default();
                let position = v.visible.with_untracked(|l| l.iter().position(|i| i.id == item.id));
                choose(scale[n - 1]);
                // With "Unanswered only" the answered question leaves the list: the next one takes its
                // place and the focus, so the next key answers it.
                let gone = v.visible.with_untracked(|l| !l.iter().any(|i| i.id == item.id));
                if let (true, Some(position)) = (gone, position) {
                    if let Some(next) = v.visible.with_untracked(|l| l.get(position).or(l.last()).copied()) {
                        v.index.set(position.min(v.visible.with_untracked(Vec::len).saturating_sub(1)));
                        focus_card(next.id);
                    }
                }
            }
        } else if key.eq_ignore_ascii_case("n") {
            ev.prevent_default();
            v.navigate(item.id, 1);
        } else if key.eq_ignore_ascii_case("p") {
            ev.prevent_default();
            v.navigate(item.id, -1);
        }
    };

    // A change the browser refused to store is said on the card too, not only in the save alert.
    let not_stored = move || {
        scope.with_value(|scope| state.not_stored.with(|set| set.contains(&(scope.clone(), item.id.to_string()))))
    };
    let status_text = move || {
        let status = shown.with(|r| {
            if r.is_incomplete() {
                "Needs a justification"
            } else if r.answer.is_some() {
                "Answered"
            } else {
                "Unanswered"
            }
        });
        if not_stored() {
            format!("{status}, not saved yet")
        } else {
            status.to_string()
        }
    };

    view! {
        <article
            id=dom.clone()
            class="item-card"
            tabindex="-1"
            aria-labelledby=question_id.clone()
            on:keydown=on_keydown
            class:answered=move || shown.with(|r| r.answer.is_some() && !r.is_incomplete())
            class:incomplete=move || shown.with(Response::is_incomplete)
        >
            <header class="item-head">
                <span class="item-ref">{item.refs.join(" · ")}</span>
                <span class="item-title">{item.title}</span>
                <span class="item-level">{level_text(item)}</span>
                <span class="item-status" class:not-stored=not_stored>{status_text}</span>
            </header>
            <p class="item-question" id=question_id.clone()>
                {item.question}
            </p>
            <details class="item-details">
                <summary>"Why it matters and evidence"</summary>
                <p>{item.why}</p>
                {item.vendor_hint().map(|hint| view! { <p class="vendor-hint">{hint}</p> })}
                {item.uncertain.map(|u| view! { <p class="notice">{u}</p> })}
                <p class="evidence-title">"Evidence you could show:"</p>
                <ul>{item.evidence.iter().map(|e| view! { <li>{*e}</li> }).collect_view()}</ul>
            </details>
            <Show when=move || inherited.get()>
                <p class="inherited">
                    "This zone uses the answer given for all zones. Choosing an answer here overrides it for this zone only; notes written here stay with this zone."
                </p>
            </Show>
            <Show when=move || overridden.get()>
                <p class="inherited">
                    "This zone has its own answer. "
                    <button
                        type="button"
                        class="link-button"
                        on:click=move |_| {
                            if let AnswerScope::Zone(z) = scope.get_value() {
                                state.edit(|a| a.clear_override(&z, item.id));
                            }
                        }
                    >
                        "Use the all-zones answer again"
                    </button>
                </p>
            </Show>
            <Show when=move || { overrides_elsewhere.get() > 0 }>
                <p class="inherited">
                    {move || format!("{} zone(s) have their own answer to this question.", overrides_elsewhere.get())}
                </p>
            </Show>
            <div class="answer-scale" role="radiogroup" aria-labelledby=question_id.clone()>
                {scale
                    .iter()
                    .enumerate()
                    .map(|(i, answer)| {
                        let answer = *answer;
                        let option_id = format!("{dom}-{}", answer.code());
                        let description = level_descriptions
                            .and_then(|l| answer.maturity_level().filter(|m| *m > 0).map(|m| l[usize::from(m) - 1]));
                        view! {
                            <div class="answer-option">
                                <input
                                    type="radio"
                                    id=option_id.clone()
                                    name=group_name.clone()
                                    prop:checked=move || shown.with(|r| r.answer == Some(answer))
                                    on:change=move |_| choose(answer)
                                />
                                <label for=option_id title=answer.maturity_meaning()>
                                    <span class="key" aria-hidden="true">
                                        {i + 1}
                                    </span>
                                    <span class="answer-label">{answer.label()}</span>
                                    {description.map(|d| view! { <span class="answer-description">{d}</span> })}
                                </label>
                            </div>
                        }
                    })
                    .collect_view()}
                <button
                    type="button"
                    class="link-button clear"
                    on:click=clear
                    disabled=move || if in_zone { !overridden.get() } else { shown.with(|r| r.answer.is_none()) }
                >
                    "Clear answer"
                </button>
            </div>
            <Show when=move || shown.with(|r| r.answer.is_some_and(Answer::needs_justification))>
                <div class="field">
                    <label for=justification_id.clone()>
                        {move || {
                            if shown.with(|r| r.answer == Some(Answer::Compensating)) {
                                "Describe the compensating control (required)"
                            } else {
                                "Why does this not apply? (required)"
                            }
                        }}
                    </label>
                    <LimitedTextArea
                        id=justification_id.clone()
                        value=Signal::derive(move || shown.with(|r| r.justification.clone()))
                        set=Callback::new(move |text: String| write(&|r| r.justification = text.clone()))
                        required=true
                        invalid=Signal::derive(move || shown.with(Response::is_incomplete))
                        described_by=justification_error.clone()
                    />
                    <p id=justification_error.clone() class="field-error">
                        {move || {
                            shown
                                .with(Response::is_incomplete)
                                .then_some("Without a justification this answer counts as unanswered.")
                        }}
                    </p>
                </div>
            </Show>
            <div class="field">
                <label for=notes_id.clone()>"Notes (optional)"</label>
                <LimitedTextArea id=notes_id rows="1" value=notes set=Callback::new(set_notes) />
            </div>
            <fieldset class="evidence-refs">
                <legend>"Evidence references (optional)"</legend>
                <ul class="evidence-list" aria-label="Evidence references">
                    {move || {
                        shown
                            .with(|r| r.evidence.clone())
                            .into_iter()
                            .enumerate()
                            .map(|(i, e)| {
                                let remove_label = format!("Remove evidence {}", e.document);
                                view! {
                                    <li>
                                        {e.line()}
                                        " "
                                        <Show when=move || evidence_editable.get()>
                                            <button
                                                type="button"
                                                class="link-button"
                                                aria-label=remove_label.clone()
                                                on:click=move |_| {
                                                    write(&|r| {
                                                        if i < r.evidence.len() {
                                                            r.evidence.remove(i);
                                                        }
                                                    })
                                                }
                                            >
                                                "Remove"
                                            </button>
                                        </Show>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
                <Show
                    when=move || evidence_editable.get()
                    fallback=|| {
                        view! {
                            <p class="hint">
                                "This zone follows the answer given for all zones, and so its evidence. Give the zone its own answer to record evidence for it alone."
                            </p>
                        }
                    }
                >
                    <div class="evidence-form">
                        <DraftField
                            id=evidence_ids.0.clone()
                            label="Document"
                            value=evidence_document
                            max_chars=MAX_EVIDENCE_DOCUMENT_CHARS
                            placeholder="e.g. Firewall rule review"
                        />
                        <DraftField
                            id=evidence_ids.1.clone()
                            label="Link or place (optional)"
                            value=evidence_link
                            max_chars=MAX_EVIDENCE_LINK_CHARS
                            placeholder="an intranet address, share path or document number"
                        />
                        <DraftField
                            id=evidence_ids.2.clone()
                            label="Date (optional)"
                            value=evidence_date
                            kind="date"
                            max_chars=40
                        />
                        <button
                            type="button"
                            class="button small secondary"
                            on:click=add_evidence
                            disabled=move || evidence_document.with(|d| d.trim().is_empty())
                        >
                            "Add evidence"
                        </button>
                    </div>
                </Show>
            </fieldset>
        </article>
    }
}
