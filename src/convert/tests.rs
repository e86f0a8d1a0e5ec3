//! The writers against the loader: what is written reads back to the same
//! features, times and properties; KML is well-formed and carries its time
//! elements; CSV reads back by the `csv` crate.

use super::*;
use crate::layers::{Day, LoadReport, load_str};
use quick_xml::events::Event;
use serde_json::Value;

/// Every shape of feature the writers must survive: each geometry type, no
/// geometry, a day, an instant, a span, an open span, a timeless feature,
/// sources, figures, text that needs quoting and escaping.
const MIXED: &str = r##"{"type":"FeatureCollection","sitmap":{"name":"Mixed <&> layer","color":"#cc3300"},"features":[
 {"type":"Feature","properties":{"id":"p1","title":"A \"quoted\", <tagged> & 'odd' title","kind":"boat_strike",
   "start":"2025-09-02","killed":11,"description":"line one\nline two, with comma; and\ttab\u0007bell",
   "sources":[{"title":"Report","url":"https://example.org/a?x=1&y=2","published":"2025-09-03"}]},
   "geometry":{"type":"Point","coordinates":[-66.5,18.25]}},
 {"type":"Feature","id":"line","properties":{"title":"A track","start":"2025-09-01T10:30:00Z","end":"2025-09-04"},
   "geometry":{"type":"LineString","coordinates":[[-70,15],[-68,16],[-67,16.5]]}},
 {"type":"Feature","properties":{"id":"area","start":"2025-08-01","end":"ongoing","fill":"#00ff00","fill-opacity":0.5,"stroke":"#0000ff","stroke-width":2},
   "geometry":{"type":"Polygon","coordinates":[[[-80,10],[-70,10],[-70,20],[-80,20],[-80,10]],[[-76,12],[-74,12],[-74,14],[-76,12]]]}},
 {"type":"Feature","properties":{"id":"multi","start":"2025-09-10T00:00:00Z","WKT":"mine"},
   "geometry":{"type":"MultiPolygon","coordinates":[[[[-60,10],[-59,10],[-59,11],[-60,10]]],[[[-58,10],[-57,10],[-57,11],[-58,10]]]]}},
 {"type":"Feature","properties":{"id":"pts","title":"Timeless points"},
   "geometry":{"type":"MultiPoint","coordinates":[[-60,10],[-61,11]]}},
 {"type":"Feature","properties":{"id":"lines","start":"2025-10-01"},
   "geometry":{"type":"MultiLineString","coordinates":[[[-60,10],[-61,11]],[[-62,12],[-63,13]]]}},
 {"type":"Feature","properties":{"id":"gc","start":"2025-10-02"},
   "geometry":{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[-60,10]},{"type":"LineString","coordinates":[[-60,10],[-61,11]]}]}},
 {"type":"Feature","properties":{"id":"nowhere","title":"Statement","start":"2025-11-17","nested":{"a":[1,2]}},
   "geometry":null}
]}"##;

fn load(text: &str, name: &str) -> LoadReport {
    let report = load_str(text, name);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    report
}

fn mixed() -> Layer {
    load(MIXED, "mixed.geojson").layer.unwrap()
}

fn day(text: &str) -> TimeFilter {
    TimeFilter::as_of(Day::parse(text).unwrap())
}

#[test]
fn geojson_reloads_to_the_same_features_times_and_properties() {
    let layer = mixed();
    let text = String::from_utf8(to_geojson(&layer, None)).unwrap();
    let again = load(&text, "again.geojson").layer.unwrap();
    assert_eq!(again.name, layer.name);
    assert_eq!(again.colour, layer.colour);
    assert_eq!(again.features().len(), layer.features().len());
    for (a, b) in layer.features().iter().zip(again.features()) {
        assert_eq!(a.id(), b.id());
        assert_eq!(a.extent, b.extent, "{:?}", a.id());
        assert_eq!(a.geometry(), b.geometry(), "{:?}", a.id());
        assert_eq!(a.properties(), b.properties(), "{:?}", a.id());
        assert!(a.sources().eq(b.sources()));
        assert_eq!(a.style, b.style);
        assert_eq!(a.is_located(), b.is_located());
    }
}

#[test]
fn a_layer_dated_by_its_own_field_keeps_its_dates_in_geojson() {
    // USGS writes `time` in epoch milliseconds; the copy says `start`.
    let usgs = r#"{"type":"FeatureCollection","features":[
      {"type":"Feature","id":"us1","properties":{"mag":4.5,"time":1700000000000},"geometry":{"type":"Point","coordinates":[-70,-20]}},
      {"type":"Feature","id":"us2","properties":{"mag":5.1,"time":1700086400000},"geometry":{"type":"Point","coordinates":[-71,-21]}}]}"#;
    let layer = load(usgs, "usgs.geojson").layer.unwrap();
    assert!(layer.time_range().is_some());
    let text = String::from_utf8(to_geojson(&layer, None)).unwrap();
    let again = load(&text, "copy.geojson");
    assert_eq!(again.time_field, None, "dated by start, not a guess");
    let again = again.layer.unwrap();
    for (a, b) in layer.features().iter().zip(again.features()) {
        assert_eq!(a.extent, b.extent);
        assert_eq!(b.properties()["mag"], a.properties()["mag"]);
    }
}

#[test]
fn only_what_is_shown_at_a_date_is_written() {
    let layer = mixed();
    let filter = day("2025-09-02");
    let shown: Vec<_> = selected(&layer, Some(&filter))
        .map(|f| f.id().map(Box::<str>::from))
        .collect();
    // The day's strike, the running track and area, the timeless points;
    // not what comes later.
    let ids: Vec<Option<&str>> = shown.iter().map(|id| id.as_deref()).collect();
    assert_eq!(
        ids,
        [Some("p1"), Some("line"), Some("area"), Some("pts")],
        "{ids:?}"
    );
    let text = String::from_utf8(to_geojson(&layer, Some(&filter))).unwrap();
    assert_eq!(
        load(&text, "day.geojson").layer.unwrap().features().len(),
        4
    );
    let kml = String::from_utf8(to_kml(&layer, Some(&filter))).unwrap();
    assert_eq!(kml.matches("<Placemark>").count(), 4);
    let csv = to_csv(&layer, Some(&filter)).unwrap();
    assert_eq!(csv_rows(&csv).1.len(), 4);
}

/// Parses XML to the end, returning every element's local name in order
/// and the text of the element named `text_of`.
fn parse_xml(bytes: &[u8], text_of: &str) -> (Vec<String>, Vec<String>) {
    let mut reader = quick_xml::Reader::from_reader(bytes);
    let mut names = Vec::new();
    let mut texts = Vec::new();
    let mut buf = Vec::new();
    let mut inside = false;
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => {
                let name = String::from_utf8(e.local_name().as_ref().to_vec()).unwrap();
                inside = name == text_of;
                if inside {
                    texts.push(String::new());
                }
                names.push(name);
            }
            Ok(Event::Empty(e)) => {
                names.push(String::from_utf8(e.local_name().as_ref().to_vec()).unwrap());
            }
            Ok(Event::Text(t)) if inside => {
                if let Some(last) = texts.last_mut() {
                    last.push_str(&t.xml10_content().unwrap());
                }
            }
            Ok(Event::GeneralRef(r)) if inside => {
                let name = String::from_utf8(r.to_vec()).unwrap();
                let c = quick_xml::escape::resolve_predefined_entity(&name)
                    .map(str::to_owned)
                    .or_else(|| r.resolve_char_ref().ok().flatten().map(String::from))
                    .unwrap();
                if let Some(last) = texts.last_mut() {
                    last.push_str(&c);
                }
            }
            Ok(Event::End(_)) => inside = false,
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("not well-formed at {}: {e}", reader.buffer_position()),
        }
        buf.clear();
    }
    (names, texts)
}

#[test]
fn kml_is_well_formed_with_a_placemark_per_feature_and_its_time_elements() {
    let layer = mixed();
    let kml = to_kml(&layer, None);
    let (names, _) = parse_xml(&kml, "");
    let count = |name: &str| names.iter().filter(|n| *n == name).count();
    assert_eq!(count("kml"), 1);
    assert_eq!(count("Placemark"), layer.features().len());
    // Instants: the strike (a day), the multipolygon (a moment), the
    // line set and the collection (days), the statement: TimeStamp.
    assert_eq!(count("TimeStamp"), 5);
    // The track and the open area: TimeSpan; only the track has an end.
    assert_eq!(count("TimeSpan"), 2);
    assert_eq!(count("begin"), 2);
    assert_eq!(count("end"), 1);
    assert_eq!(count("Point"), 1 + 2 + 1);
    assert_eq!(count("Polygon"), 1 + 2);
    assert_eq!(count("innerBoundaryIs"), 1);
    assert_eq!(count("MultiGeometry"), 4);
    let text = String::from_utf8(kml).unwrap();
    assert!(text.contains("<when>2025-09-02</when>"), "{text}");
    assert!(text.contains("<when>2025-09-10T00:00:00Z</when>"), "{text}");
    assert!(
        text.contains("<begin>2025-09-01T10:30:00Z</begin><end>2025-09-04</end>"),
        "{text}"
    );
}

#[test]
fn kml_text_is_escaped_and_reads_back_as_written() {
    let layer = mixed();
    let kml = to_kml(&layer, None);
    let (_, names) = parse_xml(&kml, "name");
    assert!(
        names.contains(&"A \"quoted\", <tagged> & 'odd' title".to_owned()),
        "{names:?}"
    );
    assert!(names.contains(&"Mixed <&> layer".to_owned()), "{names:?}");
    let (_, descriptions) = parse_xml(&kml, "description");
    // The bell character is not allowed in XML 1.0, even escaped: dropped.
    assert_eq!(
        descriptions,
        ["line one\nline two, with comma; and\ttabbell"]
    );
    let text = String::from_utf8(kml).unwrap();
    assert!(text.contains("<Data name=\"killed\"><value>11</value></Data>"));
    assert!(text.contains("<Data name=\"kind\"><value>boat_strike</value></Data>"));
}

#[test]
fn kml_styles_carry_the_colours_in_kml_order() {
    let text = String::from_utf8(to_kml(&mixed(), None)).unwrap();
    // #cc3300 is aabbggrr ff0033cc; the area's own fill at half opacity.
    assert!(
        text.contains("<IconStyle><color>ff0033cc</color></IconStyle>"),
        "{text}"
    );
    assert!(
        text.contains("<PolyStyle><color>8000ff00</color></PolyStyle>"),
        "{text}"
    );
    assert!(
        text.contains("<LineStyle><color>ffff0000</color><width>2</width></LineStyle>"),
        "{text}"
    );
    let placemarks = text.matches("<Placemark>").count();
    assert_eq!(text.matches("<styleUrl>#s").count(), placemarks);
}

fn csv_rows(bytes: &[u8]) -> (csv::StringRecord, Vec<csv::StringRecord>) {
    let mut reader = csv::Reader::from_reader(bytes);
    let header = reader.headers().unwrap().clone();
    let rows = reader.records().map(|r| r.unwrap()).collect();
    (header, rows)
}

#[test]
fn csv_reads_back_with_every_feature_its_times_and_its_properties() {
    let layer = mixed();
    let (header, rows) = csv_rows(&to_csv(&layer, None).unwrap());
    assert_eq!(rows.len(), layer.features().len());
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    for (feature, row) in layer.features().iter().zip(&rows) {
        let start = Some(&row[column("start")]).filter(|s| !s.is_empty());
        let end = Some(&row[column("end")]).filter(|s| !s.is_empty());
        assert_eq!(
            TimeExtent::parse(start, end).unwrap(),
            feature.extent,
            "{row:?}"
        );
        assert_eq!(row[column("WKT")].is_empty(), !feature.is_located());
    }
    let strike = &rows[0];
    assert_eq!(&strike[column("lon")], "-66.5");
    assert_eq!(&strike[column("lat")], "18.25");
    assert_eq!(&strike[column("WKT")], "POINT (-66.5 18.25)");
    assert_eq!(&strike[column("killed")], "11");
    assert_eq!(
        &strike[column("title")],
        "A \"quoted\", <tagged> & 'odd' title"
    );
    assert!(strike[column("description")].contains("line one\nline two, with comma;"));
    assert_eq!(
        &strike[column("sources")],
        "Report <https://example.org/a?x=1&y=2> (2025-09-03)"
    );
    // A property named like a fixed column keeps its value under its own name.
    assert_eq!(&rows[3][column("property:WKT")], "mine");
    assert_eq!(&rows[7][column("nested")], r#"{"a":[1,2]}"#);
    assert_eq!(&rows[2][column("end")], "ongoing");
    assert!(rows[2][column("WKT")].starts_with("POLYGON ((-80 10, -70 10"));
    assert_eq!(
        &rows[6][column("WKT")],
        "GEOMETRYCOLLECTION (POINT (-60 10), LINESTRING (-60 10, -61 11))"
    );
}

#[test]
fn instants_at_midnight_stay_instants_and_days_stay_days() {
    for (start, expected) in [
        ("2025-09-10T00:00:00Z", "2025-09-10T00:00:00Z"),
        ("2025-09-10", "2025-09-10"),
        ("2025-09-10T23:59:59Z", "2025-09-10T23:59:59Z"),
    ] {
        let extent = TimeExtent::parse(Some(start), None).unwrap();
        let times = Times::of(&extent);
        assert_eq!(times.start.as_deref(), Some(expected));
        assert_eq!(times.end, None);
        let back = TimeExtent::parse(times.start.as_deref(), None).unwrap();
        assert_eq!(back, extent);
    }
}

#[test]
fn formats_are_chosen_by_extension_in_any_case() {
    assert_eq!(
        Format::from_path(Path::new("a.GeoJSON")),
        Some(Format::GeoJson)
    );
    assert_eq!(
        Format::from_path(Path::new("a.json")),
        Some(Format::GeoJson)
    );
    assert_eq!(Format::from_path(Path::new("x/a.kml")), Some(Format::Kml));
    assert_eq!(Format::from_path(Path::new("a.csv")), Some(Format::Csv));
    assert_eq!(Format::from_path(Path::new("a.shp")), None);
    assert_eq!(Format::from_path(Path::new("kml")), None);
}

#[test]
fn a_write_leaves_the_file_whole_and_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.kml");
    std::fs::write(&path, "old").unwrap();
    let written = write(&mixed(), Format::Kml, None, &path).unwrap();
    assert_eq!(written, 8);
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1);
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .ends_with("</kml>\n")
    );
    let missing = dir.path().join("no/such/dir/out.csv");
    let error = write(&mixed(), Format::Csv, None, &missing).unwrap_err();
    assert!(error.to_string().contains("out.csv"), "{error}");
}

#[test]
fn an_empty_layer_writes_empty_but_valid_files() {
    let empty = load(
        r#"{"type":"FeatureCollection","features":[]}"#,
        "empty.geojson",
    );
    let layer = empty.layer.unwrap();
    let geojson: Value = serde_json::from_slice(&to_geojson(&layer, None)).unwrap();
    assert_eq!(geojson["features"].as_array().map(Vec::len), Some(0));
    let (names, _) = parse_xml(&to_kml(&layer, None), "");
    assert!(!names.contains(&"Placemark".to_owned()));
    let (header, rows) = csv_rows(&to_csv(&layer, None).unwrap());
    assert_eq!(header.len(), 10);
    assert!(rows.is_empty());
}

#[test]
fn named_sources_without_links_survive_csv_and_geojson_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let acled = dir.path().join("acled.csv");
    std::fs::write(
        &acled,
        "event_date,latitude,longitude,source,url,notes\n\
         12 March 2025,10.5,2.25,Reuters; Radio Okapi,,Clash\n\
         13 March 2025,10.6,2.35,Local paper,https://example.org/x?a=1;b=2,Raid\n",
    )
    .unwrap();
    let first = crate::layers::load_path(&acled);
    assert!(first.warnings.is_empty(), "{:?}", first.warnings);
    let layer = first.layer.unwrap();
    let sources = |layer: &Layer| -> Vec<Vec<crate::layers::Source>> {
        layer
            .features()
            .iter()
            .map(|f| f.sources().map(|s| s.to_source()).collect::<Vec<_>>())
            .collect()
    };
    let expected = sources(&layer);
    assert_eq!(expected[0].len(), 2);
    assert_eq!(expected[0][1].title.as_deref(), Some("Radio Okapi"));
    assert_eq!(expected[0][1].url, None);
    assert_eq!(
        expected[1][0].url.as_deref(),
        Some("https://example.org/x?a=1;b=2")
    );

    let csv_copy = dir.path().join("copy.csv");
    std::fs::write(&csv_copy, to_csv(&layer, None).unwrap()).unwrap();
    let again = crate::layers::load_path(&csv_copy);
    assert!(again.warnings.is_empty(), "{:?}", again.warnings);
    assert_eq!(sources(&again.layer.unwrap()), expected);

    let text = String::from_utf8(to_geojson(&layer, None)).unwrap();
    let again = load(&text, "copy.geojson");
    assert!(again.warnings.is_empty(), "{:?}", again.warnings);
    assert_eq!(sources(&again.layer.unwrap()), expected);
}

#[test]
fn a_big_flatgeobuf_streamed_to_geojson_is_the_whole_layers_geojson() {
    let dir = tempfile::tempdir().unwrap();
    let path = crate::layers::import_tests::scatter_file(dir.path(), 3_000);
    let whole = crate::layers::load_path(&path).layer.unwrap();
    let options = crate::layers::LoadOptions::default();
    for filter in [None, Some(day("2025-06-30"))] {
        let out = dir.path().join("out.geojson");
        // In chunks of 700: the seams between chunks leave no trace.
        let streamed = super::stream_out::fgb_to_geojson_in_chunks(
            &path,
            &out,
            filter.as_ref(),
            &options,
            700,
        )
        .unwrap();
        assert_eq!(streamed.summary.features, 3_000);
        assert_eq!(streamed.written, selected(&whole, filter.as_ref()).count());
        assert_eq!(
            std::fs::read(&out).unwrap(),
            to_geojson(&whole, filter.as_ref()),
            "filter {filter:?}"
        );
    }
}
