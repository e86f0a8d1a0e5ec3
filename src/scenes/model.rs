//! The story as sitmap uses it, checked: every date is a [`Day`], every
//! camera can be shown. Plain data with no UI state, so the presenter, the
//! loader and the saver share it and a load-save round trip is an equality.

use crate::timeline::{Day, TimeFilter};
use crate::view::LonLatBox;

/// A presentation: scenes shown in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    pub title: String,
    pub scenes: Vec<Scene>,
}

/// One step of the presentation.
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    pub title: String,
    /// A markdown subset (`**bold**`, `*italic*`, `[text](https://..)`); see
    /// [`super::parse_caption`].
    pub caption: String,
    /// Plain text for the presenter only.
    pub notes: String,
    pub time: SceneTime,
    pub camera: Camera,
    /// Layer names (or file stems) to show; `None` shows every layer.
    pub layers: Option<Vec<String>>,
    /// Feature ids to highlight.
    pub highlight: Vec<String>,
    /// Compare the scene's day (date B) with an earlier date A; `None`
    /// shows the single date.
    pub compare: Option<SceneCompare>,
    /// Arrows, text callouts and freehand strokes drawn on the map, in
    /// map coordinates (see [`crate::annotations`]).
    pub annotations: Vec<crate::annotations::Annotation>,
}

/// A scene's comparison of two dates (`"compare": {"from": .., "view": ..}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SceneCompare {
    /// Date A; the scene's own date is B.
    pub from: Day,
    pub view: crate::compare::CompareView,
}

/// Where the timeline goes for a scene.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SceneTime {
    /// As of this day (the timeline's default mode).
    Date(Day),
    /// The `days` days ending with `end` (`days >= 1`).
    Window { end: Day, days: u32 },
}

impl SceneTime {
    /// The day the timeline is set to.
    pub fn day(self) -> Day {
        match self {
            SceneTime::Date(day) | SceneTime::Window { end: day, .. } => day,
        }
    }

    /// The timeline filter the scene asks for: the same filter the map uses,
    /// so "is this highlighted feature on the map" has one answer.
    pub fn filter(self) -> TimeFilter {
        match self {
            SceneTime::Date(day) => TimeFilter::as_of(day),
            SceneTime::Window { end, days } => TimeFilter::window(end, days),
        }
    }
}

/// Where the map looks for a scene. Degrees, longitude first.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Camera {
    /// A centre and a walkers zoom level within
    /// [`crate::view::MIN_ZOOM`]..=[`crate::view::MAX_ZOOM`].
    Center { lon: f64, lat: f64, zoom: f64 },
    /// `[west, south, east, north]`, fitted to whatever window the map has;
    /// the better choice when the presentation screen's size is unknown.
    BBox(LonLatBox),
}
