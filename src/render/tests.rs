//! Tests of `render.rs`: planning, naming, parsing.

use super::*;
use clap::Parser;

#[derive(Debug, Parser)]
struct Cli {
    #[command(flatten)]
    args: RenderArgs,
}

fn args(line: &[&str]) -> RenderArgs {
    let mut all = vec!["render"];
    all.extend_from_slice(line);
    Cli::try_parse_from(all).unwrap().args
}

fn story(titles: &[&str]) -> Story {
    let text = serde_json::json!({
        "title": "Test",
        "scenes": titles.iter().map(|t| serde_json::json!({
            "title": t,
            "date": "2025-09-02",
            "camera": {"bbox": [-85.0, 5.0, -58.0, 28.0]},
        })).collect::<Vec<_>>(),
    });
    crate::scenes::load_story_str(&text.to_string(), "story.json")
        .unwrap()
        .0
}

fn usage(result: Result<Plan, RenderError>) -> String {
    match result {
        Err(RenderError::Usage(message)) => message,
        other => panic!("expected a usage error, got {other:?}"),
    }
}

#[test]
fn bboxes_parse_and_nonsense_is_named() {
    assert_eq!(
        parse_bbox("-85,5,-58,28"),
        Ok([-85.0, 5.0, -58.0, 28.0].into())
    );
    assert_eq!(
        parse_bbox(" -85.5, 5 ,-58,28.25"),
        Ok([-85.5, 5.0, -58.0, 28.25].into())
    );
    assert!(
        parse_bbox("-85,5,-58")
            .unwrap_err()
            .contains("four numbers")
    );
    assert!(parse_bbox("-85,5,-58,28,1").is_err());
    assert!(
        parse_bbox("-85,x,-58,28")
            .unwrap_err()
            .contains("south `x`")
    );
    assert!(parse_bbox("-58,5,-85,28").unwrap_err().contains("west"));
    assert!(parse_bbox("-85,28,-58,5").unwrap_err().contains("south"));
    assert!(parse_bbox("-185,5,-58,28").unwrap_err().contains("±180"));
    assert!(parse_bbox("-85,5,-58,86").unwrap_err().contains("±85"));
    assert!(parse_bbox("-85,5,-58,NaN").is_err());
}

#[test]
fn a_negative_bbox_is_not_taken_for_an_option() {
    let args = args(&["--bbox", "-85,5,-58,28", "--out", "a.png"]);
    assert_eq!(args.bbox, Some([-85.0, 5.0, -58.0, 28.0].into()));
}

#[test]
fn sizes_parse_in_pixels() {
    assert_eq!(parse_pixels("1920x1080"), Ok([1920, 1080]));
    assert_eq!(parse_pixels("640X400"), Ok([640, 400]));
    assert!(parse_pixels("10x10").is_err());
    assert!(parse_pixels("9000x1000").is_err());
    assert!(parse_pixels("1.5x2").is_err());
    assert_eq!(args(&["--out", "a.png"]).size, [1920, 1080]);
    assert_eq!(args(&["--out", "a.png"]).theme, RenderTheme::Light);
}

#[test]
fn slugs_are_plain_and_short() {
    assert_eq!(
        slug("Cartels declared terrorists"),
        "cartels-declared-terrorists"
    );
    assert_eq!(slug("'It's OK with me'"), "its-ok-with-me");
    assert_eq!(slug("Talk, yes; war, no"), "talk-yes-war-no");
    assert_eq!(slug("Onto land: Caracas"), "onto-land-caracas");
    assert_eq!(slug("Señal en Panamá"), "senal-en-panama");
    assert_eq!(slug("!!!"), "scene");
    let long = slug("The Cartel de los Soles as a foreign terrorist organisation, again");
    assert!(long.len() <= 48 && !long.ends_with('-'), "{long}");
}

#[test]
fn files_are_numbered_so_they_sort() {
    let names = scene_file_names(&story(&["One", "Two: the sequel"]));
    assert_eq!(names, ["01-one.png", "02-two-the-sequel.png"]);
    let titles: Vec<String> = (0..120).map(|i| format!("S{i}")).collect();
    let titles: Vec<&str> = titles.iter().map(String::as_str).collect();
    assert_eq!(scene_file_names(&story(&titles))[0], "001-s0.png");
    assert_eq!(
        frame_file_names(3),
        ["frame-0001.png", "frame-0002.png", "frame-0003.png"]
    );
    assert_eq!(frame_file_names(12_345).last().unwrap(), "frame-12345.png");
}

#[test]
fn a_date_range_is_one_frame_a_step_with_both_ends_when_they_fall() {
    let d = |t| Day::parse(t).unwrap();
    let days = range_days(d("2025-09-01"), d("2025-09-10"), 3).unwrap();
    let days: Vec<String> = days.iter().map(ToString::to_string).collect();
    assert_eq!(
        days,
        ["2025-09-01", "2025-09-04", "2025-09-07", "2025-09-10"]
    );
    assert_eq!(
        range_days(d("2025-09-01"), d("2025-09-01"), 7)
            .unwrap()
            .len(),
        1
    );
    assert!(range_days(d("2025-09-02"), d("2025-09-01"), 1).is_err());
    assert!(range_days(d("1900-01-01"), d("2100-01-01"), 1).is_err());
}

#[test]
fn plans_follow_the_four_forms() {
    let here = std::env::current_dir().unwrap();
    let files = vec![here.join("Cargo.toml")];
    let story = story(&["One", "Two"]);

    let scene = args(&["--story", "s.json", "--scene", "2", "--out", "slide.png"]);
    let plan = plan(&scene, Some(&story), files.clone()).unwrap();
    assert_eq!(plan.jobs.len(), 1);
    assert_eq!(plan.jobs[0].scene, Some(1));
    assert_eq!(plan.story, Some(PathBuf::from("s.json")));
    assert_eq!(plan.files, files);

    let every = args(&["--story", "s.json", "--out-dir", "out"]);
    let plan = super::plan(&every, Some(&story), files.clone()).unwrap();
    let outs: Vec<_> = plan.jobs.iter().map(|j| j.out.clone()).collect();
    assert_eq!(
        outs,
        [Path::new("out/01-one.png"), Path::new("out/02-two.png")]
    );
    assert_eq!(plan.out_dir, Some(PathBuf::from("out")));

    let view = args(&[
        "--date",
        "2025-11-17",
        "--bbox",
        "-85,5,-58,28",
        "--out",
        "m.png",
    ]);
    let plan = super::plan(&view, None, files.clone()).unwrap();
    assert_eq!(plan.jobs[0].bbox, Some([-85.0, 5.0, -58.0, 28.0].into()));
    assert_eq!(plan.jobs[0].date.unwrap().to_string(), "2025-11-17");

    let range = args(&[
        "--from",
        "2025-09-01",
        "--to",
        "2025-09-03",
        "--out-dir",
        "f",
    ]);
    let plan = super::plan(&range, None, files.clone()).unwrap();
    assert_eq!(plan.jobs.len(), 3);
    assert_eq!(plan.jobs[2].out, Path::new("f/frame-0003.png"));
    assert_eq!(plan.jobs[2].date.unwrap().to_string(), "2025-09-03");
}

#[test]
fn plans_say_what_is_missing() {
    let story = story(&["One", "Two"]);
    let no_scene = args(&["--story", "s.json", "--scene", "3", "--out", "a.png"]);
    let message = usage(plan(&no_scene, Some(&story), Vec::new()));
    assert!(
        message.contains("no scene 3") && message.contains("2 scenes"),
        "{message}"
    );
    let no_out = args(&["--story", "s.json", "--scene", "1"]);
    assert!(usage(plan(&no_out, Some(&story), Vec::new())).contains("--out"));
    let no_dir = args(&["--story", "s.json"]);
    assert!(usage(plan(&no_dir, Some(&story), Vec::new())).contains("--out-dir"));
    let range = args(&[
        "--from",
        "2025-09-01",
        "--to",
        "2025-09-03",
        "--out",
        "a.png",
    ]);
    assert!(usage(plan(&range, None, Vec::new())).contains("--out-dir"));
    let nothing = args(&[]);
    assert!(usage(plan(&nothing, None, Vec::new())).contains("--out"));
    let jpeg = args(&["--out", "a.jpg"]);
    assert!(usage(plan(&jpeg, None, Vec::new())).contains(".png"));
    let missing = args(&["--out", "a.png"]);
    let message = usage(plan(&missing, None, vec![PathBuf::from("gone.geojson")]));
    assert!(message.contains("gone.geojson"), "{message}");
}

#[test]
fn contradictory_options_are_refused_by_the_parser() {
    let parse = |line: &[&str]| {
        let mut all = vec!["render"];
        all.extend_from_slice(line);
        Cli::try_parse_from(all)
    };
    assert!(
        parse(&[
            "--story",
            "s.json",
            "--date",
            "2025-01-01",
            "--out",
            "a.png"
        ])
        .is_err()
    );
    assert!(parse(&["--scene", "1", "--out", "a.png"]).is_err());
    assert!(parse(&["--scene", "0", "--story", "s.json", "--out", "a.png"]).is_err());
    assert!(parse(&["--from", "2025-01-01", "--out-dir", "d"]).is_err());
    assert!(parse(&["--out", "a.png", "--out-dir", "d"]).is_err());
    assert!(
        parse(&[
            "--step-days",
            "0",
            "--from",
            "2025-01-01",
            "--to",
            "2025-01-02"
        ])
        .is_err()
    );
}
