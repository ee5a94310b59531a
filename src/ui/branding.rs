//! Optional consultancy branding, read at start-up from `branding.json` next to `index.html` (same
//! origin): a name, logo and contact link for the report, and theme colours for the whole app (checked for
//! contrast by `domain::theme`). Neutral defaults when the file is missing, empty or invalid.

use crate::domain::theme::{theme_for, ThemeColors};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What `branding.json` may set. Every field is optional.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Branding {
    /// Consultancy name shown on the report cover ("Prepared with the self-assessment of ...").
    pub name: String,
    /// Logo path relative to the app (e.g. `logo.svg` copied into `dist/`); other origins are ignored.
    pub logo: String,
    /// Contact link for "discuss this roadmap": https or mailto only.
    pub contact_url: String,
    /// Text of the contact link.
    pub contact_label: String,
    /// The consultancy's e-mail address for "Send to NAME" (`contact_email`); empty when missing or not
    /// a plain address ([`crate::domain::handover::is_address`]).
    pub contact_email: String,
    /// Theme colours (`"colors"`), applied by [`apply_theme`].
    pub colors: ThemeColors,
}

impl Branding {
    /// Reads `branding.json`: every field optional, unknown fields ignored, `None` when it is not a JSON object.
    fn parse(text: &str) -> Option<Branding> {
        let root: serde_json::Value = serde_json::from_str(text).ok()?;
        let root = root.as_object()?;
        let text = |key: &str| root.get(key).and_then(|v| v.as_str()).unwrap_or_default().to_string();
        let colors = root.get("colors").and_then(|v| v.as_object());
        // A value that is not a string (a number, `null`) is passed on as its JSON text, so that the theme's
        // check names it in a warning instead of ignoring it.
        let color = |key: &str| {
            colors.and_then(|c| c.get(key)).map(|v| v.as_str().map(str::to_string).unwrap_or_else(|| v.to_string()))
        };
        Some(Branding {
            name: text("name"),
            logo: text("logo"),
            contact_url: text("contact_url"),
            contact_label: text("contact_label"),
            contact_email: text("contact_email"),
            colors: ThemeColors {
                brand: color("brand"),
                brand_text: color("brand_text"),
                accent: color("accent"),
                accent_text: color("accent_text"),
            },
        })
    }

    /// Drops values that could leave the origin or inject anything.
    fn sanitised(mut self) -> Branding {
        self.name = self.name.chars().take(120).collect();
        let logo_ok =
            !self.logo.is_empty() && !self.logo.contains(':') && !self.logo.starts_with("//") && self.logo.len() < 200;
        if !logo_ok {
            self.logo.clear();
        }
        let url_ok = (self.contact_url.starts_with("https://") || self.contact_url.starts_with("mailto:"))
            && self.contact_url.len() < 500;
        if !url_ok {
            self.contact_url.clear();
        }
        if self.contact_label.trim().is_empty() {
            self.contact_label = "Discuss this roadmap".to_string();
        }
        self.contact_label = self.contact_label.chars().take(80).collect();
        self.contact_email = self.contact_email.trim().to_string();
        if !crate::domain::handover::is_address(&self.contact_email) {
            self.contact_email.clear();
        }
        self
    }
}

/// Loads `branding.json` once; the signal keeps neutral defaults until (and unless) it arrives.
pub fn load_branding() -> RwSignal<Branding> {
    let branding = RwSignal::new(Branding::default().sanitised());
    leptos::task::spawn_local(async move {
        let Some(window) = web_sys::window() else { return };
        let Ok(response) = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str("branding.json")).await else {
            return;
        };
        let Ok(response) = response.dyn_into::<web_sys::Response>() else { return };
        if !response.ok() {
            return;
        }
        let Ok(promise) = response.text() else { return };
        let Ok(text) = wasm_bindgen_futures::JsFuture::from(promise).await else { return };
        if let Some(parsed) = text.as_string().and_then(|t| Branding::parse(&t)) {
            apply_theme(&parsed.colors);
            branding.set(parsed.sanitised());
        }
    });
    branding
}

/// Sets the theme colours that pass the contrast checks as CSS custom properties on the root element,
/// through the CSSOM (which the page's Content-Security-Policy allows, unlike a `style` attribute), and
/// logs a warning for each pair that keeps its defaults.
fn apply_theme(colors: &ThemeColors) {
    let theme = theme_for(colors);
    for note in &theme.notes {
        leptos::logging::warn!("branding.json: {note}");
    }
    let root = document().document_element().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(root) = root {
        let style = root.style();
        for (property, value) in &theme.properties {
            let _ = style.set_property(property, value);
        }
    }
}
