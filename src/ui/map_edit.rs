//! Editing what is picked on the map: the step that shows the map says, as context, how its details panel
//! offers to edit the picked zone or conduit. The Scope step opens the zone's card or the conduit's editor
//! in place ([`MapEditing::Here`]); the Results step links to the Scope step with it opened
//! ([`MapEditing::OnScope`], the link `#/scope/zone/z1`); the report gives no context, so it shows no
//! control.

use leptos::prelude::*;

/// A zone or conduit to edit, by id.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditTarget {
    /// A zone's id.
    Zone(String),
    /// A conduit's id.
    Conduit(String),
}

impl EditTarget {
    /// The link to the Scope step with this zone or conduit opened, e.g. `#/scope/zone/z1`. The step
    /// routing reads only the first part (`scope`), so the rest does not change where the link goes.
    pub fn scope_href(&self) -> String {
        let (kind, id) = match self {
            EditTarget::Zone(id) => ("zone", id),
            EditTarget::Conduit(id) => ("conduit", id),
        };
        format!("#/scope/{kind}/{}", String::from(js_sys::encode_uri_component(id)))
    }

    /// The zone or conduit a Scope link names (see [`EditTarget::scope_href`]), if it names one.
    pub fn from_scope_hash(hash: &str) -> Option<EditTarget> {
        let rest = hash.trim_start_matches('#').trim_start_matches('/').strip_prefix("scope/")?;
        let (kind, id) = rest.split_once('/')?;
        let id = String::from(js_sys::decode_uri_component(id).ok()?);
        match kind {
            _ if id.is_empty() => None,
            "zone" => Some(EditTarget::Zone(id)),
            "conduit" => Some(EditTarget::Conduit(id)),
            _ => None,
        }
    }

    /// The id of the first field of the zone's card or conduit's editor (its name).
    pub fn name_field_id(&self) -> String {
        match self {
            EditTarget::Zone(id) | EditTarget::Conduit(id) => format!("{id}-name"),
        }
    }
}

/// How the map's details panel offers to edit what is picked; given as context by the step that shows
/// the map.
#[derive(Clone, Copy)]
pub enum MapEditing {
    /// On the Scope step: a button that opens the zone's card or the conduit's editor on the same page.
    Here(Callback<EditTarget>),
    /// Elsewhere: a link to the Scope step with the zone or conduit opened.
    OnScope,
}

/// Moves the keyboard focus to a zone's or conduit's name field and scrolls its card into view, once the page
/// has been drawn (two frames: after a step change has focused the step's heading, and after a closed
/// conduit editor has opened).
pub fn focus_name_field(target: &EditTarget) {
    let id = target.name_field_id();
    request_animation_frame(move || {
        request_animation_frame(move || {
            let field = document()
                .get_element_by_id(&id)
                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
            if let Some(field) = field {
                // The whole card or editor in view, from its top (its title is above the field).
                match field.closest(".zone-card, .conduit-details").ok().flatten() {
                    Some(card) => card.scroll_into_view(),
                    None => field.scroll_into_view(),
                }
                let _ = field.focus();
            }
        });
    });
}
