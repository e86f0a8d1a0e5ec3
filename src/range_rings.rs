//! Range rings as the user asks for them: radii typed as text ("500, 1000,
//! 2000", "300 nm"), checked as they are typed, and the ring set they make.
//!
//! Decision: a ring set is kept as a **feature of a layer**, not a scene
//! annotation: a Point at the centre whose `radius_km` is a number or a list
//! of numbers (kilometres, whatever the unit typed) and whose `radius_unit`
//! (`"nm"`) says in which unit the rings are labelled. Being a feature, the
//! rings show wherever layers show (the window, presentation mode, Ctrl+E,
//! `sitmap render FILE`), are saved with the layer's Save, undone with its
//! undo, and read by any GeoJSON tool as a point with two properties.
//! The circle itself is `edit::geometry::range_ring` (one implementation,
//! shared with the authoring tool's single ring); `overlay::rings` draws it.
//! No egui here: `ui::rings_dialog` asks, `app::tools` applies.

use crate::measure_tool::thousands;
use serde_json::{Map, Value, json};
use thiserror::Error;

/// Metres in an international nautical mile.
const METRES_PER_NM: f64 = 1852.0;

/// The widest ring: half the Earth's circumference, as the loader allows.
pub const MAX_RADIUS_KM: f64 = 20_000.0;

/// More rings than a briefing uses; a longer list is a typing accident.
pub const MAX_RINGS: usize = 16;

/// The unit the radii are typed and labelled in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Unit {
    #[default]
    Km,
    /// International nautical miles (1,852 m), as navies and air forces say.
    Nm,
}

impl Unit {
    pub const ALL: [Unit; 2] = [Unit::Km, Unit::Nm];

    pub fn name(self) -> &'static str {
        match self {
            Unit::Km => "km",
            Unit::Nm => "nm",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        match name.trim().to_ascii_lowercase().as_str() {
            "km" | "kms" | "kilometres" | "kilometers" => Some(Unit::Km),
            "nm" | "nmi" | "nautical miles" => Some(Unit::Nm),
            _ => None,
        }
    }

    pub fn km(self, value: f64) -> f64 {
        match self {
            Unit::Km => value,
            Unit::Nm => value * METRES_PER_NM / 1000.0,
        }
    }

    pub fn from_km(self, km: f64) -> f64 {
        match self {
            Unit::Km => km,
            Unit::Nm => km * 1000.0 / METRES_PER_NM,
        }
    }
}

/// Why the typed radii are not rings yet; shown under the field as typed,
/// in the interface's language.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum RadiiError {
    #[error("{}", crate::t!("rings-empty", example = crate::t!("rings-radii-hint")))]
    Empty,
    #[error("{}", crate::t!("rings-not-a-number", text = .0.as_str()))]
    NotANumber(String),
    /// A decimal point where the language writes a decimal comma: "1.5"
    /// could be 1.5 or (grouped) 15, so neither is guessed.
    #[error("{}", crate::t!("rings-decimal-point", text = .0.as_str()))]
    DecimalPoint(String),
    #[error("{}", crate::t!("rings-not-positive", text = .0.as_str()))]
    NotPositive(String),
    #[error("{}", crate::t!("rings-too-wide", text = .0.as_str(), max = MAX_RADIUS_KM))]
    TooWide(String),
    #[error("{}", crate::t!("rings-too-many", max = MAX_RINGS))]
    TooMany,
    #[error("{}", crate::t!("rings-unknown-unit", text = .0.as_str()))]
    UnknownUnit(String),
}

/// Radii as typed: the numbers in their unit, smallest first.
#[derive(Debug, Clone, PartialEq)]
pub struct Radii {
    pub values: Vec<f64>,
    pub unit: Unit,
}

impl Radii {
    /// Each radius in km, as the layer stores it (to the metre).
    pub fn km(&self) -> Vec<f64> {
        self.values
            .iter()
            .map(|&v| (self.unit.km(v) * 1000.0).round() / 1000.0)
            .collect()
    }

    /// "500, 1,000 and 2,000 km"; "0,5; 1 y 2,5 km" where the decimal
    /// mark is a comma (a comma between them would read as one).
    pub fn describe(&self) -> String {
        let numbers: Vec<String> = self.values.iter().map(|&v| number(v)).collect();
        let between = crate::t!("rings-list-separator");
        let list = match numbers.split_last() {
            Some((last, rest)) if !rest.is_empty() => crate::t!(
                "rings-list",
                first = rest.join(&between),
                last = last.as_str()
            ),
            _ => numbers.concat(),
        };
        format!("{list} {}", self.unit.name())
    }
}

/// Reads radii in the current language's number form: [`parse_radii_in`].
pub fn parse_radii(text: &str, unit: Unit) -> Result<Radii, RadiiError> {
    let comma = crate::i18n::format::decimal_comma(crate::i18n::current());
    parse_radii_in(text, unit, comma)
}

/// Reads "500, 1000, 2000", "500 1000", "250 nm" or "300km, 600km": numbers
/// separated by commas, semicolons or spaces, with an optional unit after
/// any of them (else `unit`, the dialog's choice). Repeats are dropped.
///
/// Where the language writes a `decimal_comma` (Spanish, Portuguese:
/// "1,5"), the comma is the decimal mark and only semicolons and spaces
/// separate ("0,5; 1; 2,5" or "0,5 1 2,5"); a comma closing a number
/// ("500, 1000") is still read as the end of it. A decimal point there is
/// refused, not guessed: "1.500" is 1500 to a Brazilian and 1.5 to a
/// Mexican.
pub fn parse_radii_in(text: &str, unit: Unit, decimal_comma: bool) -> Result<Radii, RadiiError> {
    let mut unit = unit;
    let mut values = Vec::new();
    let separators: &[char] = if decimal_comma { &[';'] } else { &[',', ';'] };
    let spaced = text.replace(separators, " ");
    for token in spaced.split_whitespace() {
        let token = if decimal_comma {
            token.strip_suffix(',').unwrap_or(token)
        } else {
            token
        };
        // The unit is the letters at the end ("300km"; "1e3" is a number).
        let split = token.rfind(|c: char| !c.is_alphabetic()).map_or(0, |i| {
            i + token[i..].chars().next().map_or(1, char::len_utf8)
        });
        let (digits, word) = token.split_at(split);
        if !word.is_empty() {
            unit = Unit::from_name(word).ok_or_else(|| RadiiError::UnknownUnit(word.into()))?;
        }
        if digits.is_empty() {
            continue;
        }
        let read = if decimal_comma {
            if digits.contains('.') {
                return Err(RadiiError::DecimalPoint(digits.into()));
            }
            digits.replace(',', ".")
        } else {
            digits.to_owned()
        };
        let value: f64 = read
            .parse()
            .map_err(|_| RadiiError::NotANumber(digits.into()))?;
        if !value.is_finite() {
            return Err(RadiiError::NotANumber(digits.into()));
        }
        if value <= 0.0 {
            return Err(RadiiError::NotPositive(digits.into()));
        }
        values.push(value);
        if values.len() > MAX_RINGS {
            return Err(RadiiError::TooMany);
        }
    }
    if values.is_empty() {
        return Err(RadiiError::Empty);
    }
    if let Some(&wide) = values.iter().find(|&&v| unit.km(v) > MAX_RADIUS_KM) {
        return Err(RadiiError::TooWide(format!(
            "{} {}",
            number(wide),
            unit.name()
        )));
    }
    values.sort_by(f64::total_cmp);
    values.dedup();
    Ok(Radii { values, unit })
}

/// A ring's label: "1,000 km", "250 nm".
pub fn label(radius_km: f64, unit: Unit) -> String {
    format!("{} {}", number(unit.from_km(radius_km)), unit.name())
}

/// Whole numbers without decimals, others with one.
fn number(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    let decimals = if rounded.fract() == 0.0 { 0 } else { 1 };
    thousands(rounded, decimals)
}

/// What the context menu, the Tools menu and the dialog ask for.
#[derive(Debug, Clone, PartialEq)]
pub enum RingCommand {
    /// Tools › Range rings…: round the selected feature, else the map's centre.
    Open,
    /// Right-click › Range rings here… / round a feature: the dialog opens.
    Ask {
        centre: [f64; 2],
        round: Option<String>,
    },
    /// The dialog's Add: the rings become a feature of the edited layer,
    /// or of a new layer "Range rings" when none is edited.
    Add(RingSet),
    Cancel,
}

/// The open dialog: where, and the radii as typed so far.
#[derive(Debug, Clone, PartialEq)]
pub struct RingsDialog {
    pub centre: [f64; 2],
    pub round: Option<String>,
    pub text: String,
    pub unit: Unit,
}

impl RingsDialog {
    pub fn new(centre: [f64; 2], round: Option<String>) -> Self {
        Self {
            centre,
            round,
            text: String::new(),
            unit: Unit::Km,
        }
    }

    /// The rings as typed, or why not yet.
    pub fn rings(&self) -> Result<RingSet, RadiiError> {
        Ok(RingSet {
            centre: self.centre,
            radii: parse_radii(&self.text, self.unit)?,
            round: self.round.clone(),
        })
    }
}

/// Rings round a place or a feature, ready to become a feature.
#[derive(Debug, Clone, PartialEq)]
pub struct RingSet {
    /// `[lon, lat]`.
    pub centre: [f64; 2],
    pub radii: Radii,
    /// The feature or place they are round, for the title.
    pub round: Option<String>,
}

impl RingSet {
    /// The feature's properties: a title, `radius_km` (a number for one
    /// ring, else a list) and `radius_unit` when the rings are in nm.
    pub fn properties(&self) -> Map<String, Value> {
        let km = self.radii.km();
        let mut properties = Map::new();
        let round = match &self.round {
            Some(name) => format!(" round {name}"),
            None => String::new(),
        };
        properties.insert(
            "title".into(),
            json!(format!("Range rings {}{round}", self.radii.describe())),
        );
        properties.insert("kind".into(), json!("range_rings"));
        let radius = match km.as_slice() {
            [one] => json!(one),
            many => json!(many),
        };
        properties.insert("radius_km".into(), radius);
        if self.radii.unit == Unit::Nm {
            properties.insert("radius_unit".into(), json!("nm"));
        }
        properties
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::geometry::range_ring;
    use geo::{Distance, Geodesic, Point};

    #[test]
    fn radii_are_read_with_commas_spaces_and_a_unit_after_any_number() {
        let r = parse_radii("500, 1000, 2000", Unit::Km).unwrap();
        assert_eq!(r.values, vec![500.0, 1000.0, 2000.0]);
        assert_eq!(r.unit, Unit::Km);
        let r = parse_radii("2000;500 500  1000", Unit::Km).unwrap();
        assert_eq!(
            r.values,
            vec![500.0, 1000.0, 2000.0],
            "sorted, repeats dropped"
        );
        let r = parse_radii("250 nm", Unit::Km).unwrap();
        assert_eq!((r.values.clone(), r.unit), (vec![250.0], Unit::Nm));
        assert!((r.km()[0] - 463.0).abs() < 1e-9, "250 nm is 463 km");
        let r = parse_radii("300km, 600KM", Unit::Nm).unwrap();
        assert_eq!(r.unit, Unit::Km);
        assert_eq!(r.describe(), "300 and 600 km");
        assert_eq!(
            parse_radii("0.5 1.25", Unit::Km).unwrap().describe(),
            "0.5 and 1.3 km"
        );
    }

    #[test]
    fn where_the_decimal_mark_is_a_comma_radii_are_separated_by_semicolons_or_spaces() {
        let r = parse_radii_in("0,5; 1; 2,5", Unit::Km, true).unwrap();
        assert_eq!(r.values, [0.5, 1.0, 2.5]);
        let r = parse_radii_in("1,5 250 nm", Unit::Km, true).unwrap();
        assert_eq!(
            (r.values.as_slice(), r.unit),
            ([1.5, 250.0].as_slice(), Unit::Nm)
        );
        // A comma closing a number, as a list is written in English.
        let r = parse_radii_in("500, 1000, 2000", Unit::Km, true).unwrap();
        assert_eq!(r.values, [500.0, 1000.0, 2000.0]);
        // "1.500" is 1500 or 1.5 depending on who wrote it: refused.
        assert_eq!(
            parse_radii_in("1.500", Unit::Km, true),
            Err(RadiiError::DecimalPoint("1.500".into()))
        );
        assert_eq!(
            parse_radii_in("1,5,3", Unit::Km, true),
            Err(RadiiError::NotANumber("1,5,3".into()))
        );
        // The same text in English is two radii.
        assert_eq!(
            parse_radii_in("1,5", Unit::Km, false).unwrap().values,
            [1.0, 5.0]
        );
    }

    #[test]
    fn spanish_and_portuguese_read_describe_and_explain_radii_in_their_number_form() {
        use crate::i18n::{Lang, tests::Speaking};
        {
            let _speaking = Speaking::new(Lang::Es);
            let r = parse_radii("0,5; 1000 2,5", Unit::Km).unwrap();
            assert_eq!(r.describe(), "0,5; 2,5 y 1000 km");
            let error = parse_radii("1.5", Unit::Km).unwrap_err().to_string();
            assert!(
                error.contains("escribe los decimales con coma (2,5)"),
                "{error}"
            );
            let empty = parse_radii(" ", Unit::Km).unwrap_err().to_string();
            assert_eq!(empty, "Escribe uno o más radios, p. ej., 500; 1000; 2,5");
        }
        let _speaking = Speaking::new(Lang::PtBr);
        let r = parse_radii("1,5; 12000", Unit::Km).unwrap();
        assert_eq!(r.describe(), "1,5 e 12.000 km");
        let error = parse_radii("25000", Unit::Km).unwrap_err().to_string();
        assert_eq!(
            error,
            "`25.000 km` é mais largo que metade da Terra (20.000 km)"
        );
    }

    #[test]
    fn what_is_not_a_radius_says_why() {
        assert_eq!(parse_radii("  ", Unit::Km), Err(RadiiError::Empty));
        assert_eq!(parse_radii("km", Unit::Km), Err(RadiiError::Empty));
        assert_eq!(
            parse_radii("500, -3", Unit::Km),
            Err(RadiiError::NotPositive("-3".into()))
        );
        assert_eq!(
            parse_radii("0", Unit::Km),
            Err(RadiiError::NotPositive("0".into()))
        );
        assert_eq!(
            parse_radii("1e999", Unit::Km),
            Err(RadiiError::NotANumber("1e999".into()))
        );
        assert_eq!(
            parse_radii("5o0", Unit::Km),
            Err(RadiiError::NotANumber("5o0".into()))
        );
        assert_eq!(parse_radii("1e3", Unit::Km).unwrap().values, [1000.0]);
        assert_eq!(
            parse_radii("500 miles", Unit::Km),
            Err(RadiiError::UnknownUnit("miles".into()))
        );
        assert_eq!(
            parse_radii("12000 nm", Unit::Km),
            Err(RadiiError::TooWide("12,000 nm".into()))
        );
        let many = vec!["1"; MAX_RINGS + 1].join(",");
        assert_eq!(parse_radii(&many, Unit::Km), Err(RadiiError::TooMany));
        assert!(
            RadiiError::NotANumber("x".into())
                .to_string()
                .contains("not a number")
        );
    }

    #[test]
    fn a_ring_set_is_a_point_feature_with_its_radii_in_km_and_its_unit() {
        let set = RingSet {
            centre: [-66.9, 10.5],
            radii: parse_radii("500, 1000", Unit::Nm).unwrap(),
            round: Some("Caracas".into()),
        };
        let p = set.properties();
        assert_eq!(
            p["title"],
            json!("Range rings 500 and 1,000 nm round Caracas")
        );
        assert_eq!(p["radius_km"], json!([926.0, 1852.0]));
        assert_eq!(p["radius_unit"], json!("nm"));
        let one = RingSet {
            radii: parse_radii("300", Unit::Km).unwrap(),
            round: None,
            ..set
        };
        let p = one.properties();
        assert_eq!(p["radius_km"], json!(300.0), "one ring is a plain number");
        assert!(!p.contains_key("radius_unit"));
        assert_eq!(label(1852.0, Unit::Nm), "1,000 nm");
        assert_eq!(label(2000.0, Unit::Km), "2,000 km");
    }

    /// The ring's points are GeographicLib's: each is where `GeodSolve -p 9`
    /// (Karney's C++ implementation, Debian geographiclib-tools) puts the
    /// destination from the centre at that bearing and distance, to a
    /// millimetre-scale fraction of a degree.
    #[test]
    fn ring_points_are_where_geodsolve_puts_the_destinations() {
        // echo "10.48 -66.90 AZI S12" | GeodSolve -p 9   (lat lon azi s12)
        let caracas = [-66.90, 10.48];
        let cases = [
            // (km, bearing index of 8, lat2, lon2)
            (1000.0, 0, 19.517_449_935_451, -66.9),
            (1000.0, 2, 10.349_212_752_107, -57.768_010_454_990),
            // 2,000 nm at 225°.
            (3704.0, 5, -13.413_792_522_775, -90.395_467_276_828),
        ];
        for (km, k, lat, lon) in cases {
            let ring = range_ring(caracas, km, 8);
            let [x, y] = ring[k];
            assert!(
                (y - lat).abs() < 1e-8 && (x - lon).abs() < 1e-8,
                "{km} {k}: {x} {y}"
            );
        }
        // Far north, where a screen circle would be most wrong.
        let ring = range_ring([-150.0, 60.0], 2000.0, 8);
        let [x, y] = ring[1];
        assert!((y - 68.884_340_489_321).abs() < 1e-8);
        assert!((x + 112.862_477_300_311).abs() < 1e-8);
        // And every point of a fine ring is at the radius, by geo's inverse.
        let ring = range_ring([-80.19, 25.76], 500.0, 360);
        for p in &ring {
            let d = Geodesic.distance(Point::new(-80.19, 25.76), Point::new(p[0], p[1]));
            assert!((d - 500_000.0).abs() < 1e-3, "{p:?}: {d}");
        }
    }
}
