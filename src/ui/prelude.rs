//! What the views use from Leptos's reactive system (`reactive_graph`, used directly rather than through the
//! `leptos` crate: README "Performance"), and a few browser helpers.

pub use reactive_graph::computed::{ArcMemo, Memo};
pub use reactive_graph::effect::RenderEffect;
pub use reactive_graph::graph::untrack;
pub use reactive_graph::owner::{Owner, StoredValue};
pub use reactive_graph::signal::RwSignal;
pub use reactive_graph::traits::*;

/// The page's window.
pub fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

/// The page's document.
pub fn document() -> web_sys::Document {
    window().document().expect("a document")
}

/// The `value` of the input, select or text area an event came from.
pub fn event_target_value(ev: &web_sys::Event) -> String {
    use wasm_bindgen::JsCast;
    ev.target().map(|t| t.unchecked_into::<web_sys::HtmlInputElement>().value()).unwrap_or_default()
}

/// Whether the checkbox or radio button an event came from is checked.
pub fn event_target_checked(ev: &web_sys::Event) -> bool {
    use wasm_bindgen::JsCast;
    ev.target().is_some_and(|t| t.unchecked_into::<web_sys::HtmlInputElement>().checked())
}

/// Runs `f` once before the next repaint.
pub fn request_animation_frame(f: impl FnOnce() + 'static) {
    let callback = wasm_bindgen::closure::Closure::once_into_js(f);
    let _ = window().request_animation_frame(wasm_bindgen::JsCast::unchecked_ref(&callback));
}
