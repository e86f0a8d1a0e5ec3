use super::*;
use clap::Parser;

#[derive(Parser)]
struct Cli {
    #[command(flatten)]
    args: RenderArgs,
}

fn args(line: &[&str]) -> RenderArgs {
    let mut all = vec!["render"];
    all.extend_from_slice(line);
    Cli::try_parse_from(all).unwrap().args
}

fn story(dir: &std::path::Path, scenes: usize) -> PathBuf {
    let scene = r#"{"title": "S", "caption": "", "date": "2025-09-02", "camera": {"bbox": [-70, 5, -60, 15]}}"#;
    let list = vec![scene; scenes].join(",");
    let path = dir.join("story.json");
    std::fs::write(&path, format!(r#"{{"title": "T", "scenes": [{list}]}}"#)).unwrap();
    path
}

#[test]
fn a_story_video_holds_the_first_scene_then_moves_and_holds_each_next() {
    let dir = tempfile::tempdir().unwrap();
    let story = story(dir.path(), 3);
    let out = dir.path().join("v.gif");
    let plan = plan_video(&args(&[
        "--story",
        story.to_str().unwrap(),
        "--video",
        out.to_str().unwrap(),
        "--fps",
        "10",
        "--hold",
        "2",
    ]))
    .unwrap();
    // The 1.2 s move at 10 fps.
    let move_frames = 12;
    assert_eq!(
        plan.segments,
        vec![
            Segment::Scene {
                index: 0,
                frames: 20
            },
            Segment::Scene {
                index: 1,
                frames: move_frames + 20
            },
            Segment::Scene {
                index: 2,
                frames: move_frames + 20
            },
        ]
    );
    assert_eq!(plan.spec.fps, 10);
    assert!(!out.exists(), "planning leaves no file behind");
}

#[test]
fn a_date_range_video_shows_each_day_for_its_frames() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("v.mp4");
    let plan = plan_video(&args(&[
        "--from",
        "2025-09-01",
        "--to",
        "2025-09-03",
        "--frames-per-day",
        "4",
        "--video",
        out.to_str().unwrap(),
    ]))
    .unwrap();
    let days: Vec<_> = plan
        .segments
        .iter()
        .map(|s| match s {
            Segment::Day { day, frames } => (day.to_string(), *frames),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        days,
        vec![
            ("2025-09-01".to_string(), 4),
            ("2025-09-02".to_string(), 4),
            ("2025-09-03".to_string(), 4)
        ]
    );
    assert_eq!(plan.total_frames(), 12);
}

#[test]
fn an_unknown_extension_an_odd_mp4_size_and_nothing_to_show_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let range = ["--from", "2025-09-01", "--to", "2025-09-02"];
    let avi = dir.path().join("v.avi");
    let mut line = range.to_vec();
    line.extend(["--video", avi.to_str().unwrap()]);
    let error = plan_video(&args(&line)).unwrap_err();
    assert!(
        error.to_string().contains(".mp4 (H.264) or .gif"),
        "{error}"
    );
    assert_eq!(error.exit_code(), 2);

    let mp4 = dir.path().join("v.mp4");
    let mut line = range.to_vec();
    line.extend(["--video", mp4.to_str().unwrap(), "--size", "201x200"]);
    let error = plan_video(&args(&line)).unwrap_err();
    assert!(
        error.to_string().contains("even width and height"),
        "{error}"
    );

    let error = plan_video(&args(&["--video", mp4.to_str().unwrap()])).unwrap_err();
    assert!(error.to_string().contains("--story FILE"), "{error}");

    let unwritable = dir.path().join("no/such/folder/v.gif");
    let mut line = range.to_vec();
    line.extend(["--video", unwritable.to_str().unwrap()]);
    let error = plan_video(&args(&line)).unwrap_err();
    assert!(
        error.to_string().contains("cannot write the video"),
        "{error}"
    );
    assert_eq!(error.exit_code(), 2);
}
