//! The kept groupings checked against grouping afresh each frame, on layers
//! from the loader with positions chosen on screen.

use super::*;
use crate::overlay::cluster::group_layer;
use crate::overlay::tests::{VIEW, centre, draw, layer, memory, point, projector};
use crate::overlay::{DrawOptions, OverlayOutput, OverlayPlugin, group_points_cached};
use crate::settings::Grouping;
use egui::{pos2, vec2};
use walkers::{MapMemory, MercatorProjection, Projector};

fn grouped() -> DrawOptions {
    DrawOptions {
        grouping: Grouping::Clusters,
        ..DrawOptions::new(1.0, false)
    }
}

/// Piles of points and scattered ones, all well inside the view.
fn features(projector: &Projector) -> Vec<String> {
    let mut out = Vec::new();
    for (k, (x, y)) in [(200.0, 150.0), (520.0, 330.0), (300.0, 420.0)]
        .into_iter()
        .enumerate()
    {
        for j in 0..(6 + 7 * k) {
            let (dx, dy) = ((j % 4) as f32 * 3.0, (j / 4) as f32 * 3.0);
            out.push(point(projector, x + dx, y + dy, ""));
        }
    }
    for j in 0..12 {
        let x = 100.0 + 47.0 * j as f32;
        out.push(point(projector, x, 500.0 + 20.0 * (j % 5) as f32, ""));
    }
    out
}

/// Clusters in a comparable order, with positions rounded to 1/100 px.
fn sorted(groups: &LayerGroups) -> Vec<(usize, Vec<usize>, [i64; 2])> {
    let mut out: Vec<_> = groups
        .clusters
        .iter()
        .map(|c| {
            let at = [(c.centre.x * 100.0).round(), (c.centre.y * 100.0).round()];
            (c.count, c.first.clone(), at.map(|v| v as i64))
        })
        .collect();
    out.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    out
}

fn key(projector: &Projector, layer: &crate::layers::Layer, filter: u64) -> GroupKey {
    let points = layer.points();
    GroupKey {
        layer: (points.positions().as_ptr() as usize, points.len()),
        filter,
        zoom: projector.zoom().to_bits(),
        keep: Vec::new(),
    }
}

/// The same map moved by `(dx, dy)` screen points (its centre moved the other way).
fn panned(memory: &MapMemory, dx: f32, dy: f32) -> MapMemory {
    moved_to(memory, memory.zoom(), dx, dy)
}

/// The same map at `zoom`, centred where it was.
fn zoomed(memory: &MapMemory, zoom: f64) -> MapMemory {
    moved_to(memory, zoom, 0.0, 0.0)
}

/// The map at `zoom`, centred on what was `(dx, dy)` points off its centre
/// the other way.
fn moved_to(memory: &MapMemory, zoom: f64, dx: f32, dy: f32) -> MapMemory {
    let projector = projector(memory);
    let mut moved = MapMemory::default();
    moved.set_zoom(zoom).unwrap();
    moved.center_at(projector.unproject(vec2(400.0 - dx, 300.0 - dy)));
    moved
}

#[test]
fn kept_groups_are_the_groups_made_afresh_for_the_view() {
    let memory = memory();
    let projector = projector(&memory);
    let layer = layer(&features(&projector));
    let draw = draw(&layer);
    let screen = ScreenProjection::new(&projector);
    let fresh = group_layer(&draw, &screen, VIEW, &[]);
    assert_eq!(fresh.clusters.len(), 3, "{fresh:?}");
    let mut cache = GroupCache::default();
    let kept = cache.groups(&draw, &screen, VIEW, key(&projector, &layer, 1));
    assert_eq!(sorted(&kept), sorted(&fresh));
    assert_eq!(kept.singles, fresh.singles);
    assert_eq!(kept.in_view, fresh.singles);
    assert_eq!(kept.shown, fresh.shown);
}

#[test]
fn a_pan_moves_the_kept_clusters_without_grouping_again() {
    let memory = memory();
    let projector = projector(&memory);
    let layer = layer(&features(&projector));
    let draw = draw(&layer);
    let mut cache = GroupCache::default();
    let screen = ScreenProjection::new(&projector);
    let before = cache.groups(&draw, &screen, VIEW, key(&projector, &layer, 1));
    let moved = panned(&memory, 130.0, -40.0);
    let after_projector = Projector::new(VIEW, &MercatorProjection, &moved, centre());
    let screen = ScreenProjection::new(&after_projector);
    let after = cache.groups(&draw, &screen, VIEW, key(&after_projector, &layer, 1));
    assert_eq!(
        cache.groupings, 1,
        "a pan within the region regroups nothing"
    );
    let fresh = group_layer(&draw, &screen, VIEW, &[]);
    assert_eq!(sorted(&after), sorted(&fresh));
    for (a, b) in before.clusters.iter().zip(&after.clusters) {
        let shift = b.centre - a.centre;
        assert!((shift - vec2(130.0, -40.0)).length() < 0.05, "{shift:?}");
    }
    // A single moved off screen is no longer drawn, but still not grouped.
    let far = panned(&memory, -650.0, 0.0);
    let far_projector = Projector::new(VIEW, &MercatorProjection, &far, centre());
    let screen = ScreenProjection::new(&far_projector);
    let off = cache.groups(&draw, &screen, VIEW, key(&far_projector, &layer, 1));
    assert_eq!(cache.groupings, 1);
    assert!(off.in_view.len() < before.in_view.len());
    assert_eq!(off.singles, before.singles);
}

#[test]
fn a_new_zoom_filter_or_selection_or_leaving_the_region_groups_again() {
    let memory = memory();
    let projector = projector(&memory);
    let layer = layer(&features(&projector));
    let draw = draw(&layer);
    let mut cache = GroupCache::default();
    let screen = ScreenProjection::new(&projector);
    cache.groups(&draw, &screen, VIEW, key(&projector, &layer, 1));
    cache.groups(&draw, &screen, VIEW, key(&projector, &layer, 1));
    assert_eq!(cache.groupings, 1);
    // Another time filter (the key the app makes of it).
    let other = cache.groups(&draw, &screen, VIEW, key(&projector, &layer, 2));
    assert_eq!(cache.groupings, 2);
    assert_eq!(
        sorted(&other),
        sorted(&group_layer(&draw, &screen, VIEW, &[]))
    );
    // A feature kept apart, as the selection is.
    let mut keep = key(&projector, &layer, 1);
    keep.keep = vec![0];
    let selected = cache.groups(&draw, &screen, VIEW, keep);
    assert_eq!(cache.groupings, 3);
    assert!(selected.singles.contains(&0));
    // Zoomed out: the piles come together.
    let mut out = MapMemory::default();
    out.set_zoom(3.0).unwrap();
    out.center_at(centre());
    let out_projector = Projector::new(VIEW, &MercatorProjection, &out, centre());
    let screen = ScreenProjection::new(&out_projector);
    let zoomed = cache.groups(&draw, &screen, VIEW, key(&out_projector, &layer, 1));
    assert_eq!(cache.groupings, 4);
    assert_eq!(
        sorted(&zoomed),
        sorted(&group_layer(&draw, &screen, VIEW, &[]))
    );
    // Back to the first view: still kept.
    let screen = ScreenProjection::new(&projector);
    cache.groups(&draw, &screen, VIEW, key(&projector, &layer, 1));
    assert_eq!(cache.groupings, 4);
    // Panned past the region's edge.
    let far = panned(&memory, -800.0 * (REACH + 1.0), 0.0);
    let far_projector = Projector::new(VIEW, &MercatorProjection, &far, centre());
    let screen = ScreenProjection::new(&far_projector);
    cache.groups(&draw, &screen, VIEW, key(&far_projector, &layer, 1));
    assert_eq!(cache.groupings, 5);
}

#[test]
fn a_hidden_point_is_counted_again_once_the_filter_key_changes() {
    let memory = memory();
    let projector = projector(&memory);
    let layer = layer(&features(&projector));
    let hide_first_pile = |i: usize| i >= 6;
    let all_shown = draw(&layer);
    let filtered = LayerDraw {
        shown: &hide_first_pile,
        ..draw(&layer)
    };
    let screen = ScreenProjection::new(&projector);
    let mut cache = GroupCache::default();
    let before = cache.groups(&filtered, &screen, VIEW, key(&projector, &layer, 7));
    let after = cache.groups(&all_shown, &screen, VIEW, key(&projector, &layer, 8));
    assert_eq!(after.shown, before.shown + 6);
    assert_eq!(after.clusters.len(), before.clusters.len() + 1);
}

#[test]
fn the_plugin_with_kept_groups_still_reports_a_clicked_cluster() {
    let mut memory = memory();
    let layer = {
        let projector = projector(&memory);
        layer(&features(&projector))
    };
    let ctx = egui::Context::default();
    let mut output = OverlayOutput::default();
    let mut frame = |events: Vec<egui::Event>, output: &mut OverlayOutput| {
        let input = egui::RawInput {
            screen_rect: Some(VIEW),
            events,
            ..Default::default()
        };
        let mut full = ctx.run_ui(input, |ui| {
            let plugin = OverlayPlugin::new(vec![draw(&layer)], None, None, &mut *output, false)
                .with_grouping(Grouping::Clusters)
                .with_group_key(42);
            ui.add(
                walkers::Map::new(None, &mut memory, crate::overlay::tests::centre())
                    .with_plugin(plugin),
            );
        });
        full.textures_delta.clear();
    };
    let pos = pos2(204.0, 152.0);
    let button = |pressed| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: Default::default(),
    };
    frame(Vec::new(), &mut output);
    frame(vec![egui::Event::PointerMoved(pos)], &mut output);
    frame(vec![button(true)], &mut output);
    frame(vec![button(false)], &mut output);
    let clicked = output.clicked_cluster.clone().unwrap();
    assert_eq!((clicked.layer, clicked.count), (0, 6));
    assert_eq!(clicked.first, vec![0, 1, 2, 3, 4]);
    let groups = group_points_cached(
        &[draw(&layer)],
        &projector(&memory),
        &grouped(),
        &mut GroupCache::default(),
        42,
    );
    assert_eq!(groups[0].clusters.len(), 3);
}

#[test]
fn in_the_background_a_new_zoom_shows_the_last_groups_scaled_until_the_worker_answers() {
    let memory = memory();
    let projector = projector(&memory);
    let layer = layer(&features(&projector));
    let draw = draw(&layer);
    let woken = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let wake: Wake = {
        let woken = Arc::clone(&woken);
        Arc::new(move || {
            woken.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        })
    };
    let mut cache = GroupCache::in_background(wake);
    // The first grouping has nothing to stand in for it: made at once.
    let screen = ScreenProjection::new(&projector);
    let first = cache.groups(&draw, &screen, VIEW, key(&projector, &layer, 1));
    assert_eq!(
        sorted(&first),
        sorted(&group_layer(&draw, &screen, VIEW, &[]))
    );
    assert!(!cache.is_pending());
    assert_eq!(cache.groupings, 1);

    // One zoom level in: the frame shows the last clusters, twice as far
    // from the view's centre, while a worker groups for the new zoom.
    let closer = zoomed(&memory, memory.zoom() + 1.0);
    let closer_projector = Projector::new(VIEW, &MercatorProjection, &closer, centre());
    let screen = ScreenProjection::new(&closer_projector);
    let stand_in = cache.groups(&draw, &screen, VIEW, key(&closer_projector, &layer, 1));
    assert!(cache.is_pending());
    let middle = pos2(400.0, 300.0);
    for cluster in &stand_in.clusters {
        let was = first
            .clusters
            .iter()
            .find(|c| c.first == cluster.first)
            .expect("the same cluster");
        let expected = middle + (was.centre - middle) * 2.0;
        assert!(
            (cluster.centre - expected).length() < 0.05,
            "{:?} vs {expected:?}",
            cluster.centre
        );
    }

    // The worker's answer is what a cache grouping at once shows there.
    let started = std::time::Instant::now();
    while cache.is_pending() {
        assert!(
            started.elapsed().as_secs() < 20,
            "the worker never answered"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
        cache.groups(&draw, &screen, VIEW, key(&closer_projector, &layer, 1));
    }
    assert_eq!(woken.load(std::sync::atomic::Ordering::SeqCst), 1);
    let answered = cache.groups(&draw, &screen, VIEW, key(&closer_projector, &layer, 1));
    let at_once =
        GroupCache::default().groups(&draw, &screen, VIEW, key(&closer_projector, &layer, 1));
    assert_eq!(sorted(&answered), sorted(&at_once));
    assert_eq!(answered.singles, at_once.singles);
    assert_eq!(answered.in_view, at_once.in_view);
    assert_eq!(answered.shown, at_once.shown);
    assert!(answered.clusters.len() >= 2, "{answered:?}");
    assert_eq!(cache.groupings, 2);
    assert!(!cache.is_pending());
}

/// Waits for `cache`'s worker, asking for the same groups as it does.
fn answered(cache: &mut GroupCache, draw: &LayerDraw, projector: &Projector, key: GroupKey) {
    let screen = ScreenProjection::new(projector);
    let started = std::time::Instant::now();
    while cache.is_pending() {
        assert!(
            started.elapsed().as_secs() < 20,
            "the worker never answered"
        );
        std::thread::sleep(std::time::Duration::from_millis(5));
        cache.groups(draw, &screen, VIEW, key.clone());
    }
}

/// The map `step` zoom levels closer round the same centre, as a projector.
fn closer(memory: &MapMemory, step: f64) -> Projector<'static> {
    let closer = zoomed(memory, memory.zoom() + step);
    Projector::new(VIEW, &MercatorProjection, &closer, centre())
}

/// Asks `cache` for `draw`'s groups at `projector` under filter key
/// `filter`, and waits for the worker's answer.
fn job_answered(cache: &mut GroupCache, draw: &LayerDraw, projector: &Projector, filter: u64) {
    let key = key(projector, draw.layer, filter);
    let screen = ScreenProjection::new(projector);
    cache.groups(draw, &screen, VIEW, key.clone());
    answered(cache, draw, projector, key);
}

/// The groups `cache` keeps at `projector` are those of a fresh grouping.
fn assert_kept_is_fresh(
    cache: &mut GroupCache,
    draw: &LayerDraw,
    projector: &Projector,
    filter: u64,
) {
    let key = key(projector, draw.layer, filter);
    let screen = ScreenProjection::new(projector);
    let kept = cache.groups(draw, &screen, VIEW, key.clone());
    let fresh = GroupCache::default().groups(draw, &screen, VIEW, key);
    assert_eq!(sorted(&kept), sorted(&fresh));
    assert_eq!(kept.shown, fresh.shown);
}

#[test]
fn a_job_asks_each_point_whether_it_is_shown_once_per_filter_not_per_zoom() {
    let memory = memory();
    let projector = projector(&memory);
    let layer = layer(&features(&projector));
    let asked = std::sync::atomic::AtomicUsize::new(0);
    let hide_first_pile = |i: usize| {
        asked.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        i >= 6
    };
    let filtered = LayerDraw {
        shown: &hide_first_pile,
        ..draw(&layer)
    };
    let points = layer.points().len();
    let mut cache = GroupCache::in_background(Arc::new(|| {}));
    let screen = ScreenProjection::new(&projector);
    cache.groups(&filtered, &screen, VIEW, key(&projector, &layer, 1));
    let at_once = asked.load(std::sync::atomic::Ordering::Relaxed);

    // Two new zooms under the same filter: one pass over the points for both.
    let zoom_jobs = |cache: &mut GroupCache, filter: u64| {
        for step in [1.0, 2.0] {
            let projector = closer(&memory, step + filter as f64 / 8.0);
            job_answered(cache, &filtered, &projector, filter);
        }
    };
    zoom_jobs(&mut cache, 1);
    assert_eq!(cache.shown_passes, 1);
    assert_eq!(cache.groupings, 3);
    // Meanwhile the frames showed the stand-in and asked nothing: every
    // point was asked once, for both jobs.
    let asked_by_jobs = asked.load(std::sync::atomic::Ordering::Relaxed) - at_once;
    assert_eq!(asked_by_jobs, points);

    // A new filter key: a new pass, whose answer the worker groups with.
    zoom_jobs(&mut cache, 2);
    assert_eq!(cache.shown_passes, 2);
    assert_eq!(cache.groupings, 5);
    assert_kept_is_fresh(&mut cache, &filtered, &closer(&memory, 2.25), 2);
}

#[test]
fn given_shown_in_a_form_a_thread_owns_the_worker_asks_it_and_the_ui_thread_does_not() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let memory = memory();
    let projector = projector(&memory);
    let layer = layer(&features(&projector));
    let hide_first_pile = |i: usize| i >= 6;
    let asked_there = Arc::new(AtomicUsize::new(0));
    let shared: crate::overlay::plugin::SharedShown = {
        let asked_there = Arc::clone(&asked_there);
        Arc::new(move |i| {
            asked_there.fetch_add(1, Ordering::Relaxed);
            hide_first_pile(i)
        })
    };
    let filtered = LayerDraw {
        shown: &hide_first_pile,
        shown_shared: Some(shared),
        ..draw(&layer)
    };
    let mut cache = GroupCache::in_background(Arc::new(|| {}));
    let screen = ScreenProjection::new(&projector);
    // The first grouping, made at once, asks `shown` here.
    cache.groups(&filtered, &screen, VIEW, key(&projector, &layer, 1));
    assert_eq!(asked_there.load(Ordering::Relaxed), 0);

    // Two new zooms: the first worker makes the bits, the second reuses them.
    for step in [1.0, 2.0] {
        let projector = closer(&memory, step);
        job_answered(&mut cache, &filtered, &projector, 1);
        assert_kept_is_fresh(&mut cache, &filtered, &projector, 1);
    }
    // No pass over the points on this thread; one on the worker's.
    assert_eq!(cache.shown_passes, 0);
    assert_eq!(asked_there.load(Ordering::Relaxed), layer.points().len());
}
