//! Basemap speed: loading the embedded assets and rendering one 256 px tile over
//! the Caribbean at z2, z5 and z8 (the budget: 8 ms at z8).

use criterion::{Criterion, criterion_group, criterion_main};
use sitmap::basemap::assets::{AssetSource, Basemap};
use sitmap::basemap::render::{TileRenderer, tile_pixel_at};
use sitmap::basemap::style::BasemapStyle;
use std::hint::black_box;
use std::sync::Arc;

fn tiles(c: &mut Criterion) {
    let renderer = TileRenderer::new(Arc::new(Basemap::load(&AssetSource::Embedded)));
    let style = BasemapStyle::light();
    // Caracas' coast: land, sea, borders and states in one tile at every zoom.
    for zoom in [2u8, 5, 8] {
        let (tile, _, _) = tile_pixel_at(-66.9, 10.6, zoom);
        c.bench_function(&format!("render tile z{zoom} caribbean"), |b| {
            b.iter(|| black_box(renderer.render(black_box(tile), &style)))
        });
    }
    // The z8 tile with the most coastline nearby: the eastern Caribbean islands.
    let (tile, _, _) = tile_pixel_at(-61.5, 15.5, 8);
    c.bench_function("render tile z8 lesser antilles", |b| {
        b.iter(|| black_box(renderer.render(black_box(tile), &style)))
    });
}

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("assets");
    group.sample_size(10);
    group.bench_function("load embedded basemap", |b| {
        b.iter(|| black_box(Basemap::load(&AssetSource::Embedded)))
    });
    group.finish();
}

criterion_group!(benches, tiles, load);
criterion_main!(benches);
