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
fn check_words_the_loaders_problems_in_the_chosen_language() {
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
    ] {
        assert!(spanish.contains(expected), "{expected}\n{spanish}");
    }
    let portuguese = run("pt-BR");
    assert!(
        portuguese.contains("feição 1 (id late): o fim `2025-09-01` é anterior ao início"),
        "{portuguese}"
    );
    assert!(run("en").contains("feature 1 (id late): end `2025-09-01` is before start"));
}
