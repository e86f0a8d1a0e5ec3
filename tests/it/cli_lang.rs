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
