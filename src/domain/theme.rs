//! The theme colours a deployment may set in `branding.json` (`"colors"`), checked for contrast before
//! they replace the defaults of `style/main.css`.
//!
//! Four colours, in two pairs that are always shown together:
//!
//! | key | CSS property | where | checked against |
//! | --- | --- | --- | --- |
//! | `brand` | `--brand` | header bar, current section, question references, report cover | `brand_text`, white |
//! | `brand_text` | `--brand-ink` | text on `brand` | `brand` |
//! | `accent` | `--accent` | links, buttons, chosen answers, charts | `accent_text`, the page background |
//! | `accent_text` | `--accent-ink` | text on `accent` (main buttons, chosen answers) | `accent` |
//!
//! A pair is used only when every check reaches WCAG 2.1 AA for normal text (a contrast ratio of at
//! least 4.5:1): otherwise both of its colours keep their defaults, and [`Theme::notes`] says why. A key
//! left out takes its default, and the pair is checked with it. Colours are hex, `#rgb` or `#rrggbb`.
//! Parsing and the contrast ratio are the `palette` crate's.

use palette::color_difference::Wcag21RelativeContrast;
use palette::Srgb;

/// The least contrast ratio for normal text (WCAG 2.1, success criterion 1.4.3, level AA).
pub const MIN_TEXT_CONTRAST: f64 = 4.5;

/// The background of cards and of the report (`--paper`).
const PAPER: &str = "#ffffff";
/// The page background (`--page`), slightly darker than the cards.
const PAGE: &str = "#f4f6f9";

/// The colours as written in `branding.json`; `None` where a key is missing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ThemeColors {
    /// Header bar and other brand surfaces.
    pub brand: Option<String>,
    /// Text on `brand`.
    pub brand_text: Option<String>,
    /// Links, buttons and chosen answers.
    pub accent: Option<String>,
    /// Text on `accent`.
    pub accent_text: Option<String>,
}

/// What to apply: CSS custom properties and their values (`#rrggbb`), and a note for each pair that keeps
/// its defaults.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Theme {
    /// `(property, value)`, e.g. `("--accent", "#00aa55")`; only pairs that passed every check.
    pub properties: Vec<(&'static str, String)>,
    /// Why a pair was not used, for the deployer (the app logs them as warnings).
    pub notes: Vec<String>,
}

/// One colour of a pair: its key in `branding.json`, how it is read, its CSS property and default.
struct Slot {
    key: &'static str,
    given: fn(&ThemeColors) -> Option<&str>,
    property: &'static str,
    default: &'static str,
}

/// A surface colour and the text shown on it, and the backgrounds on which the surface colour is itself
/// used as a text colour (links, references).
struct Pair {
    name: &'static str,
    surface: Slot,
    text: Slot,
    shown_on: &'static [(&'static str, &'static str)],
}

const PAIRS: [Pair; 2] = [
    Pair {
        name: "brand",
        surface: Slot { key: "brand", given: |c| c.brand.as_deref(), property: "--brand", default: "#17406d" },
        text: Slot {
            key: "brand_text",
            given: |c| c.brand_text.as_deref(),
            property: "--brand-ink",
            default: "#ffffff",
        },
        shown_on: &[("white", PAPER)],
    },
    Pair {
        name: "accent",
        surface: Slot { key: "accent", given: |c| c.accent.as_deref(), property: "--accent", default: "#0b6bcb" },
        text: Slot {
            key: "accent_text",
            given: |c| c.accent_text.as_deref(),
            property: "--accent-ink",
            default: "#ffffff",
        },
        shown_on: &[("the page background", PAGE), ("white", PAPER)],
    },
];

/// Reads a hex colour, `#rgb` or `#rrggbb`. The `#` is required although `palette` would do without it: a
/// number written without quotes (`255`, passed on as its JSON text) must not become `#225555`.
fn parse(value: &str) -> Option<Srgb<u8>> {
    let value = value.trim();
    if !value.starts_with('#') {
        return None;
    }
    value.parse::<Srgb<u8>>().ok()
}

/// Through linear light by palette's lookup table for 8-bit sRGB (no `powf` in the download).
fn ratio(a: Srgb<u8>, b: Srgb<u8>) -> f64 {
    f64::from(a.into_linear::<f32>().relative_contrast(b.into_linear()))
}

/// The WCAG 2.1 contrast ratio of two hex colours (1 to 21); `None` when one is not a hex colour.
///
/// ```
/// use iec62443_assess::domain::theme::contrast_ratio;
/// assert_eq!(contrast_ratio("#000", "#fff").map(|r| r.round()), Some(21.0));
/// assert_eq!(contrast_ratio("#777777", "#ffffff").map(|r| (r * 100.0).round() / 100.0), Some(4.48));
/// assert_eq!(contrast_ratio("teal", "#fff"), None);
/// ```
pub fn contrast_ratio(a: &str, b: &str) -> Option<f64> {
    Some(ratio(parse(a)?, parse(b)?))
}

/// The theme for these colours: each pair is used when its colours parse and every check passes.
///
/// ```
/// use iec62443_assess::domain::theme::{theme_for, ThemeColors};
/// let green = ThemeColors { accent: Some("#063".into()), ..ThemeColors::default() };
/// let theme = theme_for(&green);
/// assert_eq!(theme.properties, [("--accent", "#006633".to_string()), ("--accent-ink", "#ffffff".to_string())]);
/// let pale = ThemeColors { accent: Some("#9cf".into()), ..ThemeColors::default() };
/// assert!(theme_for(&pale).properties.is_empty());
/// ```
pub fn theme_for(colors: &ThemeColors) -> Theme {
    let mut theme = Theme::default();
    for pair in &PAIRS {
        if (pair.surface.given)(colors).is_none() && (pair.text.given)(colors).is_none() {
            continue;
        }
        let mut read = |slot: &Slot| match (slot.given)(colors) {
            None => parse(slot.default),
            Some(value) => {
                let colour = parse(value);
                if colour.is_none() {
                    theme.notes.push(format!(
                        "colors.{} \"{value}\" is not a hex colour (#rgb or #rrggbb): the default {} colours are kept.",
                        slot.key, pair.name
                    ));
                }
                colour
            }
        };
        let (Some(surface), Some(text)) = (read(&pair.surface), read(&pair.text)) else { continue };
        let mut checks = vec![(format!("{} on {}", pair.text.key, pair.surface.key), text, surface)];
        for (name, background) in pair.shown_on {
            if let Some(background) = parse(background) {
                checks.push((format!("{} on {name}", pair.surface.key), surface, background));
            }
        }
        let failed: Vec<String> = checks
            .into_iter()
            .filter_map(|(what, fg, bg)| {
                let r = ratio(fg, bg);
                // Cut, not rounded, to two decimals: 4.499 shows as 4.49, not as a passing 4.50.
                (r < MIN_TEXT_CONTRAST).then(|| format!("{what}: {:.2}:1", (r * 100.0).floor() / 100.0))
            })
            .collect();
        if failed.is_empty() {
            theme.properties.push((pair.surface.property, format!("#{surface:x}")));
            theme.properties.push((pair.text.property, format!("#{text:x}")));
        } else {
            theme.notes.push(format!(
                "The {} colours are kept at their defaults: too little contrast ({}; WCAG AA needs {MIN_TEXT_CONTRAST}:1).",
                pair.name,
                failed.join(", ")
            ));
        }
    }
    theme
}
