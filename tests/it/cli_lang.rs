//! `--lang` and the system locale on the command line: an unknown language
//! is a usage error naming ours, and the chosen one words the messages.

use assert_cmd::Command as Process;

/// The binary with no locale of the caller's leaking in.
fn sitmap() -> Process {
    let mut process = Process::cargo_bin("sitmap").unwrap();
    process
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8");
    process
}

#[test]
fn an_unknown_lang_is_a_usage_error_naming_the_languages() {
    for args in [
        &["--lang", "xx"][..],
        &["render", "--lang", "fr", "--out", "x.png"],
        &["check", "--lang=de", "x.geojson"],
    ] {
        let output = sitmap().args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("en, es, pt-BR"), "{args:?}: {stderr}");
    }
}

#[test]
fn lang_words_errors_and_help_in_that_language_before_or_after_the_command() {
    let output = sitmap()
        .args([
            "--lang",
            "es",
            "render",
            "--date",
            "2025-02-30",
            "--out",
            "x.png",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no es un día del calendario"), "{stderr}");

    let output = sitmap()
        .args(["render", "--help", "--lang", "pt-BR"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success());
    assert!(stdout.contains("Opções:"), "{stdout}");
    assert!(stdout.contains("O arquivo PNG a gravar"), "{stdout}");
}

#[test]
fn the_system_locale_picks_the_language_and_lang_overrides_it() {
    let output = sitmap()
        .env("LANG", "es_MX.UTF-8")
        .args(["render", "--date", "nope", "--out", "x.png"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("no es una fecha"), "{stderr}");

    let output = sitmap()
        .env("LC_ALL", "pt_BR.UTF-8")
        .args(["--lang", "en", "render", "--date", "nope", "--out", "x.png"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("is not a date"), "{stderr}");
}

#[test]
fn check_words_its_report_and_the_loaders_problems_in_the_chosen_language() {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let files = [
        "invalid_coordinates_out_of_range.geojson",
        "invalid_end_before_start.geojson",
        "not_json.geojson",
    ];
    let run = |lang: &str| {
        let output = sitmap()
            .current_dir(fixtures)
            .args(["check", "--lang", lang])
            .args(files)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1));
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    let spanish = run("es");
    for expected in [
        "2 entidades tienen una geometría que no se puede leer y se omitieron; p. ej., \
         entidad 2 (id x)",
        "invalid_end_before_start.geojson:entidad 1 (id late): el fin `2025-09-01` es \
         anterior al inicio `2025-09-02`; se ignora `end`",
        "not_json.geojson: no es JSON válido en la línea 5, columna 5",
        "invalid_end_before_start.geojson: 2 entidades (Point 2); fechas 2025-09-02 a \
         2025-09-10; 0 errores, 1 advertencia",
        "advertencia: invalid_end_before_start.geojson:entidad 1",
        "se revisaron 3 archivos: 2 con errores",
    ] {
        assert!(spanish.contains(expected), "{expected}\n{spanish}");
    }
    let portuguese = run("pt-BR");
    assert!(
        portuguese.contains("aviso: invalid_end_before_start.geojson:feição 1 (id late): o fim"),
        "{portuguese}"
    );
    assert!(portuguese.contains("; 1 erro, 0 avisos"), "{portuguese}");
    assert!(run("en").contains("feature 1 (id late): end `2025-09-01` is before start"));
}

#[test]
fn convert_bundle_and_render_report_in_the_chosen_language() {
    let dir = tempfile::tempdir().unwrap();
    let layer = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/valid_point.geojson"
    );
    let run = |args: &[&str]| {
        let output = sitmap()
            .current_dir(dir.path())
            .args(args)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&output.stdout).into_owned()
            + &String::from_utf8_lossy(&output.stderr);
        (output.status.code(), text)
    };
    let (code, text) = run(&["convert", "--lang", "es", layer, "out.kml"]);
    assert_eq!(code, Some(0), "{text}");
    assert!(
        text.contains("se escribió out.kml: 2 de 2 entidades como KML"),
        "{text}"
    );
    let (code, text) = run(&["convert", "--lang", "pt-BR", layer, "out.xyz"]);
    assert_eq!(code, Some(2), "{text}");
    assert!(
        text.contains("não é possível saber o formato de out.xyz"),
        "{text}"
    );
    let (code, text) = run(&[
        "render",
        "--lang",
        "es",
        "--from",
        "2025-09-05",
        "--to",
        "2025-09-01",
        "--out-dir",
        "f",
    ]);
    assert_eq!(code, Some(2), "{text}");
    assert!(
        text.contains("--to 2025-09-01 es anterior a --from 2025-09-05"),
        "{text}"
    );
    let (code, text) = run(&["render", "--lang", "pt-BR", "--out", "x.jpg"]);
    assert_eq!(code, Some(2), "{text}");
    assert!(
        text.contains("x.jpg: a saída deve ser um arquivo .png"),
        "{text}"
    );
    let story = concat!(env!("CARGO_MANIFEST_DIR"), "/geodata/story.json");
    let (code, text) = run(&["bundle", "--lang", "es", "--story", story, "--out", "x.zip"]);
    assert_eq!(code, Some(2), "{text}");
    assert!(text.contains("x.zip no termina en .sitmap"), "{text}");
}

/// A copy of a fixture written by others, spoiled the way a hand edit or a
/// cut download spoils it, in `dir`.
fn spoiled(dir: &std::path::Path, name: &str, spoil: impl Fn(Vec<u8>) -> Vec<u8>) -> String {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let bytes = std::fs::read(format!("{fixtures}/{name}")).unwrap();
    let out = name.rsplit('/').next().unwrap().to_owned();
    std::fs::write(dir.join(&out), spoil(bytes)).unwrap();
    out
}

#[test]
fn the_loaders_deep_details_are_worded_in_the_chosen_language_naming_the_place() {
    let dir = tempfile::tempdir().unwrap();
    // GDAL's KML with a letter typed into its second placemark's
    // coordinates; ACLED's Benin export with a latitude that is not a
    // number in its first data row (spreadsheet row 2); Natural Earth's
    // countries as FlatGeobuf, cut short.
    let kml = spoiled(
        dir.path(),
        "kml/gdal_placemark_in_root_and_subfolder.kml",
        |b| {
            let text = String::from_utf8(b).unwrap();
            let at = text.match_indices("<coordinates>").nth(1).unwrap().0 + "<coordinates>".len();
            format!("{}1x,{}", &text[..at], &text[at..]).into_bytes()
        },
    );
    let csv = spoiled(dir.path(), "csv/acled_benin.csv", |b| {
        let text = String::from_utf8(b).unwrap();
        assert!(text.contains("\nBEN892,"));
        text.replacen(",12.0455,3.1338,", ",norte12.0455,3.1338,", 1)
            .into_bytes()
    });
    let fgb = spoiled(dir.path(), "fgb/countries.fgb", |b| b[..20_000].to_vec());
    let run = |lang: &str| {
        let output = sitmap()
            .current_dir(dir.path())
            .args(["check", "--lang", lang, &kml, &csv, &fgb])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1));
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    let english = run("en");
    for expected in [
        "placemark 2: the LineString's coordinates hold `1x`, which is not a number (coordinates)",
        "acled_benin.csv:row 2: the latitude \"norte12.0455\" is not a number",
        "countries.fgb: at byte 19408: a record of 836 bytes would end past the end of the \
         file (20000 bytes): truncated or corrupt",
    ] {
        assert!(english.contains(expected), "{expected}\n{english}");
    }
    let spanish = run("es");
    for expected in [
        "gdal_placemark_in_root_and_subfolder.kml:marca de posición 2: las coordenadas de \
         LineString contienen `1x`, que no es un número (coordinates)",
        "acled_benin.csv:fila 2: la latitud \"norte12.0455\" no es un número",
        "countries.fgb: en el byte 19408: un registro de 836 bytes acabaría más allá del \
         final del archivo (20000 bytes): truncado o dañado",
    ] {
        assert!(spanish.contains(expected), "{expected}\n{spanish}");
    }
    let portuguese = run("pt-BR");
    for expected in [
        "gdal_placemark_in_root_and_subfolder.kml:marcador 2: as coordenadas de LineString \
         contêm `1x`, que não é um número (coordinates)",
        "acled_benin.csv:linha 2: a latitude \"norte12.0455\" não é um número",
        "countries.fgb: no byte 19408: um registro de 836 bytes terminaria depois do fim do \
         arquivo (20000 bytes): truncado ou corrompido",
    ] {
        assert!(portuguese.contains(expected), "{expected}\n{portuguese}");
    }
}
