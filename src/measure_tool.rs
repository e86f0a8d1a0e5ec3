//! The measure tool's domain: the places the user clicked, each leg's
//! geodesic distance and initial bearing on the WGS 84 ellipsoid (geo's
//! `Geodesic`, Karney's algorithms, the same the range rings use), the
//! total, and the leg as points close enough together to draw as the true
//! geodesic on the Mercator map. No egui here: `ui::measure_overlay` draws
//! it, `app::tools` applies the commands. (`crate::measure` is something
//! else: the pan-tour probe.)

use geo::{Bearing, Distance, Geodesic, InterpolatePoint, Point};

/// Metres in an international nautical mile.
const METRES_PER_NM: f64 = 1852.0;

/// What a key, the toolbar or a click asks of the measure tool.
#[derive(Debug, Clone, PartialEq)]
pub enum MeasureCommand {
    /// On (empty) or off (cleared): the toolbar button and `M`.
    Toggle,
    /// Off, cleared: Esc.
    Stop,
    /// Still on, no places: the readout's "Clear".
    Clear,
    /// A click on the map at `[lon, lat]`.
    Add([f64; 2]),
    /// Backspace: the last place goes.
    RemoveLast,
}

/// One leg between two clicked places.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Leg {
    /// Geodesic length in metres.
    pub metres: f64,
    /// Initial bearing (azimuth) at the leg's start, degrees clockwise
    /// from true north, in 0..360.
    pub bearing: f64,
}

impl Leg {
    pub fn between(a: [f64; 2], b: [f64; 2]) -> Self {
        let (a, b) = (Point::new(a[0], a[1]), Point::new(b[0], b[1]));
        Self {
            metres: Geodesic.distance(a, b),
            bearing: Geodesic.bearing(a, b),
        }
    }

    pub fn km(&self) -> f64 {
        self.metres / 1000.0
    }

    pub fn nm(&self) -> f64 {
        self.metres / METRES_PER_NM
    }

    /// "2,196 km · 1,186 nm · 322°": what the map and the readout show.
    pub fn label(&self) -> String {
        format!(
            "{} · {:03.0}°",
            distance_label(self.metres),
            self.bearing.round() % 360.0
        )
    }
}

/// "2,196 km · 1,186 nm" (one decimal under 100 km, where it matters).
pub fn distance_label(metres: f64) -> String {
    let (km, nm) = (metres / 1000.0, metres / METRES_PER_NM);
    let decimals = if km < 100.0 { 1 } else { 0 };
    crate::t!(
        "distance-km-nm",
        km = thousands(km, decimals),
        nm = thousands(nm, decimals)
    )
}

/// `value` with `decimals` in the interface language's form ("1,234.5",
/// "1.234,5").
pub(crate) fn thousands(value: f64, decimals: usize) -> String {
    crate::i18n::format::number(value, decimals)
}

/// The measure tool: on or off, and the places clicked while on.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Measurement {
    pub active: bool,
    points: Vec<[f64; 2]>,
}

/// More clicks than anyone measures; keeps a stuck mouse from growing it.
const MAX_POINTS: usize = 500;

impl Measurement {
    pub fn apply(&mut self, command: MeasureCommand) {
        match command {
            MeasureCommand::Toggle => {
                self.active = !self.active;
                self.points.clear();
            }
            MeasureCommand::Stop => *self = Self::default(),
            MeasureCommand::Clear => self.points.clear(),
            MeasureCommand::Add(place) => {
                let valid = place[0].is_finite() && place[1].is_finite();
                if self.active && valid && self.points.len() < MAX_POINTS {
                    self.points.push([place[0], place[1].clamp(-90.0, 90.0)]);
                }
            }
            MeasureCommand::RemoveLast => {
                self.points.pop();
            }
        }
    }

    pub fn points(&self) -> &[[f64; 2]] {
        &self.points
    }

    pub fn legs(&self) -> Vec<Leg> {
        self.points
            .windows(2)
            .map(|w| Leg::between(w[0], w[1]))
            .collect()
    }

    pub fn total_metres(&self) -> f64 {
        self.legs().iter().map(|l| l.metres).sum()
    }
}

/// The geodesic from `a` to `b` as points at most `step_km` apart (both
/// ends included), so that straight screen segments between them follow
/// the curve the Mercator map gives it. Longitudes run on continuously
/// from `a`'s, so a leg across the antimeridian is drawn whole.
pub fn geodesic_path(a: [f64; 2], b: [f64; 2], step_km: f64) -> Vec<[f64; 2]> {
    let step = (step_km * 1000.0).max(1000.0);
    // Never thousands of points, however long the leg or small the step.
    let length = Geodesic.distance(Point::new(a[0], a[1]), Point::new(b[0], b[1]));
    let step = step.max(length / 256.0);
    let mut last = a[0];
    Geodesic
        .points_along_line(Point::new(a[0], a[1]), Point::new(b[0], b[1]), step, true)
        .map(|p| {
            let lon = last + wrap(p.x() - last);
            last = lon;
            [lon, p.y()]
        })
        .collect()
}

/// `d` in -180..180.
fn wrap(d: f64) -> f64 {
    (d + 180.0).rem_euclid(360.0) - 180.0
}

#[cfg(test)]
mod tests {
    use super::*;

    // Reference values from GeographicLib's own GeodSolve (Karney's C++
    // implementation, `GeodSolve -i -p 9`, Debian geographiclib-tools),
    // an independent implementation from the Rust port geo uses.
    const CARACAS: [f64; 2] = [-66.90, 10.48];
    const MIAMI: [f64; 2] = [-80.19, 25.76];
    const PANAMA: [f64; 2] = [-79.52, 8.98];
    const BOGOTA: [f64; 2] = [-74.07, 4.71];

    #[test]
    fn caracas_to_miami_is_2196_km_leaving_on_322_degrees_as_geodsolve_says() {
        let leg = Leg::between(CARACAS, MIAMI);
        assert!((leg.metres - 2_196_004.254_270).abs() < 0.01, "{leg:?}");
        assert!((leg.bearing - (360.0 - 37.863_981_957)).abs() < 1e-6);
        assert!((leg.nm() - 2_196_004.254_270 / 1852.0).abs() < 1e-3);
        assert_eq!(leg.label(), "2,196 km · 1,186 nm · 322°");
    }

    #[test]
    fn panama_to_bogota_is_765_km_south_east() {
        let leg = Leg::between(PANAMA, BOGOTA);
        assert!((leg.metres - 765_307.471_571).abs() < 0.01, "{leg:?}");
        assert!((leg.bearing - 127.740_365_256).abs() < 1e-6);
    }

    #[test]
    fn jfk_to_heathrow_matches_geographiclibs_documented_example() {
        // The GeodSolve manual's example: 40.6 -73.8 51.6 -0.5.
        let leg = Leg::between([-73.8, 40.6], [-0.5, 51.6]);
        assert!((leg.km() - 5_551.759_400_319).abs() < 1e-6);
        assert!((leg.bearing - 51.198_882_846).abs() < 1e-6);
    }

    #[test]
    fn the_total_is_the_sum_of_the_legs_and_backspace_drops_the_last_place() {
        let mut m = Measurement::default();
        m.apply(MeasureCommand::Add(PANAMA));
        assert!(m.points().is_empty(), "nothing is measured while off");
        m.apply(MeasureCommand::Toggle);
        for place in [PANAMA, BOGOTA, CARACAS] {
            m.apply(MeasureCommand::Add(place));
        }
        let legs = m.legs();
        assert_eq!(legs.len(), 2);
        let want = Leg::between(PANAMA, BOGOTA).metres + Leg::between(BOGOTA, CARACAS).metres;
        assert!((m.total_metres() - want).abs() < 1e-6);
        m.apply(MeasureCommand::RemoveLast);
        assert_eq!(m.points(), &[PANAMA, BOGOTA]);
        m.apply(MeasureCommand::Clear);
        assert!(m.active && m.points().is_empty(), "Clear keeps the tool on");
        m.apply(MeasureCommand::Add(PANAMA));
        m.apply(MeasureCommand::Toggle);
        assert!(!m.active && m.points().is_empty(), "the toggle clears");
        m.apply(MeasureCommand::Toggle);
        m.apply(MeasureCommand::Add([f64::NAN, 0.0]));
        assert!(m.points().is_empty(), "a place that is not one is refused");
        m.apply(MeasureCommand::Add(PANAMA));
        m.apply(MeasureCommand::Stop);
        assert_eq!(m, Measurement::default());
    }

    #[test]
    fn a_long_leg_is_densified_along_the_geodesic_not_the_rhumb_line() {
        let path = geodesic_path(MIAMI, [-0.5, 51.6], 100.0);
        assert!(path.len() > 50 && path.len() <= 258, "{}", path.len());
        assert_eq!(path[0], MIAMI);
        let end = path[path.len() - 1];
        assert!((end[0] + 0.5).abs() < 1e-6 && (end[1] - 51.6).abs() < 1e-6);
        // A great circle from Miami to London bulges north of both ends,
        // far north of the rhumb line (a straight line on the map).
        let north = path.iter().map(|p| p[1]).fold(f64::MIN, f64::max);
        assert!(north > 52.0, "{north}");
        let middle = path[path.len() / 2];
        assert!(middle[1] > 45.0, "{middle:?}");
        // Each step is at most the asked length.
        for w in path.windows(2) {
            assert!(Leg::between(w[0], w[1]).km() <= 100.0 + 1e-6);
        }
    }

    #[test]
    fn a_leg_across_the_antimeridian_keeps_its_longitudes_continuous() {
        let path = geodesic_path([170.0, 0.0], [-170.0, 0.0], 100.0);
        assert!(path.windows(2).all(|w| (w[1][0] - w[0][0]).abs() < 2.0));
        assert!((path[path.len() - 1][0] - 190.0).abs() < 1e-6);
    }

    #[test]
    fn short_distances_keep_a_decimal_and_thousands_get_commas() {
        assert_eq!(distance_label(12_345.0), "12.3 km · 6.7 nm");
        assert_eq!(distance_label(1_234_567.0), "1,235 km · 667 nm");
        assert_eq!(thousands(1_234_567.8, 1), "1,234,567.8");
        assert_eq!(thousands(999.0, 0), "999");
    }
}
