//! Reading a file's bytes: the size limit, the read in pieces on two
//! threads, and the UTF-8 check made piece by piece as the pieces come in.

use super::*;
use crate::layers::Problem;

fn fixture_path(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn printed(problems: &[Problem]) -> Vec<String> {
    problems.iter().map(ToString::to_string).collect()
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_read_whole() {
    let path = fixture_path("valid_point.geojson");
    let err = read_limited(&path, 100).unwrap_err();
    assert!(
        matches!(err, LoadError::TooLarge { limit_bytes: 100 }),
        "{err}"
    );
    assert!(read_limited(&path, MAX_FILE_BYTES).is_ok());
}

#[test]
fn a_big_file_read_in_pieces_on_two_threads_is_read_byte_for_byte() {
    // Over two pieces and a bit, every byte telling its place.
    let size = 2 * READ_PIECE_BYTES + 12_345;
    let bytes: Vec<u8> = (0..size).map(|i| (i % 251) as u8).collect();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.bin");
    std::fs::write(&path, &bytes).unwrap();
    let read = read_limited(&path, MAX_FILE_BYTES).unwrap();
    assert!(read.bytes == bytes);
    assert!(!read.utf8, "bytes 128-250 are not UTF-8 here");
}

#[test]
fn a_big_file_is_checked_as_utf8_while_it_is_read_across_cut_characters() {
    // Multi-byte characters of every length, so that characters straddle
    // the piece boundaries: a GeoJSON text of about two and a half pieces.
    let name = "Curaçao — 東京 🚢 ";
    let feature = |i: usize| {
        format!(
            r#"{{"type":"Feature","properties":{{"name":"{name}{i}"}},"geometry":{{"type":"Point","coordinates":[{}, 10]}}}}"#,
            -60.0 - (i % 100) as f64 * 0.1
        )
    };
    let mut text = String::from(r#"{"type":"FeatureCollection","features":["#);
    let boundaries = [READ_PIECE_BYTES, 2 * READ_PIECE_BYTES];
    // Where the `ç` is in a feature's text.
    let cedilla = feature(0).find('ç').unwrap();
    let mut count = 0;
    while text.len() < 2 * READ_PIECE_BYTES + READ_PIECE_BYTES / 2 {
        if count > 0 {
            text.push(',');
        }
        // Near a boundary, spaces between elements put a `ç` across it.
        if let Some(&b) = boundaries
            .iter()
            .find(|&&b| (b - 400..b).contains(&text.len()))
        {
            let pad = b - 1 - text.len() - cedilla;
            text.extend(std::iter::repeat_n(' ', pad));
        }
        text.push_str(&feature(count));
        count += 1;
    }
    text.push_str("]}");
    assert!(
        boundaries.iter().all(|&b| !text.is_char_boundary(b)),
        "the test wants characters cut by the piece boundaries"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.geojson");
    std::fs::write(&path, &text).unwrap();
    let read = read_limited(&path, MAX_FILE_BYTES).unwrap();
    assert!(read.utf8);
    assert!(read.bytes == text.as_bytes());
    let report = load_path(&path);
    assert!(report.errors.is_empty(), "{:?}", printed(&report.errors));
    assert_eq!(report.layer.unwrap().features().len(), count);

    // One stray byte just past a boundary: not UTF-8, and the message says
    // where, as for a file read at once.
    let mut broken = text.into_bytes();
    let at = (boundaries[1]..).find(|&i| broken[i] == b'a').unwrap();
    broken[at] = 0xFF;
    std::fs::write(&path, &broken).unwrap();
    assert!(!read_limited(&path, MAX_FILE_BYTES).unwrap().utf8);
    let report = load_path(&path);
    let errors = printed(&report.errors);
    assert!(report.layer.is_none());
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains("UTF-8"), "{errors:?}");
}
