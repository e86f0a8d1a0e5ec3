//! The story as sitmap uses it, checked: every date is a [`Day`], every
//! camera can be shown. Plain data with no UI state, so the presenter, the
//! loader and the saver share it and a load-save round trip is an equality.

use crate::i18n::Lang;
use crate::timeline::{Day, TimeFilter};
use crate::view::LonLatBox;
use std::collections::BTreeMap;

/// A presentation: scenes shown in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Story {
    pub title: String,
    pub scenes: Vec<Scene>,
    /// The language the plain `title`, `caption` and `notes` are written
    /// in (the file's `"language"`, a code such as "en"; English when the
    /// file does not say): the one shown where a translation is missing.
    pub language: String,
    /// The story's title in other languages, by code ("es", "pt-BR").
    pub title_translations: BTreeMap<String, String>,
}

/// A scene's words in one more language (the file's `"translations"`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SceneText {
    pub title: String,
    pub caption: String,
    pub notes: String,
}

impl Story {
    /// A story of `title` and `scenes` written in English, untranslated.
    pub fn new(title: String, scenes: Vec<Scene>) -> Self {
        Self {
            title,
            scenes,
            language: Lang::En.code().to_owned(),
            title_translations: BTreeMap::new(),
        }
    }

    /// The title in `lang`, else as written.
    pub fn title_in(&self, lang: Lang) -> &str {
        self.title_translations
            .get(lang.code())
            .filter(|t| !t.trim().is_empty())
            .unwrap_or(&self.title)
    }

    /// The scenes (numbered from 1) that have no text in `lang` and so are
    /// shown in the story's own language; none when `lang` is that language.
    pub fn untranslated(&self, lang: Lang) -> Vec<usize> {
        if lang.code().eq_ignore_ascii_case(&self.language) {
            return Vec::new();
        }
        self.scenes
            .iter()
            .enumerate()
            .filter(|(_, scene)| !scene.translations.contains_key(lang.code()))
            .map(|(index, _)| index + 1)
            .collect()
    }
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
    /// The title, caption and notes in other languages, by code.
    pub translations: BTreeMap<String, SceneText>,
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

impl Scene {
    /// `field` of the translation into `lang` when it has one that is not
    /// empty, else `plain` (the story's own language).
    fn in_lang<'a>(&'a self, lang: Lang, plain: &'a str, field: fn(&SceneText) -> &str) -> &'a str {
        self.translations
            .get(lang.code())
            .map(field)
            .filter(|text| !text.trim().is_empty())
            .unwrap_or(plain)
    }

    pub fn title_in(&self, lang: Lang) -> &str {
        self.in_lang(lang, &self.title, |t| &t.title)
    }

    pub fn caption_in(&self, lang: Lang) -> &str {
        self.in_lang(lang, &self.caption, |t| &t.caption)
    }

    pub fn notes_in(&self, lang: Lang) -> &str {
        self.in_lang(lang, &self.notes, |t| &t.notes)
    }

    /// The words an author edits in `lang`: the plain fields when `lang` is
    /// `story_language`, else that translation (as it stands; empty when
    /// there is none yet).
    pub fn text(&self, lang: Lang, story_language: &str) -> SceneText {
        if lang.code().eq_ignore_ascii_case(story_language) {
            return SceneText {
                title: self.title.clone(),
                caption: self.caption.clone(),
                notes: self.notes.clone(),
            };
        }
        self.translations
            .get(lang.code())
            .cloned()
            .unwrap_or_default()
    }

    /// Stores `text` as the words in `lang` (see [`Scene::text`]); an
    /// empty translation is dropped.
    pub fn set_text(&mut self, lang: Lang, story_language: &str, text: SceneText) {
        if lang.code().eq_ignore_ascii_case(story_language) {
            self.title = text.title;
            self.caption = text.caption;
            self.notes = text.notes;
        } else if text == SceneText::default() {
            self.translations.remove(lang.code());
        } else {
            self.translations.insert(lang.code().to_owned(), text);
        }
    }
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
