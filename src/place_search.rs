//! Place search (Ctrl+F): the built-in gazetteer (the basemap's countries,
//! capitals and cities, `assets/places.tsv`) and the titles of the open
//! layers' features, matched as the user types.
//!
//! Matching ignores case and accents ("bogota" finds "Bogotá", "mexico"
//! finds "México"): both sides are folded by [`fold`] (`crate::text`:
//! Unicode NFD, the combining marks dropped, lower case). Ranking, best first: the
//! whole name, then a name that starts with the query, then one with a word
//! that does, then one that merely contains it; within a rank countries
//! before capitals before cities before features, bigger cities first.
//! A place is also found by its Spanish and Portuguese names (Natural
//! Earth's `NAME_ES`/`NAME_PT`: "Alemanha", "Estados Unidos"): the query is
//! matched against the English name and the current language's, and the
//! result shows the current language's ([`Entry::name_in`]).
//! No egui here: `ui::search_box` draws the box, `app::tools` flies there.

use crate::basemap::places::{Place, PlaceKind};
use crate::i18n::Lang;
pub use crate::text::fold;
use crate::view::LonLatBox;

/// Most results listed under the box.
pub const MAX_RESULTS: usize = 8;

/// What a result leads to.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// A place of the gazetteer: its centre and a zoom that shows it
    /// (a country whole, a city with its surroundings).
    Place { lon_lat: [f64; 2], zoom: f64 },
    /// Feature `feature` of open layer `layer`, and its extent.
    Feature {
        layer: usize,
        feature: usize,
        bbox: LonLatBox,
    },
}

/// What the search box asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum SearchCommand {
    /// Ctrl+F, Tools › Find…: the box opens (or takes the focus again).
    Open,
    /// Esc or a click away.
    Close,
    /// Enter or a click on a result: fly there (and select a feature).
    Go(Target),
}

/// One thing that can be found.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The English name (a feature's title as written).
    pub name: String,
    /// A feature's layer name, under its title; empty for a place, whose
    /// kind is worded when shown ([`Entry::detail_text`]).
    pub detail: String,
    pub target: Target,
    folded: String,
    /// The place's Spanish and Portuguese names, empty where they are the
    /// English one, and folded.
    names: [String; 2],
    folded_names: [String; 2],
    /// 0 countries, 1 capitals, 2 cities, 3 features.
    class: u8,
    population: u64,
}

/// The zoom a place is shown at: a country whole at its labelling zoom
/// plus a little (Brazil at 4, Jamaica at 7), a big city at 8, a smaller
/// one at 9.
pub fn place_zoom(place: &Place) -> f64 {
    match place.kind {
        PlaceKind::Country => (f64::from(place.min_zoom) + 2.5).clamp(4.0, 7.0),
        PlaceKind::Capital => 8.0,
        PlaceKind::City if place.population >= 1_000_000 => 8.0,
        PlaceKind::City => 9.0,
    }
}

/// A feature as search sees it.
#[derive(Debug, Clone, Copy)]
pub struct FeatureItem<'a> {
    pub layer: usize,
    pub feature: usize,
    pub title: &'a str,
    pub layer_name: &'a str,
    pub bbox: LonLatBox,
}

/// Everything that can be found, folded once.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    entries: Vec<Entry>,
}

impl Gazetteer {
    pub fn new<'a>(places: &[Place], features: impl IntoIterator<Item = FeatureItem<'a>>) -> Self {
        let mut entries: Vec<Entry> = places
            .iter()
            .filter(|p| p.lon.is_finite() && p.lat.is_finite())
            .map(|p| {
                let class = match p.kind {
                    PlaceKind::Country => 0,
                    PlaceKind::Capital => 1,
                    PlaceKind::City => 2,
                };
                let names = [p.name_es.clone(), p.name_pt.clone()];
                Entry {
                    folded: fold(&p.name),
                    name: p.name.clone(),
                    detail: String::new(),
                    folded_names: [fold(&names[0]), fold(&names[1])],
                    names,
                    target: Target::Place {
                        lon_lat: [f64::from(p.lon), f64::from(p.lat)],
                        zoom: place_zoom(p),
                    },
                    class,
                    population: p.population,
                }
            })
            .collect();
        entries.extend(
            features
                .into_iter()
                .filter(|f| !f.title.trim().is_empty())
                .map(|f| Entry {
                    name: crate::text::bounded(f.title, crate::text::TITLE_CHARS).into_owned(),
                    folded: fold(f.title),
                    detail: f.layer_name.to_owned(),
                    names: Default::default(),
                    folded_names: Default::default(),
                    target: Target::Feature {
                        layer: f.layer,
                        feature: f.feature,
                        bbox: f.bbox,
                    },
                    class: 3,
                    population: 0,
                }),
        );
        Self { entries }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The best `limit` matches of `query` in the current language, best
    /// first; nothing for a blank query.
    pub fn search(&self, query: &str, limit: usize) -> Vec<&Entry> {
        self.search_where(query, limit, |_| true)
    }

    /// As [`Gazetteer::search`], among the entries whose target `keep`
    /// accepts (classroom mode keeps out features the class has not reached).
    pub fn search_where(
        &self,
        query: &str,
        limit: usize,
        keep: impl Fn(&Target) -> bool,
    ) -> Vec<&Entry> {
        self.search_in(crate::i18n::current(), query, limit, keep)
    }

    /// As [`Gazetteer::search_where`], a name matching in `lang` or in
    /// English, whichever matches better.
    pub fn search_in(
        &self,
        lang: Lang,
        query: &str,
        limit: usize,
        keep: impl Fn(&Target) -> bool,
    ) -> Vec<&Entry> {
        let query = fold(query.trim());
        if query.is_empty() {
            return Vec::new();
        }
        let mut found: Vec<(u8, &Entry)> = self
            .entries
            .iter()
            .filter(|e| keep(&e.target))
            .filter_map(|e| {
                let english = how_well(&e.folded, &query);
                let local = e.folded_in(lang).and_then(|local| how_well(local, &query));
                Some((english.into_iter().chain(local).min()?, e))
            })
            .collect();
        found.sort_by(|(a_rank, a), (b_rank, b)| {
            (
                a_rank,
                a.class,
                std::cmp::Reverse(a.population),
                a.name.len(),
            )
                .cmp(&(
                    b_rank,
                    b.class,
                    std::cmp::Reverse(b.population),
                    b.name.len(),
                ))
                .then_with(|| a.name.cmp(&b.name))
        });
        found.dedup_by(|(_, a), (_, b)| a.name == b.name && a.target == b.target);
        found.into_iter().take(limit).map(|(_, e)| e).collect()
    }
}

impl Entry {
    /// The name in `lang` ("Alemanha"), else the English one.
    pub fn name_in(&self, lang: Lang) -> &str {
        match self.local_index(lang) {
            Some(i) if !self.names[i].is_empty() => &self.names[i],
            _ => &self.name,
        }
    }

    /// Under the name: the kind of place in the current language, or a
    /// feature's layer.
    pub fn detail_text(&self) -> String {
        match self.class {
            0 => crate::t!("search-country"),
            1 => crate::t!("search-capital"),
            2 => crate::t!("search-city"),
            _ => self.detail.clone(),
        }
    }

    fn local_index(&self, lang: Lang) -> Option<usize> {
        match lang {
            Lang::En => None,
            Lang::Es => Some(0),
            Lang::PtBr => Some(1),
        }
    }

    fn folded_in(&self, lang: Lang) -> Option<&str> {
        let i = self.local_index(lang)?;
        Some(self.folded_names[i].as_str()).filter(|f| !f.is_empty())
    }
}

/// 0 the whole name, 1 its start, 2 a word's start, 3 anywhere; `None`
/// when the name does not contain the query.
fn how_well(name: &str, query: &str) -> Option<u8> {
    if name == query {
        return Some(0);
    }
    if name.starts_with(query) {
        return Some(1);
    }
    let mut found = None;
    for (at, _) in name.match_indices(query) {
        let word_start = name[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        if word_start {
            return Some(2);
        }
        found = Some(3);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(kind: PlaceKind, name: &str, population: u64) -> Place {
        Place {
            kind,
            name: name.into(),
            lon: -74.0,
            lat: 4.6,
            population,
            min_zoom: 2.0,
            name_es: String::new(),
            name_pt: String::new(),
        }
    }

    fn gazetteer() -> Gazetteer {
        let places = [
            place(PlaceKind::Country, "Mexico", 0),
            place(PlaceKind::Capital, "Mexico City", 12_294_193),
            place(PlaceKind::City, "New Mexico Town", 10_000),
            place(PlaceKind::Capital, "Bogotá", 7_674_366),
            place(PlaceKind::City, "San José del Guaviare", 50_000),
            place(PlaceKind::Capital, "San José", 1_000_000),
            place(PlaceKind::City, "Mexicali", 1_000_000),
        ];
        let features = [FeatureItem {
            layer: 1,
            feature: 7,
            title: "Strike near México's Pacific coast",
            layer_name: "Strikes",
            bbox: LonLatBox {
                west: -100.0,
                south: 15.0,
                east: -100.0,
                north: 15.0,
            },
        }];
        Gazetteer::new(&places, features)
    }

    fn names(g: &Gazetteer, query: &str) -> Vec<String> {
        g.search(query, MAX_RESULTS)
            .into_iter()
            .map(|e| e.name.clone())
            .collect()
    }

    #[test]
    fn folding_drops_accents_and_case() {
        assert_eq!(fold("Bogotá"), "bogota");
        assert_eq!(fold("MÉXICO"), "mexico");
        assert_eq!(fold("São Paulo"), "sao paulo");
        assert_eq!(fold("Curaçao"), "curacao");
        assert_eq!(fold("Ñuñoa"), "nunoa");
    }

    #[test]
    fn bogota_finds_bogota_with_its_accent() {
        let g = gazetteer();
        assert_eq!(names(&g, "bogota"), ["Bogotá"]);
        assert_eq!(names(&g, "BOGOTÁ"), ["Bogotá"]);
        assert_eq!(names(&g, "  bog "), ["Bogotá"]);
        assert!(names(&g, "").is_empty() && names(&g, "   ").is_empty());
        assert!(names(&g, "atlantis").is_empty());
    }

    #[test]
    fn the_whole_name_comes_first_then_its_start_then_a_word_then_anywhere() {
        let g = gazetteer();
        assert_eq!(
            names(&g, "mexico"),
            [
                "Mexico",
                "Mexico City",
                "New Mexico Town",
                "Strike near México's Pacific coast"
            ]
        );
        // A prefix: the capital before the smaller city, both before a word inside.
        assert_eq!(
            names(&g, "mexic")[..3],
            ["Mexico", "Mexico City", "Mexicali"]
        );
        assert_eq!(names(&g, "san jose"), ["San José", "San José del Guaviare"]);
        assert_eq!(names(&g, "ose"), ["San José", "San José del Guaviare"]);
    }

    #[test]
    fn a_feature_kept_out_is_not_found_and_places_still_are() {
        let g = gazetteer();
        let places_only = |t: &Target| matches!(t, Target::Place { .. });
        assert!(
            g.search_where("pacific", MAX_RESULTS, places_only)
                .is_empty()
        );
        assert_eq!(g.search_where("bogota", MAX_RESULTS, places_only).len(), 1);
        assert_eq!(g.search("pacific", MAX_RESULTS).len(), 1);
    }

    #[test]
    fn a_feature_is_found_by_its_title_and_leads_to_it() {
        let g = gazetteer();
        let found = g.search("pacific", MAX_RESULTS);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].detail, "Strikes");
        assert!(matches!(
            found[0].target,
            Target::Feature {
                layer: 1,
                feature: 7,
                ..
            }
        ));
    }

    #[test]
    fn a_country_is_shown_whole_and_a_city_closer() {
        let country = place(PlaceKind::Country, "Brazil", 0);
        let city = place(PlaceKind::City, "Valencia", 1_500_000);
        let town = place(PlaceKind::City, "Coro", 200_000);
        assert!(place_zoom(&country) <= 5.0);
        assert_eq!(place_zoom(&city), 8.0);
        assert!(place_zoom(&town) > place_zoom(&city));
    }

    /// The shipped gazetteer's text.
    fn places_tsv() -> String {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/places.tsv");
        std::fs::read_to_string(path).unwrap()
    }

    #[test]
    fn results_stop_at_the_limit_and_the_real_gazetteer_loads() {
        let text = places_tsv();
        let (places, problems) = crate::basemap::places::parse_places(&text);
        assert!(problems.is_empty());
        let g = Gazetteer::new(&places, []);
        assert_eq!(g.len(), places.len());
        assert!(g.search("a", MAX_RESULTS).len() == MAX_RESULTS);
        let bogota = g.search("bogota", 1);
        assert_eq!(bogota[0].name, "Bogotá");
        let mexico = g.search("mexico", 2);
        assert_eq!(mexico[0].name, "Mexico");
        assert_eq!(mexico[0].detail_text(), "Country");
        assert_eq!(mexico[1].name, "Mexico City");
    }

    #[test]
    fn a_country_is_found_by_its_spanish_or_portuguese_name_and_shown_in_it() {
        let text = places_tsv();
        let (places, _) = crate::basemap::places::parse_places(&text);
        let g = Gazetteer::new(&places, []);
        let first = |lang: Lang, query: &str| {
            let found = g.search_in(lang, query, 1, |_| true);
            found
                .first()
                .map(|e| (e.name.clone(), e.name_in(lang).to_owned()))
        };
        for (query, english, spanish) in [
            ("Brasil", "Brazil", "Brasil"),
            (
                "Estados Unidos",
                "United States of America",
                "Estados Unidos",
            ),
            ("México", "Mexico", "México"),
            ("mexico", "Mexico", "México"),
            ("Groenlandia", "Greenland", "Groenlandia"),
            // The English name still finds it, shown in Spanish.
            ("Greenland", "Greenland", "Groenlandia"),
        ] {
            let found = first(Lang::Es, query);
            assert_eq!(
                found,
                Some((english.to_owned(), spanish.to_owned())),
                "{query}"
            );
        }
        assert_eq!(
            first(Lang::PtBr, "Groenlândia"),
            Some(("Greenland".to_owned(), "Groenlândia".to_owned()))
        );
        assert_eq!(
            first(Lang::PtBr, "Cidade do Méx"),
            Some(("Mexico City".to_owned(), "Cidade do México".to_owned()))
        );
        // A translated name is searched in its own language only.
        assert!(first(Lang::En, "Groenlandia").is_none());
        assert!(first(Lang::En, "Estados Unidos").is_none());
        assert!(first(Lang::Es, "Cidade do Méx").is_none());
    }
}
