//! The generated layer files of `benches/layers.rs`, for measuring outside
//! criterion. Both tests are ignored (they write hundreds of MB); run them
//! in a release build:
//!
//! ```sh
//! SITMAP_LAYER_FILES=/tmp/layers cargo test --release --test it layers_files -- --ignored --nocapture
//! ogrinfo -ro -al -so /tmp/layers/events-1000000.geojson
//! ```

#[path = "../../benches/layers.rs"]
#[allow(dead_code)]
mod bench;

use bench::events;
use std::path::PathBuf;

/// Writes the files into `$SITMAP_LAYER_FILES` (default
/// `target/layer-files`), e.g. to time `ogrinfo` on them.
#[test]
#[ignore = "writes about 500 MB; run by hand to measure other tools"]
fn write_the_generated_layer_files() {
    let dir = std::env::var_os("SITMAP_LAYER_FILES").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/layer-files"),
        PathBuf::from,
    );
    std::fs::create_dir_all(&dir).unwrap();
    for count in events::COUNTS {
        let path = dir.join(events::file_name(count));
        let size = events::write(&path, count).unwrap();
        println!("{} ({:.1} MB)", path.display(), size as f64 / 1e6);
    }
}

/// The issue's memory target: the loaded model at most 1.2 times the file size.
#[test]
#[ignore = "writes and loads about 500 MB; meaningful in a release build"]
fn the_loaded_model_takes_at_most_1_2_times_the_file_size() {
    // The app's allocator settings (the test binary's first thread is
    // already running, but no other allocates yet).
    sitmap::allocator::tune();
    let dir = tempfile::tempdir().unwrap();
    for count in events::COUNTS {
        let path = dir.path().join(events::file_name(count));
        let size = events::write(&path, count).unwrap();
        let (growth, features) = events::loaded_growth(&path).unwrap();
        let ratio = growth as f64 / size as f64;
        println!(
            "{count} points: file {:.1} MB, loaded model {:.1} MB resident, {ratio:.2}× the file",
            size as f64 / 1e6,
            growth as f64 / 1e6,
        );
        assert_eq!(features, count);
        assert!(ratio <= 1.2, "{ratio:.2}× the file size");
    }
}
