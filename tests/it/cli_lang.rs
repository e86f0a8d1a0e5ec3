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
