//! Lon/lat to screen points for many coordinates per frame.
//!
//! walkers' `Projector::project` recomputes `2^zoom` and goes through a
//! `dyn Projection` for every call. Web Mercator is affine in `(lon,
//! mercator_y(lat))`, so the affine map is fitted once per frame from the
//! projection itself and checked against the projector at the viewport's
//! corners; any other projection (or a failed check) falls back to the
//! projector, point by point, so the result is always the projector's.
//!
//! Polygons are triangulated and cached in that same `(lon, mercator_y)`
//! "unit" space: an affine map keeps a valid triangulation valid, so a cached
//! one serves every zoom and pan.

use egui::{Pos2, Rect, Vec2, pos2};
use walkers::{Projector, lon_lat};

/// The Mercator ordinate of a latitude in degrees (radians-based, unscaled),
/// computed as walkers does so that both agree. The poles come out far off
/// screen but finite (`tan` of a rounded `π/2`).
pub fn mercator_y(lat: f64) -> f64 {
    lat.to_radians().tan().asinh()
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

/// Projects like the given projector, fast when the projection is Mercator.
pub struct ScreenProjection<'a> {
    projector: &'a Projector<'a>,
    affine: Option<Affine>,
}

impl<'a> ScreenProjection<'a> {
    pub fn new(projector: &'a Projector<'a>) -> Self {
        let affine = fit(projector).filter(|affine| agrees(affine, projector));
        Self { projector, affine }
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
            Some(a) => pos2(
                (a.x0 + a.kx * lon) as f32,
                (a.y0 + a.ky * mercator_y(lat)) as f32,
            ),
            None => self.projector.project(lon_lat(lon, lat)).to_pos2(),
        }
    }

    /// Where a point of unit space `[lon, mercator_y(lat)]` lands on screen.
    #[inline]
    pub fn unit(&self, [lon, y]: [f64; 2]) -> Pos2 {
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
    fn the_fast_path_matches_the_projector_at_every_zoom() {
        for zoom in [0.5, 3.0, 9.3, 17.0, 19.0] {
            let mut memory = MapMemory::default();
            memory.set_zoom(zoom).unwrap();
            let centre = lon_lat(-66.9, 10.5);
            memory.center_at(centre);
            let rect = Rect::from_min_size(pos2(10.0, 20.0), egui::vec2(1600.0, 1000.0));
            let projector = Projector::new(rect, &MercatorProjection, &memory, centre);
            let screen = ScreenProjection::new(&projector);
            assert!(screen.is_affine(), "zoom {zoom}");
            for (dx, dy) in [(0.0, 0.0), (0.3, -0.2), (-0.01, 0.004)] {
                let scale = 2f64.powf(-zoom) * 40.0;
                let (lon, lat) = (-66.9 + dx * scale, 10.5 + dy * scale);
                let fast = screen.lon_lat(lon, lat);
                let exact = projector.project(lon_lat(lon, lat)).to_pos2();
                assert!(
                    (fast - exact).length() < 0.05,
                    "zoom {zoom}: {fast:?} vs {exact:?}"
                );
                let unit = screen.unit([lon, mercator_y(lat)]);
                assert!((unit - exact).length() < 0.05);
            }
        }
    }
}
