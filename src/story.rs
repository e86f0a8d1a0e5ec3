//! The story sitmap opens on: the shipped layers under `geodata/`.

use std::path::PathBuf;

/// Bottom to top: areas first, then deployments, events and strikes on top.
pub const STORY_FILES: [&str; 4] = [
    "designated_groups.geojson",
    "deployments.geojson",
    "events.geojson",
    "strikes.geojson",
];

/// The story layers that exist: beside the current directory's `geodata/`
/// (an installed or copied layout) or in the source tree this binary was built
/// from, so `cargo run` opens them and edits to them reload live.
pub fn story_files() -> Vec<PathBuf> {
    let candidates = [
        PathBuf::from("geodata"),
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("geodata"),
    ];
    let Some(dir) = candidates
        .into_iter()
        .find(|dir| dir.join(STORY_FILES[0]).is_file())
    else {
        return Vec::new();
    };
    STORY_FILES.iter().map(|name| dir.join(name)).collect()
}

/// The shipped story (scenes) beside the story layers, when they are there.
pub fn story_file() -> Option<PathBuf> {
    let first = story_files().into_iter().next()?;
    let story = first.parent()?.join("story.json");
    story.is_file().then_some(story)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_story_files_are_found_in_the_source_tree() {
        let files = story_files();
        assert_eq!(files.len(), STORY_FILES.len());
        assert!(files.iter().all(|f| f.is_file()));
        assert!(story_file().is_some_and(|s| s.ends_with("geodata/story.json")));
    }
}
