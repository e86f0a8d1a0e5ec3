//! The CSV conversion end to end, through the one loader: what loads, what
//! each row's problem says, and what was guessed.

use crate::layers::{CsvMapping, DateOrder, LoadOptions, LoadReport, load_path_with};
use serde_json::Value;
use std::io::Write as _;

fn load_with(text: &[u8], name: &str, mapping: CsvMapping) -> LoadReport {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::File::create(&path)
        .unwrap()
        .write_all(text)
        .unwrap();
    let options = LoadOptions {
        csv: mapping,
        ..LoadOptions::default()
    };
    load_path_with(&path, &options, &Default::default())
}

fn load(text: &str) -> LoadReport {
    load_with(text.as_bytes(), "x.csv", CsvMapping::default())
}

fn property(report: &LoadReport, feature: usize, key: &str) -> Option<Value> {
    let layer = report.layer.as_ref()?;
    layer.features()[feature].properties().get(key).cloned()
}

trait PointOf {
    fn lon_lat_point(&self) -> (f64, f64);
}

impl PointOf for crate::layers::Feature {
    fn lon_lat_point(&self) -> (f64, f64) {
        match &*self.geometry() {
            geo::Geometry::Point(p) => (p.x(), p.y()),
            other => panic!("not a point: {other:?}"),
        }
    }
}

fn messages(problems: &[crate::layers::Problem]) -> Vec<String> {
    problems.iter().map(|p| p.to_string()).collect()
}

#[test]
fn an_acled_export_loads_with_its_dates_notes_kinds_and_figures() {
    let text = "\u{feff}event_id_cnty,event_date,year,event_type,sub_event_type,country,location,latitude,longitude,geo_precision,source,notes,fatalities,timestamp\n\
        BEN892,28 December 2022,2022,Strategic developments,Other,Benin,Mamassi-Gourma,12.0455,3.1338,2,Undisclosed Source,\"Displacement: inhabitants \"\"left\"\"\",0,1675102875\n\
        IRQ50123,2023-02-15,2023,Explosions/Remote violence,Shelling/artillery/missile attack,Iraq,Al-Qa'im,34.3764,41.0579,1,Reuters,US forces struck,5,1676505600\n";
    let report = load(text);
    assert!(report.errors.is_empty(), "{:?}", messages(&report.errors));
    let layer = report.layer.as_ref().unwrap();
    assert_eq!(layer.features().len(), 2);
    let first = &layer.features()[0];
    assert_eq!(first.title(), Some("Mamassi-Gourma: Other"));
    assert_eq!(
        first.description(),
        Some("Displacement: inhabitants \"left\"")
    );
    assert_eq!(first.kind(), Some("Strategic developments"));
    assert_eq!(property(&report, 1, "fatalities"), Some(5.into()));
    // `source` names publications: titled sources without links.
    assert_eq!(property(&report, 0, "source"), None);
    let sources: Vec<_> = layer.features()[1].sources().collect();
    assert_eq!(sources.len(), 1);
    assert_eq!(sources[0].title, Some("Reuters"));
    assert_eq!(sources[0].url, None);
    assert!(
        report.warnings.is_empty(),
        "{:?}",
        messages(&report.warnings)
    );
    assert_eq!(property(&report, 0, "uncertainty_km"), Some(25.into()));
    assert_eq!(property(&report, 0, "event_id_cnty"), Some("BEN892".into()));
    let range = layer.time_range_secs().unwrap();
    assert_eq!(range.0, 1_672_185_600, "28 Dec 2022 00:00 UTC");
    let guess = report.csv.as_ref().unwrap();
    assert_eq!(
        guess.summary(),
        "lat=latitude lon=longitude start=event_date"
    );
    assert!(guess.unsure.is_empty(), "{:?}", guess.unsure);
}

#[test]
fn rows_that_cannot_be_placed_are_named_by_their_spreadsheet_row_and_the_rest_load() {
    let text = "name,lat,lon\n\
        a,10,20\n\
        \"multi\nline\",,20\n\
        c,abc,20\n\
        d,95,200\n\
        e,11,21\n";
    let report = load(text);
    let errors = messages(&report.errors);
    assert_eq!(errors.len(), 3, "{errors:?}");
    assert!(errors[0].contains("x.csv:row 3: no latitude"), "{errors:?}");
    assert!(errors[1].contains("row 4: the latitude \"abc\" is not a number"));
    assert!(errors[2].contains("row 5: latitude 95 and longitude 200 are not on the globe"));
    let layer = report.layer.unwrap();
    assert_eq!(layer.features().len(), 2);
}

#[test]
fn a_semicolon_file_with_decimal_commas_in_latin_1_loads_with_one_warning() {
    let text = b"Nom;Latitude (WGS84);Longitude (WGS84);Date\nS\xe9ville;37,3891;-5,9845;12/03/2025\nLyon;45,75;4,85;25/03/2025\n";
    let report = load_with(text, "x.csv", CsvMapping::default());
    assert!(report.errors.is_empty(), "{:?}", messages(&report.errors));
    assert_eq!(report.warnings.len(), 1, "{:?}", messages(&report.warnings));
    assert!(report.warnings[0].message.text().contains("Windows-1252"));
    let layer = report.layer.as_ref().unwrap();
    assert_eq!(layer.features()[0].title(), Some("Séville"));
    let guess = report.csv.as_ref().unwrap();
    assert!(guess.decimal_comma);
    assert_eq!(guess.used.date_order, DateOrder::DayFirst);
    let (lon, lat) = layer.features()[0].lon_lat_point();
    assert!((lat - 37.3891).abs() < 1e-9 && (lon + 5.9845).abs() < 1e-9);
}

#[test]
fn swapped_latitude_and_longitude_columns_are_read_the_other_way_round() {
    let report = load("lat,lon\n-77.03,38.89\n-122.4,37.7\n");
    assert!(report.errors.is_empty(), "{:?}", messages(&report.errors));
    assert!(report.warnings[0].message.text().contains("swapped"));
    let (lon, lat) = report.layer.unwrap().features()[0].lon_lat_point();
    assert_eq!((lon, lat), (-77.03, 38.89));
}

#[test]
fn ambiguous_day_and_month_are_read_day_first_and_the_guess_is_unsure_until_chosen() {
    let text = "lat,lon,date\n1,2,03/04/2025\n";
    let report = load(text);
    let guess = report.csv.as_ref().unwrap();
    assert_eq!(guess.unsure.len(), 1, "{:?}", guess.unsure);
    let doubt = &guess.unsure[0];
    use crate::i18n::Lang;
    assert_eq!(
        doubt.text_in(Lang::En),
        "dates such as 03/04/2025 could be day/month or month/day; read as day/month"
    );
    assert_eq!(
        doubt.text_in(Lang::Es),
        "fechas como 03/04/2025 podrían ser día/mes o mes/día; se leen como día/mes"
    );
    assert!(
        doubt
            .text_in(Lang::PtBr)
            .starts_with("datas como 03/04/2025")
    );
    assert_eq!(property(&report, 0, "start"), Some("2025-04-03".into()));
    let chosen = CsvMapping {
        date_order: DateOrder::MonthFirst,
        ..CsvMapping::default()
    };
    let report = load_with(text.as_bytes(), "x.csv", chosen);
    assert!(report.csv.as_ref().unwrap().unsure.is_empty());
    assert_eq!(property(&report, 0, "start"), Some("2025-03-04".into()));
}

#[test]
fn the_users_columns_win_over_the_guess() {
    let text = "where_n,where_e,happened,label\n10,20,2025-01-02,A\n";
    let report = load(text);
    assert!(report.layer.is_none() || report.has_errors());
    assert!(!report.csv.as_ref().unwrap().unsure.is_empty());
    let chosen = CsvMapping {
        lat: Some("where_n".into()),
        lon: Some("where_e".into()),
        start: Some("happened".into()),
        title: Some("label".into()),
        ..CsvMapping::default()
    };
    let report = load_with(text.as_bytes(), "x.csv", chosen);
    assert!(report.errors.is_empty(), "{:?}", messages(&report.errors));
    let feature = &report.layer.as_ref().unwrap().features()[0];
    assert_eq!(feature.title(), Some("A"));
    assert_eq!(Some(feature.lon_lat_point()), Some((20.0, 10.0)));
    assert_eq!(property(&report, 0, "start"), Some("2025-01-02".into()));
}

#[test]
fn a_wkt_column_places_lines_and_polygons_and_a_bad_one_names_its_row() {
    let text =
        "id\tWKT\n1\tLINESTRING (0 0, 1 1)\n2\tPOLYGON ((0 0, 1 0, 1 1, 0 0))\n3\tPOINT (1)\n";
    let report = load_with(text.as_bytes(), "x.tsv", CsvMapping::default());
    assert_eq!(report.layer.as_ref().unwrap().features().len(), 2);
    let errors = messages(&report.errors);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("x.tsv:row 4: the geometry"),
        "{errors:?}"
    );
    assert_eq!(report.csv.unwrap().summary(), "geometry=WKT delimiter=tab");
}

#[test]
fn a_date_that_does_not_read_is_a_warning_and_the_row_still_loads() {
    let report = load("lat,lon,date\n1,2,2025-01-01\n1,2,sometime\n");
    assert!(report.errors.is_empty());
    let warnings = messages(&report.warnings);
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("row 3: date \"sometime\" is not read as a date")),
        "{warnings:?}"
    );
    assert_eq!(report.layer.unwrap().features().len(), 2);
    let undated = load("lat,lon,date\n1,2,sometime\n");
    assert_eq!(property(&undated, 0, "start"), None);
    assert_eq!(
        property(&undated, 0, "date"),
        Some("sometime".into()),
        "a column with no dates is not the date column, and is kept"
    );
}

#[test]
fn an_empty_file_or_a_header_alone_is_reported_not_a_panic() {
    let report = load("");
    assert!(report.has_errors());
    let report = load("lat,lon\n");
    assert_eq!(report.layer.map(|l| l.features().len()), Some(0));
}

#[test]
fn a_big_file_written_on_two_threads_keeps_its_rows_in_order_with_their_numbers() {
    // Past the size at which the rows are written by two threads.
    let mut text = String::from("id,lat,lon,date\n");
    for i in 0..20_000 {
        let lat = if i % 4_999 == 7 {
            "x".to_owned()
        } else {
            format!("{}", i % 80)
        };
        let date = if i == 15_000 { "soon" } else { "12 March 2025" };
        text.push_str(&format!("r{i},{lat},{},{date}\n", i % 170));
    }
    let report = load(&text);
    let errors = messages(&report.errors);
    // Rows 7, 5006, 10005, 15004 (0-based records), numbered from the header's row 1.
    assert_eq!(
        errors
            .iter()
            .map(|e| e.split(':').nth(1).unwrap_or(""))
            .collect::<Vec<_>>(),
        ["row 9", "row 5008", "row 10007", "row 15006"],
        "{errors:?}"
    );
    assert_eq!(messages(&report.warnings).len(), 1);
    let warning = &messages(&report.warnings)[0];
    assert!(
        warning.contains("x.csv:row 15002: date \"soon\""),
        "{warning}"
    );
    let layer = report.layer.unwrap();
    assert_eq!(layer.features().len(), 20_000 - 4);
    let ids: Vec<String> = layer
        .features()
        .iter()
        .map(|f| f.properties()["id"].as_str().unwrap_or("").to_owned())
        .collect();
    assert_eq!(ids[0], "r0");
    assert_eq!(ids[7], "r8", "r7 had no position");
    assert_eq!(ids.last().map(String::as_str), Some("r19999"));
    let undated = layer
        .features()
        .iter()
        .filter(|f| f.extent == crate::layers::TimeExtent::Timeless);
    assert_eq!(undated.count(), 1, "only the row whose date did not read");
}

#[test]
fn the_column_dialogs_preview_reads_rows_in_the_current_language() {
    use crate::i18n::{Lang, tests::Speaking};
    let text = "lat,lon,date\n10,20,2025-03-04\n,20,\n95,200,someday\n";
    let report = load(text);
    let guess = report.csv.as_ref().unwrap();
    let english = crate::layers::read_preview(guess, &CsvMapping::default());
    assert_eq!(english[1], ("no position".into(), "undated".into()));
    assert_eq!(english[2], ("off the globe".into(), "not a date".into()));
    let _speaking = Speaking::new(Lang::Es);
    let spanish = crate::layers::read_preview(guess, &CsvMapping::default());
    assert_eq!(spanish[0], ("10.0000, 20.0000".into(), "2025-03-04".into()));
    assert_eq!(spanish[1], ("sin posición".into(), "sin fecha".into()));
    assert_eq!(
        spanish[2],
        ("fuera del globo".into(), "no es una fecha".into())
    );
}
