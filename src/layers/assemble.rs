//! From checked features to a [`LoadReport`] with its [`Layer`]: what every
//! road through the loader (general, stream, sequence) shares at the end.
//! The top-level members it reads ([`TopLevel`]), the layer defaults of the
//! `sitmap` member, the user's choices ([`LoadOptions`]: the time field,
//! applied before the layer and its indexes are built), and the warnings
//! only a story layer gets.

use super::model::{Feature, Layer, Rgb};
use super::time::TimeExtent;
use super::time_field::{self, TimeField};
use super::validate::excerpt;
use super::{Kind, LoadError, LoadReport, Message, Problem};
use crate::i18n::said::Said;
use crate::said;
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{Map, Value};
use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::Arc;

/// Choices the user made about one file, remembered per file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LoadOptions {
    /// Which property dates features without `start`.
    pub time_field: TimeField,
    /// Which columns of a CSV file hold the position, dates and title.
    pub csv: super::CsvMapping,
}

/// Takes one checked feature into the report being built: its problems
/// placed in the file, the feature itself when it loaded.
pub(super) fn record(
    report: &mut LoadReport,
    features: &mut Vec<Feature>,
    path: &Arc<Path>,
    index: usize,
    checked: super::validate::Checked,
) {
    let id = checked.id.as_deref();
    let errors = Problem::of_feature(path, index, id, checked.errors);
    report.errors.extend(errors);
    let warnings = Problem::of_feature(path, index, id, checked.warnings);
    report.warnings.extend(warnings);
    features.extend(checked.feature);
}

/// Features checked one by one outside any GeoJSON text (a spreadsheet's
/// rows), kept as they are checked: the features that loaded, and what
/// else the checks found (problems, ids) for the few that have any, so
/// that a big file is not held twice over as checking outcomes.
#[derive(Debug, Default)]
pub(crate) struct CheckedFeatures {
    features: Vec<Feature>,
    /// `(feature index, its outcome without the feature)`, increasing.
    notes: Vec<(usize, super::validate::Checked)>,
}

impl CheckedFeatures {
    pub(crate) fn with_capacity(features: usize) -> Self {
        Self {
            features: Vec::with_capacity(features),
            notes: Vec::new(),
        }
    }

    /// Takes the outcome of checking feature `index`, the next one.
    pub(super) fn push(&mut self, index: usize, mut outcome: super::validate::Checked) {
        self.features.extend(outcome.feature.take());
        let noted = outcome.id.is_some() || !outcome.errors.is_empty();
        if noted || !outcome.warnings.is_empty() {
            self.notes.push((index, outcome));
        }
    }

    /// Adds the features checked after these.
    pub(crate) fn append(&mut self, mut later: CheckedFeatures) {
        self.features.append(&mut later.features);
        self.notes.append(&mut later.notes);
    }

    /// The report: ids checked for reuse in file order, as
    /// [`Checker::feature`](super::validate::Checker) checks them one by
    /// one, then the layer assembled as for a FeatureCollection.
    pub(super) fn into_report(self, path: &Arc<Path>, options: &LoadOptions) -> LoadReport {
        let mut report = LoadReport::default();
        let mut first_with: HashMap<String, usize> = HashMap::new();
        let mut none = Vec::new();
        for (index, mut checked) in self.notes {
            if let Some(id) = &checked.id {
                match first_with.entry(id.to_string()) {
                    Entry::Occupied(first) => checked.duplicate_of(*first.get()),
                    Entry::Vacant(slot) => {
                        slot.insert(index);
                    }
                }
            }
            record(&mut report, &mut none, path, index, checked);
        }
        with_layer(report, None, path, self.features, options)
    }
}

pub(super) fn failed(path: Arc<Path>, error: LoadError) -> LoadReport {
    LoadReport {
        layer: None,
        errors: vec![Problem::of_file(&path, error.said())],
        warnings: Vec::new(),
        time_field: None,
        csv: None,
    }
}

/// The members of the top-level object we read; the rest is skipped unparsed.
#[derive(Deserialize)]
#[serde(expecting = "a GeoJSON object")]
pub(super) struct TopLevel<'a> {
    #[serde(rename = "type", borrow)]
    pub(super) kind: Option<&'a RawValue>,
    #[serde(borrow)]
    pub(super) features: Option<&'a RawValue>,
    /// Layer defaults, a foreign member of the FeatureCollection; raw so a
    /// malformed one is a warning, not a file that fails to load.
    #[serde(borrow)]
    pub(super) sitmap: Option<&'a RawValue>,
    /// The pre-RFC 7946 coordinate system member: read to refuse projected
    /// coordinates with a message instead of a range error per feature.
    #[serde(borrow)]
    pub(super) crs: Option<&'a RawValue>,
    /// OSM JSON (Overpass output) has `elements`, not features.
    #[serde(borrow)]
    pub(super) elements: Option<&'a RawValue>,
}

impl TopLevel<'_> {
    /// The reason the file cannot be read as WGS 84 longitude/latitude, from
    /// its `crs` member; `None` for no member or a geographic one.
    pub(super) fn projected_crs(&self) -> Option<Said> {
        let raw = self.crs?;
        let value: Value = serde_json::from_str(raw.get()).ok()?;
        let name = value
            .pointer("/properties/name")
            .and_then(Value::as_str)?
            .to_owned();
        let geographic = ["CRS84", "4326", "CRS:84", "4269", "4979", "4258"];
        if geographic.iter().any(|code| name.ends_with(code)) {
            return None;
        }
        let mercator = ["3857", "900913", "102100", "3785"];
        Some(if mercator.iter().any(|code| name.ends_with(code)) {
            said!("load-projected-crs-mercator")
        } else {
            said!("load-projected-crs", crs = format!("`{}`", excerpt(&name)))
        })
    }
}

/// Adds the layer of `features` to the report, with the layer defaults
/// from `sitmap` (whose problems are warnings of the file), the time field
/// for features without `start`, the story-layer warnings, and the
/// layer's indices.
pub(super) fn with_layer(
    mut report: LoadReport,
    sitmap: Option<&RawValue>,
    path: &Arc<Path>,
    mut features: Vec<Feature>,
    options: &LoadOptions,
) -> LoadReport {
    let defaults = LayerDefaults::read(sitmap, &mut |message| {
        report.warnings.push(Problem::of_file(path, message));
    });
    let chosen = time_field::apply(&mut features, &options.time_field, &mut |i, id, m| {
        report
            .warnings
            .extend(Problem::of_feature(path, i, id, vec![m]));
    });
    report.time_field = chosen.start;
    if sitmap.is_some() || features.iter().any(Feature::has_sources) {
        story_warnings(&features, path, &mut report.warnings);
    }
    // In file order, the file's own first (a stable sort keeps each
    // feature's problems in the order they were found).
    report.warnings.sort_by_key(|p| p.feature);
    let name = defaults.name.unwrap_or_else(|| {
        path.file_stem()
            .map_or_else(|| "layer".to_owned(), |s| s.to_string_lossy().into_owned())
    });
    let mut layer = Layer::new(
        name,
        path.to_path_buf(),
        defaults.colour,
        defaults.symbol,
        features,
    );
    layer.names = defaults.names;
    report.layer = Some(layer);
    report
}

/// A story layer (one with a `sitmap` member, or whose features cite
/// sources) is meant to be dated and sourced: a feature without a date or a
/// source is worth a warning there. In any other GeoJSON (a countries file,
/// an OSM export) neither is expected, and saying so thousands of times
/// would bury the warnings that matter.
fn story_warnings(features: &[Feature], path: &Arc<Path>, warnings: &mut Vec<Problem>) {
    /// Below this many features the second thread costs more than it saves.
    const PARALLEL: usize = 50_000;
    let two_cores = std::thread::available_parallelism().is_ok_and(|n| n.get() >= 2);
    if features.len() < PARALLEL || !two_cores {
        warnings.extend(story_warnings_of(features, path));
        return;
    }
    // Each feature's strings are a cache miss away: two cores halve the wait.
    let (head, tail) = features.split_at(features.len() / 2);
    let (head, tail) = std::thread::scope(|scope| {
        let later = scope.spawn(|| story_warnings_of(tail, path));
        let head = story_warnings_of(head, path);
        // A panic there is a bug; do that half here instead.
        let tail = later
            .join()
            .unwrap_or_else(|_| story_warnings_of(tail, path));
        (head, tail)
    });
    warnings.extend(head);
    warnings.extend(tail);
}

/// [`story_warnings`] of some of the features.
fn story_warnings_of(features: &[Feature], path: &Arc<Path>) -> Vec<Problem> {
    let mut warnings = Vec::new();
    for feature in features {
        let mut said = Vec::new();
        // A `start` that did not read has its own warning already.
        let timeless = feature.extent == TimeExtent::Timeless;
        if timeless && !feature.properties().contains_key("start") {
            said.push(Message::new(Kind::NoStart, said!("check-no-start")));
        }
        if !feature.has_sources() && !feature.properties().contains_key("sources") {
            said.push(Message::new(Kind::NoSources, said!("check-no-sources")));
        }
        if !said.is_empty() {
            let id = feature.id();
            warnings.extend(Problem::of_feature(path, feature.index_in_file, id, said));
        }
    }
    warnings
}

/// The layer's own defaults from the `"sitmap"` foreign member.
#[derive(Default)]
struct LayerDefaults {
    name: Option<String>,
    /// `name_es`, `name_pt-BR`: the name in sitmap's other languages.
    names: BTreeMap<String, String>,
    colour: Option<Rgb>,
    symbol: Option<String>,
}

impl LayerDefaults {
    fn read(member: Option<&RawValue>, warn: &mut dyn FnMut(Said)) -> Self {
        let Some(raw) = member else {
            return Self::default();
        };
        let Ok(member) = serde_json::from_str::<Map<String, Value>>(raw.get()) else {
            warn(said!("load-sitmap-not-object"));
            return Self::default();
        };
        let mut text = |key: &str| match member.get(key) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.clone()),
            Some(other) => {
                warn(said!(
                    "load-sitmap-not-text",
                    key = key,
                    value = other.to_string()
                ));
                None
            }
        };
        let name = text("name");
        let mut names = BTreeMap::new();
        for key in member.keys() {
            if let Some(lang) = key
                .strip_prefix("name_")
                .and_then(crate::i18n::Lang::from_code)
                && let Some(translated) = text(key)
            {
                names.insert(lang.code().to_owned(), translated);
            }
        }
        let symbol = text("symbol");
        let colour_text = text("color");
        let colour = colour_text.and_then(|c| {
            let parsed = Rgb::parse(&c);
            if parsed.is_none() {
                warn(said!("load-sitmap-colour", value = c.as_str()));
            }
            parsed
        });
        Self {
            name,
            names,
            colour,
            symbol,
        }
    }
}
