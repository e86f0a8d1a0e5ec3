//! KML conversion through the ordinary loader, on small hand-written files;
//! the files written by others are in `tests/it/import_files.rs`.
#![allow(clippy::unwrap_used)]

use super::*;
use crate::layers::{DatePrecision, LoadReport, Rgb, load_str};

fn load(kml: &str) -> LoadReport {
    let path: Arc<Path> = Path::new("t.kml").into();
    let converted = convert(kml.as_bytes(), &path).unwrap();
    let report = load_str(&converted.text, &path);
    converted.relabel(report)
}

fn document(body: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\" \
         xmlns:gx=\"http://www.google.com/kml/ext/2.2\"><Document><name>Doc</name>{body}</Document></kml>"
    )
}

#[test]
fn a_placemark_brings_its_title_description_time_and_id() {
    let report = load(&document(
        "<Placemark id=\"p1\"><name>Strike</name>\
         <description><![CDATA[<p>Boat hit<br>3 killed</p>]]></description>\
         <TimeStamp><when>2025-09-02T14:30:00Z</when></TimeStamp>\
         <Point><coordinates>-66.1,12.5,0</coordinates></Point></Placemark>",
    ));
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let layer = report.layer.unwrap();
    let feature = &layer.features()[0];
    assert_eq!(feature.id(), Some("p1"));
    assert_eq!(feature.title(), Some("Strike"));
    assert_eq!(feature.description(), Some("Boat hit\n3 killed"));
    assert_eq!(
        feature.extent.range_secs(),
        Some((1_756_823_400, Some(1_756_823_400)))
    );
    assert_eq!(feature.geometry_type(), "Point");
}

#[test]
fn spans_of_years_and_months_cover_them_and_an_open_span_is_ongoing() {
    let report = load(&document(
        "<Placemark><TimeSpan><begin>2024</begin><end>2024</end></TimeSpan>\
           <Point><coordinates>1,2</coordinates></Point></Placemark>\
         <Placemark><TimeStamp><when>2024-03</when></TimeStamp>\
           <Point><coordinates>1,2</coordinates></Point></Placemark>\
         <Placemark><TimeSpan><begin>2024-05-01</begin></TimeSpan>\
           <Point><coordinates>1,2</coordinates></Point></Placemark>",
    ));
    let layer = report.layer.unwrap();
    let [year, month, open] = layer.features() else {
        panic!("three features");
    };
    let (start, end) = year.extent.range_secs().unwrap();
    assert_eq!(crate::layers::time::format_start(start), "2024-01-01");
    assert_eq!(crate::layers::time::format_end(end.unwrap()), "2024-12-31");
    assert_eq!(year.date_precision, DatePrecision::Approximate);
    assert_eq!(month.date_precision, DatePrecision::Month);
    assert!(open.extent.is_ongoing());
}

#[test]
fn folders_become_a_path_and_lend_their_time_to_placemarks_without_one() {
    let report = load(&document(
        "<Folder><name>2024</name><TimeSpan><begin>2024-01-01</begin><end>2024-01-31</end></TimeSpan>\
           <Folder><name>Strikes</name>\
             <Placemark><Point><coordinates>1,2</coordinates></Point></Placemark>\
             <Placemark><TimeStamp><when>2024-06-01</when></TimeStamp><Point><coordinates>1,2</coordinates></Point></Placemark>\
           </Folder></Folder>\
         <Placemark><Point><coordinates>1,2</coordinates></Point></Placemark>",
    ));
    let layer = report.layer.unwrap();
    let features = layer.features();
    assert_eq!(features[0].properties()["folder"], "2024/Strikes");
    let (start, end) = features[0].extent.range_secs().unwrap();
    assert_eq!(crate::layers::time::format_start(start), "2024-01-01");
    assert_eq!(crate::layers::time::format_end(end.unwrap()), "2024-01-31");
    let (own, _) = features[1].extent.range_secs().unwrap();
    assert_eq!(crate::layers::time::format_start(own), "2024-06-01");
    assert!(!features[2].properties().contains_key("folder"));
    assert!(
        features[2].extent.range_secs().is_none(),
        "outside the folder: timeless"
    );
}

#[test]
fn extended_data_becomes_properties_typed_by_its_schema() {
    let report = load(&document(
        "<Schema id=\"s\"><SimpleField name=\"killed\" type=\"int\"/><SimpleField name=\"note\" type=\"string\"/></Schema>\
         <Placemark><name>A</name><ExtendedData>\
           <Data name=\"source\"><value>AP</value></Data><Data name=\"title\"><value>other</value></Data>\
           <SchemaData schemaUrl=\"#s\"><SimpleData name=\"killed\">3</SimpleData>\
           <SimpleData name=\"note\">07</SimpleData></SchemaData>\
         </ExtendedData><Point><coordinates>1,2</coordinates></Point></Placemark>",
    ));
    let properties = report.layer.unwrap().features()[0].properties();
    assert_eq!(properties["source"], "AP");
    assert_eq!(properties["killed"], 3);
    assert_eq!(properties["note"], "07");
    assert_eq!(properties["title"], "A");
    assert_eq!(properties["data:title"], "other");
}

#[test]
fn an_unreadable_placemark_is_an_error_naming_it_and_the_rest_load() {
    let report = load(&document(
        "<Placemark><Point><coordinates>1,2</coordinates></Point></Placemark>\
         <Placemark id=\"bad\"><LineString><coordinates>1,2 3,x</coordinates></LineString></Placemark>\
         <Placemark><Point><coordinates>3,4</coordinates></Point></Placemark>",
    ));
    assert_eq!(report.layer.unwrap().features().len(), 2);
    let messages: Vec<String> = report.errors.iter().map(ToString::to_string).collect();
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(
        messages[0]
            .starts_with("t.kml:placemark 2 (id bad): the LineString's coordinates hold `x`"),
        "{messages:?}"
    );
}

#[test]
fn a_file_broken_midway_loads_what_came_before_with_one_error() {
    let text = document(
        "<Placemark><Point><coordinates>1,2</coordinates></Point></Placemark>\n\
         <Placemark><Point><coordinates>3,4</coordinates></Point></Placemark>\n\
         <Placemark><Point></Placemark>",
    );
    let report = load(&text);
    assert_eq!(report.layer.unwrap().features().len(), 2);
    assert_eq!(report.errors.len(), 1);
    let message = report.errors[0].to_string();
    assert!(
        message.starts_with("t.kml: not valid XML at line 4, column"),
        "{message}"
    );
    assert!(
        message.contains("the 2 placemarks before it loaded"),
        "{message}"
    );
    let cut = load(&text[..text.len() / 2]);
    assert_eq!(cut.errors.len(), 1, "{:?}", cut.errors);
}

#[test]
fn text_that_is_not_xml_at_all_is_one_error_and_nothing_loads() {
    let path: Arc<Path> = Path::new("t.kml").into();
    let error = convert(b"not xml <<<", &path).err().unwrap();
    assert!(
        error.to_string().starts_with("not valid XML at line 1"),
        "{error}"
    );
}

#[test]
fn network_links_are_named_never_fetched() {
    let report = load(&document(
        "<NetworkLink><name>Live</name><Link><href>https://example.org/live.kml</href></Link></NetworkLink>",
    ));
    let warnings: Vec<String> = report.warnings.iter().map(ToString::to_string).collect();
    assert!(
        warnings.iter().any(
            |w| w.contains("NetworkLink `Live` to https://example.org/live.kml is not fetched")
        ),
        "{warnings:?}"
    );
}

#[test]
fn a_gx_track_is_a_line_from_its_first_to_its_last_when() {
    let report = load(&document(
        "<Placemark><gx:Track><when>2010-05-28T02:02:09Z</when><when>2010-05-28T02:02:35Z</when>\
         <gx:coord>-122.2 37.3 156</gx:coord><gx:coord>-122.1 37.4 152</gx:coord></gx:Track></Placemark>",
    ));
    let layer = report.layer.unwrap();
    let feature = &layer.features()[0];
    assert_eq!(feature.geometry_type(), "LineString");
    assert_eq!(
        feature.extent.range_secs(),
        Some((1_275_012_129, Some(1_275_012_155)))
    );
    assert_eq!(feature.properties()["times"].as_array().unwrap().len(), 2);
}

#[test]
fn shared_styles_and_style_maps_colour_the_features() {
    let report = load(&document(
        "<Style id=\"red\"><IconStyle><color>ff0000ff</color></IconStyle>\
           <PolyStyle><color>7f00ff00</color></PolyStyle></Style>\
         <StyleMap id=\"m\"><Pair><key>normal</key><styleUrl>#red</styleUrl></Pair></StyleMap>\
         <Placemark><styleUrl>#m</styleUrl><Point><coordinates>1,2</coordinates></Point></Placemark>\
         <Placemark><styleUrl>#red</styleUrl><Polygon><outerBoundaryIs><LinearRing>\
           <coordinates>0,0 1,0 1,1 0,0</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>",
    ));
    let layer = report.layer.unwrap();
    let point = layer.features()[0].style.as_deref().unwrap();
    assert_eq!(point.marker_color, Some(Rgb([255, 0, 0])));
    let polygon = layer.features()[1].style.as_deref().unwrap();
    assert_eq!(polygon.fill, Some(Rgb([0, 255, 0])));
    assert_eq!(polygon.fill_opacity, Some(0.5));
}

#[test]
fn a_placemark_without_geometry_is_an_unlocated_feature() {
    let report = load(&document("<Placemark><name>Statement</name></Placemark>"));
    let layer = report.layer.unwrap();
    assert!(!layer.features()[0].is_located());
}

#[test]
fn prefixed_kml_elements_and_old_namespaces_read_alike() {
    let report = load(
        "<kml:kml xmlns:kml=\"http://earth.google.com/kml/2.1\"><kml:Folder><kml:name>F</kml:name>\
         <kml:Placemark><kml:name>P</kml:name><kml:MultiGeometry>\
         <kml:Point><kml:coordinates>1,2</kml:coordinates></kml:Point>\
         <kml:MultiGeometry><kml:Point><kml:coordinates>3,4</kml:coordinates></kml:Point></kml:MultiGeometry>\
         </kml:MultiGeometry></kml:Placemark></kml:Folder></kml:kml>",
    );
    let layer = report.layer.unwrap();
    let feature = &layer.features()[0];
    assert_eq!(feature.title(), Some("P"));
    assert_eq!(feature.geometry_type(), "MultiPoint");
    assert_eq!(feature.properties()["folder"], "F");
}
