//! Place labels: country names, capitals and cities, stored as `assets/places.tsv`
//! (kind, name, lon, lat, population, min_zoom, name_es, name_pt; one header
//! line). Text so it can be read and reviewed; it is small enough that size
//! does not matter. `name_es` and `name_pt` are Natural Earth's `NAME_ES`
//! and `NAME_PT` (for cities, those of Natural Earth's populated places,
//! matched to the GeoNames rows by `scripts/city-names`), empty where they
//! say the same as `name` or say nothing: the label falls back to `name`.
//! The older six-column file still reads.

use thiserror::Error;

/// Ordered by labelling priority: countries first, then capitals, then cities.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PlaceKind {
    Country,
    Capital,
    City,
}

impl PlaceKind {
    fn as_str(self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::Capital => "capital",
            PlaceKind::City => "city",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    pub kind: PlaceKind,
    pub name: String,
    pub lon: f32,
    pub lat: f32,
    /// 0 for countries.
    pub population: u64,
    /// The first map zoom at which the label is offered for placement.
    pub min_zoom: f32,
    /// The name in Spanish and in Portuguese; empty: as `name`.
    pub name_es: String,
    pub name_pt: String,
}

impl Place {
    /// The label in `lang`: "Brasil", "México", else the English name.
    pub fn name_in(&self, lang: crate::i18n::Lang) -> &str {
        let translated = match lang {
            crate::i18n::Lang::En => "",
            crate::i18n::Lang::Es => &self.name_es,
            crate::i18n::Lang::PtBr => &self.name_pt,
        };
        if translated.is_empty() {
            &self.name
        } else {
            translated
        }
    }
}

/// Bigger cities are offered from lower zooms; placement then drops whatever collides.
pub fn city_min_zoom(population: u64) -> f32 {
    match population {
        5_000_000.. => 3.0,
        2_000_000.. => 4.0,
        1_000_000.. => 5.0,
        500_000.. => 6.0,
        200_000.. => 7.0,
        _ => 8.0,
    }
}

const HEADER: &str = "kind\tname\tlon\tlat\tpopulation\tmin_zoom\tname_es\tname_pt";
/// The header before the translated names.
const HEADER_V1: &str = "kind\tname\tlon\tlat\tpopulation\tmin_zoom";

pub fn write_places(places: &[Place]) -> String {
    let mut out = String::from(HEADER);
    out.push('\n');
    for place in places {
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            place.kind.as_str(),
            place.name,
            place.lon,
            place.lat,
            place.population,
            place.min_zoom,
            place.name_es,
            place.name_pt
        ));
    }
    out
}

#[derive(Debug, Error, PartialEq)]
pub enum PlacesError {
    #[error("line {line}: {reason}")]
    BadLine { line: usize, reason: String },
    #[error("missing header line (expected `{HEADER}`)")]
    NoHeader,
}

/// Reads every good line; bad lines are returned as problems, not fatal.
pub fn parse_places(text: &str) -> (Vec<Place>, Vec<PlacesError>) {
    let mut lines = text.lines();
    if !matches!(lines.next(), Some(HEADER | HEADER_V1)) {
        return (Vec::new(), vec![PlacesError::NoHeader]);
    }
    let mut places = Vec::new();
    let mut problems = Vec::new();
    for (index, line) in lines.enumerate() {
        if line.is_empty() {
            continue;
        }
        match parse_line(line) {
            Ok(place) => places.push(place),
            Err(reason) => problems.push(PlacesError::BadLine {
                line: index + 2,
                reason,
            }),
        }
    }
    (places, problems)
}

fn parse_line(line: &str) -> Result<Place, String> {
    let cols: Vec<&str> = line.split('\t').collect();
    let (kind, name, lon, lat, population, min_zoom, name_es, name_pt) = match cols.as_slice() {
        [k, n, lon, lat, p, z] => (k, n, lon, lat, p, z, "", ""),
        [k, n, lon, lat, p, z, es, pt] => (k, n, lon, lat, p, z, *es, *pt),
        _ => {
            return Err(format!(
                "expected 8 tab-separated columns, found {}",
                cols.len()
            ));
        }
    };
    let kind = match *kind {
        "country" => PlaceKind::Country,
        "capital" => PlaceKind::Capital,
        "city" => PlaceKind::City,
        other => return Err(format!("unknown kind `{other}`")),
    };
    let number = |what: &str, text: &str| -> Result<f32, String> {
        text.parse::<f32>()
            .ok()
            .filter(|v| v.is_finite())
            .ok_or_else(|| format!("{what} `{text}` is not a number"))
    };
    let lon = number("longitude", lon)?;
    let lat = number("latitude", lat)?;
    if !(-180.0..=180.0).contains(&lon) || !(-90.0..=90.0).contains(&lat) {
        return Err(format!("coordinate ({lon}, {lat}) out of range"));
    }
    Ok(Place {
        kind,
        name: name.to_string(),
        lon,
        lat,
        population: population
            .parse()
            .map_err(|_| format!("population `{population}` is not a whole number"))?,
        min_zoom: number("min_zoom", min_zoom)?,
        name_es: name_es.to_owned(),
        name_pt: name_pt.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_survive_a_round_trip() {
        let places = vec![Place {
            kind: PlaceKind::Capital,
            name: "Caracas".into(),
            lon: -66.87919,
            lat: 10.48801,
            population: 3_000_000,
            min_zoom: 3.0,
            name_es: String::new(),
            name_pt: String::new(),
        }];
        assert_eq!(parse_places(&write_places(&places)), (places, vec![]));
    }

    #[test]
    fn a_country_is_named_in_spanish_and_portuguese_where_natural_earth_says_so() {
        let text = format!(
            "{HEADER}\ncountry\tBrazil\t-50\t-10\t0\t1.7\tBrasil\tBrasil\n\
             country\tPeru\t-75\t-10\t0\t2\t\t\n"
        );
        let (places, problems) = parse_places(&text);
        assert!(problems.is_empty(), "{problems:?}");
        use crate::i18n::Lang;
        assert_eq!(places[0].name_in(Lang::Es), "Brasil");
        assert_eq!(places[0].name_in(Lang::En), "Brazil");
        assert_eq!(places[1].name_in(Lang::PtBr), "Peru");
        assert_eq!(parse_places(&write_places(&places)).0, places);
    }

    /// The shipped file: Natural Earth's own Spanish and Portuguese names.
    #[test]
    fn the_shipped_places_carry_spanish_and_portuguese_country_names() {
        use crate::i18n::Lang;
        let tsv = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/places.tsv"));
        let (places, problems) = parse_places(tsv);
        assert!(problems.is_empty(), "{problems:?}");
        let country = |name: &str| {
            places
                .iter()
                .find(|p| p.kind == PlaceKind::Country && p.name == name)
                .unwrap_or_else(|| panic!("no {name}"))
        };
        assert_eq!(country("Brazil").name_in(Lang::Es), "Brasil");
        assert_eq!(country("Mexico").name_in(Lang::Es), "México");
        assert_eq!(
            country("United States of America").name_in(Lang::PtBr),
            "Estados Unidos"
        );
        assert_eq!(country("Mexico").name_in(Lang::En), "Mexico");
    }

    #[test]
    fn a_bad_line_is_reported_by_number_and_the_rest_loads() {
        let text = format!("{HEADER}\ncity\tA\t-60\t10\t100\t8\ncity\tB\tx\t10\t100\t8\n");
        let (places, problems) = parse_places(&text);
        assert_eq!(places.len(), 1);
        assert!(matches!(&problems[0], PlacesError::BadLine { line: 3, .. }));
    }
}
