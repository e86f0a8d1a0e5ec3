//! Scenes: a presentation story told over the map, one scene after another.
//!
//! A story file (`geodata/story.json`, format in `geodata/README.md`, section
//! "Story file (scenes)") lists scenes; each sets the timeline (a day or a
//! window), the camera (a centre and zoom or a lon/lat box), which layers are
//! visible and which features are highlighted, with a short caption and
//! speaker notes. The story is plain data, loaded and checked here without any
//! UI, so the presenter panel only reads it and tests need no window.
//!
//! The file is checked in two steps: [`load_story`] rejects what makes a scene
//! unusable (a bad date, a camera that cannot be shown) with an error naming
//! the file and the scene; [`check_against`] then compares the story with the
//! layers actually open and only *warns* (an unknown layer name or feature id
//! leaves a scene usable, just less complete).

mod caption;
mod load;
mod model;
mod save;
#[cfg(test)]
mod translations_tests;

pub use caption::{Span, parse_caption, plain_text};
pub use load::{StoryError, Warning, check_against, layer_matches, load_story, load_story_str};
pub use model::{Camera, Scene, SceneCompare, SceneText, SceneTime, Story};
pub use save::{save_story, to_json, write_keeping_backup};
