use super::*;
use crate::layers::load_str;
use crate::scenes::{save_story, to_json};

const PATH: &str = "story.json";

/// A valid story of one scene, with `scene` merged over the scene's keys.
fn story_with(scene: Value) -> String {
    let mut base = serde_json::json!({
        "title": "Boat strikes",
        "caption": "The **first** strike.",
        "date": "2025-09-02",
        "camera": {"center": [-63.0, 11.5], "zoom": 6.0},
    });
    if let (Some(base), Some(scene)) = (base.as_object_mut(), scene.as_object()) {
        for (key, value) in scene {
            if value.is_null() {
                base.remove(key);
            } else {
                base.insert(key.clone(), value.clone());
            }
        }
    }
    serde_json::json!({"title": "Story", "scenes": [base]}).to_string()
}

fn error_of(text: &str) -> String {
    match load_story_str(text, PATH) {
        Ok(_) => panic!("loaded: {text}"),
        Err(e) => e.to_string(),
    }
}

fn scene_error(scene: Value) -> String {
    error_of(&story_with(scene))
}

fn sample_story() -> Story {
    let day = |s: &str| Day::parse(s).unwrap();
    Story::new(
        "Campaign \"2025\" – ünïcode".into(),
        vec![
            Scene {
                title: "First strike".into(),
                caption: "**Eleven** killed, per [AP](https://apnews.com).".into(),
                notes: "Pause here.\nSecond line.".into(),
                time: SceneTime::Date(day("2025-09-02")),
                camera: Camera::Center {
                    lon: -63.25,
                    lat: 11.4,
                    zoom: 6.5,
                },
                layers: Some(vec!["Strikes".into(), "deployments".into()]),
                highlight: vec!["strike-2025-09-02".into()],
                compare: None,
                translations: Default::default(),
                annotations: Vec::new(),
            },
            Scene {
                title: "Pacific".into(),
                caption: String::new(),
                notes: String::new(),
                time: SceneTime::Window {
                    end: day("2025-10-29"),
                    days: 9,
                },
                camera: Camera::BBox([-120.0, -8.0, -76.0, 22.0].into()),
                layers: None,
                highlight: Vec::new(),
                compare: None,
                translations: Default::default(),
                annotations: Vec::new(),
            },
            Scene {
                title: "No layers".into(),
                caption: String::new(),
                notes: String::new(),
                time: SceneTime::Date(day("2026-01-03")),
                camera: Camera::BBox([-80.0, -4.5, -59.5, 13.5].into()),
                layers: Some(Vec::new()),
                highlight: vec!["a".into(), "b".into()],
                compare: Some(super::super::SceneCompare {
                    from: day("2025-09-02"),
                    view: CompareView::Changes,
                }),
                translations: Default::default(),
                annotations: vec![
                    crate::annotations::from_value(&serde_json::json!(
                        {"kind": "arrow", "from": [-66.9, 10.5], "to": [-64.0, 11.0], "color": "#1e88e5"}
                    ))
                    .unwrap(),
                    crate::annotations::from_value(&serde_json::json!(
                        {"kind": "text", "at": [-66.9, 10.5], "text": "Caracas\nport", "width": 4.5}
                    ))
                    .unwrap(),
                    crate::annotations::from_value(&serde_json::json!(
                        {"kind": "stroke", "points": [[-70.0, 12.0], [-69.0, 12.5], [-68.0, 12.0]]}
                    ))
                    .unwrap(),
                ],
            },
        ],
    )
}

#[test]
fn a_saved_story_loads_back_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.json");
    let story = sample_story();
    save_story(&path, &story).unwrap();
    let (loaded, warnings) = load_story(&path).unwrap();
    assert_eq!(loaded, story);
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn saving_keeps_the_previous_file_as_bak_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.json");
    let mut story = sample_story();
    save_story(&path, &story).unwrap();
    assert!(!dir.path().join("story.json.bak").exists());
    let first = std::fs::read_to_string(&path).unwrap();

    story.title = "Second version".into();
    save_story(&path, &story).unwrap();
    assert_eq!(
        std::fs::read_to_string(dir.path().join("story.json.bak")).unwrap(),
        first
    );
    assert_eq!(load_story(&path).unwrap().0.title, "Second version");
    let mut names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["story.json", "story.json.bak"]);
}

#[test]
fn the_next_save_removes_temporary_files_an_interrupted_save_left() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.json");
    let stray = dir.path().join("story.json.tmp-4242");
    std::fs::write(&stray, "{\"title\": \"half").unwrap();
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&stray)
        .unwrap()
        .set_modified(old)
        .unwrap();
    // Another sitmap's save under way right now, and unrelated files.
    let fresh = dir.path().join("story.json.tmp-4343");
    std::fs::write(&fresh, "").unwrap();
    let other = dir.path().join("other.json.tmp-4242");
    std::fs::write(&other, "").unwrap();
    std::fs::File::options()
        .write(true)
        .open(&other)
        .unwrap()
        .set_modified(old)
        .unwrap();

    save_story(&path, &sample_story()).unwrap();
    assert!(!stray.exists(), "the stray temporary file is gone");
    assert!(fresh.exists() && other.exists());
}

#[test]
fn saving_into_a_missing_folder_fails_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("absent").join("story.json");
    assert!(save_story(&path, &sample_story()).is_err());
    assert!(!path.exists());
}

#[test]
fn the_saved_text_uses_the_documented_keys() {
    let text = to_json(&sample_story());
    for key in [
        r#""title""#,
        r#""scenes""#,
        r#""caption""#,
        r#""notes""#,
        r#""date": "2025-09-02""#,
        r#""window""#,
        r#""days": 9"#,
        r#""center""#,
        r#""zoom": 6.5"#,
        r#""bbox""#,
        r#""layers""#,
        r#""highlight""#,
    ] {
        assert!(text.contains(key), "{key} missing in {text}");
    }
    assert!(text.ends_with("}\n"));
}

#[test]
fn a_minimal_scene_loads_with_defaults() {
    let (story, warnings) = load_story_str(&story_with(serde_json::json!({})), PATH).unwrap();
    assert!(warnings.is_empty());
    let scene = &story.scenes[0];
    assert_eq!(scene.title, "Boat strikes");
    assert_eq!(scene.notes, "");
    assert_eq!(scene.layers, None);
    assert!(scene.highlight.is_empty());
    assert_eq!(scene.time.day().to_string(), "2025-09-02");
}

#[test]
fn text_that_is_not_json_names_line_and_column() {
    let message = error_of("{\n  \"title\": \"x\",\n  \"scenes\": [\n}");
    assert!(
        message.starts_with("story.json: not valid JSON at line 4, column 1: "),
        "{message}"
    );
}

#[test]
fn a_missing_file_is_a_read_error_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.json");
    let message = load_story(&path).unwrap_err().to_string();
    assert!(
        message.contains("story.json: cannot read the file"),
        "{message}"
    );
}

#[test]
fn a_story_without_title_or_scenes_is_an_error() {
    assert_eq!(
        error_of(r#"{"scenes": []}"#),
        r#"story.json: no "title"; the story needs one"#
    );
    assert_eq!(
        error_of(r#"{"title": "x"}"#),
        r#"story.json: no "scenes"; a story file is {"title": .., "scenes": [..]}"#
    );
    assert_eq!(
        error_of("[1, 2]"),
        r#"story.json: a story file is one JSON object, {"title": .., "scenes": [..]}"#
    );
}

#[test]
fn an_empty_scene_list_loads() {
    let (story, _) = load_story_str(r#"{"title": "x", "scenes": []}"#, PATH).unwrap();
    assert!(story.scenes.is_empty());
}

#[test]
fn a_geojson_file_opened_as_a_story_says_which_key_is_unknown() {
    let message = error_of(r#"{"type": "FeatureCollection", "features": []}"#);
    assert!(
        message.starts_with("story.json: unknown field `")
            && message.ends_with("expected one of `title`, `language`, `translations`, `scenes`"),
        "{message}"
    );
}

#[test]
fn a_scene_without_title_is_numbered_from_one() {
    assert_eq!(
        scene_error(serde_json::json!({"title": null})),
        r#"story.json: scene 1: no "title"; every scene needs one"#
    );
}

#[test]
fn a_scene_that_is_not_an_object_is_an_error() {
    assert_eq!(
        error_of(r#"{"title": "x", "scenes": ["first"]}"#),
        "story.json: scene 1: a scene must be a JSON object"
    );
}

#[test]
fn a_bad_date_names_the_scene_and_the_date() {
    assert_eq!(
        scene_error(serde_json::json!({"date": "2025-13-01"})),
        r#"story.json: scene 1 ("Boat strikes"): date "2025-13-01" is not a date; write YYYY-MM-DD, e.g. 2025-09-02"#
    );
    assert!(scene_error(serde_json::json!({"date": "2 Sept 2025"})).contains("is not a date"));
    assert!(scene_error(serde_json::json!({"date": 20250902})).contains("invalid type: integer"),);
}

#[test]
fn a_scene_needs_exactly_one_of_date_and_window() {
    assert!(
        scene_error(serde_json::json!({"date": null})).ends_with(
            r#"no "date" or "window"; give "date": "YYYY-MM-DD" or "window": {"end": "YYYY-MM-DD", "days": N}"#
        )
    );
    let both = serde_json::json!({"window": {"end": "2025-09-02", "days": 7}});
    assert!(scene_error(both).ends_with(r#"both "date" and "window"; give one of them"#));
}

#[test]
fn a_window_needs_a_real_end_and_at_least_one_day() {
    let zero = serde_json::json!({"date": null, "window": {"end": "2025-09-02", "days": 0}});
    assert!(scene_error(zero).ends_with(r#""window": "days" must be 1 or more"#));
    let bad_end = serde_json::json!({"date": null, "window": {"end": "2025-02-30", "days": 7}});
    assert!(
        scene_error(bad_end).ends_with(
            r#"window end "2025-02-30" is not a date; write YYYY-MM-DD, e.g. 2025-09-02"#
        )
    );
    let negative = serde_json::json!({"date": null, "window": {"end": "2025-09-02", "days": -3}});
    assert!(scene_error(negative).contains("invalid value: integer `-3`"));
}

#[test]
fn a_bad_camera_says_what_shapes_are_accepted() {
    let shapes = r#"give "camera": {"center": [lon, lat], "zoom": Z} or {"bbox": [west, south, east, north]}"#;
    assert!(
        scene_error(serde_json::json!({"camera": null}))
            .ends_with(&format!(r#"no "camera"; {shapes}"#))
    );
    assert!(
        scene_error(serde_json::json!({"camera": {}}))
            .ends_with(&format!("camera is empty; {shapes}"))
    );
    let both = serde_json::json!({"camera": {"center": [0, 0], "zoom": 3, "bbox": [0, 0, 1, 1]}});
    assert!(scene_error(both).contains(r#"both "center" and "bbox""#));
    let no_zoom = serde_json::json!({"camera": {"center": [-63, 11]}});
    assert!(scene_error(no_zoom).ends_with(r#"camera "center" needs a "zoom""#));
    let zoom_with_bbox = serde_json::json!({"camera": {"bbox": [0, 0, 1, 1], "zoom": 3}});
    assert!(scene_error(zoom_with_bbox).contains(r#""zoom" goes with "center""#));
    let short = serde_json::json!({"camera": {"center": [-63], "zoom": 3}});
    assert!(scene_error(short).contains("invalid length 1"));
    let typo = serde_json::json!({"camera": {"centre": [-63, 11], "zoom": 3}});
    assert!(scene_error(typo).contains("unknown field `centre`"));
}

#[test]
fn a_zoom_out_of_range_is_an_error() {
    for zoom in [0.5, 14.5, -1.0] {
        let message =
            scene_error(serde_json::json!({"camera": {"center": [-63, 11], "zoom": zoom}}));
        assert!(
            message.ends_with(&format!("camera zoom {zoom} is out of range; use 1 to 14")),
            "{message}"
        );
    }
}

#[test]
fn a_centre_with_latitude_first_is_out_of_range() {
    let message = scene_error(serde_json::json!({"camera": {"center": [11, -95], "zoom": 5}}));
    assert!(
        message.contains("camera center has longitude 11, latitude -95: out of range"),
        "{message}"
    );
}

#[test]
fn an_inverted_bbox_is_an_error() {
    for bbox in [
        [-59.0, 9.0, -88.0, 27.0],
        [-88.0, 27.0, -59.0, 9.0],
        [-88.0, 9.0, -88.0, 27.0],
    ] {
        let message = scene_error(serde_json::json!({"camera": {"bbox": bbox}}));
        assert!(
            message.contains("is inverted or empty; write [west, south, east, north]"),
            "{message}"
        );
    }
    let out = scene_error(serde_json::json!({"camera": {"bbox": [-300, 9, -200, 27]}}));
    assert!(out.contains("camera bbox has longitude -300"), "{out}");
}

#[test]
fn a_bbox_reaching_past_the_antimeridian_loads_cut_to_the_world_with_a_warning() {
    // What "+ Add from view" wrote from the opening view of a wide window.
    let bbox = [-206.97, -62.5, -0.63, 78.3];
    let text = story_with(serde_json::json!({"camera": {"bbox": bbox}}));
    let (story, warnings) = load_story_str(&text, PATH).unwrap();
    assert_eq!(
        story.scenes[0].camera,
        Camera::BBox([-180.0, -62.5, -0.63, 78.3].into())
    );
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0]
            .message
            .text()
            .contains("reaches past the world's edges"),
        "{}",
        warnings[0]
    );
}

#[test]
fn a_story_saved_with_a_byte_order_mark_loads() {
    let text = format!("\u{feff}{}", story_with(serde_json::json!({})));
    let (story, _) = load_story_str(&text, PATH).unwrap();
    assert_eq!(story.scenes[0].title, "Boat strikes");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.json");
    std::fs::write(&path, text.as_bytes()).unwrap();
    assert!(load_story(&path).is_ok());
}

#[test]
fn a_value_of_the_wrong_type_names_its_key() {
    let message = scene_error(serde_json::json!({"title": 5}));
    assert!(
        message.contains(r#""title": invalid type: integer `5`"#),
        "{message}"
    );
    let message = scene_error(serde_json::json!({"layers": "Strikes"}));
    assert!(message.contains(r#""layers": invalid type"#), "{message}");
    let message = scene_error(serde_json::json!({"camera": {"bbox": [1, 2, "3", 4]}}));
    assert!(message.contains(r#""camera": invalid type"#), "{message}");
    let message = error_of(r#"{"title": ["x"], "scenes": []}"#);
    assert!(
        message.contains(r#""title": invalid type: sequence"#),
        "{message}"
    );
}

#[test]
fn a_wrong_type_is_worded_in_the_language_naming_the_scene_and_field_with_serdes_words() {
    use crate::i18n::{Lang, tests::Speaking};
    let scene = serde_json::json!({"title": 5});
    let english = scene_error(scene.clone());
    for (lang, expected) in [
        (
            Lang::Es,
            r#"escena 1: el campo "title": tipo no válido: integer `5`; se esperaba a string"#,
        ),
        (
            Lang::PtBr,
            r#"cena 1: o campo "title": tipo inválido: integer `5`; esperava-se a string"#,
        ),
    ] {
        let _speaking = Speaking::new(lang);
        let message = scene_error(scene.clone());
        assert!(message.contains(expected), "{message}");
    }
    assert_eq!(scene_error(scene), english);
    assert!(
        english.contains(r#"scene 1: "title": invalid type: integer `5`, expected a string"#),
        "{english}"
    );
}

#[test]
fn a_misspelt_key_is_an_error_not_silently_ignored() {
    let message = scene_error(serde_json::json!({"hightlight": ["x"]}));
    assert!(
        message.starts_with(r#"story.json: scene 1 ("Boat strikes"): unknown field `hightlight`"#),
        "{message}"
    );
}

#[test]
fn a_later_scene_error_names_that_scene() {
    let text = r#"{"title": "x", "scenes": [
        {"title": "One", "date": "2025-09-02", "camera": {"bbox": [-88, 9, -59, 27]}},
        {"title": "Two", "date": "2025-09-31", "camera": {"bbox": [-88, 9, -59, 27]}}
    ]}"#;
    assert!(error_of(text).starts_with(r#"story.json: scene 2 ("Two"): date "2025-09-31""#));
}

#[test]
fn a_non_http_link_in_a_caption_is_a_warning_and_stays_text() {
    let text = story_with(
        serde_json::json!({"caption": "See [this](javascript:alert(1)) and [AP](https://apnews.com)."}),
    );
    let (story, warnings) = load_story_str(&text, PATH).unwrap();
    assert_eq!(
        warnings.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [
            r#"scene 1 ("Boat strikes"): caption link to "javascript:alert(1" is not an http or https address; it is shown as text"#
        ]
    );
    let spans = crate::scenes::parse_caption(&story.scenes[0].caption);
    assert!(spans.contains(&crate::scenes::Span::Text(
        "See [this](javascript:alert(1)) and ".into()
    )));
}

const LAYER: &str = r#"{"type": "FeatureCollection", "sitmap": {"name": "Strikes"}, "features": [
    {"type": "Feature", "properties": {"id": "s1", "start": "2025-09-02"},
     "geometry": {"type": "Point", "coordinates": [-63, 11]}},
    {"type": "Feature", "properties": {"id": "s2", "start": "2025-10-21"},
     "geometry": {"type": "Point", "coordinates": [-80, 4]}}
]}"#;

fn strikes_layer() -> Layer {
    load_str(LAYER, "geodata/strikes.geojson").layer.unwrap()
}

fn check(scene: Value) -> Vec<String> {
    let (story, _) = load_story_str(&story_with(scene), PATH).unwrap();
    let layer = strikes_layer();
    check_against(&story, &[&layer])
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn known_layers_and_ids_give_no_warnings() {
    let by_name = check(serde_json::json!({"layers": ["Strikes"], "highlight": ["s1"]}));
    assert!(by_name.is_empty(), "{by_name:?}");
    let by_stem = check(serde_json::json!({"layers": ["strikes"], "highlight": ["s1"]}));
    assert!(by_stem.is_empty(), "{by_stem:?}");
}

#[test]
fn an_unknown_layer_name_is_a_warning() {
    assert_eq!(
        check(serde_json::json!({"layers": ["Strikes", "Ships"]})),
        [r#"scene 1 ("Boat strikes"): no open layer is called "Ships""#]
    );
}

#[test]
fn an_unknown_highlight_id_is_a_warning() {
    assert_eq!(
        check(serde_json::json!({"highlight": ["s1", "s9"]})),
        [r#"scene 1 ("Boat strikes"): highlighted id "s9" is in none of the open layers"#]
    );
}

#[test]
fn a_highlight_in_a_hidden_layer_is_a_warning() {
    assert_eq!(
        check(serde_json::json!({"layers": [], "highlight": ["s1"]})),
        [
            r#"scene 1 ("Boat strikes"): highlighted id "s1" is in layer "Strikes", which this scene hides"#
        ]
    );
}

#[test]
fn a_highlight_not_yet_on_the_map_is_a_warning() {
    assert_eq!(
        check(serde_json::json!({"highlight": ["s2"]})),
        [r#"scene 1 ("Boat strikes"): highlighted id "s2" is not on the map at the scene's time"#]
    );
    let window = serde_json::json!({"date": null, "window": {"end": "2025-10-25", "days": 7}, "highlight": ["s1", "s2"]});
    assert_eq!(
        check(window),
        [r#"scene 1 ("Boat strikes"): highlighted id "s1" is not on the map at the scene's time"#]
    );
}

#[test]
fn a_scene_may_compare_its_date_with_an_earlier_one_split_by_default() {
    let text = story_with(serde_json::json!({"compare": {"from": "2025-08-01"}}));
    let (story, _) = load_story_str(&text, PATH).unwrap();
    assert_eq!(
        story.scenes[0].compare,
        Some(super::super::SceneCompare {
            from: Day::parse("2025-08-01").unwrap(),
            view: CompareView::Split,
        })
    );
    // A story without the key loads as before: no comparison.
    let (plain, _) = load_story_str(&story_with(serde_json::json!({})), PATH).unwrap();
    assert_eq!(plain.scenes[0].compare, None);
    assert!(
        !to_json(&plain).contains("compare"),
        "old stories are written as they were"
    );
}

#[test]
fn a_comparison_that_cannot_be_shown_is_an_error_naming_the_scene() {
    let error = scene_error(serde_json::json!({"compare": {"from": "2025-10-01"}}));
    assert_eq!(
        error,
        r#"story.json: scene 1 ("Boat strikes"): compare "from" 2025-10-01 must be before the scene's date 2025-09-02 (date A is the earlier one)"#
    );
    let error = scene_error(serde_json::json!({"compare": {"from": "2025-08-01", "view": "diff"}}));
    assert!(
        error.contains(r#"compare "view" "diff" is not a view; use "split" or "changes""#),
        "{error}"
    );
    let error = scene_error(serde_json::json!({"compare": {"form": "2025-08-01"}}));
    assert!(error.contains("unknown field `form`"), "{error}");
    let error = scene_error(serde_json::json!({"compare": {"from": "1 Aug"}}));
    assert!(
        error.contains(r#"compare "from" "1 Aug" is not a date"#),
        "{error}"
    );
}

#[test]
fn a_bad_annotation_is_named_by_scene_and_entry_and_skipped() {
    let text = story_with(serde_json::json!({"annotations": [
        {"kind": "arrow", "from": [-66.9, 10.5], "to": [-64.0, 11.0]},
        {"kind": "arrow", "from": [-66.9, 10.5]},
        {"kind": "text", "at": [-66.9, 10.5], "text": "Caracas"},
        {"kind": "balloon"},
    ]}));
    let (story, warnings) = load_story_str(&text, "story.json").unwrap();
    let kinds: Vec<_> = story.scenes[0]
        .annotations
        .iter()
        .map(|a| a.kind())
        .collect();
    assert_eq!(kinds, ["arrow", "text"]);
    let messages: Vec<String> = warnings.iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), 2, "{messages:?}");
    assert!(
        messages[0].starts_with(r#"scene 1 ("Boat strikes"): annotation 2: arrow: no "to""#),
        "{messages:?}"
    );
    assert!(messages[1].contains("annotation 4:"), "{messages:?}");
}

#[test]
fn a_story_without_annotations_saves_without_the_key() {
    let text = story_with(serde_json::json!({}));
    let (story, _) = load_story_str(&text, "story.json").unwrap();
    assert!(story.scenes[0].annotations.is_empty());
    assert!(!to_json(&story).contains("annotations"));
}

#[test]
fn story_errors_and_warnings_are_worded_in_the_readers_language() {
    use crate::i18n::{Lang, tests::Speaking};
    let bad_date = r#"{"title": "T", "scenes": [{"title": "Caracas", "date": "2025-13-01",
        "camera": {"center": [-66.9, 10.5], "zoom": 6}}]}"#;
    let error = load_story_str(bad_date, "story.json").unwrap_err();
    let wide = r#"{"title": "T", "scenes": [{"title": "A", "date": "2025-09-02",
        "camera": {"bbox": [-200, -10, -60, 20]}}]}"#;
    let (_, warnings) = load_story_str(wide, "story.json").unwrap();
    assert_eq!(
        error.to_string(),
        r#"story.json: scene 1 ("Caracas"): date "2025-13-01" is not a date; write YYYY-MM-DD, e.g. 2025-09-02"#
    );
    let _speaking = Speaking::new(Lang::Es);
    assert_eq!(
        error.to_string(),
        r#"story.json: escena 1 ("Caracas"): date "2025-13-01" no es una fecha; escribe AAAA-MM-DD, p. ej., 2025-09-02"#
    );
    assert!(
        warnings[0].to_string().starts_with(
            "escena 1 (\"A\"): el bbox [-200.0, -10.0, -60.0, 20.0] de camera se sale"
        ),
        "{}",
        warnings[0]
    );
    let not_object = load_story_str("[]", "s.json").unwrap_err();
    drop(_speaking);
    let _speaking = Speaking::new(Lang::PtBr);
    assert_eq!(
        not_object.to_string(),
        r#"s.json: um arquivo de história é um objeto JSON, {"title": .., "scenes": [..]}"#
    );
}
