//! A big FlatGeobuf file in the window: it opens as its index, the view's
//! features come from a thread while frames go on, a pan reads the new
//! box, and the layer panel says when the view holds a sample. The file
//! is small and the threshold lowered, so the test takes seconds.

use crate::common;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use flatgeobuf::{ColumnType, FgbWriter, GeometryType};
use geozero::{ColumnValue, PropertyProcessor};
use sitmap::app::StartOptions;
use sitmap::view::LonLatBox;
use sitmap::view_feed::{Threshold, wanted};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// `count` dated points scattered over the Americas, with the index.
fn scatter(dir: &Path, count: usize) -> PathBuf {
    let mut writer = FgbWriter::create("events", GeometryType::Point).unwrap();
    writer.add_column("title", ColumnType::String, |_, _| {});
    writer.add_column("start", ColumnType::String, |_, _| {});
    let mut seed: u64 = 0x5eed;
    let mut next = || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 11) as f64 / (1u64 << 53) as f64
    };
    for i in 0..count {
        let (lon, lat) = (-120.0 + next() * 90.0, -55.0 + next() * 115.0);
        let title = format!("Event {i}");
        let start = format!("2025-{:02}-{:02}", 1 + i % 12, 1 + i % 28);
        writer
            .add_feature_geom(geo::Geometry::Point(geo::point!(x: lon, y: lat)), |out| {
                out.property(0, "title", &ColumnValue::String(&title)).ok();
                out.property(1, "start", &ColumnValue::String(&start)).ok();
            })
            .unwrap();
    }
    let path = dir.join("events.fgb");
    writer
        .write(std::io::BufWriter::new(
            std::fs::File::create(&path).unwrap(),
        ))
        .unwrap();
    path
}

#[derive(Debug)]
struct DroppedPath(PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// Steps until the layers are idle and the map has stopped moving (the
/// layer panel widens as its text arrives, narrowing the map).
fn settle(harness: &mut Harness<'static, common::Window>) {
    for _ in 0..3 {
        common::settle(harness, 1);
    }
}

fn view_box(harness: &Harness<'static, common::Window>) -> LonLatBox {
    let app = harness.state();
    let size = app.map_rect().unwrap().size();
    sitmap::view::visible_bbox(app.state.center(), app.zoom(), size.x, size.y)
}

/// Features of the whole file whose points meet `area`: the oracle, by a
/// whole read of the small file.
fn in_box(path: &Path, area: LonLatBox) -> usize {
    let whole = sitmap::layers::load_path(path).layer.unwrap();
    whole
        .features()
        .iter()
        .filter(|f| {
            let p = f.bbox().min();
            (area.west..=area.east).contains(&p.x) && (area.south..=area.north).contains(&p.y)
        })
        .count()
}

#[test]
fn a_big_flatgeobuf_opens_by_view_and_a_pan_reads_the_new_box() {
    let dir = tempfile::tempdir().unwrap();
    let path = scatter(dir.path(), 20_000);
    let mut harness = common::start(StartOptions::default(), [1400.0, 900.0]);
    common::settle(&mut harness, 0);
    harness.state_mut().set_view_threshold(Threshold {
        features: 1_000,
        bytes: u64::MAX,
        cap: 2_000,
    });
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(DroppedPath(path.clone())));
    // The frames go on while the file opens and its view is read: a frame
    // shows the layer with nothing read yet.
    let mut saw_reading = false;
    common::step_until(&mut harness, Duration::from_secs(20), |h| {
        let layers = &h.state().workspace().layers;
        if let Some(open) = layers.first()
            && open
                .view
                .as_ref()
                .is_some_and(|v| v.reading && v.in_view.is_none())
        {
            assert!(open.layer.features().is_empty());
            saw_reading = true;
        }
        saw_reading
    });
    assert!(saw_reading, "no frame showed the view being read");
    settle(&mut harness);
    // The whole Americas hold most of the 20,000: a sample of at most the
    // cap, and the panel says so.
    let open = &harness.state().workspace().layers[0];
    let status = open.view.clone().unwrap();
    assert_eq!(status.in_file, 20_000);
    let area = status.area.unwrap();
    assert_eq!(area, wanted(view_box(&harness)));
    assert_eq!(status.in_view, Some(in_box(&path, area) as u64));
    assert!(status.stride > 1);
    assert!(open.layer.features().len() <= 2_000);
    harness.get_by_label_contains("of 20,000 in view: zoom in");
    // The timeline works on what was read.
    assert!(harness.state().timeline().is_some());
    // Pan and zoom in to Hispaniola: the new box's features, all of them.
    harness
        .state_mut()
        .state
        .memory
        .center_at(walkers::lon_lat(-71.0, 19.0));
    harness.state_mut().state.memory.set_zoom(7.0).unwrap();
    settle(&mut harness);
    let open = &harness.state().workspace().layers[0];
    let status = open.view.clone().unwrap();
    // The box read holds the view (a box read before and holding every
    // feature of a wider one is kept).
    let area = status.area.unwrap();
    let view = view_box(&harness);
    assert!(
        area.west <= view.west && area.east >= view.east,
        "{area:?} {view:?}"
    );
    assert!(
        area.south <= view.south && area.north >= view.north,
        "{area:?} {view:?}"
    );
    let expected = in_box(&path, area);
    assert!(expected > 0);
    assert_eq!(status.in_view, Some(expected as u64));
    assert_eq!(status.stride, 1);
    assert_eq!(open.layer.features().len(), expected);
    for feature in open.layer.features() {
        let p = feature.bbox().min();
        assert!(
            (area.west..=area.east).contains(&p.x),
            "{p:?} outside {area:?}"
        );
    }
    harness.get_by_label_contains(&format!("{expected} in view of 20,000"));
}

#[test]
fn a_truncated_big_flatgeobuf_names_the_file_and_what_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let path = scatter(dir.path(), 5_000);
    let bytes = std::fs::read(&path).unwrap();
    // Cut inside the index (5,000 × 40 bytes after a header of a few
    // hundred).
    std::fs::write(&path, &bytes[..100_000]).unwrap();
    let mut harness = common::start(StartOptions::default(), [1400.0, 900.0]);
    harness.state_mut().set_view_threshold(Threshold {
        features: 1_000,
        bytes: 50_000,
        cap: 2_000,
    });
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(DroppedPath(path.clone())));
    harness.step();
    common::settle(&mut harness, 0);
    let failed = &harness.state().workspace().failed;
    assert_eq!(failed.len(), 1);
    assert!(failed[0].1.contains("events.fgb"), "{}", failed[0].1);
    assert!(failed[0].1.contains("truncated"), "{}", failed[0].1);
}

#[test]
fn a_selected_feature_stays_selected_when_the_view_is_read_again() {
    let dir = tempfile::tempdir().unwrap();
    let path = scatter(dir.path(), 20_000);
    let mut harness = common::start(StartOptions::default(), [1400.0, 900.0]);
    common::settle(&mut harness, 0);
    harness.state_mut().set_view_threshold(Threshold {
        features: 1_000,
        bytes: u64::MAX,
        // Every feature of the wider box is read again (a sample might
        // leave the selected one out: then the selection ends).
        cap: 50_000,
    });
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(DroppedPath(path.clone())));
    harness.step();
    harness
        .state_mut()
        .state
        .memory
        .center_at(walkers::lon_lat(-71.0, 19.0));
    harness.state_mut().state.memory.set_zoom(8.0).unwrap();
    settle(&mut harness);
    // A feature near the centre, clicked.
    let (title, lon, lat) = {
        let layer = &harness.state().workspace().layers[0].layer;
        let near = layer
            .features()
            .iter()
            .min_by(|a, b| {
                let d = |f: &sitmap::layers::Feature| {
                    let p = f.bbox().min();
                    (p.x + 71.0).powi(2) + (p.y - 19.0).powi(2)
                };
                d(a).total_cmp(&d(b))
            })
            .unwrap();
        let p = near.bbox().min();
        (near.title().map(str::to_owned), p.x, p.y)
    };
    common::click_map(&mut harness, lon, lat);
    let selected = harness.state().selected().expect("the click selects it");
    let title_of = |h: &Harness<'static, common::Window>,
                    s: sitmap::overlay::plugin::FeatureRef| {
        h.state().workspace().layers[s.layer].layer.features()[s.feature]
            .title()
            .map(str::to_owned)
    };
    assert_eq!(title_of(&harness, selected), title);
    let area_before = harness.state().workspace().layers[0]
        .view
        .as_ref()
        .unwrap()
        .area;
    // Zooming out reads a wider box: the layer's features are new, the
    // selection follows its feature.
    harness.state_mut().state.memory.set_zoom(6.0).unwrap();
    settle(&mut harness);
    let status = harness.state().workspace().layers[0].view.clone().unwrap();
    assert_ne!(status.area, area_before, "no new read");
    let selected = harness.state().selected().expect("still selected");
    assert_eq!(title_of(&harness, selected), title);
}
