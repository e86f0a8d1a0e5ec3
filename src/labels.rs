//! Place names drawn over the basemap tiles: greedy, priority-ordered, collision-free placement.

use crate::basemap::places::{Place, PlaceKind};
use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Pos2, Rect, Stroke, StrokeKind, Vec2, pos2, vec2};
use std::cmp::Ordering;

/// Empty space kept around every placed text, so neighbours never touch.
const PAD: f32 = 2.0;
/// Half the side of the square a point marker (and its outline) occupies.
const DOT_HALF: f32 = 3.5;
/// Marker centre to the near edge of its text: a label never touches its own marker.
const DOT_GAP: f32 = DOT_HALF + PAD + 0.5;
/// Side of a collision-grid cell: about one short label, so a lookup touches few cells.
const CELL: f32 = 64.0;

/// How much earlier than its `min_zoom` each kind (country, capital, city) is
/// offered. Natural Earth's `MIN_LABEL` suits countries a little early (the
/// whole-Americas view is near zoom 2.7); capitals and cities would crowd it.
const EARLY: [f64; 3] = [0.5, -0.5, -0.5];

/// Whether `place` is a candidate at this map zoom at all (before collisions).
pub fn is_offered(place: &Place, zoom: f64) -> bool {
    f64::from(place.min_zoom) <= zoom + EARLY[place.kind as usize]
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

/// The order in which places claim space: kind, then what Natural Earth deems more
/// important, then the more populous; the name last so input order never matters.
fn priority(a: &Place, b: &Place) -> Ordering {
    let by_kind = a.kind.cmp(&b.kind).then(a.min_zoom.total_cmp(&b.min_zoom));
    by_kind
        .then(b.population.cmp(&a.population))
        .then_with(|| a.name.cmp(&b.name))
}

/// Chooses which labels to show and where, without painting, so it can be tested
/// headless. `project` maps (lon, lat) to screen points (non-finite = skip);
/// `measure` gives a label's text size and is only called for candidates whose
/// marker is free, which keeps text layout off the hot path in crowded views.
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
    // Drawn each frame on the window's thread: a switch of language shows
    // at once, placed for the new names' widths.
    let lang = crate::i18n::current();
    // Keep markers a little inside the edge so they are never half cut off.
    let inner = viewport.shrink(DOT_HALF);
    let mut candidates: Vec<(usize, Pos2)> = places
        .iter()
        .enumerate()
        .filter(|(_, place)| is_offered(place, zoom))
        .map(|(index, place)| (index, project(place.lon, place.lat)))
        .filter(|(_, point)| point.is_finite() && inner.contains(*point))
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
            let capital = places[index].kind == PlaceKind::Capital;
            (capital && grid.is_free(dot.expand(PAD))).then(|| grid.insert(dot, Some(rank)))
        })
        .collect();

    let mut placed = Vec::new();
    for (rank, &(index, point)) in candidates.iter().enumerate() {
        let place = &places[index];
        let dot_is_free = match place.kind {
            PlaceKind::Country => true,
            PlaceKind::Capital => reserved[rank].is_some(),
            PlaceKind::City => grid.is_free(dot_rect(point).expand(PAD)),
        };
        if !dot_is_free {
            continue;
        }
        let size = measure(place.name_in(lang), place.kind);
        // Reservations must not invert the order among capitals: a capital's
        // name may displace the marker of a lesser capital.
        let is_capital = place.kind == PlaceKind::Capital;
        let yields = |id: u32| is_capital && grid.rects[id as usize].1.is_some_and(|o| o > rank);
        let found = text_positions(point, size, place.kind != PlaceKind::Country)
            .into_iter()
            .flatten()
            .find(|r| viewport.contains_rect(*r) && grid.hits(r.expand(PAD)).all(yields));
        let Some(text_rect) = found else {
            if let Some(id) = reserved[rank] {
                grid.remove(id);
            }
            continue;
        };
        let displaced: Vec<u32> = grid.hits(text_rect.expand(PAD)).collect();
        for id in displaced {
            if let Some(owner) = grid.rects[id as usize].1 {
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
            dot: (place.kind != PlaceKind::Country).then_some(point),
        });
    }
    placed
}

/// The space a point marker claims, outline included.
fn dot_rect(point: Pos2) -> Rect {
    Rect::from_center_size(point, Vec2::splat(2.0 * DOT_HALF))
}

/// Candidate text rects in order of preference. A country name labels an area,
/// so it is centred, or nudged down or up just enough to clear a marker. Point
/// names go right, left, above, below their marker.
fn text_positions(point: Pos2, size: Vec2, has_dot: bool) -> [Option<Rect>; 4] {
    if !has_dot {
        let centred = |dy: f32| Some(Rect::from_center_size(point + vec2(0.0, dy), size));
        let nudge = size.y / 2.0 + DOT_GAP;
        return [centred(0.0), centred(nudge), centred(-nudge), None];
    }
    let (x, y) = (point.x, point.y);
    let at = |x: f32, y: f32| Some(Rect::from_min_size(pos2(x, y), size));
    [
        at(x + DOT_GAP, y - size.y / 2.0),
        at(x - DOT_GAP - size.x, y - size.y / 2.0),
        at(x - size.x / 2.0, y - DOT_GAP - size.y),
        at(x - size.x / 2.0, y + DOT_GAP),
    ]
}

/// A uniform grid over the viewport holding every placed rect, so each collision
/// test only looks at the few rects sharing its cells rather than all of them.
struct Grid {
    origin: Pos2,
    cols: usize,
    rows: usize,
    cells: Vec<Vec<u32>>,
    /// Each stored rect, with the rank of the capital if it reserves that capital's marker.
    rects: Vec<(Rect, Option<usize>)>,
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
        }
    }

    /// Cells a rect touches, clamped: rects poking out of the viewport use the border cells.
    fn cells_of(&self, r: Rect) -> impl Iterator<Item = usize> + use<> {
        let (o, cols, rows) = (self.origin, self.cols, self.rows);
        let at = |v: f32, n: usize| ((v / CELL).floor().max(0.0) as usize).min(n - 1);
        let (x0, x1) = (at(r.min.x - o.x, cols), at(r.max.x - o.x, cols));
        let (y0, y1) = (at(r.min.y - o.y, rows), at(r.max.y - o.y, rows));
        (y0..=y1).flat_map(move |y| (x0..=x1).map(move |x| y * cols + x))
    }

    /// Ids of the stored rects that intersect `r` (an id may repeat).
    fn hits(&self, r: Rect) -> impl Iterator<Item = u32> + '_ {
        let cells = self.cells_of(r).flat_map(|c| self.cells[c].iter().copied());
        cells.filter(move |&id| self.rects[id as usize].0.intersects(r))
    }

    fn is_free(&self, r: Rect) -> bool {
        self.hits(r).next().is_none()
    }

    fn insert(&mut self, rect: Rect, owner: Option<usize>) -> u32 {
        let id = self.rects.len() as u32;
        self.rects.push((rect, owner));
        for cell in self.cells_of(rect) {
            self.cells[cell].push(id);
        }
        id
    }

    /// Frees a reservation; `NOTHING` intersects no rect, so the id can stay in its cells.
    fn remove(&mut self, id: u32) {
        if let Some(entry) = self.rects.get_mut(id as usize) {
            entry.0 = Rect::NOTHING;
        }
    }
}

/// Font sizes per kind (country, capital, city): area names largest, cities smallest.
const SIZES: [f32; 3] = [15.5, 13.0, 12.0];
/// Extra letter spacing per kind: loose tracking sets area names apart at a glance.
const TRACKING: [f32; 3] = [1.0, 0.0, 0.0];

/// Colours of the labels. Greys only: the data overlays drawn on top use
/// saturated colours and must remain the loudest thing on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelStyle {
    /// Per kind (country, capital, city): countries muted, capitals strongest.
    pub text: [Color32; 3],
    /// Drawn around every glyph so text reads over land, sea and borders alike.
    pub halo: Color32,
    pub capital_fill: Color32,
    pub capital_ring: Color32,
    pub city_dot: Color32,
}

impl LabelStyle {
    /// For the light basemap (land #F3F1EC, ocean #C9D6DF): dark text, light halo.
    pub fn light() -> Self {
        Self {
            text: [
                Color32::from_rgb(0x7C, 0x80, 0x86),
                Color32::from_rgb(0x26, 0x29, 0x2D),
                Color32::from_rgb(0x4A, 0x4E, 0x54),
            ],
            halo: Color32::from_rgba_unmultiplied(0xF8, 0xF7, 0xF4, 0xD0),
            capital_fill: Color32::from_rgb(0xF8, 0xF7, 0xF4),
            capital_ring: Color32::from_rgb(0x33, 0x36, 0x3A),
            city_dot: Color32::from_rgb(0x55, 0x59, 0x5F),
        }
    }

    /// For the dark basemap (land #2E3338, ocean #18212B): light text, dark halo.
    pub fn dark() -> Self {
        Self {
            text: [
                Color32::from_rgb(0x8F, 0x97, 0xA0),
                Color32::from_rgb(0xE4, 0xE7, 0xEA),
                Color32::from_rgb(0xBE, 0xC3, 0xC9),
            ],
            halo: Color32::from_rgba_unmultiplied(0x12, 0x17, 0x1D, 0xD0),
            capital_fill: Color32::from_rgb(0x18, 0x1D, 0x22),
            capital_ring: Color32::from_rgb(0xD8, 0xDC, 0xE0),
            city_dot: Color32::from_rgb(0xB4, 0xBA, 0xC0),
        }
    }

    /// The text layout for one label; shared by measuring and painting so the
    /// placed rect is exactly the painted text.
    pub fn job(&self, text: &str, kind: PlaceKind) -> LayoutJob {
        let font = FontId::proportional(SIZES[kind as usize]);
        let mut format = TextFormat::simple(font, self.text[kind as usize]);
        format.extra_letter_spacing = TRACKING[kind as usize];
        LayoutJob::single_section(text.to_owned(), format)
    }
}

/// Draws the place labels as a walkers plugin; add it after the tiles and before
/// the data overlays so labels sit beneath the data.
pub struct LabelsPlugin<'a> {
    places: &'a [Place],
    style: LabelStyle,
}

impl<'a> LabelsPlugin<'a> {
    pub fn new(places: &'a [Place], style: LabelStyle) -> Self {
        Self { places, style }
    }
}

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
        // Zoomed in, nearly every place is offered; a bounds test in degrees is far
        // cheaper than projecting thousands of points that land off screen anyway.
        let nw = projector.unproject(viewport.left_top().to_vec2() - Vec2::splat(8.0));
        let se = projector.unproject(viewport.right_bottom().to_vec2() + Vec2::splat(8.0));
        let (lons, lats) = (nw.x()..=se.x(), se.y()..=nw.y());
        let project = |lon: f32, lat: f32| {
            let (lon, lat) = (f64::from(lon), f64::from(lat));
            let on_screen = lons.contains(&lon) && lats.contains(&lat);
            let project = || projector.project(walkers::lon_lat(lon, lat)).to_pos2();
            on_screen.then(project).unwrap_or(Pos2::NAN)
        };
        // egui caches galleys by job, so painting below reuses these layouts.
        let measure = |text: &str, kind| painter.layout_job(style.job(text, kind)).size();
        for label in place_labels(self.places, projector.zoom(), viewport, project, measure) {
            let place = &self.places[label.index];
            if let Some(dot) = label.dot.filter(|_| place.kind == PlaceKind::Capital) {
                let square = Rect::from_center_size(dot, Vec2::splat(6.0));
                let ring = Stroke::new(1.5, style.capital_ring);
                painter.rect(square, 0.0, style.capital_fill, ring, StrokeKind::Inside);
            } else if let Some(dot) = label.dot {
                painter.circle(dot, 2.5, style.city_dot, Stroke::new(1.0, style.halo));
            }
            let name = place.name_in(crate::i18n::current());
            let galley = painter.layout_job(style.job(name, place.kind));
            // Eight copies one point out trace a solid outline round thin glyph strokes.
            for i in (0..9).filter(|&i| i != 4) {
                let at = label.text_rect.min + vec2((i % 3) as f32 - 1.0, (i / 3) as f32 - 1.0);
                painter.galley_with_override_text_color(at, galley.clone(), style.halo);
            }
            painter.galley(label.text_rect.min, galley, style.halo);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::basemap::places::parse_places;

    const TSV: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/places.tsv"));
    const VIEWPORT: Rect = Rect::from_min_max(Pos2::ZERO, pos2(1600.0, 1000.0));

    /// Web Mercator at `zoom`, with (`lon0`, `lat0`) at the viewport centre.
    fn mercator(zoom: f64, lon0: f32, lat0: f32) -> impl Fn(f32, f32) -> Pos2 {
        let world = 256.0 * 2f64.powf(zoom);
        let raw = move |lon: f32, lat: f32| {
            let y = (1.0 - f64::from(lat).to_radians().tan().asinh() / std::f64::consts::PI) / 2.0;
            ((f64::from(lon) + 180.0) / 360.0 * world, y * world)
        };
        let ((cx, cy), centre) = (raw(lon0, lat0), VIEWPORT.center());
        move |lon, lat| {
            let (x, y) = raw(lon, lat);
            pos2(centre.x + (x - cx) as f32, centre.y + (y - cy) as f32)
        }
    }

    /// Places laid out with real egui fonts, as the plugin would.
    fn place_real(zoom: f64, lon0: f32, lat0: f32, places: &[Place]) -> Vec<PlacedLabel> {
        let ctx = egui::Context::default();
        // The first pass creates the font atlas; nothing will upload it here.
        let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
        output.textures_delta.clear();
        let style = LabelStyle::light();
        let measure = |text: &str, kind| ctx.fonts_mut(|f| f.layout_job(style.job(text, kind)));
        let project = mercator(zoom, lon0, lat0);
        place_labels(places, zoom, VIEWPORT, project, |t, k| measure(t, k).size())
    }

    /// Places around Caracas laid out with fixed-width stand-in fonts.
    fn place_synthetic(zoom: f64, places: &[Place]) -> Vec<PlacedLabel> {
        let measure = |text: &str, _| vec2(8.0 * text.len() as f32, 14.0);
        place_labels(places, zoom, VIEWPORT, mercator(zoom, -66.9, 10.5), measure)
    }

    /// A synthetic place near Caracas, by way of the real parser.
    fn place(kind: &str, name: &str, population: u64, lon: f32) -> Place {
        let head = "kind\tname\tlon\tlat\tpopulation\tmin_zoom";
        let tsv = format!("{head}\n{kind}\t{name}\t{lon}\t10.5\t{population}\t3\n");
        parse_places(&tsv).0.remove(0)
    }

    fn names<'p>(p: &[PlacedLabel], places: &'p [Place]) -> Vec<&'p str> {
        p.iter().map(|l| places[l.index].name.as_str()).collect()
    }

    /// The invariants every placement must keep, whatever the view.
    fn assert_clean(placed: &[PlacedLabel], places: &[Place]) {
        for (i, a) in placed.iter().enumerate() {
            let name = &places[a.index].name;
            assert!(VIEWPORT.contains_rect(a.text_rect), "{name} off screen");
            for b in &placed[i + 1..] {
                let other = &places[b.index].name;
                assert!(!a.text_rect.intersects(b.text_rect), "{name}/{other}");
            }
            for b in placed.iter().filter(|b| b.index != a.index) {
                let covered = b.dot.is_some_and(|d| a.text_rect.intersects(dot_rect(d)));
                assert!(!covered, "{name} covers {}", places[b.index].name);
            }
        }
    }

    #[test]
    fn no_two_labels_overlap_at_zoom_3_over_the_americas() {
        let places = parse_places(TSV).0;
        let placed = place_real(3.0, -100.0, 15.0, &places);
        assert_clean(&placed, &places);
        let names = names(&placed, &places);
        assert!(placed.len() > 10, "only {names:?}");
        let major = names.contains(&"Venezuela") || names.contains(&"Brazil");
        assert!(major, "{names:?}");
    }

    #[test]
    fn no_two_labels_overlap_at_zoom_5_over_the_americas() {
        let places = parse_places(TSV).0;
        let placed = place_real(5.0, -100.0, 15.0, &places);
        assert_clean(&placed, &places);
        assert!(placed.len() > 30, "only {:?}", names(&placed, &places));
    }

    /// City names differ in Spanish and Portuguese where Natural Earth's
    /// populated places say so (`scripts/city-names`): the label is laid
    /// out for the name it shows.
    #[test]
    fn a_city_is_labelled_by_its_spanish_or_portuguese_name_where_it_differs() {
        use crate::i18n::{Lang, tests::Speaking};
        let places = parse_places(TSV).0;
        let shown = |lang: Lang, lon: f32, lat: f32, english: &str| {
            let _speaking = Speaking::new(lang);
            let placed = place_real(6.0, lon, lat, &places);
            assert_clean(&placed, &places);
            placed
                .iter()
                .find(|l| places[l.index].name == english)
                .map(|l| {
                    (
                        places[l.index].name_in(lang).to_owned(),
                        l.text_rect.width(),
                    )
                })
        };
        let (name, english_width) = shown(Lang::En, -82.4, 23.1, "Havana").unwrap();
        assert_eq!(name, "Havana");
        let (name, spanish_width) = shown(Lang::Es, -82.4, 23.1, "Havana").unwrap();
        assert_eq!(name, "La Habana");
        assert!(
            spanish_width > english_width,
            "{spanish_width} {english_width}"
        );
        let new_york = |lang| shown(lang, -74.0, 40.7, "New York City").unwrap().0;
        assert_eq!(new_york(Lang::Es), "Nueva York");
        assert_eq!(new_york(Lang::PtBr), "Nova Iorque");
        assert_eq!(new_york(Lang::En), "New York City");
        // Where the languages agree the row keeps one name: Caracas.
        let caracas = places.iter().find(|p| p.name == "Caracas").unwrap();
        assert!(caracas.name_es.is_empty() && caracas.name_pt.is_empty());
    }

    #[test]
    fn caracas_wins_its_spot_at_zoom_5_around_caracas() {
        let places = parse_places(TSV).0;
        let placed = place_real(5.0, -66.9, 10.5, &places);
        assert_clean(&placed, &places);
        let names = names(&placed, &places);
        let both = names.contains(&"Caracas") && names.contains(&"Venezuela");
        assert!(both, "{names:?}");
    }

    #[test]
    fn placement_is_deterministic_and_independent_of_input_order() {
        let places = parse_places(TSV).0;
        let first = place_real(4.0, -80.0, 0.0, &places);
        assert_eq!(first, place_real(4.0, -80.0, 0.0, &places));
        let reversed: Vec<Place> = places.iter().rev().cloned().collect();
        let third = place_real(4.0, -80.0, 0.0, &reversed);
        assert_eq!(names(&first, &places), names(&third, &reversed));
    }

    #[test]
    fn a_place_below_its_min_zoom_is_not_offered() {
        let mut town = place("city", "Town", 300_000, -66.9);
        town.min_zoom = 7.0;
        assert!(!is_offered(&town, 5.0) && is_offered(&town, 8.0));
        let places = [town];
        assert!(place_synthetic(5.0, &places).is_empty());
        assert_eq!(place_synthetic(8.0, &places).len(), 1);
    }

    #[test]
    fn a_capital_beats_a_bigger_city_on_the_same_spot_whatever_the_input_order() {
        let mut places = vec![
            place("city", "Bigtown", 9_000_000, -66.9),
            place("capital", "Capital", 1_000, -66.9),
        ];
        for _ in 0..2 {
            assert_eq!(names(&place_synthetic(6.0, &places), &places), ["Capital"]);
            places.reverse();
        }
    }

    #[test]
    fn a_point_label_moves_left_when_its_right_would_cover_a_dot() {
        // At zoom 6, Beta's marker is 18 px left of Alpha's.
        let places = [
            place("capital", "Alpha", 0, -66.9),
            place("city", "Beta", 0, -67.3),
        ];
        let placed = place_synthetic(6.0, &places);
        assert_eq!(names(&placed, &places), ["Alpha", "Beta"]);
        let on_right = |l: &PlacedLabel| l.dot.is_some_and(|d| l.text_rect.min.x > d.x);
        assert!(on_right(&placed[0]) && !on_right(&placed[1]), "{placed:?}");
        assert_clean(&placed, &places);
    }

    #[test]
    fn a_country_name_steps_aside_rather_than_bury_its_capital() {
        let places = [
            place("country", "Venezuela", 0, -66.9),
            place("capital", "Caracas", 3_000_000, -66.9),
        ];
        let placed = place_synthetic(6.0, &places);
        assert_eq!(names(&placed, &places), ["Venezuela", "Caracas"]);
        assert_eq!(placed[0].dot, None);
        // Moved straight down from its point, just clear of the capital's marker.
        let centre = placed[0].text_rect.center();
        assert!(centre.x == VIEWPORT.center().x && centre.y > VIEWPORT.center().y);
        assert_clean(&placed, &places);
    }

    #[test]
    fn a_lesser_capitals_marker_does_not_push_a_greater_capitals_name_aside() {
        let places = [
            place("capital", "Lesser", 1_000, -66.5),
            place("capital", "Greater", 2_000_000, -66.9),
        ];
        let placed = place_synthetic(6.0, &places);
        assert_eq!(names(&placed, &places), ["Greater"]);
        assert!(placed[0].text_rect.min.x > VIEWPORT.center().x);
    }
}
