//! Regenerates `assets/` from the raw Natural Earth shapefiles and the GeoNames
//! city list: `cargo run --release --features build-basemap --bin build-basemap -- ../shared/data`.
//!
//! Everything is clipped (the world at 1:110m and 1:50m, the Americas at
//! 1:10m), simplified per scale, and written
//! in the `.sbg` format (see `src/basemap/format.rs`); place labels go to a small
//! `places.tsv`. The output is deterministic, so regenerating without a data change
//! gives the same bytes.

use anyhow::{Context, Result, bail};
use geo::{LineString, Simplify};
use shapefile::dbase::FieldValue;
use shapefile::{PolygonRing, Shape};
use sitmap::basemap::assets::{AMERICAS_WINDOW, Scale, WORLD_WINDOW};
use sitmap::basemap::clip::{Rect, clip_line, clip_ring};
use sitmap::basemap::format::{Feature, GeometryFile, GeometryKind, encode};
use sitmap::basemap::places::{Place, PlaceKind, city_min_zoom, write_places};
use std::path::{Path, PathBuf};

/// Place labels: the Americas with the Atlantic margin.
const WINDOW: Rect = AMERICAS_WINDOW;

struct Layer {
    source: &'static str,
    output: &'static str,
    kind: GeometryKind,
    /// Douglas–Peucker tolerance in degrees: about half a pixel at the scale's deepest zoom.
    epsilon: f64,
}

/// Whether a line lies east of 30° W and south of 59° N: inside the
/// Americas window that is West Africa and the Atlantic islands (Azores,
/// Madeira, Canaries, Cape Verde), whose admin-1 lines would stop at the
/// window's edge at 10° W; Greenland's and Iceland's lie north of it.
fn in_africa_or_macaronesia(line: &[[f32; 2]]) -> bool {
    line.iter().all(|&[lon, lat]| lon > -30.0 && lat < 59.0)
}

impl Layer {
    /// What the layer is clipped to: the world at 1:110m and 1:50m (the
    /// zoomed-out views), the Americas at 1:10m (see `Scale::window`).
    fn window(&self) -> Rect {
        [Scale::Small, Scale::Medium, Scale::Large]
            .into_iter()
            .find(|scale| self.output.ends_with(&format!("_{}", scale.suffix())))
            .map_or(WORLD_WINDOW, Scale::window)
    }
}

const LAYERS: &[Layer] = &[
    layer("ne_110m_land", "land_110m", GeometryKind::Polygons, 0.05),
    layer("ne_110m_lakes", "lakes_110m", GeometryKind::Polygons, 0.05),
    layer(
        "ne_110m_admin_0_boundary_lines_land",
        "borders_110m",
        GeometryKind::Lines,
        0.05,
    ),
    layer("ne_50m_land", "land_50m", GeometryKind::Polygons, 0.02),
    layer("ne_50m_lakes", "lakes_50m", GeometryKind::Polygons, 0.02),
    layer(
        "ne_50m_admin_0_boundary_lines_land",
        "borders_50m",
        GeometryKind::Lines,
        0.02,
    ),
    layer("ne_10m_land", "land_10m", GeometryKind::Polygons, 0.002),
    layer("ne_10m_lakes", "lakes_10m", GeometryKind::Polygons, 0.002),
    layer(
        "ne_10m_admin_0_boundary_lines_land",
        "borders_10m",
        GeometryKind::Lines,
        0.002,
    ),
    layer(
        "ne_10m_admin_1_states_provinces_lines",
        "admin1_10m",
        GeometryKind::Lines,
        0.004,
    ),
];

const fn layer(
    source: &'static str,
    output: &'static str,
    kind: GeometryKind,
    epsilon: f64,
) -> Layer {
    Layer {
        source,
        output,
        kind,
        epsilon,
    }
}

fn main() -> Result<()> {
    let mut args = std::env::args_os().skip(1);
    let Some(data) = args.next().map(PathBuf::from) else {
        bail!(
            "usage: build-basemap DATA_DIR [OUT_DIR]  (DATA_DIR holds naturalearth/ and geonames/)"
        );
    };
    let out = args
        .next()
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("assets"));
    std::fs::create_dir_all(&out).with_context(|| format!("creating {}", out.display()))?;

    for layer in LAYERS {
        let path = data
            .join("naturalearth")
            .join(format!("{}.shp", layer.source));
        let file = read_layer(&path, layer)?;
        let points: usize = file
            .features
            .iter()
            .flat_map(|f| &f.parts)
            .map(Vec::len)
            .sum();
        let bytes = encode(&file);
        let target = out.join(format!("{}.sbg", layer.output));
        std::fs::write(&target, &bytes).with_context(|| format!("writing {}", target.display()))?;
        println!(
            "{:<16} {:>6} features {:>8} points {:>9} bytes",
            layer.output,
            file.features.len(),
            points,
            bytes.len()
        );
    }

    let mut places = country_labels(&data.join("naturalearth/ne_10m_admin_0_countries.shp"))?;
    places.extend(cities(&data.join("geonames/cities_americas_pop50k.csv"))?);
    let target = out.join("places.tsv");
    std::fs::write(&target, write_places(&places))
        .with_context(|| format!("writing {}", target.display()))?;
    println!("{:<16} {:>6} places", "places", places.len());
    Ok(())
}

fn read_layer(path: &Path, layer: &Layer) -> Result<GeometryFile> {
    let shapes =
        shapefile::read_shapes(path).with_context(|| format!("reading {}", path.display()))?;
    let mut features = Vec::new();
    for shape in shapes {
        match (shape, layer.kind) {
            (Shape::Polygon(polygon), GeometryKind::Polygons) => {
                // Natural Earth writes each outer ring followed by its holes.
                let mut current: Vec<Vec<[f32; 2]>> = Vec::new();
                for ring in polygon.rings() {
                    let (points, outer) = match ring {
                        PolygonRing::Outer(points) => (points, true),
                        PolygonRing::Inner(points) => (points, false),
                    };
                    if outer {
                        features.extend(finish_polygon(std::mem::take(&mut current)));
                    }
                    let ring = simplify(points.iter().map(|p| [p.x, p.y]), layer.epsilon);
                    let clipped = clip_ring(&ring, layer.window());
                    if outer && clipped.is_empty() {
                        // Its holes are outside too; mark the polygon as dropped.
                        current.clear();
                        current.push(Vec::new());
                    } else if clipped.len() >= 3 {
                        current.push(clipped);
                    }
                }
                features.extend(finish_polygon(current));
            }
            (Shape::Polyline(line), GeometryKind::Lines) => {
                for part in line.parts() {
                    let simplified = simplify(part.iter().map(|p| [p.x, p.y]), layer.epsilon);
                    for piece in clip_line(&simplified, layer.window()) {
                        if layer.output == "admin1_10m" && in_africa_or_macaronesia(&piece) {
                            continue;
                        }
                        features.extend(Feature::new(vec![piece]));
                    }
                }
            }
            (Shape::NullShape, _) => {}
            (other, kind) => bail!(
                "{}: unexpected {} in a {kind:?} layer",
                path.display(),
                other.shapetype()
            ),
        }
    }
    Ok(GeometryFile {
        kind: layer.kind,
        features,
    })
}

fn finish_polygon(parts: Vec<Vec<[f32; 2]>>) -> Option<Feature> {
    if parts.first().is_none_or(Vec::is_empty) {
        return None;
    }
    Feature::new(parts)
}

fn simplify(points: impl Iterator<Item = [f64; 2]>, epsilon: f64) -> Vec<[f32; 2]> {
    let line: LineString<f64> = points.map(|[x, y]| (x, y)).collect();
    let simplified = if line.0.len() > 4 {
        line.simplify(epsilon)
    } else {
        line
    };
    simplified
        .0
        .iter()
        .map(|c| [c.x as f32, c.y as f32])
        .collect()
}

fn country_labels(path: &Path) -> Result<Vec<Place>> {
    let mut reader = shapefile::Reader::from_path(path)
        .with_context(|| format!("reading {}", path.display()))?;
    let mut places = Vec::new();
    for (index, result) in reader.iter_shapes_and_records().enumerate() {
        let (_, record) = result.with_context(|| format!("{}: record {index}", path.display()))?;
        let text = |field: &str| match record.get(field) {
            Some(FieldValue::Character(Some(value))) => Some(value.trim().to_string()),
            _ => None,
        };
        let number = |field: &str| match record.get(field) {
            Some(FieldValue::Numeric(Some(value))) => Some(*value),
            Some(FieldValue::Float(Some(value))) => Some(f64::from(*value)),
            Some(FieldValue::Double(value)) => Some(*value),
            _ => None,
        };
        let (Some(name), Some(lon), Some(lat)) =
            (text("NAME"), number("LABEL_X"), number("LABEL_Y"))
        else {
            eprintln!(
                "{}: record {index}: no NAME or label point, skipped",
                path.display()
            );
            continue;
        };
        let (lon, lat) = (lon as f32, lat as f32);
        if !(WINDOW[0]..=WINDOW[2]).contains(&lon) || !(WINDOW[1]..=WINDOW[3]).contains(&lat) {
            continue;
        }
        let min_zoom = number("MIN_LABEL").unwrap_or(5.0) as f32;
        // Natural Earth's own translations, kept only where they differ.
        let translated = |field: &str| text(field).filter(|t| !t.is_empty() && *t != name);
        places.push(Place {
            kind: PlaceKind::Country,
            name_es: translated("NAME_ES").unwrap_or_default(),
            name_pt: translated("NAME_PT").unwrap_or_default(),
            name,
            lon,
            lat,
            population: 0,
            min_zoom,
        });
    }
    places.sort_by(|a, b| a.min_zoom.total_cmp(&b.min_zoom).then(a.name.cmp(&b.name)));
    Ok(places)
}

fn cities(path: &Path) -> Result<Vec<Place>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let mut rows = Vec::new();
    for (line_no, line) in text.lines().enumerate().skip(1) {
        // The file has no quoted fields: checked when it was extracted.
        let cols: Vec<&str> = line.split(',').collect();
        let parsed = (|| {
            let [name, country_code, _, lat, lon, population, _, capital, _] = cols.as_slice()
            else {
                return None;
            };
            Some((
                name.to_string(),
                country_code.to_string(),
                lat.parse::<f32>().ok()?,
                lon.parse::<f32>().ok()?,
                population.parse::<u64>().ok()?,
                *capital == "yes",
            ))
        })();
        match parsed {
            Some(row) => rows.push(row),
            None => eprintln!(
                "{}:{}: unreadable row, skipped",
                path.display(),
                line_no + 1
            ),
        }
    }
    // The capital flag was matched by name, so a country can have several; its
    // most populous one is the capital (Washington DC over Washington, Utah).
    let mut capital_of: std::collections::HashMap<String, (u64, String)> = Default::default();
    for (name, country, _, _, population, capital) in &rows {
        if *capital {
            let best = capital_of
                .entry(country.clone())
                .or_insert((*population, name.clone()));
            if *population > best.0 {
                *best = (*population, name.clone());
            }
        }
    }
    let mut places: Vec<Place> = rows
        .into_iter()
        .map(|(name, country, lat, lon, population, capital)| {
            let is_capital = capital
                && capital_of
                    .get(&country)
                    .is_some_and(|(p, n)| *p == population && *n == name);
            Place {
                kind: if is_capital {
                    PlaceKind::Capital
                } else {
                    PlaceKind::City
                },
                name_es: String::new(),
                name_pt: String::new(),
                min_zoom: if is_capital {
                    3.0
                } else {
                    city_min_zoom(population)
                },
                name,
                lon,
                lat,
                population,
            }
        })
        .filter(|p| {
            (WINDOW[0]..=WINDOW[2]).contains(&p.lon) && (WINDOW[1]..=WINDOW[3]).contains(&p.lat)
        })
        .collect();
    places.sort_by(|a, b| {
        a.kind
            .cmp(&b.kind)
            .then(b.population.cmp(&a.population))
            .then(a.name.cmp(&b.name))
    });
    Ok(places)
}
