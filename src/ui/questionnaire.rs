//! The questionnaire: sections by part, FR and programme area; per-zone answering with "same for all
//! zones" and overrides; filters; list or one-at-a-time; keyboard answering.

use crate::domain::{
    catalogue, Answer, AnswerScope, Fr, Item, ItemKind, Part, Response, Status, MAX_TEXT_CHARS, PROGRAMME_AREAS,
};
use crate::ui::dom::{button, el, elc, memo, watch, El};
use crate::ui::kit::{needs_assessment, step_footer, step_section};
use crate::ui::prelude::*;
use crate::ui::state::{AppState, Step};
use crate::ui::summary::live_summary;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event};

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

    /// The section at `position` in [`Section::all`] (the first for a position past the end).
    fn at(position: usize) -> Section {
        Section::all().get(position).copied().unwrap_or(Section::Process)
    }

    /// This section's position in [`Section::all`].
    fn position(self) -> usize {
        Section::all().iter().position(|s| *s == self).unwrap_or(0)
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

impl ZoneChoice {
    /// The choice kept in the view's zone signal: a zone id, or "" for all zones.
    fn of(zone: &str) -> ZoneChoice {
        if zone.is_empty() {
            ZoneChoice::All
        } else {
            ZoneChoice::One(zone.to_string())
        }
    }
}

/// Local view state of the questionnaire.
#[derive(Clone, Copy)]
struct View {
    /// The shown section's position in `Section::all()` (a `usize` signal rather than a signal type of its
    /// own: README "Performance"); read it with [`View::section`].
    section: RwSignal<usize>,
    /// The chosen zone's id, or "" for all zones (see [`View::zone_choice`]; a String signal rather than a
    /// signal type of its own).
    zone: RwSignal<String>,
    /// The product whose 4-2 answers are shown (an id; the first product when empty).
    product: RwSignal<String>,
    unanswered_only: RwSignal<bool>,
    show_all_levels: RwSignal<bool>,
    one_at_a_time: RwSignal<bool>,
    index: RwSignal<usize>,
    /// Answered and asked questions per section, in `Section::all()` order, computed once per change.
    progress: Memo<Vec<(usize, usize)>>,
    /// The items shown, in order (see `visible_items`).
    visible: Memo<Vec<&'static Item>>,
}

impl View {
    /// The shown section (tracked).
    fn section(self) -> Section {
        Section::at(self.section.get())
    }

    /// The zone the answers are given for (tracked).
    fn zone_choice(self) -> ZoneChoice {
        self.zone.with(|z| ZoneChoice::of(z))
    }
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
pub fn questionnaire_step() -> El {
    let state = AppState::get();
    let a = state.assessment;
    let section = RwSignal::new(0);
    let zone = RwSignal::new(String::new());
    let product = RwSignal::new(a.with_untracked(|a| a.products.first().map(|p| p.id.clone()).unwrap_or_default()));
    let unanswered_only = RwSignal::new(false);
    let show_all_levels = RwSignal::new(false);
    let v = View {
        section,
        zone,
        product,
        unanswered_only,
        show_all_levels,
        one_at_a_time: RwSignal::new(false),
        index: RwSignal::new(0),
        progress: memo(move |_| {
            a.with(|a| {
                let tables = a.response_tables();
                Section::all().into_iter().map(|s| a.progress_with(s.items(), &tables)).collect()
            })
        }),
        visible: memo(move |_| {
            let zone = zone.with(|z| ZoneChoice::of(z));
            visible_items(
                a,
                Section::at(section.get()),
                &zone,
                &product.get(),
                unanswered_only.get(),
                show_all_levels.get(),
            )
        }),
    };
    // Start on the first section with something left to answer.
    let first_open = a.with_untracked(|a| {
        Section::asked(a).into_iter().find(|s| {
            let (done, total) = a.progress_of(s.items());
            done < total
        })
    });
    if let Some(s) = first_open {
        v.section.set(s.position());
    }
    // A removed product or zone can no longer be the chosen one.
    watch(move || {
        let chosen = v.product.get();
        let first =
            a.with(|a| if a.product(&chosen).is_some() { None } else { a.products.first().map(|p| p.id.clone()) });
        if let Some(first) = first {
            v.product.set(first);
        }
    });
    watch(move || {
        if let ZoneChoice::One(z) = v.zone_choice() {
            if a.with(|a| a.zone(&z).is_none()) {
                v.zone.set(String::new());
            }
        }
    });
    watch(move || {
        let n = v.visible.with(|l| l.len());
        if v.index.get_untracked() >= n {
            v.index.set(n.saturating_sub(1));
        }
    });

    let section = step_section("step questionnaire", "questionnaire", "Questionnaire", "");
    needs_assessment(section, move || vec![layout(state, v)]).child(step_footer(Step::Questionnaire))
}

/// The items of `section` shown for the zone or product and filters chosen. The caller tracks the choices;
/// of the assessment only its shape (zones, products, roles, mode, targets) is tracked, but the answers are
/// read as they are at each run.
fn visible_items(
    a: RwSignal<crate::domain::Assessment>,
    section: Section,
    zone: &ZoneChoice,
    product: &str,
    unanswered_only: bool,
    show_all: bool,
) -> Vec<&'static Item> {
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
                    let Some(p) = a.product(product) else { return false };
                    let relevant = item.applies_to(p.component_type) && (show_all || a.in_product_scope(p, item));
                    return relevant && (!unanswered_only || a.status(Some(&p.id), item) == Status::Unanswered);
                }
                if item.part != Part::SystemRequirements {
                    return !unanswered_only || a.status(None, item) == Status::Unanswered;
                }
                let zones: Vec<&crate::domain::Zone> = match zone {
                    ZoneChoice::All => a.zones.iter().collect(),
                    ZoneChoice::One(z) => a.zone(z).into_iter().collect(),
                };
                let relevant: Vec<_> = zones.into_iter().filter(|z| show_all || a.in_scope(z, item)).collect();
                if relevant.is_empty() {
                    return false;
                }
                !unanswered_only || relevant.iter().any(|z| a.status(Some(&z.id), item) == Status::Unanswered)
            })
            .collect()
    })
}

/// Section navigation, toolbar, section heading and intro, the questions, and the live summary.
fn layout(state: AppState, v: View) -> El {
    let main = elc("div", "questionnaire-main")
        .child(toolbar(state, v))
        .child(elc("h2", "section-title").dyn_text(move || v.section().title()));
    let main = items(section_intro(main, state, v), state, v);
    elc("div", "questionnaire-layout").child(section_nav(state, v)).child(main).child(live_summary())
}

/// The bit of `part` in a set of parts.
fn part_bit(part: Part) -> u64 {
    1 << Part::ALL.iter().position(|p| *p == part).unwrap_or(0)
}

fn section_nav(state: AppState, v: View) -> El {
    // One memo for the parts asked, so the groups do not each follow the assessment.
    let a = state.assessment;
    let asked = memo(move |_| {
        a.with(|a| Part::ALL.into_iter().filter(|p| a.answers_part(*p)).fold(0, |set, p| set | part_bit(p)))
    });
    let mut list = el("ul");
    for part in Part::ALL {
        let bit = part_bit(part);
        list = list.when(move || asked.with(|set| set & bit != 0), move || vec![section_group(v, part)]);
    }
    elc("nav", "section-nav").attr("aria-label", "Questionnaire sections").child(list)
}

fn section_group(v: View, part: Part) -> El {
    let links = Section::all()
        .into_iter()
        .enumerate()
        .filter(|(_, s)| s.part() == part)
        .map(|(position, s)| section_link(v, s, position))
        .collect();
    elc("li", "section-group")
        .child(elc("span", "section-group-title").text(&format!("{} {}", part.document(), part.title())))
        .child(el("ul").kids(links))
}

/// One section's button; `position` is its index in `Section::all()`.
fn section_link(v: View, s: Section, position: usize) -> El {
    // Memos, so that an answer or a section switch updates only the links it changes.
    let counts = memo(move |_| v.progress.with(|p| p.get(position).copied().unwrap_or_default()));
    let current = move || v.section.get() == position;
    el("li").child(
        el("button")
            .attr("type", "button")
            .cls("section-link")
            .dyn_attr("aria-current", move || current().then(|| "true".to_string()))
            .dyn_class("active", current)
            .attr("data-section", &s.slug())
            .on("click", move |_| {
                v.section.set(position);
                v.index.set(0);
            })
            .child(elc("span", "section-name").text(&s.title()))
            .child(
                elc("span", "section-progress")
                    .dyn_class("complete", move || counts.with(|(d, t)| *t > 0 && d == t))
                    .dyn_text(move || counts.with(|(d, t)| format!("{d}/{t}"))),
            ),
    )
}

/// A check box with its label in a `div.check`.
fn check_box(id: &str, label: &str, checked: Box<dyn Fn() -> bool>, on_change: Box<dyn Fn(bool)>) -> El {
    elc("div", "check")
        .child(
            el("input")
                .attr("type", "checkbox")
                .id(id)
                .dyn_checked(checked)
                .on("change", move |ev| on_change(event_target_checked(&ev))),
        )
        .child(el("label").attr("for", id).text(label))
}

/// Appends one `<option>` per (id, name) of `list`, kept while the id stays (so the choice stays selected).
fn options(select: El, list: Memo<Vec<(String, String)>>) -> El {
    select.keyed(
        move || list.with(|l| l.iter().map(|(id, _)| id.clone()).collect()),
        move |id| {
            let key = id.to_string();
            el("option").attr("value", id).dyn_text(move || {
                list.with(|l| l.iter().find(|(i, _)| *i == key).map(|(_, name)| name.clone()).unwrap_or_default())
            })
        },
    )
}

fn toolbar(state: AppState, v: View) -> El {
    let a = state.assessment;
    let zones = memo(move |_| a.with(|a| a.zones.iter().map(|z| (z.id.clone(), z.name.clone())).collect::<Vec<_>>()));
    let products =
        memo(move |_| a.with(|a| a.products.iter().map(|p| (p.id.clone(), p.name.clone())).collect::<Vec<_>>()));
    let product_choice = move || {
        // The options first, then the value, so that the chosen option exists when it is selected.
        let select = options(el("select").id("product-choice"), products).dyn_value(move || v.product.get()).on(
            "change",
            move |ev| {
                v.product.set(event_target_value(&ev));
                v.index.set(0);
            },
        );
        vec![elc("div", "field").child(el("label").attr("for", "product-choice").text("Product")).child(select)]
    };
    let zone_choice = move || {
        let select =
            el("select").id("zone-choice").child(el("option").attr("value", "").text("All zones (same answer)"));
        let select = options(select, zones).dyn_value(move || v.zone.get()).on("change", move |ev| {
            v.zone.set(event_target_value(&ev));
            v.index.set(0);
        });
        vec![elc("div", "field").child(el("label").attr("for", "zone-choice").text("Answer for")).child(select)]
    };
    elc("div", "toolbar")
        .attr("role", "group")
        .attr("aria-label", "Questionnaire options")
        .when(move || matches!(v.section(), Section::Component(_)), product_choice)
        .when(move || matches!(v.section(), Section::Fr(_)), zone_choice)
        .child(check_box(
            "filter-unanswered",
            "Unanswered only",
            Box::new(move || v.unanswered_only.get()),
            Box::new(move |on| {
                v.unanswered_only.set(on);
                v.index.set(0);
            }),
        ))
        .when(
            move || matches!(v.section(), Section::Fr(_) | Section::Component(_)),
            move || {
                vec![check_box(
                    "filter-all-levels",
                    "Also show requirements above the target level",
                    Box::new(move || v.show_all_levels.get()),
                    Box::new(move |on| v.show_all_levels.set(on)),
                )]
            },
        )
        .child(check_box(
            "one-at-a-time",
            "One question at a time",
            Box::new(move || v.one_at_a_time.get()),
            Box::new(move |on| v.one_at_a_time.set(on)),
        ))
        .child(elc("p", "hint keys").text("Keys: 1-7 choose an answer, N / P next / previous question."))
}

/// The intro of the current section.
fn intro_text(state: AppState, v: View) -> String {
    match v.section() {
        Section::Process => "These questions are about how the system was analysed and partitioned (IEC 62443-3-2). They are answered once for the whole assessment.".to_string(),
        Section::Fr(_) => match v.zone_choice() {
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
    }
}

/// Appends the section intro and, when the section has nothing to answer for, where to add a zone or product.
fn section_intro(main: El, state: AppState, v: View) -> El {
    let a = state.assessment;
    // A memo: the text reads the assessment (zone and product names) but rarely changes.
    let intro = memo(move |_| intro_text(state, v));
    let missing = move || match v.section() {
        Section::Component(_) if a.with(|a| a.products.is_empty()) => 1,
        Section::Fr(_) if a.with(|a| a.zones.is_empty()) => 2,
        _ => 0,
    };
    main.child(elc("p", "section-intro").dyn_text(move || intro.get())).switch(missing, |missing| {
        let (text, link) = match missing {
            1 => ("These questions are answered per product. ", "Add a product in Scope"),
            2 => ("These questions are answered per zone. ", "Add a zone in Scope"),
            _ => return Vec::new(),
        };
        vec![elc("p", "empty-state")
            .text(text)
            .child(el("a").attr("href", &Step::Scope.href()).text(link))
            .text(" first.")]
    })
}

/// Moves to the question `delta` places away in the visible list, and focuses its card.
fn move_by(v: View, delta: isize) {
    let n = v.visible.with_untracked(|l| l.len());
    if n == 0 {
        return;
    }
    let i = v.index.get_untracked() as isize + delta;
    let i = i.clamp(0, n as isize - 1) as usize;
    v.index.set(i);
    if let Some(item) = v.visible.with_untracked(|l| l.get(i).copied()) {
        focus_card(item);
    }
}

/// Moves `delta` places away from the question `item_id` (keyboard N / P on a card).
fn navigate(v: View, item_id: &str, delta: isize) {
    if let Some(pos) = v.visible.with_untracked(|l| l.iter().position(|i| i.id == item_id)) {
        v.index.set(pos);
    }
    move_by(v, delta);
}

/// Appends the questions: rebuilt when the visible items, the zone or product choice or the view mode
/// change, not on every answer. Focus inside the questions stays at the same place in the rebuilt ones
/// (as when Leptos patched the old nodes), so that keyboard answering with "Unanswered only" goes on.
fn items(main: El, state: AppState, v: View) -> El {
    let generation = Cell::new(0u64);
    let region = main.0.clone();
    let focus: Rc<RefCell<Option<Vec<u32>>>> = Rc::new(RefCell::new(None));
    let saved = focus.clone();
    let watched = region.clone();
    main.switch(
        move || {
            v.visible.track();
            v.zone.track();
            v.product.track();
            v.one_at_a_time.track();
            // Runs before the old questions are removed.
            *saved.borrow_mut() = focus_path(&watched);
            generation.set(generation.get() + 1);
            generation.get()
        },
        move |_| {
            if let Some(path) = focus.borrow_mut().take() {
                let region = region.clone();
                // After the new questions are in the page.
                crate::ui::dom::spawn(async move { refocus(&region, &path) });
            }
            item_view(state, v)
        },
    )
}

/// The focused element's place under `region`: its element index at each level, or `None` when the focus
/// is elsewhere.
fn focus_path(region: &Element) -> Option<Vec<u32>> {
    let mut at = document().active_element()?;
    let mut path = Vec::new();
    while &at != region {
        let mut index = 0;
        let mut sibling = at.previous_element_sibling();
        while let Some(s) = sibling {
            index += 1;
            sibling = s.previous_element_sibling();
        }
        path.push(index);
        at = at.parent_element()?;
    }
    path.reverse();
    (!path.is_empty()).then_some(path)
}

/// Focuses the element at `path` under `region`, if there is one.
fn refocus(region: &Element, path: &[u32]) {
    let mut at = region.clone();
    for index in path {
        let Some(mut child) = at.first_element_child() else { return };
        for _ in 0..*index {
            let Some(next) = child.next_element_sibling() else { return };
            child = next;
        }
        at = child;
    }
    if let Ok(el) = at.dyn_into::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}

fn item_view(state: AppState, v: View) -> Vec<El> {
    let items = v.visible.get_untracked();
    // The cards are rebuilt when the zone or product changes, so each card's scope is a plain value
    // (a card subscribing to these rarely-changing signals would leave a dead subscriber behind).
    let zone = untrack(|| v.zone_choice());
    let product = v.product.get_untracked();
    // Cards follow the assessment through this counter, which lives as long as this list: a signal
    // never forgets a subscriber that was disposed without unsubscribing (reactive_graph 0.2), so
    // cards subscribing to the assessment itself left about 8 KB behind on every section switch.
    let a = state.assessment;
    let revision = memo(move |previous: Option<&u64>| {
        a.track();
        previous.map_or(0, |n| n + 1)
    });
    if items.is_empty() {
        return vec![elc("p", "empty-state")
            .text("Nothing to show with these filters. Untick \"Unanswered only\" or choose another section.")];
    }
    if !v.one_at_a_time.get_untracked() {
        let cards = items.iter().map(|item| card(state, v, item, scope_for(item, &zone, &product), revision)).collect();
        return vec![elc("div", "item-list").kids(cards)];
    }
    let n = items.len();
    let one = elc("div", "one-at-a-time")
        .child(
            elc("p", "position")
                .attr("aria-live", "polite")
                .dyn_text(move || format!("Question {} of {n}", v.index.get() + 1)),
        )
        .switch(
            move || v.index.get() as u64,
            move |i| {
                let item = items.get(i as usize).copied();
                item.map(|item| card(state, v, item, scope_for(item, &zone, &product), revision)).into_iter().collect()
            },
        );
    let pager = elc("div", "pager")
        .child(
            button("button secondary", "Previous question", move || move_by(v, -1))
                .dyn_flag("disabled", move || v.index.get() == 0),
        )
        .child(
            button("button primary", "Next question", move || move_by(v, 1))
                .dyn_flag("disabled", move || v.index.get() + 1 >= n),
        );
    vec![one.child(pager)]
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

/// What a question card reads and writes.
#[derive(Clone, Copy)]
struct Card {
    state: AppState,
    item: &'static Item,
    scope: StoredValue<AnswerScope>,
    /// The response shown: for one zone, its own or else the all-zones one.
    shown: Memo<Response>,
    /// Changes whenever the assessment does (see `item_view`); the card reads the assessment untracked.
    revision: Memo<u64>,
}

impl Card {
    /// Reads the assessment, following it through the revision counter.
    fn read<T>(self, f: impl FnOnce(&crate::domain::Assessment) -> T) -> T {
        self.revision.get(); // runs the counter (tracking alone would not), and subscribes to it
        self.state.assessment.with_untracked(f)
    }

    /// Changes the response, starting from what is shown, so an override begins as a copy of the
    /// all-zones answer.
    fn write(self, change: Box<dyn FnOnce(&mut Response)>) {
        let mut r = self.shown.get_untracked();
        change(&mut r);
        let scope = self.scope.get_value();
        self.state.edit(|a| a.set_response(&scope, self.item.id, r));
    }

    fn choose(self, answer: Answer) {
        self.write(Box::new(move |r| r.answer = Some(answer)));
    }
}

/// Whether a key press comes from a field the user types in (which keeps its keys).
fn typing(ev: &Event) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        .map(|el| {
            matches!(el.tag_name().as_str(), "TEXTAREA" | "SELECT")
                || (el.tag_name() == "INPUT" && el.get_attribute("type").as_deref() == Some("text"))
        })
        .unwrap_or(false)
}

/// Keys on a card: 1-7 choose an answer, N / P move to the next / previous question.
fn on_card_key(c: Card, v: View, ev: Event) {
    let ev: web_sys::KeyboardEvent = ev.unchecked_into();
    if ev.ctrl_key() || ev.meta_key() || ev.alt_key() || typing(&ev) {
        return;
    }
    let scale = Answer::scale_for(c.item);
    let key = ev.key();
    if let Ok(n) = key.parse::<usize>() {
        if (1..=scale.len()).contains(&n) {
            ev.prevent_default();
            c.choose(scale[n - 1]);
        }
    } else if key.eq_ignore_ascii_case("n") {
        ev.prevent_default();
        navigate(v, c.item.id, 1);
    } else if key.eq_ignore_ascii_case("p") {
        ev.prevent_default();
        navigate(v, c.item.id, -1);
    }
}

fn level_text(item: &Item) -> String {
    match item.kind {
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
    }
}

/// One question card.
fn card(state: AppState, v: View, item: &'static Item, scope: AnswerScope, revision: Memo<u64>) -> El {
    let a = state.assessment;
    let scope = StoredValue::new(scope);
    let shown = memo(move |_| {
        let scope = scope.get_value();
        revision.get(); // runs the counter (tracking alone would not), and subscribes to it
        a.with_untracked(|a| match &scope {
            AnswerScope::Zone(z) => a.zone_response(z, item.id).cloned(),
            other => a.response_at(other, item.id).cloned(),
        })
        .unwrap_or_default()
    });
    let c = Card { state, item, scope, shown, revision };
    let dom = card_id(item);
    let question_id = format!("{dom}-q");
    let status_text = move || {
        shown
            .with(|r| {
                if r.is_incomplete() {
                    "Needs a justification"
                } else if r.answer.is_some() {
                    "Answered"
                } else {
                    "Unanswered"
                }
            })
            .to_string()
    };

    let head = elc("header", "item-head")
        .child(elc("span", "item-ref").text(&item.refs.join(" · ")))
        .child(elc("span", "item-title").text(item.title))
        .child(elc("span", "item-level").text(&level_text(item)))
        .child(elc("span", "item-status").dyn_text(status_text));
    let details = elc("details", "item-details")
        .child(el("summary").text("Why it matters and evidence"))
        .child(el("p").text(item.why))
        .opt(item.uncertain.map(|u| elc("p", "notice").text(u)))
        .child(elc("p", "evidence-title").text("Evidence you could show:"))
        .child(el("ul").kids(item.evidence.iter().map(|e| el("li").text(e)).collect()));
    let article = elc("article", "item-card")
        .id(&dom)
        .attr("tabindex", "-1")
        .attr("aria-labelledby", &question_id)
        .on("keydown", move |ev| on_card_key(c, v, ev))
        .dyn_class("answered", move || shown.with(|r| r.answer.is_some() && !r.is_incomplete()))
        .dyn_class("incomplete", move || shown.with(|r| r.is_incomplete()))
        .child(head)
        .child(elc("p", "item-question").id(&question_id).text(item.question))
        .child(details);
    let article = scope_notes(article, c);
    let article = article.child(answer_scale(c, &dom, &question_id)).when(
        move || shown.with(|r| r.answer.is_some_and(|a| a.needs_justification())),
        move || vec![justification(c, &card_id(item))],
    );
    let notes_id = format!("{dom}-notes");
    article.child(
        elc("div", "field").child(el("label").attr("for", &notes_id).text("Notes (optional)")).child(
            el("textarea")
                .id(&notes_id)
                .attr("rows", "1")
                .attr("maxlength", &MAX_TEXT_CHARS.to_string())
                .dyn_value(move || shown.with(|r| r.notes.clone()))
                .on("input", move |ev| {
                    let t: String = event_target_value(&ev).chars().take(MAX_TEXT_CHARS).collect();
                    c.write(Box::new(move |r| r.notes = t));
                }),
        ),
    )
}

/// Appends what the card says about zone overrides: for one zone, whether it inherits the all-zones
/// answer or has its own; for all zones, how many zones have their own.
fn scope_notes(article: El, c: Card) -> El {
    let id = c.item.id;
    match c.scope.get_value() {
        AnswerScope::Zone(z) => {
            let zone = z.clone();
            let article = article.when(
                move || c.read(|a| !a.has_override(&zone, id) && a.answers.all_zones.contains_key(id)),
                || {
                    vec![elc("p", "inherited").text(
                        "This zone uses the answer given for all zones. Choosing an answer here overrides it for this zone only.",
                    )]
                },
            );
            let zone = z.clone();
            article.when(
                move || c.read(|a| a.has_override(&zone, id)),
                move || {
                    let z = z.clone();
                    vec![elc("p", "inherited").text("This zone has its own answer. ").child(button(
                        "link-button",
                        "Use the all-zones answer again",
                        move || c.state.edit(|a| a.clear_override(&z, id)),
                    ))]
                },
            )
        }
        AnswerScope::AllZones => {
            // A count over at most a few dozen zones: cheap enough to redo, where a memo would add a
            // `Memo<usize>` type to the wasm.
            let elsewhere = move || c.read(|a| a.zones.iter().filter(|z| a.has_override(&z.id, id)).count());
            article.when(
                move || elsewhere() > 0,
                move || {
                    vec![elc("p", "inherited")
                        .dyn_text(move || format!("{} zone(s) have their own answer to this question.", elsewhere()))]
                },
            )
        }
        _ => article,
    }
}

/// The answer options (radio buttons) and "Clear answer".
fn answer_scale(c: Card, dom: &str, question_id: &str) -> El {
    let shown = c.shown;
    let group_name = format!("{dom}-answer");
    let level_descriptions = match c.item.kind {
        ItemKind::Maturity { levels, .. } => Some(levels),
        _ => None,
    };
    let options = Answer::scale_for(c.item)
        .iter()
        .enumerate()
        .map(|(i, answer)| {
            let answer = *answer;
            let oid = format!("{dom}-{}", answer.code());
            let description = level_descriptions
                .and_then(|l| answer.maturity_level().filter(|m| *m > 0).map(|m| l[usize::from(m) - 1]));
            elc("div", "answer-option")
                .child(
                    el("input")
                        .attr("type", "radio")
                        .id(&oid)
                        .attr("name", &group_name)
                        .dyn_checked(move || shown.with(|r| r.answer == Some(answer)))
                        .on("change", move |_| c.choose(answer)),
                )
                .child(
                    el("label")
                        .attr("for", &oid)
                        .child(elc("span", "key").attr("aria-hidden", "true").text(&(i + 1).to_string()))
                        .child(elc("span", "answer-label").text(answer.label()))
                        .opt(description.map(|d| elc("span", "answer-description").text(d))),
                )
        })
        .collect();
    elc("div", "answer-scale").attr("role", "radiogroup").attr("aria-labelledby", question_id).kids(options).child(
        button("link-button clear", "Clear answer", move || c.write(Box::new(|r| r.answer = None)))
            .dyn_flag("disabled", move || shown.with(|r| r.answer.is_none())),
    )
}

/// The required justification of "not applicable" or a compensating control.
fn justification(c: Card, dom: &str) -> El {
    let shown = c.shown;
    let id = format!("{dom}-justification");
    let error_id = format!("{dom}-justification-error");
    elc("div", "field")
        .child(el("label").attr("for", &id).dyn_text(move || {
            if shown.with(|r| r.answer == Some(Answer::Compensating)) {
                "Describe the compensating control (required)"
            } else {
                "Why does this not apply? (required)"
            }
            .to_string()
        }))
        .child(
            el("textarea")
                .id(&id)
                .attr("rows", "2")
                .attr("maxlength", &MAX_TEXT_CHARS.to_string())
                .attr("required", "")
                .dyn_attr("aria-invalid", move || Some(shown.with(|r| r.is_incomplete()).to_string()))
                .attr("aria-describedby", &error_id)
                .dyn_value(move || shown.with(|r| r.justification.clone()))
                .on("input", move |ev| {
                    let t: String = event_target_value(&ev).chars().take(MAX_TEXT_CHARS).collect();
                    c.write(Box::new(move |r| r.justification = t));
                }),
        )
        .child(elc("p", "field-error").id(&error_id).dyn_text(move || {
            if shown.with(|r| r.is_incomplete()) {
                "Without a justification this answer counts as unanswered.".to_string()
            } else {
                String::new()
            }
        }))
}
