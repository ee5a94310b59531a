//! Theme colours from `branding.json` (`domain::theme`): which pairs are used and which keep their
//! defaults, with contrast ratios computed by hand from the WCAG 2.1 definition.

use iec62443_assess::domain::theme::{contrast_ratio, theme_for, ThemeColors, MIN_TEXT_CONTRAST};

fn colors(
    brand: Option<&str>,
    brand_text: Option<&str>,
    accent: Option<&str>,
    accent_text: Option<&str>,
) -> ThemeColors {
    let own = |c: Option<&str>| c.map(str::to_string);
    ThemeColors { brand: own(brand), brand_text: own(brand_text), accent: own(accent), accent_text: own(accent_text) }
}

fn properties(theme: &iec62443_assess::domain::theme::Theme) -> Vec<(&str, &str)> {
    theme.properties.iter().map(|(p, v)| (*p, v.as_str())).collect()
}

#[test]
fn contrast_ratios_match_the_wcag_definition() {
    let rounded = |a, b| contrast_ratio(a, b).map(|r| (r * 100.0).round() / 100.0);
    assert_eq!(rounded("#000000", "#ffffff"), Some(21.0));
    assert_eq!(rounded("#fff", "#fff"), Some(1.0));
    // #767676 is the lightest grey that reaches 4.5:1 on white; #777777 just misses it.
    assert_eq!(rounded("#767676", "#ffffff"), Some(4.54));
    assert_eq!(rounded("#777777", "#ffffff"), Some(4.48));
    // The order of the two colours does not matter.
    assert_eq!(rounded("#ffffff", "#767676"), Some(4.54));
    assert_eq!(MIN_TEXT_CONTRAST, 4.5);
}

#[test]
fn a_readable_palette_is_used_whole_and_written_as_six_digit_hex() {
    let theme = theme_for(&colors(Some("#0A3D2E"), Some("#fff"), Some("#00664d"), Some("#FFFFFF")));
    assert_eq!(
        properties(&theme),
        [("--brand", "#0a3d2e"), ("--brand-ink", "#ffffff"), ("--accent", "#00664d"), ("--accent-ink", "#ffffff")]
    );
    assert!(theme.notes.is_empty(), "{:?}", theme.notes);
}

#[test]
fn nothing_set_changes_nothing() {
    assert_eq!(theme_for(&ThemeColors::default()), Default::default());
}

#[test]
fn a_pair_with_too_little_contrast_keeps_both_defaults_and_says_why() {
    // Pale blue buttons with white text: about 1.6:1.
    let theme = theme_for(&colors(Some("#0a3d2e"), None, Some("#99ccff"), Some("#ffffff")));
    assert_eq!(properties(&theme), [("--brand", "#0a3d2e"), ("--brand-ink", "#ffffff")]);
    assert_eq!(theme.notes.len(), 1);
    assert!(theme.notes[0].starts_with("The accent colours are kept at their defaults"), "{}", theme.notes[0]);
    assert!(theme.notes[0].contains("accent_text on accent"), "{}", theme.notes[0]);
}

#[test]
fn a_colour_given_alone_is_checked_with_the_default_of_its_pair() {
    // Black text on the default accent #0b6bcb: (0.1490 + 0.05) / (0 + 0.05) = 3.979:1, too little. Notes cut
    // ratios to two decimals (3.97), so that one just below 4.5 never reads as a passing 4.50.
    let theme = theme_for(&colors(None, None, None, Some("#000")));
    assert!(theme.properties.is_empty());
    assert!(theme.notes[0].contains("accent_text on accent: 3.97"), "{}", theme.notes[0]);
    // A darker brand with the default white text is fine.
    assert_eq!(
        properties(&theme_for(&colors(Some("#222"), None, None, None))),
        [("--brand", "#222222"), ("--brand-ink", "#ffffff")]
    );
}

#[test]
fn an_accent_must_also_be_readable_as_link_text_on_the_page_background() {
    // #767676 reaches 4.54:1 on white cards but only 4.197:1 on the page background #f4f6f9 (luminances
    // 0.181 and 0.920).
    let theme = theme_for(&colors(None, None, Some("#767676"), Some("#ffffff")));
    assert!(theme.properties.is_empty());
    assert!(theme.notes[0].contains("accent on the page background: 4.19"), "{}", theme.notes[0]);
    // The brand colour is shown as text on white only (question references, the report's cover).
    let theme = theme_for(&colors(Some("#ffffff"), Some("#17406d"), None, None));
    assert!(theme.notes[0].contains("brand on white: 1.00"), "{}", theme.notes[0]);
}

#[test]
fn anything_but_a_hex_colour_is_refused() {
    for value in ["teal", "rgb(0 0 0)", "#12345", "#ggg", "", "red; background: url(x)", "255", "00664d"] {
        let theme = theme_for(&colors(None, None, Some(value), None));
        assert!(theme.properties.is_empty(), "{value}");
        assert!(theme.notes[0].contains("is not a hex colour"), "{value}: {:?}", theme.notes);
    }
}
