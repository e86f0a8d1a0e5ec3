//! The message files held to each other and to the code: every English
//! message translated with the same variables, no parse errors, and every
//! key the code names present in English.

use super::*;
use fluent_syntax::ast::{self, Entry, Expression, InlineExpression, PatternElement};
use std::collections::{BTreeMap, BTreeSet};

/// This thread speaks `lang` until dropped, then English again (tests share
/// threads with nothing, but a failed assertion must not leak a language).
pub(crate) struct Speaking;

impl Speaking {
    pub(crate) fn new(lang: Lang) -> Self {
        set_current(lang);
        Speaking
    }
}

impl Drop for Speaking {
    fn drop(&mut self) {
        set_current(Lang::En);
    }
}

/// Message id → the variables its value and attributes use (in selectors,
/// placeables and function arguments alike); parse errors, junk and
/// repeated ids as an error.
fn messages_of(source: &str) -> Result<BTreeMap<String, BTreeSet<String>>, String> {
    let resource = fluent_syntax::parser::parse(source)
        .map_err(|(_, errors)| format!("parse errors {errors:?}"))?;
    let mut out = BTreeMap::new();
    for entry in resource.body {
        match entry {
            Entry::Message(message) => {
                let mut vars = BTreeSet::new();
                if let Some(value) = &message.value {
                    pattern_vars(value, &mut vars);
                }
                for attribute in &message.attributes {
                    pattern_vars(&attribute.value, &mut vars);
                }
                let id = message.id.name.to_owned();
                if out.insert(id.clone(), vars).is_some() {
                    return Err(format!("{id} twice"));
                }
            }
            Entry::Junk { content } => return Err(format!("junk {content:?}")),
            _ => {}
        }
    }
    Ok(out)
}

/// The messages of all of `lang`'s files; an id in two files is an error.
fn messages(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let mut all = BTreeMap::new();
    for source in lang.sources() {
        let file = messages_of(source).unwrap_or_else(|e| panic!("{}: {e}", lang.code()));
        for (id, vars) in file {
            assert!(all.insert(id.clone(), vars).is_none(), "{id} in two files");
        }
    }
    all
}

/// What a translation lacks, adds, or words with other variables.
fn differences(
    english: &BTreeMap<String, BTreeSet<String>>,
    other: &BTreeMap<String, BTreeSet<String>>,
) -> Vec<String> {
    let mut out = Vec::new();
    for (id, vars) in english {
        match other.get(id) {
            None => out.push(format!("{id}: missing")),
            Some(theirs) if theirs != vars => {
                out.push(format!("{id}: variables {theirs:?}, English {vars:?}"));
            }
            Some(_) => {}
        }
    }
    for id in other.keys().filter(|id| !english.contains_key(*id)) {
        out.push(format!("{id}: not in English"));
    }
    out
}

fn pattern_vars(pattern: &ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(expression: &Expression<&str>, vars: &mut BTreeSet<String>) {
    match expression {
        Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for variant in variants {
                pattern_vars(&variant.value, vars);
            }
        }
        Expression::Inline(inline) => inline_vars(inline, vars),
    }
}

fn inline_vars(inline: &InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_vars(argument, vars);
            }
            for argument in &arguments.named {
                inline_vars(&argument.value, vars);
            }
        }
        InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        _ => {}
    }
}

#[test]
fn every_english_message_is_translated_with_the_same_variables() {
    let english = messages(Lang::En);
    assert!(english.len() > 100, "{} English messages", english.len());
    for lang in [Lang::Es, Lang::PtBr] {
        let wrong = differences(&english, &messages(lang));
        assert!(wrong.is_empty(), "{}: {wrong:#?}", lang.code());
    }
}

#[test]
fn a_translation_missing_a_key_or_dropping_or_adding_a_variable_is_caught() {
    let english = messages_of(
        "count = { $n ->\n    [one] one layer\n   *[other] { $n } layers\n} in { $file }\nkept = Kept\n",
    )
    .unwrap();
    let dropped = messages_of(
        "count = { $n ->\n    [one] una capa\n   *[other] { $n } capas\n}\nkept = Guardado\n",
    )
    .unwrap();
    let added =
        messages_of("count = { $n } capas en { $file } { $extra }\nkept = Guardado\nnew = Nuevo\n")
            .unwrap();
    let missing = messages_of("count = { $n } capas en { $file }\n").unwrap();
    assert_eq!(
        differences(&english, &dropped).len(),
        1,
        "{:?}",
        differences(&english, &dropped)
    );
    assert!(differences(&english, &dropped)[0].starts_with("count: variables"));
    assert_eq!(differences(&english, &added).len(), 2);
    assert_eq!(differences(&english, &missing), ["kept: missing"]);
    assert!(messages_of("broken = {").is_err());
}

/// Every `t!("key"`, `tr("key"` and `said!("key"` in the sources names
/// an English message.
#[test]
fn every_key_the_code_names_has_an_english_message() {
    let english = messages(Lang::En);
    let mut missing = Vec::new();
    let mut named = 0;
    let mut stack = vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src"
    ))];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            // This file names keys of made-up examples.
            if path.extension().is_none_or(|e| e != "rs") || path.ends_with("i18n/tests.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for opener in ["t!(", "tr(", "said!("] {
                for (at, _) in text.match_indices(opener) {
                    // `t!(` and `tr(` themselves, not `assert!(` or `str(`.
                    let before = text[..at].chars().next_back();
                    if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                        continue;
                    }
                    // The key may stand on the next line (rustfmt's choice).
                    let Some(rest) = text[at + opener.len()..].trim_start().strip_prefix('"')
                    else {
                        continue;
                    };
                    let Some(end) = rest.find('"') else { continue };
                    let key = &rest[..end];
                    let shaped = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
                    if key.is_empty() || !key.chars().all(shaped) {
                        continue;
                    }
                    named += 1;
                    if !english.contains_key(key) {
                        missing.push(format!("{}: {key}", path.display()));
                    }
                }
            }
        }
    }
    assert!(named > 50, "only {named} keys found");
    assert!(missing.is_empty(), "no English message for {missing:#?}");
}

#[test]
fn a_missing_message_falls_back_to_english_then_to_its_id() {
    assert_eq!(message(Lang::Es, "no-such-message", &[]), "no-such-message");
    assert!(has_message(Lang::Es, "menu-file"));
    assert_eq!(message(Lang::Es, "menu-file", &[]), "Archivo");
    assert_eq!(message(Lang::PtBr, "menu-file", &[]), "Arquivo");
}

#[test]
fn the_language_is_per_thread_and_other_threads_keep_the_default() {
    let _speaking = Speaking::new(Lang::Es);
    assert_eq!(current(), Lang::Es);
    let other = std::thread::spawn(current).join().unwrap();
    assert_eq!(other, Lang::En);
}

#[test]
fn language_codes_read_in_any_case_and_list_all_three() {
    assert_eq!(Lang::from_code("pt-br"), Some(Lang::PtBr));
    assert_eq!(Lang::from_code("pt_BR"), Some(Lang::PtBr));
    assert_eq!(Lang::from_code("ES"), Some(Lang::Es));
    assert_eq!(Lang::from_code("fr"), None);
    assert_eq!(Lang::codes(), "en, es, pt-BR");
}
