//! Overlay speed, with layers generated in code: building the shapes of
//! 100,000 points in view (budget 8 ms a frame) and hit-testing the pointer
//! over 1,000,000 points spread over the Americas (budget 0.1 ms); and with
//! real polygon files (Natural Earth lakes of North America, world
//! countries) at the whole-Americas view: a frame after the first (budget
//! 4 ms) and the first frame after a zoom change (budget 30 ms). And
//! grouping: 1,000,000 dated points all in view at the whole-Americas view,
//! grouped into clusters for the day (budget 8 ms of CPU for the frame).

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use egui::{Color32, Rect, pos2, vec2};
use geo::{Geometry, Point};
use sitmap::layers::{Feature, Layer, TimeExtent, load_path, load_str};
use sitmap::overlay::group_cache::GroupCache;
use sitmap::overlay::style::SYMBOL_SIZE;
use sitmap::overlay::{
    DrawOptions, LayerDraw, OverlayCache, SymbolSheet, SymbolSprites, build_shapes,
    build_shapes_grouped, group_points, group_points_cached, hit_test,
};
use sitmap::settings::Grouping;
use sitmap::timeline::{Day, TimeFilter};
use std::hint::black_box;
use std::sync::Arc;
use walkers::{MapMemory, MercatorProjection, Position, Projector, lon_lat};

const KINDS: [&str; 8] = [
    "destroyer",
    "drone",
    "airfield",
    "troops",
    "boat_strike",
    "cartel",
    "statement",
    "rally",
];

/// One feature per kind through the real loader; the layers clone them at
/// generated positions, which is much faster than loading a million.
fn prototypes() -> Vec<Feature> {
    let features: Vec<String> = KINDS
        .iter()
        .map(|kind| {
            format!(
                r#"{{"type": "Feature", "geometry": {{"type": "Point", "coordinates": [0, 0]}},
                "properties": {{"kind": "{kind}", "start": "2025-09-02",
                "sources": [{{"url": "https://example.org/report"}}]}}}}"#
            )
        })
        .collect();
    let text = format!(
        r#"{{"type": "FeatureCollection", "features": [{}]}}"#,
        features.join(",")
    );
    load_str(&text, "bench.geojson")
        .layer
        .map(|l| l.features().to_vec())
        .unwrap_or_default()
}

/// `count` points uniformly in `[west, east] × [south, north]`, fixed seed.
fn layer(count: usize, southwest: (f64, f64), northeast: (f64, f64)) -> Layer {
    dated_layer(count, southwest, northeast, false)
}

/// As [`layer`]; when `dated`, each point is an event on one day of 2025.
fn dated_layer(
    count: usize,
    (west, south): (f64, f64),
    (east, north): (f64, f64),
    dated: bool,
) -> Layer {
    let prototypes = prototypes();
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    let mut random = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed >> 11) as f64 / (1u64 << 53) as f64
    };
    let features = (0..count)
        .filter_map(|i| {
            let mut feature = prototypes.get(i % prototypes.len())?.clone();
            let point = Point::new(
                west + (east - west) * random(),
                south + (north - south) * random(),
            );
            feature.index_in_file = i;
            feature.set_geometry(Geometry::Point(point));
            if dated {
                let start_secs = JAN_1_2025 + (i as i64 % 365) * 86_400;
                feature.extent = TimeExtent::Instant {
                    start_secs,
                    end_secs: start_secs + 86_399,
                };
            }
            Some(feature)
        })
        .collect();
    Layer::new("bench".into(), "bench.geojson".into(), None, None, features)
}

/// The south-west and north-east corners (lon, lat) of the 1600×1000 view,
/// 10 px in, so generated points all land on screen.
fn in_view(projector: &Projector) -> ((f64, f64), (f64, f64)) {
    let corner = |x: f32, y: f32| {
        let p = projector.unproject(vec2(x, y));
        (p.x(), p.y())
    };
    let (west_north, east_south) = (corner(10.0, 10.0), corner(1590.0, 990.0));
    ((west_north.0, east_south.1), (east_south.0, west_north.1))
}

fn memory(zoom: f64, centre: Position) -> MapMemory {
    let mut memory = MapMemory::default();
    memory.set_zoom(zoom).ok();
    memory.center_at(centre);
    memory
}

fn all(_: usize) -> bool {
    true
}

fn draw(layer: &Layer) -> LayerDraw<'_> {
    LayerDraw {
        layer,
        colour: Color32::from_rgb(0xD0, 0x40, 0x30),
        opacity: 0.9,
        shown: &all,
        shown_shared: None,
        emphasis: None,
    }
}

fn shapes(c: &mut Criterion) {
    let view = Rect::from_min_size(pos2(0.0, 0.0), vec2(1600.0, 1000.0));
    let centre = lon_lat(-66.9, 15.0);
    let memory = memory(6.0, centre);
    let projector = Projector::new(view, &MercatorProjection, &memory, centre);
    let (southwest, northeast) = in_view(&projector);
    // As the plugin draws: symbols as sprites (the texture id is never
    // looked up here); and the tessellated fallback for comparison.
    let sprites = SymbolSprites {
        texture: egui::TextureId::User(1),
        sheet: Arc::new(SymbolSheet::new(SYMBOL_SIZE, 1.0)),
    };
    let vector = DrawOptions::new(1.0, false);
    let sprite = DrawOptions {
        sprites: Some(sprites),
        ..vector.clone()
    };
    for count in [10_000, 100_000] {
        let layer = layer(count, southwest, northeast);
        let layers = [draw(&layer)];
        let mut cache = OverlayCache::default();
        for (name, options) in [("sprites", &sprite), ("tessellated", &vector)] {
            c.bench_function(
                &format!("build_shapes {count} points in view, {name}"),
                |b| b.iter(|| black_box(build_shapes(&layers, &projector, options, &mut cache))),
            );
        }
        // What the app adds: a timeline filter reading each feature's dates.
        let day = 1_756_800_000;
        let on_the_day = |i: usize| {
            layer
                .features()
                .get(i)
                .is_some_and(|f| f.extent.covers(day))
        };
        let filtered = [LayerDraw {
            shown: &on_the_day,
            shown_shared: None,
            emphasis: None,
            ..draw(&layer)
        }];
        c.bench_function(
            &format!("build_shapes {count} points in view, sprites, timeline filter"),
            |b| b.iter(|| black_box(build_shapes(&filtered, &projector, &sprite, &mut cache))),
        );
    }
}

const JAN_1_2025: i64 = 1_735_689_600;

/// A frame while the timeline handle is dragged over 100,000 dated points in
/// view (budget: under 16 ms of CPU a frame): the time filter for the new day,
/// then the shapes, with older events faded and the day's new ones pulsing, as
/// the app does it.
fn dragging(c: &mut Criterion) {
    let view = Rect::from_min_size(pos2(0.0, 0.0), vec2(1600.0, 1000.0));
    let centre = lon_lat(-66.9, 15.0);
    let memory = memory(6.0, centre);
    let projector = Projector::new(view, &MercatorProjection, &memory, centre);
    let (southwest, northeast) = in_view(&projector);
    let layer = dated_layer(100_000, southwest, northeast, true);
    let time = layer.time();
    let options = DrawOptions {
        sprites: Some(SymbolSprites {
            texture: egui::TextureId::User(1),
            sheet: Arc::new(SymbolSheet::new(SYMBOL_SIZE, 1.0)),
        }),
        ..DrawOptions::new(1.0, false)
    };
    let mut cache = OverlayCache::default();
    let first = Day::containing(JAN_1_2025);
    let mut step = 0i64;
    c.bench_function("frame while dragging the timeline, 100,000 points", |b| {
        b.iter(|| {
            step = (step + 1) % 365;
            let day = first + step;
            let visible = time.visible(&TimeFilter::as_of(day));
            let shown = |i: usize| visible.is_shown(i);
            let emphasis = |i: usize| sitmap::app::emphasis(&visible, &layer, i, Some((day, 0.3)));
            let layers = [LayerDraw {
                shown: &shown,
                shown_shared: None,
                emphasis: Some(&emphasis),
                ..draw(&layer)
            }];
            black_box(build_shapes(&layers, &projector, &options, &mut cache))
        })
    });
}

fn hits(c: &mut Criterion) {
    let layer = layer(1_000_000, (-170.0, -56.0), (-30.0, 72.0));
    let layers = [draw(&layer)];
    let view = Rect::from_min_size(pos2(0.0, 0.0), vec2(1600.0, 1000.0));
    let centre = lon_lat(-80.0, 10.0);
    // Zoom 3 is the whole-Americas view; zoom 6 a country.
    for zoom in [3.0, 6.0] {
        let memory = memory(zoom, centre);
        let projector = Projector::new(view, &MercatorProjection, &memory, centre);
        let pointer = pos2(803.0, 497.0);
        c.bench_function(&format!("hit_test 1,000,000 points at zoom {zoom}"), |b| {
            b.iter(|| black_box(hit_test(&layers, &projector, black_box(pointer))))
        });
    }
}

/// Polygon files at the whole-Americas view (zoom 3, 1600×1000): a steady
/// frame, and the first frame at zoom 3 after frames at zoom 2, which
/// re-simplifies and re-tessellates every polygon in view for the new zoom
/// band. Measured with no time budget (all of it in that frame); the app
/// spends at most 10 ms of a frame on it and shows the previous band's
/// tessellation for the rest.
fn world(c: &mut Criterion) {
    let view = Rect::from_min_size(pos2(0.0, 0.0), vec2(1600.0, 1000.0));
    let centre = lon_lat(-80.0, 10.0);
    let options = DrawOptions::new(1.0, false);
    for (name, file) in [
        ("lakes", "ne_10m_lakes_north_america.geojson"),
        ("countries", "ne_110m_countries.geojson"),
    ] {
        let path = format!("{}/tests/fixtures/world/{file}", env!("CARGO_MANIFEST_DIR"));
        let Some(layer) = load_path(&path).layer else {
            eprintln!("{path} did not load");
            continue;
        };
        let layers = [draw(&layer)];
        let americas = memory(3.0, centre);
        let projector = Projector::new(view, &MercatorProjection, &americas, centre);
        let mut cache = OverlayCache::default();
        build_shapes(&layers, &projector, &options, &mut cache);
        c.bench_function(
            &format!("{name} at the whole-Americas view, a frame after the first"),
            |b| b.iter(|| black_box(build_shapes(&layers, &projector, &options, &mut cache))),
        );
        let out = memory(2.0, centre);
        let before = Projector::new(view, &MercatorProjection, &out, centre);
        c.bench_function(
            &format!("{name} at the whole-Americas view, first frame after a zoom change"),
            |b| {
                b.iter_batched(
                    || {
                        let mut cache = OverlayCache::default();
                        build_shapes(&layers, &before, &options, &mut cache);
                        cache
                    },
                    // The cache is returned so that it is dropped untimed.
                    |mut cache| {
                        let shapes = build_shapes(&layers, &projector, &options, &mut cache);
                        (cache, black_box(shapes))
                    },
                    BatchSize::PerIteration,
                )
            },
        );
    }
}

/// The whole-Americas view with 1,000,000 dated points over it, on a day
/// that shows about half of them: grouping alone, then the whole frame's
/// shapes (grouping and drawing), as the plugin does it.
fn grouping(c: &mut Criterion) {
    let (width, height) = (1600.0, 1000.0);
    let view = Rect::from_min_size(pos2(0.0, 0.0), vec2(width, height));
    let (centre, zoom) = sitmap::view::fit(sitmap::view::AMERICAS.bbox, width, height);
    let memory = memory(zoom, centre);
    let projector = Projector::new(view, &MercatorProjection, &memory, centre);
    let (southwest, northeast) = in_view(&projector);
    let layer = dated_layer(1_000_000, southwest, northeast, true);
    let visible = layer
        .time()
        .visible(&TimeFilter::as_of(Day::containing(JAN_1_2025) + 182));
    let shown = |i: usize| visible.is_shown(i);
    let layers = [LayerDraw {
        shown: &shown,
        shown_shared: None,
        ..draw(&layer)
    }];
    let options = DrawOptions {
        sprites: Some(SymbolSprites {
            texture: egui::TextureId::User(1),
            sheet: Arc::new(SymbolSheet::new(SYMBOL_SIZE, 1.0)),
        }),
        grouping: Grouping::Clusters,
        ..DrawOptions::new(1.0, false)
    };
    let mut group = c.benchmark_group("grouping");
    group.sample_size(20);
    group.bench_function(
        "group_points 1,000,000 points at the whole-Americas view",
        |b| b.iter(|| black_box(group_points(&layers, &projector, &options))),
    );
    let mut cache = OverlayCache::default();
    group.bench_function(
        "a frame of 1,000,000 points at the whole-Americas view, grouped",
        |b| {
            b.iter(|| {
                let groups = group_points(&layers, &projector, &options);
                black_box(build_shapes_grouped(
                    &layers, &projector, &options, &mut cache, &groups,
                ))
            })
        },
    );
    // What the window does (src/overlay/group_cache.rs): a new zoom or day
    // groups a region round the view once; later frames, panning included,
    // move the kept clusters.
    group.bench_function(
        "group once for a new zoom or day, 1,000,000 points at the whole-Americas view",
        |b| {
            b.iter(|| {
                let mut groups = GroupCache::default();
                black_box(group_points_cached(
                    &layers,
                    &projector,
                    &options,
                    &mut groups,
                    1,
                ))
            })
        },
    );
    let mut groups = GroupCache::default();
    group_points_cached(&layers, &projector, &options, &mut groups, 1);
    let mut cache = OverlayCache::default();
    group.bench_function(
        "a frame of 1,000,000 points at the whole-Americas view, clusters kept",
        |b| {
            b.iter(|| {
                let kept = group_points_cached(&layers, &projector, &options, &mut groups, 1);
                black_box(build_shapes_grouped(
                    &layers, &projector, &options, &mut cache, &kept,
                ))
            })
        },
    );
    group.finish();
}

criterion_group!(benches, shapes, dragging, hits, world, grouping);
criterion_main!(benches);
