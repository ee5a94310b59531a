//! The asset inventory on the Scope step: each zone's assets in a table that sorts and filters, with a
//! form to add or edit one, and the import of a CSV file (columns mapped in a preview that lists every
//! problem by line and column before anything changes; only the good rows are imported) and its export.
//! Reading, mapping and checking are the domain's ([`csv_file`]); this module only shows them.

use crate::domain::inventory::csv_file::{
    self, CheckedInventory, CsvReading, CsvTable, Field, RememberedMapping, MAX_CSV_BYTES,
};
use crate::domain::share::thousands;
use crate::domain::{Asset, AssetKind, AssetType, Criticality, PurdueLevel, MAX_NAME_CHARS};
use crate::ui::download::{chosen_file, download, file_stem};
use crate::ui::limited_text::LimitedTextArea;
use crate::ui::persist;
use crate::ui::state::{AppState, StepState};
use leptos::prelude::*;
use std::collections::BTreeMap;

/// Where the column mapping chosen last time is kept in the browser.
const MAPPING_KEY: &str = "iec62443-assess:inventory-mapping";

/// Rows of the inventory table drawn at first and added by "Show more" (a zone of 10,000 assets stays quick
/// to draw and to change).
const TABLE_PAGE_ROWS: usize = 250;

/// Problems of an import listed at first; the rest follow on request (a file of 10,000 bad rows stays
/// quick to preview).
const PROBLEMS_SHOWN: usize = 100;

/// Rows read between two pauses that let the browser paint (a 10,000-row file stays responsive).
const ROWS_PER_CHUNK: usize = 1000;

/// How the inventory table is ordered.
#[derive(Clone, Copy, PartialEq, Eq)]
enum SortBy {
    Inventory,
    Name,
    Type,
    Vendor,
    Purdue,
    Criticality,
}

impl SortBy {
    const ALL: [SortBy; 6] =
        [SortBy::Inventory, SortBy::Name, SortBy::Type, SortBy::Vendor, SortBy::Purdue, SortBy::Criticality];

    fn label(self) -> &'static str {
        match self {
            SortBy::Inventory => "Order entered",
            SortBy::Name => "Name",
            SortBy::Type => "Type",
            SortBy::Vendor => "Vendor",
            SortBy::Purdue => "Purdue level",
            SortBy::Criticality => "Criticality (highest first)",
        }
    }

    /// Orders two assets (one comparison function, so the sort is compiled once).
    fn compare(self, x: &Asset, y: &Asset) -> std::cmp::Ordering {
        let text = |s: &str| s.to_lowercase();
        match self {
            SortBy::Inventory => std::cmp::Ordering::Equal,
            SortBy::Name => text(&x.name).cmp(&text(&y.name)),
            SortBy::Type => (x.kind.is_none(), x.kind.as_ref().map(|k| text(k.label())))
                .cmp(&(y.kind.is_none(), y.kind.as_ref().map(|k| text(k.label())))),
            SortBy::Vendor => (x.vendor.is_empty(), text(&x.vendor), text(&x.name)).cmp(&(
                y.vendor.is_empty(),
                text(&y.vendor),
                text(&y.name),
            )),
            SortBy::Purdue => (x.purdue.is_none(), x.purdue).cmp(&(y.purdue.is_none(), y.purdue)),
            SortBy::Criticality => y.criticality.cmp(&x.criticality),
        }
    }
}

/// Whether an asset shows under a filter text (already lower case): any of its texts contains it.
fn matches_filter(asset: &Asset, needle: &str) -> bool {
    let kind = asset.kind.as_ref().map_or("", AssetKind::label);
    let purdue = asset.purdue.map_or("", PurdueLevel::code);
    [&asset.name, kind, &asset.vendor, &asset.model, &asset.version, &asset.address, &asset.location, purdue]
        .iter()
        .any(|t| t.to_lowercase().contains(needle))
}

/// One zone's inventory: the counts by type, and (when shown) the table with its filter, sort and forms.
#[component]
pub fn ZoneInventory(zone_id: String) -> impl IntoView {
    let state = AppState::get();
    let a = StepState::get().assessment;
    let id = StoredValue::new(zone_id);
    let count = Memo::new(move |_| a.with(|a| a.zone_assets(&id.get_value()).count()));
    let summary = Memo::new(move |_| a.with(|a| a.asset_counts(&id.get_value()).summary()));
    let zone_name = Memo::new(move |_| a.with(|a| a.zone(&id.get_value()).map(|z| z.name.clone()).unwrap_or_default()));
    let open = RwSignal::new(false);
    let filter = RwSignal::new(String::new());
    let sort = RwSignal::new(SortBy::Inventory);
    // The asset being edited: `Some("")` is a new one.
    let editing = RwSignal::new(None::<String>);
    let shown = Memo::new(move |_| {
        let needle = filter.with(|f| f.trim().to_lowercase());
        let mut rows: Vec<Asset> =
            a.with(|a| a.zone_assets(&id.get_value()).filter(|x| matches_filter(x, &needle)).cloned().collect());
        let order = sort.get();
        if order != SortBy::Inventory {
            rows.sort_by(|x, y| order.compare(x, y));
        }
        rows
    });
    // The names of the assessment's products, for the table's Product column.
    let products = Memo::new(move |_| {
        a.with(|a| a.products.iter().map(|p| (p.id.clone(), p.name.clone())).collect::<BTreeMap<_, _>>())
    });
    let limit = RwSignal::new(TABLE_PAGE_ROWS);
    let dom = move |suffix: &str| format!("{}-inv-{suffix}", id.get_value());
    let remove = move |asset_id: String, name: String| {
        state.edit_scope(&format!("Remove asset {name}"), None, |a| {
            a.remove_assets(&[asset_id]);
        });
        state.info(&format!("Asset \"{name}\" was removed."));
    };
    let duplicate = move |asset_id: String| {
        let mut copied = None;
        state.edit_scope("Duplicate an asset", None, |a| copied = a.duplicate_asset(&asset_id));
        if copied.is_none() {
            state.error("The asset was not copied: the inventory is full.");
        }
    };
    let export = move |_| {
        let (text, name) = a.with_untracked(|a| (csv_file::inventory_csv(a, Some(&id.get_value())), a.name.clone()));
        let file = format!("{}-{}-inventory.csv", file_stem(&name), file_stem(&zone_name.get_untracked()));
        if let Err(e) = download(&file, "text/csv", &text) {
            state.error(&e);
        }
    };

    view! {
        <section class="zone-inventory" aria-label=move || format!("Asset inventory of {}", zone_name.get())>
            <h4 id=dom("title")>"Asset inventory"</h4>
            <p class="muted">{move || summary.get()}</p>
            <button type="button" class="button secondary small" aria-expanded=move || open.get().to_string()
                aria-controls=dom("panel") on:click=move |_| open.update(|o| *o = !*o)>
                {move || if open.get() { "Hide the inventory" } else { "Show the inventory" }}
            </button>
            " "
            <button type="button" class="button secondary small" on:click=move |_| { open.set(true); editing.set(Some(String::new())); }>
                "Add an asset"
            </button>
            <Show when=move || editing.with(|e| e.as_deref() == Some(""))>
                <AssetForm zone_id=id.get_value() asset_id=None on_done=Callback::new(move |()| editing.set(None)) />
            </Show>
            <Show when=move || open.get()>
                <div id=dom("panel") class="inventory-panel">
                    <div class="inline-form">
                        <label for=dom("filter")>"Filter assets"</label>
                        <input id=dom("filter") type="search" placeholder="name, type, vendor, address..."
                            prop:value=move || filter.get() on:input=move |ev| filter.set(event_target_value(&ev)) />
                        <label for=dom("sort")>"Sort by"</label>
                        <select id=dom("sort") on:change=move |ev| {
                            let v = event_target_value(&ev);
                            if let Some(s) = SortBy::ALL.into_iter().find(|s| s.label() == v) { sort.set(s); }
                        }>
                            {SortBy::ALL.into_iter().map(|s| view! { <option value=s.label()>{s.label()}</option> }).collect_view()}
                        </select>
                        <button type="button" class="button secondary small" on:click=export
                            disabled=move || count.get() == 0>"Export as CSV"</button>
                    </div>
                    <p class="muted" aria-live="polite">{move || {
                        let (n, all) = (shown.with(Vec::len), count.get());
                        if n == all { format!("{all} rows") } else { format!("{n} of {all} rows match the filter") }
                    }}</p>
                    <p class="muted">{move || {
                        let (n, first) = (shown.with(Vec::len), limit.get());
                        (n > first).then(|| format!("The first {} of these rows are shown.", thousands(first)))
                    }}</p>
                    <table class="data-table inventory-table">
                        <caption>{move || format!("Assets of {}", zone_name.get())}</caption>
                        <thead><tr>
                            <th scope="col">"Name"</th><th scope="col">"Type"</th><th scope="col">"Vendor"</th>
                            <th scope="col">"Model"</th><th scope="col">"Version"</th><th scope="col">"Qty"</th>
                            <th scope="col">"Criticality"</th><th scope="col">"Purdue"</th><th scope="col">"Address"</th>
                            <th scope="col">"Location"</th><th scope="col">"Product"</th><th scope="col"><span class="visually-hidden">"Actions"</span></th>
                        </tr></thead>
                        // One <tbody> per page of rows: "Show more" draws only the new page.
                        <For each=move || 0..limit.get().div_ceil(TABLE_PAGE_ROWS) key=|page| *page children=move |page| view! {
                        <tbody>
                            {move || shown.with(|rows| rows.iter().skip(page * TABLE_PAGE_ROWS).take(TABLE_PAGE_ROWS).cloned().collect::<Vec<_>>()).into_iter().map(|asset| {
                                let asset_id = asset.id.clone();
                                let (edit_id, dup_id, del_id, del_name) = (asset_id.clone(), asset_id.clone(), asset_id.clone(), asset.name.clone());
                                let is_editing = move || editing.with(|e| e.as_deref() == Some(asset_id.as_str()));
                                let form_id = StoredValue::new(edit_id.clone());
                                view! {
                                    <tr>
                                        <td>{asset.name.clone()}</td>
                                        <td>{asset.kind.as_ref().map(|k| k.label().to_string())}</td>
                                        <td>{asset.vendor.clone()}</td>
                                        <td>{asset.model.clone()}</td>
                                        <td>{asset.version.clone()}</td>
                                        <td>{asset.quantity}</td>
                                        <td>{asset.criticality.map(Criticality::label)}</td>
                                        <td>{asset.purdue.map(PurdueLevel::code)}</td>
                                        <td>{asset.address.clone()}</td>
                                        <td>{asset.location.clone()}</td>
                                        <td>{asset.product.as_ref().and_then(|p| products.with(|names| names.get(p).cloned()))}</td>
                                        <td class="actions">
                                            <button type="button" class="button small secondary" aria-label=format!("Edit asset {}", asset.name)
                                                on:click=move |_| editing.set(Some(edit_id.clone()))>"Edit"</button>
                                            " "
                                            <button type="button" class="button small secondary" aria-label=format!("Duplicate asset {}", asset.name)
                                                on:click=move |_| duplicate(dup_id.clone())>"Duplicate"</button>
                                            " "
                                            <button type="button" class="button small danger" aria-label=format!("Remove asset {}", asset.name)
                                                on:click=move |_| remove(del_id.clone(), del_name.clone())>"Remove"</button>
                                        </td>
                                    </tr>
                                    <Show when=is_editing.clone()>
                                        <tr class="asset-editor"><td colspan="12">
                                            <AssetForm zone_id=id.get_value() asset_id=Some(form_id.get_value())
                                                on_done=Callback::new(move |()| editing.set(None)) />
                                        </td></tr>
                                    </Show>
                                }.into_any()
                            }).collect_view()}
                        </tbody>
                        } />
                    </table>
                    <Show when=move || { shown.with(Vec::len) > limit.get() }>
                        <button type="button" class="button secondary small" on:click=move |_| limit.update(|l| *l += TABLE_PAGE_ROWS)>
                            {move || format!("Show {} more rows", thousands(TABLE_PAGE_ROWS.min(shown.with(Vec::len) - limit.get())))}
                        </button>
                    </Show>
                </div>
            </Show>
        </section>
    }
}

/// The form of one asset: a new one in the zone (`asset_id` `None`) or an existing one, saved together
/// when the user presses Save.
#[component]
fn AssetForm(zone_id: String, asset_id: Option<String>, on_done: Callback<()>) -> impl IntoView {
    let state = AppState::get();
    let start = state
        .assessment
        .with_untracked(|a| asset_id.as_deref().and_then(|i| a.asset(i).cloned()))
        .unwrap_or_else(|| Asset::new("", &zone_id, ""));
    let prefix = format!("{}-{}", zone_id, asset_id.clone().unwrap_or_else(|| "new".into()));
    let draft = RwSignal::new(start.clone());
    let kind_text = RwSignal::new(start.kind.as_ref().map(|k| k.label().to_string()).unwrap_or_default());
    let quantity = RwSignal::new(start.quantity.to_string());
    let error = RwSignal::new(None::<String>);
    let id = StoredValue::new(asset_id);
    let step = StepState::get();
    let zones = step.zone_choices();
    let a = step.assessment;
    let products =
        Memo::new(move |_| a.with(|a| a.products.iter().map(|p| (p.id.clone(), p.name.clone())).collect::<Vec<_>>()));
    let save = move || {
        let mut asset = draft.get_untracked();
        asset.kind = AssetKind::from_text(&kind_text.get_untracked());
        // Not a whole number: 0, which the check below refuses with its sentence.
        asset.quantity = quantity.get_untracked().trim().parse::<u32>().unwrap_or(0);
        if let Some(problem) = asset.problem() {
            error.set(Some(problem));
            return;
        }
        asset.name = asset.name.trim().to_string();
        let mut added = 1;
        // Moved to another zone: the step and the message say where to.
        let moved_to = id.get_value().and_then(|existing| {
            state.assessment.with_untracked(|a| {
                let before = a.asset(&existing)?;
                (before.zone != asset.zone).then(|| a.zone(&asset.zone).map(|z| z.name.clone())).flatten()
            })
        });
        let label = match &moved_to {
            Some(zone) => format!("Move asset {} to {zone}", asset.name),
            None => format!("Save asset {}", asset.name),
        };
        let name = asset.name.clone();
        state.edit_scope(&label, None, |a| match id.get_value() {
            Some(existing) => {
                if let Some(slot) = a.assets.iter_mut().find(|x| x.id == existing) {
                    *slot = asset;
                }
            }
            None => added = a.add_assets([asset]),
        });
        if added == 0 {
            error.set(Some("The inventory is full: remove assets before adding more.".into()));
            return;
        }
        if let Some(zone) = moved_to {
            state.info(&format!("Asset \"{name}\" was moved to zone {zone}."));
        }
        on_done.run(());
    };
    let field_prefix = prefix.clone();
    let text_field =
        move |suffix: &'static str, label: &'static str, get: fn(&Asset) -> String, set: fn(&mut Asset, String)| {
            let fid = format!("{field_prefix}-{suffix}");
            view! {
                <div class="field">
                    <label for=fid.clone()>{label}</label>
                    <input id=fid type="text" maxlength=MAX_NAME_CHARS.to_string()
                        prop:value=move || draft.with(get)
                        on:input=move |ev| { let v = event_target_value(&ev); draft.update(|d| set(d, v)); } />
                </div>
            }
        };
    let p = prefix.clone();
    let fid = move |suffix: &str| format!("{p}-{suffix}");
    let types_list = fid("types");
    view! {
        <form class="asset-form card" novalidate aria-label=if id.get_value().is_some() { "Edit asset" } else { "New asset" }
            on:submit=move |ev| { ev.prevent_default(); save(); }>
            <div class="form-grid">
                {text_field("name", "Asset name or tag", |d| d.name.clone(), |d, v| d.name = v)}
                <div class="field">
                    <label for=fid("type")>"Type"</label>
                    <input id=fid("type") type="text" list=types_list.clone() maxlength=MAX_NAME_CHARS.to_string()
                        prop:value=move || kind_text.get() on:input=move |ev| kind_text.set(event_target_value(&ev)) />
                    <datalist id=types_list>
                        {AssetType::ALL.into_iter().map(|t| view! { <option value=t.label()></option> }).collect_view()}
                    </datalist>
                </div>
                <div class="field">
                    <label for=fid("zone")>"Zone"</label>
                    <select id=fid("zone") prop:value=move || draft.with(|d| d.zone.clone())
                        on:change=move |ev| { let v = event_target_value(&ev); draft.update(|d| d.zone = v); }>
                        {move || zones.get().into_iter().map(|(zid, zname)| view! { <option value=zid>{zname}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=fid("product")>"Product of this assessment"</label>
                    <select id=fid("product") aria-describedby=fid("product-hint")
                        prop:value=move || draft.with(|d| d.product.clone().unwrap_or_default())
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            draft.update(|d| d.product = (!v.is_empty()).then_some(v));
                        }>
                        <option value="">"None"</option>
                        {move || products.get().into_iter().map(|(pid, pname)| view! { <option value=pid>{pname}</option> }).collect_view()}
                    </select>
                    <span id=fid("product-hint") class="hint">{move || if products.with(Vec::is_empty) {
                        "No products yet: a supplier adds the products it assesses (IEC 62443-4-2) on this step."
                    } else {
                        "For a supplier: the assessed product this asset is."
                    }}</span>
                </div>
                {text_field("vendor", "Vendor", |d| d.vendor.clone(), |d, v| d.vendor = v)}
                {text_field("model", "Model", |d| d.model.clone(), |d, v| d.model = v)}
                {text_field("version", "Firmware or software version", |d| d.version.clone(), |d, v| d.version = v)}
                <div class="field">
                    <label for=fid("quantity")>"Quantity"</label>
                    <input id=fid("quantity") type="number" min="1" step="1"
                        prop:value=move || quantity.get() on:input=move |ev| quantity.set(event_target_value(&ev)) />
                </div>
                <div class="field">
                    <label for=fid("criticality")>"Asset criticality"</label>
                    <select id=fid("criticality")
                        prop:value=move || draft.with(|d| d.criticality.map(Criticality::label).unwrap_or_default().to_string())
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            draft.update(|d| d.criticality = Criticality::ALL.into_iter().find(|c| c.label() == v));
                        }>
                        <option value="">"Not assessed"</option>
                        {Criticality::ALL.into_iter().map(|c| view! { <option value=c.label()>{c.label()}</option> }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=fid("purdue")>"Purdue level"</label>
                    <select id=fid("purdue")
                        prop:value=move || draft.with(|d| d.purdue.map(PurdueLevel::code).unwrap_or_default().to_string())
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            draft.update(|d| d.purdue = PurdueLevel::ALL.into_iter().find(|l| l.code() == v));
                        }>
                        <option value="">"Not known"</option>
                        {PurdueLevel::ALL.into_iter().map(|l| view! { <option value=l.code()>{l.label()}</option> }).collect_view()}
                    </select>
                </div>
                {text_field("address", "Network address", |d| d.address.clone(), |d, v| d.address = v)}
                {text_field("location", "Location", |d| d.location.clone(), |d, v| d.location = v)}
                <div class="field wide">
                    <label for=fid("notes")>"Notes"</label>
                    <LimitedTextArea id=fid("notes") value=Signal::derive(move || draft.with(|d| d.notes.clone()))
                        set=Callback::new(move |v: String| draft.update(|d| d.notes = v)) />
                </div>
            </div>
            <p class="field-error" role="alert">{move || error.get()}</p>
            <button type="submit" class="button primary small">"Save asset"</button>
            " "
            <button type="button" class="button secondary small" on:click=move |_| on_done.run(())>"Cancel"</button>
        </form>
    }
}

/// Lets the browser paint and handle input before the next chunk of work.
async fn next_tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let waited = web_sys::window().map(|w| w.set_timeout_with_callback(&resolve).is_ok()).unwrap_or(false);
        if !waited {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// The mapping remembered from the last import (an unreadable entry counts as none).
fn remembered_mapping() -> RememberedMapping {
    persist::read(MAPPING_KEY).map(|text| RememberedMapping::from_json(&text)).unwrap_or_default()
}

/// A file read and waiting for the user to check the mapping and import.
#[derive(Clone)]
struct PendingFile {
    name: String,
    table: CsvTable,
}

/// The import of an inventory file: choose a CSV file, map its columns, see every problem, import the
/// good rows; and the export of the whole inventory.
#[component]
pub fn InventoryImport() -> impl IntoView {
    let state = AppState::get();
    let a = StepState::get().assessment;
    let pending = RwSignal::new(None::<PendingFile>);
    let mapping = RwSignal::new(Vec::<Option<Field>>::new());
    let default_zone = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let progress = RwSignal::new(None::<String>);
    let zones = StepState::get().zone_choices();
    // Whether every problem is listed, not only the first PROBLEMS_SHOWN.
    let all_problems = RwSignal::new(false);
    let existing = Memo::new(move |_| a.with(|a| a.assets.len()));
    let checked = Memo::new(move |_| -> Option<Result<CheckedInventory, String>> {
        pending.with(|p| {
            let p = p.as_ref()?;
            let zone = default_zone.get();
            let zone = (!zone.is_empty()).then_some(zone);
            Some(mapping.with(|m| a.with(|a| csv_file::check_inventory(a, zone.as_deref(), &p.table, m))))
        })
    });

    let on_file = move |ev: leptos::ev::Event| {
        error.set(None);
        pending.set(None);
        all_problems.set(false);
        let Some(file) = chosen_file(&ev) else { return };
        let name = file.name();
        if file.size() > MAX_CSV_BYTES as f64 {
            error.set(Some(format!(
                "\"{name}\" is {} KB; the largest inventory file read is {} KB. Split it by zone, or leave out columns you do not need. Nothing was changed.",
                (file.size() / 1024.0).ceil(),
                MAX_CSV_BYTES / 1024
            )));
            return;
        }
        leptos::task::spawn_local(async move {
            progress.set(Some(format!("Reading \"{name}\"...")));
            let shown_name = name.clone();
            let fail = move |text: String| {
                progress.set(None);
                error.set(Some(format!("\"{shown_name}\" was not imported: {text} Nothing was changed.")));
            };
            let bytes = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
                Err(_) => return fail("the browser could not read the file.".into()),
            };
            let mut reading = match CsvReading::start(bytes) {
                Ok(r) => r,
                Err(e) => return fail(e.to_string()),
            };
            loop {
                match reading.read_rows(ROWS_PER_CHUNK) {
                    Ok(true) => break,
                    Ok(false) => {
                        progress.set(Some(format!("Reading \"{name}\": {} rows so far...", reading.rows_read())));
                        next_tick().await;
                    }
                    Err(e) => return fail(e.to_string()),
                }
            }
            let table = reading.finish();
            mapping.set(csv_file::suggest_mapping(&table.headers, &remembered_mapping()));
            progress.set(None);
            pending.set(Some(PendingFile { name: name.clone(), table }));
        });
    };

    let import = move |_| {
        let Some(Ok(result)) = checked.get_untracked() else { return };
        let Some(file) = pending.get_untracked() else { return };
        let mut added = 0;
        state.edit_scope("Import assets", None, |a| {
            added = a.add_assets(result.assets.into_iter().map(|(_, asset)| asset))
        });
        let mut remembered = remembered_mapping();
        mapping.with_untracked(|m| remembered.remember(&file.table.headers, m));
        // The mapping is a convenience: the import stands if the browser cannot keep it.
        let _ = persist::write(MAPPING_KEY, &remembered.to_json());
        pending.set(None);
        let left_out = result.rows_with_errors + (result.rows - result.rows_with_errors).saturating_sub(added);
        state.info(&format!(
            "{added} asset{} imported from \"{}\"{}.",
            if added == 1 { "" } else { "s" },
            file.name,
            if left_out > 0 { format!("; {left_out} row(s) were left out") } else { String::new() }
        ));
    };
    let export_all = move |_| {
        let (text, name) = a.with_untracked(|a| (csv_file::inventory_csv(a, None), a.name.clone()));
        if let Err(e) = download(&format!("{}-inventory.csv", file_stem(&name)), "text/csv", &text) {
            state.error(&e);
        }
    };

    view! {
        <div class="card inventory-import">
            <h2>"Import an asset inventory"</h2>
            <p class="muted">
                "A CSV file from a spreadsheet or an asset discovery tool (UTF-8, comma or semicolon separated, one asset per row). "
                "You map its columns and see every problem before anything is added."
            </p>
            <label class="button secondary file-button" for="inventory-file">"Choose a CSV file"</label>
            <input id="inventory-file" class="visually-hidden" type="file" accept=".csv,.txt,text/csv" on:change=on_file />
            " "
            <button type="button" class="button secondary" on:click=export_all disabled=move || existing.get() == 0>
                "Export the whole inventory as CSV"
            </button>
            {move || progress.get().map(|p| view! { <p class="muted">{p}</p> })}
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            {move || pending.get().map(|file| {
                let headers = file.table.headers.clone();
                let first = file.table.rows.first().map(|r| r.cells.clone()).unwrap_or_default();
                view! {
                    <section class="import-preview" aria-label="Import preview">
                        <h3>{format!("\"{}\": {} rows", file.name, file.table.rows.len())}</h3>
                        <div class="field">
                            <label for="inventory-default-zone">"Zone for rows that name none"</label>
                            <select id="inventory-default-zone" prop:value=move || default_zone.get()
                                on:change=move |ev| default_zone.set(event_target_value(&ev))>
                                <option value="">"None: each row names its zone"</option>
                                {move || zones.get().into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                            </select>
                        </div>
                        <table class="data-table">
                            <caption>"Columns of the file"</caption>
                            <thead><tr><th scope="col">"Column"</th><th scope="col">"First row"</th><th scope="col">"Asset field"</th></tr></thead>
                            <tbody>
                                {headers.into_iter().enumerate().map(|(i, heading)| {
                                    let sid = format!("inventory-map-{i}");
                                    let example = first.get(i).cloned().unwrap_or_default();
                                    view! {
                                        <tr>
                                            <th scope="row"><label for=sid.clone()>{heading.clone()}</label></th>
                                            <td>{example}</td>
                                            <td>
                                                <select id=sid
                                                    prop:value=move || mapping.with(|m| m.get(i).copied().flatten().map(Field::id).unwrap_or_default().to_string())
                                                    on:change=move |ev| {
                                                        let v = event_target_value(&ev);
                                                        mapping.update(|m| if let Some(slot) = m.get_mut(i) { *slot = Field::from_id(&v); });
                                                    }>
                                                    <option value="">"Leave out"</option>
                                                    {Field::ALL.into_iter().map(|f| view! { <option value=f.id()>{f.label()}</option> }).collect_view()}
                                                </select>
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                        {move || checked.get().map(|result| match result {
                            Err(problem) => view! { <p class="field-error" role="alert">{problem}</p> }.into_any(),
                            Ok(result) => {
                                let room = result.room(existing.get());
                                let cap = if all_problems.get() { usize::MAX } else { PROBLEMS_SHOWN };
                                let (error_count, warning_count) = (result.errors().count(), result.warnings().count());
                                let errors: Vec<String> = result.errors().take(cap).map(ToString::to_string).collect();
                                let warnings: Vec<String> = result.warnings().take(cap).map(ToString::to_string).collect();
                                let hidden = (error_count - errors.len()) + (warning_count - warnings.len());
                                let full = room < result.assets.len();
                                view! {
                                    <p class="import-summary" aria-live="polite">{format!(
                                        "{} rows checked: {} ready to import, {} with errors (left out), {} note(s).",
                                        result.rows, result.assets.len(), result.rows_with_errors, warning_count
                                    )}</p>
                                    {full.then(|| view! { <p class="field-error">{format!("The inventory has room for {room} more assets; the rest are left out.")}</p> })}
                                    {(!errors.is_empty()).then(|| view! {
                                        <h4>"Rows left out"</h4>
                                        <ul class="import-problems" aria-label="Rows left out">
                                            {errors.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}
                                        </ul>
                                    })}
                                    {(!warnings.is_empty()).then(|| view! {
                                        <h4>"Imported with a note"</h4>
                                        <ul class="import-notes" aria-label="Imported with a note">
                                            {warnings.into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}
                                        </ul>
                                    })}
                                    {(hidden > 0).then(|| view! {
                                        <p class="muted">{format!("The first {PROBLEMS_SHOWN} of each list are shown; {} more.", thousands(hidden))}</p>
                                        <button type="button" class="button secondary small" on:click=move |_| all_problems.set(true)>
                                            {format!("List all {} problems", thousands(error_count + warning_count))}
                                        </button>
                                        " "
                                    })}
                                    <button type="button" class="button primary" disabled=room == 0 on:click=import>
                                        {format!("Import the {room} good rows")}
                                    </button>
                                }.into_any()
                            }
                        })}
                        " "
                        <button type="button" class="button secondary" on:click=move |_| pending.set(None)>"Cancel the import"</button>
                    </section>
                }
            })}
        </div>
    }
}
