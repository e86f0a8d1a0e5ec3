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
use crate::i18n::said::Said;
use crate::layers::Layer;
use crate::layers::is_web_address;
use crate::said;
use crate::timeline::{Day, shown};
use crate::view::{MAX_ZOOM, MIN_ZOOM};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// The largest story file read, far beyond any presentation; a bigger file
/// is a mistake (a layer opened as a story), reported rather than parsed.
const MAX_STORY_BYTES: u64 = 16 << 20;

/// Why a story file could not be loaded. Worded when shown, in the
/// reader's language.
#[derive(Debug)]
pub enum StoryError {
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    TooLarge {
        path: PathBuf,
    },
    Json {
        path: PathBuf,
        line: usize,
        column: usize,
        reason: String,
    },
    /// A problem with the story as a whole: its title, its `scenes` list.
    Story {
        path: PathBuf,
        problem: Said,
    },
    /// `number` counts from 1; `title` is empty when the scene has none.
    Scene {
        path: PathBuf,
        number: usize,
        title: String,
        /// Boxed: an error travels in `Result`s and should stay small.
        problem: Box<Said>,
    },
}

impl fmt::Display for StoryError {
    /// `path: problem`, or `path: scene N ("Title"): problem`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (path, said) = match self {
            StoryError::Read { path, source } => {
                (path, said!("load-read", reason = source.to_string()))
            }
            StoryError::TooLarge { path } => (path, said!("story-too-large")),
            StoryError::Json {
                path,
                line,
                column,
                reason,
            } => (
                path,
                said!(
                    "load-not-json",
                    line = line.to_string(),
                    column = column.to_string(),
                    reason = reason.as_str()
                ),
            ),
            StoryError::Story { path, problem } => (path, problem.clone()),
            StoryError::Scene {
                path,
                number,
                title,
                problem,
            } => {
                let scene = scene_place(*number, title);
                return write!(f, "{}: {scene}: {problem}", path.display());
            }
        };
        write!(f, "{}: {said}", path.display())
    }
}

impl std::error::Error for StoryError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StoryError::Read { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// `scene 3 ("Title")` in the current language.
fn scene_place(number: usize, title: &str) -> String {
    crate::t!(
        "story-scene",
        number = number.to_string(),
        title = titled(title)
    )
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
    /// Worded when shown, in the reader's language.
    pub message: Said,
}

impl fmt::Display for Warning {
    /// `scene 3 ("Title"): message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let scene = scene_place(self.scene, &self.scene_title);
        write!(f, "{scene}: {}", self.message)
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
    let story_error = |problem: Said| StoryError::Story {
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
        return Err(story_error(said!("story-not-object")));
    }
    let raw: RawStory = deserialize_naming_the_key(&value).map_err(story_error)?;
    let title = match raw.title {
        Some(title) if !title.trim().is_empty() => title,
        _ => return Err(story_error(said!("story-no-title"))),
    };
    let language = match raw.language {
        Some(code) => language_code(&code).map_err(story_error)?,
        None => crate::i18n::Lang::En.code().to_owned(),
    };
    let mut title_translations = BTreeMap::new();
    for (code, text) in raw.translations {
        let code = language_code(&code)
            .map_err(|e| story_error(said!("story-translations", reason = e)))?;
        if let Some(title) = text.title.filter(|t| !t.trim().is_empty()) {
            title_translations.insert(code, title);
        }
    }
    let Some(raw_scenes) = raw.scenes else {
        return Err(story_error(said!("story-no-scenes")));
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
            problem: Box::new(problem),
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
fn deserialize_naming_the_key<T: serde::de::DeserializeOwned>(value: &Value) -> Result<T, Said> {
    let error = match T::deserialize(value) {
        Ok(raw) => return Ok(raw),
        Err(e) => e,
    };
    let message = without_position(&error);
    if message.starts_with("unknown field") || message.starts_with("missing field") {
        return Err(serde_said(message));
    }
    if let Some(object) = value.as_object() {
        for (key, field) in object {
            let alone = Value::Object(serde_json::Map::from_iter([(key.clone(), field.clone())]));
            if let Err(e) = T::deserialize(&alone) {
                return Err(said!(
                    "story-field",
                    key = format!("{key:?}"),
                    reason = serde_said(without_position(&e))
                ));
            }
        }
    }
    Err(serde_said(message))
}

/// serde's message worded in the language where its frame is known
/// (`invalid type: integer `5`, expected a string`: what was found and
/// what was expected stay serde's words); any other message verbatim.
fn serde_said(message: String) -> Said {
    let framed = |prefix: &str, id: &'static str| {
        let rest = message.strip_prefix(prefix)?;
        let (found, expected) = rest.split_once(", expected ")?;
        Some(said!(id, found = found, expected = expected))
    };
    framed("invalid type: ", "story-invalid-type")
        .or_else(|| framed("invalid value: ", "story-invalid-value"))
        .or_else(|| framed("unknown field ", "story-unknown-field"))
        .or_else(|| framed("unknown variant ", "story-unknown-variant"))
        .unwrap_or(Said::Verbatim(message))
}

/// The scene, and warnings: a camera box cut to the world, annotations
/// skipped.
fn scene_from(value: Value) -> Result<(Scene, Vec<Said>), Said> {
    if !value.is_object() {
        return Err(said!("story-scene-not-object"));
    }
    let raw: RawScene = deserialize_naming_the_key(&value)?;
    let title = match raw.title {
        Some(title) if !title.trim().is_empty() => title,
        _ => return Err(said!("story-scene-no-title")),
    };
    let time = match (raw.date, raw.window) {
        (Some(date), None) => SceneTime::Date(day("date", &date)?),
        (None, Some(window)) => {
            if window.days == 0 {
                return Err(said!("story-window-days"));
            }
            SceneTime::Window {
                end: day("window end", &window.end)?,
                days: window.days,
            }
        }
        (Some(_), Some(_)) => {
            return Err(said!("story-date-and-window"));
        }
        (None, None) => {
            return Err(said!("story-no-date"));
        }
    };
    let compare = match raw.compare {
        None => None,
        Some(compare) => Some(compare_from(&compare, time.day())?),
    };
    let (camera, clamped) = camera_from(raw.camera)?;
    let mut translations = BTreeMap::new();
    for (code, text) in raw.translations {
        let code = language_code(&code).map_err(|e| said!("story-translations", reason = e))?;
        let text = super::model::SceneText {
            title: text.title,
            caption: text.caption,
            notes: text.notes,
        };
        translations.insert(code, text);
    }
    let mut warnings: Vec<Said> = clamped.into_iter().collect();
    let mut annotations = Vec::with_capacity(raw.annotations.len());
    for (index, entry) in raw.annotations.iter().enumerate() {
        match crate::annotations::from_value(entry) {
            Ok(annotation) => annotations.push(annotation),
            Err(problem) => warnings.push(said!(
                "story-annotation-left-out",
                number = (index + 1).to_string(),
                reason = problem
            )),
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
fn compare_from(raw: &RawCompare, day_b: Day) -> Result<SceneCompare, Said> {
    let from = day("compare \"from\"", &raw.from)?;
    if from >= day_b {
        return Err(said!(
            "story-compare-from-late",
            from = from.to_string(),
            date = day_b.to_string()
        ));
    }
    let view = match raw.view.as_deref() {
        None => CompareView::Split,
        Some(name) => CompareView::from_name(name)
            .ok_or_else(|| said!("story-compare-view", name = format!("{name:?}")))?,
    };
    Ok(SceneCompare { from, view })
}

/// A language tag as a story names it ("es", "pt-BR"; any BCP 47-shaped
/// tag, so a French translation is kept though sitmap cannot show it), in
/// sitmap's spelling when it is one of ours ("pt-br" → "pt-BR").
fn language_code(code: &str) -> Result<String, Said> {
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
        Err(said!("story-not-language", code = format!("{code:?}")))
    }
}

fn day(what: &str, text: &str) -> Result<Day, Said> {
    Day::parse(text).map_err(|_| said!("story-not-a-date", what = what, text = format!("{text:?}")))
}

/// The camera, and a warning when a box reaching past the world's edges
/// (as sitmap itself wrote before it cut boxes to the world: -206.97° from
/// a wide window on the Americas) was cut to them. Such a file must still
/// open: it holds the user's scenes.
fn camera_from(raw: Option<RawCamera>) -> Result<(Camera, Option<Said>), Said> {
    let Some(raw) = raw else {
        return Err(said!("story-no-camera"));
    };
    match (raw.center, raw.zoom, raw.bbox) {
        (Some([lon, lat]), Some(zoom), None) => {
            lon_lat_in_range("center", lon, lat)?;
            if !(zoom.is_finite() && (MIN_ZOOM..=MAX_ZOOM).contains(&zoom)) {
                return Err(said!(
                    "story-camera-zoom",
                    zoom = zoom.to_string(),
                    min = MIN_ZOOM,
                    max = MAX_ZOOM
                ));
            }
            Ok((Camera::Center { lon, lat, zoom }, None))
        }
        (Some(_), None, None) => Err(said!("story-camera-no-zoom")),
        (None, None, Some(bbox)) => {
            if bbox.iter().any(|v| !v.is_finite()) {
                return Err(said!("story-bbox-not-number", bbox = format!("{bbox:?}")));
            }
            let [west, south, east, north] = bbox;
            if west >= east || south >= north {
                return Err(said!("story-bbox-inverted", bbox = format!("{bbox:?}")));
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
                return Err(said!("story-bbox-outside", bbox = format!("{bbox:?}")));
            }
            let warning = (cut != bbox).then(|| {
                said!(
                    "story-bbox-cut",
                    bbox = format!("{bbox:?}"),
                    cut = format!("{cut:?}")
                )
            });
            Ok((Camera::BBox(cut.into()), warning))
        }
        (None, Some(_), Some(_)) => Err(said!("story-camera-zoom-with-bbox")),
        (Some(_), _, Some(_)) => Err(said!("story-camera-both")),
        (None, _, None) => Err(said!("story-camera-empty")),
    }
}

/// GeoJSON order: longitude first.
fn lon_lat_in_range(what: &str, lon: f64, lat: f64) -> Result<(), Said> {
    let lon_ok = lon.is_finite() && (-180.0..=180.0).contains(&lon);
    let lat_ok = lat.is_finite() && (-90.0..=90.0).contains(&lat);
    if lon_ok && lat_ok {
        Ok(())
    } else {
        Err(said!(
            "story-camera-out-of-range",
            what = what,
            lon = lon.to_string(),
            lat = lat.to_string()
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
                message: said!("story-caption-link", url = format!("{url:?}")),
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
        let mut warn = |message: Said| {
            warnings.push(Warning {
                scene: index + 1,
                scene_title: scene.title.clone(),
                message,
            });
        };
        if let Some(names) = &scene.layers {
            for name in names {
                if !layers.iter().any(|layer| layer_matches(layer, name)) {
                    warn(said!("story-no-layer", name = format!("{name:?}")));
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
                warn(said!("story-id-not-found", id = format!("{id:?}")));
                continue;
            };
            if !visible(layer) {
                warn(said!(
                    "story-id-hidden",
                    id = format!("{id:?}"),
                    layer = format!("{:?}", layer.name)
                ));
            } else if !shown(&feature.extent, &filter).is_drawn() {
                warn(said!("story-id-not-shown", id = format!("{id:?}")));
            }
        }
    }
    warnings
}

#[cfg(test)]
#[path = "load_tests.rs"]
mod tests;
