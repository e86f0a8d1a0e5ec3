//! Bundles made and opened; newer, damaged and hostile ones refused whole,
//! with messages that say what is wrong, and nothing left behind.

use super::*;
use std::io::Write;
use std::path::Path;
use zip::write::SimpleFileOptions;

const STORY: &str = r#"{"title":"Two layers","scenes":[{"title":"One","date":"2025-09-02",
  "camera":{"bbox":[-80,10,-60,20]},"layers":["ships"]}]}"#;
const SHIPS: &str = r#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"a","start":"2025-09-02"},"geometry":{"type":"Point","coordinates":[-66,18]}}]}"#;
const AREAS: &str = r#"{"type":"FeatureCollection","features":[]}"#;

/// A folder with the two layers, and a bundle of them with the story.
fn made(dir: &Path) -> PathBuf {
    std::fs::write(dir.join("ships.geojson"), SHIPS).unwrap();
    std::fs::create_dir_all(dir.join("other")).unwrap();
    std::fs::write(dir.join("other/areas.geojson"), AREAS).unwrap();
    let out = dir.join("story.sitmap");
    let layers = [dir.join("other/areas.geojson"), dir.join("ships.geojson")];
    write_bundle(STORY, &layers, &out).unwrap();
    out
}

/// Everything under `root`, to show nothing was left behind.
fn entries(root: &Path) -> Vec<String> {
    match std::fs::read_dir(root) {
        Ok(entries) => entries
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect(),
        Err(_) => Vec::new(),
    }
}

/// A zip of `members` as they are, for bundles sitmap would never write.
fn zip_of(path: &Path, members: &[(&str, &[u8])]) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    for (name, bytes) in members {
        zip.start_file(*name, SimpleFileOptions::default()).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
}

fn manifest_for(members: &[(&str, &[u8])], format: u32) -> String {
    let files: Vec<_> = members
        .iter()
        .map(|(name, bytes)| {
            serde_json::json!({"name": name, "size": bytes.len(),
                "crc32": format!("{:08x}", crc32fast::hash(bytes))})
        })
        .collect();
    let layers: Vec<&str> = members
        .iter()
        .map(|(n, _)| *n)
        .filter(|n| n.starts_with("layers/"))
        .collect();
    serde_json::json!({"format": format, "story": "story.json", "layers": layers, "files": files})
        .to_string()
}

#[test]
fn a_bundle_opens_to_its_story_and_layers_in_drawing_order() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = made(dir.path());
    let cache = dir.path().join("cache");
    let opened = open_bundle(&bundle, &cache).unwrap();
    assert_eq!(std::fs::read_to_string(&opened.story).unwrap(), STORY);
    let names: Vec<_> = opened
        .layers
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["areas.geojson", "ships.geojson"]);
    assert_eq!(std::fs::read_to_string(&opened.layers[1]).unwrap(), SHIPS);
    assert!(crate::scenes::load_story(&opened.story).is_ok());
    let layer = crate::layers::load_path(&opened.layers[1]).layer.unwrap();
    assert_eq!(layer.features().len(), 1);
    assert_eq!(opened.manifest.format, FORMAT_VERSION);
    // Opening it again reuses the folder; nothing else appears.
    let again = open_bundle(&bundle, &cache).unwrap();
    assert_eq!(again, opened);
    assert_eq!(entries(&cache).len(), 1, "{:?}", entries(&cache));
}

#[test]
fn a_bundle_from_a_newer_sitmap_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.sitmap");
    let members: [(&str, &[u8]); 1] = [("story.json", STORY.as_bytes())];
    let manifest = manifest_for(&members, 3);
    zip_of(&path, &[("manifest.json", manifest.as_bytes()), members[0]]);
    let error = open_bundle(&path, &dir.path().join("cache")).unwrap_err();
    let text = error.to_string();
    assert!(
        text.contains("made by a newer sitmap: format 3, this sitmap reads up to 1"),
        "{text}"
    );
    assert!(text.contains("new.sitmap"), "{text}");
    assert!(entries(&dir.path().join("cache")).is_empty());
}

#[test]
fn a_truncated_bundle_is_damaged_and_opens_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let bundle = made(dir.path());
    let bytes = std::fs::read(&bundle).unwrap();
    let cut = dir.path().join("cut.sitmap");
    std::fs::write(&cut, &bytes[..bytes.len() * 2 / 3]).unwrap();
    let cache = dir.path().join("cache");
    let text = open_bundle(&cut, &cache).unwrap_err().to_string();
    assert!(text.contains("cut.sitmap: the bundle is damaged"), "{text}");
    assert!(text.contains("nothing was opened"), "{text}");
    assert!(entries(&cache).is_empty(), "{:?}", entries(&cache));
}

/// A bundle in `dir` whose manifest lists `layers/ships.geojson`, which
/// the archive lacks.
fn missing_member_bundle(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("missing.sitmap");
    let members: [(&str, &[u8]); 2] = [
        ("story.json", STORY.as_bytes()),
        ("layers/ships.geojson", SHIPS.as_bytes()),
    ];
    let manifest = manifest_for(&members, 1);
    zip_of(&path, &[("manifest.json", manifest.as_bytes()), members[0]]);
    path
}

#[test]
fn a_member_the_manifest_lists_but_the_archive_lacks_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = missing_member_bundle(dir.path());
    let cache = dir.path().join("cache");
    let text = open_bundle(&path, &cache).unwrap_err().to_string();
    assert!(
        text.contains("layers/ships.geojson is listed in the manifest but missing"),
        "{text}"
    );
    assert!(entries(&cache).is_empty(), "{:?}", entries(&cache));
}

#[test]
fn what_is_damaged_is_worded_in_the_language_of_whoever_reads_it() {
    use crate::i18n::{Lang, tests::Speaking};
    let dir = tempfile::tempdir().unwrap();
    let path = missing_member_bundle(dir.path());
    let error = open_bundle(&path, &dir.path().join("cache")).unwrap_err();
    let in_lang = |lang| {
        let _speaking = Speaking::new(lang);
        error.to_string()
    };
    let spanish = in_lang(Lang::Es);
    assert!(
        spanish.contains(
            "missing.sitmap: el paquete está dañado: layers/ships.geojson figura en el \
             manifiesto pero falta; no se abrió nada"
        ),
        "{spanish}"
    );
    let portuguese = in_lang(Lang::PtBr);
    assert!(
        portuguese.contains("layers/ships.geojson consta do manifesto mas falta"),
        "{portuguese}"
    );
    assert!(in_lang(Lang::En).contains("is listed in the manifest but missing"));
}

#[test]
fn a_member_changed_after_bundling_fails_its_checksum() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("changed.sitmap");
    let members: [(&str, &[u8]); 2] = [
        ("story.json", STORY.as_bytes()),
        ("layers/ships.geojson", SHIPS.as_bytes()),
    ];
    let manifest = manifest_for(&members, 1);
    let edited = SHIPS.replace("-66", "-67");
    zip_of(
        &path,
        &[
            ("manifest.json", manifest.as_bytes()),
            members[0],
            ("layers/ships.geojson", edited.as_bytes()),
        ],
    );
    let text = open_bundle(&path, &dir.path().join("cache"))
        .unwrap_err()
        .to_string();
    assert!(
        text.contains("layers/ships.geojson does not match the manifest"),
        "{text}"
    );
}

#[test]
fn a_bad_or_missing_manifest_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    let path = dir.path().join("bad.sitmap");
    zip_of(
        &path,
        &[
            ("manifest.json", b"{not json"),
            ("story.json", STORY.as_bytes()),
        ],
    );
    let text = open_bundle(&path, &cache).unwrap_err().to_string();
    assert!(text.contains("manifest.json is not JSON"), "{text}");
    zip_of(&path, &[("story.json", STORY.as_bytes())]);
    let text = open_bundle(&path, &cache).unwrap_err().to_string();
    assert!(text.contains("manifest.json is missing"), "{text}");
    let path = dir.path().join("plain.sitmap");
    std::fs::write(&path, SHIPS).unwrap();
    let text = open_bundle(&path, &cache).unwrap_err().to_string();
    assert!(text.contains("not a complete zip archive"), "{text}");
}

#[test]
fn member_names_that_climb_out_are_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache");
    for evil in [
        "../evil.geojson",
        "layers/../../evil.geojson",
        "/etc/evil",
        "layers\\..\\evil",
    ] {
        let path = dir.path().join("evil.sitmap");
        let members: [(&str, &[u8]); 2] = [("story.json", STORY.as_bytes()), (evil, b"x")];
        let manifest = manifest_for(&members, 1);
        zip_of(
            &path,
            &[
                ("manifest.json", manifest.as_bytes()),
                members[0],
                members[1],
            ],
        );
        let text = open_bundle(&path, &cache).unwrap_err().to_string();
        assert!(text.contains("refused"), "{evil}: {text}");
        assert!(!dir.path().join("evil.geojson").exists());
        assert!(entries(&cache).is_empty(), "{:?}", entries(&cache));
    }
}

#[test]
fn a_member_that_inflates_past_its_manifest_size_stops_there() {
    // 64 MiB of zeros deflate to about 64 KiB; the manifest claims 100 bytes.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bomb.sitmap");
    let zeros = vec![0u8; 64 << 20];
    let small: [(&str, &[u8]); 2] = [
        ("story.json", STORY.as_bytes()),
        ("layers/bomb.geojson", &zeros[..100]),
    ];
    let manifest = manifest_for(&small, 1);
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).unwrap());
    let deflated =
        SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in [
        ("manifest.json", manifest.as_bytes()),
        ("story.json", STORY.as_bytes()),
        ("layers/bomb.geojson", &zeros[..]),
    ] {
        zip.start_file(name, deflated).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
    drop(zeros);
    assert!(std::fs::metadata(&path).unwrap().len() < 1 << 20);
    let cache = dir.path().join("cache");
    let text = open_bundle(&path, &cache).unwrap_err().to_string();
    assert!(
        text.contains("layers/bomb.geojson unpacks to more than the 100 bytes"),
        "{text}"
    );
    assert!(entries(&cache).is_empty(), "{:?}", entries(&cache));
}

#[test]
fn layers_with_the_same_file_name_get_their_own_members() {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["a", "b"] {
        std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        std::fs::write(dir.path().join(sub).join("x.geojson"), SHIPS).unwrap();
    }
    let out = dir.path().join("two.sitmap");
    let manifest = write_bundle(
        STORY,
        &[
            dir.path().join("a/x.geojson"),
            dir.path().join("b/x.geojson"),
        ],
        &out,
    )
    .unwrap();
    assert_eq!(manifest.layers, ["layers/x.geojson", "layers/2-x.geojson"]);
    assert_eq!(
        open_bundle(&out, &dir.path().join("c"))
            .unwrap()
            .layers
            .len(),
        2
    );
}

#[test]
fn only_plain_member_names_are_safe() {
    assert!(is_safe_member_name("story.json"));
    assert!(is_safe_member_name("layers/deployments.geojson"));
    assert!(is_safe_member_name("layers/été 2025.kml"));
    for name in [
        "layers/",
        "layers/../x",
        "layers/a/b",
        "layers/.hidden",
        "../x",
        "/x",
        "x.geojson",
        "layers/a\\b",
        "layers/c:d",
    ] {
        assert!(!is_safe_member_name(name), "{name}");
    }
}

#[test]
fn the_shipped_story_bundles_its_four_layers_in_drawing_order() {
    let story = crate::story::story_file().unwrap();
    let layers = bundle_layers_for(&story);
    assert_eq!(layers, crate::story::story_files());
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("story.json"), STORY).unwrap();
    std::fs::write(dir.path().join("b.geojson"), SHIPS).unwrap();
    std::fs::write(dir.path().join("a.kml"), "<kml/>").unwrap();
    std::fs::write(dir.path().join("notes.txt"), "x").unwrap();
    let found = bundle_layers_for(&dir.path().join("story.json"));
    let names: Vec<_> = found
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["a.kml", "b.geojson"]);
}
