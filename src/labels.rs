//! Place names drawn over the basemap tiles: greedy, priority-ordered, collision-free placement.

use std::cmp::Ordering;

use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Pos2, Rect, Stroke, StrokeKind, Vec2, pos2, vec2};

use crate::basemap::places::{Place, PlaceKind};

/// How far beyond its `min_zoom` a place is offered early. Natural Earth's
/// `MIN_LABEL` suits countries a little ahead of time (the whole-Americas view
/// sits near zoom 2.7), while capitals and cities would crowd that view, so
/// they come in half a level late.
fn zoom_bias(kind: PlaceKind) -> f64 {
    match kind {
        PlaceKind::Country => 0.5,
        PlaceKind::Capital | PlaceKind::City => -0.5,
    }
}

/// Empty space kept around every placed text, so neighbours never touch.
const PAD: f32 = 2.0;
/// Half the side of the square a point marker (and its outline) occupies.
const DOT_HALF: f32 = 3.5;
/// Distance between the marker's centre and the near edge of its text: just
/// clear of the padding, so a label never collides with its own marker.
const DOT_GAP: f32 = DOT_HALF + PAD + 0.5;
/// Side of a collision-grid cell: about one short label, so a lookup touches few cells.
const CELL: f32 = 64.0;

/// Whether `place` is a candidate at this map zoom at all (before collisions).
pub fn is_offered(place: &Place, zoom: f64) -> bool {
    f64::from(place.min_zoom) <= zoom + zoom_bias(place.kind)
}

/// One label that won a spot on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedLabel {
    /// Index into the `places` slice given to [`place_labels`].
    pub index: usize,
    /// Where the text goes, in screen points; paint the galley at `text_rect.min`.
    pub text_rect: Rect,
    /// The marker position for capitals and cities; countries have none.
    pub dot: Option<Pos2>,
}

/// The order in which places claim space: countries, capitals, cities; then the
/// ones Natural Earth considers more important, then the more populous; the name
/// and index last so that ties never depend on sort stability or input quirks.
fn priority(a: &Place, b: &Place) -> Ordering {
    a.kind
        .cmp(&b.kind)
        .then(a.min_zoom.total_cmp(&b.min_zoom))
        .then(b.population.cmp(&a.population))
        .then_with(|| a.name.cmp(&b.name))
}

/// Chooses which labels to show and where, without painting, so it can be tested
/// headless. `project` maps (lon, lat) to screen points; `measure` returns the
/// size of a label's text. Only candidates whose marker is free get measured,
/// which keeps text layout off the hot path when the map is crowded.
pub fn place_labels(
    places: &[Place],
    zoom: f64,
    viewport: Rect,
    project: impl Fn(f32, f32) -> Pos2,
    mut measure: impl FnMut(&str, PlaceKind) -> Vec2,
) -> Vec<PlacedLabel> {
    if !viewport.is_finite() || viewport.width() <= 0.0 || viewport.height() <= 0.0 {
        return Vec::new();
    }
    // Keep markers a little inside the edge so they are never half cut off.
    let inner = viewport.shrink(DOT_HALF);
    let mut candidates: Vec<(usize, Pos2)> = places
        .iter()
        .enumerate()
        .filter(|(_, place)| is_offered(place, zoom))
        .filter_map(|(index, place)| {
            let point = project(place.lon, place.lat);
            (point.is_finite() && inner.contains(point)).then_some((index, point))
        })
        .collect();
    candidates.sort_by(|a, b| priority(&places[a.0], &places[b.0]).then(a.0.cmp(&b.0)));

    let mut grid = Grid::new(viewport);
    // Country names sit near their capitals; claiming the capitals' markers first
    // makes a country name step aside rather than bury its capital.
    let mut reserved: Vec<Option<u32>> = candidates
        .iter()
        .enumerate()
        .map(|(rank, &(index, point))| {
            let dot = dot_rect(point);
            (places[index].kind == PlaceKind::Capital && grid.is_free(dot.expand(PAD)))
                .then(|| grid.insert(dot, Some(rank)))
        })
        .collect();

    let mut placed = Vec::new();
    for (rank, &(index, point)) in candidates.iter().enumerate() {
        let place = &places[index];
        let is_capital = place.kind == PlaceKind::Capital;
        let has_dot = place.kind != PlaceKind::Country;
        let dot_is_free = match place.kind {
            PlaceKind::Country => true,
            PlaceKind::Capital => reserved[rank].is_some(),
            PlaceKind::City => grid.is_free(dot_rect(point).expand(PAD)),
        };
        let size = if dot_is_free {
            measure(&place.name, place.kind)
        } else {
            Vec2::ZERO
        };
        // The reservations must not invert the priority among capitals: a
        // capital's name may displace the marker of a lesser capital.
        let yields = |id: u32| is_capital && grid.owner(id).is_some_and(|o| o > rank);
        let text_rect = (size.x > 0.0 && size.y > 0.0 && size.is_finite())
            .then(|| {
                text_positions(point, size, has_dot)
                    .into_iter()
                    .flatten()
                    .find(|r| viewport.contains_rect(*r) && grid.hits(r.expand(PAD)).all(yields))
            })
            .flatten();
        let Some(text_rect) = text_rect else {
            if let Some(id) = reserved[rank] {
                grid.remove(id);
            }
            continue;
        };
        let displaced: Vec<u32> = grid.hits(text_rect.expand(PAD)).collect();
        for id in displaced {
            if let Some(owner) = grid.owner(id) {
                grid.remove(id);
                reserved[owner] = None;
            }
        }
        grid.insert(text_rect, None);
        if place.kind == PlaceKind::City {
            grid.insert(dot_rect(point), None);
        }
        placed.push(PlacedLabel {
            index,
            text_rect,
            dot: has_dot.then_some(point),
        });
    }
    placed
}

/// The space a point marker claims, outline included.
fn dot_rect(point: Pos2) -> Rect {
    Rect::from_center_size(point, Vec2::splat(2.0 * DOT_HALF))
}

/// Candidate text rects in order of preference. A country name labels an area,
/// so it is centred, or nudged one line down or up to clear a marker. Point
/// names go right, left, above, below their marker.
fn text_positions(point: Pos2, size: Vec2, has_dot: bool) -> [Option<Rect>; 4] {
    if !has_dot {
        let centred = |dy: f32| Some(Rect::from_center_size(point + vec2(0.0, dy), size));
        return [
            centred(0.0),
            centred(0.8 * size.y),
            centred(-0.8 * size.y),
            None,
        ];
    }
    let (x, y) = (point.x, point.y);
    let at = |min: Pos2| Some(Rect::from_min_size(min, size));
    [
        at(pos2(x + DOT_GAP, y - size.y / 2.0)),
        at(pos2(x - DOT_GAP - size.x, y - size.y / 2.0)),
        at(pos2(x - size.x / 2.0, y - DOT_GAP - size.y)),
        at(pos2(x - size.x / 2.0, y + DOT_GAP)),
    ]
}

/// A uniform grid over the viewport holding every placed rect, so each collision
/// test only looks at the few rects sharing its cells rather than all of them.
struct Grid {
    origin: Pos2,
    cols: usize,
    rows: usize,
    cells: Vec<Vec<u32>>,
    rects: Vec<Rect>,
    /// For a capital's reserved marker, the rank of that capital; `None` for placed labels.
    owners: Vec<Option<usize>>,
}

impl Grid {
    fn new(viewport: Rect) -> Self {
        let cols = (viewport.width() / CELL).ceil().max(1.0) as usize;
        let rows = (viewport.height() / CELL).ceil().max(1.0) as usize;
        Self {
            origin: viewport.min,
            cols,
            rows,
            cells: vec![Vec::new(); cols * rows],
            rects: Vec::new(),
            owners: Vec::new(),
        }
    }

    /// The cell index ranges a rect touches, clamped to the grid (rects that poke
    /// out of the viewport land in the border cells, which is still conservative).
    fn span(&self, rect: Rect) -> (std::ops::Range<usize>, std::ops::Range<usize>) {
        let cell = |v: f32, origin: f32, n: usize| {
            (((v - origin) / CELL).floor().max(0.0) as usize).min(n - 1)
        };
        let x0 = cell(rect.min.x, self.origin.x, self.cols);
        let x1 = cell(rect.max.x, self.origin.x, self.cols);
        let y0 = cell(rect.min.y, self.origin.y, self.rows);
        let y1 = cell(rect.max.y, self.origin.y, self.rows);
        (x0..x1 + 1, y0..y1 + 1)
    }

    /// Ids of the stored rects that intersect `rect` (an id may repeat).
    fn hits(&self, rect: Rect) -> impl Iterator<Item = u32> + '_ {
        let (xs, ys) = self.span(rect);
        ys.flat_map(move |y| xs.clone().map(move |x| y * self.cols + x))
            .flat_map(|cell| &self.cells[cell])
            .copied()
            .filter(move |&id| self.rects[id as usize].intersects(rect))
    }

    fn is_free(&self, rect: Rect) -> bool {
        self.hits(rect).next().is_none()
    }

    fn owner(&self, id: u32) -> Option<usize> {
        self.owners.get(id as usize).copied().flatten()
    }

    fn insert(&mut self, rect: Rect, owner: Option<usize>) -> u32 {
        let id = self.rects.len() as u32;
        self.rects.push(rect);
        self.owners.push(owner);
        let (xs, ys) = self.span(rect);
        for y in ys {
            for x in xs.clone() {
                self.cells[y * self.cols + x].push(id);
            }
        }
        id
    }

    /// Frees a reservation; `NOTHING` intersects no rect, so the id can stay in its cells.
    fn remove(&mut self, id: u32) {
        if let Some(rect) = self.rects.get_mut(id as usize) {
            *rect = Rect::NOTHING;
        }
    }
}

/// Colours and sizes of the labels. Greys only: the data overlays drawn on top
/// use saturated colours and must remain the loudest thing on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelStyle {
    pub country_size: f32,
    pub capital_size: f32,
    pub city_size: f32,
    /// Loose tracking sets area names apart from point names at a glance.
    pub country_letter_spacing: f32,
    pub country_text: Color32,
    pub capital_text: Color32,
    pub city_text: Color32,
    /// Drawn around every glyph so text reads over land, sea and borders alike.
    pub halo: Color32,
    pub capital_marker_fill: Color32,
    pub capital_marker_stroke: Color32,
    pub city_dot: Color32,
}

impl LabelStyle {
    /// For the light basemap (land #F3F1EC, ocean #C9D6DF): dark text, light halo.
    pub fn light() -> Self {
        Self {
            country_size: 15.5,
            capital_size: 13.0,
            city_size: 12.0,
            country_letter_spacing: 1.0,
            country_text: Color32::from_rgb(0x7C, 0x80, 0x86),
            capital_text: Color32::from_rgb(0x26, 0x29, 0x2D),
            city_text: Color32::from_rgb(0x4A, 0x4E, 0x54),
            halo: Color32::from_rgba_unmultiplied(0xF8, 0xF7, 0xF4, 0xD0),
            capital_marker_fill: Color32::from_rgb(0xF8, 0xF7, 0xF4),
            capital_marker_stroke: Color32::from_rgb(0x33, 0x36, 0x3A),
            city_dot: Color32::from_rgb(0x55, 0x59, 0x5F),
        }
    }

    /// For the dark basemap (land #2E3338, ocean #18212B): light text, dark halo.
    pub fn dark() -> Self {
        Self {
            country_text: Color32::from_rgb(0x8F, 0x97, 0xA0),
            capital_text: Color32::from_rgb(0xE4, 0xE7, 0xEA),
            city_text: Color32::from_rgb(0xBE, 0xC3, 0xC9),
            halo: Color32::from_rgba_unmultiplied(0x12, 0x17, 0x1D, 0xD0),
            capital_marker_fill: Color32::from_rgb(0x18, 0x1D, 0x22),
            capital_marker_stroke: Color32::from_rgb(0xD8, 0xDC, 0xE0),
            city_dot: Color32::from_rgb(0xB4, 0xBA, 0xC0),
            ..Self::light()
        }
    }

    /// The text layout for one label; shared by measuring and painting so the
    /// placed rect is exactly the painted text.
    pub fn job(&self, text: &str, kind: PlaceKind) -> LayoutJob {
        let (size, color, spacing) = match kind {
            PlaceKind::Country => (
                self.country_size,
                self.country_text,
                self.country_letter_spacing,
            ),
            PlaceKind::Capital => (self.capital_size, self.capital_text, 0.0),
            PlaceKind::City => (self.city_size, self.city_text, 0.0),
        };
        let format = TextFormat {
            extra_letter_spacing: spacing,
            ..TextFormat::simple(FontId::proportional(size), color)
        };
        LayoutJob::single_section(text.to_owned(), format)
    }
}

/// Draws the place labels as a walkers plugin; add it after the tile layer and
/// before the data overlays so labels sit beneath the data.
pub struct LabelsPlugin<'a> {
    places: &'a [Place],
    style: LabelStyle,
}

impl<'a> LabelsPlugin<'a> {
    pub fn new(places: &'a [Place], style: LabelStyle) -> Self {
        Self { places, style }
    }
}

/// Halo offsets: eight directions one point out trace a solid outline at 1–2 px text stroke widths.
const HALO_OFFSETS: [Vec2; 8] = [
    vec2(-1.0, -1.0),
    vec2(0.0, -1.0),
    vec2(1.0, -1.0),
    vec2(-1.0, 0.0),
    vec2(1.0, 0.0),
    vec2(-1.0, 1.0),
    vec2(0.0, 1.0),
    vec2(1.0, 1.0),
];

impl walkers::Plugin for LabelsPlugin<'_> {
    fn run(
        self: Box<Self>,
        ui: &mut egui::Ui,
        _response: &egui::Response,
        projector: &walkers::Projector,
        _map_memory: &walkers::MapMemory,
    ) {
        let viewport = projector.clip_rect();
        let painter = ui.painter().with_clip_rect(viewport);
        let style = &self.style;
        let placed = place_labels(
            self.places,
            projector.zoom(),
            viewport,
            |lon, lat| {
                projector
                    .project(walkers::lon_lat(f64::from(lon), f64::from(lat)))
                    .to_pos2()
            },
            // egui caches galleys by job, so painting below reuses these layouts.
            |text, kind| painter.layout_job(style.job(text, kind)).size(),
        );
        for label in placed {
            let place = &self.places[label.index];
            if let Some(dot) = label.dot {
                match place.kind {
                    PlaceKind::Capital => {
                        let square = Rect::from_center_size(dot, Vec2::splat(6.0));
                        painter.rect(
                            square,
                            0.0,
                            style.capital_marker_fill,
                            Stroke::new(1.5, style.capital_marker_stroke),
                            StrokeKind::Inside,
                        );
                    }
                    _ => {
                        painter.circle(dot, 2.5, style.city_dot, Stroke::new(1.0, style.halo));
                    }
                }
            }
            let galley = painter.layout_job(style.job(&place.name, place.kind));
            for offset in HALO_OFFSETS {
                painter.galley_with_override_text_color(
                    label.text_rect.min + offset,
                    galley.clone(),
                    style.halo,
                );
            }
            painter.galley(label.text_rect.min, galley, style.halo);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::basemap::places::parse_places;

    const PLACES_TSV: &str =
        include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/places.tsv"));

    fn places() -> Vec<Place> {
        let (places, problems) = parse_places(PLACES_TSV);
        assert!(problems.is_empty(), "{problems:?}");
        places
    }

    fn viewport() -> Rect {
        Rect::from_min_size(Pos2::ZERO, vec2(1600.0, 1000.0))
    }

    /// Web Mercator at `zoom`, with (`lon0`, `lat0`) at the viewport centre.
    fn mercator(zoom: f64, lon0: f32, lat0: f32) -> impl Fn(f32, f32) -> Pos2 {
        let world = 256.0 * 2f64.powf(zoom);
        let raw = move |lon: f32, lat: f32| {
            let lat = f64::from(lat).to_radians();
            let x = (f64::from(lon) + 180.0) / 360.0 * world;
            let y = (1.0 - lat.tan().asinh() / std::f64::consts::PI) / 2.0 * world;
            (x, y)
        };
        let (cx, cy) = raw(lon0, lat0);
        let centre = viewport().center();
        move |lon, lat| {
            let (x, y) = raw(lon, lat);
            pos2(centre.x + (x - cx) as f32, centre.y + (y - cy) as f32)
        }
    }

    /// Real egui font metrics, as the plugin would measure them.
    fn egui_measure() -> impl FnMut(&str, PlaceKind) -> Vec2 {
        let ctx = egui::Context::default();
        // The first pass creates the font atlas; nothing will upload it here.
        ctx.run_ui(egui::RawInput::default(), |_| {})
            .textures_delta
            .clear();
        let style = LabelStyle::light();
        move |text, kind| ctx.fonts_mut(|f| f.layout_job(style.job(text, kind)).size())
    }

    fn place_at(zoom: f64, lon0: f32, lat0: f32, places: &[Place]) -> Vec<PlacedLabel> {
        place_labels(
            places,
            zoom,
            viewport(),
            mercator(zoom, lon0, lat0),
            egui_measure(),
        )
    }

    fn names<'p>(placed: &[PlacedLabel], places: &'p [Place]) -> Vec<&'p str> {
        placed
            .iter()
            .map(|l| places[l.index].name.as_str())
            .collect()
    }

    /// The invariants every placement must keep, whatever the view.
    fn assert_clean(placed: &[PlacedLabel], places: &[Place]) {
        let vp = viewport();
        for (i, a) in placed.iter().enumerate() {
            let a_name = &places[a.index].name;
            assert!(
                vp.contains_rect(a.text_rect),
                "{a_name} leaves the viewport"
            );
            for b in &placed[i + 1..] {
                let b_name = &places[b.index].name;
                assert!(
                    !a.text_rect.intersects(b.text_rect),
                    "{a_name} overlaps {b_name}"
                );
            }
            for b in placed.iter().filter(|b| b.index != a.index) {
                if let Some(dot) = b.dot {
                    let dot_rect = Rect::from_center_size(dot, Vec2::splat(2.0 * DOT_HALF));
                    assert!(
                        !a.text_rect.intersects(dot_rect),
                        "{a_name} covers the dot of {}",
                        places[b.index].name
                    );
                }
            }
        }
    }

    #[test]
    fn no_two_labels_overlap_at_zoom_3_over_the_americas() {
        let places = places();
        let placed = place_at(3.0, -100.0, 15.0, &places);
        assert_clean(&placed, &places);
        let names = names(&placed, &places);
        assert!(placed.len() > 10, "only {names:?}");
        assert!(
            names.contains(&"Venezuela") || names.contains(&"Brazil"),
            "{names:?}"
        );
    }

    #[test]
    fn no_two_labels_overlap_at_zoom_5_over_the_americas() {
        let places = places();
        let placed = place_at(5.0, -100.0, 15.0, &places);
        assert_clean(&placed, &places);
        assert!(placed.len() > 30, "only {:?}", names(&placed, &places));
    }

    #[test]
    fn caracas_wins_its_spot_at_zoom_5_around_caracas() {
        let places = places();
        let placed = place_at(5.0, -66.9, 10.5, &places);
        assert_clean(&placed, &places);
        let names = names(&placed, &places);
        assert!(names.contains(&"Caracas"), "{names:?}");
        assert!(names.contains(&"Venezuela"), "{names:?}");
    }

    #[test]
    fn placement_is_deterministic() {
        let places = places();
        let first = place_at(4.0, -80.0, 0.0, &places);
        let second = place_at(4.0, -80.0, 0.0, &places);
        assert_eq!(first, second);
        let mut reversed = places.clone();
        reversed.reverse();
        let third = place_at(4.0, -80.0, 0.0, &reversed);
        assert_eq!(names(&first, &places), names(&third, &reversed));
    }

    fn place(kind: PlaceKind, name: &str, population: u64, min_zoom: f32) -> Place {
        Place {
            kind,
            name: name.into(),
            lon: -66.9,
            lat: 10.5,
            population,
            min_zoom,
        }
    }

    /// A fixed-width stand-in for fonts, so the synthetic tests need no egui context.
    fn box_measure(text: &str, _kind: PlaceKind) -> Vec2 {
        vec2(8.0 * text.len() as f32, 14.0)
    }

    #[test]
    fn a_place_below_its_min_zoom_is_not_offered() {
        let town = place(PlaceKind::City, "Town", 300_000, 7.0);
        assert!(!is_offered(&town, 5.0));
        assert!(is_offered(&town, 8.0));
        let places = [town];
        let project = mercator(5.0, -66.9, 10.5);
        assert!(place_labels(&places, 5.0, viewport(), &project, box_measure).is_empty());
        assert_eq!(
            place_labels(
                &places,
                8.0,
                viewport(),
                mercator(8.0, -66.9, 10.5),
                box_measure
            )
            .len(),
            1
        );
    }

    #[test]
    fn a_capital_beats_a_bigger_city_on_the_same_spot_whatever_the_input_order() {
        let mut places = vec![
            place(PlaceKind::City, "Bigtown", 9_000_000, 3.0),
            place(PlaceKind::Capital, "Capital", 1_000, 3.0),
        ];
        for _ in 0..2 {
            let placed = place_labels(
                &places,
                6.0,
                viewport(),
                mercator(6.0, -66.9, 10.5),
                box_measure,
            );
            assert_eq!(names(&placed, &places), ["Capital"]);
            places.reverse();
        }
    }

    #[test]
    fn a_point_label_moves_left_when_its_right_would_cover_a_dot() {
        let places = [
            place(PlaceKind::Capital, "Alpha", 0, 3.0),
            Place {
                lon: -67.3,
                ..place(PlaceKind::City, "Beta", 0, 3.0)
            },
        ];
        let placed = place_labels(
            &places,
            6.0,
            viewport(),
            mercator(6.0, -66.9, 10.5),
            box_measure,
        );
        assert_eq!(placed.len(), 2);
        let (alpha, beta) = (&placed[0], &placed[1]);
        assert!(alpha.text_rect.min.x > alpha.dot.map_or(0.0, |d| d.x));
        assert!(
            beta.text_rect.max.x < beta.dot.map_or(0.0, |d| d.x),
            "{placed:?}"
        );
        assert_clean(&placed, &places);
    }

    #[test]
    fn a_country_label_is_centred_without_a_dot_and_never_cut_by_the_edge() {
        let country = place(PlaceKind::Country, "Venezuela", 0, 2.0);
        let project = mercator(4.0, -66.9, 10.5);
        let placed = place_labels(
            std::slice::from_ref(&country),
            4.0,
            viewport(),
            &project,
            box_measure,
        );
        assert_eq!(placed.len(), 1);
        assert_eq!(placed[0].dot, None);
        assert!((placed[0].text_rect.center() - project(-66.9, 10.5)).length() < 0.01);
        // Centred on a point 10 px inside the left edge it cannot fit, so it is dropped.
        let edge = place_labels(
            &[country],
            4.0,
            viewport(),
            |_, _| pos2(10.0, 500.0),
            box_measure,
        );
        assert!(edge.is_empty());
    }
}

#[cfg(test)]
mod preview_tmp {
    #[test]
    #[ignore]
    fn timing() {
        let (places, _) = crate::basemap::places::parse_places(include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/places.tsv")));
        for (zoom, lon, lat) in [(2.7, -80.0, 10.0), (5.0, -100.0, 15.0), (8.0, -74.0, 4.6), (8.0, -99.1, 19.4), (12.0, -99.1, 19.4)] {
            let world = 256.0 * 2f64.powf(zoom);
            let raw = move |lon: f32, lat: f32| {
                let lat = f64::from(lat).to_radians();
                ((f64::from(lon) + 180.0) / 360.0 * world, (1.0 - lat.tan().asinh() / std::f64::consts::PI) / 2.0 * world)
            };
            let (cx, cy) = raw(lon, lat);
            let project = |lo, la| { let (x, y) = raw(lo, la); pos2(800.0 + (x - cx) as f32, 500.0 + (y - cy) as f32) };
            let vp = Rect::from_min_size(Pos2::ZERO, vec2(1600.0, 1000.0));
            let t = std::time::Instant::now();
            let mut n = 0;
            for _ in 0..100 {
                n = place_labels(&places, zoom, vp, &project, |t, _| vec2(7.0 * t.len() as f32, 16.0)).len();
            }
            let mut m = 0;
            let _ = place_labels(&places, zoom, vp, &project, |t, _| { m += 1; vec2(7.0 * t.len() as f32, 16.0) });
            let t2 = std::time::Instant::now();
            for _ in 0..100 { for p in &places { std::hint::black_box(project(p.lon, p.lat)); } }
            eprintln!("zoom {zoom}: {n} placed, {m} measured, {:?} per frame, projection {:?}", t.elapsed() / 100, t2.elapsed() / 100);
        }
    }

    use super::*;
    use crate::basemap::assets::{AssetSource, Basemap};
    use crate::basemap::style::BasemapStyle;
    use crate::basemap::tiles::OfflineTiles;
    use std::sync::Arc;

    #[test]
    #[ignore]
    fn preview() {
        let spec = std::env::var("PREVIEW").unwrap_or_else(|_| "light,2.7,-90,10".into());
        let parts: Vec<&str> = spec.split(',').collect();
        let dark = parts[0] == "dark";
        let zoom: f64 = parts[1].parse().unwrap();
        let lon: f64 = parts[2].parse().unwrap();
        let lat: f64 = parts[3].parse().unwrap();
        let basemap = Arc::new(Basemap::load(&AssetSource::Embedded));
        let places = basemap.places.clone();
        let mut tiles: Option<OfflineTiles> = None;
        let mut memory = walkers::MapMemory::default();
        memory.set_zoom(zoom).unwrap();
        memory.center_at(walkers::lon_lat(lon, lat));
        let mut harness = egui_kittest::Harness::builder()
            .with_size([1600.0, 1000.0])
            .wgpu()
            .build_ui(move |ui| {
                let t = tiles.get_or_insert_with(|| {
                    let s = if dark {
                        BasemapStyle::dark()
                    } else {
                        BasemapStyle::light()
                    };
                    OfflineTiles::new(basemap.clone(), s, ui.ctx().clone())
                });
                let style = if dark {
                    LabelStyle::dark()
                } else {
                    LabelStyle::light()
                };
                walkers::Map::new(Some(t), &mut memory, walkers::lon_lat(lon, lat))
                    .with_plugin(LabelsPlugin::new(&places, style))
                    .show(ui, |_, _, _, _| ());
                t.end_frame();
            });
        for _ in 0..200 {
            harness.step();
            std::thread::sleep(std::time::Duration::from_millis(15));
        }
        let image = harness.render().unwrap();
        image.save("/tmp/labels_preview.png").unwrap();
    }
}
