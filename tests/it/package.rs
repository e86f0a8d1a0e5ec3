//! The Debian package's make-up without building it (a release build is
//! slow): every asset `[package.metadata.deb]` names exists, and the desktop
//! entry, the MIME types and every hicolor icon size are among them; the
//! icons are PNGs of their size; the desktop entry opens the formats sitmap
//! reads and passes `desktop-file-validate` where that is installed.
//! `scripts/package` builds the real package and checks it with
//! `scripts/check-package`.

use std::path::PathBuf;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `(source, destination)` of each asset, read from Cargo.toml's
/// `assets = [["src", "dest", "mode"], ...]` (one asset a line).
fn assets() -> Vec<(String, String)> {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
    let section = manifest
        .split("[package.metadata.deb]")
        .nth(1)
        .expect("Cargo.toml has [package.metadata.deb]");
    let list = section.split("assets = [").nth(1).unwrap();
    let list = &list[..list.find("\n]").unwrap()];
    list.lines()
        .filter_map(|line| {
            let fields: Vec<&str> = line.split('"').collect();
            (fields.len() >= 6).then(|| (fields[1].to_owned(), fields[3].to_owned()))
        })
        .collect()
}

const SIZES: [u32; 8] = [16, 22, 24, 32, 48, 64, 128, 256];

#[test]
fn the_package_holds_the_desktop_entry_the_mime_types_and_every_icon_size() {
    let assets = assets();
    for (source, _) in &assets {
        if source != "target/release/sitmap" {
            assert!(root().join(source).is_file(), "missing asset {source}");
        }
    }
    let installs = |dest: &str| assets.iter().any(|(_, d)| d == dest);
    assert!(installs("usr/bin/"));
    assert!(installs("usr/share/applications/"));
    assert!(installs("usr/share/mime/packages/sitmap.xml"));
    assert!(installs("usr/share/icons/hicolor/scalable/apps/"));
    for size in SIZES {
        let dest = format!("usr/share/icons/hicolor/{size}x{size}/apps/");
        assert!(installs(&dest), "no {size} px icon");
        let png = root().join(format!(
            "assets/icons/hicolor/{size}x{size}/apps/sitmap.png"
        ));
        let image = image::open(&png).unwrap();
        assert_eq!((image.width(), image.height()), (size, size), "{png:?}");
    }
}

#[test]
fn the_desktop_entry_opens_every_format_sitmap_reads() {
    let entry = std::fs::read_to_string(root().join("assets/sitmap.desktop")).unwrap();
    let mime = entry
        .lines()
        .find_map(|l| l.strip_prefix("MimeType="))
        .unwrap();
    for kind in [
        "application/geo+json",
        "application/vnd.google-earth.kml+xml",
        "application/vnd.google-earth.kmz",
        "application/gpx+xml",
        "text/csv",
        "application/x-sitmap",
    ] {
        assert!(mime.split(';').any(|m| m == kind), "{kind} not in {mime}");
    }
    assert!(entry.contains("Exec=sitmap %F"));
    let xml = std::fs::read_to_string(root().join("assets/sitmap-mime.xml")).unwrap();
    assert!(xml.contains(r#"<mime-type type="application/x-sitmap">"#));
    assert!(xml.contains(r#"<glob pattern="*.sitmap"/>"#));
    let mut reader = quick_xml::Reader::from_str(&xml);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("sitmap-mime.xml is not well-formed: {e}"),
        }
    }
    if let Ok(output) = std::process::Command::new("desktop-file-validate")
        .arg(root().join("assets/sitmap.desktop"))
        .output()
    {
        let said = String::from_utf8_lossy(&output.stdout);
        assert!(output.status.success() && said.trim().is_empty(), "{said}");
    }
}
