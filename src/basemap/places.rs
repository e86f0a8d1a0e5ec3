//! Place labels: country names, capitals and cities, stored as `assets/places.tsv`
//! (kind, name, lon, lat, population, min_zoom; one header line). Text so it can
//! be read and reviewed; it is small enough that size does not matter.

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

const HEADER: &str = "kind\tname\tlon\tlat\tpopulation\tmin_zoom";

pub fn write_places(places: &[Place]) -> String {
    let mut out = String::from(HEADER);
    out.push('\n');
    for place in places {
        out.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\n",
            place.kind.as_str(),
            place.name,
            place.lon,
            place.lat,
            place.population,
            place.min_zoom
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
    if lines.next() != Some(HEADER) {
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
    let [kind, name, lon, lat, population, min_zoom] = cols.as_slice() else {
        return Err(format!(
            "expected 6 tab-separated columns, found {}",
            cols.len()
        ));
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
        }];
        assert_eq!(parse_places(&write_places(&places)), (places, vec![]));
    }

    #[test]
    fn a_bad_line_is_reported_by_number_and_the_rest_loads() {
        let text = format!("{HEADER}\ncity\tA\t-60\t10\t100\t8\ncity\tB\tx\t10\t100\t8\n");
        let (places, problems) = parse_places(&text);
        assert_eq!(places.len(), 1);
        assert!(matches!(&problems[0], PlacesError::BadLine { line: 3, .. }));
    }
}
