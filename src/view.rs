//! Camera arithmetic in Web Mercator, kept apart from egui so it can be tested:
//! fitting a lon/lat box to a window, the named view presets, and panning by pixels;
//! and reading a window's or an image's size, `WIDTHxHEIGHT`, in one way.

use std::f64::consts::PI;
use std::fmt::Display;
use std::ops::RangeInclusive;
use std::str::FromStr;
use walkers::{Position, lon_lat};

/// Walkers' world is 256 points wide at zoom 0.
const WORLD_AT_ZOOM_0: f64 = 256.0;
pub const MIN_ZOOM: f64 = 1.0;
pub const MAX_ZOOM: f64 = 14.0;

/// A box in longitude and latitude degrees: the one bounding-box type of
/// the camera, the scenes and story files, `render --bbox`, and the view the
/// overlay draws. Files and the command line write it as
/// `[west, south, east, north]` (serde goes through that array, so story and
/// session files are unchanged). A feature's own bounds stay a `geo::Rect`,
/// the type the spatial index (rstar) and geo's algorithms take;
/// [`LonLatBox::from`] converts one.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(from = "[f64; 4]", into = "[f64; 4]")]
pub struct LonLatBox {
    pub west: f64,
    pub south: f64,
    pub east: f64,
    pub north: f64,
}

impl LonLatBox {
    pub const fn new(west: f64, south: f64, east: f64, north: f64) -> Self {
        Self {
            west,
            south,
            east,
            north,
        }
    }

    /// `[west, south, east, north]`, the order files use.
    pub const fn to_array(self) -> [f64; 4] {
        [self.west, self.south, self.east, self.north]
    }

    /// Whether `lon`, `lat` lies inside or on the edge.
    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        (self.west..=self.east).contains(&lon) && (self.south..=self.north).contains(&lat)
    }
}

impl From<[f64; 4]> for LonLatBox {
    fn from([west, south, east, north]: [f64; 4]) -> Self {
        Self::new(west, south, east, north)
    }
}

impl From<LonLatBox> for [f64; 4] {
    fn from(b: LonLatBox) -> Self {
        b.to_array()
    }
}

impl From<geo::Rect<f64>> for LonLatBox {
    fn from(r: geo::Rect<f64>) -> Self {
        Self::new(r.min().x, r.min().y, r.max().x, r.max().y)
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ViewPreset {
    /// The English name (tests and the code's own references).
    pub name: &'static str,
    /// The message naming it in the interface's language.
    pub message: &'static str,
    pub bbox: LonLatBox,
}

impl ViewPreset {
    /// The name in the interface's language.
    pub fn label(&self) -> String {
        crate::i18n::tr(self.message)
    }
}

/// The whole Americas: what the app opens on and what Home returns to.
pub const AMERICAS: ViewPreset = ViewPreset {
    name: "Americas",
    message: "view-americas",
    bbox: LonLatBox::new(-170.0, -56.0, -30.0, 72.0),
};

pub const PRESETS: [ViewPreset; 5] = [
    AMERICAS,
    ViewPreset {
        name: "Caribbean",
        message: "view-caribbean",
        bbox: LonLatBox::new(-88.0, 9.0, -59.0, 27.0),
    },
    ViewPreset {
        name: "Mexico",
        message: "view-mexico",
        bbox: LonLatBox::new(-118.0, 14.0, -86.0, 33.0),
    },
    ViewPreset {
        name: "Venezuela & Colombia",
        message: "view-venezuela-colombia",
        bbox: LonLatBox::new(-80.0, -4.5, -59.5, 13.5),
    },
    ViewPreset {
        name: "Eastern Pacific",
        message: "view-eastern-pacific",
        bbox: LonLatBox::new(-120.0, -8.0, -76.0, 22.0),
    },
];

/// `WIDTHxHEIGHT` (`x` or `X` between), each side a `T` within `sides`:
/// the window size (`sitmap --size`, points) and the image size (`sitmap
/// render --size`, whole pixels) are read by this one parser. `example`
/// shows a good value in the error; `unit` says what a side is.
pub fn parse_wxh<T>(
    text: &str,
    sides: RangeInclusive<T>,
    unit: &str,
    example: &str,
) -> Result<[T; 2], String>
where
    T: FromStr + PartialOrd + Display,
{
    let (w, h) = text
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("`{text}` is not WIDTHxHEIGHT, e.g. {example}"))?;
    let side = |v: &str| {
        v.trim()
            .parse::<T>()
            .ok()
            .filter(|v| sides.contains(v))
            .ok_or_else(|| {
                format!(
                    "`{v}` is not {unit} from {} to {}",
                    sides.start(),
                    sides.end()
                )
            })
    };
    Ok([side(w)?, side(h)?])
}

/// Web Mercator's latitude limit: the square world.
pub const MAX_LAT: f64 = 85.051_128_78;

/// Web Mercator x and y in 0..1 (y grows southwards).
pub fn mercator(lon: f64, lat: f64) -> (f64, f64) {
    let lat = lat.clamp(-MAX_LAT, MAX_LAT).to_radians();
    ((lon + 180.0) / 360.0, (1.0 - lat.tan().asinh() / PI) / 2.0)
}

pub fn unmercator(x: f64, y: f64) -> (f64, f64) {
    let lon = x * 360.0 - 180.0;
    let lat = (PI * (1.0 - 2.0 * y)).sinh().atan().to_degrees();
    (lon, lat)
}

/// Centre and zoom that show all of `bbox` in a viewport of `width` × `height` points.
pub fn fit(bbox: LonLatBox, width: f32, height: f32) -> (Position, f64) {
    let (x0, y0) = mercator(bbox.west, bbox.north);
    let (x1, y1) = mercator(bbox.east, bbox.south);
    let (dx, dy) = ((x1 - x0).max(1e-9), (y1 - y0).max(1e-9));
    let zoom_x = (f64::from(width.max(1.0)) / (dx * WORLD_AT_ZOOM_0)).log2();
    let zoom_y = (f64::from(height.max(1.0)) / (dy * WORLD_AT_ZOOM_0)).log2();
    let zoom = zoom_x.min(zoom_y).clamp(MIN_ZOOM, MAX_ZOOM);
    let (lon, lat) = unmercator((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    (lon_lat(lon, lat), zoom)
}

/// The lon/lat box a `width` × `height` viewport shows at `center` and
/// `zoom`: what "add a scene from this view" stores, so the scene fits any
/// screen it is later shown on. Always a box the story loader accepts
/// (see [`within_world`]): a wide window on the whole Americas sees past the
/// antimeridian, and that part is dropped rather than written as -207°.
pub fn visible_bbox(center: Position, zoom: f64, width: f32, height: f32) -> LonLatBox {
    within_world(visible_span(center, zoom, width, height))
}

/// As [`visible_bbox`], but not cut to the world: a view across the
/// antimeridian keeps its west edge below -180° (or its east above 180°),
/// so a server query can ask for both sides (`ogc::items::bbox_params`).
pub fn visible_span(center: Position, zoom: f64, width: f32, height: f32) -> LonLatBox {
    let world = WORLD_AT_ZOOM_0 * 2f64.powf(zoom);
    let (x, y) = mercator(center.x(), center.y());
    let (dx, dy) = (
        f64::from(width) / 2.0 / world,
        f64::from(height) / 2.0 / world,
    );
    let (west, north) = unmercator(x - dx, (y - dy).max(0.0));
    let (east, south) = unmercator(x + dx, (y + dy).min(1.0));
    LonLatBox::new(west, south, east, north)
}

/// `bbox` moved by whole turns so its middle is within ±180° longitude,
/// then cut to ±180° longitude and ±[`MAX_LAT`] latitude: the part of the
/// world the map can show. A box wider than the world becomes the whole
/// width. Not-a-number edges become the whole world's.
pub fn within_world(bbox: LonLatBox) -> LonLatBox {
    let LonLatBox {
        mut west,
        south,
        mut east,
        north,
    } = bbox;
    if !(west.is_finite() && east.is_finite()) || east - west >= 360.0 {
        (west, east) = (-180.0, 180.0);
    } else {
        let middle = (west + east) / 2.0;
        let turns = ((middle + 180.0).div_euclid(360.0)) * 360.0;
        west = (west - turns).max(-180.0);
        east = (east - turns).min(180.0);
    }
    let lat = |v: f64, fallback: f64| {
        if v.is_finite() {
            v.clamp(-MAX_LAT, MAX_LAT)
        } else {
            fallback
        }
    };
    LonLatBox::new(west, lat(south, -MAX_LAT), east, lat(north, MAX_LAT))
}

/// The centre after moving the view by `dx`, `dy` screen points at `zoom`.
pub fn pan(center: Position, zoom: f64, dx: f64, dy: f64) -> Position {
    let world = WORLD_AT_ZOOM_0 * 2f64.powf(zoom);
    let (x, y) = mercator(center.x(), center.y());
    let x = (x + dx / world).rem_euclid(1.0);
    let y = (y + dy / world).clamp(0.0, 1.0);
    let (lon, lat) = unmercator(x, y);
    lon_lat(lon, lat)
}

/// "10.49° N, 66.88° W": what the cursor readout shows.
pub fn format_lon_lat(lon: f64, lat: f64) -> String {
    let ns = if lat >= 0.0 { 'N' } else { 'S' };
    let ew = if lon >= 0.0 { 'E' } else { 'W' };
    format!("{:.3}° {ns}, {:.3}° {ew}", lat.abs(), lon.abs())
}

/// A scale bar length: the largest 1, 2 or 5 × 10ⁿ km that fits in `max_px`.
pub fn scale_bar(pixels_per_km: f64, max_px: f64) -> Option<(f64, f64)> {
    if !(pixels_per_km.is_finite() && pixels_per_km > 0.0) {
        return None;
    }
    let max_km = max_px / pixels_per_km;
    let magnitude = 10f64.powf(max_km.log10().floor());
    let km = [5.0, 2.0, 1.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|km| *km <= max_km)?;
    Some((km, km * pixels_per_km))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_wxh_parser_reads_points_and_pixels_with_their_own_limits() {
        assert_eq!(
            parse_wxh("1600x1000", 200.0..=16384.0, "a size", "1600x1000"),
            Ok([1600.0f32, 1000.0])
        );
        assert_eq!(
            parse_wxh("640X 400", 200..=8192, "pixels", "1920x1080"),
            Ok([640u32, 400])
        );
        assert_eq!(
            parse_wxh(
                "1.5x300",
                200..=8192u32,
                "a whole number of pixels",
                "1920x1080"
            ),
            Err("`1.5` is not a whole number of pixels from 200 to 8192".to_owned())
        );
        assert_eq!(
            parse_wxh::<u32>("big", 200..=8192, "pixels", "1920x1080"),
            Err("`big` is not WIDTHxHEIGHT, e.g. 1920x1080".to_owned())
        );
        assert!(parse_wxh("9000x300", 200..=8192u32, "pixels", "1920x1080").is_err());
    }

    #[test]
    fn the_visible_box_fits_back_to_the_same_view() {
        let center = lon_lat(-66.0, 12.0);
        let bbox = visible_bbox(center, 6.0, 1600.0, 1000.0);
        assert!(bbox.west < -66.0 && bbox.east > -66.0 && bbox.south < 12.0 && bbox.north > 12.0);
        let (back, zoom) = fit(bbox, 1600.0, 1000.0);
        assert!((zoom - 6.0).abs() < 1e-6, "{zoom}");
        assert!((back.x() + 66.0).abs() < 1e-6 && (back.y() - 12.0).abs() < 1e-6);
    }

    #[test]
    fn the_opening_view_of_a_wide_window_gives_a_box_within_the_world() {
        // The whole Americas in 1600 x 1000 sees past the antimeridian
        // (-206.97 once, which the story loader refuses).
        for (w, h) in [(1600.0, 1000.0), (1290.0, 900.0), (3840.0, 1000.0)] {
            let (center, zoom) = fit(AMERICAS.bbox, w, h);
            let [west, south, east, north] = visible_bbox(center, zoom, w, h).to_array();
            assert!((-180.0..=180.0).contains(&west), "{w}x{h}: west {west}");
            assert!((-180.0..=180.0).contains(&east), "{w}x{h}: east {east}");
            assert!(west < east && south < north, "{w}x{h}");
            assert!(west <= AMERICAS.bbox.west + 1e-6 && east >= AMERICAS.bbox.east - 1e-6);
        }
        // A centre a turn away (a long pan west) gives the same box.
        let here = visible_bbox(lon_lat(-100.0, 10.0), 4.0, 800.0, 600.0);
        let turned = visible_bbox(lon_lat(-460.0, 10.0), 4.0, 800.0, 600.0);
        for (a, b) in here.to_array().iter().zip(turned.to_array()) {
            assert!((a - b).abs() < 1e-9, "{here:?} {turned:?}");
        }
    }

    #[test]
    fn a_box_wider_than_the_world_is_the_whole_width() {
        assert_eq!(
            within_world([-400.0, -10.0, 100.0, 95.0].into()),
            LonLatBox::new(-180.0, -10.0, 180.0, MAX_LAT)
        );
        assert_eq!(
            within_world([f64::NAN, -10.0, 100.0, 10.0].into()),
            LonLatBox::new(-180.0, -10.0, 180.0, 10.0)
        );
    }

    fn visible_box(center: Position, zoom: f64, width: f32, height: f32) -> [f64; 4] {
        let world = WORLD_AT_ZOOM_0 * 2f64.powf(zoom);
        let (cx, cy) = mercator(center.x(), center.y());
        let half_w = f64::from(width) / 2.0 / world;
        let half_h = f64::from(height) / 2.0 / world;
        let (west, north) = unmercator(cx - half_w, cy - half_h);
        let (east, south) = unmercator(cx + half_w, cy + half_h);
        [west, south, east, north]
    }

    #[test]
    fn the_americas_fit_in_any_window_shape() {
        for (w, h) in [
            (1600.0, 1000.0),
            (800.0, 1200.0),
            (1920.0, 1080.0),
            (640.0, 480.0),
        ] {
            let (center, zoom) = fit(AMERICAS.bbox, w, h);
            let seen = visible_box(center, zoom, w, h);
            let [west, south, east, north] = AMERICAS.bbox.to_array();
            assert!(
                seen[0] <= west + 1e-6 && seen[2] >= east - 1e-6,
                "{w}x{h}: {seen:?}"
            );
            assert!(
                seen[1] <= south + 1e-6 && seen[3] >= north - 1e-6,
                "{w}x{h}: {seen:?}"
            );
            // And it fills one direction: no needless zooming out.
            let fills_width = (seen[2] - seen[0] - (east - west)).abs() < 0.5;
            let fills_height = (seen[3] - seen[1] - (north - south)).abs() < 0.5;
            assert!(fills_width || fills_height, "{w}x{h}: {seen:?}");
        }
    }

    #[test]
    fn panning_there_and_back_returns_home() {
        let start = lon_lat(-66.9, 10.5);
        let moved = pan(start, 5.0, 120.0, -80.0);
        assert!(moved.x() > start.x() && moved.y() > start.y());
        let back = pan(moved, 5.0, -120.0, 80.0);
        assert!((back.x() - start.x()).abs() < 1e-9 && (back.y() - start.y()).abs() < 1e-9);
    }

    #[test]
    fn coordinates_read_with_hemispheres() {
        assert_eq!(format_lon_lat(-66.879, 10.488), "10.488° N, 66.879° W");
        assert_eq!(format_lon_lat(-58.38, -34.6), "34.600° S, 58.380° W");
    }

    #[test]
    fn the_scale_bar_picks_a_round_length_that_fits() {
        let (km, px) = scale_bar(0.5, 150.0).unwrap();
        assert_eq!(km, 200.0);
        assert!((px - 100.0).abs() < 1e-9);
        assert_eq!(scale_bar(0.0, 150.0), None);
    }
}
