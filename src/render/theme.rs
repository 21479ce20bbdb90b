//! Colours for light and dark pages, chosen to pass WCAG AA: 4.5:1 for text, 3:1 for marks, on the theme's
//! background. A test below measures every pair.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemeName {
    #[default]
    Light,
    Dark,
}

impl ThemeName {
    pub const CHOICES: &'static [&'static str] = crate::chart::embed::THEMES;

    /// `auto` is resolved by the caller (the page's `prefers-color-scheme`); here it reads as light.
    pub fn parse(text: &str) -> Option<ThemeName> {
        match text {
            "light" | "auto" => Some(ThemeName::Light),
            "dark" => Some(ThemeName::Dark),
            _ => None,
        }
    }

    pub fn theme(self) -> &'static Theme {
        match self {
            ThemeName::Light => &LIGHT,
            ThemeName::Dark => &DARK,
        }
    }
}

pub struct Theme {
    pub background: &'static str,
    pub ink: &'static str,
    pub muted: &'static str,
    pub grid: &'static str,
    /// Highlighted provinces, as `widget.css`'s default `--pt-accent`.
    pub accent: &'static str,
    /// One colour per target year, most frequent year first.
    pub series: &'static [&'static str],
}

pub static LIGHT: Theme = Theme {
    background: "#ffffff",
    ink: "#1a1a1a",
    muted: "#595959",
    grid: "#d6d6d6",
    accent: "#0b57d0",
    series: &["#1f63a8", "#b24a00", "#2b7a2f", "#7b3fa0", "#a1245a", "#00706f"],
};

pub static DARK: Theme = Theme {
    background: "#16181d",
    ink: "#eceff4",
    muted: "#a9b1bd",
    grid: "#3a3f4a",
    accent: "#8ab4f8",
    series: &["#6cb4f0", "#f0a050", "#7bc47f", "#c39be0", "#f28cb5", "#4fd1c5"],
};

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG 2 contrast ratio of two `#rrggbb` colours.
    fn contrast(a: &str, b: &str) -> f64 {
        let (la, lb) = (luminance(a), luminance(b));
        (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
    }

    fn luminance(hex: &str) -> f64 {
        let channel = |i: usize| {
            let v = u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0) as f64 / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
    }

    #[test]
    fn every_text_and_mark_colour_passes_wcag_aa_on_its_background() {
        for theme in [&LIGHT, &DARK] {
            for text in [theme.ink, theme.muted, theme.accent] {
                let ratio = contrast(text, theme.background);
                assert!(ratio >= 4.5, "text {text} on {}: {ratio:.2}", theme.background);
            }
            // Series colours also colour value labels' markers and legend text, so hold them to 4.5:1 too.
            for mark in theme.series {
                let ratio = contrast(mark, theme.background);
                assert!(ratio >= 4.5, "mark {mark} on {}: {ratio:.2}", theme.background);
            }
        }
    }

    #[test]
    fn contrast_of_black_on_white_is_21() {
        assert!((contrast("#000000", "#ffffff") - 21.0).abs() < 1e-9);
    }
}
