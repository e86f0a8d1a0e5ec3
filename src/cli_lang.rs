//! The command line in the user's language: which language (`--lang`
//! found before clap parses, so that its usage errors and `--help` speak it
//! too), and the help text from the message files.
//!
//! The arguments stay declared once, with clap's derive and their English
//! doc comments; [`localized`] then walks the built command and replaces
//! each about and help by the message `cli-<command>-<arg>` of the current
//! language (English included: the test
//! `every_argument_has_help_in_english_equal_to_its_doc_comment` holds the
//! English messages to the doc comments, so the two cannot drift). clap's
//! own words (the headings, "Print help") are replaced the same way;
//! clap's error texts stay English, but our own value checks (a date, a
//! language) word theirs.

use crate::i18n::{self, Lang};
use std::ffi::OsString;

/// The language `--lang X` or `--lang=X` asks for, if it is one we speak
/// (an unknown one is left to clap, which refuses it with exit 2).
pub fn lang_in_args(args: &[OsString]) -> Option<Lang> {
    let mut args = args.iter().map(|a| a.to_string_lossy());
    while let Some(arg) = args.next() {
        if arg == "--" {
            return None;
        }
        if arg == "--lang" {
            return args.next().and_then(|code| Lang::from_code(&code));
        }
        if let Some(code) = arg.strip_prefix("--lang=") {
            return Lang::from_code(code);
        }
    }
    None
}

/// The message key of an argument's help: `cli-<command path>-<arg id>`
/// ("cli-render-out"; the top level is "sitmap").
fn key(path: &str, id: &str) -> String {
    // `--lang` is global: one help for every command.
    let path = if id == "lang" { "sitmap" } else { path };
    format!("cli-{path}-{}", id.replace('_', "-"))
}

/// `command` (built) with every about, help and heading in the current
/// language, where the message files have it.
pub fn localized(mut command: clap::Command) -> clap::Command {
    command.build();
    localize(command, "sitmap")
}

fn localize(command: clap::Command, path: &str) -> clap::Command {
    let lang = i18n::current();
    let text = |key: &str| i18n::has_message(lang, key).then(|| i18n::tr(key));
    // clap's default template, with its "Usage:" ours.
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{}: {{usage}}\n\n{{all-args}}{{after-help}}",
        i18n::tr("cli-heading-usage")
    );
    let mut command = command
        .help_template(template)
        .subcommand_help_heading(i18n::tr("cli-heading-commands"));
    if let Some(about) = text(&format!("cli-{path}-about")) {
        command = command.about(about);
    }
    let ids: Vec<(String, bool)> = command
        .get_arguments()
        .map(|a| (a.get_id().to_string(), a.is_positional()))
        .collect();
    for (id, positional) in ids {
        let help = match id.as_str() {
            "help" => text("cli-help"),
            "version" => text("cli-version"),
            _ => text(&key(path, &id)),
        };
        let heading = i18n::tr(if positional {
            "cli-heading-arguments"
        } else {
            "cli-heading-options"
        });
        command = command.mut_arg(id.as_str(), |arg| {
            let arg = arg.help_heading(heading);
            match help {
                Some(help) => arg.help(help),
                None => arg,
            }
        });
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    for name in names {
        let sub_path = if name == "help" {
            "help".to_owned()
        } else {
            name.clone()
        };
        command = command.mut_subcommand(name.as_str(), |sub| localize(sub, &sub_path));
    }
    command
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::tests::Speaking;
    use clap::CommandFactory;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn lang_is_found_before_parsing_in_either_form_and_anywhere() {
        assert_eq!(
            lang_in_args(&args(&["sitmap", "--lang", "es"])),
            Some(Lang::Es)
        );
        assert_eq!(
            lang_in_args(&args(&[
                "sitmap",
                "render",
                "--out",
                "a.png",
                "--lang=pt-BR"
            ])),
            Some(Lang::PtBr)
        );
        assert_eq!(lang_in_args(&args(&["sitmap", "--lang", "xx"])), None);
        assert_eq!(lang_in_args(&args(&["sitmap", "--", "--lang", "es"])), None);
        assert_eq!(lang_in_args(&args(&["sitmap", "a.geojson"])), None);
    }

    /// Every (sub)command's about and every argument's help as clap's
    /// derive has them (the doc comments), by message key.
    fn derive_texts() -> Vec<(String, String)> {
        fn walk(command: &clap::Command, path: &str, out: &mut Vec<(String, String)>) {
            if let Some(about) = command.get_about() {
                out.push((format!("cli-{path}-about"), about.to_string()));
            }
            for arg in command.get_arguments() {
                let id = arg.get_id().as_str();
                if id == "help" || id == "version" {
                    continue;
                }
                let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
                out.push((key(path, id), help));
            }
            for sub in command.get_subcommands() {
                if sub.get_name() != "help" {
                    walk(sub, sub.get_name(), out);
                }
            }
        }
        let mut command = crate::cli::Cli::command();
        command.build();
        let mut out = Vec::new();
        walk(&command, "sitmap", &mut out);
        out
    }

    #[test]
    fn every_argument_has_help_in_english_equal_to_its_doc_comment() {
        let texts = derive_texts();
        assert!(texts.len() > 40, "{} texts", texts.len());
        let mut wrong = Vec::new();
        for (key, derived) in &texts {
            let english = i18n::message(Lang::En, key, &[]);
            if !i18n::has_message(Lang::En, key) {
                wrong.push(format!("{key} = {derived}"));
            } else if english != *derived {
                wrong.push(format!("{key}:\n  ftl:    {english}\n  derive: {derived}"));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn help_in_spanish_has_spanish_headings_and_argument_help() {
        let _spanish = Speaking::new(Lang::Es);
        let mut command = localized(crate::cli::Cli::command());
        let help = command.render_help().to_string();
        assert!(help.contains("Opciones:"), "{help}");
        assert!(help.contains("Comandos:"), "{help}");
        assert!(help.contains(&i18n::tr("cli-sitmap-lang")), "{help}");
        assert!(!help.contains("Options:"), "{help}");
        let mut render = command.find_subcommand_mut("render").cloned().unwrap();
        let help = render.render_help().to_string();
        assert!(help.contains(&i18n::tr("cli-render-out")), "{help}");
    }
}
