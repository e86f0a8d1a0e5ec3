//! CSV import speed: `load_path` on a generated 100,000-row ACLED-style
//! export with ACLED's 31 columns and a long `notes` cell (46 MB: more than
//! the "about 30 MB", so the measure is if anything pessimistic),
//! the target being a median of at most 0.5 s. The same file is kept at `target/acled_100k.csv` for comparing
//! with `ogr2ogr -f GeoJSON out.geojson acled_100k.csv -oo
//! X_POSSIBLE_NAMES=longitude -oo Y_POSSIBLE_NAMES=latitude`.

use criterion::{Criterion, criterion_group, criterion_main};
use std::fmt::Write as _;
use std::hint::black_box;
use std::path::PathBuf;

const ROWS: usize = 100_000;

const TYPES: [(&str, &str); 6] = [
    ("Battles", "Armed clash"),
    ("Violence against civilians", "Attack"),
    ("Protests", "Peaceful protest"),
    ("Riots", "Mob violence"),
    (
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    ),
    ("Strategic developments", "Looting/property destruction"),
];

/// ACLED's current export columns, one row per event over the Americas
/// and Africa, dates from 2018 on in the older `12 March 2025` form.
fn acled_like(rows: usize) -> String {
    let mut out = String::with_capacity(rows * 320);
    out.push_str(
        "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,\
         actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,\
         iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,\
         source,source_scale,notes,fatalities,tags,timestamp\n",
    );
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let mut seed = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for i in 0..rows {
        let r = next();
        let (kind, sub) = TYPES[(r % 6) as usize];
        let day = 1 + (r >> 8) % 28;
        let month = MONTHS[((r >> 16) % 12) as usize];
        let year = 2018 + (r >> 24) % 8;
        let lat = -35.0 + ((r >> 32) % 60_000) as f64 / 1000.0;
        let lon = -80.0 + ((r >> 40) % 100_000) as f64 / 1000.0;
        let precision = 1 + (r >> 50) % 3;
        let fatalities = (r >> 54) % 12;
        let _ = writeln!(
            out,
            "XYZ{i},{day:02} {month} {year},{year},1,Political violence,{kind},{sub},\
             Military Forces of Somewhere (2016-),,1,\"Civilians (Somewhere)\",,7,17,\
             Civilian targeting,204,Western Africa,Somewhere,Province {p},District {d},,\
             Town {t},{lat:.4},{lon:.4},{precision},Local Paper; Radio {p},National,\
             \"On {day} {month} {year}, an armed group attacked a village near Town {t} \
             (District {d}, Province {p}). {fatalities} people were reported killed, and \
             several \"\"others\"\" were injured.\",{fatalities},,1675102875",
            p = r % 17,
            d = r % 97,
            t = r % 1013,
        );
    }
    out
}

fn csv_file() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"));
    let path = target.join("acled_100k.csv");
    let text = acled_like(ROWS);
    if std::fs::read(&path).ok().as_deref() != Some(text.as_bytes())
        && let Err(e) = std::fs::write(&path, text)
    {
        panic!("cannot write {}: {e}", path.display());
    }
    path
}

fn import(c: &mut Criterion) {
    let path = csv_file();
    let size = std::fs::metadata(&path).map_or(0, |m| m.len());
    eprintln!("{}: {:.1} MB", path.display(), size as f64 / 1e6);
    let report = sitmap::layers::load_path(&path);
    let loaded = report.layer.map(|l| l.features().len());
    assert_eq!(loaded, Some(ROWS), "{:?}", report.errors.first());
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    // The time to a loaded layer; freeing it (when the layer is closed)
    // is not part of importing it.
    group.bench_function("acled_csv_100k", |b| {
        b.iter_with_large_drop(|| sitmap::layers::load_path(black_box(&path)))
    });
    group.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
