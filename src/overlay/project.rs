//! Lon/lat to screen points for many coordinates per frame.
//!
//! walkers' `Projector::project` recomputes `2^zoom` and goes through a
//! `dyn Projection` for every call. Web Mercator is affine in `(lon,
//! mercator_y(lat))`, so the affine map is fitted once per frame from the
//! projection itself and checked against the projector at the viewport's
//! corners; any other projection (or a failed check) falls back to the
//! projector, point by point, so the result is always the projector's.
//!
//! Polygons are simplified, tessellated and cached in "unit" space, `(lon
//! in radians, mercator_y(lat))`: Web Mercator scaled to a unit sphere, the
//! same scale on both axes (so a simplification tolerance is a distance),
//! and an affine map of the screen, so a cached tessellation serves every pan
//! and every zoom of its zoom band.

use egui::{Pos2, Rect, Vec2, pos2};
use walkers::{Projector, lon_lat};

/// The Mercator ordinate of a latitude in degrees (radians-based, unscaled):
/// `atanh(sin φ)`, equal to walkers' `asinh(tan φ)` but about half the cost,
/// which counts at 100,000 points a frame. The poles come out far off screen
/// but finite.
pub fn mercator_y(lat: f64) -> f64 {
    lat.to_radians()
        .sin()
        .clamp(-1.0 + 1e-15, 1.0 - 1e-15)
        .atanh()
}

/// Web Mercator stops here (the square world of tiles): ±85.0511°.
pub const MAX_LATITUDE: f64 = 85.051_128_779_806_59;

/// A longitude and latitude in degrees in unit space (see the module).
#[inline]
pub fn to_unit(lon: f64, lat: f64) -> [f64; 2] {
    [lon.to_radians(), mercator_y(lat)]
}

/// Unit-space distance per screen pixel at `zoom` (256-pixel tiles, as walkers).
pub fn unit_per_pixel(zoom: f64) -> f64 {
    std::f64::consts::TAU / (256.0 * zoom.exp2())
}

/// Screen `x = x0 + kx · lon`, `y = y0 + ky · mercator_y(lat)`, in f64 so that
/// the large world offsets at high zoom cancel exactly.
#[derive(Debug, Clone, Copy)]
struct Affine {
    x0: f64,
    kx: f64,
    y0: f64,
    ky: f64,
}

/// Screen y sampled at even latitude steps over the latitudes in view, for
/// linear interpolation: two library calls per point (`sin`, `atanh`) were a
/// fifth of a 100,000-symbol frame. With 1,024 steps the error stays under a
/// hundredth of a pixel at every zoom: the steps shrink as fast as the scale
/// grows.
#[derive(Debug, Clone)]
struct LatitudeTable {
    south: f64,
    north: f64,
    steps_per_degree: f64,
    screen_y: Vec<f64>,
}

const TABLE_STEPS: usize = 1024;

impl LatitudeTable {
    fn new(affine: &Affine, south: f64, north: f64) -> Option<Self> {
        let span = north - south;
        (span > 0.0 && span.is_finite()).then(|| Self {
            south,
            north,
            steps_per_degree: TABLE_STEPS as f64 / span,
            screen_y: (0..=TABLE_STEPS)
                .map(|k| {
                    let lat = south + span * k as f64 / TABLE_STEPS as f64;
                    affine.y0 + affine.ky * mercator_y(lat)
                })
                .collect(),
        })
    }

    #[inline]
    fn screen_y(&self, lat: f64) -> Option<f64> {
        if !(self.south..=self.north).contains(&lat) {
            return None;
        }
        let t = (lat - self.south) * self.steps_per_degree;
        let k = (t as usize).min(TABLE_STEPS - 1);
        let (a, b) = (self.screen_y.get(k)?, self.screen_y.get(k + 1)?);
        Some(a + (b - a) * (t - k as f64))
    }
}

/// The Mercator fast path of a [`ScreenProjection`] on its own, owned: a
/// worker thread projects with it exactly as the frame that made it did.
#[derive(Debug, Clone)]
pub struct Detached {
    affine: Affine,
    table: Option<LatitudeTable>,
}

impl Detached {
    /// Where `lon`, `lat` (degrees) lands on screen.
    #[inline]
    pub fn lon_lat(&self, lon: f64, lat: f64) -> Pos2 {
        affine_lon_lat(&self.affine, self.table.as_ref(), lon, lat)
    }
}

/// The affine map, through the latitude table where it covers `lat`.
#[inline]
fn affine_lon_lat(a: &Affine, table: Option<&LatitudeTable>, lon: f64, lat: f64) -> Pos2 {
    let y = table.and_then(|t| t.screen_y(lat));
    let y = y.unwrap_or_else(|| a.y0 + a.ky * mercator_y(lat));
    pos2((a.x0 + a.kx * lon) as f32, y as f32)
}

/// Projects like the given projector, fast when the projection is Mercator.
pub struct ScreenProjection<'a> {
    projector: &'a Projector<'a>,
    affine: Option<Affine>,
    table: Option<LatitudeTable>,
}

impl<'a> ScreenProjection<'a> {
    pub fn new(projector: &'a Projector<'a>) -> Self {
        let affine = fit(projector).filter(|affine| agrees(affine, projector));
        Self {
            projector,
            affine,
            table: None,
        }
    }

    /// Adds the latitude table for points in the clip rect grown by `margin`
    /// points (others are still computed exactly). Worth its 1,025 samples
    /// only when many points are projected, as in drawing, not a hit test.
    pub fn with_table(mut self, margin: f32) -> Self {
        let view = self.lon_lat_box(self.projector.clip_rect().expand(margin));
        if let (Some(affine), Some((south_west, north_east))) = (&self.affine, view) {
            let clamp = |lat: f64| lat.clamp(-89.9, 89.9);
            self.table = LatitudeTable::new(affine, clamp(south_west[1]), clamp(north_east[1]));
        }
        self
    }

    /// Whether the fast path is in use; tests check it is for Mercator.
    #[cfg(test)]
    pub fn is_affine(&self) -> bool {
        self.affine.is_some()
    }

    /// Where `lon`, `lat` (degrees) lands on screen.
    #[inline]
    pub fn lon_lat(&self, lon: f64, lat: f64) -> Pos2 {
        match &self.affine {
            Some(a) => affine_lon_lat(a, self.table.as_ref(), lon, lat),
            None => self.projector.project(lon_lat(lon, lat)).to_pos2(),
        }
    }

    /// The projection as owned data, for work off the UI thread; `None`
    /// when it is not the Mercator fast path (then only the projector
    /// itself projects, on this thread).
    pub fn detach(&self) -> Option<Detached> {
        self.affine.map(|affine| Detached {
            affine,
            table: self.table.clone(),
        })
    }

    /// Where a point of unit space `[lon in radians, mercator_y(lat)]`
    /// lands on screen.
    #[inline]
    pub fn unit(&self, [x, y]: [f64; 2]) -> Pos2 {
        let lon = x.to_degrees();
        match &self.affine {
            Some(a) => pos2((a.x0 + a.kx * lon) as f32, (a.y0 + a.ky * y) as f32),
            None => {
                let lat = y.sinh().atan().to_degrees();
                self.projector.project(lon_lat(lon, lat)).to_pos2()
            }
        }
    }

    /// The lon/lat box `[west, south]`, `[east, north]` seen through `rect`.
    pub fn lon_lat_box(&self, rect: Rect) -> Option<([f64; 2], [f64; 2])> {
        let a = self.projector.unproject(rect.left_top().to_vec2());
        let b = self.projector.unproject(rect.right_bottom().to_vec2());
        let corners = [a.x(), a.y(), b.x(), b.y()];
        corners.iter().all(|v| v.is_finite()).then(|| {
            (
                [a.x().min(b.x()), a.y().min(b.y())],
                [a.x().max(b.x()), a.y().max(b.y())],
            )
        })
    }

    pub fn projector(&self) -> &Projector<'a> {
        self.projector
    }
}

/// Fits the affine map from the projection's own f64 output.
fn fit(projector: &Projector) -> Option<Affine> {
    let projection = projector.projection();
    let zoom = projector.zoom();
    let centre = projector.clip_rect().center();
    let world = |lon: f64, lat: f64| projection.project(lon_lat(lon, lat), zoom);
    let centre_world = projection.project(projector.unproject(centre.to_vec2()), zoom);
    let origin = world(0.0, 0.0);
    let kx = (world(90.0, 0.0).x() - origin.x()) / 90.0;
    let ky = (world(0.0, 30.0).y() - origin.y()) / mercator_y(30.0);
    let x0 = f64::from(centre.x) + origin.x() - centre_world.x();
    let y0 = f64::from(centre.y) + origin.y() - centre_world.y();
    [kx, ky, x0, y0]
        .iter()
        .all(|v| v.is_finite())
        .then_some(Affine { x0, kx, y0, ky })
}

/// Whether the affine map matches the projector within a tenth of a pixel
/// at the viewport's corners and at a point far from the calibration ones.
fn agrees(affine: &Affine, projector: &Projector) -> bool {
    let rect = projector.clip_rect();
    let probes = [
        rect.left_top(),
        rect.right_bottom(),
        rect.center() + Vec2::new(37.0, -53.0),
    ];
    probes.iter().all(|probe| {
        let position = projector.unproject(probe.to_vec2());
        let expected = projector.project(position).to_pos2();
        let got = pos2(
            (affine.x0 + affine.kx * position.x()) as f32,
            (affine.y0 + affine.ky * mercator_y(position.y())) as f32,
        );
        (got - expected).length() < 0.1
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use walkers::{MapMemory, MercatorProjection};

    #[test]
    fn the_fast_path_matches_the_projector_across_the_view_at_every_zoom() {
        for (zoom, lat) in [
            (0.5, 10.5),
            (3.0, 10.5),
            (3.0, 70.0),
            (9.3, -33.0),
            (17.0, 10.5),
            (19.0, 60.0),
        ] {
            let mut memory = MapMemory::default();
            memory.set_zoom(zoom).unwrap();
            let centre = lon_lat(-66.9, lat);
            memory.center_at(centre);
            let rect = Rect::from_min_size(pos2(10.0, 20.0), egui::vec2(1600.0, 1000.0));
            let projector = Projector::new(rect, &MercatorProjection, &memory, centre);
            let screen = ScreenProjection::new(&projector).with_table(20.0);
            let plain = ScreenProjection::new(&projector);
            assert!(screen.is_affine(), "zoom {zoom}");
            for (u, v) in
                (0..=10).flat_map(|u| (0..=10).map(move |v| (u as f32 / 10.0, v as f32 / 10.0)))
            {
                let at = rect.min + rect.size() * egui::vec2(u, v) + egui::vec2(0.37, 0.61);
                let position = projector.unproject(at.to_vec2());
                if position.y().abs() > 85.0 {
                    continue;
                }
                let exact = projector.project(position).to_pos2();
                let fast = screen.lon_lat(position.x(), position.y());
                assert!(
                    (fast - exact).length() < 0.02,
                    "zoom {zoom}: {fast:?} vs {exact:?}"
                );
                let exact_path = plain.lon_lat(position.x(), position.y());
                assert!(
                    (exact_path - exact).length() < 0.02,
                    "zoom {zoom}: {exact_path:?}"
                );
                let unit = screen.unit(to_unit(position.x(), position.y()));
                assert!(
                    (unit - exact).length() < 0.02,
                    "zoom {zoom}: {unit:?} vs {exact:?}"
                );
            }
        }
    }
}
