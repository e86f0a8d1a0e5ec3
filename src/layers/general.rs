//! The general road: any GeoJSON text (a FeatureCollection, a Feature or a
//! bare geometry), each feature checked on its own by the thorough
//! [`Checker`]. This is the definition of what loads and what each problem
//! says; the stream road (`stream`) must agree with it.
//!
//! The top level is read with the `features` array as borrowed raw JSON
//! slices, so the text is checked once for syntax and each feature is then
//! parsed on its own: one bad feature cannot sink the file, and no feature is
//! held twice (as JSON values and as geometry) at any time.
//!
//! Deep nesting cannot overflow the stack: skipping over a raw value is
//! iterative in serde_json, and every real parse stops at its recursion limit
//! of 128 levels with an error that is reported like any other.

use super::assemble::{LoadOptions, TopLevel, failed, with_layer};
use super::text_pos::{Lines, clamp, json_error, offset_in, reason};
use super::validate::{Checker, excerpt, last_wins};
use super::{LoadError, LoadReport};
use crate::i18n::said::Said;
use crate::said;
use serde::de::IgnoredAny;
use serde_json::value::RawValue;
use std::path::Path;
use std::sync::Arc;

const GEOMETRY_TYPES: &[&str] = &[
    "Point",
    "MultiPoint",
    "LineString",
    "MultiLineString",
    "Polygon",
    "MultiPolygon",
    "GeometryCollection",
];

/// Loads any GeoJSON text, checking features one by one with `checker`.
pub(super) fn load_general<'a>(
    text: &'a str,
    path: Arc<Path>,
    options: &LoadOptions,
    mut checker: Checker<'a>,
) -> LoadReport {
    let mut lines = Lines::new(text);
    let top = match parse_top(text, &mut lines) {
        Ok(top) => top,
        Err(error) => return failed(path, error),
    };
    if let Some(reason) = top.projected_crs() {
        let at = top.crs.map_or(text, RawValue::get);
        return failed(path, not_geojson_at(text, &mut lines, at, reason));
    }
    let not_geojson = |lines: &mut Lines, at: &str, reason: Said| {
        let (line, column) = lines.locate(offset_in(text, at));
        LoadError::NotGeoJson {
            line,
            column,
            reason,
        }
    };
    let Some(kind_raw) = top.kind else {
        let reason = if top.elements.is_some() {
            said!("load-osm-json")
        } else {
            said!("load-no-type")
        };
        return failed(path, not_geojson(&mut lines, text.trim_start(), reason));
    };
    let kind = serde_json::from_str::<&str>(kind_raw.get()).unwrap_or_default();

    let mut report = LoadReport::default();
    let mut features = Vec::new();
    let record = |report: &mut LoadReport, features: &mut Vec<_>, index, checked| {
        super::assemble::record(report, features, &path, index, checked);
    };
    match kind {
        "FeatureCollection" => {
            let Some(raw) = top.features else {
                let reason = said!("load-no-features");
                return failed(path, not_geojson(&mut lines, text.trim_start(), reason));
            };
            let Ok(list) = serde_json::from_str::<Vec<&RawValue>>(raw.get()) else {
                let reason = said!("load-features-not-array");
                return failed(path, not_geojson(&mut lines, raw.get(), reason));
            };
            // Sized once: growing a vector of a million features by doubling
            // would briefly hold one and a half copies.
            features.reserve_exact(list.len());
            for (index, feature) in list.into_iter().enumerate() {
                let checked = checker.feature(index, feature.get());
                record(&mut report, &mut features, index, checked);
            }
        }
        "Feature" => record(&mut report, &mut features, 0, checker.feature(0, text)),
        kind if GEOMETRY_TYPES.contains(&kind) => {
            record(&mut report, &mut features, 0, checker.bare_geometry(text));
        }
        _ => {
            let reason = said!("load-unknown-type", value = excerpt(kind_raw.get()));
            return failed(path, not_geojson(&mut lines, kind_raw.get(), reason));
        }
    }
    // Skipped features leave spare room; give it back.
    features.shrink_to_fit();
    with_layer(report, top.sitmap, &path, features, options)
}

/// A file-level "not GeoJSON" error placed at `at`, a slice of `text`.
fn not_geojson_at(text: &str, lines: &mut Lines, at: &str, reason: Said) -> LoadError {
    let (line, column) = lines.locate(offset_in(text, at));
    LoadError::NotGeoJson {
        line,
        column,
        reason,
    }
}

/// Parses the top level, telling broken JSON from JSON that is not GeoJSON.
fn parse_top<'a>(text: &'a str, lines: &mut Lines) -> Result<TopLevel<'a>, LoadError> {
    // serde reads a struct from an array too (fields by position): only an
    // object may be GeoJSON.
    if !text.trim_start().starts_with('{') {
        return match serde_json::from_str::<IgnoredAny>(text) {
            Err(e) => Err(json_error(&e)),
            Ok(_) => {
                let (line, column) = lines.locate(offset_in(text, text.trim_start()));
                Err(LoadError::NotGeoJson {
                    line,
                    column,
                    reason: said!("load-top-not-object"),
                })
            }
        };
    }
    let parsed = serde_json::from_str::<TopLevel>(text);
    if let Err(e) = &parsed
        && e.to_string().starts_with("duplicate field")
        && let Some(mut members) = last_wins(text)
    {
        return Ok(TopLevel {
            kind: members.remove("type"),
            features: members.remove("features"),
            sitmap: members.remove("sitmap"),
            crs: members.remove("crs"),
            elements: members.remove("elements"),
        });
    }
    parsed.map_err(|e| {
        if e.is_data() {
            // The top level has a member of the wrong type, but the rest of
            // the text may be broken JSON: report that first.
            if let Err(syntax) = serde_json::from_str::<IgnoredAny>(text) {
                return json_error(&syntax);
            }
            let (line, column) = clamp(e.line(), e.column());
            LoadError::NotGeoJson {
                line,
                column,
                reason: reason(&e).into(),
            }
        } else {
            json_error(&e)
        }
    })
}
