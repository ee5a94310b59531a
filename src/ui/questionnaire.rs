//! The questionnaire: sections by part, FR and programme area; per-zone answering with "same for all
//! zones" and overrides; filters; list or one-at-a-time; keyboard answering.

use crate::domain::{
    catalogue, Answer, AnswerScope, Fr, Item, ItemKind, Part, Response, Status, MAX_TEXT_CHARS, PROGRAMME_AREAS,
};
use crate::ui::reactive::effect;
use crate::ui::state::{AppState, Step};
use crate::ui::summary::LiveSummary;
use crate::ui::widgets::{CollectAnyView, NeedsAssessment, StepFooter, When};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A section of the questionnaire.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    /// IEC 62443-3-2.
    Process,
    /// IEC 62443-3-3, one FR.
    Fr(Fr),
    /// A maturity area of IEC 62443-2-1, 2-4 or 4-1 (index into PROGRAMME_AREAS).
    Area(usize),
    /// IEC 62443-4-2, one FR, answered per product.
    Component(Fr),
}

impl Section {
    /// Every section, in questionnaire order (parts not answered by the profile's roles are filtered later).
    fn all() -> Vec<Section> {
        let mut v = vec![Section::Process];
        v.extend(Fr::ALL.into_iter().map(Section::Fr));
        for part in Part::MATURITY {
            v.extend((0..PROGRAMME_AREAS.len()).filter(|i| PROGRAMME_AREAS[*i].part == part).map(Section::Area));
        }
        v.extend(Fr::ALL.into_iter().map(Section::Component));
        v
    }

    /// The sections of the parts the assessment asks.
    fn asked(a: &crate::domain::Assessment) -> Vec<Section> {
        Section::all().into_iter().filter(|s| a.answers_part(s.part())).collect()
    }

    fn title(self) -> String {
        match self {
            Section::Process => "Risk assessment, zones and conduits".to_string(),
            Section::Fr(fr) => format!("{} {}", fr.code(), fr.name()),
            Section::Area(i) => PROGRAMME_AREAS[i].title.to_string(),
            Section::Component(fr) => format!("{} {}", fr.code(), fr.name()),
        }
    }

    fn part(self) -> Part {
        match self {
            Section::Process => Part::RiskAssessment,
            Section::Fr(_) => Part::SystemRequirements,
            Section::Area(i) => PROGRAMME_AREAS[i].part,
            Section::Component(_) => Part::ComponentRequirements,
        }
    }

    fn slug(self) -> String {
        match self {
            Section::Process => "zcr".to_string(),
            Section::Fr(fr) => fr.code().to_ascii_lowercase(),
            Section::Area(i) => PROGRAMME_AREAS[i].id.to_string(),
            Section::Component(fr) => format!("cr-{}", fr.code().to_ascii_lowercase()),
        }
    }

    fn items(self) -> impl Iterator<Item = &'static Item> {
        catalogue::ITEMS.iter().filter(move |i| match self {
            Section::Process => i.part == Part::RiskAssessment,
            Section::Fr(fr) => i.part == Part::SystemRequirements && i.fr() == Some(fr),
            Section::Area(a) => i.area() == Some(PROGRAMME_AREAS[a].id),
            Section::Component(fr) => i.part == Part::ComponentRequirements && i.fr() == Some(fr),
        })
    }
}

/// Which answers the questionnaire shows and edits for 3-3 items.
#[derive(Clone, Debug, PartialEq, Eq)]
enum ZoneChoice {
    All,
    One(String),
}

/// Local view state of the questionnaire.
#[derive(Clone, Copy)]
struct View {
    section: RwSignal<Section>,
    zone: RwSignal<ZoneChoice>,
    /// The product whose 4-2 answers are shown (an id; the first product when empty).
    product: RwSignal<String>,
    unanswered_only: RwSignal<bool>,
    show_all_levels: RwSignal<bool>,
    one_at_a_time: RwSignal<bool>,
    index: RwSignal<usize>,
    /// Answered and asked questions per section, in `Section::all()` order, computed once per change.
    progress: Memo<Vec<(usize, usize)>>,
}

fn card_id(item: &Item) -> String {
    format!("q-{}", item.id.replace('.', "_"))
}

fn focus_card(item: &Item) {
    let id = card_id(item);
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
    let state = expect_context::<AppState>();
    let a = state.assessment;
    let view_state = View {
        section: RwSignal::new(Section::Process),
        zone: RwSignal::new(ZoneChoice::All),
        product: RwSignal::new(a.with_untracked(|a| a.products.first().map(|p| p.id.clone()).unwrap_or_default())),
        unanswered_only: RwSignal::new(false),
        show_all_levels: RwSignal::new(false),
        one_at_a_time: RwSignal::new(false),
        index: RwSignal::new(0),
        progress: Memo::new(move |_| {
            a.with(|a| {
                let tables = a.response_tables();
                Section::all().into_iter().map(|s| a.progress_with(s.items(), &tables)).collect()
            })
        }),
    };
    provide_context(view_state);
    // Start on the first section with something left to answer.
    let first_open = a.with_untracked(|a| {
        Section::asked(a).into_iter().find(|s| {
            let (done, total) = a.progress_of(s.items());
            done < total
        })
    });
    if let Some(s) = first_open {
        view_state.section.set(s);
    }
    // A removed product or zone can no longer be the chosen one.
    effect(move || {
        let chosen = view_state.product.get();
        let first =
            a.with(|a| if a.product(&chosen).is_some() { None } else { a.products.first().map(|p| p.id.clone()) });
        if let Some(first) = first {
            view_state.product.set(first);
        }
    });
    effect(move || {
        if let ZoneChoice::One(z) = view_state.zone.get() {
            if a.with(|a| a.zone(&z).is_none()) {
                view_state.zone.set(ZoneChoice::All);
            }
        }
    });

    // The visible items are fixed when the section, zone or filters change, not on every answer, so an
    // answered item does not vanish under the user's hands with "unanswered only".
    let visible = Memo::new(move |_| {
        let section = view_state.section.get();
        let zone = view_state.zone.get();
        let unanswered_only = view_state.unanswered_only.get();
        let show_all = view_state.show_all_levels.get();
        let product = view_state.product.get();
        let _ = a.with(|a| {
            (
                a.zones.len(),
                a.profile.mode,
                a.profile.roles.clone(),
                a.zones.iter().map(|z| z.target).collect::<Vec<_>>(),
                a.products.iter().map(|p| (p.component_type, p.target)).collect::<Vec<_>>(),
            )
        });
        a.with_untracked(|a| {
            section
                .items()
                .filter(|item| a.asks(item))
                .filter(|item| {
                    if item.part == Part::ComponentRequirements {
                        let Some(p) = a.product(&product) else { return false };
                        let relevant = item.applies_to(p.component_type) && (show_all || a.in_product_scope(p, item));
                        return relevant && (!unanswered_only || a.status(Some(&p.id), item) == Status::Unanswered);
                    }
                    if item.part != Part::SystemRequirements {
                        return !unanswered_only || a.status(None, item) == Status::Unanswered;
                    }
                    let zones: Vec<&crate::domain::Zone> = match &zone {
                        ZoneChoice::All => a.zones.iter().collect(),
                        ZoneChoice::One(z) => a.zone(z).into_iter().collect(),
                    };
                    let relevant: Vec<_> = zones.into_iter().filter(|z| show_all || a.in_scope(z, item)).collect();
                    if relevant.is_empty() {
                        return false;
                    }
                    !unanswered_only || relevant.iter().any(|z| a.status(Some(&z.id), item) == Status::Unanswered)
                })
                .collect::<Vec<&'static Item>>()
        })
    });
    effect(move || {
        let n = visible.with(|v| v.len());
        if view_state.index.get_untracked() >= n {
            view_state.index.set(n.saturating_sub(1));
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
                        <h2 class="section-title">{move || view_state.section.get().title()}</h2>
                        <SectionIntro />
                        <Items visible=visible />
                    </div>
                    <LiveSummary />
                </div>
            </NeedsAssessment>
            <StepFooter step=Step::Questionnaire />
        </section>
    }
}

#[component]
fn SectionNav() -> impl IntoView {
    let state = expect_context::<AppState>();
    let v = expect_context::<View>();
    let group = move |part: Part| {
        let sections: Vec<Section> = Section::all().into_iter().filter(|s| s.part() == part).collect();
        view! {
            <li class="section-group">
                <span class="section-group-title">{format!("{} {}", part.document(), part.title())}</span>
                <ul>
                    {sections.into_iter().map(|s| {
                        let position = Section::all().iter().position(|x| *x == s).unwrap_or(0);
                        let progress = move || v.progress.with(|p| p.get(position).copied().unwrap_or_default());
                        view! {
                            <li>
                                <button type="button" class="section-link"
                                    aria-current=move || (v.section.get() == s).then_some("true")
                                    class:active=move || v.section.get() == s
                                    data-section=s.slug()
                                    on:click=move |_| { v.section.set(s); v.index.set(0); }>
                                    <span class="section-name">{s.title()}</span>
                                    <span class="section-progress" class:complete=move || { let (d, t) = progress(); t > 0 && d == t }>
                                        {move || { let (d, t) = progress(); format!("{d}/{t}") }}
                                    </span>
                                </button>
                            </li>
                        }
                    }).collect_any_view()}
                </ul>
            </li>
        }
    };
    view! {
        <nav class="section-nav" aria-label="Questionnaire sections">
            <ul>
                {Part::ALL
                    .into_iter()
                    .map(|part| view! {
                        <When when=move || state.assessment.with(|a| a.answers_part(part))>{group(part)}</When>
                    })
                    .collect_any_view()}
            </ul>
        </nav>
    }
}

#[component]
fn Toolbar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let v = expect_context::<View>();
    let zones = Memo::new(move |_| {
        state.assessment.with(|a| a.zones.iter().map(|z| (z.id.clone(), z.name.clone())).collect::<Vec<_>>())
    });
    let products = Memo::new(move |_| {
        state.assessment.with(|a| a.products.iter().map(|p| (p.id.clone(), p.name.clone())).collect::<Vec<_>>())
    });
    let zone_value = move || match v.zone.get() {
        ZoneChoice::All => String::new(),
        ZoneChoice::One(z) => z,
    };
    view! {
        <div class="toolbar" role="group" aria-label="Questionnaire options">
            <When when=move || matches!(v.section.get(), Section::Component(_))>
                <div class="field">
                    <label for="product-choice">"Product"</label>
                    <select id="product-choice" prop:value=move || v.product.get() on:change=move |ev| {
                        v.product.set(event_target_value(&ev));
                        v.index.set(0);
                    }>
                        {move || products.get().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_any_view()}
                    </select>
                </div>
            </When>
            <When when=move || matches!(v.section.get(), Section::Fr(_))>
                <div class="field">
                    <label for="zone-choice">"Answer for"</label>
                    <select id="zone-choice" prop:value=zone_value on:change=move |ev| {
                        let value = event_target_value(&ev);
                        v.zone.set(if value.is_empty() { ZoneChoice::All } else { ZoneChoice::One(value) });
                        v.index.set(0);
                    }>
                        <option value="">"All zones (same answer)"</option>
                        {move || zones.get().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_any_view()}
                    </select>
                </div>
            </When>
            <div class="check">
                <input type="checkbox" id="filter-unanswered" prop:checked=move || v.unanswered_only.get()
                    on:change=move |ev| { v.unanswered_only.set(event_target_checked(&ev)); v.index.set(0); } />
                <label for="filter-unanswered">"Unanswered only"</label>
            </div>
            <When when=move || matches!(v.section.get(), Section::Fr(_) | Section::Component(_))>
                <div class="check">
                    <input type="checkbox" id="filter-all-levels" prop:checked=move || v.show_all_levels.get()
                        on:change=move |ev| v.show_all_levels.set(event_target_checked(&ev)) />
                    <label for="filter-all-levels">"Also show requirements above the target level"</label>
                </div>
            </When>
            <div class="check">
                <input type="checkbox" id="one-at-a-time" prop:checked=move || v.one_at_a_time.get()
                    on:change=move |ev| v.one_at_a_time.set(event_target_checked(&ev)) />
                <label for="one-at-a-time">"One question at a time"</label>
            </div>
            <p class="hint keys">"Keys: 1-7 choose an answer, N / P next / previous question."</p>
        </div>
    }
}

#[component]
fn SectionIntro() -> impl IntoView {
    let state = expect_context::<AppState>();
    let v = expect_context::<View>();
    move || {
        let section = v.section.get();
        let text = match section {
            Section::Process => "These questions are about how the system was analysed and partitioned (IEC 62443-3-2). They are answered once for the whole assessment.".to_string(),
            Section::Fr(_) => match v.zone.get() {
                ZoneChoice::All => "Answer once for all zones; pick a zone above to see its own answers or to override one for that zone. Only requirements up to each zone's target level are asked.".to_string(),
                ZoneChoice::One(z) => {
                    let name = state.assessment.with(|a| a.zone(&z).map(|z| z.name.clone()).unwrap_or_default());
                    format!("Answers for zone \"{name}\". An answer given for all zones applies here unless you change it for this zone.")
                }
            },
            Section::Area(i) => {
                let area = &PROGRAMME_AREAS[i];
                let whose = match area.part {
                    Part::ServiceProvider => "in the services you deliver to asset owners",
                    Part::DevelopmentLifecycle => "in how you develop and maintain your products",
                    _ => "across the organisation",
                };
                format!("Rate how established each practice of \"{}\" is {whose} ({}).", area.title, area.part.document())
            }
            Section::Component(_) => {
                let name = state.assessment.with(|a| a.product(&v.product.get()).map(|p| format!("{} ({})", p.name, p.component_type.code())).unwrap_or_default());
                format!("What the product {name} can do as shipped (IEC 62443-4-2). Only requirements of its component type, up to the capability level you aim for, are asked. A compensating control is not offered: it counts for a system's SL-A, not for a component's SL-C.")
            }
        };
        let no_products = matches!(section, Section::Component(_)) && state.assessment.with(|a| a.products.is_empty());
        let no_zones = matches!(section, Section::Fr(_)) && state.assessment.with(|a| a.zones.is_empty());
        view! {
            <p class="section-intro">{text}</p>
            {no_products.then(|| view! {
                <p class="empty-state">"These questions are answered per product. " <a href=Step::Scope.href()>"Add a product in Scope"</a>" first."</p>
            })}
            {no_zones.then(|| view! {
                <p class="empty-state">"These questions are answered per zone. " <a href=Step::Scope.href()>"Add a zone in Scope"</a>" first."</p>
            })}
        }
    }
}

#[component]
fn Items(visible: Memo<Vec<&'static Item>>) -> impl IntoView {
    let v = expect_context::<View>();
    let move_by = move |delta: isize| {
        let n = visible.with_untracked(|l| l.len());
        if n == 0 {
            return;
        }
        let i = v.index.get_untracked() as isize + delta;
        let i = i.clamp(0, n as isize - 1) as usize;
        v.index.set(i);
        if let Some(item) = visible.with_untracked(|l| l.get(i).copied()) {
            focus_card(item);
        }
    };
    let navigate = Callback::new(move |(item_id, delta): (&'static str, isize)| {
        if let Some(pos) = visible.with_untracked(|l| l.iter().position(|i| i.id == item_id)) {
            v.index.set(pos);
        }
        move_by(delta);
    });
    let state = expect_context::<AppState>();
    move || {
        let items = visible.get();
        // The cards are rebuilt when the zone or product changes, so each card's scope is a plain value
        // (a card subscribing to these rarely-changing signals would leave a dead subscriber behind).
        let zone = v.zone.get();
        let product = v.product.get();
        // Cards follow the assessment through this counter, which lives as long as this list: a signal
        // never forgets a subscriber that was disposed without unsubscribing (reactive_graph 0.2), so
        // cards subscribing to the assessment itself left about 8 KB behind on every section switch.
        let a = state.assessment;
        let revision = Memo::new(move |previous: Option<&u64>| {
            a.track();
            previous.map_or(0, |n| n + 1)
        });
        if items.is_empty() {
            return view! { <p class="empty-state">"Nothing to show with these filters. Untick \"Unanswered only\" or choose another section."</p> }.into_any();
        }
        if v.one_at_a_time.get() {
            let n = items.len();
            view! {
                <div class="one-at-a-time">
                    <p class="position" aria-live="polite">{move || format!("Question {} of {n}", v.index.get() + 1)}</p>
                    {move || items.get(v.index.get()).copied().map(|item| view! { <ItemCard item=item scope=scope_for(item, &zone, &product) revision=revision navigate=navigate /> })}
                    <div class="pager">
                        <button type="button" class="button secondary" on:click=move |_| move_by(-1) disabled=move || v.index.get() == 0>"Previous question"</button>
                        <button type="button" class="button primary" on:click=move |_| move_by(1) disabled=move || v.index.get() + 1 >= n>"Next question"</button>
                    </div>
                </div>
            }
            .into_any()
        } else {
            view! {
                <div class="item-list">
                    {items.into_iter().map(|item| view! { <ItemCard item=item scope=scope_for(item, &zone, &product) revision=revision navigate=navigate /> }).collect_any_view()}
                </div>
            }
            .into_any()
        }
    }
}

/// Where an item's answer is read from and written to, for the current zone choice.
fn scope_for(item: &Item, zone: &ZoneChoice, product: &str) -> AnswerScope {
    if item.part == Part::ComponentRequirements {
        return AnswerScope::Product(product.to_string());
    }
    match (item.part, zone) {
        (Part::SystemRequirements, ZoneChoice::All) => AnswerScope::AllZones,
        (Part::SystemRequirements, ZoneChoice::One(z)) => AnswerScope::Zone(z.clone()),
        _ => AnswerScope::Assessment,
    }
}

#[component]
fn ItemCard(
    item: &'static Item,
    scope: AnswerScope,
    /// Changes whenever the assessment does (see `Items`); the card reads the assessment untracked.
    revision: Memo<u64>,
    navigate: Callback<(&'static str, isize)>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let a = state.assessment;
    let read = move |f: &dyn Fn(&crate::domain::Assessment) -> bool| {
        revision.get(); // runs the counter (tracking alone would not), and subscribes to it
        a.with_untracked(|a| f(a))
    };
    let scope = StoredValue::new(scope);
    // The response shown: for one zone, its own or else the all-zones one.
    let shown = Memo::new(move |_| {
        let scope = scope.get_value();
        revision.get(); // runs the counter (tracking alone would not), and subscribes to it
        a.with_untracked(|a| match &scope {
            AnswerScope::Zone(z) => a.zone_response(z, item.id).cloned(),
            other => a.response_at(other, item.id).cloned(),
        })
        .unwrap_or_default()
    });
    let inherited = Memo::new(move |_| match scope.get_value() {
        AnswerScope::Zone(z) => read(&|a| !a.has_override(&z, item.id) && a.answers.all_zones.contains_key(item.id)),
        _ => false,
    });
    let overridden = Memo::new(move |_| match scope.get_value() {
        AnswerScope::Zone(z) => read(&|a| a.has_override(&z, item.id)),
        _ => false,
    });
    let overrides_elsewhere = Memo::new(move |_| match scope.get_value() {
        AnswerScope::AllZones => {
            revision.get(); // runs the counter (tracking alone would not), and subscribes to it
            a.with_untracked(|a| a.zones.iter().filter(|z| a.has_override(&z.id, item.id)).count())
        }
        _ => 0,
    });
    // Write: starting from what is shown, so an override begins as a copy of the all-zones answer.
    let write = move |change: Box<dyn FnOnce(&mut Response)>| {
        let mut r = shown.get_untracked();
        change(&mut r);
        let scope = scope.get_value();
        state.edit(|a| a.set_response(&scope, item.id, r));
    };
    let choose = move |answer: Answer| write(Box::new(move |r| r.answer = Some(answer)));
    let scale = Answer::scale_for(item);
    let dom = card_id(item);
    let j_label = format!("{dom}-justification");
    let j_error = format!("{dom}-justification-error");
    let notes_id = format!("{dom}-notes");
    let group_name = format!("{dom}-answer");
    let level_text = match item.kind {
        ItemKind::SystemRequirement { fr, level } => format!("{} · from SL {}", fr.code(), level),
        ItemKind::Process => "Once per assessment".to_string(),
        ItemKind::ComponentRequirement { fr, level, types } => format!(
            "{} · from SL {} · {}",
            fr.code(),
            level,
            types.iter().map(|t| t.code()).collect::<Vec<_>>().join("/")
        ),
        ItemKind::Maturity { area, .. } => {
            catalogue::programme_area(area).map(|a| a.refs.join(", ")).unwrap_or_default()
        }
    };
    let level_descriptions = match item.kind {
        ItemKind::Maturity { levels, .. } => Some(levels),
        _ => None,
    };

    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let typing = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
            .map(|el| {
                matches!(el.tag_name().as_str(), "TEXTAREA" | "SELECT")
                    || (el.tag_name() == "INPUT" && el.get_attribute("type").as_deref() == Some("text"))
            })
            .unwrap_or(false);
        if typing {
            return;
        }
        let key = ev.key();
        if let Ok(n) = key.parse::<usize>() {
            if (1..=scale.len()).contains(&n) {
                ev.prevent_default();
                choose(scale[n - 1]);
            }
        } else if key.eq_ignore_ascii_case("n") {
            ev.prevent_default();
            navigate.run((item.id, 1));
        } else if key.eq_ignore_ascii_case("p") {
            ev.prevent_default();
            navigate.run((item.id, -1));
        }
    };

    let status_text = move || {
        let r = shown.get();
        if r.is_incomplete() {
            "Needs a justification"
        } else if r.answer.is_some() {
            "Answered"
        } else {
            "Unanswered"
        }
    };

    view! {
        <article id=dom.clone() class="item-card" tabindex="-1" aria-labelledby=format!("{dom}-q") on:keydown=on_keydown
            class:answered=move || shown.with(|r| r.answer.is_some() && !r.is_incomplete())
            class:incomplete=move || shown.with(|r| r.is_incomplete())>
            <header class="item-head">
                <span class="item-ref">{item.refs.join(" · ")}</span>
                <span class="item-title">{item.title}</span>
                <span class="item-level">{level_text}</span>
                <span class="item-status">{status_text}</span>
            </header>
            <p class="item-question" id=format!("{dom}-q")>{item.question}</p>
            <details class="item-details">
                <summary>"Why it matters and evidence"</summary>
                <p>{item.why}</p>
                {item.uncertain.map(|u| view! { <p class="notice">{u}</p> })}
                <p class="evidence-title">"Evidence you could show:"</p>
                <ul>{item.evidence.iter().map(|e| view! { <li>{*e}</li> }).collect_any_view()}</ul>
            </details>
            <When when=move || inherited.get()>
                <p class="inherited">"This zone uses the answer given for all zones. Choosing an answer here overrides it for this zone only."</p>
            </When>
            <When when=move || overridden.get()>
                <p class="inherited">
                    "This zone has its own answer. "
                    <button type="button" class="link-button" on:click=move |_| {
                        if let AnswerScope::Zone(z) = scope.get_value() { state.edit(|a| a.clear_override(&z, item.id)); }
                    }>"Use the all-zones answer again"</button>
                </p>
            </When>
            <When when=move || { overrides_elsewhere.get() > 0 }>
                <p class="inherited">{move || format!("{} zone(s) have their own answer to this question.", overrides_elsewhere.get())}</p>
            </When>
            <div class="answer-scale" role="radiogroup" aria-labelledby=format!("{dom}-q")>
                {scale.iter().enumerate().map(|(i, answer)| {
                    let answer = *answer;
                    let oid = format!("{dom}-{}", answer.code());
                    let description = level_descriptions.and_then(|l| answer.maturity_level().filter(|m| *m > 0).map(|m| l[usize::from(m) - 1]));
                    view! {
                        <div class="answer-option">
                            <input type="radio" id=oid.clone() name=group_name.clone()
                                prop:checked=move || shown.with(|r| r.answer == Some(answer))
                                on:change=move |_| choose(answer) />
                            <label for=oid>
                                <span class="key" aria-hidden="true">{i + 1}</span>
                                <span class="answer-label">{answer.label()}</span>
                                {description.map(|d| view! { <span class="answer-description">{d}</span> })}
                            </label>
                        </div>
                    }
                }).collect_any_view()}
                <button type="button" class="link-button clear" on:click=move |_| write(Box::new(|r| r.answer = None))
                    disabled=move || shown.with(|r| r.answer.is_none())>"Clear answer"</button>
            </div>
            <When when=move || shown.with(|r| r.answer.is_some_and(|a| a.needs_justification()))>
                <div class="field">
                    <label for=j_label.clone()>
                        {move || if shown.with(|r| r.answer == Some(Answer::Compensating)) { "Describe the compensating control (required)" } else { "Why does this not apply? (required)" }}
                    </label>
                    <textarea id=j_label.clone() rows="2" maxlength=MAX_TEXT_CHARS.to_string() required=true
                        aria-invalid=move || shown.with(|r| r.is_incomplete()).to_string()
                        aria-describedby=j_error.clone()
                        prop:value=move || shown.with(|r| r.justification.clone())
                        on:input=move |ev| { let t: String = event_target_value(&ev).chars().take(MAX_TEXT_CHARS).collect(); write(Box::new(move |r| r.justification = t)) }
                    ></textarea>
                    <p id=j_error.clone() class="field-error">
                        {move || shown.with(|r| r.is_incomplete()).then_some("Without a justification this answer counts as unanswered.")}
                    </p>
                </div>
            </When>
            <div class="field">
                <label for=notes_id.clone()>"Notes (optional)"</label>
                <textarea id=notes_id rows="1" maxlength=MAX_TEXT_CHARS.to_string()
                    prop:value=move || shown.with(|r| r.notes.clone())
                    on:input=move |ev| { let t: String = event_target_value(&ev).chars().take(MAX_TEXT_CHARS).collect(); write(Box::new(move |r| r.notes = t)) }
                ></textarea>
            </div>
        </article>
    }
}
