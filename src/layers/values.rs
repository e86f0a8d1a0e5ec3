//! The typed values a feature's properties are read into: how exact its
//! date and place are, its sources, its simplestyle overrides and colours,
//! and the few rules about them (which addresses may be links, what a
//! geometry type is called). Plain data without the layer around it, so
//! the model (`model.rs`) stays about how features are held.

use super::texts::SourceRef;
use geo::Geometry;

/// Whether `url` may become a clickable link: `http://` or `https://`, a
/// host, and no spaces; anything else (`file:`, `javascript:`, a bare
/// domain, `https:///x`) must not. The one rule for layer sources and story
/// captions, whose links are shown to an audience.
pub fn is_web_address(url: &str) -> bool {
    // Per source of a million features: compare the scheme in place.
    let scheme_len = ["https://", "http://"].into_iter().find_map(|scheme| {
        let head = url.get(..scheme.len())?;
        head.eq_ignore_ascii_case(scheme).then_some(scheme.len())
    });
    let Some(rest) = scheme_len.and_then(|len| url.get(len..)) else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    // One pass over the bytes for a million addresses, nearly all plain
    // ASCII; only one with a space, a control or a non-ASCII byte is read
    // again character by character.
    let spaced = |url: &str| {
        url.bytes().any(|b| b <= b' ' || !b.is_ascii()) && url.chars().any(char::is_whitespace)
    };
    !host.is_empty() && !spaced(url)
}

/// GeoJSON's name for a geometry's type. `Line`, `Rect` and `Triangle` never
/// come out of the loader; they are named as the GeoJSON types they write as.
pub fn geometry_type_name(geometry: &Geometry<f64>) -> &'static str {
    match geometry {
        Geometry::Point(_) => "Point",
        Geometry::MultiPoint(_) => "MultiPoint",
        Geometry::Line(_) | Geometry::LineString(_) => "LineString",
        Geometry::MultiLineString(_) => "MultiLineString",
        Geometry::Polygon(_) | Geometry::Rect(_) | Geometry::Triangle(_) => "Polygon",
        Geometry::MultiPolygon(_) => "MultiPolygon",
        Geometry::GeometryCollection(_) => "GeometryCollection",
    }
}

/// How exact the dates are, from `date_precision`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DatePrecision {
    #[default]
    Day,
    /// Only the month is known; the date is its first day by convention.
    Month,
    Approximate,
}

impl DatePrecision {
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "day" => Some(Self::Day),
            "month" => Some(Self::Month),
            "approximate" => Some(Self::Approximate),
            _ => None,
        }
    }

    /// The word [`DatePrecision::parse`] reads.
    pub fn word(self) -> &'static str {
        match self {
            Self::Day => "day",
            Self::Month => "month",
            Self::Approximate => "approximate",
        }
    }
}

/// How exact the position is, from `location_precision` and `uncertainty_km`.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum LocationPrecision {
    #[default]
    Exact,
    /// `uncertainty_km` is `None` when the file did not say (a warning).
    Approximate { uncertainty_km: Option<f64> },
}

/// Where a claim comes from: one entry of `sources`. A publication named
/// without an address (ACLED's `source` column: "Reuters; Local radio")
/// is a source too, shown by its title without a link; an entry has a
/// title, a URL or both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub title: Option<Box<str>>,
    /// Always http or https when given.
    pub url: Option<Box<str>>,
    /// As written; shown, not interpreted.
    pub published: Option<Box<str>>,
}

impl Source {
    /// What the user reads: the title, else the address.
    pub fn label(&self) -> &str {
        self.title.as_deref().or(self.url.as_deref()).unwrap_or("")
    }

    /// The same entry, borrowed.
    pub fn as_ref(&self) -> SourceRef<'_> {
        SourceRef {
            title: self.title.as_deref(),
            url: self.url.as_deref(),
            published: self.published.as_deref(),
        }
    }
}

/// Per-feature simplestyle overrides, and the one drawing property of
/// sitmap's own: a range ring's radius.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Style {
    pub marker_color: Option<Rgb>,
    pub marker_symbol: Option<Box<str>>,
    pub stroke: Option<Rgb>,
    pub stroke_width: Option<f32>,
    pub fill: Option<Rgb>,
    pub fill_opacity: Option<f32>,
    /// `radius_km` of a Point: range rings (geodesic circles) of these
    /// radii are drawn round it; a number is one ring, a list several.
    /// Empty: none.
    pub radius_km: Box<[f32]>,
    /// `radius_unit: "nm"`: the rings are labelled in nautical miles.
    pub radius_nm: bool,
}

impl Style {
    pub fn is_empty(&self) -> bool {
        *self == Style::default()
    }
}

/// A colour as written in the data (`#rrggbb` or `#rgb`); the UI's `style`
/// module turns it into an egui colour, so the model stays UI-free.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb(pub [u8; 3]);

impl Rgb {
    /// Parses `#rrggbb` or `#rgb`, the `#` optional as simplestyle allows.
    pub fn parse(text: &str) -> Option<Self> {
        let hex = text.trim().strip_prefix('#').unwrap_or(text.trim());
        if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let channel = |s: &str| u8::from_str_radix(s, 16).ok();
        match hex.len() {
            6 => Some(Rgb([
                channel(&hex[0..2])?,
                channel(&hex[2..4])?,
                channel(&hex[4..6])?,
            ])),
            3 => {
                let short = |i: usize| channel(&hex[i..=i]).map(|v| v * 17);
                Some(Rgb([short(0)?, short(1)?, short(2)?]))
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_parse_long_short_and_without_hash() {
        assert_eq!(Rgb::parse("#ff8000"), Some(Rgb([255, 128, 0])));
        assert_eq!(Rgb::parse("f80"), Some(Rgb([255, 136, 0])));
        assert_eq!(Rgb::parse("#12345"), None);
        assert_eq!(Rgb::parse("red"), None);
        assert_eq!(Rgb::parse("#ééé"), None);
    }

    #[test]
    fn precisions_parse_only_their_documented_words() {
        assert_eq!(DatePrecision::parse("month"), Some(DatePrecision::Month));
        assert_eq!(DatePrecision::parse("Month"), None);
    }
}
