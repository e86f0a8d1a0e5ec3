//! The offline basemap as a `walkers::Tiles` source.
//!
//! The UI thread never renders and never waits: `at()` queues the tile for the
//! worker threads and meanwhile returns the nearest cached ancestor, scaled. Jobs
//! are served newest first, so after a fast pan the tiles now on screen come
//! before the ones flown over; a bounded queue forgets the rest.

use super::assets::Basemap;
use super::render::{TILE_SIZE, TileRenderer};
use super::style::BasemapStyle;
use egui::{ColorImage, Context, TextureHandle, TextureOptions, pos2};
use lru::LruCache;
use std::collections::HashSet;
use std::num::NonZeroUsize;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Condvar, Mutex};
use walkers::sources::Attribution;
use walkers::{Tile, TileId, TilePiece, Tiles};

/// At least this many tiles of 256 KiB stay cached; the cache grows to 5/4 of
/// what the screen shows, so a large display never evicts tiles it is drawing,
/// with a margin for a short pan back. Each tile is a texture, and under
/// software Vulkan texture memory is the process's own: 2x cost 5 MB more
/// after a pan across the Americas for no visible gain (tiles render in ms).
const MIN_CACHE_TILES: usize = 48;
const MAX_QUEUED: usize = 96;
/// Tiles that may replace cached ones per frame. Each upload passes through a
/// 256 KiB staging buffer and each replaced texture is freed only once the GPU
/// is done with it, so a burst of replacements costs memory for frames (under
/// software Vulkan, the process's own). Filling free cache slots is not
/// limited, so the first view appears at full speed.
const REPLACEMENTS_PER_FRAME: usize = 12;

fn cache_capacity(tiles_on_screen: usize) -> NonZeroUsize {
    NonZeroUsize::new((tiles_on_screen * 5 / 4).max(MIN_CACHE_TILES)).unwrap_or(NonZeroUsize::MIN)
}

struct Job {
    tile: TileId,
    generation: u64,
    style: BasemapStyle,
    /// Whether a tile of open sea is sent as `None` (see [`OfflineTiles::with_bare_sea`]).
    bare_sea: bool,
}

#[derive(Default)]
struct Queue {
    jobs: Vec<Job>,
    shutdown: bool,
}

struct Shared {
    queue: Mutex<Queue>,
    wake: Condvar,
}

struct Rendered {
    tile: TileId,
    generation: u64,
    /// `None`: open sea, every pixel the style's ocean.
    image: Option<ColorImage>,
}

pub struct OfflineTiles {
    ctx: Context,
    style: BasemapStyle,
    /// Bumped on a style change so late results of the old style are dropped.
    generation: u64,
    /// `None`: a tile of open sea, drawn by the window's clear colour.
    cache: LruCache<TileId, Option<TextureHandle>>,
    pending: HashSet<TileId>,
    shared: Arc<Shared>,
    results: Receiver<Rendered>,
    workers: Vec<std::thread::JoinHandle<()>>,
    /// Tiles asked for this frame that were not yet rendered at their own zoom.
    incomplete_this_frame: usize,
    asked_this_frame: usize,
    /// Finished tiles this frame may still upload.
    upload_budget: usize,
    bare_sea: bool,
}

impl OfflineTiles {
    pub fn new(basemap: Arc<Basemap>, style: BasemapStyle, ctx: Context) -> Self {
        let shared = Arc::new(Shared {
            queue: Mutex::new(Queue::default()),
            wake: Condvar::new(),
        });
        let (sender, results) = channel();
        let threads = std::thread::available_parallelism().map_or(2, |n| n.get().clamp(1, 4));
        let renderer = TileRenderer::new(basemap);
        let workers = (0..threads)
            .filter_map(|i| {
                let shared = Arc::clone(&shared);
                let sender = sender.clone();
                let renderer = renderer.clone();
                let ctx = ctx.clone();
                std::thread::Builder::new()
                    .name(format!("sitmap-tiles-{i}"))
                    .spawn(move || worker(&shared, &sender, &renderer, &ctx))
                    .map_err(|e| log::error!("cannot start a tile worker: {e}"))
                    .ok()
            })
            .collect();
        Self {
            ctx,
            style,
            generation: 0,
            cache: LruCache::new(cache_capacity(0)),
            pending: HashSet::new(),
            shared,
            results,
            workers,
            incomplete_this_frame: 0,
            asked_this_frame: 0,
            upload_budget: MIN_CACHE_TILES,
            bare_sea: false,
        }
    }

    /// Leaves tiles of open sea undrawn, for a window cleared to the
    /// ocean's colour: under software rendering each pixel drawn costs, and
    /// at the continental view about half the map is sea. The result on
    /// screen is the same colour.
    pub fn with_bare_sea(mut self, bare: bool) -> Self {
        self.bare_sea = bare;
        self
    }

    pub fn style(&self) -> &BasemapStyle {
        &self.style
    }

    /// Switches palettes: the cache is dropped and the view re-renders, old tiles
    /// staying on screen until their replacements arrive would mix the two styles.
    pub fn set_style(&mut self, style: BasemapStyle) {
        if style == self.style {
            return;
        }
        self.style = style;
        self.generation += 1;
        self.cache.clear();
        self.pending.clear();
        if let Ok(mut queue) = self.shared.queue.lock() {
            queue.jobs.clear();
        }
    }

    /// Call once per frame after the map is drawn: whether every tile on screen was
    /// shown at its own zoom (nothing stood in scaled).
    pub fn end_frame(&mut self) -> bool {
        let wanted = cache_capacity(std::mem::take(&mut self.asked_this_frame));
        if wanted > self.cache.cap() {
            self.cache.resize(wanted);
        }
        if self.upload_budget == 0 {
            // Finished tiles may be waiting beyond this frame's budget.
            self.ctx.request_repaint();
        }
        let free_slots = self.cache.cap().get().saturating_sub(self.cache.len());
        self.upload_budget = REPLACEMENTS_PER_FRAME.max(free_slots);
        std::mem::take(&mut self.incomplete_this_frame) == 0
    }

    /// Tiles waiting for a worker or being rendered.
    pub fn in_progress(&self) -> usize {
        self.pending.len()
    }

    fn receive(&mut self) {
        while self.upload_budget > 0 {
            let Ok(rendered) = self.results.try_recv() else {
                break;
            };
            if rendered.generation != self.generation {
                continue;
            }
            self.upload_budget -= 1;
            self.pending.remove(&rendered.tile);
            let name = format!(
                "basemap-{}-{}-{}",
                rendered.tile.zoom, rendered.tile.x, rendered.tile.y
            );
            let texture = rendered
                .image
                .map(|image| self.ctx.load_texture(name, image, TextureOptions::LINEAR));
            self.cache.put(rendered.tile, texture);
        }
    }

    fn request(&mut self, tile: TileId) {
        if !self.pending.insert(tile) {
            return;
        }
        let Ok(mut queue) = self.shared.queue.lock() else {
            return;
        };
        queue.jobs.push(Job {
            tile,
            generation: self.generation,
            style: self.style,
            bare_sea: self.bare_sea,
        });
        if queue.jobs.len() > MAX_QUEUED {
            let dropped = queue.jobs.remove(0);
            self.pending.remove(&dropped.tile);
        }
        self.shared.wake.notify_one();
    }

    /// The closest cached ancestor, with the part of it that covers `tile`
    /// (nothing for open sea: the clear colour stands in).
    fn ancestor(&mut self, tile: TileId) -> Option<TilePiece> {
        for up in 1..=tile.zoom {
            let scale = 1u32 << up;
            let parent = TileId {
                x: tile.x / scale,
                y: tile.y / scale,
                zoom: tile.zoom - up,
            };
            if let Some(texture) = self.cache.peek(&parent) {
                let texture = texture.as_ref()?;
                let step = 1.0 / scale as f32;
                let u = (tile.x % scale) as f32 * step;
                let v = (tile.y % scale) as f32 * step;
                let uv = egui::Rect::from_min_max(pos2(u, v), pos2(u + step, v + step));
                return Some(TilePiece::new(Tile::Raster(texture.clone()), uv));
            }
        }
        None
    }
}

impl Tiles for OfflineTiles {
    fn at(&mut self, tile: TileId) -> Option<TilePiece> {
        self.receive();
        self.asked_this_frame += 1;
        let max = 1u32 << tile.zoom;
        if tile.x >= max || tile.y >= max {
            return None;
        }
        if let Some(texture) = self.cache.get(&tile) {
            let full = egui::Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0));
            return texture
                .as_ref()
                .map(|texture| TilePiece::new(Tile::Raster(texture.clone()), full));
        }
        self.incomplete_this_frame += 1;
        self.request(tile);
        self.ancestor(tile)
    }

    fn attribution(&self) -> Attribution {
        Attribution {
            text: "Natural Earth",
            url: "https://www.naturalearthdata.com/",
            logo_light: None,
            logo_dark: None,
        }
    }

    fn tile_size(&self) -> u32 {
        TILE_SIZE
    }

    fn stats(&self) -> walkers::Stats {
        walkers::Stats {
            in_progress: self.pending.len(),
        }
    }
}

impl Drop for OfflineTiles {
    fn drop(&mut self) {
        if let Ok(mut queue) = self.shared.queue.lock() {
            queue.shutdown = true;
        }
        self.shared.wake.notify_all();
        for worker in self.workers.drain(..) {
            worker.join().ok();
        }
    }
}

fn worker(shared: &Shared, results: &Sender<Rendered>, renderer: &TileRenderer, ctx: &Context) {
    loop {
        let job = {
            let Ok(mut queue) = shared.queue.lock() else {
                return;
            };
            loop {
                if queue.shutdown {
                    return;
                }
                if let Some(job) = queue.jobs.pop() {
                    break job;
                }
                queue = match shared.wake.wait(queue) {
                    Ok(queue) => queue,
                    Err(_) => return,
                };
            }
        };
        let Some(pixmap) = renderer.render(job.tile, &job.style) else {
            continue;
        };
        let size = [pixmap.width() as usize, pixmap.height() as usize];
        let sea = job.bare_sea && open_sea(pixmap.data(), job.style.ocean);
        let image = (!sea).then(|| ColorImage::from_rgba_premultiplied(size, pixmap.data()));
        let sent = results.send(Rendered {
            tile: job.tile,
            generation: job.generation,
            image,
        });
        if sent.is_err() {
            return;
        }
        ctx.request_repaint();
    }
}

/// Whether every pixel of premultiplied RGBA `data` is the opaque `ocean`.
fn open_sea(data: &[u8], ocean: [u8; 4]) -> bool {
    ocean[3] == 255 && data.chunks_exact(4).all(|pixel| pixel == ocean)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::basemap::assets::AssetSource;
    use std::time::{Duration, Instant};

    fn tiles() -> OfflineTiles {
        let basemap = Arc::new(Basemap::load(&AssetSource::Embedded));
        OfflineTiles::new(basemap, BasemapStyle::light(), Context::default())
    }

    /// Asks for `tile` frame after frame until it is drawn at its own zoom.
    fn wait_for(tiles: &mut OfflineTiles, tile: TileId) -> TilePiece {
        wait_for_any(tiles, tile).unwrap()
    }

    /// [`wait_for`], where a tile of bare sea is `None`.
    fn wait_for_any(tiles: &mut OfflineTiles, tile: TileId) -> Option<TilePiece> {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let piece = tiles.at(tile);
            if tiles.end_frame() {
                return piece;
            }
            assert!(Instant::now() < deadline, "{tile:?} never arrived");
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    #[test]
    fn open_sea_is_left_to_the_clear_colour_only_when_asked_and_land_never() {
        // The South Atlantic between Brazil and Tristan da Cunha at z5, and
        // the Gulf of Mexico's coast.
        let sea = TileId {
            x: 13,
            y: 19,
            zoom: 5,
        };
        let coast = TileId {
            x: 7,
            y: 13,
            zoom: 5,
        };
        let mut bare = tiles().with_bare_sea(true);
        assert!(wait_for_any(&mut bare, sea).is_none());
        // Complete: nothing stood in for it.
        assert!(bare.at(sea).is_none());
        assert!(bare.end_frame());
        assert!(wait_for_any(&mut bare, coast).is_some());
        let mut drawn = tiles();
        assert!(wait_for_any(&mut drawn, sea).is_some());
    }

    #[test]
    fn a_tile_renders_in_the_background_and_its_parent_stands_in_meanwhile() {
        let mut tiles = tiles();
        let parent = TileId {
            x: 9,
            y: 14,
            zoom: 5,
        };
        // Nothing cached yet: the first answer is immediate and empty.
        assert!(tiles.at(parent).is_none());
        assert!(!tiles.end_frame());
        let full = wait_for(&mut tiles, parent);
        assert_eq!(
            full.uv,
            egui::Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0))
        );
        // The child's first answer is the parent's lower-right quarter, scaled.
        let child = TileId {
            x: 19,
            y: 29,
            zoom: 6,
        };
        let stand_in = tiles.at(child).unwrap();
        assert_eq!(
            stand_in.uv,
            egui::Rect::from_min_max(pos2(0.5, 0.5), pos2(1.0, 1.0))
        );
        assert!(!tiles.end_frame());
        wait_for(&mut tiles, child);
    }

    #[test]
    fn the_cache_grows_with_the_screen_so_visible_tiles_are_never_evicted() {
        let mut tiles = tiles();
        for x in 0..100 {
            tiles.at(TileId { x, y: 60, zoom: 7 });
        }
        tiles.end_frame();
        assert!(tiles.cache.cap().get() >= 125, "all 100 and a margin");
    }

    /// Hands `count` finished tiles straight to `tiles`, as if workers had rendered them.
    fn finished(tiles: &mut OfflineTiles, count: u32) {
        let (sender, results) = channel();
        for x in 0..count {
            let tile = TileId { x, y: 60, zoom: 7 };
            tiles.pending.insert(tile);
            let image = ColorImage::filled([256, 256], egui::Color32::WHITE);
            let generation = tiles.generation;
            sender
                .send(Rendered {
                    tile,
                    generation,
                    image: Some(image),
                })
                .unwrap();
        }
        tiles.results = results;
    }

    #[test]
    fn free_slots_fill_at_once_but_replacements_are_spread_over_frames() {
        let mut tiles = tiles();
        let slots = tiles.cache.cap().get();
        let more = 2 * REPLACEMENTS_PER_FRAME + 1;
        finished(&mut tiles, (slots + more) as u32);
        let frame = |tiles: &mut OfflineTiles| {
            tiles.at(TileId {
                x: 0,
                y: 60,
                zoom: 7,
            });
            tiles.end_frame();
            tiles.in_progress()
        };
        // The first frame fills the empty cache with every tile it can hold.
        assert_eq!(frame(&mut tiles), more);
        assert_eq!(tiles.cache.len(), slots);
        // Then a few replacements a frame, until none are left.
        assert_eq!(frame(&mut tiles), more - REPLACEMENTS_PER_FRAME);
        assert_eq!(frame(&mut tiles), 1);
        assert_eq!(frame(&mut tiles), 0);
        assert_eq!(tiles.cache.len(), slots);
    }

    #[test]
    fn a_style_change_drops_the_old_tiles() {
        let mut tiles = tiles();
        let tile = TileId {
            x: 9,
            y: 14,
            zoom: 5,
        };
        wait_for(&mut tiles, tile);
        tiles.set_style(BasemapStyle::dark());
        assert!(
            tiles.at(tile).is_none(),
            "a light tile was served for the dark style"
        );
        wait_for(&mut tiles, tile);
    }
}
