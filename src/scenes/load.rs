//! Reading a story file: JSON into [`Story`], with every problem named by
//! file and scene (`story.json: scene 3 ("Title"): date "2025-13-01" is not a
//! date; ...`). Scenes are numbered from 1, as a presenter counts them.
//!
//! Two kinds of problem. An **error** makes the file unusable and nothing of
//! it loads: it is not JSON, a scene has no title, a date or a camera cannot
//! be read or shown, or a key is unknown (a misspelt `"hightlight"` would
//! otherwise silently highlight nothing in front of an audience). A
//! **warning** leaves the scene usable: a caption link that is not http(s)
//! (shown as text), and, from [`check_against`], layer names and feature ids
//! that none of the open layers has.

use super::model::{Camera, Scene, SceneCompare, SceneTime, Story};
use crate::compare::CompareView;
use crate::layers::Layer;
use crate::layers::is_web_address;
use crate::timeline::{Day, shown};
use crate::view::{MAX_ZOOM, MIN_ZOOM};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use thiserror::Error;

/// The largest story file read, far beyond any presentation; a bigger file
/// is a mistake (a layer opened as a story), reported rather than parsed.
const MAX_STORY_BYTES: u64 = 16 << 20;

/// Why a story file could not be loaded.
#[derive(Debug, Error)]
pub enum StoryError {
    #[error("{}: cannot read the file: {source}", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: the file is larger than 16 MiB; is it really a story file?", path.display())]
    TooLarge { path: PathBuf },
    #[error("{}: not valid JSON at line {line}, column {column}: {reason}", path.display())]
    Json {
        path: PathBuf,
        line: usize,
        column: usize,
        reason: String,
    },
    /// A problem with the story as a whole: its title, its `scenes` list.
    #[error("{}: {problem}", path.display())]
    Story { path: PathBuf, problem: String },
    /// `number` counts from 1; `title` is empty when the scene has none.
    #[error("{}: scene {number}{}: {problem}", path.display(), titled(title))]
    Scene {
        path: PathBuf,
        number: usize,
        title: String,
        problem: String,
    },
}

/// ` ("Title")`, or nothing for an untitled scene.
fn titled(title: &str) -> String {
    if title.is_empty() {
        String::new()
    } else {
        format!(" ({title:?})")
    }
}

/// Something worth fixing that leaves the story usable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// 1-based scene number.
    pub scene: usize,
    pub scene_title: String,
    pub message: String,
}

impl fmt::Display for Warning {
    /// `scene 3 ("Title"): message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "scene {}{}: {}",
            self.scene,
            titled(&self.scene_title),
            self.message
        )
    }
}

/// The file as written, before checking. Shared with the saver so that the
/// two cannot disagree on key names.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawStory {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The language of the plain texts ("en" when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// The title in other languages: `{"es": {"title": ".."}}`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, RawStoryText>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scenes: Option<Vec<Value>>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawStoryText {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// A scene's title, caption and notes in one more language.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSceneText {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub caption: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawScene {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub caption: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window: Option<RawWindow>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub camera: Option<RawCamera>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub layers: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub highlight: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compare: Option<RawCompare>,
    /// `{"es": {"title": .., "caption": .., "notes": ..}, "pt-BR": {..}}`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, RawSceneText>,
    /// Read entry by entry by [`crate::annotations::from_value`], so that a
    /// bad one is skipped with a warning rather than failing the story.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub annotations: Vec<Value>,
}

/// `"compare": {"from": "YYYY-MM-DD", "view": "split"}`; `view` is
/// `split` (the default) or `changes`.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCompare {
    pub from: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub view: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawWindow {
    pub end: String,
    pub days: u32,
}

/// GeoJSON order: longitude first.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCamera {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub center: Option<[f64; 2]>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zoom: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bbox: Option<[f64; 4]>,
}

/// Reads and checks the story file at `path`, with its warnings.
pub fn load_story(path: impl AsRef<Path>) -> Result<(Story, Vec<Warning>), StoryError> {
    let path = path.as_ref();
    let read_error = |source| StoryError::Read {
        path: path.to_owned(),
        source,
    };
    let size = std::fs::metadata(path).map_err(read_error)?.len();
    if size > MAX_STORY_BYTES {
        return Err(StoryError::TooLarge {
            path: path.to_owned(),
        });
    }
    let text = std::fs::read_to_string(path).map_err(read_error)?;
    load_story_str(&text, path)
}

/// Checks the story text `text`; `path` only names it in messages.
pub fn load_story_str(
    text: &str,
    path: impl AsRef<Path>,
) -> Result<(Story, Vec<Warning>), StoryError> {
    let path = path.as_ref();
    let story_error = |problem: String| StoryError::Story {
        path: path.to_owned(),
        problem,
    };
    // Some Windows editors begin a UTF-8 file with a byte-order mark; the
    // layer loader accepts it, and so does this one.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|e| StoryError::Json {
        path: path.to_owned(),
        line: e.line(),
        column: e.column(),
        reason: without_position(&e),
    })?;
    if !value.is_object() {
        return Err(story_error(
            r#"a story file is one JSON object, {"title": .., "scenes": [..]}"#.into(),
        ));
    }
    let raw: RawStory = deserialize_naming_the_key(&value).map_err(story_error)?;
    let title = match raw.title {
        Some(title) if !title.trim().is_empty() => title,
        _ => return Err(story_error(r#"no "title"; the story needs one"#.into())),
    };
    let language = match raw.language {
        Some(code) => language_code(&code).map_err(story_error)?,
        None => crate::i18n::Lang::En.code().to_owned(),
    };
    let mut title_translations = BTreeMap::new();
    for (code, text) in raw.translations {
        let code =
            language_code(&code).map_err(|e| story_error(format!(r#""translations": {e}"#)))?;
        if let Some(title) = text.title.filter(|t| !t.trim().is_empty()) {
            title_translations.insert(code, title);
        }
    }
    let Some(raw_scenes) = raw.scenes else {
        return Err(story_error(
            r#"no "scenes"; a story file is {"title": .., "scenes": [..]}"#.into(),
        ));
    };
    let mut scenes = Vec::with_capacity(raw_scenes.len());
    let mut warnings = Vec::new();
    for (index, value) in raw_scenes.into_iter().enumerate() {
        let number = index + 1;
        let title = value
            .get("title")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        let (scene, clamped) = scene_from(value).map_err(|problem| StoryError::Scene {
            path: path.to_owned(),
            number,
            title: title.clone(),
            problem,
        })?;
        warnings.extend(clamped.into_iter().map(|message| Warning {
            scene: number,
            scene_title: scene.title.clone(),
            message,
        }));
        warnings.extend(caption_warnings(&scene, number));
        scenes.push(scene);
    }
    let story = Story {
        title,
        scenes,
        language,
        title_translations,
    };
    Ok((story, warnings))
}

/// serde_json's message without its trailing " at line L column C", which
/// is either reported apart or meaningless inside one scene.
fn without_position(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(at) => text.get(..at).unwrap_or_default().to_owned(),
        None => text,
    }
}

/// `value` as a `T`; a type error names its key (`"title": invalid type:
/// integer `5`, expected a string`), which serde's message alone does not.
/// Every field of the raw structs is optional, so the key whose value
/// alone fails to read is the one at fault.
fn deserialize_naming_the_key<T: serde::de::DeserializeOwned>(value: &Value) -> Result<T, String> {
    let error = match T::deserialize(value) {
        Ok(raw) => return Ok(raw),
        Err(e) => e,
    };
    let message = without_position(&error);
    if message.starts_with("unknown field") || message.starts_with("missing field") {
        return Err(message);
    }
    if let Some(object) = value.as_object() {
        for (key, field) in object {
            let alone = Value::Object(serde_json::Map::from_iter([(key.clone(), field.clone())]));
            if let Err(e) = T::deserialize(&alone) {
                return Err(format!("{key:?}: {}", without_position(&e)));
            }
        }
    }
    Err(message)
}

/// The scene, and warnings: a camera box cut to the world, annotations
/// skipped.
fn scene_from(value: Value) -> Result<(Scene, Vec<String>), String> {
    if !value.is_object() {
        return Err("a scene must be a JSON object".into());
    }
    let raw: RawScene = deserialize_naming_the_key(&value)?;
    let title = match raw.title {
        Some(title) if !title.trim().is_empty() => title,
        _ => return Err(r#"no "title"; every scene needs one"#.into()),
    };
    let time = match (raw.date, raw.window) {
        (Some(date), None) => SceneTime::Date(day("date", &date)?),
        (None, Some(window)) => {
            if window.days == 0 {
                return Err(r#""window": "days" must be 1 or more"#.into());
            }
            SceneTime::Window {
                end: day("window end", &window.end)?,
                days: window.days,
            }
        }
        (Some(_), Some(_)) => {
            return Err(r#"both "date" and "window"; give one of them"#.into());
        }
        (None, None) => {
            return Err(
                r#"no "date" or "window"; give "date": "YYYY-MM-DD" or "window": {"end": "YYYY-MM-DD", "days": N}"#
                    .into(),
            );
        }
    };
    let compare = match raw.compare {
        None => None,
        Some(compare) => Some(compare_from(&compare, time.day())?),
    };
    let (camera, clamped) = camera_from(raw.camera)?;
    let mut translations = BTreeMap::new();
    for (code, text) in raw.translations {
        let code = language_code(&code).map_err(|e| format!(r#""translations": {e}"#))?;
        let text = super::model::SceneText {
            title: text.title,
            caption: text.caption,
            notes: text.notes,
        };
        translations.insert(code, text);
    }
    let mut warnings: Vec<String> = clamped.into_iter().collect();
    let mut annotations = Vec::with_capacity(raw.annotations.len());
    for (index, entry) in raw.annotations.iter().enumerate() {
        match crate::annotations::from_value(entry) {
            Ok(annotation) => annotations.push(annotation),
            Err(problem) => warnings.push(format!("annotation {}: {problem}; left out", index + 1)),
        }
    }
    let scene = Scene {
        translations,
        title,
        caption: raw.caption,
        notes: raw.notes,
        time,
        camera,
        layers: raw.layers,
        highlight: raw.highlight,
        compare,
        annotations,
    };
    Ok((scene, warnings))
}

/// A scene's comparison: date A before the scene's day, a view sitmap has.
fn compare_from(raw: &RawCompare, day_b: Day) -> Result<SceneCompare, String> {
    let from = day("compare \"from\"", &raw.from)?;
    if from >= day_b {
        return Err(format!(
            "compare \"from\" {from} must be before the scene's date {day_b} (date A is the earlier one)"
        ));
    }
    let view = match raw.view.as_deref() {
        None => CompareView::Split,
        Some(name) => CompareView::from_name(name).ok_or_else(|| {
            format!(r#"compare "view" {name:?} is not a view; use "split" or "changes""#)
        })?,
    };
    Ok(SceneCompare { from, view })
}

/// A language tag as a story names it ("es", "pt-BR"; any BCP 47-shaped
/// tag, so a French translation is kept though sitmap cannot show it), in
/// sitmap's spelling when it is one of ours ("pt-br" → "pt-BR").
fn language_code(code: &str) -> Result<String, String> {
    if let Some(lang) = crate::i18n::Lang::from_code(code) {
        return Ok(lang.code().to_owned());
    }
    let shaped = !code.is_empty()
        && code.len() <= 35
        && code.split('-').all(|part| {
            !part.is_empty() && part.len() <= 8 && part.chars().all(|c| c.is_ascii_alphanumeric())
        });
    if shaped {
        Ok(code.to_owned())
    } else {
        Err(format!(
            "{code:?} is not a language tag; write one such as \"en\", \"es\" or \"pt-BR\""
        ))
    }
}

fn day(what: &str, text: &str) -> Result<Day, String> {
    Day::parse(text)
        .map_err(|_| format!("{what} {text:?} is not a date; write YYYY-MM-DD, e.g. 2025-09-02"))
}

/// The camera, and a warning when a box reaching past the world's edges
/// (as sitmap itself wrote before it cut boxes to the world: -206.97° from
/// a wide window on the Americas) was cut to them. Such a file must still
/// open: it holds the user's scenes.
fn camera_from(raw: Option<RawCamera>) -> Result<(Camera, Option<String>), String> {
    const SHAPES: &str = r#"give "camera": {"center": [lon, lat], "zoom": Z} or {"bbox": [west, south, east, north]}"#;
    let Some(raw) = raw else {
        return Err(format!(r#"no "camera"; {SHAPES}"#));
    };
    match (raw.center, raw.zoom, raw.bbox) {
        (Some([lon, lat]), Some(zoom), None) => {
            lon_lat_in_range("center", lon, lat)?;
            if !(zoom.is_finite() && (MIN_ZOOM..=MAX_ZOOM).contains(&zoom)) {
                return Err(format!(
                    "camera zoom {zoom} is out of range; use {MIN_ZOOM} to {MAX_ZOOM}"
                ));
            }
            Ok((Camera::Center { lon, lat, zoom }, None))
        }
        (Some(_), None, None) => Err(r#"camera "center" needs a "zoom""#.into()),
        (None, None, Some(bbox)) => {
            if bbox.iter().any(|v| !v.is_finite()) {
                return Err(format!(
                    "camera bbox {bbox:?} has a value that is not a number; write [west, south, \
                     east, north] in degrees"
                ));
            }
            let [west, south, east, north] = bbox;
            if west >= east || south >= north {
                return Err(format!(
                    "camera bbox {bbox:?} is inverted or empty; write [west, south, east, north] \
                     with west < east and south < north"
                ));
            }
            let cut = [
                west.max(-180.0),
                south.max(-90.0),
                east.min(180.0),
                north.min(90.0),
            ];
            if cut[0] >= cut[2] || cut[1] >= cut[3] {
                // Wholly off the world: nothing to cut it to.
                lon_lat_in_range("bbox", west, south)?;
                lon_lat_in_range("bbox", east, north)?;
                return Err(format!("camera bbox {bbox:?} lies outside the world"));
            }
            let warning = (cut != bbox).then(|| {
                format!(
                    "camera bbox {bbox:?} reaches past the world's edges (longitude -180..180, \
                     latitude -90..90); it is shown as {cut:?}"
                )
            });
            Ok((Camera::BBox(cut.into()), warning))
        }
        (None, Some(_), Some(_)) => {
            Err(r#"camera "zoom" goes with "center"; a "bbox" is fitted to the window"#.into())
        }
        (Some(_), _, Some(_)) => Err(format!(r#"camera has both "center" and "bbox"; {SHAPES}"#)),
        (None, _, None) => Err(format!("camera is empty; {SHAPES}")),
    }
}

/// GeoJSON order: longitude first.
fn lon_lat_in_range(what: &str, lon: f64, lat: f64) -> Result<(), String> {
    let lon_ok = lon.is_finite() && (-180.0..=180.0).contains(&lon);
    let lat_ok = lat.is_finite() && (-90.0..=90.0).contains(&lat);
    if lon_ok && lat_ok {
        Ok(())
    } else {
        Err(format!(
            "camera {what} has longitude {lon}, latitude {lat}: out of range (longitude first, \
             -180..180, then latitude, -90..90)"
        ))
    }
}

fn caption_warnings(scene: &Scene, number: usize) -> Vec<Warning> {
    let mut warnings = Vec::new();
    let mut rest = scene.caption.as_str();
    while let Some(start) = rest.find("](") {
        let after = rest.get(start + 2..).unwrap_or_default();
        let end = after.find(')').unwrap_or(after.len());
        let url = after.get(..end).unwrap_or_default();
        if !is_web_address(url) {
            warnings.push(Warning {
                scene: number,
                scene_title: scene.title.clone(),
                message: format!(
                    "caption link to {url:?} is not an http or https address; it is shown as text"
                ),
            });
        }
        rest = after;
    }
    warnings
}

/// Whether a scene's layer `name` means `layer`: its display name or its file
/// name without the extension, exactly. The presenter uses the same rule.
pub fn layer_matches(layer: &Layer, name: &str) -> bool {
    layer.name == name
        || layer
            .path
            .file_stem()
            .is_some_and(|stem| stem.to_str() == Some(name))
}

/// Compares the story with the open `layers`: layer names no layer has,
/// highlighted ids no feature has, and highlighted features that the scene
/// would not show (their layer is hidden, or they are not on the map at the
/// scene's time). Only warnings: the scene still plays.
pub fn check_against(story: &Story, layers: &[&Layer]) -> Vec<Warning> {
    let mut warnings = Vec::new();
    for (index, scene) in story.scenes.iter().enumerate() {
        let mut warn = |message: String| {
            warnings.push(Warning {
                scene: index + 1,
                scene_title: scene.title.clone(),
                message,
            });
        };
        if let Some(names) = &scene.layers {
            for name in names {
                if !layers.iter().any(|layer| layer_matches(layer, name)) {
                    warn(format!("no open layer is called {name:?}"));
                }
            }
        }
        let visible = |layer: &Layer| {
            scene
                .layers
                .as_ref()
                .is_none_or(|names| names.iter().any(|name| layer_matches(layer, name)))
        };
        let filter = scene.time.filter();
        for id in &scene.highlight {
            let found = layers.iter().find_map(|layer| {
                let feature = layer
                    .features()
                    .iter()
                    .find(|f| f.id() == Some(id.as_str()))?;
                Some((*layer, feature))
            });
            let Some((layer, feature)) = found else {
                warn(format!(
                    "highlighted id {id:?} is in none of the open layers"
                ));
                continue;
            };
            if !visible(layer) {
                warn(format!(
                    "highlighted id {id:?} is in layer {:?}, which this scene hides",
                    layer.name
                ));
            } else if !shown(&feature.extent, &filter).is_drawn() {
                warn(format!(
                    "highlighted id {id:?} is not on the map at the scene's time"
                ));
            }
        }
    }
    warnings
}

#[cfg(test)]
#[path = "load_tests.rs"]
mod tests;
